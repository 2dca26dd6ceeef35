package id.neraca.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import id.neraca.SparkTestBase;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A spreadsheet's totals row under the data ({@code TOTAL;;;;;;190;Rp 1.700.000,-}), as a Blibli-style export (or
 * whoever opened it in Excel) writes it. It was MISSING_VALUE "status blank" and counted against the file's 5%
 * threshold: a small shop's month of 12 orders was 1 of 13 rows rejected (7.7%), exit 3, for a row that is no sale.
 * It is now SUMMARY_ROW, kept and counted in the reconciliation but left out of the share like a repeated header; a
 * sale of a brand called TOTAL is still a sale.
 */
class SummaryRowTest extends SparkTestBase {
    @TempDir
    Path tmp;

    static final String MAPPING = """
            marketplace: blibli
            files: ["blibli/*.csv"]
            format: {type: csv, delimiters: [";"]}
            grain: ORDER_LINE
            columns:
              order_id: {source: "No. Order"}
              order_ts: {source: "Tanggal Order", formats: ["dd MMM yyyy HH:mm"], zone: WIB}
              status: {source: "Status Order", map: {Selesai: COMPLETED}}
              product_title: {source: "Nama Produk"}
              brand: {source: "Merek"}
              quantity: {source: "Jumlah"}
              unit_price: {source: "Harga Satuan"}
            """;
    static final String HEADER = "No. Order;Tanggal Order;Status Order;Nama Produk;Merek;Jumlah;Harga Satuan\n";

    static String month() {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 1; i <= 11; i++) b.append("B").append(i).append(";0").append(i % 9 + 1).append(" Nov 2025 10:00;Selesai;Kopi Gayo;;1;Rp 100.000,-\n");
        b.append("B12;12 Nov 2025 10:00;Selesai;Oli Mesin 1L;TOTAL;6;Rp 100.000,-\n");   // line 13: a brand called TOTAL
        b.append("TOTAL;;;;;17;Rp 1.700.000,-\n");                                        // line 14: the totals row
        b.append("\n\n");
        return b.toString();
    }

    @Test
    void theTotalsRowIsSetAsideAndAMonthOfTwelveOrdersPasses() throws Exception {
        JsonNode m = IngestFixtures.ingestStage(spark, tmp, "blibli", MAPPING, Map.of("blibli/Blibli_Order_202511.csv", month()), 0.05);
        JsonNode in = m.get("inputs").get(0);
        assertEquals(List.of(13L, 12L, 1L, 0L, 1L), List.of(in.get("rows_read").asLong(), in.get("accepted").asLong(),
                in.get("quarantined").asLong(), in.get("duplicates_collapsed").asLong(), in.get("open_orders").asLong()), in.toString());
        List<Row> q = spark.read().parquet(tmp.resolve("out/quarantine").toString()).collectAsList();
        assertEquals(1, q.size());
        assertEquals("14 SUMMARY_ROW a totals row ('TOTAL'), not a sale", q.get(0).getAs("source_line") + " " + q.get(0).getAs("reason_code")
                + " " + q.get(0).<String>getAs("reason_detail").substring(0, 34));
        Row oil = spark.read().parquet(tmp.resolve("out/sales").toString()).filter("product_title = 'Oli Mesin 1L'").collectAsList().get(0);
        assertEquals("TOTAL 6 600000.00", oil.getAs("brand") + " " + oil.getAs("quantity") + " " + oil.getAs("gmv_idr"));
    }

    @Test
    void onlyARowWithoutOrderTimeOrStatusOfItsOwnIsATotalsRow() throws Exception {
        String csv = HEADER
                + "Grand Total:;;;;;3;Rp 300.000,-\n"                    // line 2: a label with a colon
                + ";;;Total;;3;Rp 300.000,-\n"                           // line 3: the label under another column
                + "TOTAL;01 Nov 2025 10:00;Selesai;Kopi;;1;Rp 1,-\n"     // line 4: an order numbered TOTAL with a time: a sale
                + ";;;Kopi;;1;Rp 100.000,-\n";                           // line 5: a blank row with a value, no label
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "blibli", MAPPING, "Blibli_Order_202511.csv", csv);
        assertEquals(List.of("2 SUMMARY_ROW", "3 SUMMARY_ROW", "4 null", "5 MISSING_VALUE"),
                rows.stream().map(r -> r.getAs("source_line") + " " + r.getAs("reason_code")).toList());
    }
}
