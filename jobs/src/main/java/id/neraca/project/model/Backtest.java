package id.neraca.project.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin backtest (time-series cross-validation): for every origin o from {@code minTrain} to n-1, each
 * model is fitted on the first o points only and forecasts the next 1..maxHorizon points that were observed.
 * Errors are on values, not logs: APE = |F - A| / A (averaged: MAPE) and the scaled error |F - A| / q where q is
 * the in-sample mean absolute error of the seasonal-naive method on the training part (averaged: MASE; below 1
 * beats the naive method's in-sample one-step error). Point forecasts are the median (exp of the log forecast).
 */
public final class Backtest {
    private Backtest() {}

    /** One forecast error: model fitted on points [0, origin), forecasting point origin + horizon - 1. */
    public record Error(String model, int horizon, int origin, double ape, double scaled, double logError) {}

    /** Averages per model and horizon (horizon 0 = all horizons). */
    public record Score(String model, int horizon, double mape, double mase, double rmsLogError, int n) {}

    public static List<Error> run(List<Forecaster> models, double[] y, int period, int firstSeason, int minTrain,
                                  int maxHorizon) {
        return run(models, y, period, firstSeason, null, minTrain, maxHorizon);
    }

    /** {@link #run} of a monthly series whose first value is calendar month {@code first} (models with a holiday need it). */
    public static List<Error> run(List<Forecaster> models, double[] y, YearMonth first, int minTrain, int maxHorizon) {
        return run(models, y, 12, first.getMonthValue() - 1, first, minTrain, maxHorizon);
    }

    /** A model fitted on a series' first values: by calendar month when it is known, else by season. */
    private static Forecaster.Fit fit(Forecaster m, double[] train, int period, int firstSeason, YearMonth first) {
        return first == null ? m.fit(train, period, firstSeason) : m.fit(train, period, first);
    }

    private static List<Error> run(List<Forecaster> models, double[] y, int period, int firstSeason, YearMonth first,
                                   int minTrain, int maxHorizon) {
        int n = y.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = Math.exp(y[i]);
        // the origins' refits are independent: side by side on the common pool, their errors joined in origin order
        // (the same list, bit for bit, as one origin after the other)
        List<List<Error>> byOrigin = java.util.stream.IntStream.range(Math.max(minTrain, 2), n)
                .parallel().mapToObj(o -> {
                    List<Error> out = new ArrayList<>();
                    double[] train = java.util.Arrays.copyOf(y, o);
                    double scale = SeasonalNaive.scale(java.util.Arrays.copyOf(v, o), period);
                    int h = Math.min(maxHorizon, n - o);
                    for (Forecaster m : models) {
                        if (m.unsupportedReason(o, period) != null) continue;
                        double[] f = fit(m, train, period, firstSeason, first).forecast(h);
                        for (int i = 0; i < h; i++) {
                            double actual = v[o + i];
                            double fc = Math.exp(f[i]);
                            double abs = Math.abs(fc - actual);
                            out.add(new Error(m.name(), i + 1, o, abs / actual, scale > 0 ? abs / scale : Double.NaN,
                                    y[o + i] - f[i]));
                        }
                    }
                    return out;
                }).toList();
        List<Error> out = new ArrayList<>();
        for (List<Error> b : byOrigin) out.addAll(b);
        return out;
    }

    /**
     * The CRPS of a simulated predictive distribution against the outcome {@code y}, by the sample estimator
     * {@code mean|X − y| − ½·mean|X − X'|} (the mean over all m² ordered pairs, i = j included: exactly the CRPS of
     * the sample's empirical distribution). Lower is better; for a single point it is the absolute error, so a
     * distribution is rewarded for a centre near y and penalised both for spread it does not need and, through the
     * first term, for spread it lacks. The pair term is computed from the sorted sample in O(m log m):
     * {@code Σ_i,j |x_i − x_j| = 2 Σ_i (2i − m + 1)·x_(i)} with x_(0) ≤ … ≤ x_(m−1).
     */
    public static double crps(double[] sample, double y) {
        double[] s = sample.clone();
        java.util.Arrays.sort(s);
        return crpsOfSorted(s, y);
    }

    /** {@link #crps} of a sample already sorted ascending. */
    private static double crpsOfSorted(double[] s, double y) {
        int m = s.length;
        if (m == 0) return Double.NaN;
        double abs = 0;
        double pairs = 0;
        for (int i = 0; i < m; i++) {
            abs += Math.abs(s[i] - y);
            pairs += (2.0 * i - m + 1) * s[i];
        }
        return abs / m - pairs / ((double) m * m);
    }

    /** One CRPS: the model fitted on points [0, origin), its simulated log value at origin + horizon − 1 against the actual log. */
    public record Crps(String model, int horizon, int origin, double crps) {}

    /**
     * One scored predictive distribution: the model fitted on points [0, origin), its simulated log values at origin +
     * horizon − 1 against the actual log: the CRPS, and whether the actual fell inside the sample's 10–90% (in80) and
     * 2.5–97.5% (in95) quantiles, the intervals the projection publishes.
     */
    public record Scored(String model, int horizon, int origin, double crps, boolean in80, boolean in95) {}

    /**
     * The rolling-origin backtest of whole predictive distributions: at every origin of {@link #run}, each model is
     * fitted on the first o points, simulates {@code paths} futures of the log series (seeded per model: the same
     * inputs give the same scores) and each horizon's simulated logs are scored against the observed log by
     * {@link #crps}. Scored on logs: the models' distributions are of logs, the score of a log is level-free (a
     * series of Rp10^11 and one of Rp10^14 score alike, as MASE's scaling makes them), and it stays proper (a CRPS on
     * values divided by the actual would weight each outcome by 1/y, which is no longer a proper score). For a small
     * spread it is about the CRPS of the relative error.
     */
    public static List<Crps> runCrps(List<Forecaster> models, double[] y, int period, int firstSeason, int minTrain,
                                     int maxHorizon, int paths, long seed) {
        return toCrps(runDistributions(models, y, period, firstSeason, minTrain, maxHorizon, paths, seed));
    }

    /** The CRPS of each scored distribution, as {@link #runCrps} gives them. */
    public static List<Crps> toCrps(List<Scored> scored) {
        List<Crps> out = new ArrayList<>();
        for (Scored s : scored) out.add(new Crps(s.model(), s.horizon(), s.origin(), s.crps()));
        return out;
    }

    /**
     * {@link #runCrps} with each outcome also checked against the simulated 80% and 95% intervals (the quantiles of
     * {@link Stats#quantile}, as the projection publishes them), so that a model's interval coverage can be read
     * off the backtest as well as its score.
     */
    public static List<Scored> runDistributions(List<Forecaster> models, double[] y, int period, int firstSeason, int minTrain,
                                                int maxHorizon, int paths, long seed) {
        return runDistributions(models, y, period, firstSeason, null, minTrain, maxHorizon, paths, seed);
    }

    /** {@link #runDistributions} of a monthly series whose first value is calendar month {@code first}. */
    public static List<Scored> runDistributions(List<Forecaster> models, double[] y, YearMonth first, int minTrain,
                                                int maxHorizon, int paths, long seed) {
        return runDistributions(models, y, 12, first.getMonthValue() - 1, first, minTrain, maxHorizon, paths, seed);
    }

    private static List<Scored> runDistributions(List<Forecaster> models, double[] y, int period, int firstSeason, YearMonth first,
                                                 int minTrain, int maxHorizon, int paths, long seed) {
        int n = y.length;
        int from = Math.max(minTrain, 2);
        // one random stream per model, drawn origin after origin: the models side by side on the common pool, each in
        // its own origin order, then joined origin by origin, model by model (the list one thread would give)
        List<Map<Integer, List<Scored>>> byModel = java.util.stream.IntStream.range(0, models.size()).parallel().mapToObj(k -> {
            Forecaster m = models.get(k);
            org.apache.commons.math3.random.RandomGenerator rng =
                    new org.apache.commons.math3.random.Well19937c(seed + 104_729L * (k + 1));
            Map<Integer, List<Scored>> blocks = new java.util.HashMap<>();
            for (int o = from; o < n; o++) {
                if (m.unsupportedReason(o, period) != null) continue;
                double[] train = java.util.Arrays.copyOf(y, o);
                int h = Math.min(maxHorizon, n - o);
                double[][] sim = fit(m, train, period, firstSeason, first).simulate(h, paths, rng);
                List<Scored> block = new ArrayList<>();
                for (int i = 0; i < h; i++) {
                    double[] sorted = new double[paths];
                    for (int p = 0; p < paths; p++) sorted[p] = sim[p][i];
                    java.util.Arrays.sort(sorted);
                    double a = y[o + i];
                    double c = crpsOfSorted(sorted, a);
                    boolean in80 = a >= Stats.quantile(sorted, 0.10) && a <= Stats.quantile(sorted, 0.90);
                    boolean in95 = a >= Stats.quantile(sorted, 0.025) && a <= Stats.quantile(sorted, 0.975);
                    block.add(new Scored(m.name(), i + 1, o, c, in80, in95));
                }
                blocks.put(o, block);
            }
            return blocks;
        }).toList();
        List<Scored> out = new ArrayList<>();
        for (int o = from; o < n; o++) {
            for (Map<Integer, List<Scored>> blocks : byModel) {
                List<Scored> b = blocks.get(o);
                if (b != null) out.addAll(b);
            }
        }
        return out;
    }

    /**
     * A model's interval coverage in the backtest over horizons {@code fromHorizon}..: the share of scored outcomes
     * inside its 80% and its 95% interval, the number of outcomes, and the number of origins they come from.
     */
    public record Coverage(String model, int fromHorizon, int toHorizon, double in80, double in95, int outcomes, int origins) {}

    /** {@link Coverage} per model over horizons from {@code fromHorizon} on (models without such a horizon are absent). */
    public static Map<String, Coverage> coverage(List<Scored> scored, int fromHorizon) {
        Map<String, int[]> acc = new LinkedHashMap<>();
        Map<String, java.util.Set<Integer>> origins = new LinkedHashMap<>();
        for (Scored s : scored) {
            if (s.horizon() < fromHorizon) continue;
            int[] a = acc.computeIfAbsent(s.model(), k -> new int[4]);
            if (s.in80()) a[0]++;
            if (s.in95()) a[1]++;
            a[2]++;
            a[3] = Math.max(a[3], s.horizon());
            origins.computeIfAbsent(s.model(), k -> new java.util.TreeSet<>()).add(s.origin());
        }
        Map<String, Coverage> out = new LinkedHashMap<>();
        for (var e : acc.entrySet()) {
            int[] a = e.getValue();
            out.put(e.getKey(), new Coverage(e.getKey(), fromHorizon, a[3], a[0] / (double) a[2], a[1] / (double) a[2], a[2],
                    origins.get(e.getKey()).size()));
        }
        return out;
    }

    /** Mean CRPS per model over every origin and horizon (as MASE averages its errors); NaN scores are skipped. */
    public static Map<String, Double> meanCrps(List<Crps> scores) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (Crps c : scores) {
            if (!Double.isFinite(c.crps())) continue;
            double[] a = acc.computeIfAbsent(c.model(), k -> new double[2]);
            a[0] += c.crps();
            a[1]++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (var e : acc.entrySet()) out.put(e.getKey(), e.getValue()[0] / e.getValue()[1]);
        return out;
    }

    /** MAPE, MASE and RMS log error per model and horizon, plus horizon 0 for all horizons together. */
    public static List<Score> score(List<Error> errors) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (Error e : errors) {
            for (int h : new int[]{e.horizon(), 0}) {
                double[] a = acc.computeIfAbsent(e.model() + "\u0000" + h, k -> new double[5]);
                a[0] += e.ape();
                if (Double.isFinite(e.scaled())) {
                    a[1] += e.scaled();
                    a[4]++;
                }
                a[2] += e.logError() * e.logError();
                a[3]++;
            }
        }
        List<Score> out = new ArrayList<>();
        for (var en : acc.entrySet()) {
            String[] k = en.getKey().split("\u0000");
            double[] a = en.getValue();
            out.add(new Score(k[0], Integer.parseInt(k[1]), a[0] / a[3], a[4] > 0 ? a[1] / a[4] : Double.NaN,
                    Math.sqrt(a[2] / a[3]), (int) a[3]));
        }
        out.sort(java.util.Comparator.comparing(Score::model).thenComparingInt(Score::horizon));
        return out;
    }

    /** RMS log error of a model by horizon 1..maxHorizon; horizons with fewer than {@code minCount} errors end it. */
    public static double[] logSdByHorizon(List<Error> errors, String model, int maxHorizon, int minCount) {
        List<Double> sds = new ArrayList<>();
        for (int h = 1; h <= maxHorizon; h++) {
            double ss = 0;
            int k = 0;
            for (Error e : errors) {
                if (e.model().equals(model) && e.horizon() == h) {
                    ss += e.logError() * e.logError();
                    k++;
                }
            }
            if (k < minCount) break;
            sds.add(Math.sqrt(ss / k));
        }
        return sds.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
