package id.neraca.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.core.Hashing;
import id.neraca.core.Log;
import id.neraca.core.Manifest;
import id.neraca.core.NeracaException;
import id.neraca.core.StageContext;
import id.neraca.ingest.ids.SellerKeys;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;

/**
 * Incremental ingest: what earlier runs parsed, kept so that a rerun on new dumps parses only the new and changed
 * files. Output {@code out/ingest_state/} (committed through the OutputStore like every output):
 * <ul>
 *   <li>{@code parsed/}: every file's parsed rows before duplicate resolution ({@link IngestSchemas#PARSED}) with
 *       a {@code file_id} column (a hash of the file's path). Not partitioned by it: a folder per dump file cost a
 *       sort of every parsed row and a Parquet writer per file (docs/BENCHMARKS.md); the file's rows are found by
 *       the column, and their count is checked against {@code files.json} before they are reused;</li>
 *   <li>{@code files.json}: the state version, a fingerprint of everything besides a file's mapping that decides how
 *       a row parses (reference tables, the seller key, the order-date window, the parsed schema), the reference files'
 *       hashes (to name what changed), the --dumps folder and one entry per file (path, id, SHA-256, bytes, mapping, the
 *       mapping file's SHA-256, export key, rows parsed).</li>
 * </ul>
 * A run compares the planned dump files with the state: same path and SHA-256 → {@code skipped} (its stored rows
 * are reused), same path and another SHA-256 → {@code changed} (re-parsed, the old rows dropped), a path the state
 * lacks → {@code ingested}, a path only the state has → {@code missing_kept} (the file left --dumps, e.g. archived;
 * its rows stay in the history, {@code --full} drops them). Duplicate resolution then runs over the union exactly as
 * in a full rebuild, so incremental equals full by construction. {@code --full}, a missing or unreadable state, or
 * a different fingerprint rebuild from every dump (the last two with a warning). docs/OPERATIONS.md "Reruns on new
 * dumps".
 */
public final class IngestState {
    public static final String NAME = "ingest_state";
    static final String FILES = "files.json";
    static final String PARSED_DIR = "parsed";
    /** Bump when the parsed rows of the same bytes would differ (parser or schema change): forces one full rebuild. */
    // 2: parsed/ no longer partitioned by file_id; 3: the same bytes parse differently (13,399 and 1,000 ambiguous, Rp.,
    // JSON lines holding two values, blank lines / bare delimiters / sep=; above a CSV header, no-break spaces, Parquet
    // floating and decimal columns, JSON numbers, Indonesian month names); 4: a key twice in a JSON object, a header
    // repeated inside a file, more than a billion units in one line, a rupiah-marked amount in a non-IDR row, sold counts
    // written after the number (10RB+ terjual, 1.2k sold), listing sale IDs hashed, 16-digit NPWPs keyed as
    // the 15-digit NPWP or the NIK they are; 5: an order line with a blank SKU keyed by its title (-t<hash>), dd-MM-yyyy
    // periods, placeholder seller IDs (-, N/A, 0) keyed by the shop, Excel's ' and ="…" removed from IDs, IDs in
    // scientific notation keyed by the shop, misread rows and BAD_JSON lines masked wider, order numbers in scientific
    // notation quarantined BAD_ORDER_ID; 6: an alphanumeric order number with an E between digits (23090434994E99) read,
    // not quarantined BAD_ORDER_ID, and a mapped JSON path holding an object or an array BAD_JSON, not read as its text;
    // 7: a listing scrape's export key is its scrape date (the later of two scrapes in one month wins)
    // 8: a mapping's hash per stored file (editing or adding one mapping re-parses its files only), reference files named
    // 9: rows ending in a carriage return alone are rows (CSV outside quotes, JSON Lines), Agt/Nop/Peb/Sept month names,
    // totals rows SUMMARY_ROW, pandas' zone-less INT96 times wall-clock, a UTF-8 byte-order mark overriding the encoding,
    // a price range's and an items array's BAD_* details
    // 10: an order's lines in an array (format.order_lines): the parsed rows carry source_element, and a mapped path through
    // an array is BAD_JSON naming format.order_lines
    // 11: Impala's INT96 times (created_by "impala version") wall-clock, as pandas' zone-less ones; an element of an
    // order's array without a line key keyed by its content (-t<hash of title and variation>, #2 for a second identical
    // element of the order), not by its index (-i1)
    // 12: the parsed rows carry order_key (marketplace:order_id), by which an order's later snapshot supersedes the lines
    // of its earlier exports it no longer holds (format.order_lines)
    // 13: a failed line of an order's array keeps its order_key and sale_id when they can be read, so that a sale its later
    // snapshot holds but could not read keeps its earlier readable version instead of being superseded
    static final int VERSION = 13;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final StructType STORED = IngestSchemas.PARSED.add("file_id", DataTypes.StringType, true);

    /** What happens to one file in this run. */
    public enum Status {
        INGESTED("ingested"), CHANGED("changed"), SKIPPED("skipped"), MISSING_KEPT("missing_kept");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    /** One file as the state records it. */
    record Entry(String sourceFile, String sha256, long bytes, String mapping, String exportKey, long rows, String mappingSha) {
        String fileId() {
            return IngestState.fileId(sourceFile);
        }
    }

    private final String fingerprint;
    private Map<String, String> mappingSha = Map.of();
    private Map<String, String> referenceSha = Map.of();
    private String fullReason;
    private final Map<String, Status> status = new LinkedHashMap<>();
    private final List<FileTask> toParse = new ArrayList<>();
    private final List<Entry> carried = new ArrayList<>();
    private final List<FileTask> missing = new ArrayList<>();
    private String stagedDir;

    private IngestState(String fingerprint, String fullReason) {
        this.fingerprint = fingerprint;
        this.fullReason = fullReason;
    }

    /** "f" + 24 hex digits of SHA-256(path): the same as {@link #fileIdColumn()} computes in Spark. */
    static String fileId(String sourceFile) {
        return "f" + Hashing.sha256(sourceFile.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }

    static Column fileIdColumn() {
        return concat(lit("f"), substring(sha2(col("source_file"), 256), 1, 24));
    }

    /** Compares the planned files with the stored state; logs what will be parsed, skipped and kept. */
    public static IngestState plan(StageContext ctx, IngestRun.Prepared p) {
        String fp = fingerprint(ctx.config().referenceDir(), p.keys(), p.cfg());
        Map<String, String> mappingSha = mappingHashes(ctx.config().mappingsDir(), p.plan().mappings().keySet());
        String reason = null;
        Map<String, Entry> stored = Map.of();
        String loadedDumps = null;
        if (ctx.options().full()) {
            reason = "--full";
            Log.info("ingest --full: rebuilding the history from every dump under %s", ctx.dumps());
        } else {
            Loaded l = load(ctx, fp);
            if (l.problem() != null) {
                refuseToDropArchived(ctx, p, l);
                reason = l.problem();
                if (l.warn()) Log.warn("%s: rebuilding from every dump under %s", l.problem(), ctx.dumps());
                else Log.info("%s: ingesting every dump under %s", l.problem(), ctx.dumps());
            } else {
                stored = l.entries();
                loadedDumps = l.dumps();
            }
        }
        IngestState s = new IngestState(fp, reason);
        s.mappingSha = mappingSha;
        s.referenceSha = referenceHashes(ctx.config().referenceDir());
        String storedDumps = reason == null ? loadedDumps : null;
        java.util.Set<String> remapped = new java.util.TreeSet<>();
        for (FileTask t : p.plan().tasks()) {
            Entry e = stored.get(t.sourceFile());
            if (e == null) {
                s.status.put(t.sourceFile(), Status.INGESTED);
                s.toParse.add(t);
            } else if (e.sha256().equals(t.sha256()) && e.mapping().equals(t.mapping())
                    && e.mappingSha().equals(mappingSha.get(t.mapping()))) {
                s.status.put(t.sourceFile(), Status.SKIPPED);
                s.carried.add(e);
            } else {
                s.status.put(t.sourceFile(), Status.CHANGED);
                s.toParse.add(t);
                if (e.sha256().equals(t.sha256())) remapped.add(t.mapping());
            }
        }
        if (!remapped.isEmpty()) {
            Log.info("mapping(s) %s changed since the last ingest (or now match other files): re-parsing their files only",
                    String.join(", ", remapped));
        }
        // an archived file whose mapping changed cannot be re-parsed: its rows would stay as the old mapping read them
        List<Entry> staleArchived = stored.values().stream().filter(e -> !s.status.containsKey(e.sourceFile())
                && !e.mappingSha().equals(mappingSha.getOrDefault(e.mapping(), ""))).toList();
        if (!staleArchived.isEmpty()) {
            throw NeracaException.usage("the mapping(s) %s changed since the last ingest, and %d file(s) they parsed (%,d rows) are no "
                            + "longer under %s: %s%s. Their rows cannot be parsed again under the changed mapping. Put them back under "
                            + "--dumps, or undo the change, or pass --full to rebuild from %s alone and drop them.",
                    String.join(", ", new java.util.TreeSet<>(staleArchived.stream().map(Entry::mapping).toList())), staleArchived.size(),
                    staleArchived.stream().mapToLong(Entry::rows).sum(), ctx.dumps(),
                    String.join(", ", staleArchived.stream().limit(5).map(Entry::sourceFile).toList()), staleArchived.size() > 5 ? ", ..." : "",
                    ctx.dumps());
        }
        // the refusal first: "re-ingesting" logged for a file the run then refused to take was a contradiction
        checkSameDumpsFolder(storedDumps, dumpsFolder(ctx.dumps()), s);
        for (FileTask t : p.plan().tasks()) {
            if (s.status.get(t.sourceFile()) != Status.CHANGED) continue;
            Entry e = stored.get(t.sourceFile());
            if (e.sha256().equals(t.sha256())) continue;
            Log.info("changed since the last ingest (SHA-256 %s… → %s…), re-ingesting: %s",
                    e.sha256().substring(0, 12), t.sha256().substring(0, 12), t.sourceFile());
        }
        List<Entry> kept = new ArrayList<>();
        for (Entry e : stored.values()) {
            if (s.status.containsKey(e.sourceFile())) continue;
            s.status.put(e.sourceFile(), Status.MISSING_KEPT);
            s.carried.add(e);
            s.missing.add(new FileTask(e.sourceFile(), "", e.mapping(), e.exportKey(), false, ',', new int[0], new int[0], 0,
                    e.bytes(), e.sha256()));
            kept.add(e);
        }
        if (kept.size() == 1) {
            Log.warn("no longer under %s, its %,d rows stay in the history (ingest --full drops them): %s",
                    ctx.dumps(), kept.get(0).rows(), kept.get(0).sourceFile());
        } else if (kept.size() > 1) {
            // one line, not one per file: a landing folder holding only this month's drop kept a line per archived file
            Log.warn("%d files no longer under %s, their %,d rows stay in the history (ingest --full drops them): %s%s "
                            + "(every one in manifest.json inputs[], status missing_kept)", kept.size(), ctx.dumps(),
                    kept.stream().mapToLong(Entry::rows).sum(),
                    String.join(", ", kept.stream().limit(5).map(Entry::sourceFile).toList()), kept.size() > 5 ? ", ..." : "");
        }
        if (reason == null) {
            Log.info("incremental ingest: %d new, %d changed, %d unchanged (hashed, not parsed again), %d missing (rows kept)",
                    s.count(Status.INGESTED), s.count(Status.CHANGED), s.count(Status.SKIPPED), s.count(Status.MISSING_KEPT));
        }
        return s;
    }

    /**
     * A configuration change makes the stored parsed rows stale: every file must be parsed again. A file the history
     * holds that is no longer under --dumps (archived once ingested, as docs/OPERATIONS.md allows) cannot be, and a
     * rebuild from --dumps alone would drop its rows with exit 0: one category alias added to the reference tables took
     * a history of 146 files down to this month's. Stop (exit 2, out/ untouched) naming the files and the ways out.
     */
    private static void refuseToDropArchived(StageContext ctx, IngestRun.Prepared p, Loaded l) {
        if (l.stale().isEmpty()) return;
        java.util.Set<String> present = new java.util.HashSet<>();
        for (FileTask t : p.plan().tasks()) present.add(t.sourceFile());
        List<Entry> gone = l.stale().values().stream().filter(e -> !present.contains(e.sourceFile())).toList();
        if (gone.isEmpty()) return;
        long rows = gone.stream().mapToLong(Entry::rows).sum();
        throw NeracaException.usage("%s, and the history must be parsed again under the new configuration, but %d of its "
                        + "%d file(s) (%,d rows) are no longer under %s: %s%s. Rebuilt from %s alone, their rows would be dropped. "
                        + "Put them back under --dumps (a folder that keeps every month), or undo the change to keep the "
                        + "history as it is, or pass --full to rebuild from %s alone and drop them.",
                l.problem(), gone.size(), l.stale().size(), rows, ctx.dumps(),
                String.join(", ", gone.stream().limit(5).map(Entry::sourceFile).toList()), gone.size() > 5 ? ", ..." : "",
                ctx.dumps(), ctx.dumps());
    }

    /**
     * A file's identity is its path under --dumps. Under the folder the history was ingested from, another SHA-256 under
     * the same path is a corrected export, which replaces the old one; under another folder (this month's folder after
     * last month's) it is as likely a new export that reuses a name ({@code shopee/orders.csv} every month), whose rows
     * would silently replace the earlier month's. That case stops with exit 2 and the ways out; a moved folder whose
     * files are unchanged, or only new, goes on.
     */
    private static void checkSameDumpsFolder(String stored, String current, IngestState s) {
        if (stored == null || stored.equals(current)) return;
        List<String> changed = s.status.entrySet().stream().filter(e -> e.getValue() == Status.CHANGED).map(Map.Entry::getKey).toList();
        if (changed.isEmpty()) {
            Log.info("the dumps folder is %s (the history was ingested from %s): files are matched by their paths under it", current, stored);
            return;
        }
        throw NeracaException.usage("%s: %d file(s) have the path of a file ingested from %s but other contents: %s%s. Under the "
                        + "same folder that is a corrected export, which replaces the earlier one; from another folder it may be a new "
                        + "export reusing a name, whose rows would replace the earlier file's. Corrections: rerun with --dumps %s. New "
                        + "exports: give them distinct names (or a subfolder per month) in one dumps folder that keeps every month, or "
                        + "rebuild from this folder alone with --full.",
                current, changed.size(), stored, String.join(", ", changed.subList(0, Math.min(5, changed.size()))),
                changed.size() > 5 ? ", ..." : "", stored);
    }

    /** The --dumps folder as the state records it: a local path absolute and normalised, a URI without a trailing slash. */
    static String dumpsFolder(String dumps) {
        if (dumps.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) return dumps.replaceAll("/+$", "");
        String local = dumps.startsWith("file:") ? java.net.URI.create(dumps).getPath() : dumps;
        return Path.of(local).toAbsolutePath().normalize().toString();
    }

    long count(Status st) {
        return status.values().stream().filter(v -> v == st).count();
    }

    public Map<String, Status> status() {
        return status;
    }

    /**
     * The parsed rows of this run ({@link IngestSchemas#PARSED}): new and changed files parsed now, unioned with the
     * stored rows of unchanged and missing files, written as the new state's {@code parsed/} in staging and read back.
     * If the stored rows cannot be read, falls back to parsing every planned file (with a warning).
     */
    public Dataset<Row> parsed(StageContext ctx, IngestRun.Prepared p) {
        SparkSession spark = ctx.spark();
        stagedDir = ctx.outputs().staging(NAME);
        String target = stagedDir + "/" + PARSED_DIR;
        if (!carried.isEmpty()) {
            try {
                write(spark, p, target, true, ctx);
                return read(spark, target);
            } catch (Exception e) { // Spark's SparkException is checked in Java terms and not declared
                if (e instanceof NeracaException ne) throw ne;
                if (e instanceof Damaged d) {
                    Log.warn("%s: rebuilding from every dump under %s", d.getMessage(), ctx.dumps());
                    fullReason = d.getMessage();
                } else {
                    Log.warn("the incremental ingest failed (%s): retrying as a full rebuild from every dump under %s",
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""), ctx.dumps());
                    fullReason = "the incremental ingest failed (stored parsed rows unreadable?)";
                }
                toParse.clear();
                toParse.addAll(p.plan().tasks());
                carried.clear();
                missing.clear();
                status.clear();
                for (FileTask t : p.plan().tasks()) status.put(t.sourceFile(), Status.INGESTED);
            }
        }
        write(spark, p, target, false, ctx);
        return read(spark, target);
    }

    private void write(SparkSession spark, IngestRun.Prepared p, String target, boolean withStored, StageContext ctx) {
        Dataset<Row> rows = null;
        if (!toParse.isEmpty()) {
            DumpPlanner.Plan sub = new DumpPlanner.Plan(List.copyOf(toParse), p.plan().mappings(), p.plan().issues());
            Log.info("ParseDumps: parsing %d of %d files", toParse.size(), p.plan().tasks().size());
            rows = IngestRun.parse(spark, new IngestRun.Prepared(sub, p.ref(), p.keys(), p.cfg())).withColumn("file_id", fileIdColumn());
        }
        if (withStored) {
            Object[] ids = carried.stream().map(Entry::fileId).toArray();
            Dataset<Row> stored = spark.read().schema(STORED).parquet(ctx.outputs().path(NAME) + "/" + PARSED_DIR);
            checkStoredCounts(stored);
            Dataset<Row> old = stored.filter(col("file_id").isin(ids));
            rows = rows == null ? old : rows.unionByName(old);
        }
        if (rows == null) rows = spark.createDataFrame(List.of(), STORED);
        rows.write().mode(SaveMode.Overwrite).parquet(target);
    }

    /** The stored state is damaged (rows of a file missing or extra): the run rebuilds from every dump. */
    private static final class Damaged extends RuntimeException {
        Damaged(String message) {
            super(message);
        }
    }

    /** Every carried file's stored row count equals what files.json recorded (one pass over the file_id column). */
    private void checkStoredCounts(Dataset<Row> stored) {
        Map<String, Long> counted = new java.util.HashMap<>();
        for (Row r : stored.groupBy("file_id").count().collectAsList()) counted.put(r.getString(0), r.getLong(1));
        for (Entry e : carried) {
            long n = counted.getOrDefault(e.fileId(), 0L);
            if (n != e.rows()) {
                throw new Damaged(String.format(Locale.ROOT, "out/%s/%s lacks the rows of %s (%,d stored, %,d recorded)", NAME, PARSED_DIR,
                        e.sourceFile(), n, e.rows()));
            }
        }
    }

    private static Dataset<Row> read(SparkSession spark, String target) {
        return spark.read().schema(STORED).parquet(target).drop("file_id");
    }

    /** The plan to count and reconcile against: the planned files, then the missing files whose rows were kept. */
    public DumpPlanner.Plan countPlan(DumpPlanner.Plan plan) {
        if (missing.isEmpty()) return plan;
        List<FileTask> all = new ArrayList<>(plan.tasks());
        all.addAll(missing);
        return new DumpPlanner.Plan(all, plan.mappings(), plan.issues());
    }

    /** The stored entry a file's rows were carried from (skipped or missing_kept), or null when it is parsed now. */
    private Entry carriedEntry(String sourceFile) {
        for (Entry e : carried) if (e.sourceFile().equals(sourceFile)) return e;
        return null;
    }

    /** Writes files.json beside the staged parsed rows and swaps the new state in. Call after out/sales is committed. */
    public void commit(StageContext ctx, List<IngestRun.FileCounts> counts) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("fingerprint", fingerprint);
        root.put("dumps", dumpsFolder(ctx.dumps()));
        ArrayNode files = root.putArray("files");
        for (IngestRun.FileCounts c : counts) {
            FileTask t = c.task();
            ObjectNode n = files.addObject();
            n.put("source_file", t.sourceFile());
            n.put("file_id", fileId(t.sourceFile()));
            n.put("sha256", t.sha256());
            n.put("bytes", t.bytes());
            n.put("mapping", t.mapping());
            if (t.exportKey() == null) n.putNull("export_key");
            else n.put("export_key", t.exportKey());
            n.put("rows", c.rowsRead());
            // a file kept from an earlier run (missing_kept) keeps the hash of the mapping that parsed it
            Entry kept = carriedEntry(t.sourceFile());
            n.put("mapping_sha256", kept != null ? kept.mappingSha() : mappingSha.getOrDefault(t.mapping(), ""));
        }
        ObjectNode refs = root.putObject("reference_files");
        referenceSha.forEach(refs::put);
        if (stagedDir == null) throw new IllegalStateException("IngestState.commit before parsed()");
        org.apache.hadoop.fs.Path f = new org.apache.hadoop.fs.Path(stagedDir, FILES);
        try (FSDataOutputStream o = ctx.outputs().fs().create(f, true)) {
            o.write(JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot write the ingest state: %s", f, e.getMessage());
        }
        ctx.outputs().commit(NAME);
    }

    /** Adds each input's status to the manifest and the run's mode and file counts to the IngestDumps section. */
    public void record(Manifest m) {
        for (JsonNode n : m.inputs()) {
            Status st = status.get(n.path("source_file").asText());
            if (st != null && n instanceof ObjectNode o) o.put("status", st.label);
        }
        ObjectNode s = m.stage("IngestDumps");
        s.put("mode", fullReason == null ? "incremental" : "full");
        if (fullReason == null) s.putNull("full_reason");
        else s.put("full_reason", fullReason);
        s.put("files_parsed", toParse.size());
        s.put("files_ingested", count(Status.INGESTED));
        s.put("files_changed", count(Status.CHANGED));
        s.put("files_skipped", count(Status.SKIPPED));
        s.put("files_missing_kept", count(Status.MISSING_KEPT));
    }

    /**
     * What load found: the stored entries (none when a problem means a full rebuild), or the problem; {@code stale}: the
     * entries of a state whose configuration changed, which must be re-parsed, so the files they name must still be there.
     */
    private record Loaded(Map<String, Entry> entries, String problem, boolean warn, String dumps, Map<String, Entry> stale) {
        Loaded(Map<String, Entry> entries, String problem, boolean warn) {
            this(entries, problem, warn, null, Map.of());
        }
    }

    /** Reads files.json and checks the parsed folder is whole; a problem (with or without a warning) means full. */
    private static Loaded load(StageContext ctx, String fp) {
        FileSystem fs = ctx.outputs().fs();
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(ctx.outputs().path(NAME));
        org.apache.hadoop.fs.Path parsed = new org.apache.hadoop.fs.Path(root, PARSED_DIR);
        try {
            if (!fs.exists(root)) {
                return ctx.outputs().exists("sales")
                        ? new Loaded(Map.of(), "out/sales exists but out/" + NAME + " does not (written by an older neraca, or removed)", true)
                        : new Loaded(Map.of(), "first ingest into " + ctx.out(), false);
            }
            org.apache.hadoop.fs.Path f = new org.apache.hadoop.fs.Path(root, FILES);
            if (!fs.exists(f)) return new Loaded(Map.of(), "out/" + NAME + "/" + FILES + " is missing", true);
            JsonNode n;
            try (InputStream in = fs.open(f)) {
                n = JSON.readTree(in);
            } catch (IOException e) {
                return new Loaded(Map.of(), "out/" + NAME + "/" + FILES + " is unreadable (" + e.getMessage().lines().findFirst().orElse("") + ")", true);
            }
            if (n == null || n.path("version").asInt(-1) != VERSION || !n.path("files").isArray()) {
                return new Loaded(Map.of(), "out/" + NAME + "/" + FILES + " has another version or no file list", true);
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (JsonNode e : n.get("files")) {
                Entry en = new Entry(e.path("source_file").asText(null), e.path("sha256").asText(null), e.path("bytes").asLong(-1),
                        e.path("mapping").asText(null), e.path("export_key").isNull() ? null : e.path("export_key").asText(null),
                        e.path("rows").asLong(-1), e.path("mapping_sha256").asText(""));
                if (en.sourceFile() == null || en.sha256() == null || en.mapping() == null || en.rows() < 0) {
                    return new Loaded(Map.of(), "out/" + NAME + "/" + FILES + " has an incomplete entry: " + e, true);
                }
                entries.put(en.sourceFile(), en);
            }
            if (!fp.equals(n.path("fingerprint").asText())) {
                List<String> changedRefs = new ArrayList<>();
                Map<String, String> now = referenceHashes(ctx.config().referenceDir());
                JsonNode then = n.path("reference_files");
                if (then.isObject()) {
                    for (Map.Entry<String, String> e : now.entrySet()) if (!e.getValue().equals(then.path(e.getKey()).asText())) changedRefs.add(e.getKey());
                    then.fieldNames().forEachRemaining(k -> { if (!now.containsKey(k)) changedRefs.add(k); });
                }
                String what = changedRefs.isEmpty() ? "the reference tables, seller key or order-date window changed"
                        : "the reference tables changed (" + String.join(", ", changedRefs.subList(0, Math.min(5, changedRefs.size())))
                        + (changedRefs.size() > 5 ? ", ..." : "") + ")";
                return new Loaded(Map.of(), what + " since the last ingest, so the stored parsed rows are stale", true, null, entries);
            }
            if (!fs.exists(new org.apache.hadoop.fs.Path(parsed, "_SUCCESS"))) {
                return new Loaded(Map.of(), "out/" + NAME + "/" + PARSED_DIR + " is incomplete (no _SUCCESS)", true);
            }
            return new Loaded(entries, null, false, n.path("dumps").asText(null), Map.of());
        } catch (IOException e) {
            return new Loaded(Map.of(), "cannot read out/" + NAME + " (" + e.getMessage() + ")", true);
        }
    }

    /**
     * Everything besides a file's bytes and its own mapping that decides its parsed rows: the reference tables, the
     * seller key (only as an HMAC), the order-date window, the parsed schema. A mapping file is not in it: each stored
     * file carries the hash of the mapping that parsed it ({@link #mappingHashes}), so that editing one mapping, or adding
     * one, re-parses that mapping's files only.
     */
    static String fingerprint(Path referenceDir, SellerKeys keys, IngestConfig cfg) {
        StringBuilder b = new StringBuilder("version=").append(VERSION).append('\n');
        b.append("schema=").append(IngestSchemas.PARSED.json()).append('\n');
        b.append("min_order_date=").append(cfg.minOrderDate()).append('\n');
        // an unpinned max_order_date (the run's day) is not part of it: see docs/OPERATIONS.md
        b.append("max_order_date=").append(cfg.maxOrderDate() == null ? "unpinned" : cfg.maxOrderDate()).append('\n');
        b.append("seller_key=").append(keys.hmac("neraca-ingest-state-fingerprint")).append('\n');
        referenceHashes(referenceDir).forEach((f, h) -> b.append(f).append('=').append(h).append('\n'));
        return Hashing.sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of every file under the reference folder, by path relative to it (sorted). */
    static Map<String, String> referenceHashes(Path referenceDir) {
        Map<String, String> out = new java.util.TreeMap<>();
        if (!Files.isDirectory(referenceDir)) return out;
        try (Stream<Path> s = Files.walk(referenceDir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) out.put(referenceDir.relativize(f).toString(), Hashing.sha256(f));
        } catch (IOException e) {
            throw NeracaException.other("%s: cannot list: %s", referenceDir, e.getMessage());
        }
        return out;
    }

    /**
     * The hash of each mapping by its name: the SHA-256 of its file {@code <name>.yaml}. A mapping named otherwise than
     * its file ({@code name:}) gets the hash of every mapping file together, so that a change to any re-parses its files.
     */
    static Map<String, String> mappingHashes(Path mappingsDir, java.util.Collection<String> names) {
        Map<String, String> out = new java.util.TreeMap<>();
        StringBuilder all = new StringBuilder();
        Map<String, String> byFile = new java.util.TreeMap<>();
        if (Files.isDirectory(mappingsDir)) {
            try (Stream<Path> s = Files.walk(mappingsDir)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    String h = Hashing.sha256(f);
                    all.append(mappingsDir.relativize(f)).append('=').append(h).append('\n');
                    byFile.put(mappingsDir.relativize(f).toString(), h);
                }
            } catch (IOException e) {
                throw NeracaException.other("%s: cannot list: %s", mappingsDir, e.getMessage());
            }
        }
        String allHash = Hashing.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
        for (String n : names) out.put(n, byFile.getOrDefault(n + ".yaml", allHash));
        return out;
    }
}
