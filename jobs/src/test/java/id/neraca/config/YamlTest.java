package id.neraca.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a YAML message finds the line of a key and the key meant by a misspelt one. */
class YamlTest {
    static final String TEXT = """
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
              status:
                source: Status
                format: x
            """;

    /** Every key by its path, block and flow style alike, and the scalars written under them. */
    @Test
    void locateFindsEachKeyByItsPath() {
        Yaml.Locations at = Yaml.locate(TEXT);
        assertEquals(4, at.line("format"));
        assertEquals(10, at.line("columns.order_ts.format"));
        assertEquals(13, at.line("columns.status.format"));
        assertEquals(10, at.line("columns.order_ts.parser"), "a key not written: its parent's line");
        assertEquals(8, at.line("columns.quantity"));
        assertEquals(0, at.line("nothing"));
        assertEquals("lazada/*.csv", at.scalar("files.[0]"));
        assertEquals("csv", at.scalar("format.type"));
    }

    /** The text search, when no path is known: the match nearest to the parser's line and not after it, flow style too. */
    @Test
    void keyLineTakesTheMatchNearestToAndNotAfterTheParsersLine() {
        assertEquals(10, Yaml.keyLine(TEXT, "format", 11));
        assertEquals(4, Yaml.keyLine(TEXT, "format", 5));
        assertEquals(13, Yaml.keyLine(TEXT, "format", 14));
        assertEquals(4, Yaml.keyLine(TEXT, "format", 2), "none before: the first");
        assertEquals(7, Yaml.keyLine(TEXT, "unknown", 7), "none at all: the parser's");
    }

    @Test
    void didYouMeanNamesTheClosestAllowedKeyOnlyWhenClose() {
        List<String> keys = List.of("default", "file_regex", "formats", "map", "parser", "path", "source", "zone");
        assertEquals(" Did you mean 'formats'?", Yaml.didYouMean("format", keys));
        assertEquals(" Did you mean 'formats'?", Yaml.didYouMean("fromats", keys));
        assertEquals(" Did you mean 'source'?", Yaml.didYouMean("Source", keys));
        assertEquals("", Yaml.didYouMean("timezone", keys), "too far from zone");
        assertEquals("", Yaml.didYouMean("sep", List.of("delimiters", "quote", "encoding")));
        assertEquals(" Did you mean 'order_id' or 'order_ts'?", Yaml.didYouMean("order_no", List.of("order_id", "order_ts", "period")));
    }

    @Test
    void aScalarBecomesAFlowListItemQuotedWhenYamlNeedsIt() {
        assertEquals("\"blibli/*.csv\"", Yaml.flowScalar("blibli/*.csv"));
        assertEquals("en", Yaml.flowScalar("en"));
        assertEquals("\"a: b\"", Yaml.flowScalar("a: b"));
    }
}
