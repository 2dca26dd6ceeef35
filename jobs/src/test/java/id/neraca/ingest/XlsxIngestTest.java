package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.core.Hashing;
import id.neraca.ingest.ids.SellerKeys;
import id.neraca.ingest.mapping.Mapping;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static id.neraca.ingest.XlsxFixture.bool;
import static id.neraca.ingest.XlsxFixture.error;
import static id.neraca.ingest.XlsxFixture.inline;
import static id.neraca.ingest.XlsxFixture.num;
import static id.neraca.ingest.XlsxFixture.styledBlank;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An .xlsx export matched by a CSV mapping is read like that mapping's CSV export: header found by name (letter case
 * and spaces aside), typed cells turned into the text the column's parser reads, the sheet's row numbers as lines,
 * raw_row masked like a CSV row. Expected values are written by hand.
 */
class XlsxIngestTest {
    @TempDir
    Path tmp;

    static final String[] SHOPEE = BadInputTest.SHOPEE_HEADER.split(";");

    static List<Mapping> mappings() {
        return Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces"));
    }

    /** The Shopee header as cells of row {@code n}; some names in another letter case, as exports change them. */
    static XlsxFixture.C[] shopeeHeader(XlsxFixture x, int n) {
        XlsxFixture.C[] h = new XlsxFixture.C[SHOPEE.length];
        for (int i = 0; i < SHOPEE.length; i++) {
            String name = switch (SHOPEE[i]) {
                case "Waktu Pesanan Dibuat" -> "waktu pesanan dibuat";
                case "Jumlah" -> "JUMLAH ";
                default -> SHOPEE[i];
            };
            h[i] = i % 2 == 0 ? x.s(XlsxWorkbook.letters(i) + n, name) : inline(XlsxWorkbook.letters(i) + n, name);
        }
        return h;
    }

    /** A Shopee-shaped export: an empty first row, the header on row 2, orders on rows 3, 5, 6, 7 and 8. */
    static XlsxFixture shopeeWorkbook() {
        XlsxFixture x = new XlsxFixture().sheet("orders");
        x.row(1, styledBlank("A1"));
        x.row(2, shopeeHeader(x, 2));
        // 5 March 2023 10:22:11 (a custom dd/mm/yyyy hh:mm:ss cell), Rp12.500,50 as the number 12500.5, quantity 2
        x.row(3, x.s("A3", "230305ABC"), x.s("B3", "Selesai"), num("C3", "44990.432071759256", XlsxFixture.CUSTOM_DATE_TIME),
                x.rich("D3", "Kaos ", "Polos"), inline("E3", "SKU-1"), x.s("F3", "Merek"), x.s("G3", "Fashion"),
                num("H3", "15000"), num("I3", "12500.5", XlsxFixture.MONEY), num("J3", "2"), num("K3", "25001"),
                x.s("L3", "Toko Rahasia"), x.s("M3", "NIK"), inline("N3", "3273011508850001"), x.s("O3", "Kota Bandung"),
                x.s("P3", "Jawa Barat"), x.s("Q3", "Indonesia"), x.s("R3", "Indonesia"), x.s("S3", "Mikro"));
        // row 4 is not in the sheet at all; row 5: a numeric order number, 31 March 23:30 (built-in m/d/yyyy h:mm),
        // a seller in Denpasar (WITA), quantity under a custom '#,##0 "dus"' format, no Total Pembayaran (K5 skipped)
        x.row(5, num("A5", "2303310001"), x.s("B5", "Selesai"), num("C5", "45016.979166666664", XlsxFixture.DATE22),
                inline("D5", "Kopi Bali"), inline("E5", "KB-250"), x.s("F5", "Merek"), x.s("G5", "Fashion"),
                num("H5", "150000"), num("I5", "150000"), num("J5", "1", XlsxFixture.CUSTOM_DUS),
                x.s("L5", "Toko Rahasia"), x.s("M5", "NIK"), inline("N5", "3273011508850001"), inline("O5", "Kota Denpasar"),
                inline("P5", "Bali"), x.s("Q5", "Indonesia"), x.s("R5", "Indonesia"), x.s("S5", "Mikro"));
        // row 6: the price cell is a formula that failed
        x.row(6, x.s("A6", "230306ERR"), x.s("B6", "Selesai"), inline("C6", "06/03/2023 09:00"), inline("D6", "Kaos"),
                inline("E6", "SKU-2"), x.s("F6", "Merek"), x.s("G6", "Fashion"), num("H6", "15000"), error("I6", "#VALUE!"),
                num("J6", "1"), x.s("L6", "Toko Rahasia"), x.s("M6", "NIK"), inline("N6", "3273011508850001"),
                x.s("O6", "Kota Bandung"), x.s("P6", "Jawa Barat"), x.s("Q6", "Indonesia"), x.s("R6", "Indonesia"), x.s("S6", "Mikro"));
        // row 7: text cells as a CSV export writes them: a date as text, Rp50.000 as text
        x.row(7, x.s("A7", "230307TXT"), x.s("B7", "Selesai"), inline("C7", "07/03/2023 08:00"), inline("D7", "Kaos"),
                inline("E7", "SKU-3"), x.s("F7", "Merek"), x.s("G7", "Fashion"), inline("H7", "Rp50.000"), inline("I7", "Rp50.000"),
                x.s("J7", "1"), x.s("L7", "Toko Rahasia"), x.s("M7", "NIK"), inline("N7", "3273011508850001"),
                x.s("O7", "Kota Bandung"), x.s("P7", "Jawa Barat"), x.s("Q7", "Indonesia"), x.s("R7", "Indonesia"), x.s("S7", "Mikro"));
        // row 8: a note beside the table, in column T, which has no header
        x.row(8, x.s("A8", "230308NTE"), x.s("B8", "Selesai"), inline("C8", "08/03/2023 08:00"), inline("D8", "Kaos"),
                inline("E8", "SKU-4"), num("I8", "1000"), num("J8", "1"), x.s("O8", "Kota Bandung"), inline("T8", "cek lagi"));
        return x;
    }

    private static RecordParser parser(DumpPlanner.Plan plan, String mapping, Path ref) {
        return new RecordParser(plan.mappings().get(mapping), ReferenceData.load(ref), SellerKeys.of(IngestFixtures.KEY),
                LocalDate.parse("2015-01-01"), LocalDate.parse("2026-11-30")).rawForParsedRows(true);
    }

    private static Timestamp utc(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    @Test
    void aShopeeWorkbookPlansAndParsesLikeItsCsvExport() throws Exception {
        Path dumps = tmp.resolve("dumps");
        Path file = dumps.resolve("shopee/shopee_orders_20230301_20230331.xlsx");
        shopeeWorkbook().write(file);
        // a split size of 1 byte: a workbook is still one task
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), mappings(), false, 1);
        assertEquals(List.of(), plan.issues());
        assertEquals(1, plan.tasks().size());
        FileTask t = plan.tasks().get(0);
        assertEquals("shopee", t.mapping());
        assertEquals("20230331", t.exportKey());
        assertEquals(1, t.splits().size());
        assertEquals(SHOPEE.length, t.columnCount());
        assertEquals(Hashing.sha256(file), t.sha256());
        // every mapped column found but the optional "Returned quantity", which this export does not have
        assertEquals(1, Arrays.stream(t.columnIndex()).filter(i -> i < 0).count(), Arrays.toString(t.columnIndex()));
        // Seller Centre names its workbook Order.all.<from>_<to>.xlsx: the same export key, so the later export wins
        Path sellerCentre = tmp.resolve("dumps2/shopee/Order.all.20230301_20230415.xlsx");
        shopeeWorkbook().write(sellerCentre);
        DumpPlanner.Plan plan2 = DumpPlanner.plan(tmp.resolve("dumps2").toString(), mappings(), false, 0);
        assertEquals("20230415", plan2.tasks().get(0).exportKey());

        List<RawRecord> recs = DumpReader.readAll(t, plan.mappings().get("shopee"));
        assertEquals(List.of(3L, 5L, 6L, 7L, 8L), recs.stream().map(RawRecord::line).toList());
        // the text each typed cell becomes: a fractional price with a decimal comma for idr, the date in the column's
        // first pattern that keeps its seconds, the numeric order number in plain digits; personal data masked, and the
        // columns the mapping does not read (Harga Awal, Total Pembayaran) too
        assertEquals("230305ABC,Selesai,05/03/2023 10:22:11,Kaos Polos,SKU-1,Merek,Fashion,***,\"12500,5\",2,***,***,NIK,***,"
                + "Kota Bandung,Jawa Barat,Indonesia,Indonesia,Mikro", recs.get(0).rawRow());
        assertEquals("2303310001,Selesai,31/03/2023 23:30,Kopi Bali,KB-250,Merek,Fashion,***,150000,1,,***,NIK,***,"
                + "Kota Denpasar,Bali,Indonesia,Indonesia,Mikro", recs.get(1).rawRow());
        assertEquals("230306ERR,Selesai,06/03/2023 09:00,Kaos,SKU-2,Merek,Fashion,***,#VALUE!,1,,***,NIK,***,"
                + "Kota Bandung,Jawa Barat,Indonesia,Indonesia,Mikro", recs.get(2).rawRow());

        RecordParser p = parser(plan, "shopee", IngestFixtures.reference(tmp));
        List<Row> rows = new ArrayList<>();
        for (RawRecord r : recs) rows.add(p.parse(r, t.exportKey()));

        Row a = rows.get(0);
        assertNull(a.getAs("reason_code"), String.valueOf(a));
        assertEquals("shopee:230305ABC:SKU-1", a.getAs("sale_id"));
        // 10:22:11 WIB (the seller is in Bandung) is 03:22:11 UTC
        assertEquals(utc("2023-03-05T03:22:11Z"), a.getAs("order_ts"));
        assertEquals("2023-03", a.getAs("period_month"));
        assertEquals(new BigDecimal("12500.50"), a.getAs("unit_price_idr"));
        assertEquals(2L, (long) a.getAs("quantity"));
        assertEquals(new BigDecimal("25001.00"), a.getAs("gmv_idr"));
        assertEquals("Kaos Polos", a.getAs("product_title"));
        assertEquals("32", a.getAs("seller_province_code"));
        assertEquals("NIK", a.getAs("seller_id_type"));
        assertEquals("MICRO", a.getAs("declared_umkm_tier"));
        assertEquals("COMPLETED", a.getAs("status"));
        assertEquals("shopee/shopee_orders_20230301_20230331.xlsx", a.getAs("source_file"));
        assertEquals(3L, (long) a.getAs("source_line"));

        Row b = rows.get(1);
        assertNull(b.getAs("reason_code"), String.valueOf(b));
        assertEquals("shopee:2303310001:KB-250", b.getAs("sale_id"));
        // 23:30 on 31 March in Denpasar (WITA, UTC+8): 15:30 UTC, still March there
        assertEquals(utc("2023-03-31T15:30:00Z"), b.getAs("order_ts"));
        assertEquals("2023-03", b.getAs("period_month"));
        assertEquals("51", b.getAs("seller_province_code"));
        assertEquals(new BigDecimal("150000.00"), b.getAs("unit_price_idr"));
        assertEquals(1L, (long) b.getAs("quantity"));
        assertEquals(5L, (long) b.getAs("source_line"));

        Row c = rows.get(2);
        assertEquals("BAD_VALUE", c.getAs("reason_code"));
        assertEquals("cell I6 holds the Excel error #VALUE! (a formula that failed): fix it in the workbook", c.getAs("reason_detail"));
        assertEquals(6L, (long) c.getAs("source_line"));

        Row d = rows.get(3);
        assertNull(d.getAs("reason_code"), String.valueOf(d));
        assertEquals(utc("2023-03-07T01:00:00Z"), d.getAs("order_ts"));
        assertEquals(new BigDecimal("50000.00"), d.getAs("unit_price_idr"));

        Row e = rows.get(4);
        assertEquals("WRONG_FIELD_COUNT", e.getAs("reason_code"));
        assertEquals("cell T8 has a value beyond the header's 19 columns", e.getAs("reason_detail"));
        // a value beyond the header is no column the mapping reads: masked like one (the detail names its cell)
        assertEquals("230308NTE,Selesai,08/03/2023 08:00,Kaos,SKU-4,,,,1000,1,,,,,Kota Bandung,,,,,***", e.getAs("raw_row"));
    }

    /** The TikTok header, in the order of {@link BadInputTest#TIKTOK_HEADER}. */
    static XlsxFixture tiktokWorkbook(boolean date1904, String createdSerial, int createdStyle) {
        return tiktokWorkbook(date1904, createdSerial, createdStyle, "100000.5");
    }

    static XlsxFixture tiktokWorkbook(boolean date1904, String createdSerial, int createdStyle, String lineTotal) {
        XlsxFixture x = new XlsxFixture();
        if (date1904) x.date1904();
        x.sheet("OrderSKUList");
        String[] h = BadInputTest.TIKTOK_HEADER.split(",");
        XlsxFixture.C[] hc = new XlsxFixture.C[h.length];
        for (int i = 0; i < h.length; i++) hc[i] = x.s(XlsxWorkbook.letters(i) + "1", h[i]);
        x.row(1, hc);
        // Order ID, Order Status, Seller SKU, Product Name, Brand, Category, Quantity, SKU Unit Original Price,
        // SKU Subtotal After Discount, Created Time, Seller ID Type, Seller ID, Seller City, Province, Country of Origin,
        // Ship From, Cross-border
        x.row(2, inline("A2", "576461413038785248"), x.s("B2", "Completed"), inline("C2", "S1"), inline("D2", "Kaos"),
                inline("E2", "B"), x.s("F2", "Fashion"), num("G2", "3"), num("H2", "40000"), num("I2", lineTotal),
                num("J2", createdSerial, createdStyle), inline("M2", "Kota Bandung"), inline("N2", "Jawa Barat"),
                inline("O2", "ID"), inline("P2", "ID"), bool("Q2", false));
        return x;
    }

    /**
     * Order and seller IDs in number cells (what openpyxl, pandas or Excel write for an all-digit column). Written in
     * full, every digit is kept: rounded to Excel's 15 digits, two orders became one "duplicate" and two sellers' NIKs
     * one valid NIK. Written as a floating number (Excel's own 5.7646141303878528E+17), the last digits are gone: the
     * order is quarantined BAD_ORDER_ID, as the same text in a CSV is, and a seller ID so written is not a valid ID.
     */
    @Test
    void longIdsInNumberCellsKeepEveryDigitOrAreRefusedAsDamaged() throws Exception {
        String[][] cases = {
                {"576461413038785248", "3504151311911508", "tiktokshop:576461413038785248:S1", "true"},
                {"576461413038785249", "3504151311911509", "tiktokshop:576461413038785249:S1", "true"},
                {"5.7646141303878528E+17", "3504151311911508", null, null},
                {"576461413038785250", "3.504151311911508E+15", "tiktokshop:576461413038785250:S1", "false"}};
        java.util.Set<String> sellerKeys = new java.util.HashSet<>();
        for (int k = 0; k < cases.length; k++) {
            Path dumps = tmp.resolve("ids" + k);
            XlsxFixture x = new XlsxFixture();
            x.sheet("OrderSKUList");
            String[] h = BadInputTest.TIKTOK_HEADER.split(",");
            XlsxFixture.C[] hc = new XlsxFixture.C[h.length];
            for (int i = 0; i < h.length; i++) hc[i] = x.s(XlsxWorkbook.letters(i) + "1", h[i]);
            x.row(1, hc);
            x.row(2, num("A2", cases[k][0]), x.s("B2", "Completed"), inline("C2", "S1"), inline("D2", "Kaos"),
                    inline("E2", "B"), x.s("F2", "Fashion"), num("G2", "3"), num("H2", "40000"), num("I2", "120000"),
                    num("J2", "44991.336805555555", XlsxFixture.DATE22), inline("K2", "NIK"), num("L2", cases[k][1]),
                    inline("M2", "Kota Bandung"), inline("N2", "Jawa Barat"), inline("O2", "ID"), inline("P2", "ID"), bool("Q2", false));
            x.write(dumps.resolve("tiktokshop/tiktok_orders_2023-03.xlsx"));
            DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), mappings(), false);
            FileTask t = plan.tasks().get(0);
            List<RawRecord> recs = DumpReader.readAll(t, plan.mappings().get("tiktokshop"));
            Row r = parser(plan, "tiktokshop", IngestFixtures.reference(tmp)).parse(recs.get(0), t.exportKey());
            if (cases[k][2] == null) {
                assertEquals("BAD_ORDER_ID", r.getAs("reason_code"), String.valueOf(r));
                continue;
            }
            assertNull(r.getAs("reason_code"), String.valueOf(r));
            assertEquals(cases[k][2], r.getAs("sale_id"));
            assertEquals(Boolean.valueOf(cases[k][3]), r.getAs("seller_id_valid"), String.valueOf(r));
            if (k < 2) sellerKeys.add(r.getAs("seller_key"));
        }
        assertEquals(2, sellerKeys.size(), "two NIKs, two sellers");
    }

    @Test
    void aNumberCellWithThreeDecimalsIsANumberNotAnAmbiguousText() throws Exception {
        // 999.125 in a numeric cell was written 999,125, which idr refuses as ambiguous (13,399 in a CSV may be an
        // English thousands group): a cell's number is never ambiguous, so it is written 999,1250
        Path dumps = tmp.resolve("dumps3");
        tiktokWorkbook(false, "44991.336805555555", XlsxFixture.DATE22, "999.125").write(dumps.resolve("tiktokshop/tiktok_orders_2023-03.xlsx"));
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), mappings(), false);
        assertEquals(List.of(), plan.issues());
        FileTask t = plan.tasks().get(0);
        List<RawRecord> recs = DumpReader.readAll(t, plan.mappings().get("tiktokshop"));
        Row r = parser(plan, "tiktokshop", IngestFixtures.reference(tmp)).parse(recs.get(0), t.exportKey());
        assertNull(r.getAs("reason_code"), String.valueOf(r));
        // line total 999.125 / 3 = 333.041666 -> 333.04 (HALF_UP, 2 places); gmv = 333.04 x 3
        assertEquals(new BigDecimal("333.04"), r.getAs("unit_price_idr"));
        assertEquals(new BigDecimal("999.12"), r.getAs("gmv_idr"));
    }

    @Test
    void aTikTokWorkbookInThe1904SystemWithAFractionalLineTotal() throws Exception {
        Path dumps = tmp.resolve("dumps");
        // 2023-03-06 08:05 is day 43529 (+ 0.336805...) since 1904-01-01, under the built-in date format 14 (m/d/yyyy):
        // the cell holds the time even though the format does not show it
        tiktokWorkbook(true, "43529.336805555555", XlsxFixture.DATE14).write(dumps.resolve("tiktokshop/tiktok_orders_2023-03.xlsx"));
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), mappings(), false);
        assertEquals(List.of(), plan.issues());
        FileTask t = plan.tasks().get(0);
        List<RawRecord> recs = DumpReader.readAll(t, plan.mappings().get("tiktokshop"));
        assertEquals(1, recs.size());
        assertEquals("576461413038785248,Completed,S1,Kaos,B,Fashion,3,***,\"100000,5\",2023-03-06 08:05:00,,,Kota Bandung,"
                + "Jawa Barat,ID,ID,FALSE", recs.get(0).rawRow());
        Row r = parser(plan, "tiktokshop", IngestFixtures.reference(tmp)).parse(recs.get(0), t.exportKey());
        assertNull(r.getAs("reason_code"), String.valueOf(r));
        assertEquals("tiktokshop:576461413038785248:S1", r.getAs("sale_id"));
        // Created Time is WIB in this mapping: 08:05 WIB is 01:05 UTC
        assertEquals(utc("2023-03-06T01:05:00Z"), r.getAs("order_ts"));
        // line total 100000.50 / 3 = 33333.50 (HALF_UP, 2 places)
        assertEquals(new BigDecimal("33333.50"), r.getAs("unit_price_idr"));
        assertEquals(new BigDecimal("100000.50"), r.getAs("gmv_idr"));
        assertEquals(Boolean.FALSE, r.getAs("cross_border_flag"));
    }

    @Test
    void aDateNoPatternOfTheColumnCanWriteIsReadAsIso() throws Exception {
        // Shopee's patterns are dd/MM/yyyy HH:mm and ...:ss: a time with a fraction of a second rounds to the second,
        // so every Shopee date cell fits; a mapping whose only pattern is date-only cannot write 10:22, so ISO-8601
        Path dumps = tmp.resolve("dumps");
        XlsxFixture x = tiktokWorkbook(false, "44990.432071759256", XlsxFixture.CUSTOM_DATE_TIME);
        x.write(dumps.resolve("tiktokshop/tiktok_orders_2023-03.xlsx"));
        String yaml = Files.readString(SparkTestBase.projectRoot().resolve("data/marketplaces/tiktokshop.yaml"))
                .replace("formats: [\"yyyy-MM-dd HH:mm:ss\", \"yyyy-MM-dd HH:mm\", \"dd/MM/yyyy HH:mm:ss\", \"dd/MM/yyyy HH:mm\"]",
                        "formats: [\"dd.MM.yyyy\"]");
        assertTrue(yaml.contains("dd.MM.yyyy"));
        List<Mapping> ms = List.of(Mappings.parse("tiktokshop.yaml", yaml));
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), ms, false);
        assertEquals(List.of(), plan.issues());
        RawRecord rec = DumpReader.readAll(plan.tasks().get(0), plan.mappings().get("tiktokshop")).get(0);
        assertEquals("2023-03-05T10:22:11", rec.values()[plan.mappings().get("tiktokshop").sourceIndex("Created Time")]);
        Row r = parser(plan, "tiktokshop", IngestFixtures.reference(tmp)).parse(rec, "");
        assertNull(r.getAs("reason_code"), String.valueOf(r));
        assertEquals(utc("2023-03-05T03:22:11Z"), r.getAs("order_ts"));
    }

    @Test
    void theSheetCanBeNamedInTheMappingAndAHeaderWithoutTheColumnsNamesTheSheetAndRow() throws Exception {
        Path dumps = tmp.resolve("dumps");
        // a TikTok export with an instructions sheet first
        Path file = dumps.resolve("tiktokshop/tiktok_orders_2023-03.xlsx");
        XlsxFixture both = new XlsxFixture();
        both.sheet("Petunjuk").row(2, inline("B2", "Cara membaca laporan ini"));
        both.sheet("OrderSKUList");
        String[] h = BadInputTest.TIKTOK_HEADER.split(",");
        XlsxFixture.C[] hc = new XlsxFixture.C[h.length];
        for (int i = 0; i < h.length; i++) hc[i] = inline(XlsxWorkbook.letters(i) + "1", h[i]);
        both.row(1, hc).row(2, inline("A2", "T1"), inline("B2", "Completed"), num("G2", "1"), num("I2", "1000"),
                num("J2", "44990.5", XlsxFixture.CUSTOM_DATE_TIME));
        both.write(file);
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), mappings(), false);
        assertEquals(1, plan.errors().size());
        DumpPlanner.Issue i = plan.errors().get(0);
        assertEquals(3, i.exit());
        assertEquals(2L, i.line());
        assertTrue(i.render().startsWith("tiktokshop/tiktok_orders_2023-03.xlsx line 2: the header (row 2 of sheet 'Petunjuk'")
                && i.render().contains("format.sheet"), i.render());

        String yaml = Files.readString(SparkTestBase.projectRoot().resolve("data/marketplaces/tiktokshop.yaml"))
                .replace("  header: true\n", "  header: true\n  sheet: orderskulist\n");
        assertTrue(yaml.contains("sheet: orderskulist"));
        plan = DumpPlanner.plan(dumps.toString(), List.of(Mappings.parse("tiktokshop.yaml", yaml)), false);
        assertEquals(List.of(), plan.issues());
        List<RawRecord> recs = DumpReader.readAll(plan.tasks().get(0), plan.mappings().get("tiktokshop"));
        assertEquals(1, recs.size());
        assertEquals(2L, recs.get(0).line());
        assertEquals("T1,Completed,,,,,1,,1000,2023-03-05 12:00:00,,,,,,,", recs.get(0).rawRow());
    }

    @Test
    void formatSheetIsAKnownKeyForCsvMappingsOnly() throws Exception {
        String yaml = Files.readString(SparkTestBase.projectRoot().resolve("data/marketplaces/tiktokshop.yaml"));
        String typo = yaml.replace("  header: true\n", "  header: true\n  sheets: Orders\n");
        String msg = org.junit.jupiter.api.Assertions.assertThrows(id.neraca.core.NeracaException.class,
                () -> Mappings.parse("tiktokshop.yaml", typo)).getMessage();
        assertTrue(msg.contains("sheets") && msg.contains("sheet"), msg);
        String jsonl = Files.readString(SparkTestBase.projectRoot().resolve("data/marketplaces/tokopedia.yaml"))
                .replace("  type: jsonl\n", "  type: jsonl\n  sheet: Orders\n");
        msg = org.junit.jupiter.api.Assertions.assertThrows(id.neraca.core.NeracaException.class,
                () -> Mappings.parse("tokopedia.yaml", jsonl)).getMessage();
        assertTrue(msg.contains("format.sheet"), msg);
    }

    @Test
    void damagedEncryptedAndOldWorkbooksAreFileErrorsNamingTheFile() throws Exception {
        Path dumps = tmp.resolve("dumps");
        Path good = tmp.resolve("good.xlsx");
        shopeeWorkbook().write(good);
        byte[] bytes = Files.readAllBytes(good);
        Files.createDirectories(dumps.resolve("shopee"));
        // cut in half: the zip's central directory, at the end, is gone
        Files.write(dumps.resolve("shopee/shopee_orders_20230101_20230131.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
        Files.write(dumps.resolve("shopee/shopee_orders_20230201_20230228.xlsx"),
                new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0});
        Files.write(dumps.resolve("shopee/Order.all.20230301_20230331.xls"),
                new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0});
        Files.write(dumps.resolve("shopee/shopee_orders_20230401_20230430.xlsm"), bytes);
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), mappings(), false);
        assertEquals(List.of(), plan.tasks());
        List<String> got = plan.issues().stream().map(i -> i.exit() + " " + i.render()).toList();
        assertEquals(4, got.size(), String.join("\n", got));
        assertTrue(got.get(0).startsWith("2 shopee/Order.all.20230301_20230331.xls: no mapping in data/marketplaces matches this file. "
                + "It is an Excel 97-2003 workbook (.xls)") && got.get(0).contains("CSV UTF-8") && got.get(0).contains("Nearest: shopee"), got.get(0));
        assertTrue(got.get(1).startsWith("3 shopee/shopee_orders_20230101_20230131.xlsx: cannot read the workbook: not a readable "
                + ".xlsx workbook: not a zip archive, or a damaged or truncated one"), got.get(1));
        assertTrue(got.get(2).startsWith("3 shopee/shopee_orders_20230201_20230228.xlsx: cannot read the workbook: the file is an OLE "
                + "compound document, not a zip archive: a password-protected (encrypted) workbook"), got.get(2));
        assertTrue(got.get(3).startsWith("2 shopee/shopee_orders_20230401_20230430.xlsm: no mapping in data/marketplaces matches this "
                + "file. It is a macro-enabled Excel workbook (.xlsm)"), got.get(3));

        // a mapping that does match an .xls still refuses it, naming the file and why
        String yaml = Files.readString(SparkTestBase.projectRoot().resolve("data/marketplaces/shopee.yaml"))
                .replace("\"shopee/*.csv\",", "\"shopee/*.csv\", \"shopee/*.xls\",");
        plan = DumpPlanner.plan(dumps.toString(), List.of(Mappings.parse("shopee.yaml", yaml)), false);
        DumpPlanner.Issue xls = plan.issues().stream().filter(i -> i.file().endsWith(".xls")).findFirst().orElseThrow();
        assertEquals(3, xls.exit());
        assertTrue(xls.render().startsWith("shopee/Order.all.20230301_20230331.xls: matched by mapping 'shopee', but it is an Excel "
                + "97-2003 workbook (.xls)"), xls.render());
    }

    @Test
    void aWorkbookDamagedAfterPlanningIsAFileLevelRecordNotAnException() throws Exception {
        Path dumps = tmp.resolve("dumps");
        Path file = dumps.resolve("shopee/shopee_orders_20230301_20230331.xlsx");
        shopeeWorkbook().write(file);
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), mappings(), false);
        FileTask t = plan.tasks().get(0);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 30));
        List<RawRecord> recs = DumpReader.readAll(t, plan.mappings().get("shopee"));
        assertEquals(1, recs.size());
        assertEquals("FILE_UNREADABLE", recs.get(0).readError());
        assertTrue(recs.get(0).readDetail().startsWith("cannot read the workbook: not a readable .xlsx workbook"), recs.get(0).readDetail());
        assertEquals("shopee/shopee_orders_20230301_20230331.xlsx", recs.get(0).sourceFile());

        // malformed XML in the sheet: the rows before it, then the file's error at the row where it broke
        XlsxFixture x = new XlsxFixture().sheet("orders");
        x.row(1, shopeeHeader(x, 1)).row(2, x.s("A2", "230305ABC"), x.s("B2", "Selesai"), inline("C2", "05/03/2023 10:00"),
                        num("I2", "1000"), num("J2", "1"))
                .rawRow("<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"B3\" <oops/></row>");
        x.write(file);
        recs = DumpReader.readAll(t, plan.mappings().get("shopee"));
        assertEquals(List.of(2L, 3L), recs.stream().map(RawRecord::line).toList());
        assertNull(recs.get(0).readError());
        assertEquals("FILE_UNREADABLE", recs.get(1).readError());
        assertTrue(recs.get(1).readDetail().startsWith("cannot read sheet 'orders' in row 3: malformed XML"), recs.get(1).readDetail());
    }

    @Test
    void anEmptySheetAndAHeaderOnlySheetAreWarningsWithNoRows() throws IOException {
        Path dumps = tmp.resolve("dumps");
        new XlsxFixture().sheet("orders").row(1, styledBlank("A1")).write(dumps.resolve("shopee/shopee_orders_20230101_20230131.xlsx"));
        XlsxFixture h = new XlsxFixture().sheet("orders");
        h.row(1, shopeeHeader(h, 1)).write(dumps.resolve("shopee/shopee_orders_20230201_20230228.xlsx"));
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), mappings(), false);
        assertEquals(List.of(
                        "shopee/shopee_orders_20230101_20230131.xlsx: sheet 'orders' has no cell with a value: 0 rows read",
                        "shopee/shopee_orders_20230201_20230228.xlsx: sheet 'orders' has a header but no rows: 0 rows read"),
                plan.issues().stream().map(DumpPlanner.Issue::render).toList());
        assertTrue(plan.errors().isEmpty());
        assertEquals(2, plan.tasks().size());
        for (FileTask t : plan.tasks()) assertEquals(List.of(), DumpReader.readAll(t, plan.mappings().get("shopee")));
    }
}
