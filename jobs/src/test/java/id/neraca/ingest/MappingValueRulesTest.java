package id.neraca.ingest;

import id.neraca.core.NeracaException;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mapping language's rules for what real exports write (docs/MAPPINGS.md): value-map keys ending in {@code *}
 * ("begins with"), {@code description_rows}, {@code returned_quantity} and {@code variation}; each against a small
 * mapping and a few hand-written rows, parsed without Spark.
 */
class MappingValueRulesTest {
    @TempDir
    Path tmp;

    private static final String HEAD = """
            marketplace: toko
            files: ["toko/*.csv"]
            format: {type: csv}
            grain: ORDER_LINE
            """;

    private static String mapping(String extraTop, String status, String extraColumns) {
        return HEAD + extraTop + """
                columns:
                  order_id: {source: "order"}
                  line_key: {source: "sku"}
                  order_ts: {source: "time", formats: ["yyyy-MM-dd HH:mm"], zone: WIB}
                  status:
                    source: "status"
                """ + "    map: " + status + "\n" + """
                  product_title: {source: "title"}
                  quantity: {source: "qty", parser: integer}
                  line_total: {source: "total", parser: idr}
                  currency: {constant: IDR}
                """ + extraColumns;
    }

    private List<Row> parse(String yaml, String csv) throws Exception {
        return IngestFixtures.parseWithMapping(tmp, "toko", yaml, "orders.csv", csv);
    }

    private static void reason(Row r, String code, String part) {
        assertEquals(code, r.getAs("reason_code"), () -> String.valueOf(r.getAs("reason_detail")));
        assertTrue(r.<String>getAs("reason_detail").contains(part), r.<String>getAs("reason_detail"));
    }

    /**
     * A column's value map applies before parsing on every column (docs/MAPPINGS.md), also on those parsed from the raw
     * text: the audit of 2 Dec 2026 found {@code currency: {map: {"$": USD}}} ignored (every row UNKNOWN_CURRENCY), as
     * were maps on the quantity, the seller's city and province and the seller ID. A value mapped to blank is blank.
     */
    @Test
    void aValueMapAppliesOnColumnsReadFromTheRawTextToo() throws Exception {
        String yaml = HEAD + """
                columns:
                  order_id: {source: "order"}
                  line_key: {source: "sku"}
                  order_ts: {source: "time", formats: ["yyyy-MM-dd HH:mm"], zone: WIB}
                  status: {source: "status", map: {Selesai: COMPLETED}}
                  product_title: {source: "title"}
                  quantity: {source: "qty", parser: integer, map: {satu: "1"}}
                  unit_price: {source: "price", parser: amount_en}
                  currency: {source: "cur", map: {"$": USD, "tidak ada": ""}}
                  seller_city: {source: "city", map: {"Kota Kembang": "Kota Bandung"}}
                  seller_province: {source: "prov", map: {"Tanah Pasundan": "Jawa Barat"}}
                """;
        List<Row> rows = parse(yaml, """
                order,sku,time,status,title,qty,price,cur,city,prov
                1,A,2024-08-01 10:00,Selesai,Kaos,satu,$12.50,$,Kota Kembang,Tanah Pasundan
                2,A,2024-08-01 10:00,Selesai,Kaos,2,"150,000",tidak ada,Kota Bandung,Jawa Barat
                """);
        Row usd = rows.get(0);
        assertEquals("USD", usd.getAs("source_currency"), () -> String.valueOf(usd.getAs("reason_detail")));
        assertEquals(1L, ((Number) usd.getAs("quantity")).longValue());
        assertEquals("32", usd.getAs("seller_province_code"));
        assertEquals("IDR", rows.get(1).getAs("source_currency"), "mapped to blank: a blank currency, rupiah");
        assertEquals(new BigDecimal("150000.00"), rows.get(1).getAs("unit_price_idr"));
    }

    /** An exact key wins over a prefix; of two prefixes the longer wins; a key is not a prefix without its '*'. */
    @Test
    void valueMapKeysEndingInAStarMatchTheBeginning() throws Exception {
        String yaml = mapping("", "{Selesai: COMPLETED, \"Pesanan diterima\": COMPLETED, \"Pesanan diterima*\": OPEN, "
                + "\"Pesanan diterima, dikembalikan*\": RETURNED, \"Dibatalkan*\": CANCELLED}", "");
        List<Row> rows = parse(yaml, """
                order,sku,time,status,title,qty,total
                1,A,2024-08-01 10:00,Pesanan diterima,Kaos,1,"Rp10.000"
                2,A,2024-08-01 10:00,"Pesanan diterima, namun Pembeli masih dapat mengajukan pengembalian hingga 2024-08-29.",Kaos,1,"Rp10.000"
                3,A,2024-08-01 10:00,"Pesanan diterima, dikembalikan sebagian",Kaos,1,"Rp10.000"
                4,A,2024-08-01 10:00,"DIBATALKAN PENJUAL -
                Stok barang habis",Kaos,1,"Rp10.000"
                5,A,2024-08-01 10:00,Selesai sebagian,Kaos,1,"Rp10.000"
                """.replace("4,A,2024-08-01 10:00,\"DIBATALKAN PENJUAL -\n", "4,A,2024-08-01 10:00,\"DIBATALKAN PENJUAL - "));
        assertEquals("COMPLETED", rows.get(0).getAs("status"), "the exact key, not its prefix");
        reason(rows.get(1), "ORDER_NOT_FINAL", "is mapped to OPEN");
        assertEquals("RETURNED", rows.get(2).getAs("status"), "the longer prefix");
        assertEquals("CANCELLED", rows.get(3).getAs("status"), "case-insensitive");
        reason(rows.get(4), "UNKNOWN_STATUS", "'Selesai sebagian' is not in the mapping's value map");
    }

    /**
     * returned_quantity: on a COMPLETED line the kept units are the sale (the unit price from the line total and the
     * units ordered); every unit back makes it RETURNED; a CANCELLED line is left as it is; more back than ordered,
     * or a negative count, is quarantined; blank means none.
     */
    @Test
    void returnedUnitsOfACompletedLineAreNotSold() throws Exception {
        String yaml = mapping("", "{Selesai: COMPLETED, Batal: CANCELLED}", "  returned_quantity: {source: \"returned\", optional: true}\n");
        List<Row> rows = parse(yaml, """
                order,sku,time,status,title,qty,total,returned
                1,A,2024-08-01 10:00,Selesai,Kaos,3,"Rp30.000",1
                2,A,2024-08-01 10:00,Selesai,Kaos,2,"Rp20.000",2
                3,A,2024-08-01 10:00,Batal,Kaos,2,"Rp20.000",1
                4,A,2024-08-01 10:00,Selesai,Kaos,2,"Rp20.000",3
                5,A,2024-08-01 10:00,Selesai,Kaos,2,"Rp20.000",-1
                6,A,2024-08-01 10:00,Selesai,Kaos,2,"Rp20.000",
                """);
        Row partial = rows.get(0);
        assertNull(partial.getAs("reason_code"));
        assertEquals("COMPLETED", partial.getAs("status"));
        assertEquals(2L, (long) partial.<Long>getAs("quantity"));
        assertEquals(new BigDecimal("10000.00"), partial.getAs("unit_price_idr"), "Rp30.000 / 3 ordered");
        assertEquals(new BigDecimal("20000.00"), partial.getAs("gmv_idr"));
        assertEquals("RETURNED", rows.get(1).getAs("status"));
        assertEquals(2L, (long) rows.get(1).<Long>getAs("quantity"));
        assertEquals("CANCELLED", rows.get(2).getAs("status"));
        assertEquals(2L, (long) rows.get(2).<Long>getAs("quantity"), "a cancelled line is not a sale either way");
        reason(rows.get(3), "BAD_QUANTITY", "returned quantity 3 is more than the 2 ordered");
        reason(rows.get(4), "NEGATIVE_QUANTITY", "returned quantity -1 is negative");
        assertEquals(2L, (long) rows.get(5).<Long>getAs("quantity"), "blank: none returned");
        assertEquals("COMPLETED", rows.get(5).getAs("status"));
    }

    /** A description row matches every entry of description_rows; a row matching one of two is parsed as a sale. */
    @Test
    void aDescriptionRowMatchesEveryEntry() throws Exception {
        String yaml = mapping("description_rows: {\"order\": \"Platform unique order ID*\", \"status\": \"Current order status.\"}\n",
                "{Completed: COMPLETED}", "");
        List<Row> rows = parse(yaml, """
                order,sku,time,status,title,qty,total
                Platform unique order ID.,SKU ID.,Created time.,Current order status.,Product name.,Quantity.,Total.
                Platform unique order ID.,A,2024-08-01 10:00,Completed,Kaos,1,"Rp10.000"
                9,A,2024-08-01 10:00,Completed,Kaos,1,"Rp10.000"
                """);
        reason(rows.get(0), "DESCRIPTION_ROW", "a row describing the columns");
        // the entries in the mapping file's order, on every JVM (out/quarantine holds this detail)
        reason(rows.get(0), "DESCRIPTION_ROW", "description_rows {order=Platform unique order ID*, status=Current order status.}");
        assertNull(rows.get(1).getAs("reason_code"), "its status is a status: a sale whatever its order number says");
        assertNull(rows.get(2).getAs("reason_code"));
        IngestRun.FileCounts counts = new IngestRun.FileCounts(null, 21, 19, 2, 0,
                java.util.Map.of("DESCRIPTION_ROW", 1L, "BAD_DATE", 1L), java.util.Map.of());
        assertEquals(1.0 / 20, counts.quarantinedShare(), 1e-12, "a description row is not a sale gone wrong");
    }

    /** Two SKU-less lines of one order: the variation tells them apart when mapped; without it they share one key. */
    @Test
    void theVariationTellsApartLinesWithoutASku() throws Exception {
        String csv = """
                order,sku,time,status,title,qty,total,var
                1,,2024-08-01 10:00,Selesai,Kaos,1,"Rp10.000",M
                1,,2024-08-01 10:00,Selesai,Kaos,1,"Rp10.000",L
                """;
        List<Row> with = parse(mapping("", "{Selesai: COMPLETED}", "  variation: {source: \"var\"}\n"), csv);
        assertTrue(!with.get(0).getAs("sale_id").equals(with.get(1).getAs("sale_id")), with.get(0).getAs("sale_id").toString());
        Path other = tmp.resolve("without");
        List<Row> without = IngestFixtures.parseWithMapping(other, "toko", mapping("", "{Selesai: COMPLETED}", ""), "orders.csv", csv);
        assertEquals(without.get(0).<String>getAs("sale_id"), without.get(1).getAs("sale_id"));
        assertEquals("toko:1:" + RecordParser.blankLineKey("Kaos"), without.get(0).getAs("sale_id"), "the title's key, as before");
    }

    @Test
    void theNewKeysAreValidatedNamingTheKey() {
        assertUsage(mapping("description_rows: {\"nope\": \"x\"}\n", "{Selesai: COMPLETED}", ""),
                "description_rows.nope must be a source column the mapping reads");
        assertUsage(mapping("description_rows: {\"order\": \"*\"}\n", "{Selesai: COMPLETED}", ""), "description_rows entries are");
        assertUsage(mapping("", "{Selesai: COMPLETED}", "  returned_quantity: {source: \"r\", parser: idr}\n"),
                "columns.returned_quantity.parser must be one of [integer, count]");
        assertUsage("""
                marketplace: toko
                files: ["toko/*.jsonl"]
                format: {type: jsonl}
                grain: ORDER_LINE
                description_rows: {"order": "x"}
                columns:
                  order_id: {path: "order"}
                  order_ts: {path: "time", formats: [iso]}
                  status: {path: "status", map: {done: COMPLETED}}
                  quantity: {path: "qty"}
                  unit_price: {path: "price"}
                """, "description_rows is for CSV and workbooks");
        assertUsage("""
                marketplace: toko
                files: ["toko/*.csv"]
                format: {type: csv}
                grain: LISTING_PERIOD
                columns:
                  listing_key: {source: "url"}
                  period: {source: "month"}
                  status: {constant: "Selesai", map: {Selesai: COMPLETED}}
                  quantity: {source: "sold"}
                  returned_quantity: {source: "back"}
                  unit_price: {source: "price"}
                """, "columns.returned_quantity is for grain ORDER_LINE");
    }

    /**
     * java.time pattern letters an economist need not know: 'mm' is minutes, 'YYYY' the week-based year, 'hh' needs
     * 'a'. Such a pattern parses, and every row was BAD_DATE "matches none of [...]" with no hint why; now the mapping
     * is refused at load (exit 2) with the fix. Patterns the bundled mappings use pass.
     */
    @Test
    void datePatternPitfallsAreRefusedWithTheFix() {
        assertUsage(mapping("", "{Selesai: COMPLETED}", "").replace("formats: [\"yyyy-MM-dd HH:mm\"]", "formats: [\"dd-mm-yyyy HH:mm\"]"),
                "'dd-mm-yyyy HH:mm' has no month: 'mm' is minutes, 'MM' the month (did you mean 'dd-MM-yyyy HH:mm'?)");
        assertUsage(mapping("", "{Selesai: COMPLETED}", "").replace("formats: [\"yyyy-MM-dd HH:mm\"]", "formats: [\"dd-MM-YYYY HH:mm\"]"),
                "the week-based year");
        assertUsage(mapping("", "{Selesai: COMPLETED}", "").replace("formats: [\"yyyy-MM-dd HH:mm\"]", "formats: [\"dd-MM-yyyy hh:mm\"]"),
                "without 'a'");
        assertUsage(mapping("", "{Selesai: COMPLETED}", "").replace("formats: [\"yyyy-MM-dd HH:mm\"]", "formats: [\"DD/MM/yyyy\"]"),
                "the day of the year");
        for (String ok : new String[]{"MM/dd/yyyy h:mm a", "dd MMM yyyy HH:mm", "yyyy-MM-dd'T'HH:mm", "dd MMMM yyyy HH.mm", "yyyyMMdd"}) {
            assertEquals(null, Mappings.patternPitfall(ok), ok);
        }
        assertUsage(HEAD.replace("marketplace: toko", "marketplace: Toko") + "columns: {}\n", "got 'Toko': write 'toko'");
        assertUsage(mapping("label: \" \"\n", "{Selesai: COMPLETED}", ""), "label must not be blank");
        assertEquals("Toko Baju", Mappings.parse("toko.yaml", mapping("label: Toko Baju\nlabel_id: Toko Baju\n", "{Selesai: COMPLETED}", "")).label());
    }

    /**
     * A pii entry that names no column the mapping reads nor any column of its files masks nothing and was accepted
     * silently (a misspelt column the mapping reads then stays in clear): one warning per mapping at planning, naming the
     * entry and the column it is closest to. Entries naming an unread column present in the header, or a column the
     * mapping reads, are fine; a JSON Lines mapping is checked against its first record's paths.
     */
    @Test
    void piiEntriesThatNameNoColumnAreWarnedOncePerMapping() throws Exception {
        java.nio.file.Path maps = java.nio.file.Files.createDirectories(tmp.resolve("maps"));
        java.nio.file.Files.writeString(maps.resolve("toko.yaml"),
                mapping("pii: [\"Nama Tokoo\", \"phone\", \"title\", \"Alamat\"]\n", "{Selesai: COMPLETED}", ""));
        java.nio.file.Files.writeString(maps.resolve("json.yaml"), """
                marketplace: json
                files: ["json/*.jsonl"]
                format: {type: jsonl}
                grain: ORDER_LINE
                pii: ["seller.nama", "buyer.phone"]
                columns:
                  order_id: {path: id}
                  order_ts: {path: time, formats: ["yyyy-MM-dd HH:mm"], zone: WIB}
                  status: {path: status, map: {Selesai: COMPLETED}}
                  quantity: {path: qty, parser: integer}
                  line_total: {path: total, parser: idr}
                  shop_name: {path: seller.name}
                """);
        java.nio.file.Path dumps = java.nio.file.Files.createDirectories(tmp.resolve("dumps/toko"));
        String header = "order,sku,time,status,title,qty,total,Nama Toko,phone\n";
        java.nio.file.Files.writeString(dumps.resolve("a.csv"), header + "1,A,2024-08-01 10:00,Selesai,Kaos,1,\"Rp10.000\",Toko,0812\n");
        java.nio.file.Files.writeString(dumps.resolve("b.csv"), header + "2,A,2024-08-01 10:00,Selesai,Kaos,1,\"Rp10.000\",Toko,0812\n");
        java.nio.file.Path json = java.nio.file.Files.createDirectories(tmp.resolve("dumps/json"));
        java.nio.file.Files.writeString(json.resolve("o.jsonl"), "{\"id\":\"1\",\"time\":\"2024-08-01 10:00\",\"status\":\"Selesai\","
                + "\"qty\":1,\"total\":\"Rp10.000\",\"seller\":{\"name\":\"Toko\"},\"buyer\":{\"phone\":\"0812\"}}\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(), Mappings.load(maps), false, 0, "maps");
        List<String> warnings = plan.issues().stream().filter(i -> !i.error()).map(DumpPlanner.Issue::render).toList();
        assertEquals(List.of(
                "maps/json.yaml: pii entry 'seller.nama' (did you mean 'seller.name'?) names no column mapping 'json' reads nor any "
                        + "column of its files here, so it masks nothing in them. A column the mapping does not read is masked in "
                        + "out/quarantine anyway; one it reads is masked only when pii names it (letter case and spaces aside): "
                        + "if an entry means one of those, check its spelling",
                "maps/toko.yaml: pii entries 'Nama Tokoo' (did you mean 'Nama Toko'?), 'Alamat' name no column mapping 'toko' "
                        + "reads nor any column of its files here, so they mask nothing in them. A column the mapping does not "
                        + "read is masked in out/quarantine anyway; one it reads is masked only when pii names it (letter case and "
                        + "spaces aside): if an entry means one of those, check its spelling"), warnings);
        assertEquals(3, plan.tasks().size());
    }

    private static void assertUsage(String yaml, String part) {
        NeracaException e = assertThrows(NeracaException.class, () -> Mappings.parse("toko.yaml", yaml), yaml);
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
