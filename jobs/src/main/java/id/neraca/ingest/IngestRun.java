package id.neraca.ingest;

import id.neraca.core.Log;
import id.neraca.core.NeracaException;
import id.neraca.ingest.ids.SellerKeys;
import id.neraca.ingest.mapping.Mapping;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

/**
 * The parts of an ingest that {@code ingest} and {@code validate} share: plan on the driver, then read and parse
 * every file in one pass of Spark tasks (a task streams files, or byte ranges of a large plain file, through
 * {@link DumpReader} and {@link RecordParser}; no per-row driver work), then resolve duplicates. Reading CSV
 * ourselves rather than with Spark's CSV source is deliberate: the quarantine needs each row's line number and raw
 * text, strict per-line decoding and the header-driven delimiter choice (docs/MAPPINGS.md "Design").
 */
public final class IngestRun {
    private IngestRun() {}

    /** Everything decided before Spark reads a row. */
    public record Prepared(DumpPlanner.Plan plan, ReferenceData ref, SellerKeys keys, IngestConfig cfg) {}

    /** Loads mappings and reference data and plans the files; throws on unmatched files (exit 2) and schema errors (exit 3). */
    public static Prepared prepare(Path mappingsDir, Path referenceDir, String dumps, SellerKeys keys, IngestConfig cfg,
                                   boolean skipUnmatched, boolean throwOnErrors) {
        List<Mapping> mappings = Mappings.load(mappingsDir);
        ReferenceData ref = ReferenceData.load(referenceDir);
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps, mappings, skipUnmatched, cfg.splitBytes(), shown(mappingsDir));
        // warnings here; errors are reported once, all together, by throwErrors (here, or by validate after its counts)
        for (DumpPlanner.Issue i : plan.issues()) if (!i.error()) Log.warn("%s", i.render());
        if (throwOnErrors) throwErrors(plan);
        return new Prepared(plan, ref, keys, cfg);
    }

    /**
     * Per mapping that reads an order's lines in an array ({@code format.order_lines}), the array's path: how messages
     * name an element of it ({@link ResolveDuplicates#apply(Dataset, int, Map)}).
     */
    public static Map<String, String> orderLines(Map<String, CompiledMapping> mappings) {
        Map<String, String> out = new java.util.TreeMap<>();
        mappings.forEach((n, cm) -> {
            if (cm.mapping().format().orderLines() != null) out.put(n, cm.mapping().format().orderLines());
        });
        return out;
    }

    /** A folder as a message names it: relative to the working directory when inside it ({@code data/marketplaces}). */
    static String shown(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    public static void throwErrors(DumpPlanner.Plan plan) {
        List<DumpPlanner.Issue> errors = plan.errors();
        if (errors.isEmpty()) return;
        int exit = errors.stream().anyMatch(e -> e.exit() == NeracaException.EXIT_USAGE) ? NeracaException.EXIT_USAGE : NeracaException.EXIT_DATA;
        StringBuilder b = new StringBuilder(errors.size() == 1 ? "a dump cannot be read:" : errors.size() + " dumps cannot be read:");
        for (DumpPlanner.Issue e : errors) b.append("\n  ").append(e.render());
        throw new NeracaException(exit, b.toString());
    }

    /**
     * Reads and parses every planned file: one row of {@link IngestSchemas#PARSED} per record. {@code raw_row} is
     * set only on rows that failed to parse (all that {@link ResolveDuplicates#apply} keeps); see
     * {@link #parse(SparkSession, Prepared, boolean)}.
     */
    public static Dataset<Row> parse(SparkSession spark, Prepared p) {
        return parse(spark, p, false);
    }

    /** As {@link #parse(SparkSession, Prepared)}; {@code rawForParsedRows} keeps raw_row on every row. */
    public static Dataset<Row> parse(SparkSession spark, Prepared p, boolean rawForParsedRows) {
        List<FileTask.Split> text = new ArrayList<>();
        List<FileTask> parquet = new ArrayList<>();
        for (FileTask t : p.plan().tasks()) {
            if (p.plan().mappings().get(t.mapping()).mapping().format().parquet()) parquet.add(t);
            else text.addAll(t.splits());
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Parse fn = new Parse(p.plan().mappings(), p.ref(), p.keys(), p.cfg(), rawForParsedRows);
        List<List<FileTask.Split>> bins = bins(text, jsc.defaultParallelism());
        JavaRDD<Row> rows = jsc.parallelize(bins, Math.max(1, bins.size()))
                .mapPartitions(it -> fn.apply(flatten(it)));
        for (FileTask t : parquet) rows = rows.union(parquetRows(spark, p, t, fn));
        return spark.createDataFrame(rows, IngestSchemas.PARSED);
    }

    static final long BIN_BYTES = 64L << 20;

    /**
     * Groups the text files (or the ranges of a large file, {@link FileTask#splits}) into tasks: a task per file cost
     * ~0.1 s of scheduling and setup each, which dominated runs of many small files (the 145 bundled samples). Bins:
     * at least 2 per core (so one slow file does not leave a core idle), about one per 64 MiB above that, never more
     * than the pieces; largest first into the lightest bin.
     */
    static List<List<FileTask.Split>> bins(List<FileTask.Split> pieces, int cores) {
        long total = 0;
        for (FileTask.Split t : pieces) total += Math.max(0, t.length());
        int n = (int) Math.min(pieces.size(), Math.max(2L * Math.max(1, cores), (total + BIN_BYTES - 1) / BIN_BYTES));
        List<List<FileTask.Split>> bins = new ArrayList<>();
        long[] load = new long[n];
        for (int i = 0; i < n; i++) bins.add(new ArrayList<>());
        List<FileTask.Split> bySize = new ArrayList<>(pieces);
        bySize.sort(java.util.Comparator.comparingLong(FileTask.Split::length).reversed()
                .thenComparing(t -> t.task().sourceFile()).thenComparingLong(FileTask.Split::start));
        for (FileTask.Split t : bySize) {
            int best = 0;
            for (int i = 1; i < n; i++) if (load[i] < load[best]) best = i;
            bins.get(best).add(t);
            load[best] += Math.max(1, t.length());
        }
        return bins;
    }

    private static Iterator<FileTask.Split> flatten(Iterator<List<FileTask.Split>> bins) {
        return new Iterator<>() {
            Iterator<FileTask.Split> cur = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!cur.hasNext() && bins.hasNext()) cur = bins.next().iterator();
                return cur.hasNext();
            }

            @Override
            public FileTask.Split next() {
                if (!hasNext()) throw new NoSuchElementException();
                return cur.next();
            }
        };
    }

    /** A Parquet dump: Spark reads it; each row's sources as strings and its JSON (masked) as raw_row. */
    /**
     * A Parquet column as the text the mapping's parsers read. A {@code TIMESTAMP} (adjusted to UTC: an instant, what
     * pandas' time-zone-aware columns, Spark and DuckDB write) is written as ISO-8601 with its offset ({@code Z} in neraca's UTC session); cast to
     * text it lost the offset and was read as wall-clock time in the mapping's zone, 7 to 9 hours off (a seller's
     * 1 August in WITA landed in July). So {@code order_ts} from such a column needs {@code iso} among its formats; a
     * mapping without it stops, naming the column and the fix. {@code TIMESTAMP_NTZ} and {@code DATE} are wall-clock
     * values and stay text, read in the mapping's zone.
     */
    static Column parquetText(org.apache.spark.sql.types.StructField f, CompiledMapping cm, FileTask t) {
        Column c = col("`" + f.name() + "`");
        if (!(f.dataType() instanceof org.apache.spark.sql.types.TimestampType)) return c.cast("string");
        if (int96WallClock(t.uri(), f.name())) {
            // Spark reads every INT96 as an instant in UTC; this one holds the wall-clock time as written: its UTC digits
            // are that time (the session is UTC, SparkSessions), read in the mapping's zone like a TIMESTAMP_NTZ
            return org.apache.spark.sql.functions.date_format(c, "yyyy-MM-dd HH:mm:ss");
        }
        id.neraca.ingest.mapping.FieldSpec ts = cm.mapping().columns().byKey().get("order_ts");
        if (ts != null && f.name().equals(ts.sourceRef()) && !ts.formats().contains("iso")) {
            throw NeracaException.usage("%s: column '%s' is a Parquet TIMESTAMP (an instant, stored in UTC), but mapping '%s' reads "
                    + "order_ts with formats %s, which would take it for wall-clock time in zone %s: add iso to order_ts.formats "
                    + "(the column is read as ISO-8601 in UTC)", t.sourceFile(), f.name(), cm.name(), ts.formats(),
                    ts.zone() == null ? "SELLER" : ts.zone());
        }
        // with the session zone's offset ("Z" under neraca's UTC session), so the text names the instant in any session
        return org.apache.spark.sql.functions.date_format(c, "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");
    }

    /**
     * Whether Parquet column {@code name} is an INT96 time that holds wall-clock time, not an instant. INT96 has no
     * flag for it (a TIMESTAMP's isAdjustedToUTC; Spark reads any INT96 as an instant in UTC), and writers differ: Spark
     * and Hive store instants, while pandas and pyarrow ({@code to_parquet(..., use_deprecated_int96_timestamps=True)},
     * {@code flavor="spark"}) store a column without a zone as it is, its local times as if they were UTC. Their Arrow
     * schema in the footer ({@code ARROW:schema}) still says whether the column had a zone; Impala (a footer's
     * {@code created_by} "impala version …") writes its TIMESTAMP, which has no zone, as wall-clock time too, as
     * Spark's {@code spark.sql.parquet.int96TimestampConversion} assumes of it. Read as an instant, a
     * warehouse's 23:30 WITA was 07:30 WITA the next morning, a sale of the next month on a month's last evening, without
     * a word (the audit of 2 Dec 2026). False when the footer cannot be read: Spark reads the file, and says why.
     */
    static boolean int96WallClock(String uri, String name) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        try (org.apache.parquet.hadoop.ParquetFileReader r = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(path, id.neraca.core.HadoopConf.shared()))) {
            org.apache.parquet.hadoop.metadata.FileMetaData fm = r.getFooter().getFileMetaData();
            org.apache.parquet.schema.MessageType schema = fm.getSchema();
            if (!schema.containsField(name) || !schema.getType(name).isPrimitive() || schema.getType(name).asPrimitiveType()
                    .getPrimitiveTypeName() != org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT96) return false;
            // Impala stores its zone-less TIMESTAMP as written (Spark's own int96TimestampConversion names it so)
            String by = fm.getCreatedBy();
            if (by != null && by.toLowerCase(java.util.Locale.ROOT).startsWith("impala")) return true;
            String arrow = fm.getKeyValueMetaData().get("ARROW:schema");
            if (arrow == null) return false;
            byte[] bytes = java.util.Base64.getDecoder().decode(arrow);
            org.apache.arrow.vector.types.pojo.Schema as = org.apache.arrow.vector.ipc.message.MessageSerializer.deserializeSchema(
                    new org.apache.arrow.vector.ipc.ReadChannel(java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(bytes))));
            for (org.apache.arrow.vector.types.pojo.Field af : as.getFields()) {
                if (af.getName().equals(name)) {
                    return af.getType() instanceof org.apache.arrow.vector.types.pojo.ArrowType.Timestamp ts && ts.getTimezone() == null;
                }
            }
            return false;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A file's path as Spark's reader takes it literally: Spark reads a path as a Hadoop glob, so a dump named
     * {@code orders [1].parquet} or {@code orders{2}.parquet} (a browser's second download) was "Path does not exist"
     * and an unexpected failure (exit 1); its glob characters are escaped.
     */
    static String globEscaped(String uri) {
        StringBuilder b = new StringBuilder(uri.length() + 8);
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if ("[]{}?*\\".indexOf(c) >= 0) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }

    private static JavaRDD<Row> parquetRows(SparkSession spark, Prepared p, FileTask t, Parse fn) {
        CompiledMapping cm = p.plan().mappings().get(t.mapping());
        Dataset<Row> d = spark.read().parquet(globEscaped(t.uri()));
        StructType schema = d.schema();
        List<String> names = List.of(schema.fieldNames());
        List<String> missing = cm.sources().stream().filter(s -> !names.contains(s) && !cm.optional(s)).toList();
        if (!missing.isEmpty()) {
            throw NeracaException.data("%s: the Parquet file lacks the columns mapping '%s' needs: %s (columns: %s)",
                    t.sourceFile(), cm.name(), missing, names);
        }
        Column[] vals = cm.sources().stream().map(s -> names.contains(s) ? parquetText(schema.apply(s), cm, t) : lit(null).cast("string"))
                .toArray(Column[]::new);
        // raw_row: the columns the mapping reads; its pii columns and every column it does not read masked (DumpReader)
        Column[] rawCols = names.stream().map(n -> cm.pii().contains(n) || !cm.sources().contains(n)
                        ? org.apache.spark.sql.functions.when(col("`" + n + "`").isNotNull(), lit(Masking.MASK)).as(n) : col("`" + n + "`"))
                .toArray(Column[]::new);
        JavaRDD<Row> src = d.select(array(vals).as("v"), to_json(struct(rawCols)).as("raw")).javaRDD();
        String file = t.sourceFile();
        String key = t.exportKey();
        String mapping = t.mapping();
        // floating and decimal columns: Spark's text of a double is 1.3399E7 for 13399000.0; Parse writes them plain
        boolean[] numeric = new boolean[cm.sources().size()];
        for (int i = 0; i < numeric.length; i++) {
            String s = cm.sources().get(i);
            numeric[i] = names.contains(s) && schema.apply(s).dataType() instanceof org.apache.spark.sql.types.FractionalType;
        }
        return src.zipWithIndex().mapPartitions(it -> fn.parquet(it, file, mapping, key, numeric));
    }

    /** The per-task function: files in, parsed rows out, lazily. Serializable with the reference data. */
    static final class Parse implements Serializable {
        private final Map<String, CompiledMapping> mappings;
        private final ReferenceData ref;
        private final SellerKeys keys;
        private final java.time.LocalDate min;
        private final java.time.LocalDate max;

        private final boolean raw;

        Parse(Map<String, CompiledMapping> mappings, ReferenceData ref, SellerKeys keys, IngestConfig cfg, boolean raw) {
            this.raw = raw;
            this.mappings = new LinkedHashMap<>(mappings);
            this.ref = ref;
            this.keys = keys;
            this.min = cfg.minDate();
            this.max = cfg.maxDate();
        }

        Iterator<Row> apply(Iterator<FileTask.Split> files) {
            Map<String, RecordParser> parsers = new LinkedHashMap<>();
            return new Iterator<>() {
                DumpReader cur;
                RecordParser parser;
                String key;

                @Override
                public boolean hasNext() {
                    while (cur == null || !cur.hasNext()) {
                        if (!files.hasNext()) return false;
                        FileTask.Split s = files.next();
                        FileTask t = s.task();
                        CompiledMapping cm = mappings.get(t.mapping());
                        parser = parsers.computeIfAbsent(t.mapping(), k -> new RecordParser(cm, ref, keys, min, max).rawForParsedRows(raw));
                        key = t.exportKey();
                        cur = new DumpReader(s, cm);
                    }
                    return true;
                }

                @Override
                public Row next() {
                    if (!hasNext()) throw new NoSuchElementException();
                    return parser.parse(cur.next(), key);
                }
            };
        }

        /**
         * Parquet rows. A floating or decimal column ({@code numeric}) is a number, not text: it is written as the
         * column's parser reads a number, like a workbook's number cell ({@link XlsxText}): plain digits, the fraction
         * after a comma under {@code idr} and {@code count}, after a dot elsewhere.
         */
        Iterator<Row> parquet(Iterator<scala.Tuple2<Row, Long>> it, String file, String mapping, String key, boolean[] numeric) {
            CompiledMapping cm = mappings.get(mapping);
            RecordParser parser = new RecordParser(cm, ref, keys, min, max).rawForParsedRows(raw);
            int n = cm.sources().size();
            XlsxText numbers = XlsxText.of(cm, java.util.stream.IntStream.range(0, n).toArray(), n, false);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Row next() {
                    scala.Tuple2<Row, Long> t = it.next();
                    List<String> v = t._1().getList(0);
                    String raw = Masking.digitRuns(t._1().getString(1));
                    String[] values = v.toArray(new String[0]);
                    for (int i = 0; i < values.length && i < numeric.length; i++) {
                        if (numeric[i] && values[i] != null) values[i] = numbers.number(i, values[i]);
                    }
                    return parser.parse(new RawRecord(file, t._2() + 1, raw, values, null, null), key);
                }
            };
        }
    }

    /**
     * out/quarantine rows ({@link ResolveDuplicates#quarantine}) with the raw text of {@code CONFLICTING_DUPLICATE}
     * rows read again from their files: {@link ResolveDuplicates#apply} drops raw text of rows that parsed before
     * its shuffle. Only files whose counts show such a row are re-read (none, in a clean run); the re-read rows join
     * the quarantine on (source_file, source_line, source_element). The last column is {@link IngestSchemas#SOURCE_ELEMENT},
     * to sort an order's lines by (not an output column: the detail names the element).
     */
    public static Dataset<Row> quarantine(SparkSession spark, Prepared p, Dataset<Row> resolved, List<FileCounts> counts) {
        Dataset<Row> q = resolved.filter(col("disposition").equalTo(ResolveDuplicates.QUARANTINED))
                .select(col("source_file"), col("source_line"), col("marketplace"), col("reason_code"), col("reason_detail"),
                        col("raw_row"), col(IngestSchemas.SOURCE_ELEMENT));
        java.util.Set<String> files = new java.util.HashSet<>();
        for (FileCounts c : counts) {
            if (c.reasons().containsKey(ResolveDuplicates.CONFLICTING_DUPLICATE)) files.add(c.task().sourceFile());
        }
        if (files.isEmpty()) return q;
        List<FileTask> tasks = p.plan().tasks().stream().filter(t -> files.contains(t.sourceFile())).toList();
        Prepared sub = new Prepared(new DumpPlanner.Plan(tasks, p.plan().mappings(), List.of()), p.ref(), p.keys(), p.cfg());
        Dataset<Row> raw = parse(spark, sub, true).select(col("source_file").as("_f"), col("source_line").as("_l"),
                col(IngestSchemas.SOURCE_ELEMENT).as("_e"), col("raw_row").as("_raw"));
        // an order's lines share their file line: the element tells them apart (null for every other row)
        Column on = col("source_file").equalTo(col("_f")).and(col("source_line").equalTo(col("_l")))
                .and(col(IngestSchemas.SOURCE_ELEMENT).eqNullSafe(col("_e")))
                .and(col("reason_code").equalTo(ResolveDuplicates.CONFLICTING_DUPLICATE));
        return q.join(raw, on, "left")
                .select(col("source_file"), col("source_line"), col("marketplace"), col("reason_code"), col("reason_detail"),
                        org.apache.spark.sql.functions.coalesce(col("raw_row"), col("_raw")).as("raw_row"), col(IngestSchemas.SOURCE_ELEMENT));
    }

    /**
     * Per-file counts, from the resolved rows. {@code firstLines}: per reason, the first line quarantined for it, where a
     * stop on the file finds its example ({@link #failures(Dataset, List, IngestConfig)}). {@code ordersRead}: the JSON
     * lines read, each an order, for a file whose mapping reads an order's lines in an array ({@code format.order_lines};
     * {@code rowsRead} counts its sales lines, the elements, plus one row per order without lines or line that is no
     * JSON); for any other file it equals {@code rowsRead}. {@code supersededLines}: of its {@code duplicates}, the lines
     * of an order a later export of the order no longer holds ({@link ResolveDuplicates}, {@code format.order_lines}).
     */
    public record FileCounts(FileTask task, long rowsRead, long accepted, long quarantined, long duplicates,
                             Map<String, Long> reasons, Map<String, Long> unknownCategories, Map<String, Long> firstLines,
                             Map<String, Long> unmappedValues, Map<String, Long> unknownCities, long ordersRead,
                             long supersededLines) {
        public FileCounts(FileTask task, long rowsRead, long accepted, long quarantined, long duplicates, Map<String, Long> reasons,
                          Map<String, Long> unknownCategories, Map<String, Long> firstLines, Map<String, Long> unmappedValues,
                          Map<String, Long> unknownCities, long ordersRead) {
            this(task, rowsRead, accepted, quarantined, duplicates, reasons, unknownCategories, firstLines, unmappedValues, unknownCities,
                    ordersRead, 0);
        }

        public FileCounts(FileTask task, long rowsRead, long accepted, long quarantined, long duplicates, Map<String, Long> reasons,
                          Map<String, Long> unknownCategories, Map<String, Long> firstLines, Map<String, Long> unmappedValues,
                          Map<String, Long> unknownCities) {
            this(task, rowsRead, accepted, quarantined, duplicates, reasons, unknownCategories, firstLines, unmappedValues, unknownCities,
                    rowsRead);
        }

        public FileCounts(FileTask task, long rowsRead, long accepted, long quarantined, long duplicates, Map<String, Long> reasons,
                          Map<String, Long> unknownCategories, Map<String, Long> firstLines, Map<String, Long> unmappedValues) {
            this(task, rowsRead, accepted, quarantined, duplicates, reasons, unknownCategories, firstLines, unmappedValues, Map.of());
        }

        public FileCounts(FileTask task, long rowsRead, long accepted, long quarantined, long duplicates, Map<String, Long> reasons,
                          Map<String, Long> unknownCategories, Map<String, Long> firstLines) {
            this(task, rowsRead, accepted, quarantined, duplicates, reasons, unknownCategories, firstLines, Map.of());
        }

        public FileCounts(FileTask task, long rowsRead, long accepted, long quarantined, long duplicates, Map<String, Long> reasons) {
            this(task, rowsRead, accepted, quarantined, duplicates, reasons, Map.of());
        }

        public FileCounts(FileTask task, long rowsRead, long accepted, long quarantined, long duplicates, Map<String, Long> reasons,
                          Map<String, Long> unknownCategories) {
            this(task, rowsRead, accepted, quarantined, duplicates, reasons, unknownCategories, Map.of());
        }

        /** Accepted rows whose category label the taxonomy does not know (counted as {@code other}). */
        public long unknownCategoryRows() {
            return unknownCategories.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Accepted rows of a seller not known to be abroad whose city the regency table does not know, and no province. */
        public long unknownCityRows() {
            return unknownCities.values().stream().mapToLong(Long::longValue).sum();
        }

        /**
         * The quarantined share of the file's rows, the header lines repeated inside it (REPEATED_HEADER: exports joined
         * into one file), rows describing the columns (DESCRIPTION_ROW: a mapping's description_rows), a spreadsheet's totals row (SUMMARY_ROW) and the orders not final yet (ORDER_NOT_FINAL: a status mapped to OPEN) left out of both
         * sides: they are kept and counted, but they are not sales gone wrong. A short monthly file joined to the next
         * would otherwise fail the threshold on its second header alone, and the latest month's export, where many
         * orders are still on their way, on its open orders.
         */
        public double quarantinedShare() {
            long notSales = notSales();
            long rows = rowsRead - notSales;
            return rows <= 0 ? 0 : (double) (quarantined - notSales) / rows;
        }

        /** Quarantined rows that are not sales gone wrong: repeated headers, description rows, totals rows and orders not final yet. */
        public long notSales() {
            return reasons.getOrDefault("REPEATED_HEADER", 0L) + reasons.getOrDefault("DESCRIPTION_ROW", 0L)
                    + reasons.getOrDefault("SUMMARY_ROW", 0L) + reasons.getOrDefault("ORDER_NOT_FINAL", 0L);
        }

        /** The reasons {@link #notSales} counts. */
        static boolean notSale(String reason) {
            return reason.equals("REPEATED_HEADER") || reason.equals("DESCRIPTION_ROW") || reason.equals("SUMMARY_ROW")
                    || reason.equals("ORDER_NOT_FINAL");
        }

        /**
         * The reasons, most rows first and equal counts by name: every list of them (validate, the threshold's stop)
         * reads the same from run to run (the counts arrive from Spark in no fixed order).
         */
        public List<Map.Entry<String, Long>> reasonsByCount() {
            List<Map.Entry<String, Long>> out = new ArrayList<>(reasons.entrySet());
            out.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            return out;
        }

        public String topReasons(int n) {
            return reasonsByCount().stream().limit(n)
                    .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("none");
        }

        /**
         * The reasons the quarantined share counts (not {@link #notSale} ones), most rows first: the threshold's stop
         * says "22 of 170 rows quarantined" and its reasons must be those rows. Listing ORDER_NOT_FINAL 18 first, as
         * {@link #topReasons} did, sent the user after the open orders, which the share leaves out.
         */
        public String topCountedReasons(int n) {
            return reasonsByCount().stream().filter(e -> !notSale(e.getKey())).limit(n)
                    .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("none");
        }
    }

    /** Counts per file and reason (small: one row per file and disposition / reason) brought to the driver. */
    public static List<FileCounts> count(Dataset<Row> resolved, DumpPlanner.Plan plan) {
        Map<String, long[]> byFile = new LinkedHashMap<>();
        Map<String, Map<String, Long>> reasons = new LinkedHashMap<>();
        Map<String, Map<String, Long>> unknown = new LinkedHashMap<>();
        Map<String, Map<String, Long>> firstLines = new LinkedHashMap<>();
        Map<String, Map<String, Long>> unmapped = new LinkedHashMap<>();
        // one job: the unknown category label is null on almost every row, so it adds few groups; with each reason's first
        // line (a long: the aggregation stays a hash aggregation), where a stop on the file finds its example
        Column firstLine = org.apache.spark.sql.functions.min(org.apache.spark.sql.functions.when(
                col("disposition").equalTo(ResolveDuplicates.QUARANTINED), col("source_line")));
        // the value a value map does not hold (UNKNOWN_STATUS: "status (Status): 'Selesai sebagian' is not in the mapping's
        // value map ..."), as "status (Status): 'Selesai sebagian'": null on every other row, so few groups more
        Column unmappedValue = org.apache.spark.sql.functions.when(col("reason_code").equalTo(UNMAPPED_REASON),
                org.apache.spark.sql.functions.regexp_extract(col("reason_detail"), UNMAPPED_DETAIL, 1));
        // an accepted sale's city the regency table does not know, with no province (and a seller not known to be abroad):
        // null on almost every row, so few groups more
        Column unknownCity = org.apache.spark.sql.functions.when(col("disposition").equalTo(ResolveDuplicates.ACCEPTED)
                .and(col("seller_city").isNotNull()).and(col("seller_province_code").isNull())
                .and(org.apache.spark.sql.functions.not(org.apache.spark.sql.functions.coalesce(col("cross_border_flag"), lit(false))))
                .and(org.apache.spark.sql.functions.coalesce(col("seller_country"), lit("ID")).equalTo("ID"))
                .and(org.apache.spark.sql.functions.coalesce(col("ship_from_country"), lit("ID")).equalTo("ID")), col("seller_city"));
        Map<String, Map<String, Long>> cities = new LinkedHashMap<>();
        // the rows that begin a JSON line: an order's first element, or a row that is no element (every row of other files)
        Column lineStarts = org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.when(
                col(IngestSchemas.SOURCE_ELEMENT).isNull().or(col(IngestSchemas.SOURCE_ELEMENT).equalTo(0)), lit(1L)).otherwise(lit(0L)));
        // the duplicates an order's later snapshot superseded (ResolveDuplicates: their detail says so; null on every other row)
        Column superseded = org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.when(
                col("disposition").equalTo(ResolveDuplicates.DUPLICATE).and(col("reason_detail").startsWith(ResolveDuplicates.SUPERSEDED)),
                lit(1L)).otherwise(lit(0L)));
        for (Row r : resolved.groupBy(col("source_file"), col("disposition"), col("reason_code"), col(IngestSchemas.UNKNOWN_CATEGORY),
                        unmappedValue.as("_unmapped"), unknownCity.as("_city"))
                .agg(org.apache.spark.sql.functions.count(lit(1)), firstLine, lineStarts, superseded).collectAsList()) {
            long[] c = byFile.computeIfAbsent(r.getString(0), k -> new long[5]);
            long n = r.getLong(6);
            c[3] += r.getLong(8);
            c[4] += r.getLong(9);
            switch (r.getString(1)) {
                case ResolveDuplicates.ACCEPTED -> {
                    c[0] += n;
                    if (!r.isNullAt(3)) unknown.computeIfAbsent(r.getString(0), k -> new java.util.TreeMap<>()).merge(r.getString(3), n, Long::sum);
                    if (!r.isNullAt(5)) {
                        cities.computeIfAbsent(r.getString(0), k -> new java.util.TreeMap<>())
                                .merge(RecordParser.unknownLabel(r.getString(5)), n, Long::sum);
                    }
                }
                case ResolveDuplicates.QUARANTINED -> {
                    c[1] += n;
                    reasons.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>()).merge(r.getString(2), n, Long::sum);
                    if (!r.isNullAt(7)) firstLines.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>()).merge(r.getString(2), r.getLong(7), Math::min);
                    if (!r.isNullAt(4) && !r.getString(4).isEmpty()) {
                        unmapped.computeIfAbsent(r.getString(0), k -> new java.util.TreeMap<>()).merge(r.getString(4), n, Long::sum);
                    }
                }
                default -> c[2] += n;
            }
        }
        List<FileCounts> out = new ArrayList<>();
        for (FileTask t : plan.tasks()) {
            long[] c = byFile.getOrDefault(t.sourceFile(), new long[5]);
            out.add(new FileCounts(t, c[0] + c[1] + c[2], c[0], c[1], c[2], reasons.getOrDefault(t.sourceFile(), Map.of()),
                    unknown.getOrDefault(t.sourceFile(), Map.of()), firstLines.getOrDefault(t.sourceFile(), Map.of()),
                    unmapped.getOrDefault(t.sourceFile(), Map.of()), cities.getOrDefault(t.sourceFile(), Map.of()), c[3], c[4]));
        }
        return out;
    }

    /** The reason of a value no value map of the mapping holds (an unmapped order status). */
    static final String UNMAPPED_REASON = "UNKNOWN_STATUS";
    /** Its detail up to the value: {@code status (Status): 'Selesai sebagian'} of RecordParser's message. */
    static final String UNMAPPED_DETAIL = "^.*?: ('.*') is not in the mapping's value map";

    /**
     * The run's warning on unmapped status values: quarantined below the file's threshold they pass without a stop, and
     * an unmapped spelling of a completed order ("Selesai (Dana Dilepas)") would take its sales out of every figure
     * with nothing said but a reason count (the journey audit of 2 Dec 2026).
     */
    public static String unmappedText(List<Map.Entry<String, Long>> values, int n) {
        long rows = values.stream().mapToLong(Map.Entry::getValue).sum();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(n, values.size()); i++) {
            if (i > 0) b.append(", ");
            b.append(values.get(i).getKey()).append(' ').append(String.format(Locale.ROOT, "%,d", values.get(i).getValue()));
        }
        if (values.size() > n) b.append(String.format(Locale.ROOT, " and %,d more", values.size() - n));
        return String.format(Locale.ROOT, "%,d row(s) quarantined UNKNOWN_STATUS: order status values no status map of their "
                + "mapping holds: %s. Their sales are in no figure: if a value means a completed, cancelled or returned order (or "
                + "one not final yet: OPEN), add it to that mapping's status map (docs/MAPPINGS.md) and rerun; the manifest "
                + "lists them per file (inputs[].unmapped_status_values)", rows, b);
    }

    /**
     * The values no value map holds, over all files, each with the mappings whose files carry it, most rows first (ties
     * by text): {@code status (Status): 'Selesai sebagian' (shopee-seller)} and its rows. What the run's warning names.
     */
    public static List<Map.Entry<String, Long>> unmappedValues(List<FileCounts> counts) {
        Map<String, Long> all = new java.util.TreeMap<>();
        Map<String, java.util.TreeSet<String>> mappings = new java.util.HashMap<>();
        for (FileCounts c : counts) {
            c.unmappedValues().forEach((k, v) -> {
                all.merge(k, v, Long::sum);
                mappings.computeIfAbsent(k, x -> new java.util.TreeSet<>()).add(String.valueOf(c.task().mapping()));
            });
        }
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        all.forEach((k, v) -> out.add(Map.entry(k + " (" + String.join(", ", mappings.get(k)) + ")", v)));
        out.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }

    /**
     * The unknown category labels of all files, most rows first (ties by label): what the warning, the manifest and
     * {@code validate} name.
     */
    public static List<Map.Entry<String, Long>> unknownCategories(List<FileCounts> counts) {
        Map<String, Long> all = new java.util.TreeMap<>();
        for (FileCounts c : counts) c.unknownCategories().forEach((k, v) -> all.merge(k, v, Long::sum));
        List<Map.Entry<String, Long>> out = new ArrayList<>(all.entrySet());
        out.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }

    /** Every file's unknown seller cities summed (the same text in two files is one entry), most rows first, ties by text. */
    public static List<Map.Entry<String, Long>> unknownCities(List<FileCounts> counts) {
        Map<String, Long> all = new java.util.TreeMap<>();
        for (FileCounts c : counts) c.unknownCities().forEach((k, v) -> all.merge(k, v, Long::sum));
        List<Map.Entry<String, Long>> out = new ArrayList<>(all.entrySet());
        out.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }

    /**
     * The run's warning on seller cities the regency table does not know: such a sale has no province (it counts under
     * none in every province table) and its local time is read in WIB, its order_ts one hour off for a seller in WITA, two
     * in WIT; nothing said it (the audit of 2 Dec 2026: a
     * column writing "Kab. Sleman, DI Yogyakarta", or "Wamena", a town that is no regency).
     */
    public static String unknownCitiesText(List<Map.Entry<String, Long>> cities, long accepted, int n) {
        long rows = cities.stream().mapToLong(Map.Entry::getValue).sum();
        return String.format(Locale.ROOT, "%,d accepted sales (%.1f%%) name a seller city the regency table does not know, and no "
                + "province: they count under no province and their times are read in WIB (one hour off in WITA, two in WIT): %s. "
                + "Add the names as aliases in data/reference/regencies.csv, or map the seller's province too (seller_province); "
                + "a label that is no place (Tokopedia's 'Dilayani Tokopedia', fulfilled from its warehouse) is mapped to blank "
                + "(seller_city: {map: {\"Dilayani Tokopedia\": \"\"}}); and rerun; the manifest lists them per file (inputs[].unknown_city_labels)", rows, 100.0 * rows / Math.max(1, accepted),
                labelsText(cities, n));
    }

    /** "'Alat Musik' 120, 'Perlengkapan Pesta' 33, and 4 more" for the first {@code n} labels. */
    public static String labelsText(List<Map.Entry<String, Long>> labels, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(n, labels.size()); i++) {
            if (i > 0) b.append(", ");
            b.append('\'').append(labels.get(i).getKey()).append("' ").append(String.format(Locale.ROOT, "%,d", labels.get(i).getValue()));
        }
        if (labels.size() > n) b.append(String.format(Locale.ROOT, " and %,d more", labels.size() - n));
        return b.toString();
    }

    /** Files over the quarantine threshold, or with a truncated/unreadable stream: the run fails (exit 3). */
    public static List<String> failures(List<FileCounts> counts, IngestConfig cfg) {
        return failures(counts, cfg, Map.of());
    }

    /**
     * As {@link #failures(List, IngestConfig)}, each with the first line of its top reason read from {@code resolved}
     * ({@code (first BAD_DATE, line 2: order_ts (Tanggal): '21-08-2024 12:05' matches none of [dd/MM/yyyy HH:mm])}; the
     * detail is masked as in out/quarantine): a stop said "BAD_DATE 377" and nothing of what the dates looked like. One
     * small job, and only when a file fails.
     */
    public static List<String> failures(Dataset<Row> resolved, List<FileCounts> counts, IngestConfig cfg) {
        Map<String, String> wanted = new LinkedHashMap<>();   // file -> the reason whose first line is the example
        Column which = lit(false);
        for (FileCounts c : counts) {
            String reason = exampleReason(c, cfg);
            Long line = reason == null ? null : c.firstLines().get(reason);
            if (line == null) continue;
            wanted.put(c.task().sourceFile(), reason);
            which = which.or(col("source_file").equalTo(c.task().sourceFile()).and(col("source_line").equalTo(line))
                    .and(col("reason_code").equalTo(reason)));
        }
        Map<String, String> examples = new LinkedHashMap<>();
        if (!wanted.isEmpty()) {
            for (Row r : resolved.filter(col("disposition").equalTo(ResolveDuplicates.QUARANTINED).and(which))
                    .select("source_file", "source_line", "reason_detail").collectAsList()) {
                String d = r.isNullAt(2) ? "" : r.getString(2);
                examples.put(r.getString(0), " (first " + wanted.get(r.getString(0)) + ", line " + r.getLong(1) + ": "
                        + (d.length() > 240 ? d.substring(0, 240) + "..." : d) + ")");
            }
        }
        return failures(counts, cfg, examples);
    }

    private static boolean truncated(FileCounts c) {
        return c.reasons().containsKey("FILE_TRUNCATED") || c.reasons().containsKey("FILE_UNREADABLE");
    }

    /** The reason a failing file's message shows an example of (its most frequent counted one), or null when it passes. */
    private static String exampleReason(FileCounts c, IngestConfig cfg) {
        boolean truncated = truncated(c);
        if (!truncated && !(c.quarantinedShare() > cfg.maxQuarantineShare())) return null;
        for (Map.Entry<String, Long> e : c.reasonsByCount()) {
            String r = e.getKey();
            if (truncated ? r.equals("FILE_TRUNCATED") || r.equals("FILE_UNREADABLE") : !FileCounts.notSale(r)) return r;
        }
        return null;
    }

    private static List<String> failures(List<FileCounts> counts, IngestConfig cfg, Map<String, String> examples) {
        List<String> out = new ArrayList<>();
        for (FileCounts c : counts) {
            String example = c.task() == null ? "" : examples.getOrDefault(c.task().sourceFile(), "");
            if (truncated(c)) {
                out.add(String.format(Locale.ROOT, "%s: the file is truncated or unreadable (%s%s); nothing from it can be trusted to be complete",
                        c.task().sourceFile(), c.topReasons(3), example));
            } else if (c.quarantinedShare() > cfg.maxQuarantineShare()) {
                long notSales = c.notSales();
                out.add(String.format(Locale.ROOT, "%s: %d of %d rows quarantined (%.1f%% > ingest.max_quarantine_share %.1f%%); top reasons: %s%s",
                        c.task().sourceFile(), c.quarantined() - notSales, c.rowsRead() - notSales, 100 * c.quarantinedShare(),
                        100 * cfg.maxQuarantineShare(), c.topCountedReasons(3), example));
            }
        }
        return out;
    }

    /**
     * The reconciliation as log events, one per file ({@code event: reconciliation}, the counts as fields), for
     * {@code --log-json}: a scheduler reads numbers, not a fixed-width table inside {@code msg}.
     */
    public static List<com.fasterxml.jackson.databind.node.ObjectNode> events(List<FileCounts> counts) {
        List<com.fasterxml.jackson.databind.node.ObjectNode> out = new java.util.ArrayList<>();
        for (FileCounts c : counts) {
            com.fasterxml.jackson.databind.node.ObjectNode f = id.neraca.core.Log.fields();
            f.put("event", "reconciliation");
            f.put("stage", "IngestDumps");
            f.put("source_file", c.task().sourceFile());
            f.put("mapping", c.task().mapping());
            f.put("rows_read", c.rowsRead());
            f.put("accepted", c.accepted());
            f.put("quarantined", c.quarantined());
            f.put("duplicates_collapsed", c.duplicates());
            f.put("open_orders", c.notSales());
            out.add(f);
        }
        return out;
    }

    /** The reconciliation table as text, one line per file, for the console. */
    public static String table(List<FileCounts> counts) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-58s %-17s %10s %10s %11s %10s %11s%n", "file", "mapping", "rows_read",
                "accepted", "quarantined", "duplicates", "open_orders"));
        long[] tot = new long[5];
        for (FileCounts c : counts) {
            b.append(String.format(Locale.ROOT, "%-58s %-17s %,10d %,10d %,11d %,10d %,11d%n", c.task().sourceFile(), c.task().mapping(),
                    c.rowsRead(), c.accepted(), c.quarantined(), c.duplicates(), c.notSales()));
            tot[0] += c.rowsRead();
            tot[1] += c.accepted();
            tot[2] += c.quarantined();
            tot[3] += c.duplicates();
            tot[4] += c.notSales();
        }
        b.append(String.format(Locale.ROOT, "%-58s %-17s %,10d %,10d %,11d %,10d %,11d", "total", "", tot[0], tot[1], tot[2], tot[3], tot[4]));
        return b.toString();
    }
}
