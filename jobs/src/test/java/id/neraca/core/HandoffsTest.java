package id.neraca.core;

import id.neraca.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a stage hands off reaches the next stage only, and its cache is released after that stage or on failure. */
class HandoffsTest extends SparkTestBase {

    private static Dataset<Row> cachedRows(int n) {
        Dataset<Row> d = spark.range(n).toDF().cache();
        d.count();
        return d;
    }

    @Test
    void anEntryReachesTheNextStageOnlyAndIsUnpersistedAfterIt() {
        Handoffs h = new Handoffs();
        Dataset<Row> sales = spark.range(3).toDF();
        Dataset<Row> classified = cachedRows(4);
        h.put("sales", sales, false);
        assertTrue(h.take("sales").isEmpty(), "not to the stage that put it");
        h.stageEnded(); // ingest ends
        assertEquals(3, h.take("sales").orElseThrow().count());
        h.put("classified", classified, true);
        assertTrue(h.take("classified").isEmpty());
        h.stageEnded(); // classify ends: its input from ingest goes
        assertEquals(Set.of("classified"), h.held());
        assertTrue(h.take("sales").isEmpty());
        assertEquals(4, h.take("classified").orElseThrow().count());
        assertEquals(StorageLevel.MEMORY_AND_DISK(), classified.storageLevel());
        h.stageEnded(); // aggregate ends
        assertEquals(Set.of(), h.held());
        assertEquals(StorageLevel.NONE(), classified.storageLevel(), "released after the stage it was for");
    }

    @Test
    void aReplacedOrLeftoverEntryIsReleased() {
        Handoffs h = new Handoffs();
        Dataset<Row> first = cachedRows(2);
        Dataset<Row> second = cachedRows(5);
        h.put("classified", first, true);
        h.put("classified", second, true);
        assertEquals(StorageLevel.NONE(), first.storageLevel(), "the replaced entry");
        assertFalse(second.storageLevel().equals(StorageLevel.NONE()));
        h.releaseAll(); // the pipeline ended (or failed) before the next stage took it
        assertEquals(StorageLevel.NONE(), second.storageLevel());
        assertEquals(Set.of(), h.held());
    }
}
