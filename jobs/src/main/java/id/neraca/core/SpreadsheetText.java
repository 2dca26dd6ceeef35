package id.neraca.core;

/**
 * Text from the dumps (a seller's product title, a rejected line) written into a CSV meant for a spreadsheet. A cell
 * that begins with {@code = + - @}, a tab or a carriage return is run as a formula by Excel and LibreOffice:
 * {@code =HYPERLINK(...)} in a title would run on the economist's machine (OWASP, "CSV Injection"). Such text gets a
 * leading {@code '}, which the spreadsheet shows as text; numbers are not passed through here (a negative amount stays
 * a number), and the Parquet tables keep the text as read.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {}

    public static String guard(String v) {
        return v != null && !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }
}
