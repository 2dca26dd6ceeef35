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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>Fit: α, β, γ, φ maximise the restricted likelihood (commons-math BOBYQA, deterministic, bounded:
 * 0.0001 ≤ α ≤ 0.9999, 0.0001 ≤ β, γ ≤ 0.5, 0.80 ≤ φ ≤ 0.98). The one-step errors are affine in the initial states
 * x0 (level, trend and m − 1 seasonal states summing to zero with the m-th), e = ẽ + Z x0, so at each trial α, β, γ,
 * φ the initial states are profiled out by least squares and the criterion is
 * {@code (n − k) log SSE + log |Z'Z|} (k = m + 1 initial states): −2 × the likelihood with x0 diffuse and σ²
 * concentrated out. The {@code log |Z'Z|} term is what keeps the fit off the corner the plain least squares of one-step
 * errors fell into on short histories (α at its bound 0.0001 with β 0.1 – 0.3: a surprise moves the trend for good and
 * not the level, and intervals five years out spanning ×1,000 to ×17,000; docs/PROJECTION.md §5).
 *
 * <p>Prediction intervals: the posterior predictive distribution, simulated. α, β, γ, φ are drawn from their
 * posterior under a prior flat in α and φ and log-uniform in β and γ on the bounds above (the initial states and log σ
 * flat, both integrated out), an importance sample of Sobol points ({@link Posterior}); given them σ² from its scaled
 * inverse χ² (SSE / χ²_{n−k}) and x0 from N(x̂0, σ²(Z'Z)⁻¹); the recursions then run over the observed series from
 * x0 to the draw's final states, and the future is simulated from there with the draw's parameters and N(0, σ²)
 * errors. Each of R draws (default {@value #DEFAULT_REPLICATES}, at most the paths) continues path k = r mod R. On 36
 * months simulated from the model the 80% and 95% intervals cover 82% and 95% six months ahead, 83% and 97% at 24
 * months, and the first two years' annual values 80% / 98% and 81% / 98%; with the fitted parameters taken as true
 * (R = 0) 70% and 88% at 6 months and 60% / 71% for the second year (ModelsTest, docs/PROJECTION.md §5). Cost: the
 * posterior (3,072 profiled likelihoods, 20 – 190 ms) once per fit that simulates; the backtest of point forecasts
 * uses the fit alone.
 *
 * <p>{@link #linear} is the same model with φ fixed at 1 (Holt's linear trend, ETS(A,A,A)): a growth rate that wanders
 * and does not fade. Its fit and posterior leave φ out; everything else is as above.
 */
public final class HoltDamped implements Forecaster {
    static final double[] LO = {0.0001, 0.0001, 0.0001, 0.80};
    static final double[] HI = {0.9999, 0.5, 0.5, 0.98};

    private final boolean seasonal;
    private final int minSeasonalPoints;
    private final int minPoints;
    private final String name;
    /** φ estimated in [0.80, 0.98] (the damped trend); false: φ fixed at 1, Holt's linear trend ({@link #linear}). */
    private final boolean damped;
    /** Posterior draws of the parameters used by {@link Fit#simulate} unless set otherwise. */
    public static final int DEFAULT_REPLICATES = 1000;
    private int replicates = DEFAULT_REPLICATES;

    /**
     * @param minSeasonalPoints history needed for the seasonal form (two full seasons at least)
     * @param minPoints         history needed for the non-seasonal form
     */
    public HoltDamped(boolean seasonal, int minSeasonalPoints, int minPoints, String name) {
        this(seasonal, minSeasonalPoints, minPoints, name, true);
    }

    private HoltDamped(boolean seasonal, int minSeasonalPoints, int minPoints, String name, boolean damped) {
        this.seasonal = seasonal;
        this.minSeasonalPoints = minSeasonalPoints;
        this.minPoints = minPoints;
        this.name = name;
        this.damped = damped;
    }

    /**
     * Holt's linear trend (ETS(A,A,A) when seasonal): the same model with φ fixed at 1, so the trend does not fade and a
     * surprise moves the growth rate for good (by β of it), as a level and a growth rate that both wander do. Fitted and
     * simulated as the damped model is (restricted likelihood, the posterior of α, β, γ under the same prior), φ left
     * out. Why a model of its own and not the damped one's φ allowed up to 1: with φ ≤ 0.98 a month any trend fades
     * within a few years, and a flat prior on [0.80, 1] puts a tenth of its mass near 1; measured, it left the
     * ensemble's 2030 coverage of a random walk with drift where it was (docs/PROJECTION.md §5, "How well the
     * intervals cover").
     */
    public static HoltDamped linear(boolean seasonal, int minSeasonalPoints, int minPoints, String name) {
        return new HoltDamped(seasonal, minSeasonalPoints, minPoints, name, false);
    }

    /** φ is estimated (the damped trend), not fixed at 1. */
    public boolean damped() {
        return damped;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Posterior draws of the parameters in {@link Fit#simulate}; 0 takes the fitted parameters as true (no parameter
     * uncertainty: intervals too narrow, kept for measuring what the posterior adds).
     */
    public HoltDamped withReplicates(int replicates) {
        this.replicates = Math.max(0, replicates);
        return this;
    }

    public int replicates() {
        return replicates;
    }

    /**
     * Why the model cannot be fitted on {@code n} points, naming it as it is (the report translates each wording:
     * StageNotes, model_note_holt_* and model_note_holt_linear_*), or null.
     */
    @Override
    public String unsupportedReason(int n, int period) {
        String what = damped ? "damped-trend smoothing" : "linear-trend smoothing (Holt)";
        if (seasonal && period > 1) {
            int need = Math.max(minSeasonalPoints, 2 * period);
            if (n < need) return String.format(Locale.ROOT, "%d months of history; %s with seasonality needs at least %d", n, what, need);
        } else if (n < minPoints) {
            return String.format(Locale.ROOT, "%d points; %s needs at least %d", n, what, minPoints);
        }
        return null;
    }

    @Override
    public Fit fit(double[] y, int period, int firstSeason) {
        boolean s = seasonal && period > 1;
        int m = s ? period : 1;
        Core c = core(y, m, s, damped);
        return new FitImpl(y.clone(), m, s, damped, c, firstSeason, replicates);
    }

    /** A fit: parameters [α, β, γ, φ, l0, b0], initial seasonal states, final state, σ², one-step fits. */
    record Core(double[] p, double[] s0, double[] state, double sigma2, double[] fitted) {}

    /**
     * α, β, γ, φ by BOBYQA on the restricted likelihood, the initial states profiled out by least squares at each
     * trial (see the class comment); then the fit at the optimum.
     */
    static Core core(double[] y, int m, boolean s) {
        return core(y, m, s, true);
    }

    /** The same; {@code damped} false fixes φ at 1 (Holt's linear trend) and leaves it out of the unknowns. */
    static Core core(double[] y, int m, boolean s, boolean damped) {
        int dim = dimension(s, damped);
        // unknowns in the unit cube: α, β, (γ,) (φ)
        MultivariateFunction objective = u -> {
            double[] q = smoothing(u, s, damped);
            Profile pr = profile(y, m, s, q[0], q[1], q[2], q[3]);
            return pr == null ? Double.MAX_VALUE : pr.restrictedDeviance();
        };
        double[] start = new double[dim];
        start[0] = fromRange(0.3, 0);
        start[1] = fromRange(0.05, 1);
        if (s) start[2] = fromRange(0.1, 2);
        if (damped) start[dim - 1] = fromRange(0.9, 3);
        BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * dim + 1, 0.2, 1e-4);
        double[] lower = new double[dim];
        double[] upper = new double[dim];
        java.util.Arrays.fill(upper, 1.0);
        PointValuePair best = opt.optimize(new MaxEval(20000), new ObjectiveFunction(objective), GoalType.MINIMIZE,
                new InitialGuess(start), new SimpleBounds(lower, upper));
        double[] q = smoothing(best.getPoint(), s, damped);
        Core c = fitAt(y, m, s, q);
        if (c == null) throw new IllegalStateException("damped-trend smoothing: no finite fit at the optimum " + java.util.Arrays.toString(q));
        return c;
    }

    /** The unknowns of the fit and of the posterior: α, β, γ when seasonal, φ when damped. */
    static int dimension(boolean s, boolean damped) {
        return 2 + (s ? 1 : 0) + (damped ? 1 : 0);
    }

    /**
     * α, β, γ, φ from the unit cube ({@code u} without γ when not seasonal: γ 0; without φ when not damped: φ 1).
     */
    private static double[] smoothing(double[] u, boolean s, boolean damped) {
        double[] q = new double[4];
        q[0] = LO[0] + u[0] * (HI[0] - LO[0]);
        q[1] = LO[1] + u[1] * (HI[1] - LO[1]);
        q[2] = s ? LO[2] + u[2] * (HI[2] - LO[2]) : 0;
        q[3] = damped ? LO[3] + u[s ? 3 : 2] * (HI[3] - LO[3]) : 1;
        return q;
    }

    /**
     * The fit at smoothing parameters {@code q} = [α, β, γ, φ]: the initial states profiled out by least squares, the
     * recursions run from them; null when the errors are not finite (an explosive trial).
     */
    static Core fitAt(double[] y, int m, boolean s, double[] q) {
        Profile pr = profile(y, m, s, q[0], q[1], q[2], q[3]);
        if (pr == null) return null;
        double[] p = {q[0], q[1], q[2], q[3], pr.x0()[0], pr.x0()[1]};
        double[] s0 = new double[m];
        if (s) {
            double last = 0;
            for (int i = 0; i < m - 1; i++) {
                s0[i] = pr.x0()[2 + i];
                last -= s0[i];
            }
            s0[m - 1] = last;
        }
        int n = y.length;
        double[] fitted = new double[n];
        double[] state = new double[2 + m];
        double sumSq = run(y, m, s, p[0], p[1], p[2], p[3], p[4], p[5], s0, fitted, state);
        return new Core(p, s0, state, sumSq / Math.max(1, n - k(m, s)), fitted);
    }

    /** Least-squares initial states x0 = [l0, b0, s_0 … s_{m-2}] at given α, β, γ, φ, their SSE and log|Z'Z|. */
    record Profile(double[] x0, double sse, double logDetZtz, int n, double[] chol) {
        /** −2 × the restricted log-likelihood, σ² concentrated out, up to a constant: (n − k) log SSE + log|Z'Z|. */
        double restrictedDeviance() {
            return (n - x0.length) * Math.log(sse) + logDetZtz;
        }
    }

    /**
     * The one-step errors are affine in the initial states: e = ẽ + Z x0, with ẽ the errors of the recursions from
     * zero states and column j of Z the errors of the recursions on a zero series from the j-th unit state (the
     * seasonal states summing to zero: unit state j is s_j = 1, s_{m-1} = −1). All k + 1 recursions run together;
     * x0 = −(Z'Z)⁻¹Z'ẽ. Null when an error is not finite or Z'Z is not positive definite.
     */
    static Profile profile(double[] y, int m, boolean s, double alpha, double beta, double gamma, double phi) {
        int n = y.length;
        int k = s ? m + 1 : 2;
        int c = k + 1;
        double[] l = new double[c];
        double[] b = new double[c];
        double[][] seas = new double[s ? m : 0][c];
        l[1] = 1;
        b[2] = 1;
        if (s) {
            for (int j = 0; j < m - 1; j++) {
                seas[j][3 + j] = 1;
                seas[m - 1][3 + j] = -1;
            }
        }
        double[] zte = new double[k];
        double[] ztz = new double[k * k];
        double ete = 0;
        double[] e = new double[c];
        for (int t = 0; t < n; t++) {
            double[] st = s ? seas[t % m] : null;
            for (int j = 0; j < c; j++) {
                double sj = s ? st[j] : 0;
                double ej = (j == 0 ? y[t] : 0) - (l[j] + phi * b[j] + sj);
                e[j] = ej;
                l[j] = l[j] + phi * b[j] + alpha * ej;
                b[j] = phi * b[j] + beta * ej;
                if (s) st[j] = sj + gamma * ej;
            }
            ete += e[0] * e[0];
            for (int i = 0; i < k; i++) {
                double zi = e[i + 1];
                zte[i] += zi * e[0];
                for (int j = 0; j <= i; j++) ztz[i * k + j] += zi * e[j + 1];
            }
        }
        if (!Double.isFinite(ete)) return null;
        // Cholesky of Z'Z (lower triangle), then x0 = −(Z'Z)⁻¹ Z'ẽ and SSE = ẽ'ẽ − (Z'ẽ)'(Z'Z)⁻¹(Z'ẽ)
        double[] lo = new double[k * k];
        double logDet = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double v = ztz[i * k + j];
                for (int r = 0; r < j; r++) v -= lo[i * k + r] * lo[j * k + r];
                if (i == j) {
                    if (!(v > 1e-12 * Math.max(1, ztz[i * k + i]))) return null;
                    lo[i * k + i] = Math.sqrt(v);
                    logDet += Math.log(v);
                } else {
                    lo[i * k + j] = v / lo[j * k + j];
                }
            }
        }
        if (!Double.isFinite(logDet)) return null;
        double[] w = new double[k];
        double explained = 0;
        for (int i = 0; i < k; i++) {
            double v = zte[i];
            for (int r = 0; r < i; r++) v -= lo[i * k + r] * w[r];
            w[i] = v / lo[i * k + i];
            explained += w[i] * w[i];
        }
        double[] x0 = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double v = w[i];
            for (int r = i + 1; r < k; r++) v -= lo[r * k + i] * x0[r];
            x0[i] = v / lo[i * k + i];
        }
        for (int i = 0; i < k; i++) x0[i] = -x0[i];
        double sse = Math.max(ete - explained, 1e-300 * Math.max(1, ete));
        if (!Double.isFinite(sse)) return null;
        return new Profile(x0, sse, logDet, n, lo);
    }

    /** Fitted parameters and initial states: α, β, φ, l0, b0 (+ γ and m - 1 free seasonal states). */
    static int k(int m, boolean s) {
        return s ? 6 + (m - 1) : 5;
    }

    private static double fromRange(double v, int i) {
        return (v - LO[i]) / (HI[i] - LO[i]);
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

    /**
     * The posterior of α, β, γ, φ under a flat prior on the fitting box (flat on the initial states and on log σ, both
     * integrated out): p(α, β, γ, φ | y) ∝ |Z'Z|^(−1/2) SSE^(−(n−k)/2), the restricted likelihood of {@link #core}. An
     * importance sample: {@value #STAGE1} Sobol points over the whole box, then {@value #STAGE2} over a box around the
     * first stage's posterior (its mean ± 4 sd per parameter, at least ±0.05 of the range), all of them weighted by
     * the likelihood over the two stages' mixture density (so the second box cuts off nothing). Deterministic: the
     * points do not depend on the random generator, only the draws from them do.
     */
    static final class Posterior {
        static final int STAGE1 = 1024;
        static final int STAGE2 = 2048;
        /** Further stages, each around the posterior so far, while the effective sample size is below {@link #ESS_TARGET}. */
        static final int MAX_REFINEMENTS = 3;
        static final double ESS_TARGET = 300;
        final double[][] theta;
        final double[] cdf;
        final double ess;

        private Posterior(double[][] theta, double[] cdf, double ess) {
            this.theta = theta;
            this.cdf = cdf;
            this.ess = ess;
        }

        static Posterior of(double[] y, int m, boolean s) {
            return of(y, m, s, true);
        }

        /** The same; {@code damped} false: φ fixed at 1, the posterior of α, β (and γ) alone. */
        static Posterior of(double[] y, int m, boolean s, boolean damped) {
            int d = dimension(s, damped);
            int capacity = STAGE1 + STAGE2 * (1 + MAX_REFINEMENTS);
            double[][] u = new double[capacity][];
            double[] ll = new double[capacity];
            org.apache.commons.math3.random.SobolSequenceGenerator sobol = new org.apache.commons.math3.random.SobolSequenceGenerator(d);
            sobol.skipTo(1);
            for (int i = 0; i < STAGE1; i++) {
                u[i] = sobol.nextVector();
                ll[i] = logLikelihood(y, m, s, damped, u[i]);
            }
            int total = STAGE1;
            List<double[][]> boxes = new ArrayList<>();              // {lo, hi} of each later stage, STAGE2 points each
            double[] w = normalised(ll, STAGE1, new double[capacity]);
            double ess = ess(w, total);
            for (int stage = 0; stage <= MAX_REFINEMENTS && (stage == 0 || ess < ESS_TARGET); stage++) {
                // a box around the posterior so far: its mean ± 4 sd per parameter, at least ±0.05 of the range for the
                // first (the whole-box stage may rest on a handful of points), ±0.01 for a refinement
                double minHalf = stage == 0 ? 0.05 : 0.01;
                double[] lo = new double[d];
                double[] hi = new double[d];
                for (int j = 0; j < d; j++) {
                    double mean = 0;
                    double sq = 0;
                    for (int i = 0; i < total; i++) {
                        mean += w[i] * u[i][j];
                        sq += w[i] * u[i][j] * u[i][j];
                    }
                    double half = Math.max(4 * Math.sqrt(Math.max(0, sq - mean * mean)), minHalf);
                    lo[j] = Math.max(0, mean - half);
                    hi[j] = Math.min(1, mean + half);
                }
                boxes.add(new double[][]{lo, hi});
                for (int i = total; i < total + STAGE2; i++) {
                    double[] v = sobol.nextVector();
                    for (int j = 0; j < d; j++) v[j] = lo[j] + v[j] * (hi[j] - lo[j]);
                    u[i] = v;
                    ll[i] = logLikelihood(y, m, s, damped, v);
                }
                total += STAGE2;
                w = normalised(importance(u, ll, total, boxes, d), total, w);
                ess = ess(w, total);
            }
            double[][] theta = new double[total][];
            double[] cdf = new double[total];
            double acc = 0;
            for (int i = 0; i < total; i++) {
                theta[i] = priorScale(u[i], s, damped);
                acc += w[i];
                cdf[i] = acc;
            }
            return new Posterior(theta, cdf, ess);
        }

        /**
         * Log importance weights: each point's log likelihood less the log of the stages' mixture density at it
         * ({@value #STAGE1} points uniform on the unit cube, {@value #STAGE2} uniform on each later stage's box), so no
         * box cuts anything off.
         */
        private static double[] importance(double[][] u, double[] ll, int total, List<double[][]> boxes, int d) {
            double[] volume = new double[boxes.size()];
            for (int k = 0; k < boxes.size(); k++) {
                volume[k] = 1;
                for (int j = 0; j < d; j++) volume[k] *= boxes.get(k)[1][j] - boxes.get(k)[0][j];
            }
            double[] out = new double[total];
            for (int i = 0; i < total; i++) {
                double density = STAGE1;
                for (int k = 0; k < boxes.size(); k++) {
                    boolean inBox = true;
                    for (int j = 0; j < d; j++) inBox &= u[i][j] >= boxes.get(k)[0][j] && u[i][j] <= boxes.get(k)[1][j];
                    if (inBox) density += STAGE2 / volume[k];
                }
                out[i] = ll[i] - Math.log(density / total);
            }
            return out;
        }

        private static double ess(double[] w, int total) {
            double sumSq = 0;
            for (int i = 0; i < total; i++) sumSq += w[i] * w[i];
            return 1 / sumSq;
        }

        private static double logLikelihood(double[] y, int m, boolean s, boolean damped, double[] v) {
            double[] q = priorScale(v, s, damped);
            Profile pr = profile(y, m, s, q[0], q[1], q[2], q[3]);
            return pr == null ? Double.NEGATIVE_INFINITY : -0.5 * pr.restrictedDeviance();
        }

        /**
         * α, β, γ, φ from a point of the unit cube in which the prior is flat: α and φ uniform on their ranges, β and γ
         * log-uniform (a priori as likely between 0.001 and 0.01 as between 0.01 and 0.1: the trend and the seasonal
         * pattern change slowly unless the data say otherwise). {@code v} is without γ when not seasonal: γ 0.
         */
        static double[] priorScale(double[] v, boolean s) {
            return priorScale(v, s, true);
        }

        /** The same; {@code damped} false: {@code v} has no φ, which is 1. */
        static double[] priorScale(double[] v, boolean s, boolean damped) {
            double[] q = new double[4];
            q[0] = LO[0] + v[0] * (HI[0] - LO[0]);
            q[1] = logUniform(v[1], 1);
            q[2] = s ? logUniform(v[2], 2) : 0;
            q[3] = damped ? LO[3] + v[s ? 3 : 2] * (HI[3] - LO[3]) : 1;
            return q;
        }

        private static double logUniform(double v, int i) {
            return Math.exp(Math.log(LO[i]) + v * (Math.log(HI[i]) - Math.log(LO[i])));
        }

        private static double[] normalised(double[] logW, int count, double[] out) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < count; i++) max = Math.max(max, logW[i]);
            double sum = 0;
            for (int i = 0; i < count; i++) {
                out[i] = Double.isFinite(logW[i]) ? Math.exp(logW[i] - max) : 0;
                sum += out[i];
            }
            if (!(sum > 0)) {
                throw new IllegalStateException("damped-trend smoothing: no parameters in the fitting bounds give finite one-step "
                        + "errors on this series");
            }
            for (int i = 0; i < count; i++) out[i] /= sum;
            return out;
        }

        /** α, β, γ, φ of a point drawn with its posterior weight (never a point of weight 0). */
        double[] draw(RandomGenerator rng) {
            double r = rng.nextDouble() * cdf[cdf.length - 1];
            // the first point whose cumulative weight exceeds r; at the top end, the last point with weight
            int lo = 0;
            int hi = cdf.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] > r) hi = mid;
                else lo = mid + 1;
            }
            while (lo > 0 && cdf[lo] == cdf[lo - 1]) lo--;
            return theta[lo];
        }

        /** Effective sample size of the importance weights (1 / Σ w²). */
        double effectiveSampleSize() {
            return ess;
        }
    }

    private final class FitImpl implements Fit {
        final double[] y;
        final int n;
        final int m;
        final boolean s;
        final boolean damped;
        final double[] p;
        final double[] s0;
        final double[] state;
        final double sigma2;
        final double[] fitted;
        final int firstSeason;
        final int replicates;

        FitImpl(double[] y, int m, boolean s, boolean damped, Core c, int firstSeason, int replicates) {
            this.y = y;
            this.n = y.length;
            this.m = m;
            this.s = s;
            this.damped = damped;
            this.p = c.p();
            this.s0 = c.s0();
            this.state = c.state();
            this.sigma2 = c.sigma2();
            this.fitted = c.fitted();
            this.firstSeason = firstSeason;
            this.replicates = replicates;
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

        /**
         * Path k continues draw k mod R (R = min(paths, replicates)) of the parameters from their posterior (see the
         * class comment): α, β, γ, φ resampled from {@link #posterior()}, σ² from its inverse-χ² given them, the
         * initial states from their normal given both; the draw's recursions run over the observed series from those
         * initial states, and the future from the final states with the draw's α, β, γ, φ and N(0, σ²) errors.
         */
        @Override
        public double[][] simulate(int h, int paths, RandomGenerator rng) {
            int reps = Math.max(1, Math.min(paths, replicates));
            double[][] par = new double[reps][];
            double[][] fin = new double[reps][];
            double[] sig = new double[reps];
            if (replicates <= 0) {
                par[0] = p;
                fin[0] = state;
                sig[0] = Math.sqrt(sigma2);
            } else {
                Posterior post = posterior();
                int k = s ? m + 1 : 2;
                double[] z = new double[k];
                double[] v = new double[k];
                double[] s0r = new double[m];
                for (int r = 0; r < reps; r++) {
                    double[] q = post.draw(rng);
                    Profile pr = profile(y, m, s, q[0], q[1], q[2], q[3]);
                    double chi = 0;
                    for (int i = 0; i < n - k; i++) {
                        double g = rng.nextGaussian();
                        chi += g * g;
                    }
                    double s2 = pr.sse() / Math.max(chi, 1e-12);
                    // x0 = x̂0 + σ L⁻ᵀ z with Z'Z = L Lᵀ: covariance σ² (Z'Z)⁻¹
                    for (int i = 0; i < k; i++) z[i] = rng.nextGaussian();
                    double[] lo = pr.chol();
                    for (int i = k - 1; i >= 0; i--) {
                        double w = z[i];
                        for (int j = i + 1; j < k; j++) w -= lo[j * k + i] * v[j];
                        v[i] = w / lo[i * k + i];
                    }
                    double sd = Math.sqrt(s2);
                    double l0 = pr.x0()[0] + sd * v[0];
                    double b0 = pr.x0()[1] + sd * v[1];
                    if (s) {
                        double last = 0;
                        for (int i = 0; i < m - 1; i++) {
                            s0r[i] = pr.x0()[2 + i] + sd * v[2 + i];
                            last -= s0r[i];
                        }
                        s0r[m - 1] = last;
                    }
                    double[] st = new double[2 + m];
                    run(y, m, s, q[0], q[1], q[2], q[3], l0, b0, s0r, null, st);
                    par[r] = q;
                    fin[r] = st;
                    sig[r] = sd;
                }
            }
            double[][] out = new double[paths][h];
            double[] seas = new double[m];
            for (int k = 0; k < paths; k++) {
                int r = k % reps;
                double[] q = par[r];
                double sigma = sig[r];
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

        private Posterior posterior;

        /** The posterior of α, β, γ, φ on this series, computed on first use. */
        Posterior posterior() {
            if (posterior == null) posterior = Posterior.of(y, m, s, damped);
            return posterior;
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
            // a damped trend adds b·φ/(1 − φ) to the level in the long run; an undamped one grows by b a step for good
            if (damped) r.put("long_run_growth_log", state[1] * p[3] / (1 - p[3]));
            else r.put("annual_growth_pct", (Math.exp(state[1] * m) - 1) * 100);
            r.put("sigma_log", Math.sqrt(sigma2));
            r.put("posterior_draws", (double) replicates);
            if (replicates > 0) r.put("posterior_effective_sample_size", Math.rint(posterior().effectiveSampleSize()));
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
