package id.neraca.report;

import id.neraca.project.Coverage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/** The projection's notes on its models, as the Bahasa Indonesia report's models table gives them. */
class StageNotesTest {
    private final Messages id = Messages.load("id");
    private final Messages en = Messages.load("en");
    private final LocaleFormat idf = LocaleFormat.of("id");
    private final LocaleFormat enf = LocaleFormat.of("en");

    private String id(String warning) {
        StageNotes.Note n = StageNotes.localise(warning, id, idf);
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
        assertEquals("tidak dipilih: selang 80%-nya memuat 38,5% hasil uji balik 13 sampai 25 bulan ke depan (234 prakiraan dari 24 "
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
            StageNotes.Note n = StageNotes.localise(w, id, idf);
            assertEquals(new StageNotes.Note(w, true), n, w);
        }
        assertEquals(new StageNotes.Note("", false), StageNotes.localise(null, id, idf));
        assertEquals(new StageNotes.Note("", false), StageNotes.localise("", id, idf));
    }

    /** The projection's warnings on the samples (docs/PROJECTION.md §2, §4), whole sentences, numbers in the report's style. */
    @Test
    void theSamplesProjectionWarningsReadInIndonesian() {
        assertEquals(new StageNotes.Note("kalibrasi cakupan memakai acuan berkeyakinan rendah untuk 2023 (sumber, bahasa Inggris: e-Conomy SEA "
                + "2023, as reported by secondary sources (report not consulted); not in DOMAIN.md's table)", false), StageNotes.localiseWarning(
                "coverage calibration uses a low-confidence benchmark for 2023 (e-Conomy SEA 2023, as reported by secondary sources (report "
                        + "not consulted); not in DOMAIN.md's table)", id, idf));
        assertEquals(new StageNotes.Note("faktor cakupan dikalibrasi pada 2 tahun saja; ketidakpastiannya (sd log 0,150) paling sedikit sebesar "
                + "batas bawah yang dikonfigurasi, 0,150", false), StageNotes.localiseWarning("coverage factor calibrated on 2 year(s) only; its "
                + "uncertainty (log sd 0.150) is at least the configured floor 0.150", id, idf));
        assertEquals(new StageNotes.Note("faktor cakupan turun 9,2% per tahun selama 2023–2024: sampel tumbuh 20,1% per tahun dan acuannya 9,1% "
                + "(dalam rupiah). Proyeksi menganggap faktor itu tetap, sehingga membawa pertumbuhan sampel: bila sampel terus tumbuh lebih "
                + "cepat dari pasar, pertumbuhan nasional dilebihkan sekitar 11 poin per tahun", false), StageNotes.localiseWarning("the coverage "
                + "factor fell 9.2% a year over 2023-2024: the sample grew 20.1% a year and the benchmark 9.1% (in rupiah). The projection "
                + "holds the factor constant, so it carries the sample's growth: if the sample keeps outgrowing the market, national growth is "
                + "overstated by about 11 points a year", id, idf));
        assertEquals(new StageNotes.Note("faktor cakupan naik 4,0% per tahun selama 2022–2024: sampel tumbuh -1,5% per tahun dan acuannya 2,5% "
                + "(dalam rupiah). Proyeksi menganggap faktor itu tetap, sehingga membawa pertumbuhan sampel: bila sampel terus tumbuh lebih "
                + "lambat dari pasar, pertumbuhan nasional dikurangkan sekitar 4 poin per tahun", false), StageNotes.localiseWarning("the coverage "
                + "factor rose 4.0% a year over 2022-2024: the sample grew -1.5% a year and the benchmark 2.5% (in rupiah). The projection "
                + "holds the factor constant, so it carries the sample's growth: if the sample keeps growing slower than the market, national "
                + "growth is understated by about 4 points a year", id, idf));
        assertEquals(new StageNotes.Note("3 tahun penuh: terlalu sedikit untuk uji balik tahunan; model tahunan hanya pembanding", false),
                StageNotes.localiseWarning("3 full year(s): too few for an annual backtest; annual models are a cross-check only", id, idf));
        // a warning is one sentence: not split at "; " as a model's notes are, and an unknown one stays English
        String joined = "3 full year(s): too few for an annual backtest; annual models are a cross-check only; "
                + "4 full year(s): too few for an annual backtest; annual models are a cross-check only";
        assertEquals(new StageNotes.Note(joined, true), StageNotes.localiseWarning(joined, id, idf));
        assertEquals(new StageNotes.Note("scenario band, not weighted", true), StageNotes.localiseWarning("scenario band, not weighted", id, idf),
                "a model note is not a warning");
        String en = "the coverage factor fell 9.2% a year over 2023-2024: the sample grew 20.1% a year and the benchmark 9.1% (in rupiah). The "
                + "projection holds the factor constant, so it carries the sample's growth: if the sample keeps outgrowing the market, national "
                + "growth is overstated by about 11 points a year";
        assertEquals(new StageNotes.Note(en, false), StageNotes.localiseWarning(en, this.en, enf));
        assertEquals(en, this.en.get("warning_factor_fell", "9.2", 2023, 2024, "20.1", "9.1", 11), "the English message is the stage's");
    }

    /**
     * The sentences as the projection writes them today, not copies: a calibration on a low-confidence year and a high
     * one whose factor fell 12.6% a year (the sample grew 20%, the benchmark 4.8%) gives three warnings, and each reads
     * in Indonesian. A change to their wording in Coverage fails here rather than turning the report English unnoticed.
     */
    @Test
    void theCoverageWarningsAsWrittenTodayAreKnown() {
        List<Coverage.Benchmark> b = List.of(
                new Coverage.Benchmark(2023, 2023, "ecommerce_gmv", new BigDecimal("62"), "estimate", "secondary, unverified", "low"),
                new Coverage.Benchmark(2024, 2024, "ecommerce_gmv", new BigDecimal("65"), "estimate", "e-Conomy SEA 2024", "high"));
        Map<Integer, BigDecimal> fx = Map.of(2023, new BigDecimal("15000"), 2024, new BigDecimal("15000"));
        Map<Integer, BigDecimal> observed = new TreeMap<>(Map.of(2023, new BigDecimal("961000000000"), 2024, new BigDecimal("1153200000000")));
        Coverage.Result r = Coverage.calibrate(b, fx, observed, "ecommerce_gmv", "low", 0.15);
        assertEquals(3, r.warnings().size(), r.warnings().toString());
        for (String w : r.warnings()) {
            StageNotes.Note n = StageNotes.localiseWarning(w, id, idf);
            assertFalse(n.english(), w);
            assertFalse(n.text().contains("coverage"), n.text());
        }
    }

    /** The report's own warning on listing snapshots (ReportReader writes it from the same sentence), one month or a span. */
    @Test
    void theReportsListingsWarningReadsInIndonesian() {
        String rest = " tidak termasuk dalam angka GMV maupun pangsa mana pun di sini (hanya dalam jumlah baris tabel hitungan klasifikasi): "
                + "jumlah terjual pada scrape bersifat kumulatif sepanjang umur tiap listing, bukan penjualan suatu periode. Komposisinya "
                + "menurut kelas asal ada di agregat hasil proses (grain LISTING_PERIOD; data kerja untuk analis, tanpa kontrol pengungkapan: "
                + "bukan untuk publikasi); dump yang hanya berisi scrape mendapat laporan tersendiri (docs/REPORT.md)";
        assertEquals(new StageNotes.Note("cuplikan listing dari 1 bulan scrape (2023-02)" + rest, false),
                StageNotes.localiseWarning("listing snapshots of 1 scrape month(s) (2023-02)" + StageNotes.LISTINGS_REST, id, idf));
        assertEquals(new StageNotes.Note("cuplikan listing dari 3 bulan scrape (2023-02 sampai 2023-04)" + rest, false),
                StageNotes.localiseWarning("listing snapshots of 3 scrape month(s) (2023-02 to 2023-04)" + StageNotes.LISTINGS_REST, id, idf));
        assertEquals("listing snapshots of 3 scrape month(s) (2023-02 to 2023-04)" + StageNotes.LISTINGS_REST,
                en.get("warning_listings_months", 3, "2023-02", "2023-04"), "the English message is the report's sentence");
    }

    @Test
    void theEnglishReportKeepsTheProjectionsText() {
        String w = "not selected: backtest MASE 1.234 vs seasonal naive 0.812";
        assertEquals(new StageNotes.Note(w, false), StageNotes.localise(w, en, enf));
        // the English messages say what the projection says, so the two stay one text
        assertEquals(w, en.get("model_note_not_selected_mase", "1.234", "0.812"));
        assertEquals("3 points; the drift model needs 6", en.get("model_note_drift_points", 3, 6));
    }
}
