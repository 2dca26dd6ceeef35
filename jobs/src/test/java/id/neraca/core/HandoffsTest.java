package id.neraca.core;

import id.neraca.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a stage hands off is there for the later stages; its cache is released when replaced and when the run ends. */
class HandoffsTest extends SparkTestBase {

    private static Dataset<Row> cachedRows(int n) {
        Dataset<Row> d = spark.range(n).toDF().cache();
        d.count();
        return d;
    }

    @Test
    void entriesStayForTheLaterStagesAndAreUnpersistedWhenTheRunEnds() {
        Handoffs h = new Handoffs();
        assertTrue(h.take("sales").isEmpty(), "a stage run alone finds nothing");
        Dataset<Row> sales = spark.range(3).toDF();
        Dataset<Row> classified = cachedRows(4);
        h.put("sales", sales, false);
        h.put("classified", classified, true);
        assertEquals(3, h.take("sales").orElseThrow().count());
        assertEquals(4, h.take("classified").orElseThrow().count(), "the aggregate");
        assertEquals(4, h.take("classified").orElseThrow().count(), "and the report after it");
        assertEquals(StorageLevel.MEMORY_AND_DISK(), classified.storageLevel());
        h.releaseAll();
        assertEquals(Set.of(), h.held());
        assertTrue(h.take("classified").isEmpty());
        assertEquals(StorageLevel.NONE(), classified.storageLevel(), "unpersisted at the end of the run");
    }

    @Test
    void aRowCountTravelsWithItsTableWhenTheHandingStageKnowsIt() {
        Handoffs h = new Handoffs();
        h.put("sales", spark.range(3).toDF(), false, 3);
        h.put("classified", spark.range(4).toDF(), false);
        assertEquals(java.util.OptionalLong.of(3), h.rowCount("sales"));
        assertTrue(h.rowCount("classified").isEmpty(), "not counted by the handing stage");
        assertTrue(h.rowCount("aggregates").isEmpty(), "nothing handed off");
        h.releaseAll();
        assertTrue(h.rowCount("sales").isEmpty(), "gone with its table");
    }

    @Test
    void aReplacedEntryIsReleasedAtOnce() {
        Handoffs h = new Handoffs();
        Dataset<Row> first = cachedRows(2);
        Dataset<Row> second = cachedRows(5);
        h.put("classified", first, true);
        h.put("classified", second, true);
        assertEquals(StorageLevel.NONE(), first.storageLevel());
        assertNotEquals(StorageLevel.NONE(), second.storageLevel());
        assertEquals(5, h.take("classified").orElseThrow().count());
        h.releaseAll();
        assertEquals(StorageLevel.NONE(), second.storageLevel());
    }
}
