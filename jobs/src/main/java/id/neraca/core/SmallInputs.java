package id.neraca.core;

import org.apache.spark.sql.SparkSession;

/**
 * Settings for a stage whose input is small (a few MB of Parquet: an ad hoc run on a fresh dump).
 *
 * <p>Spark plans a file scan as if opening a file cost as much as reading {@code spark.sql.files.openCostInBytes}
 * (4 MB) of it, so it packs a few hundred small files into about as many tasks as 4 MB per file allows: the 144
 * marketplace × month folders of a 10,000-sale {@code out/sales} (20 KB each) became 5 tasks per scan, each
 * scheduled, deserialised and opening its files anew. With the open cost at {@link #SMALL_OPEN_COST_BYTES} the
 * same scan is one task per core. Large inputs keep Spark's setting: their files are megabytes each, and fewer,
 * larger tasks there would only cost balance between the cores.
 *
 * <p>A stage whose shuffles are all sized for a small input (the aggregate's) can also run without adaptive query
 * execution ({@link #scope(SparkSession, long, boolean)}): AQE plans each shuffle as a query stage of its own, runs
 * it as a separate job and re-optimises the rest, which pays off on skewed or large shuffles and only costs jobs on
 * a few thousand rows (10k aggregate 4.32 -> 3.83 s, mean of eight pairs, lower in each). Not for classify: its
 * stage time rose without AQE (4.95 -> 5.47 s over four pairs).
 */
public final class SmallInputs {
    private SmallInputs() {}

    /** At most this much Parquet counts as small (the aggregate's cache bound too). */
    public static final long MAX_BYTES = 16L << 20;
    public static final long SMALL_OPEN_COST_BYTES = 64L << 10;
    static final String OPEN_COST = "spark.sql.files.openCostInBytes";
    static final String ADAPTIVE = "spark.sql.adaptive.enabled";

    /** Bytes under a path (a folder tree or a file); {@link Long#MAX_VALUE} when it cannot be measured (treated as large). */
    public static long bytes(StageContext ctx, String path) {
        try {
            return ctx.outputs().fs().getContentSummary(new org.apache.hadoop.fs.Path(path)).getLength();
        } catch (java.io.IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A scope that restores the session's settings when closed. */
    public interface Scope extends AutoCloseable {
        /** Whether the input was small and the settings changed. */
        boolean small();

        @Override
        void close();
    }

    /**
     * Lowers the per-file open cost for the stage when {@code inputBytes} ≤ {@link #MAX_BYTES}; the returned scope
     * restores the previous value (use in try-with-resources).
     */
    public static Scope scope(SparkSession spark, long inputBytes) {
        return scope(spark, inputBytes, false);
    }

    /** The same, and with {@code noAdaptive} adaptive query execution off for a small input's stage. */
    public static Scope scope(SparkSession spark, long inputBytes, boolean noAdaptive) {
        boolean small = inputBytes <= MAX_BYTES;
        String openCostBefore = spark.conf().get(OPEN_COST, null);
        String adaptiveBefore = spark.conf().get(ADAPTIVE, null);
        if (small) {
            spark.conf().set(OPEN_COST, String.valueOf(SMALL_OPEN_COST_BYTES));
            if (noAdaptive) spark.conf().set(ADAPTIVE, "false");
        }
        return new Scope() {
            @Override
            public boolean small() {
                return small;
            }

            @Override
            public void close() {
                if (!small) return;
                restore(spark, OPEN_COST, openCostBefore);
                restore(spark, ADAPTIVE, adaptiveBefore);
            }
        };
    }

    private static void restore(SparkSession spark, String key, String before) {
        if (before == null) spark.conf().unset(key);
        else spark.conf().set(key, before);
    }
}
