package id.neraca.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.project.model.Backtest;
import id.neraca.project.model.CagrScenario;
import id.neraca.project.model.DriftSeasonal;
import id.neraca.project.model.Forecaster;
import id.neraca.project.model.HoltDamped;
import id.neraca.project.model.LebaranCalendar;
import id.neraca.project.model.LogLinearSeasonal;
import id.neraca.project.model.SeasonalNaive;
import id.neraca.project.model.Stats;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The projection to the horizon year, in plain Java over a few hundred monthly points (collected to the driver
 * after aggregation). Pure: observed series and coverage in, tables and summary out; no I/O.
 *
 * <p>Steps (docs/PROJECTION.md): national series = observed × coverage factor; monthly models (scenario CAGRs,
 * log-linear seasonal, damped-trend and linear-trend seasonal smoothing, a seasonal random walk with drift) and annual
 * models fitted where the history supports them;
 * a rolling-origin backtest scores them against the seasonal-naive baseline; the ensemble weights the selected
 * models by 1/MASE²; seeded simulation gives every projected value its 80% and 95% intervals, with the coverage
 * factor's log-normal uncertainty multiplied in; targets, crossing years, required growth and the local UMKM share
 * (logit-linear trend) follow from the simulated paths.
 */
public final class Projection {
    public static final String TOTAL = "total_gmv";
    public static final String UMKM = "local_umkm_gmv";
    public static final String FOREIGN = "foreign_origin_gmv";
    public static final String ENSEMBLE = "ensemble";
    public static final String OBSERVED = "observed";
    static final double Z95 = 1.959964;
    static final double Z80 = 1.281552;
    /**
     * Plausibility bound (docs/PROJECTION.md §5): a model whose projected value within {@link #PLAUSIBLE_YEARS} years
     * exceeds this multiple of the national value of the last 12 observed months, or whose annual value falls below
     * that value divided by it, is dropped ({@link #implausible}).
     */
    public static final double PLAUSIBLE_MULTIPLE = 1000;
    /** Years over which {@link #PLAUSIBLE_MULTIPLE} applies; beyond, the bound grows at the same pace (×3.98 a year). */
    public static final int PLAUSIBLE_YEARS = 5;
    /** No published value reaches Rp10^21: the outputs' decimal(24,2) columns hold less than 10^22, with margin for sums. */
    public static final double MONEY_LIMIT = 1e21;
    /** Largest observed national value (a month, a year, the last 12 months): Rp10^18, about 45 times Indonesia's GDP. */
    public static final double MAX_NATIONAL_IDR = 1e18;

    /**
     * Observed monthly sample series (rupiah, before coverage scaling), contiguous months. The models use the doubles;
     * the published OBSERVED rows use the exact decimals of the aggregates ({@code exactTotal} etc.), so that they
     * reproduce {@code out/aggregates} × the coverage factor to the sen.
     */
    public record Input(List<YearMonth> months, double[] total, double[] localUmkm, double[] foreignOrigin,
                        BigDecimal[] exactTotal, BigDecimal[] exactUmkm, BigDecimal[] exactForeign) {
        /** A series given as doubles only (tests, synthetic series): the exact values are their shortest decimals. */
        public Input(List<YearMonth> months, double[] total, double[] localUmkm, double[] foreignOrigin) {
            this(months, total, localUmkm, foreignOrigin, exact(total), exact(localUmkm), exact(foreignOrigin));
        }

        private static BigDecimal[] exact(double[] v) {
            BigDecimal[] out = new BigDecimal[v.length];
            for (int i = 0; i < v.length; i++) out[i] = BigDecimal.valueOf(v[i]);
            return out;
        }
    }

    /**
     * A row of {@code series}. OBSERVED rows also carry {@code exactValue} (the sample × the published coverage factor,
     * exact) and {@code exactSample} (the aggregates' value): what the table publishes, to the sen.
     */
    public record SeriesRow(String series, String model, String frequency, String period, String kind, double value,
                            Double lo80, Double hi80, Double lo95, Double hi95, Double sampleValue, BigDecimal exactValue,
                            BigDecimal exactSample) {
        public SeriesRow(String series, String model, String frequency, String period, String kind, double value,
                         Double lo80, Double hi80, Double lo95, Double hi95, Double sampleValue) {
            this(series, model, frequency, period, kind, value, lo80, hi80, lo95, hi95, sampleValue, null, null);
        }
    }

    public record ShareRow(String series, String model, String frequency, String period, String kind, double valuePct,
                           Double lo80, Double hi80, Double lo95, Double hi95) {}

    public record BacktestRow(String series, String frequency, String model, int horizon, String origin, double mape,
                              Double mase, int n) {}

    public record ModelRow(String series, String frequency, String model, boolean supported, boolean selected,
                           double weight, Double mape, Double mase, String parameter, Double value, String warning) {}

    /**
     * A target's answer. The projection, its intervals, the gap and the probability are null when the target's year is
     * neither observed in full nor projected (a year before the data, or a partly observed year), with a warning.
     */
    public record TargetRow(String target, String label, int year, BigDecimal targetIdr, Double projected, Double lo80,
                            Double hi80, Double lo95, Double hi95, Double gap, Double probability, Integer crossingYear,
                            String crossingLabel, Double requiredCagrPct) {}

    public record Result(List<SeriesRow> series, List<ShareRow> shares, List<BacktestRow> backtest,
                         List<ModelRow> models, List<TargetRow> targets, ObjectNode summary, List<String> warnings) {}

    /** A model's standing after the backtest. */
    record ModelState(Forecaster model, String frequency, String unsupported, Double mape, Double mase, boolean selected,
                      double weight, Forecaster.Fit fit, String warning) {}

    private final ProjectConfig cfg;
    private final Coverage.Result coverage;
    private final List<String> warnings = new ArrayList<>();
    private boolean loglinearAr1 = true;
    private boolean keepSimulations = false;
    private Map<String, double[][]> keptSimulations = null;
    /** Candidates added to the monthly models by a study (none in the projection). */
    private final List<Forecaster> extraCandidates = new ArrayList<>();
    /** Mean backtest CRPS (of the log) per candidate model; filled only under {@code weighting: inverse_crps}. */
    private Map<String, Double> crps = Map.of();
    /**
     * Each candidate's interval coverage in the backtest beyond a year ahead; filled only when the interval check runs
     * ({@code backtest.min_interval_coverage} above 0 and horizons of {@value ProjectConfig.BacktestSection#INTERVAL_CHECK_MIN_HORIZON}
     * months or more scored; docs/PROJECTION.md §4 "Interval check").
     */
    private Map<String, Backtest.Coverage> intervalCoverage = Map.of();
    /** Paths each model simulates per backtest origin for its CRPS (docs/PROJECTION.md §4). */
    static final int CRPS_PATHS = 300;

    public Projection(ProjectConfig cfg, Coverage.Result coverage) {
        this.cfg = cfg;
        this.coverage = coverage;
        warnings.addAll(coverage.warnings());
    }

    /**
     * The projection with one more candidate model among the monthly ones: a measurement switch for the coverage studies
     * of models not adopted (docs/PROJECTION.md §5, "The drift model").
     */
    Projection withExtraCandidate(Forecaster model) {
        extraCandidates.add(model);
        return this;
    }

    /**
     * The projection keeping each weighted model's and the ensemble's simulated log paths of its last run
     * ({@link #simulations}): a measurement switch for the coverage studies, which read the paths the published
     * intervals come from. Off in the projection (the paths are large and nothing publishes them).
     */
    Projection keepSimulations() {
        keepSimulations = true;
        return this;
    }

    /** The last run's simulated log paths by model (the ensemble's under {@link #ENSEMBLE}); null unless kept. */
    Map<String, double[][]> simulations() {
        return keptSimulations;
    }

    /** The projection with the plain log-linear regression (independent errors): a measurement switch for the studies. */
    Projection withIndependentLogLinearErrors() {
        loglinearAr1 = false;
        return this;
    }

    public static List<Forecaster> monthlyModels(ProjectConfig cfg) {
        return monthlyModels(cfg, true);
    }

    /**
     * @param ar1 the log-linear model with AR(1) errors (the projection's); false gives the plain regression with
     *            independent errors, kept as a measurement switch for the coverage studies (docs/PROJECTION.md §5)
     */
    static List<Forecaster> monthlyModels(ProjectConfig cfg, boolean ar1) {
        var sc = cfg.scenarios();
        LebaranCalendar holiday = cfg.holiday().calendar();
        LogLinearSeasonal loglin = new LogLinearSeasonal(true, cfg.minSeasonalMonths(), "loglinear_seasonal").withHoliday(holiday);
        return List.of(
                new CagrScenario("cagr_low", sc.cagrLowPct() / 100),
                new CagrScenario("cagr_base", sc.cagrBasePct() / 100),
                new CagrScenario("cagr_high", sc.cagrHighPct() / 100),
                ar1 ? loglin.withAr1Errors() : loglin,
                new HoltDamped(true, cfg.minSeasonalMonths(), cfg.minSeasonalMonths(), "holt_damped_seasonal"),
                new DriftSeasonal(true, cfg.minSeasonalMonths(), "drift_seasonal", false).withHoliday(holiday),
                // last, so that every model before it keeps its simulation seed (seeded by position)
                HoltDamped.linear(true, cfg.minSeasonalMonths(), cfg.minSeasonalMonths(), "holt_linear_seasonal"));
    }

    /** Models that may carry ensemble weight (the low and high scenarios are bands, not candidates). */
    static boolean candidate(String name) {
        return !name.equals("cagr_low") && !name.equals("cagr_high");
    }

    public Result run(Input in) {
        int n = in.months().size();
        if (n == 0) throw id.neraca.core.NeracaException.data("no observed months to project from");
        for (int i = 1; i < n; i++) {
            if (!in.months().get(i).equals(in.months().get(i - 1).plusMonths(1))) {
                throw new IllegalArgumentException("months must be contiguous: " + in.months().get(i - 1) + " then " + in.months().get(i));
            }
        }
        requireProjectableHistory(in.months());
        double f = coverage.factor();
        double sigmaC = coverage.sigmaLog();
        YearMonth first = in.months().get(0);
        YearMonth last = in.months().get(n - 1);
        double[] nat = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            nat[i] = in.total()[i] * f;
            y[i] = Math.log(nat[i]);
        }
        checkNationalScale(in, nat);
        int endYear = cfg.horizonEndYear();
        int h = (int) java.time.temporal.ChronoUnit.MONTHS.between(last, YearMonth.of(endYear, 12));
        if (h < 1) throw id.neraca.core.NeracaException.data("the observed data already reach %d-12, the projection horizon", endYear);
        int paths = cfg.simulations();

        if (n < cfg.minSeasonalMonths()) {
            warnings.add(String.format(Locale.ROOT, "only %d months of history (< %d): seasonal models are not fitted; the projection is "
                    + "the configured growth scenarios with their spread, not a fitted estimate", n, cfg.minSeasonalMonths()));
        }

        // ---------------------------------------------------------------- monthly backtest and model selection
        List<Forecaster> monthly = new ArrayList<>(monthlyModels(cfg, loglinearAr1));
        monthly.addAll(extraCandidates);
        List<Forecaster> withNaive = new ArrayList<>(monthly);
        withNaive.add(new SeasonalNaive());
        int minTrain = cfg.backtest().minTrainMonths();
        int maxH = cfg.backtest().maxHorizonFor(n);
        List<Backtest.Error> errors = n > minTrain ? Backtest.run(withNaive, y, first, minTrain, maxH) : List.of();
        List<Backtest.Score> scores = Backtest.score(errors);
        int origins = Math.max(0, n - minTrain);
        if (origins < MIN_SCORED_ORIGINS) {
            warnings.add(String.format(Locale.ROOT, "the monthly backtest has %d origin(s) (needs history beyond %d months, and %d "
                    + "origins to select and weight models): every supported model is kept with an equal weight", origins, minTrain,
                    MIN_SCORED_ORIGINS));
        }
        List<BacktestRow> backtestRows = new ArrayList<>();
        for (Backtest.Error e : errors) {
            backtestRows.add(new BacktestRow(TOTAL, "monthly", e.model(), e.horizon(), in.months().get(e.origin() - 1).toString(),
                    e.ape(), finite(e.scaled()), 1));
        }
        for (Backtest.Score s : scores) {
            backtestRows.add(new BacktestRow(TOTAL, "monthly", s.model(), s.horizon(), "ALL", s.mape(), finite(s.mase()), s.n()));
        }

        // the scenarios' spread: their own backtest errors, else the low-high band
        double[] cagrSd = Backtest.logSdByHorizon(errors, "cagr_base", maxH, 2);
        if (cagrSd.length == 0) {
            // the low-high band as a 95% range, widening linearly with the years projected, plus 5% level noise
            double band = Math.log((1 + cfg.scenarios().cagrHighPct() / 100) / (1 + cfg.scenarios().cagrLowPct() / 100)) / (2 * Z95);
            cagrSd = new double[h];
            for (int i = 0; i < h; i++) cagrSd[i] = Math.hypot(0.05, band * (i + 1) / 12.0);
            warnings.add("no backtest for the growth scenarios: their intervals come from the low-high scenario band");
        }
        for (Forecaster m : monthly) if (m instanceof CagrScenario c) c.withLogSd(cagrSd);
        boolean byCrps = cfg.backtest().weighting().equals(ProjectConfig.INVERSE_CRPS);
        boolean intervalCheck = cfg.backtest().minIntervalCoverage() > 0 && maxH >= ProjectConfig.BacktestSection.INTERVAL_CHECK_MIN_HORIZON;
        if ((byCrps || intervalCheck) && origins >= MIN_SCORED_ORIGINS) {
            // fresh models: cagr_base with the spread it simulates with (set above)
            List<Forecaster> cands = new ArrayList<>();
            for (Forecaster m : monthlyModels(cfg, loglinearAr1)) {
                if (!candidate(m.name())) continue;
                if (m instanceof CagrScenario c) c.withLogSd(cagrSd);
                cands.add(m);
            }
            List<Backtest.Scored> scored = Backtest.runDistributions(cands, y, first, minTrain, maxH, CRPS_PATHS,
                    cfg.seed() ^ 0x2C9277B5L);
            if (byCrps) crps = Backtest.meanCrps(Backtest.toCrps(scored));
            if (intervalCheck) {
                Map<String, Backtest.Coverage> c = Backtest.coverage(scored, ProjectConfig.BacktestSection.INTERVAL_CHECK_FROM_HORIZON);
                int fewest = c.values().stream().mapToInt(Backtest.Coverage::origins).min().orElse(0);
                if (fewest >= ProjectConfig.BacktestSection.INTERVAL_CHECK_MIN_ORIGINS) {
                    intervalCoverage = c;
                } else {
                    warnings.add(String.format(Locale.ROOT, "project.backtest.min_interval_coverage: the interval check needs outcomes "
                            + "%d months ahead from %d backtest origins or more, and this backtest has %d (%d months of history, "
                            + "min_train_months %d, max_horizon_months %d): not run, every model kept by the MASE stays",
                            ProjectConfig.BacktestSection.INTERVAL_CHECK_FROM_HORIZON, ProjectConfig.BacktestSection.INTERVAL_CHECK_MIN_ORIGINS,
                            fewest, n, minTrain, maxH));
                }
            }
        }

        Map<String, Backtest.Score> overall = new TreeMap<>();
        for (Backtest.Score s : scores) if (s.horizon() == 0) overall.put(s.model(), s);
        Backtest.Score naive = overall.get(SeasonalNaive.NAME);
        List<ModelState> states = new ArrayList<>();
        for (Forecaster m : monthly) {
            String why = m.unsupportedReason(n, 12);
            Backtest.Score s = overall.get(m.name());
            Forecaster.Fit fit = why == null ? m.fit(y, 12, first) : null;
            states.add(new ModelState(m, "monthly", why, s == null ? null : s.mape(), s == null ? null : finite(s.mase()),
                    false, 0, fit, why));
            if (why != null) warnings.add(m.name() + " not fitted: " + why);
        }
        states = select(states, origins >= MIN_SCORED_ORIGINS ? naive : null, origins >= MIN_SCORED_ORIGINS);
        double wsum = states.stream().mapToDouble(ModelState::weight).sum();
        if (!(wsum > 0)) throw new IllegalStateException("no model carries weight");
        // the plausibility reference: the national value of the last 12 observed months
        double reference = 0;
        for (int i = n - 12; i < n; i++) reference += nat[i];

        // ---------------------------------------------------------------- simulation
        RandomGenerator covRng = new Well19937c(cfg.seed() ^ 0x5DEECE66DL);
        double[] covZ = new double[paths];
        for (int p = 0; p < paths; p++) covZ[p] = sigmaC * covRng.nextGaussian();
        Map<String, double[][]> sims = simulateModels(states, h, paths, cfg.seed());

        List<YearMonth> future = new ArrayList<>();
        for (int i = 1; i <= h; i++) future.add(last.plusMonths(i));
        Map<Integer, Double> obsYear = new TreeMap<>();
        Map<Integer, Integer> obsMonths = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            obsYear.merge(in.months().get(i).getYear(), nat[i], Double::sum);
            obsMonths.merge(in.months().get(i).getYear(), 1, Integer::sum);
        }

        List<SeriesRow> series = new ArrayList<>();
        // observed rows: national value with the coverage factor's interval, and the sample value
        Map<Integer, BigDecimal> obsYearSample = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            series.add(observedRow(TOTAL, "monthly", in.months().get(i).toString(), nat[i], in.exactTotal()[i], sigmaC));
            obsYearSample.merge(in.months().get(i).getYear(), in.exactTotal()[i], BigDecimal::add);
        }
        for (var e : obsYear.entrySet()) {
            if (obsMonths.get(e.getKey()) == 12) {
                series.add(observedRow(TOTAL, "annual", String.valueOf(e.getKey()), e.getValue(), obsYearSample.get(e.getKey()), sigmaC));
            }
        }
        // fitted and projected rows per model; a model whose projection is not credible is dropped (§5 "Plausibility")
        Map<String, Map<Integer, double[]>> annualPaths = new LinkedHashMap<>();
        Map<String, String> dropped = new LinkedHashMap<>();
        // each model's rows and plausibility on its own paths: side by side on the common pool, used in the models' order
        List<Map.Entry<String, double[][]>> modelSims = new ArrayList<>(sims.entrySet());
        final double ref12 = reference;
        List<ModelRows> perModel = modelSims.parallelStream().map(e -> {
            List<SeriesRow> rows = new ArrayList<>();
            Map<Integer, double[]> ap = modelRows(e.getKey(), e.getValue(), covZ, future, in.months(), nat, rows);
            return new ModelRows(rows, ap, implausible(rows, ref12, last));
        }).toList();
        for (int mi = 0; mi < modelSims.size(); mi++) {
            String model = modelSims.get(mi).getKey();
            List<SeriesRow> rows = perModel.get(mi).rows();
            Map<Integer, double[]> ap = perModel.get(mi).annualPaths();
            String why = perModel.get(mi).implausible();
            if (why != null) {
                dropped.put(model, why);
                warnings.add(droppedWarning(model, why));
                continue;
            }
            ModelState st = states.stream().filter(s -> s.model().name().equals(model)).findFirst().orElse(null);
            if (st != null && st.fit() != null) {
                double[] fitted = st.fit().fitted();
                for (int i = 0; i < n; i++) {
                    if (Double.isFinite(fitted[i])) {
                        series.add(new SeriesRow(TOTAL, model, "monthly", in.months().get(i).toString(), "FITTED",
                                Math.exp(fitted[i]), null, null, null, null, null));
                    }
                }
            }
            series.addAll(rows);
            annualPaths.put(model, ap);
        }
        if (!dropped.isEmpty()) states = withoutDropped(states, dropped, in);
        sims.put(ENSEMBLE, mixture(states, sims, paths));
        if (keepSimulations) keptSimulations = sims;
        double[][] ens = sims.get(ENSEMBLE);
        List<SeriesRow> ensRows = new ArrayList<>();
        Map<Integer, double[]> ensAp = modelRows(ENSEMBLE, ens, covZ, future, in.months(), nat, ensRows);
        String ensWhy = implausible(ensRows, reference, last);
        if (ensWhy != null) throw noCredibleProjection(in, Map.of(ENSEMBLE, ensWhy));
        series.addAll(ensRows);
        annualPaths.put(ENSEMBLE, ensAp);

        // ---------------------------------------------------------------- annual-frequency models (cross-check)
        List<ModelState> annualStates = annualModels(obsYear, obsMonths, series, backtestRows, reference, last);

        // ---------------------------------------------------------------- last full year, targets
        Integer lastFullYear = null;
        for (var e : obsMonths.entrySet()) if (e.getValue() == 12) lastFullYear = e.getKey();
        Double lastFullValue = lastFullYear == null ? null : obsYear.get(lastFullYear);
        BigDecimal lastFullExact = lastFullYear == null ? null : national(obsYearSample.get(lastFullYear));
        if (lastFullYear == null) {
            warnings.add("no calendar year is fully observed: required growth rates are not computed");
        }
        Map<Integer, double[]> ensAnnual = annualPaths.get(ENSEMBLE);
        Map<Integer, Double> central = new TreeMap<>();
        for (var e : obsYear.entrySet()) if (obsMonths.get(e.getKey()) == 12) central.put(e.getKey(), e.getValue());
        for (var e : ensAnnual.entrySet()) central.put(e.getKey(), Stats.bands(e.getValue())[0]);
        List<TargetRow> targets = new ArrayList<>();
        for (int ti = 0; ti < cfg.targets().size(); ti++) {
            ProjectConfig.Target t = cfg.targets().get(ti);
            double tv = t.valueIdr().doubleValue();
            double[] vals = ensAnnual.get(t.year());
            double[] b;
            Double prob;
            if (vals != null) {
                b = Stats.bands(vals);
                prob = Stats.fractionAtLeast(vals, tv);
            } else if (obsMonths.getOrDefault(t.year(), 0) == 12) {
                double v = obsYear.get(t.year());
                b = new double[]{v, v * Math.exp(-Z80 * sigmaC), v * Math.exp(Z80 * sigmaC), v * Math.exp(-Z95 * sigmaC),
                        v * Math.exp(Z95 * sigmaC)};
                prob = observedProbability(v, tv, sigmaC);
            } else {
                // neither observed in full nor projected: before the data, or a partly observed year (gap or partial start)
                b = null;
                prob = null;
                warnings.add(noValueForTarget(t, ti, in.months().get(0), obsMonths, lastFullYear, ensAnnual.keySet()));
            }
            Integer crossing = null;
            for (var e : central.entrySet()) {
                if (e.getValue() >= tv) {
                    crossing = e.getKey();
                    break;
                }
            }
            Double req = null;
            if (lastFullYear != null && t.year() > lastFullYear) {
                req = (Math.pow(tv / lastFullValue, 1.0 / (t.year() - lastFullYear)) - 1) * 100;
            }
            targets.add(new TargetRow(t.name(), t.label(), t.year(), t.valueIdr(), b == null ? null : b[0], b == null ? null : b[1],
                    b == null ? null : b[2], b == null ? null : b[3], b == null ? null : b[4], b == null ? null : tv - b[0],
                    prob, crossing, crossing == null ? "not by " + endYear : String.valueOf(crossing), req));
        }

        // ---------------------------------------------------------------- local UMKM and foreign-origin shares
        List<ShareRow> shares = new ArrayList<>();
        ObjectNode umkm = shareProjection(in, ens, covZ, future, nat, series, shares, lastFullYear);

        ObjectNode summary = summary(in, last, n, lastFullYear, lastFullExact, states, annualStates, ensAnnual, targets, umkm);
        ObjectNode ifContinued = trendScenario(coverage, central, ensAnnual, cfg.targets());
        if (ifContinued != null && summary.path("coverage").path("trend") instanceof ObjectNode tr) tr.set("if_continued", ifContinued);
        List<ModelRow> modelRows = modelRows(states, annualStates);
        return new Result(series, shares, backtestRows, modelRows, targets, summary, List.copyOf(warnings));
    }

    /**
     * What the targets would read if the coverage factor kept moving at the rate its calibration years show
     * (docs/PROJECTION.md §2, "If the factor's trend continued"): year y's national value × g^(y − ȳ), g = 1 + the
     * factor's change a year, ȳ the calibration years' mean, where the constant factor (their geometric mean) sits on
     * the least-squares line. Each projected target year's ensemble paths are scaled by that year's multiplier (the
     * probability is the share of paths at or above target ÷ multiplier); the crossing year is the first year whose
     * central value × its multiplier reaches the target, observed years included. A sensitivity beside the published
     * projection, not a correction of it: two or three calibration years cannot tell a trend in the sample's coverage
     * from noise in the benchmark. Null without a trend (fewer than two calibration years).
     */
    static ObjectNode trendScenario(Coverage.Result coverage, Map<Integer, Double> central, Map<Integer, double[]> ensAnnual,
                                    List<ProjectConfig.Target> targets) {
        Coverage.Trend trend = coverage.trend();
        if (trend == null) return null;
        double g = 1 + trend.factorPctPerYear() / 100;
        double meanYear = coverage.points().stream().mapToDouble(Coverage.Point::year).average().orElseThrow();
        ObjectNode o = JSON.createObjectNode();
        putNum(o, "reference_year", meanYear, 2);
        ArrayNode ts = o.putArray("targets");
        for (ProjectConfig.Target t : targets) {
            double[] vals = ensAnnual.get(t.year());
            if (vals == null) continue;
            double tv = t.valueIdr().doubleValue();
            double m = Math.pow(g, t.year() - meanYear);
            double[] scaled = new double[vals.length];
            for (int i = 0; i < vals.length; i++) scaled[i] = vals[i] * m;
            double[] b = Stats.bands(scaled);
            Integer crossing = null;
            for (var e : central.entrySet()) {
                if (e.getValue() * Math.pow(g, e.getKey() - meanYear) >= tv) {
                    crossing = e.getKey();
                    break;
                }
            }
            ObjectNode n = ts.addObject();
            n.put("name", t.name());
            n.put("year", t.year());
            putNum(n, "factor_multiplier", m, 6);
            putMoney(n, "projected_idr", b[0]);
            putMoney(n, "lo80_idr", b[1]);
            putMoney(n, "hi80_idr", b[2]);
            putMoney(n, "lo95_idr", b[3]);
            putMoney(n, "hi95_idr", b[4]);
            putNum(n, "probability", Stats.fractionAtLeast(scaled, tv), 4);
            if (crossing == null) n.putNull("crossing_year");
            else n.put("crossing_year", crossing);
        }
        return o;
    }

    /**
     * P(national value ≥ target) for a fully observed year: the observed value is known in the sample, the national value
     * is that × the coverage factor, whose log-normal uncertainty (log sd {@code sigmaLog}) gives the year's interval. So
     * the probability is Φ(ln(value / target) / sigmaLog), consistent with that interval (a target at its upper 95% bound
     * has 0.025), not the 0 or 1 of comparing the central value alone. Without uncertainty it is 0 or 1.
     */
    static double observedProbability(double value, double target, double sigmaLog) {
        if (!(sigmaLog > 0)) return value >= target ? 1.0 : 0.0;
        double z = Math.log(value / target) / sigmaLog;
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-z / Math.sqrt(2));
    }

    /**
     * Under 12 contiguous months nothing is projected: the models refuse (exit 3, naming the months), and the stage
     * writes {@link #notProjected} instead of calling them. Checked before the coverage calibration too: its own error
     * for such a history ("no year has both a full year of observed sales ... set
     * project.coverage.method: factor") sent the user to a setting after which the history was still too short.
     */
    public static void requireProjectableHistory(List<YearMonth> months) {
        String why = tooShort(months);
        if (why != null) throw id.neraca.core.NeracaException.data("%s", why);
    }

    /** {@code status} in summary.json: the history supported a projection, or it did not (nothing is projected). */
    public static final String STATUS_PROJECTED = "projected";
    public static final String STATUS_NOT_PROJECTED = "not_projected";

    /** The message of a history under 12 contiguous months, or null when it is long enough to project. */
    public static String tooShort(List<YearMonth> months) {
        int n = months.size();
        if (n >= 12) return null;
        return String.format(Locale.ROOT, "only %d contiguous month%s of completed sales (%s to %s): a projection needs at "
                + "least 12 (one full seasonal cycle), and 24 for the seasonal models. Add dumps covering more months; nothing "
                + "is projected from less.", n, n == 1 ? "" : "s", months.get(0), months.get(n - 1));
    }

    /**
     * What the stage writes for a history too short to project ({@link #tooShort}): no series, shares, backtest or
     * models; each target with its value and nothing projected ({@code crossing_label} "not projected"); a summary whose
     * {@code status} is {@link #STATUS_NOT_PROJECTED} with the reason. The observed shares need no projection: the
     * aggregates and the report's observed tables stand, and the report says why there is no projection.
     */
    /** {@code not_projected_cause} in summary.json: why nothing is projected. */
    public static final String CAUSE_SHORT_HISTORY = "short_history";
    public static final String CAUSE_NO_CALIBRATION_YEAR = "no_calibration_year";
    /** No completed order line at all (listing scrapes alone): the monthly series has no month. */
    public static final String CAUSE_NO_ORDER_LINES = "no_order_lines";

    public static Result notProjected(ProjectConfig cfg, Input in, String reason, String cause) {
        List<TargetRow> targets = new ArrayList<>();
        for (ProjectConfig.Target t : cfg.targets()) {
            targets.add(new TargetRow(t.name(), t.label(), t.year(), t.valueIdr(), null, null, null, null, null, null, null,
                    null, NOT_PROJECTED_LABEL, null));
        }
        int n = in.months().size();
        ObjectNode s = JSON.createObjectNode();
        s.put("status", STATUS_NOT_PROJECTED);
        s.put("not_projected_reason", reason);
        s.put("not_projected_cause", cause);
        if (n == 0) s.putNull("last_observed_month");
        else s.put("last_observed_month", in.months().get(n - 1).toString());
        s.put("months_observed", n);
        if (n == 0) s.putNull("first_observed_month");
        else s.put("first_observed_month", in.months().get(0).toString());
        ArrayNode ts = s.putArray("targets");
        for (TargetRow t : targets) putTarget(cfg, ts.addObject(), t);
        s.put("horizon_end_year", cfg.horizonEndYear());
        List<String> w = List.of(reason);
        ArrayNode wa = s.putArray("warnings");
        w.forEach(wa::add);
        return new Result(List.of(), List.of(), List.of(), List.of(), List.copyOf(targets), s, List.copyOf(w));
    }

    /** {@code crossing_label} of a target when nothing is projected. */
    public static final String NOT_PROJECTED_LABEL = "not projected";

    /** {@code basis} in summary.json: the ensemble's weight rests on growth scenarios only (assumed rates, nothing fitted). */
    public static final String BASIS_SCENARIOS = "growth_scenarios";
    public static final String BASIS_MODELS = "fitted_models";

    /**
     * What the headline projection rests on: {@link #BASIS_SCENARIOS} when every monthly model carrying ensemble
     * weight is a growth scenario (a short history fits no model, or the fitted ones were not selected or were
     * dropped): the projection is then an assumed growth rate, not an estimate, and the report must say so.
     */
    static String basis(List<ModelState> states) {
        boolean fitted = states.stream().anyMatch(s -> s.weight() > 0 && !(s.model() instanceof CagrScenario));
        return fitted ? BASIS_MODELS : BASIS_SCENARIOS;
    }

    /** The warning for a target whose year has no observed full-year or projected value, naming the key to fix. */
    static String noValueForTarget(ProjectConfig.Target t, int index, YearMonth firstMonth, Map<Integer, Integer> obsMonths,
                                   Integer lastFullYear, java.util.Set<Integer> projectedYears) {
        int y = t.year();
        String why = y < firstMonth.getYear()
                ? String.format(Locale.ROOT, "%d is before the first modelled month %s", y, firstMonth)
                : String.format(Locale.ROOT, "%d is observed for %d month(s) only and not projected", y, obsMonths.getOrDefault(y, 0));
        int from = projectedYears.isEmpty() ? y : java.util.Collections.min(projectedYears);
        for (var e : obsMonths.entrySet()) {
            if (e.getValue() == 12) {
                from = Math.min(from, e.getKey());
                break;
            }
        }
        int to = projectedYears.isEmpty() ? (lastFullYear == null ? from : lastFullYear) : java.util.Collections.max(projectedYears);
        return String.format(Locale.ROOT, "target %s (project.targets[%d].year = %d): %s, so there is no national value to "
                + "compare it with; its projection, intervals, gap and probability are null. Set project.targets[%d].year to a "
                + "year from %d to %d", t.name(), index, y, why, index, from, to);
    }

    /** Backtest origins below which models are neither selected nor weighted by their errors (docs/PROJECTION.md §4). */
    static final int MIN_SCORED_ORIGINS = 3;

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Selection: a supported candidate is kept if its backtest MASE is at most selection_max_mase_ratio × the
     * seasonal-naive baseline's (or, without a baseline score, if it has a score at all). Weights ∝ 1/MASE² over the
     * kept models, 1/CRPS² under {@code weighting: inverse_crps} (docs/PROJECTION.md §4), or equal. With no backtest, or one of fewer than {@link #MIN_SCORED_ORIGINS} origins, every
     * supported candidate gets an equal weight: 25 months gave one origin, and the weights (0.61 / 0.27 / 0.12) rested
     * on one one-step error per model.
     */
    List<ModelState> select(List<ModelState> states, Backtest.Score naive, boolean enoughOrigins) {
        List<ModelState> cand = states.stream().filter(s -> s.fit() != null && candidate(s.model().name())).toList();
        boolean scored = enoughOrigins && cand.stream().anyMatch(s -> s.mase() != null);
        List<String> kept = new ArrayList<>();
        if (scored) {
            double limit = naive != null && Double.isFinite(naive.mase())
                    ? cfg.backtest().selectionMaxMaseRatio() * naive.mase() : Double.POSITIVE_INFINITY;
            for (ModelState s : cand) if (s.mase() != null && s.mase() <= limit) kept.add(s.model().name());
            if (kept.isEmpty()) {
                ModelState best = cand.stream().filter(s -> s.mase() != null)
                        .min(java.util.Comparator.comparingDouble(ModelState::mase)).orElseThrow();
                kept.add(best.model().name());
                warnings.add(String.format(Locale.ROOT, "no model beat %.2f × the seasonal-naive backtest MASE; the best one (%s) is used alone",
                        cfg.backtest().selectionMaxMaseRatio(), best.model().name()));
            }
        } else {
            for (ModelState s : cand) kept.add(s.model().name());
        }
        // the interval check: a kept model whose 80% intervals the backtest shows too narrow beyond a year is left out
        Map<String, String> narrow = new TreeMap<>();
        if (scored && !intervalCoverage.isEmpty()) {
            double min = cfg.backtest().minIntervalCoverage();
            for (String k : kept) {
                Backtest.Coverage c = intervalCoverage.get(k);
                if (c != null && c.in80() < min) narrow.put(k, intervalWarning(c, min));
            }
            if (narrow.size() == kept.size()) {
                // every kept model fails: the one whose intervals held most stays, alone, with a warning
                String best = kept.stream().filter(intervalCoverage::containsKey)
                        .max(java.util.Comparator.comparingDouble((String k) -> intervalCoverage.get(k).in80())
                                .thenComparing(java.util.Comparator.reverseOrder()))
                        .orElseThrow();
                narrow.remove(best);
                warnings.add(String.format(Locale.ROOT, "every model kept by the backtest MASE has 80%% intervals that held less than "
                        + "%.0f%% of the backtest's outcomes %d to %d months ahead; the one that held most (%s, %.1f%%) is used alone, and "
                        + "the projection's intervals are likely too narrow", 100 * min, intervalCoverage.get(best).fromHorizon(),
                        intervalCoverage.get(best).toHorizon(), best, 100 * intervalCoverage.get(best).in80()));
            }
            kept.removeAll(narrow.keySet());
        }
        Map<String, Double> raw = new TreeMap<>();
        String weighting = cfg.backtest().weighting();
        // inverse_crps needs a score for every kept model (the weights compare them); else equal weights, with a warning
        boolean byCrps = scored && weighting.equals(ProjectConfig.INVERSE_CRPS)
                && kept.stream().allMatch(k -> crps.get(k) != null && Double.isFinite(crps.get(k)));
        if (scored && weighting.equals(ProjectConfig.INVERSE_CRPS) && !byCrps) {
            warnings.add("weighting inverse_crps: a kept model has no backtest CRPS; the kept models get equal weights");
        }
        for (ModelState s : cand) {
            if (!kept.contains(s.model().name())) continue;
            boolean inverse = scored && weighting.equals(ProjectConfig.INVERSE_MASE) && s.mase() != null;
            raw.put(s.model().name(), byCrps ? crps.get(s.model().name()) : inverse ? s.mase() : null);
        }
        raw = inverseSquare(raw);
        double sum = raw.values().stream().mapToDouble(Double::doubleValue).sum();
        List<ModelState> out = new ArrayList<>();
        for (ModelState s : states) {
            Double w = raw.get(s.model().name());
            String warning = s.warning();
            if (s.fit() != null && w == null && candidate(s.model().name())) {
                warning = narrow.containsKey(s.model().name()) ? narrow.get(s.model().name())
                        : String.format(Locale.ROOT, "not selected: backtest MASE %s vs seasonal naive %s", fmt(s.mase()),
                        naive == null ? "n/a" : fmt(naive.mase()));
            }
            if (!candidate(s.model().name()) && s.fit() != null) warning = "scenario band, not weighted";
            String edge = atGridEdge(s);
            if (edge != null) warning = warning == null ? edge : warning + "; " + edge;
            out.add(new ModelState(s.model(), s.frequency(), s.unsupported(), s.mape(), s.mase(), w != null,
                    w == null ? 0 : round(w / sum, 6), s.fit(), warning));
        }
        return out;
    }

    /** Why a model failed the interval check, as its {@code warning} in {@code models} and {@code summary.json}. */
    static String intervalWarning(Backtest.Coverage c, double min) {
        return String.format(Locale.ROOT, "not selected: its 80%% intervals held %.1f%% of the backtest's outcomes %d to %d months ahead "
                + "(%d forecasts from %d origins), under project.backtest.min_interval_coverage %.2f: too narrow beyond a year",
                100 * c.in80(), c.fromHorizon(), c.toHorizon(), c.outcomes(), c.origins(), min);
    }

    /**
     * A note when the drift model's MA(1) θ sits at the lower edge of its grid (−0.99): every month's surprise fades, so
     * the "random walk with drift" is in effect a deterministic trend, as the log-linear model is, and the two agree by
     * construction (the samples: θ −0.99, growth 19.55% against 19.43%). Null otherwise.
     */
    static String atGridEdge(ModelState s) {
        if (s.fit() == null || !s.model().name().startsWith("drift")) return null;
        Double theta = s.fit().parameters().get("ma1_theta");
        if (theta == null || theta > id.neraca.project.model.DriftSeasonal.THETA_MIN + 1e-9) return null;
        return String.format(Locale.ROOT, "MA(1) theta at its grid's lower edge %.2f: every surprise fades, so this is in effect a "
                + "deterministic trend, like loglinear_seasonal, not a random walk", theta);
    }

    /**
     * Unnormalised weights from backtest scores: 1/score² (the score floored at 10⁻³, so that a perfect backtest does
     * not take all the weight by division by zero); a null score weighs 1.
     */
    static Map<String, Double> inverseSquare(Map<String, Double> scores) {
        Map<String, Double> out = new TreeMap<>();
        for (var e : scores.entrySet()) {
            Double v = e.getValue();
            out.put(e.getKey(), v == null ? 1.0 : 1 / Math.max(1e-6, v * v));
        }
        return out;
    }

    private static String fmt(Double d) {
        return d == null || !Double.isFinite(d) ? "n/a" : String.format(Locale.ROOT, "%.3f", d);
    }

    private static double round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * Simulated log paths of every fitted monthly model (seeded per model) and of the {@link #ENSEMBLE}: a mixture
     * taking from each model a number of its paths proportional to its weight. Package-visible so that the interval
     * coverage tests run the paths the projection publishes (ModelsTest).
     */
    static Map<String, double[][]> simulate(List<ModelState> states, int h, int paths, long seed) {
        Map<String, double[][]> sims = simulateModels(states, h, paths, seed);
        sims.put(ENSEMBLE, mixture(states, sims, paths));
        return sims;
    }

    /** One model's projected rows, its annual paths and why it is not credible (null when it is). */
    private record ModelRows(List<SeriesRow> rows, Map<Integer, double[]> annualPaths, String implausible) {}

    /** Simulated log paths of every fitted monthly model, seeded by its position in {@code states}. */
    static Map<String, double[][]> simulateModels(List<ModelState> states, int h, int paths, long seed) {
        // each model with its own seed: side by side on the common pool, the same paths as one after the other
        List<double[][]> drawn = java.util.stream.IntStream.range(0, states.size()).parallel().mapToObj(k -> {
            ModelState s = states.get(k);
            return s.fit() == null ? null : s.fit().simulate(h, paths, new Well19937c(seed + 7919L * (k + 1)));
        }).toList();
        Map<String, double[][]> sims = new LinkedHashMap<>();
        for (int k = 0; k < states.size(); k++) {
            if (drawn.get(k) != null) sims.put(states.get(k).model().name(), drawn.get(k));
        }
        return sims;
    }

    /** The ensemble's paths: from each model a number of its paths proportional to its weight. */
    static double[][] mixture(List<ModelState> states, Map<String, double[][]> sims, int paths) {
        double[][] ens = new double[paths][];
        int[] counts = allocate(states, paths);
        int p0 = 0;
        for (int k = 0; k < states.size(); k++) {
            for (int j = 0; j < counts[k]; j++) ens[p0++] = sims.get(states.get(k).model().name())[j];
        }
        return ens;
    }

    /**
     * A model's projected rows (monthly and annual, every interval with the coverage draw) into {@code rows}; returns
     * its annual sums per path.
     */
    private static Map<Integer, double[]> modelRows(String model, double[][] sim, double[] covZ, List<YearMonth> future,
                                                    List<YearMonth> months, double[] nat, List<SeriesRow> rows) {
        int paths = sim.length;
        double[] col = new double[paths];
        for (int i = 0; i < future.size(); i++) {
            for (int p = 0; p < paths; p++) col[p] = Math.exp(sim[p][i] + covZ[p]);
            rows.add(projectedRow(TOTAL, model, "monthly", future.get(i).toString(), Stats.bands(col)));
        }
        Map<Integer, double[]> ap = annualSums(sim, covZ, future, months, nat, paths);
        for (var y : ap.entrySet()) {
            rows.add(projectedRow(TOTAL, model, "annual", String.valueOf(y.getKey()), Stats.bands(y.getValue())));
        }
        return ap;
    }

    /**
     * Why a model's projection is not credible, or null when it is (docs/PROJECTION.md §5 "Plausibility"): a value that
     * is not a finite number or not below {@link #MONEY_LIMIT}, a value above the plausibility bound, or an annual value
     * below its inverse. The bound, relative to {@code reference} (the national value of the last 12 observed months),
     * is {@link #PLAUSIBLE_MULTIPLE} for the first {@link #PLAUSIBLE_YEARS} projected years and grows at the same pace
     * beyond: {@code PLAUSIBLE_MULTIPLE^(max(1, k / PLAUSIBLE_YEARS))} k years after {@code last}. Intervals that are
     * merely wide stay: they are the honest answer.
     */
    static String implausible(List<SeriesRow> rows, double reference, YearMonth last) {
        for (SeriesRow r : rows) {
            if (!r.kind().equals("PROJECTED")) continue;
            for (Double v : new Double[]{r.value(), r.lo80(), r.hi80(), r.lo95(), r.hi95()}) {
                if (v == null || !Double.isFinite(v)) {
                    return String.format(Locale.ROOT, "its simulated %s value for %s is not a finite number", r.frequency(), r.period());
                }
            }
            boolean annual = r.frequency().equals("annual");
            int years = annual ? Integer.parseInt(r.period()) - last.getYear()
                    : (int) Math.ceil(java.time.temporal.ChronoUnit.MONTHS.between(last, YearMonth.parse(r.period())) / 12.0);
            double bound = plausibleMultiple(years);
            if (r.hi95() > bound * reference) {
                return String.format(Locale.ROOT, "its 95%% interval for %s reaches %s, %s times the national value of the last "
                                + "12 observed months (%s); more than %s times %s is not credible", r.period(), triliun(r.hi95()),
                        times(r.hi95() / reference), triliun(reference), times(bound), horizon(years));
            }
            if (!(r.hi95() < MONEY_LIMIT)) {
                return String.format(Locale.ROOT, "its 95%% interval for %s reaches %s, beyond the %s the outputs hold", r.period(),
                        triliun(r.hi95()), triliun(MONEY_LIMIT));
            }
            if (annual && r.lo95() < reference / bound) {
                return String.format(Locale.ROOT, "its 95%% interval for %s falls to %s, 1/%s of the national value of the last "
                                + "12 observed months (%s); less than 1/%s %s is not credible", r.period(), triliun(r.lo95()),
                        times(reference / r.lo95()), triliun(reference), times(bound), horizon(years));
            }
        }
        return null;
    }

    /** The plausibility bound k years after the last observed one: PLAUSIBLE_MULTIPLE^(max(1, k / PLAUSIBLE_YEARS)). */
    static double plausibleMultiple(int years) {
        return Math.pow(PLAUSIBLE_MULTIPLE, Math.max(1.0, years / (double) PLAUSIBLE_YEARS));
    }

    private static String horizon(int years) {
        return years <= PLAUSIBLE_YEARS ? "within " + PLAUSIBLE_YEARS + " years" : years + " years ahead";
    }

    private static String droppedWarning(String model, String why) {
        return "model " + model + " dropped: " + why + " (a short or noisy history: docs/PROJECTION.md §5). Its projection "
                + "is not published and it carries no weight";
    }

    /**
     * The monthly states after dropping the models whose projection is not credible: weight 0, not selected, the
     * reason as their warning; the remaining selected models' weights renormalised. No weighted model left: exit 3.
     */
    private List<ModelState> withoutDropped(List<ModelState> states, Map<String, String> dropped, Input in) {
        double kept = 0;
        for (ModelState s : states) if (s.selected() && !dropped.containsKey(s.model().name())) kept += s.weight();
        if (!(kept > 0)) {
            Map<String, String> why = new LinkedHashMap<>();
            for (ModelState s : states) if (s.selected() && dropped.containsKey(s.model().name())) why.put(s.model().name(), dropped.get(s.model().name()));
            throw noCredibleProjection(in, why);
        }
        List<ModelState> out = new ArrayList<>();
        for (ModelState s : states) {
            String why = dropped.get(s.model().name());
            if (why != null) {
                out.add(new ModelState(s.model(), s.frequency(), s.unsupported(), s.mape(), s.mase(), false, 0, s.fit(),
                        "dropped: " + why));
            } else {
                out.add(new ModelState(s.model(), s.frequency(), s.unsupported(), s.mape(), s.mase(), s.selected(),
                        s.selected() ? round(s.weight() / kept, 6) : 0, s.fit(), s.warning()));
            }
        }
        return out;
    }

    /**
     * The observed national values (sample × coverage factor) must be of an economy's scale: at most
     * {@link #MAX_NATIONAL_IDR} for the last 12 months, a full year or a month. Beyond, the figures would be absurd
     * and, with the factor's interval, beyond the decimal(24,2) columns. A configured factor is a configuration error
     * (exit 2 naming project.coverage.factor); a calibrated one means months of very different scale (exit 3).
     */
    private void checkNationalScale(Input in, double[] nat) {
        int n = nat.length;
        double last12 = 0;
        for (int i = Math.max(0, n - 12); i < n; i++) last12 += nat[i];
        Map<Integer, double[]> years = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            double[] a = years.computeIfAbsent(in.months().get(i).getYear(), k -> new double[2]);
            a[0] += nat[i];
            a[1]++;
        }
        double top = last12;
        String where = "the last 12 observed months";
        for (var e : years.entrySet()) {
            if (e.getValue()[1] == 12 && !(e.getValue()[0] <= top)) {
                top = e.getValue()[0];
                where = "the year " + e.getKey();
            }
        }
        int largest = 0;
        for (int i = 1; i < n; i++) if (nat[i] > nat[largest]) largest = i;
        if (!(nat[largest] <= top)) {
            top = nat[largest];
            where = "the month " + in.months().get(largest);
        }
        if (top <= MAX_NATIONAL_IDR) return;
        String what = String.format(Locale.ROOT, "the national value of %s would be %s (observed sample × coverage factor %.6g), more "
                + "than %s, about 45 times Indonesia's GDP", where, triliun(top), coverage.factor(), triliun(MAX_NATIONAL_IDR));
        if (coverage.method().equals(ProjectConfig.FACTOR)) {
            throw id.neraca.core.NeracaException.usage("project.coverage.factor: %s. The factor is national value / observed value "
                    + "(the sample's share of the market, inverted): check it against the observed GMV in "
                    + "out/aggregates/monthly_headline, or use project.coverage.method: benchmark_calibration.", what);
        }
        double[] sorted = in.total().clone();
        java.util.Arrays.sort(sorted);
        throw id.neraca.core.NeracaException.data("out/aggregates/monthly_headline: %s. The calibrated factor rests on other "
                        + "years; the observed months differ too much in scale for one factor (the largest month, %s, is %s times "
                        + "the median month). Check that month's sales (a price or quantity typo?) before projecting.", what,
                in.months().get(largest), times(in.total()[largest] / Stats.quantile(sorted, 0.5)));
    }

    /** Exit 3: no weighted model gives a credible projection from this history. */
    private static id.neraca.core.NeracaException noCredibleProjection(Input in, Map<String, String> why) {
        int n = in.months().size();
        double[] sorted = in.total().clone();
        java.util.Arrays.sort(sorted);
        double median = Stats.quantile(sorted, 0.5);
        int smallest = 0;
        int largest = 0;
        for (int i = 1; i < n; i++) {
            if (in.total()[i] < in.total()[smallest]) smallest = i;
            if (in.total()[i] > in.total()[largest]) largest = i;
        }
        StringBuilder models = new StringBuilder();
        for (var e : why.entrySet()) models.append(models.length() == 0 ? "" : "; ").append(e.getKey()).append(": ").append(e.getValue());
        return id.neraca.core.NeracaException.data("out/aggregates/monthly_headline: no model gives a credible projection from "
                        + "this history (%d months, %s to %s; its smallest month, %s, holds %s of the median month's sales, its "
                        + "largest, %s, %s times): %s. The history is too short or too noisy to project. Add dumps (more "
                        + "marketplaces or sellers, so that every month holds enough sales, or more months), or check the months "
                        + "with almost no or with outsized sales. Nothing is projected (docs/PROJECTION.md §5 \"Plausibility\").",
                n, in.months().get(0), in.months().get(n - 1), in.months().get(smallest), share(in.total()[smallest] / median),
                in.months().get(largest), times(in.total()[largest] / median), models);
    }

    private static String share(double x) {
        return x >= 0.01 ? String.format(Locale.ROOT, "%.0f%%", x * 100) : String.format(Locale.ROOT, "%.2g%%", x * 100);
    }

    /** Rupiah in triliun (10^12), for messages. */
    static String triliun(double v) {
        if (!Double.isFinite(v)) return "Rp" + v;
        return v >= 1e12 ? String.format(Locale.ROOT, "Rp%,.0f triliun", v / 1e12) : String.format(Locale.ROOT, "Rp%,.0f", v);
    }

    private static String times(double x) {
        return x >= 100 ? String.format(Locale.ROOT, "%,.0f", x) : String.format(Locale.ROOT, "%.3g", x);
    }

    /** Paths per model in the ensemble: proportional to weight, remainder to the largest weight. */
    static int[] allocate(List<ModelState> states, int paths) {
        int[] c = new int[states.size()];
        int used = 0;
        int biggest = 0;
        for (int k = 0; k < states.size(); k++) {
            c[k] = (int) Math.floor(states.get(k).weight() * paths);
            used += c[k];
            if (states.get(k).weight() > states.get(biggest).weight()) biggest = k;
        }
        c[biggest] += paths - used;
        return c;
    }

    /** Annual sums per path for every year from the last observed month's year on: observed months + simulated. */
    static Map<Integer, double[]> annualSums(double[][] sim, double[] covZ, List<YearMonth> future, List<YearMonth> months,
                                             double[] nat, int paths) {
        Map<Integer, double[]> out = new TreeMap<>();
        int firstYear = future.get(0).getYear();
        double observedPart = 0;
        for (int i = 0; i < months.size(); i++) if (months.get(i).getYear() == firstYear) observedPart += nat[i];
        for (int i = 0; i < future.size(); i++) {
            int yr = future.get(i).getYear();
            double[] acc = out.get(yr);
            if (acc == null) {
                acc = new double[paths];
                out.put(yr, acc);
            }
            for (int p = 0; p < paths; p++) acc[p] += Math.exp(sim[p][i]);
        }
        // observed months of the first projected year belong to the same national year
        double[] fy = out.get(firstYear);
        for (int p = 0; p < paths; p++) fy[p] += observedPart;
        for (double[] acc : out.values()) for (int p = 0; p < paths; p++) acc[p] *= Math.exp(covZ[p]);
        return out;
    }

    private SeriesRow observedRow(String series, String freq, String period, double v, BigDecimal sample, double sigmaC) {
        return new SeriesRow(series, OBSERVED, freq, period, "OBSERVED", v, v * Math.exp(-Z80 * sigmaC),
                v * Math.exp(Z80 * sigmaC), v * Math.exp(-Z95 * sigmaC), v * Math.exp(Z95 * sigmaC), sample.doubleValue(),
                national(sample), sample);
    }

    /**
     * The coverage factor as published in summary.json ({@code coverage.factor}: the shortest decimal of the double the
     * models use), so that sample × factor reproduces every published observed national value.
     */
    BigDecimal factorDecimal() {
        return BigDecimal.valueOf(coverage.factor());
    }

    /** An observed sample value scaled to the nation: exact sample × published factor, to the sen (HALF_UP). */
    BigDecimal national(BigDecimal sample) {
        return sample.multiply(factorDecimal()).setScale(2, RoundingMode.HALF_UP);
    }

    private static SeriesRow projectedRow(String series, String model, String freq, String period, double[] b) {
        return new SeriesRow(series, model, freq, period, "PROJECTED", b[0], b[1], b[2], b[3], b[4], null);
    }

    /** Models fitted on the annual series of full years: reported and projected as a cross-check, weight 0. */
    private List<ModelState> annualModels(Map<Integer, Double> obsYear, Map<Integer, Integer> obsMonths,
                                          List<SeriesRow> series, List<BacktestRow> backtestRows, double reference,
                                          YearMonth last) {
        List<Integer> years = new ArrayList<>();
        for (var e : obsMonths.entrySet()) if (e.getValue() == 12) years.add(e.getKey());
        // only a contiguous run of full years ending at the last one
        int start = years.size() - 1;
        while (start > 0 && years.get(start - 1) == years.get(start) - 1) start--;
        years = years.isEmpty() ? years : years.subList(Math.max(0, start), years.size());
        int m = years.size();
        var sc = cfg.scenarios();
        List<Forecaster> models = List.of(
                new CagrScenario("cagr_base_annual", sc.cagrBasePct() / 100)
                        .withLogSd(new double[]{Math.log((1 + sc.cagrHighPct() / 100) / (1 + sc.cagrLowPct() / 100)) / (2 * Z95)}),
                new LogLinearSeasonal(false, 0, "loglinear_annual"),
                new HoltDamped(false, 0, Math.max(6, cfg.minAnnualPoints() + 3), "holt_damped_annual"),
                new DriftSeasonal(false, Math.max(6, cfg.minAnnualPoints() + 3), "drift_annual", false));
        List<ModelState> out = new ArrayList<>();
        double[] ya = new double[m];
        for (int i = 0; i < m; i++) ya[i] = Math.log(obsYear.get(years.get(i)));
        if (m < cfg.minAnnualPoints()) {
            warnings.add(String.format(Locale.ROOT, "%d full year(s) observed (< project.min_annual_points = %d): no model is fitted on the "
                    + "annual series", m, cfg.minAnnualPoints()));
        }
        Map<String, Backtest.Score> annualScore = new LinkedHashMap<>();
        if (m >= cfg.minAnnualPoints() + 2) {
            List<Backtest.Error> errs = Backtest.run(new ArrayList<>(models), ya, 1, 0, cfg.minAnnualPoints(), 3);
            for (Backtest.Score s : Backtest.score(errs)) {
                backtestRows.add(new BacktestRow(TOTAL, "annual", s.model(), s.horizon(), "ALL", s.mape(), finite(s.mase()), s.n()));
                if (s.horizon() == 0) annualScore.put(s.model(), s);
            }
        } else if (m > 0) {
            warnings.add(String.format(Locale.ROOT, "%d full year(s): too few for an annual backtest; annual models are a cross-check only", m));
        }
        int lastYear = m > 0 ? years.get(m - 1) : 0;
        int h = cfg.horizonEndYear() - lastYear;
        RandomGenerator covRng = new Well19937c(cfg.seed() ^ 0xA11L);
        double[] covZ = new double[cfg.simulations()];
        for (int p = 0; p < covZ.length; p++) covZ[p] = coverage.sigmaLog() * covRng.nextGaussian();
        for (int k = 0; k < models.size(); k++) {
            Forecaster f = models.get(k);
            String why = m < cfg.minAnnualPoints() ? String.format(Locale.ROOT, "%d full years (< %d)", m, cfg.minAnnualPoints())
                    : f.unsupportedReason(m, 1);
            if (why != null || h < 1) {
                out.add(new ModelState(f, "annual", why, null, null, false, 0, null, why));
                continue;
            }
            Forecaster.Fit fit = f.fit(ya, 1, 0);
            double[][] sim = fit.simulate(h, cfg.simulations(), new Well19937c(cfg.seed() + 104729L * (k + 1)));
            double[] col = new double[cfg.simulations()];
            List<SeriesRow> rows = new ArrayList<>();
            for (int i = 0; i < h; i++) {
                for (int p = 0; p < col.length; p++) col[p] = Math.exp(sim[p][i] + covZ[p]);
                rows.add(projectedRow(TOTAL, f.name(), "annual", String.valueOf(lastYear + i + 1), Stats.bands(col)));
            }
            String implausible = implausible(rows, reference, last);
            if (implausible != null) {
                warnings.add(droppedWarning(f.name(), implausible));
                out.add(new ModelState(f, "annual", null, null, null, false, 0, fit, "dropped: " + implausible));
                continue;
            }
            series.addAll(rows);
            double[] fitted = fit.fitted();
            for (int i = 0; i < m; i++) {
                if (Double.isFinite(fitted[i])) {
                    series.add(new SeriesRow(TOTAL, f.name(), "annual", String.valueOf(years.get(i)), "FITTED",
                            Math.exp(fitted[i]), null, null, null, null, null));
                }
            }
            Backtest.Score score = annualScore.get(f.name());
            out.add(new ModelState(f, "annual", null, score == null ? null : finite(score.mape()),
                    score == null ? null : finite(score.mase()), false, 0, fit, "annual cross-check, not weighted"));
        }
        return out;
    }

    /**
     * Logit-linear trend of the monthly local UMKM and foreign-origin shares (share of total GMV), simulated with
     * parameter uncertainty and paired with the ensemble's total paths: value earned = total × share per month.
     */
    private ObjectNode shareProjection(Input in, double[][] ens, double[] covZ, List<YearMonth> future, double[] nat,
                                       List<SeriesRow> series, List<ShareRow> shares, Integer lastFullYear) {
        int n = in.months().size();
        int h = future.size();
        int paths = ens.length;
        int firstSeason = in.months().get(0).getMonthValue() - 1;
        Map<String, double[]> obsShare = new LinkedHashMap<>();
        obsShare.put(UMKM, in.localUmkm());
        obsShare.put(FOREIGN, in.foreignOrigin());
        Map<String, Map<Integer, double[]>> valuePaths = new LinkedHashMap<>();
        Map<String, Map<Integer, double[]>> sharePaths = new LinkedHashMap<>();
        String shareModel = "logit_linear";
        int k = 0;
        for (var e : obsShare.entrySet()) {
            String series0 = e.getKey();
            String shareName = series0.replace("_gmv", "_share");
            double[] part = e.getValue();
            BigDecimal[] exactPart = series0.equals(UMKM) ? in.exactUmkm() : in.exactForeign();
            Map<Integer, BigDecimal> yearExact = new TreeMap<>();
            for (int i = 0; i < n; i++) yearExact.merge(in.months().get(i).getYear(), exactPart[i], BigDecimal::add);
            double[] logit = new double[n];
            for (int i = 0; i < n; i++) {
                double s = clamp(part[i] / in.total()[i]);
                logit[i] = Math.log(s / (1 - s));
                shares.add(new ShareRow(shareName, OBSERVED, "monthly", in.months().get(i).toString(), "OBSERVED",
                        part[i] / in.total()[i] * 100, null, null, null, null));
                series.add(new SeriesRow(series0, OBSERVED, "monthly", in.months().get(i).toString(), "OBSERVED",
                        part[i] * coverage.factor(), null, null, null, null, part[i], national(exactPart[i]), exactPart[i]));
            }
            Map<Integer, double[]> yearParts = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                double[] a = yearParts.computeIfAbsent(in.months().get(i).getYear(), x -> new double[3]);
                a[0] += part[i];
                a[1] += in.total()[i];
                a[2]++;
            }
            for (var yp : yearParts.entrySet()) {
                if (yp.getValue()[2] == 12) {
                    shares.add(new ShareRow(shareName, OBSERVED, "annual", String.valueOf(yp.getKey()), "OBSERVED",
                            yp.getValue()[0] / yp.getValue()[1] * 100, null, null, null, null));
                    BigDecimal ex = yearExact.get(yp.getKey());
                    series.add(new SeriesRow(series0, OBSERVED, "annual", String.valueOf(yp.getKey()), "OBSERVED",
                            yp.getValue()[0] * coverage.factor(), null, null, null, null, yp.getValue()[0], national(ex), ex));
                }
            }
            // AR(1) errors as in the total's log-linear model: a share that drifts and stays drifted is not independent noise
            LogLinearSeasonal model = new LogLinearSeasonal(false, 0, "logit_linear").withAr1Errors();
            if (n < 6 && java.util.Arrays.stream(part).anyMatch(v -> v > 0)) {
                warnings.add(String.format(Locale.ROOT, "%d months: too few to fit a trend to the %s; it is held at its observed level",
                        n, shareName));
            }
            double[][] sim;
            String rowModel = "logit_linear";
            // a class never observed, or observed in every sale, is held at 0% or 100%: a logit fit to the clamped
            // share would publish 0.0001% and a few million rupiah for a class that earned nothing
            boolean none = java.util.Arrays.stream(part).allMatch(v -> v <= 0);
            boolean all = !none && java.util.stream.IntStream.range(0, n).allMatch(i -> part[i] >= in.total()[i]);
            if (none || all) {
                warnings.add(String.format(Locale.ROOT, "the %s is %s in every observed month: it is held there", shareName,
                        none ? "0%" : "100%"));
                sim = new double[paths][h];
                for (double[] row : sim) java.util.Arrays.fill(row, none ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            } else if (n >= 6 && n < cfg.minSeasonalMonths()) {
                HeldShare held = HeldShare.fit(logit);
                rowModel = HELD_LEVEL;
                shareModel = HELD_LEVEL;
                sim = held.simulate(h, paths, new Well19937c(cfg.seed() + 31L * (++k) + 1_000_003L));
                warnings.add(String.format(Locale.ROOT, "the %s is held at its level of the last %d months: %d months are too "
                        + "few to tell a trend from a seasonal swing (project.min_seasonal_months %d); its interval allows for the "
                        + "observed trend (%+.2f a year on the logit scale) continuing or reversing", shareName, held.window(), n,
                        cfg.minSeasonalMonths(), held.slopePerMonth() * 12));
            } else if (n >= 6) {
                Forecaster.Fit fit = model.fit(logit, 12, firstSeason);
                sim = fit.simulate(h, paths, new Well19937c(cfg.seed() + 31L * (++k) + 1_000_003L));
                double[] fitted = fit.fitted();
                for (int i = 0; i < n; i++) {
                    shares.add(new ShareRow(shareName, "logit_linear", "monthly", in.months().get(i).toString(), "FITTED",
                            logistic(fitted[i]) * 100, null, null, null, null));
                }
            } else {
                double mean = 0;
                for (double v : logit) mean += v / n;
                sim = new double[paths][h];
                for (double[] row : sim) java.util.Arrays.fill(row, mean);
            }
            double[] col = new double[paths];
            double[] colV = new double[paths];
            for (int i = 0; i < h; i++) {
                for (int p = 0; p < paths; p++) {
                    double s = logistic(sim[p][i]);
                    col[p] = s * 100;
                    colV[p] = s * Math.exp(ens[p][i] + covZ[p]);
                }
                double[] b = Stats.bands(col);
                shares.add(new ShareRow(shareName, rowModel, "monthly", future.get(i).toString(), "PROJECTED",
                        b[0], b[1], b[2], b[3], b[4]));
                series.add(projectedRow(series0, ENSEMBLE, "monthly", future.get(i).toString(), Stats.bands(colV)));
            }
            // annual value earned and value-weighted share per path
            Map<Integer, double[]> vals = new TreeMap<>();
            Map<Integer, double[]> tots = new TreeMap<>();
            int firstYear = future.get(0).getYear();
            double obsPart = 0;
            double obsTot = 0;
            for (int i = 0; i < n; i++) {
                if (in.months().get(i).getYear() == firstYear) {
                    obsPart += part[i] * coverage.factor();
                    obsTot += nat[i];
                }
            }
            for (int i = 0; i < h; i++) {
                int yr = future.get(i).getYear();
                double[] v = vals.computeIfAbsent(yr, x -> new double[paths]);
                double[] t = tots.computeIfAbsent(yr, x -> new double[paths]);
                for (int p = 0; p < paths; p++) {
                    double tot = Math.exp(ens[p][i]);
                    v[p] += tot * logistic(sim[p][i]);
                    t[p] += tot;
                }
            }
            Map<Integer, double[]> shareYear = new TreeMap<>();
            for (var yv : vals.entrySet()) {
                double[] v = yv.getValue();
                double[] t = tots.get(yv.getKey());
                double[] sh = new double[paths];
                for (int p = 0; p < paths; p++) {
                    if (yv.getKey() == firstYear) {
                        v[p] += obsPart;
                        t[p] += obsTot;
                    }
                    sh[p] = v[p] / t[p] * 100;
                    v[p] *= Math.exp(covZ[p]);
                }
                shareYear.put(yv.getKey(), sh);
                double[] b = Stats.bands(sh);
                shares.add(new ShareRow(shareName, rowModel, "annual", String.valueOf(yv.getKey()), "PROJECTED",
                        b[0], b[1], b[2], b[3], b[4]));
                series.add(projectedRow(series0, ENSEMBLE, "annual", String.valueOf(yv.getKey()), Stats.bands(v)));
            }
            valuePaths.put(series0, vals);
            sharePaths.put(series0, shareYear);
        }
        // the summary's umkm block, for the first target year (2030 by default)
        int year = cfg.targets().get(0).year();
        ObjectNode u = JSON.createObjectNode();
        Double lastShare = null;
        if (lastFullYear != null) {
            double a = 0;
            double b = 0;
            for (int i = 0; i < n; i++) {
                if (in.months().get(i).getYear() == lastFullYear) {
                    a += in.localUmkm()[i];
                    b += in.total()[i];
                }
            }
            lastShare = a / b * 100;
        }
        putNum(u, "share_last_year_pct", lastShare, 4);
        u.put("year", year);
        double[] sh = sharePaths.get(UMKM).get(year);
        double[] uv = valuePaths.get(UMKM).get(year);
        double[] fv = valuePaths.get(FOREIGN).get(year);
        double[] fsh = sharePaths.get(FOREIGN).get(year);
        if (sh != null) {
            double[] b = Stats.bands(sh);
            putNum(u, "share_2030_pct", b[0], 4);
            putNum(u, "share_2030_lo80_pct", b[1], 4);
            putNum(u, "share_2030_hi80_pct", b[2], 4);
            putNum(u, "share_2030_lo95_pct", b[3], 4);
            putNum(u, "share_2030_hi95_pct", b[4], 4);
            putMoneyBands(u, "umkm_value_2030", Stats.bands(uv));
            putMoneyBands(u, "foreign_origin_value_2030", Stats.bands(fv));
            double[] fb = Stats.bands(fsh);
            putNum(u, "foreign_origin_share_2030_pct", fb[0], 4);
            putNum(u, "foreign_origin_share_2030_lo95_pct", fb[3], 4);
            putNum(u, "foreign_origin_share_2030_hi95_pct", fb[4], 4);
        } else {
            u.putNull("share_2030_pct");
            u.putNull("umkm_value_2030_idr");
            u.putNull("foreign_origin_value_2030_idr");
        }
        u.put("trend", shareModel);
        u.put("method", shareModel.equals(HELD_LEVEL)
                ? "held at the level of the last 12 observed months (mean logit), too few months for a trend (under "
                        + "project.min_seasonal_months); the interval allows for the observed logit-linear trend continuing or "
                        + "reversing; applied to the ensemble's simulated national totals; foreign origin = IMPORTED + CROSS_BORDER"
                : "logit-linear trend of the monthly share (regression of logit(share) on time with AR(1) errors), simulated with "
                        + "parameter uncertainty and applied to the ensemble's simulated national totals; foreign origin = "
                        + "IMPORTED + CROSS_BORDER");
        return u;
    }

    /** {@code umkm.trend} when the shares are held at their recent level (a history under project.min_seasonal_months). */
    public static final String HELD_LEVEL = "held_level";

    /**
     * A share held at its recent level, for a history too short to tell a trend from a seasonal swing (a share that
     * peaks with the year-end sales reads as a trend over 13 months; a trend fitted there took the foreign-origin
     * share from 57% observed to 92.7% in 2030). The level is the mean logit of the last 12 months (a whole seasonal
     * cycle; all months when fewer). The interval keeps what the months say about a trend without betting on its
     * direction: each path draws σ² from its scaled inverse χ² (n − 2 degrees of freedom, the noise around the OLS
     * trend), the level with its standard error σ/√m, and a slope from N(0, σ²/Sxx + b̂²), drawn in antithetic pairs: a trend as strong as
     * the observed one, either way, lies one standard deviation out. Months ahead count from the level window's centre.
     */
    record HeldShare(double level, double slopePerMonth, double sigma2, double sxx, int df, int window, double centre, int n) {
        static HeldShare fit(double[] y) {
            int n = y.length;
            double tbar = (n - 1) / 2.0;
            double ybar = 0;
            for (double v : y) ybar += v / n;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < n; i++) {
                sxx += (i - tbar) * (i - tbar);
                sxy += (i - tbar) * (y[i] - ybar);
            }
            double b = sxy / sxx;
            double sse = 0;
            for (int i = 0; i < n; i++) {
                double r = y[i] - ybar - b * (i - tbar);
                sse += r * r;
            }
            int df = n - 2;
            int m = Math.min(12, n);
            double level = 0;
            for (int i = n - m; i < n; i++) level += y[i] / m;
            return new HeldShare(level, b, sse / df, sxx, df, m, n - (m + 1) / 2.0, n);
        }

        double[][] simulate(int h, int paths, org.apache.commons.math3.random.RandomGenerator rng) {
            double[][] out = new double[paths][h];
            double z = 0;
            for (int k = 0; k < paths; k++) {
                double chi = 0;
                for (int i = 0; i < df; i++) {
                    double g = rng.nextGaussian();
                    chi += g * g;
                }
                double s2 = sigma2 * df / Math.max(chi, 1e-12);
                double sd = Math.sqrt(s2);
                double l = level + sd / Math.sqrt(window) * rng.nextGaussian();
                // antithetic slopes (z, −z): the paths' trends are symmetric about none, so the median stays at the level
                // and not a Monte Carlo draw away from it (the slope's spread dwarfs the rest five years out)
                z = k % 2 == 0 ? rng.nextGaussian() : -z;
                double slope = Math.sqrt(s2 / sxx + slopePerMonth * slopePerMonth) * z;
                for (int i = 0; i < h; i++) out[k][i] = l + slope * (n + i - centre) + sd * rng.nextGaussian();
            }
            return out;
        }
    }

    private static double clamp(double s) {
        return Math.min(1 - 1e-6, Math.max(1e-6, s));
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static final ObjectMapper JSON = new ObjectMapper();

    static BigInteger rupiah(double v) {
        return BigDecimal.valueOf(v).setScale(0, RoundingMode.HALF_UP).toBigInteger();
    }

    static void putMoney(ObjectNode o, String key, Double v) {
        if (v == null || !Double.isFinite(v)) o.putNull(key);
        else o.put(key, rupiah(v));
    }

    static void putNum(ObjectNode o, String key, Double v, int places) {
        if (v == null || !Double.isFinite(v)) o.putNull(key);
        else o.put(key, BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP));
    }

    static void putMoneyBands(ObjectNode o, String prefix, double[] b) {
        putMoney(o, prefix + "_idr", b[0]);
        putMoney(o, prefix + "_lo80_idr", b[1]);
        putMoney(o, prefix + "_hi80_idr", b[2]);
        putMoney(o, prefix + "_lo95_idr", b[3]);
        putMoney(o, prefix + "_hi95_idr", b[4]);
    }

    private ObjectNode summary(Input in, YearMonth last, int n, Integer lastFullYear, BigDecimal lastFullValue,
                               List<ModelState> states, List<ModelState> annualStates, Map<Integer, double[]> ensAnnual,
                               List<TargetRow> targets, ObjectNode umkm) {
        ObjectNode s = JSON.createObjectNode();
        s.put("status", STATUS_PROJECTED);
        s.put("last_observed_month", last.toString());
        s.put("months_observed", n);
        s.put("first_observed_month", in.months().get(0).toString());
        ObjectNode c = s.putObject("coverage");
        c.put("method", coverage.method());
        c.put("factor", factorDecimal());
        putNum(c, "factor_lo95", coverage.lo95(), 6);
        putNum(c, "factor_hi95", coverage.hi95(), 6);
        putNum(c, "log_sd", coverage.sigmaLog(), 6);
        c.put("benchmark_points", coverage.points().size());
        ArrayNode pts = c.putArray("points");
        for (Coverage.Point p : coverage.points()) {
            ObjectNode o = pts.addObject();
            o.put("year", p.year());
            o.put("report_year", p.reportYear());
            o.put("benchmark_usd_bn", p.benchmarkUsdBn());
            o.put("usd_idr", p.usdIdr().setScale(2, RoundingMode.HALF_UP));
            o.put("benchmark_idr", p.benchmarkIdr().setScale(0, RoundingMode.HALF_UP).toBigInteger());
            o.put("observed_idr", p.observedIdr().setScale(0, RoundingMode.HALF_UP).toBigInteger());
            putNum(o, "factor", p.factor(), 6);
            o.put("source", p.source());
            o.put("confidence", p.confidence());
        }
        Coverage.Trend trend = coverage.trend();
        if (trend != null) {
            ObjectNode tr = c.putObject("trend");
            tr.put("from_year", trend.fromYear());
            tr.put("to_year", trend.toYear());
            putNum(tr, "factor_pct_per_year", trend.factorPctPerYear(), 4);
            putNum(tr, "sample_growth_pct_per_year", trend.samplePctPerYear(), 4);
            putNum(tr, "benchmark_growth_pct_per_year", trend.benchmarkPctPerYear(), 4);
            tr.put("flagged", Math.abs(trend.factorPctPerYear()) >= Coverage.TREND_WARN_PCT);
        }
        c.put("note", coverage.note());
        ArrayNode models = s.putArray("models");
        List<ModelState> all = new ArrayList<>(states);
        all.addAll(annualStates);
        for (ModelState m : all) {
            ObjectNode o = models.addObject();
            o.put("name", m.model().name());
            o.put("frequency", m.frequency());
            o.put("supported", m.unsupported() == null);
            o.put("selected", m.selected());
            putNum(o, "weight", m.weight(), 6);
            putNum(o, "mape", m.mape(), 6);
            putNum(o, "mase", m.mase(), 6);
            putNum(o, "crps", m.frequency().equals("monthly") ? crps.get(m.model().name()) : null, 6);
            Backtest.Coverage ic = m.frequency().equals("monthly") ? intervalCoverage.get(m.model().name()) : null;
            if (ic == null) {
                o.putNull("backtest_interval_coverage");
            } else {
                ObjectNode cv = o.putObject("backtest_interval_coverage");
                cv.put("from_horizon", ic.fromHorizon());
                cv.put("to_horizon", ic.toHorizon());
                putNum(cv, "in80", ic.in80(), 4);
                putNum(cv, "in95", ic.in95(), 4);
                cv.put("outcomes", ic.outcomes());
                cv.put("origins", ic.origins());
            }
            if (m.warning() == null) o.putNull("warning");
            else o.put("warning", m.warning());
            // the fitted Lebaran effect (log, a month holding the whole window), for the report's models table; null for a
            // model without the regressor (Holt's, the scenarios, the annual models, or a history that cannot identify it)
            Double lebaran = m.fit() == null ? null : m.fit().parameters().get("lebaran_effect");
            putNum(o, "lebaran_effect", lebaran, 6);
        }
        ObjectNode hol = s.putObject("holiday");
        hol.put("effect", cfg.holiday().effect());
        hol.put("days_before", cfg.holiday().daysBefore());
        hol.put("days_after", cfg.holiday().daysAfter());
        hol.put("calendar", "Umm al-Qura (java.time.chrono.HijrahChronology)");
        s.put("selected", ENSEMBLE);
        s.put("basis", basis(states));
        ObjectNode bt = s.putObject("backtest");
        bt.put("min_train_months", cfg.backtest().minTrainMonths());
        bt.put("max_horizon_months", cfg.backtest().maxHorizonFor(n));
        bt.put("max_horizon_setting", cfg.backtest().maxHorizonMonths());
        bt.put("origins", Math.max(0, n - cfg.backtest().minTrainMonths()));
        bt.put("weighting", cfg.backtest().weighting());
        putNum(bt, "min_interval_coverage", cfg.backtest().minIntervalCoverage(), 4);
        bt.put("interval_check", !intervalCoverage.isEmpty());
        ObjectNode sc = s.putObject("scenarios");
        putNum(sc, "cagr_low_pct", cfg.scenarios().cagrLowPct(), 4);
        putNum(sc, "cagr_base_pct", cfg.scenarios().cagrBasePct(), 4);
        putNum(sc, "cagr_high_pct", cfg.scenarios().cagrHighPct(), 4);
        if (lastFullYear == null) {
            s.putNull("last_observed_year");
            s.putNull("last_observed_year_value_idr");
        } else {
            s.put("last_observed_year", lastFullYear);
            s.put("last_observed_year_value_idr", lastFullValue.setScale(0, RoundingMode.HALF_UP).toBigInteger());
        }
        int year = cfg.targets().get(0).year();
        ObjectNode p = s.putObject("projection_" + year);
        double[] b = ensAnnual.containsKey(year) ? Stats.bands(ensAnnual.get(year)) : null;
        if (b == null) {
            for (String k : List.of("value_idr", "lo80_idr", "hi80_idr", "lo95_idr", "hi95_idr")) p.putNull(k);
        } else {
            putMoney(p, "value_idr", b[0]);
            putMoney(p, "lo80_idr", b[1]);
            putMoney(p, "hi80_idr", b[2]);
            putMoney(p, "lo95_idr", b[3]);
            putMoney(p, "hi95_idr", b[4]);
        }
        p.put("year", year);
        ArrayNode ts = s.putArray("targets");
        for (TargetRow t : targets) putTarget(cfg, ts.addObject(), t);
        s.set("umkm", umkm);
        s.put("horizon_end_year", cfg.horizonEndYear());
        s.put("simulations", cfg.simulations());
        s.put("seed", cfg.seed());
        ArrayNode w = s.putArray("warnings");
        warnings.forEach(w::add);
        return s;
    }

    /** One target of summary.json's {@code targets}. */
    private static void putTarget(ProjectConfig cfg, ObjectNode o, TargetRow t) {
        o.put("name", t.target());
        o.put("label", t.label());
        ProjectConfig.Target configured = cfg.targets().stream().filter(ct -> ct.name().equals(t.target())).findFirst().orElse(null);
        String labelId = configured == null ? null : configured.labelId();
        if (labelId == null) o.putNull("label_id");
        else o.put("label_id", labelId);
        String scope = configured == null ? null : configured.scope();
        if (scope == null) o.putNull("scope");
        else o.put("scope", scope);
        o.put("year", t.year());
        o.put("target_idr", t.targetIdr().setScale(0, RoundingMode.HALF_UP).toBigInteger());
        putMoney(o, "projected_idr", t.projected());
        putMoney(o, "lo80_idr", t.lo80());
        putMoney(o, "hi80_idr", t.hi80());
        putMoney(o, "lo95_idr", t.lo95());
        putMoney(o, "hi95_idr", t.hi95());
        putMoney(o, "gap_idr", t.gap());
        putNum(o, "probability", t.probability(), 4);
        if (t.crossingYear() == null) o.putNull("crossing_year");
        else o.put("crossing_year", t.crossingYear());
        o.put("crossing_label", t.crossingLabel());
        putNum(o, "required_cagr_pct", t.requiredCagrPct(), 4);
    }

    private List<ModelRow> modelRows(List<ModelState> states, List<ModelState> annualStates) {
        List<ModelRow> rows = new ArrayList<>();
        List<ModelState> all = new ArrayList<>(states);
        all.addAll(annualStates);
        for (ModelState m : all) {
            boolean sup = m.unsupported() == null;
            if (m.fit() == null) {
                rows.add(new ModelRow(TOTAL, m.frequency(), m.model().name(), sup, m.selected(), m.weight(), m.mape(),
                        m.mase(), "weight", m.weight(), m.warning()));
                continue;
            }
            Map<String, Double> params = new TreeMap<>(m.fit().parameters());
            params.put("weight", m.weight());
            Double c = m.frequency().equals("monthly") ? crps.get(m.model().name()) : null;
            if (c != null) params.put("backtest_crps_log", c);
            Backtest.Coverage ic = m.frequency().equals("monthly") ? intervalCoverage.get(m.model().name()) : null;
            if (ic != null) {
                params.put("backtest_in80_beyond_12m", ic.in80());
                params.put("backtest_in95_beyond_12m", ic.in95());
            }
            for (var e : params.entrySet()) {
                rows.add(new ModelRow(TOTAL, m.frequency(), m.model().name(), sup, m.selected(), m.weight(), m.mape(),
                        m.mase(), e.getKey(), e.getValue(), m.warning()));
            }
        }
        return rows;
    }
}
