package id.neraca.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputStoreTest {
    @TempDir
    Path out;

    private static void stageFile(OutputStore store, String name, String content) throws IOException {
        Path dir = Path.of(java.net.URI.create(store.staging(name)));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("part-0.txt"), content);
    }

    /**
     * A manifest.json edited by hand (a newline added in an editor) no longer matches the hidden .manifest.json.crc
     * Hadoop wrote beside it: every later command failed reading it ("Checksum error", exit 1, retried forever).
     */
    @Test
    void aManifestEditedByHandIsReadDespiteItsStaleChecksumFile() throws IOException {
        try (OutputStore first = OutputStore.local(out.toString(), "run1")) {
            first.lock();
            first.writeText("manifest.json", "{\"run_id\": \"run1\"}");
            first.finish();
        }
        assertTrue(Files.exists(out.resolve(".manifest.json.crc")), "Hadoop's checksum file is there to go stale");
        Files.writeString(out.resolve("manifest.json"), "\n", java.nio.file.StandardOpenOption.APPEND);
        try (OutputStore second = OutputStore.local(out.toString(), "run2")) {
            second.lock();
            assertEquals("{\"run_id\": \"run1\"}\n", second.readText("manifest.json").orElseThrow());
            second.finish();
        }
    }

    /** --out under a file: exit 2 naming the file, before anything else (was exit 1, "cannot restore ... .trash"). */
    @Test
    void anOutputFolderUnderAFileIsAUsageErrorNamingTheFile() throws IOException {
        Path afile = out.resolve("afile");
        Files.writeString(afile, "hi");
        NeracaException e;
        try (OutputStore store = OutputStore.local(afile.resolve("sub/out").toString(), "run1")) {
            e = assertThrows(NeracaException.class, store::requireOutputFolder);
        }
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().contains("cannot be created") && e.getMessage().contains(afile + " is a file"), e.getMessage());
        assertFalse(Files.exists(out.resolve(".trash")));
    }

    /** --out where the kernel refuses a folder even to root (/proc): exit 2 with the reason (was exit 1, no reason). */
    @Test
    void anOutputFolderTheKernelRefusesIsAUsageErrorWithTheReason() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
        NeracaException e;
        try (OutputStore store = OutputStore.local("/proc/neraca-out-test", "run1")) {
            e = assertThrows(NeracaException.class, store::requireOutputFolder);
        }
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().contains("cannot be created (/proc/neraca-out-test: "), e.getMessage());
    }

    @Test
    void commitReplacesThePreviousOutputWhole() throws IOException {
        try (OutputStore first = OutputStore.local(out.toString(), "run1")) {
            first.lock();
            stageFile(first, "sales", "v1");
            first.commit("sales");
            first.finish();
        }
        try (OutputStore second = OutputStore.local(out.toString(), "run2")) {
            second.lock();
            stageFile(second, "sales", "v2");
            assertEquals("v1", Files.readString(out.resolve("sales/part-0.txt")), "staging must not touch the live output");
            second.commit("sales");
            assertEquals("v2", Files.readString(out.resolve("sales/part-0.txt")), "later stages read the committed output");
            assertEquals("v1", Files.readString(out.resolve(".trash/run2/sales/part-0.txt")),
                    "the previous version is kept until the run finishes");
            second.finish();
            assertFalse(Files.exists(out.resolve(".trash/run2")), "the run's trash is deleted when it finishes");
        }
        assertEquals("v2", Files.readString(out.resolve("sales/part-0.txt")));
        assertFalse(Files.exists(out.resolve(".staging")), "staging is removed when the run closes");
        assertFalse(Files.exists(out.resolve(".trash")), "the trash folder is removed when the run closes");
        assertFalse(Files.exists(out.resolve(OutputStore.LOCK)), "lock is released");
    }

    @Test
    void recoverRestoresAnOutputLeftInTheTrashByAKilledRun() throws IOException {
        // a neraca before run journals, killed between "live -> trash" and "staging -> live" (no .journal)
        Files.createDirectories(out.resolve(".trash/deadrun/sales"));
        Files.writeString(out.resolve(".trash/deadrun/sales/part-0.txt"), "previous");
        Files.createDirectories(out.resolve(".staging/deadrun/sales"));
        Files.writeString(out.resolve(".staging/deadrun/sales/part-0.txt"), "half-written");
        try (OutputStore next = OutputStore.local(out.toString(), "run3")) {
            next.lock();
            next.recover();
        }
        assertEquals("previous", Files.readString(out.resolve("sales/part-0.txt")));
        assertFalse(Files.exists(out.resolve(".trash")));
        assertFalse(Files.exists(out.resolve(".staging/deadrun")));
    }

    @Test
    void recoverDropsAJournallessTrashWhenTheNewOutputIsAlreadyLive() throws IOException {
        // a neraca before run journals left no record of what its run committed: the live output is kept
        Files.createDirectories(out.resolve("sales"));
        Files.writeString(out.resolve("sales/part-0.txt"), "new");
        Files.createDirectories(out.resolve(".trash/deadrun/sales"));
        Files.writeString(out.resolve(".trash/deadrun/sales/part-0.txt"), "old");
        try (OutputStore next = OutputStore.local(out.toString(), "run4")) {
            next.lock();
            next.recover();
        }
        assertEquals("new", Files.readString(out.resolve("sales/part-0.txt")));
        assertFalse(Files.exists(out.resolve(".trash")));
    }

    @Test
    void aLiveLockStopsASecondRun() {
        try (OutputStore first = OutputStore.local(out.toString(), "runA")) {
            first.lock();
            NeracaException e = assertThrows(NeracaException.class,
                    () -> OutputStore.local(out.toString(), "runB").lock());
            assertTrue(e.getMessage().contains("held by another neraca run"), e.getMessage());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
        }
    }

    /**
     * Calls every store's {@code lock()} at the same instant, one thread each; returns how many hold the lock. A run
     * that does not must have been told the lock is held by another run.
     */
    private static int lockTogether(java.util.concurrent.ExecutorService pool, List<OutputStore> stores) throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(stores.size());
        List<java.util.concurrent.Future<Boolean>> got = new java.util.ArrayList<>();
        for (OutputStore s : stores) {
            got.add(pool.submit(() -> {
                start.await();
                try {
                    s.lock();
                    return true;
                } catch (NeracaException e) {
                    assertTrue(e.getMessage().contains("held by another neraca run"), e.getMessage());
                    return false;
                }
            }));
        }
        int holders = 0;
        for (var f : got) if (f.get()) holders++;
        return holders;
    }

    /**
     * Two runs starting together: exactly one holds the lock, every time. Hadoop's local create-without-overwrite
     * checks and then creates (both could pass), and a lock file created empty could be read half-written by the other
     * run and taken for a dead run's; the lock is published whole, in one atomic step.
     */
    @Test
    void twoRunsStartingTogetherNeverBothHoldTheLock() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 200; round++) {
                List<OutputStore> stores = List.of(OutputStore.local(out.toString(), "a" + round), OutputStore.local(out.toString(), "b" + round));
                assertEquals(1, lockTogether(pool, stores), "round " + round + ": exactly one run holds the lock");
                for (OutputStore s : stores) s.close();
                assertFalse(Files.exists(out.resolve(OutputStore.LOCK)), "released");
                try (var files = Files.list(out)) {
                    assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(OutputStore.LOCK)).toList(),
                            "no temporary lock file left");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs starting together on a lock left by a dead run: exactly one takes it over, every time. Each judged the lock
     * stale and deleted what was there: the later one deleted the lock the first had just written in its place, and
     * both ran (measured: double-held within the first rounds of four threads).
     */
    @Test
    void runsStartingTogetherOnADeadRunsLockNeverBothTakeItOver() throws Exception {
        takeoverRace((out, runId) -> OutputStore.local(out, runId));
        // what the takeover leaves beside the lock is recognised as a neraca run's, not refused as a user's folder
        try (var files = Files.list(out)) {
            files.filter(f -> !f.getFileName().toString().equals(OutputStore.LOCK + ".takeover")).forEach(f -> {
                throw new AssertionError("left behind: " + f);
            });
        }
        try (OutputStore next = OutputStore.local(out.toString(), "after")) {
            next.requireOutputFolder();
        }
    }

    /** Four runs at once on a dead run's lock, 60 times: exactly one takes it over each time. */
    private void takeoverRace(java.util.function.BiFunction<String, String, OutputStore> open) throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        String stale = "{\"pid\":" + p.pid() + ",\"host\":\"" + OutputStore.hostname()
                + "\",\"run_id\":\"dead\",\"started\":\"2026-01-01T00:00:00Z\"}";
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 60; round++) {
                Files.writeString(out.resolve(OutputStore.LOCK), stale);
                List<OutputStore> stores = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) stores.add(open.apply(out.toString(), "r" + round + "t" + t));
                assertEquals(1, lockTogether(pool, stores), "round " + round + ": exactly one run takes the dead run's lock over");
                for (OutputStore s : stores) s.close();
                assertFalse(Files.exists(out.resolve(OutputStore.LOCK)), "released");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The same on HDFS or an object store, where there are no OS file locks: the runs that judged the dead run's lock
     * stale race to create one claim file, and exactly one takes the lock over, every time. Before the claim the
     * takeover there was a bare delete, and a later run deleted the lock the first had just written.
     */
    @Test
    void runsStartingTogetherOnADeadRunsLockOnHdfsNeverBothTakeItOver() throws Exception {
        takeoverRace((out, runId) -> new OutputStore(AtomicCreateFileSystem.SCHEME + "://" + Path.of(out).toAbsolutePath(),
                runId, AtomicCreateFileSystem.conf()));
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).toList(), "no claim left behind");
        }
    }

    /**
     * On HDFS a lock is created, then written: a run that reads it in between sees it empty. A young empty lock is a
     * live run's, not a dead one's (taking it over let two runs in); an old one is a dead run's and is taken over.
     */
    @Test
    void anEmptyLockOnHdfsIsALiveRunsBeingWrittenUntilItIsOld() throws Exception {
        String remote = AtomicCreateFileSystem.SCHEME + "://" + out.toAbsolutePath();
        Path lock = out.resolve(OutputStore.LOCK);
        Files.writeString(lock, "");
        try (OutputStore second = new OutputStore(remote, "second", AtomicCreateFileSystem.conf())) {
            NeracaException e = assertThrows(NeracaException.class, second::lock);
            assertTrue(e.getMessage().contains("could not take the lock"), e.getMessage());
        }
        assertEquals("", Files.readString(lock), "left to the run writing it");
        Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - OutputStore.UNREADABLE_LOCK_GRACE_MS - 5_000));
        try (OutputStore later = new OutputStore(remote, "later", AtomicCreateFileSystem.conf())) {
            later.lock();
            assertTrue(Files.readString(lock).contains("\"run_id\":\"later\""));
        }
    }

    /** A claim left by a run that died inside its takeover is removed once old, and the dead run's lock taken over. */
    @Test
    void anAbandonedTakeoverClaimOnHdfsDoesNotBlockTheLockForever() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        String stale = "{\"pid\":" + p.pid() + ",\"host\":\"" + OutputStore.hostname()
                + "\",\"run_id\":\"dead\",\"started\":\"2026-01-01T00:00:00Z\"}";
        Files.writeString(out.resolve(OutputStore.LOCK), stale);
        Path claim = out.resolve(OutputStore.TAKEOVER_CLAIM
                + Hashing.sha256(stale.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16));
        Files.writeString(claim, "crashed");
        Files.setLastModifiedTime(claim, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - OutputStore.ABANDONED_CLAIM_MS - 5_000));
        String remote = AtomicCreateFileSystem.SCHEME + "://" + out.toAbsolutePath();
        try (OutputStore store = new OutputStore(remote, "next", AtomicCreateFileSystem.conf())) {
            store.requireOutputFolder(); // the claim is a neraca file
            store.lock();
            assertTrue(Files.readString(out.resolve(OutputStore.LOCK)).contains("\"run_id\":\"next\""));
            assertFalse(Files.exists(claim));
        }
    }

    @Test
    void aLockLeftByADeadProcessIsTakenOver() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long deadPid = p.pid();
        Files.createDirectories(out);
        Files.writeString(out.resolve(OutputStore.LOCK), "{\"pid\":" + deadPid + ",\"host\":\""
                + OutputStore.hostname() + "\",\"run_id\":\"dead\",\"started\":\"2026-01-01T00:00:00Z\"}");
        try (OutputStore next = OutputStore.local(out.toString(), "runC")) {
            next.lock();
            assertTrue(Files.readString(out.resolve(OutputStore.LOCK)).contains("runC"));
        }
    }

    @Test
    void aLockWhosePidNowBelongsToAProcessStartedAfterTheLockIsTakenOver() throws Exception {
        // a run killed by a reboot or a container restart: its pid is alive again, but it is another process (in a
        // container with a fixed hostname the JVM gets the same pid every time, so every later run failed "held by
        // another neraca run" until someone deleted the lock by hand)
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve(OutputStore.LOCK), "{\"pid\":" + other.pid() + ",\"host\":\""
                    + OutputStore.hostname() + "\",\"run_id\":\"dead\",\"started\":\"2026-01-01T00:00:00Z\"}");
            try (OutputStore next = OutputStore.local(out.toString(), "runF")) {
                next.lock();
                assertTrue(Files.readString(out.resolve(OutputStore.LOCK)).contains("runF"));
            }
            // the process that wrote the lock, still running: the lock holds
            Files.writeString(out.resolve(OutputStore.LOCK), "{\"pid\":" + other.pid() + ",\"host\":\""
                    + OutputStore.hostname() + "\",\"run_id\":\"live\",\"started\":\"" + java.time.Instant.now() + "\"}");
            NeracaException e = assertThrows(NeracaException.class, () -> OutputStore.local(out.toString(), "runG").lock());
            assertTrue(e.getMessage().contains("held by another neraca run"), e.getMessage());
        } finally {
            other.destroyForcibly();
        }
    }

    /** A local file system on which the lock file cannot be deleted (a read-only mount, a folder without write permission). */
    public static final class LockStuckFs extends org.apache.hadoop.fs.LocalFileSystem {
        @Override
        public boolean delete(org.apache.hadoop.fs.Path f, boolean recursive) throws IOException {
            if (f.getName().equals(OutputStore.LOCK)) return false;
            return super.delete(f, recursive);
        }
    }

    @Test
    void aStaleLockThatCannotBeRemovedSaysWhyAndWhatToDo() throws Exception {
        // was: the takeover warning twice, then "could not take the lock" and nothing else
        Files.createDirectories(out);
        Files.writeString(out.resolve(OutputStore.LOCK), "{\"pid\":999999999,\"host\":\"" + OutputStore.hostname()
                + "\",\"run_id\":\"dead\",\"started\":\"2026-01-01T00:00:00Z\"}");
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
        conf.set("fs.file.impl", LockStuckFs.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        try (OutputStore next = new OutputStore(out.toString(), "runH", conf)) {
            NeracaException e = assertThrows(NeracaException.class, next::lock);
            assertTrue(e.getMessage().contains("cannot be removed") && e.getMessage().contains("writable"), e.getMessage());
            assertEquals(2, e.exitCode(), "retrying cannot help: a usage error, not exit 1 (retry later)");
        }
    }

    @Test
    void aReadOnlyMountOrDeniedPermissionIsNotWritableAndATransientErrorIsNot() {
        assertTrue(OutputStore.notWritable(new java.nio.file.FileSystemException("/mnt/out/.neraca.lock: Read-only file system")));
        assertTrue(OutputStore.notWritable(new java.nio.file.AccessDeniedException("/srv/out/.neraca.lock")));
        assertFalse(OutputStore.notWritable(new IOException("Connection reset by peer")));
    }

    /** The folder itself: skipped when the tests run as root, who writes anywhere (CI does). */
    @Test
    void anOutputFolderThisUserCannotWriteIsExit2() throws Exception {
        Files.createDirectories(out);
        java.util.Set<java.nio.file.attribute.PosixFilePermission> before = Files.getPosixFilePermissions(out);
        Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try (OutputStore next = OutputStore.local(out.toString(), "runRO")) {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(out), "running as a user who writes anywhere (root)");
            NeracaException e = assertThrows(NeracaException.class, next::lock);
            assertEquals(2, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().contains("not writable") && e.getMessage().contains("another --out"), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(out, before);
        }
    }

    /**
     * The same as root, who writes anywhere except where the kernel says no: sysfs refuses new entries to everyone
     * (EPERM, "Operation not permitted", which was exit 1, "retry later", instead of 2).
     */
    @Test
    void anOutputFolderNobodyMayCreateIsExit2EvenForRoot() {
        Path sys = Path.of("/sys/kernel");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(sys), "no sysfs (not Linux)");
        try (OutputStore next = OutputStore.local(sys.resolve("neraca-out").toString(), "runSys")) {
            NeracaException e = assertThrows(NeracaException.class, next::lock);
            assertEquals(2, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().contains("not writable") && e.getMessage().contains("another --out"), e.getMessage());
        }
    }

    @Test
    void anUnreadableLockIsStale() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve(OutputStore.LOCK), "{\"pid\":");
        try (OutputStore next = OutputStore.local(out.toString(), "runD")) {
            next.lock();
            assertTrue(Files.readString(out.resolve(OutputStore.LOCK)).contains("runD"));
        }
    }

    @Test
    void writeTextIsCommittedAtomically() throws IOException {
        try (OutputStore s = OutputStore.local(out.toString(), "runE")) {
            s.lock();
            s.writeText("manifest.json", "{\"a\":1}\n");
            assertEquals("{\"a\":1}\n", s.readText("manifest.json").orElseThrow());
            s.finish();
        }
    }
    @Test
    void aUsersFolderWithATrashOrAnotherToolsManifestIsNotTakenForANeracaFolder() throws IOException {
        // an Obsidian vault keeps deleted notes in .trash/; recover() moved them into the folder and deleted their
        // subfolders, then the run replaced report/ (the user's) whole
        Path vault = Files.createDirectories(out.resolve("vault"));
        Files.createDirectories(vault.resolve(".trash/old notes"));
        Files.writeString(vault.resolve(".trash/old notes/idea.md"), "my note");
        Files.createDirectories(vault.resolve("report"));
        Files.writeString(vault.resolve("report/q3.docx"), "my report");
        // a web app's (or a browser extension's) manifest.json
        Path app = Files.createDirectories(out.resolve("app"));
        Files.writeString(app.resolve("manifest.json"), "{\"manifest_version\": 3, \"name\": \"my app\"}");
        Files.createDirectories(app.resolve("report"));
        Files.writeString(app.resolve("report/index.html"), "mine");
        for (Path folder : java.util.List.of(vault, app)) {
            try (OutputStore store = OutputStore.local(folder.toString(), "run1")) {
                NeracaException e = assertThrows(NeracaException.class, store::requireOutputFolder, folder.toString());
                assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
                assertTrue(e.getMessage().contains("no neraca run wrote"), e.getMessage());
            }
        }
        assertEquals("my note", Files.readString(vault.resolve(".trash/old notes/idea.md")));
        assertEquals("my report", Files.readString(vault.resolve("report/q3.docx")));
        assertEquals("mine", Files.readString(app.resolve("report/index.html")));
        // what a neraca run leaves is still recognised: its manifest, its lock, a killed run's trash or staging
        Path broken = Files.createDirectories(out.resolve("broken"));
        Files.writeString(broken.resolve("manifest.json"), "{\"manifest_version\" : 1, \"run_id\" : \"2026");
        Files.createDirectories(broken.resolve("sales"));
        try (OutputStore store = OutputStore.local(broken.toString(), "run1")) {
            store.requireOutputFolder(); // a neraca manifest damaged by hand: not refused (Manifest.start warns)
        }
        Path ours = Files.createDirectories(out.resolve("ours"));
        Files.writeString(ours.resolve("manifest.json"), "{\"manifest_version\" : 1, \"run_id\" : \"20261130T040747Z-4a4a\", \"stages\" : {}}");
        Path killed = Files.createDirectories(out.resolve("killed/.trash/20261130T040747Z-4a4a/.journal"));
        Path staged = Files.createDirectories(out.resolve("staged/.staging/20261130T040747Z-4a4a/sales"));
        for (Path folder : java.util.List.of(ours, killed.getParent().getParent().getParent(), staged.getParent().getParent().getParent())) {
            try (OutputStore store = OutputStore.local(folder.toString(), "run1")) {
                store.requireOutputFolder();
            }
        }
    }

    @Test
    void anOutFolderThatIsAFileIsRefusedWithOneMessage() throws IOException {
        // `neraca run --out some.csv` printed "cannot restore the previous outputs: ... Not a directory (the next run
        // restores them before it starts)" before the usage error: close() rolled back a run that never started
        Path file = Files.writeString(out.resolve("some.csv"), "a,b\n");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try (OutputStore store = OutputStore.local(file.toString(), "run1")) {
            NeracaException e = assertThrows(NeracaException.class, store::requireOutputFolder);
            assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
            assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
        } finally {
            System.setErr(saved);
        }
        String logged = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(logged.contains("restore"), "nothing was committed, so nothing is restored: " + logged);
        assertEquals("a,b\n", Files.readString(file), "the file is left alone");
    }
}
