package id.neraca.core;

import org.apache.spark.sql.SparkSession;

import java.util.LinkedHashMap;
import java.util.Map;

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
 *
 * <p>A stage over a very small input can also evaluate its expressions interpreted instead of generating Java for
 * them ({@link #INTERPRETED_MAX_BYTES}; Spark's {@code spark.sql.codegen.factoryMode=NO_CODEGEN}). Spark compiles a
 * class with Janino for every projection, ordering and predicate it runs outside a whole-stage pipeline (about 16 ms
 * of CPU each, a few hundred in a run, and the JIT then has new code to warm up), which a few thousand rows never pay
 * back. Whole-stage pipelines stay compiled. Measured on the bench dumps (docs/BENCHMARKS.md, eleventh round): a gain
 * in ingest, the aggregate, the projection and the report up to a few MB, a loss in ingest at 28 MB of dumps, and a
 * loss in classify already at 30,000 rows (its text rules over titles cost more interpreted than compiled), so
 * classify never opts in. The results are the same either way (Spark's interpreted and generated evaluation are one
 * semantics; the eleventh round's runs wrote byte-identical aggregates and projection).
 */
public final class SmallInputs {
    private SmallInputs() {}

    /** At most this much Parquet counts as small (the aggregate's cache bound too). */
    public static final long MAX_BYTES = 16L << 20;
    public static final long SMALL_OPEN_COST_BYTES = 64L << 10;
    static final String OPEN_COST = "spark.sql.files.openCostInBytes";
    static final String ADAPTIVE = "spark.sql.adaptive.enabled";
    /**
     * Up to this many bytes of input (Parquet for the stages after ingest, the dump files for ingest) a stage that
     * opts in evaluates expressions interpreted. Measured: 10,000 rows (2.9 MB of dumps, 1.8 MB classified) gain,
     * 30,000 (8.5 MB of dumps, 2.7 MB classified) gain in the aggregate and report and break even in ingest, 100,000
     * (28 MB of dumps) lose in ingest.
     */
    public static final long INTERPRETED_MAX_BYTES = 6L << 20;
    static final String CODEGEN_FACTORY = "spark.sql.codegen.factoryMode";
    static final String INTERPRETED = "NO_CODEGEN";

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

        /** Whether the stage's expressions are interpreted (manifest {@code interpreted_expressions}). */
        boolean interpreted();

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
        return scope(spark, inputBytes, noAdaptive, false);
    }

    /**
     * The same, and with {@code interpret} expressions interpreted when the input is at most
     * {@link #INTERPRETED_MAX_BYTES}.
     */
    public static Scope scope(SparkSession spark, long inputBytes, boolean noAdaptive, boolean interpret) {
        boolean small = inputBytes <= MAX_BYTES;
        Map<String, String> settings = new LinkedHashMap<>();
        if (small) {
            settings.put(OPEN_COST, String.valueOf(SMALL_OPEN_COST_BYTES));
            if (noAdaptive) settings.put(ADAPTIVE, "false");
        }
        boolean interpreted = interpret && inputBytes <= INTERPRETED_MAX_BYTES;
        if (interpreted) settings.put(CODEGEN_FACTORY, INTERPRETED);
        return apply(spark, small, interpreted, settings);
    }

    /**
     * Only the interpreted expressions, for a stage that wants none of the scan settings (ingest, whose
     * {@code inputBytes} are its dump files; the projection): interpreted when the input is at most
     * {@link #INTERPRETED_MAX_BYTES}; {@link Scope#small()} is false.
     */
    public static Scope interpreted(SparkSession spark, long inputBytes) {
        boolean interpreted = inputBytes <= INTERPRETED_MAX_BYTES;
        return apply(spark, false, interpreted, interpreted ? Map.of(CODEGEN_FACTORY, INTERPRETED) : Map.of());
    }

    private static Scope apply(SparkSession spark, boolean small, boolean interpreted, Map<String, String> settings) {
        Map<String, String> before = new LinkedHashMap<>();
        for (String key : settings.keySet()) before.put(key, spark.conf().get(key, null));
        settings.forEach((key, value) -> spark.conf().set(key, value));
        return new Scope() {
            @Override
            public boolean small() {
                return small;
            }

            @Override
            public boolean interpreted() {
                return interpreted;
            }

            @Override
            public void close() {
                before.forEach((key, value) -> restore(spark, key, value));
            }
        };
    }

    private static void restore(SparkSession spark, String key, String before) {
        if (before == null) spark.conf().unset(key);
        else spark.conf().set(key, before);
    }
}
