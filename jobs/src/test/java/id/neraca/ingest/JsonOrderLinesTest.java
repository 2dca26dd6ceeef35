package id.neraca.ingest;

import id.neraca.ingest.ids.SellerKeys;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON Lines whose lines are orders with their sales lines in an array ({@code "items":[{...},{...}]}, as marketplace
 * APIs and ERP exports write them), read natively with {@code format.order_lines: items}: each element one sales line,
 * paths under {@code items.} read the element and the others the order. Expected rows written by hand. Pure: no Spark
 * (duplicate resolution across dumps, the manifest and the quarantine files: {@link JsonOrderLinesIngestTest}).
 */
class JsonOrderLinesTest {
    @TempDir
    Path tmp;

    static final String MAPPING = """
            marketplace: omnichannel
            files: ["omnichannel/*.jsonl", "omnichannel/*.jsonl.gz"]
            format: {type: jsonl, order_lines: items}
            grain: ORDER_LINE
            export_order: 'orders_(\\d{4}-\\d{2})'
            pii: ["store.name", "items.buyer_note"]
            columns:
              order_id: {path: order_no}
              line_key: {path: items.item_id}
              order_ts: {path: created_at, formats: ["yyyy-MM-dd HH:mm:ss"], zone: SELLER}
              status: {path: status, map: {COMPLETED: COMPLETED, CANCELLED: CANCELLED}}
              product_title: {path: items.name}
              quantity: {path: items.qty}
              unit_price: {path: items.price.amount, parser: decimal}
              currency: {path: items.price.currency}
              shop_name: {path: store.name}
              seller_city: {path: store.city}
            """;

    /** The mapping without line_key: each line keyed by its content (title), with its occurrence among identical ones. */
    static final String MAPPING_WITHOUT_LINE_KEY = MAPPING.replace("  line_key: {path: items.item_id}\n", "");

    static String item(String id, String name, int qty, String amount) {
        return "{\"item_id\":\"" + id + "\",\"name\":\"" + name + "\",\"qty\":" + qty + ",\"price\":{\"amount\":\"" + amount
                + "\",\"currency\":\"IDR\"},\"buyer_note\":\"kirim cepat ya\"}";
    }

    static String order(String no, String at, String shop, String city, String items) {
        return "{\"order_no\":\"" + no + "\",\"created_at\":\"" + at + "\",\"status\":\"COMPLETED\",\"store\":{\"name\":\"" + shop
                + "\",\"city\":\"" + city + "\"},\"buyer\":{\"name\":\"Andi\",\"phone\":\"081234567890\"}" + (items == null ? "" : ",\"items\":" + items) + "}";
    }

    /** SO-1: three lines, a shop in Makassar (WITA); SO-2: two lines, a shop in Jayapura (WIT). */
    static final String SO_1 = order("SO-1", "2025-11-01 07:30:00", "Makassar Snack", "Kota Makassar", "["
            + item("SO-1-1", "Kripik Pisang", 3, "32500.00") + "," + item("SO-1-2", "Kopi Toraja", 1, "85000") + ","
            + item("SO-1-3", "Sambal Roa", 2, "27500.50") + "]");
    static final String SO_2 = order("SO-2", "2025-11-03 20:15:00", "Noken Papua", "Kota Jayapura", "["
            + item("SO-2-1", "Noken Anyaman", 1, "150000") + "," + item("SO-2-2", "Kopi Wamena", 4, "65000") + "]");

    static String show(Row r) {
        return r.getAs("source_line") + " " + r.getAs(IngestSchemas.SOURCE_ELEMENT) + " " + r.getAs("sale_id") + " "
                + r.getAs("product_title") + " " + r.getAs("quantity") + " " + r.getAs("unit_price_idr") + " " + r.getAs("gmv_idr")
                + " " + r.getAs("seller_province_code") + " " + r.getAs("order_ts") + " " + r.getAs("period_month") + " "
                + r.getAs("reason_code");
    }

    @Test
    void twoOrdersOfThreeAndTwoLinesAreFiveSalesLinesEachWithItsOrdersFields() throws Exception {
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "omnichannel", MAPPING, "orders_2025-11.jsonl", SO_1 + "\n" + SO_2 + "\n");
        // Makassar is WITA (UTC+8): 07:30 is 23:30 UTC the day before, a sale of November; Jayapura WIT (UTC+9)
        assertEquals(List.of(
                "1 0 omnichannel:SO-1:SO-1-1 Kripik Pisang 3 32500.00 97500.00 73 2025-10-31 23:30:00.0 2025-11 null",
                "1 1 omnichannel:SO-1:SO-1-2 Kopi Toraja 1 85000.00 85000.00 73 2025-10-31 23:30:00.0 2025-11 null",
                "1 2 omnichannel:SO-1:SO-1-3 Sambal Roa 2 27500.50 55001.00 73 2025-10-31 23:30:00.0 2025-11 null",
                "2 0 omnichannel:SO-2:SO-2-1 Noken Anyaman 1 150000.00 150000.00 91 2025-11-03 11:15:00.0 2025-11 null",
                "2 1 omnichannel:SO-2:SO-2-2 Kopi Wamena 4 65000.00 260000.00 91 2025-11-03 11:15:00.0 2025-11 null"),
                rows.stream().map(JsonOrderLinesTest::show).toList());
        // the order's shop keys every one of its lines
        String key = SellerKeys.of(IngestFixtures.KEY).hmac("SHOP:omnichannel:Makassar Snack");
        assertEquals(List.of(key, key, key), rows.subList(0, 3).stream().map(r -> r.<String>getAs("seller_key")).toList());
    }

    @Test
    void anElementWithABadPriceIsQuarantinedAloneNamingItsIndexAndItsSiblingsAreRead() throws Exception {
        String order = SO_1.replace("\"amount\":\"85000\"", "\"amount\":\"85.000\"");
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "omnichannel", MAPPING, "orders_2025-11.jsonl", order + "\n");
        // the failed element keeps the sale_id its line key and order number give it (RecordParser.withIdentity: its order's
        // later snapshot does not supersede an earlier readable version of it), and nothing else
        assertEquals(List.of(
                "1 0 omnichannel:SO-1:SO-1-1 Kripik Pisang 3 32500.00 97500.00 73 2025-10-31 23:30:00.0 2025-11 null",
                "1 1 omnichannel:SO-1:SO-1-2 null null null null null null null BAD_PRICE",
                "1 2 omnichannel:SO-1:SO-1-3 Sambal Roa 2 27500.50 55001.00 73 2025-10-31 23:30:00.0 2025-11 null"),
                rows.stream().map(JsonOrderLinesTest::show).toList());
        Row bad = rows.get(1);
        assertTrue(bad.<String>getAs("reason_detail").startsWith("items[1]: unit_price (items.price.amount): "), bad.<String>getAs("reason_detail"));
        // its raw text: the order, masked as a line is (the shop's name and the buyer: personal data), with the element it
        // is in the array's place, under the key items[1]; its siblings are rows of their own
        assertEquals("{\"order_no\":\"SO-1\",\"created_at\":\"2025-11-01 07:30:00\",\"status\":\"COMPLETED\",\"store\":{\"name\":\"***\","
                + "\"city\":\"Kota Makassar\"},\"buyer\":\"***\",\"items[1]\":{\"item_id\":\"SO-1-2\",\"name\":\"Kopi Toraja\",\"qty\":1,"
                + "\"price\":{\"amount\":\"85.000\",\"currency\":\"IDR\"},\"buyer_note\":\"***\"}}", bad.getAs("raw_row"));
    }

    @Test
    void anOrderWithAnEmptyArrayOrNoneIsOneNoItemsRowNotDropped() throws Exception {
        String empty = order("SO-3", "2025-11-04 10:00:00", "Makassar Snack", "Kota Makassar", "[]");
        // its lines under another name than the mapping's: every order of such a file would be NO_ITEMS, which says so
        String missing = "{\"order_no\":\"SO-4\",\"created_at\":\"2025-11-04 11:00:00\",\"status\":\"COMPLETED\",\"store\":"
                + "{\"name\":\"Makassar Snack\",\"city\":\"Kota Makassar\"},\"lines\":[{\"item_id\":\"SO-4-1\"}]}";
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "omnichannel", MAPPING, "orders_2025-11.jsonl",
                SO_2 + "\n" + empty + "\n" + missing + "\n");
        assertEquals(List.of("1 0 omnichannel:SO-2:SO-2-1", "1 1 omnichannel:SO-2:SO-2-2", "2 null NO_ITEMS", "3 null NO_ITEMS"),
                rows.stream().map(r -> r.getAs("source_line") + " " + r.getAs(IngestSchemas.SOURCE_ELEMENT) + " "
                        + (r.getAs("reason_code") == null ? r.getAs("sale_id") : r.getAs("reason_code"))).toList());
        assertEquals("'items' is an empty array: the order has no lines, so no sale to count", rows.get(2).getAs("reason_detail"));
        assertEquals("{\"order_no\":\"SO-3\",\"created_at\":\"2025-11-04 10:00:00\",\"status\":\"COMPLETED\",\"store\":{\"name\":\"***\","
                + "\"city\":\"Kota Makassar\"},\"buyer\":\"***\",\"items\":[]}", rows.get(2).getAs("raw_row"));
        assertEquals("the order has no 'items', the array format.order_lines names: an order without lines has no sale to count; "
                + "the order's arrays: lines (is format.order_lines misspelt?)", rows.get(3).getAs("reason_detail"));
    }

    /**
     * The line key of an element without one, as docs/MAPPINGS.md states it: "-t" and the first 16 hex digits of the SHA-256
     * of its title (UTF-8), computed here with the JDK's digest, not the code under test.
     */
    static String t(String title) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(title.getBytes(StandardCharsets.UTF_8));
            return "-t" + java.util.HexFormat.of().formatHex(d).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutALineKeyEachLineIsKeyedByItsContentTheSameOnEveryRead() throws Exception {
        List<Row> first = IngestFixtures.parseWithMapping(tmp, "omnichannel", MAPPING_WITHOUT_LINE_KEY, "orders_2025-11.jsonl",
                SO_1 + "\n" + SO_2 + "\n");
        List<String> ids = first.stream().map(r -> r.<String>getAs("sale_id")).toList();
        // each line keyed by its title, as a CSV line without a SKU is (no mapped variation): not by its place (-i0, -i1)
        assertEquals(List.of("omnichannel:SO-1:" + t("Kripik Pisang"), "omnichannel:SO-1:" + t("Kopi Toraja"),
                "omnichannel:SO-1:" + t("Sambal Roa"), "omnichannel:SO-2:" + t("Noken Anyaman"), "omnichannel:SO-2:" + t("Kopi Wamena")), ids);
        // the file read again, and the same orders in a later, overlapping export: the same keys, so they collapse
        assertEquals(ids, IngestFixtures.parseWithMapping(tmp.resolve("again"), "omnichannel", MAPPING_WITHOUT_LINE_KEY,
                "orders_2025-11.jsonl", SO_1 + "\n" + SO_2 + "\n").stream().map(r -> r.<String>getAs("sale_id")).toList());
        assertEquals(ids.subList(3, 5), IngestFixtures.parseWithMapping(tmp.resolve("later"), "omnichannel", MAPPING_WITHOUT_LINE_KEY,
                "orders_2025-12.jsonl", SO_2 + "\n").stream().map(r -> r.<String>getAs("sale_id")).toList());
        // the same order with its lines in another order: each line keeps its key, wherever it sits in the array
        String reordered = order("SO-2", "2025-11-03 20:15:00", "Noken Papua", "Kota Jayapura", "["
                + item("SO-2-2", "Kopi Wamena", 4, "65000") + "," + item("SO-2-1", "Noken Anyaman", 1, "150000") + "]");
        assertEquals(List.of(ids.get(4), ids.get(3)), IngestFixtures.parseWithMapping(tmp.resolve("reordered"), "omnichannel",
                MAPPING_WITHOUT_LINE_KEY, "orders_2025-12.jsonl", reordered + "\n").stream().map(r -> r.<String>getAs("sale_id")).toList());
        // a line key that is blank on one line: that line is keyed by its content too
        List<Row> blank = IngestFixtures.parseWithMapping(tmp.resolve("blank"), "omnichannel", MAPPING, "orders_2025-11.jsonl",
                SO_2.replace("\"item_id\":\"SO-2-2\"", "\"item_id\":\"\"") + "\n");
        assertEquals(List.of("omnichannel:SO-2:SO-2-1", "omnichannel:SO-2:" + t("Kopi Wamena")),
                blank.stream().map(r -> r.<String>getAs("sale_id")).toList());
    }

    @Test
    void twoIdenticalElementsOfOneOrderAreTwoLinesTheSecondKeyedWithItsOccurrence() throws Exception {
        // a shopper who added the same snack twice (an ERP that does not merge cart lines), and a third product between
        String twins = order("SO-8", "2025-11-05 09:00:00", "Makassar Snack", "Kota Makassar", "["
                + item("a", "Kripik Pisang", 1, "32500") + "," + item("b", "Kopi Toraja", 1, "85000") + ","
                + item("c", "Kripik Pisang", 1, "32500") + "]");
        // the same order in another file line (a later export), and another order with the same title once: counted afresh
        String other = order("SO-9", "2025-11-05 10:00:00", "Makassar Snack", "Kota Makassar", "[" + item("d", "Kripik Pisang", 2, "32500") + "]");
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "omnichannel", MAPPING_WITHOUT_LINE_KEY, "orders_2025-11.jsonl",
                twins + "\n" + other + "\n" + twins + "\n");
        assertEquals(List.of(
                "1 0 omnichannel:SO-8:" + t("Kripik Pisang") + " Kripik Pisang 1 32500.00 32500.00 73 2025-11-05 01:00:00.0 2025-11 null",
                "1 1 omnichannel:SO-8:" + t("Kopi Toraja") + " Kopi Toraja 1 85000.00 85000.00 73 2025-11-05 01:00:00.0 2025-11 null",
                "1 2 omnichannel:SO-8:" + t("Kripik Pisang") + "#2 Kripik Pisang 1 32500.00 32500.00 73 2025-11-05 01:00:00.0 2025-11 null",
                "2 0 omnichannel:SO-9:" + t("Kripik Pisang") + " Kripik Pisang 2 32500.00 65000.00 73 2025-11-05 02:00:00.0 2025-11 null",
                "3 0 omnichannel:SO-8:" + t("Kripik Pisang") + " Kripik Pisang 1 32500.00 32500.00 73 2025-11-05 01:00:00.0 2025-11 null",
                "3 1 omnichannel:SO-8:" + t("Kopi Toraja") + " Kopi Toraja 1 85000.00 85000.00 73 2025-11-05 01:00:00.0 2025-11 null",
                "3 2 omnichannel:SO-8:" + t("Kripik Pisang") + "#2 Kripik Pisang 1 32500.00 32500.00 73 2025-11-05 01:00:00.0 2025-11 null"),
                rows.stream().map(JsonOrderLinesTest::show).toList());
    }

    @Test
    void aMappedVariationTellsApartElementsOfOneTitleAndOnlyTrueTwinsAreNumbered() throws Exception {
        String mapping = MAPPING_WITHOUT_LINE_KEY.replace("  quantity: {path: items.qty}\n",
                "  quantity: {path: items.qty}\n  variation: {path: items.size}\n");
        String shirts = order("SO-9", "2025-11-05 09:00:00", "Makassar Snack", "Kota Makassar", "["
                + item("a", "Kaos Toraja", 1, "75000") + ","
                + "{\"name\":\"Kaos Toraja\",\"size\":\"L\",\"qty\":1,\"price\":{\"amount\":\"75000\",\"currency\":\"IDR\"}},"
                + "{\"name\":\"Kaos Toraja\",\"size\":\"M\",\"qty\":2,\"price\":{\"amount\":\"75000\",\"currency\":\"IDR\"}},"
                + "{\"name\":\"Kaos Toraja\",\"size\":\"M\",\"qty\":1,\"price\":{\"amount\":\"75000\",\"currency\":\"IDR\"}}]");
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "omnichannel", mapping, "orders_2025-11.jsonl", shirts + "\n");
        // the first element has no size: its key is its title's alone; L and M differ by their variation (title, a NUL,
        // the variation, as a CSV line's), and the second M is the order's second M
        assertEquals(List.of("omnichannel:SO-9:" + t("Kaos Toraja") + " 1", "omnichannel:SO-9:" + t("Kaos Toraja\u0000L") + " 1",
                "omnichannel:SO-9:" + t("Kaos Toraja\u0000M") + " 2", "omnichannel:SO-9:" + t("Kaos Toraja\u0000M") + "#2 1"),
                rows.stream().map(r -> r.getAs("sale_id") + " " + r.getAs("quantity")).toList());
    }

    @Test
    void anElementThatIsNoObjectOrHasTheWrongShapeIsBadJsonAloneAndALineThatIsNoJsonIsOneRow() throws Exception {
        String odd = SO_2.replace(item("SO-2-1", "Noken Anyaman", 1, "150000"), "\"SO-2-1\"")
                .replace("\"price\":{\"amount\":\"65000\",\"currency\":\"IDR\"}", "\"price\":65000");
        String broken = "{\"order_no\":\"SO-5\",\"items\":[{\"item_id\":\"SO-5-1\",\"qty\":1}";
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "omnichannel", MAPPING, "orders_2025-11.jsonl",
                odd + "\n" + broken + "\n" + SO_1 + "\n");
        assertEquals(List.of("1 0 BAD_JSON", "1 1 BAD_JSON", "2 null BAD_JSON", "3 0 null", "3 1 null", "3 2 null"),
                rows.stream().map(r -> r.getAs("source_line") + " " + r.getAs(IngestSchemas.SOURCE_ELEMENT) + " " + r.getAs("reason_code")).toList());
        assertEquals("items[0]: the element is a string, not an object holding the line's fields", rows.get(0).getAs("reason_detail"));
        assertTrue(rows.get(1).<String>getAs("reason_detail").startsWith("items[1]: 'items.price' holds a number, not an object: "),
                rows.get(1).<String>getAs("reason_detail"));
        assertTrue(rows.get(2).<String>getAs("reason_detail").startsWith("not a JSON object: "), rows.get(2).<String>getAs("reason_detail"));
        assertNull(rows.get(0).getAs("sale_id"));
    }

    @Test
    void aGzipFileIsReadTheSame() throws Exception {
        List<Row> plain = IngestFixtures.parseWithMapping(tmp.resolve("plain"), "omnichannel", MAPPING, "orders_2025-11.jsonl",
                SO_1 + "\n" + SO_2 + "\n");
        Path maps = Files.createDirectories(tmp.resolve("gz/maps"));
        Files.writeString(maps.resolve("omnichannel.yaml"), MAPPING);
        Path dir = Files.createDirectories(tmp.resolve("gz/dumps/omnichannel"));
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve("orders_2025-11.jsonl.gz")))) {
            o.write((SO_1 + "\n" + SO_2 + "\n").getBytes(StandardCharsets.UTF_8));
        }
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("gz/dumps").toString(), id.neraca.ingest.mapping.Mappings.load(maps), false);
        assertEquals(List.of(), IngestFixtures.problems(plan));
        FileTask t = plan.tasks().get(0);
        assertTrue(t.gzip());
        RecordParser p = new RecordParser(plan.mappings().get("omnichannel"), ReferenceData.load(IngestFixtures.reference(tmp)),
                SellerKeys.of(IngestFixtures.KEY), java.time.LocalDate.parse("2015-01-01"), java.time.LocalDate.parse("2026-11-30"));
        List<Row> gz = DumpReader.readAll(t, plan.mappings().get("omnichannel")).stream().map(r -> p.parse(r, t.exportKey())).toList();
        assertEquals(plain.stream().map(JsonOrderLinesTest::show).toList(), gz.stream().map(JsonOrderLinesTest::show).toList());
        assertEquals(5, gz.size());
    }

    @Test
    void aFileWhoseArrayPathHoldsAnObjectIsRefusedAtPlanning() throws IOException {
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Files.writeString(maps.resolve("omnichannel.yaml"), MAPPING);
        Path dir = Files.createDirectories(tmp.resolve("dumps/omnichannel"));
        Files.writeString(dir.resolve("orders_2025-11.jsonl"), order("SO-1", "2025-11-01 07:30:00", "Makassar Snack", "Kota Makassar",
                item("SO-1-1", "Kripik Pisang", 3, "32500.00")) + "\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(), id.neraca.ingest.mapping.Mappings.load(maps), false,
                0, "data/marketplaces");
        assertEquals(List.of("omnichannel/orders_2025-11.jsonl line 1: format.order_lines of mapping 'omnichannel' names 'items', "
                + "which holds a JSON object (keys: item_id, name, qty, price, buyer_note) in the file's first record, not an array of "
                + "the order's lines: every order would be BAD_JSON. Point format.order_lines in data/marketplaces/omnichannel.yaml "
                + "at the array that holds each order's lines"), plan.errors().stream().map(DumpPlanner.Issue::render).toList());
    }

    static String mappingError(String yaml) {
        return org.junit.jupiter.api.Assertions.assertThrows(id.neraca.core.NeracaException.class,
                () -> id.neraca.ingest.mapping.Mappings.parse("omnichannel.yaml", yaml)).getMessage();
    }

    @Test
    void aMappingWhoseArrayDisagreesWithItsColumnsIsRefusedNamingTheFileTheKeyAndTheFix() {
        assertEquals("omnichannel.yaml (line 3): format.order_lines is for JSON Lines whose lines are orders with their sales "
                + "lines in an array; a csv dump has one sales line per row (leave it out)",
                mappingError(MAPPING.replace("{type: jsonl, order_lines: items}", "{type: csv, order_lines: items}")
                        .replaceAll("\\{path: ([^,}]+)", "{source: \"$1\"")));
        assertEquals("omnichannel.yaml (line 3): format.order_lines must be the dotted path of the array that holds each order's "
                + "lines, as column paths write it (items, order.line_items: no brackets, no leading dot); got 'items[]': write 'items'",
                mappingError(MAPPING.replace("order_lines: items}", "order_lines: \"items[]\"}")));
        assertEquals("omnichannel.yaml (line 3): format.order_lines names 'item', but no column reads a field of its elements: "
                + "write each line's fields under it (quantity: {path: item.qty}, unit_price: {path: item.price.amount}); is the "
                + "array's name misspelt?", mappingError(MAPPING.replace("order_lines: items}", "order_lines: item}")));
        assertEquals("omnichannel.yaml (line 13): columns.quantity.path reads 'total_qty', a field of the order, but "
                + "format.order_lines says the order's lines are the elements of 'items': every line would take the order's value "
                + "(the order's figure counted once per line). Read the line's own field (path: items.<field>), or {constant: \"1\"} "
                + "when every line is one unit", mappingError(MAPPING.replace("{path: items.qty}", "{path: total_qty}")));
        assertEquals("omnichannel.yaml (line 9): columns.line_key.path reads 'order_no', a field of the order, but "
                + "format.order_lines says the order's lines are the elements of 'items': every line would take the order's value "
                + "(one sale_id for all of its lines). Read the line's own field (path: items.<field>), or leave line_key out (each "
                + "line is then keyed by its place in the array)", mappingError(MAPPING.replace("{path: items.item_id}", "{path: order_no}")));
        assertEquals("omnichannel.yaml (line 12): columns.product_title.path is 'items', the array format.order_lines names, not a "
                + "value: read a field of each element (path: items.<field>)", mappingError(MAPPING.replace("{path: items.name}", "{path: items}")));
    }

    @Test
    void validateSaysTheRowsAreSalesLinesAndHowManyOrdersTheyCameIn() {
        FileTask t = new FileTask("omnichannel/orders_2025-11.jsonl", "file:/x", "omnichannel", "2025-11", false, ',', new int[0],
                new int[0], 0, 100, "sha");
        IngestRun.FileCounts c = new IngestRun.FileCounts(t, 10, 4, 3, 3, java.util.Map.of(), java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of(), java.util.Map.of(), 5);
        assertEquals(" (sales lines, the elements of 'items', in 5 orders)", id.neraca.cli.Validate.ordersText(c, "items"));
        assertEquals("", id.neraca.cli.Validate.ordersText(c, null));
    }
}
