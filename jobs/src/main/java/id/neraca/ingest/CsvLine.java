package id.neraca.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one physical line of CSV (RFC 4180 quoting: a quoted field may hold the delimiter, a doubled quote is a
 * quote). Records never span lines in the dumps neraca reads (docs/MAPPINGS.md "CSV reading"), so a quote still
 * open at the end of the line is an error rather than a reason to read on.
 */
public final class CsvLine {
    private CsvLine() {}

    /** The fields, or null when a quote is left open at the end of the line. */
    public static String[] split(String line, char delim, char quote) {
        List<String> out = new ArrayList<>(24);
        StringBuilder cur = new StringBuilder();
        int n = line.length();
        int i = 0;
        boolean fieldStart = true;
        while (i <= n) {
            if (i == n) {
                out.add(cur.toString());
                break;
            }
            char c = line.charAt(i);
            if (fieldStart && c == quote) {
                // quoted field
                i++;
                boolean closed = false;
                while (i < n) {
                    char q = line.charAt(i);
                    if (q == quote) {
                        if (i + 1 < n && line.charAt(i + 1) == quote) {
                            cur.append(quote);
                            i += 2;
                        } else {
                            i++;
                            closed = true;
                            break;
                        }
                    } else {
                        cur.append(q);
                        i++;
                    }
                }
                if (!closed) return null;
                // text after the closing quote up to the delimiter is kept as is (lenient)
                while (i < n && line.charAt(i) != delim) cur.append(line.charAt(i++));
                fieldStart = false;
                continue;
            }
            if (c == delim) {
                out.add(cur.toString());
                cur.setLength(0);
                fieldStart = true;
                i++;
                if (i == n) {
                    out.add("");
                    break;
                }
                continue;
            }
            cur.append(c);
            fieldStart = false;
            i++;
        }
        return out.toArray(new String[0]);
    }

    /** Writes fields back as one CSV line, quoting where needed. */
    public static String join(String[] fields, char delim, char quote) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) b.append(delim);
            String f = fields[i] == null ? "" : fields[i];
            if (f.indexOf(delim) >= 0 || f.indexOf(quote) >= 0) {
                b.append(quote).append(f.replace(String.valueOf(quote), "" + quote + quote)).append(quote);
            } else {
                b.append(f);
            }
        }
        return b.toString();
    }
}
