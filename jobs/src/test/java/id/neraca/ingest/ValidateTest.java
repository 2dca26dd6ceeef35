package id.neraca.ingest;

import id.neraca.Neraca;
import id.neraca.core.NeracaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code neraca validate}: per-file report, exit 3 over the threshold, nothing written. */
class ValidateTest {
    @TempDir
    Path tmp;

    private String run(Path dumps, Path cfg, int expectedExit, String... extra) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int rc;
        try {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("validate", "--dumps", dumps.toString(),
                    "--config", cfg.toString(), "--out", tmp.resolve("out").toString(), "--master", "local[2]", "--quiet"));
            args.addAll(java.util.List.of(extra));
            rc = Neraca.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(old);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, rc, text);
        return text;
    }

    @Test
    void reportsMappingRowsReasonsAndRejectedLinesAndWritesNothing() throws Exception {
        Path cfg = IngestFixtures.config(tmp, IngestFixtures.reference(tmp), 0.05);
        Path dumps = tmp.resolve("dumps");
        // the real listing scrape, as bundled: 160 listings, one repeated
        Path real = SparkTestBaseless.sharedScrape();
        if (real != null) {
            Path dir = Files.createDirectories(dumps.resolve("tokopedia-scrape/tokopedia-search-2023-02-09"));
            Files.copy(real, dir.resolve("sample_data_09-02-2023.csv"));
        }
        Files.createDirectories(dumps.resolve("shopee"));
        Files.writeString(dumps.resolve("shopee/shopee_orders_20230301_20230331.csv"),
                BadInputTest.SHOPEE_HEADER + "\n"
                        + BadInputTest.shopee("A1", "05/03/2023 10:00", "Rp50.000", "1", "Kaos") + "\n"
                        + BadInputTest.shopee("A2", "05/03/2023 10:00", "Rp5O.000", "1", "Kaos") + "\n");
        String text = run(dumps, cfg, NeracaException.EXIT_DATA);
        assertTrue(text.contains("shopee/shopee_orders_20230301_20230331.csv\n  mapping shopee | rows 2 | accepted 1 | quarantined 1 (50.0% of 2 rows; limit 5.0%)"), text);
        assertTrue(text.contains("rejected BAD_PRICE"), text);
        assertTrue(text.contains("line 3 BAD_PRICE: unit_price (Harga Setelah Diskon): not an Indonesian number: 'Rp5O.000'"), text);
        assertTrue(text.contains("1 of 2 rows quarantined"), text);
        // the stop shows the first line of its top reason
        assertTrue(text.contains("top reasons: BAD_PRICE 1 (first BAD_PRICE, line 3: unit_price (Harga Setelah Diskon): not an "
                + "Indonesian number: 'Rp5O.000')"), text);
        assertFalse(text.contains("3273011508850001"), "raw NIK printed");
        if (real != null) {
            assertTrue(text.contains("mapping tokopedia-scrape | rows 160 | accepted 159 | quarantined 0 (0.0% of 160 rows; limit 5.0%) | duplicates collapsed 1"), text);
        }
        assertFalse(Files.exists(tmp.resolve("out")), "validate wrote into --out");

        Files.delete(dumps.resolve("shopee/shopee_orders_20230301_20230331.csv"));
        Files.writeString(dumps.resolve("shopee/notes.txt"), "hello");
        String unmatched = run(dumps, cfg, NeracaException.EXIT_USAGE);
        assertTrue(unmatched.contains("shopee/notes.txt: no mapping") && unmatched.contains("Nearest: shopee (same folder"), unmatched);
    }

    /**
     * The lines validate shows (ingest.rejected_lines_shown) go to rows gone wrong before open orders: an end-of-month
     * export whose first lines are orders still shipping showed only those, and the bad price at its end not at all.
     * The summary splits the quarantined rows into rejected (the share the limit applies to) and open orders.
     */
    @Test
    void theRejectedLinesShownAreErrorsBeforeOpenOrders() throws Exception {
        Path cfg = IngestFixtures.config(tmp, IngestFixtures.reference(tmp), 0.6);
        Files.writeString(cfg, Files.readString(cfg) + "  rejected_lines_shown: 1\n");
        Path dumps = tmp.resolve("dumps");
        Files.createDirectories(dumps.resolve("shopee"));
        Files.writeString(dumps.resolve("shopee/shopee_orders_20230301_20230331.csv"),
                BadInputTest.SHOPEE_HEADER + "\n"
                        + BadInputTest.shopee("A1", "05/03/2023 10:00", "Rp50.000", "1", "Kaos").replace(";Selesai;", ";Sedang Dikirim;") + "\n"
                        + BadInputTest.shopee("A2", "05/03/2023 10:00", "Rp50.000", "1", "Kaos").replace(";Selesai;", ";Sedang Dikirim;") + "\n"
                        + BadInputTest.shopee("A3", "05/03/2023 10:00", "Rp50.000", "1", "Kaos") + "\n"
                        + BadInputTest.shopee("A4", "05/03/2023 10:00", "Rp5O.000", "1", "Kaos") + "\n");
        String text = run(dumps, cfg, 0);
        assertTrue(text.contains("line 5 BAD_PRICE"), text);
        assertFalse(text.contains("ORDER_NOT_FINAL:"), "the one line shown is the error: " + text);
        assertTrue(text.contains("quarantined 3 = 1 rejected (50.0% of 2 rows; limit 60.0%) + 2 open orders (not counted)"), text);
    }

    @Test
    void underLogJsonEveryLineValidatePrintsIsAJsonObject() throws Exception {
        // a scheduler logging `validate --log-json ... 2>&1` into a .jsonl got a text report: one unparseable line
        // per file, reason and rejected line
        Path cfg = IngestFixtures.config(tmp, IngestFixtures.reference(tmp), 0.05);
        Path dumps = tmp.resolve("dumps");
        Files.createDirectories(dumps.resolve("shopee"));
        Files.writeString(dumps.resolve("shopee/shopee_orders_20230301_20230331.csv"),
                BadInputTest.SHOPEE_HEADER + "\n"
                        + BadInputTest.shopee("A1", "05/03/2023 10:00", "Rp50.000", "1", "Kaos") + "\n"
                        + BadInputTest.shopee("A2", "05/03/2023 10:00", "Rp5O.000", "1", "Kaos") + "\n");
        try {
            String text = run(dumps, cfg, NeracaException.EXIT_DATA, "--log-json");
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            java.util.List<com.fasterxml.jackson.databind.JsonNode> lines = new java.util.ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isEmpty()) continue;
                var n = assertDoesNotThrow(() -> json.readTree(line), "not JSON: " + line);
                assertTrue(n.isObject() && n.has("ts") && n.has("level") && n.has("msg"), line);
                lines.add(n);
            }
            var file = lines.stream().filter(n -> "validate_file".equals(n.path("event").asText())).findFirst().orElseThrow();
            assertEquals("shopee/shopee_orders_20230301_20230331.csv", file.path("source_file").asText());
            assertEquals(2, file.path("rows_read").asLong());
            assertEquals(1, file.path("quarantined").asLong());
            assertEquals(1, file.path("rejected").path("BAD_PRICE").asLong());
            assertEquals(3, file.path("rejected_lines").get(0).path("line").asLong());
            assertTrue(lines.stream().anyMatch(n -> "ERROR".equals(n.path("level").asText())
                    && n.path("msg").asText().contains("1 of 2 rows quarantined")), text);
        } finally {
            id.neraca.core.Log.configure(false, false);
        }
    }

    /** Where the shared real scrape is, when this machine has it. */
    static final class SparkTestBaseless {
        static Path sharedScrape() {
            Path p = id.neraca.SparkTestBase.projectRoot().resolve("data/samples/tokopedia-scrape/tokopedia-search-2023-02-09/sample_data_09-02-2023.csv");
            if (Files.exists(p)) return p;
            p = id.neraca.SparkTestBase.projectRoot().resolve("../shared/data/real/tokopedia-search-2023-02-09/sample_data_09-02-2023.csv").normalize();
            if (Files.exists(p)) return p;
            p = Path.of("/work/shared/data/real/tokopedia-search-2023-02-09/sample_data_09-02-2023.csv");
            return Files.exists(p) ? p : null;
        }
    }
}
