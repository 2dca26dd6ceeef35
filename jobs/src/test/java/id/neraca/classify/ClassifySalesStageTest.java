package id.neraca.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.SparkTestBase;
import id.neraca.config.NeracaConfig;
import id.neraca.core.Manifest;
import id.neraca.core.NeracaException;
import id.neraca.core.OutputStore;
import id.neraca.core.Schemas;
import id.neraca.core.StageContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static id.neraca.classify.SalesFixtures.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stage's I/O end to end on a temporary output folder: reads out/sales, writes out/classified partitioned by
 * period_month, out/classify_stats (Parquet + CSV), the audit sample (same file on a rerun), the manifest counts,
 * and the evaluate stage on top.
 */
class ClassifySalesStageTest extends SparkTestBase {

    private static StageContext context(Path tmp, String runId) throws IOException {
        Path ref = Files.createDirectories(tmp.resolve("reference"));
        // January's USD rate carried forward (confidence 'assumed'): the Permendag test of January's cross-border sale uses it
        Files.writeString(ref.resolve("fx_monthly.csv"), "month,currency,idr_per_unit,source,confidence\n"
                + "2023-10,USD,15000.00,fixture,high\n2023-10,CNY,2100.00,fixture,low\n2024-01,USD,15500.00,fixture,assumed\n");
        // the place names of the title's place cues (title_cues.place_cues)
        for (String table : java.util.List.of("regencies.csv", "provinces.csv")) {
            Files.copy(projectRoot().resolve("data/reference").resolve(table), ref.resolve(table),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path cfg = tmp.resolve("neraca.yaml");
        Files.writeString(cfg, "run:\n  reference_dir: " + ref + "\n  shuffle_partitions: 2\nclassify:\n"
                + "  rules_file: " + projectRoot().resolve("data/config/classify-rules.yaml").toAbsolutePath() + "\n"
                + "  brand_origins: " + projectRoot().resolve("data/reference/brand_origins.csv").toAbsolutePath() + "\n");
        // the sections `neraca classify` checks (the fixture has no projection benchmarks: project is not run here)
        NeracaConfig.Loaded loaded = NeracaConfig.load(cfg, java.util.List.of("classify"));
        String out = tmp.resolve("out").toString();
        return new StageContext(spark, loaded, tmp.resolve("dumps").toString(), out, OutputStore.local(out, runId),
                Manifest.start(runId, "classify", Optional.empty()), StageContext.RunOptions.defaults());
    }

    private static Dataset<Row> fixtureSales() {
        return SalesFixtures.sales(spark,
                sale("shopee:1:a").localSeller("s1").origin("ID").title("Batik tulis Solo").at("2023-10-03T03:00:00Z"),
                sale("shopee:2:a").localSeller("s2").id("NIK", false).brand("Samsung").title("Galaxy A15").at("2023-10-04T03:00:00Z"),
                sale("shopee:3:a").localSeller("s3").brand("Wardah").declaredTier("LARGE").at("2024-01-04T03:00:00Z"),
                sale("crossborder:9:a").foreignStore("x1", "CN").title("Phone case").price("45000").at("2023-10-10T03:00:00Z"),
                // the flag describes the offer, whatever happened to the order; aggregates count COMPLETED only
                sale("crossborder:9:b").foreignStore("x1", "CN").title("Phone case").price("45000").status("CANCELLED").at("2024-01-10T03:00:00Z"),
                sale("tokopedia-scrape:x:2023-10").marketplace("tokopedia-scrape").listing("2023-10").title("Kaos polos"));
    }

    @Test
    void salesOnAssumedFxRatesAreThoseConvertedOrPermendagTestedAtOne() {
        java.util.Map<String, List<String>> assumed = new java.util.TreeMap<>(java.util.Map.of(
                "USD", List.of("2024-01"), "CNY", List.of("2024-02")));
        org.apache.spark.sql.types.StructType t = new org.apache.spark.sql.types.StructType()
                .add("sale", "string").add("source_currency", "string").add("period_month", "string").add("origin_class", "string");
        List<Row> rows = List.of(
                org.apache.spark.sql.RowFactory.create("usd-jan-imported", "USD", "2024-01", "IMPORTED"),       // converted at it
                org.apache.spark.sql.RowFactory.create("usd-oct-crossborder", "USD", "2023-10", "CROSS_BORDER"), // observed rate
                org.apache.spark.sql.RowFactory.create("idr-jan-crossborder", "IDR", "2024-01", "CROSS_BORDER"), // US$100 test
                org.apache.spark.sql.RowFactory.create("idr-jan-umkm", "IDR", "2024-01", "LOCAL_UMKM"),          // no rate used
                org.apache.spark.sql.RowFactory.create("cny-jan-crossborder", "CNY", "2024-01", "CROSS_BORDER"), // US$100 test
                org.apache.spark.sql.RowFactory.create("cny-feb-imported", "CNY", "2024-02", "IMPORTED"),       // converted at it
                org.apache.spark.sql.RowFactory.create("cny-jan-imported", "CNY", "2024-01", "IMPORTED"));      // observed rate
        List<String> hit = spark.createDataFrame(rows, t).filter(ClassifySales.fxAssumed(assumed, "USD")).orderBy("sale")
                .select("sale").collectAsList().stream().map(r -> r.getString(0)).toList();
        assertEquals(List.of("cny-feb-imported", "cny-jan-crossborder", "idr-jan-crossborder", "usd-jan-imported"), hit);
        assertEquals(0, spark.createDataFrame(rows, t).filter(ClassifySales.fxAssumed(java.util.Map.of(), "USD")).count(),
                "no assumed rates: nothing");
    }

    @Test
    void writesClassifiedStatsAuditAndManifestAndRerunsIdentically(@TempDir Path tmp) throws IOException {
        StageContext ctx = context(tmp, "run1");
        fixtureSales().write().partitionBy("marketplace", "period_month").parquet(ctx.outputs().path("sales"));

        new ClassifySales().run(ctx);

        Path out = tmp.resolve("out");
        Dataset<Row> classified = spark.read().parquet(out.resolve("classified").toString());
        assertEquals(6, classified.count());
        assertTrue(Files.isDirectory(out.resolve("classified/period_month=2023-10")));
        ClassifyOutputs.checkSchema(classified.schema(), Schemas.classified(), "out/classified");
        List<Row> classes = classified.orderBy("sale_id").select("sale_id", "origin_class", "permendag31_flag").collectAsList();
        assertEquals("[[crossborder:9:a,CROSS_BORDER,true], [crossborder:9:b,CROSS_BORDER,true], [shopee:1:a,LOCAL_UMKM,false], "
                + "[shopee:2:a,IMPORTED,false], [shopee:3:a,LOCAL_LARGE,false], [tokopedia-scrape:x:2023-10,UNKNOWN,false]]",
                classes.toString());

        List<String> byClass = Files.readAllLines(out.resolve("classify_stats/by_class.csv"));
        assertEquals("marketplace,origin_class,sales,completed_sales,gmv_idr,units,invalid_id_sales,unknown_tier_sales,"
                + "permendag31_sales,mean_confidence", byClass.get(0));
        // unknown_tier_sales 2: a seller abroad has no PP 7/2021 tier
        assertTrue(byClass.get(1).startsWith("crossborder,CROSS_BORDER,2,1,45000.00,1,0,2,2,"), byClass.get(1));
        assertTrue(byClass.stream().anyMatch(l -> l.startsWith("shopee,IMPORTED,1,1,100000.00,1,1,")), byClass.toString());
        List<String> reasons = Files.readAllLines(out.resolve("classify_stats/reasons.csv"));
        assertTrue(reasons.contains("shopee,SELLER_ID_INVALID,1,100000.00"), reasons.toString());
        assertTrue(Files.isDirectory(out.resolve("classify_stats/by_class")));

        Path audit = out.resolve("classified_audit/audit_sample.csv");
        List<String> sample = Files.readAllLines(audit);
        assertEquals(7, sample.size(), "header + every sale (fewer than 25 per class)");
        assertFalse(sample.get(0).contains("seller_key"), "no identifiers in the audit sample");

        ObjectNode m = ctx.manifest().stage("ClassifySales");
        assertEquals(6, m.get("rows_out").asLong());
        assertEquals(2, m.get("origin_class").get("CROSS_BORDER").asLong());
        assertEquals(1, m.get("origin_class").get("UNKNOWN").asLong());
        assertEquals(1, m.get("invalid_seller_id_sales").asLong());
        assertEquals(0, m.get("fx_months_missing").size());
        // crossborder:9:b (January, cancelled) was tested against US$100 at the assumed rate; shopee:3:a (January,
        // rupiah, not cross-border) used no rate
        assertEquals(1, m.get("fx_assumed").get("sales").asLong());
        assertEquals("0.00", m.get("fx_assumed").get("completed_gmv_idr").decimalValue().toPlainString());
        assertEquals("2024-01", m.get("fx_assumed").get("first_assumed_month").get("USD").asText());

        // a rerun with new outputs in place gives the same audit sample
        String first = Files.readString(audit);
        StageContext again = context(tmp, "run2");
        new ClassifySales().run(again);
        assertEquals(first, Files.readString(audit));

        // evaluate on top, with a truth that disagrees on one sale
        Path truth = tmp.resolve("truth.csv");
        Files.writeString(truth, "sale_id,true_origin_class,true_umkm_tier,seller_key_source,gmv_idr,status\n"
                + "shopee:1:a,LOCAL_UMKM,MICRO,NIK,100000.00,COMPLETED\nshopee:2:a,IMPORTED,MICRO,NIK,100000.00,COMPLETED\n"
                + "shopee:3:a,LOCAL_UMKM,LARGE,NIK,100000.00,COMPLETED\ncrossborder:9:a,CROSS_BORDER,UNKNOWN,FOREIGN_REG,45000.00,COMPLETED\n");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new EvaluateClassification(truth.toString(), new PrintStream(printed, true, StandardCharsets.UTF_8)).run(again);
        String summary = Files.readString(out.resolve("evaluation/summary.json"));
        assertTrue(summary.contains("\"matched_sales\" : 4"), summary);
        assertTrue(summary.contains("\"accuracy_decided\" : 0.75"), summary);
        assertTrue(Files.readString(out.resolve("evaluation/confusion.csv")).contains("LOCAL_UMKM,LOCAL_LARGE,1,100000.00"));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("75.00% by count"), printed.toString(StandardCharsets.UTF_8));
    }

    /**
     * The manifest records the size-class ceilings the tiers were set with (the report's methodology quotes them) and
     * counts the observed tiers set by the earlier law's (UU 20/2008, months up to 2021-01): here one seller's sale of
     * December 2020 (under it) and of February 2021 (under PP 7/2021).
     */
    @Test
    void theManifestRecordsTheCeilingsAndTheTiersOfTheEarlierLaw(@TempDir Path tmp) throws IOException {
        StageContext ctx = context(tmp, "run1");
        SalesFixtures.sales(spark,
                sale("shopee:20:a").localSeller("s20").origin("ID").title("Batik tulis Solo").at("2020-12-03T03:00:00Z"),
                sale("shopee:21:a").localSeller("s20").origin("ID").title("Batik tulis Solo").at("2021-02-03T03:00:00Z"))
                .write().partitionBy("marketplace", "period_month").parquet(ctx.outputs().path("sales"));
        new ClassifySales().run(ctx);
        JsonNode u = ctx.manifest().stage("ClassifySales").path("umkm_tiers");
        assertEquals(1, u.path("observed_earlier_law_sales").asLong(), u.toString());
        assertEquals("PP 7/2021 art. 35", u.path("law").asText());
        assertEquals(0, new java.math.BigDecimal("2000000000").compareTo(u.path("micro_max_idr").decimalValue()));
        assertEquals("UU 20/2008 art. 6", u.at("/earlier_law/name").asText());
        assertEquals("2021-01", u.at("/earlier_law/until_month").asText());
        assertEquals(0, new java.math.BigDecimal("300000000").compareTo(u.at("/earlier_law/micro_max_idr").decimalValue()));
        JsonNode p = ctx.manifest().stage("ClassifySales").path("permendag31");
        assertEquals("2023-09-26", p.path("effective_date").asText());
        assertEquals(0, new java.math.BigDecimal("100").compareTo(p.path("min_unit_price").decimalValue()));
        assertEquals("[\"books_media\",\"software\"]", p.path("exempt_categories").toString());
        // the decision threshold and the made-in-Indonesia brands the report's methodology quotes
        JsonNode dn = ctx.manifest().stage("ClassifySales").path("decision");
        assertEquals(0.5, dn.path("min_confidence").asDouble());
        assertTrue(dn.path("made_in_indonesia_brands").asInt() > 5, dn.toString());
    }

    @Test
    void missingSalesIsAUsageErrorNamingTheFix(@TempDir Path tmp) throws IOException {
        StageContext ctx = context(tmp, "run1");
        NeracaException e = assertThrows(NeracaException.class, () -> new ClassifySales().run(ctx));
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("neraca ingest"), e.getMessage());
    }

    @Test
    void salesWithMoneyAsDoubleFailTheContract(@TempDir Path tmp) throws IOException {
        StageContext ctx = context(tmp, "run1");
        fixtureSales().withColumn("gmv_idr", org.apache.spark.sql.functions.col("gmv_idr").cast("double"))
                .write().partitionBy("marketplace", "period_month").parquet(ctx.outputs().path("sales"));
        NeracaException e = assertThrows(NeracaException.class, () -> new ClassifySales().run(ctx));
        assertEquals(NeracaException.EXIT_DATA, e.exitCode());
        assertTrue(e.getMessage().contains("'gmv_idr' is double, the contract says decimal(20,2)"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out/classified")), "nothing committed");
    }
}
