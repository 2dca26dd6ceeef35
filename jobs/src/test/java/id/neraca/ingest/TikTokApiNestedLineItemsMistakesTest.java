package id.neraca.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An economist maps a TikTok-Shop-API-like export whose orders sit under {@code "order"} with their lines in
 * {@code order.line_items}, and makes the mistakes such a mapping invites: a misspelt array name, a {@code $.}-rooted
 * path as jq and JSONPath write it, a line's field read without the array's prefix. Each must say what to write.
 * Expected messages written by hand. Pure: no Spark.
 */
class TikTokApiNestedLineItemsMistakesTest {
    @TempDir
    Path tmp;

    static final String MAPPING = """
            marketplace: tts-api
            files: ["tts-api/*.jsonl"]
            format:
              type: jsonl
              order_lines: order.line_items
            grain: ORDER_LINE
            columns:
              order_id: {path: order.id}
              line_key: {path: order.line_items.id}
              order_ts: {path: order.create_time, formats: ["yyyy-MM-dd HH:mm:ss"], zone: SELLER}
              status: {path: order.status, map: {COMPLETED: COMPLETED, CANCELLED: CANCELLED}}
              product_title: {path: order.line_items.product_name}
              quantity: {path: order.line_items.quantity}
              unit_price: {path: order.line_items.sale_price, parser: decimal}
              seller_city: {path: order.seller.city}
            """;

    /** One order of two lines, a Jayapura shop; its lines under order.line_items, a buyer's tags in a top-level array. */
    static final String ORDER = "{\"order\":{\"id\":\"576900000031\",\"status\":\"COMPLETED\",\"create_time\":\"2025-11-05 11:37:00\","
            + "\"seller\":{\"city\":\"Kota Jayapura\"},\"line_items\":[{\"id\":\"LI1\",\"product_name\":\"Noken Anyaman\","
            + "\"quantity\":2,\"sale_price\":\"150000\"},{\"id\":\"LI2\",\"product_name\":\"Kopi Wamena\",\"quantity\":3,"
            + "\"sale_price\":245000.5}]},\"tags\":[\"promo\"]}";

    @Test
    void aMisspeltNestedArrayNameIsNoItemsNamingTheArraysInsideTheOrder() throws IOException {
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "tts-api", MAPPING.replace("order.line_items", "order.lineitems"),
                "orders_2025-11.jsonl", ORDER + "\n");
        assertEquals(1, rows.size());
        assertEquals("NO_ITEMS", rows.get(0).getAs("reason_code"));
        assertEquals("the order has no 'order.lineitems', the array format.order_lines names: an order without lines has no sale "
                + "to count; the order's arrays: order.line_items, tags (is format.order_lines misspelt?)", rows.get(0).getAs("reason_detail"));
    }

    @Test
    void aDollarRootedArrayPathIsRefusedWithThePathToWrite() {
        String msg = assertThrows(id.neraca.core.NeracaException.class, () -> id.neraca.ingest.mapping.Mappings.parse("tts-api.yaml",
                MAPPING.replace("order_lines: order.line_items", "order_lines: $.order.line_items"))).getMessage();
        assertEquals("tts-api.yaml (line 5): format.order_lines must be the dotted path of the array that holds each order's lines, "
                + "as column paths write it (items, order.line_items: no brackets, no leading dot); got '$.order.line_items': write "
                + "'order.line_items'", msg);
    }

    @Test
    void aLineFieldReadWithoutTheArrayPrefixIsRefusedAtPlanningNamingThePathToWrite() throws IOException {
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Files.writeString(maps.resolve("tts-api.yaml"), MAPPING.replace("{path: order.line_items.product_name}", "{path: product_name}"));
        Path dir = Files.createDirectories(tmp.resolve("dumps/tts-api"));
        Files.writeString(dir.resolve("orders_2025-11.jsonl"), ORDER + "\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(), id.neraca.ingest.mapping.Mappings.load(maps), false,
                0, "data/marketplaces");
        assertEquals(List.of("tts-api/orders_2025-11.jsonl line 1: mapping 'tts-api' reads 'product_name' (columns.product_title) "
                + "from the order, but in the file's first record the order has no 'product_name' and the elements of "
                + "'order.line_items' (its lines) have one: every line's product_title would be blank. Write path: "
                + "order.line_items.product_name in data/marketplaces/tts-api.yaml"),
                plan.errors().stream().map(DumpPlanner.Issue::render).toList());
    }

    /** A cancelled order with no lines (an empty array), then one without the array at all: neither says the lines' shape. */
    static final String NO_LINES = "{\"order\":{\"id\":\"576900000030\",\"status\":\"CANCELLED\",\"create_time\":\"2025-11-05 10:00:00\","
            + "\"seller\":{\"city\":\"Kota Jayapura\"},\"line_items\":[]}}\n"
            + "{\"order\":{\"id\":\"576900000029\",\"status\":\"CANCELLED\",\"create_time\":\"2025-11-05 09:00:00\","
            + "\"seller\":{\"city\":\"Kota Jayapura\"}}}\n";

    private List<String> planErrors(String mapping, String content) throws IOException {
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Files.writeString(maps.resolve("tts-api.yaml"), mapping);
        Path dir = Files.createDirectories(tmp.resolve("dumps/tts-api"));
        Files.writeString(dir.resolve("orders_2025-11.jsonl"), content);
        return DumpPlanner.plan(tmp.resolve("dumps").toString(), id.neraca.ingest.mapping.Mappings.load(maps), false, 0,
                "data/marketplaces").errors().stream().map(DumpPlanner.Issue::render).toList();
    }

    @Test
    void theChecksLookPastFirstOrdersWithoutLinesToTheFirstThatHasThem() throws IOException {
        // the first two orders have no lines: the third, on line 3, is the one whose elements show the missing prefix
        assertEquals(List.of("tts-api/orders_2025-11.jsonl line 3: mapping 'tts-api' reads 'product_name' (columns.product_title) "
                + "from the order, but in line 3 (the file's first record where 'order.line_items' is not missing, null or empty) "
                + "the order has no 'product_name' and the elements of 'order.line_items' (its lines) have one: every line's "
                + "product_title would be blank. Write path: order.line_items.product_name in data/marketplaces/tts-api.yaml"),
                planErrors(MAPPING.replace("{path: order.line_items.product_name}", "{path: product_name}"), NO_LINES + ORDER + "\n"));
        // an array path holding an object, found the same way
        String object = ORDER.replace("[{\"id\":\"LI1\"", "{\"id\":\"LI1\"").replace(",{\"id\":\"LI2\",\"product_name\":\"Kopi Wamena\","
                + "\"quantity\":3,\"sale_price\":245000.5}]", "");
        assertEquals(List.of("tts-api/orders_2025-11.jsonl line 3: format.order_lines of mapping 'tts-api' names 'order.line_items', "
                + "which holds a JSON object (keys: id, product_name, quantity, sale_price) in line 3 (the file's first record where "
                + "'order.line_items' is not missing, null or empty), not an array of the order's lines: every order would be "
                + "BAD_JSON. Point format.order_lines in data/marketplaces/tts-api.yaml at the array that holds each order's lines"),
                planErrors(MAPPING, NO_LINES + object + "\n"));
    }

    @Test
    void aFileWhoseFirstOrdersHaveNoLinesPlansCleanlyWithTheRightMapping() throws IOException {
        assertEquals(List.of(), planErrors(MAPPING, NO_LINES + ORDER + "\n"));
        // no order with lines among the first 20: nothing to check at planning (each is NO_ITEMS when read)
        assertEquals(List.of(), planErrors(MAPPING.replace("{path: order.line_items.product_name}", "{path: product_name}"),
                NO_LINES.repeat(10) + ORDER + "\n"));
    }

    @Test
    void theSameOrderWithTheRightMappingIsTwoSalesLinesAndPlansCleanly() throws IOException {
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "tts-api", MAPPING, "orders_2025-11.jsonl", ORDER + "\n");
        assertEquals(List.of("tts-api:576900000031:LI1 Noken Anyaman 2 150000.00 300000.00 2025-11",
                        "tts-api:576900000031:LI2 Kopi Wamena 3 245000.50 735001.50 2025-11"),
                rows.stream().map(r -> r.getAs("sale_id") + " " + r.getAs("product_title") + " " + r.getAs("quantity") + " "
                        + r.getAs("unit_price_idr") + " " + r.getAs("gmv_idr") + " " + r.getAs("period_month")).toList());
    }
}
