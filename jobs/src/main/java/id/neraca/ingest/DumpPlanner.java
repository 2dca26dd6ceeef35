package id.neraca.ingest;

import id.neraca.core.Hashing;
import id.neraca.core.NeracaException;
import id.neraca.ingest.mapping.Mapping;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Driver-side planning of an ingest, before any row is read: lists the dumps, skips what is not a dump, unpacks
 * zips, matches each file to exactly one mapping by its globs, and for CSV reads only the header to pick the
 * delimiter and locate every mapped column. Problems found here are {@link Issue}s: an unmatched file (exit 2
 * unless --skip-unmatched), a header without the mapped columns or a truncated start (exit 3), an empty or
 * header-only file (a warning; it still gets a reconciliation row with 0 rows).
 */
public final class DumpPlanner {
    private DumpPlanner() {}

    /** A problem with one file; {@code exit} 0 for warnings. */
    public record Issue(String file, Long line, int exit, String message) {
        public boolean error() {
            return exit != 0;
        }

        public String render() {
            return file + (line == null ? "" : " line " + line) + ": " + message;
        }
    }

    /** What to read, with which mapping, and what is wrong. */
    public record Plan(List<FileTask> tasks, Map<String, CompiledMapping> mappings, List<Issue> issues) {
        public List<Issue> errors() {
            return issues.stream().filter(Issue::error).toList();
        }
    }

    private record Found(String rel, String matchPath, String uri, long bytes, String sha256, long[] boundaryNewlines) {
        Found(String rel, String matchPath, String uri, long bytes, String sha256) {
            this(rel, matchPath, uri, bytes, sha256, null);
        }
    }

    /** A file's checksum, and for a file to split its newline counts at the range boundaries ({@link FileTask}). */
    record Scan(String sha256, long[] boundaryNewlines) {}

    /**
     * True for files that are not dumps: names starting with {@code _} or {@code .} (also folders: {@code _truth/},
     * {@code __MACOSX/}, {@code .DS_Store}), README*, LICENSE*, and what Windows and Office leave in a folder:
     * {@code Thumbs.db}, {@code desktop.ini}, and the {@code ~$name.csv} owner file Excel writes beside a file it
     * has open (it would match the dump's glob and fail on its header).
     */
    public static boolean notADump(String relPath) {
        for (String part : relPath.split("/")) {
            if (part.startsWith("_") || part.startsWith(".")) return true;
        }
        String name = relPath.substring(relPath.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith("README") || name.startsWith("LICENSE") || name.startsWith("~$")
                || lower.equals("thumbs.db") || lower.equals("desktop.ini");
    }

    /**
     * The usage error of a dumps folder with nothing to read, naming the warnings that say why (a zip archive whose
     * entries were not read, unmatched files skipped): "no dump files found" alone sent the user looking at the
     * wrong thing when the folder's only dump was such an archive.
     */
    public static NeracaException nothingToRead(String dumps, Plan plan) {
        StringBuilder why = new StringBuilder();
        for (Issue i : plan.issues()) if (!i.error()) why.append(why.length() == 0 ? " Skipped: " : "; ").append(i.render());
        return NeracaException.usage("%s: no dump files found (after skipping _*, .*, README*, LICENSE* and unmatched files).%s",
                dumps, why);
    }

    public static Plan plan(String dumps, List<Mapping> mappings, boolean skipUnmatched) {
        return plan(dumps, mappings, skipUnmatched, 0);
    }

    /**
     * @param splitBytes a plain (not gzip) CSV or JSON Lines file larger than this is read as ranges of this many
     *                   bytes by parallel tasks; 0 reads every file with one task
     */
    public static Plan plan(String dumps, List<Mapping> mappings, boolean skipUnmatched, long splitBytes) {
        return plan(dumps, mappings, skipUnmatched, splitBytes, "data/marketplaces");
    }

    /**
     * @param mappingsDir the folder the mappings were read from (run.mappings_dir), as an unmatched file's error names it
     */
    public static Plan plan(String dumps, List<Mapping> mappings, boolean skipUnmatched, long splitBytes, String mappingsDir) {
        Map<String, CompiledMapping> cms = new LinkedHashMap<>();
        for (Mapping m : mappings) cms.put(m.name(), new CompiledMapping(m));
        List<Issue> issues = new ArrayList<>();
        List<FileTask> tasks = new ArrayList<>();
        Map<String, List<Issue>> priceWarnings = new LinkedHashMap<>();   // per mapping: a price column parsed as decimal holding rupiah
        PiiSeen seen = new PiiSeen();
        for (Found f : list(dumps, splitBytes, issues)) {
            if (f.rel().substring(f.rel().lastIndexOf('/') + 1).contains(":")) {
                // Hadoop's paths read "a:b" as a scheme (its checksum file's path fails): say so instead of a URISyntaxException
                issues.add(new Issue(f.rel(), null, NeracaException.EXIT_DATA, "a file name with ':' cannot be read through "
                        + "Hadoop's file system layer. Rename the file (for example replace ':' with '-')."));
                continue;
            }
            List<Mapping> hits = new ArrayList<>();
            for (Mapping m : mappings) if (matches(m, f.matchPath())) hits.add(m);
            if (hits.isEmpty()) {
                String near = nearest(f, mappings);
                String misplaced = misplaced(f, mappings, dumps);
                if (skipUnmatched) {
                    issues.add(new Issue(f.rel(), null, 0, "no mapping matches this file; skipped (--skip-unmatched). "
                            + misplaced + "Nearest: " + near));
                } else {
                    String refused = refusedWorkbook(f.rel());
                    issues.add(new Issue(f.rel(), null, NeracaException.EXIT_USAGE, "no mapping in " + mappingsDir + " matches this file. "
                            + (nestedZip(f.rel()) ? "It is a zip archive inside a zip archive: neraca unpacks one level. Unpack "
                            + "the outer archive into the dumps folder (unzip outer.zip -d <dumps>/<marketplace>/), so that the "
                            + "inner one is read as an archive of its own. " : "")
                            + (refused != null ? "It is " + refused + " "
                            : workbook(f.rel()) ? "It is an Excel workbook (.xlsx): a mapping reads it like its CSV export when "
                            + "one of its files patterns matches it (shopee/*.xlsx). " : "")
                            + misplaced + "Nearest: " + near + ". Add its pattern to a mapping's files, add a mapping (docs/MAPPINGS.md), "
                            + "or pass --skip-unmatched."));
                }
                continue;
            }
            if (hits.size() > 1) {
                issues.add(new Issue(f.rel(), null, NeracaException.EXIT_USAGE, "matched by several mappings ("
                        + hits.stream().map(Mapping::name).toList() + "); make their files patterns disjoint."));
                continue;
            }
            Mapping m = hits.get(0);
            if (!fileRegexFound(m, f.rel(), mappingsDir, issues)) continue;
            String refused = refusedWorkbook(f.rel());
            if (refused != null) {
                issues.add(new Issue(f.rel(), null, NeracaException.EXIT_DATA, "matched by mapping '" + m.name()
                        + "', but it is " + refused));
                continue;
            }
            String mappingFile = mappingsDir + "/" + m.name() + ".yaml";
            FileTask t = workbook(f.rel()) ? prepareWorkbook(f, cms.get(m.name()), mappingFile, issues, seen)
                    : prepare(f, cms.get(m.name()), mappingFile, issues, seen);
            // a workbook too (DumpReader reads its cells as ingest does: a number cell as its number, a text cell as written);
            // not a Parquet file: planning reads none of its rows, Spark does (IngestRun.parquetRows)
            if (t != null && !m.format().parquet()) {
                String rupiah = rupiahUnderDecimal(t, cms.get(m.name()), mappingFile);
                if (rupiah != null) priceWarnings.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(new Issue(f.rel(), null, 0, rupiah));
            }
            if (t != null && f.boundaryNewlines() != null && !t.gzip() && !m.format().parquet() && !m.format().multiline()) {
                t = new FileTask(t.sourceFile(), t.uri(), t.mapping(), t.exportKey(), false, t.delimiter(), t.columnIndex(),
                        t.piiIndex(), t.columnCount(), t.bytes(), t.sha256(), splitBytes, f.boundaryNewlines(), t.headerLine());
            }
            if (t != null) tasks.add(t);
        }
        tasks.sort(Comparator.comparing(FileTask::sourceFile));
        // one warning per mapping, on its first such file: the fix is in the mapping, not in each file
        priceWarnings.forEach((name, ws) -> issues.add(ws.size() == 1 ? ws.get(0) : new Issue(ws.get(0).file(), null, 0,
                ws.get(0).message() + "; so do " + (ws.size() - 1) + " other file(s) of mapping '" + name + "'")));
        issues.addAll(piiNamingNothing(mappings, cms, seen, mappingsDir));
        return new Plan(tasks, cms, issues);
    }

    /**
     * The header columns (CSV, workbooks) and JSON paths (a JSON Lines file's first record) each mapping's planned files
     * showed: what its pii entries are checked against ({@link #piiNamingNothing}).
     */
    static final class PiiSeen {
        private final Map<String, Set<String>> names = new LinkedHashMap<>();

        void saw(String mapping, java.util.Collection<String> cols) {
            names.computeIfAbsent(mapping, k -> new java.util.LinkedHashSet<>()).addAll(cols);
        }
    }

    /**
     * One warning per mapping whose {@code pii} entries name neither a column it reads nor any column (or JSON path) of
     * its files here: such an entry masks nothing, and was accepted silently. A column the mapping does not read is
     * masked anyway, so the entry is at best redundant; at worst a misspelt column the mapping reads, which then stays
     * in clear in out/quarantine. Names the entries, and the column each is closest to when one is close.
     */
    static List<Issue> piiNamingNothing(List<Mapping> mappings, Map<String, CompiledMapping> cms, PiiSeen seen, String mappingsDir) {
        List<Issue> out = new ArrayList<>();
        for (Mapping m : mappings) {
            Set<String> names = seen.names.get(m.name());
            if (names == null) continue;   // no file of it planned, or none whose columns could be read (Parquet)
            List<String> cols = new ArrayList<>(names);
            List<String> sources = cms.get(m.name()).sources();
            List<String> nothing = m.pii().stream().filter(p -> matches(cols, p).isEmpty() && matches(sources, p).isEmpty()).toList();
            if (nothing.isEmpty()) continue;
            StringBuilder b = new StringBuilder(nothing.size() == 1 ? "pii entry " : "pii entries ");
            for (int i = 0; i < nothing.size(); i++) {
                String p = nothing.get(i);
                b.append(i == 0 ? "" : ", ").append('\'').append(p).append('\'');
                String near = id.neraca.config.Yaml.didYouMean(p, cols);
                if (!near.isEmpty()) b.append(" (").append(near.strip().replace("Did you mean", "did you mean")).append(')');
            }
            b.append(nothing.size() == 1 ? " names" : " name").append(" no column mapping '").append(m.name())
                    .append("' reads nor any column of its files here, so ").append(nothing.size() == 1 ? "it masks" : "they mask")
                    .append(" nothing in them. A column the mapping does not read is masked in out/quarantine anyway; one it "
                            + "reads is masked only when pii names it (letter case and spaces aside): if an entry means one of "
                            + "those, check its spelling");
            out.add(new Issue(mappingsDir + "/" + m.name() + ".yaml", null, 0, b.toString()));
        }
        return out;
    }

    /** Every path of a JSON object's keys ({@code seller}, {@code seller.city}), nested objects walked; empty if it is none. */
    static List<String> jsonPaths(byte[] line) {
        List<String> out = new ArrayList<>();
        try {
            com.fasterxml.jackson.databind.JsonNode n = JSON_PATHS.readTree(line);
            if (n != null && n.isObject()) addPaths("", n, out);
        } catch (IOException | RuntimeException e) {
            // not a JSON object: no paths (the mapping is then not checked)
        }
        return out;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON_PATHS = new com.fasterxml.jackson.databind.ObjectMapper();

    private static void addPaths(String prefix, com.fasterxml.jackson.databind.JsonNode n, List<String> out) {
        n.fields().forEachRemaining(e -> {
            String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            out.add(p);
            if (e.getValue().isObject()) addPaths(p, e.getValue(), out);
            // an array's objects, by the array's path: an order's lines (items.buyer_note), as format.order_lines reads them
            if (e.getValue().isArray()) for (com.fasterxml.jackson.databind.JsonNode el : e.getValue()) if (el.isObject()) addPaths(p, el, out);
        });
    }

    /** How many of a file's first records the price check looks at ({@link #rupiahUnderDecimal}). */
    static final int PRICE_LOOK = 20;

    /**
     * A warning (null: none) when a price column read with parser {@code decimal} ({@code unit_price}, {@code line_total})
     * holds, in most of the non-blank prices of the file's first {@link #PRICE_LOOK} records, an amount written the
     * Indonesian way that {@code decimal} refuses and {@code idr} reads ({@code Rp 50.000}, {@code 13.399.000}; {@code 34.000}
     * in a rupiah row): every such row is quarantined BAD_PRICE, each detail naming parser idr, and a file of them stops at
     * the threshold; the run says the fix once, before reading. Records are read as ingest reads them (DumpReader: CSV
     * quoting, JSON paths, an order's lines, a workbook's cells), the row's currency from its currency column when it is one
     * (a value map on it aside). A workbook is opened a second time for it (its shared strings read again), only when the
     * mapping reads a price with {@code decimal}.
     */
    static String rupiahUnderDecimal(FileTask t, CompiledMapping cm, String mappingFile) {
        Mapping m = cm.mapping();
        List<String> keys = new ArrayList<>();
        for (String key : List.of("unit_price", "line_total")) {
            id.neraca.ingest.mapping.FieldSpec f = m.columns().byKey().get(key);
            if (f != null && "decimal".equals(f.parser()) && f.sourceRef() != null && cm.sourceIndex(f.sourceRef()) >= 0) keys.add(key);
        }
        if (keys.isEmpty()) return null;
        id.neraca.ingest.mapping.FieldSpec cur = m.columns().byKey().get("currency");
        int curAt = cur == null || cur.sourceRef() == null ? -1 : cm.sourceIndex(cur.sourceRef());
        int looked = 0;
        int rupiah = 0;
        String example = null;
        String exampleKey = null;
        try (DumpReader r = new DumpReader(t, cm)) {
            for (int n = 0; n < PRICE_LOOK && r.hasNext(); n++) {
                RawRecord rec = r.next();
                String[] v = rec.values();
                if (v == null) continue;
                String ct = curAt >= 0 ? v[curAt] : cur == null ? null : cur.constant();
                String currency = "IDR";
                if (ct != null && !ct.isBlank()) {
                    try {
                        currency = Parsers.currency(ct);
                    } catch (ParseFailure e) {
                        currency = null;
                    }
                }
                for (String key : keys) {
                    String text = v[cm.sourceIndex(m.columns().byKey().get(key).sourceRef())];
                    if (text == null || text.isBlank()) continue;
                    looked++;
                    if (Parsers.rupiahUnderDecimal(text, currency)) {
                        rupiah++;
                        if (example == null) {
                            example = text.strip();
                            exampleKey = key;
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            return null;   // a file the reader cannot read: ingest says what is wrong with it
        }
        if (rupiah == 0 || rupiah * 2 <= looked) return null;
        id.neraca.ingest.mapping.FieldSpec f = m.columns().byKey().get(exampleKey);
        return String.format(Locale.ROOT, "columns.%s (%s) of mapping '%s' is read with parser decimal, but %d of the %d prices "
                + "in the file's first %d records look like Indonesian rupiah with thousands dots ('%s'): parser decimal refuses "
                + "them, and each such row is quarantined BAD_PRICE. If the column holds rupiah written so, set parser: idr "
                + "for it in %s (docs/MAPPINGS.md, \"Parsers\")", exampleKey, f.sourceRef(), m.name(), rupiah, looked,
                PRICE_LOOK, example, mappingFile);
    }

    /** How many of a JSON Lines file's first records are looked at for one whose order has lines ({@link #arrayShape}). */
    static final int ORDER_LINES_LOOK = 20;

    /** What {@link #arrayShape} found wrong, and in which line. */
    record Shape(long line, String message) {}

    /**
     * A JSON Lines file's first records against its mapping's shape, or null when they agree (or the record is no JSON
     * object). Without {@code format.order_lines}, the first record: a column path through an array of objects that have
     * the path's next field ({@code items.qty} over {@code "items":[{"qty":3},...]}): each line is an order with its lines
     * in that array, and every line would be BAD_JSON; the message says how to declare it (a later line of that shape is
     * BAD_JSON, naming the key). With it, the first of {@code records} (the file's first {@link #ORDER_LINES_LOOK}) whose
     * array path holds something other than nothing, null or an empty array: an order without lines says nothing of the
     * shape, and the first order of a file may have none (a cancelled one). Checked there: the path holds an array
     * ({@code BAD_JSON} for every order otherwise), and no column reads from the order a field the order lacks and the
     * array's elements have ({@link #orderPathInElements}). Until Dec 2026 only the first record was looked at, and a file
     * whose first order had no lines passed both checks whatever the rest held. No record with lines among them: nothing
     * is checked (the reader's NO_ITEMS says what each order lacks).
     */
    static Shape arrayShape(Mapping m, List<Numbered> records, String mappingFile) {
        String declared = m.format().orderLines();
        if (declared == null) {
            if (records.isEmpty()) return null;
            String msg = arrayShape(m, records.get(0).bytes(), mappingFile);
            return msg == null ? null : new Shape(records.get(0).line(), msg);
        }
        for (int k = 0; k < records.size(); k++) {
            com.fasterxml.jackson.databind.JsonNode root;
            try {
                root = JSON_PATHS.readTree(records.get(k).bytes());
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (root == null || !root.isObject()) continue;
            com.fasterxml.jackson.databind.JsonNode n = root;
            for (String seg : declared.split("\\.")) {
                if (n == null || !n.isObject()) {
                    n = null;
                    break;
                }
                n = n.get(seg);
            }
            if (n == null || n.isNull() || (n.isArray() && n.isEmpty())) continue;
            long line = records.get(k).line();
            String where = k == 0 ? "the file's first record" : "line " + line + " (the file's first record where '" + declared
                    + "' is not missing, null or empty)";
            if (n.isArray()) {
                String msg = orderPathInElements(m, root, n, mappingFile, where);
                return msg == null ? null : new Shape(line, msg);
            }
            return new Shape(line, "format.order_lines of mapping '" + m.name() + "' names '" + declared + "', which holds "
                    + DumpReader.what(n) + " in " + where + ", not an array of the order's lines: every order would be BAD_JSON. "
                    + "Point format.order_lines in " + mappingFile + " at the array that holds each order's lines");
        }
        return null;
    }

    /**
     * Without {@code format.order_lines}: a column path through an array of objects that have the path's next field in the
     * record {@code firstLine}, or null.
     */
    static String arrayShape(Mapping m, byte[] firstLine, String mappingFile) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = JSON_PATHS.readTree(firstLine);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (root == null || !root.isObject()) return null;
        for (Map.Entry<String, id.neraca.ingest.mapping.FieldSpec> e : m.columns().byKey().entrySet()) {
            String p = e.getValue().path();
            if (p == null) continue;
            String[] segs = p.split("\\.");
            com.fasterxml.jackson.databind.JsonNode n = root;
            for (int k = 0; k < segs.length - 1 && n != null && n.isContainerNode(); k++) {
                n = n.get(segs[k]);
                if (n == null || !n.isArray()) continue;
                boolean holds = false;
                for (com.fasterxml.jackson.databind.JsonNode el : n) holds |= el.isObject() && el.has(segs[k + 1]);
                if (!holds) break;
                String at = String.join(".", java.util.Arrays.copyOf(segs, k + 1));
                return "mapping '" + m.name() + "' reads '" + p + "' (columns." + e.getKey() + "), but in the file's first "
                        + "record '" + at + "' holds an array of " + n.size() + " object(s) with that field: each JSON line "
                        + "is an order with its lines in '" + at + "'. Declare it in " + mappingFile + ": format: {type: "
                        + "jsonl, order_lines: " + at + "} (each element is then one sales line, read by the paths under '"
                        + at + "'; docs/MAPPINGS.md, \"An order's lines in an array\")";
            }
        }
        return null;
    }

    /**
     * Under {@code format.order_lines}, a column whose path reads the order ({@code product_name}) where the record looked
     * at ({@code where}: the file's first record with lines) has no such field but an element of its array does: the path
     * lacks the array's prefix ({@code order.line_items.product_name}). Every line's value was blank, without a word: a
     * TikTok Shop export's titles all empty, and every sale UNKNOWN to classify. Null when none.
     */
    private static String orderPathInElements(Mapping m, com.fasterxml.jackson.databind.JsonNode root,
            com.fasterxml.jackson.databind.JsonNode array, String mappingFile, String where) {
        String declared = m.format().orderLines();
        for (Map.Entry<String, id.neraca.ingest.mapping.FieldSpec> e : m.columns().byKey().entrySet()) {
            String p = e.getValue().path();
            if (p == null || m.format().inLines(p) || present(root, p)) continue;
            for (com.fasterxml.jackson.databind.JsonNode el : array) {
                if (!el.isObject() || !present(el, p)) continue;
                return "mapping '" + m.name() + "' reads '" + p + "' (columns." + e.getKey() + ") from the order, but in " + where
                        + " the order has no '" + p + "' and the elements of '" + declared + "' (its lines) have one: "
                        + "every line's " + e.getKey() + " would be blank. Write path: " + declared + "." + p + " in " + mappingFile;
            }
        }
        return null;
    }

    /** Whether the dotted {@code path} leads to a field of {@code node} (null included: the field is there). */
    private static boolean present(com.fasterxml.jackson.databind.JsonNode node, String path) {
        com.fasterxml.jackson.databind.JsonNode n = node;
        for (String seg : path.split("\\.")) {
            if (n == null || !n.isObject()) return false;
            n = n.get(seg);
        }
        return n != null;
    }

    /**
     * The columns the mapping reads from the file's path ({@code file_regex}) whose regex finds nothing in this path,
     * with the {@code default} each row then gets (null when the column has none), in the mapping's column order.
     */
    public static Map<String, String> fileRegexMisses(Mapping m, String rel) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, id.neraca.ingest.mapping.FieldSpec> e : m.columns().byKey().entrySet()) {
            String re = e.getValue().fileRegex();
            if (re != null && !java.util.regex.Pattern.compile(re).matcher(rel).find()) out.put(e.getKey(), e.getValue().defaultValue());
        }
        return out;
    }

    /**
     * A column read from the file's path whose regex does not match it: with a {@code default}, a warning naming the
     * file and the value every row gets (a scrape named {@code sample_data_15-05-2024.csv} was dated 2023-02, the
     * mapping's default, without a word); without one, an error (exit 3) for a column the grain requires
     * ({@code period}, ...), since every row would be quarantined as blank. False when the file is refused.
     */
    private static boolean fileRegexFound(Mapping m, String rel, String mappingsDir, List<Issue> issues) {
        for (Map.Entry<String, String> miss : fileRegexMisses(m, rel).entrySet()) {
            String col = miss.getKey();
            String re = m.columns().byKey().get(col).fileRegex();
            String where = mappingsDir + "/" + m.name() + ".yaml";
            if (miss.getValue() != null) {
                issues.add(new Issue(rel, null, 0, String.format(Locale.ROOT, "%s: the file's path does not match "
                        + "columns.%s.file_regex '%s' of %s, so every row gets its default '%s'. If that is not this file's %s, "
                        + "rename the file so its path carries it", col, col, re, where, miss.getValue(), col)));
            } else if (REQUIRED_FROM_PATH.contains(col)) {
                issues.add(new Issue(rel, null, NeracaException.EXIT_DATA, String.format(Locale.ROOT, "%s: the file's path "
                        + "does not match columns.%s.file_regex '%s' of %s, and the mapping gives no default: no row would "
                        + "have a %s. Rename the file so its path carries it%s", col, col, re, where, col, renameHint(rel, re))));
                return false;
            }
        }
        return true;
    }

    /** Date forms a path may carry (a scrape's snapshot day or month), offered where the mapping's regex finds them. */
    private static final List<String> PATH_DATES = List.of("2025-03-15", "15-03-2025", "2025-03", "20250315", "15032025");

    /**
     * How to rename {@code rel} so that {@code regex} finds it: the file's name with each date form the regex finds
     * ({@code lapak_2025-03-15.csv}), with the snapshot's own date in its place; the mapping's own regex decides, not
     * one marketplace's file names (the hint once named Tokopedia's forms for every mapping).
     */
    static String renameHint(String rel, String regex) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
        int slash = rel.lastIndexOf('/');
        String dir = rel.substring(0, slash + 1);
        String name = rel.substring(slash + 1);
        int dot = name.indexOf('.', 1);
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        List<String> fits = new ArrayList<>();
        for (String d : PATH_DATES) {
            String candidate = dir + base + "_" + d + ext;
            if (p.matcher(candidate).find() && !p.matcher(dir + base + ext).find()) fits.add(candidate);
        }
        if (fits.isEmpty()) return ", with text the regex finds";
        return ", e.g. " + String.join(" or ", fits.subList(0, Math.min(2, fits.size()))) + " (the file's own date in place of "
                + "the example's)";
    }

    /** Columns without which no row parses, when read from the path. */
    private static final java.util.Set<String> REQUIRED_FROM_PATH = java.util.Set.of("period", "listing_key", "order_id",
            "order_ts", "status", "quantity", "unit_price", "line_total");

    /**
     * Whether one of the mapping's globs matches the path, ignoring letter case: exports made on Windows write
     * {@code .CSV} or {@code Shopee/}, and a folder copied from a case-insensitive disk keeps whatever case it had.
     */
    static boolean matches(Mapping m, String rel) {
        java.nio.file.Path p = java.nio.file.Path.of(rel.toLowerCase(Locale.ROOT));
        for (String g : m.files()) {
            if (GLOBS.computeIfAbsent(g, k -> FileSystems.getDefault().getPathMatcher("glob:" + k.toLowerCase(Locale.ROOT))).matches(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compiled globs: a glob is a regular expression compiled once, not once per file and mapping (144 files under 11
     * mappings of five globs each compiled about 8,000 of them at every run's start: a 10k run's ingest took 0.4 s more
     * when four mappings were added).
     */
    private static final java.util.Map<String, PathMatcher> GLOBS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A UTF-16 first line: its byte-order mark, or (without one) a zero byte in at least a third of its bytes. */
    static boolean utf16(byte[] first) {
        if (first.length >= 2 && (((first[0] & 0xff) == 0xFF && (first[1] & 0xff) == 0xFE)
                || ((first[0] & 0xff) == 0xFE && (first[1] & 0xff) == 0xFF))) {
            return true;
        }
        int zeros = 0;
        for (byte b : first) if (b == 0) zeros++;
        return first.length >= 4 && zeros * 3 >= first.length;
    }

    /** An Excel workbook neraca reads: {@code .xlsx} ({@link XlsxWorkbook}). */
    static boolean workbook(String rel) {
        return rel.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** For an Excel file neraca does not read ({@code .xls}, {@code .xlsm}, {@code .xlsb}): what it is and what to do. */
    static String refusedWorkbook(String rel) {
        String r = rel.toLowerCase(Locale.ROOT);
        if (r.endsWith(".xls")) {
            return "an Excel 97-2003 workbook (.xls): a binary BIFF file in an OLE container, which neraca does not read "
                    + "(it reads .xlsx with the JDK alone; a .xls reader would bring Apache POI, whose dependencies conflict "
                    + "with Spark's). Open it in Excel and save it as .xlsx (Excel Workbook) or \"CSV UTF-8\".";
        }
        if (r.endsWith(".xlsm")) {
            return "a macro-enabled Excel workbook (.xlsm), which neraca does not read: marketplaces export .xlsx or CSV, so "
                    + "an .xlsm is a workbook someone reworked, whose values may come from macros neraca does not run. Save "
                    + "the sheet as .xlsx (Excel Workbook) or \"CSV UTF-8\" once its values are final.";
        }
        if (r.endsWith(".xlsb")) {
            return "a binary Excel workbook (.xlsb), which neraca does not read (only the XML workbook, .xlsx). Save it as "
                    + ".xlsx (Excel Workbook) or \"CSV UTF-8\".";
        }
        return null;
    }

    static boolean gzip(String rel) {
        return rel.toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** A browser's name for a file downloaded again: {@code tiktok_orders_2023-03 (1).csv}, {@code Order.all... (2).xlsx}. */
    private static final Pattern DOWNLOADED_AGAIN = Pattern.compile("(.*?) \\((\\d{1,4})\\)((?:\\.[A-Za-z0-9]+)*)");

    /**
     * The key that orders a file's export among the others (the greatest wins a repeated sale): group 1 of
     * export_order on the file name, or the name itself. A name a browser gave a repeated download ("x (1).csv")
     * is keyed as the original name, then by its copy number: a later download of the same export, with statuses
     * that may have moved on, wins over the first (by path alone the original would: ' ' sorts before '.').
     */
    static String exportKey(Mapping m, String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        int copy = 0;
        Matcher again = DOWNLOADED_AGAIN.matcher(name);
        if (again.matches()) {
            name = again.group(1) + again.group(3);
            copy = Integer.parseInt(again.group(2));
        }
        String key;
        String scraped = m.exportOrder() == null ? scrapeDate(m, rel) : null;
        if (scraped != null) {
            // two scrapes of one month share their listings' sale_ids: the later scrape wins, by the date in its path,
            // whatever the files are called (by name, "b_scrape_09-02-2023.csv" beat "a_scrape_20-02-2023.csv" and
            // "sample_data_..." beat "tokopedia-search-2023-02-20/data.csv", and the newer counts were thrown away)
            key = scraped + "\u0002" + name;
        } else if (m.exportOrder() == null) {
            key = name;
        } else {
            Matcher mt = Pattern.compile(m.exportOrder(), Pattern.CASE_INSENSITIVE).matcher(name);
            key = mt.find() ? mt.group(1) : "";
        }
        // U+0001 sorts below every character a key holds: K < K + copy 1 < K + copy 2 < any greater key
        return copy == 0 ? key : key + "\u0001" + String.format(Locale.ROOT, "%04d", copy);
    }

    /** The scrape date in a listing file's path (its period's file_regex), as yyyy-MM-dd; null for other mappings. */
    private static String scrapeDate(Mapping m, String rel) {
        if (!m.listing() || m.columns() == null || m.columns().period() == null || m.columns().period().fileRegex() == null) return null;
        Matcher mt = Pattern.compile(m.columns().period().fileRegex()).matcher(rel);
        return mt.find() && mt.groupCount() >= 1 ? Parsers.snapshotDate(mt.group(1)) : null;
    }

    /**
     * Reads the header (CSV) or first line to check the file; returns the task, or null with an error issue.
     * {@code mappingFile} is the mapping's file as a message names it.
     */
    private static FileTask prepare(Found f, CompiledMapping cm, String mappingFile, List<Issue> issues, PiiSeen seen) {
        Mapping m = cm.mapping();
        boolean gz = gzip(f.rel());
        String key = exportKey(m, f.rel());
        if (m.format().parquet()) {
            return new FileTask(f.rel(), f.uri(), m.name(), key, false, ',', new int[0], new int[0], 0, f.bytes(), f.sha256());
        }
        String packed = packedUnderTextName(f.uri(), gz);
        if (packed != null) {
            issues.add(new Issue(f.rel(), null, NeracaException.EXIT_DATA, packed));
            return null;
        }
        List<byte[]> lines;
        long headerLine;
        // format.header_row: the header is that physical line, whatever the lines above it hold (a report's title)
        int fixed = m.format().csv() ? m.format().fixedHeaderRow() : 0;
        boolean shortOfHeader = false;
        try {
            // a csv file's header is its first line with a value: blank lines, and rows of bare delimiters (what a
            // spreadsheet writes for an empty row), above it are not records, as in a workbook
            String bare = m.format().csv() && m.format().header() ? String.join("", m.format().delimiters()) : "";
            List<Numbered> numbered;
            if (fixed > 0) {
                numbered = new ArrayList<>(firstLines(f.uri(), gz, 2, bare, fixed));
                if (numbered.isEmpty()) {
                    // fewer lines than header_row: the checks below still say what the file is (empty, UTF-16, CR line ends)
                    numbered = new ArrayList<>(firstLines(f.uri(), gz, 1, "", 0));
                    shortOfHeader = !numbered.isEmpty();
                }
            } else {
                numbered = new ArrayList<>(firstLines(f.uri(), gz, 3, bare));
                // Excel's "sep=;" line above the header (it tells Excel the delimiter) is not the header
                if (!bare.isEmpty() && !numbered.isEmpty() && excelSepLine(numbered.get(0).bytes())) numbered.remove(0);
                if (numbered.size() > 2) numbered.remove(2);
            }
            lines = numbered.stream().map(Numbered::bytes).toList();
            headerLine = numbered.isEmpty() ? 1 : numbered.get(0).line();
        } catch (EOFException e) {
            issues.add(new Issue(f.rel(), 1L, NeracaException.EXIT_DATA, "the compressed stream ends before the first line is complete; "
                    + "the file is truncated: download or export it again"));
            return null;
        } catch (IOException e) {
            issues.add(new Issue(f.rel(), null, NeracaException.EXIT_DATA, "cannot read: " + e.getMessage()
                    + (gz ? " (is it really gzip?)" : "")));
            return null;
        }
        if (lines.isEmpty()) {
            issues.add(new Issue(f.rel(), null, 0, "the file is empty (" + f.bytes() + " bytes, no lines): 0 rows read"));
            return new FileTask(f.rel(), f.uri(), m.name(), key, gz, ',', new int[cm.sources().size()], new int[0], 0, f.bytes(), f.sha256());
        }
        if (utf16(lines.get(0))) {
            issues.add(new Issue(f.rel(), 1L, NeracaException.EXIT_DATA, "the file is UTF-16 (Excel's \"Unicode Text\" or "
                    + "UTF-16 export: a byte-order mark FF FE or FE FF, or a zero byte beside every character); neraca reads "
                    + "files line by line in UTF-8 or a single-byte encoding. Export it again as \"CSV UTF-8\", or convert it: "
                    + "iconv -f UTF-16 -t UTF-8 < in > out"));
            return null;
        }
        if (crOnly(lines.get(0))) {
            issues.add(new Issue(f.rel(), headerLine, NeracaException.EXIT_DATA, "the file uses CR line endings (classic Mac OS, or "
                    + "Excel for Mac's \"CSV (Macintosh)\" format): its lines end in a carriage return alone, so the first line runs on into the "
                    + "rows below it. neraca reads lines ending in LF or CRLF. Export it again as \"CSV UTF-8\", or convert it: "
                    + "tr '\\r' '\\n' < in > out"));
            return null;
        }
        if (m.format().jsonl() && prettyJson(lines.get(0))) {
            // one JSON document over many lines (json.dump(items, f, indent=2)): each line a BAD_JSON row, the top reason
            // Jackson's "expected close marker for Array", none saying what the file is
            issues.add(new Issue(f.rel(), headerLine, NeracaException.EXIT_DATA, "the file is one JSON document spread over many "
                    + "lines (pretty-printed; its first line is '" + new String(lines.get(0), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\uFEFF", "").strip() + "'), not JSON Lines, which holds one object per line. Convert it: jq -c '.[]' < in > out "
                    + "for an array of records (jq -c . for a single object), or export it as JSON Lines"));
            return null;
        }
        if (m.format().jsonl()) {
            List<Numbered> records = List.of(new Numbered(headerLine, lines.get(0)));
            if (m.format().orderLines() != null) {
                try {
                    records = firstLines(f.uri(), gz, ORDER_LINES_LOOK, "");
                } catch (IOException e) {
                    // the first record alone, as read above
                }
            }
            Shape shape = arrayShape(m, records, mappingFile);
            if (shape != null) {
                issues.add(new Issue(f.rel(), shape.line(), NeracaException.EXIT_DATA, shape.message()));
                return null;
            }
            List<String> paths = lines.isEmpty() ? List.of() : jsonPaths(lines.get(0));
            if (!paths.isEmpty()) seen.saw(m.name(), paths);
            return new FileTask(f.rel(), f.uri(), m.name(), key, gz, ',', new int[0], new int[0], 0, f.bytes(), f.sha256());
        }
        if (shortOfHeader) {
            long hint = csvHeaderRow(f, cm, gz, -1);
            issues.add(new Issue(f.rel(), null, NeracaException.EXIT_DATA, "the file has fewer than " + fixed + " lines, but "
                    + "format.header_row of mapping '" + m.name() + "' puts its header on line " + fixed
                    + headerRowHint(hint, mappingFile) + ". Fix the export or format.header_row"));
            return null;
        }
        Charset cs = Charset.forName(m.format().encoding());
        byte[] h = lines.get(0);
        int start = h.length >= 3 && (h[0] & 0xff) == 0xEF && (h[1] & 0xff) == 0xBB && (h[2] & 0xff) == 0xBF ? 3 : 0;
        if (start == 3) cs = java.nio.charset.StandardCharsets.UTF_8;   // a UTF-8 byte-order mark says the file's encoding (DumpReader)
        String header;
        try {
            header = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(h, start, h.length - start)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            header = new String(h, start, h.length - start, cs);
        }
        char quote = m.format().quote().charAt(0);
        List<String> names;
        char chosen = 0;
        List<String> missing = null;
        List<String> closestCols = List.of();   // the header under the delimiter that left the fewest columns missing
        if (!m.format().header()) {
            names = m.format().columnNames();
            chosen = m.format().delimiters().get(0).charAt(0);
            missing = missing(cm, names);
        } else {
            names = null;
            for (String d : m.format().delimiters()) {
                String[] cols = CsvLine.split(header, d.charAt(0), quote);
                if (cols == null) continue;
                List<String> trimmed = java.util.Arrays.stream(cols).map(String::trim).toList();
                List<String> miss = missing(cm, trimmed);
                if (miss.isEmpty()) {
                    chosen = d.charAt(0);
                    names = trimmed;
                    break;
                }
                if (missing == null || miss.size() < missing.size()) {
                    missing = miss;
                    closestCols = trimmed;
                }
            }
        }
        if (m.format().header() ? names == null : !missing.isEmpty()) {
            String guess = guessDelimiter(header, m.format().delimiters());
            // a title above the header (a report's name, the shop, the period): say which line holds the columns
            String hint = m.format().header() ? headerRowHint(csvHeaderRow(f, cm, gz, headerLine), mappingFile) : "";
            issues.add(new Issue(f.rel(), headerLine, NeracaException.EXIT_DATA, "the header"
                    + (fixed > 0 ? " (line " + fixed + ", format.header_row)" : "") + " does not have the columns mapping '" + m.name()
                    + "' needs: missing " + missing + nearestColumns(cm, missing, closestCols)
                    + " (delimiters tried: " + m.format().delimiters() + ")"
                    + (guess == null ? "" : "; the header looks '" + guess + "'-separated: add it to format.delimiters if that is right")
                    + hint + ". Header read: " + abbreviate(header) + ". Fix the export or the mapping's columns (optional: true for columns older exports lack)."));
            return null;
        }
        if (m.format().header() && lines.size() < 2) {
            issues.add(new Issue(f.rel(), null, 0, "the file has a header but no rows: 0 rows read"));
        }
        seen.saw(m.name(), names);
        return locate(f, cm, names, headerLine, gz, chosen, issues);
    }

    /**
     * The task for a file whose header has every mapped column: where each source column is (an ambiguous header is
     * refused, naming the columns), and which columns are personal data.
     */
    private static FileTask locate(Found f, CompiledMapping cm, List<String> names, long headerLine, boolean gz, char delimiter,
                                   List<Issue> issues) {
        Mapping m = cm.mapping();
        List<String> cols = names;
        for (String source : cm.sources()) {
            List<Integer> at = matches(cols, source);
            if (at.size() > 1) {
                issues.add(new Issue(f.rel(), headerLine, NeracaException.EXIT_DATA, "the header has " + at.size() + " columns named '"
                        + source + "' (columns " + at.stream().map(i -> (i + 1) + " '" + cols.get(i) + "'").toList()
                        + "): mapping '" + m.name() + "' reads that column and cannot tell which one is meant. Remove or rename "
                        + "the extra column in the export (or name the exact spelling in the mapping when they differ only in "
                        + "letter case or spaces)"));
                return null;
            }
        }
        int[] idx = new int[cm.sources().size()];
        for (int i = 0; i < idx.length; i++) idx[i] = column(names, cm.sources().get(i));
        Set<Integer> pii = new HashSet<>();
        for (String p : cm.pii()) pii.addAll(matches(names, p));  // every copy of a personal-data column is masked
        return new FileTask(f.rel(), f.uri(), m.name(), exportKey(m, f.rel()), gz, delimiter, idx,
                pii.stream().mapToInt(Integer::intValue).toArray(), names.size(), f.bytes(), f.sha256(), 0, null, headerLine);
    }

    /**
     * An {@code .xlsx} workbook matched by a csv mapping: reads its header, the sheet's first row with a value or its
     * row {@code format.header_row} ({@code format.sheet}, default the first sheet), and locates the columns as in a CSV header. A workbook that
     * cannot be opened (damaged, not a zip archive, encrypted) is an error naming the file. One task reads it whole.
     */
    private static FileTask prepareWorkbook(Found f, CompiledMapping cm, String mappingFile, List<Issue> issues, PiiSeen seen) {
        Mapping m = cm.mapping();
        if (!m.format().csv()) {
            issues.add(new Issue(f.rel(), null, NeracaException.EXIT_USAGE, "an Excel workbook matched by mapping '" + m.name()
                    + "', which reads " + m.format().type() + ": a workbook is read like a CSV export, by a mapping with "
                    + "format.type csv and source columns. Remove the .xlsx pattern from its files, or export the file as "
                    + m.format().type()));
            return null;
        }
        String key = exportKey(m, f.rel());
        try (XlsxLocal local = XlsxLocal.of(f.uri());
             XlsxWorkbook book = XlsxWorkbook.open(local.path(), m.format().sheet());
             XlsxWorkbook.Rows rows = book.rows()) {
            XlsxWorkbook.Row first = rows.next();
            if (first == null) {
                issues.add(new Issue(f.rel(), null, 0, "sheet '" + book.sheetName() + "' has no cell with a value: 0 rows read"));
                return new FileTask(f.rel(), f.uri(), m.name(), key, false, ',', new int[cm.sources().size()], new int[0], 0, f.bytes(), f.sha256());
            }
            List<String> names;
            long headerLine;
            XlsxWorkbook.Row data;
            // format.header_row: the header is the sheet's row of that number; the rows above it (a report's title) are not records
            int fixed = m.format().fixedHeaderRow();
            if (m.format().header()) {
                XlsxText plain = XlsxText.plain(book.date1904());
                XlsxWorkbook.Row head = first;
                while (fixed > 0 && head != null && head.number() < fixed) head = rows.next();
                if (fixed > 0 && (head == null || head.number() != fixed)) {
                    names = List.of();          // row header_row is empty, or the sheet ends above it
                    headerLine = fixed;
                    data = head;
                } else {
                    names = sheetHeader(plain, head);
                    headerLine = head.number();
                    data = rows.next();
                }
            } else {
                names = m.format().columnNames();
                headerLine = first.number();
                data = first;
            }
            List<String> missing = missing(cm, names);
            if (!missing.isEmpty()) {
                // a title above the header (Tokopedia's sales report: its header is on row 5): say which row holds the columns
                String hint = m.format().header() ? headerRowHint(sheetHeaderRow(book, cm, headerLine), mappingFile) : "";
                issues.add(new Issue(f.rel(), headerLine, NeracaException.EXIT_DATA, "the header (row " + headerLine + " of sheet '"
                        + book.sheetName() + "', " + (fixed > 0 ? "format.header_row" : "its first row with a value")
                        + ") does not have the columns mapping '" + m.name() + "' needs: missing " + missing
                        + nearestColumns(cm, missing, names) + hint
                        + ". Header read: " + (names.isEmpty() ? "nothing (row " + headerLine + " is empty)"
                        : abbreviate(String.join(" | ", names)))
                        + ". Fix the export, the mapping's columns (optional: true for columns older exports lack), or "
                        + "format.sheet when the orders are on another sheet"));
                return null;
            }
            if (data == null) issues.add(new Issue(f.rel(), null, 0, "sheet '" + book.sheetName() + "' has a header but no rows: 0 rows read"));
            seen.saw(m.name(), names);
            return locate(f, cm, names, headerLine, false, ',', issues);
        } catch (IOException e) {
            issues.add(new Issue(f.rel(), null, NeracaException.EXIT_DATA, "cannot read the workbook: " + e.getMessage()));
            return null;
        }
    }

    /** A sheet row as a header: each cell's text, trimmed, placed by its column (skipped cells are ""). */
    private static List<String> sheetHeader(XlsxText plain, XlsxWorkbook.Row row) {
        int width = 0;
        for (XlsxWorkbook.Cell c : row.cells()) width = Math.max(width, c.column() + 1);
        String[] h = new String[width];
        java.util.Arrays.fill(h, "");
        for (XlsxWorkbook.Cell c : row.cells()) {
            try {
                h[c.column()] = plain.text(c).trim();
            } catch (IllegalArgumentException e) {
                h[c.column()] = c.value().trim();
            }
        }
        return List.of(h);
    }

    /** How far down a header without the mapped columns looks for the row that has them, to name it in the error. */
    static final int HEADER_HINT_ROWS = 20;

    /** The hint naming the row that holds the mapped columns ({@code row} 0: none, no hint). */
    private static String headerRowHint(long row, String mappingFile) {
        return row <= 0 ? "" : "; row " + row + " holds them: set format.header_row: " + row + " in " + mappingFile;
    }

    /**
     * The first of the sheet's first {@link #HEADER_HINT_ROWS} rows, other than {@code tried}, that has every column
     * the mapping needs; 0 when none has (or the sheet cannot be read again).
     */
    private static long sheetHeaderRow(XlsxWorkbook book, CompiledMapping cm, long tried) {
        XlsxText plain = XlsxText.plain(book.date1904());
        try (XlsxWorkbook.Rows rows = book.rows()) {
            for (XlsxWorkbook.Row r = rows.next(); r != null && r.number() <= HEADER_HINT_ROWS; r = rows.next()) {
                if (r.number() != tried && missing(cm, sheetHeader(plain, r)).isEmpty()) return r.number();
            }
        } catch (IOException e) {
            // no hint: the error itself still names the header read
        }
        return 0;
    }

    /**
     * The first of the file's first {@link #HEADER_HINT_ROWS} physical lines, other than {@code tried}, that has every
     * column the mapping needs under one of its delimiters; 0 when none has (or the file cannot be read again).
     */
    private static long csvHeaderRow(Found f, CompiledMapping cm, boolean gz, long tried) {
        Mapping m = cm.mapping();
        Charset cs = Charset.forName(m.format().encoding());
        char quote = m.format().quote().charAt(0);
        List<Numbered> lines;
        try {
            lines = firstLines(f.uri(), gz, HEADER_HINT_ROWS, String.join("", m.format().delimiters()), 0);
        } catch (IOException e) {
            return 0;
        }
        for (Numbered l : lines) {
            if (l.line() > HEADER_HINT_ROWS || l.line() == tried) continue;
            byte[] b = l.bytes();
            int start = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
            String text = new String(b, start, b.length - start, cs);
            for (String d : m.format().delimiters()) {
                String[] cols = CsvLine.split(text, d.charAt(0), quote);
                if (cols != null && missing(cm, java.util.Arrays.stream(cols).map(String::trim).toList()).isEmpty()) return l.line();
            }
        }
        return 0;
    }

    private static List<String> missing(CompiledMapping cm, List<String> names) {
        List<String> miss = new ArrayList<>();
        for (String s : cm.sources()) if (matches(names, s).isEmpty() && !cm.optional(s)) miss.add(s);
        return miss;
    }

    /**
     * Every header column a source column could name: the columns spelled exactly like it, else those equal to it
     * ignoring letter case and runs of spaces. More than one is an ambiguous header (prepare refuses the file).
     */
    static List<Integer> matches(List<String> names, String source) {
        List<Integer> exact = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) if (names.get(i).equals(source)) exact.add(i);
        if (!exact.isEmpty()) return exact;
        String want = loose(source);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) if (loose(names.get(i)).equals(want)) found.add(i);
        return found;
    }

    /**
     * The header column a mapping's source column names: the exact name, else the one name equal to it ignoring
     * letter case and runs of spaces ({@code Order Id}, {@code ORDER  ID} for {@code Order ID}: exports change
     * capitalisation between versions, and a sheet saved from Excel may double a space); -1 when there is none, or
     * more than one (an ambiguous header: {@link #prepare} refuses the file and names the columns).
     */
    static int column(List<String> names, String source) {
        List<Integer> at = matches(names, source);
        return at.size() == 1 ? at.get(0) : -1;
    }

    /**
     * For each missing source column, the header's column nearest to it by name among those the mapping does not read
     * ({@code ; the header has 'Tanggal Pembayaran' (for 'Tanggal Bayar'?): write the name as the header has it}), or
     * "" when none is near: a source misspelt, or renamed by a newer export, was reported as missing with the whole
     * header to search by eye. Near: an edit distance (letter case and runs of spaces ignored) of at most half the
     * longer name, or a word of four or more letters in common.
     */
    static String nearestColumns(CompiledMapping cm, List<String> missing, List<String> header) {
        if (missing == null || missing.isEmpty() || header == null || header.isEmpty()) return "";
        List<String> free = new ArrayList<>();
        for (String h : header) {
            if (h.isBlank()) continue;
            boolean read = false;
            for (String src : cm.sources()) if (!matches(List.of(h), src).isEmpty()) read = true;
            if (!read) free.add(h);
        }
        List<String> found = new ArrayList<>();
        for (String want : missing) {
            String w = loose(want);
            String best = null;
            int bestD = Integer.MAX_VALUE;
            for (String h : free) {
                String l = loose(h);
                int d = id.neraca.config.Yaml.editDistance(w, l);
                boolean near = d <= Math.max(w.length(), l.length()) / 2 || sharesWord(w, l);
                if (near && d < bestD) {
                    best = h;
                    bestD = d;
                }
            }
            if (best != null) found.add("'" + best + "' (for '" + want + "'?)");
        }
        return found.isEmpty() ? "" : "; the header has " + String.join(", ", found)
                + ": write the mapping's source as the header names the column";
    }

    private static boolean sharesWord(String a, String b) {
        Set<String> words = new HashSet<>();
        for (String x : a.split("[^\\p{L}\\p{N}]+")) if (x.length() >= 4) words.add(x);
        for (String y : b.split("[^\\p{L}\\p{N}]+")) if (y.length() >= 4 && words.contains(y)) return true;
        return false;
    }

    /**
     * A header name as the loose match compares it: invisible format characters (a zero-width space U+200B, a joiner, a
     * soft hyphen, a byte-order mark U+FEFF not at the line's start: Unicode category Cf) dropped, no-break spaces as
     * spaces, trimmed, runs of spaces as one, lower case. A header copied from a web page or a sheet that held "Order ID"
     * with a zero-width space was refused as "missing [Order ID]" beside a header read showing Order ID.
     */
    private static String loose(String name) {
        return Parsers.nbspTrim(name.replaceAll("\\p{Cf}", "")).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String guessDelimiter(String header, List<String> tried) {
        String best = null;
        int bestN = 0;
        for (String d : List.of(",", ";", "\t", "|")) {
            if (tried.contains(d)) continue;
            int n = header.split(Pattern.quote(d), -1).length - 1;
            if (n > bestN) {
                bestN = n;
                best = d.equals("\t") ? "\\t" : d;
            }
        }
        return best;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** The first {@code n} non-blank lines as bytes (without line ends). */
    static List<byte[]> firstLines(String uri, boolean gz, int n) throws IOException {
        return firstLines(uri, gz, n, "").stream().map(Numbered::bytes).toList();
    }

    /**
     * What a CSV or JSON Lines dump (gunzipped when its name ends in .gz) is when its first bytes are not text but a
     * compressed archive or an Office document, with the fix; null for anything else. A gzip file kept under its plain
     * name (a browser that saved a gzip-encoded download as is) or a workbook saved as ".csv" was reported as a header
     * missing every column, printed as binary, or, as JSON Lines, as one BAD_ENCODING row per "line" ("re-export as
     * UTF-8"), none of which says what the file is.
     */
    static String packedUnderTextName(String uri, boolean gz) {
        byte[] b = new byte[8];
        int n = 0;
        Path p = new Path(uri);
        try (InputStream raw = p.getFileSystem(id.neraca.core.HadoopConf.shared()).open(p);
             InputStream in = gz ? new GZIPInputStream(raw) : raw) {
            for (int r; n < b.length && (r = in.read(b, n, b.length - n)) > 0; ) n += r;
        } catch (IOException e) {
            return null;   // empty, or not gzip after all: the header read says so
        }
        String also = gz ? " inside its gzip compression" : "";
        if (n >= 2 && (b[0] & 0xff) == 0x1F && (b[1] & 0xff) == 0x8B) {
            return gz ? "the file is gzip-compressed twice (gzip inside gzip): decompress it once (gzip -dc < in > out) and "
                    + "keep the .gz name, or decompress it twice"
                    : "the file is gzip-compressed, but its name does not end in .gz (a download saved as is): decompress it "
                    + "(gzip -dc < in > out), or add .gz to its name where the mapping's files patterns read .gz";
        }
        if (n >= 4 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6))) {
            return "the file is a zip archive" + also + ", not text: an Excel workbook (.xlsx) saved or renamed with a text "
                    + "file's name is one. If it opens in Excel, give it the .xlsx extension (or save it as \"CSV UTF-8\"); "
                    + "otherwise give it the .zip extension, and neraca unpacks it";
        }
        if (n >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11 && (b[3] & 0xff) == 0xE0
                && (b[4] & 0xff) == 0xA1 && (b[5] & 0xff) == 0xB1 && (b[6] & 0xff) == 0x1A && (b[7] & 0xff) == 0xE1) {
            return "the file is an Excel 97-2003 workbook (.xls) or another Office document" + also + ", not text: open it in "
                    + "Excel and save it as \"CSV UTF-8\" or .xlsx (Excel Workbook)";
        }
        return null;
    }

    /** A JSON Lines file's first line with a value that only opens a document: {@code [} or <code>{</code> alone. */
    static boolean prettyJson(byte[] first) {
        String t = new String(first, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        return t.equals("[") || t.equals("{");
    }

    /** An entry of a zip archive that is a zip archive itself ({@code orders.zip/2024/march.zip}): not unpacked. */
    static boolean nestedZip(String rel) {
        String r = rel.toLowerCase(Locale.ROOT);
        return r.endsWith(".zip") && r.substring(0, r.length() - 4).contains(".zip/");
    }

    /** Excel's delimiter hint, {@code sep=;} (any one character, any letter case), alone on a line. */
    static boolean excelSepLine(byte[] b) {
        int start = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        String t = new String(b, start, b.length - start, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
        return t.length() == 5 && t.regionMatches(true, 0, "sep=", 0, 4);
    }

    /**
     * A first line (without its line end) holding a carriage return: a file whose lines end in CR alone (classic Mac OS),
     * read as one line. Its header then seems to lack only its last column, which ran on into the rows.
     */
    static boolean crOnly(byte[] firstLine) {
        for (byte b : firstLine) if (b == '\r') return true;
        return false;
    }

    /** A line's bytes (without its line end) and its physical number from 1. */
    record Numbered(long line, byte[] bytes) {}

    /**
     * The first {@code n} lines with a value, with their line numbers: lines of only spaces, tabs and the characters
     * of {@code bare} (a csv mapping's delimiters: a spreadsheet's empty row) are skipped, as is a lone BOM.
     */
    static List<Numbered> firstLines(String uri, boolean gz, int n, String bare) throws IOException {
        return firstLines(uri, gz, n, bare, 0);
    }

    /**
     * As {@link #firstLines(String, boolean, int, String)}, from physical line {@code from} (format.header_row; 0 or 1:
     * the first line): the lines above it are not read as anything, and line {@code from} itself is taken even when it
     * has no value (the header is that line, or the file is refused). Empty when the file has fewer lines.
     */
    static List<Numbered> firstLines(String uri, boolean gz, int n, String bare, long from) throws IOException {
        Path p = new Path(uri);
        FileSystem fs = p.getFileSystem(id.neraca.core.HadoopConf.shared());
        List<Numbered> out = new ArrayList<>();
        try (InputStream raw = new BufferedInputStream(fs.open(p));
             InputStream in = gz ? new GZIPInputStream(raw) : raw) {
            ByteArrayOutputStream cur = new ByteArrayOutputStream();
            long line = 0;
            int c;
            while (out.size() < n && (c = in.read()) >= 0) {
                if (c == '\n') {
                    if (++line >= from) add(out, line, cur, bare, line == from);
                    cur.reset();
                } else if (cur.size() < (1 << 20)) {
                    cur.write(c);
                }
            }
            if (out.size() < n && cur.size() > 0 && ++line >= from) add(out, line, cur, bare, line == from);
        }
        return out;
    }

    private static void add(List<Numbered> out, long line, ByteArrayOutputStream cur, String bare, boolean always) {
        byte[] b = cur.toByteArray();
        int len = b.length;
        if (len > 0 && b[len - 1] == '\r') len--;
        int start = len >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        boolean blank = !always;
        for (int i = start; i < len && blank; i++) if (b[i] != ' ' && b[i] != '\t' && bare.indexOf(b[i]) < 0) blank = false;
        if (!blank) out.add(new Numbered(line, java.util.Arrays.copyOf(b, len)));
    }

    /**
     * Every file under {@code dumps} that is a dump, zip entries unpacked to a temp folder; a zip entry that is not
     * read (its path leaves the archive) is a warning in {@code issues}.
     */
    private static List<Found> list(String dumps, long splitBytes, List<Issue> issues) {
        List<Found> out = new ArrayList<>();
        try {
            Path root = new Path(dumps);
            FileSystem fs = root.getFileSystem(id.neraca.core.HadoopConf.shared());
            if (!fs.exists(root)) {
                throw NeracaException.usage("%s: the dumps folder does not exist. Pass --dumps DIR.", dumps);
            }
            Path qroot = fs.makeQualified(root);
            String prefix = qroot.toUri().getPath();
            if (!prefix.endsWith("/")) prefix += "/";
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(qroot, true);
            List<LocatedFileStatus> files = new ArrayList<>();
            while (it.hasNext()) files.add(it.next());
            files.sort(Comparator.comparing(s -> s.getPath().toString()));
            // checksums of the plain files on all driver cores (they read every byte: ~half the planning time of a
            // large run); zip archives are hashed entry by entry while unpacking, below
            final String pre = prefix;
            Map<Path, Scan> sums = new java.util.concurrent.ConcurrentHashMap<>();
            try {
                files.parallelStream().filter(s -> {
                    String full = s.getPath().toUri().getPath();
                    String rel = full.startsWith(pre) ? full.substring(pre.length()) : s.getPath().getName();
                    return !notADump(rel) && !rel.endsWith(".crc") && !rel.toLowerCase(Locale.ROOT).endsWith(".zip");
                }).forEach(s -> {
                    try {
                        String name = s.getPath().getName().toLowerCase(Locale.ROOT);
                        boolean split = splitBytes > 0 && s.getLen() > splitBytes && !gzip(name) && !name.endsWith(".parquet") && !workbook(name);
                        sums.put(s.getPath(), split ? scan(fs, s.getPath(), splitBytes) : new Scan(sha256(fs, s.getPath()), null));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            for (LocatedFileStatus s : files) {
                String full = s.getPath().toUri().getPath();
                String rel = full.startsWith(prefix) ? full.substring(prefix.length()) : s.getPath().getName();
                if (notADump(rel)) continue;
                if (rel.endsWith(".crc")) continue;
                if (rel.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    out.addAll(unzip(fs, s.getPath(), rel, issues));
                } else {
                    Scan sc = sums.get(s.getPath());
                    out.add(new Found(rel, rel, s.getPath().toString(), s.getLen(), sc.sha256(), sc.boundaryNewlines()));
                }
            }
        } catch (IOException e) {
            throw NeracaException.usage("%s: cannot list the dumps folder: %s", dumps, e.getMessage());
        }
        return out;
    }

    /**
     * A zip archive's entries. Names flagged UTF-8 are UTF-8; unflagged names are read as UTF-8 when they are valid
     * UTF-8, else as code page 437, the zip format's own: Windows Explorer's "Send to > Compressed folder" writes
     * {@code café} unflagged in the OEM code page, which a UTF-8 reader refused with an IllegalArgumentException
     * (exit 1, naming no file).
     */
    private static List<Found> unzip(FileSystem fs, Path zip, String rel, List<Issue> issues) throws IOException {
        List<Issue> found = new ArrayList<>();
        List<Found> out;
        try {
            out = unzip(fs, zip, rel, java.nio.charset.StandardCharsets.UTF_8, found);
        } catch (IllegalArgumentException e) {
            found.clear();
            out = unzip(fs, zip, rel, Charset.forName("IBM437"), found);
        }
        issues.addAll(found);
        return out;
    }

    /**
     * A zip entry's path inside its archive, normalised: {@code \} read as {@code /}, empty and {@code .} segments
     * dropped, an inner {@code ..} taking back the segment before it ({@code ./orders.csv} → {@code orders.csv},
     * {@code a/../b/orders.csv} → {@code b/orders.csv}). Null when the path leaves the archive: absolute
     * ({@code /x}, {@code C:/x}), a {@code ..} above the archive's root, or nothing left. Such entries used to be
     * skipped without a word (their {@code .} and {@code ..} segments read as hidden folders), and their rows vanished.
     */
    static String zipEntryPath(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':' && Character.isLetter(n.charAt(0)))) return null;
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String seg : n.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.removeLast();
                continue;
            }
            parts.addLast(seg);
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    private static List<Found> unzip(FileSystem fs, Path zip, String rel, Charset names, List<Issue> issues) throws IOException {
        List<Found> out = new ArrayList<>();
        java.nio.file.Path tmp = Files.createTempDirectory("neraca-unzip-");
        tmp.toFile().deleteOnExit();
        String parent = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
        String reading = null;   // the entry being unpacked, as a damaged archive's error names it
        try (ZipInputStream zin = new ZipInputStream(new BufferedInputStream(fs.open(zip)), names)) {
            ZipEntry e;
            int n = 0;
            int entries = 0;
            while ((e = zin.getNextEntry()) != null) {
                reading = e.getName();
                if (e.isDirectory()) continue;
                entries++;
                String entry = zipEntryPath(e.getName());
                if (entry == null) {
                    issues.add(new Issue(rel, null, 0, "zip entry '" + e.getName() + "' is not read: its path leaves the "
                            + "archive (absolute, or '..' above the archive's root). Unpack the archive, move the file "
                            + "inside it, and zip it again (or put the file itself in the dumps folder)."));
                    continue;
                }
                // entries are written under a generated name, never their own path: nothing in a name can escape tmp
                if (notADump(entry)) continue;
                java.nio.file.Path target = tmp.resolve(String.format(Locale.ROOT, "%04d-", n++) + entry.replace('/', '_'));
                MessageDigest md = md();
                long bytes = unpack(zin, md, target);
                target.toFile().deleteOnExit();
                // the Hadoop path's own text: a java.net.URI string writes a space as %20, which new Path(String) keeps
                // literally, so an entry named "Order all.csv" was "file ... does not exist" (exit 3)
                out.add(new Found(rel + "/" + entry, parent + entry, new Path(target.toUri()).toString(), bytes,
                        HexFormat.of().formatHex(md.digest())));
            }
            if (entries == 0) {
                // ZipInputStream reads junk as an archive without entries: a damaged or empty archive must not vanish
                throw NeracaException.data("%s: the zip archive holds no files (empty, or not a zip archive: %d bytes). "
                        + "Export or download it again, or remove it from the dumps folder.", rel, fs.getFileStatus(zip).getLen());
            }
            // ZipInputStream ends without a word where a cut archive stops between two entries: the entries after the
            // cut were lost silently (a download interrupted read as an archive of fewer files, exit 0). A whole archive
            // ends with its central directory's end record.
            if (!endOfCentralDirectory(fs, zip)) {
                throw NeracaException.data("%s: the zip archive is truncated: it ends before its central directory (%d bytes), "
                        + "so files after the cut would be missing without a word (%d read before it). Download or export it "
                        + "again, or remove it from the dumps folder.", rel, fs.getFileStatus(zip).getLen(), out.size());
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();   // writing the unpacked copy failed (a full temp disk): not the archive's fault
        } catch (IOException e) {
            // a ZipException (a damaged entry) or an EOFException (the archive cut inside an entry): the archive's fault,
            // named with the entry; an EOFException once reached the user as "<dumps>: cannot list the dumps folder:
            // Unexpected end of ZLIB input stream" (exit 2, no file named)
            throw NeracaException.data("%s: not a readable zip archive, damaged or truncated%s: %s. Download or export it "
                    + "again, or remove it from the dumps folder.", rel, reading == null ? "" : " (at entry '" + reading + "')",
                    e.getMessage());
        }
        return out;
    }

    /**
     * Copies the zip entry {@code zin} is at to {@code target}, hashing it; an IOException is a read of the archive, a
     * failed write to the temp copy an UncheckedIOException.
     */
    private static long unpack(ZipInputStream zin, MessageDigest md, java.nio.file.Path target) throws IOException {
        byte[] b = new byte[1 << 16];
        long bytes = 0;
        OutputStream o;
        try {
            o = Files.newOutputStream(target);
        } catch (IOException w) {
            throw new java.io.UncheckedIOException(w);
        }
        try {
            int r;
            while ((r = zin.read(b)) > 0) {
                md.update(b, 0, r);
                try {
                    o.write(b, 0, r);
                } catch (IOException w) {
                    throw new java.io.UncheckedIOException(w);
                }
                bytes += r;
            }
        } finally {
            try {
                o.close();
            } catch (IOException w) {
                throw new java.io.UncheckedIOException(w);
            }
        }
        return bytes;
    }

    /** Whether the archive ends with an end-of-central-directory record (PK 5 6, its comment reaching to the end at most). */
    static boolean endOfCentralDirectory(FileSystem fs, Path zip) throws IOException {
        long len = fs.getFileStatus(zip).getLen();
        int tail = (int) Math.min(len, 22 + 65535);
        if (tail < 22) return false;
        byte[] b = new byte[tail];
        try (org.apache.hadoop.fs.FSDataInputStream in = fs.open(zip)) {
            in.readFully(len - tail, b);
        }
        for (int i = tail - 22; i >= 0; i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                int comment = (b[i + 20] & 0xff) | (b[i + 21] & 0xff) << 8;
                if (i + 22 + comment <= tail) return true;
            }
        }
        return false;
    }

    private static String sha256(FileSystem fs, Path p) throws IOException {
        if (fs instanceof org.apache.hadoop.fs.LocalFileSystem) return Hashing.sha256(id.neraca.core.LocalFiles.nio(p));
        MessageDigest md = md();
        try (InputStream in = fs.open(p)) {
            byte[] b = new byte[1 << 16];
            int r;
            while ((r = in.read(b)) > 0) md.update(b, 0, r);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The checksum, and in the same pass the newline count before each split boundary: before byte
     * {@code k × splitBytes − 1} for k = 1, 2, ... while byte {@code k × splitBytes} is in the file (about 30% on top of the checksum's
     * own read, on the driver, only for files large enough to split).
     */
    static Scan scan(FileSystem fs, Path p, long splitBytes) throws IOException {
        MessageDigest md = md();
        List<Long> counts = new ArrayList<>();
        try (InputStream in = fs instanceof org.apache.hadoop.fs.LocalFileSystem
                ? Files.newInputStream(id.neraca.core.LocalFiles.nio(p)) : fs.open(p)) {
            byte[] b = new byte[1 << 16];
            long pos = 0;     // file offset of b[0]
            long newlines = 0;
            long next = splitBytes - 1;
            boolean cr = false;      // the byte before was a carriage return
            boolean bareCr = false;  // a carriage return not before LF: a line end the reader counts, newlines do not
            int r;
            while ((r = in.read(b)) > 0) {
                md.update(b, 0, r);
                int i = 0;
                while (true) {
                    int stop = next < pos + r ? (int) (next - pos) : r;
                    for (; i < stop; i++) {
                        byte c = b[i];
                        if (c == '\n') newlines++;
                        else if (cr) bareCr = true;
                        cr = c == '\r';
                    }
                    if (stop == r) break;
                    counts.add(newlines);     // newlines in [0, next)
                    next += splitBytes;
                }
                pos += r;
            }
            // a range starting at the end of the file would be empty
            while (!counts.isEmpty() && counts.size() * splitBytes >= pos) counts.remove(counts.size() - 1);
            // lines ending in CR alone (an export from a classic-Mac tool joined to others): the reader numbers them as
            // lines, which a count of LF bytes cannot give a range's first line; such a file is read whole, by one task
            if (bareCr || cr) return new Scan(HexFormat.of().formatHex(md.digest()), null);
        }
        return new Scan(HexFormat.of().formatHex(md.digest()), counts.stream().mapToLong(Long::longValue).toArray());
    }

    private static MessageDigest md() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An unmatched text file whose header (among its first 20 lines) has every column a csv mapping requires, and which
     * that mapping's globs would match inside the mapping's folder: the file is an export of it outside its folder,
     * usually because --dumps names the marketplace's folder itself ({@code --dumps data/samples/shopee}). Says so
     * plainly, with the fix ("pass its parent folder" or "move it into shopee/"); empty otherwise. "Nearest: shopee
     * (same extension, 14 of 14 mapped columns in the header)" left the user to work that out.
     */
    static String misplaced(Found f, List<Mapping> mappings, String dumps) {
        String lower = f.rel().toLowerCase(Locale.ROOT);
        if (workbook(f.rel()) || refusedWorkbook(f.rel()) != null || lower.endsWith(".parquet") || lower.endsWith(".zip")) return "";
        List<String> lines = new ArrayList<>();
        try {
            for (byte[] b : firstLines(f.uri(), gzip(f.rel()), 20)) {
                if (!excelSepLine(b)) lines.add(new String(b, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", ""));
            }
        } catch (IOException | RuntimeException e) {
            return "";   // a file we cannot read has no header to compare
        }
        List<String> found = new ArrayList<>();
        String folder = null;
        for (Mapping m : mappings) {
            if (!m.format().csv() || !m.format().header()) continue;
            String into = folderThatMatches(m, f.matchPath());
            if (into == null || !hasEveryColumn(new CompiledMapping(m), m.format(), lines)) continue;
            if (folder == null) folder = into;
            if (into.equals(folder)) found.add(m.name());
        }
        if (found.isEmpty()) return "";
        String trimmed = dumps.replaceAll("/+$", "");
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        String fix = last.equalsIgnoreCase(folder) && trimmed.contains("/")
                ? "--dumps " + dumps + " is that folder itself: pass the folder above it (--dumps " + trimmed.substring(0, trimmed.lastIndexOf('/'))
                + "), or move the file into " + folder + "/ under --dumps"
                : "move it into a " + folder + "/ folder under --dumps (" + trimmed + "/" + folder + "/), or pass as --dumps the folder that "
                + "holds " + folder + "/";
        return "It looks like an export for mapping " + String.join(" or ", found.stream().limit(2).map(n -> "'" + n + "'").toList())
                + " (its header has every column " + (found.size() == 1 ? "it requires" : "they require") + "), but it is not in a " + folder
                + "/ folder under --dumps: " + fix + ". ";
    }

    /** The folder of one of the mapping's globs ({@code shopee} of {@code shopee/*.csv}) inside which it would match the path. */
    private static String folderThatMatches(Mapping m, String matchPath) {
        for (String g : m.files()) {
            int slash = g.indexOf('/');
            if (slash <= 0) continue;
            String folder = g.substring(0, slash);
            if (folder.matches(".*[*?\\[\\]{}].*")) continue;
            if (matches(m, folder + "/" + matchPath)) return folder;
        }
        return null;
    }

    /** One of {@code lines}, split by one of the mapping's delimiters, has every source column the mapping requires. */
    private static boolean hasEveryColumn(CompiledMapping cm, id.neraca.ingest.mapping.Format fmt, List<String> lines) {
        List<String> required = cm.sources().stream().filter(s -> !cm.optional(s)).toList();
        if (required.isEmpty()) return false;
        for (String line : lines) {
            for (String d : fmt.delimiters()) {
                String[] cells = CsvLine.split(line, d.charAt(0), fmt.quote().charAt(0));
                if (cells == null) continue;
                List<String> names = java.util.Arrays.asList(cells);
                if (required.stream().allMatch(s -> !matches(names, s).isEmpty())) return true;
            }
        }
        return false;
    }

    /** The two mappings closest to an unmatched file: by glob shape (folder, extension) and header overlap. */
    static String nearest(Found f, List<Mapping> mappings) {
        String header = null;
        try {
            List<byte[]> l = firstLines(f.uri(), gzip(f.rel()), 1);
            if (!l.isEmpty()) header = new String(l.get(0), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // a file we cannot read has no header to compare
        }
        String folder = f.matchPath().contains("/") ? f.matchPath().substring(0, f.matchPath().indexOf('/')) : "";
        String ext = f.matchPath().replaceAll("^.*?((\\.[a-zA-Z0-9]+)+)$", "$1");
        record Score(String name, double score, String why) {}
        List<Score> scores = new ArrayList<>();
        for (Mapping m : mappings) {
            double s = 0;
            List<String> why = new ArrayList<>();
            for (String g : m.files()) {
                if (!folder.isEmpty() && g.startsWith(folder + "/")) {
                    s += 1;
                    why.add("same folder");
                    break;
                }
            }
            for (String g : m.files()) {
                if (g.endsWith(ext)) {
                    s += 0.5;
                    why.add("same extension");
                    break;
                }
            }
            if (header != null) {
                List<String> src = new CompiledMapping(m).sources();
                long hit = headerHits(m, src, header);
                if (!src.isEmpty() && hit > 0) {
                    double share = (double) hit / src.size();
                    s += 2 * share;
                    why.add(String.format(Locale.ROOT, "%d of %d mapped columns in the header", hit, src.size()));
                }
            }
            scores.add(new Score(m.name(), s, String.join(", ", why)));
        }
        scores.sort(Comparator.comparingDouble(Score::score).reversed().thenComparing(Score::name));
        List<String> out = new ArrayList<>();
        for (Score s : scores.subList(0, Math.min(2, scores.size()))) {
            out.add(s.name() + (s.why().isEmpty() ? "" : " (" + s.why() + ")") + " globs " + mappingGlobs(mappings, s.name()));
        }
        return String.join("; ", out);
    }

    /**
     * How many of a mapping's source columns the file's first line holds: for a CSV mapping with a header, as whole cells
     * under the mapping's delimiters and header rules (a word found anywhere in the line once ranked a 4-column test
     * mapping first for a Lazada export, "3 of 4 mapped columns", none of them a column of the file); otherwise, for JSON
     * Lines and the rest, as text in the line.
     */
    private static long headerHits(Mapping m, List<String> src, String header) {
        if (m.format().csv() && m.format().header()) {
            String line = header.replace("\uFEFF", "");
            long best = 0;
            for (String d : m.format().delimiters()) {
                String[] cells = CsvLine.split(line, d.charAt(0), m.format().quote().charAt(0));
                if (cells == null) continue;
                List<String> names = java.util.Arrays.asList(cells);
                best = Math.max(best, src.stream().filter(c -> !matches(names, c).isEmpty()).count());
            }
            return best;
        }
        String lower = header.toLowerCase(Locale.ROOT);
        return src.stream().filter(c -> lower.contains(c.toLowerCase(Locale.ROOT))).count();
    }

    private static List<String> mappingGlobs(List<Mapping> ms, String name) {
        return ms.stream().filter(m -> m.name().equals(name)).findFirst().map(Mapping::files).orElse(List.of());
    }
}
