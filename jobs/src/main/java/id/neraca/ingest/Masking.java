package id.neraca.ingest;

/**
 * Keeps personal data out of quarantine raw_row: runs of 13 to 16 digits (NIK, NPWP, NIB and other ID-like
 * numbers, and unavoidably epoch-millisecond times) become {@code #}s, and the mapping's seller ID and name
 * columns are replaced by {@code ***} before the row is rendered.
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
            if (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                int j = i;
                while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') j++;
                int len = j - i;
                if (len >= 13 && len <= 16) {
                    if (b == null) b = new StringBuilder(s);
                    for (int k = i; k < j; k++) b.setCharAt(k, '#');
                }
                i = j;
            } else {
                i++;
            }
        }
        return b == null ? s : b.toString();
    }
}
