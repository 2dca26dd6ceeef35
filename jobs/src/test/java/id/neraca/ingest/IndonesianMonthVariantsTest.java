package id.neraca.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Month names Indonesian exports write beside the ones CLDR knows: {@code Agt} (the dictionary's abbreviation of
 * Agustus, next to CLDR's {@code Agu}), the older {@code Nopember}/{@code Nop} and {@code Pebruari}/{@code Peb}, and
 * {@code Sept}. Under {@code dd MMM yyyy HH:mm} every August row of a Blibli-style export was BAD_DATE "matches none of
 * [...]", and no format the user could add read it. Pure: no Spark.
 */
class IndonesianMonthVariantsTest {
    @TempDir
    Path tmp;

    static final String MAPPING = """
            marketplace: blibli
            files: ["blibli/*.csv"]
            format: {type: csv, delimiters: [";"]}
            grain: ORDER_LINE
            columns:
              order_id: {source: "No. Order"}
              order_ts: {source: "Tanggal Order", formats: ["dd MMM yyyy HH:mm", "d MMMM yyyy"], zone: WIB}
              status: {source: "Status Order", map: {Selesai: COMPLETED}}
              quantity: {source: "Jumlah"}
              unit_price: {source: "Harga Satuan"}
            """;

    @Test
    void agtNopPebAndSeptAreReadAsTheMonthsTheyName() throws Exception {
        String csv = "No. Order;Tanggal Order;Status Order;Jumlah;Harga Satuan\n"
                + "B1;21 Agt 2025 12:53;Selesai;1;Rp 85.000,-\n"          // line 2
                + "B2;02 AGT 2025 07:08;Selesai;1;Rp 85.000,-\n"          // line 3: any letter case
                + "B3;10 Nop 2025 20:00;Selesai;1;Rp 85.000,-\n"          // line 4
                + "B4;10 Nopember 2025;Selesai;1;Rp 85.000,-\n"           // line 5: date only, full old spelling
                + "B5;14 Pebruari 2025;Selesai;1;Rp 85.000,-\n"           // line 6
                + "B6;05 Sept 2025 09:30;Selesai;1;Rp 85.000,-\n"         // line 7
                + "B7;21 Agu 2025 12:53;Selesai;1;Rp 85.000,-\n"          // line 8: CLDR's own, as before
                + "B8;21 Agx 2025 12:53;Selesai;1;Rp 85.000,-\n";         // line 9: no month
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "blibli", MAPPING, "Blibli_Order_202508.csv", csv);
        List<String> got = rows.stream().map(r -> r.getAs("source_line") + " " + r.getAs("order_ts") + " " + r.getAs("period_month")
                + " " + r.getAs("reason_code")).toList();
        // WIB is UTC+7: the instants below are 7 hours before the wall-clock times
        assertEquals(List.of(
                "2 " + ts("2025-08-21T05:53:00Z") + " 2025-08 null",
                "3 " + ts("2025-08-02T00:08:00Z") + " 2025-08 null",
                "4 " + ts("2025-11-10T13:00:00Z") + " 2025-11 null",
                "5 " + ts("2025-11-09T17:00:00Z") + " 2025-11 null",
                "6 " + ts("2025-02-13T17:00:00Z") + " 2025-02 null",
                "7 " + ts("2025-09-05T02:30:00Z") + " 2025-09 null",
                "8 " + ts("2025-08-21T05:53:00Z") + " 2025-08 null",
                "9 null null BAD_DATE"), got);
    }

    @Test
    void theVariantsAreWholeWordsOnly() {
        assertEquals("21 Agu 2025", Parsers.monthVariants("21 Agt 2025"));
        assertEquals("1 November 2025", Parsers.monthVariants("1 nopember 2025"));
        assertEquals("5 Sep 2025", Parsers.monthVariants("5 Sept 2025"));
        assertEquals("5 September 2025", Parsers.monthVariants("5 September 2025"));   // not Sept + ember
        assertEquals("Pebble 2025", Parsers.monthVariants("Pebble 2025"));             // not Peb + ble
    }

    private static java.sql.Timestamp ts(String instant) {
        return java.sql.Timestamp.from(java.time.Instant.parse(instant));
    }
}
