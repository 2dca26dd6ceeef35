package id.neraca.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Runs named stages in order: a start and an end line per stage, timings into the manifest; what a stage hands to the
 * later ones ({@link Handoffs}) is released when the pipeline ends.
 */
public final class Pipeline {
    private Pipeline() {}

    public static void run(StageContext ctx, List<Stage> stages) {
        try {
            runStages(ctx, stages);
        } finally {
            ctx.handoffs().releaseAll();
        }
    }

    /** The stages in data-flow order with their commands: each reads the outputs of the ones before it. */
    static final List<String[]> CHAIN = List.of(new String[] {"IngestDumps", "ingest"}, new String[] {"ClassifySales", "classify"},
            new String[] {"AggregateMonthly", "aggregate"}, new String[] {"ProjectTo2030", "project"},
            new String[] {"WriteReport", "report"});

    /**
     * Whether the outputs {@code stage} is about to read come from runs in the wrong order: an upstream stage ran
     * (alone) after a stage between it and {@code stage}, so that stage's output was made from the upstream's previous
     * output (e.g. {@code neraca classify} with new rules, then {@code neraca report}: headline shares from
     * aggregates of the old classification next to evidence tables of the new one). Decided from the manifest's
     * stage sections (start times); returns the warning, naming the commands to rerun, or null.
     */
    static String staleInputs(Manifest manifest, String stage) {
        int k = -1;
        for (int i = 0; i < CHAIN.size(); i++) if (CHAIN.get(i)[0].equals(stage)) k = i;
        com.fasterxml.jackson.databind.JsonNode sections = manifest.root().path("stages");
        String newest = null;
        Instant newestAt = null;
        for (int j = 0; j < k; j++) {
            String name = CHAIN.get(j)[0];
            Instant at;
            try {
                at = Instant.parse(sections.path(name).path("started").asText(""));
            } catch (java.time.format.DateTimeParseException e) {
                continue; // never ran on this folder
            }
            if (newestAt != null && at.isBefore(newestAt)) {
                StringBuilder rerun = new StringBuilder();
                for (int i = j; i <= k; i++) rerun.append(i > j ? ", then " : "").append("`neraca ").append(CHAIN.get(i)[1]).append('`');
                return String.format(Locale.ROOT, "the outputs of %s (run %s) are older than those of %s (run %s) they are "
                                + "made from: %s reads results of two runs. Run %s (or `neraca run`)", name,
                        sections.path(name).path("run_id").asText("?"), newest, sections.path(newest).path("run_id").asText("?"),
                        stage, rerun);
            }
            if (newestAt == null || at.isAfter(newestAt)) {
                newestAt = at;
                newest = name;
            }
        }
        return null;
    }

    /**
     * Whether the outputs {@code stage} is about to read were made under another configuration than this command's:
     * the first stage before it (in data-flow order) whose section's configuration fingerprint differs from the current
     * one (e.g. {@code neraca report} after an edit of the rules file: its figures come from out/classified, made with the
     * earlier rules). Returns the warning, naming the files that changed and the commands that apply the current ones,
     * or null. The lineage keeps both configurations ({@link Manifest#history}).
     */
    static String configurationDrift(Manifest manifest, String stage) {
        return configurationDrift(manifest, stage, (reader, path) -> true);
    }

    /**
     * Which stages read a configuration file (by its absolute path, as the manifest records it): the mapping files
     * only ingest, the classification rules and the brand table only classify, the benchmarks and the interval
     * calibration only the projection, the claims only the report, and the reference folder's README, sources/ and
     * tools/ (provenance, not read) none; every other file (the run configuration, the shared reference tables) all.
     * The classification rules edited and {@code neraca classify} rerun alone: ingest's outputs did not depend on them,
     * and a warning that they were made "under an earlier configuration", telling the economist to re-ingest, was false.
     */
    public static java.util.function.BiPredicate<String, String> readers(id.neraca.config.NeracaConfig.Loaded cfg) {
        String mappings = cfg.mappingsDir().toAbsolutePath().normalize() + java.io.File.separator;
        java.nio.file.Path ref = cfg.referenceDir().toAbsolutePath().normalize();
        java.util.Map<String, String> only = new java.util.HashMap<>();
        only.put(abs(cfg.config().classify().rulesPath(cfg)), "ClassifySales");
        only.put(abs(cfg.config().classify().brandOriginsPath(cfg)), "ClassifySales");
        only.put(abs(ref.resolve(cfg.config().project().coverage().benchmarksFile())), "ProjectTo2030");
        only.put(abs(ref.resolve(id.neraca.project.IntervalCalibration.FILE)), "ProjectTo2030");
        only.put(abs(ref.resolve(id.neraca.report.Claims.FILE)), "WriteReport");
        String readme = abs(ref.resolve("README.md"));
        String sources = ref.resolve("sources") + java.io.File.separator;
        String tools = ref.resolve("tools") + java.io.File.separator;
        return (stage, path) -> {
            if (path.startsWith(mappings)) return stage.equals("IngestDumps");
            if (path.equals(readme) || path.startsWith(sources) || path.startsWith(tools)) return false;
            String owner = only.get(path);
            return owner == null || owner.equals(stage);
        };
    }

    private static String abs(java.nio.file.Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    /**
     * As {@link #configurationDrift(Manifest, String)}, counting an upstream stage only when a file it or a stage
     * before it reads ({@code reads.test(stage, path)}) changed since it ran: its outputs were made from those.
     */
    static String configurationDrift(Manifest manifest, String stage, java.util.function.BiPredicate<String, String> reads) {
        String current = manifest.root().path("configuration").path("fingerprint").asText(null);
        if (current == null) return null;
        int k = -1;
        for (int i = 0; i < CHAIN.size(); i++) if (CHAIN.get(i)[0].equals(stage)) k = i;
        com.fasterxml.jackson.databind.JsonNode sections = manifest.root().path("stages");
        List<String> earlier = new java.util.ArrayList<>();
        java.util.TreeSet<String> changed = new java.util.TreeSet<>();
        int first = -1;
        for (int j = 0; j < k; j++) {
            String fp = sections.path(CHAIN.get(j)[0]).path("configuration_fingerprint").asText(null);
            if (fp == null || fp.equals(current)) continue;
            String upstream = CHAIN.get(j)[0];
            // a stage's outputs depend on the files it read and on those every stage before it read
            final int upTo = j;
            List<String> read = manifest.changedSince(fp).stream()
                    .filter(path -> java.util.stream.IntStream.rangeClosed(0, upTo).anyMatch(i -> reads.test(CHAIN.get(i)[0], path)))
                    .toList();
            // files no longer recorded (an old manifest): counted, as before
            if (read.isEmpty() && !manifest.changedSince(fp).isEmpty()) continue;
            if (first < 0) first = j;
            earlier.add(upstream + " (run " + sections.path(upstream).path("run_id").asText("?") + ")");
            changed.addAll(read);
        }
        if (earlier.isEmpty()) return null;
        List<String> files = List.copyOf(changed);
        String named = files.isEmpty() ? "files no longer recorded"
                : String.join(", ", files.subList(0, Math.min(5, files.size()))) + (files.size() > 5 ? ", …" : "");
        StringBuilder chain = new StringBuilder();
        for (int i = first; i <= k; i++) chain.append(i > first ? ", " : "").append("`neraca ").append(CHAIN.get(i)[1]).append('`');
        return String.format(Locale.ROOT, "the outputs of %s were made under an earlier configuration (changed since: %s): %s "
                        + "reads figures made with the earlier files; the lineage lists both. To apply the change, rerun from the "
                        + "first stage it concerns (of %s), or `neraca run`", String.join(", ", earlier), named, stage, chain);
    }

    private static void runStages(StageContext ctx, List<Stage> stages) {
        for (Stage stage : stages) {
            Instant start = Instant.now();
            String stale = staleInputs(ctx.manifest(), stage.name());
            ObjectNode section = ctx.manifest().stage(stage.name());
            section.put("started", start.toString());
            if (stale != null) {
                section.put("stale_inputs", stale);
                Log.warn("%s: %s", stage.name(), stale);
            }
            String drift = configurationDrift(ctx.manifest(), stage.name(),
                    ctx.config() == null ? (reader, path) -> true : readers(ctx.config()));
            if (drift != null) {
                section.put("configuration_drift", drift);
                Log.warn("%s: %s", stage.name(), drift);
            }
            ObjectNode f = Log.fields();
            f.put("stage", stage.name());
            f.put("event", "stage_start");
            Log.event("INFO", stage.name() + " started", f);
            ctx.spark().sparkContext().setJobGroup(stage.name(), stage.name(), false);
            try {
                stage.run(ctx);
            } finally {
                ctx.spark().sparkContext().clearJobGroup();
            }
            Duration elapsed = Duration.between(start, Instant.now());
            section.put("ended", Instant.now().toString());
            section.put("elapsed_ms", elapsed.toMillis());
            ObjectNode e = Log.fields();
            e.put("stage", stage.name());
            e.put("event", "stage_end");
            e.put("elapsed_ms", elapsed.toMillis());
            String rows = "";
            if (section.has("rows_out")) {
                e.put("rows_out", section.get("rows_out").asLong());
                rows = String.format(Locale.ROOT, ", %,d rows", section.get("rows_out").asLong());
            }
            Log.event("INFO", String.format(Locale.ROOT, "%s done in %.1f s%s", stage.name(), elapsed.toMillis() / 1000.0, rows), e);
        }
    }
}
