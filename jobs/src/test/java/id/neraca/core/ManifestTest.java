package id.neraca.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.neraca.config.NeracaConfig;
import id.neraca.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manifest's configuration lineage: which files it hashes. No Spark. */
class ManifestTest {

    /**
     * A config kept in a folder with other things (`--config /tmp/audit/factor.yaml` next to dumps and earlier runs'
     * outputs; OPERATIONS.md's `/etc/neraca` holds the seller key): the manifest hashed every file under the config's
     * folder, 2,497 of them in the audit (other runs' reports and dumps, which then filled the report's lineage and
     * doubled the run's time), and would have put the seller key's SHA-256 into a published report. Now the config,
     * the files it names and the mapping and reference folders, nothing else.
     */
    @Test
    void aConfigBesideDumpsOutputsAndTheSellerKeyHashesOnlyTheFilesItNames(@TempDir Path dir) throws Exception {
        Path root = SparkTestBase.projectRoot().toAbsolutePath().normalize();
        Path config = dir.resolve("neraca.yaml");
        Files.writeString(config, "run:\n  reference_dir: " + root.resolve("data/reference") + "\n  mappings_dir: "
                + root.resolve("data/marketplaces") + "\nclassify:\n  rules_file: rules/my-rules.yaml\n");
        Files.createDirectories(dir.resolve("rules"));
        Files.copy(root.resolve("data/config/classify-rules.yaml"), dir.resolve("rules/my-rules.yaml"));
        Files.writeString(dir.resolve("seller.key"), "not-a-real-key-but-secret\n");
        Files.createDirectories(dir.resolve("dumps/tiktokshop"));
        Files.writeString(dir.resolve("dumps/tiktokshop/tiktok_orders_2025-12.csv"), "Order ID\n1\n");
        Files.createDirectories(dir.resolve("out/report"));
        Files.writeString(dir.resolve("out/report/index.html"), "<html></html>\n");

        Manifest m = Manifest.start("run-1", "run", Optional.empty());
        m.configFiles(NeracaConfig.load(config, List.of()));
        JsonNode c = new ObjectMapper().readTree(m.toJson()).path("configuration");
        List<String> paths = new ArrayList<>();
        c.path("files").forEach(f -> paths.add(f.path("path").asText()));

        assertEquals(config.toAbsolutePath().toString(), c.path("file").asText());
        assertEquals(config.toAbsolutePath().toString(), paths.get(0), "the config file first");
        assertEquals(dir.resolve("rules/my-rules.yaml").toString(), paths.get(1), "the rules file it names");
        for (String p : paths) {
            assertFalse(p.startsWith(dir.toString()) && !p.equals(paths.get(0)) && !p.equals(paths.get(1)),
                    "nothing else of the config's folder: " + p);
        }
        assertFalse(paths.contains(dir.resolve("seller.key").toString()), "the seller key");
        assertTrue(paths.contains(root.resolve("data/reference/fx_monthly.csv").toString()), "reference files");
        assertTrue(paths.contains(root.resolve("data/marketplaces/tiktokshop.yaml").toString()), "mapping files");
        assertEquals(paths.size(), paths.stream().distinct().count(), "each file once");
    }

    /**
     * A stage's section outlives the command that wrote it: after `neraca classify` with edited rules, the aggregate's
     * section is the previous run's. Each section carries the fingerprint of the configuration (and the commit) it ran
     * under, so every output stays traceable to its configuration, not only to the last command's.
     */
    @Test
    void eachStageSectionCarriesTheConfigurationItRanUnder(@TempDir Path dir) throws Exception {
        Path root = SparkTestBase.projectRoot().toAbsolutePath().normalize();
        Path config = dir.resolve("neraca.yaml");
        Path rules = dir.resolve("rules.yaml");
        Files.copy(root.resolve("data/config/classify-rules.yaml"), rules);
        Files.writeString(config, "run:\n  reference_dir: " + root.resolve("data/reference") + "\n  mappings_dir: "
                + root.resolve("data/marketplaces") + "\nclassify:\n  rules_file: rules.yaml\n");

        Manifest first = Manifest.start("run-1", "run", Optional.empty());
        first.configFiles(NeracaConfig.load(config, List.of()));
        first.stage("ClassifySales");
        first.stage("AggregateMonthly");
        String fp1 = new ObjectMapper().readTree(first.toJson()).at("/configuration/fingerprint").asText();
        assertEquals(64, fp1.length());

        // the rules edited, classify run alone
        Files.writeString(rules, Files.readString(rules) + "\n# edited\n");
        Manifest second = Manifest.start("run-2", "classify", Optional.of(first.toJson()));
        second.configFiles(NeracaConfig.load(config, List.of()));
        second.stage("ClassifySales");
        JsonNode stages = new ObjectMapper().readTree(second.toJson()).path("stages");
        String fp2 = new ObjectMapper().readTree(second.toJson()).at("/configuration/fingerprint").asText();
        assertFalse(fp1.equals(fp2), "the edited rules change the fingerprint");
        assertEquals(fp2, stages.at("/ClassifySales/configuration_fingerprint").asText());
        assertEquals(fp1, stages.at("/AggregateMonthly/configuration_fingerprint").asText(), "the aggregate ran under the old rules");

    }

    /**
     * A report written after the rules were edited (no classify since): its figures come from outputs made with the old
     * rules. The lineage keeps the old configuration's files beside the new one's, the changed file is named, the
     * stage warns and says what to rerun, and a configuration no stage refers to any more is dropped.
     */
    @Test
    void aStageRunAfterTheRulesChangedKeepsTheOldConfigurationAndWarns(@TempDir Path dir) throws Exception {
        Path root = SparkTestBase.projectRoot().toAbsolutePath().normalize();
        Path config = dir.resolve("neraca.yaml");
        Path rules = dir.resolve("rules.yaml");
        Files.copy(root.resolve("data/config/classify-rules.yaml"), rules);
        Files.writeString(config, "run:\n  reference_dir: " + root.resolve("data/reference") + "\n  mappings_dir: "
                + root.resolve("data/marketplaces") + "\nclassify:\n  rules_file: rules.yaml\n");
        String oldRulesSha = Hashing.sha256(rules);

        Manifest first = Manifest.start("run-1", "run", Optional.empty());
        first.configFiles(NeracaConfig.load(config, List.of()));
        for (String[] stage : Pipeline.CHAIN) first.stage(stage[0]);
        first.finish("SUCCEEDED");
        String fp1 = first.root().at("/configuration/fingerprint").asText();
        assertEquals(List.of(fp1), fieldNames(first.root().path("configurations")));
        assertEquals(null, Pipeline.configurationDrift(first, "WriteReport"), "one run, one configuration");

        Files.writeString(rules, Files.readString(rules) + "\n# edited\n");
        Manifest report = Manifest.start("run-2", "report", Optional.of(first.toJson()));
        report.configFiles(NeracaConfig.load(config, List.of()));
        String fp2 = report.root().at("/configuration/fingerprint").asText();
        assertEquals(List.of(rules.toString()), report.changedSince(fp1), "only the rules file changed");
        String drift = Pipeline.configurationDrift(report, "WriteReport");
        assertTrue(drift.startsWith("the outputs of IngestDumps (run run-1), ClassifySales (run run-1), AggregateMonthly (run run-1), "
                + "ProjectTo2030 (run run-1) were made under an earlier configuration (changed since: " + rules + ")"), drift);
        assertTrue(drift.endsWith("rerun from the first stage it concerns (of `neraca ingest`, `neraca classify`, `neraca aggregate`, "
                + "`neraca project`, `neraca report`), or `neraca run`"), drift);
        // counting only the files each stage reads: ingest does not read the rules, so its outputs are current and the
        // rerun starts at classify
        String read = Pipeline.configurationDrift(report, "WriteReport", Pipeline.readers(NeracaConfig.load(config, List.of())));
        assertTrue(read.startsWith("the outputs of ClassifySales (run run-1), AggregateMonthly (run run-1), ProjectTo2030 (run run-1) "
                + "were made under an earlier configuration (changed since: " + rules + ")"), read);
        assertTrue(read.endsWith("(of `neraca classify`, `neraca aggregate`, `neraca project`, `neraca report`), or `neraca run`"), read);
        assertEquals(null, Pipeline.configurationDrift(report, "ClassifySales", Pipeline.readers(NeracaConfig.load(config, List.of()))),
                "classify rerun alone after the rules changed: nothing upstream of it read them");
        report.stage("WriteReport");
        report.finish("SUCCEEDED");
        JsonNode kept = report.root().path("configurations");
        assertEquals(List.of(fp1, fp2), fieldNames(kept), "the old rules stay traceable while outputs made with them remain");
        assertTrue(kept.path(fp1).path("files").toString().contains(oldRulesSha), "the old configuration keeps the old rules' hash");

        // everything rerun under the new rules: the old configuration goes
        Manifest rerun = Manifest.start("run-3", "run", Optional.of(report.toJson()));
        rerun.configFiles(NeracaConfig.load(config, List.of()));
        for (String[] stage : Pipeline.CHAIN) rerun.stage(stage[0]);
        assertEquals(null, Pipeline.configurationDrift(rerun, "WriteReport"));
        rerun.finish("SUCCEEDED");
        assertEquals(List.of(fp2), fieldNames(rerun.root().path("configurations")));
    }

    /**
     * The configuration copied to another folder and its rules edited there, then `neraca classify --config COPY` (the
     * audit of 2 Dec 2026): every file had another path, so every one was "changed", the rules by their old path, which
     * the stages' readers did not know, and classify warned that ingest's outputs were made under an earlier
     * configuration. Files are paired by name across the move: only the edited rules changed, named by their new path.
     */
    @Test
    void aCopiedConfigurationComparesItsFilesByNameNotByPath(@TempDir Path dir) throws Exception {
        Path root = SparkTestBase.projectRoot().toAbsolutePath().normalize();
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        String yaml = "run:\n  reference_dir: " + root.resolve("data/reference") + "\n  mappings_dir: "
                + root.resolve("data/marketplaces") + "\nclassify:\n  rules_file: rules.yaml\n";
        Files.writeString(a.resolve("neraca.yaml"), yaml);
        Files.copy(root.resolve("data/config/classify-rules.yaml"), a.resolve("rules.yaml"));
        Manifest first = Manifest.start("run-1", "run", Optional.empty());
        first.configFiles(NeracaConfig.load(a.resolve("neraca.yaml"), List.of()));
        for (String[] stage : Pipeline.CHAIN) first.stage(stage[0]);
        first.finish("SUCCEEDED");
        String fp1 = first.root().at("/configuration/fingerprint").asText();

        Files.writeString(b.resolve("neraca.yaml"), yaml);
        Files.writeString(b.resolve("rules.yaml"), Files.readString(a.resolve("rules.yaml")) + "\n# edited in the copy\n");
        NeracaConfig.Loaded copy = NeracaConfig.load(b.resolve("neraca.yaml"), List.of());
        Manifest classify = Manifest.start("run-2", "classify", Optional.of(first.toJson()));
        classify.configFiles(copy);
        assertEquals(List.of(b.resolve("rules.yaml").toString()), classify.changedSince(fp1),
                "the config file moved unchanged; the rules changed, named where they are now");
        assertEquals(null, Pipeline.configurationDrift(classify, "ClassifySales", Pipeline.readers(copy)),
                "ingest does not read the rules: nothing to rerun before classify");
        String report = Pipeline.configurationDrift(classify, "WriteReport", Pipeline.readers(copy));
        assertTrue(report.startsWith("the outputs of ClassifySales (run run-1), AggregateMonthly (run run-1), ProjectTo2030 (run run-1) "
                + "were made under an earlier configuration (changed since: " + b.resolve("rules.yaml") + ")"), report);

        // a file moved and edited under a name that is not unique on both sides is still counted, by its paths
        Files.copy(b.resolve("rules.yaml"), Files.createDirectories(b.resolve("more")).resolve("rules.yaml"));
        Files.writeString(b.resolve("neraca.yaml"), yaml + "  brand_origins: more/rules.yaml\n");
        NeracaConfig.Loaded two = NeracaConfig.load(b.resolve("neraca.yaml"), List.of());
        Manifest again = Manifest.start("run-3", "classify", Optional.of(first.toJson()));
        again.configFiles(two);
        assertTrue(again.changedSince(fp1).contains(a.resolve("rules.yaml").toString()), again.changedSince(fp1).toString());
    }

    /**
     * A manifest written before configurations were kept (no {@code configurations}): its last configuration is what
     * its stages ran under, and is kept as such.
     */
    @Test
    void aManifestFromBeforeTheHistoryKeepsItsConfiguration(@TempDir Path dir) throws Exception {
        Path root = SparkTestBase.projectRoot().toAbsolutePath().normalize();
        Path config = dir.resolve("neraca.yaml");
        Files.writeString(config, "run:\n  reference_dir: " + root.resolve("data/reference") + "\n  mappings_dir: "
                + root.resolve("data/marketplaces") + "\n");
        Manifest old = Manifest.start("run-1", "run", Optional.empty());
        old.configFiles(NeracaConfig.load(config, List.of()));
        old.stage("ClassifySales");
        old.root().remove("configurations");
        String fp1 = old.root().at("/configuration/fingerprint").asText();
        Manifest next = Manifest.start("run-2", "report", Optional.of(old.toJson()));
        assertEquals(List.of(fp1), fieldNames(next.root().path("configurations")));
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
