package id.neraca.ingest;

import id.neraca.core.Schemas;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Internal and side-output schemas of ingest (the canonical one is {@link Schemas#SALES}). */
public final class IngestSchemas {
    private IngestSchemas() {}

    /**
     * A parsed row's category label when the taxonomy ({@code data/reference/categories.csv}) knows none of it: the
     * row's {@code category} is then {@code other}, and ingest counts these labels per file so that the "other" in the
     * category tables is explained, not silent (manifest {@code unknown_category_labels}, a warning, {@code validate}).
     */
    public static final String UNKNOWN_CATEGORY = "category_label_unknown";

    /**
     * A parsed row's index in its order's array of lines ({@code format.order_lines}: the JSON line is an order, this row
     * one of its elements, from 0), null for any other row. Not an output column: it orders an order's lines within their
     * line for duplicate resolution, finds a quarantined line again, and counts the orders read; a quarantined element's
     * detail and raw text name it ({@code items[1]}).
     */
    public static final String SOURCE_ELEMENT = "source_element";

    /**
     * A parsed order line's order: {@code <marketplace>:<order_id>}, the part of its {@code sale_id} before the line key
     * (kept apart because an order ID or a line key may itself hold a ':'), null for a listing row or a row that failed to
     * parse, except a failed line of an order's array whose line key and order number could be read (it keeps this and its
     * {@code sale_id}: {@code RecordParser.withIdentity}). Not an output column: duplicate resolution groups an order's lines by it, so that an order's later snapshot
     * ({@code format.order_lines}) supersedes the lines of earlier exports it no longer holds ({@link ResolveDuplicates}).
     */
    public static final String ORDER_KEY = "order_key";

    /** A parsed record: the SALES columns (all nullable: a quarantined row fills few), then the bookkeeping. */
    public static final StructType PARSED;

    static {
        StructType t = new StructType();
        for (StructField f : Schemas.SALES.fields()) t = t.add(f.name(), f.dataType(), true);
        PARSED = t.add("export_key", DataTypes.StringType, true)
                .add("reason_code", DataTypes.StringType, true)
                .add("reason_detail", DataTypes.StringType, true)
                .add("raw_row", DataTypes.StringType, true)
                .add(UNKNOWN_CATEGORY, DataTypes.StringType, true)
                .add(SOURCE_ELEMENT, DataTypes.IntegerType, true)
                .add(ORDER_KEY, DataTypes.StringType, true);
    }

    public static final int N_SALES = Schemas.SALES.fields().length;

    /** out/quarantine (docs/CONTRACTS.md). */
    public static final StructType QUARANTINE = new StructType()
            .add("source_file", DataTypes.StringType, false)
            .add("source_line", DataTypes.LongType, false)
            .add("marketplace", DataTypes.StringType, false)
            .add("reason_code", DataTypes.StringType, false)
            .add("reason_detail", DataTypes.StringType, true)
            .add("raw_row", DataTypes.StringType, true);

    /**
     * out/reconciliation: one row per input file; rows_read = accepted + quarantined + duplicates_collapsed, and of the
     * quarantined rows {@code open_orders} are not sales gone wrong (orders not final, repeated headers, description
     * rows: {@link IngestRun.FileCounts#notSales}), the rest rejected. Last, so that a reader of the columns by position
     * before it still reads them.
     */
    public static final StructType RECONCILIATION = new StructType()
            .add("source_file", DataTypes.StringType, false)
            .add("mapping", DataTypes.StringType, false)
            .add("sha256", DataTypes.StringType, false)
            .add("bytes", DataTypes.LongType, false)
            .add("rows_read", DataTypes.LongType, false)
            .add("accepted", DataTypes.LongType, false)
            .add("quarantined", DataTypes.LongType, false)
            .add("duplicates_collapsed", DataTypes.LongType, false)
            .add("open_orders", DataTypes.LongType, false);

    /** out/quarantine_reasons. */
    public static final StructType QUARANTINE_REASONS = new StructType()
            .add("source_file", DataTypes.StringType, false)
            .add("reason_code", DataTypes.StringType, false)
            .add("rows", DataTypes.LongType, false);
}
