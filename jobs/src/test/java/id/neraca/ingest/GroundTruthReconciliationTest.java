package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.core.SmallInputs;
import id.neraca.ingest.ids.SellerKeys;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled generated samples against the generator's ground truth ({@code data/samples/_truth/}): per file, rows
 * read, accepted, quarantined and collapsed as the generator planted them; per sale, GMV to the rupiah, status,
 * period and the seller key. Runs where the samples exist (or {@code -Dneraca.samples=DIR}).
 */
class GroundTruthReconciliationTest extends SparkTestBase {
    @TempDir
    static Path tmp;

    static Path samples() {
        String p = System.getProperty("neraca.samples");
        return p != null ? Path.of(p) : projectRoot().resolve("data/samples");
    }

    static List<Map<String, String>> csv(Path f) throws Exception {
        List<String> lines = Files.readAllLines(f);
        String[] h = CsvLine.split(lines.get(0), ',', '"');
        List<Map<String, String>> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (l.isBlank()) continue;
            String[] v = CsvLine.split(l, ',', '"');
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < h.length; i++) m.put(h[i], i < v.length ? v[i] : "");
            out.add(m);
        }
        return out;
    }

    /** The bundled samples prepared for ingest against a copy of the repository's reference tables. */
    private static IngestRun.Prepared prepareSamples() throws Exception {
        Path ref = Files.createDirectories(tmp.resolve("reference"));
        for (String f : new String[]{"provinces.csv", "countries.csv", "categories.csv", "fx_monthly.csv"}) {
            Files.copy(projectRoot().resolve("data/reference").resolve(f), ref.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Path regencies = projectRoot().resolve("data/reference/regencies.csv");
        if (!Files.exists(regencies)) regencies = samples().resolve("../reference/regencies.csv").normalize();
        Assumptions.assumeTrue(Files.exists(regencies), "no regencies.csv");
        Files.copy(regencies, ref.resolve("regencies.csv"), StandardCopyOption.REPLACE_EXISTING);

        IngestRun.Prepared p = IngestRun.prepare(IngestFixtures.mappings(), ref, samples().toString(),
                SellerKeys.of(IngestFixtures.KEY), IngestFixtures.CFG, false, false);
        assertEquals(List.of(), p.plan().errors());
        return p;
    }

    /**
     * A small ingest evaluates its expressions interpreted (core.SmallInputs): the samples' parse and duplicate
     * resolution give the same rows, accepted and quarantined, as with Spark's generated code.
     */
    @Test
    void samplesResolveToTheSameRowsInterpretedAndCompiled() throws Exception {
        IngestRun.Prepared p = prepareSamples();
        List<String> interpreted;
        try (SmallInputs.Scope scope = SmallInputs.interpreted(spark, 0)) {
            assertTrue(scope.interpreted());
            interpreted = resolvedRows(p);
        }
        List<String> compiled = resolvedRows(p);
        assertTrue(compiled.size() > 5000, "samples resolved: " + compiled.size());
        assertEquals(compiled, interpreted);
    }

    /**
     * No shipped mapping reads an order's lines from an array, so ingest resolves the samples by sale alone (no order key,
     * no order window: ResolveDuplicates' {@code orders} false): the same rows, every disposition and detail, as the
     * order path gives them; and its plan still has one exchange and one sort, now with two windows' partitioning, not three.
     */
    @Test
    void withoutAnArrayMappingTheSamplesResolveAsOrdersWouldWithoutTheOrderWindow() throws Exception {
        IngestRun.Prepared p = prepareSamples();
        java.util.Map<String, String> orderLines = IngestRun.orderLines(p.plan().mappings());
        assertEquals(java.util.Map.of(), orderLines);
        Dataset<Row> parsed = IngestRun.parse(spark, p).cache();
        try {
            List<String> bySale = sorted(ResolveDuplicates.apply(parsed, 0, orderLines, false));
            assertTrue(bySale.size() > 5000, "samples resolved: " + bySale.size());
            assertEquals(sorted(ResolveDuplicates.apply(parsed, 0, orderLines, true)), bySale);
            String plan = ResolveDuplicates.apply(parsed, 0, orderLines, false).queryExecution().executedPlan().toString();
            assertEquals(1, plan.split("Exchange ", -1).length - 1, plan);
            assertEquals(1, plan.split("Sort \\[", -1).length - 1, plan);
            assertEquals(false, plan.contains("_o#"), plan);
            assertEquals(true, ResolveDuplicates.apply(parsed, 0, orderLines, true).queryExecution().executedPlan().toString()
                    .contains("_o#"));
        } finally {
            parsed.unpersist();
        }
    }

    private static List<String> sorted(Dataset<Row> d) {
        return d.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static List<String> resolvedRows(IngestRun.Prepared p) {
        return ResolveDuplicates.apply(IngestRun.parse(spark, p)).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void samplesReconcileWithTheGeneratorsGroundTruth() throws Exception {
        Path truth = samples().resolve("_truth");
        Assumptions.assumeTrue(Files.exists(truth.resolve("files.csv")), "no generated samples with ground truth here");
        IngestRun.Prepared p = prepareSamples();
        Dataset<Row> resolved = IngestFixtures.resolve(spark, p);
        Map<String, IngestRun.FileCounts> counts = new HashMap<>();
        for (IngestRun.FileCounts c : IngestRun.count(resolved, p.plan())) counts.put(c.task().sourceFile(), c);

        List<String> mismatches = new ArrayList<>();
        for (Map<String, String> f : csv(truth.resolve("files.csv"))) {
            IngestRun.FileCounts c = counts.get(f.get("source_file"));
            if (c == null) {
                mismatches.add(f.get("source_file") + ": not ingested");
                continue;
            }
            String want = f.get("rows") + "=" + f.get("expected_accepted") + "+" + f.get("expected_quarantined") + "+" + f.get("expected_duplicates_collapsed");
            String got = c.rowsRead() + "=" + c.accepted() + "+" + c.quarantined() + "+" + c.duplicates();
            if (!want.equals(got)) mismatches.add(f.get("source_file") + ": expected " + want + ", got " + got + " " + c.reasons());
        }
        assertEquals(List.of(), mismatches);

        Map<String, Row> sales = new HashMap<>();
        for (Row r : ResolveDuplicates.sales(resolved).select("sale_id", "gmv_idr", "status", "period_month", "seller_key",
                "seller_id_valid").collectAsList()) sales.put(r.getString(0), r);
        SellerKeys k = SellerKeys.of(IngestFixtures.KEY);
        BigDecimal gmvTruth = BigDecimal.ZERO;
        BigDecimal gmvOurs = BigDecimal.ZERO;
        int checked = 0;
        for (Map<String, String> t : csv(truth.resolve("ground_truth.csv"))) {
            if (t.get("expected_quarantine").equals("true")) continue;
            Row r = sales.get(t.get("sale_id"));
            if (r == null) {
                mismatches.add(t.get("sale_id") + ": not in sales");
                continue;
            }
            checked++;
            gmvTruth = gmvTruth.add(new BigDecimal(t.get("gmv_idr")));
            gmvOurs = gmvOurs.add(r.getDecimal(1));
            if (new BigDecimal(t.get("gmv_idr")).compareTo(r.getDecimal(1)) != 0) mismatches.add(t.get("sale_id") + " gmv " + t.get("gmv_idr") + " vs " + r.getDecimal(1));
            if (!t.get("status").equals(r.getString(2))) mismatches.add(t.get("sale_id") + " status " + t.get("status") + " vs " + r.getString(2));
            if (!t.get("period_month").equals(r.getString(3))) mismatches.add(t.get("sale_id") + " period " + t.get("period_month") + " vs " + r.getString(3));
            if (!k.hmac(t.get("seller_key_source")).equals(r.getString(4))) mismatches.add(t.get("sale_id") + " seller_key of " + t.get("seller_key_source"));
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(20, mismatches.size())), mismatches.size() + " mismatches");
        assertTrue(checked > 1000, "checked " + checked);
        assertEquals(gmvTruth, gmvOurs);
    }
}
