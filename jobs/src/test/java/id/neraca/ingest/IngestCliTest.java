package id.neraca.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.neraca.Neraca;
import id.neraca.core.NeracaException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ingest command end to end through {@code Neraca.execute}: exit codes 0, 2 (unmatched file, no key) and 3 (too
 * many rejects), and a failed run leaves the previous out/ exactly as it was.
 */
class IngestCliTest {
    @TempDir
    Path tmp;

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    private static String snapshot(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    return dir.relativize(p) + " " + Files.size(p) + " " + id.neraca.core.Hashing.sha256(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
    }

    private int ingest(Path dumps, Path out, Path cfg, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("ingest", "--dumps", dumps.toString(), "--out", out.toString(),
                "--config", cfg.toString(), "--master", "local[2]", "--quiet"));
        args.addAll(List.of(extra));
        return Neraca.execute(args.toArray(new String[0]));
    }

    @Test
    void exitCodesAndAFailedRunKeepsThePreviousOutput() throws Exception {
        Path ref = IngestFixtures.reference(tmp);
        Path cfg = IngestFixtures.config(tmp, ref, 0.05);
        Path dumps = tmp.resolve("dumps");
        copyTree(IngestFixtures.dumps(), dumps);
        Path out = tmp.resolve("out");

        assertEquals(0, ingest(dumps, out, cfg, "--demo-key"));
        assertTrue(Files.isDirectory(out.resolve("sales/marketplace=shopee/period_month=2023-01")));
        assertTrue(Files.isDirectory(out.resolve("sales/marketplace=tokopedia-scrape/period_month=2023-02")));
        assertTrue(Files.isDirectory(out.resolve("quarantine")));
        assertTrue(Files.readString(out.resolve("quarantine.csv")).startsWith("source_file,source_line,marketplace,reason_code,"
                + "reason_detail,raw_row\n"));
        assertTrue(Files.isDirectory(out.resolve("reconciliation")));
        assertTrue(Files.isDirectory(out.resolve("quarantine_reasons")));
        List<String> recon = Files.readAllLines(out.resolve("reconciliation.csv"));
        assertEquals("source_file,mapping,sha256,bytes,rows_read,accepted,quarantined,duplicates_collapsed,open_orders", recon.get(0));
        assertEquals(7, recon.size());
        assertTrue(recon.stream().anyMatch(l -> l.startsWith("shopee/shopee_orders_20230101_20230115.csv,shopee,") && l.endsWith(",5,3,0,2,0")), recon.toString());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(6, manifest.get("inputs").size());
        assertEquals(20, manifest.at("/stages/IngestDumps/rows_out").asLong());
        assertEquals(64, manifest.get("inputs").get(0).get("sha256").asText().length());
        String before = snapshot(out.resolve("sales"));

        // a file no mapping matches: exit 2, unless --skip-unmatched
        Files.createDirectories(dumps.resolve("blibli"));
        Files.writeString(dumps.resolve("blibli/orders.csv"), "Order Number,Status\n1,delivered\n");
        assertEquals(NeracaException.EXIT_USAGE, ingest(dumps, out, cfg, "--demo-key"));
        assertEquals(before, snapshot(out.resolve("sales")));
        assertEquals(0, ingest(dumps, out, cfg, "--demo-key", "--skip-unmatched"));
        assertEquals(before.replaceAll("part-[^ ]+", "part"), snapshot(out.resolve("sales")).replaceAll("part-[^ ]+", "part"),
                "skipping the unmatched file gives the same sales");
        Files.delete(dumps.resolve("blibli/orders.csv"));
        String good = snapshot(out.resolve("sales"));

        // a file with too many rejects: exit 3 and out/sales untouched
        Files.writeString(dumps.resolve("tiktokshop/tiktok_orders_2023-02.csv"),
                "Order ID,Order Status,Seller SKU,Product Name,Brand,Category,Quantity,SKU Unit Original Price,SKU Subtotal After Discount,Created Time,Seller ID Type,Seller ID,Seller City,Province,Country of Origin,Ship From,Cross-border\n"
                        + "B1,Completed,S,P,B,C,1,abc,abc,2023-02-01 10:00:00,,,Bandung,Jawa Barat,ID,ID,No\n"
                        + "B2,Completed,S,P,B,C,1,1000,1000,2023-02-01 10:00:00,,,Bandung,Jawa Barat,ID,ID,No\n");
        assertEquals(NeracaException.EXIT_DATA, ingest(dumps, out, cfg, "--demo-key"));
        assertEquals(good, snapshot(out.resolve("sales")));
        assertTrue(Files.exists(out.resolve("manifest.failed.json")));
        assertEquals(20, new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).at("/stages/IngestDumps/rows_out").asLong());
    }

    /** stderr of one ingest through {@code Neraca.execute}: the exit code, then what it printed. */
    private String[] ingestCaptured(Path dumps, Path out, Path cfg, String... extra) {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream e = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(e, true, java.nio.charset.StandardCharsets.UTF_8));
            int rc = ingest(dumps, out, cfg, extra);
            return new String[]{String.valueOf(rc), e.toString(java.nio.charset.StandardCharsets.UTF_8)};
        } finally {
            System.setErr(err);
        }
    }

    static final String TIKTOK_HEADER = "Order ID,Order Status,Seller SKU,Product Name,Brand,Category,Quantity,SKU Unit Original Price,"
            + "SKU Subtotal After Discount,Created Time,Seller ID Type,Seller ID,Seller City,Province,Country of Origin,Ship From,Cross-border";

    /**
     * A file stopped by the quarantine threshold: the stop shows the first line of its top reason with its (masked)
     * detail, so that what went wrong shows without opening out/quarantine; open orders are counted apart in the
     * reconciliation of a run that passes.
     */
    @Test
    void aStopOnTheQuarantineShareShowsTheTopReasonsFirstLine() throws Exception {
        Path ref = IngestFixtures.reference(tmp);
        Path cfg = IngestFixtures.config(tmp, ref, 0.05);
        Path dumps = Files.createDirectories(tmp.resolve("dumps/tiktokshop"));
        Files.writeString(dumps.resolve("tiktok_orders_2023-02.csv"), TIKTOK_HEADER + "\n"
                + "B1,Completed,S,P,B,C,1,abc,abc,2023-02-01 10:00:00,,,Bandung,Jawa Barat,ID,ID,No\n"
                + "B2,Completed,S,P,B,C,1,1000,1000,21-08-2024 12:05,,,Bandung,Jawa Barat,ID,ID,No\n"
                + "B3,Completed,S,P,B,C,1,1000,1000,22-08-2024 12:05,,,Bandung,Jawa Barat,ID,ID,No\n"
                + "B4,Completed,S,P,B,C,1,1000,1000,2023-02-01 10:00:00,,,Bandung,Jawa Barat,ID,ID,No\n");
        String[] r = ingestCaptured(tmp.resolve("dumps"), tmp.resolve("out"), cfg, "--demo-key");
        assertEquals(String.valueOf(NeracaException.EXIT_DATA), r[0], r[1]);
        assertTrue(r[1].contains("3 of 4 rows quarantined (75.0% > ingest.max_quarantine_share 5.0%); top reasons: BAD_DATE 2, "
                + "BAD_PRICE 1 (first BAD_DATE, line 3: order_ts (Created Time): '21-08-2024 12:05' matches none of ["), r[1]);
        // the messages name --out as given, not "out/"
        Path out = tmp.resolve("out");
        assertTrue(r[1].contains("ingest stopped, " + out + " left as it was"), r[1]);
        assertTrue(r[1].contains("failed before committing any output: " + out + " is unchanged; see " + out + "/manifest.failed.json"), r[1]);
        assertTrue(!r[1].contains("out/ "), r[1]);

        // open orders pass, and the reconciliation counts them apart from the rejects
        Files.writeString(dumps.resolve("tiktok_orders_2023-02.csv"), TIKTOK_HEADER + "\n"
                + "B1,Shipped,S,P,B,C,1,1000,1000,2023-02-01 10:00:00,,,Bandung,Jawa Barat,ID,ID,No\n"
                + "B2,To ship,S,P,B,C,1,1000,1000,2023-02-01 10:00:00,,,Bandung,Jawa Barat,ID,ID,No\n"
                + "B4,Completed,S,P,B,C,1,1000,1000,2023-02-01 10:00:00,,,Bandung,Jawa Barat,ID,ID,No\n");
        assertEquals(0, ingest(tmp.resolve("dumps"), tmp.resolve("out"), cfg, "--demo-key"));
        List<String> recon = Files.readAllLines(tmp.resolve("out/reconciliation.csv"));
        assertTrue(recon.get(1).startsWith("tiktokshop/tiktok_orders_2023-02.csv,tiktokshop,") && recon.get(1).endsWith(",3,1,2,0,2"),
                recon.toString());
        JsonNode manifest = new ObjectMapper().readTree(tmp.resolve("out/manifest.json").toFile());
        assertEquals(2, manifest.at("/inputs/0/open_orders").asLong());
        assertEquals(2, manifest.at("/stages/IngestDumps/open_orders").asLong());
    }

    @Test
    void withoutAKeyIngestRefusesToRun() throws Exception {
        Assumptions.assumeTrue(System.getenv("NERACA_SELLER_KEY") == null && System.getenv("NERACA_SELLER_KEY_FILE") == null,
                "a seller key is set in this environment");
        Path ref = IngestFixtures.reference(tmp);
        Path cfg = IngestFixtures.config(tmp, ref, 0.05);
        Path out = tmp.resolve("out");
        String[] r = ingestCaptured(IngestFixtures.dumps(), out, cfg);
        assertEquals(String.valueOf(NeracaException.EXIT_USAGE), r[0], r[1]);
        assertTrue(r[1].contains("no seller key") && r[1].contains("NERACA_SELLER_KEY"), r[1]);
        // refused before Spark starts and before --out is created (it left a new --out holding manifest.failed.json)
        assertTrue(!Files.exists(out), "--out created: " + r[1]);
        assertTrue(!r[1].contains("IngestDumps started") && !r[1].contains("manifest.failed.json"), r[1]);
        // the bundled samples folder allows the demo key without the flag
        assertTrue(IngestDumps.bundledSamples("data/samples"));
        assertTrue(IngestDumps.bundledSamples("/x/neraca/data/samples/"));
        assertTrue(!IngestDumps.bundledSamples("/x/neraca/data/samples-real"));
    }
}
