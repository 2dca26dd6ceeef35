package id.neraca.ingest;

import id.neraca.core.NeracaException;
import id.neraca.ingest.mapping.Mappings;
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
 * A blank currency on a dump priced in foreign currencies: the bundled crossborder mapping requires its currency column
 * ({@code required: true}), so a blank is MISSING_VALUE instead of US$14.77 counted as Rp14.77. And the renminbi written
 * {@code RMB}, or the dollar {@code US$}, is read as its ISO code instead of NO_FX_RATE / UNKNOWN_CURRENCY.
 */
class RequiredCurrencyTest {
    @TempDir
    Path tmp;

    private static final String XB_HEADER = "order_no,item_no,order_time,store_id,store_name,store_country,store_registration_no,"
            + "store_id_type,ship_from,item_title,brand,category,qty,unit_price,currency,order_state,buyer_city\n";

    private static String xb(String item, String price, String currency) {
        return "XB1," + item + ",1672583586383,XS1,Hangzhou Toys,CN,E22013631,PASSPORT,CN,Gundam Kit,Bandai,Toys,2," + price + ","
                + currency + ",FINISHED,Bandung\n";
    }

    @Test
    void blankCurrencyOnTheCrossBorderExportIsQuarantinedNotRupiah() throws Exception {
        List<Row> rows = IngestFixtures.parseWithBundledMapping(tmp, "crossborder", "crossborder/xb_orders_2023-01.csv",
                XB_HEADER + xb("blank", "14.77", "") + xb("spaces", "14.77", "  ") + xb("usd", "14.77", "USD"));
        for (int i = 0; i < 2; i++) {
            assertEquals("MISSING_VALUE", rows.get(i).getAs("reason_code"));
            assertEquals("currency (currency): blank, and the mapping requires a value (columns.currency.required: true): "
                    + "a blank currency is not read as IDR in a dump whose prices come in several currencies",
                    rows.get(i).getAs("reason_detail"));
        }
        assertNull(rows.get(2).getAs("reason_code"));
        assertEquals("USD", rows.get(2).getAs("source_currency"));
    }

    @Test
    void withoutRequiredABlankCurrencyIsStillRupiah() throws Exception {
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "storefront", EnglishLocaleAmountsTest.MAPPING, "orders.csv", """
                order,time,state,title,qty,price,cur,seller,shop
                C1,2024-03-05 10:00,done,Kaos,1,"125,000",,S1,T1
                """);
        assertNull(rows.get(0).getAs("reason_code"));
        assertEquals("IDR", rows.get(0).getAs("source_currency"));
        assertEquals(new BigDecimal("125000.00"), rows.get(0).getAs("unit_price_idr"));
    }

    @Test
    void rmbIsTheRenminbiAndUsDollarSignIsUsd() throws Exception {
        assertEquals("CNY", Parsers.currency("RMB"));
        assertEquals("CNY", Parsers.currency(" rmb\u00a0"));
        assertEquals("USD", Parsers.currency("US$"));
        assertEquals("USD", Parsers.currency("usd"));
        assertEquals("UNKNOWN_CURRENCY", assertThrows(ParseFailure.class, () -> Parsers.currency("$")).code());
        assertEquals("UNKNOWN_CURRENCY", assertThrows(ParseFailure.class, () -> Parsers.currency("\u00a5")).code());
        List<Row> rows = IngestFixtures.parseWithBundledMapping(tmp, "crossborder", "crossborder/xb_orders_2023-01.csv",
                XB_HEADER + xb("rmb", "88.00", "RMB") + xb("usd_sym", "14.77", "US$"));
        assertNull(rows.get(0).getAs("reason_code"), String.valueOf(rows.get(0)));
        assertEquals("CNY", rows.get(0).getAs("source_currency"));
        assertEquals(new BigDecimal("198110.66"), rows.get(0).getAs("unit_price_idr"));   // 88.00 x 2,251.2575 (2023-01)
        assertNull(rows.get(1).getAs("reason_code"), String.valueOf(rows.get(1)));
        assertEquals("USD", rows.get(1).getAs("source_currency"));
        assertEquals(new BigDecimal("225788.25"), rows.get(1).getAs("unit_price_idr"));   // 14.77 x 15,286.95
    }

    @Test
    void requiredWithDefaultOrOptionalIsAMappingError() {
        String base = """
                marketplace: m
                files: ["m/*.csv"]
                format: {type: csv}
                grain: ORDER_LINE
                columns:
                  order_id: {source: o}
                  order_ts: {source: t, formats: [iso]}
                  status: {source: s, map: {done: COMPLETED}}
                  quantity: {source: q}
                  unit_price: {source: p}
                """;
        NeracaException d = assertThrows(NeracaException.class,
                () -> Mappings.parse("m.yaml", base + "  currency: {source: c, required: true, default: IDR}\n"));
        assertTrue(d.getMessage().contains("columns.currency.required and default contradict"), d.getMessage());
        NeracaException o = assertThrows(NeracaException.class,
                () -> Mappings.parse("m.yaml", base + "  currency: {source: c, required: true, optional: true}\n"));
        assertTrue(o.getMessage().contains("columns.currency.required and optional contradict"), o.getMessage());
    }
}
