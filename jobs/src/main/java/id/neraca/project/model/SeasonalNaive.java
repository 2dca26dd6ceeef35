package id.neraca.project.model;

import org.apache.commons.math3.random.RandomGenerator;

import java.util.Locale;
import java.util.Map;

/**
 * The seasonal-naive baseline: the value of the same month a year earlier ({@code v_{n+h} = v_{n+h-12k}}), or
 * the last value for an annual series. Used only as the backtest's benchmark (MASE scales errors by this
 * method's in-sample error), never in the projection.
 */
public final class SeasonalNaive implements Forecaster {
    public static final String NAME = "seasonal_naive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String unsupportedReason(int n, int period) {
        return n < period ? String.format(Locale.ROOT, "%d points; seasonal naive needs one full season (%d)", n, period) : null;
    }

    @Override
    public Fit fit(double[] y, int period, int firstSeason) {
        return new Fit() {
            @Override
            public double[] fitted() {
                double[] f = new double[y.length];
                for (int t = 0; t < y.length; t++) f[t] = t >= period ? y[t - period] : Double.NaN;
                return f;
            }

            @Override
            public double[] forecast(int h) {
                double[] f = new double[h];
                for (int i = 0; i < h; i++) f[i] = y[y.length - period + (i % period)];
                return f;
            }

            @Override
            public double[][] simulate(int h, int paths, RandomGenerator rng) {
                double[][] out = new double[paths][];
                for (int k = 0; k < paths; k++) out[k] = forecast(h);
                return out;
            }

            @Override
            public Map<String, Double> parameters() {
                return Map.of();
            }
        };
    }

    /**
     * Mean absolute in-sample error of the seasonal-naive method on values (not logs): the MASE denominator.
     * Falls back to the lag-1 naive method when the series is shorter than two seasons.
     */
    public static double scale(double[] values, int period) {
        int lag = values.length > period ? period : 1;
        double sum = 0;
        int k = 0;
        for (int t = lag; t < values.length; t++) {
            sum += Math.abs(values[t] - values[t - lag]);
            k++;
        }
        return k == 0 ? Double.NaN : sum / k;
    }
}
