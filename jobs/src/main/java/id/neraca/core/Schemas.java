package id.neraca.core;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * The contracts between stages (DESIGN.md "Canonical sales table"): the columns of {@code out/sales/}
 * and what {@code out/classified/} adds. Money is exact: decimal rupiah, never double.
 */
public final class Schemas {
    private Schemas() {}

    public static final DecimalType UNIT_PRICE = DataTypes.createDecimalType(18, 2);
    public static final DecimalType GMV = DataTypes.createDecimalType(20, 2);

    public static final List<String> GRAINS = List.of("ORDER_LINE", "LISTING_PERIOD");
    public static final List<String> ID_TYPES = List.of("NIK", "NIB", "NPWP", "PASSPORT", "FOREIGN_REG", "NONE");
    public static final List<String> STATUSES = List.of("COMPLETED", "CANCELLED", "RETURNED");
    public static final List<String> ORIGIN_CLASSES = List.of("LOCAL_UMKM", "LOCAL_LARGE", "IMPORTED", "CROSS_BORDER", "UNKNOWN");
    public static final List<String> UMKM_TIERS = List.of("MICRO", "SMALL", "MEDIUM", "LARGE", "UNKNOWN");

    /** One row per sales line; partitioned on disk by marketplace and period_month. */
    public static final StructType SALES = new StructType(new StructField[]{
            field("marketplace", DataTypes.StringType, false),
            field("source_format", DataTypes.StringType, false),
            field("grain", DataTypes.StringType, false),
            field("sale_id", DataTypes.StringType, false),
            field("order_ts", DataTypes.TimestampType, true),
            field("period_month", DataTypes.StringType, false),
            field("seller_key", DataTypes.StringType, true),
            field("seller_id_type", DataTypes.StringType, false),
            field("seller_id_valid", DataTypes.BooleanType, true),
            field("seller_province_code", DataTypes.StringType, true),
            field("seller_city", DataTypes.StringType, true),
            field("seller_country", DataTypes.StringType, true),
            field("ship_from_country", DataTypes.StringType, true),
            field("origin_country", DataTypes.StringType, true),
            field("cross_border_flag", DataTypes.BooleanType, true),
            field("declared_umkm_tier", DataTypes.StringType, true),
            field("product_title", DataTypes.StringType, true),
            field("brand", DataTypes.StringType, true),
            field("category", DataTypes.StringType, true),
            field("quantity", DataTypes.LongType, false),
            field("unit_price_idr", UNIT_PRICE, false),
            field("gmv_idr", GMV, false),
            field("source_currency", DataTypes.StringType, false),
            field("unit_price_source", UNIT_PRICE, true),
            field("status", DataTypes.StringType, false),
            field("source_file", DataTypes.StringType, false),
            field("source_line", DataTypes.LongType, false),
    });

    /** Columns {@code out/classified/} adds to {@link #SALES}. */
    public static final StructType CLASSIFIED_EXTRA = new StructType(new StructField[]{
            field("origin_class", DataTypes.StringType, false),
            field("origin_reasons", DataTypes.createArrayType(DataTypes.StringType, false), false),
            field("origin_confidence", DataTypes.DoubleType, false),
            field("umkm_tier", DataTypes.StringType, false),
            field("umkm_tier_source", DataTypes.StringType, false),
            field("seller_annual_sales_idr", GMV, true),
            field("permendag31_flag", DataTypes.BooleanType, false),
    });

    public static StructType classified() {
        StructType t = SALES;
        for (StructField f : CLASSIFIED_EXTRA.fields()) t = t.add(f);
        return t;
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
