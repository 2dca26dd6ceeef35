package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.core.NeracaException;
import id.neraca.ingest.ids.SellerKeys;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * INT96 times, the deprecated Parquet timestamp that warehouses and pandas ({@code use_deprecated_int96_timestamps},
 * {@code flavor="spark"}) still write. Spark reads every INT96 as an instant in UTC, but pandas/pyarrow store a column
 * without a zone as written: a warehouse's local 23:30 WITA on 31 July was read as 23:30 UTC, 07:30 WITA on 1 August,
 * and the sale moved to August without a word. Such a column (its Arrow schema in the footer has no zone) is now read
 * as wall-clock time in the mapping's zone; a zone-aware pandas column and Spark's own INT96 stay instants. The same
 * sale in each file: a seller in Kota Makassar (WITA, UTC+8), 23:30 local on 31 July 2024, 15:30 UTC, a July sale.
 * Fixtures: {@code jobs/src/test/resources/ingest/parquet-int96/} (make_fixtures.py).
 */
class ParquetInt96Test extends SparkTestBase {
    @TempDir
    static Path tmp;

    static final String MAPPING = """
            marketplace: warehouse
            files: ["warehouse/*.parquet"]
            format: {type: parquet}
            grain: ORDER_LINE
            columns:
              order_id: {source: order_id}
              order_ts: {source: created, formats: [%s], zone: SELLER}
              status: {source: status, map: {done: COMPLETED}}
              quantity: {source: qty, parser: integer}
              unit_price: {source: price}
              seller_city: {source: city}
            """;

    static final Path FIXTURES = IngestFixtures.resources().resolve("parquet-int96");

    /** order_ts, period_month, province, unit price and reason of the one row of {@code file} under a mapping with {@code formats}. */
    private static String ingest(String name, Path file, String formats) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path maps = Files.createDirectories(dir.resolve("maps"));
        Files.writeString(maps.resolve("warehouse.yaml"), MAPPING.formatted(formats));
        Path dump = Files.createDirectories(dir.resolve("dumps/warehouse")).resolve("orders.parquet");
        Files.copy(file, dump);
        IngestRun.Prepared p = IngestRun.prepare(maps, IngestFixtures.reference(dir), dir.resolve("dumps").toString(),
                SellerKeys.of(IngestFixtures.KEY), IngestFixtures.CFG, false, false);
        List<Row> rows = ResolveDuplicates.apply(IngestRun.parse(spark, p)).collectAsList();
        assertEquals(1, rows.size());
        Row r = rows.get(0);
        java.sql.Timestamp ts = r.getAs("order_ts");
        return (ts == null ? null : ts.toInstant()) + " " + r.getAs("period_month") + " " + r.getAs("seller_province_code") + " "
                + r.getAs("unit_price_idr") + " " + r.getAs("reason_code");
    }

    /** The column's Parquet physical type: the fixtures must really hold INT96. */
    static String physicalType(Path file, String column) throws Exception {
        try (org.apache.parquet.hadoop.ParquetFileReader r = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()),
                        new org.apache.hadoop.conf.Configuration()))) {
            return r.getFooter().getFileMetaData().getSchema().getType(column).asPrimitiveType().getPrimitiveTypeName().name();
        }
    }

    @Test
    void aPandasColumnWithoutAZoneIsTheSellersWallClockTime() throws Exception {
        assertEquals("INT96", physicalType(FIXTURES.resolve("pandas_naive_int96.parquet"), "created"));
        assertEquals("2024-07-31T15:30:00Z 2024-07 73 1250000.00 null",
                ingest("naive-iso", FIXTURES.resolve("pandas_naive_int96.parquet"), "iso"));
        // a pattern reads it too, and no 'add iso' stop: the column is not an instant
        assertEquals("2024-07-31T15:30:00Z 2024-07 73 1250000.00 null",
                ingest("naive-pattern", FIXTURES.resolve("pandas_naive_int96.parquet"), "\"yyyy-MM-dd HH:mm:ss\""));
    }

    @Test
    void aZoneAwarePandasColumnIsAnInstantAsBefore() throws Exception {
        assertEquals("INT96", physicalType(FIXTURES.resolve("pandas_utc_int96.parquet"), "created"));
        assertEquals("2024-07-31T15:30:00Z 2024-07 73 1250000.00 null",
                ingest("utc-iso", FIXTURES.resolve("pandas_utc_int96.parquet"), "iso"));
        NeracaException e = org.junit.jupiter.api.Assertions.assertThrows(NeracaException.class,
                () -> ingest("utc-pattern", FIXTURES.resolve("pandas_utc_int96.parquet"), "\"yyyy-MM-dd HH:mm:ss\""));
        assertTrue(e.getMessage().contains("'created' is a Parquet TIMESTAMP") && e.getMessage().contains("add iso"), e.getMessage());
    }

    /** One sale written by Spark's own Parquet writer with {@code created} as INT96 holding {@code instant}. */
    private static Path sparkInt96File(String name, String instant) throws Exception {
        StructType schema = new StructType().add("order_id", DataTypes.StringType).add("created", DataTypes.TimestampType)
                .add("status", DataTypes.StringType).add("qty", DataTypes.LongType).add("price", DataTypes.DoubleType)
                .add("city", DataTypes.StringType);
        Dataset<Row> d = spark.createDataFrame(List.of(RowFactory.create("W1", java.sql.Timestamp.from(java.time.Instant.parse(instant)),
                "done", 1L, 1250000.0, "Kota Makassar")), schema);
        String before = spark.conf().get("spark.sql.parquet.outputTimestampType");
        spark.conf().set("spark.sql.parquet.outputTimestampType", "INT96");
        try {
            d.coalesce(1).write().parquet(tmp.resolve(name).toString());
        } finally {
            spark.conf().set("spark.sql.parquet.outputTimestampType", before);
        }
        Path file;
        try (var s = Files.list(tmp.resolve(name))) {
            file = s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        assertEquals("INT96", physicalType(file, "created"));
        return file;
    }

    @Test
    void sparksOwnInt96IsAnInstantAsBefore() throws Exception {
        Path file = sparkInt96File("spark-int96", "2024-07-31T15:30:00Z");
        assertEquals("2024-07-31T15:30:00Z 2024-07 73 1250000.00 null", ingest("spark", file, "iso"));
    }

    /**
     * Impala writes its TIMESTAMP (which has no zone) to INT96 as the wall-clock time, and says so only by its name in
     * the footer's {@code created_by} (Spark's {@code int96TimestampConversion} goes by the same). The same bytes that
     * Spark's writer means as 23:30 UTC (07:30 WITA on 1 August, an August sale) are, from Impala, 23:30 in Makassar
     * on 31 July. The fixture is Spark's file with its {@code created_by} rewritten to Impala's, same length.
     */
    @Test
    void impalasInt96IsTheSellersWallClockTime() throws Exception {
        Path sparkFile = sparkInt96File("impala-src", "2024-07-31T23:30:00Z");
        // Spark's own reading of these bytes: an instant, an August sale in Makassar
        assertEquals("2024-07-31T23:30:00Z 2024-08 73 1250000.00 null", ingest("impala-as-spark", sparkFile, "iso"));

        byte[] bytes = Files.readAllBytes(sparkFile);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("parquet-mr version ");
        assertTrue(at > 0, "Spark's footer names parquet-mr");
        int end = text.indexOf(')', at) + 1;
        String impala = "impala version 4.4.1-RELEASE (build ";
        String by = impala + "0".repeat(end - at - impala.length() - 1) + ")";
        assertEquals(end - at, by.length());
        System.arraycopy(by.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, bytes, at, by.length());
        Path impalaFile = Files.createDirectories(tmp.resolve("impala")).resolve("impala.parquet");
        Files.write(impalaFile, bytes);
        assertEquals("INT96", physicalType(impalaFile, "created"));
        try (org.apache.parquet.hadoop.ParquetFileReader r = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(impalaFile.toUri()),
                        new org.apache.hadoop.conf.Configuration()))) {
            assertTrue(r.getFooter().getFileMetaData().getCreatedBy().startsWith("impala version 4.4.1"));
        }
        assertEquals("2024-07-31T15:30:00Z 2024-07 73 1250000.00 null", ingest("impala-iso", impalaFile, "iso"));
        assertEquals("2024-07-31T15:30:00Z 2024-07 73 1250000.00 null",
                ingest("impala-pattern", impalaFile, "\"yyyy-MM-dd HH:mm:ss\""));
    }
}
