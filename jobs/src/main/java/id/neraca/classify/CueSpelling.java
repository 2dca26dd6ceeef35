package id.neraca.classify;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads a title word one letter off a cue word as that cue word, so that the misspellings sellers type still count:
 * "improt", "inport", "imporr", "imprt" are "import", "orginal korea" is "original korea", "kwalitas improt" the not-cue
 * "kwalitas import", "home industri" the cue "home industry". One letter off is one edit: a letter added, dropped or
 * replaced, or two neighbouring letters swapped (optimal string alignment distance 1).
 * <p>
 * Only cue words of at least {@code title_cues.typo_min_length} letters (6 as shipped: "import", "original", "buatan")
 * are reached this way: shorter ones have ordinary words one letter away ("china" → "chino", the trousers; "brand" →
 * "band"). A title word that is itself a cue word, or holds a digit, is left as it is; a word one letter off several
 * cue words becomes the first of them in alphabetical order. Brands are never matched this way: the corrected words
 * serve the cue lists only.
 * <p>
 * Shorter cue words are reached only from the misspellings listed for them ({@code title_cues.misspellings}: "inpor" as
 * "impor", "lokl" as "lokal"), looked up before the edit distance: one letter off the five-letter cue words, the
 * Indonesian and English dictionaries hold 133 ordinary words ("band" from "brand", "chino" from "china", "korean" from
 * "korea"; docs/CLASSIFICATION.md), a list holds none.
 * <p>
 * Cost: a title word passes two table lookups first: one edit from a cue word of 5 letters or more, it shares the cue
 * word's first two letters (the edit is further on) or its last two (the edit is near the start), and most words share
 * neither with any cue word. A word that does is looked up with its one-letter deletions in one hash map built from the
 * cue words and their deletions (symmetric deletion), and only the few candidates found are measured; the answer is
 * remembered for the first {@value #MEMO_MAX} words seen (per copy of the rules). No scan of the vocabulary per word.
 * Measured on the evaluation titles (TitleEvidenceEvaluationTest's, one thread, a shared machine under load 11-14): the
 * whole evidence function took 3.6-4.1 µs per sale with the reading off and 9.7-10.6 with it before the filter and the
 * memory; with them the two are within that machine's noise of each other (2.6-9.0 against 3.6-6.7 µs).
 */
final class CueSpelling implements Serializable {
    private final int minLength;
    /** Known misspellings → their cue word (title_cues.misspellings), whatever their length. */
    private final HashMap<String, String> listed = new HashMap<>();
    private final HashSet<String> cueWords = new HashSet<>();
    /** A cue word of at least minLength letters, and each of its one-letter deletions → those cue words. */
    private final HashMap<String, List<String>> byDeletion = new HashMap<>();
    /** First two letters and last two letters of the cue words reached from misspellings, as {@code c0 * 128 + c1}. */
    private final boolean[] prefixes = new boolean[128 * 128];
    private final boolean[] suffixes = new boolean[128 * 128];
    private int longest;
    static final int MEMO_MAX = 50_000;
    private static final String NO_CUE_WORD = "";
    /** Words already read → their cue word, or {@link #NO_CUE_WORD}; per copy of the rules (each task deserialises its own). */
    private transient java.util.concurrent.ConcurrentHashMap<String, String> memo;

    /**
     * @param phrases   every cue phrase (normalised: lower case, single spaces)
     * @param minLength the shortest cue word reached from a misspelling; 0 turns the reading off
     * @param listed    known misspellings → the cue word each is read as (read whatever {@code minLength} is)
     */
    CueSpelling(Collection<String> phrases, int minLength, java.util.Map<String, String> listed) {
        this.minLength = minLength;
        this.listed.putAll(listed);
        for (String p : phrases) {
            for (String w : TextMatcher.normalise(p).split(" ")) {
                if (w.isEmpty()) continue;
                cueWords.add(w);
                if (minLength <= 0 || w.length() < minLength || hasDigit(w)) continue;
                prefixes[pair(w.charAt(0), w.charAt(1))] = true;
                suffixes[pair(w.charAt(w.length() - 2), w.charAt(w.length() - 1))] = true;
                longest = Math.max(longest, w.length());
                index(w, w);
                for (int i = 0; i < w.length(); i++) index(w.substring(0, i) + w.substring(i + 1), w);
            }
        }
    }

    /** The words with each misspelt cue word replaced by the cue word; the same array when none is. */
    String[] correct(String[] words) {
        if ((minLength <= 0 || byDeletion.isEmpty()) && listed.isEmpty()) return words;
        String[] out = words;
        for (int i = 0; i < words.length; i++) {
            String fixed = cueWordFor(words[i]);
            if (fixed == null) continue;
            if (out == words) out = words.clone();
            out[i] = fixed;
        }
        return out;
    }

    /** The cue word one letter off {@code w}, or null (also when {@code w} is a cue word itself). */
    String cueWordFor(String w) {
        String known0 = listed.get(w);
        if (known0 != null) return known0;
        if (byDeletion.isEmpty()) return null;
        int n = w.length();
        if (n < 2) return null;
        if (minLength <= 0 || n < minLength - 1 || n > longest + 1) return null;
        // one edit from a cue word of 5+ letters: the same first two letters (edit at the third or later) or last two
        if (!prefixes[pair(w.charAt(0), w.charAt(1))] && !suffixes[pair(w.charAt(n - 2), w.charAt(n - 1))]) return null;
        java.util.concurrent.ConcurrentHashMap<String, String> m = memo;
        if (m == null) {
            m = new java.util.concurrent.ConcurrentHashMap<>();
            memo = m;
        }
        String known = m.get(w);
        if (known == null) {
            known = read(w);
            if (m.size() < MEMO_MAX) m.put(w, known);
        }
        return known.isEmpty() ? null : known;
    }

    private String read(String w) {
        if (cueWords.contains(w) || hasDigit(w)) return NO_CUE_WORD;
        TreeSet<String> found = null;
        found = collect(w, w, found);
        for (int i = 0; i < w.length(); i++) found = collect(w.substring(0, i) + w.substring(i + 1), w, found);
        return found == null ? NO_CUE_WORD : found.first();
    }

    private TreeSet<String> collect(String key, String w, TreeSet<String> found) {
        List<String> cs = byDeletion.get(key);
        if (cs == null) return found;
        for (String c : cs) {
            if (distance(w, c) != 1) continue;
            if (found == null) found = new TreeSet<>();
            found.add(c);
        }
        return found;
    }

    private static int pair(char a, char b) {
        return (a & 127) * 128 + (b & 127);
    }

    private void index(String key, String word) {
        List<String> l = byDeletion.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!l.contains(word)) l.add(word);
    }

    private static boolean hasDigit(String w) {
        for (int i = 0; i < w.length(); i++) if (Character.isDigit(w.charAt(i))) return true;
        return false;
    }

    /**
     * Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbouring letters (the
     * configuration's own "did you mean" distance, {@link id.neraca.config.Yaml#editDistance}).
     */
    static int distance(String a, String b) {
        return id.neraca.config.Yaml.editDistance(a, b);
    }
}
