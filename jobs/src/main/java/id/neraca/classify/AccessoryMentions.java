package id.neraca.classify;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Tells a brand named in a title as the device an accessory fits from the accessory's own brand
 * ({@code brand_matching.accessories}, {@link ClassifyRules.Accessories}). "Casing HP Xiaomi Redmi Note 12", "Softcase
 * iPhone 13", "Tempered Glass Samsung A54", "Charger untuk Laptop Asus", "Kabel data compatible Samsung": the case,
 * glass or cable is almost always unbranded, often local or generic, and the brand says which device it fits, not
 * where the goods come from. A device brand is such a mention when it stands
 * <ul>
 *   <li>at most {@code max_words_between} words after an accessory word ("Casing HP Xiaomi", "Tempered Glass Full
 *   Cover Samsung"), unless that accessory word follows a bonus word ("Free Case iPhone 15 128GB": a phone with a free
 *   case), or</li>
 *   <li>right after a fit word ("untuk", "for", "compatible"), with nothing but device words between ("Charger untuk
 *   Laptop Asus", "Cocok untuk HP Infinix"; not "Laptop untuk Mahasiswa Lenovo", a laptop for students),</li>
 * </ul>
 * and no maker word stands right before or after it ("Charger Samsung Original", "Kabel Data Ori Xiaomi": the brand's
 * own accessory), except that after a case word ({@code case_words}) a quality word ({@code quality_words}: "original",
 * "ori") describes the case: "Casing iPhone Original Silikon". It stands also
 * <ul>
 *   <li>as the device a case is named for, before the case word: the brand, at most {@code max_model_words} model words
 *   and a case word right after them ("Xiaomi Redmi 13C Softcase", "iPhone 15 Pro Max Case Magsafe"), with no "+" or
 *   "&amp;" between and no maker word anywhere in the title. A model word is one of {@code model_words} or
 *   {@code device_words}, or a word with a digit that is no quantity ("256gb", "45mm": {@code spec_units}) and no second
 *   number in a row ("8/256"): "Samsung Galaxy A15 8/256 Free Case", "Xiaomi Redmi Note 13 Bonus Softcase", "Samsung
 *   Galaxy S24 Ultra Silicone Case" are the phone or the brand's own case.</li>
 * </ul>
 * And, for vehicle parts ({@code part_words}, {@code vehicle_brands}, {@code vehicle_models}), a vehicle maker's name at
 * most {@code max_words_between} words after a part word and followed right away by a model ("Kampas Rem Honda Vario 125",
 * "Busi Yamaha NMAX", "Filter Udara Toyota Avanza 2015"): the name says which vehicle the part fits, not who made it.
 * Not with a maker word beside it ("Kampas Rem Honda Original"), and not the vehicle itself ("Honda Beat 2024": no part
 * word). The vehicle may be named first, a part word right after its model and trim ("Honda Vario 125 Kampas Rem Depan",
 * "Honda Beat FI Roller": {@code vehicle_trim_words}); a year or anything else before the part word keeps the maker
 * ("Toyota Avanza 2019 Aki Baru", a used car), unless it is a year and nothing but detail words ("depan", "set") follows the
 * part ("Toyota Avanza 2015 Filter Udara"). A maker with no model beside a part word ("Busi Honda", "Kampas Rem Yamaha",
 * "Honda Kampas Rem Depan") is set aside as well: a genuine part (made here) or an aftermarket one, not the maker's
 * foreign goods. A genuine part's own mark is a brand of the table ("HGP", "Yamaha Genuine Parts") and is found past the
 * set-aside name; so is a parts maker's ("Busi Honda Vario NGK").
 * Only {@code device_brands} and {@code vehicle_brands} are ever set aside: an accessory maker's name after an accessory word is its maker ("Kabel
 * Data Ugreen", "Charger Anker 20W"), and a brand before any other accessory word is never set aside ("Samsung Original
 * Charger 25W", "Apple Watch Series 9 ... Aluminium Case").
 */
final class AccessoryMentions implements Serializable {
    private final HashSet<String> deviceBrands;
    private final TextMatcher<Boolean> accessoryWords;
    private final TextMatcher<Boolean> fitWords;
    private final TextMatcher<Boolean> deviceWords;
    private final TextMatcher<Boolean> makerWords;
    private final TextMatcher<Boolean> bonusWords;
    private final int maxWordsBetween;
    private final TextMatcher<Boolean> caseWords;
    private final HashSet<String> qualityWords;
    private final HashSet<String> modelWords;
    private final HashSet<String> specUnits;
    private final int maxModelWords;
    private final HashSet<String> modelAfterNumber;
    private final HashSet<String> vehicleBrands;
    private final TextMatcher<Boolean> partWords;
    private final HashSet<String> vehicleModels;
    private final HashSet<String> vehicleTrimWords;
    private final HashSet<String> partDetailWords;

    /**
     * @param deviceBrands  the brand table's names of the configured device brands (aliases resolved by the caller)
     * @param vehicleBrands the brand table's names of the configured vehicle makers, likewise
     */
    AccessoryMentions(ClassifyRules.Accessories rules, java.util.Collection<String> deviceBrands,
                      java.util.Collection<String> vehicleBrands) {
        this.deviceBrands = new HashSet<>(deviceBrands);
        this.vehicleBrands = new HashSet<>(vehicleBrands);
        this.partWords = matcher(rules.partWords());
        this.vehicleModels = new HashSet<>(rules.vehicleModels());
        this.vehicleTrimWords = new HashSet<>(rules.vehicleTrimWords());
        this.partDetailWords = new HashSet<>(rules.partDetailWords());
        this.modelAfterNumber = new HashSet<>(rules.modelAfterNumber());
        this.accessoryWords = matcher(rules.accessoryWords());
        this.fitWords = matcher(rules.fitWords());
        this.deviceWords = matcher(rules.deviceWords());
        this.makerWords = matcher(rules.makerWords());
        this.bonusWords = matcher(rules.bonusWords());
        this.maxWordsBetween = rules.maxWordsBetween();
        this.caseWords = matcher(rules.caseWords());
        this.qualityWords = new HashSet<>(rules.qualityWords());
        this.modelWords = new HashSet<>(rules.modelWords());
        for (String d : rules.deviceWords()) if (!d.contains(" ")) modelWords.add(d);
        this.specUnits = new HashSet<>(rules.specUnits());
        this.maxModelWords = rules.maxModelWords();
    }

    /**
     * Whether {@code brand} (the table's name), found at words {@code [start, end)} of the title's normalised words
     * {@code w}, is named as the device an accessory fits. {@code raw} is the title as written, for its "+" and "&amp;".
     */
    boolean fitsDevice(String brand, String[] w, int start, int end, String raw) {
        boolean device = deviceBrands.contains(brand);
        boolean vehicle = vehicleBrands.contains(brand);
        if (!device && !vehicle) return false;
        List<TextMatcher.Match<Boolean>> makers = makerWords.matches(w);
        // a maker word beside the brand: the brand made it, unless every such word is a quality word and a case word reaches it
        boolean qualityOnly = true, besideMaker = false;
        for (TextMatcher.Match<Boolean> m : makers) {
            if (m.end() == start || m.start() == end) {
                besideMaker = true;
                qualityOnly &= m.words() == 1 && qualityWords.contains(w[m.start()]);
            }
        }
        if (besideMaker && !qualityOnly) return false;
        List<TextMatcher.Match<Boolean>> bonus = bonusWords.matches(w);
        // a vehicle part: the maker named after the part word, its model right after it ("Kampas Rem Honda Vario 125")
        if (vehicle && !besideMaker && fitsVehicle(w, start, end, bonus)) return true;
        // the vehicle named first, a part word right after its model ("Honda Vario 125 Kampas Rem Depan")
        if (vehicle && !besideMaker && vehicleNamedFirst(w, end)) return true;
        if (!device) return false;
        List<TextMatcher.Match<Boolean>> cases = caseWords.matches(w);
        for (TextMatcher.Match<Boolean> a : accessoryWords.matches(w)) {
            int between = start - a.end();
            if (between < 0 || between > maxWordsBetween) continue;
            boolean free = false;
            for (TextMatcher.Match<Boolean> b : bonus) free |= b.end() == a.start();
            if (free) continue;
            if (!besideMaker || isCaseWord(cases, a)) return true;
        }
        if (besideMaker) return false;
        for (TextMatcher.Match<Boolean> f : fitWords.matches(w)) {
            int between = start - f.end();
            if (between < 0 || between > maxWordsBetween) continue;
            if (between == 0 || onlyDeviceWords(w, f.end(), start)) return true;
        }
        // the device named first, a case word after its model: no maker word anywhere (but a quality word right after the
        // case word, "Case Original", which describes the case), no "+" or "&" between
        for (TextMatcher.Match<Boolean> c : cases) {
            if (c.start() < end) continue;
            if (c.start() - end > maxModelWords) break;
            for (TextMatcher.Match<Boolean> m : makers) {
                boolean caseQuality = m.start() == c.end() && m.words() == 1 && qualityWords.contains(w[m.start()]);
                if (!caseQuality) return false;
            }
            return onlyModelWords(w, end, c.start()) && !joinedBetween(raw, end, c.start());
        }
        return false;
    }

    /**
     * Whether the vehicle maker at words {@code [start, end)} stands at most {@code max_words_between} words after a part
     * word (not one after a bonus word): "Kampas Rem Honda Vario 125", "Filter Oli Honda Vario 2018". With a model after
     * it the maker is the vehicle the part fits; with none ("Busi Honda", "Kampas Rem Yamaha", "Busi Honda 2 Pcs") the
     * part is a genuine one, made here by the maker's Indonesian subsidiary (HGP, YGP), or an aftermarket one for the
     * maker's vehicles: either way no evidence of the maker's foreign goods, so the name is set aside too (until 2 Dec
     * 2026 such a title was {@code BRAND_FOREIGN:JP}). A maker word beside the name keeps it (checked by the caller).
     */
    private boolean fitsVehicle(String[] w, int start, int end, List<TextMatcher.Match<Boolean>> bonus) {
        for (TextMatcher.Match<Boolean> p : partWords.matches(w)) {
            int between = start - p.end();
            if (between < 0 || between > maxWordsBetween) continue;
            boolean free = false;
            for (TextMatcher.Match<Boolean> b : bonus) free |= b.end() == p.start();
            if (!free) return true;
        }
        return false;
    }

    /**
     * Whether a vehicle model follows the maker ending at word {@code end} right away and a part word follows the model:
     * after the model at most {@code max_model_words} words, each a vehicle model, one of {@code vehicle_trim_words} or a
     * word with a digit that is no quantity, no year and no number right after a number, then one of {@code part_words}
     * ("Honda Vario 125 Kampas Rem", "Toyota Innova Reborn Filter Oli", "Honda Beat FI Roller"). A year ends the model:
     * "Toyota Avanza 2019 Aki Baru" and "Yamaha Aerox 155 2021 Knalpot Racing" are used vehicles, their parts named as
     * what they come with; so does anything else, a bonus word among them ("Honda PCX 160 Free Spion"). But a year
     * (or two, "2012 2015") does not when nothing but {@code part_detail_words} follows the part word to the end of the
     * title: "Toyota Avanza 2015 Filter Udara", "Honda Beat 2018 Kampas Rem Depan" name the part for that model year.
     * A part word right after the maker, no model between ("Honda Kampas Rem Depan"), sets it aside too: as "Busi
     * Honda", a genuine or an aftermarket part, neither the maker's foreign goods ({@link #fitsVehicle}).
     */
    private boolean vehicleNamedFirst(String[] w, int end) {
        if (end >= w.length) return false;
        List<TextMatcher.Match<Boolean>> parts = partWords.matches(w);
        if (!isVehicleModel(w[end])) {
            for (TextMatcher.Match<Boolean> p : parts) if (p.start() == end) return true;
            return false;
        }
        for (TextMatcher.Match<Boolean> p : parts) {
            if (p.start() <= end) continue;
            if (p.start() - end - 1 > maxModelWords) break;
            boolean model = true, year = false;
            for (int i = end + 1; i < p.start() && model; i++) {
                String x = w[i];
                if (vehicleModels.contains(x) || vehicleTrimWords.contains(x)) continue;
                if (isYear(x)) {
                    year = true;
                    continue;
                }
                model = x.chars().anyMatch(Character::isDigit) && !isQuantity(x)
                        && !(isNumber(x) && isNumber(w[i - 1]));
            }
            if (model && year) {
                // the part for that model year only if nothing but detail words follows it: else a used vehicle ("Aki Baru")
                for (int i = p.end(); i < w.length && model; i++) model = partDetailWords.contains(w[i]);
            }
            return model;
        }
        return false;
    }

    /** A vehicle model: one of {@code vehicle_models}, or a word of letters and digits that is no quantity ("r15", "cb150r"). */
    private boolean isVehicleModel(String x) {
        boolean lettersAndDigits = x.chars().anyMatch(Character::isDigit) && x.chars().anyMatch(Character::isLetter);
        return vehicleModels.contains(x) || lettersAndDigits && !isQuantity(x);
    }

    /** A four-digit number from 1900 to 2099: a model year, the vehicle's, not a model. */
    private static boolean isYear(String x) {
        return x.length() == 4 && isNumber(x) && (x.startsWith("19") || x.startsWith("20"));
    }

    /** Whether {@code x} is a number glued to a unit of {@code spec_units} ("256gb", "45mm"). */
    private boolean isQuantity(String x) {
        int d = 0;
        while (d < x.length() && Character.isDigit(x.charAt(d))) d++;
        return d > 0 && specUnits.contains(x.substring(d));
    }

    private static boolean isNumber(String x) {
        return !x.isEmpty() && x.chars().allMatch(Character::isDigit);
    }

    /** Whether the accessory word {@code a} is a case word (the same words at the same place). */
    private static boolean isCaseWord(List<TextMatcher.Match<Boolean>> cases, TextMatcher.Match<Boolean> a) {
        for (TextMatcher.Match<Boolean> c : cases) if (c.start() == a.start() && c.words() == a.words()) return true;
        return false;
    }

    /**
     * Whether the words {@code [from, to)} name a model: each a model or device word, or a word with a digit that is
     * no quantity ("256gb") and no number right after a number ("8 256", from "8/256").
     */
    private boolean onlyModelWords(String[] w, int from, int to) {
        for (int i = from; i < to; i++) {
            String x = w[i];
            if (modelWords.contains(x)) continue;
            // "plus" after a number is the model's ("iPhone 15 Plus"); after anything else it means "with"
            if (modelAfterNumber.contains(x) && i > from && isNumber(w[i - 1])) continue;
            if (x.chars().noneMatch(Character::isDigit)) return false;
            if (isQuantity(x)) return false;
            if (isNumber(x) && i > from && isNumber(w[i - 1])) return false;
        }
        return true;
    }

    /**
     * Whether a "+" or "&amp;" stands in {@code raw} between its normalised words {@code from - 1} and {@code to}:
     * "Samsung A05 + Softcase" is a phone with a case. Words are counted as {@link TextMatcher#normalise} makes them.
     */
    static boolean joinedBetween(String raw, int from, int to) {
        if (raw == null || raw.indexOf('+') < 0 && raw.indexOf('&') < 0) return false;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+' || c == '&') {
                // `words` words have begun: the sign stands after word words - 1 and before word words
                if (words >= from && words <= to) return true;
            }
            boolean wordChar = !TextMatcher.normalise(String.valueOf(c)).isEmpty();
            if (wordChar && !inWord) words++;
            inWord = wordChar;
        }
        return false;
    }

    /** Whether the words {@code [from, to)} are device words, every one ("HP", "laptop", "semua tipe"). */
    private boolean onlyDeviceWords(String[] w, int from, int to) {
        int covered = 0;
        for (TextMatcher.Match<Boolean> m : deviceWords.matches(java.util.Arrays.copyOfRange(w, from, to))) covered += m.words();
        return covered == to - from;
    }

    private static TextMatcher<Boolean> matcher(List<String> phrases) {
        Map<String, Boolean> m = new HashMap<>();
        for (String p : phrases) m.put(p, Boolean.TRUE);
        return new TextMatcher<>(m);
    }
}
