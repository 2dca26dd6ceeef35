package id.neraca.core;

import id.neraca.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small result sorted in one partition gives the rows orderBy gives, in its order (nulls first), without its jobs. */
class SmallResultsTest extends SparkTestBase {

    private static Dataset<Row> grouped() {
        // a statistics table: an aggregation over several partitions, with a null key and ties on the first column
        return spark.range(0, 5000, 1, 6)
                .withColumn("a", when(col("id").mod(7).equalTo(0), lit(null)).otherwise(col("id").mod(5).cast("string")))
                .withColumn("b", col("id").mod(3))
                .groupBy("a", "b").agg(count(lit(1)).as("n"));
    }

    @Test
    void theSameRowsInTheSameOrderAsOrderBy() {
        List<Row> expected = grouped().orderBy("a", "b").collectAsList();
        Dataset<Row> sorted = SmallResults.sorted(grouped(), "a", "b");
        assertEquals(expected, sorted.collectAsList());
        assertEquals(1, sorted.rdd().getNumPartitions(), "one partition, sorted in place");
        assertTrue(expected.get(0).isNullAt(0), "nulls first, as orderBy");
        assertEquals(grouped().orderBy(col("b").desc(), col("a")).collectAsList(),
                SmallResults.sorted(grouped(), col("b").desc(), col("a")).collectAsList(), "by columns, descending too");
    }

    @Test
    void noRangePartitioningJob() {
        Dataset<Row> sorted = SmallResults.sorted(grouped(), "a", "b");
        String plan = sorted.queryExecution().executedPlan().toString();
        assertTrue(!plan.contains("rangepartitioning"), plan);
        assertTrue(grouped().orderBy("a", "b").queryExecution().executedPlan().toString().contains("rangepartitioning"),
                "orderBy samples and range-partitions its input");
    }

    @Test
    void rowsOnTheDriverInTheOrderOfOrderBy() {
        // every type the small tables hold, with nulls, ties, NaN, -0.0 and text beyond the BMP (UTF-16 order differs)
        Dataset<Row> t = spark.sql(SmallParquetTest.EVERY_TYPE).unionByName(spark.sql(SmallParquetTest.EVERY_TYPE)
                .selectExpr("id + 10 AS id", "concat(name, '\uFF5E') AS name", "gmv", "small_dec", "mid_dec", "n",
                        "CASE WHEN id = 3 THEN 0.0D WHEN id = 1 THEN CAST('NaN' AS DOUBLE) ELSE p END AS p",
                        "f", "ok", "d", "ts", "s", "b"))
                .unionByName(spark.sql("SELECT 98 AS id, '\uFF5E' AS name UNION ALL SELECT 99 AS id, '\uD83D\uDE00' AS name").join(spark.sql(SmallParquetTest.EVERY_TYPE)
                        .drop("id", "name").limit(1)));
        assertEquals(2, t.filter("id >= 98").count());
        List<Row> rows = t.collectAsList();
        for (String c : t.columns()) {
            List<Row> mine = rows.stream().sorted(SmallResults.ordering(t.schema(), c, "id")).toList();
            assertEquals(t.orderBy(c, "id").collectAsList(), mine, "by " + c);
        }
        List<Row> two = rows.stream().sorted(SmallResults.ordering(t.schema(), "ok", "name", "id")).toList();
        assertEquals(t.orderBy("ok", "name", "id").collectAsList(), two);
    }
}
