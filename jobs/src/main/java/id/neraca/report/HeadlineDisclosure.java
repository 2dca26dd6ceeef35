package id.neraca.report;

import id.neraca.report.Disclosure.Cell;
import id.neraca.report.Disclosure.Status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Disclosure control of the headline and of everything that shares its figures, as one system.
 *
 * <p>A year's headline publishes seven entries: the five origin classes, the total, and foreign origin
 * (IMPORTED + CROSS_BORDER). Two additive lines tie them: the classes sum to the total, and imported plus
 * cross-border is foreign origin. A class whose national value fails the rules on its own (fewer than
 * {@code min_sellers} sellers, one dominant seller) is withheld, and complements are chosen so that no line
 * gives it back. The choice is exhaustive ({@link Disclosure#protectSmall}): the set of complements that costs
 * the reader least by {@link #LOSS} (large local 1, unknown 2, cross-border 2.5, imported 3, foreign origin and
 * local UMKM 10, the total 20), so the three questions keep their answers whenever the rules allow: four minor
 * figures are withheld rather than the foreign-origin share.
 *
 * <p>In the headline year the breakdown tables' column totals and grand total <i>are</i> the headline's
 * entries, and the evidence table's rows of one class sum to that class's total. Protecting each table on its
 * own would let one table publish a complement another withholds, and differencing across them would give a
 * withheld value back. So the headline year is protected as one linear system: the headline's lines, every
 * table's row and column lines (their column totals mapped to the headline's entries), and one line per class
 * of the evidence table. The headline's choice is made first; complements elsewhere avoid headline entries (a
 * cost above any GMV), and the audit runs over all lines at once.
 *
 * <p>Suppression is consistent across tables: every part of a class the headline withholds (its cells in each
 * table, its evidence rows) is withheld too, before any complement is chosen. The audit alone is not enough:
 * the headline shows the withheld classes' sum (total − published classes), and when two classes are withheld
 * the published parts of one (all its evidence rows but the smallest complement) give the other within a few
 * percent by subtraction, although no line has a single unknown left (interval, not exact, disclosure).
 */
public final class HeadlineDisclosure {
    private HeadlineDisclosure() {}

    /** The headline's entries, in this order (indices of the arrays below). */
    public static final List<String> KEYS = List.of("LOCAL_UMKM", "LOCAL_LARGE", "IMPORTED", "CROSS_BORDER", "UNKNOWN",
            CellStats.TOTAL_KEY, CellStats.FOREIGN_KEY);
    public static final int TOTAL = 5;
    public static final int FOREIGN = 6;
    /** What withholding each entry costs the reader, in the order of {@link #KEYS}: the three questions' figures dearest. */
    static final double[] LOSS = {10, 1, 3, 2.5, 2, 20, 10};

    /** The headline's two lines: the classes sum to the total; imported + cross-border = foreign origin. */
    static List<int[]> headlineLines() {
        return List.of(new int[]{0, 1, 2, 3, 4, TOTAL}, new int[]{2, 3, FOREIGN});
    }

    /** One year's headline on its own (years without breakdown tables). {@code cells} in the order of {@link #KEYS}. */
    public static Status[] year(Cell[] cells, Disclosure.Rules rules) {
        check(cells);
        return Disclosure.protectSmall(cells, headlineLines(), Disclosure.primary(cells, rules),
                LOSS, rules);
    }

    /** One evidence row of the headline year: its class (a key of {@link #KEYS}, 0–4) and its cell. */
    public record EvidenceCell(String originClass, Cell cell) {}

    /** The statuses of the headline year's published entries. */
    public record Result(Status[] headline, Map<String, Status[][]> tables, Status[] evidence) {}

    /**
     * The headline year as one system (class comment). {@code tables}: name → grid of {@code (rows+1) ×
     * (classes+1)} cells as {@link Disclosure#protect(Cell[][], int, double)} takes it, the class columns in the
     * order of {@link ReportData#CLASSES}; its last row is replaced by the headline's entries.
     */
    public static Result headlineYear(Cell[] headline, Map<String, Cell[][]> tables, List<EvidenceCell> evidence,
                                      Disclosure.Rules rules) {
        check(headline);
        if (!ReportData.CLASSES.equals(KEYS.subList(0, 5))) throw new IllegalStateException("class order");
        List<Cell> cells = new ArrayList<>(List.of(headline));
        // the origin class (0–4) of each entry that is a part of one class's total, -1 for the others
        List<Integer> classOf = new ArrayList<>(java.util.Collections.nCopies(KEYS.size(), -1));
        List<int[]> lines = new ArrayList<>(headlineLines());
        Map<String, int[][]> tableIndex = new LinkedHashMap<>();
        for (Map.Entry<String, Cell[][]> t : tables.entrySet()) {
            Cell[][] g = t.getValue();
            int rows = g.length;
            int cols = g[0].length;
            if (cols != 6) throw new IllegalArgumentException("table " + t.getKey() + ": " + cols + " columns, expected 6");
            int[][] index = new int[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (r == rows - 1) {
                        index[r][c] = c == cols - 1 ? TOTAL : c;
                    } else {
                        index[r][c] = cells.size();
                        cells.add(g[r][c]);
                        classOf.add(c < cols - 1 ? c : -1);
                    }
                }
            }
            for (int[] line : Disclosure.gridLines(rows, cols)) {
                int[] mapped = new int[line.length];
                for (int k = 0; k < line.length; k++) mapped[k] = index[line[k] / cols][line[k] % cols];
                lines.add(mapped);
            }
            tableIndex.put(t.getKey(), index);
        }
        int evidenceStart = cells.size();
        Map<Integer, List<Integer>> byClass = new LinkedHashMap<>();
        for (EvidenceCell e : evidence) {
            int cls = KEYS.indexOf(e.originClass());
            if (cls < 0 || cls >= TOTAL) throw new IllegalArgumentException("evidence of unknown class " + e.originClass());
            byClass.computeIfAbsent(cls, k -> new ArrayList<>()).add(cells.size());
            cells.add(e.cell());
            classOf.add(cls);
        }
        byClass.forEach((cls, members) -> {
            int[] line = new int[members.size() + 1];
            for (int k = 0; k < members.size(); k++) line[k] = members.get(k);
            line[members.size()] = cls;
            lines.add(line);
        });

        Cell[] all = cells.toArray(Cell[]::new);
        Status[] start = Disclosure.primary(all, rules);
        System.arraycopy(year(headline, rules), 0, start, 0, KEYS.size());
        double[] cost = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            cost[i] = i < KEYS.size() ? 1e30 * LOSS[i] : all[i].gmv().doubleValue();
        }
        // an entry that is the only non-empty part of its line equals the line's total: withholding one withholds
        // the other, so it costs as much as the total (a province row's cross-border cell that holds all the
        // cross-border sales is as dear as the headline's cross-border figure)
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int[] line : lines) {
                int only = -1;
                int parts = 0;
                for (int k = 0; k < line.length - 1; k++) {
                    if (!all[line[k]].empty()) {
                        parts++;
                        only = line[k];
                    }
                }
                int total = line[line.length - 1];
                if (parts == 1 && cost[only] != cost[total]) {
                    double c = Math.max(cost[only], cost[total]);
                    cost[only] = c;
                    cost[total] = c;
                    changed = true;
                }
            }
        }
        // consistent suppression: a class the headline withholds is withheld in every table and in the evidence too.
        // Its parts published elsewhere would add up to (nearly) its total, and with the withheld classes' sum
        // (total − published classes, which the headline shows) they would bound the other withheld class: the
        // large local class (one firm) = withheld sum − the unknown class's published evidence rows. Line-by-line
        // protection does not see this, as no line has a single unknown left; withholding every part does.
        Status[] protecting = start;
        do {
            for (int i = KEYS.size(); i < all.length; i++) {
                int cls = classOf.get(i);
                if (cls >= 0 && protecting[cls].suppressed() && protecting[i] == Status.PUBLISHED) protecting[i] = Status.SECONDARY;
            }
            // complements for the lines these leave with one withheld entry; protect never releases an entry, but
            // it may withhold another headline class (when nothing else can hide a line), whose parts then follow
            protecting = Disclosure.protect(all, lines, protecting, cost, rules);
        } while (publishedPartOfWithheldClass(protecting, classOf) >= 0);
        Status[] st = protecting;

        Status[] head = java.util.Arrays.copyOfRange(st, 0, KEYS.size());
        Map<String, Status[][]> tableStatus = new LinkedHashMap<>();
        tableIndex.forEach((name, index) -> {
            Status[][] s = new Status[index.length][index[0].length];
            for (int r = 0; r < index.length; r++) for (int c = 0; c < index[0].length; c++) s[r][c] = st[index[r][c]];
            tableStatus.put(name, s);
        });
        Status[] ev = java.util.Arrays.copyOfRange(st, evidenceStart, st.length);
        return new Result(head, tableStatus, ev);
    }

    /** The first entry that is a published part of a class the headline withholds, or -1. */
    private static int publishedPartOfWithheldClass(Status[] st, List<Integer> classOf) {
        for (int i = KEYS.size(); i < st.length; i++) {
            int cls = classOf.get(i);
            if (cls >= 0 && st[cls].suppressed() && st[i] == Status.PUBLISHED) return i;
        }
        return -1;
    }

    private static void check(Cell[] headline) {
        if (headline.length != KEYS.size()) {
            throw new IllegalArgumentException("a headline has " + KEYS.size() + " entries " + KEYS + ", got " + headline.length);
        }
    }
}
