package id.neraca.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocaleFormatTest {
    private final LocaleFormat id = LocaleFormat.of("id");
    private final LocaleFormat en = LocaleFormat.of("en");

    @Test
    void trillionsInEachLanguagesStyle() {
        BigDecimal v = new BigDecimal("1234500000000000");
        assertEquals("Rp1.234,5 triliun", id.money(v));
        assertEquals("IDR 1,234.5 trillion", en.money(v));
    }

    @Test
    void billionsAndMillions() {
        assertEquals("Rp12,0 miliar", id.money(new BigDecimal("12000000000")));
        assertEquals("IDR 12.0 billion", en.money(new BigDecimal("12000000000")));
        assertEquals("Rp3,5 juta", id.money(new BigDecimal("3450000")));
        assertEquals("IDR 3.5 million", en.money(new BigDecimal("3450000")));
        assertEquals("Rp125.000", id.money(new BigDecimal("125000.00")));
        assertEquals("IDR 125,000", en.money(new BigDecimal("125000.00")));
    }

    @Test
    void roundingHalfUpMovesToTheNextUnitWhenItReachesOne() {
        assertEquals("Rp1,0 miliar", id.money(new BigDecimal("999960000")));
        assertEquals("IDR 999.9 million", en.money(new BigDecimal("999940000")));
        assertEquals("IDR 960.0 million", en.money(new BigDecimal("960000000")));
        assertEquals("Rp999.960", id.money(new BigDecimal("999960")));
        assertEquals("Rp999.940", id.money(new BigDecimal("999940")));
        // the minus sign U+2212, which no line breaks after (after a hyphen-minus one may, before "Rp" / "IDR")
        assertEquals("\u2212Rp2,5 triliun", id.money(new BigDecimal("-2450000000000")));
        assertEquals("\u2212IDR 125,000", en.money(new BigDecimal("-125000")));
        assertEquals("–", id.money(null));
    }

    @Test
    void rangesShareTheUnitOfTheLargerEnd() {
        assertEquals("Rp452,7 – 975,0 triliun", id.moneyRange(new BigDecimal("452700000000000"), new BigDecimal("975000000000000")));
        assertEquals("IDR 0.9 – 1.5 trillion", en.moneyRange(new BigDecimal("900000000000"), new BigDecimal("1500000000000")));
        assertEquals("–", en.moneyRange(null, BigDecimal.ONE));
    }

    @Test
    void percentagesAndPoints() {
        assertEquals("42,3%", id.pct(new BigDecimal("42.25")));
        assertEquals("42.3%", en.pct(new BigDecimal("42.25")));
        // a share that exists but rounds to nothing is not "0.0%"
        assertEquals("<0,1%", id.pct(new BigDecimal("0.0499")));
        assertEquals("<0.1%", en.pct(new BigDecimal("0.0001")));
        assertEquals(">-0.1%", en.pct(new BigDecimal("-0.02")));
        assertEquals("0.1%", en.pct(new BigDecimal("0.05")));
        assertEquals("0,0%", id.pct(BigDecimal.ZERO));
        assertEquals("0.0%", en.pct(new BigDecimal("0.0000")));
        assertEquals("+1,2 poin persen", id.pp(new BigDecimal("1.24")));
        assertEquals("-0.5 percentage points", en.pp(new BigDecimal("-0.45")));
        // not zero but under 0.05: its first significant digit, not "-0.0" beside a figure marked changed
        assertEquals("-0.004 percentage points", en.pp(new BigDecimal("-0.0040")));
        assertEquals("+0,03 poin persen", id.pp(new BigDecimal("0.031")));
        assertEquals("-0.0001 percentage points", en.pp(new BigDecimal("-0.00002")));
        assertEquals("±0.0 percentage points", en.pp(BigDecimal.ZERO));
        assertEquals("1.234.567", id.count(1234567));
        assertEquals("1,234,567", en.count(1234567));
    }

    @Test
    void monthsAndDatesLocalised() {
        assertEquals("Januari 2025", id.month("2025-01"));
        assertEquals("January 2025", en.month("2025-01"));
        assertEquals("Agustus 2024", id.month("2024-08"));
        assertEquals("29 November 2026 06.11 UTC", id.dateTime(Instant.parse("2026-11-29T06:11:00Z")));
        assertEquals("29 November 2026 06:11 UTC", en.dateTime(Instant.parse("2026-11-29T06:11:00Z")));
        assertEquals("2025", en.month("2025"));
    }

    @Test
    void unknownLanguageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LocaleFormat.of("fr"));
    }
}
