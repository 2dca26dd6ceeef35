package id.neraca.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        // a vehicle maker more than max_words_between (3) words after the part word
        assertEquals(List.of("BRAND_FOREIGN:JP"), brandReasons("Busi Racing Kualitas Premium Awet Honda Vario 125"));
        // the brand column is what the listing declares: no accessory reading
        var column = EV.decide(false, "ID", "NIB", true, "31", "ID", null, "Samsung", "Casing HP Samsung A54");
        assertEquals("IMPORTED", column.preClass(), column.reasons().toString());
    }

    @Test
    void aDeviceNamedFirstWithACaseWordRightAfterItsModelIsTheDeviceItFits() {
        for (String title : List.of("Xiaomi Redmi 13C Softcase Silikon Macaron", "iPhone 15 Pro Max Case Magsafe Clear",
                "Samsung A54 Tempered Glass Full Cover", "Redmi Note 12 Pro Hardcase Doff", "Samsung Galaxy A15 5G Casing Silikon",
                "Oppo Reno 11 Case Kulit", "iPhone 11 Garskin Carbon", "Samsung Galaxy Tab S9 Cover", "Xiaomi Softcase Motif",
                "Samsung Galaxy S24 FE Case Bening Kamera")) {
            assertEquals(List.of("ACCESSORY_FOR_BRAND"), brandReasons(title), title);
            assertEquals("UNKNOWN", localSeller(title).preClass(), title);
        }
    }

    @Test
    void aDeviceNamedFirstKeepsItsBrandWhenAnythingButItsModelComesBeforeTheCaseWord() {
        // a bonus or free word, memory ("8/256", "128gb"), a "+" or "&", a word of no model ("Silicone", "Clear": the brand's own case)
        for (String[] c : new String[][]{{"Samsung Galaxy A15 8/256 Free Case Garansi Resmi", "BRAND_FOREIGN:KR"},
                {"Xiaomi Redmi Note 13 Bonus Softcase 8/256", "BRAND_FOREIGN:CN"}, {"Samsung A05 + Softcase", "BRAND_FOREIGN:KR"},
                {"Samsung A05+Softcase", "BRAND_FOREIGN:KR"}, {"Samsung A05 & Tempered Glass", "BRAND_FOREIGN:KR"},
                {"Samsung Galaxy A15 8/256 Case", "BRAND_FOREIGN:KR"}, {"iPhone 13 128GB Ex Inter + Case", "BRAND_FOREIGN:US"},
                {"Realme C55 8/256 NFC Case", "BRAND_FOREIGN:CN"}, {"Samsung Galaxy S24 Ultra Silicone Case", "BRAND_FOREIGN:KR"},
                {"Samsung A05 Plus Softcase", "BRAND_FOREIGN:KR"}, {"Apple Watch Series 9 GPS 45mm Aluminium Case", "BRAND_FOREIGN:US"},
                {"Samsung Galaxy A54 5G 45mm Case", "BRAND_FOREIGN:KR"},
                // a maker word in the title but right after the case word, a case word more than max_model_words (4) words on, no case word
                {"Samsung A54 Original Case", "BRAND_FOREIGN:KR"}, {"Samsung A54 Case Bening Original", "BRAND_FOREIGN:KR"},
                {"Samsung A54 Case Official", "BRAND_FOREIGN:KR"}, {"Samsung Galaxy A54 5G Pro Max Ultra Case", "BRAND_FOREIGN:KR"},
                {"Samsung A05 + Charger Original", "BRAND_FOREIGN:KR"}, {"Samsung A05 Charger", "BRAND_FOREIGN:KR"},
                {"Xiaomi Redmi 13C Charger", "BRAND_FOREIGN:CN"},
                {"iPhone 11 Battery Health 85% Ex Inter", "BRAND_FOREIGN:US"}}) {
            assertEquals(List.of(c[1]), brandReasons(c[0]), c[0]);
        }
    }

    @Test
    void afterACaseWordOriginalBesideTheBrandIsTheCasesQualityAfterAChargerItsMake() {
        assertEquals(List.of("ACCESSORY_FOR_BRAND"), brandReasons("Casing iPhone Original Silikon Logo"));
        assertEquals(List.of("ACCESSORY_FOR_BRAND"), brandReasons("Softcase Samsung Ori Motif Bunga"));
        assertEquals(List.of("ACCESSORY_FOR_BRAND"), brandReasons("Casing Samsung Original Softcase Polos"));
        // a charger, a cable: 'original' says the brand made it; 'official' and 'genuine' say so after a case word too
        assertEquals(List.of("BRAND_FOREIGN:KR"), brandReasons("Charger Samsung Original 25W"));
        assertEquals(List.of("BRAND_FOREIGN:US"), brandReasons("Kabel Data iPhone Original Lightning 1M"));
        assertEquals(List.of("BRAND_FOREIGN:KR"), brandReasons("Case Samsung Official Clear Cover"));
        assertEquals(List.of("BRAND_FOREIGN:KR"), brandReasons("Case Samsung Genuine S24"));
    }

    @Test
    void plusRightAfterANumberIsPartOfTheModelSoTheCaseIsForIt() {
        for (String title : List.of("iPhone 15 Plus Case Magsafe Bening", "iPhone 8 Plus Softcase Bening", "iPhone 14 Plus Casing Silikon")) {
            assertEquals(List.of("ACCESSORY_FOR_BRAND"), brandReasons(title), title);
        }
        // after a model word that is no number, "plus" means "with": a phone with a case; and no case word, the phone itself
        assertEquals(List.of("BRAND_FOREIGN:KR"), brandReasons("Samsung A05 Plus Softcase Garansi Resmi"));
        assertEquals(List.of("BRAND_FOREIGN:US"), brandReasons("iPhone 15 Plus 256GB Garansi Resmi iBox"));
    }

    @Test
    void originalRightAfterTheCaseWordIsTheCasesQuality() {
        assertEquals(List.of("ACCESSORY_FOR_BRAND"), brandReasons("Samsung A54 Case Original Silikon"));
        assertEquals(List.of("ACCESSORY_FOR_BRAND"), brandReasons("Xiaomi Redmi 13C Softcase Ori Bening"));
        // memory or a free case before it: the phone, with its case
        assertEquals(List.of("BRAND_FOREIGN:CN"), brandReasons("Infinix Hot 40i 8/256 Case Original"));
        assertEquals(List.of("BRAND_FOREIGN:KR"), brandReasons("Samsung Galaxy A55 8/256 Free Case Original"));
    }

    @Test
    void aVehicleMakerAfterAPartWordAndBeforeItsModelIsTheVehicleThePartFits() {
        for (String title : List.of("Kampas Rem Honda Vario 125 Depan", "Busi Yamaha NMAX Iridium", "V-Belt Honda Beat FI",
                "Filter Udara Toyota Avanza 2015", "Lampu Depan LED Honda Beat Street", "Rantai Suzuki Satria FU 150",
                "Shock Belakang Yamaha Aerox 155", "Busi Iridium Kawasaki Ninja 250",
                // a model the list lacks, written with letters and digits
                "Kampas Rem Honda CB150R Depan", "Filter Udara Mitsubishi L300 Diesel",
                // models of older or less common vehicles, listed since the fifth round
                "Kampas Rem Honda Karisma Depan", "Filter Udara Toyota Kijang Innova", "Busi Suzuki Thunder 125")) {
            assertEquals(List.of("ACCESSORY_FOR_BRAND"), brandReasons(title), title);
            var d = localSeller(title);
            assertEquals("UNKNOWN", d.preClass(), title);
            assertTrue(d.reasons().contains("NO_GOODS_EVIDENCE"), title + " " + d.reasons());
        }
    }

    @Test
    void aVehicleNamedFirstWithAPartWordRightAfterItsModelIsTheVehicleThePartFits() {
        for (String title : List.of("Honda Vario 125 Kampas Rem Depan", "Yamaha NMAX Busi Iridium", "Toyota Innova Reborn Filter Oli",
                "Honda Beat FI Roller CVT 12 Gram", "Kawasaki Ninja 250 Knalpot Racing", "Suzuki Satria F150 Gear Set",
                "Yamaha Mio M3 Kampas Kopling Set")) {
            assertEquals(List.of("ACCESSORY_FOR_BRAND"), brandReasons(title), title);
        }
        // the part's own mark or maker after it
        assertEquals(List.of("ACCESSORY_FOR_BRAND", "BRAND_MADE_IN_ID:JP"), brandReasons("Honda Scoopy Kampas Rem HGP Depan"));
        assertEquals(List.of("ACCESSORY_FOR_BRAND", "BRAND_FOREIGN:JP"), brandReasons("Yamaha NMAX Busi NGK Iridium"));
    }

    @Test
    void aVehicleNamedFirstKeepsItsMakerWhenAYearOrAnythingButItsModelComesBeforeThePartWord() {
        for (String title : List.of("Toyota Avanza 2019 Aki Baru Pajak Panjang", "Yamaha Aerox 155 2021 Knalpot Racing Mulus",
                "Honda PCX 160 2023 Free Spion Jalu", "Honda Beat Street 2024 Gratis Spion", "Honda Vario 125 Bekas Kampas Rem Baru",
                "Honda Beat 2024 Bonus Helm", "Honda Vario 125 2023 Bekas", "Honda Original Vario 125 Kampas Rem",
                // a year, then more after the part than detail words: a used vehicle
                "Yamaha Mio M3 2019 Aki Baru Surat Lengkap", "Toyota Avanza 2019 Aki Baru")) {
            assertEquals(List.of("BRAND_FOREIGN:JP"), brandReasons(title), title);
        }
    }

    @Test
    void theVehicleItselfAPartWithoutAModelOrWithAMakerWordKeepTheMaker() {
        for (String title : List.of("Honda Beat 2024 CBS Deluxe Motor Baru", "Yamaha NMAX 155 Connected 2024",
                "Toyota Avanza 1.5 G CVT 2022 Bekas", "Kampas Rem Honda Original Vario 125", "Kampas Rem Honda Original")) {
            assertEquals(List.of("BRAND_FOREIGN:JP"), brandReasons(title), title);
        }
        // part words speak of vehicle makers only: Xiaomi's own lamp
        assertEquals(List.of("BRAND_FOREIGN:CN"), brandReasons("Lampu Xiaomi Mi LED Smart Bulb"));
    }

    @Test
    void aModelYearAfterTheModelStillNamesTheVehicleThePartFits() {
        for (String title : List.of("Toyota Avanza 2015 Filter Udara", "Filter Oli Honda Vario 2018", "Kampas Rem Yamaha NMAX 2020 Depan",
                "Honda Beat 2018 Kampas Rem Depan", "Toyota Avanza 2012 2015 Filter Udara", "Honda Vario 125 2019 Busi",
                "Yamaha Aerox 155 2021 Shock Belakang Set")) {
            assertEquals(List.of("ACCESSORY_FOR_BRAND"), brandReasons(title), title);
            var d = localSeller(title);
            assertEquals("UNKNOWN", d.preClass(), title);
            assertTrue(d.reasons().contains("NO_GOODS_EVIDENCE"), title + " " + d.reasons());
        }
        // the part's own mark before it
        assertEquals(List.of("BRAND_MADE_IN_ID:JP"), brandReasons("HGP Kampas Rem Honda Beat 2018 Depan"));
    }

    @Test
    void aPartNamedAfterTheMakerAloneIsNoEvidenceOfTheMakersForeignGoods() {
        // genuine (made here, as HGP is) or aftermarket: either way not Honda's or Yamaha's Japanese goods
        for (String title : List.of("Busi Honda", "Kampas Rem Yamaha", "Oli Mesin Honda", "Busi Honda Kualitas Bagus", "Busi Honda 2 Pcs",
                "Honda Kampas Rem Depan", "Oli Mesin Honda 0.8L")) {
            assertEquals(List.of("ACCESSORY_FOR_BRAND"), brandReasons(title), title);
            var d = localSeller(title);
            assertEquals("UNKNOWN", d.preClass(), title);
            assertTrue(d.reasons().contains("NO_GOODS_EVIDENCE"), title + " " + d.reasons());
        }
        // a genuine-parts line named as such is its maker's goods, made here
        assertEquals(List.of("BRAND_MADE_IN_ID:JP"), brandReasons("Busi Honda Genuine Parts"));
        assertEquals(List.of("BRAND_MADE_IN_ID:JP"), brandReasons("Oli AHM Oil MPX1 0.8L"));
        assertEquals(List.of("ACCESSORY_FOR_BRAND", "BRAND_MADE_IN_ID:JP"), brandReasons("Kampas Rem Yamaha YGP"));
        // a parts maker's own brand past the set-aside name
        assertEquals(List.of("ACCESSORY_FOR_BRAND", "BRAND_FOREIGN:JP"), brandReasons("Busi Honda NGK"));
    }

    @Test
    void aBatteryOfGsAstraIsGsBatterysNotHondaGenuineParts() {
        // "Astra Honda" is an alias of Honda Genuine Parts; here it is GS Astra's battery for a Honda Beat
        assertEquals(List.of("BRAND_LOCAL"), brandReasons("Aki GS Astra Honda Beat"));
        assertEquals(List.of("BRAND_LOCAL"), brandReasons("Aki Motor GS Astra GTZ5S Honda Vario"));
        assertEquals(List.of("ACCESSORY_FOR_BRAND", "BRAND_LOCAL"), brandReasons("Aki Honda Beat GS Astra"));
        // the mark alone still reads as Honda Genuine Parts
        assertEquals(List.of("BRAND_MADE_IN_ID:JP"), brandReasons("V-Belt Astra Honda Vario 150 Original"));
    }

    @Test
    void aGenuinePartsMarkIsAPartMadeInIndonesia() {
        // the mark after the set-aside maker, or first (the maker's name then never reached)
        assertEquals(List.of("ACCESSORY_FOR_BRAND", "BRAND_MADE_IN_ID:JP"), brandReasons("Kampas Rem Honda Vario 125 HGP"));
        assertEquals(List.of("ACCESSORY_FOR_BRAND", "BRAND_MADE_IN_ID:JP"), brandReasons("Busi Yamaha NMAX YGP Original"));
        assertEquals(List.of("BRAND_MADE_IN_ID:JP"), brandReasons("Kampas Rem HGP Honda Beat Depan"));
        assertEquals(List.of("BRAND_MADE_IN_ID:JP"), brandReasons("V-Belt Astra Honda Vario 150 Original"));
        assertEquals(List.of("BRAND_MADE_IN_ID:JP"), brandReasons("Kampas Rem Honda Genuine Parts AHM"));
        assertEquals(List.of("BRAND_MADE_IN_ID:JP"), brandReasons("Kampas Rem Depan Yamaha Genuine Parts NMAX"));
        assertEquals(List.of("BRAND_MADE_IN_ID:JP"), brandReasons("Oli AHM MPX2 0.8L"));
        assertEquals(List.of("BRAND_MADE_IN_ID:JP"), brandReasons("Oli Yamalube Super Matic 0.8L"));
        assertEquals("LOCAL", localSeller("Kampas Rem Honda Vario 125 HGP").preClass());
    }

    @Test
    void aPartsMakerIsReadByItsOwnBrand() {
        assertEquals(List.of("BRAND_FOREIGN:JP"), brandReasons("Busi NGK Honda Beat CPR8EA-9"));
        assertEquals(List.of("ACCESSORY_FOR_BRAND", "BRAND_FOREIGN:JP"), brandReasons("Busi Honda Vario 125 NGK CPR8EA"));
        assertEquals(List.of("ACCESSORY_FOR_BRAND", "BRAND_FOREIGN:DE"), brandReasons("Busi Honda Vario 125 Bosch Platinum"));
        assertEquals(List.of("BRAND_LOCAL"), brandReasons("Kampas Rem Aspira Honda Vario 125"));
        assertEquals(List.of("ACCESSORY_FOR_BRAND", "BRAND_LOCAL"), brandReasons("Kampas Rem Yamaha NMAX Aspira Depan"));
    }

    @Test
    void aPlusOrAmpersandIsPlacedAmongTheNormalisedWords() {
        // words: samsung(0) a05(1) softcase(2); the sign after word 1, before word 2
        assertEquals(true, AccessoryMentions.joinedBetween("Samsung A05 + Softcase", 2, 2));
        assertEquals(true, AccessoryMentions.joinedBetween("Samsung A05+Softcase", 1, 2));
        assertEquals(false, AccessoryMentions.joinedBetween("Samsung A05 Softcase + TG", 1, 2));
        assertEquals(false, AccessoryMentions.joinedBetween("Samsung + A05 Softcase", 2, 2));
        assertEquals(false, AccessoryMentions.joinedBetween("Samsung A05 Softcase", 1, 2));
        assertEquals(true, AccessoryMentions.joinedBetween("Sämsung A05 & Softcase", 2, 2));
    }
}
