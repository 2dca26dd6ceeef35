package id.neraca.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A title word one edit off a cue word of at least typo_min_length letters reads as that cue word; nothing else changes. */
class CueSpellingTest {
    private static final CueSpelling SPELLING =
            new CueSpelling(List.of("impor", "import", "barang china", "original korea", "home industry", "kualitas import"), 6, java.util.Map.of());

    @Test
    void oneEditOffALongCueWordIsThatWord() {
        assertEquals("import", SPELLING.cueWordFor("improt")); // two neighbouring letters swapped
        assertEquals("import", SPELLING.cueWordFor("inport")); // one replaced
        assertEquals("import", SPELLING.cueWordFor("imporr"));
        assertEquals("import", SPELLING.cueWordFor("imprt"));  // one dropped
        assertEquals("import", SPELLING.cueWordFor("importt")); // one added
        assertEquals("original", SPELLING.cueWordFor("orginal"));
        assertEquals("industry", SPELLING.cueWordFor("industri"));
        assertEquals("import", SPELLING.cueWordFor("mport"));  // edits at the start
        assertEquals("import", SPELLING.cueWordFor("miport"));
        assertEquals("import", SPELLING.cueWordFor("umport"));
        assertEquals("import", SPELLING.cueWordFor("umport")); // remembered
    }

    /** The first-two/last-two-letters filter in front of the lookup loses no word one edit off a cue word. */
    @Test
    void everyOneEditNeighbourOfALongCueWordIsFound() {
        CueSpelling spelling = new CueSpelling(List.of("import", "original", "industry", "kualitas"), 5, java.util.Map.of());
        for (String cue : List.of("import", "original", "industry", "kualitas")) {
            java.util.Set<String> neighbours = new java.util.TreeSet<>();
            for (int i = 0; i <= cue.length(); i++) {
                if (i < cue.length()) neighbours.add(cue.substring(0, i) + cue.substring(i + 1));
                if (i + 1 < cue.length()) neighbours.add(cue.substring(0, i) + cue.charAt(i + 1) + cue.charAt(i) + cue.substring(i + 2));
                for (char c = 'a'; c <= 'z'; c++) {
                    neighbours.add(cue.substring(0, i) + c + cue.substring(i));
                    if (i < cue.length()) neighbours.add(cue.substring(0, i) + c + cue.substring(i + 1));
                }
            }
            neighbours.remove(cue);
            for (String w : neighbours) assertEquals(cue, spelling.cueWordFor(w), w);
        }
    }

    @Test
    void cueWordsShortWordsDigitsAndTwoEditsAreLeftAlone() {
        assertNull(SPELLING.cueWordFor("impor"));   // a cue word itself
        assertNull(SPELLING.cueWordFor("cina"));    // "china" is shorter than 6 letters: no reading ("chino" are trousers)
        assertNull(SPELLING.cueWordFor("chino"));
        assertNull(SPELLING.cueWordFor("kompor"));  // a stove, three edits from "import"
        assertNull(SPELLING.cueWordFor("report"));  // two edits
        assertNull(SPELLING.cueWordFor("1mport"));  // holds a digit
        assertNull(new CueSpelling(List.of("import"), 0, java.util.Map.of()).cueWordFor("improt")); // 0: off
    }

    @Test
    void aTitleIsCorrectedWordByWordAndUntouchedTitlesAreTheSameArray() {
        String[] title = {"barang", "improt", "murah"};
        assertArrayEquals(new String[] {"barang", "import", "murah"}, SPELLING.correct(title));
        assertArrayEquals(new String[] {"barang", "improt", "murah"}, title); // the caller's words are not changed
        String[] clean = {"sepatu", "kulit", "asli"};
        assertSame(clean, SPELLING.correct(clean));
    }

    /** title_cues.misspellings: short cue words are reached from the listed misspellings only, also with the reading off. */
    @Test
    void listedMisspellingsOfShortCueWordsAreReadAsTheirCueWordAndNothingElseIs() {
        CueSpelling listed = new CueSpelling(List.of("impor", "import", "produk lokal", "barang china"), 6,
                java.util.Map.of("inpor", "impor", "lokl", "lokal", "chinna", "china"));
        assertEquals("impor", listed.cueWordFor("inpor"));
        assertEquals("lokal", listed.cueWordFor("lokl"));
        assertEquals("china", listed.cueWordFor("chinna"));
        assertArrayEquals(new String[] {"barang", "impor", "produk", "lokal"}, listed.correct(new String[] {"barang", "inpor", "produk", "lokl"}));
        // their neighbours that are words are not: "chino" trousers, "loyal", "vokal" (voice), "impur"
        for (String w : List.of("chino", "loyal", "vokal", "lokak", "impur", "impr", "chna")) assertNull(listed.cueWordFor(w), w);
        // the long cue words are still read by distance beside the list
        assertEquals("import", listed.cueWordFor("improt"));
        // with the distance reading off, the list still reads
        CueSpelling off = new CueSpelling(List.of("impor", "import"), 0, java.util.Map.of("inpor", "impor"));
        assertEquals("impor", off.cueWordFor("inpor"));
        assertNull(off.cueWordFor("improt"));
        assertArrayEquals(new String[] {"tas", "impor"}, off.correct(new String[] {"tas", "inpor"}));
    }

    @Test
    void distanceCountsASwapOfNeighboursAsOneEdit() {
        assertEquals(1, CueSpelling.distance("improt", "import"));
        assertEquals(1, CueSpelling.distance("inport", "import"));
        assertEquals(2, CueSpelling.distance("report", "import"));
        assertEquals(0, CueSpelling.distance("import", "import"));
    }
}
