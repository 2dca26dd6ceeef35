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
        return runAt(chromium, profile, "1280,2400", args);
    }

    /** {@link #run} in a window of {@code windowSize} ("width,height" in CSS pixels). */
    private static String runAt(Path chromium, Path profile, String windowSize, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--hide-scrollbars", "--window-size=" + windowSize));
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

    /**
     * Measures the page as laid out, in the browser: every word or figure of a table cell that wraps inside itself
     * (a token, split at spaces, hyphens, slashes and en dashes, whose text spans two lines), every table wider than
     * its box, every block that may not break (or grid) but is taller than an A4 page's text (265 mm), captions ending in a
     * separator, and where the answers' cards end. The result is put in the page as JSON for {@code --dump-dom}.
     */
    private static final String MEASURE = """
            <script>(function () {
              var pageHeight = 265 / 25.4 * 96, out = {split: [], wide: [], tall: [], captions: [], cardsBottom: 0, pageHeight: pageHeight};
              document.querySelectorAll('td, th').forEach(function (cell) {
                var w = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (var n = w.nextNode(); n; n = w.nextNode()) {
                  if (n.parentElement.closest('code')) continue;
                  var re = /-?[^\\s\\-\\/\\u2013]+[\\-\\/\\u2013]?/g, m;
                  while ((m = re.exec(n.data))) {
                    var r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
                    var lines = {};
                    Array.prototype.forEach.call(r.getClientRects(), function (q) { if (q.width > 0) lines[Math.round(q.top)] = 1; });
                    if (Object.keys(lines).length > 1) out.split.push(m[0]);
                  }
                }
              });
              document.querySelectorAll('table').forEach(function (t) {
                var tw = t.getBoundingClientRect().width, bw = t.parentElement.getBoundingClientRect().width;
                if (tw > bw + 1) out.wide.push((t.id || t.className) + ' ' + Math.round(tw) + ' > ' + Math.round(bw));
              });
              document.querySelectorAll('body *').forEach(function (e) {
                var s = getComputedStyle(e), h = e.getBoundingClientRect().height;
                // Chrome moves a grid taller than the rest of a page to the next one whole, like a block that may not break
                // (the methodology's list left its heading alone on a page)
                if ((s.breakInside === 'avoid' || s.breakInside === 'avoid-page' || s.display === 'grid') && h > pageHeight)
                  out.tall.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '') + ' ' + Math.round(h));
              });
              document.querySelectorAll('figcaption').forEach(function (c) { if (/\u00b7$/.test(c.innerText.trim())) out.captions.push(c.innerText.trim()); });
              var cards = document.querySelector('.cards');
              if (cards) out.cardsBottom = Math.round(cards.getBoundingClientRect().bottom + window.scrollY);
              var pre = document.createElement('pre'); pre.id = 'layout-audit'; pre.textContent = JSON.stringify(out);
              document.body.appendChild(pre);
            })();</script>
            """;

    private JsonNode layout(Path chromium, String lang, boolean print, String windowSize) throws Exception {
        return layout(chromium, Files.readString(out.resolve("report/index." + lang + ".html")), lang, print, windowSize);
    }

    private JsonNode layout(Path chromium, String html, String lang, boolean print, String windowSize) throws Exception {
        // printing, emulated: the print rules apply to a window of the A4 text width (210 - 2 x 14 mm = 688 px), the
        // screen-only ones do not
        if (print) html = html.replace("@media print {", "@media all {").replace("@media screen", "@media not all");
        Path page = Files.createTempFile(tmp, "layout-" + lang + (print ? "-print-" : "-" + windowSize.replace(',', 'x') + "-"), ".html");
        Files.writeString(page, html.replace("</body>", MEASURE + "</body>"));
        String dom = runAt(chromium, tmp.resolve("profile-" + page.getFileName()), windowSize, "--dump-dom", page.toUri().toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<pre id=\"layout-audit\">(.*?)</pre>").matcher(dom);
        assertTrue(m.find(), lang + ": the measuring script ran");
        return new ObjectMapper().readTree(m.group(1).replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&"));
    }

    /**
     * The report as economists print it (A4) and read it on a laptop (1366 px). The print audit of 2 Dec 2026 found, on
     * the samples' PDF: figures broken inside ("202 / 3", "Rp40 / 0,0 triliun", "IDR 4,531. / 0", a gap's "-" on one line
     * and its rupiah on the next) because every cell could break anywhere; the methodology's list and the tables of one
     * row per file or horizon, kept whole but longer than a page, pushed to the next page with their heading left alone
     * on a blank one; the Bahasa Indonesia report's first page holding its title alone, the answers' cards pushed to page
     * 2; captions ending in a "·" where the hidden SVG and PNG links were; and on a laptop, the target table wider than
     * the page, its probability and verdict off screen.
     */
    @Test
    void printsOnA4AndReadsOnALaptopWithoutBreakingAFigure() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no chromium binary (install with .ci/browser-deps)");
        for (String lang : List.of("id", "en")) {
            JsonNode print = layout(chromium.get(), lang, true, "688,1000");
            assertEquals("[]", print.path("split").toString(), lang + ", printed: figures or words broken inside");
            assertEquals("[]", print.path("wide").toString(), lang + ", printed: tables wider than the page");
            assertEquals("[]", print.path("tall").toString(), lang + ", printed: unbreakable blocks taller than a page");
            assertEquals("[]", print.path("captions").toString(), lang + ", printed: captions ending in a separator");
            assertTrue(print.path("cardsBottom").asDouble() > 0 && print.path("cardsBottom").asDouble() <= print.path("pageHeight").asDouble(),
                    lang + ", printed: the answers end at " + print.path("cardsBottom") + " px, after the first page");
            JsonNode laptop = layout(chromium.get(), lang, false, "1366,900");
            assertEquals("[]", laptop.path("wide").toString(), lang + ", 1366 px: tables wider than the page");
            assertEquals("[]", laptop.path("split").toString(), lang + ", 1366 px: figures or words broken inside");
        }
    }

    /**
     * The first page holds the title and the three answers also when the third is long: a projection on growth scenarios
     * alone (14 months) with a "digital economy" target below the observed value and another the projection does not
     * reach, in Bahasa Indonesia, as the 14-month sample of the print audit of 2 Dec 2026, whose page 1 held the title alone
     * (the cards, kept whole, went to page 2). And a methodology as long as the samples' (six currencies' FX sources) is
     * not moved whole to the next page, which left its heading alone on one (it was a grid). Rendered from hand-made data
     * (ReportViewTest's) with the report's CSS.
     */
    @Test
    void theFirstPrintedPageHoldsTheAnswersWhenTheThirdIsLong() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no chromium binary (install with .ci/browser-deps)");
        JsonNode scenarioOnly = new ObjectMapper().readTree("""
                {"months_observed": 14, "selected": "ensemble", "last_observed_year": 2025, "last_observed_year_value_idr": 1911100000000000,
                 "scenarios": {"cagr_low_pct": 5.0, "cagr_base_pct": 12.0, "cagr_high_pct": 20.0},
                 "models": [
                  {"name": "cagr_low", "frequency": "monthly", "supported": true, "weight": 0.0},
                  {"name": "cagr_base", "frequency": "monthly", "supported": true, "weight": 1.0},
                  {"name": "cagr_high", "frequency": "monthly", "supported": true, "weight": 0.0},
                  {"name": "loglinear_seasonal", "frequency": "monthly", "supported": false, "weight": 0.0}]}""");
        ReportData base = ReportViewTest.data(List.of(ReportViewTest.headline("2025", "400", "80", "780", "30", "560")),
                ReportViewTest.projection(List.of(
                        ReportViewTest.target("artikel VIVA 2023", "400000000000000", "3376900000000000", "digital_economy"),
                        ReportViewTest.target("jalur Kemendag/KemenKopUKM, 2021", "4531000000000000", "3376900000000000", "digital_economy")),
                        List.of(), scenarioOnly));
        List<ReportData.FxRange> fx = new ArrayList<>();
        for (String currency : List.of("CNY", "JPY", "KRW", "MYR", "SGD", "USD")) {
            fx.add(new ReportData.FxRange(currency, "2015-01", "2026-12", new java.math.BigDecimal("1931.74"), new java.math.BigDecimal("2543.44"),
                    "cross rate: OECD/FRED rupiah per US dollar divided by units per US dollar from FRED series DEX" + currency
                            + " (H.10 noon buying rates: monthly average of daily rates; sources/fred_daily_units_per_usd.csv); cross rate: "
                            + "OECD/FRED rupiah per US dollar divided by units per US dollar; the units per US dollar are reconstructed "
                            + "(sources/units_per_usd_monthly.csv; verify against bi.go.id)", "2026-01"));
        }
        ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), base.breakdowns(),
                base.evidence(), base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(),
                base.classifyStats(), Optional.of(fx), base.provinceNames(), base.categoryLabels(), base.manifest(), base.config(),
                base.warnings());
        for (String lang : List.of("id", "en")) {
            java.util.Map<String, Object> c = new java.util.LinkedHashMap<>(new ReportView(d, lang).context(null));
            c.put("css", WriteReport.resource("report/report.css"));
            String html = WriteReport.render("report/index.html.mustache", WriteReport.htmlCompiler(), c);
            assertTrue(html.contains("class=\"card target\"") && html.contains(lang.equals("id") ? "asumsi, bukan estimasi" : "an assumption, not an estimate"),
                    lang + ": the long third answer");
            JsonNode print = layout(chromium.get(), html, lang, true, "688,1000");
            assertTrue(print.path("cardsBottom").asDouble() > 0 && print.path("cardsBottom").asDouble() <= print.path("pageHeight").asDouble(),
                    lang + ", printed: the answers end at " + print.path("cardsBottom") + " px, after the first page ("
                            + Math.round(print.path("pageHeight").asDouble()) + " px)");
            assertEquals("[]", print.path("split").toString(), lang + ", printed: figures or words broken inside");
            assertEquals("[]", print.path("wide").toString(), lang + ", printed: tables wider than the page");
            assertEquals("[]", print.path("tall").toString(), lang + ", printed: unbreakable blocks taller than a page");
        }
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }
}
