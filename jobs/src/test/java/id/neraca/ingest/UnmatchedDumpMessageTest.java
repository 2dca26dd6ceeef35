package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.core.NeracaException;
import id.neraca.ingest.ids.SellerKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dump no mapping matches: the error names the mappings folder the run really read (run.mappings_dir). */
class UnmatchedDumpMessageTest {
    @TempDir
    Path tmp;

    @Test
    void theErrorNamesTheConfiguredMappingsFolder() throws IOException {
        Path root = SparkTestBase.projectRoot();
        Path maps = Files.createDirectories(tmp.resolve("my-mappings"));
        Files.copy(root.resolve("data/marketplaces/shopee.yaml"), maps.resolve("shopee.yaml"));
        Path dumps = Files.createDirectories(tmp.resolve("dumps/lazada"));
        Files.writeString(dumps.resolve("Lazada_Orders_2024-03.csv"), "Order Number,Status\n1,delivered\n");
        NeracaException e = assertThrows(NeracaException.class, () -> IngestRun.prepare(maps, root.resolve("data/reference"),
                tmp.resolve("dumps").toString(), SellerKeys.resolve(java.util.Map.of(), true), IngestConfig.defaults(), false, true));
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        // it said "no mapping in data/marketplaces" whatever run.mappings_dir was: the economist then edits the wrong folder
        assertTrue(e.getMessage().contains("no mapping in " + maps + " matches this file"), e.getMessage());
        assertFalse(e.getMessage().contains("data/marketplaces"), e.getMessage());
    }
}
