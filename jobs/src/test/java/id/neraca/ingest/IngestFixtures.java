package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.ingest.ids.SellerKeys;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Shared set-up of the ingest tests: fixture paths, a reference folder, a fixed key and date window. */
final class IngestFixtures {
    private IngestFixtures() {}

    static final String KEY = "test-seller-key-0123456789";
    static final IngestConfig CFG = new IngestConfig(0.05, "2015-01-01", "2026-11-29", 5);

    static Path resources() {
        return SparkTestBase.projectRoot().resolve("jobs/src/test/resources/ingest");
    }

    static Path dumps() {
        return resources().resolve("dumps");
    }

    static Path mappings() {
        return SparkTestBase.projectRoot().resolve("data/marketplaces");
    }

    /** data/reference's own tables plus the test regencies (a small subset in the contract's format). */
    static Path reference(Path tmp) {
        try {
            Path dir = Files.createDirectories(tmp.resolve("reference"));
            for (String f : new String[]{"provinces.csv", "countries.csv", "categories.csv", "fx_monthly.csv"}) {
                Files.copy(SparkTestBase.projectRoot().resolve("data/reference").resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(resources().resolve("reference/regencies.csv"), dir.resolve("regencies.csv"), StandardCopyOption.REPLACE_EXISTING);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IngestRun.Prepared prepare(Path dumps, Path ref, boolean skipUnmatched) {
        return IngestRun.prepare(mappings(), ref, dumps.toString(), SellerKeys.of(KEY), CFG, skipUnmatched, false);
    }

    static Dataset<Row> resolve(SparkSession spark, IngestRun.Prepared p) {
        return ResolveDuplicates.apply(IngestRun.parse(spark, p)).cache();
    }

    /**
     * A plan's issues but the warnings about pii entries naming no column of the files (DumpPlanner.piiNamingNothing):
     * the bundled mappings list the buyer's columns of real exports (Lazada's Customer Name), which a test's excerpt
     * may leave out.
     */
    static java.util.List<DumpPlanner.Issue> problems(DumpPlanner.Plan plan) {
        return plan.issues().stream().filter(i -> i.error() || !i.message().startsWith("pii entr")).toList();
    }

    /** Writes a config that points at the test reference folder and the repository's mappings. */
    static Path config(Path tmp, Path ref, double maxShare) {
        try {
            // its own folder: the manifest hashes every file beside the config
            Path f = Files.createDirectories(tmp.resolve("config")).resolve("neraca.yaml");
            Files.writeString(f, "run:\n  reference_dir: " + ref + "\n  mappings_dir: " + mappings()
                    + "\n  shuffle_partitions: 2\ningest:\n  max_quarantine_share: " + maxShare
                    + "\n  max_order_date: \"2026-11-29\"\n");
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One dump file parsed row by row with a mapping written by the test (no Spark): the mapping {@code name}.yaml
     * in its own folder under {@code tmp}, the dump at {@code <name>/<file>} under a dumps folder; the rows as
     * RecordParser makes them (accepted, or quarantined with their reason).
     */
    static java.util.List<Row> parseWithMapping(Path tmp, String name, String mappingYaml, String file, String content) throws IOException {
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Files.writeString(maps.resolve(name + ".yaml"), mappingYaml);
        Path dumps = Files.createDirectories(tmp.resolve("dumps").resolve(name));
        Files.writeString(dumps.resolve(file), content);
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(), id.neraca.ingest.mapping.Mappings.load(maps), false);
        if (!problems(plan).isEmpty()) throw new AssertionError("planning issues: " + plan.issues());
        FileTask t = plan.tasks().get(0);
        RecordParser p = new RecordParser(plan.mappings().get(name), ReferenceData.load(reference(tmp)), SellerKeys.of(KEY),
                java.time.LocalDate.parse("2015-01-01"), java.time.LocalDate.parse("2026-11-30"));
        return DumpReader.readAll(t, plan.mappings().get(name)).stream().map(r -> p.parse(r, t.exportKey())).toList();
    }

    /**
     * One dump file parsed row by row (no Spark) with the bundled mappings (data/marketplaces), the file written at
     * {@code file} under a dumps folder; it must match {@code marketplace}'s mapping and plan without issues.
     */
    static java.util.List<Row> parseWithBundledMapping(Path tmp, String marketplace, String file, String content) throws IOException {
        Path dumps = tmp.resolve("dumps");
        Files.createDirectories(dumps.resolve(file).getParent());
        Files.writeString(dumps.resolve(file), content);
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), id.neraca.ingest.mapping.Mappings.load(mappings()), false);
        if (!problems(plan).isEmpty()) throw new AssertionError("planning issues: " + plan.issues());
        FileTask t = plan.tasks().get(0);
        if (!marketplace.equals(t.mapping())) throw new AssertionError(file + " matched " + t.mapping() + ", not " + marketplace);
        RecordParser p = new RecordParser(plan.mappings().get(marketplace), ReferenceData.load(reference(tmp)), SellerKeys.of(KEY),
                java.time.LocalDate.parse("2015-01-01"), java.time.LocalDate.parse("2026-11-30"));
        return DumpReader.readAll(t, plan.mappings().get(marketplace)).stream().map(r -> p.parse(r, t.exportKey())).toList();
    }

    /**
     * One ingest run as the CLI does it, in-process: lock, recover, the manifest carried over, the stage, the manifest
     * committed; returns the manifest. For tests of what an ingest leaves in {@code out} across runs.
     */
    static com.fasterxml.jackson.databind.JsonNode ingestAsCli(SparkSession spark, Path config, Path dumps, Path out, boolean full, String runId) {
        id.neraca.config.NeracaConfig.Loaded loaded = id.neraca.config.NeracaConfig.load(config, java.util.List.of("ingest"));
        try (id.neraca.core.OutputStore o = id.neraca.core.OutputStore.local(out.toString(), runId)) {
            o.lock();
            o.recover();
            id.neraca.core.Manifest m = id.neraca.core.Manifest.start(runId, "ingest", o.readText(id.neraca.core.Manifest.FILE));
            id.neraca.core.StageContext ctx = new id.neraca.core.StageContext(spark, loaded, dumps.toString(), out.toString(), o, m,
                    new id.neraca.core.StageContext.RunOptions(full, true, false));
            id.neraca.core.Pipeline.run(ctx, java.util.List.of(new IngestDumps()));
            m.finish("SUCCEEDED");
            o.writeText(id.neraca.core.Manifest.FILE, m.toJson());
            o.finish();
            return m.root().deepCopy();
        }
    }

    /**
     * Runs the ingest stage on {@code files} (path under the dumps folder → content) with one mapping {@code name}, the
     * test reference tables and {@code maxQuarantineShare}, into {@code tmp/out}; returns the manifest it wrote.
     */
    static com.fasterxml.jackson.databind.JsonNode ingestStage(SparkSession spark, Path tmp, String name, String mappingYaml,
                                                               java.util.Map<String, String> files, double maxQuarantineShare) throws IOException {
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Files.writeString(maps.resolve(name + ".yaml"), mappingYaml);
        for (var f : files.entrySet()) {
            Path p = tmp.resolve("dumps").resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        Path ref = reference(tmp);
        Path cfg = Files.createDirectories(tmp.resolve("config")).resolve("neraca.yaml");
        Files.writeString(cfg, "run:\n  reference_dir: " + ref + "\n  mappings_dir: " + maps
                + "\n  shuffle_partitions: 2\ningest:\n  max_quarantine_share: " + maxQuarantineShare
                + "\n  max_order_date: \"2026-11-29\"\n");
        Path out = tmp.resolve("out");
        id.neraca.config.NeracaConfig.Loaded config = id.neraca.config.NeracaConfig.load(cfg, java.util.List.of("ingest"));
        try (id.neraca.core.OutputStore o = id.neraca.core.OutputStore.local(out.toString(), "test-run-1")) {
            o.lock();
            id.neraca.core.Manifest manifest = id.neraca.core.Manifest.start("test-run-1", "ingest", o.readText(id.neraca.core.Manifest.FILE));
            id.neraca.core.StageContext ctx = new id.neraca.core.StageContext(spark, config, tmp.resolve("dumps").toString(),
                    out.toString(), o, manifest, new id.neraca.core.StageContext.RunOptions(true, true, false));
            id.neraca.core.Pipeline.run(ctx, java.util.List.of(new IngestDumps()));
            manifest.finish("SUCCEEDED");
            o.writeText(id.neraca.core.Manifest.FILE, manifest.toJson());
            o.finish();
            return manifest.root().deepCopy();
        }
    }
}
