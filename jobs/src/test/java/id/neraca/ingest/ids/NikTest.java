package id.neraca.ingest.ids;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NIKs constructed field by field: pp rr dd DD MM YY ssss. */
class NikTest {
    /**
     * The NIK check's province codes are the reference table's (data/reference/provinces.csv, which its README says the
     * check follows): the two lists are kept in step by this test, not by hand.
     */
    @Test
    void theProvinceCodesAreThoseOfTheReferenceTable() throws Exception {
        java.util.Set<String> table = new java.util.TreeSet<>();
        for (var row : id.neraca.core.ReferenceCsv.read(id.neraca.SparkTestBase.projectRoot().resolve("data/reference/provinces.csv"),
                java.util.List.of("province_code"), "")) {
            table.add(row.get("province_code"));
        }
        org.junit.jupiter.api.Assertions.assertEquals(table, new java.util.TreeSet<>(Nik.PROVINCES));
    }

    @Test
    void validMenAndWomen() {
        assertTrue(Nik.valid("3273011508850001"));  // Jawa Barat, Kota Bandung, born 15-08-1985, man
        assertTrue(Nik.valid("3273015508850002"));  // same day, woman (day + 40)
        assertTrue(Nik.valid("3578017112990001"));  // woman born 31-12-1999 (71)
        assertTrue(Nik.valid("9601010101009999"));  // Papua Barat Daya (new province), born 01-01-2000
        assertTrue(Nik.valid("3201012902000001"));  // 29 Feb 2000 exists
    }

    @Test
    void structuralErrors() {
        assertFalse(Nik.valid("9973011508850001"));  // province 99 does not exist
        assertFalse(Nik.valid("2073011508850001"));  // nor 20
        assertFalse(Nik.valid("3200011508850001"));  // regency 00
        assertFalse(Nik.valid("3273001508850001"));  // district 00
        assertFalse(Nik.valid("3273013208850001"));  // day 32
        assertFalse(Nik.valid("3273014008850001"));  // day 40 (neither man nor woman)
        assertFalse(Nik.valid("3273017208850001"));  // day 72
        assertFalse(Nik.valid("3273010013850001"));  // day 00, month 13
        assertFalse(Nik.valid("3273011513850001"));  // month 13
        assertFalse(Nik.valid("3273013102850001"));  // 31 February
        assertFalse(Nik.valid("3273012902010001"));  // 29 Feb 1901/2001: no leap year either way
        assertFalse(Nik.valid("3273011508850000"));  // serial 0000
        assertFalse(Nik.valid("327301150885000"));   // 15 digits
        assertFalse(Nik.valid("32730115088500011")); // 17 digits
        assertFalse(Nik.valid("32730115O8850001"));  // a letter O
        assertFalse(Nik.valid(null));
    }
}
