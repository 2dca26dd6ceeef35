package id.neraca.project;

import id.neraca.project.model.DriftSeasonal;
import org.apache.commons.math3.random.Well19937c;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A coverage study of the intervals the projection publishes (not a unit test: minutes of CPU). Series of 36 months
 * (the samples' history) are simulated from a known process, run through {@link Projection#run} with the coverage
 * factor fixed (uncertainty 0, so an interval is the models' alone), and the true continuation is checked against the
 * published intervals: the monthly value 6 and 24 months ahead and the annual value of the fifth projected year
 * (2030 for a history of 2023–2025). Prints, for the ensemble and for the log-linear model, the share of series
 * inside the 80% and 95% intervals, with the log-linear model's errors independent (the plain regression) and AR(1)
 * (the projection's). Run:
 * {@code java -cp jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/classpath.txt) id.neraca.project.EnsembleCoverageStudy PROCESS SERIES [PATHS [WEIGHTING [ar1|both [EXTRA]]]] [--history MONTHS] [--min-interval-coverage X]}
 * with PROCESS one of {@code holt0.3}, {@code holt0.1} (ETS(A,Ad,A) of {@link HoltCoverageStudy#series} with that α:
 * a level that wanders), {@code trend} (log-linear, 15% a year, seasonality ±0.2, independent noise 0.03),
 * {@code ar0.6} (the same trend with AR(1) noise, ρ 0.6, innovations 0.03). PATHS (default 1000) are the simulated
 * paths per model; WEIGHTING (default {@code inverse_mase}) is {@code project.backtest.weighting}; {@code ar1} runs only
 * the projection's log-linear model (AR(1) errors), not also the plain regression; EXTRA {@code rw} adds a random walk
 * with drift ({@link DriftSeasonal} with θ fixed at 0, {@code rw_drift_seasonal}) as a fifth candidate, a variant measured
 * and not adopted (docs/PROJECTION.md §5), and prints its selection and weight. The drift model's own coverage
 * ({@code drift_seasonal}, θ estimated) is printed always, and so are each candidate's selection and mean weight and the
 * backtest's horizons. {@code --history MONTHS} (anywhere among the arguments; default {@value #N}) simulates histories of
 * that many months, ending in December 2025 as the samples' do (60 months from January 2021, 96 from January 2018), so
 * the checked values stay the monthly value 6 and 24 months ahead and the annual value of 2030, and the backtest's
 * {@code max_horizon_months: auto} scores the horizons such a history gets (12 for 36 months, 25 for 60, 36 for 96).
 * The series of a process are seeded as before; the default reproduces the 36-month figures.
 * {@code --min-interval-coverage X} sets {@code project.backtest.min_interval_coverage} (docs/PROJECTION.md §4 "Interval
 * check"; X = 0.0001 runs the check and leaves nothing out) and prints, per candidate, its mean backtest coverage beyond a
 * year and the share of series under each of {@link #CHECK_THRESHOLDS}.
 *
 * <p>{@code EnsembleCoverageStudy calibration SERIES FILE [WEIGHTING ...]} regenerates the reference file the report
 * quotes ({@code data/reference/interval_calibration.csv}, {@link IntervalCalibration}): the ensemble as published (AR(1)
 * log-linear errors, every candidate, 1,000 paths per model) on each process of {@link #CALIBRATION_PROCESSES},
 * for each WEIGHTING (default {@code inverse_mase}) and each history length of {@code --history} (a list here, default
 * 36; the file as committed: {@code --history 36,60,96}), with the commit it was measured at and today's date (UTC). The
 * only way the file is written: a golden file behind an explicit command. {@code --processes a,b} measures those
 * processes only (the file then holds their rows alone: append them to the others' by hand, header once).
 */
public final class EnsembleCoverageStudy {
    private EnsembleCoverageStudy() {}

    /** The default history length (the samples'), in months. */
    static final int N = 36;
    /** The last simulated observed month: histories end where the samples' do, so the fifth projected year is 2030. */
    static final YearMonth LAST = YearMonth.of(2025, 12);
    static final YearMonth FIRST = first(N);

    /** The first month of a history of {@code months} months ending in {@link #LAST}. */
    static YearMonth first(int months) {
        return LAST.minusMonths(months - 1L);
    }

    /** The processes of the calibration file: id, English and Indonesian description. */
    static final String[][] CALIBRATION_PROCESSES = {
            {"holt0.3", "a level that wanders at random (seasonal damped-trend exponential smoothing, α 0.3)",
                    "tingkat yang berubah-ubah secara acak (pemulusan eksponensial musiman bertren teredam, α 0,3)"},
            {"holt0.1", "a level that wanders slowly (seasonal damped-trend exponential smoothing, α 0.1)",
                    "tingkat yang berubah-ubah perlahan (pemulusan eksponensial musiman bertren teredam, α 0,1)"},
            {"trend", "a steady trend of 15% a year with seasons and independent noise",
                    "tren tetap 15% per tahun dengan pola musiman dan gangguan acak yang saling bebas"},
            {"ar0.6", "a steady trend of 15% a year with seasons and persistent noise (AR(1), ρ 0.6)",
                    "tren tetap 15% per tahun dengan pola musiman dan gangguan yang persisten (AR(1), ρ 0,6)"},
            // the other kinds of DgpCoverageStudy (docs/PROJECTION.md §5, "How well the intervals cover"), since 2 Dec 2026
            {"rwdrift", "a level that wanders at random around steady growth of 15% a year (a random walk with drift)",
                    "tingkat yang berubah-ubah secara acak di sekitar pertumbuhan tetap 15% per tahun (random walk dengan drift)"},
            {"llt", "a growth rate that wanders at random (a local linear trend)",
                    "laju pertumbuhan yang berubah-ubah secara acak (tren linear lokal)"},
            {"damped", "growth that fades from 30% a year towards 5%, with seasons and independent noise",
                    "pertumbuhan yang melambat dari 30% menuju 5% per tahun, dengan pola musiman dan gangguan acak yang saling bebas"},
            {"shift", "a steady trend of 15% a year with one lasting jump or drop of the level by about 30% (a marketplace joining or leaving the dumps)",
                    "tren tetap 15% per tahun dengan satu kali lonjakan atau penurunan tingkat sekitar 30% yang bertahan (marketplace yang masuk atau keluar dari data)"}};
    static final int CALIBRATION_PATHS = 1000;
    /** {@code project.backtest.min_interval_coverage} for the study ({@code --min-interval-coverage X}); null: the default. */
    static Double minIntervalCoverage = null;
    /** The thresholds whose failure rate the study prints per candidate (from its backtest coverage beyond a year). */
    static final double[] CHECK_THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7};

    public static void main(String[] argv) throws Exception {
        List<String> rest = new ArrayList<>(List.of(argv));
        List<Integer> histories = List.of(N);
        int at = rest.indexOf("--history");
        if (at >= 0) {
            if (at + 1 >= rest.size()) throw new IllegalArgumentException("--history needs a number of months (calibration: a list, 36,60,96)");
            histories = java.util.Arrays.stream(rest.get(at + 1).split(",")).map(String::strip).map(Integer::parseInt).toList();
            for (int h : histories) {
                if (h < 24) throw new IllegalArgumentException("--history: at least 24 months (the seasonal models' minimum), got " + h);
            }
            rest.subList(at, at + 2).clear();
        }
        List<String> only = null;
        int pr = rest.indexOf("--processes");
        if (pr >= 0) {
            only = List.of(rest.get(pr + 1).split(","));
            rest.subList(pr, pr + 2).clear();
        }
        int mic = rest.indexOf("--min-interval-coverage");
        if (mic >= 0) {
            minIntervalCoverage = Double.parseDouble(rest.get(mic + 1));
            rest.subList(mic, mic + 2).clear();
        }
        String[] args = rest.toArray(new String[0]);
        if (args[0].equals("calibration")) {
            calibration(Integer.parseInt(args[1]), java.nio.file.Path.of(args[2]),
                    args.length > 3 ? List.of(args).subList(3, args.length) : List.of(ProjectConfig.INVERSE_MASE), histories, only);
            return;
        }
        if (histories.size() != 1) throw new IllegalArgumentException("--history: one length, except for calibration");
        int history = histories.get(0);
        String process = args[0];
        int sims = Integer.parseInt(args[1]);
        int paths = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        String weighting = args.length > 3 ? args[3] : ProjectConfig.INVERSE_MASE;
        boolean[] errors = args.length > 4 && args[4].equals("ar1") ? new boolean[]{true} : new boolean[]{false, true};
        String extra = args.length > 5 ? args[5] : "none";
        for (boolean ar1 : errors) {
            long t0 = System.nanoTime();
            Map<String, double[]> weights = new TreeMap<>();
            double[] c = coverage(process, sims, paths, ar1, weighting, extra, history, weights);
            System.out.printf(Locale.ROOT, "min_interval_coverage %s%n", minIntervalCoverage == null ? "default" : minIntervalCoverage);
            System.out.printf(Locale.ROOT, "%s series %d paths %d weighting %s loglinear errors %s extra candidate %s history %d months "
                            + "(%s to %s, backtest horizons %d) (%.0f s)%n", process, sims, paths, weighting, ar1 ? "AR(1)" : "independent",
                    extra, history, first(history), LAST, new ProjectConfig.BacktestSection(null, null, null, weighting).maxHorizonFor(history),
                    (System.nanoTime() - t0) / 1e9);
            String[] labels = {"ensemble h=6", "ensemble h=24", "ensemble 2030", "loglinear h=6", "loglinear h=24", "loglinear 2030",
                    "drift h=6", "drift h=24", "drift 2030"};
            for (int i = 0; i < labels.length; i++) {
                System.out.printf(Locale.ROOT, "  %-15s 80%% %5.1f%%  95%% %5.1f%%%n", labels[i], 100 * c[2 * i], 100 * c[2 * i + 1]);
            }
            String[] more = {"holt h=6", "holt h=24", "holt 2030", "cagr_base h=6", "cagr_base h=24", "cagr_base 2030",
                    "holt_linear h=6", "holt_linear h=24", "holt_linear 2030"};
            for (int i = 0; i < more.length; i++) {
                System.out.printf(Locale.ROOT, "  %-15s 80%% %5.1f%%  95%% %5.1f%%%n", more[i], 100 * c[25 + 2 * i], 100 * c[26 + 2 * i]);
            }
            System.out.printf(Locale.ROOT, "  loglinear selected in %.1f%% of the series, mean weight %.2f; mean AR(1) rho %.2f%n",
                    100 * c[18], c[19], c[20]);
            System.out.printf(Locale.ROOT, "  drift selected in %.1f%% of the series, mean weight %.2f%n", 100 * c[21], c[22]);
            if (!extra.equals("none")) {
                System.out.printf(Locale.ROOT, "  random walk with drift selected in %.1f%% of the series, mean weight %.2f%n", 100 * c[23],
                        c[24]);
            }
            for (var w : weights.entrySet()) {
                if (w.getKey().equals("cagr_low") || w.getKey().equals("cagr_high")) continue; // the scenario band, not candidates
                System.out.printf(Locale.ROOT, "  %-22s selected in %5.1f%% of the series, mean weight %.2f, mean backtest MASE %.3f%n",
                        w.getKey(), 100 * w.getValue()[0] / sims, w.getValue()[1] / sims, w.getValue()[3] == 0 ? Double.NaN
                                : w.getValue()[2] / w.getValue()[3]);
                double[] v = w.getValue();
                if (v[5] > 0) {
                    StringBuilder below = new StringBuilder();
                    for (int i = 0; i < CHECK_THRESHOLDS.length; i++) {
                        below.append(String.format(Locale.ROOT, " <%.0f%%: %.1f%%", 100 * CHECK_THRESHOLDS[i], 100 * v[8 + i] / v[5]));
                    }
                    System.out.printf(Locale.ROOT, "  %-22s backtest 80%% intervals beyond a year: mean coverage %.1f%% (95%%: %.1f%%) in %d series;"
                            + " series under%s%n", "", 100 * v[4] / v[5], 100 * v[6] / v[5], (int) v[5], below);
                }
            }
        }
    }

    /** Measures each calibration process under each weighting and writes the reference file (see the class comment). */
    static void calibration(int sims, java.nio.file.Path file, List<String> weightings, List<Integer> histories, List<String> only)
            throws Exception {
        String commit = git("rev-parse", "--short", "HEAD") + (git("status", "--porcelain", "--untracked-files=no").isEmpty() ? "" : "-dirty");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        StringBuilder csv = new StringBuilder(String.join(",", IntervalCalibration.COLUMNS)).append('\n');
        String[] horizons = IntervalCalibration.HORIZONS.toArray(new String[0]);
        for (String weighting : weightings) {
            for (int history : histories) {
                for (String[] p : CALIBRATION_PROCESSES) {
                    if (only != null && !only.contains(p[0])) continue;
                    long t0 = System.nanoTime();
                    double[] c = coverage(p[0], sims, CALIBRATION_PATHS, true, weighting, "none", history, new TreeMap<>());
                    String study = String.format(Locale.ROOT, "EnsembleCoverageStudy %s %d %d %s ar1%s", p[0], sims, CALIBRATION_PATHS,
                            weighting, history == N ? "" : " --history " + history);
                    for (int h = 0; h < horizons.length; h++) {
                        for (int k = 0; k < 2; k++) {
                            csv.append(String.join(",", p[0], quote(p[1]), quote(p[2]), String.valueOf(history), weighting, horizons[h],
                                    k == 0 ? "80" : "95", String.format(Locale.ROOT, "%.1f", 100 * c[2 * h + k]), String.valueOf(sims),
                                    String.valueOf(CALIBRATION_PATHS), quote(study), commit, today)).append('\n');
                        }
                    }
                    System.out.printf(Locale.ROOT, "%s %d months %s: year 5 80%% %.1f%%, 95%% %.1f%% (%.0f s)%n", weighting, history, p[0],
                            100 * c[4], 100 * c[5], (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        java.nio.file.Files.writeString(file, csv.toString(), java.nio.charset.StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(pr.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        if (pr.waitFor() != 0) throw new IllegalStateException("git " + String.join(" ", args) + ": " + out);
        return out;
    }

    /**
     * The projection's input for the first {@code n} months of a simulated log series from {@code first}: the totals
     * exp(log), local UMKM and foreign-origin each half of them (the share models' input; the studies read the totals).
     */
    static Projection.Input input(double[] logs, int n, YearMonth first) {
        List<YearMonth> months = new ArrayList<>();
        double[] t = new double[n];
        double[] half = new double[n];
        for (int i = 0; i < n; i++) {
            months.add(first.plusMonths(i));
            t[i] = Math.exp(logs[i]);
            half[i] = t[i] / 2;
        }
        return new Projection.Input(months, t, half, half);
    }

    /**
     * A true log series of {@code len} months whose first {@code n} are the history: the kinds below, and those of
     * {@link DgpCoverageStudy} ({@code damped}, {@code rwdrift}, {@code llt}, {@code shift}, whose level shift falls in
     * the history).
     */
    static double[] series(String process, Well19937c rng, int len, int n) {
        return switch (process) {
            case "damped", "rwdrift", "llt", "shift" -> DgpCoverageStudy.series(process, rng, len, n);
            default -> series(process, rng, len);
        };
    }

    /** A true log series of {@code len} months. */
    static double[] series(String process, Well19937c rng, int len) {
        if (process.startsWith("holt")) return HoltCoverageStudy.series(rng, len, Double.parseDouble(process.substring(4)));
        double rho = process.startsWith("ar") ? Double.parseDouble(process.substring(2)) : 0;
        if (!process.equals("trend") && rho == 0) throw new IllegalArgumentException("unknown process " + process);
        double[] y = new double[len];
        double e = 0.03 * rng.nextGaussian() / Math.sqrt(1 - rho * rho);
        for (int t = 0; t < len; t++) {
            if (t > 0) e = rho * e + 0.03 * rng.nextGaussian();
            y[t] = Math.log(1.5e11) + t / 12.0 * Math.log(1.15) + 0.2 * Math.sin(2 * Math.PI * t / 12.0) + e;
        }
        return y;
    }

    /**
     * @return 80/95 coverage pairs: ensemble at 6 and 24 months and for the fifth year; log-linear the same; then the
     *         share of series where the log-linear model was selected, its mean weight, and its mean fitted ρ; the drift
     *         model's coverage follows the log-linear model's, and after the selection figures (from index 25) Holt's
     *         and {@code cagr_base}'s, each model's own published interval (a series without the model's row counts as
     *         not covered), then (from index 37) {@code holt_linear_seasonal}'s
     */
    static double[] coverage(String process, int sims, int paths, boolean ar1) {
        return coverage(process, sims, paths, ar1, ProjectConfig.INVERSE_MASE, "none");
    }

    /**
     * The same with the ensemble weighted by {@code weighting} ({@code project.backtest.weighting}) and, with {@code extra}
     * {@code rw}, {@link DriftSeasonal} with θ fixed at 0 as one more candidate named {@code rw_drift_seasonal}.
     */
    static double[] coverage(String process, int sims, int paths, boolean ar1, String weighting, String extra) {
        return coverage(process, sims, paths, ar1, weighting, extra, N, new TreeMap<>());
    }

    /**
     * The same on histories of {@code n} months ending in {@link #LAST}; {@code weights} receives per monthly candidate
     * (by name) the number of series where it was selected, the sum of its weights, the sum of its backtest MASE and
     * the number of series with one.
     */
    static double[] coverage(String process, int sims, int paths, boolean ar1, String weighting, String extra, int n,
                             Map<String, double[]> weights) {
        YearMonth start = first(n);
        int years = 5;
        int h = 12 * years;
        int[] in = new int[36];
        int selected = 0;
        double weight = 0;
        int driftSelected = 0;
        double driftWeight = 0;
        int rwSelected = 0;
        double rwWeight = 0;
        double rhoSum = 0;
        int rhoN = 0;
        ProjectConfig cfg = new ProjectConfig(11L, paths, 2035, null, null,
                new ProjectConfig.BacktestSection(null, null, null, weighting, minIntervalCoverage), null,
                new ProjectConfig.CoverageSection("factor", 1.0, null, null, null, null, 0.0), null, null);
        Well19937c data = new Well19937c(process.hashCode());
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < n; i++) months.add(start.plusMonths(i));
        String m6 = months.get(n - 1).plusMonths(6).toString();
        String m24 = months.get(n - 1).plusMonths(24).toString();
        String year5 = String.valueOf(months.get(n - 1).getYear() + years);
        for (int s = 0; s < sims; s++) {
            double[] all = series(process, data, n + h, n);
            double[] t = new double[n];
            for (int i = 0; i < n; i++) t[i] = Math.exp(all[i]);
            double[] half = new double[n];
            for (int i = 0; i < n; i++) half[i] = t[i] * 0.5;
            Projection p = new Projection(cfg, Coverage.fixed(1.0, 0.0));
            if (!ar1) p.withIndependentLogLinearErrors();
            if (!extra.equals("none")) {
                if (!extra.equals("rw")) throw new IllegalArgumentException("extra candidate: rw or none");
                p.withExtraCandidate(new DriftSeasonal(true, 24, "rw_drift_seasonal", true));
            }
            Projection.Result r = p.run(new Projection.Input(months, t, half, half));
            double v6 = Math.exp(all[n + 5]);
            double v24 = Math.exp(all[n + 23]);
            double vy = 0;
            for (int i = 0; i < 12; i++) vy += Math.exp(all[n + 12 * (years - 1) + i]);
            for (String period : List.of(m6, m24)) {
                if (row(r, Projection.ENSEMBLE, "monthly", period) == null) throw new IllegalStateException("no ensemble interval for " + period);
            }
            if (row(r, Projection.ENSEMBLE, "annual", year5) == null) throw new IllegalStateException("no ensemble interval for " + year5);
            int k = 0;
            for (String model : new String[]{Projection.ENSEMBLE, "loglinear_seasonal", "drift_seasonal", "holt_damped_seasonal", "cagr_base",
                    "holt_linear_seasonal"}) {
                k = count(in, k, row(r, model, "monthly", m6), v6);
                k = count(in, k, row(r, model, "monthly", m24), v24);
                k = count(in, k, row(r, model, "annual", year5), vy);
            }
            for (Projection.ModelRow mr : r.models()) {
                if (mr.frequency().equals("monthly") && "weight".equals(mr.parameter())) {
                    double[] w = weights.computeIfAbsent(mr.model(), x -> new double[8 + CHECK_THRESHOLDS.length]);
                    if (mr.selected()) w[0]++;
                    w[1] += mr.weight();
                    if (mr.mase() != null) {
                        w[2] += mr.mase();
                        w[3]++;
                    }
                }
                if (mr.frequency().equals("monthly") && "backtest_in80_beyond_12m".equals(mr.parameter())) {
                    double[] w = weights.computeIfAbsent(mr.model(), x -> new double[8 + CHECK_THRESHOLDS.length]);
                    w[4] += mr.value();
                    w[5]++;
                    for (int i = 0; i < CHECK_THRESHOLDS.length; i++) if (mr.value() < CHECK_THRESHOLDS[i]) w[8 + i]++;
                }
                if (mr.frequency().equals("monthly") && "backtest_in95_beyond_12m".equals(mr.parameter())) {
                    weights.computeIfAbsent(mr.model(), x -> new double[8 + CHECK_THRESHOLDS.length])[6] += mr.value();
                }
                if (mr.model().equals("drift_seasonal") && mr.frequency().equals("monthly") && "annual_growth_pct".equals(mr.parameter())) {
                    if (mr.selected()) driftSelected++;
                    driftWeight += mr.weight();
                }
                if (mr.model().equals("rw_drift_seasonal") && mr.frequency().equals("monthly") && "annual_growth_pct".equals(mr.parameter())) {
                    if (mr.selected()) rwSelected++;
                    rwWeight += mr.weight();
                }
                if (mr.model().equals("loglinear_seasonal") && mr.frequency().equals("monthly")) {
                    if ("ar1_rho".equals(mr.parameter())) {
                        rhoSum += mr.value();
                        rhoN++;
                    }
                    if ("annual_growth_pct".equals(mr.parameter())) {
                        if (mr.selected()) selected++;
                        weight += mr.weight();
                    }
                }
            }
        }
        double[] c = new double[43];
        for (int i = 0; i < 18; i++) c[i] = in[i] / (double) sims;
        for (int i = 18; i < 36; i++) c[7 + i] = in[i] / (double) sims;
        c[18] = selected / (double) sims;
        c[19] = weight / sims;
        c[20] = rhoN == 0 ? 0 : rhoSum / rhoN;
        c[21] = driftSelected / (double) sims;
        c[22] = driftWeight / sims;
        c[23] = rwSelected / (double) sims;
        c[24] = rwWeight / sims;
        return c;
    }

    private static Projection.SeriesRow row(Projection.Result r, String model, String frequency, String period) {
        for (Projection.SeriesRow x : r.series()) {
            if (x.series().equals(Projection.TOTAL) && x.model().equals(model) && x.frequency().equals(frequency)
                    && x.period().equals(period) && x.lo80() != null) {
                return x;
            }
        }
        return null;
    }

    private static int count(int[] in, int k, Projection.SeriesRow row, double actual) {
        if (row != null && actual >= row.lo80() && actual <= row.hi80()) in[k]++;
        if (row != null && actual >= row.lo95() && actual <= row.hi95()) in[k + 1]++;
        return k + 2;
    }
}
