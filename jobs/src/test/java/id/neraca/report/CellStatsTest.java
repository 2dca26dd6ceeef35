package id.neraca.report;

import id.neraca.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cell statistics behind disclosure control, on six hand-made sales: GMV, distinct sellers and the largest
 * seller's GMV of every cell, row total, column total and grand total of the three published tables.
 */
class CellStatsTest extends SparkTestBase {
    private static final StructType SALES = new StructType()
            .add("marketplace", DataTypes.StringType)
            .add("seller_province_code", DataTypes.StringType)
            .add("category", DataTypes.StringType)
            .add("origin_class", DataTypes.StringType)
            .add("seller_key", DataTypes.StringType)
            .add("gmv_idr", DataTypes.createDecimalType(20, 2));

    /** s1 sells local goods in two marketplaces, s3 is a foreign storefront (no province), one sale has no seller key. */
    private Dataset<Row> sales() {
        return spark.createDataFrame(List.of(
                sale("shopee", "31", "fashion", "LOCAL_UMKM", "s1", 100),
                sale("shopee", "31", "fashion", "LOCAL_UMKM", "s1", 50),
                sale("shopee", "32", "fashion", "IMPORTED", "s2", 200),
                sale("tokopedia", "31", "beauty", "LOCAL_UMKM", "s1", 30),
                sale("tokopedia", null, "beauty", "CROSS_BORDER", "s3", 400),
                sale("tokopedia", "32", null, "IMPORTED", null, 20)), SALES);
    }

    private static Row sale(String mp, String prov, String cat, String cls, String seller, long gmv) {
        return RowFactory.create(mp, prov, cat, cls, seller, BigDecimal.valueOf(gmv).setScale(2));
    }

    private static String e(String table, String level, String key, String cls, long gmv, long sellers, long top) {
        return String.join("|", table, level, String.valueOf(key), String.valueOf(cls), gmv + ".00", String.valueOf(sellers), top + ".00");
    }

    private static TreeSet<String> rows(Dataset<Row> stats) {
        TreeSet<String> out = new TreeSet<>();
        for (Row r : stats.collectAsList()) {
            out.add(String.join("|", r.getString(0), r.getString(1), String.valueOf(r.getString(2)), String.valueOf(r.getString(3)),
                    r.getDecimal(4).toPlainString(), String.valueOf(r.getLong(5)), r.getDecimal(6).toPlainString()));
        }
        return out;
    }

    private static final List<String> TOTALS_PER_TABLE = List.of(
            "COL_TOTAL|null|LOCAL_UMKM|180|1|180", "COL_TOTAL|null|IMPORTED|220|2|200",
            "COL_TOTAL|null|CROSS_BORDER|400|1|400", "GRAND|null|null|800|4|400");

    private static void totals(TreeSet<String> expected, String table) {
        for (String t : TOTALS_PER_TABLE) {
            String[] f = t.split("\\|");
            expected.add(e(table, f[0], "null".equals(f[1]) ? null : f[1], "null".equals(f[2]) ? null : f[2],
                    Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5])));
        }
    }

    @Test
    void theTablesComeInTheReportsOrderInEveryJvm() {
        // summary.json and the disclosure system take this order; it was a copy of Map.of, whose order is per JVM
        assertEquals(List.of("marketplace", "province", "category"), List.copyOf(CellStats.DIMENSIONS.keySet()));
        assertEquals("seller_province_code", CellStats.DIMENSIONS.get("province"));
    }

    @Test
    void everyLevelOfEveryTableFromOneSellerBase() {
        TreeSet<String> expected = new TreeSet<>(List.of(
                e("marketplace", "CELL", "shopee", "LOCAL_UMKM", 150, 1, 150),
                e("marketplace", "CELL", "shopee", "IMPORTED", 200, 1, 200),
                e("marketplace", "CELL", "tokopedia", "LOCAL_UMKM", 30, 1, 30),
                e("marketplace", "CELL", "tokopedia", "CROSS_BORDER", 400, 1, 400),
                e("marketplace", "CELL", "tokopedia", "IMPORTED", 20, 1, 20),
                e("marketplace", "ROW_TOTAL", "shopee", null, 350, 2, 200),
                e("marketplace", "ROW_TOTAL", "tokopedia", null, 450, 3, 400),
                e("province", "CELL", "31", "LOCAL_UMKM", 180, 1, 180),
                e("province", "CELL", "32", "IMPORTED", 220, 2, 200),
                e("province", "CELL", CellStats.UNKNOWN_KEY, "CROSS_BORDER", 400, 1, 400),
                e("province", "ROW_TOTAL", "31", null, 180, 1, 180),
                e("province", "ROW_TOTAL", "32", null, 220, 2, 200),
                e("province", "ROW_TOTAL", CellStats.UNKNOWN_KEY, null, 400, 1, 400),
                e("category", "CELL", "fashion", "LOCAL_UMKM", 150, 1, 150),
                e("category", "CELL", "fashion", "IMPORTED", 200, 1, 200),
                e("category", "CELL", "beauty", "LOCAL_UMKM", 30, 1, 30),
                e("category", "CELL", "beauty", "CROSS_BORDER", 400, 1, 400),
                e("category", "CELL", CellStats.UNKNOWN_KEY, "IMPORTED", 20, 1, 20),
                e("category", "ROW_TOTAL", "fashion", null, 350, 2, 200),
                e("category", "ROW_TOTAL", "beauty", null, 430, 2, 400),
                e("category", "ROW_TOTAL", CellStats.UNKNOWN_KEY, null, 20, 1, 20)));
        for (String t : CellStats.DIMENSIONS.keySet()) totals(expected, t);

        TreeSet<String> actual = rows(CellStats.fromSellerBase(CellStats.sellerBase(sales(), null)));
        assertEquals(expected, actual);
    }

    /**
     * The two largest sellers together per entry (the p% rule's input) and the three largest sellers' share of a year's
     * GMV (the report's concentration sentence): s3 400, s2 200, s1 180 and an anonymous 20 of 800 in all.
     */
    @Test
    void theTwoLargestPerEntryAndTheThreeLargestShare() {
        java.util.Map<String, String> top2 = new java.util.TreeMap<>();
        for (Row r : CellStats.fromSellerBase(CellStats.sellerBase(sales(), null)).filter("`table` = 'marketplace'").collectAsList()) {
            top2.put(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3), r.getDecimal(7).toPlainString());
        }
        assertEquals("600.00", top2.get("GRAND|null|null"), "s3 400 + s2 200");
        assertEquals("430.00", top2.get("ROW_TOTAL|tokopedia|null"), "s3 400 + s1 30, not the anonymous 20");
        assertEquals("350.00", top2.get("ROW_TOTAL|shopee|null"), "s2 200 + s1 150");
        assertEquals("150.00", top2.get("CELL|shopee|LOCAL_UMKM"), "one seller: its own");
        assertEquals(new BigDecimal("97.5000"), CellStats.topThreeSharePct(sales()), "(400 + 200 + 180) / 800");
        assertEquals(null, CellStats.topThreeSharePct(sales().filter("seller_key = 's1' or seller_key = 's2'")), "two sellers: not given");
    }

    @Test
    void categoriesOutsideTheKeptListArePooledBeforeCounting() {
        // beauty is pooled into __other__; the missing category stays __unknown__ then is pooled too (not kept)
        TreeSet<String> actual = rows(CellStats.fromSellerBase(CellStats.sellerBase(sales(), List.of("fashion")))
                .filter("`table` = 'category'"));
        TreeSet<String> expected = new TreeSet<>(List.of(
                e("category", "CELL", "fashion", "LOCAL_UMKM", 150, 1, 150),
                e("category", "CELL", "fashion", "IMPORTED", 200, 1, 200),
                e("category", "CELL", CellStats.OTHER_KEY, "LOCAL_UMKM", 30, 1, 30),
                e("category", "CELL", CellStats.OTHER_KEY, "CROSS_BORDER", 400, 1, 400),
                e("category", "CELL", CellStats.OTHER_KEY, "IMPORTED", 20, 1, 20),
                e("category", "ROW_TOTAL", "fashion", null, 350, 2, 200),
                e("category", "ROW_TOTAL", CellStats.OTHER_KEY, null, 450, 3, 400)));
        totals(expected, "category");
        assertEquals(expected, actual);
    }

    /**
     * The evidence table's "what decided": per class, the reason that decided it in the rules' order, whatever the
     * reasons' order in the array (hand-written arrays as OriginEvidence writes them).
     */
    @Test
    void theDecisiveReasonOfEachClassIsTheEvidenceThatDecidedIt() {
        String[][] cases = {
                // class, reasons, expected
                {"IMPORTED", "XB_FLAG_NO,SELLER_ID_DOMESTIC,SELLER_LOCATION_ID,BRAND_FOREIGN:CN", "BRAND_FOREIGN"},
                {"IMPORTED", "SELLER_LOCATION_ID,BRAND_FOREIGN:KR,TITLE_LOCAL_CUE,CONFLICT_BRAND_VS_TITLE", "BRAND_FOREIGN"},
                {"IMPORTED", "SELLER_LOCATION_ID,TITLE_IMPORT_CUE", "TITLE_IMPORT_CUE"},
                {"LOCAL_UMKM", "SELLER_ID_DOMESTIC,ORIGIN_DECLARED_ID,BRAND_FOREIGN:KR,CONFLICT_DECLARED_VS_BRAND", "ORIGIN_DECLARED_ID"},
                {"LOCAL_UMKM", "SELLER_LOCATION_ID,BRAND_MADE_IN_ID:JP", "BRAND_MADE_IN_ID"},
                {"LOCAL_LARGE", "SELLER_LOCATION_ID,TITLE_IMPORT_CUE,TITLE_LOCAL_CUE,CONFLICT_TITLE_CUES", "TITLE_LOCAL_CUE"},
                {"CROSS_BORDER", "SHIP_FROM_ABROAD,SELLER_LOCATION_ID,BRAND_LOCAL,CONFLICT_SELLER_FOREIGN_VS_DOMESTIC", "SHIP_FROM_ABROAD"},
                {"CROSS_BORDER", "XB_FLAG,SELLER_FOREIGN_ID,SHIP_FROM_ABROAD,BRAND_FOREIGN:JP", "XB_FLAG"},
                {"UNKNOWN", "BRAND_FOREIGN:KR,SELLER_LOCATION_UNKNOWN", "SELLER_LOCATION_UNKNOWN"},
                {"UNKNOWN", "SELLER_ID_DOMESTIC,NO_GOODS_EVIDENCE,SELLER_LOCATION_UNKNOWN", "NO_GOODS_EVIDENCE"},
                {"UNKNOWN", "SELLER_ID_INVALID,SELLER_LOCATION_ID,TITLE_IMPORT_CUE,LOW_CONFIDENCE", "LOW_CONFIDENCE"},
                {"UNKNOWN", "SELLER_ID_DOMESTIC,BRAND_LOCAL,SELLER_LOCATION_UNKNOWN,TIER_UNKNOWN", "TIER_UNKNOWN"},
                {"UNKNOWN", "NO_EVIDENCE", "NO_EVIDENCE"},
                // a class the rules cannot have reached with these reasons (a declared tier on old data): said so
                {"LOCAL_UMKM", "SELLER_ID_DOMESTIC", "NONE"},
                {"IMPORTED", "", "NONE"},
        };
        StructType schema = new StructType().add("origin_class", DataTypes.StringType)
                .add("origin_reasons", DataTypes.createArrayType(DataTypes.StringType, false));
        List<Row> rows = new java.util.ArrayList<>();
        for (String[] c : cases) rows.add(RowFactory.create(c[0], c[1].isEmpty() ? new String[0] : c[1].split(",")));
        List<Row> got = spark.createDataFrame(rows, schema)
                .select(CellStats.decisiveReason(org.apache.spark.sql.functions.col("origin_class"),
                        org.apache.spark.sql.functions.col("origin_reasons"))).collectAsList();
        for (int i = 0; i < cases.length; i++) {
            assertEquals(cases[i][2], got.get(i).getString(0), cases[i][0] + " " + cases[i][1]);
        }
        // the report lists them in the rules' order
        assertEquals(List.of("XB_FLAG", "SHIP_FROM_ABROAD", "ORIGIN_DECLARED_FOREIGN", "BRAND_FOREIGN", "TITLE_IMPORT_CUE",
                        "ORIGIN_DECLARED_ID", "BRAND_LOCAL", "TITLE_LOCAL_CUE", "NO_EVIDENCE", "LOW_CONFIDENCE", "NONE"),
                java.util.stream.Stream.of("NONE", "TITLE_LOCAL_CUE", "LOW_CONFIDENCE", "BRAND_FOREIGN", "XB_FLAG", "BRAND_LOCAL",
                                "NO_EVIDENCE", "ORIGIN_DECLARED_ID", "TITLE_IMPORT_CUE", "SHIP_FROM_ABROAD", "ORIGIN_DECLARED_FOREIGN")
                        .sorted(java.util.Comparator.comparingInt(CellStats::decisiveRank)).toList());
    }
}
