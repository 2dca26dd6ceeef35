package id.neraca.report;

import id.neraca.report.Disclosure.Cell;
import id.neraca.report.Disclosure.Status;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The headline's disclosure control: which complements it picks, and that nothing withheld comes back from the
 * headline, the tables and the evidence together (checked by an independent subtraction attack over all lines).
 */
class HeadlineDisclosureTest {
    /** The default rules (data/config/neraca.yaml): 3 sellers, 85% dominance, 10% protection. */
    static final Disclosure.Rules RULES = new Disclosure.Rules(3, 0.85, 0.10);

    private static final int UMKM = 0, LARGE = 1, IMPORTED = 2, XB = 3, UNKNOWN = 4, TOTAL = 5, FOREIGN = 6;

    private static Cell cell(long gmv, long sellers, long top) {
        return new Cell(BigDecimal.valueOf(gmv), sellers, BigDecimal.valueOf(top));
    }

    /** A headline from class values; every class has 10 sellers unless overridden, none dominant. */
    private static Cell[] headline(long umkm, long large, long imported, long xb, long unknown) {
        long[] v = {umkm, large, imported, xb, unknown};
        Cell[] c = new Cell[7];
        for (int i = 0; i < 5; i++) c[i] = cell(v[i], 10, v[i] / 5);
        long total = umkm + large + imported + xb + unknown;
        c[TOTAL] = cell(total, 50, total / 20);
        c[FOREIGN] = cell(imported + xb, 20, (imported + xb) / 5);
        return c;
    }

    @Test
    void aDominatedLargeClassIsHiddenBehindUnknownNotBehindTheForeignFigures() {
        // the samples' case: large local is one firm. The cheapest complement by value would be cross-border (3),
        // which then needs imported or foreign origin as well and finally local UMKM: four figures lost.
        // Two figures is the minimum, and unknown is given up before local UMKM.
        Cell[] h = headline(410, 81, 787, 3, 557);
        h[LARGE] = cell(81, 4, 80);
        Status[] st = HeadlineDisclosure.year(h, RULES);
        assertEquals(Status.PRIMARY, st[LARGE]);
        assertEquals(Status.SECONDARY, st[UNKNOWN]);
        for (int i : new int[]{UMKM, IMPORTED, XB, TOTAL, FOREIGN}) assertEquals(Status.PUBLISHED, st[i], HeadlineDisclosure.KEYS.get(i));
        assertProtected(h, HeadlineDisclosure.headlineLines(), st);
    }

    @Test
    void aSmallCrossBorderClassTakesImportedWithItAndKeepsForeignOrigin() {
        // cross-border from 2 sellers: with foreign origin published, hiding it needs imported too (the foreign
        // line), and nothing else: local UMKM, unknown and foreign origin stay published
        Cell[] h = headline(410, 81, 787, 3, 557);
        h[XB] = cell(3, 2, 2);
        Status[] st = HeadlineDisclosure.year(h, RULES);
        assertEquals(Status.PRIMARY, st[XB]);
        assertEquals(Status.SECONDARY, st[IMPORTED]);
        for (int i : new int[]{UMKM, LARGE, UNKNOWN, TOTAL, FOREIGN}) assertEquals(Status.PUBLISHED, st[i], HeadlineDisclosure.KEYS.get(i));
        assertProtected(h, HeadlineDisclosure.headlineLines(), st);
    }

    @Test
    void twoSmallClassesCostFourMinorFiguresRatherThanTheForeignOriginShare() {
        // cross-border and unknown both fail. Withholding foreign origin as well would be the smallest set (three
        // entries), but it is one of the three answers: imported and large local go instead
        Cell[] h = headline(410, 81, 787, 3, 557);
        h[XB] = cell(3, 2, 2);
        h[UNKNOWN] = cell(557, 8, 500);
        Status[] st = HeadlineDisclosure.year(h, RULES);
        assertEquals(Status.PRIMARY, st[XB]);
        assertEquals(Status.PRIMARY, st[UNKNOWN]);
        assertEquals(Status.SECONDARY, st[IMPORTED]);
        assertEquals(Status.SECONDARY, st[LARGE]);
        for (int i : new int[]{UMKM, TOTAL, FOREIGN}) assertEquals(Status.PUBLISHED, st[i], HeadlineDisclosure.KEYS.get(i));
        assertProtected(h, HeadlineDisclosure.headlineLines(), st);
    }

    @Test
    void aComplementTooSmallToHideTheDominatedClassIsNotEnough() {
        // the case above under a 15% protection level: unknown (Rp557, one seller Rp500) hidden behind large local
        // (Rp81) alone is known to within ±81, 14.5% of it, once imported + cross-border = foreign origin and the total
        // are published. The cheapest choice that leaves it 15% either side withholds foreign origin instead of
        // imported (loss 11 against 13 for imported and foreign origin): large local + cross-border + unknown = 641
        // is all an attacker knows, so unknown lies anywhere in [0, 641]
        Cell[] h = headline(410, 81, 787, 3, 557);
        h[XB] = cell(3, 2, 2);
        h[UNKNOWN] = cell(557, 8, 500);
        Disclosure.Rules strict = new Disclosure.Rules(3, 0.85, 0.15);
        assertEquals(0.15 * 557, strict.protection(h[UNKNOWN]), 1e-9, "the 15% floor, above the dominance level 500 / 0.85 - 557");
        Status[] st = HeadlineDisclosure.year(h, strict);
        assertEquals(Status.PRIMARY, st[XB]);
        assertEquals(Status.PRIMARY, st[UNKNOWN]);
        assertEquals(Status.SECONDARY, st[LARGE]);
        assertEquals(Status.SECONDARY, st[FOREIGN]);
        for (int i : new int[]{UMKM, IMPORTED, TOTAL}) assertEquals(Status.PUBLISHED, st[i], HeadlineDisclosure.KEYS.get(i));
        assertProtected(h, HeadlineDisclosure.headlineLines(), st);
        // the default 10% is met by large local alone (±81 > 55.7): the choice of the test above
        assertEquals(Status.PUBLISHED, HeadlineDisclosure.year(h, RULES)[FOREIGN]);
    }

    @Test
    void aHeadlineWithoutSensitiveEntriesIsPublishedWhole() {
        Status[] st = HeadlineDisclosure.year(headline(410, 81, 787, 3, 557), RULES);
        for (Status s : st) assertEquals(Status.PUBLISHED, s);
    }

    @Test
    void anEmptyClassIsNotAComplementAndNotWithheld() {
        // no cross-border sales at all: imported = foreign origin is not a secret, large local still needs a partner
        Cell[] h = headline(410, 81, 787, 0, 557);
        h[XB] = Cell.EMPTY;
        h[LARGE] = cell(81, 1, 81);
        Status[] st = HeadlineDisclosure.year(h, RULES);
        assertEquals(Status.EMPTY, st[XB]);
        assertEquals(Status.PUBLISHED, st[IMPORTED]);
        assertEquals(Status.PUBLISHED, st[FOREIGN]);
        assertTrue(st[LARGE].suppressed());
        assertProtected(h, HeadlineDisclosure.headlineLines(), st);
    }

    /**
     * The headline year with a two-row marketplace table and a three-row province table that share its
     * column totals, and the evidence of the large class. Large local is one dominant seller nationally.
     */
    @Test
    void tablesAndEvidenceSharingTheHeadlineGiveNothingBackTogether() {
        Cell[] h = headline(400, 80, 780, 30, 560);
        h[LARGE] = cell(80, 3, 75);
        Map<String, Cell[][]> tables = new LinkedHashMap<>();
        tables.put("marketplace", table(h, new long[][]{{250, 50, 500, 20, 300}, {150, 30, 280, 10, 260}}));
        tables.put("province", table(h, new long[][]{{100, 40, 300, 10, 200}, {200, 20, 300, 15, 200}, {100, 20, 180, 5, 160}}));
        List<HeadlineDisclosure.EvidenceCell> evidence = List.of(
                new HeadlineDisclosure.EvidenceCell("LOCAL_LARGE", cell(60, 2, 58)),
                new HeadlineDisclosure.EvidenceCell("LOCAL_LARGE", cell(20, 1, 20)),
                new HeadlineDisclosure.EvidenceCell("UNKNOWN", cell(500, 20, 40)),
                new HeadlineDisclosure.EvidenceCell("UNKNOWN", cell(60, 6, 20)));
        HeadlineDisclosure.Result r = HeadlineDisclosure.headlineYear(h, tables, evidence, RULES);

        assertTrue(r.headline()[LARGE].suppressed());
        assertFalse(r.headline()[UMKM].suppressed(), "local UMKM stays published");
        assertFalse(r.headline()[FOREIGN].suppressed(), "foreign origin stays published");
        // every table's column-total row carries the headline's verdicts
        for (Map.Entry<String, Status[][]> t : r.tables().entrySet()) {
            Status[][] s = t.getValue();
            int last = s.length - 1;
            for (int c = 0; c < 5; c++) assertEquals(r.headline()[c].suppressed(), s[last][c].suppressed(), t.getKey() + " column " + c);
            assertEquals(r.headline()[TOTAL].suppressed(), s[last][5].suppressed());
        }
        // an attacker with every published figure of the headline, both tables and the evidence recovers nothing
        Joint all = joint(h, tables, evidence, r);
        assertTrue(r.evidence()[0].suppressed() && r.evidence()[1].suppressed(), "the large class's evidence rows fail on their own");
        assertProtected(all.cells(), all.lines(), all.status());
    }

    /**
     * One importer's Rp300 in one province, its row and column otherwise of small cells: exact protection alone hides
     * it behind cells of Rp5 – 20, and the published figures (headline, both tables, evidence, as one system) bound
     * it within a few percent. With the interval audit no entry that fails the rules can be bounded closer than its
     * protection, by an independent solver over every published figure.
     */
    @Test
    void noEntryThatFailsTheRulesCanBeBoundedCloselyAcrossTheHeadlineYear() {
        Cell[] h = headline(400, 80, 780, 30, 560);
        Map<String, Cell[][]> tables = new LinkedHashMap<>();
        tables.put("marketplace", table(h, new long[][]{{250, 50, 500, 20, 300}, {150, 30, 280, 10, 260}}));
        Cell[][] province = table(h, new long[][]{{5, 10, 300, 5, 10}, {295, 50, 300, 20, 350}, {100, 20, 180, 5, 200}});
        province[0][IMPORTED] = cell(300, 1, 300);
        tables.put("province", province);
        List<HeadlineDisclosure.EvidenceCell> evidence = List.of(
                new HeadlineDisclosure.EvidenceCell("UNKNOWN", cell(500, 20, 40)),
                new HeadlineDisclosure.EvidenceCell("UNKNOWN", cell(60, 6, 20)));
        Disclosure.Rules exactOnly = new Disclosure.Rules(3, 0.85, 0);
        int oneImporter = -1;
        for (Disclosure.Rules rules : List.of(exactOnly, RULES)) {
            HeadlineDisclosure.Result r = HeadlineDisclosure.headlineYear(h, tables, evidence, rules);
            Joint all = joint(h, tables, evidence, r);
            assertProtected(all.cells(), all.lines(), all.status());
            for (int i = 0; i < all.cells().length; i++) if (all.cells()[i] == province[0][IMPORTED]) oneImporter = i;
            assertEquals(Status.PRIMARY, all.status()[oneImporter]);
            double need = RULES.protection(province[0][IMPORTED]);
            assertEquals(300 / 0.85 - 300, need, 1e-9);
            double max = IntervalAuditTest.oracle(all.cells(), all.lines(), all.status(), oneImporter, true);
            double min = IntervalAuditTest.oracle(all.cells(), all.lines(), all.status(), oneImporter, false);
            if (rules == exactOnly) {
                assertTrue(max - 300 < need || 300 - min < need, "the fixture's point: exact protection alone leaves ["
                        + min + ", " + max + "]");
                continue;
            }
            assertFalse(r.headline()[IMPORTED].suppressed() || r.headline()[FOREIGN].suppressed() || r.headline()[UMKM].suppressed(),
                    "the three answers stay published");
            for (int i = 0; i < all.cells().length; i++) {
                if (all.status()[i] != Status.PRIMARY) continue;
                double v = all.cells()[i].gmv().doubleValue();
                double p = RULES.protection(all.cells()[i]);
                double hi = IntervalAuditTest.oracle(all.cells(), all.lines(), all.status(), i, true);
                double lo = IntervalAuditTest.oracle(all.cells(), all.lines(), all.status(), i, false);
                assertTrue(hi - v >= p - 1e-6 && v - lo >= Math.min(p, v) - 1e-6,
                        "entry " + i + " (" + v + ") lies in [" + lo + ", " + hi + "], needs ±" + p);
            }
        }
    }

    /**
     * The samples' case in 2025: large local is one firm, so the headline withholds it and unknown with it, and
     * shows the two together (total − published classes). Line by line nothing is determined, but the unknown
     * class's evidence rows, all published but the smallest complement, add up to nearly all of it: an attacker
     * takes the withheld sum minus them and has the one firm's turnover within a few percent. Every part of a
     * class the headline withholds must be withheld too, in the evidence and in each table's column.
     */
    @Test
    void theOneFirmCannotBeWorkedOutFromTheWithheldSumAndTheOtherWithheldClassesParts() {
        Cell[] h = headline(415, 80, 787, 3, 560);
        h[LARGE] = cell(80, 1, 80);
        Cell[][] market = table(h, new long[][]{{150, 80, 400, 0, 300}, {140, 0, 200, 0, 200}, {125, 0, 187, 3, 60}});
        market[0][LARGE] = cell(80, 1, 80);
        market[1][LARGE] = Cell.EMPTY;
        market[2][LARGE] = Cell.EMPTY;
        market[0][XB] = Cell.EMPTY;
        market[1][XB] = Cell.EMPTY;
        Map<String, Cell[][]> tables = new LinkedHashMap<>();
        tables.put("marketplace", market);
        List<HeadlineDisclosure.EvidenceCell> evidence = List.of(
                new HeadlineDisclosure.EvidenceCell("CROSS_BORDER", cell(3, 5, 1)),
                new HeadlineDisclosure.EvidenceCell("IMPORTED", cell(700, 10, 100)),
                new HeadlineDisclosure.EvidenceCell("IMPORTED", cell(87, 4, 30)),
                new HeadlineDisclosure.EvidenceCell("LOCAL_LARGE", cell(80, 1, 80)),
                new HeadlineDisclosure.EvidenceCell("LOCAL_UMKM", cell(415, 10, 60)),
                new HeadlineDisclosure.EvidenceCell("UNKNOWN", cell(500, 20, 40)),
                new HeadlineDisclosure.EvidenceCell("UNKNOWN", cell(55, 6, 20)),
                new HeadlineDisclosure.EvidenceCell("UNKNOWN", cell(5, 3, 2)));
        HeadlineDisclosure.Result r = HeadlineDisclosure.headlineYear(h, tables, evidence, RULES);
        assertTrue(r.headline()[LARGE].suppressed() && r.headline()[UNKNOWN].suppressed(), "the one firm and its complement");
        for (int c : new int[]{UMKM, IMPORTED, XB, TOTAL, FOREIGN}) assertFalse(r.headline()[c].suppressed(), HeadlineDisclosure.KEYS.get(c));

        // what the report publishes: the withheld classes together (total − published classes) ...
        long withheldSum = h[TOTAL].gmv().longValue();
        for (int c : new int[]{UMKM, IMPORTED, XB}) withheldSum -= h[c].gmv().longValue();
        // ... and the published parts of each withheld class: its evidence rows, its cells in each table
        Map<String, List<long[]>> parts = new LinkedHashMap<>(); // class -> per line: {published sum, published parts}
        for (int cls : new int[]{LARGE, UNKNOWN}) {
            String name = HeadlineDisclosure.KEYS.get(cls);
            List<long[]> lines = new ArrayList<>();
            long sum = 0, n = 0;
            for (int k = 0; k < evidence.size(); k++) {
                if (evidence.get(k).originClass().equals(name) && r.evidence()[k] == Status.PUBLISHED) {
                    sum += evidence.get(k).cell().gmv().longValue();
                    n++;
                }
            }
            lines.add(new long[]{sum, n});
            Status[][] st = r.tables().get("marketplace");
            sum = 0;
            n = 0;
            for (int row = 0; row < market.length - 1; row++) {
                if (st[row][cls] == Status.PUBLISHED) {
                    sum += market[row][cls].gmv().longValue();
                    n++;
                }
            }
            lines.add(new long[]{sum, n});
            parts.put(name, lines);
        }
        // the attack: the other withheld class = withheld sum − the published parts of one; it must miss by more than 25%
        // (the other way round, unknown ≤ withheld sum is the headline's own bound: unknown is the complement, not the secret)
        long large = h[LARGE].gmv().longValue();
        for (long[] line : parts.get("UNKNOWN")) {
            long estimate = withheldSum - line[0];
            assertTrue(Math.abs(estimate - large) > 0.25 * large,
                    "large local (" + large + ") worked out as " + estimate + " from the unknown class's published parts");
        }
        // stronger: no part of a withheld class is published anywhere
        for (List<long[]> lines : parts.values()) for (long[] line : lines) assertEquals(0, line[1], "published parts of a withheld class");
    }

    /** The headline year as an attacker sees it: every entry of the headline, the tables and the evidence, and every line. */
    record Joint(Cell[] cells, List<int[]> lines, Status[] status) {}

    static Joint joint(Cell[] h, Map<String, Cell[][]> tables, List<HeadlineDisclosure.EvidenceCell> evidence, HeadlineDisclosure.Result r) {
        List<Cell> cells = new ArrayList<>(List.of(h));
        List<Status> status = new ArrayList<>(List.of(r.headline()));
        List<int[]> lines = new ArrayList<>(HeadlineDisclosure.headlineLines());
        for (Map.Entry<String, Cell[][]> t : tables.entrySet()) {
            Cell[][] g = t.getValue();
            Status[][] s = r.tables().get(t.getKey());
            int[][] idx = new int[g.length][6];
            for (int row = 0; row < g.length; row++) {
                for (int c = 0; c < 6; c++) {
                    if (row == g.length - 1) {
                        idx[row][c] = c == 5 ? TOTAL : c;
                    } else {
                        idx[row][c] = cells.size();
                        cells.add(g[row][c]);
                        status.add(s[row][c]);
                    }
                }
            }
            for (int row = 0; row < g.length; row++) lines.add(idx[row]);
            for (int c = 0; c < 6; c++) {
                int[] col = new int[g.length];
                for (int row = 0; row < g.length; row++) col[row] = idx[row][c];
                lines.add(col);
            }
        }
        Map<Integer, List<Integer>> byClass = new LinkedHashMap<>();
        for (int k = 0; k < evidence.size(); k++) {
            byClass.computeIfAbsent(HeadlineDisclosure.KEYS.indexOf(evidence.get(k).originClass()), c -> new ArrayList<>()).add(cells.size());
            cells.add(evidence.get(k).cell());
            status.add(r.evidence()[k]);
        }
        byClass.forEach((cls, members) -> {
            int[] line = new int[members.size() + 1];
            for (int k = 0; k < members.size(); k++) line[k] = members.get(k);
            line[members.size()] = cls;
            lines.add(line);
        });
        return new Joint(cells.toArray(Cell[]::new), lines, status.toArray(Status[]::new));
    }

    /** A table's grid whose last row is the headline's classes and total (the rows must add up to it). */
    private static Cell[][] table(Cell[] h, long[][] rows) {
        Cell[][] g = new Cell[rows.length + 1][6];
        long[] col = new long[5];
        for (int r = 0; r < rows.length; r++) {
            long total = 0;
            for (int c = 0; c < 5; c++) {
                g[r][c] = cell(rows[r][c], 5, rows[r][c] / 3);
                total += rows[r][c];
                col[c] += rows[r][c];
            }
            g[r][5] = cell(total, 25, total / 5);
        }
        for (int c = 0; c < 5; c++) {
            assertEquals(h[c].gmv().longValue(), col[c], "fixture rows add up to the headline, column " + c);
            g[rows.length][c] = h[c];
        }
        g[rows.length][5] = h[TOTAL];
        return g;
    }

    /**
     * Independent check: no line has exactly one withheld entry after repeated subtraction (an attacker solving
     * single-unknown lines until nothing changes), and the linear-algebra audit finds nothing determined.
     */
    static void assertProtected(Cell[] cells, List<int[]> lines, Status[] st) {
        boolean[] known = new boolean[cells.length];
        for (int i = 0; i < cells.length; i++) known[i] = !st[i].suppressed();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] line : lines) {
                int unknown = -1, n = 0;
                for (int e : line) if (!known[e]) { n++; unknown = e; }
                if (n == 1) {
                    known[unknown] = true;
                    changed = true;
                }
            }
        }
        for (int i = 0; i < cells.length; i++) assertFalse(st[i].suppressed() && known[i], "withheld entry " + i + " is recoverable");
        assertTrue(Disclosure.determinedCells(lines, st).isEmpty());
    }
}
