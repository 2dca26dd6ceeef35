package id.neraca.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.neraca.core.NeracaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Strict YAML binding for every configuration and mapping file: snake_case keys, an unknown key fails
 * with the file, the key path, and the keys allowed there. Used before Spark starts.
 */
public final class Yaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            // a key given twice is an error naming it, not a confusing "no fallback setter" (or the last one silently)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // simulations: 4000.7 is a mistake, not 4000
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .findAndRegisterModules();

    private Yaml() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads {@code file} into {@code type}; every failure is a usage error (exit 2) naming the file. */
    public static <T> T load(Path file, Class<T> type) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw NeracaException.usage("%s: file not found. Pass an existing file (docs/CONFIGURATION.md).", file);
        } catch (IOException e) {
            throw NeracaException.usage("%s: cannot read: %s", file, e.getMessage());
        }
        return parse(file.toString(), text, type);
    }

    public static <T> T parse(String where, String text, Class<T> type) {
        if (text.isBlank()) {
            throw NeracaException.usage("%s: the file is empty; it must hold a YAML mapping for %s.", where, type.getSimpleName());
        }
        try {
            T value = MAPPER.readValue(text, type);
            if (value == null) {
                throw NeracaException.usage("%s: the file holds no YAML mapping.", where);
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String allowed = e.getKnownPropertyIds() == null ? "?" :
                    e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw NeracaException.usage("%s (line %d): unknown key '%s' at '%s'. Allowed keys here: %s.",
                    where, keyLine(text, e.getPropertyName(), line(e)), e.getPropertyName(), path(e), allowed);
        } catch (JsonMappingException e) {
            // a syntax error met while binding a value (a tab indenting a nested key) is a syntax error, at its own line
            if (e.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof JsonMappingException)) {
                throw NeracaException.usage("%s (line %d): not valid YAML: %s", where, syntaxLine(syntax), syntax.getOriginalMessage());
            }
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String why = root instanceof NeracaException ? root.getMessage() : e.getOriginalMessage();
            if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null
                    && !(root instanceof NeracaException)) {
                String expected = expected(m.getTargetType());
                if (e.getPath().isEmpty()) {
                    throw NeracaException.usage("%s (line %d): the file must hold a YAML mapping of sections (%s), not %s.",
                            where, line(e), type == NeracaConfig.class ? "run:, ingest:, classify:, ..." : "key: value lines",
                            "plain text or a single value");
                }
                if (expected != null) {
                    String got = m instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f && f.getValue() != null
                            ? " (got '" + f.getValue() + "')" : "";
                    throw NeracaException.usage("%s (line %d): invalid value at '%s': expected %s%s.", where, line(e), path(e),
                            expected, got);
                }
            }
            throw NeracaException.usage("%s (line %d): invalid value at '%s': %s", where, line(e), path(e), why);
        } catch (JsonProcessingException e) {
            throw NeracaException.usage("%s (line %d): not valid YAML: %s", where, syntaxLine(e), e.getOriginalMessage());
        }
    }

    /**
     * What a value of {@code type} is written as, in plain words: Jackson's own message ("Cannot construct instance of
     * java.util.ArrayList", "Cannot deserialize value of type java.lang.Double") names Java types and no fix.
     */
    static String expected(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "a list, like [en, id] (or one '- item' per line)";
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == java.math.BigDecimal.class) return "a number, like 0.05 (a share is written as a fraction, not 5%)";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number, like 4000";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == java.time.LocalDate.class) return "a date, like 2015-01-01";
        if (type == String.class) return "a text value";
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) return "a YAML mapping (key: value lines)";
        return null;
    }

    /** The line where {@code key:} is written (the parser's location points past it). */
    private static int keyLine(String text, String key, int fallback) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(
                "^\\s*(- )?\"?" + java.util.regex.Pattern.quote(key) + "\"?\\s*:", java.util.regex.Pattern.MULTILINE);
        java.util.regex.Matcher m = p.matcher(text);
        if (!m.find()) return fallback;
        return (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
    }

    /**
     * The line of a YAML syntax error: the YAML scanner's own ("in 'reader', line 2, column 1" in its message) when it
     * gives one, since Jackson's location is where the token it was reading began (a tab on line 2 was reported at line 1).
     */
    static int syntaxLine(JsonProcessingException e) {
        java.util.regex.Matcher m = SCANNER_LINE.matcher(String.valueOf(e.getOriginalMessage()));
        int last = -1;
        while (m.find()) last = Integer.parseInt(m.group(1));
        return last > 0 ? last : line(e);
    }

    private static final java.util.regex.Pattern SCANNER_LINE = java.util.regex.Pattern.compile("line (\\d+), column \\d+");

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
