package id.neraca.report;

import id.neraca.classify.OriginEvidence;
import id.neraca.core.SmallResults;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * {@link CellStats}' statistics over a small input's completed sales, computed on the driver from the rows collected
 * once: the same rows, with the same columns, types and values (sums of per-seller sums, nulls where Spark's sum over
 * no value gives null, the two largest sellers' 0 when there is none), as {@code collectAsList()} of
 * {@link CellStats#gmvBy}, {@link CellStats#fromSellerBase}, {@link CellStats#evidence}, {@link CellStats#permendag},
 * {@link CellStats#headlineCells} and {@link CellStats#topThreeSharePct}. Each of those is a Spark query with a few
 * hundred ms of planning and jobs on a report's small input; one collect replaces them all. Only the order of the
 * rows may differ where the caller does not depend on it. {@code LocalCellStatsTest} holds the two paths equal.
 */
final class LocalCellStats {
    private LocalCellStats() {}

    /** At most this many completed sales are collected; more, and the statistics stay with Spark. */
    static final int MAX_ROWS = 200_000;

    /** One completed sale: the columns the statistics read. */
    record Sale(String period, String marketplace, String province, String category, String originClass,
                String sellerKey, BigDecimal gmv, List<String> reasons, Boolean permendag) {
        String seller() {
            return sellerKey == null ? CellStats.ANONYMOUS_SELLER : sellerKey;
        }
    }

    /** The completed sales, collected in one job; null when there are more than {@code maxRows}. */
    static List<Sale> collect(Dataset<Row> completed, int maxRows) {
        List<Row> rows = completed.select(col("period_month"), col("marketplace"), col("seller_province_code"),
                col("category"), col("origin_class"), col("seller_key"), col("gmv_idr"), col("origin_reasons"),
                col("permendag31_flag")).limit(maxRows + 1).collectAsList();
        if (rows.size() > maxRows) return null;
        List<Sale> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<String> reasons = r.isNullAt(7) ? null : r.getList(7);
            out.add(new Sale(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                    r.getString(5), r.isNullAt(6) ? null : r.getDecimal(6), reasons, r.isNullAt(8) ? null : r.getBoolean(8)));
        }
        return out;
    }

    /** {@link CellStats#completedInYear} of completed sales. */
    static List<Sale> inYear(List<Sale> completed, int year) {
        String prefix = year + "-";
        return completed.stream().filter(s -> s.period() != null && s.period().startsWith(prefix)).toList();
    }

    // ---------------------------------------------------------------- Spark's aggregates, one group at a time

    /** Spark's {@code sum} of decimals: null over no (non-null) value. */
    private static BigDecimal plus(BigDecimal sum, BigDecimal v) {
        if (v == null) return sum;
        return sum == null ? v : sum.add(v);
    }

    /** As {@code cast(decimal(24,2))}. */
    private static BigDecimal d2(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }

    /** sum(g), count(sellers), max(g) and the two largest g together, of one entry's per-seller sums. */
    private static Object[] entry(Map<String, BigDecimal[]> perSeller) {
        BigDecimal sum = null;
        BigDecimal first = null;
        BigDecimal second = null;
        for (BigDecimal[] s : perSeller.values()) {
            BigDecimal v = s[0];
            if (v == null) continue;
            sum = plus(sum, v);
            if (first == null || v.compareTo(first) > 0) {
                second = first;
                first = v;
            } else if (second == null || v.compareTo(second) > 0) {
                second = v;
            }
        }
        BigDecimal two = BigDecimal.ZERO;
        if (first != null) two = two.add(first);
        if (second != null) two = two.add(second);
        return new Object[]{d2(sum), (long) perSeller.size(), d2(first), d2(two)};
    }

    private static void addTo(Map<List<String>, Map<String, BigDecimal[]>> groups, List<String> key, String seller, BigDecimal gmv) {
        BigDecimal[] s = groups.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(seller, k -> new BigDecimal[1]);
        s[0] = plus(s[0], gmv);
    }

    private static List<String> key(String... parts) {
        return Arrays.asList(parts);
    }

    // ---------------------------------------------------------------- the statistics

    /**
     * {@link CellStats#gmvBy}{@code (sales, "category")} ordered by GMV descending (nulls last), then key, the first
     * {@code n} keys: the report's largest categories.
     */
    static List<String> topCategories(List<Sale> sales, int n) {
        Map<String, BigDecimal[]> byKey = new HashMap<>();
        for (Sale s : sales) {
            BigDecimal[] g = byKey.computeIfAbsent(s.category() == null ? CellStats.UNKNOWN_KEY : s.category(), k -> new BigDecimal[1]);
            g[0] = plus(g[0], s.gmv());
        }
        Comparator<Map.Entry<String, BigDecimal[]>> byGmv = (a, b) -> {
            BigDecimal x = d2(a.getValue()[0]);
            BigDecimal y = d2(b.getValue()[0]);
            if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1; // desc: nulls last
            return y.compareTo(x);
        };
        return byKey.entrySet().stream().sorted(byGmv.thenComparing((a, b) -> SmallResults.compareValues(a.getKey(), b.getKey())))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    /** The rows of {@link CellStats#fromSellerBase}{@code (sellerBase(sales, keep))}. */
    static List<Row> cells(List<Sale> sales, List<String> keep) {
        List<String> dims = List.copyOf(CellStats.DIMENSIONS.keySet());
        // per table: CELL (value, class) and ROW_TOTAL (value); shared: COL_TOTAL (class) and GRAND
        List<Map<List<String>, Map<String, BigDecimal[]>>> cell = new ArrayList<>();
        List<Map<List<String>, Map<String, BigDecimal[]>>> rowTotal = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            cell.add(new LinkedHashMap<>());
            rowTotal.add(new LinkedHashMap<>());
        }
        Map<List<String>, Map<String, BigDecimal[]>> colTotal = new LinkedHashMap<>();
        Map<List<String>, Map<String, BigDecimal[]>> grand = new LinkedHashMap<>();
        for (Sale s : sales) {
            String seller = s.seller();
            for (int i = 0; i < dims.size(); i++) {
                String v = value(s, CellStats.DIMENSIONS.get(dims.get(i)), keep);
                addTo(cell.get(i), key(v, s.originClass()), seller, s.gmv());
                addTo(rowTotal.get(i), key(v), seller, s.gmv());
            }
            addTo(colTotal, key(s.originClass()), seller, s.gmv());
            addTo(grand, key(), seller, s.gmv());
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            String table = dims.get(i);
            for (var e : cell.get(i).entrySet()) out.add(row(table, "CELL", e.getKey().get(0), e.getKey().get(1), entry(e.getValue())));
            for (var e : rowTotal.get(i).entrySet()) out.add(row(table, "ROW_TOTAL", e.getKey().get(0), null, entry(e.getValue())));
        }
        for (String table : dims) {
            for (var e : colTotal.entrySet()) out.add(row(table, "COL_TOTAL", null, e.getKey().get(0), entry(e.getValue())));
            for (var e : grand.entrySet()) out.add(row(table, "GRAND", null, null, entry(e.getValue())));
        }
        return out;
    }

    /** A sale's key in one table ({@link CellStats#sellerBase}: missing → unknown; a category not kept → other). */
    private static String value(Sale s, String column, List<String> keep) {
        String v = switch (column) {
            case "marketplace" -> s.marketplace();
            case "seller_province_code" -> s.province();
            case "category" -> s.category();
            default -> throw new IllegalArgumentException(column);
        };
        if (v == null) v = CellStats.UNKNOWN_KEY;
        if (column.equals("category") && keep != null && !keep.contains(v)) v = CellStats.OTHER_KEY;
        return v;
    }

    private static Row row(String table, String level, String rowKey, String cls, Object[] st) {
        return RowFactory.create(table, level, rowKey, cls, st[0], st[1], st[2], st[3]);
    }

    /** The rows of {@link CellStats#evidence}: origin_class, evidence, lines, gmv_idr, sellers, top, top two. */
    static List<Row> evidence(List<Sale> sales) {
        Map<List<String>, Map<String, BigDecimal[]>> groups = new LinkedHashMap<>();
        Map<List<String>, long[]> lines = new HashMap<>();
        for (Sale s : sales) {
            List<String> k = key(s.originClass(), decisiveReason(s.originClass(), s.reasons()));
            addTo(groups, k, s.seller(), s.gmv());
            lines.computeIfAbsent(k, x -> new long[1])[0]++;
        }
        List<Row> out = new ArrayList<>();
        for (var e : groups.entrySet()) {
            Object[] st = entry(e.getValue());
            out.add(RowFactory.create(e.getKey().get(0), e.getKey().get(1), lines.get(e.getKey())[0], st[0], st[1], st[2], st[3]));
        }
        return out;
    }

    /** {@link CellStats#decisiveReason} of one sale. */
    static String decisiveReason(String originClass, List<String> reasons) {
        String hit = null;
        if (originClass != null) {
            List<String> codes = switch (originClass) {
                case OriginEvidence.CROSS_BORDER -> OriginEvidence.DECIDES_CROSS_BORDER;
                case OriginEvidence.IMPORTED -> OriginEvidence.DECIDES_FOREIGN_GOODS;
                case "LOCAL_UMKM", "LOCAL_LARGE" -> OriginEvidence.DECIDES_LOCAL_GOODS;
                case OriginEvidence.UNKNOWN -> OriginEvidence.UNKNOWN_BECAUSE;
                default -> null;
            };
            if (codes != null && reasons != null) hit = firstOf(reasons, codes);
        }
        return hit == null ? "NONE" : hit;
    }

    private static String firstOf(List<String> reasons, List<String> codes) {
        for (String c : codes) {
            boolean prefix = c.endsWith(":");
            for (String r : reasons) {
                if (r != null && (prefix ? r.startsWith(c) : r.equals(c))) return prefix ? c.substring(0, c.length() - 1) : c;
            }
        }
        return null;
    }

    /** The one row of {@link CellStats#permendag}. */
    static Row permendag(List<Sale> sales) {
        final class Seller {
            long fl;
            BigDecimal fg;
            long l;
            BigDecimal g;
            long xl;
            BigDecimal xg;
        }
        Map<String, Seller> bySeller = new HashMap<>(); // the seller key as it is: sales without one are one group
        for (Sale s : sales) {
            Seller t = bySeller.computeIfAbsent(s.sellerKey(), k -> new Seller());
            boolean flagged = Boolean.TRUE.equals(s.permendag());
            boolean xb = OriginEvidence.CROSS_BORDER.equals(s.originClass());
            if (flagged) {
                t.fl++;
                t.fg = plus(t.fg, s.gmv());
            }
            t.l++;
            t.g = plus(t.g, s.gmv());
            if (xb) {
                t.xl++;
                t.xg = plus(t.xg, s.gmv());
            }
        }
        if (bySeller.isEmpty()) return RowFactory.create(null, null, null, null, null, null, 0L, null);
        long fl = 0, l = 0, xl = 0, flaggedSellers = 0;
        BigDecimal fg = null, g = null, xg = null, top = null;
        for (var e : bySeller.entrySet()) {
            Seller t = e.getValue();
            fl += t.fl;
            l += t.l;
            xl += t.xl;
            fg = plus(fg, t.fg);
            g = plus(g, t.g);
            xg = plus(xg, t.xg);
            if (t.fl > 0 && e.getKey() != null) flaggedSellers++;
            if (t.fg != null && (top == null || t.fg.compareTo(top) > 0)) top = t.fg;
        }
        return RowFactory.create(fl, d2(fg), l, d2(g), xl, d2(xg), flaggedSellers, d2(top));
    }

    /** The rows of {@link CellStats#headlineCells}: year, key, gmv_idr, sellers, top, top two. */
    static List<Row> headlineCells(List<Sale> completed) {
        Map<List<String>, Map<String, BigDecimal[]>> groups = new LinkedHashMap<>();
        for (Sale s : completed) {
            String year = s.period() == null ? null : firstCodePoints(s.period(), 4);
            String cls = s.originClass();
            if (cls != null) addTo(groups, key(year, cls), s.seller(), s.gmv());
            addTo(groups, key(year, CellStats.TOTAL_KEY), s.seller(), s.gmv());
            if (OriginEvidence.IMPORTED.equals(cls) || OriginEvidence.CROSS_BORDER.equals(cls)) {
                addTo(groups, key(year, CellStats.FOREIGN_KEY), s.seller(), s.gmv());
            }
        }
        List<Row> out = new ArrayList<>();
        for (var e : groups.entrySet()) {
            Object[] st = entry(e.getValue());
            out.add(RowFactory.create(e.getKey().get(0), e.getKey().get(1), st[0], st[1], st[2], st[3]));
        }
        return out;
    }

    /** Spark's {@code substring(s, 1, n)}: the first n characters (code points). */
    private static String firstCodePoints(String s, int n) {
        int cps = s.codePointCount(0, s.length());
        return cps <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
    }

    /** {@link CellStats#topThreeSharePct}. */
    static BigDecimal topThreeSharePct(List<Sale> sales) {
        Map<String, BigDecimal[]> perSeller = new HashMap<>();
        for (Sale s : sales) {
            BigDecimal[] g = perSeller.computeIfAbsent(s.seller(), k -> new BigDecimal[1]);
            g[0] = plus(g[0], s.gmv());
        }
        if (perSeller.size() < 3) return null;
        List<BigDecimal> g = perSeller.values().stream().map(x -> x[0])
                .sorted(Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())).toList();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal top = BigDecimal.ZERO;
        for (int i = 0; i < g.size(); i++) {
            BigDecimal v = g.get(i) == null ? BigDecimal.ZERO : g.get(i);
            total = total.add(v);
            if (i < 3) top = top.add(v);
        }
        if (total.signum() <= 0) return null;
        return top.multiply(BigDecimal.valueOf(100)).divide(total, 4, RoundingMode.HALF_UP);
    }
}
