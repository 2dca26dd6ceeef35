package id.neraca.project;

import com.fasterxml.jackson.databind.JsonNode;
import id.neraca.core.NeracaException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The projection on short, noisy and degenerate histories: it finishes with a warning or stops with exit 3, never an
 * unexpected failure, and never publishes a value that is not finite, not representable in the outputs' decimal(24,2)
 * columns, or beyond the plausibility bound (docs/PROJECTION.md §5 "Plausibility"). Pure Java.
 */
class ProjectionRobustnessTest {
    /**
     * The monthly totals of the bundled TikTok Shop sample alone (2023-01 to 2025-12, one marketplace, 934 order lines):
     * with three full years the annual log-linear model has one degree of freedom, a Cauchy-tailed predictive
     * distribution, and its 95% interval reached Rp10^23 by 2040 (decimal(24,2) overflow: exit 1 before the fix).
     */
    static final double[] TIKTOK_ONLY = {1144426700d, 2052540300d, 2341864800d, 2088769100d, 3117281400d, 2650585100d, 1677813500d,
            3330597700d, 3062792600d, 2512104000d, 1242035000d, 2922573300d, 3988618000d, 2277251500d, 4314995800d, 3097007100d, 4200766300d,
            2447650700d, 3663003100d, 5011118200d, 2984870600d, 2928251500d, 3892807500d, 1732726200d, 3672617500d, 3071805700d, 7455901400d,
            2752922400d, 3632862800d, 3841398200d, 3115928500d, 4251785800d, 2648838000d, 5380719300d, 2554778200d, 3242098400d};

    /**
     * {@code neraca generate --rows 100 --seed 9223372036854775807}: 1–6 order lines a month, and October 2025 holds one
     * sale of Rp381,000 against a median month of Rp15 billion. Every weighted model's intervals explode.
     */
    static final double[] GENERATED_100_ROWS = {15425256000d, 25419483800d, 9646864500d, 12757340500d, 5560445500d,
            33844413400d, 12313905000d, 25711168500d, 4476104800d, 13156569000d, 4020072000d, 16284459500d, 7230440200d,
            23920537964.08, 17330040000d, 10894514000d, 29383921100d, 4017594.80, 17788183000d, 29554606800d, 5264679700d,
            16406446500d, 10468162500d, 32022572500d, 19722472000d, 7319064100d, 17091937343.81, 37557695600d, 16081408900d,
            20279176600d, 18866321100d, 19999483103.66, 12263475000d, 381000d, 50635861900d, 7526729000d};

    static Projection.Input input(YearMonth first, double[] total) {
        List<YearMonth> months = new ArrayList<>();
        double[] u = new double[total.length];
        double[] f = new double[total.length];
        for (int i = 0; i < total.length; i++) {
            months.add(first.plusMonths(i));
            u[i] = total[i] * 0.25;
            f[i] = total[i] * 0.45;
        }
        return new Projection.Input(months, total.clone(), u, f);
    }

    static ProjectConfig config() {
        return new ProjectConfig(20300101L, 2000, 2040, null, null, null, null,
                new ProjectConfig.CoverageSection("factor", 25000.0, null, null, null, null, 0.15), null, null);
    }

    /**
     * Every money value the stage writes (series and targets tables, summary.json) is a finite number that fits the
     * decimal(24,2) columns, and every projected value of a published model is within the plausibility bound.
     */
    static void assertPublishable(Projection.Result r, double reference) {
        for (Projection.SeriesRow row : r.series()) {
            for (Double v : new Double[]{row.value(), row.lo80(), row.hi80(), row.lo95(), row.hi95(), row.sampleValue()}) {
                assertRepresentable(v, row.toString());
            }
            if (row.kind().equals("PROJECTED") && row.series().equals(Projection.TOTAL)) {
                assertTrue(row.hi95() <= 1e6 * reference && row.value() >= reference / 1e6, "plausible: " + row);
            }
        }
        for (Projection.TargetRow t : r.targets()) {
            for (Double v : new Double[]{t.projected(), t.lo80(), t.hi80(), t.lo95(), t.hi95(), t.gap()}) assertRepresentable(v, t.toString());
        }
        assertFalse(r.summary().toString().matches(".*(NaN|Infinity).*"), r.summary().toString());
    }

    static void assertRepresentable(Double v, String where) {
        BigDecimal m = ProjectTo2030.money(v);
        if (v != null) assertNotNull(m, "finite: " + where);
        if (m != null) assertTrue(m.precision() - m.scale() <= 22, "fits decimal(24,2): " + m + " in " + where);
    }

    static double lastTwelve(double[] total, double factor) {
        double s = 0;
        for (int i = total.length - 12; i < total.length; i++) s += total[i] * factor;
        return s;
    }

    @Test
    void aModelWhoseIntervalsExplodeOnAShortNoisyHistoryIsDroppedWithAWarning() {
        Projection.Result r = new Projection(config(), Coverage.fixed(25000, 0.15)).run(input(YearMonth.of(2023, 1), TIKTOK_ONLY));
        String warnings = r.summary().get("warnings").toString();
        assertTrue(warnings.contains("model loglinear_annual dropped: its 95% interval for"), warnings);
        assertTrue(r.series().stream().noneMatch(x -> x.model().equals("loglinear_annual") && x.kind().equals("PROJECTED")),
                "a dropped model's projection is not published");
        JsonNode m = null;
        for (JsonNode x : r.summary().get("models")) if (x.get("name").asText().equals("loglinear_annual")) m = x;
        assertNotNull(m);
        assertEquals(0.0, m.get("weight").asDouble());
        assertTrue(m.get("warning").asText().startsWith("dropped: "), m.toString());
        // Holt's intervals are wide on this history (σ 0.34 a month) but honest: it stays, with its weight
        assertTrue(r.series().stream().anyMatch(x -> x.model().equals("holt_damped_seasonal") && x.kind().equals("PROJECTED")
                && x.period().equals("2040")));
        double w = 0;
        for (JsonNode x : r.summary().get("models")) w += x.get("weight").asDouble();
        assertEquals(1.0, w, 1e-5);
        assertTrue(r.summary().at("/projection_2030/value_idr").isIntegralNumber());
        assertPublishable(r, lastTwelve(TIKTOK_ONLY, 25000));
    }

    @Test
    void aHistoryTooNoisyForEveryModelStopsWithExit3AndSaysWhatToDo() {
        NeracaException e = assertThrows(NeracaException.class,
                () -> new Projection(config(), Coverage.fixed(25000, 0.15)).run(input(YearMonth.of(2023, 1), GENERATED_100_ROWS)));
        assertEquals(NeracaException.EXIT_DATA, e.exitCode());
        assertTrue(e.getMessage().contains("no model gives a credible projection from this history (36 months, 2023-01 to 2025-12; "
                + "its smallest month, 2025-10, holds"), e.getMessage());
        assertTrue(e.getMessage().contains("too short or too noisy to project. Add dumps"), e.getMessage());
        assertTrue(e.getMessage().contains("cagr_base: its 95% interval for"), e.getMessage());
    }

    @Test
    void thePlausibilityBoundIsAThousandTimesWithinFiveYearsAndGrowsAtThatPaceBeyond() {
        assertEquals(1000, Projection.plausibleMultiple(1), 1e-9);
        assertEquals(1000, Projection.plausibleMultiple(5), 1e-9);
        assertEquals(1e6, Projection.plausibleMultiple(10), 1e-3);
        YearMonth last = YearMonth.of(2025, 12);
        double ref = 1e15;
        List<Projection.SeriesRow> wide = List.of(new Projection.SeriesRow(Projection.TOTAL, "m", "annual", "2030", "PROJECTED",
                2e15, 1e13, 1e17, 2e12, 9.9e17, null));
        assertNull(Projection.implausible(wide, ref, last), "wide but within 1000×: honest, kept");
        List<Projection.SeriesRow> high = List.of(new Projection.SeriesRow(Projection.TOTAL, "m", "annual", "2030", "PROJECTED",
                2e15, 1e13, 1e17, 2e12, 1.1e18, null));
        assertTrue(Projection.implausible(high, ref, last).startsWith("its 95% interval for 2030 reaches"));
        List<Projection.SeriesRow> low = List.of(new Projection.SeriesRow(Projection.TOTAL, "m", "annual", "2030", "PROJECTED",
                2e15, 1e13, 1e17, 9e11, 1e17, null));
        assertTrue(Projection.implausible(low, ref, last).startsWith("its 95% interval for 2030 falls to"));
        List<Projection.SeriesRow> nan = List.of(new Projection.SeriesRow(Projection.TOTAL, "m", "monthly", "2026-01", "PROJECTED",
                Double.NaN, 1e13, 1e17, 9e11, 1e17, null));
        assertTrue(Projection.implausible(nan, ref, last).contains("not a finite number"));
        // 2040 is 15 years on: 10^9 × the reference, but never Rp10^21 or more
        List<Projection.SeriesRow> far = List.of(new Projection.SeriesRow(Projection.TOTAL, "m", "annual", "2040", "PROJECTED",
                2e15, 1e13, 1e17, 2e12, 1e20, null));
        assertNull(Projection.implausible(far, ref, last));
        List<Projection.SeriesRow> huge = List.of(new Projection.SeriesRow(Projection.TOTAL, "m", "annual", "2040", "PROJECTED",
                2e15, 1e13, 1e17, 2e12, 1e21, null));
        assertTrue(Projection.implausible(huge, ref, last).contains("the outputs hold"));
    }

    static ProjectConfig withTargets(List<ProjectConfig.Target> targets) {
        return new ProjectConfig(20300101L, 1000, 2040, null, null, null, null,
                new ProjectConfig.CoverageSection("factor", 100.0, null, null, null, null, 0.15), targets, null);
    }

    static ProjectConfig.Target target(String name, int year) {
        return new ProjectConfig.Target(name, name, null, year, new BigDecimal("400000000000000"), null);
    }

    /**
     * A target year with no observed full year and no projection (before the data, or a partly observed first year):
     * null figures and a warning naming the target and the key, never a NaN turned into a number (exit 1 before the
     * fix: NumberFormatException in the stage's log line). The other targets are answered as usual.
     */
    @Test
    void aTargetYearWithoutAValueGetsNullFiguresAndAWarningNamingTheKey() {
        ProjectConfig cfg = withTargets(List.of(target("early", 2010), target("partial", 2023), target("observed", 2024),
                target("future", 2030)));
        // June 2023 to December 2025: 2023 is observed for 7 months, 2024 in full, 2025 is the last year
        Projection.Input in = ProjectionTest.synthetic(YearMonth.of(2023, 6), 31, 4);
        Projection.Result r = new Projection(cfg, Coverage.fixed(100, 0.15)).run(in);
        String warnings = r.summary().get("warnings").toString();
        assertTrue(warnings.contains("target early (project.targets[0].year = 2010): 2010 is before the first modelled month "
                + "2023-06, so there is no national value to compare it with; its projection, intervals, gap and probability are "
                + "null. Set project.targets[0].year to a year from 2024 to 2040"), warnings);
        assertTrue(warnings.contains("target partial (project.targets[1].year = 2023): 2023 is observed for 7 month(s) only "
                + "and not projected"), warnings);
        for (int i = 0; i < 2; i++) {
            Projection.TargetRow t = r.targets().get(i);
            for (Object v : new Object[]{t.projected(), t.lo80(), t.hi80(), t.lo95(), t.hi95(), t.gap(), t.probability()}) {
                assertNull(v, t.toString());
            }
            JsonNode j = r.summary().get("targets").get(i);
            assertTrue(j.get("projected_idr").isNull() && j.get("gap_idr").isNull() && j.get("probability").isNull(), j.toString());
        }
        assertTrue(r.summary().get("projection_2010").get("value_idr").isNull(), "the first target's year has no projection");
        // an observed full year: the calibrated national value; its probability comes from the coverage factor's
        // uncertainty (ProjectionTest.aTargetInAFullyObservedYearGets…): Rp400 triliun is about 1.9 times the observed
        // Rp210 triliun, over 4 log sd (0.15) away, so P is positive and tiny
        Projection.TargetRow observed = r.targets().get(2);
        double v2024 = 0;
        for (int i = 7; i < 19; i++) v2024 += in.total()[i] * 100;
        assertEquals(v2024, observed.projected(), 1.0);
        assertTrue(observed.probability() > 0 && observed.probability() < 1e-3, observed.toString());
        assertNotNull(r.targets().get(3).projected());
        assertTrue(r.targets().get(3).probability() >= 0 && r.targets().get(3).probability() <= 1);
        assertPublishable(r, lastTwelve(in.total(), 100));
    }

    /**
     * A degenerate history: monthly sample totals from {@code first}, and what the stage must do with it: stop with
     * {@code exit} and a message containing {@code message}; or, with no exit but a message, project nothing and say
     * so ({@code status: not_projected}, the reason containing the message); or, with neither, project.
     */
    record Degenerate(String name, YearMonth first, double[] total, String coverage, Integer exit, String message) {}

    static double[] months(int n, java.util.function.IntToDoubleFunction v) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = v.applyAsDouble(i);
        return out;
    }

    static List<Degenerate> degenerateHistories() {
        double base = 2.0e10;
        return List.of(
                // the history's own reason, not the calibration's error (which sent the user to project.coverage.factor)
                new Degenerate("one month", YearMonth.of(2025, 12), months(1, i -> base), "benchmark_calibration", null,
                        "only 1 contiguous month of completed sales (2025-12 to 2025-12)"),
                new Degenerate("six months", YearMonth.of(2025, 7), months(6, i -> base), "benchmark_calibration", null,
                        "only 6 contiguous months of completed sales (2025-07 to 2025-12): a projection needs at least 12"),
                new Degenerate("one month, coverage factor", YearMonth.of(2025, 12), months(1, i -> base), "factor", null,
                        "only 1 contiguous month of"),
                new Degenerate("three months", YearMonth.of(2025, 10), months(3, i -> base * (1 + i)), "factor", null,
                        "only 3 contiguous months"),
                new Degenerate("twelve months", YearMonth.of(2025, 1), months(12, i -> base * (1 + 0.3 * Math.sin(i))),
                        "benchmark_calibration", null, "no year has both a full year of observed sales ([2025])"),
                new Degenerate("twelve months, coverage factor", YearMonth.of(2025, 1), months(12, i -> base * (1 + 0.3 * Math.sin(i))),
                        "factor", null, null),
                new Degenerate("twenty-five months: one backtest origin", YearMonth.of(2023, 12),
                        months(25, i -> base * (1 + 0.2 * Math.sin(i)) * (1 + 0.01 * i)), "benchmark_calibration", null, null),
                new Degenerate("thirteen months", YearMonth.of(2024, 12), months(13, i -> base * (1 + 0.3 * Math.sin(i))),
                        "factor", null, null),
                new Degenerate("thirteen months, no benchmark for their full year", YearMonth.of(2024, 12),
                        months(13, i -> base * (1 + 0.3 * Math.sin(i))), "benchmark_calibration", null,
                        "no year has both a full year of observed sales ([2025])"),
                new Degenerate("all zero", YearMonth.of(2023, 1), months(36, i -> 0), "benchmark_calibration", 3,
                        "the last observed month 2025-12 has no completed GMV"),
                new Degenerate("zeros but the last month", YearMonth.of(2023, 1), months(36, i -> i == 35 ? base : 0), "factor", null,
                        "only 1 contiguous month of"),
                new Degenerate("a zero month inside", YearMonth.of(2023, 1), months(36, i -> i == 20 ? 0 : base * (1 + 0.01 * i)),
                        "factor", null, null),
                new Degenerate("every month the same", YearMonth.of(2023, 1), months(36, i -> base), "benchmark_calibration", null, null),
                new Degenerate("an outlier month, ten times the others", YearMonth.of(2023, 1),
                        months(36, i -> i == 30 ? base * 10 : base * (1 + 0.2 * Math.sin(i))), "benchmark_calibration", null, null),
                new Degenerate("one huge outlier month", YearMonth.of(2023, 1),
                        months(36, i -> i == 30 ? base * 1e4 : base * (1 + 0.2 * Math.sin(i))), "benchmark_calibration", 3,
                        "its largest, 2025-07, 9,"),
                new Degenerate("one near-empty month", YearMonth.of(2023, 1),
                        months(36, i -> i == 30 ? 1000 : base * (1 + 0.2 * Math.sin(i))), "benchmark_calibration", 3,
                        "its smallest month, 2025-07, holds 4.9e-06% of the median month's sales"),
                new Degenerate("an outlier month beyond any economy", YearMonth.of(2023, 1),
                        months(36, i -> i == 30 ? 9e19 : base), "benchmark_calibration", 3, "the largest month, 2025-07, is 4,500,000,000 times the median month"),
                new Degenerate("an early outlier month beyond any economy, coverage factor", YearMonth.of(2023, 1),
                        months(36, i -> i == 6 ? 9e19 : base), "factor", 2,
                        "project.coverage.factor: the national value of the year 2023 would be"),
                new Degenerate("one rupiah a month", YearMonth.of(2023, 1), months(36, i -> 1 + (i % 3)), "benchmark_calibration", null, null),
                new Degenerate("sample near the aggregates' largest value", YearMonth.of(2023, 1), months(36, i -> 9e19),
                        "benchmark_calibration", null, null),
                new Degenerate("coverage factor that makes the sample larger than any economy", YearMonth.of(2023, 1),
                        months(36, i -> 9e19), "factor", 2, "project.coverage.factor"));
    }

    /**
     * Degenerate histories through the stage's own steps (ProjectTo2030.input from aggregate rows, the coverage
     * model of the configuration, Projection.run, the money conversion of the written tables, summary.json): each
     * finishes with only finite, representable, plausible values, or stops with the exit code and message of its
     * row, never another exception.
     */
    @Test
    void degenerateHistoriesFinishOrStopWithAnActionableExitNeverAnUnexpectedFailure() throws Exception {
        java.nio.file.Path ref = id.neraca.SparkTestBase.projectRoot().resolve("data/reference");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> failures = new ArrayList<>();
        for (Degenerate d : degenerateHistories()) {
            List<org.apache.spark.sql.Row> rows = new ArrayList<>();
            for (int i = 0; i < d.total().length; i++) {
                BigDecimal t = BigDecimal.valueOf(d.total()[i]).setScale(2, java.math.RoundingMode.HALF_UP);
                BigDecimal q = t.divide(BigDecimal.valueOf(4), 2, java.math.RoundingMode.HALF_UP);
                rows.add(org.apache.spark.sql.RowFactory.create(d.first().plusMonths(i).toString(), t, q, q, BigDecimal.ZERO));
            }
            ProjectConfig cfg = new ProjectConfig(20300101L, 1000, 2040, null, null, null, null,
                    new ProjectConfig.CoverageSection(d.coverage(), d.coverage().equals("factor") ? 25000.0 : null, null, null, null,
                            null, 0.15), null, null);
            try {
                List<String> warnings = new ArrayList<>();
                Projection.Input in = ProjectTo2030.input(rows, warnings);
                Projection.Result r = ProjectTo2030.project(cfg, ref, in);
                if (d.exit() == null && d.message() != null) {
                    // nothing projected: empty tables, every target without a value, the reason in the summary
                    String s = json.writeValueAsString(r.summary());
                    if (!r.summary().path("status").asText().equals("not_projected")
                            || !r.summary().path("not_projected_reason").asText().contains(d.message())
                            || !r.series().isEmpty() || !r.shares().isEmpty() || !r.backtest().isEmpty() || !r.models().isEmpty()
                            || r.targets().size() != cfg.targets().size()
                            || r.targets().stream().anyMatch(t -> t.projected() != null || t.probability() != null)
                            || !r.warnings().contains(r.summary().path("not_projected_reason").asText())) {
                        failures.add(d.name() + ": expected nothing projected (" + d.message() + "), got " + s);
                    }
                    continue;
                }
                Coverage.Result cov = ProjectTo2030.coverage(cfg, ref, in);
                if (!r.summary().path("status").asText().equals("projected")) failures.add(d.name() + ": status " + r.summary().get("status"));
                if (d.exit() != null) {
                    String publishable = "its values are publishable";
                    try {
                        assertPublishable(r, lastTwelve(in.total(), cov.factor()));
                    } catch (AssertionError e) {
                        publishable = e.getMessage();
                    }
                    failures.add(d.name() + ": expected exit " + d.exit() + ", finished (" + publishable + ")");
                    continue;
                }
                assertPublishable(r, lastTwelve(in.total(), cov.factor()));
                String s = json.writeValueAsString(r.summary());
                assertFalse(s.contains("NaN") || s.contains("Infinity"), d.name() + ": " + s);
                assertTrue(r.summary().at("/projection_2030/value_idr").isIntegralNumber(), d.name() + ": " + r.summary().get("projection_2030"));
            } catch (NeracaException e) {
                if (d.exit() == null || e.exitCode() != d.exit() || !e.getMessage().contains(d.message())) {
                    failures.add(d.name() + ": exit " + e.exitCode() + " " + e.getMessage());
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add(d.name() + ": " + e);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
