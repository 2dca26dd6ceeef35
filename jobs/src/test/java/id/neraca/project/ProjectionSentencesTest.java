package id.neraca.project;

import com.fasterxml.jackson.databind.JsonNode;
import id.neraca.report.LocaleFormat;
import id.neraca.report.Messages;
import id.neraca.report.StageNotes;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every sentence the projection writes into summary.json for a reader (its {@code warnings}, the reason nothing was
 * projected, each model's {@code warning}) reads in Indonesian in the Bahasa Indonesia report (id.neraca.report.StageNotes),
 * on the histories that give them: short, gappy, uncalibrated, noisy, a target before the data, a missing reference
 * file. The histories go through the stage's own steps (ProjectTo2030.input from aggregate rows, then project), so a
 * sentence added or reworded in the projection without its translation fails here instead of putting English, marked
 * "(bahasa Inggris)", before a minister. Pure Java.
 */
class ProjectionSentencesTest {
    private static final Messages ID = Messages.load("id");
    private static final LocaleFormat IDF = LocaleFormat.of("id");
    private static final Path REF = id.neraca.SparkTestBase.projectRoot().resolve("data/reference");
    private static final double BASE = 2.0e10;

    @TempDir
    Path tmp;

    /** What one history gave: its warnings in the stage's order and its models' notes. */
    private record Sentences(List<String> warnings, List<String> modelNotes) {}

    static List<Row> rows(YearMonth first, int n, IntToDoubleFunction total, double foreignShare) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigDecimal t = BigDecimal.valueOf(total.applyAsDouble(i)).setScale(2, RoundingMode.HALF_UP);
            BigDecimal q = t.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
            BigDecimal imported = t.multiply(BigDecimal.valueOf(foreignShare)).setScale(2, RoundingMode.HALF_UP);
            rows.add(RowFactory.create(first.plusMonths(i).toString(), t, q, imported, BigDecimal.ZERO));
        }
        return rows;
    }

    /** A seasonal series growing 1% a month, as the samples do. */
    static double seasonal(int i) {
        return BASE * (1 + 0.2 * Math.sin(i)) * (1 + 0.01 * i);
    }

    static ProjectConfig config(String coverage, ProjectConfig.BacktestSection backtest, List<ProjectConfig.Target> targets) {
        return new ProjectConfig(20300101L, 1000, 2040, null, null, backtest, null,
                new ProjectConfig.CoverageSection(coverage, coverage.equals("factor") ? 25000.0 : null, null, null, null, null, 0.15),
                targets, null);
    }

    /** The stage's steps (ProjectTo2030.runStage without Spark): the input's warnings first, then the projection's. */
    static Sentences project(List<Row> rows, ProjectConfig cfg, Path ref) {
        List<String> warnings = new ArrayList<>();
        Projection.Input in = ProjectTo2030.input(rows, warnings);
        Projection.Result r = ProjectTo2030.project(cfg, ref, in, ProjectTo2030.fullYearsBefore(rows, in));
        Set<String> all = new LinkedHashSet<>(warnings);
        r.summary().path("warnings").forEach(w -> all.add(w.asText()));
        all.addAll(r.warnings());
        if (r.summary().hasNonNull("not_projected_reason")) all.add(r.summary().get("not_projected_reason").asText());
        List<String> notes = new ArrayList<>();
        for (JsonNode m : r.summary().path("models")) if (m.path("warning").isTextual()) notes.add(m.get("warning").asText());
        for (Projection.ModelRow m : r.models()) if (m.warning() != null) notes.add(m.warning());
        return new Sentences(List.copyOf(all), notes);
    }

    /** The histories, each named; together they give every warning the projection can write without Spark. */
    List<Object[]> histories() throws IOException {
        List<Object[]> out = new ArrayList<>();
        ProjectConfig calibrated = config("benchmark_calibration", null, null);
        ProjectConfig factor = config("factor", null, null);
        out.add(new Object[]{"36 months, calibrated (the samples' shape)",
                project(rows(YearMonth.of(2023, 1), 36, ProjectionSentencesTest::seasonal, 0.45), calibrated, REF)});
        out.add(new Object[]{"13 months: growth scenarios, held shares, one full year",
                project(rows(YearMonth.of(2024, 12), 13, ProjectionSentencesTest::seasonal, 0.45), factor, REF)});
        out.add(new Object[]{"13 months with no whole calendar year",
                project(rows(YearMonth.of(2024, 6), 13, ProjectionSentencesTest::seasonal, 0.45), factor, REF)});
        out.add(new Object[]{"18 months: shares held at the last 12 months' level",
                project(rows(YearMonth.of(2024, 7), 18, ProjectionSentencesTest::seasonal, 0.45), factor, REF)});
        out.add(new Object[]{"25 months: one backtest origin",
                project(rows(YearMonth.of(2023, 12), 25, ProjectionSentencesTest::seasonal, 0.45), calibrated, REF)});
        out.add(new Object[]{"one month", project(rows(YearMonth.of(2025, 12), 1, i -> BASE, 0.45), calibrated, REF)});
        out.add(new Object[]{"six months", project(rows(YearMonth.of(2025, 7), 6, i -> BASE, 0.45), calibrated, REF)});
        out.add(new Object[]{"twelve months of 2025: no benchmark",
                project(rows(YearMonth.of(2025, 1), 12, ProjectionSentencesTest::seasonal, 0.45), calibrated, REF)});
        out.add(new Object[]{"fourteen months, October 2024 to November 2025",
                project(rows(YearMonth.of(2024, 10), 14, ProjectionSentencesTest::seasonal, 0.45), calibrated, REF)});
        // 2024-05 to 2024-08 missing: the gap cuts 2023, a benchmark year, off the modelled months
        List<Row> gap = new ArrayList<>(rows(YearMonth.of(2023, 1), 36, ProjectionSentencesTest::seasonal, 0.45));
        gap.removeIf(r -> r.getString(0).compareTo("2024-05") >= 0 && r.getString(0).compareTo("2024-08") <= 0);
        out.add(new Object[]{"a gap that cuts a benchmark year", project(gap, calibrated, REF)});
        out.add(new Object[]{"an empty month inside",
                project(rows(YearMonth.of(2023, 1), 36, i -> i == 20 ? 0 : seasonal(i), 0.45), factor, REF)});
        out.add(new Object[]{"no foreign-origin sale in any month",
                project(rows(YearMonth.of(2023, 1), 36, ProjectionSentencesTest::seasonal, 0), factor, REF)});
        // the TikTok Shop sample alone: the annual log-linear model's interval explodes and it is dropped
        double[] tiktok = ProjectionRobustnessTest.TIKTOK_ONLY;
        out.add(new Object[]{"one noisy marketplace: a model dropped",
                project(rows(YearMonth.of(2023, 1), tiktok.length, i -> tiktok[i], 0.45), factor, REF)});
        out.add(new Object[]{"targets before the data and in a partly observed year",
                project(rows(YearMonth.of(2023, 6), 31, ProjectionSentencesTest::seasonal, 0.45), config("factor", null,
                        List.of(ProjectionRobustnessTest.target("early", 2010), ProjectionRobustnessTest.target("partial", 2023),
                                ProjectionRobustnessTest.target("future", 2030))), REF)});
        out.add(new Object[]{"the interval check asked for but not run",
                project(rows(YearMonth.of(2023, 1), 36, ProjectionSentencesTest::seasonal, 0.45),
                        config("factor", new ProjectConfig.BacktestSection(null, "24", null, null, 0.5), null), REF)});
        out.add(new Object[]{"a reference folder without the interval calibration, FX months missing", project(
                rows(YearMonth.of(2023, 1), 36, ProjectionSentencesTest::seasonal, 0.45), calibrated, referenceWithFxGaps())});
        return out;
    }

    /**
     * The bundled benchmarks beside an FX table without 2023's USD rates and without three of 2024's, and no
     * interval_calibration.csv.
     */
    private Path referenceWithFxGaps() throws IOException {
        Path ref = Files.createDirectories(tmp.resolve("reference"));
        Files.copy(REF.resolve("econ_benchmarks.csv"), ref.resolve("econ_benchmarks.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> fx = new ArrayList<>();
        for (String line : Files.readAllLines(REF.resolve("fx_monthly.csv"))) {
            boolean usd = line.contains(",USD,");
            if (usd && (line.startsWith("2023-") || line.startsWith("2024-01") || line.startsWith("2024-02") || line.startsWith("2024-03"))) {
                continue;
            }
            fx.add(line);
        }
        Files.write(ref.resolve("fx_monthly.csv"), fx);
        return ref;
    }

    @Test
    void everySentenceTheProjectionWritesOnTheseHistoriesReadsInIndonesian() throws IOException {
        List<String> english = new ArrayList<>();
        Set<String> said = new LinkedHashSet<>();
        for (Object[] h : histories()) {
            Sentences s = (Sentences) h[1];
            for (String w : s.warnings()) {
                StageNotes.Note n = StageNotes.localiseWarning(w, ID, IDF);
                if (n.english()) english.add(h[0] + ", warning: " + w);
                else said.add(n.text());
            }
            for (String w : s.modelNotes()) {
                StageNotes.Note n = StageNotes.localise(w, ID, IDF);
                if (n.english()) english.add(h[0] + ", model note: " + w);
                else said.add(n.text());
            }
        }
        assertTrue(english.isEmpty(), "sentences the Indonesian report would show in English (add a rule to StageNotes and "
                + "a message to messages_id.properties):\n" + String.join("\n", english));
        // the histories give what they are named for: each sentence's Indonesian opening, at least once
        for (String opening : List.of(
                "kalibrasi cakupan memakai acuan berkeyakinan rendah", "faktor cakupan dikalibrasi pada 2 tahun saja",
                "riwayat hanya 13 bulan (< 24): model musiman tidak diestimasi",
                "uji balik bulanan hanya memiliki 0 titik awal", "uji balik bulanan hanya memiliki 1 titik awal",
                "tidak ada uji balik untuk skenario pertumbuhan", "loglinear_seasonal tidak diestimasi: riwayat 13 bulan",
                "holt_damped_seasonal tidak diestimasi: riwayat 13 bulan; pemulusan bertren teredam dengan musim",
                "holt_linear_seasonal tidak diestimasi: riwayat 13 bulan; pemulusan bertren linear (Holt) dengan musim",
                "baru 1 tahun penuh yang teramati (< project.min_annual_points = 3)", "hanya 1 tahun penuh (diperlukan sedikitnya 3)",
                "tidak ada tahun kalender yang teramati penuh", "pangsa UMKM lokal ditahan pada tingkatnya selama 12 bulan terakhir",
                "hanya 1 bulan berturut-turut penjualan selesai (Desember 2025 sampai Desember 2025)",
                "hanya 6 bulan berturut-turut penjualan selesai (Juli 2025 sampai Desember 2025)",
                "tidak ada tahun yang sekaligus teramati penuh (tahun yang teramati penuh: 2025)",
                "tidak ada tahun yang sekaligus teramati penuh (tahun yang teramati penuh: tidak ada)",
                "bulan-bulan sebelum September 2024 tidak dipakai: sesudah April 2024 ada bulan yang hilang",
                "bulan-bulan sebelum Oktober 2024 tidak dipakai: September 2024 kosong",
                "pangsa barang asal luar negeri sebesar 0% pada setiap bulan yang teramati",
                "model loglinear_annual dibuang: selang 95%-nya untuk ", "dibuang: selang 95%-nya untuk ",
                "target early (project.targets[0].year = 2010): 2010 berada sebelum bulan pertama yang dimodelkan, Juni 2023",
                "target partial (project.targets[1].year = 2023): 2023 hanya teramati selama 7 bulan",
                "project.backtest.min_interval_coverage: pemeriksaan selang memerlukan hasil 13 bulan ke depan",
                "tahun acuan 2023 tidak memiliki rata-rata kurs USD/IDR", "rata-rata kurs USD/IDR 2024 hanya bertumpu pada 9 bulan",
                "interval_calibration.csv tidak ditemukan di folder referensi")) {
            assertTrue(said.stream().anyMatch(x -> x.startsWith(opening)), opening + " in\n" + String.join("\n", said));
        }
        assertTrue(said.stream().anyMatch(x -> x.contains("Dump memang memuat 2023 secara utuh")), String.join("\n", said));
    }

    /**
     * Sentences of the stage that need Spark or a rare backtest to appear, built by the code that writes them: nothing
     * projected from listing snapshots alone, a model failing the interval check, a dropped model's reasons.
     */
    @Test
    void theStagesOtherSentencesAsItWritesThemReadInIndonesian() {
        for (String w : List.of(ProjectTo2030.noOrderLines(1234), ProjectTo2030.noOrderLines(-1), ProjectTo2030.noOrderLines(0))) {
            assertFalse(StageNotes.localiseWarning(w, ID, IDF).english(), w);
        }
        assertEquals("tidak ada penjualan baris pesanan yang selesai: dump hanya memuat 1.234 baris cuplikan listing (LISTING_PERIOD: "
                + "jumlah terjual kumulatif pada tanggal scraping, bukan penjualan sebulan), yang tidak pernah masuk ke seri bulanan. "
                + "Proyeksi memerlukan ekspor pesanan bulanan; komposisi listing yang teramati tetap tersedia di "
                + "out/aggregates/monthly_detail.", StageNotes.localiseWarning(ProjectTo2030.noOrderLines(1234), ID, IDF).text());
        // a Holt model on too few points names itself as the damped or the linear trend (the linear one has no annual form
        // in the projection, but its short-series wording is the model's own)
        for (id.neraca.project.model.HoltDamped m : List.of(new id.neraca.project.model.HoltDamped(false, 0, 6, "holt_damped_annual"),
                id.neraca.project.model.HoltDamped.linear(false, 0, 6, "holt_linear_annual"))) {
            String why = m.unsupportedReason(3, 1);
            assertEquals(m.damped() ? "3 titik; pemulusan bertren teredam memerlukan sedikitnya 6"
                    : "3 titik; pemulusan bertren linear (Holt) memerlukan sedikitnya 6", StageNotes.localise(why, ID, IDF).text(), why);
        }
        String interval = Projection.intervalWarning(new id.neraca.project.model.Backtest.Coverage("holt_damped_seasonal", 13, 25,
                0.385, 0.6, 234, 24), 0.5);
        assertEquals("tidak dipilih: selang 80%-nya memuat 38,5% hasil uji balik 13 sampai 25 bulan ke depan (234 prakiraan dari 24 "
                + "titik awal), di bawah project.backtest.min_interval_coverage 0,50: terlalu sempit lebih dari setahun ke depan",
                StageNotes.localise(interval, ID, IDF).text());
        // Projection.implausible's four reasons, as a model's note ("dropped: …") and in the warning
        YearMonth last = YearMonth.of(2025, 12);
        double ref = 1.5e15;
        List<String> reasons = List.of(
                Projection.implausible(List.of(new Projection.SeriesRow(Projection.TOTAL, "m", "annual", "2030", "PROJECTED",
                        2e15, 1e13, 1e17, 2e12, 2.1e18, null)), ref, last),
                Projection.implausible(List.of(new Projection.SeriesRow(Projection.TOTAL, "m", "annual", "2040", "PROJECTED",
                        2e15, 1e13, 1e17, 1e14, 1e21, null)), 1e16, last),
                Projection.implausible(List.of(new Projection.SeriesRow(Projection.TOTAL, "m", "annual", "2040", "PROJECTED",
                        2e15, 1e13, 1e17, 1e6, 1e17, null)), ref, last),
                Projection.implausible(List.of(new Projection.SeriesRow(Projection.TOTAL, "m", "monthly", "2026-01", "PROJECTED",
                        Double.NaN, 1e13, 1e17, 9e11, 1e17, null)), ref, last));
        List<String> expected = List.of(
                "selang 95%-nya untuk 2030 mencapai Rp2.100.000,0 triliun, 1.400 kali nilai nasional 12 bulan terakhir yang teramati "
                        + "(Rp1.500,0 triliun); lebih dari 1.000 kali dalam 5 tahun tidak kredibel",
                "selang 95%-nya untuk 2040 mencapai Rp1.000.000.000,0 triliun, melampaui Rp1.000.000.000,0 triliun yang dapat dimuat "
                        + "keluarannya",
                "selang 95%-nya untuk 2040 turun sampai Rp1,0 juta, 1/1.500.000.000 dari nilai nasional 12 bulan terakhir yang "
                        + "teramati (Rp1.500,0 triliun); kurang dari 1/1.000.000.000 pada 15 tahun ke depan tidak kredibel",
                "nilai bulanan hasil simulasinya untuk Januari 2026 bukan bilangan terhingga");
        for (int i = 0; i < reasons.size(); i++) {
            assertEquals("dibuang: " + expected.get(i), StageNotes.localise("dropped: " + reasons.get(i), ID, IDF).text(), reasons.get(i));
        }
        StageNotes.Note w = StageNotes.localiseWarning("model drift_annual dropped: " + reasons.get(0) + " (a short or noisy history: "
                + "docs/PROJECTION.md §5). Its projection is not published and it carries no weight", ID, IDF);
        assertEquals(new StageNotes.Note("model drift_annual dibuang: " + expected.get(0) + " (riwayat yang pendek atau sangat "
                + "berfluktuasi: docs/PROJECTION.md §5). Proyeksinya tidak diterbitkan dan model ini tidak diberi bobot", false), w);
    }
}
