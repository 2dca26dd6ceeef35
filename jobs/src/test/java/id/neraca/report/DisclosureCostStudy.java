package id.neraca.report;

import id.neraca.report.Disclosure.Cell;
import id.neraca.report.Disclosure.Status;

import java.util.Random;

/**
 * What the interval audit costs and changes on a province-sized table (not a unit test; prints figures): seeded
 * random 38 × 5 tables with their totals ({@link IntervalAuditTest#randomInner}: 15% of the cells empty, the others from
 * Rp10³ to Rp10⁹, log-uniform, with 1 to 6 sellers and a top seller holding 30 – 100% of each), protected without and
 * with the interval audit. For each:
 * the failing cells, the complements each way, the time, and how many failing cells the exact pattern alone left
 * closer than their protection level.
 *
 * <p>{@code java -cp jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/classpath.txt) id.neraca.report.DisclosureCostStudy [TABLES]}
 */
public final class DisclosureCostStudy {
    private DisclosureCostStudy() {}

    public static void main(String[] args) {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Disclosure.Rules exactOnly = new Disclosure.Rules(3, 0.85, 0);
        Disclosure.Rules rules = new Disclosure.Rules(3, 0.85, 0.10);
        System.out.println("seed\tfailing\tcomplements_exact\tms_exact\tfailing_too_close_exact\tcomplements_audited\tcomplement_gmv_audited_pct\tms_audited");
        for (long seed = 1; seed <= tables; seed++) {
            Cell[][] g = DisclosureTest.withTotals(IntervalAuditTest.randomInner(new Random(seed), 38, 5));
            long t0 = System.nanoTime();
            Status[][] exact = Disclosure.protect(g, exactOnly);
            long t1 = System.nanoTime();
            Status[][] audited = Disclosure.protect(g, rules);
            long t2 = System.nanoTime();
            Cell[] cells = flat(g);
            Status[] flatExact = flat(exact);
            var lines = Disclosure.gridLines(g.length, g[0].length);
            int failing = 0, tooClose = 0;
            for (int i = 0; i < cells.length; i++) {
                if (flatExact[i] != Status.PRIMARY) continue;
                failing++;
                if (!Disclosure.intervalProtected(cells, lines, flatExact, i, rules.protection(cells[i]))) tooClose++;
            }
            // the GMV of the complements (totals included) as a share of all entries' GMV: what the reader loses
            Status[] flatAudited = flat(audited);
            double lost = 0, all = 0;
            for (int i = 0; i < cells.length; i++) {
                all += cells[i].gmv().doubleValue();
                if (flatAudited[i] == Status.SECONDARY) lost += cells[i].gmv().doubleValue();
            }
            System.out.printf("%d\t%d\t%d\t%.0f\t%d\t%d\t%.1f\t%.0f%n", seed, failing, count(flatExact, Status.SECONDARY),
                    (t1 - t0) / 1e6, tooClose, count(flatAudited, Status.SECONDARY), 100 * lost / all, (t2 - t1) / 1e6);
        }
    }

    private static Cell[] flat(Cell[][] g) {
        return java.util.Arrays.stream(g).flatMap(java.util.Arrays::stream).toArray(Cell[]::new);
    }

    private static Status[] flat(Status[][] s) {
        return java.util.Arrays.stream(s).flatMap(java.util.Arrays::stream).toArray(Status[]::new);
    }

    private static long count(Status[] st, Status s) {
        return java.util.Arrays.stream(st).filter(x -> x == s).count();
    }
}
