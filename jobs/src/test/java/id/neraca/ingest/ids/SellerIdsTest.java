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
