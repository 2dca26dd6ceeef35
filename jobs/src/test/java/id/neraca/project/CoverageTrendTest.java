package id.neraca.project;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coverage factor's calibration years say whether the sample keeps pace with the market: the bundled samples grew
 * 20.1% from 2023 to 2024 where e-Conomy SEA's e-commerce GMV grew 9.1% in rupiah, so the factor fell 9.2%, and holding
 * it constant carries the sample's faster growth into the national projection. That is measured and said.
 */
class CoverageTrendTest {
    private static Coverage.Benchmark bench(int year, String usdBn) {
        return new Coverage.Benchmark(year, year, "ecommerce_gmv", new BigDecimal(usdBn), "estimate", "e-Conomy SEA " + year, "high");
    }

    @Test
    void aFactorFallingBecauseTheSampleOutgrowsTheBenchmarkIsMeasuredAndWarned() {
        // the samples' figures: observed Rp128.5 / 154.4 billion, US$62 / 65 billion at Rp15,236.99 / 15,852.06
        Coverage.Result r = Coverage.calibrate(List.of(bench(2023, "62"), bench(2024, "65")),
                Map.of(2023, new BigDecimal("15236.99"), 2024, new BigDecimal("15852.06")),
                Map.of(2023, new BigDecimal("128510000000"), 2024, new BigDecimal("154410000000")), "ecommerce_gmv", "medium", 0.15);
        Coverage.Trend t = r.trend();
        assertEquals(2023, t.fromYear());
        assertEquals(2024, t.toYear());
        // factor 7,351.3 -> 6,673.1: -9.23%; sample +20.15%; benchmark 944.69 -> 1,030.38 trillion: +9.07%
        assertEquals(-9.23, t.factorPctPerYear(), 0.01);
        assertEquals(20.15, t.samplePctPerYear(), 0.01);
        assertEquals(9.07, t.benchmarkPctPerYear(), 0.01);
        String w = String.join(" | ", r.warnings());
        assertTrue(w.contains("the coverage factor fell 9.2% a year over 2023-2024: the sample grew 20.2% a year and the benchmark 9.1%")
                && w.contains("national growth is overstated by about 11 points a year"), w);
    }

    @Test
    void aSteadyFactorIsMeasuredButNotWarnedAndOneYearHasNoTrend() {
        // the sample grows as the benchmark does: factor within 2% a year
        Coverage.Result r = Coverage.calibrate(List.of(bench(2022, "50"), bench(2023, "55"), bench(2024, "60")),
                Map.of(2022, new BigDecimal("15000"), 2023, new BigDecimal("15000"), 2024, new BigDecimal("15000")),
                Map.of(2022, new BigDecimal("100000000000"), 2023, new BigDecimal("111000000000"), 2024, new BigDecimal("119000000000")),
                "ecommerce_gmv", "medium", 0.15);
        assertTrue(Math.abs(r.trend().factorPctPerYear()) < 2, String.valueOf(r.trend()));
        assertTrue(r.warnings().stream().noneMatch(x -> x.contains("coverage factor fell") || x.contains("coverage factor rose")), r.warnings().toString());
        Coverage.Result one = Coverage.calibrate(List.of(bench(2024, "60")), Map.of(2024, new BigDecimal("15000")),
                Map.of(2024, new BigDecimal("119000000000")), "ecommerce_gmv", "medium", 0.15);
        assertNull(one.trend());
    }
}
