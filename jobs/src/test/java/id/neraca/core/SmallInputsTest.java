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

    private static String factoryMode() {
        return spark.conf().get(SmallInputs.CODEGEN_FACTORY);
    }

    /** What a task sees: Spark hands the session's SQL settings to its tasks with each query. */
    private static String factoryModeInATask() {
        return spark.range(1).map((org.apache.spark.api.java.function.MapFunction<Long, String>) x ->
                        org.apache.spark.sql.internal.SQLConf.get().getConfString(SmallInputs.CODEGEN_FACTORY),
                org.apache.spark.sql.Encoders.STRING()).first();
    }

    @Test
    void aVerySmallInputsExpressionsAreInterpretedOnTheDriverAndInTheTasksUntilTheScopeCloses() {
        String before = factoryMode();
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType().add("x", "long");
        try (SmallInputs.Scope scope = SmallInputs.scope(spark, SmallInputs.INTERPRETED_MAX_BYTES, true, true)) {
            assertTrue(scope.small());
            assertTrue(scope.interpreted());
            assertEquals("NO_CODEGEN", factoryMode());
            assertEquals("NO_CODEGEN", factoryModeInATask());
            // what Spark builds outside a whole-stage pipeline is now its interpreted form, not a generated class
            assertTrue(org.apache.spark.sql.catalyst.expressions.UnsafeProjection.create(schema)
                    instanceof org.apache.spark.sql.catalyst.expressions.InterpretedUnsafeProjection);
        }
        assertEquals(before, factoryMode(), "restored");
        assertEquals(before, factoryModeInATask());
        assertFalse(org.apache.spark.sql.catalyst.expressions.UnsafeProjection.create(schema)
                instanceof org.apache.spark.sql.catalyst.expressions.InterpretedUnsafeProjection, "generated again");
    }

    @Test
    void expressionsAreInterpretedOnlyForAStageThatAsksAndOnlyUpToTheLimit() {
        String before = factoryMode();
        String openCost = spark.conf().get(SmallInputs.OPEN_COST);
        try (SmallInputs.Scope scope = SmallInputs.scope(spark, SmallInputs.INTERPRETED_MAX_BYTES + 1, true, true)) {
            assertTrue(scope.small(), "still a small input for the file scans");
            assertFalse(scope.interpreted(), "over the limit");
            assertEquals(before, factoryMode());
        }
        try (SmallInputs.Scope scope = SmallInputs.scope(spark, 1, true)) {
            assertFalse(scope.interpreted(), "not asked (classify)");
            assertEquals(before, factoryMode());
        }
        // ingest: only the interpreted expressions, its dump files' bytes against the same limit
        try (SmallInputs.Scope scope = SmallInputs.interpreted(spark, SmallInputs.INTERPRETED_MAX_BYTES)) {
            assertFalse(scope.small());
            assertTrue(scope.interpreted());
            assertEquals("NO_CODEGEN", factoryMode());
            assertEquals(openCost, spark.conf().get(SmallInputs.OPEN_COST), "its scans untouched");
        }
        try (SmallInputs.Scope scope = SmallInputs.interpreted(spark, SmallInputs.INTERPRETED_MAX_BYTES + 1)) {
            assertFalse(scope.interpreted());
            assertEquals(before, factoryMode());
        }
        assertEquals(before, factoryMode());
    }
}
