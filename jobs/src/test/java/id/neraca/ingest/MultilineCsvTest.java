package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.core.NeracaException;
import id.neraca.ingest.mapping.Mappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static id.neraca.ingest.BadInputTest.SHOPEE_HEADER;
import static id.neraca.ingest.BadInputTest.shopee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * format.multiline: an export that writes a line break inside a quoted field (a buyer's note, a product name pasted
 * with a newline) under a mapping that says so. Each record is read whole, numbered by its first line; a quote that
 * never closes is UNTERMINATED_QUOTE for its line alone and the rows after it are read as rows; such a file is never
 * split into byte ranges. Without the option the line is UNTERMINATED_QUOTE and the message names the option.
 * Pure: no Spark.
 */
class MultilineCsvTest {
    @TempDir
    Path tmp;

    /** The bundled Shopee mapping, with {@code multiline: true} when asked, in a mappings folder of its own. */
    private Path mappings(boolean multiline) throws IOException {
        Path dir = tmp.resolve(multiline ? "mappings-multiline" : "mappings");
        Files.createDirectories(dir);
        String yaml = Files.readString(SparkTestBase.projectRoot().resolve("data/marketplaces/shopee.yaml"));
        if (multiline) yaml = yaml.replace("  header: true\n", "  header: true\n  multiline: true\n");
        Files.writeString(dir.resolve("shopee.yaml"), yaml);
        return dir;
    }

    private DumpPlanner.Plan plan(String csv, boolean multiline, long splitBytes) throws IOException {
        Path f = tmp.resolve("dumps/shopee/shopee_orders_20230501_20230531.csv");
        Files.createDirectories(f.getParent());
        Files.write(f, csv.getBytes(StandardCharsets.UTF_8));
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(), Mappings.load(mappings(multiline)), false, splitBytes);
        assertEquals(List.of(), plan.errors());
        return plan;
    }

    /** line|readError|order id|product name of every record. */
    private List<String> read(String csv, boolean multiline) throws IOException {
        DumpPlanner.Plan plan = plan(csv, multiline, 0);
        FileTask t = plan.tasks().get(0);
        CompiledMapping cm = plan.mappings().get(t.mapping());
        int order = cm.sourceIndex("No. Pesanan");
        int name = cm.sourceIndex("Nama Produk");
        return DumpReader.readAll(t, cm).stream().map(r -> r.line() + "|" + r.readError() + "|"
                + (r.values() == null ? null : r.values()[order] + "|" + r.values()[name])).toList();
    }

    static final String NOTE_ACROSS_LINES = SHOPEE_HEADER + "\r\n"
            + shopee("A1", "05/05/2023 10:00", "50.000", "1", "Kaos Polos") + "\r\n"
            + shopee("A2", "05/05/2023 10:05", "75.000", "2", "\"Kemeja Batik\r\nlengan panjang\r\n\"\"premium\"\"\"") + "\r\n"
            + shopee("A3", "05/05/2023 10:10", "20.000", "1", "Topi") + "\r\n";

    @Test
    void aQuotedFieldSpanningLinesIsOneRecordNumberedByItsFirstLine() throws IOException {
        assertEquals(List.of(
                "2|null|A1|Kaos Polos",
                "3|null|A2|Kemeja Batik\nlengan panjang\n\"premium\"",
                "6|null|A3|Topi"), read(NOTE_ACROSS_LINES, true));
    }

    @Test
    void withoutTheOptionTheLineIsUnterminatedAndTheMessageNamesTheOption() throws IOException {
        DumpPlanner.Plan plan = plan(NOTE_ACROSS_LINES, false, 0);
        List<RawRecord> rs = DumpReader.readAll(plan.tasks().get(0), plan.mappings().get("shopee"));
        assertEquals("UNTERMINATED_QUOTE", rs.get(1).readError());
        assertEquals(3, rs.get(1).line());
        assertTrue(rs.get(1).readDetail().contains("set format.multiline: true in the mapping"), rs.get(1).readDetail());
        assertEquals(5, rs.size(), "the continuation lines are rows of their own, each with its reason");
    }

    @Test
    void aQuoteThatNeverClosesIsUnterminatedForItsLineAloneAndTheRowsAfterItAreRead() throws IOException {
        StringBuilder csv = new StringBuilder(SHOPEE_HEADER).append('\n');
        csv.append(shopee("B1", "05/05/2023 10:00", "50.000", "1", "\"Kaos polos tanpa tutup")).append('\n');   // line 2
        for (int i = 2; i <= 5; i++) csv.append(shopee("B" + i, "05/05/2023 10:0" + i, "50.000", "1", "Barang " + i)).append('\n');
        assertEquals(List.of("2|UNTERMINATED_QUOTE|null", "3|null|B2|Barang 2", "4|null|B3|Barang 3", "5|null|B4|Barang 4",
                "6|null|B5|Barang 5"), read(csv.toString(), true));

        // a quote that closes only 121 lines on is past the bound (Format.MAX_RECORD_LINES): not a record of 122 lines
        StringBuilder far = new StringBuilder(SHOPEE_HEADER).append('\n');
        far.append(shopee("C1", "05/05/2023 10:00", "50.000", "1", "\"Catatan panjang")).append('\n');
        for (int i = 0; i < 120; i++) far.append("baris ").append(i).append('\n');
        far.append("penutup\"").append('\n');
        List<String> got = read(far.toString(), true);
        assertEquals("2|UNTERMINATED_QUOTE|null", got.get(0));
        assertEquals(1 + 120 + 1, got.size(), "every line after the unclosed quote is read again as a row of its own");
    }

    @Test
    void aMultilineFileIsReadWholeByOneTaskNeverInByteRanges() throws IOException {
        StringBuilder csv = new StringBuilder(SHOPEE_HEADER).append('\n');
        for (int i = 0; i < 200; i++) csv.append(shopee("D" + i, "05/05/2023 10:00", "50.000", "1", "Barang")).append('\n');
        assertEquals(1, plan(csv.toString(), true, 4096).tasks().get(0).splits().size());
        assertTrue(plan(csv.toString(), false, 4096).tasks().get(0).splits().size() > 1, "without the option: split");
    }

    @Test
    void multilineIsForCsvMappingsOnly() throws IOException {
        Path dir = tmp.resolve("mappings-jsonl");
        Files.createDirectories(dir);
        String yaml = Files.readString(SparkTestBase.projectRoot().resolve("data/marketplaces/tokopedia.yaml"));
        assertTrue(yaml.contains("  type: jsonl\n"));
        Files.writeString(dir.resolve("tokopedia.yaml"), yaml.replace("  type: jsonl\n", "  type: jsonl\n  multiline: true\n"));
        NeracaException e = assertThrows(NeracaException.class, () -> Mappings.load(dir));
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("format.multiline") && e.getMessage().contains("is for CSV"), e.getMessage());
    }
}
