package id.neraca.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Rupiah written the Indonesian way ({@code Rp 50.000}, {@code Rp13.399.000}) in a price column read with parser
 * {@code decimal}: each row is BAD_PRICE, its detail naming parser idr, and when most of a file's first prices are so,
 * planning warns once per mapping. Expected messages written by hand. Pure: no Spark.
 */
class RupiahUnderDecimalTest {
    @TempDir
    Path tmp;

    static final String MAPPING = """
            marketplace: toko
            files: ["toko/*.csv"]
            format: {type: csv, delimiters: [","], header: true}
            grain: ORDER_LINE
            columns:
              order_id: {source: order}
              order_ts: {source: time, formats: ["yyyy-MM-dd HH:mm"], zone: WIB}
              status: {source: state, map: {selesai: COMPLETED}}
              product_title: {source: title}
              quantity: {source: qty}
              unit_price: {source: harga, parser: decimal}
              shop_id: {source: shop}
            """;

    static final String HEADER = "order,time,state,title,qty,harga,shop\n";

    static String detail(String text) {
        return assertThrows(ParseFailure.class, () -> Parsers.decimal(text, "IDR")).getMessage();
    }

    @Test
    void aRupiahAmountWithThousandsDotsOrARpMarkerNamesParserIdr() {
        assertEquals("not a decimal number: 'Rp 50.000'; it looks like Indonesian rupiah with thousands dots: use parser idr, "
                + "which reads it as 50000", detail("Rp 50.000"));
        assertEquals("not a decimal number: 'Rp13.399.000'; it looks like Indonesian rupiah with thousands dots: use parser idr, "
                + "which reads it as 13399000", detail("Rp13.399.000"));
        assertEquals("not a decimal number: '13.399.000,50'; it looks like Indonesian rupiah with thousands dots: use parser idr, "
                + "which reads it as 13399000.50", detail("13.399.000,50"));
        assertEquals("not a decimal number: 'Rp50000'; it is a rupiah amount marked 'Rp': use parser idr, which reads it as 50000",
                detail("Rp50000"));
        // nothing the idr parser would read better: no hint
        assertEquals("not a decimal number: 'lima puluh ribu'", detail("lima puluh ribu"));
        // idr itself reads what the hints say
        assertEquals(new java.math.BigDecimal("50000"), Parsers.idr("Rp 50.000", "IDR"));
        assertEquals(new java.math.BigDecimal("13399000"), Parsers.idr("Rp13.399.000", "IDR"));
    }

    @Test
    void theQuarantinedRowsDetailNamesTheColumnAndTheFix() throws IOException {
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "toko", MAPPING, "orders.csv", HEADER
                + "T1,2025-11-01 10:00,selesai,Kopi Gayo,2,25000.00,s1\n"
                + "T2,2025-11-01 11:00,selesai,Laptop,1,Rp13.399.000,s1\n");
        assertEquals(List.of("null null", "BAD_PRICE unit_price (harga): not a decimal number: 'Rp13.399.000'; it looks like "
                        + "Indonesian rupiah with thousands dots: use parser idr, which reads it as 13399000"),
                rows.stream().map(r -> r.getAs("reason_code") + " " + r.getAs("reason_detail")).toList());
    }

    private DumpPlanner.Plan plan(String... files) throws IOException {
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Files.writeString(maps.resolve("toko.yaml"), MAPPING);
        Path dir = Files.createDirectories(tmp.resolve("dumps/toko"));
        for (int i = 0; i < files.length; i += 2) Files.writeString(dir.resolve(files[i]), files[i + 1]);
        return DumpPlanner.plan(tmp.resolve("dumps").toString(), id.neraca.ingest.mapping.Mappings.load(maps), false, 0, "data/marketplaces");
    }

    static final String MOSTLY_RUPIAH = HEADER
            + "T1,2025-11-01 10:00,selesai,Kopi Gayo,2,Rp 50.000,s1\n"
            + "T2,2025-11-01 11:00,selesai,\"Teh, Melati\",1,Rp 12.500,s1\n"
            + "T3,2025-11-01 12:00,selesai,Gula,1,15000,s1\n";

    @Test
    void planningWarnsOncePerMappingWhenMostOfAFilesFirstPricesAreRupiahWithDots() throws IOException {
        DumpPlanner.Plan plan = plan("orders_2025-11.csv", MOSTLY_RUPIAH, "orders_2025-12.csv", MOSTLY_RUPIAH.replace("2025-11", "2025-12"));
        assertEquals(List.of(), plan.errors());
        // a warning (exit 0), not an error: the rows are still read, each quarantined with its own detail
        assertEquals(List.of("toko/orders_2025-11.csv: columns.unit_price (harga) of mapping 'toko' is read with parser decimal, "
                + "but 2 of the 3 prices in the file's first 20 records look like Indonesian rupiah with thousands dots ('Rp 50.000'): "
                + "parser decimal refuses them, and each such row is quarantined BAD_PRICE. If the column holds rupiah written so, set "
                + "parser: idr for it in data/marketplaces/toko.yaml (docs/MAPPINGS.md, \"Parsers\"); so do 1 other file(s) of "
                + "mapping 'toko'"), plan.issues().stream().filter(i -> !i.error()).map(DumpPlanner.Issue::render).toList());
        assertEquals(2, plan.tasks().size());
    }

    @Test
    void planningWarnsForAWorkbookWhosePriceCellsAreRupiahText() throws IOException {
        // the same mapping over .xlsx: prices typed as text 'Rp 50.000' (an export's formatted column); number cells are
        // read as their numbers (50000), which decimal reads, so they count as plain prices
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Files.writeString(maps.resolve("toko.yaml"), MAPPING.replace("toko/*.csv", "toko/*.xlsx"));
        Path dir = Files.createDirectories(tmp.resolve("dumps/toko"));
        XlsxFixture rupiah = new XlsxFixture().sheet("orders");
        String[] h = HEADER.strip().split(",");
        XlsxFixture.C[] hc = new XlsxFixture.C[h.length];
        for (int i = 0; i < h.length; i++) hc[i] = rupiah.s(XlsxWorkbook.letters(i) + "1", h[i]);
        rupiah.row(1, hc);
        rupiah.row(2, rupiah.s("A2", "T1"), rupiah.s("B2", "2025-11-01 10:00"), rupiah.s("C2", "selesai"), rupiah.s("D2", "Kopi Gayo"),
                XlsxFixture.num("E2", "2"), rupiah.s("F2", "Rp 50.000"), rupiah.s("G2", "s1"));
        rupiah.row(3, rupiah.s("A3", "T2"), rupiah.s("B3", "2025-11-01 11:00"), rupiah.s("C3", "selesai"), rupiah.s("D3", "Teh"),
                XlsxFixture.num("E3", "1"), rupiah.s("F3", "Rp 12.500"), rupiah.s("G3", "s1"));
        rupiah.row(4, rupiah.s("A4", "T3"), rupiah.s("B4", "2025-11-01 12:00"), rupiah.s("C4", "selesai"), rupiah.s("D4", "Gula"),
                XlsxFixture.num("E4", "1"), XlsxFixture.num("F4", "15000"), rupiah.s("G4", "s1"));
        rupiah.write(dir.resolve("orders_2025-11.xlsx"));
        DumpPlanner.Plan plan = DumpPlanner.plan(tmp.resolve("dumps").toString(), id.neraca.ingest.mapping.Mappings.load(maps), false, 0,
                "data/marketplaces");
        assertEquals(List.of(), plan.errors());
        assertEquals(List.of("toko/orders_2025-11.xlsx: columns.unit_price (harga) of mapping 'toko' is read with parser decimal, "
                + "but 2 of the 3 prices in the file's first 20 records look like Indonesian rupiah with thousands dots ('Rp 50.000'): "
                + "parser decimal refuses them, and each such row is quarantined BAD_PRICE. If the column holds rupiah written so, set "
                + "parser: idr for it in data/marketplaces/toko.yaml (docs/MAPPINGS.md, \"Parsers\")"),
                plan.issues().stream().filter(i -> !i.error()).map(DumpPlanner.Issue::render).toList());
        assertEquals(1, plan.tasks().size());

        // number cells alone (the usual export): no warning
        XlsxFixture plain = new XlsxFixture().sheet("orders");
        XlsxFixture.C[] hp = new XlsxFixture.C[h.length];
        for (int i = 0; i < h.length; i++) hp[i] = plain.s(XlsxWorkbook.letters(i) + "1", h[i]);
        plain.row(1, hp);
        plain.row(2, plain.s("A2", "T1"), plain.s("B2", "2025-11-01 10:00"), plain.s("C2", "selesai"), plain.s("D2", "Kopi Gayo"),
                XlsxFixture.num("E2", "2"), XlsxFixture.num("F2", "50000"), plain.s("G2", "s1"));
        plain.write(dir.resolve("orders_2025-11.xlsx"));
        assertEquals(List.of(), DumpPlanner.plan(tmp.resolve("dumps").toString(), id.neraca.ingest.mapping.Mappings.load(maps), false, 0,
                "data/marketplaces").issues());
    }

    @Test
    void aFewSuchPricesAmongPlainOnesAreNoWarning() throws IOException {
        DumpPlanner.Plan plan = plan("orders_2025-11.csv", HEADER
                + "T1,2025-11-01 10:00,selesai,Kopi Gayo,2,50000,s1\n"
                + "T2,2025-11-01 11:00,selesai,Teh,1,Rp 12.500,s1\n"
                + "T3,2025-11-01 12:00,selesai,Gula,1,15000.00,s1\n"
                + "T4,2025-11-01 13:00,selesai,Kopi,1,,s1\n");
        assertEquals(List.of(), plan.issues());
    }
}
