package id.neraca.classify;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * data/reference/fx_monthly.csv is built from data/reference/sources/ (tools/build_fx_monthly.py). This recomputes
 * every rate from the sources independently of that script, so a hand edit of the built file, or a source change
 * that was not rebuilt, fails here with the month and currency.
 */
class FxReferenceTest {
    static Path ref;
    static Map<String, BigDecimal> built;           // "2023-09|USD" -> rate, read with the production parser
    static Map<String, String> confidence;          // same keys, from the built file's confidence column
    static TreeMap<String, BigDecimal> oecdUsd;     // month -> IDR per USD
    static Map<String, BigDecimal> unitsPerUsd;     // "2023-09|CNY" -> units per USD

    @BeforeAll
    static void read() throws Exception {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("data/reference/fx_monthly.csv"))) p = p.getParent();
        assertNotNull(p, "no data/reference/fx_monthly.csv above the working directory");
        ref = p.resolve("data/reference");
        List<String> lines = Files.readAllLines(ref.resolve("fx_monthly.csv"), StandardCharsets.UTF_8);
        built = new HashMap<>();
        for (Row r : FxRates.parse("fx_monthly.csv", lines)) {
            built.put(r.getString(0) + "|" + r.getString(1), new BigDecimal(r.getString(2)));
        }
        confidence = new HashMap<>();
        List<String> head = BrandOrigins.Csv.split(lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            List<String> f = BrandOrigins.Csv.split(l);
            confidence.put(f.get(0) + "|" + f.get(1), f.get(head.indexOf("confidence")));
        }
        oecdUsd = new TreeMap<>();
        for (String l : source("oecd_usd_idr_monthly.csv", "month,idr_per_usd")) {
            String[] f = l.split(",");
            oecdUsd.put(f[0], new BigDecimal(f[1]));
        }
        unitsPerUsd = new HashMap<>();
        for (String l : source("units_per_usd_monthly.csv", "month,currency,units_per_usd,confidence,note")) {
            List<String> f = BrandOrigins.Csv.split(l);
            unitsPerUsd.put(f.get(0) + "|" + f.get(1), new BigDecimal(f.get(2)));
        }
    }

    static List<String> source(String name, String header) throws Exception {
        List<String> lines = Files.readAllLines(ref.resolve("sources").resolve(name), StandardCharsets.UTF_8);
        assertEquals(header, lines.get(0), name);
        return lines.subList(1, lines.size());
    }

    static BigDecimal usd(String month) {
        BigDecimal v = oecdUsd.containsKey(month) ? oecdUsd.get(month) : oecdUsd.lastEntry().getValue();
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void everyMonthFrom2015ThroughTheLastYearHasEveryCurrencyOnce() {
        assertEquals(144 * 6, built.size());
        for (YearMonth m = YearMonth.of(2015, 1); !m.isAfter(YearMonth.of(2026, 12)); m = m.plusMonths(1)) {
            for (String c : List.of("USD", "CNY", "SGD", "MYR", "JPY", "KRW")) {
                assertTrue(built.containsKey(m + "|" + c), "no " + c + " rate for " + m);
            }
        }
    }

    @Test
    void theOecdSeriesHasNoGapAndNoImplausibleJump() {
        YearMonth prev = null;
        BigDecimal prevRate = null;
        for (var e : oecdUsd.entrySet()) {
            YearMonth m = YearMonth.parse(e.getKey());
            if (prev != null) {
                assertEquals(prev.plusMonths(1), m, "a gap in the OECD series after " + prev);
                double change = e.getValue().doubleValue() / prevRate.doubleValue() - 1;
                // the largest monthly move since 2015 is March 2020 (+10.7%); a mistyped digit moves 10x or more
                assertTrue(Math.abs(change) < 0.12, m + ": " + prevRate + " -> " + e.getValue() + " (a typo?)");
            }
            prev = m;
            prevRate = e.getValue();
        }
        assertEquals("2015-01", oecdUsd.firstKey());
    }

    @Test
    void usdIsTheOecdMonthlyAverageAndLaterMonthsCarryTheLastOneForwardMarkedAssumed() {
        assertEquals(new BigDecimal("15359.43"), built.get("2023-09|USD"), "the OECD/FRED average of September 2023");
        for (var e : built.entrySet()) {
            if (!e.getKey().endsWith("|USD")) continue;
            String month = e.getKey().substring(0, 7);
            assertEquals(usd(month), e.getValue(), e.getKey());
            assertEquals(oecdUsd.containsKey(month) ? "high" : "assumed", confidence.get(e.getKey()), e.getKey());
        }
    }

    @Test
    void otherCurrenciesAreCrossRatesOfThatMonthsUsdRate() {
        for (var e : built.entrySet()) {
            if (e.getKey().endsWith("|USD")) continue;
            BigDecimal units = unitsPerUsd.get(e.getKey());
            assertNotNull(units, "sources/units_per_usd_monthly.csv has no " + e.getKey());
            BigDecimal expected = usd(e.getKey().substring(0, 7)).divide(units, 4, RoundingMode.HALF_UP);
            assertEquals(expected, e.getValue(), e.getKey() + " = USD/IDR / units per USD");
            assertTrue(List.of("low", "assumed").contains(confidence.get(e.getKey())), e.getKey());
        }
    }
}
