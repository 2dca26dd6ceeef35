package id.neraca.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The projection's English sentences in the report's language: its notes on its models ({@code summary.json
 * models[].warning}: why a model is unsupported, not weighted or not selected, or what its fit means) and its warnings
 * ({@code warnings[]}). The projection writes them in English for machine readers and the run log; the Bahasa
 * Indonesia report gives each in Indonesian when it is a sentence this class knows (a model note may be several, joined
 * by "; "), and the English sentence, flagged, when it is not (a model dropped as not credible, whose reason carries
 * amounts in rupiah, the rarer warnings, and any sentence a later version adds). Numbers are rewritten in the report's
 * style (0.936 → 0,936; 9.2% → 9,2%); years and counts are left as they are.
 */
public final class StageNotes {
    private StageNotes() {}

    /** A note in the report's language; {@code english} when the text is the projection's English sentence. */
    public record Note(String text, boolean english) {}

    private record Rule(Pattern pattern, String key, boolean[] decimal) {}

    private static Rule rule(String regex, String key, boolean... decimal) {
        return new Rule(Pattern.compile(regex), key, decimal);
    }

    /** Every note the projection writes on a model, but for dropped ones (docs/PROJECTION.md §4, §5). */
    private static final List<Rule> RULES = List.of(
            rule("scenario band, not weighted", "model_note_scenario_band"),
            rule("annual cross-check, not weighted", "model_note_annual_cross_check"),
            rule("not selected: backtest MASE (n/a|[0-9.]+) vs seasonal naive (n/a|[0-9.]+)", "model_note_not_selected_mase", true, true),
            rule("not selected: its 80% intervals held ([0-9.]+)% of the backtest's outcomes (\\d+) to (\\d+) months ahead \\((\\d+) "
                    + "forecasts from (\\d+) origins\\), under project\\.backtest\\.min_interval_coverage ([0-9.]+): too narrow beyond a year",
                    "model_note_interval_check", true, false, false, false, false, true),
            rule("MA\\(1\\) theta at its grid's lower edge (-?[0-9.]+): every surprise fades, so this is in effect a deterministic "
                    + "trend, like loglinear_seasonal, not a random walk", "model_note_drift_grid_edge", true),
            rule("(\\d+) points; damped-trend smoothing needs at least (\\d+)", "model_note_holt_points"),
            rule("(\\d+) months of history; damped-trend smoothing with seasonality needs at least (\\d+)", "model_note_holt_months"),
            rule("(\\d+) points; the drift model needs (\\d+)", "model_note_drift_points"),
            rule("(\\d+) months of history; the seasonal log-linear model needs at least (\\d+)", "model_note_loglinear_months"),
            rule("(\\d+) points; a (\\d+)-parameter regression with AR\\(1\\) errors needs at least (\\d+)", "model_note_loglinear_points"),
            rule("(\\d+) points; a growth scenario needs one full year \\((\\d+)\\) to start from", "model_note_cagr_points"));

    /** What follows the months in the report's warning on listing snapshots ({@code ReportReader}). */
    static final String LISTINGS_REST = " are in none of these figures of GMV or shares (only in the line counts of the classification "
            + "counts table): a scrape's sold counts are cumulative over each listing's life, not a period's sales. Their composition "
            + "by origin class is in the run's aggregates (grain LISTING_PERIOD; working data for analysts, not disclosure-controlled: "
            + "not for publication); dumps of scrapes alone get a report of their own (docs/REPORT.md)";

    /** The projection's warnings the samples and most runs give (docs/PROJECTION.md §2, §4); whole sentences only. */
    private static final List<Rule> WARNING_RULES = List.of(
            rule("coverage calibration uses a low-confidence benchmark for (\\d{4}) \\((.+)\\)", "warning_low_confidence_benchmark"),
            rule("coverage factor calibrated on (\\d+) year\\(s\\) only; its uncertainty \\(log sd ([0-9.]+)\\) is at least the "
                    + "configured floor ([0-9.]+)", "warning_few_calibration_years", false, true, true),
            rule("the coverage factor fell ([0-9.]+)% a year over (\\d{4})-(\\d{4}): the sample grew (-?[0-9.]+)% a year and the "
                    + "benchmark (-?[0-9.]+)% \\(in rupiah\\)\\. The projection holds the factor constant, so it carries the sample's "
                    + "growth: if the sample keeps outgrowing the market, national growth is overstated by about (\\d+) points a year",
                    "warning_factor_fell", true, false, false, true, true, false),
            rule("the coverage factor rose ([0-9.]+)% a year over (\\d{4})-(\\d{4}): the sample grew (-?[0-9.]+)% a year and the "
                    + "benchmark (-?[0-9.]+)% \\(in rupiah\\)\\. The projection holds the factor constant, so it carries the sample's "
                    + "growth: if the sample keeps growing slower than the market, national growth is understated by about (\\d+) "
                    + "points a year", "warning_factor_rose", true, false, false, true, true, false),
            rule("(\\d+) full year\\(s\\): too few for an annual backtest; annual models are a cross-check only", "warning_few_full_years"),
            // the report's own (ReportReader): a run whose dumps include listing scrapes
            rule("listing snapshots of (\\d+) scrape month\\(s\\) \\((\\d{4}-\\d{2})\\)" + Pattern.quote(LISTINGS_REST),
                    "warning_listings_one_month"),
            rule("listing snapshots of (\\d+) scrape month\\(s\\) \\((\\d{4}-\\d{2}) to (\\d{4}-\\d{2})\\)" + Pattern.quote(LISTINGS_REST),
                    "warning_listings_months"));

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
                String g = m.group(i + 1);
                boolean decimal = i < hit.decimal().length && hit.decimal()[i];
                args[i] = decimal && !g.equals("n/a") ? number(g, f) : g.equals("n/a") ? "–" : g;
            }
            if (out.length() > 0) out.append("; ");
            out.append(t.get(hit.key(), args));
            at = m.end() == warning.length() ? m.end() : m.end() + 2;
        }
        return new Note(out.toString(), false);
    }

    /** A number as the projection wrote it ("0.936", "-0.99", "38.5") in the report's style, with the same decimals. */
    private static String number(String s, LocaleFormat f) {
        int dot = s.indexOf('.');
        int digits = dot < 0 ? 0 : s.length() - dot - 1;
        return f.decimal(new java.math.BigDecimal(s), digits);
    }
}
