package id.neraca.cli;

import id.neraca.SparkTestBase;
import id.neraca.core.NeracaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static id.neraca.cli.HelpAndUsageTest.captured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mistakes a user makes on the command line or in the configuration end with exit 2 (3 for data) and a message
 * naming the fix, before Spark starts where possible, never with exit 1 and a stack trace.
 */
class UsageErrorsTest {
    @TempDir
    Path tmp;

    static final String CONFIG = SparkTestBase.projectRoot().resolve("data/config/neraca.yaml").toString();

    static void assertExit(int exit, String mention, String... args) {
        String[] r = captured(args);
        assertEquals(String.valueOf(exit), r[0], String.join(" ", args) + "\n" + r[1] + r[2]);
        assertTrue((r[1] + r[2]).contains(mention), "mentions '" + mention + "': " + r[1] + r[2]);
        assertFalse(r[2].contains("\tat "), "a stack trace: " + r[2]);
    }

    @Test
    void optionsThatCannotWorkAreRefusedBeforeAnythingStarts() throws Exception {
        Path dumps = Files.createDirectories(tmp.resolve("dumps"));
        assertExit(2, "inside --dumps", "run", "--dumps", dumps.toString(), "--out", dumps.resolve("out").toString(), "--config", CONFIG);
        assertFalse(Files.exists(dumps.resolve("out")), "nothing written inside the dumps");
        assertExit(2, "not a Spark master URL", "run", "--master", "foo://bar", "--out", tmp.resolve("o").toString(), "--config", CONFIG);
        assertExit(2, "not a Spark master URL", "validate", "--master", "local[x]", "--config", CONFIG);
        assertExit(2, "--out is empty", "report", "--out", "", "--config", CONFIG);
        assertExit(2, "--dumps is empty", "validate", "--dumps", " ", "--config", CONFIG);
    }

    /** A mistyped option or command is answered with the one meant (picocli's suggestion), not only "Unknown options". */
    @Test
    void aMistypedOptionOrCommandSuggestsTheOneMeant() {
        assertExit(2, "Unknown options: '--dump', 'x'. Did you mean --dumps? (neraca run --help lists the options)",
                "run", "--dump", "x");
        assertExit(2, "Did you mean --full?", "ingest", "--ful");
        assertExit(2, "Did you mean run?", "runn");
        // short words picocli's similarity misses: one edit away (the audit of 2 Dec 2026: `neraca rn` got no suggestion)
        assertExit(2, "Did you mean run?", "rn");
        assertExit(2, "Did you mean validate", "valdate");
        // nothing close: the usage as before
        assertExit(2, "Usage: neraca run", "run", "foo");
    }

    /** A symlink to the dumps folder (or into it) no longer hides --out inside --dumps (was exit 0, next run failed). */
    @Test
    void anOutputFolderInsideTheDumpsThroughASymlinkIsRefused() throws Exception {
        Path dumps = Files.createDirectories(tmp.resolve("gen3"));
        Path link = Files.createSymbolicLink(tmp.resolve("gen3link"), dumps);
        assertExit(2, "inside --dumps", "ingest", "--dumps", link.toString(), "--out", dumps.resolve("outs2").toString(), "--config", CONFIG);
        assertExit(2, "inside --dumps", "ingest", "--dumps", dumps.toString(), "--out", link.resolve("outs2").toString(), "--config", CONFIG);
        assertExit(2, "through a symbolic link", "run", "--dumps", link.toString(), "--out", dumps.resolve("a/b").toString(), "--config", CONFIG);
        assertFalse(Files.exists(dumps.resolve("outs2")), "nothing written inside the dumps");
        assertFalse(Files.exists(dumps.resolve("a")), "nothing written inside the dumps");
    }

    /** --dumps given one file: "must be a folder", not "no mapping matches this file ... --skip-unmatched". */
    @Test
    void aSingleDumpFileAsDumpsIsAUsageErrorSayingToPassItsFolder() throws Exception {
        Path file = Files.writeString(tmp.resolve("orders.csv"), "order_id\n1\n");
        assertExit(2, "--dumps must be a folder (got a file: " + file + ")", "ingest", "--dumps", file.toString(),
                "--out", tmp.resolve("out").toString(), "--config", CONFIG);
        assertExit(2, "put the file in a folder and pass the folder", "validate", "--dumps", file.toString(), "--config", CONFIG);
        assertFalse(Files.exists(tmp.resolve("out")));
        // a mistyped folder: refused before --out is created (it left an out/ holding only manifest.failed.json)
        assertExit(2, "--dumps " + tmp.resolve("dumsp") + " does not exist", "run", "--dumps", tmp.resolve("dumsp").toString(),
                "--out", tmp.resolve("out").toString(), "--config", CONFIG);
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void anOutputFolderHoldingSomeoneElsesFilesIsRefusedAndLeftAsItIs() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("documents/sales"));
        Files.writeString(mine.resolve("thesis.docx"), "years of work");
        assertExit(2, "holds files that no neraca run wrote", "report", "--out", tmp.resolve("documents").toString(), "--config", CONFIG);
        assertEquals("years of work", Files.readString(mine.resolve("thesis.docx")));
        try (var left = Files.list(tmp.resolve("documents"))) {
            assertEquals(List.of("sales"), left.map(p -> p.getFileName().toString()).toList(), "no lock, no manifest written there");
        }
        Files.writeString(tmp.resolve("a-file"), "x");
        assertExit(2, "is a file", "report", "--out", tmp.resolve("a-file").toString(), "--config", CONFIG);
    }

    @Test
    void theDefaultConfigMissingOutsideTheNeracaFolderSaysWhereItLookedAndWhatToPass() {
        // `~/neraca/neraca validate --dumps ~/dumps` from the home folder: "data/config/neraca.yaml: file not found.
        // Pass an existing file" named neither the working directory the path is relative to nor --config
        String cwd = Path.of("").toAbsolutePath().toString();
        assertExit(2, "relative to the working directory " + cwd, "validate", "--config", "no/such/neraca.yaml");
        assertExit(2, "--config", "validate", "--config", "no/such/neraca.yaml");
    }

    @Test
    void validateRefusesAFolderWithoutDumpsAsIngestDoes() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("README.md"), "notes");
        assertExit(2, "no dump files found", "validate", "--dumps", empty.toString(), "--config", CONFIG, "--master", "local[1]");
    }

    @Test
    void configurationThatCanOnlyFailNamesTheKeyOrFile() throws Exception {
        Path cfgDir = Files.createDirectories(tmp.resolve("cfg"));
        String yaml = Files.readString(Path.of(CONFIG))
                .replace("reference_dir: ../reference", "reference_dir: " + SparkTestBase.projectRoot().resolve("data/reference"))
                .replace("mappings_dir: ../marketplaces", "mappings_dir: " + SparkTestBase.projectRoot().resolve("data/marketplaces"))
                .replace("rules_file: classify-rules.yaml", "rules_file: " + SparkTestBase.projectRoot().resolve("data/config/classify-rules.yaml"));
        Path inverted = cfgDir.resolve("inverted.yaml");
        Files.writeString(inverted, yaml.replace("min_order_date: 2015-01-01", "min_order_date: 2030-01-01"));
        assertExit(2, "ingest.min_order_date", "validate", "--config", inverted.toString());

        Path ref = Files.createDirectories(tmp.resolve("ref"));
        try (var files = Files.list(SparkTestBase.projectRoot().resolve("data/reference"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, ref.resolve(f.getFileName()));
        }
        Files.writeString(ref.resolve("provinces.csv"), Files.readString(ref.resolve("provinces.csv")).replaceFirst("Asia/Jakarta", "Asia/Nowhere"));
        Path badZone = cfgDir.resolve("zone.yaml");
        Files.writeString(badZone, yaml.replace("reference_dir: " + SparkTestBase.projectRoot().resolve("data/reference"), "reference_dir: " + ref));
        assertExit(2, "Asia/Nowhere", "validate", "--config", badZone.toString());
    }

    @Test
    void dumpsWithNoRowsStopAtClassifyWithADataErrorNotACrash() throws Exception {
        Path dumps = Files.createDirectories(tmp.resolve("headers/tiktokshop"));
        Files.writeString(dumps.resolve("tiktok_orders_2023-03.csv"), "Order ID,Order Status,Seller SKU,Product Name,Brand,Category,Quantity,SKU Unit Original Price,"
                + "SKU Subtotal After Discount,Created Time,Seller ID Type,Seller ID,Seller City,Province,Country of Origin,Ship From,Cross-border\n");
        assertExit(NeracaException.EXIT_DATA, "holds no sales", "run", "--dumps", tmp.resolve("headers").toString(),
                "--out", tmp.resolve("out").toString(), "--config", CONFIG, "--master", "local[1]", "--demo-key", "--quiet");
    }
}
