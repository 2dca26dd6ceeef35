package id.neraca.project;

import id.neraca.project.model.Stats;
import org.apache.commons.math3.random.Well19937c;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A coverage study of the published intervals on five kinds of history the product may meet, beyond the four of
 * {@link EnsembleCoverageStudy} (not a unit test: about a second of CPU a series at 36 months, two at 60). For each
 * process and history length, seeded series are simulated, run through {@link Projection#run} as the stage runs it
 * (1,000 paths, {@code inverse_mase}, {@code auto} backtest horizons, the coverage factor fixed with no uncertainty, so an
 * interval is the models' alone), and the true continuation is checked against the 80% and 95% intervals of the
 * ensemble and of each candidate model of {@link #MODELS} (a model the projection does not have, as
 * {@code holt_linear_seasonal} before it joined the candidates, is skipped: its row prints 0%): the monthly value 12, 36 and 60 months ahead and the annual value of the fifth
 * projected year (2030: every history ends in December 2025, as the samples' does). Run (after
 * {@code mvn -B -o -q package -DskipTests -pl jobs} and {@code mvn -B -o -q test-compile -pl jobs}):
 * {@code java -cp jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/classpath.txt) id.neraca.project.DgpCoverageStudy PROCESSES SERIES HISTORIES [DUMP]}
 * with PROCESSES a comma-separated list of {@link #PROCESSES} (or {@code all}), HISTORIES a comma-separated list of
 * months (36–72 is what the product sees), and DUMP an optional file receiving, per series, the truth and each
 * candidate's weight and simulated values at the four checked points (big-endian, layout in {@link #dump}), so that
 * other ways of combining the same model paths can be measured without refitting.
 *
 * <p>The processes, all on the log of a monthly series of about Rp150 billion with seasons ±0.2 (the samples' scale
 * does not matter: every model works on logs):
 * <ul>
 *   <li>{@code trend}: a deterministic trend, 15% a year, independent noise 0.03 ({@link EnsembleCoverageStudy#series});
 *   <li>{@code damped}: growth that fades deterministically, from 30% a year towards 5% (the excess halving every 23
 *       months, φ 0.97 a month), independent noise 0.03;
 *   <li>{@code rwdrift}: a random walk with drift, 15% a year, level steps N(0, 0.02²) a month, seasons fixed,
 *       independent noise 0.03 around the level (the local level with drift, the drift model's own family);
 *   <li>{@code llt}: a local linear trend whose slope wanders: level steps N(0, 0.015²), slope steps N(0, 0.0008²) a
 *       month from 15% a year, noise 0.03 (the growth rate's sd after five years is 7 points);
 *   <li>{@code shift}: the deterministic trend of {@code trend} with one permanent level shift of ±0.3 (a marketplace
 *       joining or leaving the dumps) at a month drawn uniformly from the middle third of the history;
 *   <li>{@code holt0.3}: the wandering level of docs/PROJECTION.md §4–5 (ETS(A,Ad,A), α 0.3), for continuity with the
 *       figures measured there.
 * </ul>
 */
public final class DgpCoverageStudy {
    private DgpCoverageStudy() {}

    static final String[] PROCESSES = {"trend", "damped", "rwdrift", "llt", "shift", "holt0.3"};
    /** The candidates whose own intervals are checked (and dumped), in this order. */
    static final String[] MODELS = {"cagr_base", "loglinear_seasonal", "holt_damped_seasonal", "drift_seasonal", "holt_linear_seasonal"};
    /** Months ahead of the checked monthly values. */
    static final int[] STEPS = {12, 36, 60};
    static final int YEARS = 5;
    static final int PATHS = 1000;

    public static void main(String[] args) throws Exception {
        List<String> processes = args[0].equals("all") ? List.of(PROCESSES) : List.of(args[0].split(","));
        int sims = Integer.parseInt(args[1]);
        List<Integer> histories = java.util.Arrays.stream(args[2].split(",")).map(Integer::parseInt).toList();
        DataOutputStream dump = args.length > 3
                ? new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(args[3])), 1 << 16)) : null;
        for (int n : histories) {
            for (String process : processes) {
                long t0 = System.nanoTime();
                Cell c = run(process, sims, n, PATHS, dump);
                System.out.printf(Locale.ROOT, "%s, %d months, %d series (%.0f s)%n", process, n, sims, (System.nanoTime() - t0) / 1e9);
                System.out.print(c.table());
                System.out.flush();
            }
        }
        if (dump != null) dump.close();
    }

    /** Coverage counts of one process and history length: [model][point][80, 95], models = ensemble then {@link #MODELS}. */
    record Cell(String process, int history, int series, int[][][] in, double[] meanWeight, int[] selected) {
        double coverage(int model, int point, int level) {
            return in[model][point][level] / (double) series;
        }

        String table() {
            StringBuilder b = new StringBuilder();
            String[] names = new String[MODELS.length + 1];
            names[0] = Projection.ENSEMBLE;
            System.arraycopy(MODELS, 0, names, 1, MODELS.length);
            for (int m = 0; m < names.length; m++) {
                b.append(String.format(Locale.ROOT, "  %-21s", names[m]));
                for (int k = 0; k < STEPS.length + 1; k++) {
                    b.append(String.format(Locale.ROOT, "  %s %5.1f / %5.1f", k < STEPS.length ? "h" + STEPS[k] : "2030",
                            100 * coverage(m, k, 0), 100 * coverage(m, k, 1)));
                }
                if (m > 0) b.append(String.format(Locale.ROOT, "  weight %.2f, selected %d%%", meanWeight[m - 1],
                        Math.round(100.0 * selected[m - 1] / series)));
                b.append('\n');
            }
            return b.toString();
        }
    }

    static ProjectConfig config(int paths) {
        return new ProjectConfig(11L, paths, 2035, null, null, new ProjectConfig.BacktestSection(null, null, null, null, null), null,
                new ProjectConfig.CoverageSection("factor", 1.0, null, null, null, null, 0.0), null, null);
    }

    /** Runs {@code sims} seeded series of {@code process} with {@code n} months of history ending in December 2025. */
    static Cell run(String process, int sims, int n, int paths, DataOutputStream dump) throws java.io.IOException {
        YearMonth start = EnsembleCoverageStudy.first(n);
        int h = 12 * YEARS;
        int[][][] in = new int[MODELS.length + 1][STEPS.length + 1][2];
        double[] weight = new double[MODELS.length];
        int[] selected = new int[MODELS.length];
        Map<String, Integer> dropped = new java.util.TreeMap<>();
        ProjectConfig cfg = config(paths);
        Well19937c data = dataStream(process, n);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < n; i++) months.add(start.plusMonths(i));
        for (int s = 0; s < sims; s++) {
            double[] all = series(process, data, n + h, n);
            Projection p = new Projection(cfg, Coverage.fixed(1.0, 0.0)).keepSimulations();
            Projection.Result r = p.run(EnsembleCoverageStudy.input(all, n, start));
            Map<String, double[][]> paths0 = p.simulations();
            double[] truth = truth(all, n);
            double[] w = new double[MODELS.length];
            for (Projection.ModelRow mr : r.models()) {
                if (!mr.frequency().equals("monthly") || !"weight".equals(mr.parameter())) continue;
                for (int m = 0; m < MODELS.length; m++) {
                    if (MODELS[m].equals(mr.model())) {
                        w[m] = mr.weight();
                        if (mr.selected()) selected[m]++;
                    }
                }
            }
            for (int m = 0; m < MODELS.length; m++) weight[m] += w[m];
            for (String warning : r.warnings()) {
                if (warning.startsWith("model ") && warning.contains(" dropped")) dropped.merge(warning.split(" ")[1], 1, Integer::sum);
            }
            double[][] ensPoints = points(paths0.get(Projection.ENSEMBLE));
            check(in[0], ensPoints, truth);
            // the study's ensemble values must be the published ones: the same paths, the same quantiles
            Projection.SeriesRow pub = row(r, Projection.ENSEMBLE, "annual", "2030");
            double[] b = Stats.bands(ensPoints[STEPS.length]);
            if (pub == null || Math.abs(Math.log(b[1] / pub.lo80())) > 1e-9 || Math.abs(Math.log(b[4] / pub.hi95())) > 1e-9) {
                throw new IllegalStateException("the study's 2030 ensemble interval is not the published one: " + pub);
            }
            double[][][] modelPoints = new double[MODELS.length][][];
            for (int m = 0; m < MODELS.length; m++) {
                double[][] sim = paths0.get(MODELS[m]);
                if (sim == null) continue;
                modelPoints[m] = points(sim);
                check(in[m + 1], modelPoints[m], truth);
            }
            if (dump != null) dump(dump, process, n, s, truth, w, modelPoints, paths);
        }
        double[] mean = new double[MODELS.length];
        for (int m = 0; m < MODELS.length; m++) mean[m] = weight[m] / sims;
        if (!dropped.isEmpty()) System.out.println("  dropped as not credible (series): " + dropped);
        return new Cell(process, n, sims, in, mean, selected);
    }

    /** The seeded stream of a process's series: one per process and history, so the 36- and 60-month series are different draws. */
    static Well19937c dataStream(String process, int n) {
        return new Well19937c(31L * process.hashCode() + n);
    }

    /**
     * One series' record: process id (index in {@link #PROCESSES}), history, series index (ints); the truth at the four
     * points (doubles: log of the monthly values 12, 36, 60 months ahead, log of the 2030 annual value); then per model of
     * {@link #MODELS} its weight (double) and its {@code paths} values at the four points (floats, logs, point-major;
     * NaN when the model is not fitted).
     */
    static void dump(DataOutputStream out, String process, int n, int s, double[] truth, double[] w, double[][][] points,
                     int paths) throws java.io.IOException {
        out.writeInt(List.of(PROCESSES).indexOf(process));
        out.writeInt(n);
        out.writeInt(s);
        for (double t : truth) out.writeDouble(t);
        for (int m = 0; m < MODELS.length; m++) {
            out.writeDouble(w[m]);
            for (int k = 0; k < STEPS.length + 1; k++) {
                for (int p = 0; p < paths; p++) out.writeFloat(points[m] == null ? Float.NaN : (float) Math.log(points[m][k][p]));
            }
        }
    }

    /** The truth at the checked points: the monthly values 12, 36, 60 months ahead and the fifth year's annual value. */
    static double[] truth(double[] all, int n) {
        double[] t = new double[STEPS.length + 1];
        for (int k = 0; k < STEPS.length; k++) t[k] = all[n + STEPS[k] - 1];
        double y = 0;
        for (int i = 0; i < 12; i++) y += Math.exp(all[n + 12 * (YEARS - 1) + i]);
        t[STEPS.length] = Math.log(y);
        return t;
    }

    /** A model's simulated values (not logs) at the checked points, per point: the monthly values, then the 2030 sum. */
    static double[][] points(double[][] sim) {
        int paths = sim.length;
        double[][] out = new double[STEPS.length + 1][paths];
        for (int p = 0; p < paths; p++) {
            for (int k = 0; k < STEPS.length; k++) out[k][p] = Math.exp(sim[p][STEPS[k] - 1]);
            double y = 0;
            for (int i = 0; i < 12; i++) y += Math.exp(sim[p][12 * (YEARS - 1) + i]);
            out[STEPS.length][p] = y;
        }
        return out;
    }

    private static void check(int[][] in, double[][] points, double[] truth) {
        for (int k = 0; k < points.length; k++) {
            double[] b = Stats.bands(points[k]);
            double v = Math.exp(truth[k]);
            if (v >= b[1] && v <= b[2]) in[k][0]++;
            if (v >= b[3] && v <= b[4]) in[k][1]++;
        }
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

    static final double LEVEL = Math.log(1.5e11);
    static final double GROWTH = Math.log(1.15) / 12;

    /**
     * A true log series of {@code len} months of {@code process} whose first {@code n} are the history (the level shift
     * falls in the history's middle third).
     */
    static double[] series(String process, Well19937c rng, int len, int n) {
        double[] y = new double[len];
        switch (process) {
            case "trend", "holt0.3", "holt0.1", "ar0.6" -> {
                return EnsembleCoverageStudy.series(process, rng, len);
            }
            case "damped" -> {
                double far = Math.log(1.05) / 12;
                double excess = Math.log(1.30) / 12 - far;
                double level = LEVEL;
                for (int t = 0; t < len; t++) {
                    level += far + excess;
                    excess *= 0.97;
                    y[t] = level + season(t) + 0.03 * rng.nextGaussian();
                }
            }
            case "rwdrift" -> {
                double level = LEVEL;
                for (int t = 0; t < len; t++) {
                    level += GROWTH + 0.02 * rng.nextGaussian();
                    y[t] = level + season(t) + 0.03 * rng.nextGaussian();
                }
            }
            case "llt" -> {
                double level = LEVEL;
                double slope = GROWTH;
                for (int t = 0; t < len; t++) {
                    slope += 0.0008 * rng.nextGaussian();
                    level += slope + 0.015 * rng.nextGaussian();
                    y[t] = level + season(t) + 0.03 * rng.nextGaussian();
                }
            }
            case "shift" -> {
                int at = n / 3 + rng.nextInt(n / 3);
                double size = rng.nextBoolean() ? 0.3 : -0.3;
                for (int t = 0; t < len; t++) {
                    y[t] = LEVEL + t * GROWTH + season(t) + (t >= at ? size : 0) + 0.03 * rng.nextGaussian();
                }
            }
            default -> throw new IllegalArgumentException("unknown process " + process + "; one of " + String.join(", ", PROCESSES));
        }
        return y;
    }

    private static double season(int t) {
        return 0.2 * Math.sin(2 * Math.PI * t / 12.0);
    }
}
