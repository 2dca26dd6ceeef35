package id.neraca.report;

import id.neraca.report.Disclosure.Cell;
import id.neraca.report.Disclosure.Status;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Interval disclosure: how closely an attacker who knows every published entry, every additive line and that no
 * GMV is negative can bound a withheld entry (Hundepool et al., <i>Statistical Disclosure Control</i>, §4.3:
 * the feasibility interval of a suppressed cell). Making a withheld entry exactly underivable (what
 * {@link Disclosure} checks by linear algebra) is not enough: a one-seller cell of Rp10 juta hidden behind
 * complements of Rp50.000 is known to within half a percent.
 *
 * <p>The bound is a linear programme over the withheld entries of the audited entry's component (the withheld
 * entries linked to it through lines that hold two or more withheld entries; the rest cannot move with it):
 * every line's equation with the published entries as constants, every withheld entry ≥ 0. The programme is
 * solved in units of the audited entry's own value, so a cell of Rp10⁵ beside totals of Rp10¹¹ is not lost in
 * the solver's tolerance, and it is capped at the protection asked for: the question is only whether the entry
 * can move that far up and down, not how far.
 */
final class IntervalAudit {
    private IntervalAudit() {}

    /** Tolerance (in units of the audited entry's value) within which a bound counts as reached. */
    static final double TOLERANCE = 1e-7;

    /**
     * How far withheld entry {@code cell} can move down and up, in rupiah, each capped at {@code need} (and the
     * downward one at the entry's value: no GMV is negative).
     */
    record Range(double down, double up) {
        boolean covers(double needDown, double needUp, double scale) {
            return down >= needDown - TOLERANCE * scale && up >= needUp - TOLERANCE * scale;
        }
    }

    /** The withheld entries linked to {@code cell} through lines that hold two or more withheld entries. */
    static List<Integer> component(List<int[]> lines, Status[] st, int cell) {
        boolean[] in = new boolean[st.length];
        List<Integer> members = new ArrayList<>(List.of(cell));
        in[cell] = true;
        for (boolean grew = true; grew; ) {
            grew = false;
            for (int[] line : lines) {
                boolean touches = false;
                for (int e : line) if (in[e]) touches = true;
                if (!touches) continue;
                for (int e : line) {
                    if (st[e].suppressed() && !in[e]) {
                        in[e] = true;
                        members.add(e);
                        grew = true;
                    }
                }
            }
        }
        return members;
    }

    /**
     * The feasibility range of withheld entry {@code cell} within {@code need} rupiah of its value (see the class
     * comment). An entry with no value (0) cannot be bounded more closely than it is known: range 0, 0.
     */
    static Range range(Cell[] cells, List<int[]> lines, Status[] st, int cell, double need) {
        if (!st[cell].suppressed()) throw new IllegalArgumentException("entry " + cell + " is published, nothing to audit");
        BigDecimal value = cells[cell].gmv();
        if (value.signum() <= 0 || need <= 0) return new Range(0, 0);
        double scale = value.doubleValue();
        double q = need / scale;
        List<Integer> vars = component(lines, st, cell);
        int[] index = new int[st.length];
        java.util.Arrays.fill(index, -1);
        for (int k = 0; k < vars.size(); k++) index[vars.get(k)] = k;
        int n = vars.size();

        List<LinearConstraint> constraints = new ArrayList<>();
        for (int[] line : lines) {
            double[] coef = new double[n];
            boolean touches = false;
            BigDecimal rhs = BigDecimal.ZERO; // parts − total over the published entries, moved to the right
            for (int k = 0; k < line.length; k++) {
                int e = line[k];
                boolean total = k == line.length - 1;
                if (index[e] >= 0) {
                    coef[index[e]] += total ? -1 : 1;
                    touches = true;
                } else if (!st[e].suppressed()) {
                    rhs = total ? rhs.add(cells[e].gmv()) : rhs.subtract(cells[e].gmv());
                }
            }
            if (touches) {
                constraints.add(new LinearConstraint(coef, Relationship.EQ,
                        rhs.divide(value, MathContext.DECIMAL64).doubleValue()));
            }
        }
        int self = index[cell];
        double[] unit = new double[n];
        unit[self] = 1;
        double lowCap = Math.max(0, 1 - q);
        double highCap = 1 + q;
        List<LinearConstraint> up = new ArrayList<>(constraints);
        up.add(new LinearConstraint(unit, Relationship.LEQ, highCap));
        List<LinearConstraint> down = new ArrayList<>(constraints);
        down.add(new LinearConstraint(unit, Relationship.GEQ, lowCap));
        double max = solve(unit, up, GoalType.MAXIMIZE, self, cell);
        double min = solve(unit, down, GoalType.MINIMIZE, self, cell);
        return new Range(Math.max(0, (1 - min) * scale), Math.max(0, (max - 1) * scale));
    }

    private static double solve(double[] objective, List<LinearConstraint> constraints, GoalType goal, int self, int cell) {
        try {
            PointValuePair p = new SimplexSolver().optimize(new MaxIter(100_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
                    new NonNegativeConstraint(true));
            return p.getPoint()[self];
        } catch (NoFeasibleSolutionException | UnboundedSolutionException e) {
            // the published figures hold for the true values, which satisfy every constraint, and the cap bounds
            // the objective: either failure is a bug in how the lines were built
            throw new IllegalStateException("interval audit of entry " + cell + ": " + e.getMessage(), e);
        }
    }
}
