package id.neraca.project;

import id.neraca.core.NeracaException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the small reference CSVs the projection needs (RFC 4180 quoting, header row, UTF-8). */
public final class ReferenceCsv {
    private ReferenceCsv() {}

    /** Rows as header → value maps, with the 1-based line number under key {@code #line}. */
    public static List<Map<String, String>> read(Path file, List<String> required) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw NeracaException.usage("%s: reference file not found. Put it in run.reference_dir or change the "
                    + "project.coverage setting that names it (see docs/PROJECTION.md).", file);
        } catch (IOException e) {
            throw NeracaException.usage("%s: cannot read: %s", file, e.getMessage());
        }
        if (lines.isEmpty()) throw NeracaException.data("%s: empty file; expected a header row %s", file, required);
        String head = lines.get(0);
        if (head.startsWith("\uFEFF")) head = head.substring(1);
        List<String> header = split(head);
        for (String r : required) {
            if (!header.contains(r)) {
                throw NeracaException.data("%s (line 1): missing column '%s'; the header must hold %s", file, r, required);
            }
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> v = split(line);
            if (v.size() != header.size()) {
                throw NeracaException.data("%s (line %d): %d fields, the header has %d", file, i + 1, v.size(), header.size());
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int j = 0; j < header.size(); j++) m.put(header.get(j), v.get(j).trim());
            m.put("#line", String.valueOf(i + 1));
            out.add(m);
        }
        return out;
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    public static List<Coverage.Benchmark> benchmarks(Path file) {
        List<Coverage.Benchmark> out = new ArrayList<>();
        for (Map<String, String> r : read(file, List.of("report_year", "year", "metric", "value_usd_bn", "kind", "source", "confidence"))) {
            try {
                String conf = r.get("confidence");
                if (!ProjectConfig.CONFIDENCE.contains(conf)) {
                    throw new IllegalArgumentException("confidence must be one of " + ProjectConfig.CONFIDENCE + ", got '" + conf + "'");
                }
                out.add(new Coverage.Benchmark(Integer.parseInt(r.get("report_year")), Integer.parseInt(r.get("year")),
                        r.get("metric"), new BigDecimal(r.get("value_usd_bn")), r.get("kind"), r.get("source"), conf));
            } catch (IllegalArgumentException e) {
                throw NeracaException.data("%s (line %s): %s", file, r.get("#line"), e.getMessage());
            }
        }
        return out;
    }

    /**
     * Average IDR per unit of {@code currency} per calendar year (mean of the monthly averages present), and the
     * number of months each average rests on.
     */
    public static Map<Integer, BigDecimal> annualAverage(Path file, String currency, Map<Integer, Integer> monthsPerYear) {
        Map<Integer, BigDecimal> sum = new TreeMap<>();
        for (Map<String, String> r : read(file, List.of("month", "currency", "idr_per_unit", "source"))) {
            if (!r.get("currency").equalsIgnoreCase(currency)) continue;
            try {
                String month = r.get("month");
                if (!month.matches("\\d{4}-\\d{2}")) throw new IllegalArgumentException("month must be yyyy-MM, got '" + month + "'");
                int year = Integer.parseInt(month.substring(0, 4));
                BigDecimal v = new BigDecimal(r.get("idr_per_unit"));
                if (v.signum() <= 0) throw new IllegalArgumentException("idr_per_unit must be positive");
                sum.merge(year, v, BigDecimal::add);
                monthsPerYear.merge(year, 1, Integer::sum);
            } catch (IllegalArgumentException e) {
                throw NeracaException.data("%s (line %s): %s", file, r.get("#line"), e.getMessage());
            }
        }
        Map<Integer, BigDecimal> avg = new TreeMap<>();
        for (var e : sum.entrySet()) {
            avg.put(e.getKey(), e.getValue().divide(BigDecimal.valueOf(monthsPerYear.get(e.getKey())), 6,
                    java.math.RoundingMode.HALF_UP));
        }
        return avg;
    }
}
