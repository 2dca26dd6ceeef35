package id.neraca.aggregate;

import id.neraca.core.NeracaException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.IOException;

/**
 * Writes small result tables deterministically: sorted, one file each, fixed file names, no
 * {@code _SUCCESS} or checksum side files, and a canonical Parquet footer ({@link ParquetFooters}: parquet-mr
 * lists each column's encodings in an order that changes between JVM processes), so the same rows give
 * byte-identical files on every run, in any JVM, local or on a cluster.
 * A table {@code name} under a staged folder becomes {@code <folder>/<name>/part-00000.parquet} and, when
 * asked, {@code <folder>/<name>.csv} (header, {@code .} decimal point, no thousands separator, empty
 * field for null).
 */
public final class Tables {
    private Tables() {}

    public static void write(FileSystem fs, String folder, String name, Dataset<Row> table, Column[] order,
                             boolean csvCopy) {
        // one partition sorted in place: no range-partitioning sample job, as orderBy() would run for a single file
        Dataset<Row> sorted = table.repartition(1).sortWithinPartitions(order);
        String parquetDir = folder + "/" + name;
        sorted.write().mode("overwrite").parquet(parquetDir);
        tidy(fs, new Path(parquetDir), "part-00000.parquet", ".parquet");
        ParquetFooters.canonicalise(raw(fs), new Path(parquetDir, "part-00000.parquet"));
        if (csvCopy) {
            String tmp = folder + "/.tmp-" + name + "-csv";
            // the CSV copy from the file just written (its rows in order), not by computing the table again
            table.sparkSession().read().schema(table.schema()).parquet(parquetDir).coalesce(1).write().mode("overwrite")
                    .option("header", "true")
                    .option("nullValue", "")
                    .option("emptyValue", "")
                    .option("lineSep", "\n")
                    .option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss'Z'")
                    .csv(tmp);
            try {
                Path target = new Path(folder, name + ".csv");
                fs.delete(target, false);
                Path part = singleOrNull(fs, new Path(tmp), ".csv");
                if (part == null) {
                    // an empty table: Spark writes no CSV part, the copy still carries its header
                    try (var o = fs.create(target, true)) {
                        o.write((String.join(",", table.columns()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                } else if (!fs.rename(part, target)) {
                    throw new IOException("rename " + part + " -> " + target + " failed");
                }
                fs.delete(new Path(tmp), true);
                raw(fs).delete(new Path(folder, "." + name + ".csv.crc"), false);
            } catch (IOException e) {
                throw NeracaException.other("%s: cannot write the CSV copy of '%s': %s", folder, name, e.getMessage());
            }
        }
    }

    /** Writes a small text file (JSON) into a staged folder, without checksum side files. */
    public static void writeText(FileSystem fs, String folder, String name, String text) {
        Path target = new Path(folder, name);
        try (var o = raw(fs).create(target, true)) {
            o.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot write: %s", target, e.getMessage());
        }
    }

    /** Keeps the one data file of a coalesced write under a fixed name and removes Spark's side files. */
    private static void tidy(FileSystem fs, Path dir, String fixedName, String ext) {
        try {
            Path part = single(fs, dir, ext);
            Path target = new Path(dir, fixedName);
            if (!part.equals(target) && !fs.rename(part, target)) {
                throw new IOException("rename " + part + " -> " + target + " failed");
            }
            // the raw file system lists the checksum side files a ChecksumFileSystem hides
            FileSystem raw = raw(fs);
            for (FileStatus s : raw.listStatus(dir)) {
                String n = s.getPath().getName();
                if (!n.equals(fixedName)) raw.delete(s.getPath(), true);
            }
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot tidy the written table: %s", dir, e.getMessage());
        }
    }

    private static FileSystem raw(FileSystem fs) {
        return fs instanceof org.apache.hadoop.fs.ChecksumFileSystem c ? c.getRawFileSystem() : fs;
    }

    private static Path single(FileSystem fs, Path dir, String ext) throws IOException {
        Path found = singleOrNull(fs, dir, ext);
        if (found == null) throw new IOException("no data file written in " + dir);
        return found;
    }

    private static Path singleOrNull(FileSystem fs, Path dir, String ext) throws IOException {
        Path found = null;
        for (FileStatus s : fs.listStatus(dir)) {
            String n = s.getPath().getName();
            if (n.startsWith("part-") && n.endsWith(ext)) {
                if (found != null) throw new IOException("more than one data file in " + dir);
                found = s.getPath();
            }
        }
        return found;
    }
}
