package id.neraca.ingest;

import id.neraca.ingest.ids.SellerKeys;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Sellers fill the ID column of an export with "no ID" in many ways: {@code -}, {@code N/A}, {@code Tidak ada},
 * {@code 0}, the all-zero NPWP {@code 00.000.000.0-000.000}. Read as digits, these used to become FOREIGN_REG IDs (a
 * Surakarta batik shop shipping from Indonesia classed CROSS_BORDER) and one shared seller key for every shop that wrote
 * the same dash. Excel's text markers ({@code '3504…}, {@code ="3504…"}) split one seller in two, and an ID Excel wrote
 * in scientific notation ({@code 3.50415E+15}) became a foreign registration too. Parsed here with the bundled Shopee
 * mapping (data/marketplaces/shopee.yaml).
 */
class SellerIdPlaceholdersTest {
    @TempDir
    Path tmp;

    private static final String HEADER = "No. Pesanan;Status Pesanan;Waktu Pesanan Dibuat;Nama Produk;Nomor Referensi SKU;"
            + "Merek;Kategori;Harga Awal;Harga Setelah Diskon;Jumlah;Total Pembayaran;Nama Toko;Jenis Identitas Penjual;"
            + "No. Identitas Penjual;Kota/Kabupaten Penjual;Provinsi Penjual;Negara Asal;Dikirim Dari;Skala Usaha\n";

    private static String row(String order, String shop, String type, String id) {
        return order + ";Selesai;05/08/2024 10:00;Kain Batik Tulis Solo;SKU-1;;Batik & Kain Tradisional;100.000;100.000;2;"
                + "200.000;" + shop + ";" + type + ";" + id + ";Kota Surakarta;Jawa Tengah;Indonesia;Indonesia;Mikro\n";
    }

    private List<Row> ingest(String body) throws Exception {
        String mapping = Files.readString(IngestFixtures.mappings().resolve("shopee.yaml"));
        return IngestFixtures.parseWithMapping(tmp, "shopee", mapping, "shopee_orders_20240801_20240831.csv", HEADER + body);
    }

    private static String shopKey(String shop) {
        return SellerKeys.of(IngestFixtures.KEY).hmac("SHOP:shopee:" + shop);
    }

    @Test
    void aPlaceholderSellerIdIsNoIdAndTheSellerIsKeyedByItsShop() throws Exception {
        List<Row> rows = ingest(row("S001", "Toko Batik Ayu", "", "-")
                + row("S002", "Toko Sepatu Budi", "", "-")
                + row("S003", "Toko Cahaya", "NIK", "-")
                + row("S004", "Toko Dewi", "", "N/A")
                + row("S005", "Toko Eka", "", "Tidak ada")
                + row("S006", "Toko Fajar", "", "0")
                + row("S007", "Toko Gita", "", "null")
                + row("S008", "Toko Joko", "", "—")
                + row("S009", "Toko Indah", "NPWP", "00.000.000.0-000.000")
                + row("S010", "Toko Kiki", "", ""));
        String[] shops = {"Toko Batik Ayu", "Toko Sepatu Budi", "Toko Cahaya", "Toko Dewi", "Toko Eka", "Toko Fajar",
                "Toko Gita", "Toko Joko", "Toko Indah", "Toko Kiki"};
        assertEquals(shops.length, rows.size());
        for (int i = 0; i < shops.length; i++) {
            Row r = rows.get(i);
            assertNull(r.getAs("reason_code"), shops[i]);
            // exactly what a blank ID gives (the last row): no ID, keyed by the shop's name, so the two "-" shops are two
            assertEquals("NONE", r.getAs("seller_id_type"), shops[i]);
            assertNull(r.getAs("seller_id_valid"), shops[i]);
            assertEquals(shopKey(shops[i]), r.getAs("seller_key"), shops[i]);
        }
    }

    @Test
    void anExcelApostropheOrFormulaWrapperKeepsTheSellersOneKey() throws Exception {
        List<Row> rows = ingest(row("S101", "Toko Sambal", "NIK", "3504151311911508")
                + row("S102", "Toko Sambal", "NIK", "'3504151311911508")
                + row("S103", "Toko Sambal", "", "=\"3504151311911508\"")
                + row("S104", "Toko Sambal", "NPWP", "015660400695000")
                + row("S105", "Toko Sambal", "NPWP", "'01.566.040.0-695.000"));
        String nik = SellerKeys.of(IngestFixtures.KEY).hmac("NIK:3504151311911508");
        String npwp = SellerKeys.of(IngestFixtures.KEY).hmac("NPWP:015660400695000");
        String[] keys = {nik, nik, nik, npwp, npwp};
        String[] types = {"NIK", "NIK", "NIK", "NPWP", "NPWP"};
        for (int i = 0; i < keys.length; i++) {
            Row r = rows.get(i);
            assertNull(r.getAs("reason_code"), "row " + i);
            assertEquals(types[i], r.getAs("seller_id_type"), "row " + i);
            assertEquals(Boolean.TRUE, r.getAs("seller_id_valid"), "row " + i);
            assertEquals(keys[i], r.getAs("seller_key"), "row " + i);
        }
    }

    @Test
    void anIdExcelWroteInScientificNotationIsInvalidAndKeyedByTheShopNeverForeign() throws Exception {
        List<Row> rows = ingest(row("S201", "Toko Sambal", "NIK", "3.50415E+15")
                + row("S202", "Toko Keripik", "", "3.50415E+15"));
        assertEquals("NIK", rows.get(0).getAs("seller_id_type"));
        assertEquals(Boolean.FALSE, rows.get(0).getAs("seller_id_valid"));
        assertEquals(shopKey("Toko Sambal"), rows.get(0).getAs("seller_key"));
        // the same damaged digits, another shop: another seller (the lost digits differ), and not a foreign one
        assertEquals("NIK", rows.get(1).getAs("seller_id_type"));
        assertEquals(Boolean.FALSE, rows.get(1).getAs("seller_id_valid"));
        assertEquals(shopKey("Toko Keripik"), rows.get(1).getAs("seller_key"));
    }

    /**
     * A NIK with its middle digits masked, type column blank: read as letters and digits it was a foreign registration
     * (SELLER_FOREIGN_ID: CROSS_BORDER); declared NIK, it was hashed as written, so two shops whose NIKs share the visible
     * digits were one seller (one PP 7/2021 tier from both shops' sales). Now a NIK that fails its check, keyed by its shop.
     */
    @Test
    void aPartlyMaskedIdIsAnInvalidIndonesianIdKeyedByTheShopNeverForeign() throws Exception {
        List<Row> rows = ingest(row("S301", "Toko Sambal", "", "3504********1508")
                + row("S302", "Toko Keripik", "NIK", "3504********1508")
                + row("S303", "Toko Lurik", "", "01.566.***.*-695.000"));
        String[] shops = {"Toko Sambal", "Toko Keripik", "Toko Lurik"};
        String[] types = {"NIK", "NIK", "NPWP"};
        for (int i = 0; i < shops.length; i++) {
            Row r = rows.get(i);
            assertNull(r.getAs("reason_code"), shops[i]);
            assertEquals(types[i], r.getAs("seller_id_type"), shops[i]);
            assertEquals(Boolean.FALSE, r.getAs("seller_id_valid"), shops[i]);
            assertEquals(shopKey(shops[i]), r.getAs("seller_key"), shops[i]);
        }
    }
}
