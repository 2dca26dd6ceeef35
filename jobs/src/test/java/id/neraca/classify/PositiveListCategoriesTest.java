package id.neraca.classify;

import id.neraca.SparkTestBase;
import id.neraca.ingest.ReferenceData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Permendag 31/2023 positive list (books, films, music, software) reaches the flag only through the category
 * ingest maps a dump's label to: a label the taxonomy does not know becomes {@code other}, and a US$5 book from a
 * foreign storefront is then flagged as under the US$100 minimum. Pure Java: the shipped categories.csv and rules.
 */
class PositiveListCategoriesTest {
    private static final ReferenceData REF = ReferenceData.load(SparkTestBase.projectRoot().resolve("data/reference"));

    @Test
    void booksFilmsMusicAndSoftwareAsDumpsWriteThemAreExempt() {
        List<String> exempt = RulesFixture.RULES.permendag31().exemptCategories().stream()
                .map(c -> c.toLowerCase(Locale.ROOT)).toList();
        List<String> notExempt = new ArrayList<>();
        for (String label : List.of("Buku", "books", "Books", "BUKU", "Books & Magazines", "Buku & Majalah", "Majalah",
                "Film", "Musik", "Music", "Movies", "Film & Musik", "Movies & Music", "Software", "Perangkat Lunak")) {
            String c = REF.category(label);
            if (c == null || !exempt.contains(c.toLowerCase(Locale.ROOT))) notExempt.add(label + " -> " + c);
        }
        assertEquals(List.of(), notExempt, "labels of the positive list that the flag would not exempt");
    }

    @Test
    void stationeryIsNotOnThePositiveListAndAPathIsReadByItsMostSpecificSegment() {
        List<String> exempt = RulesFixture.RULES.permendag31().exemptCategories().stream()
                .map(c -> c.toLowerCase(Locale.ROOT)).toList();
        for (String label : List.of("Alat Tulis", "Stationery", "ATK", "Buku & Alat Tulis > Alat Tulis > Pulpen",
                "Books & Stationery > Stationery")) {
            assertEquals("stationery", REF.categoryOfLabel(label), label);
        }
        assertEquals(false, exempt.contains("stationery"));
        assertEquals("books_media", REF.categoryOfLabel("Buku & Alat Tulis > Buku > Novel"));
        assertEquals("books_media", REF.categoryOfLabel("Buku & Alat Tulis"));      // a mixed parent alone: a lower bound
        assertEquals("fashion", REF.categoryOfLabel("Fashion Muslim > Lainnya"));    // the catch-all last
        assertEquals("other", REF.categoryOfLabel("Lainnya > Tidak dikenal"));
        assertEquals("other", REF.categoryOfLabel("Barang Antik"));
    }
}
