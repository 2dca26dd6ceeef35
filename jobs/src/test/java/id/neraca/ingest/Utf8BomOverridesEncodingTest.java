package id.neraca.ingest;

import id.neraca.ingest.ids.SellerKeys;
import id.neraca.ingest.mapping.Mappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One marketplace's exports in two encodings: older ones saved by Excel as windows-1252 ("CSV (semicolon)"), newer
 * ones as "CSV UTF-8", which begins with the byte-order mark EF BB BF. Under a mapping that says windows-1252 the UTF-8
 * file decoded without an error, nearly every byte being valid there: "Crème" was "CrÃ¨me" and "–" "â€“" in titles,
 * silently (the audit of 2 Dec 2026), and one mapping could not read both. A file that begins with the mark is read as
 * UTF-8 whatever the mapping says; one without it in the mapping's encoding, as before. Pure: no Spark.
 */
class Utf8BomOverridesEncodingTest {
    @TempDir
    Path tmp;

    static final String MAPPING = """
            marketplace: bhinneka
            files: ["bhinneka/*.csv", "bhinneka/*.csv.gz"]
            format: {type: csv, delimiters: [";"], encoding: windows-1252}
            grain: ORDER_LINE
            columns:
              order_id: {source: "No. Pesanan"}
              order_ts: {source: "Tanggal", formats: ["dd/MM/yyyy HH:mm"], zone: SELLER}
              status: {source: "Status", map: {Selesai: COMPLETED}}
              product_title: {source: "Nama Produk"}
              quantity: {source: "Jumlah"}
              unit_price: {source: "Harga"}
              seller_city: {source: "Kota Penjual"}
            """;

    static String export(String prefix) {
        return "No. Pesanan;Tanggal;Status;Nama Produk;Jumlah;Harga;Kota Penjual\r\n"
                + prefix + "1;02/12/2025 14:05;Selesai;Kopi Luwak – Premium 100g;1;250.000;Kota Bandung\r\n"
                + prefix + "2;03/12/2025 09:00;Selesai;Crème Wajah Alami;2;85.000;Kota Denpasar\r\n";
    }

    @Test
    void aFileBeginningWithUtf8sByteOrderMarkIsReadAsUtf8BesideAWindows1252One() throws Exception {
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Files.writeString(maps.resolve("bhinneka.yaml"), MAPPING);
        Path dir = Files.createDirectories(tmp.resolve("dumps/bhinneka"));
        Files.write(dir.resolve("export_2024.csv"), export("A").getBytes(Charset.forName("windows-1252")));
        byte[] utf8 = export("B").getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        Files.write(dir.resolve("export_2025.csv"), bom);
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("export_2026.csv.gz")))) {
            gz.write(bom);   // the same bytes gzipped: the mark is looked for after gunzipping
        }
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(), Mappings.load(maps), false);
        assertEquals(List.of(), IngestFixtures.problems(plan));
        RecordParser p = new RecordParser(plan.mappings().get("bhinneka"), ReferenceData.load(IngestFixtures.reference(tmp)),
                SellerKeys.of(IngestFixtures.KEY), java.time.LocalDate.parse("2015-01-01"), java.time.LocalDate.parse("2026-11-30"));
        List<String> got = new ArrayList<>();
        for (FileTask t : plan.tasks()) {
            for (RawRecord r : DumpReader.readAll(t, plan.mappings().get("bhinneka"))) {
                var row = p.parse(r, t.exportKey());
                got.add(t.sourceFile() + ":" + row.getAs("source_line") + " " + row.getAs("product_title") + " " + row.getAs("unit_price_idr")
                        + " " + row.getAs("seller_province_code") + " " + row.getAs("reason_code"));
            }
        }
        assertEquals(List.of(
                "bhinneka/export_2024.csv:2 Kopi Luwak – Premium 100g 250000.00 32 null",
                "bhinneka/export_2024.csv:3 Crème Wajah Alami 85000.00 51 null",
                "bhinneka/export_2025.csv:2 Kopi Luwak – Premium 100g 250000.00 32 null",
                "bhinneka/export_2025.csv:3 Crème Wajah Alami 85000.00 51 null",
                "bhinneka/export_2026.csv.gz:2 Kopi Luwak – Premium 100g 250000.00 32 null",
                "bhinneka/export_2026.csv.gz:3 Crème Wajah Alami 85000.00 51 null"), got);
    }
}
