package id.neraca.project;

import id.neraca.project.model.Stats;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Other ways of combining the same candidate paths into the ensemble, measured on a {@link DgpCoverageStudy} dump without
 * refitting (docs/PROJECTION.md §5, "Combining the same paths otherwise"; not a unit test). Per series of the dump it
 * rebuilds the published mixture (each candidate's first paths, as many as its weight's share of the paths,
 * {@link Projection#allocate}'s rule), which must give the study's own coverage, and the variants: equal weights over the
 * selected candidates ({@code weighting: equal}); weights ∝ 1/MASE instead of 1/MASE² (the square root of the published
 * weight, renormalised); Holt's linear trend alone (a ceiling, not a method); and the weighted average of the candidates'
 * quantiles instead of a mixture of their paths. Prints, per process and history, the 80% / 95% coverage at the dump's four
 * points (monthly values 12, 36, 60 months ahead, the 2030 annual value) and the 2030 95% interval's span (upper ÷ lower
 * bound, geometric mean over the series). Run:
 * {@code java -cp jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/classpath.txt) id.neraca.project.EnsembleCombinationStudy DUMP [PATHS]}
 * (PATHS: the dump's paths per model, {@link DgpCoverageStudy#PATHS} by default).
 */
public final class EnsembleCombinationStudy {
    private EnsembleCombinationStudy() {}

    static final int POINTS = DgpCoverageStudy.STEPS.length + 1;
    static final int LINEAR = List.of(DgpCoverageStudy.MODELS).indexOf("holt_linear_seasonal");

    /** One series of the dump: its truth (logs) at the four points, the candidates' weights and log values [model][point][path]. */
    record Series(String process, int history, double[] truth, double[] weight, double[][][] logs) {}

    public static void main(String[] args) throws Exception {
        int paths = args.length > 1 ? Integer.parseInt(args[1]) : DgpCoverageStudy.PATHS;
        List<Series> all = read(Path.of(args[0]), paths);
        Map<String, BiFunction<double[], double[][][], double[][]>> variants = new LinkedHashMap<>();
        variants.put("published (mixture, weights 1/MASE²)", (w, x) -> mixture(w, x, paths));
        variants.put("equal weights over the selected", (w, x) -> mixture(equal(w), x, paths));
        variants.put("weights 1/MASE", (w, x) -> mixture(sqrt(w), x, paths));
        variants.put("Holt's linear trend alone (ceiling)", (w, x) -> x[LINEAR] == null ? mixture(w, x, paths) : x[LINEAR]);
        variants.put("average of the candidates' quantiles", (w, x) -> quantileAverage(w, x, paths));
        Map<String, List<Series>> groups = new LinkedHashMap<>();
        for (Series s : all) groups.computeIfAbsent(s.process() + " " + s.history(), k -> new ArrayList<>()).add(s);
        for (var v : variants.entrySet()) {
            System.out.println(v.getKey());
            for (var g : groups.entrySet()) {
                int[][] in = new int[POINTS][2];
                double logSpan = 0;
                for (Series s : g.getValue()) {
                    double[][] ens = v.getValue().apply(s.weight(), s.logs());
                    for (int k = 0; k < POINTS; k++) {
                        double[] b = Stats.bands(ens[k]);
                        if (s.truth()[k] >= b[1] && s.truth()[k] <= b[2]) in[k][0]++;
                        if (s.truth()[k] >= b[3] && s.truth()[k] <= b[4]) in[k][1]++;
                        if (k == POINTS - 1) logSpan += b[4] - b[3];
                    }
                }
                int n = g.getValue().size();
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-12s %4d series", g.getKey() + " months", n));
                for (int k = 0; k < POINTS; k++) {
                    line.append(String.format(Locale.ROOT, "  %s %5.1f / %5.1f", k < POINTS - 1 ? "h" + DgpCoverageStudy.STEPS[k] : "2030",
                            100.0 * in[k][0] / n, 100.0 * in[k][1] / n));
                }
                System.out.println(line.append(String.format(Locale.ROOT, "  2030 95%% span ×%.2f", Math.exp(logSpan / n))));
            }
        }
    }

    /** The dump's series (layout in {@link DgpCoverageStudy#dump}); a model not fitted has null values. */
    static List<Series> read(Path file, int paths) throws java.io.IOException {
        List<Series> out = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                int process;
                try {
                    process = in.readInt();
                } catch (EOFException end) {
                    return out;
                }
                int n = in.readInt();
                in.readInt();
                double[] truth = new double[POINTS];
                for (int k = 0; k < POINTS; k++) truth[k] = in.readDouble();
                int models = DgpCoverageStudy.MODELS.length;
                double[] w = new double[models];
                double[][][] logs = new double[models][][];
                for (int m = 0; m < models; m++) {
                    w[m] = in.readDouble();
                    double[][] x = new double[POINTS][paths];
                    boolean fitted = true;
                    for (int k = 0; k < POINTS; k++) {
                        for (int p = 0; p < paths; p++) {
                            x[k][p] = in.readFloat();
                            if (Double.isNaN(x[k][p])) fitted = false;
                        }
                    }
                    logs[m] = fitted ? x : null;
                }
                out.add(new Series(DgpCoverageStudy.PROCESSES[process], n, truth, w, logs));
            }
        }
    }

    /** The mixture the projection publishes: each model's first floor(w·paths) paths, the remainder to the heaviest. */
    static double[][] mixture(double[] w, double[][][] logs, int paths) {
        int[] c = new int[w.length];
        int used = 0;
        int biggest = 0;
        for (int m = 0; m < w.length; m++) {
            c[m] = (int) Math.floor(w[m] * paths);
            used += c[m];
            if (w[m] > w[biggest]) biggest = m;
        }
        c[biggest] += paths - used;
        double[][] out = new double[POINTS][paths];
        int p0 = 0;
        for (int m = 0; m < w.length; m++) {
            for (int j = 0; j < c[m]; j++, p0++) {
                for (int k = 0; k < POINTS; k++) out[k][p0] = logs[m][k][j];
            }
        }
        return out;
    }

    static double[] equal(double[] w) {
        double[] e = new double[w.length];
        int selected = 0;
        for (double x : w) if (x > 0) selected++;
        for (int m = 0; m < w.length; m++) e[m] = w[m] > 0 ? 1.0 / selected : 0;
        return e;
    }

    static double[] sqrt(double[] w) {
        double[] e = new double[w.length];
        double sum = 0;
        for (int m = 0; m < w.length; m++) sum += e[m] = Math.sqrt(w[m]);
        for (int m = 0; m < w.length; m++) e[m] /= sum;
        return e;
    }

    /** The weighted average of the models' quantiles at the levels (i + 0.5) / paths: equal-probability "paths" of it. */
    static double[][] quantileAverage(double[] w, double[][][] logs, int paths) {
        double[][] out = new double[POINTS][paths];
        double sum = 0;
        for (int m = 0; m < w.length; m++) {
            if (w[m] <= 0) continue;
            sum += w[m];
            for (int k = 0; k < POINTS; k++) {
                double[] s = logs[m][k].clone();
                java.util.Arrays.sort(s);
                for (int p = 0; p < paths; p++) out[k][p] += w[m] * Stats.quantile(s, (p + 0.5) / paths);
            }
        }
        for (int k = 0; k < POINTS; k++) for (int p = 0; p < paths; p++) out[k][p] /= sum;
        return out;
    }
}
