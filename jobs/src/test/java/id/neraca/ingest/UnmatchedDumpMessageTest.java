package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.core.NeracaException;
import id.neraca.ingest.ids.SellerKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dump no mapping matches: the error names the mappings folder the run really read (run.mappings_dir). */
class UnmatchedDumpMessageTest {
    @TempDir
    Path tmp;

    @Test
    void theErrorNamesTheConfiguredMappingsFolder() throws IOException {
        Path root = SparkTestBase.projectRoot();
        Path maps = Files.createDirectories(tmp.resolve("my-mappings"));
        Files.copy(root.resolve("data/marketplaces/shopee.yaml"), maps.resolve("shopee.yaml"));
        Path dumps = Files.createDirectories(tmp.resolve("dumps/lazada"));
        Files.writeString(dumps.resolve("Lazada_Orders_2024-03.csv"), "Order Number,Status\n1,delivered\n");
        NeracaException e = assertThrows(NeracaException.class, () -> IngestRun.prepare(maps, root.resolve("data/reference"),
                tmp.resolve("dumps").toString(), SellerKeys.resolve(java.util.Map.of(), true), IngestConfig.defaults(), false, true));
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        // it said "no mapping in data/marketplaces" whatever run.mappings_dir was: the economist then edits the wrong folder
        assertTrue(e.getMessage().contains("no mapping in " + maps + " matches this file"), e.getMessage());
        assertFalse(e.getMessage().contains("data/marketplaces"), e.getMessage());
    }

    /**
     * The nearest mappings are ranked by the header's cells, not by words found anywhere in its line (the audit of 2 Dec
     * 2026: a 4-column test mapping whose names are words of a Lazada header, "Order", "Status", "Price", "Name", came
     * first, "3 of 4 mapped columns in the header", none of them a column of the file).
     */
    @Test
    void theNearestMappingsAreRankedByTheHeadersCells() throws IOException {
        Path root = SparkTestBase.projectRoot();
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Files.copy(root.resolve("data/marketplaces/lazada.yaml"), maps.resolve("lazada.yaml"));
        Files.writeString(maps.resolve("toko.yaml"), """
                marketplace: toko
                files: ["toko/*.csv"]
                format: {type: csv}
                grain: ORDER_LINE
                columns:
                  order_id: {source: "Order"}
                  order_ts: {source: "Time", formats: [iso], zone: WIB}
                  status: {source: "Status", map: {done: COMPLETED}}
                  quantity: {constant: "1"}
                  unit_price: {source: "Price"}
                  shop_name: {source: "Name"}
                """);
        Path inbox = Files.createDirectories(tmp.resolve("dumps/inbox"));
        Files.writeString(inbox.resolve("Lazada_Orders_2024-03.csv"), "Order Number,Order Item Id,Created at,Status,Item Name,Brand,"
                + "Category,Paid Price,Seller Name,Seller Tax ID\n316458201,1001,14 Mar 2024 10:05,delivered,Kemeja Batik,Batik Keris,"
                + "Fashion,\"185,000.00\",Batik Pekalongan,01.234.567.4-123.000\n");
        NeracaException e = assertThrows(NeracaException.class, () -> IngestRun.prepare(maps, root.resolve("data/reference"),
                tmp.resolve("dumps").toString(), SellerKeys.resolve(java.util.Map.of(), true), IngestConfig.defaults(), false, true));
        String msg = e.getMessage();
        assertTrue(msg.contains("Nearest: lazada (same extension, 10 of 15 mapped columns in the header)"), msg);
        assertTrue(msg.contains("toko (same extension, 1 of 5 mapped columns in the header)"), msg);
    }

    /**
     * A marketplace's folder passed as --dumps (data/samples/shopee): its exports match no glob (shopee/*.csv), and the
     * error said only "Nearest: shopee (...)". It now says the file looks like a shopee export outside a shopee/ folder,
     * and how to fix it: pass the folder above, or move the file.
     */
    @Test
    void anExportOutsideItsMarketplacesFolderSaysSoAndHowToFixIt() throws IOException {
        Path root = SparkTestBase.projectRoot();
        Path shopee = Files.createDirectories(tmp.resolve("dumps/shopee"));
        Files.writeString(shopee.resolve("shopee_orders_20230301_20230331.csv"), "\uFEFF" + BadInputTest.SHOPEE_HEADER + "\n"
                + BadInputTest.shopee("A1", "05/03/2023 10:00", "Rp50.000", "1", "Kaos") + "\n");
        NeracaException e = assertThrows(NeracaException.class, () -> IngestRun.prepare(root.resolve("data/marketplaces"),
                root.resolve("data/reference"), shopee.toString(), SellerKeys.resolve(java.util.Map.of(), true), IngestConfig.defaults(),
                false, true));
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("It looks like an export for mapping 'shopee' (its header has every column it requires), but it "
                + "is not in a shopee/ folder under --dumps: --dumps " + shopee + " is that folder itself: pass the folder above it "
                + "(--dumps " + tmp.resolve("dumps") + "), or move the file into shopee/ under --dumps. Nearest: shopee"), e.getMessage());

        // a folder of another name: move the file into shopee/
        Path other = Files.createDirectories(tmp.resolve("inbox"));
        Files.move(shopee.resolve("shopee_orders_20230301_20230331.csv"), other.resolve("shopee_orders_20230301_20230331.csv"));
        e = assertThrows(NeracaException.class, () -> IngestRun.prepare(root.resolve("data/marketplaces"), root.resolve("data/reference"),
                other.toString(), SellerKeys.resolve(java.util.Map.of(), true), IngestConfig.defaults(), false, true));
        assertTrue(e.getMessage().contains("but it is not in a shopee/ folder under --dumps: move it into a shopee/ folder under --dumps ("
                + other + "/shopee/)"), e.getMessage());

        // a file whose header lacks a column the mapping needs is not called an export of it
        Files.writeString(other.resolve("shopee_orders_20230301_20230331.csv"), "No. Pesanan;Status Pesanan\n1;Selesai\n");
        e = assertThrows(NeracaException.class, () -> IngestRun.prepare(root.resolve("data/marketplaces"), root.resolve("data/reference"),
                other.toString(), SellerKeys.resolve(java.util.Map.of(), true), IngestConfig.defaults(), false, true));
        assertFalse(e.getMessage().contains("It looks like"), e.getMessage());
    }
    /** A zip inside a zip is not unpacked: the error says so and how to unpack it, not only "no mapping matches". */
    @Test
    void aZipInsideAZipIsNamedAsOne() throws IOException {
        Path root = SparkTestBase.projectRoot();
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Files.copy(root.resolve("data/marketplaces/shopee.yaml"), maps.resolve("shopee.yaml"));
        java.io.ByteArrayOutputStream inner = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(inner)) {
            z.putNextEntry(new java.util.zip.ZipEntry("Order.all.20240301_20240331.csv"));
            z.write("No. Pesanan,Status Pesanan\n1,Selesai\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        }
        Path dumps = Files.createDirectories(tmp.resolve("dumps/shopee"));
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(dumps.resolve("exports.zip")))) {
            z.putNextEntry(new java.util.zip.ZipEntry("2024/march.zip"));
            z.write(inner.toByteArray());
            z.closeEntry();
        }
        NeracaException e = assertThrows(NeracaException.class, () -> IngestRun.prepare(maps, root.resolve("data/reference"),
                tmp.resolve("dumps").toString(), SellerKeys.resolve(java.util.Map.of(), true), IngestConfig.defaults(), false, true));
        assertTrue(e.getMessage().contains("exports.zip/2024/march.zip"), e.getMessage());
        assertTrue(e.getMessage().contains("It is a zip archive inside a zip archive: neraca unpacks one level"), e.getMessage());
        assertFalse(DumpPlanner.nestedZip("shopee/exports.zip"));
        assertFalse(DumpPlanner.nestedZip("shopee/exports.zip/march.csv"));
        assertTrue(DumpPlanner.nestedZip("shopee/Exports.ZIP/march.Zip"));
    }
}
