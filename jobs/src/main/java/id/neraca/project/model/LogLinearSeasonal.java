package id.neraca.project.model;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Log-linear trend with seasonal dummies: {@code log v_t = a + b·t + s_season(t) + e_t}, e ~ N(0, σ²), fitted by
 * ordinary least squares (commons-math {@link OLSMultipleLinearRegression}). {@code t} is in years (months / 12),
 * so {@code exp(b) - 1} is the compound annual growth rate. The first season present is the base season
 * (its effect is 0); the reported seasonal effects are re-centred to average 0.
 *
 * <p>Prediction: the exact predictive distribution of the normal linear model (Student t with n-p degrees of
 * freedom for one point), simulated jointly over the horizon by drawing σ² from its scaled inverse χ²
 * distribution, the coefficients from N(b̂, σ²(X'X)⁻¹), then the noise. So intervals include parameter
 * uncertainty and cover at the nominal rate when the model is right.
 */
public final class LogLinearSeasonal implements Forecaster {
    private final boolean seasonal;
    private final int minSeasonalPoints;
    private final String name;

    public LogLinearSeasonal(boolean seasonal, int minSeasonalPoints, String name) {
        this.seasonal = seasonal;
        this.minSeasonalPoints = minSeasonalPoints;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unsupportedReason(int n, int period) {
        boolean s = seasonal && period > 1;
        if (s && n < minSeasonalPoints) {
            return String.format(Locale.ROOT, "%d months of history; the seasonal log-linear model needs at least %d", n, minSeasonalPoints);
        }
        int p = s ? 1 + period : 2;
        if (n < p + 1) return String.format(Locale.ROOT, "%d points; a %d-parameter regression needs at least %d", n, p, p + 1);
        return null;
    }

    @Override
    public Fit fit(double[] y, int period, int firstSeason) {
        int n = y.length;
        boolean s = seasonal && period > 1;
        double[][] x = new double[n][];
        for (int t = 0; t < n; t++) x[t] = row(t, period, firstSeason, s);
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y.clone(), x);
        double[] beta = ols.estimateRegressionParameters();
        double sigma2 = ols.estimateErrorVariance();
        RealMatrix xtxInv = new Array2DRowRealMatrix(ols.estimateRegressionParametersVariance());
        int df = n - beta.length;
        return new FitImpl(y, beta, sigma2, xtxInv, df, period, firstSeason, s);
    }

    /** Regressors of step t (without the intercept, which OLS adds): trend in years, then season dummies. */
    static double[] row(int t, int period, int firstSeason, boolean seasonal) {
        double[] r = new double[seasonal ? period : 1];
        r[0] = t / (double) period;
        if (seasonal) {
            int season = (firstSeason + t) % period;
            // the first observed season is the base; dummies for the other period-1 seasons
            int idx = Math.floorMod(season - firstSeason, period);
            if (idx > 0) r[idx] = 1.0;
        }
        return r;
    }

    private final class FitImpl implements Fit {
        final double[] y;
        final double[] beta;
        final double sigma2;
        final RealMatrix xtxInv;
        final RealMatrix chol;
        final int df;
        final int period;
        final int firstSeason;
        final boolean s;

        FitImpl(double[] y, double[] beta, double sigma2, RealMatrix xtxInv, int df, int period, int firstSeason,
                boolean s) {
            this.y = y;
            this.beta = beta;
            this.sigma2 = sigma2;
            this.xtxInv = xtxInv;
            this.df = df;
            this.period = period;
            this.firstSeason = firstSeason;
            this.s = s;
            RealMatrix l;
            try {
                l = new CholeskyDecomposition(xtxInv, 1e-12, 1e-14).getL();
            } catch (RuntimeException e) {
                l = new Array2DRowRealMatrix(xtxInv.getRowDimension(), xtxInv.getColumnDimension());
            }
            this.chol = l;
        }

        double mean(int t, double[] b) {
            double[] r = row(t, period, firstSeason, s);
            double v = b[0];
            for (int i = 0; i < r.length; i++) v += b[i + 1] * r[i];
            return v;
        }

        @Override
        public double[] fitted() {
            double[] f = new double[y.length];
            for (int t = 0; t < y.length; t++) f[t] = mean(t, beta);
            return f;
        }

        @Override
        public double[] forecast(int h) {
            double[] f = new double[h];
            for (int i = 0; i < h; i++) f[i] = mean(y.length + i, beta);
            return f;
        }

        @Override
        public double[][] simulate(int h, int paths, RandomGenerator rng) {
            double[][] out = new double[paths][h];
            int p = beta.length;
            double[] b = new double[p];
            double[] z = new double[p];
            for (int k = 0; k < paths; k++) {
                double chi = 0;
                for (int i = 0; i < df; i++) {
                    double g = rng.nextGaussian();
                    chi += g * g;
                }
                double s2 = df > 0 ? sigma2 * df / Math.max(chi, 1e-12) : sigma2;
                double scale = Math.sqrt(s2);
                for (int i = 0; i < p; i++) z[i] = rng.nextGaussian();
                for (int i = 0; i < p; i++) {
                    double acc = 0;
                    for (int j = 0; j <= i; j++) acc += chol.getEntry(i, j) * z[j];
                    b[i] = beta[i] + scale * acc;
                }
                for (int i = 0; i < h; i++) out[k][i] = mean(y.length + i, b) + scale * rng.nextGaussian();
            }
            return out;
        }

        @Override
        public Map<String, Double> parameters() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("intercept", beta[0]);
            m.put("trend_per_year_log", beta[1]);
            m.put("annual_growth_pct", (Math.exp(beta[1]) - 1) * 100);
            m.put("sigma_log", Math.sqrt(sigma2));
            m.put("df", (double) df);
            if (s) {
                double[] eff = seasonalEffects();
                for (int k = 0; k < period; k++) m.put(String.format(Locale.ROOT, "season_%02d", k + 1), eff[k]);
            }
            return m;
        }

        /** Seasonal effects by calendar season (0 = January), re-centred to mean 0. */
        double[] seasonalEffects() {
            double[] e = new double[period];
            for (int season = 0; season < period; season++) {
                int idx = Math.floorMod(season - firstSeason, period);
                e[season] = idx == 0 ? 0 : beta[idx + 1];
            }
            double mean = 0;
            for (double v : e) mean += v / period;
            for (int i = 0; i < period; i++) e[i] -= mean;
            return e;
        }
    }
}
