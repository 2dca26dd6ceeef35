package id.neraca.project;

import id.neraca.project.model.LogLinearSeasonal;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/** The projection end to end on synthetic series, and the coverage calibration. Pure Java. */
class ProjectionTest {
    static ProjectConfig config(int simulations) {
        return new ProjectConfig(7L, simulations, 2040, null, null, null, null,
                new ProjectConfig.CoverageSection("factor", 100.0, null, null, null, null, 0.15), null, null);
    }

    /** Monthly sample GMV growing 15% a year with ±20% seasonality and 3% noise; UMKM share logit-linear from 30%, -0.1/year. */
    static Projection.Input synthetic(YearMonth first, int n, long seed) {
        Well19937c rng = new Well19937c(seed);
        List<YearMonth> months = new ArrayList<>();
        double[] t = new double[n];
        double[] u = new double[n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            YearMonth m = first.plusMonths(i);
            months.add(m);
            double years = i / 12.0;
            t[i] = 1.5e11 * Math.pow(1.15, years) * Math.exp(0.2 * Math.sin(2 * Math.PI * (m.getMonthValue() - 1) / 12.0)
                    + 0.03 * rng.nextGaussian());
            double share = 1 / (1 + Math.exp(-(Math.log(0.3 / 0.7) - 0.1 * years)));
            u[i] = t[i] * share;
            f[i] = t[i] * 0.5;
        }
        return new Projection.Input(months, t, u, f);
    }

    /**
     * The shares' logit-linear model has AR(1) errors: a UMKM share that stepped up six months before the data end and
     * stayed there is projected from where it is, not pulled back to the line through three years (what independent
     * errors would do: the plain regression's first forecast is compared).
     */
    @Test
    void aShareThatSteppedUpAndStayedIsProjectedFromWhereItIs() {
        Projection.Input base = synthetic(YearMonth.of(2023, 1), 36, 4);
        int n = 36;
        double[] u = new double[n];
        double[] logit = new double[n];
        Well19937c rng = new Well19937c(9);
        for (int i = 0; i < n; i++) {
            logit[i] = -1.0 + (i >= 30 ? 0.6 : 0) + 0.03 * rng.nextGaussian();
            u[i] = base.total()[i] / (1 + Math.exp(-logit[i]));
        }
        Projection.Input in = new Projection.Input(base.months(), base.total(), u, base.foreignOrigin());
        Projection.Result r = new Projection(config(2000), Coverage.fixed(100, 0.15)).run(in);
        Projection.ShareRow first = r.shares().stream().filter(x -> x.series().equals("local_umkm_share")
                && x.frequency().equals("monthly") && x.kind().equals("PROJECTED") && x.period().equals("2026-01")).findFirst().orElseThrow();
        double last = 100 / (1 + Math.exp(-logit[n - 1]));
        double plain = 100 / (1 + Math.exp(-new LogLinearSeasonal(false, 0, "plain").fit(logit, 12, 0).forecast(1)[0]));
        assertTrue(Math.abs(first.valuePct() - last) < 2.0, "first projected month " + first.valuePct() + "% near the last observed "
                + last + "% (the plain regression: " + plain + "%)");
        assertTrue(Math.abs(plain - last) > 5.0, "the plain regression pulls it back to the line: " + plain + "% against " + last + "%");
    }

    @Test
    void answersEveryTargetQuestionWithIntervalsAndIsDeterministic() {
        ProjectConfig cfg = config(1000);
        Projection.Input in = synthetic(YearMonth.of(2023, 1), 36, 1);
        Coverage.Result cov = Coverage.fixed(100, 0.15);
        Projection.Result r = new Projection(cfg, cov).run(in);
        JsonNode s = r.summary();
        assertEquals("2025-12", s.get("last_observed_month").asText());
        assertEquals(36, s.get("months_observed").asInt());
        assertEquals("factor", s.at("/coverage/method").asText());
        assertEquals(100.0, s.at("/coverage/factor").asDouble(), 1e-9);
        assertEquals(100 * Math.exp(1.959964 * 0.15), s.at("/coverage/factor_hi95").asDouble(), 1e-3);
        assertEquals("ensemble", s.get("selected").asText());
        assertEquals(2025, s.get("last_observed_year").asInt());
        double v2025 = 0;
        for (int i = 24; i < 36; i++) v2025 += in.total()[i] * 100;
        assertEquals(Math.round(v2025), s.get("last_observed_year_value_idr").asLong(), 1.0);

        Map<String, JsonNode> models = new TreeMap<>();
        s.get("models").forEach(m -> models.put(m.get("name").asText() + "/" + m.get("frequency").asText(), m));
        for (String m : List.of("cagr_base/monthly", "loglinear_seasonal/monthly", "holt_damped_seasonal/monthly")) {
            assertTrue(models.get(m).get("supported").asBoolean(), m);
            assertTrue(models.get(m).get("mase").isNumber(), m + " has a backtest MASE");
        }
        double wsum = 0;
        for (JsonNode m : s.get("models")) wsum += m.get("weight").asDouble();
        assertEquals(1.0, wsum, 1e-4);

        JsonNode p = s.get("projection_2030");
        long v = p.get("value_idr").asLong();
        assertTrue(p.get("lo95_idr").asLong() <= p.get("lo80_idr").asLong() && p.get("lo80_idr").asLong() <= v
                && v <= p.get("hi80_idr").asLong() && p.get("hi80_idr").asLong() <= p.get("hi95_idr").asLong(), p.toString());
        // the generating process: 2030 is five years of 15% growth after 2025
        double truth = v2025 * Math.pow(1.15, 5);
        assertTrue(truth >= p.get("lo95_idr").asDouble() && truth <= p.get("hi95_idr").asDouble(),
                "true 2030 value " + truth + " inside the 95% interval " + p);

        assertEquals(2, s.get("targets").size());
        for (JsonNode t : s.get("targets")) {
            double target = t.get("target_idr").asDouble();
            double req = (Math.pow(target / v2025, 1.0 / 5) - 1) * 100;
            assertEquals(req, t.get("required_cagr_pct").asDouble(), 1e-3, t.toString());
            assertEquals(target - t.get("projected_idr").asDouble(), t.get("gap_idr").asDouble(), 1.0);
            double prob = t.get("probability").asDouble();
            assertTrue(prob >= 0 && prob <= 1);
            boolean reached = t.get("projected_idr").asDouble() >= target;
            assertEquals(reached, prob >= 0.5, "probability and central projection agree: " + t);
            if (t.get("crossing_year").isNull()) {
                assertEquals("not by 2040", t.get("crossing_label").asText());
            } else {
                int cy = t.get("crossing_year").asInt();
                assertEquals(String.valueOf(cy), t.get("crossing_label").asText());
                // central series crosses in that year and not the year before
                assertTrue(central(r, cy) >= target, t.toString());
                if (cy > 2025) assertTrue(central(r, cy - 1) < target, t.toString());
            }
        }
        JsonNode u = s.get("umkm");
        double share2025 = 0;
        for (int i = 24; i < 36; i++) share2025 += in.localUmkm()[i];
        assertEquals(share2025 / (v2025 / 100) * 100, u.get("share_last_year_pct").asDouble(), 1e-3);
        // logit(share) falls 0.1 a year from logit(0.3): mid-2030 is 7.5 years on
        double expected = 100 / (1 + Math.exp(-(Math.log(0.3 / 0.7) - 0.1 * 7.46)));
        assertEquals(expected, u.get("share_2030_pct").asDouble(), 0.3, u.toString());
        assertTrue(u.get("share_2030_lo95_pct").asDouble() < u.get("share_2030_pct").asDouble());
        assertEquals("logit_linear", u.get("trend").asText(), "36 months: the shares' trend is fitted");
        assertTrue(u.get("umkm_value_2030_idr").asLong() < u.get("foreign_origin_value_2030_idr").asLong());
        // the article's target is crossed within the projection, the ministry's is far off
        JsonNode article = s.get("targets").get(0);
        assertTrue(article.get("crossing_year").asInt() > 2025 && article.get("crossing_year").asInt() <= 2032, article.toString());
        assertTrue(s.get("targets").get(1).get("probability").asDouble() < 0.05);

        // every projected row has its intervals
        for (Projection.SeriesRow row : r.series()) {
            if (row.kind().equals("PROJECTED")) {
                assertNotNull(row.lo95());
                assertTrue(row.lo95() <= row.lo80() && row.lo80() <= row.value() && row.value() <= row.hi80()
                        && row.hi80() <= row.hi95(), row.toString());
            }
        }
        Projection.Result again = new Projection(cfg, cov).run(in);
        assertEquals(r.summary().toString(), again.summary().toString());
        assertEquals(r.series(), again.series());
    }

    private static double central(Projection.Result r, int year) {
        return r.series().stream().filter(x -> x.series().equals(Projection.TOTAL) && x.frequency().equals("annual")
                        && x.period().equals(String.valueOf(year))
                        && (x.model().equals(Projection.ENSEMBLE) || x.model().equals(Projection.OBSERVED)))
                .mapToDouble(Projection.SeriesRow::value).findFirst().orElse(Double.NaN);
    }

    @Test
    void shortHistoryWarnsAndFitsOnlyTheModelsItSupports() {
        Projection.Input in = synthetic(YearMonth.of(2024, 7), 18, 2);
        Projection.Result r = new Projection(config(500), Coverage.fixed(100, 0.15)).run(in);
        JsonNode s = r.summary();
        String warnings = s.get("warnings").toString();
        assertTrue(warnings.contains("only 18 months of history (< 24)"), warnings);
        for (JsonNode m : s.get("models")) {
            String name = m.get("name").asText();
            if (name.equals("loglinear_seasonal") || name.equals("holt_damped_seasonal")) {
                assertFalse(m.get("supported").asBoolean(), name);
                assertEquals(0.0, m.get("weight").asDouble());
                assertTrue(m.get("warning").asText().contains("18 months"), m.toString());
            }
            if (name.equals("cagr_base") && m.get("frequency").asText().equals("monthly")) {
                assertEquals(1.0, m.get("weight").asDouble(), 1e-9);
            }
        }
        assertTrue(r.series().stream().noneMatch(x -> x.model().equals("loglinear_seasonal")));
        // the scenario band gives the intervals: wide, never a point
        JsonNode p = s.get("projection_2030");
        assertTrue(p.get("hi95_idr").asDouble() / p.get("lo95_idr").asDouble() > 1.5, p.toString());
        assertEquals(2025, s.get("last_observed_year").asInt(), "2024 has 6 months, 2025 all 12");
        // what the report needs to call it an assumption, not an estimate (docs/OUTPUTS.md summary.json `basis`)
        assertEquals("growth_scenarios", s.path("basis").asText(), "only the base scenario carries weight");
        assertEquals(12.0, s.at("/scenarios/cagr_base_pct").asDouble());
        assertEquals(5.0, s.at("/scenarios/cagr_low_pct").asDouble());
        assertEquals(20.0, s.at("/scenarios/cagr_high_pct").asDouble());
        assertEquals("fitted_models", new Projection(config(500), Coverage.fixed(100, 0.15))
                .run(synthetic(YearMonth.of(2023, 1), 36, 1)).summary().path("basis").asText(), "36 months: fitted models weigh");

        // under a year: the models refuse, naming the months (the stage does not call them: Projection.notProjected)
        id.neraca.core.NeracaException e = assertThrows(id.neraca.core.NeracaException.class,
                () -> new Projection(config(500), Coverage.fixed(100, 0.15)).run(synthetic(YearMonth.of(2025, 3), 10, 3)));
        assertEquals(3, e.exitCode());
        assertTrue(e.getMessage().contains("only 10 contiguous months"), e.getMessage());
    }

    @Test
    void calibratesTheCoverageFactorOnOverlappingYears(@TempDir Path dir) throws Exception {
        Path bench = dir.resolve("econ_benchmarks.csv");
        Files.writeString(bench, """
                report_year,year,metric,value_usd_bn,kind,source,confidence
                2023,2023,ecommerce_gmv,62,estimate,"secondary, unverified",low
                2024,2024,ecommerce_gmv,65,estimate,"e-Conomy SEA 2024 (Google, Temasek, Bain)",high
                2024,2024,internet_economy_gmv,90,estimate,other definition,high
                2024,2025,internet_economy_gmv,130,projection,a forecast,medium
                2019,2019,ecommerce_gmv,21,estimate,no observed data that year,high
                """);
        Path fx = dir.resolve("fx_monthly.csv");
        StringBuilder sb = new StringBuilder("month,currency,idr_per_unit,source\n");
        for (int m = 1; m <= 12; m++) {
            sb.append(String.format("2023-%02d,USD,%s,fixture%n", m, m <= 6 ? "15000" : "16000"));
            sb.append(String.format("2024-%02d,USD,15000,fixture%n", m));
            sb.append(String.format("2024-%02d,CNY,2100,fixture%n", m));
        }
        Files.writeString(fx, sb.toString());
        Map<Integer, Integer> fxMonths = new TreeMap<>();
        Map<Integer, BigDecimal> avg = ReferenceCsv.annualAverage(fx, "USD", fxMonths);
        assertEquals(0, new BigDecimal("15500").compareTo(avg.get(2023)));
        assertEquals(12, fxMonths.get(2024));
        List<Coverage.Benchmark> b = ReferenceCsv.benchmarks(bench);
        assertEquals("e-Conomy SEA 2024 (Google, Temasek, Bain)", b.get(1).source());

        // observed: 2023 gives factor 62e9·15500/961e9 = 1000; 2024 gives 65e9·15000/886.36e9 = 1100
        Map<Integer, BigDecimal> observed = new TreeMap<>();
        observed.put(2023, new BigDecimal("961000000000"));
        observed.put(2024, new BigDecimal("65").multiply(new BigDecimal("15000000000000")).divide(new BigDecimal("1100"),
                2, java.math.RoundingMode.HALF_UP));
        Coverage.Result all = Coverage.calibrate(b, avg, observed, "ecommerce_gmv", "low", 0.15);
        assertEquals(2, all.points().size());
        assertEquals(1000.0, all.points().get(0).factor(), 1e-6);
        assertEquals(1100.0, all.points().get(1).factor(), 1e-3);
        assertEquals(Math.sqrt(1000 * 1100.0), all.factor(), 1e-3);
        assertEquals(0.15, all.sigmaLog(), 1e-12, "the spread ln(1.1)/√2 = 0.067 is below the floor");
        assertTrue(all.warnings().stream().anyMatch(w -> w.contains("low-confidence")), all.warnings().toString());
        Coverage.Result wide = Coverage.calibrate(b, avg, observed, "ecommerce_gmv", "low", 0.01);
        assertEquals(Math.log(1.1) / Math.sqrt(2), wide.sigmaLog(), 1e-5, "the spread across years when above the floor");

        Coverage.Result high = Coverage.calibrate(b, avg, observed, "ecommerce_gmv", "medium", 0.15);
        assertEquals(1, high.points().size());
        assertEquals(1100.0, high.factor(), 1e-3);

        id.neraca.core.NeracaException e = assertThrows(id.neraca.core.NeracaException.class,
                () -> Coverage.calibrate(b, avg, Map.of(2021, BigDecimal.TEN), "ecommerce_gmv", "low", 0.15));
        assertEquals(3, e.exitCode());
        assertTrue(e.getMessage().contains("project.coverage.method: factor"), e.getMessage());

        // the note and warnings go into projection/summary.json: the machine's locale must not change them (an
        // Indonesian-locale JVM wrote "× 1000,00" and "log sd 0,150" before every String.format said Locale.ROOT)
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("id-ID"));
            Coverage.Result indonesian = Coverage.calibrate(b, avg, observed, "ecommerce_gmv", "low", 0.15);
            assertEquals(all.note(), indonesian.note());
            assertEquals(all.warnings(), indonesian.warnings());
            assertTrue(indonesian.note().contains("= 1000.00") && indonesian.note().contains("log sd 0.150"), indonesian.note());
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
    /**
     * 25 months give the backtest one origin: one one-step error per model, too few to select or weight models by
     * (three of them got 0.61 / 0.27 / 0.12 from it). Every supported candidate is kept with an equal weight, and a warning says so;
     * at 27 months (3 origins) the backtest weights again.
     */
    @Test
    void fewerThanThreeBacktestOriginsGiveEqualWeights() {
        var s = new Projection(config(500), Coverage.fixed(100, 0.15)).run(synthetic(YearMonth.of(2023, 1), 25, 2)).summary();
        Map<String, Double> weights = new TreeMap<>();
        for (JsonNode m : s.get("models")) {
            if (m.get("frequency").asText().equals("monthly") && m.get("weight").asDouble() > 0) weights.put(m.get("name").asText(), m.get("weight").asDouble());
        }
        assertEquals(List.of("cagr_base", "drift_seasonal", "holt_damped_seasonal", "holt_linear_seasonal", "loglinear_seasonal"),
                List.copyOf(weights.keySet()), s.get("models").toString());
        for (double w : weights.values()) assertEquals(1 / 5.0, w, 1e-6, weights.toString());
        assertTrue(s.get("warnings").toString().contains("1 origin(s)") && s.get("warnings").toString().contains("equal weight"),
                s.get("warnings").toString());
        var s27 = new Projection(config(500), Coverage.fixed(100, 0.15)).run(synthetic(YearMonth.of(2023, 1), 27, 2)).summary();
        java.util.Set<Double> w27 = new java.util.HashSet<>();
        for (JsonNode m : s27.get("models")) if (m.get("weight").asDouble() > 0) w27.add(m.get("weight").asDouble());
        assertTrue(w27.size() > 1, "3 origins: weighted by the backtest " + s27.get("models"));
    }

    /**
     * Eight full years give the annual models a rolling-origin backtest (from 3 years on, up to 3 years ahead): the models
     * list carries each annual model's all-horizon MAPE and MASE as the backtest table gives them (it was null while the
     * table had them), and they stay a cross-check without weight; three full years have no annual backtest and say so.
     */
    /**
     * A steady trend with independent noise drives the drift model's θ to the lower edge of its grid: it is then a
     * deterministic trend, not the random walk its name says, and its models entry says so (the report shows it); a
     * wandering level leaves θ inside the grid and no note.
     */
    @Test
    void aDriftModelAtItsGridEdgeSaysItIsADeterministicTrend() {
        // seed 1: θ at -0.99 (seed 2: -0.80, inside the grid)
        var s = new Projection(config(300), Coverage.fixed(100, 0.15)).run(synthetic(YearMonth.of(2023, 1), 36, 1)).summary();
        JsonNode drift = null;
        for (JsonNode m : s.get("models")) if (m.get("name").asText().equals("drift_seasonal")) drift = m;
        assertTrue(drift != null && drift.get("warning").asText().contains("MA(1) theta at its grid's lower edge -0.99"), String.valueOf(drift));
        var inside = new Projection(config(300), Coverage.fixed(100, 0.15)).run(synthetic(YearMonth.of(2023, 1), 36, 2)).summary();
        for (JsonNode m : inside.get("models")) {
            if (m.get("name").asText().equals("drift_seasonal")) assertTrue(m.get("warning").isNull(), m.toString());
        }
        double[] y = HoltCoverageStudy.series(new Well19937c(2), 36, 0.3);
        List<YearMonth> months = new ArrayList<>();
        double[] t = new double[36];
        for (int i = 0; i < 36; i++) {
            months.add(YearMonth.of(2023, 1).plusMonths(i));
            t[i] = Math.exp(y[i]);
        }
        double[] half = t.clone();
        for (int i = 0; i < 36; i++) half[i] = t[i] / 2;
        var w = new Projection(config(300), Coverage.fixed(100, 0.15)).run(new Projection.Input(months, t, half, half)).summary();
        for (JsonNode m : w.get("models")) {
            if (m.get("name").asText().equals("drift_seasonal")) {
                assertFalse(m.get("warning").asText("").contains("grid's lower edge"), m.toString());
            }
        }
    }

    @Test
    void annualModelsCarryTheirBacktestErrorsWhenTheYearsAllowOne() {
        Projection.Result r = new Projection(config(300), Coverage.fixed(100, 0.15)).run(synthetic(YearMonth.of(2017, 1), 96, 3));
        Map<String, Projection.BacktestRow> overall = new TreeMap<>();
        for (Projection.BacktestRow b : r.backtest()) {
            if (b.frequency().equals("annual") && b.horizon() == 0) overall.put(b.model(), b);
        }
        assertEquals(List.of("cagr_base_annual", "drift_annual", "holt_damped_annual", "loglinear_annual"), List.copyOf(overall.keySet()));
        int annual = 0;
        for (JsonNode m : r.summary().get("models")) {
            if (!m.get("frequency").asText().equals("annual")) continue;
            annual++;
            Projection.BacktestRow b = overall.get(m.get("name").asText());
            assertEquals(b.mape(), m.get("mape").asDouble(), 1e-6, m.toString());
            assertEquals(b.mase(), m.get("mase").asDouble(), 1e-6, m.toString());
            assertTrue(m.get("mape").asDouble() > 0 && m.get("mape").asDouble() < 0.5, m.toString());
            assertEquals(0.0, m.get("weight").asDouble(), m.toString());
        }
        assertEquals(4, annual);
        var three = new Projection(config(300), Coverage.fixed(100, 0.15)).run(synthetic(YearMonth.of(2023, 1), 36, 3)).summary();
        for (JsonNode m : three.get("models")) {
            if (m.get("frequency").asText().equals("annual")) assertTrue(m.get("mape").isNull(), m.toString());
        }
        assertTrue(three.get("warnings").toString().contains("too few for an annual backtest"), three.get("warnings").toString());
    }

    /**
     * {@code backtest.max_horizon_months: auto} (the default) scores the years a long history lets it score, not only the
     * first: on nine years of steady 15% growth the horizons go to 36 months (12 at 36 months of history, as before),
     * the damped trend, as good as the others a year out and short of them three years out, loses weight, and the
     * ensemble's low tail (its damped paths) rises. Each figure against the same run with the horizons fixed at 12.
     */
    @Test
    void aLongHistoryScoresTheYearsItProjectsNotOnlyTheFirst() {
        Projection.Input nineYears = synthetic(YearMonth.of(2017, 1), 108, 5);
        Map<String, JsonNode> bySetting = new TreeMap<>();
        Map<String, Integer> longest = new TreeMap<>();
        for (String h : List.of("auto", "12")) {
            ProjectConfig cfg = new ProjectConfig(7L, 1000, 2040, null, null, new ProjectConfig.BacktestSection(null, h, null, null),
                    null, new ProjectConfig.CoverageSection("factor", 100.0, null, null, null, null, 0.0), null, null);
            Projection.Result r = new Projection(cfg, Coverage.fixed(100, 0.0)).run(nineYears);
            bySetting.put(h, r.summary());
            longest.put(h, r.backtest().stream().filter(b -> b.frequency().equals("monthly") && b.origin().equals("ALL"))
                    .mapToInt(Projection.BacktestRow::horizon).max().orElse(-1));
        }
        JsonNode auto = bySetting.get("auto");
        JsonNode twelve = bySetting.get("12");
        assertEquals(36, auto.get("backtest").get("max_horizon_months").asInt(), auto.get("backtest").toString());
        assertEquals("auto", auto.get("backtest").get("max_horizon_setting").asText());
        assertEquals(84, auto.get("backtest").get("origins").asInt());
        assertEquals(12, twelve.get("backtest").get("max_horizon_months").asInt());
        assertEquals(36, longest.get("auto"));
        assertEquals(12, longest.get("12"));
        double holtAuto = weight(auto, "holt_damped_seasonal");
        double holtTwelve = weight(twelve, "holt_damped_seasonal");
        assertTrue(holtAuto < 0.75 * holtTwelve, "Holt's weight " + holtAuto + " against " + holtTwelve + " scored a year ahead");
        // the damped paths are the ensemble's low tail: with less weight on them its 80% lower bound rises (seed 5:
        // Rp1,042 T against Rp911 T; the process's own 2030 value is Rp1,189 T), the upper bound hardly moves
        double lo80Auto = auto.get("projection_2030").get("lo80_idr").asDouble();
        double lo80Twelve = twelve.get("projection_2030").get("lo80_idr").asDouble();
        assertTrue(lo80Auto > 1.05 * lo80Twelve, "80% lower bound " + lo80Auto + " against " + lo80Twelve);
        assertEquals(1.0, auto.get("projection_2030").get("hi80_idr").asDouble() / twelve.get("projection_2030").get("hi80_idr").asDouble(),
                0.02);
        var three = new Projection(config(300), Coverage.fixed(100, 0.15)).run(synthetic(YearMonth.of(2023, 1), 36, 3)).summary();
        assertEquals(12, three.get("backtest").get("max_horizon_months").asInt(), "36 months of history: a year, as before");
        assertEquals(12, three.get("backtest").get("origins").asInt());
    }

    private static double weight(JsonNode summary, String model) {
        for (JsonNode m : summary.get("models")) {
            if (m.get("name").asText().equals(model) && m.get("frequency").asText().equals("monthly")) return m.get("weight").asDouble();
        }
        throw new AssertionError(model + " not in " + summary.get("models"));
    }

    /**
     * {@code weighting: inverse_crps}: the kept models' weights are ∝ 1/CRPS² of the CRPS the summary reports (the
     * mean over the backtest's origins and horizons), which the models table carries as {@code backtest_crps_log};
     * under the default inverse_mase no CRPS is computed (null) and the weights are ∝ 1/MASE². On 36 months of a
     * wandering-level series (HoltCoverageStudy's, α 0.3, seed 2) all five candidates are kept.
     */
    @Test
    void inverseCrpsWeightsTheKeptModelsByTheirReportedCrps() {
        double[] y = HoltCoverageStudy.series(new Well19937c(2), 36, 0.3);
        List<YearMonth> months = new ArrayList<>();
        double[] t = new double[36];
        double[] half = new double[36];
        for (int i = 0; i < 36; i++) {
            months.add(YearMonth.of(2023, 1).plusMonths(i));
            t[i] = Math.exp(y[i]);
            half[i] = t[i] / 2;
        }
        Map<String, Map<String, double[]>> byWeighting = new TreeMap<>();
        for (String w : List.of(ProjectConfig.INVERSE_MASE, ProjectConfig.INVERSE_CRPS)) {
            ProjectConfig cfg = new ProjectConfig(7L, 500, 2030, null, null, new ProjectConfig.BacktestSection(null, null, null, w),
                    null, new ProjectConfig.CoverageSection("factor", 1.0, null, null, null, null, 0.0), null, null);
            Projection.Result r = new Projection(cfg, Coverage.fixed(1.0, 0.0)).run(new Projection.Input(months, t, half, half));
            Map<String, double[]> m = new TreeMap<>();
            for (JsonNode n : r.summary().get("models")) {
                if (n.get("weight").asDouble() > 0) {
                    m.put(n.get("name").asText(), new double[]{n.get("weight").asDouble(), n.get("mase").asDouble(),
                            n.get("crps").isNull() ? Double.NaN : n.get("crps").asDouble()});
                }
            }
            byWeighting.put(w, m);
            long crpsRows = r.models().stream().filter(x -> x.parameter().equals("backtest_crps_log")).count();
            assertEquals(w.equals(ProjectConfig.INVERSE_CRPS) ? 5 : 0, crpsRows, w);
        }
        Map<String, double[]> mase = byWeighting.get(ProjectConfig.INVERSE_MASE);
        Map<String, double[]> crps = byWeighting.get(ProjectConfig.INVERSE_CRPS);
        assertEquals(List.of("cagr_base", "drift_seasonal", "holt_damped_seasonal", "holt_linear_seasonal", "loglinear_seasonal"),
                List.copyOf(crps.keySet()));
        assertEquals(crps.keySet(), mase.keySet());
        double[] ll = crps.get("loglinear_seasonal");
        double[] llm = mase.get("loglinear_seasonal");
        for (String k : crps.keySet()) {
            double[] c = crps.get(k);
            double[] m = mase.get(k);
            assertTrue(Double.isNaN(m[2]), k + ": no CRPS under inverse_mase");
            assertTrue(c[2] > 0 && c[2] < 0.2, k + " CRPS of the log " + c[2]);
            // w_k / w_loglinear = (CRPS_loglinear / CRPS_k)²; the weights and scores are rounded to 6 places
            assertEquals(Math.pow(ll[2] / c[2], 2), c[0] / ll[0], 2e-4, k);
            assertEquals(Math.pow(llm[1] / m[1], 2), m[0] / llm[0], 2e-4, k);
        }
        assertNotEquals(mase.get("holt_damped_seasonal")[0], crps.get("holt_damped_seasonal")[0], 1e-3,
                "the two weightings differ here");
    }

    /**
     * {@code backtest.min_interval_coverage} (docs/PROJECTION.md §4 "Interval check"; off by default, measured and not
     * adopted). Five years of a wandering-level series (HoltCoverageStudy's, α 0.3, seed 5), scored 1 to 25 months
     * ahead: every candidate passes the MASE selection; with the check at 0.5 the log-linear model, whose 80% intervals
     * held 38% of the backtest's outcomes 13 to 25 months ahead (234 forecasts from 24 origins), is left out with the
     * reason, and the others keep their 1/MASE² proportions. Off, nothing is simulated in the backtest and nothing
     * changes. Seed 2 with the check at 0.79: both models the MASE kept fail it, and the one whose intervals held most
     * stays alone, with a warning. On 36 months (12 horizons) the check does not run.
     */
    @Test
    void aModelWhoseIntervalsTheBacktestShowsTooNarrowBeyondAYearIsLeftOut() {
        Projection.Result off = intervalCheck(5, 60, 0.0);
        Projection.Result on = intervalCheck(5, 60, 0.5);
        assertFalse(off.summary().get("backtest").get("interval_check").asBoolean());
        assertTrue(on.summary().get("backtest").get("interval_check").asBoolean());
        assertEquals(0.5, on.summary().get("backtest").get("min_interval_coverage").asDouble());
        Map<String, JsonNode> before = monthlyModels(off.summary());
        Map<String, JsonNode> after = monthlyModels(on.summary());
        for (String m : List.of("cagr_base", "loglinear_seasonal", "holt_damped_seasonal", "drift_seasonal", "holt_linear_seasonal")) {
            assertTrue(before.get(m).get("selected").asBoolean(), m + " passes the MASE selection");
            assertTrue(before.get(m).get("backtest_interval_coverage").isNull(), m + ": not computed with the check off");
            JsonNode c = after.get(m).get("backtest_interval_coverage");
            assertEquals(13, c.get("from_horizon").asInt());
            assertEquals(25, c.get("to_horizon").asInt());
            // horizons 13..25 at origins 24..47: 24 origins, Σ_o min(25, 60 − o) − 12 forecasts
            assertEquals(24, c.get("origins").asInt());
            int outcomes = 0;
            for (int o = 24; o < 60; o++) outcomes += Math.max(0, Math.min(25, 60 - o) - 12);
            assertEquals(outcomes, c.get("outcomes").asInt(), m);
            assertTrue(c.get("in95").asDouble() >= c.get("in80").asDouble(), m);
            assertEquals(!m.equals("loglinear_seasonal"), c.get("in80").asDouble() >= 0.5, m + " " + c);
        }
        JsonNode ll = after.get("loglinear_seasonal");
        assertFalse(ll.get("selected").asBoolean());
        assertEquals(0.0, ll.get("weight").asDouble());
        assertTrue(ll.get("warning").asText().startsWith(String.format(Locale.ROOT, "not selected: its 80%% intervals held %.1f%% of the "
                + "backtest's outcomes 13 to 25 months ahead (%d forecasts from 24 origins), under project.backtest.min_interval_coverage 0.50",
                100 * ll.get("backtest_interval_coverage").get("in80").asDouble(), outcomes(ll))), ll.get("warning").asText());
        double kept = 1 - before.get("loglinear_seasonal").get("weight").asDouble();
        for (String m : List.of("cagr_base", "holt_damped_seasonal", "drift_seasonal", "holt_linear_seasonal")) {
            assertEquals(before.get(m).get("weight").asDouble() / kept, after.get(m).get("weight").asDouble(), 2e-6, m);
        }
        assertEquals(5, on.models().stream().filter(x -> x.parameter().equals("backtest_in80_beyond_12m")).count());
        assertEquals(0, off.models().stream().filter(x -> x.parameter().startsWith("backtest_in")).count());
        assertNotEquals(off.summary().get("projection_2030").get("lo80_idr").asDouble(),
                on.summary().get("projection_2030").get("lo80_idr").asDouble(), "the ensemble changes with its members");

        Projection.Result all = intervalCheck(2, 60, 0.79);
        Map<String, JsonNode> m2 = monthlyModels(all.summary());
        assertEquals(1.0, m2.get("holt_damped_seasonal").get("weight").asDouble(), "the one whose intervals held most, alone");
        assertEquals(0.0, m2.get("drift_seasonal").get("weight").asDouble());
        assertTrue(m2.get("drift_seasonal").get("warning").asText().startsWith("not selected: its 80% intervals held"));
        double holt = m2.get("holt_damped_seasonal").get("backtest_interval_coverage").get("in80").asDouble();
        assertTrue(holt < 0.79 && holt > m2.get("drift_seasonal").get("backtest_interval_coverage").get("in80").asDouble());
        assertTrue(all.warnings().contains(String.format(Locale.ROOT, "every model kept by the backtest MASE has 80%% intervals that held "
                + "less than 79%% of the backtest's outcomes 13 to 25 months ahead; the one that held most (holt_damped_seasonal, %.1f%%) "
                + "is used alone, and the projection's intervals are likely too narrow", 100 * holt)), all.warnings().toString());

        Projection.Result three = intervalCheck(5, 36, 0.5);
        assertFalse(three.summary().get("backtest").get("interval_check").asBoolean(), "12 horizons: nothing beyond a year to check");
        assertTrue(monthlyModels(three.summary()).values().stream().allMatch(x -> x.get("backtest_interval_coverage").isNull()));
        // 36 months scored 24 ahead from 16 training months: outcomes 13 months ahead from origins 16..23 only, 8 < 12
        Projection.Result thin = intervalCheck(5, 36, 0.5, 16, "24");
        assertFalse(thin.summary().get("backtest").get("interval_check").asBoolean());
        assertTrue(thin.warnings().contains("project.backtest.min_interval_coverage: the interval check needs outcomes 13 months ahead "
                + "from 12 backtest origins or more, and this backtest has 8 (36 months of history, min_train_months 16, "
                + "max_horizon_months 24): not run, every model kept by the MASE stays"), thin.warnings().toString());
        // and from 12 training months, 12 origins: it runs
        assertTrue(intervalCheck(5, 36, 0.5, 12, "24").summary().get("backtest").get("interval_check").asBoolean());
    }

    private static Projection.Result intervalCheck(int seed, int months, double min) {
        return intervalCheck(seed, months, min, null, null);
    }

    private static Projection.Result intervalCheck(int seed, int months, double min, Integer minTrain, String maxHorizon) {
        double[] y = HoltCoverageStudy.series(new Well19937c(seed), months, 0.3);
        ProjectConfig cfg = new ProjectConfig(7L, 500, 2030, null, null, new ProjectConfig.BacktestSection(minTrain, maxHorizon, null, null, min),
                null, new ProjectConfig.CoverageSection("factor", 1.0, null, null, null, null, 0.0), null, null);
        return new Projection(cfg, Coverage.fixed(1.0, 0.0)).run(EnsembleCoverageStudy.input(y, months, YearMonth.of(2021, 1)));
    }

    private static Map<String, JsonNode> monthlyModels(JsonNode summary) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode m : summary.get("models")) if (m.get("frequency").asText().equals("monthly")) out.put(m.get("name").asText(), m);
        return out;
    }

    private static int outcomes(JsonNode model) {
        return model.get("backtest_interval_coverage").get("outcomes").asInt();
    }

    /**
     * 18 months are too few to tell a share's trend from a seasonal swing (the total gets growth scenarios only, for
     * the same reason): the shares are held at their level of the last 12 months, and their interval allows for the
     * observed trend continuing or reversing. Here the UMKM share's logit falls 1.0 a year from logit(0.3) (30% to 14%
     * in 18 months); the trend extrapolated to 2030 would publish 0.1%. The last 12 months' mean logit is
     * logit(0.3) − 11.5/12 = −1.8056, a share of 14.1%.
     */
    @Test
    void aShortHistoryHoldsTheSharesAtTheirRecentLevelWithATrendWideInterval() {
        int n = 18;
        Projection.Input base = synthetic(YearMonth.of(2024, 1), n, 3);
        double[] u = new double[n];
        Well19937c rng = new Well19937c(11);
        for (int i = 0; i < n; i++) {
            double logit = Math.log(0.3 / 0.7) - 1.0 * i / 12.0 + 0.02 * rng.nextGaussian();
            u[i] = base.total()[i] / (1 + Math.exp(-logit));
        }
        Projection.Input in = new Projection.Input(base.months(), base.total(), u, base.foreignOrigin());
        var s = new Projection(config(2000), Coverage.fixed(100, 0.15)).run(in).summary();
        var um = s.path("umkm");
        assertEquals("held_level", um.path("trend").asText(), um.toString());
        assertEquals(14.1, um.path("share_2030_pct").asDouble(), 0.5, um.toString());
        double extrapolated = 100 / (1 + Math.exp(-(Math.log(0.3 / 0.7) - 1.0 * (2030.5 - 2024.0 - 0.5 / 12))));
        assertTrue(extrapolated < 0.2, "the trend continued would publish " + extrapolated);
        assertTrue(um.path("share_2030_lo95_pct").asDouble() <= extrapolated, "the interval reaches the trend continued: " + um);
        assertTrue(um.path("share_2030_hi95_pct").asDouble() >= 100 - extrapolated - 50, "and its reversal: " + um);
        // the foreign-origin share, flat at 50%, stays there with a narrow interval
        assertEquals(50.0, um.path("foreign_origin_share_2030_pct").asDouble(), 0.5, um.toString());
        assertTrue(um.path("foreign_origin_share_2030_hi95_pct").asDouble() - um.path("foreign_origin_share_2030_lo95_pct").asDouble() < 5,
                um.toString());
        assertTrue(s.path("warnings").toString().contains("the local_umkm_share is held at its level of the last 12 months"),
                s.path("warnings").toString());
    }

    /**
     * A history in which no sale is local UMKM (a cross-border storefront's dump) projects a UMKM share of exactly 0%
     * and no UMKM value, not the 0.0001% and few million rupiah a logit fit to a clamped share gives; a history in
     * which every sale is foreign-origin projects exactly 100%.
     */
    @Test
    void aClassNeverObservedIsProjectedAtZeroAndOneAlwaysObservedAtAHundredPercent() {
        Projection.Input base = synthetic(YearMonth.of(2023, 1), 36, 5);
        double[] zero = new double[36];
        Projection.Input in = new Projection.Input(base.months(), base.total(), zero, base.total().clone());
        var s = new Projection(config(500), Coverage.fixed(100, 0.15)).run(in).summary();
        var u = s.path("umkm");
        assertEquals(0.0, u.path("share_2030_pct").asDouble(-1), 0.0, u.toString());
        assertEquals(0.0, u.path("share_2030_hi95_pct").asDouble(-1), 0.0, u.toString());
        assertEquals(0L, u.path("umkm_value_2030_idr").asLong(-1), u.toString());
        assertEquals(100.0, u.path("foreign_origin_share_2030_pct").asDouble(-1), 0.0, u.toString());
        assertEquals(100.0, u.path("foreign_origin_share_2030_lo95_pct").asDouble(-1), 0.0, u.toString());
        assertTrue(s.path("warnings").toString().contains("the local_umkm_share is 0% in every observed month: it is held there"),
                s.path("warnings").toString());
    }

    /**
     * A target whose year is observed in full (the ministries' path names Rp1.700 triliun for 2025): its national value
     * is the sample × the coverage factor, so its probability comes from the factor's log-normal uncertainty, as its
     * interval does. 2025 here is Rp1e11 a month in the sample × factor 100 = Rp120 triliun, log sd 0.15:
     * P(≥ target) = Φ(ln(120 triliun / target) / 0.15). Before the fix it was 0 or 1 from the central value alone: a
     * target just above the observed value had P 0 with the 95% interval reaching past it.
     */
    @Test
    void aTargetInAFullyObservedYearGetsTheCoverageFactorsProbabilityNotZeroOrOne() {
        Projection.Input base = synthetic(YearMonth.of(2023, 1), 36, 1);
        double[] t = base.total().clone();
        double[] u = base.localUmkm().clone();
        double[] f = base.foreignOrigin().clone();
        for (int i = 24; i < 36; i++) {
            t[i] = 1e11;
            u[i] = 3e10;
            f[i] = 5e10;
        }
        Projection.Input in = new Projection.Input(base.months(), t, u, f);
        List<ProjectConfig.Target> targets = List.of(
                new ProjectConfig.Target("t2030", "Rp400 triliun", null, 2030, new BigDecimal("400000000000000"), null),
                new ProjectConfig.Target("at_observed", "Rp120 triliun", null, 2025, new BigDecimal("120000000000000"), null),
                new ProjectConfig.Target("above", "Rp150 triliun", null, 2025, new BigDecimal("150000000000000"), null),
                new ProjectConfig.Target("below", "Rp100 triliun", null, 2025, new BigDecimal("100000000000000"), null),
                new ProjectConfig.Target("far_below", "Rp60 triliun", null, 2025, new BigDecimal("60000000000000"), null));
        ProjectConfig cfg = new ProjectConfig(7L, 1000, 2040, null, null, null, null,
                new ProjectConfig.CoverageSection("factor", 100.0, null, null, null, null, 0.15), targets, null);
        JsonNode ts = new Projection(cfg, Coverage.fixed(100, 0.15)).run(in).summary().get("targets");
        Map<String, JsonNode> byName = new TreeMap<>();
        ts.forEach(x -> byName.put(x.get("name").asText(), x));
        assertEquals(120000000000000L, byName.get("at_observed").get("projected_idr").asLong());
        // Φ(0), Φ(ln(1.2/1.5)/0.15) = Φ(-1.4876), Φ(ln(1.2)/0.15) = Φ(1.2155), Φ(ln 2/0.15) = Φ(4.62)
        assertEquals(0.5, byName.get("at_observed").get("probability").asDouble(), 1e-9, byName.get("at_observed").toString());
        assertEquals(0.0684, byName.get("above").get("probability").asDouble(), 1e-9, byName.get("above").toString());
        assertEquals(0.8879, byName.get("below").get("probability").asDouble(), 1e-9, byName.get("below").toString());
        assertEquals(1.0, byName.get("far_below").get("probability").asDouble(), 1e-9, byName.get("far_below").toString());
        // Rp150 triliun lies between the upper 80% and 95% bounds (Rp145.4 and Rp161.0 triliun): P between 0.025 and 0.10
        JsonNode above = byName.get("above");
        assertTrue(above.get("hi80_idr").asLong() < 150000000000000L && 150000000000000L < above.get("hi95_idr").asLong(),
                above.toString());
        assertEquals(0.025, Projection.observedProbability(1.2e14, 1.2e14 * Math.exp(1.959964 * 0.15), 0.15), 1e-7);
    }

    /**
     * The observed national values reproduce out/aggregates × the published coverage factor to the sen. 2025 here is
     * Rp150,000,000,000.05 a month in the sample (local UMKM Rp45,000,000,000.15), factor 7004.0572864275:
     * a month is 1,050,608,592,964,475.20, the year 1,800,000,000,000.60 × the factor = 12,607,303,115,573,702.43.
     * Before the fix the sample values were rounded to the rupiah (…000.00), the factor was published to 6 decimals
     * (7004.057286) and the national values were the double product rounded to the rupiah: on the bundled samples the
     * 2025 value was Rp78,803 away from the 2025 aggregate × the published factor, and no sample value matched its
     * aggregate.
     */
    @Test
    void observedRowsAreTheAggregatesTimesThePublishedFactorToTheSen() {
        Projection.Input base = synthetic(YearMonth.of(2023, 1), 36, 1);
        double[] t = base.total().clone();
        double[] u = base.localUmkm().clone();
        double[] f = base.foreignOrigin().clone();
        java.math.BigDecimal[] et = new java.math.BigDecimal[36];
        java.math.BigDecimal[] eu = new java.math.BigDecimal[36];
        java.math.BigDecimal[] ef = new java.math.BigDecimal[36];
        for (int i = 0; i < 36; i++) {
            if (i >= 24) {
                t[i] = 150000000000.05;
                u[i] = 45000000000.15;
                f[i] = 60000000000.00;
            }
            et[i] = java.math.BigDecimal.valueOf(t[i]);
            eu[i] = java.math.BigDecimal.valueOf(u[i]);
            ef[i] = java.math.BigDecimal.valueOf(f[i]);
        }
        Projection.Input in = new Projection.Input(base.months(), t, u, f, et, eu, ef);
        Projection.Result r = new Projection(config(500), Coverage.fixed(7004.0572864275, 0.15)).run(in);
        assertEquals("7004.0572864275", r.summary().at("/coverage/factor").decimalValue().toPlainString());
        assertEquals(12607303115573702L, r.summary().get("last_observed_year_value_idr").asLong());
        Map<String, Projection.SeriesRow> obs = new TreeMap<>();
        for (Projection.SeriesRow row : r.series()) {
            if (row.kind().equals("OBSERVED")) obs.put(row.series() + "/" + row.period(), row);
        }
        Projection.SeriesRow dec = obs.get("total_gmv/2025-12");
        assertEquals(new BigDecimal("150000000000.05"), ProjectTo2030.sampleIdr(dec));
        assertEquals(new BigDecimal("1050608592964475.20"), ProjectTo2030.valueIdr(dec));
        Projection.SeriesRow year = obs.get("total_gmv/2025");
        assertEquals(new BigDecimal("1800000000000.60"), ProjectTo2030.sampleIdr(year));
        assertEquals(new BigDecimal("12607303115573702.43"), ProjectTo2030.valueIdr(year));
        Projection.SeriesRow umkm = obs.get("local_umkm_gmv/2025-06");
        assertEquals(new BigDecimal("45000000000.15"), ProjectTo2030.sampleIdr(umkm));
        assertEquals(new BigDecimal("315182577890288.11"), ProjectTo2030.valueIdr(umkm));
        assertEquals(new BigDecimal("3782190934683457.30"), ProjectTo2030.valueIdr(obs.get("local_umkm_gmv/2025")));
    }

    /**
     * The sensitivity "if the coverage factor's trend continued" (docs/PROJECTION.md §2): two calibration years whose
     * factor falls from 100 to 90 (−10% a year, mean year 2023.5), the 2030 paths 1..1000 trillion: every path times
     * 0.9^6.5 = 0.504169, so the share reaching Rp400 T is the paths from 794 T up, 207 of 1000, and no year's central
     * value reaches it any more (2025: 420 T × 0.9^1.5 = 358.6 T).
     */
    @Test
    void aFallingCoverageFactorGivesTheTrendSensitivity() {
        BigDecimal t = new BigDecimal("1000000000000");
        List<Coverage.Point> points = List.of(
                new Coverage.Point(2023, 2024, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.valueOf(100), BigDecimal.ONE, 100, "s", "high"),
                new Coverage.Point(2024, 2025, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.valueOf(90), BigDecimal.ONE, 90, "s", "high"));
        Coverage.Result cov = new Coverage.Result("benchmark_calibration", Math.sqrt(100 * 90), 0.15, points, "", List.of());
        assertEquals(-10.0, cov.trend().factorPctPerYear(), 1e-9);
        double[] paths = new double[1000];
        for (int i = 0; i < paths.length; i++) paths[i] = (i + 1) * 1e12;
        Map<Integer, Double> central = new TreeMap<>(Map.of(2023, 300e12, 2024, 350e12, 2025, 420e12, 2030, 500e12));
        List<ProjectConfig.Target> targets = List.of(
                new ProjectConfig.Target("four_hundred", "Rp400 T", null, 2030, BigDecimal.valueOf(400).multiply(t), null),
                new ProjectConfig.Target("one_hundred", "Rp100 T", null, 2030, BigDecimal.valueOf(100).multiply(t), null),
                new ProjectConfig.Target("observed_year", "a 2024 target", null, 2024, BigDecimal.valueOf(100).multiply(t), null));
        JsonNode o = Projection.trendScenario(cov, central, Map.of(2030, paths), targets);
        assertEquals(2023.5, o.path("reference_year").asDouble(), 1e-9);
        JsonNode four = o.path("targets").get(0);
        assertEquals("four_hundred", four.path("name").asText());
        assertEquals(0.504169, four.path("factor_multiplier").asDouble(), 1e-6);
        assertEquals(0.207, four.path("probability").asDouble(), 1e-12);
        assertTrue(four.path("crossing_year").isNull(), "published: 2025; at the trend's pace never");
        // the median of 1..1000 is 500.5 (interpolated), times the multiplier
        assertEquals(500.5 * 0.504169, four.path("projected_idr").asDouble() / 1e12, 1e-3);
        JsonNode hundred = o.path("targets").get(1);
        assertEquals(2023, hundred.path("crossing_year").asInt(), "300 T × 0.9^−0.5 = 316 T already reaches it");
        assertEquals(0.802, hundred.path("probability").asDouble(), 1e-12, "paths from 199 T up: 100 / 0.504169 = 198.3");
        assertEquals(2, o.path("targets").size(), "a target in an observed year has no paths: no sensitivity");

        Coverage.Result one = new Coverage.Result("benchmark_calibration", 100, 0.15, points.subList(0, 1), "", List.of());
        assertNull(Projection.trendScenario(one, central, Map.of(2030, paths), targets), "one calibration year: no trend");
    }
}
