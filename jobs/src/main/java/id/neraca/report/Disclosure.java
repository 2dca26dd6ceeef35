package id.neraca.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Statistical disclosure control for a published two-way table of GMV with its row and column totals, as
 * statistics offices do it (cell-suppression; Hundepool et al., <i>Statistical Disclosure Control</i>, ch. 4).
 *
 * <p>The table is an {@code (R+1) × (C+1)} grid: row {@code R} holds the column totals, column {@code C} the
 * row totals, {@code [R][C]} the grand total. Every row and every column of the grid (totals included) is an
 * additive line: its cells sum to its total.
 * <ol>
 *   <li><b>Primary suppression</b>: a non-empty entry built from fewer than {@code minSellers} distinct
 *       sellers, or where the largest seller holds more than {@code dominanceShare} of its GMV
 *       (the (1, k)-dominance rule), is suppressed.</li>
 *   <li><b>Secondary suppression</b>: a line with exactly one suppressed entry would give it away by
 *       subtraction, so the smallest other published, non-empty entry of that line is suppressed too;
 *       repeated until no line has exactly one.</li>
 *   <li><b>Audit</b>: the suppressed entries are the unknowns of the lines' linear equations; an unknown
 *       the published entries fix uniquely (its unit vector lies in the row space of the system) would still
 *       be recoverable by combining lines, so a further complement is suppressed in one of its lines and the
 *       loop repeats until no suppressed value is determined.</li>
 * </ol>
 * Empty entries (no sales, no sellers) are published as empty: they reveal nothing about any seller, and
 * they are never chosen as complements because their value (zero) is known anyway. Bounds from
 * non-negativity (interval disclosure) are not audited.
 */
public final class Disclosure {
    private Disclosure() {}

    /** One published entry: its GMV, distinct sellers, and the GMV of its largest seller. */
    public record Cell(BigDecimal gmv, long sellers, BigDecimal topSellerGmv) {
        public static final Cell EMPTY = new Cell(BigDecimal.ZERO, 0, BigDecimal.ZERO);

        public boolean empty() {
            return sellers == 0 && gmv.signum() == 0;
        }
    }

    public enum Status { PUBLISHED, EMPTY, PRIMARY, SECONDARY;
        public boolean suppressed() {
            return this == PRIMARY || this == SECONDARY;
        }
    }

    /** The rule's verdict on one entry on its own (step 1). */
    public static Status primary(Cell c, int minSellers, double dominanceShare) {
        if (c == null || c.empty()) return Status.EMPTY;
        if (c.sellers() < minSellers) return Status.PRIMARY;
        if (c.gmv().signum() > 0) {
            BigDecimal share = c.topSellerGmv().divide(c.gmv(), MathContext.DECIMAL64);
            if (share.compareTo(BigDecimal.valueOf(dominanceShare)) > 0) return Status.PRIMARY;
        }
        return Status.PUBLISHED;
    }

    /**
     * Protects a grid (see class comment; {@code grid[R][*]} column totals, {@code grid[*][C]} row totals)
     * and returns the status of every entry.
     */
    public static Status[][] protect(Cell[][] grid, int minSellers, double dominanceShare) {
        int rows = grid.length;
        int cols = grid[0].length;
        Status[][] st = new Status[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) st[r][c] = primary(grid[r][c], minSellers, dominanceShare);
        }
        List<int[][]> lines = lines(rows, cols);
        while (true) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int[][] line : lines) {
                    if (countSuppressed(line, st) == 1 && suppressComplement(line, grid, st)) changed = true;
                }
            }
            List<int[]> determined = determined(lines, st);
            if (determined.isEmpty()) return st;
            boolean added = false;
            for (int[] cell : determined) {
                // the cheapest complement among the lines through the determined cell
                int[][] best = null;
                BigDecimal bestValue = null;
                for (int[][] line : lines) {
                    if (!contains(line, cell)) continue;
                    int[] cand = smallestPublished(line, grid, st);
                    if (cand != null && (bestValue == null || grid[cand[0]][cand[1]].gmv().compareTo(bestValue) < 0)) {
                        best = line;
                        bestValue = grid[cand[0]][cand[1]].gmv();
                    }
                }
                if (best != null && suppressComplement(best, grid, st)) {
                    added = true;
                    break;
                }
            }
            if (!added) {
                // nothing left to hide behind: withhold everything non-empty rather than publish a derivable value
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) if (st[r][c] == Status.PUBLISHED) st[r][c] = Status.SECONDARY;
                }
                return st;
            }
        }
    }

    /**
     * The suppressed entries whose value the published entries determine exactly (by any combination of
     * line equations). Empty for a well-protected grid.
     */
    public static List<int[]> determined(Status[][] st) {
        return determined(lines(st.length, st[0].length), st);
    }

    private static List<int[]> determined(List<int[][]> lines, Status[][] st) {
        List<int[]> vars = new ArrayList<>();
        int[][] index = new int[st.length][st[0].length];
        for (int r = 0; r < st.length; r++) {
            for (int c = 0; c < st[0].length; c++) {
                index[r][c] = -1;
                if (st[r][c].suppressed()) {
                    index[r][c] = vars.size();
                    vars.add(new int[]{r, c});
                }
            }
        }
        if (vars.isEmpty()) return List.of();
        // one equation per line: +1 for each suppressed cell, -1 for a suppressed total (last entry)
        double[][] m = new double[lines.size()][vars.size()];
        for (int i = 0; i < lines.size(); i++) {
            int[][] line = lines.get(i);
            for (int k = 0; k < line.length; k++) {
                int v = index[line[k][0]][line[k][1]];
                if (v >= 0) m[i][v] = k == line.length - 1 ? -1 : 1;
            }
        }
        int[] pivotOfRow = rref(m);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < m.length; i++) {
            int p = pivotOfRow[i];
            if (p < 0) continue;
            boolean alone = true;
            for (int j = 0; j < m[i].length; j++) {
                if (j != p && Math.abs(m[i][j]) > 1e-9) {
                    alone = false;
                    break;
                }
            }
            if (alone) out.add(vars.get(p));
        }
        return out;
    }

    /** Reduced row echelon form in place; returns the pivot column of each row (-1 for none). */
    private static int[] rref(double[][] m) {
        int rows = m.length;
        int cols = rows == 0 ? 0 : m[0].length;
        int[] pivotOfRow = new int[rows];
        java.util.Arrays.fill(pivotOfRow, -1);
        int r = 0;
        for (int c = 0; c < cols && r < rows; c++) {
            int best = -1;
            for (int i = r; i < rows; i++) {
                if (Math.abs(m[i][c]) > 1e-9 && (best < 0 || Math.abs(m[i][c]) > Math.abs(m[best][c]))) best = i;
            }
            if (best < 0) continue;
            double[] tmp = m[r];
            m[r] = m[best];
            m[best] = tmp;
            double piv = m[r][c];
            for (int j = 0; j < cols; j++) m[r][j] /= piv;
            for (int i = 0; i < rows; i++) {
                if (i == r || Math.abs(m[i][c]) <= 1e-12) continue;
                double f = m[i][c];
                for (int j = 0; j < cols; j++) m[i][j] -= f * m[r][j];
            }
            pivotOfRow[r] = c;
            r++;
        }
        return pivotOfRow;
    }

    /** Every row and every column of the grid; the total is the last entry of each line. */
    static List<int[][]> lines(int rows, int cols) {
        List<int[][]> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int[][] line = new int[cols][];
            for (int c = 0; c < cols; c++) line[c] = new int[]{r, c};
            lines.add(line);
        }
        for (int c = 0; c < cols; c++) {
            int[][] line = new int[rows][];
            for (int r = 0; r < rows; r++) line[r] = new int[]{r, c};
            lines.add(line);
        }
        return lines;
    }

    private static int countSuppressed(int[][] line, Status[][] st) {
        int n = 0;
        for (int[] e : line) if (st[e[0]][e[1]].suppressed()) n++;
        return n;
    }

    private static boolean contains(int[][] line, int[] cell) {
        for (int[] e : line) if (e[0] == cell[0] && e[1] == cell[1]) return true;
        return false;
    }

    private static int[] smallestPublished(int[][] line, Cell[][] grid, Status[][] st) {
        int[] best = null;
        for (int[] e : line) {
            if (st[e[0]][e[1]] != Status.PUBLISHED) continue;
            if (best == null || grid[e[0]][e[1]].gmv().compareTo(grid[best[0]][best[1]].gmv()) < 0) best = e;
        }
        return best;
    }

    private static boolean suppressComplement(int[][] line, Cell[][] grid, Status[][] st) {
        int[] e = smallestPublished(line, grid, st);
        if (e == null) return false;
        st[e[0]][e[1]] = Status.SECONDARY;
        return true;
    }
}
