package id.neraca.project.model;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.random.RandomGenerator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Damped-trend exponential smoothing (Holt–Gardner–McKenzie) on the log series, with additive seasonality on the
 * logs (= multiplicative seasonality on values) when seasonal: the ETS(A,Ad,A) state-space model
 * <pre>
 *   e_t = y_t - (l + φb + s_{t-m})
 *   l_t = l + φb + α e_t,   b_t = φb + β e_t,   s_t = s_{t-m} + γ e_t
 *   ŷ_{t+h} = l_t + (φ + … + φ^h) b_t + s_{t+h-m⌈h/m⌉}
 * </pre>
 * α, β, γ, φ and the initial level and trend are fitted by minimising the sum of squared one-step errors with
 * commons-math BOBYQA (deterministic, bounded: 0.0001 ≤ α ≤ 0.9999, β ≤ 0.5, γ ≤ 0.5, 0.80 ≤ φ ≤ 0.98). The
 * initial seasonal states come from a classical decomposition of the first four seasons and are not refitted.
 *
 * <p>Prediction intervals: simulation of the state-space model with N(0, σ²) errors, σ² = SSE/(n - k) with k the
 * fitted parameters and seasonal states. Parameter uncertainty is not included, so intervals are somewhat narrow on
 * short histories; the ensemble's backtest weights and the coverage uncertainty widen the headline intervals.
 */
public final class HoltDamped implements Forecaster {
    static final double[] LO = {0.0001, 0.0001, 0.0001, 0.80};
    static final double[] HI = {0.9999, 0.5, 0.5, 0.98};

    private final boolean seasonal;
    private final int minSeasonalPoints;
    private final int minPoints;
    private final String name;
    private double intervalScale = 1.0;

    /**
     * @param minSeasonalPoints history needed for the seasonal form (two full seasons at least)
     * @param minPoints         history needed for the non-seasonal form
     */
    public HoltDamped(boolean seasonal, int minSeasonalPoints, int minPoints, String name) {
        this.seasonal = seasonal;
        this.minSeasonalPoints = minSeasonalPoints;
        this.minPoints = minPoints;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Widens the simulated errors by this factor (at least 1): the projection sets it to the ratio of the model's
     * one-step backtest error to its in-sample σ, since the simulation leaves out parameter uncertainty.
     */
    public HoltDamped withIntervalScale(double scale) {
        this.intervalScale = Math.max(1.0, scale);
        return this;
    }

    /** The in-sample σ of the log one-step errors of a fit of this model. */
    public static double sigma(Fit fit) {
        return fit.parameters().get("sigma_log");
    }

    @Override
    public String unsupportedReason(int n, int period) {
        if (seasonal && period > 1) {
            int need = Math.max(minSeasonalPoints, 2 * period);
            if (n < need) return String.format("%d months of history; damped-trend smoothing with seasonality needs at least %d", n, need);
        } else if (n < minPoints) {
            return String.format("%d points; damped-trend smoothing needs at least %d", n, minPoints);
        }
        return null;
    }

    @Override
    public Fit fit(double[] y, int period, int firstSeason) {
        boolean s = seasonal && period > 1;
        int m = s ? period : 1;
        int n = y.length;
        // initial states from the first two seasons (or the first points when not seasonal)
        double l0;
        double b0;
        double[] s0 = new double[m];
        if (s) {
            // seasonal states: classical decomposition (centred 2×m moving average) over the first four seasons,
            // robust to a curved (damped) trend; level and trend from the deseasonalised first two seasons
            int lim = Math.min(n, 4 * m);
            double[] sum = new double[m];
            int[] cnt = new int[m];
            int half = m / 2;
            for (int t = half; t < lim - half; t++) {
                double ma = 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int j = t - half + 1; j < t + half; j++) ma += y[j];
                ma /= m;
                sum[t % m] += y[t] - ma;
                cnt[t % m]++;
            }
            for (int i = 0; i < m; i++) s0[i] = cnt[i] == 0 ? 0 : sum[i] / cnt[i];
            double c = 0;
            for (double v : s0) c += v / m;
            for (int i = 0; i < m; i++) s0[i] -= c;
            double mean1 = 0;
            double mean2 = 0;
            for (int i = 0; i < m; i++) {
                mean1 += (y[i] - s0[i]) / m;
                mean2 += (y[i + m] - s0[i]) / m;
            }
            b0 = (mean2 - mean1) / m;
            l0 = mean1 - b0 * (m + 1) / 2.0;
        } else {
            int k = Math.min(n, 3);
            b0 = (y[k - 1] - y[0]) / Math.max(1, k - 1);
            l0 = y[0] - b0;
        }
        double spread = 0;
        for (double v : y) spread = Math.max(spread, Math.abs(v - y[0]));
        double levelRange = Math.max(1.0, spread);
        double trendRange = Math.max(0.05, Math.abs(b0) * 2 + 0.05);
        final double fl0 = l0;
        final double fb0 = b0;
        // unknowns in the unit cube: α, β, γ, φ, l0, b0
        MultivariateFunction sse = u -> {
            double[] p = toParams(u, fl0, fb0, levelRange, trendRange);
            return run(y, m, s, p[0], p[1], p[2], p[3], p[4], p[5], s0, null, null);
        };
        double[] start = {fromRange(0.3, 0), fromRange(0.05, 1), fromRange(0.1, 2), fromRange(0.9, 3), 0.5, 0.5};
        if (!s) start[2] = 0.5;
        int dim = 6;
        BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * dim + 1, 0.2, 1e-4);
        double[] lower = new double[dim];
        double[] upper = new double[dim];
        java.util.Arrays.fill(upper, 1.0);
        PointValuePair best = opt.optimize(new MaxEval(20000), new ObjectiveFunction(sse), GoalType.MINIMIZE,
                new InitialGuess(start), new SimpleBounds(lower, upper));
        double[] p = toParams(best.getPoint(), fl0, fb0, levelRange, trendRange);
        if (!s) p[2] = 0;
        double[] fitted = new double[n];
        double[] state = new double[2 + m];
        double sumSq = run(y, m, s, p[0], p[1], p[2], p[3], p[4], p[5], s0, fitted, state);
        int k = (s ? 6 + (m - 1) : 5);
        double sigma2 = sumSq / Math.max(1, n - k);
        return new FitImpl(y.length, m, s, p, state, sigma2, fitted, firstSeason, intervalScale);
    }

    private static double fromRange(double v, int i) {
        return (v - LO[i]) / (HI[i] - LO[i]);
    }

    private static double[] toParams(double[] u, double l0, double b0, double levelRange, double trendRange) {
        double[] p = new double[6];
        for (int i = 0; i < 4; i++) p[i] = LO[i] + u[i] * (HI[i] - LO[i]);
        p[4] = l0 + (u[4] - 0.5) * 2 * levelRange;
        p[5] = b0 + (u[5] - 0.5) * 2 * trendRange;
        return p;
    }

    /**
     * Runs the recursions over y; returns the SSE of one-step errors. Fills {@code fitted} (one-step forecasts) and
     * {@code finalState} ([level, trend, seasonal states oldest first]) when given.
     */
    static double run(double[] y, int m, boolean s, double alpha, double beta, double gamma, double phi, double l0,
                      double b0, double[] s0, double[] fitted, double[] finalState) {
        double l = l0;
        double b = b0;
        double[] seas = s ? s0.clone() : new double[1];
        double sse = 0;
        for (int t = 0; t < y.length; t++) {
            double st = s ? seas[t % m] : 0;
            double yhat = l + phi * b + st;
            double e = y[t] - yhat;
            if (fitted != null) fitted[t] = yhat;
            sse += e * e;
            double lNew = l + phi * b + alpha * e;
            b = phi * b + beta * e;
            l = lNew;
            if (s) seas[t % m] = st + gamma * e;
        }
        if (finalState != null) {
            finalState[0] = l;
            finalState[1] = b;
            if (s) {
                // seasonal states in order of the next m steps
                for (int i = 0; i < m; i++) finalState[2 + i] = seas[(y.length + i) % m];
            }
        }
        return Double.isFinite(sse) ? sse : Double.MAX_VALUE;
    }

    private final class FitImpl implements Fit {
        final int n;
        final int m;
        final boolean s;
        final double[] p;
        final double[] state;
        final double sigma2;
        final double[] fitted;
        final int firstSeason;
        final double scale;

        FitImpl(int n, int m, boolean s, double[] p, double[] state, double sigma2, double[] fitted, int firstSeason,
                double scale) {
            this.scale = scale;
            this.n = n;
            this.m = m;
            this.s = s;
            this.p = p;
            this.state = state;
            this.sigma2 = sigma2;
            this.fitted = fitted;
            this.firstSeason = firstSeason;
        }

        @Override
        public double[] fitted() {
            return fitted.clone();
        }

        @Override
        public double[] forecast(int h) {
            double[] f = new double[h];
            double phiSum = 0;
            double phiPow = 1;
            for (int i = 0; i < h; i++) {
                phiPow *= p[3];
                phiSum += phiPow;
                f[i] = state[0] + phiSum * state[1] + (s ? state[2 + (i % m)] : 0);
            }
            return f;
        }

        @Override
        public double[][] simulate(int h, int paths, RandomGenerator rng) {
            double sigma = Math.sqrt(sigma2) * scale;
            double[][] out = new double[paths][h];
            double[] seas = new double[m];
            for (int k = 0; k < paths; k++) {
                double l = state[0];
                double b = state[1];
                if (s) System.arraycopy(state, 2, seas, 0, m);
                for (int i = 0; i < h; i++) {
                    double st = s ? seas[i % m] : 0;
                    double e = sigma * rng.nextGaussian();
                    double yv = l + p[3] * b + st + e;
                    out[k][i] = yv;
                    double lNew = l + p[3] * b + p[0] * e;
                    b = p[3] * b + p[1] * e;
                    l = lNew;
                    if (s) seas[i % m] = st + p[2] * e;
                }
            }
            return out;
        }

        @Override
        public Map<String, Double> parameters() {
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("alpha", p[0]);
            r.put("beta", p[1]);
            if (s) r.put("gamma", p[2]);
            r.put("phi", p[3]);
            r.put("initial_level_log", p[4]);
            r.put("initial_trend_log", p[5]);
            r.put("final_level_log", state[0]);
            r.put("final_trend_log", state[1]);
            r.put("long_run_growth_log", state[1] * p[3] / (1 - p[3]));
            r.put("sigma_log", Math.sqrt(sigma2));
            r.put("interval_scale", scale);
            if (s) {
                for (int i = 0; i < m; i++) {
                    int season = (firstSeason + n + i) % m;
                    r.put(String.format("season_%02d", season + 1), state[2 + i]);
                }
            }
            return r;
        }
    }
}
