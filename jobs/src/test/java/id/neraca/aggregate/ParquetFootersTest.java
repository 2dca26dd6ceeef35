package id.neraca.aggregate;

import id.neraca.SparkTestBase;
import id.neraca.core.NeracaException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The canonical Parquet footer of {@link Tables}: parquet-mr lists a column chunk's encodings in hash-set order,
 * which differs between JVM processes. Two files whose footers list the encodings in different orders must
 * become the same bytes, with the data pages untouched and the rows read back unchanged by Spark and by
 * parquet-mr. (The cross-process check itself is in CI: .ci/compare_outputs.py compares the Parquet files of
 * two runs.)
 */
class ParquetFootersTest extends SparkTestBase {
    static final StructType SCHEMA = new StructType()
            .add("period_month", DataTypes.StringType, false)
            .add("seller_class", DataTypes.StringType, false)
            .add("gmv_idr", DataTypes.createDecimalType(22, 2), false)
            .add("orders", DataTypes.LongType, false)
            .add("units", DataTypes.LongType, true);

    /** Two months of a small headline; repeated strings give dictionary pages, null units give level runs. */
    static List<Row> twoMonthsWithMissingUnits() {
        return List.of(
                row("2024-02", "UNKNOWN", "12000.00", 1, 1L),
                row("2024-01", "LOCAL_UMKM", "1250000.50", 12, 30L),
                row("2024-02", "IMPORTED", "1000000.75", 6, 9L),
                row("2024-01", "IMPORTED", "990000.00", 5, null),
                row("2024-02", "LOCAL_UMKM", "1310000.25", 14, 33L),
                row("2024-01", "UNKNOWN", "0.00", 0, null));
    }

    static Row row(String month, String cls, String gmv, long orders, Long units) {
        return RowFactory.create(month, cls, new BigDecimal(gmv), orders, units);
    }

    private static org.apache.hadoop.fs.LocalFileSystem localFs() throws IOException {
        return FileSystem.getLocal(new Configuration());
    }

    /** Writes the fixture through Tables into {@code tmp/staged/headline/part-00000.parquet}. */
    private static Path writeFixture(Path tmp) throws IOException {
        String folder = tmp.resolve("staged").toString();
        Tables.write(localFs(), folder, "headline", spark.createDataFrame(twoMonthsWithMissingUnits(), SCHEMA),
                new Column[]{col("period_month"), col("seller_class")}, false);
        return tmp.resolve("staged/headline/part-00000.parquet");
    }

    @Test
    void footersListingTheEncodingsInAnyOrderBecomeTheSameBytes(@TempDir Path tmp) throws Exception {
        Path written = writeFixture(tmp);
        try (Stream<Path> s = Files.list(written.getParent())) {
            assertEquals(List.of("part-00000.parquet"), s.map(p -> p.getFileName().toString()).toList(),
                    "one data file, no side files");
        }
        byte[] canonical = Files.readAllBytes(written);
        FileMetaData md = ParquetFooters.read(footer(canonical));
        List<List<Encoding>> lists = encodings(md);
        assertEquals(5, lists.size(), "one chunk per column");
        for (List<Encoding> e : lists) assertEquals(sorted(e), e, "Tables writes sorted encodings: " + lists);
        assertTrue(lists.stream().anyMatch(e -> e.size() >= 3), "a chunk with several encodings to permute: " + lists);

        byte[] reversed = withEncodings(canonical, e -> { Collections.reverse(e); return e; });
        byte[] rotated = withEncodings(canonical, e -> { Collections.rotate(e, 1); return e; });
        assertFalse(Arrays.equals(reversed, canonical), "reversing changes the footer");
        assertFalse(Arrays.equals(rotated, canonical), "rotating changes the footer");
        assertFalse(Arrays.equals(reversed, rotated), "two different permutations");
        int body = canonical.length - 8 - footerLength(canonical);
        assertArrayEquals(Arrays.copyOf(canonical, body), Arrays.copyOf(reversed, body), "only the footer differs");

        Path a = put(tmp.resolve("a/part-00000.parquet"), reversed);
        Path b = put(tmp.resolve("b/part-00000.parquet"), rotated);
        // the permuted files are valid Parquet: Spark reads the same rows from them before canonicalisation
        assertEquals(expectedRows(), readSorted(b.getParent()));

        FileSystem raw = localFs().getRawFileSystem();
        assertTrue(ParquetFooters.canonicalise(raw, hadoop(a)), "a non-canonical footer is rewritten");
        assertTrue(ParquetFooters.canonicalise(raw, hadoop(b)));
        assertArrayEquals(canonical, Files.readAllBytes(a), "reversed -> canonical bytes");
        assertArrayEquals(canonical, Files.readAllBytes(b), "rotated -> canonical bytes");
        assertFalse(ParquetFooters.canonicalise(raw, hadoop(a)), "a canonical footer is left as it is");
        try (Stream<Path> s = Files.list(a.getParent())) {
            assertEquals(List.of("part-00000.parquet"), s.map(p -> p.getFileName().toString()).toList(),
                    "no temporary or checksum file left");
        }

        // read back row for row by Spark, and by parquet-mr with the encodings it had before
        assertEquals(expectedRows(), readSorted(a.getParent()));
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(hadoop(a), new Configuration()))) {
            assertEquals(6, r.getRecordCount());
            List<BlockMetaData> blocks = r.getFooter().getBlocks();
            assertEquals(1, blocks.size());
            Map<String, Set<org.apache.parquet.column.Encoding>> got = new TreeMap<>();
            for (ColumnChunkMetaData c : blocks.get(0).getColumns()) got.put(c.getPath().toDotString(), c.getEncodings());
            assertEquals(5, got.size());
            for (int i = 0; i < lists.size(); i++) {
                String path = String.join(".", md.getRow_groups().get(0).getColumns().get(i).getMeta_data().getPath_in_schema());
                Set<String> expected = new java.util.TreeSet<>(lists.get(i).stream().map(Enum::name).toList());
                Set<String> actual = new java.util.TreeSet<>(got.get(path).stream().map(Enum::name).toList());
                assertEquals(expected, actual, path);
            }
            EncodingStats months = blocks.get(0).getColumns().get(0).getEncodingStats();
            assertTrue(months.hasDictionaryPages(), "period_month is dictionary-encoded: " + got);
            assertNotNull(r.readNextRowGroup(), "the row group's pages decode");
        }
    }

    @Test
    void aFileThatIsNotParquetFailsNamingIt(@TempDir Path tmp) throws Exception {
        Path f = put(tmp.resolve("t/part-00000.parquet"), "period_month,gmv_idr\n2024-01,1.00\n".getBytes());
        NeracaException e = assertThrows(NeracaException.class,
                () -> ParquetFooters.canonicalise(localFs().getRawFileSystem(), hadoop(f)));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("PAR1"), e.getMessage());
        assertArrayEquals("period_month,gmv_idr\n2024-01,1.00\n".getBytes(), Files.readAllBytes(f), "left as it was");
    }

    @Test
    void aFooterLengthPointingBeforeTheFileStartFailsNamingIt(@TempDir Path tmp) throws Exception {
        // PAR1, 20 bytes, a footer length of 1000, PAR1: the footer would start before the file does
        byte[] bad = new byte[4 + 20 + 8];
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN)
                .put("PAR1".getBytes()).position(24).putInt(1000).put("PAR1".getBytes());
        Path f = put(tmp.resolve("t/part-00000.parquet"), bad);
        NeracaException e = assertThrows(NeracaException.class,
                () -> ParquetFooters.canonicalise(localFs().getRawFileSystem(), hadoop(f)));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("footer length"), e.getMessage());
        assertArrayEquals(bad, Files.readAllBytes(f), "left as it was");
    }

    private static List<Row> expectedRows() {
        return List.of(
                row("2024-01", "IMPORTED", "990000.00", 5, null),
                row("2024-01", "LOCAL_UMKM", "1250000.50", 12, 30L),
                row("2024-01", "UNKNOWN", "0.00", 0, null),
                row("2024-02", "IMPORTED", "1000000.75", 6, 9L),
                row("2024-02", "LOCAL_UMKM", "1310000.25", 14, 33L),
                row("2024-02", "UNKNOWN", "12000.00", 1, 1L));
    }

    private static List<Row> readSorted(Path dir) {
        return spark.read().parquet(dir.toString()).orderBy("period_month", "seller_class").collectAsList();
    }

    private static org.apache.hadoop.fs.Path hadoop(Path p) {
        return new org.apache.hadoop.fs.Path(p.toUri());
    }

    private static Path put(Path p, byte[] bytes) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes);
    }

    private static int footerLength(byte[] file) {
        return ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static byte[] footer(byte[] file) {
        int start = file.length - 8 - footerLength(file);
        return Arrays.copyOfRange(file, start, file.length - 8);
    }

    private static List<List<Encoding>> encodings(FileMetaData md) {
        List<List<Encoding>> out = new ArrayList<>();
        for (RowGroup rg : md.getRow_groups()) for (ColumnChunk cc : rg.getColumns()) out.add(cc.getMeta_data().getEncodings());
        return out;
    }

    private static List<Encoding> sorted(List<Encoding> e) {
        List<Encoding> s = new ArrayList<>(e);
        s.sort(java.util.Comparator.comparingInt(Encoding::getValue));
        return s;
    }

    /** The file with every chunk's encodings list reordered in its footer (same length, so nothing else moves). */
    private static byte[] withEncodings(byte[] file, UnaryOperator<List<Encoding>> reorder) throws IOException {
        int len = footerLength(file);
        int start = file.length - 8 - len;
        FileMetaData md = ParquetFooters.read(footer(file));
        for (RowGroup rg : md.getRow_groups()) {
            for (ColumnChunk cc : rg.getColumns()) {
                cc.getMeta_data().setEncodings(reorder.apply(new ArrayList<>(cc.getMeta_data().getEncodings())));
            }
        }
        byte[] f = ParquetFooters.write(md);
        assertEquals(len, f.length);
        byte[] out = file.clone();
        System.arraycopy(f, 0, out, start, len);
        return out;
    }
}
