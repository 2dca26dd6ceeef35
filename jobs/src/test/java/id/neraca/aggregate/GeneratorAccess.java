package id.neraca.aggregate;

import org.apache.spark.sql.Row;

import java.math.BigDecimal;
import java.util.List;

/** Public access to the package's seeded classified-row generator for tests in other packages. */
public final class GeneratorAccess {
    private final ClassifiedGenerator g;

    public GeneratorAccess(long seed, int orders, List<String> months) {
        this.g = new ClassifiedGenerator(seed, orders, months);
    }

    public List<Row> rows() {
        return g.rows;
    }

    /** Completed order-line GMV of a calendar year (ground truth). */
    public BigDecimal yearTotal(String year) {
        BigDecimal s = BigDecimal.ZERO;
        for (String m : g.truth.keySet()) if (m.startsWith(year)) s = s.add(g.truthTotal(m));
        return s;
    }
}
