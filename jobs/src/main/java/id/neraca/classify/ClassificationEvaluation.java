package id.neraca.classify;

import id.neraca.core.Schemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

/**
 * Compares classifications with a ground truth ({@code sale_id, true_origin_class[, true_umkm_tier]}, as the
 * generator writes it): confusion matrix, precision and recall per class, accuracy over decided sales by count
 * and GMV-weighted, and the share that came out UNKNOWN by count and by GMV.
 *
 * <p>Definitions. A sale is <i>decided</i> when its predicted class is not UNKNOWN. GMV weights are the sale's
 * {@code gmv_idr} when its status is COMPLETED, zero otherwise (GMV counts completed sales only). Precision of
 * class c = correct c / predicted c; recall = correct c / true c (a true-c sale predicted UNKNOWN lowers recall,
 * never precision). UNKNOWN predictions are abstentions: no precision or recall for UNKNOWN unless the truth itself
 * has UNKNOWN sales. Sales only in one of the two inputs are counted, not scored. Only a small table (true ×
 * predicted class) is brought to the driver.
 */
public final class ClassificationEvaluation {
    private ClassificationEvaluation() {}

    /** One cell of the confusion matrix. */
    public record Cell(String trueClass, String predictedClass, long sales, BigDecimal gmvIdr,
                       long tierCompared, long tierMatched) {}

    /** Precision and recall of one class; null where the denominator is zero. */
    public record ClassMetrics(String originClass, long truePositives, long predicted, long actual,
                               Double precision, Double recall, BigDecimal predictedGmvIdr, BigDecimal actualGmvIdr) {}

    /** Everything the evaluation reports. Shares and accuracies are fractions 0..1 (null when undefined). */
    public record Result(List<Cell> confusion, List<ClassMetrics> perClass,
                         long matchedSales, long truthOnlySales, long classifiedOnlySales,
                         long decidedSales, Double accuracyDecided, Double gmvWeightedAccuracyDecided,
                         BigDecimal totalGmvIdr, BigDecimal decidedGmvIdr,
                         double unknownShareCount, Double unknownShareGmv,
                         long tierComparedSales, Double tierAccuracy) {}

    /**
     * @param classified rows with sale_id, origin_class, gmv_idr, status, umkm_tier (out/classified)
     * @param truth      rows with sale_id, true_origin_class and optionally true_umkm_tier (strings)
     */
    public static Result evaluate(Dataset<Row> classified, Dataset<Row> truth) {
        boolean hasTier = List.of(truth.columns()).contains("true_umkm_tier");
        Dataset<Row> t = truth.select(col("sale_id").as("_t_sale_id"),
                upper(trim(col("true_origin_class"))).as("true_origin_class"),
                hasTier ? upper(trim(col("true_umkm_tier"))).as("true_umkm_tier") : lit(null).cast("string").as("true_umkm_tier"));
        Dataset<Row> c = classified.select(col("sale_id"), col("origin_class"), col("umkm_tier"),
                when(col("status").equalTo("COMPLETED"), col("gmv_idr")).otherwise(lit(BigDecimal.ZERO)).cast(Schemas.GMV).as("w_gmv"));
        Dataset<Row> joined = c.join(t, col("sale_id").equalTo(col("_t_sale_id")), "full_outer");
        Column inC = col("sale_id").isNotNull();
        Column inT = col("_t_sale_id").isNotNull();
        Column tierCompared = inC.and(inT).and(col("true_umkm_tier").isNotNull()).and(col("true_umkm_tier").notEqual(""));
        List<Row> rows = joined.groupBy(
                        when(inT, col("true_origin_class")).as("tc"),
                        when(inC, col("origin_class")).as("pc"))
                .agg(count(lit(1)),
                        coalesce(sum(col("w_gmv")), lit(BigDecimal.ZERO)).cast("decimal(30,2)"),
                        sum(when(tierCompared, 1L).otherwise(0L)),
                        sum(when(tierCompared.and(col("true_umkm_tier").equalTo(col("umkm_tier"))), 1L).otherwise(0L)))
                .collectAsList();
        List<Cell> cells = new ArrayList<>();
        long truthOnly = 0;
        long classifiedOnly = 0;
        for (Row r : rows) {
            if (r.isNullAt(1)) {
                truthOnly += r.getLong(2);
            } else if (r.isNullAt(0)) {
                classifiedOnly += r.getLong(2);
            } else {
                cells.add(new Cell(r.getString(0), r.getString(1), r.getLong(2), r.getDecimal(3), r.getLong(4), r.getLong(5)));
            }
        }
        return fromConfusion(cells, truthOnly, classifiedOnly);
    }

    /** The metrics of a confusion matrix: pure, so a hand-computed matrix can be checked directly. */
    public static Result fromConfusion(List<Cell> cells, long truthOnly, long classifiedOnly) {
        List<Cell> sorted = new ArrayList<>(cells);
        sorted.sort(java.util.Comparator.<Cell>comparingInt(c -> order(c.trueClass())).thenComparing(Cell::trueClass)
                .thenComparingInt(c -> order(c.predictedClass())).thenComparing(Cell::predictedClass));
        Set<String> classes = new LinkedHashSet<>(Schemas.ORIGIN_CLASSES);
        for (Cell c : sorted) {
            classes.add(c.trueClass());
            classes.add(c.predictedClass());
        }
        long matched = 0, decided = 0, decidedCorrect = 0, tierCompared = 0, tierMatched = 0, unknown = 0;
        BigDecimal total = BigDecimal.ZERO, decidedGmv = BigDecimal.ZERO, correctGmv = BigDecimal.ZERO, unknownGmv = BigDecimal.ZERO;
        for (Cell c : sorted) {
            matched += c.sales();
            total = total.add(c.gmvIdr());
            tierCompared += c.tierCompared();
            tierMatched += c.tierMatched();
            if ("UNKNOWN".equals(c.predictedClass())) {
                unknown += c.sales();
                unknownGmv = unknownGmv.add(c.gmvIdr());
            } else {
                decided += c.sales();
                decidedGmv = decidedGmv.add(c.gmvIdr());
                if (c.predictedClass().equals(c.trueClass())) {
                    decidedCorrect += c.sales();
                    correctGmv = correctGmv.add(c.gmvIdr());
                }
            }
        }
        List<ClassMetrics> per = new ArrayList<>();
        for (String k : classes) {
            long tp = 0, predicted = 0, actual = 0;
            BigDecimal pg = BigDecimal.ZERO, ag = BigDecimal.ZERO;
            for (Cell c : sorted) {
                if (c.predictedClass().equals(k)) {
                    predicted += c.sales();
                    pg = pg.add(c.gmvIdr());
                }
                if (c.trueClass().equals(k)) {
                    actual += c.sales();
                    ag = ag.add(c.gmvIdr());
                }
                if (c.predictedClass().equals(k) && c.trueClass().equals(k)) tp += c.sales();
            }
            // UNKNOWN is an abstention, not a class to score: its share is reported instead
            boolean abstain = "UNKNOWN".equals(k) && actual == 0;
            per.add(new ClassMetrics(k, tp, predicted, actual, abstain ? null : ratio(tp, predicted),
                    abstain ? null : ratio(tp, actual), pg, ag));
        }
        return new Result(sorted, per, matched, truthOnly, classifiedOnly, decided, ratio(decidedCorrect, decided),
                ratio(correctGmv, decidedGmv), total, decidedGmv,
                matched == 0 ? 0.0 : (double) unknown / matched, ratio(unknownGmv, total),
                tierCompared, ratio(tierMatched, tierCompared));
    }

    private static int order(String cls) {
        int i = Schemas.ORIGIN_CLASSES.indexOf(cls);
        return i < 0 ? Schemas.ORIGIN_CLASSES.size() : i;
    }

    private static Double ratio(long a, long b) {
        return b == 0 ? null : (double) a / b;
    }

    private static Double ratio(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? null : a.divide(b, MathContext.DECIMAL64).doubleValue();
    }
}
