package id.neraca.ingest.mapping;

import id.neraca.config.Yaml;
import id.neraca.core.NeracaException;
import id.neraca.core.Schemas;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Loads every {@code *.yaml} in the mappings folder and checks it before Spark starts. Every failure is a
 * usage error (exit 2) naming the file, the key and what is allowed.
 */
public final class Mappings {
    /**
     * A status map's value for an order not final yet (shipped, ready to ship, unpaid): not a sale yet, since only
     * COMPLETED counts, and not a bad row; the row is quarantined {@code ORDER_NOT_FINAL} and left out of the file's
     * quarantined share (docs/MAPPINGS.md).
     */
    public static final String OPEN_STATUS = "OPEN";

    private Mappings() {}

    public static final Set<String> FORMATS = Set.of("csv", "jsonl", "parquet");
    public static final Set<String> ZONES = Set.of("WIB", "WITA", "WIT", "UTC", "SELLER");

    /** Parsers each canonical column accepts; the first one is its default. */
    public static final Map<String, List<String>> PARSERS = Map.ofEntries(
            Map.entry("order_id", List.of("string", "url_path")),
            Map.entry("line_key", List.of("string", "url_path")),
            Map.entry("listing_key", List.of("string", "url_path")),
            Map.entry("period", List.of("month")),
            Map.entry("order_ts", List.of("datetime")),
            Map.entry("status", List.of("map")),
            Map.entry("product_title", List.of("string")),
            Map.entry("variation", List.of("string")),
            Map.entry("brand", List.of("string")),
            Map.entry("category", List.of("category")),
            Map.entry("quantity", List.of("count", "integer")),
            Map.entry("returned_quantity", List.of("integer", "count")),
            Map.entry("unit_price", List.of("idr", "decimal", "amount_en")),
            Map.entry("line_total", List.of("idr", "decimal", "amount_en")),
            Map.entry("currency", List.of("currency")),
            Map.entry("seller_id", List.of("string")),
            Map.entry("seller_id_type", List.of("id_type")),
            Map.entry("shop_id", List.of("string", "url_path")),
            Map.entry("shop_name", List.of("string", "url_path")),
            Map.entry("seller_city", List.of("string")),
            Map.entry("seller_province", List.of("string")),
            Map.entry("seller_country", List.of("country")),
            Map.entry("ship_from_country", List.of("country")),
            Map.entry("origin_country", List.of("country")),
            Map.entry("cross_border_flag", List.of("boolean")),
            Map.entry("declared_umkm_tier", List.of("tier")));

    /** Loads and validates every mapping in {@code dir}, sorted by name. */
    public static List<Mapping> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw NeracaException.usage("%s: the mappings folder does not exist. Set run.mappings_dir in the config.", dir);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw NeracaException.usage("%s: cannot list mappings: %s", dir, e.getMessage());
        }
        if (files.isEmpty()) throw NeracaException.usage("%s: no mapping files (*.yaml) found.", dir);
        List<Mapping> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Path f : files) {
            Mapping m = loadOne(f);
            if (!names.add(m.name())) throw NeracaException.usage("%s: a second mapping is named '%s'.", f, m.name());
            out.add(m);
        }
        return out;
    }

    public static Mapping loadOne(Path f) {
        String text = Yaml.read(f);
        Mapping m = Yaml.parse(f.toString(), text, Mapping.class);
        String base = f.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (m.name() == null) m = m.withName(base);
        validate(new Where(f.toString(), text), m);
        return m;
    }

    public static Mapping parse(String where, String yaml) {
        Mapping m = Yaml.parse(where, yaml, Mapping.class);
        if (m.name() == null) m = m.withName(where.replaceAll(".*/", "").replaceFirst("\\.yaml$", ""));
        validate(new Where(where, yaml), m);
        return m;
    }

    /**
     * A mapping file as its messages name it: the file, and the line of the key a check is about ({@code
     * columns.unit_price.parser}; a missing key, its parent's), found in the text when a message needs it.
     */
    static final class Where {
        private final String file;
        private final String text;
        private Yaml.Locations at;

        Where(String file, String text) {
            this.file = file;
            this.text = text;
        }

        /** "lazada.yaml (line 12)" for the key at {@code path}, or the file alone when the text does not show it. */
        String at(String path) {
            if (text == null) return file;
            if (at == null) at = Yaml.locate(text);
            int line = at.line(path);
            return line > 0 ? file + " (line " + line + ")" : file;
        }

        @Override
        public String toString() {
            return file;
        }
    }

    /**
     * What to add for a column a grain requires, in the mapping's own words ({@code quantity: {source: "…"}}, or
     * {@code {constant: "1"}} for an export of one unit a line).
     */
    static String requiredHint(String col) {
        return switch (col) {
            case "quantity" -> ": add under columns: quantity: {source: \"…\"} (the column of units), or quantity: {constant: \"1\"} "
                    + "when every line is one unit";
            case "order_ts" -> ": add under columns: order_ts: {source: \"…\", formats: [\"dd/MM/yyyy HH:mm\"]} (the order's time "
                    + "and how it is written)";
            case "status" -> ": add under columns: status: {source: \"…\", map: {Selesai: COMPLETED, Batal: CANCELLED}} (the "
                    + "order's status and what each value means)";
            case "period" -> ": add under columns: period: {source: \"…\"}, or period: {file_regex: '(\\d{4}-\\d{2})'} when the file's "
                    + "name carries the month";
            default -> ": add under columns: " + col + ": {source: \"…\"} (the dump's column that holds it)";
        };
    }

    static void validate(String where, Mapping m) {
        validate(new Where(where, null), m);
    }

    static void validate(Where where, Mapping m) {
        req(where, m.marketplace() != null, "marketplace", "is required: lowercase letters, digits, '-' or '_' (it becomes part of sale_id)");
        req(where, m.marketplace().matches("[a-z0-9][a-z0-9_-]*"), "marketplace",
                "must be lowercase letters, digits, '-' or '_' (it becomes part of sale_id); got '" + m.marketplace() + "'"
                        + (m.marketplace().toLowerCase(Locale.ROOT).matches("[a-z0-9][a-z0-9_-]*")
                        ? ": write '" + m.marketplace().toLowerCase(Locale.ROOT) + "'" : ""));
        req(where, !m.files().isEmpty(), "files", "is required: a list of glob patterns relative to --dumps");
        req(where, m.label() == null || !m.label().isBlank(), "label", "must not be blank (the marketplace's name in the report), or leave it out");
        req(where, m.labelId() == null || !m.labelId().isBlank(), "label_id", "must not be blank (the name in the Indonesian report), or leave it out");
        for (String g : m.files()) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + g);
            } catch (IllegalArgumentException e) {
                throw NeracaException.usage("%s: files: '%s' is not a valid glob: %s", where.at("files"), g, e.getMessage());
            }
        }
        req(where, m.format() != null, "format", "is required (type: csv | jsonl | parquet, ...)");
        Format fmt = m.format();
        req(where, FORMATS.contains(fmt.type()), "format.type", "must be one of csv, jsonl, parquet; got '" + fmt.type() + "'");
        for (String d : fmt.delimiters()) {
            req(where, d.length() == 1, "format.delimiters", "each delimiter must be one character; got '" + d + "'");
        }
        req(where, fmt.quote().length() == 1, "format.quote", "must be one character");
        try {
            java.nio.charset.Charset.forName(fmt.encoding());
        } catch (RuntimeException e) {
            throw NeracaException.usage("%s: format.encoding: unknown character set '%s' (use UTF-8, ISO-8859-1, windows-1252, ...)",
                    where.at("format.encoding"), fmt.encoding());
        }
        if (fmt.csv() && !fmt.header()) {
            req(where, !fmt.columnNames().isEmpty(), "format.column_names", "is required when format.header is false");
        }
        req(where, !fmt.multiline() || fmt.csv(), "format.multiline",
                "is for CSV (a JSON Lines record is one line by definition)");
        req(where, fmt.sheet() == null || fmt.csv(), "format.sheet",
                "is for .xlsx workbooks, which are read like CSV exports: only a csv mapping reads them");
        if (fmt.headerRow() != null) {
            req(where, fmt.csv(), "format.header_row", "is for CSV files and .xlsx workbooks (a " + fmt.type()
                    + " dump has no header row)");
            req(where, fmt.header(), "format.header_row", "needs format.header: true (it says which row holds the header; "
                    + "with header: false and column_names every row with a value is a record)");
            req(where, fmt.headerRow() >= 1 && fmt.headerRow() <= Format.MAX_HEADER_ROW, "format.header_row",
                    "must be a row number from 1 to " + Format.MAX_HEADER_ROW + " (the sheet row or CSV line of the header, "
                            + "counting from 1; 5 when four title rows are above it); got " + fmt.headerRow());
        }
        req(where, Schemas.GRAINS.contains(m.grain()), "grain", "must be ORDER_LINE or LISTING_PERIOD; got '" + m.grain() + "'");
        if (m.exportOrder() != null) regex(where, "export_order", m.exportOrder());
        req(where, m.columns() != null, "columns", "is required");
        Map<String, FieldSpec> cols = m.columns().byKey();
        if (m.listing()) {
            for (String k : List.of("listing_key", "period", "quantity", "unit_price", "status")) {
                req(where, cols.containsKey(k), "columns." + k, "is required for grain LISTING_PERIOD" + requiredHint(k));
            }
        } else {
            for (String k : List.of("order_id", "order_ts", "status", "quantity")) {
                req(where, cols.containsKey(k), "columns." + k, "is required for grain ORDER_LINE" + requiredHint(k));
            }
            req(where, cols.containsKey("unit_price") || cols.containsKey("line_total"), "columns.unit_price",
                    "(or columns.line_total) is required for grain ORDER_LINE: add under columns: unit_price: {source: \"…\"} "
                            + "(the price of one unit), or line_total: {source: \"…\"} (the line's total, divided by the quantity)");
        }
        for (Map.Entry<String, FieldSpec> e : cols.entrySet()) {
            field(where, m, "columns." + e.getKey(), e.getKey(), e.getValue());
        }
        req(where, !m.listing() || !cols.containsKey("returned_quantity"), "columns.returned_quantity",
                "is for grain ORDER_LINE (units of an order line returned after it completed)");
        if (fmt.orderLines() != null) orderLines(where, m, cols);
        for (Map.Entry<String, String> e : m.descriptionRows().entrySet()) {
            req(where, !m.format().jsonl(), "description_rows", "is for CSV and workbooks (rows under a header); a JSON Lines "
                    + "dump has no header");
            req(where, e.getKey() != null && !e.getKey().isBlank() && e.getValue() != null && !e.getValue().isBlank()
                    && !e.getValue().strip().equals("*"), "description_rows",
                    "entries are a source column and its text in the description row (a trailing * for 'begins with'); got '"
                            + e.getKey() + ": " + e.getValue() + "'");
            req(where, cols.values().stream().anyMatch(f -> e.getKey().equals(f.source())), "description_rows." + e.getKey(),
                    "must be a source column the mapping reads (the row is recognised in the columns it maps)");
        }
    }

    private static void field(Where where, Mapping m, String key, String col, FieldSpec f) {
        int kinds = (f.source() != null ? 1 : 0) + (f.path() != null ? 1 : 0) + (f.constant() != null ? 1 : 0)
                + (f.fileRegex() != null ? 1 : 0);
        req(where, kinds == 1, key, "needs exactly one of source, path, constant, file_regex");
        if (f.path() != null) req(where, m.format().jsonl(), key + ".path", "is for JSON Lines; use source for " + m.format().type());
        if (f.source() != null) req(where, !m.format().jsonl(), key + ".source", "is for CSV/Parquet; use path for JSON Lines");
        if (f.fileRegex() != null) regex(where, key + ".file_regex", f.fileRegex());
        List<String> allowed = PARSERS.get(col);
        String parser = f.parser() == null ? allowed.get(0) : f.parser();
        req(where, allowed.contains(parser), key + ".parser", "must be one of " + allowed + "; got '" + parser + "'");
        if (col.equals("status")) {
            req(where, !f.map().isEmpty(), key + ".map", "is required: source value -> COMPLETED | CANCELLED | RETURNED | OPEN");
            for (String v : f.map().values()) {
                req(where, Schemas.STATUSES.contains(v) || OPEN_STATUS.equals(v), key + ".map",
                        "values must be COMPLETED, CANCELLED, RETURNED or OPEN (an order not final yet: shipped, to ship); got '" + v + "'");
            }
        }
        if (col.equals("seller_id_type")) {
            for (String v : f.map().values()) {
                req(where, Schemas.ID_TYPES.contains(v), key + ".map", "values must be one of " + Schemas.ID_TYPES + "; got '" + v + "'");
            }
        }
        if (col.equals("declared_umkm_tier")) {
            for (String v : f.map().values()) {
                req(where, Schemas.UMKM_TIERS.contains(v), key + ".map", "values must be one of " + Schemas.UMKM_TIERS + "; got '" + v + "'");
            }
        }
        if (col.equals("order_ts")) {
            req(where, !f.formats().isEmpty(), key + ".formats", "is required: patterns like 'dd/MM/yyyy HH:mm', or iso, epoch_seconds, epoch_millis, epoch");
            for (String p : f.formats()) {
                if (Set.of("iso", "epoch_seconds", "epoch_millis", "epoch").contains(p)) continue;
                try {
                    DateTimeFormatter.ofPattern(p, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    throw NeracaException.usage("%s: %s.formats: '%s' is not a date pattern: %s", where.at(key + ".formats"), key, p, e.getMessage());
                }
                String pitfall = patternPitfall(p);
                if (pitfall != null) throw NeracaException.usage("%s: %s.formats: '%s' %s", where.at(key + ".formats"), key, p, pitfall);
            }
            if (f.zone() != null && !ZONES.contains(f.zone())) {
                try {
                    java.time.ZoneId.of(f.zone());
                } catch (RuntimeException e) {
                    throw NeracaException.usage("%s: %s.zone: '%s' is not WIB, WITA, WIT, UTC, SELLER or an IANA zone id", where.at(key + ".zone"), key, f.zone());
                }
            }
        } else {
            req(where, f.formats().isEmpty() && f.zone() == null, key, "formats and zone apply to order_ts only");
        }
        if (f.required()) {
            req(where, f.defaultValue() == null, key + ".required", "and default contradict: a blank value either takes the default or quarantines the row");
            req(where, !f.optional(), key + ".required", "and optional contradict: a file without the column would quarantine every row");
        }
        if (f.urlParam() != null || f.segments() != null) {
            req(where, parser.equals("url_path"), key, "url_param and segments need parser: url_path");
        }
        if (f.segments() != null) req(where, f.segments() >= 1, key + ".segments", "must be at least 1");
        if (f.divideBy() != null) {
            req(where, col.equals("unit_price") || col.equals("line_total"), key + ".divide_by", "applies to unit_price and line_total only");
            req(where, divideByDigits(f.divideBy()) > 0, key + ".divide_by",
                    "must be a power of ten from 10 to 1000000000 (the amount's unit: 100000 for prices written in 1/100,000 rupiah); got " + f.divideBy());
        }
    }

    /**
     * The columns that belong to one sales line, not to its order: with {@code format.order_lines} each is read from the
     * element (or is a constant). Read from the order, every line of it would take the order's value: its total quantity or
     * amount counted once per line, or one key for all its lines (one sale_id, the others collapsed or quarantined).
     */
    public static final List<String> LINE_COLUMNS = List.of("line_key", "quantity", "returned_quantity", "unit_price", "line_total");

    /**
     * {@code format.order_lines}: JSON Lines of order lines, a dotted path without brackets, at least one column reading a
     * field of its elements, none reading the array itself, and a sales line's amounts and key read from the element.
     */
    private static void orderLines(Where where, Mapping m, Map<String, FieldSpec> cols) {
        Format fmt = m.format();
        String a = fmt.orderLines();
        String key = "format.order_lines";
        req(where, fmt.jsonl(), key, "is for JSON Lines whose lines are orders with their sales lines in an array; a "
                + fmt.type() + " dump has one sales line per row (leave it out)");
        req(where, !m.listing(), key, "is for grain ORDER_LINE (an order and its lines); a listing scrape has one listing per line");
        String plain = a.strip().replaceFirst("^\\$?\\.", "").replaceFirst("(\\[[0-9*]*\\])+$", "");
        boolean ok = !a.isBlank() && a.equals(a.strip()) && !a.contains("[") && !a.contains("]") && !a.startsWith("$")
                && java.util.Arrays.stream(a.split("\\.", -1)).noneMatch(String::isEmpty);
        req(where, ok, key, "must be the dotted path of the array that holds each order's lines, as column paths write it "
                + "(items, order.line_items: no brackets, no leading dot); got '" + a + "'"
                + (!plain.equals(a) && !plain.isEmpty() && !plain.contains("[") ? ": write '" + plain + "'" : ""));
        boolean anyInLines = cols.values().stream().anyMatch(f -> fmt.inLines(f.path()));
        req(where, anyInLines, key, "names '" + a + "', but no column reads a field of its elements: write each line's fields "
                + "under it (quantity: {path: " + a + ".qty}, unit_price: {path: " + a + ".price.amount}); is the array's "
                + "name misspelt?");
        for (Map.Entry<String, FieldSpec> e : cols.entrySet()) {
            String p = e.getValue().path();
            if (p == null) continue;
            req(where, !p.equals(a), "columns." + e.getKey() + ".path", "is '" + a + "', the array format.order_lines names, "
                    + "not a value: read a field of each element (path: " + a + ".<field>)");
            if (LINE_COLUMNS.contains(e.getKey()) && !fmt.inLines(p)) {
                req(where, false, "columns." + e.getKey() + ".path", "reads '" + p + "', a field of the order, but "
                        + "format.order_lines says the order's lines are the elements of '" + a + "': every line would take "
                        + "the order's value (" + (e.getKey().equals("line_key")
                        ? "one sale_id for all of its lines"
                        : "the order's figure counted once per line") + "). Read the line's own field (path: " + a
                        + ".<field>)" + (e.getKey().equals("line_key")
                        ? ", or leave line_key out (each line is then keyed by its place in the array)"
                        : e.getKey().equals("quantity") ? ", or {constant: \"1\"} when every line is one unit" : ""));
            }
        }
    }

    /** The number of decimal places {@code divide_by} moves (10 → 1, 100000 → 5), or 0 when it is not 10 … 10⁹. */
    public static int divideByDigits(long divideBy) {
        long v = 1;
        for (int d = 1; d <= 9; d++) {
            v *= 10;
            if (v == divideBy) return d;
        }
        return 0;
    }

    /**
     * A java.time pattern that parses but almost surely does not mean what a person wrote, with the fix; null if none.
     * Every row would be BAD_DATE "matches none of [dd-mm-yyyy HH:mm]", and nothing says that {@code mm} is minutes.
     */
    public static String patternPitfall(String pattern) {
        String letters = pattern.replaceAll("'[^']*'", "");
        boolean month = letters.contains("M") || letters.contains("L");
        if (!month && letters.contains("d") && letters.contains("y") && letters.contains("m")) {
            return "has no month: 'mm' is minutes, 'MM' the month (did you mean '" + pattern.replaceFirst("mm", "MM") + "'?)";
        }
        if (letters.contains("Y") && !letters.contains("w")) {
            return "uses 'Y', the week-based year, which differs from the calendar year around New Year: use 'yyyy'";
        }
        if ((letters.contains("h") || letters.contains("K")) && !letters.contains("a")) {
            return "has a 12-hour 'hh' without 'a' (AM/PM), so 13:00 and later never match: use 'HH' for a 24-hour clock, "
                    + "or add ' a' for times written with AM/PM";
        }
        if (letters.contains("D") && month) {
            return "uses 'D', the day of the year, beside a month: use 'dd' for the day of the month";
        }
        return null;
    }

    private static void regex(Where where, String key, String re) {
        try {
            Pattern p = Pattern.compile(re);
            req(where, p.matcher("").groupCount() >= 1, key, "needs one capturing group ( ... )");
        } catch (PatternSyntaxException e) {
            throw NeracaException.usage("%s: %s: not a valid regular expression: %s", where.at(key), key, e.getDescription());
        }
    }

    private static void req(Where where, boolean ok, String key, String what) {
        if (!ok) throw NeracaException.usage("%s: %s %s", where.at(key), key, what);
    }
}
