package id.neraca.ingest;

import id.neraca.core.NeracaException;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * JSON Lines with one order per line and its lines in an array ({@code "items":[{...},{...}]}), as omnichannel tools
 * and marketplace APIs export orders, under a mapping that does not declare the array ({@code format.order_lines}). Until
 * Dec 2026 no mapping could read such a file: every order was BAD_JSON, naming a jq command that split it first. Now the
 * mapping declares the array and neraca reads each element as a sales line ({@link JsonOrderLinesTest}); a mapping that
 * does not is told how: at planning when the file's first record shows the array, else (a later line) by the BAD_JSON
 * detail. A file split by jq, as the docs still show as an aside, reads the same sales as the native reading. Pure: no Spark.
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
    static final String ORDER = "{\"order_no\":\"SO-1\",\"created_at\":\"2025-11-01 07:30:00\",\"status\":\"COMPLETED\"," + STORE
            + ",\"items\":[" + KRIPIK + "," + KOPI + "]}";

    @Test
    void aFileWhoseFirstOrderHoldsItsLinesInAnArrayIsRefusedAtPlanningSayingHowToDeclareIt() throws Exception {
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Files.writeString(maps.resolve("omnichannel.yaml"), MAPPING);
        Path dir = Files.createDirectories(tmp.resolve("dumps/omnichannel"));
        Files.writeString(dir.resolve("orders_2025-11.jsonl"), ORDER + "\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(), Mappings.load(maps), false, 0, "data/marketplaces");
        assertEquals(List.of("omnichannel/orders_2025-11.jsonl line 1: mapping 'omnichannel' reads 'items.item_id' (columns.line_key), "
                + "but in the file's first record 'items' holds an array of 2 object(s) with that field: each JSON line is an order "
                + "with its lines in 'items'. Declare it in data/marketplaces/omnichannel.yaml: format: {type: jsonl, order_lines: "
                + "items} (each element is then one sales line, read by the paths under 'items'; docs/MAPPINGS.md, \"An order's "
                + "lines in an array\")"), plan.errors().stream().map(DumpPlanner.Issue::render).toList());
        assertEquals(NeracaException.EXIT_DATA, plan.errors().get(0).exit());
    }

    @Test
    void aLaterOrderWithItsLinesInAnArrayIsBadJsonNamingTheKeyThatReadsThem() throws Exception {
        // the first line has the flat shape the mapping reads (one line per item), the second an order with an array
        String flat = "{\"order_no\":\"SO-0\",\"created_at\":\"2025-11-01 07:00:00\",\"status\":\"COMPLETED\"," + STORE
                + ",\"items\":" + KRIPIK.replace("SO-1-1", "SO-0-1") + "}";
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "omnichannel", MAPPING, "orders_2025-11.jsonl", flat + "\n" + ORDER + "\n");
        assertEquals(2, rows.size());
        assertNull(rows.get(0).getAs("reason_code"));
        assertEquals("BAD_JSON", rows.get(1).getAs("reason_code"));
        assertEquals("'items' holds a JSON array of 2 value(s), not an object: the mapping reads 'items.item_id', a field inside it. "
                + "The export's shape differs from the mapping's: if each JSON line is an order with its lines in this array, declare "
                + "it in the mapping: format: {type: jsonl, order_lines: items} (each element is then one sales line, read by the "
                + "paths under items; docs/MAPPINGS.md, \"An order's lines in an array\"); else point the mapping at a field that "
                + "holds one value", rows.get(1).getAs("reason_detail"));
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
    void theMappingDeclaringTheArrayReadsTheOrderAsTheSalesLinesTheJqSplitGives() throws Exception {
        String split = "{\"order_no\":\"SO-1\",\"created_at\":\"2025-11-01 07:30:00\",\"status\":\"COMPLETED\"," + STORE + ",\"items\":" + KRIPIK + "}\n"
                + "{\"order_no\":\"SO-1\",\"created_at\":\"2025-11-01 07:30:00\",\"status\":\"COMPLETED\"," + STORE + ",\"items\":" + KOPI + "}\n";
        List<Row> viaJq = IngestFixtures.parseWithMapping(tmp.resolve("jq"), "omnichannel", MAPPING, "orders_2025-11.jsonl", split);
        List<Row> native_ = IngestFixtures.parseWithMapping(tmp.resolve("native"), "omnichannel",
                MAPPING.replace("format: {type: jsonl}", "format: {type: jsonl, order_lines: items}"), "orders_2025-11.jsonl", ORDER + "\n");
        java.util.function.Function<Row, String> sale = r -> r.getAs("sale_id") + " " + r.getAs("product_title") + " " + r.getAs("quantity")
                + " " + r.getAs("gmv_idr") + " " + r.getAs("seller_province_code") + " " + r.getAs("order_ts") + " " + r.getAs("reason_code");
        assertEquals(viaJq.stream().map(sale).toList(), native_.stream().map(sale).toList());
        // lineage: the split file's lines, the order's line and each element's place in it
        assertEquals(List.of("1 null", "2 null"), viaJq.stream().map(r -> r.getAs("source_line") + " " + r.getAs(IngestSchemas.SOURCE_ELEMENT)).toList());
        assertEquals(List.of("1 0", "1 1"), native_.stream().map(r -> r.getAs("source_line") + " " + r.getAs(IngestSchemas.SOURCE_ELEMENT)).toList());
    }
}
