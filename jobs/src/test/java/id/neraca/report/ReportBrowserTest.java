package id.neraca.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.neraca.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The report as a reader sees it: headless Chromium (Debian's {@code chromium}, installed by
 * {@code .ci/browser-deps}) opens {@code index.html} from disk with networking off, and the rendered DOM must
 * show the headline figures, the answers and the charts. A screenshot is kept in
 * {@code jobs/target/report-screenshots/} for a person to look at. Skipped only when no chromium binary exists.
 */
class ReportBrowserTest extends SparkTestBase {
    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void writeReport() {
        assumeTrue(chromium().isPresent(), "no chromium binary (install with .ci/browser-deps)");
        out = ReportRun.shared(spark).full();
    }

    static Optional<Path> chromium() {
        String env = System.getenv("CHROMIUM");
        List<String> candidates = new ArrayList<>();
        if (env != null) candidates.add(env);
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    private static String run(Path chromium, Path profile, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--hide-scrollbars", "--window-size=1280,2400"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(tmp, "chromium", ".log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + cmd);
        }
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(log));
        return new String(stdout, StandardCharsets.UTF_8);
    }

    @Test
    void headlineFiguresAndChartsAreRenderedInBothLanguages() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no chromium binary (install with .ci/browser-deps)");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("report/summary.json").toFile());
        String umkm = summary.path("headline").path("local_umkm_share_pct").decimalValue()
                .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        String foreign = summary.path("headline").path("foreign_origin_share_pct").decimalValue()
                .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        Path shots = SparkTestBase.projectRoot().resolve("jobs/target/report-screenshots");
        Files.createDirectories(shots);
        for (String lang : List.of("id", "en")) {
            Path page = out.resolve("report/index." + lang + ".html");
            String dom = run(chromium.get(), tmp.resolve("profile-dom-" + lang), "--dump-dom", page.toUri().toString());
            char sep = lang.equals("id") ? ',' : '.';
            assertTrue(dom.contains("id=\"headline-umkm-share\">" + umkm.replace('.', sep) + "%<"), lang + ": UMKM share " + umkm);
            assertTrue(dom.contains("id=\"headline-foreign-share\">" + foreign.replace('.', sep) + "%<"), lang + ": foreign share");
            assertTrue(dom.contains(lang.equals("id") ? "Apakah target 2030 tercapai?" : "Will the 2030 target be reached?"));
            int svgs = count(dom, "<svg");
            assertTrue(svgs >= 5, lang + ": " + svgs + " charts in the rendered page");
            assertTrue(dom.contains(lang.equals("id") ? "Proyeksi nilai GMV e-commerce nasional dan target 2030" : "National e-commerce GMV: projection and the 2030 targets"),
                    "chart titles are text in the DOM");
            // the comparison with the previous report: this folder's first, and it says so
            assertTrue(dom.contains(lang.equals("id") ? "Ini laporan pertama di folder keluaran ini" : "This is the first report in this output folder"),
                    lang + ": the revisions section");
            Path shot = shots.resolve("index." + lang + ".png");
            Files.deleteIfExists(shot);
            run(chromium.get(), tmp.resolve("profile-shot-" + lang), "--screenshot=" + shot, page.toUri().toString());
            assertTrue(Files.size(shot) > 50_000, "a screenshot with content: " + shot);
        }
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }
}
