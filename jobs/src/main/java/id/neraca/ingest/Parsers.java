package id.neraca.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * How Indonesian marketplace dumps write numbers and times. Pure functions: text in, value out, or a
 * {@link ParseFailure} carrying the quarantine reason. Reference with examples: docs/MAPPINGS.md "Parsers".
 */
public final class Parsers {
    private Parsers() {}

    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    public static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    public static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    /** WIB, WITA, WIT, UTC or an IANA id. */
    public static ZoneId zone(String name) {
        return switch (name) {
            case "WIB" -> WIB;
            case "WITA" -> WITA;
            case "WIT" -> WIT;
            case "UTC" -> ZoneId.of("UTC");
            default -> ZoneId.of(name);
        };
    }

    /**
     * Rupiah as Indonesian dumps write it: {@code Rp13.399.000}, {@code Rp. 13.399.000}, {@code 13.399.000}, {@code 13.399.000,50},
     * {@code Rp 1,2 jt}, {@code 1,5 rb}, {@code 125000}. Dots group thousands, a comma marks decimals; a single
     * dot followed by anything but exactly three digits is rejected as ambiguous (use the decimal parser).
     */
    public static BigDecimal idr(String text) {
        String s = stripPrefix(squash(text), "rp.", "rp", "idr");
        if (s.endsWith(",-") || s.endsWith(".-")) s = s.substring(0, s.length() - 2);
        BigDecimal mult = BigDecimal.ONE;
        String lower = s.toLowerCase(Locale.ROOT);
        for (String[] suf : SUFFIXES) {
            if (lower.endsWith(suf[0])) {
                mult = new BigDecimal(suf[1]);
                s = s.substring(0, s.length() - suf[0].length()).trim();
                break;
            }
        }
        BigDecimal v = indonesianNumber(s, "BAD_PRICE", text, mult.equals(BigDecimal.ONE));
        return v.multiply(mult);
    }

    /**
     * {@link #idr(String)} for a row priced in {@code currency}: a rupiah marker ({@code Rp}, {@code IDR}) on a row whose
     * currency is not IDR is BAD_PRICE, not an amount converted at that currency's rate ({@code Rp150.000} in a USD row
     * would otherwise count as US$150,000).
     */
    public static BigDecimal idr(String text, String currency) {
        if (currency != null && !"IDR".equals(currency)) {
            Marker m = currencyMarker(squash(text));
            if (m.code != null && !m.accepts(currency)) throw markerMismatch(text, m.code, currency);
        }
        return idr(text);
    }

    /**
     * An amount as English-locale exports write it: commas group thousands, a dot marks decimals, a currency symbol or
     * ISO code before or after the number ({@code IDR 13,399}, {@code Rp13,399.00}, {@code $12.99}, {@code US$1,299.50},
     * {@code 12.99 USD}, {@code ¥88.00}, {@code 1299}). A marker that names another currency than the row's is
     * BAD_PRICE; so is Indonesian grouping ({@code 13.399.000}, read here as nonsense, use {@code idr}), and in a rupiah
     * amount a dot before exactly three digits ({@code Rp34.000}: Rp34,000 or Rp34 with a third decimal; as {@link
     * #decimal(String, String)}).
     *
     * @param currency the row's ISO 4217 code, or null to accept any marker
     */
    public static BigDecimal amountEn(String text, String currency) {
        String s = squash(text);
        boolean neg = s.startsWith("-");
        if (neg) s = s.substring(1).trim();
        Marker m = currencyMarker(s);
        if (m.code != null) {
            if (currency != null && !m.accepts(currency)) throw markerMismatch(text, m.code, currency);
            s = m.rest;
        }
        if (!neg && s.startsWith("-")) {
            neg = true;
            s = s.substring(1).trim();
        }
        if (!EN_GROUPED.matcher(s).matches() && !EN_PLAIN.matcher(s).matches()) {
            throw new ParseFailure("BAD_PRICE", "not an English-format amount (1,299.50): '" + text + "'" + rupiahHint(s));
        }
        // Rp34.000 in an English-locale column: read as 34.000 it was Rp34 for a Rp34,000 sale, accepted without a word
        // (the audit of 2 Dec 2026, under the shipped lazada.yaml); refused as decimal(text, "IDR") refuses it
        if (("IDR".equals(currency) || "IDR".equals(m.code)) && ONE_DOT_GROUP.matcher(s).matches()) {
            throw ambiguousRupiahDot(text, s, "amount_en");
        }
        BigDecimal v = new BigDecimal(s.replace(",", ""));
        return neg ? v.negate() : v;
    }

    private static final java.util.regex.Pattern EN_GROUPED = java.util.regex.Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final java.util.regex.Pattern EN_PLAIN = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?");

    /** Currency symbols and what they can mean; a bare {@code $} or {@code ¥} is any of its currencies. */
    private static final String[][] SYMBOLS = {
            {"rp.", "IDR"}, {"rp", "IDR"}, {"us$", "USD"}, {"s$", "SGD"}, {"hk$", "HKD"}, {"nt$", "TWD"}, {"a$", "AUD"},
            {"rmb", "CNY"}, {"rm", "MYR"}, {"cn¥", "CNY"}, {"₩", "KRW"}, {"₱", "PHP"}, {"฿", "THB"}, {"€", "EUR"}, {"£", "GBP"},
            {"$", "USD SGD HKD TWD AUD NZD CAD"}, {"¥", "CNY JPY"}, {"￥", "CNY JPY"}};

    private record Marker(String code, String rest) {
        boolean accepts(String currency) {
            return java.util.Arrays.asList(code.split(" ")).contains(currency);
        }
    }

    /** The currency marker before or after the number (a symbol or a three-letter code), and the text without it. */
    private static Marker currencyMarker(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (String[] sym : SYMBOLS) {
            if (lower.startsWith(sym[0])) return new Marker(sym[1], s.substring(sym[0].length()).trim());
        }
        if (s.length() > 3 && isCode(s, 0) && !Character.isLetter(s.charAt(3))) {
            return new Marker(s.substring(0, 3).toUpperCase(Locale.ROOT), s.substring(3).trim());
        }
        int n = s.length();
        if (n > 3 && isCode(s, n - 3) && !Character.isLetter(s.charAt(n - 4))) {
            return new Marker(s.substring(n - 3).toUpperCase(Locale.ROOT), s.substring(0, n - 3).trim());
        }
        return new Marker(null, s);
    }

    private static boolean isCode(String s, int from) {
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z')) return false;
        }
        return true;
    }

    private static ParseFailure markerMismatch(String text, String marker, String currency) {
        return new ParseFailure("BAD_PRICE", "'" + text + "' is written in " + marker.replace(" ", " or ")
                + " but the row's currency is " + currency + ": the currency column and the amount disagree");
    }

    /**
     * For an amount parser {@code decimal} or {@code amount_en} refuses ({@code s} squashed): the fix when it is rupiah as
     * Indonesians write them, with thousands dots ({@code 13.399.000}, {@code Rp 50.000}, {@code Rp13.399.000,-}) or marked
     * Rp/IDR ({@code Rp50000}); empty otherwise. {@code Rp 50.000} under {@code decimal} said only "not a decimal number",
     * and the parser that reads it was left to be found.
     */
    static String rupiahHint(String s) {
        String u = s.startsWith("-") ? s.substring(1).trim() : s;
        String marker = null;
        for (String p : new String[]{"rp.", "rp", "idr"}) {
            if (u.regionMatches(true, 0, p, 0, p.length())) {
                marker = u.substring(0, p.length());
                u = u.substring(p.length()).replace(" ", "");
                break;
            }
        }
        if (u.endsWith(",-")) u = u.substring(0, u.length() - 2);
        if (GROUPED.matcher(u).matches()) {
            return "; it looks like Indonesian rupiah with thousands dots: use parser idr, which reads it as "
                    + u.replace(".", "").replace(',', '.');
        }
        if (marker != null && (allDigits(u) || COMMA_DECIMAL.matcher(u).matches())) {
            return "; it is a rupiah amount marked '" + marker + "': use parser idr, which reads it as " + u.replace(',', '.');
        }
        return "";
    }

    /**
     * Whether parser {@code decimal} refuses {@code text} in a row priced in {@code currency} as an amount written the
     * Indonesian way, naming parser {@code idr} as the fix (above, and {@code 34.000} in a rupiah row): what the planner
     * counts in a file's first rows to warn once for a mapping whose price column has the wrong parser.
     */
    static boolean rupiahUnderDecimal(String text, String currency) {
        if (text == null || text.isBlank()) return false;
        try {
            decimal(text, currency);
            return false;
        } catch (ParseFailure f) {
            return f.getMessage().contains("parser idr");
        }
    }

    /** A plain decimal with a dot: {@code 12.50}, {@code 150000.00}, {@code 125000}. */
    public static BigDecimal decimal(String text) {
        String s = squash(text);
        if (!DOT_DECIMAL.matcher(s).matches()) {
            throw new ParseFailure("BAD_PRICE", "not a decimal number: '" + text + "'" + rupiahHint(s));
        }
        return new BigDecimal(s);
    }

    /**
     * {@link #decimal(String)} for a row priced in {@code currency}. In a rupiah row one to three digits, a dot and
     * exactly three digits ({@code 34.000}, {@code 150.000}) are refused as ambiguous (BAD_PRICE): Indonesians group
     * thousands with a dot, so it is most likely Rp34,000, and read as a decimal it was Rp34, a thousandth of the sale,
     * accepted without a word; rupiah have no third decimal place. The same rule as {@link #idr}'s, which refuses a dot
     * before anything but three digits: neither parser guesses. Other currencies keep the dot as a decimal point
     * ({@code 14.775} USD).
     */
    public static BigDecimal decimal(String text, String currency) {
        if ("IDR".equals(currency)) {
            String s = squash(text);
            String unsigned = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
            if (ONE_DOT_GROUP.matcher(unsigned).matches()) throw ambiguousRupiahDot(text, unsigned, "decimal");
        }
        return decimal(text);
    }

    /** {@code 34.000} in a rupiah amount read by {@code parser}: Rp34,000 in Indonesian grouping, or Rp34 with a third decimal. */
    private static ParseFailure ambiguousRupiahDot(String text, String unsigned, String parser) {
        String whole = unsigned.replace(".", "");
        return new ParseFailure("BAD_PRICE", "ambiguous: '" + text + "' in a rupiah row has a dot before exactly three "
                + "digits, Indonesian thousands grouping (" + whole + ") or a decimal point (a third decimal place, which "
                + "rupiah do not have), so parser " + parser + " does not guess; export it without grouping (" + whole
                + " or " + whole + ".00), or read the column with parser idr, which reads " + unsigned + " as " + whole);
    }

    /** One to three digits, a dot, exactly three digits: {@code 34.000}, Indonesian grouping or a third decimal. */
    private static final java.util.regex.Pattern ONE_DOT_GROUP = java.util.regex.Pattern.compile("\\d{1,3}\\.\\d{3}");

    /** Symbols a currency column may hold, which name several currencies and are not read as one. */
    private static final java.util.Map<String, String> SYMBOL_CURRENCIES = java.util.Map.of(
            "$", "a bare $ is any of USD, SGD, HKD, TWD, AUD, NZD, CAD", "¥", "a bare ¥ is CNY or JPY",
            "￥", "a bare ￥ is CNY or JPY");

    /** Currency names that are not ISO 4217 codes but mean exactly one: {@code RMB} (renminbi, CNY), {@code US$}. */
    private static final java.util.Map<String, String> CURRENCY_ALIASES = java.util.Map.of("RMB", "CNY", "US$", "USD", "RP", "IDR", "RP.", "IDR");

    /**
     * A currency column's value as an ISO 4217 code: trimmed, upper case, {@code RMB} (what Chinese storefronts write
     * for the renminbi) as {@code CNY}, {@code US$} as {@code USD} and {@code Rp} as {@code IDR}; anything but three letters
     * is UNKNOWN_CURRENCY. Ambiguous symbols ({@code $}, {@code ¥}) are not read: they name several currencies, as the
     * failure says.
     */
    public static String currency(String text) {
        String cur = nbspTrim(text).toUpperCase(Locale.ROOT);
        cur = CURRENCY_ALIASES.getOrDefault(cur, cur);
        if (cur.length() != 3 || !Character.isUpperCase(cur.charAt(0)) || !Character.isUpperCase(cur.charAt(1))
                || !Character.isUpperCase(cur.charAt(2))) {
            throw new ParseFailure("UNKNOWN_CURRENCY", "'" + cur + "' is not an ISO 4217 code" + (SYMBOL_CURRENCIES.containsKey(cur)
                    ? ": " + SYMBOL_CURRENCIES.get(cur) + "; write the code, or give the column a map ({\"" + cur + "\": USD}) if the "
                    + "export means one currency by it" : ": write a three-letter code (IDR, USD, CNY, SGD, ...)"));
        }
        return cur;
    }

    /**
     * Counts as listings and exports write them: {@code 5449}, {@code 2.500}, {@code 1,5 rb}, {@code 1,2 jt},
     * {@code Terjual 2 rb+}, {@code 100+}, {@code 10RB+ terjual}, {@code 1.2k sold}. A trailing {@code +} marks a lower
     * bound and is dropped. The result must be a whole number.
     */
    public static long count(String text) {
        String s = squash(text);
        String lower = s.toLowerCase(Locale.ROOT);
        int before = s.length();
        if (lower.startsWith("terjual")) s = s.substring(7).trim();
        else if (lower.startsWith("sold")) s = s.substring(4).trim();
        else if (lower.endsWith("terjual")) s = s.substring(0, s.length() - 7).trim();   // Shopee: 10RB+ terjual
        else if (lower.endsWith("sold")) s = s.substring(0, s.length() - 4).trim();      // English UI: 10k+ sold
        if (s.endsWith("+")) s = s.substring(0, s.length() - 1).trim();
        // a sold count's marks (Terjual, sold, +): only then is a bare "m" a million ("5 m" in a quantity column is metres)
        boolean soldCount = s.length() != before;
        lower = s.toLowerCase(Locale.ROOT);
        BigDecimal mult = BigDecimal.ONE;
        for (String[] suf : COUNT_SUFFIXES) {
            if (suf[0].equals("m") && !soldCount) continue;
            if (lower.endsWith(suf[0])) {
                mult = new BigDecimal(suf[1]);
                s = s.substring(0, s.length() - suf[0].length()).trim();
                break;
            }
        }
        // before a multiplier a dot with one or two digits after it can only be a decimal point (1.2k, 1.5 rb: grouping
        // takes three digits); with three (1.250 rb) it is Indonesian grouping, 1,250 thousand
        if (!mult.equals(BigDecimal.ONE) && SHORT_DOT_DECIMAL.matcher(s).matches()) s = s.replace('.', ',');
        BigDecimal v = indonesianNumber(s, "BAD_QUANTITY", text, mult.equals(BigDecimal.ONE)).multiply(mult);
        try {
            return v.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new ParseFailure("BAD_QUANTITY", "not a whole number of units: '" + text + "'");
        }
    }

    /** A plain whole number: {@code 3}, {@code -1}. */
    public static long integer(String text) {
        String s = squash(text);
        if (!WHOLE.matcher(s).matches()) throw new ParseFailure("BAD_QUANTITY", "not a whole number: '" + text + "'");
        return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
    }

    private static final String[][] SUFFIXES = {
            {"ribu", "1000"}, {"rb", "1000"}, {"juta", "1000000"}, {"jt", "1000000"}, {"miliar", "1000000000"}};
    /** Counts also take the English UI's {@code k} and {@code m} ({@code 10k+ sold}, {@code 1.2k sold}). */
    private static final String[][] COUNT_SUFFIXES = {
            {"ribu", "1000"}, {"rb", "1000"}, {"juta", "1000000"}, {"jt", "1000000"}, {"miliar", "1000000000"},
            {"k", "1000"}, {"m", "1000000"}};
    private static final java.util.regex.Pattern SHORT_DOT_DECIMAL = java.util.regex.Pattern.compile("\\d+\\.\\d{1,2}");

    private static final java.util.regex.Pattern GROUPED = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final java.util.regex.Pattern COMMA_DECIMAL = java.util.regex.Pattern.compile("\\d+,\\d+");
    private static final java.util.regex.Pattern DOT_DECIMAL = java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("[-+]?\\d{1,18}");

    private static boolean allDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /** One to three digits, a comma, exactly three digits: {@code 13,399}, a decimal comma or an English thousands group. */
    private static final java.util.regex.Pattern ONE_COMMA_GROUP = java.util.regex.Pattern.compile("\\d{1,3},\\d{3}");

    /**
     * @param unscaled no {@code rb}/{@code jt} suffix follows: then {@code 13,399} is refused as ambiguous. Read with a
     *                 decimal comma it is Rp13.40 (rupiah have no third decimal); an English-locale export writes
     *                 thirteen thousand three hundred ninety-nine that way, and a count of {@code 1,000} would be 1.
     *                 With a suffix ({@code 1,250 jt}) the comma can only be a decimal comma.
     */
    private static BigDecimal indonesianNumber(String s, String code, String original, boolean unscaled) {
        boolean neg = s.startsWith("-");
        if (neg) s = s.substring(1).trim();
        if (unscaled && ONE_COMMA_GROUP.matcher(s).matches()) {
            throw new ParseFailure(code, "ambiguous: '" + original + "' has a comma before exactly three digits, an English "
                    + "thousands separator (" + s.replace(",", "") + ") or a decimal comma (a third decimal place, which neither "
                    + "rupiah nor units have); export it with Indonesian grouping (" + (neg ? "-" : "") + s.replace(',', '.')
                    + ") or none (" + (neg ? "-" : "") + s.replace(",", "") + ")" + ("BAD_PRICE".equals(code) ? ", or read an English-locale column with parser amount_en" : ""));
        }
        String t;
        if (allDigits(s)) {
            t = s;
        } else if (GROUPED.matcher(s).matches() || COMMA_DECIMAL.matcher(s).matches()) {
            t = s.replace(".", "").replace(',', '.');
        } else {
            throw new ParseFailure(code, "not an Indonesian number: '" + original + "'" + notIndonesianHint(s, code));
        }
        BigDecimal v = new BigDecimal(t);
        return neg ? v.negate() : v;
    }

    /** Two amounts joined by a dash, {@code ~} or {@code s/d} ("sampai dengan"), the second perhaps marked Rp: {@code 649.500-Rp669.500} (spaces gone). */
    private static final java.util.regex.Pattern PRICE_RANGE = java.util.regex.Pattern.compile(
            "(?i)\\d[\\d.,]*(-|\u2013|\u2014|~|s/d)(rp\\.?|idr)?\\d[\\d.,]*(,-)?");
    private static final java.util.regex.Pattern ONE_DOT_OTHER = java.util.regex.Pattern.compile("\\d+\\.(\\d{1,2}|\\d{4,})");
    private static final java.util.regex.Pattern EN_LOCALE = java.util.regex.Pattern.compile("\\d{1,3}(,\\d{3})+\\.\\d+|\\d{1,3}(,\\d{3}){2,}");

    /**
     * What an amount that is no Indonesian number looks like instead, for the two shapes docs/MAPPINGS.md names: a single
     * dot before other than three digits ({@code 12.50}: a decimal point, not grouping) and English-locale grouping
     * ({@code 1,234,567}, {@code 1,234.50}). Empty otherwise, and for counts (no other parser reads a quantity).
     */
    private static String notIndonesianHint(String s, String code) {
        if (!"BAD_PRICE".equals(code)) return "";
        if (PRICE_RANGE.matcher(s).matches()) {
            return "; a price range (a listing whose variants are priced differently, as search results show it): the sold "
                    + "count is not split by variant, so no one price is the units' price and neraca does not pick one; map a "
                    + "column with a single price if the scrape has one, else these listings stay quarantined";
        }
        if (ONE_DOT_OTHER.matcher(s).matches()) {
            return "; ambiguous: a single dot before " + (s.length() - s.indexOf('.') - 1) + " digits is no Indonesian thousands "
                    + "grouping (which takes three), so it may be a decimal point: read the column with parser decimal (or "
                    + "amount_en for an English-locale export)";
        }
        if (EN_LOCALE.matcher(s).matches()) {
            return "; commas group its thousands as English-locale exports write them: read the column with parser amount_en";
        }
        return "";
    }

    private static String squash(String text) {
        if (text == null) throw new ParseFailure("MISSING_VALUE", "blank");
        String t = text.trim();
        boolean clean = true;
        for (int i = 0; i < t.length() && clean; i++) {
            char c = t.charAt(i);
            if (c == '\u00a0' || c == '\t' || (c == ' ' && i + 1 < t.length() && t.charAt(i + 1) == ' ')) clean = false;
        }
        return clean ? t : t.replace('\u00a0', ' ').trim().replaceAll("\\s+", " ");
    }

    /**
     * No-break spaces (U+00A0, and the figure and narrow ones U+2007, U+202F) as plain spaces, and the ends trimmed:
     * Excel and web copies put them where a space was meant ({@code Selesai\u00a0}, a header {@code Jumlah\u00a0}),
     * and {@link String#trim()} keeps them, so the text printed in an error looks right and still does not match.
     */
    public static String nbspTrim(String t) {
        if (t.indexOf('\u00a0') >= 0 || t.indexOf('\u2007') >= 0 || t.indexOf('\u202f') >= 0) {
            t = t.replace('\u00a0', ' ').replace('\u2007', ' ').replace('\u202f', ' ');
        }
        return t.trim();
    }

    private static String stripPrefix(String s, String... prefixes) {
        for (String p : prefixes) {
            if (s.regionMatches(true, 0, p, 0, p.length())) return s.substring(p.length()).replace(" ", "");
        }
        return s.indexOf(' ') >= 0 ? s.replace(" ", "") : s;
    }

    /** Rupiah amount to 2 places, HALF_UP. */
    public static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * A compiled time format: a keyword or a pattern, and what the pattern yields (offset, date-time, date).
     * {@code pattern} is the pattern as written (a workbook's date cell is written with it); {@code reader} reads with
     * it leniently ({@link #reader}), and {@code indonesian} the same with Indonesian month and day names.
     */
    public record Fmt(String name, DateTimeFormatter pattern, int kind, DateTimeFormatter reader, DateTimeFormatter indonesian)
            implements java.io.Serializable {
        static final int KEYWORD = 0, OFFSET = 1, DATE_TIME = 2, DATE = 3;

        Fmt(String name, DateTimeFormatter pattern, int kind) {
            this(name, pattern, kind, null, null);
        }
    }

    /** Indonesian month and day names (CLDR: Mei, Agu, Okt, Des; Januari .. Desember; Sen .. Min). */
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    /**
     * A point in time from one of {@code formats}: date-time patterns (read in {@code zone} unless they carry an
     * offset), {@code iso} (ISO-8601, offset optional), {@code epoch_seconds}, {@code epoch_millis}, or
     * {@code epoch} (millis when the number has 12 or more digits, else seconds). Each pattern is parsed straight
     * into the type it yields, so a valid row costs no exception.
     */
    public static Instant instant(String text, List<Fmt> formats, ZoneId zone) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) throw new ParseFailure("MISSING_VALUE", "blank");
        for (Fmt f : formats) {
            try {
                switch (f.name()) {
                    case "epoch_seconds":
                        if (digits(s, 1, 11)) return Instant.ofEpochSecond(Long.parseLong(s));
                        continue;
                    case "epoch_millis":
                        if (digits(s, 1, 15)) return Instant.ofEpochMilli(Long.parseLong(s));
                        continue;
                    case "epoch":
                        if (digits(s, 12, 15)) return Instant.ofEpochMilli(Long.parseLong(s));
                        if (digits(s, 1, 11)) return Instant.ofEpochSecond(Long.parseLong(s));
                        continue;
                    case "iso": {
                        int t = s.indexOf('T') >= 0 ? s.indexOf('T') : s.indexOf(' ');
                        boolean offset = t > 0 && (s.endsWith("Z") || s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0);
                        String iso = t > 0 && s.charAt(t) == ' ' ? s.substring(0, t) + "T" + s.substring(t + 1) : s;
                        if (offset) return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                        return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toInstant();
                    }
                    default:
                        try {
                            return pattern(s, f.reader(), f.kind(), zone);
                        } catch (DateTimeException e) {
                            if (f.indonesian() == null) throw e;
                            try {
                                return pattern(s, f.indonesian(), f.kind(), zone);   // 14 Agu 2024, 5 Desember 2023
                            } catch (DateTimeException e2) {
                                String v = monthVariants(s);                        // 14 Agt 2024, 10 Nopember 2023
                                if (v.equals(s)) throw e2;
                                try {
                                    return pattern(v, f.indonesian(), f.kind(), zone);
                                } catch (DateTimeException e3) {
                                    return pattern(v, f.reader(), f.kind(), zone);   // 5 Sept 2024
                                }
                            }
                        }
                }
            } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
                // try the next format (DateTimeParseException, or a real-date failure like 31/02)
            }
        }
        throw new ParseFailure("BAD_DATE", "'" + s + "' " + dateFailure(s, formats));
    }

    /**
     * Month names written beside the ones CLDR gives ({@code Agu}, {@code Nov}, {@code Feb}, {@code Sep}): {@code Agt}
     * (the Indonesian dictionary's abbreviation of Agustus, as common in exports as Agu), the older spellings
     * {@code Nopember}/{@code Nop} and {@code Pebruari}/{@code Peb}, and {@code Sept}. A pattern with {@code MMM} or
     * {@code MMMM} read none of them: a Blibli-style export's August was every row BAD_DATE (the audit of 2 Dec 2026).
     */
    private static final java.util.regex.Pattern MONTH_VARIANTS = java.util.regex.Pattern.compile(
            "(?iu)(?<![\\p{L}])(agt|agst|nopember|nop|pebruari|peb|sept)(?![\\p{L}])");
    private static final java.util.Map<String, String> MONTH_CANONICAL = java.util.Map.of("agt", "Agu", "agst", "Agu",
            "nopember", "November", "nop", "Nov", "pebruari", "Februari", "peb", "Feb", "sept", "Sep");

    /** {@code s} with the month name variants of {@link #MONTH_VARIANTS} written as CLDR writes them; {@code s} itself when none. */
    static String monthVariants(String s) {
        java.util.regex.Matcher m = MONTH_VARIANTS.matcher(s);
        if (!m.find()) return s;
        StringBuilder b = new StringBuilder();
        do {
            m.appendReplacement(b, MONTH_CANONICAL.get(m.group(1).toLowerCase(Locale.ROOT)));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }

    /**
     * Why no format read {@code s}, as a user can act on it: a value laid out as a pattern but not a real date or time
     * (31/02, 25:00) is not helped by another format; an epoch with the other unit's digits names that unit.
     */
    static String dateFailure(String s, List<Fmt> formats) {
        List<String> names = formats.stream().map(Fmt::name).toList();
        for (Fmt f : formats) {
            if (f.kind() == Fmt.KEYWORD) continue;
            for (DateTimeFormatter p : new DateTimeFormatter[]{f.reader(), f.indonesian()}) {
                if (p == null) continue;
                java.text.ParsePosition pos = new java.text.ParsePosition(0);
                if (p.parseUnresolved(s, pos) != null && pos.getErrorIndex() < 0 && pos.getIndex() == s.length()) {
                    return "has the layout of " + f.name() + " but is not a real date or time (a day the month does not "
                            + "have, such as 31 February, or an hour or minute out of range)";
                }
            }
        }
        String hint = "";
        if (digits(s, 12, 15) && names.contains("epoch_seconds") && !names.contains("epoch_millis") && !names.contains("epoch")) {
            hint = "; its " + s.length() + " digits are epoch milliseconds (" + Instant.ofEpochMilli(Long.parseLong(s)).toString()
                    .substring(0, 10) + " UTC), not seconds: set its formats to [epoch_millis] (or [epoch], which tells them "
                    + "apart by their digits)";
        }
        if (hint.isEmpty()) {
            String reads = patternThatReads(s, names);
            if (reads != null) hint = "; the pattern '" + reads + "' reads it: add it to formats (docs/MAPPINGS.md, \"Parsers\")";
        }
        return "matches none of " + names + hint;
    }

    /**
     * Layouts Indonesian and English-locale exports write times in, day first before month first (an Indonesian
     * {@code 05/01/2024} is 5 January): the first that reads a value no format of the mapping read is named in its
     * BAD_DATE detail. "matches none of [d MMM yyyy HH:mm]" for {@code 9 Januari 2024 11:41} left the user to find that
     * a full month name is {@code MMMM}.
     */
    private static final List<Fmt> COMMON_LAYOUTS = compile(List.of(
            "dd-MM-yyyy HH:mm", "dd-MM-yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "dd.MM.yyyy HH:mm",
            "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy/MM/dd HH:mm:ss",
            "d MMMM yyyy HH:mm", "d MMMM yyyy HH:mm:ss", "d MMMM yyyy HH.mm", "d MMMM yyyy, HH:mm",
            "d MMM yyyy HH:mm", "d MMM yyyy HH:mm:ss", "d MMM yyyy, HH:mm",
            "MM/dd/yyyy h:mm a", "MM/dd/yyyy h:mm:ss a", "MM/dd/yyyy HH:mm", "MM/dd/yyyy HH:mm:ss",
            "dd-MM-yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "MM/dd/yyyy"));

    /** The first of {@link #COMMON_LAYOUTS} not in {@code tried} that reads {@code s} as a real date, or null. */
    static String patternThatReads(String s, List<String> tried) {
        for (Fmt f : COMMON_LAYOUTS) {
            if (tried.contains(f.name())) continue;
            for (DateTimeFormatter p : new DateTimeFormatter[]{f.reader(), f.indonesian()}) {
                if (p == null) continue;
                java.text.ParsePosition pos = new java.text.ParsePosition(0);   // the layout first: no exception per miss
                if (p.parseUnresolved(s, pos) == null || pos.getErrorIndex() >= 0 || pos.getIndex() != s.length()) continue;
                try {
                    pattern(s, p, f.kind(), java.time.ZoneOffset.UTC);
                    return f.name();
                } catch (DateTimeException e) {
                    // laid out so, but not a real date under it (13/25/2024 as MM/dd): try the next
                }
            }
        }
        return null;
    }

    private static Instant pattern(String s, DateTimeFormatter p, int kind, ZoneId zone) {
        return switch (kind) {
            case Fmt.OFFSET -> OffsetDateTime.parse(s, p).toInstant();
            case Fmt.DATE_TIME -> LocalDateTime.parse(s, p).atZone(zone).toInstant();
            default -> LocalDate.parse(s, p).atStartOfDay(zone).toInstant();
        };
    }

    private static boolean digits(String s, int min, int max) {
        int n = s.length();
        if (n < min || n > max) return false;
        for (int i = 0; i < n; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /** Compiles the formats once. */
    public static List<Fmt> compile(List<String> formats) {
        return formats.stream().map(f -> switch (f) {
            case "iso", "epoch_seconds", "epoch_millis", "epoch" -> new Fmt(f, null, Fmt.KEYWORD);
            default -> {
                String letters = f.replaceAll("'[^']*'", "");
                int kind = letters.matches(".*[XxZO].*") ? Fmt.OFFSET : letters.matches(".*[HhkKm].*") ? Fmt.DATE_TIME : Fmt.DATE;
                // STRICT so 31/02 is an error, not 28/02; STRICT needs the proleptic year 'u' instead of year-of-era 'y'
                DateTimeFormatter root = DateTimeFormatter.ofPattern(f.replace('y', 'u'), Locale.ROOT)
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT);
                DateTimeFormatter reader = reader(f, Locale.ROOT);
                // month or day names (MMM, EEE) are English in Locale.ROOT; Indonesian exports write Mei, Agu, Okt, Des:
                // such a pattern also reads the Indonesian names
                yield new Fmt(f, root, kind, reader, letters.matches(".*(MMM|LLL|E).*") ? reader(f, INDONESIAN) : null);
            }
        }).toList();
    }

    /**
     * The formatter that reads {@code pattern}: strict about dates ({@code 31/02} fails; {@code u} for {@code y}), but
     * case-insensitive ({@code pm}, {@code NOV}), and a two-letter day, month or hour ({@code dd}, {@code MM},
     * {@code HH}, {@code hh}) between separators reads one or two digits: US-style exports write {@code 1/5/2025 2:05 PM}
     * for {@code MM/dd/yyyy h:mm a}, and a padded {@code 01/05/2025} still reads. A field next to another letter
     * ({@code yyyyMMdd}, {@code HHmm}) keeps its fixed width: without a separator the digits could not be told apart.
     */
    static DateTimeFormatter reader(String pattern, Locale locale) {
        StringBuilder b = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') quoted = !quoted;
            if (!quoted && (c == 'd' || c == 'M' || c == 'H' || c == 'h') && i + 1 < pattern.length() && pattern.charAt(i + 1) == c
                    && (i == 0 || !Character.isLetter(pattern.charAt(i - 1)))
                    && (i + 2 == pattern.length() || !Character.isLetter(pattern.charAt(i + 2)))) {
                b.append(c);   // dd -> d: one or two digits
                i++;
                continue;
            }
            b.append(c == 'y' && !quoted ? 'u' : c);
        }
        return new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(b.toString())
                .toFormatter(locale).withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    /** A month {@code yyyy-MM} from {@code yyyy-MM}, {@code yyyy-MM-dd} or {@code yyyyMM}. */
    public static String month(String text) {
        String s = text == null ? "" : text.trim();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{4})-?(\\d{2})(?:-?\\d{2})?$").matcher(s);
        String year;
        String month;
        if (m.matches()) {
            year = m.group(1);
            month = m.group(2);
        } else {
            // dd-MM-yyyy, the Indonesian order, as a scrape names its file (sample_data_09-02-2023.csv): day first, never
            // month first (a US 02-09-2023 would be read as 2 September)
            java.util.regex.Matcher d = DAY_FIRST.matcher(s);
            if (!d.matches()) throw new ParseFailure("BAD_DATE", "not a month (yyyy-MM, or dd-MM-yyyy): '" + text + "'");
            year = d.group(2);
            month = d.group(1);
        }
        int mo = Integer.parseInt(month);
        if (mo < 1 || mo > 12) throw new ParseFailure("BAD_DATE", "not a month (yyyy-MM, or dd-MM-yyyy): '" + text + "'");
        return year + "-" + month;
    }

    private static final java.util.regex.Pattern DAY_FIRST = java.util.regex.Pattern.compile("^\\d{2}-(\\d{2})-(\\d{4})$");

    /**
     * A scrape's date as {@code yyyy-MM-dd} (from {@code yyyy-MM-dd}, {@code yyyyMMdd} or {@code dd-MM-yyyy}), or
     * {@code yyyy-MM} when the text names a month only; null when it is no date. Orders two scrapes of one month.
     */
    public static String snapshotDate(String text) {
        String s = text == null ? "" : text.trim();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{4})-?(\\d{2})(?:-?(\\d{2}))?$").matcher(s);
        if (m.matches()) return m.group(1) + "-" + m.group(2) + (m.group(3) == null ? "" : "-" + m.group(3));
        java.util.regex.Matcher d = java.util.regex.Pattern.compile("^(\\d{2})-(\\d{2})-(\\d{4})$").matcher(s);
        return d.matches() ? d.group(3) + "-" + d.group(2) + "-" + d.group(1) : null;
    }

    /** Yes/No in English and Indonesian; blank is null (the marketplace says nothing). */
    public static Boolean bool(String text) {
        if (text == null || text.isBlank()) return null;
        return switch (nbspTrim(text).toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "ya", "iya" -> Boolean.TRUE;
            case "no", "n", "false", "0", "tidak", "bukan" -> Boolean.FALSE;
            default -> throw new ParseFailure("BAD_VALUE", "not a yes/no value: '" + text + "'");
        };
    }

    /**
     * A text field without control characters: each run of C0 controls or DEL (a NUL byte from a broken export, a
     * tab or line break inside a quoted title, a BEL), with the spaces beside it, becomes one space, then the ends are
     * trimmed; blank is null.
     * A NUL in a title makes Python's csv module refuse the audit sample and spreadsheets cut the cell; no marketplace
     * field means anything by one. Text without controls (nearly all) is returned as it is, trimmed, without a copy.
     */
    public static String text(String t) {
        if (t == null) return null;
        int n = t.length();
        int i = 0;
        while (i < n && !control(t.charAt(i))) i++;
        if (i == n) {
            String s = t.trim();
            return s.isEmpty() ? null : s;
        }
        StringBuilder b = new StringBuilder(n).append(t, 0, i);
        boolean inRun = false;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (control(c)) {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') b.append(' ');
                inRun = true;
            } else if (c == ' ' && inRun) {
                continue;  // spaces beside a run are part of it: one space in all
            } else {
                b.append(c);
                inRun = false;
            }
        }
        String s = b.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private static boolean control(char c) {
        return c < 0x20 || c == 0x7F;
    }

    /**
     * The path of a URL without leading slash and query, optionally the first {@code segments} segments. With
     * {@code urlParam}, a URL found URL-encoded in that query parameter is used instead (Tokopedia's ad links
     * carry the product URL in {@code r=}).
     */
    public static String urlPath(String text, String urlParam, Integer segments) {
        if (text == null || text.isBlank()) return null;
        String url = text.trim();
        if (urlParam != null) {
            int q = url.indexOf('?');
            if (q >= 0) {
                for (String kv : url.substring(q + 1).split("&")) {
                    if (kv.startsWith(urlParam + "=")) {
                        url = java.net.URLDecoder.decode(kv.substring(urlParam.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
                        break;
                    }
                }
            }
        }
        String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
        int cut = path.indexOf('?');
        if (cut >= 0) path = path.substring(0, cut);
        cut = path.indexOf('#');
        if (cut >= 0) path = path.substring(0, cut);
        path = path.replaceAll("^/+|/+$", "");
        if (path.isEmpty()) throw new ParseFailure("BAD_VALUE", "URL has no path: '" + text + "'");
        if (segments != null) {
            String[] parts = path.split("/+");
            if (parts.length < segments) throw new ParseFailure("BAD_VALUE", "URL path has fewer than " + segments + " segments: '" + path + "'");
            path = String.join("/", java.util.Arrays.copyOf(parts, segments));
        }
        return path;
    }
}
