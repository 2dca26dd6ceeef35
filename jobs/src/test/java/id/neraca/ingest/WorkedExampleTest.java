package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.ingest.ids.SellerKeys;
import id.neraca.ingest.mapping.Mapping;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked example of docs/MAPPINGS.md, read from the document itself, runs as written (no Spark needed). */
class WorkedExampleTest {
    @TempDir
    Path tmp;

    @Test
    void theLazadaExampleInTheDocsWorks() throws Exception {
        String doc = Files.readString(SparkTestBase.projectRoot().resolve("docs/MAPPINGS.md"));
        Matcher yaml = Pattern.compile("Create `data/marketplaces/lazada.yaml`:\\n\\n   ```yaml\\n(.*?)   ```", Pattern.DOTALL).matcher(doc);
        assertTrue(yaml.find(), "the lazada.yaml block is in docs/MAPPINGS.md");
        Matcher csv = Pattern.compile("`lazada/Lazada_Orders_2024-03.csv`:\\n\\n```\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(csv.find(), "the sample export is in docs/MAPPINGS.md");
        Mapping m = Mappings.parse("lazada.yaml", yaml.group(1).replaceAll("(?m)^   ", ""));
        Path dumps = tmp.resolve("dumps");
        Files.createDirectories(dumps.resolve("lazada"));
        Files.writeString(dumps.resolve("lazada/Lazada_Orders_2024-03.csv"), csv.group(1));

        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(), List.of(m), false);
        assertEquals(List.of(), plan.issues());
        FileTask t = plan.tasks().get(0);
        assertEquals("2024-03", t.exportKey());
        ReferenceData ref = ReferenceData.load(IngestFixtures.reference(tmp));
        RecordParser p = new RecordParser(plan.mappings().get("lazada"), ref, SellerKeys.of(IngestFixtures.KEY),
                LocalDate.parse("2015-01-01"), LocalDate.parse("2026-11-29"));
        List<RawRecord> raw = DumpReader.readAll(t, plan.mappings().get("lazada"));
        assertEquals(1, raw.size());
        Row r = p.parse(raw.get(0), t.exportKey());
        assertEquals("lazada:316458201:1001", r.getAs("sale_id"));
        assertEquals(java.time.Instant.parse("2024-03-14T03:05:00Z"), r.<java.sql.Timestamp>getAs("order_ts").toInstant());
        assertEquals("2024-03", r.getAs("period_month"));
        assertEquals("NPWP", r.getAs("seller_id_type"));
        assertEquals(Boolean.TRUE, r.getAs("seller_id_valid"));
        assertEquals(SellerKeys.of(IngestFixtures.KEY).hmac("NPWP:012345674123000"), r.getAs("seller_key"));
        assertEquals("33", r.getAs("seller_province_code"));   // Kota Pekalongan is not in the test regencies: province fallback
        assertEquals("185000.00", r.<java.math.BigDecimal>getAs("gmv_idr").toPlainString());
        assertEquals("COMPLETED", r.getAs("status"));
        assertTrue(r.<String>getAs("raw_row").contains("***") && !r.<String>getAs("raw_row").contains("Batik Pekalongan"));
    }

    @Test
    void theOrderLinesExampleInTheDocsWorks() throws Exception {
        String doc = Files.readString(SparkTestBase.projectRoot().resolve("docs/MAPPINGS.md"));
        Matcher yaml = Pattern.compile("the economist writes `data/marketplaces/omnichannel.yaml`:\\n\\n```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(yaml.find(), "the omnichannel.yaml block is in docs/MAPPINGS.md");
        Matcher jsonl = Pattern.compile("`omnichannel/orders_2025-11.jsonl`:\\n\\n```\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(jsonl.find(), "the sample export is in docs/MAPPINGS.md");
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "omnichannel", yaml.group(1), "orders_2025-11.jsonl", jsonl.group(1));
        // as the text after the example says: five sales, each with its order's time, status and shop
        assertEquals(List.of(
                "1 0 omnichannel:SO-1:SO-1-1 3 97500.00 73 2025-10-31T23:30:00Z 2025-11 COMPLETED null",
                "1 1 omnichannel:SO-1:SO-1-2 1 85000.00 73 2025-10-31T23:30:00Z 2025-11 COMPLETED null",
                "1 2 omnichannel:SO-1:SO-1-3 2 55001.00 73 2025-10-31T23:30:00Z 2025-11 COMPLETED null",
                "2 0 omnichannel:SO-2:SO-2-1 1 150000.00 91 2025-11-03T11:15:00Z 2025-11 COMPLETED null",
                "2 1 omnichannel:SO-2:SO-2-2 4 260000.00 91 2025-11-03T11:15:00Z 2025-11 COMPLETED null"),
                rows.stream().map(r -> r.getAs("source_line") + " " + r.getAs(IngestSchemas.SOURCE_ELEMENT) + " " + r.getAs("sale_id") + " "
                        + r.getAs("quantity") + " " + r.getAs("gmv_idr") + " " + r.getAs("seller_province_code") + " "
                        + r.<java.sql.Timestamp>getAs("order_ts").toInstant() + " " + r.getAs("period_month") + " " + r.getAs("status") + " "
                        + r.getAs("reason_code")).toList());
    }
}
