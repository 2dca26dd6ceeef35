package id.neraca.ingest.ids;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NPWPs constructed by hand. Luhn over 0 1 2 3 4 5 6 7: doubling 7,5,3,1 (from the right) gives 14->5, 10->1, 6, 2
 * = 14; the others 6+4+2+0 = 12; total 26, so the check digit is 4. For 0 2 3 4 5 6 7 8: 8->16->7, 6->12->3, 4->8,
 * 2->4 = 22; 7+5+3+0 = 15; total 37 -> 3.
 */
class NpwpTest {
    @Test
    void luhnCheckDigitByHand() {
        assertEquals(4, Npwp.luhnCheckDigit("01234567"));
        assertEquals(3, Npwp.luhnCheckDigit("02345678"));
        assertEquals(0, Npwp.luhnCheckDigit("00000000"));
    }

    @Test
    void fifteenDigits() {
        assertTrue(Npwp.valid("012345674123000"));
        assertTrue(Npwp.valid("023456783526001"));
        assertFalse(Npwp.valid("012345675123000"));  // wrong check digit
        assertFalse(Npwp.valid("01234567412300"));   // 14 digits
    }

    @Test
    void sixteenDigitForms() {
        assertTrue(Npwp.valid("0012345674123000"));  // 0 + the 15 digits (companies, foreigners)
        assertFalse(Npwp.valid("0012345675123000")); // 0 + a bad 15
        assertTrue(Npwp.valid("3273011508850001"));  // an individual's NIK
        assertFalse(Npwp.valid("9973011508850001")); // not a NIK
    }

    @Test
    void nib() {
        assertTrue(Nib.valid("1234567890123"));
        assertFalse(Nib.valid("123456789012"));
        assertFalse(Nib.valid("12345678901234"));
        assertFalse(Nib.valid("12345678901a3"));
    }
}
