package id.neraca.ingest;

import id.neraca.config.NeracaConfig;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The {@code ingest:} section of the run configuration (docs/MAPPINGS.md "Run configuration").
 *
 * @param maxQuarantineShare a file whose quarantined rows exceed this share of its rows fails the run (exit 3);
 *                           default 0.05
 * @param minOrderDate       orders before this date (seller local time) are quarantined as DATE_OUT_OF_RANGE;
 *                           default 2015-01-01
 * @param maxOrderDate       orders after this date are quarantined as DATE_OUT_OF_RANGE; default: the day the run
 *                           starts (UTC), so a date in the future is caught. Pin it for reproducible reruns.
 * @param rejectedLinesShown how many rejected lines {@code validate} prints per file; default 5
 */
public record IngestConfig(
        Double maxQuarantineShare,
        String minOrderDate,
        String maxOrderDate,
        Integer rejectedLinesShown) {

    public IngestConfig {
        if (maxQuarantineShare == null) maxQuarantineShare = 0.05;
        if (minOrderDate == null) minOrderDate = "2015-01-01";
        if (rejectedLinesShown == null) rejectedLinesShown = 5;
    }

    public static IngestConfig defaults() {
        return new IngestConfig(null, null, null, null);
    }

    public void validate(NeracaConfig.Loaded where) {
        if (maxQuarantineShare < 0 || maxQuarantineShare > 1) {
            throw new IllegalArgumentException("ingest.max_quarantine_share must be between 0 and 1, got " + maxQuarantineShare);
        }
        date("ingest.min_order_date", minOrderDate);
        if (maxOrderDate != null) date("ingest.max_order_date", maxOrderDate);
        if (rejectedLinesShown < 0) throw new IllegalArgumentException("ingest.rejected_lines_shown must be >= 0");
    }

    public LocalDate minDate() {
        return LocalDate.parse(minOrderDate);
    }

    public LocalDate maxDate() {
        return maxOrderDate == null ? LocalDate.now(java.time.ZoneOffset.UTC) : LocalDate.parse(maxOrderDate);
    }

    private static void date(String key, String v) {
        try {
            LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be a date yyyy-MM-dd, got '" + v + "'");
        }
    }
}
