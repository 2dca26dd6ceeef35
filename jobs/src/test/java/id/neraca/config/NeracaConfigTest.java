package id.neraca.config;

import id.neraca.SparkTestBase;
import id.neraca.core.NeracaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NeracaConfigTest {
    @TempDir
    Path dir;

    @Test
    void theBundledConfigLoads() {
        NeracaConfig.Loaded loaded = NeracaConfig.load(SparkTestBase.projectRoot().resolve("data/config/neraca.yaml"));
        assertTrue(Files.isDirectory(loaded.referenceDir()) || !Files.exists(loaded.referenceDir()));
        assertEquals(SparkTestBase.projectRoot().resolve("data/reference").normalize(), loaded.referenceDir().normalize());
    }

    /**
     * The bundled config copied to another folder: its `reference_dir: ../reference` resolves against the copy's folder.
     * The message names run.reference_dir (not classify.brand_origins, the first file looked for), the config file,
     * what it resolved to, and that relative paths resolve against the config's folder; for ingest, run.mappings_dir.
     */
    @Test
    void aCopiedConfigWithRelativeFoldersNamesRunReferenceDirAndMappingsDir() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("x")).resolve("neraca.yaml");
        Files.copy(SparkTestBase.projectRoot().resolve("data/config/neraca.yaml"), copy);
        NeracaException e = assertThrows(NeracaException.class, () -> NeracaConfig.load(copy, NeracaConfig.SECTIONS));
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith(copy.toAbsolutePath() + ": run.reference_dir: ../reference resolves to "
                + dir.resolve("reference") + ", which does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("resolve against the config file's folder (" + dir.resolve("x") + ")"), e.getMessage());
        Files.createDirectories(dir.resolve("reference"));
        NeracaException ingest = assertThrows(NeracaException.class, () -> NeracaConfig.load(copy, java.util.List.of("ingest")));
        assertTrue(ingest.getMessage().contains("run.mappings_dir: ../marketplaces resolves to " + dir.resolve("marketplaces")),
                ingest.getMessage());
        // the mappings there, the reference folder without regencies.csv: named before Spark starts
        Files.createDirectories(dir.resolve("marketplaces"));
        for (String f : id.neraca.ingest.ReferenceData.FILES) {
            if (!f.equals("regencies.csv")) Files.copy(SparkTestBase.projectRoot().resolve("data/reference").resolve(f), dir.resolve("reference").resolve(f));
        }
        NeracaException missing = assertThrows(NeracaException.class, () -> NeracaConfig.load(copy, java.util.List.of("ingest")));
        assertTrue(missing.getMessage().contains("has no regencies.csv, a reference table ingest reads"), missing.getMessage());
    }

    /** A value of the wrong type says what is expected in plain words, with the file, line and key (not Jackson's Java types). */
    @Test
    void aValueOfTheWrongTypeSaysWhatToWriteInPlainWords() throws IOException {
        Path f = dir.resolve("types.yaml");
        Files.writeString(f, "report:\n  languages: en\n");
        NeracaException list = assertThrows(NeracaException.class, () -> NeracaConfig.load(f, java.util.List.of()));
        assertEquals(NeracaException.EXIT_USAGE, list.exitCode());
        assertTrue(list.getMessage().contains(f + " (line 2): invalid value at 'report.languages': expected a list, like [en]"),
                list.getMessage());
        Files.writeString(f, "ingest:\n  max_quarantine_share: 5%\n");
        NeracaException share = assertThrows(NeracaException.class, () -> NeracaConfig.load(f, java.util.List.of()));
        assertTrue(share.getMessage().contains("'ingest.max_quarantine_share': expected a number, like 0.05")
                && share.getMessage().contains("(got '5%')"), share.getMessage());
        Files.writeString(f, "project:\n  simulations: many\n");
        NeracaException sims = assertThrows(NeracaException.class, () -> NeracaConfig.load(f, java.util.List.of()));
        assertTrue(sims.getMessage().contains("'project.simulations': expected a") && sims.getMessage().contains("(got 'many')"),
                sims.getMessage());
        Files.writeString(f, "These are my notes about the run.\n");
        NeracaException text = assertThrows(NeracaException.class, () -> NeracaConfig.load(f, java.util.List.of()));
        assertTrue(text.getMessage().contains(f + " (line 1): the file must hold a YAML mapping of sections (run:, ingest:"),
                text.getMessage());
        for (NeracaException e : java.util.List.of(list, share, sims, text)) {
            assertTrue(!e.getMessage().contains("java.") && !e.getMessage().contains("Cannot "), e.getMessage());
        }
    }

    @Test
    void anUnknownKeyNamesTheFileTheKeyAndTheAllowedKeys() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "run:\n  shuffle_partitons: 4\n");
        NeracaException e = assertThrows(NeracaException.class, () -> NeracaConfig.load(f, java.util.List.of()));
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'shuffle_partitons'"), e.getMessage());
        assertTrue(e.getMessage().contains("shuffle_partitions"), "allowed keys listed: " + e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    /** A YAML syntax error (a tab indenting line 3) is reported at its line, not at the token before it. */
    @Test
    void aYamlSyntaxErrorNamesItsLine() throws IOException {
        Path f = dir.resolve("tab.yaml");
        Files.writeString(f, "run:\n  shuffle_partitions: 4\n\treference_dir: x\n");
        NeracaException e = assertThrows(NeracaException.class, () -> NeracaConfig.load(f, java.util.List.of()));
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("tab.yaml (line 3): not valid YAML"), e.getMessage());
    }

    @Test
    void anOutOfRangeValueIsAUsageError() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "run:\n  shuffle_partitions: 0\n");
        NeracaException e = assertThrows(NeracaException.class, () -> NeracaConfig.load(f, java.util.List.of()));
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("shuffle_partitions must be at least 1"), e.getMessage());
    }

    /**
     * A value that binds but fails its section's check names its line, as a value of the wrong type does (the audit of 2
     * Dec 2026: `min_order_date: 01/01/2015` named the file and the key, not the line); a target in a list names its own.
     */
    @Test
    void aValueThatFailsItsCheckNamesItsLine() throws IOException {
        Path f = dir.resolve("dates.yaml");
        String run = "run: {reference_dir: " + SparkTestBase.projectRoot().resolve("data/reference") + ", mappings_dir: "
                + SparkTestBase.projectRoot().resolve("data/marketplaces") + "}\n";
        Files.writeString(f, run + "ingest:\n  max_quarantine_share: 0.05\n  min_order_date: 01/01/2015\n");
        NeracaException e = assertThrows(NeracaException.class, () -> NeracaConfig.load(f, java.util.List.of("ingest")));
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        assertEquals(f + " (line 4): ingest.min_order_date must be a date yyyy-MM-dd, got '01/01/2015'", e.getMessage());
        Files.writeString(f, run + "project:\n  targets:\n    - {name: a, label: A, year: 2030, value_idr: 1}\n"
                + "    - name: b\n      label: B\n      year: 1990\n      value_idr: 1\n");
        e = assertThrows(NeracaException.class, () -> NeracaConfig.load(f, java.util.List.of("project")));
        assertTrue(e.getMessage().startsWith(f + " (line 7): project.targets[1].year must be between"), e.getMessage());
    }

    @Test
    void onlyTheSectionsOfTheStagesAboutToRunAreValidatedButUnknownKeysFailEverywhere() throws IOException {
        Path f = dir.resolve("ingest-only.yaml");
        String run = "run: {reference_dir: " + SparkTestBase.projectRoot().resolve("data/reference") + ", mappings_dir: "
                + SparkTestBase.projectRoot().resolve("data/marketplaces") + "}\n";
        Files.writeString(f, run + "ingest: {}\n");
        // no classification rules next to this file: fine for ingest, not for classify
        NeracaConfig.load(f, java.util.List.of("ingest"));
        NeracaException e = assertThrows(NeracaException.class, () -> NeracaConfig.load(f, java.util.List.of("classify")));
        assertTrue(e.getMessage().contains("classify.rules_file"), e.getMessage());
        Files.writeString(f, run + "ingest: {}\nreprot: {}\n");
        NeracaException unknown = assertThrows(NeracaException.class, () -> NeracaConfig.load(f, java.util.List.of("ingest")));
        assertTrue(unknown.getMessage().contains("'reprot'"), unknown.getMessage());
    }

    @Test
    void aKeyGivenTwiceOrAFractionForAWholeNumberIsAUsageErrorNamingIt() throws IOException {
        Path f = dir.resolve("dup.yaml");
        Files.writeString(f, "run:\n  shuffle_partitions: 4\n  shuffle_partitions: 8\n");
        NeracaException dup = assertThrows(NeracaException.class, () -> NeracaConfig.load(f, java.util.List.of()));
        assertEquals(NeracaException.EXIT_USAGE, dup.exitCode());
        assertTrue(dup.getMessage().contains("shuffle_partitions") && dup.getMessage().toLowerCase(java.util.Locale.ROOT).contains("duplicate"),
                dup.getMessage());
        Files.writeString(f, "run:\n  shuffle_partitions: 4.7\n");
        NeracaException frac = assertThrows(NeracaException.class, () -> NeracaConfig.load(f, java.util.List.of()));
        assertEquals(NeracaException.EXIT_USAGE, frac.exitCode());
        assertTrue(frac.getMessage().contains("shuffle_partitions") || frac.getMessage().contains("4.7"), frac.getMessage());
    }

    @Test
    void aMissingFileSaysSo() {
        NeracaException e = assertThrows(NeracaException.class, () -> NeracaConfig.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }

    @Test
    void relativePathsResolveAgainstTheConfigFolder() throws IOException {
        Path f = dir.resolve("conf/neraca.yaml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "run:\n  reference_dir: ../ref\n");
        assertEquals(dir.resolve("ref"), NeracaConfig.load(f, java.util.List.of()).referenceDir());
    }
}
