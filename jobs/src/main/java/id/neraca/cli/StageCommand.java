package id.neraca.cli;

import id.neraca.config.NeracaConfig;
import id.neraca.core.Interrupts;
import id.neraca.core.Log;
import id.neraca.core.Manifest;
import id.neraca.core.NeracaException;
import id.neraca.core.OutputStore;
import id.neraca.core.Pipeline;
import id.neraca.core.ProgressReporter;
import id.neraca.core.SparkSessions;
import id.neraca.core.Stage;
import id.neraca.core.StageContext;
import id.neraca.ingest.IngestDumps;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A command that runs one or more stages in one Spark application: config checked before Spark starts,
 * the output folder locked and repaired, the manifest written only when every stage succeeded. The run is atomic
 * ({@link OutputStore}): each stage commits its outputs as it finishes (later stages read them), the previous
 * versions are kept until the manifest is committed and the run marked finished; a failure rolls every commit of
 * the run back, so --out is left exactly as the previous run left it, plus manifest.failed.json.
 */
public abstract class StageCommand implements Callable<Integer> {
    @Mixin
    public CommonOptions common;

    protected abstract List<Stage> stages();

    protected boolean full() {
        return false;
    }

    @Override
    public Integer call() {
        Log.configure(common.quiet, common.logJson);
        List<Stage> stages = stages();
        common.check(stages.stream().anyMatch(s -> s.command().equals("ingest")));
        NeracaConfig.Loaded config = NeracaConfig.load(Path.of(common.config),
                stages.stream().map(Stage::command).toList());
        if (stages.stream().anyMatch(s -> s.command().equals("ingest"))) {
            common.requireDumpsExist();
            // the seller key before Spark starts and before --out is created: without one the run left a new --out
            // holding only manifest.failed.json
            IngestDumps.requireKey(common.dumps, common.demoKey);
        }
        String runId = newRunId();
        String command = stages.size() == 1 ? stages.get(0).command() : "run";
        try {
            return run(config, runId, command, stages);
        } catch (RuntimeException e) {
            if (Interrupts.interrupted() && !Interrupts.reported()) {
                Log.error("%s", Interrupts.describe("run " + runId + " stopped before it committed any output: "
                        + common.out + " is unchanged"));
            }
            throw e;
        }
    }

    private int run(NeracaConfig.Loaded config, String runId, String command, List<Stage> stages) {
        try (OutputStore outputs = new OutputStore(common.out, runId, id.neraca.core.HadoopConf.create())) {
            outputs.requireOutputFolder();
            outputs.lock();
            outputs.recover();
            Manifest manifest = Manifest.start(runId, command, outputs.readText(Manifest.FILE));
            SparkSession spark = SparkSessions.create("neraca " + command, common.master,
                    config.config().run().shufflePartitions());
            ProgressReporter progress = ProgressReporter.attach(spark.sparkContext(), 15);
            try {
                manifest.codeVersion(home());
                manifest.spark(spark.sparkContext().master(), spark.version());
                manifest.configFiles(config);
                StageContext ctx = new StageContext(spark, config, common.dumps, common.out, outputs, manifest,
                        new StageContext.RunOptions(full(), common.demoKey, common.skipUnmatched));
                // --dumps only where a stage reads it: `report` alone said "(dumps data/samples, ...)" over an out/ ingested elsewhere
                boolean readsDumps = stages.stream().anyMatch(s -> s instanceof IngestDumps);
                Log.info("run %s: %s (%sout %s, master %s)", runId, command, readsDumps ? "dumps " + common.dumps + ", " : "", common.out,
                        spark.sparkContext().master());
                try {
                    Pipeline.run(ctx, stages);
                    manifest.finish("SUCCEEDED");
                    outputs.writeText(Manifest.FILE, manifest.toJson());
                } catch (Throwable e) {
                    // Throwable: Spark's Scala code throws checked exceptions undeclared (a SparkException when a
                    // signal stops the context under a job), which a catch of RuntimeException let past: the run was
                    // rolled back by the store's close, but without manifest.failed.json (InterruptedRunTest)
                    failed(outputs, manifest, e);
                    throw e;
                }
                // the success mark: from here on this run's outputs stay; the previous versions are deleted
                outputs.finish();
                Log.info("run %s finished: outputs in %s", runId, common.out);
            } finally {
                progress.close();
                spark.stop();
            }
        }
        return 0;
    }

    /**
     * A failed run: every output it committed is rolled back (DESIGN.md: a run that fails leaves the previous outputs
     * whole), then the failure is described in manifest.failed.json. If the rollback itself fails, the journal stays
     * for the next run's {@link OutputStore#recover} and no manifest.failed.json is written.
     */
    private static void failed(OutputStore outputs, Manifest manifest, Throwable e) {
        manifest.finish("FAILED");
        manifest.root().put("error", String.valueOf(e.getMessage()));
        List<String> undone;
        try {
            undone = outputs.rollback();
        } catch (RuntimeException r) {
            e.addSuppressed(r);
            if (Interrupts.interrupted()) {
                Log.error("%s", Interrupts.describe("run " + outputs.runId() + " stopped; the previous outputs could not all "
                        + "be restored now: " + r.getMessage()));
            } else {
                Log.error("run %s failed and the previous outputs could not all be restored: %s", outputs.runId(), r.getMessage());
            }
            return;
        }
        var restored = manifest.root().putArray("outputs_restored");
        undone.forEach(restored::add);
        if (Interrupts.interrupted()) {
            // one line, no Spark stack traces: the job failed because the shutdown stopped Spark under it
            Log.error("%s", Interrupts.describe(undone.isEmpty()
                    ? "run " + outputs.runId() + " stopped before it committed any output: " + outputs.shown() + " is unchanged"
                    : "run " + outputs.runId() + " stopped; the outputs it had committed were rolled back and the previous "
                            + "ones restored (" + String.join(", ", undone) + "): " + outputs.shown() + " is as the last successful run left it"));
        } else if (undone.isEmpty()) {
            Log.warn("run %s failed before committing any output: %s is unchanged; see %s", outputs.runId(), outputs.shown(),
                    failedManifest(outputs));
        } else {
            Log.warn("run %s failed: the outputs it had committed were rolled back and the previous ones restored (%s); "
                    + "%s is as the last successful run left it; the failure is described in %s",
                    outputs.runId(), String.join(", ", undone), outputs.shown(), failedManifest(outputs));
        }
        try {
            outputs.writeText("manifest.failed.json", manifest.toJson());
            outputs.finish();
        } catch (RuntimeException w) {
            e.addSuppressed(w);
            Log.warn("could not write manifest.failed.json: %s", w.getMessage());
        }
    }

    /** {@code <--out>/manifest.failed.json}, as the user named --out. */
    private static String failedManifest(OutputStore outputs) {
        return outputs.shown().replaceAll("/+$", "") + "/manifest.failed.json";
    }

    static String newRunId() {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC))
                + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }

    /** The project root (the launcher sets neraca.home), for the code version. */
    public static Path home() {
        String h = System.getProperty("neraca.home");
        return Path.of(h == null ? "." : h).toAbsolutePath().normalize();
    }

    static void requireNotNull(Object o, String what) {
        if (o == null) throw NeracaException.usage("%s is required", what);
    }
}
