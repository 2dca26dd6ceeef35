package id.neraca.classify;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled whole-word phrase matcher. Phrases and text are normalised the same way (lower case, accents
 * stripped, every run of characters other than letters and digits becomes one space), then every word
 * n-gram of the text (n up to the longest phrase) is looked up in a hash map. Cost per title is
 * about one hash lookup per word (more only where a word starts some phrase), whatever the number of phrases: no per-row scan of hundreds of regexes.
 *
 * @param <V> what a phrase maps to
 */
public final class TextMatcher<V extends Serializable> implements Serializable {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final HashMap<String, V> phrases;
    /** First word of a phrase → the most words a phrase starting with it has: most positions are skipped at once. */
    private final HashMap<String, Integer> firstWords;

    public TextMatcher(Map<String, V> phrases) {
        this.phrases = new HashMap<>();
        this.firstWords = new HashMap<>();
        for (Map.Entry<String, V> e : phrases.entrySet()) {
            String key = normalise(e.getKey());
            if (key.isEmpty()) continue;
            this.phrases.put(key, e.getValue());
            String[] w = key.split(" ");
            firstWords.merge(w[0], w.length, Math::max);
        }
    }

    /** Lower case, accents stripped, non-alphanumerics collapsed to single spaces, trimmed. Null gives "". */
    public static String normalise(String s) {
        if (s == null) return "";
        String t = s;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) { // decomposing accents is costly: only for non-ASCII text
                t = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
                break;
            }
        }
        StringBuilder b = new StringBuilder(t.length());
        boolean space = true;
        for (int i = 0; i < t.length(); i++) {
            char c = Character.toLowerCase(t.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        int n = b.length();
        if (n > 0 && b.charAt(n - 1) == ' ') b.setLength(n - 1);
        return b.toString();
    }

    /** The normalised words of a text, to match several matchers against one title without normalising it again. */
    public static String[] words(String text) {
        String n = normalise(text);
        return n.isEmpty() ? new String[0] : n.split(" ");
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
        return first(words(text));
    }

    /** As {@link #first(String)} on already normalised words. */
    public V first(String[] w) {
        return first(w, p -> true);
    }

    /**
     * As {@link #first(String[])}, passing over a phrase that {@code accept} refuses (given the normalised phrase): the
     * search goes on with shorter phrases at the same word, then further on.
     */
    public V first(String[] w, java.util.function.Predicate<String> accept) {
        Match<V> m = firstAt(w, (p, i) -> accept.test(p));
        return m == null ? null : m.value();
    }

    /** A phrase found in a text: its value, the index of its first word and its number of words. */
    public record Match<V>(V value, int start, int words) {
        /** The index of the first word after the phrase. */
        public int end() {
            return start + words;
        }
    }

    /**
     * As {@link #first(String[], java.util.function.Predicate)}, with the position of the phrase: {@code accept} is given
     * the normalised phrase and the index of its first word. Null when none is accepted.
     */
    public Match<V> firstAt(String[] w, java.util.function.BiPredicate<String, Integer> accept) {
        for (int i = 0; i < w.length; i++) {
            Integer longest = firstWords.get(w[i]);
            if (longest == null) continue;
            for (int n = Math.min(longest, w.length - i); n >= 1; n--) {
                String p = join(w, i, n);
                V v = phrases.get(p);
                if (v != null && accept.test(p, i)) return new Match<>(v, i, n);
            }
        }
        return null;
    }

    /** Every phrase found as whole words, leftmost then longest, not overlapping, with its position; in order. */
    public List<Match<V>> matches(String[] w) {
        List<Match<V>> out = null; // most titles hold none: no list for them
        int i = 0;
        while (i < w.length) {
            int step = 1;
            Integer longest = firstWords.get(w[i]);
            for (int n = longest == null ? 0 : Math.min(longest, w.length - i); n >= 1; n--) {
                V v = phrases.get(join(w, i, n));
                if (v != null) {
                    if (out == null) out = new ArrayList<>(2);
                    out.add(new Match<>(v, i, n));
                    step = n;
                    break;
                }
            }
            i += step;
        }
        return out == null ? Collections.emptyList() : out;
    }

    /** The distinct phrases found as whole words (longest match at each position, no overlaps), in order. */
    public List<String> all(String text) {
        return all(words(text));
    }

    /** As {@link #all(String)} on already normalised words. */
    public List<String> all(String[] w) {
        return all(w, Collections.emptySet());
    }

    /**
     * As {@link #all(String[])}, leaving out a phrase whose first word follows one of {@code negators} ("bukan impor",
     * "non import": a negated cue is not a cue). The negated phrase is still stepped over, so none of its words match.
     */
    public List<String> all(String[] w, Set<String> negators) {
        return all(w, negators, Collections.emptySet());
    }

    /**
     * As {@link #all(String[], Set)}, and a negator may stand one of {@code nouns} before the phrase: "bukan produk impor",
     * "bukan barang import" (the noun names the goods, the negator negates them). Only those nouns are stepped over:
     * "tidak luntur batik tulis" (does not fade) negates nothing.
     */
    public List<String> all(String[] w, Set<String> negators, Set<String> nouns) {
        if (w.length == 0) return Collections.emptyList();
        Set<String> found = new LinkedHashSet<>();
        int i = 0;
        while (i < w.length) {
            int step = 1;
            Integer longest = firstWords.get(w[i]);
            for (int n = longest == null ? 0 : Math.min(longest, w.length - i); n >= 1; n--) {
                String p = join(w, i, n);
                if (phrases.containsKey(p)) {
                    boolean negated = i >= 1 && negators.contains(w[i - 1])
                            || i >= 2 && nouns.contains(w[i - 1]) && negators.contains(w[i - 2]);
                    if (!negated) found.add(p);
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

    private static String join(String[] w, int from, int n) {
        if (n == 1) return w[from];
        StringBuilder b = new StringBuilder(w[from]);
        for (int k = 1; k < n; k++) b.append(' ').append(w[from + k]);
        return b.toString();
    }
}
