package id.neraca.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.neraca.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code neraca run} on a folder of listing scrapes alone (the real Tokopedia search results of 9 February 2023 in
 * data/samples/tokopedia-scrape): no order line at all. The run stopped at the report with exit 3 and rolled back
 * everything it had written; it now writes a report on the listings' sold value, saying so in both languages, with
 * no trend and no projection. The expected figures are summed here in plain Java from the aggregate's CSV, not by the
 * report's Spark code. The CLI starts and stops its own Spark session: no session of the test class is needed.
 */
class ListingOnlyReportTest {
    @TempDir
    static Path tmp;
    static Path out;
    static int rc;

    @BeforeAll
    static void runOnTheScrapeAlone() throws IOException {
        Path root = SparkTestBase.projectRoot();
        Path dumps = tmp.resolve("dumps/tokopedia-scrape");
        Files.createDirectories(dumps);
        Files.copy(root.resolve("data/samples/tokopedia-scrape/sample_data_09-02-2023.csv"), dumps.resolve("sample_data_09-02-2023.csv"));
        out = tmp.resolve("out");
        rc = id.neraca.Neraca.execute("run", "--dumps", tmp.resolve("dumps").toString(), "--out", out.toString(),
                "--config", root.resolve("data/config/neraca.yaml").toString(), "--demo-key", "--quiet", "--master", "local[2]");
    }

    /** Listed value per origin class of out/aggregates/monthly_detail.csv's LISTING_PERIOD rows, and "TOTAL". */
    private static Map<String, BigDecimal> listedValue() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("aggregates/monthly_detail.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        Map<String, BigDecimal> v = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals("LISTING_PERIOD", f[header.indexOf("grain")], line);
            BigDecimal g = new BigDecimal(f[header.indexOf("gmv_idr")]);
            v.merge(f[header.indexOf("origin_class")], g, BigDecimal::add);
            v.merge("TOTAL", g, BigDecimal::add);
        }
        return v;
    }

    @Test
    void theRunSucceedsAndTheSummarySaysItDescribesListings() throws IOException {
        assertEquals(0, rc, "a folder of scrapes is an answer, not a failure");
        JsonNode s = new ObjectMapper().readTree(out.resolve("report/summary.json").toFile());
        assertEquals("LISTING_PERIOD", s.path("basis").asText());
        JsonNode h = s.path("headline");
        assertEquals(2023, h.path("year").asInt());
        Map<String, BigDecimal> v = listedValue();
        assertEquals(v.get("TOTAL").setScale(0, RoundingMode.HALF_UP).longValueExact(), h.path("total_gmv_idr").asLong(), h.toString());
        assertTrue(h.path("orders").isNull(), "a scrape has no orders: " + h);
        assertEquals(1, s.path("observed_period").path("months_observed").asInt());
        assertEquals("2023-02", s.path("observed_period").path("first_month").asText());
        assertTrue(s.path("trend_change_pp").path("from_year").isNull(), "no trend from snapshots");
        assertEquals("not_projected", s.path("projection").path("status").asText());
        // every published class share is the listed value's, to 4 decimals of a percent
        for (String cls : List.of("IMPORTED", "UNKNOWN")) {
            JsonNode share = h.path(cls.toLowerCase() + "_share_pct");
            if (share.isNull()) continue; // withheld by disclosure control
            assertEquals(v.getOrDefault(cls, BigDecimal.ZERO).multiply(BigDecimal.valueOf(100)).divide(v.get("TOTAL"), 4, RoundingMode.HALF_UP).stripTrailingZeros(),
                    share.decimalValue().stripTrailingZeros(), cls);
        }
    }

    /**
     * The same scrape taken again in August (a copy under a later date: the same listings, the same sold counts). Sold
     * counts are cumulative, so the year's figure is each listing's latest snapshot: the same value as one scrape,
     * not twice it; the months are two, and the year is named by both scrapes.
     */
    @Test
    void twoScrapesOfOneYearCountEachListingOnceAtItsLatestSnapshot() throws IOException {
        Path root = SparkTestBase.projectRoot();
        Path dumps = tmp.resolve("dumps-twice/tokopedia-scrape");
        Files.createDirectories(dumps);
        Path scrape = root.resolve("data/samples/tokopedia-scrape/sample_data_09-02-2023.csv");
        Files.copy(scrape, dumps.resolve("sample_data_09-02-2023.csv"));
        Files.copy(scrape, dumps.resolve("sample_data_15-08-2023.csv"));
        Path twice = tmp.resolve("out-twice");
        assertEquals(0, id.neraca.Neraca.execute("run", "--dumps", tmp.resolve("dumps-twice").toString(), "--out", twice.toString(),
                "--config", root.resolve("data/config/neraca.yaml").toString(), "--demo-key", "--quiet", "--master", "local[2]"));
        JsonNode s = new ObjectMapper().readTree(twice.resolve("report/summary.json").toFile());
        assertEquals(listedValue().get("TOTAL").setScale(0, RoundingMode.HALF_UP).longValueExact(),
                s.path("headline").path("total_gmv_idr").asLong(), "one scrape's value, not two: " + s.path("headline"));
        assertEquals(2, s.path("headline").path("months_observed").asInt());
        assertEquals(2, s.path("observed_period").path("months_observed").asInt());
        String en = Files.readString(twice.resolve("report/index.en.html"));
        assertTrue(en.contains("2023 (scrapes of February 2023, August 2023)"), "the year named by both scrapes");
        assertTrue(en.contains("Observed: February 2023 – August 2023"));
    }

    @Test
    void bothLanguagesSayWhatTheFiguresAreAndDoNotCallThemOrderSales() throws IOException {
        String en = Files.readString(out.resolve("report/index.en.html"));
        String id = Files.readString(out.resolve("report/index.id.html"));
        assertTrue(en.contains("These figures come from listing snapshots alone"), "the English basis note");
        assertTrue(en.contains("Listed sales value"), "the English tables name the value");
        assertTrue(en.contains("2023 (scrapes of February 2023)"), "the year named by its scrape");
        assertTrue(en.contains("Observed: February 2023 · "), "one month named once, not 'February 2023 – February 2023'");
        assertTrue(en.contains("Listing snapshots are cumulative sold counts, not a year&#39;s sales"), "no trend, and why");
        assertTrue(en.contains("only listing snapshots"), "the projection section says why nothing is projected");
        assertFalse(en.contains("of observed online GMV"), "the order-line wording is not used");
        assertTrue(id.contains("Angka ini berasal dari cuplikan listing saja"), "the Indonesian basis note");
        assertTrue(id.contains("Nilai terjual listing"));
        assertTrue(id.contains("2023 (scraping Februari 2023)"), id.contains("scraping") ? "month name" : "year label");
        assertFalse(id.contains("dari GMV daring yang teramati"));
        String md = Files.readString(out.resolve("report/report.en.md"));
        assertTrue(md.contains("These figures come from listing snapshots alone"));
    }
}
