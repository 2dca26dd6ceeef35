package id.neraca.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed since the previous report in the same output folder, and what changed under it: "last month the report
 * said 22.5%; why 23.1% now?". Official statistics publish their revisions with the reasons; a report run every month
 * must too. Each report records what its figures were made from ({@code summary.json lineage}: the input files by
 * SHA-256, the configuration files, the code, each stage's run); the next one sets its figures against the previous
 * {@code summary.json}'s and says which of those moved ({@code summary.json revisions}, the report's section
 * "Changes since the previous report"). Figures that moved while inputs, configuration and code did not are
 * called out: the run did not reproduce the previous one. {@code history.csv} keeps one row of headline figures per
 * report, the vintages an economist charts. Pure: JSON trees in, JSON trees and text out. Fields: docs/REPORT.md.
 */
public final class Revisions {
    private static final JsonNodeFactory N = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How many file names a list of added, changed or removed inputs keeps (the counts are always whole). */
    static final int MAX_LISTED = 20;

    private Revisions() {}

    /** {@code revisions.status}: no compared figure moved. */
    public static final String UNCHANGED = "unchanged";
    /** Figures moved, and the inputs, configuration or code moved too (or the previous report did not record them). */
    public static final String REVISED = "revised";
    /** Figures moved although inputs, configuration and code are those of the previous report (both trees clean). */
    public static final String UNEXPLAINED = "unexplained";

    /** How a compared figure is shown and differenced. */
    public enum Kind { MONTH, YEAR, MONEY, PCT, PROBABILITY, COUNT }

    /** One compared figure: its key in {@code revisions.figures} and history.csv, and its value in each report. */
    public record Figure(String key, Kind kind, JsonNode previous, JsonNode current) {
        boolean changed() {
            return !same(previous, current);
        }
    }

    private record Spec(String key, String path, Kind kind, String withheldClass) {
        Spec(String key, String path, Kind kind) {
            this(key, path, kind, null);
        }
    }

    /** The compared figures of summary.json, in the order the report shows them; the targets' follow. */
    private static final List<Spec> SPECS = List.of(
            new Spec("last_month", "observed_period.last_month", Kind.MONTH),
            new Spec("headline_year", "headline.year", Kind.YEAR),
            new Spec("total_gmv_idr", "headline.total_gmv_idr", Kind.MONEY),
            new Spec("local_umkm_share_pct", "headline.local_umkm_share_pct", Kind.PCT, "LOCAL_UMKM"),
            new Spec("imported_share_pct", "headline.imported_share_pct", Kind.PCT, "IMPORTED"),
            new Spec("cross_border_share_pct", "headline.cross_border_share_pct", Kind.PCT, "CROSS_BORDER"),
            new Spec("foreign_origin_share_pct", "headline.foreign_origin_share_pct", Kind.PCT, "FOREIGN_ORIGIN"),
            new Spec("unknown_share_pct", "headline.unknown_share_pct", Kind.PCT, "UNKNOWN"),
            new Spec("projection_year", "projection.projection_2030.year", Kind.YEAR),
            new Spec("projection_idr", "projection.projection_2030.value_idr", Kind.MONEY),
            new Spec("projection_lo95_idr", "projection.projection_2030.lo95_idr", Kind.MONEY),
            new Spec("projection_hi95_idr", "projection.projection_2030.hi95_idr", Kind.MONEY),
            new Spec("umkm_share_projection_pct", "projection.umkm.share_2030_pct", Kind.PCT),
            new Spec("rows_read", "data_quality.rows_read", Kind.COUNT),
            new Spec("accepted", "data_quality.accepted", Kind.COUNT));

    // ---------------------------------------------------------------- what a report was made from

    /**
     * The block {@code summary.json lineage}: the code (commit, dirty tree), the configuration (fingerprint and every
     * file by its path relative to the project folder, and SHA-256), each stage's run (id, configuration fingerprint,
     * commit) and every input file (its path under --dumps and SHA-256, sorted), from the run's manifest.
     */
    public static ObjectNode lineage(JsonNode manifest) {
        ObjectNode l = N.objectNode();
        JsonNode cv = manifest.path("code_version");
        // "unknown": not run from a git checkout (Manifest.codeVersion); null here, so the code counts as not known
        text(l, "git_commit", "unknown".equals(cv.path("git_commit").asText()) ? N.missingNode() : cv.path("git_commit"));
        if (cv.path("git_dirty").isBoolean()) l.put("git_dirty", cv.path("git_dirty").asBoolean());
        else l.putNull("git_dirty");
        text(l, "java_version", cv.path("java_version"));
        text(l, "spark_version", manifest.path("spark").path("version"));
        JsonNode cfg = manifest.path("configuration");
        text(l, "configuration_fingerprint", cfg.path("fingerprint"));
        java.util.function.UnaryOperator<String> rel = ReportView.relativeTo(cv.path("project_home").asText(null));
        Map<String, String> files = new TreeMap<>();
        if (cfg.path("file").isTextual()) files.put(rel.apply(cfg.path("file").asText()), cfg.path("sha256").asText(""));
        for (JsonNode f : cfg.path("files")) files.put(rel.apply(f.path("path").asText()), f.path("sha256").asText(""));
        ArrayNode cf = l.putArray("configuration_files");
        files.forEach((p, s) -> cf.addObject().put("path", p).put("sha256", s));
        ObjectNode stages = l.putObject("stages");
        manifest.path("stages").fields().forEachRemaining(e -> {
            ObjectNode s = stages.putObject(e.getKey());
            text(s, "run_id", e.getValue().path("run_id"));
            text(s, "configuration_fingerprint", e.getValue().path("configuration_fingerprint"));
            text(s, "git_commit", e.getValue().path("git_commit"));
            // ingest's order-date window and how many files it parsed (not reused from an earlier run)
            for (String f : List.of("max_order_date", "max_order_date_pinned", "files_parsed")) {
                if (e.getValue().has(f)) s.set(f, e.getValue().get(f));
            }
        });
        Map<String, String> inputs = new TreeMap<>();
        Set<String> kept = new java.util.HashSet<>();
        for (JsonNode i : manifest.path("inputs")) {
            String name = i.path("source_file").asText(i.path("path").asText("?"));
            inputs.put(name, i.path("sha256").asText(""));
            if ("missing_kept".equals(i.path("status").asText())) kept.add(name);
        }
        ArrayNode in = l.putArray("inputs");
        inputs.forEach((p, s) -> {
            ObjectNode o = in.addObject().put("source_file", p).put("sha256", s);
            // no longer under --dumps, its rows kept from the run that parsed it (IngestState: missing_kept)
            if (kept.contains(p)) o.put("kept", true);
        });
        return l;
    }

    private static void text(ObjectNode o, String field, JsonNode v) {
        if (v.isTextual()) o.put(field, v.asText());
        else o.putNull(field);
    }

    // ---------------------------------------------------------------- comparing two reports

    /**
     * The block {@code summary.json revisions}: the previous report (run id, time), what moved under the figures
     * (inputs added, changed, removed; configuration files changed; code), every compared figure with both values and
     * the change, and the status ({@link #UNCHANGED}, {@link #REVISED}, {@link #UNEXPLAINED}). {@code current} is this
     * report's summary with its {@code lineage}.
     */
    public static ObjectNode compare(JsonNode previous, JsonNode current) {
        ObjectNode r = N.objectNode();
        r.put("previous_run_id", previous.path("run_id").asText(null));
        r.put("previous_generated_at", previous.path("generated_at").asText(null));
        JsonNode pl = previous.path("lineage");
        JsonNode cl = current.path("lineage");
        boolean recorded = pl.isObject();
        r.put("previous_lineage_recorded", recorded);
        boolean causes = false;
        if (recorded) {
            Map<String, String> before = files(pl.path("inputs"), "source_file");
            Map<String, String> now = files(cl.path("inputs"), "source_file");
            Set<String> keptBefore = kept(pl.path("inputs"));
            Set<String> keptNow = kept(cl.path("inputs"));
            ObjectNode in = r.putObject("inputs");
            List<String> added = new ArrayList<>(), changed = new ArrayList<>(), removed = new ArrayList<>(), left = new ArrayList<>();
            int unchanged = 0;
            for (Map.Entry<String, String> e : now.entrySet()) {
                String old = before.get(e.getKey());
                if (old == null) added.add(e.getKey());
                else if (!old.equals(e.getValue())) changed.add(e.getKey());
                // a file that left --dumps since, its rows kept: not a cause of any figure's move, but not "unchanged"
                // either (the report said "0 removed, 144 unchanged" of 143 files under --dumps: the audit of 2 Dec 2026)
                else if (keptNow.contains(e.getKey()) && !keptBefore.contains(e.getKey())) left.add(e.getKey());
                else unchanged++;
            }
            for (String p : before.keySet()) if (!now.containsKey(p)) removed.add(p);
            list(in, "added", added);
            list(in, "changed", changed);
            list(in, "removed", removed);
            list(in, "left_dumps_kept", left);
            in.put("unchanged", unchanged);
            causes = !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();

            Map<String, String> cb = files(pl.path("configuration_files"), "path");
            Map<String, String> cn = files(cl.path("configuration_files"), "path");
            TreeSet<String> cfgChanged = new TreeSet<>();
            for (String p : cn.keySet()) if (!cn.get(p).equals(cb.get(p))) cfgChanged.add(p);
            for (String p : cb.keySet()) if (!cn.containsKey(p)) cfgChanged.add(p);
            ArrayNode cc = r.putArray("configuration_files_changed");
            cfgChanged.forEach(cc::add);
            // a stage re-run under another configuration than the previous report's figures were made under, with
            // the current files unchanged (a stage run alone after an edit, then the others): still a cause
            Set<String> fpBefore = stageValues(pl, "configuration_fingerprint");
            Set<String> fpNow = stageValues(cl, "configuration_fingerprint");
            boolean stagesConfig = !fpBefore.equals(fpNow);
            r.put("stage_configurations_changed", stagesConfig);
            causes |= !cfgChanged.isEmpty() || stagesConfig;

            ObjectNode code = r.putObject("code");
            code.put("previous_commit", pl.path("git_commit").asText(null));
            code.put("commit", cl.path("git_commit").asText(null));
            Set<String> commitsBefore = stageValues(pl, "git_commit");
            Set<String> commitsNow = stageValues(cl, "git_commit");
            if (pl.path("git_commit").isTextual()) commitsBefore.add(pl.path("git_commit").asText());
            if (cl.path("git_commit").isTextual()) commitsNow.add(cl.path("git_commit").asText());
            boolean codeChanged = !commitsBefore.equals(commitsNow);
            // a dirty tree (uncommitted changes) or an unknown commit: the code may differ, whatever the commit says
            boolean uncertain = !pl.path("git_dirty").isBoolean() || pl.path("git_dirty").asBoolean()
                    || !cl.path("git_dirty").isBoolean() || cl.path("git_dirty").asBoolean()
                    || !pl.path("git_commit").isTextual() || !cl.path("git_commit").isTextual();
            code.put("changed", codeChanged);
            code.put("uncertain", uncertain);
            causes |= codeChanged || uncertain;

            // Java and Spark: recorded since 1 Dec 2026; a side that did not record one compares as unknown, not as changed
            ObjectNode runtime = r.putObject("runtime");
            boolean runtimeChanged = false;
            for (String f : List.of("java_version", "spark_version")) {
                runtime.set("previous_" + f, pl.path(f).isTextual() ? pl.get(f) : N.nullNode());
                runtime.set(f, cl.path(f).isTextual() ? cl.get(f) : N.nullNode());
                if (pl.path(f).isTextual() && cl.path(f).isTextual() && !pl.path(f).asText().equals(cl.path(f).asText())) {
                    runtimeChanged = true;
                }
            }
            runtime.put("changed", runtimeChanged);
            causes |= runtimeChanged;

            // an unpinned ingest.max_order_date is the run's day: an ingest that parsed files again on a later day may
            // accept rows the earlier one quarantined as dated in the future (docs/OPERATIONS.md, Reproducibility)
            JsonNode pi = pl.path("stages").path("IngestDumps");
            JsonNode ci = cl.path("stages").path("IngestDumps");
            ObjectNode window = r.putObject("order_window");
            window.set("previous_max_order_date", pi.path("max_order_date").isTextual() ? pi.get("max_order_date") : N.nullNode());
            window.set("max_order_date", ci.path("max_order_date").isTextual() ? ci.get("max_order_date") : N.nullNode());
            boolean reran = ci.path("run_id").isTextual() && !ci.path("run_id").asText().equals(pi.path("run_id").asText(""));
            boolean moved = pi.path("max_order_date").isTextual() && ci.path("max_order_date").isTextual()
                    && !pi.path("max_order_date").asText().equals(ci.path("max_order_date").asText())
                    && reran && ci.path("files_parsed").asInt(0) > 0;
            window.put("files_parsed", reran ? ci.path("files_parsed").asInt(0) : 0);
            window.put("changed", moved);
            causes |= moved;
        }

        ArrayNode figs = r.putArray("figures");
        int changedFigures = 0;
        for (Figure f : figures(previous, current)) {
            ObjectNode n = figs.addObject();
            n.put("figure", f.key());
            n.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
            n.set("previous", f.previous() == null ? N.nullNode() : f.previous());
            n.set("current", f.current() == null ? N.nullNode() : f.current());
            n.set("change", change(f));
            n.put("changed", f.changed());
            if (f.changed()) changedFigures++;
        }
        // a share withheld by disclosure control is null in summary.json: said to be withheld, not shown as missing
        for (JsonNode n : figs) {
            String cls = WITHHELD_CLASS.get(n.path("figure").asText());
            if (cls == null) continue;
            ((ObjectNode) n).put("previous_withheld", withheld(previous, cls));
            ((ObjectNode) n).put("current_withheld", withheld(current, cls));
        }
        r.put("figures_changed", changedFigures);
        String status = changedFigures == 0 ? UNCHANGED : (!recorded || causes) ? REVISED : UNEXPLAINED;
        r.put("status", status);
        boolean yearMoved = !same(previous.path("headline").path("year"), current.path("headline").path("year"));
        r.put("headline_year_changed", yearMoved);
        r.put("basis_changed", !same(previous.path("basis"), current.path("basis")));
        return r;
    }

    /** The English warning for an {@link #UNEXPLAINED} comparison; empty otherwise. */
    public static Optional<String> warning(JsonNode revisions) {
        if (!UNEXPLAINED.equals(revisions.path("status").asText())) return Optional.empty();
        return Optional.of(String.format(java.util.Locale.ROOT,
                "%d figure(s) differ from the previous report (run %s) although the input files, the configuration and the "
                        + "code are the same and both working trees were clean: the run did not reproduce the previous one. "
                        + "See summary.json revisions for the figures, and docs/OPERATIONS.md (Reproducibility)",
                revisions.path("figures_changed").asInt(), revisions.path("previous_run_id").asText("?")));
    }

    private static final Map<String, String> WITHHELD_CLASS = new java.util.HashMap<>();
    static {
        for (Spec s : SPECS) if (s.withheldClass() != null) WITHHELD_CLASS.put(s.key(), s.withheldClass());
    }

    private static boolean withheld(JsonNode summary, String cls) {
        for (JsonNode w : summary.path("headline").path("withheld")) if (cls.equals(w.asText())) return true;
        return false;
    }

    private static Set<String> stageValues(JsonNode lineage, String field) {
        Set<String> out = new TreeSet<>();
        lineage.path("stages").forEach(s -> {
            if (s.path(field).isTextual()) out.add(s.path(field).asText());
        });
        return out;
    }

    /** The inputs marked {@code kept}: no longer under --dumps, their rows carried from an earlier run. */
    private static Set<String> kept(JsonNode list) {
        Set<String> out = new java.util.HashSet<>();
        for (JsonNode n : list) if (n.path("kept").asBoolean(false)) out.add(n.path("source_file").asText());
        return out;
    }

    private static Map<String, String> files(JsonNode list, String key) {
        Map<String, String> m = new TreeMap<>();
        for (JsonNode n : list) m.put(n.path(key).asText(), n.path("sha256").asText(""));
        return m;
    }

    private static void list(ObjectNode o, String field, List<String> names) {
        o.put(field + "_count", names.size());
        ArrayNode a = o.putArray(field);
        names.stream().limit(MAX_LISTED).forEach(a::add);
    }

    /** The compared figures of two summaries: the fixed ones, then each target's probability and crossing year. */
    public static List<Figure> figures(JsonNode previous, JsonNode current) {
        List<Figure> out = new ArrayList<>();
        for (Spec s : SPECS) out.add(new Figure(s.key(), s.kind(), at(previous, s.path()), at(current, s.path())));
        Set<String> names = new LinkedHashSet<>();
        current.path("targets").forEach(t -> names.add(t.path("name").asText()));
        previous.path("targets").forEach(t -> names.add(t.path("name").asText()));
        for (String name : names) {
            JsonNode p = target(previous, name);
            JsonNode c = target(current, name);
            out.add(new Figure("target." + name + ".probability", Kind.PROBABILITY, value(p.path("probability")), value(c.path("probability"))));
            out.add(new Figure("target." + name + ".crossing_year", Kind.YEAR, value(p.path("crossing_year")), value(c.path("crossing_year"))));
        }
        return out;
    }

    private static JsonNode target(JsonNode summary, String name) {
        for (JsonNode t : summary.path("targets")) if (name.equals(t.path("name").asText())) return t;
        return N.missingNode();
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode n = root;
        for (String part : dotted.split("\\.")) n = n.path(part);
        return value(n);
    }

    /** A value or null (missing and JSON null both: not published). */
    private static JsonNode value(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : n;
    }

    static boolean same(JsonNode a, JsonNode b) {
        a = value(a);
        b = value(b);
        if (a == null || b == null) return a == b;
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
        return a.equals(b);
    }

    /** current − previous for numbers (percentage points for shares, rupiah for money), null otherwise or when one is missing. */
    static JsonNode change(Figure f) {
        if (f.previous() == null || f.current() == null || !f.previous().isNumber() || !f.current().isNumber()) return N.nullNode();
        if (f.kind() == Kind.YEAR || f.kind() == Kind.MONTH) return N.nullNode();
        BigDecimal d = f.current().decimalValue().subtract(f.previous().decimalValue());
        if (f.kind() == Kind.MONEY || f.kind() == Kind.COUNT) return N.numberNode(d.toBigIntegerExact());
        return N.numberNode(d);
    }

    // ---------------------------------------------------------------- the vintages: history.csv

    /** history.csv's fixed columns; each target adds {@code target_<name>_probability} and {@code _crossing_year}. */
    static final List<String> HISTORY_COLUMNS = List.of("run_id", "generated_at", "basis", "first_month", "last_month",
            "headline_year", "total_gmv_idr", "local_umkm_share_pct", "imported_share_pct", "cross_border_share_pct",
            "foreign_origin_share_pct", "unknown_share_pct", "projection_year", "projection_idr", "projection_lo80_idr",
            "projection_hi80_idr", "projection_lo95_idr", "projection_hi95_idr", "umkm_share_projection_pct", "input_files",
            "rows_read", "accepted", "quarantined", "duplicates_collapsed", "git_commit", "git_dirty",
            "configuration_fingerprint", "revision_status", "figures_changed");

    /** The result of {@link #history}: the file's text and what could not be carried from the previous one. */
    public record History(String csv, int rows, List<String> warnings) {}

    /**
     * history.csv: the previous report's rows (read back as text: a value is never reformatted), then this report's
     * row. Columns are the union, the previous file's order first; a row missing a column leaves it empty. A line of
     * the previous file that does not parse (edited by hand) is left out with a warning naming it.
     */
    public static History history(Optional<String> previousCsv, JsonNode summary) {
        List<String> warnings = new ArrayList<>();
        List<String> header = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        if (previousCsv.isPresent() && !previousCsv.get().isBlank()) {
            String[] lines = previousCsv.get().replace("\r\n", "\n").split("\n");
            List<String> prevHeader = id.neraca.core.ReferenceCsv.split(stripBom(lines[0]));
            if (!prevHeader.contains("run_id")) {
                warnings.add("the previous report's history.csv has no run_id column in its first line (edited by hand?): "
                        + "its rows were not carried over, and history.csv starts again with this report");
            } else {
                header.addAll(prevHeader);
                for (int i = 1; i < lines.length; i++) {
                    if (lines[i].isBlank()) continue;
                    List<String> v = id.neraca.core.ReferenceCsv.split(lines[i]);
                    if (v.size() != prevHeader.size()) {
                        warnings.add(String.format(java.util.Locale.ROOT, "history.csv line %d has %d values for %d columns: "
                                + "left out of the new history.csv", i + 1, v.size(), prevHeader.size()));
                        continue;
                    }
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int c = 0; c < v.size(); c++) row.put(prevHeader.get(c), v.get(c));
                    rows.add(row);
                }
            }
        }
        Map<String, String> now = historyRow(summary);
        for (String c : now.keySet()) if (!header.contains(c)) header.add(c);
        rows.add(now);
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", header.stream().map(Revisions::csv).toList())).append('\n');
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : header) cells.add(csv(row.getOrDefault(c, "")));
            sb.append(String.join(",", cells)).append('\n');
        }
        return new History(sb.toString(), rows.size(), warnings);
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** This report's row of history.csv. */
    static Map<String, String> historyRow(JsonNode s) {
        Map<String, String> r = new LinkedHashMap<>();
        for (String c : HISTORY_COLUMNS) r.put(c, "");
        r.put("run_id", plain(s.path("run_id")));
        r.put("generated_at", plain(s.path("generated_at")));
        r.put("basis", plain(s.path("basis")));
        r.put("first_month", plain(s.path("observed_period").path("first_month")));
        r.put("last_month", plain(s.path("observed_period").path("last_month")));
        JsonNode h = s.path("headline");
        r.put("headline_year", plain(h.path("year")));
        for (String f : List.of("total_gmv_idr", "local_umkm_share_pct", "imported_share_pct", "cross_border_share_pct",
                "foreign_origin_share_pct", "unknown_share_pct")) {
            r.put(f, plain(h.path(f)));
        }
        JsonNode p = s.path("projection").path("projection_2030");
        r.put("projection_year", plain(p.path("year")));
        r.put("projection_idr", plain(p.path("value_idr")));
        for (String b : List.of("lo80", "hi80", "lo95", "hi95")) r.put("projection_" + b + "_idr", plain(p.path(b + "_idr")));
        r.put("umkm_share_projection_pct", plain(s.path("projection").path("umkm").path("share_2030_pct")));
        JsonNode q = s.path("data_quality");
        r.put("input_files", plain(q.path("files")));
        for (String f : List.of("rows_read", "accepted", "quarantined", "duplicates_collapsed")) r.put(f, plain(q.path(f)));
        JsonNode l = s.path("lineage");
        r.put("git_commit", plain(l.path("git_commit")));
        r.put("git_dirty", plain(l.path("git_dirty")));
        r.put("configuration_fingerprint", plain(l.path("configuration_fingerprint")));
        JsonNode rev = s.path("revisions");
        r.put("revision_status", rev.isObject() ? plain(rev.path("status")) : "first");
        r.put("figures_changed", rev.isObject() ? plain(rev.path("figures_changed")) : "");
        for (JsonNode t : s.path("targets")) {
            String name = t.path("name").asText();
            r.put("target_" + name + "_probability", plain(t.path("probability")));
            r.put("target_" + name + "_crossing_year", plain(t.path("crossing_year")));
        }
        return r;
    }

    /** A JSON value as history.csv writes it: numbers in plain notation, text as is, null and missing empty. */
    private static String plain(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) return "";
        if (n.isNumber()) return n.decimalValue().toPlainString();
        return n.asText();
    }

    private static String csv(String v) {
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) return "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }

    /** The previous report's summary.json, or empty when there is none or it cannot be read (with the reason). */
    public static Optional<JsonNode> parsePrevious(Optional<String> text, List<String> warnings) {
        if (text.isEmpty()) return Optional.empty();
        try {
            JsonNode n = JSON.readTree(text.get());
            if (n != null && n.isObject() && n.path("run_id").isTextual()) return Optional.of(n);
            warnings.add("the previous report's summary.json holds no run_id: nothing to compare this report with");
        } catch (java.io.IOException e) {
            warnings.add("the previous report's summary.json cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "): nothing to compare this report with");
        }
        return Optional.empty();
    }
}
