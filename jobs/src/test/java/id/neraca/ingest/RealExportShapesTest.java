package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.ingest.ids.SellerKeys;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seller-centre mappings (data/marketplaces/*-seller.yaml) on fixtures in the shapes public importers of real
 * exports read (jobs/src/test/resources/real-shapes, made by its make_fixtures.py; docs/MAPPINGS.md "Real seller-centre
 * exports" gives the sources): a shop's own Shopee, TikTok Shop and Lazada exports, which name no seller, carry the
 * buyer's address, keep "Selesai"/"Completed" on a returned line, write a dated status sentence (Shopee), a row of
 * column descriptions under the header (TikTok) and camelCase headers (Lazada). Pure Java, no Spark; every expected
 * value written by hand from the fixture's rows.
 */
class RealExportShapesTest {
    @TempDir
    Path tmp;

    /** Each file of one seller-centre folder parsed with the bundled mappings, in line order. */
    private List<Row> parse(String folder, String mapping) throws Exception {
        Path dumps = tmp.resolve("dumps");
        Path from = SparkTestBase.projectRoot().resolve("jobs/src/test/resources/real-shapes").resolve(folder);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = dumps.resolve(folder).resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), Mappings.load(IngestFixtures.mappings()), false);
        assertEquals(List.of(), plan.issues());
        List<Row> out = new ArrayList<>();
        for (FileTask t : plan.tasks()) {
            assertEquals(mapping, t.mapping(), t.toString());
            RecordParser p = new RecordParser(plan.mappings().get(mapping), ReferenceData.load(IngestFixtures.reference(tmp)),
                    SellerKeys.of(IngestFixtures.KEY), LocalDate.parse("2015-01-01"), LocalDate.parse("2026-11-30"));
            for (RawRecord r : DumpReader.readAll(t, plan.mappings().get(mapping))) out.add(p.parse(r, t.exportKey()));
        }
        return out;
    }

    private static String shopKey(String marketplace) {
        return SellerKeys.of(IngestFixtures.KEY).hmac("SHOP:" + marketplace + ":toko-dummy");
    }

    private static void sale(Row r, String saleId, String status, long qty, String gmv) {
        assertNull(r.getAs("reason_code"), () -> r.getAs("reason_code") + ": " + r.getAs("reason_detail"));
        assertEquals(saleId, r.getAs("sale_id"));
        assertEquals(status, r.getAs("status"), saleId);
        assertEquals(qty, (long) r.<Long>getAs("quantity"), saleId);
        assertEquals(new BigDecimal(gmv), r.getAs("gmv_idr"), saleId);
    }

    private static void rejected(Row r, String reason, String detailPart) {
        assertEquals(reason, r.getAs("reason_code"), () -> r.getAs("reason_detail"));
        assertTrue(r.<String>getAs("reason_detail").contains(detailPart), r.<String>getAs("reason_detail"));
    }

    @Test
    void shopeeSellerCentreExport() throws Exception {
        List<Row> rows = parse("shopee-seller", "shopee-seller");
        assertEquals(11, rows.size());
        sale(rows.get(0), "shopee:240801AB1CDE01:DUM-POND", "COMPLETED", 1, "37200.00");
        // "2024-08-01 08:00" (Seller Centre's text, not dd/MM/yyyy), WIB
        assertEquals(Instant.parse("2024-08-01T01:00:00Z"), rows.get(0).<java.sql.Timestamp>getAs("order_ts").toInstant());
        // two variations of one product in one order, no SKU: two lines, told apart by the variation
        sale(rows.get(1), rows.get(1).getAs("sale_id"), "COMPLETED", 2, "57000.00");
        sale(rows.get(2), rows.get(2).getAs("sale_id"), "COMPLETED", 1, "28500.00");
        assertTrue(rows.get(1).<String>getAs("sale_id").startsWith("shopee:240801AB1CDE02:-t"));
        assertNotEquals(rows.get(1).<String>getAs("sale_id"), rows.get(2).getAs("sale_id"));
        // "Selesai" with 1 of 2 units returned (Permintaan Disetujui): the unit kept is the sale
        sale(rows.get(3), rows.get(3).getAs("sale_id"), "COMPLETED", 1, "25000.00");
        assertEquals(new BigDecimal("25000.00"), rows.get(3).getAs("unit_price_idr"));
        sale(rows.get(4), rows.get(4).getAs("sale_id"), "CANCELLED", 1, "28500.00");
        for (int i = 5; i < 11; i++) rejected(rows.get(i), "ORDER_NOT_FINAL", "is mapped to OPEN");
        // the dated sentence, by the map's prefix "Pesanan diterima, namun*"
        rejected(rows.get(7), "ORDER_NOT_FINAL", "Pesanan diterima, namun Pembeli masih dapat mengajukan pengembalian hingga");
        rejected(rows.get(8), "ORDER_NOT_FINAL", "Pembatalan diajukan");
        for (int i = 0; i < 5; i++) {
            Row r = rows.get(i);
            assertEquals(shopKey("shopee"), r.getAs("seller_key"), "the shop is its folder");
            assertEquals("NONE", r.getAs("seller_id_type"));
            assertNull(r.getAs("seller_province_code"), "Kota/Kabupaten and Provinsi are the buyer's");
            assertNull(r.getAs("seller_city"));
        }
    }

    @Test
    void tiktokShopSellerCenterExport() throws Exception {
        List<Row> rows = parse("tiktokshop-seller", "tiktokshop-seller");
        assertEquals(7, rows.size());
        rejected(rows.get(0), "DESCRIPTION_ROW", "a row describing the columns");
        assertEquals(2L, ((Number) rows.get(0).getAs("source_line")).longValue(), "the line under the header");
        sale(rows.get(1), "tiktokshop:577012345678901001:1729000000000001", "COMPLETED", 1, "125000.00");
        // "01/08/2024 10:22:11" and a tab, WIB
        assertEquals(Instant.parse("2024-08-01T03:22:11Z"), rows.get(1).<java.sql.Timestamp>getAs("order_ts").toInstant());
        assertEquals("fashion", rows.get(1).getAs("category"));
        // the line total "IDR 3.597.000" after the seller's discount, for 3 units
        sale(rows.get(2), "tiktokshop:577012345678901002:1729000000000002", "COMPLETED", 3, "3597000.00");
        assertEquals(new BigDecimal("1199000.00"), rows.get(2).getAs("unit_price_idr"));
        // Completed, Return/Refund, its one unit returned: not a sale
        sale(rows.get(3), "tiktokshop:577012345678901003:1729000000000001", "RETURNED", 1, "125000.00");
        sale(rows.get(4), "tiktokshop:577012345678901004:1729000000000002", "CANCELLED", 1, "1299000.00");
        rejected(rows.get(5), "ORDER_NOT_FINAL", "'Shipped'");
        rejected(rows.get(6), "ORDER_NOT_FINAL", "'To ship'");
        for (int i = 1; i < 5; i++) {
            assertEquals(shopKey("tiktokshop"), rows.get(i).getAs("seller_key"));
            assertNull(rows.get(i).getAs("seller_province_code"), "Province is the buyer's");
        }
    }

    @Test
    void lazadaSellerCenterExport() throws Exception {
        List<Row> rows = parse("lazada-seller", "lazada-seller");
        assertEquals(6, rows.size());
        // one row per unit: two units of one order, two order items
        sale(rows.get(0), "lazada:812345678901:412345678901001", "COMPLETED", 1, "185000.00");
        sale(rows.get(1), "lazada:812345678901:412345678901002", "COMPLETED", 1, "185000.00");
        assertEquals(Instant.parse("2024-08-14T03:05:00Z"), rows.get(0).<java.sql.Timestamp>getAs("order_ts").toInstant());
        // confirmed comes after delivered (the buyer's "Order Received", or three days on): final
        sale(rows.get(2), "lazada:812345678902:412345678902001", "COMPLETED", 1, "1250000.00");
        sale(rows.get(3), "lazada:812345678903:412345678903001", "CANCELLED", 1, "1299000.00");
        sale(rows.get(4), "lazada:812345678904:412345678904001", "RETURNED", 1, "199000.00");
        rejected(rows.get(5), "ORDER_NOT_FINAL", "'ready_to_ship'");
        assertEquals(shopKey("lazada"), rows.get(0).getAs("seller_key"));
    }

    @Test
    void tokopediaSalesReportWithItsHeaderOnRowFive() throws Exception {
        List<Row> rows = parse("tokopedia-seller", "tokopedia-seller");
        assertEquals(3, rows.size(), "the title rows above the header are not records");
        sale(rows.get(0), "tokopedia:INV/20240801/MPL/1234567890:BTK-01", "COMPLETED", 2, "270000.00");
        assertEquals(6L, ((Number) rows.get(0).getAs("source_line")).longValue(), "the sheet's row");
        // "01-08-2024 10:22:11", WIB
        assertEquals(Instant.parse("2024-08-01T03:22:11Z"), rows.get(0).<java.sql.Timestamp>getAs("order_ts").toInstant());
        // "Dibatalkan Penjual -" and the reason on a second line, by the prefix "Dibatalkan*"
        sale(rows.get(1), "tokopedia:INV/20240802/MPL/1234567891:BTK-01", "CANCELLED", 1, "135000.00");
        sale(rows.get(2), "tokopedia:INV/20240803/MPL/1234567892:RC-18", "CANCELLED", 1, "1250000.00");
        assertEquals(shopKey("tokopedia"), rows.get(0).getAs("seller_key"));
        assertNull(rows.get(0).getAs("seller_province_code"), "Provinsi and Kota are the buyer's");
    }

    /**
     * Blibli Seller API order detail items (blibli-api.yaml), one response's "value" per JSON line: orderDate in epoch
     * milliseconds, qty and productPrice JSON numbers, status codes (D, X, OS, DF final; CX, FP not yet).
     */
    @Test
    void blibliSellerApiOrderItems() throws Exception {
        List<Row> rows = parse("blibli-api", "blibli-api");
        assertEquals(8, rows.size());
        // one order, two items: the sale key is the order item number
        sale(rows.get(0), "blibli:25100026490:25000179189", "COMPLETED", 1, "125000.00");
        assertEquals(new BigDecimal("125000.00"), rows.get(0).getAs("unit_price_idr"));
        // 1722482531000 ms: 01/08/2024 10:22:11 WIB
        assertEquals(Instant.parse("2024-08-01T03:22:11Z"), rows.get(0).<java.sql.Timestamp>getAs("order_ts").toInstant());
        sale(rows.get(1), "blibli:25100026490:25000179190", "COMPLETED", 3, "136500.00");
        assertEquals(new BigDecimal("45500.00"), rows.get(1).getAs("unit_price_idr"));
        // 31/08/2024 23:30:05 WIB is 16:30:05 UTC: a sale of August in the shop's month
        sale(rows.get(2), "blibli:25100026491:25000179191", "COMPLETED", 1, "1299000.00");
        assertEquals(Instant.parse("2024-08-31T16:30:05Z"), rows.get(2).<java.sql.Timestamp>getAs("order_ts").toInstant());
        assertEquals("2024-08", String.valueOf(rows.get(2).<Object>getAs("period_month")));
        sale(rows.get(3), "blibli:25100026492:25000179192", "CANCELLED", 1, "125000.00");
        // OS (product out of stock) and DF (delivery failed): no sale
        sale(rows.get(4), "blibli:25100026493:25000179193", "CANCELLED", 2, "91000.00");
        sale(rows.get(5), "blibli:25100026494:25000179194", "CANCELLED", 1, "45500.00");
        rejected(rows.get(6), "ORDER_NOT_FINAL", "'CX'");
        rejected(rows.get(7), "ORDER_NOT_FINAL", "'FP'");
        for (int i = 0; i < 6; i++) {
            Row r = rows.get(i);
            assertEquals(shopKey("blibli"), r.getAs("seller_key"), "the shop is its folder");
            assertEquals("NONE", r.getAs("seller_id_type"));
            assertNull(r.getAs("seller_province_code"), "shippingProvince is the buyer's");
            assertNull(r.getAs("seller_city"));
        }
        assertEquals("Kemeja Batik Dummy", rows.get(0).getAs("product_title"));
        assertEquals("Kopi Dummy 250 g", rows.get(1).getAs("product_title"));
    }

    /** A seller-centre export must sit in a shop's folder: loose in the marketplace folder it matches no mapping. */
    @Test
    void aSellerCentreExportOutsideAShopFolderMatchesNoMapping() throws Exception {
        Path dumps = Files.createDirectories(tmp.resolve("loose/shopee-seller"));
        Files.copy(SparkTestBase.projectRoot().resolve(
                "jobs/src/test/resources/real-shapes/shopee-seller/toko-dummy/Order.all.20240801_20240831.xlsx"),
                dumps.resolve("Order.all.20240801_20240831.xlsx"));
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("loose").toString(), Mappings.load(IngestFixtures.mappings()), false);
        assertEquals(1, plan.issues().size(), plan.issues().toString());
        assertTrue(plan.issues().get(0).toString().contains("no mapping"), plan.issues().toString());
    }
}
