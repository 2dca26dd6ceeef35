package id.neraca.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthetic files in data/samples/ are exactly what the command in data/samples/README.md writes: nobody
 * edits them by hand. To refresh them after a model change, rerun that command and commit.
 */
class SamplesReproduceTest {
    static final String COMMAND = "./neraca generate --rows 6000 --seed 2023 --out data/samples --overwrite";

    @Test
    void regeneratingTheSamplesReproducesTheCommittedBytes(@TempDir Path tmp) throws Exception {
        Path root = TestPaths.root();
        Path samples = root.resolve("data/samples");
        assertTrue(Files.readString(samples.resolve("README.md")).contains(COMMAND),
                "data/samples/README.md must state the command this test runs: " + COMMAND);
        Path fx = root.resolve("data/reference/fx_monthly.csv");
        MarketModel model = MarketModel.load(null);
        MarketGenerator.run(new MarketGenerator.Options(6000, 2023, tmp, YearMonth.parse(model.startMonth()),
                YearMonth.parse(model.endMonth()), TestPaths.regencies(), Files.isRegularFile(fx) ? fx : null, null, false));
        Map<String, String> expected = MarketGeneratorTest.hashes(tmp);
        Map<String, String> committed = new TreeMap<>(MarketGeneratorTest.hashes(samples));
        committed.keySet().removeIf(k -> k.equals("README.md") || k.startsWith("tokopedia-scrape/"));
        assertEquals(expected.keySet(), committed.keySet(), "the same files");
        for (String f : expected.keySet()) {
            assertEquals(expected.get(f), committed.get(f), f + " differs from what `" + COMMAND + "` writes; rerun it "
                    + "from the project root and commit (after a deliberate model change), never edit samples by hand");
        }
    }

    @Test
    void theRealScrapeIsCopiedWithItsLicence() throws Exception {
        Path dir = TestPaths.root().resolve("data/samples/tokopedia-scrape");
        assertTrue(Files.readString(dir.resolve("LICENSE")).contains("MIT"));
        assertTrue(Files.readString(dir.resolve("sample_data_09-02-2023.csv"))
                .startsWith("name,price,location,rating,sold,details_link"));
    }
}
