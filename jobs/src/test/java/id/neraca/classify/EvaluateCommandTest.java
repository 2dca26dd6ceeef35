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

    /** A truth whose sale ids match nothing classified: exit 3 naming the file, not "matched sales 0" and success. */
    @Test
    void aTruthFileMatchingNoClassifiedSaleFailsItsContract() {
        id.neraca.core.NeracaException e = org.junit.jupiter.api.Assertions.assertThrows(id.neraca.core.NeracaException.class,
                () -> EvaluateClassification.requireMatches(0, 1200, 5696, "/tmp/gen4/_truth/ground_truth.csv"));
        org.junit.jupiter.api.Assertions.assertEquals(id.neraca.core.NeracaException.EXIT_DATA, e.exitCode());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("/tmp/gen4/_truth/ground_truth.csv: none of its "
                + "1,200 sale ids matches one of the 5,696 sales in out/classified"), e.getMessage());
        EvaluateClassification.requireMatches(1, 1199, 5695, "t.csv"); // one match is an evaluation
    }
}
