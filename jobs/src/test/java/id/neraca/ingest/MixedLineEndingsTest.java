package id.neraca.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A CSV whose lines mostly end in LF but some in a carriage return alone: a month's TikTok export written by a
 * classic-Mac tool and joined to the others with {@code cat}. The reader split lines at LF only, so the CR-ended rows
 * were one line of hundreds of fields: one WRONG_FIELD_COUNT row, rows_read short by the rest, and under the file's
 * 5% threshold the run went on (the audit of 2 Dec 2026: 31 orders of May 2024 counted as 1 row read, 1 quarantined).
 * A CR alone outside quotes now ends a line, numbered as one; a CR inside a quoted field stays the field's, and so does
 * one inside an unquoted field of a row that has the header's number of fields with it (read as a space, as before).
 */
class MixedLineEndingsTest {
    @TempDir
    Path tmp;

    static final String HEADER = "Order ID,Order Status,Seller SKU,Product Name,Brand,Category,Quantity,SKU Unit Original Price,"
            + "SKU Subtotal After Discount,Created Time,Seller ID Type,Seller ID,Seller City,Province,Country of Origin,Ship From,Cross-border";

    static String order(String id, String title, int qty, long lineTotal, String time) {
        return id + ",Completed,P-" + id + "," + title + ",,Food & Beverages," + qty + ",1000," + lineTotal + "," + time
                + ",NIB,1093425447458,Kota Bandung,Jawa Barat,ID,ID,No";
    }

    private static List<String> rows(List<Row> parsed) {
        return parsed.stream().map(r -> r.getAs("source_line") + " " + r.getAs("sale_id") + " " + r.getAs("product_title") + " "
                + r.getAs("quantity") + " " + r.getAs("unit_price_idr") + " " + r.getAs("reason_code")).toList();
    }

    @Test
    void rowsEndingInACarriageReturnAloneAreRowsEachWithItsOwnLineNumber() throws Exception {
        String csv = HEADER + "\n"
                + order("A1", "Kopi Gayo", 2, 50000, "2024-04-30 10:00:00") + "\n"          // line 2, LF
                + order("M1", "Keripik Balado", 1, 15000, "2024-05-01 08:00:00") + "\r"     // line 3, CR alone
                + order("M2", "Sambal Roa", 3, 90000, "2024-05-02 09:00:00") + "\r"         // line 4, CR alone
                + order("M3", "Teh Tubruk", 1, 12000, "2024-05-03 10:00:00") + "\r\n"       // line 5, CRLF
                + order("J1", "Gula Aren", 4, 100000, "2024-06-01 11:00:00") + "\n";        // line 6, LF
        List<Row> parsed = IngestFixtures.parseWithBundledMapping(tmp, "tiktokshop", "tiktokshop/tiktok_orders_2024-04.csv", csv);
        assertEquals(List.of(
                "2 tiktokshop:A1:P-A1 Kopi Gayo 2 25000.00 null",
                "3 tiktokshop:M1:P-M1 Keripik Balado 1 15000.00 null",
                "4 tiktokshop:M2:P-M2 Sambal Roa 3 30000.00 null",
                "5 tiktokshop:M3:P-M3 Teh Tubruk 1 12000.00 null",
                "6 tiktokshop:J1:P-J1 Gula Aren 4 25000.00 null"), rows(parsed));
    }

    @Test
    void aCarriageReturnInsideAQuotedTitleIsTheTitlesAndNumbersNoLine() throws Exception {
        String csv = HEADER + "\n"
                + order("Q1", "\"Kain Tenun\rEndek Bali\"", 1, 650000, "2024-04-10 10:00:00") + "\n"   // line 2
                + order("Q2", "Noken", 1, 350000, "2024-04-11 10:00:00") + "\r"                     // line 3, CR alone
                + order("Q3", "Tas Pandan", 1, 175000, "2024-04-12 10:00:00") + "\n";               // line 4
        List<Row> parsed = IngestFixtures.parseWithBundledMapping(tmp, "tiktokshop", "tiktokshop/tiktok_orders_2024-04.csv", csv);
        assertEquals(List.of(
                "2 tiktokshop:Q1:P-Q1 Kain Tenun Endek Bali 1 650000.00 null",
                "3 tiktokshop:Q2:P-Q2 Noken 1 350000.00 null",
                "4 tiktokshop:Q3:P-Q3 Tas Pandan 1 175000.00 null"), rows(parsed));
    }

    @Test
    void aStrayCarriageReturnInsideAnUnquotedFieldOfARowThatFitsTheHeaderIsASpace() throws Exception {
        String csv = HEADER + "\n"
                + order("S1", "Kain Tenun\rEndek", 1, 650000, "2024-04-10 10:00:00") + "\n"     // line 2: 17 fields with the CR
                + order("S2", "Noken", 1, 350000, "2024-04-11 10:00:00") + "\n";                 // line 3
        List<Row> parsed = IngestFixtures.parseWithBundledMapping(tmp, "tiktokshop", "tiktokshop/tiktok_orders_2024-04.csv", csv);
        assertEquals(List.of(
                "2 tiktokshop:S1:P-S1 Kain Tenun Endek 1 650000.00 null",
                "3 tiktokshop:S2:P-S2 Noken 1 350000.00 null"), rows(parsed));
    }

    @Test
    void jsonLinesEndingInACarriageReturnAloneAreRecordsToo() throws Exception {
        String mapping = """
                marketplace: orders
                files: ["orders/*.jsonl"]
                format: {type: jsonl}
                grain: ORDER_LINE
                columns:
                  order_id: {path: id}
                  order_ts: {path: at, formats: [iso], zone: WIB}
                  status: {path: status, map: {done: COMPLETED}}
                  product_title: {path: title}
                  quantity: {path: qty}
                  unit_price: {path: price, parser: decimal}
                """;
        String jsonl = "{\"id\":\"J1\",\"at\":\"2024-05-01T10:00:00\",\"status\":\"done\",\"title\":\"Kopi\",\"qty\":1,\"price\":\"15000\"}\n"
                + "{\"id\":\"J2\",\"at\":\"2024-05-02T10:00:00\",\"status\":\"done\",\"title\":\"Teh\\r\\nTubruk\",\"qty\":2,\"price\":\"12000\"}\r"
                + "{\"id\":\"J3\",\"at\":\"2024-05-03T10:00:00\",\"status\":\"done\",\"title\":\"Gula\",\"qty\":3,\"price\":\"9000\"}\n";
        List<Row> parsed = IngestFixtures.parseWithMapping(tmp, "orders", mapping, "orders-2024-05.jsonl", jsonl);
        // lines 2 and 3 were one line, BAD_JSON "more than one JSON value on the line": 2 rows read for 3 (a first line
        // ending in CR alone is refused at planning, as for CSV: CrOnlyLineEndingsTest)
        assertEquals(List.of(
                "1 orders:J1:-t" + sha("Kopi") + " Kopi 1 15000.00 null",
                "2 orders:J2:-t" + sha("Teh Tubruk") + " Teh Tubruk 2 12000.00 null",
                "3 orders:J3:-t" + sha("Gula") + " Gula 3 9000.00 null"), rows(parsed));
    }

    private static String sha(String title) {
        return id.neraca.core.Hashing.sha256(title.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
    }

    @Test
    void aFileWithCarriageReturnsAloneIsReadByOneTaskNotInByteRanges() throws Exception {
        org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration());
        Path mixed = tmp.resolve("mixed.csv");
        Files.writeString(mixed, "h\na\rb\nc\nd\n");
        // the LF count before a range's start cannot number lines that CRs alone end: no ranges, one task reads it
        assertNull(DumpPlanner.scan(fs, new org.apache.hadoop.fs.Path(mixed.toUri()), 3).boundaryNewlines());
        Path lastCr = tmp.resolve("last-cr.csv");
        Files.writeString(lastCr, "h\na\nb\nc\r");
        assertNull(DumpPlanner.scan(fs, new org.apache.hadoop.fs.Path(lastCr.toUri()), 3).boundaryNewlines());
        Path crlf = tmp.resolve("crlf.csv");
        Files.writeString(crlf, "h\r\na\r\nb\r\nc\r\n");
        assertArrayEquals(new long[]{0, 1, 2}, DumpPlanner.scan(fs, new org.apache.hadoop.fs.Path(crlf.toUri()), 3).boundaryNewlines());
    }
}
