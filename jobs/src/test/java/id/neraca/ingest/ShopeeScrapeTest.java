package id.neraca.ingest;

import id.neraca.core.NeracaException;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Shopee listing scrape from its web API (data/marketplaces/shopee-scrape.yaml): `item_basic` objects whose prices are
 * integers in 1/100,000 rupiah. Read with `idr` alone, 1099900000 was Rp1.099.900.000 for a Rp10.999 headscarf (a
 * billion-rupiah listing, quietly); `divide_by: 100000` moves the point exactly. The fixture's first line is shaped on
 * a documented API response (a public client's comment); the others vary the location: "Luar Negeri" (abroad) is the
 * marketplace's cross-border flag, a country name the ship-from country, a regency or city the seller's place.
 */
class ShopeeScrapeTest {
    @TempDir
    Path tmp;

    private static int col(String name) {
        return IngestSchemas.PARSED.fieldIndex(name);
    }

    private List<Row> rows() throws Exception {
        String file = "shopee-scrape/shopee-search-2024-05-15.jsonl";
        String content = Files.readString(Path.of("src/test/resources/real-shapes").resolve(file));
        return IngestFixtures.parseWithBundledMapping(tmp, "shopee-scrape", file, content);
    }

    @Test
    void pricesInHundredThousandthsOfARupiahAreReadExactly() throws Exception {
        List<Row> rows = rows();
        assertEquals(4, rows.size());
        for (Row r : rows) assertNull(r.get(col("reason_code")), r.toString());
        assertEquals(List.of(new BigDecimal("10999.00"), new BigDecimal("45000.00"), new BigDecimal("12.35"), new BigDecimal("25000.00")),
                rows.stream().map(r -> (BigDecimal) r.get(col("unit_price_idr"))).toList(), "Rp12,34567 rounds half up to 2 places");
        assertEquals(List.of(1514L, 10000L, 320L, 0L), rows.stream().map(r -> ((Number) r.get(col("quantity"))).longValue()).toList(),
                "the cumulative sold count; none given is 0");
        assertEquals(new BigDecimal("16652486.00"), rows.get(0).get(col("gmv_idr")));
        for (Row r : rows) assertEquals("2024-05", r.getString(col("period_month")));
        assertEquals("LISTING_PERIOD", rows.get(0).getString(col("grain")));
    }

    @Test
    void theShopLocationGivesThePlaceTheCountryOrTheCrossBorderFlag() throws Exception {
        List<Row> rows = rows();
        assertEquals("Kabupaten Bogor", rows.get(0).getString(col("seller_city")));
        assertEquals("32", rows.get(0).getString(col("seller_province_code")));
        assertNull(rows.get(0).get(col("cross_border_flag")), "a regency says nothing about cross-border either way");
        assertNull(rows.get(0).get(col("ship_from_country")));
        assertEquals(Boolean.TRUE, rows.get(1).get(col("cross_border_flag")), "Luar Negeri: abroad");
        assertEquals("CN", rows.get(2).getString(col("ship_from_country")));
        assertNull(rows.get(2).get(col("cross_border_flag")));
        assertEquals("35", rows.get(3).getString(col("seller_province_code")), "KOTA SURABAYA");
        // the listing key and the shop are hashed: neither number reaches the sale id
        assertTrue(rows.get(0).getString(col("sale_id")).startsWith("shopee-scrape:"));
        assertTrue(!rows.get(0).getString(col("sale_id")).contains("23817650411"));
    }

    @Test
    void divideByIsAPowerOfTenOnAPriceColumn() throws Exception {
        String yaml = Files.readString(IngestFixtures.mappings().resolve("shopee-scrape.yaml"));
        for (String[] bad : new String[][]{
                {"divide_by: 100000}", "divide_by: 3}", "columns.unit_price.divide_by must be a power of ten from 10 to 1000000000"},
                {"quantity: {path: item_basic.historical_sold, parser: count, default: \"0\"}",
                        "quantity: {path: item_basic.historical_sold, parser: count, default: \"0\", divide_by: 10}",
                        "columns.quantity.divide_by applies to unit_price and line_total only"}}) {
            Path maps = Files.createDirectories(tmp.resolve("maps-" + bad[1].hashCode()));
            Files.writeString(maps.resolve("shopee-scrape.yaml"), yaml.replace(bad[0], bad[1]));
            NeracaException e = assertThrows(NeracaException.class, () -> Mappings.load(maps));
            assertTrue(e.getMessage().contains(bad[2]), e.getMessage());
        }
    }
}
