package id.neraca.aggregate;

import id.neraca.SparkTestBase;
import id.neraca.config.NeracaConfig;
import id.neraca.core.Manifest;
import id.neraca.core.NeracaException;
import id.neraca.core.OutputStore;
import id.neraca.core.Schemas;
import id.neraca.core.StageContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.*;

class AggregateMonthlyTest extends SparkTestBase {
    static final List<String> MONTHS = List.of("2023-11", "2023-12", "2024-01", "2024-02");

    private Dataset<Row> frame(List<Row> rows) {
        return spark.createDataFrame(rows, Schemas.classified());
    }

    @Test
    void headlineMatchesTheGeneratorsGroundTruthToTheSen() {
        ClassifiedGenerator g = new ClassifiedGenerator(42, 400, MONTHS);
        Dataset<Row> in = frame(g.rows);
        AggregateMonthly.Aggregates a = AggregateMonthly.aggregate(in);
        List<Row> monthly = a.monthly().orderBy("period_month").collectAsList();
        assertEquals(MONTHS, monthly.stream().map(r -> r.getString(0)).toList());
        for (Row r : monthly) {
            String m = r.getAs("period_month");
            assertEquals(0, g.truthTotal(m).compareTo(r.getAs("total_gmv_idr")), "total " + m);
            for (int i = 0; i < Schemas.ORIGIN_CLASSES.size(); i++) {
                BigDecimal got = r.getAs(AggregateMonthly.CLASS_COLUMNS.get(i));
                assertEquals(0, g.truth(m, Schemas.ORIGIN_CLASSES.get(i)).compareTo(got),
                        m + " " + Schemas.ORIGIN_CLASSES.get(i) + ": " + got);
            }
            assertEquals((long) g.ordersPerMonth.get(m).size(), (long) r.<Long>getAs("orders"), "orders " + m);
            BigDecimal share = r.getAs("local_umkm_share_pct");
            BigDecimal expected = g.truth(m, "LOCAL_UMKM").multiply(BigDecimal.valueOf(100))
                    .divide(g.truthTotal(m), 4, java.math.RoundingMode.HALF_UP);
            assertEquals(0, expected.compareTo(share), "share " + m);
        }
        List<Row> annual = a.annual().orderBy("year").collectAsList();
        assertEquals(List.of(2023, 2024), annual.stream().map(r -> r.<Integer>getAs("year")).toList());
        assertEquals(2L, (long) annual.get(0).<Long>getAs("months_observed"));
        assertEquals(0, g.truthTotal("2023-11").add(g.truthTotal("2023-12")).compareTo(annual.get(0).getAs("total_gmv_idr")));

        // listing snapshots: in the detail table, not in the headline
        Row listing = a.detail().filter(col("grain").equalTo("LISTING_PERIOD"))
                .agg(org.apache.spark.sql.functions.sum("gmv_idr"), org.apache.spark.sql.functions.count(lit(1)),
                        org.apache.spark.sql.functions.max("orders")).first();
        assertEquals(0, g.listingGmv.compareTo(listing.getDecimal(0)));
        assertTrue(listing.isNullAt(2), "a listing snapshot has no orders");

        AggregateMonthly.Identity id = AggregateMonthly.checkIdentities(in, a.detail(), a.monthly(), a.annual());
        assertEquals(List.of(), id.violations());
        assertEquals(0, g.completedOrderLineGmv.compareTo(id.headlineGmv()));
        assertEquals(g.listingRows, id.listingRows());
    }

    /**
     * A small aggregate evaluates its expressions interpreted (core.SmallInputs): the three tables and the identity
     * check come out the same as with Spark's generated code, row for row.
     */
    @Test
    void theAggregatesAreTheSameInterpretedAndCompiled() {
        Dataset<Row> in = frame(new ClassifiedGenerator(11, 600, MONTHS).rows);
        List<List<String>> interpreted;
        try (id.neraca.core.SmallInputs.Scope scope = id.neraca.core.SmallInputs.scope(spark, 0, true, true)) {
            assertTrue(scope.interpreted());
            interpreted = tables(in);
        }
        List<List<String>> compiled = tables(in);
        assertTrue(compiled.get(0).size() > 100, "detail cells: " + compiled.get(0).size());
        assertEquals(compiled, interpreted);
    }

    private static List<List<String>> tables(Dataset<Row> in) {
        AggregateMonthly.Aggregates a = AggregateMonthly.aggregate(in);
        AggregateMonthly.Identity id = AggregateMonthly.checkIdentities(in, a.detail(), a.monthly(), a.annual());
        List<List<String>> out = new ArrayList<>();
        for (Dataset<Row> d : List.of(a.detail(), a.monthly(), a.annual())) {
            out.add(d.collectAsList().stream().map(Row::toString).sorted().toList());
        }
        out.add(List.of(id.violations().toString(), id.headlineGmv().toPlainString(), String.valueOf(id.listingRows())));
        return out;
    }

    @Test
    void detailCountsDistinctOrdersSellersAndTheTopSeller() {
        List<Row> rows = new ArrayList<>();
        BigDecimal p = new BigDecimal("10000.50");
        // one order with two lines, same cell: 1 order, 3 units
        rows.add(ClassifiedGenerator.row("shopee", "ORDER_LINE", "shopee:A1:SKU1", "2024-01", "s1", "32", "food", 1, p, p, "COMPLETED", "LOCAL_UMKM"));
        rows.add(ClassifiedGenerator.row("shopee", "ORDER_LINE", "shopee:A1:SKU2", "2024-01", "s1", "32", "food", 2, p, new BigDecimal("20001.00"), "COMPLETED", "LOCAL_UMKM"));
        rows.add(ClassifiedGenerator.row("shopee", "ORDER_LINE", "shopee:A2:SKU1", "2024-01", "s2", "32", "food", 1, p, p, "COMPLETED", "LOCAL_UMKM"));
        // cancelled: not counted anywhere
        rows.add(ClassifiedGenerator.row("shopee", "ORDER_LINE", "shopee:A3:SKU1", "2024-01", "s3", "32", "food", 9, p, new BigDecimal("90004.50"), "CANCELLED", "LOCAL_UMKM"));
        // unknown province and category stay as null keys
        rows.add(ClassifiedGenerator.row("tokopedia", "ORDER_LINE", "tokopedia:INV/2024/1:1", "2024-01", "s4", null, null, 1, p, p, "COMPLETED", "IMPORTED"));
        List<Row> d = AggregateMonthly.detail(AggregateMonthly.completed(frame(rows)))
                .orderBy(col("marketplace")).collectAsList();
        assertEquals(2, d.size());
        Row shopee = d.get(0);
        assertEquals("shopee", shopee.getAs("marketplace"));
        assertEquals(0, new BigDecimal("40002.00").compareTo(shopee.getAs("gmv_idr")));
        assertEquals(2L, (long) shopee.<Long>getAs("orders"));
        assertEquals(4L, (long) shopee.<Long>getAs("units"));
        assertEquals(2L, (long) shopee.<Long>getAs("sellers"));
        assertEquals(0, new BigDecimal("30001.50").compareTo(shopee.getAs("top_seller_gmv_idr")));
        Row toko = d.get(1);
        assertNull(toko.getAs("seller_province_code"));
        assertNull(toko.getAs("category"));
        assertEquals(1L, (long) toko.<Long>getAs("orders"));
    }

    @Test
    void distinctOrdersAcrossCellsMonthsAndYearsAreCountedOncePerCellMonthAndYear() {
        List<Row> rows = new ArrayList<>();
        BigDecimal p = new BigDecimal("1000.00");
        // order B1: a line in food and one in fashion (two cells), same month
        rows.add(ClassifiedGenerator.row("shopee", "ORDER_LINE", "shopee:B1:1", "2023-12", "s1", "32", "food", 1, p, p, "COMPLETED", "LOCAL_UMKM"));
        rows.add(ClassifiedGenerator.row("shopee", "ORDER_LINE", "shopee:B1:2", "2023-12", "s1", "32", "fashion", 1, p, p, "COMPLETED", "LOCAL_UMKM"));
        // order B2: lines dated in two months of one year, and a third line in the next year (a dump's odd dates)
        rows.add(ClassifiedGenerator.row("shopee", "ORDER_LINE", "shopee:B2:1", "2023-11", "s1", "32", "food", 1, p, p, "COMPLETED", "LOCAL_UMKM"));
        rows.add(ClassifiedGenerator.row("shopee", "ORDER_LINE", "shopee:B2:2", "2023-12", "s1", "32", "food", 1, p, p, "COMPLETED", "LOCAL_UMKM"));
        rows.add(ClassifiedGenerator.row("shopee", "ORDER_LINE", "shopee:B2:3", "2024-01", "s1", "32", "food", 1, p, p, "COMPLETED", "LOCAL_UMKM"));
        // order B3: two lines in the same cell, one of them of another class (two cells)
        rows.add(ClassifiedGenerator.row("shopee", "ORDER_LINE", "shopee:B3:1", "2023-12", "s2", "32", "food", 1, p, p, "COMPLETED", "LOCAL_UMKM"));
        rows.add(ClassifiedGenerator.row("shopee", "ORDER_LINE", "shopee:B3:2", "2023-12", "s2", "32", "food", 2, p, p, "COMPLETED", "IMPORTED"));
        // a seller without a key: its order counts, the seller does not
        rows.add(ClassifiedGenerator.row("shopee", "ORDER_LINE", "shopee:B4:1", "2023-12", null, "32", "food", 1, p, p, "COMPLETED", "LOCAL_UMKM"));
        // listing snapshots: no orders
        rows.add(ClassifiedGenerator.row("shopee", "LISTING_PERIOD", "shopee:L1:x", "2023-12", "s1", "32", "food", 5, p, p, "COMPLETED", "LOCAL_UMKM"));
        rows.add(ClassifiedGenerator.row("shopee", "LISTING_PERIOD", "shopee:L2:x", "2023-12", "s1", "32", "food", 5, p, p, "COMPLETED", "LOCAL_UMKM"));
        Dataset<Row> in = frame(rows);
        AggregateMonthly.Aggregates a = AggregateMonthly.aggregate(in);
        Map<String, Long> ordersByCell = new TreeMap<>();
        Map<String, Long> sellersByCell = new TreeMap<>();
        for (Row r : a.detail().collectAsList()) {
            String k = r.getAs("period_month") + "/" + r.getAs("grain") + "/" + r.getAs("origin_class") + "/" + r.getAs("category");
            ordersByCell.put(k, r.getAs("orders"));
            sellersByCell.put(k, r.getAs("sellers"));
        }
        Map<String, Long> expected = new TreeMap<>();
        expected.put("2023-11/ORDER_LINE/LOCAL_UMKM/food", 1L);       // B2
        expected.put("2023-12/ORDER_LINE/LOCAL_UMKM/food", 4L);       // B1, B2, B3, B4
        expected.put("2023-12/ORDER_LINE/LOCAL_UMKM/fashion", 1L);    // B1
        expected.put("2023-12/ORDER_LINE/IMPORTED/food", 1L);         // B3
        expected.put("2024-01/ORDER_LINE/LOCAL_UMKM/food", 1L);       // B2
        expected.put("2023-12/LISTING_PERIOD/LOCAL_UMKM/food", null); // no orders in a scrape
        assertEquals(expected, ordersByCell);
        assertEquals(2L, sellersByCell.get("2023-12/ORDER_LINE/LOCAL_UMKM/food"), "s1 and s2; the keyless seller is not counted");
        Map<String, Long> monthOrders = new TreeMap<>();
        Map<String, Long> monthSellers = new TreeMap<>();
        for (Row r : a.monthly().collectAsList()) {
            monthOrders.put(r.getAs("period_month"), r.getAs("orders"));
            monthSellers.put(r.getAs("period_month"), r.getAs("sellers"));
        }
        assertEquals(Map.of("2023-11", 1L, "2023-12", 4L, "2024-01", 1L), monthOrders);
        assertEquals(Map.of("2023-11", 1L, "2023-12", 2L, "2024-01", 1L), monthSellers);
        Map<Integer, Long> yearOrders = new TreeMap<>();
        for (Row r : a.annual().collectAsList()) yearOrders.put(r.getAs("year"), r.getAs("orders"));
        assertEquals(Map.of(2023, 4L, 2024, 1L), yearOrders, "B2 once in 2023 (two months) and once in 2024");
        assertEquals(List.of(), AggregateMonthly.checkIdentities(in, a.detail(), a.monthly(), a.annual()).violations());
    }

    @Test
    void identityCheckFailsWhenARowIsTamperedWith() {
        ClassifiedGenerator g = new ClassifiedGenerator(7, 200, MONTHS);
        Dataset<Row> in = frame(g.rows);
        // an origin class outside the five: classes no longer add up to the total
        Dataset<Row> tampered = in.withColumn("origin_class",
                when(col("sale_id").equalTo(firstCompletedSale(g)), lit("FOREIGN")).otherwise(col("origin_class")));
        AggregateMonthly.Aggregates a = AggregateMonthly.aggregate(tampered);
        AggregateMonthly.Identity id = AggregateMonthly.checkIdentities(tampered, a.detail(), a.monthly(), a.annual());
        assertFalse(id.violations().isEmpty());
        assertTrue(id.violations().stream().anyMatch(s -> s.contains("'FOREIGN'")), id.violations().toString());
        assertTrue(id.violations().stream().anyMatch(s -> s.contains("classes add up to")), id.violations().toString());

        // one sen moved in one month's imported column
        AggregateMonthly.Aggregates ok = AggregateMonthly.aggregate(in);
        Dataset<Row> badMonthly = ok.monthly().withColumn("imported_gmv_idr",
                when(col("period_month").equalTo("2024-01"), col("imported_gmv_idr").plus(lit(new BigDecimal("0.01"))))
                        .otherwise(col("imported_gmv_idr")).cast(AggregateMonthly.MONEY));
        AggregateMonthly.Identity id2 = AggregateMonthly.checkIdentities(in, ok.detail(), badMonthly, ok.annual());
        assertEquals(1, id2.violations().size(), id2.violations().toString());
        assertTrue(id2.violations().get(0).startsWith("monthly_headline 2024-01"), id2.violations().get(0));

        // a row lost from the detail table
        Dataset<Row> lossy = ok.detail().filter(not(col("marketplace").equalTo("crossborder")));
        assertFalse(AggregateMonthly.checkIdentities(in, lossy, ok.monthly(), ok.annual()).violations().isEmpty());
    }

    private static org.apache.spark.sql.Column not(org.apache.spark.sql.Column c) {
        return org.apache.spark.sql.functions.not(c);
    }

    private static String firstCompletedSale(ClassifiedGenerator g) {
        return g.rows.stream().filter(r -> "COMPLETED".equals(r.get(Schemas.classified().fieldIndex("status"))))
                .filter(r -> "ORDER_LINE".equals(r.get(Schemas.classified().fieldIndex("grain"))))
                .map(r -> (String) r.get(Schemas.classified().fieldIndex("sale_id"))).findFirst().orElseThrow();
    }
}
