package id.neraca.aggregate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.core.Log;
import id.neraca.core.NeracaException;
import id.neraca.core.Schemas;
import id.neraca.core.Stage;
import id.neraca.core.StageContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * AggregateMonthly: {@code out/classified/} → {@code out/aggregates/}.
 *
 * <p>Inputs: the classified sales table (columns of {@link Schemas#classified()}). Outputs (Parquet folder plus a
 * {@code <name>.csv} copy each; grains and columns in docs/OUTPUTS.md):
 * <ul>
 *   <li>{@code monthly_detail}: one row per period_month × grain × origin_class × marketplace ×
 *       seller_province_code × category, both grains (order lines and listing snapshots);</li>
 *   <li>{@code monthly_headline}: one row per period_month, order lines only;</li>
 *   <li>{@code annual_headline}: one row per calendar year, order lines only.</li>
 * </ul>
 * Excluded: every sale whose status is not {@code COMPLETED} (cancelled and returned sales earn no GMV), and,
 * from the headline series only, {@code LISTING_PERIOD} rows: a scrape's cumulative sold-count snapshot is not
 * a month's sales, so adding it to a monthly time series would double count it.
 *
 * <p>The job checks its own accounting identities and fails with exit 3 when one is violated: the five origin
 * classes add up to the total to the sen in every month and year, and the totals equal the completed GMV of
 * {@code out/classified/}. Run alone with {@code neraca aggregate}.
 */
public final class AggregateMonthly implements Stage {
    public static final DecimalType MONEY = DataTypes.createDecimalType(22, 2);
    public static final DecimalType SHARE = DataTypes.createDecimalType(7, 4);
    public static final String ORDER_LINE = "ORDER_LINE";
    public static final String LISTING_PERIOD = "LISTING_PERIOD";
    public static final String COMPLETED = "COMPLETED";

    /** The headline class columns, in the order of Schemas.ORIGIN_CLASSES. */
    /** The columns of the classified table the aggregates read. */
    static final List<String> INPUT_COLUMNS = List.of("sale_id", "grain", "period_month", "origin_class", "marketplace",
            "seller_province_code", "category", "seller_key", "quantity", "gmv_idr", "status");

    public static final List<String> CLASS_COLUMNS = List.of(
            "local_umkm_gmv_idr", "local_large_gmv_idr", "imported_gmv_idr", "cross_border_gmv_idr", "unknown_gmv_idr");

    public static final String[] DETAIL_KEY = {"period_month", "grain", "origin_class", "marketplace",
            "seller_province_code", "category"};

    @Override
    public String name() {
        return "AggregateMonthly";
    }

    @Override
    public String command() {
        return "aggregate";
    }

    /** The three aggregate tables. */
    public record Aggregates(Dataset<Row> detail, Dataset<Row> monthly, Dataset<Row> annual) {}

    @Override
    public void run(StageContext ctx) {
        if (!ctx.outputs().exists("classified")) {
            throw NeracaException.usage("%s: no classified sales. Run `neraca classify` (or `neraca run`) first.",
                    ctx.outputs().path("classified"));
        }
        Dataset<Row> classified = ctx.spark().read().parquet(ctx.outputs().path("classified"));
        requireColumns(classified, ctx.outputs().path("classified"));
        // partition columns come back with inferred types when out/classified is partitioned on disk
        // only the columns the aggregates read are cached: the classified table is wide (titles, reasons, evidence),
        // and caching all of it cost most of this stage (docs/BENCHMARKS.md)
        classified = classified.select(INPUT_COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
                .withColumn("period_month", col("period_month").cast("string"))
                .withColumn("marketplace", col("marketplace").cast("string"))
                // the order id is derived once here (a regular expression per row) instead of once per table, and the
                // long sale_id is not cached
                .withColumn("order_id", orderId())
                .drop("sale_id")
                .cache();
        Dataset<Row> detail = null;
        Dataset<Row> monthly = null;
        Dataset<Row> annual = null;
        try {
            Aggregates a = aggregate(classified);
            detail = a.detail().cache();
            monthly = a.monthly().cache();
            annual = a.annual().cache();
            Identity check = checkIdentities(classified, detail, monthly, annual);
            ObjectNode section = ctx.manifest().stage(name());
            section.put("classified_rows", check.classifiedRows());
            section.put("completed_rows", check.completedRows());
            section.put("completed_listing_rows", check.listingRows());
            section.put("completed_gmv_idr", check.completedGmv().toPlainString());
            section.put("headline_gmv_idr", check.headlineGmv().toPlainString());
            section.put("listing_gmv_idr", check.listingGmv().toPlainString());
            if (!check.violations().isEmpty()) {
                var arr = section.putArray("identity_violations");
                check.violations().forEach(arr::add);
                throw NeracaException.data("%s: the aggregates fail their accounting identities:%n  %s%n"
                                + "Fix the classified table (re-run `neraca classify`) and run `neraca aggregate` again.",
                        ctx.outputs().path("classified"), String.join("\n  ", check.violations()));
            }
            long detailRows = check.detailRows();
            long months = check.months();
            long years = check.years();
            section.put("detail_rows", detailRows);
            section.put("months", months);
            section.put("years", years);
            section.put("rows_out", detailRows + months + years);
            section.put("identities", "OK");
            if (check.listingRows() > 0) {
                String w = String.format("%d completed listing-snapshot rows (Rp%s) are in monthly_detail only, not in "
                        + "the headline series", check.listingRows(), check.listingGmv().toPlainString());
                section.putArray("warnings").add(w);
                Log.info("%s", w);
            }
            String staged = ctx.outputs().staging("aggregates");
            boolean csv = ctx.cfg().aggregate().csvCopy();
            var fs = ctx.outputs().fs();
            Tables.write(fs, staged, "monthly_detail", detail, order(DETAIL_KEY), csv);
            Tables.write(fs, staged, "monthly_headline", monthly, order("period_month"), csv);
            Tables.write(fs, staged, "annual_headline", annual, order("year"), csv);
            ctx.outputs().commit("aggregates");
            Log.info("aggregates: %,d detail rows, %d months, %d years; completed GMV Rp%s (identities hold)",
                    detailRows, months, years, check.completedGmv().toPlainString());
        } finally {
            classified.unpersist();
            if (detail != null) detail.unpersist();
            if (monthly != null) monthly.unpersist();
            if (annual != null) annual.unpersist();
        }
    }

    static Column[] order(String... cols) {
        Column[] c = new Column[cols.length];
        for (int i = 0; i < cols.length; i++) c[i] = col(cols[i]).asc_nulls_first();
        return c;
    }

    private static void requireColumns(Dataset<Row> d, String where) {
        List<String> have = List.of(d.columns());
        List<String> missing = new ArrayList<>();
        for (String c : INPUT_COLUMNS) {
            if (!have.contains(c)) missing.add(c);
        }
        if (!missing.isEmpty()) {
            throw NeracaException.data("%s: the classified table lacks columns %s (expected Schemas.classified()). "
                    + "Re-run `neraca classify` with this version.", where, missing);
        }
    }

    // ------------------------------------------------------------------------------------------------ transforms

    /**
     * The order an order line belongs to: {@code sale_id} is {@code <marketplace>:<source order id>:<line key>}
     * (docs/CONTRACTS.md), so the order id is everything before the last {@code :}. Listing snapshots have no
     * orders: null.
     */
    public static Column orderId() {
        return when(col("grain").equalTo(ORDER_LINE), regexp_extract(col("sale_id"), "^(.*):[^:]*$", 1));
    }

    /** Completed sales only, with the derived order id (unless already there) and calendar year. */
    public static Dataset<Row> completed(Dataset<Row> classified) {
        Dataset<Row> done = classified.filter(col("status").equalTo(COMPLETED));
        if (!List.of(classified.columns()).contains("order_id")) done = done.withColumn("order_id", orderId());
        return done.withColumn("year", substring(col("period_month"), 1, 4));
    }

    public static Aggregates aggregate(Dataset<Row> classified) {
        Dataset<Row> done = completed(classified);
        return new Aggregates(detail(done), headline(done.filter(col("grain").equalTo(ORDER_LINE)), "period_month"),
                annual(done.filter(col("grain").equalTo(ORDER_LINE))));
    }

    /**
     * One row per period_month × grain × origin_class × marketplace × seller_province_code × category. Distinct
     * orders are counted from the distinct (cell, order) pairs and joined back on the cell (null-safe): collecting a
     * set of order ids per seller made Spark fall back from hash to sort-based aggregation past 128 groups per task,
     * which cost most of this stage at a million rows (docs/BENCHMARKS.md).
     */
    public static Dataset<Row> detail(Dataset<Row> completed) {
        Column[] key = cols(DETAIL_KEY);
        Column[] keyAndSeller = new Column[key.length + 1];
        System.arraycopy(key, 0, keyAndSeller, 0, key.length);
        keyAndSeller[key.length] = col("seller_key");
        Dataset<Row> perSeller = completed.groupBy(keyAndSeller).agg(
                sum("gmv_idr").as("seller_gmv"),
                sum("quantity").as("seller_units"));
        Dataset<Row> cells = perSeller.groupBy(key).agg(
                sum("seller_gmv").cast(MONEY).as("gmv_idr"),
                sum("seller_units").cast("long").as("units"),
                count(col("seller_key")).as("sellers"),
                max(when(col("seller_key").isNotNull(), col("seller_gmv"))).cast(MONEY).as("top_seller_gmv_idr"));
        Column[] keyAndOrder = new Column[key.length + 1];
        System.arraycopy(key, 0, keyAndOrder, 0, key.length);
        keyAndOrder[key.length] = col("order_id");
        Dataset<Row> orders = completed.filter(col("order_id").isNotNull()).select(keyAndOrder).distinct()
                .groupBy(key).agg(count(lit(1)).as("orders_all"));
        for (String k : DETAIL_KEY) orders = orders.withColumnRenamed(k, "_o_" + k);
        Column on = lit(true);
        for (String k : DETAIL_KEY) on = on.and(col(k).eqNullSafe(col("_o_" + k)));
        return cells.join(orders, on, "left")
                .withColumn("orders", when(col("grain").equalTo(ORDER_LINE), coalesce(col("orders_all"), lit(0L))).cast("long"))
                .select(col("period_month"), col("origin_class"), col("marketplace"), col("seller_province_code"),
                        col("category"), col("gmv_idr"), col("orders"), col("units"), col("sellers"),
                        col("top_seller_gmv_idr"), col("grain"));
    }

    /** The headline columns per {@code periodCol} over completed order lines. */
    public static Dataset<Row> headline(Dataset<Row> completedOrderLines, String periodCol) {
        List<Column> aggs = new ArrayList<>();
        aggs.add(sum("gmv_idr").cast(MONEY).as("total_gmv_idr"));
        for (int i = 0; i < CLASS_COLUMNS.size(); i++) {
            aggs.add(coalesce(sum(when(col("origin_class").equalTo(Schemas.ORIGIN_CLASSES.get(i)), col("gmv_idr"))),
                    lit(BigDecimal.ZERO)).cast(MONEY).as(CLASS_COLUMNS.get(i)));
        }
        aggs.add(countDistinct(col("order_id")).as("orders"));
        aggs.add(sum("quantity").cast("long").as("units"));
        aggs.add(countDistinct(col("seller_key")).as("sellers"));
        if (!periodCol.equals("period_month")) aggs.add(countDistinct(col("period_month")).as("months_observed"));
        Dataset<Row> g = completedOrderLines.groupBy(col(periodCol))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
        List<Column> out = new ArrayList<>();
        out.add(col(periodCol));
        out.add(col("total_gmv_idr"));
        CLASS_COLUMNS.forEach(c -> out.add(col(c)));
        out.add(share(col("local_umkm_gmv_idr")).as("local_umkm_share_pct"));
        out.add(share(col("imported_gmv_idr").plus(col("cross_border_gmv_idr"))).as("foreign_origin_share_pct"));
        out.add(share(col("unknown_gmv_idr")).as("unknown_share_pct"));
        out.add(col("orders"));
        out.add(col("units"));
        out.add(col("sellers"));
        if (!periodCol.equals("period_month")) out.add(col("months_observed"));
        return g.select(out.toArray(new Column[0]));
    }

    public static Dataset<Row> annual(Dataset<Row> completedOrderLines) {
        return headline(completedOrderLines, "year").withColumn("year", col("year").cast("int"));
    }

    /** part / total × 100 in exact decimal arithmetic, rounded HALF_UP to 4 places; null when the total is 0. */
    private static Column share(Column part) {
        Column total = col("total_gmv_idr");
        return when(total.notEqual(lit(BigDecimal.ZERO)),
                round(part.cast(DataTypes.createDecimalType(24, 2)).multiply(lit(new BigDecimal("100")))
                        .divide(total), 4)).cast(SHARE);
    }

    private static Column[] cols(String... names) {
        Column[] c = new Column[names.length];
        for (int i = 0; i < names.length; i++) c[i] = col(names[i]);
        return c;
    }

    // ------------------------------------------------------------------------------------------------ identities

    /**
     * What the identity check found; {@code violations} empty when every identity holds. Also the sizes of the three
     * tables, so that nothing needs another pass to count them.
     */
    public record Identity(long classifiedRows, long completedRows, long listingRows, BigDecimal completedGmv,
                           BigDecimal headlineGmv, BigDecimal listingGmv, long detailRows, long months, long years,
                           List<String> violations) {}

    /**
     * Checks the accounting identities of the three tables against the classified input:
     * <ol>
     *   <li>every completed row has one of the five origin classes (else the classes cannot add up);</li>
     *   <li>in every month and year, the five class columns add up to {@code total_gmv_idr} exactly;</li>
     *   <li>sum of monthly totals = completed order-line GMV of the input; annual totals = monthly totals per year;</li>
     *   <li>sum of the detail table's GMV = completed GMV of the input (both grains), per grain and class.</li>
     * </ol>
     * Four Spark jobs: one pass over the input and one over the detail table, each collected as a handful of rows per
     * grain and class, and the two headline tables (one row per month or year) collected and checked on the driver.
     */
    public static Identity checkIdentities(Dataset<Row> classified, Dataset<Row> detail, Dataset<Row> monthly,
                                           Dataset<Row> annual) {
        List<String> v = new ArrayList<>();
        // per completed flag × grain × class from the input: the row count of the whole input comes with it
        List<Row> input = classified.groupBy(coalesce(col("status").equalTo(COMPLETED), lit(false)).as("done"),
                        col("grain"), col("origin_class"))
                .agg(count(lit(1)).as("n"), sum("gmv_idr").cast(MONEY).as("gmv"))
                .collectAsList();
        List<Row> fromDetail = detail.groupBy("grain", "origin_class")
                .agg(sum("gmv_idr").cast(MONEY).as("gmv"), count(lit(1)).as("rows"))
                .collectAsList();
        long classifiedRows = 0;
        long completedRows = 0;
        long listingRows = 0;
        BigDecimal completedGmv = BigDecimal.ZERO;
        BigDecimal orderLineGmv = BigDecimal.ZERO;
        BigDecimal listingGmv = BigDecimal.ZERO;
        java.util.Map<String, BigDecimal> inputByKey = new java.util.TreeMap<>();
        java.util.Map<String, Long> countByKey = new java.util.TreeMap<>();
        for (Row r : input) {
            long n = r.getLong(3);
            classifiedRows += n;
            if (!r.getBoolean(0)) continue;
            String grain = r.isNullAt(1) ? null : r.getString(1);
            String cls = r.isNullAt(2) ? null : r.getString(2);
            BigDecimal g = r.isNullAt(4) ? BigDecimal.ZERO : r.getDecimal(4);
            completedRows += n;
            completedGmv = completedGmv.add(g);
            String key = grain + "/" + cls;
            inputByKey.merge(key, g, BigDecimal::add);
            countByKey.merge(key, n, Long::sum);
        }
        for (var e : inputByKey.entrySet()) {
            String grain = e.getKey().substring(0, e.getKey().indexOf('/'));
            String cls = e.getKey().substring(e.getKey().indexOf('/') + 1);
            long n = countByKey.get(e.getKey());
            BigDecimal g = e.getValue();
            if (ORDER_LINE.equals(grain)) orderLineGmv = orderLineGmv.add(g);
            else if (LISTING_PERIOD.equals(grain)) {
                listingRows += n;
                listingGmv = listingGmv.add(g);
            } else {
                v.add(String.format("%d completed rows have grain '%s' (allowed: %s)", n, grain, Schemas.GRAINS));
            }
            if (cls.equals("null") || !Schemas.ORIGIN_CLASSES.contains(cls)) {
                v.add(String.format("%d completed %s rows (Rp%s) have origin_class %s, not one of %s, so the classes "
                        + "cannot add up to the total", n, grain, g.toPlainString(), cls.equals("null") ? "null" : "'" + cls + "'",
                        Schemas.ORIGIN_CLASSES));
            }
        }
        java.util.Map<String, BigDecimal> detailByKey = new java.util.TreeMap<>();
        long detailRows = 0;
        for (Row r : fromDetail) {
            detailByKey.put((r.isNullAt(0) ? null : r.getString(0)) + "/" + (r.isNullAt(1) ? null : r.getString(1)),
                    r.isNullAt(2) ? BigDecimal.ZERO : r.getDecimal(2));
            detailRows += r.getLong(3);
        }
        if (!inputByKey.keySet().equals(detailByKey.keySet())) {
            v.add("monthly_detail grain/class combinations " + detailByKey.keySet() + " differ from the input's "
                    + inputByKey.keySet());
        }
        for (var e : inputByKey.entrySet()) {
            BigDecimal d = detailByKey.get(e.getKey());
            if (d != null && d.compareTo(e.getValue()) != 0) {
                v.add(String.format("monthly_detail GMV for %s is Rp%s but the completed GMV in out/classified is Rp%s",
                        e.getKey(), d.toPlainString(), e.getValue().toPlainString()));
            }
        }
        // the headline tables hold one row per month or year: checked on the driver
        List<Row> months = headlineTotals(monthly, "period_month");
        List<Row> years = headlineTotals(annual, "year");
        classesAddUp("monthly_headline", months, v);
        classesAddUp("annual_headline", years, v);
        BigDecimal monthlyTotal = BigDecimal.ZERO;
        java.util.Map<String, BigDecimal> byYear = new java.util.TreeMap<>();
        for (Row r : months) {
            BigDecimal t = r.isNullAt(1) ? BigDecimal.ZERO : r.getDecimal(1);
            monthlyTotal = monthlyTotal.add(t);
            String y = r.isNullAt(0) ? "null" : r.getString(0).substring(0, Math.min(4, r.getString(0).length()));
            byYear.merge(y, t, BigDecimal::add);
        }
        if (monthlyTotal.compareTo(orderLineGmv) != 0) {
            v.add(String.format("monthly_headline totals add up to Rp%s but the completed order-line GMV in "
                    + "out/classified is Rp%s", monthlyTotal.toPlainString(), orderLineGmv.toPlainString()));
        }
        java.util.Map<String, BigDecimal> annualByYear = new java.util.TreeMap<>();
        for (Row r : years) annualByYear.put(r.isNullAt(0) ? "null" : r.getString(0), r.isNullAt(1) ? null : r.getDecimal(1));
        java.util.Set<String> allYears = new java.util.TreeSet<>(byYear.keySet());
        allYears.addAll(annualByYear.keySet());
        for (String y : allYears) {
            BigDecimal m = byYear.get(y);
            BigDecimal a = annualByYear.get(y);
            if (m == null || a == null || m.compareTo(a) != 0) {
                v.add(String.format("annual_headline %s: total Rp%s but its months add up to Rp%s", y,
                        a == null ? "null" : a.toPlainString(), m == null ? "null" : m.toPlainString()));
            }
        }
        return new Identity(classifiedRows, completedRows, listingRows, completedGmv, orderLineGmv, listingGmv,
                detailRows, months.size(), years.size(), v);
    }

    /** period (as text), total and the five class columns of a headline table, in period order. */
    private static List<Row> headlineTotals(Dataset<Row> headline, String key) {
        List<Column> c = new ArrayList<>();
        c.add(col(key).cast("string"));
        c.add(col("total_gmv_idr"));
        CLASS_COLUMNS.forEach(n -> c.add(col(n)));
        return headline.select(c.toArray(new Column[0])).orderBy(col(key)).collectAsList();
    }

    /** The five class columns add up to total_gmv_idr in every row (at most five violations reported per table). */
    private static void classesAddUp(String name, List<Row> rows, List<String> v) {
        int reported = 0;
        for (Row r : rows) {
            BigDecimal classes = BigDecimal.ZERO;
            for (int i = 0; i < CLASS_COLUMNS.size(); i++) {
                if (!r.isNullAt(2 + i)) classes = classes.add(r.getDecimal(2 + i));
            }
            BigDecimal total = r.isNullAt(1) ? null : r.getDecimal(1);
            if ((total == null || total.compareTo(classes) != 0) && reported++ < 5) {
                v.add(String.format("%s %s: classes add up to Rp%s but total_gmv_idr is Rp%s", name, r.getString(0),
                        classes.toPlainString(), total == null ? "null" : total.toPlainString()));
            }
        }
    }
}
