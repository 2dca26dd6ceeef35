package id.neraca.ingest;

import id.neraca.ingest.mapping.FieldSpec;
import id.neraca.ingest.mapping.Mappings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed workbook cells into the text a mapping's parsers read, per column, as the column's CSV export would write
 * it: text as it is; a number in plain digits without grouping or exponent, its fraction after a comma in a
 * column read by {@code idr} or {@code count} (which reject {@code 12.50} as ambiguous) and after a dot elsewhere;
 * a date cell in the first of the column's {@code formats} that writes its wall-clock time without loss
 * ({@code dd/MM/yyyy HH:mm} for 10:22:00, {@code dd/MM/yyyy HH:mm:ss} for 10:22:11), else ISO-8601
 * ({@code 2023-01-05T10:22:11}, which the datetime parser accepts for workbook rows); a boolean {@code TRUE} or
 * {@code FALSE}; an error its code ({@code #N/A}).
 */
final class XlsxText {
    private enum Mode { PLAIN, COMMA, DATETIME, MONTH }

    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter PLAIN_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private final Mode[] modes;
    private final List<Parsers.Fmt> formats;
    private final boolean date1904;

    private XlsxText(Mode[] modes, List<Parsers.Fmt> formats, boolean date1904) {
        this.modes = modes;
        this.formats = formats;
        this.date1904 = date1904;
    }

    /** Plain rendering for every column (a header row). */
    static XlsxText plain(boolean date1904) {
        return new XlsxText(new Mode[0], List.of(), date1904);
    }

    /** The rendering of each of a file's columns, from the parser of the field that reads it. */
    static XlsxText of(CompiledMapping cm, int[] columnIndex, int columnCount, boolean date1904) {
        Mode[] modes = new Mode[Math.max(columnCount, 0)];
        List<Parsers.Fmt> fmts = List.of();
        for (Map.Entry<String, FieldSpec> e : cm.mapping().columns().byKey().entrySet()) {
            FieldSpec f = e.getValue();
            if (f.sourceRef() == null) continue;
            int src = cm.sourceIndex(f.sourceRef());
            int col = src < 0 || src >= columnIndex.length ? -1 : columnIndex[src];
            if (col < 0 || col >= modes.length || modes[col] != null) continue;
            String parser = f.parser() != null ? f.parser() : Mappings.PARSERS.getOrDefault(e.getKey(), List.of("string")).get(0);
            modes[col] = switch (parser) {
                case "idr", "count" -> Mode.COMMA;
                case "datetime" -> Mode.DATETIME;
                case "month" -> Mode.MONTH;
                default -> Mode.PLAIN;
            };
            if (parser.equals("datetime")) fmts = Parsers.compile(f.formats());
        }
        return new XlsxText(modes, fmts, date1904);
    }

    /**
     * The text of a cell in column {@code col}.
     *
     * @throws IllegalArgumentException for a number or date the XML writes in a form that is not one
     */
    String text(XlsxWorkbook.Cell c) {
        Mode mode = c.column() < modes.length && modes[c.column()] != null ? modes[c.column()] : Mode.PLAIN;
        try {
            return switch (c.kind()) {
                case TEXT, ERROR -> c.value();
                case BOOLEAN -> c.value().equals("1") || c.value().equalsIgnoreCase("true") ? "TRUE" : "FALSE";
                case NUMBER -> mode == Mode.PLAIN ? plainNumber(c.value()) : number(XlsxWorkbook.number(c.value()), mode);
                case DATE -> date(XlsxWorkbook.dateTime(c.value(), date1904), mode);
            };
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("the " + (c.kind() == XlsxWorkbook.Kind.DATE ? "date" : "number") + " cell holds '"
                    + c.value() + "', which is not one (" + e.getMessage() + ")");
        }
    }

    /**
     * A number given as text ({@code 1.3399E7}, {@code 13.399}, {@code 30000000.0000}: a Parquet floating or decimal
     * column) written as column {@code col}'s parser reads it, like a number cell; text that is not a number
     * ({@code NaN}) is returned as it is, for the parser to refuse.
     */
    String number(int col, String text) {
        BigDecimal v;
        try {
            v = new BigDecimal(text.trim()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return text;
        }
        Mode mode = col < modes.length && modes[col] == Mode.COMMA ? Mode.COMMA : Mode.PLAIN;
        // a floating column's 5.7000258951300096E17 as an ID: damaged, read as Excel shows it (plainNumber)
        if (mode == Mode.PLAIN && v.scale() <= 0 && v.precision() - v.scale() > 15) return plainNumber(text);
        if (v.scale() < 0) v = v.setScale(0);
        return number(v, mode);
    }

    /**
     * A number cell of a column read as text (an order, line, listing or seller ID; a title), as the XML holds it. A
     * whole number of more than 15 digits is kept digit for digit when the XML writes it so ({@code 570002589513000981}:
     * openpyxl, pandas); rounded to Excel's 15 digits it merged two orders into one "duplicate" and two sellers' NIKs into
     * one valid NIK. Written as a floating number ({@code 5.7000258951300096E+17}: Excel itself, a float column) its
     * last digits are already gone, and it reads as Excel shows it ({@code 5.70002589513001E+17}), which the order-ID
     * and seller-ID parsers refuse as damaged, as they do that text in a CSV. Other numbers: as before.
     */
    static String plainNumber(String xml) {
        String x = xml.trim();
        BigDecimal exact = new BigDecimal(x);
        BigDecimal whole = exact.stripTrailingZeros();
        if (whole.scale() <= 0 && whole.precision() - whole.scale() > 15) {
            if (WHOLE_DIGITS.matcher(x).matches()) return exact.toPlainString();
            return whole.round(new java.math.MathContext(15, java.math.RoundingMode.HALF_EVEN)).toString();
        }
        return number(XlsxWorkbook.number(x), Mode.PLAIN);
    }

    private static final java.util.regex.Pattern WHOLE_DIGITS = java.util.regex.Pattern.compile("-?\\d+");

    private static String number(BigDecimal v, Mode mode) {
        String s = v.toPlainString();
        if (mode != Mode.COMMA) return s;
        s = s.replace('.', ',');
        // a cell's 999.125 is a number, not text: written 999,125 the parser would refuse it as ambiguous (an English
        // thousands comma or a decimal one, Parsers.idr); 999,1250 is the same value and only a decimal comma
        int comma = s.indexOf(',');
        int digits = s.startsWith("-") ? comma - 1 : comma;
        if (comma > 0 && digits <= 3 && s.length() - comma - 1 == 3) s += "0";
        return s;
    }

    private String date(LocalDateTime t, Mode mode) {
        if (mode == Mode.MONTH) return t.toLocalDate().toString();
        if (mode == Mode.DATETIME) {
            for (Parsers.Fmt f : formats) {
                if (f.pattern() == null || f.kind() == Parsers.Fmt.OFFSET) continue;
                String s = t.format(f.pattern());
                try {
                    LocalDateTime back = f.kind() == Parsers.Fmt.DATE
                            ? LocalDate.parse(s, f.pattern()).atStartOfDay() : LocalDateTime.parse(s, f.pattern());
                    if (back.equals(t)) return s;
                } catch (java.time.DateTimeException e) {
                    // the pattern cannot read what it wrote (a pattern without a year): try the next one
                }
            }
            return t.format(ISO_DATE_TIME);
        }
        return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.format(PLAIN_DATE_TIME);
    }
}
