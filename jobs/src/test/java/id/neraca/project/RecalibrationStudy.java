package id.neraca.project;

import id.neraca.project.model.Backtest;
import id.neraca.project.model.CagrScenario;
import id.neraca.project.model.Forecaster;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A study of a change not built (not a unit test: minutes of CPU; docs/PROJECTION.md §5 "Recalibrating the ensemble on
 * its own backtest"): would the ensemble's intervals cover at the nominal rate if their levels were recalibrated on the
 * backtest's own outcomes beyond a year? For each series of {@link EnsembleCoverageStudy} (same processes, seeds and
 * histories), the projection is run as published; then, at every backtest origin, each model the ensemble weights is
 * refitted on the training months and simulates paths in proportion to its published weight (600 in all), and each
 * outcome 13 months ahead and more gets its PIT in that mixture, u = |2·PIT − 1| (the central level an interval needs to
 * hold it). The recalibrated 80% (95%) interval is the ensemble's central interval at level L80 (L95), the 0.80 (0.95)
 * quantile of the series' u: wider where the backtest's outcomes fell outside, narrower where they fell well inside. A
 * level between the published 50%, 80% and 95% bounds is read off them piecewise linearly in the normal quantile of the
 * log value, beyond 95% by the 80–95% slope. Prints the published and the recalibrated coverage of the monthly value 24
 * months ahead and of the 2030 annual value, and the mean L80 and L95. Run:
 * {@code java -cp jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/classpath.txt) id.neraca.project.RecalibrationStudy PROCESS SERIES HISTORY}.
 */
public final class RecalibrationStudy {
    private RecalibrationStudy() {}

    static final int MIXTURE_PATHS = 600;
    static final NormalDistribution Z = new NormalDistribution();

    public static void main(String[] args) {
        String process = args[0];
        int sims = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        long t0 = System.nanoTime();
        int years = 5;
        int h = 12 * years;
        ProjectConfig cfg = new ProjectConfig(11L, 1000, 2035, null, null, new ProjectConfig.BacktestSection(null, null, null, null),
                null, new ProjectConfig.CoverageSection("factor", 1.0, null, null, null, null, 0.0), null, null)
                // as measured (before the Lebaran regressor); pits() fits by season index, without the calendar it needs
                .withHoliday(new ProjectConfig.HolidaySection(ProjectConfig.NO_HOLIDAY, null, null));
        int maxH = cfg.backtest().maxHorizonFor(n);
        int minTrain = cfg.backtest().minTrainMonths();
        Well19937c data = new Well19937c(process.hashCode());
        YearMonth start = EnsembleCoverageStudy.first(n);
        String m24 = start.plusMonths(n - 1 + 24L).toString();
        String year5 = String.valueOf(start.plusMonths(n - 1L).getYear() + years);
        int[] in = new int[8];
        double sumL80 = 0;
        double sumL95 = 0;
        int scored = 0;
        for (int s = 0; s < sims; s++) {
            double[] all = EnsembleCoverageStudy.series(process, data, n + h);
            double[] y = Arrays.copyOf(all, n);
            Projection.Result r = new Projection(cfg, Coverage.fixed(1.0, 0.0)).run(EnsembleCoverageStudy.input(all, n, start));
            Map<String, Double> weights = new LinkedHashMap<>();
            for (Projection.ModelRow mr : r.models()) {
                if (mr.frequency().equals("monthly") && "weight".equals(mr.parameter()) && mr.weight() > 0) weights.put(mr.model(), mr.weight());
            }
            double[] u = pits(cfg, y, weights, minTrain, maxH, 7919L * (s + 1));
            double l80 = u.length == 0 ? 0.8 : quantile(u, 0.80);
            double l95 = u.length == 0 ? 0.95 : Math.min(0.999, quantile(u, 0.95));
            if (u.length > 0) {
                sumL80 += l80;
                sumL95 += l95;
                scored++;
            }
            double v24 = Math.exp(all[n + 23]);
            double vy = 0;
            for (int i = 0; i < 12; i++) vy += Math.exp(all[n + 12 * (years - 1) + i]);
            int k = 0;
            for (Object[] c : new Object[][]{{"monthly", m24, v24}, {"annual", year5, vy}}) {
                Projection.SeriesRow row = row(r, (String) c[0], (String) c[1]);
                double v = (double) c[2];
                if (v >= row.lo80() && v <= row.hi80()) in[k]++;
                if (v >= row.lo95() && v <= row.hi95()) in[k + 1]++;
                double[] b80 = level(row, l80);
                double[] b95 = level(row, l95);
                if (v >= b80[0] && v <= b80[1]) in[k + 2]++;
                if (v >= b95[0] && v <= b95[1]) in[k + 3]++;
                k += 4;
            }
        }
        System.out.printf(Locale.ROOT, "%s series %d history %d months (backtest horizons %d, PITs from horizon 13) (%.0f s)%n", process, sims,
                n, maxH, (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "  mean L80 %.3f, mean L95 %.3f over %d series with outcomes beyond a year%n", sumL80 / Math.max(1, scored),
                sumL95 / Math.max(1, scored), scored);
        String[] labels = {"month 24", "2030"};
        for (int i = 0; i < 2; i++) {
            System.out.printf(Locale.ROOT, "  %-9s published 80%% %5.1f%% 95%% %5.1f%%   recalibrated 80%% %5.1f%% 95%% %5.1f%%%n", labels[i],
                    100.0 * in[4 * i] / sims, 100.0 * in[4 * i + 1] / sims, 100.0 * in[4 * i + 2] / sims, 100.0 * in[4 * i + 3] / sims);
        }
    }

    /** u = |2·PIT − 1| of every backtest outcome 13 months ahead and more in the weighted mixture of the models' paths. */
    static double[] pits(ProjectConfig cfg, double[] y, Map<String, Double> weights, int minTrain, int maxH, long seed) {
        if (maxH < 13) return new double[0];
        List<Forecaster> models = new ArrayList<>();
        for (Forecaster m : Projection.monthlyModels(cfg)) if (weights.containsKey(m.name())) models.add(m);
        // cagr_base simulates with its own backtest errors' spread, as in the projection
        for (Forecaster m : models) {
            if (m instanceof CagrScenario c) {
                c.withLogSd(Backtest.logSdByHorizon(Backtest.run(List.of(m), y, 12, 0, minTrain, maxH), m.name(), maxH, 2));
            }
        }
        List<Double> out = new ArrayList<>();
        int n = y.length;
        Well19937c rng = new Well19937c(seed);
        for (int o = minTrain; o < n; o++) {
            int hh = Math.min(maxH, n - o);
            if (hh < 13) break;
            double[] train = Arrays.copyOf(y, o);
            List<double[][]> sims = new ArrayList<>();
            for (Forecaster m : models) {
                if (m.unsupportedReason(o, 12) != null) continue;
                int paths = Math.max(1, (int) Math.round(weights.get(m.name()) * MIXTURE_PATHS));
                sims.add(m.fit(train, 12, 0).simulate(hh, paths, rng));
            }
            for (int i = 12; i < hh; i++) {
                int below = 0;
                int ties = 0;
                int total = 0;
                for (double[][] sim : sims) {
                    for (double[] path : sim) {
                        if (path[i] < y[o + i]) below++;
                        else if (path[i] == y[o + i]) ties++;
                        total++;
                    }
                }
                double pit = (below + 0.5 * ties + 0.5) / (total + 1.0);
                out.add(Math.abs(2 * pit - 1));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The central interval at level {@code l} read off a published row's median, 80% and 95% bounds (see the class comment). */
    static double[] level(Projection.SeriesRow row, double l) {
        double z = Z.inverseCumulativeProbability((1 + l) / 2);
        double z80 = Z.inverseCumulativeProbability(0.90);
        double z95 = Z.inverseCumulativeProbability(0.975);
        double med = Math.log(row.value());
        return new double[]{Math.exp(side(z, z80, z95, med, Math.log(row.lo80()), Math.log(row.lo95()))),
                Math.exp(side(z, z80, z95, med, Math.log(row.hi80()), Math.log(row.hi95())))};
    }

    private static double side(double z, double z80, double z95, double med, double b80, double b95) {
        if (z <= z80) return med + (b80 - med) * z / z80;
        return b80 + (b95 - b80) * (z - z80) / (z95 - z80);
    }

    private static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return id.neraca.project.model.Stats.quantile(s, q);
    }

    private static Projection.SeriesRow row(Projection.Result r, String frequency, String period) {
        for (Projection.SeriesRow x : r.series()) {
            if (x.series().equals(Projection.TOTAL) && x.model().equals(Projection.ENSEMBLE) && x.frequency().equals(frequency)
                    && x.period().equals(period) && x.lo80() != null) {
                return x;
            }
        }
        throw new IllegalStateException("no ensemble row for " + frequency + " " + period);
    }
}
