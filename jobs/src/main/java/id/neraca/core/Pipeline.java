package id.neraca.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Runs named stages in order: a start and an end line per stage, timings into the manifest; what a stage hands to the
 * later ones ({@link Handoffs}) is released when the pipeline ends.
 */
public final class Pipeline {
    private Pipeline() {}

    public static void run(StageContext ctx, List<Stage> stages) {
        try {
            runStages(ctx, stages);
        } finally {
            ctx.handoffs().releaseAll();
        }
    }

    private static void runStages(StageContext ctx, List<Stage> stages) {
        for (Stage stage : stages) {
            Instant start = Instant.now();
            ObjectNode section = ctx.manifest().stage(stage.name());
            section.put("started", start.toString());
            ObjectNode f = Log.fields();
            f.put("stage", stage.name());
            f.put("event", "stage_start");
            Log.event("INFO", stage.name() + " started", f);
            ctx.spark().sparkContext().setJobGroup(stage.name(), stage.name(), false);
            try {
                stage.run(ctx);
            } finally {
                ctx.spark().sparkContext().clearJobGroup();
            }
            Duration elapsed = Duration.between(start, Instant.now());
            section.put("ended", Instant.now().toString());
            section.put("elapsed_ms", elapsed.toMillis());
            ObjectNode e = Log.fields();
            e.put("stage", stage.name());
            e.put("event", "stage_end");
            e.put("elapsed_ms", elapsed.toMillis());
            String rows = "";
            if (section.has("rows_out")) {
                e.put("rows_out", section.get("rows_out").asLong());
                rows = String.format(Locale.ROOT, ", %,d rows", section.get("rows_out").asLong());
            }
            Log.event("INFO", String.format(Locale.ROOT, "%s done in %.1f s%s", stage.name(), elapsed.toMillis() / 1000.0, rows), e);
        }
    }
}
