package id.neraca.project.model;

import java.util.Arrays;

/** Quantiles of simulated values (linear interpolation between order statistics, R type 7). */
public final class Stats {
    private Stats() {}

    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double w = pos - lo;
        return sorted[lo] * (1 - w) + sorted[hi] * w;
    }

    /** [median, lo80, hi80, lo95, hi95] of the values. */
    public static double[] bands(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return new double[]{quantile(s, 0.5), quantile(s, 0.10), quantile(s, 0.90), quantile(s, 0.025), quantile(s, 0.975)};
    }

    public static double fractionAtLeast(double[] values, double threshold) {
        int k = 0;
        for (double v : values) if (v >= threshold) k++;
        return values.length == 0 ? Double.NaN : k / (double) values.length;
    }
}
