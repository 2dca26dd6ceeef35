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
}
