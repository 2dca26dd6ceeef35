package id.neraca.aggregate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.core.Log;
import id.neraca.core.NeracaException;
import id.neraca.core.Schemas;
import id.neraca.core.Stage;
import id.neraca.core.SmallInputs;
import id.neraca.core.SmallResults;
import id.neraca.core.StageContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 * <p>How: the input is read twice and nothing else reads it. The identity pass ({@link #inputCells}) counts rows and
 * GMV per completed flag × cell; the per-seller pass ({@link #perSeller}) shuffles the completed sales once, by seller,
 * and yields one row per cell × seller with exact GMV in sen, units and distinct-order flags. The three tables are
 * small aggregations of these two (docs/BENCHMARKS.md: this replaced Spark's {@code countDistinct}, which copied every
 * row once per distinct column).
 *
 * <p>The job checks its own accounting identities and fails with exit 3 when one is violated: the five origin
 * classes add up to the total to the sen in every month and year, the totals equal the completed GMV of
 * {@code out/classified/}, and every detail cell has its cell's completed GMV. Run alone with {@code neraca aggregate}.
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
        // a small input's Spark settings for this stage: its files packed into one task per core, no AQE, and at a few
        // MB its expressions interpreted (core.SmallInputs)
        try (SmallInputs.Scope scope = SmallInputs.scope(ctx.spark(), SmallInputs.bytes(ctx, ctx.outputs().path("classified")), true, true)) {
            ctx.manifest().stage(name()).put("small_input", scope.small());
            ctx.manifest().stage(name()).put("interpreted_expressions", scope.interpreted());
            runStage(ctx);
        }
    }

    private void runStage(StageContext ctx) {
        if (!ctx.outputs().exists("classified")) {
            throw NeracaException.usage("%s: no classified sales. Run `neraca classify` (or `neraca run`) first.",
                    ctx.outputs().path("classified"));
        }
        // in a whole run, a small classify hands over its committed rows, cached (core.Handoffs)
        java.util.Optional<Dataset<Row>> handed = ctx.handoffs().take("classified");
        ctx.manifest().stage(name()).put("classified_from", handed.isPresent() ? "classify handoff" : "out/classified");
        Dataset<Row> classified = handed.orElseGet(() -> ctx.spark().read().parquet(ctx.outputs().path("classified")));
        requireColumns(classified, ctx.outputs().path("classified"));
        // only the columns the aggregates read: the classified table is wide (titles, reasons, evidence); partition
        // columns come back with inferred types when out/classified is partitioned on disk
        classified = classified.select(INPUT_COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
                .withColumn("period_month", col("period_month").cast("string"))
                .withColumn("marketplace", col("marketplace").cast("string"));
        // two passes over the input, nothing else reads it: the identity pass (also the cells' keys) and the per-seller
        // pass (GMV, units and the distinct-order flags); every output table is built from these two small tables. A
        // small input is read once, into memory: at a few hundred rows per month file a Parquet scan costs per file
        long inputBytes = SmallInputs.bytes(ctx, ctx.outputs().path("classified"));
        boolean inputCached = inputBytes <= CACHE_INPUT_MAX_BYTES;
        // (handed-off rows are in memory already: their columns are read from that cache)
        boolean cacheNarrowed = inputCached && handed.isEmpty();
        if (cacheNarrowed) classified = classified.cache();
        Dataset<Row> narrowed = classified;
        // and its shuffles run in one partition per core: the tables of a small input are a few thousand rows, and a
        // task per configured partition costs more than it carries (10k rows: 5.6 -> 4.3 s); restored at the end
        String partitionsBefore = ctx.spark().conf().get(SHUFFLE_PARTITIONS);
        String partitions = inputCached
                ? String.valueOf(Math.max(1, ctx.spark().sparkContext().defaultParallelism())) : partitionsBefore;
        ctx.spark().conf().set(SHUFFLE_PARTITIONS, partitions);
        Dataset<Row> input = inputCells(classified).cache();
        Dataset<Row> perSeller = perSeller(completed(classified)).cache();
        Dataset<Row> cells = null;
        Dataset<Row> detail = null;
        Dataset<Row> monthly = null;
        Dataset<Row> annual = null;
        try {
            Dataset<Row> keys = cellKeys(input);
            cells = cells(perSeller, keys).cache();
            Aggregates a = assembleFromCells(cells);
            detail = a.detail().cache();
            monthly = a.monthly().cache();
            annual = a.annual().cache();
            Identity check = checkInputCells(input, detail, monthly, annual);
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
            section.put("input_cached", inputCached);
            section.put("shuffle_partitions", Integer.parseInt(partitions));
            if (check.listingRows() > 0) {
                String w = String.format(Locale.ROOT, "%d completed listing-snapshot rows (Rp%s) are in monthly_detail only, not in "
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
            // the order lines' GMV (the headline series) and the listings' sold value apart: a listing's cumulative sold
            // count is not a month's sales (docs/MAPPINGS.md), and their sum read as the sales' GMV, 80% too high
            Log.info("aggregates: %,d detail rows, %d months, %d years; completed order GMV Rp%s%s (identities hold)",
                    detailRows, months, years, check.headlineGmv().toPlainString(), check.listingRows() == 0 ? ""
                            : String.format(Locale.ROOT, "; listing sold value Rp%s (not sales: monthly_detail only)",
                            check.listingGmv().toPlainString()));
        } finally {
            ctx.spark().conf().set(SHUFFLE_PARTITIONS, partitionsBefore);
            if (cacheNarrowed) narrowed.unpersist();
            input.unpersist();
            perSeller.unpersist();
            if (cells != null) cells.unpersist();
            if (detail != null) detail.unpersist();
            if (monthly != null) monthly.unpersist();
            if (annual != null) annual.unpersist();
        }
    }

    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    /** Classified Parquet bytes up to which the aggregate reads its input once into memory (about 100,000 rows). */
    static final long CACHE_INPUT_MAX_BYTES = SmallInputs.MAX_BYTES;

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
     * (docs/CONTRACTS.md), so the order id is everything before the last {@code :} (empty when there is none).
     * Listing snapshots have no orders: null. String functions, not a regular expression: this runs once per row.
     */
    public static Column orderId() {
        Column id = col("sale_id");
        return when(col("grain").equalTo(ORDER_LINE),
                substring(id, lit(1), length(id).minus(length(substring_index(id, ":", -1))).minus(lit(1))));
    }

    /** The cell of {@code monthly_detail}: the six key columns. */
    private static List<String> cellKey() {
        return List.of(DETAIL_KEY);
    }

    /** Salt of the second fingerprint of an order or a seller (together with the first, 128 bits per value). */
    static final String SALT = "neraca:aggregate";

    /**
     * A 64-bit fingerprint of the cell key (null and empty kept apart). Two distinct cells sharing one (odds about
     * 10^-10 for 75,000 cells) would have their sums merged: the per-cell identity ({@link #checkIdentities}) fails
     * the run then, never silently.
     */
    static Column cellFingerprint() {
        List<Column> c = new ArrayList<>();
        for (String k : DETAIL_KEY) {
            c.add(col(k).isNull());
            c.add(coalesce(col(k), lit("")));
        }
        return xxhash64(c.toArray(new Column[0]));
    }

    /** Two independent 64-bit fingerprints of a text column (128 bits); both null when it is null. */
    private static Column[] fingerprints(Column text) {
        return new Column[]{when(text.isNotNull(), xxhash64(text)), when(text.isNotNull(), xxhash64(lit(SALT), text))};
    }

    /**
     * Completed sales narrowed to what the aggregates read: the cell key and its fingerprint {@code cell_fp}, calendar
     * {@code year}, {@code seller_key}, {@code order_id} ({@link #orderId}), {@code sale_id}, {@code quantity}, and the
     * GMV as exact whole sen in a long ({@code gmv_sen}: adding longs is several times cheaper than adding decimals
     * wider than 18 digits, which Spark does in {@code java.math.BigDecimal}; a value or a sum beyond 9.2 × 10^16 rupiah
     * fails the run under ANSI mode rather than wrapping).
     */
    public static Dataset<Row> completed(Dataset<Row> classified) {
        return classified.filter(col("status").equalTo(COMPLETED))
                .select(col("period_month").cast("string").as("period_month"), col("grain"), col("origin_class"),
                        col("marketplace").cast("string").as("marketplace"), col("seller_province_code"), col("category"),
                        col("seller_key"), col("sale_id"), orderId().as("order_id"), col("quantity"),
                        col("gmv_idr").multiply(lit(new BigDecimal(100))).cast("long").as("gmv_sen"))
                .withColumn("year", substring(col("period_month"), 1, 4))
                .withColumn("cell_fp", cellFingerprint());
    }

    /**
     * One row per cell × seller: the seller's GMV in sen and units, and its distinct orders counted three ways:
     * {@code orders} (orders with a line in the cell), {@code month_orders} and {@code year_orders} (each order
     * counted once in its month or year, on one of its cells there), so that summing them over cells gives the
     * distinct orders per cell, month and year exactly; and {@code month_seller}, {@code year_seller} flagging the
     * seller likewise ({@link #sellerFlags}).
     *
     * <p>How: the completed sales are shuffled once, by seller (128-bit fingerprints of seller_key and order id), and
     * sorted within each seller's order by year, month and cell; a line opens a new (order, cell), (order, month) or
     * (order, year) exactly when it differs from the line before it. The per-seller sums are then partition-local.
     * Spark's {@code countDistinct} would instead copy every row once per distinct column and shuffle the copies
     * (docs/BENCHMARKS.md). An order is one seller's: every marketplace neraca reads splits a multi-shop checkout into
     * one order per shop, so an order id seen with two sellers counts as two orders (docs/OUTPUTS.md).
     */
    public static Dataset<Row> perSeller(Dataset<Row> completed) {
        Column[] seller = fingerprints(col("seller_key"));
        Column isOrder = col("order_id").isNotNull();
        // listing snapshots have no order: each line is its own group (the flags are not used for them)
        Column[] group = fingerprints(coalesce(col("order_id"), org.apache.spark.sql.functions.concat(lit("\u0000line:"), col("sale_id"))));
        Dataset<Row> lines = completed.select(col("cell_fp"), col("period_month"), col("year"), col("grain"),
                        seller[0].as("s1"), seller[1].as("s2"), group[0].as("o1"), group[1].as("o2"),
                        isOrder.as("is_order"), col("gmv_sen"), col("quantity"))
                .repartition(col("s1"), col("s2"));
        WindowSpec byOrder = Window.partitionBy(col("o1"), col("o2"), col("s1"), col("s2"))
                .orderBy(col("year"), col("period_month"), col("cell_fp"));
        Column first = row_number().over(byOrder).equalTo(lit(1));
        Column newYear = first.or(not(lag(col("year"), 1).over(byOrder).eqNullSafe(col("year"))));
        Column newMonth = newYear.or(not(lag(col("period_month"), 1).over(byOrder).eqNullSafe(col("period_month"))));
        Column newCell = newMonth.or(not(lag(col("cell_fp"), 1).over(byOrder).eqNullSafe(col("cell_fp"))));
        return lines
                .select(col("cell_fp"), col("period_month"), col("year"), col("grain"), col("s1"), col("s2"),
                        col("gmv_sen"), col("quantity"),
                        when(col("is_order").and(newCell), lit(1L)).otherwise(lit(0L)).as("nc"),
                        when(col("is_order").and(newMonth), lit(1L)).otherwise(lit(0L)).as("nm"),
                        when(col("is_order").and(newYear), lit(1L)).otherwise(lit(0L)).as("ny"))
                .groupBy(col("cell_fp"), col("period_month"), col("year"), col("grain"), col("s1"), col("s2"))
                .agg(sum("gmv_sen").as("seller_sen"), sum("quantity").as("seller_units"), sum("nc").as("orders"),
                        sum("nm").as("month_orders"), sum("ny").as("year_orders"))
                .transform(AggregateMonthly::sellerFlags);
    }

    /**
     * Flags each seller once per grain and month ({@code month_seller}) and once per grain and year
     * ({@code year_seller}), on one of its cells there, so that summing them over cells counts distinct sellers per
     * month and year. Still partitioned by seller: a sort of the per-seller rows, no shuffle. Rows without a seller key
     * are not sellers (0).
     */
    private static Dataset<Row> sellerFlags(Dataset<Row> perSeller) {
        WindowSpec bySeller = Window.partitionBy(col("s1"), col("s2"), col("grain"))
                .orderBy(col("year"), col("period_month"), col("cell_fp"));
        Column first = row_number().over(bySeller).equalTo(lit(1));
        Column newYear = first.or(not(lag(col("year"), 1).over(bySeller).eqNullSafe(col("year"))));
        Column newMonth = newYear.or(not(lag(col("period_month"), 1).over(bySeller).eqNullSafe(col("period_month"))));
        Column seller = col("s1").isNotNull();
        return perSeller
                .withColumn("month_seller", when(seller.and(newMonth), lit(1L)).otherwise(lit(0L)))
                .withColumn("year_seller", when(seller.and(newYear), lit(1L)).otherwise(lit(0L)));
    }

    /**
     * The identity pass over the whole input: rows and GMV (exact decimal) per completed flag × cell (grain, class,
     * month, marketplace, province, category). The identity check reads it, and the completed cells' keys come from it.
     */
    public static Dataset<Row> inputCells(Dataset<Row> classified) {
        List<Column> key = new ArrayList<>();
        key.add(coalesce(col("status").equalTo(COMPLETED), lit(false)).as("done"));
        key.add(col("period_month").cast("string").as("period_month"));
        key.add(col("grain"));
        key.add(col("origin_class"));
        key.add(col("marketplace").cast("string").as("marketplace"));
        key.add(col("seller_province_code"));
        key.add(col("category"));
        return classified.groupBy(key.toArray(new Column[0]))
                .agg(count(lit(1)).as("n"), sum("gmv_idr").cast(MONEY).as("gmv"));
    }

    /** The completed cells' keys and fingerprints, from the identity pass. */
    public static Dataset<Row> cellKeys(Dataset<Row> inputCells) {
        return inputCells.filter(col("done")).select(cols(cellKey()).toArray(new Column[0]))
                .withColumn("cell_fp", cellFingerprint());
    }

    public static Aggregates aggregate(Dataset<Row> classified) {
        return assemble(perSeller(completed(classified)), cellKeys(inputCells(classified)));
    }

    /**
     * One row per period_month × grain × origin_class × marketplace × seller_province_code × category, from completed
     * sales ({@link #completed}).
     */
    public static Dataset<Row> detail(Dataset<Row> completed) {
        Dataset<Row> keys = completed.select(cols(cellKey()).toArray(new Column[0])).distinct()
                .withColumn("cell_fp", cellFingerprint());
        return assemble(perSeller(completed), keys).detail();
    }

    /** The three tables from the per-seller table and the cells' keys (small aggregations and joins). */
    public static Aggregates assemble(Dataset<Row> perSeller, Dataset<Row> cellKeys) {
        return assembleFromCells(cells(perSeller, cellKeys));
    }

    /** One row per cell: sums in sen, sellers, the largest seller, the three order counts, and the cell's keys. */
    static Dataset<Row> cells(Dataset<Row> perSeller, Dataset<Row> cellKeys) {
        return perSeller.groupBy(col("cell_fp"), col("year")).agg(
                        sum("seller_sen").as("gmv_sen"),
                        sum("seller_units").as("units"),
                        count(col("s1")).as("sellers"),
                        max(when(col("s1").isNotNull(), col("seller_sen"))).as("top_sen"),
                        sum("orders").as("orders_all"),
                        sum("month_orders").as("month_orders"),
                        sum("year_orders").as("year_orders"),
                        sum("month_seller").as("month_sellers"),
                        sum("year_seller").as("year_sellers"))
                .join(cellKeys, "cell_fp");
    }

    static Aggregates assembleFromCells(Dataset<Row> cells) {
        Dataset<Row> orderLineCells = cells.filter(col("grain").equalTo(ORDER_LINE));
        return new Aggregates(detailFromCells(cells),
                headline(orderLineCells, "period_month"),
                headline(orderLineCells, "year").withColumn("year", col("year").cast("int")));
    }

    private static Dataset<Row> detailFromCells(Dataset<Row> cells) {
        return cells
                .withColumn("orders", when(col("grain").equalTo(ORDER_LINE), coalesce(col("orders_all"), lit(0L))).cast("long"))
                .select(col("period_month"), col("origin_class"), col("marketplace"), col("seller_province_code"),
                        col("category"), money(col("gmv_sen")).as("gmv_idr"), col("orders"), col("units").cast("long").as("units"),
                        col("sellers"), money(col("top_sen")).as("top_seller_gmv_idr"), col("grain"));
    }

    /** Whole sen (long) as rupiah in {@link #MONEY}, exactly. */
    static Column money(Column sen) {
        return sen.cast(DataTypes.createDecimalType(22, 0)).divide(lit(new BigDecimal(100))).cast(MONEY);
    }

    /**
     * The headline columns per {@code periodCol} ({@code period_month} or {@code year}) over completed order lines:
     * sums from the order-line cells, distinct sellers from the per-seller table, distinct orders from the order
     * counts.
     */
    private static Dataset<Row> headline(Dataset<Row> orderLineCells, String periodCol) {
        Column period = col(periodCol);
        List<Column> aggs = new ArrayList<>();
        aggs.add(sum("gmv_sen").as("total_sen"));
        for (int i = 0; i < CLASS_COLUMNS.size(); i++) {
            aggs.add(coalesce(sum(when(col("origin_class").equalTo(Schemas.ORIGIN_CLASSES.get(i)), col("gmv_sen"))),
                    lit(0L)).as("_c" + i));
        }
        aggs.add(sum("units").as("units_sum"));
        aggs.add(sum(periodCol.equals("year") ? "year_orders" : "month_orders").as("orders"));
        aggs.add(sum(periodCol.equals("year") ? "year_sellers" : "month_sellers").as("sellers"));
        if (!periodCol.equals("period_month")) aggs.add(countDistinct(col("period_month")).as("months_observed"));
        Dataset<Row> g = orderLineCells.groupBy(period.as("_p"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
        List<Column> out = new ArrayList<>();
        out.add(col("_p").as(periodCol));
        out.add(money(col("total_sen")).as("total_gmv_idr"));
        for (int i = 0; i < CLASS_COLUMNS.size(); i++) out.add(money(col("_c" + i)).as(CLASS_COLUMNS.get(i)));
        Dataset<Row> withMoney = g.select(
                concat(out, List.of(col("orders"), col("units_sum"), col("sellers"))
                        , periodCol.equals("period_month") ? List.of() : List.of(col("months_observed"))));
        List<Column> fin = new ArrayList<>();
        fin.add(col(periodCol));
        fin.add(col("total_gmv_idr"));
        CLASS_COLUMNS.forEach(c -> fin.add(col(c)));
        fin.add(share(col("local_umkm_gmv_idr")).as("local_umkm_share_pct"));
        fin.add(share(col("imported_gmv_idr").plus(col("cross_border_gmv_idr"))).as("foreign_origin_share_pct"));
        fin.add(share(col("unknown_gmv_idr")).as("unknown_share_pct"));
        fin.add(coalesce(col("orders"), lit(0L)).as("orders"));
        fin.add(col("units_sum").cast("long").as("units"));
        fin.add(coalesce(col("sellers"), lit(0L)).as("sellers"));
        if (!periodCol.equals("period_month")) fin.add(col("months_observed"));
        return withMoney.select(fin.toArray(new Column[0]));
    }

    private static Column[] concatCols(List<Column> a, List<Column> b) {
        return concat(a, b, List.of());
    }

    private static Column[] concat(List<Column> a, List<Column> b, List<Column> c) {
        List<Column> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all.toArray(new Column[0]);
    }

    /** part / total × 100 in exact decimal arithmetic, rounded HALF_UP to 4 places; null when the total is 0. */
    private static Column share(Column part) {
        Column total = col("total_gmv_idr");
        return when(total.notEqual(lit(BigDecimal.ZERO)),
                round(part.cast(DataTypes.createDecimalType(24, 2)).multiply(lit(new BigDecimal("100")))
                        .divide(total), 4)).cast(SHARE);
    }

    private static List<Column> cols(List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toList();
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
     *   <li>every cell of the detail table has the completed GMV of the same cell in the input, to the sen.</li>
     * </ol>
     * The input side is the identity pass ({@link #inputCells}), computed here from {@code classified}.
     */
    public static Identity checkIdentities(Dataset<Row> classified, Dataset<Row> detail, Dataset<Row> monthly,
                                           Dataset<Row> annual) {
        return checkInputCells(inputCells(classified), detail, monthly, annual);
    }

    /**
     * {@link #checkIdentities} from the identity pass already made ({@code inputCells}, cached by the stage). Small
     * Spark jobs over the two cell tables; the headline tables (one row per month or year) are collected and checked
     * on the driver.
     */
    static Identity checkInputCells(Dataset<Row> inputCells, Dataset<Row> detail, Dataset<Row> monthly,
                                    Dataset<Row> annual) {
        List<String> v = new ArrayList<>();
        // per completed flag × grain × class from the input: the row count of the whole input comes with it
        List<Row> input = inputCells.groupBy(col("done"), col("grain"), col("origin_class"))
                .agg(sum("n").as("n"), sum("gmv").cast(MONEY).as("gmv"))
                .collectAsList();
        // cell by cell: the detail table's GMV against the input's completed GMV
        Dataset<Row> in = inputCells.filter(col("done")).select(concatCols(cols(cellKey()), List.of(col("gmv").as("_in_gmv"))));
        Column on = lit(true);
        for (String k : DETAIL_KEY) {
            in = in.withColumnRenamed(k, "_i_" + k);
            on = on.and(col(k).eqNullSafe(col("_i_" + k)));
        }
        long cellsOff = detail.join(in, on, "full_outer")
                .filter(not(coalesce(col("gmv_idr"), lit(BigDecimal.ZERO)).eqNullSafe(coalesce(col("_in_gmv"), lit(BigDecimal.ZERO))))
                        .or(col("grain").isNull().and(col("_i_grain").isNull()).and(col("_in_gmv").isNull())))
                .count();
        if (cellsOff > 0) {
            v.add(String.format(Locale.ROOT, "%d cells of monthly_detail differ in GMV from the same cells' completed GMV in "
                    + "out/classified (or exist on one side only)", cellsOff));
        }
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
                v.add(String.format(Locale.ROOT, "%d completed rows have grain '%s' (allowed: %s)", n, grain, Schemas.GRAINS));
            }
            if (cls.equals("null") || !Schemas.ORIGIN_CLASSES.contains(cls)) {
                v.add(String.format(Locale.ROOT, "%d completed %s rows (Rp%s) have origin_class %s, not one of %s, so the classes "
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
                v.add(String.format(Locale.ROOT, "monthly_detail GMV for %s is Rp%s but the completed GMV in out/classified is Rp%s",
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
            v.add(String.format(Locale.ROOT, "monthly_headline totals add up to Rp%s but the completed order-line GMV in "
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
                v.add(String.format(Locale.ROOT, "annual_headline %s: total Rp%s but its months add up to Rp%s", y,
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
        return SmallResults.sorted(headline.select(c.toArray(new Column[0])), col(key)).collectAsList();
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
                v.add(String.format(Locale.ROOT, "%s %s: classes add up to Rp%s but total_gmv_idr is Rp%s", name, r.getString(0),
                        classes.toPlainString(), total == null ? "null" : total.toPlainString()));
            }
        }
    }
}
