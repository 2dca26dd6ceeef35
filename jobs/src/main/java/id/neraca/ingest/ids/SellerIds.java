package id.neraca.ingest.ids;

import java.util.Locale;

/**
 * Seller ID normalisation and checking: the ID type as the dump declares it (or inferred from the digits when
 * it declares none), the canonical form that is hashed, and whether it is structurally valid. An invalid ID
 * only sets {@code seller_id_valid=false}: it says nothing about where the seller is from.
 */
public final class SellerIds {
    private SellerIds() {}

    /** The result for one seller: type, canonical form (never written out), validity (null when uncheckable). */
    public record Checked(String type, String canonical, Boolean valid) {
        /**
         * What the seller key hashes: {@code <type>:<canonical>}, one string per seller whatever form its ID took. The
         * 16-digit NPWP (PMK 112/2022, in force 1 Jul 2024) is {@code 0} + the old 15 digits for companies, hashed as
         * the 15-digit NPWP, and the holder's NIK for individuals, hashed as that NIK: a seller whose exports switched
         * form in mid-2024, or that one marketplace records by NIK and another by NPWP, stays one seller, so its
         * trailing-12-month sales (its PP 7/2021 tier) are not split in two.
         */
        public String keySource() {
            if (type.equals("NPWP") && canonical.length() == 16) {
                return canonical.charAt(0) == '0' ? "NPWP:" + canonical.substring(1) : "NIK:" + canonical;
            }
            return type + ":" + canonical;
        }
    }

    /**
     * @param declaredType NIK, NIB, NPWP, PASSPORT, FOREIGN_REG, NONE, or null (infer from the digits)
     * @param raw          the ID as written, or null
     */
    public static Checked check(String declaredType, String raw) {
        String id = raw == null ? "" : raw.trim();
        if (id.isEmpty()) return new Checked("NONE", null, null);
        String type = declaredType == null ? null : declaredType.toUpperCase(Locale.ROOT);
        String digits = strip(id);
        if (type == null || type.equals("NONE")) type = infer(digits);
        return switch (type) {
            case "NIK" -> new Checked("NIK", digits, Nik.valid(digits));
            // digits only (docs/CONTRACTS.md); the 16-digit forms hash as the 15-digit NPWP or the NIK (keySource)
            case "NPWP" -> new Checked("NPWP", digits, Npwp.valid(digits));
            case "NIB" -> new Checked("NIB", digits, Nib.valid(digits));
            case "PASSPORT", "FOREIGN_REG" -> new Checked(type, digits.toUpperCase(Locale.ROOT), null);
            default -> new Checked("NONE", null, null);
        };
    }

    /** The ID without spaces, dots, hyphens and slashes. */
    static String strip(String id) {
        StringBuilder b = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c != '.' && c != '-' && c != '/' && !Character.isWhitespace(c)) b.append(c);
        }
        return b.toString();
    }

    static boolean digits(String s, int n) {
        if (s.length() != n) return false;
        for (int i = 0; i < n; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /** 13 digits: NIB; 15 digits or 16 starting with 0: NPWP; 16 digits: NIK; otherwise a foreign registration. */
    static String infer(String digits) {
        if (digits(digits, 13)) return "NIB";
        if (digits(digits, 15) || (digits(digits, 16) && digits.charAt(0) == '0')) return "NPWP";
        if (digits(digits, 16)) return "NIK";
        return "FOREIGN_REG";
    }
}
