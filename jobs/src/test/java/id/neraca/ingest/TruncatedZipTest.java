package id.neraca.ingest;

import id.neraca.core.NeracaException;
import id.neraca.ingest.mapping.Mappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A zip archive cut short (a download interrupted). Cut between two entries, ZipInputStream simply ended: the
 * entries after the cut vanished and validate said "1 file(s) OK" (exit 0). Cut inside an entry, its EOFException
 * reached the user as "<dumps>: cannot list the dumps folder: Unexpected end of ZLIB input stream" (exit 2, no file
 * named). Both now stop planning with exit 3 naming the archive. Pure: no Spark.
 */
class TruncatedZipTest {
    @TempDir
    Path tmp;

    private static final String ROW = "\nT1,Completed,S1,Kaos,B,Fashion,2,1000,2000,2023-03-01 10:00:00,,,Kota Bandung,Jawa Barat,ID,ID,No\n";

    private static byte[] zip(String comment, String... entries) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            if (comment != null) z.setComment(comment);
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write((BadInputTest.TIKTOK_HEADER + ROW.repeat(40)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return b.toByteArray();
    }

    /** The offset of the {@code k}-th (from 0) local file header, PK 3 4. */
    private static int localHeader(byte[] zip, int k) {
        for (int i = 0; i + 3 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4 && k-- == 0) return i;
        }
        throw new AssertionError("no local header " + k);
    }

    private DumpPlanner.Plan plan(byte[] archive) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dumps/tiktokshop"));
        Files.write(dir.resolve("export.zip"), archive);
        return DumpPlanner.plan(tmp.resolve("dumps").toString(), Mappings.load(IngestFixtures.mappings()), false);
    }

    @Test
    void anArchiveCutBetweenTwoEntriesFailsNamingItInsteadOfLosingTheSecond() throws Exception {
        byte[] whole = zip(null, "tiktok_orders_2023-03.csv", "tiktok_orders_2023-04.csv");
        byte[] cut = Arrays.copyOf(whole, localHeader(whole, 1) + 10);   // inside the second entry's local header
        NeracaException e = assertThrows(NeracaException.class, () -> plan(cut));
        assertEquals(NeracaException.EXIT_DATA, e.exitCode());
        assertTrue(e.getMessage().startsWith("tiktokshop/export.zip: the zip archive is truncated")
                && e.getMessage().contains("(1 read before it)") && e.getMessage().contains("Download or export it again"), e.getMessage());
        byte[] atHeader = Arrays.copyOf(whole, localHeader(whole, 1));      // exactly at the second entry's start
        NeracaException e2 = assertThrows(NeracaException.class, () -> plan(atHeader));
        assertTrue(e2.getMessage().contains("the zip archive is truncated"), e2.getMessage());
    }

    @Test
    void anArchiveCutInsideAnEntryFailsWithExit3NamingArchiveAndEntry() throws Exception {
        byte[] whole = zip(null, "tiktok_orders_2023-03.csv", "tiktok_orders_2023-04.csv");
        byte[] cut = Arrays.copyOf(whole, localHeader(whole, 1) / 2);    // inside the first entry's data
        NeracaException e = assertThrows(NeracaException.class, () -> plan(cut));
        assertEquals(NeracaException.EXIT_DATA, e.exitCode());
        assertTrue(e.getMessage().startsWith("tiktokshop/export.zip: not a readable zip archive, damaged or truncated (at entry "
                + "'tiktok_orders_2023-03.csv')"), e.getMessage());
    }

    @Test
    void aWholeArchiveWithACommentIsReadEntirely() throws Exception {
        DumpPlanner.Plan p = plan(zip("Diekspor oleh Seller Centre", "tiktok_orders_2023-03.csv", "tiktok_orders_2023-04.csv"));
        assertEquals(List.of(), p.issues());
        assertEquals(List.of("tiktokshop/export.zip/tiktok_orders_2023-03.csv", "tiktokshop/export.zip/tiktok_orders_2023-04.csv"),
                p.tasks().stream().map(FileTask::sourceFile).toList());
    }
}
