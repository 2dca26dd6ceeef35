package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.ingest.mapping.Mapping;
import id.neraca.ingest.mapping.Mappings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An export downloaded again, named by the browser "tiktok_orders_2023-03 (1).csv": the same export, later, with
 * statuses that may have moved on. Its export key ranks it after the first download and before the next period's
 * export, so a repeated sale takes its version from it; by file path alone the first download would win (' ' sorts
 * before '.'). Pure: no Spark.
 */
class DownloadedAgainTest {
    static final Map<String, Mapping> MAPPINGS = Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")).stream()
            .collect(Collectors.toMap(Mapping::name, Function.identity()));

    static String key(String mapping, String rel) {
        return DumpPlanner.exportKey(MAPPINGS.get(mapping), rel);
    }

    @Test
    void aRepeatedDownloadRanksAfterTheFirstAndBeforeTheNextPeriod() {
        List<String> inOrder = List.of(
                key("tiktokshop", "tiktokshop/tiktok_orders_2023-03.csv"),
                key("tiktokshop", "tiktokshop/tiktok_orders_2023-03 (1).csv"),
                key("tiktokshop", "tiktokshop/tiktok_orders_2023-03 (2).csv"),
                key("tiktokshop", "tiktokshop/tiktok_orders_2023-03 (10).csv"),
                key("tiktokshop", "tiktokshop/tiktok_orders_2023-04.csv"));
        assertEquals("2023-03", inOrder.get(0));
        for (int i = 1; i < inOrder.size(); i++) {
            assertTrue(inOrder.get(i - 1).compareTo(inOrder.get(i)) < 0, inOrder.get(i - 1) + " before " + inOrder.get(i));
        }
        // Seller Centre's workbook downloaded twice, and a gzip export: the copy number sits before every extension
        assertTrue(key("shopee", "shopee/Order.all.20230101_20230131.xlsx")
                .compareTo(key("shopee", "shopee/Order.all.20230101_20230131 (1).xlsx")) < 0);
        assertTrue(key("shopee", "shopee/Order.all.20230101_20230131 (1).xlsx")
                .compareTo(key("shopee", "shopee/Order.all.20230101_20230228.xlsx")) < 0);
        assertEquals(key("crossborder", "crossborder/xb_orders_2024-05.csv.gz") + "\u00010003",
                key("crossborder", "crossborder/xb_orders_2024-05 (3).csv.gz"));
    }

    @Test
    void withoutExportOrderTheNameIsTheKeyWithoutTheCopyMarkThenTheCopy() {
        String first = key("tokopedia-scrape", "tokopedia-scrape/sample_data_09-02-2023.csv");
        String again = key("tokopedia-scrape", "tokopedia-scrape/sample_data_09-02-2023 (1).csv");
        assertEquals("2023-02-09\u0002sample_data_09-02-2023.csv", first, "a scrape: its date, then its name");
        assertEquals("2023-02-09\u0002sample_data_09-02-2023.csv\u00010001", again);
        assertTrue(first.compareTo(again) < 0);
    }

    /**
     * Two scrapes of one month share their listings' sale_ids (the period is the month), so the export key decides which
     * snapshot stays: the later scrape, by the date in its path. By file name the earlier one won when its name sorted
     * last ("b_scrape_09-02-2023.csv" over "a_scrape_20-02-2023.csv", "sample_data_..." over
     * "tokopedia-search-2023-02-20/data.csv"), and the newer sold counts were collapsed as duplicates without a word.
     */
    @Test
    void ofTwoScrapesOfOneMonthTheLaterScrapeDateRanksLastWhateverTheNames() {
        assertTrue(key("tokopedia-scrape", "tokopedia-scrape/b_scrape_09-02-2023.csv")
                .compareTo(key("tokopedia-scrape", "tokopedia-scrape/a_scrape_20-02-2023.csv")) < 0);
        assertTrue(key("tokopedia-scrape", "tokopedia-scrape/sample_data_09-02-2023.csv")
                .compareTo(key("tokopedia-scrape", "tokopedia-scrape/tokopedia-search-2023-02-20/data.csv")) < 0);
        assertTrue(key("tokopedia-scrape", "tokopedia-scrape/tokopedia-search-2023-02-09/data.csv")
                .compareTo(key("tokopedia-scrape", "tokopedia-scrape/sample_data_20-02-2023.csv")) < 0);
        assertEquals("2023-02-20", Parsers.snapshotDate("20-02-2023"));
        assertEquals("2023-02-20", Parsers.snapshotDate("20230220"));
        assertEquals("2023-02", Parsers.snapshotDate("2023-02"));
        assertEquals(null, Parsers.snapshotDate("scrape"));
    }

    @Test
    void namesThatOnlyLookLikeACopyKeepTheirKey() {
        assertEquals("orders(1).csv", key("tokopedia-scrape", "x/orders(1).csv"), "no space: not a browser's copy");
        assertEquals("orders (1) final.csv", key("tokopedia-scrape", "x/orders (1) final.csv"));
        assertEquals("orders (12345).csv", key("tokopedia-scrape", "x/orders (12345).csv"), "five digits: a number in the name");
    }
}
