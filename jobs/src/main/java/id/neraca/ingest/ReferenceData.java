package id.neraca.ingest;

import id.neraca.core.NeracaException;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The small reference tables ingest needs, loaded once on the driver and shipped to tasks with the parser:
 * provinces (code, zone, aliases), regencies and cities (to province), countries (to ISO alpha-2), the shared
 * category taxonomy, and monthly FX rates (IDR per unit). Lookups are by a normalised key: lower case, dots
 * dropped, whitespace collapsed ("Kab. Bogor" = "kab bogor").
 */
public final class ReferenceData implements Serializable {
    /** A city/regency as matched: its canonical name and province code. */
    public record Place(String name, String provinceCode) implements Serializable {}

    private final Map<String, String> provinceByKey = new HashMap<>();
    private final Map<String, String> zoneByProvince = new HashMap<>();
    private final Map<String, List<Place>> placesByKey = new HashMap<>();
    private final Map<String, String> countryByKey = new HashMap<>();
    private final Map<String, String> categoryByKey = new HashMap<>();
    private final Map<String, BigDecimal> fx = new HashMap<>();
    private final Set<String> provinceCodes = new java.util.HashSet<>();

    public static final List<String> FILES = List.of("provinces.csv", "regencies.csv", "countries.csv", "categories.csv", "fx_monthly.csv");

    /** Loads the five tables from {@code dir}; a missing file or column is a usage error naming it. */
    public static ReferenceData load(Path dir) {
        ReferenceData r = new ReferenceData();
        for (Map<String, String> row : read(dir.resolve("provinces.csv"), "province_code", "name", "timezone", "aliases")) {
            String code = row.get("province_code");
            r.provinceCodes.add(code);
            try {
                java.time.ZoneId.of(row.get("timezone"));   // before Spark starts, not inside a task
            } catch (java.time.DateTimeException e) {
                throw id.neraca.core.NeracaException.usage("%s: province %s has time zone '%s', which is not an IANA zone "
                        + "(use Asia/Jakarta for WIB, Asia/Makassar for WITA, Asia/Jayapura for WIT)",
                        dir.resolve("provinces.csv"), code, row.get("timezone"));
            }
            r.zoneByProvince.put(code, row.get("timezone"));
            r.provinceByKey.put(key(row.get("name")), code);
            r.provinceByKey.put(code, code);
            for (String a : aliases(row.get("aliases"))) r.provinceByKey.put(key(a), code);
        }
        for (Map<String, String> row : read(dir.resolve("regencies.csv"), "regency_code", "province_code", "name", "kind", "aliases")) {
            Place p = new Place(row.get("name"), row.get("province_code"));
            List<String> names = new ArrayList<>(aliases(row.get("aliases")));
            names.add(row.get("name"));
            String n = row.get("name");
            if (n.startsWith("Kabupaten ")) names.add("Kab " + n.substring(10));
            for (String a : names) {
                List<Place> l = r.placesByKey.computeIfAbsent(key(a), k -> new ArrayList<>(1));
                if (!l.contains(p)) l.add(p);
            }
        }
        for (Map<String, String> row : read(dir.resolve("countries.csv"), "alpha2", "name_en", "name_id", "aliases")) {
            String a2 = row.get("alpha2");
            r.countryByKey.put(key(a2), a2);
            r.countryByKey.put(key(row.get("name_en")), a2);
            r.countryByKey.put(key(row.get("name_id")), a2);
            for (String a : aliases(row.get("aliases"))) r.countryByKey.put(key(a), a2);
        }
        for (Map<String, String> row : read(dir.resolve("categories.csv"), "category", "aliases")) {
            String c = row.get("category");
            r.categoryByKey.put(key(c), c);
            for (String a : aliases(row.get("aliases"))) r.categoryByKey.put(key(a), c);
        }
        for (Map<String, String> row : read(dir.resolve("fx_monthly.csv"), "month", "currency", "idr_per_unit")) {
            try {
                r.fx.put(row.get("month") + "|" + row.get("currency"), new BigDecimal(row.get("idr_per_unit")));
            } catch (NumberFormatException e) {
                throw NeracaException.usage("%s: idr_per_unit '%s' is not a number", dir.resolve("fx_monthly.csv"), row.get("idr_per_unit"));
            }
        }
        return r;
    }

    /** Lower case; dots, dashes and underscores as spaces; runs of whitespace as one space; trimmed. */
    static String key(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        boolean space = true; // drops leading spaces
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == '_' || c == '-' || Character.isWhitespace(c) || c == '\u00a0') {
                if (!space) b.append(' ');
                space = true;
            } else {
                b.append(Character.toLowerCase(c));
                space = false;
            }
        }
        int n = b.length();
        if (n > 0 && b.charAt(n - 1) == ' ') b.setLength(n - 1);
        return b.toString();
    }

    private static List<String> aliases(String s) {
        if (s == null || s.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        for (String a : s.split("\\|")) if (!a.isBlank()) out.add(a.trim());
        return out;
    }

    /**
     * Province code from a province name, alias or code; null when unknown. A leading "Provinsi", "Propinsi", "Prov."
     * or "Prop." (as address forms write it: "Provinsi Jawa Barat", "Prov. Bali") is not part of the name: without it
     * the province was unknown, and the seller's time zone taken as WIB, one or two hours off in Bali or Papua.
     */
    public String province(String name) {
        if (name == null) return null;
        String k = key(name);
        String code = provinceByKey.get(k);
        if (code == null) {
            for (String prefix : PROVINCE_PREFIXES) {
                if (k.startsWith(prefix) && k.length() > prefix.length()) return provinceByKey.get(k.substring(prefix.length()));
            }
        }
        return code;
    }

    /** The word "province" before a province's name, as {@link #key} writes it (dots become spaces). */
    private static final List<String> PROVINCE_PREFIXES = List.of("provinsi ", "propinsi ", "prov ", "prop ");

    public boolean provinceExists(String code) {
        return provinceCodes.contains(code);
    }

    public Set<String> provinceCodes() {
        return provinceCodes;
    }

    /** The province's IANA zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura); null when unknown. */
    public String zone(String provinceCode) {
        return provinceCode == null ? null : zoneByProvince.get(provinceCode);
    }

    /** The places a city/regency name may mean (several for an ambiguous name), or an empty list. */
    public List<Place> places(String city) {
        if (city == null) return List.of();
        String k = key(city);
        List<Place> l = placesByKey.get(k);
        if (l == null && k.startsWith("kabupaten ")) l = placesByKey.get("kab " + k.substring(10));
        if (l == null && k.startsWith("kab ")) l = placesByKey.get("kabupaten " + k.substring(4));
        return l == null ? List.of() : l;
    }

    /** ISO alpha-2 from a code, English or Indonesian name or alias; null when unknown. */
    public String country(String name) {
        return name == null ? null : countryByKey.get(key(name));
    }

    /** Shared taxonomy category from a category name or alias; null when unknown. */
    public String category(String name) {
        return name == null ? null : categoryByKey.get(key(name));
    }

    /**
     * The category of a dump's label: the label whole, else, for a category path ({@code Buku & Alat Tulis > Alat Tulis
     * > Pulpen}), its most specific segment the taxonomy knows, a catch-all ({@code Lainnya}) only when no other segment
     * is known, since a parent can mix what the rules tell apart (books are on the Permendag 31/2023 positive list,
     * stationery is not); {@code other} when nothing is known.
     */
    public String categoryOfLabel(String label) {
        String c = knownCategoryOfLabel(label);
        return c == null ? OTHER : c;
    }

    /** As {@link #categoryOfLabel}, but null when the taxonomy knows neither the label nor any segment of its path. */
    public String knownCategoryOfLabel(String label) {
        String c = category(label);
        if (c == null && label.indexOf('>') >= 0) {
            String[] segments = label.split(">");
            for (int i = segments.length - 1; i >= 0 && (c == null || c.equals(OTHER)); i--) {
                String s = category(segments[i].trim());
                if (s != null && (c == null || !s.equals(OTHER))) c = s;
            }
        }
        return c;
    }

    private static final String OTHER = "other";

    /** IDR per unit of {@code currency} in {@code month} (yyyy-MM); null when the table has no rate. */
    public BigDecimal fx(String month, String currency) {
        return fx.get(month + "|" + currency);
    }

    /** Reads a small CSV with a header into rows keyed by column; checks the required columns exist. */
    static List<Map<String, String>> read(Path file, String... required) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw NeracaException.usage("%s: cannot read reference table: %s. Set run.reference_dir in the config "
                    + "to the folder holding %s.", file, e.getMessage(), FILES);
        }
        if (lines.isEmpty()) throw NeracaException.usage("%s: empty reference table", file);
        String head = lines.get(0);
        if (head.startsWith("\uFEFF")) head = head.substring(1);
        String[] h = CsvLine.split(head, ',', '"');
        for (String req : required) {
            if (!List.of(h).contains(req)) throw NeracaException.usage("%s: column '%s' is missing (header: %s)", file, req, head);
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) continue;
            String[] f = CsvLine.split(l, ',', '"');
            if (f == null || f.length != h.length) {
                throw NeracaException.usage("%s line %d: expected %d fields, found %s", file, i + 1, h.length, f == null ? "an open quote" : f.length);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int j = 0; j < h.length; j++) row.put(h[j], f[j].trim());
            out.add(row);
        }
        return out;
    }
}
