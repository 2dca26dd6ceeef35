package id.neraca.ingest;

import id.neraca.core.NeracaException;
import id.neraca.ingest.mapping.Mappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dump whose name says text but whose bytes are a gzip stream (a download saved without its .gz), a zip archive (an
 * .xlsx saved as ".csv") or an Excel 97-2003 workbook. A CSV was refused as a header missing every column, the header
 * printed as binary; JSON Lines was planned and every "line" quarantined BAD_ENCODING "re-export as UTF-8". Each is
 * now refused at planning (exit 3) saying what the file is and what to do. Pure: no Spark.
 */
class PackedUnderTextNameTest {
    @TempDir
    Path tmp;

    private static final String CSV = BadInputTest.TIKTOK_HEADER
            + "\nT1,Completed,S1,Kaos,B,Fashion,2,1000,2000,2023-03-01 10:00:00,,,Kota Bandung,Jawa Barat,ID,ID,No\n";
    private static final String JSONL = "{\"invoice\":\"INV/1\",\"line_id\":\"1\",\"created_at\":\"2024-03-01T15:25:38+07:00\","
            + "\"status\":\"delivered\",\"product\":{\"name\":\"Kaos\"},\"quantity\":1,\"price\":{\"amount\":\"34000.00\",\"currency\":\"IDR\"}}\n";

    private static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] zip(String entry, byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(b);
        }
        return out.toByteArray();
    }

    private List<DumpPlanner.Issue> issues(String rel, byte[] content) throws Exception {
        Path dumps = tmp.resolve("dumps-" + rel.replace('/', '_'));
        Path file = dumps.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), Mappings.load(IngestFixtures.mappings()), false);
        assertEquals(List.of(), plan.tasks(), rel + " is not planned");
        return plan.issues();
    }

    private static void refused(List<DumpPlanner.Issue> issues, String file, String says) {
        assertEquals(1, issues.size(), issues.toString());
        DumpPlanner.Issue i = issues.get(0);
        assertEquals(NeracaException.EXIT_DATA, i.exit());
        assertEquals(file, i.file());
        assertTrue(i.message().startsWith(says), i.message());
    }

    @Test
    void aGzipCsvOrJsonLinesWithoutItsGzNameIsRefusedSayingSo() throws Exception {
        refused(issues("tiktokshop/tiktok_orders_2023-03.csv", gzip(CSV.getBytes(StandardCharsets.UTF_8))),
                "tiktokshop/tiktok_orders_2023-03.csv", "the file is gzip-compressed, but its name does not end in .gz");
        refused(issues("tokopedia/tokopedia_orders_2024-03.jsonl", gzip(JSONL.getBytes(StandardCharsets.UTF_8))),
                "tokopedia/tokopedia_orders_2024-03.jsonl", "the file is gzip-compressed, but its name does not end in .gz");
        refused(issues("tiktokshop/tiktok_orders_2023-03.csv.gz", gzip(gzip(CSV.getBytes(StandardCharsets.UTF_8)))),
                "tiktokshop/tiktok_orders_2023-03.csv.gz", "the file is gzip-compressed twice");
    }

    @Test
    void aWorkbookSavedUnderACsvNameIsRefusedNamingWhatItIs() throws Exception {
        // an .xlsx is a zip archive of XML parts; its first bytes are PK 3 4
        refused(issues("tiktokshop/tiktok_orders_2023-03.csv", zip("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8))),
                "tiktokshop/tiktok_orders_2023-03.csv", "the file is a zip archive, not text");
        byte[] xls = new byte[512];
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(ole, 0, xls, 0, ole.length);
        refused(issues("tiktokshop/tiktok_orders_2023-03.csv", xls),
                "tiktokshop/tiktok_orders_2023-03.csv", "the file is an Excel 97-2003 workbook (.xls)");
    }

    @Test
    void textFilesAreNotAffected() throws Exception {
        Path dumps = tmp.resolve("text");
        Files.createDirectories(dumps.resolve("tiktokshop"));
        Files.writeString(dumps.resolve("tiktokshop/tiktok_orders_2023-03.csv"), CSV);
        Files.write(dumps.resolve("tiktokshop/tiktok_orders_2023-04.csv.gz"), gzip(CSV.getBytes(StandardCharsets.UTF_8)));
        Files.createDirectories(dumps.resolve("tokopedia"));
        Files.writeString(dumps.resolve("tokopedia/tokopedia_orders_2024-03.jsonl"), JSONL);
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), Mappings.load(IngestFixtures.mappings()), false);
        assertEquals(List.of(), plan.errors());
        assertEquals(3, plan.tasks().size());
    }
}
