package id.neraca.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * brand_matching.accessories: a device brand named in a title as what an accessory fits is set aside
 * (ACCESSORY_FOR_BRAND), a brand that makes the accessory still counts. Before this rule "Casing HP Xiaomi Redmi" made a
 * case of unnamed make IMPORTED on BRAND_FOREIGN:CN. The shipped rules and table, a Jakarta seller with a valid NIB, no
 * brand column: only the title speaks.
 */
class AccessoryMentionsTest {
    private static final OriginEvidence EV = new OriginEvidence(RulesFixture.RULES, RulesFixture.BRANDS, RulesFixture.PLACES);

    private static OriginEvidence.Decision localSeller(String title) {
        return EV.decide(false, "ID", "NIB", true, "31", "ID", null, null, title);
    }

    /** The brand reasons and the set-aside reason of a title, in order. */
    private static List<String> brandReasons(String title) {
        return localSeller(title).reasons().stream()
                .filter(r -> r.startsWith("BRAND_") || r.equals("ACCESSORY_FOR_BRAND")).toList();
    }

    @Test
    void aDeviceBrandAfterAnAccessoryWordIsTheDeviceItFits() {
        for (String title : List.of("Casing HP Xiaomi Redmi Note 12", "Softcase iPhone 13", "Tempered Glass Samsung A54",
                "Tempered Glass Full Cover Samsung A54", "Strap Apple Watch 44mm", "Anti Gores Oppo A78",
                "Garskin Laptop Asus Vivobook 14", "Cover Jok Motor Honda Beat", "Screen Protector Nintendo Switch OLED")) {
            assertEquals(List.of("ACCESSORY_FOR_BRAND"), brandReasons(title), title);
            var d = localSeller(title);
            assertEquals("UNKNOWN", d.preClass(), title + " " + d.reasons());
            assertEquals(List.of("XB_FLAG_NO", "SELLER_COUNTRY_ID", "SELLER_ID_DOMESTIC", "SELLER_LOCATION_ID", "SHIP_FROM_ID",
                    "ACCESSORY_FOR_BRAND", "NO_GOODS_EVIDENCE"), d.reasons(), title);
        }
    }

    @Test
    void aDeviceBrandRightAfterAFitWordOrAfterDeviceWordsOnlyIsTheDeviceItFits() {
        for (String title : List.of("Charger untuk iPhone 20W", "Kabel Data Compatible Samsung Type C",
                "Kabel Charger Cocok untuk HP Infinix Hot 40", "Mainan Balok Susun Kompatibel Lego Technic",
                "Adaptor for Laptop Asus 19V", "Pelindung Kamera buat Semua Tipe Samsung")) {
            assertEquals(List.of("ACCESSORY_FOR_BRAND"), brandReasons(title), title);
        }
        // "untuk" (for) before other words is a purpose, not a fit: a Lenovo laptop for students, Kahf's face wash for men
        assertEquals(List.of("BRAND_FOREIGN:CN"), brandReasons("Laptop untuk Mahasiswa Lenovo IdeaPad Slim 3"));
        assertEquals(List.of("BRAND_LOCAL"), brandReasons("Sabun Muka untuk Pria Kahf Face Wash 100ml"));
    }

    @Test
    void aBrandThatMakesTheAccessoryStillCounts() {
        // accessory makers are no device brands, wherever they stand
        assertEquals(List.of("BRAND_FOREIGN:CN"), brandReasons("Anker Charger 20W PD Fast Charging"));
        assertEquals(List.of("BRAND_FOREIGN:CN"), brandReasons("Baseus Kabel Type C 100W"));
        assertEquals(List.of("BRAND_FOREIGN:CN"), brandReasons("Kabel Data Ugreen USB C 60W"));
        // a device brand before the accessory word, or with a maker word right beside it, made the accessory
        assertEquals(List.of("BRAND_FOREIGN:KR"), brandReasons("Samsung Original Charger 25W Super Fast Charging"));
        assertEquals(List.of("BRAND_FOREIGN:KR"), brandReasons("Charger Samsung Original 25W Type C"));
        assertEquals(List.of("BRAND_FOREIGN:KR"), brandReasons("Charger Ori Samsung 25W"));
        assertEquals(List.of("BRAND_FOREIGN:US"), brandReasons("Charger iPhone Original Apple 20W USB-C"));
        assertEquals("IMPORTED", localSeller("Charger Samsung Original 25W Type C").preClass());
    }

    @Test
    void aDeviceSoldWithAFreeAccessoryKeepsItsBrand() {
        assertEquals(List.of("BRAND_FOREIGN:CN"), brandReasons("[FREE SOFTCASE] Xiaomi Redmi Note 13 8/256 Garansi Resmi"));
        assertEquals(List.of("BRAND_FOREIGN:KR"), brandReasons("Bonus Tempered Glass Samsung Galaxy A15 8/128"));
        assertEquals(List.of("BRAND_FOREIGN:US"), brandReasons("iPhone 15 Pro Max 256GB Free Case + Tempered Glass"));
        assertEquals(List.of("BRAND_FOREIGN:US"), brandReasons("Apple Watch Series 9 GPS 45mm Aluminium Case Sport Band"));
    }

    @Test
    void theSearchGoesOnPastTheDeviceToTheAccessorysOwnBrand() {
        // the Redmi is set aside, the cable's maker is found after it; the reason says a brand was set aside
        assertEquals(List.of("ACCESSORY_FOR_BRAND", "BRAND_FOREIGN:CN"), brandReasons("Kabel Data untuk Redmi 9A by Baseus"));
        // a title that says local: the case is local goods, the phone's brand no longer contradicts it
        var d = localSeller("Casing HP Samsung A54 Kulit Asli Garut Handmade Produk Lokal");
        assertEquals("LOCAL", d.preClass(), d.reasons().toString());
        assertEquals(List.of(), d.reasons().stream().filter(r -> r.startsWith("CONFLICT_")).toList(), d.reasons().toString());
    }

    @Test
    void farFromTheAccessoryWordOrBeforeItTheBrandCounts() {
        // more than max_words_between (3) words after the accessory word
        assertEquals(List.of("BRAND_FOREIGN:KR"), brandReasons("Charger Fast Charging Type C 25W PD Samsung"));
        // the phone named first: the rule does not reach it (a known limit, docs/CLASSIFICATION.md)
        assertEquals(List.of("BRAND_FOREIGN:CN"), brandReasons("Xiaomi Redmi 13C Softcase Silikon Macaron"));
        // the brand column is what the listing declares: no accessory reading
        var column = EV.decide(false, "ID", "NIB", true, "31", "ID", null, "Samsung", "Casing HP Samsung A54");
        assertEquals("IMPORTED", column.preClass(), column.reasons().toString());
    }
}
