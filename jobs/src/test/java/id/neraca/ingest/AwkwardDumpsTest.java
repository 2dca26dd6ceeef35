package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.ingest.mapping.Mappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dumps as real exports get mangled on their way to an economist (records run together, a blank line above the
 * header, rows Excel left as bare delimiters), read by {@link DumpReader} as ingest reads them: every physical record
 * is either a record with its values or a quarantine reason, never lost and never invented. Pure: no Spark.
 */
class AwkwardDumpsTest {
    @TempDir
    Path tmp;

    static final String SHOPEE_HEADER = BadInputTest.SHOPEE_HEADER;

    /** line|readError|order id value, for every record the reader yields from the one planned file. */
    private List<String> read(String rel, byte[] bytes, String orderIdSource) throws IOException {
        Path f = tmp.resolve("dumps").resolve(rel);
        Files.createDirectories(f.getParent());
        Files.write(f, bytes);
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false, 0);
        assertEquals(List.of(), plan.errors(), "planning " + rel);
        FileTask t = plan.tasks().get(0);
        CompiledMapping cm = plan.mappings().get(t.mapping());
        int id = cm.sourceIndex(orderIdSource);
        return DumpReader.readAll(t, cm).stream()
                .map(r -> r.line() + "|" + r.readError() + "|" + (r.values() == null ? null : r.values()[id])).toList();
    }

    private static String toko(String invoice) {
        return "{\"invoice\":\"" + invoice + "\",\"line_id\":\"1\",\"created_at\":\"2023-01-03T11:35:15+07:00\",\"status\":\"delivered\","
                + "\"seller\":{\"shop_id\":\"1261330\",\"shop_name\":\"CV Bintang Official\",\"id_type\":\"NPWP\",\"id_number\":\"01.566.040.0-695.000\","
                + "\"city\":\"Kabupaten Bantul\",\"province\":\"DI Yogyakarta\"},\"product\":{\"name\":\"Koko\",\"category\":\"fashion-muslim\"},"
                + "\"quantity\":2,\"price\":{\"amount\":\"129000.00\",\"currency\":\"IDR\"}}";
    }

    @Test
    void jsonLinesWithTwoRecordsRunTogetherOrTextAfterTheObjectAreBadJsonNotHalfRead() throws IOException {
        String jsonl = toko("INV/1") + "\n"
                + toko("INV/2") + toko("INV/3") + "\n"           // line 2: a lost newline; INV/3 was dropped silently
                + toko("INV/4") + " " + toko("INV/5") + "\n"     // line 3: the same with a space
                + toko("INV/6") + " garbage\n"                   // line 4: text after the object
                + toko("INV/7") + ",\n"                          // line 5: an array written one object a line: kept
                + "[" + toko("INV/8") + "]\n"                    // line 6: an array holding a record
                + toko("INV/9") + "  \n";                        // line 7
        List<String> got = read("tokopedia/tokopedia_orders_2023-01.jsonl", jsonl.getBytes(StandardCharsets.UTF_8), "invoice");
        assertEquals(List.of("1|null|INV/1", "2|BAD_JSON|null", "3|BAD_JSON|null", "4|BAD_JSON|null", "5|null|INV/7",
                "6|BAD_JSON|null", "7|null|INV/9"), got);
    }

    @Test
    void badJsonRowsSayWhyAndMaskTheSellerEvenInsideAnArray() throws IOException {
        Path f = tmp.resolve("dumps/tokopedia/tokopedia_orders_2023-01.jsonl");
        Files.createDirectories(f.getParent());
        Files.writeString(f, toko("INV/2") + toko("INV/3") + "\n" + "[" + toko("INV/8") + "]\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false, 0);
        List<RawRecord> rs = DumpReader.readAll(plan.tasks().get(0), plan.mappings().get("tokopedia"));
        assertEquals("more than one JSON value on the line (two records run together: a newline lost?) at column "
                + (toko("INV/2").length() + 1), rs.get(0).readDetail());
        for (RawRecord r : rs) {
            assertFalse(r.rawRow().contains("CV Bintang Official"), r.rawRow());
            assertTrue(r.rawRow().contains("\"shop_name\":\"***\""), r.rawRow());
        }
    }
}
