package id.neraca.project.model;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * <p>{@link #withAr1Errors()}: the same regression with AR(1) errors, {@code e_t = ρ·e_(t-1) + u_t}, u ~ N(0, σ²).
 * Monthly sales rarely scatter independently around a line: a level that moves and stays moved (a marketplace
 * that grows, a campaign that lasts) makes consecutive residuals alike, and the plain regression then reads
 * persistent shifts as noise that averages out, which makes its long-range intervals far too narrow (measured:
 * its 2030 95% interval covered 32% of series whose level wanders; docs/PROJECTION.md §5). ρ is estimated, not
 * assumed: on a grid of ρ in [{@value #RHO_MIN}, {@value #RHO_MAX}] the regression is refitted by generalised least
 * squares (the Prais–Winsten transform, which keeps the first month) and each ρ gets its marginal likelihood under flat
 * priors on the coefficients and log σ, {@code p(y|ρ) ∝ (1-ρ²)^½ · |X*'X*|^-½ · RSS*^-(n-p)/2} (the restricted
 * likelihood, which is not biased towards 0 by the thirteen regressors the way the residuals' autocorrelation is).
 * The prior puts {@value #RHO0_MASS} on ρ = 0 (the plain model) and spreads the rest evenly over the grid: a model
 * average of independent and autocorrelated errors. Without the point mass, the spread of ρ that 36 months cannot
 * rule out widened the intervals of series with independent noise beyond their nominal rate (86% for 80% at 6 months,
 * measured); with it they cover 82% and 81% at 6 and 24 months, and series with ρ 0.6 80% and 81% (ModelsTest). The
 * point forecast uses the likelihood's maximum over the grid; simulation draws ρ from its posterior, then σ² and the coefficients given ρ as above, then carries the last
 * month's residual forward through the AR(1). With ρ = 0 it is the plain model.
 *
 * <p>{@link #withHoliday}: the monthly regression with a moving holiday's regressors ({@link LebaranCalendar}) after
 * the season dummies, {@code log v_t = a + b·t + s_month(t) + β·x_t + e_t}; β is estimated with the other coefficients
 * (by OLS, or GLS at each ρ) and drawn with them from their posterior, so its uncertainty reaches the intervals as
 * theirs does. It needs the calendar month of each step: fitted through {@link #fit(double[], int, YearMonth)}. The
 * annual form (period 1) has no holiday regressor, and a history over which the regressor is a month dummy
 * ({@link LebaranCalendar#identified}) is fitted without it.
 */
public final class LogLinearSeasonal implements Forecaster.WithCalendar {
    static final double RHO_MIN = -0.9;
    static final double RHO_MAX = 0.99;
    static final double RHO_STEP = 0.01;
    /** Prior probability that the errors are independent (ρ exactly 0): even odds against autocorrelated errors. */
    static final double RHO0_MASS = 0.5;

    private final boolean seasonal;
    private final int minSeasonalPoints;
    private final String name;
    private final boolean ar1;
    /** The moving holiday's regressors of a monthly fit; null: none. */
    private final LebaranCalendar holiday;

    public LogLinearSeasonal(boolean seasonal, int minSeasonalPoints, String name) {
        this(seasonal, minSeasonalPoints, name, false, null);
    }

    private LogLinearSeasonal(boolean seasonal, int minSeasonalPoints, String name, boolean ar1, LebaranCalendar holiday) {
        this.seasonal = seasonal;
        this.minSeasonalPoints = minSeasonalPoints;
        this.name = name;
        this.ar1 = ar1;
        this.holiday = holiday;
    }

    /** The same model with AR(1) errors (see the class comment). */
    public LogLinearSeasonal withAr1Errors() {
        return new LogLinearSeasonal(seasonal, minSeasonalPoints, name, true, holiday);
    }

    /** The same model with a moving holiday's regressors in its monthly form (null: none; see the class comment). */
    public LogLinearSeasonal withHoliday(LebaranCalendar calendar) {
        return new LogLinearSeasonal(seasonal, minSeasonalPoints, name, ar1, calendar);
    }

    private boolean holidayFor(int period) {
        return holiday != null && seasonal && period > 1;
    }

    public boolean ar1Errors() {
        return ar1;
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
        int p = (s ? 1 + period : 2) + (holidayFor(period) ? holiday.size() : 0);
        if (ar1 && n < p + 3) {
            return String.format(Locale.ROOT, "%d points; a %d-parameter regression with AR(1) errors needs at least %d", n, p, p + 3);
        }
        if (n < p + 1) return String.format(Locale.ROOT, "%d points; a %d-parameter regression needs at least %d", n, p, p + 1);
        return null;
    }

    @Override
    public LebaranCalendar calendarAt(int period) {
        return holidayFor(period) ? holiday : null;
    }

    /** The fit; {@code first} is the first value's month when the holiday's regressors are in (else null). */
    @Override
    public Fit fit(double[] y, int period, int firstSeason, YearMonth first) {
        int n = y.length;
        boolean s = seasonal && period > 1;
        Design d = new Design(period, firstSeason, s, first == null ? null : holiday, first);
        double[][] hx = d.holidays(n);
        double[][] x = new double[n][];
        for (int t = 0; t < n; t++) x[t] = row(t, period, firstSeason, s, hx == null ? null : hx[t]);
        if (ar1) return new Ar1Fit(y, x, d);
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y.clone(), x);
        double[] beta = ols.estimateRegressionParameters();
        double sigma2 = ols.estimateErrorVariance();
        RealMatrix xtxInv = new Array2DRowRealMatrix(ols.estimateRegressionParametersVariance());
        int df = n - beta.length;
        return new FitImpl(y, beta, sigma2, xtxInv, df, d);
    }

    /**
     * What a fit's regression rows are made of: the period, the first season, whether there are season dummies, and
     * the holiday's calendar with the first month (both null without the holiday).
     */
    record Design(int period, int firstSeason, boolean seasonal, LebaranCalendar holiday, YearMonth first) {
        /** The holiday's regressors of steps 0..steps-1; null without the holiday. */
        double[][] holidays(int steps) {
            return holiday == null ? null : holiday.design(first, steps);
        }

        /** The regression's value at step t for coefficients b (intercept first); {@code hx}: {@link #holidays} or null. */
        double mean(int t, double[] b, double[][] hx) {
            return LogLinearSeasonal.mean(t, b, period, firstSeason, seasonal, hx == null ? null : hx[t]);
        }

        /** Index in the coefficients (intercept first) of the holiday's first regressor. */
        int holidayIndex() {
            return 1 + (seasonal ? period : 1);
        }

        void putHoliday(Map<String, Double> m, double[] b) {
            if (holiday == null) return;
            List<String> names = holiday.names();
            for (int j = 0; j < names.size(); j++) m.put(names.get(j), b[holidayIndex() + j]);
        }
    }

    /** Regressors of step t (without the intercept, which OLS adds): trend in years, then season dummies. */
    static double[] row(int t, int period, int firstSeason, boolean seasonal) {
        return row(t, period, firstSeason, seasonal, null);
    }

    /** {@link #row(int, int, int, boolean)} with the holiday's regressors {@code hol} after the dummies (null: none). */
    static double[] row(int t, int period, int firstSeason, boolean seasonal, double[] hol) {
        int base = seasonal ? period : 1;
        double[] r = new double[base + (hol == null ? 0 : hol.length)];
        if (hol != null) System.arraycopy(hol, 0, r, base, hol.length);
        r[0] = t / (double) period;
        if (seasonal) {
            int season = (firstSeason + t) % period;
            // the first observed season is the base; dummies for the other period-1 seasons
            int idx = Math.floorMod(season - firstSeason, period);
            if (idx > 0) r[idx] = 1.0;
        }
        return r;
    }

    /** The regression's value at step t for coefficients b (intercept first). */
    static double mean(int t, double[] b, int period, int firstSeason, boolean seasonal) {
        return mean(t, b, period, firstSeason, seasonal, null);
    }

    static double mean(int t, double[] b, int period, int firstSeason, boolean seasonal, double[] hol) {
        double[] r = row(t, period, firstSeason, seasonal, hol);
        double v = b[0];
        for (int i = 0; i < r.length; i++) v += b[i + 1] * r[i];
        return v;
    }

    /**
     * Least squares on whitened rows (a GLS fit once the rows are transformed): b̂, the RSS, log|X*'X*| and the Cholesky
     * factor of (X*'X*)⁻¹ for drawing coefficients. Shared by the AR(1) errors here and {@link DriftSeasonal}'s MA(1).
     */
    record Whitened(double[] beta, double rss, double logDetXtx, RealMatrix cholInverse, int rows) {
        /** The fit, or null when X*'X* is not positive definite (collinear regressors). */
        static Whitened fit(double[][] xs, double[] ys) {
            int rows = ys.length;
            int p = xs[0].length;
            RealMatrix xm = new Array2DRowRealMatrix(xs, false);
            RealMatrix xtx = xm.transpose().multiply(xm);
            CholeskyDecomposition cd;
            try {
                cd = new CholeskyDecomposition(xtx, 1e-12, 1e-14);
            } catch (RuntimeException e) {
                return null;
            }
            double[] b = cd.getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(xm.transpose().operate(ys), false)).toArray();
            double sse = 0;
            for (int t = 0; t < rows; t++) {
                double f = 0;
                for (int j = 0; j < p; j++) f += xs[t][j] * b[j];
                sse += (ys[t] - f) * (ys[t] - f);
            }
            double logDet = 0;
            RealMatrix l = cd.getL();
            for (int j = 0; j < p; j++) logDet += 2 * Math.log(l.getEntry(j, j));
            return new Whitened(b, sse, logDet, cholOrZero(cd.getSolver().getInverse()), rows);
        }

        /**
         * The restricted log likelihood's terms from the fit under flat priors on the coefficients and log σ,
         * {@code −½·log|X*'X*| − (rows − p)/2 · log RSS}; the caller adds the whitening's own Jacobian.
         */
        double logRestricted() {
            return -0.5 * logDetXtx - 0.5 * (rows - beta.length) * Math.log(Math.max(rss, 1e-300));
        }
    }

    /**
     * Lower Cholesky factor of a coefficient covariance; zeros when it is not positive definite (no spread drawn). The
     * covariance is made exactly symmetric first: an inverse computed in floating point is symmetric only to rounding,
     * and commons-math's decomposition refuses a matrix whose mirror entries differ by more than 1e-12 relative. Until
     * 1 Dec 2026 such a refusal fell back to zeros, silently dropping the coefficients' uncertainty: with 49 months of
     * history at every ρ, with 39 months at 19 of the grid's 189, and the log-linear model's 24-month intervals covered
     * 70% / 89% instead of 80% / 95% (ModelsTest.logLinearIntervalsKeepTheirParameterUncertaintyAtAnyHistoryLength).
     */
    static RealMatrix cholOrZero(RealMatrix cov) {
        RealMatrix sym = cov.add(cov.transpose()).scalarMultiply(0.5);
        try {
            return new CholeskyDecomposition(sym, 1e-12, 1e-14).getL();
        } catch (RuntimeException e) {
            return new Array2DRowRealMatrix(cov.getRowDimension(), cov.getColumnDimension());
        }
    }

    /** σ drawn from its scaled inverse χ² with df degrees of freedom around σ̂² (σ̂ itself when df is 0). */
    static double drawSigma(double sigma2, int df, RandomGenerator rng) {
        double chi = 0;
        for (int i = 0; i < df; i++) {
            double g = rng.nextGaussian();
            chi += g * g;
        }
        return Math.sqrt(df > 0 ? sigma2 * df / Math.max(chi, 1e-12) : sigma2);
    }

    /** Coefficients drawn from N(b̂, σ²·LLᵀ) into {@code out} ({@code z} is scratch of the same length). */
    static void drawCoefficients(double[] beta, RealMatrix chol, double sigma, double[] z, double[] out, RandomGenerator rng) {
        int p = beta.length;
        for (int i = 0; i < p; i++) z[i] = rng.nextGaussian();
        for (int i = 0; i < p; i++) {
            double acc = 0;
            for (int j = 0; j <= i; j++) acc += chol.getEntry(i, j) * z[j];
            out[i] = beta[i] + sigma * acc;
        }
    }

    /** Seasonal effects by calendar season (0 = January) from coefficients b, re-centred to mean 0. */
    static double[] seasonalEffects(double[] b, int period, int firstSeason) {
        double[] e = new double[period];
        for (int season = 0; season < period; season++) {
            int idx = Math.floorMod(season - firstSeason, period);
            e[season] = idx == 0 ? 0 : b[idx + 1];
        }
        double mean = 0;
        for (double v : e) mean += v / period;
        for (int i = 0; i < period; i++) e[i] -= mean;
        return e;
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
        final Design d;

        FitImpl(double[] y, double[] beta, double sigma2, RealMatrix xtxInv, int df, Design d) {
            this.y = y;
            this.beta = beta;
            this.sigma2 = sigma2;
            this.xtxInv = xtxInv;
            this.df = df;
            this.period = d.period();
            this.firstSeason = d.firstSeason();
            this.s = d.seasonal();
            this.d = d;
            this.chol = cholOrZero(xtxInv);
        }

        @Override
        public double[] fitted() {
            double[][] hx = d.holidays(y.length);
            double[] f = new double[y.length];
            for (int t = 0; t < y.length; t++) f[t] = d.mean(t, beta, hx);
            return f;
        }

        @Override
        public double[] forecast(int h) {
            double[][] hx = d.holidays(y.length + h);
            double[] f = new double[h];
            for (int i = 0; i < h; i++) f[i] = d.mean(y.length + i, beta, hx);
            return f;
        }

        @Override
        public double[][] simulate(int h, int paths, RandomGenerator rng) {
            double[][] out = new double[paths][h];
            int p = beta.length;
            double[] b = new double[p];
            double[] z = new double[p];
            double[][] hx = d.holidays(y.length + h);
            for (int k = 0; k < paths; k++) {
                double scale = drawSigma(sigma2, df, rng);
                drawCoefficients(beta, chol, scale, z, b, rng);
                for (int i = 0; i < h; i++) out[k][i] = d.mean(y.length + i, b, hx) + scale * rng.nextGaussian();
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
            d.putHoliday(m, beta);
            return m;
        }

        /** Seasonal effects by calendar season (0 = January), re-centred to mean 0. */
        double[] seasonalEffects() {
            return LogLinearSeasonal.seasonalEffects(beta, period, firstSeason);
        }
    }

    /** The regression with AR(1) errors: ρ on a grid, each ρ's GLS fit and posterior weight. */
    private final class Ar1Fit implements Fit {
        final double[] y;
        final int period;
        final int firstSeason;
        final boolean s;
        final int n;
        final int p;
        final double[] rho;
        final double[] cdf;
        final double[][] beta;
        final double[] rss;
        final RealMatrix[] chol;
        final int mode;
        /** Posterior probability of the prior's point mass at ρ = 0 (independent errors). */
        final double pIndependent;
        final Design d;

        Ar1Fit(double[] y, double[][] x, Design d) {
            this.y = y.clone();
            this.period = d.period();
            this.firstSeason = d.firstSeason();
            this.s = d.seasonal();
            this.d = d;
            this.n = y.length;
            this.p = x[0].length + 1;
            int g = (int) Math.round((RHO_MAX - RHO_MIN) / RHO_STEP) + 1;
            rho = new double[g];
            beta = new double[g][];
            rss = new double[g];
            chol = new RealMatrix[g];
            double[] lp = new double[g];
            int best = -1;
            for (int k = 0; k < g; k++) {
                double r = Math.round((RHO_MIN + k * RHO_STEP) / RHO_STEP) * RHO_STEP; // -0.24, not -0.24000000000000002
                rho[k] = r;
                lp[k] = gls(k, r, x);
                if (best < 0 || lp[k] > lp[best]) best = k;
            }
            mode = best;
            cdf = new double[g];
            double acc = 0;
            double cell = 1.0 / g;
            double spike = 0;
            for (int k = 0; k < g; k++) {
                // prior: RHO0_MASS on ρ = 0 exactly (independent errors), the rest spread evenly over the grid
                double prior = (Math.abs(rho[k]) < 1e-12 ? RHO0_MASS : 0) + (1 - RHO0_MASS) * cell;
                double w = Double.isFinite(lp[k]) ? Math.exp(lp[k] - lp[best]) : 0;
                if (Math.abs(rho[k]) < 1e-12) spike = RHO0_MASS * w;
                acc += prior * w;
                cdf[k] = acc;
            }
            for (int k = 0; k < g; k++) cdf[k] /= acc;
            pIndependent = spike / acc;
        }

        /** GLS fit at ρ (Prais–Winsten rows); stores b̂, RSS and the Cholesky factor of (X*'X*)⁻¹; returns log p(y|ρ), up to a constant. */
        double gls(int k, double r, double[][] x) {
            double[][] xs = new double[n][p];
            double[] ys = new double[n];
            double c0 = Math.sqrt(1 - r * r);
            for (int t = 0; t < n; t++) {
                if (t == 0) {
                    xs[0][0] = c0;
                    for (int j = 1; j < p; j++) xs[0][j] = c0 * x[0][j - 1];
                    ys[0] = c0 * y[0];
                } else {
                    xs[t][0] = 1 - r;
                    for (int j = 1; j < p; j++) xs[t][j] = x[t][j - 1] - r * x[t - 1][j - 1];
                    ys[t] = y[t] - r * y[t - 1];
                }
            }
            Whitened w = Whitened.fit(xs, ys);
            if (w == null) return Double.NEGATIVE_INFINITY; // a regressor is collinear at this ρ: no weight
            beta[k] = w.beta();
            rss[k] = w.rss();
            chol[k] = w.cholInverse();
            // an exact fit (RSS 0 at every ρ) leaves the other terms to decide, which favour ρ near 0
            return 0.5 * Math.log(1 - r * r) + w.logRestricted();
        }

        /** One step ahead: the regression's value plus ρ̂ times the previous month's residual. */
        @Override
        public double[] fitted() {
            double[] b = beta[mode];
            double r = rho[mode];
            double[][] hx = d.holidays(n);
            double[] f = new double[n];
            for (int t = 0; t < n; t++) f[t] = d.mean(t, b, hx) + (t == 0 ? 0 : r * (y[t - 1] - d.mean(t - 1, b, hx)));
            return f;
        }

        @Override
        public double[] forecast(int h) {
            double[] b = beta[mode];
            double r = rho[mode];
            double[][] hx = d.holidays(n + h);
            double e = y[n - 1] - d.mean(n - 1, b, hx);
            double[] f = new double[h];
            for (int i = 0; i < h; i++) {
                e *= r;
                f[i] = d.mean(n + i, b, hx) + e;
            }
            return f;
        }

        @Override
        public double[][] simulate(int h, int paths, RandomGenerator rng) {
            double[][] out = new double[paths][h];
            double[] b = new double[p];
            double[] z = new double[p];
            int df = n - p;
            double[][] hx = d.holidays(n + h);
            for (int q = 0; q < paths; q++) {
                int k = java.util.Arrays.binarySearch(cdf, rng.nextDouble());
                k = k >= 0 ? k : Math.min(-k - 1, cdf.length - 1);
                if (beta[k] == null) k = mode; // a ρ without a fit (collinear there) has no posterior mass: not drawn in practice
                double scale = drawSigma(df > 0 ? rss[k] / df : rss[k], df, rng);
                drawCoefficients(beta[k], chol[k], scale, z, b, rng);
                double e = y[n - 1] - d.mean(n - 1, b, hx);
                for (int i = 0; i < h; i++) {
                    e = rho[k] * e + scale * rng.nextGaussian();
                    out[q][i] = d.mean(n + i, b, hx) + e;
                }
            }
            return out;
        }

        @Override
        public Map<String, Double> parameters() {
            double[] b = beta[mode];
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("intercept", b[0]);
            m.put("trend_per_year_log", b[1]);
            m.put("annual_growth_pct", (Math.exp(b[1]) - 1) * 100);
            m.put("sigma_log", Math.sqrt(rss[mode] / Math.max(1, n - p)));
            m.put("df", (double) (n - p));
            m.put("ar1_rho", rho[mode]);
            m.put("ar1_p_independent", pIndependent);
            m.put("ar1_rho_lo95", rho[quantileIndex(0.025)]);
            m.put("ar1_rho_hi95", rho[quantileIndex(0.975)]);
            if (s) {
                double[] e = seasonalEffects(b, period, firstSeason);
                for (int k = 0; k < period; k++) m.put(String.format(Locale.ROOT, "season_%02d", k + 1), e[k]);
            }
            d.putHoliday(m, b);
            return m;
        }

        int quantileIndex(double q) {
            for (int k = 0; k < cdf.length; k++) if (cdf[k] >= q) return k;
            return cdf.length - 1;
        }
    }
}
