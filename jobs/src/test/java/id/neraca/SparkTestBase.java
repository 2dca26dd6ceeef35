package id.neraca;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;

/**
 * One shared local SparkSession per test class: local[2], two shuffle partitions, UI off, bound to
 * 127.0.0.1, session time zone pinned to UTC, Spark logging at WARN.
 */
public abstract class SparkTestBase {
    protected static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .appName("neraca-test")
                .master("local[2]")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }

    /** How many Spark jobs {@code r} ran (a job group of its own, cleared after). */
    protected static int sparkJobs(String group, Runnable r) {
        spark.sparkContext().setJobGroup(group, group, false);
        try {
            r.run();
        } finally {
            spark.sparkContext().clearJobGroup();
        }
        return spark.sparkContext().statusTracker().getJobIdsForGroup(group).length;
    }

    /** The repository root, for tests that read data/ (set by surefire; falls back to the module's parent). */
    public static Path projectRoot() {
        String p = System.getProperty("neraca.project.root");
        if (p != null) return Path.of(p);
        Path cwd = Path.of("").toAbsolutePath();
        return cwd.getFileName().toString().equals("jobs") ? cwd.getParent() : cwd;
    }
}
