package id.neraca.core;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The configuration neraca opens dumps and --out with carries the application's spark.hadoop.* settings (on an
 * executor, from its SparkConf), as Spark's own does; the local file system stays neraca's.
 */
class HadoopConfTest {
    @Test
    void carriesTheApplicationsSparkHadoopSettings() {
        SparkConf spark = new SparkConf(false)
                .set("spark.hadoop.fs.s3a.endpoint", "http://minio.example:9000")
                .set("spark.hadoop.fs.s3a.path.style.access", "true")
                .set("spark.executor.memory", "8g");
        Configuration c = HadoopConf.create(spark);
        assertEquals("http://minio.example:9000", c.get("fs.s3a.endpoint"));
        assertEquals("true", c.get("fs.s3a.path.style.access"));
        assertEquals(null, c.get("executor.memory"));
        assertEquals(LocalFiles.Checksummed.class.getName(), c.get("fs.file.impl"));
    }
}
