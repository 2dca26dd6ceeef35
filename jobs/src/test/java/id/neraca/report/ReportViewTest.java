package id.neraca.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's words and numbers on hand-made {@link ReportData} (no Spark): what a label says a column holds
 * must be what the column holds.
 */
class ReportViewTest {
    /** The default rules (data/config/neraca.yaml): 3 sellers, 85% dominance, 10% protection. */
    static final Disclosure.Rules RULES = new Disclosure.Rules(3, 0.85, 0.10);

    static final ObjectMapper JSON = new ObjectMapper();

    static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    static ReportData.Headline headline(String year, String umkm, String large, String imported, String xb, String unknown) {
        BigDecimal total = bd(umkm).add(bd(large)).add(bd(imported)).add(bd(xb)).add(bd(unknown));
        return new ReportData.Headline(year, 12, total, bd(umkm), bd(large), bd(imported), bd(xb), bd(unknown), 100, 150, 40, Map.of());
    }

    /** A target of 2030 against a projected value, with the gap as out/projection/targets writes it: target − projected. */
    static ReportData.Target target(String name, String targetIdr, String projectedIdr) {
        return target(name, targetIdr, projectedIdr, null);
    }

    static ReportData.Target target(String name, String targetIdr, String projectedIdr, String scope) {
        BigDecimal t = bd(targetIdr);
        BigDecimal p = bd(projectedIdr);
        return new ReportData.Target(name, name, 2030, t, p, p.multiply(bd("0.8")), p.multiply(bd("1.2")),
                p.multiply(bd("0.6")), p.multiply(bd("1.4")), t.subtract(p), t.compareTo(p) <= 0 ? 0.9 : 0.1,
                t.compareTo(p) <= 0 ? 2027 : null, null, 5.0, null, scope);
    }

    static ReportData.Projection projection(List<ReportData.Target> targets, List<ReportData.Backtest> backtest, JsonNode summary) {
        List<ReportData.Point> points = List.of(
                new ReportData.Point("2025", "OBSERVED", bd("1000000000000000"), null, null, null, null),
                new ReportData.Point("2030", "PROJECTED", bd("2000000000000000"), bd("1600000000000000"), bd("2400000000000000"),
                        bd("1200000000000000"), bd("2800000000000000")));
        return new ReportData.Projection("total_gmv", "ensemble", true, points, targets, backtest, Optional.ofNullable(summary));
    }

    static ReportData data(List<ReportData.Headline> annual, ReportData.Projection projection) {
        return new ReportData("run-1", "2025-12-01T00:00:00Z", new ArrayList<>(annual), List.of(), Map.of(), Optional.empty(),
                Optional.empty(), projection, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                Map.of(), JSON.createObjectNode(), ReportConfig.defaults(), List.of());
    }

    /**
     * A long history's backtest scores up to 36 months ahead (docs/PROJECTION.md §4): the report's table shows each month
     * of the first year, then 24 and 36 months, and says that backtest.csv has every horizon; annual rows and a
     * backtest of 12 months are shown whole, without the sentence.
     */
    @Test
    void aBacktestBeyondAYearShowsItsWholeYears() {
        List<ReportData.Backtest> rows = new ArrayList<>();
        for (int h = 0; h <= 36; h++) rows.add(new ReportData.Backtest("drift_seasonal", h, 0.05, 0.5, 40, "total_gmv", "monthly"));
        for (int h = 0; h <= 3; h++) rows.add(new ReportData.Backtest("drift_annual", h, 0.05, 0.5, 4, "total_gmv", "annual"));
        ReportData base = simple();
        ReportData d = data(base.annual(), projection(base.projection().targets(), rows, null));
        for (String lang : List.of("en", "id")) {
            String md = markdown(d, lang);
            List<String> monthly = new ArrayList<>();
            Matcher m = Pattern.compile("\\| `drift_seasonal` \\| [^|]+ \\| ([^|]+) \\|").matcher(md);
            while (m.find()) monthly.add(m.group(1).strip());
            assertEquals(List.of(lang.equals("en") ? "all" : "semua", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "24", "36"),
                    monthly, lang);
            assertEquals(4, Pattern.compile("\\| `drift_annual` \\|").matcher(md).results().count(), lang + ": annual rows whole");
            assertTrue(md.contains("out/projection/backtest.csv"), lang);
        }
        List<ReportData.Backtest> year = rows.stream().filter(b -> b.horizon() <= 12).toList();
        String md = markdown(data(base.annual(), projection(base.projection().targets(), year, null)), "en");
        assertEquals(13, Pattern.compile("\\| `drift_seasonal` \\|").matcher(md).results().count());
        assertFalse(md.contains("out/projection/backtest.csv has every horizon"), "nothing left out, nothing said");
    }

    /**
     * Category labels the taxonomy does not know are counted under Other at ingest; the category table says how many
     * sales lines that is, so that a large Other row is explained (the manifest names the labels), in both languages;
     * not when every label was known.
     */
    @Test
    void theCategoryTableSaysHowManySalesCarryALabelTheTaxonomyDoesNotKnow() {
        Disclosure.Cell c = new Disclosure.Cell(new BigDecimal("1000000"), 5, new BigDecimal("300000"));
        Disclosure.Cell[][] grid = new Disclosure.Cell[2][6];
        Disclosure.Status[][] status = new Disclosure.Status[2][6];
        for (Disclosure.Cell[] row : grid) java.util.Arrays.fill(row, c);
        for (Disclosure.Status[] row : status) java.util.Arrays.fill(row, Disclosure.Status.PUBLISHED);
        ReportData.Breakdown category = new ReportData.Breakdown("category", "category", List.of("other"), grid, status, true, 2025);
        ReportData base = simple();
        com.fasterxml.jackson.databind.node.ObjectNode manifest = JSON.createObjectNode();
        manifest.putObject("stages").putObject("IngestDumps").put("accepted", 12345).put("unknown_category_rows", 1234)
                .put("unknown_category_labels", 7);
        ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), Map.of("category", category),
                base.evidence(), base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(), base.classifyStats(),
                base.fx(), base.provinceNames(), base.categoryLabels(), manifest, base.config(), base.warnings());
        assertTrue(html(d, "en").contains("1,234 of the 12,345 sales lines ingested carry one of 7 marketplace category labels the "
                + "taxonomy does not know; they are counted under Other"), html(d, "en"));
        assertTrue(markdown(d, "id").contains("1.234 dari 12.345 baris penjualan yang diterima memakai salah satu dari 7 label kategori"),
                markdown(d, "id"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.at("/stages/IngestDumps")).put("unknown_category_rows", 0);
        assertFalse(html(d, "en").contains("the taxonomy does not know"), "every label known: no note");
    }

    /**
     * A class the headline withholds (one large local firm) is withheld in every table, its empty cells too: its only
     * non-empty cells among "–" told where it sells (the economists' audit: one East Java electronics seller). A
     * published class keeps its "–". A row whose published cells add up to its published total shows its empty cells
     * as "–": its withheld cells are known to be zero, and "[c]" there hid nothing (the audit's cross-border storefronts
     * row: Local large and Unknown "[c]" beside a cross-border cell equal to the row total); so does a row with no sales
     * at all, whose total is "–" (the samples' Aceh showed "[c]" for both withheld classes beside a "–" total).
     */
    @Test
    void theEmptyCellsOfAClassTheHeadlineWithholdsAreWithheldToo() {
        Disclosure.Cell c = new Disclosure.Cell(new BigDecimal("1000000"), 5, new BigDecimal("300000"));
        Disclosure.Cell[][] grid = new Disclosure.Cell[5][6];
        Disclosure.Status[][] status = new Disclosure.Status[5][6];
        for (Disclosure.Cell[] row : grid) java.util.Arrays.fill(row, c);
        for (Disclosure.Status[] row : status) java.util.Arrays.fill(row, Disclosure.Status.PUBLISHED);
        int large = ReportData.CLASSES.indexOf("LOCAL_LARGE");
        int cross = ReportData.CLASSES.indexOf("CROSS_BORDER");
        int unknown = ReportData.CLASSES.indexOf("UNKNOWN");
        // row 0: the firm's province (its cell withheld by the rules); row 1: empty for the firm, its unknown sales withheld
        // as the headline withholds them; both empty for cross-border; row 2: empty for the firm and for unknown
        status[0][large] = Disclosure.Status.PRIMARY;
        status[0][unknown] = Disclosure.Status.SECONDARY;
        status[1][large] = Disclosure.Status.EMPTY;
        status[1][cross] = Disclosure.Status.EMPTY;
        status[1][unknown] = Disclosure.Status.SECONDARY;
        status[2][large] = Disclosure.Status.EMPTY;
        status[2][unknown] = Disclosure.Status.EMPTY;
        grid[1][large] = grid[1][cross] = grid[2][large] = grid[2][unknown] = Disclosure.Cell.EMPTY;
        // row 3: a province with no sales at all (every cell and the total empty); row 4: the total row
        java.util.Arrays.fill(grid[3], Disclosure.Cell.EMPTY);
        java.util.Arrays.fill(status[3], Disclosure.Status.EMPTY);
        status[4][large] = Disclosure.Status.SECONDARY;
        status[4][unknown] = Disclosure.Status.SECONDARY;
        ReportData.Breakdown province = new ReportData.Breakdown("province", "province", List.of("35", "32", "51", "11"), grid, status, true, 2025);
        ReportData.Headline h = simple().annual().get(0).withDisclosure(Map.of("LOCAL_LARGE", Disclosure.Status.PRIMARY,
                "UNKNOWN", Disclosure.Status.SECONDARY));
        ReportData base = data(List.of(h), simple().projection());
        ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), Map.of("province", province),
                base.evidence(), base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(), base.classifyStats(),
                base.fx(), Map.of("35", "Jawa Timur", "32", "Jawa Barat", "51", "Bali", "11", "Aceh"), base.categoryLabels(), base.manifest(),
                base.config(), base.warnings());
        for (String lang : List.of("en", "id")) {
            String md = markdown(d, lang);
            String[] west = md.lines().filter(l -> l.startsWith("| Jawa Barat (32) |")).findFirst().orElseThrow().split("\\|");
            assertEquals("[c]", west[2 + large].trim(), lang + ": the firm does not sell here, which [c] hides");
            assertEquals("[c]", west[2 + unknown].trim(), lang);
            assertEquals("–", west[2 + cross].trim(), lang + ": a published class keeps its –");
            String[] bali = md.lines().filter(l -> l.startsWith("| Bali (51) |")).findFirst().orElseThrow().split("\\|");
            assertEquals("–", bali[2 + large].trim(), lang + ": the row adds up without it: known to be zero");
            assertEquals("–", bali[2 + unknown].trim(), lang);
            String[] aceh = md.lines().filter(l -> l.startsWith("| Aceh (11) |")).findFirst().orElseThrow().split("\\|");
            for (int col = 0; col <= ReportData.CLASSES.size(); col++) {
                assertEquals("–", aceh[2 + col].trim(), lang + ": a row that sold nothing, column " + col);
            }
        }
        assertTrue(markdown(d, "en").contains("– = no sales classified in this class (some of the sales of unknown origin may belong to it)"));
        // the legend accounts for every mark: 6 [c] in the table, 1 + 4 counted, and Jawa Barat's empty cell of the firm's
        // class among "the cells of the classes the headline withholds" (the samples' province table showed 82 marks under
        // a legend of 60 + 4: the print audit of 2 Dec 2026), without saying which mark that is
        String md = markdown(d, "en");
        String table = md.substring(md.indexOf("| Jawa Timur (35) |"), md.indexOf("[c] = withheld for confidentiality ("));
        assertEquals(6, Pattern.compile("\\[c\\]").matcher(table).results().count(), table);
        assertTrue(md.contains("[c] = withheld for confidentiality (1 withheld by the rules, 4 withheld so the others cannot be worked out "
                + "from the totals or from the other tables); [c] also marks every cell of the classes the headline withholds (Local "
                + "large firms, Unknown origin), in every row; – = no sales classified"), md);
        assertTrue(html(d, "id").contains("; [c] juga menandai setiap sel kelas yang dirahasiakan di angka utama (Usaha besar lokal, "
                + "Asal tidak diketahui), di setiap baris; "), html(d, "id"));
        ReportData.Breakdown counted = new ReportData.Breakdown("province", "province", List.of("35", "32", "51", "11"), grid, status, true, 2025);
        counted.status()[1][large] = Disclosure.Status.SECONDARY; // counted: no uncounted mark, no clause
        assertFalse(markdown(new ReportData(d.runId(), d.generatedAt(), d.annual(), d.monthly(), Map.of("province", counted),
                d.evidence(), d.permendag(), d.projection(), d.reconciliation(), d.quarantineReasons(), d.classifyStats(), d.fx(),
                d.provinceNames(), d.categoryLabels(), d.manifest(), d.config(), d.warnings()), "en").contains("[c] also marks"));
    }

    /**
     * The headline chart stacks a year's withheld classes in one grey segment: when they differ between years the caption
     * says which they are in each, since the segment's size then is no trend (the audit of 2 Dec 2026: imported goods in
     * it in 2023 and 2024, not in 2025, 77% falling to 34%); nothing when every year withholds the same classes.
     */
    @Test
    void theHeadlineChartSaysWhenItsWithheldSegmentHoldsOtherClassesInOtherYears() {
        ReportData.Headline y23 = headline("2023", "225", "40", "300", "10", "300").withDisclosure(Map.of("LOCAL_LARGE",
                Disclosure.Status.PRIMARY, "IMPORTED", Disclosure.Status.PRIMARY, "UNKNOWN", Disclosure.Status.SECONDARY));
        ReportData.Headline y25 = headline("2025", "225", "40", "300", "10", "300").withDisclosure(Map.of("LOCAL_LARGE",
                Disclosure.Status.PRIMARY, "UNKNOWN", Disclosure.Status.SECONDARY));
        ReportData differ = data(List.of(y23, y25), simple().projection());
        String md = markdown(differ, "en");
        assertTrue(md.contains("_The grey segment stacks the classes withheld in each year, and they differ between years (2023: "
                + "Local large firms, Imported (domestic seller), Unknown origin; 2025: Local large firms, Unknown origin): its size "
                + "from year to year is no trend._"), md);
        assertTrue(html(differ, "id").contains("Segmen abu-abu menumpuk kelas yang dirahasiakan"));
        ReportData.Headline y24 = headline("2024", "225", "40", "300", "10", "300").withDisclosure(Map.of("LOCAL_LARGE",
                Disclosure.Status.PRIMARY, "UNKNOWN", Disclosure.Status.SECONDARY));
        assertFalse(markdown(data(List.of(y24, y25), simple().projection()), "en").contains("The grey segment"), "the same every year");
    }

    /**
     * summary.json gives shares to 4 decimals, the value the report rounds for display: with 2 decimals the audit's upper
     * bound 22.5069 + 34.3425 = 56.8494 read 56.85, which a reader re-rounds to 56.9 against the report's 56.8%. A
     * non-zero share too small for 4 decimals keeps 2 significant digits (the samples' Permendag share, 0.00085%, read 0.00).
     */
    @Test
    void summarySharesCarryTheDecimalsTheReportRoundsAndNoZeroForASale() {
        ReportData.Headline h = headline("2025", "225069", "0", "300000", "131506", "343425");
        ReportData base = data(List.of(h), simple().projection());
        // Rp85 flagged of Rp1 billion: 0.0000085% of all GMV
        ReportData.Permendag permendag = new ReportData.Permendag(2025, 1, bd("85"), 900, bd("1000000000"), 40,
                bd("131506"), 1, bd("85"), false, false);
        ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), base.breakdowns(),
                base.evidence(), Optional.of(permendag), base.projection(), base.reconciliation(), base.quarantineReasons(),
                base.classifyStats(), base.fx(), base.provinceNames(), base.categoryLabels(), base.manifest(), base.config(), base.warnings());
        ObjectNode out = ReportSummary.build(d, List.of("en"), List.of());
        assertEquals("22.5069", out.at("/headline/local_umkm_share_pct").decimalValue().toPlainString());
        assertEquals("[22.5069,56.8494]", out.at("/headline/local_umkm_share_bounds_pct").toString());
        assertEquals("43.1506", out.at("/headline/foreign_origin_share_pct").decimalValue().toPlainString());
        assertEquals("0.0000085", out.at("/permendag31/flagged_share_of_gmv_pct").decimalValue().toPlainString(), out.at("/permendag31").toString());
        assertEquals("0.0646", out.at("/permendag31/flagged_share_of_cross_border_gmv_pct").decimalValue().toPlainString());
        assertTrue(markdown(d, "en").contains("56.8%"), "the report's figure is the JSON's, rounded once");
    }

    /**
     * The lineage shows the configuration's paths relative to the project folder the run started from, so the same
     * inputs checked out in another folder give the same report (the audit: /tmp/audit-report/data/config/… in the
     * report); a file outside it keeps its whole path.
     */
    @Test
    void theLineageShowsPathsRelativeToTheProjectFolder() throws Exception {
        ReportData base = simple();
        ObjectNode manifest = (ObjectNode) JSON.readTree("""
                {"code_version": {"jar_version": "1", "git_commit": "abc", "git_dirty": false, "project_home": "/work/checkout"},
                 "configuration": {"file": "/work/checkout/data/config/neraca.yaml", "sha256": "aa", "fingerprint": "ff",
                   "files": [{"path": "/work/checkout/data/marketplaces/shopee.yaml", "sha256": "bb"},
                             {"path": "/etc/neraca/rules.yaml", "sha256": "cc"},
                             {"path": "/work/checkout-other/x.yaml", "sha256": "dd"}]}}""");
        ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), base.breakdowns(),
                base.evidence(), base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(),
                base.classifyStats(), base.fx(), base.provinceNames(), base.categoryLabels(), manifest, base.config(), base.warnings());
        for (String lang : List.of("en", "id")) {
            for (String text : List.of(html(d, lang), markdown(d, lang))) {
                assertTrue(text.contains("<code>data/config/neraca.yaml</code>") || text.contains("`data/config/neraca.yaml`"), lang);
                assertTrue(text.contains("data/marketplaces/shopee.yaml"), lang);
                assertTrue(text.contains("/etc/neraca/rules.yaml"), lang + ": outside the project: whole");
                assertTrue(text.contains("/work/checkout-other/x.yaml"), lang + ": a sibling folder is not under it");
                assertFalse(text.contains("/work/checkout/"), lang);
            }
            // the messages' Markdown code spans are code in the HTML, not backticks shown as text (&#x60;out/manifest.json&#x60;)
            String page = html(d, lang);
            assertTrue(page.contains("(<code>out/manifest.json</code>"), lang);
            assertFalse(page.contains("&#x60;"), lang + ": a backtick shown as text in the HTML");
        }
    }

    /** The HTML escaper: escaped first, then a pair of backticks is code; an unpaired one stays; markup inside stays text. */
    @Test
    void backticksInTheHtmlAreCodeAndTheTextInsideStaysEscaped() {
        assertEquals("run <code>neraca classify</code> again", WriteReport.HTML_WITH_CODE.escape("run `neraca classify` again"));
        assertEquals("<code>a</code> and <code>b</code>", WriteReport.HTML_WITH_CODE.escape("`a` and `b`"));
        assertEquals("<code>&lt;script&gt;</code>", WriteReport.HTML_WITH_CODE.escape("`<script>`"));
        assertEquals("a &#x60; b", WriteReport.HTML_WITH_CODE.escape("a ` b"), "unpaired");
        assertEquals("&amp; 5 &lt; 6", WriteReport.HTML_WITH_CODE.escape("& 5 < 6"));
    }

    /**
     * The projection's warnings (and the report's own) show the paths under the project folder relative to it, as the
     * lineage does: a 14-month history's "add a benchmark row ... to /tmp/audit-print/data/reference/econ_benchmarks.csv"
     * was printed whole in both languages (the print audit of 2 Dec 2026). summary.json keeps the stage's sentence.
     */
    @Test
    void theWarningsShowPathsRelativeToTheProjectFolder() throws Exception {
        String home = "/home/ekonom/neraca";
        String warning = "no year has both a full year of observed sales ([2025]) and a 'ecommerce_gmv' benchmark estimate of "
                + "confidence >= low (" + home + "/data/reference/econ_benchmarks.csv has years [2019, 2020, 2023, 2024]); months "
                + "observed per year: 2024: 2 months, 2025: 12 months, so the coverage factor cannot be calibrated and nothing is "
                + "projected. Either add a 'ecommerce_gmv' estimate row for a fully observed year to " + home
                + "/data/reference/econ_benchmarks.csv, or set project.coverage.method: factor with project.coverage.factor in the "
                + "run configuration (a copy passed with --config resolves its relative paths against its own folder; "
                + "docs/PROJECTION.md §2).";
        ObjectNode summary = JSON.createObjectNode().put("status", "not_projected").put("not_projected_cause", "no_calibration_year")
                .put("not_projected_reason", warning).put("first_observed_month", "2024-11").put("last_observed_month", "2025-12")
                .put("months_observed", 14);
        summary.putArray("warnings").add(warning);
        BigDecimal t400 = bd("400000000000000");
        List<ReportData.Target> targets = List.of(new ReportData.Target("article", "article", 2030, t400, null, null, null, null,
                null, null, null, null, "not projected", null, null, null));
        ObjectNode manifest = (ObjectNode) JSON.readTree("{\"code_version\": {\"project_home\": \"" + home + "\"}}");
        ReportData base = data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                new ReportData.Projection("total_gmv", null, true, List.of(), targets, List.of(), Optional.of(summary)));
        ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), base.breakdowns(),
                base.evidence(), base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(),
                base.classifyStats(), base.fx(), base.provinceNames(), base.categoryLabels(), manifest, base.config(),
                List.of("reference file " + home + "/data/reference/provinces.csv not found: provinces are shown by their code"));
        for (String lang : List.of("en", "id")) {
            for (String text : List.of(html(d, lang), markdown(d, lang))) {
                assertFalse(text.contains(home), lang + ": the machine's folder is in the report");
                assertTrue(text.contains(" data/reference/econ_benchmarks.csv") || text.contains("(data/reference/econ_benchmarks.csv"), lang);
                assertTrue(text.contains("data/reference/provinces.csv"), lang);
            }
        }
        assertTrue(html(d, "id").contains("(data/reference/econ_benchmarks.csv memuat tahun 2019, 2020, 2023, 2024)"),
                "the Indonesian sentence is still StageNotes' own, with the path relative");
        ObjectNode out = ReportSummary.build(d, List.of("en"), List.of());
        assertTrue(out.toString().contains(home + "/data/reference/econ_benchmarks.csv"), "summary.json keeps the sentence whole");
    }

    static ReportData withClassifyStats(ReportData d, ReportData.GenericTable stats) {
        return new ReportData(d.runId(), d.generatedAt(), d.annual(), d.monthly(), d.breakdowns(), d.evidence(), d.permendag(),
                d.projection(), d.reconciliation(), d.quarantineReasons(), Optional.of(stats), d.fx(), d.provinceNames(),
                d.categoryLabels(), d.manifest(), d.config(), d.warnings());
    }

    static ReportData simple() {
        return data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                projection(List.of(target("below", "400000000000000", "2000000000000000"),
                        target("above", "4531000000000000", "2000000000000000")), List.of(), null));
    }

    static String html(ReportData d, String lang) {
        Map<String, Object> c = new java.util.LinkedHashMap<>(new ReportView(d, lang).context(null));
        c.put("css", "");
        return WriteReport.render("report/index.html.mustache", WriteReport.htmlCompiler(), c);
    }

    static String markdown(ReportData d, String lang) {
        return WriteReport.render("report/report.md.mustache", WriteReport.markdownCompiler(), new ReportView(d, lang).context(null));
    }

    /** Rupiah as the report writes it (Rp1.234,5 triliun / IDR 1,234.5 trillion, with a sign) back to a number of trillions. */
    static double trillions(String money, String lang) {
        Matcher m = Pattern.compile("([-\u2212]?)(?:Rp|IDR )([\\d.,]+) (triliun|trillion)").matcher(money);
        assertTrue(m.find(), "money in trillions: " + money);
        String n = lang.equals("id") ? m.group(2).replace(".", "").replace(',', '.') : m.group(2).replace(",", "");
        return (m.group(1).isEmpty() ? 1 : -1) * Double.parseDouble(n);
    }

    /**
     * The projection is national e-commerce GMV (calibrated on e-Conomy SEA's e-commerce GMV), not "the digital
     * economy"; next to the target table the report says that the targets are compared as published, names a
     * target whose scope is the wider digital economy, and one already below the observed national value, with
     * the numbers of the data (not of the message: changing the data changes the sentence).
     */
    /**
     * A coverage factor that fell over its calibration years (the sample outgrew the benchmark) is said next to the
     * target table and in the methodology, in both languages; a steady one is not.
     */
    @Test
    void aFallingCoverageFactorIsSaidNextToTheTargets() {
        for (boolean flagged : new boolean[]{true, false}) {
            com.fasterxml.jackson.databind.node.ObjectNode summary = JSON.createObjectNode().put("last_observed_year", 2025)
                    .put("last_observed_year_value_idr", 987600000000000L);
            summary.putObject("coverage").put("method", "benchmark_calibration").put("factor", 7004.1).putObject("trend")
                    .put("from_year", 2023).put("to_year", 2024).put("factor_pct_per_year", flagged ? -9.23 : -1.2)
                    .put("sample_growth_pct_per_year", 20.15).put("benchmark_growth_pct_per_year", 9.07).put("flagged", flagged);
            ReportData d = data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                    projection(List.of(target("ministry", "5678000000000000", "2000000000000000", "digital_economy")), List.of(), summary));
            String en = html(d, "en");
            String id = html(d, "id");
            String sentenceEn = "The coverage factor fell 9.2% a year from 2023 to 2024: the sample grew 20.2% a year, the benchmark 9.1% "
                    + "(in rupiah). The projection holds the factor constant, so it carries the sample&#39;s growth: if the sample keeps "
                    + "outgrowing the market, the projection overstates national growth by about 11 points a year.";
            String sentenceId = "Faktor cakupan turun 9,2% per tahun dari 2023 ke 2024: sampel tumbuh 20,2% per tahun, acuan 9,1% (dalam rupiah).";
            Matcher caveat = Pattern.compile("<p class=\"note\" id=\"target-caveat\">([^<]*)</p>").matcher(en);
            assertTrue(caveat.find());
            assertEquals(flagged, caveat.group(1).contains(sentenceEn), caveat.group(1));
            assertEquals(flagged ? 2 : 0, en.split(Pattern.quote(sentenceEn), -1).length - 1, "next to the targets and in the methodology");
            assertEquals(flagged, id.contains(sentenceId), "id");
            // and on the first screen, in the third answer: which way it moves every verdict
            String first = "These verdicts carry the sample&#39;s growth, 20.2% a year against the benchmark&#39;s 9.1%: if the dumps "
                    + "keep outgrowing the market, they are too optimistic";
            Matcher q3 = Pattern.compile("<p id=\"headline-target\">([^<]*)").matcher(en);
            assertTrue(q3.find(), en);
            assertEquals(flagged, q3.group(1).contains(first), q3.group(1));
            assertEquals(flagged, markdown(d, "id").contains("Penilaian ini mengikuti pertumbuhan sampel, 20,2% per tahun dibanding 9,1%"));
        }
    }

    @Test
    void theFactorsTrendIfContinuedIsQuantifiedBesideThePublishedValue() {
        com.fasterxml.jackson.databind.node.ObjectNode summary = JSON.createObjectNode().put("last_observed_year", 2025)
                .put("last_observed_year_value_idr", 987600000000000L);
        com.fasterxml.jackson.databind.node.ObjectNode cov = summary.putObject("coverage").put("method", "benchmark_calibration")
                .put("factor", 7004.1).put("benchmark_points", 2);
        com.fasterxml.jackson.databind.node.ObjectNode tr = cov.putObject("trend").put("from_year", 2023).put("to_year", 2024)
                .put("factor_pct_per_year", -9.23).put("sample_growth_pct_per_year", 20.15).put("benchmark_growth_pct_per_year", 9.07)
                .put("flagged", true);
        com.fasterxml.jackson.databind.node.ArrayNode alts = tr.putObject("if_continued").put("reference_year", 2023.5).putArray("targets");
        alts.addObject().put("name", "ministry").put("year", 2030)
                .put("factor_multiplier", 0.534).put("projected_idr", 1068000000000000L).put("lo95_idr", 431000000000000L)
                .put("hi95_idr", 1824000000000000L).put("probability", 0.0).putNull("crossing_year");
        // a wider figure below the observed e-commerce value: not comparable, so no probability in the sentence either
        // (the samples' report said "the probability of reaching IDR 400.0 trillion would be 99.6% instead of 99.9%"
        // beside a target table showing "–" for it)
        alts.addObject().put("name", "article").put("year", 2030)
                .put("factor_multiplier", 0.534).put("projected_idr", 1068000000000000L).put("lo95_idr", 431000000000000L)
                .put("hi95_idr", 1824000000000000L).put("probability", 0.996).put("crossing_year", 2023);
        ReportData d = data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                projection(List.of(target("ministry", "5678000000000000", "2000000000000000", "digital_economy"),
                        target("article", "400000000000000", "2000000000000000", "digital_economy")), List.of(), summary));
        String en = html(d, "en");
        String id = html(d, "id");
        String sentenceEn = "If the factor kept falling at that rate, the 2030 value would be IDR 1,068.0 trillion (95%: IDR 431.0 – "
                + "1,824.0 trillion) instead of IDR 2,000.0 trillion. The probability of reaching IDR 5,678.0 trillion (ministry) would "
                + "be 0.0% instead of 10.0%. A sensitivity, not a correction: 2 calibration years say little about how the sample&#39;s "
                + "coverage will move.";
        Matcher caveat = Pattern.compile("<p class=\"note\" id=\"target-caveat\">([^<]*)</p>").matcher(en);
        assertTrue(caveat.find());
        assertTrue(caveat.group(1).contains(sentenceEn), caveat.group(1));
        assertEquals(2, en.split(Pattern.quote(sentenceEn), -1).length - 1, "next to the targets and in the methodology");
        assertFalse(en.contains("reaching IDR 400.0 trillion (article) would be"), "a target not comparable has no probability");
        assertFalse(id.contains("mencapai Rp400,0 triliun (article) menjadi"), "id: a target not comparable has no probability");
        assertTrue(id.contains("Bila faktor itu terus turun secepat itu, nilai 2030 menjadi Rp1.068,0 triliun (95%: Rp431,0 – 1.824,0 "
                + "triliun), bukan Rp2.000,0 triliun. Peluang mencapai Rp5.678,0 triliun (ministry) menjadi 0,0%, bukan 10,0%."), id);
        Matcher q3 = Pattern.compile("<p id=\"headline-target\">([^<]*)").matcher(en);
        assertTrue(q3.find(), en);
        assertTrue(q3.group(1).contains("they are too optimistic (Methodology, coverage factor). If they keep doing so, the 2030 value "
                + "would be nearer IDR 1,068.0 trillion."), q3.group(1));

        // without the block (a projection written before it existed): the trend's sentence alone, as before
        tr.remove("if_continued");
        String plain = html(data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                projection(List.of(target("ministry", "5678000000000000", "2000000000000000", "digital_economy")), List.of(), summary)), "en");
        assertFalse(plain.contains("If the factor kept falling"));
        assertFalse(plain.contains("If they keep doing so"));
        assertTrue(plain.contains("The coverage factor fell 9.2% a year from 2023 to 2024"));
    }

    @Test
    void theProjectionIsCalledEcommerceGmvAndTheTargetsCarryTheirCaveat() {
        JsonNode summary = JSON.createObjectNode().put("last_observed_year", 2025).put("last_observed_year_value_idr", 987600000000000L);
        ReportData d = data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                projection(List.of(target("article", "123400000000000", "2000000000000000"),
                        target("ministry", "5678000000000000", "2000000000000000", "digital_economy")), List.of(), summary));
        String en = html(d, "en");
        String id = html(d, "id");
        for (String page : List.of(en, id, markdown(d, "en"), markdown(d, "id"))) {
            assertFalse(page.toLowerCase(java.util.Locale.ROOT).contains("projection of the digital economy")
                    || page.contains("Digital economy projection") || page.contains("ekonomi digital pada") || page.contains("ekonomi digital hingga"));
        }
        assertTrue(en.contains("The central projection of national e-commerce GMV in 2030 is IDR 2,000.0 trillion"));
        assertTrue(id.contains("Proyeksi tengah nilai GMV e-commerce nasional pada 2030 adalah Rp2.000,0 triliun"));
        assertTrue(en.contains("National e-commerce GMV: projection and the 2030 targets"), "chart title");
        assertTrue(id.contains("Proyeksi nilai GMV e-commerce nasional dan target 2030"));
        Matcher caveatEn = Pattern.compile("<p class=\"note\" id=\"target-caveat\">([^<]*)</p>").matcher(en);
        Matcher caveatId = Pattern.compile("<p class=\"note\" id=\"target-caveat\">([^<]*)</p>").matcher(id);
        assertTrue(caveatEn.find() && caveatId.find(), "a caveat next to the target table");
        String ce = caveatEn.group(1).replace("&quot;", "\"");
        String ci = caveatId.group(1).replace("&quot;", "\"");
        assertTrue(ce.contains("as published, not like for like"), ce);
        assertTrue(ce.contains("IDR 5,678.0 trillion (ministry) is a \"digital economy\" figure, a wider definition than e-commerce GMV"), ce);
        assertTrue(ce.contains("IDR 123.4 trillion (article) is already below the estimated national value of 2025 (IDR 987.6 trillion: observed sales × coverage factor)"), ce);
        assertFalse(ce.contains("IDR 5,678.0 trillion (ministry) is already below"), "a target above the observed value is not");
        assertTrue(ci.contains("sebagaimana dipublikasikan, bukan secara setara"), ci);
        assertTrue(ci.contains("Rp5.678,0 triliun (ministry) adalah angka \"ekonomi digital\""), ci);
        assertTrue(ci.contains("Rp123,4 triliun (article) sudah di bawah perkiraan nilai nasional pada 2025 (Rp987,6 triliun: penjualan teramati × faktor cakupan)"), ci);
        // no number is written into the caveat's messages: they all come from the data
        for (String lang : List.of("en", "id")) {
            Messages t = Messages.load(lang);
            for (String key : List.of("target_caveat", "target_scope_digital_economy", "target_below_observed")) {
                assertFalse(t.get(key).replaceAll("\\{\\d}", "").matches(".*\\d.*"), lang + " " + key + ": " + t.get(key));
            }
        }
    }

    /**
     * The classification counts (out/classify_stats/by_class, columns as the classify stage writes them) read in
     * the report's language: column headers, class names, and numbers with the language's separators; the GMV and
     * units columns stay out (not checked for disclosure).
     */
    @Test
    void theClassificationCountsAreInTheReportsLanguage() {
        List<String> columns = List.of("marketplace", "origin_class", "sales", "completed_sales", "gmv_idr", "units",
                "invalid_id_sales", "unknown_tier_sales", "permendag31_sales", "mean_confidence");
        List<List<Object>> rows = List.of(
                java.util.Arrays.asList("shopee", "LOCAL_UMKM", 1325L, 1190L, bd("41488280889.50"), 9000L, 44L, 0L, 0L, 0.8186),
                java.util.Arrays.asList("crossborder", "CROSS_BORDER", 471L, 414L, bd("333909225.28"), 700L, 0L, 0L, 17L, 0.9999));
        ReportData d = withClassifyStats(simple(), new ReportData.GenericTable(columns, rows, 2));
        String id = markdown(d, "id");
        String en = markdown(d, "en");
        assertTrue(id.contains("| Marketplace | Asal | Baris penjualan | Selesai | Identitas penjual tidak lolos pemeriksaan "
                + "| Kelas ukuran tidak diketahui | Ditandai Permendag 31/2023 | Rata-rata keyakinan |"), id);
        assertTrue(id.contains("| Shopee | UMKM lokal | 1.325 | 1.190 | 44 | 0 | 0 | 0,819 |"), "id row");
        assertTrue(id.contains("| Toko lintas batas | Lintas batas langsung | 471 | 414 | 0 | 0 | 17 | 1,000 |"));
        assertTrue(en.contains("| Marketplace | Origin | Sales lines | Completed |"), en);
        assertTrue(en.contains("| Shopee | Local UMKM | 1,325 | 1,190 | 44 | 0 | 0 | 0.819 |"), "en row");
        for (String raw : List.of("origin_class", "completed_sales", "LOCAL_UMKM", "0.8186", "41488280889")) {
            assertFalse(id.contains(raw), "id: " + raw);
        }
        String html = html(d, "id");
        assertTrue(html.contains("<td>UMKM lokal</td><td class=\"num\">1.325</td>"), "numbers right-aligned");
        // the classes the headline withholds are shown together, one row per marketplace: a row per withheld class showed
        // where it sells (rows on three marketplaces, none on the others), and with the files' accepted counts a
        // withheld count came back by subtraction; their sum is derivable anyway, as the headline's withheld share is
        List<List<Object>> withLarge = List.of(
                java.util.Arrays.asList("shopee", "LOCAL_LARGE", 24L, 23L, bd("5946589459.00"), 30093L, 0L, 0L, 0L, 0.8344),
                java.util.Arrays.asList("shopee", "LOCAL_UMKM", 1325L, 1190L, bd("41488280889.50"), 9000L, 44L, 0L, 0L, 0.8186),
                java.util.Arrays.asList("shopee", "UNKNOWN", 854L, 760L, bd("1000.00"), 900L, 20L, 854L, 0L, 0.3000),
                java.util.Arrays.asList("crossborder", "CROSS_BORDER", 471L, 414L, bd("333909225.28"), 700L, 0L, 0L, 17L, 0.9999),
                java.util.Arrays.asList("crossborder", "UNKNOWN", 2L, 2L, bd("10.00"), 2L, 0L, 2L, 0L, 0.5));
        ReportData.Headline h = simple().annual().get(0).withDisclosure(Map.of("LOCAL_LARGE", Disclosure.Status.PRIMARY,
                "UNKNOWN", Disclosure.Status.SECONDARY));
        ReportData w = withClassifyStats(data(List.of(h), simple().projection()), new ReportData.GenericTable(columns, withLarge, 5));
        String we = markdown(w, "en");
        // 24 + 854 lines, 23 + 760 completed, ...; confidence (0.8344 × 24 + 0.3 × 854) / 878 = 0.3146
        assertTrue(we.contains("| Shopee | Withheld classes together [c]: Local large firms, Unknown origin | 878 | 783 | 20 | 854 | 0 | 0.315 |"), we);
        assertTrue(we.contains("| Cross-border storefronts | Withheld classes together [c]: Local large firms, Unknown origin | 2 | 2 | 0 | 2 | 0 | 0.500 |"), we);
        assertFalse(we.contains("| Shopee | Local large firms |") || we.contains("| Shopee | Unknown origin |"), "no row of one withheld class: " + we);
        assertTrue(we.contains("| Shopee | Local UMKM | 1,325 |"), we);
        assertTrue(markdown(w, "id").contains("| Shopee | Kelas yang dirahasiakan digabung [c]: Usaha besar lokal, Asal tidak diketahui | 878 |"));
    }

    /**
     * The projection stage writes its coverage note, warnings and model notes in English. The Indonesian report
     * builds the coverage calibration's sentence itself from summary.json's points, translates the model notes and the
     * warnings it knows (StageNotes), and marks what stays English (a warning it does not know, each; the FX sources)
     * instead of mixing the languages silently; the English report carries no such mark.
     */
    @Test
    void englishTextInTheIndonesianReportIsTranslatedOrMarked() throws Exception {
        JsonNode summary = JSON.readTree("""
                {"coverage": {"method": "benchmark_calibration", "factor": 7004.057286, "factor_lo95": 5219.987428,
                  "factor_hi95": 9397.880579, "log_sd": 0.15, "benchmark_points": 2,
                  "points": [{"year": 2023, "report_year": 2023, "benchmark_usd_bn": 62, "usd_idr": 15236.99,
                              "observed_idr": 128509152515, "factor": 7351.175862, "source": "e-Conomy SEA 2023", "confidence": "low"},
                             {"year": 2024, "report_year": 2024, "benchmark_usd_bn": 65, "usd_idr": 15852.06,
                              "observed_idr": 154403311941, "factor": 6673.329464, "source": "e-Conomy SEA 2024", "confidence": "high"}],
                  "note": "national = observed × 7004.06, calibrated on Indonesia e-Conomy SEA 'ecommerce_gmv' over 2 year(s): ..."},
                 "models": [{"name": "cagr_low", "supported": true, "weight": 0, "mape": 0.13, "mase": 0.94,
                             "warning": "scenario band, not weighted"}],
                 "selected": "ensemble",
                 "warnings": ["coverage factor calibrated on 2 year(s) only"]}
                """);
        ReportData base = data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                projection(List.of(target("a", "400000000000000", "2000000000000000")), List.of(), summary));
        ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), base.breakdowns(),
                base.evidence(), base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(),
                base.classifyStats(), Optional.of(List.of(new ReportData.FxRange("USD", "2015-01", "2026-12", bd("12572.77"),
                        bd("18007.57"), "OECD Main Economic Indicators via FRED", "2026-09"))), base.provinceNames(),
                base.categoryLabels(), base.manifest(), base.config(), List.of("projection/backtest is missing: no backtest errors to show",
                "a warning no version of the report writes"));
        String id = markdown(d, "id");
        String en = markdown(d, "en");
        // the FX source is a sentence of its own before the next; the methodology's scale note does not point to itself
        assertTrue(en.contains("Source: OECD Main Economic Indicators via FRED. Rates from September 2026 on are not observed"), en);
        assertFalse(en.contains("**: Shares are of the GMV observed in the marketplace data. The 2030 projection is a national value: observed "
                + "sales scaled by the coverage factor (see Methodology)."), "no '(see Methodology)' inside the methodology");
        assertTrue(en.contains("observed sales scaled by the coverage factor."), en);
        assertFalse(id.contains("national = observed"), "the stage's English coverage note is not in the Indonesian report");
        assertTrue(id.contains("Dikalibrasi pada GMV e-commerce Indonesia menurut e-Conomy SEA selama 2 tahun: "
                + "2023: US$62 miliar (laporan 2023) × Rp15.236,99 per US$ ÷ teramati Rp128,5 miliar = 7.351,2; "
                + "2024: US$65 miliar (laporan 2024) × Rp15.852,06 per US$ ÷ teramati Rp154,4 miliar = 6.673,3"), id);
        assertTrue(id.contains("Metode: kalibrasi pada acuan"), "the method by name, not benchmark_calibration");
        assertTrue(en.contains("Calibrated on Indonesia's e-commerce GMV in e-Conomy SEA over 2 year(s): 2023: US$62 billion (report 2023) "
                + "× IDR 15,236.99 per US$ ÷ observed IDR 128.5 billion = 7,351.2"), en);
        // what stays English is marked: a warning StageNotes does not know, each one, and the FX source
        // a projection warning StageNotes does not know ("… year(s) only" without its uncertainty) stays English, marked
        assertTrue(Pattern.compile("### Peringatan dari proyeksi\\s+- \\(bahasa Inggris\\) coverage factor calibrated on 2 year\\(s\\) only")
                .matcher(id).find(), id);
        // the report's own warnings: one it writes, in Indonesian; one it does not know, marked
        assertTrue(Pattern.compile("### Peringatan laporan\\s+- projection/backtest tidak ada: tidak ada galat uji balik untuk ditampilkan\\s+"
                + "- \\(bahasa Inggris\\) a warning no version of the report writes").matcher(id).find(), id);
        // the model notes are the report's own words (StageNotes): translated, so the column is no longer marked English
        assertTrue(id.contains("| Catatan |"), "model notes column");
        assertTrue(id.contains("| pita skenario, tanpa bobot |"), id);
        assertTrue(en.contains("| scenario band, not weighted |"));
        assertTrue(id.contains("Sumber (catatan teknis, bahasa Inggris): OECD Main Economic Indicators via FRED"));
        assertFalse(en.contains("Catatan teknis") || en.contains("technical note"), "nothing marked in English");
        String html = html(d, "id");
        assertTrue(html.contains("<h3>Peringatan dari proyeksi</h3><ul><li>(bahasa Inggris) <span lang=\"en\">coverage factor "
                + "calibrated on 2 year(s) only</span></li></ul>"), "html");
    }

    /**
     * A short history on a configured coverage factor: the projection's notes and warnings are its rarer ones (models not
     * fitted, an annual model dropped with amounts in rupiah, a target before the data) and its coverage note is the
     * factor's. The Indonesian report gives every one in Indonesian, money and months in its style, and marks nothing
     * English; the English report keeps the projection's sentences.
     */
    @Test
    void aShortHistorysNotesAndWarningsReadInIndonesianWithNothingLeftInEnglish() throws Exception {
        JsonNode summary = JSON.readTree("""
                {"coverage": {"method": "factor", "factor": 25000, "factor_lo95": 18631.1, "factor_hi95": 33545.6, "log_sd": 0.15,
                  "benchmark_points": 0, "points": [], "note": "configured coverage factor 25000 (national value = observed × factor), \
                log-normal uncertainty with log sd 0.150 (project.coverage.min_relative_sd)"},
                 "models": [{"name": "cagr_low", "supported": true, "weight": 0, "warning": "scenario band, not weighted"},
                            {"name": "loglinear_seasonal", "supported": false, "weight": 0,
                             "warning": "13 months of history; the seasonal log-linear model needs at least 24"},
                            {"name": "loglinear_annual", "supported": true, "weight": 0, "warning": "dropped: its 95% interval \
                for 2040 reaches Rp2,163,847,287 triliun, beyond the Rp1,000,000,000 triliun the outputs hold"},
                            {"name": "holt_damped_annual", "supported": false, "weight": 0, "warning": "1 full years (< 3)"}],
                 "selected": "ensemble", "months_observed": 13,
                 "warnings": ["only 13 months of history (< 24): seasonal models are not fitted; the projection is the configured \
                growth scenarios with their spread, not a fitted estimate",
                   "loglinear_seasonal not fitted: 13 months of history; the seasonal log-linear model needs at least 24",
                   "model loglinear_annual dropped: its 95% interval for 2040 reaches Rp2,163,847,287 triliun, beyond the \
                Rp1,000,000,000 triliun the outputs hold (a short or noisy history: docs/PROJECTION.md §5). Its projection is not \
                published and it carries no weight",
                   "months before 2024-12 are not used: 2024-11 is followed by a gap, so the models use the 13 contiguous months \
                2024-12 to 2025-12"]}
                """);
        ReportData d = data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                projection(List.of(target("a", "400000000000000", "2000000000000000")), List.of(), summary));
        String id = markdown(d, "id");
        String en = markdown(d, "en");
        assertFalse(id.contains("bahasa Inggris"), id);
        assertTrue(id.contains("Faktor ditetapkan dalam konfigurasi (project.coverage.factor), tidak dikalibrasi; ketidakpastiannya "
                + "log-normal dengan simpangan baku log 0,150 (project.coverage.min_relative_sd)"), id);
        assertTrue(id.contains("| riwayat 13 bulan; model log-linear musiman memerlukan sedikitnya 24 |"), id);
        assertTrue(id.contains("| dibuang: selang 95%-nya untuk 2040 mencapai Rp2.163.847.287,0 triliun, melampaui Rp1.000.000.000,0 "
                + "triliun yang dapat dimuat keluarannya |"), id);
        assertTrue(id.contains("| hanya 1 tahun penuh (diperlukan sedikitnya 3) |"), id);
        assertTrue(Pattern.compile("### Peringatan dari proyeksi\\s+- riwayat hanya 13 bulan \\(< 24\\): model musiman tidak diestimasi; "
                + "proyeksi adalah skenario pertumbuhan yang dikonfigurasi beserta sebarannya, bukan hasil estimasi\\s+"
                + "- loglinear_seasonal tidak diestimasi: riwayat 13 bulan; model log-linear musiman memerlukan sedikitnya 24\\s+"
                + "- model loglinear_annual dibuang: selang 95%-nya untuk 2040 mencapai Rp2\\.163\\.847\\.287,0 triliun").matcher(id).find(), id);
        assertTrue(id.contains("- bulan-bulan sebelum Desember 2024 tidak dipakai: sesudah November 2024 ada bulan yang hilang, sehingga "
                + "model memakai 13 bulan berturut-turut dari Desember 2024 sampai Desember 2025"), id);
        // the English report: the projection's own sentences, the factor's note in the report's words
        assertTrue(en.contains("- model loglinear_annual dropped: its 95% interval for 2040 reaches Rp2,163,847,287 triliun"), en);
        assertTrue(en.contains("The factor is set in the configuration (project.coverage.factor), not calibrated; its uncertainty is "
                + "log-normal with log sd 0.150"), en);
    }

    /**
     * A withheld figure is not the subject of a sentence ("For [c] the origin could not be determined", "[c] of the
     * GMV ([c]) stayed unknown"): the sentence says the figure is withheld. The samples' 2025 case (large local and
     * unknown withheld) and the strict one (imported and cross-border too).
     */
    @Test
    @SuppressWarnings("unchecked")
    void sentencesSayAFigureIsWithheldRatherThanStartWithTheMark() {
        Map<String, Disclosure.Status> samples = Map.of("LOCAL_LARGE", Disclosure.Status.PRIMARY, "UNKNOWN", Disclosure.Status.SECONDARY);
        Map<String, Disclosure.Status> strict = Map.of("LOCAL_LARGE", Disclosure.Status.SECONDARY, "UNKNOWN", Disclosure.Status.PRIMARY,
                "IMPORTED", Disclosure.Status.SECONDARY, "CROSS_BORDER", Disclosure.Status.PRIMARY);
        Pattern markAsSubject = Pattern.compile("(?:^|[.:;]\\s+|\\b(?:For|Untuk)\\s+)\\[c\\]");
        for (Map<String, Disclosure.Status> verdicts : List.of(samples, strict)) {
            ReportData base = simple();
            ReportData.Headline h = base.annual().get(0).withDisclosure(verdicts);
            List<ReportData.Evidence> evidence = List.of(
                    new ReportData.Evidence("LOCAL_UMKM", "ORIGIN_DECLARED_ID", 10, bd("400"), 10, bd("50"), Disclosure.Status.PUBLISHED),
                    new ReportData.Evidence("UNKNOWN", "NO_EVIDENCE", 5, bd("560"), 8, bd("100"), Disclosure.Status.SECONDARY));
            ReportData.Permendag pm = new ReportData.Permendag(2025, 6, bd("1.6"), 100, bd("1850"), 20, bd("30"), 4, bd("0.5"),
                    false, !h.published("CROSS_BORDER"));
            ReportData d = new ReportData(base.runId(), base.generatedAt(), new ArrayList<>(List.of(h)), base.monthly(), base.breakdowns(),
                    Optional.of(evidence), Optional.of(pm), base.projection(), base.reconciliation(), base.quarantineReasons(),
                    base.classifyStats(), base.fx(), base.provinceNames(), base.categoryLabels(), base.manifest(), base.config(), base.warnings());
            for (String lang : List.of("en", "id")) {
                Map<String, Object> c = new ReportView(d, lang).context(null);
                Map<String, Object> headline = (Map<String, Object>) c.get("headline");
                List<String> sentences = List.of((String) headline.get("q1_answer"), (String) headline.get("q2_answer"),
                        (String) ((Map<String, Object>) c.get("evidence")).get("text"), (String) ((Map<String, Object>) c.get("permendag")).get("text"));
                for (String s : sentences) assertFalse(markAsSubject.matcher(s).find(), lang + ": " + s);
                String q2 = (String) headline.get("q2_answer");
                assertTrue(q2.contains(lang.equals("en") ? "The share whose origin could not be determined is withheld for confidentiality [c]."
                        : "Pangsa yang asal barangnya tidak dapat ditentukan dirahasiakan [c]."), q2);
                assertTrue(((String) ((Map<String, Object>) c.get("evidence")).get("text"))
                        .contains(lang.equals("en") ? "The share of GMV that stayed unknown is withheld for confidentiality [c]."
                                : "Pangsa GMV yang tetap tidak diketahui dirahasiakan [c]."));
                if (verdicts == strict) {
                    assertTrue(q2.startsWith(lang.equals("en") ? "Foreign-origin goods took 43.8% of GMV; how it divides"
                            : "Barang asal luar negeri menyumbang 43,8% dari GMV; pembagiannya"), q2);
                }
            }
        }
    }

    /**
     * What the sales of undetermined origin can change, stated next to the answers: the local UMKM share from none of
     * them to all of them (400 and 400 + 560 of 1,850), the foreign-origin share likewise (810 and 810 + 560). When
     * UNKNOWN is withheld the upper ends add all withheld classes (80 + 560), which gives nothing away.
     */
    @Test
    void theAnswersStateTheRangeTheUndeterminedSalesLeaveOpen() {
        ReportData d = simple();
        assertTrue(html(d, "en").contains("Whatever the sales of undetermined origin turn out to be, the local UMKM share lies "
                + "between 21.6% and 51.9%, and the foreign-origin share between 43.8% and 74.1%."), html(d, "en"));
        assertTrue(markdown(d, "id").contains("pangsa UMKM lokal berada antara 21,6% dan 51,9%, dan pangsa barang asal luar negeri "
                + "antara 43,8% dan 74,1%."));
        ReportData.Headline withheld = d.annual().get(0).withDisclosure(
                Map.of("LOCAL_LARGE", Disclosure.Status.PRIMARY, "UNKNOWN", Disclosure.Status.SECONDARY));
        ReportData w = data(List.of(withheld), d.projection());
        String page = html(w, "en");
        assertTrue(page.contains("between 21.6% and 56.2%, and the foreign-origin share between 43.8% and 78.4% (the undetermined "
                + "share is withheld [c]"), page);
        assertFalse(page.contains("51.9%"), "the UNKNOWN class alone would be recoverable from its upper bound");
        // nothing undetermined: no sentence, and no empty paragraph
        ReportData none = data(List.of(headline("2025", "400", "80", "780", "30", "0")), d.projection());
        assertFalse(html(none, "en").contains("headline-bounds"));
        assertFalse(markdown(none, "en").contains("Whatever"));
    }

    /**
     * The models table says in words what each model is, in both languages (a reader meets {@code drift_seasonal} and
     * {@code holt_damped_seasonal} there, not in the docs): the description sits in its own column next to the name, the
     * annual cross-checks share one, and a model the messages do not know gets an empty cell rather than a failed report.
     */
    @Test
    void theModelsTableDescribesEachModelInWords() throws Exception {
        JsonNode summary = JSON.readTree("""
                {"models": [{"name": "cagr_base", "supported": true, "weight": 0.2, "mape": 0.08, "mase": 0.6, "warning": null},
                            {"name": "loglinear_seasonal", "supported": true, "weight": 0.5, "mape": 0.05, "mase": 0.33, "warning": null},
                            {"name": "holt_damped_seasonal", "supported": true, "weight": 0.3, "mape": 0.07, "mase": 0.54, "warning": null}],
                 "selected": "ensemble", "warnings": []}
                """);
        ReportData d = data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                projection(List.of(target("a", "400000000000000", "2000000000000000")), List.of(), summary));
        for (String lang : List.of("en", "id")) {
            Messages t = Messages.load(lang);
            String page = html(d, lang);
            String md = markdown(d, lang);
            assertTrue(page.contains("<th>" + t.get("col_model_desc") + "</th>"), lang);
            for (String model : List.of("cagr_base", "loglinear_seasonal", "holt_damped_seasonal")) {
                String desc = t.get("model_desc_" + model);
                assertTrue(page.contains("<td><code>" + model + "</code></td><td>" + desc + "</td>"), lang + " html " + model);
                assertTrue(md.contains("| `" + model + "` | " + desc + " |"), lang + " markdown " + model);
            }
            assertEquals(t.get("model_desc_annual"), ReportView.modelDescription(t, "drift_annual"));
            assertEquals(t.get("model_desc_drift_seasonal"), ReportView.modelDescription(t, "drift_seasonal"));
            assertEquals("", ReportView.modelDescription(t, "some_future_model"));
        }
        assertTrue(Messages.load("en").get("model_desc_drift_seasonal").contains("random walk with drift"));
        assertTrue(Messages.load("id").get("model_desc_drift_seasonal").contains("Jalan acak dengan drift"));
    }

    /**
     * The Lebaran regressor is an assumption the methodology states (summary.json {@code holiday}: the window and the
     * calendar, or that none is used), and the models table gives each model's fitted effect as a percentage change on a
     * month holding the whole window ({@code lebaran_effect} 0.52: exp(0.52) − 1 = +68.2%); a model without it (Holt's)
     * and a summary written before the setting existed get neither.
     */
    @Test
    void theLebaranEffectIsAnAssumptionAndAFittedFigure() throws Exception {
        JsonNode summary = JSON.readTree("""
                {"models": [{"name": "loglinear_seasonal", "supported": true, "weight": 0.6, "mape": 0.03, "mase": 0.24, "warning": null,
                             "lebaran_effect": 0.52},
                            {"name": "holt_damped_seasonal", "supported": true, "weight": 0.4, "mape": 0.09, "mase": 0.65, "warning": null,
                             "lebaran_effect": null}],
                 "holiday": {"effect": "lebaran", "days_before": 30, "days_after": 0, "calendar": "Umm al-Qura"},
                 "selected": "ensemble", "warnings": []}
                """);
        ReportData d = data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                projection(List.of(target("a", "400000000000000", "2000000000000000")), List.of(), summary));
        String en = html(d, "en");
        assertTrue(en.contains("<td>" + Messages.load("en").get("model_desc_loglinear_seasonal")
                + "; with a Lebaran effect that moves with Idul Fitri (fitted: +68.2% on a month holding all 30 days before 1 Syawal)</td>"), en);
        assertTrue(en.contains("<td>" + Messages.load("en").get("model_desc_holt_damped_seasonal") + "</td>"), "Holt's: no effect");
        String enMd = markdown(d, "en");
        assertTrue(enMd.contains("each month's share of the 30 days before 1 Syawal, by the Umm al-Qura calendar"), enMd);
        String id = html(d, "id");
        assertTrue(id.contains("(terestimasi: +68,2% pada bulan yang memuat seluruh 30 hari sebelum 1 Syawal)"), id);
        assertTrue(id.contains("porsi tiap bulan dari 30 hari sebelum 1 Syawal, menurut kalender Umm al-Qura"), id);

        Messages t = Messages.load("en");
        ObjectNode after = (ObjectNode) summary.deepCopy();
        ((ObjectNode) after.path("holiday")).put("days_after", 7);
        assertTrue(ReportView.holidayAssumption(after, t).contains("of the 30 days before 1 Syawal, and of the 7 days from it on, by"));
        ObjectNode none = (ObjectNode) summary.deepCopy();
        ((ObjectNode) none.path("holiday")).put("effect", "none");
        assertEquals(t.get("assume_holiday_none"), ReportView.holidayAssumption(none, t));
        ObjectNode older = (ObjectNode) summary.deepCopy();
        older.remove("holiday");
        assertEquals(null, ReportView.holidayAssumption(older, t), "a summary from before the setting: no item");
        assertEquals("", ReportView.lebaranSuffix(older.path("models").get(1), older, t, LocaleFormat.of("en")));
    }

    /**
     * Every monthly model the projection fits has a description of its own in both languages: a candidate added to
     * Projection.monthlyModels without one would show an empty "What it is" cell beside its weight (holt_linear_seasonal
     * joined the candidates before it had one). The annual cross-checks share model_desc_annual.
     */
    @Test
    void everyMonthlyModelOfTheProjectionHasItsOwnDescription() {
        List<String> names = id.neraca.project.Projection.monthlyModels(id.neraca.project.ProjectConfig.defaults()).stream()
                .map(id.neraca.project.model.Forecaster::name).toList();
        assertTrue(names.contains("holt_linear_seasonal"), names.toString());
        for (String lang : List.of("en", "id")) {
            Map<String, String> all = Messages.load(lang).all();
            for (String model : names) {
                String desc = all.get("model_desc_" + model);
                assertTrue(desc != null && !desc.isBlank(), lang + ": model_desc_" + model);
            }
        }
        assertTrue(Messages.load("en").get("model_desc_holt_linear_seasonal").contains("without fading"));
        assertTrue(Messages.load("id").get("model_desc_holt_linear_seasonal").contains("tanpa melemah"));
    }

    /**
     * The methodology's UMKM size classes quote the ceilings the classification used (the manifest's
     * stages.ClassifySales.umkm_tiers, from the rules file), not figures written into the messages: an economist who
     * edits the ceilings sees them in the report. The earlier law's (UU 20/2008) only when the observed months reach
     * back to it.
     */
    /**
     * The methodology states the assumptions that shape the split (the economists' audit found them missing): a seller's
     * size rests on its sales in the dumps (a lower bound, leaning towards UMKM) with the declared tiers counted; a
     * foreign brand means the owner's country; and the confidence below which a sale stays unknown, all from the
     * manifest, in both languages. A manifest without the counts leaves the size and threshold items out.
     */
    /** Marketplaces are named as readers know them (TikTok Shop, not the mapping id tiktokshop); an unknown id as it is. */
    @Test
    void marketplacesAreNamedAsReadersKnowThem() {
        assertEquals("TikTok Shop", new ReportView(simple(), "en").marketplaceName("tiktokshop"));
        assertEquals("Cross-border storefronts", new ReportView(simple(), "en").marketplaceName("crossborder"));
        assertEquals("Toko lintas batas", new ReportView(simple(), "id").marketplaceName("crossborder"));
        assertEquals("blibli", new ReportView(simple(), "en").marketplaceName("blibli"));
    }

    @Test
    void theMethodologyStatesTheClassificationsAssumptionsFromTheManifest() throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree("""
                {"stages": {"ClassifySales": {"umkm_tier_source": {"DECLARED": 1317, "OBSERVED": 3908, "NONE": 630},
                 "decision": {"min_confidence": 0.5, "made_in_indonesia_brands": 14}}}}""");
        ReportData base = simple();
        ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), base.breakdowns(), base.evidence(),
                base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(), base.classifyStats(), base.fx(),
                base.provinceNames(), base.categoryLabels(), manifest, base.config(), base.warnings());
        String en = html(d, "en");
        assertTrue(en.contains("a lower bound of its business") && en.contains("1,317 sales (22.5%) took the size class their seller declared"), en);
        assertTrue(en.contains("unless the brand is among the 14 listed as made in Indonesia"), en);
        assertTrue(en.contains("only when its evidence reaches a confidence of 0.50"), en);
        String id = html(d, "id");
        assertTrue(id.contains("1.317 penjualan (22,5%) memakai kelas ukuran") && id.contains("tingkat keyakinan 0,50"), id);
        ReportData older = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), base.breakdowns(), base.evidence(),
                base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(), base.classifyStats(), base.fx(),
                base.provinceNames(), base.categoryLabels(), JSON.createObjectNode(), base.config(), base.warnings());
        String o = html(older, "en");
        assertFalse(o.contains("took the size class") || o.contains("reaches a confidence of"), "not recorded: left out");
        assertTrue(o.contains("A brand&#39;s origin is its owner&#39;s home country"), "the meaning of a brand stays");
    }

    @Test
    void theUmkmCeilingsComeFromTheManifestAndTheEarlierLawOnlyWhenTheMonthsReachIt() throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree("""
                {"stages": {"ClassifySales": {"umkm_tiers": {"law": "PP 7/2021 art. 35", "micro_max_idr": 2000000000,
                 "small_max_idr": 15000000000, "medium_max_idr": 50000000000, "window_months": 12, "annualise": true,
                 "earlier_law": {"name": "UU 20/2008 art. 6", "until_month": "2021-01", "micro_max_idr": 300000000,
                 "small_max_idr": 2500000000, "medium_max_idr": 50000000000}, "observed_earlier_law_sales": 12}}}}""");
        ReportData base = simple();
        java.util.function.Function<String, ReportData> from = first -> new ReportData(base.runId(), base.generatedAt(), base.annual(),
                List.of(headline(first, "400", "80", "780", "30", "560")), base.breakdowns(), base.evidence(), base.permendag(),
                base.projection(), base.reconciliation(), base.quarantineReasons(), base.classifyStats(), base.fx(), base.provinceNames(),
                base.categoryLabels(), manifest, base.config(), base.warnings());
        assertEquals("PP 7/2021 art. 35 by annual sales: micro ≤ IDR 2.0 billion, small ≤ IDR 15.0 billion, medium ≤ IDR 50.0 billion, "
                + "large above.", new ReportView(from.apply("2023-01"), "en").umkmCeilings());
        assertEquals("PP 7/2021 pasal 35 menurut hasil penjualan tahunan: mikro ≤ Rp2,0 miliar, kecil ≤ Rp15,0 miliar, menengah ≤ "
                + "Rp50,0 miliar, besar di atasnya. Hingga Januari 2021 berlaku ketentuan sebelumnya, UU 20/2008 art. 6: mikro ≤ "
                + "Rp300,0 juta, kecil ≤ Rp2,5 miliar, menengah ≤ Rp50,0 miliar.", new ReportView(from.apply("2020-06"), "id").umkmCeilings());
        assertTrue(new ReportView(from.apply("2021-01"), "en").umkmCeilings().endsWith("Up to January 2021 the law before it applies, "
                + "UU 20/2008 art. 6: micro ≤ IDR 300.0 million, small ≤ IDR 2.5 billion, medium ≤ IDR 50.0 billion."));
        assertTrue(html(from.apply("2020-06"), "en").contains("micro ≤ IDR 300.0 million"), "in the methodology section");
        // edited ceilings reach the report
        ((ObjectNode) manifest.at("/stages/ClassifySales/umkm_tiers")).put("micro_max_idr", 2500000000L);
        assertTrue(new ReportView(from.apply("2023-01"), "en").umkmCeilings().contains("micro ≤ IDR 2.5 billion"));
        // a manifest without the section: the law, no figure
        ReportData older = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), base.breakdowns(),
                base.evidence(), base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(), base.classifyStats(),
                base.fx(), base.provinceNames(), base.categoryLabels(), JSON.createObjectNode(), base.config(), base.warnings());
        assertEquals(Messages.load("en").get("assume_umkm_value_unrecorded"), new ReportView(older, "en").umkmCeilings());
        for (String lang : List.of("en", "id")) {
            for (String key : List.of("assume_umkm_value", "assume_umkm_earlier", "assume_umkm_value_unrecorded")) {
                String m = Messages.load(lang).get(key);
                assertFalse(m.contains("Rp") || m.contains("miliar") || m.contains("juta"), lang + " " + key + ": no amount written in: " + m);
            }
        }
    }

    static Claims.Claim claim(String id, String metric, String marketplace, String pct) {
        return new Claims.Claim(id, "Who " + id, "Siapa " + id, "2023-07", "claim " + id, "klaim " + id, metric, marketplace,
                bd(pct), "source " + id, null, "low");
    }

    /**
     * Claims (data/reference/claims.csv) against the measured range: from the determined share to it plus every sale of
     * undetermined origin, over all marketplaces (the headline's bounds) or in the claim's marketplace row; compared as
     * shown (one decimal); a withheld cell withholds the figure, a withheld unknown cell the upper end only; a
     * marketplace not in the dumps is not measured. Headline 2025 of the fixture: foreign-origin 810 of 1,850 (43.8%),
     * undetermined 560 (up to 74.1%). Marketplace row tiktokshop: cross-border 10 of 200 (5.0%), unknown 40 (up to 25.0%).
     */
    @Test
    void claimsAreSetAgainstTheMeasuredRangeWithDisclosureRespected() {
        Disclosure.Cell[][] grid = new Disclosure.Cell[2][6];
        Disclosure.Status[][] status = new Disclosure.Status[2][6];
        String[] gmv = {"100", "0", "50", "10", "40", "200"};
        for (int c = 0; c < 6; c++) {
            grid[0][c] = gmv[c].equals("0") ? Disclosure.Cell.EMPTY : new Disclosure.Cell(bd(gmv[c]), 5, bd("1"));
            status[0][c] = gmv[c].equals("0") ? Disclosure.Status.EMPTY : Disclosure.Status.PUBLISHED;
            grid[1][c] = grid[0][c];
            status[1][c] = status[0][c];
        }
        java.util.function.BiFunction<Disclosure.Status[][], List<Claims.Claim>, Map<String, Object>> section = (st, claims) -> {
            ReportData.Breakdown mp = new ReportData.Breakdown("marketplace", "marketplace", List.of("tiktokshop"), grid, st, true, 2025);
            ReportData base = simple();
            ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), Map.of("marketplace", mp),
                    base.evidence(), base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(), base.classifyStats(),
                    base.fx(), base.provinceNames(), base.categoryLabels(), base.manifest(), base.config(), base.warnings());
            return new ReportView(d, "en", claims).claimsSection();
        };
        List<Claims.Claim> claims = List.of(claim("half", "foreign_origin_share", null, "50"), claim("ninety", "foreign_origin_share", null, "90"),
                claim("forty", "foreign_origin_share", null, "40"), claim("xb", "cross_border_share", "tiktokshop", "0"),
                claim("lazada", "cross_border_share", "lazada", "0"), claim("edge", "foreign_origin_share", null, "74.1"));
        @SuppressWarnings("unchecked") List<Map<String, Object>> rows = (List<Map<String, Object>>) section.apply(status, claims).get("rows");
        List<String> got = rows.stream().map(r -> r.get("measured") + " | " + r.get("verdict")).toList();
        assertEquals(List.of(
                "43.8 – 74.1% | Within the range measured in these dumps",
                "43.8 – 74.1% | Above the range measured in these dumps: they show less",
                "43.8 – 74.1% | Below the range measured in these dumps: they show more",
                "5.0 – 25.0% | Below the range measured in these dumps: they show more",
                "– | Not measured: the dumps hold no sales of Lazada",
                "43.8 – 74.1% | Within the range measured in these dumps"), got);
        assertEquals("Who xb (July 2023)", rows.get(3).get("who"));
        // named as the Marketplace column names it: "no sales of tiktokshop" beside "TikTok Shop" (the print audit of 2 Dec 2026)
        @SuppressWarnings("unchecked") List<Map<String, Object>> absent = (List<Map<String, Object>>) section.apply(status,
                List.of(claim("tt", "cross_border_share", "bukalapak", "0"))).get("rows");
        assertEquals("Bukalapak", absent.get(0).get("scope"));
        assertEquals("Not measured: the dumps hold no sales of Bukalapak", absent.get(0).get("verdict"));
        assertEquals("all marketplaces", rows.get(0).get("scope"));
        assertEquals("Who half (July 2023): source half (confidence low).", rows.get(0).get("source"));
        // the unknown cell withheld: the lower end stands, the upper is withheld
        Disclosure.Status[][] unknownWithheld = java.util.Arrays.stream(status).map(Disclosure.Status[]::clone).toArray(Disclosure.Status[][]::new);
        unknownWithheld[0][4] = Disclosure.Status.PRIMARY;
        @SuppressWarnings("unchecked") Map<String, Object> xb = ((List<Map<String, Object>>) section.apply(unknownWithheld,
                List.of(claim("xb", "cross_border_share", "tiktokshop", "0"), claim("xb5", "cross_border_share", "tiktokshop", "5")))
                .get("rows")).get(1);
        assertEquals("at least 5.0% (the rest withheld [c]) | Not contradicted by the sales in these dumps whose origin was determined; the upper end of the range is withheld [c]",
                xb.get("measured") + " | " + xb.get("verdict"));
        // a lower end of 0.0% with the rest withheld tests nothing: "at least 0.0%, not contradicted" said nothing
        Disclosure.Cell[] row0 = grid[0].clone();
        Disclosure.Status[] st0 = unknownWithheld[0].clone();
        grid[0][3] = Disclosure.Cell.EMPTY;
        unknownWithheld[0][3] = Disclosure.Status.EMPTY;
        @SuppressWarnings("unchecked") Map<String, Object> untestable = ((List<Map<String, Object>>) section.apply(unknownWithheld,
                List.of(claim("xb", "cross_border_share", "tiktokshop", "0"))).get("rows")).get(0);
        assertEquals("[c] | Not testable in these dumps: the sales whose origin was determined show none, and the rest of the range is "
                + "withheld [c]", untestable.get("measured") + " | " + untestable.get("verdict"));
        grid[0] = row0;
        unknownWithheld[0] = st0;
        // the cross-border cell withheld: nothing of it is shown
        Disclosure.Status[][] xbWithheld = java.util.Arrays.stream(status).map(Disclosure.Status[]::clone).toArray(Disclosure.Status[][]::new);
        xbWithheld[0][3] = Disclosure.Status.SECONDARY;
        @SuppressWarnings("unchecked") Map<String, Object> hidden = ((List<Map<String, Object>>) section.apply(xbWithheld,
                List.of(claim("xb", "cross_border_share", "tiktokshop", "0"))).get("rows")).get(0);
        assertEquals("[c] | Withheld for confidentiality [c]", hidden.get("measured") + " | " + hidden.get("verdict"));
        // no claims, no section; and in the page, after the headline, before the projection, in both languages
        assertEquals(false, section.apply(status, List.of()).get("has_claims"));
        ReportData plain = simple();
        for (String lang : List.of("en", "id")) {
            Map<String, Object> c = new java.util.LinkedHashMap<>(new ReportView(plain, lang, claims.subList(0, 2)).context(null));
            c.put("css", "");
            String page = WriteReport.render("report/index.html.mustache", WriteReport.htmlCompiler(), c);
            int at = page.indexOf("<section id=\"claims\">");
            assertTrue(at > page.indexOf("<section id=\"headline\"") && at < page.indexOf("<section id=\"projection\""), lang);
            assertTrue(page.contains(lang.equals("en") ? "<td>claim ninety</td>" : "<td>klaim ninety</td>"), lang);
            // the claims were made in July 2023 and are set against 2025: the intro says so
            assertTrue(page.contains(lang.equals("en") ? "Claims made in another year (Who half, Who ninety) are set against 2025 too"
                    : "Klaim yang dibuat pada tahun lain (Siapa half, Siapa ninety) juga dibandingkan dengan 2025"), lang);
            // the sources are English text from claims.csv: marked so in the Indonesian report
            assertTrue(page.contains(lang.equals("en") ? "Who half (July 2023): source half (confidence low)."
                    : "Siapa half (Juli 2023): Catatan teknis (bahasa Inggris): source half (tingkat keyakinan rendah)."), lang + page);
            // with claims.csv's source_id the Indonesian report quotes it, unmarked; the English one keeps the source
            Claims.Claim c0 = claims.get(0);
            Claims.Claim worded = new Claims.Claim(c0.id(), c0.whoEn(), c0.whoId(), c0.said(), c0.claimEn(), c0.claimId(), c0.metric(),
                    c0.marketplace(), c0.claimedPct(), c0.source(), "sumber half", c0.confidence());
            @SuppressWarnings("unchecked") Map<String, Object> wr = ((List<Map<String, Object>>) new ReportView(plain, lang, List.of(worded))
                    .claimsSection().get("rows")).get(0);
            assertEquals(lang.equals("en") ? "Who half (July 2023): source half (confidence low)."
                    : "Siapa half (Juli 2023): sumber half (tingkat keyakinan rendah).", wr.get("source"), lang);
        }
        assertFalse(html(plain, "en").contains("id=\"claims\""), "no claims file, no section");
        // summary.json: the ranges and language-neutral verdicts
        ObjectNode summary = ReportSummary.build(plain, List.of("en"), List.of(), claims.subList(0, 3));
        assertEquals(List.of("within", "above", "below"), java.util.stream.StreamSupport.stream(summary.path("claims").spliterator(), false)
                .map(n -> n.path("verdict").asText()).toList());
        JsonNode first = summary.path("claims").get(0);
        assertEquals(0, bd("43.7838").compareTo(first.path("measured_lo_pct").decimalValue()), first.toString());
        assertEquals(0, bd("74.0541").compareTo(first.path("measured_hi_pct").decimalValue()), first.toString());
        assertTrue(first.path("marketplace").isNull() && first.path("claimed_pct").decimalValue().compareTo(bd("50")) == 0, first.toString());
        assertEquals(0, ReportSummary.build(plain, List.of("en"), List.of()).path("claims").size());
    }

    /** The Permendag 31/2023 test is quoted as the classification ran it (the manifest), exempt categories by name. */
    @Test
    void thePermendagRuleComesFromTheManifest() throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree("""
                {"stages": {"ClassifySales": {"permendag31": {"effective_date": "2023-09-26", "min_unit_price": 100,
                 "currency": "USD", "exempt_categories": ["books_media", "books", "software"]}}}}""");
        ReportData base = simple();
        java.util.function.Function<JsonNode, ReportData> with = m -> new ReportData(base.runId(), base.generatedAt(), base.annual(),
                base.monthly(), base.breakdowns(), base.evidence(), base.permendag(), base.projection(), base.reconciliation(),
                base.quarantineReasons(), base.classifyStats(), base.fx(), base.provinceNames(),
                Map.of("books_media", new ReportData.CategoryLabel("Books & media", "Buku & media")), (ObjectNode) m, base.config(),
                base.warnings());
        assertEquals("Permendag 31/2023 art. 19: FOB US$100 per unit for cross-border direct sales by foreign merchants, from "
                + "26 September 2023; exempt (the positive list): Books & media; 'books'; 'software'.", new ReportView(with.apply(manifest), "en").permendagRule());
        assertTrue(new ReportView(with.apply(manifest), "id").permendagRule().contains("sejak 26 September 2023; dikecualikan (daftar positif): "
                + "Buku & media; 'books'; 'software'."));
        ((ObjectNode) manifest.at("/stages/ClassifySales/permendag31")).put("min_unit_price", 150);
        assertTrue(new ReportView(with.apply(manifest), "en").permendagRule().contains("FOB US$150 per unit"), "an edited rule reaches the report");
        assertEquals(Messages.load("en").get("assume_permendag_value_unrecorded"),
                new ReportView(with.apply(JSON.createObjectNode()), "en").permendagRule());
    }

    static ReportData.Target inYear(ReportData.Target t, int year) {
        return new ReportData.Target(t.name(), t.label(), year, t.targetIdr(), t.projectedIdr(), t.lo80(), t.hi80(), t.lo95(), t.hi95(),
                t.gap(), t.probability(), t.crossingYear(), t.crossingLabel(), t.requiredCagrPct(), t.labelId(), t.scope());
    }

    /**
     * The headings that name the target year (the section, the third question, the chart's title, the scale note)
     * name the configured one (project.targets[].year): an economist's 2035 target was headed "Will the 2030 target be
     * reached?" until 1 Dec 2026. Targets of several years are headed as targets, without a year.
     */
    @Test
    void theHeadingsNameTheConfiguredTargetYear() {
        ReportData base = simple();
        List<ReportData.Target> t2035 = base.projection().targets().stream().map(t -> inYear(t, 2035)).toList();
        ReportData d = data(base.annual(), projection(t2035, List.of(), base.projection().summary().orElse(null)));
        String en = html(d, "en");
        String id = markdown(d, "id");
        assertTrue(en.contains("<h2>Will the 2035 target be reached?</h2>") && en.contains("<h3>Will the 2035 target be reached?</h3>"), en);
        assertTrue(en.contains("National e-commerce GMV: projection and the 2035 targets"), "chart title");
        assertTrue(en.contains("The 2035 projection is a national value"), "scale note");
        assertTrue(id.contains("## Apakah target 2035 tercapai?") && id.contains("Proyeksi 2035 adalah nilai nasional"), id);
        assertFalse(en.contains("2030 target") || id.contains("target 2030"), "no fixed 2030 left in the headings");
        List<ReportData.Target> mixed = List.of(base.projection().targets().get(0), inYear(base.projection().targets().get(1), 2035));
        String both = html(data(base.annual(), projection(mixed, List.of(), base.projection().summary().orElse(null))), "en");
        assertTrue(both.contains("<h2>Will the targets be reached?</h2>") && both.contains("projection to the targets"),
                both);
        // the default targets keep their 2030
        assertTrue(html(base, "en").contains("<h2>Will the 2030 target be reached?</h2>"));
    }

    /**
     * How often the published intervals hold the outcome is said next to the projection chart, before the target
     * table, in both languages, from summary.json's {@code interval_calibration} (data/reference/interval_calibration.csv,
     * docs/PROJECTION.md §5): the range over the simulated kinds of series for the annual value five years ahead, each
     * kind whose interval held more than 5 points fewer outcomes than its level named. Until 1 Dec 2026 the figures were
     * written into the messages and went stale: the report said 66% / 92% a week after the measurement became 72% / 99%.
     */
    @Test
    void theIntervalsCaveatQuotesTheMeasuredCoverageFromTheSummary() throws Exception {
        String row = "{\"process\":\"%s\",\"description_en\":\"%s\",\"description_id\":\"%s\",\"history_months\":36,"
                + "\"horizon\":\"%s\",\"nominal_pct\":%d,\"covered_pct\":%s,\"series\":150,\"paths\":1000,\"study\":\"s\","
                + "\"code_commit\":\"abc1234\",\"measured_on\":\"2026-12-01\"}";
        String rows = String.join(",",
                String.format(Locale.ROOT, row, "w", "a level that wanders", "tingkat yang berubah", "year_5", 80, "71.3"),
                String.format(Locale.ROOT, row, "w", "a level that wanders", "tingkat yang berubah", "year_5", 95, "98.7"),
                String.format(Locale.ROOT, row, "t", "a steady trend", "tren tetap", "year_5", 80, "93.0"),
                String.format(Locale.ROOT, row, "t", "a steady trend", "tren tetap", "year_5", 95, "100.0"),
                // other horizons are not quoted, however low
                String.format(Locale.ROOT, row, "t", "a steady trend", "tren tetap", "month_24", 80, "12.5"));
        com.fasterxml.jackson.databind.node.ObjectNode summary = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                "{\"last_observed_year\":2025,\"last_observed_year_value_idr\":987600000000000,\"interval_calibration\":{\"file\":"
                + "\"data/reference/interval_calibration.csv\",\"weighting\":\"inverse_mase\",\"months_observed\":36,\"measured\":["
                + rows + "],\"note\":null}}");
        ReportData base = simple();
        ReportData d = data(base.annual(), projection(base.projection().targets(), List.of(), summary));
        Map<String, String> expected = Map.of(
                "en", "How often do intervals like these hold the outcome? In simulations of 36-month histories (150 series per kind "
                        + "of series; interval_calibration.csv, measured on 1 December 2026), the ensemble's 80% interval for the annual "
                        + "value five years after the last observed year held it in 71.3 – 93.0% of series, its 95% interval in "
                        + "98.7 – 100.0%. Where the series has a level that wanders, the 80% interval held only 71.3%: read it there as "
                        + "a lower bound of the uncertainty.",
                "id", "Seberapa sering selang seperti ini memuat hasil sebenarnya? Dalam simulasi riwayat 36 bulan (150 seri per jenis "
                        + "seri; interval_calibration.csv, diukur pada 1 Desember 2026), selang 80% gabungan model (ensemble) untuk nilai "
                        + "tahunan lima tahun setelah tahun terakhir yang teramati memuatnya pada 71,3 – 93,0% seri, selang 95%-nya pada "
                        + "98,7 – 100,0%. Bila serinya memiliki tingkat yang berubah, selang 80% hanya memuat 71,3%: di situ bacalah "
                        + "selang ini sebagai batas bawah ketidakpastian.");
        for (String lang : List.of("en", "id")) {
            String page = html(d, lang);
            Matcher m = Pattern.compile("</figure>\\s*<p class=\"note\" id=\"intervals-caveat\">([^<]*)</p>").matcher(page);
            assertTrue(m.find(), lang + ": the sentence follows the projection chart");
            assertTrue(page.indexOf("intervals-caveat") < page.indexOf(Messages.load(lang).get("col_gap")), "before the target table");
            assertEquals(expected.get(lang), m.group(1).replace("&#39;", "'").replace("&#x27;", "'"), lang);
            assertTrue(markdown(d, lang).contains("_" + expected.get(lang) + "_"), lang + " markdown");
            // no figure is written into the messages: the nominal levels aside, every number comes from the summary
            Messages t = Messages.load(lang);
            for (String key : List.of("intervals_calibration", "intervals_source", "intervals_under", "intervals_other_length",
                    "intervals_unmeasured")) {
                assertFalse(t.get(key).replaceAll("\\{\\d}", "").replace("80%", "").replace("95%", "").matches(".*\\d.*"),
                        lang + " " + key + ": " + t.get(key));
            }
        }
        // every kind covered to within 5 points of its level: nothing named
        com.fasterxml.jackson.databind.node.ObjectNode fine = summary.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) fine.at("/interval_calibration/measured/0")).put("covered_pct", 75.0);
        String s = new ReportView(data(base.annual(), projection(base.projection().targets(), List.of(), fine)), "en").intervalsCaveat();
        assertTrue(s.contains("held it in 75.0 – 93.0% of series") && !s.contains("Where the series has"), s);
        // measured on histories of another length than the run's: said
        com.fasterxml.jackson.databind.node.ObjectNode longer = summary.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) longer.get("interval_calibration")).put("months_observed", 60);
        s = new ReportView(data(base.annual(), projection(base.projection().targets(), List.of(), longer)), "en").intervalsCaveat();
        assertTrue(s.endsWith("This run's history has 60 months: the figures indicate, not measure, how its intervals behave."), s);
        // nothing measured for the run's ensemble (another weighting, or no file): said, without figures
        com.fasterxml.jackson.databind.node.ObjectNode none = summary.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) none.get("interval_calibration")).putArray("measured");
        for (JsonNode sm : List.of(none, JSON.readTree("{\"last_observed_year\":2025}"))) {
            for (String lang : List.of("en", "id")) {
                assertEquals(Messages.load(lang).get("intervals_unmeasured"),
                        new ReportView(data(base.annual(), projection(base.projection().targets(), List.of(), sm)), lang).intervalsCaveat());
            }
        }
    }

    /**
     * 12 months (`neraca run` on the samples' 2024): the projection is the growth scenarios alone, its interval the
     * configured low-high band, yet the note under the chart quoted the fitted ensemble's measured coverage ("its 95%
     * interval [held the outcome] in 99.3 – 100.0%" of simulated 36-month histories): a confidence no measurement gives
     * the band. It says the band's coverage is unknown, in both languages.
     */
    @Test
    void aGrowthScenarioIntervalIsNotGivenTheFittedEnsemblesMeasuredCoverage() throws Exception {
        String row = "{\"process\":\"t\",\"description_en\":\"a steady trend\",\"description_id\":\"tren tetap\","
                + "\"history_months\":36,\"horizon\":\"year_5\",\"nominal_pct\":%d,\"covered_pct\":%s,\"series\":150,"
                + "\"paths\":1000,\"study\":\"s\",\"code_commit\":\"abc1234\",\"measured_on\":\"2026-12-01\"}";
        com.fasterxml.jackson.databind.node.ObjectNode summary = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                "{\"months_observed\":12,\"basis\":\"growth_scenarios\",\"selected\":\"ensemble\",\"last_observed_year\":2024,"
                + "\"scenarios\":{\"cagr_low_pct\":5.0,\"cagr_base_pct\":12.0,\"cagr_high_pct\":20.0},"
                + "\"interval_calibration\":{\"file\":\"data/reference/interval_calibration.csv\",\"weighting\":\"inverse_mase\","
                + "\"months_observed\":12,\"measured\":[" + String.format(Locale.ROOT, row, 80, "93.0") + ","
                + String.format(Locale.ROOT, row, 95, "100.0") + "],\"note\":null}}");
        ReportData base = simple();
        ReportData d = data(base.annual(), projection(base.projection().targets(), List.of(), summary));
        for (String lang : List.of("en", "id")) {
            String caveat = new ReportView(d, lang).intervalsCaveat();
            assertFalse(caveat.contains("100") || caveat.contains("93"), lang + ": no measured coverage for the band: " + caveat);
            assertEquals(Messages.load(lang).get("intervals_scenarios"), caveat, lang);
            assertTrue(markdown(d, lang).contains("_" + caveat + "_"), lang + " markdown");
        }
        // the same summary from fitted models quotes the measurement, as before
        summary.put("basis", "fitted_models");
        String fitted = new ReportView(data(base.annual(), projection(base.projection().targets(), List.of(), summary)), "en").intervalsCaveat();
        assertTrue(fitted.contains("its 95% interval in 100.0%"), fitted);
    }

    /**
     * Dumps of 2031 to 2033 (a rerun with a pinned ingest.max_order_date): both 2030 targets lie before the first
     * modelled month, so the projection gives them no value (with a warning). The first screen said "The projection has
     * no targets to compare with" while the target table listed both; it says why they have no value.
     */
    @Test
    void targetsWhoseYearIsBeforeTheDataAreNamedNotCalledMissing() throws Exception {
        JsonNode summary = JSON.readTree("""
                {"months_observed": 36, "first_observed_month": "2031-01", "last_observed_month": "2033-12",
                 "selected": "ensemble", "basis": "fitted_models"}""");
        ReportData.Target article = new ReportData.Target("article", "article", 2030, bd("400000000000000"), null, null, null, null,
                null, null, null, 2033, "2033", null, null, null);
        ReportData.Target ministry = new ReportData.Target("ministry", "ministry", 2030, bd("4531000000000000"), null, null, null,
                null, null, null, null, null, "not by 2040", null, null, null);
        ReportData d = data(List.of(headline("2033", "400", "80", "780", "30", "560")),
                projection(List.of(article, ministry), List.of(), summary));
        String en = markdown(d, "en");
        String id = markdown(d, "id");
        assertFalse(en.contains("The projection has no targets to compare with"), "the targets exist");
        assertTrue(en.contains("No value to compare with: every target's year lies before the first modelled month, January 2031 "
                + "(IDR 400.0 trillion (article) 2030; IDR 4,531.0 trillion (ministry) 2030)"), en);
        assertTrue(id.contains("Tidak ada nilai untuk dibandingkan: tahun setiap target berada sebelum bulan pertama yang dimodelkan, "
                + "Januari 2031"), id);
        // no target configured at all: as before
        ReportData none = data(d.annual(), projection(List.of(), List.of(), summary));
        assertTrue(markdown(none, "en").contains("The projection has no targets to compare with."));
    }

    /**
     * Dumps of 2031 to 2033 with the 2030 targets: the projection chart ended two years after the last target year
     * (2032), so it lost the last observed year and every projected point while its legend still named the projection
     * and its intervals. It ends two years after the last observed year when the data reach past the targets.
     */
    @Test
    void theProjectionChartShowsDataThatReachPastTheTargetYear() throws Exception {
        List<ReportData.Point> points = List.of(
                new ReportData.Point("2031", "OBSERVED", bd("300000000000000"), null, null, null, null),
                new ReportData.Point("2032", "OBSERVED", bd("380000000000000"), null, null, null, null),
                new ReportData.Point("2033", "OBSERVED", bd("440000000000000"), null, null, null, null),
                new ReportData.Point("2034", "PROJECTED", bd("490000000000000"), bd("420000000000000"), bd("560000000000000"),
                        bd("380000000000000"), bd("610000000000000")),
                new ReportData.Point("2035", "PROJECTED", bd("550000000000000"), bd("450000000000000"), bd("650000000000000"),
                        bd("400000000000000"), bd("720000000000000")),
                new ReportData.Point("2036", "PROJECTED", bd("610000000000000"), bd("480000000000000"), bd("740000000000000"),
                        bd("420000000000000"), bd("830000000000000")));
        ReportData.Target article = new ReportData.Target("article", "article", 2030, bd("400000000000000"), null, null, null, null,
                null, null, null, 2033, "2033", null, null, null);
        JsonNode summary = JSON.readTree("""
                {"months_observed": 36, "first_observed_month": "2031-01", "last_observed_month": "2033-12",
                 "selected": "ensemble", "basis": "fitted_models"}""");
        ReportData d = data(List.of(headline("2033", "400", "80", "780", "30", "560")),
                new ReportData.Projection("total_gmv", "ensemble", true, points, List.of(article), List.of(), Optional.of(summary)));
        Matcher svg = Pattern.compile("<svg id='fig-projection_en'.*?</svg>", Pattern.DOTALL).matcher(html(d, "en"));
        assertTrue(svg.find(), "the projection chart");
        for (String year : List.of("2031", "2033", "2035")) {
            assertTrue(svg.group().contains(">" + year + "<"), year + " on the chart's axis");
        }
        assertFalse(svg.group().contains(">2036<"), "two years after the last observed year, not the 2040 tail");
    }

    /**
     * The target table's gap column says which way it subtracts ("Gap (target − projected)"): the value under it
     * must have the sign of that subtraction of the row's own figures. A target below the projection (the
     * article's Rp400 triliun) shows a negative gap, a target above it a positive one (a shortfall).
     */
    @Test
    void theGapColumnSubtractsTheWayItsLabelSays() {
        for (String lang : List.of("en", "id")) {
            String page = markdown(simple(), lang);
            Matcher table = Pattern.compile("^\\| (.*?) \\|\\n\\|---\\|.*\\n((?:\\|.*\\n)+)", Pattern.MULTILINE).matcher(page);
            boolean found = false;
            while (table.find()) {
                List<String> header = List.of(table.group(1).split(" \\| "));
                int gap = -1;
                for (int i = 0; i < header.size(); i++) if (header.get(i).matches("(Gap|Selisih) \\(.*\\)")) gap = i;
                if (gap < 0) continue;
                found = true;
                Messages t = Messages.load(lang);
                Matcher dir = Pattern.compile("\\((.+) − (.+)\\)").matcher(header.get(gap));
                assertTrue(dir.find(), header.get(gap));
                int minuend = header.indexOf(dir.group(1).equalsIgnoreCase(t.get("col_projected")) ? t.get("col_projected") : t.get("col_target_value"));
                int subtrahend = header.indexOf(dir.group(2).equalsIgnoreCase(t.get("col_projected")) ? t.get("col_projected") : t.get("col_target_value"));
                assertTrue(minuend >= 0 && subtrahend >= 0 && minuend != subtrahend, lang + ": the label names two columns: " + header.get(gap));
                assertEquals(lang.equals("en") ? "Gap (target − projected)" : "Selisih (target − proyeksi)", header.get(gap));
                int rows = 0;
                for (String line : table.group(2).split("\\n")) {
                    List<String> cells = List.of(line.substring(2, line.length() - 2).split(" \\| "));
                    double expected = trillions(cells.get(minuend), lang) - trillions(cells.get(subtrahend), lang);
                    double shown = trillions(cells.get(gap), lang);
                    assertEquals(Math.signum(expected), Math.signum(shown), lang + ": " + line);
                    assertEquals(expected, shown, 0.05, lang + ": " + line);
                    rows++;
                }
                assertEquals(2, rows);
                assertTrue(table.group(2).contains(lang.equals("en") ? "| \u2212IDR 1,600.0 trillion |" : "| \u2212Rp1.600,0 triliun |"),
                        lang + ": the target below the projection has a negative gap");
            }
            assertTrue(found, lang + ": the target table is there");
        }
    }

    /**
     * Thirteen months of history (`neraca run` on the dumps of 2024-12 to 2025-12): no model can be fitted, the
     * projection is the base growth scenario alone (weight 1), and its 2030 figure is 12% a year applied to the last
     * year. The first screen said "On track ... probability 95.9%" like a fitted estimate; the only hint was an
     * English warning at the end. Both languages now say, next to the figure and in the verdicts, that it is an
     * assumed growth rate, not an estimate; a fitted projection reads as before.
     */
    @Test
    void aProjectionRestingOnGrowthScenariosAloneIsCalledAnAssumptionInBothLanguages() throws Exception {
        JsonNode scenarioOnly = JSON.readTree("""
                {"months_observed": 13, "selected": "ensemble",
                 "scenarios": {"cagr_low_pct": 5.0, "cagr_base_pct": 12.0, "cagr_high_pct": 20.0},
                 "models": [
                  {"name": "cagr_low", "frequency": "monthly", "supported": true, "weight": 0.0},
                  {"name": "cagr_base", "frequency": "monthly", "supported": true, "weight": 1.0},
                  {"name": "cagr_high", "frequency": "monthly", "supported": true, "weight": 0.0},
                  {"name": "loglinear_seasonal", "frequency": "monthly", "supported": false, "weight": 0.0},
                  {"name": "holt_damped_seasonal", "frequency": "monthly", "supported": false, "weight": 0.0}]}""");
        ReportData d = data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                projection(List.of(target("article", "400000000000000", "581900000000000"),
                        target("ministry", "4531000000000000", "581900000000000")), List.of(), scenarioOnly));
        String en = html(d, "en");
        String id = html(d, "id");
        String sentenceEn = "No fitted model carries this projection (13 months of history): it is an assumption, not an estimate. "
                + "It grows the last 12 observed months by an assumed 12.0% a year (scenarios from 5.0% to 20.0%)";
        String sentenceId = "Proyeksi ini tidak bertumpu pada model yang diestimasi (riwayat 13 bulan): proyeksi ini merupakan asumsi, bukan estimasi. "
                + "Proyeksi menumbuhkan 12 bulan terakhir yang teramati sebesar 12,0% per tahun yang diasumsikan (skenario 5,0% sampai 20,0%)";
        Matcher shortEn = Pattern.compile("<p id=\"headline-target\">([^<]*)").matcher(en);
        Matcher shortId = Pattern.compile("<p id=\"headline-target\">([^<]*)").matcher(id);
        assertTrue(shortEn.find() && shortId.find(), "the third answer on the first screen");
        assertTrue(shortEn.group(1).contains(sentenceEn), shortEn.group(1));
        assertTrue(shortId.group(1).contains(sentenceId), shortId.group(1));
        for (String md : List.of(markdown(d, "en"), markdown(d, "id"))) {
            assertTrue(md.contains(md.contains("Proyeksi") ? sentenceId : sentenceEn), "markdown answer");
        }
        assertTrue(en.contains("<span class=\"pill\">On track at the assumed growth</span> IDR 400.0 trillion (article)"), "verdict pill");
        assertTrue(en.contains("<span class=\"pill\">Off track at the assumed growth</span> IDR 4,531.0 trillion (ministry)"));
        assertTrue(id.contains("<span class=\"pill\">Sesuai jalur pada pertumbuhan yang diasumsikan</span> Rp400,0 triliun (article)"));
        assertFalse(en.contains("model weights from rolling-origin backtests"), "no backtest weighed anything");
        assertTrue(en.contains("The growth scenario alone (12.0% a year, an assumption): no fitted model carries weight on 13 months"));
        assertTrue(id.contains("Skenario pertumbuhan saja (12,0% per tahun, sebuah asumsi)"));
        ObjectNode summary = ReportSummary.build(d, List.of("en"), List.of());
        assertEquals("growth_scenarios", summary.path("projection").path("basis").asText());

        // the same figures from fitted models: no such sentence, the usual verdicts
        ObjectNode fitted = (ObjectNode) scenarioOnly.deepCopy();
        ((ObjectNode) fitted.path("models").get(1)).put("weight", 0.4);
        ((ObjectNode) fitted.path("models").get(4)).put("supported", true).put("weight", 0.6);
        fitted.put("months_observed", 36);
        ReportData f = data(d.annual(), projection(d.projection().targets(), List.of(), fitted));
        String fe = html(f, "en");
        assertFalse(fe.contains("No fitted model carries"), "a fitted projection is not called an assumption");
        assertTrue(fe.contains("<span class=\"pill\">On track</span> IDR 400.0 trillion (article)"));
        assertTrue(fe.contains("model weights from rolling-origin backtests"));
        assertEquals("fitted_models", ReportSummary.build(f, List.of("en"), List.of()).path("projection").path("basis").asText());
    }

    /**
     * 24 months of history (`neraca run` on the samples' 2024–2025): the seasonal models are fitted, but the backtest
     * has 0 origins, so every usable model carries an equal weight (docs/PROJECTION.md §4). The methodology said
     * "model weights from rolling-origin backtests" and described cagr_base's spread as its own backtest errors,
     * neither of which happened; it says the weights are equal and why.
     */
    @Test
    void twentyFourMonthsWithoutBacktestOriginsSayTheWeightsAreEqual() throws Exception {
        JsonNode noOrigins = JSON.readTree("""
                {"months_observed": 24, "selected": "ensemble", "basis": "fitted_models",
                 "backtest": {"min_train_months": 24, "max_horizon_months": 12, "origins": 0, "weighting": "inverse_mase"},
                 "scenarios": {"cagr_low_pct": 5.0, "cagr_base_pct": 12.0, "cagr_high_pct": 20.0},
                 "models": [
                  {"name": "cagr_low", "frequency": "monthly", "supported": true, "weight": 0.0},
                  {"name": "cagr_base", "frequency": "monthly", "supported": true, "weight": 0.25},
                  {"name": "cagr_high", "frequency": "monthly", "supported": true, "weight": 0.0},
                  {"name": "loglinear_seasonal", "frequency": "monthly", "supported": true, "weight": 0.25},
                  {"name": "holt_damped_seasonal", "frequency": "monthly", "supported": true, "weight": 0.25},
                  {"name": "drift_seasonal", "frequency": "monthly", "supported": true, "weight": 0.25}]}""");
        ReportData d = data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                projection(List.of(target("ministry", "4531000000000000", "2432000000000000")), List.of(), noOrigins));
        for (String en : List.of(html(d, "en"), markdown(d, "en"))) {
            assertFalse(en.contains("model weights from rolling-origin backtests"), "no backtest weighed anything");
            assertTrue(en.contains("every usable model carries an equal weight: 24 months of history give 0 backtest origin(s), "
                    + "and weighing models by their backtest errors needs 3"), "the methodology's model selection");
            assertFalse(en.contains("with its own backtest errors as its spread"), "cagr_base's spread is the scenario band");
            assertTrue(en.contains("with the low–high scenario band as its spread (no backtest to measure it)"));
        }
        for (String id : List.of(html(d, "id"), markdown(d, "id"))) {
            assertFalse(id.contains("bobot model dari uji balik dengan titik awal bergulir"));
            assertTrue(id.contains("setiap model yang dapat dipakai berbobot sama: riwayat 24 bulan memberi 0 titik awal uji balik"));
            assertTrue(id.contains("dengan pita skenario rendah–tinggi sebagai sebarannya"));
        }

        // 36 months, 12 origins: the weights come from the backtest, as before
        ObjectNode weighed = (ObjectNode) noOrigins.deepCopy();
        weighed.put("months_observed", 36);
        ((ObjectNode) weighed.path("backtest")).put("origins", 12);
        ReportData w = data(d.annual(), projection(d.projection().targets(), List.of(), weighed));
        String we = html(w, "en");
        assertTrue(we.contains("model weights from rolling-origin backtests"));
        assertFalse(we.contains("carries an equal weight"));
        assertTrue(we.contains("with its own backtest errors as its spread"));
    }

    /**
     * One seller's dumps (`neraca run` on a TikTok Shop export whose every line has one seller ID): the headline
     * withholds the total and every class of every year, but the projection's national values are the sample total
     * times the coverage factor (the chart's observed points, the required growth), and the methodology printed the
     * factor ("observed sales × 3,700.0"), summary.json the calibration's observed values and the last year's local
     * UMKM share (22.3371%, the withheld share itself). The factor, the sample side of the calibration and that
     * share are withheld now; with a published total they read as before.
     */
    @Test
    void aSingleSellersWithheldTotalCannotBeRecoveredThroughTheCoverageFactor() throws Exception {
        JsonNode summary = JSON.readTree("""
                {"months_observed": 36, "selected": "ensemble", "last_observed_year": 2025,
                 "last_observed_year_value_idr": 140896500000000,
                 "coverage": {"method": "benchmark_calibration", "factor": 3700.0, "factor_lo95": 2757.537909,
                   "factor_hi95": 4964.573635, "log_sd": 0.15, "benchmark_points": 1,
                   "points": [{"year": 2024, "report_year": 2024, "benchmark_usd_bn": 65, "usd_idr": 15855.31,
                     "benchmark_idr": 1030595150000000, "observed_idr": 278539229730, "factor": 3700.0,
                     "source": "e-Conomy SEA 2024", "confidence": "high"}],
                   "note": "calibrated on 1 year(s) of 'ecommerce_gmv': factor 3700.00"},
                 "umkm": {"share_last_year_pct": 22.3371, "year": 2030, "share_2030_pct": 62.0393},
                 "models": [{"name": "holt_damped_seasonal", "frequency": "monthly", "supported": true, "weight": 1.0}]}""");
        Map<String, Disclosure.Status> oneSeller = Map.of("TOTAL", Disclosure.Status.PRIMARY, "LOCAL_UMKM", Disclosure.Status.PRIMARY,
                "IMPORTED", Disclosure.Status.PRIMARY, "UNKNOWN", Disclosure.Status.PRIMARY, "FOREIGN_ORIGIN", Disclosure.Status.PRIMARY);
        ReportData.Headline y2024 = headline("2024", "6200000000", "0", "12000000000", "0", "9600000000").withDisclosure(oneSeller);
        ReportData.Headline y2025 = headline("2025", "8500000000", "0", "16000000000", "0", "13580000000").withDisclosure(oneSeller);
        ReportData d = data(List.of(y2024, y2025), projection(List.of(target("article", "400000000000000", "238400000000000")),
                List.of(), summary));
        for (String lang : List.of("en", "id")) {
            String page = html(d, lang);
            String md = markdown(d, lang);
            for (String text : List.of(page, md)) {
                assertFalse(text.contains(lang.equals("en") ? "3,700.0" : "3.700,0"), lang + ": the factor gives the total back");
                assertFalse(text.contains(lang.equals("en") ? "IDR 278.5 billion" : "Rp278,5 miliar"), lang + ": the calibration's observed value");
                assertTrue(text.contains(lang.equals("en") ? "The factor is withheld for confidentiality [c]"
                        : "Faktornya dirahasiakan [c]"), lang);
            }
        }
        ObjectNode out = ReportSummary.build(d, List.of("en"), List.of());
        JsonNode cov = out.at("/projection/coverage");
        assertTrue(cov.path("factor").isNull() && cov.path("factor_lo95").isNull() && cov.path("factor_hi95").isNull()
                && cov.path("note").isNull(), cov.toString());
        assertTrue(cov.at("/points/0/observed_idr").isNull() && cov.at("/points/0/factor").isNull(), cov.toString());
        assertEquals(1030595150000000L, cov.at("/points/0/benchmark_idr").asLong(), "the public side stays");
        assertTrue(cov.path("withheld").asBoolean());
        assertTrue(out.at("/projection/umkm/share_last_year_pct").isNull(), "the withheld 2025 local UMKM share");
        assertEquals(62.0393, out.at("/projection/umkm/share_2030_pct").asDouble());

        // the same report with the totals published: the factor and the share are shown as before
        ReportData open = data(List.of(headline("2024", "6200000000", "0", "12000000000", "0", "9600000000"),
                headline("2025", "8500000000", "0", "16000000000", "0", "13580000000")), d.projection());
        assertTrue(html(open, "en").contains("observed sales × 3,700.0"));
        ObjectNode openOut = ReportSummary.build(open, List.of("en"), List.of());
        assertEquals(3700.0, openOut.at("/projection/coverage/factor").asDouble());
        assertEquals(22.3371, openOut.at("/projection/umkm/share_last_year_pct").asDouble());
        assertFalse(openOut.at("/projection/coverage").has("withheld"));
    }

    /**
     * Dumps of December 2024 to December 2025: the report said "From 2024 (1 months) to 2025 the local UMKM share
     * changed by -10.2 percentage points", one December against a whole year (and "1 months"). A part of a year is
     * not comparable with a whole one: the trend runs from the first to the last full year, and with fewer than two
     * there is none; a partial headline year after two full ones leaves the trend to those two.
     */
    /**
     * Issue 4 asks what local UMKM would earn in 2030 against foreign-origin goods; the projection computes it
     * (summary.json {@code umkm}) and the report now says it under the targets, in both languages; not when the
     * observed year withholds either share. And a withheld change in the trend is said to be withheld, not
     * written as a value ("the unknown share by [c]").
     */
    @Test
    void theReportSaysWhatLocalUmkmWouldEarnIn2030AndWithheldTrendsAreNotValues() throws Exception {
        JsonNode summary = JSON.readTree("""
                {"months_observed": 36, "selected": "ensemble", "last_observed_year": 2025,
                 "umkm": {"year": 2030, "share_last_year_pct": 21.6216, "share_2030_pct": 25.1541, "share_2030_lo95_pct": 16.1057,
                  "share_2030_hi95_pct": 36.7494, "umkm_value_2030_idr": 679304335336176, "foreign_origin_share_2030_pct": 36.4661,
                  "foreign_origin_share_2030_lo95_pct": 22.0627, "foreign_origin_share_2030_hi95_pct": 53.395,
                  "foreign_origin_value_2030_idr": 981135969342310}}""");
        ReportData base = simple();
        ReportData d = data(base.annual(), projection(base.projection().targets(), List.of(), summary));
        assertTrue(html(d, "en").contains("On the trend of the observed shares, local UMKM would earn 25.2% of e-commerce GMV in 2030 "
                + "(95% interval 16.1% – 36.7%), about IDR 679.3 trillion, and foreign-origin goods 36.5% (95% interval 22.1% – 53.4%), "
                + "about IDR 981.1 trillion."), html(d, "en"));
        assertTrue(markdown(d, "id").contains("UMKM lokal akan memperoleh 25,2% dari GMV e-commerce pada 2030 (selang 95% 16,1% – 36,7%), "
                + "sekitar Rp679,3 triliun"), markdown(d, "id"));
        // each figure is a median over paths, not share × total, and says so
        assertTrue(html(d, "en").contains("Each figure is the median over the simulated paths"), "medians");
        // whether the intervals hold the observed year's shares (no clear trend) is said first, and only then
        java.math.BigDecimal umkmNow = d.headlineYear().share(d.headlineYear().gmv("LOCAL_UMKM"));
        java.math.BigDecimal foreignNow = d.headlineYear().share(d.headlineYear().foreignOrigin());
        for (boolean include : new boolean[]{true, false}) {
            com.fasterxml.jackson.databind.node.ObjectNode u = summary.deepCopy();
            com.fasterxml.jackson.databind.node.ObjectNode um = (com.fasterxml.jackson.databind.node.ObjectNode) u.get("umkm");
            um.put("share_2030_lo95_pct", include ? umkmNow.doubleValue() - 5 : umkmNow.doubleValue() + 1)
                    .put("share_2030_hi95_pct", umkmNow.doubleValue() + 20)
                    .put("foreign_origin_share_2030_lo95_pct", foreignNow.doubleValue() - 5)
                    .put("foreign_origin_share_2030_hi95_pct", foreignNow.doubleValue() + 5);
            ReportData dd = data(base.annual(), projection(base.projection().targets(), List.of(), u));
            String en = html(dd, "en");
            assertEquals(include, en.contains("The observed months show no clear trend in the shares: the 95% intervals below both include "
                    + "the shares of 2025 (local UMKM " + fmtPct(umkmNow) + ", foreign-origin goods " + fmtPct(foreignNow) + ")"), en);
            assertEquals(include, html(dd, "id").contains("tidak menunjukkan tren pangsa yang jelas"));
        }
        // a history too short for a trend in the shares: held at their recent level, and the sentence says so
        com.fasterxml.jackson.databind.node.ObjectNode held = summary.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) held.get("umkm")).put("trend", "held_level");
        ReportData h = data(base.annual(), projection(base.projection().targets(), List.of(), held));
        assertTrue(html(h, "en").contains("too few to tell a trend in the shares from a seasonal swing, so they are held at their "
                + "level of the last 12 months: local UMKM would earn 25.2% of e-commerce GMV in 2030 (95% interval 16.1% – 36.7%, wide "
                + "because it allows for the observed trend continuing or reversing)"), html(h, "en"));
        assertFalse(html(h, "en").contains("On the trend of the observed shares"));
        assertTrue(markdown(h, "id").contains("sehingga pangsa ditahan pada tingkat 12 bulan terakhir: UMKM lokal akan memperoleh 25,2%"),
                markdown(h, "id"));
        ReportData.Headline withheld = base.annual().get(0).withDisclosure(Map.of("LOCAL_UMKM", Disclosure.Status.PRIMARY,
                "LOCAL_LARGE", Disclosure.Status.SECONDARY));
        assertFalse(html(data(List.of(withheld), d.projection()), "en").contains("umkm-2030"), "the observed share is withheld");

        ReportData.Headline y2024 = headline("2024", "300", "80", "780", "30", "560")
                .withDisclosure(Map.of("LOCAL_LARGE", Disclosure.Status.PRIMARY, "UNKNOWN", Disclosure.Status.SECONDARY));
        ReportData.Headline y2025 = base.annual().get(0)
                .withDisclosure(Map.of("LOCAL_LARGE", Disclosure.Status.PRIMARY, "UNKNOWN", Disclosure.Status.SECONDARY));
        ReportData two = data(List.of(y2024, y2025), d.projection());
        for (String lang : List.of("en", "id")) {
            String page = html(two, lang);
            assertFalse(page.contains("by [c]") || page.contains("asing [c]") || page.contains("diketahui [c]."), lang + ": " + page);
            assertTrue(page.contains(lang.equals("en") ? "the change of the unknown share is withheld for confidentiality [c]."
                    : "perubahan pangsa yang asalnya tidak diketahui dirahasiakan [c]."), lang);
        }
    }

    @Test
    void theTrendComparesFullYearsOnlyNotOneDecemberWithAYear() {
        ReportData.Headline dec2024 = new ReportData.Headline("2024", 1, bd("100"), bd("30"), bd("0"), bd("40"), bd("1"), bd("29"),
                10, 10, 20, Map.of());
        ReportData.Headline y2025 = headline("2025", "20", "5", "40", "1", "34");
        ReportData d = data(List.of(dec2024, y2025), simple().projection());
        for (String lang : List.of("en", "id")) {
            String page = html(d, lang);
            assertFalse(page.contains(lang.equals("en") ? "changed by -10.0" : "berubah -10,0"), lang + ": no trend from one month");
            assertTrue(page.contains(lang.equals("en")
                    ? "Fewer than two full calendar years are observed (2024 (1 month), 2025), and part of a year is not comparable with a whole one: no trend yet."
                    : "Baru kurang dari dua tahun kalender penuh yang teramati (2024 (1 bulan), 2025)"), lang);
            assertFalse(page.contains("(1 months)"), lang);
        }
        ObjectNode change = (ObjectNode) ReportSummary.build(d, List.of("en"), List.of()).get("trend_change_pp");
        assertTrue(change.path("from_year").isNull(), change.toString());

        // two full years and a partial headline year: the trend is 2023 to 2024
        ReportData.Headline y2023 = headline("2023", "30", "5", "40", "1", "24");
        ReportData.Headline y2024 = headline("2024", "25", "5", "40", "1", "29");
        ReportData.Headline oct2025 = new ReportData.Headline("2025", 10, bd("100"), bd("10"), bd("5"), bd("60"), bd("1"), bd("24"),
                10, 10, 20, Map.of());
        ReportData three = data(List.of(y2023, y2024, oct2025), simple().projection());
        assertTrue(html(three, "en").contains("From 2023 to 2024 the local UMKM share changed by -5.0 percentage points, "
                + "the foreign-origin share by ±0.0 percentage points and the unknown share by +5.0 percentage points."));
        ObjectNode c3 = (ObjectNode) ReportSummary.build(three, List.of("en"), List.of()).get("trend_change_pp");
        assertEquals(2023, c3.path("from_year").asInt());
        assertEquals(2024, c3.path("to_year").asInt());
        assertEquals(-5.0, c3.path("local_umkm").asDouble(), 1e-9);
        assertEquals(5.0, c3.path("unknown").asDouble(), 1e-9);
    }
    /**
     * Six months of sales project nothing (the projection's summary.json {@code status: not_projected}, its targets
     * without values): the report still publishes the observed shares, says in each language why there is no
     * projection and how to get one, and draws no projection chart, target verdict or target table.
     */
    @Test
    void aHistoryTooShortToProjectStillReportsTheObservedSharesAndSaysWhyNothingIsProjected() throws Exception {
        JsonNode summary = JSON.readTree("""
                {"status": "not_projected", "not_projected_reason": "only 6 contiguous months of completed sales (2025-07 to 2025-12): a projection needs at least 12",
                 "first_observed_month": "2025-07", "last_observed_month": "2025-12", "months_observed": 6,
                 "warnings": ["only 6 contiguous months of completed sales (2025-07 to 2025-12): a projection needs at least 12"]}""");
        BigDecimal t400 = bd("400000000000000");
        List<ReportData.Target> targets = List.of(new ReportData.Target("article", "article", 2030, t400, null, null, null, null,
                null, null, null, null, "not projected", null, null, null));
        ReportData.Headline h = new ReportData.Headline("2025", 6, bd("1870"), bd("400"), bd("80"), bd("780"), bd("30"), bd("580"),
                100, 150, 40, Map.of());
        ReportData d = data(List.of(h), new ReportData.Projection("total_gmv", null, true, List.of(), targets, List.of(),
                Optional.of(summary)));

        String en = html(d, "en");
        String id = html(d, "id");
        assertTrue(en.contains("Not projected: only 6 contiguous months of completed sales (July 2025 to December 2025), and a "
                + "projection needs at least 12"), "en reason, localised months");
        assertTrue(id.contains("Tidak diproyeksikan: hanya 6 bulan berturut-turut penjualan selesai (Juli 2025 sampai Desember 2025)"),
                "id reason");
        for (String page : List.of(en, id)) {
            assertFalse(page.contains("figures/projection_"), "no projection chart");
            assertFalse(page.contains("id=\"intervals-caveat\""), "no interval caveat without intervals");
            assertFalse(page.contains("class=\"pill\""), "no target verdict");
            assertFalse(page.contains("id=\"target-caveat\""), "no target table");
            assertFalse(page.contains("null") || page.contains("NaN"), "no null or NaN printed");
        }
        // the reason is the section's answer: no "not available" box under it repeating that nothing is there
        String section = en.substring(en.indexOf("<section id=\"projection\">"), en.indexOf("</section>", en.indexOf("<section id=\"projection\">")));
        assertFalse(section.contains("Not available in this run."), section);
        assertTrue(en.contains("21.4%") && id.contains("21,4%"), "the observed UMKM share is published");
        String md = markdown(d, "en");
        assertTrue(md.contains("Not projected: only 6 contiguous months") && !md.contains("figures/projection_"), md);

        ObjectNode out = ReportSummary.build(d, List.of("en"), List.of());
        assertEquals("not_projected", out.path("projection").path("status").asText());
        assertTrue(out.path("projection").path("not_projected_reason").asText().startsWith("only 6 contiguous months"));
        assertTrue(out.path("projection").path("basis").isNull());
        assertTrue(out.path("targets").get(0).path("projected_idr").isNull());
        assertTrue(out.path("targets").get(0).path("on_track").isNull());

        // fourteen months, but no fully observed year with a benchmark: said as such, not as a short history
        JsonNode uncalibrated = JSON.readTree("""
                {"status": "not_projected", "not_projected_cause": "no_calibration_year",
                 "not_projected_reason": "no year has both a full year of observed sales ([2025]) and ...",
                 "first_observed_month": "2024-10", "last_observed_month": "2025-11", "months_observed": 14}""");
        ReportData u = data(List.of(h), new ReportData.Projection("total_gmv", null, true, List.of(), targets, List.of(),
                Optional.of(uncalibrated)));
        String uen = html(u, "en");
        assertTrue(uen.contains("Not projected: 14 months of completed sales (October 2024 to November 2025), but no fully observed "
                + "calendar year has a benchmark figure"), uen);
        assertFalse(uen.contains("only 14 contiguous months"), "not a short history");
        assertTrue(html(u, "id").contains("Tidak diproyeksikan: ada 14 bulan penjualan selesai (Oktober 2024 sampai November 2025), "
                + "tetapi tidak ada tahun kalender yang teramati penuh yang memiliki angka pembanding"));
        assertTrue(uen.contains("no fully observed year has a benchmark to calibrate the coverage factor"), "the methodology says why");
    }
    /**
     * The third answer on the first screen carries what a minister needs to read each verdict: the probability, and
     * the targets' caveats (a "digital economy" target is wider than the e-commerce GMV projected, so "off track"
     * against it is e-commerce alone; a target already below the observed national value was already exceeded). The
     * card showed only "Off track Rp4.531 triliun ...", the caveats came two screens down under the target table.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theFirstScreensTargetAnswerCarriesTheProbabilityAndTheCaveats() {
        JsonNode summary = JSON.createObjectNode().put("last_observed_year", 2025).put("last_observed_year_value_idr", 987600000000000L);
        ReportData d = data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                projection(List.of(target("article", "123400000000000", "2000000000000000"),
                        target("ministry", "5678000000000000", "2000000000000000", "digital_economy")), List.of(), summary));
        Map<String, List<String>> expected = Map.of(
                "en", List.of("probability 90.0%", "already exceeded: the estimated national value of 2025, observed sales × coverage factor, is IDR 987.6 trillion",
                        "probability 10.0%", "wider \"digital economy\" figure: e-commerce GMV alone does not show it missed"),
                "id", List.of("peluang 90,0%", "sudah terlampaui: perkiraan nilai nasional pada 2025, penjualan teramati × faktor cakupan, adalah Rp987,6 triliun",
                        "peluang 10,0%", "angka \"ekonomi digital\" yang lebih luas: GMV e-commerce saja tidak menunjukkan target ini tidak tercapai"));
        for (String lang : List.of("en", "id")) {
            Matcher card = Pattern.compile("<article class=\"card target\">(.*?)</article>", Pattern.DOTALL).matcher(html(d, lang));
            assertTrue(card.find(), lang);
            String text = card.group(1).replace("&quot;", "\"");
            String md = markdown(d, lang);
            String answers = md.substring(md.indexOf("## "), md.indexOf("## ", md.indexOf("## ") + 3)).replace("&quot;", "\"");
            for (String e : expected.get(lang)) {
                assertTrue(text.contains(e), lang + " card: " + e + " in " + text);
                assertTrue(answers.contains(e), lang + " markdown answers: " + e + " in " + answers);
            }
        }
    }

    /**
     * A "digital economy" target below the observed national e-commerce value (the article's Rp400 triliun against
     * 2025's Rp1,291 triliun): a wider aggregate smaller than a narrower one cannot be set against it, and "On track,
     * reached 2023" read as good news. Its verdict is "not comparable"; an e-commerce target below it is still on track.
     */
    @Test
    void aWiderTargetBelowTheObservedEcommerceValueIsNotComparable() {
        JsonNode summary = JSON.createObjectNode().put("last_observed_year", 2025).put("last_observed_year_value_idr", 987600000000000L);
        ReportData d = data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                projection(List.of(target("article", "400000000000000", "2000000000000000", "digital_economy"),
                        target("narrow", "400000000000000", "2000000000000000", "ecommerce_gmv")), List.of(), summary));
        String en = markdown(d, "en");
        assertTrue(en.contains("| Not comparable: a wider figure below the e-commerce value alone (possibly misquoted) |"), en);
        assertTrue(en.contains("| On track |"), "an e-commerce target below the observed value is on track");
        assertTrue(markdown(d, "id").contains("Tidak sebanding: angka cakupan lebih luas"));
        assertTrue(html(d, "en").contains("<p class=\"verdict neutral\"><span class=\"pill\">Not comparable"), "neither good nor bad news");
        // the table gives no probability or year for it (99.9% and "2023" beside "not comparable" contradicted it), and
        // summary.json no on_track: its verdict says why (the audit of 2 Dec 2026)
        String row = en.lines().filter(l -> l.startsWith("| article |") || l.contains("| Not comparable")).findFirst().orElseThrow();
        assertTrue(row.contains("| – | – |"), row);
        // nor does the first screen: the card said "(probability 99.9%; already exceeded: ...)" beside "Not comparable"
        // (the print audit of 2 Dec 2026); it keeps the caveat, and the e-commerce target below it keeps its probability
        for (String lang : List.of("en", "id")) {
            Matcher card = Pattern.compile("<span class=\"pill\">(?:Not comparable|Tidak sebanding)[^<]*</span> [^<]*\\(article\\)"
                    + "\\s*<small>\\(([^<]*)\\)</small>").matcher(html(d, lang));
            assertTrue(card.find(), lang + ": the card's line for the target");
            assertFalse(card.group(1).contains("probability") || card.group(1).contains("peluang"), lang + ": " + card.group(1));
            assertTrue(card.group(1).startsWith(lang.equals("en") ? "already exceeded: " : "sudah terlampaui: "), lang + ": " + card.group(1));
            assertTrue(html(d, lang).contains(lang.equals("en") ? "(narrow) <small>(probability 90.0%; already exceeded"
                    : "(narrow) <small>(peluang 90,0%; sudah terlampaui"), lang + ": the comparable target keeps its probability");
        }
        assertTrue(en.contains("so possibly misquoted (already exceeded: the estimated national value of 2025"),
                "the Markdown's answer keeps the caveat after its sentence");
        ObjectNode out = ReportSummary.build(d, List.of("en"), List.of());
        assertTrue(out.at("/targets/0/on_track").isNull(), out.at("/targets/0").toString());
        assertEquals("not_comparable", out.at("/targets/0/verdict").asText());
        assertTrue(out.at("/targets/0/probability").isNull() && out.at("/targets/0/crossing_year").isNull(),
                "summary.json agrees with the table (and the revisions table, read from it, shows '–'): " + out.at("/targets/0"));
        assertTrue(out.at("/targets/1/probability").isNumber(), "the comparable target keeps its probability");
        assertEquals("digital_economy", out.at("/targets/0/scope").asText());
        assertEquals("on_track", out.at("/targets/1/verdict").asText());
        assertTrue(out.at("/targets/1/on_track").asBoolean());

        // a wider figure the e-commerce projection does not reach: not "off track", which the data cannot say of it
        ReportData wide = data(List.of(headline("2025", "400", "80", "780", "30", "560")),
                projection(List.of(target("ministry", "4531000000000000", "2000000000000000", "digital_economy"),
                        target("narrow", "4531000000000000", "2000000000000000", "ecommerce_gmv")), List.of(), summary));
        String w = markdown(wide, "en");
        assertTrue(w.contains("| Not reached by e-commerce GMV alone: a wider figure, which the projection does not measure |"), w);
        assertTrue(w.contains("| Off track |"), "an e-commerce target not reached is off track");
        assertTrue(markdown(wide, "id").contains("Tidak tercapai oleh GMV e-commerce saja"));
        assertTrue(html(wide, "en").contains("<p class=\"verdict neutral\"><span class=\"pill\">Not reached by e-commerce GMV alone"));
        assertTrue(html(wide, "en").contains("<p class=\"verdict no\"><span class=\"pill\">Off track"));
        ObjectNode ws = ReportSummary.build(wide, List.of("en"), List.of());
        assertEquals("not_reached_by_ecommerce", ws.at("/targets/0/verdict").asText());
        assertFalse(ws.at("/targets/0/on_track").asBoolean());
        assertEquals("off_track", ws.at("/targets/1/verdict").asText());
        assertTrue(en.contains("IDR 400.0 trillion (article): not comparable with the projection: a wider \"digital economy\" figure"), en);
        assertFalse(en.contains("IDR 400.0 trillion (article): reached on the central projection"), "the first answer agrees with the table");
    }

    /**
     * The headline's concentration sentence: the three largest sellers' share of the year's GMV (whole percent), and at
     * half or more that the shares follow their sales mix and describe these dumps; nothing when it is not known.
     */
    @Test
    void theFirstScreenSaysHowConcentratedTheSalesAre() {
        ReportData base = simple();
        java.util.function.Function<BigDecimal, ReportData> with = cr3 -> new ReportData(base.runId(), base.generatedAt(), base.annual(),
                base.monthly(), base.breakdowns(), base.evidence(), base.permendag(), base.projection(), base.reconciliation(),
                base.quarantineReasons(), base.classifyStats(), base.fx(), base.provinceNames(), base.categoryLabels(), base.manifest(),
                base.config(), base.warnings(), ReportData.ORDER_LINE, cr3);
        assertTrue(markdown(with.apply(bd("83.4")), "en").contains("In 2025 the three largest sellers in these dumps hold 83% of their "
                + "observed GMV: the shares above largely follow those sellers' sales mix, and describe these dumps, not every seller in Indonesia."));
        assertTrue(markdown(with.apply(bd("83.4")), "id").contains("Pada 2025 tiga penjual terbesar dalam dump ini menguasai 83% dari GMV teramati: "));
        String low = markdown(with.apply(bd("12.6")), "en");
        assertTrue(low.contains("In 2025 the three largest sellers in these dumps hold 13% of their observed GMV.") && !low.contains("sales mix"), low);
        assertFalse(markdown(base, "en").contains("three largest sellers"), "not known: no sentence");
        assertEquals(83, ReportSummary.build(with.apply(bd("83.4")), List.of("en"), List.of()).at("/headline/top3_sellers_share_pct").asInt());
        assertTrue(ReportSummary.build(base, List.of("en"), List.of()).at("/headline/top3_sellers_share_pct").isNull());
    }

    /**
     * A new marketplace is named in the report by its mapping ({@code label}, {@code label_id}), not by a code change:
     * "blibli" was printed as its id in both languages. A mapping's name wins over the report's own; without either the
     * id stays.
     */
    @Test
    void aMarketplaceIsNamedByItsMapping() {
        ReportData base = simple();
        ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), base.breakdowns(), base.evidence(),
                base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(), base.classifyStats(), base.fx(),
                base.provinceNames(), base.categoryLabels(), base.manifest(), base.config(), base.warnings(), ReportData.ORDER_LINE, null,
                Map.of("blibli", new ReportData.CategoryLabel("Blibli", null),
                        "crossborder", new ReportData.CategoryLabel("Foreign storefronts", "Toko luar negeri")));
        assertEquals("Blibli", new ReportView(d, "en").marketplaceName("blibli"));
        assertEquals("Blibli", new ReportView(d, "id").marketplaceName("blibli"), "label_id left out: the label");
        assertEquals("Toko luar negeri", new ReportView(d, "id").marketplaceName("crossborder"));
        assertEquals("Foreign storefronts", new ReportView(d, "en").marketplaceName("crossborder"), "the mapping's name wins");
        assertEquals("TikTok Shop", new ReportView(d, "en").marketplaceName("tiktokshop"), "the report's own name");
        assertEquals("zalora", new ReportView(d, "en").marketplaceName("zalora"), "neither: the id");
    }

    /**
     * The note under the headline table: the figures there are observed sample values, not "national" ones (the
     * report's word for values scaled by the coverage factor); the dominance threshold reads as everywhere else
     * (85%, not 85.0%); the Indonesian sentence has its verb ("gabungan ... mencakup 34,6% dari GMV").
     */
    @Test
    void theHeadlineWithheldNoteSpeaksOfObservedValues() {
        ReportData base = simple();
        ReportData.Headline h = base.annual().get(0).withDisclosure(
                Map.of("LOCAL_LARGE", Disclosure.Status.PRIMARY, "UNKNOWN", Disclosure.Status.SECONDARY));
        ReportData d = data(List.of(h), base.projection());
        for (String lang : List.of("en", "id")) {
            Matcher m = Pattern.compile("<p class=\"note\" id=\"headline-withheld\">([^<]*)</p>").matcher(html(d, lang));
            assertTrue(m.find(), lang);
            String note = m.group(1);
            assertFalse(note.toLowerCase(java.util.Locale.ROOT).contains("national") || note.contains("nasional"), note);
            assertTrue(note.contains(lang.equals("en") ? "more than 85% " : "lebih dari 85% "), note);
            assertTrue(note.contains(lang.equals("en") ? "together they hold 34.6% of the GMV" : "mencakup 34,6% dari GMV"), note);
        }
    }

    /**
     * A year one firm dominates: a large local firm holds 89% of all sales, so the total fails the dominance rule with
     * the large local class, and the headline withholds those two (a line with two withheld entries, nothing determined).
     * The shares of the published classes were still shown: 100% − their sum gave the firm's share (90.0%), and any
     * published value ÷ its share gave the total back (the flagged Permendag GMV ÷ its share of all GMV, an evidence
     * row ÷ its share, local UMKM ÷ summary.json's share_last_year_pct), hence the firm's sales. A share of a withheld
     * total is withheld with it, everywhere.
     */
    @Test
    void aYearOneFirmDominatesShowsNoShareOfItsWithheldTotal() throws Exception {
        long bn = 1_000_000_000L;
        // classes in HeadlineDisclosure.KEYS order: local UMKM, large local, imported, cross-border, unknown, total, foreign
        Disclosure.Cell[] cells = {
                new Disclosure.Cell(BigDecimal.valueOf(3_170_000_000L), 12, BigDecimal.valueOf(400_000_000L)),
                new Disclosure.Cell(BigDecimal.valueOf(90 * bn), 2, BigDecimal.valueOf(89 * bn)),
                new Disclosure.Cell(BigDecimal.valueOf(4_210_000_000L), 9, BigDecimal.valueOf(bn)),
                new Disclosure.Cell(BigDecimal.valueOf(530_000_000L), 5, BigDecimal.valueOf(200_000_000L)),
                new Disclosure.Cell(BigDecimal.valueOf(2_090_000_000L), 20, BigDecimal.valueOf(300_000_000L)),
                new Disclosure.Cell(BigDecimal.valueOf(100 * bn), 48, BigDecimal.valueOf(89 * bn)),
                new Disclosure.Cell(BigDecimal.valueOf(4_740_000_000L), 14, BigDecimal.valueOf(bn))};
        String[][] rows = {{"LOCAL_UMKM", "ORIGIN_DECLARED_ID"}, {"LOCAL_LARGE", "BRAND_LOCAL"},
                {"IMPORTED", "BRAND_FOREIGN"}, {"CROSS_BORDER", "XB_FLAG"}, {"UNKNOWN", "NO_EVIDENCE"}};
        List<HeadlineDisclosure.EvidenceCell> evCells = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) evCells.add(new HeadlineDisclosure.EvidenceCell(rows[i][0], cells[i]));
        HeadlineDisclosure.Result r = HeadlineDisclosure.headlineYear(cells, Map.of(), evCells, RULES);
        Map<String, Disclosure.Status> verdicts = new java.util.LinkedHashMap<>();
        for (int k = 0; k < cells.length; k++) verdicts.put(HeadlineDisclosure.KEYS.get(k), r.headline()[k]);
        assertEquals(List.of("LOCAL_LARGE", "TOTAL"), verdicts.entrySet().stream().filter(e -> e.getValue().suppressed())
                .map(Map.Entry::getKey).toList(), "the rules withhold the firm's class and the total, nothing else");
        ReportData.Headline h = headline("2025", "3170000000", "90000000000", "4210000000", "530000000", "2090000000")
                .withDisclosure(verdicts);
        List<ReportData.Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            evidence.add(new ReportData.Evidence(rows[i][0], rows[i][1], 10, cells[i].gmv(), cells[i].sellers(),
                    cells[i].topSellerGmv(), r.evidence()[i]));
        }
        // 212 million flagged from 4 sellers: 0.2% of all GMV, 40.0% of cross-border GMV
        ReportData.Permendag permendag = new ReportData.Permendag(2025, 30, bd("212000000"), 900, h.total(), 40,
                bd("530000000"), 4, bd("80000000"), false, false);
        JsonNode summary = JSON.readTree("""
                {"months_observed": 12, "selected": "ensemble", "last_observed_year": 2025,
                 "umkm": {"year": 2030, "share_last_year_pct": 3.17, "share_2030_pct": 4.0}}""");
        // a target the projection misses (probability 10.0%: no 90.0% on the page but the firm's share)
        ReportData base = data(List.of(h), projection(List.of(target("ministry", "4531000000000000", "2000000000000000")), List.of(), summary));
        ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), base.breakdowns(),
                Optional.of(evidence), Optional.of(permendag), base.projection(), base.reconciliation(), base.quarantineReasons(),
                base.classifyStats(), base.fx(), base.provinceNames(), base.categoryLabels(), base.manifest(), base.config(), base.warnings());

        Map<String, List<String>> shares = Map.of(
                "en", List.of("3.2%", "90.0%", "4.2%", "0.5%", "2.1%", "4.7%", "0.2%"),
                "id", List.of("3,2%", "90,0%", "4,2%", "0,5%", "2,1%", "4,7%", "0,2%"));
        for (String lang : List.of("en", "id")) {
            for (String text : List.of(html(d, lang), markdown(d, lang))) {
                for (String share : shares.get(lang)) assertFalse(text.contains(share), lang + ": a share of the withheld total: " + share);
                assertTrue(text.contains(lang.equals("en") ? "The local UMKM share of observed online GMV in 2025 is withheld"
                        : "Pangsa UMKM lokal dalam GMV daring yang teramati pada 2025 dirahasiakan"), lang);
                assertTrue(text.contains(lang.equals("en") ? "40.0% of cross-border GMV, from 4 foreign sellers; their share of all "
                        + "observed GMV is withheld for confidentiality [c] with the total."
                        : "40,0% dari GMV lintas batas, dari 4 penjual asing; pangsanya dalam seluruh GMV teramati dirahasiakan [c]"), lang);
            }
        }
        ObjectNode out = ReportSummary.build(d, List.of("en"), List.of());
        assertTrue(out.at("/headline/local_umkm_share_pct").isNull());
        assertEquals(3170000000L, out.at("/headline/local_umkm_gmv_idr").asLong(), "the value itself stays published");
        assertTrue(out.at("/permendag31/flagged_share_of_gmv_pct").isNull(), out.at("/permendag31").toString());
        assertEquals(40.0, out.at("/permendag31/flagged_share_of_cross_border_gmv_pct").asDouble());
        assertTrue(out.at("/projection/umkm/share_last_year_pct").isNull(), "3.17% and the published local UMKM value give the total");
    }

    /**
     * 2024 published, 2025 dominated by one firm (total and large local withheld). The coverage factor is withheld, but
     * 2024's national point ÷ its published total gives it back, and 2025's national value ÷ the factor is 2025's total:
     * the chart's 2025 point (to the pixel), the caveat's "observed national value of 2025 (IDR 700.0 trillion)" and the
     * required growth from it (target ÷ (1 + growth)^5) all gave it. A year whose total is withheld shows no national value.
     */
    @Test
    void aWithheldYearsNationalValueIsNotShownNextToAPublishedYear() throws Exception {
        // factor 7000: 2024 total 80 billion → 560 trillion; 2025 total 100 billion (withheld) → 700 trillion
        ReportData.Headline y2024 = headline("2024", "3000000000", "60000000000", "9000000000", "1000000000", "7000000000");
        ReportData.Headline y2025 = headline("2025", "3170000000", "90000000000", "4210000000", "530000000", "2090000000")
                .withDisclosure(Map.of("LOCAL_LARGE", Disclosure.Status.PRIMARY, "TOTAL", Disclosure.Status.PRIMARY));
        List<ReportData.Point> points = List.of(
                new ReportData.Point("2024", "OBSERVED", bd("560000000000000"), null, null, null, null),
                new ReportData.Point("2025", "OBSERVED", bd("700000000000000"), null, null, null, null),
                new ReportData.Point("2030", "PROJECTED", bd("1500000000000000"), bd("1200000000000000"), bd("1800000000000000"),
                        bd("1000000000000000"), bd("2100000000000000")));
        JsonNode summary = JSON.readTree("""
                {"months_observed": 24, "selected": "ensemble", "last_observed_year": 2025,
                 "last_observed_year_value_idr": 700000000000000,
                 "coverage": {"method": "benchmark_calibration", "factor": 7000.0, "factor_lo95": 5200.0, "factor_hi95": 9400.0,
                   "log_sd": 0.15, "benchmark_points": 1, "points": [], "note": "factor 7000.00"}}""");
        // the article's Rp400 triliun is below 2025's national value; its required growth runs from that value:
        // (400 / 700)^(1/5) − 1 = −10.6%
        ReportData.Target t = target("article", "400000000000000", "1500000000000000");
        List<ReportData.Target> targets = List.of(new ReportData.Target(t.name(), t.label(), t.year(), t.targetIdr(), t.projectedIdr(),
                t.lo80(), t.hi80(), t.lo95(), t.hi95(), t.gap(), t.probability(), t.crossingYear(), t.crossingLabel(), -10.6, null, null));
        ReportData d = data(List.of(y2024, y2025), new ReportData.Projection("total_gmv", "ensemble", true, points, targets,
                List.of(), Optional.of(summary)));

        assertEquals(List.of("2024 OBSERVED", "2030 PROJECTED"),
                ReportView.chartPoints(d).stream().map(pt -> pt.period() + " " + pt.kind()).toList(), "the points the chart draws");
        for (String lang : List.of("en", "id")) {
            for (String text : List.of(html(d, lang), markdown(d, lang))) {
                assertFalse(text.contains(lang.equals("en") ? "IDR 700.0 trillion" : "Rp700,0 triliun"), lang + ": 2025's national value");
                assertFalse(text.contains(lang.equals("en") ? "-10.6%" : "-10,6%"), lang + ": the required growth from 2025's national value");
                assertTrue(text.contains(lang.equals("en") ? "IDR 1,500.0 trillion" : "Rp1.500,0 triliun"), lang + ": the projection stays");
            }
        }
        // the same years with 2025 published: its point, value and growth are shown
        ReportData open = data(List.of(y2024, y2025.withDisclosure(Map.of())), d.projection());
        assertEquals(3, ReportView.chartPoints(open).size());
        // (a target below that value needs no growth: "already exceeded", not a negative rate)
        assertTrue(html(open, "en").contains("IDR 700.0 trillion") && html(open, "en").contains("already exceeded")
                && !html(open, "en").contains("-10.6%"));
    }

    /**
     * Category rows were listed by GMV, largest first, withheld totals included: a category one seller dominates (Rp9,9
     * juta, 94% one seller's) between two published ones of Rp10,0 and Rp9,8 juta was bounded to ±1% by its place in
     * the table, and its dominant seller's sales with it, though no line gives it away (the audit is satisfied). Rows
     * whose total is withheld now follow the published ones, in the order of their keys.
     */
    @Test
    void aWithheldCategoryIsNotRankedBetweenItsPublishedNeighbours() {
        ReportData d = dominatedCategoryBetweenTwoOfItsSize();
        String md = markdown(d, "en");
        String table = md.substring(md.indexOf("### By product category"));
        List<String> labels = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| (apparel|beauty|crafts|dolls) \\|").matcher(table);
        while (m.find()) labels.add(m.group(1));
        assertEquals(List.of("apparel", "crafts", "beauty", "dolls"), labels, table);
    }

    /**
     * The province chart draws each province's local UMKM share: its note counted the rows whose total is withheld and
     * not those whose total is published but whose UMKM cell is withheld or nil, which are missing from it too.
     */
    @Test
    void theProvinceChartNoteCountsEveryRowItLeavesOut() {
        ReportData base = dominatedCategoryBetweenTwoOfItsSize();
        ReportData.Breakdown c = base.breakdowns().get("category");
        Disclosure.Status[][] st = java.util.Arrays.stream(c.status()).map(Disclosure.Status[]::clone).toArray(Disclosure.Status[][]::new);
        st[0][0] = Disclosure.Status.SECONDARY;     // apparel: total published, its UMKM cell withheld
        ReportData.Breakdown province = new ReportData.Breakdown("province", "seller_province_code", c.rowKeys(), c.grid(), st, true, 2025);
        ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), Map.of("province", province),
                base.evidence(), base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(),
                base.classifyStats(), base.fx(), base.provinceNames(), base.categoryLabels(), base.manifest(), base.config(), base.warnings());
        String md = markdown(d, "en");
        assertTrue(md.contains("2 row(s) whose total is withheld [c] are not in it. Nor are 1 row(s) whose local UMKM share is withheld [c] or nil."), md);
        assertTrue(markdown(d, "id").contains("Begitu pula 1 baris yang pangsa UMKM lokalnya dirahasiakan [c] atau nihil."));
    }

    /**
     * Categories apparel, beauty, crafts, dolls of Rp10,0, 9,9, 9,8 and 3,0 juta; beauty is 94% one seller's (its total
     * fails the rules). Dolls' Rp2,0 juta of local UMKM leave beauty's cells the room their protection levels ask
     * (Rp1,04 and 1,54 juta up: the top seller's Rp9,3 juta ÷ 0.85), so dolls is their only complement.
     */
    static ReportData dominatedCategoryBetweenTwoOfItsSize() {
        // rows apparel, beauty, crafts, dolls by GMV; columns local UMKM, large local, imported, cross-border, unknown, total
        Disclosure.Cell e = Disclosure.Cell.EMPTY;
        Disclosure.Cell[][] grid = {
                {cell(6_000_000, 5, 2_000_000), e, cell(4_000_000, 5, 1_000_000), e, e, cell(10_000_000, 10, 2_000_000)},
                {cell(9_400_000, 2, 9_300_000), e, cell(500_000, 4, 200_000), e, e, cell(9_900_000, 6, 9_300_000)},
                {cell(5_800_000, 5, 2_000_000), e, cell(4_000_000, 5, 1_000_000), e, e, cell(9_800_000, 10, 2_000_000)},
                {cell(2_000_000, 5, 600_000), e, cell(1_000_000, 5, 300_000), e, e, cell(3_000_000, 10, 600_000)},
                {cell(23_200_000, 17, 9_300_000), e, cell(9_500_000, 19, 1_000_000), e, e, cell(32_700_000, 36, 9_300_000)}};
        Disclosure.Status[][] st = Disclosure.protect(grid, RULES);
        assertTrue(st[1][5].suppressed() && st[3][5].suppressed() && !st[0][5].suppressed() && !st[2][5].suppressed(),
                "beauty's total fails the rules, dolls' is its complement");
        ReportData.Breakdown category = new ReportData.Breakdown("category", "category",
                List.of("apparel", "beauty", "crafts", "dolls"), grid, st, true, 2025);
        ReportData base = simple();
        ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), Map.of("category", category),
                base.evidence(), base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(),
                base.classifyStats(), base.fx(), base.provinceNames(), base.categoryLabels(), base.manifest(), base.config(), base.warnings());
        return d;
    }

    /**
     * The HTML marked every withheld cell with its reason (class "primary": it failed the rules, "secondary": it hides
     * one), so a reader learnt which cells have fewer than 3 sellers or one dominant seller, and an attacker which
     * withheld cells are worth bounding. Statistics offices print one mark for both; so does the report now (the counts
     * of each kind stay in the legend).
     */
    @Test
    void theHtmlDoesNotSayWhichWithheldCellsFailedTheRules() {
        String page = html(dominatedCategoryBetweenTwoOfItsSize(), "en");
        assertFalse(page.contains("num primary") || page.contains("num secondary"), "a withheld cell's reason");
        int withheld = 0;
        for (Matcher m = Pattern.compile("<td class=\"num withheld\"><span class=\"supp\"[^>]*>\\[c\\]</span>").matcher(page); m.find(); ) withheld++;
        assertEquals(4, withheld, "beauty's local UMKM cell and total, dolls' local UMKM cell and total");
    }

    private static Disclosure.Cell cell(long gmv, long sellers, long top) {
        return new Disclosure.Cell(BigDecimal.valueOf(gmv), sellers, BigDecimal.valueOf(top));
    }

    /** The classification counts' numbers are right-aligned in Markdown as in the HTML (their columns come from the file). */
    @Test
    void classificationCountsAlignTheirNumbersRightInMarkdown() {
        ReportData base = simple();
        ReportData.GenericTable stats = new ReportData.GenericTable(List.of("marketplace", "origin_class", "sales", "mean_confidence"),
                List.of(List.of("shopee", "IMPORTED", 825L, 0.852), List.of("tokopedia", "UNKNOWN", 429L, 0.004)), 2);
        ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), base.breakdowns(),
                base.evidence(), base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(), Optional.of(stats),
                base.fx(), base.provinceNames(), base.categoryLabels(), base.manifest(), base.config(), base.warnings());
        String md = markdown(d, "en");
        assertTrue(md.contains("|---|---|---:|---:|\n| Shopee | Imported (domestic seller) | 825 | 0.852 |"), md);
    }

    /**
     * Stages run under different configurations (the rules edited, then `neraca report` alone): the stages table says
     * which configuration each ran under, and the earlier configuration's differing files are listed with their hashes.
     */
    @Test
    void theLineageListsTheConfigurationEachStageRanUnder() {
        ReportData base = simple();
        String oldFp = "a".repeat(64);
        String newFp = "b".repeat(64);
        com.fasterxml.jackson.databind.node.ObjectNode manifest = JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ObjectNode cfg = manifest.putObject("configuration");
        cfg.put("file", "/cfg/neraca.yaml").put("sha256", "c".repeat(64)).put("fingerprint", newFp);
        cfg.putArray("files").addObject().put("path", "/cfg/rules.yaml").put("sha256", "d".repeat(64));
        com.fasterxml.jackson.databind.node.ObjectNode old = manifest.putObject("configurations").putObject(oldFp);
        old.put("file", "/cfg/neraca.yaml").put("sha256", "c".repeat(64)).put("fingerprint", oldFp);
        old.putArray("files").addObject().put("path", "/cfg/rules.yaml").put("sha256", "e".repeat(64));
        manifest.putObject("stages").putObject("ClassifySales").put("run_id", "run-1").put("configuration_fingerprint", oldFp);
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.get("stages")).putObject("WriteReport").put("run_id", "run-2")
                .put("configuration_fingerprint", newFp);
        ReportData d = new ReportData(base.runId(), base.generatedAt(), base.annual(), base.monthly(), base.breakdowns(),
                base.evidence(), base.permendag(), base.projection(), base.reconciliation(), base.quarantineReasons(), base.classifyStats(),
                base.fx(), base.provinceNames(), base.categoryLabels(), manifest, base.config(), base.warnings());
        String md = markdown(d, "en");
        assertTrue(md.contains("| ClassifySales | `run-1` | – | – | `aaaaaaaaaaaa` |"), md);
        assertTrue(md.contains("| WriteReport | `run-2` | – | – | `bbbbbbbbbbbb` |"), md);
        assertTrue(md.contains("_Configuration bbbbbbbbbbbb is the one this report was written under._"), md);
        assertTrue(md.contains("#### Configuration aaaaaaaaaaaa (used by ClassifySales): files that differ from the current one "
                + "(/cfg/neraca.yaml)\n\n| File | SHA-256 |\n|---|---|\n| `/cfg/rules.yaml` | `" + "e".repeat(64) + "` |"), md);
        assertFalse(md.contains("`/cfg/neraca.yaml` | `" + "c".repeat(64) + "` |\n\n"), "an unchanged file is not listed as differing");
        String html = html(d, "id");
        assertTrue(html.contains("Konfigurasi aaaaaaaaaaaa (dipakai oleh ClassifySales)"), html);
    }

    /**
     * The revisions table's crossing year: "not within the projection horizon" only where a projection was made and never
     * reached the target (its probability is a number); a year that is null with its probability (fewer than 12 months,
     * nothing projected) reads "–", as the target table says, not that the target is out of reach.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theRevisionsCrossingYearIsADashWhereNothingWasProjected() throws Exception {
        ObjectMapper om = new ObjectMapper();
        JsonNode previous = om.readTree("""
                {"run_id":"r1","targets":[{"name":"rp400t","probability":null,"crossing_year":null},
                                          {"name":"rp4531t","probability":null,"crossing_year":null}]}""");
        JsonNode current = om.readTree("""
                {"run_id":"r2","targets":[{"name":"rp400t","probability":0.95,"crossing_year":2028},
                                          {"name":"rp4531t","probability":0.05,"crossing_year":null}]}""");
        JsonNode rev = Revisions.compare(previous, current);
        Map<String, Object> section = (Map<String, Object>) new ReportView(simple(), "en").withRevisions(rev).context(null).get("revisions");
        Map<String, String> previousYear = new java.util.HashMap<>(), currentYear = new java.util.HashMap<>();
        for (Object o : (List<Object>) section.get("rows")) {
            Map<String, Object> row = (Map<String, Object>) o;
            String label = (String) row.get("label");
            if (label.contains("rp400t") || label.contains("rp4531t")) {
                if (!label.endsWith(": year reached")) continue;
                previousYear.put(label.contains("rp4531t") ? "rp4531t" : "rp400t", (String) row.get("previous"));
                currentYear.put(label.contains("rp4531t") ? "rp4531t" : "rp400t", (String) row.get("current"));
            }
        }
        assertEquals(Map.of("rp400t", "–", "rp4531t", "–"), previousYear, section.toString());
        assertEquals(Map.of("rp400t", "2028", "rp4531t", "not within the projection horizon"), currentYear, section.toString());
    }

    private static String fmtPct(java.math.BigDecimal v) {
        return v.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
