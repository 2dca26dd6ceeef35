package id.neraca.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.core.Handoffs;
import id.neraca.core.Log;
import id.neraca.core.PartitionedWrites;
import id.neraca.core.NeracaException;
import id.neraca.core.Stage;
import id.neraca.core.SmallInputs;
import id.neraca.core.StageContext;
import id.neraca.ingest.ids.SellerKeys;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * IngestDumps: every dump under {@code --dumps} into the canonical sales table.
 * <ul>
 *   <li>Inputs: the dump files (CSV, JSON Lines, Parquet; gzip and zip), {@code data/marketplaces/*.yaml},
 *       {@code data/reference/{provinces,regencies,countries,categories,fx_monthly}.csv}, the seller key.</li>
 *   <li>Outputs: {@code out/sales/} (Parquet, {@code Schemas.SALES}, partitioned by marketplace and period_month),
 *       {@code out/quarantine/} + {@code quarantine.csv}, {@code out/reconciliation/} + {@code reconciliation.csv},
 *       {@code out/quarantine_reasons/} + {@code quarantine_reasons.csv}; the manifest's {@code inputs};
 *       {@code out/ingest_state/} (what {@link IngestState} needs to parse only new and changed dumps next time).</li>
 *   <li>Excludes: rows that fail to parse (quarantined with a reason), repeats of an order (collapsed to the latest
 *       export), files named {@code _*}, {@code .*}, {@code README*}, {@code LICENSE*}.</li>
 *   <li>Fails (nothing in out/ changes): exit 2 for an unmatched file (unless --skip-unmatched) or a missing seller
 *       key; exit 3 for a header without the mapped columns, a truncated file, or a file whose quarantined share
 *       exceeds {@code ingest.max_quarantine_share}.</li>
 * </ul>
 * Run alone: {@code ./neraca ingest --dumps DIR [--out out] [--demo-key]}. Mapping language: docs/MAPPINGS.md.
 */
public final class IngestDumps implements Stage {
    static final String WORK = "ingest_work";
    /** The CSV copy of out/quarantine, beside it as reconciliation.csv is beside out/reconciliation ({@link QuarantineCsv}). */
    static final String QUARANTINE_CSV = "quarantine.csv";
    static final long SMALL_RUN_ROWS = 1_000_000;
    static final long ROWS_PER_WRITE_TASK = 150_000;
    static final int MAX_WRITE_TASKS = 400;
    /** Dump bytes per duplicate-resolution task of a large ingest (small ones let Spark size the tasks). */
    static final long BYTES_PER_RESOLVE_TASK = 40L << 20;

    /** Tasks of the duplicate resolution: 0 (Spark's setting, sized by AQE) up to 8 × 40 MB of dumps, then one per 40 MB. */
    static int resolveTasks(long dumpBytes) {
        return dumpBytes <= BYTES_PER_RESOLVE_TASK * 8 ? 0 : (int) Math.min(MAX_WRITE_TASKS, dumpBytes / BYTES_PER_RESOLVE_TASK + 1);
    }

    /**
     * Up to this many accepted rows, the sales go to classify in memory as well ({@link Handoffs}): classify reads
     * the scratch file's few files instead of every sales folder (10k rows: 144 folders of ~20 KB).
     */
    static final long HANDOFF_MAX_ROWS = 200_000;

    /** Up to this many accepted rows, every core writes its share of the sales folders. */
    static final long TINY_RUN_ROWS = 200_000;

    /**
     * Tasks writing {@code sales}: one per core ({@code cores}) up to 200,000 rows (there the cost is per folder, not
     * per row: Spark's own sizing puts a small run in one task, which writes all 144 folders while the other cores
     * wait); 0 (Spark's setting) up to a million rows; then one per 150,000 rows, at most 400.
     */
    static int salesWriteTasks(long acceptedRows, int cores) {
        if (acceptedRows <= TINY_RUN_ROWS) return Math.max(1, cores);
        return acceptedRows <= SMALL_RUN_ROWS ? 0 : (int) Math.min(MAX_WRITE_TASKS, acceptedRows / ROWS_PER_WRITE_TASK + 1);
    }
    /** Partition folders a sales-writing task keeps open before Spark sorts the rest of its rows. */
    static final int OPEN_FOLDER_WRITERS = 24;

    @Override
    public String name() {
        return "IngestDumps";
    }

    @Override
    public String command() {
        return "ingest";
    }

    /** True when --dumps is the bundled samples folder (the quick start), where the demo key is allowed. */
    public static boolean bundledSamples(String dumps) {
        try {
            Path p = Path.of(dumps).toAbsolutePath().normalize();
            return p.endsWith(Path.of("data", "samples"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Checks that a seller key is set (or the demo key allowed) before Spark starts and before --out is created: a usage
     * error (exit 2) saying how to set one; the run resolves it again, with its warning, when the stage starts.
     */
    public static void requireKey(String dumps, boolean demoFlag) {
        SellerKeys.resolve(System.getenv(), demoFlag || bundledSamples(dumps));
    }

    /** Resolves the seller key for a run over {@code dumps}, warning when the public demo key is used. */
    public static SellerKeys keys(String dumps, boolean demoFlag) {
        SellerKeys keys = SellerKeys.resolve(System.getenv(), demoFlag || bundledSamples(dumps));
        if (keys.demo()) {
            Log.warn("seller IDs are hashed with the PUBLIC demo key (%s): seller_key protects nothing. Set %s or %s for real data.",
                    demoFlag ? "--demo-key" : "bundled data/samples", SellerKeys.ENV_KEY, SellerKeys.ENV_KEY_FILE);
        }
        return keys;
    }

    @Override
    public void run(StageContext ctx) {
        IngestConfig cfg = ctx.cfg().ingest();
        // the order dates this run accepts: unpinned, the last one is the run's day, so two runs of the same dumps and
        // configuration on different days may accept different rows (the report's comparison names it: report.Revisions)
        ObjectNode window = ctx.manifest().stage(name());
        window.put("min_order_date", cfg.minDate().toString());
        window.put("max_order_date", cfg.maxDate().toString());
        window.put("max_order_date_pinned", cfg.maxOrderDate() != null);
        SellerKeys keys = keys(ctx.dumps(), ctx.options().demoKey());
        IngestRun.Prepared p = IngestRun.prepare(ctx.config().mappingsDir(), ctx.config().referenceDir(), ctx.dumps(), keys, cfg,
                ctx.options().skipUnmatched(), true);
        if (p.plan().tasks().isEmpty()) {
            throw DumpPlanner.nothingToRead(ctx.dumps(), p.plan());
        }
        SparkSession spark = ctx.spark();
        Log.info("ParseDumps: %d files, %d mappings", p.plan().tasks().size(), p.plan().mappings().size());
        // incremental: only new and changed files are parsed; the stored parsed rows of the others join them
        IngestState state = IngestState.plan(ctx, p);

        long dumpBytes = p.plan().tasks().stream().mapToLong(t -> Math.max(0, t.bytes())).sum();
        // a few MB of dumps: expressions interpreted, not compiled (core.SmallInputs; restored when the stage ends)
        try (SmallInputs.Scope scope = SmallInputs.interpreted(spark, dumpBytes)) {
            ctx.manifest().stage(name()).put("interpreted_expressions", scope.interpreted());
            ingest(ctx, cfg, keys, p, state, dumpBytes);
        }
    }

    private void ingest(StageContext ctx, IngestConfig cfg, SellerKeys keys, IngestRun.Prepared p, IngestState state,
                        long dumpBytes) {
        SparkSession spark = ctx.spark();
        // one pass: read + parse + resolve, persisted as Parquet in this run's staging area (never committed). Orders are
        // resolved as snapshots only when a mapping reads an order's lines from an array (every mapping of the folder is
        // in the plan, and every stored file's mapping with it: IngestState refuses a run where one is gone)
        java.util.Map<String, String> orderLines = IngestRun.orderLines(p.plan().mappings());
        Dataset<Row> resolved = ResolveDuplicates.apply(state.parsed(ctx, p), resolveTasks(dumpBytes), orderLines,
                !orderLines.isEmpty());
        String work = ctx.outputs().staging(WORK);
        // a scratch file read once: fast codec, no dictionaries (sale_id, names and details are high-cardinality and the
        // dictionary build-then-fallback cost more CPU than the whole parse); out/ keeps the session's codec
        resolved.write().mode(SaveMode.Overwrite).option("compression", "lz4_raw")
                .option("parquet.enable.dictionary", "false").parquet(work);
        // with the schema just written: no job to infer it from the files' footers
        resolved = spark.read().schema(resolved.schema()).parquet(work);

        List<IngestRun.FileCounts> counts = IngestRun.count(resolved, state.countPlan(p.plan()));
        if (Log.json()) {
            for (var f : IngestRun.events(counts)) {
                Log.event("INFO", String.format(java.util.Locale.ROOT, "reconciliation %s: %,d rows read = %,d accepted + %,d quarantined + %,d "
                                + "duplicates collapsed", f.get("source_file").asText(), f.get("rows_read").asLong(), f.get("accepted").asLong(),
                        f.get("quarantined").asLong(), f.get("duplicates_collapsed").asLong()), f);
            }
        } else {
            for (String line : IngestRun.table(counts).split("\n")) Log.info("reconciliation | %s", line);
        }
        checkIdentity(counts);
        List<String> failures = IngestRun.failures(resolved, counts, cfg);
        if (!failures.isEmpty()) {
            // a truncated or unreadable file stops the run whatever the threshold: raising it is no way out for that file
            boolean onlyShares = failures.stream().noneMatch(f -> f.contains("truncated or unreadable"));
            throw NeracaException.data("ingest stopped, %s left as it was:\n  %s\n%s", ctx.out(), String.join("\n  ", failures), onlyShares
                    ? "Fix or remove the file(s), or raise ingest.max_quarantine_share in the config if the rejects are understood "
                    + "(see the output of `neraca validate`)."
                    : "Download or export a truncated or unreadable file again, or remove it (raising ingest.max_quarantine_share "
                    + "does not admit it); fix or remove the others, or raise ingest.max_quarantine_share if their rejects are understood.");
        }

        String sales = ctx.outputs().staging("sales");
        Dataset<Row> salesRows = ResolveDuplicates.sales(resolved);
        long accepted = counts.stream().mapToLong(IngestRun.FileCounts::accepted).sum();
        // a shuffle by partition folder, so that each task writes a few whole folders with one open writer each and no
        // sort (PartitionedWrites: the writer's sort of every wide row spilled most of a large run to disk); small
        // runs spread the folders over the cores, middle ones let Spark size the tasks, large ones get about
        // ROWS_PER_WRITE_TASK rows per task
        int writeTasks = salesWriteTasks(accepted, spark.sparkContext().defaultParallelism());
        salesRows = writeTasks == 0
                ? salesRows.repartition(col("marketplace"), col("period_month"))
                : salesRows.repartition(writeTasks, col("marketplace"), col("period_month"));
        Dataset<Row> toWrite = salesRows;
        PartitionedWrites.withOpenWriters(spark, OPEN_FOLDER_WRITERS,
                () -> toWrite.write().partitionBy("marketplace", "period_month").parquet(sales));
        // a small run hands the rows just written to classify: the same rows from the scratch file (a few files) instead
        // of the sales table's partition folders; the scratch file then stays until the run's staging is removed
        boolean handOff = accepted <= HANDOFF_MAX_ROWS;
        // with its row count: the accepted rows the reconciliation has just counted, which classify checks its output against
        if (handOff) ctx.handoffs().put("sales", ResolveDuplicates.sales(resolved), false, accepted);
        ctx.manifest().stage(name()).put("sales_handed_off", handOff);
        String quarantine = ctx.outputs().staging("quarantine");
        // one file, by source file and line: the CSV copy is read from it in that order, so reruns write the same bytes
        IngestRun.quarantine(spark, p, resolved, counts).coalesce(1)
                .sortWithinPartitions("source_file", "source_line", IngestSchemas.SOURCE_ELEMENT, "reason_code", "reason_detail")
                .drop(IngestSchemas.SOURCE_ELEMENT).write().parquet(quarantine);
        QuarantineCsv.write(ctx.outputs().fs(), quarantine, ctx.outputs().staging(QUARANTINE_CSV));
        writeSmall(ctx, "reconciliation", reconciliationRows(counts), IngestSchemas.RECONCILIATION);
        writeSmall(ctx, "quarantine_reasons", reasonRows(counts), IngestSchemas.QUARANTINE_REASONS);

        ctx.outputs().commit("sales");
        ctx.outputs().commit("quarantine");
        ctx.outputs().commit(QUARANTINE_CSV);
        ctx.outputs().commit("reconciliation");
        ctx.outputs().commit("quarantine_reasons");
        ctx.outputs().writeText("reconciliation.csv", csv(IngestSchemas.RECONCILIATION.fieldNames(), reconciliationRows(counts)));
        ctx.outputs().writeText("quarantine_reasons.csv", csv(IngestSchemas.QUARANTINE_REASONS.fieldNames(), reasonRows(counts)));
        state.commit(ctx, counts);
        if (!handOff) deleteWork(ctx, work);
        record(ctx, counts, keys, p.plan().mappings());
        state.record(ctx.manifest());
    }

    private static void writeSmall(StageContext ctx, String name, List<Row> rows, org.apache.spark.sql.types.StructType schema) {
        String path = ctx.outputs().staging(name);
        ctx.spark().createDataFrame(rows, schema).coalesce(1).write().parquet(path);
    }

    static List<Row> reconciliationRows(List<IngestRun.FileCounts> counts) {
        List<Row> rows = new ArrayList<>();
        for (IngestRun.FileCounts c : counts) {
            rows.add(RowFactory.create(c.task().sourceFile(), c.task().mapping(), c.task().sha256(), c.task().bytes(),
                    c.rowsRead(), c.accepted(), c.quarantined(), c.duplicates(), c.notSales()));
        }
        return rows;
    }

    static List<Row> reasonRows(List<IngestRun.FileCounts> counts) {
        List<Row> rows = new ArrayList<>();
        for (IngestRun.FileCounts c : counts) {
            c.reasons().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> rows.add(RowFactory.create(c.task().sourceFile(), e.getKey(), e.getValue())));
        }
        return rows;
    }

    static String csv(String[] header, List<Row> rows) {
        StringBuilder b = new StringBuilder(String.join(",", header)).append('\n');
        for (Row r : rows) {
            String[] f = new String[r.length()];
            for (int i = 0; i < f.length; i++) f[i] = r.isNullAt(i) ? "" : String.valueOf(r.get(i));
            b.append(CsvLine.join(f, ',', '"')).append('\n');
        }
        return b.toString();
    }

    private static void deleteWork(StageContext ctx, String work) {
        try {
            ctx.outputs().fs().delete(new org.apache.hadoop.fs.Path(work), true);
        } catch (java.io.IOException e) {
            Log.warn("could not delete %s: %s", work, e.getMessage());
        }
    }

    /** rows read = accepted + quarantined + duplicates for every file, and no row outside a planned file. */
    static void checkIdentity(List<IngestRun.FileCounts> counts) {
        for (IngestRun.FileCounts c : counts) {
            if (c.rowsRead() != c.accepted() + c.quarantined() + c.duplicates()) {
                throw NeracaException.other("%s: reconciliation identity broken: rows_read %d != accepted %d + quarantined %d + duplicates %d",
                        c.task().sourceFile(), c.rowsRead(), c.accepted(), c.quarantined(), c.duplicates());
            }
        }
    }

    /** Unknown category labels listed per file in the manifest (most rows first). */
    static final int MANIFEST_LABELS = 20;

    private static void record(StageContext ctx, List<IngestRun.FileCounts> counts, SellerKeys keys,
                               Map<String, CompiledMapping> mappings) {
        ctx.manifest().resetInputs();
        long read = 0, acc = 0, q = 0, dup = 0, open = 0;
        long defaulted = 0;
        for (IngestRun.FileCounts c : counts) {
            ObjectNode n = ctx.manifest().inputs().addObject();
            n.put("source_file", c.task().sourceFile());
            n.put("mapping", c.task().mapping());
            n.put("sha256", c.task().sha256());
            n.put("bytes", c.task().bytes());
            n.put("rows_read", c.rowsRead());
            n.put("accepted", c.accepted());
            n.put("quarantined", c.quarantined());
            n.put("duplicates_collapsed", c.duplicates());
            n.put("open_orders", c.notSales());
            CompiledMapping fileMapping = mappings.get(c.task().mapping());
            String lines = fileMapping == null ? null : fileMapping.mapping().format().orderLines();
            if (lines != null) {
                // rows_read counts sales lines (the elements of the orders' arrays); the orders they came in, to reconcile
                // with the source system's order count
                n.put("order_lines", lines);
                n.put("orders_read", c.ordersRead());
                // of duplicates_collapsed, the lines an order's later export no longer holds (docs/MAPPINGS.md, duplicates rule 4)
                n.put("superseded_lines", c.supersededLines());
            }
            n.put("unknown_category_rows", c.unknownCategoryRows());
            if (!c.unknownCategories().isEmpty()) {
                ObjectNode labels = n.putObject("unknown_category_labels");
                IngestRun.unknownCategories(List.of(c)).stream().limit(MANIFEST_LABELS).forEach(e -> labels.put(e.getKey(), e.getValue()));
            }
            n.put("unknown_city_rows", c.unknownCityRows());
            if (!c.unknownCities().isEmpty()) {
                ObjectNode labels = n.putObject("unknown_city_labels");
                IngestRun.unknownCities(List.of(c)).stream().limit(MANIFEST_LABELS).forEach(e -> labels.put(e.getKey(), e.getValue()));
            }
            if (!c.unmappedValues().isEmpty()) {
                ObjectNode values = n.putObject("unmapped_status_values");
                c.unmappedValues().entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .limit(MANIFEST_LABELS).forEach(e -> values.put(e.getKey(), e.getValue()));
            }
            // a column the mapping reads from the file's path that fell back to its default (the planner warned)
            CompiledMapping cm = mappings.get(c.task().mapping());
            Map<String, String> misses = cm == null ? Map.of() : DumpPlanner.fileRegexMisses(cm.mapping(), c.task().sourceFile());
            if (misses.values().stream().anyMatch(java.util.Objects::nonNull)) {
                ObjectNode d = n.putObject("file_regex_defaults");
                misses.forEach((k, v) -> { if (v != null) d.put(k, v); });
                defaulted++;
            }
            read += c.rowsRead();
            acc += c.accepted();
            q += c.quarantined();
            dup += c.duplicates();
            open += c.notSales();
        }
        ObjectNode s = ctx.manifest().stage("IngestDumps");
        s.put("files", counts.size());
        s.put("rows_read", read);
        s.put("accepted", acc);
        s.put("quarantined", q);
        s.put("duplicates_collapsed", dup);
        s.put("open_orders", open);
        s.put("rows_out", acc);
        s.put("files_with_file_regex_default", defaulted);
        List<Map.Entry<String, Long>> unknown = IngestRun.unknownCategories(counts);
        long unknownRows = unknown.stream().mapToLong(Map.Entry::getValue).sum();
        s.put("unknown_category_rows", unknownRows);
        s.put("unknown_category_labels", unknown.size());
        if (unknownRows > 0) {
            Log.warn("%,d accepted sales (%.1f%%) carry a category label the taxonomy does not know and count as 'other' in every "
                    + "category table: %s. Add the labels as aliases in %s (docs/MAPPINGS.md \"Categories\") and rerun; the "
                    + "manifest lists them per file", unknownRows, 100.0 * unknownRows / Math.max(1, acc),
                    IngestRun.labelsText(unknown, 5), "data/reference/categories.csv");
        }
        List<Map.Entry<String, Long>> cities = IngestRun.unknownCities(counts);
        long cityRows = cities.stream().mapToLong(Map.Entry::getValue).sum();
        s.put("unknown_city_rows", cityRows);
        if (cityRows > 0) Log.warn("%s", IngestRun.unknownCitiesText(cities, acc, 5));
        List<Map.Entry<String, Long>> unmapped = IngestRun.unmappedValues(counts);
        long unmappedRows = unmapped.stream().mapToLong(Map.Entry::getValue).sum();
        s.put("unmapped_status_rows", unmappedRows);
        if (unmappedRows > 0) Log.warn("%s", IngestRun.unmappedText(unmapped, 5));
        s.put("seller_key", keys.demo() ? "demo" : "secret");
        Log.info("IngestDumps: %,d rows read = %,d accepted + %,d quarantined + %,d duplicates collapsed%s", read, acc, q, dup,
                open == 0 ? "" : String.format(java.util.Locale.ROOT, " (quarantined: %,d rejected + %,d open orders, repeated headers "
                        + "or description rows, not sales gone wrong)", q - open, open));
    }
}
