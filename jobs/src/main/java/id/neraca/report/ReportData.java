package id.neraca.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the report shows, read from one run's outputs, before any language is applied. Optional
 * inputs are {@link Optional#empty()} when the run did not produce them; the report then says so.
 */
public record ReportData(
        String runId,
        String generatedAt,
        List<Headline> annual,
        List<Headline> monthly,
        Map<String, Breakdown> breakdowns,
        Optional<List<Evidence>> evidence,
        Optional<Permendag> permendag,
        Projection projection,
        Optional<List<Reconciliation>> reconciliation,
        Optional<List<QuarantineReason>> quarantineReasons,
        Optional<GenericTable> classifyStats,
        Optional<List<FxRange>> fx,
        Map<String, String> provinceNames,
        Map<String, CategoryLabel> categoryLabels,
        JsonNode manifest,
        ReportConfig config,
        List<String> warnings,
        String basis,
        BigDecimal topThreeSharePct,
        Map<String, CategoryLabel> marketplaceLabels) {

    public ReportData {
        marketplaceLabels = marketplaceLabels == null ? Map.of() : Map.copyOf(marketplaceLabels);
    }

    /** Without the mappings' marketplace names ({@link #marketplaceLabels}: the report's own names, else the ids). */
    public ReportData(String runId, String generatedAt, List<Headline> annual, List<Headline> monthly,
                      Map<String, Breakdown> breakdowns, Optional<List<Evidence>> evidence, Optional<Permendag> permendag,
                      Projection projection, Optional<List<Reconciliation>> reconciliation,
                      Optional<List<QuarantineReason>> quarantineReasons, Optional<GenericTable> classifyStats,
                      Optional<List<FxRange>> fx, Map<String, String> provinceNames, Map<String, CategoryLabel> categoryLabels,
                      JsonNode manifest, ReportConfig config, List<String> warnings, String basis, BigDecimal topThreeSharePct) {
        this(runId, generatedAt, annual, monthly, breakdowns, evidence, permendag, projection, reconciliation,
                quarantineReasons, classifyStats, fx, provinceNames, categoryLabels, manifest, config, warnings, basis, topThreeSharePct,
                Map.of());
    }

    /** {@link #basis()} of a report on completed order lines, the usual one. */
    public static final String ORDER_LINE = "ORDER_LINE";
    /**
     * {@link #basis()} of a report on listing snapshots alone (a folder of scrapes, no order line): every figure is a
     * listing's sold count valued at its scraped price, cumulative over the listing's life, not a period's sales.
     */
    public static final String LISTING_PERIOD = "LISTING_PERIOD";

    /** A report on completed order lines. */
    public ReportData(String runId, String generatedAt, List<Headline> annual, List<Headline> monthly,
                      Map<String, Breakdown> breakdowns, Optional<List<Evidence>> evidence, Optional<Permendag> permendag,
                      Projection projection, Optional<List<Reconciliation>> reconciliation,
                      Optional<List<QuarantineReason>> quarantineReasons, Optional<GenericTable> classifyStats,
                      Optional<List<FxRange>> fx, Map<String, String> provinceNames, Map<String, CategoryLabel> categoryLabels,
                      JsonNode manifest, ReportConfig config, List<String> warnings) {
        this(runId, generatedAt, annual, monthly, breakdowns, evidence, permendag, projection, reconciliation,
                quarantineReasons, classifyStats, fx, provinceNames, categoryLabels, manifest, config, warnings, ORDER_LINE, null);
    }

    /** Without the sellers' concentration ({@link #topThreeSharePct} null: not known, no sentence). */
    public ReportData(String runId, String generatedAt, List<Headline> annual, List<Headline> monthly,
                      Map<String, Breakdown> breakdowns, Optional<List<Evidence>> evidence, Optional<Permendag> permendag,
                      Projection projection, Optional<List<Reconciliation>> reconciliation,
                      Optional<List<QuarantineReason>> quarantineReasons, Optional<GenericTable> classifyStats,
                      Optional<List<FxRange>> fx, Map<String, String> provinceNames, Map<String, CategoryLabel> categoryLabels,
                      JsonNode manifest, ReportConfig config, List<String> warnings, String basis) {
        this(runId, generatedAt, annual, monthly, breakdowns, evidence, permendag, projection, reconciliation,
                quarantineReasons, classifyStats, fx, provinceNames, categoryLabels, manifest, config, warnings, basis, null);
    }

    /** Whether the report describes listing snapshots (no order line in the run). */
    /** The same data with {@code more} warnings after its own (the report's comparison with the previous one adds them). */
    public ReportData withMoreWarnings(List<String> more) {
        if (more.isEmpty()) return this;
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new ReportData(runId, generatedAt, annual, monthly, breakdowns, evidence, permendag, projection, reconciliation,
                quarantineReasons, classifyStats, fx, provinceNames, categoryLabels, manifest, config, all, basis, topThreeSharePct,
                marketplaceLabels);
    }

    public boolean listingBasis() {
        return LISTING_PERIOD.equals(basis);
    }

    public static final List<String> CLASSES = List.of("LOCAL_UMKM", "LOCAL_LARGE", "IMPORTED", "CROSS_BORDER", "UNKNOWN");

    /**
     * The two years the trend compares: the first and the last fully observed (12 months) years, or null with fewer
     * than two. A part of a year is not comparable with a whole one (docs/OUTPUTS.md `annual_headline`): a history
     * of December 2024 to December 2025 compared one December with a year and called it the trend.
     */
    public Headline[] trendYears() {
        // snapshots are cumulative sold counts: two years of them are not two years of sales
        if (listingBasis()) return null;
        List<Headline> full = annual.stream().filter(h -> h.monthsObserved() >= 12).toList();
        return full.size() < 2 ? null : new Headline[]{full.get(0), full.get(full.size() - 1)};
    }

    /** The latest calendar year observed: the headline year. */
    public Headline headlineYear() {
        return annual.get(annual.size() - 1);
    }

    /** GMV by origin class for one period (a year or a month). Shares are computed exactly from the GMV. */
    public record Headline(String period, int monthsObserved, BigDecimal total, BigDecimal localUmkm,
                           BigDecimal localLarge, BigDecimal imported, BigDecimal crossBorder, BigDecimal unknown,
                           long orders, long units, long sellers, Map<String, Disclosure.Status> disclosure) {
        /** The same figures with the disclosure verdicts of their entries (keys of {@link HeadlineDisclosure#KEYS}). */
        public Headline withDisclosure(Map<String, Disclosure.Status> verdicts) {
            return new Headline(period, monthsObserved, total, localUmkm, localLarge, imported, crossBorder, unknown,
                    orders, units, sellers, Map.copyOf(verdicts));
        }

        /** The same figures over another number of observed months. */
        public Headline withMonthsObserved(int months) {
            return new Headline(period, months, total, localUmkm, localLarge, imported, crossBorder, unknown,
                    orders, units, sellers, disclosure);
        }

        /** Whether an entry (an origin class, {@code TOTAL} or {@code FOREIGN_ORIGIN}) may be shown. */
        public boolean published(String key) {
            Disclosure.Status s = disclosure.get(key);
            return s == null || !s.suppressed();
        }

        /** The withheld entries among the five classes, in class order. */
        public List<String> withheldClasses() {
            return CLASSES.stream().filter(c -> !published(c)).toList();
        }

        /** Total GMV of the withheld classes (derivable from the published figures, so publishable itself). */
        public BigDecimal withheldGmv() {
            return withheldClasses().stream().map(this::gmv).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal gmv(String cls) {
            return switch (cls) {
                case "LOCAL_UMKM" -> localUmkm;
                case "LOCAL_LARGE" -> localLarge;
                case "IMPORTED" -> imported;
                case "CROSS_BORDER" -> crossBorder;
                case "UNKNOWN" -> unknown;
                default -> throw new IllegalArgumentException(cls);
            };
        }

        public BigDecimal foreignOrigin() {
            return imported.add(crossBorder);
        }

        /**
         * The GMV whose origin is undetermined, as far as it may be published: the UNKNOWN class when it is published;
         * when it is withheld, the withheld classes together less the withheld part of a published foreign-origin
         * total (UNKNOWN among them, and derivable from the published figures: total − published classes − (foreign
         * − its published parts), so an upper bound that gives nothing away); null when the total is withheld.
         */
        public BigDecimal undeterminedBound() {
            if (!published(CellStats.TOTAL_KEY)) return null;
            if (published("UNKNOWN")) return unknown;
            BigDecimal b = withheldGmv();
            if (published(CellStats.FOREIGN_KEY)) {
                if (!published("IMPORTED")) b = b.subtract(imported);
                if (!published("CROSS_BORDER")) b = b.subtract(crossBorder);
            }
            return b;
        }

        /**
         * The range of {@code key}'s share (LOCAL_UMKM or FOREIGN_ORIGIN) whatever the undetermined sales turn out to
         * be: from none of them to all of them; null when the entry or the total is withheld.
         */
        public BigDecimal[] shareBounds(String key) {
            BigDecimal b = undeterminedBound();
            if (b == null || !published(key)) return null;
            BigDecimal v = key.equals(CellStats.FOREIGN_KEY) ? foreignOrigin() : gmv(key);
            return new BigDecimal[]{share(v), share(v.add(b))};
        }

        /** Percent of total GMV, 4 decimals, half up; null when there is no GMV. */
        public BigDecimal share(BigDecimal part) {
            return pct(part, total);
        }
    }

    public static BigDecimal pct(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) return null;
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 4, RoundingMode.HALF_UP);
    }

    /**
     * One published table {@code rows × origin classes} with totals, protected by disclosure control.
     * {@code grid} and {@code status} are {@code (rows+1) × (classes+1)}: the last row holds column totals,
     * the last column row totals.
     */
    public record Breakdown(String name, String dimension, List<String> rowKeys, Disclosure.Cell[][] grid,
                            Disclosure.Status[][] status, boolean exactSellerCounts, int year) {
        public int suppressed(Disclosure.Status s) {
            int n = 0;
            for (Disclosure.Status[] row : status) for (Disclosure.Status x : row) if (x == s) n++;
            return n;
        }
    }

    /** GMV and lines per origin class and the reason code that decided it (CellStats.decisiveReason), with the cell's seller statistics and disclosure verdict. */
    public record Evidence(String originClass, String evidence, long lines, BigDecimal gmv, long sellers,
                           BigDecimal topSellerGmv, Disclosure.Status status, BigDecimal topTwoGmv) {
        public Evidence(String originClass, String evidence, long lines, BigDecimal gmv, long sellers,
                        BigDecimal topSellerGmv, Disclosure.Status status) {
            this(originClass, evidence, lines, gmv, sellers, topSellerGmv, status, null);
        }

        public Disclosure.Cell cell() {
            return new Disclosure.Cell(gmv, sellers, topSellerGmv, topTwoGmv);
        }

        public Evidence withStatus(Disclosure.Status s) {
            return new Evidence(originClass, evidence, lines, gmv, sellers, topSellerGmv, s, topTwoGmv);
        }

        public boolean published() {
            return status == null || !status.suppressed();
        }
    }

    /**
     * Permendag 31/2023 flags of the headline year. {@code suppressed}: the flagged figures fail the disclosure
     * rules (too few flagged sellers, or one dominant); {@code crossBorderWithheld}: the headline withholds the
     * cross-border total, so the flagged share of it is not shown either.
     */
    public record Permendag(int year, long flaggedLines, BigDecimal flaggedGmv, long lines, BigDecimal gmv,
                            long crossBorderLines, BigDecimal crossBorderGmv, long flaggedSellers,
                            BigDecimal flaggedTopSellerGmv, boolean suppressed, boolean crossBorderWithheld) {}

    /** One point of a projection series (annual or monthly), national value after coverage scaling. */
    public record Point(String period, String kind, BigDecimal value, BigDecimal lo80, BigDecimal hi80,
                        BigDecimal lo95, BigDecimal hi95) {
        public double x() {
            if (period.length() == 4) return Integer.parseInt(period);
            int y = Integer.parseInt(period.substring(0, 4));
            int m = Integer.parseInt(period.substring(5, 7));
            return y + (m - 0.5) / 12.0;
        }
    }

    /** {@code scope}: what the target measures ({@code ecommerce_gmv}, {@code digital_economy}; null when not configured). */
    public record Target(String name, String label, int year, BigDecimal targetIdr, BigDecimal projectedIdr,
                         BigDecimal lo80, BigDecimal hi80, BigDecimal lo95, BigDecimal hi95, BigDecimal gap,
                         Double probability, Integer crossingYear, String crossingLabel, Double requiredCagrPct,
                         String labelId, String scope) {
        /** The label for a report language: {@code label_id} (summary.json) in the Indonesian report when given. */
        public String label(String lang) {
            return "id".equals(lang) && labelId != null && !labelId.isBlank() ? labelId : label;
        }
    }

    /**
     * A backtest summary row ({@code origin = ALL}): the mean errors of one model at one horizon ({@code 0}: all
     * horizons pooled) over {@code forecasts} scored forecasts, on {@code series} at {@code frequency} ({@code
     * monthly} / {@code annual}; null when the file does not say).
     */
    public record Backtest(String model, int horizon, double mape, double mase, long forecasts, String series, String frequency) {}

    /** The projection: the series shown (name, model), its points, the targets and the stage's summary.json. */
    public record Projection(String series, String model, boolean annual, List<Point> points, List<Target> targets,
                             List<Backtest> backtest, Optional<JsonNode> summary) {
        /**
         * Why nothing is projected (the projection's summary.json {@code status} is {@code not_projected}: a history
         * under 12 months), or null when there is a projection.
         */
        public String notProjectedReason() {
            return summary.filter(s -> "not_projected".equals(s.path("status").asText()))
                    .map(s -> s.path("not_projected_reason").asText("")).orElse(null);
        }

        public boolean projected() {
            return notProjectedReason() == null;
        }
    }

    /**
     * {@code openOrders}: of the quarantined rows, those that are not sales gone wrong (orders not final yet, repeated
     * headers, description rows: the reconciliation's {@code open_orders}); 0 in an out/ written before that column.
     */
    public record Reconciliation(String sourceFile, String mapping, String sha256, long bytes, long rowsRead,
                                 long accepted, long quarantined, long duplicatesCollapsed, long openOrders) {}

    public record QuarantineReason(String sourceFile, String reasonCode, long rows) {}

    /** {@code assumedFrom}: the first month whose rate fx_monthly.csv marks {@code assumed} (not observed), or null. */
    public record FxRange(String currency, String fromMonth, String toMonth, BigDecimal min, BigDecimal max,
                          String source, String assumedFrom) {}

    /** A taxonomy category's names (data/reference/categories.csv {@code label}, {@code label_id}). */
    public record CategoryLabel(String en, String id) {
        /** The name in a report language; the English one when there is no Indonesian name. */
        public String label(String lang) {
            return "id".equals(lang) && id != null && !id.isBlank() ? id : en;
        }
    }

    /** A small table as written by the stage that made it: its columns and values (strings, numbers, null). */
    public record GenericTable(List<String> columns, List<List<Object>> rows, long totalRows) {}
}
