package id.neraca.ingest;

import id.neraca.core.NeracaException;
import id.neraca.ingest.ids.SellerKeys;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A listing scrape's snapshot month comes from its path. A scrape named {@code sample_data_15-05-2024.csv} (day first,
 * as the real scrape names its files) was dated 2023-02, the mapping's default, without a word: the regex read only
 * {@code yyyy-MM-dd}. Now both orders are read, the shipped mapping has no default (a path without a date stops the
 * run naming the file), and a mapping that keeps a default warns naming the file and the period every row gets.
 */
class ScrapeSnapshotDateTest {
    @TempDir
    Path tmp;

    private static final String SCRAPE = "name,price,location,rating,sold,details_link\n"
            + "Kaos Polos Hitam,Rp45.000,Kota Bandung,4.9,Terjual 120,https://www.tokopedia.com/kaosbandung/kaos-polos-hitam\n";

    private static final int PERIOD = IngestSchemas.PARSED.fieldIndex("period_month");

    private DumpPlanner.Plan plan(Path maps, String file) throws Exception {
        Path f = tmp.resolve("dumps").resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, SCRAPE);
        return DumpPlanner.plan(tmp.resolve("dumps").toString(), Mappings.load(maps), false);
    }

    private List<Row> parse(DumpPlanner.Plan plan) throws Exception {
        FileTask t = plan.tasks().get(0);
        RecordParser p = new RecordParser(plan.mappings().get(t.mapping()), ReferenceData.load(IngestFixtures.reference(tmp)),
                SellerKeys.of(IngestFixtures.KEY), java.time.LocalDate.parse("2015-01-01"), java.time.LocalDate.parse("2026-11-30"));
        return DumpReader.readAll(t, plan.mappings().get(t.mapping())).stream().map(r -> p.parse(r, t.exportKey())).toList();
    }

    @Test
    void aScrapeNamedDayFirstIsDatedByItsName() throws Exception {
        DumpPlanner.Plan plan = plan(IngestFixtures.mappings(), "tokopedia-scrape/sample_data_15-05-2024.csv");
        assertEquals(List.of(), plan.issues());
        assertEquals("2024-05", parse(plan).get(0).getString(PERIOD));
    }

    @Test
    void aScrapeInAFolderNamedYearFirstIsDatedByTheFolder() throws Exception {
        DumpPlanner.Plan plan = plan(IngestFixtures.mappings(), "tokopedia-scrape/tokopedia-search-2024-06-01/scrape.csv");
        assertEquals(List.of(), plan.issues());
        assertEquals("2024-06", parse(plan).get(0).getString(PERIOD));
    }

    @Test
    void aScrapeWhosePathCarriesNoDateStopsTheRunNamingTheFile() throws Exception {
        DumpPlanner.Plan plan = plan(IngestFixtures.mappings(), "tokopedia-scrape/laptop_scrape.csv");
        assertEquals(List.of(), plan.tasks());
        assertEquals(1, plan.errors().size(), plan.issues().toString());
        DumpPlanner.Issue e = plan.errors().get(0);
        assertEquals(NeracaException.EXIT_DATA, e.exit());
        assertEquals("tokopedia-scrape/laptop_scrape.csv: period: the file's path does not match columns.period.file_regex "
                + "'(\\d{4}-\\d{2}-\\d{2}|\\d{2}-\\d{2}-\\d{4})' of data/marketplaces/tokopedia-scrape.yaml, and the mapping gives "
                + "no default: no row would have a period. Rename the file so its path carries it, e.g. "
                + "tokopedia-scrape/laptop_scrape_2025-03-15.csv or tokopedia-scrape/laptop_scrape_15-03-2025.csv (the file's own "
                + "date in place of the example's)", e.render());
    }

    /**
     * The rename hint follows the mapping's own regex (the audit of 2 Dec 2026: a mapping reading yyyy-MM-dd was told to
     * rename its file to Tokopedia's dd-MM-yyyy form, which then failed the same way): every name offered matches.
     */
    @Test
    void theRenameHintOffersOnlyNamesTheMappingsRegexFinds() {
        assertEquals(", e.g. scrape-lapak/nodate/lapak_2025-03-15.csv (the file's own date in place of the example's)",
                DumpPlanner.renameHint("scrape-lapak/nodate/lapak.csv", "(\\d{4}-\\d{2}-\\d{2})"));
        assertEquals(", e.g. lapak_15-03-2025.jsonl.gz (the file's own date in place of the example's)",
                DumpPlanner.renameHint("lapak.jsonl.gz", "_(\\d{2}-\\d{2}-\\d{4})\\."));
        assertEquals(", e.g. x/lapak_2025-03-15.csv or x/lapak_2025-03.csv (the file's own date in place of the example's)",
                DumpPlanner.renameHint("x/lapak.csv", "(\\d{4}-\\d{2})"));
        assertEquals(", with text the regex finds", DumpPlanner.renameHint("x/lapak.csv", "week(\\d+)"));
    }

    @Test
    void aMappingDefaultTakingOverIsAWarningNamingTheFileAndThePeriod() throws Exception {
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        String yaml = Files.readString(IngestFixtures.mappings().resolve("tokopedia-scrape.yaml"))
                .replace("period: {file_regex: '(\\d{4}-\\d{2}-\\d{2}|\\d{2}-\\d{2}-\\d{4})'}",
                        "period: {file_regex: '(\\d{4}-\\d{2}-\\d{2})', default: \"2023-02\"}");
        Files.writeString(maps.resolve("tokopedia-scrape.yaml"), yaml);
        DumpPlanner.Plan plan = plan(maps, "tokopedia-scrape/sample_data_15-05-2024.csv");
        assertEquals(List.of("tokopedia-scrape/sample_data_15-05-2024.csv: period: the file's path does not match "
                + "columns.period.file_regex '(\\d{4}-\\d{2}-\\d{2})' of data/marketplaces/tokopedia-scrape.yaml, so every row "
                + "gets its default '2023-02'. If that is not this file's period, rename the file so its path carries it"),
                plan.issues().stream().map(DumpPlanner.Issue::render).toList());
        assertEquals(0, plan.errors().size());
        assertEquals("2023-02", parse(plan).get(0).getString(PERIOD));
        // what the manifest's inputs[].file_regex_defaults records for the file
        assertEquals(Map.of("period", "2023-02"), DumpPlanner.fileRegexMisses(plan.mappings().get("tokopedia-scrape").mapping(),
                "tokopedia-scrape/sample_data_15-05-2024.csv"));
        assertEquals(Map.of(), DumpPlanner.fileRegexMisses(plan.mappings().get("tokopedia-scrape").mapping(),
                "tokopedia-scrape/tokopedia-search-2024-06-01/scrape.csv"));
    }

    @Test
    void theMonthParserReadsDayFirstDatesAndRefusesAThirteenthMonth() {
        assertEquals("2024-05", Parsers.month("15-05-2024"));
        assertEquals("2023-02", Parsers.month("09-02-2023"));
        assertEquals("2023-02", Parsers.month("2023-02-09"));
        ParseFailure f = assertThrows(ParseFailure.class, () -> Parsers.month("05-13-2024"));
        assertEquals("BAD_DATE", f.code());
    }
}
