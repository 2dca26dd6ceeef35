package id.neraca.core;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tables a stage of {@code neraca run} hands to the later stages in the same Spark application, so that a small run
 * does not read back, file by file, what it has just written. The contract is unchanged: every stage still writes
 * and commits its table in {@code out/}, and a stage run alone ({@code neraca classify}) reads it from there. A
 * handed-off Dataset holds exactly the committed table's rows (the stage that hands it off guarantees that), with
 * the contract's columns; a later stage may use it instead of reading {@code out/<table>/}.
 *
 * <p>Why: a 10,000-sale run writes 144 {@code sales} folders and 36 {@code classified} month folders, and a Parquet
 * scan costs per file at a few hundred rows each (docs/BENCHMARKS.md). Only small runs hand off (the stages decide);
 * a large run reads the partitioned table, whose layout the next stage's writes rely on.
 *
 * <p>Lifetime: an entry is available to every later stage of the run (the classified rows serve the aggregate and the
 * report) and released, its cache unpersisted, when the pipeline ends, whether it succeeded or not
 * ({@link #releaseAll()}, called by {@link Pipeline}). Only small tables are handed off, so holding them costs little.
 */
public final class Handoffs {
    private record Entry(Dataset<Row> rows, boolean cached, long rowCount) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /**
     * Hands {@code rows} (the committed table {@code table}'s rows) to the later stages. {@code cached}: the Dataset is
     * persisted and is unpersisted here when released; the caller gives up its own unpersist.
     */
    public synchronized void put(String table, Dataset<Row> rows, boolean cached) {
        put(table, rows, cached, -1);
    }

    /**
     * As {@link #put(String, Dataset, boolean)}, with the table's row count when the handing stage has counted it (its
     * reconciliation): a later stage that needs the count takes it here instead of running a Spark job for it.
     * {@code rowCount} -1: not known.
     */
    public synchronized void put(String table, Dataset<Row> rows, boolean cached, long rowCount) {
        Entry old = entries.put(table, new Entry(rows, cached, rowCount));
        if (old != null) release(old);
    }

    /** The row count handed off with {@code table}, if the handing stage gave one. */
    public synchronized java.util.OptionalLong rowCount(String table) {
        Entry e = entries.get(table);
        return e == null || e.rowCount() < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(e.rowCount());
    }

    /** The rows an earlier stage of this run handed off for {@code table}, if any. Released by this object. */
    public synchronized Optional<Dataset<Row>> take(String table) {
        Entry e = entries.get(table);
        return e == null ? Optional.empty() : Optional.of(e.rows());
    }

    /** Tables currently held (for tests). */
    public synchronized java.util.Set<String> held() {
        return java.util.Set.copyOf(entries.keySet());
    }

    /** Releases every entry (the pipeline ended, or failed). */
    public synchronized void releaseAll() {
        entries.values().forEach(Handoffs::release);
        entries.clear();
    }

    private static void release(Entry e) {
        if (e.cached()) e.rows().unpersist();
    }
}
