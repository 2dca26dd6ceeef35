package id.neraca.classify;

import id.neraca.core.NeracaException;
import id.neraca.core.Schemas;
import id.neraca.core.SmallResults;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * The side outputs of classification, as pure transforms over the classified rows, plus the small CSV writer
 * they share. {@code out/classify_stats/}: {@code by_class} (one row per marketplace × origin_class) and
 * {@code reasons} (one row per marketplace × reason code); {@code out/classified_audit/audit_sample.csv}: a
 * seeded random sample per class with its evidence.
 */
public final class ClassifyOutputs {
    private ClassifyOutputs() {}

    private static final Column COMPLETED = col("status").equalTo("COMPLETED");

    /**
     * One row per marketplace × origin_class: {@code sales} (all statuses), {@code completed_sales},
     * {@code gmv_idr decimal(22,2)} and {@code units} (COMPLETED only), {@code invalid_id_sales}
     * (seller_id_valid = false), {@code unknown_tier_sales}, {@code permendag31_sales}, {@code mean_confidence}.
     */
    public static Dataset<Row> statsByClass(Dataset<Row> classified) {
        return classified.groupBy(col("marketplace"), col("origin_class"))
                .agg(count(lit(1)).as("sales"),
                        sum(when(COMPLETED, 1L).otherwise(0L)).as("completed_sales"),
                        sum(when(COMPLETED, col("gmv_idr")).otherwise(lit(BigDecimal.ZERO))).cast(DataTypes.createDecimalType(22, 2)).as("gmv_idr"),
                        sum(when(COMPLETED, col("quantity")).otherwise(0L)).as("units"),
                        sum(when(col("seller_id_valid").equalTo(false), 1L).otherwise(0L)).as("invalid_id_sales"),
                        sum(when(col("umkm_tier").equalTo("UNKNOWN"), 1L).otherwise(0L)).as("unknown_tier_sales"),
                        sum(when(col("permendag31_flag"), 1L).otherwise(0L)).as("permendag31_sales"),
                        round(avg(col("origin_confidence")), 4).as("mean_confidence"))
                .transform(t -> SmallResults.sorted(t, "marketplace", "origin_class"));
    }

    /** One row per marketplace × reason code: {@code sales} carrying it, {@code gmv_idr} of those that completed. */
    public static Dataset<Row> reasonCounts(Dataset<Row> classified) {
        return classified.select(col("marketplace"), explode(col("origin_reasons")).as("reason_code"), col("status"), col("gmv_idr"))
                .groupBy(col("marketplace"), col("reason_code"))
                .agg(count(lit(1)).as("sales"),
                        sum(when(COMPLETED, col("gmv_idr")).otherwise(lit(BigDecimal.ZERO))).cast(DataTypes.createDecimalType(22, 2)).as("gmv_idr"))
                .transform(t -> SmallResults.sorted(t, "marketplace", "reason_code"));
    }

    /** The evidence columns a person needs to check a decision by hand (no seller key: it is an identifier). */
    public static final List<String> AUDIT_COLUMNS = List.of(
            "origin_class", "origin_confidence", "origin_reasons", "umkm_tier", "umkm_tier_source",
            "seller_annual_sales_idr", "permendag31_flag", "sale_id", "marketplace", "grain", "period_month",
            "status", "product_title", "brand", "category", "cross_border_flag", "seller_country", "seller_id_type",
            "seller_id_valid", "seller_province_code", "seller_city", "ship_from_country", "origin_country",
            "declared_umkm_tier", "quantity", "unit_price_idr", "gmv_idr", "source_currency");

    /**
     * Up to {@code perClass} sales per origin_class: those with the smallest draw {@code pmod(xxhash64(sale_id, seed),
     * 10^6)} (ties by sale_id), so the same inputs and seed give the same sample. To avoid sorting every sale, each
     * class is first thinned to the draws below a threshold that keeps about 4 × perClass + 100 of its
     * {@code classCounts} rows: the smallest draws are all below it (unless fewer than perClass survive, which
     * has negligible probability; the sample is still deterministic then).
     */
    public static Dataset<Row> auditSample(Dataset<Row> classified, int perClass, long seed, Map<String, Long> classCounts) {
        Column draw = pmod(xxhash64(col("sale_id"), lit(seed)), lit(DRAW_RANGE));
        Column keep = lit(false);
        for (Map.Entry<String, Long> e : classCounts.entrySet()) {
            long n = Math.max(1, e.getValue());
            long threshold = (long) Math.ceil(Math.min(1.0, (4.0 * perClass + 100) / n) * DRAW_RANGE);
            keep = keep.or(col("origin_class").equalTo(e.getKey()).and(col("_draw").lt(threshold)));
        }
        Column[] cols = AUDIT_COLUMNS.stream()
                .map(c -> c.equals("origin_reasons") ? concat_ws("|", col(c)).as(c) : col(c))
                .toArray(Column[]::new);
        return classified.withColumn("_draw", draw)
                .filter(keep)
                .withColumn("_n", row_number().over(Window.partitionBy(col("origin_class")).orderBy(col("_draw"), col("sale_id"))))
                .filter(col("_n").leq(perClass))
                .transform(t -> SmallResults.sorted(t, col("origin_class"), col("_n")))
                .select(cols);
    }

    private static final long DRAW_RANGE = 1_000_000L;

    private static final Set<String> FORBIDDEN_EXACT = Set.of("seller_name", "shop_name", "store_name", "seller_id",
            "id_number", "store_registration_no", "nik", "npwp", "nib", "shop_id", "store_id", "buyer_name");
    private static final Pattern FORBIDDEN = Pattern.compile(".*(name|id_number|registration|phone|email|address|nik|npwp).*");

    /**
     * Fails when a schema carries a seller name or a raw identifier. The canonical table carries none; this guards
     * against one slipping in upstream. {@code product_title} is the only free-text column allowed.
     */
    public static void assertNoPersonalData(StructType schema, String output) {
        for (StructField f : schema.fields()) {
            String n = f.name().toLowerCase(Locale.ROOT);
            if (FORBIDDEN_EXACT.contains(n) || (FORBIDDEN.matcher(n).matches() && !n.equals("product_title"))) {
                throw NeracaException.data("%s: column '%s' looks like a seller name or raw ID; personal data must not "
                        + "leave ingest (UU 27/2022). Remove it upstream.", output, f.name());
            }
        }
    }

    /** Writes a small dataset as one CSV file (header, RFC 4180 quoting, decimals in plain notation). */
    public static void writeCsv(FileSystem fs, String file, Dataset<Row> small) {
        writeCsv(fs, file, small.schema(), small.collectAsList());
    }

    /** Writes rows already on the driver as one CSV file, as {@link #writeCsv(FileSystem, String, Dataset)}. */
    public static void writeCsv(FileSystem fs, String file, StructType schema, List<Row> rows) {
        String[] names = schema.fieldNames();
        StringBuilder b = new StringBuilder(String.join(",", names)).append('\n');
        for (Row r : rows) {
            for (int i = 0; i < names.length; i++) {
                if (i > 0) b.append(',');
                Object v = r.get(i);
                // a product title or a city is the seller's text: a spreadsheet must not run it as a formula
                String text = v instanceof String str ? id.neraca.core.SpreadsheetText.guard(str) : format(v);
                b.append(BrandOrigins.Csv.quote(text));
            }
            b.append('\n');
        }
        writeText(fs, file, b.toString());
    }

    static void writeText(FileSystem fs, String file, String text) {
        try (FSDataOutputStream o = fs.create(new Path(file), true)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot write: %s", file, e.getMessage());
        }
    }

    static String format(Object v) {
        if (v == null) return "";
        if (v instanceof BigDecimal d) return d.toPlainString();
        if (v instanceof scala.collection.Seq<?> s) return s.mkString("|");
        return v.toString();
    }

    /** The classified schema this stage promises (names and types; Parquet makes every column nullable). */
    public static void checkSchema(StructType actual, StructType expected, String what) {
        checkSchema(actual, expected, what, Set.of());
    }

    /** As above; columns in {@code namesOnly} must exist, their type is not compared. */
    public static void checkSchema(StructType actual, StructType expected, String what, Set<String> namesOnly) {
        for (StructField f : expected.fields()) {
            int i = List.of(actual.fieldNames()).indexOf(f.name());
            if (i < 0) {
                throw NeracaException.data("%s: column '%s' is missing (expected %s). Rerun the stage that writes it.",
                        what, f.name(), f.dataType().simpleString());
            }
            if (!namesOnly.contains(f.name())
                    && !actual.fields()[i].dataType().catalogString().equals(f.dataType().catalogString())) { // nullability aside
                throw NeracaException.data("%s: column '%s' is %s, the contract says %s (core.Schemas). Rerun the stage that writes it.",
                        what, f.name(), actual.fields()[i].dataType().simpleString(), f.dataType().simpleString());
            }
        }
    }

}
