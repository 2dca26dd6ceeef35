package id.neraca.ingest;

import id.neraca.core.NeracaException;
import id.neraca.ingest.mapping.Mappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CSV whose lines end in a carriage return alone (classic Mac OS, Excel for Mac's "CSV (Macintosh)"): read as one
 * line, it failed with "missing [Skala Usaha]", the header's last column run on into the rows. It fails at planning
 * naming the file, the line endings and how to convert them.
 */
class CrOnlyLineEndingsTest {
    @TempDir
    Path tmp;

    private static final String HEADER = "No. Pesanan;Status Pesanan;Waktu Pesanan Dibuat;Nama Produk;Nomor Referensi SKU;Merek;Kategori;"
            + "Harga Awal;Harga Setelah Diskon;Jumlah;Total Pembayaran;Nama Toko;Jenis Identitas Penjual;No. Identitas Penjual;"
            + "Kota/Kabupaten Penjual;Provinsi Penjual;Negara Asal;Dikirim Dari;Skala Usaha";
    private static final String ROW = "P1;Selesai;05/08/2024 10:00;Kain;P1;;Batik;100.000;100.000;1;100.000;Toko;;;Kota Bandung;Jawa Barat;Indonesia;Indonesia;";

    private DumpPlanner.Plan plan(String file, String text) throws Exception {
        Path f = tmp.resolve("dumps").resolve(file);
        Files.createDirectories(f.getParent());
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return DumpPlanner.plan(tmp.resolve("dumps").toString(), Mappings.load(IngestFixtures.mappings()), false);
    }

    @Test
    void aClassicMacCsvFailsSayingItUsesCrLineEndingsAndHowToConvert() throws Exception {
        DumpPlanner.Plan p = plan("shopee/shopee_orders_20240801_20240831.csv", HEADER + "\r" + ROW + "\r" + ROW.replace("P1", "P2") + "\r");
        assertEquals(1, p.issues().size(), String.valueOf(p.issues()));
        DumpPlanner.Issue i = p.issues().get(0);
        assertEquals(NeracaException.EXIT_DATA, i.exit());
        String msg = i.render();
        assertTrue(msg.contains("shopee/shopee_orders_20240801_20240831.csv") && msg.contains("CR line endings")
                && msg.contains("classic Mac") && msg.contains("tr '\\r' '\\n'") && msg.contains("CSV UTF-8"), msg);
        assertFalse(msg.contains("missing"), msg);
        assertTrue(p.tasks().isEmpty());
    }

    @Test
    void crlfAndLfFilesStillPlan() throws Exception {
        DumpPlanner.Plan p = plan("shopee/shopee_orders_20240801_20240831.csv", HEADER + "\r\n" + ROW + "\r\n");
        assertEquals(List.of(), p.issues());
        assertTrue(DumpPlanner.crOnly((HEADER + "\r" + ROW).getBytes(StandardCharsets.UTF_8)));
        assertFalse(DumpPlanner.crOnly(HEADER.getBytes(StandardCharsets.UTF_8)));
    }
}
