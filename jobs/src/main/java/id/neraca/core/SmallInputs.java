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
 */
public final class SmallInputs {
    private SmallInputs() {}

    /** At most this much Parquet counts as small (the aggregate's cache bound too). */
    public static final long MAX_BYTES = 16L << 20;
    public static final long SMALL_OPEN_COST_BYTES = 64L << 10;
    static final String OPEN_COST = "spark.sql.files.openCostInBytes";

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
    public static Scope packSmallFiles(SparkSession spark, long inputBytes) {
        boolean small = inputBytes <= MAX_BYTES;
        String before = spark.conf().get(OPEN_COST, null);
        if (small) spark.conf().set(OPEN_COST, String.valueOf(SMALL_OPEN_COST_BYTES));
        return new Scope() {
            @Override
            public boolean small() {
                return small;
            }

            @Override
            public void close() {
                if (!small) return;
                if (before == null) spark.conf().unset(OPEN_COST);
                else spark.conf().set(OPEN_COST, before);
            }
        };
    }
}
