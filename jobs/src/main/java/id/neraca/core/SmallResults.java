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

    /**
     * The order {@code orderBy(columns)} gives (ascending, nulls first), for rows already on the driver (a table read by
     * {@link SmallParquet}): text by code point (Spark compares UTF-8 bytes), numbers and decimals by value, NaN above
     * every other number and -0.0 equal to 0.0, false before true, dates and timestamps by time.
     */
    public static java.util.Comparator<Row> ordering(org.apache.spark.sql.types.StructType schema, String... columns) {
        java.util.Comparator<Row> c = (a, b) -> 0;
        for (String name : columns) {
            int i = schema.fieldIndex(name);
            c = c.thenComparing((a, b) -> compareValues(a.get(i), b.get(i)));
        }
        return c;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compareValues(Object a, Object b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        if (a instanceof String x && b instanceof String y) return compareCodePoints(x, y);
        if (a instanceof Double x && b instanceof Double y) return compareFloating(x, y);
        if (a instanceof Float x && b instanceof Float y) return compareFloating(x, y);
        if (a instanceof Comparable && a.getClass() == b.getClass()) return ((Comparable) a).compareTo(b);
        return compareCodePoints(String.valueOf(a), String.valueOf(b)); // not a type the small tables hold: by its text
    }

    private static int compareFloating(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
        return x == y ? 0 : (x < y ? -1 : 1); // -0.0 == 0.0, as Spark
    }

    private static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) return Integer.compare(a, b);
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }
}
