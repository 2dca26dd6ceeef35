package id.neraca.project.model;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The drift model of the coverage study (measured and not adopted, docs/PROJECTION.md §5) on its own process: it
 * recovers the drift and θ and its intervals cover at the nominal rate, so its under-coverage on the wandering-level
 * series is the process's (a trend that fades), not an error in the model. Pure Java, no Spark.
 */
class DriftSeasonalTest {
    static final double DRIFT_PER_YEAR = Math.log(1.15);

    /** ARIMA(0,1,1) with a seasonal drift: Δy_t = μ + s_m − s_(m−1) + u_t + θ·u_(t−1), s = 0.2·sin, starting in January. */
    static double[] arima011(Well19937c rng, int len, double theta, double sigma) {
        double[] y = new double[len];
        double uPrev = sigma * rng.nextGaussian();
        y[0] = Math.log(1e11) + 0.2 * Math.sin(0);
        for (int t = 1; t < len; t++) {
            double u = sigma * rng.nextGaussian();
            double change = DRIFT_PER_YEAR / 12 + 0.2 * (Math.sin(2 * Math.PI * t / 12.0) - Math.sin(2 * Math.PI * (t - 1) / 12.0));
            y[t] = y[t - 1] + change + u + theta * uPrev;
            uPrev = u;
        }
        return y;
    }

    @Test
    void recoversTheDriftAndThetaFromTenYears() {
        for (double theta : new double[]{-0.6, 0.0, 0.4}) {
            double drift = 0;
            double th = 0;
            int reps = 20;
            for (int r = 0; r < reps; r++) {
                double[] y = arima011(new Well19937c(100 + r), 120, theta, 0.03);
                Map<String, Double> p = new DriftSeasonal(true, 24, "drift", false).fit(y, 12, 0).parameters();
                drift += p.get("drift_per_year_log") / reps;
                th += p.get("ma1_theta") / reps;
                assertTrue(p.get("ma1_theta_lo95") <= p.get("ma1_theta") && p.get("ma1_theta") <= p.get("ma1_theta_hi95"));
            }
            assertEquals(DRIFT_PER_YEAR, drift, 0.02, "mean drift at θ " + theta);
            assertEquals(theta, th, 0.12, "mean θ̂ at θ " + theta);
        }
    }

    @Test
    void anExactSeasonalDriftIsContinuedExactly() {
        double[] y = new double[36];
        for (int t = 0; t < 36; t++) y[t] = Math.log(1e11) + t * DRIFT_PER_YEAR / 12 + 0.2 * Math.sin(2 * Math.PI * t / 12.0);
        Forecaster.Fit fit = new DriftSeasonal(true, 24, "drift", true).fit(y, 12, 0);
        double[] f = fit.forecast(24);
        for (int h = 1; h <= 24; h++) {
            double t = 35 + h;
            assertEquals(Math.log(1e11) + t * DRIFT_PER_YEAR / 12 + 0.2 * Math.sin(2 * Math.PI * t / 12.0), f[h - 1], 1e-9, "h=" + h);
        }
        assertEquals(15.0, fit.parameters().get("annual_growth_pct"), 1e-9);
    }

    /**
     * The filter, the GLS fit and the last shock against a brute-force computation: at the fitted θ, with Σ the MA(1)
     * covariance of the differences (1 + θ² on the diagonal, θ beside it), ĉ = (X'Σ⁻¹X)⁻¹X'Σ⁻¹Δy and the last shock's
     * mean E[u_n | Δy] = e_last'Σ⁻¹(Δy − Xĉ) (u_n enters only the last difference, with weight 1); the forecast is
     * y_n + ĉ + θ·û_n one month ahead and adds ĉ of each month after. The paths' median one month ahead is that forecast.
     */
    @Test
    void forecastsFromTheGlsChangesAndTheLastShockItsFilterGives() {
        double[] y = arima011(new Well19937c(31), 40, -0.7, 0.04);
        Forecaster.Fit fit = new DriftSeasonal(true, 24, "drift", false).fit(y, 12, 0);
        double th = fit.parameters().get("ma1_theta");
        assertTrue(th < -0.3, "θ̂ " + th);
        int m = y.length - 1;
        RealMatrix sigma = new Array2DRowRealMatrix(m, m);
        RealMatrix x = new Array2DRowRealMatrix(m, 12);
        RealVector dy = new ArrayRealVector(m);
        for (int t = 0; t < m; t++) {
            sigma.setEntry(t, t, 1 + th * th);
            if (t > 0) {
                sigma.setEntry(t, t - 1, th);
                sigma.setEntry(t - 1, t, th);
            }
            x.setEntry(t, (t + 1) % 12, 1);
            dy.setEntry(t, y[t + 1] - y[t]);
        }
        RealMatrix si = new LUDecomposition(sigma).getSolver().getInverse();
        RealMatrix xtsi = x.transpose().multiply(si);
        RealVector c = new LUDecomposition(xtsi.multiply(x)).getSolver().solve(xtsi.operate(dy));
        double lastShock = si.operate(dy.subtract(x.operate(c))).getEntry(m - 1);
        double[] f = fit.forecast(3);
        double expected = y[m] + c.getEntry(40 % 12) + th * lastShock;
        assertEquals(expected, f[0], 1e-9, "one month ahead");
        assertEquals(expected + c.getEntry(41 % 12), f[1], 1e-9, "two months ahead");
        assertEquals(expected + c.getEntry(41 % 12) + c.getEntry(42 % 12), f[2], 1e-9, "three months ahead");
        double[][] paths = fit.simulate(1, 20_000, new Well19937c(5));
        double[] first = new double[paths.length];
        for (int j = 0; j < paths.length; j++) first[j] = paths[j][0];
        // the paths draw θ from its posterior, so their median is near the forecast at θ̂, not on it; without the last shock
        // (the shock term dropped) it would be |θ̂·û_n| away
        double median = Stats.bands(first)[0];
        double withoutShock = f[0] - th * lastShock;
        assertTrue(Math.abs(th * lastShock) > 0.02, "a last shock that matters here: " + th * lastShock);
        assertEquals(f[0], median, 0.01, "the paths' median one month ahead (σ 0.04)");
        assertTrue(Math.abs(median - f[0]) < Math.abs(median - withoutShock) / 3, "median " + median + ", forecast " + f[0]
                + ", forecast without the last shock " + withoutShock);
    }

    /** Share of series whose value h months ahead is inside the simulated 80% and 95% intervals, θ estimated. */
    @Test
    void intervalsCoverAtTheNominalRateOnItsOwnProcess() {
        int sims = 300;
        int[] in = new int[4];
        for (int s = 0; s < sims; s++) {
            Well19937c data = new Well19937c(7_000 + s);
            double[] all = arima011(data, 36 + 24, -0.4, 0.04);
            double[] y = java.util.Arrays.copyOf(all, 36);
            double[][] paths = new DriftSeasonal(true, 24, "drift", false).fit(y, 12, 0).simulate(24, 400, new Well19937c(s));
            int k = 0;
            for (int h : new int[]{6, 24}) {
                double[] v = new double[paths.length];
                for (int j = 0; j < paths.length; j++) v[j] = paths[j][h - 1];
                double[] b = Stats.bands(v);
                double actual = all[35 + h];
                if (actual >= b[1] && actual <= b[2]) in[k]++;
                if (actual >= b[3] && actual <= b[4]) in[k + 1]++;
                k += 2;
            }
        }
        assertEquals(0.80, in[0] / (double) sims, 0.05, "80% at 6 months");
        assertEquals(0.95, in[1] / (double) sims, 0.05, "95% at 6 months");
        assertEquals(0.80, in[2] / (double) sims, 0.05, "80% at 24 months");
        assertEquals(0.95, in[3] / (double) sims, 0.05, "95% at 24 months");
    }
}
