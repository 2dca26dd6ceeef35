package id.neraca.core;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM during a run. Without this, a stopped run printed Spark's stack traces ("Job cancelled because
 * SparkContext was shut down", "You hit a bug in Spark ... report this bug", "dagScheduler() is null") and an
 * "unexpected failure": Spark's own shutdown hook stops the context under the running job, whose failure then looked
 * like a crash. Here the signal is recorded, and two hooks run in Hadoop's shutdown-hook order around Spark's (which
 * Spark registers there at priority 40, higher runs first): before it, the run is marked interrupted and Spark's
 * log4j loggers are silenced; after it (and before Hadoop closes its file systems, priority 10), the JVM waits for the
 * main thread to roll the run's outputs back and say so in one line ({@code StageCommand}). The exit code stays the
 * JVM's for the signal: 130 (SIGINT), 143 (SIGTERM).
 */
public final class Interrupts {
    private Interrupts() {}

    /** Before Spark's context hook (40 in Hadoop's manager). */
    static final int BEFORE_SPARK = 60;
    /** After Spark's hook, before Hadoop's FileSystem cache is closed (10). */
    static final int AFTER_SPARK = 35;
    /** How long the JVM waits, after Spark stopped, for the run to restore the previous outputs. */
    static final long WAIT_FOR_ROLLBACK_S = 30;

    private static volatile String signal;
    private static volatile boolean interrupted;
    private static volatile boolean exiting;
    private static volatile boolean reported;
    private static final CountDownLatch ENDED = new CountDownLatch(1);

    /** Installs the signal handlers and shutdown hooks (once, from {@code main}; tests call {@code Neraca.execute}). */
    public static void install() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal sig = new sun.misc.Signal(name);
                sun.misc.SignalHandler[] previous = new sun.misc.SignalHandler[1];
                previous[0] = sun.misc.Signal.handle(sig, s -> {
                    signal = "SIG" + s.getName();
                    try {
                        previous[0].handle(s); // the JVM's: shutdown with 128 + the signal's number
                    } catch (RuntimeException e) {
                        System.exit(128 + s.getNumber());
                    }
                });
                if (previous[0] == sun.misc.SignalHandler.SIG_IGN) sun.misc.Signal.handle(sig, sun.misc.SignalHandler.SIG_IGN); // nohup, `cmd &` in a script: stay ignored
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // the signal is the VM's or the OS's (-Xrs): the hooks below still see a shutdown that was not ours
            }
        }
        org.apache.hadoop.util.ShutdownHookManager hooks = org.apache.hadoop.util.ShutdownHookManager.get();
        hooks.addShutdownHook(() -> {
            if (exiting) return; // main's own System.exit
            interrupted = true;
            silenceLibraryLogging();
        }, BEFORE_SPARK);
        hooks.addShutdownHook(() -> {
            if (!interrupted) return;
            try {
                ENDED.await(WAIT_FOR_ROLLBACK_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, AFTER_SPARK, WAIT_FOR_ROLLBACK_S + 5, TimeUnit.SECONDS);
    }

    /** Spark's and its libraries' log4j loggers off: what they say while the context is stopped under a job is noise. */
    static void silenceLibraryLogging() {
        try {
            org.apache.logging.log4j.core.config.Configurator.setAllLevels(
                    org.apache.logging.log4j.LogManager.ROOT_LOGGER_NAME, org.apache.logging.log4j.Level.OFF);
        } catch (RuntimeException | LinkageError e) {
            // log4j-core is not the backend (a cluster's own logging): its lines stay
        }
    }

    /** Main is about to exit on its own: the shutdown that follows is not an interruption. */
    public static void ending() {
        exiting = true;
        ENDED.countDown();
    }

    /** The run stopped because the process was interrupted (a signal, or a shutdown main did not ask for). */
    public static boolean interrupted() {
        return interrupted || signal != null;
    }

    /** "SIGTERM", "SIGINT", or "a signal" when the handler could not be installed. */
    public static String signalName() {
        return signal != null ? signal : "a signal";
    }

    /** The exit code of an interrupted run: the JVM's for the signal (128 + its number), 130 when unknown. */
    public static int exitCode() {
        return "SIGTERM".equals(signal) ? 143 : 130;
    }

    /** The one line about an interrupted run, for the error handler; {@link #reported()} once a run has said it. */
    public static String describe(String what) {
        reported = true;
        return String.format(Locale.ROOT, "interrupted by %s: %s", signalName(), what);
    }

    public static boolean reported() {
        return reported;
    }
}
