package id.neraca.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.neraca.project.Coverage;
import id.neraca.project.Projection;
import id.neraca.project.model.LogLinearSeasonal;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The projection's notes on its models and its warnings, and the report's own warnings, as the Bahasa Indonesia report gives
 * them (StageNotes): Indonesian written by hand against the sentences as the code writes them.
 */
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

    /** A warning (the projection's or the report's) in Indonesian: whole, and not left English. */
    private String idWarning(String warning) {
        StageNotes.Note n = StageNotes.localiseWarning(warning, id, idf);
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
     * A note the class does not know (a dropped model's reason worded as the projection never words it; a part it does
     * not know after one it does; a known note with more after it) stays the projection's English sentence whole,
     * flagged as English.
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

    /** The models' notes on short histories that the samples do not give (docs/PROJECTION.md §3). */
    @Test
    void theModelsOtherNotesReadInIndonesian() {
        // the plain regression (independent errors), the annual log-linear model's own words
        String regression = new LogLinearSeasonal(false, 0, "loglinear_annual").unsupportedReason(2, 1);
        assertEquals("2 points; a 2-parameter regression needs at least 3", regression);
        assertEquals("2 titik; regresi 2 parameter memerlukan sedikitnya 3", id(regression));
        // Projection.annualModels (Projection.java:1034): fewer full years than project.min_annual_points
        assertEquals("hanya 1 tahun penuh (diperlukan sedikitnya 3)", id("1 full years (< 3)"));
        // Projection.withoutDropped and annualModels (Projection.java:840, 1051): "dropped: " and the reason
        // (Projection.implausible, Projection.java:792), amounts in rupiah as the report writes money
        assertEquals("dibuang: selang 95%-nya untuk 2030 mencapai Rp2.100.000,0 triliun, 1.400 kali nilai nasional 12 bulan "
                + "terakhir yang teramati (Rp1.500,0 triliun); lebih dari 1.000 kali dalam 5 tahun tidak kredibel",
                id("dropped: its 95% interval for 2030 reaches Rp2,100,000 triliun, 1,400 times the national value of the last 12 "
                        + "observed months (Rp1,500 triliun); more than 1,000 times within 5 years is not credible"));
    }

    /**
     * The projection's warnings on short, gappy and partly observed histories (docs/PROJECTION.md §1, §3, §6, §7), as
     * the code writes them (each names its line), in Indonesian written by hand. ProjectionSentencesTest drives the
     * stage through such histories; these hold the wording.
     */
    @Test
    void theProjectionsWarningsOnShortAndGappyHistoriesReadInIndonesian() {
        List<YearMonth> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) six.add(YearMonth.of(2025, 7).plusMonths(i));
        assertEquals("hanya 6 bulan berturut-turut penjualan selesai (Juli 2025 sampai Desember 2025): proyeksi memerlukan paling "
                + "sedikit 12 bulan (satu siklus musiman penuh), dan 24 bulan untuk model musiman. Tambahkan dump yang mencakup lebih "
                + "banyak bulan; dari bulan yang lebih sedikit tidak ada yang diproyeksikan.",
                idWarning(Projection.tooShort(six)));
        assertTrue(idWarning(Projection.tooShort(six.subList(0, 1))).startsWith("hanya 1 bulan berturut-turut "
                + "penjualan selesai (Juli 2025 sampai Juli 2025)"));
        // ProjectTo2030.input (ProjectTo2030.java:196)
        assertEquals("bulan-bulan sebelum Oktober 2024 tidak dipakai: September 2024 kosong, sehingga model memakai 15 bulan "
                + "berturut-turut dari Oktober 2024 sampai Desember 2025", idWarning("months before 2024-10 are not used: 2024-09 is "
                + "empty, so the models use the 15 contiguous months 2024-10 to 2025-12"));
        assertEquals("bulan-bulan sebelum September 2024 tidak dipakai: sesudah April 2024 ada bulan yang hilang, sehingga model "
                + "memakai 16 bulan berturut-turut dari September 2024 sampai Desember 2025", idWarning("months before 2024-09 are "
                + "not used: 2024-04 is followed by a gap, so the models use the 16 contiguous months 2024-09 to 2025-12"));
        // ProjectTo2030.dropPartialEdgeMonths (ProjectTo2030.java:253, 273, 278): they need out/classified, so Spark
        assertEquals("out/classified tidak ada: kelengkapan bulan pertama dan terakhir tidak diperiksa",
                idWarning("out/classified is missing: whether the first and last months are complete was not checked"));
        assertEquals("bulan pertama, Januari 2023, tidak lengkap: penjualan selesainya baru dimulai 15 Januari 2023 (UTC), lebih dari "
                + "3 hari setelah awal bulan, sehingga model tidak memakainya (bulan itu tetap ada di out/aggregates; "
                + "project.partial_month_days)", idWarning("the first month 2023-01 is partial: its completed sales begin 2023-01-15 "
                + "(UTC), more than 3 day(s) after it starts, so the models leave it out (it stays in out/aggregates; "
                + "project.partial_month_days)"));
        assertEquals("bulan terakhir, November 2025, tidak lengkap: penjualan selesainya berakhir 14 November 2025 (UTC), lebih dari "
                + "3 hari sebelum akhir bulan (dump diekspor di tengah bulan?), sehingga model tidak memakainya: setengah bulan akan "
                + "terbaca sebagai penurunan dan menarik setiap tren ke bawah (bulan itu tetap ada di out/aggregates; "
                + "project.partial_month_days)", idWarning("the last month 2025-11 is partial: its completed sales end 2025-11-14 (UTC), "
                + "more than 3 day(s) before it ends (a dump exported mid-month?), so the models leave it out: half a month would read "
                + "as a fall and pull every trend down (it stays in out/aggregates; project.partial_month_days)"));
        // Projection.run (Projection.java:206, 221, 241, 282, 371)
        assertEquals("riwayat hanya 13 bulan (< 24): model musiman tidak diestimasi; proyeksi adalah skenario pertumbuhan yang "
                + "dikonfigurasi beserta sebarannya, bukan hasil estimasi", idWarning("only 13 months of history (< 24): seasonal models "
                + "are not fitted; the projection is the configured growth scenarios with their spread, not a fitted estimate"));
        assertEquals("uji balik bulanan hanya memiliki 1 titik awal (memerlukan riwayat lebih dari 24 bulan, dan 3 titik awal untuk "
                + "memilih dan membobot model): setiap model yang dapat dipakai dipertahankan dengan bobot sama", idWarning("the monthly "
                + "backtest has 1 origin(s) (needs history beyond 24 months, and 3 origins to select and weight models): every "
                + "supported model is kept with an equal weight"));
        assertEquals("tidak ada uji balik untuk skenario pertumbuhan: selangnya berasal dari pita skenario rendah–tinggi",
                idWarning("no backtest for the growth scenarios: their intervals come from the low-high scenario band"));
        assertEquals("holt_damped_seasonal tidak diestimasi: riwayat 13 bulan; pemulusan bertren teredam dengan musim memerlukan "
                + "sedikitnya 24", idWarning("holt_damped_seasonal not fitted: 13 months of history; damped-trend smoothing with "
                + "seasonality needs at least 24"));
        assertEquals(new StageNotes.Note("drift_seasonal not fitted: a reason no model gives", true), StageNotes.localiseWarning(
                "drift_seasonal not fitted: a reason no model gives", id, idf), "a model's reason it does not know leaves the warning English");
        assertEquals("tidak ada tahun kalender yang teramati penuh: pertumbuhan per tahun yang diperlukan tidak dihitung",
                idWarning("no calendar year is fully observed: required growth rates are not computed"));
        // Projection.noValueForTarget (Projection.java:580)
        assertEquals("target early (project.targets[0].year = 2010): 2010 berada sebelum bulan pertama yang dimodelkan, Juni 2023, "
                + "sehingga tidak ada nilai nasional untuk dibandingkan; proyeksi, selang, selisih dan peluangnya kosong. Tetapkan "
                + "project.targets[0].year ke tahun antara 2024 dan 2040", idWarning("target early (project.targets[0].year = 2010): "
                + "2010 is before the first modelled month 2023-06, so there is no national value to compare it with; its projection, "
                + "intervals, gap and probability are null. Set project.targets[0].year to a year from 2024 to 2040"));
        assertEquals("target partial (project.targets[1].year = 2023): 2023 hanya teramati selama 7 bulan dan tidak diproyeksikan, "
                + "sehingga tidak ada nilai nasional untuk dibandingkan; proyeksi, selang, selisih dan peluangnya kosong. Tetapkan "
                + "project.targets[1].year ke tahun antara 2024 dan 2040", idWarning("target partial (project.targets[1].year = 2023): "
                + "2023 is observed for 7 month(s) only and not projected, so there is no national value to compare it with; its "
                + "projection, intervals, gap and probability are null. Set project.targets[1].year to a year from 2024 to 2040"));
        // Projection.annualModels (Projection.java:1014)
        assertEquals("baru 1 tahun penuh yang teramati (< project.min_annual_points = 3): tidak ada model yang diestimasi pada seri "
                + "tahunan", idWarning("1 full year(s) observed (< project.min_annual_points = 3): no model is fitted on the annual series"));
        // Projection.shareProjection (Projection.java:1121, 1131, 1140)
        assertEquals("pangsa UMKM lokal ditahan pada tingkatnya selama 12 bulan terakhir: 18 bulan terlalu sedikit untuk membedakan "
                + "tren dari ayunan musiman (project.min_seasonal_months 24); selangnya memperhitungkan kemungkinan tren yang teramati "
                + "(-1,00 per tahun pada skala logit) berlanjut atau berbalik", idWarning("the local_umkm_share is held at its level of "
                + "the last 12 months: 18 months are too few to tell a trend from a seasonal swing (project.min_seasonal_months 24); its "
                + "interval allows for the observed trend (-1.00 a year on the logit scale) continuing or reversing"));
        assertTrue(idWarning("the foreign_origin_share is held at its level of the last 12 months: 13 months are too few to tell a "
                + "trend from a seasonal swing (project.min_seasonal_months 24); its interval allows for the observed trend (+0.35 a "
                + "year on the logit scale) continuing or reversing").contains("(+0,35 per tahun pada skala logit)"), "the sign stays");
        assertEquals("pangsa barang asal luar negeri sebesar 100% pada setiap bulan yang teramati: pangsa itu ditahan di sana",
                idWarning("the foreign_origin_share is 100% in every observed month: it is held there"));
        assertEquals("5 bulan: terlalu sedikit untuk mengestimasi tren pangsa UMKM lokal; pangsa itu ditahan pada tingkat yang teramati",
                idWarning("5 months: too few to fit a trend to the local_umkm_share; it is held at its observed level"));
    }

    /**
     * What the projection says when it cannot scale the sample to the nation (docs/PROJECTION.md §1, §2): no fully observed
     * year with a benchmark, the gap that cuts one off, a benchmark year or months without FX rates, no interval file.
     */
    @Test
    void theProjectionsCalibrationWarningsReadInIndonesian() {
        // Coverage.NotCalibratable (Coverage.java:153), with ProjectTo2030.project's sentence on the gap (ProjectTo2030.java:329)
        String uncalibrated = "no year has both a full year of observed sales ([]) and a 'ecommerce_gmv' benchmark estimate of "
                + "confidence >= low (data/reference/econ_benchmarks.csv has years [2019, 2020, 2023, 2024]); months observed per year: "
                + "2024: 3 months, 2025: 11 months, so the coverage factor cannot be calibrated and nothing is projected. Either add a "
                + "'ecommerce_gmv' estimate row for a fully observed year to data/reference/econ_benchmarks.csv, or set "
                + "project.coverage.method: factor with project.coverage.factor in the run configuration (a copy passed with --config "
                + "resolves its relative paths against its own folder; docs/PROJECTION.md §2).";
        String indonesian = "tidak ada tahun yang sekaligus teramati penuh (tahun yang teramati penuh: tidak ada) dan memiliki estimasi "
                + "acuan 'ecommerce_gmv' dengan tingkat keyakinan >= low (data/reference/econ_benchmarks.csv memuat tahun 2019, 2020, "
                + "2023, 2024); bulan yang teramati per tahun: 2024: 3 bulan, 2025: 11 bulan, sehingga faktor cakupan tidak dapat "
                + "dikalibrasi dan tidak ada yang diproyeksikan. Tambahkan baris estimasi 'ecommerce_gmv' untuk tahun yang teramati "
                + "penuh ke data/reference/econ_benchmarks.csv, atau tetapkan project.coverage.method: factor beserta "
                + "project.coverage.factor dalam konfigurasi run (salinan yang diberikan dengan --config membaca path relatifnya dari "
                + "foldernya sendiri; docs/PROJECTION.md §2).";
        assertEquals(indonesian, idWarning(uncalibrated));
        assertEquals(indonesian + " Dump memang memuat 2022, 2023 secara utuh, tetapi bulan-bulan itu berada sebelum celah atau "
                + "bulan kosong, sedangkan model dan kalibrasi hanya memakai bulan berturut-turut September 2024 sampai Desember 2025 "
                + "(lihat peringatan tentang bulan yang tidak dipakai): lengkapi bulan-bulan yang hilang agar 2022, 2023 dapat dipakai "
                + "untuk kalibrasi.", idWarning(uncalibrated + " The dumps do hold the whole of [2022, 2023], but those months come "
                + "before a gap or an empty month, and the models and the calibration use only the contiguous months 2024-09 to "
                + "2025-12 (the warning on months not used): fill the missing months to calibrate on them."));
        // a benchmark year the FX table has no rate for, as Coverage writes it today
        Coverage.Result r = Coverage.calibrate(List.of(
                        new Coverage.Benchmark(2023, 2023, "ecommerce_gmv", new BigDecimal("62"), "estimate", "e-Conomy SEA 2023", "high"),
                        new Coverage.Benchmark(2024, 2024, "ecommerce_gmv", new BigDecimal("65"), "estimate", "e-Conomy SEA 2024", "high")),
                Map.of(2024, new BigDecimal("15000")), new TreeMap<>(Map.of(2023, new BigDecimal("961000000000"),
                        2024, new BigDecimal("1153200000000"))), "ecommerce_gmv", "low", 0.15);
        assertEquals("tahun acuan 2023 tidak memiliki rata-rata kurs USD/IDR dalam tabel kurs; tidak dipakai", idWarning(r.warnings().get(0)));
        // ProjectTo2030.coverage (ProjectTo2030.java:378)
        assertEquals("rata-rata kurs USD/IDR 2024 hanya bertumpu pada 9 bulan dari fx_monthly.csv",
                idWarning("the 2024 USD/IDR average rests on 9 month(s) of fx_monthly.csv"));
        // IntervalCalibration.summary (IntervalCalibration.java:104)
        assertEquals("interval_calibration.csv tidak ditemukan di folder referensi (run.reference_dir): seberapa sering selang yang "
                + "diterbitkan memuat hasil sebenarnya tidak dinyatakan (berkas itu ditulis oleh EnsembleCoverageStudy calibration; "
                + "docs/PROJECTION.md §5)", idWarning("interval_calibration.csv not found in the reference folder (run.reference_dir): "
                + "how often the published intervals hold the outcome is not stated (EnsembleCoverageStudy calibration writes it; "
                + "docs/PROJECTION.md §5)"));
        // ProjectTo2030.noOrderLines (ProjectTo2030.java:166): the manifest does not say how many listing rows
        assertEquals("tidak ada penjualan baris pesanan yang selesai di out/aggregates/monthly_headline (semua pesanan dibatalkan, "
                + "dikembalikan atau dikarantina?): tidak ada yang dapat diproyeksikan. Periksa dump dengan `neraca validate`.",
                idWarning("no completed order-line sales in out/aggregates/monthly_headline (every order cancelled, returned or "
                        + "quarantined?): nothing to project from. Check `neraca validate` on the dumps."));
    }

    /** How the projection chose its models when the backtest rules out most of them (Projection.select, docs/PROJECTION.md §4). */
    @Test
    void theProjectionsModelSelectionWarningsReadInIndonesian() {
        // Projection.java:611
        assertEquals("tidak ada model dengan MASE uji balik paling tinggi 1,50 × MASE musiman naif; model terbaik "
                + "(holt_damped_seasonal) dipakai sendirian", idWarning("no model beat 1.50 × the seasonal-naive backtest MASE; the best "
                + "one (holt_damped_seasonal) is used alone"));
        // Projection.java:632
        assertEquals("setiap model yang lolos menurut MASE uji balik memiliki selang 80% yang memuat kurang dari 50% hasil uji balik "
                + "13 sampai 25 bulan ke depan; model yang memuat paling banyak (holt_damped_seasonal, 48,7%) dipakai sendirian, dan "
                + "selang proyeksi kemungkinan terlalu sempit", idWarning("every model kept by the backtest MASE has 80% intervals that "
                + "held less than 50% of the backtest's outcomes 13 to 25 months ahead; the one that held most (holt_damped_seasonal, "
                + "48.7%) is used alone, and the projection's intervals are likely too narrow"));
        // Projection.java:645
        assertEquals("pembobotan inverse_crps: ada model terpilih yang tidak memiliki CRPS uji balik; model-model terpilih diberi "
                + "bobot sama", idWarning("weighting inverse_crps: a kept model has no backtest CRPS; the kept models get equal weights"));
        // Projection.java:263
        assertEquals("project.backtest.min_interval_coverage: pemeriksaan selang memerlukan hasil 13 bulan ke depan dari 12 titik awal "
                + "uji balik atau lebih, sedangkan uji balik ini memiliki 0 (riwayat 36 bulan, min_train_months 24, max_horizon_months "
                + "24): tidak dijalankan, setiap model yang lolos menurut MASE tetap dipakai", idWarning("project.backtest."
                + "min_interval_coverage: the interval check needs outcomes 13 months ahead from 12 backtest origins or more, and this "
                + "backtest has 0 (36 months of history, min_train_months 24, max_horizon_months 24): not run, every model kept by the "
                + "MASE stays"));
    }

    /**
     * The report's own warnings: inputs missing or unreadable (ReportReader), outputs of two runs or of an earlier
     * configuration (core.Pipeline, read from the manifest), and the comparison with the previous report (Revisions, built
     * by its code). A message quoted from an exception stays English inside the sentence, said so.
     */
    @Test
    void theReportsOwnWarningsReadInIndonesian() throws Exception {
        // Pipeline.staleInputs (Pipeline.java:54) and configurationDrift (Pipeline.java:144)
        assertEquals("keluaran AggregateMonthly (run r2) lebih lama daripada keluaran ClassifySales (run r3) yang menjadi bahannya: "
                + "WriteReport membaca hasil dari dua run yang berbeda. Jalankan `neraca aggregate`, lalu `neraca project`, lalu "
                + "`neraca report` (atau `neraca run`)", idWarning("the outputs of AggregateMonthly (run r2) are older than those of "
                + "ClassifySales (run r3) they are made from: WriteReport reads results of two runs. Run `neraca aggregate`, then "
                + "`neraca project`, then `neraca report` (or `neraca run`)"));
        assertEquals("keluaran ClassifySales (run r1), AggregateMonthly (run r2) dibuat dengan konfigurasi sebelumnya (yang berubah "
                + "sejak itu: berkas yang tidak lagi tercatat): WriteReport membaca angka yang dibuat dengan berkas-berkas lama; "
                + "asal-usul data mencantumkan keduanya. Untuk menerapkan perubahan itu, jalankan ulang mulai dari tahap pertama yang "
                + "terkait (dari `neraca classify`, `neraca aggregate`, `neraca project`, `neraca report`), atau `neraca run`",
                idWarning("the outputs of ClassifySales (run r1), AggregateMonthly (run r2) were made under an earlier configuration "
                        + "(changed since: files no longer recorded): WriteReport reads figures made with the earlier files; the lineage "
                        + "lists both. To apply the change, rerun from the first stage it concerns (of `neraca classify`, `neraca "
                        + "aggregate`, `neraca project`, `neraca report`), or `neraca run`"));
        assertTrue(idWarning("the outputs of ClassifySales (run r1) were made under an earlier configuration (changed since: "
                + "/srv/neraca/data/config/classify_rules.yaml): WriteReport reads figures made with the earlier files; the lineage "
                + "lists both. To apply the change, rerun from the first stage it concerns (of `neraca classify`, `neraca aggregate`, "
                + "`neraca project`, `neraca report`), or `neraca run`").contains("(yang berubah sejak itu: "
                + "/srv/neraca/data/config/classify_rules.yaml)"));
        // ReportReader.read (ReportReader.java:84, 113, 161, 223) and its inputs (243, 284, 336, 380, 529, 551, 576, 619, 639, 653)
        assertEquals("out/classified tidak ada: jumlah penjual listing adalah batas bawah dari out/aggregates/monthly_detail, dan angka "
                + "suatu tahun hanya berasal dari bulan scraping terakhirnya (listing yang tidak ada pada scraping itu tidak terhitung)",
                idWarning("out/classified is missing: the listings' seller counts are lower bounds from out/aggregates/monthly_detail, "
                        + "and a year's figures are its latest scrape month's alone (a listing missing from that scrape is left out)"));
        assertEquals("out/classified dan out/aggregates/monthly_detail keduanya tidak ada: tidak ada tabel rincian, dan angka utama "
                + "tidak dapat diperiksa terhadap aturan pengungkapan", idWarning("out/classified and out/aggregates/monthly_detail are "
                + "both missing: no breakdown tables, and the headline's figures could not be checked against the disclosure rules"));
        assertEquals("tidak ada statistik penjual untuk 2024: angka utamanya tidak dapat diperiksa terhadap aturan pengungkapan; "
                + "periksa sebelum dipublikasikan", idWarning("no seller statistics for 2024: its headline figures could not be "
                + "checked against the disclosure rules; check before publishing"));
        assertEquals("berkas pemetaan tidak dapat dibaca untuk nama-nama marketplace (pesan galat, bahasa Inggris: data/marketplaces/"
                + "shopee.yaml: mapping: missing key 'columns' (in mapping)): laporan memakai nama-namanya sendiri dan id marketplace",
                idWarning("the mapping files could not be read for the marketplaces' names (data/marketplaces/shopee.yaml: mapping: "
                        + "missing key 'columns' (in mapping)): the report uses its own names and the marketplace ids"));
        assertEquals("classify_stats/by_class tidak dapat dibaca (pesan galat, bahasa Inggris: [CANNOT_READ_FILE_FOOTER] Could not "
                + "read footer)", idWarning("classify_stats/by_class could not be read ([CANNOT_READ_FILE_FOOTER] Could not read footer)"));
        assertEquals("statistik angka utama: kelas asal yang tidak dikenal 'IMPORTD' diabaikan",
                idWarning("headline statistics: unexpected origin class 'IMPORTD' ignored"));
        assertEquals("tabel provinsi: kelas asal yang tidak dikenal 'IMPORTD' diabaikan",
                idWarning("province table: unexpected origin class 'IMPORTD' ignored"));
        assertEquals("projection/targets tidak ada; target diambil dari projection/summary.json",
                idWarning("projection/targets is missing; targets taken from projection/summary.json"));
        assertEquals("projection/backtest tidak ada: tidak ada galat uji balik untuk ditampilkan",
                idWarning("projection/backtest is missing: no backtest errors to show"));
        assertEquals("projection/backtest tidak memuat baris ringkasan (origin ALL) untuk seri total_gmv: tidak ada galat uji balik "
                + "untuk ditampilkan; jalankan ulang `neraca project`", idWarning("projection/backtest has no summary rows (origin ALL) "
                + "for series total_gmv: no backtest errors to show; rerun `neraca project`"));
        assertEquals("data/reference/provinces.csv tidak ditemukan: provinsi ditampilkan dengan kodenya, hanya yang memiliki penjualan",
                idWarning("data/reference/provinces.csv not found: provinces shown by code, only those with sales"));
        assertEquals("data/reference/categories.csv tidak ditemukan: kategori ditampilkan dengan kode taksonominya",
                idWarning("data/reference/categories.csv not found: categories shown by their taxonomy code"));
        assertEquals("data/reference/categories.csv tidak memiliki kolom label_id: laporan berbahasa Indonesia menamai kategori dalam "
                + "bahasa Inggris", idWarning("data/reference/categories.csv has no label_id column: the Indonesian report names "
                + "categories in English"));
        // Revisions, as its code writes them
        JsonNode unexplained = new ObjectMapper().readTree(
                "{\"status\": \"unexplained\", \"figures_changed\": 2, \"previous_run_id\": \"20261201T101500Z-ab12\"}");
        assertEquals("2 angka berbeda dari laporan sebelumnya (run 20261201T101500Z-ab12) padahal berkas masukan, konfigurasi dan "
                + "kodenya sama dan kedua working tree bersih: run ini tidak mereproduksi run sebelumnya. Lihat revisions di "
                + "summary.json untuk angka-angkanya, dan docs/OPERATIONS.md (Reproducibility)",
                idWarning(Revisions.warning(unexplained).orElseThrow()));
        List<String> parsed = new ArrayList<>();
        Revisions.parsePrevious(Optional.of("{\"generated_at\": \"2026-12-01\"}"), parsed);
        Revisions.parsePrevious(Optional.of("{not json"), parsed);
        assertEquals("summary.json laporan sebelumnya tidak memuat run_id: tidak ada pembanding untuk laporan ini", idWarning(parsed.get(0)));
        String unreadable = idWarning(parsed.get(1));
        assertTrue(unreadable.startsWith("summary.json laporan sebelumnya tidak dapat dibaca (pesan galat, bahasa Inggris: ")
                && unreadable.endsWith("): tidak ada pembanding untuk laporan ini"), unreadable);
        // Revisions.history (Revisions.java:388, 396)
        assertEquals("history.csv laporan sebelumnya tidak memiliki kolom run_id di baris pertamanya (disunting secara manual?): "
                + "barisnya tidak dibawa, dan history.csv dimulai lagi dengan laporan ini", idWarning("the previous report's history.csv "
                + "has no run_id column in its first line (edited by hand?): its rows were not carried over, and history.csv starts "
                + "again with this report"));
        assertEquals("baris 3 pada history.csv memuat 5 nilai untuk 7 kolom: tidak dimasukkan ke history.csv yang baru",
                idWarning("history.csv line 3 has 5 values for 7 columns: left out of the new history.csv"));
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
