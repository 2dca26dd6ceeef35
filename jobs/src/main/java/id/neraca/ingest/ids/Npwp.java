package id.neraca.ingest.ids;

/**
 * NPWP (tax ID). Old form, 15 digits {@code 99.999.999.9-999.999}: taxpayer type (2), serial (6), check digit
 * (1, Luhn over the first 8 digits), tax office (3), branch (3). New 16-digit form (PMK 112/2022): {@code 0} +
 * the 15 digits for companies and foreigners, or the holder's NIK for individuals.
 */
public final class Npwp {
    private Npwp() {}

    /** The Luhn check digit of a digit string (the digit that, appended, makes the Luhn sum a multiple of 10). */
    public static int luhnCheckDigit(String payload) {
        int sum = 0;
        boolean dbl = true; // the rightmost payload digit is doubled once the check digit is appended
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    /** A 15-digit NPWP whose 9th digit is the Luhn check digit of the first 8. */
    public static boolean valid15(String digits) {
        if (digits == null || !SellerIds.digits(digits, 15)) return false;
        return luhnCheckDigit(digits.substring(0, 8)) == digits.charAt(8) - '0';
    }

    /**
     * The NPWP inside a NITKU (Nomor Identitas Tempat Kegiatan Usaha, PMK 112/2022, PER-6/PJ/2024): 22 digits, the
     * business's 16-digit NPWP followed by a 6-digit number of its place of business ({@code 000000} the head office,
     * {@code 000001}... its branches). PP 7/2021 sizes the business, whose tax ID is the NPWP: every place of business is
     * that one seller. Any other value is returned as it is.
     */
    public static String ofNitku(String digits) {
        return digits != null && SellerIds.digits(digits, 22) ? digits.substring(0, 16) : digits;
    }

    /** 15 digits, or 16 digits as {@code 0} + a valid 15-digit NPWP, or 16 digits that are a valid NIK. */
    public static boolean valid(String digits) {
        if (digits == null) return false;
        if (digits.length() == 15) return valid15(digits);
        if (digits.length() == 16) {
            if (digits.charAt(0) == '0') return valid15(digits.substring(1));
            return Nik.valid(digits);
        }
        return false;
    }

}
