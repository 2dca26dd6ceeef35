package id.neraca.classify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.core.Log;
import id.neraca.core.PartitionedWrites;
import id.neraca.core.NeracaException;
import id.neraca.core.Schemas;
import id.neraca.core.Stage;
import id.neraca.core.SmallInputs;
import id.neraca.core.StageContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Stage ClassifySales ({@code neraca classify}): decides for every sale whether it is a local UMKM's local
 * product, a large local business's, an imported good sold by an Indonesian seller, a cross-border direct
 * sale, or unknown, with the evidence that decided it; adds the seller's PP 7/2021 tier and the Permendag
 * 31/2023 flag.
 *
 * <p>Inputs: {@code out/sales/} ({@link Schemas#SALES}); the rules ({@code classify.rules_file}); the brand
 * table, {@code fx_monthly.csv}, and the regency and province tables (place names of the title cues) from the
 * reference folder. Outputs, each committed atomically:
 * {@code out/classified/} (SALES + {@link Schemas#CLASSIFIED_EXTRA}, Parquet partitioned by period_month),
 * {@code out/classify_stats/} (by_class and reasons, Parquet + CSV) and
 * {@code out/classified_audit/audit_sample.csv}. Counts go to the manifest. Rules: docs/CLASSIFICATION.md.
 *
 * <p>Checked before commit: one classified row per input row, every class in the contract, every decided sale
 * carries at least one reason, no personal-data column. Run alone after changing the rules:
 * {@code ./neraca classify}.
 */
public final class ClassifySales implements Stage {
    /**
     * Seller × month tier rows up to which they are broadcast to the classification (about 150 bytes each in the
     * driver and in every task; 500,000 rows stay well inside a 1 GB driver).
     */
    static final long TIERS_BROADCAST_MAX_ROWS = 500_000;
    /** Classified rows up to which the staged output is cached for the passes after the write (about 1 KB each). */
    static final long CACHE_OUTPUT_MAX_ROWS = 200_000;
    /** Months a classify task writes to at once before Spark falls back to sorting its remaining rows. */
    static final int OPEN_MONTH_WRITERS = 16;

    @Override
    public String name() {
        return "ClassifySales";
    }

    @Override
    public String command() {
        return "classify";
    }

    @Override
    public void run(StageContext ctx) {
        // a small input's files packed into one task per core (core.SmallInputs)
        try (SmallInputs.Scope scope = SmallInputs.scope(ctx.spark(), SmallInputs.bytes(ctx, ctx.outputs().path("sales")))) {
            ctx.manifest().stage(name()).put("small_input", scope.small());
            runStage(ctx, scope.small());
        }
    }

    private void runStage(StageContext ctx, boolean smallInput) {
        ClassifyConfig cfg = ctx.cfg().classify();
        ClassifyRules rules = ClassifyRules.load(cfg.rulesPath(ctx.config()));
        List<BrandOrigins.Brand> brands = BrandOrigins.load(cfg.brandOriginsPath(ctx.config()));
        IndonesianPlaces places = IndonesianPlaces.load(ctx.config().referenceDir());
        Path fxFile = cfg.fxMonthlyPath(ctx.config());
        if (!Files.isRegularFile(fxFile)) {
            throw NeracaException.usage("%s: FX table not found; the Permendag 31/2023 price test needs monthly rates "
                    + "(month,currency,idr_per_unit,source). Add it or set classify.fx_monthly.", fxFile);
        }
        if (!ctx.outputs().exists("sales")) {
            throw NeracaException.usage("%s: no canonical sales yet. Run `neraca ingest` (or `neraca run`) first.",
                    ctx.outputs().path("sales"));
        }
        SparkSession spark = ctx.spark();
        // The files' own schema must hold the contract (partition columns aside, whose types Spark infers from
        // folder names); then read with the contract schema so partition columns keep their contract types.
        org.apache.spark.sql.types.StructType onDisk;
        try {
            onDisk = spark.read().parquet(ctx.outputs().path("sales")).schema();
        } catch (Exception e) {   // Spark's AnalysisException, which Java sees as checked and never declared
            if (!(e instanceof org.apache.spark.sql.AnalysisException) || !String.valueOf(e.getMessage()).contains("UNABLE_TO_INFER_SCHEMA")) {
                throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
            }
            throw NeracaException.data("%s holds no sales: ingest accepted no rows (empty or header-only dumps?). Check the "
                    + "dumps with `neraca validate --dumps DIR`, then run again.", ctx.outputs().path("sales"));
        }
        ClassifyOutputs.checkSchema(onDisk, Schemas.SALES, ctx.outputs().path("sales"), java.util.Set.of("marketplace", "period_month"));
        ClassifyOutputs.assertNoPersonalData(onDisk, ctx.outputs().path("sales"));
        // in a whole run, a small ingest hands over the rows it has just written to out/sales (core.Handoffs): read from
        // its scratch file's few files rather than one file per marketplace × month folder
        java.util.Optional<Dataset<Row>> handed = ctx.handoffs().take("sales");
        ctx.manifest().stage(name()).put("sales_from", handed.isPresent() ? "ingest handoff" : "out/sales");
        Dataset<Row> sales = handed.orElseGet(() -> spark.read().schema(Schemas.SALES).parquet(ctx.outputs().path("sales")));
        // a small input is read once, into memory: the tiers, the classification and the row count each scan it
        // (10k rows: classify 5.4 -> 5.0 s over three pairs)
        if (smallInput) sales = sales.cache();
        Dataset<Row> fx = spark.createDataFrame(FxRates.load(fxFile), OriginClassifier.FX);

        // the seller × month tiers first: when they are few enough to broadcast (one row per seller and month with
        // sales), the classification joins them without shuffling the sales
        Dataset<Row> sellerMonths = UmkmTiers.sellerMonths(sales, rules.umkmTiers()).cache();
        long sellerMonthRows = sellerMonths.count();
        boolean broadcastTiers = sellerMonthRows <= TIERS_BROADCAST_MAX_ROWS;
        Dataset<Row> classified = OriginClassifier.classify(sales, fx, rules, brands, places, sellerMonths, broadcastTiers);
        ClassifyOutputs.assertNoPersonalData(classified.schema(), "out/classified");
        String staged = ctx.outputs().staging("classified");
        // the sales are read folder by folder (one marketplace × month each), so a task meets a handful of months:
        // one open writer per month instead of sorting the task's wide rows by month first (PartitionedWrites)
        try {
            PartitionedWrites.withOpenWriters(spark, OPEN_MONTH_WRITERS,
                    () -> classified.write().partitionBy("period_month").parquet(staged));
        } finally {
            sellerMonths.unpersist();
        }

        // Everything below reads the staged Parquet: the classification runs once. A small run reads it once into
        // memory: the five passes below (checks, FX coverage, two statistics tables, the audit sample) would otherwise
        // each open every month file, and at a few hundred rows per file a scan costs per file, not per row
        // (the handed-off sales come with their count, ingest's accepted rows: no job to count them again)
        java.util.OptionalLong handedRows = handed.isPresent() ? ctx.handoffs().rowCount("sales") : java.util.OptionalLong.empty();
        long rowsIn = handedRows.isPresent() ? handedRows.getAsLong() : sales.count();
        boolean cached = rowsIn <= CACHE_OUTPUT_MAX_ROWS;
        Dataset<Row> read = spark.read().schema(Schemas.classified()).parquet(staged); // schema: also when empty
        Dataset<Row> out = cached ? read.cache() : read;
        boolean handedOff = false;
        try {
            checkAndDescribe(ctx, out, rowsIn, cached, sellerMonthRows, broadcastTiers, rules, brands, fx, fxFile);
            // committed: in local mode the cached rows go on to the aggregate and the report (core.Handoffs), which then
            // read none of the month files. Not on a cluster, where a lost executor's cached blocks would be recomputed
            // from the staging folder that the commit has just renamed
            handedOff = cached && spark.sparkContext().isLocal();
            if (handedOff) ctx.handoffs().put("classified", out, true);
            ctx.manifest().stage(name()).put("classified_handed_off", handedOff);
        } finally {
            if (cached && !handedOff) out.unpersist();
            if (smallInput) sales.unpersist();
        }
    }

    /** The checks, the manifest counts and the side outputs, from the staged classified table; then the commits. */
    private void checkAndDescribe(StageContext ctx, Dataset<Row> out, long rowsIn, boolean cached, long sellerMonthRows,
                                  boolean broadcastTiers, ClassifyRules rules, List<BrandOrigins.Brand> brands,
                                  Dataset<Row> fx, Path fxFile) {
        ClassifyConfig cfg = ctx.cfg().classify();
        SparkSession spark = ctx.spark();
        ObjectNode m = ctx.manifest().stage(name());
        List<Column> checks = new java.util.ArrayList<>(List.of(count(lit(1)),
                sum(when(col("origin_class").isin(Schemas.ORIGIN_CLASSES.toArray()), 0L).otherwise(1L)),
                sum(when(col("origin_class").notEqual("UNKNOWN").and(size(col("origin_reasons")).leq(0)), 1L).otherwise(0L)),
                sum(when(col("seller_id_valid").equalTo(false), 1L).otherwise(0L)),
                sum(when(col("permendag31_flag"), 1L).otherwise(0L)),
                sum(when(col("umkm_tier_source").equalTo("DECLARED"), 1L).otherwise(0L)),
                sum(when(col("umkm_tier_source").equalTo("OBSERVED"), 1L).otherwise(0L)),
                sum(when(col("umkm_tier_source").equalTo("NONE"), 1L).otherwise(0L))));
        checks.addAll(List.of(classCounts())); // per class in the same pass (indexes 8..)
        // sales whose rupiah value (converted at ingest) or Permendag 31/2023 test (the USD rate) rests on a rate the FX
        // table marks assumed (carried forward, not observed): counted in the same pass, named in the manifest
        java.util.Map<String, List<String>> assumed = FxRates.assumedMonths(fxFile);
        Column onAssumedFx = fxAssumed(assumed, rules.permendag31().currency());
        int fxAt = checks.size();
        checks.add(sum(when(onAssumedFx, 1L).otherwise(0L)));
        checks.add(sum(when(onAssumedFx.and(col("status").equalTo("COMPLETED")), col("gmv_idr")).otherwise(lit(java.math.BigDecimal.ZERO)))
                .cast(org.apache.spark.sql.types.DataTypes.createDecimalType(22, 2)));
        // observed tiers under the earlier law (umkm_tiers.earlier_law, UU 20/2008: months before PP 7/2021), same pass
        int earlierAt = checks.size();
        checks.add(sum(when(UmkmTiers.underEarlierLaw(col("period_month"), rules.umkmTiers())
                .and(col("umkm_tier_source").equalTo("OBSERVED")), 1L).otherwise(0L)));
        Row totals = out.agg(checks.get(0), checks.subList(1, checks.size()).toArray(new Column[0])).first();
        long rowsOut = totals.getLong(0);
        if (rowsOut != rowsIn) {
            throw NeracaException.other("ClassifySales: %d sales in, %d classified rows out; a join duplicated or lost rows. "
                    + "Nothing was committed.", rowsIn, rowsOut);
        }
        if (rowsOut > 0 && totals.getLong(1) != 0) {
            throw NeracaException.other("ClassifySales: %d rows have an origin_class outside %s. Nothing was committed.",
                    totals.getLong(1), Schemas.ORIGIN_CLASSES);
        }
        if (rowsOut > 0 && totals.getLong(2) != 0) {
            throw NeracaException.other("ClassifySales: %d decided sales carry no reason. Nothing was committed.", totals.getLong(2));
        }
        m.put("rows_in", rowsIn);
        m.put("seller_months", sellerMonthRows);
        m.put("tiers_join", broadcastTiers ? "broadcast" : "shuffle");
        m.put("output_cached", cached);
        m.put("rows_out", rowsOut);
        m.put("invalid_seller_id_sales", rowsOut == 0 ? 0 : totals.getLong(3));
        m.put("permendag31_sales", rowsOut == 0 ? 0 : totals.getLong(4));
        ObjectNode tierSources = m.putObject("umkm_tier_source");
        tierSources.put("DECLARED", rowsOut == 0 ? 0 : totals.getLong(5));
        tierSources.put("OBSERVED", rowsOut == 0 ? 0 : totals.getLong(6));
        tierSources.put("NONE", rowsOut == 0 ? 0 : totals.getLong(7));
        // the ceilings the tiers were set with (the report's methodology quotes them from here), and the observed tiers
        // set by the earlier law's (docs/CLASSIFICATION.md, "UMKM tier")
        ClassifyRules.Tiers tiers = rules.umkmTiers();
        ObjectNode law = m.putObject("umkm_tiers");
        law.put("law", "PP 7/2021 art. 35");
        law.put("micro_max_idr", tiers.microMaxIdr());
        law.put("small_max_idr", tiers.smallMaxIdr());
        law.put("medium_max_idr", tiers.mediumMaxIdr());
        law.put("window_months", tiers.windowMonths());
        law.put("annualise", tiers.annualise());
        if (tiers.earlierLaw() == null) {
            law.putNull("earlier_law");
        } else {
            ObjectNode e = law.putObject("earlier_law");
            e.put("name", tiers.earlierLaw().name());
            e.put("until_month", tiers.earlierLaw().untilMonth());
            e.put("micro_max_idr", tiers.earlierLaw().microMaxIdr());
            e.put("small_max_idr", tiers.earlierLaw().smallMaxIdr());
            e.put("medium_max_idr", tiers.earlierLaw().mediumMaxIdr());
        }
        law.put("observed_earlier_law_sales", rowsOut == 0 ? 0 : totals.getLong(earlierAt));
        // how evidence becomes a class, and what a brand's origin means (the report's methodology quotes them from here)
        ObjectNode decision = m.putObject("decision");
        decision.put("min_confidence", rules.decision().minConfidence());
        decision.put("made_in_indonesia_brands", rules.brandMatching().madeInIndonesia().size());
        // the Permendag 31/2023 test as configured (the report's methodology quotes it from here)
        ClassifyRules.Permendag31 pm = rules.permendag31();
        ObjectNode pmNode = m.putObject("permendag31");
        pmNode.put("effective_date", pm.effectiveDate());
        pmNode.put("min_unit_price", pm.minUnitPriceUsd());
        pmNode.put("currency", pm.currency());
        ArrayNode exempt = pmNode.putArray("exempt_categories");
        pm.exemptCategories().forEach(exempt::add);
        ObjectNode perClass = m.putObject("origin_class");
        java.util.Map<String, Long> classCounts = new java.util.LinkedHashMap<>();
        for (String c : Schemas.ORIGIN_CLASSES) perClass.put(c, 0L);
        for (int i = 0; i < Schemas.ORIGIN_CLASSES.size(); i++) {
            long n = rowsOut == 0 ? 0 : totals.getLong(8 + i);
            perClass.put(Schemas.ORIGIN_CLASSES.get(i), n);
            if (n > 0) classCounts.put(Schemas.ORIGIN_CLASSES.get(i), n);
        }
        long fxAssumedSales = rowsOut == 0 ? 0 : totals.getLong(fxAt);
        java.math.BigDecimal fxAssumedGmv = rowsOut == 0 || totals.isNullAt(fxAt + 1) ? java.math.BigDecimal.ZERO.setScale(2)
                : totals.getDecimal(fxAt + 1);
        ObjectNode fxNode = m.putObject("fx_assumed");
        fxNode.put("sales", fxAssumedSales);
        fxNode.put("completed_gmv_idr", fxAssumedGmv);
        ObjectNode fxFrom = fxNode.putObject("first_assumed_month");
        assumed.forEach((c, months) -> fxFrom.put(c, months.get(0)));
        if (fxAssumedSales > 0) {
            Log.warn("ClassifySales: %,d sales (completed GMV Rp%s) were converted to rupiah, or tested against Permendag "
                            + "31/2023's US$100, at FX rates %s marks assumed (carried forward, not observed: %s). Add the "
                            + "published rates (data/reference/README.md) and rerun for final figures.",
                    fxAssumedSales, fxAssumedGmv.toPlainString(), fxFile.getFileName(), fxFrom);
        }
        m.put("rules_file", cfg.rulesPath(ctx.config()).toString());
        m.put("brands", brands.size());

        List<Row> missing = OriginClassifier.monthsMissingFx(out, fx, rules.permendag31()).collectAsList();
        ArrayNode missingNode = m.putArray("fx_months_missing");
        for (Row r : missing) missingNode.add(r.getString(0));
        if (!missing.isEmpty()) {
            Log.warn("ClassifySales: %s has no %s rate for %d month(s) with cross-border sales in force (%s); "
                            + "permendag31_flag is false there. Add those months to the FX table.",
                    fxFile, rules.permendag31().currency(), missing.size(), missingNode);
        }

        String stats = ctx.outputs().staging("classify_stats");
        // small tables (marketplace × class, marketplace × reason): computed once, written as Parquet and CSV from the rows
        for (var t : List.of(new Object[]{"by_class", ClassifyOutputs.statsByClass(out)},
                new Object[]{"reasons", ClassifyOutputs.reasonCounts(out)})) {
            @SuppressWarnings("unchecked") Dataset<Row> table = (Dataset<Row>) t[1];
            List<Row> rows = table.collectAsList();
            spark.createDataFrame(rows, table.schema()).coalesce(1).write().parquet(stats + "/" + t[0]);
            ClassifyOutputs.writeCsv(ctx.outputs().fs(), stats + "/" + t[0] + ".csv", table.schema(), rows);
        }

        String audit = ctx.outputs().staging("classified_audit");
        ClassifyOutputs.writeCsv(ctx.outputs().fs(), audit + "/audit_sample.csv",
                ClassifyOutputs.auditSample(out, rules.audit().perClass(), rules.audit().seed(), classCounts));
        m.put("audit_sample_per_class", rules.audit().perClass());

        ctx.outputs().commit("classified");
        ctx.outputs().commit("classify_stats");
        ctx.outputs().commit("classified_audit");
        Log.info("ClassifySales: %,d sales classified: %s", rowsOut, perClass);
    }

    /**
     * True for a sale priced in a currency whose rate for its month is assumed, or a cross-border sale in a month whose
     * Permendag currency (USD) rate is assumed.
     */
    static Column fxAssumed(java.util.Map<String, List<String>> assumed, String permendagCurrency) {
        Column any = lit(false);
        for (var e : assumed.entrySet()) {
            Column inMonths = col("period_month").isin(e.getValue().toArray());
            any = any.or(col("source_currency").equalTo(e.getKey()).and(inMonths));
            if (e.getKey().equalsIgnoreCase(permendagCurrency)) any = any.or(col("origin_class").equalTo("CROSS_BORDER").and(inMonths));
        }
        return any;
    }

    /** One count per origin class, in Schemas.ORIGIN_CLASSES order, for a global aggregation. */
    private static Column[] classCounts() {
        return Schemas.ORIGIN_CLASSES.stream()
                .map(c -> sum(when(col("origin_class").equalTo(c), 1L).otherwise(0L)))
                .toArray(Column[]::new);
    }
}
