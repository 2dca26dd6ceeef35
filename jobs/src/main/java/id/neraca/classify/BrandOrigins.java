package id.neraca.classify;

import id.neraca.core.NeracaException;

import java.io.IOException;
import java.io.Serializable;
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
 * The brand-origin reference table ({@code data/reference/brand_origins.csv}:
 * {@code brand,aliases,country,category,source,confidence}; aliases {@code |}-separated). Country is where
 * the brand's owner is headquartered (rule and caveats in data/reference/README.md). Loaded and checked on
 * the driver before Spark starts; it is small (hundreds of rows), so the matcher built from it travels to
 * the executors inside the classification function.
 */
public final class BrandOrigins {
    /** ISO 3166-1 alpha-2 codes (Java's list): {@code UK} or {@code XX} would otherwise pass as BRAND_FOREIGN:UK. */
    static final java.util.Set<String> ISO_COUNTRIES = java.util.Set.of(java.util.Locale.getISOCountries());

    public static final List<String> HEADER = List.of("brand", "aliases", "country", "category", "source", "confidence");
    public static final Set<String> CONFIDENCES = Set.of("high", "medium", "low");

    /** One brand row. */
    public record Brand(String brand, List<String> aliases, String country, String category, String source,
                        String confidence, int line) {}

    /** What a match yields, carried inside the classification function. */
    public record Hit(String brand, String country, String confidence) implements Serializable {}

    private BrandOrigins() {}

    public static List<Brand> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw NeracaException.usage("%s: cannot read: %s", file, e.getMessage());
        }
        return parse(file.toString(), lines);
    }

    /** Parses and validates the table; errors name the file, the line and the fix. */
    public static List<Brand> parse(String where, List<String> lines) {
        if (lines.isEmpty()) throw NeracaException.usage("%s: empty; expected the header %s", where, String.join(",", HEADER));
        String head = lines.get(0).replace("\uFEFF", "").trim();
        if (!List.of(head.split(",", -1)).equals(HEADER)) {
            throw NeracaException.usage("%s (line 1): header must be exactly '%s', got '%s'", where, String.join(",", HEADER), head);
        }
        List<Brand> out = new ArrayList<>();
        Map<String, Brand> byKey = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            int line = i + 1;
            String raw = lines.get(i);
            if (raw.isBlank() || raw.startsWith("#")) continue;
            List<String> f = Csv.split(raw);
            if (f.size() != HEADER.size()) {
                throw NeracaException.usage("%s (line %d): expected %d fields (%s), got %d. Quote fields that contain commas.",
                        where, line, HEADER.size(), String.join(",", HEADER), f.size());
            }
            String brand = f.get(0).trim();
            String country = f.get(2).trim();
            String confidence = f.get(5).trim();
            if (brand.isEmpty() || TextMatcher.normalise(brand).isEmpty()) {
                throw NeracaException.usage("%s (line %d): brand is empty", where, line);
            }
            if (!country.matches("[A-Z]{2}") || !ISO_COUNTRIES.contains(country)) {
                throw NeracaException.usage("%s (line %d): country '%s' of brand '%s' must be an ISO 3166-1 alpha-2 code like ID or CN%s",
                        where, line, country, brand, "UK".equals(country) ? " (the United Kingdom is GB)"
                                : country.matches("[A-Z]{2}") ? " (" + country + " is no country's code)" : "");
            }
            if (!CONFIDENCES.contains(confidence)) {
                throw NeracaException.usage("%s (line %d): confidence '%s' of brand '%s' must be one of high, medium, low",
                        where, line, confidence, brand);
            }
            if (f.get(4).isBlank()) {
                throw NeracaException.usage("%s (line %d): brand '%s' has no source; say where its origin was established", where, line, brand);
            }
            List<String> aliases = new ArrayList<>();
            for (String a : f.get(1).split("\\|")) if (!a.isBlank()) aliases.add(a.trim());
            Brand b = new Brand(brand, List.copyOf(aliases), country, f.get(3).trim(), f.get(4).trim(), confidence, line);
            List<String> names = new ArrayList<>(aliases);
            names.add(0, brand);
            for (String n : names) {
                String key = TextMatcher.normalise(n);
                if (key.isEmpty()) throw NeracaException.usage("%s (line %d): alias '%s' has no letters or digits", where, line, n);
                Brand prev = byKey.put(key, b);
                if (prev != null && prev != b) {
                    throw NeracaException.usage("%s (line %d): '%s' is already a name or alias of '%s' (line %d); a name must point to one brand",
                            where, line, n, prev.brand(), prev.line());
                }
            }
            out.add(b);
        }
        return out;
    }

    /** Matches a whole brand column value (any name or alias, however short). */
    public static TextMatcher<Hit> columnMatcher(List<Brand> brands) {
        Map<String, Hit> m = new LinkedHashMap<>();
        for (Brand b : brands) {
            Hit h = new Hit(b.brand(), b.country(), b.confidence());
            m.put(b.brand(), h);
            for (String a : b.aliases()) m.put(a, h);
        }
        return new TextMatcher<>(m);
    }

    /**
     * Matches brand names inside free text (titles). Names shorter than {@code minLength} letters and digits and
     * names on the exclude list (ordinary words like "apple" in a food title would be) are left out.
     */
    public static TextMatcher<Hit> titleMatcher(List<Brand> brands, int minLength, List<String> exclude) {
        Set<String> ex = new java.util.HashSet<>();
        for (String e : exclude) ex.add(TextMatcher.normalise(e));
        Map<String, Hit> m = new LinkedHashMap<>();
        for (Brand b : brands) {
            Hit h = new Hit(b.brand(), b.country(), b.confidence());
            List<String> names = new ArrayList<>(b.aliases());
            names.add(0, b.brand());
            for (String n : names) {
                String key = TextMatcher.normalise(n);
                if (key.replace(" ", "").length() < minLength || ex.contains(key)) continue;
                m.put(key, h);
            }
        }
        return new TextMatcher<>(m);
    }

    /** A minimal RFC 4180 line splitter (quoted fields, doubled quotes); reference files have no multi-line fields. */
    static final class Csv {
        private Csv() {}

        static List<String> split(String line) {
            return id.neraca.core.ReferenceCsv.split(line);
        }

        static String quote(String s) {
            if (s == null) return "";
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                return "\"" + s.replace("\"", "\"\"") + "\"";
            }
            return s;
        }
    }

    static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
