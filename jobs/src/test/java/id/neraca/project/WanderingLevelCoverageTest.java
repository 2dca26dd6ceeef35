package id.neraca.project;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published ensemble's intervals where the level and the growth rate wander (docs/PROJECTION.md §5, "How well the
 * intervals cover"): the check that would have caught the under-coverage measured there. 90 series each of a random walk
 * with drift ({@code rwdrift}) and of a local linear trend whose growth rate wanders ({@code llt}), 36 months of history
 * as the samples (the first 90 of {@link DgpCoverageStudy}'s 200 of each), run through {@link Projection#run} as the stage
 * runs it (200 paths, to keep the test near 25 s on two shared cores; the coverage factor fixed), checked against the true 2030 annual
 * value.
 *
 * <p>Thresholds, from binomial error. On DgpCoverageStudy's 400 series (1,000 paths) the ensemble's 2030 95% interval
 * held 92.3% of them with Holt's linear trend among the candidates and 86.3% without it; its 80% interval 72.5% and
 * 67.0%. On 180 series a coverage near 92% has a binomial standard error of 2.0 points, one near 72% 3.3 points. The 95%
 * interval must hold at least 88% (two standard errors under 92.3%). That is only 0.7 of a standard error over the old
 * ensemble's 86.3%, so a test of this size fails an ensemble as short as the old one about three times in four, not
 * always; on these seeds the old one holds 86.1% (155 of 180) and fails, the new one 92.2% (166). The 80% interval must
 * hold at least 62.5% (three standard errors under 72.5%): a guard against a gross regression only, which cannot tell the
 * two apart (old 63.9%, new 67.8% here). A failure is a reason to rerun DgpCoverageStudy on 200 series, not proof.
 */
class WanderingLevelCoverageTest {
    static final int SERIES = 90;
    static final int HISTORY = 36;
    static final int PATHS = 200;

    @Test
    void theEnsemblesIntervalsHoldAWanderingLevelNearTheNominalRate() {
        int[] in = new int[2];
        int total = 0;
        StringBuilder each = new StringBuilder();
        for (String process : List.of("rwdrift", "llt")) {
            int[] c = coverage(process, SERIES);
            in[0] += c[0];
            in[1] += c[1];
            total += SERIES;
            each.append(String.format(Locale.ROOT, "%s %d / %d and %d / %d; ", process, c[0], SERIES, c[1], SERIES));
        }
        double c80 = in[0] / (double) total;
        double c95 = in[1] / (double) total;
        String what = String.format(Locale.ROOT, "2030 annual value inside the ensemble's 80%% interval in %.1f%% of %d series, its 95%% "
                + "interval in %.1f%% (%s80%% then 95%%)", 100 * c80, total, 100 * c95, each);
        System.out.println(what);
        assertTrue(c95 >= 0.88, what);
        assertTrue(c80 >= 0.625, what);
    }

    /** How many of the first {@code sims} series of {@code process} have their 2030 value inside the 80% and the 95% interval. */
    static int[] coverage(String process, int sims) {
        YearMonth start = EnsembleCoverageStudy.first(HISTORY);
        ProjectConfig cfg = DgpCoverageStudy.config(PATHS);
        Well19937c data = DgpCoverageStudy.dataStream(process, HISTORY);
        int[] in = new int[2];
        for (int s = 0; s < sims; s++) {
            double[] all = DgpCoverageStudy.series(process, data, HISTORY + 60, HISTORY);
            Projection.Result r = new Projection(cfg, Coverage.fixed(1.0, 0.0)).run(EnsembleCoverageStudy.input(all, HISTORY, start));
            double truth = Math.exp(DgpCoverageStudy.truth(all, HISTORY)[DgpCoverageStudy.STEPS.length]);
            Projection.SeriesRow row = r.series().stream().filter(x -> x.series().equals(Projection.TOTAL)
                    && x.model().equals(Projection.ENSEMBLE) && x.frequency().equals("annual") && x.period().equals("2030"))
                    .findFirst().orElseThrow();
            if (truth >= row.lo80() && truth <= row.hi80()) in[0]++;
            if (truth >= row.lo95() && truth <= row.hi95()) in[1]++;
        }
        return in;
    }
}
