package id.neraca.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import id.neraca.SparkTestBase;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A marketplace's own category labels that the shared taxonomy does not know ("Alat Musik", "Perlengkapan Pesta")
 * count as {@code other}, as before, but no longer silently: the rows keep the label on the side, ingest counts them
 * per label and file, and the manifest names them so that an economist can add the aliases.
 */
class UnknownCategoryLabelsTest extends SparkTestBase {
    @TempDir
    Path tmp;

    static final String MAPPING = """
            marketplace: shop
            description: An export whose category labels the taxonomy partly knows.
            files: ["shop/*.csv"]
            format: {type: csv, delimiters: [","]}
            grain: ORDER_LINE
            columns:
              order_id: {source: order}
              order_ts: {source: time, formats: ["yyyy-MM-dd HH:mm"], zone: WIB}
              status: {source: state, map: {delivered: COMPLETED}}
              quantity: {source: qty, parser: integer}
              unit_price: {source: price, parser: amount_en}
              shop_id: {source: shop}
              category: {source: cat}
            """;

    static final String DUMP = """
            order,time,state,qty,price,shop,cat
            A1,2025-11-05 10:00,delivered,1,"185,000.00",T1,Alat Musik
            A2,2025-11-06 10:00,delivered,1,"85,000.00",T1,Lainnya
            A3,2025-11-07 10:00,delivered,1,"25,000.00",T1,Buku & Alat Tulis > Alat Tulis > Pulpen
            A4,2025-11-08 10:00,delivered,1,"450,000.00",T1,  Alat   Musik > Gitar
            A5,2025-11-09 10:00,delivered,2,"450,000.00",T1,Alat Musik
            A6,2025-11-09 11:00,lost,2,"450,000.00",T1,Alat Musik
            A5,2025-11-09 10:00,delivered,2,"450,000.00",T1,Alat Musik
            A7,2025-11-10 10:00,delivered,1,"15,000.00",T1,
            """;

    @Test
    void aLabelTheTaxonomyDoesNotKnowIsOtherAndKeptBesideTheRow() throws Exception {
        List<Row> rows = IngestFixtures.parseWithMapping(tmp, "shop", MAPPING, "orders.csv", DUMP);
        assertEquals("other", rows.get(0).getAs("category"));
        assertEquals("Alat Musik", rows.get(0).getAs(IngestSchemas.UNKNOWN_CATEGORY));
        // the taxonomy's own catch-all is known: "other" on purpose, not unknown
        assertEquals("other", rows.get(1).getAs("category"));
        assertNull(rows.get(1).getAs(IngestSchemas.UNKNOWN_CATEGORY));
        // a path whose most specific known segment decides
        assertEquals("stationery", rows.get(2).getAs("category"));
        assertNull(rows.get(2).getAs(IngestSchemas.UNKNOWN_CATEGORY));
        // a path none of whose segments is known: the label as read, spaces collapsed
        assertEquals("other", rows.get(3).getAs("category"));
        assertEquals("Alat Musik > Gitar", rows.get(3).getAs(IngestSchemas.UNKNOWN_CATEGORY));
        // a quarantined row and a blank label carry none
        assertEquals("UNKNOWN_STATUS", rows.get(5).getAs("reason_code"));
        assertNull(rows.get(5).getAs(IngestSchemas.UNKNOWN_CATEGORY));
        assertNull(rows.get(7).getAs("category"));
        assertNull(rows.get(7).getAs(IngestSchemas.UNKNOWN_CATEGORY));
    }

    @Test
    void ingestCountsTheUnknownLabelsOfAcceptedSalesPerFileInTheManifest() throws Exception {
        JsonNode m = IngestFixtures.ingestStage(spark, tmp, "shop", MAPPING, Map.of("shop/orders.csv", DUMP), 0.5);
        Path out = tmp.resolve("out");
        // A1 and A5 (its repeat collapsed as a duplicate, the lost A6 quarantined: neither counts), A4's path
        JsonNode in = m.get("inputs").get(0);
        assertEquals(3, in.get("unknown_category_rows").asLong(), in.toString());
        assertEquals("{\"Alat Musik\":2,\"Alat Musik > Gitar\":1}", in.get("unknown_category_labels").toString());
        assertEquals(3, m.at("/stages/IngestDumps/unknown_category_rows").asLong());
        assertEquals(2, m.at("/stages/IngestDumps/unknown_category_labels").asLong());
        // the sales table itself is unchanged: the canonical columns only, the unknown labels as "other"
        List<Row> sales = spark.read().parquet(out.resolve("sales").toString()).orderBy("sale_id").collectAsList();
        assertEquals(List.of(id.neraca.core.Schemas.SALES.fieldNames()).stream().sorted().toList(),
                List.of(sales.get(0).schema().fieldNames()).stream().sorted().toList());
        assertEquals(4, sales.stream().filter(r -> "other".equals(r.getAs("category"))).count(),
                "A1, A4, A5 unknown, A2 the taxonomy's own other");
    }

    @Test
    void theWarningNamesTheLabelsWithMostRowsFirst() {
        IngestRun.FileCounts a = new IngestRun.FileCounts(null, 10, 10, 0, 0, Map.of(), Map.of("Alat Musik", 4L, "Pesta", 1L));
        IngestRun.FileCounts b = new IngestRun.FileCounts(null, 10, 10, 0, 0, Map.of(), Map.of("Pesta", 2L, "Kado", 3L, "Zzz", 1L));
        var labels = IngestRun.unknownCategories(List.of(a, b));
        assertEquals("'Alat Musik' 4, 'Kado' 3, 'Pesta' 3 and 1 more", IngestRun.labelsText(labels, 3));
        assertEquals(5, a.unknownCategoryRows());
    }
}
