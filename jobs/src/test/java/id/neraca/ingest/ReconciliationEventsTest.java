package id.neraca.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Under {@code --log-json} the reconciliation is one event per file with its counts as fields (the audit: a scheduler
 * got the fixed-width console table inside {@code msg}, one line of text per row, and had to parse columns).
 */
class ReconciliationEventsTest {
    @Test
    void eachFileIsOneEventWithItsCountsAsFields() {
        FileTask t = new FileTask("shopee/shopee_orders_2025-01.csv", "file:/d/shopee/shopee_orders_2025-01.csv", "shopee", "k", false, ';',
                new int[0], new int[0], 0, 1000, "0");
        IngestRun.FileCounts c = new IngestRun.FileCounts(t, 100, 60, 32, 8, Map.of("ORDER_NOT_FINAL", 30L, "BAD_DATE", 2L));
        List<ObjectNode> events = IngestRun.events(List.of(c));
        assertEquals(1, events.size());
        ObjectNode e = events.get(0);
        assertEquals("reconciliation", e.get("event").asText());
        assertEquals("shopee/shopee_orders_2025-01.csv", e.get("source_file").asText());
        assertEquals("shopee", e.get("mapping").asText());
        assertEquals(List.of(100L, 60L, 32L, 8L, 30L), List.of(e.get("rows_read").asLong(), e.get("accepted").asLong(),
                e.get("quarantined").asLong(), e.get("duplicates_collapsed").asLong(), e.get("open_orders").asLong()));
        assertEquals(e.get("rows_read").asLong(), e.get("accepted").asLong() + e.get("quarantined").asLong()
                + e.get("duplicates_collapsed").asLong(), "the identity, in the fields");
    }
}
