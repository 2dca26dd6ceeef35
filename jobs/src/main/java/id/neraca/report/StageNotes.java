package id.neraca.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The English sentences of other stages in the report's language: the projection's notes on its models ({@code
 * summary.json models[].warning}: why a model is unsupported, not weighted, not selected or dropped, or what its fit
 * means) and its warnings ({@code warnings[]}, the reason nothing was projected among them), and the report's own
 * warnings (ReportReader, the pipeline's on stale or differently configured inputs, the comparison with the previous
 * report). They are written in English for machine readers and the run log; the Bahasa Indonesia report gives each in
 * Indonesian when it is a sentence this class knows (a model note may be several, joined by "; "), and the English
 * sentence, flagged, when it is not: a sentence a later version adds before this class learns it
 * ({@code ProjectionSentencesTest} runs the projection's short, gappy and degenerate histories to catch that). Numbers
 * are rewritten in the report's style (0.936 → 0,936; 9.2% → 9,2%; 1,000 → 1.000), rupiah as the report writes money
 * (Rp12,345 triliun → Rp12.345,0 triliun), months and dates by name; years, counts and names are left as they are.
 * Text a sentence quotes from elsewhere (a benchmark's source, an exception's message) stays English, said so.
 */
public final class StageNotes {
    private StageNotes() {}

    /** A note in the report's language; {@code english} when the text is the stage's English sentence. */
    public record Note(String text, boolean english) {}

    /**
     * How a part a rule captures is said in the report's language; null when it cannot be (a sentence inside the
     * sentence that this class does not know), which leaves the whole sentence English.
     */
    @FunctionalInterface
    private interface Arg {
        String say(String part, Messages t, LocaleFormat f);
    }

    /** As written: a year, a count, the name of a model, a file or a configuration key. */
    private static final Arg TEXT = (s, t, f) -> s;
    /** A number as the stage wrote it ("0.936", "-0.99", "+0.35", "1,000", "n/a"), with the same decimals. */
    private static final Arg NUMBER = (s, t, f) -> number(s, f);
    /** Rupiah as the projection's messages write them ({@code Projection.triliun}: "Rp12,345 triliun", "Rp5,000,000"). */
    private static final Arg RUPIAH = StageNotes::rupiah;
    /** A month (2025-11: "November 2025"), or a year, which stays as it is. */
    private static final Arg MONTH = (s, t, f) -> f.month(s);
    private static final Arg DATE = (s, t, f) -> f.date(s);
    /** Years as a list prints them ("[2023, 2024]", "[]"), or one year. */
    private static final Arg YEARS = (s, t, f) -> {
        String in = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1).strip() : s;
        return in.isEmpty() ? t.get("note_none") : in;
    };
    /** A share the projection holds or trends, by its series name (local_umkm_share, foreign_origin_share). */
    private static final Arg SHARE = (s, t, f) -> t.get("note_share_" + s);
    private static final Arg FREQUENCY = (s, t, f) -> t.get("backtest_frequency_" + s);
    /** The plausibility bound's reach: "within 5 years" or "7 years ahead". */
    private static final Arg HORIZON = (s, t, f) -> s.startsWith("within ")
            ? t.get("note_within_years", s.substring("within ".length(), s.indexOf(" years")))
            : t.get("note_years_ahead", s.substring(0, s.indexOf(" years ahead")));
    /** The observed months of each year ("; months observed per year: 2024: 3 months, 2025: 11 months"), or nothing. */
    private static final Arg MONTHS_PER_YEAR = (s, t, f) -> s.isEmpty() ? ""
            : t.get("note_months_per_year", s.substring(s.indexOf(": ") + 2).replaceAll(" months?\\b", " " + t.get("note_months")));
    /** The commands to rerun, in order ("`neraca classify`, then `neraca aggregate`"). */
    private static final Arg COMMANDS = (s, t, f) -> s.replace(", then ", ", " + t.get("note_then") + " ");
    /** The configuration files that changed, or "files no longer recorded" (an old manifest). */
    private static final Arg FILES = (s, t, f) -> s.equals("files no longer recorded") ? t.get("note_files_not_recorded") : s;
    /** A breakdown table's name (marketplace, province, category). */
    private static final Arg TABLE = (s, t, f) -> t.all().getOrDefault("note_table_" + s, s);
    /** Why a model is not fitted: one of its notes ({@link #RULES}). */
    private static final Arg MODEL_REASON = (s, t, f) -> nested(s, t, f, "model");
    /** Why a model's projection is not credible ({@link #DROPPED_RULES}). */
    private static final Arg DROPPED_REASON = (s, t, f) -> nested(s, t, f, "dropped");

    private record Rule(Pattern pattern, String key, Arg[] args) {}

    /** A rule: the English sentence as a regular expression, the message key, and how each group is said (TEXT when none). */
    private static Rule rule(String regex, String key, Arg... args) {
        return new Rule(Pattern.compile(regex), key, args);
    }

    /** A month as the projection writes it. */
    private static final String YM = "(\\d{4}-\\d{2})";
    /** A number as the projection's messages write it, thousands grouped by commas ({@code Projection.times}). */
    private static final String TIMES = "([0-9][0-9,]*(?:\\.[0-9]+)?)";
    /** Rupiah as the projection's messages write them ({@code Projection.triliun}). */
    private static final String IDR = "(Rp[0-9][0-9,]*(?: triliun)?)";

    /** Every note the projection writes on a model (docs/PROJECTION.md §3, §4, §5). */
    private static final List<Rule> RULES = List.of(
            rule("scenario band, not weighted", "model_note_scenario_band"),
            rule("annual cross-check, not weighted", "model_note_annual_cross_check"),
            rule("not selected: backtest MASE (n/a|[0-9.]+) vs seasonal naive (n/a|[0-9.]+)", "model_note_not_selected_mase", NUMBER, NUMBER),
            rule("not selected: its 80% intervals held ([0-9.]+)% of the backtest's outcomes (\\d+) to (\\d+) months ahead \\((\\d+) "
                    + "forecasts from (\\d+) origins\\), under project\\.backtest\\.min_interval_coverage ([0-9.]+): too narrow beyond a year",
                    "model_note_interval_check", NUMBER, TEXT, TEXT, TEXT, TEXT, NUMBER),
            rule("MA\\(1\\) theta at its grid's lower edge (-?[0-9.]+): every surprise fades, so this is in effect a deterministic "
                    + "trend, like loglinear_seasonal, not a random walk", "model_note_drift_grid_edge", NUMBER),
            rule("(\\d+) points; damped-trend smoothing needs at least (\\d+)", "model_note_holt_points"),
            rule("(\\d+) months of history; damped-trend smoothing with seasonality needs at least (\\d+)", "model_note_holt_months"),
            rule("(\\d+) points; linear-trend smoothing \\(Holt\\) needs at least (\\d+)", "model_note_holt_linear_points"),
            rule("(\\d+) months of history; linear-trend smoothing \\(Holt\\) with seasonality needs at least (\\d+)",
                    "model_note_holt_linear_months"),
            rule("(\\d+) points; the drift model needs (\\d+)", "model_note_drift_points"),
            rule("(\\d+) months of history; the seasonal log-linear model needs at least (\\d+)", "model_note_loglinear_months"),
            rule("(\\d+) points; a (\\d+)-parameter regression with AR\\(1\\) errors needs at least (\\d+)", "model_note_loglinear_points"),
            rule("(\\d+) points; a (\\d+)-parameter regression needs at least (\\d+)", "model_note_regression_points"),
            rule("(\\d+) points; a growth scenario needs one full year \\((\\d+)\\) to start from", "model_note_cagr_points"),
            // an annual model when fewer full years are observed than project.min_annual_points
            rule("(\\d+) full years \\(< (\\d+)\\)", "model_note_annual_too_few"),
            rule("dropped: (.+)", "model_note_dropped", DROPPED_REASON));

    /** Why a model's projection is not credible ({@code Projection.implausible}; docs/PROJECTION.md §5 "Plausibility"). */
    private static final List<Rule> DROPPED_RULES = List.of(
            rule("its simulated (monthly|annual) value for (\\S+) is not a finite number", "model_dropped_not_finite", FREQUENCY, MONTH),
            rule("its 95% interval for (\\S+) reaches " + IDR + ", " + TIMES + " times the national value of the last 12 observed "
                    + "months \\(" + IDR + "\\); more than " + TIMES + " times (within \\d+ years|\\d+ years ahead) is not credible",
                    "model_dropped_above", MONTH, RUPIAH, NUMBER, RUPIAH, NUMBER, HORIZON),
            rule("its 95% interval for (\\S+) reaches " + IDR + ", beyond the " + IDR + " the outputs hold", "model_dropped_beyond_outputs",
                    MONTH, RUPIAH, RUPIAH),
            rule("its 95% interval for (\\S+) falls to " + IDR + ", 1/" + TIMES + " of the national value of the last 12 observed "
                    + "months \\(" + IDR + "\\); less than 1/" + TIMES + " (within \\d+ years|\\d+ years ahead) is not credible",
                    "model_dropped_below", MONTH, RUPIAH, NUMBER, RUPIAH, NUMBER, HORIZON));

    /** What follows the months in the report's warning on listing snapshots ({@code ReportReader}). */
    static final String LISTINGS_REST = " are in none of these figures of GMV or shares (only in the line counts of the classification "
            + "counts table): a scrape's sold counts are cumulative over each listing's life, not a period's sales. Their composition "
            + "by origin class is in the run's aggregates (grain LISTING_PERIOD; working data for analysts, not disclosure-controlled: "
            + "not for publication); dumps of scrapes alone get a report of their own (docs/REPORT.md)";

    /** {@code Coverage.NotCalibratable}: no fully observed year has a benchmark, so nothing is projected. */
    private static final String NOT_CALIBRATABLE = "no year has both a full year of observed sales \\((\\[[0-9, ]*\\])\\) and a '(.+?)' "
            + "benchmark estimate of confidence >= (\\S+) \\((.+?) has years (\\[[0-9, ]*\\])\\)((?:; months observed per year: .+?)?), "
            + "so the coverage factor cannot be calibrated and nothing is projected\\. Either add a '\\2' estimate row for a fully "
            + "observed year to \\4, or set project\\.coverage\\.method: factor with project\\.coverage\\.factor in the run configuration "
            + "\\(a copy passed with --config resolves its relative paths against its own folder; docs/PROJECTION\\.md §2\\)\\.";

    /**
     * Every warning the projection writes (docs/PROJECTION.md), and the report's own: whole sentences only, grouped under
     * the code that writes them; ProjectionSentencesTest drives the projection through the histories that give them.
     */
    private static final List<Rule> WARNING_RULES = List.of(
            // Coverage.calibrate and ProjectTo2030.coverage
            rule("coverage calibration uses a low-confidence benchmark for (\\d{4}) \\((.+)\\)", "warning_low_confidence_benchmark"),
            rule("coverage factor calibrated on (\\d+) year\\(s\\) only; its uncertainty \\(log sd ([0-9.]+)\\) is at least the "
                    + "configured floor ([0-9.]+)", "warning_few_calibration_years", TEXT, NUMBER, NUMBER),
            rule("the coverage factor fell ([0-9.]+)% a year over (\\d{4})-(\\d{4}): the sample grew (-?[0-9.]+)% a year and the "
                    + "benchmark (-?[0-9.]+)% \\(in rupiah\\)\\. The projection holds the factor constant, so it carries the sample's "
                    + "growth: if the sample keeps outgrowing the market, national growth is overstated by about (\\d+) points a year",
                    "warning_factor_fell", NUMBER, TEXT, TEXT, NUMBER, NUMBER, TEXT),
            rule("the coverage factor rose ([0-9.]+)% a year over (\\d{4})-(\\d{4}): the sample grew (-?[0-9.]+)% a year and the "
                    + "benchmark (-?[0-9.]+)% \\(in rupiah\\)\\. The projection holds the factor constant, so it carries the sample's "
                    + "growth: if the sample keeps growing slower than the market, national growth is understated by about (\\d+) "
                    + "points a year", "warning_factor_rose", NUMBER, TEXT, TEXT, NUMBER, NUMBER, TEXT),
            rule("benchmark year (\\d{4}) has no USD/IDR average in the FX table; not used", "warning_benchmark_without_fx"),
            rule("the (\\d{4}) USD/IDR average rests on (\\d+) month\\(s\\) of fx_monthly\\.csv", "warning_fx_few_months"),
            // nothing projected (summary.json not_projected_reason, also its only warning)
            rule(NOT_CALIBRATABLE, "warning_not_calibratable", YEARS, TEXT, TEXT, TEXT, YEARS, MONTHS_PER_YEAR),
            rule(NOT_CALIBRATABLE + " The dumps do hold the whole of (\\[[0-9, ]*\\]|\\d{4}), but those months come before a gap or an "
                    + "empty month, and the models and the calibration use only the contiguous months " + YM + " to " + YM + " \\(the "
                    + "warning on months not used\\): fill the missing months to calibrate on (?:it|them)\\.",
                    "warning_not_calibratable_gap", YEARS, TEXT, TEXT, TEXT, YEARS, MONTHS_PER_YEAR, YEARS, MONTH, MONTH),
            rule("only (\\d+) contiguous months? of completed sales \\(" + YM + " to " + YM + "\\): a projection needs at least 12 "
                    + "\\(one full seasonal cycle\\), and 24 for the seasonal models\\. Add dumps covering more months; nothing is "
                    + "projected from less\\.", "warning_too_short", TEXT, MONTH, MONTH),
            rule("no completed order-line sales: the dumps hold ([0-9,]+) listing-snapshot rows only \\(LISTING_PERIOD: cumulative "
                    + "sold counts at a scrape's date, not a month's sales\\), which never enter the monthly series\\. A projection needs "
                    + "monthly order exports; the listings' observed composition stands in out/aggregates/monthly_detail\\.",
                    "warning_listing_rows_only", NUMBER),
            rule("no completed order-line sales: the dumps hold listing-snapshot rows only \\(LISTING_PERIOD: cumulative sold counts "
                    + "at a scrape's date, not a month's sales\\), which never enter the monthly series\\. A projection needs monthly "
                    + "order exports; the listings' observed composition stands in out/aggregates/monthly_detail\\.",
                    "warning_listing_rows_only_uncounted"),
            rule("no completed order-line sales in out/aggregates/monthly_headline \\(every order cancelled, returned or "
                    + "quarantined\\?\\): nothing to project from\\. Check `neraca validate` on the dumps\\.", "warning_no_completed_sales"),
            // ProjectTo2030: the modelled months
            rule("months before " + YM + " are not used: " + YM + " is empty, so the models use the (\\d+) contiguous months " + YM
                    + " to " + YM, "warning_months_before_empty", MONTH, MONTH, TEXT, MONTH, MONTH),
            rule("months before " + YM + " are not used: " + YM + " is followed by a gap, so the models use the (\\d+) contiguous "
                    + "months " + YM + " to " + YM, "warning_months_before_gap", MONTH, MONTH, TEXT, MONTH, MONTH),
            rule("out/classified is missing: whether the first and last months are complete was not checked", "warning_edges_unchecked"),
            rule("the first month " + YM + " is partial: its completed sales begin (\\d{4}-\\d{2}-\\d{2}) \\(UTC\\), more than (\\d+) "
                    + "day\\(s\\) after it starts, so the models leave it out \\(it stays in out/aggregates; project\\.partial_month_days\\)",
                    "warning_first_month_partial", MONTH, DATE, TEXT),
            rule("the last month " + YM + " is partial: its completed sales end (\\d{4}-\\d{2}-\\d{2}) \\(UTC\\), more than (\\d+) "
                    + "day\\(s\\) before it ends \\(a dump exported mid-month\\?\\), so the models leave it out: half a month would read "
                    + "as a fall and pull every trend down \\(it stays in out/aggregates; project\\.partial_month_days\\)",
                    "warning_last_month_partial", MONTH, DATE, TEXT),
            // Projection.run and select: the models
            rule("only (\\d+) months of history \\(< (\\d+)\\): seasonal models are not fitted; the projection is the configured "
                    + "growth scenarios with their spread, not a fitted estimate", "warning_scenarios_only"),
            rule("the monthly backtest has (\\d+) origin\\(s\\) \\(needs history beyond (\\d+) months, and (\\d+) origins to select "
                    + "and weight models\\): every supported model is kept with an equal weight", "warning_few_backtest_origins"),
            rule("no backtest for the growth scenarios: their intervals come from the low-high scenario band", "warning_scenario_band"),
            rule("project\\.backtest\\.min_interval_coverage: the interval check needs outcomes (\\d+) months ahead from (\\d+) "
                    + "backtest origins or more, and this backtest has (\\d+) \\((\\d+) months of history, min_train_months (\\d+), "
                    + "max_horizon_months (\\d+)\\): not run, every model kept by the MASE stays", "warning_interval_check_not_run"),
            rule("([a-z0-9_]+) not fitted: (.+)", "warning_not_fitted", TEXT, MODEL_REASON),
            rule("model ([a-z0-9_]+) dropped: (.+) \\(a short or noisy history: docs/PROJECTION\\.md §5\\)\\. Its projection is not "
                    + "published and it carries no weight", "warning_model_dropped", TEXT, DROPPED_REASON),
            rule("no model beat ([0-9.]+) × the seasonal-naive backtest MASE; the best one \\(([a-z0-9_]+)\\) is used alone",
                    "warning_no_model_beat_naive", NUMBER, TEXT),
            rule("every model kept by the backtest MASE has 80% intervals that held less than ([0-9]+)% of the backtest's outcomes "
                    + "(\\d+) to (\\d+) months ahead; the one that held most \\(([a-z0-9_]+), ([0-9.]+)%\\) is used alone, and the "
                    + "projection's intervals are likely too narrow", "warning_every_interval_too_narrow", TEXT, TEXT, TEXT, TEXT, NUMBER),
            rule("weighting inverse_crps: a kept model has no backtest CRPS; the kept models get equal weights", "warning_crps_missing"),
            rule("no calendar year is fully observed: required growth rates are not computed", "warning_no_full_year"),
            rule("target ([a-z0-9_]+) \\(project\\.targets\\[(\\d+)\\]\\.year = (\\d+)\\): (\\d+) is before the first modelled month "
                    + YM + ", so there is no national value to compare it with; its projection, intervals, gap and probability are "
                    + "null\\. Set project\\.targets\\[(\\d+)\\]\\.year to a year from (\\d+) to (\\d+)",
                    "warning_target_before_data", TEXT, TEXT, TEXT, TEXT, MONTH, TEXT, TEXT, TEXT),
            rule("target ([a-z0-9_]+) \\(project\\.targets\\[(\\d+)\\]\\.year = (\\d+)\\): (\\d+) is observed for (\\d+) month\\(s\\) "
                    + "only and not projected, so there is no national value to compare it with; its projection, intervals, gap and "
                    + "probability are null\\. Set project\\.targets\\[(\\d+)\\]\\.year to a year from (\\d+) to (\\d+)",
                    "warning_target_partial_year"),
            // Projection.annualModels
            rule("(\\d+) full year\\(s\\) observed \\(< project\\.min_annual_points = (\\d+)\\): no model is fitted on the annual series",
                    "warning_no_annual_models"),
            rule("(\\d+) full year\\(s\\): too few for an annual backtest; annual models are a cross-check only", "warning_few_full_years"),
            // Projection.shareProjection
            rule("(\\d+) months: too few to fit a trend to the (local_umkm_share|foreign_origin_share); it is held at its observed level",
                    "warning_share_too_few_months", TEXT, SHARE),
            rule("the (local_umkm_share|foreign_origin_share) is (0|100)% in every observed month: it is held there",
                    "warning_share_constant", SHARE, TEXT),
            rule("the (local_umkm_share|foreign_origin_share) is held at its level of the last (\\d+) months: (\\d+) months are too few "
                    + "to tell a trend from a seasonal swing \\(project\\.min_seasonal_months (\\d+)\\); its interval allows for the "
                    + "observed trend \\(([-+][0-9.]+) a year on the logit scale\\) continuing or reversing",
                    "warning_share_held", SHARE, TEXT, TEXT, TEXT, NUMBER),
            // IntervalCalibration.summary
            rule("(.+?) not found in the reference folder \\(run\\.reference_dir\\): how often the published intervals hold the "
                    + "outcome is not stated \\(EnsembleCoverageStudy calibration writes it; docs/PROJECTION\\.md §5\\)",
                    "warning_interval_calibration_missing"),
            // the pipeline's, read by the report (core.Pipeline.staleInputs, configurationDrift)
            rule("the outputs of ([A-Za-z0-9]+) \\(run (\\S+)\\) are older than those of ([A-Za-z0-9]+) \\(run (\\S+)\\) they are made "
                    + "from: ([A-Za-z0-9]+) reads results of two runs\\. Run (.+) \\(or `neraca run`\\)", "warning_stale_inputs",
                    TEXT, TEXT, TEXT, TEXT, TEXT, COMMANDS),
            rule("the outputs of (.+?) were made under an earlier configuration \\(changed since: (.+?)\\): ([A-Za-z0-9]+) reads figures "
                    + "made with the earlier files; the lineage lists both\\. To apply the change, rerun from the first stage it concerns "
                    + "\\(of (.+?)\\), or `neraca run`", "warning_configuration_drift", TEXT, FILES, TEXT, TEXT),
            // the report's own (ReportReader): a run whose dumps include listing scrapes
            rule("listing snapshots of (\\d+) scrape month\\(s\\) \\((\\d{4}-\\d{2})\\)" + Pattern.quote(LISTINGS_REST),
                    "warning_listings_one_month"),
            rule("listing snapshots of (\\d+) scrape month\\(s\\) \\((\\d{4}-\\d{2}) to (\\d{4}-\\d{2})\\)" + Pattern.quote(LISTINGS_REST),
                    "warning_listings_months"),
            // ReportReader: inputs missing or not as expected
            rule("out/classified is missing: the listings' seller counts are lower bounds from out/aggregates/monthly_detail, and a "
                    + "year's figures are its latest scrape month's alone \\(a listing missing from that scrape is left out\\)",
                    "warning_listings_without_classified"),
            rule("out/classified and out/aggregates/monthly_detail are both missing: no breakdown tables, and the headline's figures "
                    + "could not be checked against the disclosure rules", "warning_no_seller_data"),
            rule("no seller statistics for (\\S+): its headline figures could not be checked against the disclosure rules; check "
                    + "before publishing", "warning_no_seller_statistics"),
            rule("the mapping files could not be read for the marketplaces' names \\((.*)\\): the report uses its own names and the "
                    + "marketplace ids", "warning_mappings_unreadable"),
            rule("headline statistics: unexpected origin class '(.*)' ignored", "warning_headline_unexpected_class"),
            rule("(marketplace|province|category) table: unexpected origin class '(.*)' ignored", "warning_table_unexpected_class",
                    TABLE, TEXT),
            rule("projection/targets is missing; targets taken from projection/summary\\.json", "warning_targets_from_summary"),
            rule("projection/backtest is missing: no backtest errors to show", "warning_backtest_missing"),
            rule("projection/backtest has no summary rows \\(origin ALL\\) for series (\\S+): no backtest errors to show; rerun "
                    + "`neraca project`", "warning_backtest_no_summary_rows"),
            rule("(.+) not found: provinces shown by code, only those with sales", "warning_provinces_missing"),
            rule("(.+) not found: categories shown by their taxonomy code", "warning_categories_missing"),
            rule("(.+) has no label_id column: the Indonesian report names categories in English", "warning_categories_no_label_id"),
            rule("([a-z_/]+) could not be read \\((.*)\\)", "warning_input_unreadable"),
            // the comparison with the previous report (Revisions)
            rule("(\\d+) figure\\(s\\) differ from the previous report \\(run (\\S+)\\) although the input files, the configuration "
                    + "and the code are the same and both working trees were clean: the run did not reproduce the previous one\\. See "
                    + "summary\\.json revisions for the figures, and docs/OPERATIONS\\.md \\(Reproducibility\\)", "warning_unexplained_revision"),
            rule("the previous report's history\\.csv has no run_id column in its first line \\(edited by hand\\?\\): its rows were "
                    + "not carried over, and history\\.csv starts again with this report", "warning_history_without_run_id"),
            rule("history\\.csv line (\\d+) has (\\d+) values for (\\d+) columns: left out of the new history\\.csv",
                    "warning_history_line_left_out"),
            rule("the previous report's summary\\.json holds no run_id: nothing to compare this report with",
                    "warning_previous_without_run_id"),
            rule("the previous report's summary\\.json cannot be read \\((.*)\\): nothing to compare this report with",
                    "warning_previous_unreadable"));

    /**
     * The note in the report's language: for English, the projection's own text; otherwise each "; "-joined part
     * translated, or the English text whole (flagged) when a part is not a known note.
     */
    public static Note localise(String warning, Messages t, LocaleFormat f) {
        return localise(warning, t, f, RULES, true);
    }

    /** One of the projection's or the report's warnings in the report's language: the whole sentence translated, or English, flagged. */
    public static Note localiseWarning(String warning, Messages t, LocaleFormat f) {
        return localise(warning, t, f, WARNING_RULES, false);
    }

    private static Note localise(String warning, Messages t, LocaleFormat f, List<Rule> rules, boolean joined) {
        if (warning == null || warning.isEmpty()) return new Note("", false);
        if (t.lang().equals("en")) return new Note(warning, false);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < warning.length()) {
            Rule hit = null;
            Matcher m = null;
            for (Rule r : rules) {
                Matcher x = r.pattern().matcher(warning).region(at, warning.length());
                if (x.lookingAt() && (x.end() == warning.length() || joined && warning.startsWith("; ", x.end()))) {
                    hit = r;
                    m = x;
                    break;
                }
            }
            if (hit == null) return new Note(warning, true);
            Object[] args = new Object[m.groupCount()];
            for (int i = 0; i < args.length; i++) {
                Arg a = i < hit.args().length ? hit.args()[i] : TEXT;
                String said = a.say(m.group(i + 1), t, f);
                if (said == null) return new Note(warning, true);
                args[i] = said;
            }
            if (out.length() > 0) out.append("; ");
            out.append(t.get(hit.key(), args));
            at = m.end() == warning.length() ? m.end() : m.end() + 2;
        }
        return new Note(out.toString(), false);
    }

    /** A sentence inside a sentence (a model's reason in a warning), or null when it is not one this class knows. */
    private static String nested(String s, Messages t, LocaleFormat f, String kind) {
        Note n = localise(s, t, f, kind.equals("model") ? RULES : DROPPED_RULES, false);
        return n.english() ? null : n.text();
    }

    /** A number as the stage wrote it ("0.936", "-0.99", "+0.35", "1,000", "n/a") in the report's style, with the same decimals. */
    private static String number(String s, LocaleFormat f) {
        if (s.equals("n/a")) return "–";
        String plain = s.replace(",", "");
        int dot = plain.indexOf('.');
        int digits = dot < 0 ? 0 : plain.length() - dot - 1;
        // a sign the stage wrote on purpose (%+.2f: a trend either way) stays
        return (plain.startsWith("+") ? "+" : "") + f.decimal(new BigDecimal(plain), digits);
    }

    /** Rupiah as the projection's messages write them, whole triliun or whole rupiah, in the report's money style. */
    private static String rupiah(String s, Messages t, LocaleFormat f) {
        boolean triliun = s.endsWith(" triliun");
        BigDecimal v = new BigDecimal(s.substring(2, triliun ? s.length() - " triliun".length() : s.length()).replace(",", ""));
        return f.money(triliun ? v.movePointRight(12) : v);
    }
}
