package id.neraca.core;

import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession of a CLI run. The master comes from the launcher ({@code --master},
 * default {@code local[*]}) unless spark-submit already set {@code spark.master}: a job never hard-codes
 * it. Session time zone is UTC; local times are derived explicitly per seller province (WIB/WITA/WIT).
 */
public final class SparkSessions {
    private SparkSessions() {}

    public static SparkSession create(String appName, String master, int shufflePartitions) {
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", shufflePartitions(shufflePartitions))
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.parquet.compression.codec", "zstd")
                .config("spark.sql.sources.partitionOverwriteMode", "static")
                // upper()/lower() with the JVM's case mappings, as Spark before 4.0: the ICU ones need ICU's case-mapping
                // tables loaded on first use, about a second of a small run (docs/BENCHMARKS.md); neraca folds codes,
                // categories and names, where both agree
                .config("spark.sql.icu.caseMappings.enabled", "false");
        String submitted = System.getProperty("spark.master");
        if (submitted == null || submitted.isBlank()) {
            String m = master == null || master.isBlank() ? "local[*]" : master;
            b = b.master(m);
            if (m.startsWith("local")) {
                // one machine: the driver lists partition folders itself (Spark's default launches a listing job
                // of one task per path as soon as a read names more than 32 paths; 36 month folders do)
                // local paths without a chmod / ls child process per file and folder (LocalFiles)
                b = b.config("spark.ui.enabled", "false")
                        .config("spark.hadoop.fs.file.impl", LocalFiles.Checksummed.class.getName())
                        .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000")
                        .config("spark.driver.bindAddress", "127.0.0.1")
                        .config("spark.driver.host", "127.0.0.1");
            }
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /**
     * {@code run.shuffle_partitions}, unless spark-submit was given {@code --conf spark.sql.shuffle.partitions=N}
     * (it reaches the driver as a system property): what a user types on the command line of one submission beats
     * the configuration file, as in Spark itself. A builder setting would override the submitted value silently.
     */
    static String shufflePartitions(int configured) {
        String submitted = System.getProperty("spark.sql.shuffle.partitions");
        if (submitted != null && !submitted.isBlank()) {
            if (!String.valueOf(configured).equals(submitted.trim())) {
                Log.info("spark.sql.shuffle.partitions=%s from spark-submit --conf (run.shuffle_partitions %d not used)", submitted.trim(), configured);
            }
            return submitted.trim();
        }
        return String.valueOf(configured);
    }
}
