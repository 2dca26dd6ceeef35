package id.neraca.ingest;

import id.neraca.core.NeracaException;
import id.neraca.ingest.mapping.Mapping;
import id.neraca.ingest.mapping.Mappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zip entries whose paths hold {@code .} or {@code ..} segments: read when they stay inside the archive, refused with
 * a warning naming the archive and the entry when they leave it. Both used to be skipped without a word (the
 * segments read as hidden folders), and a folder whose only dump was such an archive said "no dump files found".
 */
class ZipEntryPathsTest {
    @TempDir
    Path tmp;

    private static final String ROW = "\nT1,Completed,S1,Kaos,B,Fashion,2,1000,2000,2023-03-01 10:00:00,,,Kota Bandung,Jawa Barat,ID,ID,No\n";

    private static void zip(Path file, String... entries) throws Exception {
        try (OutputStream o = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(o)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write((BadInputTest.TIKTOK_HEADER + ROW).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void entriesUnderDotSlashOrWithAnInnerDotDotAreReadUnderTheirNormalisedPath() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dumps/tiktokshop"));
        zip(dir.resolve("export.zip"), "./tiktok_orders_2023-03.csv", "a/../b/tiktok_orders_2023-04.csv", "c/./d//tiktok_orders_2023-05.csv");
        List<Mapping> ms = Mappings.load(IngestFixtures.mappings());
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(), ms, false);
        assertEquals(List.of(), plan.issues());
        assertEquals(List.of("tiktokshop/export.zip/b/tiktok_orders_2023-04.csv", "tiktokshop/export.zip/c/d/tiktok_orders_2023-05.csv",
                        "tiktokshop/export.zip/tiktok_orders_2023-03.csv"),
                plan.tasks().stream().map(FileTask::sourceFile).toList());
        for (FileTask t : plan.tasks()) {
            assertEquals(1, DumpReader.readAll(t, plan.mappings().get("tiktokshop")).size(), t.sourceFile());
        }
    }

    @Test
    void anEntryClimbingOutOfTheArchiveIsRefusedWithAWarningNamingArchiveAndEntry() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dumps/tiktokshop"));
        zip(dir.resolve("export.zip"), "../../tiktok_orders_2023-03.csv", "/tmp/tiktok_orders_2023-04.csv", "tiktok_orders_2023-05.csv");
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(), Mappings.load(IngestFixtures.mappings()), false);
        assertEquals(List.of("tiktokshop/export.zip/tiktok_orders_2023-05.csv"), plan.tasks().stream().map(FileTask::sourceFile).toList());
        assertEquals(List.of(
                "tiktokshop/export.zip: zip entry '../../tiktok_orders_2023-03.csv' is not read: its path leaves the archive "
                        + "(absolute, or '..' above the archive's root). Unpack the archive, move the file inside it, and zip it "
                        + "again (or put the file itself in the dumps folder).",
                "tiktokshop/export.zip: zip entry '/tmp/tiktok_orders_2023-04.csv' is not read: its path leaves the archive "
                        + "(absolute, or '..' above the archive's root). Unpack the archive, move the file inside it, and zip it "
                        + "again (or put the file itself in the dumps folder)."),
                plan.issues().stream().map(DumpPlanner.Issue::render).toList());
        assertTrue(plan.errors().isEmpty(), "a warning, not an error");
    }

    @Test
    void aFolderWhoseOnlyArchiveHoldsNothingReadableSaysWhichArchiveAndEntry() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dumps/tiktokshop"));
        zip(dir.resolve("export.zip"), "../tiktok_orders_2023-03.csv");
        String dumps = tmp.resolve("dumps").toString();
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps, Mappings.load(IngestFixtures.mappings()), false);
        assertEquals(List.of(), plan.tasks());
        NeracaException e = DumpPlanner.nothingToRead(dumps, plan);
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith(dumps + ": no dump files found") && e.getMessage().contains(
                "Skipped: tiktokshop/export.zip: zip entry '../tiktok_orders_2023-03.csv' is not read"), e.getMessage());
    }

    @Test
    void entryPathsNormaliseInsideTheArchiveAndAreNullOutsideIt() {
        assertEquals("shopee_orders_20240801_20240903.csv", DumpPlanner.zipEntryPath("./shopee_orders_20240801_20240903.csv"));
        assertEquals("b/shopee_orders_20240901_20241003.csv", DumpPlanner.zipEntryPath("a/../b/shopee_orders_20240901_20241003.csv"));
        assertEquals("a/b.csv", DumpPlanner.zipEntryPath("a\\.\\b.csv"));
        assertEquals("x..y.csv", DumpPlanner.zipEntryPath("x..y.csv"));
        assertEquals(".hidden/b.csv", DumpPlanner.zipEntryPath("./.hidden/b.csv"));
        assertNull(DumpPlanner.zipEntryPath("../b.csv"));
        assertNull(DumpPlanner.zipEntryPath("a/../../b.csv"));
        assertNull(DumpPlanner.zipEntryPath("/etc/b.csv"));
        assertNull(DumpPlanner.zipEntryPath("C:/b.csv"));
        assertNull(DumpPlanner.zipEntryPath("a/.."));
    }
}
