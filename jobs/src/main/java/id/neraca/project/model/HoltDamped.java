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
import java.util.Locale;
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
 * <p>Prediction intervals: simulation of the state-space model with parameter uncertainty by a parametric
 * bootstrap (Pascual, Romo and Ruiz's procedure, as Rodríguez and Ruiz apply it to state-space models): each of R
 * replicates (default {@value #DEFAULT_REPLICATES}) draws a series of the observed length from the fitted model
 * (fitted initial states, N(0, σ²) errors, σ² = SSE/(n - k) with k the fitted parameters and seasonal states),
 * refits α, β, γ, φ, l0, b0 on it with the same estimator, runs the refitted recursions over the
 * <em>observed</em> series to get that replicate's final level, trend and seasonal states, and simulates the future
 * from them with the replicate's α, β, γ, φ and N(0, σ²) errors of the original fit (PRR draw the future innovations
 * from the original residuals). Simulated path k uses replicate k mod R. The
 * simulation without the bootstrap (the fitted parameters taken as true) under-covers badly on short histories:
 * on 36 months simulated from the model its 80% and 95% intervals cover 68% and 86% six months ahead, the
 * bootstrapped ones 81% and 95% (docs/PROJECTION.md §5, ModelsTest).
 * The bootstrap costs R refits (a few milliseconds each) per {@link Fit#simulate} call, not per fit, so the
 * backtest of point forecasts does not pay it; the CRPS backtest ({@code weighting: inverse_crps}) simulates at
 * every origin and uses 25 replicates there (Projection.CRPS_HOLT_REPLICATES).
 */
public final class HoltDamped implements Forecaster {
    static final double[] LO = {0.0001, 0.0001, 0.0001, 0.80};
    static final double[] HI = {0.9999, 0.5, 0.5, 0.98};

    private final boolean seasonal;
    private final int minSeasonalPoints;
    private final int minPoints;
    private final String name;
    /** Bootstrap replicates of the parameters used by {@link Fit#simulate} unless set otherwise. */
    public static final int DEFAULT_REPLICATES = 100;
    private int replicates = DEFAULT_REPLICATES;
    private boolean biasCorrected = false;

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
     * Bootstrap replicates of the parameters in {@link Fit#simulate}; 0 takes the fitted parameters as true (no
     * parameter uncertainty: intervals too narrow, kept for measuring what the bootstrap adds).
     */
    public HoltDamped withReplicates(int replicates) {
        this.replicates = Math.max(0, replicates);
        return this;
    }

    public int replicates() {
        return replicates;
    }

    /**
     * Kilian's bootstrap-after-bootstrap: a first round of replicates estimates the bias of α, β, γ, φ (mean refit
     * minus fit), the second round draws its series from the bias-corrected parameters and corrects each refit by the
     * same bias (clamped to the bounds) before simulating. A measurement switch, off in the projection: it helps
     * the far annual intervals a little when α is 0.3 and hurts them when α is 0.1 (HoltCoverageStudy,
     * docs/PROJECTION.md §5).
     */
    public HoltDamped withBiasCorrection(boolean on) {
        this.biasCorrected = on;
        return this;
    }

    public boolean biasCorrected() {
        return biasCorrected;
    }

    @Override
    public String unsupportedReason(int n, int period) {
        if (seasonal && period > 1) {
            int need = Math.max(minSeasonalPoints, 2 * period);
            if (n < need) return String.format(Locale.ROOT, "%d months of history; damped-trend smoothing with seasonality needs at least %d", n, need);
        } else if (n < minPoints) {
            return String.format(Locale.ROOT, "%d points; damped-trend smoothing needs at least %d", n, minPoints);
        }
        return null;
    }

    @Override
    public Fit fit(double[] y, int period, int firstSeason) {
        boolean s = seasonal && period > 1;
        int m = s ? period : 1;
        Core c = core(y, m, s);
        return new FitImpl(y.clone(), m, s, c, firstSeason, replicates, biasCorrected);
    }

    /** A least-squares fit: parameters [α, β, γ, φ, l0, b0], initial seasonal states, final state, σ², one-step fits. */
    record Core(double[] p, double[] s0, double[] state, double sigma2, double[] fitted) {}

    /** Initial states, then BOBYQA over α, β, γ, φ, l0, b0 (see the class comment). */
    static Core core(double[] y, int m, boolean s) {
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
        return new Core(p, s0, state, sumSq / Math.max(1, n - k(m, s)), fitted);
    }

    /** Fitted parameters and initial states: α, β, φ, l0, b0 (+ γ and m - 1 free seasonal states). */
    static int k(int m, boolean s) {
        return s ? 6 + (m - 1) : 5;
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
        final double[] y;
        final int n;
        final int m;
        final boolean s;
        final double[] p;
        final double[] s0;
        final double[] state;
        final double sigma2;
        final double[] fitted;
        final int firstSeason;
        final int replicates;
        final boolean biasCorrected;

        FitImpl(double[] y, int m, boolean s, Core c, int firstSeason, int replicates, boolean biasCorrected) {
            this.y = y;
            this.n = y.length;
            this.m = m;
            this.s = s;
            this.p = c.p();
            this.s0 = c.s0();
            this.state = c.state();
            this.sigma2 = c.sigma2();
            this.fitted = c.fitted();
            this.firstSeason = firstSeason;
            this.replicates = replicates;
            this.biasCorrected = biasCorrected;
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

        /** A series of this fit's length drawn from the fitted model (fitted initial states, N(0, σ²) errors). */
        double[] generate(RandomGenerator rng) {
            return generate(p, rng);
        }

        /** The same with the smoothing parameters of {@code p} (initial states from p[4], p[5] and this fit's s0). */
        double[] generate(double[] p, RandomGenerator rng) {
            double sigma = Math.sqrt(sigma2);
            double[] out = new double[n];
            double l = p[4];
            double b = p[5];
            double[] seas = s0.clone();
            for (int t = 0; t < n; t++) {
                double st = s ? seas[t % m] : 0;
                double e = sigma * rng.nextGaussian();
                out[t] = l + p[3] * b + st + e;
                double lNew = l + p[3] * b + p[0] * e;
                b = p[3] * b + p[1] * e;
                l = lNew;
                if (s) seas[t % m] = st + p[2] * e;
            }
            return out;
        }

        /**
         * Replicate r (of R = min(paths, replicates)) refits the model on a series drawn from this fit and reruns the
         * refitted recursions over the observed series; path k continues replicate k mod R from that replicate's
         * final states with its α, β, γ, φ and errors N(0, σ̂²) of this fit (as Pascual–Romo–Ruiz draw the future
         * innovations from the original residuals: parameter uncertainty enters through the parameters only).
         */
        @Override
        public double[][] simulate(int h, int paths, RandomGenerator rng) {
            int reps = Math.max(1, Math.min(paths, replicates));
            double[][] par = new double[reps][];
            double[][] fin = new double[reps][];
            if (replicates <= 0) {
                par[0] = p;
                fin[0] = state;
            } else {
                double[] bias = new double[4];
                double[] from = p;
                if (biasCorrected) {
                    for (int r = 0; r < reps; r++) {
                        double[] q = core(generate(rng), m, s).p();
                        for (int i = 0; i < 4; i++) bias[i] += (q[i] - p[i]) / reps;
                    }
                    from = corrected(p, bias);
                }
                for (int r = 0; r < reps; r++) {
                    double[] q = core(generate(from, rng), m, s).p();
                    if (biasCorrected) q = corrected(q, bias);
                    double[] st = new double[2 + m];
                    run(y, m, s, q[0], q[1], q[2], q[3], q[4], q[5], s0, null, st);
                    par[r] = q;
                    fin[r] = st;
                }
            }
            double sigma = Math.sqrt(sigma2);
            double[][] out = new double[paths][h];
            double[] seas = new double[m];
            for (int k = 0; k < paths; k++) {
                int r = k % reps;
                double[] q = par[r];
                double l = fin[r][0];
                double b = fin[r][1];
                if (s) System.arraycopy(fin[r], 2, seas, 0, m);
                for (int i = 0; i < h; i++) {
                    double st = s ? seas[i % m] : 0;
                    double e = sigma * rng.nextGaussian();
                    out[k][i] = l + q[3] * b + st + e;
                    double lNew = l + q[3] * b + q[0] * e;
                    b = q[3] * b + q[1] * e;
                    l = lNew;
                    if (s) seas[i % m] = st + q[2] * e;
                }
            }
            return out;
        }

        /** Parameters minus the estimated bias of α, β, γ, φ, within the fitting bounds (γ stays 0 without seasons). */
        double[] corrected(double[] q, double[] bias) {
            double[] c = q.clone();
            for (int i = 0; i < 4; i++) {
                if (i == 2 && !s) continue;
                c[i] = Math.max(LO[i], Math.min(HI[i], q[i] - bias[i]));
            }
            return c;
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
            r.put("bootstrap_replicates", (double) replicates);
            if (s) {
                for (int i = 0; i < m; i++) {
                    int season = (firstSeason + n + i) % m;
                    r.put(String.format(Locale.ROOT, "season_%02d", season + 1), state[2 + i]);
                }
            }
            return r;
        }
    }
}
