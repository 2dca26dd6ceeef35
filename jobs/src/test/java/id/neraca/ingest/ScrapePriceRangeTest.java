package id.neraca.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A listing scrape whose price is a range ({@code Rp649.500 - Rp669.500}: variants priced differently, as search results
 * show them). It is quarantined BAD_PRICE, as before, but the detail said only "not an Indonesian number": it now says
 * it is a range and why neraca does not pick a price (the sold count is not split by variant). The other shapes of
 * the same scrape (sold counts "10rb+ terjual", "1,2RB terjual", "Terjual 100+", locations "KOTA SURABAYA", "Luar
 * Negeri", "China") are read as before. Pure: no Spark.
 */
class ScrapePriceRangeTest {
    @TempDir
    Path tmp;

    static final String MAPPING = """
            marketplace: shopee-csv-scrape
            files: ["scrape/*.csv"]
            format: {type: csv, delimiters: [","]}
            grain: LISTING_PERIOD
            pii: ["url"]
            columns:
              period: {file_regex: '(\\d{4}-\\d{2}-\\d{2})'}
              listing_key: {source: url, parser: url_path}
              product_title: {source: nama_produk}
              quantity: {source: terjual, parser: count, default: "0"}
              unit_price: {source: harga, parser: idr}
              status: {constant: COMPLETED, map: {COMPLETED: COMPLETED}}
              seller_city: {source: lokasi_toko}
              ship_from_country: {source: lokasi_toko}
              cross_border_flag: {source: lokasi_toko, map: {"Luar Negeri": "yes", "*": ""}}
            """;

    @Test
    void aPriceRangeIsQuarantinedSayingItIsARangeAndTheRestIsRead() throws Exception {
        String csv = "nama_produk,harga,terjual,rating,lokasi_toko,url\n"
                + "Kain Tenun Endek,Rp649.500 - Rp669.500,\"Terjual 2,5 rb+\",4.9,Kota Denpasar,https://shopee.co.id/a-i.1.11\n"   // 2
                + "Kripik Pisang,Rp32.500,10rb+ terjual,4.8,KOTA SURABAYA,https://shopee.co.id/b-i.1.12\n"                       // 3
                + "Powerbank,Rp250.000,\"1,2RB terjual\",,Luar Negeri,https://shopee.co.id/c-i.2.13\n"                              // 4
                + "TWS Earbuds,\"Rp89.900\",Terjual 100+,5.0,China,https://shopee.co.id/d-i.3.14\n"                                 // 5
                + "Noken,Rp350.000,,,Kota Denpasar,https://shopee.co.id/e-i.4.15\n";                                                // 6
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "scrape", MAPPING, "scrape_2025-11-20.csv", csv);
        assertEquals(List.of(
                "2 null null null null null BAD_PRICE",
                "3 10000 32500.00 35 null null null",
                "4 1200 250000.00 null null true null",
                "5 100 89900.00 null CN null null",
                "6 0 350000.00 51 null null null"),
                rows.stream().map(r -> r.getAs("source_line") + " " + r.getAs("quantity") + " " + r.getAs("unit_price_idr") + " "
                        + r.getAs("seller_province_code") + " " + r.getAs("ship_from_country") + " " + r.getAs("cross_border_flag") + " "
                        + r.getAs("reason_code")).toList());
        assertEquals("unit_price (harga): not an Indonesian number: 'Rp649.500 - Rp669.500'; a price range (a listing whose "
                + "variants are priced differently, as search results show it): the sold count is not split by variant, so no "
                + "one price is the units' price and neraca does not pick one; map a column with a single price if the scrape "
                + "has one, else these listings stay quarantined", rows.get(0).getAs("reason_detail"));
        assertEquals("2025-11", rows.get(1).getAs("period_month"));
    }
}
