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
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The output folder, written safely, with run-level atomicity. Every output (sales, quarantine, classified, ...) is
 * written to {@code out/.staging/<run-id>/<name>} and swapped in by {@link #commit} only when complete:
 * <ol>
 *   <li>a journal entry {@code out/.trash/<run-id>/.journal/<seq>-<replaced|created>-<name>} is created (an empty
 *       file: it exists or it does not), saying whether an {@code out/<name>} existed before;</li>
 *   <li>the previous {@code out/<name>} is renamed to {@code out/.trash/<run-id>/<name>};</li>
 *   <li>the staging folder is renamed to {@code out/<name>}.</li>
 * </ol>
 * Later stages of the run read the committed {@code out/<name>} as usual; the previous version stays in the trash
 * (a rename, no copy: old and new versions both take disk space until the run ends). Only the first commit of a name
 * in a run is journalled: a later commit of the same name replaces this run's own version, which is deleted.
 *
 * <p>The run then ends in one of two ways:
 * <ul>
 *   <li>{@link #finish} (the command succeeded, its manifest is committed): the success mark
 *       {@code .trash/<run-id>/.journal/SUCCEEDED} is created, then the journal entries are deleted, then the
 *       run's trash. From the mark on, the run's outputs are kept whatever happens.</li>
 *   <li>{@link #rollback} (the command failed; also done by {@link #close} when {@link #finish} was not called):
 *       the journal is undone newest first: a replaced output's new version is renamed aside and deleted and the
 *       trash version renamed back; a created output is renamed aside and deleted. Then the run's trash is deleted.
 *       {@code out/} holds exactly what it held before the run.</li>
 * </ul>
 * A run killed (kill -9) at any moment leaves its trash and journal; {@link #recover} (at the start of every run,
 * under the lock) rolls back a run without the success mark the same way, and only finishes deleting the trash of a
 * run with the mark. Every step is idempotent (a replaced entry whose trash is gone was undone, or its swap never
 * began; a created entry whose output is absent was undone, or never swapped in), so a kill during a rollback or a
 * recovery is repaired by the next one. A trash folder without a journal (left by a neraca before journals) is
 * repaired as before: an output found only in the trash is put back. Renames are atomic on local and HDFS file
 * systems (not on S3: see docs/CLUSTER.md).
 *
 * <p>A lock file {@code out/.neraca.lock} keeps two runs from interleaving; a lock whose process is gone
 * (same host, dead pid) is taken over with a warning.
 */
public final class OutputStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String LOCK = ".neraca.lock";
    /** Beside the lock once a run has taken over a dead run's lock: the file the takeovers lock at the OS level. */
    static final String TAKEOVER_GUARD = LOCK + ".takeover";
    /**
     * On HDFS and object stores, the claim on one dead run's lock: {@code .neraca.lock.takeover-<hash of that lock>},
     * created without overwrite by the one run that takes it over, deleted when it has.
     */
    static final String TAKEOVER_CLAIM = LOCK + ".takeover-";
    /** A claim older than this was left by a run that died inside its takeover (which takes milliseconds). */
    static final long ABANDONED_CLAIM_MS = 60_000;
    /**
     * On HDFS and object stores an unreadable lock younger than this is a live run's still being written, not a dead
     * run's: the lock is created, then written, and a reader in between sees it empty.
     */
    static final long UNREADABLE_LOCK_GRACE_MS = 10_000;
    static final String TRASH = ".trash";
    static final String STAGING = ".staging";
    static final String JOURNAL = ".journal";
    static final String DISCARD = ".discard";
    /** The success mark in a run's journal. */
    static final String SUCCEEDED = "SUCCEEDED";
    static final String REPLACED = "replaced";
    static final String CREATED = "created";

    private final FileSystem fs;
    private final Path root;
    /** The folder as the user named it (--out), for messages. */
    private final String shown;
    private final String runId;
    private boolean locked;
    /** Names this run committed (first commits, journalled), in order; null until the journal is read. */
    private Map<String, String> journaled;
    private int seq;
    private boolean finished;
    /** {@link #requireOutputFolder} refused the folder: nothing was or can be committed there, so nothing to undo. */
    private boolean refused;

    public OutputStore(String outDir, String runId, Configuration hadoopConf) {
        try {
            URI uri = new Path(outDir).toUri();
            Path p = new Path(outDir);
            this.fs = uri.getScheme() == null ? FileSystem.getLocal(hadoopConf) : FileSystem.get(uri, hadoopConf);
            this.root = fs.makeQualified(p);
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot open the output folder: %s", outDir, e.getMessage());
        }
        this.shown = outDir;
        this.runId = runId;
    }

    /** The output folder as --out named it ({@code out}, {@code /data/neraca/out}), for messages. */
    public String shown() {
        return shown;
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
        return new Path(new Path(new Path(root, STAGING), runId), name);
    }

    private Path runTrash(String run) {
        return new Path(new Path(root, TRASH), run);
    }

    /**
     * Swaps the staged output in place of the previous one, keeping the previous one in this run's trash until
     * {@link #finish} or {@link #rollback} (see the class comment for the protocol).
     */
    public void commit(String name) {
        Path staged = stagingPath(name);
        Path target = new Path(root, name);
        Path runDir = runTrash(runId);
        Path trash = new Path(runDir, name);
        try {
            if (!fs.exists(staged)) {
                throw NeracaException.other("%s: nothing staged to commit for output '%s'", staged, name);
            }
            Map<String, String> journal = journal();
            fs.mkdirs(target.getParent());
            Path aside = null;
            if (!journal.containsKey(name)) {
                boolean existed = fs.exists(target);
                String kind = existed ? REPLACED : CREATED;
                // the entry exists before anything moves: a kill from here on is undone by recover()
                Path journalDir = new Path(runDir, JOURNAL);
                fs.mkdirs(journalDir);
                seq++;
                fs.create(new Path(journalDir, entryName(seq, kind, name)), false).close();
                journal.put(name, kind);
                if (existed) {
                    fs.mkdirs(trash.getParent());
                    if (fs.exists(trash)) fs.delete(trash, true);
                    if (!fs.rename(target, trash)) throw new IOException("rename " + target + " -> " + trash + " failed");
                }
            } else if (fs.exists(target)) {
                // committed earlier in this run: the version in place is this run's own, the journal keeps the first
                aside = new Path(new Path(runDir, DISCARD), encode(name));
                fs.mkdirs(aside.getParent());
                fs.delete(aside, true);
                if (!fs.rename(target, aside)) throw new IOException("rename " + target + " -> " + aside + " failed");
            }
            if (!fs.rename(staged, target)) throw new IOException("rename " + staged + " -> " + target + " failed");
            if (aside != null) fs.delete(aside, true);
        } catch (IOException e) {
            throw NeracaException.other("cannot commit output '%s' into %s: %s", name, root, e.getMessage());
        }
    }

    /** This run's journal, read from {@code .trash/<run-id>/.journal} on first use (a store reopened for a run). */
    private Map<String, String> journal() throws IOException {
        if (journaled == null) {
            journaled = new LinkedHashMap<>();
            for (Entry e : readJournal(runTrash(runId))) {
                journaled.putIfAbsent(e.name(), e.kind());
                seq = Math.max(seq, e.seq());
            }
        }
        return journaled;
    }

    /** The outputs this run committed (journalled), in commit order. */
    public List<String> committed() {
        try {
            return List.copyOf(journal().keySet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The run succeeded: its commits become final. Creates the success mark, then deletes the journal and the
     * previous versions kept in the trash. Call after the manifest is committed. A failure to create the mark is
     * thrown (the run is then rolled back by {@link #close}); a failure to delete the trash is only logged (the next
     * run's {@link #recover} finishes it).
     */
    public void finish() {
        markSucceeded();
        finished = true;
        journaled = null;
        try {
            deleteRunTrash(runTrash(runId));
        } catch (IOException e) {
            Log.warn("could not delete the previous outputs kept in %s (%s); the next run deletes them",
                    runTrash(runId), e.getMessage());
        }
    }

    /** The success mark alone (package-private so that tests can stop between the mark and the deletion). */
    void markSucceeded() {
        Path runDir = runTrash(runId);
        try {
            if (!fs.exists(runDir)) return; // nothing committed
            Path journalDir = new Path(runDir, JOURNAL);
            fs.mkdirs(journalDir);
            fs.create(new Path(journalDir, SUCCEEDED), true).close();
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot mark the run as succeeded: %s", runDir, e.getMessage());
        }
    }

    /**
     * The run failed: undoes every commit of this run, newest first, so that {@code out/} holds exactly what it held
     * before the run (the trash versions are renamed back, outputs that did not exist are removed). Returns the
     * names undone, newest first. The store can commit again afterwards (a new journal).
     */
    public List<String> rollback() {
        Path runDir = runTrash(runId);
        try {
            List<String> undone = undo(runDir);
            journaled = null;
            return undone;
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot restore the previous outputs: %s (the next run restores them before "
                    + "it starts)", root, e.getMessage());
        }
    }

    /** Undoes the journal in {@code runDir} newest first, then deletes the folder. */
    private List<String> undo(Path runDir) throws IOException {
        List<String> undone = new ArrayList<>();
        if (!fs.exists(runDir)) return undone;
        List<Entry> entries = new ArrayList<>(readJournal(runDir));
        Collections.reverse(entries);
        for (Entry e : entries) {
            Path target = new Path(root, e.name());
            if (e.kind().equals(REPLACED)) {
                Path trash = new Path(runDir, e.name());
                // no trash: undone already, or killed before the previous version moved (then it is still in place)
                if (fs.exists(trash)) {
                    if (fs.exists(target)) removeAside(runDir, e.name());
                    if (!fs.rename(trash, target)) throw new IOException("rename " + trash + " -> " + target + " failed");
                }
            } else if (fs.exists(target)) {
                removeAside(runDir, e.name());
            }
            undone.add(e.name());
        }
        deleteRunTrash(runDir);
        return undone;
    }

    /** Removes {@code out/<name>} by renaming it into the run's trash and deleting it there (never half-deleted in place). */
    private void removeAside(Path runDir, String name) throws IOException {
        Path target = new Path(root, name);
        Path aside = new Path(new Path(runDir, DISCARD), encode(name));
        fs.mkdirs(aside.getParent());
        fs.delete(aside, true);
        if (!fs.rename(target, aside)) throw new IOException("rename " + target + " -> " + aside + " failed");
        fs.delete(aside, true);
    }

    /**
     * Deletes a run's trash folder: the journal entries first, the success mark (if any) after them, then the rest,
     * so that a kill in the middle never leaves a journal that says less than what happened (a mark without entries,
     * or entries without their mark, would roll back a finished run).
     */
    private void deleteRunTrash(Path runDir) throws IOException {
        Path journalDir = new Path(runDir, JOURNAL);
        if (fs.exists(journalDir)) {
            for (FileStatus f : fs.listStatus(journalDir)) {
                if (!f.getPath().getName().equals(SUCCEEDED)) fs.delete(f.getPath(), false);
            }
            fs.delete(journalDir, true);
        }
        fs.delete(runDir, true);
    }

    /** One journal entry: the {@code seq}-th output this run committed, and whether it replaced an existing one. */
    record Entry(int seq, String kind, String name) {}

    static String entryName(int seq, String kind, String name) {
        return String.format(Locale.ROOT, "%06d-%s-%s", seq, kind, encode(name));
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    /** The journal entries of a run's trash folder, oldest first (empty without a journal). */
    private List<Entry> readJournal(Path runDir) throws IOException {
        Path journalDir = new Path(runDir, JOURNAL);
        List<Entry> entries = new ArrayList<>();
        if (!fs.exists(journalDir)) return entries;
        for (FileStatus f : fs.listStatus(journalDir)) {
            String n = f.getPath().getName();
            String[] parts = n.split("-", 3);
            if (parts.length != 3 || !parts[0].matches("\\d+") || !(parts[1].equals(REPLACED) || parts[1].equals(CREATED))) {
                continue; // the success mark, or a stray file
            }
            entries.add(new Entry(Integer.parseInt(parts[0]), parts[1], URLDecoder.decode(parts[2], StandardCharsets.UTF_8)));
        }
        entries.sort(Comparator.comparingInt(Entry::seq));
        return entries;
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
            } catch (org.apache.hadoop.fs.ChecksumException e) {
                // edited by hand (a manifest.json opened in an editor): Hadoop's hidden .<name>.crc no longer matches,
                // and every later command failed on it (exit 1). The text is read as it is; its own parser judges it
                if (!(fs instanceof org.apache.hadoop.fs.ChecksumFileSystem cfs)) throw e;
                Log.warn("%s was changed after neraca wrote it (it no longer matches its checksum file %s): read as it is",
                        p, cfs.getChecksumFile(p).getName());
                try (InputStream in = cfs.getRawFileSystem().open(p)) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot read: %s", p, e.getMessage());
        }
    }

    /**
     * Repairs what an interrupted run left (call under the lock, before the run commits anything): the trash of a run
     * without the success mark is rolled back (its outputs undone newest first, the previous ones renamed back), the
     * trash of a run with the mark is deleted, a trash folder without a journal (an older neraca) gives back the
     * outputs found only there; stale staging folders are removed.
     */
    public void recover() {
        try {
            Path trashRoot = new Path(root, TRASH);
            if (fs.exists(trashRoot)) {
                List<FileStatus> runs = new ArrayList<>(List.of(fs.listStatus(trashRoot)));
                runs.sort(Comparator.comparing((FileStatus f) -> f.getPath().getName()).reversed()); // newest first
                for (FileStatus run : runs) {
                    String dead = run.getPath().getName();
                    if (dead.equals(runId)) continue;
                    Path runDir = run.getPath();
                    if (fs.exists(new Path(new Path(runDir, JOURNAL), SUCCEEDED))) {
                        Log.info("run %s succeeded but was stopped while deleting the previous outputs: deleting them now", dead);
                        deleteRunTrash(runDir);
                    } else if (fs.exists(new Path(runDir, JOURNAL))) {
                        List<Entry> entries = readJournal(runDir);
                        if (!entries.isEmpty()) {
                            Log.warn("run %s did not finish (killed or failed): rolling back the outputs it had committed, the previous versions restored (%s)",
                                    dead, String.join(", ", entries.stream().map(Entry::name).toList()));
                        }
                        undo(runDir);
                    } else {
                        for (FileStatus out : fs.listStatus(runDir)) {
                            Path target = new Path(root, out.getPath().getName());
                            if (!out.getPath().getName().startsWith(".") && !fs.exists(target)) {
                                Log.warn("restoring output '%s' left in the trash by an interrupted run (%s)",
                                        out.getPath().getName(), dead);
                                fs.rename(out.getPath(), target);
                            }
                        }
                        fs.delete(runDir, true);
                    }
                }
                if (fs.exists(trashRoot) && fs.listStatus(trashRoot).length == 0) fs.delete(trashRoot, true);
            }
            Path stagingRoot = new Path(root, STAGING);
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
    /**
     * Refuses an output folder that holds files but none of what a neraca run leaves (a manifest with a run id, the
     * lock, staging or trash folders holding a run's folder): a run replaces its outputs' folders whole, so {@code --out ~/Documents} would delete a
     * {@code sales/} folder of the user's own. An empty or missing folder is fine.
     */
    public void requireOutputFolder() {
        createLocalOutputFolder();
        try {
            if (!fs.exists(root)) return;
            if (!fs.getFileStatus(root).isDirectory()) {
                refused = true;
                throw NeracaException.usage("--out %s is a file, not a folder: pass a new or empty folder, or one a previous run wrote", root);
            }
            FileStatus[] entries = fs.listStatus(root);
            if (entries.length == 0) return;
            for (FileStatus e : entries) {
                String n = e.getPath().getName();
                if (n.equals(LOCK) || n.equals(TAKEOVER_GUARD) || n.startsWith(TAKEOVER_CLAIM)) return;
                if ((n.equals(Manifest.FILE) || n.equals("manifest.failed.json")) && neracaManifest(e.getPath())) return;
                if ((n.equals(TRASH) || n.equals(STAGING)) && e.isDirectory() && holdsRunFolder(e.getPath())) return;
            }
            refused = true;
            throw NeracaException.usage("--out %s holds files that no neraca run wrote (no manifest.json): a run replaces its "
                    + "output folders (sales/, report/, ...) whole, so it does not write there. Pass a new or empty folder.", root);
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot read the output folder: %s", root, e.getMessage());
        }
    }

    /**
     * A local {@code --out} that does not exist is created here, before anything else, or refused with exit 2 naming
     * the path and the cause: under a file ({@code --out afile/out} failed with exit 1 and a false "cannot restore the
     * previous outputs: .../.trash/...: Not a directory"), or where the kernel refuses ({@code /proc/x}: exit 1,
     * "cannot take the lock" with no reason). Retrying would not help either.
     */
    private void createLocalOutputFolder() {
        if (!(fs instanceof org.apache.hadoop.fs.LocalFileSystem local)) return;
        java.nio.file.Path dir = local.pathToFile(root).toPath();
        if (java.nio.file.Files.exists(dir)) return; // a file there is refused below, by name
        java.nio.file.Path existing = dir.getParent();
        while (existing != null && !java.nio.file.Files.exists(existing)) existing = existing.getParent();
        if (existing != null && !java.nio.file.Files.isDirectory(existing)) {
            refused = true;
            throw NeracaException.usage("--out %s: the output folder cannot be created: %s is a file, not a folder. Pass an "
                    + "--out under a folder (or move the file away)", dir, existing);
        }
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (IOException e) {
            refused = true;
            String why = e instanceof java.nio.file.NoSuchFileException f
                    ? f.getFile() + ": the file system refuses a folder there (as under /proc or /sys)"
                    : e instanceof java.nio.file.AccessDeniedException f ? f.getFile() + ": permission denied"
                    : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getFile() + ": " + f.getReason()
                    : e.toString();
            throw NeracaException.usage("--out %s: the output folder cannot be created (%s). Pass an --out on a disk "
                    + "this user can write, or create the folder first", dir, why);
        }
    }

    /** A run id ({@code StageCommand.newRunId}): {@code 20261130T040747Z-4a4a}. */
    private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{4}");

    /**
     * A manifest a neraca run wrote (a JSON object with its {@code run_id} and {@code stages}), not another tool's
     * {@code manifest.json} (a web app's, a browser extension's). One that does not parse is given the benefit of the
     * doubt, as before (a neraca manifest edited by hand; the run then starts a new one with a warning).
     */
    private boolean neracaManifest(Path p) {
        com.fasterxml.jackson.databind.JsonNode n;
        try (InputStream in = fs.open(p)) {
            n = JSON.readTree(in);
        } catch (IOException | RuntimeException e) {
            return true;
        }
        return n == null || !n.isObject() || (n.path("run_id").isTextual() && n.path("stages").isObject());
    }

    /**
     * A {@code .trash} or {@code .staging} folder holding a run's folder (named by its run id): not a folder of the
     * same name another program keeps (an Obsidian vault's {@code .trash} of deleted notes, which {@link #recover}
     * would empty).
     */
    private boolean holdsRunFolder(Path dir) throws IOException {
        for (FileStatus run : fs.listStatus(dir)) {
            if (run.isDirectory() && RUN_ID.matcher(run.getPath().getName()).matches()) return true;
        }
        return false;
    }

    public void lock() {
        Path lock = new Path(root, LOCK);
        ObjectNode me = JSON.createObjectNode();
        me.put("pid", ProcessHandle.current().pid());
        me.put("host", hostname());
        me.put("run_id", runId);
        me.put("started", Instant.now().toString());
        try {
            createRoot();
            byte[] content = me.toString().getBytes(StandardCharsets.UTF_8);
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    if (createLock(lock, content)) {
                        locked = true;
                        return;
                    }
                    takeOverIfStale(lock);
                } catch (IOException e) {
                    if (!fs.exists(lock)) throw e;
                    takeOverIfStale(lock);
                }
            }
            throw NeracaException.other("%s: could not take the lock", lock);
        } catch (IOException e) {
            if (notWritable(e)) {
                // a folder this user cannot write (permissions, a read-only mount): retrying will not help (exit 2)
                throw NeracaException.usage("%s: cannot take the lock, the output folder is not writable (%s). Make %s "
                        + "writable for this user, or pass another --out.", lock, e.getMessage(), root);
            }
            throw NeracaException.other("%s: cannot take the lock: %s", lock, e.getMessage());
        }
    }

    /**
     * Creates the lock file with its content in one step, or returns false when it exists. On a local disk Hadoop's
     * create-without-overwrite checks and then creates (two runs starting together could both pass), and a file
     * created empty and written after could be read half-written by the other run and taken for a dead run's: the
     * content goes to a private file first, which is then hard-linked under the lock's name (atomic, and it fails
     * when the name exists). Elsewhere (HDFS) the filesystem's own create-without-overwrite is atomic.
     */
    private boolean createLock(Path lock, byte[] content) throws IOException {
        if (!"file".equals(fs.getUri().getScheme())) {
            try (FSDataOutputStream o = fs.create(lock, false)) {
                o.write(content);
                return true;
            } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                return false;
            }
        }
        java.nio.file.Path target = LocalFiles.nio(fs.makeQualified(lock));
        // unique per attempt: pid and nanoTime alone collided for two stores of one JVM locking in the same nanosecond,
        // and the second's CREATE_NEW failed as "cannot take the lock" (OutputStoreTest, 1 in about 100,000 attempts)
        java.nio.file.Path mine = target.resolveSibling(LOCK + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + "."
                + java.util.UUID.randomUUID() + ".tmp");
        java.nio.file.Files.write(mine, content, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        try {
            java.nio.file.Files.createLink(target, mine);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            // a filesystem without hard links (FAT, some network mounts): Hadoop's create, as elsewhere
            try (FSDataOutputStream o = fs.create(lock, false)) {
                o.write(content);
                return true;
            } catch (org.apache.hadoop.fs.FileAlreadyExistsException e2) {
                return false;
            }
        } finally {
            java.nio.file.Files.deleteIfExists(mine);
        }
    }

    /**
     * Creates the output folder. Hadoop's local mkdirs says only false when it cannot (the run then failed on the
     * lock's temporary file, "NoSuchFileException", exit 1): on a local disk the JDK's call says why.
     */
    private void createRoot() throws IOException {
        if ("file".equals(fs.getUri().getScheme())) {
            java.nio.file.Files.createDirectories(LocalFiles.nio(fs.makeQualified(root)));
        } else if (!fs.mkdirs(root) && !fs.getFileStatus(root).isDirectory()) {
            throw new IOException("cannot create " + root);
        }
    }

    /** Permission denied, not permitted (EPERM) or a read-only filesystem, locally or on Hadoop's filesystems. */
    static boolean notWritable(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException || e instanceof org.apache.hadoop.security.AccessControlException) return true;
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("read-only file system") || m.contains("permission denied") || m.contains("operation not permitted");
    }

    private void takeOverIfStale(Path lock) throws IOException {
        String text;
        try (InputStream in = fs.open(lock)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.FileNotFoundException e) {
            return; // released meanwhile: the next attempt creates it
        }
        long pid = -1;
        String host = "?";
        String started = "?";
        boolean readable = false;
        try {
            var n = JSON.readTree(text);
            pid = n.path("pid").asLong(-1);
            host = n.path("host").asText("?");
            started = n.path("started").asText("?");
            readable = n.has("pid");
        } catch (IOException ignored) {
            // an unreadable lock (killed mid-write) is stale
        }
        if (!readable && !"file".equals(fs.getUri().getScheme()) && beingWritten(lock)) {
            // HDFS and object stores: the lock is created, then written (a reader meanwhile sees it empty); a local
            // lock is published whole (createLock). Read it again once its writer has had the time to finish
            sleepQuietly(100);
            return;
        }
        boolean sameHost = host.equals(hostname());
        Instant lockStarted = lockStarted(started);
        boolean alive = pid > 0 && ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> !startedAfter(h, lockStarted)).isPresent();
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
        if (removeStale(lock, text, pid, started)) {
            Log.warn("taking over a stale lock %s left by a dead run (pid %d, started %s)", lock, pid, started);
        }
    }

    /** Whether an unreadable lock is young enough to be a live run's, still being written (not a dead run's). */
    private boolean beingWritten(Path lock) throws IOException {
        try {
            return System.currentTimeMillis() - fs.getFileStatus(lock).getModificationTime() < UNREADABLE_LOCK_GRACE_MS;
        } catch (java.io.FileNotFoundException e) {
            return true; // released meanwhile: the next attempt creates it
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException i) {
            Thread.currentThread().interrupt();
        }
    }

    /** Serialises the takeovers of the runs of one JVM (a file lock is held per process, not per thread). */
    private static final Object TAKEOVER = new Object();

    /**
     * Deletes the lock a dead run left, unless another run took it over first: returns false when the lock is no
     * longer the one judged stale. Two runs that both judged it stale must not both delete: the later one would
     * delete the lock the first had just written in its place, and both would run. On a local disk the compare and
     * the delete happen under an OS file lock on {@code .neraca.lock.takeover}, which stays beside the lock (deleting
     * it would let a run waiting on the old file and a newcomer on a new one in together); the OS releases it when
     * a process dies. Elsewhere (HDFS, object stores: no OS locks, but an atomic create-without-overwrite, which the
     * lock itself relies on) a claim file named by the stale lock's hash does the same ({@link #removeStaleClaimed}).
     */
    private boolean removeStale(Path lock, String staleText, long pid, String started) throws IOException {
        if (!"file".equals(fs.getUri().getScheme())) return removeStaleClaimed(lock, staleText, pid, started);
        java.nio.file.Path guard = LocalFiles.nio(fs.makeQualified(lock)).resolveSibling(TAKEOVER_GUARD);
        synchronized (TAKEOVER) {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(guard,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock ignored = ch.lock()) {
                return deleteIfStill(lock, staleText, pid, started);
            }
        }
    }

    /**
     * The takeover on a filesystem without OS file locks. Every run that judged the same dead run's lock stale tries to
     * create the same claim file ({@link #TAKEOVER_CLAIM} and a hash of the lock's text) without overwrite: one
     * succeeds, compares the lock with what it judged stale, deletes it if it is still that, and deletes its claim; the
     * others return false and try the lock again, where they find the winner's. A run that comes to the claim after it
     * was deleted finds the lock gone or the winner's (no lock is ever that dead run's text again: it holds a run id),
     * so it deletes nothing. A claim older than {@link #ABANDONED_CLAIM_MS} was left by a run that died mid-takeover and
     * is removed, or the dead run's lock could never be taken over.
     */
    private boolean removeStaleClaimed(Path lock, String staleText, long pid, String started) throws IOException {
        Path claim = new Path(root, TAKEOVER_CLAIM + Hashing.sha256(staleText.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
        try (FSDataOutputStream o = fs.create(claim, false)) {
            o.write(runId.getBytes(StandardCharsets.UTF_8));
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            // another run is taking it over: wait for its claim to go (then its lock is in place), up to a few seconds
            for (int wait = 0; wait < 100; wait++) {
                long age;
                try {
                    age = System.currentTimeMillis() - fs.getFileStatus(claim).getModificationTime();
                } catch (java.io.FileNotFoundException gone) {
                    return false;
                }
                if (age > ABANDONED_CLAIM_MS) {
                    Log.warn("removing %s, left by a run that died while taking over the lock %d s ago", claim, age / 1000);
                    fs.delete(claim, false);
                    return false;
                }
                sleepQuietly(20);
                if (Thread.currentThread().isInterrupted()) return false;
            }
            return false;
        }
        try {
            return deleteIfStill(lock, staleText, pid, started);
        } finally {
            fs.delete(claim, false);
        }
    }

    /** Deletes the lock if it still reads {@code staleText} (the caller holds the takeover's guard or claim). */
    private boolean deleteIfStill(Path lock, String staleText, long pid, String started) throws IOException {
        String now;
        try (InputStream in = fs.open(lock)) {
            now = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.FileNotFoundException e) {
            return false;
        }
        if (!now.equals(staleText)) return false;
        deleteStale(lock, pid, started);
        return true;
    }

    private void deleteStale(Path lock, long pid, String started) throws IOException {
        if (!fs.delete(lock, false) && fs.exists(lock)) {
            throw NeracaException.usage("%s: the lock left by a dead run (pid %d, started %s) cannot be removed: the output "
                    + "folder is not writable (its permissions, or a read-only mount). Make %s writable for this user, or "
                    + "pass another --out.", lock, pid, started, root);
        }
    }

    /**
     * Whether the process {@code h} started after the lock was written: then it only reuses the pid of the run that
     * wrote it (a reboot, or a container restarted with the same hostname, where the JVM gets the same pid each time).
     * A minute of slack: the start instant the OS reports is only as precise as its boot time.
     */
    private static boolean startedAfter(ProcessHandle h, Instant lockStarted) {
        if (lockStarted == null) return false;
        return h.info().startInstant().map(s -> s.isAfter(lockStarted.plusSeconds(60))).orElse(false);
    }

    private static Instant lockStarted(String started) {
        try {
            return Instant.parse(started);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Ends the run: a run that neither {@link #finish finished} nor {@link #rollback rolled back} (an exception or
     * error on the way) is rolled back here (not one whose folder was refused: it never started); then the lock is
     * released and the staging removed.
     */
    @Override
    public void close() {
        if (!finished && !refused) {
            try {
                List<String> undone = rollback();
                if (Interrupts.interrupted() && !Interrupts.reported()) {
                    // a signal that stopped the run outside the stage's own failure handling (Spark's context stopped
                    // under it): the run's one line says what happened to out/, as StageCommand's would
                    Log.error("%s", Interrupts.describe(undone.isEmpty()
                            ? "run " + runId + " stopped before it committed any output: " + shown + " is unchanged"
                            : "run " + runId + " stopped; the outputs it had committed were rolled back and the previous "
                                    + "ones restored (" + String.join(", ", undone) + "): " + shown + " is as the last successful run left it"));
                } else if (!undone.isEmpty()) {
                    Log.warn("run %s did not finish: previous outputs restored (%s)", runId, String.join(", ", undone));
                }
            } catch (RuntimeException e) {
                Log.error("%s", e.getMessage());
            }
        }
        if (locked) {
            try {
                fs.delete(new Path(root, LOCK), false);
                fs.delete(new Path(new Path(root, STAGING), runId), true);
                Path staging = new Path(root, STAGING);
                if (fs.exists(staging) && fs.listStatus(staging).length == 0) fs.delete(staging, true);
                Path trashRoot = new Path(root, TRASH);
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
