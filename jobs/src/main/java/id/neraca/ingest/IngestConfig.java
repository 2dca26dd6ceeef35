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
 * @param maxOrderDate       orders after this date (seller local time) are quarantined as DATE_OUT_OF_RANGE;
 *                           default: today's date where the day begins first (UTC+14) when the run starts, so a date
 *                           in the future is caught and no sale of today, in any time zone, is. Pin it for
 *                           reproducible reruns.
 * @param rejectedLinesShown how many rejected lines {@code validate} prints per file; default 5
 * @param splitMib           a plain (not gzip) CSV or JSON Lines dump larger than this many MiB is read in ranges of
 *                           this size by parallel tasks; 0 reads each file with one task; default 64
 */
public record IngestConfig(
        Double maxQuarantineShare,
        String minOrderDate,
        String maxOrderDate,
        Integer rejectedLinesShown,
        Integer splitMib) {

    public IngestConfig {
        if (maxQuarantineShare == null) maxQuarantineShare = 0.05;
        if (minOrderDate == null) minOrderDate = "2015-01-01";
        if (rejectedLinesShown == null) rejectedLinesShown = 5;
        if (splitMib == null) splitMib = 64;
    }

    public IngestConfig(Double maxQuarantineShare, String minOrderDate, String maxOrderDate, Integer rejectedLinesShown) {
        this(maxQuarantineShare, minOrderDate, maxOrderDate, rejectedLinesShown, null);
    }

    public static IngestConfig defaults() {
        return new IngestConfig(null, null, null, null, null);
    }

    /** The split size in bytes; 0: never split. */
    public long splitBytes() {
        return (long) splitMib << 20;
    }

    public void validate(NeracaConfig.Loaded where) {
        if (maxQuarantineShare < 0 || maxQuarantineShare > 1) {
            throw new IllegalArgumentException("ingest.max_quarantine_share must be between 0 and 1, got " + maxQuarantineShare);
        }
        date("ingest.min_order_date", minOrderDate);
        if (maxOrderDate != null) date("ingest.max_order_date", maxOrderDate);
        if (!minDate().isBefore(maxDate())) {
            // an empty window quarantines every row and the run would blame the dumps (exit 3)
            throw new IllegalArgumentException("ingest.min_order_date " + minOrderDate + " must be before ingest.max_order_date "
                    + (maxOrderDate == null ? "(unset: today, " + maxDate() + ")" : maxOrderDate));
        }
        if (rejectedLinesShown < 0) throw new IllegalArgumentException("ingest.rejected_lines_shown must be >= 0");
        if (splitMib < 0 || splitMib > 1 << 20) {
            throw new IllegalArgumentException("ingest.split_mib must be between 0 (never split a file) and 1048576, got " + splitMib);
        }
    }

    public LocalDate minDate() {
        return LocalDate.parse(minOrderDate);
    }

    /** Where a calendar day begins first (Kiribati's Line Islands): no place on Earth has a later date. */
    static final java.time.ZoneOffset EARLIEST_DATE = java.time.ZoneOffset.ofHours(14);

    public LocalDate maxDate() {
        return maxDate(java.time.Clock.systemUTC());
    }

    /**
     * The latest order date accepted. Unpinned, it is today's date in UTC+14, not in UTC: order dates are compared in
     * the seller's local time, and a run at 18:30 UTC is already 01:30 the next day in WIB (08:30 here), so a UTC date
     * quarantined that night's sales as "future" (a scheduler starting runs after midnight WIB would hit it every time).
     */
    LocalDate maxDate(java.time.Clock clock) {
        return maxOrderDate == null ? LocalDate.now(clock.withZone(EARLIEST_DATE)) : LocalDate.parse(maxOrderDate);
    }

    private static void date(String key, String v) {
        try {
            LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be a date yyyy-MM-dd, got '" + v + "'");
        }
    }
}
