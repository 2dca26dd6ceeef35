package id.neraca.ingest;

/**
 * Keeps personal data out of quarantine raw_row: ID-like digit runs become {@code #}s, and the mapping's seller ID and
 * name columns are replaced by {@code ***} before the row is rendered. An ID-like run is 13 to 16 digits in a row (NIK,
 * NPWP, NIB and other ID-like numbers, and unavoidably epoch-millisecond times), or 15 digits or more written in groups
 * joined by single dots, hyphens, dashes, slashes or spaces ({@code 01.566.040.0-695.000}, {@code 3504 1513 1191 1508}:
 * an NPWP or a NIK as people write them). Only the digits are replaced, so the form stays readable
 * ({@code ##.###.###.#-###.###}). Dates, times and rupiah amounts have fewer digits per run ({@code 05/08/2024 10.00.00}
 * is 14; a colon ends a run); an 18-digit order number written in one piece stays visible.
 */
public final class Masking {
    private Masking() {}

    public static final String MASK = "***";

    public static String digitRuns(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (ascii(s.charAt(i))) {
                int j = i;
                int count = 0;
                boolean grouped = false;
                while (true) {
                    while (j < n && ascii(s.charAt(j))) {
                        j++;
                        count++;
                    }
                    // one separator followed by another digit continues the run
                    if (j + 1 < n && separator(s.charAt(j)) && ascii(s.charAt(j + 1))) {
                        grouped = true;
                        j++;
                    } else {
                        break;
                    }
                }
                if (grouped ? count >= 15 : count >= 13 && count <= 16) {
                    if (b == null) b = new StringBuilder(s);
                    for (int k = i; k < j; k++) if (ascii(s.charAt(k))) b.setCharAt(k, '#');
                }
                i = j;
            } else {
                i++;
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean ascii(char c) {
        return c >= '0' && c <= '9';
    }

    /** What joins the digit groups of an ID as people write it: . - / space, a no-break space, an en or em dash. */
    private static boolean separator(char c) {
        return c == '.' || c == '-' || c == '/' || c == ' ' || c == '\u00a0' || c == '\u2013' || c == '\u2014';
    }
    /**
     * A JSON Lines record that does not parse (BAD_JSON), masked without a parser: every value whose path {@code keep}
     * does not accept (the mapping's paths that are not personal data) becomes {@code ***}, as in a record that parses.
     * The text is scanned for strings, keys ({@code "name":}), objects and arrays, so a value is masked by the path it
     * sits on, however the line is broken: a string that never closes (a truncated line) is masked to the line's end, a
     * value whose key is lost is masked. A line that is not JSON at all (it starts with neither '{' nor '[': a CSV saved
     * under a .jsonl name) has every field masked ({@link #delimitedText}). ID-like digit runs are masked last.
     */
    public static String brokenJson(String line, java.util.function.Predicate<String> keep) {
        if (line == null) return null;
        int start = 0;
        while (start < line.length() && (Character.isWhitespace(line.charAt(start)) || line.charAt(start) == '\uFEFF')) start++;
        if (start == line.length()) return line;
        if (line.charAt(start) != '{' && line.charAt(start) != '[') return digitRuns(delimitedText(line));
        StringBuilder out = new StringBuilder(line.length());
        java.util.ArrayDeque<String> paths = new java.util.ArrayDeque<>();   // the path of each open object or array
        java.util.ArrayDeque<Boolean> arrays = new java.util.ArrayDeque<>();
        String key = null;
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < n && line.charAt(j) != '"') j += line.charAt(j) == '\\' ? 2 : 1;
                boolean closed = j < n;
                int end = Math.min(j + 1, n);
                int k = end;
                while (k < n && Character.isWhitespace(line.charAt(k))) k++;
                boolean inArray = !arrays.isEmpty() && arrays.peek();
                if (closed && k < n && line.charAt(k) == ':' && !inArray) {
                    key = line.substring(i + 1, j);
                    out.append(line, i, end);
                } else if ((closed && end - i == 2) || keep.test(path(paths, arrays, key))) {
                    out.append(line, i, end);
                } else {
                    out.append('"').append(MASK).append(closed ? "\"" : "");
                }
                i = end;
            } else if (c == '{' || c == '[') {
                paths.push(path(paths, arrays, key));
                arrays.push(c == '[');
                key = null;
                out.append(c);
                i++;
            } else if (c == '}' || c == ']') {
                if (!paths.isEmpty()) {
                    paths.pop();
                    arrays.pop();
                }
                key = null;
                out.append(c);
                i++;
            } else if (c == ',' || c == ':' || Character.isWhitespace(c)) {
                if (c == ',' && !(!arrays.isEmpty() && arrays.peek())) key = null;
                out.append(c);
                i++;
            } else {
                int j = i;
                while (j < n && "{}[],:\"".indexOf(line.charAt(j)) < 0 && !Character.isWhitespace(line.charAt(j))) j++;
                String token = line.substring(i, j);
                boolean literal = token.equals("null") || token.equals("true") || token.equals("false");
                out.append(literal || keep.test(path(paths, arrays, key)) ? token : MASK);
                i = j;
            }
        }
        return digitRuns(out.toString());
    }

    /** The dotted path of the next value: an array's own path for its elements, "" for the root, null when unknown. */
    private static String path(java.util.ArrayDeque<String> paths, java.util.ArrayDeque<Boolean> arrays, String key) {
        if (paths.isEmpty()) return key == null ? "" : null;
        String parent = paths.peek();
        if (arrays.peek()) return parent;
        if (key == null || parent == null) return null;
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /**
     * A line that is no JSON, masked field by field: split on the most frequent of , ; tab and |, every non-empty field
     * {@code ***}. What is left shows the line's shape (a CSV row of 19 fields saved as .jsonl), not its contents.
     */
    public static String delimitedText(String line) {
        char best = 0;
        long most = 0;
        for (char d : new char[] {',', ';', '\t', '|'}) {
            long k = line.chars().filter(ch -> ch == d).count();
            if (k > most) {
                most = k;
                best = d;
            }
        }
        if (best == 0) return line.isBlank() ? line : MASK;
        String[] f = line.split(java.util.regex.Pattern.quote(String.valueOf(best)), -1);
        for (int i = 0; i < f.length; i++) if (!f[i].isBlank()) f[i] = MASK;
        return String.join(String.valueOf(best), f);
    }

    /** Jackson names the token it could not read ({@code Unrecognized token 'Toko'}): in a broken line it may be a name. */
    public static String jsonError(String message) {
        return message == null ? null : message.replaceAll("Unrecognized token '[^']*'", "Unrecognized token '" + MASK + "'");
    }
}
