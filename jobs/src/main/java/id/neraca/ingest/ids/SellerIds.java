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
    public record Checked(String type, String canonical, Boolean valid) {}

    /**
     * @param declaredType NIK, NIB, NPWP, PASSPORT, FOREIGN_REG, NONE, or null (infer from the digits)
     * @param raw          the ID as written, or null
     */
    public static Checked check(String declaredType, String raw) {
        String id = raw == null ? "" : raw.trim();
        if (id.isEmpty()) return new Checked("NONE", null, null);
        String type = declaredType == null ? null : declaredType.toUpperCase(Locale.ROOT);
        String digits = id.replaceAll("[\\s.\\-/]", "");
        if (type == null || type.equals("NONE")) type = infer(digits);
        return switch (type) {
            case "NIK" -> new Checked("NIK", digits, Nik.valid(digits));
            // digits only, as docs/CONTRACTS.md fixes it (a 16-digit 0+15 form hashes apart from its 15-digit form)
            case "NPWP" -> new Checked("NPWP", digits, Npwp.valid(digits));
            case "NIB" -> new Checked("NIB", digits, Nib.valid(digits));
            case "PASSPORT", "FOREIGN_REG" -> new Checked(type, id.toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-/]", ""), null);
            default -> new Checked("NONE", null, null);
        };
    }

    /** 13 digits: NIB; 15 digits or 16 starting with 0: NPWP; 16 digits: NIK; otherwise a foreign registration. */
    static String infer(String digits) {
        if (digits.matches("\\d{13}")) return "NIB";
        if (digits.matches("\\d{15}") || digits.matches("0\\d{15}")) return "NPWP";
        if (digits.matches("\\d{16}")) return "NIK";
        return "FOREIGN_REG";
    }
}
