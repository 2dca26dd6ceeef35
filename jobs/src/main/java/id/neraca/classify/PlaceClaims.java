package id.neraca.classify;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a claim, in a title, that the goods are made in an Indonesian place ({@code title_cues.place_cues},
 * {@link ClassifyRules.PlaceCues}): a place of {@link IndonesianPlaces} or of {@code extra_places} right after a claim
 * word ("Keripik Pedas Khas Bandung", "Batik Tulis Asli Solo", "Buatan Pekalongan"), right before a claim word that
 * follows ("Kopi Gayo Aceh Asli", "Dodol Garut Asli"), or a few words after a speciality's name ("Dodol Garut",
 * "Bakpia Pathok Jogja", "Tenun Ikat NTT"). A place named without one is no claim: "Kaos Bandung" says where a T-shirt
 * is sold or printed, "Dikirim dari Jakarta" where it ships from ("dari" is no claim word). A negated claim ("bukan
 * asli Garut", "bukan produk Bandung") is none either. Foreign places are not here: "produk Korea", "made in Japan" are
 * import cues of their own.
 * <p>
 * Titles are matched as the cue lists are (normalised whole words), but on the words as written: the misspelt-cue
 * reading ({@link CueSpelling}) could read a place as a cue word ("Bangka" is one letter off "bangsa").
 */
final class PlaceClaims implements Serializable {
    private final TextMatcher<Boolean> places;
    private final TextMatcher<Boolean> claimBefore;
    private final TextMatcher<Boolean> claimAfter;
    private final TextMatcher<Boolean> goods;
    private final int maxWordsAfterGoods;

    /**
     * A {@code not_places} name the tables lack, or an {@code extra_places} name they have, is allowed: a new edition of
     * the regency table must not stop the classification (PlaceClaimsTest checks the shipped lists against the shipped
     * tables).
     */
    PlaceClaims(ClassifyRules.PlaceCues rules, IndonesianPlaces tables) {
        Map<String, Boolean> names = new HashMap<>();
        for (String n : tables.names()) names.put(n, Boolean.TRUE);
        for (String n : rules.notPlaces()) names.remove(n);
        for (String n : rules.extraPlaces()) names.put(n, Boolean.TRUE);
        this.places = new TextMatcher<>(names);
        this.claimBefore = matcher(rules.claimBefore());
        this.claimAfter = matcher(rules.claimAfter());
        this.goods = matcher(rules.goods());
        this.maxWordsAfterGoods = rules.maxWordsAfterGoods();
    }

    /** Whether the title (normalised words as written) claims the goods are made in an Indonesian place. */
    boolean claimed(String[] w) {
        List<TextMatcher.Match<Boolean>> found = places.matches(w);
        if (found.isEmpty()) return false;
        List<TextMatcher.Match<Boolean>> before = claimBefore.matches(w);
        List<TextMatcher.Match<Boolean>> after = claimAfter.matches(w);
        List<TextMatcher.Match<Boolean>> specialities = goods.matches(w);
        for (TextMatcher.Match<Boolean> p : found) {
            for (TextMatcher.Match<Boolean> c : before) {
                if (c.end() == p.start() && !negated(w, c.start())) return true;
            }
            for (TextMatcher.Match<Boolean> c : after) {
                if (c.start() == p.end() && !negated(w, p.start())) return true;
            }
            for (TextMatcher.Match<Boolean> g : specialities) {
                int between = p.start() - g.end();
                if (between >= 0 && between <= maxWordsAfterGoods && !negated(w, g.start())) return true;
            }
        }
        return false;
    }

    /** A negator right before {@code at}, or before one of the goods' nouns right before it ("bukan produk ..."). */
    private static boolean negated(String[] w, int at) {
        return at >= 1 && OriginEvidence.NEGATORS.contains(w[at - 1])
                || at >= 2 && OriginEvidence.NEGATED_NOUNS.contains(w[at - 1]) && OriginEvidence.NEGATORS.contains(w[at - 2]);
    }

    private static TextMatcher<Boolean> matcher(List<String> phrases) {
        Map<String, Boolean> m = new HashMap<>();
        for (String p : phrases) m.put(p, Boolean.TRUE);
        return new TextMatcher<>(m);
    }
}
