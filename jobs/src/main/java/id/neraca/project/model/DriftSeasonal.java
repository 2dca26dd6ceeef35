package id.neraca.project.model;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.RandomGenerator;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A level that moves at random and stays where it moved to, with a drift and (monthly) seasonality: ARIMA(0,1,1)
 * with a seasonal drift on the log series,
 * <pre>
 *   y_t − y_(t−1) = c_season(t) + u_t + θ·u_(t−1),   u ~ N(0, σ²)
 *   c_m = μ + s_m − s_(m−1)          (the drift plus the change of the seasonal effect into month m)
 * </pre>
 * so {@code Σ c_m = 12μ} is the drift per year and {@code exp(12μ) − 1} the fitted annual growth (an annual series
 * has one change, the drift). It is the local-level model with drift: θ = 0 is a random walk with drift (every
 * shock permanent), θ → −1 a deterministic trend with independent noise (every shock transient), and in between a
 * level that moves by a part {@code 1 + θ} of each shock. The log-linear model assumes the level returns to one
 * line and the damped Holt model that the trend fades; this one lets the data say how much of each month's surprise
 * stays, and its intervals widen with the horizon as a wandering level needs (docs/PROJECTION.md §5: without it the
 * ensemble's 2030 interval covered 67% / 83% of series whose level wanders, with it 66% / 92%).
 *
 * <p>Estimation: on a grid of θ in [{@value #THETA_MIN}, {@value #THETA_MAX}] (step {@value #THETA_STEP}), the
 * changes are fitted to the first differences by generalised least squares, whitening with the exact MA(1) Kalman
 * filter (which needs no start-up approximation); each θ gets its marginal likelihood under flat priors on the
 * changes and log σ, {@code p(Δy|θ) ∝ |Σ_θ|^-½ · |X*'X*|^-½ · RSS*^-(m-p)/2} (the restricted likelihood, as for
 * {@link LogLinearSeasonal}'s ρ), and a flat prior on the grid. The point forecast uses the likelihood's maximum.
 *
 * <p>Prediction: the predictive distribution simulated jointly over the horizon: θ from its posterior, σ² from its
 * scaled inverse χ² with m − p degrees of freedom, the changes from N(ĉ_θ, σ²(X*'X*)⁻¹), the last shock u_n from its
 * filtered distribution given those, then the MA(1) recursion forward with fresh shocks. Parameter uncertainty is
 * included: the drift's estimation error makes the spread grow like h, the shocks like √h.
 *
 * <p>{@link #withHoliday}: a moving holiday's regressors x_t ({@link LebaranCalendar}) in the level, {@code y_t = … +
 * β·x_t}, so the differences get {@code β·(x_t − x_(t−1))} beside the month's change: β is one more column of the GLS
 * fit at each θ and drawn with the changes. Monthly only; fitted through {@link #fit(double[], int, YearMonth)}; a
 * history over which the regressor is a month dummy ({@link LebaranCalendar#identified}) is fitted without it.
 */
public final class DriftSeasonal implements Forecaster.WithCalendar {
    public static final double THETA_MIN = -0.99;
    static final double THETA_MAX = 0.95;
    static final double THETA_STEP = 0.01;

    private final boolean seasonal;
    private final int minPoints;
    private final String name;
    private final boolean randomWalk;
    /** The moving holiday's regressors of a monthly fit; null: none. */
    private final LebaranCalendar holiday;

    /**
     * @param seasonal   one change per calendar month (monthly series) instead of one drift
     * @param minPoints  history needed; at least the changes estimated plus three, so σ² has two degrees of freedom
     * @param randomWalk θ fixed at 0 (a random walk with drift: every shock permanent) instead of estimated: a measurement
     *                   switch for the coverage study (docs/PROJECTION.md §5), not used by the projection
     */
    public DriftSeasonal(boolean seasonal, int minPoints, String name, boolean randomWalk) {
        this.seasonal = seasonal;
        this.minPoints = minPoints;
        this.name = name;
        this.randomWalk = randomWalk;
        this.holiday = null;
    }

    private DriftSeasonal(DriftSeasonal m, LebaranCalendar holiday) {
        this.seasonal = m.seasonal;
        this.minPoints = m.minPoints;
        this.name = m.name;
        this.randomWalk = m.randomWalk;
        this.holiday = holiday;
    }

    /** The same model with a moving holiday's regressors in its monthly form (null: none; see the class comment). */
    public DriftSeasonal withHoliday(LebaranCalendar calendar) {
        return new DriftSeasonal(this, calendar);
    }

    private boolean holidayFor(int period) {
        return holiday != null && seasonal && period > 1;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unsupportedReason(int n, int period) {
        int need = Math.max(minPoints, changes(period) + (holidayFor(period) ? holiday.size() : 0) + 3);
        return n < need ? String.format(Locale.ROOT, "%d points; the drift model needs %d", n, need) : null;
    }

    private int changes(int period) {
        return seasonal ? period : 1;
    }

    @Override
    public LebaranCalendar calendarAt(int period) {
        return holidayFor(period) ? holiday : null;
    }

    @Override
    public Fit fit(double[] y, int period, int firstSeason, YearMonth first) {
        String why = unsupportedReason(y.length, period);
        if (why != null) throw new IllegalArgumentException(name + ": " + why);
        LebaranCalendar cal = first == null ? null : holiday;
        return new DriftFit(y, period, firstSeason, changes(period), randomWalk ? 0 : THETA_MIN, randomWalk ? 0 : THETA_MAX,
                cal, first);
    }

    /** The change of step t (t ≥ 1): its calendar season for the seasonal form, else the single drift. */
    static int slot(int t, int period, int firstSeason, int p) {
        return p == 1 ? 0 : (firstSeason + t) % period;
    }

    private static final class DriftFit implements Fit {
        private final double[] y;
        private final int period;
        private final int firstSeason;
        private final int p;
        private final int m;
        private final double[] theta;
        private final double[][] beta;
        private final double[] rss;
        private final RealMatrix[] chol;
        /** Filtered mean of the last shock when the changes are 0 (from the data) and per unit of each change. */
        private final double[] uData;
        private final double[][] uPerChange;
        /** Filtered variance of the last shock, in units of σ². */
        private final double[] uVar;
        private final double[] cdf;
        private final int best;
        /** The changes' count; {@code p} adds the holiday's regressors after them. */
        private final int pc;
        private final LebaranCalendar holiday;
        private final YearMonth first;

        DriftFit(double[] y, int period, int firstSeason, int pc, double thetaMin, double thetaMax, LebaranCalendar holiday,
                 YearMonth first) {
            this.y = y;
            this.period = period;
            this.firstSeason = firstSeason;
            this.pc = pc;
            this.holiday = holiday;
            this.first = first;
            this.p = pc + (holiday == null ? 0 : holiday.size());
            this.m = y.length - 1;
            int g = (int) Math.round((thetaMax - thetaMin) / THETA_STEP) + 1;
            theta = new double[g];
            beta = new double[g][];
            rss = new double[g];
            chol = new RealMatrix[g];
            uData = new double[g];
            uPerChange = new double[g][];
            uVar = new double[g];
            double[] dy = new double[m];
            for (int t = 0; t < m; t++) dy[t] = y[t + 1] - y[t];
            double[] lp = new double[g];
            int top = 0;
            double[][] dx = holidayChanges(y.length);
            for (int k = 0; k < g; k++) {
                theta[k] = thetaMin + k * THETA_STEP;
                lp[k] = gls(k, dy, dx);
                if (lp[k] > lp[top]) top = k;
            }
            best = top;
            cdf = new double[g];
            double acc = 0;
            for (int k = 0; k < g; k++) {
                acc += Double.isFinite(lp[k]) ? Math.exp(lp[k] - lp[best]) : 0;
                cdf[k] = acc;
            }
            for (int k = 0; k < g; k++) cdf[k] /= acc;
        }

        /**
         * GLS at θ_k: the exact MA(1) filter whitens the differences and each regressor (it is linear and its gains do
         * not depend on the data); stores b̂, RSS, the Cholesky factor of (X*'X*)⁻¹ and the last shock's filtered
         * distribution; returns log p(Δy|θ) up to a constant.
         */
        /** The holiday regressors' changes x_t − x_(t−1) of steps 0..steps-1 (row 0 unused); null without the holiday. */
        double[][] holidayChanges(int steps) {
            if (holiday == null) return null;
            double[][] x = holiday.design(first.minusMonths(1), steps + 1);
            double[][] dx = new double[steps][x[0].length];
            for (int t = 0; t < steps; t++) for (int j = 0; j < dx[t].length; j++) dx[t][j] = x[t + 1][j] - x[t][j];
            return dx;
        }

        /** The change of the level at step t (t ≥ 1) for coefficients c: the month's change plus the holiday's. */
        double change(int t, double[] c, double[][] dx) {
            double v = c[slot(t, period, firstSeason, pc)];
            if (dx != null) for (int j = pc; j < p; j++) v += c[j] * dx[t][j - pc];
            return v;
        }

        double gls(int k, double[] dy, double[][] dx) {
            double th = theta[k];
            double[] ys = new double[m];
            double[][] xs = new double[m][p];
            double uy = 0;
            double[] ux = new double[p];
            double var = 1; // Var(u_0) / σ²: the shock before the first difference is unknown
            double logDetSigma = 0;
            for (int t = 0; t < m; t++) {
                double f = 1 + th * th * var;
                double sf = Math.sqrt(f);
                int s = slot(t + 1, period, firstSeason, pc);
                double innov = dy[t] - th * uy;
                ys[t] = innov / sf;
                uy = innov / f;
                for (int j = 0; j < p; j++) {
                    double ix = (j < pc ? (j == s ? 1 : 0) : dx[t + 1][j - pc]) - th * ux[j];
                    xs[t][j] = ix / sf;
                    ux[j] = ix / f;
                }
                var = 1 - 1 / f;
                logDetSigma += Math.log(f);
            }
            LogLinearSeasonal.Whitened w = LogLinearSeasonal.Whitened.fit(xs, ys);
            if (w == null) return Double.NEGATIVE_INFINITY;
            beta[k] = w.beta();
            rss[k] = w.rss();
            chol[k] = w.cholInverse();
            uData[k] = uy;
            uPerChange[k] = ux;
            uVar[k] = var;
            return -0.5 * logDetSigma + w.logRestricted();
        }

        /** The last shock's filtered mean for changes c at θ_k. */
        private double lastShock(int k, double[] c) {
            double u = uData[k];
            for (int j = 0; j < p; j++) u -= c[j] * uPerChange[k][j];
            return u;
        }

        @Override
        public double[] fitted() {
            // one step ahead at the likelihood's maximum: the filter's prediction of each difference
            double th = theta[best];
            double[] c = beta[best];
            double[] f = new double[y.length];
            f[0] = Double.NaN;
            double u = 0;
            double var = 1;
            double[][] dx = holidayChanges(y.length);
            for (int t = 1; t < y.length; t++) {
                double pred = change(t, c, dx) + th * u;
                f[t] = y[t - 1] + pred;
                double fv = 1 + th * th * var;
                u = (y[t] - y[t - 1] - pred) / fv;
                var = 1 - 1 / fv;
            }
            return f;
        }

        @Override
        public double[] forecast(int h) {
            double[] c = beta[best];
            double[] f = new double[h];
            double v = y[y.length - 1] + theta[best] * lastShock(best, c);
            double[][] dx = holidayChanges(y.length + h);
            for (int i = 0; i < h; i++) {
                v += change(y.length + i, c, dx);
                f[i] = v;
            }
            return f;
        }

        @Override
        public double[][] simulate(int h, int paths, RandomGenerator rng) {
            double[][] out = new double[paths][h];
            double[] c = new double[p];
            double[] z = new double[p];
            int df = m - p;
            double[][] dx = holidayChanges(y.length + h);
            for (int j = 0; j < paths; j++) {
                int k = draw(rng.nextDouble());
                double sigma = LogLinearSeasonal.drawSigma(rss[k] / df, df, rng);
                LogLinearSeasonal.drawCoefficients(beta[k], chol[k], sigma, z, c, rng);
                double th = theta[k];
                double u = lastShock(k, c) + sigma * Math.sqrt(uVar[k]) * rng.nextGaussian();
                double v = y[y.length - 1];
                for (int i = 0; i < h; i++) {
                    double shock = sigma * rng.nextGaussian();
                    v += change(y.length + i, c, dx) + th * u + shock;
                    u = shock;
                    out[j][i] = v;
                }
            }
            return out;
        }

        private int draw(double uniform) {
            int lo = 0;
            int hi = cdf.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] < uniform) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        private double thetaQuantile(double q) {
            return theta[draw(q)];
        }

        @Override
        public Map<String, Double> parameters() {
            double[] c = beta[best];
            double drift = 0;
            for (int j = 0; j < pc; j++) drift += c[j];
            double perYear = pc == 1 ? drift * period : drift;
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("drift_per_year_log", perYear);
            out.put("annual_growth_pct", (Math.exp(perYear) - 1) * 100);
            out.put("ma1_theta", theta[best]);
            out.put("ma1_theta_lo95", thetaQuantile(0.025));
            out.put("ma1_theta_hi95", thetaQuantile(0.975));
            out.put("sigma_log", Math.sqrt(rss[best] / (m - p)));
            out.put("df", (double) (m - p));
            if (holiday != null) {
                List<String> names = holiday.names();
                for (int j = 0; j < names.size(); j++) out.put(names.get(j), c[pc + j]);
            }
            return out;
        }
    }
}
