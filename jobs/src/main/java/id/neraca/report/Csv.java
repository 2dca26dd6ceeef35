package id.neraca.report;


import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads a small reference CSV (header row, RFC 4180 quoting, UTF-8, optional BOM) into maps by column. */
final class Csv {
    private Csv() {}

    static List<Map<String, String>> read(Path file) {
        return id.neraca.core.ReferenceCsv.read(file, List.of(), "See data/reference/README.md.");
    }
}
