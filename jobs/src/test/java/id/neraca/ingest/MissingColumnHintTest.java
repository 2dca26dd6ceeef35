package id.neraca.ingest;

import id.neraca.ingest.mapping.Mappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mapping's source written from memory or from last year's export ({@code Tanggal Bayar} where the header says
 * {@code Tanggal Pembayaran}): the planner's refusal names the header's column nearest to each missing one, so the user
 * need not search the whole header by eye. A header with nothing near the missing column gets no guess. Planning only:
 * no Spark.
 */
class MissingColumnHintTest {
    @TempDir
    Path tmp;

    static final String HEADER = "No. Pesanan;No. Item;Tanggal Pembayaran;Status Pesanan;Nama Produk;Jumlah;Harga Satuan;Nama Toko";

    private DumpPlanner.Issue plan(String orderTsSource, String quantitySource) throws IOException {
        Path maps = Files.createDirectories(tmp.resolve("marketplaces"));
        Files.writeString(maps.resolve("blibli.yaml"), """
                marketplace: blibli
                description: an Indonesian order export, semicolon-separated
                files: ["blibli/*.csv"]
                format: {type: csv, delimiters: [";"]}
                grain: ORDER_LINE
                columns:
                  order_id: {source: "No. Pesanan"}
                  line_key: {source: "No. Item"}
                  order_ts: {source: "%s", formats: ["dd-MM-yyyy HH:mm"], zone: WIB}
                  status: {source: "Status Pesanan", map: {Selesai: COMPLETED}}
                  product_title: {source: "Nama Produk"}
                  quantity: {source: "%s"}
                  unit_price: {source: "Harga Satuan"}
                  shop_name: {source: "Nama Toko"}
                """.formatted(orderTsSource, quantitySource));
        Path dumps = Files.createDirectories(tmp.resolve("dumps/blibli"));
        Files.writeString(dumps.resolve("Pesanan_Blibli_2024-01.csv"), HEADER + "\n"
                + "BLI-1;1;05-01-2024 23:59;Selesai;Mouse Wireless;2;Rp 75.000;Toko A\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(), Mappings.load(maps), false, 0, "marketplaces");
        assertEquals(1, plan.errors().size(), plan.errors().toString());
        return plan.errors().get(0);
    }

    @Test
    void aMissingColumnNamesTheHeadersNearestColumn() throws IOException {
        DumpPlanner.Issue i = plan("Tanggal Bayar", "Jumlah Barang");
        assertTrue(i.message().contains("missing [Tanggal Bayar, Jumlah Barang]; the header has 'Tanggal Pembayaran' (for "
                + "'Tanggal Bayar'?), 'Jumlah' (for 'Jumlah Barang'?): write the mapping's source as the header names the column"),
                i.render());
    }

    @Test
    void aColumnWithNothingNearInTheHeaderGetsNoGuess() throws IOException {
        DumpPlanner.Issue i = plan("Tanggal Pembayaran", "Kuantitas");
        assertTrue(i.message().contains("missing [Kuantitas] (delimiters tried: [;])"), i.render());
        assertFalse(i.message().contains("the header has"), i.render());
    }
}
