package id.neraca.ingest;

import id.neraca.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Shopee .xlsx export and the older CSV export of the same orders, through the Spark ingest: the workbook's rows
 * are the same canonical rows as the CSV's (the later export wins each duplicate, the other is collapsed), and the
 * workbook gets the same reconciliation and quarantine threshold as a CSV file.
 */
class XlsxSparkIngestTest extends SparkTestBase {
    @TempDir
    static Path tmp;
    static IngestRun.Prepared prepared;
    static Dataset<Row> resolved;
    static List<IngestRun.FileCounts> counts;

    static final String XLSX = "shopee/shopee_orders_20230301_20230331.xlsx";
    static final String CSV = "shopee/shopee_orders_20230301_20230330.csv";

    @BeforeAll
    static void ingest() throws IOException {
        Path dumps = tmp.resolve("dumps");
        XlsxIngestTest.shopeeWorkbook().write(dumps.resolve(XLSX));
        String seller = "Toko Rahasia;NIK;3273011508850001;";
        Files.writeString(dumps.resolve(CSV), "\uFEFF" + BadInputTest.SHOPEE_HEADER + "\r\n"
                + "230305ABC;Selesai;05/03/2023 10:22:11;Kaos Polos;SKU-1;Merek;Fashion;15000;12.500,50;2;25001;" + seller
                + "Kota Bandung;Jawa Barat;Indonesia;Indonesia;Mikro\r\n"
                + "2303310001;Selesai;31/03/2023 23:30;Kopi Bali;KB-250;Merek;Fashion;150000;150000;1;;" + seller
                + "Kota Denpasar;Bali;Indonesia;Indonesia;Mikro\r\n"
                + "230307TXT;Selesai;07/03/2023 08:00;Kaos;SKU-3;Merek;Fashion;Rp50.000;Rp50.000;1;;" + seller
                + "Kota Bandung;Jawa Barat;Indonesia;Indonesia;Mikro\r\n");
        prepared = IngestFixtures.prepare(dumps, IngestFixtures.reference(tmp), false);
        resolved = IngestFixtures.resolve(spark, prepared);
        counts = IngestRun.count(resolved, prepared.plan());
    }

    private static IngestRun.FileCounts counts(String file) {
        return counts.stream().filter(c -> c.task().sourceFile().equals(file)).findFirst().orElseThrow();
    }

    @Test
    void theWorkbookIsReconciledLikeACsvFile() {
        assertEquals(List.of(), prepared.plan().issues());
        IngestRun.FileCounts x = counts(XLSX);
        assertEquals(List.of(5L, 3L, 2L, 0L), List.of(x.rowsRead(), x.accepted(), x.quarantined(), x.duplicates()));
        assertEquals(Map.of("BAD_VALUE", 1L, "WRONG_FIELD_COUNT", 1L), x.reasons());
        IngestRun.FileCounts c = counts(CSV);
        assertEquals(List.of(3L, 0L, 0L, 3L), List.of(c.rowsRead(), c.accepted(), c.quarantined(), c.duplicates()));
        List<String> failures = IngestRun.failures(counts, IngestFixtures.CFG);
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).startsWith(XLSX + ": 2 of 5 rows quarantined"), failures.get(0));
    }

    @Test
    void eachOrderIsTheSameCanonicalRowFromTheWorkbookAsFromTheCsv() {
        String[] canonical = {"sale_id", "order_ts", "period_month", "seller_key", "seller_id_type", "seller_id_valid",
                "seller_province_code", "seller_city", "origin_country", "ship_from_country", "declared_umkm_tier",
                "product_title", "brand", "category", "quantity", "unit_price_idr", "gmv_idr", "source_currency", "status"};
        List<Row> fromXlsx = resolved.filter(col("source_file").equalTo(XLSX).and(col("disposition").equalTo("ACCEPTED")))
                .select(canonical[0], java.util.Arrays.copyOfRange(canonical, 1, canonical.length)).orderBy("sale_id").collectAsList();
        List<Row> fromCsv = resolved.filter(col("source_file").equalTo(CSV).and(col("disposition").equalTo("DUPLICATE")))
                .select(canonical[0], java.util.Arrays.copyOfRange(canonical, 1, canonical.length)).orderBy("sale_id").collectAsList();
        assertEquals(3, fromXlsx.size());
        assertEquals(fromCsv, fromXlsx);
        assertEquals(List.of("shopee:230305ABC:SKU-1", "shopee:230307TXT:SKU-3", "shopee:2303310001:KB-250"),
                fromXlsx.stream().map(r -> r.getString(0)).toList());
    }

    @Test
    void theQuarantineKeepsTheSheetRowMasked() {
        List<Row> q = IngestRun.quarantine(spark, prepared, resolved, counts).orderBy("source_line").collectAsList();
        assertEquals(2, q.size());
        Row bad = q.get(0);
        assertEquals(XLSX, bad.getAs("source_file"));
        assertEquals(6L, (long) bad.getAs("source_line"));
        assertEquals("BAD_VALUE", bad.getAs("reason_code"));
        assertEquals("230306ERR,Selesai,06/03/2023 09:00,Kaos,SKU-2,Merek,Fashion,***,#VALUE!,1,,***,NIK,***,"
                + "Kota Bandung,Jawa Barat,Indonesia,Indonesia,Mikro", bad.getAs("raw_row"));
        assertEquals(8L, (long) q.get(1).getAs("source_line"));
    }
}
