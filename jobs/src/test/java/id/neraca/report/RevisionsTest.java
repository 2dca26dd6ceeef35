package id.neraca.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Revisions}: two summary.json trees, written here by hand, and what the comparison says about them. */
class RevisionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    /** A summary of the fields the comparison reads, with a lineage of the given input files (path=sha pairs). */
    private static ObjectNode summary(String runId, String umkmShare, String... inputs) {
        ObjectNode s = JSON.createObjectNode();
        s.put("run_id", runId);
        s.put("generated_at", "2026-11-01T06:00:00Z");
        s.put("basis", "ORDER_LINE");
        s.putObject("observed_period").put("first_month", "2023-01").put("last_month", "2025-12");
        ObjectNode h = s.putObject("headline");
        h.put("year", 2025);
        h.put("total_gmv_idr", 184336202318L);
        h.put("local_umkm_share_pct", new BigDecimal(umkmShare));
        h.put("imported_share_pct", new BigDecimal("42.9695"));
        h.put("cross_border_share_pct", new BigDecimal("0.1811"));
        h.put("foreign_origin_share_pct", new BigDecimal("43.1506"));
        h.put("unknown_share_pct", new BigDecimal("3.2000"));
        h.putArray("withheld");
        ObjectNode p = s.putObject("projection").putObject("projection_2030");
        p.put("year", 2030);
        p.put("value_idr", 2990226544999844L);
        p.put("lo80_idr", 1807975406586147L);
        p.put("hi80_idr", 4090601547881042L);
        p.put("lo95_idr", 1205191971279452L);
        p.put("hi95_idr", 5110066700554487L);
        ((ObjectNode) s.get("projection")).putObject("umkm").put("share_2030_pct", new BigDecimal("26.0215"));
        ObjectNode t = s.putArray("targets").addObject();
        t.put("name", "ministry_rp4531t");
        t.put("probability", new BigDecimal("0.052"));
        t.put("crossing_year", 2033);
        s.putObject("data_quality").put("files", inputs.length).put("rows_read", 6184).put("accepted", 5855)
                .put("quarantined", 19).put("duplicates_collapsed", 310);
        s.set("lineage", lineage(COMMIT, false, "c".repeat(64), inputs));
        return s;
    }

    private static ObjectNode lineage(String commit, boolean dirty, String configSha, String... inputs) {
        return lineageOn("17.0.13", commit, dirty, configSha, inputs);
    }

    private static ObjectNode lineageOn(String java, String commit, boolean dirty, String configSha, String... inputs) {
        ObjectNode m = JSON.createObjectNode();
        m.putObject("code_version").put("git_commit", commit).put("git_dirty", dirty).put("project_home", "/home/ekonom/neraca")
                .put("java_version", java);
        m.putObject("spark").put("version", "4.2.0").put("master", "local[*]");
        ObjectNode c = m.putObject("configuration");
        c.put("file", "/home/ekonom/neraca/data/config/neraca.yaml");
        c.put("sha256", configSha);
        c.put("fingerprint", "f" + configSha.substring(1));
        c.putArray("files").addObject().put("path", "/home/ekonom/neraca/data/reference/fx_monthly.csv").put("sha256", "d".repeat(64));
        ObjectNode stages = m.putObject("stages");
        for (String st : List.of("IngestDumps", "ProjectTo2030")) {
            stages.putObject(st).put("run_id", "r1").put("configuration_fingerprint", "f" + configSha.substring(1)).put("git_commit", commit);
        }
        var in = m.putArray("inputs");
        for (String i : inputs) {
            String[] kv = i.split("=");
            ObjectNode o = in.addObject().put("source_file", kv[0]).put("sha256", kv[1]);
            if (kv.length > 2) o.put("status", kv[2]);
        }
        return Revisions.lineage(m);
    }

    private static JsonNode figure(JsonNode revisions, String key) {
        for (JsonNode f : revisions.path("figures")) if (key.equals(f.path("figure").asText())) return f;
        throw new AssertionError("no figure " + key + " in " + revisions);
    }

    @Test
    void theLineageKeepsPathsRelativeToTheProjectAndInputsSorted() {
        JsonNode l = lineage(COMMIT, false, "c".repeat(64), "tokopedia/b.jsonl=2", "shopee/a.csv=1");
        assertEquals(COMMIT, l.path("git_commit").asText());
        assertFalse(l.path("git_dirty").asBoolean());
        assertEquals("data/config/neraca.yaml", l.path("configuration_files").get(0).path("path").asText());
        assertEquals("data/reference/fx_monthly.csv", l.path("configuration_files").get(1).path("path").asText());
        assertEquals("shopee/a.csv", l.path("inputs").get(0).path("source_file").asText());
        assertEquals("tokopedia/b.jsonl", l.path("inputs").get(1).path("source_file").asText());
        assertEquals("r1", l.path("stages").path("ProjectTo2030").path("run_id").asText());

        ObjectNode outsideGit = JSON.createObjectNode();
        outsideGit.putObject("code_version").put("git_commit", "unknown");
        JsonNode u = Revisions.lineage(outsideGit);
        assertTrue(u.path("git_commit").isNull(), "a run outside a git checkout has no commit to compare: " + u);
        assertTrue(u.path("git_dirty").isNull());
    }

    @Test
    void aRerunOnTheSameInputsChangesNothing() {
        JsonNode r = Revisions.compare(summary("run-1", "22.5069", "shopee/a.csv=1", "tiktok/b.csv=2"),
                summary("run-2", "22.5069", "shopee/a.csv=1", "tiktok/b.csv=2"));
        assertEquals(Revisions.UNCHANGED, r.path("status").asText());
        assertEquals("run-1", r.path("previous_run_id").asText());
        assertEquals(0, r.path("figures_changed").asInt());
        assertEquals(2, r.path("inputs").path("unchanged").asInt());
        assertEquals(0, r.path("inputs").path("added_count").asInt());
        assertEquals(0, r.path("configuration_files_changed").size());
        assertFalse(r.path("code").path("changed").asBoolean());
        assertFalse(r.path("code").path("uncertain").asBoolean());
        assertEquals(0, figure(r, "local_umkm_share_pct").path("change").decimalValue().signum());
        assertTrue(Revisions.warning(r).isEmpty());
        // 15 fixed figures and the target's probability and crossing year
        assertEquals(17, r.path("figures").size());
    }

    @Test
    void aNewMonthsDumpRevisesTheShareAndTheFilesAreNamed() {
        JsonNode r = Revisions.compare(summary("run-1", "22.5069", "shopee/a.csv=1", "tiktok/b.csv=2", "lazada/c.csv=3"),
                summary("run-2", "23.1000", "shopee/a.csv=1", "tiktok/b.csv=9", "shopee/d.csv=4"));
        assertEquals(Revisions.REVISED, r.path("status").asText());
        JsonNode in = r.path("inputs");
        assertEquals(List.of("shopee/d.csv"), texts(in.path("added")));
        assertEquals(List.of("tiktok/b.csv"), texts(in.path("changed")));
        assertEquals(List.of("lazada/c.csv"), texts(in.path("removed")));
        assertEquals(1, in.path("unchanged").asInt());
        JsonNode share = figure(r, "local_umkm_share_pct");
        assertTrue(share.path("changed").asBoolean());
        assertEquals(0, new BigDecimal("0.5931").compareTo(share.path("change").decimalValue()), share.toString());
        assertEquals(1, r.path("figures_changed").asInt());
        assertFalse(figure(r, "projection_idr").path("changed").asBoolean());
    }

    /**
     * A dump archived out of --dumps keeps its rows (IngestState: missing_kept): the comparison names it apart, neither
     * removed nor unchanged (the audit of 2 Dec 2026: "0 removed, 144 unchanged" with 143 files under --dumps), and it
     * moves no figure; the report says so in both languages.
     */
    @Test
    void aDumpThatLeftTheDumpsFolderWithItsRowsKeptIsNamedApart() {
        JsonNode r = Revisions.compare(summary("run-1", "22.5069", "shopee/a.csv=1=skipped", "tiktok/b.csv=2=skipped"),
                summary("run-2", "22.5069", "shopee/a.csv=1=skipped", "tiktok/b.csv=2=missing_kept"));
        JsonNode in = r.path("inputs");
        assertEquals(List.of("tiktok/b.csv"), texts(in.path("left_dumps_kept")), in.toString());
        assertEquals(1, in.path("unchanged").asInt());
        assertEquals(0, in.path("removed_count").asInt());
        assertEquals(Revisions.UNCHANGED, r.path("status").asText());
        // still kept at the next run: no longer news
        JsonNode again = Revisions.compare(summary("run-2", "22.5069", "shopee/a.csv=1=skipped", "tiktok/b.csv=2=missing_kept"),
                summary("run-3", "22.5069", "shopee/a.csv=1=skipped", "tiktok/b.csv=2=missing_kept"));
        assertEquals(0, again.path("inputs").path("left_dumps_kept_count").asInt());
        assertEquals(2, again.path("inputs").path("unchanged").asInt());
    }

    @Test
    void moneyChangesAreExactRupiah() {
        ObjectNode prev = summary("run-1", "22.5069", "a=1");
        ObjectNode cur = summary("run-2", "22.5069", "a=1", "b=2");
        ((ObjectNode) cur.path("projection").path("projection_2030")).put("value_idr", 3000000000000001L);
        JsonNode f = figure(Revisions.compare(prev, cur), "projection_idr");
        assertEquals("9773455000157", f.path("change").bigIntegerValue().toString());
    }

    @Test
    void figuresThatMoveWithNothingUnderThemAreUnexplained() {
        JsonNode r = Revisions.compare(summary("run-1", "22.5069", "shopee/a.csv=1"), summary("run-2", "22.6000", "shopee/a.csv=1"));
        assertEquals(Revisions.UNEXPLAINED, r.path("status").asText());
        Optional<String> w = Revisions.warning(r);
        assertTrue(w.isPresent());
        assertTrue(w.get().contains("1 figure(s) differ from the previous report (run run-1)"), w.get());

        // the same, with uncommitted changes in either tree: the code may differ, so it is a revision with a cause
        ObjectNode dirty = summary("run-2", "22.6000", "shopee/a.csv=1");
        dirty.set("lineage", lineage(COMMIT, true, "c".repeat(64), "shopee/a.csv=1"));
        JsonNode d = Revisions.compare(summary("run-1", "22.5069", "shopee/a.csv=1"), dirty);
        assertEquals(Revisions.REVISED, d.path("status").asText());
        assertTrue(d.path("code").path("uncertain").asBoolean());
        assertTrue(Revisions.warning(d).isEmpty());

        // another commit
        ObjectNode other = summary("run-2", "22.6000", "shopee/a.csv=1");
        other.set("lineage", lineage("fedcba9876543210fedcba9876543210fedcba98", false, "c".repeat(64), "shopee/a.csv=1"));
        JsonNode o = Revisions.compare(summary("run-1", "22.5069", "shopee/a.csv=1"), other);
        assertEquals(Revisions.REVISED, o.path("status").asText());
        assertTrue(o.path("code").path("changed").asBoolean());
        assertEquals(COMMIT, o.path("code").path("previous_commit").asText());
    }

    @Test
    void anotherJavaIsACause() {
        ObjectNode cur = summary("run-2", "22.6000", "a=1");
        cur.set("lineage", lineageOn("25.0.1", COMMIT, false, "c".repeat(64), "a=1"));
        JsonNode r = Revisions.compare(summary("run-1", "22.5069", "a=1"), cur);
        assertEquals(Revisions.REVISED, r.path("status").asText());
        assertTrue(r.path("runtime").path("changed").asBoolean());
        assertEquals("17.0.13", r.path("runtime").path("previous_java_version").asText());
        assertEquals("4.2.0", r.path("runtime").path("spark_version").asText());

        // a previous report that did not record its Java: not known, so not a cause (and not "changed")
        ObjectNode prev = summary("run-1", "22.5069", "a=1");
        ((ObjectNode) prev.get("lineage")).remove("java_version");
        JsonNode u = Revisions.compare(prev, summary("run-2", "22.6000", "a=1"));
        assertFalse(u.path("runtime").path("changed").asBoolean());
        assertEquals(Revisions.UNEXPLAINED, u.path("status").asText());
    }

    /** A summary whose ingest ran as {@code runId}, accepting orders up to {@code maxDate}, parsing {@code parsed} files. */
    private static ObjectNode ingestedOn(String runId, String share, String maxDate, int parsed) {
        ObjectNode s = summary(runId, share, "a=1");
        ((ObjectNode) s.path("lineage").path("stages").path("IngestDumps")).put("run_id", runId).put("max_order_date", maxDate)
                .put("max_order_date_pinned", false).put("files_parsed", parsed);
        return s;
    }

    @Test
    void anUnpinnedOrderDateThatMovedWithFilesParsedAgainIsACause() {
        JsonNode r = Revisions.compare(ingestedOn("run-1", "22.5069", "2026-11-02", 145), ingestedOn("run-2", "22.6000", "2026-12-02", 145));
        assertEquals(Revisions.REVISED, r.path("status").asText(), r.toString());
        assertTrue(r.path("order_window").path("changed").asBoolean());
        assertEquals("2026-11-02", r.path("order_window").path("previous_max_order_date").asText());
        assertEquals(145, r.path("order_window").path("files_parsed").asInt());

        // every file's rows reused from the earlier parse (an incremental run on the same dumps): the window did nothing
        JsonNode reused = Revisions.compare(ingestedOn("run-1", "22.5069", "2026-11-02", 145), ingestedOn("run-2", "22.6000", "2026-12-02", 0));
        assertFalse(reused.path("order_window").path("changed").asBoolean());
        assertEquals(Revisions.UNEXPLAINED, reused.path("status").asText());

        // ingest did not run again since the previous report (`neraca report` alone): the same ingest, whatever its date
        JsonNode same = Revisions.compare(ingestedOn("run-1", "22.5069", "2026-11-02", 145), ingestedOn("run-1", "22.6000", "2026-11-02", 145));
        assertFalse(same.path("order_window").path("changed").asBoolean());
    }

    @Test
    void anEditedConfigurationFileIsNamedAsTheCause() {
        ObjectNode cur = summary("run-2", "24.0000", "a=1");
        cur.set("lineage", lineage(COMMIT, false, "e".repeat(64), "a=1"));
        JsonNode r = Revisions.compare(summary("run-1", "22.5069", "a=1"), cur);
        assertEquals(Revisions.REVISED, r.path("status").asText());
        assertEquals(List.of("data/config/neraca.yaml"), texts(r.path("configuration_files_changed")));
        assertTrue(r.path("stage_configurations_changed").asBoolean());
    }

    @Test
    void aStageRerunUnderOtherFilesIsACauseEvenWhenTheFilesNowMatch() {
        // the previous report was made from a projection run under another configuration (a stage run alone after an
        // edit); since then the projection was rerun: the files are the same, the stages' configurations are not
        ObjectNode prev = summary("run-1", "22.5069", "a=1");
        ((ObjectNode) prev.path("lineage").path("stages").path("ProjectTo2030")).put("configuration_fingerprint", "0".repeat(64));
        JsonNode r = Revisions.compare(prev, summary("run-2", "23.0000", "a=1"));
        assertEquals(0, r.path("configuration_files_changed").size());
        assertTrue(r.path("stage_configurations_changed").asBoolean());
        assertEquals(Revisions.REVISED, r.path("status").asText());
    }

    @Test
    void aPreviousReportWithoutLineageIsComparedOnItsFiguresAlone() {
        ObjectNode prev = summary("run-1", "22.5069", "a=1");
        prev.remove("lineage");
        JsonNode r = Revisions.compare(prev, summary("run-2", "23.0000", "a=1"));
        assertFalse(r.path("previous_lineage_recorded").asBoolean());
        assertTrue(r.path("inputs").isMissingNode());
        assertEquals(Revisions.REVISED, r.path("status").asText(), "the cause is not known, which is not 'nothing changed'");
    }

    @Test
    void aWithheldShareIsMarkedAndNotDifferenced() {
        ObjectNode cur = summary("run-2", "22.5069", "a=1");
        ((ObjectNode) cur.get("headline")).putNull("unknown_share_pct");
        ((ObjectNode) cur.get("headline")).putArray("withheld").add("UNKNOWN");
        JsonNode f = figure(Revisions.compare(summary("run-1", "22.5069", "a=1"), cur), "unknown_share_pct");
        assertTrue(f.path("changed").asBoolean(), "published, then withheld: a change the reader must see");
        assertTrue(f.path("change").isNull());
        assertTrue(f.path("current_withheld").asBoolean());
        assertFalse(f.path("previous_withheld").asBoolean());
    }

    @Test
    void aNewTargetAndANewHeadlineYearAreSaid() {
        ObjectNode cur = summary("run-2", "22.5069", "a=1");
        ((ObjectNode) cur.get("headline")).put("year", 2026);
        ObjectNode t = ((com.fasterxml.jackson.databind.node.ArrayNode) cur.get("targets")).addObject();
        t.put("name", "new_goal");
        t.put("probability", new BigDecimal("0.4"));
        t.putNull("crossing_year");
        JsonNode r = Revisions.compare(summary("run-1", "22.5069", "a=1"), cur);
        assertTrue(r.path("headline_year_changed").asBoolean());
        JsonNode p = figure(r, "target.new_goal.probability");
        assertTrue(p.path("previous").isNull());
        assertTrue(p.path("changed").asBoolean());
        JsonNode c = figure(r, "target.new_goal.crossing_year");
        assertTrue(c.path("previous").isNull() && c.path("current").isNull());
        assertFalse(c.path("changed").asBoolean(), "not reached in either: no change");
    }

    @Test
    void historyCarriesThePreviousRowsAndAddsNewColumns() {
        ObjectNode first = summary("run-1", "22.5069", "a=1");
        Revisions.History h1 = Revisions.history(Optional.empty(), first);
        assertEquals(1, h1.rows());
        String[] lines1 = h1.csv().split("\n");
        assertEquals(2, lines1.length);
        List<String> header = id.neraca.core.ReferenceCsv.split(lines1[0]);
        List<String> row = id.neraca.core.ReferenceCsv.split(lines1[1]);
        assertEquals("run-1", row.get(header.indexOf("run_id")));
        assertEquals("2990226544999844", row.get(header.indexOf("projection_idr")), "plain digits, never 2.99E+15");
        assertEquals("22.5069", row.get(header.indexOf("local_umkm_share_pct")));
        assertEquals("first", row.get(header.indexOf("revision_status")));
        assertEquals("0.052", row.get(header.indexOf("target_ministry_rp4531t_probability")));

        ObjectNode second = summary("run-2", "23.1000", "a=1", "b=2");
        ((com.fasterxml.jackson.databind.node.ArrayNode) second.get("targets")).addObject().put("name", "new_goal")
                .put("probability", new BigDecimal("0.4")).putNull("crossing_year");
        second.set("revisions", Revisions.compare(first, second));
        Revisions.History h2 = Revisions.history(Optional.of(h1.csv()), second);
        assertEquals(2, h2.rows());
        assertTrue(h2.warnings().isEmpty(), h2.warnings().toString());
        String[] lines2 = h2.csv().split("\n");
        List<String> header2 = id.neraca.core.ReferenceCsv.split(lines2[0]);
        assertEquals(header, header2.subList(0, header.size()), "the previous columns keep their order");
        int newCol = header2.indexOf("target_new_goal_probability");
        assertTrue(newCol >= header.size());
        List<String> old = id.neraca.core.ReferenceCsv.split(lines2[1]);
        List<String> now = id.neraca.core.ReferenceCsv.split(lines2[2]);
        assertEquals(header2.size(), old.size());
        assertEquals("", old.get(newCol), "a column the earlier report did not have is empty in its row");
        assertEquals("0.4", now.get(newCol));
        assertEquals(lines1[1], String.join(",", old.subList(0, header.size())), "the earlier row is carried as it was written");
        assertEquals("revised", now.get(header2.indexOf("revision_status")));
        assertEquals("2", now.get(header2.indexOf("figures_changed")), "the share, and the new target's probability");
    }

    @Test
    void aHistoryLineThatDoesNotParseIsLeftOutWithItsLineNamed() {
        Revisions.History h1 = Revisions.history(Optional.empty(), summary("run-1", "22.5069", "a=1"));
        String broken = h1.csv() + "run-x,only,three\n";
        Revisions.History h2 = Revisions.history(Optional.of(broken), summary("run-2", "22.5069", "a=1"));
        assertEquals(2, h2.rows());
        assertEquals(1, h2.warnings().size());
        assertTrue(h2.warnings().get(0).startsWith("history.csv line 3 has 3 values for "), h2.warnings().get(0));
        assertFalse(h2.csv().contains("run-x"));

        Revisions.History fresh = Revisions.history(Optional.of("something,else\n1,2\n"), summary("run-2", "22.5069", "a=1"));
        assertEquals(1, fresh.rows());
        assertEquals(1, fresh.warnings().size());
        assertTrue(fresh.warnings().get(0).contains("no run_id column"), fresh.warnings().get(0));
    }

    @Test
    void anUnreadablePreviousSummaryIsSaidAndNotCompared() {
        List<String> warnings = new ArrayList<>();
        assertTrue(Revisions.parsePrevious(Optional.of("{\"run_id\": \"x\", "), warnings).isEmpty());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("the previous report's summary.json cannot be read"), warnings.get(0));
        warnings.clear();
        assertTrue(Revisions.parsePrevious(Optional.of("[]"), warnings).isEmpty());
        assertEquals(1, warnings.size());
        warnings.clear();
        assertTrue(Revisions.parsePrevious(Optional.empty(), warnings).isEmpty());
        assertTrue(warnings.isEmpty(), "no previous report: nothing to warn about");
        assertTrue(Revisions.parsePrevious(Optional.of("{\"run_id\": \"x\"}"), warnings).isPresent());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
