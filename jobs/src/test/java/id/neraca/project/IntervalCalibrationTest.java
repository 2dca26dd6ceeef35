package id.neraca.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.SparkTestBase;
import id.neraca.core.NeracaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The measured coverage of the published intervals (data/reference/interval_calibration.csv) travels into summary.json,
 * where the report quotes it; the file is checked as any reference file, and the figures docs/PROJECTION.md quotes are
 * the file's.
 */
class IntervalCalibrationTest {
    static final String HEADER = String.join(",", IntervalCalibration.COLUMNS) + "\n";

    static String row(String process, int months, String weighting, String horizon, int nominal, String covered) {
        return String.join(",", process, "\"a level, wandering\"", "tingkat", String.valueOf(months), weighting, horizon,
                String.valueOf(nominal), covered, "150", "1000", "\"EnsembleCoverageStudy " + process + "\"", "abc1234", "2026-12-01") + "\n";
    }

    static Path file(Path dir, String... rows) throws Exception {
        Path f = dir.resolve(IntervalCalibration.FILE);
        Files.writeString(f, HEADER + String.join("", rows), StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aMalformedRowIsADataErrorNamingItsLine(@TempDir Path dir) throws Exception {
        Map<String, String> bad = Map.of(
                row("w", 36, "inverse_mase", "year_7", 80, "72.0"), "horizon must be one of [month_6, month_24, year_5], got 'year_7'",
                row("w", 36, "inverse_mase", "year_5", 90, "72.0"), "nominal_pct must be 80 or 95, got 90",
                row("w", 36, "inverse_mase", "year_5", 80, "100.5"), "covered_pct must be between 0 and 100, got 100.5",
                row("w", 36, "by_vibes", "year_5", 80, "72.0"), "weighting must be one of",
                row("w", 0, "inverse_mase", "year_5", 80, "72.0"), "history_months must be positive, got 0",
                row("w", 36, "inverse_mase", "year_5", 80, "72.0").replace("2026-12-01", "1/12/2026"), "measured_on must be yyyy-MM-dd");
        for (var e : bad.entrySet()) {
            Path f = file(dir, row("w", 36, "inverse_mase", "year_5", 95, "99.3"), e.getKey());
            NeracaException x = assertThrows(NeracaException.class, () -> IntervalCalibration.load(f), e.getKey());
            assertEquals(3, x.exitCode());
            assertTrue(x.getMessage().contains(f + " (line 3): " + e.getValue()), x.getMessage());
        }
        Path twice = file(dir, row("w", 36, "inverse_mase", "year_5", 80, "72.0"), row("w", 36, "inverse_mase", "year_5", 80, "71.0"));
        assertTrue(assertThrows(NeracaException.class, () -> IntervalCalibration.load(twice)).getMessage()
                .contains("(line 3): a second row for process w, 36 months, inverse_mase, year_5, 80%"));
    }

    @Test
    void theSummaryHoldsTheRunsWeightingOnTheNearestHistoryLength(@TempDir Path dir) throws Exception {
        Path f = file(dir,
                row("w", 36, "inverse_mase", "year_5", 80, "72.0"),
                row("w", 36, "inverse_crps", "year_5", 80, "73.3"),
                row("w", 60, "inverse_mase", "year_5", 80, "78.5"));
        List<String> warnings = new ArrayList<>();
        ObjectNode s = IntervalCalibration.summary(f, "inverse_mase", 36, warnings);
        assertEquals(1, s.path("measured").size(), s.toString());
        JsonNode r = s.path("measured").get(0);
        assertEquals("a level, wandering", r.path("description_en").asText());
        assertEquals(0, new BigDecimal("72.0").compareTo(r.path("covered_pct").decimalValue()));
        assertEquals("2026-12-01", r.path("measured_on").asText());
        assertTrue(s.path("note").isNull());
        assertEquals(IntervalCalibration.FILE, s.path("file").asText(), "the name alone: no run-time path in summary.json");
        assertEquals(List.of(), warnings);
        // 48 months: as near to 36 as to 60, the shorter wins; 55: the 60-month measurement, and a note that it is another length
        assertEquals(36, IntervalCalibration.summary(f, "inverse_mase", 48, warnings).at("/measured/0/history_months").asInt());
        ObjectNode at55 = IntervalCalibration.summary(f, "inverse_mase", 55, warnings);
        assertEquals(60, at55.at("/measured/0/history_months").asInt());
        assertTrue(at55.path("note").asText().contains("measured on simulated histories of 60 months; this run's has 55"), at55.toString());
        ObjectNode equal = IntervalCalibration.summary(f, "equal", 36, warnings);
        assertEquals(0, equal.path("measured").size());
        assertTrue(equal.path("note").asText().contains("holds no measurement of the ensemble weighted by equal"), equal.toString());
        assertEquals(List.of(), warnings, "a file without the run's weighting is not a warning: the report says so");
    }

    /** The projection stage's summary carries it before its warnings; a reference folder without the file warns. */
    @Test
    void theProjectedSummaryCarriesItAndAMissingFileWarns(@TempDir Path dir) throws Exception {
        ProjectConfig cfg = ProjectionTest.config(200);
        Projection.Input in = ProjectionTest.synthetic(YearMonth.of(2023, 1), 36, 5);
        Path withFile = Files.createDirectories(dir.resolve("with"));
        file(withFile, row("w", 36, "inverse_mase", "year_5", 80, "72.0"), row("w", 36, "inverse_mase", "year_5", 95, "99.3"));
        Projection.Result r = ProjectTo2030.project(cfg, withFile, in);
        List<String> keys = new ArrayList<>();
        r.summary().fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("interval_calibration", "warnings"), keys.subList(keys.size() - 2, keys.size()), keys.toString());
        assertEquals(2, r.summary().at("/interval_calibration/measured").size());
        assertTrue(r.warnings().stream().noneMatch(w -> w.contains(IntervalCalibration.FILE)), r.warnings().toString());

        Path without = Files.createDirectories(dir.resolve("without"));
        Projection.Result m = ProjectTo2030.project(cfg, without, in);
        String expected = IntervalCalibration.FILE + " not found in the reference folder (run.reference_dir): how often the published "
                + "intervals hold the outcome is not stated";
        assertTrue(m.summary().at("/interval_calibration/note").asText().startsWith(expected), m.summary().toString());
        assertTrue(m.warnings().stream().anyMatch(w -> w.startsWith(expected)), m.warnings().toString());
        assertTrue(java.util.stream.StreamSupport.stream(m.summary().path("warnings").spliterator(), false)
                .anyMatch(w -> w.asText().startsWith(expected)), m.summary().toString());
        // the models' figures are the same either way
        assertEquals(r.summary().path("projection_2030"), m.summary().path("projection_2030"));
    }

    /**
     * The shipped file measures the published ensemble (inverse_mase) on 36-, 60- and 96-month histories at every horizon
     * and level for each of the eight simulated kinds of series, and docs/PROJECTION.md quotes its figures: "80% / 95%" per kind and horizon,
     * as the study wrote them. A rerun of the study that changes a figure fails here until the docs follow.
     */
    @Test
    void theShippedFileIsCompleteAndTheDocsQuoteIt() throws Exception {
        Path root = SparkTestBase.projectRoot();
        List<IntervalCalibration.Measured> rows = IntervalCalibration.load(root.resolve("data/reference").resolve(IntervalCalibration.FILE));
        Map<String, Map<String, BigDecimal[]>> byProcess = new TreeMap<>();
        for (IntervalCalibration.Measured m : rows) {
            if (!m.weighting().equals(ProjectConfig.INVERSE_MASE)) continue;
            byProcess.computeIfAbsent(m.process() + " " + m.historyMonths() + " months", k -> new TreeMap<>())
                    .computeIfAbsent(m.horizon(), k -> new BigDecimal[2])[m.nominalPct() == 80 ? 0 : 1] = m.coveredPct();
        }
        for (String process : List.of("holt0.3", "holt0.1", "trend", "ar0.6", "rwdrift", "llt", "damped", "shift")) {
            for (int months : List.of(36, 60, 96)) {
                assertTrue(byProcess.containsKey(process + " " + months + " months"), process + " " + months + ": " + byProcess.keySet());
            }
        }
        String docs = Files.readString(root.resolve("docs/PROJECTION.md"), StandardCharsets.UTF_8);
        for (var p : byProcess.entrySet()) {
            for (String h : IntervalCalibration.HORIZONS) {
                BigDecimal[] c = p.getValue().get(h);
                assertTrue(c != null && c[0] != null && c[1] != null, p.getKey() + " " + h + ": both levels measured");
                String quoted = pct(c[0]) + " / " + pct(c[1]);
                assertTrue(docs.contains(quoted), "docs/PROJECTION.md quotes " + p.getKey() + " " + h + " as " + quoted);
            }
        }
    }

    private static String pct(BigDecimal v) {
        return v.compareTo(BigDecimal.valueOf(100)) == 0 ? "100%" : String.format(Locale.ROOT, "%.1f%%", v);
    }
}
