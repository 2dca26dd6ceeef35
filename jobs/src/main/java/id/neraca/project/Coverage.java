package id.neraca.project;

import id.neraca.core.NeracaException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coverage model: national value = observed value × factor, with the factor log-normally uncertain
 * (docs/PROJECTION.md "From the sample to the nation").
 *
 * <p>Calibration: for every year with both a full year of observed sales and a benchmark figure (e-Conomy SEA,
 * the configured metric, the latest report's figure for that year, confidence at least the configured minimum),
 * factor_y = benchmark_usd × average USD/IDR of that year / observed_idr. The central factor is the geometric
 * mean; its log standard deviation is the spread of log factor_y across years (sample sd), floored at the
 * configured minimum, because two or three years say little about how stable the sample's share of the market is.
 */
public final class Coverage {
    private Coverage() {}

    /** One benchmark row of {@code econ_benchmarks.csv}. */
    public record Benchmark(int reportYear, int year, String metric, BigDecimal valueUsdBn, String kind, String source,
                            String confidence) {}

    /** A year where observed sales and a benchmark overlap. */
    public record Point(int year, int reportYear, BigDecimal benchmarkUsdBn, BigDecimal usdIdr, BigDecimal benchmarkIdr,
                        BigDecimal observedIdr, double factor, String source, String confidence) {}

    public record Result(String method, double factor, double sigmaLog, List<Point> points, String note,
                         List<String> warnings) {
        public double lo95() {
            return factor * Math.exp(-1.959964 * sigmaLog);
        }

        public double hi95() {
            return factor * Math.exp(1.959964 * sigmaLog);
        }

        /** {@link Coverage#trend} of the calibration points; null with fewer than two years. */
        public Trend trend() {
            return Coverage.trend(points);
        }
    }

    /**
     * How the calibration years' factors move: the factor's change a year (least squares of log factor on the year), the
     * sample's and the benchmark's growth a year (in rupiah) from the first calibration year to the last. A falling
     * factor is a sample growing faster than the market: the projection holds the factor constant, so it carries the
     * sample's faster growth into the national value.
     */
    public record Trend(int fromYear, int toYear, double factorPctPerYear, double samplePctPerYear, double benchmarkPctPerYear) {}

    /** A factor moving by at least this much a year is named in a warning and in the report. */
    public static final double TREND_WARN_PCT = 5.0;

    static Trend trend(List<Point> points) {
        if (points.size() < 2) return null;
        Point first = points.get(0);
        Point last = points.get(points.size() - 1);
        int span = last.year() - first.year();
        if (span <= 0) return null;
        double my = 0;
        double mf = 0;
        for (Point p : points) {
            my += p.year() / (double) points.size();
            mf += Math.log(p.factor()) / points.size();
        }
        double sxy = 0;
        double sxx = 0;
        for (Point p : points) {
            sxy += (p.year() - my) * (Math.log(p.factor()) - mf);
            sxx += (p.year() - my) * (p.year() - my);
        }
        double factorPct = (Math.exp(sxy / sxx) - 1) * 100;
        double sample = (Math.pow(last.observedIdr().doubleValue() / first.observedIdr().doubleValue(), 1.0 / span) - 1) * 100;
        double bench = (Math.pow(last.benchmarkIdr().doubleValue() / first.benchmarkIdr().doubleValue(), 1.0 / span) - 1) * 100;
        return new Trend(first.year(), last.year(), factorPct, sample, bench);
    }

    public static Result fixed(double factor, double minSd) {
        return new Result(ProjectConfig.FACTOR, factor, minSd, List.of(),
                String.format(Locale.ROOT, "configured coverage factor %.6g (national value = observed × factor), log-normal "
                        + "uncertainty with log sd %.3f (project.coverage.min_relative_sd)", factor, minSd), List.of());
    }

    /**
     * @param observedFullYears observed GMV (sample, rupiah) of every calendar year with 12 observed months
     * @param usdIdrByYear      average IDR per USD of each year (from the monthly averages)
     */
    public static Result calibrate(List<Benchmark> benchmarks, Map<Integer, BigDecimal> usdIdrByYear,
                                   Map<Integer, BigDecimal> observedFullYears, String metric, String minConfidence,
                                   double minSd) {
        return calibrate(benchmarks, usdIdrByYear, observedFullYears, metric, minConfidence, minSd, Map.of(), "econ_benchmarks.csv");
    }

    /**
     * No observed year can be calibrated (dumps of 2025 on, benchmarks to 2024): nothing can be scaled to the nation, so
     * nothing is projected. Not a failure of the run: the stage writes a not-projected summary with this reason
     * (ProjectTo2030), as for a short history, and the report gives the observed shares.
     */
    public static final class NotCalibratable extends NeracaException {
        NotCalibratable(String message) {
            super(EXIT_DATA, message);
        }
    }

    /**
     * As above; {@code monthsPerYear} (observed months of each calendar year) and {@code benchmarksFile} only make the
     * error of a history without a calibratable year say what each year has and where benchmark rows go.
     */
    public static Result calibrate(List<Benchmark> benchmarks, Map<Integer, BigDecimal> usdIdrByYear,
                                   Map<Integer, BigDecimal> observedFullYears, String metric, String minConfidence,
                                   double minSd, Map<Integer, Integer> monthsPerYear, String benchmarksFile) {
        int minRank = ProjectConfig.CONFIDENCE.indexOf(minConfidence);
        // latest report per year for the metric, estimates only (projections are kept apart)
        Map<Integer, Benchmark> latest = new TreeMap<>();
        for (Benchmark b : benchmarks) {
            if (!b.metric().equals(metric) || !b.kind().equals("estimate")) continue;
            if (ProjectConfig.CONFIDENCE.indexOf(b.confidence()) < minRank) continue;
            Benchmark prev = latest.get(b.year());
            if (prev == null || b.reportYear() > prev.reportYear()) latest.put(b.year(), b);
        }
        List<Point> points = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (var e : latest.entrySet()) {
            int y = e.getKey();
            BigDecimal obs = observedFullYears.get(y);
            if (obs == null || obs.signum() <= 0) continue;
            BigDecimal fx = usdIdrByYear.get(y);
            if (fx == null) {
                warnings.add(String.format(Locale.ROOT, "benchmark year %d has no USD/IDR average in the FX table; not used", y));
                continue;
            }
            Benchmark b = e.getValue();
            BigDecimal idr = b.valueUsdBn().multiply(new BigDecimal("1000000000")).multiply(fx);
            double f = idr.divide(obs, MathContext.DECIMAL64).doubleValue();
            points.add(new Point(y, b.reportYear(), b.valueUsdBn(), fx, idr, obs, f, b.source(), b.confidence()));
            if (b.confidence().equals("low")) {
                warnings.add(String.format(Locale.ROOT, "coverage calibration uses a low-confidence benchmark for %d (%s)", y, b.source()));
            }
        }
        if (points.isEmpty()) {
            StringBuilder months = new StringBuilder();
            for (var e : new TreeMap<>(monthsPerYear).entrySet()) {
                months.append(months.length() == 0 ? "" : ", ").append(e.getKey()).append(": ").append(e.getValue())
                        .append(e.getValue() == 1 ? " month" : " months");
            }
            throw new NotCalibratable(String.format(java.util.Locale.ROOT, "no year has both a full year of observed sales (%s) "
                            + "and a '%s' benchmark estimate of confidence >= %s (%s has years %s)%s, so the coverage factor cannot "
                            + "be calibrated and nothing is projected. Either add a '%s' estimate row for a fully observed year to %s, "
                            + "or set project.coverage.method: factor with project.coverage.factor in the run configuration (a copy "
                            + "passed with --config resolves its relative paths against its own folder; docs/PROJECTION.md §2).",
                    observedFullYears.keySet(), metric, minConfidence, benchmarksFile, latest.keySet(),
                    months.length() == 0 ? "" : "; months observed per year: " + months, metric, benchmarksFile));
        }
        double meanLog = 0;
        for (Point p : points) meanLog += Math.log(p.factor()) / points.size();
        double ss = 0;
        for (Point p : points) ss += Math.pow(Math.log(p.factor()) - meanLog, 2);
        double spread = points.size() > 1 ? Math.sqrt(ss / (points.size() - 1)) : 0;
        double sigma = Math.max(spread, minSd);
        if (points.size() < 3) {
            warnings.add(String.format(Locale.ROOT, "coverage factor calibrated on %d year(s) only; its uncertainty (log sd %.3f) "
                    + "is at least the configured floor %.3f", points.size(), sigma, minSd));
        }
        Trend trend = trend(points);
        if (trend != null && Math.abs(trend.factorPctPerYear()) >= TREND_WARN_PCT) {
            warnings.add(String.format(Locale.ROOT, "the coverage factor %s %.1f%% a year over %d-%d: the sample grew %.1f%% a year and "
                            + "the benchmark %.1f%% (in rupiah). The projection holds the factor constant, so it carries the sample's "
                            + "growth: if the sample keeps %s the market, national growth is %s by about %.0f points a year",
                    trend.factorPctPerYear() < 0 ? "fell" : "rose", Math.abs(trend.factorPctPerYear()), trend.fromYear(), trend.toYear(),
                    trend.samplePctPerYear(), trend.benchmarkPctPerYear(), trend.factorPctPerYear() < 0 ? "outgrowing" : "growing slower than",
                    trend.factorPctPerYear() < 0 ? "overstated" : "understated",
                    Math.abs(trend.samplePctPerYear() - trend.benchmarkPctPerYear())));
        }
        StringBuilder note = new StringBuilder(String.format(Locale.ROOT, "national = observed × %.6g, calibrated on %s e-Conomy SEA "
                + "'%s' over %d year(s):", Math.exp(meanLog), "Indonesia", metric, points.size()));
        for (Point p : points) {
            note.append(String.format(Locale.ROOT, " %d: $%sB (report %d) × Rp%s/USD / observed Rp%s = %.6g;", p.year(),
                    p.benchmarkUsdBn().toPlainString(), p.reportYear(), p.usdIdr().setScale(2, java.math.RoundingMode.HALF_UP)
                            .toPlainString(), p.observedIdr().setScale(0, java.math.RoundingMode.HALF_UP).toPlainString(), p.factor()));
        }
        note.append(String.format(Locale.ROOT, " log sd %.3f (spread %.3f, floor %.3f), carried into every interval as a "
                + "log-normal multiplicative uncertainty; the factor is assumed constant over time.", sigma, spread, minSd));
        return new Result(ProjectConfig.CALIBRATION, Math.exp(meanLog), sigma, points, note.toString(), warnings);
    }
}
