package id.neraca.core;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

/**
 * The Hadoop {@link Configuration} for the file systems neraca opens itself, outside Spark's own readers and writers:
 * the output folder ({@link OutputStore}) and the dump files. It carries the {@code spark.hadoop.*} settings of the
 * application ({@code spark-submit --conf spark.hadoop.fs.s3a.endpoint=...}, spark-defaults.conf), as Spark's own
 * Hadoop configuration does: a bare {@code new Configuration()} reads only core-site.xml, so an S3 endpoint, a
 * credentials provider or path-style access given that way did not reach them, and since Hadoop caches one file system
 * per scheme and bucket whatever the configuration, the one the output store opened first (before Spark starts) was the
 * one Spark's writes got too (docs/CLUSTER.md).
 */
public final class HadoopConf {
    private HadoopConf() {}

    private static final class Holder {
        static final Configuration SHARED = load();

        private static Configuration load() {
            Configuration c = create();
            c.size(); // forces the XML resources to load now, before several threads read it
            return c;
        }
    }

    /**
     * One configuration per JVM for opening dump files: every {@code new Configuration()} parses core-default.xml and
     * core-site.xml again on its first read, once per dump file about 10 % of a 10,000-row run's CPU
     * (docs/BENCHMARKS.md). Loaded once, read-only afterwards: do not modify it, take {@code new Configuration(shared())}.
     */
    public static Configuration shared() {
        return Holder.SHARED;
    }

    /**
     * A new configuration with the application's {@code spark.hadoop.*} settings: on an executor, or on the driver
     * once Spark runs, from its SparkConf; on the driver before Spark starts, from the system properties spark-submit
     * sets for every {@code --conf} and spark-defaults.conf entry.
     */
    public static Configuration create() {
        SparkEnv env = SparkEnv.get();
        return create(env != null ? env.conf() : new SparkConf(true));
    }

    static Configuration create(SparkConf spark) {
        Configuration c = new Configuration();
        for (Tuple2<String, String> kv : spark.getAllWithPrefix("spark.hadoop.")) {
            c.set(kv._1(), kv._2(), "spark.hadoop." + kv._1());
        }
        return LocalFiles.register(c);
    }
}
