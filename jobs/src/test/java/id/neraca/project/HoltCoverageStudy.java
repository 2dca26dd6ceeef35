package id.neraca.project;

import id.neraca.project.model.Forecaster;
import id.neraca.project.model.HoltDamped;
import id.neraca.project.model.Stats;
import org.apache.commons.math3.random.Well19937c;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A coverage study of Holt's published intervals (not a unit test: minutes of CPU). Series simulated from
 * ETS(A,Ad,A) with α as given (β 0.02 and γ 0.05 unless given, φ 0.9, σ 0.05 on the logs, seasonal amplitude 0.2), 36 months of
 * history, projected 60 months (five years) through {@link Projection#simulate}; prints the share of series whose
 * true value falls in the 80% and 95% intervals of the monthly value 6 and 24 months ahead and of each projected
 * year's annual value. Run:
 * {@code java -cp jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/classpath.txt) id.neraca.project.HoltCoverageStudy SERIES REPLICATES ALPHA [BETA [GAMMA]]}
 */
public final class HoltCoverageStudy {
    private HoltCoverageStudy() {}

    public static void main(String[] args) {
        int sims = Integer.parseInt(args[0]);
        int reps = Integer.parseInt(args[1]);
        double alpha = Double.parseDouble(args[2]);
        double beta = args.length > 3 ? Double.parseDouble(args[3]) : BETA;
        double gamma = args.length > 4 ? Double.parseDouble(args[4]) : GAMMA;
        double[] c = coverage(new HoltDamped(true, 24, 24, "holt").withReplicates(reps), sims, 36, 400, alpha, beta, gamma, 5, 4242,
                7000);
        System.out.printf("series %d replicates %d alpha %.2f beta %.2f gamma %.2f%n", sims, reps, alpha, beta, gamma);
        String[] labels = {"h=6", "h=24", "year 1", "year 2", "year 3", "year 4", "year 5"};
        for (int i = 0; i < labels.length; i++) System.out.printf("  %-7s 80%% %.3f  95%% %.3f%n", labels[i], c[2 * i], c[2 * i + 1]);
    }

    static final double BETA = 0.02;
    static final double GAMMA = 0.05;

    static double[] series(Well19937c rng, int len, double alpha) {
        return series(rng, len, alpha, BETA, GAMMA);
    }

    public static double[] series(Well19937c rng, int len, double alpha, double beta, double gamma) {
        double l = 12;
        double b = 0.02;
        double[] season = new double[12];
        for (int m = 0; m < 12; m++) season[m] = 0.2 * Math.sin(2 * Math.PI * m / 12.0);
        double[] all = new double[len];
        for (int t = 0; t < len; t++) {
            double e = 0.05 * rng.nextGaussian();
            double st = season[t % 12];
            all[t] = l + 0.9 * b + st + e;
            double lNew = l + 0.9 * b + alpha * e;
            b = 0.9 * b + beta * e;
            l = lNew;
            season[t % 12] = st + gamma * e;
        }
        return all;
    }

    /**
     * Coverage of Holt's intervals as the projection publishes them when Holt is the selected model: fitted on
     * {@code n} months, its paths drawn by {@link Projection#simulate} (the ensemble of one model, weight 1) with the
     * coverage factor's uncertainty off, so a published interval is the band of these paths.
     *
     * @return 80% and 95% coverage of the monthly value 6 and 24 months ahead, then of the annual value (sum of the
     *         months, {@link Projection#annualSums}) of each of the {@code years} projected years
     */
    static double[] coverage(HoltDamped holt, int sims, int n, int paths, double alpha, int years, int dataSeed, long simSeed) {
        return coverage(holt, sims, n, paths, alpha, BETA, GAMMA, years, dataSeed, simSeed);
    }

    /** The same on series with the trend's and the seasons' smoothing {@code beta} and {@code gamma}. */
    static double[] coverage(HoltDamped holt, int sims, int n, int paths, double alpha, double beta, double gamma, int years,
                             int dataSeed, long simSeed) {
        int h = 12 * years;
        int[] in = new int[4 + 2 * years];
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < n; i++) months.add(YearMonth.of(2023, 1).plusMonths(i));
        List<YearMonth> future = new ArrayList<>();
        for (int i = 1; i <= h; i++) future.add(months.get(n - 1).plusMonths(i));
        double[] noCoverageDraw = new double[paths];
        Well19937c data = new Well19937c(dataSeed);
        for (int s = 0; s < sims; s++) {
            double[] all = series(data, n + h, alpha, beta, gamma);
            double[] train = java.util.Arrays.copyOf(all, n);
            Forecaster.Fit fit = holt.fit(train, 12, 0);
            Projection.ModelState st = new Projection.ModelState(holt, "monthly", null, null, null, true, 1.0, fit, null);
            double[][] ens = Projection.simulate(List.of(st), h, paths, simSeed + s).get(Projection.ENSEMBLE);
            double[] col = new double[paths];
            int k = 0;
            for (int step : new int[]{6, 24}) {
                for (int p = 0; p < paths; p++) col[p] = ens[p][step - 1];
                k = count(in, k, Stats.bands(col), all[n + step - 1]);
            }
            double[] nat = new double[n];
            for (int i = 0; i < n; i++) nat[i] = Math.exp(train[i]);
            Map<Integer, double[]> annual = Projection.annualSums(ens, noCoverageDraw, future, months, nat, paths);
            for (int year = 0; year < years; year++) {
                double actual = 0;
                for (int i = 0; i < 12; i++) actual += Math.exp(all[n + 12 * year + i]);
                k = count(in, k, Stats.bands(annual.get(future.get(12 * year).getYear())), actual);
            }
        }
        double[] c = new double[in.length];
        for (int i = 0; i < in.length; i++) c[i] = in[i] / (double) sims;
        return c;
    }

    private static int count(int[] in, int k, double[] bands, double actual) {
        if (actual >= bands[1] && actual <= bands[2]) in[k]++;
        if (actual >= bands[3] && actual <= bands[4]) in[k + 1]++;
        return k + 2;
    }
}
