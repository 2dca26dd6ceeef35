package id.neraca.classify;

import id.neraca.SparkTestBase;
import id.neraca.core.Schemas;
import id.neraca.report.CellStats;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static id.neraca.classify.SalesFixtures.sale;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole classification on scenario fixtures in one Spark pass: class, reasons, tier, Permendag flag.
 * FX fixture: US$1 = Rp15.000 in 2023-09/10 and 2024-01 (so US$100 = Rp1.500.000).
 */
class OriginClassifierTest extends SparkTestBase {
    private static Map<String, Row> out;
    private static Dataset<Row> classifiedFixtures;

    @BeforeAll
    static void classifyFixtures() {
        Dataset<Row> sales = SalesFixtures.sales(spark,
                // a local reseller of imported phones (Jakarta, valid NIB), Xiaomi in the brand column
                sale("local_reseller_imported_phone").localSeller("reseller").id("NIB", true).located("31", "Jakarta Selatan")
                        .brand("Xiaomi").title("Xiaomi Redmi Note 13 8/256 Garansi Resmi").category("phones").price("2999000"),
                // foreign storefronts, order lines after the rule: under US$100, exactly US$100, above, books
                sale("xb_under_100").foreignStore("store_cn", "CN").at("2023-10-05T02:00:00Z").title("TWS earbuds").category("electronics")
                        .price("1499999.99"),
                sale("xb_exactly_100").foreignStore("store_cn", "CN").at("2023-10-05T02:00:00Z").title("Smart watch").category("electronics")
                        .price("1500000.00"),
                sale("xb_above_100").foreignStore("store_cn", "CN").at("2023-10-05T02:00:00Z").title("Drone mini").category("electronics")
                        .price("3000000"),
                sale("xb_books_under_100").foreignStore("store_cn", "CN").at("2023-10-05T02:00:00Z").title("English novel").category("books_media")
                        .price("150000"),
                // the rule starts 2023-09-26 00:00 WIB = 2023-09-25T17:00Z
                sale("xb_before_rule").foreignStore("store_cn", "CN").at("2023-09-25T16:59:59Z").title("Phone case").category("phones")
                        .price("50000"),
                sale("xb_first_second_of_rule").foreignStore("store_cn", "CN").at("2023-09-25T17:00:00Z").title("Phone case").category("phones")
                        .price("50000"),
                // listing grain: by month; September 2023 is before the first full month
                sale("xb_listing_2023_09").foreignStore("store_cn", "CN").listing("2023-09").title("Phone case").price("50000"),
                sale("xb_listing_2023_10").foreignStore("store_cn", "CN").listing("2023-10").title("Phone case").price("50000"),
                // a month with no FX rate cannot be tested
                sale("xb_no_fx_month").foreignStore("store_cn", "CN").at("2024-03-05T02:00:00Z").title("Phone case").price("50000"),
                // Bandung batik micro seller: declared origin ID, declared tier Mikro
                sale("bandung_batik_micro").localSeller("batik_bdg").origin("ID").declaredTier("MICRO")
                        .title("Kemeja Batik Tulis Pria Asli Bandung").price("350000"),
                // a local seller with an invalid NIK: still local, lower confidence
                sale("invalid_nik_local").localSeller("nik_bad").id("NIK", false).origin("ID").title("Keripik singkong balado")
                        .category("food_beverage").price("25000"),
                sale("valid_nik_local").localSeller("nik_good").origin("ID").title("Keripik singkong balado")
                        .category("food_beverage").price("25000"),
                // conflicting evidence: declared origin ID, title says impor
                sale("conflict_declared_id_title_impor").localSeller("conflict").origin("ID")
                        .title("Sepatu kulit pria impor kualitas premium").price("450000"),
                // no evidence at all
                sale("no_evidence").title("Barang bagus murah"),
                // large local seller of local goods (declared LARGE) vs tier unknown (no seller key)
                sale("large_local_declared").localSeller("big").declaredTier("LARGE").brand("Indomie").title("Indomie goreng 1 dus")
                        .category("food_beverage"),
                sale("local_goods_no_seller_key").located("34", "Kota Yogyakarta").origin("ID").title("Bakpia pathok 1 box"),
                sale("local_goods_no_seller_key_umkm_cue").located("34", "Kota Yogyakarta").origin("ID").title("Bakpia pathok produk UMKM"),
                // a scraped listing of local goods: 10,000 sold since the listing went up at Rp500.000 is Rp5 miliar over its
                // life (a cumulative count), not a month's sales; x 12 it made the shop LARGE
                sale("scraped_batik_listing").seller("scrape_batik_shop").located("33", "Kota Pekalongan").listing("2023-02")
                        .brand("Batik Keris").title("Kemeja batik pria lengan panjang").price("500000").qty(10000)
        );
        Dataset<Row> fx = SalesFixtures.fx(spark, "2023-09=15000", "2023-10=15000.000000", "2024-01=15000");
        Dataset<Row> classified = OriginClassifier.classify(sales, fx, RulesFixture.RULES, RulesFixture.BRANDS, RulesFixture.PLACES);
        assertEquals(List.of(Schemas.classified().fieldNames()), List.of(classified.schema().fieldNames()),
                "columns in contract order");
        classifiedFixtures = classified;
        out = new HashMap<>();
        for (Row r : classified.orderBy("sale_id").collectAsList()) out.put(r.getAs("sale_id"), r);
        assertEquals(sales.count(), out.size(), "one classified row per sale");
        // the stage broadcasts the seller × month tiers when they are few: the same rows as the shuffle join
        Dataset<Row> tiers = UmkmTiers.sellerMonths(sales, RulesFixture.RULES.umkmTiers());
        List<Row> broadcast = OriginClassifier.classify(sales, fx, RulesFixture.RULES, RulesFixture.BRANDS, RulesFixture.PLACES, tiers, true)
                .orderBy("sale_id").collectAsList();
        assertEquals(classified.orderBy("sale_id").collectAsList(), broadcast, "broadcast join = shuffle join");
    }

    private static String cls(String id) {
        return out.get(id).getAs("origin_class");
    }

    private static List<String> reasons(String id) {
        return out.get(id).getList(out.get(id).fieldIndex("origin_reasons"));
    }

    private static boolean flag(String id) {
        return out.get(id).getAs("permendag31_flag");
    }

    @Test
    void localResellerOfImportedPhonesIsImported() {
        assertEquals("IMPORTED", cls("local_reseller_imported_phone"));
        assertTrue(reasons("local_reseller_imported_phone").contains("BRAND_FOREIGN:CN"));
        assertFalse(flag("local_reseller_imported_phone"), "Indonesian sellers of imports have no price floor");
    }

    @Test
    void foreignStorefrontUnderUs100IsFlagged() {
        assertEquals("CROSS_BORDER", cls("xb_under_100"));
        assertTrue(flag("xb_under_100"));
    }

    @Test
    void aForeignStorefrontHasNoPp7Tier() {
        // PP 7/2021 sizes Indonesian businesses; a Chinese storefront is not a micro enterprise (ground truth: UNKNOWN)
        Row r = out.get("xb_under_100");
        assertEquals("UNKNOWN", r.getAs("umkm_tier"));
        assertEquals("NONE", r.getAs("umkm_tier_source"));
    }

    @Test
    void foreignStorefrontAtOrAboveUs100IsNotFlagged() {
        assertFalse(flag("xb_exactly_100"), "the minimum is US$100: exactly 100 complies");
        assertFalse(flag("xb_above_100"));
    }

    @Test
    void booksOnThePositiveListAreNotFlagged() {
        assertEquals("CROSS_BORDER", cls("xb_books_under_100"));
        assertFalse(flag("xb_books_under_100"));
    }

    @Test
    void theRuleStartsAtMidnightWibOn26September2023() {
        assertFalse(flag("xb_before_rule"));
        assertTrue(flag("xb_first_second_of_rule"));
    }

    @Test
    void listingsAreTestedByMonth() {
        assertFalse(flag("xb_listing_2023_09"));
        assertTrue(flag("xb_listing_2023_10"));
    }

    @Test
    void aMonthWithoutAnFxRateIsNotFlaggedAndIsReported() {
        assertFalse(flag("xb_no_fx_month"));
        Dataset<Row> fx = SalesFixtures.fx(spark, "2023-09=15000", "2023-10=15000", "2024-01=15000");
        Dataset<Row> classified = spark.createDataFrame(List.copyOf(out.values()), Schemas.classified());
        List<String> missing = OriginClassifier.monthsMissingFx(classified, fx, RulesFixture.RULES.permendag31())
                .collectAsList().stream().map(r -> r.getString(0)).toList();
        assertEquals(List.of("2024-03"), missing);
    }

    @Test
    void bandungBatikMicroSellerIsLocalUmkmWithItsDeclaredTier() {
        Row r = out.get("bandung_batik_micro");
        assertEquals("LOCAL_UMKM", r.getAs("origin_class"));
        assertEquals("MICRO", r.getAs("umkm_tier"));
        assertEquals("DECLARED", r.getAs("umkm_tier_source"));
        assertEquals(0, new BigDecimal("4200000.00").compareTo(r.getAs("seller_annual_sales_idr")),
                "observed annual sales are still reported: 350.000 x 12 / 1 month");
    }

    @Test
    void invalidNikLowersConfidenceOnly() {
        assertEquals("LOCAL_UMKM", cls("invalid_nik_local"));
        assertEquals("LOCAL_UMKM", cls("valid_nik_local"));
        assertTrue(reasons("invalid_nik_local").contains("SELLER_ID_INVALID"));
        double bad = out.get("invalid_nik_local").getAs("origin_confidence");
        double good = out.get("valid_nik_local").getAs("origin_confidence");
        assertTrue(bad < good, bad + " < " + good);
    }

    @Test
    void conflictingEvidenceFollowsThePrecedenceAndSaysSo() {
        assertEquals("LOCAL_UMKM", cls("conflict_declared_id_title_impor"));
        assertTrue(reasons("conflict_declared_id_title_impor").contains("CONFLICT_DECLARED_VS_TITLE"));
    }

    @Test
    void noEvidenceIsUnknown() {
        Row r = out.get("no_evidence");
        assertEquals("UNKNOWN", r.getAs("origin_class"));
        assertEquals(List.of("NO_EVIDENCE"), reasons("no_evidence"));
        assertEquals("UNKNOWN", r.getAs("umkm_tier"));
        assertEquals("NONE", r.getAs("umkm_tier_source"));
        assertEquals(0.0, (double) r.getAs("origin_confidence"));
    }

    @Test
    void largeLocalSellerOfLocalGoodsIsLocalLarge() {
        assertEquals("LOCAL_LARGE", cls("large_local_declared"));
        assertTrue(reasons("large_local_declared").contains("BRAND_LOCAL"));
    }

    @Test
    void localGoodsOfASellerOfUnknownSizeNeedAUmkmCue() {
        assertEquals("UNKNOWN", cls("local_goods_no_seller_key"));
        assertTrue(reasons("local_goods_no_seller_key").contains("TIER_UNKNOWN"));
        assertEquals("LOCAL_UMKM", cls("local_goods_no_seller_key_umkm_cue"));
        assertTrue(reasons("local_goods_no_seller_key_umkm_cue").containsAll(List.of("TIER_UNKNOWN", "TITLE_UMKM_CUE")));
    }

    @Test
    void aScrapedListingsCumulativeSoldCountGivesNoTier() {
        Row r = out.get("scraped_batik_listing");
        assertEquals("UNKNOWN", r.getAs("umkm_tier"), "not LARGE from a lifetime sold count x 12");
        assertEquals("NONE", r.getAs("umkm_tier_source"));
        assertTrue(r.isNullAt(r.fieldIndex("seller_annual_sales_idr")), "no annual sales from a cumulative count");
        assertEquals("UNKNOWN", cls("scraped_batik_listing"), "local goods, seller size unknown, no UMKM cue");
        assertTrue(reasons("scraped_batik_listing").containsAll(List.of("BRAND_LOCAL", "TIER_UNKNOWN")),
                reasons("scraped_batik_listing").toString());
    }

    @Test
    void everyDecidedSaleCarriesAReasonAndNoPersonalDataColumnExists() {
        for (Row r : out.values()) {
            assertTrue(Schemas.ORIGIN_CLASSES.contains((String) r.getAs("origin_class")));
            assertFalse(r.getList(r.fieldIndex("origin_reasons")).isEmpty(), (String) r.getAs("sale_id"));
            double c = r.getAs("origin_confidence");
            assertTrue(c >= 0.0 && c <= 1.0);
        }
        ClassifyOutputs.assertNoPersonalData(Schemas.classified(), "out/classified");
    }

    /**
     * The report's evidence table names what decided each class (CellStats.decisiveReason), not the first reason in the
     * array, which for every domestic sale is its seller evidence: the reseller of imported phones is IMPORTED because of
     * the brand, not because of its valid NIB.
     */
    @Test
    void theReportNamesTheEvidenceThatDecidedEachClass() {
        Map<String, String> decided = new TreeMap<>();
        for (Row r : classifiedFixtures.select(col("sale_id"), col("origin_class"),
                CellStats.decisiveReason(col("origin_class"), col("origin_reasons"))).collectAsList()) {
            decided.put(r.getString(0), r.getString(1) + " " + r.getString(2));
        }
        Map<String, String> expected = new TreeMap<>();
        expected.put("local_reseller_imported_phone", "IMPORTED BRAND_FOREIGN");
        for (String xb : List.of("xb_under_100", "xb_exactly_100", "xb_above_100", "xb_books_under_100", "xb_before_rule",
                "xb_first_second_of_rule", "xb_listing_2023_09", "xb_listing_2023_10", "xb_no_fx_month")) {
            expected.put(xb, "CROSS_BORDER XB_FLAG");
        }
        expected.put("bandung_batik_micro", "LOCAL_UMKM ORIGIN_DECLARED_ID");
        expected.put("invalid_nik_local", "LOCAL_UMKM ORIGIN_DECLARED_ID");
        expected.put("valid_nik_local", "LOCAL_UMKM ORIGIN_DECLARED_ID");
        expected.put("conflict_declared_id_title_impor", "LOCAL_UMKM ORIGIN_DECLARED_ID");
        expected.put("no_evidence", "UNKNOWN NO_EVIDENCE");
        expected.put("large_local_declared", "LOCAL_LARGE BRAND_LOCAL");
        expected.put("local_goods_no_seller_key", "UNKNOWN TIER_UNKNOWN");
        expected.put("local_goods_no_seller_key_umkm_cue", "LOCAL_UMKM ORIGIN_DECLARED_ID");
        expected.put("scraped_batik_listing", "UNKNOWN TIER_UNKNOWN");
        assertEquals(expected, decided);
    }
}
