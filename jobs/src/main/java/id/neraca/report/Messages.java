package id.neraca.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The report's words in one language, from {@code report/messages_<lang>.properties} (UTF-8). Placeholders
 * are {@code {0}}, {@code {1}}, ... replaced literally (no MessageFormat quoting rules).
 */
public final class Messages {
    private final String lang;
    private final Map<String, String> text;

    private Messages(String lang, Map<String, String> text) {
        this.lang = lang;
        this.text = text;
    }

    public static Messages load(String lang) {
        String resource = "report/messages_" + lang + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new TreeMap<>();
            for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k));
            return new Messages(lang, m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * These words with a variant's wording: every key {@code k} for which {@code k_<variant>} exists takes that text
     * ({@code q1_answer_listing} for {@code q1_answer} in a report on listing snapshots); null keeps them as they are.
     */
    public Messages variant(String variant) {
        if (variant == null) return this;
        String suffix = "_" + variant;
        Map<String, String> m = new TreeMap<>(text);
        text.forEach((k, v) -> {
            if (k.endsWith(suffix) && text.containsKey(k.substring(0, k.length() - suffix.length()))) {
                m.put(k.substring(0, k.length() - suffix.length()), v);
            }
        });
        return new Messages(lang, m);
    }

    public String lang() {
        return lang;
    }

    /** All messages, for templates ({@code {{t.key}}}). */
    public Map<String, String> all() {
        return text;
    }

    public String get(String key, Object... args) {
        String s = text.get(key);
        if (s == null) throw new IllegalStateException("report/messages_" + lang + ".properties has no key '" + key + "'");
        for (int i = 0; i < args.length; i++) s = s.replace("{" + i + "}", String.valueOf(args[i]));
        return s;
    }
}
