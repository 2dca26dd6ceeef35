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
 *   <li><b>Interval audit</b> ({@link IntervalAudit}): a withheld entry that fails the rules must not be
 *       bounded closely from non-negativity either. Each needs a protection level (in rupiah, each side, see
 *       {@link Rules#protection}); while the published entries confine it to a narrower interval, further
 *       complements are withheld, chosen by a trial of each candidate, cheapest first.</li>
 * </ol>
 * Empty entries (no sales, no sellers) are published as empty: they reveal nothing about any seller, and
 * they are never chosen as complements because their value (zero) is known anyway.
 */
public final class Disclosure {
    private Disclosure() {}

    /**
     * One published entry: its GMV, distinct sellers, the GMV of its largest seller, and of its two largest together
     * ({@code topTwoGmv}; null when not known: then bounded by twice the largest, capped at the GMV, which can only
     * withhold more).
     */
    public record Cell(BigDecimal gmv, long sellers, BigDecimal topSellerGmv, BigDecimal topTwoGmv) {
        public static final Cell EMPTY = new Cell(BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO);

        public Cell(BigDecimal gmv, long sellers, BigDecimal topSellerGmv) {
            this(gmv, sellers, topSellerGmv, null);
        }

        /** The two largest sellers' GMV, or its upper bound {@code min(gmv, 2 × largest)} when not known. */
        public BigDecimal topTwo() {
            if (topTwoGmv != null) return topTwoGmv;
            BigDecimal bound = topSellerGmv.multiply(BigDecimal.valueOf(2));
            return bound.min(gmv);
        }

        /**
         * What the p% rule measures: how far the sellers other than the two largest leave the largest's GMV uncertain to
         * the second largest, who knows its own: {@code gmv − topTwo − p × top} (negative: sensitive).
         */
        double pMargin(double p) {
            return gmv.doubleValue() - topTwo().doubleValue() - p * topSellerGmv.doubleValue();
        }

        public boolean empty() {
            return sellers == 0 && gmv.signum() == 0;
        }
    }

    public enum Status { PUBLISHED, EMPTY, PRIMARY, SECONDARY;
        public boolean suppressed() {
            return this == PRIMARY || this == SECONDARY;
        }
    }

    /** The rule's verdict on one entry on its own (step 1), without the p% rule. */
    public static Status primary(Cell c, int minSellers, double dominanceShare) {
        return primary(c, minSellers, dominanceShare, 0);
    }

    /**
     * The rule's verdict on one entry on its own (step 1): the threshold rule (fewer than {@code minSellers}), the
     * (1, k) dominance rule (the largest seller above {@code dominanceShare}) and, when {@code pPercent} &gt; 0, the p%
     * rule: the entry is sensitive when the second-largest seller, subtracting its own GMV, would know the largest
     * one's to within {@code pPercent}% (the GMV of the sellers after the two largest is below {@code pPercent}% of the
     * largest's). Two sellers holding 74.7% and 25.3% of a province's GMV pass the first two rules and fail this one.
     */
    public static Status primary(Cell c, int minSellers, double dominanceShare, double pPercent) {
        if (c == null || c.empty()) return Status.EMPTY;
        if (c.sellers() < minSellers) return Status.PRIMARY;
        if (c.gmv().signum() > 0) {
            BigDecimal share = c.topSellerGmv().divide(c.gmv(), MathContext.DECIMAL64);
            if (share.compareTo(BigDecimal.valueOf(dominanceShare)) > 0) return Status.PRIMARY;
            if (pPercent > 0 && c.pMargin(pPercent / 100) < 0) return Status.PRIMARY;
        }
        return Status.PUBLISHED;
    }

    /** Primary verdicts of every cell of a flat system, without the p% rule. */
    public static Status[] primary(Cell[] cells, int minSellers, double dominanceShare) {
        Status[] st = new Status[cells.length];
        for (int i = 0; i < cells.length; i++) st[i] = primary(cells[i], minSellers, dominanceShare);
        return st;
    }

    /** Primary verdicts of every cell of a flat system under {@code rules}, the p% rule included. */
    public static Status[] primary(Cell[] cells, Rules rules) {
        Status[] st = new Status[cells.length];
        for (int i = 0; i < cells.length; i++) st[i] = primary(cells[i], rules.minSellers(), rules.dominanceShare(), rules.pPercent());
        return st;
    }

    /**
     * The rules of a publication: an entry fails them with fewer than {@code minSellers} distinct sellers or with one
     * seller holding more than {@code dominanceShare} of its GMV; a withheld entry that fails them needs a
     * feasibility interval of at least {@link #protection} rupiah each side ({@code protectionShare} 0 switches the
     * interval audit off).
     */
    public record Rules(int minSellers, double dominanceShare, double protectionShare, double pPercent) {
        /** Without the p% rule. */
        public Rules(int minSellers, double dominanceShare, double protectionShare) {
            this(minSellers, dominanceShare, protectionShare, 0);
        }

        public Rules {
            if (!(pPercent >= 0 && pPercent < 100)) throw new IllegalArgumentException("p_percent must be in [0, 100), got " + pPercent);
            if (minSellers < 1) throw new IllegalArgumentException("min_sellers must be at least 1, got " + minSellers);
            if (!(dominanceShare > 0 && dominanceShare <= 1)) {
                throw new IllegalArgumentException("dominance_share must be in (0, 1], got " + dominanceShare);
            }
            if (!(protectionShare >= 0 && protectionShare < 1)) {
                throw new IllegalArgumentException("protection_share must be in [0, 1), got " + protectionShare);
            }
        }

        /**
         * The protection an entry that fails the rules needs, in rupiah, each side of its value: {@code protectionShare}
         * of its GMV, and for a dominated entry at least what lets its largest seller's share fall to
         * {@code dominanceShare} (an upper bound of top ÷ dominanceShare; Hundepool et al. §4.2, the protection
         * level of the (n, k) rule with n = 1). 0 when the audit is off or the entry is empty.
         */
        public double protection(Cell c) {
            if (protectionShare == 0 || c.empty()) return 0;
            double x = c.gmv().doubleValue();
            double need = Math.max(protectionShare * x, c.topSellerGmv().doubleValue() / dominanceShare - x);
            // the p% rule's protection level: what the sellers after the two largest lack of p% of the largest
            // (Hundepool et al., Statistical Disclosure Control, 2012, §4.2)
            if (pPercent > 0) need = Math.max(need, -c.pMargin(pPercent / 100));
            return need;
        }
    }

    /**
     * Protects a grid (see class comment; {@code grid[R][*]} column totals, {@code grid[*][C]} row totals)
     * and returns the status of every entry.
     */
    public static Status[][] protect(Cell[][] grid, Rules rules) {
        int rows = grid.length;
        int cols = grid[0].length;
        Cell[] cells = new Cell[rows * cols];
        double[] cost = new double[cells.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cells[r * cols + c] = grid[r][c];
                cost[r * cols + c] = grid[r][c].gmv().doubleValue();
            }
        }
        Status[] flat = protect(cells, gridLines(rows, cols), primary(cells, rules), cost, rules);
        Status[][] st = new Status[rows][cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) st[r][c] = flat[r * cols + c];
        return st;
    }

    /**
     * Protects a general system of additive lines over {@code cells}: each line is an array of cell indices whose
     * last entry is the line's total (the others sum to it). {@code start} holds the verdicts to start from
     * (usually {@link #primary(Cell[], int, double)}, possibly with entries already withheld elsewhere); they
     * are never released. Complements are chosen by the lowest {@code cost} (ties: the lower index), so a caller
     * can keep cells it would rather publish (a headline figure) out of reach by giving them a high cost.
     * Secondary suppression and the audits are as in the class comment; the result has no line with exactly one
     * withheld entry, no withheld entry the published ones determine, and no entry withheld in {@code start} as
     * {@link Status#PRIMARY} that they confine to less than its {@link Rules#protection} either side.
     */
    public static Status[] protect(Cell[] cells, List<int[]> lines, Status[] start, double[] cost, Rules rules) {
        Status[] st = withComplements(cells, lines, start, cost);
        for (int i = 0; i < cells.length; i++) {
            if (start[i] != Status.PRIMARY) continue;
            double need = rules.protection(cells[i]);
            if (need <= 0) continue;
            // a complement only frees a value the published figures fixed: every interval widens or stays, so an
            // entry protected once stays protected while the later ones are widened
            while (!intervalProtected(cells, lines, st, i, need)) {
                Status[] wider = widen(cells, lines, st, cost, i, need);
                if (wider == null) return withholdAll(st);
                st = wider;
            }
        }
        return st;
    }

    /** Whether withheld entry {@code cell} can move at least {@code need} rupiah up and down (down to 0 at most). */
    static boolean intervalProtected(Cell[] cells, List<int[]> lines, Status[] st, int cell, double need) {
        double value = cells[cell].gmv().doubleValue();
        IntervalAudit.Range r = IntervalAudit.range(cells, lines, st, cell, need);
        return r.covers(Math.min(need, value), need, value);
    }

    /**
     * One more complement for an entry confined too closely: every published, non-empty entry of a line through the
     * entry's component is tried (withheld, with the complements its lines then need), and the cheapest trial that
     * protects the entry is taken; when none does, the one that widens its interval most per rupiah of cost withheld
     * (each side counted up to its need). Null when no trial widens it at all.
     */
    private static Status[] widen(Cell[] cells, List<int[]> lines, Status[] st, double[] cost, int cell, double need) {
        double value = cells[cell].gmv().doubleValue();
        double needDown = Math.min(need, value);
        boolean[] member = new boolean[st.length];
        for (int e : IntervalAudit.component(lines, st, cell)) member[e] = true;
        java.util.TreeSet<Integer> candidates = new java.util.TreeSet<>((a, b) -> cost[a] != cost[b] ? Double.compare(cost[a], cost[b]) : Integer.compare(a, b));
        for (int[] line : lines) {
            boolean touches = false;
            for (int e : line) touches |= member[e];
            if (!touches) continue;
            for (int e : line) if (st[e] == Status.PUBLISHED) candidates.add(e);
        }
        double baseScore = score(IntervalAudit.range(cells, lines, st, cell, need), needDown, need);
        double bestGainPerCost = 0;
        Status[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        Status[] widest = null;
        for (int c : candidates) {
            Status[] trial = st.clone();
            trial[c] = Status.SECONDARY;
            trial = withComplements(cells, lines, trial, cost);
            double added = 0;
            for (int e = 0; e < st.length; e++) if (trial[e].suppressed() && !st[e].suppressed()) added += cost[e];
            if (added >= bestCost) continue;
            IntervalAudit.Range r = IntervalAudit.range(cells, lines, trial, cell, need);
            if (r.covers(needDown, need, value)) {
                best = trial;
                bestCost = added;
            } else if (best == null) {
                // widening per rupiah withheld: a cheap cell that gets half-way goes before a headline figure that
                // would get all the way at once
                double gain = score(r, needDown, need) - baseScore;
                if (gain > IntervalAudit.TOLERANCE && gain / Math.max(added, 1) > bestGainPerCost) {
                    widest = trial;
                    bestGainPerCost = gain / Math.max(added, 1);
                }
            }
        }
        return best != null ? best : widest;
    }

    /** How much of its need a range gives, each side counted up to 1. */
    private static double score(IntervalAudit.Range r, double needDown, double needUp) {
        return Math.min(1, needDown > 0 ? r.down() / needDown : 1) + Math.min(1, r.up() / needUp);
    }

    /** Everything non-empty withheld: the answer when nothing is left to hide a value behind. */
    private static Status[] withholdAll(Status[] st) {
        Status[] all = st.clone();
        for (int i = 0; i < all.length; i++) if (all[i] == Status.PUBLISHED) all[i] = Status.SECONDARY;
        return all;
    }

    /** Secondary suppression and the exact audit (class comment, steps 2 and 3) from {@code start}. */
    private static Status[] withComplements(Cell[] cells, List<int[]> lines, Status[] start, double[] cost) {
        Status[] st = start.clone();
        while (true) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int[] line : lines) {
                    if (countSuppressed(line, st) == 1 && suppressComplement(line, cells, st, cost)) changed = true;
                }
            }
            List<Integer> determined = determinedCells(lines, st);
            if (determined.isEmpty()) return st;
            boolean added = false;
            for (int cell : determined) {
                // the cheapest complement among the lines through the determined cell
                int[] best = null;
                double bestCost = Double.POSITIVE_INFINITY;
                for (int[] line : lines) {
                    if (!contains(line, cell)) continue;
                    int cand = cheapestPublished(line, cells, st, cost);
                    if (cand >= 0 && (best == null || cost[cand] < bestCost)) {
                        best = line;
                        bestCost = cost[cand];
                    }
                }
                if (best != null && suppressComplement(best, cells, st, cost)) {
                    added = true;
                    break;
                }
            }
            if (!added) {
                // nothing left to hide behind: withhold everything non-empty rather than publish a derivable value
                return withholdAll(st);
            }
        }
    }

    /**
     * Optimal protection of a small system (at most 20 publishable cells, e.g. a headline of a few classes and
     * totals): of all sets of complements that leave no line with exactly one withheld entry, no withheld entry
     * determined and every entry withheld in {@code start} as {@link Status#PRIMARY} its protection interval, the
     * one with the lowest total {@code weight} (what losing each cell costs the reader), then the fewest cells.
     * Exhaustive, so it finds what the greedy search of {@link #protect(Cell[], List, Status[], double[], Rules)}
     * can miss (a cheap complement that forces two more).
     */
    public static Status[] protectSmall(Cell[] cells, List<int[]> lines, Status[] start, double[] weight, Rules rules) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) if (start[i] == Status.PUBLISHED) open.add(i);
        if (open.size() > 20) throw new IllegalArgumentException("protectSmall: " + open.size() + " open cells, at most 20");
        boolean anySuppressed = false;
        for (Status s : start) anySuppressed |= s.suppressed();
        if (!anySuppressed) return start.clone();
        Status[] best = null;
        int bestCount = Integer.MAX_VALUE;
        double bestWeight = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < (1 << open.size()); mask++) {
            int count = Integer.bitCount(mask);
            double w = 0;
            for (int k = 0; k < open.size(); k++) if ((mask & (1 << k)) != 0) w += weight[open.get(k)];
            if (w > bestWeight || (w == bestWeight && count >= bestCount)) continue;
            Status[] st = start.clone();
            for (int k = 0; k < open.size(); k++) if ((mask & (1 << k)) != 0) st[open.get(k)] = Status.SECONDARY;
            boolean ok = true;
            for (int[] line : lines) {
                if (countSuppressed(line, st) == 1) {
                    ok = false;
                    break;
                }
            }
            if (!ok || !determinedCells(lines, st).isEmpty()) continue;
            for (int i = 0; i < cells.length && ok; i++) {
                double need = start[i] == Status.PRIMARY ? rules.protection(cells[i]) : 0;
                if (need > 0 && !intervalProtected(cells, lines, st, i, need)) ok = false;
            }
            if (!ok) continue;
            best = st;
            bestCount = count;
            bestWeight = w;
        }
        return best != null ? best : withholdAll(start);
    }

    /**
     * The suppressed entries whose value the published entries determine exactly (by any combination of
     * line equations). Empty for a well-protected grid.
     */
    public static List<int[]> determined(Status[][] st) {
        int rows = st.length;
        int cols = st[0].length;
        Status[] flat = new Status[rows * cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) flat[r * cols + c] = st[r][c];
        List<int[]> out = new ArrayList<>();
        for (int i : determinedCells(gridLines(rows, cols), flat)) out.add(new int[]{i / cols, i % cols});
        return out;
    }

    /** The withheld cells of a flat system whose value the published cells determine; empty when protected. */
    public static List<Integer> determinedCells(List<int[]> lines, Status[] st) {
        List<Integer> vars = new ArrayList<>();
        int[] index = new int[st.length];
        for (int i = 0; i < st.length; i++) {
            index[i] = -1;
            if (st[i].suppressed()) {
                index[i] = vars.size();
                vars.add(i);
            }
        }
        if (vars.isEmpty()) return List.of();
        // one equation per line: +1 for each suppressed cell, -1 for a suppressed total (last entry)
        double[][] m = new double[lines.size()][vars.size()];
        for (int i = 0; i < lines.size(); i++) {
            int[] line = lines.get(i);
            for (int k = 0; k < line.length; k++) {
                int v = index[line[k]];
                if (v >= 0) m[i][v] += k == line.length - 1 ? -1 : 1;
            }
        }
        int[] pivotOfRow = rref(m);
        List<Integer> out = new ArrayList<>();
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

    /** Every row and every column of a {@code rows × cols} grid as flat indices; the total is the last entry. */
    static List<int[]> gridLines(int rows, int cols) {
        List<int[]> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int[] line = new int[cols];
            for (int c = 0; c < cols; c++) line[c] = r * cols + c;
            lines.add(line);
        }
        for (int c = 0; c < cols; c++) {
            int[] line = new int[rows];
            for (int r = 0; r < rows; r++) line[r] = r * cols + c;
            lines.add(line);
        }
        return lines;
    }

    private static int countSuppressed(int[] line, Status[] st) {
        int n = 0;
        for (int e : line) if (st[e].suppressed()) n++;
        return n;
    }

    private static boolean contains(int[] line, int cell) {
        for (int e : line) if (e == cell) return true;
        return false;
    }

    private static int cheapestPublished(int[] line, Cell[] cells, Status[] st, double[] cost) {
        int best = -1;
        for (int e : line) {
            if (st[e] != Status.PUBLISHED) continue;
            if (best < 0 || cost[e] < cost[best] || (cost[e] == cost[best] && e < best)) best = e;
        }
        return best;
    }

    private static boolean suppressComplement(int[] line, Cell[] cells, Status[] st, double[] cost) {
        int e = cheapestPublished(line, cells, st, cost);
        if (e < 0) return false;
        st[e] = Status.SECONDARY;
        return true;
    }
}
