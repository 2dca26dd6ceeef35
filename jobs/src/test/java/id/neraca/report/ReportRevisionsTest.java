package id.neraca.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.SparkTestBase;
import id.neraca.config.NeracaConfig;
import id.neraca.core.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports written one after another into the same folder, as a monthly schedule does: the first says there is nothing
 * to compare with, a rerun says nothing changed, a new dump is named, a figure that moved with nothing under it is
 * called out, a configuration edit is named with the figures it moved. The steps build on each other (ordered).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportRevisionsTest extends SparkTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMMIT = "89abcdef0123456789abcdef0123456789abcdef";
    static Path out;
    static Path reference;

    @BeforeAll
    static void copyFixture() throws IOException {
        ReportRun.Shared shared = ReportRun.shared(spark);
        reference = shared.reference();
        Path root = Files.createTempDirectory("neraca-revisions-test");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ReportFixture.deleteTree(root)));
        out = root.resolve("out");
        ReportRun.copyTree(shared.fixture(), out);
    }

    /** A report as `neraca report` writes it from a clean checkout of {@link #COMMIT}: code and configuration recorded. */
    private static void report(int minSellers) {
        ReportRun.run(spark, out, reference, null, minSellers, 10, (Manifest m, NeracaConfig.Loaded cfg) -> {
            m.configFiles(cfg);
            ObjectNode cv = m.root().putObject("code_version");
            cv.put("jar_version", "test");
            cv.put("project_home", out.getParent().toString());
            cv.put("git_commit", COMMIT);
            cv.put("git_dirty", false);
        });
    }

    private static JsonNode summary() throws IOException {
        return JSON.readTree(out.resolve("report/summary.json").toFile());
    }

    private static String html(String lang) throws IOException {
        return Files.readString(out.resolve("report/index." + lang + ".html"));
    }

    private static List<String> history() throws IOException {
        return Files.readAllLines(out.resolve("report/history.csv"));
    }

    private static String section(String html) {
        int a = html.indexOf("<section id=\"revisions\">");
        assertTrue(a >= 0, "no revisions section");
        return html.substring(a, html.indexOf("</section>", a));
    }

    @Test
    @Order(1)
    void theFirstReportHasNothingToCompareWith() throws IOException {
        report(3);
        JsonNode s = summary();
        assertTrue(s.path("revisions").isNull(), s.path("revisions").toString());
        assertEquals(COMMIT, s.path("lineage").path("git_commit").asText());
        assertEquals(2, s.path("lineage").path("inputs").size());
        assertTrue(s.path("files").toString().contains("history.csv"), "history.csv is listed among the report's files");
        assertTrue(section(html("en")).contains("This is the first report in this output folder"));
        assertTrue(section(html("id")).contains("Ini laporan pertama di folder keluaran ini"));
        assertTrue(html("en").contains("<a href=\"#revisions\">Changes since the previous report</a>"));
        List<String> h = history();
        assertEquals(2, h.size(), "the header and one row");
        assertTrue(h.get(1).contains(",first,"), h.get(1));
    }

    @Test
    @Order(2)
    void aRerunOnTheSameOutputsChangesNothing() throws IOException {
        String firstRun = summary().path("run_id").asText();
        report(3);
        JsonNode r = summary().path("revisions");
        assertEquals(Revisions.UNCHANGED, r.path("status").asText(), r.toString());
        assertEquals(firstRun, r.path("previous_run_id").asText());
        assertEquals(2, r.path("inputs").path("unchanged").asInt());
        String en = section(html("en"));
        assertTrue(en.contains("No figure below changed."), en);
        assertTrue(en.contains("Input files: 0 added, 0 changed (same name, other content), 0 removed, 2 unchanged."), en);
        assertTrue(en.contains("Code: unchanged (commit 89abcdef01)."), en);
        assertFalse(en.contains("class=\"changed\""));
        assertTrue(section(html("id")).contains("Tidak ada angka di bawah ini yang berubah."));
        List<String> h = history();
        assertEquals(3, h.size());
        // the same figures in both rows, only the run, its time and its status differ
        List<String> header = id.neraca.core.ReferenceCsv.split(h.get(0));
        List<String> a = id.neraca.core.ReferenceCsv.split(h.get(1));
        List<String> b = id.neraca.core.ReferenceCsv.split(h.get(2));
        for (String col : List.of("local_umkm_share_pct", "total_gmv_idr", "projection_idr", "rows_read")) {
            assertEquals(a.get(header.indexOf(col)), b.get(header.indexOf(col)), col);
            assertFalse(a.get(header.indexOf(col)).isEmpty(), col);
        }
        assertEquals("unchanged", b.get(header.indexOf("revision_status")));
    }

    @Test
    @Order(3)
    void aNewDumpAndAChangedOneAreNamed() throws IOException {
        // what an incremental ingest records: one file added, one re-exported under the same name
        ObjectNode m = (ObjectNode) JSON.readTree(out.resolve("manifest.json").toFile());
        ArrayNode inputs = (ArrayNode) m.get("inputs");
        ((ObjectNode) inputs.get(1)).put("sha256", "9".repeat(64));
        inputs.addObject().put("source_file", "lazada/lazada_orders_2026-01.csv").put("mapping", "lazada")
                .put("sha256", "8".repeat(64)).put("bytes", 1000).put("rows_read", 10).put("accepted", 10)
                .put("quarantined", 0).put("duplicates_collapsed", 0);
        Files.writeString(out.resolve("manifest.json"), JSON.writeValueAsString(m));
        report(3);
        JsonNode r = summary().path("revisions");
        assertEquals(List.of("lazada/lazada_orders_2026-01.csv"), List.of(r.path("inputs").path("added").get(0).asText()));
        assertEquals("tiktokshop/tiktok_orders_2024-01.csv", r.path("inputs").path("changed").get(0).asText());
        String en = section(html("en"));
        assertTrue(en.contains("Added: lazada/lazada_orders_2026-01.csv."), en);
        assertTrue(en.contains("Changed: tiktokshop/tiktok_orders_2024-01.csv."), en);
        assertTrue(section(html("id")).contains("Baru: lazada/lazada_orders_2026-01.csv."));
    }

    @Test
    @Order(4)
    void aFigureThatMovedWithNothingUnderItIsCalledOut() throws IOException {
        // the previous report said another UMKM share, with the inputs, configuration and code of this one
        ObjectNode prev = (ObjectNode) summary();
        ObjectNode head = (ObjectNode) prev.get("headline");
        java.math.BigDecimal share = head.path("local_umkm_share_pct").decimalValue();
        head.put("local_umkm_share_pct", share.subtract(new java.math.BigDecimal("1.5")));
        Files.writeString(out.resolve("report/summary.json"), JSON.writeValueAsString(prev));
        report(3);
        JsonNode s = summary();
        JsonNode r = s.path("revisions");
        assertEquals(Revisions.UNEXPLAINED, r.path("status").asText(), r.toString());
        assertEquals(1, r.path("figures_changed").asInt());
        assertTrue(s.path("warnings").toString().contains("the run did not reproduce the previous one"), s.path("warnings").toString());
        String en = section(html("en"));
        assertTrue(en.contains("1 figure(s) changed although the input files, the configuration and the code are those of the previous report"), en);
        assertTrue(en.contains("class=\"na\""), "said as a warning, not as a note");
        assertTrue(en.contains("<tr class=\"changed\"><td>Share: Local UMKM</td>"), en);
        assertTrue(en.contains("+1.5 percentage points"), en);
        assertTrue(section(html("id")).contains("+1,5 poin persen"));
    }

    @Test
    @Order(5)
    void aConfigurationEditIsNamedWithTheFiguresItMoved() throws IOException {
        // a stricter disclosure rule: every class is built from fewer sellers than asked, so the shares are withheld
        report(1000);
        JsonNode s = summary();
        JsonNode r = s.path("revisions");
        assertEquals(Revisions.REVISED, r.path("status").asText(), r.toString());
        assertEquals("neraca-out.yaml", r.path("configuration_files_changed").get(0).asText());
        JsonNode umkm = null;
        for (JsonNode f : r.path("figures")) if (f.path("figure").asText().equals("local_umkm_share_pct")) umkm = f;
        assertTrue(umkm != null && umkm.path("current_withheld").asBoolean(), String.valueOf(umkm));
        assertTrue(umkm.path("change").isNull(), "a withheld share is not differenced");
        String en = section(html("en"));
        assertTrue(en.contains("Configuration changed: neraca-out.yaml."), en);
        assertTrue(en.contains("<td class=\"num\">[c]</td>"), en);
        assertEquals(6, history().size(), "five reports and the header");
    }
}
