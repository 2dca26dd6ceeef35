package id.neraca.ingest;

import id.neraca.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lines of one order without a SKU ({@code Nomor Referensi SKU} blank). They all had the line key {@code -}, and the
 * in-file "exact repeat" test compared the amount only: three different products at one price and quantity became
 * 1 accepted + 2 duplicates, and the imported power bank vanished. Now the blank key carries the title's hash, and an
 * exact repeat must repeat the whole line; across exports the later export still wins each line.
 */
class BlankSkuLinesTest extends SparkTestBase {
    @TempDir
    static Path tmp;
    static Dataset<Row> resolved;

    static final String EARLY = "shopee/shopee_orders_20240901_20240930.csv";
    static final String LATE = "shopee/shopee_orders_20240915_20241015.csv";

    /** A Shopee line: order, status, title, SKU, origin country; the same price, quantity, seller and time for all. */
    static String line(String order, String status, String title, String sku, String origin) {
        return order + ";" + status + ";10/09/2024 10:00;" + title + ";" + sku + ";;Fashion;Rp50.000;Rp50.000;1;Rp50.000;"
                + "Toko Rahasia;NIK;3273011508850001;Kota Bandung;Jawa Barat;" + origin + ";" + origin + ";Mikro";
    }

    @BeforeAll
    static void ingest() throws Exception {
        Path dumps = tmp.resolve("dumps");
        Files.createDirectories(dumps.resolve("shopee"));
        Files.writeString(dumps.resolve(EARLY), BadInputTest.SHOPEE_HEADER + "\n"
                + line("O1", "Selesai", "Kaos Polos Hitam", "", "Indonesia") + "\n"                 // line 2
                + line("O1", "Selesai", "Kaos Polos Putih", "", "Indonesia") + "\n"                 // line 3
                + line("O1", "Selesai", "Powerbank Xiaomi 10000mAh", "", "Tiongkok") + "\n"         // line 4
                + line("O1", "Selesai", "Kaos Polos Hitam", "", "Indonesia") + "\n"                 // line 5: exact repeat of 2
                + line("O2", "Selesai", "Kabel Data", "KBL-1", "Indonesia") + "\n"                  // line 6
                + line("O2", "Selesai", "Kabel Data", "KBL-1", "Tiongkok") + "\n");                 // line 7: same key, other origin
        // the later export repeats the power bank, cancelled since
        Files.writeString(dumps.resolve(LATE), BadInputTest.SHOPEE_HEADER + "\n"
                + line("O1", "Batal", "Powerbank Xiaomi 10000mAh", "", "Tiongkok") + "\n");         // line 2
        resolved = IngestFixtures.resolve(spark, IngestFixtures.prepare(dumps, IngestFixtures.reference(tmp), false));
    }

    private static List<String> rows(Dataset<Row> d) {
        return d.orderBy("source_file", "source_line").collectAsList().stream()
                .map(r -> r.getAs("source_file") + ":" + r.getAs("source_line") + " " + r.getAs("disposition") + " "
                        + r.getAs("sale_id") + " " + r.getAs("status") + " " + r.getAs("reason_code"))
                .toList();
    }

    @Test
    void differentProductsWithoutASkuInOneOrderAreAllKeptAndTheLaterExportWinsEachLine() {
        assertEquals(List.of(
                EARLY + ":2 ACCEPTED shopee:O1:-t8a5e8980feca4c23 COMPLETED null",
                EARLY + ":3 ACCEPTED shopee:O1:-tff3d466f3103a8e6 COMPLETED null",
                EARLY + ":4 DUPLICATE shopee:O1:-t9361e574f1987d41 COMPLETED null",
                EARLY + ":5 DUPLICATE shopee:O1:-t8a5e8980feca4c23 COMPLETED null",
                EARLY + ":6 ACCEPTED shopee:O2:KBL-1 COMPLETED null",
                EARLY + ":7 QUARANTINED shopee:O2:KBL-1 COMPLETED CONFLICTING_DUPLICATE",
                LATE + ":2 ACCEPTED shopee:O1:-t9361e574f1987d41 CANCELLED null"),
                rows(resolved));
    }

    @Test
    void theImportedPowerBankIsInTheSalesWithItsOrigin() {
        List<Row> pb = ResolveDuplicates.sales(resolved).filter(col("product_title").equalTo("Powerbank Xiaomi 10000mAh")).collectAsList();
        assertEquals(1, pb.size());
        assertEquals("CN", pb.get(0).getAs("origin_country"));
        assertEquals("CANCELLED", pb.get(0).getAs("status"));
    }

    @Test
    void aSameKeyLineThatDiffersInOriginIsAConflictNamingTheColumnsNotACollapse() {
        Row q = ResolveDuplicates.quarantine(resolved).filter(col("reason_code").equalTo("CONFLICTING_DUPLICATE")).first();
        assertEquals("same sale_id as line 6 of this file with a different origin_country, ship_from_country; line 6 was kept",
                q.getAs("reason_detail"));
    }

    @Test
    void theLineKeyOfABlankSkuIsTheTitlesHashOrADashWithoutATitle() {
        assertEquals("-t8a5e8980feca4c23", RecordParser.blankLineKey("Kaos Polos Hitam"));
        assertEquals("-", RecordParser.blankLineKey(null));
    }
}
