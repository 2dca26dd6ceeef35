package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.ingest.mapping.Mappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mapping's source columns are found in a header by exact name, else ignoring letter case and runs of spaces:
 * exports change capitalisation between versions ("Order ID" / "Order Id") and a sheet saved from Excel may carry
 * doubled or trailing spaces. Ambiguous loose matches are not guessed.
 */
class HeaderMatchingTest {
    @TempDir
    Path tmp;

    @Test
    void exactFirstThenIgnoringCaseAndSpacesNeverAGuess() {
        List<String> h = List.of("Order ID", "order id", "Created  time", "SKU Unit Original Price");
        assertEquals(0, DumpPlanner.column(h, "Order ID"), "the exact name wins");
        assertEquals(1, DumpPlanner.column(h, "order id"));
        assertEquals(-1, DumpPlanner.column(h, "ORDER ID"), "two loose matches: ambiguous, not guessed");
        assertEquals(2, DumpPlanner.column(h, "Created Time"));
        assertEquals(3, DumpPlanner.column(h, "sku unit original price"));
        assertEquals(-1, DumpPlanner.column(h, "Order Status"));
    }

    /**
     * A header with an invisible character in a column name (a zero-width space from a web page, a soft hyphen, a second
     * byte-order mark): refused as "missing [Order ID]" beside a header read that shows Order ID. The loose match drops
     * Unicode format characters, so the file is read; an exact name still wins over a loose one.
     */
    @Test
    void invisibleFormatCharactersInAHeaderNameAreIgnoredByTheLooseMatch() throws Exception {
        assertEquals(0, DumpPlanner.column(List.of("Order ID\u200B", "Order Status"), "Order ID"));
        assertEquals(1, DumpPlanner.column(List.of("x", "\uFEFFOrder\u00ADStatus"), "OrderStatus"));
        assertEquals(1, DumpPlanner.column(List.of("Order\u200BID", "Order ID"), "Order ID"), "the exact name wins");
        String row = "T1,Completed,S1,Kaos,B,Fashion,1,1000,1000,2023-03-01 10:00:00,,,Kota Bandung,Jawa Barat,ID,ID,No";
        Path dumps = tmp.resolve("zwsp");
        Files.createDirectories(dumps.resolve("tiktokshop"));
        Files.writeString(dumps.resolve("tiktokshop/tiktok_orders_2023-03.csv"),
                BadInputTest.TIKTOK_HEADER.replace("Order ID", "Order ID\u200B").replace("Quantity", "\u200BQuantity") + "\n" + row + "\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false);
        assertEquals(List.of(), plan.errors());
        FileTask t = plan.tasks().get(0);
        List<RawRecord> rs = DumpReader.readAll(t, plan.mappings().get(t.mapping()));
        CompiledMapping cm = plan.mappings().get(t.mapping());
        assertEquals("T1", rs.get(0).values()[cm.sourceIndex("Order ID")]);
        assertEquals("1", rs.get(0).values()[cm.sourceIndex("Quantity")]);
    }

    @Test
    void aColumnTheMappingReadsTwiceIsRefusedNamingBothAnUnreadDuplicateIsNot() throws Exception {
        assertEquals(List.of(1, 4), DumpPlanner.matches(List.of("a", "Quantity", "b", "c", "Quantity"), "Quantity"));
        assertEquals(-1, DumpPlanner.column(List.of("a", "Quantity", "b", "c", "Quantity"), "Quantity"), "two exact copies: not the first");
        String row = "T1,Completed,S1,Kaos,B,Fashion,1,1000,1000,2023-03-01 10:00:00,,,Kota Bandung,Jawa Barat,ID,ID,No";
        Path dumps = tmp.resolve("dumps");
        Files.createDirectories(dumps.resolve("tiktokshop"));
        // an export with a second quantity column (say, the quantity returned) under the same name
        Files.writeString(dumps.resolve("tiktokshop/tiktok_orders_2023-03.csv"),
                BadInputTest.TIKTOK_HEADER + ",Quantity\n" + row + ",0\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false);
        assertEquals(0, plan.tasks().size());
        assertEquals(1, plan.errors().size(), plan.issues().toString());
        DumpPlanner.Issue i = plan.errors().get(0);
        assertEquals(3, i.exit());
        assertTrue(i.render().contains("2 columns named 'Quantity'") && i.render().contains("7 'Quantity'")
                && i.render().contains("18 'Quantity'") && i.render().contains("tiktokshop/tiktok_orders_2023-03.csv"), i.render());
        // two loose spellings of a mapped column are as ambiguous as two exact copies
        Files.writeString(dumps.resolve("tiktokshop/tiktok_orders_2023-03.csv"),
                BadInputTest.TIKTOK_HEADER.replace("Order Status", "order status") + ",ORDER STATUS\n" + row + ",x\n");
        plan = DumpPlanner.plan(dumps.toString(), Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false);
        assertEquals(1, plan.errors().size(), plan.issues().toString());
        assertTrue(plan.errors().get(0).render().contains("2 columns named 'Order Status'"), plan.errors().get(0).render());
        // a duplicated column the mapping does not read is no business of ours
        Files.writeString(dumps.resolve("tiktokshop/tiktok_orders_2023-03.csv"),
                BadInputTest.TIKTOK_HEADER + ",Notes,Notes\n" + row + ",a,b\n");
        plan = DumpPlanner.plan(dumps.toString(), Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false);
        assertEquals(List.of(), plan.issues());
        assertEquals(1, plan.tasks().size());
    }

    @Test
    void aTikTokExportWithOtherCapitalisationPlansWithoutIssuesAndFindsEveryColumn() throws Exception {
        String header = BadInputTest.TIKTOK_HEADER;
        String changed = header.replace("Order ID", "Order Id").replace("Created Time", "CREATED TIME")
                .replace("Seller City", "Seller  City");
        Path dumps = tmp.resolve("dumps");
        Files.createDirectories(dumps.resolve("tiktokshop"));
        Files.writeString(dumps.resolve("tiktokshop/tiktok_orders_2023-03.csv"), changed + "\n"
                + "T1,Completed,S1,Kaos,B,Fashion,1,1000,1000,2023-03-01 10:00:00,,,Kota Bandung,Jawa Barat,ID,ID,No\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false);
        assertEquals(List.of(), plan.issues());
        FileTask t = plan.tasks().get(0);
        // every mapped column found but the optional "Sku Quantity of return", which these exports do not have
        assertEquals(1, java.util.Arrays.stream(t.columnIndex()).filter(i -> i < 0).count(),
                "every mapped column found: " + java.util.Arrays.toString(t.columnIndex()));
        // the same columns as under the export's usual header
        Files.writeString(dumps.resolve("tiktokshop/tiktok_orders_2023-03.csv"), header + "\n"
                + "T1,Completed,S1,Kaos,B,Fashion,1,1000,1000,2023-03-01 10:00:00,,,Kota Bandung,Jawa Barat,ID,ID,No\n");
        DumpPlanner.Plan usual = DumpPlanner.plan(dumps.toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false);
        assertEquals(java.util.Arrays.toString(usual.tasks().get(0).columnIndex()), java.util.Arrays.toString(t.columnIndex()));
    }
}
