package id.neraca.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small reference CSVs under {@code data/reference/} (header row, RFC 4180 quoting without multi-line
 * fields, UTF-8 with an optional BOM, blank and {@code #} lines skipped), read on the driver before Spark starts.
 * One reader for every stage, so a reference file means the same to all of them.
 */
public final class ReferenceCsv {
    private ReferenceCsv() {}

    /**
     * Rows as header → trimmed value maps, with the 1-based line number under key {@code #line}.
     *
     * @param required columns the header must hold (a missing one is a data error naming the file)
     * @param fix      what to tell the user when the file does not exist
     */
    public static List<Map<String, String>> read(Path file, List<String> required, String fix) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw NeracaException.usage("%s: reference file not found. %s", file, fix);
        } catch (IOException e) {
            throw NeracaException.usage("%s: cannot read: %s", file, e.getMessage());
        }
        if (lines.isEmpty()) {
            if (required.isEmpty()) return List.of();
            throw NeracaException.data("%s: empty file; expected a header row %s", file, required);
        }
        String head = lines.get(0);
        if (head.startsWith("\uFEFF")) head = head.substring(1);
        List<String> header = split(head).stream().map(String::trim).toList();
        for (String r : required) {
            if (!header.contains(r)) {
                throw NeracaException.data("%s (line 1): missing column '%s'; the header must hold %s", file, r, required);
            }
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> v = split(line);
            if (v.size() != header.size()) {
                throw NeracaException.data("%s (line %d): %d fields, the header has %d", file, i + 1, v.size(), header.size());
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int j = 0; j < header.size(); j++) m.put(header.get(j), v.get(j).trim());
            m.put("#line", String.valueOf(i + 1));
            out.add(m);
        }
        return out;
    }

    /** Splits one line on commas, honouring double quotes and doubled quotes inside them. */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
