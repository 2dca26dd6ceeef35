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
 * Two monthly exports joined into one file (cat, or pasted one under the other): the second header is quarantined as
 * what it is, REPEATED_HEADER, instead of as a sale with an unknown status; the sales on both sides are read.
 */
class RepeatedHeaderTest {
    @TempDir
    Path tmp;

    @Test
    void theSecondExportsHeaderIsARepeatedHeaderAndTheSalesAroundItAreRead() throws Exception {
        Path dumps = tmp.resolve("dumps");
        Files.createDirectories(dumps.resolve("shopee"));
        String header = BadInputTest.SHOPEE_HEADER;
        String csv = header + "\n"
                + BadInputTest.shopee("R1", "05/03/2023 10:00", "Rp50.000", "1", "Kaos") + "\n"
                + "\uFEFF" + header.replace("Status Pesanan", "STATUS  PESANAN") + "\n"   // the second file's BOM and header
                + BadInputTest.shopee("R2", "05/04/2023 10:00", "Rp60.000", "1", "Topi") + "\n"
                // a sale whose status happens to read like a column name is not a header: one mapped column differs
                + BadInputTest.shopee("R3", "05/04/2023 11:00", "Rp60.000", "1", "Topi").replace(";Selesai;", ";Status Pesanan;") + "\n";
        Files.writeString(dumps.resolve("shopee/shopee_orders_20230301_20230430.csv"), csv);
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false);
        assertEquals(List.of(), plan.issues());
        FileTask t = plan.tasks().get(0);
        RecordParser p = new RecordParser(plan.mappings().get("shopee"), ReferenceData.load(IngestFixtures.reference(tmp)),
                SellerKeys.of(IngestFixtures.KEY), LocalDate.parse("2015-01-01"), LocalDate.parse("2026-11-30"));
        List<Row> rows = DumpReader.readAll(t, plan.mappings().get("shopee")).stream().map(r -> p.parse(r, t.exportKey())).toList();
        assertEquals(4, rows.size());
        assertNull(rows.get(0).getAs("reason_code"));
        assertEquals("REPEATED_HEADER", rows.get(1).getAs("reason_code"));
        assertEquals(3L, (long) rows.get(1).<Long>getAs("source_line"));
        assertTrue(rows.get(1).<String>getAs("reason_detail").contains("exports joined into one file"));
        assertNull(rows.get(2).getAs("reason_code"));
        assertEquals("UNKNOWN_STATUS", rows.get(3).getAs("reason_code"));
    }

    @Test
    void aRepeatedHeaderDoesNotCountTowardsTheQuarantineThreshold() throws Exception {
        Path dumps = tmp.resolve("dumps2");
        Files.createDirectories(dumps.resolve("shopee"));
        Files.writeString(dumps.resolve("shopee/shopee_orders_20230301_20230430.csv"), BadInputTest.SHOPEE_HEADER + "\n");
        FileTask t = DumpPlanner.plan(dumps.toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false).tasks().get(0);
        // two ten-line monthly exports joined: one header line in 21 rows is 4.8%, one more bad row would have failed at 5%
        IngestRun.FileCounts joined = new IngestRun.FileCounts(t, 22, 20, 2, 0, java.util.Map.of("REPEATED_HEADER", 1L, "BAD_PRICE", 1L));
        assertEquals(1.0 / 21, joined.quarantinedShare(), 1e-12);
        assertEquals(List.of(), IngestRun.failures(List.of(joined), IngestFixtures.CFG));
        IngestRun.FileCounts bad = new IngestRun.FileCounts(t, 22, 19, 3, 0, java.util.Map.of("REPEATED_HEADER", 1L, "BAD_PRICE", 2L));
        List<String> f = IngestRun.failures(List.of(bad), IngestFixtures.CFG);
        assertEquals(1, f.size());
        assertTrue(f.get(0).contains("2 of 21 rows quarantined (9.5% > ingest.max_quarantine_share 5.0%)"), f.get(0));
        // a file of nothing but headers has no sales to share out
        assertEquals(0.0, new IngestRun.FileCounts(t, 1, 0, 1, 0, java.util.Map.of("REPEATED_HEADER", 1L)).quarantinedShare());
    }
}
