package id.neraca.core;

/**
 * A named pipeline stage (verb-noun: IngestDumps, ClassifySales, ...). A stage reads the previous
 * stage's committed output, runs pure Dataset transforms, writes to its staging folders through
 * {@link OutputStore}, and commits them only when complete. Counts and timings go to the manifest.
 */
public interface Stage {
    /** Verb-noun name used in logs, the Spark UI job group and the manifest. */
    String name();

    /** The CLI command that runs this stage alone. */
    String command();

    void run(StageContext ctx);
}
