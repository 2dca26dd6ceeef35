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
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Control characters in text fields (a NUL from a broken export, a line break inside a quoted title) do not reach the
 * canonical table: each run becomes one space. The quarantine keeps the raw text as it was.
 */
class ControlCharactersTest {
    @TempDir
    Path tmp;

    @Test
    void eachRunOfControlsIsOneSpaceEndsTrimmedOnlyControlsIsBlank() {
        assertEquals("Kaos Polos Hitam", Parsers.text("Kaos\u0000Polos\r\n\tHitam"));
        assertEquals("Kaos Polos", Parsers.text("\u0007 Kaos \u0000\u0000Polos\u007F "));
        assertEquals("Kaos Polos", Parsers.text("Kaos\u0000 Polos"));
        assertEquals("Kaos  Polos", Parsers.text("Kaos  Polos"), "spaces without controls are the export's");
        assertEquals("Hölder – 大", Parsers.text("Hölder – 大"));
        assertNull(Parsers.text("\u0000\u0000"));
        assertNull(Parsers.text(" "));
        String clean = "Batik Tulis Pekalongan";
        assertSame(clean, Parsers.text(clean), "text without controls is not copied");
    }

    @Test
    void aNulInAShopeeTitleAndBrandIsASpaceInTheCanonicalRow() throws Exception {
        Path dumps = tmp.resolve("dumps");
        Files.createDirectories(dumps.resolve("shopee"));
        String line = BadInputTest.shopee("N1", "05/03/2023 10:00", "Rp50.000", "1", "Kaos\u0000\u0000Polos")
                .replace(";Merek;", ";Mer\u0000ek;");
        Files.writeString(dumps.resolve("shopee/shopee_orders_20230301_20230331.csv"), BadInputTest.SHOPEE_HEADER + "\n" + line + "\n");
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false);
        assertEquals(List.of(), plan.issues());
        FileTask t = plan.tasks().get(0);
        RecordParser p = new RecordParser(plan.mappings().get("shopee"), ReferenceData.load(IngestFixtures.reference(tmp)),
                SellerKeys.of(IngestFixtures.KEY), LocalDate.parse("2015-01-01"), LocalDate.parse("2026-11-30"));
        Row r = p.parse(DumpReader.readAll(t, plan.mappings().get("shopee")).get(0), t.exportKey());
        assertNull(r.getAs("reason_code"), String.valueOf(r));
        assertEquals("Kaos Polos", r.getAs("product_title"));
        assertEquals("Mer ek", r.getAs("brand"));
    }
}
