package id.neraca.core;

import id.neraca.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small input's scan packs its files into one task per core; the session's setting comes back afterwards. */
class SmallInputsTest extends SparkTestBase {
    @TempDir
    Path tmp;

    @Test
    void aSmallInputsFilesArePackedIntoOneTaskPerCoreAndTheSettingIsRestored() {
        // 144 partition folders of a few hundred bytes each, like the marketplace × month folders of a small out/sales
        String path = tmp.resolve("sales").toString();
        spark.range(0, 14400).withColumn("month", concat(lit("m"), col("id").mod(144)))
                .repartition(col("month")).write().mode(SaveMode.Overwrite).partitionBy("month").parquet(path);
        String before = spark.conf().get(SmallInputs.OPEN_COST);
        String adaptive = spark.conf().get(SmallInputs.ADAPTIVE);
        int unpacked = spark.read().parquet(path).rdd().getNumPartitions();
        int packed;
        try (SmallInputs.Scope scope = SmallInputs.scope(spark, 1_000_000, true)) {
            assertTrue(scope.small());
            assertEquals("false", spark.conf().get(SmallInputs.ADAPTIVE), "no adaptive execution for a small stage");
            Dataset<Row> read = spark.read().parquet(path);
            packed = read.rdd().getNumPartitions();
            assertEquals(14400, read.count(), "every row still read");
        }
        assertTrue(unpacked > 2, "Spark's 4 MB open cost spreads 144 small files over " + unpacked + " tasks");
        assertEquals(spark.sparkContext().defaultParallelism(), packed, "one task per core");
        assertEquals(before, spark.conf().get(SmallInputs.OPEN_COST), "restored");
        assertEquals(adaptive, spark.conf().get(SmallInputs.ADAPTIVE), "restored");
    }

    @Test
    void aLargeInputKeepsSparksSetting() {
        String before = spark.conf().get(SmallInputs.OPEN_COST);
        String adaptive = spark.conf().get(SmallInputs.ADAPTIVE);
        try (SmallInputs.Scope scope = SmallInputs.scope(spark, SmallInputs.MAX_BYTES + 1, true)) {
            assertFalse(scope.small());
            assertEquals(before, spark.conf().get(SmallInputs.OPEN_COST));
            assertEquals(adaptive, spark.conf().get(SmallInputs.ADAPTIVE));
        }
        assertEquals(before, spark.conf().get(SmallInputs.OPEN_COST));
    }
}
