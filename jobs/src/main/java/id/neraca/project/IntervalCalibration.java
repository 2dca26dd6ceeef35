package id.neraca.project;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.core.NeracaException;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How often the published ensemble intervals held the outcome in simulation: {@code interval_calibration.csv} in the
 * reference folder, written by {@code EnsembleCoverageStudy calibration} (docs/PROJECTION.md §5), carried into
 * summary.json's {@code interval_calibration} so that the report's sentence about its intervals quotes measured
 * figures with their provenance, never numbers written into a message (which went stale once: the report said 66% /
 * 92% for a week after the measurement had become 72% / 99%).
 */
public final class IntervalCalibration {
    private IntervalCalibration() {}

    /** The file's name in the reference folder ({@code run.reference_dir}). */
    public static final String FILE = "interval_calibration.csv";
    /** Horizons measured: the monthly value 6 and 24 months ahead, the annual value of the fifth projected year. */
    public static final List<String> HORIZONS = List.of("month_6", "month_24", "year_5");
    public static final Set<Integer> NOMINALS = Set.of(80, 95);
    static final List<String> COLUMNS = List.of("process", "description_en", "description_id", "history_months", "weighting",
            "horizon", "nominal_pct", "covered_pct", "series", "paths", "study", "code_commit", "measured_on");

    /** One measured coverage: the share of {@code series} simulated histories whose outcome fell inside the interval. */
    public record Measured(String process, String descriptionEn, String descriptionId, int historyMonths, String weighting,
                           String horizon, int nominalPct, BigDecimal coveredPct, int series, int paths, String study,
                           String codeCommit, LocalDate measuredOn) {}

    /** The file's rows, validated; a malformed row is a data error naming the file, line and column. */
    public static List<Measured> load(Path file) {
        List<Measured> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map<String, String> r : id.neraca.core.ReferenceCsv.read(file, COLUMNS,
                "It is written by EnsembleCoverageStudy calibration (docs/PROJECTION.md §5).")) {
            String line = r.get("#line");
            try {
                String weighting = r.get("weighting");
                if (!ProjectConfig.WEIGHTINGS.contains(weighting)) {
                    throw new IllegalArgumentException("weighting must be one of " + ProjectConfig.WEIGHTINGS + ", got '" + weighting + "'");
                }
                String horizon = r.get("horizon");
                if (!HORIZONS.contains(horizon)) throw new IllegalArgumentException("horizon must be one of " + HORIZONS + ", got '" + horizon + "'");
                int nominal = Integer.parseInt(r.get("nominal_pct"));
                if (!NOMINALS.contains(nominal)) throw new IllegalArgumentException("nominal_pct must be 80 or 95, got " + nominal);
                BigDecimal covered = new BigDecimal(r.get("covered_pct"));
                if (covered.signum() < 0 || covered.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new IllegalArgumentException("covered_pct must be between 0 and 100, got " + covered);
                }
                int months = positive(r, "history_months");
                int series = positive(r, "series");
                int paths = positive(r, "paths");
                for (String c : List.of("process", "description_en", "description_id", "study", "code_commit")) {
                    if (r.get(c).isEmpty()) throw new IllegalArgumentException(c + " is empty");
                }
                LocalDate on = LocalDate.parse(r.get("measured_on"));
                String key = r.get("process") + "|" + months + "|" + weighting + "|" + horizon + "|" + nominal;
                if (!seen.add(key)) {
                    throw new IllegalArgumentException("a second row for process " + r.get("process") + ", " + months + " months, "
                            + weighting + ", " + horizon + ", " + nominal + "%");
                }
                out.add(new Measured(r.get("process"), r.get("description_en"), r.get("description_id"), months, weighting, horizon,
                        nominal, covered, series, paths, r.get("study"), r.get("code_commit"), on));
            } catch (DateTimeParseException e) {
                throw NeracaException.data("%s (line %s): measured_on must be yyyy-MM-dd, got '%s'", file, line, r.get("measured_on"));
            } catch (IllegalArgumentException e) {
                throw NeracaException.data("%s (line %s): %s", file, line, e.getMessage());
            }
        }
        return out;
    }

    private static int positive(Map<String, String> r, String column) {
        int v = Integer.parseInt(r.get(column));
        if (v <= 0) throw new IllegalArgumentException(column + " must be positive, got " + v);
        return v;
    }

    /**
     * summary.json's {@code interval_calibration}: the measured rows of the configured weighting (the ensemble the run
     * publishes) on the simulated history length nearest the run's, the file they come from, and a note when none applies or when they were measured on histories of
     * another length than this run's. A missing file gives no rows and says so (the report then says the intervals'
     * calibration is not measured); {@code warnings} receives that sentence too.
     */
    public static ObjectNode summary(Path file, String weighting, int monthsObserved, List<String> warnings) {
        ObjectNode o = Projection.JSON.createObjectNode();
        // the name alone: summary.json holds no run-time-dependent values (the manifest records run.reference_dir)
        o.put("file", String.valueOf(file.getFileName()));
        o.put("weighting", weighting);
        o.put("months_observed", monthsObserved);
        ArrayNode rows = o.putArray("measured");
        if (!Files.isRegularFile(file)) {
            String note = String.format(Locale.ROOT, "%s not found in the reference folder (run.reference_dir): how often the "
                    + "published intervals hold the outcome is not stated (EnsembleCoverageStudy calibration writes it; "
                    + "docs/PROJECTION.md §5)", file.getFileName());
            o.put("note", note);
            warnings.add(note);
            return o;
        }
        // the measurements of the run's weighting, on the simulated history length nearest the run's (the shorter on a tie)
        List<Measured> of = load(file).stream().filter(m -> m.weighting().equals(weighting)).toList();
        int length = of.stream().map(Measured::historyMonths)
                .min(java.util.Comparator.<Integer>comparingInt(h -> Math.abs(h - monthsObserved)).thenComparingInt(h -> h)).orElse(0);
        for (Measured m : of) {
            if (m.historyMonths() != length) continue;
            ObjectNode r = rows.addObject();
            r.put("process", m.process());
            r.put("description_en", m.descriptionEn());
            r.put("description_id", m.descriptionId());
            r.put("history_months", m.historyMonths());
            r.put("horizon", m.horizon());
            r.put("nominal_pct", m.nominalPct());
            r.put("covered_pct", m.coveredPct());
            r.put("series", m.series());
            r.put("paths", m.paths());
            r.put("study", m.study());
            r.put("code_commit", m.codeCommit());
            r.put("measured_on", m.measuredOn().toString());
        }
        if (rows.isEmpty()) {
            o.put("note", String.format(Locale.ROOT, "%s holds no measurement of the ensemble weighted by %s "
                    + "(project.backtest.weighting): how often its intervals hold the outcome is not stated", file.getFileName(), weighting));
        } else if (length != monthsObserved) {
            o.put("note", String.format(Locale.ROOT, "measured on simulated histories of %d months; this run's has %d, so the "
                    + "figures indicate, not measure, its intervals' coverage", length, monthsObserved));
        } else {
            o.putNull("note");
        }
        return o;
    }
}
