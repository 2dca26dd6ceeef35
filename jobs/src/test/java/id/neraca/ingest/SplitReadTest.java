package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.ingest.mapping.Mappings;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large plain dump is read as byte ranges by parallel tasks (FileTask.splits, DumpReader on a Split): whatever the
 * range size, the ranges together yield every record exactly once, with the line numbers, raw text, values and
 * rejection reasons of one reader of the whole file. Pure: no Spark; every split size from 1 byte to past the file.
 */
class SplitReadTest {
    @TempDir
    static Path tmp;
    static DumpPlanner.Plan whole;
    static Map<String, CompiledMapping> mappings;

    @BeforeAll
    static void dumps() throws IOException {
        Path shopee = SparkTestBase.projectRoot().resolve("data/samples/shopee/shopee_orders_20230101_20230203.csv");
        List<String> s = Files.readAllLines(shopee, StandardCharsets.UTF_8).subList(0, 9);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes((s.get(0) + "\r\n").getBytes(StandardCharsets.UTF_8));  // the header keeps the sample's BOM; CRLF
        csv.writeBytes((s.get(1) + "\n\n   \n").getBytes(StandardCharsets.UTF_8));  // blank lines are not records
        csv.writeBytes((s.get(2).replace("Holder", "Hölder Kayu Jati – ukuran 大") + "\r\n").getBytes(StandardCharsets.UTF_8));
        csv.writeBytes((s.get(3).replace(";Selesai;", ";Sel\u00e9sai;") + "\n").getBytes(StandardCharsets.ISO_8859_1)); // BAD_ENCODING
        csv.writeBytes((s.get(4).replaceFirst(";", ";\"open") + "\n").getBytes(StandardCharsets.UTF_8));                 // UNTERMINATED_QUOTE
        csv.writeBytes((s.get(5) + ";extra\n").getBytes(StandardCharsets.UTF_8));                                       // WRONG_FIELD_COUNT
        csv.writeBytes((s.get(6) + "\n" + s.get(7) + "\n").getBytes(StandardCharsets.UTF_8));
        csv.writeBytes(s.get(8).getBytes(StandardCharsets.UTF_8));                                                       // no final newline
        Files.createDirectories(tmp.resolve("dumps/shopee"));
        Files.write(tmp.resolve("dumps/shopee/shopee_orders_20230101_20230203.csv"), csv.toByteArray());

        Path toko = SparkTestBase.projectRoot().resolve("data/samples/tokopedia/tokopedia_orders_2023-01.jsonl");
        List<String> t = Files.readAllLines(toko, StandardCharsets.UTF_8).subList(0, 6);
        String jsonl = t.get(0) + "\n" + t.get(1) + "\r\n\n" + "{\"invoice\": broken\n" + t.get(2) + "\n" + t.get(3) + "\n"
                + t.get(4) + "\n" + t.get(5) + "\n";
        Files.createDirectories(tmp.resolve("dumps/tokopedia"));
        Files.writeString(tmp.resolve("dumps/tokopedia/tokopedia_orders_2023-01.jsonl"), jsonl, StandardCharsets.UTF_8);

        whole = DumpPlanner.plan(tmp.resolve("dumps").toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false, 0);
        assertEquals(2, whole.tasks().size(), whole.issues().toString());
        mappings = whole.mappings();
    }

    static List<String> records(List<FileTask.Split> splits) {
        List<String> out = new ArrayList<>();
        for (FileTask.Split s : splits) {
            try (DumpReader r = new DumpReader(s, mappings.get(s.task().mapping()))) {
                r.forEachRemaining(x -> out.add(x.line() + "|" + x.readError() + "|" + x.readDetail() + "|" + x.rawRow() + "|" + Arrays.toString(x.values())));
            }
        }
        return out;
    }

    @Test
    void everySplitSizeYieldsTheWholeFileReadersRecordsOnceWithTheirLineNumbers() throws IOException {
        FileSystem fs = FileSystem.getLocal(id.neraca.core.HadoopConf.shared());
        for (FileTask t : whole.tasks()) {
            List<String> expected = records(t.splits());
            assertEquals(1, t.splits().size());
            assertTrue(expected.size() >= 7, t.sourceFile() + ": " + expected);
            assertTrue(expected.stream().anyMatch(r -> r.contains("|BAD_") || r.contains("|UNTERMINATED_QUOTE|")), expected.toString());
            for (long size = 1; size <= t.bytes() + 1; size++) {
                long[] counts = DumpPlanner.scan(fs, new org.apache.hadoop.fs.Path(t.uri()), size).boundaryNewlines();
                FileTask split = new FileTask(t.sourceFile(), t.uri(), t.mapping(), t.exportKey(), false, t.delimiter(),
                        t.columnIndex(), t.piiIndex(), t.columnCount(), t.bytes(), t.sha256(), size, counts);
                List<FileTask.Split> ranges = split.splits();
                assertEquals(size >= t.bytes() ? 1 : (t.bytes() + size - 1) / size, ranges.size(), "ranges of " + size + " bytes");
                assertEquals(expected, records(ranges), t.sourceFile() + " read in ranges of " + size + " bytes");
            }
        }
    }

    @Test
    void boundaryCountsAreTheNewlinesBeforeTheByteBeforeEachRange() throws IOException {
        Path f = tmp.resolve("nl.txt");
        Files.writeString(f, "ab\ncd\n\nefgh\n");   // newlines at offsets 2, 5, 6, 11
        FileSystem fs = FileSystem.getLocal(id.neraca.core.HadoopConf.shared());
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(f.toUri());
        // size 3: ranges start at 3, 6, 9 (not 12: the end); newlines before bytes 2, 5, 8 → 0, 1, 3
        assertArrayEquals(new long[]{0, 1, 3}, DumpPlanner.scan(fs, p, 3).boundaryNewlines());
        // size 2: ranges start at 2, 4, 6, 8, 10; newlines before bytes 1, 3, 5, 7, 9
        assertArrayEquals(new long[]{0, 1, 1, 3, 3}, DumpPlanner.scan(fs, p, 2).boundaryNewlines());
        // size 4: ranges start at 4, 8; newlines before bytes 3, 7 → 1, 3
        assertArrayEquals(new long[]{1, 3}, DumpPlanner.scan(fs, p, 4).boundaryNewlines());
        assertArrayEquals(new long[0], DumpPlanner.scan(fs, p, 13).boundaryNewlines());
        assertEquals(id.neraca.core.Hashing.sha256(f), DumpPlanner.scan(fs, p, 4).sha256());
    }

    @Test
    void thePlannerSplitsOnlyPlainTextFilesLargerThanTheSplitSize() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("dumps2/tokopedia"));
        Path jsonl = tmp.resolve("dumps/tokopedia/tokopedia_orders_2023-01.jsonl");
        Files.copy(jsonl, dir.resolve("tokopedia_orders_2023-01.jsonl"));
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("tokopedia_orders_2023-02.jsonl.gz")))) {
            gz.write(Files.readAllBytes(jsonl));
        }
        DumpPlanner.Plan p = DumpPlanner.plan(tmp.resolve("dumps2").toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false, 500);
        assertEquals(2, p.tasks().size(), p.issues().toString());
        for (FileTask t : p.tasks()) {
            assertTrue(t.bytes() > 500, t.sourceFile() + " of " + t.bytes() + " bytes");
            assertEquals(t.gzip() ? 1 : (t.bytes() + 499) / 500, t.splits().size(), t.sourceFile() + " of " + t.bytes() + " bytes");
        }
        assertEquals(1, DumpPlanner.plan(tmp.resolve("dumps2").toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false, 0).tasks().get(1).splits().size(),
                "split size 0: never split");
    }
}
