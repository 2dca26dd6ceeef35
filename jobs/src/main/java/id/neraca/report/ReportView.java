package id.neraca.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report in one language: the template context (plain maps and lists for JMustache) and the charts.
 * Nothing here reads or writes files; every number is formatted by {@link LocaleFormat}, every word comes
 * from {@link Messages}. Suppressed cells are shown as {@code [c]} and never drawn in a chart.
 */
public final class ReportView {
    public static final String SUPPRESSED_MARK = "[c]";
    /** Columns of classify_stats/by_class left out of the report (values per marketplace × class, not checked for disclosure). */
    static final java.util.Set<String> STATS_WITHHELD_COLUMNS = java.util.Set.of("gmv_idr", "units");

    private final ReportData d;
    private final LocaleFormat f;
    private final Messages t;
    private final List<Charts.Figure> figures = new ArrayList<>();

    public ReportView(ReportData data, String lang) {
        this(data, lang, List.of());
    }

    /** With the claims the report sets against the data (data/reference/claims.csv, {@link Claims}). */
    public ReportView(ReportData data, String lang, List<Claims.Claim> claims) {
        this.d = data;
        this.f = LocaleFormat.of(lang);
        this.t = Messages.load(lang).variant(data.listingBasis() ? "listing" : null);
        this.claims = List.copyOf(claims);
    }

    /** The comparison with the previous report (null: not made, no section; a JSON null: the first report here). */
    private JsonNode revisions;

    /**
     * With the comparison to the previous report in the output folder ({@link Revisions#compare}), or a JSON null when
     * this is the first report there: the section "Changes since the previous report".
     */
    public ReportView withRevisions(JsonNode revisions) {
        this.revisions = revisions;
        return this;
    }

    private final List<Claims.Claim> claims;

    public List<Charts.Figure> figures() {
        return figures;
    }

    public Messages messages() {
        return t;
    }

    /** Builds the template context (and the figures, available from {@link #figures()} afterwards). */
    public Map<String, Object> context(String otherLanguageFile) {
        figures.clear();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("lang", f.lang());
        // the headings that name the target year name the configured one (project.targets), not a fixed 2030
        Map<String, String> texts = new LinkedHashMap<>(t.all());
        for (String key : List.of("sec_projection", "q3")) texts.put(key, yearly(key));
        c.put("t", texts);
        c.put("other_lang_file", otherLanguageFile);
        c.put("generated", f.dateTime(d.generatedAt()));
        c.put("run_id", d.runId());
        c.put("na", t.get("not_available"));
        c.put("headline", headline());
        c.put("trend", trend());
        c.put("fig_shares", figure(sharesChart()));
        c.put("fig_shares_note", sharesWithheldNote());
        c.put("claims", claimsSection());
        c.put("projection", projection());
        c.put("fig_projection", d.projection().projected() ? figure(projectionChart()) : null);
        List<Object> tables = new ArrayList<>();
        for (String name : List.of("marketplace", "province", "category")) {
            ReportData.Breakdown b = d.breakdowns().get(name);
            tables.add(b == null ? Map.of("available", false, "title", t.get("table_" + name + "_title")) : breakdown(b));
        }
        c.put("breakdowns", tables);
        c.put("disclosure", disclosure());
        c.put("permendag", permendag());
        c.put("evidence", evidence());
        c.put("methodology", methodology());
        c.put("quality", quality());
        c.put("lineage", lineage());
        c.put("revisions", revisionsSection());
        // the report's own warnings in its language where StageNotes knows the sentence, else English, marked
        List<Object> reportWarnings = new ArrayList<>();
        for (String w : d.warnings()) {
            StageNotes.Note note = StageNotes.localiseWarning(homeRelative(w), t, f);
            reportWarnings.add(Map.of("text", note.text(), "en", note.english()));
        }
        c.put("warnings", reportWarnings);
        c.put("has_warnings", !d.warnings().isEmpty());
        c.put("figures", figures.stream().map(fg -> Map.of("name", fg.name(), "file", "figures/" + fg.name() + ".svg",
                "png", "figures/" + fg.name() + ".png")).toList());
        return c;
    }

    // ---------------------------------------------------------------- headline and the three questions

    private String yearLabel(ReportData.Headline h) {
        if (d.listingBasis()) {
            // a year of snapshots is named by its scrape months: "2023 (scrapes of February 2023)"
            List<String> months = d.monthly().stream().map(ReportData.Headline::period)
                    .filter(m -> m.startsWith(h.period() + "-")).map(f::month).toList();
            return months.isEmpty() ? h.period() : t.get("year_snapshots", h.period(), String.join(", ", months));
        }
        return h.monthsObserved() >= 12 ? h.period()
                : t.get(h.monthsObserved() == 1 ? "year_partial_one" : "year_partial", h.period(), h.monthsObserved());
    }

    private Map<String, Object> headline() {
        ReportData.Headline h = d.headlineYear();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", yearLabel(h));
        m.put("period_from", f.month(d.monthly().isEmpty() ? null : d.monthly().get(0).period()));
        m.put("period_to", f.month(d.monthly().isEmpty() ? null : d.monthly().get(d.monthly().size() - 1).period()));
        // one month is named once ("February 2023", not "February 2023 – February 2023")
        m.put("period", m.get("period_from").equals(m.get("period_to")) ? m.get("period_from") : m.get("period_from") + " – " + m.get("period_to"));
        m.put("total_gmv", money(h, CellStats.TOTAL_KEY, h.total()));
        m.put("umkm_share", share(h, "LOCAL_UMKM", h.localUmkm()));
        m.put("umkm_gmv", money(h, "LOCAL_UMKM", h.localUmkm()));
        m.put("large_share", share(h, "LOCAL_LARGE", h.localLarge()));
        m.put("foreign_share", share(h, CellStats.FOREIGN_KEY, h.foreignOrigin()));
        m.put("foreign_gmv", money(h, CellStats.FOREIGN_KEY, h.foreignOrigin()));
        m.put("imported_share", share(h, "IMPORTED", h.imported()));
        m.put("cross_border_share", share(h, "CROSS_BORDER", h.crossBorder()));
        m.put("unknown_share", share(h, "UNKNOWN", h.unknown()));
        m.put("withheld_note", withheldNote(h));
        m.put("q1_answer", shareShown(h, "LOCAL_UMKM")
                ? t.get("q1_answer", share(h, "LOCAL_UMKM", h.localUmkm()), yearLabel(h),
                        money(h, "LOCAL_UMKM", h.localUmkm()), money(h, CellStats.TOTAL_KEY, h.total()))
                : t.get("q1_withheld", yearLabel(h)));
        m.put("q2_answer", foreignAnswer(h));
        m.put("bounds", boundsSentence(h));
        m.put("concentration", concentrationSentence(h));
        m.put("q3_answer", targetVerdicts());
        m.put("q3_short", targetIntro());
        m.put("trend_sentence", trendSentence());
        m.put("scale_note", scaleNote());
        return m;
    }

    /**
     * The year the projection's headings name: the targets' year when they share one (the configured targets, 2030 by
     * default); null when they have several years or there is none, and the headings then speak of the targets.
     */
    Integer headingYear() {
        List<Integer> years = d.projection().targets().stream().map(ReportData.Target::year).distinct().toList();
        return years.size() == 1 ? years.get(0) : null;
    }

    /** A message naming the target year ({0}), or its {@code _targets} form when there is no single year. */
    String yearly(String key) {
        Integer year = headingYear();
        return year != null ? t.get(key, year) : t.get(key + "_targets");
    }

    private String scaleNote() {
        // a listing-only report has its own note (Messages.variant), which names no projection year
        return d.listingBasis() ? t.get("scale_note") : yearly("scale_note");
    }

    /**
     * The second answer. A withheld figure is never the subject of a sentence ("For [c] the origin could not be
     * determined"): the sentence says instead that the figure is withheld.
     */
    private String foreignAnswer(ReportData.Headline h) {
        String foreign;
        if (!shareShown(h, CellStats.FOREIGN_KEY)) {
            foreign = t.get("q2_foreign_withheld");
        } else if (!shareShown(h, "IMPORTED") || !shareShown(h, "CROSS_BORDER")) {
            foreign = t.get("q2_split_withheld", share(h, CellStats.FOREIGN_KEY, h.foreignOrigin()));
        } else {
            foreign = t.get("q2_answer", share(h, CellStats.FOREIGN_KEY, h.foreignOrigin()), share(h, "IMPORTED", h.imported()),
                    share(h, "CROSS_BORDER", h.crossBorder()));
        }
        String unknown = shareShown(h, "UNKNOWN") ? t.get("q2_unknown", share(h, "UNKNOWN", h.unknown())) : t.get("q2_unknown_withheld");
        return foreign + " " + unknown;
    }

    /**
     * What the undetermined sales can change: the local UMKM and foreign-origin shares from none of them to all of
     * them. Empty when either share is withheld, or when nothing is undetermined.
     */
    private String boundsSentence(ReportData.Headline h) {
        BigDecimal[] umkm = h.shareBounds("LOCAL_UMKM");
        BigDecimal[] foreign = h.shareBounds(CellStats.FOREIGN_KEY);
        if (umkm == null || foreign == null || h.undeterminedBound().signum() == 0) return "";
        // an undetermined share that rounds away leaves nothing to say ("between 100.0% and 100.0%")
        if (f.pct(umkm[0]).equals(f.pct(umkm[1])) && f.pct(foreign[0]).equals(f.pct(foreign[1]))) return "";
        String key = h.published("UNKNOWN") ? "bounds" : "bounds_withheld";
        return t.get(key, f.pct(umkm[0]), f.pct(umkm[1]), f.pct(foreign[0]), f.pct(foreign[1]));
    }

    private String trendSentence() {
        if (d.listingBasis()) return t.get("trend_listing");
        List<ReportData.Headline> years = d.annual();
        if (years.size() < 2) return t.get("trend_single_year");
        ReportData.Headline[] span = d.trendYears();
        if (span == null) return t.get("trend_partial_years", String.join(", ", years.stream().map(this::yearLabel).toList()));
        ReportData.Headline a = span[0];
        ReportData.Headline b = span[1];
        // a withheld change is said to be withheld, not written as a value ("the unknown share by [c]")
        boolean unknownShown = shareShown(a, "UNKNOWN") && shareShown(b, "UNKNOWN");
        return t.get(unknownShown ? "trend_sentence" : "trend_sentence_unknown_withheld", yearLabel(a), yearLabel(b),
                ppChange(a, b, "LOCAL_UMKM"), ppChange(a, b, CellStats.FOREIGN_KEY), ppChange(a, b, "UNKNOWN"));
    }

    /**
     * The 2030 shares out of the projection's {@code umkm} section: what local UMKM and foreign-origin goods would
     * earn, with their 95% intervals. Empty when nothing is projected, when the projection has no such section, or
     * when the observed year withholds either share (the projection is fitted on those shares).
     */
    private String umkm2030() {
        ReportData.Projection p = d.projection();
        if (!p.projected() || p.summary().isEmpty()) return "";
        JsonNode u = p.summary().get().path("umkm");
        ReportData.Headline h = d.headlineYear();
        if (!u.path("share_2030_pct").isNumber() || !u.path("foreign_origin_share_2030_pct").isNumber()
                || !h.published("LOCAL_UMKM") || !h.published(CellStats.FOREIGN_KEY) || !h.published(CellStats.TOTAL_KEY)) return "";
        boolean held = u.path("trend").asText("").equals("held_level");
        String key = held ? (scenarioOnly() ? "umkm_2030_held_scenario" : "umkm_2030_held")
                : scenarioOnly() ? "umkm_2030_scenario" : "umkm_2030";
        // a fitted trend whose 95% intervals both hold the last observed year's shares: no change is as consistent with
        // the months observed as the central path, which is said first (the samples: 22.5% in 14.1 - 51.0%)
        BigDecimal umkmNow = h.share(h.gmv("LOCAL_UMKM"));
        BigDecimal foreignNow = h.share(h.foreignOrigin());
        boolean noClearTrend = !held && umkmNow != null && foreignNow != null
                && within(umkmNow, u.path("share_2030_lo95_pct"), u.path("share_2030_hi95_pct"))
                && within(foreignNow, u.path("foreign_origin_share_2030_lo95_pct"), u.path("foreign_origin_share_2030_hi95_pct"));
        String prefix = noClearTrend ? t.get("umkm_2030_no_clear_trend", yearLabel(h), f.pct(umkmNow), f.pct(foreignNow)) + " " : "";
        return prefix + t.get(key,
                f.pct(u.path("share_2030_pct").decimalValue()), u.path("year").asText("2030"),
                f.pct(u.path("share_2030_lo95_pct").decimalValue()), f.pct(u.path("share_2030_hi95_pct").decimalValue()),
                f.money(u.path("umkm_value_2030_idr").decimalValue()),
                f.pct(u.path("foreign_origin_share_2030_pct").decimalValue()),
                f.pct(u.path("foreign_origin_share_2030_lo95_pct").decimalValue()),
                f.pct(u.path("foreign_origin_share_2030_hi95_pct").decimalValue()),
                f.money(u.path("foreign_origin_value_2030_idr").decimalValue())) + " " + t.get("umkm_2030_medians");
    }

    private static boolean within(BigDecimal v, JsonNode lo, JsonNode hi) {
        return lo.isNumber() && hi.isNumber() && v.compareTo(lo.decimalValue()) >= 0 && v.compareTo(hi.decimalValue()) <= 0;
    }

    /** Change of an entry's share between two years in points; the withheld mark when either year withholds it. */
    private String ppChange(ReportData.Headline a, ReportData.Headline b, String key) {
        if (!shareShown(a, key) || !shareShown(b, key)) return SUPPRESSED_MARK;
        return f.pp(diff(b.share(value(b, key)), a.share(value(a, key))));
    }

    private static BigDecimal value(ReportData.Headline h, String key) {
        return switch (key) {
            case CellStats.TOTAL_KEY -> h.total();
            case CellStats.FOREIGN_KEY -> h.foreignOrigin();
            default -> h.gmv(key);
        };
    }

    /** A headline share, or the withheld mark when disclosure control withholds the entry or the total. */
    private String share(ReportData.Headline h, String key, BigDecimal v) {
        return shareShown(h, key) ? f.pct(h.share(v)) : SUPPRESSED_MARK;
    }

    /**
     * Whether an entry's share of the year's total may be shown: the entry and the total both published. A share of a
     * withheld total gives it back (total = a published value ÷ its share), and the shares of the published classes
     * give a withheld class as 100% − their sum, as if the total were published: a year one firm dominates would
     * publish that firm's sales.
     */
    static boolean shareShown(ReportData.Headline h, String key) {
        return h.published(key) && h.published(CellStats.TOTAL_KEY);
    }

    private String money(ReportData.Headline h, String key, BigDecimal v) {
        return h.published(key) ? f.money(v) : SUPPRESSED_MARK;
    }

    /** Which classes are withheld and their share together (total minus the published classes: no new information). */
    private String withheldNote(ReportData.Headline h) {
        List<String> withheld = h.withheldClasses();
        if (withheld.isEmpty()) return "";
        String names = String.join(", ", withheld.stream().map(c -> t.get("class_" + c)).toList());
        String together = h.published(CellStats.TOTAL_KEY) ? f.pct(h.share(h.withheldGmv())) : SUPPRESSED_MARK;
        return t.get("headline_withheld", names, together, d.config().minSellers(), dominance()) + pRule("p_rule_headline", " ");
    }

    /**
     * How concentrated the headline year's observed GMV is: the three largest sellers' share (whole percent), and, at
     * half or more, that the shares follow their sales mix. Empty when not known (no out/classified, fewer than three
     * sellers) or in a report on listings.
     */
    private String concentrationSentence(ReportData.Headline h) {
        BigDecimal cr3 = d.topThreeSharePct();
        if (cr3 == null || d.listingBasis()) return "";
        String pct = f.decimal(cr3.setScale(0, java.math.RoundingMode.HALF_UP), 0) + "%";
        return t.get(cr3.compareTo(BigDecimal.valueOf(50)) >= 0 ? "concentration_high" : "concentration", yearLabel(h), pct);
    }

    /** The p% rule's sentence or clause ({@code key}, after {@code sep}), or nothing when the rule is off (p_percent 0). */
    private String pRule(String key, String sep) {
        return d.config().pPercent() > 0 ? sep + t.get(key, configuredPercent(d.config().pPercent() / 100)) : "";
    }

    /** The dominance threshold as every sentence writes it (85%, as the tables' captions: not 85.0%). */
    private String dominance() {
        return configuredPercent(d.config().dominanceShare());
    }

    private String protectionShare() {
        return configuredPercent(d.config().protectionShare());
    }

    /** A configured share as a percent with the digits it was given (0.85 → 85%, 0.125 → 12,5%). */
    private String configuredPercent(double share) {
        BigDecimal pct = BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros();
        return f.decimal(pct, Math.max(0, pct.scale())) + "%";
    }

    private static BigDecimal diff(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }

    /** The year the projected path reaches the target, in the report's language (the stage's label is English). */
    private String crossing(ReportData.Target tg) {
        return tg.crossingYear() != null ? String.valueOf(tg.crossingYear()) : t.get("crossing_none");
    }

    /** The first target with a projected value (a target year before the data has none: docs/PROJECTION.md §6). */
    private ReportData.Target firstWithValue() {
        for (ReportData.Target tg : d.projection().targets()) if (tg.projectedIdr() != null) return tg;
        return null;
    }

    /**
     * Nothing projected (a history under 12 months, or no fully observed year with a benchmark): the sentence that says
     * so and why, in the report's language, from the projection's summary (cause, months observed, first and last
     * month); null when there is a projection.
     */
    private String notProjected() {
        ReportData.Projection p = d.projection();
        if (p.projected()) return null;
        JsonNode s = p.summary().orElseThrow();
        long n = s.path("months_observed").asLong(0);
        String key = noOrderLines() ? "q3_no_order_lines" : notCalibrated() ? "q3_not_calibrated"
                : n == 1 ? "q3_not_projected_one" : "q3_not_projected";
        return t.get(key, f.count(n),
                f.month(s.path("first_observed_month").asText(null)), f.month(s.path("last_observed_month").asText(null)));
    }

    /** Nothing projected because no fully observed year has a benchmark (summary.json {@code not_projected_cause}). */
    private boolean noOrderLines() {
        return d.projection().summary().map(s -> "no_order_lines".equals(s.path("not_projected_cause").asText())).orElse(false);
    }

    private boolean notCalibrated() {
        return d.projection().summary().map(s -> "no_calibration_year".equals(s.path("not_projected_cause").asText())).orElse(false);
    }

    /**
     * No target has a projected value: none configured, or (dumps of 2031 on) every target's year lies before the first
     * modelled month, so the projection has no value of that year (docs/PROJECTION.md §6); the targets exist then, and
     * the sentence says why they have no value instead of "no targets".
     */
    private String noTargetValue() {
        String firstMonth = d.projection().summary().map(s -> s.path("first_observed_month").asText(null)).orElse(null);
        if (firstMonth == null || d.projection().targets().isEmpty()) return t.get("q3_no_targets");
        int firstYear = Integer.parseInt(firstMonth.substring(0, 4));
        List<String> before = new ArrayList<>();
        for (ReportData.Target tg : d.projection().targets()) {
            if (tg.year() >= firstYear) return t.get("q3_no_targets");
            before.add(targetName(tg) + " " + tg.year());
        }
        return t.get("q3_targets_before_data", String.join("; ", before), f.month(firstMonth));
    }

    private String targetIntro() {
        if (!d.projection().projected()) return notProjected();
        ReportData.Target first = firstWithValue();
        if (first == null) return noTargetValue();
        String growth = growthCaveat();
        return withScenarioNote(t.get("q3_intro", first.year(), f.money(first.projectedIdr()), f.moneyRange(first.lo95(), first.hi95()))
                + (growth == null ? "" : " " + growth));
    }

    /**
     * The projection rests on growth scenarios alone (a short history fits no model, or no fitted model was kept):
     * summary.json's {@code basis}, else its models (every monthly model carrying weight is a {@code cagr_} scenario).
     * Its central value and probabilities are then an assumption's, and every sentence about the targets says so.
     */
    boolean scenarioOnly() {
        return scenarioOnly(d.projection());
    }

    static boolean scenarioOnly(ReportData.Projection p) {
        JsonNode s = p.summary().orElse(null);
        if (s == null) return false;
        if (s.path("basis").isTextual()) return s.path("basis").asText().equals("growth_scenarios");
        boolean any = false;
        for (JsonNode m : s.path("models")) {
            if (!m.path("frequency").asText("monthly").equals("monthly") || !(m.path("weight").asDouble(0) > 0)) continue;
            if (!m.path("name").asText("").startsWith("cagr_")) return false;
            any = true;
        }
        return any;
    }

    /** The sentence saying the projection is an assumed growth rate, not an estimate; "" for a fitted projection. */
    private String scenarioNote() {
        if (!scenarioOnly()) return "";
        JsonNode s = d.projection().summary().orElseThrow();
        JsonNode sc = s.path("scenarios");
        return t.get("projection_scenario_only", s.path("months_observed").isNumber() ? f.count(s.path("months_observed").asLong()) : "–",
                rate(sc.path("cagr_base_pct")), rate(sc.path("cagr_low_pct")), rate(sc.path("cagr_high_pct")));
    }

    private String rate(JsonNode pct) {
        return pct.isNumber() ? f.pct(pct.decimalValue()) : "–";
    }

    private String withScenarioNote(String sentence) {
        String note = scenarioNote();
        return note.isEmpty() ? sentence : sentence + " " + note;
    }

    private String targetVerdicts() {
        if (!d.projection().projected()) return notProjected();
        List<String> parts = new ArrayList<>();
        ReportData.Projection p = d.projection();
        ReportData.Target first = firstWithValue();
        BigDecimal central = first == null ? null : first.projectedIdr();
        for (ReportData.Target tg : p.targets()) {
            if (tg.targetIdr() == null || tg.projectedIdr() == null) continue;
            boolean reached = tg.projectedIdr().compareTo(tg.targetIdr()) >= 0;
            String prob = tg.probability() == null ? "–" : f.pct(BigDecimal.valueOf(tg.probability() * 100));
            String crossing = crossing(tg);
            String sentence = t.get(notComparable(tg) ? "q3_target_not_comparable" : reached ? "q3_target_reached" : "q3_target_missed",
                    f.money(tg.targetIdr()), tg.label(f.lang()), prob, f.money(tg.gap() == null ? null : tg.gap().abs()), crossing, tg.year());
            // the probability is in the sentence already; the caveats follow it
            String caveats = String.join("; ", cardCaveats(tg));
            parts.add(caveats.isEmpty() ? sentence : sentence.substring(0, sentence.length() - 1) + " (" + caveats + ").");
        }
        if (central == null) return noTargetValue();
        // the caveat that moves every verdict, on the first screen and not only under the target table
        String growth = growthCaveat();
        if (growth != null) parts.add(growth);
        return withScenarioNote(t.get("q3_intro", first.year(), f.money(central), f.moneyRange(first.lo95(), first.hi95())) + " "
                + String.join(" ", parts));
    }

    private List<Object> trend() {
        List<Object> rows = new ArrayList<>();
        for (ReportData.Headline h : d.annual()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("year", yearLabel(h));
            r.put("total", money(h, CellStats.TOTAL_KEY, h.total()));
            r.put("umkm", share(h, "LOCAL_UMKM", h.localUmkm()));
            r.put("large", share(h, "LOCAL_LARGE", h.localLarge()));
            r.put("imported", share(h, "IMPORTED", h.imported()));
            r.put("cross_border", share(h, "CROSS_BORDER", h.crossBorder()));
            r.put("unknown", share(h, "UNKNOWN", h.unknown()));
            r.put("foreign", share(h, CellStats.FOREIGN_KEY, h.foreignOrigin()));
            r.put("sellers", f.count(h.sellers()));
            rows.add(r);
        }
        return rows;
    }

    private Map<String, String> classLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String cls : ReportData.CLASSES) m.put(cls, t.get("class_" + cls));
        return m;
    }

    /** Key of the chart segment that stacks the withheld classes of a year together. */
    static final String WITHHELD = "WITHHELD";

    private Charts.Figure sharesChart() {
        List<String> periods = new ArrayList<>();
        List<Map<String, BigDecimal>> shares = new ArrayList<>();
        boolean anyWithheld = false;
        for (ReportData.Headline h : d.annual()) {
            periods.add(yearLabel(h));
            Map<String, BigDecimal> s = new LinkedHashMap<>();
            if (!h.published(CellStats.TOTAL_KEY)) {
                shares.add(s);
                continue;
            }
            for (String cls : ReportData.CLASSES) if (h.published(cls)) s.put(cls, h.share(h.gmv(cls)));
            if (!h.withheldClasses().isEmpty()) {
                s.put(WITHHELD, h.share(h.withheldGmv()));
                anyWithheld = true;
            }
            shares.add(s);
        }
        // a class withheld in every year has no segment: no legend entry either
        List<String> keys = new ArrayList<>(ReportData.CLASSES.stream()
                .filter(cls -> d.annual().stream().anyMatch(h -> h.published(cls))).toList());
        Map<String, String> labels = classLabels();
        if (anyWithheld) {
            keys.add(WITHHELD);
            labels.put(WITHHELD, t.get("class_WITHHELD"));
        }
        return Charts.stackedShares("headline_shares_" + f.lang(),
                new Charts.Labels(t.get("fig_shares_title"), t.get("axis_year"), t.get("axis_share"), labels),
                periods, shares, keys, false, f, 760, 420);
    }

    /**
     * When the classes the headline chart stacks together as withheld differ between years, which they are in each (the
     * audit of 2 Dec 2026: the grey segment held imported goods in 2023 and 2024 but not in 2025, and fell from 77% to
     * 34%, which read as a trend); empty when they are the same every year. Consecutive years with the same classes are
     * named together.
     */
    String sharesWithheldNote() {
        List<String[]> groups = new ArrayList<>();   // {years, classes}
        java.util.Set<List<String>> distinct = new java.util.HashSet<>();
        for (ReportData.Headline h : d.annual()) {
            if (!h.published(CellStats.TOTAL_KEY) || h.withheldClasses().isEmpty()) continue;
            List<String> cls = h.withheldClasses();
            distinct.add(cls);
            String names = String.join(", ", cls.stream().map(c -> t.get("class_" + c)).toList());
            if (!groups.isEmpty() && groups.get(groups.size() - 1)[1].equals(names)) {
                groups.get(groups.size() - 1)[0] += ", " + yearLabel(h);
            } else {
                groups.add(new String[]{yearLabel(h), names});
            }
        }
        if (distinct.size() < 2) return "";
        return t.get("fig_shares_withheld_note", String.join("; ", groups.stream().map(g -> g[0] + ": " + g[1]).toList()));
    }

    // ---------------------------------------------------------------- projection

    private Charts.Figure projectionChart() {
        ReportData.Projection p = d.projection();
        Color[] colours = {new Color(0x76, 0x2a, 0x83), new Color(0xb2, 0x18, 0x2b), new Color(0x54, 0x30, 0x05)};
        List<Charts.TargetLine> lines = new ArrayList<>();
        for (int i = 0; i < p.targets().size(); i++) {
            ReportData.Target tg = p.targets().get(i);
            BigDecimal v = tg.targetIdr();
            if (v != null && !p.annual()) v = v.divide(BigDecimal.valueOf(12), 2, java.math.RoundingMode.HALF_UP);
            lines.add(new Charts.TargetLine(t.get("fig_target_label", targetName(tg), tg.year()), v, colours[i % colours.length]));
        }
        Map<String, String> series = Map.of("observed", t.get("series_observed"), "central", t.get("series_central"),
                "band80", t.get("series_band80"), "band95", t.get("series_band95"));
        // the chart ends two years after the last target year: the 2040 tail (kept for crossing years and in
        // the tables) would squash the part a reader needs. Dumps that reach past it (2031 on) end it two years after
        // their last observed year instead: cut at the target year, the chart lost its last observed year and every
        // projected point while its legend still named them
        int lastTargetYear = p.targets().stream().mapToInt(ReportData.Target::year).max().orElse(2030);
        int lastObservedYear = chartPoints(d).stream().filter(pt -> pt.kind().equals("OBSERVED"))
                .mapToInt(pt -> Integer.parseInt(pt.period().substring(0, 4))).max().orElse(0);
        int chartEnd = Math.max(Math.max(2030, lastTargetYear), lastObservedYear) + 2;
        List<ReportData.Point> shown = chartPoints(d).stream()
                .filter(pt -> Integer.parseInt(pt.period().substring(0, 4)) <= chartEnd).toList();
        return Charts.projection("projection_" + f.lang(),
                new Charts.Labels(yearly("fig_projection_title"), t.get("axis_year"),
                        t.get(p.annual() ? "axis_trillion_year" : "axis_trillion_month"), series),
                shown, lines, f, 760, 460);
    }

    /**
     * The projection's points the chart may draw. An observed point is the year's total times the coverage factor; with
     * the factor withheld (a year's total is withheld: {@link #sampleTotalsWithheld}) a published year still gives it
     * (its national point ÷ its published total), and the withheld year's point ÷ the factor is its total: a year one
     * firm dominates next to a published year drew the firm's sales to the pixel. So the observed points of a year whose
     * total the headline withholds are not drawn (the central line then starts from the last drawn observation).
     */
    static List<ReportData.Point> chartPoints(ReportData d) {
        return d.projection().points().stream()
                .filter(pt -> !pt.kind().equals("OBSERVED") || nationalShown(d, pt.period().substring(0, 4))).toList();
    }

    /** Whether a year's observed national value (its total × the coverage factor) may be shown: its total is published. */
    static boolean nationalShown(ReportData d, String year) {
        for (ReportData.Headline h : d.annual()) if (h.period().equals(year)) return h.published(CellStats.TOTAL_KEY);
        return true;
    }

    private Map<String, Object> projection() {
        ReportData.Projection p = d.projection();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series", p.series());
        m.put("model", p.model());
        m.put("frequency", t.get(p.annual() ? "frequency_annual" : "frequency_monthly"));
        m.put("projected", p.projected());
        List<Object> targets = new ArrayList<>();
        String scenario = scenarioOnly() ? "_scenario" : "";
        for (ReportData.Target tg : p.projected() ? p.targets() : List.<ReportData.Target>of()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("label", tg.label(f.lang()));
            r.put("name", targetName(tg));
            r.put("year", tg.year());
            r.put("target", f.money(tg.targetIdr()));
            r.put("projected", f.money(tg.projectedIdr()));
            r.put("range80", f.moneyRange(tg.lo80(), tg.hi80()));
            r.put("range95", f.moneyRange(tg.lo95(), tg.hi95()));
            r.put("gap", f.money(tg.gap()));
            String verdict = verdictCode(d, tg);
            boolean incomparable = verdict.equals("not_comparable");
            // a figure not comparable with the projection has no probability of being reached by it, nor a year
            r.put("probability", tg.probability() == null || incomparable ? "–" : f.pct(BigDecimal.valueOf(tg.probability() * 100)));
            r.put("crossing", incomparable ? "–" : crossing(tg));
            // the growth from the last full year's national value: with that year's total withheld it gives the value back
            // (value = target ÷ (1 + growth)^years, to 0.2% at one decimal over five years), and with it the total
            String[] base = lastObservedNationalUnchecked();
            boolean growthShown = tg.requiredCagrPct() != null && (base == null || nationalShown(d, base[0]));
            r.put("required_cagr", !growthShown ? "–" : tg.requiredCagrPct() < 0 ? t.get("required_exceeded")
                    : f.decimal(tg.requiredCagrPct(), 1) + "%");
            r.put("verdict", t.get("verdict_" + verdict + (verdict.endsWith("track") ? scenario : "")));
            r.put("on_track", verdict.equals("on_track"));
            // neither good nor bad news: the pill is neutral, not the red of "off track"
            r.put("neutral", incomparable || verdict.equals("not_reached_by_ecommerce") || verdict.equals("no_value"));
            r.put("card_note", cardNote(tg));
            targets.add(r);
        }
        m.put("targets", targets);
        m.put("has_targets", !targets.isEmpty());
        m.put("caveat", targets.isEmpty() ? "" : targetCaveat());
        m.put("intervals_caveat", intervalsCaveat());
        m.put("umkm_2030", umkm2030());
        return m;
    }

    /**
     * A target of a wider scope than e-commerce GMV (the article's "digital economy" potential) whose value lies below
     * the observed national e-commerce value of the last full year: a wider aggregate smaller than a narrower one cannot
     * be set against it (the figure may be misquoted, ../shared/DOMAIN.md). "On track, reached in 2023" read as good
     * news to a minister; the verdict says "not comparable" instead.
     */
    private boolean notComparable(ReportData.Target tg) {
        return notComparable(d, tg);
    }

    static boolean notComparable(ReportData d, ReportData.Target tg) {
        if (tg.scope() == null || tg.scope().equals("ecommerce_gmv") || tg.targetIdr() == null) return false;
        String[] observed = lastObservedNational(d);
        return observed != null && tg.targetIdr().compareTo(new BigDecimal(observed[1])) < 0;
    }

    /**
     * A target's verdict, as the report's table and summary.json give it: {@code no_value}; {@code not_comparable} (a
     * wider figure below the e-commerce value already observed); {@code on_track}; {@code not_reached_by_ecommerce}
     * (a wider figure, "digital economy", that the e-commerce projection alone does not reach: that says nothing of the
     * wider aggregate, so "off track" said more than the data); {@code off_track}.
     */
    static String verdictCode(ReportData d, ReportData.Target tg) {
        if (tg.projectedIdr() == null || tg.targetIdr() == null) return "no_value";
        if (notComparable(d, tg)) return "not_comparable";
        if (tg.projectedIdr().compareTo(tg.targetIdr()) >= 0) return "on_track";
        return tg.scope() != null && !tg.scope().equals("ecommerce_gmv") ? "not_reached_by_ecommerce" : "off_track";
    }

    /**
     * What the first screen says next to a target's verdict: its probability, and the caveat that changes how the
     * verdict reads (a wider-scope target missed by e-commerce GMV alone is not shown to be missed; a target already
     * below the observed national value was reached before the projection starts). Numbers from the data.
     */
    private String cardNote(ReportData.Target tg) {
        List<String> parts = new ArrayList<>();
        // a figure not comparable with the projection has no probability of being reached by it: the table shows "–",
        // and the card gave "probability 99.9%" beside "Not comparable" (the print audit of 2 Dec 2026)
        if (tg.probability() != null && !notComparable(tg)) {
            parts.add(t.get("q3_card_probability", f.pct(BigDecimal.valueOf(tg.probability() * 100))));
        }
        parts.addAll(cardCaveats(tg));
        return String.join("; ", parts);
    }

    /** The caveats of {@link #cardNote} without the probability, which the first answer's sentence carries itself. */
    private List<String> cardCaveats(ReportData.Target tg) {
        List<String> parts = new ArrayList<>();
        boolean reached = tg.projectedIdr() != null && tg.targetIdr() != null && tg.projectedIdr().compareTo(tg.targetIdr()) >= 0;
        if (!reached && tg.projectedIdr() != null && tg.scope() != null && !tg.scope().equals("ecommerce_gmv")
                && t.all().containsKey("q3_card_scope_" + tg.scope())) {
            parts.add(t.get("q3_card_scope_" + tg.scope()));
        }
        String[] observed = lastObservedNational();
        if (observed != null && tg.targetIdr() != null && tg.targetIdr().compareTo(new BigDecimal(observed[1])) < 0) {
            parts.add(t.get("q3_card_below_observed", observed[0], f.money(new BigDecimal(observed[1]))));
        }
        return parts;
    }

    /**
     * The claims of data/reference/claims.csv set against the headline year's observed GMV (docs/REPORT.md, "Claims
     * and the data"). Each claim's metric is measured as a range: from the share of the sales whose origin was
     * determined to that share plus every sale of undetermined origin (the bounds of the first answers), over all
     * marketplaces or in the claim's marketplace's row of the marketplace table; a withheld cell withholds the figure
     * it would give away, and the verdict says only what the published figures support. Left out of a report on
     * listing snapshots alone (their shares are of listed sold value, not of a year's sales).
     */
    Map<String, Object> claimsSection() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> rows = new ArrayList<>();
        ReportData.Headline h = d.annual().isEmpty() || d.listingBasis() ? null : d.headlineYear();
        if (h != null) {
            for (Claims.Claim c : claims) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("who", c.who(f.lang()) + (c.said() == null ? "" : " (" + (c.said().length() == 4 ? c.said() : f.month(c.said())) + ")"));
                r.put("claim", c.claim(f.lang()));
                r.put("scope", c.marketplace() == null ? t.get("claims_scope_all") : marketplaceName(c.marketplace()));
                r.put("metric", t.get("claims_metric_" + c.metric()));
                r.put("claimed", f.pct(c.claimedPct()));
                String[] measured = measure(c, h);
                r.put("measured", measured[0]);
                r.put("verdict", measured[1]);
                // claims.csv's source in the report's language; without a source_id the Indonesian report quotes the
                // English source, marked as such
                String source = c.sourceIn(f.lang());
                r.put("source", t.get("claims_source", r.get("who"), source != null ? source : englishNote(c.source()),
                        t.get("claims_confidence_" + c.confidence())));
                rows.add(r);
            }
        }
        m.put("rows", rows);
        m.put("has_claims", !rows.isEmpty());
        m.put("sources", rows.isEmpty() ? "" : t.get("claims_sources") + " " + String.join(" ",
                rows.stream().map(r -> (String) ((Map<?, ?>) r).get("source")).toList()));
        // a claim made in another year than the one it is set against: said, not hidden in the table
        List<String> earlier = h == null ? List.of() : claims.stream().filter(c -> c.said() != null && c.said().length() >= 4
                && !c.said().substring(0, 4).equals(h.period().substring(0, 4))).map(c -> c.who(f.lang())).distinct().toList();
        m.put("intro", rows.isEmpty() ? "" : t.get("claims_intro", yearLabel(h))
                + (h.published("UNKNOWN") ? "" : " " + t.get("claims_intro_withheld"))
                + (earlier.isEmpty() ? "" : " " + t.get("claims_intro_other_year", String.join(", ", earlier), yearLabel(h))));
        return m;
    }

    /** A claim's measured range as text, and the verdict against it, in the report's language. */
    private String[] measure(Claims.Claim c, ReportData.Headline h) {
        ClaimMeasure m = measureClaim(d, c, h);
        // the marketplace as the table beside it names it ("TikTok Shop"), not by its mapping's id ("tiktokshop")
        String verdict = t.get("claims_verdict_" + m.verdict(), c.marketplace() == null ? null : marketplaceName(c.marketplace()));
        if (m.verdict().equals(ClaimMeasure.WITHHELD) || m.verdict().equals("not_testable")) return new String[]{WITHHELD_MARK, verdict};
        if (m.lo() == null) return new String[]{"–", verdict};
        String text = m.hi() == null ? t.get("claims_measured_at_least", f.pct(m.lo()))
                : f.pct(m.lo()).equals(f.pct(m.hi())) ? f.pct(m.lo()) : f.decimal(m.lo(), 1) + " – " + f.pct(m.hi());
        return new String[]{text, verdict};
    }

    /**
     * A claim's measured range in percent of GMV (4 decimals; {@code hi} null when the unknown cell is withheld, both
     * null when not measured or withheld) and its verdict: {@code within}, {@code above}, {@code below}, {@code
     * not_below} (at or above the lower end, the upper withheld), {@code withheld}, {@code no_data} (the marketplace is
     * not in the dumps). The claimed share is compared with the ends as the report shows them, at one decimal.
     */
    public record ClaimMeasure(BigDecimal lo, BigDecimal hi, String verdict) {
        static final String WITHHELD = "withheld";
    }

    /** {@link ClaimMeasure} of a claim in the headline year {@code h} (also summary.json's {@code claims}). */
    static ClaimMeasure measureClaim(ReportData d, Claims.Claim c, ReportData.Headline h) {
        BigDecimal lo;
        BigDecimal hi;
        if (c.marketplace() == null) {
            BigDecimal[] b = h.shareBounds(c.metric().equals("cross_border_share") ? "CROSS_BORDER" : CellStats.FOREIGN_KEY);
            if (b == null) return new ClaimMeasure(null, null, ClaimMeasure.WITHHELD);
            lo = b[0];
            hi = b[1];
        } else {
            ReportData.Breakdown b = d.breakdowns().get("marketplace");
            int row = b == null ? -1 : b.rowKeys().indexOf(c.marketplace());
            if (row < 0) return new ClaimMeasure(null, null, "no_data");
            int nc = ReportData.CLASSES.size();
            List<Integer> parts = c.metric().equals("cross_border_share")
                    ? List.of(ReportData.CLASSES.indexOf("CROSS_BORDER"))
                    : List.of(ReportData.CLASSES.indexOf("IMPORTED"), ReportData.CLASSES.indexOf("CROSS_BORDER"));
            if (b.status()[row][nc].suppressed() || parts.stream().anyMatch(k -> b.status()[row][k].suppressed())) {
                return new ClaimMeasure(null, null, ClaimMeasure.WITHHELD);
            }
            BigDecimal total = gmvOf(b, row, nc);
            BigDecimal part = BigDecimal.ZERO;
            for (int k : parts) part = part.add(gmvOf(b, row, k));
            lo = ReportData.pct(part, total);
            if (lo == null) return new ClaimMeasure(null, null, "no_data");
            int unknown = ReportData.CLASSES.indexOf("UNKNOWN");
            hi = b.status()[row][unknown].suppressed() ? null : ReportData.pct(part.add(gmvOf(b, row, unknown)), total);
        }
        // compared as shown (one decimal), so the verdict never contradicts the figures beside it
        BigDecimal loShown = lo.setScale(1, java.math.RoundingMode.HALF_UP);
        BigDecimal hiShown = hi == null ? null : hi.setScale(1, java.math.RoundingMode.HALF_UP);
        // a lower end of 0.0 with the upper end withheld tests nothing: "at least 0.0%, not contradicted" said nothing
        String verdict = c.claimedPct().compareTo(loShown) < 0 ? "below"
                : hiShown == null && loShown.signum() == 0 ? "not_testable"
                : hiShown == null ? "not_below"
                : c.claimedPct().compareTo(hiShown) > 0 ? "above" : "within";
        return new ClaimMeasure(lo, hi, verdict);
    }

    private static BigDecimal gmvOf(ReportData.Breakdown b, int row, int col) {
        Disclosure.Cell cell = b.grid()[row][col];
        return cell == null ? BigDecimal.ZERO : cell.gmv();
    }

    private static final String WITHHELD_MARK = "[c]";

    /**
     * The Permendag 31/2023 test the classification ran (the manifest's {@code stages.ClassifySales.permendag31}, from
     * the rules file): the minimum price, from when, and the exempt categories by their names in the report's language.
     * Without that section (a manifest of an older run) the regulation is named, no figure.
     */
    String permendagRule() {
        JsonNode p = d.manifest().path("stages").path("ClassifySales").path("permendag31");
        if (!p.path("min_unit_price").isNumber()) return t.get("assume_permendag_value_unrecorded");
        String currency = p.path("currency").asText();
        String amount = f.decimal(p.path("min_unit_price").decimalValue(), p.path("min_unit_price").decimalValue().stripTrailingZeros().scale() > 0 ? 2 : 0);
        String price = currency.equals("USD") ? "US$" + amount : amount + " " + currency;
        List<String> exempt = new ArrayList<>();
        for (JsonNode c : p.path("exempt_categories")) {
            ReportData.CategoryLabel label = d.categoryLabels().get(c.asText());
            // a code outside the taxonomy (a dump's own category code) quoted as the code it is
            String name = label == null ? "'" + c.asText() + "'" : label.label(f.lang());
            if (!exempt.contains(name)) exempt.add(name);
        }
        String date = p.path("effective_date").asText();
        // labels hold commas ("Books, films and music"): a semicolon between them
        return t.get("assume_permendag_value", price, f.date(date), exempt.isEmpty() ? "–" : String.join("; ", exempt));
    }

    /**
     * The size classes the classification used, from the manifest's {@code stages.ClassifySales.umkm_tiers} (the
     * ceilings of the rules file it ran with): PP 7/2021's, and the earlier law's (UU 20/2008) when it is configured and
     * the observed months reach back to it. Without that section (a manifest of an older run) the law is named, no figure.
     */
    String umkmCeilings() {
        JsonNode u = d.manifest().path("stages").path("ClassifySales").path("umkm_tiers");
        if (!u.path("micro_max_idr").isNumber()) return t.get("assume_umkm_value_unrecorded");
        String s = t.get("assume_umkm_value", f.money(u.path("micro_max_idr").decimalValue()), f.money(u.path("small_max_idr").decimalValue()),
                f.money(u.path("medium_max_idr").decimalValue()));
        JsonNode e = u.path("earlier_law");
        String first = d.monthly().isEmpty() ? null : d.monthly().get(0).period();
        if (e.path("until_month").isTextual() && first != null && first.compareTo(e.path("until_month").asText()) <= 0) {
            s += " " + t.get("assume_umkm_earlier", f.month(e.path("until_month").asText()), e.path("name").asText(),
                    f.money(e.path("micro_max_idr").decimalValue()), f.money(e.path("small_max_idr").decimalValue()),
                    f.money(e.path("medium_max_idr").decimalValue()));
        }
        return s;
    }

    /**
     * What a seller's size rests on: its sales in these dumps only (a lower bound of its business, so an observed tier
     * can only understate size and leans towards UMKM), and the share of sales whose tier the seller declared in the
     * dump (manifest {@code umkm_tier_source}). Null without those counts.
     */
    String sizeBasis() {
        JsonNode src = d.manifest().path("stages").path("ClassifySales").path("umkm_tier_source");
        if (!src.path("DECLARED").isNumber()) return null;
        long declared = src.path("DECLARED").asLong();
        long all = declared + src.path("OBSERVED").asLong() + src.path("NONE").asLong();
        return t.get("assume_size_basis_value", f.count(declared), all == 0 ? "–" : f.pct(BigDecimal.valueOf(100.0 * declared / all)));
    }

    /** What a brand's origin means in the classification: its owner's country, unless listed as made in Indonesia. */
    String brandOrigin() {
        JsonNode dn = d.manifest().path("stages").path("ClassifySales").path("decision");
        return t.get("assume_brand_origin_value", dn.path("made_in_indonesia_brands").isNumber()
                ? f.count(dn.path("made_in_indonesia_brands").asLong()) : "–");
    }

    /** The confidence below which a sale stays UNKNOWN (manifest {@code decision.min_confidence}); null when not recorded. */
    String decisionThreshold() {
        JsonNode dn = d.manifest().path("stages").path("ClassifySales").path("decision");
        if (!dn.path("min_confidence").isNumber()) return null;
        return t.get("assume_decision_value", f.decimal(dn.path("min_confidence").asDouble(), 2));
    }

    /**
     * How often intervals like the published ones held the outcome: summary.json's {@code interval_calibration}, the
     * measurements of data/reference/interval_calibration.csv for the run's ensemble (project.IntervalCalibration). The
     * range over the simulated processes for the annual value five years ahead, each process whose interval held more
     * than {@link #UNDER_COVERAGE_POINTS} points fewer outcomes than its nominal share named, and a note when the
     * measurements are of histories of another length. Every number comes from the data; without measurements the
     * sentence says they are missing. A projection on growth scenarios alone says its interval is the scenario band,
     * which no simulation measured: the file's figures are the fitted ensemble's.
     */
    String intervalsCaveat() {
        // a growth scenario's interval is the configured low-high band, not the fitted ensemble's the file measured
        if (scenarioOnly()) return t.get("intervals_scenarios");
        JsonNode c = d.projection().summary().map(s -> s.path("interval_calibration"))
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        List<JsonNode> y5 = new ArrayList<>();
        for (JsonNode r : c.path("measured")) if (r.path("horizon").asText().equals("year_5")) y5.add(r);
        BigDecimal[] r80 = coveredRange(y5, 80);
        BigDecimal[] r95 = coveredRange(y5, 95);
        if (r80 == null || r95 == null) return t.get("intervals_unmeasured");
        JsonNode first = y5.get(0);
        String source = t.get("intervals_source", java.nio.file.Path.of(c.path("file").asText(id.neraca.project.IntervalCalibration.FILE)).getFileName(),
                f.date(first.path("measured_on").asText()));
        List<String> parts = new ArrayList<>();
        parts.add(t.get("intervals_calibration", first.path("history_months").asText(), f.count(first.path("series").asLong()), source,
                pctRange(r80), pctRange(r95)));
        for (JsonNode r : y5) {
            BigDecimal covered = r.path("covered_pct").decimalValue();
            int nominal = r.path("nominal_pct").asInt();
            if (covered.compareTo(BigDecimal.valueOf(nominal - UNDER_COVERAGE_POINTS)) < 0) {
                parts.add(t.get("intervals_under", r.path("description_" + f.lang()).asText(r.path("description_en").asText()),
                        nominal + "%", f.pct(covered)));
            }
        }
        int observed = c.path("months_observed").asInt(0);
        if (observed > 0 && observed != first.path("history_months").asInt()) {
            parts.add(t.get("intervals_other_length", f.count(observed)));
        }
        return String.join(" ", parts);
    }

    /** Points below its nominal share at which a process's measured coverage is named as under-coverage. */
    static final int UNDER_COVERAGE_POINTS = 5;

    /** The lowest and highest covered share of the rows of one nominal level, or null when there is none. */
    private static BigDecimal[] coveredRange(List<JsonNode> rows, int nominal) {
        BigDecimal lo = null;
        BigDecimal hi = null;
        for (JsonNode r : rows) {
            if (r.path("nominal_pct").asInt() != nominal || !r.path("covered_pct").isNumber()) continue;
            BigDecimal v = r.path("covered_pct").decimalValue();
            if (lo == null || v.compareTo(lo) < 0) lo = v;
            if (hi == null || v.compareTo(hi) > 0) hi = v;
        }
        return lo == null ? null : new BigDecimal[]{lo, hi};
    }

    private String pctRange(BigDecimal[] r) {
        return r[0].compareTo(r[1]) == 0 ? f.pct(r[0]) : f.decimal(r[0], 1) + " – " + f.pct(r[1]);
    }

    /**
     * What the comparison with the targets is worth: the projection is e-commerce GMV, a target of a wider scope
     * (summary.json's {@code scope}: the ministries' "digital economy" figure) is not like for like, and a target
     * already below the observed national value says little. Every number comes from the data.
     */
    /**
     * A target as a reader names it: its value in the report's style, then its configured label, which names the source
     * ("IDR 4,531.0 trillion (Kemendag/KemenKopUKM path, 2021)"; "Rp4.531,0 triliun (jalur Kemendag/KemenKopUKM, 2021)").
     */
    private String targetName(ReportData.Target tg) {
        return tg.targetIdr() == null ? tg.label(f.lang()) : t.get("target_name", f.money(tg.targetIdr()), tg.label(f.lang()));
    }

    private String targetCaveat() {
        ReportData.Projection p = d.projection();
        List<String> parts = new ArrayList<>();
        parts.add(t.get("target_caveat"));
        for (ReportData.Target tg : p.targets()) {
            if (tg.scope() != null && !tg.scope().equals("ecommerce_gmv") && t.all().containsKey("target_scope_" + tg.scope())) {
                parts.add(t.get("target_scope_" + tg.scope(), f.money(tg.targetIdr()), tg.label(f.lang())));
            }
        }
        String trend = coverageTrend();
        if (trend != null) parts.add(trend);
        String[] observed = lastObservedNational();
        if (observed != null) {
            BigDecimal value = new BigDecimal(observed[1]);
            for (ReportData.Target tg : p.targets()) {
                if (tg.targetIdr() != null && tg.targetIdr().compareTo(value) < 0) {
                    parts.add(t.get("target_below_observed", f.money(tg.targetIdr()), tg.label(f.lang()), observed[0], f.money(value)));
                }
            }
        }
        return String.join(" ", parts);
    }

    /**
     * The first screen's short form of {@link #coverageTrend}: the projection carries the sample's growth, which differs
     * from the benchmark's, so the verdicts lean one way. Null when the trend is not flagged (or withheld, as there).
     */
    String growthCaveat() {
        if (coverageTrend() == null) return null;
        JsonNode tr = d.projection().summary().get().path("coverage").path("trend");
        double sample = tr.path("sample_growth_pct_per_year").asDouble();
        double bench = tr.path("benchmark_growth_pct_per_year").asDouble();
        String caveat = t.get(sample > bench ? "q3_growth_caveat_faster" : "q3_growth_caveat_slower", f.decimal(sample, 1) + "%",
                f.decimal(bench, 1) + "%");
        // how far: the first target's year at the factor's own pace (summary.json coverage.trend.if_continued)
        ReportData.Target first = firstWithValue();
        JsonNode alt = first == null ? null : trendScenarioOf(first);
        if (alt != null && alt.path("projected_idr").isNumber()) {
            caveat += " " + t.get("q3_growth_if_continued", first.year(), f.money(alt.path("projected_idr").decimalValue()));
        }
        return caveat;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The target's entry in summary.json {@code coverage.trend.if_continued.targets}, or null. */
    private JsonNode trendScenarioOf(ReportData.Target tg) {
        JsonNode list = d.projection().summary().map(s -> s.path("coverage").path("trend").path("if_continued").path("targets"))
                .orElse(null);
        if (list == null) return null;
        for (JsonNode n : list) if (tg.name().equals(n.path("name").asText())) return n;
        return null;
    }

    /**
     * What the target table's values would be if the coverage factor kept moving at its calibration years' rate: the
     * first target year's value and interval, and each target's probability against the published one. Null without
     * the projection's {@code if_continued} block.
     */
    private String trendScenarioSentence(double factorPct) {
        ReportData.Target first = firstWithValue();
        JsonNode alt = first == null ? null : trendScenarioOf(first);
        if (alt == null || !alt.path("projected_idr").isNumber()) return null;
        List<String> probs = new ArrayList<>();
        for (ReportData.Target tg : d.projection().targets()) {
            JsonNode a = trendScenarioOf(tg);
            if (a == null || !a.path("probability").isNumber() || tg.probability() == null || notComparable(tg)) continue;
            probs.add(t.get("coverage_trend_target_probability", targetName(tg),
                    f.pct(a.path("probability").decimalValue().multiply(BigDecimal.valueOf(100))),
                    f.pct(BigDecimal.valueOf(tg.probability() * 100))));
        }
        return t.get(factorPct < 0 ? "coverage_trend_if_continued_falling" : "coverage_trend_if_continued_rising", first.year(),
                f.money(alt.path("projected_idr").decimalValue()),
                f.moneyRange(alt.path("lo95_idr").decimalValue(), alt.path("hi95_idr").decimalValue()), f.money(first.projectedIdr()),
                probs.isEmpty() ? "" : " " + capitalise(String.join("; ", probs)) + ".",
                d.projection().summary().map(x -> x.path("coverage").path("benchmark_points").asInt()).orElse(0));
    }

    /**
     * When the coverage factor moved by at least {@code Coverage.TREND_WARN_PCT} a year over its calibration years
     * (summary.json {@code coverage.trend.flagged}): how much, the sample's and the benchmark's growth, and what holding the
     * factor constant does to the projection. Null otherwise, and when the headline withholds a year's total (the
     * sample's growth with a published year would give it back).
     */
    String coverageTrend() {
        JsonNode tr = d.projection().summary().map(s -> s.path("coverage").path("trend")).orElse(null);
        if (tr == null || !tr.path("flagged").asBoolean(false) || sampleTotalsWithheld(d)) return null;
        double factor = tr.path("factor_pct_per_year").asDouble();
        double sample = tr.path("sample_growth_pct_per_year").asDouble();
        double bench = tr.path("benchmark_growth_pct_per_year").asDouble();
        String said = t.get(factor < 0 ? "coverage_trend_falling" : "coverage_trend_rising", f.decimal(Math.abs(factor), 1) + "%",
                tr.path("from_year").asText(), tr.path("to_year").asText(), f.decimal(sample, 1) + "%", f.decimal(bench, 1) + "%",
                f.decimal(Math.abs(sample - bench), 0));
        String scenario = trendScenarioSentence(factor);
        return scenario == null ? said : said + " " + scenario;
    }

    /**
     * The last full observed year and its national value: summary.json's, else the chart's last annual observed point;
     * null when the headline withholds that year's total (its national value ÷ the factor is the total, and the factor
     * is derivable from any published year's point).
     */
    private String[] lastObservedNational() {
        return lastObservedNational(d);
    }

    static String[] lastObservedNational(ReportData d) {
        String[] last = lastObservedNationalUnchecked(d);
        return last == null || !nationalShown(d, last[0]) ? null : last;
    }

    private String[] lastObservedNationalUnchecked() {
        return lastObservedNationalUnchecked(d);
    }

    /** {@link #lastObservedNational()} before disclosure control. */
    static String[] lastObservedNationalUnchecked(ReportData d) {
        JsonNode s = d.projection().summary().orElse(null);
        if (s != null && s.path("last_observed_year").isNumber() && s.path("last_observed_year_value_idr").isNumber()) {
            return new String[]{s.path("last_observed_year").asText(), s.path("last_observed_year_value_idr").decimalValue().toPlainString()};
        }
        if (!d.projection().annual()) return null;
        ReportData.Point last = null;
        for (ReportData.Point pt : d.projection().points()) if (pt.kind().equals("OBSERVED") && pt.value() != null) last = pt;
        return last == null ? null : new String[]{last.period(), last.value().toPlainString()};
    }

    // ---------------------------------------------------------------- breakdowns with disclosure control

    private String rowLabel(ReportData.Breakdown b, String key) {
        if (key.equals(CellStats.UNKNOWN_KEY)) return t.get(b.name().equals("province") ? "row_unknown_province" : "row_unknown");
        if (key.equals(CellStats.OTHER_KEY)) return t.get("row_other");
        if (b.name().equals("province")) {
            String name = d.provinceNames().get(key);
            return name == null ? key : name + " (" + key + ")";
        }
        if (b.name().equals("category")) {
            ReportData.CategoryLabel label = d.categoryLabels().get(key);
            return label == null ? key : label.label(f.lang());
        }
        if (b.name().equals("marketplace")) return marketplaceName(key);
        return key;
    }

    /**
     * A marketplace as readers know it: the mapping's {@code label} ({@code label_id} in Bahasa Indonesia), else the
     * report's own name ({@code marketplace_<id>} in the messages), else the mapping's id.
     */
    String marketplaceName(String id) {
        ReportData.CategoryLabel l = d.marketplaceLabels().get(id);
        if (l != null) return l.label(f.lang());
        return t.all().getOrDefault("marketplace_" + id, id);
    }

    /**
     * " N of the M sales lines …" when ingest met category labels the taxonomy does not know (manifest
     * {@code stages.IngestDumps.unknown_category_rows}): they are in the Other row, and the reader should know why
     * that row is as large as it is; "" otherwise or without an ingest section (a report on copied outputs).
     */
    private String unknownCategoriesNote() {
        JsonNode in = d.manifest().path("stages").path("IngestDumps");
        long unknown = in.path("unknown_category_rows").asLong(0);
        long accepted = in.path("accepted").asLong(0);
        if (unknown <= 0 || accepted <= 0) return "";
        return " " + t.get("table_category_unknown", f.count(unknown), f.count(accepted), f.count(in.path("unknown_category_labels").asLong(0)));
    }

    private Map<String, Object> breakdown(ReportData.Breakdown b) {
        int nr = b.rowKeys().size();
        int nc = ReportData.CLASSES.size();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", true);
        m.put("name", b.name());
        m.put("title", t.get("table_" + b.name() + "_title"));
        m.put("caption", t.get("table_caption", b.year(), d.config().minSellers(),
                dominance()) + pRule("p_rule_caption", " "));
        String source = t.get(b.exactSellerCounts() ? "table_source_exact" : "table_source_bounds");
        if (b.name().equals("category")) source += unknownCategoriesNote();
        int notCharted = 0;
        for (int r = 0; r < nr; r++) if (b.status()[r][nc].suppressed()) notCharted++;
        if (notCharted > 0) source += " " + t.get("chart_rows_withheld", notCharted);
        if (b.name().equals("province")) {
            // the province chart draws the local UMKM share: a row whose total is published but whose UMKM cell is not
            // (withheld, or no UMKM sales) is not drawn either, and the note counted only the first kind
            int umkm = ReportData.CLASSES.indexOf("LOCAL_UMKM");
            int noShare = 0;
            for (int r = 0; r < nr; r++) {
                if (b.status()[r][nc] == Disclosure.Status.PUBLISHED && b.status()[r][umkm] != Disclosure.Status.PUBLISHED) noShare++;
            }
            if (noShare > 0) source += " " + t.get("chart_rows_no_umkm_share", noShare);
        } else {
            // a row whose total is published but every class withheld has nothing to draw (the samples' Food and
            // beverage row was an empty bar beside its label: the audit of 2 Dec 2026)
            int allWithheld = 0;
            for (int r = 0; r < nr; r++) if (b.status()[r][nc] == Disclosure.Status.PUBLISHED && !anyClassPublished(b, r)) allWithheld++;
            if (allWithheld > 0) source += " " + t.get("chart_rows_all_classes_withheld", allWithheld);
        }
        m.put("source_note", source);
        m.put("header", ReportData.CLASSES.stream().map(cls -> t.get("class_" + cls)).toList());
        List<Object> rows = new ArrayList<>();
        List<Integer> order = new ArrayList<>(displayOrder(b));
        order.add(nr);
        for (int r : order) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", r == nr ? t.get("row_total") : rowLabel(b, b.rowKeys().get(r)));
            row.put("is_total", r == nr);
            List<Object> cells = new ArrayList<>();
            for (int c = 0; c <= nc; c++) cells.add(cell(b, r, c));
            row.put("cells", cells.subList(0, nc));
            row.put("total", cells.get(nc));
            rows.add(row);
        }
        m.put("rows", rows);
        m.put("suppressed_primary", b.suppressed(Disclosure.Status.PRIMARY));
        m.put("suppressed_secondary", b.suppressed(Disclosure.Status.SECONDARY));
        // the empty cells of a class the headline withholds read "[c]" too, and are in neither count: the samples'
        // province table showed 82 marks under a legend counting 60 + 4 (the print audit of 2 Dec 2026). The legend says
        // whose they are, without saying which (that is what their mark hides)
        int shown = 0;
        for (int r = 0; r <= nr; r++) for (int c = 0; c <= nc; c++) if (Boolean.TRUE.equals(cell(b, r, c).get("suppressed"))) shown++;
        boolean classCells = shown > b.suppressed(Disclosure.Status.PRIMARY) + b.suppressed(Disclosure.Status.SECONDARY);
        m.put("withheld_class_legend", classCells ? t.get("withheld_class_cells_legend", String.join(", ",
                ReportData.CLASSES.stream().filter(this::headlineWithholds).map(cls -> t.get("class_" + cls)).toList())) : "");
        Charts.Figure fig = breakdownChart(b);
        m.put("figure", fig == null ? null : figure(fig));
        return m;
    }

    /**
     * The order a table lists its rows in (indices into {@code b.rowKeys()}, totals row excluded). Marketplace and
     * category rows were listed by GMV, largest first, withheld row totals included: a withheld total then lay between its
     * published neighbours (a dominated category of Rp9,9 juta between Rp10,0 and Rp9,8 juta: ±1%, and its dominant
     * seller's sales with it), a bound the linear audit does not see. Rows whose total is published still come largest
     * first; rows whose total is withheld follow in the order of their keys, which says nothing about their size; the
     * unknown and pooled rows come last, also by key. Provinces keep their fixed order (the Kemendagri code).
     */
    static List<Integer> displayOrder(ReportData.Breakdown b) {
        int nr = b.rowKeys().size();
        int nc = ReportData.CLASSES.size();
        List<Integer> all = new ArrayList<>();
        for (int r = 0; r < nr; r++) all.add(r);
        if (b.name().equals("province")) return all;
        java.util.function.Predicate<Integer> special = r -> b.rowKeys().get(r).startsWith("__");
        java.util.Comparator<Integer> byKey = java.util.Comparator.comparing(r -> b.rowKeys().get(r));
        List<Integer> out = new ArrayList<>(all.stream().filter(r -> !special.test(r) && !b.status()[r][nc].suppressed()).toList());
        out.addAll(all.stream().filter(r -> !special.test(r) && b.status()[r][nc].suppressed()).sorted(byKey).toList());
        out.addAll(all.stream().filter(special).sorted(byKey).toList());
        return out;
    }

    private boolean headlineWithholds(String cls) {
        return !d.annual().isEmpty() && d.headlineYear().withheldClasses().contains(cls);
    }

    /**
     * Whether row {@code r}'s published cells add up to its published total, so that every withheld cell of the row is
     * known to be zero (GMV is never negative); or the row has no sales at all, which its "–" total already says.
     */
    static boolean withheldKnownZero(ReportData.Breakdown b, int r) {
        int nc = ReportData.CLASSES.size();
        if (b.status()[r][nc] == Disclosure.Status.EMPTY) return true;
        if (b.status()[r][nc] != Disclosure.Status.PUBLISHED) return false;
        BigDecimal withheld = BigDecimal.ZERO;
        for (int c = 0; c < nc; c++) if (b.status()[r][c].suppressed()) withheld = withheld.add(b.grid()[r][c].gmv());
        return withheld.signum() == 0;
    }

    private Map<String, Object> cell(ReportData.Breakdown b, int r, int c) {
        int nc = ReportData.CLASSES.size();
        Disclosure.Status s = b.status()[r][c];
        Disclosure.Cell cell = b.grid()[r][c];
        // an empty cell of a class the headline withholds is withheld too: the class's only non-empty cells, among "–",
        // told where it sells (the samples: the one large local firm in Jawa Timur, in Electronics)
        // unless the row's published cells already add up to its published total: its withheld cells are then known to be
        // zero, and a "[c]" would promise a secret the row gives away (the cross-border storefronts' row of the samples), or
        // the row sold nothing at all (its total "–": the samples' Aceh showed "[c]" for two classes beside a "–" total)
        if (s == Disclosure.Status.EMPTY && c < nc && headlineWithholds(ReportData.CLASSES.get(c)) && !withheldKnownZero(b, r)) {
            s = Disclosure.Status.SECONDARY;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("suppressed", s.suppressed());
        m.put("empty", s == Disclosure.Status.EMPTY);
        // one mark for every withheld cell: which of them failed the rules (primary) and which only hide them (secondary)
        // is not said per cell, as statistics offices do not: "primary" told the reader that this cell has fewer than
        // min_sellers sellers or one dominant seller, and pointed an attacker at the cells worth bounding
        m.put("status", s.suppressed() ? "withheld" : s.name().toLowerCase(Locale.ROOT));
        if (s.suppressed()) {
            m.put("text", SUPPRESSED_MARK);
            m.put("share", "");
            m.put("md", SUPPRESSED_MARK);
        } else if (s == Disclosure.Status.EMPTY) {
            m.put("text", "–");
            m.put("share", "");
            m.put("md", "–");
        } else {
            // share of the row total; the total row shows shares of the grand total; the total column GMV only
            Disclosure.Cell base = c == nc ? b.grid()[b.rowKeys().size()][nc] : b.grid()[r][nc];
            Disclosure.Status baseStatus = c == nc ? b.status()[b.rowKeys().size()][nc] : b.status()[r][nc];
            String share = baseStatus == Disclosure.Status.PUBLISHED ? f.pct(ReportData.pct(cell.gmv(), base.gmv())) : "";
            m.put("text", f.money(cell.gmv()));
            m.put("share", share);
            m.put("md", share.isEmpty() ? f.money(cell.gmv()) : "**" + share + "** (" + f.money(cell.gmv()) + ")");
        }
        return m;
    }

    private static boolean anyClassPublished(ReportData.Breakdown b, int r) {
        for (int c = 0; c < ReportData.CLASSES.size(); c++) if (b.status()[r][c] == Disclosure.Status.PUBLISHED) return true;
        return false;
    }

    private Charts.Figure breakdownChart(ReportData.Breakdown b) {
        int nr = b.rowKeys().size();
        int nc = ReportData.CLASSES.size();
        List<String> labels = new ArrayList<>();
        List<Map<String, BigDecimal>> shares = new ArrayList<>();
        for (int r = 0; r < nr; r++) {
            if (b.status()[r][nc] != Disclosure.Status.PUBLISHED) continue;
            Map<String, BigDecimal> s = new LinkedHashMap<>();
            for (int c = 0; c < nc; c++) {
                if (b.status()[r][c] == Disclosure.Status.PUBLISHED) {
                    s.put(ReportData.CLASSES.get(c), ReportData.pct(b.grid()[r][c].gmv(), b.grid()[r][nc].gmv()));
                }
            }
            // the row's base beside its name: a share of Rp8,8 juta is not a peer of a share of Rp40,5 miliar
            labels.add(rowLabel(b, b.rowKeys().get(r)) + " · " + f.money(b.grid()[r][nc].gmv()));
            shares.add(s);
        }
        if (labels.isEmpty()) return null;
        if (b.name().equals("province")) {
            // one bar per province: the local UMKM share, largest first
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) if (shares.get(i).get("LOCAL_UMKM") != null) idx.add(i);
            idx.sort((x, y) -> shares.get(y).get("LOCAL_UMKM").compareTo(shares.get(x).get("LOCAL_UMKM")));
            if (idx.isEmpty()) return null;
            return Charts.bars("by_province_" + f.lang(),
                    new Charts.Labels(t.get("fig_province_title", b.year()), "", t.get("axis_share"), Map.of("value", t.get("class_LOCAL_UMKM"))),
                    idx.stream().map(labels::get).toList(), idx.stream().map(i -> shares.get(i).get("LOCAL_UMKM")).toList(),
                    Charts.CLASS_COLOURS.get("LOCAL_UMKM"), f, 760, 120 + 19 * idx.size());
        }
        // rows with no published class are not drawn (the note counts them), nor are classes no drawn row shows in the legend
        List<String> drawnLabels = new ArrayList<>();
        List<Map<String, BigDecimal>> drawn = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (shares.get(i).isEmpty()) continue;
            drawnLabels.add(labels.get(i));
            drawn.add(shares.get(i));
        }
        if (drawn.isEmpty()) return null;
        List<String> keys = ReportData.CLASSES.stream().filter(cls -> drawn.stream().anyMatch(m -> m.containsKey(cls))).toList();
        return Charts.stackedShares("by_" + b.name() + "_" + f.lang(),
                new Charts.Labels(t.get("fig_" + b.name() + "_title", b.year()), "", t.get("axis_share"), classLabels()),
                drawnLabels, drawn, keys, true, f, 760, 150 + 26 * drawnLabels.size());
    }

    private Map<String, Object> figure(Charts.Figure fig) {
        figures.add(fig);
        return Map.of("svg", fig.svgInline(), "file", "figures/" + fig.name() + ".svg", "png", "figures/" + fig.name() + ".png");
    }

    private Map<String, Object> disclosure() {
        int primary = 0;
        int secondary = 0;
        for (ReportData.Breakdown b : d.breakdowns().values()) {
            primary += b.suppressed(Disclosure.Status.PRIMARY);
            secondary += b.suppressed(Disclosure.Status.SECONDARY);
        }
        String text = t.get("disclosure_text", d.config().minSellers(), dominance(), primary, secondary, pRule("p_rule_text", " "));
        if (d.config().protectionShare() > 0) text += " " + t.get("disclosure_interval", protectionShare());
        return Map.of("text", text, "mark", SUPPRESSED_MARK);
    }

    // ---------------------------------------------------------------- Permendag, evidence

    private Map<String, Object> permendag() {
        if (d.permendag().isEmpty()) return Map.of("available", false);
        ReportData.Permendag p = d.permendag().get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", true);
        // the flagged share of all GMV is a share of the headline's total: withheld with it (flagged GMV ÷ share = total)
        boolean totalWithheld = !d.headlineYear().published(CellStats.TOTAL_KEY);
        String key = totalWithheld ? (p.crossBorderWithheld() ? "permendag_text_both_withheld" : "permendag_text_total_withheld")
                : p.crossBorderWithheld() ? "permendag_text_xb_withheld" : "permendag_text";
        m.put("text", t.get(key, p.year(),
                f.count(p.flaggedLines()), f.money(or0(p.flaggedGmv())),
                totalWithheld ? SUPPRESSED_MARK : f.pct(ReportData.pct(or0(p.flaggedGmv()), p.gmv())),
                p.crossBorderWithheld() ? SUPPRESSED_MARK : f.pct(ReportData.pct(or0(p.flaggedGmv()), p.crossBorderGmv())),
                f.count(p.flaggedSellers())));
        m.put("suppressed", p.suppressed());
        m.put("suppressed_text", t.get("permendag_suppressed", p.year(), d.config().minSellers()));
        return m;
    }

    private static BigDecimal or0(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }

    private Map<String, Object> evidence() {
        if (d.evidence().isEmpty()) return Map.of("available", false);
        List<ReportData.Evidence> ev = d.evidence().get();
        ReportData.Headline h = d.headlineYear();
        BigDecimal total = ev.stream().map(e -> or0(e.gmv())).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean totalShown = h.published(CellStats.TOTAL_KEY);
        List<Object> rows = new ArrayList<>();
        BigDecimal unknown = BigDecimal.ZERO;
        for (ReportData.Evidence e : ev) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("cls", t.get("class_" + e.originClass()));
            r.put("evidence", e.evidence());
            // codes with a country suffix (BRAND_FOREIGN:KR) share one text
            String key = "reason_" + e.evidence().replaceFirst(":.*$", "");
            r.put("evidence_text", t.all().getOrDefault(key, ""));
            boolean shown = e.published();
            r.put("lines", shown ? f.count(e.lines()) : SUPPRESSED_MARK);
            r.put("gmv", shown ? f.money(or0(e.gmv())) : SUPPRESSED_MARK);
            // the evidence rows add up to the headline's total: their shares of it are withheld with it
            r.put("share", shown && totalShown ? f.pct(ReportData.pct(or0(e.gmv()), total)) : SUPPRESSED_MARK);
            rows.add(r);
            if (e.originClass().equals("UNKNOWN")) unknown = unknown.add(or0(e.gmv()));
        }
        boolean unknownShown = shareShown(h, "UNKNOWN");
        long primary = ev.stream().filter(e -> e.status() == Disclosure.Status.PRIMARY).count();
        long secondary = ev.stream().filter(e -> e.status() == Disclosure.Status.SECONDARY).count();
        return Map.of("available", true, "rows", rows, "suppressed_primary", primary, "suppressed_secondary", secondary,
                "has_suppressed", primary + secondary > 0,
                "text", unknownShown ? t.get("evidence_text", f.pct(ReportData.pct(unknown, total)), f.money(unknown))
                        : t.get("evidence_text_withheld"));
    }

    // ---------------------------------------------------------------- methodology and assumptions

    private Map<String, Object> methodology() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> items = new ArrayList<>();
        JsonNode s = d.projection().summary().orElse(null);
        if (s != null && s.has("coverage")) {
            JsonNode cov = s.get("coverage");
            String method = cov.path("method").asText("–");
            String methodLabel = t.all().getOrDefault("coverage_method_" + method, method);
            items.add(item(t.get("assume_coverage"), sampleTotalsWithheld(d)
                    ? t.get("assume_coverage_withheld", methodLabel, cov.path("benchmark_points").asText("–"))
                    : t.get("assume_coverage_value", methodLabel,
                    num(cov.path("factor")), num(cov.path("factor_lo95")), num(cov.path("factor_hi95")),
                    cov.path("benchmark_points").asText("–"), coverageNote(cov)
                            + (coverageTrend() == null ? "" : " " + coverageTrend()))));
        } else {
            items.add(item(t.get("assume_coverage"), t.get("not_available")));
        }
        if (d.fx().isPresent()) {
            for (ReportData.FxRange fx : d.fx().get()) {
                String source = fx.source() == null ? "–" : fx.source().strip();
                // the source is free text from the FX table: end it as a sentence before the next one
                if (!source.endsWith(".")) source += ".";
                String value = t.get("assume_fx_value", f.month(fx.fromMonth()), f.month(fx.toMonth()),
                        f.decimal(fx.min(), 2), f.decimal(fx.max(), 2), source);
                if (fx.assumedFrom() != null) value += " " + t.get("assume_fx_assumed", f.month(fx.assumedFrom()));
                items.add(item(t.get("assume_fx", fx.currency()), value));
            }
        } else {
            items.add(item(t.get("assume_fx", "USD/CNY"), t.get("not_available")));
        }
        items.add(item(t.get("assume_umkm"), umkmCeilings()));
        String sizeBasis = sizeBasis();
        if (sizeBasis != null) items.add(item(t.get("assume_size_basis"), sizeBasis));
        items.add(item(t.get("assume_brand_origin"), brandOrigin()));
        String decision = decisionThreshold();
        if (decision != null) items.add(item(t.get("assume_decision"), decision));
        items.add(item(t.get("assume_permendag"), permendagRule()));
        items.add(item(t.get("assume_disclosure"), t.get("assume_disclosure_value", d.config().minSellers(), dominance())
                + pRule("p_rule_assume", " ") + (d.config().protectionShare() > 0 ? " " + t.get("assume_disclosure_interval", protectionShare()) : "")));
        // the scale note without its pointer to this section ("see Methodology" inside the methodology)
        items.add(item(t.get("assume_scale"), scaleNote().replace(" " + t.get("see_methodology"), "")));
        ReportData.Projection p = d.projection();
        items.add(item(t.get("assume_model"), !p.projected() ? t.get(noOrderLines() ? "assume_model_no_order_lines" : notCalibrated() ? "assume_model_not_calibrated" : "assume_model_not_projected") : scenarioOnly()
                ? t.get("assume_model_value_scenarios", rate(s.path("scenarios").path("cagr_base_pct")),
                        s.path("months_observed").isNumber() ? f.count(s.path("months_observed").asLong()) : "–")
                : fewBacktestOrigins(s)
                ? t.get("assume_model_value_equal", s.path("selected").asText(p.model()), p.series(),
                        t.get(p.annual() ? "frequency_annual" : "frequency_monthly"),
                        s.path("months_observed").isNumber() ? f.count(s.path("months_observed").asLong()) : "–",
                        f.count(s.path("backtest").path("origins").asLong()), f.count(MIN_WEIGHING_ORIGINS))
                : t.get("assume_model_value", s == null ? p.model() : s.path("selected").asText(p.model()),
                        p.series(), t.get(p.annual() ? "frequency_annual" : "frequency_monthly"))));
        String holiday = holidayAssumption(s, t);
        if (holiday != null) items.add(item(t.get("assume_holiday"), holiday));
        m.put("items", items);
        List<Object> models = new ArrayList<>();
        if (s != null) {
            for (JsonNode mo : s.path("models")) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", mo.path("name").asText());
                r.put("desc", mo.path("name").asText().equals("cagr_base") && noScenarioBacktest(s)
                        ? t.get("model_desc_cagr_base_band") : modelDescription(t, mo.path("name").asText())
                        + lebaranSuffix(mo, s, t, f));
                r.put("supported", t.get(mo.path("supported").asBoolean(false) ? "yes" : "no"));
                r.put("weight", num(mo.path("weight")));
                r.put("mape", mo.path("mape").isNumber() ? f.pct(BigDecimal.valueOf(mo.path("mape").asDouble() * 100)) : "–");
                r.put("mase", num(mo.path("mase")));
                StageNotes.Note note = StageNotes.localise(mo.path("warning").isTextual() ? mo.path("warning").asText() : "", t, f);
                r.put("warning", note.text());
                r.put("warning_en", note.english());
                models.add(r);
            }
        }
        m.put("models", models);
        m.put("has_models", !models.isEmpty());
        List<Object> bt = new ArrayList<>();
        boolean monthlyBeyondYear = false;
        for (ReportData.Backtest b : p.backtest()) {
            // a long history scores up to 36 months ahead (docs/PROJECTION.md §4): the table shows each month of the
            // first year and then whole years; backtest.csv has every horizon
            if ("monthly".equals(b.frequency()) && b.horizon() > 12) {
                monthlyBeyondYear = true;
                if (b.horizon() % 12 != 0) continue;
            }
            bt.add(Map.of("model", b.model(), "horizon", b.horizon() == 0 ? t.get("horizon_all") : String.valueOf(b.horizon()),
                    "frequency", b.frequency() == null ? "–" : t.all().getOrDefault("backtest_frequency_" + b.frequency(), b.frequency()),
                    "mape", Double.isNaN(b.mape()) ? "–" : f.pct(BigDecimal.valueOf(b.mape() * 100)),
                    "mase", f.decimal(b.mase(), 2), "forecasts", f.count(b.forecasts())));
        }
        m.put("backtest", bt);
        m.put("has_backtest", !bt.isEmpty());
        m.put("backtest_note", t.get("backtest_note", p.series())
                + (monthlyBeyondYear ? " " + t.get("backtest_note_long_horizons") : ""));
        // the projection's warnings in the report's language where StageNotes knows the sentence, else English, marked
        List<Object> warnings = new ArrayList<>();
        if (s != null) {
            s.path("warnings").forEach(w -> {
                StageNotes.Note note = StageNotes.localiseWarning(homeRelative(w.asText()), t, f);
                warnings.add(Map.of("text", note.text(), "en", note.english()));
            });
        }
        m.put("projection_warnings", warnings);
        m.put("has_projection_warnings", !warnings.isEmpty());
        return m;
    }

    /**
     * Disclosure: some year's observed total is withheld (one or two sellers, or one dominant). The projection's
     * national values are that total times the coverage factor (the chart's observed points, the required growth,
     * the caveat's observed national value), so a published factor, or a calibration point's observed value, would
     * give the withheld total back by one division (a one-seller dump: the seller's annual sales). The factor and
     * the sample side of the calibration are then withheld too; the national values alone do not give it back.
     */
    static boolean sampleTotalsWithheld(ReportData d) {
        return d.annual().stream().anyMatch(h -> !h.published(CellStats.TOTAL_KEY));
    }

    /**
     * The coverage calibration in the report's language, built from summary.json's points (the stage's note is an
     * English sentence), or a configured factor's uncertainty; the stage's note, marked as English in the Indonesian
     * report, when it is neither (a calibration on another metric than the e-commerce GMV this template describes).
     */
    private String coverageNote(JsonNode cov) {
        String note = cov.path("note").asText("");
        // a configured factor: the item already gives it and its range; the note adds where it is set and its log sd
        if (cov.path("method").asText("").equals("factor") && cov.path("log_sd").isNumber()) {
            return t.get("coverage_note_factor", num(cov.path("log_sd")));
        }
        JsonNode points = cov.path("points");
        if (cov.path("method").asText("").equals("benchmark_calibration") && note.contains("'ecommerce_gmv'")
                && points.isArray() && !points.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode p : points) {
                BigDecimal usdBn = p.path("benchmark_usd_bn").isNumber() ? p.path("benchmark_usd_bn").decimalValue().stripTrailingZeros() : null;
                parts.add(t.get("coverage_point", p.path("year").asText("–"), usdBn == null ? "–" : f.decimal(usdBn, Math.max(0, usdBn.scale())),
                        p.path("report_year").asText("–"),
                        (f.lang().equals("id") ? "Rp" : "IDR ") + f.decimal(p.path("usd_idr").decimalValue(), 2),
                        f.money(p.path("observed_idr").isNumber() ? p.path("observed_idr").decimalValue() : null),
                        f.decimal(p.path("factor").asDouble(Double.NaN), 1)));
            }
            return t.get("coverage_note", points.size(), String.join("; ", parts), num(cov.path("log_sd")));
        }
        return note.isEmpty() ? "" : englishNote(note);
    }

    /** Text that exists only in English (written by another stage or read from a file): marked so in the Indonesian report. */
    private String englishNote(String text) {
        String mark = t.get("technical_note_english");
        return mark.isEmpty() ? text : mark + " " + text;
    }

    private String num(JsonNode n) {
        if (n == null || !n.isNumber()) return "–";
        double v = n.asDouble();
        return f.decimal(v, Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 1 ? 2 : 3);
    }

    private static Map<String, Object> item(String label, String value) {
        return Map.of("label", label, "value", value);
    }

    // ---------------------------------------------------------------- changes since the previous report

    private Map<String, Object> revisionsSection() {
        if (revisions == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        if (!revisions.isObject()) {
            m.put("intro", t.get("rev_first"));
            m.put("has_rows", false);
            m.put("has_causes", false);
            return m;
        }
        JsonNode r = revisions;
        m.put("intro", t.get("rev_previous", r.path("previous_run_id").asText("–"), f.dateTime(r.path("previous_generated_at").asText(null))));
        List<String> causes = new ArrayList<>();
        if (!r.path("previous_lineage_recorded").asBoolean()) {
            causes.add(t.get("rev_lineage_unrecorded"));
        } else {
            JsonNode in = r.path("inputs");
            causes.add(t.get("rev_inputs", f.count(in.path("added_count").asLong()), f.count(in.path("changed_count").asLong()),
                    f.count(in.path("removed_count").asLong()), f.count(in.path("unchanged").asLong())));
            for (String kind : List.of("added", "changed", "removed", "left_dumps_kept")) {
                long n = in.path(kind + "_count").asLong();
                if (n == 0) continue;
                List<String> names = new ArrayList<>();
                in.path(kind).forEach(x -> names.add(x.asText()));
                String list = String.join(", ", names) + (n > names.size() ? " " + t.get("rev_more", f.count(n - names.size())) : "");
                causes.add(t.get("rev_inputs_" + kind, list));
            }
            List<String> cfg = new ArrayList<>();
            r.path("configuration_files_changed").forEach(x -> cfg.add(x.asText()));
            if (!cfg.isEmpty()) causes.add(t.get("rev_config_changed", String.join(", ", cfg)));
            else if (r.path("stage_configurations_changed").asBoolean()) causes.add(t.get("rev_config_stages"));
            else causes.add(t.get("rev_config_same"));
            JsonNode code = r.path("code");
            if (code.path("changed").asBoolean()) {
                causes.add(t.get("rev_code_changed", shortCommit(code.path("previous_commit").asText(null)), shortCommit(code.path("commit").asText(null))));
            } else {
                causes.add(t.get("rev_code_same", shortCommit(code.path("commit").asText(null))));
            }
            if (code.path("uncertain").asBoolean()) causes.add(t.get("rev_code_uncertain"));
            JsonNode ow = r.path("order_window");
            if (ow.path("changed").asBoolean()) {
                causes.add(t.get("rev_order_window_changed", ow.path("previous_max_order_date").asText("?"),
                        ow.path("max_order_date").asText("?"), f.count(ow.path("files_parsed").asLong())));
            }
            JsonNode rt = r.path("runtime");
            if (rt.path("changed").asBoolean()) {
                causes.add(t.get("rev_runtime_changed", rt.path("previous_java_version").asText("?"), rt.path("previous_spark_version").asText("?"),
                        rt.path("java_version").asText("?"), rt.path("spark_version").asText("?")));
            }
        }
        m.put("causes", causes);
        m.put("has_causes", !causes.isEmpty());
        int changed = r.path("figures_changed").asInt();
        String status = r.path("status").asText();
        m.put("unexplained", Revisions.UNEXPLAINED.equals(status));
        m.put("status", switch (status) {
            case Revisions.UNCHANGED -> t.get("rev_status_unchanged");
            case Revisions.UNEXPLAINED -> t.get("rev_status_unexplained", changed);
            default -> t.get(changed == 1 ? "rev_status_revised_one" : "rev_status_revised", changed);
        });
        List<String> notes = new ArrayList<>();
        if (r.path("headline_year_changed").asBoolean()) notes.add(t.get("rev_year_moved"));
        if (r.path("basis_changed").asBoolean()) notes.add(t.get("rev_basis_changed"));
        m.put("notes", notes);
        Map<String, String> targetLabels = new java.util.HashMap<>();
        d.projection().targets().forEach(tg -> targetLabels.put(tg.name(), tg.label(f.lang())));
        List<Object> rows = new ArrayList<>();
        // a target's probability, previous and current, as the figure before its crossing year gave it: a year that is
        // null where the probability is too was never projected (too little history, a scope not comparable), and
        // reads "–" as in the target table, not "not within the projection horizon"
        JsonNode[] probability = {null, null};
        for (JsonNode fig : r.path("figures")) {
            String key = fig.path("figure").asText();
            Revisions.Kind kind = Revisions.Kind.valueOf(fig.path("kind").asText().toUpperCase(Locale.ROOT));
            Map<String, Object> row = new LinkedHashMap<>();
            if (key.startsWith("target.")) {
                String name = key.substring("target.".length(), key.lastIndexOf('.'));
                row.put("label", t.get(key.endsWith(".probability") ? "rev_fig_target_probability" : "rev_fig_target_crossing",
                        targetLabels.getOrDefault(name, name)));
            } else if (REVISION_SHARE_LABELS.containsKey(key)) {
                row.put("label", t.get("rev_fig_share", t.get(REVISION_SHARE_LABELS.get(key))));
            } else {
                row.put("label", t.get("rev_fig_" + key));
            }
            boolean crossing = key.endsWith(".crossing_year");
            if (key.endsWith(".probability")) {
                probability[0] = fig.path("previous");
                probability[1] = fig.path("current");
            }
            row.put("previous", fig.path("previous_withheld").asBoolean() ? SUPPRESSED_MARK
                    : revisionValue(kind, fig.path("previous"), crossing && projected(probability[0])));
            row.put("current", fig.path("current_withheld").asBoolean() ? SUPPRESSED_MARK
                    : revisionValue(kind, fig.path("current"), crossing && projected(probability[1])));
            boolean moved = fig.path("changed").asBoolean();
            row.put("changed", moved);
            row.put("change", moved ? revisionChange(kind, fig.path("previous"), fig.path("change")) : t.get("rev_no_change"));
            rows.add(row);
        }
        m.put("rows", rows);
        m.put("has_rows", !rows.isEmpty());
        return m;
    }

    /** The headline shares of the revisions table, named as the headline table names their classes. */
    private static final Map<String, String> REVISION_SHARE_LABELS = Map.of(
            "local_umkm_share_pct", "class_LOCAL_UMKM", "imported_share_pct", "class_IMPORTED",
            "cross_border_share_pct", "class_CROSS_BORDER", "foreign_origin_share_pct", "col_foreign",
            "unknown_share_pct", "class_UNKNOWN");

    private static boolean projected(JsonNode probability) {
        return probability != null && probability.isNumber();
    }

    private String revisionValue(Revisions.Kind kind, JsonNode v, boolean crossing) {
        if (v == null || v.isNull() || v.isMissingNode()) return crossing ? t.get("crossing_none") : "–";
        return switch (kind) {
            case MONTH -> f.month(v.asText());
            case YEAR -> v.asText();
            case MONEY -> f.money(v.decimalValue());
            case PCT -> f.pct(v.decimalValue());
            case PROBABILITY -> f.pct(v.decimalValue().multiply(BigDecimal.valueOf(100)));
            case COUNT -> f.count(v.asLong());
        };
    }

    /** The change as the reader wants it: signed, in the figure's unit; money with its relative change too. */
    private String revisionChange(Revisions.Kind kind, JsonNode previous, JsonNode change) {
        if (change == null || !change.isNumber()) return "–";
        BigDecimal c = change.decimalValue();
        String sign = c.signum() > 0 ? "+" : "";
        return switch (kind) {
            case MONEY -> {
                String s = sign + f.money(c);
                if (previous.isNumber() && previous.decimalValue().signum() != 0) {
                    BigDecimal rel = c.multiply(BigDecimal.valueOf(100)).divide(previous.decimalValue().abs(), 4, java.math.RoundingMode.HALF_UP);
                    s += " (" + (rel.signum() > 0 ? "+" : "") + f.pct(rel) + ")";
                }
                yield s;
            }
            case PCT -> f.pp(c);
            case PROBABILITY -> f.pp(c.multiply(BigDecimal.valueOf(100)));
            case COUNT -> sign + f.count(c.longValue());
            default -> "–";
        };
    }

    private static String shortCommit(String commit) {
        return commit == null || commit.isBlank() ? "?" : commit.substring(0, Math.min(10, commit.length()));
    }

    // ---------------------------------------------------------------- data quality and lineage

    private Map<String, Object> quality() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recon_available", d.reconciliation().isPresent());
        if (d.reconciliation().isPresent()) {
            List<Object> rows = new ArrayList<>();
            long read = 0, acc = 0, q = 0, dup = 0, open = 0;
            for (ReportData.Reconciliation r : d.reconciliation().get()) {
                boolean balanced = r.rowsRead() == r.accepted() + r.quarantined() + r.duplicatesCollapsed();
                rows.add(Map.of("file", r.sourceFile(), "mapping", r.mapping() == null ? "–" : r.mapping(),
                        "read", f.count(r.rowsRead()), "accepted", f.count(r.accepted()),
                        "quarantined", f.count(r.quarantined()), "open", f.count(r.openOrders()),
                        "duplicates", f.count(r.duplicatesCollapsed()), "balanced", balanced));
                read += r.rowsRead();
                acc += r.accepted();
                q += r.quarantined();
                dup += r.duplicatesCollapsed();
                open += r.openOrders();
            }
            m.put("recon", rows);
            m.put("recon_total", Map.of("read", f.count(read), "accepted", f.count(acc), "quarantined", f.count(q),
                    "open", f.count(open), "duplicates", f.count(dup)));
            // the orders not final yet (and repeated headers) are quarantined but not rejected: counted as rejected, a
            // month's export with many orders still shipping read as 8.3% bad rows where the run said 4 rejected
            long rejected = q - open;
            String rejectedPct = read == 0 ? "–" : f.pct(ReportData.pct(BigDecimal.valueOf(rejected), BigDecimal.valueOf(read)));
            m.put("recon_text", open == 0
                    ? t.get("quality_text", f.count(read), f.count(acc), f.count(q), f.count(dup), rejectedPct)
                    : t.get("quality_text_open", f.count(read), f.count(acc), f.count(q), f.count(dup), rejectedPct,
                            f.count(rejected), f.count(open)));
        }
        m.put("reasons_available", d.quarantineReasons().isPresent());
        d.quarantineReasons().ifPresent(list -> m.put("reasons", list.stream().map(r -> Map.of("file", r.sourceFile(),
                "reason", r.reasonCode(), "rows", f.count(r.rows()))).toList()));
        m.put("stats_available", d.classifyStats().isPresent());
        d.classifyStats().ifPresent(g -> {
            // counts only: GMV and units per marketplace × class are not cells disclosure control has checked
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < g.columns().size(); i++) if (!STATS_WITHHELD_COLUMNS.contains(g.columns().get(i))) keep.add(i);
            // headers, class names and numbers in the report's language (stats_col_<column>, class_<CLASS>)
            m.put("stats_columns", keep.stream().map(i -> t.all().getOrDefault("stats_col_" + g.columns().get(i), g.columns().get(i))).toList());
            // Markdown aligns a column of numbers right, as the HTML's class "num" does
            m.put("stats_align", keep.stream().map(i -> g.rows().stream().anyMatch(r -> r.get(i) instanceof Number) ? "---:" : "---")
                    .toList());
            // the classes the headline withholds are shown together, one row per marketplace: a row per withheld class
            // showed where it sells (rows present on three marketplaces, absent on the others: where one large firm
            // sells), and with the files' accepted counts a withheld count came back by subtraction (159 − 154 = 5).
            // Their sum is derivable from the published figures anyway, as the headline's "withheld together" share is
            int classCol = g.columns().indexOf("origin_class");
            int mpCol = g.columns().indexOf("marketplace");
            List<String> withheldClasses = d.annual().isEmpty() ? List.of() : d.headlineYear().withheldClasses();
            List<List<Object>> rowsOut = withheldTogether(g, classCol, mpCol, withheldClasses);
            m.put("stats_rows", rowsOut.stream().map(r -> Map.of("values", keep.stream()
                    .map(i -> r.get(i) instanceof String txt && i == classCol && txt.startsWith(WITHHELD_TOGETHER)
                            ? Map.<String, Object>of("text", t.get("stats_withheld_together", withheldClasses.stream()
                                    .map(c -> t.get("class_" + c)).collect(java.util.stream.Collectors.joining(", "))), "num", false)
                            : statsValue(g.columns().get(i), r.get(i))).toList())).toList());
            m.put("stats_truncated", g.totalRows() > g.rows().size());
        });
        return m;
    }

    private static final String WITHHELD_TOGETHER = "__withheld_together__";

    /**
     * The classification counts with the rows of the withheld classes summed per marketplace into one row (at the place
     * of the marketplace's first such row; the class cell {@link #WITHHELD_TOGETHER}): counts added, a mean (the mean
     * confidence) weighted by the rows' sales lines. Without withheld classes, or without class and marketplace
     * columns, the rows as they are.
     */
    static List<List<Object>> withheldTogether(ReportData.GenericTable g, int classCol, int mpCol, List<String> withheld) {
        if (withheld.isEmpty() || classCol < 0 || mpCol < 0) return g.rows();
        int weightCol = g.columns().indexOf("sales");
        List<List<Object>> out = new ArrayList<>();
        Map<Object, List<Object>> merged = new LinkedHashMap<>();
        Map<Object, double[]> weighted = new java.util.HashMap<>();
        for (List<Object> r : g.rows()) {
            if (r.get(classCol) == null || !withheld.contains(String.valueOf(r.get(classCol)))) {
                out.add(r);
                continue;
            }
            Object mp = r.get(mpCol);
            List<Object> acc = merged.get(mp);
            double w = weightCol >= 0 && r.get(weightCol) instanceof Number n ? n.doubleValue() : 1;
            if (acc == null) {
                acc = new ArrayList<>(r);
                acc.set(classCol, WITHHELD_TOGETHER);
                merged.put(mp, acc);
                out.add(acc);
                double[] ws = new double[r.size() + 1];
                for (int i = 0; i < r.size(); i++) if (isMean(r.get(i))) ws[i] = ((Number) r.get(i)).doubleValue() * w;
                ws[r.size()] = w;
                weighted.put(mp, ws);
                continue;
            }
            double[] ws = weighted.get(mp);
            for (int i = 0; i < r.size(); i++) {
                Object v = r.get(i);
                if (i == classCol || i == mpCol || !(v instanceof Number)) continue;
                if (isMean(v)) ws[i] += ((Number) v).doubleValue() * w;
                else acc.set(i, ((Number) acc.get(i)).longValue() + ((Number) v).longValue());
            }
            ws[r.size()] += w;
        }
        for (Map.Entry<Object, List<Object>> e : merged.entrySet()) {
            double[] ws = weighted.get(e.getKey());
            List<Object> acc = e.getValue();
            for (int i = 0; i < acc.size(); i++) {
                if (isMean(acc.get(i)) && ws[acc.size()] > 0) {
                    acc.set(i, BigDecimal.valueOf(ws[i] / ws[acc.size()]).setScale(4, java.math.RoundingMode.HALF_UP));
                }
            }
        }
        return out;
    }

    /** A value that is a mean (a decimal), not a count. */
    private static boolean isMean(Object v) {
        return v instanceof Double || v instanceof Float || (v instanceof BigDecimal b && b.scale() > 0);
    }

    /** One value of the classification counts: a class by its name, a count or a decimal in the language's style. */
    private Map<String, Object> statsValue(String column, Object v) {
        String text;
        boolean num = v instanceof Number;
        if (v == null) {
            text = "–";
        } else if (column.equals("origin_class") && t.all().containsKey("class_" + v)) {
            text = t.get("class_" + v);
        } else if (column.equals("marketplace")) {
            text = marketplaceName(String.valueOf(v));
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof java.math.BigInteger) {
            text = f.count(((Number) v).longValue());
        } else if (v instanceof BigDecimal b && b.scale() <= 0) {
            text = f.decimal(b, 0);
        } else if (num) {
            text = f.decimal(new BigDecimal(v.toString()), 3);
        } else {
            text = String.valueOf(v);
        }
        return Map.of("text", text, "num", num);
    }

    /**
     * A model's plain-language description for the models table ({@code model_desc_<name>}; the annual cross-checks,
     * named {@code *_annual}, share one): a reader of the report sees what {@code drift_seasonal} is without the docs. A
     * model the messages do not know (a newer one) gets an empty cell, never a missing-key failure.
     */
    /** Backtest origins the projection needs before it weighs models by their errors (Projection.MIN_SCORED_ORIGINS). */
    static final int MIN_WEIGHING_ORIGINS = 3;

    /**
     * A projection whose backtest had too few origins to weigh the models (24 to 26 months by default): every usable
     * model carries an equal weight (docs/PROJECTION.md §4), so the weights do not come from backtests.
     */
    static boolean fewBacktestOrigins(JsonNode s) {
        return s != null && s.path("backtest").path("origins").isNumber()
                && s.path("backtest").path("origins").asInt() < MIN_WEIGHING_ORIGINS;
    }

    /** Fewer than two backtest origins: the base scenario has no backtest errors, its spread is the low–high band. */
    static boolean noScenarioBacktest(JsonNode s) {
        return s != null && s.path("backtest").path("origins").isNumber() && s.path("backtest").path("origins").asInt() < 2;
    }

    /**
     * The methodology's item on the moving holiday (summary.json {@code holiday}, docs/PROJECTION.md §3 "Lebaran"): which
     * models carry the Lebaran regressor, its window and calendar; or that none does. Null for a summary written before
     * the setting existed, or with nothing projected.
     */
    static String holidayAssumption(JsonNode s, Messages t) {
        if (s == null || !s.path("holiday").isObject() || !s.path("models").isArray() || s.path("models").isEmpty()) return null;
        JsonNode h = s.path("holiday");
        if (!"lebaran".equals(h.path("effect").asText())) return t.get("assume_holiday_none");
        int after = h.path("days_after").asInt(0);
        return t.get("assume_holiday_value", String.valueOf(h.path("days_before").asInt()),
                after > 0 ? t.get("assume_holiday_after", String.valueOf(after)) : "");
    }

    /**
     * The fitted Lebaran effect after a model's description ({@code lebaran_effect} in summary.json's models: the log
     * effect on a month holding the whole window, shown as a percentage change); empty for a model without it.
     */
    static String lebaranSuffix(JsonNode mo, JsonNode s, Messages t, LocaleFormat f) {
        if (!mo.path("lebaran_effect").isNumber() || s == null) return "";
        double pct = Math.expm1(mo.path("lebaran_effect").asDouble()) * 100;
        String v = (pct > 0 ? "+" : "") + f.pct(BigDecimal.valueOf(pct));
        return t.get("model_lebaran_suffix", v, String.valueOf(s.path("holiday").path("days_before").asInt()));
    }

    static String modelDescription(Messages t, String name) {
        Map<String, String> all = t.all();
        String own = all.get("model_desc_" + name);
        if (own != null) return own;
        return name.endsWith("_annual") ? all.getOrDefault("model_desc_annual", "") : "";
    }

    /**
     * A path as the lineage shows it: relative to the project folder the run started from (manifest
     * {@code code_version.project_home}) when under it, so the same inputs checked out elsewhere give the same report;
     * other paths whole. The manifest keeps every path whole.
     */
    static java.util.function.UnaryOperator<String> relativeTo(String home) {
        if (home == null || home.isBlank()) return p -> p;
        java.nio.file.Path h = java.nio.file.Path.of(home).normalize();
        return p -> {
            try {
                java.nio.file.Path x = java.nio.file.Path.of(p);
                if (!x.isAbsolute()) return p;
                x = x.normalize();
                return x.startsWith(h) && !x.equals(h) ? h.relativize(x).toString().replace(java.io.File.separatorChar, '/') : p;
            } catch (java.nio.file.InvalidPathException e) {
                return p;
            }
        };
    }

    /**
     * A sentence of another stage with the paths under the project folder made relative to it, as the lineage shows
     * them: the projection's warning about a missing benchmark named {@code /home/<user>/neraca/data/reference/...}, so
     * the report printed for a minister carried the machine's folders and differed between two checkouts of the same
     * inputs (the print audit of 2 Dec 2026). summary.json keeps the sentences as the stages wrote them.
     */
    String homeRelative(String sentence) {
        String home = d.manifest().path("code_version").path("project_home").asText("");
        if (sentence == null || home.isBlank()) return sentence;
        String prefix = home.endsWith("/") ? home : home + "/";
        return sentence.replace(prefix, "");
    }

    /** The first 12 hex digits of a configuration fingerprint, as the lineage shows it. */
    static String shortFingerprint(String fp) {
        return fp == null || fp.isEmpty() ? "–" : fp.substring(0, Math.min(12, fp.length()));
    }

    private Map<String, Object> lineage() {
        JsonNode mf = d.manifest();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", mf.path("run_id").asText(d.runId()));
        m.put("command", mf.path("command").isTextual() ? t.get("lineage_command", mf.path("command").asText()) : "–");
        m.put("started", f.dateTime(mf.path("started").asText(null)));
        JsonNode cv = mf.path("code_version");
        m.put("code_version", cv.isMissingNode() ? "–" : cv.path("jar_version").asText("–") + " · git "
                + cv.path("git_commit").asText("unknown") + (cv.path("git_dirty").asBoolean(false) ? " (" + t.get("git_dirty") + ")" : ""));
        JsonNode sp = mf.path("spark");
        m.put("spark", sp.isMissingNode() ? "–" : "Spark " + sp.path("version").asText("?") + " · " + sp.path("master").asText("?"));
        JsonNode cfg = mf.path("configuration");
        java.util.function.UnaryOperator<String> rel = relativeTo(cv.path("project_home").asText(null));
        m.put("config_file", rel.apply(cfg.path("file").asText("–")));
        m.put("config_sha", cfg.path("sha256").asText("–"));
        List<Object> files = new ArrayList<>();
        cfg.path("files").forEach(n -> files.add(Map.of("path", rel.apply(n.path("path").asText()), "sha256", n.path("sha256").asText())));
        m.put("config_files", files);
        m.put("paths_note", t.get("lineage_paths_relative"));
        List<Object> inputs = new ArrayList<>();
        mf.path("inputs").forEach(n -> inputs.add(Map.of("file", n.path("source_file").asText(n.path("path").asText("?")),
                "sha256", n.path("sha256").asText("–"), "bytes", n.path("bytes").isNumber() ? f.count(n.path("bytes").asLong()) : "–")));
        m.put("inputs", inputs);
        m.put("has_inputs", !inputs.isEmpty());
        List<Object> stages = new ArrayList<>();
        // the configuration each stage ran under (a stage run alone keeps the others' sections, made under earlier files)
        String current = cfg.path("fingerprint").asText("");
        Map<String, List<String>> others = new LinkedHashMap<>();
        mf.path("stages").fields().forEachRemaining(e -> {
            String fp = e.getValue().path("configuration_fingerprint").asText("");
            if (!fp.isEmpty() && !fp.equals(current)) others.computeIfAbsent(fp, k -> new ArrayList<>()).add(e.getKey());
            stages.add(Map.of("name", e.getKey(),
                    "run_id", e.getValue().path("run_id").asText("–"),
                    "started", f.dateTime(e.getValue().path("started").asText(null)),
                    "elapsed", e.getValue().path("elapsed_ms").isNumber()
                            ? f.decimal(e.getValue().path("elapsed_ms").asDouble() / 1000.0, 1) + " s" : "–",
                    "configuration", fp.isEmpty() ? "–" : shortFingerprint(fp)));
        });
        m.put("stages", stages);
        m.put("config_current_note", t.get("config_current_note", shortFingerprint(current)));
        List<Object> otherConfigs = new ArrayList<>();
        for (Map.Entry<String, List<String>> o : others.entrySet()) {
            JsonNode then = mf.path("configurations").path(o.getKey());
            Map<String, String> now = new java.util.HashMap<>();
            now.put(cfg.path("file").asText(), cfg.path("sha256").asText());
            cfg.path("files").forEach(n -> now.put(n.path("path").asText(), n.path("sha256").asText()));
            List<Object> differ = new ArrayList<>();
            if (!then.isMissingNode()) {
                Map<String, String> old = new java.util.TreeMap<>();
                old.put(then.path("file").asText(), then.path("sha256").asText());
                then.path("files").forEach(n -> old.put(n.path("path").asText(), n.path("sha256").asText()));
                old.forEach((path, sha) -> {
                    if (!sha.equals(now.get(path))) differ.add(Map.of("path", rel.apply(path), "sha256", sha));
                });
                now.keySet().stream().filter(p -> !old.containsKey(p)).sorted()
                        .forEach(p -> differ.add(Map.of("path", rel.apply(p), "sha256", "–")));
            }
            otherConfigs.add(Map.of("title", t.get("config_other_title", shortFingerprint(o.getKey()), String.join(", ", o.getValue()),
                    rel.apply(then.path("file").asText("–"))), "files", differ, "has_files", !differ.isEmpty()));
        }
        m.put("other_configs", otherConfigs);
        return m;
    }
}
