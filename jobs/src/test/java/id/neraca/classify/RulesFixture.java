package id.neraca.classify;

import id.neraca.SparkTestBase;

import java.util.List;

/** The shipped rules and brand table, loaded once for the tests that exercise them. */
final class RulesFixture {
    private RulesFixture() {}

    static final ClassifyRules RULES =
            ClassifyRules.load(SparkTestBase.projectRoot().resolve("data/config/classify-rules.yaml"));
    static final List<BrandOrigins.Brand> BRANDS =
            BrandOrigins.load(SparkTestBase.projectRoot().resolve("data/reference/brand_origins.csv"));
    static final IndonesianPlaces PLACES = IndonesianPlaces.load(SparkTestBase.projectRoot().resolve("data/reference"));
}
