package id.neraca.cli;

import id.neraca.Neraca;
import id.neraca.SparkTestBase;
import id.neraca.core.AtomicCreateFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hadoop settings given to spark-submit ({@code --conf spark.hadoop.fs.s3a.endpoint=...}; the driver sees them as
 * system properties) reach the file system neraca opens for --out itself, not only Spark's: docs/CLUSTER.md tells
 * operators to set S3A's credentials provider that way. Here the setting is the file system of a scheme
 * ({@code spark.hadoop.fs.lockfs.impl}): before, the output store read a bare Hadoop configuration and every such
 * command failed with exit 1, "cannot open the output folder: No FileSystem for scheme "lockfs"".
 */
class SubmittedHadoopSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void sparkHadoopSettingsReachTheOutputStore() {
        String impl = "spark.hadoop.fs." + AtomicCreateFileSystem.SCHEME + ".impl";
        String noCache = impl + ".disable.cache";
        Path out = tmp.resolve("out");
        try {
            System.setProperty(impl, AtomicCreateFileSystem.class.getName());
            System.setProperty(noCache, "true");
            // report alone on an empty output folder: it fails (no aggregates), through the output store, which
            // records the failure in manifest.failed.json on the submitted file system
            int rc = Neraca.execute("report", "--out", AtomicCreateFileSystem.SCHEME + "://" + out.toAbsolutePath(),
                    "--config", SparkTestBase.projectRoot().resolve("data/config/neraca.yaml").toString(),
                    "--quiet", "--master", "local[1]");
            assertNotEquals(0, rc, "report with no aggregates");
            assertTrue(Files.exists(out.resolve("manifest.failed.json")),
                    "the output store opened --out through the submitted spark.hadoop.* file system (exit " + rc + ")");
        } finally {
            System.clearProperty(impl);
            System.clearProperty(noCache);
        }
    }
}
