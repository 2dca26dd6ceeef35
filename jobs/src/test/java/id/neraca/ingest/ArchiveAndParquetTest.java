package id.neraca.ingest;

import id.neraca.core.NeracaException;

import id.neraca.SparkTestBase;
import id.neraca.ingest.ids.SellerKeys;
import id.neraca.ingest.mapping.Mapping;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** zip archives are unpacked transparently; Parquet dumps are read through Spark with the same parser. */
class ArchiveAndParquetTest extends SparkTestBase {
    @TempDir
    Path tmp;

    @Test
    void aZipOfExportsIsReadAsIfUnpackedInPlace() throws Exception {
        Path dumps = Files.createDirectories(tmp.resolve("dumps/tiktokshop"));
        try (OutputStream o = Files.newOutputStream(dumps.resolve("march.zip")); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("tiktok_orders_2023-03.csv"));
            z.write((BadInputTest.TIKTOK_HEADER + "\nT1,Completed,S1,Kaos,B,Fashion,2,1000,2000,2023-03-01 10:00:00,,,Kota Bandung,Jawa Barat,ID,ID,No\n")
                    .getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("README.txt"));
            z.write("not a dump".getBytes(StandardCharsets.UTF_8));
        }
        List<Mapping> ms = Mappings.load(IngestFixtures.mappings());
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(), ms, false);
        assertEquals(List.of(), plan.issues());
        assertEquals(1, plan.tasks().size());
        FileTask t = plan.tasks().get(0);
        assertEquals("tiktokshop/march.zip/tiktok_orders_2023-03.csv", t.sourceFile());
        assertEquals("2023-03", t.exportKey());
        assertEquals(64, t.sha256().length());
        List<RawRecord> raw = DumpReader.readAll(t, plan.mappings().get("tiktokshop"));
        assertEquals(1, raw.size());
        assertEquals(2, raw.get(0).line());
    }

    @Test
    void aDamagedOrEmptyZipFailsNamingItAndDotsInAnEntryNameAreKept() throws Exception {
        List<Mapping> ms = Mappings.load(IngestFixtures.mappings());
        Path junk = Files.createDirectories(tmp.resolve("junk/shopee"));
        Files.write(junk.resolve("export.zip"), new byte[]{'P', 'K', 3, 4, 'j', 'u', 'n', 'k'});
        id.neraca.core.NeracaException e = org.junit.jupiter.api.Assertions.assertThrows(id.neraca.core.NeracaException.class,
                () -> DumpPlanner.plan(tmp.resolve("junk").toString(), ms, false));
        assertEquals(id.neraca.core.NeracaException.EXIT_DATA, e.exitCode());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("shopee/export.zip") && e.getMessage().contains("holds no files"),
                e.getMessage());

        Path dots = Files.createDirectories(tmp.resolve("dots/tiktokshop"));
        try (OutputStream o = Files.newOutputStream(dots.resolve("q1.zip")); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("tiktok_orders_2023-01..2023-03.csv"));   // '..' in a name, not a path
            z.write((BadInputTest.TIKTOK_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        }
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dots").toString(), ms, false);
        assertEquals(List.of("tiktokshop/q1.zip/tiktok_orders_2023-01..2023-03.csv"), plan.tasks().stream().map(FileTask::sourceFile).toList());
    }

    @Test
    void aFileNameWithAColonIsAnIssueNamingTheFixNotACrash() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("colon/tiktokshop"));
        Files.writeString(d.resolve("tiktok_orders_2023-03 10:00.csv"), BadInputTest.TIKTOK_HEADER + "\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("colon").toString(), Mappings.load(IngestFixtures.mappings()), false);
        assertEquals(1, plan.errors().size(), plan.issues().toString());
        org.junit.jupiter.api.Assertions.assertTrue(plan.errors().get(0).render().contains("Rename the file"), plan.errors().toString());
    }

    @Test
    void parquetDumpsUseTheSameColumnsAndParsers() throws Exception {
        Path mappings = Files.createDirectories(tmp.resolve("marketplaces"));
        Files.writeString(mappings.resolve("warehouse.yaml"), """
                marketplace: warehouse
                files: ["warehouse/*.parquet"]
                format: {type: parquet}
                grain: ORDER_LINE
                pii: [seller_name]
                columns:
                  order_id: {source: order_id}
                  order_ts: {source: ts, formats: [epoch_seconds]}
                  status: {source: status, map: {done: COMPLETED}}
                  quantity: {source: qty, parser: integer}
                  unit_price: {source: price, parser: decimal}
                  seller_id: {source: seller_nik}
                  shop_name: {source: seller_name}
                  seller_city: {source: city}
                """);
        StructType schema = new StructType().add("order_id", DataTypes.StringType).add("ts", DataTypes.LongType)
                .add("status", DataTypes.StringType).add("qty", DataTypes.IntegerType).add("price", DataTypes.createDecimalType(12, 2))
                .add("seller_nik", DataTypes.StringType).add("seller_name", DataTypes.StringType).add("city", DataTypes.StringType);
        Dataset<Row> d = spark.createDataFrame(List.of(
                RowFactory.create("W1", 1673481600L, "done", 2, new java.math.BigDecimal("1500.50"), "3273011508850001", "Toko W", "Kota Bandung"),
                RowFactory.create("W2", 1673481600L, "lost", 1, new java.math.BigDecimal("10.00"), null, "Toko W", "Kota Bandung")), schema);
        Path file = tmp.resolve("dumps/warehouse/orders.parquet");
        d.coalesce(1).write().parquet(tmp.resolve("w").toString());
        Files.createDirectories(file.getParent());
        try (var s = Files.list(tmp.resolve("w"))) {
            Files.copy(s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow(), file);
        }
        // a second download's name: Spark took it for a glob ("Path does not exist", exit 1)
        Files.copy(file, file.resolveSibling("orders [1] {2}.parquet"));
        IngestRun.Prepared p = IngestRun.prepare(mappings, IngestFixtures.reference(tmp), tmp.resolve("dumps").toString(),
                SellerKeys.of(IngestFixtures.KEY), IngestFixtures.CFG, false, false);
        Dataset<Row> all = IngestRun.parse(spark, p);
        assertEquals(2L, all.filter(col("source_file").endsWith("orders [1] {2}.parquet")).count());
        Dataset<Row> r = ResolveDuplicates.apply(all.filter(col("source_file").endsWith("/orders.parquet"))).orderBy("source_line");
        List<Row> rows = r.collectAsList();
        assertEquals(2, rows.size());
        assertEquals("warehouse:W1:-", rows.get(0).getAs("sale_id"));
        assertEquals("3001.00", rows.get(0).<java.math.BigDecimal>getAs("gmv_idr").toPlainString());
        assertEquals("32", rows.get(0).getAs("seller_province_code"));
        assertEquals("UNKNOWN_STATUS", rows.get(1).getAs("reason_code"));
        assertEquals(2L, (long) rows.get(1).getAs("source_line"));
        String raw = rows.get(1).getAs("raw_row");
        assertTrue(raw.contains("\"status\":\"lost\""), raw);
        assertFalse(raw.contains("Toko W"), raw);
    }

    /**
     * A Parquet TIMESTAMP is an instant (stored in UTC): 2024-07-31 23:30 UTC is 1 August 07:30 in Makassar (WITA), a sale
     * of August. Cast to text it lost its offset and was read as 23:30 WITA (15:30 UTC, July). A TIMESTAMP_NTZ is a
     * wall-clock time and is read in the mapping's zone, the seller's here. A mapping reading a TIMESTAMP without iso
     * among its formats stops, naming the column and the fix.
     */
    @Test
    void aParquetTimestampIsAnInstantAndATimestampNtzIsWallClockTime() throws Exception {
        Path mappings = Files.createDirectories(tmp.resolve("marketplaces-ts"));
        String mapping = """
                marketplace: warehouse
                files: ["warehouse/*.parquet"]
                format: {type: parquet}
                grain: ORDER_LINE
                columns:
                  order_id: {source: order_id}
                  order_ts: {source: %s, formats: [%s], zone: SELLER}
                  status: {source: status, map: {done: COMPLETED}}
                  quantity: {source: qty, parser: integer}
                  unit_price: {source: price, parser: decimal}
                  seller_id: {source: seller_nik}
                  seller_city: {source: city}
                """;
        StructType schema = new StructType().add("order_id", DataTypes.StringType).add("created", DataTypes.TimestampType)
                .add("local", DataTypes.TimestampNTZType).add("status", DataTypes.StringType).add("qty", DataTypes.IntegerType)
                .add("price", DataTypes.createDecimalType(12, 2)).add("seller_nik", DataTypes.StringType).add("city", DataTypes.StringType);
        Dataset<Row> d = spark.createDataFrame(List.of(RowFactory.create("W1", java.sql.Timestamp.from(java.time.Instant.parse("2024-07-31T23:30:00Z")),
                java.time.LocalDateTime.parse("2024-07-31T23:30:00"), "done", 1, new java.math.BigDecimal("1000.00"),
                "7371011508850001", "Kota Makassar")), schema);
        Path file = tmp.resolve("dumps-ts/warehouse/orders.parquet");
        d.coalesce(1).write().parquet(tmp.resolve("w-ts").toString());
        Files.createDirectories(file.getParent());
        try (var s = Files.list(tmp.resolve("w-ts"))) {
            Files.copy(s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow(), file);
        }
        String[][] cases = {{"created", "iso", "2024-07-31T23:30:00Z", "2024-08"},
                {"local", "\"yyyy-MM-dd HH:mm:ss\", iso", "2024-07-31T15:30:00Z", "2024-07"}};
        for (String[] c : cases) {
            Files.writeString(mappings.resolve("warehouse.yaml"), mapping.formatted(c[0], c[1]));
            IngestRun.Prepared p = IngestRun.prepare(mappings, IngestFixtures.reference(tmp), tmp.resolve("dumps-ts").toString(),
                    SellerKeys.of(IngestFixtures.KEY), IngestFixtures.CFG, false, false);
            Row r = ResolveDuplicates.apply(IngestRun.parse(spark, p)).collectAsList().get(0);
            assertTrue(r.getAs("reason_code") == null, String.valueOf(r));
            assertEquals(java.time.Instant.parse(c[2]), r.<java.sql.Timestamp>getAs("order_ts").toInstant(), c[0]);
            assertEquals(c[3], r.getAs("period_month"), c[0]);
        }
        Files.writeString(mappings.resolve("warehouse.yaml"), mapping.formatted("created", "\"yyyy-MM-dd HH:mm:ss\""));
        IngestRun.Prepared p = IngestRun.prepare(mappings, IngestFixtures.reference(tmp), tmp.resolve("dumps-ts").toString(),
                SellerKeys.of(IngestFixtures.KEY), IngestFixtures.CFG, false, false);
        NeracaException e = org.junit.jupiter.api.Assertions.assertThrows(NeracaException.class, () -> IngestRun.parse(spark, p));
        assertTrue(e.getMessage().contains("'created' is a Parquet TIMESTAMP") && e.getMessage().contains("add iso to order_ts.formats"),
                e.getMessage());
    }

    @Test
    void floatingAndDecimalParquetPricesAreNumbersWhateverTheirSizeOrParser() throws Exception {
        // pandas writes money as float64: Spark's cast to text wrote 13399000.0 as 1.3399E7 (quarantined BAD_PRICE under
        // idr and decimal alike: every sale of Rp10 juta or more), and 13.399 as 13.399, which idr reads as 13,399 rupiah
        Path mappings = Files.createDirectories(tmp.resolve("marketplaces"));
        Files.writeString(mappings.resolve("warehouse.yaml"), """
                marketplace: warehouse
                files: ["warehouse/*.parquet"]
                format: {type: parquet}
                grain: ORDER_LINE
                columns:
                  order_id: {source: order_id}
                  order_ts: {source: ts, formats: [epoch_seconds]}
                  status: {constant: COMPLETED, map: {COMPLETED: COMPLETED}}
                  quantity: {source: qty}
                  unit_price: {source: price}
                  line_total: {source: total, parser: decimal}
                  seller_city: {source: city}
                """);
        StructType schema = new StructType().add("order_id", DataTypes.StringType).add("ts", DataTypes.LongType)
                .add("qty", DataTypes.DoubleType).add("price", DataTypes.DoubleType).add("total", DataTypes.createDecimalType(20, 4))
                .add("city", DataTypes.StringType);
        Dataset<Row> d = spark.createDataFrame(List.of(
                RowFactory.create("P1", 1673481600L, 1.0, 13399000.0, null, "Kota Bandung"),      // Rp13.399.000
                RowFactory.create("P2", 1673481600L, 2.0, 50000.5, null, "Kota Bandung"),         // Rp50.000,50
                RowFactory.create("P3", 1673481600L, 1.0, 13.399, null, "Kota Bandung"),          // Rp13,40: not 13.399 rupiah
                RowFactory.create("P4", 1673481600L, 3.0, null, new java.math.BigDecimal("30000000.0000"), "Kota Bandung"),
                RowFactory.create("P5", 1673481600L, 1.5, 1000.0, null, "Kota Bandung")),          // half a unit: BAD_QUANTITY
                schema);
        Path file = tmp.resolve("dumps/warehouse/orders.parquet");
        d.coalesce(1).write().parquet(tmp.resolve("w").toString());
        Files.createDirectories(file.getParent());
        try (var s = Files.list(tmp.resolve("w"))) {
            Files.copy(s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow(), file);
        }
        IngestRun.Prepared p = IngestRun.prepare(mappings, IngestFixtures.reference(tmp), tmp.resolve("dumps").toString(),
                SellerKeys.of(IngestFixtures.KEY), IngestFixtures.CFG, false, false);
        List<String> got = ResolveDuplicates.apply(IngestRun.parse(spark, p)).orderBy("source_line").collectAsList().stream()
                .map(r -> r.getAs("source_line") + "|" + r.getAs("quantity") + "|" + r.getAs("unit_price_idr") + "|"
                        + r.getAs("gmv_idr") + "|" + r.getAs("reason_code")).toList();
        assertEquals(List.of("1|1|13399000.00|13399000.00|null", "2|2|50000.50|100001.00|null", "3|1|13.40|13.40|null",
                "4|3|10000000.00|30000000.00|null", "5|null|null|null|BAD_QUANTITY"), got);
    }

    /** The order ids of every record of each planned file, by file. */
    private static List<String> zipRecords(DumpPlanner.Plan plan) {
        return plan.tasks().stream().map(t -> t.sourceFile() + "=" + DumpReader.readAll(t, plan.mappings().get(t.mapping())).stream()
                .map(r -> r.readError() == null ? r.values()[plan.mappings().get(t.mapping()).sourceIndex("No. Pesanan")] : r.readError())
                .toList()).toList();
    }

    private static void zip(Path file, String entry, String text, java.nio.charset.Charset names) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file), names)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(text.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
    }

    private static final String ZIPPED_CSV = BadInputTest.SHOPEE_HEADER + "\n"
            + BadInputTest.shopee("Z1", "05/03/2023 10:00", "Rp50.000", "1", "Kaos") + "\n";

    @Test
    void aZipEntryWithASpaceInItsNameIsRead() throws Exception {
        // Seller Centre names its exports "Order.all.20230401_20230430 (1).csv" once downloaded twice: zipped, every such
        // entry failed with "cannot read: File file:/tmp/neraca-unzip-.../0000-Order...%20(1).csv does not exist" (exit 3)
        Path dumps = tmp.resolve("dumps");
        zip(dumps.resolve("shopee/april.zip"), "Pesanan April/Order.all.20230401_20230430 (1) – final.csv", ZIPPED_CSV,
                StandardCharsets.UTF_8);
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), Mappings.load(IngestFixtures.mappings()), false);
        assertEquals(List.of(), plan.issues());
        assertEquals(List.of("shopee/april.zip/Pesanan April/Order.all.20230401_20230430 (1) – final.csv=[Z1]"), zipRecords(plan));
        assertEquals("20230430", plan.tasks().get(0).exportKey());
    }

    @Test
    void aZipFromWindowsExplorerWithANonAsciiNameInTheOemCodePageIsRead() throws Exception {
        // Explorer's "Send to > Compressed folder" writes "Café" in code page 437 without the UTF-8 flag: the planner
        // failed with "unexpected failure: IllegalArgumentException: malformed input" (exit 1, no file named)
        Path dumps = tmp.resolve("dumps");
        zip(dumps.resolve("shopee/windows.zip"), "PesananCafé/shopee_orders_20230301_20230331.csv", ZIPPED_CSV,
                java.nio.charset.Charset.forName("IBM437"));
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), Mappings.load(IngestFixtures.mappings()), false);
        assertEquals(List.of(), plan.issues());
        assertEquals(List.of("shopee/windows.zip/PesananCafé/shopee_orders_20230301_20230331.csv=[Z1]"), zipRecords(plan));
    }
}
