package id.neraca.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One dump file as planned on the driver: where to read it, which mapping, and for CSV the layout found in its
 * header. Tasks read files, never the driver.
 *
 * @param sourceFile       path relative to --dumps (a zip entry as {@code dir/archive.zip/entry.csv}); written as lineage
 * @param uri              where the bytes are (a local temp file for zip entries)
 * @param mapping          mapping name
 * @param exportKey        orders exports: the greatest wins a duplicate (docs/MAPPINGS.md "export_order")
 * @param gzip             decompress while reading
 * @param delimiter        CSV: the delimiter chosen from the header (an .xlsx workbook: ',', for raw_row)
 * @param columnIndex      CSV and .xlsx: for each source of the mapping, the column index in this file, or -1 (optional, absent)
 * @param piiIndex         CSV and .xlsx: column indexes masked in raw_row
 * @param columnCount      CSV and .xlsx: number of header columns
 * @param splitBytes       a large plain CSV or JSON Lines file (never a gzip file or a workbook) is read as byte ranges of this size by parallel tasks;
 *                         0: one task reads the whole file
 * @param boundaryNewlines with {@code splitBytes}: for each range after the first (k = 1, 2, ...), the number of
 *                         newline bytes before byte {@code k × splitBytes − 1}, counted by the planner while it
 *                         checksums the file, so a task starting mid-file knows its physical line numbers
 * @param headerLine       CSV with a header: its physical line, the file's first line with a value (1 unless blank lines
 *                         or rows of bare delimiters precede it); lines up to it are not records
 */
public record FileTask(
        String sourceFile,
        String uri,
        String mapping,
        String exportKey,
        boolean gzip,
        char delimiter,
        int[] columnIndex,
        int[] piiIndex,
        int columnCount,
        long bytes,
        String sha256,
        long splitBytes,
        long[] boundaryNewlines,
        long headerLine) implements Serializable {

    /** A file read whole by one task, its header (if any) on line 1. */
    public FileTask(String sourceFile, String uri, String mapping, String exportKey, boolean gzip, char delimiter,
                    int[] columnIndex, int[] piiIndex, int columnCount, long bytes, String sha256) {
        this(sourceFile, uri, mapping, exportKey, gzip, delimiter, columnIndex, piiIndex, columnCount, bytes, sha256, 0, null);
    }

    /** A file whose header (if any) is on line 1. */
    public FileTask(String sourceFile, String uri, String mapping, String exportKey, boolean gzip, char delimiter,
                    int[] columnIndex, int[] piiIndex, int columnCount, long bytes, String sha256, long splitBytes,
                    long[] boundaryNewlines) {
        this(sourceFile, uri, mapping, exportKey, gzip, delimiter, columnIndex, piiIndex, columnCount, bytes, sha256,
                splitBytes, boundaryNewlines, 1);
    }

    /**
     * What tasks read: the whole file, or for a split file one range per boundary. A range owns the lines that
     * begin inside it (a line begins at byte 0 or after a newline); the line that crosses its end is read to its end.
     */
    public List<Split> splits() {
        if (splitBytes <= 0 || boundaryNewlines == null || boundaryNewlines.length == 0) return List.of(new Split(this, 0, -1, 0));
        List<Split> out = new ArrayList<>(boundaryNewlines.length + 1);
        int n = boundaryNewlines.length;
        out.add(new Split(this, 0, splitBytes, 0));
        for (int k = 1; k <= n; k++) {
            out.add(new Split(this, k * splitBytes, k == n ? -1 : (k + 1) * splitBytes, boundaryNewlines[k - 1]));
        }
        return out;
    }

    /**
     * A byte range of a file for one reader.
     *
     * @param start          first byte (0: the file's beginning)
     * @param end            the range owns lines beginning before this byte; -1: to the end of the file
     * @param newlinesBefore newline bytes before byte {@code start − 1} (0 for the first range)
     */
    public record Split(FileTask task, long start, long end, long newlinesBefore) implements Serializable {
        /** Bytes in the range, for balancing tasks. */
        public long length() {
            return (end < 0 ? Math.max(task.bytes(), start) : end) - start;
        }
    }
}
