package id.neraca.core;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Run-level atomicity of {@link OutputStore}: a run's commits are kept only when the whole run finishes; a failed run,
 * a run that ends without finishing and a run killed at any file operation leave {@code out/} exactly as the previous
 * run left it (file list and bytes), and a run killed after its success mark keeps its outputs.
 */
class RunRollbackTest {
    @TempDir
    java.nio.file.Path tmp;

    private java.nio.file.Path out() {
        return tmp.resolve("out");
    }

    private static void stage(OutputStore store, String name, String content) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of(URI.create(store.staging(name)));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("part-0.parquet"), content + " part 0");
            Files.write(dir.resolve("part-1.parquet"), (content + " part 1 \u0000\u00ff").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            Files.writeString(dir.resolve("_SUCCESS"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages an output with {@code content} and commits it, as a stage does when it finishes. */
    private static void commit(OutputStore store, String name, String content) {
        stage(store, name, content);
        store.commit(name);
    }

    /** The previous run's outputs: sales and classified folders, a CSV and the manifest, committed as a run does. */
    private void previousRun() {
        try (OutputStore first = OutputStore.local(out().toString(), "run1")) {
            first.lock();
            first.recover();
            commit(first, "sales", "sales v1");
            commit(first, "classified", "classified v1");
            first.writeText("reconciliation.csv", "file,rows\na.csv,1\n");
            first.writeText(Manifest.FILE, "{\"run_id\":\"run1\",\"status\":\"SUCCEEDED\"}\n");
            first.finish();
        }
    }

    /** Every file and folder under out/ with its bytes, but the lock, staging and trash (what a reader sees). */
    static TreeMap<String, String> snapshot(java.nio.file.Path out) {
        TreeMap<String, String> m = new TreeMap<>();
        if (!Files.exists(out)) return m;
        try (Stream<java.nio.file.Path> s = Files.walk(out)) {
            for (java.nio.file.Path p : s.toList()) {
                String rel = out.relativize(p).toString();
                if (rel.isEmpty() || rel.startsWith(OutputStore.LOCK) || rel.startsWith("." + OutputStore.LOCK) // and its .crc
                        || rel.startsWith(OutputStore.TRASH)
                        || rel.startsWith(OutputStore.STAGING)) continue;
                m.put(rel, Files.isDirectory(p) ? "<dir>" : Hashing.sha256(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** A killed process leaves its lock; the next run takes it over (OutputStoreTest): here it is simply removed. */
    private void processDied() throws IOException {
        Files.deleteIfExists(out().resolve(OutputStore.LOCK));
    }

    private static final Configuration PLAIN = LocalFiles.register(new Configuration());
    private static final Configuration KILLING = new Configuration();

    static {
        KILLING.set("fs.file.impl", KillingFs.class.getName());
        KILLING.setBoolean("fs.file.impl.disable.cache", true);
    }

    private void nextRunRecovers() {
        try (OutputStore next = new OutputStore(out().toString(), "run3", PLAIN)) {
            next.lock();
            next.recover();
        }
    }

    // (a)
    @Test
    void aRunThatFailsAfterTwoCommitsLeavesThePreviousOutputsByteIdentical() {
        previousRun();
        TreeMap<String, String> before = snapshot(out());
        try (OutputStore run = OutputStore.local(out().toString(), "run2")) {
            run.lock();
            run.recover();
            commit(run, "sales", "sales v2");
            commit(run, "classified", "classified v2");
            stage(run, "projection", "projection v2"); // did not exist before the run
            run.commit("projection");
            assertNotEquals(before, snapshot(out()), "the commits are live during the run (later stages read them)");
            assertEquals(List.of("sales", "classified", "projection"), run.committed());
            // a later stage fails: the command rolls the run back
            assertEquals(List.of("projection", "classified", "sales"), run.rollback(), "undone newest first");
            assertEquals(before, snapshot(out()), "previous outputs byte-identical, the new output removed");
            assertFalse(Files.exists(out().resolve("projection")));
            run.writeText("manifest.failed.json", "{\"status\":\"FAILED\"}\n");
            run.finish();
        }
        TreeMap<String, String> after = snapshot(out());
        assertTrue(after.remove("manifest.failed.json") != null && after.remove(".manifest.failed.json.crc") != null, after.toString());
        assertEquals(before, after, "only manifest.failed.json is added");
        assertFalse(Files.exists(out().resolve(OutputStore.TRASH)), "no trash left");
        assertFalse(Files.exists(out().resolve(OutputStore.STAGING)), "no staging left");
    }

    @Test
    void aRunClosedWithoutFinishingIsRolledBack() {
        // an Error (out of memory) skips the command's failure handling: close() still rolls the run back
        previousRun();
        TreeMap<String, String> before = snapshot(out());
        try (OutputStore run = OutputStore.local(out().toString(), "run2")) {
            run.lock();
            commit(run, "sales", "sales v2");
            commit(run, "aggregates", "aggregates v2");
        }
        assertEquals(before, snapshot(out()));
        assertFalse(Files.exists(out().resolve(OutputStore.TRASH)));
    }

    // (b)
    @Test
    void aRunKilledAfterItsSecondCommitIsRolledBackByTheNextRun() throws IOException {
        previousRun();
        TreeMap<String, String> before = snapshot(out());
        OutputStore killed = OutputStore.local(out().toString(), "run2");
        killed.lock();
        killed.recover();
        commit(killed, "sales", "sales v2");
        commit(killed, "classified", "classified v2");
        commit(killed, "aggregates", "aggregates v2");
        // kill -9 here: the process is gone (no close, no rollback); out/ holds the new sales and classified
        processDied();
        assertEquals("sales v2 part 0", Files.readString(out().resolve("sales/part-0.parquet")));
        assertTrue(Files.isDirectory(out().resolve(".trash/run2/.journal")), "the journal a killed run leaves");

        nextRunRecovers();
        assertEquals(before, snapshot(out()), "the previous outputs are back, byte for byte; aggregates is gone");
        assertFalse(Files.exists(out().resolve(OutputStore.TRASH)));
    }

    // (c)
    @Test
    void aRunKilledAfterItsSuccessMarkKeepsItsOutputs() throws IOException {
        previousRun();
        TreeMap<String, String> before = snapshot(out());
        OutputStore killed = OutputStore.local(out().toString(), "run2");
        killed.lock();
        killed.recover();
        commit(killed, "sales", "sales v2");
        commit(killed, "aggregates", "aggregates v2");
        killed.writeText(Manifest.FILE, "{\"run_id\":\"run2\",\"status\":\"SUCCEEDED\"}\n");
        killed.markSucceeded();
        // kill -9 between the success mark and the deletion of the previous versions
        processDied();
        TreeMap<String, String> committed = snapshot(out());
        assertNotEquals(before, committed);
        assertTrue(Files.isDirectory(out().resolve(".trash/run2/sales")), "the previous sales still in the trash");

        nextRunRecovers();
        assertEquals(committed, snapshot(out()), "the finished run's outputs stay");
        assertEquals("sales v2 part 0", Files.readString(out().resolve("sales/part-0.parquet")));
        assertFalse(Files.exists(out().resolve(OutputStore.TRASH)), "recover() finished deleting the trash");
    }

    /**
     * kill -9 before every single file operation of a run (and of a failing run's rollback, and of the recovery that
     * follows such a kill in a failing run): after the next run's recovery, out/ is exactly the previous outputs, or exactly the new ones
     * when the kill came after the success mark. Recursive deletes are done file by file, in both name orders, so a
     * kill also lands inside them.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void killedBeforeAnyFileOperationTheNextRunSeesOneWholeRun(boolean descending) throws IOException {
        previousRun();
        java.nio.file.Path template = tmp.resolve("template");
        copy(out(), template);
        TreeMap<String, String> before = snapshot(out());
        KillingFs.descending = descending;

        for (boolean fails : new boolean[]{false, true}) {
            // the run not killed: what it leaves
            reset(template);
            KillingFs.arm(-1);
            victim(fails);
            TreeMap<String, String> finished = snapshot(out());
            if (fails) {
                TreeMap<String, String> withoutFailure = new TreeMap<>(finished);
                withoutFailure.remove("manifest.failed.json");
                withoutFailure.remove(".manifest.failed.json.crc");
                assertEquals(before, withoutFailure, "a failed run leaves the previous outputs and manifest.failed.json");
            } else {
                assertNotEquals(before, finished);
            }
            int kills = 0;
            int recoveryKills = 0;
            for (int n = 0; ; n++) {
                reset(template);
                KillingFs.arm(n);
                try {
                    victim(fails);
                    break; // every operation done: no kill point left
                } catch (KillingFs.Killed k) {
                    kills++;
                }
                boolean marked = KillingFs.marked;
                processDied();
                java.nio.file.Path killedState = tmp.resolve("killed");
                copy(out(), killedState);
                TreeMap<String, String> expected = marked ? finished : before;
                String where = (fails ? "failing" : "succeeding") + " run killed before file operation " + n
                        + (descending ? " (descending deletes)" : "");

                nextRunRecovers();
                assertEquals(expected, snapshot(out()), where);
                assertFalse(Files.exists(out().resolve(OutputStore.TRASH)), where + ": trash left");

                // the recovery itself killed at each of its operations, then recovered again (for the failing run,
                // whose kill points include those inside a rollback, with one delete order: the rest adds minutes)
                for (int m = 0; fails && !descending; m++) {
                    reset(killedState);
                    KillingFs.arm(m);
                    try (OutputStore r = store("run3")) {
                        r.lock();
                        r.recover();
                    } catch (KillingFs.Killed k) {
                        recoveryKills++;
                        processDied();
                        nextRunRecovers();
                        assertEquals(expected, snapshot(out()), where + ", its recovery killed before operation " + m);
                        continue;
                    }
                    break;
                }
            }
            System.out.printf("RunRollbackTest: %s run, %s deletes: %d kill points, %d recovery kill points%n",
                    fails ? "failing" : "succeeding", descending ? "descending" : "ascending", kills, recoveryKills);
            assertTrue(kills > 20, "kill points tried: " + kills);
            if (fails && !descending) assertTrue(recoveryKills > 100, "recovery kill points tried: " + recoveryKills);
        }
    }

    /**
     * The run killed in the test above: commits sales (replaced), projection (new), sales again, the manifest; a
     * failing one then rolls back and writes manifest.failed.json; then finish and close.
     */
    private void victim(boolean fails) {
        OutputStore run = store("run2");
        run.lock();
        run.recover();
        commit(run, "sales", "sales v2");
        commit(run, "projection", "projection v2");
        commit(run, "sales", "sales v2b");
        if (fails) {
            run.rollback();
            run.writeText("manifest.failed.json", "{\"status\":\"FAILED\"}\n");
        } else {
            run.writeText(Manifest.FILE, "{\"run_id\":\"run2\",\"status\":\"SUCCEEDED\"}\n");
        }
        run.finish();
        run.close();
    }

    /** A store on out/ whose file system is {@link KillingFs}. */
    private OutputStore store(String runId) {
        return new OutputStore(out().toString(), runId, KILLING);
    }

    private void reset(java.nio.file.Path from) throws IOException {
        delete(out());
        copy(from, out());
        KillingFs.marked = false;
    }

    private static void copy(java.nio.file.Path from, java.nio.file.Path to) throws IOException {
        delete(to);
        try (Stream<java.nio.file.Path> s = Files.walk(from)) {
            for (java.nio.file.Path p : s.toList()) {
                java.nio.file.Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    private static void delete(java.nio.file.Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<java.nio.file.Path> s = Files.walk(p)) {
            for (java.nio.file.Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }

    /**
     * The local file system of {@link LocalFiles.Checksummed}, stopping dead (an {@link Error} nothing catches, as kill -9) before the n-th mutating
     * operation: create, mkdirs, rename, delete. A recursive delete is done one file at a time.
     */
    public static final class KillingFs extends org.apache.hadoop.fs.LocalFileSystem {
        public KillingFs() {
            super(new LocalFiles.Raw()); // as LocalFiles.Checksummed
        }

        static final class Killed extends Error {
            Killed() {
                super("simulated kill -9");
            }
        }

        static int left = -1;
        static boolean descending;
        static boolean marked;

        static void arm(int n) {
            left = n;
        }

        private static void op() {
            if (left == 0) {
                left = -1;
                throw new Killed();
            }
            if (left > 0) left--;
        }

        @Override
        public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize, short replication,
                                         long blockSize, Progressable progress) throws IOException {
            op();
            FSDataOutputStream o = super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
            if (f.getName().equals(OutputStore.SUCCEEDED)) marked = true;
            return o;
        }

        @Override
        public boolean mkdirs(Path f) throws IOException {
            op();
            return super.mkdirs(f);
        }

        @Override
        public boolean mkdirs(Path f, FsPermission permission) throws IOException {
            op();
            return super.mkdirs(f, permission);
        }

        @Override
        public boolean rename(Path src, Path dst) throws IOException {
            op();
            return super.rename(src, dst);
        }

        @Override
        public boolean delete(Path f, boolean recursive) throws IOException {
            op();
            if (recursive && exists(f) && getFileStatus(f).isDirectory()) {
                FileStatus[] kids = listStatus(f);
                Comparator<FileStatus> byName = Comparator.comparing(s -> s.getPath().getName());
                Arrays.sort(kids, descending ? byName.reversed() : byName);
                for (FileStatus k : kids) delete(k.getPath(), true);
            }
            return super.delete(f, recursive);
        }
    }
}
