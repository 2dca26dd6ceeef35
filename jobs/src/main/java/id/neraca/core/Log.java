package id.neraca.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * neraca's own progress lines (Spark's logging stays at WARN). Plain text on stderr by default,
 * one JSON object per line with {@code --log-json} (for schedulers), nothing but warnings and errors
 * with {@code --quiet}.
 */
public final class Log {
    public enum Mode { TEXT, JSON }

    private static volatile Mode mode = Mode.TEXT;
    private static volatile boolean quiet = false;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private Log() {}

    public static void configure(boolean quietMode, boolean json) {
        quiet = quietMode;
        mode = json ? Mode.JSON : Mode.TEXT;
    }

    public static boolean quiet() {
        return quiet;
    }

    public static void info(String fmt, Object... args) {
        if (!quiet) emit("INFO", String.format(Locale.ROOT, fmt, args), null);
    }

    public static void warn(String fmt, Object... args) {
        emit("WARN", String.format(Locale.ROOT, fmt, args), null);
    }

    public static void error(String fmt, Object... args) {
        emit("ERROR", String.format(Locale.ROOT, fmt, args), null);
    }

    /** A structured event (stage start/end, progress) with extra fields for JSON mode. */
    public static void event(String level, String message, ObjectNode fields) {
        if (quiet && "INFO".equals(level)) return;
        emit(level, message, fields);
    }

    public static ObjectNode fields() {
        return JSON.createObjectNode();
    }

    private static synchronized void emit(String level, String message, ObjectNode fields) {
        Instant now = Instant.now();
        if (mode == Mode.JSON) {
            ObjectNode n = JSON.createObjectNode();
            n.put("ts", now.toString());
            n.put("level", level);
            n.put("msg", message);
            if (fields != null) n.setAll(fields);
            System.err.println(n);
        } else {
            System.err.println("[neraca " + TS.format(now) + "] " + (level.equals("INFO") ? "" : level + " ") + message);
        }
        System.err.flush();
    }
}
