package id.neraca.core;

import org.apache.hadoop.conf.Configuration;

/**
 * One Hadoop {@link Configuration} per JVM for opening dump files outside Spark's own readers. Every
 * {@code new Configuration()} parses core-default.xml and core-site.xml again on its first read: once per dump
 * file that was about 10 % of a 10,000-row run's CPU (docs/BENCHMARKS.md). Loaded once, read-only afterwards.
 */
public final class HadoopConf {
    private HadoopConf() {}

    private static final class Holder {
        static final Configuration SHARED = load();

        private static Configuration load() {
            Configuration c = LocalFiles.register(new Configuration());
            c.size(); // forces the XML resources to load now, before several threads read it
            return c;
        }
    }

    /** The shared configuration. Do not modify it: take {@code new Configuration(shared())} for a private copy. */
    public static Configuration shared() {
        return Holder.SHARED;
    }
}
