package id.neraca.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * US-style export times ({@code 1/5/2025 2:05 PM}: no leading zeros, {@code pm} in lower case) under a pattern written
 * with two-letter fields ({@code MM/dd/yyyy h:mm a}): read, where they were BAD_DATE. Dates stay strict (31/02 fails),
 * and a pattern without separators ({@code yyyyMMdd}) keeps its fixed widths.
 */
class UnpaddedUsDatesTest {
    @TempDir
    Path tmp;

    private static Instant at(String text, String... formats) {
        return Parsers.instant(text, Parsers.compile(List.of(formats)), Parsers.WIB);
    }

    @Test
    void monthAndDayWithoutLeadingZerosAndLowerCasePmAreRead() {
        assertEquals(Instant.parse("2025-01-05T07:05:00Z"), at("1/5/2025 2:05 PM", "MM/dd/yyyy h:mm a"));
        assertEquals(Instant.parse("2025-11-30T07:05:00Z"), at("11/30/2025 2:05 pm", "MM/dd/yyyy h:mm a"));
        assertEquals(Instant.parse("2025-11-29T17:05:00Z"), at("11/30/2025 12:05 am", "MM/dd/yyyy h:mm a"));
        assertEquals(Instant.parse("2025-01-05T07:05:00Z"), at("01/05/2025 02:05 PM", "MM/dd/yyyy hh:mm a"));
        assertEquals(Instant.parse("2024-08-05T02:00:00Z"), at("5/8/2024 9:00", "dd/MM/yyyy HH:mm"));
        assertEquals(Instant.parse("2024-08-05T02:00:00Z"), at("05/08/2024 09:00", "dd/MM/yyyy HH:mm"));
        assertEquals(Instant.parse("2025-11-30T07:05:00Z"), at("30 NOV 2025 14:05", "dd MMM yyyy HH:mm"));
    }

    @Test
    void datesStayStrictAndFieldsWithoutSeparatorsKeepTheirWidth() {
        assertEquals("BAD_DATE", assertThrows(ParseFailure.class, () -> at("2/31/2025 2:05 PM", "MM/dd/yyyy h:mm a")).code());
        assertEquals("BAD_DATE", assertThrows(ParseFailure.class, () -> at("13/5/2025 2:05 PM", "MM/dd/yyyy h:mm a")).code());
        assertEquals("BAD_DATE", assertThrows(ParseFailure.class, () -> at("1/5/2025 2:05 XM", "MM/dd/yyyy h:mm a")).code());
        assertEquals(Instant.parse("2023-01-04T17:00:00Z"), at("20230105", "yyyyMMdd"));
        assertEquals("BAD_DATE", assertThrows(ParseFailure.class, () -> at("2023015", "yyyyMMdd")).code());
        // a quoted literal is not a field: 'dd' stays the letters d d
        assertEquals(Instant.parse("2025-01-05T07:05:00Z"), at("1/5/2025 dd 2:05 PM", "MM/dd/yyyy 'dd' h:mm a"));
    }

    @Test
    void lazadaExportWithUnpaddedUsDatesIsAccepted() throws Exception {
        List<Row> rows = IngestFixtures.parseWithBundledMapping(tmp, "lazada", "lazada/Lazada_Orders_2025-01.csv", """
                Order Item Id,Created at,Order Number,Paid Price,Item Name,Brand,Category,Status,Seller Name,Seller Tax ID
                1001,1/5/2025 2:05 PM,316458201,"1,299,000.00",Redmi Note 14,Xiaomi,Mobiles,delivered,Gadget Jkt,01.234.567.4-123.000
                1002,1/5/2025 2:05 pm,316458202,"1,299,000.00",Redmi Note 14,Xiaomi,Mobiles,delivered,Gadget Jkt,01.234.567.4-123.000
                1003,01/05/2025 02:05 PM,316458203,"1,299,000.00",Redmi Note 14,Xiaomi,Mobiles,delivered,Gadget Jkt,01.234.567.4-123.000
                """);
        for (Row r : rows) {
            assertNull(r.getAs("reason_code"), String.valueOf(r));
            assertEquals(Instant.parse("2025-01-05T07:05:00Z"), r.<java.sql.Timestamp>getAs("order_ts").toInstant());   // WIB
            assertEquals("2025-01", r.getAs("period_month"));
        }
    }
}
