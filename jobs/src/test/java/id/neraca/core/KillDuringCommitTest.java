package id.neraca.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 a process that keeps rewriting outputs through {@link OutputStore}, at random moments, and check
 * after each kill that the next run repairs the folder and finds whole outputs (every file of one
 * generation, none of another) of one run (the three outputs a run commits are of the same generation: a run
 * killed after its first commit is rolled back), without manual clean-up.
 */
class KillDuringCommitTest {
    static final int FILES = 20;

    @TempDir
    Path out;

    /** The victim: runs after runs, each committing a 20-file output, a second output and a manifest, until killed. */
    public static void main(String[] args) throws IOException {
        String outDir = args[0];
        long pid = ProcessHandle.current().pid(); // generations restart in every victim: labelled with its pid
        for (int gen = 1; ; gen++) {
            String label = "generation " + pid + ":" + gen;
            try (OutputStore store = OutputStore.local(outDir, "victim-" + pid + "-" + gen)) {
                store.lock();
                store.recover();
                Path dir = Path.of(URI.create(store.staging("data")));
                Files.createDirectories(dir);
                for (int i = 0; i < FILES; i++) {
                    Files.writeString(dir.resolve("part-" + i + ".txt"), label + "\n".repeat(200));
                }
                store.commit("data");
                // a second output and a manifest, committed later in the same run, as a later stage would
                Path more = Path.of(URI.create(store.staging("more")));
                Files.createDirectories(more);
                Files.writeString(more.resolve("part-0.txt"), label + "\n");
                store.commit("more");
                store.writeText("manifest.json", label + "\n");
                store.finish();
                System.out.println("committed " + gen);
                System.out.flush();
            }
        }
    }

    @Test
    void killedAtAnyMomentTheOutputStaysWholeAndTheNextRunNeedsNoCleanUp() throws Exception {
        Random random = new Random(42);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int kills = 0;
        int lastSeen = 0;
        for (int round = 0; round < 8; round++) {
            Process victim = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    KillDuringCommitTest.class.getName(), out.toString())
                    .redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + "-victim.log").toFile())
                    .start();
            // kill at a random moment once the victim has finished a run in this round (so the kill lands among its
            // runs' commits, not in the JVM's start-up, however loaded the machine is)
            Path log = out.resolveSibling(out.getFileName() + "-victim.log");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (victim.isAlive() && System.nanoTime() < deadline
                    && !(Files.exists(log) && Files.readString(log).contains("committed"))) {
                Thread.sleep(20);
            }
            assertTrue(victim.isAlive(), "round " + round + ": the victim died on its own (see " + log + ")");
            victim.waitFor(random.nextInt(400), TimeUnit.MILLISECONDS);
            victim.destroyForcibly(); // SIGKILL on Linux
            victim.waitFor(10, TimeUnit.SECONDS);
            kills++;

            try (OutputStore next = OutputStore.local(out.toString(), "checker-" + round)) {
                next.lock(); // the dead victim's lock is taken over
                next.recover();
                Path data = out.resolve("data");
                assertTrue(Files.isDirectory(data), "round " + round + ": the output must exist after recovery");
                List<String> contents;
                try (Stream<Path> s = Files.list(data)) {
                    contents = s.filter(p -> p.getFileName().toString().startsWith("part-"))
                            .map(p -> {
                                try {
                                    return Files.readString(p).lines().findFirst().orElse("");
                                } catch (IOException e) {
                                    throw new RuntimeException(e);
                                }
                            }).distinct().toList();
                }
                assertEquals(1, contents.size(), "round " + round + ": files of one generation only, got " + contents);
                try (Stream<Path> s = Files.list(data)) {
                    assertEquals(FILES, s.filter(p -> p.getFileName().toString().startsWith("part-")).count(),
                            "round " + round + ": every file of the generation");
                }
                String label = contents.get(0).trim();
                assertEquals(label, Files.readString(out.resolve("more/part-0.txt")).trim(),
                        "round " + round + ": 'more' is of the same run as 'data'");
                assertEquals(label, Files.readString(out.resolve("manifest.json")).trim(),
                        "round " + round + ": the manifest is of the same run as 'data'");
                int gen = Integer.parseInt(label.substring(label.indexOf(':') + 1));
                assertTrue(gen >= 1, "round " + round);
                lastSeen = gen;
                assertTrue(!Files.exists(out.resolve(".trash")), "round " + round + ": trash cleared");
            }
        }
        assertEquals(8, kills);
        assertTrue(lastSeen >= 1);
    }
}
