package id.neraca.project;

import id.neraca.config.NeracaConfig;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code project:} section of the run configuration. Every field has a default (docs/PROJECTION.md lists
 * them); {@link #validate} throws IllegalArgumentException naming the key when a value is out of range.
 *
 * @param seed              seed of every simulation (same seed, same inputs: byte-identical outputs)
 * @param simulations       simulated paths per model for the prediction intervals and probabilities
 * @param horizonEndYear    last projected year; a target not crossed by then is "not by {year}"
 * @param minSeasonalMonths history needed before a seasonal model is fitted (at least 24: two seasons)
 * @param minAnnualPoints   full years needed before a model is fitted on the annual series
 * @param partialMonthDays  the first or last month of the series is left out of the models when its completed sales
 *                          begin more than this many days after its first day, or end more than this many days before
 *                          its last (a dump exported mid-month); -1 keeps every month. Default 3
 * @param holiday           the moving-holiday (Lebaran) regressor of the monthly log-linear and drift models
 */
public record ProjectConfig(
        Long seed,
        Integer simulations,
        Integer horizonEndYear,
        Integer minSeasonalMonths,
        Integer minAnnualPoints,
        BacktestSection backtest,
        Scenarios scenarios,
        CoverageSection coverage,
        List<Target> targets,
        Integer partialMonthDays,
        HolidaySection holiday) {

    public static final String FACTOR = "factor";
    /** {@code backtest.weighting}: weights ∝ 1/MASE² of the point forecasts (the default). */
    public static final String INVERSE_MASE = "inverse_mase";
    /** {@code backtest.weighting}: weights ∝ 1/CRPS² of the simulated predictive distributions (docs/PROJECTION.md §4). */
    public static final String INVERSE_CRPS = "inverse_crps";
    public static final String EQUAL = "equal";
    public static final List<String> WEIGHTINGS = List.of(INVERSE_MASE, INVERSE_CRPS, EQUAL);
    public static final String CALIBRATION = "benchmark_calibration";

    public ProjectConfig {
        if (seed == null) seed = 20300101L;
        if (simulations == null) simulations = 4000;
        if (horizonEndYear == null) horizonEndYear = 2040;
        if (minSeasonalMonths == null) minSeasonalMonths = 24;
        if (minAnnualPoints == null) minAnnualPoints = 3;
        if (backtest == null) backtest = new BacktestSection(null, null, null, null);
        if (scenarios == null) scenarios = new Scenarios(null, null, null);
        if (coverage == null) coverage = new CoverageSection(null, null, null, null, null, null, null);
        if (targets == null) targets = defaultTargets();
        if (partialMonthDays == null) partialMonthDays = 3;
        if (holiday == null) holiday = new HolidaySection(null, null, null);
    }

    /** Without a {@code holiday:} section (its defaults). */
    public ProjectConfig(Long seed, Integer simulations, Integer horizonEndYear, Integer minSeasonalMonths, Integer minAnnualPoints,
                         BacktestSection backtest, Scenarios scenarios, CoverageSection coverage, List<Target> targets,
                         Integer partialMonthDays) {
        this(seed, simulations, horizonEndYear, minSeasonalMonths, minAnnualPoints, backtest, scenarios, coverage, targets,
                partialMonthDays, null);
    }

    public static ProjectConfig defaults() {
        return new ProjectConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same configuration with another {@code holiday:} section (studies and tests). */
    public ProjectConfig withHoliday(HolidaySection h) {
        return new ProjectConfig(seed, simulations, horizonEndYear, minSeasonalMonths, minAnnualPoints, backtest, scenarios,
                coverage, targets, partialMonthDays, h);
    }

    /** {@code holiday.effect}: no holiday regressor. */
    public static final String NO_HOLIDAY = "none";
    /** {@code holiday.effect}: the Lebaran (Idul Fitri) regressor, {@link id.neraca.project.model.LebaranCalendar}. */
    public static final String LEBARAN = "lebaran";
    public static final List<String> HOLIDAY_EFFECTS = List.of(NO_HOLIDAY, LEBARAN);

    /**
     * The moving-holiday regressor of the monthly log-linear and drift models (docs/PROJECTION.md §3, "Lebaran").
     *
     * @param effect     {@code none} or {@code lebaran}
     * @param daysBefore the pre-Lebaran window: a month's regressor is the share of these days before 1 Syawal in it
     * @param daysAfter  the post-Lebaran window (a second regressor, from 1 Syawal on); 0: none
     */
    public record HolidaySection(String effect, Integer daysBefore, Integer daysAfter) {
        public static final int DEFAULT_DAYS_BEFORE = 30;
        public static final int DEFAULT_DAYS_AFTER = 0;

        public HolidaySection {
            if (effect == null) effect = LEBARAN;
            if (daysBefore == null) daysBefore = DEFAULT_DAYS_BEFORE;
            if (daysAfter == null) daysAfter = DEFAULT_DAYS_AFTER;
        }

        /** The calendar of the regressors; null under {@code effect: none}. */
        public id.neraca.project.model.LebaranCalendar calendar() {
            return LEBARAN.equals(effect) ? new id.neraca.project.model.LebaranCalendar(daysBefore, daysAfter) : null;
        }
    }

    /** The two 2030 figures of DOMAIN.md: the article's Rp400 triliun and the ministries' Rp4.531 triliun. */
    public static List<Target> defaultTargets() {
        return List.of(
                new Target("article_rp400t", "VIVA 2023 article", "artikel VIVA 2023",
                        2030, new BigDecimal("400000000000000"), "digital_economy"),
                new Target("ministry_rp4531t", "Kemendag/KemenKopUKM path, 2021",
                        "jalur Kemendag/KemenKopUKM, 2021", 2030,
                        new BigDecimal("4531000000000000"), "digital_economy"));
    }

    /**
     * @param minTrainMonths        first backtest origin: months of history the first fit sees
     * @param maxHorizonMonths      forecast horizons scored at each origin (1..this): a number 1..36, or {@code auto}
     *                              (the default, {@link #maxHorizonFor}): 12, longer when the history lets each longer
     *                              horizon be scored at a year of origins
     * @param selectionMaxMaseRatio a model is kept in the ensemble only if its backtest MASE is at most this
     *                              multiple of the seasonal-naive baseline's backtest MASE
     * @param weighting             {@code inverse_mase} (weights ∝ 1/MASE²), {@code inverse_crps} (weights ∝ 1/CRPS²
     *                              of the backtest's simulated distributions) or {@code equal}
     * @param minIntervalCoverage   a model whose 80% intervals held less than this share of the backtest's outcomes
     *                              more than a year ahead is not selected (0 turns the check off; docs/PROJECTION.md §4
     *                              "Interval check"). Checked only when the backtest scores at least
     *                              {@link #INTERVAL_CHECK_MIN_HORIZON} months ahead, with outcomes beyond a year from
     *                              at least {@link #INTERVAL_CHECK_MIN_ORIGINS} origins
     */
    public record BacktestSection(Integer minTrainMonths, String maxHorizonMonths, Double selectionMaxMaseRatio,
                                  String weighting, Double minIntervalCoverage) {
        /** {@code max_horizon_months: auto}. */
        public static final String AUTO = "auto";
        /** The longest horizon {@code auto} scores, and the longest a number may ask for. */
        public static final int MAX_HORIZON = 36;
        /** The horizons {@code auto} scores at least: a year, as before {@code auto} existed. */
        public static final int AUTO_MIN_HORIZON = 12;

        /** The first horizon the interval check reads: beyond the first year. */
        public static final int INTERVAL_CHECK_FROM_HORIZON = 13;
        /** The interval check runs only when the backtest scores at least this many months ahead. */
        public static final int INTERVAL_CHECK_MIN_HORIZON = 24;
        /** The interval check runs only when its outcomes come from at least this many origins (a year of them). */
        public static final int INTERVAL_CHECK_MIN_ORIGINS = 12;
        /** {@code min_interval_coverage} when not set. */
        public static final double DEFAULT_MIN_INTERVAL_COVERAGE = 0.0;

        public BacktestSection(Integer minTrainMonths, String maxHorizonMonths, Double selectionMaxMaseRatio, String weighting) {
            this(minTrainMonths, maxHorizonMonths, selectionMaxMaseRatio, weighting, null);
        }

        public BacktestSection {
            if (minIntervalCoverage == null) minIntervalCoverage = DEFAULT_MIN_INTERVAL_COVERAGE;
            if (minTrainMonths == null) minTrainMonths = 24;
            if (maxHorizonMonths == null) maxHorizonMonths = AUTO;
            if (selectionMaxMaseRatio == null) selectionMaxMaseRatio = 1.5;
            if (weighting == null) weighting = INVERSE_MASE;
        }

        /**
         * The horizons scored for a history of {@code months} months. A number is taken as it is. {@code auto} scores
         * 12 months, and up to 36 when the history is long enough that the longest horizon is still scored at 12
         * origins (a year of them): {@code clamp(months − min_train_months − 11, 12, 36)}. 36 months of history (24
         * training months, 12 origins) score 12, as before; 60 score 25; 71 and more score 36. The ensemble's weights
         * then see how each model's error grows over the years it is asked to project, which a 12-month score cannot
         * (docs/PROJECTION.md §4: a damped trend looks as good as a steady one one year out, and not three years out).
         */
        public int maxHorizonFor(int months) {
            if (!AUTO.equals(maxHorizonMonths)) return Integer.parseInt(maxHorizonMonths.strip());
            return Math.max(AUTO_MIN_HORIZON, Math.min(MAX_HORIZON, months - minTrainMonths - (AUTO_MIN_HORIZON - 1)));
        }
    }

    /** Compound annual growth rates of the three scenarios, in percent. */
    public record Scenarios(Double cagrLowPct, Double cagrBasePct, Double cagrHighPct) {
        public Scenarios {
            if (cagrLowPct == null) cagrLowPct = 5.0;
            if (cagrBasePct == null) cagrBasePct = 12.0;
            if (cagrHighPct == null) cagrHighPct = 20.0;
        }
    }

    /**
     * How the sample becomes national value (docs/PROJECTION.md "Coverage").
     *
     * @param method          {@code benchmark_calibration} or {@code factor}
     * @param factor          national / observed, required with {@code method: factor}
     * @param benchmarksFile  e-Conomy SEA figures, relative to run.reference_dir
     * @param fxFile          monthly average rates, relative to run.reference_dir
     * @param metric          the benchmark metric calibrated against ({@code ecommerce_gmv})
     * @param minConfidence   lowest benchmark confidence used: {@code low}, {@code medium} or {@code high}
     * @param minRelativeSd   floor of the coverage factor's log standard deviation (0.15 ≈ ±15% one sigma)
     */
    public record CoverageSection(String method, Double factor, String benchmarksFile, String fxFile, String metric,
                                  String minConfidence, Double minRelativeSd) {
        public CoverageSection {
            if (method == null) method = CALIBRATION;
            if (benchmarksFile == null) benchmarksFile = "econ_benchmarks.csv";
            if (fxFile == null) fxFile = "fx_monthly.csv";
            if (metric == null) metric = "ecommerce_gmv";
            if (minConfidence == null) minConfidence = "low";
            if (minRelativeSd == null) minRelativeSd = 0.15;
        }
    }

    /**
     * A target: {@code value_idr} in rupiah (nominal) for calendar {@code year}; {@code label} names it in reports,
     * {@code label_id} (optional) in the Bahasa Indonesia report; {@code scope} (optional, one of {@link #SCOPES})
     * what the figure measures, so the report can say when it is not what the projection measures (e-commerce GMV).
     */
    public record Target(String name, String label, String labelId, Integer year, BigDecimal valueIdr, String scope) {
        /** The label for a report language ({@code id} or {@code en}). */
        public String label(String lang) {
            return "id".equals(lang) && labelId != null && !labelId.isBlank() ? labelId : label;
        }
    }

    public static final List<String> CONFIDENCE = List.of("low", "medium", "high");
    /** What a target measures: e-commerce GMV (the projection's own definition) or the wider digital economy. */
    public static final List<String> SCOPES = List.of("ecommerce_gmv", "digital_economy");
    /** Earliest target year: the reference data (FX rates, benchmarks) start in 2015. */
    public static final int MIN_TARGET_YEAR = 2015;
    /** Targets are below Rp10^21 (Projection.MONEY_LIMIT): the targets table's decimal(24,2) columns. */
    static final BigDecimal MAX_TARGET_IDR = new BigDecimal("1e21");

    public void validate(NeracaConfig.Loaded where) {
        if (partialMonthDays < -1 || partialMonthDays > 27) {
            throw new IllegalArgumentException("project.partial_month_days must be between 0 and 27 (or -1: keep every month), got "
                    + partialMonthDays);
        }
        if (simulations < 200 || simulations > 200_000) {
            throw new IllegalArgumentException("project.simulations must be between 200 and 200000, got " + simulations);
        }
        if (horizonEndYear < 2026 || horizonEndYear > 2100) {
            throw new IllegalArgumentException("project.horizon_end_year must be between 2026 and 2100, got " + horizonEndYear);
        }
        if (minSeasonalMonths < 24) {
            throw new IllegalArgumentException("project.min_seasonal_months must be at least 24 (two full seasons), got "
                    + minSeasonalMonths);
        }
        if (minAnnualPoints < 3) {
            throw new IllegalArgumentException("project.min_annual_points must be at least 3, got " + minAnnualPoints);
        }
        if (backtest.minTrainMonths() < 12) {
            throw new IllegalArgumentException("project.backtest.min_train_months must be at least 12, got " + backtest.minTrainMonths());
        }
        if (!BacktestSection.AUTO.equals(backtest.maxHorizonMonths())) {
            int h;
            try {
                h = Integer.parseInt(backtest.maxHorizonMonths().strip());
            } catch (NumberFormatException e) {
                h = -1;
            }
            if (h < 1 || h > BacktestSection.MAX_HORIZON) {
                throw new IllegalArgumentException("project.backtest.max_horizon_months must be auto or a whole number between 1 and "
                        + BacktestSection.MAX_HORIZON + ", got '" + backtest.maxHorizonMonths() + "'");
            }
        }
        if (!(backtest.selectionMaxMaseRatio() >= 1.0)) {
            throw new IllegalArgumentException("project.backtest.selection_max_mase_ratio must be at least 1.0, got "
                    + backtest.selectionMaxMaseRatio());
        }
        if (!(backtest.minIntervalCoverage() >= 0 && backtest.minIntervalCoverage() < 0.8)) {
            throw new IllegalArgumentException("project.backtest.min_interval_coverage must be at least 0 (0: no check) and below 0.8 "
                    + "(the intervals' nominal coverage), got " + backtest.minIntervalCoverage());
        }
        if (!WEIGHTINGS.contains(backtest.weighting())) {
            throw new IllegalArgumentException("project.backtest.weighting must be inverse_mase, inverse_crps or equal, got '"
                    + backtest.weighting() + "'");
        }
        if (!HOLIDAY_EFFECTS.contains(holiday.effect())) {
            throw new IllegalArgumentException("project.holiday.effect must be one of " + HOLIDAY_EFFECTS + ", got '"
                    + holiday.effect() + "'");
        }
        if (holiday.daysBefore() < 1 || holiday.daysBefore() > 60) {
            throw new IllegalArgumentException("project.holiday.days_before must be a whole number of days between 1 and 60, got "
                    + holiday.daysBefore());
        }
        if (holiday.daysAfter() < 0 || holiday.daysAfter() > 30) {
            throw new IllegalArgumentException("project.holiday.days_after must be a whole number of days between 0 (no "
                    + "post-Lebaran regressor) and 30, got " + holiday.daysAfter());
        }
        double lo = scenarios.cagrLowPct();
        double base = scenarios.cagrBasePct();
        double hi = scenarios.cagrHighPct();
        if (!(lo > -100 && lo <= base && base <= hi && hi < 1000)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "project.scenarios must satisfy -100 < cagr_low_pct <= "
                    + "cagr_base_pct <= cagr_high_pct < 1000, got %s, %s, %s", lo, base, hi));
        }
        if (!List.of(FACTOR, CALIBRATION).contains(coverage.method())) {
            throw new IllegalArgumentException("project.coverage.method must be '" + FACTOR + "' or '" + CALIBRATION
                    + "', got '" + coverage.method() + "'");
        }
        if (coverage.method().equals(FACTOR) && (coverage.factor() == null || !(coverage.factor() > 0))) {
            throw new IllegalArgumentException("project.coverage.factor must be a positive number (national value / "
                    + "observed value) when project.coverage.method is 'factor', got " + coverage.factor());
        }
        if (coverage.method().equals(CALIBRATION) && coverage.factor() != null) {
            // a factor next to the default method was ignored without a word: the run published calibrated values
            throw new IllegalArgumentException("project.coverage.factor is set (" + coverage.factor() + ") but "
                    + "project.coverage.method is '" + CALIBRATION + "', which calibrates the factor against the benchmarks "
                    + "and would ignore it. To use your factor, set project.coverage.method: factor; to calibrate, remove "
                    + "project.coverage.factor");
        }
        if (coverage.factor() != null && !(coverage.factor() > 0)) {
            throw new IllegalArgumentException("project.coverage.factor must be positive, got " + coverage.factor());
        }
        if (!CONFIDENCE.contains(coverage.minConfidence())) {
            throw new IllegalArgumentException("project.coverage.min_confidence must be one of " + CONFIDENCE + ", got '"
                    + coverage.minConfidence() + "'");
        }
        if (!(coverage.minRelativeSd() >= 0 && coverage.minRelativeSd() <= 2)) {
            throw new IllegalArgumentException("project.coverage.min_relative_sd must be between 0 and 2, got "
                    + coverage.minRelativeSd());
        }
        if (where != null && coverage.method().equals(CALIBRATION)) {
            // named files must exist before Spark starts (docs/CONFIGURATION.md): a typo found after ingest,
            // classify and aggregate wastes the run
            for (String[] f : new String[][]{{"benchmarks_file", coverage.benchmarksFile()}, {"fx_file", coverage.fxFile()}}) {
                java.nio.file.Path p = where.referenceDir().resolve(f[1]);
                if (!java.nio.file.Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("project.coverage." + f[0] + ": " + p + " does not exist (it resolves "
                            + "against run.reference_dir " + where.referenceDir() + "). Fix the name, or set "
                            + "project.coverage.method: factor with a coverage factor.");
                }
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("project.targets must hold at least one target (name, label, year, value_idr)");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            String k = "project.targets[" + i + "]";
            if (t.name() == null || !t.name().matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException(k + ".name must be lowercase letters, digits and _, got '" + t.name() + "'");
            }
            if (!names.add(t.name())) throw new IllegalArgumentException(k + ".name '" + t.name() + "' is used twice");
            if (t.label() == null || t.label().isBlank()) throw new IllegalArgumentException(k + ".label is required");
            if (t.labelId() != null && t.labelId().isBlank()) {
                throw new IllegalArgumentException(k + ".label_id is blank: give the Indonesian label or leave the key out");
            }
            if (t.year() == null || t.year() < MIN_TARGET_YEAR || t.year() > horizonEndYear) {
                throw new IllegalArgumentException(k + ".year must be between " + MIN_TARGET_YEAR + " and project.horizon_end_year ("
                        + horizonEndYear + "), got " + t.year() + ": a target is compared with a year observed in full or "
                        + "projected, and the reference data (fx_monthly.csv, the e-Conomy SEA benchmarks) start in "
                        + MIN_TARGET_YEAR + ". A year before the dumps' first full year gets no value (a warning at run time)");
            }
            if (t.scope() != null && !SCOPES.contains(t.scope())) {
                throw new IllegalArgumentException(k + ".scope must be one of " + SCOPES + " (or left out), got '" + t.scope() + "'");
            }
            if (t.valueIdr() == null || t.valueIdr().signum() <= 0) {
                throw new IllegalArgumentException(k + ".value_idr must be a positive amount of rupiah, got " + t.valueIdr());
            }
            if (t.valueIdr().compareTo(MAX_TARGET_IDR) >= 0) {
                throw new IllegalArgumentException(k + ".value_idr must be below Rp1,000,000,000 triliun (10^21, what the "
                        + "projection's decimal(24,2) columns hold with margin), got " + t.valueIdr().toPlainString()
                        + ": is it in rupiah, not sen?");
            }
        }
    }
}
