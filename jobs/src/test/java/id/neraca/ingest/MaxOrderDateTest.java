package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.ingest.ids.SellerKeys;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An unpinned ingest.max_order_date on a run started after midnight WIB but before midnight UTC: sales of the new
 * local day are today's, not the future's. Order dates are compared in the seller's local time (WIB, WITA, WIT).
 */
class MaxOrderDateTest {
    @TempDir
    Path tmp;

    /** 18:30 UTC on 29 November = 01:30 WIB, 02:30 WITA, 03:30 WIT on 30 November. */
    static final Clock AFTER_MIDNIGHT_WIB = Clock.fixed(Instant.parse("2026-11-29T18:30:00Z"), ZoneOffset.UTC);

    @Test
    void unpinnedItIsTodayWhereTheDayBeginsFirst() {
        assertEquals(LocalDate.parse("2026-11-30"), IngestConfig.defaults().maxDate(AFTER_MIDNIGHT_WIB));
        assertEquals(LocalDate.parse("2026-11-30"),
                IngestConfig.defaults().maxDate(Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC)));
        assertEquals(LocalDate.parse("2026-06-30"),
                new IngestConfig(null, null, "2026-06-30", null).maxDate(AFTER_MIDNIGHT_WIB), "a pinned date as given");
    }

    @Test
    void aSaleAfterMidnightInJayapuraIsTodayAndOneTomorrowIsFuture() throws Exception {
        Path dumps = tmp.resolve("dumps");
        Files.createDirectories(dumps.resolve("shopee"));
        String jayapura = BadInputTest.shopee("J1", "30/11/2026 03:10", "Rp50.000", "1", "Noken")
                .replace("Kota Bandung;Jawa Barat", "Kota Jayapura;Papua");
        String tomorrow = BadInputTest.shopee("J2", "01/12/2026 09:00", "Rp50.000", "1", "Noken")
                .replace("Kota Bandung;Jawa Barat", "Kota Jayapura;Papua");
        Files.writeString(dumps.resolve("shopee/shopee_orders_20261101_20261130.csv"),
                BadInputTest.SHOPEE_HEADER + "\n" + jayapura + "\n" + tomorrow + "\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false);
        assertEquals(List.of(), plan.issues());
        FileTask t = plan.tasks().get(0);
        RecordParser p = new RecordParser(plan.mappings().get("shopee"), ReferenceData.load(IngestFixtures.reference(tmp)),
                SellerKeys.of(IngestFixtures.KEY), LocalDate.parse("2015-01-01"), IngestConfig.defaults().maxDate(AFTER_MIDNIGHT_WIB));
        List<RawRecord> raw = DumpReader.readAll(t, plan.mappings().get("shopee"));
        Row today = p.parse(raw.get(0), t.exportKey());
        Row future = p.parse(raw.get(1), t.exportKey());
        // 03:10 WIT on 30 November is 18:10 UTC on the 29th, 20 minutes before the run: accepted
        assertNull(today.getAs("reason_code"), String.valueOf(today));
        assertEquals(Instant.parse("2026-11-29T18:10:00Z"), today.<java.sql.Timestamp>getAs("order_ts").toInstant());
        assertEquals("DATE_OUT_OF_RANGE", future.<String>getAs("reason_code"));
    }
}
