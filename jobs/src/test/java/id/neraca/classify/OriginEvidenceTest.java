package id.neraca.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each evidence rule on one sale, without Spark: the scenarios of docs/CLASSIFICATION.md. */
class OriginEvidenceTest {
    private static final OriginEvidence EV = new OriginEvidence(RulesFixture.RULES, RulesFixture.BRANDS, RulesFixture.PLACES);

    /** Arguments in the order of {@link OriginEvidence#decide}. */
    private static OriginEvidence.Decision decide(Boolean xb, String sellerCountry, String idType, Boolean idValid,
                                                  String province, String shipFrom, String origin, String brand, String title) {
        return EV.decide(xb, sellerCountry, idType, idValid, province, shipFrom, origin, brand, title);
    }

    @Test
    void localResellerOfImportedPhonesIsImportedOnTheBrand() {
        var d = decide(false, "ID", "NIK", true, "31", "ID", null, "Xiaomi", "Xiaomi Redmi Note 13 8/256 Garansi Resmi");
        assertEquals("IMPORTED", d.preClass());
        assertEquals(List.of("XB_FLAG_NO", "SELLER_COUNTRY_ID", "SELLER_ID_DOMESTIC", "SELLER_LOCATION_ID", "SHIP_FROM_ID",
                "BRAND_FOREIGN:CN"), d.reasons());
        assertTrue(d.confidence() > 0.5 && d.confidence() <= 1.0, "confidence " + d.confidence());
    }

    @Test
    void brandFoundInTitleWhenTheBrandColumnIsEmpty() {
        var d = decide(null, null, "NONE", null, "32", null, null, null, "iPhone 15 Pro Max 256GB ex inter");
        assertEquals("IMPORTED", d.preClass());
        assertTrue(d.reasons().contains("BRAND_FOREIGN:US"), d.reasons().toString());
    }

    @Test
    void brandMatchesWholeWordsOnlyAndIgnoresNoBrandValues() {
        // "opportunity" holds "oppo" but not as a word; "No Brand" is not a brand
        var d = decide(null, null, "NONE", null, "32", null, null, "No Brand", "Kaos opportunity polos");
        assertEquals("UNKNOWN", d.preClass());
        assertEquals(List.of("SELLER_LOCATION_ID", "NO_GOODS_EVIDENCE"), d.reasons());
    }

    @Test
    void ordinaryWordsThatAreBrandAliasesDoNotMakeTitlesForeignOrLocal() {
        // "lining" (an alias of Li-Ning, CN) is the inner fabric of a garment; "enduro" (Pertamina's oil, ID) a kind of
        // motorbike and its tyres and gear: in a title they say nothing about the brand
        var skirt = decide(null, null, "NONE", null, "32", null, null, null, "Rok plisket wanita full lining");
        assertFalse(skirt.reasons().stream().anyMatch(r -> r.startsWith("BRAND_")), skirt.reasons().toString());
        var tyre = decide(null, null, "NONE", null, "32", null, null, null, "Ban motor trail enduro 90/90-21");
        assertFalse(tyre.reasons().stream().anyMatch(r -> r.startsWith("BRAND_")), tyre.reasons().toString());
        // "predator" (Acer's gaming line) is a fishing lure and a football boot; "crocs" the clog shape local makers sell
        var lure = decide(null, null, "NONE", null, "32", null, null, null, "Umpan pancing predator minnow 9cm");
        assertFalse(lure.reasons().stream().anyMatch(r -> r.startsWith("BRAND_")), lure.reasons().toString());
        var clog = decide(null, null, "NONE", null, "35", null, null, null, "Sandal model crocs anak karet lokal");
        assertFalse(clog.reasons().stream().anyMatch(r -> r.startsWith("BRAND_")), clog.reasons().toString());
        // as a brand value they still match
        var shoe = decide(null, null, "NONE", null, "32", null, null, "Lining", "Sepatu badminton");
        assertTrue(shoe.reasons().contains("BRAND_FOREIGN:CN"), shoe.reasons().toString());
    }

    @Test
    void hpLaptopsAreFoundByTheirProductLinesWhileHpForHandphoneIsNot() {
        // "HP" alone is too short for titles (it mostly means handphone); HP's product lines and "Laptop HP" are not.
        // Titles from the real Tokopedia scrape (data/samples/tokopedia-scrape), no brand column, a Jakarta seller
        for (String title : List.of("LAPTOP HP 14S DQ2614TU - CORE I3 1115G4 8GB 512SSD 14\"FHD IPS BLIT OHS",
                "HP Victus 15-fa0008TX i7-12700H 8GB/512SSD/15.6\"/RTX3050/Win11+OHS",
                "hp Elitebook 840 G3 i5 gen6 SSD 256/8gb", "HP 14S DK1524AU ATHLON 3050 4GB 512SSD W10+OHS 14.0 2YR",
                "HP CHROMEBOOK 11 G8 - N4020 4GB 32GB/160GB CHROME OS 11.6\"HD")) {
            var d = decide(null, null, "NONE", null, "31", null, null, null, title);
            assertEquals("IMPORTED", d.preClass(), title + " " + d.reasons());
            assertTrue(d.reasons().contains("BRAND_FOREIGN:US"), title + " " + d.reasons());
        }
        // the generator's and the samples' phone accessories: "HP" is the phone, not the brand
        for (String title : List.of("Casing HP Silikon Bening Anti Crack", "Holder HP Kayu Jati", "Dompet HP Kulit")) {
            var d = decide(null, null, "NONE", null, "31", null, null, null, title);
            assertFalse(d.reasons().stream().anyMatch(r -> r.startsWith("BRAND_")), title + " " + d.reasons());
        }
        // in the brand column "HP" alone still decides
        var printer = decide(null, null, "NONE", null, "31", null, null, "HP", "Tinta printer 680 hitam");
        assertTrue(printer.reasons().contains("BRAND_FOREIGN:US"), printer.reasons().toString());
    }

    @Test
    void otherShortBrandNamesAreFoundThroughPhrasesOnlyTheyMake() {
        for (String[] c : List.of(new String[] {"TV LG 43 Inch Smart TV 43UQ7500PSF", "BRAND_FOREIGN:KR"},
                new String[] {"Kulkas LG 2 Pintu GN-B215SQMT", "BRAND_FOREIGN:KR"},
                new String[] {"Mi Band 8 Smart Band Garansi Resmi", "BRAND_FOREIGN:CN"},
                new String[] {"WD Blue SSD 1TB SATA 2.5", "BRAND_FOREIGN:US"},
                new String[] {"Spons cuci piring Scotch-Brite isi 3", "BRAND_FOREIGN:US"})) {
            var d = decide(null, null, "NONE", null, "31", null, null, null, c[0]);
            assertTrue(d.reasons().contains(c[1]), c[0] + " " + d.reasons());
        }
        // "mi" alone is noodles and "3m" three metres: no brand
        for (String title : List.of("Mi Goreng Aceh Pedas 5 bungkus", "Kabel HDMI 3m 4K", "Dress wanita size LG")) {
            var d = decide(null, null, "NONE", null, "31", null, null, null, title);
            assertFalse(d.reasons().stream().anyMatch(r -> r.startsWith("BRAND_")), title + " " + d.reasons());
        }
    }

    @Test
    void tendaInATitleIsATentNotTheRouterBrand() {
        // "tenda" is the Indonesian word for a tent; Tenda (CN) is a router maker. A seller with a valid NIB selling a
        // tent was IMPORTED on BRAND_FOREIGN:CN, and an Eiger or Consina tent lost its local brand to the leftmost "Tenda"
        var tent = decide(false, "ID", "NIB", true, "32", "ID", null, null, "Tenda Camping Dome Kapasitas 4 Orang Double Layer");
        assertEquals("UNKNOWN", tent.preClass(), tent.reasons().toString());
        assertEquals(List.of("XB_FLAG_NO", "SELLER_COUNTRY_ID", "SELLER_ID_DOMESTIC", "SELLER_LOCATION_ID", "SHIP_FROM_ID",
                "NO_GOODS_EVIDENCE"), tent.reasons());
        var eiger = decide(false, "ID", "NIB", true, "32", "ID", null, null, "Tenda Eiger Sphinx 2P Ultralight");
        assertEquals("LOCAL", eiger.preClass(), eiger.reasons().toString());
        assertTrue(eiger.reasons().contains("BRAND_LOCAL"), eiger.reasons().toString());
        var consina = decide(null, null, "NONE", null, "32", null, null, null, "Tenda Consina Magnum 4");
        assertFalse(consina.reasons().contains("BRAND_FOREIGN:CN"), consina.reasons().toString());
        // the router is still found, by the phrases only it makes, and by the brand column
        var router = decide(false, "ID", "NIB", true, "31", "ID", null, null, "Router Tenda N301 Wireless 300Mbps");
        assertEquals("IMPORTED", router.preClass(), router.reasons().toString());
        assertTrue(router.reasons().contains("BRAND_FOREIGN:CN"), router.reasons().toString());
        var column = decide(false, "ID", "NIB", true, "31", "ID", null, "Tenda", "Mesh WiFi Nova MW6 3 pack");
        assertTrue(column.reasons().contains("BRAND_FOREIGN:CN"), column.reasons().toString());
    }

    /** Brand names that are words or units in titles: "citra" (an image), "gigabyte" (the unit), "Y.O.U" (three letters). */
    @Test
    void brandNamesThatAreWordsOrUnitsInTitlesDoNotDecideTheGoods() {
        for (String title : new String[] {"Kamera CCTV Citra Jernih 1080p", "Flashdisk Sandisk 64 Gigabyte", "Mug Custom I Love Y.O.U",
                "Mug Custom I Love Y O U"}) {
            var d = decide(null, null, "NONE", null, "32", null, null, null, title);
            assertFalse(d.reasons().stream().anyMatch(r -> r.startsWith("BRAND_") && !r.contains("US")), title + " " + d.reasons());
        }
        // the brands themselves, by the brand column or an alias
        var citra = decide(null, null, "NONE", null, "32", null, null, "Citra", "Hand Body Lotion 250ml");
        assertTrue(citra.reasons().stream().anyMatch(r -> r.startsWith("BRAND_")), citra.reasons().toString());
        var you = decide(null, null, "NONE", null, "32", null, null, null, "Lipstik YOU Beauty Matte");
        assertTrue(you.reasons().contains("BRAND_LOCAL"), you.reasons().toString());
    }

    @Test
    void titleExcludedBrandNamesStillMatchInTheBrandColumn() {
        // "apple" is an ordinary word in food titles, so it matches only as a brand value
        var food = decide(null, null, "NONE", null, "32", null, null, null, "Keripik apple malang 250 gr");
        assertFalse(food.reasons().stream().anyMatch(r -> r.startsWith("BRAND_")), food.reasons().toString());
        var phone = decide(null, null, "NONE", null, "32", null, null, "Apple", "Charger 20W original");
        assertTrue(phone.reasons().contains("BRAND_FOREIGN:US"), phone.reasons().toString());
    }

    @Test
    void foreignStorefrontIsCrossBorderWhateverTheGoods() {
        var d = decide(true, "CN", "FOREIGN_REG", true, null, "CN", null, null, "Wireless earbuds TWS bluetooth 5.3");
        assertEquals("CROSS_BORDER", d.preClass());
        assertEquals(List.of("XB_FLAG", "SELLER_FOREIGN_ID", "SELLER_COUNTRY_FOREIGN", "SHIP_FROM_ABROAD"), d.reasons());
        assertTrue(d.confidence() > 0.99, "four independent foreign signals: " + d.confidence());
    }

    /**
     * A passport beside a declared seller country of Indonesia is an Indonesian's passport, not foreign evidence: it made
     * an Indonesian seller a seller conflict decided for CROSS_BORDER (0.90 against the country's 0.60). Without a
     * declared country, or with a foreign one, a passport is still foreign evidence.
     */
    @Test
    void anIndonesianSellersPassportIsNotForeignEvidence() {
        var d = decide(null, "ID", "PASSPORT", null, "31", null, null, null, "Batik tulis Pekalongan");
        assertFalse(d.reasons().contains("SELLER_FOREIGN_ID"), d.reasons().toString());
        assertFalse(d.reasons().stream().anyMatch(r -> r.startsWith("CONFLICT_SELLER")), d.reasons().toString());
        assertFalse("CROSS_BORDER".equals(d.preClass()), d.preClass());
        var noCountry = decide(null, null, "PASSPORT", null, null, null, null, null, "Batik tulis Pekalongan");
        assertTrue(noCountry.reasons().contains("SELLER_FOREIGN_ID"), noCountry.reasons().toString());
        var foreignCountry = decide(null, "MY", "passport", null, null, null, null, null, "Batik tulis Pekalongan");
        assertTrue(foreignCountry.reasons().contains("SELLER_FOREIGN_ID"), foreignCountry.reasons().toString());
        // a foreign registration stays foreign evidence whatever country is declared beside it (a conflict, as before)
        var reg = decide(null, "ID", "FOREIGN_REG", null, "31", null, null, null, "Batik tulis Pekalongan");
        assertTrue(reg.reasons().contains("SELLER_FOREIGN_ID"), reg.reasons().toString());
    }

    @Test
    void goodsShippedFromAbroadMakeACrossBorderSaleEvenForALocatedSeller() {
        var d = decide(null, "ID", "NIK", true, "31", "CN", null, null, "Lampu LED strip");
        assertEquals("CROSS_BORDER", d.preClass());
        assertTrue(d.reasons().contains("SHIP_FROM_ABROAD"));
        assertTrue(d.reasons().contains("CONFLICT_SELLER_FOREIGN_VS_DOMESTIC"));
    }

    /**
     * A cross-border sale rests on where the seller and the shipment are: disagreements about the goods are listed but
     * do not lower its confidence (the audit of 2 Dec 2026: shipped from CN, declared origin ID, a Chinese brand and an
     * import cue made 0.85 × 0.7² = 0.42, below min_confidence: UNKNOWN). A seller conflict still does.
     */
    @Test
    void conflictsAboutTheGoodsDoNotLowerACrossBorderSale() {
        var d = decide(null, null, "NONE", null, null, "CN", "ID", "Xiaomi", "HP impor Xiaomi Redmi");
        assertEquals("CROSS_BORDER", d.preClass(), d.reasons().toString());
        assertTrue(d.reasons().contains("CONFLICT_DECLARED_VS_BRAND") && d.reasons().contains("CONFLICT_DECLARED_VS_TITLE"),
                d.reasons().toString());
        assertEquals(0.85, d.confidence(), 1e-9, "the ship-from weight alone");
        var seller = decide(null, "ID", "NIK", true, "31", "CN", "ID", "Xiaomi", "HP impor Xiaomi Redmi");
        assertEquals("CROSS_BORDER", seller.preClass());
        assertTrue(seller.confidence() < 0.85, "the seller's domestic evidence conflicts: " + seller.confidence());
        // the goods' conflicts still lower a decision they make
        var local = decide(false, "ID", "NIK", true, "31", "ID", "ID", "Xiaomi", "Kaos polos");
        assertTrue(local.reasons().contains("CONFLICT_DECLARED_VS_BRAND"), local.reasons().toString());
        var plain = decide(false, "ID", "NIK", true, "31", "ID", "ID", null, "Kaos polos");
        assertTrue(local.confidence() < plain.confidence(), local.confidence() + " vs " + plain.confidence());
    }

    @Test
    void bandungBatikMicroSellerIsLocalOnDeclaredOriginAndTitle() {
        var d = decide(false, "ID", "NIK", true, "32", "ID", "ID", null, "Kemeja Batik Tulis Pria Produk Lokal Bandung");
        assertEquals("LOCAL", d.preClass());
        assertTrue(d.reasons().containsAll(List.of("ORIGIN_DECLARED_ID", "TITLE_LOCAL_CUE")), d.reasons().toString());
        assertFalse(d.reasons().stream().anyMatch(r -> r.startsWith("CONFLICT")));
    }

    @Test
    void invalidNikLowersConfidenceButNeverMakesTheSellerForeign() {
        var valid = decide(null, null, "NIK", true, "32", null, "ID", null, "Keripik singkong pedas");
        var invalid = decide(null, null, "NIK", false, "32", null, "ID", null, "Keripik singkong pedas");
        assertEquals("LOCAL", valid.preClass());
        assertEquals("LOCAL", invalid.preClass());
        assertTrue(invalid.reasons().contains("SELLER_ID_INVALID"));
        assertFalse(invalid.reasons().contains("SELLER_ID_DOMESTIC"));
        assertTrue(invalid.confidence() < valid.confidence(), invalid.confidence() + " vs " + valid.confidence());
    }

    @Test
    void invalidNikWithoutAnyLocationIsUnknownNotForeign() {
        var d = decide(null, null, "NIK", false, null, null, null, "Wardah", "Wardah lightening serum");
        assertEquals("UNKNOWN", d.preClass());
        assertTrue(d.reasons().containsAll(List.of("SELLER_ID_INVALID", "BRAND_LOCAL", "SELLER_LOCATION_UNKNOWN")), d.reasons().toString());
    }

    @Test
    void declaredOriginBeatsATitleThatSaysImportAndTheConflictIsRecorded() {
        var clean = decide(null, "ID", "NIB", true, "35", "ID", "ID", null, "Sepatu kulit pria");
        var d = decide(null, "ID", "NIB", true, "35", "ID", "ID", null, "Sepatu kulit pria impor kualitas premium");
        assertEquals("LOCAL", d.preClass());
        assertTrue(d.reasons().containsAll(List.of("ORIGIN_DECLARED_ID", "TITLE_IMPORT_CUE", "CONFLICT_DECLARED_VS_TITLE")),
                d.reasons().toString());
        assertEquals(clean.confidence() * RulesFixture.RULES.decision().conflictPenalty(), d.confidence(), 1e-6);
    }

    @Test
    void brandBeatsTitleCues() {
        var d = decide(null, "ID", "NIK", true, "31", "ID", null, "Wardah", "Wardah cushion barang impor murah");
        assertEquals("LOCAL", d.preClass());
        assertTrue(d.reasons().containsAll(List.of("BRAND_LOCAL", "TITLE_IMPORT_CUE", "CONFLICT_BRAND_VS_TITLE")), d.reasons().toString());
    }

    @Test
    void titleCuesAloneDecideWhenStrongEnough() {
        var imp = decide(null, "ID", "NIK", true, "31", "ID", null, null, "Tas wanita import china murah");
        assertEquals("IMPORTED", imp.preClass());
        assertTrue(imp.reasons().contains("TITLE_IMPORT_CUE"));
        var loc = decide(null, "ID", "NIK", true, "31", "ID", null, null, "Keripik tempe buatan Indonesia asli UMKM");
        assertEquals("LOCAL", loc.preClass());
        assertTrue(loc.umkmCue());
    }

    @Test
    void titleWithImportAndLocalCuesDecidesOnlyWhenTheNetScoreReachesMinScore() {
        // "impor" 0.75 against "batik tulis" 0.70: net 0.05, far below min_score 0.50, so the title says nothing
        // (docs/CLASSIFICATION.md: "decides only if the net score ... >= title_cues.min_score")
        var titleOnly = decide(null, null, "NONE", null, "32", null, null, null, "Kain batik tulis impor");
        assertEquals("UNKNOWN", titleOnly.preClass());
        assertTrue(titleOnly.reasons().containsAll(List.of("TITLE_IMPORT_CUE", "TITLE_LOCAL_CUE", "CONFLICT_TITLE_CUES",
                "NO_GOODS_EVIDENCE")), titleOnly.reasons().toString());
        assertFalse(titleOnly.reasons().contains("LOW_CONFIDENCE"), titleOnly.reasons().toString());
        // so it cannot contradict a declared origin either: no CONFLICT_DECLARED_VS_TITLE, no penalty, the sale stays local
        var clean = decide(null, null, "NONE", null, "32", null, "ID", null, "Kain batik");
        var declared = decide(null, null, "NONE", null, "32", null, "ID", null, "Kain batik tulis impor");
        assertEquals("LOCAL", declared.preClass(), declared.reasons().toString());
        assertFalse(declared.reasons().contains("CONFLICT_DECLARED_VS_TITLE"), declared.reasons().toString());
        assertEquals(clean.confidence(), declared.confidence(), 1e-6);
    }

    @Test
    void aNegatedCueIsNotACue() {
        // sellers of local goods write "bukan impor" (not imported) to say so; it is not an import cue
        var shoes = decide(null, "ID", "NIK", true, "32", "ID", null, null, "Sepatu kulit BUKAN IMPOR!");
        assertEquals("UNKNOWN", shoes.preClass(), shoes.reasons().toString());
        assertFalse(shoes.reasons().contains("TITLE_IMPORT_CUE"), shoes.reasons().toString());
        // with "asli Cibaduyut" (made in Cibaduyut: a place cue, title_cues.place_cues) the same shoes are local, no conflict
        var cibaduyut = decide(null, "ID", "NIK", true, "32", "ID", null, null, "Sepatu kulit asli Cibaduyut, BUKAN IMPOR!");
        assertEquals("LOCAL", cibaduyut.preClass(), cibaduyut.reasons().toString());
        assertFalse(cibaduyut.reasons().contains("TITLE_IMPORT_CUE") || cibaduyut.reasons().contains("CONFLICT_TITLE_CUES"),
                cibaduyut.reasons().toString());
        var bag = decide(null, "ID", "NIK", true, "32", "ID", null, null, "Tas anyaman non-import bukan barang china");
        assertFalse(bag.reasons().contains("TITLE_IMPORT_CUE"), bag.reasons().toString());
        var notLocal = decide(null, "ID", "NIK", true, "32", "ID", null, null, "Kaos polos tidak produk lokal");
        assertFalse(notLocal.reasons().contains("TITLE_LOCAL_CUE"), notLocal.reasons().toString());
        // an unnegated cue elsewhere in the title still counts
        var mixed = decide(null, "ID", "NIK", true, "32", "ID", null, null, "Bukan KW, barang impor asli");
        assertEquals("IMPORTED", mixed.preClass(), mixed.reasons().toString());
    }

    @Test
    void aNegationReachesOverTheNounBeforeTheCueAndItsAbbreviationsNegateToo() {
        // "bukan produk impor", "bukan barang import" (only "barang impor" is a cue phrase), "tidak produk import": the
        // negator stands before the noun, the cue after it. They were IMPORTED on TITLE_IMPORT_CUE.
        for (String title : List.of("Sepatu Kulit Garut Bukan Produk Impor", "Tas Rotan Lombok Bukan Barang Import",
                "Sandal Jepit Karet Tidak Produk Import", "Kaos Polos Bukan Brg Import")) {
            var d = decide(false, "ID", "NIB", true, "32", "ID", null, null, title);
            assertEquals("UNKNOWN", d.preClass(), title + " " + d.reasons());
            assertFalse(d.reasons().contains("TITLE_IMPORT_CUE"), title + " " + d.reasons());
        }
        // the abbreviations sellers write in short titles, and English "no"
        for (String title : List.of("Keripik Tempe Produk Lokal Bkn Impor", "Keripik Tempe Produk Lokal Tdk Impor",
                "Kaos Sablon Produk Lokal No Import")) {
            var d = decide(false, "ID", "NIB", true, "32", "ID", null, null, title);
            assertEquals("LOCAL", d.preClass(), title + " " + d.reasons());
            assertEquals(List.of("XB_FLAG_NO", "SELLER_COUNTRY_ID", "SELLER_ID_DOMESTIC", "SELLER_LOCATION_ID", "SHIP_FROM_ID",
                    "TITLE_LOCAL_CUE"), d.reasons(), title);
        }
        // only a noun naming goods is stepped over: "tidak luntur" (does not fade) does not negate the batik after it
        var batik = decide(false, "ID", "NIB", true, "33", "ID", null, null, "Kain Tidak Luntur Batik Tulis Pekalongan");
        assertEquals("LOCAL", batik.preClass(), batik.reasons().toString());
        // a negated UMKM phrase is no UMKM cue either
        var notUmkm = decide(false, "ID", "NIB", true, "32", "ID", null, null, "Keripik Produk Lokal Bukan UMKM");
        assertEquals("LOCAL", notUmkm.preClass(), notUmkm.reasons().toString());
        assertFalse(notUmkm.umkmCue(), notUmkm.reasons().toString());
        assertTrue(decide(false, "ID", "NIB", true, "32", "ID", null, null, "Keripik Produk Lokal UMKM").umkmCue());
    }

    @Test
    void qualityClaimsAndTradeTopicsHoldingImportAreNoImportCue() {
        // "kualitas import" / "import quality" is what local makers write of their own goods (import-grade quality), and
        // "ekspor impor" a book's topic: neither says where the goods were made. They were IMPORTED on TITLE_IMPORT_CUE.
        for (String title : List.of("Kaos Polos Cotton Combed 30s Kualitas Import", "Sepatu Sneakers Pria Import Quality",
                "Sepatu Sneakers Kwalitas Import Murah", "Tas Wanita Style Import Kulit Sintetis",
                "Buku Panduan Ekspor Impor untuk Pemula", "Buku Bisnis Export Import Tanpa Modal")) {
            var d = decide(false, "ID", "NIB", true, "32", "ID", null, null, title);
            assertEquals("UNKNOWN", d.preClass(), title + " " + d.reasons());
            assertEquals(List.of("XB_FLAG_NO", "SELLER_COUNTRY_ID", "SELLER_ID_DOMESTIC", "SELLER_LOCATION_ID", "SHIP_FROM_ID",
                    "NO_GOODS_EVIDENCE"), d.reasons(), title);
        }
        // beside a local brand the claim made a CONFLICT_BRAND_VS_TITLE and the sale fell to UNKNOWN (LOW_CONFIDENCE)
        var erigo = decide(false, "ID", "NIB", true, "31", "ID", null, null, "Erigo Kaos Oversize Kualitas Import");
        assertEquals("LOCAL", erigo.preClass(), erigo.reasons().toString());
        assertEquals(List.of("XB_FLAG_NO", "SELLER_COUNTRY_ID", "SELLER_ID_DOMESTIC", "SELLER_LOCATION_ID", "SHIP_FROM_ID",
                "BRAND_LOCAL"), erigo.reasons());
        // an import cue elsewhere in the title still counts
        var imported = decide(false, "ID", "NIB", true, "31", "ID", null, null, "Barang Impor Kualitas Import Premium");
        assertEquals("IMPORTED", imported.preClass(), imported.reasons().toString());
    }

    @Test
    void madeInAPhraseNeedsTheCountry() {
        var china = decide(null, "ID", "NIK", true, "31", "ID", null, null, "Panci stainless made in China");
        assertEquals("IMPORTED", china.preClass());
        var indonesia = decide(null, "ID", "NIK", true, "31", "ID", null, null, "Panci stainless made in Indonesia");
        assertEquals("LOCAL", indonesia.preClass());
    }

    @Test
    void noEvidenceAtAllIsUnknownWithTheNoEvidenceReason() {
        var d = decide(null, null, "NONE", null, null, null, null, null, "Barang bagus murah");
        assertEquals("UNKNOWN", d.preClass());
        assertEquals(List.of("NO_EVIDENCE"), d.reasons());
        assertEquals(0.0, d.confidence());
    }

    @Test
    void nullTitleAndBrandAreHandled() {
        var d = decide(null, null, null, null, null, null, null, null, null);
        assertEquals(List.of("NO_EVIDENCE"), d.reasons());
    }

    @Test
    void weakEvidenceBelowTheThresholdBecomesUnknown() {
        // a located seller (0.7) and a low-confidence brand found only in the title: 0.7 x (0.5 x 0.85) < 0.5
        var d = decide(null, null, "NONE", null, "32", null, null, null, "Charger Remax 20W");
        assertEquals("UNKNOWN", d.preClass());
        assertTrue(d.reasons().contains("LOW_CONFIDENCE"), d.reasons().toString());
    }

    @Test
    void noisyOrCombinesIndependentEvidence() {
        assertEquals(0.0, OriginEvidence.noisyOr(List.of()), 1e-12);
        assertEquals(0.6, OriginEvidence.noisyOr(List.of(0.6)), 1e-12);
        assertEquals(0.84, OriginEvidence.noisyOr(List.of(0.6, 0.6)), 1e-12);
    }

    @Test
    void foreignOwnedBrandMadeInIndonesiaIsLocalGoodsWithTheOwnerVisible() {
        var d = decide(null, "ID", "NIK", true, "32", "ID", null, "MamyPoko", "MamyPoko Pants Standar L 30");
        assertEquals("LOCAL", d.preClass());
        assertTrue(d.reasons().contains("BRAND_MADE_IN_ID:JP"), d.reasons().toString());
        // a declared foreign origin still wins over it
        var imported = decide(null, "ID", "NIK", true, "32", "ID", "JP", "MamyPoko", "MamyPoko Pants Japan");
        assertEquals("IMPORTED", imported.preClass());
        assertTrue(imported.reasons().contains("CONFLICT_DECLARED_VS_BRAND"), imported.reasons().toString());
    }

    @Test
    void aMadeInIndonesiaNameMissingFromTheTableIsRejected() {
        ClassifyRules r = RulesFixture.RULES;
        ClassifyRules.BrandMatching bm = new ClassifyRules.BrandMatching(r.brandMatching().minTitleAliasLength(),
                r.brandMatching().titleExclude(), r.brandMatching().noBrandValues(), List.of("Mamypoco"),
                r.brandMatching().titleContext(), r.brandMatching().accessories());
        ClassifyRules bad = new ClassifyRules(r.version(), r.seller(), r.goods(), r.titleCues(), bm, r.decision(),
                r.umkmTiers(), r.permendag31(), r.audit());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new OriginEvidence(bad, RulesFixture.BRANDS, RulesFixture.PLACES));
        assertTrue(e.getMessage().contains("'Mamypoco' is not a brand"), e.getMessage());
    }

    private static List<String> brandReasons(String title) {
        return decide(null, null, "NONE", null, "31", null, null, null, title).reasons().stream()
                .filter(r -> r.startsWith("BRAND_")).toList();
    }

    /**
     * brand_matching.title_context: a brand name that is also an ordinary word or another thing's name counts in a title
     * only beside one of its context words. Until 3 Dec 2026 "Viva" (Viva Cosmetics, ID) made a Coldplay T-shirt local,
     * "Poco" (Xiaomi, CN) the poco-poco dance's outfits foreign, "Modena" (appliances, ID) Italian balsamic vinegar local.
     */
    @Test
    void aBrandNameThatIsAlsoAWordCountsInATitleOnlyBesideItsContext() {
        for (String title : new String[] {"Kaos Viva La Vida Coldplay Unisex", "Baju Senam POCO POCO Setelan Ibu Ibu",
                "Aceto Balsamico di Modena IGP 500ml", "Kaos Band Legion of Doom Vintage", "Sprite Sheet Pixel Art Game Asset",
                "Buku Aktivitas Anak Kinder Garden", "Boneka Teddy Bear Brand Lokal Jumbo", "Kompas Militer Compass Lensatic",
                "Kamera CCTV Citra Jernih 1080p", "Tumbler Stainless 500ml Warna Aqua", "Kulkas Aqua 2 Pintu 300 Liter"}) {
            assertEquals(List.of(), brandReasons(title), title);
        }
        assertEquals(List.of("BRAND_LOCAL"), brandReasons("VIVA Milk Cleanser Bengkoang 100ml"));
        assertEquals(List.of("BRAND_FOREIGN:CN"), brandReasons("Poco M6 Pro 8/256 Garansi Resmi"));
        assertEquals(List.of("BRAND_LOCAL"), brandReasons("Water Heater Modena ES 15 DR"));
        assertEquals(List.of("BRAND_FOREIGN:CN"), brandReasons("LEGION 5i Gen 8 i7-13700H RTX4060 16/512"));
        assertEquals(List.of("BRAND_FOREIGN:IT"), brandReasons("Kinder Chocolate T8 100gr"));
        assertEquals(List.of("BRAND_LOCAL"), brandReasons("COMPASS Retrograde Hi Cream Sneakers Pria"));
        assertEquals(List.of("BRAND_FOREIGN:GB"), brandReasons("Dove Shampoo Intense Repair 680ml"));
        // a quantity glued to its unit is the unit: "390ml" is beside "ml"
        assertEquals(List.of("BRAND_MADE_IN_ID:US"), brandReasons("SPRITE 390ml"));
        // the search goes on past a name out of its context: the poco-poco outfit is a Rabbani one
        assertEquals(List.of("BRAND_LOCAL"), brandReasons("Baju Senam Poco Poco Rabbani"));
        // the brand column needs no context
        var column = decide(null, null, "NONE", null, "31", null, null, "Viva", "Paket Hemat Isi 3");
        assertTrue(column.reasons().contains("BRAND_LOCAL"), column.reasons().toString());
    }

    @Test
    void aTitleContextNameMissingFromTheTitleNamesIsRejected() {
        ClassifyRules r = RulesFixture.RULES;
        ClassifyRules.BrandMatching bm = new ClassifyRules.BrandMatching(r.brandMatching().minTitleAliasLength(),
                r.brandMatching().titleExclude(), r.brandMatching().noBrandValues(), r.brandMatching().madeInIndonesia(),
                java.util.Map.of("vivaa", List.of("bedak")), r.brandMatching().accessories());
        ClassifyRules bad = new ClassifyRules(r.version(), r.seller(), r.goods(), r.titleCues(), bm, r.decision(),
                r.umkmTiers(), r.permendag31(), r.audit());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new OriginEvidence(bad, RulesFixture.BRANDS, RulesFixture.PLACES));
        assertTrue(e.getMessage().contains("brand_matching.title_context: 'vivaa' is no brand name or alias"), e.getMessage());
    }

    /**
     * Import cues as sellers misspell them (title_cues.typo_min_length), the spelling "Cina", pre-orders from China; until
     * 3 Dec 2026 each was no cue. Negations and not-cues read the corrected words too.
     */
    @Test
    void misspeltAndVariantImportCuesCount() {
        for (String title : new String[] {"Sepatu Sneakers Pria Improt Premium", "Tas Selempang Wanita INPORT", "Jam Tangan Imporr Murah",
                "Powerbank Mini 5000mAh Imprt", "Jaket Kulit Impot Pria", "Gamis Barang Cina Murah", "Mainan Remote Ori China",
                "Dress Wanita PO China 10-14 Hari", "Sepatu Running PRE ORDER CHINA", "Blender Portable Langsung Dari China",
                "Sepatu Wanita Made in Cina", "Serum Wajah Orginal Korea 30ml", "Distributor Importir Resmi Parfum"}) {
            var d = decide(false, "ID", "NIB", true, "31", "ID", null, null, title);
            assertTrue(d.reasons().contains("TITLE_IMPORT_CUE"), title + " " + d.reasons());
            assertEquals("IMPORTED", d.preClass(), title + " " + d.reasons());
        }
        for (String title : new String[] {"Tas Rajut Bukan Improt", "Jaket Bomber Kwalitas Improt", "Gantungan Kunci Bukan Dari China",
                "Jilbab Voal Premium Bahan Import", "Sepatu Pria Lokal Rasa Import", "Celana Chino Pria Slimfit",
                "Kompor Listrik Induksi Murah"}) {
            var d = decide(false, "ID", "NIB", true, "31", "ID", null, null, title);
            assertFalse(d.reasons().contains("TITLE_IMPORT_CUE"), title + " " + d.reasons());
        }
    }

    /**
     * title_cues.misspellings: the shipped list reads misspellings of cue words shorter than typo_min_length (6), which
     * the distance reading does not reach; before the list "inpor" was no cue. Their dictionary neighbours stay words.
     */
    @Test
    void listedMisspellingsOfShortCueWordsCount() {
        for (String title : new String[] {"Tas Selempang Pria Inpor Murah", "Sepatu Kets Barang Inpor Korea", "Jam Tangan Barang Chinna",
                "Lampu Tidur Barang Cihna"}) {
            var d = decide(false, "ID", "NIB", true, "31", "ID", null, null, title);
            assertTrue(d.reasons().contains("TITLE_IMPORT_CUE"), title + " " + d.reasons());
            assertEquals("IMPORTED", d.preClass(), title + " " + d.reasons());
        }
        for (String title : new String[] {"Keset Kaki Produk Lokl Murah", "Kaos Distro Brand Lokall", "Hijab Produk Lokaal"}) {
            var d = decide(false, "ID", "NIB", true, "31", "ID", null, null, title);
            assertTrue(d.reasons().contains("TITLE_LOCAL_CUE"), title + " " + d.reasons());
        }
        // negated as the cue would be; the neighbours that are words are left alone
        var negated = decide(false, "ID", "NIB", true, "31", "ID", null, null, "Sepatu Kulit Bukan Inpor");
        assertFalse(negated.reasons().contains("TITLE_IMPORT_CUE"), negated.reasons().toString());
        for (String title : new String[] {"Celana Chino Pria Slim Fit", "Kaos Korean Style Oversize", "Papan Tulis Original Magnetic",
                "Mic Karaoke Suara Vokal Produk Jernih"}) {
            var d = decide(false, "ID", "NIB", true, "31", "ID", null, null, title);
            assertFalse(d.reasons().contains("TITLE_IMPORT_CUE") || d.reasons().contains("TITLE_LOCAL_CUE"), title + " " + d.reasons());
        }
    }
}
