package id.neraca.generate;

import id.neraca.core.NeracaException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code data/reference/regencies.csv} held as arrays: code, province, official name and the aliases dumps
 * use. The generator draws seller cities and NIK area codes from it.
 */
public final class Regencies {
    public static final String HEADER = "regency_code,province_code,name,kind,aliases";

    final String[] code;
    final String[] province;
    final String[] name;
    final boolean[] kota;
    final String[][] aliases;

    private Regencies(List<String[]> rows) {
        int n = rows.size();
        code = new String[n];
        province = new String[n];
        name = new String[n];
        kota = new boolean[n];
        aliases = new String[n][];
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            code[i] = r[0];
            province[i] = r[1];
            name[i] = r[2];
            kota[i] = "KOTA".equals(r[3]);
            aliases[i] = r[4].isEmpty() ? new String[0] : r[4].split("\\|");
        }
    }

    public int size() {
        return code.length;
    }

    public static Regencies load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw NeracaException.usage("%s: file not found. Pass --regencies data/reference/regencies.csv "
                    + "(run from the project root).", file);
        } catch (IOException e) {
            throw NeracaException.usage("%s: cannot read: %s", file, e.getMessage());
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw NeracaException.usage("%s (line 1): the header must be '%s'.", file, HEADER);
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            String[] r = Csv.split(line, ',');
            if (r.length != 5 || !r[0].matches("\\d{4}") || !r[0].startsWith(r[1])
                    || !(r[3].equals("KOTA") || r[3].equals("KABUPATEN"))) {
                throw NeracaException.usage("%s (line %d): expected 5 columns '%s' with a 4-digit code starting "
                        + "with its 2-digit province code and kind KOTA|KABUPATEN, got: %s", file, i + 1, HEADER, line);
            }
            rows.add(r);
        }
        return new Regencies(rows);
    }
}
