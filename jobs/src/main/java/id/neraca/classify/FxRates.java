package id.neraca.classify;

import id.neraca.core.NeracaException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code fx_monthly.csv} ({@code month,currency,idr_per_unit,source}; extra columns allowed) on the driver
 * and checks every line, so a malformed rate fails with its file and line instead of deep inside Spark. The table
 * is a few hundred rows; the classifier broadcasts it.
 */
public final class FxRates {
    private FxRates() {}

    /** Rows in {@link OriginClassifier#FX} order. */
    public static List<Row> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw NeracaException.usage("%s: cannot read: %s", file, e.getMessage());
        }
        return parse(file.toString(), lines);
    }

    /**
     * Per currency, the months whose rate the file's {@code confidence} column marks {@code assumed} (carried forward,
     * not observed), sorted; empty without that column. The file has been checked by {@link #load} already.
     */
    public static Map<String, List<String>> assumedMonths(Path file) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) return out;
            List<String> head = BrandOrigins.Csv.split(lines.get(0).replace("\uFEFF", "").trim());
            int month = head.indexOf("month");
            int currency = head.indexOf("currency");
            int confidence = head.indexOf("confidence");
            if (month < 0 || currency < 0 || confidence < 0) return out;
            for (String raw : lines.subList(1, lines.size())) {
                if (raw.isBlank()) continue;
                List<String> f = BrandOrigins.Csv.split(raw);
                if (f.size() <= confidence || !f.get(confidence).trim().equalsIgnoreCase("assumed")) continue;
                out.computeIfAbsent(f.get(currency).trim().toUpperCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                        .add(f.get(month).trim());
            }
        } catch (IOException e) {
            throw NeracaException.usage("%s: cannot read: %s", file, e.getMessage());
        }
        out.values().forEach(java.util.Collections::sort);
        return out;
    }

    public static List<Row> parse(String where, List<String> lines) {
        if (lines.isEmpty()) throw NeracaException.data("%s: empty; expected the header month,currency,idr_per_unit,source", where);
        List<String> head = BrandOrigins.Csv.split(lines.get(0).replace("\uFEFF", "").trim());
        int month = head.indexOf("month");
        int currency = head.indexOf("currency");
        int rate = head.indexOf("idr_per_unit");
        int source = head.indexOf("source");
        if (month < 0 || currency < 0 || rate < 0) {
            throw NeracaException.data("%s (line 1): header must have month,currency,idr_per_unit[,source], got '%s'", where, lines.get(0));
        }
        List<Row> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.isBlank()) continue;
            List<String> f = BrandOrigins.Csv.split(raw);
            int line = i + 1;
            if (f.size() < head.size()) {
                throw NeracaException.data("%s (line %d): %d fields, the header has %d", where, line, f.size(), head.size());
            }
            String m = f.get(month).trim();
            String c = f.get(currency).trim().toUpperCase(java.util.Locale.ROOT);
            String r = f.get(rate).trim();
            if (!m.matches("\\d{4}-(0[1-9]|1[0-2])")) {
                throw NeracaException.data("%s (line %d): month '%s' must be yyyy-MM", where, line, m);
            }
            if (!c.matches("[A-Z]{3}")) {
                throw NeracaException.data("%s (line %d): currency '%s' must be an ISO 4217 code like USD", where, line, c);
            }
            BigDecimal v;
            try {
                v = new BigDecimal(r);
            } catch (NumberFormatException e) {
                throw NeracaException.data("%s (line %d): idr_per_unit '%s' is not a number (write 15234.56, no thousands separators)", where, line, r);
            }
            if (v.signum() <= 0) throw NeracaException.data("%s (line %d): idr_per_unit must be positive, got %s", where, line, r);
            Integer prev = seen.put(m + "/" + c, line);
            if (prev != null) {
                throw NeracaException.data("%s (line %d): a second %s rate for %s (first on line %d); keep one", where, line, c, m, prev);
            }
            out.add(RowFactory.create(m, c, v.toPlainString(), source < 0 ? null : f.get(source)));
        }
        return out;
    }
}
