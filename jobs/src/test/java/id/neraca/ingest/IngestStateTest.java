package id.neraca.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import id.neraca.SparkTestBase;
import id.neraca.core.Manifest;
import id.neraca.core.Pipeline;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Incremental ingest ({@link IngestState}) against a full rebuild over the same dumps: new files added in two steps
 * (with an order re-exported across files, so duplicate resolution crosses old and new files), an unchanged rerun
 * that parses nothing, a changed file, a file that left --dumps, and a damaged state that falls back to a full
 * rebuild. Runs the IngestDumps stage through {@link Pipeline} like the CLI does, on the class's shared session.
 */
class IngestStateTest extends SparkTestBase {
    private static final String SHOPEE_A = "shopee/shopee_orders_20230101_20230115.csv";
    private static final String SHOPEE_B = "shopee/shopee_orders_20230110_20230131.csv";
    private static final String TOKOPEDIA = "tokopedia/tokopedia_orders_2023-01.jsonl";
    private static final String TIKTOK = "tiktokshop/tiktok_orders_2023-01.csv";
    private static final String XB = "crossborder/xb_orders_2023-01.csv.gz";
    private static final String SCRAPE = "tokopedia-scrape/tokopedia-search-2023-02-09/sample_data_09-02-2023.csv";

    @TempDir
    Path tmp;
    private int runs;

    private Path cfg() {
        Path f = tmp.resolve("config/neraca.yaml");
        if (!Files.exists(f)) IngestFixtures.config(tmp, IngestFixtures.reference(tmp), 0.5);
        return f;
    }

    private static void add(Path dumps, String... files) throws IOException {
        for (String f : files) {
            Path t = dumps.resolve(f);
            Files.createDirectories(t.getParent());
            Files.copy(IngestFixtures.dumps().resolve(f), t);
        }
    }

    /** One ingest run as the CLI does it ({@link IngestFixtures#ingestAsCli}). */
    private JsonNode ingest(Path dumps, Path out, boolean full) {
        return IngestFixtures.ingestAsCli(spark, cfg(), dumps, out, full, "test-run-" + (++runs));
    }

    private List<String> rows(Path out, String output, String... order) {
        return spark.read().parquet(out.resolve(output).toString()).orderBy(java.util.Arrays.stream(order).map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new)).collectAsList().stream()
                .map(Row::toString).toList();
    }

    private List<String> sales(Path out) {
        return rows(out, "sales", "source_file", "source_line");
    }

    private static Map<String, String> statuses(JsonNode manifest) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode n : manifest.get("inputs")) m.put(n.get("source_file").asText(), n.path("status").asText("?"));
        return m;
    }

    /** Manifest inputs without the status: the counts must equal a full run's. */
    private static List<String> inputCounts(JsonNode manifest) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : manifest.get("inputs")) {
            com.fasterxml.jackson.databind.node.ObjectNode c = n.deepCopy();
            c.remove("status");
            out.add(c.toString());
        }
        out.sort(String::compareTo);
        return out;
    }

    private void assertSameAsFull(Path dumps, Path out, JsonNode incremental) throws IOException {
        Path full = tmp.resolve("full-" + runs);
        JsonNode fm = ingest(dumps, full, true);
        assertEquals("full", fm.at("/stages/IngestDumps/mode").asText());
        assertEquals(sales(full), sales(out));
        assertEquals(rows(full, "quarantine", "source_file", "source_line"), rows(out, "quarantine", "source_file", "source_line"));
        assertEquals(Files.readString(full.resolve("reconciliation.csv")), Files.readString(out.resolve("reconciliation.csv")));
        assertEquals(Files.readString(full.resolve("quarantine.csv")), Files.readString(out.resolve("quarantine.csv")));
        assertEquals(Files.readString(full.resolve("quarantine_reasons.csv")), Files.readString(out.resolve("quarantine_reasons.csv")));
        assertEquals(inputCounts(fm), inputCounts(incremental));
    }

    @Test
    void newFilesAddedIncrementallyEqualAFullRebuildAndAnUnchangedRerunParsesNothing() throws IOException {
        Path dumps = tmp.resolve("dumps");
        Path out = tmp.resolve("out");
        add(dumps, SHOPEE_A, TOKOPEDIA);
        JsonNode m1 = ingest(dumps, out, false);
        assertEquals("full", m1.at("/stages/IngestDumps/mode").asText());
        assertEquals(2, m1.at("/stages/IngestDumps/files_parsed").asInt());
        // the order-date window it ran with, for the report's comparison with the previous one (report.Revisions)
        assertEquals("2015-01-01", m1.at("/stages/IngestDumps/min_order_date").asText());
        assertEquals("2026-11-29", m1.at("/stages/IngestDumps/max_order_date").asText(), "IngestFixtures pins it");
        assertTrue(m1.at("/stages/IngestDumps/max_order_date_pinned").asBoolean(false));
        assertEquals(Map.of(SHOPEE_A, "ingested", TOKOPEDIA, "ingested"), statuses(m1));
        assertTrue(Files.isRegularFile(out.resolve("ingest_state/files.json")));
        assertTrue(Files.isRegularFile(out.resolve("ingest_state/parsed/_SUCCESS")));

        // B re-exports order 230112BBB (Selesai in A, Batal in B): the later export must win across old and new files
        add(dumps, SHOPEE_B, TIKTOK);
        JsonNode m2 = ingest(dumps, out, false);
        assertEquals("incremental", m2.at("/stages/IngestDumps/mode").asText());
        assertEquals(2, m2.at("/stages/IngestDumps/files_parsed").asInt());
        assertEquals(2, m2.at("/stages/IngestDumps/files_skipped").asInt());
        assertEquals(Map.of(SHOPEE_A, "skipped", TOKOPEDIA, "skipped", SHOPEE_B, "ingested", TIKTOK, "ingested"), statuses(m2));
        List<Row> bbb = spark.read().parquet(out.resolve("sales").toString()).filter(col("sale_id").contains("230112BBB"))
                .select("source_file", "status").collectAsList();
        assertEquals(1, bbb.size(), bbb.toString());
        assertEquals(SHOPEE_B, bbb.get(0).getString(0));
        assertEquals("CANCELLED", bbb.get(0).getString(1));
        JsonNode a = null;
        for (JsonNode n : m2.get("inputs")) if (n.get("source_file").asText().equals(SHOPEE_A)) a = n;
        assertTrue(a != null && a.get("duplicates_collapsed").asLong() >= 2, "A's BBB now collapses into B's: " + a);
        assertSameAsFull(dumps, out, m2);

        add(dumps, XB, SCRAPE);
        JsonNode m3 = ingest(dumps, out, false);
        assertEquals(2, m3.at("/stages/IngestDumps/files_parsed").asInt());
        assertEquals(4, m3.at("/stages/IngestDumps/files_skipped").asInt());
        assertSameAsFull(dumps, out, m3);

        List<String> before = sales(out);
        JsonNode m4 = ingest(dumps, out, false);
        assertEquals("incremental", m4.at("/stages/IngestDumps/mode").asText());
        assertEquals(0, m4.at("/stages/IngestDumps/files_parsed").asInt());
        assertEquals(6, m4.at("/stages/IngestDumps/files_skipped").asInt());
        assertTrue(statuses(m4).values().stream().allMatch("skipped"::equals), statuses(m4).toString());
        assertEquals(6, m4.get("inputs").size());
        assertEquals(inputCounts(m3), inputCounts(m4));
        assertEquals(before, sales(out));
    }

    @Test
    void aChangedFileIsReingestedAndAMissingFileKeepsItsRowsUntilFull() throws IOException {
        Path dumps = tmp.resolve("dumps");
        Path out = tmp.resolve("out");
        add(dumps, SHOPEE_A, SHOPEE_B, TIKTOK, TOKOPEDIA);
        ingest(dumps, out, false);

        // the same name, new content: one data line fewer
        Path tiktok = dumps.resolve(TIKTOK);
        List<String> lines = new ArrayList<>(Files.readAllLines(tiktok));
        lines.remove(lines.size() - 1);
        Files.write(tiktok, lines);
        JsonNode m = ingest(dumps, out, false);
        assertEquals("changed", statuses(m).get(TIKTOK));
        assertEquals("skipped", statuses(m).get(SHOPEE_A));
        assertEquals(1, m.at("/stages/IngestDumps/files_parsed").asInt());
        assertEquals(1, m.at("/stages/IngestDumps/files_changed").asInt());
        assertSameAsFull(dumps, out, m);

        // a file leaves --dumps (archived): its rows stay and it is reported; --full drops them
        long tokRows = spark.read().parquet(out.resolve("sales").toString()).filter(col("source_file").equalTo(TOKOPEDIA)).count();
        assertTrue(tokRows > 0);
        Files.delete(dumps.resolve(TOKOPEDIA));
        JsonNode gone = ingest(dumps, out, false);
        assertEquals("missing_kept", statuses(gone).get(TOKOPEDIA));
        assertEquals(1, gone.at("/stages/IngestDumps/files_missing_kept").asInt());
        assertEquals(0, gone.at("/stages/IngestDumps/files_parsed").asInt());
        assertEquals(tokRows, spark.read().parquet(out.resolve("sales").toString()).filter(col("source_file").equalTo(TOKOPEDIA)).count());
        assertTrue(Files.readString(out.resolve("reconciliation.csv")).contains(TOKOPEDIA + ","));
        // and it is still remembered by the next incremental run
        assertEquals("missing_kept", statuses(ingest(dumps, out, false)).get(TOKOPEDIA));

        JsonNode full = ingest(dumps, out, true);
        assertFalse(statuses(full).containsKey(TOKOPEDIA));
        assertEquals(0, spark.read().parquet(out.resolve("sales").toString()).filter(col("source_file").equalTo(TOKOPEDIA)).count());
        assertFalse(Files.readString(out.resolve("reconciliation.csv")).contains(TOKOPEDIA + ","));
    }

    /**
     * Last month's folder, then this month's: a file under the same path with other contents is a new export reusing a
     * name as likely as a correction, and replacing the earlier month's rows silently would lose them, so the run stops
     * (exit 2) naming the file and the ways out, out/ untouched; unchanged and new files under a moved folder go on.
     */
    @Test
    void aFileReusingANameUnderAnotherDumpsFolderStopsInsteadOfReplacingTheEarlierRows() throws IOException {
        Path november = tmp.resolve("dumps-2025-11");
        Path december = tmp.resolve("dumps-2025-12");
        Path out = tmp.resolve("out");
        add(november, SHOPEE_A, TIKTOK);
        ingest(november, out, false);
        List<String> before = sales(out);

        add(december, SHOPEE_A, TIKTOK);
        Path tiktok = december.resolve(TIKTOK);
        List<String> lines = new ArrayList<>(Files.readAllLines(tiktok));
        lines.remove(lines.size() - 1);
        Files.write(tiktok, lines);
        id.neraca.core.NeracaException e = org.junit.jupiter.api.Assertions.assertThrows(id.neraca.core.NeracaException.class,
                () -> ingest(december, out, false));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains(TIKTOK) && e.getMessage().contains("ingested from " + november.toAbsolutePath())
                && e.getMessage().contains("--dumps " + november.toAbsolutePath()) && e.getMessage().contains("--full"), e.getMessage());
        assertEquals(before, sales(out));

        // the same folder moved, its files unchanged, one new: matched by path, nothing re-read
        Path moved = tmp.resolve("dumps-moved");
        add(moved, SHOPEE_A, TIKTOK, SHOPEE_B);
        JsonNode m = ingest(moved, out, false);
        assertEquals(Map.of(SHOPEE_A, "skipped", TIKTOK, "skipped", SHOPEE_B, "ingested"), statuses(m));
        // and the state now remembers the moved folder: a correction there is a correction
        Files.write(moved.resolve(TIKTOK), lines);
        assertEquals("changed", statuses(ingest(moved, out, false)).get(TIKTOK));
        assertEquals(Path.of("rel").toAbsolutePath().normalize().toString(), IngestState.dumpsFolder("./rel/"));
        assertEquals("s3a://bucket/dumps", IngestState.dumpsFolder("s3a://bucket/dumps/"));
    }

    /**
     * A configuration change (a category alias added to the reference tables, as ingest's unknown-category warning asks)
     * makes the stored rows stale, and every file must be parsed again; a file archived out of --dumps cannot be, and
     * the rebuild dropped its rows with exit 0. Now the run stops (exit 2, out/ untouched) naming the file and the ways
     * out; with every file back, or with --full, it rebuilds.
     */
    @Test
    void aConfigurationChangeDoesNotSilentlyDropArchivedFiles() throws IOException {
        Path dumps = tmp.resolve("dumps");
        Path out = tmp.resolve("out");
        add(dumps, SHOPEE_A, TIKTOK, TOKOPEDIA);
        ingest(dumps, out, false);
        Files.delete(dumps.resolve(TOKOPEDIA));
        assertEquals("missing_kept", statuses(ingest(dumps, out, false)).get(TOKOPEDIA));
        List<String> before = sales(out);

        Path categories = tmp.resolve("reference/categories.csv");
        Files.writeString(categories, Files.readString(categories).replaceFirst("\\|Fashion Muslim\\|", "|Fashion Muslim|Gamis|"));
        id.neraca.core.NeracaException e = org.junit.jupiter.api.Assertions.assertThrows(id.neraca.core.NeracaException.class,
                () -> ingest(dumps, out, false));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().startsWith("the reference tables changed (categories.csv)"), e.getMessage());
        assertTrue(e.getMessage().contains("1 of its 3 file(s)") && e.getMessage().contains(TOKOPEDIA)
                && e.getMessage().contains("Put them back under --dumps") && e.getMessage().contains("--full"), e.getMessage());
        assertEquals(before, sales(out), "out/ untouched");

        add(dumps, TOKOPEDIA);
        JsonNode rebuilt = ingest(dumps, out, false);
        assertEquals("full", rebuilt.at("/stages/IngestDumps/mode").asText());
        assertEquals(3, statuses(rebuilt).size());
        Files.delete(dumps.resolve(TOKOPEDIA));
        Files.writeString(categories, Files.readString(categories).replace("|Gamis|", "|"));
        JsonNode dropped = ingest(dumps, out, true);
        assertFalse(statuses(dropped).containsKey(TOKOPEDIA), "--full: rebuilt from --dumps alone, as asked");
    }

    /**
     * A stored file carries the hash of the mapping that parsed it: editing one mapping re-parses that mapping's files
     * only, adding a mapping re-parses nothing (both re-parsed every dump before), and the result equals a full rebuild.
     * A reference table's change names the file.
     */
    @Test
    void editingOneMappingReparsesItsFilesOnly() throws IOException {
        Path maps = tmp.resolve("maps");
        try (Stream<Path> files = Files.list(IngestFixtures.mappings())) {
            Files.createDirectories(maps);
            for (Path f : files.toList()) Files.copy(f, maps.resolve(f.getFileName()));
        }
        Path c = cfg();
        Files.writeString(c, Files.readString(c).replaceFirst("mappings_dir: .*", "mappings_dir: " + maps));
        Path dumps = tmp.resolve("dumps");
        Path out = tmp.resolve("out");
        add(dumps, SHOPEE_A, SHOPEE_B, TIKTOK, TOKOPEDIA);
        ingest(dumps, out, false);

        Files.writeString(maps.resolve("tiktokshop.yaml"), Files.readString(maps.resolve("tiktokshop.yaml")) + "\n# edited\n");
        JsonNode m = ingest(dumps, out, false);
        assertEquals("incremental", m.at("/stages/IngestDumps/mode").asText());
        assertEquals(Map.of(SHOPEE_A, "skipped", SHOPEE_B, "skipped", TIKTOK, "changed", TOKOPEDIA, "skipped"), statuses(m));
        assertEquals(1, m.at("/stages/IngestDumps/files_parsed").asInt());
        assertSameAsFull(dumps, out, m);

        Files.writeString(maps.resolve("blibli.yaml"), Files.readString(maps.resolve("lazada.yaml"))
                .replace("marketplace: lazada", "marketplace: blibli").replace("lazada/", "blibli/"));
        JsonNode added = ingest(dumps, out, false);
        assertEquals(0, added.at("/stages/IngestDumps/files_parsed").asInt(), "a new mapping matching no stored file re-parses nothing");

        // an archived file of an edited mapping cannot be re-parsed: stop, as for a reference change
        Files.delete(dumps.resolve(TIKTOK));
        ingest(dumps, out, false);
        Files.writeString(maps.resolve("tiktokshop.yaml"), Files.readString(maps.resolve("tiktokshop.yaml")) + "# again\n");
        id.neraca.core.NeracaException e = org.junit.jupiter.api.Assertions.assertThrows(id.neraca.core.NeracaException.class,
                () -> ingest(dumps, out, false));
        assertTrue(e.getMessage().startsWith("the mapping(s) tiktokshop changed") && e.getMessage().contains(TIKTOK), e.getMessage());
    }

    @Test
    void aDamagedStateFallsBackToAFullRebuild() throws IOException {
        Path dumps = tmp.resolve("dumps");
        Path out = tmp.resolve("out");
        add(dumps, SHOPEE_A, SHOPEE_B, TIKTOK);
        ingest(dumps, out, false);
        List<String> expected = sales(out);

        Files.writeString(out.resolve("ingest_state/files.json"), "{\"version\": 1, \"files\": [tru");
        JsonNode m1 = ingest(dumps, out, false);
        assertEquals("full", m1.at("/stages/IngestDumps/mode").asText());
        assertTrue(m1.at("/stages/IngestDumps/full_reason").asText().contains("unreadable"), m1.toString());
        assertEquals(3, m1.at("/stages/IngestDumps/files_parsed").asInt());
        assertEquals(expected, sales(out));

        // a data file of the parsed rows gone: the stored counts no longer match files.json
        List<Path> parts;
        try (Stream<Path> s = Files.list(out.resolve("ingest_state/parsed"))) {
            parts = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        assertFalse(parts.isEmpty());
        for (Path p : parts) {
            if (spark.read().parquet(p.toString()).count() > 0) {
                Files.delete(p);
                break;
            }
        }
        JsonNode m2 = ingest(dumps, out, false);
        assertEquals("full", m2.at("/stages/IngestDumps/mode").asText());
        assertTrue(m2.at("/stages/IngestDumps/full_reason").asText().contains("lacks the rows of "), m2.toString());
        assertEquals(3, m2.at("/stages/IngestDumps/files_parsed").asInt());
        assertEquals(expected, sales(out));

        // the folder whole on the outside but a Parquet file corrupt inside: noticed while reading, then full
        try (Stream<Path> s = Files.list(out.resolve("ingest_state/parsed"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".parquet")).toList()) Files.writeString(p, "not parquet");
        }
        try (Stream<Path> s = Files.walk(out.resolve("ingest_state/parsed"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".crc")).toList()) Files.delete(p);
        }
        JsonNode m3 = ingest(dumps, out, false);
        assertEquals("full", m3.at("/stages/IngestDumps/mode").asText());
        assertEquals(3, m3.at("/stages/IngestDumps/files_parsed").asInt());
        assertTrue(statuses(m3).values().stream().allMatch("ingested"::equals), statuses(m3).toString());
        assertEquals(expected, sales(out));

        // the state removed altogether while out/sales exists
        deleteTree(out.resolve("ingest_state"));
        JsonNode m4 = ingest(dumps, out, false);
        assertEquals("full", m4.at("/stages/IngestDumps/mode").asText());
        assertTrue(m4.at("/stages/IngestDumps/full_reason").asText().contains("does not"), m4.toString());
        assertEquals(expected, sales(out));
        assertEquals(0, ingest(dumps, out, false).at("/stages/IngestDumps/files_parsed").asInt());
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
