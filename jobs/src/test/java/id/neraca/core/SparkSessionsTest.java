package id.neraca.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A spark-submit --conf spark.sql.shuffle.partitions (a driver system property) beats run.shuffle_partitions. */
class SparkSessionsTest {
    @Test
    void aSubmittedShufflePartitionsWinsOverTheConfigFile() {
        String before = System.getProperty("spark.sql.shuffle.partitions");
        try {
            System.clearProperty("spark.sql.shuffle.partitions");
            assertEquals("8", SparkSessions.shufflePartitions(8), "the config's value when nothing was submitted");
            System.setProperty("spark.sql.shuffle.partitions", "64");
            assertEquals("64", SparkSessions.shufflePartitions(8), "spark-submit --conf spark.sql.shuffle.partitions=64");
        } finally {
            if (before == null) System.clearProperty("spark.sql.shuffle.partitions");
            else System.setProperty("spark.sql.shuffle.partitions", before);
        }
    }
}
