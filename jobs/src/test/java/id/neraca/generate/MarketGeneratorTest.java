package id.neraca.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generates one small market (shared by the class) and checks it against docs/CONTRACTS.md and
 * docs/MARKET-MODEL.md by parsing the dumps back with the test's own readers.
 */
class MarketGeneratorTest {
    static final long ROWS = 30_000;
    static final long SEED = 42;

    @TempDir
    static Path tmp;
    static Path out;
    static MarketGenerator.Result result;
    static Map<String, Map<String, String>> truth;          // sale_id -> row
    static Map<String, Dumped> dumped;                        // sale_id -> the final version parsed from the dumps
    static Map<String, Long> rowsPerFile;
    static long dumpRows;

    /** One sale as the dumps show it (the later export's copy for repeated shopee orders). */
    record Dumped(String file, String marketplace, String status, String unitPrice, String quantity, String time,
                  String category, String currency, String month) {}

    static MarketGenerator.Options options(Path dir, long rows, long seed) {
        return new MarketGenerator.Options(rows, seed, dir, YearMonth.of(2023, 1), YearMonth.of(2025, 12),
                TestPaths.regencies(), null, null, false);
    }

    @BeforeAll
    static void generate() throws IOException {
        out = tmp.resolve("a");
        result = MarketGenerator.run(options(out, ROWS, SEED));
        truth = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve("_truth/ground_truth.csv"));
        String[] head = lines.get(0).split(",");
        for (String l : lines.subList(1, lines.size())) {
            String[] f = Csv.split(l, ',');
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < head.length; i++) row.put(head[i], f[i]);
            assertTrue(truth.put(f[0], row) == null, "sale_id twice in the ground truth: " + f[0]);
        }
        dumped = new HashMap<>();
        rowsPerFile = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = out.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith("_truth/")) continue;
                long n = readDump(rel, p);
                rowsPerFile.put(rel, n);
                dumpRows += n;
            }
        }
    }

    private static long readDump(String rel, Path p) throws IOException {
        long n = 0;
        if (rel.startsWith("tokopedia/")) {
            for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                n++;
                String inv = jsonString(l, "invoice"), line = jsonString(l, "line_id");
                String created = jsonString(l, "created_at");
                dumped.put("tokopedia:" + inv + ":" + line, new Dumped(rel, "tokopedia", jsonString(l, "status"),
                        jsonString(l, "amount"), jsonNumber(l, "quantity"), created, jsonString(l, "category"), "IDR",
                        created.length() >= 7 ? created.substring(0, 7) : ""));
            }
            return n;
        }
        boolean gz = rel.endsWith(".gz");
        try (InputStream in = gz ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (rel.startsWith("shopee/")) header = header.substring(1);
            char dl = header.contains(";") ? ';' : ',';
            String l;
            while ((l = r.readLine()) != null) {
                n++;
                String[] f = Csv.split(l, dl);
                if (rel.startsWith("shopee/")) {
                    dumped.put("shopee:" + f[0] + ":" + f[4], new Dumped(rel, "shopee", f[1], f[8], f[9], f[2], f[6], "IDR", ""));
                } else if (rel.startsWith("tiktokshop/")) {
                    dumped.put("tiktokshop:" + f[0] + ":" + f[2], new Dumped(rel, "tiktokshop", f[1], f[8], f[6], f[9], f[5], "IDR", ""));
                } else {
                    dumped.put("crossborder:" + f[0] + ":" + f[1], new Dumped(rel, "crossborder", f[15], f[13], f[12], f[2], f[11], f[14], ""));
                }
            }
        }
        return n;
    }

    static String jsonString(String line, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(null|\"((?:[^\"\\\\]|\\\\.)*)\")").matcher(line);
        if (!m.find()) return null;
        return m.group(2);
    }

    static String jsonNumber(String line, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(-?\\d+)").matcher(line);
        return m.find() ? m.group(1) : null;
    }

    // ------------------------------------------------------------------ determinism

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
        Path b = tmp.resolve("b"), c = tmp.resolve("c");
        MarketGenerator.run(options(b, 6_000, 7));
        MarketGenerator.run(options(tmp.resolve("b2"), 6_000, 7));
        MarketGenerator.run(options(c, 6_000, 8));
        Map<String, String> hb = hashes(b), hb2 = hashes(tmp.resolve("b2")), hc = hashes(c);
        assertTrue(hb.size() > 100, "files: " + hb.size());
        assertEquals(hb, hb2, "same seed, same bytes");
        assertNotEquals(hb.get("_truth/ground_truth.csv"), hc.get("_truth/ground_truth.csv"), "another seed, another market");
    }

    static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> h = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                h.put(dir.relativize(p).toString().replace('\\', '/'), HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
            }
        }
        return h;
    }

    // ------------------------------------------------------------------ shapes

    @Test
    void filesAreLaidOutAndNamedAsTheContractSays() {
        Set<String> names = rowsPerFile.keySet();
        assertEquals(36, names.stream().filter(n -> n.matches("shopee/shopee_orders_\\d{8}_\\d{8}\\.csv")).count());
        assertEquals(36, names.stream().filter(n -> n.matches("tiktokshop/tiktok_orders_\\d{4}-\\d{2}\\.csv")).count());
        assertEquals(36, names.stream().filter(n -> n.matches("tokopedia/tokopedia_orders_\\d{4}-\\d{2}\\.jsonl")).count());
        assertEquals(36, names.stream().filter(n -> n.matches("crossborder/xb_orders_\\d{4}-\\d{2}\\.csv\\.gz")).count());
        assertEquals(144, names.size());
        assertTrue(names.contains("shopee/shopee_orders_20230101_20230203.csv"), "exports overlap the next month by 3 days");
        assertTrue(names.contains("shopee/shopee_orders_20251201_20251231.csv"), "the last export ends with the range");
    }

    @Test
    void headersDelimitersBomAndCompressionAreExact() throws IOException {
        byte[] shopeeOld = Files.readAllBytes(out.resolve("shopee/shopee_orders_20230101_20230203.csv"));
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(shopeeOld, 3), "BOM");
        String old = new String(shopeeOld, StandardCharsets.UTF_8).substring(1).split("\n")[0];
        assertEquals("No. Pesanan;Status Pesanan;Waktu Pesanan Dibuat;Nama Produk;Nomor Referensi SKU;Merek;Kategori;"
                + "Harga Awal;Harga Setelah Diskon;Jumlah;Total Pembayaran;Nama Toko;Jenis Identitas Penjual;"
                + "No. Identitas Penjual;Kota/Kabupaten Penjual;Provinsi Penjual;Negara Asal;Dikirim Dari;Skala Usaha", old);
        String newer = Files.readString(out.resolve("shopee/shopee_orders_20250101_20250203.csv")).substring(1).split("\n")[0];
        assertEquals(old.replace(';', ','), newer, "newer exports use ','");
        String tiktok = Files.readString(out.resolve("tiktokshop/tiktok_orders_2024-03.csv"));
        assertFalse(tiktok.startsWith("\uFEFF"));
        assertEquals("Order ID,Order Status,Seller SKU,Product Name,Brand,Category,Quantity,SKU Unit Original Price,"
                + "SKU Subtotal After Discount,Created Time,Seller ID Type,Seller ID,Seller City,Province,Country of Origin,"
                + "Ship From,Cross-border", tiktok.split("\n")[0]);
        byte[] gz = Files.readAllBytes(out.resolve("crossborder/xb_orders_2024-03.csv.gz"));
        assertEquals(0x1f, gz[0] & 0xff);
        assertEquals(0x8b, gz[1] & 0xff);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(out.resolve("crossborder/xb_orders_2024-03.csv.gz"))), StandardCharsets.UTF_8))) {
            assertEquals("order_no,item_no,order_time,store_id,store_name,store_country,store_registration_no,store_id_type,"
                    + "ship_from,item_title,brand,category,qty,unit_price,currency,order_state,buyer_city", r.readLine());
        }
        String json = Files.readAllLines(out.resolve("tokopedia/tokopedia_orders_2024-03.jsonl")).get(0);
        for (String key : List.of("invoice", "line_id", "created_at", "status", "seller", "shop_id", "shop_name", "id_type",
                "id_number", "city", "province", "official_store", "umkm_tier", "product", "name", "brand", "category",
                "origin_country", "description", "ship_from_country", "quantity", "price", "amount", "currency")) {
            assertTrue(json.contains("\"" + key + "\":"), key + " in " + json);
        }
    }

    static final DateTimeFormatter SHOPEE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter TIKTOK_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    @Test
    void statusesTimesPricesAndQuantitiesParseExceptOnRowsMarkedForQuarantine() {
        Set<String> shopee = Set.of("Selesai", "Batal", "Pengembalian"), tiktok = Set.of("Completed", "Cancelled", "Returned"),
                toko = Set.of("delivered", "cancelled", "returned"), xb = Set.of("FINISHED", "CANCELED", "REFUNDED");
        int broken = 0;
        for (Map.Entry<String, Dumped> e : dumped.entrySet()) {
            Dumped d = e.getValue();
            Map<String, String> t = truth.get(e.getKey());
            assertTrue(t != null, "dump sale without ground truth: " + e.getKey());
            Set<String> allowed = switch (d.marketplace()) {
                case "shopee" -> shopee;
                case "tiktokshop" -> tiktok;
                case "tokopedia" -> toko;
                default -> xb;
            };
            assertTrue(allowed.contains(d.status()), d.status());
            boolean ok = parseTime(d) != null && parsePrice(d) != null && Long.parseLong(d.quantity()) > 0;
            boolean expectQuarantine = Boolean.parseBoolean(t.get("expected_quarantine"));
            assertEquals(!expectQuarantine, ok, e.getKey() + " " + d + " reason " + t.get("quarantine_reason"));
            if (!ok) broken++;
        }
        assertTrue(broken > 0, "the market carries dirt");
        assertTrue(broken < 0.02 * dumpRows, "dirt under 2% of rows: " + broken);
    }

    static LocalDateTime parseTime(Dumped d) {
        try {
            LocalDateTime t = switch (d.marketplace()) {
                case "shopee" -> LocalDateTime.parse(d.time(), SHOPEE_TIME);
                case "tiktokshop" -> LocalDateTime.parse(d.time(), TIKTOK_TIME);
                case "tokopedia" -> java.time.OffsetDateTime.parse(d.time()).toLocalDateTime();
                default -> LocalDateTime.ofEpochSecond(Long.parseLong(d.time()) / 1000, 0, java.time.ZoneOffset.UTC);
            };
            return t.getYear() >= 2015 && t.isBefore(LocalDateTime.of(2026, 1, 2, 0, 0)) ? t : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Unit price in the dump's currency, or null when it is not a number. */
    static BigDecimal parsePrice(Dumped d) {
        try {
            return switch (d.marketplace()) {
                case "shopee" -> {
                    String s = d.unitPrice().replace("Rp", "").replace(".", "").replace(',', '.');
                    yield new BigDecimal(s);
                }
                case "tiktokshop" -> new BigDecimal(d.unitPrice()).divide(new BigDecimal(d.quantity()).abs(), 2, RoundingMode.UNNECESSARY);
                default -> new BigDecimal(d.unitPrice());
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Test
    void tiktokTimesAreWibAndTokopediaCarriesTheSellersOffset() throws IOException {
        Set<String> offsets = new HashSet<>();
        for (Dumped d : dumped.values()) {
            if (d.marketplace().equals("tokopedia") && d.time().length() > 19) offsets.add(d.time().substring(19));
        }
        assertTrue(Set.of("+07:00", "+08:00", "+09:00").containsAll(offsets), offsets.toString());
        assertTrue(offsets.contains("+07:00") && offsets.size() >= 2, "WIB and at least one other zone: " + offsets);
    }

    // ------------------------------------------------------------------ ground truth and reconciliation

    @Test
    void everyDumpedSaleIsInTheTruthAndEveryTruthSaleInTheDumps() {
        assertEquals(truth.keySet(), dumped.keySet());
        assertEquals(result.sales(), truth.size());
    }

    @Test
    void rowsWrittenEqualAcceptedPlusQuarantinedPlusDuplicates() throws IOException {
        long quarantined = truth.values().stream().filter(t -> t.get("expected_quarantine").equals("true")).count();
        long accepted = truth.size() - quarantined;
        assertEquals(dumpRows, accepted + quarantined + result.duplicates());
        assertTrue(result.duplicates() > 0, "overlapping shopee exports repeat orders");
        // and per file, as _truth/files.csv states it
        List<String> lines = Files.readAllLines(out.resolve("_truth/files.csv"));
        assertEquals("source_file,rows,expected_accepted,expected_quarantined,expected_duplicates_collapsed", lines.get(0));
        long sumRows = 0, sumQ = 0, sumD = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            long rows = Long.parseLong(f[1]), acc = Long.parseLong(f[2]), q = Long.parseLong(f[3]), d = Long.parseLong(f[4]);
            assertEquals(rowsPerFile.get(f[0]), rows, f[0]);
            assertEquals(rows, acc + q + d, f[0]);
            assertTrue(q <= 0.03 * rows, "quarantinable share per file stays under ingest's 5%: " + l);
            sumRows += rows;
            sumQ += q;
            sumD += d;
        }
        assertEquals(dumpRows, sumRows);
        assertEquals(quarantined, sumQ);
        assertEquals(result.duplicates(), sumD);
    }

    @Test
    void laterExportWinsAndTheTruthHoldsTheFinalStatus() throws IOException {
        // read every shopee export in file-name order, keep every version of each sale
        Map<String, List<String>> versions = new HashMap<>();
        try (Stream<Path> files = Files.list(out.resolve("shopee"))) {
            for (Path p : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                char dl = lines.get(0).contains(";") ? ';' : ',';
                for (String l : lines.subList(1, lines.size())) {
                    String[] f = Csv.split(l, dl);
                    versions.computeIfAbsent("shopee:" + f[0] + ":" + f[4], k -> new ArrayList<>()).add(f[1]);
                }
            }
        }
        long repeated = 0, changed = 0;
        Map<String, String> canon = Map.of("Selesai", "COMPLETED", "Batal", "CANCELLED", "Pengembalian", "RETURNED");
        for (Map.Entry<String, List<String>> e : versions.entrySet()) {
            List<String> v = e.getValue();
            assertTrue(v.size() <= 2, e.getKey());
            assertEquals(canon.get(v.get(v.size() - 1)), truth.get(e.getKey()).get("status"), e.getKey());
            if (v.size() == 2) {
                repeated++;
                if (!v.get(0).equals(v.get(1))) changed++;
            }
        }
        assertEquals(result.duplicates(), repeated);
        assertTrue(changed > 0, "some repeated orders change status between exports");
    }

    @Test
    void truthGmvIsUnitPriceTimesQuantityToTheRupiah() {
        BigDecimal completedFromDumps = BigDecimal.ZERO, completedFromTruth = BigDecimal.ZERO;
        MarketModel model = MarketModel.load(null);
        for (Map.Entry<String, Dumped> e : dumped.entrySet()) {
            Map<String, String> t = truth.get(e.getKey());
            if (t.get("expected_quarantine").equals("true")) continue;
            Dumped d = e.getValue();
            BigDecimal unit = parsePrice(d);
            if (d.marketplace().equals("crossborder")) {
                double rate = model.fxFallback().get(d.currency()).get(t.get("period_month"));
                unit = unit.multiply(BigDecimal.valueOf(rate)).setScale(2, RoundingMode.HALF_UP);
            }
            BigDecimal gmv = unit.multiply(new BigDecimal(d.quantity())).setScale(2, RoundingMode.UNNECESSARY);
            assertEquals(0, gmv.compareTo(new BigDecimal(t.get("gmv_idr"))), e.getKey() + " " + d + " vs " + t);
            if (t.get("status").equals("COMPLETED")) {
                completedFromDumps = completedFromDumps.add(gmv);
                completedFromTruth = completedFromTruth.add(new BigDecimal(t.get("gmv_idr")));
            }
        }
        assertEquals(0, completedFromDumps.compareTo(completedFromTruth));
    }

    @Test
    void aReferenceFxTableChangesOnlyTheTruthsRupiahNotTheDumps() throws Exception {
        Path fx = tmp.resolve("fx_monthly.csv");
        StringBuilder b = new StringBuilder("month,currency,idr_per_unit,source\n");
        for (YearMonth m = YearMonth.of(2024, 11); !m.isAfter(YearMonth.of(2025, 1)); m = m.plusMonths(1)) {
            b.append(m).append(",USD,20000.5,test\n").append(m).append(",CNY,3000.25,test\n");
        }
        Files.writeString(fx, b.toString());
        Path without = tmp.resolve("fx-none"), with = tmp.resolve("fx-ref");
        MarketGenerator.run(new MarketGenerator.Options(4_000, 3, without, YearMonth.of(2024, 11), YearMonth.of(2025, 1),
                TestPaths.regencies(), null, null, false));
        MarketGenerator.run(new MarketGenerator.Options(4_000, 3, with, YearMonth.of(2024, 11), YearMonth.of(2025, 1),
                TestPaths.regencies(), fx, null, false));
        Map<String, String> h0 = hashes(without), h1 = hashes(with);
        for (String f : h0.keySet()) {
            if (!f.startsWith("_truth/")) assertEquals(h0.get(f), h1.get(f), f + " must not depend on the FX reference");
        }
        int checked = 0;
        List<String> lines = Files.readAllLines(with.resolve("_truth/ground_truth.csv"));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = Csv.split(l, ',');
            if (!f[8].equals("crossborder")) continue;
            BigDecimal rate = new BigDecimal(f[13].equals("USD") ? "20000.5" : "3000.25");
            BigDecimal unitIdr = new BigDecimal(f[14]).multiply(rate).setScale(2, RoundingMode.HALF_UP);
            assertEquals(0, unitIdr.multiply(new BigDecimal(f[15])).compareTo(new BigDecimal(f[4])), l);
            checked++;
        }
        assertTrue(checked > 10, "cross-border sales checked: " + checked);
    }

    @Test
    void statusesAreAboutEightyEightEightAndFourPercent() {
        Map<String, Long> c = new HashMap<>();
        for (Map<String, String> t : truth.values()) c.merge(t.get("status"), 1L, Long::sum);
        double n = truth.size();
        assertEquals(0.88, c.get("COMPLETED") / n, 0.02);
        assertEquals(0.08, c.get("CANCELLED") / n, 0.015);
        assertEquals(0.04, c.get("RETURNED") / n, 0.01);
    }

    // ------------------------------------------------------------------ the market model

    @Test
    void everyLocalSellersAnnualCompletedSalesLandInItsTier() {
        assertTiersHold(truth.values());
    }

    @Test
    void tiersHoldEvenForTinyMarketsWhereSellersHaveFewLines() throws IOException {
        for (long seed : new long[]{14, 15}) {
            Path dir = tmp.resolve("tiny" + seed);
            MarketGenerator.run(options(dir, 3_000, seed));
            assertTiersHold(truthRows(dir));
        }
    }

    /** Reads a generated folder's ground truth, one map per sale. */
    static List<Map<String, String>> truthRows(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("_truth/ground_truth.csv"));
        String[] head = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = Csv.split(l, ',');
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < head.length; i++) row.put(head[i], f[i]);
            rows.add(row);
        }
        return rows;
    }

    /**
     * Five years across the change of law (PP 7/2021 from February 2021; UU 20/2008 before, with micro up to Rp300 juta,
     * small up to Rp2,5 miliar): each sale's true tier is its seller's size under the law in force in the sale's month,
     * and the seller's completed sales over each whole calendar year land in that year's tier under that year's law.
     */
    @Test
    void truthTiersFollowTheLawInForceInTheSalesMonth() throws IOException {
        Path dir = tmp.resolve("laws");
        MarketGenerator.run(new MarketGenerator.Options(30_000, 9, dir, YearMonth.of(2018, 1), YearMonth.of(2022, 12),
                TestPaths.regencies(), null, null, false));
        List<Map<String, String>> rows = truthRows(dir);
        BigDecimal juta = new BigDecimal("1000000");
        Map<String, BigDecimal[]> uu20 = Map.of("MICRO", new BigDecimal[]{BigDecimal.ZERO, juta.multiply(BigDecimal.valueOf(300))},
                "SMALL", new BigDecimal[]{juta.multiply(BigDecimal.valueOf(300)), juta.multiply(BigDecimal.valueOf(2_500))},
                "MEDIUM", new BigDecimal[]{juta.multiply(BigDecimal.valueOf(2_500)), juta.multiply(BigDecimal.valueOf(50_000))},
                "LARGE", new BigDecimal[]{juta.multiply(BigDecimal.valueOf(50_000)), null});
        Map<String, BigDecimal[]> pp7 = Map.of("MICRO", new BigDecimal[]{BigDecimal.ZERO, juta.multiply(BigDecimal.valueOf(2_000))},
                "SMALL", new BigDecimal[]{juta.multiply(BigDecimal.valueOf(2_000)), juta.multiply(BigDecimal.valueOf(15_000))},
                "MEDIUM", new BigDecimal[]{juta.multiply(BigDecimal.valueOf(15_000)), juta.multiply(BigDecimal.valueOf(50_000))},
                "LARGE", new BigDecimal[]{juta.multiply(BigDecimal.valueOf(50_000)), null});
        Map<String, String> tierOfSellerYear = new HashMap<>();      // seller|year|law -> the one tier its sales carry
        Map<String, BigDecimal> completed = new TreeMap<>();        // seller|year -> completed GMV
        Map<String, Set<String>> tiersOfDesignedSmall = new TreeMap<>();
        Map<String, String> designed = new HashMap<>();
        List<String> sellers = Files.readAllLines(dir.resolve("_truth/sellers.csv"));
        for (String l : sellers.subList(1, sellers.size())) {
            String[] f = Csv.split(l, ',');
            designed.put(f[0], f[2]);                               // seller_ref -> tier drawn (the middle year's)
        }
        for (Map<String, String> t : rows) {
            if (t.get("true_origin_class").equals("CROSS_BORDER")) continue;
            String month = t.get("period_month");
            String law = month.compareTo("2021-02") < 0 ? "UU20" : "PP7";
            String year = month.substring(0, 4);
            String tier = t.get("true_umkm_tier");
            String prev = tierOfSellerYear.put(t.get("seller_ref") + "|" + year + "|" + law, tier);
            assertTrue(prev == null || prev.equals(tier), t.get("seller_ref") + " has tiers " + prev + " and " + tier + " in " + year);
            if (t.get("true_origin_class").equals("LOCAL_LARGE")) assertEquals("LARGE", tier, t.get("sale_id"));
            if (t.get("true_origin_class").equals("LOCAL_UMKM")) assertNotEquals("LARGE", tier, t.get("sale_id"));
            if (designed.get(t.get("seller_ref")).equals("SMALL")) {
                tiersOfDesignedSmall.computeIfAbsent(year + " " + law, k -> new TreeSet<>()).add(tier);
            }
            if (t.get("status").equals("COMPLETED") && t.get("expected_quarantine").equals("false")) {
                completed.merge(t.get("seller_ref") + "|" + year, new BigDecimal(t.get("gmv_idr")), BigDecimal::add);
            }
        }
        // a small business under PP 7/2021 (Rp3,5 - 10 miliar a year in the model's middle year) was medium under UU 20/2008
        assertEquals(Set.of("MEDIUM"), tiersOfDesignedSmall.get("2020 UU20"));
        assertEquals(Set.of("SMALL"), tiersOfDesignedSmall.get("2022 PP7"));
        int checked = 0, outside = 0;
        StringBuilder why = new StringBuilder();
        for (Map.Entry<String, BigDecimal> e : completed.entrySet()) {
            String[] k = e.getKey().split("\\|");
            if (k[1].equals("2021")) continue;                          // two laws in one year
            String tier = tierOfSellerYear.get(k[0] + "|" + k[1] + "|" + (k[1].compareTo("2021") < 0 ? "UU20" : "PP7"));
            BigDecimal[] b = (k[1].compareTo("2021") < 0 ? uu20 : pp7).get(tier);
            checked++;
            if (!(e.getValue().compareTo(b[0]) > 0 && (b[1] == null || e.getValue().compareTo(b[1]) <= 0))) {
                outside++;
                why.append(' ').append(e.getKey()).append(' ').append(tier).append(" Rp").append(e.getValue().toPlainString());
            }
        }
        assertTrue(checked > 200, "seller-years checked: " + checked);
        assertEquals(0, outside, "seller-years whose completed sales fall outside the tier of their law:" + why);
    }

    static void assertTiersHold(java.util.Collection<Map<String, String>> truthRows) {
        Map<String, BigDecimal> perSellerYear = new TreeMap<>();
        Map<String, String> tierOf = new HashMap<>();
        for (Map<String, String> t : truthRows) {
            if (t.get("true_origin_class").equals("CROSS_BORDER")) continue;
            tierOf.put(t.get("seller_ref"), t.get("true_umkm_tier"));
            if (!t.get("status").equals("COMPLETED") || t.get("expected_quarantine").equals("true")) continue;
            perSellerYear.merge(t.get("seller_ref") + "|" + t.get("period_month").substring(0, 4),
                    new BigDecimal(t.get("gmv_idr")), BigDecimal::add);
        }
        BigDecimal miliar = new BigDecimal("1000000000");
        Map<String, BigDecimal[]> bounds = Map.of("MICRO", new BigDecimal[]{BigDecimal.ZERO, miliar.multiply(BigDecimal.valueOf(2))},
                "SMALL", new BigDecimal[]{miliar.multiply(BigDecimal.valueOf(2)), miliar.multiply(BigDecimal.valueOf(15))},
                "MEDIUM", new BigDecimal[]{miliar.multiply(BigDecimal.valueOf(15)), miliar.multiply(BigDecimal.valueOf(50))},
                "LARGE", new BigDecimal[]{miliar.multiply(BigDecimal.valueOf(50)), null});
        Set<String> tiersSeen = new HashSet<>();
        for (Map.Entry<String, BigDecimal> e : perSellerYear.entrySet()) {
            String tier = tierOf.get(e.getKey().split("\\|")[0]);
            BigDecimal[] b = bounds.get(tier);
            boolean in = e.getValue().compareTo(b[0]) > 0 && (b[1] == null || e.getValue().compareTo(b[1]) <= 0);
            assertTrue(in, e.getKey() + " " + tier + " sold Rp" + e.getValue().toPlainString());
            tiersSeen.add(tier);
        }
        assertEquals(Set.of("MICRO", "SMALL", "MEDIUM", "LARGE"), tiersSeen);
        long micro = tierOf.values().stream().filter("MICRO"::equals).count();
        assertTrue(micro > 0.8 * tierOf.size(), "most sellers are micro");
    }

    @Test
    void importedSharesFollowTheCategoryAndCrossBorderOnlyForForeignSellers() {
        Map<String, long[]> byCategory = new HashMap<>();
        for (Map.Entry<String, Dumped> e : dumped.entrySet()) {
            Map<String, String> t = truth.get(e.getKey());
            String cls = t.get("true_origin_class");
            if (e.getValue().marketplace().equals("crossborder")) assertEquals("CROSS_BORDER", cls, e.getKey());
            if (cls.equals("CROSS_BORDER")) {
                assertEquals("UNKNOWN", t.get("true_umkm_tier"));
                continue;
            }
            long[] c = byCategory.computeIfAbsent(e.getValue().marketplace() + "|" + e.getValue().category(), k -> new long[2]);
            c[0]++;
            if (cls.equals("IMPORTED")) c[1]++;
        }
        long[] phones = byCategory.getOrDefault("shopee|Handphone & Aksesoris", new long[2]);
        long[] food = byCategory.getOrDefault("shopee|Makanan & Minuman", new long[2]);
        long[] batik = byCategory.getOrDefault("shopee|Batik & Kain Tradisional", new long[2]);
        long[] any = new long[2];
        for (long[] c : byCategory.values()) {
            any[0] += c[0];
            any[1] += c[1];
        }
        assertTrue(any[1] > 0.2 * any[0] && any[1] < 0.8 * any[0], "imported share overall " + any[1] + "/" + any[0]);
        if (phones[0] > 50) assertTrue(phones[1] > 0.5 * phones[0], "phones mostly imported: " + phones[1] + "/" + phones[0]);
        if (food[0] > 50) assertTrue(food[1] < 0.3 * food[0], "food mostly local: " + food[1] + "/" + food[0]);
        if (batik[0] > 50) assertTrue(batik[1] < 0.2 * batik[0], "batik mostly local: " + batik[1] + "/" + batik[0]);
        assertTrue(truth.values().stream().anyMatch(t ->
                !t.get("marketplace").equals("crossborder") && t.get("true_origin_class").equals("CROSS_BORDER")),
                "a few foreign sellers sell through the local shapes");
    }

    @Test
    void someSalesCarryNoEvidenceAndTheirTruthIsStillKnown() {
        long none = truth.values().stream().filter(t -> t.get("evidence").equals("NONE")).count();
        assertTrue(none > 0.02 * truth.size() && none < 0.4 * truth.size(), "no-evidence sales: " + none);
        assertTrue(truth.values().stream().filter(t -> t.get("evidence").equals("NONE"))
                .allMatch(t -> Set.of("IMPORTED", "LOCAL_UMKM", "LOCAL_LARGE", "CROSS_BORDER").contains(t.get("true_origin_class"))));
    }

    @Test
    void volumeGrowsAndPeaksOnHarbolnas() {
        Map<String, Long> perYear = new TreeMap<>();
        for (Map<String, String> t : truth.values()) perYear.merge(t.get("period_month").substring(0, 4), 1L, Long::sum);
        double growth = (double) perYear.get("2025") / perYear.get("2023");
        assertTrue(growth > 1.25 && growth < 1.65, "two years of ~20% growth: " + perYear);
        // 11.11 against the other days of November, from the tiktok dump's WIB dates
        long onEleven = 0, otherNov = 0;
        for (Dumped d : dumped.values()) {
            if (!d.marketplace().equals("tiktokshop") || d.time().length() < 10) continue;
            if (d.time().substring(5, 7).equals("11")) {
                if (d.time().substring(8, 10).equals("11")) onEleven++;
                else otherNov++;
            }
        }
        assertTrue(onEleven > 1.8 * otherNov / 29.0, "11.11 peak: " + onEleven + " vs " + otherNov + " over 29 days");
    }

    // ------------------------------------------------------------------ seller IDs

    @Test
    void sellerIdsAreValidByStructureExceptTheDeliberatelyInvalidFew() {
        MarketModel model = MarketModel.load(null);
        Regencies regencies = Regencies.load(TestPaths.regencies());
        Set<String> codes = new HashSet<>(List.of(regencies.code));
        SellerPopulation pop = new SellerPopulation(model, regencies, 4_000_000, 99);
        int withId = 0, invalid = 0;
        Map<String, Integer> types = new TreeMap<>();
        for (int s = 0; s < pop.n; s++) {
            String type = SellerPopulation.ID_TYPE[pop.idType[s]];
            types.merge(type, 1, Integer::sum);
            boolean structural = switch (type) {
                case "NIK" -> IdChecks.nikValid(pop.id[s], codes);
                case "NPWP" -> IdChecks.npwpValid(pop.id[s]);
                case "NIB" -> IdChecks.nibValid(pop.id[s]);
                default -> pop.idValid[s];
            };
            if (type.equals("NONE")) continue;
            assertEquals(pop.idValid[s], structural, type + " " + pop.id[s]);
            if (type.equals("NIK") || type.equals("NPWP") || type.equals("NIB")) {
                withId++;
                if (!pop.idValid[s]) invalid++;
            }
        }
        assertTrue(types.keySet().containsAll(List.of("NIK", "NIB", "NPWP", "FOREIGN_REG")), types.toString());
        double share = (double) invalid / withId;
        assertTrue(share > 0.015 && share < 0.05, "about 3% invalid: " + invalid + "/" + withId);
    }

    @Test
    void npwpCheckDigitIsLuhnOverTheFirstEightDigits() {
        // 01.234.567.?-...: Luhn over 01234567 gives 4
        assertEquals(4, Ids.luhnCheckDigit("01234567"));
        assertTrue(IdChecks.npwpValid("012345674407000"));
        assertFalse(IdChecks.npwpValid("012345675407000"));
        assertEquals("01.234.567.4-407.000", Ids.formatNpwp("012345674407000"));
    }

    @Test
    void truthKeySourcesAreTheNormalisedIdsIngestHashes() {
        Pattern p = Pattern.compile("(NIK:\\d+|NIB:\\d+|NPWP:\\d+|FOREIGN_REG:[0-9A-Z]+|PASSPORT:[0-9A-Z]+|SHOP:(shopee|tokopedia):.+)");
        for (Map<String, String> t : truth.values()) {
            assertTrue(p.matcher(t.get("seller_key_source")).matches(), t.get("seller_key_source"));
        }
    }

    // ------------------------------------------------------------------ memory

    @Test
    void theGeneratorHoldsNoPerRowState() throws Exception {
        MarketModel model = MarketModel.load(null);
        long rows = 50_000;
        MarketGenerator g = new MarketGenerator(model, options(tmp.resolve("mem"), rows, 3));
        MarketGenerator.Result r = g.generate();
        assertTrue(r.rowsWritten() > 45_000, "rows " + r.rowsWritten());
        long elements = Reachable.elements(g);
        long sellers = g.sellers.n;
        // per seller a few dozen array slots; fixed tables (catalogue, regencies, days) a few tens of thousands
        assertTrue(elements < 40 * sellers + 30_000, "reachable elements " + elements + " for " + sellers + " sellers");
        assertTrue(elements < r.rowsWritten() / 2, "state must not grow with rows: " + elements);
    }
}
