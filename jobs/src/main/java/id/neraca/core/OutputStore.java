package id.neraca.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The output folder, written safely. Every output (sales, quarantine, classified, ...) is written to
 * {@code out/.staging/<run-id>/<name>} and swapped in by {@link #commit} only when complete:
 * <ol>
 *   <li>the previous {@code out/<name>} is renamed to {@code out/.trash/<run-id>/<name>};</li>
 *   <li>the staging folder is renamed to {@code out/<name>};</li>
 *   <li>the trash is deleted.</li>
 * </ol>
 * A run killed between 1 and 2 leaves the previous output in the trash; {@link #recover} (called at the
 * start of every run, under the lock) puts it back. A run killed anywhere else leaves either the old or the
 * new output whole. Renames are atomic on local and HDFS file systems (not on S3: see docs/CLUSTER.md).
 *
 * <p>A lock file {@code out/.neraca.lock} keeps two runs from interleaving; a lock whose process is gone
 * (same host, dead pid) is taken over with a warning.
 */
public final class OutputStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String LOCK = ".neraca.lock";

    private final FileSystem fs;
    private final Path root;
    private final String runId;
    private boolean locked;

    public OutputStore(String outDir, String runId, Configuration hadoopConf) {
        try {
            URI uri = new Path(outDir).toUri();
            Path p = new Path(outDir);
            this.fs = uri.getScheme() == null ? FileSystem.getLocal(hadoopConf) : FileSystem.get(uri, hadoopConf);
            this.root = fs.makeQualified(p);
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot open the output folder: %s", outDir, e.getMessage());
        }
        this.runId = runId;
    }

    public static OutputStore local(String outDir, String runId) {
        return new OutputStore(outDir, runId, LocalFiles.register(new Configuration()));
    }

    public String runId() {
        return runId;
    }

    public FileSystem fs() {
        return fs;
    }

    /** Final location of an output, as a string Spark can read. */
    public String path(String name) {
        return new Path(root, name).toString();
    }

    public boolean exists(String name) {
        try {
            return fs.exists(new Path(root, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Staging location for an output of this run; cleared before it is handed out. */
    public String staging(String name) {
        Path p = stagingPath(name);
        try {
            fs.delete(p, true);
            fs.mkdirs(p.getParent());
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot prepare staging folder: %s", p, e.getMessage());
        }
        return p.toString();
    }

    private Path stagingPath(String name) {
        return new Path(new Path(new Path(root, ".staging"), runId), name);
    }

    /** Swaps the staged output in place of the previous one (see class comment for the protocol). */
    public void commit(String name) {
        Path staged = stagingPath(name);
        Path target = new Path(root, name);
        Path trash = new Path(new Path(new Path(root, ".trash"), runId), name);
        try {
            if (!fs.exists(staged)) {
                throw NeracaException.other("%s: nothing staged to commit for output '%s'", staged, name);
            }
            fs.mkdirs(target.getParent());
            if (fs.exists(target)) {
                fs.mkdirs(trash.getParent());
                fs.delete(trash, true);
                if (!fs.rename(target, trash)) throw new IOException("rename " + target + " -> " + trash + " failed");
            }
            if (!fs.rename(staged, target)) throw new IOException("rename " + staged + " -> " + target + " failed");
            fs.delete(trash, true);
        } catch (IOException e) {
            throw NeracaException.other("cannot commit output '%s' into %s: %s", name, root, e.getMessage());
        }
    }

    /** Writes a small text file (JSON, CSV) through staging and commits it. */
    public void writeText(String name, String text) {
        Path staged = stagingPath(name);
        try {
            fs.mkdirs(staged.getParent());
            try (FSDataOutputStream o = fs.create(staged, true)) {
                o.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot write: %s", staged, e.getMessage());
        }
        commit(name);
    }

    public Optional<String> readText(String name) {
        Path p = new Path(root, name);
        try {
            if (!fs.exists(p)) return Optional.empty();
            try (InputStream in = fs.open(p)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot read: %s", p, e.getMessage());
        }
    }

    /**
     * Repairs what a killed run left: an output found only in the trash is restored; other trash and
     * stale staging folders are removed. Call under the lock.
     */
    public void recover() {
        try {
            Path trashRoot = new Path(root, ".trash");
            if (fs.exists(trashRoot)) {
                for (FileStatus run : fs.listStatus(trashRoot)) {
                    for (FileStatus out : fs.listStatus(run.getPath())) {
                        Path target = new Path(root, out.getPath().getName());
                        if (!fs.exists(target)) {
                            Log.warn("restoring output '%s' left in the trash by an interrupted run (%s)",
                                    out.getPath().getName(), run.getPath().getName());
                            fs.rename(out.getPath(), target);
                        }
                    }
                }
                fs.delete(trashRoot, true);
            }
            Path stagingRoot = new Path(root, ".staging");
            if (fs.exists(stagingRoot)) {
                for (FileStatus run : fs.listStatus(stagingRoot)) {
                    if (!run.getPath().getName().equals(runId)) {
                        Log.warn("removing staging left by an interrupted run: %s", run.getPath());
                        fs.delete(run.getPath(), true);
                    }
                }
            }
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot repair the output folder: %s", root, e.getMessage());
        }
    }

    /** Takes the output folder's lock, or fails naming the run that holds it. */
    public void lock() {
        Path lock = new Path(root, LOCK);
        ObjectNode me = JSON.createObjectNode();
        me.put("pid", ProcessHandle.current().pid());
        me.put("host", hostname());
        me.put("run_id", runId);
        me.put("started", Instant.now().toString());
        try {
            fs.mkdirs(root);
            for (int attempt = 0; attempt < 2; attempt++) {
                try (FSDataOutputStream o = fs.create(lock, false)) {
                    o.write(me.toString().getBytes(StandardCharsets.UTF_8));
                    locked = true;
                    return;
                } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                    takeOverIfStale(lock);
                } catch (IOException e) {
                    if (!fs.exists(lock)) throw e;
                    takeOverIfStale(lock);
                }
            }
            throw NeracaException.other("%s: could not take the lock", lock);
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot take the lock: %s", lock, e.getMessage());
        }
    }

    private void takeOverIfStale(Path lock) throws IOException {
        String text;
        try (InputStream in = fs.open(lock)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long pid = -1;
        String host = "?";
        String started = "?";
        try {
            var n = JSON.readTree(text);
            pid = n.path("pid").asLong(-1);
            host = n.path("host").asText("?");
            started = n.path("started").asText("?");
        } catch (IOException ignored) {
            // an unreadable lock (killed mid-write) is stale
        }
        boolean sameHost = host.equals(hostname());
        boolean alive = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (sameHost && alive) {
            throw NeracaException.other(
                    "%s is held by another neraca run (pid %d on %s, started %s). Wait for it to finish; "
                            + "two runs must not write the same output folder.", lock, pid, host, started);
        }
        if (!sameHost && pid > 0) {
            throw NeracaException.other(
                    "%s is held by a run on another host (%s, pid %d, started %s). If that run is dead, delete the lock file.",
                    lock, host, pid, started);
        }
        Log.warn("taking over a stale lock %s left by a dead run (pid %d, started %s)", lock, pid, started);
        fs.delete(lock, false);
    }

    @Override
    public void close() {
        if (locked) {
            try {
                fs.delete(new Path(root, LOCK), false);
                fs.delete(new Path(new Path(root, ".staging"), runId), true);
                Path staging = new Path(root, ".staging");
                if (fs.exists(staging) && fs.listStatus(staging).length == 0) fs.delete(staging, true);
                // commits leave an empty out/.trash/<run-id>/; a non-empty one (a failed swap) stays for recover()
                Path trash = new Path(new Path(root, ".trash"), runId);
                if (fs.exists(trash) && fs.listStatus(trash).length == 0) fs.delete(trash, false);
                Path trashRoot = new Path(root, ".trash");
                if (fs.exists(trashRoot) && fs.listStatus(trashRoot).length == 0) fs.delete(trashRoot, false);
            } catch (IOException e) {
                Log.warn("could not release %s: %s", new Path(root, LOCK), e.getMessage());
            }
            locked = false;
        }
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^\\d+@", "");
        }
    }
}
