package id.neraca.core;

import id.neraca.config.NeracaConfig;
import org.apache.spark.sql.SparkSession;

/**
 * What a stage gets to work with: the Spark session, the validated configuration, where dumps are read
 * and outputs written, and the run manifest to record counts into.
 *
 * @param dumps folder (or URI) holding the input dumps
 * @param out   output folder (or URI); stages write through {@link #outputs()}
 * @param handoffs tables a stage hands to the next one in the same run ({@link Handoffs})
 */
public record StageContext(
        SparkSession spark,
        NeracaConfig.Loaded config,
        String dumps,
        String out,
        OutputStore outputs,
        Manifest manifest,
        RunOptions options,
        Handoffs handoffs) {

    /** A context with no handoffs yet (a run's first stage, or a stage run alone). */
    public StageContext(SparkSession spark, NeracaConfig.Loaded config, String dumps, String out, OutputStore outputs,
                        Manifest manifest, RunOptions options) {
        this(spark, config, dumps, out, outputs, manifest, options, new Handoffs());
    }

    public NeracaConfig cfg() {
        return config.config();
    }

    /** Options of the run that stages may honour. */
    public record RunOptions(boolean full, boolean demoKey, boolean skipUnmatched) {
        public static RunOptions defaults() {
            return new RunOptions(false, false, false);
        }
    }
}
