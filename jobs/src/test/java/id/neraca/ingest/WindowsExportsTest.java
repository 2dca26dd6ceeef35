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

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dumps as they arrive from Windows machines: upper-case extensions and folder names ({@code Shopee/…CSV},
 * {@code .CSV.GZ}), CRLF line ends and a BOM. They match their mappings (globs ignore letter case), gzip is
 * recognised whatever the case of its extension, and no field keeps a stray carriage return. Thumbs.db, desktop.ini
 * and an Excel owner file ({@code ~$…CSV}) beside them are skipped, not reported as dumps no mapping matches.
 */
class WindowsExportsTest extends SparkTestBase {
    @TempDir
    static Path tmp;
    static IngestRun.Prepared prepared;
    static List<Row> sales;

    static final String XB_HEADER = "order_no,item_no,order_time,store_id,store_name,store_country,store_registration_no,"
            + "store_id_type,ship_from,item_title,brand,category,qty,unit_price,currency,order_state,buyer_city";

    @BeforeAll
    static void ingest() throws IOException {
        Path dumps = tmp.resolve("dumps");
        write(dumps, "Shopee/SHOPEE_ORDERS_20230301_20230331.CSV", BadInputTest.utf8("\uFEFF" + BadInputTest.SHOPEE_HEADER + "\r\n"
                + BadInputTest.shopee("W1", "05/03/2023 10:00", "Rp50.000", "2", "Kaos Polos") + "\r\n"
                + BadInputTest.shopee("W2", "06/03/2023 11:30", "Rp1.250.000", "1", "Batik Tulis") + "\r\n"));
        write(dumps, "crossborder/XB_ORDERS_2023-01.CSV.GZ", BadInputTest.gzip(BadInputTest.utf8(XB_HEADER + "\r\n"
                + "X1,1,1673481600000,S1,Store,CN,REG1,FOREIGN_REG,CN,Serum Wajah,B,Beauty,1,2.50,USD,FINISHED,Bandung\r\n")));
        // what Windows and Excel leave beside the exports: skipped, not "no mapping matches"
        write(dumps, "Shopee/Thumbs.db", new byte[]{0, 1, 2, 3});
        write(dumps, "Shopee/desktop.ini", BadInputTest.utf8("[.ShellClassInfo]\r\n"));
        write(dumps, "Shopee/~$SHOPEE_ORDERS_20230301_20230331.CSV", new byte[]{7, 'J', 'o', 'h', 'n', 0, 0});
        prepared = IngestFixtures.prepare(dumps, IngestFixtures.reference(tmp), false);
        Dataset<Row> resolved = IngestFixtures.resolve(spark, prepared);
        sales = resolved.filter(col("disposition").equalTo("ACCEPTED")).orderBy("sale_id")
                .select("sale_id", "source_file", "quantity", "unit_price_idr", "gmv_idr", "declared_umkm_tier")
                .collectAsList();
    }

    static void write(Path dumps, String rel, byte[] bytes) throws IOException {
        Path p = dumps.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    @Test
    void upperCaseNamesMatchTheirMappingsAndGzipIsRecognised() {
        assertTrue(prepared.plan().issues().isEmpty(), String.valueOf(prepared.plan().issues()));
        List<FileTask> tasks = prepared.plan().tasks();
        // export_order (which export is the latest, for duplicates across exports) reads upper-case names too
        assertEquals(List.of("Shopee/SHOPEE_ORDERS_20230301_20230331.CSV|shopee|false|20230331",
                        "crossborder/XB_ORDERS_2023-01.CSV.GZ|crossborder|true|2023-01"),
                tasks.stream().map(t -> t.sourceFile() + "|" + t.mapping() + "|" + t.gzip() + "|" + t.exportKey()).toList());
    }

    @Test
    void anExcelWorkbookIsNamedAsSuchWithWhatToDo() throws Exception {
        // .xlsx is read (XlsxIngestTest); an old binary .xls is named as such
        Path dumps = tmp.resolve("excel");
        write(dumps, "shopee/Order.all.20230301_20230331.xls", new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        DumpPlanner.Plan plan = IngestFixtures.prepare(dumps, IngestFixtures.reference(tmp), false).plan();
        assertEquals(1, plan.issues().size());
        String msg = plan.issues().get(0).render();
        assertTrue(msg.contains("Excel 97-2003 workbook") && msg.contains("CSV UTF-8") && msg.contains("Nearest: shopee"), msg);
        // an .xlsx no mapping's pattern matches says how a mapping reads one
        write(dumps, "blibli/Blibli_Orders_2024-03.XLSX", new byte[]{'P', 'K', 3, 4, 20, 0, 6, 0});
        plan = IngestFixtures.prepare(dumps, IngestFixtures.reference(tmp), false).plan();
        msg = plan.issues().stream().filter(i -> i.file().startsWith("blibli/")).findFirst().orElseThrow().render();
        assertTrue(msg.contains("Excel workbook (.xlsx)") && msg.contains("shopee/*.xlsx"), msg);
    }

    @Test
    void crlfLinesParseWithoutAStrayCarriageReturn() {
        assertEquals(List.of(
                        // USD 2.50 x 15286.95 (2023-01) = 38217.375 -> 38217.38
                        "crossborder:X1:1|crossborder/XB_ORDERS_2023-01.CSV.GZ|1|38217.38|38217.38|null",
                        // the last column, Skala Usaha "Mikro", is read as MICRO: no "\r" left on it
                        "shopee:W1:SKU-1|Shopee/SHOPEE_ORDERS_20230301_20230331.CSV|2|50000.00|100000.00|MICRO",
                        "shopee:W2:SKU-1|Shopee/SHOPEE_ORDERS_20230301_20230331.CSV|1|1250000.00|1250000.00|MICRO"),
                sales.stream().map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3) + "|" + r.get(4) + "|" + r.get(5)).toList());
    }
}
