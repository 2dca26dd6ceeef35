package id.neraca.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.ingest.mapping.Format;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * Streams one CSV or JSON Lines dump (plain or gzip) into {@link RawRecord}s, in constant memory, inside a Spark
 * task. Line numbers are physical lines from 1. The header is the planner's {@link FileTask#headerLine()} (the first
 * line with a value); blank lines, and rows of bare delimiters (a spreadsheet's empty row), are not records. A record
 * never spans lines. Each line is decoded strictly in the mapping's encoding: bytes that are not valid (Latin-1 in a
 * UTF-8 file) quarantine that line as BAD_ENCODING instead of being silently replaced. A gzip stream that ends
 * early yields a FILE_TRUNCATED record at the line where it broke.
 * <p>
 * A reader of one {@link FileTask.Split} of a large plain file seeks to the byte before its range, skips to the next
 * line start, and stops at the first line that begins at or after its end: ranges of one file, read by different
 * tasks, yield each line exactly once, with the line numbers one reader of the whole file gives.
 * <p>
 * An {@code .xlsx} workbook ({@link XlsxWorkbook}) is read whole by one reader: each sheet row with a value is a
 * record numbered by its row in the sheet, the first such row is the header, cells become the text the column's
 * parser reads ({@link XlsxText}), and raw_row is the row as a CSV line, masked like a CSV row.
 * <p>
 * {@code format.header_row: N} puts the header on the sheet's row N, or a CSV file's physical line N (the planner's
 * {@link FileTask#headerLine()}): the rows above it (a report's title, the shop, the period) are not records, and
 * records keep their physical numbers.
 */
public final class DumpReader implements Iterator<RawRecord>, AutoCloseable {
    private final FileTask task;
    private final FileTask.Split split;
    private final CompiledMapping cm;
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final boolean utf8;
    private final char quote;
    private final boolean jsonl;
    /** CSV: a record may span lines (format.multiline); its file is never split. */
    private final boolean multiline;
    /** Lines read ahead for a record that did not close within {@link Format#MAX_RECORD_LINES}: read again, one by one. */
    private final java.util.ArrayDeque<byte[]> pushedBack = new java.util.ArrayDeque<>();
    private final boolean skipHeader;
    /** A workbook's {@code format.header_row} (0: the header is the first row with a value); rows up to it are not records. */
    private final int headerRow;
    private final List<String[]> jsonPaths;
    /** Columns masked in raw_row: every column the mapping does not read, and its pii columns. */
    private final boolean[] piiColumn;
    /** JSON Lines: the mapped paths ({@code seller.city}) and their parents ({@code seller}); other values are masked in raw_row. */
    private final java.util.Set<String> mappedPaths;
    private final java.util.Set<String> mappedPrefixes;
    private final ObjectMapper json;
    /** JSON Lines with {@code format.order_lines}: the path of the array holding each order's lines; null otherwise. */
    private final String[] linesPath;
    private final String linesName;
    /** With {@code format.order_lines}: whether each source reads a field of an element ({@code items.qty}), not of the order. */
    private final boolean[] inElement;
    /** The further sales lines of an order read with its first ({@code format.order_lines}), returned before the next line. */
    private final java.util.ArrayDeque<RawRecord> pending = new java.util.ArrayDeque<>();
    /** JSON Lines: how a JSON number is written for the parser of the field reading it (as a workbook's number cell). */
    private final XlsxText jsonNumbers;
    private byte[] buf = new byte[8192];
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int lim;
    private long chunkBase;      // the file offset of chunk[0]
    private boolean positioned;  // a split starting mid-file has skipped to its first line start
    private long lineNo = 0;
    private RawRecord next;
    private boolean done;
    private String openError;
    private String openDetail;
    private final boolean workbook;
    private XlsxWorkbook book;
    private XlsxWorkbook.Rows sheetRows;
    private XlsxText cells;
    private XlsxLocal local;
    private boolean headerSeen;

    public DumpReader(FileTask task, CompiledMapping cm) {
        this(new FileTask.Split(task, 0, -1, 0), cm);
    }

    public DumpReader(FileTask.Split split, CompiledMapping cm) {
        FileTask task = split.task();
        this.task = task;
        this.split = split;
        this.cm = cm;
        if (split.start() > 0 && task.gzip()) throw new IllegalArgumentException(task.sourceFile() + ": a gzip stream cannot be split");
        this.positioned = split.start() == 0;
        this.jsonl = cm.mapping().format().jsonl();
        this.multiline = !jsonl && cm.mapping().format().multiline();
        if (multiline && split.end() >= 0) throw new IllegalArgumentException(task.sourceFile() + ": a multiline CSV file cannot be split");
        Charset cs = Charset.forName(cm.mapping().format().encoding());
        // a file that begins with UTF-8's byte-order mark is UTF-8, whatever the mapping says: an export saved as Excel's
        // "CSV UTF-8" beside older windows-1252 ones of the same marketplace decoded as windows-1252 without an error
        // ("Crème" as "CrÃ¨me", "–" as "â€“"; the audit of 2 Dec 2026), since nearly every byte is valid there
        if (!cs.name().equals("UTF-8") && !this.jsonl && !DumpPlanner.workbook(task.sourceFile()) && startsWithUtf8Bom(task)) {
            cs = java.nio.charset.StandardCharsets.UTF_8;
        }
        this.utf8 = cs.name().equals("UTF-8");
        this.decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        this.quote = cm.mapping().format().quote().charAt(0);
        this.skipHeader = !jsonl && cm.mapping().format().header();
        this.headerRow = skipHeader ? cm.mapping().format().fixedHeaderRow() : 0;
        this.jsonPaths = cm.sources().stream().map(s -> s.split("\\.")).toList();
        // raw_row keeps what the mapping reads (the values a reject is about) and masks the rest: an export's columns the
        // mapping ignores are where buyers' names, phone numbers and addresses sit (Shopee's "No. Telepon", "Alamat
        // Pengiriman"), and a mapping's pii list that misses one must not put it in out/quarantine (data minimisation)
        this.piiColumn = new boolean[Math.max(task.columnCount(), 0)];
        java.util.Arrays.fill(piiColumn, true);
        if (task.columnIndex() != null) for (int i : task.columnIndex()) if (i >= 0 && i < piiColumn.length) piiColumn[i] = false;
        if (task.piiIndex() != null) for (int i : task.piiIndex()) if (i >= 0 && i < piiColumn.length) piiColumn[i] = true;
        this.mappedPaths = new java.util.HashSet<>(cm.sources());
        this.mappedPrefixes = new java.util.HashSet<>();
        for (String s : cm.sources()) for (int k = s.indexOf('.'); k > 0; k = s.indexOf('.', k + 1)) mappedPrefixes.add(s.substring(0, k));
        // a key twice in one object ({"invoice":"A","invoice":"B"}): which value is the record's? BAD_JSON, not the last
        this.json = jsonl ? new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION) : null;
        int nSources = cm.sources().size();
        this.linesName = jsonl ? cm.mapping().format().orderLines() : null;
        this.linesPath = linesName == null ? null : linesName.split("\\.");
        this.inElement = new boolean[nSources];
        for (int i = 0; i < nSources; i++) inElement[i] = linesName != null && cm.mapping().format().inLines(cm.sources().get(i));
        this.jsonNumbers = jsonl ? XlsxText.of(cm, java.util.stream.IntStream.range(0, nSources).toArray(), nSources, false) : null;
        this.workbook = DumpPlanner.workbook(task.sourceFile());
        InputStream opened = null;
        if (workbook) {
            try {
                local = XlsxLocal.of(task.uri());
                book = XlsxWorkbook.open(local.path(), cm.mapping().format().sheet());
                cells = XlsxText.of(cm, task.columnIndex(), task.columnCount(), book.date1904());
                sheetRows = book.rows();
            } catch (IOException e) {
                openError = "FILE_UNREADABLE";
                openDetail = "cannot read the workbook: " + e.getMessage();
                close();
            }
            this.in = null;
            return;
        }
        try {
            Path p = new Path(task.uri());
            FileSystem fs = p.getFileSystem(id.neraca.core.HadoopConf.shared());
            org.apache.hadoop.fs.FSDataInputStream file = fs.open(p);
            if (split.start() > 0) {
                file.seek(split.start() - 1);
                chunkBase = split.start() - 1;
            }
            InputStream raw = new BufferedInputStream(file, 1 << 16);
            // gzip unbuffered: readLine asks for a 64 KiB chunk, and a BufferedInputStream over the inflater keeps
            // reading to fill it, so an EOFException of a truncated file would discard the lines already inflated
            // in that chunk (a small truncated file reported "after line 0"); GZIPInputStream returns what it has
            // and throws on the next call, so every complete line before the cut is read
            opened = task.gzip() ? new GZIPInputStream(raw, 1 << 16) : raw;
        } catch (EOFException e) {
            openError = "FILE_TRUNCATED";
            openDetail = "the compressed stream ends before its first block: the file is truncated (" + e.getMessage() + ")";
        } catch (IOException e) {
            openError = "FILE_UNREADABLE";
            openDetail = "cannot open: " + e.getMessage();
        }
        this.in = opened;
    }

    /** Whether the file (gunzipped) begins with the UTF-8 byte-order mark EF BB BF; false when it cannot be read (the read says why). */
    static boolean startsWithUtf8Bom(FileTask task) {
        Path p = new Path(task.uri());
        try (InputStream raw = p.getFileSystem(id.neraca.core.HadoopConf.shared()).open(p);
             InputStream in = task.gzip() ? new GZIPInputStream(raw) : raw) {
            byte[] b = in.readNBytes(3);
            return b.length == 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the whole file (for tests and small files). */
    public static List<RawRecord> readAll(FileTask task, CompiledMapping cm) {
        List<RawRecord> out = new java.util.ArrayList<>();
        try (DumpReader r = new DumpReader(task, cm)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) next = advance();
        return next != null;
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        RawRecord r = next;
        next = null;
        return r;
    }

    private RawRecord advance() {
        if (!pending.isEmpty()) return pending.poll();
        if (openError != null) {
            done = true;
            return RawRecord.error(task.sourceFile(), split.newlinesBefore() + 1, null, openError, openDetail);
        }
        if (workbook) return nextRow();
        if (!positioned) {
            positioned = true;
            try {
                readLine();  // through the first newline at or after the byte before the range: the line before is not ours
            } catch (IOException e) {
                done = true;
                close();
                return RawRecord.error(task.sourceFile(), split.newlinesBefore() + 1, null, "FILE_UNREADABLE",
                        "cannot read from byte " + split.start() + ": " + e.getMessage());
            }
            lineNo = split.newlinesBefore() + 1;
        }
        while (true) {
            int len;
            try {
                len = nextLine();
            } catch (EOFException e) {
                done = true;
                close();
                return RawRecord.error(task.sourceFile(), lineNo + 1, null, "FILE_TRUNCATED",
                        "the compressed stream ends unexpectedly after line " + lineNo + " (" + e.getMessage()
                                + "); the file is truncated: download or export it again");
            } catch (IOException e) {
                done = true;
                close();
                return RawRecord.error(task.sourceFile(), lineNo + 1, null, "FILE_UNREADABLE",
                        "cannot read past line " + lineNo + ": " + e.getMessage());
            }
            if (len < 0) {
                done = true;
                close();
                return null;
            }
            lineNo++;
            int start = 0;
            // a byte-order mark starts the file, or, in exports joined with cat, the line where each one began
            if (len >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) start = 3;
            // the header, and what the planner skipped above it (blank lines, rows of bare delimiters), are not records
            if (skipHeader && lineNo <= task.headerLine()) continue;
            if (isBlank(start, len)) continue;
            // a row of bare delimiters (;;;;;) is a spreadsheet's empty row: no value, so no record, as in a workbook
            if (!jsonl && bareDelimiters(start, len)) continue;
            String text;
            String encodingError = null;
            try {
                text = decode(start, len);
            } catch (CharacterCodingException e) {
                text = new String(buf, start, len - start, decoder.charset());
                encodingError = "bytes that are not valid " + decoder.charset().name() + " (" + e.getMessage()
                        + "); re-export as " + decoder.charset().name() + " or set format.encoding in the mapping";
            }
            if (encodingError == null && multiline && CsvLine.split(text, task.delimiter(), quote) == null) {
                long first = lineNo;
                String record = continued(text);
                if (record != null) return csv(record, first);
            }
            if (encodingError != null && linesPath != null) {
                // an order's line that does not decode: one record, its lines unread (as a line that is no JSON)
                return RawRecord.error(task.sourceFile(), lineNo, Masking.brokenJson(text, keepInRaw()), "BAD_ENCODING", encodingError);
            }
            RawRecord r = jsonl ? json(text) : csv(text);
            if (encodingError != null) {
                return RawRecord.error(task.sourceFile(), lineNo, r.rawRow(), "BAD_ENCODING", encodingError);
            }
            return r;
        }
    }

    /** The next record of a workbook: a sheet row with a value, after the header row. */
    private RawRecord nextRow() {
        while (true) {
            XlsxWorkbook.Row row;
            try {
                row = sheetRows.next();
            } catch (IOException e) {
                done = true;
                long at = sheetRows.errorRow();
                String where = "cannot read sheet '" + book.sheetName() + "' " + sheetRows.where() + ": ";
                close();
                return RawRecord.error(task.sourceFile(), at, null, "FILE_UNREADABLE", where + e.getMessage()
                        + ". The workbook is damaged: export or download it again");
            }
            if (row == null) {
                done = true;
                close();
                return null;
            }
            if (headerRow > 0) {
                if (row.number() <= headerRow) continue;   // format.header_row, and the title rows above it
            } else if (skipHeader && !headerSeen) {
                headerSeen = true;   // the first row with a value, as the planner read it
                continue;
            }
            return sheetRecord(row);
        }
    }

    private RawRecord sheetRecord(XlsxWorkbook.Row row) {
        int width = task.columnCount();
        for (XlsxWorkbook.Cell c : row.cells()) width = Math.max(width, c.column() + 1);
        String[] f = new String[width];
        Arrays.fill(f, "");
        String problem = null;
        String code = null;
        boolean[] mapped = new boolean[width];
        for (int i : task.columnIndex()) if (i >= 0) mapped[i] = true;
        for (XlsxWorkbook.Cell c : row.cells()) {
            String cell = XlsxWorkbook.letters(c.column()) + row.number();
            try {
                f[c.column()] = cells.text(c);
            } catch (IllegalArgumentException e) {
                f[c.column()] = c.value();
                if (problem == null && mapped[c.column()]) {
                    code = "BAD_VALUE";
                    problem = "cell " + cell + ": " + e.getMessage();
                }
            }
            if (problem == null && c.kind() == XlsxWorkbook.Kind.ERROR && mapped[c.column()]) {
                code = "BAD_VALUE";
                problem = "cell " + cell + " holds the Excel error " + c.value() + " (a formula that failed): fix it in the workbook";
            }
            if (problem == null && c.column() >= task.columnCount()) {
                code = "WRONG_FIELD_COUNT";
                problem = "cell " + cell + " has a value beyond the header's " + task.columnCount() + " columns";
            }
        }
        String raw = render(f, ',', 0);
        if (problem != null) return RawRecord.error(task.sourceFile(), row.number(), raw, code, problem);
        int[] idx = task.columnIndex();
        String[] values = new String[idx.length];
        for (int i = 0; i < idx.length; i++) values[i] = idx[i] < 0 ? null : f[idx[i]];
        return new RawRecord(task.sourceFile(), row.number(), raw, values, null, null);
    }

    /**
     * Spaces and tabs only; or DOS's end-of-file mark, Ctrl-Z (0x1A), which old exporters still append: a line of it
     * alone was a WRONG_FIELD_COUNT row ("found 1"), and in a file under 20 rows tripped the 5% threshold by itself.
     */
    private boolean isBlank(int start, int len) {
        for (int i = start; i < len; i++) if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != 0x1A) return false;
        return true;
    }

    private boolean bareDelimiters(int start, int len) {
        byte d = (byte) task.delimiter();
        for (int i = start; i < len; i++) if (buf[i] != d && buf[i] != ' ' && buf[i] != '\t') return false;
        return true;
    }

    private String decode(int start, int len) throws CharacterCodingException {
        if (utf8) {
            boolean ascii = true;
            for (int i = start; i < len; i++) if (buf[i] < 0) { ascii = false; break; }
            if (ascii) return new String(buf, start, len - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        CharBuffer cb = decoder.reset().decode(ByteBuffer.wrap(buf, start, len - start));
        return cb.toString();
    }

    /**
     * Reads one line into buf (without \n or a trailing \r); returns its length, or -1 at the end of the file or
     * when the line begins at or after the split's end.
     */
    private int readLine() throws IOException {
        if (split.end() >= 0 && positioned && chunkBase + pos >= split.end()) return -1;
        int n = 0;
        boolean any = false;
        while (true) {
            if (pos == lim) {
                chunkBase += lim;
                int r = in.read(chunk, 0, chunk.length);
                pos = 0;
                lim = Math.max(r, 0);
                if (r <= 0) {
                    if (!any) return -1;
                    break;
                }
            }
            any = true;
            int i = pos;
            while (i < lim && chunk[i] != '\n') i++;
            int len = i - pos;
            if (n + len > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + len));
            System.arraycopy(chunk, pos, buf, n, len);
            n += len;
            if (i < lim) {
                pos = i + 1;
                break;
            }
            pos = lim;
        }
        if (n > 0 && buf[n - 1] == '\r') n--;
        return n;
    }

    /**
     * The next line: one pushed back by {@link #continued} or cut off by {@link #bareCr}, else the file's
     * ({@link #readLine}). A carriage return alone (not before LF; in a CSV file outside quotes) ends a line too: the
     * rows of an export written with classic Mac line ends and joined to others ({@code cat}) are rows, not one line of
     * hundreds of fields (or JSON values) counted as one row read.
     */
    private int nextLine() throws IOException {
        byte[] p = pushedBack.pollFirst();
        int n;
        if (p == null) {
            n = readLine();
        } else {
            if (p.length > buf.length) buf = Arrays.copyOf(buf, p.length);
            System.arraycopy(p, 0, buf, 0, p.length);
            n = p.length;
        }
        if (n <= 0 || workbook) return n;
        int cr = bareCr(n);
        if (cr < 0 || !jsonl && fitsHeader(n)) return n;
        pushedBack.addFirst(Arrays.copyOfRange(buf, cr + 1, n));
        return cr;
    }

    /**
     * Whether the CSV line in {@code buf[0, n)}, carriage returns and all, has the header's number of fields: then a CR
     * in it is a stray control character inside an unquoted field (a title pasted with one, from an exporter that did not
     * quote it), read as a space as before, not a line end that would cut the row in two. Rows run together by CR line
     * ends have about twice the fields or more. Bytes as ISO-8859-1: the delimiter and the quote are ASCII.
     */
    private boolean fitsHeader(int n) {
        String[] f = CsvLine.split(new String(buf, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1), task.delimiter(), quote);
        return f != null && f.length == task.columnCount();
    }

    /**
     * The first carriage return in {@code buf[0, n)} outside quotes (quotes counted from the line's start, as a record
     * starts there), or -1. A CR inside a quoted field (a line break typed on a Mac) is the field's, not a line end.
     * Bytes are compared, not characters: the quote is ASCII, which no byte of a UTF-8 sequence equals.
     */
    private int bareCr(int n) {
        if (jsonl) {
            // JSON allows no raw control character inside a string (a CR there is written \r): a raw CR is whitespace
            // between tokens, so on a JSON Lines line it can only be a line end
            for (int i = 0; i < n; i++) if (buf[i] == '\r') return i;
            return -1;
        }
        byte q = (byte) quote;
        boolean inQuotes = false;
        for (int i = 0; i < n; i++) {
            byte b = buf[i];
            if (b == q) inQuotes = !inQuotes;
            else if (b == '\r' && !inQuotes) return i;
        }
        return -1;
    }

    /**
     * A line whose quoted field is still open at its end, under format.multiline: the record continued on the
     * following lines (joined with \n) once its quotes close, with lineNo moved to its last line; or null when they do
     * not close within {@link Format#MAX_RECORD_LINES} lines, at the end of the file, at a read error or at a line that
     * is not valid in the encoding: the lines read ahead are then pushed back to be read again one by one, and the
     * first line alone is UNTERMINATED_QUOTE (an unclosed quote does not swallow the rows after it).
     */
    private String continued(String first) {
        List<byte[]> ahead = new ArrayList<>();
        StringBuilder record = new StringBuilder(first);
        String closed = null;
        while (ahead.size() < Format.MAX_RECORD_LINES - 1) {
            int len;
            try {
                len = nextLine();
            } catch (IOException e) {
                break;
            }
            if (len < 0) break;
            ahead.add(Arrays.copyOf(buf, len));
            try {
                record.append('\n').append(decode(0, len));
            } catch (CharacterCodingException e) {
                break;
            }
            if (CsvLine.split(record.toString(), task.delimiter(), quote) != null) {
                closed = record.toString();
                break;
            }
        }
        if (closed == null) {
            for (int i = ahead.size() - 1; i >= 0; i--) pushedBack.addFirst(ahead.get(i));
            return null;
        }
        lineNo += ahead.size();
        return closed;
    }

    private RawRecord csv(String line) {
        return csv(line, lineNo);
    }

    /** A CSV record that starts on line {@code first} of the file (a multiline record ends further down). */
    private RawRecord csv(String line, long first) {
        char d = task.delimiter();
        String[] f = CsvLine.split(line, d, quote);
        if (f == null) {
            return RawRecord.error(task.sourceFile(), first, maskLoose(line, d), "UNTERMINATED_QUOTE",
                    multiline ? "a quoted field is not closed within " + Format.MAX_RECORD_LINES + " lines (or by the end of the file)"
                            : "a quoted field is not closed by the end of the line (if the export writes line breaks inside "
                            + "quoted fields, such as a buyer's note, set format.multiline: true in the mapping)");
        }
        String raw = render(f, d, f.length - task.columnCount());
        if (f.length != task.columnCount()) {
            String why = "expected " + task.columnCount() + " fields separated by '" + d + "', found " + f.length;
            int extra = f.length - task.columnCount();
            boolean trailingEmpty = extra > 0;
            for (int i = task.columnCount(); i < f.length && trailingEmpty; i++) trailingEmpty = f[i].isBlank();
            if (trailingEmpty) {
                // a spreadsheet that pads its rows and not its header (or a title with an unquoted delimiter before an
                // empty last column): the fix differs, so it is said, not guessed
                why += " (the " + (extra == 1 ? "extra field is" : extra + " extra fields are") + " empty: delimiters after the "
                        + "last column, as a spreadsheet pads rows? Re-export without them, or strip the delimiters after the last column)";
            }
            return RawRecord.error(task.sourceFile(), first, raw, "WRONG_FIELD_COUNT", why);
        }
        int[] idx = task.columnIndex();
        String[] values = new String[idx.length];
        for (int i = 0; i < idx.length; i++) values[i] = idx[i] < 0 ? null : f[idx[i]];
        return new RawRecord(task.sourceFile(), first, raw, values, null, null);
    }

    /**
     * The row as raw_row: every column the mapping does not read, and every personal-data column, masked.
     * {@code shift} = fields found − fields in the header: a row with an unquoted delimiter in a title has its later
     * columns moved right (fewer fields, left), so the shop name and NPWP sit up to |shift| places from their header
     * positions; every field within |shift| places of a masked column is masked too (privacy first: the count is wrong,
     * so no position can be trusted to hold what the header says).
     */
    private String render(String[] f, char d, int shift) {
        char quote = workbook ? '"' : this.quote;
        String[] g = f.clone();
        boolean[] masked = maskedFields(f.length, shift);
        for (int i = 0; i < f.length; i++) if (masked[i] && !f[i].isEmpty()) g[i] = Masking.MASK;
        return Masking.digitRuns(CsvLine.join(g, d, quote));
    }

    /** Which of {@code n} fields to mask: the masked header columns, widened by |shift| places each way, and any beyond. */
    private boolean[] maskedFields(int n, int shift) {
        int w = Math.abs(shift);
        boolean[] m = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (i >= piiColumn.length) {
                m[i] = true;
                continue;
            }
            for (int j = Math.max(0, i - w); j <= Math.min(piiColumn.length - 1, i + w) && !m[i]; j++) m[i] = piiColumn[j];
        }
        // a row shorter than the header: fields beyond where a masked column could have moved are fine; the columns
        // past the row's end (piiColumn.length > n) may have moved into it, covered by the window above
        return m;
    }

    /** A line that does not split cleanly: mask the seller columns by a plain split on the delimiter. */
    private String maskLoose(String line, char d) {
        String[] f = line.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1);
        // a quoted field holding the delimiter splits in two here: positions cannot be trusted, widen as for a wrong count
        boolean[] masked = maskedFields(f.length, Math.max(1, Math.abs(f.length - piiColumn.length)));
        for (int i = 0; i < f.length; i++) if (masked[i] && !f[i].isEmpty()) f[i] = Masking.MASK;
        return Masking.digitRuns(String.join(String.valueOf(d), f));
    }

    private RawRecord json(String line) {
        JsonNode root;
        try (JsonParser p = json.createParser(line)) {
            root = json.readTree(p);
            // readTree stops after the first value: a second record run onto the line (a lost newline) or text after
            // the object would be dropped without a word. One trailing comma (an array written one object a line) is
            // punctuation, not data.
            int end = (int) Math.min(line.length(), Math.max(0, p.currentLocation().getCharOffset()));
            String rest = line.substring(end).strip();
            if (!rest.isEmpty() && !rest.equals(",")) {
                return badJson(line, (rest.startsWith("{") || rest.startsWith("[")
                        ? "more than one JSON value on the line (two records run together: a newline lost?)"
                        : "text after the JSON value")
                        + " at column " + (line.indexOf(rest.charAt(0), end) + 1));
            }
        } catch (IOException e) {
            return badJson(line, "not a JSON object: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (!(root instanceof ObjectNode obj)) {
            return badJson(line, "the line is not a JSON object");
        }
        if (linesPath != null) return order(obj);
        String[] values = new String[jsonPaths.size()];
        String shape = read(obj, values, false);
        maskPii(obj, false);
        maskUnmapped(obj, "");
        if (shape != null) return RawRecord.error(task.sourceFile(), lineNo, Masking.digitRuns(obj.toString()), "BAD_JSON", shape);
        return new RawRecord(task.sourceFile(), lineNo, Masking.digitRuns(obj.toString()), values, null, null);
    }

    /**
     * Reads the mapped paths of {@code root} into {@code values}: with {@code format.order_lines} those of the element
     * ({@code element}; {@code root} then holds the element at the array's path) or those of the order (not); else all.
     * Returns the first shape problem (BAD_JSON), or null. A mapped path holding an object or an array is masked in
     * {@code root}: its values are not read as anything.
     */
    private String read(ObjectNode root, String[] values, boolean element) {
        String shape = null;
        for (int i = 0; i < values.length; i++) {
            if (linesPath != null && inElement[i] != element) continue;
            String[] segs = jsonPaths.get(i);
            JsonNode v = at(root, segs);
            if (shape == null) shape = notAnObject(root, segs, linesName);
            if (v != null && v.isContainerNode()) {
                if (shape == null) shape = shapeError(String.join(".", segs), v);
                // its values are not read as anything: masked in the quarantined text like a column the mapping does not read
                JsonNode parent = segs.length == 1 ? root : at(root, Arrays.copyOf(segs, segs.length - 1));
                if (parent instanceof ObjectNode po) po.set(segs[segs.length - 1], masked(v));
            }
            // a JSON number is a number: 13.399 read by idr as text was 13,399 rupiah, and 50000.5 was refused
            values[i] = v != null && v.isNumber() ? jsonNumbers.number(i, text(v)) : text(v);
        }
        return shape;
    }

    /** Masks the personal-data paths of {@code root}: with {@code format.order_lines} an element's ({@code element}) or the order's. */
    private void maskPii(ObjectNode root, boolean element) {
        for (String p : cm.pii()) {
            if (linesName != null && cm.mapping().format().inLines(p) != element) continue;
            String[] segs = p.split("\\.");
            JsonNode parent = segs.length == 1 ? root : at(root, Arrays.copyOf(segs, segs.length - 1));
            if (parent instanceof ObjectNode po && po.hasNonNull(segs[segs.length - 1])) po.put(segs[segs.length - 1], Masking.MASK);
        }
    }

    /**
     * A JSON line that is an order whose sales lines are the elements of the array {@code format.order_lines} names
     * ({@code "items":[{...},{...}]}): one record per element, the first returned and the others queued, each with the
     * order's values (paths outside the array, read once) and its element's (paths under it). An element that is not an
     * object, or whose fields do not have the mapping's shape, is BAD_JSON alone; its siblings are read. An order whose
     * array is empty or missing is one NO_ITEMS record (an order without lines has no sale, and is not dropped silently);
     * one whose array is not an array, or sits under a value, is one BAD_JSON record.
     */
    private RawRecord order(ObjectNode obj) {
        ObjectNode parent = obj;
        for (int k = 0; k < linesPath.length - 1 && parent != null; k++) {
            JsonNode n = parent.get(linesPath[k]);
            if (n == null || n.isNull()) {
                parent = null;
            } else if (n instanceof ObjectNode o) {
                parent = o;
            } else {
                return wholeOrder(obj, "BAD_JSON", "'" + String.join(".", Arrays.copyOf(linesPath, k + 1)) + "' holds " + what(n)
                        + ", not an object: format.order_lines reads the order's lines in '" + linesName + "', inside it");
            }
        }
        String last = linesPath[linesPath.length - 1];
        JsonNode arr = parent == null ? null : parent.get(last);
        if (arr == null || arr.isNull()) {
            List<String> arrays = new ArrayList<>();
            arraysIn(obj, "", arrays);
            return wholeOrder(obj, "NO_ITEMS", "the order has no '" + linesName + "'" + (arr == null ? "" : " (null)")
                    + ", the array format.order_lines names: an order without lines has no sale to count"
                    + (arrays.isEmpty() ? "" : "; the order's arrays: " + String.join(", ", arrays) + " (is format.order_lines misspelt?)"));
        }
        if (!arr.isArray()) {
            return wholeOrder(obj, "BAD_JSON", "'" + linesName + "' holds " + what(arr) + ", not an array: format.order_lines says "
                    + "each order's lines are the elements of an array there");
        }
        if (arr.isEmpty()) {
            return wholeOrder(obj, "NO_ITEMS", "'" + linesName + "' is an empty array: the order has no lines, so no sale to count");
        }
        String[] orderValues = new String[jsonPaths.size()];
        String orderShape = read(obj, orderValues, false);
        // the order as every line's raw text shows it: masked once, its array left out (each line shows its own element)
        parent.putNull(last);
        maskPii(obj, false);
        maskUnmapped(obj, "");
        int n = arr.size();
        for (int k = 0; k < n; k++) pending.add(element(obj, orderValues, orderShape, arr.get(k), k));
        return pending.poll();
    }

    /**
     * The dotted paths of the arrays in {@code node} and the objects inside it ({@code lines}, {@code order.line_items}), not
     * those inside arrays: where an order's lines may be when {@code format.order_lines} names none. Only the top level was
     * looked at, and a misspelt {@code order.lineitems} beside {@code order.line_items} named nothing (the raw row masks the
     * unmapped array too).
     */
    private static void arraysIn(JsonNode node, String prefix, List<String> out) {
        node.fields().forEachRemaining(e -> {
            String p = prefix + e.getKey();
            if (e.getValue().isArray()) out.add(p);
            else if (e.getValue().isObject()) arraysIn(e.getValue(), p + ".", out);
        });
    }

    /** One sales line of an order: element {@code k} of its array, read with the order's values. */
    private RawRecord element(ObjectNode order, String[] orderValues, String orderShape, JsonNode e, int k) {
        String ref = linesName + "[" + k + "]";
        if (!(e instanceof ObjectNode eo)) {
            JsonNode shown = e == null || e.isNull() ? e : e.isContainerNode() ? masked(e) : com.fasterxml.jackson.databind.node.TextNode.valueOf(Masking.MASK);
            return new RawRecord(task.sourceFile(), lineNo, null, null, "BAD_JSON", "the element is "
                    + (e == null || e.isNull() ? "null" : what(e)) + ", not an object holding the line's fields", k, ref,
                    () -> lineRaw(order, k, shown));
        }
        // the element at the array's path, alone: the mapping's paths (items.price.amount) and its masking apply as written
        ObjectNode view = json.createObjectNode();
        ObjectNode at = view;
        for (int d = 0; d < linesPath.length - 1; d++) at = at.putObject(linesPath[d]);
        at.set(linesPath[linesPath.length - 1], eo);
        String[] values = orderValues.clone();
        String shape = read(view, values, true);
        if (orderShape != null) shape = orderShape;
        java.util.function.Supplier<String> raw = () -> {
            maskPii(view, true);
            maskUnmapped(view, "");
            return lineRaw(order, k, eo);
        };
        if (shape != null) return new RawRecord(task.sourceFile(), lineNo, null, null, "BAD_JSON", shape, k, ref, raw);
        return new RawRecord(task.sourceFile(), lineNo, null, values, null, null, k, ref, raw);
    }

    /**
     * The raw text of element {@code k}: its order (masked, {@code order}) with the array replaced by the element under the
     * key {@code items[k]}, in the array's place: the one line the record is, and which element of the file's line it is.
     */
    private String lineRaw(ObjectNode order, int k, JsonNode element) {
        return Masking.digitRuns(withElement(order, 0, k, element).toString());
    }

    private ObjectNode withElement(ObjectNode node, int depth, int k, JsonNode element) {
        ObjectNode c = node.objectNode();
        String key = linesPath[depth];
        boolean last = depth == linesPath.length - 1;
        node.fields().forEachRemaining(f -> {
            if (!f.getKey().equals(key)) c.set(f.getKey(), f.getValue());
            else if (last) c.set(key + "[" + k + "]", element);
            else c.set(key, withElement((ObjectNode) f.getValue(), depth + 1, k, element));
        });
        return c;
    }

    /** An order read as one record (NO_ITEMS, or BAD_JSON where its lines cannot be found): the order masked as a line is. */
    private RawRecord wholeOrder(ObjectNode obj, String code, String detail) {
        String[] ignored = new String[jsonPaths.size()];
        read(obj, ignored, false);
        JsonNode lines = at(obj, linesPath);
        maskPii(obj, false);
        maskUnmapped(obj, "");
        // an empty array holds nothing to mask, and is what the row is about: shown as it is, not as ***
        if (lines != null && lines.isArray() && lines.isEmpty() && at(obj, Arrays.copyOf(linesPath, linesPath.length - 1)) instanceof ObjectNode p) {
            p.set(linesPath[linesPath.length - 1], lines);
        }
        return RawRecord.error(task.sourceFile(), lineNo, Masking.digitRuns(obj.toString()), code, detail);
    }

    /** What a JSON value is, for a message (never its content): "a JSON array of 2 value(s)", "a string". */
    static String what(JsonNode n) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            return "a JSON object (keys: " + String.join(", ", keys.subList(0, Math.min(keys.size(), 8))) + (keys.size() > 8 ? ", ..." : "") + ")";
        }
        return n.isArray() ? "a JSON array of " + n.size() + " value(s)" : n.isNumber() ? "a number"
                : n.isTextual() ? "a string" : n.isBoolean() ? "true or false" : "a value";
    }

    /**
     * A mapped path that holds an object or an array, not a value: its JSON text was read as the value (a city
     * {@code {"id":3273,"name":"Kota Bandung"}} became a city named by that text, matched to no regency, and the seller's
     * province was lost without a word). The export's shape differs from the mapping's: the detail names the path and
     * the object's keys (never its values), so the mapping can point at a field inside it.
     */
    private static JsonNode masked(JsonNode v) {
        if (v instanceof ObjectNode o) {
            ObjectNode m = o.objectNode();
            o.fieldNames().forEachRemaining(k -> m.put(k, Masking.MASK));
            return m;
        }
        com.fasterxml.jackson.databind.node.ArrayNode a = ((com.fasterxml.jackson.databind.node.ArrayNode) v).arrayNode();
        for (int k = 0; k < v.size(); k++) a.add(Masking.MASK);
        return a;
    }

    private static String shapeError(String path, JsonNode v) {
        if (v.isObject()) {
            List<String> keys = new java.util.ArrayList<>();
            v.fieldNames().forEachRemaining(keys::add);
            String shown = String.join(", ", keys.subList(0, Math.min(keys.size(), 8))) + (keys.size() > 8 ? ", ..." : "");
            // the example: a key that names a thing (a city's "name", not its numeric "id"), else the first
            String example = keys.stream().filter(k -> List.of("name", "nama", "label", "text", "value").contains(k.toLowerCase(java.util.Locale.ROOT)))
                    .findFirst().orElse(keys.isEmpty() ? null : keys.get(0));
            return "'" + path + "' holds a JSON object (keys: " + shown + "), not a value: point the mapping at a field inside it"
                    + (example == null ? "" : " (for example path: " + path + "." + example + ")");
        }
        return "'" + path + "' holds a JSON array of " + v.size() + " value(s), not a value: the mapping reads one value per "
                + "column; point it at a field that holds one";
    }

    /**
     * A mapped path whose parent holds a value or an array, not the object the path walks into ({@code "price":34000} under
     * {@code path: price.amount}): the column was read as blank, and the row quarantined MISSING_VALUE "blank" beside a
     * raw_row showing {@code "price":"***"}, or, for an optional column, accepted without it. The export's shape differs
     * from the mapping's: the detail names the parent and what it holds (never its value). Null when every parent on the
     * path is an object, null or absent.
     */
    static String notAnObject(JsonNode root, String[] path) {
        return notAnObject(root, path, null);
    }

    /**
     * As {@link #notAnObject(JsonNode, String[])}, for a mapping whose {@code format.order_lines} is {@code orderLines}
     * (null: none): an array on the path names the key that reads its elements as lines.
     */
    static String notAnObject(JsonNode root, String[] path, String orderLines) {
        JsonNode n = root;
        for (int k = 0; k < path.length - 1; k++) {
            n = n.get(path[k]);
            if (n == null || n.isNull()) return null;
            if (n.isObject()) continue;
            String at = String.join(".", Arrays.copyOf(path, k + 1));
            String what = what(n);
            return "'" + at + "' holds " + what + ", not an object: the mapping reads '" + String.join(".", path)
                    + "', a field inside it. The export's shape differs from the mapping's: "
                    + (!n.isArray() ? "if '" + at + "' holds the value itself, point the mapping at it (path: " + at + ")"
                    : orderLines == null ? "if each JSON line is an order with its lines in this array, declare it in the "
                    + "mapping: format: {type: jsonl, order_lines: " + at + "} (each element is then one sales line, read by "
                    + "the paths under " + at + "; docs/MAPPINGS.md, \"An order's lines in an array\"); else point the mapping "
                    + "at a field that holds one value"
                    : "only the elements of '" + orderLines + "' (format.order_lines) are read as lines, and an array inside "
                    + "one or beside it is not: point the mapping at a field that holds one value");
        }
        return null;
    }

    /** Masks every value of {@code obj} not on a mapped path (a parent of one is walked into), as CSV masks unread columns. */
    private void maskUnmapped(ObjectNode obj, String prefix) {
        List<String> names = new java.util.ArrayList<>();
        obj.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            JsonNode v = obj.get(name);
            if (mappedPaths.contains(path)) continue;
            if (mappedPrefixes.contains(path) && v instanceof ObjectNode child) {
                maskUnmapped(child, path);
            } else if (v != null && !v.isNull() && !(v.isTextual() && v.asText().isEmpty())) {
                obj.put(name, Masking.MASK);
            }
        }
    }

    /**
     * A BAD_JSON record for a line that does not parse as one object: masked as a parsed record would be (values off the
     * mapped paths and personal-data values), by a scan of its text (Masking.brokenJson).
     */
    private RawRecord badJson(String line, String detail) {
        return RawRecord.error(task.sourceFile(), lineNo, Masking.brokenJson(line, keepInRaw()), "BAD_JSON", Masking.jsonError(detail));
    }

    /** The paths a line that does not parse keeps in clear in its raw text: the mapped ones that are not personal data. */
    private java.util.function.Predicate<String> keepInRaw() {
        return p -> p != null && mappedPaths.contains(p) && !cm.pii().contains(p);
    }

    private static JsonNode at(JsonNode n, String[] path) {
        for (String s : path) {
            if (n == null) return null;
            n = n.get(s);
        }
        return n;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        if (n.isBigDecimal()) return n.decimalValue().toPlainString();
        if (n.isValueNode()) return n.asText();
        return n.toString();
    }

    @Override
    public void close() {
        try {
            if (in != null) in.close();
        } catch (IOException ignored) {
            // closing after a read error: nothing more to do
        }
        try {
            if (sheetRows != null) sheetRows.close();
            if (book != null) book.close();
        } catch (IOException ignored) {
            // closing after a read error: nothing more to do
        }
        sheetRows = null;
        book = null;
        if (local != null) local.close();
        local = null;
    }
}
