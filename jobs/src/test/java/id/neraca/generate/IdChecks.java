package id.neraca.generate;

import java.util.Set;

/**
 * Test-side checks of seller ID structure (DOMAIN.md), written independently of the generator's builders:
 * ingest owns the production validators.
 */
final class IdChecks {
    private IdChecks() {}

    static boolean nikValid(String s, Set<String> regencyCodes) {
        if (s == null || !s.matches("\\d{16}")) return false;
        if (!regencyCodes.contains(s.substring(0, 4))) return false;
        int day = Integer.parseInt(s.substring(6, 8));
        int month = Integer.parseInt(s.substring(8, 10));
        int serial = Integer.parseInt(s.substring(12, 16));
        boolean dayOk = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
        return dayOk && month >= 1 && month <= 12 && serial >= 1;
    }

    /** Old-form NPWP: 15 digits, the 9th is the Luhn check digit of the first 8, branch 000 for head offices. */
    static boolean npwpValid(String s) {
        if (s == null || !s.matches("\\d{15}")) return false;
        int sum = 0;
        for (int i = 0; i < 9; i++) {                 // standard Luhn validation over the 9 digits
            int d = s.charAt(8 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    static boolean nibValid(String s) {
        return s != null && s.matches("\\d{13}");
    }
}
