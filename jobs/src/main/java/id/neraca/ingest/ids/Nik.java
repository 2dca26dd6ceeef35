package id.neraca.ingest.ids;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * NIK (Nomor Induk Kependudukan, the KTP number), 16 digits: province (2), regency/city (2), district (2),
 * birth day (2, +40 for women), birth month (2), birth year (2), serial (4, from 0001). No check digit exists,
 * so validity is structural only (DOMAIN.md "Seller identifiers").
 */
public final class Nik {
    private Nik() {}

    /** The 38 Kemendagri province codes (Kepmendagri 300.2.2-2138/2025). */
    public static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36",
            "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82",
            "91", "92", "93", "94", "95", "96");

    public static boolean valid(String digits) {
        return valid(digits, PROVINCES);
    }

    /** Structural check of a 16-digit NIK against the given province codes. */
    public static boolean valid(String digits, Set<String> provinces) {
        if (digits == null || !SellerIds.digits(digits, 16)) return false;
        if (!provinces.contains(digits.substring(0, 2))) return false;
        if (digits.startsWith("00", 2) || digits.startsWith("00", 4)) return false;
        int day = Integer.parseInt(digits.substring(6, 8));
        int month = Integer.parseInt(digits.substring(8, 10));
        int yy = Integer.parseInt(digits.substring(10, 12));
        if (day > 40) day -= 40;
        if (day < 1 || day > 31 || month < 1 || month > 12) return false;
        if (!realDate(1900 + yy, month, day) && !realDate(2000 + yy, month, day)) return false;
        return !digits.endsWith("0000");
    }

    private static boolean realDate(int y, int m, int d) {
        try {
            LocalDate.of(y, m, d);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
