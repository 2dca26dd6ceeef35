package id.neraca.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * raw_row masks personal data by where the mapping says it is: a column position, a JSON path. A row that is misread
 * moves it: an unquoted comma in a Shopee title shifts the shop name and the NPWP one column right, and a CSV saved under
 * a .jsonl name has no paths at all. Both used to put a shop's name and its NPWP in clear into out/quarantine and
 * `validate`'s output. Parsed here with the bundled Shopee and Tokopedia mappings.
 */
class QuarantineMisreadRowsMaskedTest {
    @TempDir
    Path tmp;

    private List<Row> ingest(String mapping, String file, String content) throws Exception {
        String yaml = Files.readString(IngestFixtures.mappings().resolve(mapping + ".yaml"));
        return IngestFixtures.parseWithMapping(tmp, mapping, yaml, file, content);
    }

    @Test
    void anUnquotedCommaInAShopeeTitleDoesNotUnmaskTheShopOrItsNpwp() throws Exception {
        List<Row> rows = ingest("shopee", "shopee_orders_20240801_20240831.csv", "No. Pesanan,Status Pesanan,Waktu Pesanan Dibuat,"
                + "Nama Produk,Nomor Referensi SKU,Merek,Kategori,Harga Awal,Harga Setelah Diskon,Jumlah,Total Pembayaran,Nama Toko,"
                + "Jenis Identitas Penjual,No. Identitas Penjual,Kota/Kabupaten Penjual,Provinsi Penjual,Negara Asal,Dikirim Dari,"
                + "Skala Usaha\n"
                + "240805ZZZZ0001,Selesai,05/08/2024 10:00,Kemeja Batik, Lengan Panjang,P061-1E,,Batik & Kain Tradisional,"
                + "167.500,167.500,2,335.000,Toko Rahasia Ibu Sri,NPWP,01.566.040.0-695.000,Kota Yogyakarta,DI Yogyakarta,"
                + "Indonesia,,Kecil\n");
        Row r = rows.get(0);
        assertEquals("WRONG_FIELD_COUNT", r.getAs("reason_code"));
        assertEquals("expected 19 fields separated by ',', found 20", r.getAs("reason_detail"));
        // every field within one place of a masked column (Harga Awal, Total Pembayaran, Nama Toko, No. Identitas
        // Penjual) is masked, and the field past the header's end; the order, time and title stay readable
        assertEquals("240805ZZZZ0001,Selesai,05/08/2024 10:00,Kemeja Batik, Lengan Panjang,P061-1E,,***,***,***,***,***,"
                + "***,***,***,Kota Yogyakarta,DI Yogyakarta,Indonesia,,***", r.getAs("raw_row"));
    }

    /** Rows a spreadsheet padded with empty fields its header lacks: still refused, and the detail says what the extra fields are. */
    @Test
    void rowsWithEmptyFieldsPastTheHeaderSayWhy() throws Exception {
        List<Row> rows = ingest("shopee", "shopee_orders_20240801_20240831.csv", "No. Pesanan;Status Pesanan;Waktu Pesanan Dibuat;"
                + "Nama Produk;Nomor Referensi SKU;Merek;Kategori;Harga Awal;Harga Setelah Diskon;Jumlah;Total Pembayaran;Nama Toko;"
                + "Jenis Identitas Penjual;No. Identitas Penjual;Kota/Kabupaten Penjual;Provinsi Penjual;Negara Asal;Dikirim Dari;"
                + "Skala Usaha\n"
                + "240805ZZZZ0003;Selesai;05/08/2024 10:00;Kain Batik Tulis;P1;;Batik & Kain Tradisional;100.000;100.000;2;"
                + "200.000;Toko Rahasia Ibu Sri;NIK;3504151311911508;Kota Surakarta;Jawa Tengah;Indonesia;Indonesia;Mikro;;\n");
        Row r = rows.get(0);
        assertEquals("WRONG_FIELD_COUNT", r.getAs("reason_code"));
        assertEquals("expected 19 fields separated by ';', found 21 (the 2 extra fields are empty: delimiters after the last column, "
                + "as a spreadsheet pads rows? Re-export without them, or strip the delimiters after the last column)", r.getAs("reason_detail"));
    }

    @Test
    void aShopeeRowMissingAFieldDoesNotUnmaskTheShopEither() throws Exception {
        List<Row> rows = ingest("shopee", "shopee_orders_20240801_20240831.csv", "No. Pesanan;Status Pesanan;Waktu Pesanan Dibuat;"
                + "Nama Produk;Nomor Referensi SKU;Merek;Kategori;Harga Awal;Harga Setelah Diskon;Jumlah;Total Pembayaran;Nama Toko;"
                + "Jenis Identitas Penjual;No. Identitas Penjual;Kota/Kabupaten Penjual;Provinsi Penjual;Negara Asal;Dikirim Dari;"
                + "Skala Usaha\n"
                // the SKU column lost: Nama Toko moves one place left, onto Total Pembayaran's position
                + "240805ZZZZ0002;Selesai;05/08/2024 10:00;Kain Batik Tulis;;Batik & Kain Tradisional;100.000;100.000;2;"
                + "200.000;Toko Rahasia Ibu Sri;NIK;3504151311911508;Kota Surakarta;Jawa Tengah;Indonesia;Indonesia;Mikro\n");
        Row r = rows.get(0);
        assertEquals("WRONG_FIELD_COUNT", r.getAs("reason_code"));
        assertEquals("240805ZZZZ0002;Selesai;05/08/2024 10:00;Kain Batik Tulis;;Batik & Kain Tradisional;***;***;***;***;"
                + "***;***;***;***;***;Indonesia;Indonesia;Mikro", r.getAs("raw_row"));
    }

    @Test
    void aCsvSavedAsJsonLinesShowsTheRowsShapeNotItsContents() throws Exception {
        List<Row> rows = ingest("tokopedia", "tokopedia_orders_2023-03.jsonl",
                "23030188GJXP7T;Batal;01/03/2023 12:48;Lampu LED Strip;Toko Gemilang Official;NPWP;03.995.042.3-264.000;Surabaya\n"
                        + "Toko Rahasia Ibu Sri,NPWP,01.566.040.0-695.000,Kota Yogyakarta\n");
        assertEquals("BAD_JSON", rows.get(0).getAs("reason_code"));
        assertEquals("***;***;***;***;***;***;***;***", rows.get(0).getAs("raw_row"));
        assertEquals("BAD_JSON", rows.get(1).getAs("reason_code"));
        assertEquals("***,***,***,***", rows.get(1).getAs("raw_row"));
        // Jackson names the token it could not read: here the shop's name
        String detail = rows.get(1).getAs("reason_detail");
        assertTrue(detail.startsWith("not a JSON object: Unrecognized token '***'"), detail);
        assertFalse(detail.contains("Toko"), detail);
    }

    @Test
    void aTruncatedJsonLineMasksTheShopTheIdAndTheUnmappedValuesByTheirPaths() throws Exception {
        List<Row> rows = ingest("tokopedia", "tokopedia_orders_2023-03.jsonl",
                "{\"invoice\":\"INV/1\",\"status\":\"delivered\",\"seller\":{\"shop_id\":\"1261330\",\"shop_name\":\"Toko Rahasia\","
                        + "\"id_number\":\"01.566.040.0-695.000\",\"city\":\"Kabupaten Bantul\",\"official_store\":false},"
                        + "\"buyer\":{\"name\":\"Sari Wulandari\",\"phone\":6281298765432},\"quantity\":2,\"product\":{\"name\":\"Koko "
                        + "Pria\",\"description\":\"Hubungi Ibu Sri\"},\"note\":\"kirim ke Ibu Sri\n"
                        + "{\"invoice\":\"INV/2\",\"seller\":{\"shop_name\":Toko Budi,\"city\":\"Kota Bandung\"}}\n");
        assertEquals("BAD_JSON", rows.get(0).getAs("reason_code"));
        assertEquals("{\"invoice\":\"INV/1\",\"status\":\"delivered\",\"seller\":{\"shop_id\":\"1261330\",\"shop_name\":\"***\","
                + "\"id_number\":\"***\",\"city\":\"Kabupaten Bantul\",\"official_store\":false},"
                + "\"buyer\":{\"name\":\"***\",\"phone\":***},\"quantity\":2,\"product\":{\"name\":\"Koko "
                + "Pria\",\"description\":\"***\"},\"note\":\"***", rows.get(0).getAs("raw_row"));
        // a name written without quotes is still the value of shop_name
        assertEquals("BAD_JSON", rows.get(1).getAs("reason_code"));
        assertEquals("{\"invoice\":\"INV/2\",\"seller\":{\"shop_name\":*** ***,\"city\":\"Kota Bandung\"}}", rows.get(1).getAs("raw_row"));
    }

    @Test
    void idLikeDigitRunsWrittenInGroupsAreMasked() {
        assertEquals("NPWP ##.###.###.#-###.###", Masking.digitRuns("NPWP 01.566.040.0-695.000"));
        assertEquals("NIK #### #### #### ####", Masking.digitRuns("NIK 3504 1513 1191 1508"));
        assertEquals("####-####-####-####;x", Masking.digitRuns("3504-1513-1191-1508;x"));
        assertEquals("################", Masking.digitRuns("3504151311911508"));
        // dates, times, rupiah amounts and an order number written in one piece stay readable
        assertEquals("05/08/2024 10.00.00;Rp1.299.000.000;570000007919000000;2023-01-02 20:26:58",
                Masking.digitRuns("05/08/2024 10.00.00;Rp1.299.000.000;570000007919000000;2023-01-02 20:26:58"));
    }
}
