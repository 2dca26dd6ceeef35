package id.neraca.classify;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * data/reference/fx_monthly.csv is built from data/reference/sources/ (tools/build_fx_monthly.py). This recomputes
 * every rate and confidence from the sources independently of that script, so a hand edit of the built file, a source
 * change that was not rebuilt, or a mistyped daily rate fails here with the month and currency.
 */
class FxReferenceTest {
    static final List<String> CROSS = List.of("CNY", "SGD", "MYR", "JPY", "KRW");
    static final Map<String, String> FRED_SERIES = Map.of("CNY", "DEXCHUS", "JPY", "DEXJPUS", "KRW", "DEXKOUS", "SGD", "DEXSIUS");

    static Path ref;
    static Map<String, BigDecimal> built;           // "2023-09|USD" -> rate, read with the production parser
    static Map<String, String> confidence;          // same keys, from the built file's confidence column
    static Map<String, String> sourceText;          // same keys, from the built file's source column
    static TreeMap<String, BigDecimal> oecdUsd;     // month -> IDR per USD
    static Map<String, BigDecimal> unitsPerUsd;     // "2023-09|CNY" -> reconstructed units per USD
    static Map<String, String> unitsConfidence;     // same keys, the reconstruction's confidence
    static Map<String, TreeMap<String, String>> daily; // "CNY" -> date -> units per USD as published ("" when blank)
    static List<String[]> provenance;               // currency, series, repository, path, commit, first, last, use

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
        sourceText = new HashMap<>();
        List<String> head = BrandOrigins.Csv.split(lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            List<String> f = BrandOrigins.Csv.split(l);
            confidence.put(f.get(0) + "|" + f.get(1), f.get(head.indexOf("confidence")));
            sourceText.put(f.get(0) + "|" + f.get(1), f.get(head.indexOf("source")));
        }
        oecdUsd = new TreeMap<>();
        for (String l : source("oecd_usd_idr_monthly.csv", "month,idr_per_usd")) {
            String[] f = l.split(",");
            oecdUsd.put(f[0], new BigDecimal(f[1]));
        }
        unitsPerUsd = new HashMap<>();
        unitsConfidence = new HashMap<>();
        for (String l : source("units_per_usd_monthly.csv", "month,currency,units_per_usd,confidence,note")) {
            List<String> f = BrandOrigins.Csv.split(l);
            unitsPerUsd.put(f.get(0) + "|" + f.get(1), new BigDecimal(f.get(2)));
            unitsConfidence.put(f.get(0) + "|" + f.get(1), f.get(3));
        }
        daily = new TreeMap<>();
        for (String l : source("fred_daily_units_per_usd.csv", "date,currency,units_per_usd")) {
            String[] f = l.split(",", -1);
            assertEquals(3, f.length, l);
            String previous = daily.computeIfAbsent(f[1], k -> new TreeMap<>()).put(f[0], f[2]);
            assertEquals(null, previous, f[0] + " " + f[1] + " twice in fred_daily_units_per_usd.csv");
        }
        provenance = new ArrayList<>();
        for (String l : source("fred_daily_provenance.csv", "currency,fred_series,repository,path,commit,first_date,last_date,use")) {
            provenance.add(l.split(",", -1));
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

    static List<LocalDate> weekdays(YearMonth m) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) out.add(d);
        }
        return out;
    }

    /** "2023-09|CNY" -> mean of the month's published daily units per USD, half-up to 6 places (the build's rounding). */
    static Map<String, BigDecimal> fredMonthly() {
        Map<String, BigDecimal> out = new HashMap<>();
        daily.forEach((cur, days) -> {
            Map<String, List<BigDecimal>> byMonth = new TreeMap<>();
            days.forEach((date, v) -> {
                List<BigDecimal> values = byMonth.computeIfAbsent(date.substring(0, 7), k -> new ArrayList<>());
                if (!v.isEmpty()) values.add(new BigDecimal(v));
            });
            byMonth.forEach((month, values) -> {
                BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                out.put(month + "|" + cur, sum.divide(BigDecimal.valueOf(values.size()), 6, RoundingMode.HALF_UP));
            });
        });
        return out;
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
    void theDailyFredRatesHoldWholeMonthsOfWeekdaysWithoutImplausibleJumps() {
        assertEquals(FRED_SERIES.keySet(), daily.keySet(), "currencies in fred_daily_units_per_usd.csv");
        daily.forEach((cur, days) -> {
            YearMonth first = YearMonth.parse(days.firstKey().substring(0, 7));
            YearMonth last = YearMonth.parse(days.lastKey().substring(0, 7));
            assertEquals(YearMonth.of(2015, 1), first, cur + " starts in 2015-01");
            int expected = 0;
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                for (LocalDate d : weekdays(m)) {
                    assertTrue(days.containsKey(d.toString()), cur + ": no row for weekday " + d + " (months must be whole)");
                    expected++;
                }
                final YearMonth month = m;
                assertTrue(weekdays(m).stream().filter(d -> !days.get(d.toString()).isEmpty()).count() >= 15,
                        cur + " " + month + ": fewer than 15 published days");
            }
            assertEquals(expected, days.size(), cur + ": rows that are not weekdays of the covered months");
            BigDecimal prev = null;
            String prevDate = null;
            for (var e : days.entrySet()) {
                if (e.getValue().isEmpty()) continue;
                BigDecimal v = new BigDecimal(e.getValue());
                assertTrue(v.signum() > 0, cur + " " + e.getKey());
                if (prev != null) {
                    // the largest daily move of these four since 2015 is about 3.5% (JPY, June 2016); a mistyped
                    // leading digit moves far more
                    double change = v.doubleValue() / prev.doubleValue() - 1;
                    assertTrue(Math.abs(change) < 0.06, cur + " " + prevDate + " " + prev + " -> " + e.getKey() + " " + v + " (a typo?)");
                }
                prev = v;
                prevDate = e.getKey();
            }
        });
    }

    @Test
    void everyDailyRateLiesInTheRangeOfARecordedCopyOfItsFredSeries() {
        for (String[] p : provenance) {
            assertEquals(8, p.length, String.join(",", p));
            assertEquals(FRED_SERIES.get(p[0]), p[1], "series of " + p[0]);
            assertTrue(p[4].matches("[0-9a-f]{40}"), "commit " + p[4]);
            assertTrue(p[5].compareTo(p[6]) <= 0, String.join(",", p));
        }
        daily.forEach((cur, days) -> {
            for (String date : days.keySet()) {
                boolean covered = provenance.stream().anyMatch(p -> p[0].equals(cur) && p[7].startsWith("values")
                        && p[5].compareTo(date) <= 0 && date.compareTo(p[6]) <= 0);
                assertTrue(covered, cur + " " + date + ": no copy in fred_daily_provenance.csv provides it");
            }
        });
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
    void aMonthWithPublishedDailyRatesIsTheirMeanAndHighWhereTheUsdRateIsHigh() {
        Map<String, BigDecimal> fred = fredMonthly();
        assertFalse(fred.isEmpty());
        // one month by hand: CNY, September 2023, 20 published days
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (var e : daily.get("CNY").subMap("2023-09-01", "2023-10-01").entrySet()) {
            if (e.getValue().isEmpty()) continue;
            sum = sum.add(new BigDecimal(e.getValue()));
            n++;
        }
        assertEquals(20, n);
        assertEquals(usd("2023-09").divide(sum.divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_UP), 4, RoundingMode.HALF_UP),
                built.get("2023-09|CNY"));
        for (var e : fred.entrySet()) {
            String key = e.getKey();
            String month = key.substring(0, 7);
            if (month.compareTo("2026-12") > 0) continue;
            assertEquals(usd(month).divide(e.getValue(), 4, RoundingMode.HALF_UP), built.get(key), key + " = USD/IDR / mean of the daily FRED rates");
            assertEquals(oecdUsd.containsKey(month) ? "high" : "assumed", confidence.get(key), key);
            assertTrue(sourceText.get(key).contains("FRED series " + FRED_SERIES.get(key.substring(8))), key + ": " + sourceText.get(key));
        }
    }

    @Test
    void otherMonthsUseTheReconstructionOrCarryTheLastValueForwardMarkedAssumed() {
        Map<String, BigDecimal> fred = fredMonthly();
        for (String c : CROSS) {
            BigDecimal prev = null;
            String prevMonth = null;
            for (YearMonth m = YearMonth.of(2015, 1); !m.isAfter(YearMonth.of(2026, 12)); m = m.plusMonths(1)) {
                String key = m + "|" + c;
                assertNotNull(unitsPerUsd.get(key), "sources/units_per_usd_monthly.csv has no " + key);
                boolean usdHigh = oecdUsd.containsKey(m.toString());
                if (fred.containsKey(key)) {
                    prev = fred.get(key);
                    prevMonth = m.toString();
                    continue;  // checked above
                }
                BigDecimal units;
                String expectedConfidence;
                if (!"assumed".equals(unitsConfidence.get(key))) {
                    units = unitsPerUsd.get(key);
                    expectedConfidence = usdHigh ? "low" : "assumed";
                    assertTrue(sourceText.get(key).contains("reconstructed"), key + ": " + sourceText.get(key));
                    prev = units;
                    prevMonth = m.toString();
                } else {
                    if (prev == null) fail(key + ": carried forward but no earlier month has a value");
                    units = prev;
                    expectedConfidence = "assumed";
                }
                assertEquals(usd(m.toString()).divide(units, 4, RoundingMode.HALF_UP), built.get(key),
                        key + " = USD/IDR / units per USD (" + (units == prev && !m.toString().equals(prevMonth) ? prevMonth + " carried forward" : "reconstructed") + ")");
                assertEquals(expectedConfidence, confidence.get(key), key);
            }
        }
        assertTrue(fred.keySet().stream().noneMatch(k -> k.endsWith("|MYR")), "MYR has no FRED copy in the sources");
    }
}
