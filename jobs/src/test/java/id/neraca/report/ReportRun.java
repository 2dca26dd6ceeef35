package id.neraca.report;

import id.neraca.config.NeracaConfig;
import id.neraca.core.Manifest;
import id.neraca.core.OutputStore;
import id.neraca.core.StageContext;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs WriteReport on a fixture out/ folder the way StageCommand does: config, locked output store, manifest. */
final class ReportRun {
    private ReportRun() {}

    /** The synthetic outputs and a full report on them, made once per test JVM and shared by the test classes. */
    record Shared(Path fixture, Path reference, Path full, Manifest manifest) {}

    private static Shared shared;

    static synchronized Shared shared(SparkSession spark) {
        if (shared == null) {
            try {
                Path root = Files.createTempDirectory("neraca-report-test");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> ReportFixture.deleteTree(root)));
                Path fixture = root.resolve("fixture");
                Path reference = root.resolve("reference");
                ReportFixture.write(spark, fixture, reference, ReportFixture.Options.forReport());
                Path full = root.resolve("full");
                copyTree(fixture, full);
                Manifest m = run(spark, full, reference, null);
                shared = new Shared(fixture, reference, full, m);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    static Manifest run(SparkSession spark, Path out, Path reference, List<String> languages) {
        return run(spark, out, reference, languages, 3);
    }

    static Manifest run(SparkSession spark, Path out, Path reference, List<String> languages, int minSellers) {
        return run(spark, out, reference, languages, minSellers, 10);
    }

    static Manifest run(SparkSession spark, Path out, Path reference, List<String> languages, int minSellers, double pPercent) {
        return run(spark, out, reference, languages, minSellers, pPercent, (m, c) -> {});
    }

    /**
     * With {@code prepare} applied to the new manifest before the stage runs (with the loaded configuration), as
     * StageCommand records the code version and the configuration files there.
     */
    static Manifest run(SparkSession spark, Path out, Path reference, List<String> languages, int minSellers, double pPercent,
                        java.util.function.BiConsumer<Manifest, NeracaConfig.Loaded> prepare) {
        Path cfgFile = out.getParent().resolve("neraca-" + out.getFileName() + ".yaml");
        try {
            Files.writeString(cfgFile, "run:\n  reference_dir: " + reference.toAbsolutePath() + "\nreport:\n  min_sellers: "
                    + minSellers + "\n  dominance_share: 0.85\n  p_percent: " + pPercent + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NeracaConfig.Loaded cfg = NeracaConfig.load(cfgFile, java.util.List.of("report"));
        try (OutputStore store = OutputStore.local(out.toString(), "test-" + System.nanoTime())) {
            store.lock();
            store.recover();
            Manifest manifest = Manifest.start(store.runId(), "report", store.readText(Manifest.FILE));
            prepare.accept(manifest, cfg);
            StageContext ctx = new StageContext(spark, cfg, "unused", out.toString(), store, manifest,
                    StageContext.RunOptions.defaults());
            new WriteReport(languages).run(ctx);
            store.finish();
            return manifest;
        }
    }

    static void copyTree(Path from, Path to) {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
