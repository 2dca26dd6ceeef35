package id.neraca.aggregate;

import id.neraca.core.NeracaException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import id.neraca.core.ParquetReads;
import id.neraca.core.SmallParquet;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.csv.CSVOptions;
import org.apache.spark.sql.catalyst.csv.UnivocityGenerator;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;

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
            Path target = new Path(folder, name + ".csv");
            try {
                fs.delete(target, false);
                // on the driver from the file just written, formatted by Spark's own CSV generator: no Spark job
                // (core.SmallParquet); a file it cannot read there is copied by a Spark job, as before
                if (!csvOnDriver(fs, new Path(parquetDir), target, table.sparkSession())) {
                    csvBySpark(fs, folder, name, table, parquetDir, target);
                }
                raw(fs).delete(new Path(folder, "." + name + ".csv.crc"), false);
            } catch (IOException | java.io.UncheckedIOException e) {
                throw NeracaException.other("%s: cannot write the CSV copy of '%s': %s", folder, name, e.getMessage());
            }
        }
    }

    /** The CSV copies' options (docs/OUTPUTS.md): header, {@code .} decimal point, empty field for null. */
    static final Map<String, String> CSV_OPTIONS = Map.of(
            "header", "true",
            "nullValue", "",
            "emptyValue", "",
            "lineSep", "\n",
            "timestampFormat", "yyyy-MM-dd'T'HH:mm:ss'Z'");

    /** The largest Parquet file whose CSV copy is written on the driver (streamed: one row group in memory). */
    static final long CSV_ON_DRIVER_MAX_BYTES = 256L << 20;

    /**
     * Writes {@code target} from the Parquet folder {@code parquetDir} on the driver, byte for byte what Spark's CSV
     * writer makes of it with {@link #CSV_OPTIONS} ({@code TablesCsvTest}); false, having written nothing, when the
     * folder is not one {@link SmallParquet} reads.
     */
    static boolean csvOnDriver(FileSystem fs, Path parquetDir, Path target, SparkSession spark) throws IOException {
        Optional<StructType> schema = ParquetReads.sparkSchema(fs, parquetDir);
        if (schema.isEmpty()) return false;
        CSVOptions options = new CSVOptions(scala.collection.immutable.Map.from(
                scala.jdk.javaapi.CollectionConverters.asScala(CSV_OPTIONS)), false,
                spark.sessionState().conf().sessionLocalTimeZone());
        scala.Function1<Object, Object> toInternal = CatalystTypeConverters.createToCatalystConverter(schema.get());
        boolean read;
        try (OutputStream out = raw(fs).create(target, true);
             Writer w = new OutputStreamWriter(out, java.nio.charset.Charset.forName(options.charset()))) {
            UnivocityGenerator gen = new UnivocityGenerator(schema.get(), w, options);
            gen.writeHeaders(); // as Spark's CsvOutputWriter does with header=true
            read = SmallParquet.stream(fs, parquetDir, CSV_ON_DRIVER_MAX_BYTES,
                    r -> gen.write((InternalRow) toInternal.apply(r))).isPresent();
            gen.flush();
        }
        if (!read) raw(fs).delete(target, false);
        return read;
    }

    /** The CSV copy by a Spark job, from the file just written (its rows in order), not by computing the table again. */
    static void csvBySpark(FileSystem fs, String folder, String name, Dataset<Row> table, String parquetDir, Path target)
            throws IOException {
        String tmp = folder + "/.tmp-" + name + "-csv";
        table.sparkSession().read().schema(table.schema()).parquet(parquetDir).coalesce(1).write().mode("overwrite")
                .options(CSV_OPTIONS).csv(tmp);
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
