package id.neraca.ingest;

/**
 * One record as read from a dump, before parsing: its line, its text with personal data masked, the values of the
 * mapping's sources, or the read error that stopped it (bad encoding, open quote, wrong field count, bad JSON,
 * truncated file).
 */
public record RawRecord(String sourceFile, long line, String rawRow, String[] values, String readError, String readDetail) {
    public static RawRecord error(String file, long line, String raw, String code, String detail) {
        return new RawRecord(file, line, raw, null, code, detail);
    }
}
