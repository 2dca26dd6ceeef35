package id.neraca.generate;

import id.neraca.Neraca;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code neraca generate} through the command line: exit codes and what it refuses. */
class GenerateCommandTest {

    private static int generate(Path out, String... extra) {
        String[] base = {"generate", "--quiet", "--rows", "800", "--seed", "5", "--start", "2024-11", "--end", "2025-01",
                "--out", out.toString(), "--regencies", TestPaths.regencies().toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Neraca.execute(args);
    }

    @Test
    void writesTheShapesForTheMonthsAsked(@TempDir Path tmp) throws Exception {
        assertEquals(0, generate(tmp));
        assertTrue(Files.exists(tmp.resolve("shopee/shopee_orders_20241101_20241203.csv")));
        assertTrue(Files.exists(tmp.resolve("shopee/shopee_orders_20250101_20250131.csv")));
        assertTrue(Files.exists(tmp.resolve("tiktokshop/tiktok_orders_2025-01.csv")));
        assertFalse(Files.exists(tmp.resolve("tiktokshop/tiktok_orders_2024-10.csv")));
        assertTrue(Files.size(tmp.resolve("_truth/ground_truth.csv")) > 1000);
    }

    @Test
    void refusesToMixWithEarlierOutputUnlessAskedToOverwriteAndKeepsOtherFiles(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("README.md"), "mine");
        assertEquals(0, generate(tmp));
        assertEquals(2, generate(tmp), "an existing shopee/ must not be mixed with a new run");
        assertEquals(0, generate(tmp, "--overwrite"));
        assertEquals("mine", Files.readString(tmp.resolve("README.md")), "--overwrite only replaces generated folders");
    }

    /** A month the model has no cross-border FX rate for stops before any file is written: it left empty dumps behind, which a run then refused as truncated. */
    @Test
    void aMonthWithoutAnFxRateStopsBeforeWritingAnything(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("dumps");
        assertEquals(2, Neraca.execute("generate", "--rows", "200", "--out", out.toString(), "--start", "2026-12",
                "--end", "2027-01", "--regencies", TestPaths.regencies().toString()));
        try (var files = Files.walk(tmp)) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
        }
    }

    /** A year without Ramadan dates would be a year without its season: refused, before any file is written. */
    @Test
    void aYearWithoutRamadanDatesStopsBeforeWritingAnything(@TempDir Path tmp) throws Exception {
        String model;
        try (var in = MarketModel.class.getResourceAsStream(MarketModel.RESOURCE)) {
            model = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String without2024 = model.replaceAll("(?m)^ *- \\{year: 2024, start: .*\\n", "");
        assertTrue(without2024.length() < model.length());
        Path file = tmp.resolve("model.yaml");
        Files.writeString(file, without2024);
        Path out = tmp.resolve("dumps");
        assertEquals(2, Neraca.execute("generate", "--rows", "200", "--out", out.toString(), "--start", "2024-11",
                "--end", "2025-01", "--model", file.toString(), "--regencies", TestPaths.regencies().toString()));
        assertFalse(Files.exists(out.resolve("shopee")));
        assertEquals(0, Neraca.execute("generate", "--quiet", "--rows", "200", "--out", out.toString(), "--start", "2025-01",
                "--end", "2025-03", "--model", file.toString(), "--regencies", TestPaths.regencies().toString()),
                "a range whose years all have their dates");
    }

    /** The model's FX and Ramadan tables reach back to 2015: a history from before PP 7/2021 can be generated. */
    @Test
    void generatesFromTwentyFifteen(@TempDir Path tmp) {
        assertEquals(0, Neraca.execute("generate", "--quiet", "--rows", "600", "--seed", "3", "--out", tmp.toString(),
                "--start", "2015-01", "--end", "2015-03", "--regencies", TestPaths.regencies().toString()));
        assertTrue(Files.exists(tmp.resolve("tiktokshop/tiktok_orders_2015-01.csv")));
    }

    @Test
    void badArgumentsAreUsageErrors(@TempDir Path tmp) {
        assertEquals(2, Neraca.execute("generate", "--rows", "10", "--out", tmp.toString(), "--start", "2025-02",
                "--end", "2025-01", "--regencies", TestPaths.regencies().toString()));
        assertEquals(2, Neraca.execute("generate", "--rows", "0", "--out", tmp.toString()));
        assertEquals(2, Neraca.execute("generate", "--rows", "10", "--out", tmp.toString(), "--start", "2025/01"));
        assertEquals(2, Neraca.execute("generate", "--rows", "10", "--out", tmp.resolve("x").toString(),
                "--regencies", tmp.resolve("missing.csv").toString()));
    }
}
