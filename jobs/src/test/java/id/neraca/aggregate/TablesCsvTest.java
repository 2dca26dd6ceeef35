package id.neraca.aggregate;

import id.neraca.SparkTestBase;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV copy written on the driver is byte for byte the one Spark's CSV writer makes of the same Parquet file, for
 * every type, nulls, empty and padded text, quotes, backslashes, line breaks and non-ASCII; and it costs no Spark job.
 */
class TablesCsvTest extends SparkTestBase {
    @TempDir
    static java.nio.file.Path tmp;
    static FileSystem fs;

    @BeforeAll
    static void localFs() throws IOException {
        fs = FileSystem.getLocal(spark.sparkContext().hadoopConfiguration());
    }

    private static final String EVERY_TYPE = id.neraca.core.SmallParquetTest.EVERY_TYPE;

    private static byte[] bothWays(String name, Dataset<Row> table) throws IOException {
        String folder = tmp.resolve(name).toString();
        Tables.write(fs, folder, "t", table, new org.apache.spark.sql.Column[]{col(table.columns()[0])}, false);
        Path parquet = new Path(folder, "t");
        Path driver = new Path(folder, "driver.csv");
        Path spark = new Path(folder, "spark.csv");
        assertTrue(Tables.csvOnDriver(fs, parquet, driver, table.sparkSession()), name + ": written on the driver");
        Tables.csvBySpark(fs, folder, "t", table, parquet.toString(), spark);
        byte[] d = Files.readAllBytes(java.nio.file.Path.of(driver.toString()));
        byte[] s = Files.readAllBytes(java.nio.file.Path.of(spark.toString()));
        assertEquals(new String(s, java.nio.charset.StandardCharsets.UTF_8), new String(d, java.nio.charset.StandardCharsets.UTF_8), name);
        assertArrayEquals(s, d, name);
        return d;
    }

    @Test
    void everyTypeAsSparksCsvWriterWritesIt() throws IOException {
        for (String ts : List.of("INT96", "TIMESTAMP_MICROS")) {
            String before = spark.conf().get("spark.sql.parquet.outputTimestampType");
            spark.conf().set("spark.sql.parquet.outputTimestampType", ts);
            try {
                String csv = new String(bothWays("every-" + ts, spark.sql(EVERY_TYPE)), java.nio.charset.StandardCharsets.UTF_8);
                // what the comparison stands on: the hard values are there (a copy of nothing would also be equal)
                assertTrue(csv.startsWith("id,name,gmv,"), csv);
                assertTrue(csv.contains("4531000000000000.50"), csv);
                assertTrue(csv.contains("2026-12-01T10:00:00Z"), csv);
                assertTrue(csv.contains("世界"), csv);
                assertEquals(6, csv.lines().filter(l -> l.matches("^[1-5],.*|^id,.*")).count(), csv);
            } finally {
                spark.conf().set("spark.sql.parquet.outputTimestampType", before);
            }
        }
    }

    @Test
    void anEmptyTableIsItsHeader() throws IOException {
        byte[] csv = bothWays("empty", spark.sql(EVERY_TYPE).limit(0));
        assertEquals("id,name,gmv,small_dec,mid_dec,n,p,f,ok,d,ts,s,b\n", new String(csv, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void manyRowsAcrossRowGroups() throws IOException {
        spark.conf().set("parquet.block.size", "8192");
        try {
            bothWays("many", spark.range(0, 20_000).selectExpr("id", "CAST(id * 1.25 AS DECIMAL(24,2)) AS gmv",
                    "concat('k', id % 97) AS key"));
        } finally {
            spark.conf().unset("parquet.block.size");
        }
    }

    @Test
    void theCopyCostsNoSparkJob() throws IOException {
        Dataset<Row> table = spark.sql(EVERY_TYPE);
        org.apache.spark.sql.Column[] order = {col("id")};
        String without = tmp.resolve("jobs-without").toString();
        String with = tmp.resolve("jobs-with").toString();
        int parquetOnly = sparkJobs("parquet-only", () -> Tables.write(fs, without, "t", table, order, false));
        int withCopy = sparkJobs("with-copy", () -> Tables.write(fs, with, "t", table, order, true));
        assertTrue(parquetOnly >= 1);
        assertEquals(parquetOnly, withCopy, "the CSV copy adds no Spark job");
        java.nio.file.Path dir = java.nio.file.Path.of(with);
        try (var listing = Files.list(dir)) {
            List<String> names = listing.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("t", "t.csv"), names, "no temporary folder and no checksum file left");
        }
        assertFalse(Files.readString(dir.resolve("t.csv")).isEmpty());
    }
}
