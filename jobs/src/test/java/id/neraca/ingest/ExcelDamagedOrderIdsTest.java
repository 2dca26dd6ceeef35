package id.neraca.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A TikTok export opened and saved in Excel: the 18-digit Order IDs written as 5.70000E+17. Their last digits are gone,
 * so two different orders had one sale_id and one of them was collapsed as a duplicate (26 orders became 2 in the
 * exploratory test); each such row is quarantined BAD_ORDER_ID, saying how to re-export. An order number written in
 * full, or a short one, is read as before, and so is an alphanumeric one with an E between digits (23090434994E99).
 */
class ExcelDamagedOrderIdsTest {
    @TempDir
    Path tmp;

    private static final String HEADER = "Order ID,Order Status,Seller SKU,Product Name,Brand,Category,Quantity,SKU Unit Original Price,"
            + "SKU Subtotal After Discount,Created Time,Seller ID Type,Seller ID,Seller City,Province,Country of Origin,Ship From,Cross-border\n";

    private static String line(String orderId, String sku) {
        return orderId + ",Completed," + sku + ",Emina Bright Stuff Face Wash,,Beauty & Personal Care,1,22000,21100,2023-01-03 17:13:30,"
                + "NIK,3504151311911508,Kabupaten Tulungagung,Jawa Timur,,ID,No\n";
    }

    @Test
    void anOrderIdExcelWroteInScientificNotationIsQuarantinedNotCollapsed() throws Exception {
        List<Row> rows = IngestFixtures.parseWithBundledMapping(tmp, "tiktokshop", "tiktokshop/tiktok_orders_2023-01.csv", HEADER
                + line("5.70000E+17", "P074-H") + line("\"5,70000E+17\"", "P074-H") + line("5.7E17", "P074-H")
                + line("570000015838000006", "P074-H") + line("12345", "P074-H") + line("23090434994E99", "P074-H")
                + line("5E+17", "P074-H"));
        for (int i = 0; i < 3; i++) {
            assertEquals("BAD_ORDER_ID", rows.get(i).getAs("reason_code"), String.valueOf(rows.get(i)));
            assertTrue(((String) rows.get(i).getAs("reason_detail")).contains("formatted as text"), String.valueOf(rows.get(i)));
        }
        assertNull(rows.get(3).getAs("reason_code"));
        assertEquals("tiktokshop:570000015838000006:P074-H", rows.get(3).getAs("sale_id"));
        assertNull(rows.get(4).getAs("reason_code"), "a short order number is not damage");
        // Shopee's order numbers are digits and capitals: an E between digits is one of them, not an exponent (11 of
        // 5 million generated orders were quarantined by the 5M benchmark, and DuckDB's pipeline disagreed)
        assertNull(rows.get(5).getAs("reason_code"), String.valueOf(rows.get(5)));
        assertEquals("tiktokshop:23090434994E99:P074-H", rows.get(5).getAs("sale_id"));
        assertEquals("BAD_ORDER_ID", rows.get(6).getAs("reason_code"), "a signed exponent is a spreadsheet's");
    }
}
