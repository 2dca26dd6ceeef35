package id.neraca.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import id.neraca.SparkTestBase;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A status value the mapping's map does not hold is quarantined UNKNOWN_STATUS; under the file's threshold the run goes
 * on, and an unmapped spelling of a completed order took its sales out of every figure with nothing said but a reason
 * count. Ingest now counts the values per file, names them in the manifest and warns with the fix.
 */
class UnmappedStatusValuesTest extends SparkTestBase {
    @TempDir
    Path tmp;

    static final String MAPPING = """
            marketplace: shop
            description: An export with a status spelling its map does not know.
            files: ["shop/*.csv"]
            format: {type: csv, delimiters: [","]}
            grain: ORDER_LINE
            columns:
              order_id: {source: order}
              order_ts: {source: time, formats: ["yyyy-MM-dd HH:mm"], zone: WIB}
              status: {source: state, map: {Selesai: COMPLETED, Dibatalkan: CANCELLED, Dikirim: OPEN, Hilang: CANCELLED}}
              quantity: {source: qty, parser: integer}
              unit_price: {source: price, parser: amount_en}
              shop_id: {source: shop}
            """;

    static final String MONTH_1 = """
            order,time,state,qty,price,shop
            A1,2025-11-05 10:00,Selesai,1,"185,000.00",T1
            A2,2025-11-06 10:00,Selesai (Dana Dilepas),1,"85,000.00",T1
            A3,2025-11-07 10:00,Selesai (Dana Dilepas),2,"25,000.00",T1
            A4,2025-11-08 10:00,Dikirim,1,"45,000.00",T1
            A5,2025-11-09 10:00,Retur,1,"45,000.00",T1
            """;

    static final String MONTH_2 = """
            order,time,state,qty,price,shop
            B1,2025-12-05 10:00,Selesai (Dana Dilepas),1,"185,000.00",T1
            B2,2025-12-06 10:00,Selesai,1,"85,000.00",T1
            """;

    @Test
    void theDetailNamesTheMapInTheMappingFilesOrder() throws Exception {
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "shop", MAPPING, "orders.csv", MONTH_1);
        assertEquals("UNKNOWN_STATUS", rows.get(1).getAs("reason_code"));
        // the keys as the mapping lists them (Map.copyOf's order changed from JVM to JVM, and with it out/quarantine)
        assertTrue(rows.get(1).<String>getAs("reason_detail").contains(
                "'Selesai (Dana Dilepas)' is not in the mapping's value map [Selesai, Dibatalkan, Dikirim, Hilang]"),
                rows.get(1).<String>getAs("reason_detail"));
    }

    @Test
    void ingestCountsTheUnmappedValuesPerFileInTheManifest() throws Exception {
        JsonNode m = IngestFixtures.ingestStage(spark, tmp, "shop", MAPPING,
                Map.of("shop/orders-2025-11.csv", MONTH_1, "shop/orders-2025-12.csv", MONTH_2), 0.9);
        Map<String, JsonNode> inputs = new java.util.TreeMap<>();
        m.get("inputs").forEach(i -> inputs.put(i.get("source_file").asText(), i));
        assertEquals("{\"'Selesai (Dana Dilepas)'\":2,\"'Retur'\":1}",
                inputs.get("shop/orders-2025-11.csv").get("unmapped_status_values").toString(), "most rows first; Dikirim is OPEN, not unmapped");
        assertEquals("{\"'Selesai (Dana Dilepas)'\":1}", inputs.get("shop/orders-2025-12.csv").get("unmapped_status_values").toString());
        assertEquals(4, m.at("/stages/IngestDumps/unmapped_status_rows").asLong());
    }

    @Test
    void theWarningNamesTheValuesWithTheirMappingsMostRowsFirst() {
        IngestRun.FileCounts a = counts("shop", Map.of("'Selesai (Dana Dilepas)'", 2L, "'Retur'", 1L));
        IngestRun.FileCounts b = counts("shop", Map.of("'Selesai (Dana Dilepas)'", 1L));
        IngestRun.FileCounts c = counts("lazada", Map.of("'Retur'", 1L, "'returned'", 3L));
        var values = IngestRun.unmappedValues(List.of(a, b, c));
        assertEquals(List.of(Map.entry("'Selesai (Dana Dilepas)' (shop)", 3L), Map.entry("'returned' (lazada)", 3L),
                Map.entry("'Retur' (lazada, shop)", 2L)), values);
        String text = IngestRun.unmappedText(values, 2);
        assertTrue(text.startsWith("8 row(s) quarantined UNKNOWN_STATUS: order status values no status map of their mapping holds: "
                + "'Selesai (Dana Dilepas)' (shop) 3, 'returned' (lazada) 3 and 1 more. Their sales are in no figure"), text);
    }

    private static IngestRun.FileCounts counts(String mapping, Map<String, Long> unmapped) {
        FileTask t = new FileTask(mapping + "/f.csv", "file:/d/" + mapping + "/f.csv", mapping, "k",
                false, ',', new int[0], new int[0], 0, 1000, "0");
        long n = unmapped.values().stream().mapToLong(Long::longValue).sum();
        return new IngestRun.FileCounts(t, n, 0, n, 0, Map.of("UNKNOWN_STATUS", n), Map.of(), Map.of(), unmapped);
    }
}
