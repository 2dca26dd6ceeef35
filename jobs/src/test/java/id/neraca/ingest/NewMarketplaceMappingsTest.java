package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.ingest.ids.SellerKeys;
import id.neraca.ingest.mapping.Mapping;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled lazada and bukalapak mappings (data/marketplaces), written by a new user following docs/MAPPINGS.md,
 * on excerpts of the exports they were written for (pure Java, through RecordParser, no Spark): an English-locale
 * CSV with grouped amounts and two date shapes, and Indonesian JSON Lines with "WIB" times and Indonesian months.
 */
class NewMarketplaceMappingsTest {
    @TempDir
    Path tmp;

    private List<Row> ingest(String marketplace, String file, String text) throws Exception {
        Path dumps = tmp.resolve("dumps");
        Files.createDirectories(dumps.resolve(file).getParent());
        Files.writeString(dumps.resolve(file), text);
        List<Mapping> all = Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces"));
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), all, false);
        assertEquals(List.of(), IngestFixtures.problems(plan));
        FileTask t = plan.tasks().get(0);
        assertEquals(marketplace, t.mapping());
        RecordParser p = new RecordParser(plan.mappings().get(marketplace), ReferenceData.load(IngestFixtures.reference(tmp)),
                SellerKeys.of(IngestFixtures.KEY), LocalDate.parse("2015-01-01"), LocalDate.parse("2026-11-30"));
        return DumpReader.readAll(t, plan.mappings().get(marketplace)).stream().map(r -> p.parse(r, t.exportKey())).toList();
    }

    private static Instant ts(Row r) {
        return r.<java.sql.Timestamp>getAs("order_ts").toInstant();
    }

    @Test
    void lazadaEnglishLocaleExportWithUsDatesLazGlobalAndOpenOrders() throws Exception {
        List<Row> rows = ingest("lazada", "lazada/Lazada_Orders_2025-11.csv", """
                Order Item Id,Created at,Order Number,Customer Name,Shipping City,Paid Price,Item Name,Brand,Category,Status,Seller Name,Seller Tax ID,Seller City,Seller Province,Ship From,LazGlobal,Country of Origin
                1001,14 Oct 2025 10:05,316458201,Budi Santoso,Kota Medan,"IDR 1,299,000.00",Redmi Note 14,Xiaomi,Mobiles & Tablets > Mobiles,delivered,Gadget Jkt,01.234.567.4-123.000,Kota Bandung,Jawa Barat,Indonesia,No,China
                1002,11/30/2025 2:05 PM,316458202,Siti Aminah,Kota Depok,"Rp185,000",Kemeja Batik,Batik,Women's Fashion,delivered,Batik Pekalongan,01.234.567.4-123.000,Kota Bandung,Jawa Barat,Indonesia,No,Indonesia
                1003,11/29/2025 9:15 AM,316458203,Budi Santoso,Kota Medan,"75,000.00",TWS Earbuds,,Electronic Accessories,canceled,Shenzhen Digital,,Shenzhen,Guangdong,China,Yes,China
                1004,11/29/2025 9:20 AM,316458204,Budi Santoso,Kota Medan,"75,000.00",TWS Earbuds,,Electronic Accessories,shipped,Shenzhen Digital,,Shenzhen,Guangdong,China,Yes,China
                """);
        Row a = rows.get(0);
        assertNull(a.getAs("reason_code"));
        assertEquals("lazada:316458201:1001", a.getAs("sale_id"));
        assertEquals(Instant.parse("2025-10-14T03:05:00Z"), ts(a));       // WIB
        assertEquals("1299000.00", a.<java.math.BigDecimal>getAs("gmv_idr").toPlainString());
        assertEquals("phones", a.getAs("category"));
        assertEquals("NPWP", a.getAs("seller_id_type"));
        assertEquals(Boolean.TRUE, a.getAs("seller_id_valid"));
        assertEquals("32", a.getAs("seller_province_code"));              // the seller's city, not the buyer's
        assertEquals("CN", a.getAs("origin_country"));
        assertEquals(Boolean.FALSE, a.getAs("cross_border_flag"));
        Row b = rows.get(1);
        assertNull(b.getAs("reason_code"));
        assertEquals(Instant.parse("2025-11-30T07:05:00Z"), ts(b));       // 2:05 PM WIB
        assertEquals("185000.00", b.<java.math.BigDecimal>getAs("gmv_idr").toPlainString());
        assertEquals("fashion", b.getAs("category"));
        Row c = rows.get(2);
        assertNull(c.getAs("reason_code"));
        assertEquals("CANCELLED", c.getAs("status"));
        assertEquals("CN", c.getAs("ship_from_country"));
        assertEquals(Boolean.TRUE, c.getAs("cross_border_flag"));
        assertEquals("electronics", c.getAs("category"));
        Row d = rows.get(3);
        assertEquals("ORDER_NOT_FINAL", d.getAs("reason_code"));
        assertFalse(d.<String>getAs("raw_row").contains("Budi Santoso"), d.<String>getAs("raw_row"));
        assertFalse(d.<String>getAs("raw_row").contains("Shenzhen Digital"), d.<String>getAs("raw_row"));
    }

    @Test
    void bukalapakIndonesianJsonLinesWithWibTimesRupiahTextAndNumbers() throws Exception {
        List<Row> rows = ingest("bukalapak", "bukalapak/transaksi_202511.jsonl", """
                {"id_transaksi":"BL2511001","id_barang":"a1","waktu_dibuat":"28 November 2025 20.34 WIB","status":"Selesai","barang":{"nama":"Kopi Gayo 250g","merek":"Kapal Api","kategori":"Makanan & Minuman > Kopi","jumlah":2,"harga":"Rp1.299.000"},"pelapak":{"nama_toko":"Kopi Nusantara","jenis_identitas":"NIK","no_identitas":"3273015208900001","kota":"Kota Bandung","provinsi":"Jawa Barat","skala_usaha":"Mikro"},"dikirim_dari":"Indonesia","negara_asal":"Indonesia"}
                {"id_transaksi":"BL2511002","id_barang":"b2","waktu_dibuat":"3 Agu 2025 09.15 WIB","status":"Dikembalikan","barang":{"nama":"Kaos","jumlah":1,"harga":75000},"pelapak":{"nama_toko":"Kaos Bdg","kota":"Kota Bandung","provinsi":"Jawa Barat"},"dikirim_dari":"Indonesia"}
                {"id_transaksi":"BL2511003","id_barang":"c3","waktu_dibuat":"1 Desember 2025 07.00 WIB","status":"Selesai","barang":{"nama":"Hoodie","jumlah":1,"harga":"Rp 159.000,-"},"pelapak":{"nama_toko":"Guangzhou Hub","jenis_identitas":"Paspor","no_identitas":"E12345678"},"dikirim_dari":"Tiongkok","negara_asal":"Tiongkok"}
                {"id_transaksi":"BL2511004","id_barang":"d4","waktu_dibuat":"29 November 2025 10.10 WIB","status":"Diproses","barang":{"nama":"Kaos","jumlah":1,"harga":"Rp50.000"},"pelapak":{"nama_toko":"Kaos Bdg"}}
                """);
        Row a = rows.get(0);
        assertNull(a.getAs("reason_code"));
        assertEquals("bukalapak:BL2511001:a1", a.getAs("sale_id"));
        assertEquals(Instant.parse("2025-11-28T13:34:00Z"), ts(a));
        assertEquals("2598000.00", a.<java.math.BigDecimal>getAs("gmv_idr").toPlainString());
        assertEquals("MICRO", a.getAs("declared_umkm_tier"));
        assertEquals("NIK", a.getAs("seller_id_type"));
        assertEquals(Boolean.TRUE, a.getAs("seller_id_valid"));
        assertEquals("food_beverage", a.getAs("category"));
        Row b = rows.get(1);
        assertNull(b.getAs("reason_code"));
        assertEquals(Instant.parse("2025-08-03T02:15:00Z"), ts(b));       // "Agu": an Indonesian month
        assertEquals("RETURNED", b.getAs("status"));
        assertEquals("75000.00", b.<java.math.BigDecimal>getAs("gmv_idr").toPlainString());   // a JSON number
        Row c = rows.get(2);
        assertNull(c.getAs("reason_code"));
        assertEquals("159000.00", c.<java.math.BigDecimal>getAs("gmv_idr").toPlainString());
        assertEquals("PASSPORT", c.getAs("seller_id_type"));
        assertEquals("CN", c.getAs("ship_from_country"));
        assertEquals("ORDER_NOT_FINAL", rows.get(3).getAs("reason_code"));
        assertTrue(rows.stream().noneMatch(r -> String.valueOf(r.<String>getAs("raw_row")).contains("3273015208900001")));
    }
}
