package id.neraca.ingest.ids;

import id.neraca.core.NeracaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SellerIdsTest {
    @Test
    void declaredTypesAreCheckedAndNormalised() {
        assertEquals(new SellerIds.Checked("NPWP", "012345674123000", true), SellerIds.check("NPWP", "01.234.567.4-123.000"));
        assertEquals(new SellerIds.Checked("NPWP", "0012345674123000", true), SellerIds.check("npwp", "0012345674123000"));
        assertEquals(new SellerIds.Checked("NIK", "3273011508850001", true), SellerIds.check("NIK", " 3273 0115 0885 0001 "));
        // an invalid ID keeps its type: it is not evidence that the seller is foreign
        assertEquals(new SellerIds.Checked("NIK", "9973011508850001", false), SellerIds.check("NIK", "9973011508850001"));
        assertEquals(new SellerIds.Checked("NIB", "123456789012", false), SellerIds.check("NIB", "123456789012"));
        assertEquals(new SellerIds.Checked("PASSPORT", "E12345678", null), SellerIds.check("PASSPORT", "e1234 5678"));
        assertEquals(new SellerIds.Checked("FOREIGN_REG", "91440300MA5ABCDE", null), SellerIds.check("FOREIGN_REG", "9144-0300/ma5.abcde"));
        assertEquals(new SellerIds.Checked("NONE", null, null), SellerIds.check("NIK", " "));
    }

    @Test
    void theSixteenDigitNpwpFormsHashAsTheSellerTheyAre() {
        // a company's NPWP before and after 1 Jul 2024 (PMK 112/2022): 15 digits, then 0 + the same 15
        assertEquals("NPWP:012345674123000", SellerIds.check("NPWP", "01.234.567.4-123.000").keySource());
        assertEquals("NPWP:012345674123000", SellerIds.check("NPWP", "0012345674123000").keySource());
        assertEquals("NPWP:012345674123000", SellerIds.check(null, "0012.3456.7412.3000").keySource());
        // an individual's 16-digit NPWP is the holder's NIK: one seller with the NIK another marketplace records
        assertEquals("NIK:3273011508850001", SellerIds.check("NPWP", "3273011508850001").keySource());
        assertEquals("NIK:3273011508850001", SellerIds.check("NIK", "3273011508850001").keySource());
        // the type column keeps what the dump declared
        assertEquals("NPWP", SellerIds.check("NPWP", "3273011508850001").type());
        assertEquals("NIB:1234567890123", SellerIds.check("NIB", "1234567890123").keySource());
        assertEquals("PASSPORT:E12345678", SellerIds.check("PASSPORT", "E1234 5678").keySource());
    }

    @Test
    void undeclaredTypesAreInferredFromTheDigits() {
        assertEquals("NIB", SellerIds.check(null, "1234567890123").type());
        assertEquals("NPWP", SellerIds.check(null, "012345674123000").type());
        assertEquals("NPWP", SellerIds.check(null, "0012345674123000").type());
        assertEquals("NIK", SellerIds.check(null, "3273011508850001").type());
        assertEquals("FOREIGN_REG", SellerIds.check(null, "91440300MA5ABCDE").type());
    }

    /**
     * A NIK or NPWP typed with a digit too many or too few, type column blank: a typo of an Indonesian ID (invalid,
     * evidence of nothing), not a foreign registration, which made its seller CROSS_BORDER. A foreign registration with
     * letters, or a short all-digit foreign number, is still one.
     */
    @Test
    void anIndonesianIdWithADigitTooManyOrTooFewIsATypoNotAForeignRegistration() {
        assertEquals(new SellerIds.Checked("NIK", "35041513119115081", false), SellerIds.check(null, "35041513119115081"));
        assertEquals(new SellerIds.Checked("NPWP", "01566040069500", false), SellerIds.check(null, "01.566.040.0-695.00"));
        assertEquals(new SellerIds.Checked("NIB", "912020123456", false), SellerIds.check(null, "912020123456"));
        assertEquals("NPWP", SellerIds.check(null, "015660400695000").type(), "the right length is still read as it was");
        assertEquals(new SellerIds.Checked("FOREIGN_REG", "201912345K", null), SellerIds.check(null, "201912345K"));
        assertEquals(new SellerIds.Checked("FOREIGN_REG", "12345678", null), SellerIds.check(null, "12345678"));
        assertEquals("FOREIGN_REG", SellerIds.check(null, "123456789012345678").type(), "18 digits and more: no Indonesian ID");
    }

    /**
     * A NITKU (PMK 112/2022, PER-6/PJ/2024: the 16-digit NPWP + 6 digits for the place of business, 000000 the head
     * office) is the business's NPWP: with the type column blank its 22 digits were read as a foreign registration
     * (CROSS_BORDER); declared NPWP, it failed the check. Head office and branches are one seller, with the key of the
     * 15- and 16-digit NPWP, so its PP 7/2021 tier sums them all.
     */
    @Test
    void aNitkuIsTheBusinesssNpwp() {
        SellerIds.Checked company = new SellerIds.Checked("NPWP", "0015660400695000", true);
        assertEquals(company, SellerIds.check(null, "0015660400695000000000"));
        assertEquals(company, SellerIds.check(null, "0015660400695000000002"));
        assertEquals(company, SellerIds.check("NPWP", "0015 6604 0069 5000 000000"));
        assertEquals(company, SellerIds.check(null, "NITKU: 0015660400695000000001"));
        assertEquals(SellerIds.check("NPWP", "01.566.040.0-695.000").keySource(), SellerIds.check(null, "0015660400695000000001").keySource());
        // an individual's NITKU is the NIK + 6 digits: the seller keyed by the NIK
        assertEquals(new SellerIds.Checked("NPWP", "3504151311911508", true), SellerIds.check(null, "3504151311911508000000"));
        assertEquals("NIK:3504151311911508", SellerIds.check(null, "3504151311911508000000").keySource());
        // a NITKU whose NPWP fails the Luhn check is an invalid NPWP, never a foreign registration
        assertEquals(new SellerIds.Checked("NPWP", "0015660410695000", false), SellerIds.check(null, "0015660410695000000000"));
    }

    /** The ID's name written before it is not part of it: one seller, one key, the same validity as the bare ID. */
    @Test
    void anIdWithItsNameWrittenBeforeItIsTheSameId() {
        assertEquals(SellerIds.check("NIK", "3504151311911508"), SellerIds.check("NIK", "NIK 3504151311911508"));
        assertEquals(SellerIds.check("NIK", "3504151311911508"), SellerIds.check(null, "KTP: 3504151311911508"));
        assertEquals(SellerIds.check("NPWP", "01.566.040.0-695.000"), SellerIds.check(null, "NPWP: 01.566.040.0-695.000"));
        assertEquals(SellerIds.check("NIB", "9120201234567"), SellerIds.check(null, "nib-9120201234567"));
        assertEquals("FOREIGN_REG", SellerIds.check(null, "NIKE12345678").type(), "a word that starts like a label is not one");
    }

    @Test
    void placeholderIdsAreNoIdNeverAForeignRegistration() {
        SellerIds.Checked none = new SellerIds.Checked("NONE", null, null);
        // what Shopee-shape rows of a Surakarta batik seller carried, type column blank or declared
        for (String placeholder : new String[] {"-", "—", "–", "N/A", "n.a.", "Tidak ada", "tidak ada NPWP", "0", "000",
                "null", "NULL", "none", "kosong", "belum punya", "***", "?", "XXXXXXXXXXXXXXXX", "'-", "=\"0\""}) {
            assertEquals(none, SellerIds.check(null, placeholder), placeholder);
            assertEquals(none, SellerIds.check("NONE", placeholder), placeholder);
            assertEquals(none, SellerIds.check("NIK", placeholder), "NIK " + placeholder);
        }
        // the usual "no NPWP", which passes the Luhn check (00000000 -> 0): no ID, not one shared seller
        assertEquals(none, SellerIds.check("NPWP", "00.000.000.0-000.000"));
        assertEquals(none, SellerIds.check(null, "000000000000000"));
        // undeclared words and stubs are no ID; a real foreign registration still is one
        assertEquals(none, SellerIds.check(null, "lihat KTP"));
        assertEquals(none, SellerIds.check(null, "123"));
        assertEquals(new SellerIds.Checked("FOREIGN_REG", "91440300MA5ABCDE", null), SellerIds.check(null, "91440300MA5ABCDE"));
        assertEquals(new SellerIds.Checked("FOREIGN_REG", "E22013631", null), SellerIds.check(null, "E22013631"));
        // a zero inside an ID is not a placeholder
        assertEquals(new SellerIds.Checked("NIB", "1000000000000", true), SellerIds.check(null, "1000000000000"));
    }

    @Test
    void excelTextMarkersAreStrippedBeforeTheIdIsRead() {
        SellerIds.Checked nik = new SellerIds.Checked("NIK", "3504151311911508", true);
        assertEquals(nik, SellerIds.check("NIK", "3504151311911508"));
        assertEquals(nik, SellerIds.check("NIK", "'3504151311911508"));
        assertEquals(nik, SellerIds.check(null, "'3504151311911508"));
        assertEquals(nik, SellerIds.check(null, "=\"3504151311911508\""));
        assertEquals(nik, SellerIds.check("nik", " ' 3504 1513 1191 1508 "));
        SellerIds.Checked npwp = new SellerIds.Checked("NPWP", "015660400695000", true);
        assertEquals(npwp, SellerIds.check("NPWP", "015660400695000"));
        assertEquals(npwp, SellerIds.check("NPWP", "'01.566.040.0-695.000"));
        assertEquals(npwp, SellerIds.check(null, "'015660400695000"));
        // a typographic dash or a no-break space inside an NPWP is a separator too
        assertEquals(npwp, SellerIds.check("NPWP", "01.566.040.0\u2013695.000"));
        assertEquals(npwp, SellerIds.check("NPWP", "01\u00a0566\u00a0040\u00a00-695\u00a0000"));
        assertEquals("NIK:3504151311911508", SellerIds.check(null, "=\"3504151311911508\"").keySource());
    }

    @Test
    void anIdExcelWroteInScientificNotationHasLostItsDigits() {
        // declared: the type kept, invalid, no canonical form (the seller is keyed by its shop)
        assertEquals(new SellerIds.Checked("NIK", null, false), SellerIds.check("NIK", "3.50415E+15"));
        assertEquals(new SellerIds.Checked("NPWP", null, false), SellerIds.check("NPWP", "1,5660400695E+13"));
        // undeclared: the type the digit count gives, never FOREIGN_REG
        assertEquals(new SellerIds.Checked("NIK", null, false), SellerIds.check(null, "3.50415E+15"));
        assertEquals(new SellerIds.Checked("NIK", null, false), SellerIds.check(null, "3,50415e15"));
        assertEquals(new SellerIds.Checked("NPWP", null, false), SellerIds.check(null, "1.56604E+14"));
        assertEquals(new SellerIds.Checked("NIB", null, false), SellerIds.check(null, "1.09343E+12"));
        assertEquals(new SellerIds.Checked("NONE", null, null), SellerIds.check(null, "9.1E+17"));
        // a declared foreign registration stays foreign (the dump said so), uncheckable
        assertEquals(new SellerIds.Checked("FOREIGN_REG", null, null), SellerIds.check("FOREIGN_REG", "9.14403E+17"));
    }

    /**
     * An ID with some digits masked, as exports shared under UU 27/2022 often write it: letters and digits with the type
     * column blank, it was read as a foreign registration and made an Indonesian seller CROSS_BORDER; declared, it was
     * hashed as written, one key for every seller with the same visible digits. It is the Indonesian ID its length gives,
     * unverifiable (invalid, counted), with no canonical form (keyed by the shop).
     */
    /**
     * Undeclared, a NIK typed with the letter O for a zero (or I / l for a one) was letters and digits, a foreign
     * registration (SELLER_FOREIGN_ID, weight 0.90: CROSS_BORDER); so was an Indonesian business licence number (SIUP,
     * TDP, P-IRT). The first is the Indonesian ID it spells, keyed as that ID and invalid (counted); the second no ID
     * neraca checks. A real foreign registration is still one.
     */
    @Test
    void aNikWithALetterOForAZeroOrALicenceNumberIsNotAForeignRegistration() {
        assertEquals(new SellerIds.Checked("NIK", "3273011508850001", false), SellerIds.check(null, "32730115O885OOO1".replaceFirst("OOO", "000")));
        assertEquals(new SellerIds.Checked("NIK", "3273011508850001", false), SellerIds.check(null, "3273 0115 0885 OOOl"
                .replace("OOOl", "000l")));
        assertEquals("NIK:3273011508850001", SellerIds.check(null, "327301150885000I").keySource(), "one seller with its correct rows");
        assertEquals(new SellerIds.Checked("NPWP", "012345674123000", false), SellerIds.check(null, "O1.234.567.4-123.000"));
        // three letters, or a length no Indonesian ID has: not a typo of one
        assertEquals("FOREIGN_REG", SellerIds.check(null, "3273O115O885OOO1").type());
        assertEquals("FOREIGN_REG", SellerIds.check(null, "91440300MA5ABCDE").type());
        assertEquals("FOREIGN_REG", SellerIds.check(null, "201912345O").type());
        // a declared type is checked as written: invalid, as before
        assertEquals(new SellerIds.Checked("NIK", "32730115O8850001", false), SellerIds.check("NIK", "32730115O8850001"));
        // Indonesian licence numbers
        for (String licence : new String[] {"503/123/SIUP-K/2019", "SIUP 510/3421/PK/2018", "TDP 10.01.1.47.12345",
                "P-IRT 2063374010123-24", "SPP-IRT No. 2063374010123", "IUMK 12/IUMK/2020"}) {
            assertEquals(new SellerIds.Checked("NONE", null, null), SellerIds.check(null, licence), licence);
        }
        // the word inside a longer one is not a licence
        assertEquals("FOREIGN_REG", SellerIds.check(null, "STDPX123456").type());
    }

    @Test
    void aPartlyMaskedIdIsAnUnverifiableIndonesianIdNeverAForeignRegistration() {
        assertEquals(new SellerIds.Checked("NIK", null, false), SellerIds.check(null, "3504********1508"));
        assertEquals(new SellerIds.Checked("NIK", null, false), SellerIds.check(null, "350415XXXXXX1508"));
        assertEquals(new SellerIds.Checked("NIK", null, false), SellerIds.check(null, "3504 15xx xxxx 1508"));
        assertEquals(new SellerIds.Checked("NIK", null, false), SellerIds.check(null, "3504\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u20221508"));
        assertEquals(new SellerIds.Checked("NIK", null, false), SellerIds.check(null, "NIK: 3504********1508"));
        assertEquals(new SellerIds.Checked("NPWP", null, false), SellerIds.check(null, "01.566.***.*-695.000"));
        assertEquals(new SellerIds.Checked("NPWP", null, false), SellerIds.check(null, "0015.66**.**69.5000"));
        assertEquals(new SellerIds.Checked("NIB", null, false), SellerIds.check(null, "91202012###67"));
        // declared: the type kept, invalid, not hashed
        assertEquals(new SellerIds.Checked("NIK", null, false), SellerIds.check("NIK", "3504********1508"));
        assertEquals(new SellerIds.Checked("NPWP", null, false), SellerIds.check("NPWP", "01.566.040.*-***.000"));
        // a masked value of no Indonesian ID's length is no ID, not a foreign one; a declared foreign one stays foreign
        assertEquals(new SellerIds.Checked("NONE", null, null), SellerIds.check(null, "1234****"));
        assertEquals(new SellerIds.Checked("FOREIGN_REG", null, null), SellerIds.check("FOREIGN_REG", "9144****5678"));
        // one X is a check character, not a mask: a Chinese resident ID is a foreign ID as before
        assertEquals(new SellerIds.Checked("FOREIGN_REG", "11010519491231002X", null), SellerIds.check(null, "11010519491231002X"));
    }

    @Test
    void hmacIsKeyedLowercaseHexSha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        SellerKeys jefe = SellerKeys.resolve(Map.of(SellerKeys.ENV_KEY, "Jefe-is-long-enough-key"), false);
        assertEquals(64, jefe.hmac("x").length());
        assertTrue(jefe.hmac("x").matches("[0-9a-f]{64}"));
        SellerKeys a = SellerKeys.of("a-secret-of-sixteen+");
        SellerKeys b = SellerKeys.of("another-secret-of-16");
        assertEquals(a.hmac("NIK:3273011508850001"), a.copy().hmac("NIK:3273011508850001"));
        assertNotEquals(a.hmac("NIK:3273011508850001"), b.hmac("NIK:3273011508850001"));
    }

    @Test
    void rfc4231Vector() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("Jefe".getBytes(), "HmacSHA256"));
        String expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assertEquals(expected, java.util.HexFormat.of().formatHex(mac.doFinal("what do ya want for nothing?".getBytes())));
    }

    @Test
    void keyComesFromEnvThenFileThenDemoOnlyWhenAllowed(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("seller.key");
        Files.writeString(f, "file-secret-0123456789\n");
        SellerKeys fromEnv = SellerKeys.resolve(Map.of(SellerKeys.ENV_KEY, "env-secret-0123456789", SellerKeys.ENV_KEY_FILE, f.toString()), false);
        assertEquals(SellerKeys.of("env-secret-0123456789").hmac("x"), fromEnv.hmac("x"));
        SellerKeys fromFile = SellerKeys.resolve(Map.of(SellerKeys.ENV_KEY_FILE, f.toString()), false);
        assertEquals(SellerKeys.of("file-secret-0123456789").hmac("x"), fromFile.hmac("x"));
        assertFalse(fromFile.demo());
        SellerKeys demo = SellerKeys.resolve(Map.of(), true);
        assertTrue(demo.demo());
        assertEquals(SellerKeys.of(SellerKeys.DEMO_KEY).hmac("x"), demo.hmac("x"));

        NeracaException none = assertThrows(NeracaException.class, () -> SellerKeys.resolve(Map.of(), false));
        assertEquals(NeracaException.EXIT_USAGE, none.exitCode());
        assertTrue(none.getMessage().contains("NERACA_SELLER_KEY") && none.getMessage().contains("--demo-key"), none.getMessage());
        NeracaException shortKey = assertThrows(NeracaException.class, () -> SellerKeys.resolve(Map.of(SellerKeys.ENV_KEY, "short"), true));
        assertEquals(NeracaException.EXIT_USAGE, shortKey.exitCode());
        NeracaException missingFile = assertThrows(NeracaException.class,
                () -> SellerKeys.resolve(Map.of(SellerKeys.ENV_KEY_FILE, tmp.resolve("nope").toString()), true));
        assertTrue(missingFile.getMessage().contains("nope"), missingFile.getMessage());
    }
}
