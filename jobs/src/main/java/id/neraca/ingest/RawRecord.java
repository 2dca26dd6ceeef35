package id.neraca.ingest;

import java.util.function.Supplier;

/**
 * One record as read from a dump, before parsing: its line, its text with personal data masked, the values of the
 * mapping's sources, or the read error that stopped it (bad encoding, open quote, wrong field count, bad JSON,
 * truncated file).
 * <p>
 * A sales line that is an element of an order's array ({@code format.order_lines}) also carries its index in the array
 * ({@code element}, from 0; -1 for any other record) and how messages name it ({@code elementRef}, {@code items[1]}).
 * Its raw text is built only when asked for ({@code rawOnDemand}): only a quarantined line needs it, and each line's
 * text repeats its order's.
 */
public record RawRecord(String sourceFile, long line, String rawRow, String[] values, String readError, String readDetail,
                        int element, String elementRef, Supplier<String> rawOnDemand) {
    public RawRecord(String sourceFile, long line, String rawRow, String[] values, String readError, String readDetail) {
        this(sourceFile, line, rawRow, values, readError, readDetail, -1, null, null);
    }

    public static RawRecord error(String file, long line, String raw, String code, String detail) {
        return new RawRecord(file, line, raw, null, code, detail);
    }

    /** The text as read, masked; for an element of an order's array, built now from its order and itself. */
    @Override
    public String rawRow() {
        return rawRow != null || rawOnDemand == null ? rawRow : rawOnDemand.get();
    }
}
