package id.neraca.classify;

import id.neraca.config.Yaml;
import id.neraca.core.NeracaException;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The classification rules ({@code data/config/classify-rules.yaml}): evidence weights, keyword lists,
 * thresholds, the PP 7/2021 tier ceilings and the Permendag 31/2023 test. Bound strictly (an unknown key
 * fails) and every value is required, so the file shows exactly what a run used. Meaning of each key:
 * docs/CLASSIFICATION.md.
 */
public record ClassifyRules(
        Integer version,
        SellerWeights seller,
        GoodsWeights goods,
        TitleCues titleCues,
        BrandMatching brandMatching,
        Decision decision,
        Tiers umkmTiers,
        Permendag31 permendag31,
        Audit audit) implements Serializable {

    /** Weights (0..1) of the evidence about where the seller is. */
    public record SellerWeights(
            Double xbFlag,
            Double sellerForeignId,
            Double sellerCountryForeign,
            Double shipFromAbroad,
            Double xbFlagNo,
            Double sellerCountryId,
            Double sellerIdDomestic,
            Double sellerLocationId,
            Double shipFromId) implements Serializable {}

    /** Weights (0..1) of the evidence about where the goods come from. */
    public record GoodsWeights(
            Double originDeclared,
            Double brandHigh,
            Double brandMedium,
            Double brandLow,
            Double brandInTitleFactor) implements Serializable {}

    /**
     * Keyword phrases matched as whole words in the normalised title, with their weights; {@code notCues}, phrases that
     * hold a cue's words but say nothing of where the goods come from ("kualitas import", "ekspor impor");
     * {@code typoMinLength}, the shortest cue word a title word one letter off still counts as ("improt", "inport" for
     * "import"; 0 turns that off; {@link CueSpelling}); {@code misspellings}, known misspellings of cue words too short for
     * that reading, each read as its cue word ("inpor" as "impor", "lokl" as "lokal"); {@code placeCues}, an Indonesian
     * place named as where the goods are made ({@link PlaceCues}).
     */
    public record TitleCues(
            Map<String, Double> importCues,
            Map<String, Double> localCues,
            List<String> umkmCues,
            List<String> notCues,
            Double minScore,
            Integer typoMinLength,
            Map<String, String> misspellings,
            PlaceCues placeCues) implements Serializable {}

    /**
     * A local cue: an Indonesian regency, city or province of the reference tables (regencies.csv, provinces.csv), or one
     * of {@code extraPlaces} (islands, regions and peoples the tables do not name), named as where the goods are made:
     * right after a {@code claimBefore} word ("khas Bandung", "asli Solo", "buatan Pekalongan"), right before a
     * {@code claimAfter} word ("Garut asli"), or at most {@code maxWordsAfterGoods} words after a {@code goods} word, goods
     * whose name with a place is a local speciality ("dodol Garut", "bakpia pathok Jogja"). A place named otherwise
     * ("Kaos Bandung", "dikirim dari Jakarta") is no cue; {@code notPlaces} are names of the tables that are ordinary
     * words in titles ("batu", a stone; "pati", starch). One cue per title, of {@code weight}.
     */
    public record PlaceCues(
            Double weight,
            List<String> claimBefore,
            List<String> claimAfter,
            List<String> goods,
            Integer maxWordsAfterGoods,
            List<String> extraPlaces,
            List<String> notPlaces) implements Serializable {}

    /**
     * How brands are recognised in the brand column and in titles; {@code titleContext}, names that count in a title only
     * beside one of their context words ("poco" beside "xiaomi", "5g", "nfc"; not in "senam poco poco").
     */
    public record BrandMatching(
            Integer minTitleAliasLength,
            List<String> titleExclude,
            List<String> noBrandValues,
            List<String> madeInIndonesia,
            Map<String, List<String>> titleContext,
            Accessories accessories) implements Serializable {}

    /**
     * A brand named in a title as the device an accessory fits is no evidence of the goods' origin ("Casing HP Xiaomi
     * Redmi Note 12", "Charger untuk Laptop Asus"): a {@code deviceBrands} name at most {@code maxWordsBetween} words after
     * one of {@code accessoryWords}, or right after one of {@code fitWords} ("untuk", "compatible"), with only
     * {@code deviceWords} ("HP", "laptop") between, is set aside (reason ACCESSORY_FOR_BRAND) and the search for the
     * goods' brand goes on. Not when one of {@code makerWords} stands right before or after the name ("Charger Samsung
     * Original": the brand makes the accessory), nor after an accessory word that follows one of {@code bonusWords}
     * ("Free Case iPhone 15": the accessory comes with the device). Brands that make accessories (Anker, Baseus) are not
     * device brands, and a brand before the accessory word ("Samsung Original Charger") is never set aside, except as
     * the device a case is named for: a device brand followed by at most {@code maxModelWords} model words (each one of
     * {@code modelWords} or {@code deviceWords}, or a word with a digit that is no quantity of {@code specUnits} and no
     * second number in a row, "8/256") and then one of {@code caseWords}, with no "+" or "&amp;" between and no maker
     * word anywhere in the title ("Xiaomi Redmi 13C Softcase", "iPhone 15 Pro Max Case"; not "Samsung Galaxy A15 8/256
     * Free Case", "Samsung A05 + Softcase"). After one of {@code caseWords} the {@code qualityWords} beside the brand
     * describe the case ("Casing iPhone Original Silikon"), not the brand's make; after any other accessory word they
     * do ("Charger Samsung Original"). {@code modelAfterNumber} ("plus") is a model word only right after a number
     * ("iPhone 15 Plus Case"; "Samsung A05 Plus Softcase" is a phone with a case). A quality word right after the case
     * word describes the case and keeps no brand ("Samsung A54 Case Original").
     * <p>A vehicle part named after the vehicle it fits: one of {@code vehicleBrands} at most {@code maxWordsBetween}
     * words after one of {@code partWords} and followed right away by a model (one of {@code vehicleModels}, or a word
     * of letters and digits that is no quantity of {@code specUnits}, "r15") is set aside the same way ("Kampas Rem Honda Vario 125",
     * "Filter Udara Toyota Avanza"), unless a maker word stands beside it; the vehicle itself ("Honda Beat 2024") names
     * no part and keeps its brand. The vehicle named first, its part after it: a {@code vehicleBrands} name, its model
     * right after it, then at most {@code maxModelWords} words each a vehicle model, one of {@code vehicleTrimWords}
     * ("fi", "cbs", "reborn") or a word with a digit that is no quantity, no year (a four-digit number from 1900 to
     * 2099) and no number right after a number, and right after them one of {@code partWords} ("Honda Vario 125 Kampas
     * Rem Depan", "Yamaha NMAX Busi Iridium"). Anything else between keeps the brand: a year ("Toyota Avanza 2019 Aki
     * Baru", a used car), a bonus word ("Honda PCX 160 Free Spion"); but a year between the model and the part word does
     * not when nothing but {@code partDetailWords} ("depan", "set") follows the part ("Toyota Avanza 2015 Filter Udara",
     * "Honda Beat 2018 Kampas Rem Depan": the part for that model year). A vehicle maker with no model, right after a
     * part word or right before one ("Busi Honda", "Kampas Rem Yamaha", "Honda Kampas Rem Depan"), is set aside too: the
     * part is a genuine one (made here, as HGP and YGP are) or an aftermarket one, and either way no evidence of the
     * maker's foreign goods.
     */
    public record Accessories(
            List<String> deviceBrands,
            List<String> accessoryWords,
            List<String> fitWords,
            List<String> deviceWords,
            List<String> makerWords,
            List<String> bonusWords,
            Integer maxWordsBetween,
            List<String> caseWords,
            List<String> qualityWords,
            List<String> modelWords,
            List<String> specUnits,
            Integer maxModelWords,
            List<String> modelAfterNumber,
            List<String> partWords,
            List<String> vehicleBrands,
            List<String> vehicleModels,
            List<String> vehicleTrimWords,
            List<String> partDetailWords) implements Serializable {}

    /** How the evidence becomes a class. */
    public record Decision(
            Double minConfidence,
            Double conflictPenalty,
            Double sellerIdInvalidPenalty,
            String localUnknownTier) implements Serializable {}

    /**
     * PP 7/2021 annual-sales ceilings (rupiah, inclusive) and the trailing window; {@code earlierLaw}, when set, the
     * ceilings of the law before it (UU 20/2008 art. 6) for sales in months up to its {@code untilMonth}.
     */
    public record Tiers(
            BigDecimal microMaxIdr,
            BigDecimal smallMaxIdr,
            BigDecimal mediumMaxIdr,
            Integer windowMonths,
            Boolean annualise,
            EarlierLaw earlierLaw) implements Serializable {}

    /**
     * The size classes of the law in force before PP 7/2021 (2 February 2021): UU 20/2008 art. 6, micro ≤ Rp300 juta,
     * small ≤ Rp2,5 miliar, medium ≤ Rp50 miliar of annual sales. A sale's observed tier follows the law in force in
     * its month: this one up to and including {@code untilMonth} (yyyy-MM).
     */
    public record EarlierLaw(
            String name,
            String untilMonth,
            BigDecimal microMaxIdr,
            BigDecimal smallMaxIdr,
            BigDecimal mediumMaxIdr) implements Serializable {}

    /** Permendag 31/2023 minimum price for cross-border direct sales. */
    public record Permendag31(
            String effectiveDate,
            String timezone,
            String firstFullMonth,
            BigDecimal minUnitPriceUsd,
            String currency,
            List<String> exemptCategories) implements Serializable {}

    /** The hand-check sample written to out/classified_audit. */
    public record Audit(Integer perClass, Long seed) implements Serializable {}

    public static final List<String> LOCAL_UNKNOWN_TIER_RULES = List.of("UNKNOWN", "LOCAL_UMKM", "UMKM_CUE");

    /** Loads and validates; every failure is a usage error naming the file and the key. */
    public static ClassifyRules load(Path file) {
        ClassifyRules rules = Yaml.load(file, ClassifyRules.class);
        try {
            rules.validate();
        } catch (IllegalArgumentException e) {
            throw NeracaException.usage("%s%s: %s", file, Yaml.atLine(file, e.getMessage()), e.getMessage());
        }
        return rules;
    }

    public static ClassifyRules parse(String where, String yaml) {
        ClassifyRules rules = Yaml.parse(where, yaml, ClassifyRules.class);
        try {
            rules.validate();
        } catch (IllegalArgumentException e) {
            throw NeracaException.usage("%s: %s", where, e.getMessage());
        }
        return rules;
    }

    /** Throws IllegalArgumentException naming the key when a value is missing or out of range. */
    public void validate() {
        req(version, "version");
        if (version != 1) throw new IllegalArgumentException("version: only version 1 is understood, got " + version);
        req(seller, "seller");
        weight(seller.xbFlag, "seller.xb_flag");
        weight(seller.sellerForeignId, "seller.seller_foreign_id");
        weight(seller.sellerCountryForeign, "seller.seller_country_foreign");
        weight(seller.shipFromAbroad, "seller.ship_from_abroad");
        weight(seller.xbFlagNo, "seller.xb_flag_no");
        weight(seller.sellerCountryId, "seller.seller_country_id");
        weight(seller.sellerIdDomestic, "seller.seller_id_domestic");
        weight(seller.sellerLocationId, "seller.seller_location_id");
        weight(seller.shipFromId, "seller.ship_from_id");
        req(goods, "goods");
        weight(goods.originDeclared, "goods.origin_declared");
        weight(goods.brandHigh, "goods.brand_high");
        weight(goods.brandMedium, "goods.brand_medium");
        weight(goods.brandLow, "goods.brand_low");
        weight(goods.brandInTitleFactor, "goods.brand_in_title_factor");
        req(titleCues, "title_cues");
        cues(titleCues.importCues, "title_cues.import_cues");
        cues(titleCues.localCues, "title_cues.local_cues");
        req(titleCues.umkmCues, "title_cues.umkm_cues");
        for (String c : titleCues.umkmCues) phrase(c, "title_cues.umkm_cues");
        req(titleCues.notCues, "title_cues.not_cues");
        for (String c : titleCues.notCues) {
            phrase(c, "title_cues.not_cues");
            if (titleCues.importCues.containsKey(c) || titleCues.localCues.containsKey(c)) {
                throw new IllegalArgumentException("title_cues.not_cues: '" + c + "' is also an import or local cue; keep it in one list");
            }
        }
        weight(titleCues.minScore, "title_cues.min_score");
        req(titleCues.typoMinLength, "title_cues.typo_min_length");
        if (titleCues.typoMinLength != 0 && (titleCues.typoMinLength < 5 || titleCues.typoMinLength > 20)) {
            throw new IllegalArgumentException("title_cues.typo_min_length must be 0 (off) or 5..20, got " + titleCues.typoMinLength
                    + ": shorter cue words have too many ordinary words one letter away");
        }
        for (String c : titleCues.importCues.keySet()) {
            if (titleCues.localCues.containsKey(c)) {
                throw new IllegalArgumentException("title_cues: '" + c + "' is both an import cue and a local cue; keep it in one list");
            }
        }
        misspellings();
        places();
        req(brandMatching, "brand_matching");
        req(brandMatching.minTitleAliasLength, "brand_matching.min_title_alias_length");
        if (brandMatching.minTitleAliasLength < 1 || brandMatching.minTitleAliasLength > 20) {
            throw new IllegalArgumentException("brand_matching.min_title_alias_length must be 1..20, got " + brandMatching.minTitleAliasLength);
        }
        req(brandMatching.titleExclude, "brand_matching.title_exclude");
        req(brandMatching.noBrandValues, "brand_matching.no_brand_values");
        req(brandMatching.madeInIndonesia, "brand_matching.made_in_indonesia");
        req(brandMatching.titleContext, "brand_matching.title_context");
        java.util.Set<String> excluded = new java.util.HashSet<>();
        for (String e : brandMatching.titleExclude) excluded.add(TextMatcher.normalise(e));
        for (Map.Entry<String, List<String>> e : brandMatching.titleContext.entrySet()) {
            String key = "brand_matching.title_context";
            phrase(e.getKey(), key);
            if (excluded.contains(e.getKey())) {
                throw new IllegalArgumentException(key + ": '" + e.getKey() + "' is also in brand_matching.title_exclude, which keeps it "
                        + "out of titles whatever the context; keep it in one list");
            }
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException(key + "." + e.getKey() + " lists no context words; give at least one, or remove the name");
            }
            for (String w : e.getValue()) phrase(w, key + "." + e.getKey());
        }
        accessories();
        req(decision, "decision");
        weight(decision.minConfidence, "decision.min_confidence");
        weight(decision.conflictPenalty, "decision.conflict_penalty");
        weight(decision.sellerIdInvalidPenalty, "decision.seller_id_invalid_penalty");
        req(decision.localUnknownTier, "decision.local_unknown_tier");
        if (!LOCAL_UNKNOWN_TIER_RULES.contains(decision.localUnknownTier)) {
            throw new IllegalArgumentException("decision.local_unknown_tier must be one of " + LOCAL_UNKNOWN_TIER_RULES
                    + ", got '" + decision.localUnknownTier + "'");
        }
        req(umkmTiers, "umkm_tiers");
        money(umkmTiers.microMaxIdr, "umkm_tiers.micro_max_idr");
        money(umkmTiers.smallMaxIdr, "umkm_tiers.small_max_idr");
        money(umkmTiers.mediumMaxIdr, "umkm_tiers.medium_max_idr");
        if (umkmTiers.microMaxIdr.compareTo(umkmTiers.smallMaxIdr) >= 0
                || umkmTiers.smallMaxIdr.compareTo(umkmTiers.mediumMaxIdr) >= 0) {
            throw new IllegalArgumentException("umkm_tiers: ceilings must rise: micro_max_idr < small_max_idr < medium_max_idr");
        }
        req(umkmTiers.windowMonths, "umkm_tiers.window_months");
        if (umkmTiers.windowMonths < 1 || umkmTiers.windowMonths > 36) {
            throw new IllegalArgumentException("umkm_tiers.window_months must be 1..36, got " + umkmTiers.windowMonths);
        }
        req(umkmTiers.annualise, "umkm_tiers.annualise");
        if (umkmTiers.earlierLaw != null) {
            EarlierLaw e = umkmTiers.earlierLaw;
            req(e.name, "umkm_tiers.earlier_law.name");
            req(e.untilMonth, "umkm_tiers.earlier_law.until_month");
            if (!e.untilMonth.matches("\\d{4}-(0[1-9]|1[0-2])")) {
                throw new IllegalArgumentException("umkm_tiers.earlier_law.until_month must be yyyy-MM (the last month the earlier "
                        + "law's ceilings apply), got '" + e.untilMonth + "'");
            }
            money(e.microMaxIdr, "umkm_tiers.earlier_law.micro_max_idr");
            money(e.smallMaxIdr, "umkm_tiers.earlier_law.small_max_idr");
            money(e.mediumMaxIdr, "umkm_tiers.earlier_law.medium_max_idr");
            if (e.microMaxIdr.compareTo(e.smallMaxIdr) >= 0 || e.smallMaxIdr.compareTo(e.mediumMaxIdr) >= 0) {
                throw new IllegalArgumentException("umkm_tiers.earlier_law: ceilings must rise: micro_max_idr < small_max_idr < medium_max_idr");
            }
        }
        req(permendag31, "permendag31");
        req(permendag31.effectiveDate, "permendag31.effective_date");
        try {
            LocalDate.parse(permendag31.effectiveDate);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("permendag31.effective_date must be yyyy-MM-dd, got '" + permendag31.effectiveDate + "'");
        }
        req(permendag31.timezone, "permendag31.timezone");
        try {
            ZoneId.of(permendag31.timezone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("permendag31.timezone is not a time zone id: '" + permendag31.timezone + "' (use Asia/Jakarta)");
        }
        req(permendag31.firstFullMonth, "permendag31.first_full_month");
        if (!permendag31.firstFullMonth.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            throw new IllegalArgumentException("permendag31.first_full_month must be yyyy-MM, got '" + permendag31.firstFullMonth + "'");
        }
        money(permendag31.minUnitPriceUsd, "permendag31.min_unit_price_usd");
        req(permendag31.currency, "permendag31.currency");
        if (!permendag31.currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("permendag31.currency must be an ISO 4217 code like USD, got '" + permendag31.currency + "'");
        }
        req(permendag31.exemptCategories, "permendag31.exempt_categories");
        req(audit, "audit");
        req(audit.perClass, "audit.per_class");
        if (audit.perClass < 0 || audit.perClass > 10_000) {
            throw new IllegalArgumentException("audit.per_class must be 0..10000, got " + audit.perClass);
        }
        req(audit.seed, "audit.seed");
    }

    /**
     * Each misspelling is one word, no cue word itself, and at most two edits from the cue word it is read as, which must
     * be a word of a cue phrase (a synonym is a cue phrase of its own, not a misspelling).
     */
    private void misspellings() {
        String key = "title_cues.misspellings";
        req(titleCues.misspellings, key);
        java.util.Set<String> cueWords = new java.util.TreeSet<>();
        for (java.util.Collection<String> phrases : List.of(titleCues.importCues.keySet(), titleCues.localCues.keySet(),
                titleCues.notCues, titleCues.umkmCues)) {
            for (String p : phrases) cueWords.addAll(List.of(TextMatcher.normalise(p).split(" ")));
        }
        for (Map.Entry<String, String> e : titleCues.misspellings.entrySet()) {
            String wrong = e.getKey();
            String right = e.getValue();
            phrase(wrong, key);
            if (wrong.contains(" ")) {
                throw new IllegalArgumentException(key + ": '" + wrong + "' is more than one word; a misspelling is read word by word");
            }
            if (right == null || !cueWords.contains(right)) {
                throw new IllegalArgumentException(key + "." + wrong + ": '" + right + "' is no word of a cue phrase (import_cues, "
                        + "local_cues, not_cues, umkm_cues); a misspelling is read as a cue word" + Yaml.didYouMean(String.valueOf(right), cueWords));
            }
            if (cueWords.contains(wrong)) {
                throw new IllegalArgumentException(key + ": '" + wrong + "' is a cue word itself; it cannot be read as '" + right + "'");
            }
            if (Yaml.editDistance(wrong, right) > 2) {
                throw new IllegalArgumentException(key + "." + wrong + ": '" + wrong + "' is " + Yaml.editDistance(wrong, right)
                        + " edits from '" + right + "'; a misspelling is at most 2. For another word of the same meaning add a cue phrase");
            }
        }
    }

    private void places() {
        String key = "title_cues.place_cues";
        PlaceCues p = titleCues.placeCues;
        req(p, key);
        weight(p.weight, key + ".weight");
        words(p.claimBefore, key + ".claim_before", false);
        words(p.claimAfter, key + ".claim_after", true);
        words(p.goods, key + ".goods", true);
        req(p.maxWordsAfterGoods, key + ".max_words_after_goods");
        if (p.maxWordsAfterGoods < 0 || p.maxWordsAfterGoods > 5) {
            throw new IllegalArgumentException(key + ".max_words_after_goods must be 0..5, got " + p.maxWordsAfterGoods);
        }
        words(p.extraPlaces, key + ".extra_places", true);
        words(p.notPlaces, key + ".not_places", true);
        for (String n : p.notPlaces) {
            if (p.extraPlaces.contains(n)) {
                throw new IllegalArgumentException(key + ": '" + n + "' is in both extra_places and not_places; keep it in one list");
            }
        }
    }

    private void accessories() {
        String key = "brand_matching.accessories";
        Accessories a = brandMatching.accessories;
        req(a, key);
        req(a.deviceBrands, key + ".device_brands");
        if (a.deviceBrands.isEmpty()) throw new IllegalArgumentException(key + ".device_brands lists no brand; name at least one");
        words(a.accessoryWords, key + ".accessory_words", false);
        words(a.fitWords, key + ".fit_words", true);
        words(a.deviceWords, key + ".device_words", true);
        words(a.makerWords, key + ".maker_words", true);
        words(a.bonusWords, key + ".bonus_words", true);
        req(a.maxWordsBetween, key + ".max_words_between");
        if (a.maxWordsBetween < 0 || a.maxWordsBetween > 10) {
            throw new IllegalArgumentException(key + ".max_words_between must be 0..10, got " + a.maxWordsBetween);
        }
        words(a.caseWords, key + ".case_words", true);
        for (String w : a.caseWords) {
            if (!a.accessoryWords.contains(w)) {
                throw new IllegalArgumentException(key + ".case_words: '" + w + "' is not in accessory_words; a case word is an accessory word too");
            }
        }
        words(a.qualityWords, key + ".quality_words", true);
        for (String w : a.qualityWords) {
            if (!a.makerWords.contains(w)) {
                throw new IllegalArgumentException(key + ".quality_words: '" + w + "' is not in maker_words; a quality word is a maker word "
                        + "that after a case word describes the case");
            }
        }
        words(a.modelWords, key + ".model_words", true);
        words(a.specUnits, key + ".spec_units", true);
        for (String u : a.specUnits) {
            if (u.contains(" ") || !u.chars().allMatch(Character::isLetter)) {
                throw new IllegalArgumentException(key + ".spec_units: '" + u + "' must be one word of letters (a unit after a number, 256gb)");
            }
        }
        req(a.maxModelWords, key + ".max_model_words");
        if (a.maxModelWords < 0 || a.maxModelWords > 10) {
            throw new IllegalArgumentException(key + ".max_model_words must be 0..10, got " + a.maxModelWords);
        }
        oneWordEach(a.modelAfterNumber, key + ".model_after_number", true);
        words(a.partWords, key + ".part_words", true);
        req(a.vehicleBrands, key + ".vehicle_brands"); // names of the brand table, checked against it when the rules compile
        for (String b : a.vehicleBrands) {
            if (b == null || TextMatcher.normalise(b).isEmpty()) {
                throw new IllegalArgumentException(key + ".vehicle_brands: '" + b + "' has no letters or digits to match");
            }
        }
        if (!a.partWords.isEmpty() && a.vehicleBrands.isEmpty()) {
            throw new IllegalArgumentException(key + ".vehicle_brands lists no brand but part_words lists parts; name the vehicle "
                    + "makers whose names say what a part fits, or empty part_words");
        }
        oneWordEach(a.vehicleModels, key + ".vehicle_models", true);
        if (!a.partWords.isEmpty() && a.vehicleModels.isEmpty()) {
            throw new IllegalArgumentException(key + ".vehicle_models lists no model but part_words lists parts; a part is read as "
                    + "fitting a vehicle only when the maker's name is followed by a model");
        }
        oneWordEach(a.vehicleTrimWords, key + ".vehicle_trim_words", true);
        for (String w : a.vehicleTrimWords) {
            if (a.partWords.contains(w)) {
                throw new IllegalArgumentException(key + ".vehicle_trim_words: '" + w + "' is in part_words too; a trim word names "
                        + "the vehicle, not a part");
            }
        }
        oneWordEach(a.partDetailWords, key + ".part_detail_words", true);
    }

    /** A required list of single words in matching form (each is compared with one word of the title). */
    private static void oneWordEach(List<String> l, String key, boolean mayBeEmpty) {
        words(l, key, mayBeEmpty);
        for (String w : l) {
            if (w.contains(" ")) throw new IllegalArgumentException(key + ": '" + w + "' is more than one word; each entry is one word of the title");
        }
    }

    /** A required list of phrases in matching form; {@code mayBeEmpty} false: at least one. */
    private static void words(List<String> l, String key, boolean mayBeEmpty) {
        req(l, key);
        if (!mayBeEmpty && l.isEmpty()) throw new IllegalArgumentException(key + " lists nothing; give at least one");
        for (String w : l) phrase(w, key);
    }

    private static void req(Object v, String key) {
        if (v == null) throw new IllegalArgumentException(key + " is missing; every rule must be set (see docs/CLASSIFICATION.md)");
    }

    private static void weight(Double v, String key) {
        req(v, key);
        if (!(v >= 0.0 && v <= 1.0)) throw new IllegalArgumentException(key + " must be between 0 and 1, got " + v);
    }

    private static void money(BigDecimal v, String key) {
        req(v, key);
        if (v.signum() <= 0) throw new IllegalArgumentException(key + " must be positive, got " + v);
    }

    private static void cues(Map<String, Double> m, String key) {
        req(m, key);
        for (Map.Entry<String, Double> e : m.entrySet()) {
            phrase(e.getKey(), key);
            weight(e.getValue(), key + "." + e.getKey());
        }
    }

    private static void phrase(String p, String key) {
        if (p == null || TextMatcher.normalise(p).isEmpty()) {
            throw new IllegalArgumentException(key + ": '" + p + "' has no letters or digits to match");
        }
        if (!TextMatcher.normalise(p).equals(p.toLowerCase(Locale.ROOT).trim())) {
            throw new IllegalArgumentException(key + ": write '" + p + "' as '" + TextMatcher.normalise(p)
                    + "' (lower case, words separated by single spaces, no punctuation): titles are matched in that form");
        }
    }
}
