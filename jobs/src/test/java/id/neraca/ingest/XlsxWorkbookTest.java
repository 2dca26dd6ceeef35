package id.neraca.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static id.neraca.ingest.XlsxFixture.bool;
import static id.neraca.ingest.XlsxFixture.error;
import static id.neraca.ingest.XlsxFixture.formulaText;
import static id.neraca.ingest.XlsxFixture.inline;
import static id.neraca.ingest.XlsxFixture.num;
import static id.neraca.ingest.XlsxFixture.styledBlank;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDK-only .xlsx reader on hand-written workbooks: what each cell type becomes, where a cell lands when columns
 * or rows are skipped, which number formats are dates, and Excel's two date systems.
 */
class XlsxWorkbookTest {
    @TempDir
    Path tmp;

    private static List<String> read(Path file, String sheet) throws IOException {
        List<String> out = new ArrayList<>();
        try (XlsxWorkbook b = XlsxWorkbook.open(file, sheet); XlsxWorkbook.Rows rows = b.rows()) {
            XlsxWorkbook.Row r;
            while ((r = rows.next()) != null) {
                StringBuilder s = new StringBuilder().append(r.number()).append(':');
                for (XlsxWorkbook.Cell c : r.cells()) {
                    s.append(' ').append(XlsxWorkbook.letters(c.column())).append('=').append(c.kind()).append('[').append(c.value()).append(']');
                }
                out.add(s.toString());
            }
        }
        return out;
    }

    @Test
    void everyCellTypeLandsInItsColumnAndEmptyRowsAreNotRows() throws Exception {
        XlsxFixture x = new XlsxFixture().sheet("Sheet1");
        x.row(1, x.s("A1", "Nama"), inline("C1", "Kota & Kab."), x.rich("E1", "Kaos ", "Polos"))
                .row(2, styledBlank("A2"), styledBlank("B2"))            // formatted but empty: not a row
                .row(4, formulaText("A4", "=UPPER(\"budi\")", "BUDI"), bool("B4", true), error("D4", "#N/A"),
                        num("AB4", "7"), x.s("AC4", ""))
                .rawRow("<row><c t=\"inlineStr\"><is><t>x</t></is></c><c t=\"inlineStr\"><is><r><t>y</t></r><r><t>z</t></r></is></c></row>");
        Path f = tmp.resolve("a.xlsx");
        x.write(f);
        assertEquals(List.of(
                "1: A=TEXT[Nama] C=TEXT[Kota & Kab.] E=TEXT[Kaos Polos]",
                "4: A=TEXT[BUDI] B=BOOLEAN[1] D=ERROR[#N/A] AB=NUMBER[7]",
                // a row without r= follows the one before; cells without r= follow the one before
                "5: A=TEXT[x] B=TEXT[yz]"), read(f, null));
    }

    @Test
    void theSheetIsTheFirstUnlessNamedIgnoringCaseAndAMissingOneIsNamedWithTheOthers() throws Exception {
        XlsxFixture x = new XlsxFixture().sheet("Petunjuk");
        x.row(1, inline("A1", "read me"));
        x.sheet("Orders").row(3, inline("B3", "order"));
        Path f = tmp.resolve("b.xlsx");
        x.write(f);
        assertEquals(List.of("1: A=TEXT[read me]"), read(f, null));
        assertEquals(List.of("3: B=TEXT[order]"), read(f, "orders"));
        IOException e = assertThrows(IOException.class, () -> read(f, "Pesanan"));
        assertTrue(e.getMessage().contains("no sheet named 'Pesanan'") && e.getMessage().contains("[Petunjuk, Orders]"), e.getMessage());
    }

    @Test
    void numbersAreWrittenAsExcelShowsThemPlainWithoutExponentOrBinaryTail() {
        assertEquals("12500.5", XlsxWorkbook.number("12500.5").toPlainString());
        assertEquals("12500.5", XlsxWorkbook.number("12500.50").toPlainString());
        assertEquals("1200", XlsxWorkbook.number("1.2E+3").toPlainString());
        assertEquals("150000", XlsxWorkbook.number("150000").toPlainString());
        assertEquals("19.99", XlsxWorkbook.number("19.989999999999998").toPlainString());
        assertEquals("0.3", XlsxWorkbook.number("0.30000000000000004").toPlainString());
        assertEquals("-0.25", XlsxWorkbook.number("-0.25").toPlainString());
        assertEquals("576461413038785000", XlsxWorkbook.number("5.7646141303878502E+17").toPlainString());
        assertEquals("0.0005", XlsxWorkbook.number("5E-4").toPlainString());
    }

    @Test
    void dateSerialsIn1900And1904SystemsToTheSecond() {
        // 2023-03-05 is day 44990 of the 1900 system; 10:22:11 is 37331/86400 of a day
        assertEquals(LocalDateTime.parse("2023-03-05T10:22:11"), XlsxWorkbook.dateTime("44990.432071759256", false));
        assertEquals(LocalDateTime.parse("2023-03-31T23:30:00"), XlsxWorkbook.dateTime("45016.979166666664", false));
        assertEquals(LocalDateTime.parse("1900-01-01T00:00"), XlsxWorkbook.dateTime("1", false));
        assertEquals(LocalDateTime.parse("1900-02-28T00:00"), XlsxWorkbook.dateTime("59", false));
        assertEquals(LocalDateTime.parse("1900-02-28T00:00"), XlsxWorkbook.dateTime("60", false), "Lotus's 29 February 1900");
        assertEquals(LocalDateTime.parse("1900-03-01T00:00"), XlsxWorkbook.dateTime("61", false));
        // 23:59:59.6 rounds to the next midnight
        assertEquals(LocalDateTime.parse("2023-04-01T00:00:00"), XlsxWorkbook.dateTime("45016.99999537037", false));
        // the 1904 system counts from 1904-01-01: 2023-03-06 is day 43529
        assertEquals(LocalDateTime.parse("2023-03-06T08:05:00"), XlsxWorkbook.dateTime("43529.336805555555", true));
        assertEquals(LocalDateTime.parse("1904-01-01T00:00"), XlsxWorkbook.dateTime("0", true));
        // a t="d" cell (ISO 8601)
        assertEquals(LocalDateTime.parse("2023-03-05T10:22:11"), XlsxWorkbook.dateTime("2023-03-05T10:22:11", false));
        assertEquals(LocalDateTime.parse("2023-03-05T00:00"), XlsxWorkbook.dateTime("2023-03-05", false));
    }

    @Test
    void dateFormatsAreTheBuiltInOnesAndCustomCodesWithDateLettersOutsideQuotesAndBrackets() {
        for (int id : new int[]{14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47}) assertTrue(XlsxWorkbook.builtInDate(id), "id " + id);
        for (int id : new int[]{0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 23, 37, 44, 48, 49}) assertFalse(XlsxWorkbook.builtInDate(id), "id " + id);
        assertTrue(XlsxWorkbook.dateFormat("dd/mm/yyyy hh:mm:ss"));
        assertTrue(XlsxWorkbook.dateFormat("[$-421]d mmmm yyyy;@"));
        assertTrue(XlsxWorkbook.dateFormat("[h]:mm"));
        assertTrue(XlsxWorkbook.dateFormat("yyyy-mm-dd"));
        assertFalse(XlsxWorkbook.dateFormat("#,##0 \"dus\""), "a d inside quotes");
        assertFalse(XlsxWorkbook.dateFormat("[Red]#,##0"), "letters inside brackets");
        assertFalse(XlsxWorkbook.dateFormat("0\\d"), "an escaped d");
        assertFalse(XlsxWorkbook.dateFormat("#,##0_);(#,##0)"));
        assertFalse(XlsxWorkbook.dateFormat("General"));
        assertFalse(XlsxWorkbook.dateFormat("\"Rp\"#,##0.00"));
    }

    @Test
    void styledNumbersAreDatesOnlyUnderADateFormat() throws Exception {
        XlsxFixture x = new XlsxFixture().sheet("S");
        x.row(1, num("A1", "44990", XlsxFixture.DATE14), num("B1", "44990.5", XlsxFixture.CUSTOM_DATE_TIME),
                num("C1", "44990", XlsxFixture.CUSTOM_DUS), num("D1", "44990", XlsxFixture.MONEY),
                num("E1", "44990", XlsxFixture.CUSTOM_LOCALE_DATE), num("F1", "44990.25", XlsxFixture.DATE22), num("G1", "44990"));
        Path f = tmp.resolve("c.xlsx");
        x.write(f);
        assertEquals(List.of("1: A=DATE[44990] B=DATE[44990.5] C=NUMBER[44990] D=NUMBER[44990] E=DATE[44990] F=DATE[44990.25] G=NUMBER[44990]"),
                read(f, null));
    }

    @Test
    void aFileThatIsNotAWorkbookSaysWhatItIs() throws Exception {
        Path junk = tmp.resolve("junk.xlsx");
        Files.write(junk, new byte[]{'P', 'K', 3, 4, 20, 0, 6, 0});
        assertTrue(assertThrows(IOException.class, () -> XlsxWorkbook.open(junk, null)).getMessage()
                .contains("not a readable .xlsx workbook"));
        Path ole = tmp.resolve("locked.xlsx");
        Files.write(ole, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0});
        assertTrue(assertThrows(IOException.class, () -> XlsxWorkbook.open(ole, null)).getMessage()
                .contains("password-protected (encrypted) workbook"));
        Path zip = tmp.resolve("other.xlsx");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            z.write("<w/>".getBytes());
        }
        assertTrue(assertThrows(IOException.class, () -> XlsxWorkbook.open(zip, null)).getMessage()
                .contains("without xl/workbook.xml"));
    }

    @Test
    void aWorkbookOnAFileSystemOtherThanTheLocalOneIsReadFromATemporaryCopyDeletedAfter() throws Exception {
        XlsxFixture x = new XlsxFixture().sheet("S");
        x.row(1, inline("A1", "h"));
        Path f = tmp.resolve("remote.xlsx");
        x.write(f);
        try (XlsxLocal local = XlsxLocal.of(f.toUri().toString())) {
            assertEquals(f, local.path(), "a local dump is read in place");
            assertFalse(local.temporary());
        }
        assertTrue(Files.exists(f));
        // Hadoop's raw local file system stands in for HDFS or S3: not a LocalFileSystem, so the bytes are copied
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(false);
        conf.set("fs.file.impl", org.apache.hadoop.fs.RawLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        Path copy;
        try (XlsxLocal local = XlsxLocal.of(f.toUri().toString(), conf)) {
            copy = local.path();
            assertTrue(local.temporary());
            assertFalse(copy.equals(f));
            assertEquals(Files.readAllBytes(f).length, Files.size(copy));
            assertEquals(List.of("1: A=TEXT[h]"), read(copy, null));
        }
        assertFalse(Files.exists(copy), "the copy is deleted");
        assertTrue(Files.exists(f), "the dump is not");
    }

    @Test
    void wellFormedPartsThatAreNotWhatExcelWritesAreAnIoErrorNotAnException() throws Exception {
        XlsxFixture x = new XlsxFixture().sheet("S");
        x.row(1, inline("A1", "h"));
        Path good = tmp.resolve("good.xlsx");
        x.write(good);
        // the same workbook with a cell style whose number format id is not a number
        Path bad = tmp.resolve("bad-style.xlsx");
        rewrite(good, bad, "xl/styles.xml", xml -> xml.replace("<xf numFmtId=\"14\"", "<xf numFmtId=\"fourteen\""));
        IOException e = assertThrows(IOException.class, () -> XlsxWorkbook.open(bad, null));
        assertTrue(e.getMessage().startsWith("not a readable .xlsx workbook: a part is not as Excel writes it"), e.getMessage());
        // a sheet path that is not a path
        Path badRel = tmp.resolve("bad-rel.xlsx");
        rewrite(good, badRel, "xl/_rels/workbook.xml.rels", xml -> xml.replace("Target=\"worksheets/sheet1.xml\"", "Target=\"work sheets/%%.xml\""));
        e = assertThrows(IOException.class, () -> XlsxWorkbook.open(badRel, null));
        assertTrue(e.getMessage().startsWith("not a readable .xlsx workbook"), e.getMessage());
    }

    /** A copy of a workbook with one part's XML changed. */
    private static void rewrite(Path from, Path to, String part, java.util.function.UnaryOperator<String> change) throws IOException {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(from.toFile());
             java.util.zip.ZipOutputStream o = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(z.entries())) {
                String xml = new String(z.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                String out = e.getName().equals(part) ? change.apply(xml) : xml;
                if (e.getName().equals(part)) assertFalse(out.equals(xml), "the change applies to " + part);
                o.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                o.write(out.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                o.closeEntry();
            }
        }
    }

    @Test
    void malformedSheetXmlStopsAfterTheLastGoodRow() throws Exception {
        XlsxFixture x = new XlsxFixture().sheet("S");
        x.row(1, inline("A1", "h")).row(2, inline("A2", "ok")).rawRow("<row r=\"3\"><c r=\"A3\" <broken/></row>");
        Path f = tmp.resolve("d.xlsx");
        x.write(f);
        try (XlsxWorkbook b = XlsxWorkbook.open(f, null); XlsxWorkbook.Rows rows = b.rows()) {
            assertEquals(1, rows.next().number());
            assertEquals(2, rows.next().number());
            IOException e = assertThrows(IOException.class, rows::next);
            assertTrue(e.getMessage().contains("malformed XML"), e.getMessage());
            assertEquals(3, rows.lastRow());
            assertEquals(3, rows.errorRow());
            assertEquals("in row 3", rows.where());
        }
    }
}
