package id.neraca.classify;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled whole-word phrase matcher. Phrases and text are normalised the same way (lower case, accents
 * stripped, every run of characters other than letters and digits becomes one space), then every word
 * n-gram of the text (n up to the longest phrase) is looked up in a hash map. Cost per title is
 * O(words × longest phrase), whatever the number of phrases: no per-row scan of hundreds of regexes.
 *
 * @param <V> what a phrase maps to
 */
public final class TextMatcher<V extends Serializable> implements Serializable {
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final HashMap<String, V> phrases;
    private final int maxWords;

    public TextMatcher(Map<String, V> phrases) {
        this.phrases = new HashMap<>();
        int max = 0;
        for (Map.Entry<String, V> e : phrases.entrySet()) {
            String key = normalise(e.getKey());
            if (key.isEmpty()) continue;
            this.phrases.put(key, e.getValue());
            max = Math.max(max, key.split(" ").length);
        }
        this.maxWords = max;
    }

    /** Lower case, accents stripped, non-alphanumerics collapsed to single spaces, trimmed. Null gives "". */
    public static String normalise(String s) {
        if (s == null) return "";
        String t = Normalizer.normalize(s, Normalizer.Form.NFKD);
        t = MARKS.matcher(t).replaceAll("").toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(t).replaceAll(" ").trim();
    }

    public int size() {
        return phrases.size();
    }

    /** The value of the whole normalised text, or null. */
    public V exact(String text) {
        String n = normalise(text);
        return n.isEmpty() ? null : phrases.get(n);
    }

    /** The leftmost, then longest, phrase found as whole words in the text, or null. */
    public V first(String text) {
        String[] w = words(text);
        for (int i = 0; i < w.length; i++) {
            for (int n = Math.min(maxWords, w.length - i); n >= 1; n--) {
                V v = phrases.get(join(w, i, n));
                if (v != null) return v;
            }
        }
        return null;
    }

    /** The distinct phrases found as whole words (longest match at each position, no overlaps), in order. */
    public List<String> all(String text) {
        String[] w = words(text);
        if (w.length == 0) return Collections.emptyList();
        Set<String> found = new LinkedHashSet<>();
        int i = 0;
        while (i < w.length) {
            int step = 1;
            for (int n = Math.min(maxWords, w.length - i); n >= 1; n--) {
                String p = join(w, i, n);
                if (phrases.containsKey(p)) {
                    found.add(p);
                    step = n;
                    break;
                }
            }
            i += step;
        }
        return new ArrayList<>(found);
    }

    public V get(String normalisedPhrase) {
        return phrases.get(normalisedPhrase);
    }

    private static String[] words(String text) {
        String n = normalise(text);
        return n.isEmpty() ? new String[0] : n.split(" ");
    }

    private static String join(String[] w, int from, int n) {
        if (n == 1) return w[from];
        StringBuilder b = new StringBuilder(w[from]);
        for (int k = 1; k < n; k++) b.append(' ').append(w[from + k]);
        return b.toString();
    }
}
