package id.neraca.report;

import id.neraca.classify.OriginEvidence;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Pure transforms behind the report's tables: GMV, distinct sellers and largest-seller GMV per cell of a
 * {@code dimension × origin_class} table with its row, column and grand totals (what disclosure control
 * needs), the evidence behind classifications, and the Permendag 31/2023 flags. No I/O here.
 *
 * <p>Output of the cell transforms, one row per published entry: {@code level} ({@code CELL},
 * {@code ROW_TOTAL}, {@code COL_TOTAL}, {@code GRAND}), {@code row_key} (null on column totals and the
 * grand total), {@code origin_class} (null on row totals and the grand total), {@code gmv_idr},
 * {@code sellers}, {@code top_seller_gmv_idr}, {@code top2_seller_gmv_idr} (the two largest sellers together).
 */
public final class CellStats {
    private CellStats() {}

    /** Key used for rows whose dimension value is missing (no province: foreign sellers; no category). */
    public static final String UNKNOWN_KEY = "__unknown__";
    /** Key of the pooled row of small categories. */
    public static final String OTHER_KEY = "__other__";
    /** A sale whose seller key is missing counts as one anonymous seller per cell: it can only lower the count. */
    static final String ANONYMOUS_SELLER = "__anonymous__";

    /** Completed sales of one calendar year (period_month {@code yyyy-MM}). */
    public static Dataset<Row> completedInYear(Dataset<Row> classified, int year) {
        return classified.filter(col("status").equalTo("COMPLETED")
                .and(col("period_month").startsWith(year + "-")));
    }

    /**
     * Each listing's latest snapshot in each calendar year, of the listing-snapshot rows ({@code LISTING_PERIOD}); other
     * rows unchanged. A snapshot's sold count is cumulative over the listing's life, so a year's figure is the last
     * count seen in it: two scrapes of one listing summed would count its sales twice. The listing is its sale_id
     * without the period ({@code <marketplace>:<listing hash>:<yyyy-MM>}, ingest's {@code listingSaleId}).
     */
    public static Dataset<Row> latestSnapshotPerYear(Dataset<Row> classified) {
        Column listing = org.apache.spark.sql.functions.regexp_replace(col("sale_id"), ":\\d{4}-\\d{2}$", "");
        Column year = org.apache.spark.sql.functions.substring(col("period_month"), 1, 4);
        org.apache.spark.sql.expressions.WindowSpec w = org.apache.spark.sql.expressions.Window
                .partitionBy(col("grain"), listing, year).orderBy(col("period_month").desc());
        return classified.withColumn("__snapshot_rank", when(col("grain").equalTo("LISTING_PERIOD"),
                        org.apache.spark.sql.functions.row_number().over(w)).otherwise(lit(1)))
                .filter(col("__snapshot_rank").equalTo(1)).drop("__snapshot_rank");
    }

    /**
     * {@link #latestSnapshotPerYear} where only {@code monthly_detail} is there (no listing keys): the listing-snapshot
     * rows of each year's latest scrape month; other rows unchanged.
     */
    public static Dataset<Row> latestMonthPerYear(Dataset<Row> detail) {
        Column year = org.apache.spark.sql.functions.substring(col("period_month"), 1, 4);
        org.apache.spark.sql.expressions.WindowSpec w = org.apache.spark.sql.expressions.Window.partitionBy(col("grain"), year);
        return detail.withColumn("__last_month", max("period_month").over(w))
                .filter(col("grain").notEqual("LISTING_PERIOD").or(col("period_month").equalTo(col("__last_month"))))
                .drop("__last_month");
    }

    /**
     * The dimensions of the published tables, in the report's order: table name → column of out/classified. Built
     * entry by entry: a copy of {@code Map.of} would take its iteration order, which is randomised per JVM, and the
     * order feeds summary.json and the disclosure system's cell order (found by a run / report-alone comparison).
     */
    public static final java.util.Map<String, String> DIMENSIONS = dimensions();

    private static java.util.Map<String, String> dimensions() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("marketplace", "marketplace");
        m.put("province", "seller_province_code");
        m.put("category", "category");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * GMV per seller per {@code marketplace × province × category × origin_class}: the small table every
     * published cell is built from (cache it). Missing keys become {@link #UNKNOWN_KEY}; categories not in
     * {@code keepCategories} are pooled into {@link #OTHER_KEY} (null keeps all).
     */
    public static Dataset<Row> sellerBase(Dataset<Row> sales, List<String> keepCategories) {
        return sales.select(
                        rowKey(col("marketplace"), null).as("marketplace"),
                        rowKey(col("seller_province_code"), null).as("seller_province_code"),
                        rowKey(col("category"), keepCategories).as("category"),
                        col("origin_class"),
                        coalesce(col("seller_key"), lit(ANONYMOUS_SELLER)).as("seller"),
                        col("gmv_idr"))
                .groupBy("marketplace", "seller_province_code", "category", "origin_class", "seller")
                .agg(sum("gmv_idr").as("g"));
    }

    /**
     * Exact cell statistics of every published table at once, from {@link #sellerBase}: one row per entry with
     * {@code table} (a key of {@link #DIMENSIONS}) in front of the columns described in the class comment.
     */
    public static Dataset<Row> fromSellerBase(Dataset<Row> base) {
        // Every level of every table in two aggregations instead of one per level: one grouping-sets pass gives GMV
        // per seller at each level (a cell, a row total per table, the column totals and the grand total, which
        // every table shares), a second pass counts the sellers and finds the largest of each entry.
        List<String> keys = List.of("marketplace", "seller_province_code", "category", "origin_class", "seller");
        Column[] keyCols = keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        List<List<String>> sets = new java.util.ArrayList<>();
        Column table = null;
        Column level = null;
        Column rowKey = lit(null).cast("string");
        for (var e : DIMENSIONS.entrySet()) {
            int cell = gid(keys, List.of(e.getValue(), "origin_class", "seller"));
            int rowTotal = gid(keys, List.of(e.getValue(), "seller"));
            sets.add(List.of(e.getValue(), "origin_class", "seller"));
            sets.add(List.of(e.getValue(), "seller"));
            Column isOwn = col("gid").isin(cell, rowTotal);
            Column own = org.apache.spark.sql.functions.array(lit(e.getKey()));
            table = table == null ? when(isOwn, own) : table.when(isOwn, own);
            level = level == null ? when(col("gid").equalTo(cell), lit("CELL")) : level.when(col("gid").equalTo(cell), lit("CELL"));
            level = level.when(col("gid").equalTo(rowTotal), lit("ROW_TOTAL"));
            rowKey = when(isOwn, col(e.getValue())).otherwise(rowKey);
        }
        int colTotal = gid(keys, List.of("origin_class", "seller"));
        int grand = gid(keys, List.of("seller"));
        sets.add(List.of("origin_class", "seller"));
        sets.add(List.of("seller"));
        Column everyTable = org.apache.spark.sql.functions.array(DIMENSIONS.keySet().stream().map(org.apache.spark.sql.functions::lit)
                .toArray(Column[]::new));
        table = table.otherwise(everyTable);
        level = level.when(col("gid").equalTo(colTotal), lit("COL_TOTAL")).when(col("gid").equalTo(grand), lit("GRAND"));

        scala.collection.immutable.Seq<scala.collection.immutable.Seq<Column>> groupingSets = scala.jdk.javaapi.CollectionConverters.asScala(
                sets.stream().map(set -> scala.jdk.javaapi.CollectionConverters.asScala(
                        set.stream().map(org.apache.spark.sql.functions::col).toList()).toSeq()).toList()).toSeq();
        Dataset<Row> perSeller = base.groupingSets(groupingSets, keyCols)
                .agg(sum("g").as("g"), org.apache.spark.sql.functions.grouping_id(keyCols).cast("int").as("gid"));
        Column[] entry = {col("gid"), col("marketplace"), col("seller_province_code"), col("category"), col("origin_class")};
        return perSeller.groupBy(entry)
                .agg(sum("g").cast("decimal(24,2)").as("gmv_idr"),
                        count(lit(1)).as("sellers"),
                        max("g").cast("decimal(24,2)").as("top_seller_gmv_idr"), topTwo("g"))
                .select(org.apache.spark.sql.functions.explode(table).as("table"), level.as("level"), rowKey.as("row_key"),
                        col("origin_class"), col("gmv_idr"), col("sellers"), col("top_seller_gmv_idr"), col("top2_seller_gmv_idr"));
    }

    /**
     * The GMV of the two largest sellers of a cell together (one seller: its own), over per-seller sums {@code g}: what
     * the p% rule needs ({@link Disclosure#primary}). The cell's sellers' sums sorted, the first two added.
     */
    static Column topTwo(String g) {
        Column sorted = org.apache.spark.sql.functions.sort_array(org.apache.spark.sql.functions.collect_list(col(g)), false);
        return coalesce(org.apache.spark.sql.functions.try_element_at(sorted, lit(1)), lit(0))
                .plus(coalesce(org.apache.spark.sql.functions.try_element_at(sorted, lit(2)), lit(0)))
                .cast("decimal(24,2)").as("top2_seller_gmv_idr");
    }

    /** grouping_id() of a grouping set over {@code keys}: bit (n-1-i) set when key i is not grouped. */
    private static int gid(List<String> keys, List<String> grouped) {
        int id = 0;
        for (int i = 0; i < keys.size(); i++) if (!grouped.contains(keys.get(i))) id |= 1 << (keys.size() - 1 - i);
        return id;
    }

    /**
     * Conservative cell statistics from {@code out/aggregates/monthly_detail} when out/classified is not
     * available: distinct sellers of a coarser cell are at least the largest count of its fine cells, and
     * its largest seller holds at most the sum of the fine cells' largest sellers. Suppression on these
     * bounds can only hide more, never less.
     */
    public static Dataset<Row> fromDetail(Dataset<Row> detail, List<String> keepCategories) {
        Dataset<Row> keyed = detail.select(
                rowKey(col("marketplace"), null).as("marketplace"),
                rowKey(col("seller_province_code"), null).as("seller_province_code"),
                rowKey(col("category"), keepCategories).as("category"),
                col("origin_class"), col("gmv_idr"), col("sellers"), col("top_seller_gmv_idr"));
        Dataset<Row> out = null;
        for (var e : DIMENSIONS.entrySet()) {
            Dataset<Row> base = keyed.withColumn("row_key", col(e.getValue()));
            Dataset<Row> t = boundLevel(base, "CELL", col("row_key"), col("origin_class"))
                    .unionByName(boundLevel(base, "ROW_TOTAL", col("row_key"), lit(null).cast("string")))
                    .unionByName(boundLevel(base, "COL_TOTAL", lit(null).cast("string"), col("origin_class")))
                    .unionByName(boundLevel(base, "GRAND", lit(null).cast("string"), lit(null).cast("string")))
                    .withColumn("table", lit(e.getKey()));
            out = out == null ? t : out.unionByName(t);
        }
        return out.select("table", "level", "row_key", "origin_class", "gmv_idr", "sellers", "top_seller_gmv_idr",
                "top2_seller_gmv_idr");
    }

    private static Dataset<Row> boundLevel(Dataset<Row> base, String level, Column rowKey, Column cls) {
        return base.groupBy(rowKey.as("row_key"), cls.as("origin_class"))
                .agg(sum("gmv_idr").cast("decimal(24,2)").as("gmv_idr"),
                        max("sellers").as("sellers"),
                        sum("top_seller_gmv_idr").as("top_sum"),
                        sum(fineTopTwo()).as("top2_sum"))
                .withColumn("top_seller_gmv_idr", least(col("top_sum"), col("gmv_idr")).cast("decimal(24,2)"))
                .withColumn("top2_seller_gmv_idr", least(col("top2_sum"), col("gmv_idr")).cast("decimal(24,2)"))
                .withColumn("level", lit(level))
                .select("level", "row_key", "origin_class", "gmv_idr", "sellers", "top_seller_gmv_idr", "top2_seller_gmv_idr");
    }

    /**
     * A bound of the two largest sellers' GMV in one fine cell of monthly_detail, which keeps only the largest: the
     * second holds at most as much as the largest and at most the rest, {@code top + min(top, gmv − top)}. Any two
     * sellers of a coarser cell hold at most the sum of these over its fine cells.
     */
    private static Column fineTopTwo() {
        return col("top_seller_gmv_idr").plus(least(col("top_seller_gmv_idr"), col("gmv_idr").minus(col("top_seller_gmv_idr"))));
    }

    private static Column rowKey(Column dim, List<String> keep) {
        Column k = coalesce(dim, lit(UNKNOWN_KEY));
        if (keep == null) return k;
        return when(k.isin(keep.toArray()), k).otherwise(lit(OTHER_KEY));
    }

    /**
     * The three largest sellers' share of the GMV of {@code sales}, in percent (4 places); null with fewer than three
     * sellers (the headline is withheld then) or no GMV. A concentration ratio (CR3), as statistics offices publish it:
     * on the samples one seller holds half of 2025's observed GMV and three hold 83%, so the shares describe those
     * sellers' sales mix, which the report says on its first screen.
     */
    public static java.math.BigDecimal topThreeSharePct(Dataset<Row> sales) {
        List<Row> perSeller = sales.groupBy(coalesce(col("seller_key"), lit(ANONYMOUS_SELLER)).as("seller"))
                .agg(sum("gmv_idr").as("g")).orderBy(col("g").desc()).collectAsList();
        if (perSeller.size() < 3) return null;
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        java.math.BigDecimal top = java.math.BigDecimal.ZERO;
        for (int i = 0; i < perSeller.size(); i++) {
            java.math.BigDecimal g = perSeller.get(i).isNullAt(1) ? java.math.BigDecimal.ZERO : perSeller.get(i).getDecimal(1);
            total = total.add(g);
            if (i < 3) top = top.add(g);
        }
        if (total.signum() <= 0) return null;
        return top.multiply(java.math.BigDecimal.valueOf(100)).divide(total, 4, java.math.RoundingMode.HALF_UP);
    }

    /** GMV per value of {@code dimension} (to choose the largest categories); one row per value. */
    public static Dataset<Row> gmvBy(Dataset<Row> rows, String dimension) {
        return rows.groupBy(coalesce(col(dimension), lit(UNKNOWN_KEY)).as("key"))
                .agg(sum("gmv_idr").cast("decimal(24,2)").as("gmv_idr"));
    }

    /**
     * What decided each classification: one row per {@code origin_class × evidence}, where evidence is the reason that
     * decided the sale's class ({@link #decisiveReason}; {@code NONE} when none is recorded), with sales lines, GMV,
     * distinct sellers and the largest seller's GMV (for disclosure control).
     */
    public static Dataset<Row> evidence(Dataset<Row> completedSales) {
        return completedSales
                .withColumn("evidence", decisiveReason(col("origin_class"), col("origin_reasons")))
                .groupBy(col("origin_class"), col("evidence"), coalesce(col("seller_key"), lit(ANONYMOUS_SELLER)).as("seller"))
                .agg(count(lit(1)).as("lines"), sum("gmv_idr").as("g"))
                .groupBy("origin_class", "evidence")
                .agg(sum("lines").as("lines"), sum("g").cast("decimal(24,2)").as("gmv_idr"),
                        count(lit(1)).as("sellers"), max("g").cast("decimal(24,2)").as("top_seller_gmv_idr"), topTwo("g"));
    }

    /**
     * The reason code that decided a sale's class, without a country suffix ({@code BRAND_FOREIGN}, not
     * {@code BRAND_FOREIGN:KR}): the first of {@link OriginEvidence#DECIDES_CROSS_BORDER} a cross-border sale carries,
     * of {@link OriginEvidence#DECIDES_FOREIGN_GOODS} an imported one, of {@link OriginEvidence#DECIDES_LOCAL_GOODS} a
     * local one, of {@link OriginEvidence#UNKNOWN_BECAUSE} an unknown one, in the lists' order; {@code NONE} when it
     * carries none of them. Not the first reason in the array: every domestic sale's reasons begin with its seller
     * evidence (a valid NIK), which says where the seller is, not whether the goods are imported.
     */
    public static Column decisiveReason(Column originClass, Column reasons) {
        return coalesce(
                when(originClass.equalTo(OriginEvidence.CROSS_BORDER), firstOf(reasons, OriginEvidence.DECIDES_CROSS_BORDER))
                        .when(originClass.equalTo(OriginEvidence.IMPORTED), firstOf(reasons, OriginEvidence.DECIDES_FOREIGN_GOODS))
                        .when(originClass.isin("LOCAL_UMKM", "LOCAL_LARGE"), firstOf(reasons, OriginEvidence.DECIDES_LOCAL_GOODS))
                        .when(originClass.equalTo(OriginEvidence.UNKNOWN), firstOf(reasons, OriginEvidence.UNKNOWN_BECAUSE)),
                lit("NONE"));
    }

    /** Where a decisive reason code stands in the rules' order (the lists above, one after the other); {@code NONE} last. */
    public static int decisiveRank(String code) {
        int rank = 0;
        for (List<String> codes : List.of(OriginEvidence.DECIDES_CROSS_BORDER, OriginEvidence.DECIDES_FOREIGN_GOODS,
                OriginEvidence.DECIDES_LOCAL_GOODS, OriginEvidence.UNKNOWN_BECAUSE)) {
            for (String c : codes) {
                if ((c.endsWith(":") ? c.substring(0, c.length() - 1) : c).equals(code)) return rank;
                rank++;
            }
        }
        return rank;
    }

    /** The first code of {@code codes} that {@code reasons} holds (a code ending in ":" matches as a prefix), or null. */
    private static Column firstOf(Column reasons, List<String> codes) {
        Column[] hits = new Column[codes.size()];
        for (int i = 0; i < hits.length; i++) {
            String c = codes.get(i);
            boolean prefix = c.endsWith(":");
            Column present = exists(reasons, r -> prefix ? r.startsWith(c) : r.equalTo(c));
            hits[i] = when(present, lit(prefix ? c.substring(0, c.length() - 1) : c));
        }
        return coalesce(hits);
    }

    /** Keys of the headline's published entries besides the five origin classes. */
    public static final String TOTAL_KEY = "TOTAL";
    public static final String FOREIGN_KEY = "FOREIGN_ORIGIN";

    private static Column headlineKeys() {
        return org.apache.spark.sql.functions.array(col("origin_class"), lit(TOTAL_KEY),
                when(col("origin_class").isin("IMPORTED", "CROSS_BORDER"), lit(FOREIGN_KEY)));
    }

    /**
     * Exact statistics of every headline entry of every year, from completed sales: one row per {@code year}
     * ({@code yyyy}) and {@code key} (an origin class, {@link #TOTAL_KEY} or {@link #FOREIGN_KEY} =
     * IMPORTED + CROSS_BORDER) with {@code gmv_idr}, {@code sellers}, {@code top_seller_gmv_idr}.
     */
    public static Dataset<Row> headlineCells(Dataset<Row> completedSales) {
        return completedSales
                .select(org.apache.spark.sql.functions.substring(col("period_month"), 1, 4).as("year"),
                        org.apache.spark.sql.functions.explode(headlineKeys()).as("key"),
                        coalesce(col("seller_key"), lit(ANONYMOUS_SELLER)).as("seller"), col("gmv_idr"))
                .filter(col("key").isNotNull())
                .groupBy("year", "key", "seller").agg(sum("gmv_idr").as("g"))
                .groupBy("year", "key")
                .agg(sum("g").cast("decimal(24,2)").as("gmv_idr"), count(lit(1)).as("sellers"),
                        max("g").cast("decimal(24,2)").as("top_seller_gmv_idr"), topTwo("g"));
    }

    /** {@link #headlineCells} as conservative bounds from {@code monthly_detail} (see {@link #fromDetail}). */
    public static Dataset<Row> headlineCellsFromDetail(Dataset<Row> detail) {
        return detail
                .select(org.apache.spark.sql.functions.substring(col("period_month"), 1, 4).as("year"),
                        org.apache.spark.sql.functions.explode(headlineKeys()).as("key"),
                        col("gmv_idr"), col("sellers"), col("top_seller_gmv_idr"))
                .filter(col("key").isNotNull())
                .groupBy("year", "key")
                .agg(sum("gmv_idr").cast("decimal(24,2)").as("gmv_idr"), max("sellers").as("sellers"),
                        sum("top_seller_gmv_idr").as("top_sum"), sum(fineTopTwo()).as("top2_sum"))
                .select(col("year"), col("key"), col("gmv_idr"), col("sellers"),
                        least(col("top_sum"), col("gmv_idr")).cast("decimal(24,2)").as("top_seller_gmv_idr"),
                        least(col("top2_sum"), col("gmv_idr")).cast("decimal(24,2)").as("top2_seller_gmv_idr"));
    }

    /**
     * Permendag 31/2023 flags: one row with flagged lines and GMV, all completed lines and GMV, cross-border
     * lines and GMV (the population the rule applies to), distinct flagged sellers (sales without a seller key
     * not counted), and the largest flagged seller's GMV (the dominance rule).
     */
    public static Dataset<Row> permendag(Dataset<Row> completedSales) {
        Column flagged = col("permendag31_flag").equalTo(true);
        Column xb = col("origin_class").equalTo("CROSS_BORDER");
        return completedSales.groupBy(col("seller_key")).agg(
                        sum(when(flagged, 1L).otherwise(0L)).as("fl"),
                        sum(when(flagged, col("gmv_idr"))).as("fg"),
                        count(lit(1)).as("l"),
                        sum("gmv_idr").as("g"),
                        sum(when(xb, 1L).otherwise(0L)).as("xl"),
                        sum(when(xb, col("gmv_idr"))).as("xg"))
                .agg(sum("fl").as("flagged_lines"),
                        sum("fg").cast("decimal(24,2)").as("flagged_gmv_idr"),
                        sum("l").as("lines"),
                        sum("g").cast("decimal(24,2)").as("gmv_idr"),
                        sum("xl").as("cross_border_lines"),
                        sum("xg").cast("decimal(24,2)").as("cross_border_gmv_idr"),
                        count(when(col("fl").gt(0).and(col("seller_key").isNotNull()), lit(1))).as("flagged_sellers"),
                        max("fg").cast("decimal(24,2)").as("flagged_top_seller_gmv_idr"));
    }
}
