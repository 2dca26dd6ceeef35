package id.neraca.cli;

import id.neraca.Neraca;
import id.neraca.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM (what a scheduler's stop or Ctrl-C's sibling sends) to a run in a child JVM after ingest committed its
 * outputs: the run says in one line that it was interrupted and the previous outputs were restored, with no Spark
 * stack trace and no "unexpected failure" ("You hit a bug in Spark ... report this bug", seen before), and exits 143.
 */
class InterruptedRunTest {
    @TempDir
    Path tmp;

    @Test
    void sigtermDuringClassifyPrintsOneInterruptedLineAndRestoresTheOutputs() throws Exception {
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("run.log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the test JVM's flags (Spark's --add-opens, UTC) minus agents and debuggers
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-javaagent") && !a.startsWith("-agentlib") && !a.startsWith("-Xmx"))
                .forEach(cmd::add);
        cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), Neraca.class.getName(),
                "run", "--dumps", SparkTestBase.projectRoot().resolve("data/samples").toString(), "--out", out.toString(),
                "--config", SparkTestBase.projectRoot().resolve("data/config/neraca.yaml").toString(),
                "--demo-key", "--master", "local[2]", "--full"));
        Process run = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (run.isAlive() && System.nanoTime() < deadline
                    && !(Files.exists(log) && Files.readString(log).contains("ClassifySales started"))) {
                Thread.sleep(50);
            }
            assertTrue(run.isAlive(), "the run ended before classify started:\n" + Files.readString(log));
            assertTrue(Files.isDirectory(out.resolve("sales")), "ingest committed out/sales before the signal");
            Thread.sleep(1500); // inside classify's Spark jobs
            run.destroy(); // SIGTERM
            assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the run did not stop within 120 s of SIGTERM");
        } finally {
            run.destroyForcibly();
        }
        String text = Files.readString(log);
        assertEquals(143, run.exitValue(), text);
        List<String> errors = text.lines().filter(l -> l.contains("ERROR")).toList();
        assertEquals(1, errors.size(), "one error line, about the interruption:\n" + text);
        assertTrue(errors.get(0).contains("interrupted by SIGTERM") && errors.get(0).contains("previous ones restored"), text);
        assertFalse(text.contains("\tat "), "no stack trace:\n" + text);
        assertFalse(text.contains("unexpected failure") || text.contains("report this bug"), text);
        // out/ was empty before the run: ingest's commits were undone, only the failed run's manifest is left
        assertFalse(Files.exists(out.resolve("sales")), "out/sales rolled back");
        assertTrue(Files.exists(out.resolve("manifest.failed.json")), "the failed run described in manifest.failed.json:\n" + text);
    }
}
