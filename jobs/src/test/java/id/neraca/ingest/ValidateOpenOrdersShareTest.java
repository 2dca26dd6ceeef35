package id.neraca.ingest;

import id.neraca.cli.Validate;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * validate printed "quarantined 56 (1.7%)" for a latest-month export with 53 orders still shipping: the share is of the
 * rows that are sales (open orders and repeated headers are left out of it and of the threshold), and 56 rows at 1.7%
 * of 231 looked like a miscount. The line now says what the share leaves out.
 */
class ValidateOpenOrdersShareTest {
    @Test
    void aFileWithOpenOrdersSaysTheyAreLeftOutOfTheShare() {
        IngestRun.FileCounts c = new IngestRun.FileCounts(null, 231, 175, 56, 0,
                Map.of("ORDER_NOT_FINAL", 53L, "BAD_DATE", 1L, "MISSING_VALUE", 1L, "WRONG_FIELD_COUNT", 1L));
        assertEquals("quarantined 56 = 3 rejected (1.7% of 178 rows; limit 5.0%) + 53 open orders (not counted)",
                Validate.quarantinedText(c, 0.05));
    }

    /** The split names the kinds of rows left out, with the limit the rejected share is held to. */
    @Test
    void openOrdersAndRepeatedHeadersAreNamedBesideTheLimit() {
        IngestRun.FileCounts c = new IngestRun.FileCounts(null, 389, 370, 19, 0,
                Map.of("ORDER_NOT_FINAL", 10L, "REPEATED_HEADER", 1L, "BAD_DATE", 8L));
        assertEquals("quarantined 19 = 8 rejected (2.1% of 378 rows; limit 5.0%) + 11 open orders / repeated headers (not counted)",
                Validate.quarantinedText(c, 0.05));
    }

    /**
     * Reasons with equal counts are listed by name: the counts come from Spark in no fixed order, and validate's lines and
     * the threshold's "top reasons" changed order from one run to the next on the same file.
     */
    @Test
    void reasonsWithEqualCountsAreListedByName() {
        Map<String, Long> reasons = new java.util.LinkedHashMap<>();
        reasons.put("UNKNOWN_STATUS", 2L);
        reasons.put("BAD_PRICE", 2L);
        reasons.put("WRONG_FIELD_COUNT", 5L);
        reasons.put("BAD_DATE", 2L);
        IngestRun.FileCounts c = new IngestRun.FileCounts(null, 20, 9, 11, 0, reasons);
        assertEquals("WRONG_FIELD_COUNT 5, BAD_DATE 2, BAD_PRICE 2", c.topReasons(3));
        assertEquals(java.util.List.of("WRONG_FIELD_COUNT", "BAD_DATE", "BAD_PRICE", "UNKNOWN_STATUS"),
                c.reasonsByCount().stream().map(Map.Entry::getKey).toList());
    }

    @Test
    void aFileWithoutThemKeepsTheShortForm() {
        IngestRun.FileCounts c = new IngestRun.FileCounts(null, 2, 1, 1, 0, Map.of("BAD_DATE", 1L));
        assertEquals("quarantined 1 (50.0% of 2 rows; limit 5.0%)", Validate.quarantinedText(c, 0.05));
    }
}
