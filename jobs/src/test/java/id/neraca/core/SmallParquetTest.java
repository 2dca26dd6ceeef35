package id.neraca.core;

import id.neraca.SparkTestBase;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small table read on the driver gives the schema and the rows, value for value and type for type, that Spark's own
 * reading of it gives; what it cannot read (a nested column, a partitioned folder, a file without Spark's schema, a
 * folder over the size limit) it leaves to Spark.
 */
public class SmallParquetTest extends SparkTestBase {
    @TempDir
    static java.nio.file.Path tmp;
    static FileSystem fs;

    @BeforeAll
    static void localFs() throws IOException {
        fs = FileSystem.getLocal(spark.sparkContext().hadoopConfiguration());
    }

    /** Every type the driver reads, with nulls, extremes and text a CSV writer must quote. */
    public static final String EVERY_TYPE = "SELECT * FROM VALUES "
            + "(1, 'Kota Bandung', CAST(4531000000000000.50 AS DECIMAL(24,2)), CAST(12.5 AS DECIMAL(9,1)), CAST(123456789012.345 AS DECIMAL(18,3)),"
            + " 7L, 0.25D, CAST(1.5 AS FLOAT), true, DATE'2026-12-01', TIMESTAMP'2026-12-01 10:00:00.123456', CAST(3 AS SHORT), CAST(-4 AS TINYINT)), "
            + "(2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), "
            + "(3, '', CAST(-0.01 AS DECIMAL(24,2)), CAST(0 AS DECIMAL(9,1)), CAST(-999999999999999.999 AS DECIMAL(18,3)),"
            + " -9223372036854775808L, 1.0E-5D, CAST(-0.0 AS FLOAT), false, DATE'1970-01-01', TIMESTAMP'1969-12-31 23:59:59.5', CAST(-32768 AS SHORT), CAST(127 AS TINYINT)), "
            + "(4, 'a, \"quoted\" \\\\ back\\nslash, ü 世界 \uD83D\uDE00', CAST(9999999999999999999999.99 AS DECIMAL(24,2)), CAST(-12345678.9 AS DECIMAL(9,1)), CAST(0.001 AS DECIMAL(18,3)),"
            + " 9223372036854775807L, 1.0E10D, CAST('NaN' AS FLOAT), NULL, DATE'2099-02-28', TIMESTAMP'2030-06-30 23:59:59', NULL, NULL), "
            + "(5, '  padded  ', CAST(0 AS DECIMAL(24,2)), NULL, NULL, 0L, CAST('Infinity' AS DOUBLE), NULL, NULL, NULL, NULL, NULL, NULL) "
            + "AS t(id, name, gmv, small_dec, mid_dec, n, p, f, ok, d, ts, s, b)";

    static String written(String name, String timestampType) {
        String dir = tmp.resolve(name).toString();
        String before = spark.conf().get("spark.sql.parquet.outputTimestampType");
        spark.conf().set("spark.sql.parquet.outputTimestampType", timestampType);
        try {
            spark.sql(EVERY_TYPE).repartition(1).sortWithinPartitions("id").write().parquet(dir);
        } finally {
            spark.conf().set("spark.sql.parquet.outputTimestampType", before);
        }
        return dir;
    }

    @Test
    void everyTypeAsSparkReadsIt() {
        for (String ts : List.of("INT96", "TIMESTAMP_MICROS", "TIMESTAMP_MILLIS")) {
            String dir = written("every-" + ts, ts);
            Optional<SmallParquet.Table> t = SmallParquet.read(fs, new Path(dir));
            assertTrue(t.isPresent(), ts + ": read on the driver");
            List<Row> bySpark = spark.read().parquet(dir).orderBy("id").collectAsList();
            assertEquals(spark.read().parquet(dir).schema(), t.get().schema(), ts);
            assertEquals(bySpark.size(), t.get().rows().size(), ts);
            for (int i = 0; i < bySpark.size(); i++) {
                Row want = bySpark.get(i);
                Row got = t.get().rows().get(i);
                for (int c = 0; c < want.size(); c++) {
                    Object w = want.get(c);
                    Object g = got.get(c);
                    String where = ts + " row " + i + " column " + want.schema().fields()[c].name();
                    assertEquals(w == null ? null : w.getClass(), g == null ? null : g.getClass(), where);
                    if (ts.equals("TIMESTAMP_MILLIS") && w instanceof java.sql.Timestamp wt) {
                        assertEquals(wt.toInstant(), ((java.sql.Timestamp) g).toInstant(), where); // millis as written
                    } else {
                        assertEquals(w, g, where);
                    }
                }
                // a collected Row answers by name too (the report reads columns by name)
                assertEquals(want.<Object>getAs("gmv"), got.<Object>getAs("gmv"));
            }
        }
    }

    @Test
    void rowsInFileNameOrderAcrossFilesAndRowGroups() throws IOException {
        String dir = tmp.resolve("two-files").toString();
        spark.range(0, 2000).selectExpr("id", "CAST(id AS STRING) AS s").repartition(2).sortWithinPartitions("id")
                .write().option("parquet.block.size", "4096").parquet(dir);
        List<Long> ids = new ArrayList<>();
        SmallParquet.read(fs, new Path(dir)).orElseThrow().rows().forEach(r -> ids.add(r.getLong(0)));
        List<Long> expected = new ArrayList<>();
        try (var files = Files.list(java.nio.file.Path.of(dir))) {
            for (var f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
                spark.read().parquet(f.toString()).collectAsList().forEach(r -> expected.add(r.getLong(0)));
            }
        }
        assertEquals(2000, ids.size());
        assertEquals(expected, ids);
    }

    @Test
    void whatItCannotReadIsLeftToSpark() throws IOException {
        String nested = tmp.resolve("nested").toString();
        spark.sql("SELECT 1 AS id, array('A') AS reasons").write().parquet(nested);
        assertTrue(SmallParquet.read(fs, new Path(nested)).isEmpty(), "an array column");

        String struct = tmp.resolve("struct").toString();
        spark.sql("SELECT 1 AS id, named_struct('p', 0.5D) AS s").write().parquet(struct);
        assertTrue(SmallParquet.read(fs, new Path(struct)).isEmpty(), "a struct column");

        String partitioned = tmp.resolve("partitioned").toString();
        spark.sql("SELECT 1 AS id, '2026-01' AS period_month").write().partitionBy("period_month").parquet(partitioned);
        assertTrue(SmallParquet.read(fs, new Path(partitioned)).isEmpty(), "a partitioned folder");

        String big = written("big", "INT96");
        assertTrue(SmallParquet.read(fs, new Path(big), 100).isEmpty(), "over the size limit");
        assertTrue(SmallParquet.read(fs, new Path(big)).isPresent());

        java.nio.file.Path empty = Files.createDirectories(tmp.resolve("no-files"));
        assertTrue(SmallParquet.read(fs, new Path(empty.toString())).isEmpty(), "no data file");
        assertTrue(SmallParquet.read(fs, new Path(tmp.resolve("missing").toString())).isEmpty(), "no folder");
    }
}
