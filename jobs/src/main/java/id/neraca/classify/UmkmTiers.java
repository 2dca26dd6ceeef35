package id.neraca.classify;

import id.neraca.core.Schemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

import java.math.BigDecimal;
import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * UMKM size tier per PP 7/2021 from observed annual sales, one row per seller per month; for months before PP 7/2021
 * came into force, by the earlier law's ceilings ({@code umkm_tiers.earlier_law}: UU 20/2008 art. 6).
 *
 * <p>Annual sales of a seller in month m = COMPLETED order-line GMV of that seller across all marketplaces
 * ({@code seller_key}) in the trailing window of {@code umkm_tiers.window_months} months ending with m
 * (m included). With annualisation on, a seller first observed (any status, ever) less than 12 months
 * before m is scaled up: {@code sum × 12 / months_active}, where {@code months_active = min(window, m −
 * first observed month + 1)}; a seller back after a quiet spell is not new, its quiet months are zeros. Observed sales are a lower bound of a seller's total (offline
 * sales and other platforms are not in the dumps), so observed tiers lean small. Listing snapshots
 * ({@code LISTING_PERIOD}) are left out: their sold counts are cumulative over a listing's life.
 *
 * <p>Built as one groupBy to seller × month and a range window over month indexes (gaps in a seller's
 * history are handled by the range, not by rows), then joined back by the caller: no self-join of sales.
 */
public final class UmkmTiers {
    public static final List<String> DECLARABLE = List.of("MICRO", "SMALL", "MEDIUM", "LARGE");

    private UmkmTiers() {}

    /**
     * @param sales rows with at least seller_key, grain, period_month, status, gmv_idr
     * @return {@code seller_key, period_month, seller_annual_sales_idr decimal(20,2), observed_tier}, one row per
     * seller per month in which the seller has any order line (listing snapshots count for nothing)
     */
    public static Dataset<Row> sellerMonths(Dataset<Row> sales, ClassifyRules.Tiers t) {
        Column completedGmv = when(col("status").equalTo("COMPLETED"), col("gmv_idr"))
                .otherwise(lit(BigDecimal.ZERO).cast(Schemas.GMV));
        // listing snapshots (LISTING_PERIOD) carry cumulative sold counts: price x units sold over the listing's life, not a
        // month's sales (docs/MAPPINGS.md), so they enter no sum; a seller seen only in snapshots has no observed tier
        Dataset<Row> months = sales.filter(col("seller_key").isNotNull()
                        .and(coalesce(col("grain"), lit("")).notEqual(lit("LISTING_PERIOD"))))
                .groupBy(col("seller_key"), col("period_month"))
                .agg(sum(completedGmv).cast(DataTypes.createDecimalType(24, 2)).as("month_gmv_idr"))
                .withColumn("month_index", monthIndex(col("period_month")));
        WindowSpec w = Window.partitionBy(col("seller_key")).orderBy(col("month_index"))
                .rangeBetween(-(t.windowMonths() - 1), 0);
        Column trailing = sum(col("month_gmv_idr")).over(w).cast(DataTypes.createDecimalType(24, 2));
        // months of history in the window: from the seller's first observed month ever (not the first inside the window:
        // a seller back after a quiet spell has zeros there, not missing history), at most the whole window
        Column firstEver = min(col("month_index")).over(Window.partitionBy(col("seller_key")));
        Column monthsActive = least(col("month_index").minus(firstEver).plus(lit(1)), lit(t.windowMonths()));
        Column divisor = t.annualise() ? monthsActive : lit(t.windowMonths());
        // the quotient to 6 decimals is exact for the ceilings (whole rupiah): sen x 12 / months is at least 1/1200 of a
        // rupiah away from any of them unless equal. The tier compares it; the figure written is rounded to the sen, so
        // Rp1.666.666.666,67 over 10 months, Rp2.000.000.000,0004 a year, is SMALL though written 2000000000.00
        Column annual = trailing.multiply(lit(new BigDecimal("12"))).divide(divisor.cast(DataTypes.createDecimalType(3, 0)));
        return months.withColumn("_annual", annual)
                .withColumn("seller_annual_sales_idr", col("_annual").cast(Schemas.GMV))
                .withColumn("observed_tier", tierOf(col("_annual"), col("period_month"), t))
                .select("seller_key", "period_month", "seller_annual_sales_idr", "observed_tier");
    }

    /**
     * The tier of the law in force in the month: PP 7/2021's ceilings, or those of {@code umkm_tiers.earlier_law} (UU
     * 20/2008) for months up to its {@code until_month}. Ceilings inclusive, compared as exact decimals.
     */
    public static Column tierOf(Column annualIdr, Column periodMonth, ClassifyRules.Tiers t) {
        Column current = tierOf(annualIdr, t.microMaxIdr(), t.smallMaxIdr(), t.mediumMaxIdr());
        ClassifyRules.EarlierLaw e = t.earlierLaw();
        if (e == null) return current;
        // yyyy-MM strings order as the months do
        return when(periodMonth.leq(lit(e.untilMonth())), tierOf(annualIdr, e.microMaxIdr(), e.smallMaxIdr(), e.mediumMaxIdr()))
                .otherwise(current);
    }

    /** Whether a month's tiers follow the earlier law ({@code umkm_tiers.earlier_law}); false when none is configured. */
    public static Column underEarlierLaw(Column periodMonth, ClassifyRules.Tiers t) {
        return t.earlierLaw() == null ? lit(false) : periodMonth.leq(lit(t.earlierLaw().untilMonth()));
    }

    private static Column tierOf(Column annualIdr, BigDecimal micro, BigDecimal small, BigDecimal medium) {
        return when(annualIdr.isNull(), lit("UNKNOWN"))
                .when(annualIdr.leq(lit(micro)), lit("MICRO"))
                .when(annualIdr.leq(lit(small)), lit("SMALL"))
                .when(annualIdr.leq(lit(medium)), lit("MEDIUM"))
                .otherwise(lit("LARGE"));
    }

    /** yyyy-MM → months since year 0, so a range window counts calendar months. */
    static Column monthIndex(Column periodMonth) {
        return substring(periodMonth, 1, 4).cast(DataTypes.IntegerType).multiply(12)
                .plus(substring(periodMonth, 6, 2).cast(DataTypes.IntegerType)).minus(1);
    }
}
