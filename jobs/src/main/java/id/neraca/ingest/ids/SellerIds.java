package id.neraca.ingest.ids;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
        String id = raw == null ? "" : unwrapExcel(raw);
        // a placeholder (-, N/A, tidak ada, 0, 00.000.000.0-000.000) says the seller has no ID: keyed by its shop like a
        // blank, and never read as a foreign registration (that made a Surakarta batik shop CROSS_BORDER)
        if (id.isEmpty() || placeholder(id)) return new Checked("NONE", null, null);
        String type = declaredType == null ? null : declaredType.toUpperCase(Locale.ROOT);
        if (type != null && type.equals("NONE")) type = null;
        // "NIK 3504151311911508", "NPWP: 01.566.040.0-695.000", "KTP 3504...": the label is not part of the ID (with it
        // the ID failed its check and the seller had a second key); an undeclared type is the label's
        java.util.regex.Matcher label = ID_LABEL.matcher(id);
        if (label.matches()) {
            String word = label.group(1).toUpperCase(Locale.ROOT);
            id = label.group(2);
            if (type == null) type = word.equals("KTP") ? "NIK" : word.equals("NITKU") ? "NPWP" : word;
        }
        if (scientific(id)) return damaged(type, id);
        // an Indonesian business licence number (SIUP 503/123/SIUP-K/2019, TDP, P-IRT): letters and digits, so it was
        // read as a foreign registration and made its seller CROSS_BORDER; no ID neraca checks, evidence of nothing
        if (type == null && LICENCE.matcher(id).find()) return new Checked("NONE", null, null);
        String digits = strip(id);
        if (masked(digits)) return unreadable(type, digits);
        if (type == null) {
            // a NIK or NPWP with a letter O for a zero, or an I or l for a one (typed, or read off a photo of a KTP):
            // the Indonesian ID it spells, keyed as it (one seller with its correct rows) and invalid (counted), not a
            // foreign registration
            String corrected = digitTypos(digits);
            if (corrected != null) {
                String t = infer(corrected);
                String canonical = t.equals("NPWP") ? Npwp.ofNitku(corrected) : corrected;
                return new Checked(t, canonical, false);
            }
            type = infer(digits);
        }
        return switch (type) {
            case "NIK" -> new Checked("NIK", digits, Nik.valid(digits));
            // digits only (docs/CONTRACTS.md); the 16-digit forms hash as the 15-digit NPWP or the NIK (keySource)
            case "NPWP" -> {
                String npwp = Npwp.ofNitku(digits);
                yield new Checked("NPWP", npwp, Npwp.valid(npwp));
            }
            case "NIB" -> new Checked("NIB", digits, Nib.valid(digits));
            case "PASSPORT", "FOREIGN_REG" -> new Checked(type, digits.toUpperCase(Locale.ROOT), null);
            default -> new Checked("NONE", null, null);
        };
    }

    /** An ID Excel wrote in scientific notation, {@code 3.50415E+15} (or {@code 3,50415E+15} in an Indonesian locale). */
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(?:[.,]\\d+)?[eE]\\+?(\\d{1,2})");

    /** Excel's General format writes a number of 12 or more digits in scientific notation: exponent 11 or more. */
    public static boolean scientific(String id) {
        java.util.regex.Matcher m = SCIENTIFIC.matcher(id);
        // a spreadsheet writes a mantissa with decimals (5.70000E+17, 5.7E17) or a signed exponent (5E+17); digits, an E
        // and two digits alone are an ordinary alphanumeric order number (Shopee's 23090434994E99), not lost digits
        return m.matches() && Integer.parseInt(m.group(1)) >= 11 && (id.indexOf('.') >= 0 || id.indexOf(',') >= 0 || id.indexOf('+') >= 0);
    }

    /**
     * An ID that Excel turned into a number and wrote in scientific notation: its last digits are gone, so it names no
     * one seller ({@code 3.50415E+15} is every NIK of one district starting 350415). No canonical form, so the seller is
     * keyed by its shop like a seller without an ID (never by the damaged text: that would merge sellers); the type is
     * the declared one, or inferred from the digit count the exponent gives (E+15: 16 digits, a NIK; E+14: an NPWP;
     * E+12: a NIB), and an Indonesian type is {@code valid=false}, so the damage is counted. Never FOREIGN_REG by
     * inference: a number says nothing about where the seller is from.
     */
    private static Checked damaged(String declared, String id) {
        java.util.regex.Matcher m = SCIENTIFIC.matcher(id);
        if (!m.matches()) throw new IllegalArgumentException(id);
        String type = declared;
        if (type == null) {
            type = switch (Integer.parseInt(m.group(1)) + 1) {
                case 13 -> "NIB";
                case 15 -> "NPWP";
                case 16 -> "NIK";
                default -> "NONE";
            };
        }
        return unreadableAs(type);
    }

    /** Characters that stand for hidden digits in a masked ID: {@code 3504********1508}, {@code 350415XXXXXX1508}. */
    private static final String MASK_CHARS = "*xX\u2022\u25CF#";

    /**
     * An ID with some of its digits masked ({@code 3504********1508}, {@code 350415xxxxxx1508}, {@code 01.566.***.*-695.000}):
     * digits and at least two mask characters, nothing else. A single {@code X} is not a mask (a check character, as
     * at the end of a Chinese resident ID). An ID masked whole ({@code XXXX}, {@code ***}) is a placeholder, read before.
     */
    static boolean masked(String stripped) {
        int masks = 0;
        int digitCount = 0;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c >= '0' && c <= '9') digitCount++;
            else if (MASK_CHARS.indexOf(c) >= 0) masks++;
            else return false;
        }
        return masks >= 2 && digitCount > 0;
    }

    /**
     * A masked ID names no one seller ({@code 3504********1508} is every NIK of one district with that serial): like an ID
     * Excel damaged, it is never hashed (keyed by the shop instead), its type is the declared one or the one its length
     * gives (the lengths {@link #infer} reads as Indonesian IDs, else {@code NONE}), an Indonesian type is
     * {@code valid=false} (unverifiable, counted), and it is never FOREIGN_REG by inference: read as one (letters and
     * digits), it made an Indonesian seller CROSS_BORDER.
     */
    private static Checked unreadable(String declared, String masked) {
        String type = declared;
        if (type == null) {
            String inferred = infer(masked.replaceAll("[^0-9]", "9"));
            type = inferred.equals("FOREIGN_REG") ? "NONE" : inferred;
        }
        return unreadableAs(type);
    }

    private static Checked unreadableAs(String type) {
        return switch (type) {
            case "NIK", "NPWP", "NIB" -> new Checked(type, null, false);
            case "PASSPORT", "FOREIGN_REG" -> new Checked(type, null, null);
            default -> new Checked("NONE", null, null);
        };
    }

    /**
     * The ID without Excel's text markers, trimmed: a leading apostrophe ({@code '3504151311911508}, typed so that Excel
     * keeps the digits as text) and the formula wrapper {@code ="3504151311911508"} that some exports write for the same
     * reason. They are not part of the ID, and are removed before anything else looks at it.
     */
    /** An Indonesian ID's name written before it: {@code NIK 3504...}, {@code NPWP: 01.566...}, {@code KTP-3504...}. */
    private static final Pattern ID_LABEL = Pattern.compile("(?i)(NITKU|NIK|NPWP|NIB|KTP)\\s*[:.\\-]?\\s*(\\d[\\d.\\-\\s/*x\u2022\u25CF#]*[\\d*x\u2022\u25CF#])");

    static String unwrapExcel(String raw) {
        String s = raw.strip();
        if (s.length() >= 3 && s.startsWith("=\"") && s.endsWith("\"")) s = s.substring(2, s.length() - 1).strip();
        if (!s.isEmpty() && (s.charAt(0) == '\'' || s.charAt(0) == '\u2018' || s.charAt(0) == '\u2019')) s = s.substring(1).strip();
        return s;
    }

    /** Words sellers and exports write in an ID column for "no ID" (letters only, lower case, spaces removed). */
    private static final Set<String> NO_ID_WORDS = Set.of("na", "nan", "none", "null", "nil", "nihil", "undefined",
            "unknown", "kosong", "tidakada", "tdkada", "tidakpunya", "tdkpunya", "belumada", "blmada", "belumpunya",
            "blmpunya");

    /**
     * A value that stands for "no ID": only punctuation (-, —, ., /, *, ?), only zeros ({@code 0},
     * {@code 00.000.000.0-000.000}, the usual "no NPWP"), only x's (a masked ID), or a word or phrase for none
     * ({@code N/A}, {@code null}, {@code Tidak ada}, {@code Tidak ada NPWP}, {@code belum punya}).
     */
    static boolean placeholder(String id) {
        StringBuilder b = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isLetterOrDigit(c)) b.append(Character.toLowerCase(c));
        }
        String k = b.toString();
        if (k.isEmpty() || k.chars().allMatch(c -> c == '0') || k.chars().allMatch(c -> c == 'x')) return true;
        if (NO_ID_WORDS.contains(k)) return true;
        for (String p : List.of("tidakada", "tdkada", "tidakpunya", "tdkpunya", "belumada", "belumpunya", "tanpa")) {
            if (k.startsWith(p) && k.chars().noneMatch(Character::isDigit)) return true;
        }
        return false;
    }

    /** The ID without spaces (no-break ones too), dots, hyphens and other dashes, and slashes. */
    static String strip(String id) {
        StringBuilder b = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c != '.' && c != '-' && c != '/' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                    && Character.getType(c) != Character.DASH_PUNCTUATION) b.append(c);
        }
        return b.toString();
    }

    /** Words of Indonesian business licences (not IDs neraca checks) in an undeclared ID. */
    private static final Pattern LICENCE = Pattern.compile("(?i)(?<![A-Z])(SIUP|SIUP-[A-Z]{1,2}|TDP|SKDU|IUMK|SIUJK|P-?IRT|SPP-?IRT|IUI|TDUP)(?![A-Z])");

    /**
     * The digits an Indonesian ID was meant to have when one or two of them are the letters {@code O}/{@code o} (0) or
     * {@code I}/{@code l} (1), and the result has the length of an Indonesian ID ({@link #infer} reads it as NIK, NPWP
     * or NIB: 13, 15, 16 or 22 digits); else null. A foreign registration with letters is rarely all digits but for an
     * O or an I, and never of those lengths and shape (a Chinese code has 18 characters).
     */
    static String digitTypos(String s) {
        int letters = 0;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') b.append(c);
            else if (c == 'O' || c == 'o') { b.append('0'); letters++; }
            else if (c == 'I' || c == 'l') { b.append('1'); letters++; }
            else return null;
        }
        if (letters == 0 || letters > 2) return null;
        int n = b.length();
        return n == 13 || n == 15 || n == 16 || n == 22 ? b.toString() : null;
    }

    static boolean digits(String s, int n) {
        if (s.length() != n) return false;
        for (int i = 0; i < n; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /**
     * 13 digits: NIB; 15 digits or 16 starting with 0: NPWP; 16 digits: NIK; 22 digits: a NITKU, read as its NPWP; 12 to 17
     * digits otherwise: the Indonesian
     * ID of the nearest length, which then fails its check (a NIK or NPWP with a digit too many or too few is a typo, not
     * a foreign registration: read as FOREIGN_REG it made its seller CROSS_BORDER; invalid, it is evidence of nothing and
     * is counted); another value of at least 6 letters and digits with a digit in it: a foreign registration; anything
     * shorter, or without a digit, is no ID (NONE): no registration number is a word, and a stray remark in the ID
     * column must not make a seller foreign.
     */
    static String infer(String digits) {
        if (digits(digits, 13)) return "NIB";
        if (digits(digits, 15) || (digits(digits, 16) && digits.charAt(0) == '0')) return "NPWP";
        if (digits(digits, 16)) return "NIK";
        if (digits(digits, 22)) return "NPWP"; // a NITKU: the business's 16-digit NPWP + its place of business (Npwp.ofNitku)
        for (int n = 12; n <= 17; n++) {
            if (digits(digits, n)) return n <= 13 ? "NIB" : n <= 15 ? "NPWP" : "NIK";
        }
        long alnum = digits.chars().filter(Character::isLetterOrDigit).count();
        if (alnum < 6 || digits.chars().noneMatch(Character::isDigit)) return "NONE";
        return "FOREIGN_REG";
    }
}
