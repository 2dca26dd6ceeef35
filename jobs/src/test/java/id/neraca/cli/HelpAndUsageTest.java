package id.neraca.cli;

import id.neraca.Neraca;
import id.neraca.core.NeracaException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `neraca <command> --help` prints that command's usage and exits 0; no command at all is a usage error (exit 2). */
class HelpAndUsageTest {
    static String[] captured(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int rc = Neraca.execute(args);
            return new String[]{String.valueOf(rc), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void everyCommandAnswersHelpWithItsOwnUsage() {
        for (String cmd : List.of("run", "ingest", "classify", "aggregate", "project", "report", "validate", "generate", "evaluate")) {
            String[] r = captured(cmd, "--help");
            assertEquals("0", r[0], cmd + " --help: " + r[2]);
            assertTrue(r[1].contains("Usage: neraca " + cmd), cmd + " --help printed: " + r[1] + r[2]);
            assertTrue(r[1].contains("--help"), cmd + " lists --help: " + r[1]);
        }
        String[] root = captured("--help");
        assertEquals("0", root[0]);
        assertTrue(root[1].contains("Usage: neraca"), root[1]);
    }

    @Test
    void noCommandIsAUsageError() {
        String[] r = captured();
        assertEquals(String.valueOf(NeracaException.EXIT_USAGE), r[0]);
        assertTrue(r[2].contains("no command given") && r[2].contains("Usage: neraca"), r[2]);
    }
}
