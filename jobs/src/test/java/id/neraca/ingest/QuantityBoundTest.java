package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.ingest.ids.SellerKeys;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A quantity no sales line holds (an ID pasted into the column, at price Rp0 so that no amount check catches it) is
 * BAD_QUANTITY, not a row whose units overflow the aggregate's sums; a billion units is still a line.
 */
class QuantityBoundTest {
    @TempDir
    Path tmp;

    @Test
    void moreThanABillionUnitsInOneLineIsBadQuantity() throws Exception {
        Path dumps = tmp.resolve("dumps");
        Files.createDirectories(dumps.resolve("shopee"));
        String csv = BadInputTest.SHOPEE_HEADER + "\n"
                + BadInputTest.shopee("Q1", "05/03/2023 10:00", "Rp0", "9223372036854775807", "Kaos") + "\n"
                + BadInputTest.shopee("Q2", "05/03/2023 10:00", "Rp0", "1000000001", "Kaos") + "\n"
                + BadInputTest.shopee("Q3", "05/03/2023 10:00", "Rp0", "1000000000", "Kaos") + "\n";
        Files.writeString(dumps.resolve("shopee/shopee_orders_20230301_20230331.csv"), csv);
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false);
        assertEquals(List.of(), plan.issues());
        FileTask t = plan.tasks().get(0);
        RecordParser p = new RecordParser(plan.mappings().get("shopee"), ReferenceData.load(IngestFixtures.reference(tmp)),
                SellerKeys.of(IngestFixtures.KEY), LocalDate.parse("2015-01-01"), LocalDate.parse("2026-11-30"));
        List<Row> rows = DumpReader.readAll(t, plan.mappings().get("shopee")).stream().map(r -> p.parse(r, t.exportKey())).toList();
        assertEquals("BAD_QUANTITY", rows.get(0).getAs("reason_code"));
        assertTrue(rows.get(0).<String>getAs("reason_detail").contains("more than 1000000000 units in one line"),
                rows.get(0).<String>getAs("reason_detail"));
        assertEquals("BAD_QUANTITY", rows.get(1).getAs("reason_code"));
        assertNull(rows.get(2).getAs("reason_code"), String.valueOf(rows.get(2)));
        assertEquals(1_000_000_000L, (long) rows.get(2).<Long>getAs("quantity"));
    }

    /** A line total that overflows is named as the line total (unit price × quantity), not as the unit price, which fits. */
    @Test
    void aLineTotalTooLargeIsNamedAsTheLineTotal() throws Exception {
        Path dumps = tmp.resolve("dumps2");
        Files.createDirectories(dumps.resolve("shopee"));
        String csv = BadInputTest.SHOPEE_HEADER + "\n"
                + BadInputTest.shopee("T1", "05/03/2023 10:00", "Rp99.999.999.999", "999999999", "Kaos") + "\n";
        Files.writeString(dumps.resolve("shopee/shopee_orders_20230301_20230331.csv"), csv);
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false);
        FileTask t = plan.tasks().get(0);
        RecordParser p = new RecordParser(plan.mappings().get("shopee"), ReferenceData.load(IngestFixtures.reference(tmp)),
                SellerKeys.of(IngestFixtures.KEY), LocalDate.parse("2015-01-01"), LocalDate.parse("2026-11-30"));
        Row r = p.parse(DumpReader.readAll(t, plan.mappings().get("shopee")).get(0), t.exportKey());
        assertEquals("BAD_PRICE", r.getAs("reason_code"));
        assertTrue(r.<String>getAs("reason_detail").contains("line total too large: unit price 99999999999.00 × quantity 999999999"),
                r.<String>getAs("reason_detail"));
    }
}
