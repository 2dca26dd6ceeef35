package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.core.NeracaException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bad input of the issue, each in a dump written here by scenario: each gets a message naming the file (and
 * line) or a quarantine reason, and nothing is dropped silently (the reconciliation identity holds per file).
 */
class BadInputTest extends SparkTestBase {
    @TempDir
    static Path tmp;
    static Path dumps;
    static IngestRun.Prepared prepared;
    static Dataset<Row> resolved;
    static List<IngestRun.FileCounts> counts;

    static final String SHOPEE_HEADER = "No. Pesanan;Status Pesanan;Waktu Pesanan Dibuat;Nama Produk;Nomor Referensi SKU;Merek;Kategori;Harga Awal;Harga Setelah Diskon;Jumlah;Total Pembayaran;Nama Toko;Jenis Identitas Penjual;No. Identitas Penjual;Kota/Kabupaten Penjual;Provinsi Penjual;Negara Asal;Dikirim Dari;Skala Usaha";
    static final String TIKTOK_HEADER = "Order ID,Order Status,Seller SKU,Product Name,Brand,Category,Quantity,SKU Unit Original Price,SKU Subtotal After Discount,Created Time,Seller ID Type,Seller ID,Seller City,Province,Country of Origin,Ship From,Cross-border";

    static String shopee(String order, String when, String price, String qty, String product) {
        return order + ";Selesai;" + when + ";" + product + ";SKU-1;Merek;Fashion;" + price + ";" + price + ";" + qty
                + ";" + price + ";Toko Rahasia;NIK;3273011508850001;Kota Bandung;Jawa Barat;Indonesia;Indonesia;Mikro";
    }

    static void write(String rel, byte[] bytes) throws IOException {
        Path p = dumps.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(o)) {
            g.write(b);
        }
        return o.toByteArray();
    }

    @BeforeAll
    static void ingestBadDumps() throws IOException {
        dumps = tmp.resolve("dumps");
        // row-level problems, one per line of one Shopee export
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        rows.writeBytes(utf8(SHOPEE_HEADER + "\n"));
        rows.writeBytes(utf8(shopee("OK1", "05/03/2023 10:00", "Rp50.000", "1", "Kaos") + "\n"));                 // line 2
        rows.writeBytes(utf8(shopee("LAT", "05/03/2023 10:00", "Rp50.000", "1", "Caf").replace("Caf", "Caf")));  // line 3: Latin-1 é
        rows.write(0xE9);
        rows.writeBytes(utf8(" Susu\n"));
        rows.writeBytes(utf8(shopee("PRC", "05/03/2023 10:00", "lima puluh ribu", "1", "Kaos") + "\n"));          // line 4
        rows.writeBytes(utf8(shopee("NEG", "05/03/2023 10:00", "Rp50.000", "-2", "Kaos") + "\n"));                // line 5
        rows.writeBytes(utf8(shopee("OLD", "31/12/2014 10:00", "Rp50.000", "1", "Kaos") + "\n"));                 // line 6
        rows.writeBytes(utf8(shopee("FUT", "01/01/2027 10:00", "Rp50.000", "1", "Kaos") + "\n"));                 // line 7
        rows.writeBytes(utf8(shopee("DUP", "06/03/2023 10:00", "Rp50.000", "1", "Kaos") + "\n"));                 // line 8: kept
        rows.writeBytes(utf8(shopee("DUP", "06/03/2023 10:00", "Rp75.000", "1", "Kaos") + "\n"));                 // line 9: conflicts
        rows.writeBytes(utf8(shopee("DUP", "06/03/2023 10:00", "Rp50.000", "1", "Kaos") + "\n"));                 // line 10: exact repeat
        rows.writeBytes(utf8(shopee("BAD", "31/02/2023 10:00", "Rp50.000", "1", "Kaos") + "\n"));                 // line 11
        write("shopee/shopee_orders_20230301_20230331.csv", rows.toByteArray());
        // a BOM before the header, and an unterminated quote on line 3
        write("tiktokshop/tiktok_orders_2023-03.csv", utf8("\uFEFF" + TIKTOK_HEADER + "\n"
                + "T1,Completed,S1,Kaos,B,Fashion,1,1000,1000,2023-03-01 10:00:00,,,Kota Bandung,Jawa Barat,ID,ID,No\n"
                + "T2,Completed,S1,\"Kaos, Polos,B,Fashion,1,1000,1000,2023-03-01 10:00:00,NIK,3273011508850001,Kota Bandung,Jawa Barat,ID,ID,No\n"));
        // the wrong delimiter: a TikTok export saved with ';'
        write("tiktokshop/tiktok_orders_2023-04.csv", utf8(TIKTOK_HEADER.replace(',', ';') + "\n"
                + "T9;Completed;S1;Kaos;B;Fashion;1;1000;1000;2023-04-01 10:00:00;;;Kota Bandung;Jawa Barat;ID;ID;No\n"));
        // a required column missing
        write("shopee/shopee_orders_20230401_20230430.csv", utf8(SHOPEE_HEADER.replace(";Jumlah", "") + "\n"));
        // an empty file and a header-only file
        write("shopee/shopee_orders_20230501_20230531.csv", new byte[0]);
        write("shopee/shopee_orders_20230601_20230630.csv", utf8(SHOPEE_HEADER + "\n"));
        // a truncated gzip: 3000 good rows, compressed, cut in half
        StringBuilder xb = new StringBuilder("order_no,item_no,order_time,store_id,store_name,store_country,store_registration_no,store_id_type,ship_from,item_title,brand,category,qty,unit_price,currency,order_state,buyer_city\n");
        for (int i = 0; i < 3000; i++) {
            xb.append("X").append(i).append(",1,").append(1673481600000L + i * 1000L)
                    .append(",S1,Store,CN,REG").append(i % 97).append(",FOREIGN_REG,CN,Item ").append(i * 7919 % 10007)
                    .append(",B,Beauty,1,2.50,USD,FINISHED,Bandung\n");
        }
        byte[] gz = gzip(utf8(xb.toString()));
        write("crossborder/xb_orders_2023-01.csv.gz", Arrays.copyOf(gz, gz.length / 2));
        // a UTF-16 export (Excel's "Unicode Text"), with its byte-order mark
        write("shopee/shopee_orders_20230701_20230731.csv", (SHOPEE_HEADER + "\r\n"
                + shopee("U16", "05/07/2023 10:00", "Rp50.000", "1", "Kaos") + "\r\n").getBytes(StandardCharsets.UTF_16));
        prepared = IngestFixtures.prepare(dumps, IngestFixtures.reference(tmp), false);
        resolved = IngestFixtures.resolve(spark, prepared);
        counts = IngestRun.count(resolved, prepared.plan());
    }

    private static Map<Long, String> reasons(String file) {
        return resolved.filter(col("source_file").equalTo(file).and(col("disposition").equalTo("QUARANTINED")))
                .select("source_line", "reason_code").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getLong(0), r -> r.getString(1)));
    }

    private static String issue(String file) {
        return prepared.plan().issues().stream().filter(i -> i.file().equals(file)).map(DumpPlanner.Issue::render)
                .findFirst().orElse("no issue for " + file);
    }

    private static IngestRun.FileCounts counts(String file) {
        return counts.stream().filter(c -> c.task().sourceFile().equals(file)).findFirst().orElseThrow();
    }

    @Test
    void resolvingInMoreTasksGivesTheSameDispositions() {
        // a large ingest resolves duplicates in tasks sized by its dump bytes (IngestDumps.resolveTasks): same answer
        String[] cols = {"source_file", "source_line", "sale_id", "disposition", "reason_code", "reason_detail"};
        List<Row> sized = ResolveDuplicates.apply(IngestRun.parse(spark, prepared), 5)
                .select(cols[0], java.util.Arrays.copyOfRange(cols, 1, cols.length)).orderBy("source_file", "source_line").collectAsList();
        List<Row> plain = resolved.select(cols[0], java.util.Arrays.copyOfRange(cols, 1, cols.length))
                .orderBy("source_file", "source_line").collectAsList();
        assertEquals(plain, sized);
        assertTrue(plain.stream().anyMatch(r -> "DUPLICATE".equals(r.getString(3)) || "QUARANTINED".equals(r.getString(3))),
                "the fixture has rows the resolution sets aside");
        // the sizing itself
        assertEquals(0, IngestDumps.resolveTasks(320L << 20), "up to 320 MB: Spark's setting");
        assertEquals(9, IngestDumps.resolveTasks((320L << 20) + 1));
        assertEquals(33, IngestDumps.resolveTasks(1_359_073_943L), "the 5M-row benchmark dumps");
        assertEquals(400, IngestDumps.resolveTasks(1L << 40), "at most 400");
        assertEquals(2, IngestDumps.salesWriteTasks(9_546, 2), "a small run: one task per core");
        assertEquals(8, IngestDumps.salesWriteTasks(200_000, 8));
        assertEquals(1, IngestDumps.salesWriteTasks(10, 0));
        assertEquals(0, IngestDumps.salesWriteTasks(200_001, 2), "Spark sizes the middle range");
        assertEquals(0, IngestDumps.salesWriteTasks(1_000_000, 2));
        assertEquals(32, IngestDumps.salesWriteTasks(4_706_154, 2));
        assertEquals(400, IngestDumps.salesWriteTasks(1_000_000_000L, 2));
    }

    @Test
    void rowLevelProblemsAreQuarantinedWithTheirLine() {
        assertEquals(Map.of(
                3L, "BAD_ENCODING",
                4L, "BAD_PRICE",
                5L, "NEGATIVE_QUANTITY",
                6L, "DATE_OUT_OF_RANGE",
                7L, "DATE_OUT_OF_RANGE",
                9L, "CONFLICTING_DUPLICATE",
                11L, "BAD_DATE"), reasons("shopee/shopee_orders_20230301_20230331.csv"));
        IngestRun.FileCounts c = counts("shopee/shopee_orders_20230301_20230331.csv");
        assertEquals(10, c.rowsRead());
        assertEquals(2, c.accepted());       // OK1 and DUP line 8
        assertEquals(7, c.quarantined());
        assertEquals(1, c.duplicates());     // DUP line 10, identical to line 8
    }

    @Test
    void conflictingDuplicateKeepsTheFirstLineAndSaysSo() {
        Row kept = ResolveDuplicates.sales(resolved).filter(col("sale_id").equalTo("shopee:DUP:SKU-1")).first();
        assertEquals(8L, (long) kept.getAs("source_line"));
        assertEquals("50000.00", kept.<java.math.BigDecimal>getAs("unit_price_idr").toPlainString());
        Row q = IngestRun.quarantine(spark, prepared, resolved, counts).filter(col("source_line").equalTo(9)).first();
        assertTrue(q.<String>getAs("reason_detail").contains("line 8"), q.<String>getAs("reason_detail"));
        assertTrue(q.<String>getAs("raw_row").contains("Rp75.000"));
    }

    @Test
    void rawTextIsCarriedOnlyForRowsThatFailedToParseAndReReadForConflicts() {
        // ResolveDuplicates keeps no raw text for rows that parsed: accepted rows and the conflict have none ...
        assertEquals(0, resolved.filter(col("reason_code").isNull().and(col("raw_row").isNotNull())).count());
        assertTrue(ResolveDuplicates.quarantine(resolved).filter(col("reason_code").equalTo("CONFLICTING_DUPLICATE"))
                .first().isNullAt(5));
        // ... and IngestRun.quarantine reads the conflicting line again, masked like the others
        Row q = IngestRun.quarantine(spark, prepared, resolved, counts).filter(col("reason_code").equalTo("CONFLICTING_DUPLICATE")).first();
        assertEquals(9L, q.getLong(1));
        assertTrue(q.getString(5).contains("Rp75.000") && !q.getString(5).contains("3273011508850001"), q.getString(5));
    }

    @Test
    void quarantineDetailsNameTheColumnAndRawRowsAreMasked() {
        Map<Long, Row> q = IngestRun.quarantine(spark, prepared, resolved, counts)
                .filter(col("source_file").equalTo("shopee/shopee_orders_20230301_20230331.csv"))
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getLong(1), r -> r));
        assertTrue(q.get(4L).<String>getAs("reason_detail").contains("Harga Setelah Diskon"), q.get(4L).toString());
        assertTrue(q.get(4L).<String>getAs("reason_detail").contains("lima puluh ribu"));
        assertTrue(q.get(6L).<String>getAs("reason_detail").contains("2015-01-01"));
        assertTrue(q.get(3L).<String>getAs("reason_detail").contains("UTF-8"));
        for (Row r : q.values()) {
            String raw = r.getAs("raw_row");
            assertFalse(raw.contains("3273011508850001"), raw);
            assertFalse(raw.contains("Toko Rahasia"), raw);
            assertTrue(raw.contains("***"), raw);
        }
    }

    @Test
    void bomIsStrippedAndAnUnterminatedQuoteIsQuarantined() {
        assertEquals(Map.of(3L, "UNTERMINATED_QUOTE"), reasons("tiktokshop/tiktok_orders_2023-03.csv"));
        IngestRun.FileCounts c = counts("tiktokshop/tiktok_orders_2023-03.csv");
        assertEquals(1, c.accepted());
        Row q = ResolveDuplicates.quarantine(resolved).filter(col("reason_code").equalTo("UNTERMINATED_QUOTE")).first();
        assertFalse(q.<String>getAs("raw_row").contains("3273011508850001"));
    }

    @Test
    void wrongDelimiterFailsNamingFileLineAndTheDelimiterSeen() {
        String m = issue("tiktokshop/tiktok_orders_2023-04.csv");
        assertTrue(m.contains("line 1") && m.contains("';'-separated") && m.contains("Order ID"), m);
        assertTrue(prepared.plan().issues().stream().anyMatch(i -> i.file().equals("tiktokshop/tiktok_orders_2023-04.csv")
                && i.exit() == NeracaException.EXIT_DATA));
    }

    @Test
    void aUtf16ExportFailsSayingSoAndHowToConvertIt() {
        String msg = issue("shopee/shopee_orders_20230701_20230731.csv");
        assertTrue(msg.contains("line 1") && msg.contains("UTF-16") && msg.contains("CSV UTF-8") && msg.contains("iconv"), msg);
        assertTrue(prepared.plan().tasks().stream().noneMatch(t -> t.sourceFile().endsWith("20230731.csv")), "not read");
        // without a byte-order mark: a zero byte beside every character
        assertTrue(DumpPlanner.utf16(SHOPEE_HEADER.getBytes(StandardCharsets.UTF_16LE)));
        assertTrue(DumpPlanner.utf16(SHOPEE_HEADER.getBytes(StandardCharsets.UTF_16BE)));
        assertFalse(DumpPlanner.utf16(SHOPEE_HEADER.getBytes(StandardCharsets.UTF_8)));
        assertFalse(DumpPlanner.utf16("Caf\u00e9;Susu".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void missingRequiredColumnFailsNamingIt() {
        String m = issue("shopee/shopee_orders_20230401_20230430.csv");
        assertTrue(m.contains("missing [Jumlah]"), m);
    }

    @Test
    void emptyAndHeaderOnlyFilesAreWarnedAndCountedAsZeroRows() {
        assertTrue(issue("shopee/shopee_orders_20230501_20230531.csv").contains("empty"));
        assertTrue(issue("shopee/shopee_orders_20230601_20230630.csv").contains("header but no rows"));
        assertEquals(0, counts("shopee/shopee_orders_20230501_20230531.csv").rowsRead());
        assertEquals(0, counts("shopee/shopee_orders_20230601_20230630.csv").rowsRead());
    }

    @Test
    void truncatedGzipIsAFileFailureNamingTheLine() {
        IngestRun.FileCounts c = counts("crossborder/xb_orders_2023-01.csv.gz");
        assertEquals(Long.valueOf(1), c.reasons().get("FILE_TRUNCATED"));
        assertTrue(c.accepted() > 100 && c.accepted() < 3000, "rows before the cut are read: " + c.accepted());
        Row q = ResolveDuplicates.quarantine(resolved).filter(col("reason_code").equalTo("FILE_TRUNCATED")).first();
        assertEquals(c.accepted() + 2, (long) q.getAs("source_line"));
        List<String> f = IngestRun.failures(counts, IngestFixtures.CFG);
        assertTrue(f.stream().anyMatch(s -> s.startsWith("crossborder/xb_orders_2023-01.csv.gz") && s.contains("truncated")), f.toString());
    }

    @Test
    void fileOverTheQuarantineThresholdFailsWithTopReasons() {
        List<String> f = IngestRun.failures(counts, IngestFixtures.CFG);
        String shopee = f.stream().filter(s -> s.startsWith("shopee/shopee_orders_20230301_20230331.csv")).findFirst().orElse("");
        assertTrue(shopee.contains("7 of 10 rows quarantined") && shopee.contains("DATE_OUT_OF_RANGE 2"), shopee);
    }

    @Test
    void reconciliationIdentityHoldsForEveryFile() {
        for (IngestRun.FileCounts c : counts) {
            assertEquals(c.rowsRead(), c.accepted() + c.quarantined() + c.duplicates(), c.task().sourceFile());
        }
        long total = resolved.count();
        assertEquals(total, counts.stream().mapToLong(IngestRun.FileCounts::rowsRead).sum());
    }
}
