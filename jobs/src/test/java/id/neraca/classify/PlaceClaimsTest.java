package id.neraca.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * title_cues.place_cues: an Indonesian place of the regency and province tables named as where the goods are made is a
 * local cue (TITLE_LOCAL_CUE with TITLE_PLACE_CUE), a place named otherwise is none. Before the place cues only "khas
 * bandung", "khas jogja" and "khas bali" were: "Batik Tulis Asli Solo", "Buatan Pekalongan", "Dodol Garut" were not.
 */
class PlaceClaimsTest {
    private static final OriginEvidence EV = new OriginEvidence(RulesFixture.RULES, RulesFixture.BRANDS, RulesFixture.PLACES);

    private static OriginEvidence.Decision localSeller(String title) {
        return EV.decide(false, "ID", "NIB", true, "32", "ID", null, null, title);
    }

    @Test
    void aPlaceAfterAClaimWordIsALocalCueThatDecidesAlone() {
        for (String title : List.of("Keripik Pedas Khas Bandung Level 10", "Kemeja Buatan Pekalongan", "Gantungan Kunci Asli Jogja",
                "Ukiran Kayu Produk Asli Jepara", "Sepatu Lokal Bandung", "Sambal Roa Khas Manado", "Kerajinan Jepara Kotak Tisu",
                "Rendang Daging Khas Minang 250gr", "Tenun Khas Nusa Tenggara Timur")) {
            var d = localSeller(title);
            assertEquals("LOCAL", d.preClass(), title + " " + d.reasons());
            assertTrue(d.reasons().contains("TITLE_LOCAL_CUE") && d.reasons().contains("TITLE_PLACE_CUE"), title + " " + d.reasons());
        }
    }

    @Test
    void aPlaceBeforeAsliOrAfterASpecialitysNameIsALocalCue() {
        for (String title : List.of("Kopi Gayo Aceh Asli Bubuk", "Dodol Garut Asli", "Dodol Garut Original Rasa Durian",
                "Bakpia Pathok Jogja Isi 20", "Selendang Tenun NTT Motif", "Kopi Toraja Kalosi 200gr", "Bakso Aci Garut Instan")) {
            assertTrue(localSeller(title).reasons().contains("TITLE_PLACE_CUE"), title + " " + localSeller(title).reasons());
        }
    }

    @Test
    void aPlaceNamedWithoutAClaimIsNoCue() {
        for (String title : List.of("Kaos Bandung Distro Pria Oversize", "Jaket Hoodie Ready Stock Dikirim dari Jakarta",
                "Sepatu Sneakers Wanita Gudang Surabaya COD", "Gitar Akustik Solo Pemula", "Kaos Persib Bandung Jersey Home",
                // a speciality more than max_words_after_goods (2) words before the place: the place is the seller's
                "Kopi Bubuk Robusta Premium Kemasan Jakarta")) {
            var d = localSeller(title);
            assertFalse(d.reasons().contains("TITLE_PLACE_CUE") || d.reasons().contains("TITLE_LOCAL_CUE"), title + " " + d.reasons());
            assertEquals("UNKNOWN", d.preClass(), title);
        }
    }

    @Test
    void namesOfTheTablesThatAreOrdinaryWordsAreNoPlaces() {
        // Kota Batu, Kabupaten Pati, Kabupaten Ketapang, Kabupaten Batang: a stone, starch, leaves, a bar of soap
        for (String title : List.of("Cincin Batu Akik Asli Bacan", "Tepung Pati Singkong Asli 1kg", "Daun Ketapang Kering Asli",
                "Sabun Batang Asli Herbal", "Gagang Pintu Kuningan Asli", "Lampu DIY Produk DIY Kit")) {
            assertFalse(localSeller(title).reasons().contains("TITLE_PLACE_CUE"), title + " " + localSeller(title).reasons());
        }
    }

    @Test
    void aNegatedClaimAndAForeignPlaceAreNoLocalCue() {
        var negated = localSeller("Kaos Bukan Asli Bandung KW");
        assertFalse(negated.reasons().contains("TITLE_PLACE_CUE"), negated.reasons().toString());
        var notProduct = localSeller("Tas Bukan Produk Bandung");
        assertFalse(notProduct.reasons().contains("TITLE_PLACE_CUE"), notProduct.reasons().toString());
        // foreign places are import cues of their own, not places of the tables
        var korea = localSeller("Skincare Produk Korea Original");
        assertFalse(korea.reasons().contains("TITLE_PLACE_CUE"), korea.reasons().toString());
        assertEquals("IMPORTED", korea.preClass());
    }

    @Test
    void onePlaceCuePerTitleHoweverManyPlacesItNames() {
        // 0.55 once, with "oleh oleh" 0.45: 1 - 0.55 x 0.45 = 0.7525 (not 1 - 0.55 x 0.45 x 0.45 x 0.45 for three places),
        // times the seller's 0.70
        var d = EV.decide(null, "ID", "NONE", null, null, null, null, null, "Oleh Oleh Khas Malang Asli Batu Khas Jawa Timur");
        assertEquals(List.of("SELLER_COUNTRY_ID", "TITLE_LOCAL_CUE", "TITLE_PLACE_CUE", "SELLER_LOCATION_UNKNOWN"), d.reasons());
        assertEquals(0.7 * 0.7525, d.confidence(), 1e-6);
    }

    /**
     * The shipped lists against the shipped tables: every not_places name is a place of the tables (a typo would keep
     * nothing out) and no extra_places name is one already. Not checked when the rules load: a new edition of the regency
     * table must not stop the classification.
     */
    @Test
    void theShippedPlaceListsMatchTheShippedTables() {
        ClassifyRules.PlaceCues p = RulesFixture.RULES.titleCues().placeCues();
        List<String> names = RulesFixture.PLACES.names();
        for (String n : p.notPlaces()) assertTrue(names.contains(n), "not_places: '" + n + "' is no place of the tables");
        for (String n : p.extraPlaces()) assertFalse(names.contains(n), "extra_places: '" + n + "' is a place of the tables already");
        // and the excluded names are excluded: "Khas Batu" (Kota Batu) is given up for "Batu Akik Asli"
        assertTrue(localSeller("Apel Khas Malang").reasons().contains("TITLE_PLACE_CUE"));
        assertFalse(localSeller("Apel Khas Batu").reasons().contains("TITLE_PLACE_CUE"));
    }

    @Test
    void theTablesGiveTheNamesTitlesWrite() {
        List<String> names = RulesFixture.PLACES.names();
        for (String n : List.of("bandung", "garut", "solo", "jogja", "ntt", "jawa timur", "pekalongan", "aceh", "kotabaru")) {
            assertTrue(names.contains(n), n);
        }
        // the forms with "Kab."/"Kota"/"Prov." are not title names: "Kota Baru" would read "baru" (new) otherwise
        for (String n : List.of("kab garut", "kota solo", "prov bali", "baru", "kota baru")) assertFalse(names.contains(n), n);
    }
}
