package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.ingest.ids.SellerKeys;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Shared set-up of the ingest tests: fixture paths, a reference folder, a fixed key and date window. */
final class IngestFixtures {
    private IngestFixtures() {}

    static final String KEY = "test-seller-key-0123456789";
    static final IngestConfig CFG = new IngestConfig(0.05, "2015-01-01", "2026-11-29", 5);

    static Path resources() {
        return SparkTestBase.projectRoot().resolve("jobs/src/test/resources/ingest");
    }

    static Path dumps() {
        return resources().resolve("dumps");
    }

    static Path mappings() {
        return SparkTestBase.projectRoot().resolve("data/marketplaces");
    }

    /** data/reference's own tables plus the test regencies (a small subset in the contract's format). */
    static Path reference(Path tmp) {
        try {
            Path dir = Files.createDirectories(tmp.resolve("reference"));
            for (String f : new String[]{"provinces.csv", "countries.csv", "categories.csv", "fx_monthly.csv"}) {
                Files.copy(SparkTestBase.projectRoot().resolve("data/reference").resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(resources().resolve("reference/regencies.csv"), dir.resolve("regencies.csv"), StandardCopyOption.REPLACE_EXISTING);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IngestRun.Prepared prepare(Path dumps, Path ref, boolean skipUnmatched) {
        return IngestRun.prepare(mappings(), ref, dumps.toString(), SellerKeys.of(KEY), CFG, skipUnmatched, false);
    }

    static Dataset<Row> resolve(SparkSession spark, IngestRun.Prepared p) {
        return ResolveDuplicates.apply(IngestRun.parse(spark, p)).cache();
    }

    /** Writes a config that points at the test reference folder and the repository's mappings. */
    static Path config(Path tmp, Path ref, double maxShare) {
        try {
            // its own folder: the manifest hashes every file beside the config
            Path f = Files.createDirectories(tmp.resolve("config")).resolve("neraca.yaml");
            Files.writeString(f, "run:\n  reference_dir: " + ref + "\n  mappings_dir: " + mappings()
                    + "\n  shuffle_partitions: 2\ningest:\n  max_quarantine_share: " + maxShare
                    + "\n  max_order_date: \"2026-11-29\"\n");
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
