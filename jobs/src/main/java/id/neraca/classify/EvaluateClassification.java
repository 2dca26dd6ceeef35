package id.neraca.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.core.NeracaException;
import id.neraca.core.Stage;
import id.neraca.core.StageContext;
import id.neraca.core.Schemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

/**
 * Stage EvaluateClassification ({@code neraca evaluate --truth FILE}): joins {@code out/classified} with a
 * ground-truth CSV on sale_id and writes {@code out/evaluation/} ({@code confusion.csv}, {@code per_class.csv},
 * {@code summary.json}); prints the summary. Metric definitions: {@link ClassificationEvaluation}.
 * The truth file is read with every column as a string (no schema inference).
 */
public final class EvaluateClassification implements Stage {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final String truthFile;
    private final PrintStream out;

    public EvaluateClassification(String truthFile, PrintStream out) {
        this.truthFile = truthFile;
        this.out = out;
    }

    @Override
    public String name() {
        return "EvaluateClassification";
    }

    @Override
    public String command() {
        return "evaluate";
    }

    @Override
    public void run(StageContext ctx) {
        if (!truthFile.contains("://") && !Files.isRegularFile(Path.of(truthFile))) {
            throw NeracaException.usage("--truth %s: file not found. Pass the generator's ground truth "
                    + "(<generated>/_truth/ground_truth.csv).", truthFile);
        }
        if (!ctx.outputs().exists("classified")) {
            throw NeracaException.usage("%s: nothing classified yet. Run `neraca classify` first.", ctx.outputs().path("classified"));
        }
        Dataset<Row> truth = ctx.spark().read().option("header", "true").option("mode", "FAILFAST").csv(truthFile);
        requireColumns(List.of(truth.columns()), truthFile);
        checkTruth(truth, truthFile);
        Dataset<Row> classified = ctx.spark().read().parquet(ctx.outputs().path("classified"));
        ClassificationEvaluation.Result r = ClassificationEvaluation.evaluate(classified, truth);
        requireMatches(r.matchedSales(), r.truthOnlySales(), r.classifiedOnlySales(), truthFile);

        String dir = ctx.outputs().staging("evaluation");
        ClassifyOutputs.writeText(ctx.outputs().fs(), dir + "/confusion.csv", confusionCsv(r));
        ClassifyOutputs.writeText(ctx.outputs().fs(), dir + "/per_class.csv", perClassCsv(r));
        ObjectNode summary = summary(r, truthFile);
        try {
            ClassifyOutputs.writeText(ctx.outputs().fs(), dir + "/summary.json", JSON.writeValueAsString(summary) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ctx.outputs().commit("evaluation");
        ObjectNode m = ctx.manifest().stage(name());
        m.put("truth_file", truthFile);
        m.put("rows_out", r.matchedSales());
        m.setAll(summary);
        out.print(printed(r, summary));
        out.flush();
    }

    /**
     * The truth's header: {@code sale_id} and {@code true_origin_class}, found by name. An empty file and a header in
     * another delimiter are said as such (both were "column 'sale_id' is missing"), and the columns found are named.
     */
    static void requireColumns(List<String> columns, String truthFile) {
        if (columns.isEmpty() || (columns.size() == 1 && columns.get(0).isBlank())) {
            throw NeracaException.data("%s is empty: the ground truth needs the header sale_id,true_origin_class[,true_umkm_tier,...] "
                    + "and one row per sale (docs/CONTRACTS.md). Pass <generated>/_truth/ground_truth.csv of the classified dumps.",
                    truthFile);
        }
        for (String required : List.of("sale_id", "true_origin_class")) {
            if (!columns.contains(required)) {
                String found = columns.size() == 1 && columns.get(0).matches(".*[;\t|].*")
                        ? "the header is one column, '" + columns.get(0) + "': separate the columns with commas"
                        : "found " + columns;
                throw NeracaException.data("%s (line 1): column '%s' is missing (%s); the ground truth needs "
                        + "sale_id,true_origin_class[,true_umkm_tier,...] (docs/CONTRACTS.md).", truthFile, required, found);
            }
        }
    }

    /**
     * The truth's rows fail their contract (exit 3, nothing written) when a {@code true_origin_class} is no origin class
     * (a typo such as 'IMPORTD' became a class of its own and lowered IMPORTED's precision and the accuracy; a blank one
     * turned its matched sale into "classified only"), a {@code true_umkm_tier} is no tier (it counted as a wrong tier), a
     * sale id is blank, or a sale id appears twice (its sale was counted twice; docs/CONTRACTS.md: one row per sale).
     * Class and tier are compared as {@link ClassificationEvaluation} does, trimmed and in upper case.
     */
    static void checkTruth(Dataset<Row> truth, String truthFile) {
        boolean hasTier = List.of(truth.columns()).contains("true_umkm_tier");
        Column cls = upper(trim(col("true_origin_class")));
        Column tier = hasTier ? upper(trim(col("true_umkm_tier"))) : lit(null).cast("string");
        Column badClass = cls.isNull().or(not(cls.isin(Schemas.ORIGIN_CLASSES.toArray())));
        Column badTier = tier.isNotNull().and(tier.notEqual("")).and(not(tier.isin(Schemas.UMKM_TIERS.toArray())));
        Column noId = col("sale_id").isNull().or(trim(col("sale_id")).equalTo(""));
        Row c = truth.agg(
                sum(when(noId, 1L).otherwise(0L)),
                sum(when(not(noId).and(badClass), 1L).otherwise(0L)),
                first(when(not(noId).and(badClass), struct(col("true_origin_class"), col("sale_id"))), true),
                sum(when(not(noId).and(badTier), 1L).otherwise(0L)),
                first(when(not(noId).and(badTier), struct(hasTier ? col("true_umkm_tier") : lit(""), col("sale_id"))), true)).first();
        long blankIds = c.isNullAt(0) ? 0 : c.getLong(0);
        if (blankIds > 0) {
            throw NeracaException.data("%s: %,d row(s) have no sale_id; every row needs the sale_id ingest gives its sale "
                    + "(docs/CONTRACTS.md, \"Ground truth\"). Fill it in or delete the row, then rerun.", truthFile, blankIds);
        }
        long badClasses = c.isNullAt(1) ? 0 : c.getLong(1);
        if (badClasses > 0) {
            throw NeracaException.data("%s: %,d row(s) have a true_origin_class that is no origin class, e.g. '%s' "
                    + "(sale id %s); expected one of %s. Correct them (a blank class too), then rerun.", truthFile, badClasses,
                    example(c, 2), c.getStruct(2).getString(1), String.join(", ", Schemas.ORIGIN_CLASSES));
        }
        long badTiers = c.isNullAt(3) ? 0 : c.getLong(3);
        if (badTiers > 0) {
            throw NeracaException.data("%s: %,d row(s) have a true_umkm_tier that is no tier, e.g. '%s' (sale id %s); "
                    + "expected one of %s, or blank where the tier is not known. Correct them, then rerun.", truthFile, badTiers,
                    example(c, 4), c.getStruct(4).getString(1), String.join(", ", Schemas.UMKM_TIERS));
        }
        Dataset<Row> repeated = truth.groupBy(col("sale_id")).agg(count(lit(1)).as("n")).where(col("n").gt(1));
        List<Row> dups = repeated.orderBy(col("sale_id")).limit(3).collectAsList();
        if (!dups.isEmpty()) {
            long total = repeated.count();
            throw NeracaException.data("%s: %,d sale id(s) appear on more than one row, e.g. %s; the ground truth holds one row "
                    + "per sale (docs/CONTRACTS.md), else the sale is counted once per row. Keep one row per sale id, then rerun.",
                    truthFile, total, dups.stream().map(d -> "'" + d.getString(0) + "' (" + d.getLong(1) + " rows)").toList());
        }
    }

    private static String example(Row counts, int at) {
        Row r = counts.getStruct(at);
        return r.isNullAt(0) ? "" : r.getString(0);
    }

    /**
     * A ground truth none of whose sale ids is in out/classified fails its contract (exit 3, nothing written): it
     * reported success with "matched sales 0" and metrics of nothing, when the truth belongs to other dumps (another
     * generated set, another seed) or out/classified to other dumps than the truth's.
     */
    static void requireMatches(long matched, long truthOnly, long classifiedOnly, String truthFile) {
        if (matched > 0) return;
        if (truthOnly == 0) {
            // a header and no rows: "none of its 0 sale ids ... the truth is of other dumps" sent the user to the wrong fix
            throw NeracaException.data("%s: no rows below its header, nothing to score. Pass the ground truth of the classified "
                    + "dumps (neraca generate writes it to <generated>/_truth/ground_truth.csv).", truthFile);
        }
        throw NeracaException.data("%s: none of its %,d sale ids matches one of the %,d sales in out/classified: the ground "
                + "truth is of other dumps. Run `neraca run --dumps DIR` on the dumps this truth was generated with (its "
                + "folder's parent, for <generated>/_truth/ground_truth.csv), or pass the truth file of the classified dumps.",
                truthFile, truthOnly, classifiedOnly);
    }

    /**
     * What evaluate prints on stdout: the text tables, or under {@code --log-json} one JSON line (the summary's fields,
     * event {@code evaluate_summary}), so that a log of stdout and stderr together parses line by line.
     */
    static String printed(ClassificationEvaluation.Result r, ObjectNode summary) {
        if (!id.neraca.core.Log.json()) return render(r);
        ObjectNode f = id.neraca.core.Log.fields();
        f.put("event", "evaluate_summary");
        f.setAll(summary.deepCopy());
        return id.neraca.core.Log.jsonLine("INFO", String.format(java.util.Locale.ROOT, "evaluation: %,d sales matched against the ground truth",
                r.matchedSales()), f) + "\n";
    }

    static String confusionCsv(ClassificationEvaluation.Result r) {
        StringBuilder b = new StringBuilder("true_origin_class,predicted_origin_class,sales,gmv_idr\n");
        for (ClassificationEvaluation.Cell c : r.confusion()) {
            b.append(c.trueClass()).append(',').append(c.predictedClass()).append(',').append(c.sales()).append(',')
                    .append(c.gmvIdr().toPlainString()).append('\n');
        }
        return b.toString();
    }

    static String perClassCsv(ClassificationEvaluation.Result r) {
        StringBuilder b = new StringBuilder("origin_class,true_positives,predicted,actual,precision,recall,predicted_gmv_idr,actual_gmv_idr\n");
        for (ClassificationEvaluation.ClassMetrics c : r.perClass()) {
            b.append(c.originClass()).append(',').append(c.truePositives()).append(',').append(c.predicted()).append(',')
                    .append(c.actual()).append(',').append(num(c.precision())).append(',').append(num(c.recall())).append(',')
                    .append(c.predictedGmvIdr().toPlainString()).append(',').append(c.actualGmvIdr().toPlainString()).append('\n');
        }
        return b.toString();
    }

    static ObjectNode summary(ClassificationEvaluation.Result r, String truthFile) {
        ObjectNode n = JSON.createObjectNode();
        n.put("truth_file", truthFile);
        n.put("matched_sales", r.matchedSales());
        n.put("truth_only_sales", r.truthOnlySales());
        n.put("classified_only_sales", r.classifiedOnlySales());
        n.put("decided_sales", r.decidedSales());
        putNum(n, "accuracy_decided", r.accuracyDecided());
        putNum(n, "gmv_weighted_accuracy_decided", r.gmvWeightedAccuracyDecided());
        n.put("total_gmv_idr", r.totalGmvIdr().setScale(0, java.math.RoundingMode.HALF_UP).toBigInteger());
        n.put("decided_gmv_idr", r.decidedGmvIdr().setScale(0, java.math.RoundingMode.HALF_UP).toBigInteger());
        n.put("unknown_share_count", r.unknownShareCount());
        putNum(n, "unknown_share_gmv", r.unknownShareGmv());
        n.put("tier_compared_sales", r.tierComparedSales());
        putNum(n, "tier_accuracy", r.tierAccuracy());
        ArrayNode per = n.putArray("per_class");
        for (ClassificationEvaluation.ClassMetrics c : r.perClass()) {
            ObjectNode o = per.addObject();
            o.put("origin_class", c.originClass());
            o.put("true_positives", c.truePositives());
            o.put("predicted", c.predicted());
            o.put("actual", c.actual());
            putNum(o, "precision", c.precision());
            putNum(o, "recall", c.recall());
        }
        return n;
    }

    /** The console report: confusion matrix (sales) and the headline metrics. */
    static String render(ClassificationEvaluation.Result r) {
        StringBuilder b = new StringBuilder();
        List<String> classes = r.perClass().stream().map(ClassificationEvaluation.ClassMetrics::originClass).toList();
        b.append("Confusion matrix (sales; rows = truth, columns = predicted)\n");
        b.append(String.format(Locale.ROOT, "%-14s", ""));
        for (String c : classes) b.append(String.format(Locale.ROOT, "%14s", c));
        b.append('\n');
        for (String t : classes) {
            b.append(String.format(Locale.ROOT, "%-14s", t));
            for (String p : classes) {
                long v = r.confusion().stream().filter(c -> c.trueClass().equals(t) && c.predictedClass().equals(p))
                        .mapToLong(ClassificationEvaluation.Cell::sales).sum();
                b.append(String.format(Locale.ROOT, "%14d", v));
            }
            b.append('\n');
        }
        b.append(String.format(Locale.ROOT, "%n%-14s %10s %10s%n", "class", "precision", "recall"));
        for (ClassificationEvaluation.ClassMetrics c : r.perClass()) {
            b.append(String.format(Locale.ROOT, "%-14s %10s %10s%n", c.originClass(), pct(c.precision()), pct(c.recall())));
        }
        b.append(String.format(Locale.ROOT, "%nmatched sales %,d (truth only %,d, classified only %,d)%n",
                r.matchedSales(), r.truthOnlySales(), r.classifiedOnlySales()));
        b.append(String.format(Locale.ROOT, "accuracy over decided sales: %s by count, %s GMV-weighted%n",
                pct(r.accuracyDecided()), pct(r.gmvWeightedAccuracyDecided())));
        b.append(String.format(Locale.ROOT, "UNKNOWN: %s of sales, %s of GMV%n", pct(r.unknownShareCount()), pct(r.unknownShareGmv())));
        if (r.tierComparedSales() > 0) {
            b.append(String.format(Locale.ROOT, "UMKM tier accuracy: %s over %,d sales%n", pct(r.tierAccuracy()), r.tierComparedSales()));
        }
        return b.toString();
    }

    private static String pct(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    private static String num(Double v) {
        return v == null ? "" : BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static void putNum(ObjectNode n, String k, Double v) {
        if (v == null) n.putNull(k);
        else n.put(k, BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_UP).doubleValue());
    }
}
