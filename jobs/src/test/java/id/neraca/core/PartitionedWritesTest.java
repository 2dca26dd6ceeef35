package id.neraca.core;

import id.neraca.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PartitionedWritesTest extends SparkTestBase {
    @Test
    void openWritersWriteTheSameRowsAsTheSortingWriterAndRestoreTheSetting(@TempDir Path dir) {
        // 3,000 rows over 30 folders in 2 tasks: more folders per task than the 4 writers allowed, so Spark's fallback
        // (sorting the rest) runs too
        Dataset<Row> rows = spark.range(3000).select(col("id"), concat(lit("m"), col("id").mod(30).cast("string")).as("month"))
                .repartition(2);
        String sorted = dir.resolve("sorted").toString();
        String open = dir.resolve("open").toString();
        rows.write().partitionBy("month").parquet(sorted);
        spark.conf().set("spark.sql.maxConcurrentOutputFileWriters", "0");
        PartitionedWrites.withOpenWriters(spark, 4, () -> rows.write().partitionBy("month").parquet(open));
        assertEquals("0", spark.conf().get("spark.sql.maxConcurrentOutputFileWriters"), "the session's setting is back");
        List<Row> a = spark.read().parquet(sorted).orderBy("id").collectAsList();
        List<Row> b = spark.read().parquet(open).orderBy("id").collectAsList();
        assertEquals(3000, b.size());
        assertEquals(a, b);
    }
}
