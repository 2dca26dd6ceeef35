package id.neraca.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.neraca.SparkTestBase;
import id.neraca.core.Manifest;
import id.neraca.core.NeracaException;
import id.neraca.core.Schemas;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WriteReport on the synthetic out/ folder of {@link ReportFixture}: both languages, disclosure, missing inputs. */
class WriteReportTest extends SparkTestBase {
    @TempDir
    static Path tmp;
    static Path fixture;
    static Path reference;
    static Path full;
    static Manifest manifest;

    /** The 2025 headline computed here from the fixture rows in plain Java, independent of the report's Spark code. */
    static BigDecimal umkm2025 = BigDecimal.ZERO;
    static BigDecimal foreign2025 = BigDecimal.ZERO;
    static BigDecimal total2025 = BigDecimal.ZERO;

    @BeforeAll
    static void writeFixtureAndReport() {
        ReportRun.Shared shared = ReportRun.shared(spark);
        fixture = shared.fixture();
        reference = shared.reference();
        full = shared.full();
        manifest = shared.manifest();
        var schema = Schemas.classified();
        for (Row r : ReportFixture.classifiedRows()) {
            if (!r.getString(schema.fieldIndex("status")).equals("COMPLETED")) continue;
            if (!r.getString(schema.fieldIndex("period_month")).startsWith("2025-")) continue;
            BigDecimal gmv = r.getDecimal(schema.fieldIndex("gmv_idr"));
            String cls = r.getString(schema.fieldIndex("origin_class"));
            total2025 = total2025.add(gmv);
            if (cls.equals("LOCAL_UMKM")) umkm2025 = umkm2025.add(gmv);
            if (cls.equals("IMPORTED") || cls.equals("CROSS_BORDER")) foreign2025 = foreign2025.add(gmv);
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p);
    }

    private static String pct(BigDecimal part, char decimalSeparator) {
        String s = part.multiply(BigDecimal.valueOf(100)).divide(total2025, 1, RoundingMode.HALF_UP).toPlainString();
        return s.replace('.', decimalSeparator) + "%";
    }

    @Test
    void writesBothLanguagesWithTheHeadlineNumbers() throws IOException {
        Path report = full.resolve("report");
        String id = read(report.resolve("index.html"));
        String en = read(report.resolve("index.en.html"));
        assertEquals(id, read(report.resolve("index.id.html")), "index.html is the first configured language (id)");
        assertTrue(id.contains("<html lang=\"id\">"));
        assertTrue(en.contains("<html lang=\"en\">"));

        String umkmId = pct(umkm2025, ',');
        String umkmEn = pct(umkm2025, '.');
        String foreignId = pct(foreign2025, ',');
        String foreignEn = pct(foreign2025, '.');
        assertTrue(id.contains("id=\"headline-umkm-share\">" + umkmId + "<"), "id headline " + umkmId);
        assertTrue(en.contains("id=\"headline-umkm-share\">" + umkmEn + "<"), "en headline " + umkmEn);
        assertTrue(id.contains("id=\"headline-foreign-share\">" + foreignId + "<"));
        assertTrue(en.contains("id=\"headline-foreign-share\">" + foreignEn + "<"));
        // money in each locale's style, months localised
        assertTrue(Pattern.compile("Rp\\d{1,3},\\d (juta|miliar)").matcher(id).find(), "Rp…,… juta/miliar in id");
        assertTrue(Pattern.compile("IDR \\d{1,3}\\.\\d (million|billion)").matcher(en).find(), "IDR … million/billion in en");
        assertTrue(Pattern.compile("Rp\\d[\\d.]*,\\d triliun").matcher(id).find(), "the 2030 projection in triliun");
        assertTrue(Pattern.compile("IDR \\d[\\d,]*\\.\\d trillion").matcher(en).find());
        assertTrue(id.contains("Januari 2023") && id.contains("Oktober 2025"), "observed period in Indonesian months");
        assertTrue(en.contains("January 2023") && en.contains("October 2025"));
        assertTrue(id.contains("2025 (10 bulan)") && en.contains("2025 (10 months)"), "partial year marked");
        // both targets, the verdicts
        // a target is named by its value in the report's style, then its label (the source): the English report has no
        // Indonesian-style amount (it had "Rp4.531 triliun", which reads as 4.5 trillion in English)
        assertTrue(en.contains("IDR 400.0 trillion (VIVA 2023 article)") && en.contains("IDR 4,531.0 trillion (Kemenkop/Kemendag 2021)"), en);
        assertFalse(en.contains("Rp4.531") || en.contains("triliun"), "no Indonesian amounts in English");
        // the Indonesian report names a target by its label_id when there is one, by its label otherwise
        assertTrue(id.contains("Rp400,0 triliun (artikel VIVA 2023)") && !id.contains("VIVA 2023 article"), "label_id in id");
        assertTrue(id.contains("Rp4.531,0 triliun (Kemenkop/Kemendag 2021)"), "label when no label_id");
        // the bundled targets are "digital economy" figures: one not reached is no "off track" (the data measure e-commerce
        // alone); one reached, and not below the observed e-commerce value, is on track
        assertTrue(en.contains("On track") && en.contains("Not reached by e-commerce GMV alone") && !en.contains("Off track"), en);
        // self-contained: charts inline as SVG with real text; nothing fetched
        assertTrue(countOf(en, "<svg") >= 4, "inline charts");
        assertTrue(en.contains("<text"), "chart text is text, not outlines");
        assertFalse(Pattern.compile("(src|href)=\"https?://").matcher(en).find(), "no network references");
        assertFalse(en.contains("<link "), "CSS is inline");
        // markdown carries the same numbers
        assertTrue(read(report.resolve("report.md")).contains(umkmId));
        assertTrue(read(report.resolve("report.en.md")).contains(umkmEn));
        assertTrue(read(report.resolve("report.en.md")).contains("| Papua Tengah (94) | [c] |"));
        // FX rates fx_monthly.csv marks `assumed` (carried forward, not observed) are named in the methodology
        assertEquals(1, countOf(en, "Rates from October 2025 on are not observed"), "USD only: no CNY month is assumed");
        assertEquals(1, countOf(id, "Kurs sejak Oktober 2025 belum teramati"));
        // a model note StageNotes does not know stays the projection's English, said so in the Indonesian report
        assertTrue(id.contains("<td>(bahasa Inggris) <span lang=\"en\">needs 4 full years</span></td>"), "the id models table");
        assertTrue(en.contains("<td>needs 4 full years</td>"));
        assertTrue(read(report.resolve("report.md")).contains("| (bahasa Inggris) needs 4 full years |"));
    }

    @Test
    void disclosureControlWithholdsSmallAndDominatedCells() throws IOException {
        String en = read(full.resolve("report/index.en.html"));
        // Papua Tengah: two sellers only
        Matcher row = Pattern.compile("<tr><td>Papua Tengah \\(94\\)</td>(.*?)</tr>").matcher(en);
        assertTrue(row.find(), "Papua Tengah row is listed");
        assertTrue(row.group(1).contains("[c]"), "its cells are withheld: " + row.group(1));
        assertFalse(row.group(1).matches(".*IDR \\d.*"), "no value of Papua Tengah is shown");
        // a province without sales is listed with empty cells
        assertTrue(en.contains("<tr><td>Papua Pegunungan (95)</td>"), "all 38 provinces listed");
        // sports: one seller holds almost all GMV of the local-large cell
        Matcher jewel = Pattern.compile("<tr><td>Sports and outdoors</td>(.*?)</tr>").matcher(en);
        assertTrue(jewel.find());
        assertTrue(jewel.group(1).contains("[c]"), "dominated cell withheld");

        JsonNode s = new ObjectMapper().readTree(full.resolve("report/summary.json").toFile());
        JsonNode prov = s.path("disclosure").path("tables").path("province");
        assertTrue(prov.path("primary_suppressed").asInt() >= 1);
        assertTrue(prov.path("secondary_suppressed").asInt() >= 1, "Papua Tengah's withheld cells need complements");
        assertTrue(s.path("disclosure").path("tables").path("category").path("primary_suppressed").asInt() >= 1);
        assertEquals(3, s.path("disclosure").path("min_sellers").asInt());
    }

    /**
     * With {@code min_sellers: 9} the fixture's cross-border (8 sellers) and unknown (7 keyed sellers and the
     * anonymous one) national values fail in every year: the headline withholds them, and imported and large
     * local as complements (withholding foreign origin instead would drop one of the three answers); the tables'
     * total rows, the summary, the trend and the chart follow, and nothing withheld comes back from what is shown.
     */
    @Test
    void aNationalClassFailingTheRulesIsWithheldInTheHeadlineWithItsComplements() throws IOException {
        Path strict = tmp.resolve("strict");
        ReportRun.copyTree(fixture, strict);
        ReportRun.run(spark, strict, reference, List.of("en"), 9);
        String en = read(strict.resolve("report/index.html"));
        JsonNode s = new ObjectMapper().readTree(strict.resolve("report/summary.json").toFile());
        JsonNode h = s.path("headline");
        List<String> withheld = new java.util.ArrayList<>();
        h.path("withheld").forEach(n -> withheld.add(n.asText()));
        assertEquals(List.of("LOCAL_LARGE", "IMPORTED", "CROSS_BORDER", "UNKNOWN"), withheld);
        for (String cls : List.of("local_large", "imported", "cross_border", "unknown")) {
            assertTrue(h.path(cls + "_gmv_idr").isNull() && h.path(cls + "_share_pct").isNull(), cls + " withheld in summary.json");
        }
        // the answers keep their figures
        assertEquals(umkm2025.multiply(BigDecimal.valueOf(100)).divide(total2025, 4, RoundingMode.HALF_UP).stripTrailingZeros(),
                h.path("local_umkm_share_pct").decimalValue().stripTrailingZeros());
        assertEquals(foreign2025.multiply(BigDecimal.valueOf(100)).divide(total2025, 4, RoundingMode.HALF_UP).stripTrailingZeros(),
                h.path("foreign_origin_share_pct").decimalValue().stripTrailingZeros());
        assertTrue(en.contains("id=\"headline-umkm-share\">" + pct(umkm2025, '.') + "<"));
        assertTrue(en.contains("id=\"headline-foreign-share\">" + pct(foreign2025, '.') + "<"));
        // the withheld classes together are total − published, so they may be shown, and nothing finer
        BigDecimal together = total2025.subtract(umkm2025).multiply(BigDecimal.valueOf(100)).divide(total2025, 4, RoundingMode.HALF_UP);
        assertEquals(together.stripTrailingZeros(), h.path("withheld_classes_share_pct").decimalValue().stripTrailingZeros());
        // the range the undetermined sales leave open: UNKNOWN is withheld, so the upper ends add the withheld classes
        // outside the published foreign-origin total (LOCAL_LARGE + UNKNOWN = total − UMKM − foreign)
        BigDecimal hundred = BigDecimal.valueOf(100);
        assertEquals(List.of(h.path("local_umkm_share_pct").doubleValue(),
                        total2025.subtract(foreign2025).multiply(hundred).divide(total2025, 4, RoundingMode.HALF_UP).doubleValue()),
                List.of(h.path("local_umkm_share_bounds_pct").get(0).doubleValue(), h.path("local_umkm_share_bounds_pct").get(1).doubleValue()));
        assertEquals(List.of(h.path("foreign_origin_share_pct").doubleValue(),
                        total2025.subtract(umkm2025).multiply(hundred).divide(total2025, 4, RoundingMode.HALF_UP).doubleValue()),
                List.of(h.path("foreign_origin_share_bounds_pct").get(0).doubleValue(), h.path("foreign_origin_share_bounds_pct").get(1).doubleValue()));
        assertTrue(en.contains("id=\"headline-withheld\""), "the page says what is withheld and why");
        Matcher large = Pattern.compile("Local large firms</td><td class=\"num\">([^<]*)<").matcher(en);
        assertTrue(large.find() && large.group(1).equals("[c]"), "headline table withholds large local");
        // every year of the trend, and the change in points of a withheld class
        for (JsonNode y : s.path("trend")) assertTrue(y.path("unknown_share_pct").isNull(), "trend " + y.path("year"));
        assertTrue(s.path("trend_change_pp").path("unknown").isNull());
        assertFalse(s.path("trend_change_pp").path("local_umkm").isNull());
        // the tables' total row carries the same verdicts: its cross-border and imported cells are withheld
        Matcher table = Pattern.compile("<table class=\"data breakdown\" id=\"table-marketplace\">(.*?)</table>", Pattern.DOTALL).matcher(en);
        assertTrue(table.find());
        Matcher totals = Pattern.compile("<tr class=\"total\">(.*?)</tr>").matcher(table.group(1));
        assertTrue(totals.find());
        List<String> cells = new java.util.ArrayList<>();
        Matcher td = Pattern.compile("<td class=\"num (\\w+)\">").matcher(totals.group(1));
        while (td.find()) cells.add(td.group(1));
        // (one mark for a cell that fails the rules and for its complement: the page does not say which is which,
        // ReportViewTest.theHtmlDoesNotSayWhichWithheldCellsFailedTheRules)
        assertEquals(List.of("published", "withheld", "withheld", "withheld", "withheld", "published"), cells,
                "total row: UMKM, large, imported, cross-border, unknown, grand total");
        // consistent suppression: no part of a withheld class is published, in any table or in the evidence
        for (String name : List.of("marketplace", "province", "category")) {
            Matcher tb = Pattern.compile("<table class=\"data breakdown\" id=\"table-" + name + "\">(.*?)</table>", Pattern.DOTALL).matcher(en);
            assertTrue(tb.find());
            Matcher tr = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(tb.group(1));
            while (tr.find()) {
                List<String> st = new java.util.ArrayList<>();
                Matcher c = Pattern.compile("<td class=\"num (\\w+)\">").matcher(tr.group(1));
                while (c.find()) st.add(c.group(1));
                if (st.isEmpty()) continue;
                for (int k = 1; k <= 4; k++) assertFalse(st.get(k).equals("published"), name + " row " + tr.group(1));
            }
        }
        for (JsonNode e : s.path("evidence")) {
            if (!e.path("origin_class").asText().equals("LOCAL_UMKM")) assertTrue(e.path("suppressed").asBoolean(), e.toString());
        }
        assertTrue(s.path("disclosure").path("evidence").path("rows").asInt() > 0);
        // the Permendag share of cross-border GMV would give the cross-border total back (here the flagged
        // figures fail on their own as well: fewer than 9 flagged sellers)
        assertTrue(s.path("permendag31").path("suppressed").asBoolean());
        assertFalse(s.path("permendag31").path("flagged_share_of_cross_border_gmv_pct").isNumber());
        assertTrue(read(strict.resolve("report/figures/headline_shares_en.svg")).contains("Withheld classes together"));
        assertFalse(s.path("warnings").toString().contains("headline"), s.path("warnings").toString());
    }

    /**
     * Listing snapshots of the headline year next to its order lines (a scrape of this month beside the order exports):
     * the headline leaves them out (the aggregate's annual_headline is order lines only), and so must the tables, the
     * evidence, the Permendag figures and the disclosure statistics built from out/classified. They were counted there:
     * a row "tokopedia-scrape" in the marketplace table and a grand total above the headline's total. A warning says
     * where the scrape went.
     */
    @Test
    void listingSnapshotsOfTheHeadlineYearStayOutOfItsTables() throws IOException {
        Path mixed = tmp.resolve("mixed");
        ReportRun.copyTree(fixture, mixed);
        ReportFixture.deleteTree(mixed.resolve("classified"));
        var classified = spark.read().parquet(fixture.resolve("classified").toString());
        var listings = classified.filter(org.apache.spark.sql.functions.col("period_month").equalTo("2025-10")
                        .and(org.apache.spark.sql.functions.col("status").equalTo("COMPLETED")))
                .withColumn("grain", org.apache.spark.sql.functions.lit("LISTING_PERIOD"))
                .withColumn("marketplace", org.apache.spark.sql.functions.lit("tokopedia-scrape"))
                .withColumn("order_ts", org.apache.spark.sql.functions.lit(null).cast("timestamp"))
                .withColumn("sale_id", org.apache.spark.sql.functions.concat(org.apache.spark.sql.functions.lit("L:"),
                        org.apache.spark.sql.functions.col("sale_id")));
        assertTrue(listings.count() > 50, "enough listing rows to show up");
        classified.unionByName(listings).write().parquet(mixed.resolve("classified").toString());
        // the aggregate's detail table as it is written: a grain column, the scrape's month among the order lines'
        var detail = spark.read().parquet(fixture.resolve("aggregates/monthly_detail").toString())
                .withColumn("grain", org.apache.spark.sql.functions.lit("ORDER_LINE"));
        var scrape = detail.filter(org.apache.spark.sql.functions.col("period_month").equalTo("2025-10")).limit(1)
                .withColumn("grain", org.apache.spark.sql.functions.lit("LISTING_PERIOD"))
                .withColumn("marketplace", org.apache.spark.sql.functions.lit("tokopedia-scrape"))
                .withColumn("units", org.apache.spark.sql.functions.lit(4200L).cast(detail.schema().apply("units").dataType()));
        ReportFixture.deleteTree(mixed.resolve("aggregates/monthly_detail"));
        detail.unionByName(scrape).write().parquet(mixed.resolve("aggregates/monthly_detail").toString());
        ReportRun.run(spark, mixed, reference, List.of("en"));
        String en = read(mixed.resolve("report/index.html"));
        JsonNode s = new ObjectMapper().readTree(mixed.resolve("report/summary.json").toFile());
        assertEquals("ORDER_LINE", s.path("basis").asText());
        // where the scrape went: the report says it is in none of its figures, and where its composition is
        assertTrue(s.path("warnings").toString().contains("listing snapshots of 1 scrape month(s) (2025-10) are in none "
                + "of these figures"), s.path("warnings").toString());
        assertFalse(new ObjectMapper().readTree(full.resolve("report/summary.json").toFile()).path("warnings").toString()
                .contains("listing snapshots"), "no such warning without listings");
        assertEquals(total2025.setScale(0, RoundingMode.HALF_UP).longValueExact(), s.path("headline").path("total_gmv_idr").asLong());
        Matcher table = Pattern.compile("<table class=\"data breakdown\" id=\"table-marketplace\">(.*?)</table>", Pattern.DOTALL).matcher(en);
        assertTrue(table.find());
        assertFalse(table.group(1).contains("tokopedia-scrape"), "no listing marketplace among the order-line tables");
        // the same report as without the listings, apart from the run's own identity
        String plain = read(full.resolve("report/index.en.html"));
        Matcher a = Pattern.compile("<table class=\"data breakdown\" id=\"table-category\">(.*?)</table>", Pattern.DOTALL).matcher(plain);
        Matcher b = Pattern.compile("<table class=\"data breakdown\" id=\"table-category\">(.*?)</table>", Pattern.DOTALL).matcher(en);
        assertTrue(a.find() && b.find());
        assertEquals(a.group(1), b.group(1), "the category table does not change with listings beside the order lines");
        assertEquals(new ObjectMapper().readTree(full.resolve("report/summary.json").toFile()).path("evidence"), s.path("evidence"));
        assertEquals(new ObjectMapper().readTree(full.resolve("report/summary.json").toFile()).path("permendag31"), s.path("permendag31"));
    }

    /**
     * The backtest table shows the projection stage's summary rows (origin ALL) of the series the chart shows, as
     * written: per horizon and all horizons pooled ("all"), with the forecasts each scores. Grouping every row by
     * model and horizon instead averages the summary rows with the single forecasts and with another series, and
     * counts rows, not forecasts (ReportFixture's backtest: 3 origins × 2 horizons per model).
     */
    @Test
    void backtestTableShowsTheSummaryRowsOfTheShownSeries() throws IOException {
        String en = read(full.resolve("report/report.en.md"));
        String id = read(full.resolve("report/report.id.md"));
        assertTrue(en.contains("| Model | Frequency | Horizon | MAPE | MASE | Forecasts |"), "forecasts, not origins");
        assertTrue(id.contains("| Model | Frekuensi | Horizon | MAPE | MASE | Jumlah prakiraan |"));
        for (String row : List.of("| `cagr_base` | monthly | all | 9.0% | 0.80 | 6 |", "| `cagr_base` | monthly | 1 | 6.0% | 0.60 | 3 |",
                "| `cagr_base` | monthly | 2 | 12.0% | 1.00 | 3 |", "| `loglinear_seasonal` | monthly | all | 10.0% | 0.81 | 6 |")) {
            assertTrue(en.contains(row), row);
        }
        assertTrue(id.contains("| `cagr_base` | bulanan | semua | 9,0% | 0,80 | 6 |"), "horizon 0 localised");
        Matcher rows = Pattern.compile("^\\| `(cagr_base|loglinear_seasonal)` \\| monthly \\|.*$", Pattern.MULTILINE).matcher(en);
        int n = 0;
        while (rows.find()) n++;
        assertEquals(6, n, "per model: all, 1, 2 (no single forecasts, no other series)");
        assertTrue(en.contains("series total_gmv"), "the series is named");
    }

    /**
     * Categories are out/classified's taxonomy codes (food_beverage, toys_hobbies); the category table and its chart
     * name them by data/reference/categories.csv's label (English) and label_id (Bahasa Indonesia).
     */
    @Test
    void categoriesAreNamedInTheReportsLanguageNotByTheirCode() throws IOException {
        for (String lang : List.of("en", "id")) {
            String page = read(full.resolve("report/index." + lang + ".html"));
            Matcher table = Pattern.compile("<table class=\"data breakdown\" id=\"table-category\">(.*?)</table>", Pattern.DOTALL).matcher(page);
            assertTrue(table.find());
            String svg = read(full.resolve("report/figures/by_category_" + lang + ".svg"));
            // categories whose total is published (the chart draws only those; food_beverage's total is withheld in
            // this fixture, so its row is named in the table and the Markdown below but not drawn)
            for (String name : lang.equals("en") ? List.of("Home and living", "Toys and hobbies", "Fashion and apparel", "Other")
                    : List.of("Rumah tangga", "Mainan dan hobi", "Fesyen dan pakaian", "Lainnya")) {
                assertTrue(table.group(1).contains("<tr><td>" + name + "</td>"), lang + ": row " + name);
                // a row whose every class is withheld has nothing to draw and is left out of the chart (its note says so)
                Matcher row = Pattern.compile("<tr><td>" + Pattern.quote(name) + "</td>(.*?)</tr>", Pattern.DOTALL).matcher(table.group(1));
                assertTrue(row.find(), name);
                // the class cells (the total comes last): a published one shows an amount, a digit; "[c]" and "–" none
                List<String> cells = new java.util.ArrayList<>(List.of(row.group(1).split("<td")));
                cells.removeIf(String::isBlank);
                boolean anyPublished = cells.subList(0, ReportData.CLASSES.size()).stream()
                        .anyMatch(c -> c.replaceAll("<[^>]*>|class=\"[^\"]*\"|\\[c\\]", "").matches("(?s).*\\d.*"));
                assertEquals(anyPublished, svg.contains(">" + name + " · "), lang + ": chart label " + name + ", with its value");
            }
            for (String code : ReportFixture.CATEGORIES) {
                assertFalse(table.group(1).contains("<td>" + code + "</td>"), lang + ": raw code " + code + " in the table");
                assertFalse(svg.contains(">" + code + "<"), lang + ": raw code " + code + " in the chart");
            }
            assertTrue(read(full.resolve("report/report." + lang + ".md")).contains(lang.equals("en") ? "| Food and beverage |" : "| Makanan dan minuman |"));
        }
    }

    /**
     * A target whose year has no observed or projected value (a year before the data: docs/PROJECTION.md §6) has null
     * figures in projection/targets: the report says it has no value instead of calling it off track, and the
     * headline sentence speaks of the first target that has one.
     */
    @Test
    void aTargetWithoutAProjectedValueIsNotCalledOffTrack() throws IOException {
        Path out = tmp.resolve("target-without-value");
        ReportRun.copyTree(fixture, out);
        var money = org.apache.spark.sql.types.DataTypes.createDecimalType(24, 2);
        var tt = new org.apache.spark.sql.types.StructType().add("target", org.apache.spark.sql.types.DataTypes.StringType)
                .add("year", org.apache.spark.sql.types.DataTypes.IntegerType).add("target_idr", money).add("projected_idr", money)
                .add("lo80_idr", money).add("hi80_idr", money).add("lo95_idr", money).add("hi95_idr", money).add("gap_idr", money)
                .add("probability", org.apache.spark.sql.types.DataTypes.DoubleType)
                .add("crossing_year", org.apache.spark.sql.types.DataTypes.IntegerType)
                .add("required_cagr_pct", org.apache.spark.sql.types.DataTypes.DoubleType);
        List<Row> rows = new java.util.ArrayList<>(spark.read().parquet(fixture.resolve("projection/targets").toString())
                .select("target", "year", "target_idr", "projected_idr", "lo80_idr", "hi80_idr", "lo95_idr", "hi95_idr", "gap_idr",
                        "probability", "crossing_year", "required_cagr_pct").collectAsList());
        rows.add(org.apache.spark.sql.RowFactory.create("early", 2018, new BigDecimal("100000000000000.00"), null, null, null, null,
                null, null, null, 2023, null));
        Path targets = out.resolve("projection/targets");
        ReportFixture.deleteTree(targets);
        spark.createDataFrame(rows, tt).write().parquet(targets.toString());
        ReportRun.run(spark, out, reference, List.of("en"));
        String en = read(out.resolve("report/index.html"));
        Matcher row = Pattern.compile("<tr><td>early</td><td class=\"num\">2018</td>(.*?)</tr>", Pattern.DOTALL).matcher(en);
        assertTrue(row.find(), "the target is listed");
        assertTrue(row.group(1).contains("No value (see the warnings)") && !row.group(1).contains("Off track"), row.group(1));
        assertTrue(en.contains("id=\"headline-target\">The central projection of national e-commerce GMV in 2030 is"), "the headline speaks of a target with a value");
        JsonNode s = new ObjectMapper().readTree(out.resolve("report/summary.json").toFile());
        JsonNode early = null;
        for (JsonNode t : s.path("targets")) if (t.path("name").asText().equals("early")) early = t;
        assertTrue(early != null && early.path("on_track").isNull() && early.path("projected_idr").isNull(), String.valueOf(early));
    }

    /**
     * A history of 13 to 24 months has no backtest: the projection writes an empty backtest table and says why in
     * its warnings. The report warned "projection/backtest has no summary rows ...; rerun `neraca project`", an
     * instruction that changes nothing; an empty table is not a stale one.
     */
    @Test
    void anEmptyBacktestOfAShortHistoryIsNotReportedAsStale() throws IOException {
        Path out = tmp.resolve("no-backtest");
        ReportRun.copyTree(fixture, out);
        Path backtest = out.resolve("projection/backtest");
        var schema = spark.read().parquet(backtest.toString()).schema();
        ReportFixture.deleteTree(backtest);
        spark.createDataFrame(List.of(), schema).write().parquet(backtest.toString());
        ReportRun.run(spark, out, reference, List.of("en"));
        JsonNode s = new ObjectMapper().readTree(out.resolve("report/summary.json").toFile());
        assertFalse(s.path("warnings").toString().contains("rerun `neraca project`"), s.path("warnings").toString());
        assertFalse(read(out.resolve("report/index.html")).contains("rerun `neraca project`"));
    }

    @Test
    void summaryJsonHoldsTheHeadlineFigures() throws IOException {
        JsonNode s = new ObjectMapper().readTree(full.resolve("report/summary.json").toFile());
        JsonNode h = s.path("headline");
        assertEquals(2025, h.path("year").asInt());
        assertEquals(10, h.path("months_observed").asInt());
        assertEquals(total2025.setScale(0, RoundingMode.HALF_UP).toBigInteger(), h.path("total_gmv_idr").bigIntegerValue());
        assertEquals(umkm2025.multiply(BigDecimal.valueOf(100)).divide(total2025, 4, RoundingMode.HALF_UP).stripTrailingZeros(),
                h.path("local_umkm_share_pct").decimalValue().stripTrailingZeros());
        assertEquals(foreign2025.multiply(BigDecimal.valueOf(100)).divide(total2025, 4, RoundingMode.HALF_UP).stripTrailingZeros(),
                h.path("foreign_origin_share_pct").decimalValue().stripTrailingZeros());
        assertEquals(3, s.path("trend").size());
        assertEquals(2, s.path("targets").size());
        assertTrue(s.path("targets").get(0).path("on_track").asBoolean());
        assertFalse(s.path("targets").get(1).path("on_track").asBoolean());
        assertTrue(s.path("permendag31").path("flagged_lines").asLong() > 0);
        assertTrue(s.path("inputs_available").path("classified").asBoolean());
        assertEquals(List.of("id", "en"), List.of(s.path("languages").get(0).asText(), s.path("languages").get(1).asText()));
    }

    @Test
    void figuresAreWrittenAsSvgWithTextAndPng() throws IOException {
        Path figures = full.resolve("report/figures");
        for (String name : List.of("headline_shares", "projection", "by_province", "by_category", "by_marketplace")) {
            for (String lang : List.of("id", "en")) {
                String svg = read(figures.resolve(name + "_" + lang + ".svg"));
                assertTrue(svg.contains("<text"), name + " svg has text elements");
                byte[] png = Files.readAllBytes(figures.resolve(name + "_" + lang + ".png"));
                assertEquals((byte) 0x89, png[0]);
                assertEquals('P', png[1]);
            }
        }
        assertTrue(read(figures.resolve("projection_en.svg")).contains("80% interval"));
        assertTrue(read(figures.resolve("projection_id.svg")).contains("Selang 95%"));
        assertFalse(Files.list(full.resolve("report")).anyMatch(p -> p.getFileName().toString().endsWith(".crc")));
    }

    @Test
    void manifestRecordsTheStage() {
        JsonNode st = manifest.root().path("stages").path("WriteReport");
        assertEquals(28, st.path("files").asInt(), "2 × (html, md) + index/report copies + 2 × 5 × (svg, png) + history.csv + summary");
        assertEquals(10, st.path("figures").asInt());
        assertEquals("id,en", st.path("languages").asText());
        assertTrue(st.path("disclosure").path("province").path("primary_suppressed").asInt() >= 1);
    }

    @Test
    void missingOptionalInputsGiveMarkedSectionsNotACrash() throws IOException {
        Path partial = tmp.resolve("partial");
        ReportRun.copyTree(fixture, partial);
        for (String dir : List.of("classified", "reconciliation", "quarantine_reasons")) ReportFixture.deleteTree(partial.resolve(dir));
        // monthly_detail keeps each fine cell's largest seller only: the p% rule on its bounds (the two largest of a
        // year at most the sum of each month's top + min(top, rest)) withholds the fixture's UMKM share, which the
        // exact statistics publish; without the p% rule the bounds publish it
        ReportRun.run(spark, partial, reference, List.of("en"));
        assertFalse(read(partial.resolve("report/index.html")).contains("id=\"headline-umkm-share\">" + pct(umkm2025, '.') + "<"),
                "the p% rule on bounds withholds more, never less");
        ReportRun.run(spark, partial, reference, List.of("en"), 3, 0);
        Path report = partial.resolve("report");
        String en = read(report.resolve("index.html"));
        assertTrue(en.contains("<html lang=\"en\">"), "--lang en writes English as index.html");
        assertFalse(Files.exists(report.resolve("index.id.html")));
        assertFalse(en.contains("class=\"lang-switch\""), "no link to a language that was not written");
        assertTrue(countOf(en, "Not available in this run.") >= 4, "evidence, permendag, reconciliation, reasons marked");
        assertTrue(en.contains("seller counts are conservative bounds"), "tables fall back to monthly_detail bounds");
        assertTrue(en.contains("id=\"headline-umkm-share\">" + pct(umkm2025, '.') + "<"), "headline still there");
        JsonNode s = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertFalse(s.path("inputs_available").path("classified").asBoolean());
        assertTrue(s.path("permendag31").isNull());
        // the Papua Tengah cells stay withheld on the bounds too
        Matcher row = Pattern.compile("<tr><td>Papua Tengah \\(94\\)</td>(.*?)</tr>").matcher(en);
        assertTrue(row.find() && row.group(1).contains("[c]"));
    }

    @Test
    void missingRequiredInputNamesTheFolderAndTheCommand() {
        Path none = tmp.resolve("no-aggregates");
        ReportRun.copyTree(fixture, none);
        ReportFixture.deleteTree(none.resolve("aggregates"));
        NeracaException e = assertThrows(NeracaException.class, () -> ReportRun.run(spark, none, reference, null));
        assertTrue(e.getMessage().contains("aggregates/annual_headline"), e.getMessage());
        assertTrue(e.getMessage().contains("neraca aggregate"), e.getMessage());
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        assertFalse(Files.exists(none.resolve("report")), "nothing half-written");

        Path noProjection = tmp.resolve("no-projection");
        ReportRun.copyTree(fixture, noProjection);
        ReportFixture.deleteTree(noProjection.resolve("projection"));
        NeracaException p = assertThrows(NeracaException.class, () -> ReportRun.run(spark, noProjection, reference, null));
        assertTrue(p.getMessage().contains("projection/series") && p.getMessage().contains("neraca project"), p.getMessage());
    }

    private static int countOf(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }
}
