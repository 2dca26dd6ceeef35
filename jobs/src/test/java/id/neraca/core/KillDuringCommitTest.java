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
 * kill -9 a process that keeps rewriting an output through {@link OutputStore}, at random moments, and check
 * after each kill that the next run repairs the folder and finds a whole output (every file of one
 * generation, none of another), without manual clean-up.
 */
class KillDuringCommitTest {
    static final int FILES = 20;

    @TempDir
    Path out;

    /** The victim: commits generation after generation of a 20-file output until killed. */
    public static void main(String[] args) throws IOException {
        String outDir = args[0];
        for (int gen = 1; ; gen++) {
            try (OutputStore store = OutputStore.local(outDir, "victim-" + gen)) {
                store.lock();
                store.recover();
                Path dir = Path.of(URI.create(store.staging("data")));
                Files.createDirectories(dir);
                for (int i = 0; i < FILES; i++) {
                    Files.writeString(dir.resolve("part-" + i + ".txt"), "generation " + gen + "\n".repeat(200));
                }
                store.commit("data");
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
            // let it commit at least once in the first round, then kill at random moments
            long waitMs = round == 0 ? 4000 : 400 + random.nextInt(1500);
            victim.waitFor(waitMs, TimeUnit.MILLISECONDS);
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
                int gen = Integer.parseInt(contents.get(0).replace("generation ", "").trim());
                assertTrue(gen >= 1, "round " + round);
                lastSeen = gen;
                assertTrue(!Files.exists(out.resolve(".trash")), "round " + round + ": trash cleared");
            }
        }
        assertEquals(8, kills);
        assertTrue(lastSeen >= 1);
    }
}
