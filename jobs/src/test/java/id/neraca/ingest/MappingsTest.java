package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.core.NeracaException;
import id.neraca.ingest.mapping.Mapping;
import id.neraca.ingest.mapping.Mappings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mapping files are checked before Spark starts; every failure names the file and the key. */
class MappingsTest {
    static final String GOOD = """
            marketplace: lazada
            files: ["lazada/*.csv"]
            format: {type: csv, delimiters: [","]}
            grain: ORDER_LINE
            columns:
              order_id: {source: "Order Number"}
              order_ts: {source: "Created", formats: ["dd MMM yyyy HH:mm"]}
              status: {source: "Status", map: {delivered: COMPLETED}}
              quantity: {constant: "1"}
              unit_price: {source: "Paid Price", parser: decimal}
            """;

    private static String fail(String yaml) {
        NeracaException e = assertThrows(NeracaException.class, () -> Mappings.parse("lazada.yaml", yaml));
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        return e.getMessage();
    }

    @Test
    void theBundledMappingsLoad() {
        List<Mapping> ms = Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces"));
        assertEquals(List.of("blibli-api", "bukalapak", "crossborder", "lazada-seller", "lazada", "shopee-scrape", "shopee-seller", "shopee", "tiktokshop-seller",
                "tiktokshop", "tokopedia-scrape", "tokopedia-seller", "tokopedia"), ms.stream().map(Mapping::name).toList());
    }

    @Test
    void aGoodMappingBindsToTypedRecords() {
        Mapping m = Mappings.parse("lazada.yaml", GOOD);
        assertEquals("lazada", m.name());
        assertEquals("decimal", m.columns().unitPrice().parser());
        assertEquals(List.of(","), m.format().delimiters());
        assertEquals("UTF-8", m.format().encoding());
    }

    @Test
    void unknownKeysNameTheKeyAndTheAllowedOnes() {
        String m = fail(GOOD.replace("order_id:", "order_no:"));
        assertTrue(m.contains("lazada.yaml") && m.contains("unknown key 'order_no'") && m.contains("order_id") && m.contains("unit_price"), m);
        m = fail(GOOD.replace("format: {type: csv,", "format: {type: csv, sep: ';',"));
        assertTrue(m.contains("'sep'") && m.contains("delimiters"), m);
    }

    /**
     * A misspelt key inside a column's flow mapping is reported at its own line with the key meant; the first
     * "format:" of the file (line 4, the top-level section) was named instead, and nothing said 'formats'.
     */
    @Test
    void anUnknownKeyInAFlowMappingIsReportedAtItsOwnLineWithTheKeyMeant() {
        String m = fail("""
                marketplace: lazada
                description: x
                files: ["lazada/*.csv"]
                format:
                  type: csv
                  delimiters: [","]
                grain: ORDER_LINE
                columns:
                  order_id: {source: "Order Number"}
                  order_ts: {source: "Tanggal Order", format: ["dd-MM-yyyy HH:mm"]}
                  status: {source: "Status", map: {delivered: COMPLETED}}
                  quantity: {constant: "1"}
                  unit_price: {source: "Paid Price", parser: decimal}
                """);
        assertTrue(m.startsWith("lazada.yaml (line 10): unknown key 'format' at 'columns.order_ts.format'. Did you mean 'formats'? "
                + "Allowed keys here: "), m);
    }

    /** A check made after binding names the line of the key it is about (a missing column: the line of columns:). */
    @Test
    void semanticErrorsNameTheLineOfTheirKey() {
        String parser = fail(GOOD.replace("parser: decimal", "parser: rupiah"));
        assertTrue(parser.startsWith("lazada.yaml (line 10): columns.unit_price.parser must be one of [idr, decimal, amount_en]; "
                + "got 'rupiah'"), parser);
        String grain = fail(GOOD.replace("grain: ORDER_LINE", "grain: ORDER"));
        assertTrue(grain.startsWith("lazada.yaml (line 4): grain must be ORDER_LINE or LISTING_PERIOD"), grain);
        // the upper-case marketplace says what to write, at its line
        String mp = fail(GOOD.replace("marketplace: lazada", "marketplace: Lazada"));
        assertTrue(mp.startsWith("lazada.yaml (line 1): marketplace must be lowercase") && mp.endsWith(": write 'lazada'"), mp);
    }

    /** A column the grain requires says what to add, in the mapping's own words. */
    @Test
    void aMissingRequiredColumnSaysWhatToAdd() {
        String q = fail(GOOD.replace("  quantity: {constant: \"1\"}\n", ""));
        assertTrue(q.startsWith("lazada.yaml (line 5): columns.quantity is required for grain ORDER_LINE: add under columns: "
                + "quantity: {source: \"…\"} (the column of units), or quantity: {constant: \"1\"} when every line is one unit"), q);
    }

    /** A scalar where a list belongs is shown as the list it should be (the example was [en, id], another field's). */
    @Test
    void aScalarWhereAListBelongsIsShownAsThatList() {
        String files = fail(GOOD.replace("files: [\"lazada/*.csv\"]", "files: blibli/*.csv"));
        assertTrue(files.contains("lazada.yaml (line 2): invalid value at 'files': expected a list, like [\"blibli/*.csv\"] "
                + "(or one '- item' per line)"), files);
    }

    @Test
    void valuesAreChecked() {
        assertTrue(fail(GOOD.replace("grain: ORDER_LINE", "grain: ORDER")).contains("grain must be ORDER_LINE or LISTING_PERIOD"));
        assertTrue(fail(GOOD.replace("parser: decimal", "parser: money")).contains("columns.unit_price.parser must be one of [idr, decimal, amount_en]"));
        assertTrue(fail(GOOD.replace("COMPLETED}", "DONE}")).contains("COMPLETED, CANCELLED, RETURNED or OPEN"));
        assertTrue(fail(GOOD.replace("  order_id: {source: \"Order Number\"}\n", "")).contains("columns.order_id is required"));
        assertTrue(fail(GOOD.replace("{constant: \"1\"}", "{constant: \"1\", source: Qty}")).contains("exactly one of"));
        assertTrue(fail(GOOD.replace("type: csv", "type: xlsx")).contains("csv, jsonl, parquet"));
        assertTrue(fail(GOOD.replace("dd MMM yyyy HH:mm", "dd MMM yyyy HH:mm ppp{")).contains("not a date pattern"));
        assertTrue(fail(GOOD.replace("grain: ORDER_LINE", "grain: ORDER_LINE\nexport_order: 'x_\\d+'")).contains("capturing group"));
        assertTrue(fail(GOOD.replace("{source: \"Order Number\"}", "{path: order.number}")).contains("is for JSON Lines"));
    }
}
