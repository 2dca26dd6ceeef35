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
}
