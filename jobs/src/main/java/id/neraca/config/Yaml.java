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
import java.util.List;
import java.util.Map;
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
        return parse(file.toString(), read(file), type);
    }

    /** The text of a configuration or mapping file; a missing or unreadable file is a usage error naming it. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw NeracaException.usage("%s: file not found. Pass an existing file (docs/CONFIGURATION.md).", file);
        } catch (IOException e) {
            throw NeracaException.usage("%s: cannot read: %s", file, e.getMessage());
        }
    }

    /**
     * Where each key of a YAML text is written and the scalar value under it, by the key's path as messages name it
     * ({@code columns.order_ts.formats}; a list item {@code files.[0]}), block and flow style alike: for the checks made
     * after binding, which know a path but not a line. Empty for text that does not parse (the binding reports that).
     */
    public static Locations locate(String text) {
        Map<String, Integer> lines = new java.util.HashMap<>();
        Map<String, String> scalars = new java.util.HashMap<>();
        try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(text)) {
            for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(pathOf(p.getParsingContext()), p.currentTokenLocation().getLineNr());
                } else if (t.isScalarValue()) {
                    scalars.putIfAbsent(pathOf(p.getParsingContext()), p.getText());
                }
            }
        } catch (IOException | RuntimeException e) {
            // a syntax error: what was read so far; the binding names the error itself
        }
        return new Locations(lines, scalars);
    }

    /** A check's message starts with the key it is about ({@code project.targets[1].year ...}, {@code decision.min_score ...}). */
    private static final java.util.regex.Pattern KEY_PATH = java.util.regex.Pattern.compile("^[a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*|\\[\\d+])*");

    /**
     * The line in {@code file} of the key a validation message begins with: the key's own line, else its nearest written
     * ancestor's; 0 when none is written or the file cannot be read. The binding's messages give the file, the line and
     * the key (docs/CONFIGURATION.md); the checks made after binding know the key alone.
     */
    public static int lineOfMessage(Path file, String message) {
        java.util.regex.Matcher m = KEY_PATH.matcher(message == null ? "" : message);
        if (!m.find() || m.group().isEmpty()) return 0;
        try {
            return locate(java.nio.file.Files.readString(file)).line(m.group().replace("[", ".["));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {@code " (line N)"} for {@link #lineOfMessage}, or empty. */
    public static String atLine(Path file, String message) {
        int line = lineOfMessage(file, message);
        return line > 0 ? " (line " + line + ")" : "";
    }

    /** Key lines and scalar values of a YAML text by path ({@link #locate}). */
    public record Locations(Map<String, Integer> lines, Map<String, String> scalars) {
        public static final Locations NONE = new Locations(Map.of(), Map.of());

        /** The line of the key at {@code path}, else of its nearest ancestor written in the text (a missing key's parent); 0 if none. */
        public int line(String path) {
            for (String q = path; !q.isEmpty(); q = q.contains(".") ? q.substring(0, q.lastIndexOf('.')) : "") {
                Integer l = lines.get(q);
                if (l != null) return l;
            }
            return 0;
        }

        /** The scalar written at {@code path} ({@code files: blibli/*.csv}), or null. */
        public String scalar(String path) {
            return scalars.get(path);
        }
    }

    private static String pathOf(com.fasterxml.jackson.core.JsonStreamContext ctx) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (com.fasterxml.jackson.core.JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            else if (c.getCurrentName() != null) parts.addFirst(c.getCurrentName());
        }
        return String.join(".", parts);
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
            List<String> known = e.getKnownPropertyIds() == null ? List.of()
                    : e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            // the key's own line, found by its path; the parser's location is past it, and a search for the first
            // "format:" in the file found the top-level one for a column's format: on line 10
            Integer own = locate(text).lines().get(path(e));
            throw NeracaException.usage("%s (line %d): unknown key '%s' at '%s'.%s Allowed keys here: %s.",
                    where, own != null ? own : keyLine(text, e.getPropertyName(), line(e)), e.getPropertyName(), path(e),
                    didYouMean(e.getPropertyName(), known), known.isEmpty() ? "?" : String.join(", ", known));
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
                    if (isList(m.getTargetType())) {
                        // the field's own value as the example: files: blibli/*.csv -> ["blibli/*.csv"]
                        String value = locate(text).scalar(path(e));
                        if (value != null) expected = "a list, like [" + flowScalar(value) + "] (or one '- item' per line)";
                    }
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
        if (isList(type)) return "a list, like [a, b] (or one '- item' per line)";
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == java.math.BigDecimal.class) return "a number, like 0.05 (a share is written as a fraction, not 5%)";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number, like 4000";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == java.time.LocalDate.class) return "a date, like 2015-01-01";
        if (type == String.class) return "a text value";
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) return "a YAML mapping (key: value lines)";
        return null;
    }

    private static boolean isList(Class<?> type) {
        return java.util.Collection.class.isAssignableFrom(type) || type.isArray();
    }

    /** A scalar as a flow-list item: quoted when YAML would read it otherwise ({@code blibli/*.csv} → {@code "blibli/*.csv"}). */
    static String flowScalar(String v) {
        boolean plain = v.matches("[A-Za-z0-9_.][A-Za-z0-9_./ -]*") && !v.endsWith(" ");
        return plain ? v : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The line where {@code key:} is written (the parser's location points past it): in block style ({@code key:},
     * {@code - key:}) or inside a flow mapping ({@code {source: "Tanggal", format: [...]}}), the match nearest to the
     * parser's line and not after it (the first match in the file was a top-level {@code format:} for a column's); the
     * parser's line when none is found.
     */
    static int keyLine(String text, String key, int fallback) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(
                "(^\\s*(- )?|[{,]\\s*)[\"']?" + java.util.regex.Pattern.quote(key) + "[\"']?\\s*:", java.util.regex.Pattern.MULTILINE);
        java.util.regex.Matcher m = p.matcher(text);
        int best = 0;
        int first = 0;
        while (m.find()) {
            int line = (int) text.substring(0, m.end()).chars().filter(c -> c == '\n').count() + 1;
            if (first == 0) first = line;
            if (fallback <= 0 || line <= fallback) best = line;
        }
        return best > 0 ? best : first > 0 ? first : fallback;
    }

    /**
     * " Did you mean 'formats'?": the allowed keys closest to an unknown one by edit distance, when close (at most a
     * third of its length, at least 1, at most 3 edits: {@code format} → {@code formats}, {@code shuffle_partitons} →
     * {@code shuffle_partitions}); empty otherwise.
     */
    public static String didYouMean(String key, java.util.Collection<String> known) {
        int limit = Math.max(1, Math.min(3, key.length() / 3));
        int best = Integer.MAX_VALUE;
        List<String> near = new java.util.ArrayList<>();
        for (String k : new java.util.TreeSet<>(known)) {
            int d = editDistance(key.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d > limit || d > best) continue;
            if (d < best) near.clear();
            best = d;
            near.add(k);
        }
        if (near.isEmpty() || near.size() > 2) return "";
        return " Did you mean " + near.stream().map(k -> "'" + k + "'").collect(Collectors.joining(" or ")) + "?";
    }

    /** Levenshtein distance, an adjacent transposition counting as one edit ({@code fromat} → {@code format}). */
    public static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
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
