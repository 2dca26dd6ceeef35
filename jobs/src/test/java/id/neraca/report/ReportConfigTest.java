package id.neraca.report;

import id.neraca.config.NeracaConfig;
import id.neraca.core.NeracaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportConfigTest {
    @TempDir
    Path tmp;

    private NeracaConfig.Loaded load(String yaml) throws IOException {
        Path f = tmp.resolve("neraca.yaml");
        Files.writeString(f, "run:\n  reference_dir: " + id.neraca.SparkTestBase.projectRoot().resolve("data/reference") + "\n" + yaml);
        return NeracaConfig.load(f, java.util.List.of("report"));
    }

    @Test
    void defaultsAreBothLanguagesThreeSellersAndEightyFivePercent() throws IOException {
        ReportConfig c = load("report: {}\n").config().report();
        assertEquals(List.of("id", "en"), c.languages());
        assertEquals(3, c.minSellers());
        assertEquals(0.85, c.dominanceShare());
        assertEquals(0.10, c.protectionShare());
        assertEquals(10.0, c.pPercent(), "the p% rule at 10%");
        assertEquals(new Disclosure.Rules(3, 0.85, 0.10, 10), c.rules());
    }

    @Test
    void theShippedConfigurationLoads() {
        ReportConfig c = NeracaConfig.load(id.neraca.SparkTestBase.projectRoot().resolve("data/config/neraca.yaml")).config().report();
        assertEquals(3, c.minSellers());
        assertEquals(0.85, c.dominanceShare());
        assertEquals(0.10, c.protectionShare());
        assertEquals(new Disclosure.Rules(3, 0.85, 0.10, 10), c.rules());
    }

    @Test
    void badValuesNameTheKey() {
        NeracaException lang = assertThrows(NeracaException.class, () -> load("report:\n  languages: [id, fr]\n"));
        assertTrue(lang.getMessage().contains("report.languages") && lang.getMessage().contains("fr"), lang.getMessage());
        NeracaException share = assertThrows(NeracaException.class, () -> load("report:\n  dominance_share: 1.5\n"));
        assertTrue(share.getMessage().contains("report.dominance_share"), share.getMessage());
        NeracaException protection = assertThrows(NeracaException.class, () -> load("report:\n  protection_share: 1\n"));
        assertTrue(protection.getMessage().contains("report.protection_share"), protection.getMessage());
        NeracaException unknown = assertThrows(NeracaException.class, () -> load("report:\n  min_seller: 3\n"));
        assertTrue(unknown.getMessage().contains("min_seller"), unknown.getMessage());
        assertEquals(NeracaException.EXIT_USAGE, unknown.exitCode());
        NeracaException provinces = assertThrows(NeracaException.class, () -> load("report:\n  provinces_file: province.csv\n"));
        assertTrue(provinces.getMessage().contains("report.provinces_file") && provinces.getMessage().contains("province.csv"),
                provinces.getMessage());
        assertEquals(NeracaException.EXIT_USAGE, provinces.exitCode());
    }

    /**
     * `neraca report --lang both` with `report.languages: [en]` wrote English only, without a word: both is both
     * languages, the configured one first (index.html); one language is that one.
     */
    @Test
    void langBothWritesBothLanguagesTheConfiguredOnesFirst() {
        assertEquals(List.of("en", "id"), WriteReport.languages(WriteReport.BOTH, List.of("en")));
        assertEquals(List.of("id", "en"), WriteReport.languages(WriteReport.BOTH, List.of("id")));
        assertEquals(List.of("en", "id"), WriteReport.languages(WriteReport.BOTH, List.of("en", "id")));
        assertEquals(List.of("id"), WriteReport.languages(List.of("id"), List.of("en")));
    }
}
