package id.neraca.core;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Sorting a small result (a statistics table, a sample, a headline of one row per month) before it is collected or
 * written.
 *
 * <p>{@code orderBy} range-partitions its input: a sampling job over the input first, then a shuffle of every row by
 * range. For a result of a few hundred rows that is one or two Spark jobs more, each with its own generated code, to
 * order what one task sorts in memory (docs/BENCHMARKS.md, tenth round: a 10,000-sale run ran 134 Spark jobs, and
 * their fixed cost is most of its time). {@link #sorted} gives the same rows in the same order from one partition
 * sorted in place.
 *
 * <p>Only for a plan whose last shuffle (an aggregation, a window, a distinct) has already brought the rows down to a
 * small number, or whose input is small and cached: {@code coalesce(1)} runs everything after that shuffle in one
 * task, and everything before it as before.
 */
public final class SmallResults {
    private SmallResults() {}

    /** {@code small} in one partition, sorted by {@code order}: the rows and order {@code orderBy(order)} gives. */
    public static Dataset<Row> sorted(Dataset<Row> small, Column... order) {
        return small.coalesce(1).sortWithinPartitions(order);
    }

    /** As {@link #sorted(Dataset, Column...)}, by column names, ascending (nulls first, as {@code orderBy}). */
    public static Dataset<Row> sorted(Dataset<Row> small, String... order) {
        Column[] c = new Column[order.length];
        for (int i = 0; i < order.length; i++) c[i] = org.apache.spark.sql.functions.col(order[i]);
        return sorted(small, c);
    }
}
