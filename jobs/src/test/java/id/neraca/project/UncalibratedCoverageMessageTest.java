package id.neraca.project;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new user's first run on fourteen months of their own dumps (October 2024 to November 2025): no calendar year is
 * whole, so the default benchmark calibration cannot find its factor; the run stopped (exit 3) and rolled back. The
 * message said "no year has both a full year of observed sales ([])": an empty list, no word of which months each
 * year has, of the file the benchmark rows go into, or of how to read the observed shares meanwhile. Now nothing is
 * projected, the summary says why, and the run goes on to the report of the observed shares.
 */
class UncalibratedCoverageMessageTest {
    @Test
    void fourteenMonthsWithNoWholeCalendarYearSayWhatEachYearHasAndWhatToDo() throws Exception {
        List<Row> rows = new ArrayList<>();
        YearMonth first = YearMonth.of(2024, 10);
        for (int i = 0; i < 14; i++) {
            BigDecimal t = BigDecimal.valueOf(2.0e8 * (1 + 0.1 * Math.sin(i))).setScale(2, RoundingMode.HALF_UP);
            BigDecimal q = t.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
            rows.add(RowFactory.create(first.plusMonths(i).toString(), t, q, q, BigDecimal.ZERO));
        }
        ProjectConfig cfg = new ProjectConfig(20300101L, 1000, 2040, null, null, null, null,
                new ProjectConfig.CoverageSection("benchmark_calibration", null, null, null, null, null, 0.15), null, null);
        java.nio.file.Path ref = id.neraca.SparkTestBase.projectRoot().resolve("data/reference");
        Projection.Input in = ProjectTo2030.input(rows, new ArrayList<>());
        // not a failure of the run any more (it rolled every output back, the observed shares included): nothing is
        // projected, the summary says why, and the run goes on to the report
        Projection.Result r = ProjectTo2030.project(cfg, ref, in);
        assertEquals("not_projected", r.summary().path("status").asText());
        assertEquals(Projection.CAUSE_NO_CALIBRATION_YEAR, r.summary().path("not_projected_cause").asText());
        assertTrue(r.series().isEmpty() && r.targets().stream().allMatch(t -> t.projected() == null), r.summary().toString());
        String m = r.summary().path("not_projected_reason").asText();
        assertTrue(m.contains("no year has both a full year of observed sales"), m);
        assertTrue(m.contains("2024: 3 months, 2025: 11 months"), m);
        assertTrue(m.contains("econ_benchmarks.csv"), m);
        assertTrue(m.contains("project.coverage.method: factor"), m);
        assertTrue(r.warnings().contains(m), r.warnings().toString());
    }
    /**
     * 36 months of the samples with four months missing in the middle (2024-05 to 2024-08): the models use the 16 months
     * after the gap, which hold no whole calendar year. The reason said no fully observed year has a benchmark and told
     * the user to add a benchmark row or configure a factor, while the dumps hold the whole of 2023, which has one: the
     * gap is why. The reason names the year and the way out.
     */
    @Test
    void aGapThatCutsOffAWholeBenchmarkYearIsNamedAsTheCause() throws Exception {
        List<Row> rows = new ArrayList<>();
        YearMonth m = YearMonth.of(2023, 1);
        for (int i = 0; i < 36; i++, m = m.plusMonths(1)) {
            if (!m.isBefore(YearMonth.of(2024, 5)) && !m.isAfter(YearMonth.of(2024, 8))) continue;
            BigDecimal t = BigDecimal.valueOf(2.0e8 * (1 + 0.1 * Math.sin(i))).setScale(2, RoundingMode.HALF_UP);
            BigDecimal q = t.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
            rows.add(RowFactory.create(m.toString(), t, q, q, BigDecimal.ZERO));
        }
        ProjectConfig cfg = new ProjectConfig(20300101L, 1000, 2040, null, null, null, null,
                new ProjectConfig.CoverageSection("benchmark_calibration", null, null, null, null, null, 0.15), null, null);
        java.nio.file.Path ref = id.neraca.SparkTestBase.projectRoot().resolve("data/reference");
        Projection.Input in = ProjectTo2030.input(rows, new ArrayList<>());
        assertEquals(YearMonth.of(2024, 9), in.months().get(0));
        Projection.Result r = ProjectTo2030.project(cfg, ref, in, ProjectTo2030.fullYearsBefore(rows, in));
        assertEquals(Projection.CAUSE_NO_CALIBRATION_YEAR, r.summary().path("not_projected_cause").asText());
        String reason = r.summary().path("not_projected_reason").asText();
        assertTrue(reason.contains("The dumps do hold the whole of 2023, but those months come before a gap or an empty month, "
                + "and the models and the calibration use only the contiguous months 2024-09 to 2025-12"), reason);
        assertTrue(reason.contains("fill the missing months to calibrate on it"), reason);
        // without a whole year before the gap: as before
        assertTrue(ProjectTo2030.fullYearsBefore(rows.subList(3, rows.size()), in).isEmpty());
    }
}
