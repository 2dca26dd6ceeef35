package id.neraca.classify;

import id.neraca.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audit sample: at most N per class, seeded, and the same sales a full sort by draw would pick. */
class AuditSampleTest extends SparkTestBase {
    @Test
    void thinnedSampleEqualsTheFullSortAndIsCappedPerClass() {
        List<SalesFixtures.Sale> fixtures = new ArrayList<>();
        for (int i = 0; i < 3000; i++) fixtures.add(SalesFixtures.sale(String.format("m:%05d", i)).title("item " + i));
        Dataset<Row> base = SalesFixtures.sales(spark, fixtures.toArray(new SalesFixtures.Sale[0]));
        Dataset<Row> classified = base
                .withColumn("origin_class", when(col("sale_id").endsWith("7"), lit("IMPORTED")).otherwise(lit("UNKNOWN")))
                .withColumn("origin_reasons", array(lit("NO_EVIDENCE")))
                .withColumn("origin_confidence", lit(0.0))
                .withColumn("umkm_tier", lit("UNKNOWN"))
                .withColumn("umkm_tier_source", lit("NONE"))
                .withColumn("seller_annual_sales_idr", lit(null).cast("decimal(20,2)"))
                .withColumn("permendag31_flag", lit(false))
                .cache();
        Map<String, Long> counts = Map.of("IMPORTED", 300L, "UNKNOWN", 2700L);
        List<Row> sample = ClassifyOutputs.auditSample(classified, 25, 7L, counts).collectAsList();
        assertEquals(50, sample.size());

        // reference: every sale's draw, sorted on the driver (fine for a 3000-row fixture)
        List<Row> all = classified.select(col("origin_class"), col("sale_id"),
                pmod(xxhash64(col("sale_id"), lit(7L)), lit(1_000_000L)).as("d")).collectAsList();
        for (String cls : List.of("IMPORTED", "UNKNOWN")) {
            List<String> expected = all.stream().filter(r -> r.getString(0).equals(cls))
                    .sorted(Comparator.<Row>comparingLong(r -> r.getLong(2)).thenComparing(r -> r.getString(1)))
                    .limit(25).map(r -> r.getString(1)).toList();
            List<String> actual = sample.stream().filter(r -> r.getAs("origin_class").equals(cls))
                    .map(r -> (String) r.getAs("sale_id")).toList();
            assertEquals(expected, actual, cls);
        }
        List<Row> again = ClassifyOutputs.auditSample(classified, 25, 7L, counts).collectAsList();
        assertEquals(sample, again, "same seed, same sample");
    }
}
