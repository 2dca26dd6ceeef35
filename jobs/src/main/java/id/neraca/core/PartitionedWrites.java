package id.neraca.core;

import org.apache.spark.sql.SparkSession;

/**
 * Partitioned Parquet writes without the writer's sort. By default Spark sorts every row of a task by the partition
 * columns before writing, so that it keeps one file open at a time; with wide rows that sort spills most of a large
 * run to disk (docs/BENCHMARKS.md). When the rows of a task fall in a few partition folders (the caller arranges it:
 * reading folder by folder, or a shuffle by the partition columns), one open writer per folder needs no sort.
 * Spark falls back to sorting the rest of a task's rows if it meets more folders than {@code writers}, so the
 * output is the same either way.
 */
public final class PartitionedWrites {
    static final String KEY = "spark.sql.maxConcurrentOutputFileWriters";

    private PartitionedWrites() {}

    /** Runs {@code write} with up to {@code writers} files open per task, then restores the session's setting. */
    public static void withOpenWriters(SparkSession spark, int writers, Runnable write) {
        String before = spark.conf().get(KEY, "0");
        spark.conf().set(KEY, String.valueOf(writers));
        try {
            write.run();
        } finally {
            spark.conf().set(KEY, before);
        }
    }
}
