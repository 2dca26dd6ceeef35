package id.neraca.classify;

import id.neraca.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static id.neraca.classify.SalesFixtures.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * PP 7/2021 tiers from observed sales (UU 20/2008's before it): ceilings exactly at Rp2/15/50 miliar and one rupiah above, the trailing
 * 12-month window, annualisation of short histories, COMPLETED sales only, all marketplaces of a seller.
 * Expected values are computed by hand in the comments.
 */
class UmkmTiersTest extends SparkTestBase {
    private static Map<String, Row> byKeyMonth;

    private static SalesFixtures.Sale s(String seller, String month, String gmv) {
        return sale(seller + ":" + month + ":" + gmv).seller(seller).month(month).price(gmv);
    }

    @BeforeAll
    static void computeTiers() {
        Dataset<Row> sales = SalesFixtures.sales(spark,
                // 1e9 in Jan and 1e9 in Dec 2023: 12 months active, Dec sum = 2.000.000.000 -> MICRO (inclusive)
                s("micro_exact", "2023-01", "1000000000"), s("micro_exact", "2023-12", "1000000000"),
                s("micro_plus_1", "2023-01", "1000000000"), s("micro_plus_1", "2023-12", "1000000001"),
                s("small_exact", "2023-01", "7500000000"), s("small_exact", "2023-12", "7500000000"),
                s("small_plus_1", "2023-01", "7500000000"), s("small_plus_1", "2023-12", "7500000001"),
                s("medium_exact", "2023-01", "25000000000"), s("medium_exact", "2023-12", "25000000000"),
                s("medium_plus_1", "2023-01", "25000000000"), s("medium_plus_1", "2023-12", "25000000001"),
                // first seen Oct 2023: Oct = 300M x 12 / 1 = 3.6e9 SMALL; Dec = (300M + 100M) x 12 / 3 = 1.6e9 MICRO
                s("annualised", "2023-10", "300000000"), s("annualised", "2023-12", "100000000"),
                // Jan 2022 is outside the window of Jan 2023 (Feb 2022..Jan 2023); the seller has been observed since
                // Jan 2022, so the eleven quiet months are zeros, not missing history: 1.000.000 x 12 / 12
                s("window_drops_old", "2022-01", "60000000000"), s("window_drops_old", "2023-01", "1000000"),
                // back after a quiet spell: first seen Jan 2022, nothing Feb 2022..Jan 2023, Rp200 juta in Feb 2023. Its
                // trailing year (Mar 2022..Feb 2023) is Rp200 juta, MICRO; it is not a new seller to annualise x 12
                s("back_from_quiet", "2022-01", "100000000"), s("back_from_quiet", "2023-02", "200000000"),
                // two marketplaces add up; the cancelled order does not count
                s("two_marketplaces", "2023-05", "500000000").marketplace("shopee"),
                s("two_marketplaces", "2023-05", "500000000").marketplace("tokopedia"),
                s("two_marketplaces", "2023-05", "10000000000").marketplace("tokopedia").status("CANCELLED"),
                s("cancelled_only", "2023-05", "900000000000").status("RETURNED"),
                // before PP 7/2021 (months up to 2021-01) UU 20/2008's ceilings: Rp300 juta, Rp2,5 miliar, Rp50 miliar
                s("old_micro_exact", "2020-01", "150000000"), s("old_micro_exact", "2020-12", "150000000"),
                s("old_micro_plus_1", "2020-01", "150000000"), s("old_micro_plus_1", "2020-12", "150000001"),
                s("old_small_exact", "2020-01", "1250000000"), s("old_small_exact", "2020-12", "1250000000"),
                s("old_small_plus_1", "2020-01", "1250000000"), s("old_small_plus_1", "2020-12", "1250000001"),
                s("old_medium_plus_1", "2020-01", "25000000000"), s("old_medium_plus_1", "2020-12", "25000000001"),
                // the same Rp100 juta every month from March 2020: Rp1,2 miliar a year is SMALL under UU 20/2008 in January
                // 2021 and MICRO under PP 7/2021 from February 2021, with the same trailing sales
                s("law_change", "2020-02", "100000000"), s("law_change", "2020-03", "100000000"), s("law_change", "2020-04", "100000000"),
                s("law_change", "2020-05", "100000000"), s("law_change", "2020-06", "100000000"), s("law_change", "2020-07", "100000000"),
                s("law_change", "2020-08", "100000000"), s("law_change", "2020-09", "100000000"), s("law_change", "2020-10", "100000000"),
                s("law_change", "2020-11", "100000000"), s("law_change", "2020-12", "100000000"), s("law_change", "2021-01", "100000000"),
                s("law_change", "2021-02", "100000000"),
                // exact decimals: (100.00 + 33.33) x 12 / 7 = 228.5657... -> 228.57
                s("rounding", "2023-01", "100.00"), s("rounding", "2023-07", "33.33"),
                // first seen Jan 2023, nothing more: in Oct 2023, 10 months of history, 1.666.666.666,67 x 12 / 10 =
                // 2.000.000.000,0004, above Rp2 miliar (SMALL), written rounded to the sen as 2.000.000.000,00
                s("above_by_a_fraction", "2023-01", "1666666666.67"), s("above_by_a_fraction", "2023-10", "0.00"),
                // no seller key: not in the seller-month table at all
                sale("anonymous").month("2023-05").price("5000000"),
                // listing snapshots carry CUMULATIVE sold counts (docs/MAPPINGS.md): 2,000 sold since the listing went up
                // at Rp13.000.000 is Rp26 miliar over the listing's life, not a month's sales, so it counts for no tier
                sale("scrape_listing").seller("scrape_only").listing("2023-02").price("13000000").qty(2000),
                // a seller with order lines and a listing in the same month: the order lines alone, 100.000.000 x 12 / 1
                s("orders_and_listing", "2023-05", "100000000"),
                sale("orders_and_listing_snapshot").seller("orders_and_listing").listing("2023-05").price("5000000").qty(10000)
        );
        byKeyMonth = new HashMap<>();
        for (Row r : UmkmTiers.sellerMonths(sales, RulesFixture.RULES.umkmTiers()).collectAsList()) {
            byKeyMonth.put(r.getString(0) + "@" + r.getString(1), r);
        }
    }

    private static void assertTier(String key, String month, String tier, String annualIdr) {
        Row r = byKeyMonth.get(key + "@" + month);
        assertEquals(tier, r.getAs("observed_tier"), key + " " + month);
        assertEquals(new BigDecimal(annualIdr).setScale(2), r.getAs("seller_annual_sales_idr"), key + " " + month);
    }

    @Test
    void ceilingsAreInclusiveAndOneRupiahAboveIsTheNextTier() {
        assertTier("micro_exact", "2023-12", "MICRO", "2000000000");
        assertTier("micro_plus_1", "2023-12", "SMALL", "2000000001");
        assertTier("small_exact", "2023-12", "SMALL", "15000000000");
        assertTier("small_plus_1", "2023-12", "MEDIUM", "15000000001");
        assertTier("medium_exact", "2023-12", "MEDIUM", "50000000000");
        assertTier("medium_plus_1", "2023-12", "LARGE", "50000000001");
    }

    /**
     * DOMAIN.md: UU 20/2008's thresholds apply to history before PP 7/2021. A sale's tier follows the law in force in its
     * month (data/config/classify-rules.yaml, umkm_tiers.earlier_law): ceilings exactly at Rp300 juta and Rp2,5 miliar
     * and one rupiah above in 2020, Rp50 miliar in both laws, and one seller's unchanged sales across the switch.
     */
    @Test
    void monthsBeforePp7FollowUu20Of2008() {
        assertTier("old_micro_exact", "2020-12", "MICRO", "300000000");
        assertTier("old_micro_plus_1", "2020-12", "SMALL", "300000001");
        assertTier("old_small_exact", "2020-12", "SMALL", "2500000000");
        assertTier("old_small_plus_1", "2020-12", "MEDIUM", "2500000001");
        assertTier("old_medium_plus_1", "2020-12", "LARGE", "50000000001");
        assertTier("law_change", "2021-01", "SMALL", "1200000000");
        assertTier("law_change", "2021-02", "MICRO", "1200000000");
    }

    @Test
    void shortHistoriesAreAnnualised() {
        assertTier("micro_exact", "2023-01", "SMALL", "12000000000");
        assertTier("annualised", "2023-10", "SMALL", "3600000000");
        assertTier("annualised", "2023-12", "MICRO", "1600000000");
    }

    @Test
    void theWindowIsTwelveCalendarMonthsWhateverTheGaps() {
        assertTier("window_drops_old", "2022-01", "LARGE", "720000000000");
        assertTier("window_drops_old", "2023-01", "MICRO", "1000000");
    }

    @Test
    void aSellerBackFromAQuietSpellIsNotAnnualisedAsANewSeller() {
        assertTier("back_from_quiet", "2022-01", "MICRO", "1200000000");
        assertTier("back_from_quiet", "2023-02", "MICRO", "200000000");
    }

    @Test
    void completedSalesOnAllMarketplacesCount() {
        assertTier("two_marketplaces", "2023-05", "SMALL", "12000000000");
        assertTier("cancelled_only", "2023-05", "MICRO", "0");
    }

    @Test
    void moneyStaysExact() {
        assertTier("rounding", "2023-07", "MICRO", "228.57");
    }

    /** The tier compares the annualised sales before they are rounded to the sen: a fraction of a rupiah above is above. */
    @Test
    void theCeilingIsComparedBeforeTheFigureIsRoundedToTheSen() {
        assertTier("above_by_a_fraction", "2023-10", "SMALL", "2000000000.00");
    }

    @Test
    void listingSnapshotsAreCumulativeAndCountForNoTier() {
        assertNull(byKeyMonth.get("scrape_only@2023-02"), "a seller seen only in listing snapshots has no observed tier");
        assertTier("orders_and_listing", "2023-05", "MICRO", "1200000000");
    }

    @Test
    void oneRowPerSellerMonthAndNoneWithoutASellerKey() {
        assertEquals(23 + 2 + 10 + 13, byKeyMonth.size(), "6 boundary sellers x 2 + 2 + 2 + 2 + 1 + 1 + 2 + 1 (no listing-only seller) + 2; "
                + "5 of the earlier law x 2; 13 months across the law's change");
        assertEquals(0, byKeyMonth.keySet().stream().filter(k -> k.startsWith("null")).count());
    }
}
