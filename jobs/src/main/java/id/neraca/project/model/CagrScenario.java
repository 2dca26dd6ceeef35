package id.neraca.project.model;

import org.apache.commons.math3.random.RandomGenerator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario, not an estimate: the last observed full season (the last 12 months, or the last year) grown at a
 * configured compound annual rate. Monthly: {@code v_{n+h} = v_{n+h-12k} · (1+r)^k} with k the number of whole
 * years stepped forward, which keeps the observed seasonal pattern; annual: {@code v_{n+h} = v_n · (1+r)^h}.
 *
 * <p>It has no likelihood, so its predictive spread is supplied from outside ({@link #withLogSd}): the empirical
 * log errors of its own rolling-origin backtest by horizon, or, when there is no backtest, the spread between the
 * low and high scenarios. The spread grows like a random walk beyond the last horizon it was measured at.
 */
public final class CagrScenario implements Forecaster {
    private final String name;
    private final double rate;
    private double[] logSdByHorizon = new double[0];

    public CagrScenario(String name, double rate) {
        this.name = name;
        this.rate = rate;
    }

    /** Sets the predictive standard deviation of the log forecast at horizons 1..k (index 0 = horizon 1). */
    public CagrScenario withLogSd(double[] sdByHorizon) {
        this.logSdByHorizon = sdByHorizon.clone();
        return this;
    }

    public double rate() {
        return rate;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unsupportedReason(int n, int period) {
        if (n < period) return String.format(Locale.ROOT, "%d points; a growth scenario needs one full year (%d) to start from", n, period);
        return null;
    }

    @Override
    public Fit fit(double[] y, int period, int firstSeason) {
        double g = Math.log1p(rate);
        double[] sd = logSdByHorizon.clone();
        return new Fit() {
            @Override
            public double[] fitted() {
                double[] f = new double[y.length];
                for (int t = 0; t < y.length; t++) f[t] = t >= period ? y[t - period] + g : Double.NaN;
                return f;
            }

            @Override
            public double[] forecast(int h) {
                double[] f = new double[h];
                int n = y.length;
                for (int i = 0; i < h; i++) {
                    int years = i / period + 1;
                    f[i] = y[n - period + (i % period)] + years * g;
                }
                return f;
            }

            @Override
            public double[][] simulate(int h, int paths, RandomGenerator rng) {
                double[] f = forecast(h);
                double[] sdh = sdPath(sd, h, period);
                double[][] out = new double[paths][h];
                for (int k = 0; k < paths; k++) {
                    // random-walk errors: increments whose variances add up to sd_h²
                    double w = 0;
                    double prevVar = 0;
                    for (int i = 0; i < h; i++) {
                        double var = sdh[i] * sdh[i];
                        w += Math.sqrt(Math.max(0, var - prevVar)) * rng.nextGaussian();
                        prevVar = Math.max(prevVar, var);
                        out[k][i] = f[i] + w;
                    }
                }
                return out;
            }

            @Override
            public Map<String, Double> parameters() {
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("annual_growth_pct", rate * 100);
                for (int i = 0; i < sd.length; i++) m.put(String.format(Locale.ROOT, "log_sd_h%02d", i + 1), sd[i]);
                return m;
            }
        };
    }

    /**
     * Standard deviations for horizons 1..h: the given ones made non-decreasing, extended beyond the last given
     * horizon by sqrt(h / h_last) (random-walk growth of the error).
     */
    static double[] sdPath(double[] given, int h, int period) {
        double[] out = new double[h];
        if (given.length == 0) return out;
        double run = 0;
        for (int i = 0; i < h; i++) {
            if (i < given.length) {
                run = Math.max(run, given[i]);
                out[i] = run;
            } else {
                out[i] = run * Math.sqrt((i + 1) / (double) given.length);
            }
        }
        return out;
    }
}
