package id.neraca.project.model;

import id.neraca.project.HoltCoverageStudy;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Holt's restricted-likelihood fit and the posterior its intervals draw from (docs/PROJECTION.md §5, "How Holt's
 * intervals get their parameter uncertainty"), checked against brute force and against a long series of the model's
 * own process. Coverage is ModelsTest's. Pure Java, no Spark.
 */
class HoltDampedTest {
    /** The samples' 36 months of the model's own process (α 0.3, β 0.02, γ 0.05, φ 0.9). */
    static double[] series(long seed, int len) {
        return HoltCoverageStudy.series(new Well19937c(seed), len, 0.3, 0.02, 0.05);
    }

    /**
     * At given α, β, γ, φ the profiled initial states are the least-squares ones: the recursions run from them give the
     * profile's SSE, and moving any one of the 13 states (level, trend, 11 free seasonal states) raises it.
     */
    @Test
    void theProfiledInitialStatesMinimiseTheOneStepErrors() {
        double[] y = series(5, 36);
        double[][] trials = {{0.3, 0.02, 0.05, 0.9}, {0.05, 0.2, 0.3, 0.85}, {0.9, 0.0001, 0.0001, 0.98}};
        for (double[] q : trials) {
            HoltDamped.Profile pr = HoltDamped.profile(y, 12, true, q[0], q[1], q[2], q[3]);
            assertNotNull(pr);
            double[] x0 = pr.x0();
            assertEquals(13, x0.length);
            double sse = sse(y, q, x0);
            assertEquals(pr.sse(), sse, 1e-9 * sse, "the profile's SSE is the recursions' from its initial states");
            for (int j = 0; j < x0.length; j++) {
                for (double step : new double[]{-1e-3, 1e-3}) {
                    double[] moved = x0.clone();
                    moved[j] += step;
                    assertTrue(sse(y, q, moved) > sse, "moving initial state " + j + " by " + step + " lowers the SSE");
                }
            }
        }
    }

    private static double sse(double[] y, double[] q, double[] x0) {
        double[] s0 = new double[12];
        double last = 0;
        for (int i = 0; i < 11; i++) {
            s0[i] = x0[2 + i];
            last -= s0[i];
        }
        s0[11] = last;
        return HoltDamped.run(y, 12, true, q[0], q[1], q[2], q[3], x0[0], x0[1], s0, null, null);
    }

    /**
     * 36 months say little about α, and a fit often lands on its bound 0.0001 even when the truth is 0.3. The restricted
     * likelihood's log|Z'Z| term is what makes that less common: measured on 200 series, 97 fits at the bound with it,
     * 156 without it (the profile likelihood), 157 with the least-squares fit it replaced (docs/PROJECTION.md §5).
     */
    @Test
    void theFitLandsOnAlphasBoundLessOftenThanTheProfileLikelihood() {
        int atBound = 0;
        int sims = 100;
        Well19937c rng = new Well19937c(99);
        HoltDamped holt = new HoltDamped(true, 24, 24, "holt_damped_seasonal");
        for (int i = 0; i < sims; i++) {
            double[] y = HoltCoverageStudy.series(rng, 36, 0.3, 0.02, 0.05);
            if (holt.fit(y, 12, 0).parameters().get("alpha") < 0.001) atBound++;
        }
        assertTrue(atBound <= 65, atBound + " of " + sims + " fits put α on its bound");
    }

    /** Twenty years of the model's own process: the posterior of α and φ sits around the truth, with many effective draws. */
    @Test
    void thePosteriorConcentratesOnTheTruthWithALongHistory() {
        for (long seed : new long[]{11, 12, 13}) {
            HoltDamped.Posterior post = HoltDamped.Posterior.of(series(seed, 240), 12, true);
            double[][] draws = new double[4000][];
            Well19937c rng = new Well19937c(seed);
            for (int i = 0; i < draws.length; i++) draws[i] = post.draw(rng);
            double[] alpha = column(draws, 0);
            double[] phi = column(draws, 3);
            assertTrue(Stats.quantile(alpha, 0.025) < 0.3 && Stats.quantile(alpha, 0.975) > 0.3,
                    "α's 95% posterior interval holds the true 0.3: " + Stats.quantile(alpha, 0.025) + " – " + Stats.quantile(alpha, 0.975));
            assertEquals(0.3, Stats.quantile(alpha, 0.5), 0.12, "α's posterior median");
            assertTrue(Stats.quantile(alpha, 0.975) - Stats.quantile(alpha, 0.025) < 0.5, "α's posterior is narrower than its range");
            assertTrue(Stats.quantile(phi, 0.025) < 0.9 && Stats.quantile(phi, 0.975) > 0.9, "φ's 95% posterior interval holds the true 0.9");
            assertTrue(post.effectiveSampleSize() > 100, "effective sample size " + post.effectiveSampleSize());
        }
    }

    private static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) c[i] = rows[i][j];
        java.util.Arrays.sort(c);
        return c;
    }

    /** A series on which no parameters give finite one-step errors stops the fit with its reason, not with NaN paths. */
    @Test
    void aSeriesWithoutAFiniteFitFailsWithItsReason() {
        double[] y = series(7, 36);
        y[20] = Double.NaN;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new HoltDamped(true, 24, 24, "holt_damped_seasonal").fit(y, 12, 0));
        assertTrue(e.getMessage().startsWith("damped-trend smoothing"), e.getMessage());
    }
    /**
     * Nine years of a growing series whose seasonal peak moves eleven days earlier each year, as Ramadan and Lebaran do:
     * the posterior of α, β, γ, φ is narrow (γ is pinned near its bound), and the two-stage importance sample rested on
     * 5 – 57 effective points over six seeds (1,000 draws from a handful of parameter sets). Further stages around
     * the posterior so far, while the effective sample size is under 300, give 64 – 213.
     */
    @Test
    void aLongSeriesWithAMovingSeasonGetsARefinedPosterior() {
        for (long seed = 1; seed <= 6; seed++) {
            Well19937c r = new Well19937c(seed);
            double[] y = new double[108];
            for (int i = 0; i < y.length; i++) {
                double peak = (8.0 - 11.0 / 30.4 * i / 12) % 12;
                if (peak < 0) peak += 12;
                double dist = Math.min(Math.abs(i % 12 - peak), 12 - Math.abs(i % 12 - peak));
                y[i] = 23 + Math.log(1.2) * i / 12 + 0.3 * Math.exp(-dist * dist) + 0.02 * r.nextGaussian();
            }
            double ess = HoltDamped.Posterior.of(y, 12, true).effectiveSampleSize();
            assertTrue(ess >= 50, "seed " + seed + ": effective sample size " + ess);
        }
    }

    /**
     * Holt's linear trend (ETS(A,A,A)), the seasonal local linear trend: level, growth rate and seasons each move by a
     * part of every surprise, and nothing fades. Starts at 15% a year with seasons ±0.2, as the damped tests' series.
     */
    static double[] linearSeries(Well19937c rng, int len, double alpha, double beta, double gamma, double sigma) {
        double l = 12;
        double b = Math.log(1.15) / 12;
        double[] season = new double[12];
        for (int m = 0; m < 12; m++) season[m] = 0.2 * Math.sin(2 * Math.PI * m / 12.0);
        double[] y = new double[len];
        for (int t = 0; t < len; t++) {
            double e = sigma * rng.nextGaussian();
            double st = season[t % 12];
            y[t] = l + b + st + e;
            l = l + b + alpha * e;
            b = b + beta * e;
            season[t % 12] = st + gamma * e;
        }
        return y;
    }

    /**
     * The linear variant fixes φ at 1: its fit publishes φ 1 and a growth rate instead of a long-run growth, its point
     * forecast adds the final trend every month without fading (level + h·trend + season, by hand), and its posterior
     * is over α, β, γ alone (three unknowns, so it differs from the damped model's on the same series).
     */
    @Test
    void theLinearTrendDoesNotFade() {
        double[] y = linearSeries(new Well19937c(3), 36, 0.3, 0.02, 0.05, 0.05);
        HoltDamped linear = HoltDamped.linear(true, 24, 24, "holt_linear_seasonal");
        assertFalse(linear.damped());
        assertTrue(new HoltDamped(true, 24, 24, "holt_damped_seasonal").damped());
        Forecaster.Fit fit = linear.fit(y, 12, 0);
        java.util.Map<String, Double> p = fit.parameters();
        assertEquals(1.0, p.get("phi"));
        assertFalse(p.containsKey("long_run_growth_log"), "an undamped trend has no finite long-run growth");
        double level = p.get("final_level_log");
        double trend = p.get("final_trend_log");
        assertEquals((Math.exp(12 * trend) - 1) * 100, p.get("annual_growth_pct"), 1e-9);
        double[] f = fit.forecast(60);
        for (int h = 1; h <= 60; h++) {
            int month = (36 + h - 1) % 12;
            double season = p.get(String.format(java.util.Locale.ROOT, "season_%02d", month + 1));
            assertEquals(level + h * trend + season, f[h - 1], 1e-9, "h=" + h);
        }
        assertEquals(3, HoltDamped.dimension(true, false));
        assertEquals(4, HoltDamped.dimension(true, true));
        HoltDamped.Posterior post = HoltDamped.Posterior.of(y, 12, true, false);
        Well19937c rng = new Well19937c(1);
        for (int i = 0; i < 200; i++) assertEquals(1.0, post.draw(rng)[3], "every draw has φ 1");
        assertTrue(post.effectiveSampleSize() > 100, "effective sample size " + post.effectiveSampleSize());
    }

    /**
     * The linear model's intervals on its own process (α 0.3, β 0.02, γ 0.05, σ 0.05; 36 months, as the samples), 6, 24
     * and 60 months ahead. Measured on 200 series (400 paths): 85.5% / 98.5%, 81.0% / 98.5%, 77.5% / 99.5%; on these
     * 150 (300 paths; a binomial standard error of 3.3 points at 80%, 1.8 at 95%) 87.3% / 99.3%, 84.0% / 97.3%,
     * 80.0% / 98.7%. Not too narrow is
     * what the ensemble needs from it (it is there to carry a wandering growth rate), so each 80% figure must be at least
     * 75% and each 95% figure at least 90%; and no more than 90% at 80% (+10: 36 months cannot rule out a larger α or β,
     * and the posterior keeps them, as the damped model's does where its level moves little, docs/PROJECTION.md §5).
     */
    @Test
    void theLinearModelsIntervalsCoverItsOwnProcess() {
        int sims = 150;
        int[] steps = {6, 24, 60};
        int[] in = new int[2 * steps.length];
        HoltDamped linear = HoltDamped.linear(true, 24, 24, "holt_linear_seasonal");
        Well19937c data = new Well19937c(4242);
        for (int s = 0; s < sims; s++) {
            double[] all = linearSeries(data, 36 + 60, 0.3, 0.02, 0.05, 0.05);
            double[][] paths = linear.fit(java.util.Arrays.copyOf(all, 36), 12, 0).simulate(60, 300, new Well19937c(7000 + s));
            for (int k = 0; k < steps.length; k++) {
                double[] v = new double[paths.length];
                for (int j = 0; j < paths.length; j++) v[j] = paths[j][steps[k] - 1];
                double[] b = Stats.bands(v);
                double actual = all[36 + steps[k] - 1];
                if (actual >= b[1] && actual <= b[2]) in[2 * k]++;
                if (actual >= b[3] && actual <= b[4]) in[2 * k + 1]++;
            }
        }
        StringBuilder all = new StringBuilder("80% / 95% coverage");
        for (int k = 0; k < steps.length; k++) {
            all.append(String.format(java.util.Locale.ROOT, ", %d months: %.3f / %.3f", steps[k], in[2 * k] / (double) sims,
                    in[2 * k + 1] / (double) sims));
        }
        System.out.println("holt_linear_seasonal on its own process: " + all);
        for (int k = 0; k < steps.length; k++) {
            double c80 = in[2 * k] / (double) sims;
            assertTrue(c80 >= 0.75 && c80 <= 0.90, all.toString());
            assertTrue(in[2 * k + 1] / (double) sims >= 0.90, all.toString());
        }
    }
}
