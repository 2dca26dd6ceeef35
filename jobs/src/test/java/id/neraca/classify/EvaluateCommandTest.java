package id.neraca.classify;

import id.neraca.Neraca;
import id.neraca.core.NeracaException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The evaluate command is registered and --truth is required (a usage error, exit 2, before Spark starts). */
class EvaluateCommandTest {
    @Test
    void evaluateWithoutTruthIsAUsageError() {
        assertEquals(NeracaException.EXIT_USAGE, Neraca.execute("evaluate"));
    }

    @Test
    void evaluateHelpWorks() {
        assertEquals(0, Neraca.execute("help", "evaluate"));
    }
}
