package id.neraca.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The projection's notes on its models, as the Bahasa Indonesia report's models table gives them. */
class ModelNotesTest {
    private final Messages id = Messages.load("id");
    private final Messages en = Messages.load("en");
    private final LocaleFormat idf = LocaleFormat.of("id");
    private final LocaleFormat enf = LocaleFormat.of("en");

    private String id(String warning) {
        ModelNotes.Note n = ModelNotes.localise(warning, id, idf);
        assertFalse(n.english(), warning + " → " + n.text());
        return n.text();
    }

    @Test
    void theSamplesNotesReadInIndonesian() {
        assertEquals("pita skenario, tanpa bobot", id("scenario band, not weighted"));
        assertEquals("pembanding tahunan, tanpa bobot", id("annual cross-check, not weighted"));
        assertEquals("3 titik; pemulusan bertren teredam memerlukan sedikitnya 6", id("3 points; damped-trend smoothing needs at least 6"));
        assertEquals("3 titik; model drift memerlukan 6", id("3 points; the drift model needs 6"));
        assertEquals("theta MA(1) di batas bawah kisinya -0,99: setiap kejutan memudar, sehingga model ini pada praktiknya tren "
                + "deterministik seperti loglinear_seasonal, bukan jalan acak", id("MA(1) theta at its grid's lower edge -0.99: every "
                + "surprise fades, so this is in effect a deterministic trend, like loglinear_seasonal, not a random walk"));
    }

    @Test
    void numbersTakeTheReportsStyleWithTheirDecimals() {
        assertEquals("tidak dipilih: MASE uji balik 1,234 vs musiman naif 0,812", id("not selected: backtest MASE 1.234 vs seasonal naive 0.812"));
        assertEquals("tidak dipilih: MASE uji balik 1,234 vs musiman naif –", id("not selected: backtest MASE 1.234 vs seasonal naive n/a"));
        assertEquals("tidak dipilih: interval 80%-nya memuat 38,5% hasil uji balik 13 sampai 25 bulan ke depan (234 prakiraan dari 24 "
                + "titik awal), di bawah project.backtest.min_interval_coverage 0,50: terlalu sempit lebih dari setahun ke depan",
                id("not selected: its 80% intervals held 38.5% of the backtest's outcomes 13 to 25 months ahead (234 forecasts from 24 "
                        + "origins), under project.backtest.min_interval_coverage 0.50: too narrow beyond a year"));
    }

    @Test
    void theModelsReasonsForTooShortAHistory() {
        assertEquals("riwayat 20 bulan; pemulusan bertren teredam dengan musim memerlukan sedikitnya 24",
                id("20 months of history; damped-trend smoothing with seasonality needs at least 24"));
        assertEquals("riwayat 20 bulan; model log-linear musiman memerlukan sedikitnya 24",
                id("20 months of history; the seasonal log-linear model needs at least 24"));
        assertEquals("3 titik; regresi 2 parameter dengan galat AR(1) memerlukan sedikitnya 5",
                id("3 points; a 2-parameter regression with AR(1) errors needs at least 5"));
        assertEquals("8 titik; skenario pertumbuhan memerlukan satu tahun penuh (12) sebagai titik awal",
                id("8 points; a growth scenario needs one full year (12) to start from"));
    }

    /** A model note followed by the drift model's grid-edge note, joined by "; " as the projection joins them. */
    @Test
    void joinedNotesAreTranslatedPartByPart() {
        assertEquals("tidak dipilih: MASE uji balik 2,000 vs musiman naif 1,000; theta MA(1) di batas bawah kisinya -0,99: setiap "
                + "kejutan memudar, sehingga model ini pada praktiknya tren deterministik seperti loglinear_seasonal, bukan jalan acak",
                id("not selected: backtest MASE 2.000 vs seasonal naive 1.000; MA(1) theta at its grid's lower edge -0.99: every surprise "
                        + "fades, so this is in effect a deterministic trend, like loglinear_seasonal, not a random walk"));
    }

    /**
     * A note the class does not know (a dropped model's reason, with its amounts; a part it does not know after one it
     * does; a known note with more after it) stays the projection's English sentence whole, flagged as English.
     */
    @Test
    void anUnknownNoteStaysEnglishAndSaysSo() {
        for (String w : new String[]{
                "dropped: its 95% interval for 2030 reaches Rp1.2e+18, 5,000 times the national value of the last 12 observed months",
                "scenario band, not weighted; something new",
                "scenario band, not weighted and more",
                "annual cross-check, not weighted;"}) {
            ModelNotes.Note n = ModelNotes.localise(w, id, idf);
            assertEquals(new ModelNotes.Note(w, true), n, w);
        }
        assertEquals(new ModelNotes.Note("", false), ModelNotes.localise(null, id, idf));
        assertEquals(new ModelNotes.Note("", false), ModelNotes.localise("", id, idf));
    }

    @Test
    void theEnglishReportKeepsTheProjectionsText() {
        String w = "not selected: backtest MASE 1.234 vs seasonal naive 0.812";
        assertEquals(new ModelNotes.Note(w, false), ModelNotes.localise(w, en, enf));
        // the English messages say what the projection says, so the two stay one text
        assertEquals(w, en.get("model_note_not_selected_mase", "1.234", "0.812"));
        assertEquals("3 points; the drift model needs 6", en.get("model_note_drift_points", 3, 6));
    }
}
