package id.neraca.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real order export carries the buyer: Shopee's "Username (Pembeli)", "Nama Penerima", "No. Telepon" and
 * "Alamat Pengiriman", TikTok's recipient and address. The mapping does not read them, and a mapping's {@code pii}
 * list that forgets one used to put it, in clear, into out/quarantine's raw_row and `validate`'s output. raw_row now
 * keeps the values the mapping reads (what a reject is about) and masks every other column: data minimisation
 * (UU 27/2022 on personal data), not a list to get right.
 */
class QuarantineRawRowMinimisedTest {
    @TempDir
    Path tmp;

    @Test
    void aRejectedCsvRowShowsWhatTheMappingReadsAndMasksTheBuyer() throws Exception {
        String mapping = """
                marketplace: shop
                description: An order export with the buyer's columns, which the mapping does not read.
                files: ["shop/*.csv"]
                format: {type: csv, delimiters: [";"]}
                grain: ORDER_LINE
                pii: ["Nama Toko"]
                columns:
                  order_id: {source: No. Pesanan}
                  order_ts: {source: Waktu, formats: ["dd/MM/yyyy HH:mm"], zone: WIB}
                  status: {source: Status, map: {Selesai: COMPLETED}}
                  quantity: {source: Jumlah, parser: integer}
                  unit_price: {source: Harga, parser: idr}
                  shop_id: {source: Nama Toko}
                """;
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "shop", mapping, "orders.csv", """
                No. Pesanan;Status;Waktu;Jumlah;Harga;Nama Toko;Username (Pembeli);Nama Penerima;No. Telepon;Alamat Pengiriman
                2301A;Selesai;01/01/2023 07:06;2;Rp73.000;Toko Budi;budi_s88;Budi Santoso;081234567890;Jl. Melati No. 5, Bandung
                2301B;Selesai;01/01/2023 07:09;dua;Rp73.000;Toko Budi;sari.w;Sari Wulandari;+62 812-9876-5432;Jl. Kenanga 12
                """);
        org.junit.jupiter.api.Assertions.assertNull(rows.get(0).getAs("reason_code"));
        assertEquals("BAD_QUANTITY", rows.get(1).getAs("reason_code"));
        assertEquals("2301B;Selesai;01/01/2023 07:09;dua;Rp73.000;***;***;***;***;***", rows.get(1).getAs("raw_row"));
    }

    @Test
    void aRejectedJsonLineKeepsItsMappedPathsAndMasksTheRest() throws Exception {
        String mapping = """
                marketplace: shopjson
                description: A JSON Lines export with a nested buyer, which the mapping does not read.
                files: ["shopjson/*.jsonl"]
                format: {type: jsonl}
                grain: ORDER_LINE
                pii: ["seller.shop_name"]
                columns:
                  order_id: {path: invoice}
                  order_ts: {path: created_at, formats: [iso], zone: WIB}
                  status: {path: status, map: {delivered: COMPLETED}}
                  quantity: {path: quantity, parser: integer}
                  unit_price: {path: price.amount, parser: decimal}
                  shop_id: {path: seller.shop_name}
                  seller_city: {path: seller.city}
                """;
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "shopjson", mapping, "orders.jsonl",
                "{\"invoice\":\"INV/1\",\"created_at\":\"2023-01-03T11:35:15+07:00\",\"status\":\"delivered\",\"quantity\":-3,"
                        + "\"price\":{\"amount\":\"129000.00\",\"currency\":\"IDR\"},"
                        + "\"seller\":{\"shop_name\":\"Toko Budi\",\"city\":\"Kota Bandung\",\"phone\":\"081234567890\"},"
                        + "\"buyer\":{\"name\":\"Sari Wulandari\",\"address\":\"Jl. Kenanga 12\"},\"note\":\"\"}\n");
        assertEquals("NEGATIVE_QUANTITY", rows.get(0).getAs("reason_code"));
        assertEquals("{\"invoice\":\"INV/1\",\"created_at\":\"2023-01-03T11:35:15+07:00\",\"status\":\"delivered\",\"quantity\":-3,"
                + "\"price\":{\"amount\":\"129000.00\",\"currency\":\"***\"},"
                + "\"seller\":{\"shop_name\":\"***\",\"city\":\"Kota Bandung\",\"phone\":\"***\"},"
                + "\"buyer\":\"***\",\"note\":\"\"}", rows.get(0).getAs("raw_row"));
    }
}
