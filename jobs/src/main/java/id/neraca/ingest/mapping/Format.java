package id.neraca.ingest.mapping;

import java.io.Serializable;
import java.util.List;

/**
 * How a dump's bytes are read. gzip ({@code .gz}) and zip ({@code .zip}) are recognised by the file name and
 * read transparently.
 *
 * @param type        {@code csv}, {@code jsonl} or {@code parquet}
 * @param delimiters  CSV: the delimiters this format may use; the first one under which the header holds every
 *                    mapped column is chosen per file (Shopee exports switched from {@code ;} to {@code ,})
 * @param quote       CSV quote character (default {@code "}; a doubled quote inside a quoted field is a quote)
 * @param encoding    character set (default UTF-8, decoded strictly: invalid bytes quarantine the line)
 * @param header      CSV: whether the first line is a header (default true)
 * @param columnNames CSV without header: the column names in order
 * @param sheet       an {@code .xlsx} workbook matched by a csv mapping: the sheet to read, by name (ignoring letter
 *                    case); default the workbook's first sheet
 * @param multiline   CSV: a quoted field may hold line breaks (a buyer's note), so a line whose quote is still open
 *                    continues on the next ones, up to {@link #MAX_RECORD_LINES} lines (default false: every line is
 *                    a record). A file of such a mapping is read whole by one task, never in byte ranges: a range
 *                    cannot tell where a record spanning lines begins
 * @param headerRow   with {@code header: true}: the row the header is on, from 1, when rows above it hold a title
 *                    (Tokopedia's sales report: "Laporan Penjualan", the shop, the period, then the header on row 5).
 *                    In a workbook the sheet's row of that number, in a CSV file its physical line of that number,
 *                    blank rows and lines counted; the rows above it are not records. Absent or 1: the header is
 *                    the first row (line) with a value, below any blank ones. Null when the mapping does not say
 */
public record Format(
        String type,
        List<String> delimiters,
        String quote,
        String encoding,
        Boolean header,
        List<String> columnNames,
        String sheet,
        Boolean multiline,
        Integer headerRow,
        String orderLines) implements Serializable {

    /** The most lines one CSV record may span under {@code multiline} (the first line and up to 99 more). */
    public static final int MAX_RECORD_LINES = 100;

    /** The greatest {@code header_row}: a title above a header is a few rows, not a page. */
    public static final int MAX_HEADER_ROW = 50;

    public Format {
        if (type == null) type = "csv";
        if (delimiters == null || delimiters.isEmpty()) delimiters = List.of(",");
        if (quote == null) quote = "\"";
        if (encoding == null) encoding = "UTF-8";
        if (header == null) header = true;
        columnNames = columnNames == null ? List.of() : List.copyOf(columnNames);
        delimiters = List.copyOf(delimiters);
        if (sheet != null && sheet.isBlank()) sheet = null;
        if (multiline == null) multiline = false;
    }

    /** Whether each JSON line is an order whose sales lines are the elements of the array {@link #orderLines()}. */
    public boolean linesInArray() {
        return orderLines != null;
    }

    /**
     * Whether the dotted {@code path} reads a field of an element of the {@link #orderLines()} array ({@code items.qty}
     * under {@code items}), not of the order.
     */
    public boolean inLines(String path) {
        return orderLines != null && path != null && path.startsWith(orderLines + ".");
    }

    /**
     * The row (workbook) or physical line (CSV) the header is fixed on by {@code header_row}, or 0 when the header is
     * the first row with a value ({@code header_row} absent or 1, or no header).
     */
    public int fixedHeaderRow() {
        return header && headerRow != null && headerRow > 1 ? headerRow : 0;
    }

    public boolean csv() {
        return type.equals("csv");
    }

    public boolean jsonl() {
        return type.equals("jsonl");
    }

    public boolean parquet() {
        return type.equals("parquet");
    }
}
