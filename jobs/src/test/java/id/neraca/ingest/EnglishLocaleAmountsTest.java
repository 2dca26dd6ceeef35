package id.neraca.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A storefront exporting in an English locale ({@code IDR 13,399}, {@code US$1,299.50}) read with {@code amount_en}: the
 * amounts idr refuses as ambiguous are read, and a currency marker that contradicts the row's currency column is
 * BAD_PRICE instead of rupiah converted at the dollar's rate.
 */
class EnglishLocaleAmountsTest {
    @TempDir
    Path tmp;

    static final String MAPPING = """
            marketplace: storefront
            description: An English-locale storefront export.
            files: ["storefront/*.csv", "storefront/*.jsonl"]
            format: {type: csv, delimiters: [","], header: true}
            grain: ORDER_LINE
            columns:
              order_id: {source: order}
              order_ts: {source: time, formats: ["yyyy-MM-dd HH:mm"], zone: WIB}
              status: {source: state, map: {done: COMPLETED}}
              product_title: {source: title}
              quantity: {source: qty, parser: integer}
              unit_price: {source: price, parser: amount_en}
              currency: {source: cur}
              seller_id: {source: seller}
              shop_id: {source: shop}
            """;

    private List<Row> ingest(String csv) throws Exception {
        return IngestFixtures.parseWithMapping(tmp, "storefront", MAPPING, "orders.csv", csv);
    }

    @Test
    void englishGroupedRupiahAndDollarsAreRead() throws Exception {
        List<Row> rows = ingest("""
                order,time,state,title,qty,price,cur,seller,shop
                A1,2024-03-05 10:00,done,Kaos,2,"IDR 13,399",IDR,S1,T1
                A2,2024-03-05 10:00,done,Kaos,1,"Rp1,250,000.00",IDR,S1,T1
                A3,2024-03-05 10:00,done,Kaos,1,"US$1,299.50",USD,S2,T2
                A4,2024-03-05 10:00,done,Kaos,3,12.99 USD,USD,S2,T2
                """);
        for (Row r : rows) assertNull(r.getAs("reason_code"), String.valueOf(r));
        assertEquals(new BigDecimal("13399.00"), rows.get(0).getAs("unit_price_source"));
        assertEquals(new BigDecimal("26798.00"), rows.get(0).getAs("gmv_idr"));
        assertEquals(new BigDecimal("1250000.00"), rows.get(1).getAs("unit_price_source"));
        assertEquals(new BigDecimal("1299.50"), rows.get(2).getAs("unit_price_source"));
        assertEquals("USD", rows.get(2).getAs("source_currency"));
        assertEquals(new BigDecimal("12.99"), rows.get(3).getAs("unit_price_source"));
        // converted at the month's USD rate, as any other dollar price
        BigDecimal rate = ReferenceData.load(IngestFixtures.reference(tmp)).fx("2024-03", "USD");
        assertEquals(new BigDecimal("1299.50").multiply(rate).setScale(2, java.math.RoundingMode.HALF_UP),
                rows.get(2).getAs("unit_price_idr"));
    }

    @Test
    void aCurrencyMarkerThatContradictsTheCurrencyColumnIsBadPrice() throws Exception {
        List<Row> rows = ingest("""
                order,time,state,title,qty,price,cur,seller,shop
                B1,2024-03-05 10:00,done,Kaos,1,"Rp150,000",USD,S1,T1
                B2,2024-03-05 10:00,done,Kaos,1,US$12.99,CNY,S2,T2
                B3,2024-03-05 10:00,done,Kaos,1,13.399.000,IDR,S1,T1
                B4,2024-03-05 10:00,done,Kaos,1,"¥88.00",CNY,S2,T2
                """);
        assertEquals("BAD_PRICE", rows.get(0).getAs("reason_code"));
        assertTrue(rows.get(0).<String>getAs("reason_detail").contains("written in IDR but the row's currency is USD"),
                rows.get(0).<String>getAs("reason_detail"));
        assertEquals("BAD_PRICE", rows.get(1).getAs("reason_code"));
        assertEquals("BAD_PRICE", rows.get(2).getAs("reason_code"));
        assertTrue(rows.get(2).<String>getAs("reason_detail").contains("use parser idr"), rows.get(2).<String>getAs("reason_detail"));
        assertNull(rows.get(3).getAs("reason_code"), String.valueOf(rows.get(3)));
    }
}
