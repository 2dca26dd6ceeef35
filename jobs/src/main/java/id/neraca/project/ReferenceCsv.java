package id.neraca.project;

import id.neraca.core.NeracaException;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the small reference CSVs the projection needs (RFC 4180 quoting, header row, UTF-8). */
public final class ReferenceCsv {
    private ReferenceCsv() {}

    /** Rows as header → value maps, with the 1-based line number under key {@code #line}. */
    public static List<Map<String, String>> read(Path file, List<String> required) {
        return id.neraca.core.ReferenceCsv.read(file, required,
                "Put it in run.reference_dir or change the project.coverage setting that names it (see docs/PROJECTION.md).");
    }

    public static List<Coverage.Benchmark> benchmarks(Path file) {
        List<Coverage.Benchmark> out = new ArrayList<>();
        for (Map<String, String> r : read(file, List.of("report_year", "year", "metric", "value_usd_bn", "kind", "source", "confidence"))) {
            try {
                String conf = r.get("confidence");
                if (!ProjectConfig.CONFIDENCE.contains(conf)) {
                    throw new IllegalArgumentException("confidence must be one of " + ProjectConfig.CONFIDENCE + ", got '" + conf + "'");
                }
                out.add(new Coverage.Benchmark(Integer.parseInt(r.get("report_year")), Integer.parseInt(r.get("year")),
                        r.get("metric"), new BigDecimal(r.get("value_usd_bn")), r.get("kind"), r.get("source"), conf));
            } catch (IllegalArgumentException e) {
                throw NeracaException.data("%s (line %s): %s", file, r.get("#line"), e.getMessage());
            }
        }
        return out;
    }

    /**
     * Average IDR per unit of {@code currency} per calendar year (mean of the monthly averages present), and the
     * number of months each average rests on.
     */
    public static Map<Integer, BigDecimal> annualAverage(Path file, String currency, Map<Integer, Integer> monthsPerYear) {
        Map<Integer, BigDecimal> sum = new TreeMap<>();
        for (Map<String, String> r : read(file, List.of("month", "currency", "idr_per_unit", "source"))) {
            if (!r.get("currency").equalsIgnoreCase(currency)) continue;
            try {
                String month = r.get("month");
                if (!month.matches("\\d{4}-\\d{2}")) throw new IllegalArgumentException("month must be yyyy-MM, got '" + month + "'");
                int year = Integer.parseInt(month.substring(0, 4));
                BigDecimal v = new BigDecimal(r.get("idr_per_unit"));
                if (v.signum() <= 0) throw new IllegalArgumentException("idr_per_unit must be positive");
                sum.merge(year, v, BigDecimal::add);
                monthsPerYear.merge(year, 1, Integer::sum);
            } catch (IllegalArgumentException e) {
                throw NeracaException.data("%s (line %s): %s", file, r.get("#line"), e.getMessage());
            }
        }
        Map<Integer, BigDecimal> avg = new TreeMap<>();
        for (var e : sum.entrySet()) {
            avg.put(e.getKey(), e.getValue().divide(BigDecimal.valueOf(monthsPerYear.get(e.getKey())), 6,
                    java.math.RoundingMode.HALF_UP));
        }
        return avg;
    }
}
