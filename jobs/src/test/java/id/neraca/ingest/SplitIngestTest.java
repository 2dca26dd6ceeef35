package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.ingest.ids.SellerKeys;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ingest's parse and duplicate resolution give the same rows whether each file is read by one task or its byte
 * ranges by many (ingest.split_mib; here ranges of 2 KiB so the bundled samples split into hundreds of ranges).
 */
class SplitIngestTest extends SparkTestBase {
    @TempDir
    static Path tmp;

    static List<String> rows(Dataset<Row> d) {
        return d.orderBy("source_file", "source_line", "sale_id").collectAsList().stream().map(Row::toString).toList();
    }

    IngestRun.Prepared prepared(Path dumps, long splitBytes) {
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), Mappings.load(IngestFixtures.mappings()), false, splitBytes);
        return new IngestRun.Prepared(plan, ReferenceData.load(IngestFixtures.reference(tmp)), SellerKeys.of(IngestFixtures.KEY),
                IngestFixtures.CFG);
    }

    @Test
    void theBundledSamplesReadInSmallRangesGiveTheRowsOfWholeFiles() {
        Path samples = projectRoot().resolve("data/samples");
        IngestRun.Prepared whole = prepared(samples, 0);
        IngestRun.Prepared split = prepared(samples, 2048);
        long ranges = split.plan().tasks().stream().mapToLong(t -> t.splits().size()).sum();
        assertTrue(ranges > 3L * split.plan().tasks().size(), "most files split: " + ranges + " ranges");
        assertTrue(split.plan().tasks().stream().anyMatch(t -> t.gzip()) && split.plan().tasks().stream()
                .filter(FileTask::gzip).allMatch(t -> t.splits().size() == 1), "gzip files are read whole");
        List<String> parsedWhole = rows(IngestRun.parse(spark, whole));
        assertTrue(parsedWhole.size() > 6000, "rows: " + parsedWhole.size());
        assertEquals(parsedWhole, rows(IngestRun.parse(spark, split)));
        assertEquals(rows(ResolveDuplicates.apply(IngestRun.parse(spark, whole))),
                rows(ResolveDuplicates.apply(IngestRun.parse(spark, split))));
    }

    @Test
    void theBadInputFixturesSplitGiveTheSameRowsAndReasons() {
        Path dumps = IngestFixtures.dumps();
        assertEquals(rows(IngestRun.parse(spark, prepared(dumps, 0))), rows(IngestRun.parse(spark, prepared(dumps, 700))));
    }
}
