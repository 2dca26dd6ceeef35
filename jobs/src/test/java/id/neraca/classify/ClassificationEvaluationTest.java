package id.neraca.classify;

import id.neraca.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static id.neraca.classify.SalesFixtures.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The evaluation metrics against a hand-computed confusion matrix.
 *
 * <pre>
 * sale  truth        predicted    status     gmv
 * a     LOCAL_UMKM   LOCAL_UMKM   COMPLETED  100
 * b     LOCAL_UMKM   LOCAL_UMKM   COMPLETED  100
 * c     LOCAL_UMKM   IMPORTED     COMPLETED  200
 * d     IMPORTED     IMPORTED     COMPLETED  300
 * e     IMPORTED     UNKNOWN      COMPLETED  400
 * f     CROSS_BORDER CROSS_BORDER CANCELLED  500  (weight 0: not completed)
 * g     CROSS_BORDER CROSS_BORDER COMPLETED   50
 * h     (not in truth) LOCAL_UMKM COMPLETED   10
 * i     LOCAL_LARGE  (not classified)
 * </pre>
 * Matched 7. Decided (not UNKNOWN) 6, correct 5: accuracy 5/6. GMV: decided = 100+100+200+300+0+50 = 750,
 * correct = 100+100+300+0+50 = 550: GMV-weighted accuracy 550/750. UNKNOWN: 1/7 of sales, 400/1150 of GMV.
 * LOCAL_UMKM precision 2/2, recall 2/3; IMPORTED precision 1/2, recall 1/2; CROSS_BORDER 2/2 and 2/2.
 * Tier: compared on a..g (truth has a tier), matched where equal: a, b, d = 3 of 7.
 */
class ClassificationEvaluationTest extends SparkTestBase {

    private static SalesFixtures.Sale c(String id, String cls, String tier, String status, String gmv) {
        return sale(id).price(gmv).status(status).declaredTier(tier).title(cls);
    }

    @Test
    void metricsMatchAHandComputedConfusionMatrix() {
        // classified rows: SALES columns plus origin_class (taken from the title field of the fixture) and umkm_tier
        Dataset<Row> base = SalesFixtures.sales(spark,
                c("a", "LOCAL_UMKM", "MICRO", "COMPLETED", "100"),
                c("b", "LOCAL_UMKM", "MICRO", "COMPLETED", "100"),
                c("c", "IMPORTED", "MICRO", "COMPLETED", "200"),
                c("d", "IMPORTED", "SMALL", "COMPLETED", "300"),
                c("e", "UNKNOWN", "SMALL", "COMPLETED", "400"),
                c("f", "CROSS_BORDER", "UNKNOWN", "CANCELLED", "500"),
                c("g", "CROSS_BORDER", "UNKNOWN", "COMPLETED", "50"),
                c("h", "LOCAL_UMKM", "MICRO", "COMPLETED", "10"));
        Dataset<Row> classified = base.withColumn("origin_class", base.col("product_title"))
                .withColumn("umkm_tier", base.col("declared_umkm_tier"));
        StructType truthSchema = new StructType()
                .add("sale_id", DataTypes.StringType).add("true_origin_class", DataTypes.StringType)
                .add("true_umkm_tier", DataTypes.StringType).add("seller_key_source", DataTypes.StringType);
        List<Row> t = new ArrayList<>();
        t.add(RowFactory.create("a", "LOCAL_UMKM", "MICRO", "x"));
        t.add(RowFactory.create("b", "LOCAL_UMKM", "MICRO", "x"));
        t.add(RowFactory.create("c", "LOCAL_UMKM", "SMALL", "x"));
        t.add(RowFactory.create("d", "IMPORTED", "SMALL", "x"));
        t.add(RowFactory.create("e", "IMPORTED", "MEDIUM", "x"));
        t.add(RowFactory.create("f", "CROSS_BORDER", "MICRO", "x"));
        t.add(RowFactory.create("g", "CROSS_BORDER", "MICRO", "x"));
        t.add(RowFactory.create("i", "LOCAL_LARGE", "LARGE", "x"));
        Dataset<Row> truth = spark.createDataFrame(t, truthSchema);

        ClassificationEvaluation.Result r = ClassificationEvaluation.evaluate(classified, truth);

        assertEquals(7, r.matchedSales());
        assertEquals(1, r.truthOnlySales());
        assertEquals(1, r.classifiedOnlySales());
        assertEquals(6, r.decidedSales());
        assertEquals(5.0 / 6, r.accuracyDecided(), 1e-12);
        assertEquals(550.0 / 750, r.gmvWeightedAccuracyDecided(), 1e-12);
        assertEquals(new BigDecimal("750.00"), r.decidedGmvIdr());
        assertEquals(new BigDecimal("1150.00"), r.totalGmvIdr());
        assertEquals(1.0 / 7, r.unknownShareCount(), 1e-12);
        assertEquals(400.0 / 1150, r.unknownShareGmv(), 1e-12);
        assertEquals(7, r.tierComparedSales());
        assertEquals(3.0 / 7, r.tierAccuracy(), 1e-12);

        assertMetrics(r, "LOCAL_UMKM", 2, 2, 3, 1.0, 2.0 / 3);
        assertMetrics(r, "IMPORTED", 1, 2, 2, 0.5, 0.5);
        assertMetrics(r, "CROSS_BORDER", 2, 2, 2, 1.0, 1.0);
        ClassificationEvaluation.ClassMetrics large = metrics(r, "LOCAL_LARGE");
        assertNull(large.precision(), "nothing predicted LOCAL_LARGE among matched sales");
        assertNull(large.recall(), "the only LOCAL_LARGE truth row was not classified");
        ClassificationEvaluation.ClassMetrics unknown = metrics(r, "UNKNOWN");
        assertEquals(1, unknown.predicted());
        assertNull(unknown.precision(), "UNKNOWN is an abstention, not scored");

        List<String> cells = r.confusion().stream().map(x -> x.trueClass() + ">" + x.predictedClass() + "=" + x.sales()).toList();
        assertEquals(List.of("LOCAL_UMKM>LOCAL_UMKM=2", "LOCAL_UMKM>IMPORTED=1", "IMPORTED>IMPORTED=1", "IMPORTED>UNKNOWN=1",
                "CROSS_BORDER>CROSS_BORDER=2"), cells);
        String printed = EvaluateClassification.render(r);
        org.junit.jupiter.api.Assertions.assertTrue(printed.contains("83.33% by count, 73.33% GMV-weighted"), printed);

        // evaluate --log-json: what it prints on stdout is JSON lines too (it printed the text table)
        id.neraca.core.Log.configure(false, true);
        try {
            String json = EvaluateClassification.printed(r, EvaluateClassification.summary(r, "truth.csv"));
            for (String line : json.split("\n")) {
                var n = org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                        () -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(line), "not JSON: " + line);
                org.junit.jupiter.api.Assertions.assertTrue(n.has("ts") && n.has("level") && n.has("msg"), line);
                assertEquals(7, n.path("matched_sales").asLong(), line);
            }
        } finally {
            id.neraca.core.Log.configure(false, false);
        }
        assertEquals(printed, EvaluateClassification.printed(r, EvaluateClassification.summary(r, "truth.csv")));
    }

    private static Dataset<Row> truth(String[]... rows) {
        StructType schema = new StructType().add("sale_id", DataTypes.StringType)
                .add("true_origin_class", DataTypes.StringType).add("true_umkm_tier", DataTypes.StringType);
        List<Row> t = new ArrayList<>();
        for (String[] r : rows) t.add(RowFactory.create((Object[]) r));
        return spark.createDataFrame(t, schema);
    }

    private static String rejected(Dataset<Row> truth) {
        id.neraca.core.NeracaException e = org.junit.jupiter.api.Assertions.assertThrows(id.neraca.core.NeracaException.class,
                () -> EvaluateClassification.checkTruth(truth, "t.csv"));
        assertEquals(id.neraca.core.NeracaException.EXIT_DATA, e.exitCode(), e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("t.csv: "), e.getMessage());
        return e.getMessage();
    }

    /**
     * A truth row the evaluation cannot score stops it (exit 3) instead of bending the metrics: a typo'd class was a class
     * of its own (IMPORTED's precision and the accuracy fell), a blank class made its matched sale "classified only", a
     * duplicated sale id counted its sale twice, a typo'd tier counted as a wrong tier.
     */
    @Test
    void aTruthFileTheEvaluationCannotScoreIsRejectedNamingTheRow() {
        EvaluateClassification.checkTruth(truth(new String[]{"a", "LOCAL_UMKM", "MICRO"}, new String[]{"b", " imported ", ""},
                new String[]{"c", "UNKNOWN", null}, new String[]{"d", "CROSS_BORDER", "UNKNOWN"}), "t.csv"); // all fine

        String typo = rejected(truth(new String[]{"a", "LOCAL_UMKM", "MICRO"}, new String[]{"b", "IMPORTD", "SMALL"}));
        org.junit.jupiter.api.Assertions.assertTrue(typo.contains("1 row(s) have a true_origin_class that is no origin class, "
                + "e.g. 'IMPORTD' (sale id b); expected one of LOCAL_UMKM, LOCAL_LARGE, IMPORTED, CROSS_BORDER, UNKNOWN"), typo);
        String blank = rejected(truth(new String[]{"a", "LOCAL_UMKM", "MICRO"}, new String[]{"b", null, "SMALL"}));
        org.junit.jupiter.api.Assertions.assertTrue(blank.contains("e.g. '' (sale id b)"), blank);
        String tier = rejected(truth(new String[]{"a", "LOCAL_UMKM", "MIKRO"}));
        org.junit.jupiter.api.Assertions.assertTrue(tier.contains("true_umkm_tier that is no tier, e.g. 'MIKRO' (sale id a)"), tier);
        String dup = rejected(truth(new String[]{"a", "LOCAL_UMKM", "MICRO"}, new String[]{"b", "IMPORTED", "SMALL"},
                new String[]{"a", "LOCAL_UMKM", "MICRO"}));
        org.junit.jupiter.api.Assertions.assertTrue(dup.contains("1 sale id(s) appear on more than one row, e.g. ['a' (2 rows)]"), dup);
        String noId = rejected(truth(new String[]{" ", "LOCAL_UMKM", "MICRO"}));
        org.junit.jupiter.api.Assertions.assertTrue(noId.contains("1 row(s) have no sale_id"), noId);
    }

    @Test
    void anEmptyMatrixHasUndefinedRatiosNotZeroes() {
        ClassificationEvaluation.Result r = ClassificationEvaluation.fromConfusion(List.of(), 3, 0);
        assertNull(r.accuracyDecided());
        assertNull(r.gmvWeightedAccuracyDecided());
        assertEquals(3, r.truthOnlySales());
    }

    private static ClassificationEvaluation.ClassMetrics metrics(ClassificationEvaluation.Result r, String cls) {
        return r.perClass().stream().filter(m -> m.originClass().equals(cls)).findFirst().orElseThrow();
    }

    private static void assertMetrics(ClassificationEvaluation.Result r, String cls, long tp, long predicted, long actual,
                                      double precision, double recall) {
        ClassificationEvaluation.ClassMetrics m = metrics(r, cls);
        assertEquals(tp, m.truePositives(), cls);
        assertEquals(predicted, m.predicted(), cls);
        assertEquals(actual, m.actual(), cls);
        assertEquals(precision, m.precision(), 1e-12, cls);
        assertEquals(recall, m.recall(), 1e-12, cls);
    }
}
