package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.core.NeracaException;
import id.neraca.ingest.ids.SellerKeys;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static id.neraca.ingest.XlsxFixture.inline;
import static id.neraca.ingest.XlsxFixture.num;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code format.header_row}: Tokopedia's seller-centre sales report puts "Laporan Penjualan", the shop and the period
 * above its header, which is on row 5 (pandas reads it with {@code header=[4]}). With {@code header_row: 5} the
 * header is the sheet's row 5 (a CSV file's line 5), blank rows above it counted; the title rows are not records
 * (not sales, not quarantined, not in rows_read), and every record keeps its physical row number. Without the key
 * the run stops and the message names the row that holds the columns and the key to set. Expected values are
 * written by hand.
 */
class HeaderRowTest extends SparkTestBase {
    @TempDir
    static Path tmp;
    static IngestRun.Prepared prepared;
    static Dataset<Row> resolved;
    static List<IngestRun.FileCounts> counts;

    static final String XLSX = "tokopedia-report/laporan_penjualan_2023-03.xlsx";
    static final String CSV = "tokopedia-report/laporan_penjualan_2023-04.csv";

    static final String HEADER = "Nomor Invoice,Tanggal Pembayaran,Status Terakhir,Nama Produk,Jumlah Produk Dibeli,Harga Jual (IDR)";

    /** A mapping for the sales report; {@code headerRow} null leaves the key out. */
    static String mappingYaml(Integer headerRow) {
        return "marketplace: tokopedia\n"
                + "description: Tokopedia seller-centre sales report (Laporan Penjualan), title rows above the header\n"
                + "files: [\"tokopedia-report/*.xlsx\", \"tokopedia-report/*.csv\"]\n"
                + "format:\n"
                + "  type: csv\n"
                + "  delimiters: [\",\"]\n"
                + (headerRow == null ? "" : "  header_row: " + headerRow + "\n")
                + "grain: ORDER_LINE\n"
                + "columns:\n"
                + "  order_id: {source: \"Nomor Invoice\"}\n"
                + "  order_ts: {source: \"Tanggal Pembayaran\", formats: [\"dd-MM-yyyy HH:mm:ss\"], zone: WIB}\n"
                + "  status: {source: \"Status Terakhir\", map: {\"Pesanan Selesai\": COMPLETED, \"Dibatalkan Penjual\": CANCELLED}}\n"
                + "  product_title: {source: \"Nama Produk\"}\n"
                + "  quantity: {source: \"Jumlah Produk Dibeli\"}\n"
                + "  unit_price: {source: \"Harga Jual (IDR)\"}\n"
                + "  currency: {constant: IDR}\n";
    }

    /** A mappings folder of its own holding {@code tokopedia-report.yaml}. */
    static Path mappings(String folder, Integer headerRow) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(folder));
        Files.writeString(dir.resolve("tokopedia-report.yaml"), mappingYaml(headerRow));
        return dir;
    }

    /**
     * The March report as Seller Centre lays it out: a title, the shop, the period, an empty row 4 (not in the sheet
     * at all), the header on row 5, orders on rows 6 to 9; row 7's quantity is "dua" (BAD_QUANTITY).
     */
    static XlsxFixture reportWorkbook() {
        XlsxFixture x = new XlsxFixture().sheet("Laporan Penjualan");
        x.row(1, x.s("A1", "Laporan Penjualan"));
        x.row(2, x.s("A2", "Nama Toko"), x.s("B2", "Toko Sumber Rejeki"));
        x.row(3, x.s("A3", "Periode"), inline("B3", "01-03-2023 - 31-03-2023"));
        String[] h = HEADER.split(",");
        XlsxFixture.C[] head = new XlsxFixture.C[h.length];
        for (int i = 0; i < h.length; i++) head[i] = x.s(XlsxWorkbook.letters(i) + 5, h[i]);
        x.row(5, head);
        x.row(6, inline("A6", "INV/20230305/MPL/3001"), inline("B6", "05-03-2023 10:22:11"), x.s("C6", "Pesanan Selesai"),
                inline("D6", "Kaos Polos"), num("E6", "2"), num("F6", "50000"));
        x.row(7, inline("A7", "INV/20230306/MPL/3002"), inline("B7", "06-03-2023 09:00:00"), x.s("C7", "Pesanan Selesai"),
                inline("D7", "Topi"), inline("E7", "dua"), num("F7", "25000"));
        x.row(8, inline("A8", "INV/20230307/MPL/3003"), inline("B8", "07-03-2023 08:15:00"), x.s("C8", "Pesanan Selesai"),
                inline("D8", "Kemeja Batik"), num("E8", "1"), num("F8", "150000"));
        x.row(9, inline("A9", "INV/20230308/MPL/3004"), inline("B9", "08-03-2023 20:00:00"), x.s("C9", "Pesanan Selesai"),
                inline("D9", "Sandal"), num("E9", "3"), num("F9", "40000"));
        return x;
    }

    /**
     * The April report as CSV: a title line, the shop with its value after a comma (2 fields: a WRONG_FIELD_COUNT row if
     * it were read), the period, an empty line 4, the header on line 5, orders on lines 6 to 9; line 8's quantity is "dua".
     */
    static final String REPORT_CSV = "Laporan Penjualan\r\n"
            + "Nama Toko,Toko Sumber Rejeki\r\n"
            + "Periode: 01-04-2023 - 30-04-2023\r\n"
            + "\r\n"
            + HEADER + "\r\n"
            + "INV/20230402/MPL/4001,02-04-2023 10:00:00,Pesanan Selesai,Kaos Polos,1,50000\r\n"
            + "INV/20230403/MPL/4002,03-04-2023 11:30:00,Pesanan Selesai,Topi,2,25000\r\n"
            + "INV/20230404/MPL/4003,04-04-2023 12:00:00,Pesanan Selesai,Kemeja Batik,dua,150000\r\n"
            + "INV/20230405/MPL/4004,05-04-2023 13:45:00,Pesanan Selesai,Sandal,1,40000\r\n";

    static Path dumps() {
        return tmp.resolve("dumps");
    }

    @BeforeAll
    static void ingest() throws IOException {
        reportWorkbook().write(dumps().resolve(XLSX));
        Files.writeString(dumps().resolve(CSV), REPORT_CSV);
        prepared = IngestRun.prepare(mappings("mappings-5", 5), IngestFixtures.reference(tmp), dumps().toString(),
                SellerKeys.of(IngestFixtures.KEY), IngestFixtures.CFG, false, true);
        resolved = IngestFixtures.resolve(spark, prepared);
        counts = IngestRun.count(resolved, prepared.plan());
    }

    private static IngestRun.FileCounts counts(String file) {
        return counts.stream().filter(c -> c.task().sourceFile().equals(file)).findFirst().orElseThrow();
    }

    /** source_line|disposition|reason_code|product_title|quantity of every row of a file, by line. */
    private static List<String> rows(String file) {
        return resolved.filter(col("source_file").equalTo(file)).orderBy("source_line").collectAsList().stream()
                .map(r -> r.getAs("source_line") + "|" + r.getAs("disposition") + "|" + r.getAs("reason_code") + "|"
                        + r.getAs("product_title") + "|" + r.getAs("quantity")).toList();
    }

    private static DumpPlanner.Issue error(DumpPlanner.Plan plan, String file) {
        return plan.errors().stream().filter(i -> i.file().equals(file)).findFirst().orElseThrow();
    }

    @Test
    void aWorkbookWithTitleRowsIsReadFromRow5AndTheTitleRowsAreNotRecords() {
        assertEquals(List.of(), prepared.plan().issues());
        FileTask t = prepared.plan().tasks().stream().filter(x -> x.sourceFile().equals(XLSX)).findFirst().orElseThrow();
        assertEquals(5, t.headerLine());
        assertEquals(6, t.columnCount());
        IngestRun.FileCounts c = counts(XLSX);
        // rows_read = rows 6 to 9: rows 1 to 3 (a title, the shop, the period) are neither read nor quarantined
        assertEquals(List.of(4L, 3L, 1L, 0L), List.of(c.rowsRead(), c.accepted(), c.quarantined(), c.duplicates()));
        assertEquals(Map.of("BAD_QUANTITY", 1L), c.reasons());
        assertEquals(List.of(
                "6|ACCEPTED|null|Kaos Polos|2",
                "7|QUARANTINED|BAD_QUANTITY|null|null",
                "8|ACCEPTED|null|Kemeja Batik|1",
                "9|ACCEPTED|null|Sandal|3"), rows(XLSX));
    }

    @Test
    void aCsvFileWithTitleLinesIsReadFromLine5AndTheTitleLinesAreNotRecords() {
        FileTask t = prepared.plan().tasks().stream().filter(x -> x.sourceFile().equals(CSV)).findFirst().orElseThrow();
        assertEquals(5, t.headerLine());
        IngestRun.FileCounts c = counts(CSV);
        assertEquals(List.of(4L, 3L, 1L, 0L), List.of(c.rowsRead(), c.accepted(), c.quarantined(), c.duplicates()));
        assertEquals(Map.of("BAD_QUANTITY", 1L), c.reasons());
        assertEquals(List.of(
                "6|ACCEPTED|null|Kaos Polos|1",
                "7|ACCEPTED|null|Topi|2",
                "8|QUARANTINED|BAD_QUANTITY|null|null",
                "9|ACCEPTED|null|Sandal|1"), rows(CSV));
    }

    @Test
    void theQuarantineNamesThePhysicalRowAndLine() {
        List<Row> q = IngestRun.quarantine(spark, prepared, resolved, counts).orderBy("source_file").collectAsList();
        assertEquals(2, q.size());
        // the March workbook (2023-03) sorts first: its row 7, then the April CSV file's line 8
        assertEquals(XLSX, q.get(0).getAs("source_file"));
        assertEquals(7L, (long) q.get(0).getAs("source_line"));
        assertEquals("BAD_QUANTITY", q.get(0).getAs("reason_code"));
        assertEquals(CSV, q.get(1).getAs("source_file"));
        assertEquals(8L, (long) q.get(1).getAs("source_line"));
        assertEquals("BAD_QUANTITY", q.get(1).getAs("reason_code"));
    }

    @Test
    void withoutHeaderRowTheRunStopsNamingRow5AndTheKey() throws IOException {
        Path maps = mappings("mappings-none", null);
        NeracaException e = assertThrows(NeracaException.class, () -> IngestRun.prepare(maps, IngestFixtures.reference(tmp),
                dumps().toString(), SellerKeys.of(IngestFixtures.KEY), IngestFixtures.CFG, false, true));
        assertEquals(NeracaException.EXIT_DATA, e.exitCode());
        String fix = "; row 5 holds them: set format.header_row: 5 in " + IngestRun.shown(maps) + "/tokopedia-report.yaml";
        // the workbook's first row with a value (row 1, the title) and the CSV file's first line were taken as the header
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps().toString(), Mappings.load(maps), false, 0, IngestRun.shown(maps));
        assertEquals(2, plan.errors().size());
        for (DumpPlanner.Issue i : plan.errors()) {
            assertEquals(1L, i.line(), i.render());
            assertEquals(NeracaException.EXIT_DATA, i.exit());
            assertTrue(i.message().contains(fix), i.render());
            assertTrue(e.getMessage().contains(i.render()), e.getMessage());
        }
        assertTrue(error(plan, CSV).message().startsWith("the header does not have the columns mapping 'tokopedia-report' needs: "
                + "missing [Nomor Invoice, Tanggal Pembayaran, Status Terakhir, Nama Produk, Jumlah Produk Dibeli, Harga Jual (IDR)]"
                + " (delimiters tried: [,])" + fix + ". Header read: Laporan Penjualan."), error(plan, CSV).render());
        assertTrue(error(plan, XLSX).message().startsWith("the header (row 1 of sheet 'Laporan Penjualan', its first row "
                + "with a value) does not have the columns mapping 'tokopedia-report' needs: missing [Nomor Invoice, "
                + "Tanggal Pembayaran, Status Terakhir, Nama Produk, Jumlah Produk Dibeli, Harga Jual (IDR)]" + fix
                + ". Header read: Laporan Penjualan."), error(plan, XLSX).render());
    }

    @Test
    void aHeaderRowOnTheEmptyRowAboveTheHeaderIsRefusedNamingRow5() throws IOException {
        Path maps = mappings("mappings-4", 4);
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps().toString(), Mappings.load(maps), false, 0, IngestRun.shown(maps));
        String fix = "; row 5 holds them: set format.header_row: 5 in " + IngestRun.shown(maps) + "/tokopedia-report.yaml";
        assertEquals(2, plan.errors().size());
        DumpPlanner.Issue csv = error(plan, CSV);
        assertEquals(4L, csv.line());
        assertTrue(csv.message().startsWith("the header (line 4, format.header_row) does not have the columns"), csv.render());
        assertTrue(csv.message().contains(fix + ". Header read: ."), csv.render());
        DumpPlanner.Issue xlsx = error(plan, XLSX);
        assertEquals(4L, xlsx.line());
        assertTrue(xlsx.message().startsWith("the header (row 4 of sheet 'Laporan Penjualan', format.header_row) does not"), xlsx.render());
        assertTrue(xlsx.message().contains(fix + ". Header read: nothing (row 4 is empty)."), xlsx.render());
    }

    @Test
    void aFileShorterThanHeaderRowIsRefused() throws IOException {
        Path maps = mappings("mappings-9", 9);
        Path d = Files.createDirectories(tmp.resolve("dumps-short/tokopedia-report"));
        Files.writeString(d.resolve("laporan_penjualan_2023-05.csv"), "Laporan Penjualan\nNama Toko,Toko Sumber Rejeki\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps-short").toString(), Mappings.load(maps), false, 0, "m");
        assertEquals(1, plan.errors().size());
        assertEquals("tokopedia-report/laporan_penjualan_2023-05.csv: the file has fewer than 9 lines, but format.header_row "
                + "of mapping 'tokopedia-report' puts its header on line 9. Fix the export or format.header_row",
                plan.errors().get(0).render());
    }

    /** The mapping with its format section's extra lines, validated as {@code where}. */
    private static void validate(String formatLines) {
        String yaml = mappingYaml(null).replace("  delimiters: [\",\"]\n", "  delimiters: [\",\"]\n" + formatLines);
        Mappings.parse("data/marketplaces/tokopedia-report.yaml", yaml);
    }

    @Test
    void headerRowOutsideOneToFiftyOrWithoutAHeaderIsRefusedNamingTheKey() {
        for (String bad : List.of("0", "51", "-3")) {
            NeracaException e = assertThrows(NeracaException.class, () -> validate("  header_row: " + bad + "\n"), bad);
            assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
            assertTrue(e.getMessage().matches("(?s)data/marketplaces/tokopedia-report\\.yaml \\(line \\d+\\): format\\.header_row must be a row "
                    + "number from 1 to 50.*"), e.getMessage());
            assertTrue(e.getMessage().endsWith("; got " + bad), e.getMessage());
        }
        NeracaException noHeader = assertThrows(NeracaException.class,
                () -> validate("  header: false\n  column_names: [a, b]\n  header_row: 5\n"));
        assertEquals(NeracaException.EXIT_USAGE, noHeader.exitCode());
        assertTrue(noHeader.getMessage().matches("(?s)data/marketplaces/tokopedia-report\\.yaml \\(line \\d+\\): format\\.header_row needs "
                + "format\\.header: true.*"), noHeader.getMessage());
        // the bounds themselves are allowed
        validate("  header_row: 1\n");
        validate("  header_row: 50\n");
    }
}
