package id.neraca.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * {@code out/report/summary.json}: every headline figure of the report, language-neutral, for scripts and
 * dashboards. Money as whole rupiah JSON integers, shares in percent with 2 decimals. Fields: docs/REPORT.md.
 * Suppressed cells appear only as counts, never with their values.
 */
public final class ReportSummary {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportSummary() {}

    public static ObjectNode build(ReportData d, List<String> languages, List<String> files) {
        return build(d, languages, files, List.of());
    }

    /** With the claims set against the data ({@code claims[]}: each claim's measured range and verdict code). */
    public static ObjectNode build(ReportData d, List<String> languages, List<String> files, List<Claims.Claim> claims) {
        ObjectNode root = JSON.createObjectNode();
        root.put("report_version", 1);
        root.put("run_id", d.runId());
        root.put("generated_at", d.generatedAt());
        ArrayNode langs = root.putArray("languages");
        languages.forEach(langs::add);
        // what the figures are: completed order lines, or (no order line in the run) listing snapshots' sold value
        root.put("basis", d.basis());
        ObjectNode period = root.putObject("observed_period");
        period.put("first_month", d.monthly().isEmpty() ? null : d.monthly().get(0).period());
        period.put("last_month", d.monthly().isEmpty() ? null : d.monthly().get(d.monthly().size() - 1).period());
        period.put("months_observed", d.monthly().size());

        ReportData.Headline h = d.headlineYear();
        ObjectNode head = root.putObject("headline");
        headline(head, h, d.listingBasis());
        head.put("year", Integer.parseInt(h.period()));
        // the three largest sellers' share of the year's observed GMV, whole percent as the report gives it; null: not known
        if (d.topThreeSharePct() == null || d.listingBasis()) head.putNull("top3_sellers_share_pct");
        else head.put("top3_sellers_share_pct", d.topThreeSharePct().setScale(0, java.math.RoundingMode.HALF_UP).intValueExact());

        ArrayNode trend = root.putArray("trend");
        for (ReportData.Headline y : d.annual()) {
            ObjectNode n = trend.addObject();
            n.put("year", Integer.parseInt(y.period()));
            headline(n, y, d.listingBasis());
        }
        ObjectNode change = root.putObject("trend_change_pp");
        ReportData.Headline[] span = d.trendYears();
        if (span != null) {
            ReportData.Headline a = span[0];
            ReportData.Headline b = span[1];
            change.put("from_year", Integer.parseInt(a.period()));
            change.put("to_year", Integer.parseInt(b.period()));
            change.put("local_umkm", change(a, b, "LOCAL_UMKM", a.localUmkm(), b.localUmkm()));
            change.put("foreign_origin", change(a, b, CellStats.FOREIGN_KEY, a.foreignOrigin(), b.foreignOrigin()));
            change.put("unknown", change(a, b, "UNKNOWN", a.unknown(), b.unknown()));
        } else {
            change.putNull("from_year");
        }

        ReportData.Projection p = d.projection();
        ObjectNode proj = root.putObject("projection");
        proj.put("status", p.projected() ? "projected" : "not_projected");
        if (p.projected()) proj.putNull("not_projected_reason");
        else proj.put("not_projected_reason", p.notProjectedReason());
        proj.put("series", p.series());
        proj.put("model", p.model());
        proj.put("frequency", p.annual() ? "annual" : "monthly");
        if (p.summary().isEmpty() || !p.projected()) proj.putNull("basis");
        else proj.put("basis", ReportView.scenarioOnly(p) ? "growth_scenarios" : "fitted_models");
        JsonNode s = p.summary().orElse(null);
        if (s != null && s.has("projection_2030")) proj.set("projection_2030", s.get("projection_2030"));
        if (s != null && s.has("coverage")) proj.set("coverage", coverage(d, s.get("coverage")));
        if (s != null && s.has("umkm")) proj.set("umkm", umkm(d, s));
        ArrayNode targets = root.putArray("targets");
        for (ReportData.Target t : p.targets()) {
            ObjectNode n = targets.addObject();
            n.put("name", t.name());
            n.put("label", t.label());
            if (t.labelId() == null) n.putNull("label_id");
            else n.put("label_id", t.labelId());
            n.put("year", t.year());
            money(n, "target_idr", t.targetIdr());
            money(n, "projected_idr", t.projectedIdr());
            money(n, "lo95_idr", t.lo95());
            money(n, "hi95_idr", t.hi95());
            money(n, "gap_idr", t.gap());
            String verdict = ReportView.verdictCode(d, t);
            // a figure not comparable with the projection has no probability of being reached by it, nor a year: the
            // report's table shows "–" for both, and so do summary.json and the revisions table read from it (they
            // gave 99.9% beside "not comparable"); out/projection/targets keeps the computed values
            boolean comparable = !verdict.equals("not_comparable");
            if (t.probability() == null || !comparable) n.putNull("probability");
            else n.put("probability", t.probability());
            if (t.crossingYear() == null || !comparable) n.putNull("crossing_year");
            else n.put("crossing_year", t.crossingYear());
            n.put("verdict", verdict);
            if (t.scope() == null) n.putNull("scope");
            else n.put("scope", t.scope());
            // on_track answers the question only for a comparable target with a value (null otherwise: a wider figure
            // below the observed e-commerce value read "on_track": true beside the report's "not comparable")
            if (verdict.equals("no_value") || verdict.equals("not_comparable")) n.putNull("on_track");
            else n.put("on_track", verdict.equals("on_track"));
        }

        if (d.permendag().isPresent()) {
            ReportData.Permendag pm = d.permendag().get();
            ObjectNode n = root.putObject("permendag31");
            n.put("year", pm.year());
            boolean suppressed = pm.suppressed();
            n.put("suppressed", suppressed);
            if (!suppressed) {
                n.put("flagged_lines", pm.flaggedLines());
                money(n, "flagged_gmv_idr", pm.flaggedGmv() == null ? BigDecimal.ZERO : pm.flaggedGmv());
                // a share of the headline's total: withheld with it (flagged GMV ÷ share = total)
                share(n, "flagged_share_of_gmv_pct", !h.published(CellStats.TOTAL_KEY) ? null
                        : pct(pm.flaggedGmv() == null ? BigDecimal.ZERO : pm.flaggedGmv(), pm.gmv()));
                n.put("flagged_sellers", pm.flaggedSellers());
                share(n, "flagged_share_of_cross_border_gmv_pct", pm.crossBorderWithheld() ? null
                        : pct(pm.flaggedGmv() == null ? BigDecimal.ZERO : pm.flaggedGmv(), pm.crossBorderGmv()));
            }
        } else {
            root.putNull("permendag31");
        }

        if (d.evidence().isPresent()) {
            ArrayNode ev = root.putArray("evidence");
            for (ReportData.Evidence e : d.evidence().get()) {
                ObjectNode n = ev.addObject();
                n.put("origin_class", e.originClass());
                n.put("evidence", e.evidence());
                n.put("suppressed", !e.published());
                if (e.published()) {
                    n.put("lines", e.lines());
                    money(n, "gmv_idr", e.gmv());
                } else {
                    n.putNull("lines");
                    n.putNull("gmv_idr");
                }
            }
        } else {
            root.putNull("evidence");
        }

        // claims set against the headline year (docs/REPORT.md, "Claims and the data"); none in a listing-only report
        ArrayNode cl = root.putArray("claims");
        if (!d.listingBasis()) {
            for (Claims.Claim c : claims) {
                ReportView.ClaimMeasure m = ReportView.measureClaim(d, c, h);
                ObjectNode n = cl.addObject();
                n.put("id", c.id());
                n.put("metric", c.metric());
                n.put("marketplace", c.marketplace());
                n.put("claimed_pct", c.claimedPct());
                n.put("measured_lo_pct", m.lo());
                n.put("measured_hi_pct", m.hi());
                n.put("verdict", m.verdict());
                n.put("source", c.source());
                n.put("confidence", c.confidence());
            }
        }

        ObjectNode disc = root.putObject("disclosure");
        disc.put("min_sellers", d.config().minSellers());
        disc.put("dominance_share", d.config().dominanceShare());
        disc.put("p_percent", d.config().pPercent());
        disc.put("protection_share", d.config().protectionShare());
        ObjectNode tables = disc.putObject("tables");
        for (ReportData.Breakdown b : d.breakdowns().values()) {
            ObjectNode n = tables.putObject(b.name());
            n.put("year", b.year());
            n.put("rows", b.rowKeys().size());
            n.put("cells", (b.rowKeys().size() + 1) * (ReportData.CLASSES.size() + 1));
            n.put("primary_suppressed", b.suppressed(Disclosure.Status.PRIMARY));
            n.put("secondary_suppressed", b.suppressed(Disclosure.Status.SECONDARY));
            n.put("exact_seller_counts", b.exactSellerCounts());
        }
        if (d.evidence().isPresent()) {
            // evidence rows of a class the headline withholds are withheld with it (secondary), besides the rules' own
            ObjectNode n = disc.putObject("evidence");
            n.put("year", Integer.parseInt(d.headlineYear().period()));
            n.put("rows", d.evidence().get().size());
            n.put("primary_suppressed", d.evidence().get().stream().filter(e -> e.status() == Disclosure.Status.PRIMARY).count());
            n.put("secondary_suppressed", d.evidence().get().stream().filter(e -> e.status() == Disclosure.Status.SECONDARY).count());
        }

        ObjectNode avail = root.putObject("inputs_available");
        avail.put("classified", d.evidence().isPresent());
        avail.put("reconciliation", d.reconciliation().isPresent());
        avail.put("quarantine_reasons", d.quarantineReasons().isPresent());
        avail.put("classify_stats", d.classifyStats().isPresent());
        avail.put("provinces", !d.provinceNames().isEmpty());
        avail.put("fx", d.fx().isPresent());
        avail.put("projection_summary", p.summary().isPresent());

        if (d.reconciliation().isPresent()) {
            ObjectNode q = root.putObject("data_quality");
            long read = 0, acc = 0, qu = 0, dup = 0;
            for (ReportData.Reconciliation r : d.reconciliation().get()) {
                read += r.rowsRead();
                acc += r.accepted();
                qu += r.quarantined();
                dup += r.duplicatesCollapsed();
            }
            q.put("files", d.reconciliation().get().size());
            q.put("rows_read", read);
            q.put("accepted", acc);
            q.put("quarantined", qu);
            q.put("duplicates_collapsed", dup);
        } else {
            root.putNull("data_quality");
        }
        ArrayNode fl = root.putArray("files");
        files.forEach(fl::add);
        ArrayNode w = root.putArray("warnings");
        d.warnings().forEach(w::add);
        return root;
    }

    /**
     * The projection's coverage, without what would give a withheld observed total back
     * ({@link ReportView#sampleTotalsWithheld}): the factor, its range, its note and each calibration year's
     * observed value and factor are null, with {@code withheld: true}.
     */
    static JsonNode coverage(ReportData d, JsonNode cov) {
        if (!ReportView.sampleTotalsWithheld(d) || !cov.isObject()) return cov;
        ObjectNode c = ((ObjectNode) cov).deepCopy();
        for (String k : List.of("factor", "factor_lo95", "factor_hi95", "note")) if (c.has(k)) c.putNull(k);
        for (JsonNode p : c.path("points")) {
            if (p.isObject()) ((ObjectNode) p).putNull("observed_idr").putNull("factor");
        }
        c.put("withheld", true);
        return c;
    }

    /**
     * The projection's UMKM block; its {@code share_last_year_pct} (the observed local UMKM share of the last full
     * year) is null when the headline of that year withholds local UMKM (it is the withheld share itself) or the total.
     */
    static JsonNode umkm(ReportData d, JsonNode summary) {
        JsonNode u = summary.get("umkm");
        if (!u.isObject() || !u.has("share_last_year_pct") || !summary.path("last_observed_year").canConvertToInt()) return u;
        String year = summary.path("last_observed_year").asText();
        for (ReportData.Headline h : d.annual()) {
            // with the total withheld, the share (4 decimals) and the published local UMKM value give the total back
            if (h.period().equals(year) && !ReportView.shareShown(h, "LOCAL_UMKM")) {
                return ((ObjectNode) u).deepCopy().putNull("share_last_year_pct");
            }
        }
        return u;
    }

    public static String toJson(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void headline(ObjectNode n, ReportData.Headline h, boolean listings) {
        n.put("months_observed", h.monthsObserved());
        boolean total = h.published(CellStats.TOTAL_KEY);
        boolean foreign = h.published(CellStats.FOREIGN_KEY);
        money(n, "total_gmv_idr", total ? h.total() : null);
        for (String cls : ReportData.CLASSES) money(n, cls.toLowerCase(Locale.ROOT) + "_gmv_idr", h.published(cls) ? h.gmv(cls) : null);
        money(n, "foreign_origin_gmv_idr", foreign ? h.foreignOrigin() : null);
        for (String cls : ReportData.CLASSES) {
            share(n, cls.toLowerCase(Locale.ROOT) + "_share_pct", h.published(cls) && total ? pct(h.gmv(cls), h.total()) : null);
        }
        share(n, "foreign_origin_share_pct", foreign && total ? pct(h.foreignOrigin(), h.total()) : null);
        // disclosure: the withheld entries (null above) and the withheld classes together (total − published classes)
        ArrayNode withheld = n.putArray("withheld");
        for (String key : HeadlineDisclosure.KEYS) if (!h.published(key)) withheld.add(key);
        boolean anyClass = !h.withheldClasses().isEmpty();
        money(n, "withheld_classes_gmv_idr", anyClass && total ? h.withheldGmv() : null);
        share(n, "withheld_classes_share_pct", anyClass && total ? pct(h.withheldGmv(), h.total()) : null);
        // the shares whatever the undetermined sales turn out to be (none of them, all of them)
        bounds(n, "local_umkm_share_bounds_pct", h.shareBounds("LOCAL_UMKM"));
        bounds(n, "foreign_origin_share_bounds_pct", h.shareBounds(CellStats.FOREIGN_KEY));
        n.put("disclosure_checked", !h.disclosure().isEmpty());
        if (listings) n.putNull("orders"); // a scrape has no orders
        else n.put("orders", h.orders());
        n.put("sellers", h.sellers());
    }

    /** Change in points between two years' shares of an entry; null when either year withholds it. */
    private static BigDecimal change(ReportData.Headline from, ReportData.Headline to, String key, BigDecimal fromValue, BigDecimal toValue) {
        if (!from.published(key) || !to.published(key) || !from.published(CellStats.TOTAL_KEY) || !to.published(CellStats.TOTAL_KEY)) return null;
        return pp(to.share(toValue), from.share(fromValue));
    }

    private static void bounds(ObjectNode n, String field, BigDecimal[] b) {
        if (b == null) {
            n.putNull(field);
            return;
        }
        ArrayNode a = n.putArray(field);
        for (BigDecimal v : b) a.add(v.setScale(4, RoundingMode.HALF_UP));
    }

    private static void money(ObjectNode n, String field, BigDecimal v) {
        if (v == null) n.putNull(field);
        else n.put(field, v.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact());
    }

    /** A share as {@link #pct} gives it (4 decimals, or 2 significant digits for a small non-zero share); null stays null. */
    private static void share(ObjectNode n, String field, BigDecimal v) {
        if (v == null) n.putNull(field);
        else n.put(field, v);
    }

    /**
     * {@code part} as percent of {@code whole}, half up to 4 decimals: the value the report rounds for display, so that
     * re-rounding the JSON gives the report's figure (2 decimals gave 56.85 where the report, from 56.8494, says 56.8%).
     * A non-zero share below 0.00005% keeps 2 significant digits rather than reading 0.0000 (the report's "&lt;0.1%").
     */
    static BigDecimal pct(BigDecimal part, BigDecimal whole) {
        BigDecimal p = ReportData.pct(part, whole);
        if (p == null || p.signum() != 0 || part.signum() == 0) return p;
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, new java.math.MathContext(2, RoundingMode.HALF_UP));
    }

    /** Change in percentage points between two shares of 4 decimals (exact: no rounding). */
    private static BigDecimal pp(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b).setScale(4, RoundingMode.HALF_UP);
    }
}
