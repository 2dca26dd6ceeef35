package id.neraca.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ./neraca launcher's JIT choice (C1 only for small runs, C2 for large ones), through NERACA_PRINT_JIT=1, which
 * prints the choice and exits before any build or JVM start. Sizes are scaled down with NERACA_JIT_C1_MAX_MB=1.
 */
class LauncherTest {
    static final String C1 = "jit: -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m";
    static final String C2 = "jit: c2";
    static Path launcher;

    @TempDir
    Path tmp;

    @BeforeAll
    static void find() {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("neraca"))) p = p.getParent();
        assertNotNull(p, "no ./neraca above " + System.getProperty("user.dir"));
        launcher = p.resolve("neraca");
    }

    static String jit(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("NERACA_PRINT_JIT", "1");
        pb.environment().put("NERACA_JIT_C1_MAX_MB", "1");
        pb.environment().remove("NERACA_JIT");
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher did not exit");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** A dumps folder holding {@code kb} KiB of real (not sparse) bytes. */
    Path dumps(String name, int kb) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(name).resolve("shopee"));
        byte[] b = new byte[kb * 1024];
        java.util.Arrays.fill(b, (byte) 'x');
        Files.write(d.resolve("orders.csv"), b);
        return d.getParent();
    }

    @Test
    void aSmallDumpsFolderGetsC1AndALargeOneC2() throws Exception {
        Path small = dumps("small", 100);
        Path large = dumps("large", 2048);
        assertEquals(C1, jit(tmp, "run", "--dumps", small.toString(), "--out", tmp.resolve("o1").toString()));
        assertEquals(C2, jit(tmp, "run", "--dumps", large.toString(), "--out", tmp.resolve("o2").toString()));
        assertEquals(C2, jit(tmp, "run", "--dumps=" + large, "--out=" + tmp.resolve("o3")));
    }

    @Test
    void aSymlinkedDumpsFolderIsSizedByWhatItPointsTo() throws Exception {
        Path large = dumps("large", 2048);
        Path link = Files.createSymbolicLink(tmp.resolve("dumps-link"), large);
        // du without -L sized the link itself (0 KB): a large run through a symlink got C1 and took twice the CPU
        assertEquals(C2, jit(tmp, "run", "--dumps", link.toString(), "--out", tmp.resolve("o").toString()));
        assertEquals(C2, jit(tmp, "ingest", "--dumps", "dumps-link", "--out", "o"), "a relative link, from the working directory");
    }

    @Test
    void earlierSalesInTheOutputFolderCountEightfoldAndRemoteStorageIsLarge() throws Exception {
        Path small = dumps("small", 100);
        Path out = Files.createDirectories(tmp.resolve("out/sales"));
        Files.write(out.resolve("part.parquet"), new byte[200 * 1024]);
        assertEquals(C2, jit(tmp, "run", "--dumps", small.toString(), "--out", tmp.resolve("out").toString()),
                "100 KiB of dumps + 8 x 200 KiB of sales is over 1 MiB");
        assertEquals(C2, jit(tmp, "run", "--dumps", "s3a://bucket/dumps", "--out", tmp.resolve("o").toString()));
    }

    @Test
    void underLogJsonTheLaunchersOwnStderrLinesAreJsonAndTheExitStatusIsKept() throws Exception {
        // NERACA_JIT=bogus: the launcher prints an error on stderr and exits 2 before any build or JVM start
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "run", "--log-json").directory(tmp.toFile());
        pb.environment().put("NERACA_JIT", "bogus \"quoted\"\tvalue");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);  // to EOF: the wrapper has exited
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher did not exit");
        assertEquals(2, p.exitValue(), err);
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), err);
        var line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
        assertEquals("stderr", line.get("logger").asText());
        assertEquals("[neraca] NERACA_JIT must be auto, c1 or c2 (got 'bogus \"quoted\"\tvalue')", line.get("msg").asText());
        assertTrue(line.get("ts").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), lines.get(0));
        // without --log-json the same line is plain text
        pb.command("bash", launcher.toString(), "run");
        p = pb.start();
        err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals("[neraca] NERACA_JIT must be auto, c1 or c2 (got 'bogus \"quoted\"\tvalue')", err.trim());
    }
    /**
     * Under --quiet the JVM's incubator notice (printed before main on every run: Spark's --add-modules) is dropped; a
     * scheduler mailing whatever a quiet run prints got it every month. Every other stderr line passes, in order, and
     * the exit status is java's. Without --quiet the notice stays (it is the JVM's, not ours to hide).
     */
    @Test
    void quietDropsTheJvmsIncubatorNoticeAndNothingElse() throws Exception {
        Path home = cdsHome();
        Files.createDirectories(home.resolve("jobs/src/main"));
        Files.writeString(home.resolve("jobs/pom.xml"), "<project/>\n");
        Files.setLastModifiedTime(home.resolve("jobs/target/neraca-jobs.jar"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Files.writeString(tmp.resolve("jdk/bin/java"), """
                #!/usr/bin/env bash
                echo "WARNING: Using incubator modules: jdk.incubator.vector" >&2
                echo "out line"
                echo '{"level":"WARN","msg":"WARNING: Using incubator modules: jdk.incubator.vector is not this"}' >&2
                echo "WARN [neraca] 3 rows quarantined" >&2
                exit 3
                """);
        for (boolean quiet : new boolean[] {true, false}) {
            List<String> cmd = new ArrayList<>(List.of("bash", home.resolve("neraca").toString(), "run"));
            if (quiet) cmd.add("--quiet");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
            pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
            pb.environment().put("NERACA_CDS", "0");
            Process p = pb.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher did not exit");
            assertEquals(3, p.exitValue(), err);
            assertEquals("out line\n", out);
            List<String> expected = new ArrayList<>(List.of(
                    "{\"level\":\"WARN\",\"msg\":\"WARNING: Using incubator modules: jdk.incubator.vector is not this\"}",
                    "WARN [neraca] 3 rows quarantined"));
            if (!quiet) expected.add(0, "WARNING: Using incubator modules: jdk.incubator.vector");
            assertEquals(expected, err.lines().toList(), "quiet=" + quiet);
        }
    }

    /** A home for the launcher with a fake jar and a fake java (see {@link #fakeJava}). */
    Path cdsHome() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.copy(launcher, home.resolve("neraca"));
        Files.createDirectories(home.resolve("jobs/bin"));
        Files.copy(launcher.resolveSibling("jobs/bin/cds-archive"), home.resolve("jobs/bin/cds-archive"));
        Files.writeString(home.resolve("pom.xml"), "<project><properties><spark.jvm.flags></spark.jvm.flags></properties></project>\n");
        Files.createDirectories(home.resolve("jobs/target"));
        Files.writeString(home.resolve("jobs/target/neraca-jobs.jar"), "jar\n");
        Files.writeString(home.resolve("jobs/target/classpath.txt"), "");
        Path java = Files.createDirectories(tmp.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, fakeJava());
        java.toFile().setExecutable(true);
        return home;
    }

    /**
     * A java that does what the JVM does with the launcher's flags: records a class list (and, like Neraca.main, its
     * .ok mark when the run exits 0), builds an archive under -Xshare:dump (exit $FAKE_DUMP_EXIT), logs the archive
     * a run maps, and exits $FAKE_EXIT.
     */
    static String fakeJava() {
        return """
                #!/usr/bin/env bash
                list=""; pending=""; shared=""; version=0; dump=0
                for a in "$@"; do
                  case "$a" in
                    -XX:ArchiveClassesAtExit=*) echo "archive at exit" >> "$FAKE_LOG" ;;
                    -XX:DumpLoadedClassList=*) list="${a#*=}" ;;
                    -Dneraca.cds.pending=*) pending="${a#*=}" ;;
                    -XX:SharedArchiveFile=*) shared="${a#*=}" ;;
                    -Xshare:dump) dump=1 ;;
                    -version) version=1 ;;
                  esac
                done
                if [ "$dump" = 1 ]; then echo "dump" >> "$FAKE_LOG"; echo archive > "$shared"; exit "${FAKE_DUMP_EXIT:-0}"; fi
                [ "$version" = 1 ] && exit 0
                [ -n "$shared" ] && echo "mapped $(basename "$shared")" >> "$FAKE_LOG"
                [ -n "$list" ] && printf 'java/lang/Object\n@lambda-proxy a/B run ()V\n@lambda-form-invoker [LF_RESOLVE] X\n' > "$list"
                [ -n "$pending" ] && [ "$FAKE_EXIT" = 0 ] && : > "$pending.ok"
                exit "$FAKE_EXIT"
                """;
    }

    void launch(Path home, String exit, String dumpExit) throws Exception {
        launch(home, exit, dumpExit, null);
    }

    void launch(Path home, String exit, String dumpExit, String javaOpts) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("neraca").toString(), "run").directory(tmp.toFile())
                .redirectErrorStream(true);
        if (javaOpts == null) pb.environment().remove("NERACA_JAVA_OPTS");
        else pb.environment().put("NERACA_JAVA_OPTS", javaOpts);
        pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
        pb.environment().put("FAKE_EXIT", exit);
        pb.environment().put("FAKE_DUMP_EXIT", dumpExit);
        pb.environment().put("FAKE_LOG", tmp.resolve("java.log").toString());
        pb.environment().remove("NERACA_CDS");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not exit");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(Integer.parseInt(exit), p.exitValue(), out);
    }

    /** The launcher's files in jobs/target/run once the detached archive builder has finished (it holds *.lock). */
    static List<String> settledRunFiles(Path home) throws Exception {
        Path runDir = home.resolve("jobs/target/run");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            List<String> files;
            try (var s = Files.list(runDir)) {
                files = s.map(f -> f.getFileName().toString()).filter(f -> !f.endsWith(".jar")).sorted().toList();
            }
            boolean building;
            // the builder is done when it holds no lock: flock -n on its lock file succeeds
            Path lock = files.stream().filter(f -> f.endsWith(".lock")).findFirst().map(runDir::resolve).orElse(null);
            building = lock != null && new ProcessBuilder("flock", "-n", lock.toString(), "true").start().waitFor() != 0;
            boolean pending = files.stream().anyMatch(f -> f.contains(".tmp-"));
            if (!building && !pending) return files;
            assertTrue(System.nanoTime() < end, "the archive builder did not finish: " + files);
            Thread.sleep(100);
        }
    }

    /**
     * The class-data-sharing archive is built from the class list of a jar's first run that succeeded, by a process of
     * its own after that run ended, and mapped by the runs after it. A first run that stopped on a mistyped --dumps
     * (exit 2, before Spark started) loaded the command line's classes alone; an archive of those made every later
     * run of the jar slower (10k ingest 5.9 → 8.4 s, measured 1 Dec 2026). No run writes the archive as it exits:
     * the JVM's at-exit dump crashed OpenJDK 17.0.15 after complete runs (exit 134, 1 Dec 2026).
     */
    @Test
    void theArchiveIsBuiltApartFromTheFirstSuccessfulRunsClassList() throws Exception {
        Path home = cdsHome();
        Path log = tmp.resolve("java.log");
        launch(home, "2", "0");
        assertEquals(List.of("neraca-X.lock"), settledRunFiles(home).stream().map(f -> f.replaceFirst("neraca-[0-9]+-[0-9]+", "neraca-X")).toList(),
                "a failed run's class list is dropped: no list, no archive");
        launch(home, "0", "0");
        List<String> files = settledRunFiles(home).stream().map(f -> f.replaceFirst("neraca-[0-9]+-[0-9]+", "neraca-X")).toList();
        assertEquals(List.of("neraca-X.classlist", "neraca-X.jsa", "neraca-X.lock"), files);
        try (var s = Files.list(home.resolve("jobs/target/run"))) {
            Path list = s.filter(f -> f.toString().endsWith(".classlist")).findFirst().orElseThrow();
            assertEquals(List.of("java/lang/Object", "@lambda-form-invoker [LF_RESOLVE] X"), Files.readAllLines(list),
                    "the list the archive is built from has no @lambda-proxy lines (they crashed OpenJDK 17's -Xshare:dump)");
        }
        launch(home, "0", "0");
        launch(home, "3", "0");
        String archive;
        try (var s = Files.list(home.resolve("jobs/target/run"))) {
            archive = s.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".jsa")).findFirst().orElseThrow();
        }
        assertEquals(List.of("dump", "mapped " + archive, "mapped " + archive), Files.readAllLines(log),
                "one dump, after the successful run; the runs after it map the archive; no run archives at its exit");
        // where bench.sh and .ci/run wait for it
        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("neraca").toString()).directory(tmp.toFile());
        pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
        pb.environment().put("NERACA_PRINT_CDS_BASE", "1");
        pb.environment().put("FAKE_LOG", log.toString());
        pb.environment().remove("NERACA_CDS");
        Process p = pb.start();
        String base = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(home.resolve("jobs/target/run").resolve(archive).toAbsolutePath().normalize().toString(), base + ".jsa");
    }

    /**
     * A run with a flight recording or an agent (a class-file load hook) neither maps the archive nor records a class
     * list: OpenJDK 17.0.15 crashed loading an archived class under -XX:StartFlightRecording (exit 134, 2 of 2 runs).
     */
    @Test
    void aProfiledRunGoesWithoutTheArchive() throws Exception {
        Path home = cdsHome();
        Path log = tmp.resolve("java.log");
        launch(home, "0", "0", "-XX:StartFlightRecording=filename=/tmp/x.jfr");
        assertEquals(List.of(), settledRunFiles(home), "a profiled first run records no class list and starts no builder");
        launch(home, "0", "0");
        settledRunFiles(home);
        for (String opts : List.of("-Xss4m -XX:StartFlightRecording", "-javaagent:/opt/agent.jar", "-agentlib:jdwp=transport=dt_socket",
                "-agentpath:/opt/libprof.so")) {
            launch(home, "0", "0", opts);
        }
        launch(home, "0", "0", "-Xss4m");
        String archive;
        try (var s = Files.list(home.resolve("jobs/target/run"))) {
            archive = s.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".jsa")).findFirst().orElseThrow();
        }
        assertEquals(List.of("dump", "mapped " + archive), Files.readAllLines(log),
                "the four hooked runs map nothing; the run with other options maps the archive");
    }

    /** A dump that fails leaves the jar without an archive and every run's exit status its own; no retry per run. */
    @Test
    void aFailedDumpIsRecordedAndRunsGoOnWithoutAnArchive() throws Exception {
        Path home = cdsHome();
        launch(home, "0", "134");
        List<String> files = settledRunFiles(home).stream().map(f -> f.replaceFirst("neraca-[0-9]+-[0-9]+", "neraca-X")).toList();
        assertEquals(List.of("neraca-X.classlist", "neraca-X.failed", "neraca-X.lock"), files);
        String failed;
        try (var s = Files.list(home.resolve("jobs/target/run"))) {
            failed = Files.readString(s.filter(f -> f.toString().endsWith(".failed")).findFirst().orElseThrow());
        }
        assertTrue(failed.contains("exited 134"), failed);
        launch(home, "0", "0");
        launch(home, "0", "0");
        assertEquals(files, settledRunFiles(home).stream().map(f -> f.replaceFirst("neraca-[0-9]+-[0-9]+", "neraca-X")).toList());
        assertEquals(List.of("dump"), Files.readAllLines(tmp.resolve("java.log")), "one dump tried; no run maps or records after it failed");
    }

    @Test
    void twoLaunchesAfterASourceChangeBuildTheJarOnceNotTogether() throws Exception {
        // a scheduler's run and a person's command started together after `git pull`: both ran `mvn package` in the
        // same jobs/target, and one failed compiling against the classes the other was rewriting ("build failed", exit 1)
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.copy(launcher, home.resolve("neraca"));
        Files.writeString(home.resolve("pom.xml"), "<project><properties><spark.jvm.flags></spark.jvm.flags></properties></project>\n");
        Files.createDirectories(home.resolve("jobs/src/main"));
        Files.writeString(home.resolve("jobs/pom.xml"), "<project/>\n");
        Files.writeString(home.resolve("jobs/src/main/Changed.java"), "class Changed {}\n");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        // a Maven that takes 2 s and notices a second one running beside it
        Files.writeString(bin.resolve("mvn"), """
                #!/usr/bin/env bash
                mkdir "$PWD/building" 2>/dev/null || { echo "two builds at once" >> "$PWD/builds.log"; exit 1; }
                echo build >> "$PWD/builds.log"
                sleep 2
                mkdir -p jobs/target && echo jar > jobs/target/neraca-jobs.jar && : > jobs/target/classpath.txt
                rmdir "$PWD/building"
                """);
        Path java = Files.createDirectories(tmp.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\nexit 0\n");
        for (Path x : List.of(bin.resolve("mvn"), java)) x.toFile().setExecutable(true);
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("neraca").toString(), "help").directory(tmp.toFile())
                    .redirectErrorStream(true);
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
            pb.environment().put("NERACA_CDS", "0");
            ps.add(pb.start());
        }
        for (Process p : ps) {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not exit");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), out);
        }
        assertEquals(List.of("build"), Files.readAllLines(home.resolve("builds.log")), "one build, the other launch waited for it");
    }
}
