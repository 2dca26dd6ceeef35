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
    private static final DateTimeFormatter TS_JSON = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Log() {}

    public static void configure(boolean quietMode, boolean json) {
        quiet = quietMode;
        mode = json ? Mode.JSON : Mode.TEXT;
        sparkLogJson(json);
    }

    /**
     * Spark's and its libraries' log lines (log4j, at WARN) in the same JSON as ours when {@code json}: a scheduler
     * parsing the log must not meet a plain {@code 12:00:01 WARN ...} line or a stack trace spread over lines. Every
     * event is one object: {@code ts}, {@code level}, {@code logger}, {@code msg}, and {@code exception} (the stack
     * trace as one string) when there is one. The console appender of log4j2.properties is swapped out, and back in
     * for {@code json = false}. Where log4j is not Spark's backend (a cluster's own logging), this warns and carries on.
     */
    static final String SPARK_JSON_PATTERN = "{\"ts\":\"%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}{UTC}\",\"level\":\"%p\","
            + "\"logger\":\"%enc{%c}{JSON}\",\"msg\":\"%enc{%m}{JSON}\"%notEmpty{,\"exception\":\"%enc{%throwable}{JSON}\"}}%n";
    private static final String JSON_APPENDER = "neraca-json";
    private static java.util.List<org.apache.logging.log4j.core.Appender> textAppenders = java.util.List.of();

    private static synchronized void sparkLogJson(boolean json) {
        try {
            var ctx = (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
            var config = ctx.getConfiguration();
            var root = config.getRootLogger();
            boolean on = root.getAppenders().containsKey(JSON_APPENDER);
            if (json == on) return;
            if (json) {
                var layout = org.apache.logging.log4j.core.layout.PatternLayout.newBuilder().withConfiguration(config)
                        .withPattern(SPARK_JSON_PATTERN).withAlwaysWriteExceptions(false)
                        .withCharset(java.nio.charset.StandardCharsets.UTF_8).build();
                var appender = org.apache.logging.log4j.core.appender.ConsoleAppender.newBuilder().setName(JSON_APPENDER)
                        .setTarget(org.apache.logging.log4j.core.appender.ConsoleAppender.Target.SYSTEM_ERR).setFollow(true)
                        .setLayout(layout).setConfiguration(config).build();
                appender.start();
                textAppenders = java.util.List.copyOf(root.getAppenders().values());
                for (var a : textAppenders) root.removeAppender(a.getName());
                root.addAppender(appender, null, null);
            } else {
                var appender = root.getAppenders().get(JSON_APPENDER);
                root.removeAppender(JSON_APPENDER);
                appender.stop();
                for (var a : textAppenders) root.addAppender(a, null, null);
            }
            ctx.updateLoggers();
        } catch (ClassCastException | LinkageError e) {
            if (json) warn("Spark's log lines stay plain text: log4j-core is not the logging backend here (%s)", e);
        }
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

    /**
     * Under {@code ./neraca --log-json} this JVM's stderr goes through the launcher's JSON wrapper (a perl process,
     * {@code NERACA_LOG_WRAPPER_PID}), which may still be writing our last lines when we exit; a parent that stops
     * reading at our exit (Java's Process does) would lose them, the final error among them. Closes stderr, so the
     * wrapper sees the end, and waits for it to exit (2 s at most). Called last, before {@code System.exit}.
     */
    public static void awaitStderrWrapper() {
        String pid = System.getenv("NERACA_LOG_WRAPPER_PID");
        if (pid == null || !pid.matches("\\d{1,10}")) return;
        System.err.flush();
        System.err.close();
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(h -> {
            try {
                h.onExit().get(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // the wrapper did not finish in time: exit anyway, the run's result is the exit code
            }
        });
    }

    /** Whether {@code --log-json} is on: a command's own report on stdout is then JSON lines too ({@code validate}). */
    public static boolean json() {
        return mode == Mode.JSON;
    }

    /** One log line as JSON: {@code ts} (UTC, to the millisecond), {@code level}, {@code msg} and {@code fields}. */
    public static String jsonLine(String level, String message, ObjectNode fields) {
        ObjectNode n = JSON.createObjectNode();
        n.put("ts", TS_JSON.format(Instant.now()));  // milliseconds, as Spark's JSON lines (SPARK_JSON_PATTERN)
        n.put("level", level);
        n.put("msg", message);
        if (fields != null) n.setAll(fields);
        return n.toString();
    }

    public static ObjectNode fields() {
        return JSON.createObjectNode();
    }

    private static synchronized void emit(String level, String message, ObjectNode fields) {
        Instant now = Instant.now();
        if (mode == Mode.JSON) {
            System.err.println(jsonLine(level, message, fields));
        } else {
            System.err.println("[neraca " + TS.format(now) + "] " + (level.equals("INFO") ? "" : level + " ") + message);
        }
        System.err.flush();
    }
}
