package id.neraca.project;

import id.neraca.project.model.Backtest;
import id.neraca.project.model.CagrScenario;
import id.neraca.project.model.DriftSeasonal;
import id.neraca.project.model.Forecaster;
import id.neraca.project.model.HoltDamped;
import id.neraca.project.model.LogLinearSeasonal;
import id.neraca.project.model.SeasonalNaive;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The backtests and the simulation run their independent parts side by side (origins, models): the results must be
 * those of one part after the other, bit for bit and in the same order, so a run's projection does not depend on the
 * machine's cores. The references below are the sequential loops the parallel code replaced.
 */
class ParallelProjectionTest {

    /** 48 months: trend, seasonality and seeded noise, in logs. */
    private static double[] history() {
        RandomGenerator r = new Well19937c(20261201);
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) {
            y[t] = Math.log(1e9) + 0.015 * t + 0.1 * Math.sin(2 * Math.PI * t / 12) + 0.05 * r.nextGaussian();
        }
        return y;
    }

    private static List<Forecaster> models() {
        CagrScenario base = new CagrScenario("cagr_base", 12);
        base.withLogSd(new double[]{0.05, 0.06, 0.07, 0.08, 0.09, 0.10, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16});
        return List.of(base, new LogLinearSeasonal(true, 24, "loglinear_seasonal").withAr1Errors(),
                new HoltDamped(true, 24, 24, "holt_damped_seasonal"), new DriftSeasonal(true, 24, "drift", false),
                new SeasonalNaive());
    }

    @Test
    void pointBacktestEqualsOneOriginAfterTheOther() {
        double[] y = history();
        List<Forecaster> models = models();
        List<Backtest.Error> expected = new ArrayList<>();
        double[] v = new double[y.length];
        for (int i = 0; i < y.length; i++) v[i] = Math.exp(y[i]);
        for (int o = 24; o < y.length; o++) {
            double[] train = java.util.Arrays.copyOf(y, o);
            double scale = SeasonalNaive.scale(java.util.Arrays.copyOf(v, o), 12);
            int h = Math.min(12, y.length - o);
            for (Forecaster m : models) {
                if (m.unsupportedReason(o, 12) != null) continue;
                double[] f = m.fit(train, 12, 0).forecast(h);
                for (int i = 0; i < h; i++) {
                    double abs = Math.abs(Math.exp(f[i]) - v[o + i]);
                    expected.add(new Backtest.Error(m.name(), i + 1, o, abs / v[o + i], scale > 0 ? abs / scale : Double.NaN,
                            y[o + i] - f[i]));
                }
            }
        }
        List<Backtest.Error> got = Backtest.run(models, y, 12, 0, 24, 12);
        assertFalse(expected.isEmpty());
        assertEquals(expected, got);
        assertEquals(List.of(), Backtest.run(models, java.util.Arrays.copyOf(y, 20), 12, 0, 24, 12), "no origin: no error");
    }

    @Test
    void distributionBacktestEqualsOneOriginAfterTheOtherWithEachModelsStream() {
        double[] y = history();
        List<Forecaster> models = models().subList(0, 4);
        int paths = 200;
        long seed = 99;
        List<Backtest.Scored> expected = new ArrayList<>();
        List<RandomGenerator> rngs = new ArrayList<>();
        for (int k = 0; k < models.size(); k++) rngs.add(new Well19937c(seed + 104_729L * (k + 1)));
        for (int o = 30; o < y.length; o++) {
            double[] train = java.util.Arrays.copyOf(y, o);
            int h = Math.min(6, y.length - o);
            for (int k = 0; k < models.size(); k++) {
                Forecaster m = models.get(k);
                if (m.unsupportedReason(o, 12) != null) continue;
                double[][] sim = m.fit(train, 12, 0).simulate(h, paths, rngs.get(k));
                for (int i = 0; i < h; i++) {
                    double[] sorted = new double[paths];
                    for (int p = 0; p < paths; p++) sorted[p] = sim[p][i];
                    java.util.Arrays.sort(sorted);
                    double a = y[o + i];
                    double c = Backtest.crps(sorted, a);
                    boolean in80 = a >= id.neraca.project.model.Stats.quantile(sorted, 0.10)
                            && a <= id.neraca.project.model.Stats.quantile(sorted, 0.90);
                    boolean in95 = a >= id.neraca.project.model.Stats.quantile(sorted, 0.025)
                            && a <= id.neraca.project.model.Stats.quantile(sorted, 0.975);
                    expected.add(new Backtest.Scored(m.name(), i + 1, o, c, in80, in95));
                }
            }
        }
        assertEquals(expected, Backtest.runDistributions(models, y, 12, 0, 30, 6, paths, seed));
    }

    @Test
    void simulatedPathsEqualOneModelAfterTheOther() {
        double[] y = history();
        List<Projection.ModelState> states = new ArrayList<>();
        for (Forecaster m : models()) {
            states.add(new Projection.ModelState(m, "monthly", null, null, null, true, 1, m.fit(y, 12, 0), null));
        }
        // a model without a fit keeps its place in the seeds
        states.add(2, new Projection.ModelState(new CagrScenario("cagr_low", 5), "monthly", "not fitted", null, null, false, 0,
                null, null));
        Map<String, double[][]> expected = new LinkedHashMap<>();
        for (int k = 0; k < states.size(); k++) {
            Projection.ModelState s = states.get(k);
            if (s.fit() == null) continue;
            expected.put(s.model().name(), s.fit().simulate(30, 300, new Well19937c(7L + 7919L * (k + 1))));
        }
        Map<String, double[][]> got = Projection.simulateModels(states, 30, 300, 7L);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(got.keySet()), "the models, in order");
        for (String m : expected.keySet()) {
            double[][] a = expected.get(m);
            double[][] b = got.get(m);
            assertEquals(a.length, b.length);
            for (int p = 0; p < a.length; p++) assertArrayEquals(a[p], b[p], 0.0, m + " path " + p);
        }
    }
}
