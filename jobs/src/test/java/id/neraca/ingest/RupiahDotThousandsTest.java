package id.neraca.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rupiah amount written with a dot before three digits ({@code 34.000}, {@code 150.000}) in a column read by the
 * {@code decimal} parser: Indonesian thousands grouping, read until now as a decimal point, Rp34 for a Rp34,000 sale,
 * accepted without a word. It is BAD_PRICE with the fix in its detail; real decimals and other currencies still read.
 */
class RupiahDotThousandsTest {
    @TempDir
    Path tmp;

    @Test
    void aDotBeforeThreeDigitsInARupiahRowIsRefusedNotReadAsAFraction() {
        ParseFailure f = assertThrows(ParseFailure.class, () -> Parsers.decimal("34.000", "IDR"));
        assertEquals("BAD_PRICE", f.code());
        assertTrue(f.getMessage().contains("'34.000'") && f.getMessage().contains("(34000)")
                && f.getMessage().contains("parser idr"), f.getMessage());
        assertEquals("BAD_PRICE", assertThrows(ParseFailure.class, () -> Parsers.decimal("150.000", "IDR")).code());
        assertEquals("BAD_PRICE", assertThrows(ParseFailure.class, () -> Parsers.decimal("-1.500", "IDR")).code());
        // Indonesian grouping with more groups was refused before, and now says what it is
        ParseFailure g = assertThrows(ParseFailure.class, () -> Parsers.decimal("1.250.000", "IDR"));
        assertTrue(g.getMessage().contains("use parser idr"), g.getMessage());
    }

    @Test
    void realDecimalsAndOtherCurrenciesStillRead() {
        assertEquals(new BigDecimal("150000.00"), Parsers.decimal("150000.00", "IDR"));
        assertEquals(new BigDecimal("34000"), Parsers.decimal("34000", "IDR"));
        assertEquals(new BigDecimal("12.50"), Parsers.decimal("12.50", "IDR"));
        assertEquals(new BigDecimal("1234.567"), Parsers.decimal("1234.567", "IDR"));   // not a thousands group
        assertEquals(new BigDecimal("14.77"), Parsers.decimal("14.77", "USD"));
        assertEquals(new BigDecimal("14.775"), Parsers.decimal("14.775", "USD"));       // dollars may carry a third place
        assertEquals(new BigDecimal("88.000"), Parsers.decimal("88.000", "CNY"));
    }

    @Test
    void tokopediaStringAmountWithDotThousandsIsQuarantined() throws Exception {
        String line = "{\"invoice\":\"INV/20240301/MPL/%s\",\"line_id\":\"1\",\"created_at\":\"2024-03-01T15:25:38+07:00\","
                + "\"status\":\"delivered\",\"seller\":{\"shop_id\":\"1506819\",\"shop_name\":\"Toko\",\"id_type\":null,"
                + "\"id_number\":null,\"city\":\"Kota Bandung\",\"province\":\"Jawa Barat\"},\"product\":{\"name\":\"Masker\","
                + "\"category\":\"kesehatan\"},\"ship_from_country\":\"ID\",\"quantity\":2,\"price\":{\"amount\":%s,\"currency\":\"IDR\"}}\n";
        List<Row> rows = IngestFixtures.parseWithBundledMapping(tmp, "tokopedia", "tokopedia/tokopedia_orders_2024-03.jsonl",
                String.format(line, "dotted", "\"34.000\"") + String.format(line, "plain", "\"34000.00\"")
                        + String.format(line, "number", "34000"));
        assertEquals("BAD_PRICE", rows.get(0).getAs("reason_code"));
        assertTrue(rows.get(0).<String>getAs("reason_detail").startsWith("unit_price (price.amount): ambiguous: '34.000'"),
                rows.get(0).<String>getAs("reason_detail"));
        assertNull(rows.get(1).getAs("reason_code"));
        assertEquals(new BigDecimal("68000.00"), rows.get(1).getAs("gmv_idr"));
        assertNull(rows.get(2).getAs("reason_code"));
        assertEquals(new BigDecimal("34000.00"), rows.get(2).getAs("unit_price_idr"));
    }

    @Test
    void crossBorderRupiahRowWithDotThousandsIsQuarantinedWhileDollarsConvert() throws Exception {
        List<Row> rows = IngestFixtures.parseWithBundledMapping(tmp, "crossborder", "crossborder/xb_orders_2023-01.csv", """
                order_no,item_no,order_time,store_id,store_name,store_country,store_registration_no,store_id_type,ship_from,item_title,brand,category,qty,unit_price,currency,order_state,buyer_city
                XB1,idr_dotted,1672583586383,XS1,Hangzhou Toys,CN,E22013631,PASSPORT,CN,Gundam Kit,Bandai,Toys,2,150.000,IDR,FINISHED,Bandung
                XB2,usd,1672583586383,XS1,Hangzhou Toys,CN,E22013631,PASSPORT,CN,Gundam Kit,Bandai,Toys,2,14.77,USD,FINISHED,Bandung
                XB3,idr_plain,1672583586383,XS1,Hangzhou Toys,CN,E22013631,PASSPORT,CN,Gundam Kit,Bandai,Toys,2,150000.00,IDR,FINISHED,Bandung
                """);
        assertEquals("BAD_PRICE", rows.get(0).getAs("reason_code"));
        assertNull(rows.get(1).getAs("reason_code"));
        assertEquals(new BigDecimal("14.77"), rows.get(1).getAs("unit_price_source"));
        assertEquals(new BigDecimal("225788.25"), rows.get(1).getAs("unit_price_idr"));   // 14.77 x 15,286.95 (2023-01)
        assertNull(rows.get(2).getAs("reason_code"));
        assertEquals(new BigDecimal("150000.00"), rows.get(2).getAs("unit_price_idr"));
    }
}
