package id.neraca.project;

import org.apache.commons.math3.random.Well19937c;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sweep over history lengths (not a unit test: a minute or two of CPU). For each process of
 * {@link EnsembleCoverageStudy#series} named on the command line, one seeded series of 60 months from January 2021 is
 * projected from its first N months, N = 24 … 60, through {@link Projection#run} with the coverage factor fixed; prints
 * per N the width of the 2030 95% interval (upper / lower end) of the ensemble and of Holt, and Holt's fitted α, β, γ,
 * φ and weight. A month's new data should move a published interval a little, not by a factor of a hundred: before 1 Dec
 * 2026 Holt's least-squares fit put α at 0.0001 with β 0.13 – 0.22 at 4 of the 37 lengths of the wandering-level series
 * and its 2030 interval spanned ×1,668 – ×17,722 there (docs/PROJECTION.md §5, "How Holt's intervals get their
 * parameter uncertainty"). Run:
 * {@code java -cp jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/classpath.txt) id.neraca.project.HoltSweepStudy [PROCESS ...]}
 * (default {@code trend holt0.3}).
 */
public final class HoltSweepStudy {
    private HoltSweepStudy() {}

    static final YearMonth FIRST = YearMonth.of(2021, 1);

    public static void main(String[] args) {
        String[] processes = args.length == 0 ? new String[]{"trend", "holt0.3"} : args;
        ProjectConfig cfg = new ProjectConfig(11L, 1000, 2035, null, null, null, null,
                new ProjectConfig.CoverageSection("factor", 1.0, null, null, null, null, 0.0), null, null);
        for (String process : processes) {
            double[] all = EnsembleCoverageStudy.series(process, new Well19937c(process.hashCode()), 60);
            int wide = 0;
            double maxWidth = 0;
            List<Double> widths = new ArrayList<>();
            for (int n = 24; n <= 60; n++) {
                Projection.Result r = new Projection(cfg, Coverage.fixed(1.0, 0.0)).run(EnsembleCoverageStudy.input(all, n, FIRST));
                double ens = width(r, Projection.ENSEMBLE);
                double holt = width(r, "holt_damped_seasonal");
                widths.add(ens);
                if (ens > 300) wide++;
                maxWidth = Math.max(maxWidth, ens);
                System.out.printf(Locale.ROOT, "%-8s n=%2d  ensemble 2030 95%% x%9.1f  holt x%12.1f  holt weight %.2f  %s%n", process, n,
                        ens, holt, weight(r, "holt_damped_seasonal"), holtParameters(r));
            }
            widths.sort(null);
            System.out.printf(Locale.ROOT, "%-8s %d lengths: ensemble 2030 95%% width median x%.1f, max x%.1f, %d wider than x300%n", process,
                    widths.size(), widths.get(widths.size() / 2), maxWidth, wide);
        }
    }

    /** Upper over lower end of a model's 95% interval of the 2030 annual total (NaN when the model has none). */
    static double width(Projection.Result r, String model) {
        for (Projection.SeriesRow x : r.series()) {
            if (x.series().equals(Projection.TOTAL) && x.model().equals(model) && x.frequency().equals("annual")
                    && x.period().equals("2030") && x.lo95() != null) {
                return x.hi95() / x.lo95();
            }
        }
        return Double.NaN;
    }

    static double weight(Projection.Result r, String model) {
        for (Projection.ModelRow m : r.models()) {
            if (m.model().equals(model) && m.series().equals(Projection.TOTAL) && m.frequency().equals("monthly")) return m.weight();
        }
        return Double.NaN;
    }

    static String holtParameters(Projection.Result r) {
        StringBuilder b = new StringBuilder();
        for (Projection.ModelRow m : r.models()) {
            if (m.model().equals("holt_damped_seasonal") && m.series().equals(Projection.TOTAL) && m.frequency().equals("monthly")
                    && m.parameter() != null && List.of("alpha", "beta", "gamma", "phi").contains(m.parameter())) {
                b.append(String.format(Locale.ROOT, "%s %.4f ", m.parameter(), m.value()));
            }
        }
        return b.toString().trim();
    }
}
