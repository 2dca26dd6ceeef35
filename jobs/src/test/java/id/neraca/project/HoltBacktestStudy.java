package id.neraca.project;

import org.apache.commons.math3.random.Well19937c;

import java.time.YearMonth;
import java.util.Locale;

/**
 * Holt's point forecasts in the backtest (not a unit test: a minute of CPU): for each process of
 * {@link EnsembleCoverageStudy#series}, SERIES seeded series of 36 months are projected through {@link Projection#run}
 * with the coverage factor fixed; prints Holt's mean backtest MASE, its mean ratio to the log-linear model's and its
 * mean ensemble weight. Measured the restricted-likelihood fit against the least-squares one it replaced
 * (docs/PROJECTION.md §5). Run:
 * {@code java -cp jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/classpath.txt) id.neraca.project.HoltBacktestStudy SERIES}
 */
public final class HoltBacktestStudy {
    private HoltBacktestStudy() {}

    public static void main(String[] args) {
        int sims = Integer.parseInt(args[0]);
        ProjectConfig cfg = new ProjectConfig(11L, 200, 2035, null, null, null, null,
                new ProjectConfig.CoverageSection("factor", 1.0, null, null, null, null, 0.0), null, null);
        for (String process : new String[]{"holt0.3", "holt0.1", "trend", "ar0.6"}) {
            Well19937c rng = new Well19937c(process.hashCode() + 17);
            double mase = 0;
            double weight = 0;
            double relative = 0;
            int k = 0;
            for (int s = 0; s < sims; s++) {
                double[] all = EnsembleCoverageStudy.series(process, rng, 36);
                Projection.Result r = new Projection(cfg, Coverage.fixed(1.0, 0.0))
                        .run(EnsembleCoverageStudy.input(all, 36, YearMonth.of(2023, 1)));
                Double holt = null;
                Double loglinear = null;
                double w = 0;
                for (Projection.ModelRow m : r.models()) {
                    if (!m.series().equals(Projection.TOTAL) || !m.frequency().equals("monthly")) continue;
                    if (m.model().equals("holt_damped_seasonal")) {
                        holt = m.mase();
                        w = m.weight();
                    }
                    if (m.model().equals("loglinear_seasonal")) loglinear = m.mase();
                }
                if (holt != null && loglinear != null) {
                    mase += holt;
                    weight += w;
                    relative += holt / loglinear;
                    k++;
                }
            }
            System.out.printf(Locale.ROOT, "%-8s Holt's backtest MASE mean %.3f, relative to the log-linear model's %.3f, weight %.3f (%d series)%n",
                    process, mase / k, relative / k, weight / k, k);
        }
    }
}
