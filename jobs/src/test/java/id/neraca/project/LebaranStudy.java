package id.neraca.project;

import id.neraca.project.model.Backtest;
import id.neraca.project.model.DriftSeasonal;
import id.neraca.project.model.Forecaster;
import id.neraca.project.model.LebaranCalendar;
import id.neraca.project.model.LogLinearSeasonal;
import id.neraca.project.model.SeasonalNaive;
import id.neraca.project.model.Stats;
import org.apache.commons.math3.random.Well19937c;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Lebaran regressor measured (not a unit test; docs/PROJECTION.md §3 "Lebaran"). Two parts:
 * <ol>
 *   <li>{@code dgp SERIES}: interval coverage of the log-linear (AR(1)) and drift models with and without the regressor,
 *   6 and 24 months ahead, on SERIES seeded series of 48 months (from 2021-01) of {@link LebaranEffectTest#series}'s
 *   process (β 0.25, AR(1) noise ρ 0.3, σ 0.03);</li>
 *   <li>{@code out DIR...}: each output folder's observed national monthly series (projection/series.csv) backtested as
 *   the projection does (min_train_months 24, max_horizon_months auto): MAPE, MASE and the share of outcomes inside the
 *   simulated 80% and 95% intervals (300 paths), per model, without the regressor and with 14- and 30-day windows.</li>
 * </ol>
 * Run: {@code java -cp jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/classpath.txt) id.neraca.project.LebaranStudy dgp 200}
 */
public final class LebaranStudy {
    private LebaranStudy() {}

    static List<Forecaster> models(LebaranCalendar cal, String suffix) {
        return List.of(new LogLinearSeasonal(true, 24, "loglinear" + suffix).withAr1Errors().withHoliday(cal),
                new DriftSeasonal(true, 24, "drift" + suffix, false).withHoliday(cal));
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("dgp")) dgp(Integer.parseInt(args[1]));
        else for (int i = 1; i < args.length; i++) out(Path.of(args[i]));
    }

    static void dgp(int sims) {
        YearMonth first = YearMonth.of(2021, 1);
        int n = 48;
        List<Forecaster> all = new ArrayList<>(models(null, "_none"));
        all.addAll(models(new LebaranCalendar(14, 0), "_leb14"));
        int[][] in = new int[all.size()][4];
        for (int s = 0; s < sims; s++) {
            double[] y = LebaranEffectTest.series(first, n + 24, 0.25, 1000 + s);
            double[] train = java.util.Arrays.copyOf(y, n);
            for (int k = 0; k < all.size(); k++) {
                double[][] sim = all.get(k).fit(train, 12, first).simulate(24, 1000, new Well19937c(s * 31L + k));
                int c = 0;
                for (int h : new int[]{6, 24}) {
                    double[] v = new double[sim.length];
                    for (int p = 0; p < sim.length; p++) v[p] = sim[p][h - 1];
                    java.util.Arrays.sort(v);
                    double a = y[n + h - 1];
                    if (a >= Stats.quantile(v, 0.10) && a <= Stats.quantile(v, 0.90)) in[k][c]++;
                    if (a >= Stats.quantile(v, 0.025) && a <= Stats.quantile(v, 0.975)) in[k][c + 1]++;
                    c += 2;
                }
            }
        }
        for (int k = 0; k < all.size(); k++) {
            System.out.printf(Locale.ROOT, "%-16s 6 months 80%% %.1f%% 95%% %.1f%%   24 months 80%% %.1f%% 95%% %.1f%%%n",
                    all.get(k).name(), 100.0 * in[k][0] / sims, 100.0 * in[k][1] / sims, 100.0 * in[k][2] / sims,
                    100.0 * in[k][3] / sims);
        }
    }

    static void out(Path dir) throws Exception {
        List<YearMonth> months = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("projection/series.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals("total_gmv") && f[1].equals("observed") && f[9].equals("monthly")) {
                months.add(YearMonth.parse(f[2]));
                values.add(Math.log(Double.parseDouble(f[4])));
            }
        }
        double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
        int n = y.length;
        int maxH = ProjectConfig.defaults().backtest().maxHorizonFor(n);
        List<Forecaster> all = new ArrayList<>(models(null, "_none"));
        all.addAll(models(new LebaranCalendar(14, 0), "_leb14"));
        all.addAll(models(new LebaranCalendar(30, 0), "_leb30"));
        List<Forecaster> withNaive = new ArrayList<>(all);
        withNaive.add(new SeasonalNaive());
        Map<String, Backtest.Coverage> cov = Backtest.coverage(
                Backtest.runDistributions(all, y, months.get(0), 24, maxH, 300, 20300101L), 1);
        Map<String, Backtest.Coverage> covLong = Backtest.coverage(
                Backtest.runDistributions(all, y, months.get(0), 24, maxH, 300, 20300101L), 13);
        System.out.printf(Locale.ROOT, "%s: %d months from %s, horizons 1..%d%n", dir, n, months.get(0), maxH);
        for (Backtest.Score s : Backtest.score(Backtest.run(withNaive, y, months.get(0), 24, maxH))) {
            if (s.horizon() != 0) continue;
            Backtest.Coverage c = cov.get(s.model());
            Backtest.Coverage cl = covLong.get(s.model());
            System.out.printf(Locale.ROOT, "  %-16s MAPE %5.2f%%  MASE %.3f  RMS log %.4f%s%s%n", s.model(), 100 * s.mape(), s.mase(),
                    s.rmsLogError(), c == null ? "" : String.format(Locale.ROOT, "  in80 %.1f%% in95 %.1f%% (%d)", 100 * c.in80(),
                            100 * c.in95(), c.outcomes()),
                    cl == null ? "" : String.format(Locale.ROOT, "  beyond a year: in80 %.1f%% in95 %.1f%% (%d)", 100 * cl.in80(),
                            100 * cl.in95(), cl.outcomes()));
        }
    }
}
