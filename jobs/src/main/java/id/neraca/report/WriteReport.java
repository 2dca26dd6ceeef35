package id.neraca.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import id.neraca.core.Log;
import id.neraca.core.NeracaException;
import id.neraca.core.Stage;
import id.neraca.core.SmallInputs;
import id.neraca.core.StageContext;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WriteReport: the policy report, in Bahasa Indonesia and English, from one run's outputs.
 *
 * <p><b>Reads</b> {@code out/aggregates/} and {@code out/projection/} (required: missing ones stop the stage
 * naming the command that makes them), and, when present, {@code out/classified/} (exact seller counts for
 * disclosure control, the evidence and Permendag sections), {@code out/reconciliation/},
 * {@code out/quarantine_reasons/}, {@code out/classify_stats/}, the manifest and the reference files.
 *
 * <p><b>Writes</b> {@code out/report/} through staging, committed whole: {@code index.html} (first
 * configured language) and {@code index.<lang>.html} per language, {@code report.md} and
 * {@code report.<lang>.md}, {@code summary.json}, and {@code figures/<chart>_<lang>.svg|png}.
 * Layout and every summary field: docs/REPORT.md.
 *
 * <p><b>Excludes</b>: cells failing disclosure control are withheld everywhere (tables, charts, summary).
 *
 * <p>Run alone with {@code neraca report [--lang id|en|both]}; {@code neraca run} writes both languages.
 */
public final class WriteReport implements Stage {
    static final String OUTPUT = "report";
    /** One row of headline figures per report written in the folder: the vintages ({@link Revisions#history}). */
    static final String HISTORY = "history.csv";
    private final List<String> languageOverride;

    public WriteReport() {
        this(null);
    }

    /** {@code --lang both}: both report languages, the configured ones first (their first is index.html). */
    public static final List<String> BOTH = List.of("both");

    /** The languages to write: {@code override} as given, or for {@link #BOTH} the configured ones then the others. */
    static List<String> languages(List<String> override, List<String> configured) {
        if (!override.equals(BOTH)) return override;
        List<String> out = new ArrayList<>(configured);
        for (String l : List.of("id", "en")) if (!out.contains(l)) out.add(l);
        return out;
    }

    /**
     * @param languages languages to write instead of the configured ones (the CLI's {@code --lang}, {@link #BOTH} for
     *                  both); null keeps the configuration
     */
    public WriteReport(List<String> languages) {
        this.languageOverride = languages;
    }

    @Override
    public String name() {
        return "WriteReport";
    }

    @Override
    public String command() {
        return "report";
    }

    @Override
    public void run(StageContext ctx) {
        // a small input's files packed into one task per core, and at a few MB its expressions interpreted (core.SmallInputs)
        try (SmallInputs.Scope scope = SmallInputs.scope(ctx.spark(), SmallInputs.bytes(ctx, ctx.outputs().path("classified")), false, true)) {
            ctx.manifest().stage(name()).put("small_input", scope.small());
            ctx.manifest().stage(name()).put("interpreted_expressions", scope.interpreted());
            runStage(ctx, scope.small());
        }
    }

    private void runStage(StageContext ctx, boolean smallInput) {
        System.setProperty("java.awt.headless", "true");
        ReportConfig cfg = ctx.cfg().report();
        if (languageOverride != null) {
            cfg = cfg.withLanguages(languages(languageOverride, cfg.languages()));
            cfg.validate(ctx.config());
        }
        ReportData data = new ReportReader(ctx.spark(), ctx.outputs(), cfg).statsOnDriver(smallInput).read(ctx, ctx.config().referenceDir());
        String stale = ctx.manifest().stage(name()).path("stale_inputs").asText("");
        String drift = ctx.manifest().stage(name()).path("configuration_drift").asText("");
        for (String w : data.warnings()) {
            if (!w.equals(stale) && !w.equals(drift)) Log.warn("WriteReport: %s", w); // those two: logged by Pipeline
        }

        // the previous report in this folder, read before this one replaces it: what changed since, and why
        List<String> revisionWarnings = new ArrayList<>();
        java.util.Optional<JsonNode> previous = Revisions.parsePrevious(ctx.outputs().readText(OUTPUT + "/summary.json"), revisionWarnings);
        ObjectNode lineage = Revisions.lineage(ctx.manifest().root());
        // public claims the report sets against the data (data/reference/claims.csv; none when the file is absent)
        List<Claims.Claim> claims = Claims.load(ctx.config().referenceDir().resolve(Claims.FILE));
        ObjectNode probe = ReportSummary.build(data, cfg.languages(), List.of(), claims);
        probe.set("lineage", lineage);
        JsonNode revisions = previous.<JsonNode>map(p -> Revisions.compare(p, probe)).orElse(NullNode.getInstance());
        if (revisions.isObject()) probe.set("revisions", revisions);
        Revisions.warning(revisions).ifPresent(revisionWarnings::add);
        Revisions.History history = Revisions.history(ctx.outputs().readText(OUTPUT + "/" + HISTORY), probe);
        revisionWarnings.addAll(history.warnings());
        data = data.withMoreWarnings(revisionWarnings);
        for (String w : revisionWarnings) Log.warn("WriteReport: %s", w);
        logRevisions(revisions);

        String staging = ctx.outputs().staging(OUTPUT);
        FileSystem fs = ctx.outputs().fs();
        // no .crc side files next to the report: it is read by people and browsers, not by Hadoop
        if (fs instanceof org.apache.hadoop.fs.LocalFileSystem local) fs = local.getRawFileSystem();
        List<String> files = new ArrayList<>();
        List<String> langs = cfg.languages();
        int figures = 0;
        long bytes = 0;
        ctx.manifest().stage(name()).put("claims", claims.size());
        // the languages drawn one after the other on this thread: charts drawn on two threads at once were not always the
        // same (JDK fonts measured for the first time concurrently laid a legend out taller in one run); each chart's PNG
        // is encoded in the background while the next is drawn (Charts.render), and the files are written in the
        // configured order once all are drawn
        List<Rendered> drawn = new ArrayList<>();
        for (int i = 0; i < langs.size(); i++) {
            drawn.add(rendered(data, langs.get(i), claims, revisions,
                    langs.size() > 1 ? "index." + langs.get((i + 1) % langs.size()) + ".html" : null));
        }
        for (int i = 0; i < langs.size(); i++) {
            String lang = langs.get(i);
            Rendered r = drawn.get(i);
            String html = r.html();
            String md = r.md();
            bytes += write(fs, staging, "index." + lang + ".html", html, files);
            bytes += write(fs, staging, "report." + lang + ".md", md, files);
            if (i == 0) {
                bytes += write(fs, staging, "index.html", html, files);
                bytes += write(fs, staging, "report.md", md, files);
            }
            for (Charts.Figure fig : r.figures()) {
                bytes += write(fs, staging, "figures/" + fig.name() + ".svg", fig.svgDocument(), files);
                bytes += write(fs, staging, "figures/" + fig.name() + ".png", fig.png(), files);
                figures++;
            }
        }
        bytes += write(fs, staging, HISTORY, history.csv(), files);
        List<String> listed = new ArrayList<>(files);
        listed.add("summary.json");
        ObjectNode summary = ReportSummary.build(data, langs, listed, claims);
        summary.set("lineage", lineage);
        summary.set("revisions", revisions);
        bytes += write(fs, staging, "summary.json", ReportSummary.toJson(summary), files);
        ctx.outputs().commit(OUTPUT);

        ObjectNode section = ctx.manifest().stage(name());
        section.put("rows_out", files.size());
        section.put("files", files.size());
        section.put("bytes", bytes);
        section.put("figures", figures);
        section.put("languages", String.join(",", langs));
        ObjectNode disclosure = section.putObject("disclosure");
        for (ReportData.Breakdown b : data.breakdowns().values()) {
            ObjectNode n = disclosure.putObject(b.name());
            n.put("rows", b.rowKeys().size());
            n.put("primary_suppressed", b.suppressed(Disclosure.Status.PRIMARY));
            n.put("secondary_suppressed", b.suppressed(Disclosure.Status.SECONDARY));
        }
        data.evidence().ifPresent(ev -> {
            ObjectNode n = disclosure.putObject("evidence");
            n.put("rows", ev.size());
            n.put("primary_suppressed", ev.stream().filter(e -> e.status() == Disclosure.Status.PRIMARY).count());
            n.put("secondary_suppressed", ev.stream().filter(e -> e.status() == Disclosure.Status.SECONDARY).count());
        });
        section.put("warnings", data.warnings().size());
        section.put("revisions", revisions.isObject() ? revisions.path("status").asText() : "first");
        if (revisions.isObject()) section.put("previous_report_run_id", revisions.path("previous_run_id").asText());
        section.put("history_rows", history.rows());
        Log.info("WriteReport: %d files (%d figures, languages %s) in %s", files.size(), figures, langs,
                ctx.outputs().path(OUTPUT));
    }

    /** One language's report: its HTML, its Markdown and its figures. */
    private record Rendered(String html, String md, List<Charts.Figure> figures) {}

    private static Rendered rendered(ReportData data, String lang, List<Claims.Claim> claims, JsonNode revisions, String other) {
        ReportView view = new ReportView(data, lang, claims).withRevisions(revisions);
        Map<String, Object> context = view.context(other);
        String html = render("report/index.html.mustache", htmlCompiler(), withCss(context));
        String md = render("report/report.md.mustache", markdownCompiler(), context);
        return new Rendered(html, md, List.copyOf(view.figures()));
    }

    /**
     * One line on what changed since the previous report, for the run log; under {@code --log-json} with
     * {@code event: revisions}, {@code status} ({@code first}, {@code unchanged}, {@code revised}, {@code unexplained}),
     * {@code previous_run_id}, {@code figures_changed} and the input files' counts, for a scheduler (docs/OPERATIONS.md).
     */
    private static void logRevisions(JsonNode r) {
        ObjectNode f = Log.fields();
        f.put("event", "revisions");
        if (!r.isObject()) {
            f.put("status", "first");
            Log.event("INFO", "WriteReport: the first report in this output folder (nothing to compare with)", f);
            return;
        }
        JsonNode in = r.path("inputs");
        f.put("status", r.path("status").asText());
        f.put("previous_run_id", r.path("previous_run_id").asText());
        f.put("figures_changed", r.path("figures_changed").asInt());
        boolean recorded = r.path("previous_lineage_recorded").asBoolean();
        if (recorded) {
            for (String k : java.util.List.of("added", "changed", "removed")) f.put("inputs_" + k, in.path(k + "_count").asInt());
        }
        String inputs = recorded
                ? String.format(java.util.Locale.ROOT, "; input files %d added, %d changed, %d removed", in.path("added_count").asInt(),
                        in.path("changed_count").asInt(), in.path("removed_count").asInt())
                : "; the previous report recorded no lineage";
        Log.event("INFO", String.format(java.util.Locale.ROOT, "WriteReport: against the previous report (run %s): %d of %d figures changed (%s)%s",
                r.path("previous_run_id").asText("?"), r.path("figures_changed").asInt(), r.path("figures").size(),
                r.path("status").asText(), inputs), f);
    }

    // ---------------------------------------------------------------- templates

    static Mustache.Compiler htmlCompiler() {
        return Mustache.compiler().nullValue("").emptyStringIsFalse(true).withEscaper(HTML_WITH_CODE);
    }

    /** A pair of backticks around text, after HTML escaping (Escapers.HTML writes a backtick as {@code &#x60;}). */
    private static final java.util.regex.Pattern ESCAPED_CODE = java.util.regex.Pattern.compile("&#x60;((?:(?!&#x60;)[^\n])+?)&#x60;");

    /**
     * HTML escaping, then a pair of backticks (the Markdown of the messages, the warnings and the notes: {@code
     * `neraca classify`}, {@code `out/manifest.json`}) as {@code <code>}: the HTML report showed the backticks as text.
     * The text inside stays escaped; an unpaired backtick stays a backtick.
     */
    static final Mustache.Escaper HTML_WITH_CODE = raw -> {
        String escaped = Escapers.HTML.escape(raw);
        return escaped.contains("&#x60;") ? ESCAPED_CODE.matcher(escaped).replaceAll("<code>$1</code>") : escaped;
    };

    /** Markdown: no HTML escaping, but a value may not break a table (| and newlines). */
    static Mustache.Compiler markdownCompiler() {
        return Mustache.compiler().nullValue("").emptyStringIsFalse(true)
                .withEscaper(Escapers.simple(new String[][]{{"|", "\\|"}, {"\n", " "}}));
    }

    private static Map<String, Object> withCss(Map<String, Object> context) {
        Map<String, Object> c = new java.util.LinkedHashMap<>(context);
        c.put("css", resource("report/report.css"));
        return c;
    }

    static String render(String resource, Mustache.Compiler compiler, Map<String, Object> context) {
        try (InputStream in = WriteReport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw NeracaException.other("the job jar has no resource %s; rebuild it", resource);
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                Template t = compiler.compile(r);
                return t.execute(context);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = WriteReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw NeracaException.other("the job jar has no resource %s; rebuild it", name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long write(FileSystem fs, String staging, String name, String text, List<String> files) {
        return write(fs, staging, name, text.getBytes(StandardCharsets.UTF_8), files);
    }

    private static long write(FileSystem fs, String staging, String name, byte[] bytes, List<String> files) {
        Path p = new Path(staging, name);
        try {
            fs.mkdirs(p.getParent());
            try (FSDataOutputStream o = fs.create(p, true)) {
                o.write(bytes);
            }
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot write: %s", p, e.getMessage());
        }
        files.add(name);
        return bytes.length;
    }
}
