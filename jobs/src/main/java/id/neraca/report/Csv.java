package id.neraca.report;

import id.neraca.core.NeracaException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a small reference CSV (header row, RFC 4180 quoting, UTF-8, optional BOM) into maps by column. */
final class Csv {
    private Csv() {}

    static List<Map<String, String>> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw NeracaException.data("%s: cannot read: %s", file, e.getMessage());
        }
        List<Map<String, String>> out = new ArrayList<>();
        if (lines.isEmpty()) return out;
        String head = lines.get(0);
        if (head.startsWith("\uFEFF")) head = head.substring(1);
        List<String> header = split(head);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> values = split(line);
            if (values.size() != header.size()) {
                throw NeracaException.data("%s line %d: %d fields, the header has %d", file, i + 1, values.size(), header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) row.put(header.get(c).trim(), values.get(c));
            out.add(row);
        }
        return out;
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
