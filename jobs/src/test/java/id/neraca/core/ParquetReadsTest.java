package id.neraca.core;

import id.neraca.SparkTestBase;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small output read with the schema from its footer: the schema and rows Spark's inference gives, without the
 * inference's Spark job; partitioned, empty-of-files or foreign folders are left to inference.
 */
class ParquetReadsTest extends SparkTestBase {
    @TempDir
    static java.nio.file.Path tmp;
    static FileSystem fs;

    @BeforeAll
    static void localFs() throws IOException {
        fs = FileSystem.getLocal(spark.sparkContext().hadoopConfiguration());
    }

    /** A table like the projection's: decimals, a timestamp, a nullable long, an array, a struct; two data files. */
    private static String written(String name) {
        String dir = tmp.resolve(name).toString();
        spark.sql("SELECT * FROM VALUES "
                        + "('2030', CAST(4531000000000000.50 AS DECIMAL(24,2)), TIMESTAMP'2026-12-01 10:00:00', 7L, array('A','B'), named_struct('p', 0.25D)), "
                        + "('2029', CAST(1.00 AS DECIMAL(24,2)), NULL, NULL, array(), named_struct('p', NULL)) "
                        + "AS t(period, value_idr, at, n, reasons, s)")
                .repartition(2).write().parquet(dir);
        return dir;
    }

    @Test
    void theSchemaAndRowsOfInferenceWithoutItsJob() {
        String dir = written("table");
        Dataset<Row> inferred = spark.read().parquet(dir);
        Optional<StructType> footer = ParquetReads.sparkSchema(fs, new Path(dir));
        assertTrue(footer.isPresent());
        assertEquals(inferred.schema(), ParquetReads.read(spark, fs, dir).schema(), "the schema a read infers, nullability included");
        assertEquals(inferred.orderBy("period").collectAsList(), ParquetReads.read(spark, fs, dir).orderBy("period").collectAsList());

        long plain = sparkJobs("infer", () -> spark.read().parquet(dir).schema());
        long fromFooter = sparkJobs("footer", () -> ParquetReads.read(spark, fs, dir).schema());
        assertEquals(1, plain, "Spark infers a Parquet folder's schema with a job");
        assertEquals(0, fromFooter, "the footer's schema needs none");
    }

    @Test
    void anEmptyTableKeepsItsSchema() {
        String dir = tmp.resolve("empty").toString();
        spark.sql("SELECT CAST(1 AS BIGINT) AS n, 'x' AS s").limit(0).write().parquet(dir);
        assertEquals(spark.read().parquet(dir).schema(), ParquetReads.read(spark, fs, dir).schema());
        assertEquals(0, ParquetReads.read(spark, fs, dir).count());
    }

    @Test
    void aPartitionedTableIsLeftToInference() {
        String dir = tmp.resolve("partitioned").toString();
        spark.sql("SELECT * FROM VALUES ('2025-01', 1L), ('2025-02', 2L) AS t(period_month, n)")
                .write().partitionBy("period_month").parquet(dir);
        assertEquals(Optional.empty(), ParquetReads.sparkSchema(fs, new Path(dir)));
        Dataset<Row> d = ParquetReads.read(spark, fs, dir);
        assertEquals(List.of("n", "period_month"), List.of(d.columns()), "the partition column is still there");
        assertEquals(2, d.count());
    }

    @Test
    void aFolderWithoutDataFilesOrAMissingOneIsLeftToSpark() throws IOException {
        java.nio.file.Path dir = Files.createDirectories(tmp.resolve("nodata"));
        Files.writeString(dir.resolve("_SUCCESS"), "");
        Files.writeString(dir.resolve("notes.txt"), "not parquet");
        assertEquals(Optional.empty(), ParquetReads.sparkSchema(fs, new Path(dir.toString())));
        assertEquals(Optional.empty(), ParquetReads.sparkSchema(fs, new Path(tmp.resolve("missing").toString())));
    }

    @Test
    void aFooterWithoutSparksSchemaIsLeftToInference() throws IOException {
        // a data file whose footer was written by another tool: same name pattern, no Spark metadata key
        String src = written("foreign-src");
        java.nio.file.Path dir = Files.createDirectories(tmp.resolve("foreign"));
        java.nio.file.Path part;
        try (var s = Files.list(java.nio.file.Path.of(src))) {
            part = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(part);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf(ParquetReads.SPARK_SCHEMA_KEY);
        assertTrue(at > 0, "the key is in the footer");
        // renamed in place (same length): the footer stays valid, the key is gone
        byte[] patched = bytes.clone();
        byte[] key = ParquetReads.SPARK_SCHEMA_KEY.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] renamed = key.clone();
        renamed[0] = 'x';
        System.arraycopy(renamed, 0, patched, at, renamed.length);
        Files.write(dir.resolve(part.getFileName()), patched);
        assertEquals(Optional.empty(), ParquetReads.sparkSchema(fs, new Path(dir.toString())));
    }
}
