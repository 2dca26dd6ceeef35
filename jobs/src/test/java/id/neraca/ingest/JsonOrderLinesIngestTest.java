package id.neraca.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import id.neraca.SparkTestBase;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static id.neraca.ingest.JsonOrderLinesTest.MAPPING;
import static id.neraca.ingest.JsonOrderLinesTest.MAPPING_WITHOUT_LINE_KEY;
import static id.neraca.ingest.JsonOrderLinesTest.SO_1;
import static id.neraca.ingest.JsonOrderLinesTest.SO_2;
import static id.neraca.ingest.JsonOrderLinesTest.item;
import static id.neraca.ingest.JsonOrderLinesTest.order;
import static id.neraca.ingest.JsonOrderLinesTest.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ingest stage on JSON Lines orders whose lines are in an array ({@code format.order_lines}), two overlapping monthly
 * dumps: what the sales table, the quarantine, the reconciliation and the manifest hold (rows_read counts sales lines,
 * orders_read the orders), lines keyed by their content collapsing across dumps (a line dropped or moved by a later
 * export included), a repeated order contradicting itself
 * within a file, and an incremental rerun after the mapping changes. Hand-written expected rows; one session per class.
 */
class JsonOrderLinesIngestTest extends SparkTestBase {
    @TempDir
    Path tmp;

    static final String NOV = "omnichannel/orders_2025-11.jsonl";
    static final String DEC = "omnichannel/orders_2025-12.jsonl";

    /** SO-7, two lines; written twice in November's export, the second time with 5 units of its first line instead of 2. */
    static final String SO_7 = order("SO-7", "2025-11-20 09:00:00", "Makassar Snack", "Kota Makassar", "["
            + item("SO-7-1", "Dodol Durian", 2, "45000") + "," + item("SO-7-2", "Kacang Disko", 1, "20000") + "]");

    static Map<String, String> dumps() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(NOV, SO_1.replace("\"amount\":\"85000\"", "\"amount\":\"85.000\"") + "\n" + SO_2 + "\n"
                + order("SO-3", "2025-11-04 10:00:00", "Makassar Snack", "Kota Makassar", "[]") + "\n"
                + SO_7 + "\n" + SO_7.replace("\"qty\":2", "\"qty\":5") + "\n");
        files.put(DEC, SO_2 + "\n" + order("SO-6", "2025-12-02 14:00:00", "Noken Papua", "Kota Jayapura", "["
                + item("SO-6-1", "Noken Kulit Kayu", 2, "210000") + "]") + "\n");
        return files;
    }

    private List<String> sales(Path out) {
        return spark.read().parquet(out.resolve("sales").toString()).orderBy("sale_id").collectAsList().stream()
                .map(r -> r.getAs("sale_id") + " " + r.getAs("source_file") + ":" + r.getAs("source_line") + " " + r.getAs("product_title")
                        + " " + r.getAs("quantity") + " " + r.getAs("gmv_idr")).toList();
    }

    private static Map<String, String> inputs(JsonNode manifest, String... fields) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode n : manifest.get("inputs")) {
            StringBuilder b = new StringBuilder();
            for (String f : fields) b.append(b.length() == 0 ? "" : " ").append(f).append('=').append(n.path(f).asText("-"));
            m.put(n.get("source_file").asText(), b.toString());
        }
        return m;
    }

    @Test
    void overlappingDumpsOfOrdersCollapseOnTheLinesContentAndEveryQuarantinedLineNamesItsElement() throws IOException {
        JsonNode m = IngestFixtures.ingestStage(spark, tmp, "omnichannel", MAPPING_WITHOUT_LINE_KEY, dumps(), 1.0);
        Path out = tmp.resolve("out");
        // SO-1's second line (a bad price) and SO-3 (no lines) are quarantined; SO-2, in both months, is December's; of
        // SO-7's two copies in November the first is kept
        // each line keyed by its title (the mapping reads no line key); sales() sorts by sale_id, so by the titles' hashes
        assertEquals(sorted(
                "omnichannel:SO-1:" + t("Kripik Pisang") + " " + NOV + ":1 Kripik Pisang 3 97500.00",
                "omnichannel:SO-1:" + t("Sambal Roa") + " " + NOV + ":1 Sambal Roa 2 55001.00",
                "omnichannel:SO-2:" + t("Noken Anyaman") + " " + DEC + ":1 Noken Anyaman 1 150000.00",
                "omnichannel:SO-2:" + t("Kopi Wamena") + " " + DEC + ":1 Kopi Wamena 4 260000.00",
                "omnichannel:SO-6:" + t("Noken Kulit Kayu") + " " + DEC + ":2 Noken Kulit Kayu 2 420000.00",
                "omnichannel:SO-7:" + t("Dodol Durian") + " " + NOV + ":4 Dodol Durian 2 90000.00",
                "omnichannel:SO-7:" + t("Kacang Disko") + " " + NOV + ":4 Kacang Disko 1 20000.00"), sales(out));
        // rows_read counts sales lines (an order without lines is one row), orders_read the orders they came in
        assertEquals(Map.of(
                NOV, "rows_read=10 accepted=4 quarantined=3 duplicates_collapsed=3 order_lines=items orders_read=5",
                DEC, "rows_read=3 accepted=3 quarantined=0 duplicates_collapsed=0 order_lines=items orders_read=2"),
                inputs(m, "rows_read", "accepted", "quarantined", "duplicates_collapsed", "order_lines", "orders_read"));
        List<String> q = Files.readAllLines(out.resolve(IngestDumps.QUARANTINE_CSV));
        assertEquals("source_file,source_line,marketplace,reason_code,reason_detail,raw_row", q.get(0));
        assertEquals(4, q.size(), String.join("\n", q));
        assertTrue(q.get(1).startsWith(NOV + ",1,omnichannel,BAD_PRICE,\"items[1]: unit_price (items.price.amount): "), q.get(1));
        // (the item's ID is not read by this mapping: masked as any field it does not read)
        assertTrue(q.get(1).contains("\"\"items[1]\"\":{\"\"item_id\"\":\"\"***\"\",\"\"name\"\":\"\"Kopi Toraja\"\""), q.get(1));
        assertTrue(q.get(2).startsWith(NOV + ",3,omnichannel,NO_ITEMS,\"'items' is an empty array: "), q.get(2));
        // the copy of SO-7 on line 5: its first line contradicts line 4's, named by element; its second repeats it (collapsed)
        assertTrue(q.get(3).startsWith(NOV + ",5,omnichannel,CONFLICTING_DUPLICATE,items[0]: same sale_id as line 4 items[0] of "
                + "this file with a different quantity; line 4 items[0] was kept,"), q.get(3));
        // its raw text read again from the file: line 5's first element, not its second
        assertTrue(q.get(3).contains("\"\"items[0]\"\":{\"\"item_id\"\":\"\"***\"\",\"\"name\"\":\"\"Dodol Durian\"\",\"\"qty\"\":5"), q.get(3));
        // the reconciliation keeps its columns; rows = accepted + quarantined + duplicates per file
        assertEquals(List.of("source_file,mapping,sha256,bytes,rows_read,accepted,quarantined,duplicates_collapsed,open_orders"),
                Files.readAllLines(out.resolve("reconciliation.csv")).subList(0, 1));
    }

    static List<String> sorted(String... rows) {
        return java.util.Arrays.stream(rows).sorted().toList();
    }

    /** A, B and C: three lines of 10.000, 2 × 20.000 and 3 × 30.000, Rp140.000 in all. */
    static String abc(String no, String... titles) {
        Map<String, String> items = Map.of("A", item("x", "Kripik Pisang", 1, "10000"), "B", item("x", "Kopi Toraja", 2, "20000"),
                "C", item("x", "Sambal Roa", 3, "30000"));
        return order(no, "2025-11-10 09:00:00", "Makassar Snack", "Kota Makassar",
                "[" + String.join(",", java.util.Arrays.stream(titles).map(items::get).toList()) + "]");
    }

    @Test
    void aLineDroppedOrMovedByALaterExportIsCountedOnceAndIdenticalLinesStayTwo() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        // November: SO-10 [A, B, C], SO-11 [A, B, C], SO-12 [A, A] (the same product twice, as two lines)
        files.put(NOV, abc("SO-10", "A", "B", "C") + "\n" + abc("SO-11", "A", "B", "C") + "\n" + abc("SO-12", "A", "A") + "\n");
        // December repeats them: SO-10 without B (a partial cancellation), SO-11 with its lines sorted otherwise, SO-12 as it was
        files.put(DEC, abc("SO-10", "A", "C") + "\n" + abc("SO-11", "C", "A", "B") + "\n" + abc("SO-12", "A", "A") + "\n");
        JsonNode m = IngestFixtures.ingestStage(spark, tmp, "omnichannel", MAPPING_WITHOUT_LINE_KEY, files, 1.0);
        Path out = tmp.resolve("out");
        // keyed by place, December's C took B's key in SO-10 (-i1) and November's C kept -i2: C counted twice, B gone
        // (Rp190.000); SO-11's lines traded keys. Keyed by content every line is there once, the latest export's; B, which
        // only November has, is superseded by SO-10's December snapshot (OrderSnapshotSupersedesTest; until Dec 2026 it
        // stayed November's)
        assertEquals(sorted(
                "omnichannel:SO-10:" + t("Kripik Pisang") + " " + DEC + ":1 Kripik Pisang 1 10000.00",
                "omnichannel:SO-10:" + t("Sambal Roa") + " " + DEC + ":1 Sambal Roa 3 90000.00",
                "omnichannel:SO-11:" + t("Kripik Pisang") + " " + DEC + ":2 Kripik Pisang 1 10000.00",
                "omnichannel:SO-11:" + t("Kopi Toraja") + " " + DEC + ":2 Kopi Toraja 2 40000.00",
                "omnichannel:SO-11:" + t("Sambal Roa") + " " + DEC + ":2 Sambal Roa 3 90000.00",
                "omnichannel:SO-12:" + t("Kripik Pisang") + " " + DEC + ":3 Kripik Pisang 1 10000.00",
                "omnichannel:SO-12:" + t("Kripik Pisang") + "#2 " + DEC + ":3 Kripik Pisang 1 10000.00"), sales(out));
        // GMV: 100.000 for SO-10 (A and C), 140.000 for SO-11, 20.000 for SO-12's two lines
        assertEquals(new java.math.BigDecimal("260000.00"), spark.read().parquet(out.resolve("sales").toString())
                .agg(org.apache.spark.sql.functions.sum("gmv_idr")).first().getDecimal(0));
        // of November's 8 lines, the 7 December repeats collapse under December's, and SO-10's B, superseded, too
        assertEquals(Map.of(
                NOV, "rows_read=8 accepted=0 quarantined=0 duplicates_collapsed=8",
                DEC, "rows_read=7 accepted=7 quarantined=0 duplicates_collapsed=0"),
                inputs(m, "rows_read", "accepted", "quarantined", "duplicates_collapsed"));
    }

    @Test
    void aRerunParsesNothingAgainAndAChangedMappingReparsesItsFiles() throws IOException {
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Files.writeString(maps.resolve("omnichannel.yaml"), MAPPING_WITHOUT_LINE_KEY);
        Path dumps = tmp.resolve("dumps");
        for (var f : dumps().entrySet()) {
            Files.createDirectories(dumps.resolve(f.getKey()).getParent());
            Files.writeString(dumps.resolve(f.getKey()), f.getValue());
        }
        Path cfg = Files.createDirectories(tmp.resolve("config")).resolve("neraca.yaml");
        Files.writeString(cfg, "run:\n  reference_dir: " + IngestFixtures.reference(tmp) + "\n  mappings_dir: " + maps
                + "\n  shuffle_partitions: 2\ningest:\n  max_quarantine_share: 1.0\n  max_order_date: \"2026-11-29\"\n");
        Path out = tmp.resolve("out");
        IngestFixtures.ingestAsCli(spark, cfg, dumps, out, false, "test-run-1");
        List<String> first = sales(out);
        byte[] quarantine = Files.readAllBytes(out.resolve(IngestDumps.QUARANTINE_CSV));

        // unchanged: the stored rows are reused, elements and all
        JsonNode again = IngestFixtures.ingestAsCli(spark, cfg, dumps, out, false, "test-run-2");
        assertEquals(Map.of(NOV, "status=skipped orders_read=5", DEC, "status=skipped orders_read=2"), inputs(again, "status", "orders_read"));
        assertEquals(first, sales(out));
        assertEquals(new String(quarantine, java.nio.charset.StandardCharsets.UTF_8),
                Files.readString(out.resolve(IngestDumps.QUARANTINE_CSV)));

        // the mapping now reads the items' own IDs: its files are parsed again, and their lines keyed by them
        Files.writeString(maps.resolve("omnichannel.yaml"), MAPPING);
        JsonNode changed = IngestFixtures.ingestAsCli(spark, cfg, dumps, out, false, "test-run-3");
        assertEquals(Map.of(NOV, "status=changed", DEC, "status=changed"), inputs(changed, "status"));
        assertEquals(List.of("omnichannel:SO-1:SO-1-1", "omnichannel:SO-1:SO-1-3", "omnichannel:SO-2:SO-2-1", "omnichannel:SO-2:SO-2-2",
                "omnichannel:SO-6:SO-6-1", "omnichannel:SO-7:SO-7-1", "omnichannel:SO-7:SO-7-2"),
                sales(out).stream().map(s -> s.substring(0, s.indexOf(' '))).toList());
    }
}
