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
import static org.junit.jupiter.api.Assertions.assertNull;
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

    /**
     * An export whose seller city is an object ({"id":3471,"name":"Kota Yogyakarta"}) where the mapping expects a value:
     * its JSON text was read as the city's name, matched no regency, and the seller's province was lost without a word.
     * The line is BAD_JSON naming the path and the object's keys (so the mapping can point inside it), its values
     * masked in the quarantined text; an array where a value is expected likewise. A null or a plain value is read.
     */
    @Test
    void aMappedPathHoldingAnObjectOrAnArrayIsBadJsonNamingItsKeysNotReadAsText() throws IOException {
        String cityObject = toko("INV/1").replace("\"city\":\"Kabupaten Bantul\"", "\"city\":{\"id\":3471,\"name\":\"Kota Yogyakarta\"}");
        String categoryArray = toko("INV/2").replace("\"category\":\"fashion-muslim\"", "\"category\":[\"fashion\",\"muslim\"]");
        String cityNull = toko("INV/3").replace("\"city\":\"Kabupaten Bantul\"", "\"city\":null");
        assertTrue(cityObject.contains("{\"id\":3471") && categoryArray.contains("[\"fashion\""), "fixtures changed");
        Path f = tmp.resolve("dumps/tokopedia/tokopedia_orders_2023-01.jsonl");
        Files.createDirectories(f.getParent());
        Files.writeString(f, cityObject + "\n" + categoryArray + "\n" + cityNull + "\n" + toko("INV/4") + "\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false, 0);
        List<RawRecord> rs = DumpReader.readAll(plan.tasks().get(0), plan.mappings().get("tokopedia"));
        assertEquals("BAD_JSON", rs.get(0).readError());
        assertEquals("'seller.city' holds a JSON object (keys: id, name), not a value: point the mapping at a field inside it "
                + "(for example path: seller.city.name)", rs.get(0).readDetail());
        assertFalse(rs.get(0).rawRow().contains("Kota Yogyakarta"), rs.get(0).rawRow());
        assertTrue(rs.get(0).rawRow().contains("\"city\":{\"id\":\"" + Masking.MASK + "\",\"name\":\"" + Masking.MASK + "\"}"), rs.get(0).rawRow());
        assertEquals("BAD_JSON", rs.get(1).readError());
        assertEquals("'product.category' holds a JSON array of 2 value(s), not a value: the mapping reads one value per column; "
                + "point it at a field that holds one", rs.get(1).readDetail());
        assertNull(rs.get(2).readError(), "a null city is a missing value, read as before");
        assertNull(rs.get(3).readError());
    }

    /**
     * The converse: a value or an array where the mapping walks into an object ({@code "price":34000} under
     * {@code price.amount}). It was read as blank: MISSING_VALUE "unit_price (price.amount): blank" beside a raw_row
     * showing {@code "price":"***"}, and an optional column (the seller's) silently dropped. BAD_JSON naming the parent
     * and what it holds, never its value; a null or absent parent is still a missing value.
     */
    @Test
    void aValueOrArrayWhereTheMappingWalksIntoAnObjectIsBadJsonNamingItNotBlank() throws IOException {
        String flatPrice = toko("INV/1").replace("\"price\":{\"amount\":\"129000.00\",\"currency\":\"IDR\"}", "\"price\":129000");
        String sellerText = toko("INV/2").replaceAll("\"seller\":\\{[^}]*\\}", "\"seller\":\"CV Bintang Official\"");
        String productArray = toko("INV/3").replace("\"product\":{\"name\":\"Koko\",\"category\":\"fashion-muslim\"}",
                "\"product\":[{\"name\":\"Koko\"}]");
        String priceNull = toko("INV/4").replace("\"price\":{\"amount\":\"129000.00\",\"currency\":\"IDR\"}", "\"price\":null");
        assertTrue(flatPrice.contains("\"price\":129000") && sellerText.contains("\"seller\":\"CV") && productArray.contains("[{"),
                "fixtures changed");
        Path f = tmp.resolve("dumps/tokopedia/tokopedia_orders_2023-01.jsonl");
        Files.createDirectories(f.getParent());
        Files.writeString(f, flatPrice + "\n" + sellerText + "\n" + productArray + "\n" + priceNull + "\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false, 0);
        List<RawRecord> rs = DumpReader.readAll(plan.tasks().get(0), plan.mappings().get("tokopedia"));
        assertEquals("BAD_JSON", rs.get(0).readError());
        assertEquals("'price' holds a number, not an object: the mapping reads 'price.amount', a field inside it. The export's "
                + "shape differs from the mapping's: if 'price' holds the value itself, point the mapping at it (path: price)",
                rs.get(0).readDetail());
        assertFalse(rs.get(0).rawRow().contains("129000"), rs.get(0).rawRow());
        assertEquals("BAD_JSON", rs.get(1).readError(), "the seller columns are optional, but the seller was lost");
        assertTrue(rs.get(1).readDetail().startsWith("'seller' holds a string, not an object"), rs.get(1).readDetail());
        assertFalse(rs.get(1).rawRow().contains("Bintang"), rs.get(1).rawRow());
        assertEquals("BAD_JSON", rs.get(2).readError());
        assertTrue(rs.get(2).readDetail().startsWith("'product' holds a JSON array of 1 value(s), not an object")
                && rs.get(2).readDetail().endsWith("point the mapping at a field that holds one value"), rs.get(2).readDetail());
        assertNull(rs.get(3).readError(), "a null price is a missing value (MISSING_VALUE when parsed), as before");
    }

    /**
     * A scraper's {@code json.dump(items, f, indent=2)} saved under a .jsonl name: every line was a BAD_JSON row (1,191
     * for 40 records) and the top reason Jackson's "expected close marker for Array". Refused at planning, saying what
     * the file is and how to convert it.
     */
    @Test
    void aPrettyPrintedJsonDocumentUnderAJsonlNameIsRefusedSayingHowToConvertIt() throws IOException {
        for (String open : List.of("[", "{")) {
            Path dumps = tmp.resolve("pretty" + (open.equals("[") ? "-array" : "-object"));
            Path f = dumps.resolve("tokopedia/tokopedia_orders_2023-01.jsonl");
            Files.createDirectories(f.getParent());
            String body = open.equals("[") ? "\uFEFF[\n  " + toko("INV/1") + ",\n  " + toko("INV/2") + "\n]\n"
                    : "{\n  \"invoice\": \"INV/1\",\n  \"status\": \"delivered\"\n}\n";
            Files.writeString(f, body);
            DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(),
                    Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false, 0);
            assertEquals(List.of(), plan.tasks());
            assertEquals(1, plan.errors().size(), plan.issues().toString());
            assertEquals(3, plan.errors().get(0).exit());
            assertTrue(plan.errors().get(0).render().startsWith("tokopedia/tokopedia_orders_2023-01.jsonl line 1: the file is one "
                    + "JSON document spread over many lines (pretty-printed; its first line is '" + open + "'), not JSON Lines")
                    && plan.errors().get(0).render().contains("jq -c '.[]' < in > out"), plan.errors().get(0).render());
        }
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

    private static String shopee(String order) {
        return BadInputTest.shopee(order, "05/03/2023 10:00", "Rp50.000", "1", "Kaos");
    }

    @Test
    void blankLinesAboveTheHeaderDoNotMakeTheHeaderARecord() throws IOException {
        // a BOM on a line of its own, then a blank line, then the header on line 3: the header was read as a row
        // (UNKNOWN_STATUS 'Status Pesanan', one row too many in the reconciliation)
        String csv = "\uFEFF\r\n\r\n" + SHOPEE_HEADER + "\r\n" + shopee("S1") + "\r\n" + shopee("S2") + "\r\n";
        assertEquals(List.of("4|null|S1", "5|null|S2"),
                read("shopee/shopee_orders_20230301_20230331.csv", csv.getBytes(StandardCharsets.UTF_8), "No. Pesanan"));
    }

    @Test
    void dossEndOfFileMarkIsNotARecord() throws IOException {
        // an old exporter's Ctrl-Z (0x1A) after the last line, alone on its line or after a final line break: a
        // WRONG_FIELD_COUNT row ("found 1") that in a short file tripped the 5% threshold by itself
        String csv = SHOPEE_HEADER + "\r\n" + shopee("S1") + "\r\n" + shopee("S2") + "\r\n\u001A";
        assertEquals(List.of("2|null|S1", "3|null|S2"),
                read("shopee/shopee_orders_20230301_20230331.csv", csv.getBytes(StandardCharsets.UTF_8), "No. Pesanan"));
    }

    @Test
    void rowsOfBareDelimitersAreEmptySpreadsheetRowsNotRecords() throws IOException {
        // Excel saves a sheet's empty or formatted-but-empty rows as ;;;;;; (with the header's field count or not):
        // each was quarantined MISSING_VALUE and a few of them failed the file on max_quarantine_share
        String empty = ";".repeat(18);
        String csv = empty + "\n" + SHOPEE_HEADER + "\n" + shopee("S1") + "\n" + empty + "\n" + " ; ;\t;\n" + shopee("S2")
                + "\n" + empty + "\n" + empty;
        assertEquals(List.of("3|null|S1", "6|null|S2"),
                read("shopee/shopee_orders_20230301_20230331.csv", csv.getBytes(StandardCharsets.UTF_8), "No. Pesanan"));
        // a row with one value among the delimiters is a record (and quarantined for what it lacks)
        Files.delete(tmp.resolve("dumps/shopee/shopee_orders_20230301_20230331.csv"));
        assertEquals(List.of("2|null|S1", "3|null|x"), read("shopee/shopee_orders_20230301_20230331.csv",
                (SHOPEE_HEADER + "\n" + shopee("S1") + "\nx" + empty + "\n").getBytes(StandardCharsets.UTF_8), "No. Pesanan"));
    }

    @Test
    void aHeaderBelowBlankLinesIsFoundByEveryByteRangeOfASplitFile() throws IOException {
        String csv = "\n\n \n" + SHOPEE_HEADER + "\n" + shopee("S1") + "\n\n" + ";".repeat(18) + "\n" + shopee("S2") + "\n";
        List<String> whole = read("shopee/shopee_orders_20230301_20230331.csv", csv.getBytes(StandardCharsets.UTF_8), "No. Pesanan");
        assertEquals(List.of("5|null|S1", "8|null|S2"), whole);
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false, 0);
        FileTask t = plan.tasks().get(0);
        assertEquals(4, t.headerLine());
        CompiledMapping cm = plan.mappings().get(t.mapping());
        org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.getLocal(id.neraca.core.HadoopConf.shared());
        for (long size = 1; size <= t.bytes(); size++) {
            long[] counts = DumpPlanner.scan(fs, new org.apache.hadoop.fs.Path(t.uri()), size).boundaryNewlines();
            FileTask split = new FileTask(t.sourceFile(), t.uri(), t.mapping(), t.exportKey(), false, t.delimiter(), t.columnIndex(),
                    t.piiIndex(), t.columnCount(), t.bytes(), t.sha256(), size, counts, t.headerLine());
            List<String> got = new java.util.ArrayList<>();
            for (FileTask.Split sp : split.splits()) {
                try (DumpReader r = new DumpReader(sp, cm)) {
                    r.forEachRemaining(x -> got.add(x.line() + "|" + x.readError() + "|" + x.values()[cm.sourceIndex("No. Pesanan")]));
                }
            }
            assertEquals(whole, got, "ranges of " + size + " bytes");
        }
    }

    @Test
    void noBreakSpacesInTheHeaderAndInMappedValuesAreSpaces() throws IOException {
        // a header cell "Jumlah" + U+00A0 (Excel, a web copy) failed planning with "missing [Jumlah]" beside a header that
        // printed as Jumlah; a status "Selesai" + U+00A0 was UNKNOWN_STATUS 'Selesai ' beside a map listing Selesai
        String csv = SHOPEE_HEADER.replace(";Jumlah;", ";Jumlah\u00a0;").replace("Status Pesanan", "\u00a0Status\u00a0Pesanan")
                + "\n" + shopee("S1").replace(";Selesai;", ";Selesai\u00a0;") + "\n"
                + shopee("S2").replace(";Selesai;", ";\u202fBatal;") + "\n";
        Path f = tmp.resolve("dumps/shopee/shopee_orders_20230301_20230331.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false, 0);
        assertEquals(List.of(), plan.errors());
        FileTask t = plan.tasks().get(0);
        CompiledMapping cm = plan.mappings().get("shopee");
        RecordParser parser = new RecordParser(cm, ReferenceData.load(SparkTestBase.projectRoot().resolve("data/reference")),
                id.neraca.ingest.ids.SellerKeys.of(IngestFixtures.KEY), java.time.LocalDate.parse("2015-01-01"),
                java.time.LocalDate.parse("2026-11-29"));
        List<String> got = DumpReader.readAll(t, cm).stream().map(r -> parser.parse(r, t.exportKey())).map(r ->
                r.getAs("sale_id") + "|" + r.getAs("status") + "|" + r.getAs("quantity") + "|" + r.getAs("reason_code")).toList();
        assertEquals(List.of("shopee:S1:SKU-1|COMPLETED|1|null", "shopee:S2:SKU-1|CANCELLED|1|null"), got);
        assertEquals(Boolean.TRUE, Parsers.bool("Ya\u00a0"));
    }

    @Test
    void excelsSepLineAboveTheHeaderIsSkipped() throws IOException {
        // "sep=;" on the first line makes Excel open a ';' file in a ',' locale; neraca took it for the header (exit 3)
        String csv = "\uFEFFsep=;\r\n" + SHOPEE_HEADER + "\r\n" + shopee("S1") + "\r\n" + shopee("S2") + "\r\n";
        assertEquals(List.of("3|null|S1", "4|null|S2"),
                read("shopee/shopee_orders_20230301_20230331.csv", csv.getBytes(StandardCharsets.UTF_8), "No. Pesanan"));
    }

    @Test
    void jsonNumbersAreNumbersUnderTheIdrAndCountParsers() throws IOException {
        // a JSON price 13.399 (a number: thirteen rupiah and change) was handed to idr as the text 13.399, which idr reads
        // as Indonesian grouping: 13,399 rupiah; 50000.5 was refused as an ambiguous dot
        Path mappings = Files.createDirectories(tmp.resolve("marketplaces"));
        Files.writeString(mappings.resolve("shop.yaml"), """
                marketplace: shop
                files: ["shop/*.jsonl"]
                format: {type: jsonl}
                grain: ORDER_LINE
                columns:
                  order_id: {path: id}
                  order_ts: {path: ts, formats: [iso], zone: WIB}
                  status: {constant: COMPLETED, map: {COMPLETED: COMPLETED}}
                  quantity: {path: qty}
                  unit_price: {path: price}
                """);
        Path f = tmp.resolve("dumps/shop/orders.jsonl");
        Files.createDirectories(f.getParent());
        String ts = "\"ts\":\"2023-03-05T10:00:00\"";
        Files.writeString(f, "{\"id\":\"J1\"," + ts + ",\"qty\":1,\"price\":13.399}\n"
                + "{\"id\":\"J2\"," + ts + ",\"qty\":2.0,\"price\":50000.5}\n"
                + "{\"id\":\"J3\"," + ts + ",\"qty\":1,\"price\":1.3399E7}\n"
                + "{\"id\":\"J4\"," + ts + ",\"qty\":1,\"price\":\"Rp13.399\"}\n");   // text stays text: Indonesian grouping
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(), Mappings.load(mappings), false, 0);
        FileTask t = plan.tasks().get(0);
        CompiledMapping cm = plan.mappings().get("shop");
        RecordParser parser = new RecordParser(cm, ReferenceData.load(SparkTestBase.projectRoot().resolve("data/reference")),
                id.neraca.ingest.ids.SellerKeys.of(IngestFixtures.KEY), java.time.LocalDate.parse("2015-01-01"),
                java.time.LocalDate.parse("2026-11-29"));
        List<String> got = DumpReader.readAll(t, cm).stream().map(r -> parser.parse(r, t.exportKey())).map(r ->
                r.getAs("sale_id") + "|" + r.getAs("quantity") + "|" + r.getAs("unit_price_idr") + "|" + r.getAs("reason_code")).toList();
        assertEquals(List.of("shop:J1:-|1|13.40|null", "shop:J2:-|2|50000.50|null", "shop:J3:-|1|13399000.00|null",
                "shop:J4:-|1|13399.00|null"), got);
    }

    @Test
    void anEpochInSecondsUnderEpochMillisSaysWhichUnitWouldFit() throws IOException {
        // a cross-border export that switched to epoch seconds: every row was DATE_OUT_OF_RANGE '1673481600' with no
        // word on why (read as milliseconds it is 20 January 1970)
        String csv = "order_no,item_no,order_time,store_id,store_name,store_country,store_registration_no,store_id_type,ship_from,"
                + "item_title,brand,category,qty,unit_price,currency,order_state,buyer_city\n"
                + "X1,1,1673481600,S1,Store,CN,REG1,FOREIGN_REG,CN,Item,B,Beauty,1,2.50,USD,FINISHED,Bandung\n";
        Path f = tmp.resolve("dumps/crossborder/xb_orders_2023-01.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false, 0);
        FileTask t = plan.tasks().get(0);
        CompiledMapping cm = plan.mappings().get("crossborder");
        RecordParser parser = new RecordParser(cm, ReferenceData.load(SparkTestBase.projectRoot().resolve("data/reference")),
                id.neraca.ingest.ids.SellerKeys.of(IngestFixtures.KEY), java.time.LocalDate.parse("2015-01-01"),
                java.time.LocalDate.parse("2026-11-29"));
        org.apache.spark.sql.Row r = parser.parse(DumpReader.readAll(t, cm).get(0), t.exportKey());
        assertEquals("DATE_OUT_OF_RANGE", r.getAs("reason_code"));
        assertEquals("order_ts (order_time): '1673481600' is outside 2015-01-01 .. 2026-11-29 (ingest.min_order_date / "
                + "max_order_date); read as epoch milliseconds it is 1970-01-20, as seconds 2023-01-12: if the column is in seconds, "
                + "set its formats to [epoch_seconds] (or [epoch], which tells them apart by their digits)", r.getAs("reason_detail"));
    }

    @Test
    void jsonLinesJoinedWithCatKeepTheSecondFilesFirstRecord() throws IOException {
        // cat a.jsonl b.jsonl > all.jsonl, b written with a BOM: its first record began with U+FEFF and was BAD_JSON
        String jsonl = "\uFEFF" + toko("INV/1") + "\n" + toko("INV/2") + "\n" + "\uFEFF" + toko("INV/3") + "\n";
        assertEquals(List.of("1|null|INV/1", "2|null|INV/2", "3|null|INV/3"),
                read("tokopedia/tokopedia_orders_2023-01.jsonl", jsonl.getBytes(StandardCharsets.UTF_8), "invoice"));
    }
    /** A key twice in one object: the record does not say which value is its own, so it is BAD_JSON naming the key. */
    @Test
    void aJsonObjectWithAKeyTwiceIsBadJsonNotItsLastValue() throws IOException {
        String jsonl = toko("INV/1") + "\n"
                + toko("INV/2").replace("{\"invoice\":\"INV/2\",", "{\"invoice\":\"INV/2\",\"invoice\":\"INV/9\",") + "\n"
                + toko("INV/3").replace("\"quantity\":2,", "\"quantity\":2,\"quantity\":20,") + "\n";
        assertEquals(List.of("1|null|INV/1", "2|BAD_JSON|null", "3|BAD_JSON|null"),
                read("tokopedia/tokopedia_orders_2023-01.jsonl", jsonl.getBytes(StandardCharsets.UTF_8), "invoice"));
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false, 0);
        RawRecord r = DumpReader.readAll(plan.tasks().get(0), plan.mappings().get("tokopedia")).get(2);
        assertTrue(r.readDetail().contains("Duplicate field 'quantity'"), r.readDetail());
    }
}
