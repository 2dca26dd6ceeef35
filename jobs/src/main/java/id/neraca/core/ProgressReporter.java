package id.neraca.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress on long runs: every {@code intervalSeconds}, one line per Spark stage that has been running
 * longer than that, with its completed and total tasks. Quiet runs print nothing.
 */
public final class ProgressReporter extends SparkListener implements AutoCloseable {
    private record Running(String name, int total, long startedMs, AtomicInteger done) {}

    private final Map<Integer, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final long intervalMs;

    private ProgressReporter(long intervalSeconds) {
        this.intervalMs = intervalSeconds * 1000;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "neraca-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::report, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    public static ProgressReporter attach(SparkContext sc, long intervalSeconds) {
        ProgressReporter p = new ProgressReporter(intervalSeconds);
        sc.addSparkListener(p);
        return p;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted e) {
        StageInfo info = e.stageInfo();
        running.put(info.stageId(), new Running(info.name(), info.numTasks(), System.currentTimeMillis(), new AtomicInteger()));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        Running r = running.get(e.stageId());
        if (r != null) r.done().incrementAndGet();
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted e) {
        running.remove(e.stageInfo().stageId());
    }

    private void report() {
        long now = System.currentTimeMillis();
        running.forEach((id, r) -> {
            if (now - r.startedMs() < intervalMs) return;
            ObjectNode f = Log.fields();
            f.put("event", "progress");
            f.put("spark_stage", id);
            f.put("tasks_done", r.done().get());
            f.put("tasks_total", r.total());
            f.put("elapsed_ms", now - r.startedMs());
            Log.event("INFO", String.format(Locale.ROOT, "  … Spark stage %d (%s): %d/%d tasks, %.0f s", id, r.name(),
                    r.done().get(), r.total(), (now - r.startedMs()) / 1000.0), f);
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
