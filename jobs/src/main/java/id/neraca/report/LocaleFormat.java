package id.neraca.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers, money, months and dates in a report language's own style. Money is exact (BigDecimal in rupiah)
 * and scaled to the largest of triliun/trillion (10^12), miliar/billion (10^9) and juta/million (10^6) it
 * reaches, with one decimal, rounded half up:
 * <ul>
 *   <li>{@code id}: {@code Rp1.234,5 triliun}, {@code Rp12,0 miliar}, {@code Rp3,4 juta}, {@code Rp125.000}</li>
 *   <li>{@code en}: {@code IDR 1,234.5 trillion}, {@code IDR 12.0 billion}, {@code IDR 3.4 million}, {@code IDR 125,000}</li>
 * </ul>
 * Months read {@code Januari 2025} / {@code January 2025}. Separators are fixed per language, not taken from
 * the JVM's default locale, so the output is the same on every machine.
 */
public final class LocaleFormat {
    private static final BigDecimal TRILLION = new BigDecimal("1000000000000");
    private static final BigDecimal BILLION = new BigDecimal("1000000000");
    private static final BigDecimal MILLION = new BigDecimal("1000000");

    private final String lang;
    private final Locale locale;
    private final DecimalFormatSymbols symbols;

    private LocaleFormat(String lang) {
        this.lang = lang;
        this.locale = lang.equals("id") ? Locale.forLanguageTag("id-ID") : Locale.forLanguageTag("en-GB");
        this.symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(lang.equals("id") ? ',' : '.');
        symbols.setGroupingSeparator(lang.equals("id") ? '.' : ',');
        symbols.setMinusSign('-');
    }

    /** {@code id} (Bahasa Indonesia) or {@code en} (English). */
    public static LocaleFormat of(String lang) {
        if (!ReportConfig.SUPPORTED_LANGUAGES.contains(lang)) {
            throw new IllegalArgumentException("unsupported report language '" + lang + "'; allowed: " + ReportConfig.SUPPORTED_LANGUAGES);
        }
        return new LocaleFormat(lang);
    }

    public String lang() {
        return lang;
    }

    /**
     * Rupiah, scaled: {@code Rp1.234,5 triliun} / {@code IDR 1,234.5 trillion}; null gives an en dash. A negative amount
     * carries the minus sign U+2212 ({@code −Rp2.590,2 triliun}): after a hyphen-minus a line may break before the
     * letters, and the printed target table showed a gap of "-" on one line and "Rp2.590,2 triliun" under it, a shortfall
     * to the eye where the projection is above the target (the print audit of 2 Dec 2026).
     */
    public String money(BigDecimal idr) {
        if (idr == null) return "–";
        BigDecimal abs = idr.abs();
        String sign = idr.signum() < 0 ? "\u2212" : "";
        String prefix = lang.equals("id") ? "Rp" : "IDR ";
        BigDecimal[] units = {TRILLION, BILLION, MILLION};
        String[] names = lang.equals("id")
                ? new String[]{"triliun", "miliar", "juta"}
                : new String[]{"trillion", "billion", "million"};
        // the largest unit the value reaches; when rounding to one decimal makes it 1.000,0 of a unit,
        // the next unit up reads better (999,96 juta -> 1,0 miliar)
        int unit = -1;
        for (int i = 0; i < units.length && unit < 0; i++) if (abs.compareTo(units[i]) >= 0) unit = i;
        if (unit >= 0) {
            BigDecimal scaled = abs.divide(units[unit]).setScale(1, RoundingMode.HALF_UP);
            if (unit > 0 && scaled.compareTo(BigDecimal.valueOf(1000)) >= 0) {
                unit--;
                scaled = abs.divide(units[unit]).setScale(1, RoundingMode.HALF_UP);
            }
            return sign + prefix + decimal(scaled, 1) + " " + names[unit];
        }
        return sign + prefix + decimal(abs, 0);
    }

    /**
     * A range in one unit, the unit of the larger end: {@code Rp452,7 – 975,0 triliun} /
     * {@code IDR 452.7 – 975.0 trillion}; en dash when either end is missing.
     */
    public String moneyRange(BigDecimal lo, BigDecimal hi) {
        if (lo == null || hi == null) return "–";
        String h = money(hi);
        BigDecimal[] units = {TRILLION, BILLION, MILLION};
        String[] names = lang.equals("id")
                ? new String[]{"triliun", "miliar", "juta"}
                : new String[]{"trillion", "billion", "million"};
        for (int i = 0; i < units.length; i++) {
            if (h.endsWith(" " + names[i]) && lo.signum() >= 0) {
                String prefix = lang.equals("id") ? "Rp" : "IDR ";
                return prefix + decimal(lo.divide(units[i]), 1) + " – " + h.substring(h.indexOf(prefix) + prefix.length());
            }
        }
        return money(lo) + " – " + h;
    }

    /** A plain number with the language's separators and {@code digits} decimals (half up). */
    public String decimal(BigDecimal v, int digits) {
        if (v == null) return "–";
        DecimalFormat f = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), symbols);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v.setScale(digits, RoundingMode.HALF_UP));
    }

    public String decimal(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "–";
        return decimal(BigDecimal.valueOf(v), digits);
    }

    public String count(long n) {
        return decimal(BigDecimal.valueOf(n), 0);
    }

    private static final BigDecimal HALF_TENTH = new BigDecimal("0.05");

    /**
     * A percentage with one decimal: {@code 42,3%} / {@code 42.3%}. A share that is not zero but rounds to zero
     * reads {@code <0,1%} / {@code <0.1%} (a small negative value {@code >-0,1%}): "0.0%" would say there is none.
     */
    public String pct(BigDecimal pct) {
        if (pct == null) return "–";
        if (pct.signum() != 0 && pct.abs().compareTo(HALF_TENTH) < 0) {
            return (pct.signum() > 0 ? "<" : ">-") + decimal(new BigDecimal("0.1"), 1) + "%";
        }
        return decimal(pct, 1) + "%";
    }

    /** A change in percentage points with its sign: {@code +1,2 poin persen} / {@code +1.2 percentage points}. */
    public String pp(BigDecimal change) {
        if (change == null) return "–";
        // a change that is not zero but rounds to 0.0 shows its first significant digit (at most 4 decimals): "-0.0
        // percentage points" beside a figure marked changed read as a contradiction (a move of -0.004 points)
        BigDecimal abs = change.abs();
        int places = 1;
        if (abs.signum() != 0 && abs.setScale(1, java.math.RoundingMode.HALF_UP).signum() == 0) {
            BigDecimal stripped = abs.stripTrailingZeros();
            places = Math.min(4, Math.max(2, stripped.scale() - stripped.precision() + 1));
            abs = abs.max(new BigDecimal("0.0001")); // smaller still: shown as the smallest step, never as zero
        }
        String s = decimal(abs, places);
        String sign = change.signum() > 0 ? "+" : change.signum() < 0 ? "-" : "±";
        return sign + s + (lang.equals("id") ? " poin persen" : " percentage points");
    }

    /** {@code 2025-01} as {@code Januari 2025} / {@code January 2025}; other text is returned as is. */
    public String month(String yyyyMm) {
        if (yyyyMm == null) return "–";
        try {
            return DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(YearMonth.parse(yyyyMm));
        } catch (RuntimeException e) {
            return yyyyMm;
        }
    }

    /** {@code 2026-12-01} as {@code 1 Desember 2026} / {@code 1 December 2026}; other text is returned as is. */
    public String date(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) return "–";
        try {
            return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(java.time.LocalDate.parse(isoDate));
        } catch (RuntimeException e) {
            return isoDate;
        }
    }

    /** An instant as a date and time in UTC: {@code 29 November 2026 06.11 UTC} / {@code 29 November 2026 06:11 UTC}. */
    public String dateTime(Instant t) {
        if (t == null) return "–";
        String pattern = lang.equals("id") ? "d MMMM yyyy HH.mm 'UTC'" : "d MMMM yyyy HH:mm 'UTC'";
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(ZoneOffset.UTC).format(t);
    }

    public String dateTime(String iso) {
        if (iso == null || iso.isBlank()) return "–";
        try {
            return dateTime(Instant.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }
}
