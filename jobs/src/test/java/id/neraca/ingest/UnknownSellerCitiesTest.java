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

/**
 * A seller city the regency table does not know and no province: a column writing city and province in one
 * ("Kota Denpasar, Bali"), a town that is no regency ("Wamena"). The sale was accepted with no province (under none in
 * every province table) and its time read in WIB, an hour off for a seller in Bali (order_ts), and nothing said so (the audit of
 * 2 Dec 2026). Ingest now counts such sales per file, warns once per run and writes them to the manifest, as it does for
 * unknown category labels. A seller abroad (a country, "Luar Negeri" flagged cross-border) and a city with a known
 * province are not counted.
 */
class UnknownSellerCitiesTest extends SparkTestBase {
    @TempDir
    Path tmp;

    static final String MAPPING = """
            marketplace: shop
            files: ["shop/*.csv"]
            format: {type: csv, delimiters: [","]}
            grain: ORDER_LINE
            columns:
              order_id: {source: order}
              order_ts: {source: time, formats: ["yyyy-MM-dd HH:mm"], zone: SELLER}
              status: {constant: COMPLETED, map: {COMPLETED: COMPLETED}}
              quantity: {constant: "1"}
              unit_price: {source: price}
              seller_city: {source: city}
              seller_province: {source: province}
              ship_from_country: {source: city}
              cross_border_flag: {source: city, map: {"Luar Negeri": "yes", "*": ""}}
            """;

    static final String CSV = "order,time,price,city,province\n"
            + "O1,2025-11-30 23:30,100000,Kota Denpasar,\n"             // known: Bali, WITA
            + "O2,2025-11-30 23:30,100000,\"Kota Denpasar, Bali\",\n"   // unknown, no province: read in WIB
            + "O3,2025-11-12 10:00,100000,\"Kota Denpasar, Bali\",\n"   // unknown
            + "O4,2025-11-12 10:00,100000,Wamena,\n"                    // unknown
            + "O5,2025-11-12 10:00,100000,Wamena,Papua Pegunungan\n"    // a province: WIT, not counted
            + "O6,2025-11-12 10:00,100000,China,\n"                     // abroad (ship-from CN): not counted
            + "O7,2025-11-12 10:00,100000,Luar Negeri,\n"               // abroad (cross-border): not counted
            + "O8,2025-11-12 10:00,100000,,\n";                         // no city: not counted

    @Test
    void salesWithACityTheRegencyTableDoesNotKnowAreCountedInTheManifest() throws Exception {
        JsonNode m = IngestFixtures.ingestStage(spark, tmp, "shop", MAPPING, Map.of("shop/orders-2025-11.csv", CSV), 0.05);
        JsonNode in = m.get("inputs").get(0);
        assertEquals(8, in.get("accepted").asLong());
        assertEquals(3, in.get("unknown_city_rows").asLong());
        assertEquals("{\"Kota Denpasar, Bali\":2,\"Wamena\":1}", in.get("unknown_city_labels").toString());
        assertEquals(3, m.at("/stages/IngestDumps/unknown_city_rows").asLong());
        // why it matters: the same sale, 23:30 on 30 November in Denpasar, has Bali's province and WITA's instant known, and
        // neither unknown (read in WIB: an hour late)
        List<Row> rows = spark.read().parquet(tmp.resolve("out/sales").toString()).filter("sale_id in ('shop:O1:-', 'shop:O2:-')")
                .orderBy("sale_id").collectAsList();
        assertEquals("51 2025-11-30T15:30:00Z | null 2025-11-30T16:30:00Z", rows.get(0).getAs("seller_province_code") + " "
                + rows.get(0).<java.sql.Timestamp>getAs("order_ts").toInstant() + " | " + rows.get(1).getAs("seller_province_code") + " "
                + rows.get(1).<java.sql.Timestamp>getAs("order_ts").toInstant());
    }

    @Test
    void theWarningNamesTheCitiesMostRowsFirstAndTheFix() {
        IngestRun.FileCounts a = new IngestRun.FileCounts(null, 10, 10, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of("Kota Denpasar, Bali", 2L, "Wamena", 1L));
        IngestRun.FileCounts b = new IngestRun.FileCounts(null, 10, 10, 0, 0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of("Wamena", 2L));
        assertEquals("5 accepted sales (25.0%) name a seller city the regency table does not know, and no province: they count "
                + "under no province and their times are read in WIB (one hour off in WITA, two in WIT): 'Wamena' 3, 'Kota "
                + "Denpasar, Bali' 2. Add the names as aliases in data/reference/regencies.csv, or map the seller's province too "
                + "(seller_province); a label that is no place (Tokopedia's 'Dilayani Tokopedia', fulfilled from its warehouse) is "
                + "mapped to blank (seller_city: {map: {\"Dilayani Tokopedia\": \"\"}}); and rerun; the manifest lists them per file (inputs[].unknown_city_labels)",
                IngestRun.unknownCitiesText(IngestRun.unknownCities(List.of(a, b)), 20, 5));
    }
}
