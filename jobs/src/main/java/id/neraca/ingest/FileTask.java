package id.neraca.ingest;

import java.io.Serializable;

/**
 * One dump file as planned on the driver: where to read it, which mapping, and for CSV the layout found in its
 * header. Tasks read files, never the driver.
 *
 * @param sourceFile  path relative to --dumps (a zip entry as {@code dir/archive.zip/entry.csv}); written as lineage
 * @param uri         where the bytes are (a local temp file for zip entries)
 * @param mapping     mapping name
 * @param exportKey   orders exports: the greatest wins a duplicate (docs/MAPPINGS.md "export_order")
 * @param gzip        decompress while reading
 * @param delimiter   CSV: the delimiter chosen from the header
 * @param columnIndex CSV: for each source of the mapping, the column index in this file, or -1 (optional, absent)
 * @param piiIndex    CSV: column indexes masked in raw_row
 * @param columnCount CSV: number of header columns
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
        String sha256) implements Serializable {}
