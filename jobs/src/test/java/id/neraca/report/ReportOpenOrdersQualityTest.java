package id.neraca.report;

import id.neraca.SparkTestBase;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data-quality section tells the orders not final yet apart from the rejected rows, as the run's log and
 * {@code validate} do. A new marketplace's two monthly exports (the journey audit, 2 Dec 2026: 361 rows, 30 quarantined
 * of which 26 orders still shipping or unpaid, 4 bad prices) were reported as "30 rejected into quarantine (8.3%)",
 * where the run had said "4 rejected + 26 open orders ... not sales gone wrong".
 */
class ReportOpenOrdersQualityTest extends SparkTestBase {
    static Path out;

    @BeforeAll
    static void reportOnTwoMonthlyExports() throws IOException {
        ReportRun.Shared shared = ReportRun.shared(spark);
        Path root = Files.createTempDirectory("neraca-open-orders-test");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ReportFixture.deleteTree(root)));
        out = root.resolve("out");
        ReportRun.copyTree(shared.fixture(), out);
        // the reconciliation as ingest writes it, open_orders its last column
        spark.sql("""
                SELECT * FROM VALUES
                  ('blibli/Pesanan_Blibli_2024-01.csv', 'blibli', 'a1', 39705L, 178L, 163L, 10L, 5L, 8L),
                  ('blibli/Pesanan_Blibli_2024-02.csv', 'blibli', 'b2', 42004L, 183L, 163L, 20L, 0L, 18L)
                  AS t(source_file, mapping, sha256, bytes, rows_read, accepted, quarantined, duplicates_collapsed, open_orders)""")
                .coalesce(1).write().mode(SaveMode.Overwrite).parquet(out.resolve("reconciliation").toString());
        ReportRun.run(spark, out, shared.reference(), null);
    }

    @Test
    void openOrdersAreNotCountedAsRejectedRows() throws IOException {
        String en = Files.readString(out.resolve("report/report.en.md"));
        assertTrue(en.contains("361 rows were read: 326 accepted, 30 quarantined and 5 duplicates collapsed across overlapping "
                + "exports. Of the quarantined rows 4 were rejected (1.1% of the rows read) and 26 are orders not final yet,"), en);
        assertFalse(en.contains("30 rejected"), en);
        assertTrue(en.contains("| `blibli/Pesanan_Blibli_2024-02.csv` | blibli | 183 | 163 | 20 | 18 | 0 |"), en);
        assertTrue(en.contains("| **Total** | | 361 | 326 | 30 | 26 | 5 |"), en);
        String id = Files.readString(out.resolve("report/report.id.md"));
        assertTrue(id.contains("Dari baris yang dikarantina, 4 ditolak (1,1% dari baris yang dibaca) dan 26 adalah pesanan yang "
                + "belum final"), id);
        String html = Files.readString(out.resolve("report/index.en.html"));
        assertTrue(html.contains("<th class=\"num\">Of which open orders or repeated headers</th>"), html);
    }
}
