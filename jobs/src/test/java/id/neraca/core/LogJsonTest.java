package id.neraca.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --log-json}: everything the driver logs on stderr is one JSON object per line, Spark's own log4j lines
 * included (a warning with quotes, a line break and a stack trace stays one parseable line), and plain text again
 * when switched off.
 */
class LogJsonTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void plain() {
        Log.configure(false, false);
    }

    static List<JsonNode> capture(Runnable r) throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(saved);
        }
        List<JsonNode> out = new ArrayList<>();
        for (String line : buf.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.isEmpty()) continue;
            out.add(JSON.readTree(line));  // throws on a line that is not JSON
        }
        return out;
    }

    @Test
    void sparksLog4jWarningsWithQuotesLineBreaksAndStackTracesAreOneJsonObjectPerLine() throws Exception {
        Log.configure(false, true);
        List<JsonNode> lines = capture(() -> {
            org.slf4j.LoggerFactory.getLogger("org.apache.spark.sql.FakeStage")
                    .warn("a \"quoted\" plan\n  +- second line\tend", new IllegalStateException("boom \\ here"));
            org.apache.logging.log4j.LogManager.getLogger("org.apache.parquet.Fake").error("parquet at ERROR is shown");
            org.apache.logging.log4j.LogManager.getLogger("org.apache.spark.Chatty").info("INFO is below WARN: not shown");
            Log.info("stage %s done", "IngestDumps");
        });
        assertEquals(3, lines.size(), lines.toString());
        JsonNode w = lines.get(0);
        assertEquals("WARN", w.get("level").asText());
        assertEquals("org.apache.spark.sql.FakeStage", w.get("logger").asText());
        assertEquals("a \"quoted\" plan\n  +- second line\tend", w.get("msg").asText());
        assertTrue(w.get("exception").asText().startsWith("java.lang.IllegalStateException: boom \\ here"), w.toString());
        assertTrue(w.get("exception").asText().contains("\tat id.neraca.core.LogJsonTest"), w.toString());
        assertTrue(w.get("ts").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), w.toString());
        assertEquals("ERROR", lines.get(1).get("level").asText());
        assertFalse(lines.get(1).has("exception"), "no exception field without one: " + lines.get(1));
        assertEquals("stage IngestDumps done", lines.get(2).get("msg").asText());
        assertTrue(lines.get(2).get("ts").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                "neraca's own lines stamp time like Spark's: " + lines.get(2));
    }

    @Test
    void switchedOffSparksLinesArePlainTextAgain() throws Exception {
        Log.configure(false, true);
        Log.configure(false, true);  // twice: one JSON appender, not two
        assertEquals(1, capture(() -> org.slf4j.LoggerFactory.getLogger("org.apache.spark.X").warn("once")).size());
        Log.configure(false, false);
        var root = ((org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false))
                .getConfiguration().getRootLogger();
        assertEquals(List.of("console"), List.copyOf(root.getAppenders().keySet()), "log4j2.properties' console appender back");
    }
}
