package id.neraca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.neraca.Neraca;
import id.neraca.SparkTestBase;
import id.neraca.core.Hashing;
import id.neraca.core.NeracaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run that fails in a late stage, through the command line: ingest, classify and aggregate commit their outputs,
 * then the projection fails at run time (a benchmarks file that exists, so the configuration check passes, but holds
 * a bad row). out/ must be left exactly as the previous run left it, every file with its bytes (Parquet, CSV, JSON,
 * the report, manifest.json), plus manifest.failed.json naming the outputs restored (docs/OPERATIONS.md, "Safe outputs").
 */
class FailedRunRollbackTest {
    @TempDir
    Path tmp;

    private static TreeMap<String, String> snapshot(Path out) throws IOException {
        TreeMap<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.toList()) {
                String rel = out.relativize(p).toString();
                if (!rel.isEmpty()) m.put(rel, Files.isDirectory(p) ? "<dir>" : Hashing.sha256(p));
            }
        }
        return m;
    }

    private static int run(Path out, Path config, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--dumps", SparkTestBase.projectRoot().resolve("data/samples").toString(),
                "--out", out.toString(), "--config", config.toString(), "--demo-key", "--quiet", "--master", "local[2]"));
        args.addAll(List.of(extra));
        return Neraca.execute(args.toArray(new String[0]));
    }

    @Test
    void aRunFailingInTheProjectionLeavesThePreviousOutputsByteIdentical() throws IOException {
        Path root = SparkTestBase.projectRoot();
        Path config = root.resolve("data/config/neraca.yaml");
        Path badBenchmarks = tmp.resolve("econ_benchmarks.csv");
        Files.writeString(badBenchmarks, "report_year,year,metric,value_usd_bn,kind,source,confidence\n"
                + "2023,2023,ecommerce_gmv,62,estimate,e-Conomy SEA 2023,very high\n");
        Path badConfig = tmp.resolve("neraca-bad.yaml");
        String text = Files.readString(config)
                .replace("../reference", root.resolve("data/reference").toString())
                .replace("../marketplaces", root.resolve("data/marketplaces").toString())
                .replace("rules_file: classify-rules.yaml", "rules_file: " + root.resolve("data/config/classify-rules.yaml"))
                .replace("benchmarks_file: econ_benchmarks.csv", "benchmarks_file: " + badBenchmarks);
        assertTrue(text.contains(badBenchmarks.toString()), "the bad benchmarks file is configured");
        Files.writeString(badConfig, text);

        Path out = tmp.resolve("out");
        assertEquals(0, run(out, config), "the previous run");
        TreeMap<String, String> before = snapshot(out);
        for (String o : List.of("sales", "classified", "aggregates", "projection", "report", "ingest_state", "manifest.json",
                "reconciliation.csv")) {
            assertTrue(before.containsKey(o), o + " from the previous run");
        }

        assertEquals(NeracaException.EXIT_DATA, run(out, badConfig, "--full"), "the projection fails on the benchmarks file");

        TreeMap<String, String> after = snapshot(out);
        assertNotNull(after.remove("manifest.failed.json"), "the failure is described in manifest.failed.json");
        after.remove(".manifest.failed.json.crc");
        assertEquals(before, after, "out/ is exactly the previous run's: same files, same bytes");
        assertFalse(Files.exists(out.resolve(".trash")));
        assertFalse(Files.exists(out.resolve(".staging")));
        assertFalse(Files.exists(out.resolve(".neraca.lock")));

        JsonNode failed = new ObjectMapper().readTree(out.resolve("manifest.failed.json").toFile());
        assertEquals("FAILED", failed.path("status").asText());
        assertTrue(failed.path("error").asText().contains("econ_benchmarks.csv"), failed.path("error").asText());
        List<String> restored = new ArrayList<>();
        failed.path("outputs_restored").forEach(n -> restored.add(n.asText()));
        assertTrue(restored.containsAll(List.of("sales", "ingest_state", "classified", "aggregates")), restored.toString());
        assertFalse(restored.contains("projection"), restored.toString());
        assertEquals("aggregates", restored.get(0), "undone newest first: " + restored);
    }
}
