package id.neraca.aggregate;

import id.neraca.core.NeracaException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Makes a Parquet file's footer independent of the JVM process that wrote it.
 *
 * <p>Why: parquet-mr 1.17 (the writer Spark 4.2 uses) gathers each column chunk's encodings in a
 * {@code HashSet<Encoding>}; {@code Encoding} is an enum, whose hash code is the object's identity hash, so the
 * order of {@code ColumnMetaData.encodings} in the footer changes from one JVM process to the next. Nothing else
 * in the file does (data pages, statistics, column and offset indexes, key-value metadata and {@code created_by}
 * are the same). The format treats that list as a set, so sorting it by the encoding's Thrift value changes no
 * meaning and gives the same bytes on every run.
 *
 * <p>How: the file ends in {@code [footer][4-byte little-endian footer length]["PAR1"]}. The footer is decoded,
 * each chunk's encodings sorted and the footer encoded again; it keeps its length (the same list elements), so
 * the data pages and every offset stay where they are and only the footer bytes are replaced. File systems
 * cannot rewrite a file in place (HDFS, object stores), so the canonical file is written next to the original
 * under a hidden name and then replaces it. Any surprise (not {@code PAR1}, an encrypted footer, a footer the
 * Thrift classes cannot reproduce byte for byte, a length change) fails loudly rather than writing a file that
 * might differ in more than the order of a set.
 */
final class ParquetFooters {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL = 8; // footer length (4) + magic (4)
    private static final Comparator<Encoding> BY_VALUE = Comparator.comparingInt(Encoding::getValue);

    private ParquetFooters() {}

    /**
     * Rewrites {@code file} with its canonical footer, unless the footer is canonical already.
     * Use a file system without checksum side files (the raw local one) or remove them afterwards.
     *
     * @return whether the file was rewritten
     */
    static boolean canonicalise(FileSystem fs, Path file) {
        try {
            long len = fs.getFileStatus(file).getLen();
            if (len < MAGIC.length + TAIL) throw fail(file, "%d bytes, too short for a Parquet file", len);
            byte[] head = new byte[MAGIC.length];
            byte[] tail = new byte[TAIL];
            byte[] footer;
            long footerStart;
            try (FSDataInputStream in = fs.open(file)) {
                in.readFully(0, head);
                in.readFully(len - TAIL, tail);
                checkMagic(file, head, tail);
                int footerLen = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                footerStart = len - TAIL - footerLen;
                if (footerLen <= 0 || footerStart < MAGIC.length) {
                    throw fail(file, "footer length %d does not fit a file of %d bytes", footerLen, len);
                }
                footer = new byte[footerLen];
                in.readFully(footerStart, footer);
            }
            byte[] canonical = canonicalFooter(footer, file.toString());
            if (canonical == footer) return false;

            Path tmp = new Path(file.getParent(), "." + file.getName() + ".canonical");
            try (FSDataInputStream in = fs.open(file); FSDataOutputStream out = fs.create(tmp, true)) {
                copy(in, out, footerStart, file);
                out.write(canonical);
                out.write(tail); // same footer length, same magic
            }
            long written = fs.getFileStatus(tmp).getLen();
            if (written != len) {
                fs.delete(tmp, false);
                throw fail(file, "the rewritten file has %d bytes instead of %d", written, len);
            }
            // inside a staged output folder: a crash between these two steps leaves an uncommitted folder only
            if (!fs.delete(file, false) || !fs.rename(tmp, file)) {
                throw fail(file, "cannot replace it with %s", tmp);
            }
            return true;
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot canonicalise the Parquet footer: %s", file, e.getMessage());
        }
    }

    /**
     * The canonical form of a serialized Parquet footer ({@code FileMetaData}): every column chunk's
     * {@code encodings} sorted by Thrift value. Returns {@code footer} itself when it is canonical already,
     * otherwise a new array of the same length.
     */
    static byte[] canonicalFooter(byte[] footer, String where) throws IOException {
        FileMetaData md = read(footer);
        // the sort below must be the only change: fields these Thrift classes did not know would be dropped
        if (!Arrays.equals(write(md), footer)) {
            throw fail(where, "its footer does not re-encode to the same bytes (written by another Parquet version?)");
        }
        boolean changed = false;
        for (RowGroup rg : md.getRow_groups()) {
            for (ColumnChunk cc : rg.getColumns()) {
                if (!cc.isSetMeta_data() || !cc.getMeta_data().isSetEncodings()) continue;
                ColumnMetaData cm = cc.getMeta_data();
                List<Encoding> sorted = new ArrayList<>(cm.getEncodings());
                sorted.sort(BY_VALUE);
                if (!sorted.equals(cm.getEncodings())) {
                    cm.setEncodings(sorted);
                    changed = true;
                }
            }
        }
        if (!changed) return footer;
        byte[] canonical = write(md);
        if (canonical.length != footer.length) {
            throw fail(where, "the canonical footer has %d bytes instead of %d", canonical.length, footer.length);
        }
        return canonical;
    }

    static FileMetaData read(byte[] footer) throws IOException {
        return Util.readFileMetaData(new ByteArrayInputStream(footer));
    }

    static byte[] write(FileMetaData md) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Util.writeFileMetaData(md, out);
        return out.toByteArray();
    }

    private static void checkMagic(Path file, byte[] head, byte[] tail) {
        byte[] end = Arrays.copyOfRange(tail, 4, TAIL);
        if (Arrays.equals(end, "PARE".getBytes(StandardCharsets.US_ASCII))) {
            throw fail(file, "it has an encrypted footer, which neraca does not write");
        }
        if (!Arrays.equals(head, MAGIC) || !Arrays.equals(end, MAGIC)) {
            throw fail(file, "it does not start and end with PAR1, so it is not a whole Parquet file");
        }
    }

    private static void copy(FSDataInputStream in, FSDataOutputStream out, long n, Path file) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) throw fail(file, "ended %d bytes early while copying its data pages", left);
            out.write(buf, 0, r);
            left -= r;
        }
    }

    private static NeracaException fail(Object where, String fmt, Object... args) {
        return NeracaException.other("%s: cannot canonicalise the Parquet footer: %s", where, String.format(Locale.ROOT, fmt, args));
    }
}
