package id.neraca.report;

import id.neraca.report.Disclosure.Cell;
import id.neraca.report.Disclosure.Status;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisclosureTest {
    /** The default rules (data/config/neraca.yaml): 3 sellers, 85% dominance, 10% protection. */
    static final Disclosure.Rules RULES = new Disclosure.Rules(3, 0.85, 0.10);

    private static Cell cell(long gmv, long sellers, long top) {
        return new Cell(BigDecimal.valueOf(gmv), sellers, BigDecimal.valueOf(top));
    }

    /**
     * The p% rule (report.p_percent, default 10): the audit's DI Yogyakarta province total of 2025, five sellers, the
     * largest 74.7% and the second 25.3%: it passes the threshold and (1, 85%) rules, and the second seller, subtracting
     * its own sales, knows the largest one's to within 0.01%. Sensitive under p = 10; a cell whose other sellers hold
     * at least 10% of the largest's passes; p = 0 is the rule off; an unknown top two is bounded by twice the largest.
     */
    @Test
    void thePercentRuleWithholdsACellTwoSellersDominate() {
        Cell yogya = new Cell(new BigDecimal("36401398400"), 5, new BigDecimal("27192974100"), new BigDecimal("36401398400").subtract(new BigDecimal("15000000")));
        assertEquals(Status.PUBLISHED, Disclosure.primary(yogya, 3, 0.85), "the threshold and (1, 85%) rules let it through");
        assertEquals(Status.PRIMARY, Disclosure.primary(yogya, 3, 0.85, 10));
        assertEquals(Status.PUBLISHED, Disclosure.primary(yogya, 3, 0.85, 0), "p = 0: the rule off");
        // the others hold 2.8 of the largest's 27: 10.4% of it, just enough; 2.6: 9.6%, not
        Cell enough = new Cell(new BigDecimal("100"), 6, new BigDecimal("27"), new BigDecimal("97.2"));
        Cell notEnough = new Cell(new BigDecimal("100"), 6, new BigDecimal("27"), new BigDecimal("97.4"));
        assertEquals(Status.PUBLISHED, Disclosure.primary(enough, 3, 0.85, 10));
        assertEquals(Status.PRIMARY, Disclosure.primary(notEnough, 3, 0.85, 10));
        // protection: what the others lack of 10% of the largest (2.7 − 2.6 = 0.1), or the 10% share if larger
        Disclosure.Rules rules = new Disclosure.Rules(3, 0.85, 0.10, 10);
        assertEquals(10.0, rules.protection(notEnough), 1e-9);
        assertEquals(0.1, new Disclosure.Rules(3, 0.85, 0.0001, 10).protection(notEnough), 1e-9);
        // a top two not known: at most twice the largest (54 of 100 here: the others 46, far above 2.7)
        assertEquals(new BigDecimal("54"), new Cell(new BigDecimal("100"), 6, new BigDecimal("27")).topTwo());
        assertEquals(new BigDecimal("100"), new Cell(new BigDecimal("100"), 6, new BigDecimal("60")).topTwo(), "capped at the GMV");
        assertEquals(Status.PRIMARY, Disclosure.primary(new Cell(new BigDecimal("100"), 6, new BigDecimal("60")), 3, 0.85, 10));
    }

    @Test
    void primaryRuleWithholdsCellsOfFewerThanThreeSellers() {
        assertEquals(Status.PRIMARY, Disclosure.primary(cell(100, 2, 60), 3, 0.85));
        assertEquals(Status.PUBLISHED, Disclosure.primary(cell(100, 3, 40), 3, 0.85));
        assertEquals(Status.EMPTY, Disclosure.primary(Cell.EMPTY, 3, 0.85));
    }

    @Test
    void dominanceRuleWithholdsCellsWhereOneSellerHoldsMoreThanTheShare() {
        assertEquals(Status.PRIMARY, Disclosure.primary(cell(1000, 10, 851), 3, 0.85));
        assertEquals(Status.PUBLISHED, Disclosure.primary(cell(1000, 10, 850), 3, 0.85), "exactly 85% is allowed");
    }

    /**
     * A hand-made 4 × 3 table with totals. Cell (1,2) has 2 sellers, cell (3,0) has a dominant seller.
     * <pre>
     *             A     B     C   | total
     *   r0       50    40    30   |  120
     *   r1       20    35     7*  |   62
     *   r2       25    10    45   |   80
     *   r3       90*   15    60   |  165
     *   total   185   100   142   |  427
     * </pre>
     */
    private static Cell[][] handMadeTable() {
        long[][] v = {{50, 40, 30}, {20, 35, 7}, {25, 10, 45}, {90, 15, 60}};
        Cell[][] g = new Cell[5][4];
        long[] colTotals = new long[3];
        long grand = 0;
        for (int r = 0; r < 4; r++) {
            long rowTotal = 0;
            for (int c = 0; c < 3; c++) {
                long sellers = (r == 1 && c == 2) ? 2 : 5;
                long top = (r == 3 && c == 0) ? 80 : v[r][c] / 3;
                g[r][c] = cell(v[r][c], sellers, top);
                rowTotal += v[r][c];
                colTotals[c] += v[r][c];
            }
            g[r][3] = cell(rowTotal, 15, rowTotal / 2);
            grand += rowTotal;
        }
        for (int c = 0; c < 3; c++) g[4][c] = cell(colTotals[c], 20, colTotals[c] / 2);
        g[4][3] = cell(grand, 60, grand / 4);
        return g;
    }

    @Test
    void secondarySuppressionLeavesNoWithheldValueDerivableBySubtraction() {
        Cell[][] g = handMadeTable();
        Status[][] st = Disclosure.protect(g, RULES);
        assertEquals(Status.PRIMARY, st[1][2], "2 sellers");
        assertEquals(Status.PRIMARY, st[3][0], "one seller holds 80 of 90");
        // every line (row or column, totals included) has zero or at least two withheld entries
        for (int r = 0; r < 5; r++) {
            int n = 0;
            for (int c = 0; c < 4; c++) if (st[r][c].suppressed()) n++;
            assertTrue(n == 0 || n >= 2, "row " + r + " has " + n + " withheld");
        }
        for (int c = 0; c < 4; c++) {
            int n = 0;
            for (int r = 0; r < 5; r++) if (st[r][c].suppressed()) n++;
            assertTrue(n == 0 || n >= 2, "column " + c + " has " + n + " withheld");
        }
        // an attacker who repeatedly solves any line with a single unknown recovers nothing
        assertNothingRecoverableBySubtraction(g, st);
        assertTrue(Disclosure.determined(st).isEmpty());
        // totals stay published: complements are the smallest cells, not the margins
        assertEquals(Status.PUBLISHED, st[4][3]);
    }

    @Test
    void auditFindsAValueFixedByCombiningLines() {
        // r0 and r1 have withheld cells in columns A and B; withholding only A0, B0, A1 with B1 published
        // would give B0 away through column B alone; the audit must see it even when every row has two
        Status[][] st = new Status[3][3];
        for (Status[] row : st) java.util.Arrays.fill(row, Status.PUBLISHED);
        st[0][0] = Status.PRIMARY;
        st[0][1] = Status.SECONDARY;
        st[1][0] = Status.SECONDARY;
        // column 1 has one withheld entry: determined
        assertEquals(1, Disclosure.determined(st).stream().filter(e -> e[0] == 0 && e[1] == 1).count()
                + Disclosure.determined(st).stream().filter(e -> e[0] == 1 && e[1] == 0).count() > 0 ? 1 : 0);
        st[1][1] = Status.SECONDARY;
        assertTrue(Disclosure.determined(st).isEmpty(), "a 2×2 rectangle of withheld cells is protected");
    }

    @Test
    void aLoneSensitiveRowTotalDragsItsCellsWithIt() {
        // row r1 as a whole has 2 sellers: its total and its cells are withheld, and the column totals do not give them away
        Cell[][] g = handMadeTable();
        g[1][3] = cell(62, 2, 40);
        g[1][0] = cell(20, 1, 20);
        g[1][1] = cell(35, 2, 30);
        Status[][] st = Disclosure.protect(g, RULES);
        assertTrue(st[1][3].suppressed());
        assertNothingRecoverableBySubtraction(g, st);
        assertTrue(Disclosure.determined(st).isEmpty());
    }

    @Test
    void aTableWithoutSensitiveCellsIsPublishedWhole() {
        Cell[][] g = handMadeTable();
        g[1][2] = cell(7, 4, 2);
        g[3][0] = cell(90, 6, 20);
        Status[][] st = Disclosure.protect(g, RULES);
        for (Status[] row : st) for (Status s : row) assertFalse(s.suppressed());
    }

    /**
     * A grid as {@link Disclosure#protect(Cell[][], Disclosure.Rules)} takes it: the inner cells, then each row's total,
     * then the column totals and the grand total, every total from many sellers (1,000, none above 5%: never withheld
     * by the rules themselves).
     */
    static Cell[][] withTotals(Cell[][] inner) {
        int rows = inner.length, cols = inner[0].length;
        Cell[][] g = new Cell[rows + 1][cols + 1];
        long[] colTotal = new long[cols + 1];
        for (int r = 0; r < rows; r++) {
            long rowTotal = 0;
            for (int c = 0; c < cols; c++) {
                g[r][c] = inner[r][c];
                rowTotal += inner[r][c].gmv().longValueExact();
                colTotal[c] += inner[r][c].gmv().longValueExact();
            }
            g[r][cols] = total(rowTotal);
            colTotal[cols] += rowTotal;
        }
        for (int c = 0; c <= cols; c++) g[rows][c] = total(colTotal[c]);
        return g;
    }

    private static Cell total(long gmv) {
        return gmv == 0 ? Cell.EMPTY : new Cell(BigDecimal.valueOf(gmv), 1000, BigDecimal.valueOf(gmv / 20));
    }

    /** Independent check: propagate "line with one unknown = total − known cells" until nothing changes. */
    static void assertNothingRecoverableBySubtraction(Cell[][] g, Status[][] st) {
        int rows = g.length;
        int cols = g[0].length;
        boolean[][] known = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) known[r][c] = !st[r][c].suppressed();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rows; r++) {
                int unknown = -1, n = 0;
                for (int c = 0; c < cols; c++) if (!known[r][c]) { n++; unknown = c; }
                if (n == 1) {
                    known[r][unknown] = true;
                    changed = true;
                }
            }
            for (int c = 0; c < cols; c++) {
                int unknown = -1, n = 0;
                for (int r = 0; r < rows; r++) if (!known[r][c]) { n++; unknown = r; }
                if (n == 1) {
                    known[unknown][c] = true;
                    changed = true;
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                assertFalse(st[r][c].suppressed() && known[r][c], "withheld cell (" + r + "," + c + ") is recoverable");
            }
        }
    }
}
