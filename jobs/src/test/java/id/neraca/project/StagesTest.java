package id.neraca.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.neraca.SparkTestBase;
import id.neraca.aggregate.AggregateMonthly;
import id.neraca.config.NeracaConfig;
import id.neraca.core.Manifest;
import id.neraca.core.NeracaException;
import id.neraca.core.OutputStore;
import id.neraca.core.Schemas;
import id.neraca.core.Stage;
import id.neraca.core.StageContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * AggregateMonthly then ProjectTo2030 as stages, on generated classified rows over 36 months: the files of
 * docs/CONTRACTS.md, byte-identical on a rerun, and exit 3 on a tampered input.
 */
class StagesTest extends SparkTestBase {
    static List<String> months() {
        List<String> m = new ArrayList<>();
        for (int y = 2023; y <= 2025; y++) for (int k = 1; k <= 12; k++) m.add(String.format("%d-%02d", y, k));
        return m;
    }

    /**
     * A projection table of more than 4,000 rows (a long history's backtest scored to 36 months: tens of thousands)
     * goes to Spark in slices of 4,000 rows, so that no task is above Spark's recommended size (it warned "a task of
     * very large size" on nine years of history), and the file written is the same, byte for byte, as from one slice.
     */
    @Test
    void aLargeProjectionTableIsSlicedAndWrittenTheSame(@TempDir Path tmp) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 9_001; i++) {
            rows.add(RowFactory.create("m" + (i % 7), i % 37, "2019-" + String.format("%05d", i), 0.01 * (i % 13), 0.5, "total_gmv",
                    "monthly", 1));
        }
        var sliced = ProjectTo2030.local(spark, rows, ProjectTo2030.BACKTEST);
        assertEquals(3, sliced.rdd().getNumPartitions(), "9,001 rows: three slices of at most 4,000");
        var whole = spark.createDataFrame(rows, ProjectTo2030.BACKTEST);
        org.apache.spark.sql.Column[] order = {org.apache.spark.sql.functions.col("series"), org.apache.spark.sql.functions.col("frequency"),
                org.apache.spark.sql.functions.col("model"), org.apache.spark.sql.functions.col("horizon"),
                org.apache.spark.sql.functions.col("origin")};
        var fs = org.apache.hadoop.fs.FileSystem.getLocal(spark.sparkContext().hadoopConfiguration());
        id.neraca.aggregate.Tables.write(fs, tmp.resolve("a").toString(), "backtest", sliced, order, true);
        id.neraca.aggregate.Tables.write(fs, tmp.resolve("b").toString(), "backtest", whole, order, true);
        for (String f : List.of("backtest/part-00000.parquet", "backtest.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("b").resolve(f)), Files.readAllBytes(tmp.resolve("a").resolve(f)), f);
        }
        assertEquals(9_002, Files.readAllLines(tmp.resolve("a/backtest.csv")).size(), "every row and the header");
    }

    @Test
    void aggregateAndProjectWriteTheContractFilesDeterministically(@TempDir Path tmp) throws Exception {
        id.neraca.aggregate.GeneratorAccess g = new id.neraca.aggregate.GeneratorAccess(5, 900, months());
        Path out = tmp.resolve("out");
        spark.createDataFrame(g.rows(), Schemas.classified()).write().parquet(out.resolve("classified").toString());
        Path ref = reference(tmp);

        Map<String, byte[]> first = run(out, ref, "r1");
        for (String f : List.of("aggregates/monthly_detail.csv", "aggregates/monthly_headline.csv", "aggregates/annual_headline.csv",
                "projection/series.csv", "projection/series/part-00000.parquet", "projection/backtest.csv",
                "projection/targets.csv", "projection/models.csv", "projection/shares.csv", "projection/summary.json")) {
            assertTrue(first.containsKey(f), f + " in " + first.keySet());
        }
        Map<String, byte[]> second = run(out, ref, "r2");
        assertEquals(first.keySet(), second.keySet());
        for (String k : first.keySet()) assertArrayEquals(first.get(k), second.get(k), k + " differs between two runs");

        JsonNode s = new ObjectMapper().readTree(first.get("projection/summary.json"));
        for (String k : List.of("last_observed_month", "months_observed", "coverage", "models", "selected",
                "last_observed_year", "last_observed_year_value_idr", "projection_2030", "targets", "umkm", "warnings")) {
            assertTrue(s.has(k), "summary.json has " + k);
        }
        assertEquals("2025-12", s.get("last_observed_month").asText());
        assertEquals("benchmark_calibration", s.at("/coverage/method").asText());
        // 2023 (low confidence) and 2024 overlap the benchmarks; 2025 has no benchmark
        assertEquals(2, s.at("/coverage/benchmark_points").asInt());
        BigDecimal obs2024 = g.yearTotal("2024");
        double f2024 = 65e9 * 15500 / obs2024.doubleValue();
        assertEquals(f2024, s.at("/coverage/points/1/factor").asDouble(), f2024 * 1e-6);
        assertTrue(s.get("last_observed_year_value_idr").isIntegralNumber());
        String targets = new String(first.get("projection/targets.csv"));
        assertTrue(targets.startsWith("target,year,target_idr,projected_idr,lo80_idr,hi80_idr,lo95_idr,hi95_idr,gap_idr,"
                + "probability,crossing_year,required_cagr_pct"), targets);
        assertTrue(targets.contains("article_rp400t,2030,400000000000000.00,"), targets);
        String series = new String(first.get("projection/series.csv"));
        assertTrue(series.startsWith("series,model,period,kind,value_idr,lo80_idr,hi80_idr,lo95_idr,hi95_idr"), series.substring(0, 100));
        assertFalse(series.contains("E+"), "no scientific notation in money");

        // tamper with one row: the aggregate identities fail with exit 3 and nothing is committed
        Path out2 = tmp.resolve("out2");
        List<Row> rows = new ArrayList<>(g.rows());
        Object[] v = new Object[rows.get(0).length()];
        for (int i = 0; i < v.length; i++) v[i] = rows.get(0).get(i);
        v[Schemas.classified().fieldIndex("status")] = "COMPLETED";
        v[Schemas.classified().fieldIndex("origin_class")] = "LOCAL";
        rows.set(0, RowFactory.create(v));
        spark.createDataFrame(rows, Schemas.classified()).write().parquet(out2.resolve("classified").toString());
        NeracaException e = assertThrows(NeracaException.class, () -> runStage(new AggregateMonthly(), out2, ref, "r3"));
        assertEquals(NeracaException.EXIT_DATA, e.exitCode());
        assertTrue(e.getMessage().contains("'LOCAL'"), e.getMessage());
        assertFalse(Files.exists(out2.resolve("aggregates")));
    }

    @Test
    void aLastMonthExportedMidMonthIsLeftOutOfTheModelsButKeptInTheAggregates(@TempDir Path tmp) throws Exception {
        id.neraca.aggregate.GeneratorAccess g = new id.neraca.aggregate.GeneratorAccess(5, 900, months());
        Path out = tmp.resolve("out");
        // the dump was exported on 15 December 2025: December's sales stop on the 14th
        int ts = Schemas.classified().fieldIndex("order_ts");
        int month = Schemas.classified().fieldIndex("period_month");
        java.sql.Timestamp cut = java.sql.Timestamp.valueOf("2025-12-15 00:00:00");
        List<Row> rows = g.rows().stream()
                .filter(r -> !"2025-12".equals(r.getString(month)) || r.isNullAt(ts) || r.getTimestamp(ts).before(cut)).toList();
        spark.createDataFrame(rows, Schemas.classified()).write().parquet(out.resolve("classified").toString());
        Path ref = reference(tmp);

        Map<String, byte[]> files = run(out, ref, "r1");
        JsonNode s = new ObjectMapper().readTree(files.get("projection/summary.json"));
        assertEquals("2025-11", s.get("last_observed_month").asText(), "December left out of the models");
        assertEquals(35, s.get("months_observed").asInt());
        assertTrue(s.get("warnings").toString().contains("the last month 2025-12 is partial: its completed sales end 2025-12-1"),
                s.get("warnings").toString());
        assertTrue(new String(files.get("aggregates/monthly_headline.csv")).contains("\n2025-12,"), "December is still aggregated");
    }

    /**
     * One marketplace's dumps (the TikTok Shop sample's monthly totals): the annual log-linear model's intervals
     * overflowed decimal(24,2) and the stage failed with exit 1. Now the model is dropped with a warning and the stage
     * writes its files; a history too noisy for every model stops with exit 3 and nothing is committed.
     */
    @Test
    void aShortNoisyHistoryDropsTheModelThatExplodesOrStopsWithExit3(@TempDir Path tmp) throws Exception {
        Path ref = reference(tmp);
        Path out = tmp.resolve("out");
        writeHeadline(out, ProjectionRobustnessTest.TIKTOK_ONLY);
        // the default 4000 paths: the overflow was in the far tail of the simulated distribution
        runStage(new ProjectTo2030(), out, ref, "r1", 4000);
        JsonNode s = new ObjectMapper().readTree(out.resolve("projection/summary.json").toFile());
        assertTrue(s.get("warnings").toString().contains("model loglinear_annual dropped: its 95% interval for"),
                s.get("warnings").toString());
        assertTrue(s.at("/projection_2030/value_idr").isIntegralNumber(), s.toString());
        String series = Files.readString(out.resolve("projection/series.csv"));
        assertFalse(series.contains("loglinear_annual,2030,PROJECTED"), "a dropped model's projection is not published");
        assertTrue(series.contains("holt_damped_seasonal,2040,PROJECTED"), "honest wide intervals stay");

        Path out2 = tmp.resolve("out2");
        writeHeadline(out2, ProjectionRobustnessTest.GENERATED_100_ROWS);
        NeracaException e = assertThrows(NeracaException.class, () -> runStage(new ProjectTo2030(), out2, ref, "r2"));
        assertEquals(NeracaException.EXIT_DATA, e.exitCode());
        assertTrue(e.getMessage().contains("too short or too noisy to project"), e.getMessage());
        assertFalse(Files.exists(out2.resolve("projection")));
    }

    /**
     * A target year before the data (here past the configuration's check, as a hand-built configuration is): the stage
     * finishes, the target's figures are empty with a warning naming project.targets[0].year, the other target is
     * answered. Before the fix the stage's log line turned the NaN projection into a BigDecimal: exit 1.
     */
    @Test
    void aTargetYearBeforeTheDataIsReportedNotACrash(@TempDir Path tmp) throws Exception {
        Path ref = reference(tmp);
        Path out = tmp.resolve("out");
        writeHeadline(out, ProjectionTest.synthetic(java.time.YearMonth.of(2023, 1), 36, 1).total());
        List<ProjectConfig.Target> targets = List.of(
                new ProjectConfig.Target("early", "Rp400 triliun in 2010", null, 2010, new BigDecimal("400000000000000"), null),
                new ProjectConfig.Target("article_rp400t", "Rp400 triliun", null, 2030, new BigDecimal("400000000000000"), null));
        runStage(new ProjectTo2030(), out, ref, "r1", new ProjectConfig(null, 1000, null, null, null, null, null, null, targets, null));
        JsonNode s = new ObjectMapper().readTree(out.resolve("projection/summary.json").toFile());
        assertTrue(s.get("warnings").toString().contains("target early (project.targets[0].year = 2010): 2010 is before the first "
                + "modelled month 2023-01"), s.get("warnings").toString());
        assertTrue(s.at("/targets/0/projected_idr").isNull());
        assertTrue(s.at("/targets/1/projected_idr").isIntegralNumber());
        String csv = Files.readString(out.resolve("projection/targets.csv"));
        assertTrue(csv.contains("\nearly,2010,400000000000000.00,,,,,,,,"), csv);
    }

    /**
     * Six months of sales: the stage commits a projection that says nothing is projected (status not_projected with
     * the months found; tables with their columns and no rows; each target with its value and no projected figure)
     * instead of stopping the run, so the run goes on to the report of the observed shares.
     */
    @Test
    void aHistoryUnderTwelveMonthsCommitsANotProjectedProjectionNotAFailure(@TempDir Path tmp) throws Exception {
        Path ref = reference(tmp);
        Path out = tmp.resolve("out");
        writeHeadline(out, new double[]{2.0e10, 2.1e10, 2.2e10, 2.1e10, 2.3e10, 2.4e10});
        runStage(new ProjectTo2030(), out, ref, "r1");
        JsonNode s = new ObjectMapper().readTree(out.resolve("projection/summary.json").toFile());
        assertEquals("not_projected", s.path("status").asText());
        assertTrue(s.path("not_projected_reason").asText().startsWith("only 6 contiguous months of completed sales (2023-01 to "
                + "2023-06): a projection needs at least 12"), s.toString());
        assertEquals(6, s.path("months_observed").asInt());
        assertFalse(s.has("coverage") || s.has("projection_2030") || s.has("umkm"), "no projected figure at all: " + s);
        assertEquals(2, s.path("targets").size());
        assertTrue(s.at("/targets/0/projected_idr").isNull() && s.at("/targets/0/probability").isNull());
        assertEquals("not projected", s.at("/targets/0/crossing_label").asText());
        assertEquals(List.of("series,model,period,kind,value_idr,lo80_idr,hi80_idr,lo95_idr,hi95_idr,frequency,sample_value_idr"),
                Files.readAllLines(out.resolve("projection/series.csv")), "columns, no rows");
        assertEquals(1, Files.readAllLines(out.resolve("projection/backtest.csv")).size());
        List<String> targets = Files.readAllLines(out.resolve("projection/targets.csv"));
        assertEquals(3, targets.size(), String.join("\n", targets));
        assertTrue(targets.get(1).startsWith("article_rp400t,2030,400000000000000.00,,,,,,,,,,"), targets.get(1));
        assertEquals(0, spark.read().parquet(out.resolve("projection/series").toString()).count());
    }

    /**
     * Listing scrapes alone (Tokopedia search results): no completed order line, so the monthly headline has no month.
     * That stopped the run with exit 3 and rolled back every output; it is an answer like a short history: a
     * projection that says not_projected, naming the listing rows, and a run that goes on to the report.
     */
    @Test
    void listingSnapshotsAloneCommitANotProjectedProjectionNamingThem(@TempDir Path tmp) throws Exception {
        Path ref = reference(tmp);
        Path out = tmp.resolve("out");
        writeHeadline(out, new double[0]);
        var detail = new org.apache.spark.sql.types.StructType()
                .add("period_month", org.apache.spark.sql.types.DataTypes.StringType)
                .add("grain", org.apache.spark.sql.types.DataTypes.StringType)
                .add("orders", org.apache.spark.sql.types.DataTypes.LongType);
        spark.createDataFrame(List.of(RowFactory.create("2023-02", "LISTING_PERIOD", 155L), RowFactory.create("2024-05", "LISTING_PERIOD", 5L)),
                detail).write().parquet(out.resolve("aggregates/monthly_detail").toString());
        runStage(new ProjectTo2030(), out, ref, "r1");
        JsonNode s = new ObjectMapper().readTree(out.resolve("projection/summary.json").toFile());
        assertEquals("not_projected", s.path("status").asText());
        assertEquals("no_order_lines", s.path("not_projected_cause").asText());
        assertEquals("no completed order-line sales: the dumps hold listing-snapshot rows only (LISTING_PERIOD: cumulative "
                + "sold counts at a scrape's date, not a month's sales), which never enter the monthly series. A projection needs "
                + "monthly order exports; the listings' observed composition stands in out/aggregates/monthly_detail.",
                s.path("not_projected_reason").asText());
        assertEquals(0, s.path("months_observed").asInt());
        assertTrue(s.path("first_observed_month").isNull() && s.path("last_observed_month").isNull(), s.toString());
        assertEquals("not projected", s.at("/targets/0/crossing_label").asText());
        assertEquals(1, Files.readAllLines(out.resolve("projection/series.csv")).size(), "columns, no rows");
    }

    /** out/aggregates/monthly_headline with these monthly totals from 2023-01 (a quarter local UMKM, 45% imported). */
    private static void writeHeadline(Path out, double[] total) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < total.length; i++) {
            BigDecimal t = BigDecimal.valueOf(total[i]).setScale(2, java.math.RoundingMode.HALF_UP);
            rows.add(RowFactory.create(months().get(i), t, t.multiply(new BigDecimal("0.25")).setScale(2, java.math.RoundingMode.HALF_UP),
                    t.multiply(new BigDecimal("0.45")).setScale(2, java.math.RoundingMode.HALF_UP), BigDecimal.ZERO.setScale(2)));
        }
        var money = org.apache.spark.sql.types.DataTypes.createDecimalType(22, 2);
        var schema = new org.apache.spark.sql.types.StructType()
                .add("period_month", org.apache.spark.sql.types.DataTypes.StringType)
                .add("total_gmv_idr", money).add("local_umkm_gmv_idr", money)
                .add("imported_gmv_idr", money).add("cross_border_gmv_idr", money);
        spark.createDataFrame(rows, schema).write().parquet(out.resolve("aggregates/monthly_headline").toString());
    }

    @Test
    void partialEdgesAreJudgedWithTheToleranceInUtc() {
        java.time.YearMonth jan = java.time.YearMonth.of(2024, 1);
        java.time.YearMonth nov = java.time.YearMonth.of(2025, 11);
        java.time.Instant jan1 = java.time.Instant.parse("2024-01-01T02:00:00Z");
        java.time.Instant nov30 = java.time.Instant.parse("2025-11-30T14:00:00Z"); // 23:00 WIT on the last day
        assertArrayEquals(new boolean[]{false, false}, ProjectTo2030.partialEdges(jan, jan1, nov, nov30, 3));
        // the first sale on the 4th at 00:00 is exactly 3 days in: kept; a second later is not
        assertArrayEquals(new boolean[]{false, false}, ProjectTo2030.partialEdges(jan, java.time.Instant.parse("2024-01-04T00:00:00Z"), nov, nov30, 3));
        assertArrayEquals(new boolean[]{true, false}, ProjectTo2030.partialEdges(jan, java.time.Instant.parse("2024-01-04T00:00:01Z"), nov, nov30, 3));
        // the last sale on the 27th at 23:59 is more than 3 days before 1 December: partial
        assertArrayEquals(new boolean[]{false, true}, ProjectTo2030.partialEdges(jan, jan1, nov, java.time.Instant.parse("2025-11-27T23:59:00Z"), 3));
        assertArrayEquals(new boolean[]{false, false}, ProjectTo2030.partialEdges(jan, jan1, nov, java.time.Instant.parse("2025-11-28T00:00:00Z"), 3));
        assertArrayEquals(new boolean[]{false, false}, ProjectTo2030.partialEdges(jan, null, nov, null, 3), "no sale times: not judged");
    }

    /** The benchmarks and a flat USD rate for every month of the series. */
    private static Path reference(Path tmp) throws java.io.IOException {
        Path ref = Files.createDirectories(tmp.resolve("reference"));
        Files.copy(projectRoot().resolve("data/reference/econ_benchmarks.csv"), ref.resolve("econ_benchmarks.csv"));
        StringBuilder fx = new StringBuilder("month,currency,idr_per_unit,source\n");
        for (String m : months()) fx.append(m).append(",USD,15500.00,test fixture\n");
        Files.writeString(ref.resolve("fx_monthly.csv"), fx.toString());
        return ref;
    }

    private Map<String, byte[]> run(Path out, Path ref, String runId) throws Exception {
        runStage(new AggregateMonthly(), out, ref, runId + "a");
        runStage(new ProjectTo2030(), out, ref, runId + "p");
        Map<String, byte[]> files = new TreeMap<>();
        for (String d : List.of("aggregates", "projection")) {
            Path root = out.resolve(d);
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    files.put(d + "/" + root.relativize(p), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private void runStage(Stage stage, Path out, Path ref, String runId) {
        runStage(stage, out, ref, runId, 1000);
    }

    private void runStage(Stage stage, Path out, Path ref, String runId, int simulations) {
        runStage(stage, out, ref, runId, new ProjectConfig(null, simulations, null, null, null, null, null, null, null, null));
    }

    private void runStage(Stage stage, Path out, Path ref, String runId, ProjectConfig project) {
        // a stage may scope session settings (the aggregate of a small input runs one shuffle partition per core): it
        // must leave the session as it found it, also when it fails
        String key = "spark.sql.shuffle.partitions";
        String before = spark.conf().get(key);
        spark.conf().set(key, "5");
        try {
            runStageAsIs(stage, out, ref, runId, project);
        } finally {
            String after = spark.conf().get(key);
            spark.conf().set(key, before);
            assertEquals("5", after, stage.name() + " left spark.sql.shuffle.partitions changed");
        }
    }

    private void runStageAsIs(Stage stage, Path out, Path ref, String runId, ProjectConfig project) {
        NeracaConfig cfg = new NeracaConfig(new NeracaConfig.RunSection(ref.toString(), null, null), null, null, null,
                project, null);
        NeracaConfig.Loaded loaded = new NeracaConfig.Loaded(cfg, out.resolve("neraca.yaml"), out);
        try (OutputStore store = OutputStore.local(out.toString(), runId)) {
            StageContext ctx = new StageContext(spark, loaded, "dumps", out.toString(), store,
                    Manifest.start(runId, stage.command(), Optional.empty()), StageContext.RunOptions.defaults());
            stage.run(ctx);
            store.finish();
        }
    }
}
