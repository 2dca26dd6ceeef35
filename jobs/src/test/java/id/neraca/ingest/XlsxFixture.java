package id.neraca.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes tiny .xlsx workbooks by hand, part by part, as Excel lays them out: [Content_Types].xml, _rels/.rels,
 * xl/workbook.xml (+ rels), xl/styles.xml, xl/sharedStrings.xml and one xl/worksheets/sheetN.xml per sheet.
 * <p>
 * Cell styles ({@code s}) in xl/styles.xml: 0 General; 1 built-in 14 (m/d/yyyy); 2 custom 164
 * {@code dd/mm/yyyy hh:mm:ss}; 3 custom 165 {@code #,##0 "dus"} (a 'd' only inside quotes: not a date);
 * 4 built-in 4 ({@code #,##0.00}); 5 custom 166 {@code [$-421]d mmmm yyyy;@} (a locale in brackets, then a date);
 * 6 built-in 22 (m/d/yyyy h:mm).
 */
final class XlsxFixture {
    static final int GENERAL = 0, DATE14 = 1, CUSTOM_DATE_TIME = 2, CUSTOM_DUS = 3, MONEY = 4, CUSTOM_LOCALE_DATE = 5, DATE22 = 6;

    /** A cell: a reference like {@code C7}, its type attribute and its inner XML. */
    record C(String ref, String type, Integer style, String inner) {}

    private final List<String> shared = new ArrayList<>();
    private final Map<String, List<String>> sheets = new LinkedHashMap<>();
    private boolean date1904;
    private List<String> current;

    XlsxFixture date1904() {
        date1904 = true;
        return this;
    }

    XlsxFixture sheet(String name) {
        current = new ArrayList<>();
        sheets.put(name, current);
        return this;
    }

    /** A row with its number and cells. */
    XlsxFixture row(long number, C... cells) {
        StringBuilder b = new StringBuilder("<row r=\"").append(number).append("\">");
        for (C c : cells) {
            b.append("<c r=\"").append(c.ref()).append('"');
            if (c.type() != null) b.append(" t=\"").append(c.type()).append('"');
            if (c.style() != null) b.append(" s=\"").append(c.style()).append('"');
            b.append(c.inner() == null ? "/>" : ">" + c.inner() + "</c>");
        }
        current.add(b.append("</row>").toString());
        return this;
    }

    /** A raw row element, for rows without references and other shapes. */
    XlsxFixture rawRow(String xml) {
        current.add(xml);
        return this;
    }

    /** A shared string cell (the text goes into xl/sharedStrings.xml once). */
    C s(String ref, String text) {
        int i = shared.indexOf("<t xml:space=\"preserve\">" + esc(text) + "</t>");
        if (i < 0) {
            shared.add("<t xml:space=\"preserve\">" + esc(text) + "</t>");
            i = shared.size() - 1;
        }
        return new C(ref, "s", null, "<v>" + i + "</v>");
    }

    /** A shared string written as rich-text runs. */
    C rich(String ref, String... runs) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < runs.length; k++) {
            b.append("<r>").append(k == 0 ? "<rPr><b/></rPr>" : "").append("<t xml:space=\"preserve\">").append(esc(runs[k])).append("</t></r>");
        }
        b.append("<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh>");
        shared.add(b.toString());
        return new C(ref, "s", null, "<v>" + (shared.size() - 1) + "</v>");
    }

    static C inline(String ref, String text) {
        return new C(ref, "inlineStr", null, "<is><t>" + esc(text) + "</t></is>");
    }

    static C num(String ref, String xml) {
        return new C(ref, null, null, "<v>" + xml + "</v>");
    }

    static C num(String ref, String xml, int style) {
        return new C(ref, "n", style, "<v>" + xml + "</v>");
    }

    /** A formula with its cached string result. */
    static C formulaText(String ref, String formula, String result) {
        return new C(ref, "str", null, "<f>" + esc(formula) + "</f><v>" + esc(result) + "</v>");
    }

    static C bool(String ref, boolean v) {
        return new C(ref, "b", null, "<v>" + (v ? 1 : 0) + "</v>");
    }

    static C error(String ref, String code) {
        return new C(ref, "e", null, "<f>1/0</f><v>" + esc(code) + "</v>");
    }

    /** A cell with a style and no value (Excel writes these for formatted empty cells). */
    static C styledBlank(String ref) {
        return new C(ref, null, 4, null);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream o = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(o)) {
            StringBuilder ct = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
            for (int i = 1; i <= sheets.size(); i++) {
                ct.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
                        .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            }
            put(z, "[Content_Types].xml", ct.append("</Types>").toString());
            put(z, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            StringBuilder wb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<workbookPr" + (date1904 ? " date1904=\"1\"" : "") + "/><sheets>");
            StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            int i = 0;
            for (String name : sheets.keySet()) {
                i++;
                // relationship ids in another order than the sheets: the reader must follow the ids, not guess
                String rid = "rId" + (10 - i);
                wb.append("<sheet name=\"").append(esc(name)).append("\" sheetId=\"").append(i).append("\" r:id=\"").append(rid).append("\"/>");
                rels.append("<Relationship Id=\"").append(rid)
                        .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                        .append(i).append(".xml\"/>");
            }
            rels.append("<Relationship Id=\"rId20\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
            rels.append("<Relationship Id=\"rId21\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
            put(z, "xl/workbook.xml", wb.append("</sheets></workbook>").toString());
            put(z, "xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
            put(z, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<numFmts count=\"3\">"
                    + "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy hh:mm:ss\"/>"
                    + "<numFmt numFmtId=\"165\" formatCode=\"#,##0 &quot;dus&quot;\"/>"
                    + "<numFmt numFmtId=\"166\" formatCode=\"[$-421]d mmmm yyyy;@\"/>"
                    + "</numFmts>"
                    + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                    + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                    + "<borders count=\"1\"><border/></borders>"
                    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                    + "<cellXfs count=\"7\">"
                    + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                    + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                    + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                    + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                    + "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                    + "<xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                    + "<xf numFmtId=\"22\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                    + "</cellXfs>"
                    + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
                    + "</styleSheet>");
            StringBuilder ss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + shared.size()
                    + "\" uniqueCount=\"" + shared.size() + "\">");
            for (String si : shared) ss.append("<si>").append(si).append("</si>");
            put(z, "xl/sharedStrings.xml", ss.append("</sst>").toString());
            i = 0;
            for (List<String> rows : sheets.values()) {
                i++;
                StringBuilder sh = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                        + "<sheetPr/><dimension ref=\"A1\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
                        + "<sheetFormatPr defaultRowHeight=\"15\"/><sheetData>");
                for (String r : rows) sh.append(r);
                put(z, "xl/worksheets/sheet" + i + ".xml", sh.append("</sheetData><pageMargins left=\"0.7\" right=\"0.7\" "
                        + "top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>").toString());
            }
        }
    }

    private static void put(ZipOutputStream z, String name, String xml) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(xml.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
