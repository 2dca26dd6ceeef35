package id.neraca.core;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reading one of neraca's own small, unpartitioned Parquet tables on the driver, without a Spark job.
 *
 * <p>Why: a query over a table of a few dozen rows (a headline of one row per month, the projection's targets, the
 * reconciliation) costs a Spark job, its planning and its generated code: 60 – 100 ms each on two cores, and a whole
 * {@code neraca run} made some twenty of them to read back small tables it had just written, and eight more to copy
 * eight of them to CSV (docs/BENCHMARKS.md, twenty-sixth session). Reading such a file is one small read of a local
 * or remote file: this does it with parquet-mr (which Spark itself writes with) on the driver.
 *
 * <p>What it reads: a folder of Parquet files that Spark wrote (the footer's {@value ParquetReads#SPARK_SCHEMA_KEY}
 * gives the Spark schema; every file the same), rows in file-name order and, within a file, in written order (one
 * file for every table {@code aggregate.Tables} writes). Values as Spark's {@code Row} gives them:
 * {@code String}, {@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code Double}, {@code Float},
 * {@code Boolean}, {@code BigDecimal} at the column's scale, {@code java.sql.Date} and {@code java.sql.Timestamp}
 * (proleptic Gregorian: neraca writes no date before 1900), null for a missing value. Anything else (a nested column,
 * binary, a subfolder, a file without a Spark schema, files over {@code maxBytes}) gives empty, and the caller reads
 * the table with Spark; {@code SmallParquetTest} holds every table a run writes to Spark's own reading of it.
 */
public final class SmallParquet {
    /** The largest table read on the driver by default: far above any of the small tables, far below a heap. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;

    private SmallParquet() {}

    /** A table's Spark schema and its rows. */
    public record Table(StructType schema, List<Row> rows) {}

    /** {@code dir}'s rows, or empty when it cannot be read on the driver (see the class comment). */
    public static Optional<Table> read(FileSystem fs, Path dir) {
        return read(fs, dir, DEFAULT_MAX_BYTES);
    }

    /** As {@link #read(FileSystem, Path)}, up to {@code maxBytes} of Parquet. */
    public static Optional<Table> read(FileSystem fs, Path dir, long maxBytes) {
        List<Row> rows = new ArrayList<>();
        Optional<StructType> schema = stream(fs, dir, maxBytes, rows::add);
        return schema.map(s -> new Table(s, List.copyOf(rows)));
    }

    /**
     * Streams {@code dir}'s rows to {@code sink} one row group at a time (memory: one row group, not the table), and
     * returns the schema; empty, before any row reached {@code sink}, when the folder cannot be read on the driver.
     * An I/O error after the first row fails with {@link UncheckedIOException}.
     */
    public static Optional<StructType> stream(FileSystem fs, Path dir, long maxBytes, Consumer<Row> sink) {
        List<FileStatus> files;
        StructType schema = null;
        List<Column> columns = null;
        try {
            FileStatus[] all = fs.listStatus(dir);
            if (Arrays.stream(all).anyMatch(FileStatus::isDirectory)) return Optional.empty();
            files = Arrays.stream(all)
                    .filter(s -> s.isFile() && s.getLen() > 0)
                    .filter(s -> {
                        String n = s.getPath().getName();
                        return !n.startsWith("_") && !n.startsWith(".") && n.endsWith(".parquet");
                    })
                    .sorted(Comparator.comparing(s -> s.getPath().getName()))
                    .toList();
            if (files.isEmpty() || files.stream().mapToLong(FileStatus::getLen).sum() > maxBytes) return Optional.empty();
            // every file's footer first: a folder read only when each of its files can be
            for (FileStatus f : files) {
                try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromStatus(f, fs.getConf()))) {
                    String json = r.getFooter().getFileMetaData().getKeyValueMetaData().get(ParquetReads.SPARK_SCHEMA_KEY);
                    if (json == null || !(DataType.fromJson(json) instanceof StructType written)) return Optional.empty();
                    StructType s = nullable(written);
                    if (schema != null && !schema.equals(s)) return Optional.empty();
                    schema = s;
                    Optional<List<Column>> c = columns(s, r.getFooter().getFileMetaData().getSchema());
                    if (c.isEmpty()) return Optional.empty();
                    if (columns == null) columns = c.get();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the caller's Spark read reports the problem in its own words
        }
        try {
            for (FileStatus f : files) {
                try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromStatus(f, fs.getConf()))) {
                    MessageType fileSchema = r.getFooter().getFileMetaData().getSchema();
                    List<Column> cols = columns(schema, fileSchema).orElseThrow();
                    MessageColumnIO io = new ColumnIOFactory().getColumnIO(fileSchema);
                    PageReadStore pages;
                    while ((pages = r.readNextRowGroup()) != null) {
                        RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(fileSchema));
                        for (long i = 0, n = pages.getRowCount(); i < n; i++) sink.accept(row(records.read(), cols, schema));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
        return Optional.of(schema);
    }

    /** Every field nullable, as Spark reads a file (whatever the writer declared). */
    private static StructType nullable(StructType t) {
        StructField[] f = t.fields().clone();
        for (int i = 0; i < f.length; i++) f[i] = new StructField(f[i].name(), f[i].dataType(), true, f[i].metadata());
        return new StructType(f);
    }

    /** How one Spark column is found in a file and turned into the value Spark's Row holds. */
    private record Column(int index, Kind kind, int scale) {}

    private enum Kind { STRING, INT, LONG, SHORT, BYTE, DOUBLE, FLOAT, BOOLEAN, DECIMAL_INT, DECIMAL_LONG, DECIMAL_BINARY,
        DATE, TIMESTAMP_MICROS, TIMESTAMP_MILLIS, TIMESTAMP_INT96 }

    /** Each Spark field's column in the file, or empty when one is not a type read here. */
    private static Optional<List<Column>> columns(StructType spark, MessageType file) {
        List<Column> out = new ArrayList<>();
        for (StructField f : spark.fields()) {
            if (!file.containsField(f.name())) return Optional.empty();
            int index = file.getFieldIndex(f.name());
            Type t = file.getType(index);
            if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) return Optional.empty();
            Optional<Kind> k = kind(f.dataType(), t.asPrimitiveType());
            if (k.isEmpty()) return Optional.empty();
            int scale = f.dataType() instanceof DecimalType d ? d.scale() : 0;
            out.add(new Column(index, k.get(), scale));
        }
        return Optional.of(out);
    }

    private static Optional<Kind> kind(DataType dt, PrimitiveType p) {
        PrimitiveType.PrimitiveTypeName n = p.getPrimitiveTypeName();
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        Kind k = null;
        if (dt.equals(DataTypes.StringType) && n == PrimitiveType.PrimitiveTypeName.BINARY) k = Kind.STRING;
        else if (dt.equals(DataTypes.IntegerType) && n == PrimitiveType.PrimitiveTypeName.INT32) k = Kind.INT;
        else if (dt.equals(DataTypes.ShortType) && n == PrimitiveType.PrimitiveTypeName.INT32) k = Kind.SHORT;
        else if (dt.equals(DataTypes.ByteType) && n == PrimitiveType.PrimitiveTypeName.INT32) k = Kind.BYTE;
        else if (dt.equals(DataTypes.LongType) && n == PrimitiveType.PrimitiveTypeName.INT64) k = Kind.LONG;
        else if (dt.equals(DataTypes.DoubleType) && n == PrimitiveType.PrimitiveTypeName.DOUBLE) k = Kind.DOUBLE;
        else if (dt.equals(DataTypes.FloatType) && n == PrimitiveType.PrimitiveTypeName.FLOAT) k = Kind.FLOAT;
        else if (dt.equals(DataTypes.BooleanType) && n == PrimitiveType.PrimitiveTypeName.BOOLEAN) k = Kind.BOOLEAN;
        else if (dt.equals(DataTypes.DateType) && n == PrimitiveType.PrimitiveTypeName.INT32) k = Kind.DATE;
        else if (dt instanceof DecimalType d && a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation da
                && da.getScale() == d.scale()) {
            k = switch (n) {
                case INT32 -> Kind.DECIMAL_INT;
                case INT64 -> Kind.DECIMAL_LONG;
                case FIXED_LEN_BYTE_ARRAY, BINARY -> Kind.DECIMAL_BINARY;
                default -> null;
            };
        } else if (dt.equals(DataTypes.TimestampType)) {
            if (n == PrimitiveType.PrimitiveTypeName.INT96) {
                k = Kind.TIMESTAMP_INT96;
            } else if (n == PrimitiveType.PrimitiveTypeName.INT64
                    && a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ta && ta.isAdjustedToUTC()) {
                k = switch (ta.getUnit()) {
                    case MICROS -> Kind.TIMESTAMP_MICROS;
                    case MILLIS -> Kind.TIMESTAMP_MILLIS;
                    default -> null;
                };
            }
        }
        return Optional.ofNullable(k);
    }

    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    private static Row row(Group g, List<Column> cols, StructType schema) {
        Object[] v = new Object[cols.size()];
        for (int i = 0; i < v.length; i++) {
            Column c = cols.get(i);
            int f = c.index();
            if (g.getFieldRepetitionCount(f) == 0) continue; // null
            v[i] = switch (c.kind()) {
                case STRING -> g.getString(f, 0);
                case INT -> g.getInteger(f, 0);
                case SHORT -> (short) g.getInteger(f, 0);
                case BYTE -> (byte) g.getInteger(f, 0);
                case LONG -> g.getLong(f, 0);
                case DOUBLE -> g.getDouble(f, 0);
                case FLOAT -> g.getFloat(f, 0);
                case BOOLEAN -> g.getBoolean(f, 0);
                case DECIMAL_INT -> BigDecimal.valueOf(g.getInteger(f, 0), c.scale());
                case DECIMAL_LONG -> BigDecimal.valueOf(g.getLong(f, 0), c.scale());
                case DECIMAL_BINARY -> new BigDecimal(new BigInteger(g.getBinary(f, 0).getBytes()), c.scale());
                case DATE -> java.sql.Date.valueOf(java.time.LocalDate.ofEpochDay(g.getInteger(f, 0)));
                case TIMESTAMP_MICROS -> timestamp(Math.floorDiv(g.getLong(f, 0), 1_000_000L), Math.floorMod(g.getLong(f, 0), 1_000_000L) * 1_000L);
                case TIMESTAMP_MILLIS -> timestamp(Math.floorDiv(g.getLong(f, 0), 1_000L), Math.floorMod(g.getLong(f, 0), 1_000L) * 1_000_000L);
                case TIMESTAMP_INT96 -> {
                    NanoTime t = NanoTime.fromBinary(g.getInt96(f, 0));
                    long nanosOfDay = t.getTimeOfDayNanos();
                    long seconds = (t.getJulianDay() - JULIAN_DAY_OF_EPOCH) * 86_400L + Math.floorDiv(nanosOfDay, 1_000_000_000L);
                    yield timestamp(seconds, Math.floorMod(nanosOfDay, 1_000_000_000L));
                }
            };
        }
        return new GenericRowWithSchema(v, schema); // by name too, as a collected Row
    }

    private static java.sql.Timestamp timestamp(long epochSecond, long nanos) {
        return java.sql.Timestamp.from(java.time.Instant.ofEpochSecond(epochSecond, nanos));
    }
}
