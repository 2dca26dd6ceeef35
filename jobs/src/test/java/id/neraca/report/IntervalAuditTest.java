package id.neraca.report;

import id.neraca.report.Disclosure.Cell;
import id.neraca.report.Disclosure.Rules;
import id.neraca.report.Disclosure.Status;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interval disclosure: how closely the published figures bound a withheld cell, and the complements that widen it.
 */
class IntervalAuditTest {
    /** The default rules: 3 sellers, 85% dominance, 10% protection. */
    private static final Rules RULES = new Rules(3, 0.85, 0.10);
    /** The same without the interval audit (only exact disclosure is prevented). */
    private static final Rules EXACT_ONLY = new Rules(3, 0.85, 0);

    private static Cell cell(long gmv, long sellers, long top) {
        return gmv == 0 ? Cell.EMPTY : new Cell(BigDecimal.valueOf(gmv), sellers, BigDecimal.valueOf(top));
    }

    /**
     * One seller's Rp10 juta beside small cells: the smallest complements are Rp50.000 (row 0), Rp40.000 (column
     * A) and Rp60.000 (closing the rectangle).
     * <pre>
     *               A            B            C     | total
     *   r0    10,000,000*      50,000    5,000,000  | 15,050,000
     *   r1        40,000       60,000    4,000,000  |  4,100,000
     *   r2     3,000,000    2,000,000    1,000,000  |  6,000,000
     *   total 13,040,000    2,110,000   10,000,000  | 25,150,000
     * </pre>
     */
    private static Cell[][] oneSellerBehindSmallCells() {
        long[][] v = {{10_000_000, 50_000, 5_000_000}, {40_000, 60_000, 4_000_000}, {3_000_000, 2_000_000, 1_000_000}};
        Cell[][] inner = new Cell[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) inner[r][c] = r == 0 && c == 0 ? cell(v[r][c], 1, v[r][c]) : cell(v[r][c], 6, v[r][c] / 4);
        }
        return DisclosureTest.withTotals(inner);
    }

    private static Cell[] flat(Cell[][] g) {
        return Arrays.stream(g).flatMap(Arrays::stream).toArray(Cell[]::new);
    }

    private static Status[] flat(Status[][] s) {
        return Arrays.stream(s).flatMap(Arrays::stream).toArray(Status[]::new);
    }

    @Test
    void exactProtectionAloneLeavesTheOneSellerWithinHalfAPercent() {
        Cell[][] g = oneSellerBehindSmallCells();
        Status[][] st = Disclosure.protect(g, EXACT_ONLY);
        // the rectangle of the three smallest complements, nothing else
        assertEquals(Status.PRIMARY, st[0][0]);
        for (int[] rc : new int[][]{{0, 1}, {1, 0}, {1, 1}}) assertEquals(Status.SECONDARY, st[rc[0]][rc[1]], Arrays.toString(rc));
        assertEquals(4, Arrays.stream(flat(st)).filter(Status::suppressed).count());
        assertTrue(Disclosure.determined(st).isEmpty(), "not exactly derivable");
        // up: A0 + B0 and A0 + A1 are published, so A0 rises by at most min(B0, A1) = 40,000; down: lowering A0 raises
        // B0 and A1 and lowers B1, by at most B1 = 60,000. Between 9.94 and 10.04 million: -0.6% / +0.4%
        IntervalAudit.Range r = IntervalAudit.range(flat(g), Disclosure.gridLines(4, 4), flat(st), 0, 5_000_000);
        assertEquals(60_000, r.down(), 1e-3);
        assertEquals(40_000, r.up(), 1e-3);
    }

    @Test
    void theAuditWithholdsFurtherComplementsUntilTheOneSellerIsProtected() {
        Cell[][] g = oneSellerBehindSmallCells();
        Status[][] st = Disclosure.protect(g, RULES);
        // one seller holds all of it: the share of 85% needs an upper bound of 10,000,000 / 0.85, 1,764,706 above
        // the value, more than the 10% floor; the same each side
        double need = RULES.protection(g[0][0]);
        assertEquals(10_000_000 / 0.85 - 10_000_000, need, 1e-3);
        IntervalAudit.Range r = IntervalAudit.range(flat(g), Disclosure.gridLines(4, 4), flat(st), 0, need);
        assertTrue(r.up() >= need - 1 && r.down() >= need - 1, "range " + r + ", need " + need);
        assertTrue(Disclosure.determined(st).isEmpty());
        DisclosureTest.assertNothingRecoverableBySubtraction(g, st);
        // complements of a few million were needed: row 0 and column A each hold one
        assertTrue(st[0][2].suppressed() || st[0][3].suppressed(), "row 0 gets a complement of millions");
        assertTrue(st[2][0].suppressed() || st[3][0].suppressed(), "column A gets a complement of millions");
        // the grand total stays published: the table is not simply withheld whole
        assertFalse(st[3][3].suppressed());
    }

    @Test
    void aCellAlreadyProtectedByLargeComplementsGetsNoMore() {
        // the primary cell beside complements of its own size: exact protection already gives it enough room
        Cell[][] small = oneSellerBehindSmallCells();
        Cell[][] inner = new Cell[3][3];
        for (int r = 0; r < 3; r++) inner[r] = Arrays.copyOf(small[r], 3);
        inner[0][1] = cell(5_000_000, 6, 1_000_000);
        inner[1][0] = cell(6_000_000, 6, 1_000_000);
        inner[1][1] = cell(7_000_000, 6, 1_000_000);
        Cell[][] g = DisclosureTest.withTotals(inner);
        Status[][] exact = Disclosure.protect(g, EXACT_ONLY);
        Status[][] audited = Disclosure.protect(g, RULES);
        assertTrue(Arrays.deepEquals(exact, audited), "no further complement when the interval is wide enough");
        double need = RULES.protection(g[0][0]);
        IntervalAudit.Range r = IntervalAudit.range(flat(g), Disclosure.gridLines(4, 4), flat(audited), 0, need);
        assertTrue(r.up() >= need - 1 && r.down() >= need - 1, "range " + r + ", need " + need);
    }

    /**
     * The programme against brute force: random 3 × 4 tables of small whole numbers, a few entries withheld (cells
     * and row or column totals; not the grand total). A two-way table's line equations are totally unimodular
     * (each entry lies in one row line and one column line; colour the inner rows and the totals' column one way,
     * the inner columns and the totals' row the other, and every entry's two coefficients have the same sign across
     * colours and opposite signs within one), so the bounds over the reals are reached at whole numbers, and
     * enumerating every whole-number filling of the withheld entries gives the exact interval.
     */
    @Test
    void theProgrammesBoundsEqualBruteForceOnRandomTables() {
        Random rnd = new Random(20261130);
        int rows = 3, cols = 4;
        int checked = 0;
        for (int trial = 0; trial < 200; trial++) {
            Cell[][] inner = new Cell[rows][cols];
            for (Cell[] row : inner) for (int c = 0; c < cols; c++) row[c] = cell(rnd.nextInt(6), 3, 1);
            Cell[][] g = DisclosureTest.withTotals(inner);
            long grand = g[rows][cols].gmv().longValue();
            Status[][] st = new Status[rows + 1][cols + 1];
            for (int r = 0; r <= rows; r++) for (int c = 0; c <= cols; c++) st[r][c] = g[r][c].empty() ? Status.EMPTY : Status.PUBLISHED;
            int withheld = 2 + rnd.nextInt(5);
            for (int k = 0; k < withheld; k++) {
                // any entry but the grand total (withheld, it would leave the whole table free to grow)
                int r = rnd.nextInt(rows + 1), c = rnd.nextInt(cols + 1);
                if (!g[r][c].empty() && !(r == rows && c == cols)) st[r][c] = Status.SECONDARY;
            }
            Cell[] cells = flat(g);
            Status[] status = flat(st);
            List<int[]> lines = Disclosure.gridLines(rows + 1, cols + 1);
            long[][] brute = bruteForceBounds(cells, lines, status);
            for (int i = 0; i < cells.length; i++) {
                if (!status[i].suppressed()) continue;
                double value = cells[i].gmv().doubleValue();
                // a need beyond any move: the range is then the whole interval (down to 0 at most)
                double need = 1000 * (grand + 1);
                IntervalAudit.Range r = IntervalAudit.range(cells, lines, status, i, need);
                String where = "trial " + trial + ", cell " + i + " (" + value + ")";
                assertEquals(value - brute[i][0], r.down(), 1e-6 * (grand + 1), where + " down");
                assertEquals(brute[i][1] - value, r.up(), 1e-6 * (grand + 1), where + " up");
                checked++;
            }
        }
        assertTrue(checked > 300, "checked " + checked + " withheld cells");
    }

    /**
     * The programme against an independent solver (ojAlgo, test scope) on tables like a report's: 12 provinces × 5
     * classes, cells from Rp1.000 to Rp1 miliar beside totals of Rp10¹⁰, the withheld pattern as exact protection
     * leaves it. The oracle is formulated in rupiah over every entry (published entries fixed), not in units of the
     * audited cell over its component, so the two share neither the model nor the solver.
     */
    @Test
    void theProgrammeAgreesWithAnIndependentSolverAcrossSixOrdersOfMagnitude() {
        int compared = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Cell[][] g = DisclosureTest.withTotals(randomInner(new Random(seed), 12, 5));
            double grand = g[12][5].gmv().doubleValue();
            Cell[] cells = flat(g);
            Status[] st = flat(Disclosure.protect(g, EXACT_ONLY));
            List<int[]> lines = Disclosure.gridLines(13, 6);
            for (int i = 0; i < cells.length; i++) {
                double value = cells[i].gmv().doubleValue();
                if (!st[i].suppressed() || value < 1e6) continue;
                double need = 10 * value;
                IntervalAudit.Range r = IntervalAudit.range(cells, lines, st, i, need);
                double max = oracle(cells, lines, st, i, true);
                double min = oracle(cells, lines, st, i, false);
                double tol = Math.max(1e-4 * value, 1e-9 * grand);
                String where = "seed " + seed + ", entry " + i + " (" + value + ")";
                assertEquals(value - min, r.down(), tol, where + " down");
                assertEquals(Math.min(max - value, need), r.up(), tol, where + " up");
                compared++;
            }
        }
        assertTrue(compared > 50, "compared " + compared + " withheld cells");
    }

    /**
     * A report-like table without its totals: 15% of the cells empty, the others log-uniform from Rp10³ to Rp10⁹ with
     * 1 – 6 sellers, the largest holding 30 – 100%.
     */
    static Cell[][] randomInner(Random rnd, int rows, int cols) {
        Cell[][] inner = new Cell[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                long v = rnd.nextDouble() < 0.15 ? 0 : (long) Math.pow(10, 3 + 6 * rnd.nextDouble());
                inner[r][c] = cell(v, 1 + rnd.nextInt(6), (long) (v * (0.3 + 0.7 * rnd.nextDouble())));
            }
        }
        return inner;
    }

    /** The bound of entry {@code cell} by ojAlgo: every entry a variable, published ones fixed, each line an equation. */
    static double oracle(Cell[] cells, List<int[]> lines, Status[] st, int cell, boolean max) {
        org.ojalgo.optimisation.ExpressionsBasedModel model = new org.ojalgo.optimisation.ExpressionsBasedModel();
        org.ojalgo.optimisation.Variable[] x = new org.ojalgo.optimisation.Variable[cells.length];
        for (int i = 0; i < cells.length; i++) {
            x[i] = model.addVariable("x" + i).lower(0);
            if (!st[i].suppressed()) x[i].level(cells[i].gmv());
        }
        for (int k = 0; k < lines.size(); k++) {
            int[] line = lines.get(k);
            org.ojalgo.optimisation.Expression e = model.addExpression("line" + k).level(0);
            for (int j = 0; j < line.length; j++) e.set(x[line[j]], j == line.length - 1 ? -1 : 1);
        }
        x[cell].weight(1);
        org.ojalgo.optimisation.Optimisation.Result result = max ? model.maximise() : model.minimise();
        if (result.getState() == org.ojalgo.optimisation.Optimisation.State.UNBOUNDED) return Double.POSITIVE_INFINITY;
        assertTrue(result.getState().isOptimal(), "oracle: " + result.getState());
        return result.getValue();
    }

    /**
     * Min and max of each withheld entry over every whole-number filling consistent with all lines: a depth-first
     * search that assigns an entry a line leaves alone its only unknown (the line's total minus its other entries, or
     * their sum for a total) and otherwise tries every value of the first unassigned entry up to its cap.
     */
    private static long[][] bruteForceBounds(Cell[] cells, List<int[]> lines, Status[] st) {
        long[] cap = new long[st.length];
        boolean[] assigned = new boolean[st.length];
        long[] x = new long[st.length];
        long[][] bounds = new long[st.length][];
        for (int i = 0; i < st.length; i++) {
            assigned[i] = !st[i].suppressed();
            if (assigned[i]) {
                x[i] = cells[i].gmv().longValue();
                continue;
            }
            bounds[i] = new long[]{Long.MAX_VALUE, Long.MIN_VALUE};
            cap[i] = Long.MAX_VALUE;
            for (int[] line : lines) {
                int total = line[line.length - 1];
                if (total != i && contains(line, i) && !st[total].suppressed()) cap[i] = Math.min(cap[i], cells[total].gmv().longValue());
            }
        }
        search(x, assigned, cap, lines, bounds);
        return bounds;
    }

    private static void search(long[] x, boolean[] assigned, long[] cap, List<int[]> lines, long[][] bounds) {
        int open = -1;
        for (int[] line : lines) {
            int unknown = -1, n = 0;
            long parts = 0;
            for (int k = 0; k < line.length; k++) {
                if (!assigned[line[k]]) {
                    n++;
                    unknown = k;
                } else if (k < line.length - 1) {
                    parts += x[line[k]];
                }
            }
            int total = line[line.length - 1];
            if (n == 0 && parts != x[total]) return;
            if (n == 1) {
                int e = line[unknown];
                long v = unknown == line.length - 1 ? parts : x[total] - parts;
                if (v < 0 || v > cap[e]) return;
                x[e] = v;
                assigned[e] = true;
                search(x, assigned, cap, lines, bounds);
                assigned[e] = false;
                return;
            }
            if (n > 1 && open < 0) open = line[unknown];
        }
        if (open < 0) {
            for (int i = 0; i < x.length; i++) {
                if (bounds[i] == null) continue;
                bounds[i][0] = Math.min(bounds[i][0], x[i]);
                bounds[i][1] = Math.max(bounds[i][1], x[i]);
            }
            return;
        }
        assigned[open] = true;
        for (long v = 0; v <= cap[open]; v++) {
            x[open] = v;
            search(x, assigned, cap, lines, bounds);
        }
        assigned[open] = false;
    }

    private static boolean contains(int[] line, int cell) {
        for (int e : line) if (e == cell) return true;
        return false;
    }
}
