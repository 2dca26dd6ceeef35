package id.neraca.ingest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParsersTest {
    private static void bad(String code, org.junit.jupiter.api.function.Executable e) {
        ParseFailure f = assertThrows(ParseFailure.class, e);
        assertEquals(code, f.code(), f.getMessage());
    }

    @Test
    void idrReadsIndonesianRupiah() {
        assertEquals(new BigDecimal("13399000"), Parsers.idr("Rp13.399.000"));
        assertEquals(new BigDecimal("13399000"), Parsers.idr("Rp 13.399.000"));
        assertEquals(new BigDecimal("13399000"), Parsers.idr("13.399.000"));
        assertEquals(new BigDecimal("13399000.50"), Parsers.idr("13.399.000,50"));
        assertEquals(new BigDecimal("10000"), Parsers.idr("Rp10.000,-"));
        assertEquals(new BigDecimal("5449"), Parsers.idr("5449"));
        assertEquals(new BigDecimal("125000"), Parsers.idr("IDR 125000"));
        assertEquals(0, new BigDecimal("1500").compareTo(Parsers.idr("1,5 rb")));
        assertEquals(0, new BigDecimal("1200000").compareTo(Parsers.idr("Rp1,2 jt")));
        assertEquals(0, new BigDecimal("-5000").compareTo(Parsers.idr("-5.000")));
        assertEquals(new BigDecimal("999"), Parsers.idr("Rp999"));
    }

    @Test
    void idrRejectsWhatIsNotRupiah() {
        bad("BAD_PRICE", () -> Parsers.idr("abc"));
        bad("BAD_PRICE", () -> Parsers.idr("Rp"));
        bad("BAD_PRICE", () -> Parsers.idr("12.50"));        // a decimal dot is ambiguous in rupiah: use parser decimal
        bad("BAD_PRICE", () -> Parsers.idr("1.2345.000"));   // broken grouping
        bad("BAD_PRICE", () -> Parsers.idr("13,399,000"));   // English grouping
        bad("MISSING_VALUE", () -> Parsers.idr(null));
    }

    @Test
    void aCommaBeforeExactlyThreeDigitsIsAmbiguousNotThirteenRupiah() {
        // an English-locale export writes thirteen thousand three hundred ninety-nine as 13,399: read with a decimal
        // comma it was Rp13.40, a thousandth of the sale, accepted without a word; and a count of 1,000 was 1 unit
        ParseFailure f = assertThrows(ParseFailure.class, () -> Parsers.idr("13,399"));
        assertEquals("BAD_PRICE", f.code());
        assertTrue(f.getMessage().contains("'13,399'") && f.getMessage().contains("(13.399)") && f.getMessage().contains("(13399)"),
                f.getMessage());
        bad("BAD_PRICE", () -> Parsers.idr("Rp 13,399"));
        bad("BAD_PRICE", () -> Parsers.idr("IDR 999,000"));
        bad("BAD_PRICE", () -> Parsers.idr("-1,500"));
        bad("BAD_QUANTITY", () -> Parsers.count("1,000"));
        bad("BAD_QUANTITY", () -> Parsers.count("Terjual 2,500+"));
        // what stays unambiguous: two decimals, Indonesian grouping, a comma under rb/jt (only a decimal comma scales)
        assertEquals(new BigDecimal("13.39"), Parsers.idr("13,39"));
        assertEquals(new BigDecimal("13399.500"), Parsers.idr("13.399,500"));
        assertEquals(0, new BigDecimal("1250000").compareTo(Parsers.idr("1,250 jt")));
        assertEquals(1250, Parsers.count("1,250 rb"));
        assertEquals(1000, Parsers.count("1.000"));
    }

    @Test
    void idrReadsRpWithAFullStopAsIndonesiansAbbreviateIt() {
        // "Rp." is how rupiah are abbreviated in print, in shop listings and in hand-made price columns
        assertEquals(new BigDecimal("13399000"), Parsers.idr("Rp. 13.399.000"));
        assertEquals(new BigDecimal("13399000"), Parsers.idr("Rp.13.399.000,-"));
        assertEquals(new BigDecimal("50000.50"), Parsers.idr("RP. 50.000,50"));
        bad("BAD_PRICE", () -> Parsers.idr("Rp."));
    }

    @Test
    void monthNamesAreReadInIndonesianAsWellAsEnglish() {
        // an Indonesian-language export writes Mei, Agu, Okt, Des: under dd MMM yyyy (Locale.ROOT, English) a third of
        // the year was BAD_DATE, and no second format could help (the locale was not the mapping's to choose)
        assertEquals(Instant.parse("2024-08-14T03:05:00Z"), at("14 Agu 2024 10:05", "dd MMM yyyy HH:mm"));
        assertEquals(Instant.parse("2024-08-14T03:05:00Z"), at("14 Aug 2024 10:05", "dd MMM yyyy HH:mm"));
        assertEquals(Instant.parse("2024-05-01T03:05:00Z"), at("01 Mei 2024 10:05", "dd MMM yyyy HH:mm"));
        assertEquals(Instant.parse("2023-10-31T17:00:00Z"), at("1 Nov 2023", "d MMM yyyy"));
        assertEquals(Instant.parse("2023-12-04T17:00:00Z"), at("5 Desember 2023", "d MMMM yyyy"));
        assertEquals(Instant.parse("2023-12-04T17:00:00Z"), at("Selasa, 5 Desember 2023", "EEEE, d MMMM yyyy"));
        bad("BAD_DATE", () -> at("31 Agu 2024 25:00", "dd MMM yyyy HH:mm"));
        bad("BAD_DATE", () -> at("30 Feb 2024 10:00", "dd MMM yyyy HH:mm"));   // still strict
    }

    @Test
    void decimalIsPlainDotDecimal() {
        assertEquals(new BigDecimal("12.50"), Parsers.decimal("12.50"));
        assertEquals(new BigDecimal("150000.00"), Parsers.decimal(" 150000.00 "));
        assertEquals(new BigDecimal("7"), Parsers.decimal("7"));
        bad("BAD_PRICE", () -> Parsers.decimal("12,50"));
        bad("BAD_PRICE", () -> Parsers.decimal("1.000.000"));
        bad("BAD_PRICE", () -> Parsers.decimal("US$3"));
    }

    @Test
    void amountEnReadsEnglishLocaleExports() {
        assertEquals(new BigDecimal("13399"), Parsers.amountEn("IDR 13,399", "IDR"));     // what idr refuses as ambiguous
        assertEquals(new BigDecimal("13399000"), Parsers.amountEn("Rp13,399,000", "IDR"));
        assertEquals(new BigDecimal("13399000.50"), Parsers.amountEn("13,399,000.50", "IDR"));
        assertEquals(new BigDecimal("1299.50"), Parsers.amountEn("US$1,299.50", "USD"));
        assertEquals(new BigDecimal("12.99"), Parsers.amountEn("$12.99", "USD"));
        assertEquals(new BigDecimal("12.99"), Parsers.amountEn("$12.99", "SGD"));         // a bare $ is any dollar
        assertEquals(new BigDecimal("12.99"), Parsers.amountEn("12.99 USD", "USD"));
        assertEquals(new BigDecimal("88.00"), Parsers.amountEn("¥88.00", "CNY"));
        assertEquals(new BigDecimal("88"), Parsers.amountEn("RMB 88", "CNY"));
        assertEquals(new BigDecimal("1299"), Parsers.amountEn("1299", null));
        assertEquals(new BigDecimal("-12.99"), Parsers.amountEn("-$12.99", "USD"));
        assertEquals(new BigDecimal("150000"), Parsers.amountEn("IDR\u00a0150,000", "IDR"));
    }

    @Test
    void amountEnRejectsOtherShapesAndForeignMarkers() {
        bad("BAD_PRICE", () -> Parsers.amountEn("13.399.000", "IDR"));    // Indonesian grouping: use idr
        bad("BAD_PRICE", () -> Parsers.amountEn("12,50", "IDR"));         // a decimal comma
        bad("BAD_PRICE", () -> Parsers.amountEn("1,2345", "IDR"));        // broken grouping
        bad("BAD_PRICE", () -> Parsers.amountEn("USD", "USD"));
        bad("BAD_PRICE", () -> Parsers.amountEn("abc", "IDR"));
        ParseFailure f = assertThrows(ParseFailure.class, () -> Parsers.amountEn("Rp150,000", "USD"));
        assertTrue(f.getMessage().contains("written in IDR but the row's currency is USD"), f.getMessage());
        bad("BAD_PRICE", () -> Parsers.amountEn("US$12.99", "CNY"));
        bad("BAD_PRICE", () -> Parsers.amountEn("12.99 SGD", "USD"));
    }

    /**
     * A rupiah amount with one dot before exactly three digits is Indonesian grouping or a third decimal, which rupiah do
     * not have: amount_en refuses it as decimal does (the audit: {@code Rp34.000} under the shipped lazada.yaml was
     * accepted as Rp34, a thousandth of the sale). Other currencies keep their dot; two or one decimals are English.
     */
    @Test
    void amountEnRefusesARupiahDotBeforeThreeDigits() {
        for (String text : List.of("Rp34.000", "IDR 185.000", "150.000", "Rp 1.250", "-34.000", "34.000 IDR")) {
            ParseFailure f = assertThrows(ParseFailure.class, () -> Parsers.amountEn(text, "IDR"), text);
            assertEquals("BAD_PRICE", f.code(), text);
            assertTrue(f.getMessage().contains("ambiguous") && f.getMessage().contains("parser idr"), f.getMessage());
        }
        ParseFailure f = assertThrows(ParseFailure.class, () -> Parsers.amountEn("Rp34.000", "IDR"));
        assertTrue(f.getMessage().contains("(34000)"), f.getMessage());
        assertEquals(new BigDecimal("14.775"), Parsers.amountEn("14.775", "USD"));
        assertEquals(new BigDecimal("14.775"), Parsers.amountEn("US$14.775", "USD"));
        assertEquals(new BigDecimal("34.50"), Parsers.amountEn("Rp34.50", "IDR"));
        assertEquals(new BigDecimal("34000.000"), Parsers.amountEn("Rp34,000.000", "IDR"));  // grouped by commas: English
        assertEquals(new BigDecimal("1234.000"), Parsers.amountEn("1234.000", "IDR"));       // four digits before: no grouping
    }

    @Test
    void aRupiahMarkerInARowPricedInAnotherCurrencyIsBadPrice() {
        // Rp150.000 in a USD row would otherwise be US$150,000 converted at the month's rate
        ParseFailure f = assertThrows(ParseFailure.class, () -> Parsers.idr("Rp150.000", "USD"));
        assertEquals("BAD_PRICE", f.code());
        assertTrue(f.getMessage().contains("written in IDR but the row's currency is USD"), f.getMessage());
        bad("BAD_PRICE", () -> Parsers.idr("IDR 150000", "CNY"));
        assertEquals(new BigDecimal("150000"), Parsers.idr("Rp150.000", "IDR"));
        assertEquals(new BigDecimal("150000"), Parsers.idr("150.000", "USD"));       // no marker: the currency column decides
        assertEquals(0, new BigDecimal("1500").compareTo(Parsers.idr("1,5 rb", "USD")));
        assertEquals(0, new BigDecimal("2000000").compareTo(Parsers.idr("2 juta", "IDR")));
    }

    @Test
    void countReadsSoldCountsAsLowerBounds() {
        assertEquals(2000, Parsers.count("Terjual 2 rb+"));
        assertEquals(100, Parsers.count("Terjual 100+"));
        assertEquals(5, Parsers.count("Terjual 5"));
        assertEquals(1500, Parsers.count("1,5 rb"));
        assertEquals(1200000, Parsers.count("1,2 jt"));
        assertEquals(5449, Parsers.count("5449"));
        assertEquals(2500, Parsers.count("2.500"));
        assertEquals(3000, Parsers.count("terjual 3rb+"));
        assertEquals(-1, Parsers.count("-1"));
        bad("BAD_QUANTITY", () -> Parsers.count("1,5"));      // not a whole number
        bad("BAD_QUANTITY", () -> Parsers.count("banyak"));
        bad("BAD_QUANTITY", () -> Parsers.count("Terjual"));
    }

    @Test
    void countReadsSoldCountsWrittenAfterTheNumberAndInTheEnglishUi() {
        assertEquals(10000, Parsers.count("10RB+ terjual"));      // Shopee's listing card
        assertEquals(1200, Parsers.count("1,2RB terjual"));
        assertEquals(250, Parsers.count("250 Terjual"));
        assertEquals(10000, Parsers.count("10 rb+ terjual"));     // Tokopedia's newer card
        assertEquals(10000, Parsers.count("10k+ sold"));          // the English UI
        assertEquals(1200, Parsers.count("1.2k sold"));
        assertEquals(1500, Parsers.count("1,5K"));
        assertEquals(2000000, Parsers.count("2M+ sold"));
        assertEquals(1250, Parsers.count("1.25 rb"));               // a dot with two digits before a multiplier is a decimal
        assertEquals(999, Parsers.count("999 sold"));
        assertEquals(1250000, Parsers.count("1.250 rb"));         // three digits after the dot: Indonesian grouping, as before
        bad("BAD_QUANTITY", () -> Parsers.count("1.2"));          // no multiplier: 1.2 units
        bad("BAD_QUANTITY", () -> Parsers.count("sold"));
        bad("BAD_QUANTITY", () -> Parsers.count("k"));
        bad("BAD_QUANTITY", () -> Parsers.count("5 m"));          // metres in a quantity column, not five million units
        assertEquals(5000000, Parsers.count("5M+"));
    }

    @Test
    void integerIsStrict() {
        assertEquals(3, Parsers.integer("3"));
        assertEquals(-2, Parsers.integer("-2"));
        bad("BAD_QUANTITY", () -> Parsers.integer("2.0"));
        bad("BAD_QUANTITY", () -> Parsers.integer("two"));
    }

    /**
     * A date that fails says why in terms a user acts on (the audit of 2 Dec 2026): 31 February laid out as the pattern
     * is not a real date, which no other format helps; milliseconds under epoch_seconds name the unit they are in.
     */
    @Test
    void aDateThatFailsSaysWhy() {
        ParseFailure f = assertThrows(ParseFailure.class, () -> at("31/02/2025 09:15", "dd/MM/yyyy HH:mm"));
        assertTrue(f.getMessage().contains("has the layout of dd/MM/yyyy HH:mm but is not a real date"), f.getMessage());
        f = assertThrows(ParseFailure.class, () -> at("14 Agu 2024 25:00", "dd MMM yyyy HH:mm"));
        assertTrue(f.getMessage().contains("not a real date or time"), f.getMessage());
        f = assertThrows(ParseFailure.class, () -> at("kemarin", "dd/MM/yyyy HH:mm"));
        assertEquals("'kemarin' matches none of [dd/MM/yyyy HH:mm]", f.getMessage());
        f = assertThrows(ParseFailure.class, () -> at("2025/02/01 09:15", "dd/MM/yyyy HH:mm"));
        assertTrue(f.getMessage().contains("matches none of"), f.getMessage());
        f = assertThrows(ParseFailure.class, () -> at("1738368000000", "epoch_seconds"));
        assertEquals("BAD_DATE", f.code());
        assertTrue(f.getMessage().contains("epoch milliseconds (2025-02-01 UTC), not seconds: set its formats to [epoch_millis]"),
                f.getMessage());
        f = assertThrows(ParseFailure.class, () -> at("173836800000000000", "epoch_seconds"));
        assertFalse(f.getMessage().contains("milliseconds"), "18 digits are no epoch at all: " + f.getMessage());
    }

    /**
     * A time no format reads names a pattern that reads it, when a common layout does: an Indonesian export's full month
     * names under {@code MMM} (abbreviations), or a second file that switched from {@code 05-01-2024 23:59} to
     * {@code 9 Januari 2024 11:41}, said only "matches none of [...]" (the journey audit, 2 Dec 2026).
     */
    @Test
    void aDateNoFormatReadsNamesAPatternThatReadsIt() {
        ParseFailure f = assertThrows(ParseFailure.class, () -> at("9 Januari 2024 11:41", "dd-MM-yyyy HH:mm", "d MMM yyyy HH:mm"));
        assertEquals("'9 Januari 2024 11:41' matches none of [dd-MM-yyyy HH:mm, d MMM yyyy HH:mm]; the pattern "
                + "'d MMMM yyyy HH:mm' reads it: add it to formats (docs/MAPPINGS.md, \"Parsers\")", f.getMessage());
        f = assertThrows(ParseFailure.class, () -> at("05-01-2024 23:59", "d MMMM yyyy HH:mm"));
        assertTrue(f.getMessage().endsWith("the pattern 'dd-MM-yyyy HH:mm' reads it: add it to formats (docs/MAPPINGS.md, \"Parsers\")"),
                f.getMessage());
        // day first: an Indonesian 05/01/2024 is 5 January; a US 11/30/2025 2:05 PM has no 30th month
        f = assertThrows(ParseFailure.class, () -> at("11/30/2025 2:05 PM", "dd MMM yyyy HH:mm"));
        assertTrue(f.getMessage().contains("the pattern 'MM/dd/yyyy h:mm a' reads it"), f.getMessage());
        // the suggestion reads it for real: the times are what the pattern says
        assertEquals(Instant.parse("2024-01-09T04:41:00Z"), at("9 Januari 2024 11:41", "d MMMM yyyy HH:mm"));
        // nothing common reads it: no guess
        f = assertThrows(ParseFailure.class, () -> at("kemarin", "dd/MM/yyyy HH:mm"));
        assertEquals("'kemarin' matches none of [dd/MM/yyyy HH:mm]", f.getMessage());
    }

    /** What a price no parser reads looks like instead, and what a currency symbol could mean (the audit of 2 Dec 2026). */
    @Test
    void aPriceOrCurrencyThatFailsSaysWhatItLooksLike() {
        ParseFailure f = assertThrows(ParseFailure.class, () -> Parsers.idr("12.50"));
        assertTrue(f.getMessage().contains("a single dot before 2 digits is no Indonesian thousands grouping")
                && f.getMessage().contains("parser decimal"), f.getMessage());
        f = assertThrows(ParseFailure.class, () -> Parsers.idr("1,234,567"));
        assertTrue(f.getMessage().contains("read the column with parser amount_en"), f.getMessage());
        f = assertThrows(ParseFailure.class, () -> Parsers.idr("Rp1,234.50"));
        assertTrue(f.getMessage().contains("parser amount_en"), f.getMessage());
        f = assertThrows(ParseFailure.class, () -> Parsers.count("12.50"));
        assertEquals("BAD_QUANTITY", f.code());
        assertFalse(f.getMessage().contains("parser"), "no other parser reads a quantity: " + f.getMessage());
        f = assertThrows(ParseFailure.class, () -> Parsers.currency("$"));
        assertEquals("UNKNOWN_CURRENCY", f.code());
        assertTrue(f.getMessage().contains("any of USD, SGD") && f.getMessage().contains("map"), f.getMessage());
        f = assertThrows(ParseFailure.class, () -> Parsers.currency("dolar"));
        assertTrue(f.getMessage().contains("write a three-letter code"), f.getMessage());
        assertEquals("IDR", Parsers.currency("Rp"));
        assertEquals("IDR", Parsers.currency("rp."));
    }

    private static Instant at(String text, String... formats) {
        return Parsers.instant(text, Parsers.compile(List.of(formats)), Parsers.WIB);
    }

    @Test
    void datesInEveryShapeTheDumpsUse() {
        assertEquals(Instant.parse("2023-01-05T03:15:00Z"), at("05/01/2023 10:15", "dd/MM/yyyy HH:mm"));
        assertEquals(Instant.parse("2023-01-05T03:15:07Z"), at("2023-01-05 10:15:07", "yyyy-MM-dd HH:mm:ss"));
        assertEquals(Instant.parse("2023-01-05T03:22:11Z"), at("2023-01-05T10:22:11+07:00", "iso"));
        assertEquals(Instant.parse("2023-01-05T10:22:11Z"), at("2023-01-05T10:22:11Z", "iso"));
        assertEquals(Instant.parse("2023-01-05T03:22:11Z"), at("2023-01-05T10:22:11", "iso")); // no offset: the zone given
        assertEquals(Instant.parse("2023-01-12T00:00:00Z"), at("1673481600", "epoch_seconds"));
        assertEquals(Instant.parse("2023-01-12T00:00:00Z"), at("1673481600000", "epoch_millis"));
        assertEquals(Instant.parse("2023-01-12T00:00:00Z"), at("1673481600000", "epoch"));
        assertEquals(Instant.parse("2023-01-12T00:00:00Z"), at("1673481600", "epoch"));
        assertEquals(Instant.parse("2023-01-05T03:15:00Z"), at("2023-01-05 10:15:00+07:00", "yyyy-MM-dd HH:mm:ssXXX"));
        assertEquals(Instant.parse("2023-01-04T17:00:00Z"), at("05/01/2023", "dd/MM/yyyy"));
        assertEquals(Instant.parse("2023-01-05T03:15:00Z"), at("2023-01-05 10:15:00", "iso"));
        // the second pattern is tried when the first does not fit
        assertEquals(Instant.parse("2023-01-05T03:15:00Z"), at("2023-01-05 10:15", "dd/MM/yyyy HH:mm", "yyyy-MM-dd HH:mm"));
        // zones: WITA and WIT
        assertEquals(Instant.parse("2023-01-05T02:15:00Z"), Parsers.instant("05/01/2023 10:15",
                Parsers.compile(List.of("dd/MM/yyyy HH:mm")), Parsers.zone("WITA")));
        assertEquals(Instant.parse("2023-01-05T01:15:00Z"), Parsers.instant("05/01/2023 10:15",
                Parsers.compile(List.of("dd/MM/yyyy HH:mm")), Parsers.zone("WIT")));
    }

    @Test
    void impossibleDatesAreRejected() {
        bad("BAD_DATE", () -> at("31/02/2023 10:15", "dd/MM/yyyy HH:mm"));
        bad("BAD_DATE", () -> at("2023-13-01 10:15:00", "yyyy-MM-dd HH:mm:ss"));
        bad("BAD_DATE", () -> at("kemarin", "dd/MM/yyyy HH:mm", "iso", "epoch"));
        bad("BAD_DATE", () -> at("16734816000001234", "epoch"));
        bad("MISSING_VALUE", () -> at(" ", "iso"));
    }

    @Test
    void monthsBooleansAndUrls() {
        assertEquals("2023-02", Parsers.month("2023-02"));
        assertEquals("2023-02", Parsers.month("2023-02-09"));
        assertEquals("2023-02", Parsers.month("202302"));
        bad("BAD_DATE", () -> Parsers.month("2023-13"));
        assertEquals(Boolean.TRUE, Parsers.bool("Yes"));
        assertEquals(Boolean.FALSE, Parsers.bool("tidak"));
        assertNull(Parsers.bool(""));
        bad("BAD_VALUE", () -> Parsers.bool("maybe"));
        String ad = "https://ta.tokopedia.com/promo/v1/clicks/abc?t=desktop&r=https%3A%2F%2Fwww.tokopedia.com%2Ftokohapedia%2Fapple-macbook%3FextParam%3Divf%253Dfalse&keywords=laptop";
        assertEquals("tokohapedia", Parsers.urlPath(ad, "r", 1));
        assertEquals("tokohapedia/apple-macbook", Parsers.urlPath(ad, "r", 2));
        assertEquals("digitalzone/laptop-x", Parsers.urlPath("https://www.tokopedia.com/digitalzone/laptop-x?extParam=iv", "r", 2));
        bad("BAD_VALUE", () -> Parsers.urlPath("https://www.tokopedia.com/", "r", 1));
    }
}
