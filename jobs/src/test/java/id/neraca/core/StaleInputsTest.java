package id.neraca.core;

import id.neraca.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stage run alone on outputs of different runs: an economist edits the classification rules, runs
 * {@code neraca classify}, then {@code neraca report}. The report's headline shares come from out/aggregates, made
 * with the previous rules; its evidence and Permendag tables from out/classified, made with the new ones. It was
 * written without a word; now the stage warns, names the commands to rerun, and the report carries the warning.
 */
class StaleInputsTest extends SparkTestBase {
    @TempDir
    Path out;

    /** A previous manifest: a whole run at 09:00, then `neraca classify` alone at 10:00. */
    private static String previous() {
        return """
                {"manifest_version": 1, "run_id": "20261130T100000Z-bbbb", "stages": {
                  "IngestDumps": {"run_id": "20261130T090000Z-aaaa", "started": "2026-11-30T09:00:01Z"},
                  "ClassifySales": {"run_id": "20261130T100000Z-bbbb", "started": "2026-11-30T10:00:01Z"},
                  "AggregateMonthly": {"run_id": "20261130T090000Z-aaaa", "started": "2026-11-30T09:00:03Z"},
                  "ProjectTo2030": {"run_id": "20261130T090000Z-aaaa", "started": "2026-11-30T09:00:04Z"},
                  "WriteReport": {"run_id": "20261130T090000Z-aaaa", "started": "2026-11-30T09:00:05Z"}}}
                """;
    }

    /** A stage that only records what the pipeline told it. */
    private static Stage probe(String name, String command, List<String> seen) {
        return new Stage() {
            public String name() {
                return name;
            }

            public String command() {
                return command;
            }

            public void run(StageContext ctx) {
                seen.add(ctx.manifest().stage(name).path("stale_inputs").asText(""));
            }
        };
    }

    private List<String> runAlone(String name, String command) {
        Manifest m = Manifest.start("20261130T110000Z-cccc", command, Optional.of(previous()));
        List<String> seen = new ArrayList<>();
        try (OutputStore store = OutputStore.local(out.toString(), "20261130T110000Z-cccc")) {
            StageContext ctx = new StageContext(spark, null, "dumps", out.toString(), store, m, StageContext.RunOptions.defaults());
            Pipeline.run(ctx, List.of(probe(name, command, seen)));
        }
        return seen;
    }

    @Test
    void aReportAfterClassifyAloneSaysItsAggregatesAreOlderThanTheClassification() {
        String stale = runAlone("WriteReport", "report").get(0);
        assertTrue(stale.contains("AggregateMonthly") && stale.contains("ClassifySales"), stale);
        assertTrue(stale.contains("neraca aggregate") && stale.contains("neraca project") && stale.contains("neraca run"), stale);
        // aggregate itself reads only out/classified, which is newer than its own output: nothing stale
        assertEquals("", runAlone("AggregateMonthly", "aggregate").get(0));
        assertEquals("", runAlone("ClassifySales", "classify").get(0));
    }

    @Test
    void stagesOfOneWholeRunAreNotStale() {
        Manifest m = Manifest.start("r", "run", Optional.of(previous().replace("10:00:01", "09:00:02")));
        List<String> seen = new ArrayList<>();
        try (OutputStore store = OutputStore.local(out.toString(), "20261130T110000Z-dddd")) {
            StageContext ctx = new StageContext(spark, null, "dumps", out.toString(), store, m, StageContext.RunOptions.defaults());
            Pipeline.run(ctx, List.of(probe("WriteReport", "report", seen)));
        }
        assertFalse(seen.isEmpty());
        assertEquals("", seen.get(0));
    }
}
