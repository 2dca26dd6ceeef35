package id.neraca.ingest;

import id.neraca.SparkTestBase;
import id.neraca.ingest.mapping.Mappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gzip dump cut short (a download interrupted) yields every complete line before the cut, then one FILE_TRUNCATED
 * record naming the last complete line. The oracle is the JDK's inflater read one byte at a time: the lines it can
 * inflate from the cut file. Small files matter here: a whole 64 KiB read chunk must not be lost with the error
 * (a 25 KiB file once reported "ends unexpectedly after line 0" and read nothing). Pure: no Spark.
 */
class TruncatedGzipTest {
    static final String HEADER = "order_no,item_no,order_time,store_id,store_name,store_country,store_registration_no,"
            + "store_id_type,ship_from,item_title,brand,category,qty,unit_price,currency,order_state,buyer_city";

    @TempDir
    Path tmp;

    @Test
    void aSmallTruncatedGzipYieldsEveryCompleteLineBeforeTheCutAtEveryCutPoint() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 200; i++) {
            csv.append("X").append(i).append(",1,").append(1673481600000L + i * 1000L).append(",S1,Store,CN,REG").append(i % 97)
                    .append(",FOREIGN_REG,CN,Item ").append(i * 7919 % 10007).append(",B,Beauty,1,2.50,USD,FINISHED,Bandung\n");
        }
        byte[] whole = gzip(csv.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(csv.length() < (1 << 16) && whole.length > 2000, csv.length() + " bytes, " + whole.length + " compressed");
        int checked = 0;
        for (int cut = whole.length / 5; cut < whole.length - 8; cut += Math.max(1, whole.length / 23)) {
            int complete = completeLines(Arrays.copyOf(whole, cut));
            if (complete < 3) continue;  // the header and a first row must be whole, else the planner refuses the file
            List<RawRecord> got = read(Arrays.copyOf(whole, cut));
            String at = "cut at " + cut + " of " + whole.length + " bytes (" + complete + " complete lines)";
            assertEquals(complete, got.size(), at + ": the rows before the cut and one error");
            for (int i = 0; i < complete - 1; i++) {
                assertNull(got.get(i).readError(), at);
                assertEquals(i + 2, got.get(i).line(), at);
            }
            RawRecord last = got.get(got.size() - 1);
            assertEquals("FILE_TRUNCATED", last.readError(), at);
            assertEquals(complete + 1, last.line(), at);
            assertTrue(last.readDetail().contains("after line " + complete + " "), at + ": " + last.readDetail());
            checked++;
        }
        assertTrue(checked >= 15, "cut points checked: " + checked);
    }

    List<RawRecord> read(byte[] gz) throws IOException {
        Path dumps = tmp.resolve("dumps-" + gz.length);
        Files.createDirectories(dumps.resolve("crossborder"));
        Files.write(dumps.resolve("crossborder/xb_orders_2023-01.csv.gz"), gz);
        DumpPlanner.Plan plan = DumpPlanner.plan(dumps.toString(),
                Mappings.load(SparkTestBase.projectRoot().resolve("data/marketplaces")), false);
        assertEquals(1, plan.tasks().size(), plan.issues().toString());
        FileTask t = plan.tasks().get(0);
        return DumpReader.readAll(t, plan.mappings().get(t.mapping()));
    }

    /** Newlines the JDK inflates from a (cut) gzip, one byte at a time, before its EOFException. */
    static int completeLines(byte[] gz) throws IOException {
        int n = 0;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            int c;
            while ((c = in.read()) >= 0) if (c == '\n') n++;
        } catch (EOFException e) {
            return n;
        }
        throw new AssertionError("the cut file is not truncated");
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(b);
        }
        return out.toByteArray();
    }
}
