package id.neraca.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * JSON Lines with one order per line and its lines in an array ({@code "items":[{...},{...}]}), as omnichannel tools
 * and marketplace APIs export orders. A mapping reads one value per column and a sales line per JSON line, so every
 * order is BAD_JSON; the detail said only "point the mapping at a field that holds one value", which no mapping can
 * (the audit of 2 Dec 2026). It now gives the jq command that writes one line per element with its order's fields, under
 * which the same mapping reads each item as a sales line. Pure: no Spark.
 */
class JsonOrderItemsArrayTest {
    @TempDir
    Path tmp;

    static final String MAPPING = """
            marketplace: omnichannel
            files: ["omnichannel/*.jsonl"]
            format: {type: jsonl}
            grain: ORDER_LINE
            pii: ["store.name"]
            columns:
              order_id: {path: order_no}
              line_key: {path: items.item_id}
              order_ts: {path: created_at, formats: ["yyyy-MM-dd HH:mm:ss"], zone: SELLER}
              status: {path: status, map: {COMPLETED: COMPLETED}}
              product_title: {path: items.name}
              quantity: {path: items.qty}
              unit_price: {path: items.price.amount, parser: decimal}
              currency: {path: items.price.currency}
              shop_name: {path: store.name}
              seller_city: {path: store.city}
            """;

    static final String STORE = "\"store\":{\"name\":\"Makassar Snack\",\"city\":\"Kota Makassar\"}";
    static final String KRIPIK = "{\"item_id\":\"SO-1-1\",\"name\":\"Kripik Pisang\",\"qty\":3,\"price\":{\"amount\":\"32500.00\",\"currency\":\"IDR\"}}";
    static final String KOPI = "{\"item_id\":\"SO-1-2\",\"name\":\"Kopi Toraja\",\"qty\":1,\"price\":{\"amount\":\"85000\",\"currency\":\"IDR\"}}";

    @Test
    void anOrderWithItsLinesInAnArrayIsBadJsonNamingTheJqCommandThatSplitsIt() throws Exception {
        String order = "{\"order_no\":\"SO-1\",\"created_at\":\"2025-11-01 07:30:00\",\"status\":\"COMPLETED\"," + STORE
                + ",\"items\":[" + KRIPIK + "," + KOPI + "]}";
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "omnichannel", MAPPING, "orders_2025-11.jsonl", order + "\n");
        assertEquals(1, rows.size());
        assertEquals("BAD_JSON", rows.get(0).getAs("reason_code"));
        assertEquals("'items' holds a JSON array of 2 value(s), not an object: the mapping reads "
                + "'items.item_id', a field inside it. The export's shape differs from the mapping's: if each line is an order "
                + "with its lines in this array, neraca reads one sales line per JSON line: write one line per element first, "
                + "each with its order's fields, and keep the mapping's paths: jq -c '.items[] as $i | .items = $i' < in.jsonl "
                + "> out.jsonl (docs/MAPPINGS.md, \"An order's lines in an array\"); else point the mapping at a field that "
                + "holds one value", rows.get(0).getAs("reason_detail"));
    }

    @Test
    void theLinesTheJqCommandWritesAreOneSalesLineEachWithTheirOrdersFields() throws Exception {
        // what jq -c '.items[] as $i | .items = $i' writes for the order above: one line per element, in order
        String split = "{\"order_no\":\"SO-1\",\"created_at\":\"2025-11-01 07:30:00\",\"status\":\"COMPLETED\"," + STORE + ",\"items\":" + KRIPIK + "}\n"
                + "{\"order_no\":\"SO-1\",\"created_at\":\"2025-11-01 07:30:00\",\"status\":\"COMPLETED\"," + STORE + ",\"items\":" + KOPI + "}\n";
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "omnichannel", MAPPING, "orders_2025-11.jsonl", split);
        // Makassar is WITA (UTC+8): 07:30 local is 23:30 UTC the day before, a sale of November
        assertEquals(List.of(
                "1 omnichannel:SO-1:SO-1-1 Kripik Pisang 3 32500.00 97500.00 73 2025-11 null",
                "2 omnichannel:SO-1:SO-1-2 Kopi Toraja 1 85000.00 85000.00 73 2025-11 null"),
                rows.stream().map(r -> r.getAs("source_line") + " " + r.getAs("sale_id") + " " + r.getAs("product_title") + " "
                        + r.getAs("quantity") + " " + r.getAs("unit_price_idr") + " " + r.getAs("gmv_idr") + " "
                        + r.getAs("seller_province_code") + " " + r.getAs("period_month") + " " + r.getAs("reason_code")).toList());
        assertEquals(java.time.Instant.parse("2025-10-31T23:30:00Z"), rows.get(0).<java.sql.Timestamp>getAs("order_ts").toInstant());
    }

    @Test
    void aKeyThatIsNoIdentifierIsQuotedInTheJqPath() {
        assertEquals(".order.items", DumpReader.jqPath(new String[]{"order", "items"}));
        assertEquals(".[\"line items\"]", DumpReader.jqPath(new String[]{"line items"}));
    }
}
