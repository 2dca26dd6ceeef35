package id.neraca.classify;

import id.neraca.core.Schemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF9;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

/**
 * The classification as pure transforms: {@code out/sales} rows ({@link Schemas#SALES}) in, classified rows
 * ({@link Schemas#classified()}) out. One pass computes the evidence of every sale ({@link OriginEvidence},
 * brand table and keyword lists compiled into hash-map matchers that travel with the function), the tier
 * comes from the seller × month window of {@link UmkmTiers} joined back, the FX table is broadcast for the
 * Permendag 31/2023 price test. No file I/O here.
 */
public final class OriginClassifier {
    static final StructType EVIDENCE = new StructType(new StructField[]{
            DataTypes.createStructField("pre_class", DataTypes.StringType, false),
            DataTypes.createStructField("reasons", DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField("confidence", DataTypes.DoubleType, false),
            DataTypes.createStructField("umkm_cue", DataTypes.BooleanType, false),
    });

    /** FX rows as read from fx_monthly.csv: month yyyy-MM, currency, idr_per_unit (a decimal string or number). */
    public static final StructType FX = new StructType(new StructField[]{
            DataTypes.createStructField("month", DataTypes.StringType, true),
            DataTypes.createStructField("currency", DataTypes.StringType, true),
            DataTypes.createStructField("idr_per_unit", DataTypes.StringType, true),
            DataTypes.createStructField("source", DataTypes.StringType, true),
    });

    private OriginClassifier() {}

    /** The whole classification: evidence, tier, class, Permendag flag; columns in {@link Schemas#classified()} order. */
    public static Dataset<Row> classify(Dataset<Row> sales, Dataset<Row> fxMonthly, ClassifyRules rules,
                                        List<BrandOrigins.Brand> brands, IndonesianPlaces places) {
        return classify(sales, fxMonthly, rules, brands, places, UmkmTiers.sellerMonths(sales, rules.umkmTiers()), false);
    }

    /**
     * As {@link #classify(Dataset, Dataset, ClassifyRules, List, IndonesianPlaces)} with the seller × month tiers already computed
     * ({@link UmkmTiers#sellerMonths}); {@code broadcastTiers} joins them to the sales by broadcast rather than by
     * shuffling both sides (the caller decides from their row count: a shuffle of every classified row cost a fifth
     * of this stage at five million rows, docs/BENCHMARKS.md).
     */
    public static Dataset<Row> classify(Dataset<Row> sales, Dataset<Row> fxMonthly, ClassifyRules rules,
                                        List<BrandOrigins.Brand> brands, IndonesianPlaces places, Dataset<Row> sellerMonths,
                                        boolean broadcastTiers) {
        Dataset<Row> withEvidence = sales.withColumn("_ev", evidenceUdf(rules, brands, places).apply(
                col("cross_border_flag"), col("seller_country"), col("seller_id_type"), col("seller_id_valid"),
                col("seller_province_code"), col("ship_from_country"), col("origin_country"), col("brand"),
                col("product_title")));
        Dataset<Row> tiers = sellerMonths
                .withColumnRenamed("seller_key", "_t_seller_key")
                .withColumnRenamed("period_month", "_t_period_month");
        if (broadcastTiers) tiers = broadcast(tiers);
        // Sales without a seller_key get a unique key that matches nothing ("\u0000" never starts a hex HMAC),
        // so they spread over the join's partitions instead of piling into the one that hashes null.
        Column joinKey = coalesce(col("seller_key"), concat(lit("\u0000"), col("sale_id")));
        Dataset<Row> joined = withEvidence.join(tiers,
                joinKey.equalTo(col("_t_seller_key")).and(col("period_month").equalTo(col("_t_period_month"))),
                "left");

        Column declared = upper(trim(col("declared_umkm_tier")));
        Column declaredOk = declared.isin(UmkmTiers.DECLARABLE.toArray());
        Column tier = when(declaredOk, declared)
                .when(col("seller_key").isNull(), lit("UNKNOWN"))
                .otherwise(coalesce(col("observed_tier"), lit("UNKNOWN")));
        // no observed tier: no seller key, or a seller seen only in listing snapshots that month (UmkmTiers)
        Column tierSource = when(declaredOk, lit("DECLARED"))
                .when(col("seller_key").isNull().or(col("observed_tier").isNull()), lit("NONE"))
                .otherwise(lit("OBSERVED"));
        Dataset<Row> tiered = joined
                .withColumn("umkm_tier", tier)
                .withColumn("umkm_tier_source", tierSource);

        Column pre = col("_ev.pre_class");
        Column isLocal = pre.equalTo(OriginEvidence.LOCAL);
        Column t = col("umkm_tier");
        Column tierUnknown = t.equalTo("UNKNOWN");
        Column cue = col("_ev.umkm_cue");
        Column unknownTierClass = switch (rules.decision().localUnknownTier()) {
            case "LOCAL_UMKM" -> lit("LOCAL_UMKM");
            case "UMKM_CUE" -> when(cue, lit("LOCAL_UMKM")).otherwise(lit("UNKNOWN"));
            default -> lit("UNKNOWN");
        };
        Column originClass = when(isLocal.and(t.isin("MICRO", "SMALL", "MEDIUM")), lit("LOCAL_UMKM"))
                .when(isLocal.and(t.equalTo("LARGE")), lit("LOCAL_LARGE"))
                .when(isLocal, unknownTierClass)
                .otherwise(pre);
        boolean cueRule = rules.decision().localUnknownTier().equals("UMKM_CUE");
        Column extra = cueRule
                ? when(cue, array(lit("TIER_UNKNOWN"), lit("TITLE_UMKM_CUE"))).otherwise(array(lit("TIER_UNKNOWN")))
                : array(lit("TIER_UNKNOWN"));
        Column reasons = when(isLocal.and(tierUnknown), concat(col("_ev.reasons"), extra)).otherwise(col("_ev.reasons"));

        // PP 7/2021 sizes Indonesian businesses: a seller abroad has no UMKM tier (its annual sales stay, for comparison)
        Column abroad = col("origin_class").equalTo("CROSS_BORDER");
        Dataset<Row> classified = tiered
                .withColumn("origin_class", originClass)
                .withColumn("origin_reasons", reasons)
                .withColumn("origin_confidence", col("_ev.confidence"))
                .withColumn("umkm_tier", when(abroad, lit("UNKNOWN")).otherwise(col("umkm_tier")))
                .withColumn("umkm_tier_source", when(abroad, lit("NONE")).otherwise(col("umkm_tier_source")));
        return withPermendag31(classified, fxMonthly, rules.permendag31()).select(classifiedColumns());
    }

    /**
     * Adds {@code permendag31_flag}: a CROSS_BORDER sale dated on or after the effective date (order_ts in the
     * configured zone; for listing grain, period_month on or after the first full month) whose unit price is
     * below the minimum in US$ at that month's rate, and whose category is not exempt. A month without a rate
     * cannot be tested and gives false; {@link #monthsMissingFx} lists such months so the stage can report them.
     */
    static Dataset<Row> withPermendag31(Dataset<Row> classified, Dataset<Row> fxMonthly, ClassifyRules.Permendag31 p) {
        Dataset<Row> fx = fxFor(fxMonthly, p);
        Dataset<Row> j = classified.join(broadcast(fx), col("period_month").equalTo(col("_fx_month")), "left");
        List<String> exempt = new ArrayList<>();
        for (String c : p.exemptCategories()) exempt.add(c.toLowerCase(Locale.ROOT));
        Column flag = col("origin_class").equalTo("CROSS_BORDER")
                .and(inForce(p))
                .and(col("unit_price_idr").lt(col("_fx_rate").multiply(lit(p.minUnitPriceUsd()))))
                .and(coalesce(lower(col("category")).isin(exempt.toArray()), lit(false)).unary_$bang());
        return j.withColumn("permendag31_flag", coalesce(flag, lit(false)));
    }

    /** Dated on or after the rule: the instant for order lines, the month for listings (no order_ts). */
    static Column inForce(ClassifyRules.Permendag31 p) {
        long cutoff = LocalDate.parse(p.effectiveDate()).atStartOfDay(ZoneId.of(p.timezone())).toEpochSecond();
        return when(col("order_ts").isNotNull(), unix_seconds(col("order_ts")).geq(lit(cutoff)))
                .otherwise(col("period_month").geq(lit(p.firstFullMonth())));
    }

    /** Months of CROSS_BORDER sales in force for which the FX table has no rate (flag then false): small, distinct. */
    public static Dataset<Row> monthsMissingFx(Dataset<Row> classified, Dataset<Row> fxMonthly, ClassifyRules.Permendag31 p) {
        Dataset<Row> fx = fxFor(fxMonthly, p);
        return classified.filter(col("origin_class").equalTo("CROSS_BORDER").and(inForce(p)))
                .select(col("period_month")).distinct()
                .join(broadcast(fx), col("period_month").equalTo(col("_fx_month")), "left_anti")
                .transform(t -> id.neraca.core.SmallResults.sorted(t, "period_month"));
    }

    private static Dataset<Row> fxFor(Dataset<Row> fxMonthly, ClassifyRules.Permendag31 p) {
        return fxMonthly.filter(upper(trim(col("currency"))).equalTo(p.currency()))
                .select(trim(col("month")).as("_fx_month"),
                        trim(col("idr_per_unit").cast(DataTypes.StringType)).cast(DataTypes.createDecimalType(18, 6)).as("_fx_rate"))
                .dropDuplicates("_fx_month");
    }

    private static Column[] classifiedColumns() {
        StructType target = Schemas.classified();
        Column[] cols = new Column[target.fields().length];
        for (int i = 0; i < cols.length; i++) {
            StructField f = target.fields()[i];
            cols[i] = col(f.name()).cast(f.dataType()).as(f.name());
        }
        return cols;
    }

    /** The per-sale evidence function; the rules and compiled matchers are serialised with it to the executors. */
    static UserDefinedFunction evidenceUdf(ClassifyRules rules, List<BrandOrigins.Brand> brands, IndonesianPlaces places) {
        OriginEvidence ev = new OriginEvidence(rules, brands, places);
        UDF9<Boolean, String, String, Boolean, String, String, String, String, String, Row> f =
                (xb, sc, idt, idv, prov, ship, origin, brand, title) -> {
                    OriginEvidence.Decision d = ev.decide(xb, sc, idt, idv, prov, ship, origin, brand, title);
                    return RowFactory.create(d.preClass(), d.reasons().toArray(new String[0]), d.confidence(), d.umkmCue());
                };
        return udf(f, EVIDENCE).withName("ClassifyOrigin");
    }
}
