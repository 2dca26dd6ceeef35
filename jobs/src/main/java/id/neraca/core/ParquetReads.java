package id.neraca.core;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * Reading one of neraca's own unpartitioned Parquet outputs without a Spark job for its schema.
 *
 * <p>{@code spark.read().parquet(dir)} infers the schema with a Spark job that opens a data file's footer
 * ({@code ParquetFileFormat.mergeSchemasInParallel}, even for one file and {@code mergeSchema} off): 25 – 60 ms
 * of fixed cost each, and the projection and the report read ten small tables (docs/BENCHMARKS.md, twenty-third
 * session). The schema Spark wrote is in that footer's key-value metadata ({@value #SPARK_SCHEMA_KEY}); this reads
 * it on the driver (one small read of the file's tail) and hands it to {@code spark.read().schema(...)}, which is
 * the schema Spark's own inference returns for such a file: Spark prefers that same metadata over the Parquet schema
 * ({@code ParquetFileFormat.readSchemaFromFooter}).
 *
 * <p>A folder with subfolders (a partitioned table), without a data file, or whose footer holds no Spark schema (a
 * file written by another tool) is read the usual way, with inference.
 */
public final class ParquetReads {
    /** The footer key under which Spark stores a file's schema as JSON ({@code ParquetReadSupport.SPARK_METADATA_KEY}). */
    static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    private ParquetReads() {}

    /** {@code dir} read as Parquet, with the schema from its first data file's footer when it has one. */
    public static Dataset<Row> read(SparkSession spark, FileSystem fs, String dir) {
        Optional<StructType> schema = sparkSchema(fs, new Path(dir));
        return schema.isPresent() ? spark.read().schema(schema.get()).parquet(dir) : spark.read().parquet(dir);
    }

    /**
     * The Spark schema in the footer of the first data file (by name) of an unpartitioned Parquet folder; empty when
     * the folder has a subfolder, no data file, or no Spark schema in that footer, or cannot be read (the caller's
     * Spark read then reports the problem in its own words).
     */
    public static Optional<StructType> sparkSchema(FileSystem fs, Path dir) {
        try {
            FileStatus[] all = fs.listStatus(dir);
            if (Arrays.stream(all).anyMatch(FileStatus::isDirectory)) return Optional.empty();
            Optional<FileStatus> first = Arrays.stream(all)
                    .filter(s -> s.isFile() && s.getLen() > 0)
                    .filter(s -> {
                        String n = s.getPath().getName();
                        return !n.startsWith("_") && !n.startsWith(".") && n.endsWith(".parquet");
                    })
                    .min(Comparator.comparing(s -> s.getPath().getName()));
            if (first.isEmpty()) return Optional.empty();
            try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromStatus(first.get(), fs.getConf()))) {
                String json = r.getFooter().getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA_KEY);
                if (json == null) return Optional.empty();
                DataType t = DataType.fromJson(json);
                return t instanceof StructType s ? Optional.of(s) : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
