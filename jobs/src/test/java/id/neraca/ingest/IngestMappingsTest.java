package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.core.Schemas;
import id.neraca.ingest.ids.SellerKeys;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each bundled mapping on its fixture (jobs/src/test/resources/ingest/dumps), against expected rows written by hand
 * from the fixture text, plus the reconciliation identity and the privacy rules.
 */
class IngestMappingsTest extends SparkTestBase {
    @TempDir
    static Path tmp;
    static Dataset<Row> resolved;
    static IngestRun.Prepared prepared;

    @BeforeAll
    static void ingest() {
        prepared = IngestFixtures.prepare(IngestFixtures.dumps(), IngestFixtures.reference(tmp), false);
        resolved = IngestFixtures.resolve(spark, prepared);
    }

    private static final String COLS = "sale_id,order_ts,period_month,seller_id_type,seller_id_valid,seller_province_code,"
            + "seller_city,seller_country,ship_from_country,origin_country,cross_border_flag,declared_umkm_tier,category,"
            + "quantity,unit_price_idr,gmv_idr,source_currency,unit_price_source,status,source_line";

    /** A listing's sale ID part: the keyed hash of its shop/product key (RecordParser.listingSaleId). */
    private static String listing(String key) {
        return SellerKeys.of(IngestFixtures.KEY).hmac("LISTING:tokopedia-scrape:" + key).substring(0, 24);
    }

    private static List<String> rows(String marketplace) {
        return ResolveDuplicates.sales(resolved).filter(col("marketplace").equalTo(marketplace)).orderBy("sale_id")
                .selectExpr(COLS.split(",")).collectAsList().stream()
                .map(r -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < r.length(); i++) {
                        if (i > 0) b.append('|');
                        Object v = r.get(i);
                        b.append(v instanceof java.sql.Timestamp t ? t.toInstant().toString() : String.valueOf(v));
                    }
                    return b.toString();
                }).collect(Collectors.toList());
    }

    @Test
    void shopeeBothDelimitersBomLatestExportWinsZonesFromProvince() {
        assertEquals(List.of(
                "shopee:230105AAA:SKU-KAOS-1|2023-01-05T03:15:00Z|2023-01|NIK|true|32|Kota Bandung|null|ID|ID|null|MICRO|fashion|2|50000.00|100000.00|IDR|50000.00|COMPLETED|2",
                // repeated in the later export with status Batal: the later export wins
                "shopee:230112BBB:SKU-LED-9|2023-01-12T13:30:00Z|2023-01|NPWP|true|31|Kota Jakarta Barat|null|ID|CN|null|SMALL|household|3|40000.50|120001.50|IDR|40000.50|CANCELLED|2",
                "shopee:230113CCC:SKU-TAS-3|2022-12-31T16:30:00Z|2022-12|NIB|true|32|Kabupaten Bogor|null|ID|ID|null|MICRO|fashion|1|100000.00|100000.00|IDR|100000.00|RETURNED|4",
                "shopee:230114DDD:SKU-SMB-1|2023-01-14T01:05:00Z|2023-01|NONE|null|35|Kota Surabaya|null|ID|ID|null|null|food_beverage|4|35000.00|140000.00|IDR|35000.00|CANCELLED|6",
                // Makassar is WITA (UTC+8)
                "shopee:230120EEE:SKU-KOPI|2023-01-20T05:45:00Z|2023-01|NIK|true|73|Kota Makassar|null|ID|ID|null|MICRO|food_beverage|1|80000.00|80000.00|IDR|80000.00|COMPLETED|3",
                // Jayapura is WIT (UTC+9); NIK with province 99 is invalid but the seller stays Indonesian
                "shopee:230131FFF:SKU-SRM|2023-01-31T14:30:00Z|2023-01|NIK|false|91|Kota Jayapura|null|KR|KR|null|null|beauty|1|120000.00|120000.00|IDR|120000.00|COMPLETED|4"),
                rows("shopee"));
    }

    @Test
    void tiktokLineTotalDividedAndPeriodInSellerLocalTime() {
        assertEquals(List.of(
                "tiktokshop:5761234567890001:TT-HIJAB-1|2023-01-10T02:00:00Z|2023-01|NIK|true|35|Kota Surabaya|null|ID|ID|false|null|fashion|3|45000.00|135000.00|IDR|45000.00|COMPLETED|2",
                // 23:30 WIB on 31 Jan is 00:30 WITA on 1 Feb for a seller in Denpasar
                "tiktokshop:5761234567890002:TT-PB-2|2023-01-31T16:30:00Z|2023-02|NONE|null|51|Kota Denpasar|null|ID|CN|false|null|phones|1|125000.00|125000.00|IDR|125000.00|CANCELLED|3",
                "tiktokshop:5761234567890003:TT-MAIN-3|2023-01-15T05:00:00Z|2023-01|NIB|true|31|Kota Jakarta Selatan|null|null|null|null|null|toys_hobbies|2|35000.50|70001.00|IDR|35000.50|RETURNED|4"),
                rows("tiktokshop"));
    }

    @Test
    void tokopediaNestedJsonIsoOffsetsAndUsdConversion() {
        assertEquals(List.of(
                "tokopedia:INV/20230105/MPL/2938475:1|2023-01-05T03:22:11Z|2023-01|NPWP|true|33|Kota Semarang|null|ID|ID|null|null|fashion|2|150000.00|300000.00|IDR|150000.00|COMPLETED|1",
                "tokopedia:INV/20230105/MPL/2938475:2|2023-01-05T03:22:11Z|2023-01|NPWP|true|33|Kota Semarang|null|ID|ID|null|null|fashion|1|75000.50|75000.50|IDR|75000.50|CANCELLED|2",
                // line 4 (line 3 is blank); USD 20.00 at the 2023-02 rate 15126.00 (period in WIB for Tangerang)
                "tokopedia:INV/20230131/MPL/1111111:1|2023-01-31T17:30:00Z|2023-02|NONE|null|36|Kota Tangerang|null|CN|CN|null|LARGE|electronics|1|302520.00|302520.00|USD|20.00|RETURNED|4"),
                rows("tokopedia"));
    }

    @Test
    void crossborderGzipEpochMillisAndForeignCurrencies() {
        assertEquals(List.of(
                // USD 2.50 x 15286.95 (2023-01) = 38217.375 -> 38217.38 (HALF_UP), x 3
                "crossborder:XB1001:1|2023-01-12T00:00:00Z|2023-01|FOREIGN_REG|null|null|null|CN|CN|null|true|null|phones|3|38217.38|114652.14|USD|2.50|COMPLETED|2",
                // CNY 10.00 x 2251.2575 = 22512.575 -> 22512.58 (HALF_UP), x 2
                "crossborder:XB1002:1|2023-01-31T16:00:00Z|2023-01|FOREIGN_REG|null|null|null|CN|CN|null|true|null|computers|2|22512.58|45025.16|CNY|10.00|CANCELLED|3",
                // USD 1.25 x 15286.95 = 19108.6875 -> 19108.69, x 10
                "crossborder:XB1003:2|2023-01-15T00:00:00Z|2023-01|PASSPORT|null|null|null|KR|KR|null|true|null|beauty|10|19108.69|191086.90|USD|1.25|RETURNED|4"),
                rows("crossborder"));
    }

    @Test
    void listingScrapeSoldCountsShopFromLinkAndSnapshotMonth() {
        // sorted as rows() sorts them, by sale_id: the listing hashes are of one length
        assertEquals(Stream.of(
                "tokopedia-scrape:" + listing("arispeedcomp/ultrabook-dell-latitude-7300-i7-8650-16gb-ram-sss-512gb-nvme-ips-core-i5-gen-8-8gb-128gb-ssd") + ":2023-02|null|2023-02|NONE|null|32|Kabupaten Bogor|null|null|null|null|null|null|5|3850000.00|19250000.00|IDR|3850000.00|COMPLETED|3",
                "tokopedia-scrape:" + listing("digitalzone/laptop-xiaomi-redmibook-15-i3-1115g4-8gb-256gb-fhd-intel-uhd-w10-512gb") + ":2023-02|null|2023-02|NONE|null|31|Kota Jakarta Pusat|null|null|null|null|null|null|250|5450000.00|1362500000.00|IDR|5450000.00|COMPLETED|7",
                "tokopedia-scrape:" + listing("lenovo-tangerang/laptop-lenovo-ideapad-slim-3i-i3-1115g4-512gb-ssd-8gb-win10-ohs-arctic-grey") + ":2023-02|null|2023-02|NONE|null|36|Kota Tangerang|null|null|null|null|null|null|250|6899000.00|1724750000.00|IDR|6899000.00|COMPLETED|5",
                "tokopedia-scrape:" + listing("sinarmulia/lenovo-v14-g2-ryzen-3-5300u-256gb-ssd-4gb-win-ohs-original") + ":2023-02|null|2023-02|NONE|null|31|Kota Jakarta Barat|null|null|null|null|null|null|100|5899000.00|589900000.00|IDR|5899000.00|COMPLETED|4",
                // "Terjual 2 rb+" = at least 2,000 sold; the same listing again on line 6 collapses
                "tokopedia-scrape:" + listing("tokohapedia/apple-macbook-air-m1-chip-2020-256gb-512gb-space-gray-gold-silver-silver-cpo-256gb") + ":2023-02|null|2023-02|NONE|null|31|Kota Jakarta Pusat|null|null|null|null|null|null|2000|13399000.00|26798000000.00|IDR|13399000.00|COMPLETED|2").sorted().toList(),
                rows("tokopedia-scrape"));
    }

    @Test
    void reconciliationIdentityPerFileWithHandCountedRows() {
        List<IngestRun.FileCounts> counts = IngestRun.count(resolved, prepared.plan());
        String got = counts.stream().map(c -> c.task().sourceFile() + " " + c.rowsRead() + "=" + c.accepted() + "+"
                + c.quarantined() + "+" + c.duplicates()).collect(Collectors.joining("\n"));
        assertEquals(String.join("\n",
                "crossborder/xb_orders_2023-01.csv.gz 3=3+0+0",
                "shopee/shopee_orders_20230101_20230115.csv 5=3+0+2",
                "shopee/shopee_orders_20230110_20230131.csv 3=3+0+0",
                "tiktokshop/tiktok_orders_2023-01.csv 3=3+0+0",
                "tokopedia-scrape/tokopedia-search-2023-02-09/sample_data_09-02-2023.csv 6=5+0+1",
                "tokopedia/tokopedia_orders_2023-01.jsonl 3=3+0+0"), got);
        for (IngestRun.FileCounts c : counts) assertEquals(c.rowsRead(), c.accepted() + c.quarantined() + c.duplicates());
        assertEquals(20, ResolveDuplicates.sales(resolved).count());
    }

    @Test
    void salesHaveExactlyTheCanonicalSchema() {
        Dataset<Row> s = ResolveDuplicates.sales(resolved);
        assertEquals(List.of(Schemas.SALES.fieldNames()), List.of(s.schema().fieldNames()));
        for (int i = 0; i < Schemas.SALES.fields().length; i++) {
            assertEquals(Schemas.SALES.fields()[i].dataType(), s.schema().fields()[i].dataType(), Schemas.SALES.fields()[i].name());
        }
    }

    @Test
    void sellerKeysAreKeyedHashesAndNoRawIdOrNameSurvives() {
        SellerKeys k = SellerKeys.of(IngestFixtures.KEY);
        Row kaos = ResolveDuplicates.sales(resolved).filter(col("sale_id").equalTo("shopee:230105AAA:SKU-KAOS-1")).first();
        assertEquals(k.hmac("NIK:3273011508850001"), kaos.getAs("seller_key"));
        Row npwp = ResolveDuplicates.sales(resolved).filter(col("sale_id").equalTo("shopee:230112BBB:SKU-LED-9")).first();
        assertEquals(k.hmac("NPWP:012345674123000"), npwp.getAs("seller_key"));
        Row shop = ResolveDuplicates.sales(resolved).filter(col("sale_id").equalTo("shopee:230114DDD:SKU-SMB-1")).first();
        assertEquals(k.hmac("SHOP:shopee:Sambal Sby"), shop.getAs("seller_key"));
        Row scrape = ResolveDuplicates.sales(resolved).filter(col("sale_id").startsWith("tokopedia-scrape:"
                + listing("tokohapedia/apple-macbook-air-m1-chip-2020-256gb-512gb-space-gray-gold-silver-silver-cpo-256gb"))).first();
        assertEquals(k.hmac("SHOP:tokopedia-scrape:tokohapedia"), scrape.getAs("seller_key"));
        Row tiktokNoShop = ResolveDuplicates.sales(resolved).filter(col("sale_id").equalTo("tiktokshop:5761234567890002:TT-PB-2")).first();
        assertNull(tiktokNoShop.getAs("seller_key"));
        String all = resolved.toJSON().collectAsList().toString();
        for (String secret : List.of("3273011508850001", "012345674123000", "01.234.567.4-123.000", "Toko Kaos Bandung",
                "Batik Solo Asli", "91440300MA5ABCDE", "Shenzhen Gadget Co", "7371015508900003", "tokohapedia", "arispeedcomp")) {
            assertFalse(all.contains(secret), "raw seller data leaked: " + secret);
        }
        assertTrue(all.contains("shopee:230105AAA"));
    }
}
