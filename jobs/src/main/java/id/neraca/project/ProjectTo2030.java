package id.neraca.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.aggregate.Tables;
import id.neraca.core.Log;
import id.neraca.core.NeracaException;
import id.neraca.core.ParquetReads;
import id.neraca.core.Schemas;
import id.neraca.core.Stage;
import id.neraca.core.SmallInputs;
import id.neraca.core.SmallResults;
import id.neraca.core.StageContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

/**
 * ProjectTo2030: {@code out/aggregates/monthly_headline} → {@code out/projection/}.
 *
 * <p>Reads the monthly headline series (order lines only: listing snapshots are not monthly sales), scales it to
 * the nation with the coverage model, fits and backtests the models, and writes {@code series}, {@code shares},
 * {@code models}, {@code backtest}, {@code targets} (Parquet + CSV each) and {@code summary.json}
 * (docs/OUTPUTS.md, docs/PROJECTION.md). The series are a few hundred points: they are collected to the driver
 * after aggregation and modelled in plain Java ({@link Projection}). Seeded: the same inputs and configuration
 * give byte-identical files. Run alone with {@code neraca project}.
 */
public final class ProjectTo2030 implements Stage {
    public static final DecimalType MONEY = DataTypes.createDecimalType(24, 2);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return "ProjectTo2030";
    }

    @Override
    public String command() {
        return "project";
    }

    @Override
    public void run(StageContext ctx) {
        // its Spark work is a few small reads and writes; over a small run's classified sales (the partial-month check
        // reads two of its months) its expressions are interpreted (core.SmallInputs)
        try (SmallInputs.Scope scope = SmallInputs.interpreted(ctx.spark(), SmallInputs.bytes(ctx, ctx.outputs().path("classified")))) {
            ctx.manifest().stage(name()).put("interpreted_expressions", scope.interpreted());
            runStage(ctx);
        }
    }

    private void runStage(StageContext ctx) {
        String headlinePath = ctx.outputs().path("aggregates") + "/monthly_headline";
        if (!ctx.outputs().exists("aggregates/monthly_headline")) {
            throw NeracaException.usage("%s: no monthly aggregates. Run `neraca aggregate` (or `neraca run`) first.", headlinePath);
        }
        ProjectConfig cfg = ctx.cfg().project();
        List<Row> rows = headline(ctx, headlinePath);
        List<String> warnings = new ArrayList<>();
        Projection.Input input;
        Projection.Result r;
        if (rows.isEmpty()) {
            // no completed order line at all (a listing scrape alone): nothing to project, and that is an answer
            input = new Projection.Input(List.of(), new double[0], new double[0], new double[0]);
            r = Projection.notProjected(cfg, input, noOrderLines(listingRows(ctx)), Projection.CAUSE_NO_ORDER_LINES);
        } else {
            input = dropPartialEdgeMonths(ctx, input(rows, warnings), cfg.partialMonthDays(), warnings);
            r = project(cfg, ctx.config().referenceDir(), input, fullYearsBefore(rows, input));
        }
        ObjectNode summary = r.summary();
        if (!warnings.isEmpty()) {
            var w = summary.withArray("warnings");
            for (int i = warnings.size() - 1; i >= 0; i--) w.insert(0, warnings.get(i));
        }

        String staged = ctx.outputs().staging("projection");
        boolean csv = ctx.cfg().aggregate().csvCopy();
        var fs = ctx.outputs().fs();
        SparkSession spark = ctx.spark();
        Tables.write(fs, staged, "series", seriesFrame(spark, r.series()),
                order("series", "frequency", "model", "kind", "period"), csv);
        Tables.write(fs, staged, "shares", sharesFrame(spark, r.shares()),
                order("series", "frequency", "model", "kind", "period"), csv);
        Tables.write(fs, staged, "backtest", backtestFrame(spark, r.backtest()),
                order("series", "frequency", "model", "horizon", "origin"), csv);
        Tables.write(fs, staged, "models", modelsFrame(spark, r.models()),
                order("series", "frequency", "model", "parameter"), csv);
        Tables.write(fs, staged, "targets", targetsFrame(spark, r.targets()), order("target"), csv);
        try {
            Tables.writeText(fs, staged, "summary.json", JSON.writeValueAsString(summary) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw NeracaException.other("cannot serialise summary.json: %s", e.getMessage());
        }
        ctx.outputs().commit("projection");

        ObjectNode section = ctx.manifest().stage(name());
        section.put("months_observed", input.months().size());
        section.put("first_month", input.months().isEmpty() ? null : input.months().get(0).toString());
        section.put("last_month", input.months().isEmpty() ? null : input.months().get(input.months().size() - 1).toString());
        section.put("status", summary.path("status").asText());
        if (summary.has("coverage")) {
            section.put("coverage_method", summary.path("coverage").path("method").asText());
            section.set("coverage_factor", summary.path("coverage").path("factor"));
        }
        section.put("series_rows", r.series().size());
        section.put("backtest_rows", r.backtest().size());
        section.put("model_rows", r.models().size());
        section.put("target_rows", r.targets().size());
        section.put("rows_out", r.series().size() + r.shares().size() + r.backtest().size() + r.models().size() + r.targets().size());
        var w = section.putArray("warnings");
        summary.withArray("warnings").forEach(w::add);
        for (var wn : summary.withArray("warnings")) Log.warn("projection: %s", wn.asText());
        for (Projection.TargetRow t : r.targets()) {
            if (t.projected() == null) {
                Log.info("target %s: %d has no observed or projected value (see the warning), crossing %s", t.target(), t.year(),
                        t.crossingLabel());
                continue;
            }
            Log.info("target %s: %d projection Rp%s (95%% Rp%s–%s), P(reach) %.2f, crossing %s", t.target(), t.year(),
                    Projection.rupiah(t.projected()), Projection.rupiah(t.lo95()), Projection.rupiah(t.hi95()),
                    t.probability(), t.crossingLabel());
        }
    }

    /**
     * Completed listing-snapshot rows: the aggregate stage's count in the manifest ({@code completed_listing_rows}); when
     * the manifest lacks it, -1 if out/aggregates/monthly_detail holds listing rows (count unknown), else 0.
     */
    static long listingRows(StageContext ctx) {
        com.fasterxml.jackson.databind.JsonNode n = ctx.manifest().root().path("stages").path("AggregateMonthly").path("completed_listing_rows");
        if (n.isNumber()) return n.asLong();
        if (!ctx.outputs().exists("aggregates/monthly_detail")) return 0;
        return ParquetReads.read(ctx.spark(), ctx.outputs().fs(), ctx.outputs().path("aggregates") + "/monthly_detail")
                .where(col("grain").equalTo("LISTING_PERIOD")).isEmpty() ? 0 : -1;
    }

    /** Why nothing is projected from a monthly headline without months (summary.json {@code not_projected_reason}). */
    static String noOrderLines(long listingRows) {
        return listingRows != 0
                ? String.format(Locale.ROOT, "no completed order-line sales: the dumps hold %slisting-snapshot rows only "
                + "(LISTING_PERIOD: cumulative sold counts at a scrape's date, not a month's sales), which never enter the "
                + "monthly series. A projection needs monthly order exports; the listings' observed composition stands in "
                + "out/aggregates/monthly_detail.", listingRows > 0 ? String.format(Locale.ROOT, "%,d ", listingRows) : "")
                : "no completed order-line sales in out/aggregates/monthly_headline (every order cancelled, returned or "
                + "quarantined?): nothing to project from. Check `neraca validate` on the dumps.";
    }

    /**
     * The monthly sample series: the longest run of contiguous months with positive GMV that ends at the last
     * observed month (a gap or an empty month would break the models' time index; it is reported as a warning).
     */
    static Projection.Input input(List<Row> rows, List<String> warnings) {
        if (rows.isEmpty()) {
            throw NeracaException.data("out/aggregates/monthly_headline has no months: no completed order-line sales to project from");
        }
        List<YearMonth> months = new ArrayList<>();
        List<double[]> vals = new ArrayList<>();
        List<BigDecimal[]> exact = new ArrayList<>();
        for (Row r : rows) {
            YearMonth m = YearMonth.parse(r.getString(0));
            BigDecimal total = r.isNullAt(1) ? BigDecimal.ZERO : r.getDecimal(1);
            BigDecimal umkm = r.isNullAt(2) ? BigDecimal.ZERO : r.getDecimal(2);
            BigDecimal foreign = (r.isNullAt(3) ? BigDecimal.ZERO : r.getDecimal(3)).add(r.isNullAt(4) ? BigDecimal.ZERO : r.getDecimal(4));
            months.add(m);
            vals.add(new double[]{total.doubleValue(), umkm.doubleValue(), foreign.doubleValue()});
            exact.add(new BigDecimal[]{total, umkm, foreign});
        }
        int start = months.size() - 1;
        if (vals.get(start)[0] <= 0) {
            throw NeracaException.data("the last observed month %s has no completed GMV: nothing to project from", months.get(start));
        }
        while (start > 0 && months.get(start - 1).equals(months.get(start).minusMonths(1)) && vals.get(start - 1)[0] > 0) start--;
        if (start > 0) {
            warnings.add(String.format(Locale.ROOT, "months before %s are not used: %s is %s, so the models use the %d contiguous "
                            + "months %s to %s", months.get(start), months.get(start - 1),
                    vals.get(start - 1)[0] <= 0 ? "empty" : "followed by a gap", months.size() - start, months.get(start),
                    months.get(months.size() - 1)));
        }
        int n = months.size() - start;
        double[] t = new double[n];
        double[] u = new double[n];
        double[] f = new double[n];
        BigDecimal[] et = new BigDecimal[n];
        BigDecimal[] eu = new BigDecimal[n];
        BigDecimal[] ef = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            double[] v = vals.get(start + i);
            t[i] = v[0];
            u[i] = v[1];
            f[i] = v[2];
            BigDecimal[] e = exact.get(start + i);
            et[i] = e[0];
            eu[i] = e[1];
            ef[i] = e[2];
        }
        return new Projection.Input(List.copyOf(months.subList(start, months.size())), t, u, f, et, eu, ef);
    }

    /**
     * The monthly headline's five columns the models use, by month: read on the driver without a Spark job when
     * {@link id.neraca.core.SmallParquet} can (a headline is one row per month), else by Spark.
     */
    static List<Row> headline(StageContext ctx, String headlinePath) {
        String[] cols = {"period_month", "total_gmv_idr", "local_umkm_gmv_idr", "imported_gmv_idr", "cross_border_gmv_idr"};
        java.util.Optional<id.neraca.core.SmallParquet.Table> t = id.neraca.core.SmallParquet.read(ctx.outputs().fs(),
                new org.apache.hadoop.fs.Path(headlinePath));
        if (t.isEmpty() || !java.util.Arrays.asList(t.get().schema().fieldNames()).containsAll(List.of(cols))) {
            // Spark reads it, and names a missing column in its own words
            return SmallResults.sorted(ParquetReads.read(ctx.spark(), ctx.outputs().fs(), headlinePath)
                    .select(cols[0], java.util.Arrays.copyOfRange(cols, 1, cols.length)), cols[0]).collectAsList();
        }
        List<Row> out = new ArrayList<>();
        for (Row r : t.get().rows().stream().sorted(SmallResults.ordering(t.get().schema(), cols[0])).toList()) {
            Object[] v = new Object[cols.length];
            for (int k = 0; k < cols.length; k++) v[k] = r.getAs(cols[k]);
            out.add(org.apache.spark.sql.RowFactory.create(v));
        }
        return out;
    }

    /**
     * Leaves a partial first or last month out of the modelled series: a dump exported on the 15th holds half of its
     * last month, and that half-month would read as a collapse and pull every trend down (a monthly schedule that runs
     * a few days into the month would meet this every time). The aggregates keep the month as observed. Partial is
     * judged from the completed order lines' first and last {@code order_ts} in {@code out/classified} (UTC; the
     * tolerance covers the hours WIB/WITA/WIT are ahead), reading only those two month partitions.
     */
    static Projection.Input dropPartialEdgeMonths(StageContext ctx, Projection.Input in, int days, List<String> warnings) {
        if (days < 0 || in.months().size() < 2) return in;
        if (!ctx.outputs().exists("classified")) {
            warnings.add("out/classified is missing: whether the first and last months are complete was not checked");
            return in;
        }
        List<YearMonth> months = in.months();
        String first = months.get(0).toString();
        String last = months.get(months.size() - 1).toString();
        java.time.Instant firstSale = null;
        java.time.Instant lastSale = null;
        for (Row r : ctx.spark().read().schema(Schemas.classified()).parquet(ctx.outputs().path("classified"))
                .where(col("period_month").isin(first, last).and(col("grain").equalTo("ORDER_LINE"))
                        .and(col("status").equalTo("COMPLETED")))
                .groupBy("period_month").agg(min("order_ts"), max("order_ts")).collectAsList()) {
            if (r.isNullAt(1)) continue;
            if (r.getString(0).equals(first)) firstSale = r.getTimestamp(1).toInstant();
            if (r.getString(0).equals(last)) lastSale = r.getTimestamp(2).toInstant();
        }
        boolean[] drop = partialEdges(months.get(0), firstSale, months.get(months.size() - 1), lastSale, days);
        int from = drop[0] ? 1 : 0;
        int to = months.size() - (drop[1] ? 1 : 0);
        if (drop[0]) {
            warnings.add(String.format(Locale.ROOT, "the first month %s is partial: its completed sales begin %s (UTC), more than %d "
                    + "day(s) after it starts, so the models leave it out (it stays in out/aggregates; "
                    + "project.partial_month_days)", first, firstSale.toString().substring(0, 10), days));
        }
        if (drop[1]) {
            warnings.add(String.format(Locale.ROOT, "the last month %s is partial: its completed sales end %s (UTC), more than %d "
                    + "day(s) before it ends (a dump exported mid-month?), so the models leave it out: half a month would "
                    + "read as a fall and pull every trend down (it stays in out/aggregates; project.partial_month_days)",
                    last, lastSale.toString().substring(0, 10), days));
        }
        if (from == 0 && to == months.size()) return in;
        if (to - from < 1) return in;
        return new Projection.Input(List.copyOf(months.subList(from, to)),
                java.util.Arrays.copyOfRange(in.total(), from, to), java.util.Arrays.copyOfRange(in.localUmkm(), from, to),
                java.util.Arrays.copyOfRange(in.foreignOrigin(), from, to), java.util.Arrays.copyOfRange(in.exactTotal(), from, to),
                java.util.Arrays.copyOfRange(in.exactUmkm(), from, to), java.util.Arrays.copyOfRange(in.exactForeign(), from, to));
    }

    /**
     * {first partial, last partial}: the first month's first sale is later than {@code days} after its start, or the
     * last month's last sale earlier than {@code days} before its end (UTC). A month without a sale time is not judged.
     */
    static boolean[] partialEdges(YearMonth first, java.time.Instant firstSale, YearMonth last, java.time.Instant lastSale, int days) {
        java.time.Instant firstStart = first.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        java.time.Instant lastEnd = last.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        java.time.Duration tolerance = java.time.Duration.ofDays(days);
        return new boolean[]{
                firstSale != null && firstSale.isAfter(firstStart.plus(tolerance)),
                lastSale != null && lastSale.isBefore(lastEnd.minus(tolerance))};
    }

    /**
     * The projection of a monthly series: the coverage model, then the models. A history under 12 months, or one with
     * no fully observed year the coverage model can calibrate against a benchmark, projects nothing, and that is an
     * answer, not a failure ({@link Projection#notProjected}): the stage writes empty tables
     * and a summary saying why, and a run goes on to the report, whose observed shares need no projection.
     */
    static Projection.Result project(ProjectConfig cfg, Path ref, Projection.Input in) {
        return project(cfg, ref, in, List.of());
    }

    /**
     * As above; {@code leftOut} are calendar years the dumps hold whole but the models leave out (before a gap or an
     * empty month): a history without a calibration year among the modelled months then says that the gap, not a
     * missing benchmark, is why, instead of telling the user to add a benchmark for a year the file already has.
     */
    static Projection.Result project(ProjectConfig cfg, Path ref, Projection.Input in, List<Integer> leftOut) {
        String tooShort = Projection.tooShort(in.months());
        if (tooShort != null) return Projection.notProjected(cfg, in, tooShort, Projection.CAUSE_SHORT_HISTORY);
        Coverage.Result coverage;
        try {
            coverage = coverage(cfg, ref, in);
        } catch (Coverage.NotCalibratable e) {
            // no fully observed year has a benchmark (dumps of 2025 on): nothing scales to the nation, nothing is projected
            String reason = e.getMessage();
            if (!leftOut.isEmpty()) {
                reason += String.format(Locale.ROOT, " The dumps do hold the whole of %s, but those months come before a gap "
                        + "or an empty month, and the models and the calibration use only the contiguous months %s to %s "
                        + "(the warning on months not used): fill the missing months to calibrate on %s.",
                        leftOut.size() == 1 ? leftOut.get(0).toString() : leftOut.toString(), in.months().get(0),
                        in.months().get(in.months().size() - 1), leftOut.size() == 1 ? "it" : "them");
            }
            return Projection.notProjected(cfg, in, reason, Projection.CAUSE_NO_CALIBRATION_YEAR);
        }
        Projection.Result r = new Projection(cfg, coverage).run(in);
        List<String> added = withIntervalCalibration(r.summary(), ref.resolve(IntervalCalibration.FILE), cfg.backtest().weighting(),
                in.months().size());
        if (added.isEmpty()) return r;
        List<String> w = new ArrayList<>(r.warnings());
        w.addAll(added);
        return new Projection.Result(r.series(), r.shares(), r.backtest(), r.models(), r.targets(), r.summary(), List.copyOf(w));
    }

    /**
     * Adds {@code interval_calibration} (how often the published ensemble's intervals held the outcome in simulation,
     * {@link IntervalCalibration}) to a projected summary, before its {@code warnings}, to which a missing file adds one.
     *
     * @return the warnings added
     */
    static List<String> withIntervalCalibration(ObjectNode summary, Path file, String weighting, int monthsObserved) {
        List<String> added = new ArrayList<>();
        ObjectNode calibration = IntervalCalibration.summary(file, weighting, monthsObserved, added);
        com.fasterxml.jackson.databind.JsonNode warnings = summary.remove("warnings");
        summary.set("interval_calibration", calibration);
        com.fasterxml.jackson.databind.node.ArrayNode w = summary.putArray("warnings");
        if (warnings != null) warnings.forEach(w::add);
        added.forEach(w::add);
        return added;
    }

    /** The coverage model of the configuration; calibrated against the benchmark and FX files under {@code ref}. */
    static Coverage.Result coverage(ProjectConfig cfg, Path ref, Projection.Input in) {
        Projection.requireProjectableHistory(in.months());
        var cov = cfg.coverage();
        if (cov.method().equals(ProjectConfig.FACTOR)) return Coverage.fixed(cov.factor(), cov.minRelativeSd());
        List<Coverage.Benchmark> bench = ReferenceCsv.benchmarks(ref.resolve(cov.benchmarksFile()));
        Map<Integer, Integer> fxMonths = new TreeMap<>();
        Map<Integer, BigDecimal> fx = ReferenceCsv.annualAverage(ref.resolve(cov.fxFile()), "USD", fxMonths);
        Map<Integer, Integer> monthsPerYear = new TreeMap<>();
        for (YearMonth ym : in.months()) monthsPerYear.merge(ym.getYear(), 1, Integer::sum);
        Coverage.Result r = Coverage.calibrate(bench, fx, fullYears(in), cov.metric(), cov.minConfidence(), cov.minRelativeSd(),
                monthsPerYear, ref.resolve(cov.benchmarksFile()).toString());
        List<String> w = new ArrayList<>(r.warnings());
        for (Coverage.Point p : r.points()) {
            int m = fxMonths.getOrDefault(p.year(), 0);
            if (m < 12) w.add(String.format(Locale.ROOT, "the %d USD/IDR average rests on %d month(s) of fx_monthly.csv", p.year(), m));
        }
        return new Coverage.Result(r.method(), r.factor(), r.sigmaLog(), r.points(), r.note(), w);
    }

    /**
     * Calendar years whose 12 months all have completed GMV in the monthly headline but lie before the modelled series
     * (cut off by a gap or an empty month: {@link #input}).
     */
    static List<Integer> fullYearsBefore(List<Row> rows, Projection.Input in) {
        if (in.months().isEmpty()) return List.of();
        YearMonth first = in.months().get(0);
        Map<Integer, Integer> count = new TreeMap<>();
        for (Row r : rows) {
            YearMonth m = YearMonth.parse(r.getString(0));
            if (m.isBefore(first) && !r.isNullAt(1) && r.getDecimal(1).signum() > 0) count.merge(m.getYear(), 1, Integer::sum);
        }
        List<Integer> out = new ArrayList<>();
        for (var e : count.entrySet()) if (e.getValue() == 12) out.add(e.getKey());
        return out;
    }

    /** Observed sample GMV of each calendar year with all 12 months. */
    static Map<Integer, BigDecimal> fullYears(Projection.Input in) {
        Map<Integer, BigDecimal> sum = new TreeMap<>();
        Map<Integer, Integer> count = new TreeMap<>();
        for (int i = 0; i < in.months().size(); i++) {
            sum.merge(in.months().get(i).getYear(), in.exactTotal()[i], BigDecimal::add);
            count.merge(in.months().get(i).getYear(), 1, Integer::sum);
        }
        Map<Integer, BigDecimal> out = new TreeMap<>();
        for (var e : sum.entrySet()) if (count.get(e.getKey()) == 12) out.put(e.getKey(), e.getValue());
        return out;
    }

    // -------------------------------------------------------------------------------------------------- frames

    private static org.apache.spark.sql.Column[] order(String... cols) {
        org.apache.spark.sql.Column[] c = new org.apache.spark.sql.Column[cols.length];
        for (int i = 0; i < cols.length; i++) c[i] = col(cols[i]).asc_nulls_first();
        return c;
    }

    /** Modelled values to the whole rupiah (more digits would be false precision), as decimal(24,2). */
    static BigDecimal money(Double v) {
        if (v == null || !Double.isFinite(v)) return null;
        return BigDecimal.valueOf(v).setScale(0, RoundingMode.HALF_UP).setScale(2);
    }

    static Double num(Double v, int places) {
        if (v == null || !Double.isFinite(v)) return null;
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    private static StructType schema(Object... nameType) {
        StructField[] f = new StructField[nameType.length / 2];
        for (int i = 0; i < f.length; i++) {
            f[i] = DataTypes.createStructField((String) nameType[2 * i], (DataType) nameType[2 * i + 1], true);
        }
        return new StructType(f);
    }

    /** Rows per slice of a local table (about 0.3 MB serialised; Spark warns of a task above 1 MB). */
    static final int ROWS_PER_SLICE = 4000;

    /**
     * A table built on the driver as a DataFrame. A few thousand rows go as one local relation; more (a backtest of a
     * long history scored to 36 months has tens of thousands) in slices of {@link #ROWS_PER_SLICE}, so that no task
     * carries more than Spark's recommended task size. The writes sort every table by a key that orders each row, so
     * the slicing changes no byte of the files.
     */
    static Dataset<Row> local(SparkSession spark, List<Row> rows, StructType schema) {
        if (rows.size() <= ROWS_PER_SLICE) return spark.createDataFrame(rows, schema);
        int slices = (rows.size() + ROWS_PER_SLICE - 1) / ROWS_PER_SLICE;
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices), schema);
    }

    public static final StructType SERIES = schema("series", DataTypes.StringType, "model", DataTypes.StringType,
            "period", DataTypes.StringType, "kind", DataTypes.StringType, "value_idr", MONEY, "lo80_idr", MONEY,
            "hi80_idr", MONEY, "lo95_idr", MONEY, "hi95_idr", MONEY, "frequency", DataTypes.StringType,
            "sample_value_idr", MONEY);

    static Dataset<Row> seriesFrame(SparkSession spark, List<Projection.SeriesRow> rows) {
        List<Row> out = new ArrayList<>();
        for (Projection.SeriesRow r : rows) {
            out.add(RowFactory.create(r.series(), r.model(), r.period(), r.kind(), valueIdr(r), money(r.lo80()),
                    money(r.hi80()), money(r.lo95()), money(r.hi95()), r.frequency(), sampleIdr(r)));
        }
        return local(spark, out, SERIES);
    }

    /** {@code value_idr}: an OBSERVED row's exact national value (sample × published factor, to the sen), else the model's. */
    static BigDecimal valueIdr(Projection.SeriesRow r) {
        return r.exactValue() != null ? r.exactValue().setScale(2, RoundingMode.HALF_UP) : money(r.value());
    }

    /** {@code sample_value_idr}: the aggregates' exact value of an OBSERVED row (to the sen, as out/aggregates has it). */
    static BigDecimal sampleIdr(Projection.SeriesRow r) {
        return r.exactSample() != null ? r.exactSample().setScale(2, RoundingMode.HALF_UP) : money(r.sampleValue());
    }

    public static final StructType SHARES = schema("series", DataTypes.StringType, "model", DataTypes.StringType,
            "frequency", DataTypes.StringType, "period", DataTypes.StringType, "kind", DataTypes.StringType,
            "value_pct", DataTypes.DoubleType, "lo80_pct", DataTypes.DoubleType, "hi80_pct", DataTypes.DoubleType,
            "lo95_pct", DataTypes.DoubleType, "hi95_pct", DataTypes.DoubleType);

    static Dataset<Row> sharesFrame(SparkSession spark, List<Projection.ShareRow> rows) {
        List<Row> out = new ArrayList<>();
        for (Projection.ShareRow r : rows) {
            out.add(RowFactory.create(r.series(), r.model(), r.frequency(), r.period(), r.kind(), num(r.valuePct(), 4),
                    num(r.lo80(), 4), num(r.hi80(), 4), num(r.lo95(), 4), num(r.hi95(), 4)));
        }
        return local(spark, out, SHARES);
    }

    public static final StructType BACKTEST = schema("model", DataTypes.StringType, "horizon", DataTypes.IntegerType,
            "origin", DataTypes.StringType, "mape", DataTypes.DoubleType, "mase", DataTypes.DoubleType,
            "series", DataTypes.StringType, "frequency", DataTypes.StringType, "n", DataTypes.IntegerType);

    static Dataset<Row> backtestFrame(SparkSession spark, List<Projection.BacktestRow> rows) {
        List<Row> out = new ArrayList<>();
        for (Projection.BacktestRow r : rows) {
            out.add(RowFactory.create(r.model(), r.horizon(), r.origin(), num(r.mape(), 8), num(r.mase(), 8), r.series(),
                    r.frequency(), r.n()));
        }
        return local(spark, out, BACKTEST);
    }

    public static final StructType MODELS = schema("series", DataTypes.StringType, "frequency", DataTypes.StringType,
            "model", DataTypes.StringType, "supported", DataTypes.BooleanType, "selected", DataTypes.BooleanType,
            "weight", DataTypes.DoubleType, "mape", DataTypes.DoubleType, "mase", DataTypes.DoubleType,
            "parameter", DataTypes.StringType, "value", DataTypes.DoubleType, "warning", DataTypes.StringType);

    static Dataset<Row> modelsFrame(SparkSession spark, List<Projection.ModelRow> rows) {
        List<Row> out = new ArrayList<>();
        for (Projection.ModelRow r : rows) {
            out.add(RowFactory.create(r.series(), r.frequency(), r.model(), r.supported(), r.selected(), num(r.weight(), 6),
                    num(r.mape(), 8), num(r.mase(), 8), r.parameter(), num(r.value(), 10), r.warning()));
        }
        return local(spark, out, MODELS);
    }

    public static final StructType TARGETS = schema("target", DataTypes.StringType, "year", DataTypes.IntegerType,
            "target_idr", MONEY, "projected_idr", MONEY, "lo80_idr", MONEY, "hi80_idr", MONEY, "lo95_idr", MONEY,
            "hi95_idr", MONEY, "gap_idr", MONEY, "probability", DataTypes.DoubleType, "crossing_year", DataTypes.IntegerType,
            "required_cagr_pct", DataTypes.DoubleType, "label", DataTypes.StringType, "crossing_label", DataTypes.StringType);

    static Dataset<Row> targetsFrame(SparkSession spark, List<Projection.TargetRow> rows) {
        List<Row> out = new ArrayList<>();
        for (Projection.TargetRow r : rows) {
            out.add(RowFactory.create(r.target(), r.year(), r.targetIdr().setScale(2, RoundingMode.HALF_UP),
                    money(r.projected()), money(r.lo80()), money(r.hi80()), money(r.lo95()), money(r.hi95()), money(r.gap()),
                    num(r.probability(), 4), r.crossingYear(), num(r.requiredCagrPct(), 4), r.label(), r.crossingLabel()));
        }
        return local(spark, out, TARGETS);
    }
}
