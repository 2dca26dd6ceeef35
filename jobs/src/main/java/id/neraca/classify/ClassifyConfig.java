package id.neraca.classify;

import id.neraca.config.NeracaConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code classify:} section of the run configuration ({@code data/config/neraca.yaml}). It only names
 * files: the rules themselves (evidence weights, keyword lists, thresholds) live in the rules file so an
 * economist can edit them and rerun {@code neraca classify} alone.
 *
 * @param rulesFile    the classification rules, relative to the config file's folder
 *                     (default {@code classify-rules.yaml}); see docs/CLASSIFICATION.md
 * @param brandOrigins the brand-origin table, relative to the config file's folder
 *                     (default {@code <run.reference_dir>/brand_origins.csv})
 * @param fxMonthly    monthly FX rates for the Permendag 31/2023 price test, relative to the config file's
 *                     folder (default {@code <run.reference_dir>/fx_monthly.csv}); read when the stage runs
 */
public record ClassifyConfig(String rulesFile, String brandOrigins, String fxMonthly) {
    public static final String DEFAULT_RULES = "classify-rules.yaml";

    public ClassifyConfig {
        if (rulesFile == null) rulesFile = DEFAULT_RULES;
    }

    public static ClassifyConfig defaults() {
        return new ClassifyConfig(null, null, null);
    }

    public Path rulesPath(NeracaConfig.Loaded where) {
        return where.resolve(rulesFile);
    }

    public Path brandOriginsPath(NeracaConfig.Loaded where) {
        return brandOrigins == null ? where.referenceDir().resolve("brand_origins.csv") : where.resolve(brandOrigins);
    }

    public Path fxMonthlyPath(NeracaConfig.Loaded where) {
        return fxMonthly == null ? where.referenceDir().resolve("fx_monthly.csv") : where.resolve(fxMonthly);
    }

    /**
     * Loads and checks the rules file, the brand table and the place names of the regency and province tables, and checks
     * that the FX table exists, so a typo fails before Spark starts (docs/CONFIGURATION.md), not after a whole ingest. The
     * FX table's rows are another engineer's output and are checked when the stage runs.
     */
    public void validate(NeracaConfig.Loaded where) {
        Path rules = rulesPath(where);
        if (!Files.isRegularFile(rules)) {
            throw new IllegalArgumentException("classify.rules_file: " + rules
                    + " does not exist. Point classify.rules_file at the rules (default data/config/classify-rules.yaml).");
        }
        ClassifyRules loadedRules = ClassifyRules.load(rules);
        Path brands = brandOriginsPath(where);
        if (!Files.isRegularFile(brands)) {
            throw new IllegalArgumentException("classify.brand_origins: " + brands
                    + " does not exist. Point classify.brand_origins at the brand table (default data/reference/brand_origins.csv).");
        }
        Path fx = fxMonthlyPath(where);
        if (!Files.isRegularFile(fx)) {
            throw new IllegalArgumentException("classify.fx_monthly: " + fx + " does not exist; the Permendag 31/2023 price "
                    + "test needs monthly rates (month,currency,idr_per_unit,source). Point classify.fx_monthly at the FX table "
                    + "(default data/reference/fx_monthly.csv).");
        }
        for (String table : List.of(IndonesianPlaces.REGENCIES, IndonesianPlaces.PROVINCES)) {
            if (!Files.isRegularFile(where.referenceDir().resolve(table))) {
                throw new IllegalArgumentException("run.reference_dir " + where.referenceDir() + " has no " + table + ", a reference "
                        + "table classify reads: its place names are the title's place cues (title_cues.place_cues; "
                        + "docs/CLASSIFICATION.md). Point run.reference_dir at the folder that holds it (default data/reference).");
            }
        }
        // compiles the matchers once: checks the rules' brand and place lists against the tables; a name the tables lack
        // is the rules file's error, at its line (it was blamed on the run configuration, without a line)
        List<BrandOrigins.Brand> table = BrandOrigins.load(brands);
        try {
            new OriginEvidence(loadedRules, table, IndonesianPlaces.load(where.referenceDir()));
        } catch (IllegalArgumentException e) {
            throw id.neraca.core.NeracaException.usage("%s%s: %s (%s)", rules, id.neraca.config.Yaml.atLine(rules, e.getMessage()),
                    e.getMessage(), brands);
        }
        // the positive list names sales categories (categories.csv): a word that is none ("toys" for toys_hobbies, the
        // brand table's word) exempted nothing, without a word
        Path categories = where.referenceDir().resolve("categories.csv");
        if (Files.isRegularFile(categories)) {
            java.util.Set<String> known = new java.util.TreeSet<>();
            for (var row : id.neraca.core.ReferenceCsv.read(categories, List.of("category"), "")) known.add(row.get("category"));
            for (String c : loadedRules.permendag31().exemptCategories()) {
                if (!known.contains(c)) {
                    throw id.neraca.core.NeracaException.usage("%s%s: permendag31.exempt_categories: '%s' is not a category of %s; "
                                    + "the sales' categories are %s", rules, id.neraca.config.Yaml.atLine(rules, "permendag31.exempt_categories"),
                            c, categories, known);
                }
            }
        }
    }
}
