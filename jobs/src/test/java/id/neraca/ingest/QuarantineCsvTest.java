package id.neraca.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import id.neraca.SparkTestBase;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code out/quarantine.csv}: the rejected rows for readers without a Parquet library. The same rows as
 * {@code out/quarantine/}, by source file and line (line 3 before line 11), raw rows as masked there and quoted as a
 * spreadsheet reads them; the history of a file an incremental run did not re-read is in it; a rerun and a full
 * rebuild write the same bytes.
 */
class QuarantineCsvTest extends SparkTestBase {
    @TempDir
    Path tmp;
    private int runs;

    static final String MAPPING = """
            marketplace: shop
            description: A small export with rows gone wrong.
            files: ["shop/*.csv"]
            format: {type: csv, delimiters: [","]}
            grain: ORDER_LINE
            pii: ["seller"]
            columns:
              order_id: {source: order}
              order_ts: {source: time, formats: ["yyyy-MM-dd HH:mm"], zone: WIB}
              status: {source: state, map: {delivered: COMPLETED, shipped: OPEN}}
              quantity: {source: qty, parser: integer}
              unit_price: {source: price, parser: amount_en}
              shop_id: {source: shop}
              seller_id: {source: seller}
            """;

    static final String HEADER = "order,time,state,qty,price,shop,seller,buyer_phone\n";

    static String good(String order) {
        return order + ",2025-11-05 10:00,delivered,1,\"185,000.00\",T1,3273011508850001,0812\n";
    }

    private Path cfg() throws IOException {
        Path maps = Files.createDirectories(tmp.resolve("maps"));
        Files.writeString(maps.resolve("shop.yaml"), MAPPING);
        Path f = Files.createDirectories(tmp.resolve("config")).resolve("neraca.yaml");
        if (!Files.exists(f)) {
            Files.writeString(f, "run:\n  reference_dir: " + IngestFixtures.reference(tmp) + "\n  mappings_dir: " + maps
                    + "\n  shuffle_partitions: 2\ningest:\n  max_quarantine_share: 0.9\n  max_order_date: \"2026-11-29\"\n");
        }
        return f;
    }

    /** One ingest run as the CLI does it ({@link IngestFixtures#ingestAsCli}). */
    private JsonNode ingest(Path dumps, Path out, boolean full) throws IOException {
        return IngestFixtures.ingestAsCli(spark, cfg(), dumps, out, full, "test-run-" + (++runs));
    }

    /** RFC 4180, as a spreadsheet reads it: the records of a CSV text, quoted fields may hold commas, quotes, line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                rec.add(f.toString());
                f.setLength(0);
            } else if (c == '\n') {
                rec.add(f.toString());
                f.setLength(0);
                out.add(rec);
                rec = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        return out;
    }

    /** out/quarantine read with Spark, ordered by the test: the rows the CSV must hold, nulls as empty fields. */
    private List<List<String>> parquetRows(Path out) {
        List<List<String>> rows = new ArrayList<>();
        for (Row r : spark.read().parquet(out.resolve("quarantine").toString()).orderBy(col("source_file"), col("source_line"))
                .collectAsList()) {
            List<String> l = new ArrayList<>();
            for (int i = 0; i < r.length(); i++) l.add(r.isNullAt(i) ? "" : String.valueOf(r.get(i)));
            rows.add(l);
        }
        return rows;
    }

    @Test
    void theQuarantineIsAlsoACsvByFileAndLineWithItsHistoryAndTheSameBytesOnEveryRun() throws IOException {
        Path dumps = tmp.resolve("dumps");
        Path out = tmp.resolve("out");
        Files.createDirectories(dumps.resolve("shop"));
        StringBuilder a = new StringBuilder(HEADER).append(good("A1"))
                // line 3: a status the map does not know, a shop name with a comma and quotes (quoted twice in the CSV)
                .append("A2,2025-11-05 10:00,lost,1,\"185,000.00\",\"Toko \"\"Baru\"\", Jakarta\",3273011508850001,0812\n");
        for (int i = 3; i <= 9; i++) a.append(good("A" + i));
        a.append("A10,2025-11-05 10:00,delivered,1,abc,T1,3273011508850001,0812\n");   // line 11: BAD_PRICE
        Files.writeString(dumps.resolve("shop/a.csv"), a.toString());
        ingest(dumps, out, false);
        String first = Files.readString(out.resolve("quarantine.csv"));
        List<List<String>> csv = parseCsv(first);
        assertEquals(List.of("source_file", "source_line", "marketplace", "reason_code", "reason_detail", "raw_row"), csv.get(0));
        assertEquals(parquetRows(out), csv.subList(1, csv.size()), "the same rows as out/quarantine, in its order");
        assertEquals(List.of("shop/a.csv 3 UNKNOWN_STATUS", "shop/a.csv 11 BAD_PRICE"),
                csv.subList(1, csv.size()).stream().map(r -> r.get(0) + " " + r.get(1) + " " + r.get(3)).toList(),
                "by line as a number, not as text");
        // the raw row as out/quarantine keeps it (the seller ID and the column no mapping reads masked), quoted for the CSV
        assertTrue(first.contains(",\"A2,2025-11-05 10:00,lost,1,\"\"185,000.00\"\",\"\"Toko \"\"\"\"Baru\"\"\"\", Jakarta\"\",***,***\"\n"),
                first);

        // a second export, ingested incrementally: a.csv is not re-read, its rejected rows stay in the CSV
        Files.writeString(dumps.resolve("shop/b.csv"), HEADER + good("B1")
                + "B2,2025-13-05 10:00,delivered,1,\"185,000.00\",T1,3273011508850001,0812\n");
        JsonNode m = ingest(dumps, out, false);
        assertEquals("incremental", m.at("/stages/IngestDumps/mode").asText());
        assertEquals(1, m.at("/stages/IngestDumps/files_skipped").asInt());
        String second = Files.readString(out.resolve("quarantine.csv"));
        List<List<String>> csv2 = parseCsv(second);
        assertEquals(List.of("shop/a.csv 3 UNKNOWN_STATUS", "shop/a.csv 11 BAD_PRICE", "shop/b.csv 3 BAD_DATE"),
                csv2.subList(1, csv2.size()).stream().map(r -> r.get(0) + " " + r.get(1) + " " + r.get(3)).toList());
        assertEquals(parquetRows(out), csv2.subList(1, csv2.size()));
        assertTrue(second.startsWith(first), "a.csv's rows as the first run wrote them");

        // a full rebuild, and a rerun, write the same bytes
        Path full = tmp.resolve("full");
        ingest(dumps, full, true);
        assertEquals(second, Files.readString(full.resolve("quarantine.csv")));
        ingest(dumps, out, true);
        assertEquals(second, Files.readString(out.resolve("quarantine.csv")));
    }

    @Test
    void aFieldIsQuotedWhenItHoldsACommaAQuoteOrALineBreak() {
        assertEquals("plain text", QuarantineCsv.field("plain text"));
        assertEquals("\"a,b\"", QuarantineCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", QuarantineCsv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", QuarantineCsv.field("two\nlines"));
        assertEquals("\"cr\rlf\"", QuarantineCsv.field("cr\rlf"));
    }

    /** A rejected row is the seller's text: one a spreadsheet would run as a formula is opened as text. */
    @Test
    void aFieldASpreadsheetWouldRunAsAFormulaIsOpenedAsText() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", QuarantineCsv.field("=HYPERLINK(\"http://x\")"));
        assertEquals("'+62812", QuarantineCsv.field("+62812"));
        assertEquals("'-5", QuarantineCsv.field("-5"));
        assertEquals("'@SUM(A1)", QuarantineCsv.field("@SUM(A1)"));
        assertEquals("\"'=1+2,3\"", QuarantineCsv.field("=1+2,3"));
        assertEquals("a=b", QuarantineCsv.field("a=b"), "only a leading sign");
        assertEquals("", QuarantineCsv.field(""));
    }
}
