package id.neraca.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import id.neraca.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static id.neraca.ingest.JsonOrderLinesTest.MAPPING_WITHOUT_LINE_KEY;
import static id.neraca.ingest.JsonOrderLinesTest.item;
import static id.neraca.ingest.JsonOrderLinesTest.order;
import static id.neraca.ingest.JsonOrderLinesTest.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An order's later snapshot ({@code format.order_lines}: each JSON line the whole order) supersedes the lines of its
 * earlier exports it no longer holds: they collapse as duplicates, "superseded by the order's later export <file>", instead
 * of staying accepted from the earlier file. Twins [A, A] re-exported as [A] left A's {@code #2} counted from November (2
 * lines for 1); an item removed from the order stayed counted. A flat CSV export (one row per line) is not treated so: a
 * later file may hold only some lines of an order. Counts per file still reconcile, and an incremental rerun equals a full
 * one whichever export arrives first. Hand-written dumps and expected rows; one session per class.
 */
class OrderSnapshotSupersedesTest extends SparkTestBase {
    @TempDir
    static Path shared;
    static Dataset<Row> parsed;
    static Map<String, String> orderLines;
    static Dataset<Row> resolved;

    static final String NOV = "omnichannel/orders_2025-11.jsonl";
    static final String DEC = "omnichannel/orders_2025-12.jsonl";

    static final String A = item("x", "Kripik Pisang", 1, "10000");
    static final String B = item("x", "Kopi Toraja", 2, "20000");
    static final String C = item("x", "Sambal Roa", 3, "30000");

    static String so(String no, String status, String... items) {
        return order(no, "2025-11-10 09:00:00", "Makassar Snack", "Kota Makassar", "[" + String.join(",", items) + "]")
                .replace("\"status\":\"COMPLETED\"", "\"status\":\"" + status + "\"");
    }

    /** A and B as a later export garbles them: a price with the letter O for zeros (BAD_PRICE). */
    static final String A_BAD = item("x", "Kripik Pisang", 1, "1OOOO");
    static final String B_BAD = item("x", "Kopi Toraja", 2, "2OOOO");

    /**
     * SO-20: twins [A, A] in November, [A] in December (one cancelled out of the cart). SO-21: [A, B, C], then [A, C] (B
     * removed). SO-22: in November's export only. SO-23: [A], then [A, B] (an item added). SO-24: [A, B], then the
     * whole order with a status the map does not hold (quarantined UNKNOWN_STATUS): the snapshot still holds both lines,
     * unreadable, so November's stay. SO-25: [A, B], then [A, B with a garbled price]: B is held but unreadable, so
     * November's B stays. SO-26: [A, B], then [A with a garbled price] alone: A stays from November, B is superseded.
     */
    static Map<String, String> dumps() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(NOV, so("SO-20", "COMPLETED", A, A) + "\n" + so("SO-21", "COMPLETED", A, B, C) + "\n"
                + so("SO-22", "COMPLETED", A, B) + "\n" + so("SO-23", "COMPLETED", A) + "\n" + so("SO-24", "COMPLETED", A, B) + "\n"
                + so("SO-25", "COMPLETED", A, B) + "\n" + so("SO-26", "COMPLETED", A, B) + "\n");
        files.put(DEC, so("SO-20", "COMPLETED", A) + "\n" + so("SO-21", "COMPLETED", A, C) + "\n"
                + so("SO-23", "COMPLETED", A, B) + "\n" + so("SO-24", "DIKEMBALIKAN", A, B) + "\n"
                + so("SO-25", "COMPLETED", A, B_BAD) + "\n" + so("SO-26", "COMPLETED", A_BAD) + "\n");
        return files;
    }

    static void write(Path dumps, Map<String, String> files) throws IOException {
        for (var f : files.entrySet()) {
            Path p = dumps.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
    }

    static Path maps(Path tmp) throws IOException {
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Files.writeString(maps.resolve("omnichannel.yaml"), MAPPING_WITHOUT_LINE_KEY);
        return maps;
    }

    @BeforeAll
    static void resolve() throws IOException {
        write(shared.resolve("dumps"), dumps());
        IngestRun.Prepared p = IngestRun.prepare(maps(shared), IngestFixtures.reference(shared), shared.resolve("dumps").toString(),
                id.neraca.ingest.ids.SellerKeys.of(IngestFixtures.KEY), IngestFixtures.CFG, false, false);
        parsed = IngestRun.parse(spark, p);
        orderLines = IngestRun.orderLines(p.plan().mappings());
        resolved = ResolveDuplicates.apply(parsed, 0, orderLines).cache();
    }

    /** file:line[element] disposition sale_id (order and line key) reason: detail. */
    private static List<String> rows(String order) {
        return resolved.filter(org.apache.spark.sql.functions.col("raw_row").isNull()
                        .and(org.apache.spark.sql.functions.col("sale_id").contains(order + ":"))
                        .or(org.apache.spark.sql.functions.col("reason_code").isNotNull()
                                .and(org.apache.spark.sql.functions.col("raw_row").contains("\"" + order + "\""))))
                .orderBy("source_file", "source_line", IngestSchemas.SOURCE_ELEMENT).collectAsList().stream()
                .map(r -> r.getAs("source_file") + ":" + r.getAs("source_line") + "[" + r.getAs(IngestSchemas.SOURCE_ELEMENT) + "] "
                        + r.getAs("disposition") + " " + (r.getAs("sale_id") == null ? "-" : ((String) r.getAs("sale_id")).substring(order.length() + 13))
                        + " " + r.getAs("reason_code") + ": " + r.getAs("reason_detail"))
                .toList();
    }

    static final String SUPERSEDED = "null: superseded by the order's later export " + DEC;

    @Test
    void twinsExportedAgainAsOneLineAreOneSale() {
        // December's A is accepted; November's first A repeats it (a plain duplicate), its #2 is superseded
        assertEquals(List.of(
                NOV + ":1[0] DUPLICATE " + t("Kripik Pisang") + " null: null",
                NOV + ":1[1] DUPLICATE " + t("Kripik Pisang") + "#2 " + SUPERSEDED,
                DEC + ":1[0] ACCEPTED " + t("Kripik Pisang") + " null: null"), rows("SO-20"));
    }

    @Test
    void anItemRemovedInALaterExportIsSupersededAndAnItemAddedIsCounted() {
        assertEquals(List.of(
                NOV + ":2[0] DUPLICATE " + t("Kripik Pisang") + " null: null",
                NOV + ":2[1] DUPLICATE " + t("Kopi Toraja") + " " + SUPERSEDED,
                NOV + ":2[2] DUPLICATE " + t("Sambal Roa") + " null: null",
                DEC + ":2[0] ACCEPTED " + t("Kripik Pisang") + " null: null",
                DEC + ":2[1] ACCEPTED " + t("Sambal Roa") + " null: null"), rows("SO-21"));
        assertEquals(List.of(
                NOV + ":4[0] DUPLICATE " + t("Kripik Pisang") + " null: null",
                DEC + ":3[0] ACCEPTED " + t("Kripik Pisang") + " null: null",
                DEC + ":3[1] ACCEPTED " + t("Kopi Toraja") + " null: null"), rows("SO-23"));
    }

    @Test
    void anOrderOnlyInTheEarlierExportIsUntouched() {
        assertEquals(List.of(
                NOV + ":3[0] ACCEPTED " + t("Kripik Pisang") + " null: null",
                NOV + ":3[1] ACCEPTED " + t("Kopi Toraja") + " null: null"), rows("SO-22"));
    }

    @Test
    void aLaterSnapshotWhoseLinesAllFailedStillHoldsThem() {
        // each failed line keeps its sale's identity: the snapshot holds A and B, unreadable, so November's versions stay
        List<String> so24 = rows("SO-24");
        assertEquals(4, so24.size(), String.join("\n", so24));
        assertEquals(List.of(
                NOV + ":5[0] ACCEPTED " + t("Kripik Pisang") + " null: null",
                NOV + ":5[1] ACCEPTED " + t("Kopi Toraja") + " null: null"), so24.subList(0, 2));
        assertEquals(true, so24.get(2).startsWith(DEC + ":4[0] QUARANTINED " + t("Kripik Pisang") + " UNKNOWN_STATUS: "), so24.get(2));
        assertEquals(true, so24.get(3).startsWith(DEC + ":4[1] QUARANTINED " + t("Kopi Toraja") + " UNKNOWN_STATUS: "), so24.get(3));
    }

    @Test
    void aLineTheLaterSnapshotHoldsButCannotReadKeepsItsEarlierVersion() {
        // until Dec 2026 November's B was superseded and the sale was only in the quarantine: a flat export's sale whose
        // later copy fails keeps its earlier one, and so does an order's line now
        List<String> so25 = rows("SO-25");
        assertEquals(4, so25.size(), String.join("\n", so25));
        assertEquals(List.of(
                NOV + ":6[0] DUPLICATE " + t("Kripik Pisang") + " null: null",
                NOV + ":6[1] ACCEPTED " + t("Kopi Toraja") + " null: null",
                DEC + ":5[0] ACCEPTED " + t("Kripik Pisang") + " null: null"), so25.subList(0, 3));
        assertEquals(true, so25.get(3).startsWith(DEC + ":5[1] QUARANTINED " + t("Kopi Toraja") + " BAD_PRICE: items[1]: "), so25.get(3));
    }

    @Test
    void aSnapshotOfUnreadableLinesStillSupersedesTheLinesItNoLongerHolds() {
        List<String> so26 = rows("SO-26");
        assertEquals(3, so26.size(), String.join("\n", so26));
        assertEquals(List.of(
                NOV + ":7[0] ACCEPTED " + t("Kripik Pisang") + " null: null",
                NOV + ":7[1] DUPLICATE " + t("Kopi Toraja") + " " + SUPERSEDED), so26.subList(0, 2));
        assertEquals(true, so26.get(2).startsWith(DEC + ":6[0] QUARANTINED " + t("Kripik Pisang") + " BAD_PRICE: items[0]: "), so26.get(2));
    }

    @Test
    void theOrderWindowAddsNoShuffleAndNoSort() {
        // hash partitioning on the order satisfies the (order, sale, file), (order, sale) and (order) windows, and the first
        // window's sort serves the other two: one exchange and one sort, as before the order window (a plan not yet run:
        // adaptive execution prints its initial plan alone; the rows anew, so that the cached resolved rows are not used)
        Dataset<Row> rows = spark.createDataFrame(parsed.javaRDD(), IngestSchemas.PARSED);
        String plan = ResolveDuplicates.apply(rows, 0, orderLines).queryExecution().executedPlan().toString();
        assertEquals(1, plan.split("Exchange ", -1).length - 1, plan);
        assertEquals(1, plan.split("Sort \\[", -1).length - 1, plan);
    }

    /** Per file: rows_read accepted quarantined duplicates_collapsed, from the ingest stage's manifest. */
    private static Map<String, String> counts(JsonNode manifest) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode n : manifest.get("inputs")) {
            m.put(n.get("source_file").asText(), n.get("rows_read").asLong() + " = " + n.get("accepted").asLong() + " + "
                    + n.get("quarantined").asLong() + " + " + n.get("duplicates_collapsed").asLong());
        }
        return m;
    }

    @Test
    void eachFileStillReconcilesAndTheSalesAreTheLatestSnapshots(@TempDir Path tmp) throws IOException {
        JsonNode m = IngestFixtures.ingestStage(spark, tmp, "omnichannel", MAPPING_WITHOUT_LINE_KEY, dumps(), 1.0);
        // November: 14 lines; SO-22's two, SO-24's two, SO-25's B and SO-26's A accepted, the 6 of SO-20, SO-21 and SO-23,
        // SO-25's A and SO-26's B collapsed (three superseded among them). December: 10 lines; 6 accepted, SO-24's two,
        // SO-25's B and SO-26's A quarantined
        assertEquals(Map.of(NOV, "14 = 6 + 0 + 8", DEC, "10 = 6 + 4 + 0"), counts(m));
        // of November's 8 duplicates, SO-20's #2, SO-21's B and SO-26's B were superseded (the manifest's inputs[], beside orders_read)
        Map<String, String> superseded = new LinkedHashMap<>();
        for (JsonNode n : m.get("inputs")) {
            superseded.put(n.get("source_file").asText(), n.path("orders_read").asText() + " orders, " + n.path("superseded_lines").asText());
        }
        assertEquals(Map.of(NOV, "7 orders, 3", DEC, "6 orders, 0"), superseded);
        // GMV: SO-20 10.000, SO-21 100.000, SO-22 50.000, SO-23 50.000, SO-24 50.000 (November's, its December failed),
        // SO-25 50.000 (December's A, November's B), SO-26 10.000 (November's A)
        assertEquals(new java.math.BigDecimal("320000.00"), spark.read().parquet(tmp.resolve("out/sales").toString())
                .agg(org.apache.spark.sql.functions.sum("gmv_idr")).first().getDecimal(0));
    }

    @Test
    void aFlatCsvExportHoldingSomeLinesOfAnOrderSupersedesNothing(@TempDir Path tmp) throws IOException {
        // Shopee's flat export, one row per line: the later file holds one line of O1 (its returns, say); the earlier
        // file's other lines of O1 stay accepted
        Path dumps = tmp.resolve("dumps");
        write(dumps, Map.of(
                BlankSkuLinesTest.EARLY, BadInputTest.SHOPEE_HEADER + "\n"
                        + BlankSkuLinesTest.line("O1", "Selesai", "Kaos Polos Hitam", "", "Indonesia") + "\n"
                        + BlankSkuLinesTest.line("O1", "Selesai", "Kaos Polos Putih", "", "Indonesia") + "\n",
                BlankSkuLinesTest.LATE, BadInputTest.SHOPEE_HEADER + "\n"
                        + BlankSkuLinesTest.line("O1", "Batal", "Kaos Polos Putih", "", "Indonesia") + "\n"));
        Dataset<Row> r = IngestFixtures.resolve(spark, IngestFixtures.prepare(dumps, IngestFixtures.reference(tmp), false));
        assertEquals(List.of(
                BlankSkuLinesTest.EARLY + ":2 ACCEPTED COMPLETED null",
                BlankSkuLinesTest.EARLY + ":3 DUPLICATE COMPLETED null",
                BlankSkuLinesTest.LATE + ":2 ACCEPTED CANCELLED null"),
                r.orderBy("source_file", "source_line").collectAsList().stream()
                        .map(x -> x.getAs("source_file") + ":" + x.getAs("source_line") + " " + x.getAs("disposition") + " "
                                + x.getAs("status") + " " + x.getAs("reason_detail")).toList());
    }

    /** The sales, the quarantine and the reconciliation of an ingest into {@code out}. */
    private List<String> outputs(Path out) throws IOException {
        List<String> o = new java.util.ArrayList<>(spark.read().parquet(out.resolve("sales").toString())
                .orderBy("source_file", "source_line", "sale_id").collectAsList().stream().map(Row::toString).toList());
        o.add(Files.readString(out.resolve("reconciliation.csv")));
        o.add(Files.readString(out.resolve("quarantine.csv")));
        return o;
    }

    private void incrementalEqualsFull(Path tmp, String first, String second) throws IOException {
        Path maps = maps(tmp);
        Path cfg = Files.createDirectories(tmp.resolve("config")).resolve("neraca.yaml");
        Files.writeString(cfg, "run:\n  reference_dir: " + IngestFixtures.reference(tmp) + "\n  mappings_dir: " + maps
                + "\n  shuffle_partitions: 2\ningest:\n  max_quarantine_share: 1.0\n  max_order_date: \"2026-11-29\"\n");
        Path dumps = tmp.resolve("dumps");
        Path out = tmp.resolve("out");
        write(dumps, Map.of(first, dumps().get(first)));
        IngestFixtures.ingestAsCli(spark, cfg, dumps, out, false, "test-run-1");
        write(dumps, Map.of(second, dumps().get(second)));
        JsonNode inc = IngestFixtures.ingestAsCli(spark, cfg, dumps, out, false, "test-run-2");
        Map<String, String> status = new LinkedHashMap<>();
        for (JsonNode n : inc.get("inputs")) status.put(n.get("source_file").asText(), n.path("status").asText());
        assertEquals(Map.of(first, "skipped", second, "ingested"), status);
        Path full = tmp.resolve("full");
        IngestFixtures.ingestAsCli(spark, cfg, dumps, full, true, "test-run-3");
        assertEquals(outputs(full), outputs(out));
        assertEquals(Map.of(NOV, "14 = 6 + 0 + 8", DEC, "10 = 6 + 4 + 0"), counts(inc));
    }

    @Test
    void anIncrementalRunAddingTheLaterExportEqualsAFullOne(@TempDir Path tmp) throws IOException {
        incrementalEqualsFull(tmp, NOV, DEC);
    }

    @Test
    void anIncrementalRunAddingTheEarlierExportLateEqualsAFullOne(@TempDir Path tmp) throws IOException {
        incrementalEqualsFull(tmp, DEC, NOV);
    }
}
