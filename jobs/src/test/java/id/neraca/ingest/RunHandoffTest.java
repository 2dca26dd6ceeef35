package id.neraca.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import id.neraca.SparkTestBase;
import id.neraca.aggregate.AggregateMonthly;
import id.neraca.classify.ClassifySales;
import id.neraca.config.NeracaConfig;
import id.neraca.core.Manifest;
import id.neraca.core.OutputStore;
import id.neraca.core.Pipeline;
import id.neraca.core.Stage;
import id.neraca.core.StageContext;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ingest, classify and aggregate chained as {@code neraca run} chains them (one Pipeline and context: a small run
 * hands its sales and classified rows from stage to stage, core.Handoffs) against the same stages run one at a time,
 * each reading the previous one's table from out/: the same classified rows and byte-identical aggregates, the
 * manifests name the input each stage used, and no cached data or staging is left behind.
 */
class RunHandoffTest extends SparkTestBase {
    @TempDir
    Path tmp;

    private Path config() throws IOException {
        Path f = tmp.resolve("config/neraca.yaml");
        if (Files.exists(f)) return f;
        Path ref = IngestFixtures.reference(tmp);
        Files.copy(projectRoot().resolve("data/reference/brand_origins.csv"), ref.resolve("brand_origins.csv"));
        Files.createDirectories(f.getParent());
        Files.writeString(f, "run:\n  reference_dir: " + ref + "\n  mappings_dir: " + IngestFixtures.mappings()
                + "\n  shuffle_partitions: 2\ningest:\n  max_quarantine_share: 0.5\n  max_order_date: \"2026-11-29\"\n"
                + "classify:\n  rules_file: " + projectRoot().resolve("data/config/classify-rules.yaml").toAbsolutePath() + "\n");
        return f;
    }

    /** One CLI-like run of {@code stages}: lock, recover, the stages through Pipeline, the manifest committed. */
    private JsonNode run(Path out, String runId, List<Stage> stages) throws IOException {
        NeracaConfig.Loaded config = NeracaConfig.load(config(), List.of("ingest", "classify", "aggregate"));
        try (OutputStore o = OutputStore.local(out.toString(), runId)) {
            o.lock();
            o.recover();
            Manifest m = Manifest.start(runId, "run", o.readText(Manifest.FILE));
            StageContext ctx = new StageContext(spark, config, IngestFixtures.dumps().toString(), out.toString(), o, m,
                    new StageContext.RunOptions(true, true, false));
            Pipeline.run(ctx, stages);
            m.finish("SUCCEEDED");
            o.writeText(Manifest.FILE, m.toJson());
            o.finish();
            return m.root().deepCopy();
        }
    }

    private static List<String> classified(Path out) {
        return spark.read().parquet(out.resolve("classified").toString()).orderBy(col("sale_id")).collectAsList().stream()
                .map(Row::toString).toList();
    }

    @Test
    void aWholeRunHandsItsSmallTablesOnAndWritesWhatTheStagesWriteAlone() throws IOException {
        Path whole = tmp.resolve("whole");
        JsonNode m = run(whole, "whole", List.of(new IngestDumps(), new ClassifySales(), new AggregateMonthly()));
        assertTrue(m.at("/stages/IngestDumps/sales_handed_off").asBoolean(), m.toString());
        // a few KB of dumps: ingest and the aggregate interpret their expressions, classify never (core.SmallInputs)
        assertTrue(m.at("/stages/IngestDumps/interpreted_expressions").asBoolean());
        assertTrue(m.at("/stages/AggregateMonthly/interpreted_expressions").asBoolean());
        assertTrue(m.at("/stages/ClassifySales/interpreted_expressions").isMissingNode());
        assertEquals("FALLBACK", spark.conf().get("spark.sql.codegen.factoryMode"), "the session's setting restored");
        assertEquals("ingest handoff", m.at("/stages/ClassifySales/sales_from").asText());
        assertTrue(m.at("/stages/ClassifySales/classified_handed_off").asBoolean());
        assertEquals("classify handoff", m.at("/stages/AggregateMonthly/classified_from").asText());
        assertTrue(spark.sparkContext().getPersistentRDDs().isEmpty(), "the handed-off rows are released after the run");
        assertFalse(Files.exists(whole.resolve(".staging")), "the ingest scratch file goes with the run's staging");

        Path alone = tmp.resolve("alone");
        JsonNode ingest = run(alone, "alone-1", List.of(new IngestDumps()));
        JsonNode classify = run(alone, "alone-2", List.of(new ClassifySales()));
        JsonNode aggregate = run(alone, "alone-3", List.of(new AggregateMonthly()));
        assertTrue(ingest.at("/stages/IngestDumps/sales_handed_off").asBoolean(), "offered, and released unused");
        assertEquals("out/sales", classify.at("/stages/ClassifySales/sales_from").asText());
        assertEquals("out/classified", aggregate.at("/stages/AggregateMonthly/classified_from").asText());
        assertTrue(spark.sparkContext().getPersistentRDDs().isEmpty());

        List<String> rows = classified(whole);
        assertTrue(rows.size() >= 20, "fixture dumps classified: " + rows.size());
        assertEquals(classified(alone), rows);
        for (String f : List.of("monthly_detail.csv", "monthly_headline.csv", "annual_headline.csv")) {
            assertArrayEquals(Files.readAllBytes(alone.resolve("aggregates").resolve(f)),
                    Files.readAllBytes(whole.resolve("aggregates").resolve(f)), f);
        }
        // the handed-off sales come with ingest's count of them, which the stage alone counts from out/sales
        assertEquals(m.at("/stages/IngestDumps/accepted").asLong(), m.at("/stages/ClassifySales/rows_in").asLong());
        for (String k : List.of("/stages/ClassifySales/origin_class", "/stages/ClassifySales/rows_in",
                "/stages/ClassifySales/rows_out", "/stages/AggregateMonthly/completed_gmv_idr",
                "/stages/AggregateMonthly/rows_out")) {
            assertEquals(k.contains("Classify") ? classify.at(k) : aggregate.at(k), m.at(k), k);
        }
    }
}
