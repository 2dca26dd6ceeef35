package id.neraca.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Provinces written with the word for province before the name ("Provinsi Bali", "Prov. Jawa Barat", "Propinsi
 * Papua"): found, where they were unknown, and a seller in Bali or Papua with a blank city then had its times read as
 * WIB, one or two hours off.
 */
class ProvincePrefixTest {
    @TempDir
    Path tmp;

    /** The bundled Shopee mapping's header (its export, seller columns added). */
    private static final String HEADER = "No. Pesanan;Status Pesanan;Waktu Pesanan Dibuat;Nama Produk;Nomor Referensi SKU;Merek;Kategori;"
            + "Harga Awal;Harga Setelah Diskon;Jumlah;Total Pembayaran;Nama Toko;Jenis Identitas Penjual;No. Identitas Penjual;"
            + "Kota/Kabupaten Penjual;Provinsi Penjual;Negara Asal;Dikirim Dari;Skala Usaha\n";

    @Test
    void aLeadingProvinsiProvOrPropIsNotPartOfTheName() {
        ReferenceData ref = ReferenceData.load(IngestFixtures.reference(tmp));
        assertEquals("32", ref.province("Provinsi Jawa Barat"));
        assertEquals("32", ref.province("Prov. Jawa Barat"));
        assertEquals("32", ref.province("PROVINSI JAWA BARAT"));
        assertEquals("51", ref.province("Provinsi Bali"));
        assertEquals("91", ref.province("Provinsi Papua"));
        assertEquals("91", ref.province("Propinsi Papua"));
        assertEquals("73", ref.province("Prop. Sulawesi Selatan"));
        assertEquals("34", ref.province("Provinsi DIY"));
        assertEquals("32", ref.province("Jawa Barat"));
        assertNull(ref.province("Provinsi"));
        assertNull(ref.province("Provinsi Atlantis"));
    }

    @Test
    void shopeeSellersInBaliAndPapuaWithABlankCityGetTheirOwnTimeZone() throws Exception {
        List<Row> rows = IngestFixtures.parseWithBundledMapping(tmp, "shopee", "shopee/shopee_orders_20240701_20240831.csv", HEADER
                + "B1;Selesai;31/07/2024 23:30;Kain;B1;;Batik;100.000;100.000;1;100.000;Toko 1;;;;Provinsi Bali;Indonesia;Indonesia;\n"
                + "B2;Selesai;31/07/2024 23:30;Kain;B2;;Batik;100.000;100.000;1;100.000;Toko 2;;;;Provinsi Papua;Indonesia;Indonesia;\n"
                + "B3;Selesai;31/07/2024 23:30;Kain;B3;;Batik;100.000;100.000;1;100.000;Toko 3;;;;Prov. Jawa Barat;Indonesia;Indonesia;\n");
        for (Row r : rows) assertNull(r.getAs("reason_code"), String.valueOf(r));
        assertEquals("51", rows.get(0).getAs("seller_province_code"));
        assertEquals(Instant.parse("2024-07-31T15:30:00Z"), rows.get(0).<java.sql.Timestamp>getAs("order_ts").toInstant());   // WITA
        assertEquals("91", rows.get(1).getAs("seller_province_code"));
        assertEquals(Instant.parse("2024-07-31T14:30:00Z"), rows.get(1).<java.sql.Timestamp>getAs("order_ts").toInstant());   // WIT
        assertEquals("32", rows.get(2).getAs("seller_province_code"));
        assertEquals(Instant.parse("2024-07-31T16:30:00Z"), rows.get(2).<java.sql.Timestamp>getAs("order_ts").toInstant());   // WIB
        assertEquals("2024-07", rows.get(1).getAs("period_month"));
    }

    /**
     * A city column that holds a province's name and no province column: "Jakarta" (no regency is called that: the
     * capital's five cities are Jakarta Pusat .. Timur) had no province; "Bali" in the city column read WIB times.
     * The province column, when given, still decides; an unknown name stays unknown.
     */
    @Test
    void aCityColumnHoldingAProvincesNameGivesThatProvince() throws Exception {
        List<Row> rows = IngestFixtures.parseWithBundledMapping(tmp, "shopee", "shopee/shopee_orders_20240701_20240831.csv", HEADER
                + "C1;Selesai;31/07/2024 23:30;Kain;C1;;Batik;100.000;100.000;1;100.000;Toko 1;;;Jakarta;;Indonesia;Indonesia;\n"
                + "C2;Selesai;31/07/2024 23:30;Kain;C2;;Batik;100.000;100.000;1;100.000;Toko 2;;;Bali;;Indonesia;Indonesia;\n"
                + "C3;Selesai;31/07/2024 23:30;Kain;C3;;Batik;100.000;100.000;1;100.000;Toko 3;;;Bali;Jawa Timur;Indonesia;Indonesia;\n"
                + "C4;Selesai;31/07/2024 23:30;Kain;C4;;Batik;100.000;100.000;1;100.000;Toko 4;;;Atlantis;;Indonesia;Indonesia;\n");
        for (Row r : rows) assertNull(r.getAs("reason_code"), String.valueOf(r));
        assertEquals("31", rows.get(0).getAs("seller_province_code"));
        assertEquals("51", rows.get(1).getAs("seller_province_code"));
        assertEquals(Instant.parse("2024-07-31T15:30:00Z"), rows.get(1).<java.sql.Timestamp>getAs("order_ts").toInstant());   // WITA
        assertEquals("35", rows.get(2).getAs("seller_province_code"), "the province column decides");
        assertNull(rows.get(3).getAs("seller_province_code"));
    }
}
