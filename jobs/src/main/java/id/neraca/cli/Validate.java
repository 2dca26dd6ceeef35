package id.neraca.cli;

import id.neraca.config.NeracaConfig;
import id.neraca.core.Log;
import id.neraca.core.NeracaException;
import id.neraca.core.SparkSessions;
import id.neraca.ingest.DumpPlanner;
import id.neraca.ingest.IngestConfig;
import id.neraca.ingest.IngestRun;
import id.neraca.ingest.ResolveDuplicates;
import id.neraca.ingest.ids.SellerKeys;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

/**
 * {@code neraca validate --dumps DIR}: checks dumps against the mappings without writing anything. Prints, per file,
 * the mapping, rows read, accepted, quarantined and collapsed, rejects by reason and the first rejected lines
 * (personal data masked). Exit 2 for an unmatched file (unless --skip-unmatched), 3 when a file cannot be read or
 * its quarantined share exceeds {@code ingest.max_quarantine_share}, else 0. Seller IDs are hashed with the demo
 * key in memory only; no output is written, so no key is needed.
 */
@Command(name = "validate", description = "Check dumps against the mappings without writing outputs: mapping, rows, rejects by reason.")
public class Validate implements Callable<Integer> {
    @Mixin
    public CommonOptions common;

    @Override
    public Integer call() {
        Log.configure(common.quiet, common.logJson);
        common.check(false);
        common.requireDumpsFolder();
        NeracaConfig.Loaded config = NeracaConfig.load(Path.of(common.config), java.util.List.of("ingest"));
        IngestConfig cfg = config.config().ingest();
        IngestRun.Prepared p = IngestRun.prepare(config.mappingsDir(), config.referenceDir(), common.dumps,
                SellerKeys.resolve(Map.of(), true), cfg, common.skipUnmatched, false);
        PrintStream out = System.out;
        List<DumpPlanner.Issue> errors = p.plan().errors();
        if (p.plan().tasks().isEmpty() && errors.isEmpty()) {
            // the scheduler's gate must not pass a folder ingest would refuse (IngestDumps: exit 2)
            throw DumpPlanner.nothingToRead(common.dumps, p.plan());
        }
        List<String> failures = new ArrayList<>();
        if (!p.plan().tasks().isEmpty()) {
            SparkSession spark = SparkSessions.create("neraca validate", common.master, config.config().run().shufflePartitions());
            try {
                spark.sparkContext().setJobGroup("ValidateDumps", "ValidateDumps", false);
                Map<String, String> orderLines = IngestRun.orderLines(p.plan().mappings());
                Dataset<Row> resolved = ResolveDuplicates.apply(IngestRun.parse(spark, p), 0, orderLines, !orderLines.isEmpty())
                        .persist(StorageLevel.MEMORY_AND_DISK());
                List<IngestRun.FileCounts> counts = IngestRun.count(resolved, p.plan());
                Map<String, List<Row>> samples = new LinkedHashMap<>();
                if (cfg.rejectedLinesShown() > 0) {
                    for (Row r : IngestRun.quarantine(spark, p, resolved, counts)
                            // rows gone wrong first, then open orders and repeated headers (not errors): an end-of-month
                            // export's first lines are often open orders, which took every slot
                            .withColumn("_n", row_number().over(Window.partitionBy("source_file").orderBy(
                                    col("reason_code").isin("ORDER_NOT_FINAL", "REPEATED_HEADER", "DESCRIPTION_ROW", "SUMMARY_ROW"), col("source_line"))))
                            .filter(col("_n").leq(cfg.rejectedLinesShown())).orderBy("source_file", "source_line").collectAsList()) {
                        samples.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
                    }
                }
                for (IngestRun.FileCounts c : counts) {
                    if (Log.json()) {
                        out.println(fileJson(c, samples.getOrDefault(c.task().sourceFile(), List.of()), cfg.maxQuarantineShare(),
                                orderLines.get(c.task().mapping())));
                        continue;
                    }
                    out.printf("%s%n  mapping %s | rows %,d%s | accepted %,d | %s | duplicates collapsed %,d%n",
                            c.task().sourceFile(), c.task().mapping(), c.rowsRead(), ordersText(c, orderLines.get(c.task().mapping())),
                            c.accepted(), quarantinedText(c, cfg.maxQuarantineShare()), c.duplicates());
                    c.reasonsByCount()
                            .forEach(e -> out.printf("  rejected %-22s %,d%n", e.getKey(), e.getValue()));
                    for (Row r : samples.getOrDefault(c.task().sourceFile(), List.of())) {
                        String raw = r.isNullAt(5) ? "" : r.getString(5);
                        out.printf("    line %d %s: %s%n      %s%n", r.getLong(1), r.getString(3), r.getString(4),
                                raw.length() > 300 ? raw.substring(0, 300) + "..." : raw);
                    }
                    if (c.unknownCityRows() > 0) {
                        out.printf("  seller city unknown %,d: cities not in the regency table, no province (times read in WIB): %s%n",
                                c.unknownCityRows(), IngestRun.labelsText(IngestRun.unknownCities(List.of(c)), 10));
                    }
                    if (c.unknownCategoryRows() > 0) {
                        out.printf("  category 'other' %,d: category labels not in the taxonomy (categories.csv): %s%n", c.unknownCategoryRows(),
                                IngestRun.labelsText(IngestRun.unknownCategories(List.of(c)), 10));
                    }
                }
                failures = IngestRun.failures(resolved, counts, cfg);
                resolved.unpersist();
            } finally {
                spark.stop();
            }
        }
        for (DumpPlanner.Issue i : errors) printError(out, i.render());
        for (String f : failures) printError(out, f);
        if (!errors.isEmpty()) {
            int exit = errors.stream().anyMatch(e -> e.exit() == NeracaException.EXIT_USAGE) ? NeracaException.EXIT_USAGE : NeracaException.EXIT_DATA;
            throw new NeracaException(exit, errors.size() + " dump file(s) cannot be read (listed above)");
        }
        if (!failures.isEmpty()) {
            throw NeracaException.data("%d file(s) would stop ingest (see above)", failures.size());
        }
        if (Log.json()) {
            var f = Log.fields();
            f.put("event", "validate_ok");
            f.put("files", p.plan().tasks().size());
            out.println(Log.jsonLine("INFO", String.format(java.util.Locale.ROOT, "validate: %d file(s) OK", p.plan().tasks().size()), f));
        } else {
            out.printf("validate: %d file(s) OK%n", p.plan().tasks().size());
        }
        return 0;
    }

    private static void printError(PrintStream out, String message) {
        if (Log.json()) {
            var f = Log.fields();
            f.put("event", "validate_error");
            out.println(Log.jsonLine("ERROR", message, f));
        } else {
            out.printf("ERROR %s%n", message);
        }
    }

    /**
     * One file's result under {@code --log-json}: a scheduler logging stdout and stderr into one {@code .jsonl} must be
     * able to parse every line (the text report is one line per file, reason and rejected line).
     */
    private static String fileJson(IngestRun.FileCounts c, List<Row> rejected, double limit, String orderLines) {
        var f = Log.fields();
        f.put("event", "validate_file");
        f.put("source_file", c.task().sourceFile());
        f.put("mapping", c.task().mapping());
        f.put("rows_read", c.rowsRead());
        if (orderLines != null) {
            f.put("order_lines", orderLines);
            f.put("orders_read", c.ordersRead());
        }
        f.put("accepted", c.accepted());
        f.put("quarantined", c.quarantined());
        f.put("open_orders", c.notSales());
        f.put("quarantined_pct", Math.round(1000 * c.quarantinedShare()) / 10.0);
        f.put("duplicates_collapsed", c.duplicates());
        var reasons = f.putObject("rejected");
        c.reasonsByCount()
                .forEach(e -> reasons.put(e.getKey(), e.getValue()));
        f.put("unknown_category_rows", c.unknownCategoryRows());
        f.put("unknown_city_rows", c.unknownCityRows());
        var cityLabels = f.putObject("unknown_city_labels");
        IngestRun.unknownCities(List.of(c)).forEach(e -> cityLabels.put(e.getKey(), e.getValue()));
        var labels = f.putObject("unknown_category_labels");
        IngestRun.unknownCategories(List.of(c)).forEach(e -> labels.put(e.getKey(), e.getValue()));
        var lines = f.putArray("rejected_lines");
        for (Row r : rejected) {
            var l = lines.addObject();
            l.put("line", r.getLong(1));
            l.put("reason", r.getString(3));
            l.put("detail", r.getString(4));
            String raw = r.isNullAt(5) ? "" : r.getString(5);
            l.put("raw", raw.length() > 300 ? raw.substring(0, 300) + "..." : raw);
        }
        String msg = String.format(java.util.Locale.ROOT, "%s: mapping %s | rows %,d%s | accepted %,d | %s | duplicates collapsed %,d",
                c.task().sourceFile(), c.task().mapping(), c.rowsRead(), ordersText(c, orderLines), c.accepted(), quarantinedText(c, limit),
                c.duplicates());
        return Log.jsonLine("INFO", msg, f);
    }

    /**
     * For a file whose lines are orders with their sales lines in an array ({@code format.order_lines}): " (sales lines, the
     * elements of 'items', in 2 orders)" after its rows, what they count and the orders to reconcile with the source
     * system's order count; "" for any other file.
     */
    public static String ordersText(IngestRun.FileCounts c, String orderLines) {
        if (orderLines == null) return "";
        return String.format(java.util.Locale.ROOT, " (sales lines, the elements of '%s', in %,d order%s)", orderLines,
                c.ordersRead(), c.ordersRead() == 1 ? "" : "s");
    }

    /**
     * "quarantined N = R rejected (share of the rows the limit applies to; limit L) + O open orders / repeated headers
     * (not counted)": the share is the one ingest.max_quarantine_share is checked against, of the rows that are sales;
     * open orders, repeated headers and description rows are quarantined but left out of it (else 56 rows at 1.7% of
     * 231 reads as a miscount). Without them: "quarantined N (share of R rows; limit L)".
     */
    public static String quarantinedText(IngestRun.FileCounts c, double limit) {
        long notSales = c.notSales();
        if (notSales == 0) {
            return String.format(java.util.Locale.ROOT, "quarantined %,d (%.1f%% of %,d rows; limit %.1f%%)", c.quarantined(),
                    100 * c.quarantinedShare(), c.rowsRead(), 100 * limit);
        }
        List<String> kinds = new ArrayList<>();
        if (c.reasons().getOrDefault("ORDER_NOT_FINAL", 0L) > 0) kinds.add("open orders");
        if (c.reasons().getOrDefault("REPEATED_HEADER", 0L) > 0) kinds.add("repeated headers");
        if (c.reasons().getOrDefault("DESCRIPTION_ROW", 0L) > 0) kinds.add("description rows");
        if (c.reasons().getOrDefault("SUMMARY_ROW", 0L) > 0) kinds.add("totals rows");
        return String.format(java.util.Locale.ROOT, "quarantined %,d = %,d rejected (%.1f%% of %,d rows; limit %.1f%%) + %,d %s (not counted)",
                c.quarantined(), c.quarantined() - notSales, 100 * c.quarantinedShare(), c.rowsRead() - notSales, 100 * limit,
                notSales, String.join(" / ", kinds));
    }
}
