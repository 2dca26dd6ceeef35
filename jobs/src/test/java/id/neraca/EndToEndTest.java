package id.neraca;

import id.neraca.classify.ClassificationEvaluation;
import id.neraca.core.Schemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline through its command line on freshly generated data (a seed the bundled samples do not use):
 * generate → ingest → classify → aggregate → project, then the classification held to the generator's ground
 * truth (≥ 95% GMV-weighted accuracy over decided sales) and completed GMV reconciled to the rupiah across
 * stages. The CLI creates and stops its own Spark session, so this class starts one only after the runs.
 */
class EndToEndTest {
    @TempDir
    static Path tmp;
    static Path dumps;
    static Path out;
    static SparkSession spark;

    @BeforeAll
    static void runPipeline() {
        dumps = tmp.resolve("dumps");
        out = tmp.resolve("out");
        String config = SparkTestBase.projectRoot().resolve("data/config/neraca.yaml").toString();
        Path ref = SparkTestBase.projectRoot().resolve("data/reference");
        assertEquals(0, id.neraca.Neraca.execute("generate", "--rows", "12000", "--seed", "97", "--out", dumps.toString(),
                "--regencies", ref.resolve("regencies.csv").toString(), "--fx", ref.resolve("fx_monthly.csv").toString()));
        for (String stage : new String[]{"ingest", "classify", "aggregate", "project"}) {
            int rc = id.neraca.Neraca.execute(stage, "--dumps", dumps.toString(), "--out", out.toString(),
                    "--config", config, "--demo-key", "--quiet", "--master", "local[2]");
            assertEquals(0, rc, stage + " exit code");
        }
        spark = SparkSession.builder().master("local[2]").appName("neraca-e2e")
                .config("spark.sql.shuffle.partitions", "2").config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    private static Dataset<Row> truth() {
        return spark.read().option("header", "true").csv(dumps.resolve("_truth/ground_truth.csv").toString());
    }

    @Test
    void classificationIsAtLeast95PercentRightByGmvWhereTheEvidenceDecides() {
        Dataset<Row> classified = spark.read().schema(Schemas.classified()).parquet(out.resolve("classified").toString());
        ClassificationEvaluation.Result r = ClassificationEvaluation.evaluate(classified, truth());
        System.out.printf("e2e: decided %d sales, accuracy %.4f by count, %.4f GMV-weighted; UNKNOWN %.2f%% of sales, %.2f%% of GMV%n",
                r.decidedSales(), r.accuracyDecided(), r.gmvWeightedAccuracyDecided(),
                100 * r.unknownShareCount(), 100 * r.unknownShareGmv());
        assertTrue(r.decidedSales() > 5000, "most sales are decided: " + r.decidedSales());
        assertTrue(r.gmvWeightedAccuracyDecided() >= 0.95, "GMV-weighted accuracy " + r.gmvWeightedAccuracyDecided());
        assertEquals(0, r.classifiedOnlySales(), "every classified sale is in the generator's truth");
    }

    @Test
    void completedGmvReconcilesToTheRupiahFromTruthToSalesToAggregates() {
        BigDecimal truthGmv = truth()
                .where(col("status").equalTo("COMPLETED").and(col("expected_quarantine").equalTo("false")))
                .agg(sum(col("gmv_idr").cast("decimal(24,2)"))).first().getDecimal(0);
        BigDecimal salesGmv = spark.read().parquet(out.resolve("sales").toString())
                .where(col("status").equalTo("COMPLETED"))
                .agg(sum(col("gmv_idr"))).first().getDecimal(0);
        BigDecimal classifiedGmv = spark.read().parquet(out.resolve("classified").toString())
                .where(col("status").equalTo("COMPLETED"))
                .agg(sum(col("gmv_idr"))).first().getDecimal(0);
        BigDecimal headlineGmv = spark.read().parquet(out.resolve("aggregates/monthly_headline").toString())
                .agg(sum(col("total_gmv_idr"))).first().getDecimal(0);
        BigDecimal classesGmv = spark.read().parquet(out.resolve("aggregates/monthly_headline").toString())
                .agg(sum(col("local_umkm_gmv_idr").plus(col("local_large_gmv_idr")).plus(col("imported_gmv_idr"))
                        .plus(col("cross_border_gmv_idr")).plus(col("unknown_gmv_idr")))).first().getDecimal(0);
        assertEquals(0, truthGmv.compareTo(salesGmv), "truth " + truthGmv + " vs sales " + salesGmv);
        assertEquals(0, salesGmv.compareTo(classifiedGmv), "sales " + salesGmv + " vs classified " + classifiedGmv);
        assertEquals(0, classifiedGmv.compareTo(headlineGmv), "classified " + classifiedGmv + " vs headline " + headlineGmv);
        assertEquals(0, headlineGmv.compareTo(classesGmv), "classes add up to the total");
    }

    @Test
    void theProjectionAnswersBothTargets() throws Exception {
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("projection/summary.json").toFile());
        assertEquals(2, summary.path("targets").size(), summary.toString());
        for (var t : summary.path("targets")) {
            assertTrue(t.path("lo95_idr").asLong() <= t.path("projected_idr").asLong(), t.toString());
            assertTrue(t.path("projected_idr").asLong() <= t.path("hi95_idr").asLong(), t.toString());
            assertTrue(t.path("probability").asDouble() >= 0 && t.path("probability").asDouble() <= 1, t.toString());
            assertTrue(t.has("crossing_label") && t.has("required_cagr_pct"), t.toString());
        }
    }
}
