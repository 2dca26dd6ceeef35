package id.neraca.generate;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seller identifiers with the structure of DOMAIN.md, valid or deliberately invalid. Numbers are kept as
 * digit strings (leading zeros matter for NPWP). The production validators are ingest's; these only build.
 */
final class Ids {
    private Ids() {}

    static final String ALNUM = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Luhn check digit over {@code payload} (the rightmost payload digit is doubled). */
    static int luhnCheckDigit(String payload) {
        int sum = 0;
        boolean dbl = true;
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

    /**
     * A NIK for someone first registered in regency {@code regencyCode}: area (4) + district 01..30 + birth
     * day (+40 for women) + month + 2-digit year (born 1960..2004) + serial from 0001.
     */
    static String nik(SplittableRandom r, String regencyCode) {
        int district = 1 + r.nextInt(30);
        int day = 1 + r.nextInt(28);
        if (r.nextBoolean()) day += 40;
        int month = 1 + r.nextInt(12);
        int year = (1960 + r.nextInt(45)) % 100;
        int serial = 1 + r.nextInt(2999);
        return regencyCode + two(district) + two(day) + two(month) + two(year) + String.format(Locale.ROOT, "%04d", serial);
    }

    /** A NIK broken in one of the ways real dumps show; {@code kind} 0..4. */
    static String invalidNik(SplittableRandom r, String regencyCode, int kind) {
        String ok = nik(r, regencyCode);
        return switch (kind) {
            case 0 -> "00" + ok.substring(2);                                  // no such province
            case 1 -> ok.substring(0, 8) + "13" + ok.substring(10);            // month 13
            case 2 -> ok.substring(0, 12) + "0000";                            // serial 0000
            case 3 -> ok.substring(0, 15);                                     // a digit short
            default -> ok.substring(0, 6) + "35" + ok.substring(8);            // birth day 35 (neither 01-31 nor 41-71)
        };
    }

    /**
     * An old-form NPWP, 15 digits: taxpayer type (01..03 companies, 04..09 individuals) + serial (6) + Luhn
     * check digit over those 8 + tax office (3) + branch 000 (head office).
     */
    static String npwp(SplittableRandom r, boolean company) {
        int type = company ? 1 + r.nextInt(3) : 4 + r.nextInt(6);
        String payload = two(type) + String.format(Locale.ROOT, "%06d", r.nextInt(1_000_000));
        int kpp = 1 + r.nextInt(999);
        return payload + luhnCheckDigit(payload) + String.format(Locale.ROOT, "%03d", kpp) + "000";
    }

    static String invalidNpwp(SplittableRandom r, boolean company, int kind) {
        String ok = npwp(r, company);
        if (kind % 2 == 0) {
            int wrong = (ok.charAt(8) - '0' + 1 + r.nextInt(9)) % 10;      // any other check digit
            return ok.substring(0, 8) + wrong + ok.substring(9);
        }
        return ok.substring(0, 14);                                          // a digit short
    }

    /** NIB: 13 digits, no published check digit. */
    static String nib(SplittableRandom r) {
        StringBuilder sb = new StringBuilder(13);
        sb.append(1 + r.nextInt(9));
        for (int i = 1; i < 13; i++) sb.append(r.nextInt(10));
        return sb.toString();
    }

    static String invalidNib(SplittableRandom r, int kind) {
        String ok = nib(r);
        return kind % 2 == 0 ? ok.substring(0, 12) : ok + r.nextInt(10);   // 12 or 14 digits
    }

    /** {@code 01.234.567.8-407.000}, the way NPWP cards print it. */
    static String formatNpwp(String digits) {
        if (digits.length() != 15) return digits;
        return digits.substring(0, 2) + "." + digits.substring(2, 5) + "." + digits.substring(5, 8) + "."
                + digits.charAt(8) + "-" + digits.substring(9, 12) + "." + digits.substring(12);
    }

    /** A foreign business registration number in the style of {@code country}. */
    static String foreignRegistration(SplittableRandom r, String country) {
        StringBuilder sb = new StringBuilder();
        switch (country) {
            case "CN" -> {       // unified social credit code, 18 characters
                sb.append("9144").append(String.format(Locale.ROOT, "%04d", r.nextInt(10000)));
                for (int i = 0; i < 9; i++) sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
                sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
            }
            case "KR" -> sb.append(String.format(Locale.ROOT, "%03d-%02d-%05d", r.nextInt(1000), r.nextInt(100), r.nextInt(100000)));
            case "SG" -> sb.append(2010 + r.nextInt(14)).append(String.format(Locale.ROOT, "%05d", r.nextInt(100000)))
                    .append((char) ('A' + r.nextInt(26)));
            default -> sb.append(country).append(String.format(Locale.ROOT, "%010d", r.nextLong(10_000_000_000L)));
        }
        return sb.toString();
    }

    static String passport(SplittableRandom r, String country) {
        char lead = switch (country) {
            case "CN" -> 'E';
            case "KR" -> 'M';
            case "JP" -> 'T';
            default -> 'P';
        };
        return lead + String.format(Locale.ROOT, "%08d", r.nextInt(100_000_000));
    }

    /** The normalised form ingest hashes: digits only for Indonesian IDs; foreign ones upper-cased without separators. */
    static String normalise(String type, String raw) {
        if (type.equals("NIK") || type.equals("NPWP") || type.equals("NIB")) return raw.replaceAll("[^0-9]", "");
        return raw.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s./-]", "");
    }

    /**
     * The string ingest's seller key hashes (docs/CONTRACTS.md): {@code <type>:<normalised>}, a 16-digit NPWP as the
     * seller it is (0 + 15 digits: the 15-digit NPWP; else the holder's NIK). Written here from the contract, not
     * from ingest's code, so that the ground truth checks ingest.
     */
    static String keySource(String type, String raw) {
        String n = normalise(type, raw);
        if (type.equals("NPWP") && n.length() == 16) return n.startsWith("0") ? "NPWP:" + n.substring(1) : "NIK:" + n;
        return type + ":" + n;
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
