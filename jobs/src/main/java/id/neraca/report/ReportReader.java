package id.neraca.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.neraca.core.Log;
import id.neraca.core.NeracaException;
import id.neraca.core.OutputStore;
import id.neraca.core.ParquetReads;
import id.neraca.core.SmallParquet;
import id.neraca.core.SmallResults;
import id.neraca.core.StageContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The report's I/O: reads one run's outputs into a {@link ReportData}. Required inputs (aggregates,
 * projection) fail with a {@link NeracaException} naming the folder and the command that makes it; optional
 * ones (classified, reconciliation, quarantine reasons, classify stats, reference files) become empty and
 * the report marks their sections "not available in this run". Only small results reach the driver:
 * headline rows (one per month or year), projection series, and cell statistics of the published tables.
 */
final class ReportReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession spark;
    private final OutputStore outputs;
    private final ReportConfig cfg;
    private final List<String> warnings = new ArrayList<>();
    /** Whether a small input's statistics are computed on the driver ({@link LocalCellStats}). */
    private boolean statsOnDriver;

    ReportReader(SparkSession spark, OutputStore outputs, ReportConfig cfg) {
        this.spark = spark;
        this.outputs = outputs;
        this.cfg = cfg;
    }

    /** The statistics of a small input computed on the driver (same figures as Spark's: {@link LocalCellStats}). */
    ReportReader statsOnDriver(boolean on) {
        this.statsOnDriver = on;
        return this;
    }

    ReportData read(StageContext ctx, Path referenceDir) {
        // outputs of two runs (core.Pipeline.staleInputs): the reader of the report must see it, not only the log
        String stale = ctx.manifest().stage("WriteReport").path("stale_inputs").asText(null);
        if (stale != null) warnings.add(stale);
        String drift = ctx.manifest().stage("WriteReport").path("configuration_drift").asText(null);
        if (drift != null) warnings.add(drift);
        List<ReportData.Headline> annual = headlines(requiredSmall("aggregates/annual_headline", "aggregate"), "year");
        List<ReportData.Headline> monthly = headlines(requiredSmall("aggregates/monthly_headline", "aggregate"), "period_month");

        // in a whole run, a small classify's committed rows are handed over cached (core.Handoffs)
        Optional<Dataset<Row>> handed = ctx.handoffs().take("classified");
        ctx.manifest().stage("WriteReport").put("classified_from", handed.isPresent() ? "classify handoff" : "out/classified");
        Optional<Dataset<Row>> classifiedAll = handed.isPresent() ? handed : optional("classified");
        Optional<Dataset<Row>> detailAll = optional("aggregates/monthly_detail");
        // the report describes one grain: completed order lines, or, when the dumps hold no order line at all,
        // listing snapshots (a scrape's cumulative sold counts), whose headline the report builds itself: the
        // aggregate keeps them out of its headline series (docs/OUTPUTS.md)
        String basis = ReportData.ORDER_LINE;
        if (annual.isEmpty() && hasListings(classifiedAll, detailAll)) {
            basis = ReportData.LISTING_PERIOD;
            Log.info("WriteReport: the dumps hold listing snapshots only: the report describes the listings' sold value");
            // a month's figures are its scrape's; a year's are each listing's latest snapshot in it (sold counts are
            // cumulative: two scrapes of one listing summed counted its sales twice)
            monthly = classifiedAll.isPresent() ? listingMonths(classifiedAll.get(), true) : listingMonths(detailAll.get(), false);
            if (classifiedAll.isPresent()) {
                classifiedAll = Optional.of(CellStats.latestSnapshotPerYear(classifiedAll.get()));
            } else {
                detailAll = Optional.of(CellStats.latestMonthPerYear(detailAll.get()));
                warnings.add("out/classified is missing: the listings' seller counts are lower bounds from out/aggregates/monthly_detail, "
                        + "and a year's figures are its latest scrape month's alone (a listing missing from that scrape is left out)");
            }
            annual = classifiedAll.isPresent() ? listingHeadlines(classifiedAll.get(), true) : listingHeadlines(detailAll.get(), false);
            // a year's months are its scrape months, whichever snapshot of a listing was the latest
            final List<ReportData.Headline> months = monthly;
            annual = new ArrayList<>(annual.stream().map(h -> h.withMonthsObserved((int) months.stream()
                    .filter(m -> m.period().startsWith(h.period() + "-")).count())).toList());
        }
        if (annual.isEmpty()) {
            throw NeracaException.data("%s: has no rows; the report needs at least one observed year. "
                    + "Check that out/classified holds COMPLETED sales and rerun `neraca aggregate`.", outputs.path("aggregates/annual_headline"));
        }
        if (ReportData.ORDER_LINE.equals(basis)) listingsLeftOut(detailAll);
        final String grain = basis;
        Optional<Dataset<Row>> classified = classifiedAll.map(c -> ofGrain(c, grain));
        Optional<Dataset<Row>> detail = detailAll.map(d -> ofGrain(d, grain));
        int year = Integer.parseInt(annual.get(annual.size() - 1).period());

        Map<String, String> provinces = provinceNames(referenceDir.resolve(cfg.provincesFile()));
        Dataset<Row> completed = classified.map(c -> c.filter(col("status").equalTo("COMPLETED"))).orElse(null);
        Dataset<Row> yearSales = classified.map(c -> CellStats.completedInYear(c, year)).orElse(null);
        Dataset<Row> yearDetail = detail.map(d -> d.filter(col("period_month").startsWith(year + "-"))).orElse(null);
        // a small input's completed sales collected once and their statistics computed on the driver (LocalCellStats):
        // the same figures as the Spark queries below, without a query's planning and jobs each
        List<LocalCellStats.Sale> local = statsOnDriver && completed != null ? LocalCellStats.collect(completed, LocalCellStats.MAX_ROWS) : null;
        List<LocalCellStats.Sale> localYear = local == null ? null : LocalCellStats.inYear(local, year);
        Map<String, Disclosure.Cell[][]> grids = new LinkedHashMap<>();
        Map<String, List<String>> rowKeys = new LinkedHashMap<>();
        List<ReportData.Evidence> evidence = null;
        Optional<ReportData.Permendag> permendag = Optional.empty();
        boolean exact = yearSales != null;
        if (yearSales == null && yearDetail == null) {
            warnings.add("out/classified and out/aggregates/monthly_detail are both missing: no breakdown tables, "
                    + "and the headline's figures could not be checked against the disclosure rules");
        } else {
            Dataset<Row> src = yearSales != null ? yearSales : yearDetail;
            List<String> top = localYear != null ? LocalCellStats.topCategories(localYear, cfg.maxCategories())
                    : CellStats.gmvBy(src, "category").orderBy(col("gmv_idr").desc(), col("key"))
                    .limit(cfg.maxCategories()).collectAsList().stream().map(r -> r.getString(0)).toList();
            List<Row> stats;
            if (localYear != null) {
                stats = LocalCellStats.cells(localYear, top);
            } else if (yearSales != null) {
                Dataset<Row> base = CellStats.sellerBase(yearSales, top).cache();
                stats = CellStats.fromSellerBase(base).collectAsList();
                base.unpersist();
            } else {
                stats = CellStats.fromDetail(yearDetail, top).collectAsList();
            }
            for (String name : CellStats.DIMENSIONS.keySet()) {
                List<String> fixed = name.equals("province") ? new ArrayList<>(provinces.keySet()) : List.of();
                rowKeys.put(name, rowKeys(name, stats, fixed));
                grids.put(name, grid(name, stats, rowKeys.get(name)));
            }
        }
        if (yearSales != null) {
            // by class, then in the rules' order (declared origin before brand before title)
            evidence = (localYear != null ? LocalCellStats.evidence(localYear) : CellStats.evidence(yearSales).collectAsList()).stream()
                    .map(r -> new ReportData.Evidence(r.getString(0), r.getString(1), lng(r.get(2)), dec(r.get(3)),
                            lng(r.get(4)), dec(r.get(5)), Disclosure.Status.PUBLISHED, dec(r.get(6))))
                    .sorted(java.util.Comparator.comparing(ReportData.Evidence::originClass)
                            .thenComparingInt(e -> CellStats.decisiveRank(e.evidence()))
                            .thenComparing(ReportData.Evidence::evidence))
                    .toList();
            Row p = localYear != null ? LocalCellStats.permendag(localYear) : CellStats.permendag(yearSales).first();
            BigDecimal flaggedGmv = dec(p.get(1)) == null ? BigDecimal.ZERO : dec(p.get(1));
            BigDecimal flaggedTop = dec(p.get(7)) == null ? BigDecimal.ZERO : dec(p.get(7));
            // the flagged sellers' two largest are not computed: bounded by twice the largest (can only withhold more)
            boolean suppressed = Disclosure.primary(new Disclosure.Cell(flaggedGmv, lng(p.get(6)), flaggedTop),
                    cfg.minSellers(), cfg.dominanceShare(), cfg.pPercent()) == Disclosure.Status.PRIMARY;
            permendag = Optional.of(new ReportData.Permendag(year, lng(p.get(0)), flaggedGmv, lng(p.get(2)),
                    dec(p.get(3)), lng(p.get(4)), dec(p.get(5)), lng(p.get(6)), flaggedTop, suppressed, false));
        }

        // disclosure control: every year's headline, and the headline year's tables and evidence as one system
        Map<String, Disclosure.Cell[]> headlineCells = local != null ? headlineCells(LocalCellStats.headlineCells(local))
                : completed != null ? headlineCells(CellStats.headlineCells(completed).collectAsList())
                : detail.map(d -> headlineCells(CellStats.headlineCellsFromDetail(d).collectAsList())).orElse(Map.of());
        Map<String, ReportData.Breakdown> breakdowns = new LinkedHashMap<>();
        for (int i = 0; i < annual.size(); i++) {
            ReportData.Headline h = annual.get(i);
            Disclosure.Cell[] cells = headlineCells.get(h.period());
            if (cells == null) {
                if (!headlineCells.isEmpty()) {
                    warnings.add("no seller statistics for " + h.period() + ": its headline figures could not be checked "
                            + "against the disclosure rules; check before publishing");
                }
                continue;
            }
            Disclosure.Status[] st;
            if (i == annual.size() - 1) {
                List<HeadlineDisclosure.EvidenceCell> ev = evidence == null ? List.of() : evidence.stream()
                        .map(e -> new HeadlineDisclosure.EvidenceCell(e.originClass(), e.cell())).toList();
                HeadlineDisclosure.Result r = HeadlineDisclosure.headlineYear(cells, grids, ev, cfg.rules());
                st = r.headline();
                for (String name : grids.keySet()) {
                    breakdowns.put(name, new ReportData.Breakdown(name, CellStats.DIMENSIONS.get(name), rowKeys.get(name),
                            grids.get(name), r.tables().get(name), exact, year));
                }
                if (evidence != null) {
                    List<ReportData.Evidence> protectedEvidence = new ArrayList<>();
                    for (int k = 0; k < evidence.size(); k++) protectedEvidence.add(evidence.get(k).withStatus(r.evidence()[k]));
                    evidence = protectedEvidence;
                }
            } else {
                st = HeadlineDisclosure.year(cells, cfg.rules());
            }
            Map<String, Disclosure.Status> verdicts = new LinkedHashMap<>();
            for (int k = 0; k < st.length; k++) verdicts.put(HeadlineDisclosure.KEYS.get(k), st[k]);
            annual.set(i, h.withDisclosure(verdicts));
        }
        if (breakdowns.isEmpty()) {
            // no headline statistics for the headline year: each table protected on its own
            for (String name : grids.keySet()) {
                breakdowns.put(name, new ReportData.Breakdown(name, CellStats.DIMENSIONS.get(name), rowKeys.get(name), grids.get(name),
                        Disclosure.protect(grids.get(name), cfg.rules()), exact, year));
            }
        }
        Optional<List<ReportData.Evidence>> evidenceOut = Optional.ofNullable(evidence);
        ReportData.Headline last = annual.get(annual.size() - 1);
        permendag = permendag.map(p -> new ReportData.Permendag(p.year(), p.flaggedLines(), p.flaggedGmv(), p.lines(), p.gmv(),
                p.crossBorderLines(), p.crossBorderGmv(), p.flaggedSellers(), p.flaggedTopSellerGmv(), p.suppressed(),
                !last.published("CROSS_BORDER")));

        ReportData.Projection projection = projection();
        return new ReportData(outputs.runId(), Instant.now().toString(), annual, monthly, breakdowns, evidenceOut,
                permendag, projection, reconciliation(), quarantineReasons(), classifyStats(),
                fx(referenceDir.resolve("fx_monthly.csv")), provinces, categoryLabels(referenceDir.resolve("categories.csv")),
                ctx.manifest().root(), cfg, warnings, basis, yearSales == null ? null
                : localYear != null ? LocalCellStats.topThreeSharePct(localYear) : CellStats.topThreeSharePct(yearSales),
                marketplaceLabels(ctx));
    }

    /**
     * The marketplaces' names the mapping files give ({@code label}, {@code label_id}: a new marketplace named in the
     * report by its mapping, not by a code change); the first mapping of a marketplace that names it. A mappings folder
     * that cannot be read leaves the report's own names (a warning says so).
     */
    private Map<String, ReportData.CategoryLabel> marketplaceLabels(StageContext ctx) {
        Map<String, ReportData.CategoryLabel> out = new TreeMap<>();
        try {
            java.nio.file.Path dir = ctx.config().mappingsDir();
            if (!java.nio.file.Files.isDirectory(dir)) return out;
            for (id.neraca.ingest.mapping.Mapping m : id.neraca.ingest.mapping.Mappings.load(dir)) {
                if (m.label() != null) out.putIfAbsent(m.marketplace(), new ReportData.CategoryLabel(m.label(), m.labelId()));
            }
        } catch (RuntimeException e) {
            warnings.add("the mapping files could not be read for the marketplaces' names (" + e.getMessage()
                    + "): the report uses its own names and the marketplace ids");
        }
        return out;
    }

    List<String> warnings() {
        return warnings;
    }

    // ---------------------------------------------------------------- inputs

    private Optional<Dataset<Row>> optional(String name) {
        if (!outputs.exists(name)) {
            Log.info("WriteReport: optional input %s is not there; its section says 'not available'", outputs.path(name));
            return Optional.empty();
        }
        try {
            return Optional.of(ParquetReads.read(spark, outputs.fs(), outputs.path(name)));
        } catch (RuntimeException e) {
            warnings.add(name + " could not be read (" + e.getMessage() + ")");
            Log.warn("WriteReport: %s cannot be read (%s); its section says 'not available'", outputs.path(name), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A small output (a headline, a projection table, the reconciliation) read whole onto the driver: without a Spark
     * job when {@link SmallParquet} can read it, else by Spark. The caller has checked that it exists; one that cannot
     * be read fails with {@code onError}'s exception.
     */
    private SmallParquet.Table small(String name, java.util.function.Function<RuntimeException, RuntimeException> onError) {
        try {
            Optional<SmallParquet.Table> t = SmallParquet.read(outputs.fs(), new org.apache.hadoop.fs.Path(outputs.path(name)));
            if (t.isPresent()) return t.get();
            Dataset<Row> ds = ParquetReads.read(spark, outputs.fs(), outputs.path(name));
            return new SmallParquet.Table(ds.schema(), ds.collectAsList());
        } catch (RuntimeException e) {
            throw onError.apply(e);
        }
    }

    /** A required small output (see {@link #small}). */
    private SmallParquet.Table requiredSmall(String name, String command) {
        if (!outputs.exists(name)) {
            throw NeracaException.usage("%s: not found. The report needs the output of `neraca %s` "
                    + "(or `neraca run`); run it first on the same --out folder.", outputs.path(name), command);
        }
        return small(name, e -> NeracaException.data("%s: cannot be read as Parquet (%s). Rerun `neraca %s`.",
                outputs.path(name), e.getMessage(), command));
    }

    /** An optional small output (see {@link #small}): empty, with a warning, when it is missing or cannot be read. */
    private Optional<SmallParquet.Table> optionalSmall(String name) {
        if (!outputs.exists(name)) {
            Log.info("WriteReport: optional input %s is not there; its section says 'not available'", outputs.path(name));
            return Optional.empty();
        }
        try {
            return Optional.of(small(name, e -> e));
        } catch (RuntimeException e) {
            warnings.add(name + " could not be read (" + e.getMessage() + ")");
            Log.warn("WriteReport: %s cannot be read (%s); its section says 'not available'", outputs.path(name), e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code t}'s rows sorted as {@code orderBy(columns)} sorts them. */
    private static List<Row> sorted(SmallParquet.Table t, String... columns) {
        return t.rows().stream().sorted(SmallResults.ordering(t.schema(), columns)).toList();
    }

    private void requireColumns(SmallParquet.Table t, String name, String... columns) {
        requireColumns(Arrays.asList(t.schema().fieldNames()), name, columns);
    }

    private void requireColumns(Dataset<Row> ds, String name, String... columns) {
        requireColumns(Arrays.asList(ds.columns()), name, columns);
    }

    private void requireColumns(List<String> have, String name, String... columns) {
        for (String c : columns) {
            if (!have.contains(c)) {
                throw NeracaException.data("%s: column '%s' is missing (has %s); see docs/CONTRACTS.md. "
                        + "Rerun the stage that writes it.", name, c, have);
            }
        }
    }

    private List<ReportData.Headline> headlines(SmallParquet.Table t, String periodColumn) {
        String[] cols = {periodColumn, "total_gmv_idr", "local_umkm_gmv_idr", "local_large_gmv_idr", "imported_gmv_idr",
                "cross_border_gmv_idr", "unknown_gmv_idr", "orders", "units", "sellers"};
        requireColumns(t, "aggregates (" + periodColumn + ")", cols);
        boolean hasMonths = Arrays.asList(t.schema().fieldNames()).contains("months_observed");
        // by the period as text (a year may be written as a number)
        java.util.function.Function<Row, String> period = r -> r.isNullAt(r.fieldIndex(periodColumn)) ? null
                : String.valueOf((Object) r.getAs(periodColumn));
        List<ReportData.Headline> out = new ArrayList<>();
        for (Row r : t.rows().stream().sorted((a, b) -> SmallResults.compareValues(period.apply(a), period.apply(b))).toList()) {
            out.add(new ReportData.Headline(period.apply(r), hasMonths ? ((Number) r.getAs("months_observed")).intValue() : 1,
                    dec(r.getAs(cols[1])), dec(r.getAs(cols[2])), dec(r.getAs(cols[3])), dec(r.getAs(cols[4])),
                    dec(r.getAs(cols[5])), dec(r.getAs(cols[6])), lng(r.getAs(cols[7])), lng(r.getAs(cols[8])),
                    lng(r.getAs(cols[9])), Map.of()));
        }
        return out;
    }

    /** Headline statistics per year (see {@link CellStats#headlineCells}), entries in the order of {@link HeadlineDisclosure#KEYS}. */
    private Map<String, Disclosure.Cell[]> headlineCells(List<Row> stats) {
        Map<String, Disclosure.Cell[]> out = new TreeMap<>();
        for (Row r : stats) {
            int k = HeadlineDisclosure.KEYS.indexOf(r.getString(1));
            if (k < 0) {
                warnings.add("headline statistics: unexpected origin class '" + r.getString(1) + "' ignored");
                continue;
            }
            Disclosure.Cell[] cells = out.computeIfAbsent(r.getString(0), y -> {
                Disclosure.Cell[] c = new Disclosure.Cell[HeadlineDisclosure.KEYS.size()];
                Arrays.fill(c, Disclosure.Cell.EMPTY);
                return c;
            });
            cells[k] = new Disclosure.Cell(dec(r.get(2)), lng(r.get(3)), dec(r.get(4)), r.size() > 5 ? dec(r.get(5)) : null);
        }
        return out;
    }

    private static List<Row> tableRows(String name, List<Row> all) {
        // columns of a stats row: table, level, row_key, origin_class, gmv_idr, sellers, top_seller_gmv_idr, top2_seller_gmv_idr
        return all.stream().filter(r -> r.getString(0).equals(name))
                .map(r -> org.apache.spark.sql.RowFactory.create(r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6),
                        r.size() > 7 ? r.get(7) : null))
                .toList();
    }

    /** Row order of a table: the fixed list (all 38 provinces, even without sales), then the others by GMV. */
    private static List<String> rowKeys(String name, List<Row> all, List<String> fixedRows) {
        Map<String, BigDecimal> rowGmv = new HashMap<>();
        for (Row r : tableRows(name, all)) if (r.getString(0).equals("ROW_TOTAL")) rowGmv.put(r.getString(1), dec(r.get(3)));
        List<String> keys = new ArrayList<>(fixedRows);
        rowGmv.keySet().stream().filter(k -> !keys.contains(k))
                .sorted(Comparator.<String, Boolean>comparing(k -> k.startsWith("__"))
                        .thenComparing(rowGmv::get, Comparator.reverseOrder()).thenComparing(k -> k))
                .forEach(keys::add);
        return keys;
    }

    /** The table's {@code (rows+1) × (classes+1)} grid of cell statistics, totals in the last row and column. */
    private Disclosure.Cell[][] grid(String name, List<Row> all, List<String> keys) {
        int nr = keys.size();
        int nc = ReportData.CLASSES.size();
        Disclosure.Cell[][] grid = new Disclosure.Cell[nr + 1][nc + 1];
        for (Disclosure.Cell[] row : grid) Arrays.fill(row, Disclosure.Cell.EMPTY);
        for (Row r : tableRows(name, all)) {
            String level = r.getString(0);
            int ri = level.equals("COL_TOTAL") || level.equals("GRAND") ? nr : keys.indexOf(r.getString(1));
            int ci = level.equals("ROW_TOTAL") || level.equals("GRAND") ? nc : ReportData.CLASSES.indexOf(r.getString(2));
            if (ri < 0 || ci < 0) {
                warnings.add(name + " table: unexpected origin class '" + r.getString(2) + "' ignored");
                continue;
            }
            grid[ri][ci] = new Disclosure.Cell(dec(r.get(3)), lng(r.get(4)), dec(r.get(5)), dec(r.get(6)));
        }
        return grid;
    }

    /** Rows of one grain; a table without the column (written before it existed) is taken as order lines. */
    private static Dataset<Row> ofGrain(Dataset<Row> ds, String grain) {
        if (!Arrays.asList(ds.columns()).contains("grain")) {
            return ReportData.ORDER_LINE.equals(grain) ? ds : ds.limit(0);
        }
        return ds.filter(col("grain").equalTo(grain));
    }

    /**
     * A warning when the run holds listing snapshots beside its order lines: they are in none of the report's figures
     * (cumulative sold counts are not a period's sales), and a reader who added a scrape should be told where it went.
     * From monthly_detail, which is small; nothing when it is missing.
     */
    private void listingsLeftOut(Optional<Dataset<Row>> detail) {
        if (detail.isEmpty() || !Arrays.asList(detail.get().columns()).contains("grain")) return;
        List<String> months = SmallResults.sorted(ofGrain(detail.get(), ReportData.LISTING_PERIOD).select("period_month").distinct(),
                "period_month").collectAsList().stream().map(r -> r.getString(0)).toList();
        if (months.isEmpty()) return;
        // no units or value summed over the months: each scrape counts a listing's sales to date again
        String span = months.size() == 1 ? months.get(0) : months.get(0) + " to " + months.get(months.size() - 1);
        warnings.add(String.format(java.util.Locale.ROOT, "listing snapshots of %d scrape month(s) (%s)", months.size(), span)
                + StageNotes.LISTINGS_REST);
    }

    /** Whether out/classified (else out/aggregates/monthly_detail) holds completed listing-snapshot rows. */
    private static boolean hasListings(Optional<Dataset<Row>> classified, Optional<Dataset<Row>> detail) {
        Optional<Dataset<Row>> src = classified.isPresent() ? classified : detail;
        if (src.isEmpty() || !Arrays.asList(src.get().columns()).contains("grain")) return false;
        Dataset<Row> l = ofGrain(src.get(), ReportData.LISTING_PERIOD);
        if (Arrays.asList(l.columns()).contains("status")) l = l.filter(col("status").equalTo("COMPLETED"));
        return !l.isEmpty();
    }

    /**
     * The headline of listing snapshots per calendar year, built like the aggregate's {@code annual_headline} (which
     * keeps listings out): GMV per origin class of the completed listing rows, units, distinct sellers (exact from
     * out/classified; from monthly_detail the largest cell's count, a lower bound), no orders (a scrape has none),
     * and the number of snapshot months.
     */
    private List<ReportData.Headline> listingHeadlines(Dataset<Row> rows, boolean fromClassified) {
        return listingPeriods(rows, fromClassified, org.apache.spark.sql.functions.substring(col("period_month"), 1, 4));
    }

    private List<ReportData.Headline> listingMonths(Dataset<Row> rows, boolean fromClassified) {
        return listingPeriods(rows, fromClassified, col("period_month"));
    }

    private List<ReportData.Headline> listingPeriods(Dataset<Row> rows, boolean fromClassified, org.apache.spark.sql.Column period) {
        Dataset<Row> l = ofGrain(rows, ReportData.LISTING_PERIOD);
        if (fromClassified) l = l.filter(col("status").equalTo("COMPLETED"));
        List<org.apache.spark.sql.Column> aggs = new ArrayList<>();
        aggs.add(org.apache.spark.sql.functions.sum("gmv_idr").cast("decimal(24,2)"));
        for (String c : ReportData.CLASSES) {
            aggs.add(org.apache.spark.sql.functions.coalesce(org.apache.spark.sql.functions.sum(
                    org.apache.spark.sql.functions.when(col("origin_class").equalTo(c), col("gmv_idr"))),
                    lit(java.math.BigDecimal.ZERO)).cast("decimal(24,2)"));
        }
        aggs.add(org.apache.spark.sql.functions.sum(fromClassified ? "quantity" : "units").cast("long"));
        aggs.add(fromClassified ? org.apache.spark.sql.functions.countDistinct(col("seller_key")).cast("long")
                : org.apache.spark.sql.functions.max("sellers").cast("long"));
        aggs.add(org.apache.spark.sql.functions.countDistinct(col("period_month")).cast("int"));
        List<ReportData.Headline> out = new ArrayList<>();
        for (Row r : SmallResults.sorted(l.groupBy(period.as("period")).agg(aggs.get(0), aggs.subList(1, aggs.size())
                .toArray(org.apache.spark.sql.Column[]::new)), "period").collectAsList()) {
            out.add(new ReportData.Headline(r.getString(0), r.getInt(9), dec(r.get(1)), dec(r.get(2)), dec(r.get(3)),
                    dec(r.get(4)), dec(r.get(5)), dec(r.get(6)), 0L, lng(r.get(7)), lng(r.get(8)), Map.of()));
        }
        return out;
    }

    private ReportData.Projection projection() {
        Optional<JsonNode> summary = outputs.readText("projection/summary.json").map(t -> {
            try {
                return JSON.readTree(t);
            } catch (IOException e) {
                throw NeracaException.data("%s: not valid JSON (%s). Rerun `neraca project`.",
                        outputs.path("projection/summary.json"), e.getMessage());
            }
        });
        if (summary.isPresent() && "not_projected".equals(summary.get().path("status").asText())) {
            return new ReportData.Projection(id.neraca.project.Projection.TOTAL, null, true, List.of(), targets(summary), List.of(), summary);
        }
        SmallParquet.Table series = requiredSmall("projection/series", "project");
        requireColumns(series, outputs.path("projection/series"), "series", "model", "period", "kind", "value_idr",
                "lo80_idr", "hi80_idr", "lo95_idr", "hi95_idr");
        String selected = summary.map(s -> s.path("selected").asText(null)).orElse(null);
        // the (series, model) pairs, distinct, in their order
        List<Row> names = sorted(series, "series", "model").stream()
                .map(r -> org.apache.spark.sql.RowFactory.create(r.<Object>getAs("series"), r.<Object>getAs("model")))
                .distinct().toList();
        if (names.isEmpty()) {
            throw NeracaException.data("%s: has no rows. Rerun `neraca project`.", outputs.path("projection/series"));
        }
        List<String> seriesNames = names.stream().map(r -> r.getString(0)).distinct().toList();
        String chosen = seriesNames.stream().filter(s -> s.equals("total_gmv") || s.equals("total")).findFirst()
                .orElse(seriesNames.stream().filter(s -> s.contains("total")).findFirst().orElse(seriesNames.get(0)));
        List<String> models = names.stream().filter(r -> r.getString(0).equals(chosen)).map(r -> r.getString(1)).toList();
        String model = selected != null && models.contains(selected) ? selected
                : models.contains("ensemble") ? "ensemble" : models.get(0);
        List<Row> rows = sorted(series, "period", "kind").stream()
                .filter(r -> chosen.equals(r.getAs("series")) && (model.equals(r.getAs("model")) || "OBSERVED".equals(r.getAs("kind"))))
                .map(r -> org.apache.spark.sql.RowFactory.create(r.getAs("period"), r.getAs("kind"), r.getAs("value_idr"),
                        r.getAs("lo80_idr"), r.getAs("hi80_idr"), r.getAs("lo95_idr"), r.getAs("hi95_idr")))
                .toList();
        boolean annual = rows.stream().anyMatch(r -> r.getString(0).length() == 4);
        Map<String, ReportData.Point> byKey = new TreeMap<>();
        for (Row r : rows) {
            if (annual != (r.getString(0).length() == 4)) continue;
            byKey.putIfAbsent(r.getString(0) + "|" + r.getString(1), new ReportData.Point(r.getString(0), r.getString(1),
                    dec(r.get(2)), dec(r.get(3)), dec(r.get(4)), dec(r.get(5)), dec(r.get(6))));
        }
        List<ReportData.Point> points = new ArrayList<>(byKey.values());
        points.sort(Comparator.comparing(ReportData.Point::period));
        return new ReportData.Projection(chosen, model, annual, points, targets(summary), backtest(chosen), summary);
    }

    private static String text(JsonNode j, String field) {
        return j.path(field).isTextual() ? j.path(field).asText() : null;
    }

    private List<ReportData.Target> targets(Optional<JsonNode> summary) {
        Map<String, JsonNode> fromJson = new LinkedHashMap<>();
        summary.ifPresent(s -> s.path("targets").forEach(t -> fromJson.put(t.path("name").asText(), t)));
        List<ReportData.Target> out = new ArrayList<>();
        if (outputs.exists("projection/targets")) {
            SmallParquet.Table t = small("projection/targets", e -> NeracaException.data("%s: cannot be read as Parquet (%s). "
                    + "Rerun `neraca project`.", outputs.path("projection/targets"), e.getMessage()));
            requireColumns(t, outputs.path("projection/targets"), "target", "year", "target_idr", "projected_idr",
                    "lo80_idr", "hi80_idr", "lo95_idr", "hi95_idr", "gap_idr", "probability", "crossing_year", "required_cagr_pct");
            for (Row r : sorted(t, "target_idr")) {
                String name = r.getAs("target");
                JsonNode j = fromJson.getOrDefault(name, JSON.createObjectNode());
                Object cy = r.getAs("crossing_year");
                out.add(new ReportData.Target(name, j.path("label").asText(name), ((Number) r.getAs("year")).intValue(),
                        dec(r.getAs("target_idr")), dec(r.getAs("projected_idr")), dec(r.getAs("lo80_idr")),
                        dec(r.getAs("hi80_idr")), dec(r.getAs("lo95_idr")), dec(r.getAs("hi95_idr")), dec(r.getAs("gap_idr")),
                        dbl(r.getAs("probability")), cy == null ? null : ((Number) cy).intValue(),
                        j.path("crossing_label").isTextual() ? j.path("crossing_label").asText() : null,
                        dbl(r.getAs("required_cagr_pct")), text(j, "label_id"), text(j, "scope")));
            }
        } else {
            warnings.add("projection/targets is missing; targets taken from projection/summary.json");
            for (JsonNode j : fromJson.values()) {
                out.add(new ReportData.Target(j.path("name").asText(), j.path("label").asText(j.path("name").asText()),
                        j.path("year").asInt(2030), jdec(j, "target_idr"), jdec(j, "projected_idr"), jdec(j, "lo80_idr"),
                        jdec(j, "hi80_idr"), jdec(j, "lo95_idr"), jdec(j, "hi95_idr"), jdec(j, "gap_idr"),
                        j.path("probability").isNumber() ? j.path("probability").asDouble() : null,
                        j.path("crossing_year").isNumber() ? j.path("crossing_year").asInt() : null,
                        j.path("crossing_label").isTextual() ? j.path("crossing_label").asText() : null,
                        j.path("required_cagr_pct").isNumber() ? j.path("required_cagr_pct").asDouble() : null,
                        text(j, "label_id"), text(j, "scope")));
            }
        }
        return out;
    }

    /**
     * The backtest's summary rows ({@code origin = ALL}: per model and horizon, horizon 0 = every horizon pooled,
     * {@code n} = forecasts scored) of the series the chart shows; the per-origin rows are single forecasts and
     * are not averaged again. Another series' rows are left out when the file names its series.
     */
    private List<ReportData.Backtest> backtest(String series) {
        if (!outputs.exists("projection/backtest")) {
            warnings.add("projection/backtest is missing: no backtest errors to show");
            return List.of();
        }
        SmallParquet.Table b = small("projection/backtest", e -> NeracaException.data("%s: cannot be read as Parquet (%s). "
                + "Rerun `neraca project`.", outputs.path("projection/backtest"), e.getMessage()));
        requireColumns(b, outputs.path("projection/backtest"), "model", "horizon", "origin", "mape", "mase", "n");
        List<String> have = Arrays.asList(b.schema().fieldNames());
        boolean hasSeries = have.contains("series");
        boolean hasFrequency = have.contains("frequency");
        List<ReportData.Backtest> out = sorted(b, hasFrequency ? new String[]{"model", "frequency", "horizon"} : new String[]{"model", "horizon"})
                .stream()
                .filter(r -> "ALL".equals(r.getAs("origin")) && (!hasSeries || series.equals(r.getAs("series"))))
                .map(r -> {
                    Object mape = r.getAs("mape");
                    Object mase = r.getAs("mase");
                    Object n = r.getAs("n");
                    return new ReportData.Backtest(r.getAs("model"), ((Number) r.getAs("horizon")).intValue(),
                            mape == null ? Double.NaN : ((Number) mape).doubleValue(),
                            mase == null ? Double.NaN : ((Number) mase).doubleValue(),
                            n == null ? 0L : ((Number) n).longValue(), series, hasFrequency ? r.getAs("frequency") : null);
                })
                .toList();
        // an empty table is what the projection writes when the history is too short for a backtest (its own warnings
        // say so: "the monthly backtest has 0 origin(s)"); rerunning it would change nothing
        if (out.isEmpty() && !b.rows().isEmpty()) {
            warnings.add("projection/backtest has no summary rows (origin ALL) for series " + series
                    + ": no backtest errors to show; rerun `neraca project`");
        }
        return out;
    }

    private Optional<List<ReportData.Reconciliation>> reconciliation() {
        return optionalSmall("reconciliation").map(t -> {
            requireColumns(t, outputs.path("reconciliation"), "source_file", "mapping", "sha256", "bytes", "rows_read",
                    "accepted", "quarantined", "duplicates_collapsed");
            boolean open = Arrays.asList(t.schema().fieldNames()).contains("open_orders");
            return sorted(t, "source_file").stream().map(r -> new ReportData.Reconciliation(
                    r.getAs("source_file"), r.getAs("mapping"), r.getAs("sha256"), lng(r.getAs("bytes")),
                    lng(r.getAs("rows_read")), lng(r.getAs("accepted")), lng(r.getAs("quarantined")),
                    lng(r.getAs("duplicates_collapsed")), open ? lng(r.getAs("open_orders")) : 0L)).toList();
        });
    }

    private Optional<List<ReportData.QuarantineReason>> quarantineReasons() {
        return optionalSmall("quarantine_reasons").map(t -> {
            requireColumns(t, outputs.path("quarantine_reasons"), "source_file", "reason_code", "rows");
            return sorted(t, "source_file", "reason_code").stream()
                    .map(r -> new ReportData.QuarantineReason(r.getAs("source_file"), r.getAs("reason_code"), lng(r.getAs("rows"))))
                    .toList();
        });
    }

    /** classify_stats has no fixed schema in the contracts: shown as written, at most 200 rows. */
    private Optional<ReportData.GenericTable> classifyStats() {
        return optionalSmall("classify_stats/by_class").map(t -> {
            List<String> columns = Arrays.stream(t.schema().fields()).map(StructField::name).toList();
            long total = t.rows().size();
            List<List<Object>> rows = sorted(t, columns.toArray(String[]::new)).stream().limit(200)
                    .map(r -> columns.stream().map(c -> (Object) r.getAs(c)).toList()).toList();
            return new ReportData.GenericTable(columns, rows, total);
        });
    }

    // ---------------------------------------------------------------- reference files (small, plain Java)

    private Map<String, String> provinceNames(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            warnings.add(file + " not found: provinces shown by code, only those with sales");
            return out;
        }
        List<Map<String, String>> rows = Csv.read(file);
        for (Map<String, String> r : rows) {
            String code = r.get("province_code");
            String name = r.get("name");
            if (code == null || name == null) {
                throw NeracaException.data("%s: needs columns province_code,name (see docs/CONTRACTS.md)", file);
            }
            out.put(code.trim(), name.trim());
        }
        Map<String, String> sorted = new TreeMap<>(out);
        return new LinkedHashMap<>(sorted);
    }

    /** Taxonomy code → its English and Indonesian names; empty (codes shown) when the file is missing. */
    private Map<String, ReportData.CategoryLabel> categoryLabels(Path file) {
        Map<String, ReportData.CategoryLabel> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            warnings.add(file + " not found: categories shown by their taxonomy code");
            return out;
        }
        for (Map<String, String> r : Csv.read(file)) {
            String code = r.get("category");
            String label = r.get("label");
            if (code == null || label == null) {
                throw NeracaException.data("%s: needs columns category,label (label_id for the Indonesian report; "
                        + "see data/reference/README.md)", file);
            }
            String labelId = r.get("label_id");
            out.put(code.trim(), new ReportData.CategoryLabel(label.trim(), labelId == null ? null : labelId.trim()));
        }
        if (!out.isEmpty() && out.values().stream().allMatch(c -> c.id() == null || c.id().isBlank())) {
            warnings.add(file + " has no label_id column: the Indonesian report names categories in English");
        }
        return out;
    }

    private Optional<List<ReportData.FxRange>> fx(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        Map<String, List<Map<String, String>>> byCurrency = new TreeMap<>();
        for (Map<String, String> r : Csv.read(file)) {
            byCurrency.computeIfAbsent(r.getOrDefault("currency", "?"), k -> new ArrayList<>()).add(r);
        }
        List<ReportData.FxRange> out = new ArrayList<>();
        byCurrency.forEach((cur, rows) -> {
            List<BigDecimal> rates = rows.stream().map(r -> new BigDecimal(r.get("idr_per_unit").trim())).toList();
            List<String> months = rows.stream().map(r -> r.get("month")).sorted().toList();
            String source = rows.stream().map(r -> r.getOrDefault("source", "")).distinct().reduce((a, b) -> a + "; " + b).orElse("");
            String assumedFrom = rows.stream().filter(r -> "assumed".equalsIgnoreCase(r.getOrDefault("confidence", "").trim()))
                    .map(r -> r.get("month")).sorted().findFirst().orElse(null);
            out.add(new ReportData.FxRange(cur, months.get(0), months.get(months.size() - 1),
                    rates.stream().min(BigDecimal::compareTo).orElseThrow(), rates.stream().max(BigDecimal::compareTo).orElseThrow(), source,
                    assumedFrom));
        });
        return Optional.of(out);
    }

    // ---------------------------------------------------------------- conversions

    static BigDecimal dec(Object o) {
        if (o == null) return null;
        if (o instanceof BigDecimal b) return b;
        if (o instanceof Number n) return new BigDecimal(n.toString());
        return new BigDecimal(o.toString());
    }

    static long lng(Object o) {
        return o == null ? 0L : ((Number) o).longValue();
    }

    static Double dbl(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    private static BigDecimal jdec(JsonNode j, String field) {
        JsonNode n = j.path(field);
        return n.isNumber() ? n.decimalValue() : null;
    }
}
