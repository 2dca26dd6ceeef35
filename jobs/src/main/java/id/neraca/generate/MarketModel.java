package id.neraca.generate;

import id.neraca.config.Yaml;
import id.neraca.core.NeracaException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The parameters of the synthetic market ({@code generator/market-model.yaml}, documented in
 * docs/MARKET-MODEL.md), bound strictly: an unknown or missing key fails with the file and key.
 */
public record MarketModel(
        String startMonth,
        String endMonth,
        Population population,
        Orders orders,
        Time time,
        Map<String, Double> marketplaceWeight,
        Shopee shopee,
        Permendag31 permendag31,
        Evidence evidence,
        Dirt dirt,
        Map<String, Map<String, Double>> fxFallback,
        TierLaw tierLaw,
        List<Province> provinces,
        List<Category> categories,
        Map<String, String> countryNamesId) {

    public static final String RESOURCE = "/generator/market-model.yaml";

    public record Population(int rowsPerSeller, int minSellers, double foreignSellerShare,
                             double foreignOnLocalShapes, double foreignRowWeight, double secondaryCategoryShare,
                             List<Tier> tiers, Map<String, Map<String, Double>> idTypes, double invalidIdShare,
                             double nikRegisteredElsewhere, double declaredTierShare, double declaredTierUnderstated,
                             Map<String, Double> officialStoreShare, double kotaWeight,
                             Map<String, Double> marketplacePresence, Map<String, Double> foreignCountries,
                             double cnyShareForCn) {}

    public record Tier(String tier, double sellerShare, double rowWeight, double targetMinMiliar,
                       double targetMaxMiliar) {}

    public record Orders(Map<Integer, Double> linesPerOrder, Map<Integer, Double> baseQuantity,
                         Map<String, Double> status, double discountShare, double discountMax, double centsShare,
                         List<Double> hourWeights) {}

    public record Time(double annualGrowth, List<Integer> paydayDays, double paydayMultiplier,
                       List<Ramadan> ramadan, double ramadanMultiplier, double preLebaranMultiplier,
                       double postLebaranMultiplier, Map<String, Double> twinDates) {}

    public record Ramadan(int year, String start, String lebaran) {}

    /**
     * The size-class ceilings (annual sales, Rp miliar: micro, small, medium) the ground truth's tiers follow: PP 7/2021's,
     * and before it, up to {@code earlierUntil} (yyyy-MM, inclusive), UU 20/2008's.
     */
    public record TierLaw(List<Double> ceilingsMiliar, String earlierUntil, List<Double> earlierCeilingsMiliar) {}

    public record Shopee(String commaFrom, int overlapDays, double rpPrefixShare) {}

    public record Permendag31(String effective, double minUsd, double compliance, List<String> exemptCategories) {}

    public record Evidence(Map<String, Double> declaredOrigin, double brandFilled, Map<String, Double> shipFromFilled,
                           double foreignFlagged, double noEvidence, double cueImported, double cueLocal) {}

    public record Dirt(double badPrice, double badDate, double negativeQuantity, double blankOptional,
                       double maxFileShare) {}

    public record Province(String code, String name, String tz, double population, double sellerConcentration) {}

    public record Category(String code, double popularity, double xbPopularity, double importShare, String shopee,
                           String tiktokshop, String tokopedia, String crossborder) {
        String label(String marketplace) {
            return switch (marketplace) {
                case "shopee" -> shopee;
                case "tiktokshop" -> tiktokshop;
                case "tokopedia" -> tokopedia;
                default -> crossborder;
            };
        }
    }

    /** The bundled model, or {@code file} when given. */
    public static MarketModel load(Path file) {
        MarketModel m;
        if (file != null) {
            m = Yaml.load(file, MarketModel.class);
        } else {
            try (InputStream in = MarketModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw NeracaException.other("%s missing from the jar; rebuild it", RESOURCE);
                m = Yaml.parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8), MarketModel.class);
            } catch (IOException e) {
                throw NeracaException.other("cannot read %s: %s", RESOURCE, e.getMessage());
            }
        }
        m.validate(file == null ? RESOURCE : file.toString());
        return m;
    }

    /** Checks the values the code relies on; failures name the key. */
    void validate(String where) {
        require(where, "start_month", startMonth != null && endMonth != null
                && !YearMonth.parse(startMonth).isAfter(YearMonth.parse(endMonth)), "start_month must not be after end_month");
        require(where, "population", population != null && orders != null && time != null && shopee != null
                && evidence != null && dirt != null && permendag31 != null, "every section must be present");
        require(where, "population.tiers", population.tiers() != null && population.tiers().size() == 4,
                "exactly the four PP 7/2021 tiers MICRO, SMALL, MEDIUM, LARGE in that order");
        String[] names = {"MICRO", "SMALL", "MEDIUM", "LARGE"};
        for (int i = 0; i < 4; i++) {
            Tier t = population.tiers().get(i);
            require(where, "population.tiers[" + i + "]", names[i].equals(t.tier()), "must be " + names[i]);
            require(where, "population.id_types." + names[i], population.idTypes().containsKey(names[i]), "missing");
        }
        require(where, "population.rows_per_seller", population.rowsPerSeller() > 0, "must be positive");
        require(where, "provinces", provinces != null && provinces.size() == 38, "must list the 38 provinces");
        require(where, "categories", categories != null && !categories.isEmpty() && categories.size() < 127,
                "must list 1..126 categories");
        require(where, "orders.hour_weights", orders.hourWeights() != null && orders.hourWeights().size() == 24,
                "must hold 24 weights");
        require(where, "dirt.max_file_share", dirt.maxFileShare() >= 0 && dirt.maxFileShare() < 0.05,
                "must be in [0, 0.05): ingest fails a file above 5% quarantined rows");
        for (String mp : List.of("shopee", "tiktokshop", "tokopedia")) {
            require(where, "marketplace_weight." + mp, marketplaceWeight.containsKey(mp), "missing");
            require(where, "population.marketplace_presence." + mp, population.marketplacePresence().containsKey(mp), "missing");
        }
        for (String c : List.of("USD", "CNY")) {
            require(where, "fx_fallback." + c, fxFallback != null && fxFallback.containsKey(c), "missing");
        }
        require(where, "tier_law", tierLaw != null, "missing");
        require(where, "tier_law.ceilings_miliar", ascending(tierLaw.ceilingsMiliar()), "three ascending positive ceilings (micro, small, medium)");
        require(where, "tier_law.earlier_ceilings_miliar", ascending(tierLaw.earlierCeilingsMiliar()),
                "three ascending positive ceilings (micro, small, medium)");
        try {
            YearMonth.parse(String.valueOf(tierLaw.earlierUntil()));
        } catch (java.time.format.DateTimeParseException e) {
            require(where, "tier_law.earlier_until", false, "must be yyyy-MM, got '" + tierLaw.earlierUntil() + "'");
        }
        for (Ramadan r : time.ramadan()) {
            require(where, "time.ramadan[" + r.year() + "]", r.start() != null && r.lebaran() != null
                    && r.start().startsWith(r.year() + "-")
                    && java.time.LocalDate.parse(r.start()).isBefore(java.time.LocalDate.parse(r.lebaran())),
                    "start must fall in its year and before lebaran");
        }
    }

    private static boolean ascending(List<Double> c) {
        return c != null && c.size() == 3 && c.get(0) > 0 && c.get(0) < c.get(1) && c.get(1) < c.get(2);
    }

    /** Fails, naming the key, when a year of the range has no Ramadan dates (its sales would have no Ramadan season). */
    void requireSeasonsFor(String where, YearMonth start, YearMonth end) {
        for (int y = start.getYear(); y <= end.getYear(); y++) {
            int year = y;
            require(where, "time.ramadan", time.ramadan().stream().anyMatch(r -> r.year() == year),
                    "no Ramadan and Lebaran dates for " + y + ", inside the range " + start + ".." + end
                            + "; add them or narrow --start/--end");
        }
    }

    private static void require(String where, String key, boolean ok, String why) {
        if (!ok) throw NeracaException.usage("%s: invalid value at '%s': %s", where, key, why);
    }
}
