package id.neraca.ingest;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A streaming reader of one sheet of an Excel {@code .xlsx} workbook with the JDK only ({@link ZipFile} and StAX):
 * no Apache POI, whose commons-io, commons-compress and xmlbeans versions conflict with Spark's.
 * <p>
 * Opening reads {@code xl/workbook.xml} (sheet names, the 1904 date system), {@code xl/_rels/workbook.xml.rels}
 * (where each sheet's XML is), {@code xl/styles.xml} (which cell styles are date formats) and
 * {@code xl/sharedStrings.xml} (the workbook's table of strings, rich-text runs joined, phonetic runs left out).
 * {@link #rows()} then streams the sheet's {@code <row>}s one at a time. Memory is constant in the number of rows,
 * except for the shared-strings table, which is held whole (Excel writes each distinct text once, so it grows with
 * the distinct texts: titles, names, order numbers stored as text).
 * <p>
 * Everything that goes wrong is an {@link IOException} whose message says what is wrong with the file (without its
 * name: the caller names it): not a zip archive, an encrypted workbook, a missing part, malformed XML.
 */
public final class XlsxWorkbook implements AutoCloseable {
    /** What a cell holds. */
    public enum Kind { TEXT, NUMBER, DATE, BOOLEAN, ERROR }

    /**
     * One non-empty cell: its column (0 = A), its kind and its value as written in the XML: the text, the number
     * (for a DATE the serial day number, or for a {@code t="d"} cell the ISO date), {@code 1}/{@code 0} for a
     * boolean, the error code ({@code #N/A}) for an error.
     */
    public record Cell(int column, Kind kind, String value) {}

    /** A sheet row with at least one non-empty cell, by its number in the sheet (1 = the first row). */
    public record Row(long number, List<Cell> cells) {}

    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    /** One factory per thread (Spark runs several tasks in one JVM; a factory is not promised to be thread-safe). */
    private static final ThreadLocal<XMLInputFactory> XML = ThreadLocal.withInitial(() -> {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // the parts are data from outside: no DTDs, no external entities
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    });

    private final ZipFile zip;
    private final String sheetName;
    private final ZipEntry sheet;
    private final boolean date1904;
    private final boolean[] dateStyle;
    private final List<String> shared;

    private XlsxWorkbook(ZipFile zip, String sheetName, ZipEntry sheet, boolean date1904, boolean[] dateStyle, List<String> shared) {
        this.zip = zip;
        this.sheetName = sheetName;
        this.sheet = sheet;
        this.date1904 = date1904;
        this.dateStyle = dateStyle;
        this.shared = shared;
    }

    /**
     * Opens a local {@code .xlsx} file and prepares one sheet.
     *
     * @param sheet the sheet's name (ignoring letter case), or null for the first sheet
     */
    public static XlsxWorkbook open(Path file, String sheet) throws IOException {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 8);
            if (n == 8 && java.util.Arrays.equals(head, OLE)) {
                throw new IOException("the file is an OLE compound document, not a zip archive: a password-protected "
                        + "(encrypted) workbook, or an Excel 97-2003 .xls saved under an .xlsx name. neraca cannot decrypt "
                        + "workbooks: open it in Excel, remove the password (File > Info > Protect Workbook) and save it "
                        + "as .xlsx or \"CSV UTF-8\"");
            }
            if (n == 0) throw new IOException("the file is empty (0 bytes): not an .xlsx workbook. Export it again");
        }
        ZipFile z;
        try {
            z = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IOException("not a readable .xlsx workbook: not a zip archive, or a damaged or truncated one ("
                    + e.getMessage() + "). Export or download it again");
        }
        try {
            ZipEntry wb = z.getEntry("xl/workbook.xml");
            if (wb == null) {
                throw new IOException("a zip archive without xl/workbook.xml: not an Excel .xlsx workbook");
            }
            Map<String, String> sheets = new LinkedHashMap<>();   // name -> relationship id
            boolean[] d1904 = {false};
            parse(z, wb, r -> {
                if (r.getEventType() != XMLStreamConstants.START_ELEMENT) return;
                String ln = r.getLocalName();
                if (ln.equals("workbookPr")) {
                    String v = r.getAttributeValue(null, "date1904");
                    d1904[0] = v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
                } else if (ln.equals("sheet")) {
                    sheets.put(r.getAttributeValue(null, "name"), relId(r));
                }
            });
            if (sheets.isEmpty()) throw new IOException("the workbook lists no sheets");
            String name = null;
            if (sheet == null) {
                name = sheets.keySet().iterator().next();
            } else {
                for (String s : sheets.keySet()) if (s.equalsIgnoreCase(sheet.trim())) name = s;
                if (name == null) {
                    throw new IOException("the workbook has no sheet named '" + sheet + "' (format.sheet); its sheets: "
                            + new ArrayList<>(sheets.keySet()));
                }
            }
            Map<String, String> targets = new HashMap<>();
            ZipEntry rels = z.getEntry("xl/_rels/workbook.xml.rels");
            if (rels == null) throw new IOException("a zip archive without xl/_rels/workbook.xml.rels: not a complete .xlsx workbook");
            parse(z, rels, r -> {
                if (r.getEventType() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
                    targets.put(r.getAttributeValue(null, "Id"), r.getAttributeValue(null, "Target"));
                }
            });
            String target = targets.get(sheets.get(name));
            if (target == null) throw new IOException("sheet '" + name + "' has no part in xl/_rels/workbook.xml.rels");
            String path = target.startsWith("/") ? target.substring(1) : "xl/" + target;
            path = java.net.URI.create("x:/" + path).normalize().getPath().substring(1);
            ZipEntry sh = z.getEntry(path);
            if (sh == null) throw new IOException("sheet '" + name + "': its part " + path + " is missing from the archive");
            ZipEntry st = z.getEntry("xl/styles.xml");
            boolean[] dates = st == null ? new boolean[0] : styles(z, st);
            ZipEntry ss = z.getEntry("xl/sharedStrings.xml");
            List<String> strings = ss == null ? List.of() : sharedStrings(z, ss);
            return new XlsxWorkbook(z, name, sh, d1904[0], dates, strings);
        } catch (IOException e) {
            z.close();
            throw e;
        } catch (RuntimeException e) {
            // a part that is well-formed XML but not what Excel writes (a style id that is not a number, a sheet
            // path that is not a path): a damaged workbook, said as such rather than as a stack trace
            z.close();
            throw new IOException("not a readable .xlsx workbook: a part is not as Excel writes it (" + e + ")");
        }
    }

    public String sheetName() {
        return sheetName;
    }

    public boolean date1904() {
        return date1904;
    }

    /** The sheet's rows that have a non-empty cell, in order, streamed; close the iterator (or the workbook). */
    public Rows rows() throws IOException {
        return new Rows(open(zip, sheet));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Streams {@code <row>} elements; {@link #next()} returns null at the end of the sheet. */
    public final class Rows implements AutoCloseable {
        private final XMLStreamReader r;
        private final InputStream in;
        private long last = 0;
        private boolean inside;

        private Rows(InputStream in) throws IOException {
            this.in = in;
            try {
                this.r = XML.get().createXMLStreamReader(in);
            } catch (XMLStreamException e) {
                in.close();
                throw xml(e);
            }
        }

        /** The number of the last row begun (0 before the first). */
        public long lastRow() {
            return last;
        }

        /** Where a read that failed stopped: {@code in row 7}, or {@code after row 6} when between rows. */
        public String where() {
            return (inside ? "in row " : "after row ") + last;
        }

        /** The row a failed read is reported at: the row it broke in, else the one after the last row. */
        public long errorRow() {
            return inside ? last : last + 1;
        }

        /** The next row with a non-empty cell, or null at the end. */
        public Row next() throws IOException {
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("row")) {
                        String rn = r.getAttributeValue(null, "r");
                        long number = rn == null ? last + 1 : Long.parseLong(rn.trim());
                        last = number;
                        inside = true;
                        List<Cell> cells = row();
                        inside = false;
                        if (!cells.isEmpty()) return new Row(number, cells);
                    }
                }
                return null;
            } catch (XMLStreamException e) {
                throw xml(e);
            } catch (NumberFormatException e) {
                throw new IOException("a row number that is not a number (" + e.getMessage() + ")");
            } catch (RuntimeException e) {
                throw new IOException("the sheet is not as Excel writes it (" + e + ")");
            }
        }

        /** The cells of the current {@code <row>}, through its end tag; empty cells left out. */
        private List<Cell> row() throws XMLStreamException, IOException {
            List<Cell> cells = new ArrayList<>();
            int col = -1;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("row")) break;
                if (ev != XMLStreamConstants.START_ELEMENT || !r.getLocalName().equals("c")) continue;
                String ref = r.getAttributeValue(null, "r");
                col = ref == null ? col + 1 : column(ref);
                String t = r.getAttributeValue(null, "t");
                String s = r.getAttributeValue(null, "s");
                String v = null;
                StringBuilder inline = null;
                while (r.hasNext()) {
                    int e2 = r.next();
                    if (e2 == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("c")) break;
                    if (e2 != XMLStreamConstants.START_ELEMENT) continue;
                    String ln = r.getLocalName();
                    if (ln.equals("v")) {
                        v = r.getElementText();
                    } else if (ln.equals("is")) {
                        inline = new StringBuilder();
                        text(r, "is", inline);
                    } else if (ln.equals("f")) {
                        r.getElementText();   // the formula; its cached result is in <v>
                    }
                }
                Cell c = cell(col, t, s, v, inline);
                if (c != null) cells.add(c);
            }
            return cells;
        }

        @Override
        public void close() throws IOException {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // closing: nothing more to read
            }
            in.close();
        }
    }

    private Cell cell(int col, String t, String s, String v, StringBuilder inline) throws IOException {
        String type = t == null ? "n" : t;
        switch (type) {
            case "s": {
                if (v == null || v.isBlank()) return null;
                int i;
                try {
                    i = Integer.parseInt(v.trim());
                } catch (NumberFormatException e) {
                    throw new IOException("a shared-string cell with index '" + v + "' at " + ref(col));
                }
                if (i < 0 || i >= shared.size()) {
                    throw new IOException("a cell at " + ref(col) + " refers to shared string " + i + " but the workbook has "
                            + shared.size());
                }
                String text = shared.get(i);
                return text.isEmpty() ? null : new Cell(col, Kind.TEXT, text);
            }
            case "inlineStr": {
                String text = inline != null ? inline.toString() : v;
                return text == null || text.isEmpty() ? null : new Cell(col, Kind.TEXT, text);
            }
            case "str":
                return v == null || v.isEmpty() ? null : new Cell(col, Kind.TEXT, v);
            case "b":
                return v == null || v.isBlank() ? null : new Cell(col, Kind.BOOLEAN, v.trim());
            case "e":
                return v == null || v.isBlank() ? null : new Cell(col, Kind.ERROR, v.trim());
            case "d":
                return v == null || v.isBlank() ? null : new Cell(col, Kind.DATE, v.trim());
            case "n": {
                if (v == null || v.isBlank()) return null;
                int style = 0;
                if (s != null) {
                    try {
                        style = Integer.parseInt(s.trim());
                    } catch (NumberFormatException e) {
                        style = 0;
                    }
                }
                boolean date = style >= 0 && style < dateStyle.length && dateStyle[style];
                return new Cell(col, date ? Kind.DATE : Kind.NUMBER, v.trim());
            }
            default:
                throw new IOException("a cell of unknown type t=\"" + t + "\" at " + ref(col));
        }
    }

    /** A cell's column from its reference: {@code C7} → 2. */
    static int column(String ref) throws IOException {
        int c = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
            if (c > 16384) break;
        }
        if (i == 0 || c > 16384) throw new IOException("a cell reference that is not a column and row: '" + ref + "'");
        return c - 1;
    }

    /** The column's letters: 0 → A, 27 → AB. */
    static String letters(int col) {
        StringBuilder b = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) b.insert(0, (char) ('A' + (c - 1) % 26));
        return b.toString();
    }

    private String ref(int col) {
        return "column " + letters(col);
    }

    // ---- values ----

    private static final MathContext EXCEL = new MathContext(15, RoundingMode.HALF_EVEN);

    /**
     * A number as Excel shows it: 15 significant digits (the binary double in the XML can carry a
     * {@code ...0000004} tail), no exponent, no trailing zeros: {@code 12500.5}, {@code 3}, {@code -0.25}.
     */
    public static BigDecimal number(String xml) throws NumberFormatException {
        BigDecimal v = new BigDecimal(xml.trim()).round(EXCEL).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /**
     * The wall-clock date and time of a date cell: a serial day number (days since 1899-12-31 in the 1900 system,
     * whose day 60 is Lotus 1-2-3's 29 February 1900, read here as 28 February; since 1904-01-01 in the 1904 system),
     * the time of day rounded to the second; or the ISO-8601 text of a {@code t="d"} cell.
     */
    public LocalDateTime dateTime(String value) throws NumberFormatException, java.time.DateTimeException {
        return dateTime(value, date1904);
    }

    static LocalDateTime dateTime(String value, boolean date1904) {
        String s = value.trim();
        if (s.indexOf('-') > 0 || s.indexOf(':') > 0) {
            // a t="d" cell: ISO 8601
            if (s.indexOf('T') < 0) return s.indexOf(':') > 0 ? LocalDateTime.of(LocalDate.of(1899, 12, 31), java.time.LocalTime.parse(s))
                    : LocalDate.parse(s).atStartOfDay();
            return LocalDateTime.parse(s.endsWith("Z") ? s.substring(0, s.length() - 1) : s);
        }
        BigDecimal serial = new BigDecimal(s);
        if (serial.signum() < 0) throw new NumberFormatException("a negative date serial " + s);
        long seconds = serial.multiply(BigDecimal.valueOf(86400)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long days = seconds / 86400;
        long secs = seconds % 86400;
        LocalDate d;
        if (date1904) d = LocalDate.of(1904, 1, 1).plusDays(days);
        else if (days < 60) d = LocalDate.of(1899, 12, 31).plusDays(days);
        else d = LocalDate.of(1899, 12, 30).plusDays(days);
        return d.atStartOfDay().plusSeconds(secs);
    }

    // ---- parts ----

    private interface Handler {
        void on(XMLStreamReader r) throws XMLStreamException, IOException;
    }

    private static InputStream open(ZipFile z, ZipEntry e) throws IOException {
        try {
            return z.getInputStream(e);
        } catch (ZipException ex) {
            throw new IOException("the archive entry " + e.getName() + " cannot be read: " + ex.getMessage());
        }
    }

    private static void parse(ZipFile z, ZipEntry e, Handler h) throws IOException {
        try (InputStream in = open(z, e)) {
            XMLStreamReader r = XML.get().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    r.next();
                    h.on(r);
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException ex) {
            throw new IOException(e.getName() + ": " + xml(ex).getMessage());
        }
    }

    private static IOException xml(XMLStreamException e) {
        Throwable c = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (c instanceof IOException io) {
            return new IOException("the archive is damaged: " + io.getMessage(), io);
        }
        return new IOException("malformed XML (" + e.getMessage().replaceAll("\\s+", " ") + ")", e);
    }

    private static String relId(XMLStreamReader r) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals("id") && r.getAttributePrefix(i) != null && !r.getAttributePrefix(i).isEmpty()) {
                return r.getAttributeValue(i);
            }
        }
        return r.getAttributeValue(null, "id");
    }

    /** For each cellXfs entry (a cell's {@code s}), whether its number format is a date or time. */
    private static boolean[] styles(ZipFile z, ZipEntry e) throws IOException {
        Map<Integer, String> custom = new HashMap<>();
        List<Integer> xfs = new ArrayList<>();
        boolean[] inCellXfs = {false};
        parse(z, e, r -> {
            int ev = r.getEventType();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String ln = r.getLocalName();
                if (ln.equals("numFmt")) {
                    String id = r.getAttributeValue(null, "numFmtId");
                    String code = r.getAttributeValue(null, "formatCode");
                    if (id != null && code != null) custom.put(Integer.parseInt(id.trim()), code);
                } else if (ln.equals("cellXfs")) {
                    inCellXfs[0] = true;
                } else if (ln.equals("xf") && inCellXfs[0]) {
                    String id = r.getAttributeValue(null, "numFmtId");
                    xfs.add(id == null ? 0 : Integer.parseInt(id.trim()));
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("cellXfs")) {
                inCellXfs[0] = false;
            }
        });
        boolean[] out = new boolean[xfs.size()];
        for (int i = 0; i < out.length; i++) {
            int id = xfs.get(i);
            String code = custom.get(id);
            out[i] = code != null ? dateFormat(code) : builtInDate(id);
        }
        return out;
    }

    /** Excel's built-in date and time formats: 14–22 and 45–47. */
    static boolean builtInDate(int id) {
        return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
    }

    /**
     * Whether a custom number format shows a date or time: a d, m, y, h or s outside quoted text, {@code [...]}
     * (colours, conditions, locales, elapsed time aside) and escaped characters. Only the first section counts.
     */
    static boolean dateFormat(String code) {
        boolean quoted = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quoted) {
                if (c == '"') quoted = false;
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++;   // an escaped character, a space the width of the next one, a fill character
            } else if (c == '[') {
                int end = code.indexOf(']', i);
                if (end < 0) return false;
                String in = code.substring(i + 1, end).toLowerCase(Locale.ROOT);
                if (in.matches("h+|m+|s+")) return true;   // [h]:mm elapsed time
                i = end;
            } else if (c == ';') {
                return false;
            } else if ("dmyhsDMYHS".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String> sharedStrings(ZipFile z, ZipEntry e) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = open(z, e)) {
            XMLStreamReader r = XML.get().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("si")) {
                        StringBuilder b = new StringBuilder();
                        text(r, "si", b);
                        out.add(b.toString());
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException ex) {
            throw new IOException(e.getName() + ": " + xml(ex).getMessage());
        }
        return out;
    }

    /**
     * The text of a string item ({@code <si>} or {@code <is>}) through its end tag: its {@code <t>}, or its
     * rich-text runs' {@code <t>}s joined; phonetic guides ({@code <rPh>}) left out.
     */
    private static void text(XMLStreamReader r, String end, StringBuilder b) throws XMLStreamException {
        int phonetic = 0;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String ln = r.getLocalName();
                if (ln.equals("rPh")) phonetic++;
                else if (ln.equals("t") && phonetic == 0) b.append(unescape(r.getElementText()));
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                String ln = r.getLocalName();
                if (ln.equals("rPh")) phonetic--;
                else if (ln.equals(end)) return;
            }
        }
    }

    /** Excel's {@code _xHHHH_} escapes of characters XML cannot hold (a control character, a tab in a title). */
    static String unescape(String s) {
        if (s.indexOf("_x") < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (i + 7 <= s.length() && s.charAt(i) == '_' && s.charAt(i + 1) == 'x' && s.charAt(i + 6) == '_'
                    && s.substring(i + 2, i + 6).matches("[0-9A-Fa-f]{4}")) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                b.append(s.charAt(i++));
            }
        }
        return b.toString();
    }
}
