import java.sql.*;

/**
 * Benchmark helper (not a test): a digest of an ingest's out/ to compare before/after a change.
 *   java -cp duckdb_jdbc.jar jobs/bench/SalesDigest.java OUT_DIR
 * Prints sales rows, total GMV, an order-independent hash over every sales column, and quarantine rows + a hash.
 */
public class SalesDigest {
    public static void main(String[] a) throws Exception {
        String out = a[0];
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            q(s, "select count(*) n, sum(gmv_idr) gmv, bit_xor(hash(t)) h from read_parquet('" + out
                    + "/sales/**/*.parquet', hive_partitioning=true) t");
            q(s, "select count(*) n, bit_xor(hash(t)) h from read_parquet('" + out + "/quarantine/*.parquet') t");
        }
    }

    static void q(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) b.append(r.getMetaData().getColumnName(i)).append('=').append(r.getString(i)).append(' ');
                System.out.println(b.toString().trim());
            }
        }
    }
}
