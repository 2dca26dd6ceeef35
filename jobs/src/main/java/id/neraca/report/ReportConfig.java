package id.neraca.report;

import id.neraca.config.NeracaConfig;

import java.util.List;

/**
 * The `report:` section of the run configuration (documented in docs/REPORT.md). Every field has a default;
 * {@link #validate} throws IllegalArgumentException naming the key when a value is out of range.
 *
 * @param languages       report languages, in order; the first is written as {@code index.html}
 *                        (allowed: {@code id}, {@code en}; default both, Bahasa Indonesia first)
 * @param minSellers      disclosure control: a published cell needs at least this many distinct sellers (default 3)
 * @param dominanceShare  disclosure control: a cell is suppressed when one seller holds more than this share
 *                        of its GMV (0..1, default 0.85)
 * @param protectionShare disclosure control: a withheld cell that fails the rules may not be bounded by the published
 *                        figures to within this share of its GMV either side (interval disclosure; 0 switches the
 *                        audit off; [0, 1), default 0.10)
 * @param maxCategories   category table: the largest categories by GMV shown as rows, the rest pooled
 *                        into "other" (default 15)
 * @param provincesFile   province names, relative to {@code run.reference_dir} (default {@code provinces.csv})
 * @param pPercent        disclosure control: the p% rule (default 10; 0: off): a cell is suppressed when its sellers
 *                        after the two largest hold less than this percentage of the largest one's GMV, so that the
 *                        second largest, subtracting its own, would know the largest's to within that
 */
public record ReportConfig(
        List<String> languages,
        Integer minSellers,
        Double dominanceShare,
        Double protectionShare,
        Integer maxCategories,
        String provincesFile,
        Double pPercent) {

    public static final List<String> SUPPORTED_LANGUAGES = List.of("id", "en");

    public ReportConfig {
        if (languages == null) languages = List.of("id", "en");
        languages = List.copyOf(languages);
        if (minSellers == null) minSellers = 3;
        if (dominanceShare == null) dominanceShare = 0.85;
        if (protectionShare == null) protectionShare = 0.10;
        if (maxCategories == null) maxCategories = 15;
        if (provincesFile == null) provincesFile = "provinces.csv";
        if (pPercent == null) pPercent = 10.0;
    }

    public static ReportConfig defaults() {
        return new ReportConfig(null, null, null, null, null, null, null);
    }

    public void validate(NeracaConfig.Loaded where) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("report.languages must name at least one language of " + SUPPORTED_LANGUAGES);
        }
        for (String l : languages) {
            if (!SUPPORTED_LANGUAGES.contains(l)) {
                throw new IllegalArgumentException("report.languages: '" + l + "' is not supported; allowed: " + SUPPORTED_LANGUAGES);
            }
        }
        if (languages.stream().distinct().count() != languages.size()) {
            throw new IllegalArgumentException("report.languages lists a language twice: " + languages);
        }
        if (minSellers < 1) {
            throw new IllegalArgumentException("report.min_sellers must be at least 1, got " + minSellers);
        }
        if (!(dominanceShare > 0 && dominanceShare <= 1)) {
            throw new IllegalArgumentException("report.dominance_share must be in (0, 1], got " + dominanceShare);
        }
        if (!(pPercent >= 0 && pPercent < 100)) {
            throw new IllegalArgumentException("report.p_percent must be in [0, 100) (0 switches the p% rule off), got " + pPercent);
        }
        if (!(protectionShare >= 0 && protectionShare < 1)) {
            throw new IllegalArgumentException("report.protection_share must be in [0, 1), got " + protectionShare
                    + " (0 switches the interval audit off)");
        }
        if (maxCategories < 1) {
            throw new IllegalArgumentException("report.max_categories must be at least 1, got " + maxCategories);
        }
        if (where != null) validateReferences(where.referenceDir());
    }

    /**
     * The reference files the report reads, checked before Spark starts: the province names exist, and the claims it
     * sets against the data ({@link Claims}, optional) parse (a malformed row is exit 3 naming its line, not a failure
     * at the end of a long run).
     */
    void validateReferences(java.nio.file.Path referenceDir) {
        if (!java.nio.file.Files.isRegularFile(referenceDir.resolve(provincesFile))) {
            throw new IllegalArgumentException("report.provinces_file: " + referenceDir.resolve(provincesFile)
                    + " does not exist (it resolves against run.reference_dir). Fix the name or leave the key out (default provinces.csv).");
        }
        Claims.load(referenceDir.resolve(Claims.FILE));
    }

    /** The same settings with other languages (the CLI's {@code --lang}). */
    public ReportConfig withLanguages(List<String> langs) {
        return new ReportConfig(langs, minSellers, dominanceShare, protectionShare, maxCategories, provincesFile, pPercent);
    }

    /** The disclosure rules these settings give. */
    public Disclosure.Rules rules() {
        return new Disclosure.Rules(minSellers, dominanceShare, protectionShare, pPercent);
    }
}
