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

    /** A truth file with a header and no rows is said as such, not "the ground truth is of other dumps". */
    @Test
    void aTruthFileWithNoRowsSaysSo() {
        NeracaException e = org.junit.jupiter.api.Assertions.assertThrows(NeracaException.class,
                () -> EvaluateClassification.requireMatches(0, 0, 5696, "t.csv"));
        assertEquals(NeracaException.EXIT_DATA, e.exitCode());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("t.csv: no rows below its header, nothing to score"),
                e.getMessage());
    }

    /** An empty file and a semicolon-separated header were both "column 'sale_id' is missing". */
    @Test
    void anEmptyOrSemicolonTruthFileSaysWhatIsWrong() {
        NeracaException empty = org.junit.jupiter.api.Assertions.assertThrows(NeracaException.class,
                () -> EvaluateClassification.requireColumns(java.util.List.of(), "t.csv"));
        assertEquals(NeracaException.EXIT_DATA, empty.exitCode());
        org.junit.jupiter.api.Assertions.assertTrue(empty.getMessage().startsWith("t.csv is empty"), empty.getMessage());
        NeracaException semi = org.junit.jupiter.api.Assertions.assertThrows(NeracaException.class,
                () -> EvaluateClassification.requireColumns(java.util.List.of("sale_id;true_origin_class;true_umkm_tier"), "t.csv"));
        org.junit.jupiter.api.Assertions.assertTrue(semi.getMessage().contains("the header is one column, "
                + "'sale_id;true_origin_class;true_umkm_tier': separate the columns with commas"), semi.getMessage());
        NeracaException other = org.junit.jupiter.api.Assertions.assertThrows(NeracaException.class,
                () -> EvaluateClassification.requireColumns(java.util.List.of("sale_id", "origin"), "t.csv"));
        org.junit.jupiter.api.Assertions.assertTrue(other.getMessage().contains("column 'true_origin_class' is missing "
                + "(found [sale_id, origin])"), other.getMessage());
        EvaluateClassification.requireColumns(java.util.List.of("true_origin_class", "x", "sale_id"), "t.csv"); // any order
    }
}
