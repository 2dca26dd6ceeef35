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
 * own accessory). Only {@code device_brands} are ever set aside: an accessory maker's name after an accessory word is
 * its maker ("Kabel Data Ugreen", "Charger Anker 20W"), and a brand before the accessory word is never set aside
 * ("Samsung Original Charger 25W", "Apple Watch Series 9 ... Aluminium Case").
 */
final class AccessoryMentions implements Serializable {
    private final HashSet<String> deviceBrands;
    private final TextMatcher<Boolean> accessoryWords;
    private final TextMatcher<Boolean> fitWords;
    private final TextMatcher<Boolean> deviceWords;
    private final TextMatcher<Boolean> makerWords;
    private final TextMatcher<Boolean> bonusWords;
    private final int maxWordsBetween;

    /** @param deviceBrands the brand table's names of the configured device brands (aliases resolved by the caller) */
    AccessoryMentions(ClassifyRules.Accessories rules, java.util.Collection<String> deviceBrands) {
        this.deviceBrands = new HashSet<>(deviceBrands);
        this.accessoryWords = matcher(rules.accessoryWords());
        this.fitWords = matcher(rules.fitWords());
        this.deviceWords = matcher(rules.deviceWords());
        this.makerWords = matcher(rules.makerWords());
        this.bonusWords = matcher(rules.bonusWords());
        this.maxWordsBetween = rules.maxWordsBetween();
    }

    /**
     * Whether {@code brand} (the table's name), found at words {@code [start, end)} of the title's normalised words,
     * is named as the device an accessory fits.
     */
    boolean fitsDevice(String brand, String[] w, int start, int end) {
        if (!deviceBrands.contains(brand)) return false;
        for (TextMatcher.Match<Boolean> m : makerWords.matches(w)) {
            if (m.end() == start || m.start() == end) return false;
        }
        List<TextMatcher.Match<Boolean>> bonus = bonusWords.matches(w);
        for (TextMatcher.Match<Boolean> a : accessoryWords.matches(w)) {
            int between = start - a.end();
            if (between < 0 || between > maxWordsBetween) continue;
            boolean free = false;
            for (TextMatcher.Match<Boolean> b : bonus) free |= b.end() == a.start();
            if (!free) return true;
        }
        for (TextMatcher.Match<Boolean> f : fitWords.matches(w)) {
            int between = start - f.end();
            if (between < 0 || between > maxWordsBetween) continue;
            if (between == 0 || onlyDeviceWords(w, f.end(), start)) return true;
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
