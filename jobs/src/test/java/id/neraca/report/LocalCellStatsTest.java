package id.neraca.report;

import id.neraca.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The report's statistics of a small input computed on the driver ({@link LocalCellStats}) against the Spark queries
 * of {@link CellStats} they replace: on six hand-made sales, figures checked by hand; on a few thousand generated ones
 * (missing keys, sales without a seller key, ties, several years, every class and reason), every row, value and scale
 * equal to Spark's.
 */
class LocalCellStatsTest extends SparkTestBase {
    private static final StructType SALES = new StructType()
            .add("period_month", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("marketplace", DataTypes.StringType)
            .add("seller_province_code", DataTypes.StringType)
            .add("category", DataTypes.StringType)
            .add("origin_class", DataTypes.StringType)
            .add("seller_key", DataTypes.StringType)
            .add("gmv_idr", DataTypes.createDecimalType(20, 2))
            .add("origin_reasons", DataTypes.createArrayType(DataTypes.StringType))
            .add("permendag31_flag", DataTypes.BooleanType);

    private static Row sale(String month, String mp, String prov, String cat, String cls, String seller, String gmv,
                            List<String> reasons, Boolean flag) {
        return RowFactory.create(month, "COMPLETED", mp, prov, cat, cls, seller, new BigDecimal(gmv), reasons, flag);
    }

    /** CellStatsTest's six sales, in 2025, and one in 2024. */
    private Dataset<Row> handMade() {
        return spark.createDataFrame(List.of(
                sale("2025-01", "shopee", "31", "fashion", "LOCAL_UMKM", "s1", "100.00", List.of("NIK_VALID", "BRAND_LOCAL"), false),
                sale("2025-02", "shopee", "31", "fashion", "LOCAL_UMKM", "s1", "50.00", List.of("ORIGIN_DECLARED_ID"), false),
                sale("2025-03", "shopee", "32", "fashion", "IMPORTED", "s2", "200.00", List.of("BRAND_FOREIGN:KR"), false),
                sale("2025-04", "tokopedia", "31", "beauty", "LOCAL_UMKM", "s1", "30.00", List.of(), false),
                sale("2025-05", "tokopedia", null, "beauty", "CROSS_BORDER", "s3", "400.00", List.of("XB_FLAG"), true),
                sale("2025-06", "tokopedia", "32", null, "IMPORTED", null, "20.00", List.of("TITLE_IMPORT_CUE"), false),
                sale("2024-12", "shopee", "31", "fashion", "LOCAL_UMKM", "s1", "70.00", null, null)), SALES);
    }

    @Test
    void theHandMadeSalesFiguresOnTheDriver() {
        List<LocalCellStats.Sale> all = LocalCellStats.collect(handMade(), LocalCellStats.MAX_ROWS);
        List<LocalCellStats.Sale> y = LocalCellStats.inYear(all, 2025);
        assertEquals(6, y.size());
        // fashion 350, beauty 430, unknown 20: beauty first
        assertEquals(List.of("beauty", "fashion"), LocalCellStats.topCategories(y, 2));
        List<String> cells = strings(LocalCellStats.cells(y, List.of("beauty", "fashion")));
        // s3 400, s2 200, s1 180, the anonymous seller 20: four sellers, the two largest 600
        assertEquals(true, cells.contains("marketplace|GRAND|null|null|800.00|4|400.00|600.00"));
        assertEquals(true, cells.contains("marketplace|CELL|shopee|LOCAL_UMKM|150.00|1|150.00|150.00"));
        assertEquals(true, cells.contains("province|CELL|__unknown__|CROSS_BORDER|400.00|1|400.00|400.00"));
        assertEquals(true, cells.contains("category|ROW_TOTAL|__other__|null|20.00|1|20.00|20.00"));
        assertEquals(true, cells.contains("category|COL_TOTAL|null|IMPORTED|220.00|2|200.00|220.00"));
        // cells and row totals: marketplace 5 and 2, province 3 and 3, category 5 and 3; 3 column totals and a grand total each
        assertEquals(5 + 2 + 3 + 3 + 5 + 3 + 3 * 4, cells.size());
        assertEquals(List.of(
                        "CROSS_BORDER|XB_FLAG|1|400.00|1|400.00|400.00",
                        "IMPORTED|BRAND_FOREIGN|1|200.00|1|200.00|200.00",
                        "IMPORTED|TITLE_IMPORT_CUE|1|20.00|1|20.00|20.00",
                        "LOCAL_UMKM|BRAND_LOCAL|1|100.00|1|100.00|100.00",
                        "LOCAL_UMKM|NONE|1|30.00|1|30.00|30.00",
                        "LOCAL_UMKM|ORIGIN_DECLARED_ID|1|50.00|1|50.00|50.00"),
                strings(LocalCellStats.evidence(y)).stream().sorted().toList());
        assertEquals("1|400.00|6|800.00|1|400.00|1|400.00", string(LocalCellStats.permendag(y)));
        List<String> headline = strings(LocalCellStats.headlineCells(all)).stream().sorted().toList();
        assertEquals(true, headline.contains("2025|TOTAL|800.00|4|400.00|600.00"));
        assertEquals(true, headline.contains("2025|FOREIGN_ORIGIN|620.00|3|400.00|600.00"));
        assertEquals(true, headline.contains("2024|TOTAL|70.00|1|70.00|70.00"));
        // (400 + 200 + 180) / 800
        assertEquals(new BigDecimal("97.5000"), LocalCellStats.topThreeSharePct(y));
        assertNull(LocalCellStats.topThreeSharePct(LocalCellStats.inYear(all, 2024)));
        assertEquals(CellStats.topThreeSharePct(CellStats.completedInYear(handMade(), 2025)), LocalCellStats.topThreeSharePct(y));
        sameAsSpark(handMade(), 2025, 2);
    }

    @Test
    void generatedSalesGiveSparksFiguresRowForRow() {
        Random r = new Random(31);
        String[] mps = {"shopee", "tokopedia", "tiktokshop", null};
        String[] provs = {"31", "32", "35", "51", null};
        String[] cats = {"fashion", "beauty", "food", "toys", "home", "\uD83D\uDE00 emoji", "\uFFFD", null};
        String[] classes = {"LOCAL_UMKM", "LOCAL_LARGE", "IMPORTED", "CROSS_BORDER", "UNKNOWN"};
        List<String> codes = new ArrayList<>(List.of("NIK_VALID", "BRAND_FOREIGN:CN", "BRAND_MADE_IN_ID:x", "NO_EVIDENCE",
                "LOW_CONFIDENCE", "SHIP_FROM_ABROAD", "XB_FLAG", "ORIGIN_DECLARED_FOREIGN", "TITLE_LOCAL_CUE", "BRAND_LOCAL"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            List<String> reasons = null;
            if (r.nextInt(10) > 0) {
                reasons = new ArrayList<>();
                int n = r.nextInt(4);
                for (int k = 0; k < n; k++) reasons.add(r.nextInt(20) == 0 ? null : codes.get(r.nextInt(codes.size())));
            }
            String month = (2023 + r.nextInt(3)) + "-" + String.format("%02d", 1 + r.nextInt(12));
            // whole thousands often: ties between sellers and between categories
            String gmv = r.nextBoolean() ? (1000 * (1 + r.nextInt(5))) + ".00" : BigDecimal.valueOf(r.nextInt(5_000_000), 2).toPlainString();
            rows.add(RowFactory.create(month, r.nextInt(15) == 0 ? "CANCELLED" : "COMPLETED", mps[r.nextInt(mps.length)],
                    provs[r.nextInt(provs.length)], cats[r.nextInt(cats.length)],
                    r.nextInt(40) == 0 ? null : classes[r.nextInt(classes.length)],
                    r.nextInt(12) == 0 ? null : "s" + r.nextInt(60), new BigDecimal(gmv), reasons,
                    r.nextInt(8) == 0 ? null : r.nextInt(6) == 0));
        }
        Dataset<Row> ds = spark.createDataFrame(rows, SALES);
        for (int keep = 1; keep <= 8; keep++) sameAsSpark(ds, 2025, keep);
        sameAsSpark(ds, 2024, 3);
        sameAsSpark(ds, 2019, 3); // a year without sales: every statistic empty, the Permendag row of nulls
    }

    @Test
    void moreRowsThanTheBoundStayWithSpark() {
        assertNull(LocalCellStats.collect(handMade(), 6));
        assertEquals(7, LocalCellStats.collect(handMade(), 7).size());
    }

    /** Every statistic of the driver equal to Spark's on {@code sales}' completed rows. */
    private static void sameAsSpark(Dataset<Row> sales, int year, int keepCategories) {
        Dataset<Row> completed = sales.filter(col("status").equalTo("COMPLETED"));
        Dataset<Row> yearSales = CellStats.completedInYear(sales, year);
        List<LocalCellStats.Sale> all = LocalCellStats.collect(completed, LocalCellStats.MAX_ROWS);
        List<LocalCellStats.Sale> y = LocalCellStats.inYear(all, year);

        List<String> top = CellStats.gmvBy(yearSales, "category").orderBy(col("gmv_idr").desc(), col("key"))
                .limit(keepCategories).collectAsList().stream().map(x -> x.getString(0)).toList();
        assertEquals(top, LocalCellStats.topCategories(y, keepCategories), "top categories");

        Dataset<Row> base = CellStats.sellerBase(yearSales, top);
        assertEquals(sorted(CellStats.fromSellerBase(base).collectAsList()), sorted(LocalCellStats.cells(y, top)), "cells");
        assertEquals(sorted(CellStats.evidence(yearSales).collectAsList()), sorted(LocalCellStats.evidence(y)), "evidence");
        assertEquals(string(CellStats.permendag(yearSales).first()), string(LocalCellStats.permendag(y)), "permendag");
        assertEquals(sorted(CellStats.headlineCells(completed).collectAsList()), sorted(LocalCellStats.headlineCells(all)), "headline");
        assertEquals(String.valueOf(CellStats.topThreeSharePct(yearSales)), String.valueOf(LocalCellStats.topThreeSharePct(y)), "CR3");
    }

    /** A row as text: every value with its class and, for decimals, its scale (toString keeps it). */
    private static String string(Row r) {
        return Arrays.stream(rowValues(r)).map(v -> v == null ? "null" : v.toString()).collect(Collectors.joining("|"));
    }

    private static Object[] rowValues(Row r) {
        Object[] v = new Object[r.size()];
        for (int i = 0; i < v.length; i++) {
            Object o = r.get(i);
            if (o != null && !(o instanceof String || o instanceof BigDecimal || o instanceof Long)) {
                throw new AssertionError("unexpected type " + o.getClass() + " in " + r);
            }
            v[i] = o;
        }
        return v;
    }

    private static List<String> strings(List<Row> rows) {
        return rows.stream().map(LocalCellStatsTest::string).toList();
    }

    private static List<String> sorted(List<Row> rows) {
        return strings(rows).stream().sorted().toList();
    }
}
