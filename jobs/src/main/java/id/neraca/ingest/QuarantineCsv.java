package id.neraca.ingest;

import id.neraca.core.NeracaException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code out/quarantine.csv}: the rows of {@code out/quarantine/} as CSV, for readers without a Parquet library (an
 * economist's spreadsheet, pandas without pyarrow). The same rows and columns as the Parquet table (source_file,
 * source_line, marketplace, reason_code, reason_detail, raw_row; raw_row masked as there), in its order: by source file,
 * then line, then reason (IngestDumps sorts the one Parquet file so), so that a rerun on the same dumps writes the same
 * bytes. UTF-8, a header row, {@code ,} separator, {@code \n} line ends, an empty field for null; a field holding a
 * comma, a quote or a line break is quoted, a quote doubled (RFC 4180: what a spreadsheet and pandas read by default;
 * a raw row is often a CSV line with quotes of its own).
 *
 * <p>Written on the driver from the Parquet file just written to staging, a row at a time: no Spark job, memory
 * independent of the row count, and the history of the files an incremental run did not re-read is in it because it is
 * in the Parquet table.
 */
public final class QuarantineCsv {
    private QuarantineCsv() {}

    /** Writes {@code csvFile} from the Parquet data files of {@code parquetDir} (in name order); returns the rows written. */
    public static long write(FileSystem fs, String parquetDir, String csvFile) {
        String[] names = IngestSchemas.QUARANTINE.fieldNames();
        long rows = 0;
        try (Writer w = new BufferedWriter(new OutputStreamWriter(fs.create(new Path(csvFile), true), StandardCharsets.UTF_8), 1 << 16)) {
            w.write(String.join(",", names));
            w.write('\n');
            for (Path part : parts(fs, new Path(parquetDir))) {
                try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), part).withConf(fs.getConf()).build()) {
                    for (Group g = r.read(); g != null; g = r.read()) {
                        for (int i = 0; i < names.length; i++) {
                            if (i > 0) w.write(',');
                            if (g.getFieldRepetitionCount(names[i]) == 0) continue;   // null: an empty field
                            w.write(field(i == 1 ? Long.toString(g.getLong(names[i], 0)) : g.getString(names[i], 0)));
                        }
                        w.write('\n');
                        rows++;
                    }
                }
            }
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot write the CSV copy of the quarantine: %s", csvFile, e.getMessage());
        }
        return rows;
    }

    /**
     * One CSV field: quoted when it holds a comma, a quote or a line break, its quotes doubled. A field that begins with
     * {@code = + - @}, a tab or a carriage return gets a leading {@code '} first: a spreadsheet would run it as a formula
     * (a dump's title is the seller's text; {@code =HYPERLINK(...)} in a rejected row would run on the economist's machine:
     * OWASP, "CSV Injection"). The Parquet table keeps the text as read.
     */
    static String field(String v) {
        v = id.neraca.core.SpreadsheetText.guard(v);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static List<Path> parts(FileSystem fs, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (FileStatus s : fs.listStatus(dir)) {
            String n = s.getPath().getName();
            if (n.startsWith("part-") && n.endsWith(".parquet")) out.add(s.getPath());
        }
        out.sort(Comparator.comparing(Path::getName));
        return out;
    }
}
