package id.neraca.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.config.NeracaConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The run's lineage, {@code out/manifest.json}: run id, start and end, code version, the hash of every
 * configuration, mapping and reference file, every input file (filled in by ingest), counts and timings
 * per stage, the Spark master and version. A stage run alone updates its own section and keeps the others.
 * Field reference: docs/OUTPUTS.md.
 */
public final class Manifest {
    public static final String FILE = "manifest.json";
    static final String CONFIGURATIONS = "configurations";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root;

    private Manifest(ObjectNode root) {
        this.root = root;
    }

    /** Starts a manifest for a run, keeping the stage sections of a previous manifest if there was one. */
    public static Manifest start(String runId, String command, java.util.Optional<String> previous) {
        ObjectNode root = JSON.createObjectNode();
        if (previous.isPresent()) {
            try {
                JsonNode old = JSON.readTree(previous.get());
                if (old instanceof ObjectNode o) {
                    if (o.has("stages")) root.set("stages", o.get("stages"));
                    if (o.has("inputs")) root.set("inputs", o.get("inputs"));
                    // the configurations the kept stage sections ran under (a manifest from before this field: its last one)
                    if (o.get(CONFIGURATIONS) instanceof ObjectNode h) root.set(CONFIGURATIONS, h);
                    JsonNode last = o.path("configuration");
                    if (last instanceof ObjectNode c && c.path("fingerprint").isTextual()
                            && !root.path(CONFIGURATIONS).has(c.path("fingerprint").asText())) {
                        (root.get(CONFIGURATIONS) instanceof ObjectNode h ? h : root.putObject(CONFIGURATIONS))
                                .set(c.path("fingerprint").asText(), c);
                    }
                }
            } catch (IOException e) {
                Log.warn("the previous manifest.json is unreadable (%s); starting a new one", e.getMessage());
            }
        }
        root.put("manifest_version", 1);
        root.put("run_id", runId);
        root.put("command", command);
        root.put("started", Instant.now().toString());
        root.putNull("ended");
        root.put("status", "RUNNING");
        if (!root.has("stages")) root.putObject("stages");
        return new Manifest(root);
    }

    public ObjectNode root() {
        return root;
    }

    /**
     * Every configuration a stage section still refers to, by fingerprint ({@code configurations.<fingerprint>}: file,
     * sha256, files, as {@code configuration}). A stage run alone after the configuration changed leaves the earlier
     * stages' sections, and their outputs, made under the earlier files: the lineage must keep those, not only the
     * files of the last command (a report after a rules edit listed the new rules next to figures of the old ones).
     */
    public ObjectNode history() {
        if (root.get(CONFIGURATIONS) instanceof ObjectNode h) return h;
        return root.putObject(CONFIGURATIONS);
    }

    /** The configuration of {@code fingerprint}, from the history or the current one; missing node when unknown. */
    public JsonNode configuration(String fingerprint) {
        JsonNode cur = root.path("configuration");
        if (fingerprint.equals(cur.path("fingerprint").asText())) return cur;
        return history().path(fingerprint);
    }

    /**
     * The files that differ between the configuration of {@code fingerprint} and the current one: their paths, sorted
     * (the config file by its path; a file added, removed or with another SHA-256). Empty when either is unknown.
     */
    public List<String> changedSince(String fingerprint) {
        JsonNode then = configuration(fingerprint);
        JsonNode now = root.path("configuration");
        if (then.isMissingNode() || now.isMissingNode()) return List.of();
        java.util.Map<String, String> a = files(then);
        java.util.Map<String, String> b = files(now);
        // a configuration copied elsewhere (--config COPY/neraca.yaml) names the same files by other paths: a file is
        // paired with the one of the same name when that name is unique on both sides, so an unchanged file is not
        // "changed" for having moved, and an edited one is named by its current path, which the stages' readers know
        // (every file of a copied config was "changed", the rules among them by their old path, so ingest was told to rerun)
        java.util.Map<String, String> moved = relocated(a, b);
        java.util.TreeSet<String> changed = new java.util.TreeSet<>();
        for (String path : a.keySet()) {
            String to = b.containsKey(path) ? path : moved.getOrDefault(path, path);
            if (!a.get(path).equals(b.get(to))) changed.add(b.containsKey(to) ? to : path);
        }
        java.util.Set<String> paired = new java.util.HashSet<>(moved.values());
        for (String path : b.keySet()) if (!a.containsKey(path) && !paired.contains(path)) changed.add(path);
        return List.copyOf(changed);
    }

    /** Old path → new path for files present at one path before and another now, paired by a name unique on both sides. */
    private static java.util.Map<String, String> relocated(java.util.Map<String, String> before, java.util.Map<String, String> now) {
        java.util.Map<String, List<String>> oldByName = byName(before.keySet().stream().filter(p -> !now.containsKey(p)).toList());
        java.util.Map<String, List<String>> newByName = byName(now.keySet().stream().filter(p -> !before.containsKey(p)).toList());
        java.util.Map<String, String> out = new java.util.HashMap<>();
        oldByName.forEach((name, olds) -> {
            List<String> news = newByName.get(name);
            if (olds.size() == 1 && news != null && news.size() == 1) out.put(olds.get(0), news.get(0));
        });
        return out;
    }

    private static java.util.Map<String, List<String>> byName(List<String> paths) {
        java.util.Map<String, List<String>> m = new java.util.HashMap<>();
        for (String p : paths) {
            Path f = Path.of(p).getFileName();
            m.computeIfAbsent(f == null ? p : f.toString(), k -> new java.util.ArrayList<>()).add(p);
        }
        return m;
    }

    private static java.util.Map<String, String> files(JsonNode configuration) {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        m.put(configuration.path("file").asText(), configuration.path("sha256").asText());
        for (JsonNode f : configuration.path("files")) m.put(f.path("path").asText(), f.path("sha256").asText());
        return m;
    }

    /** The section of one stage, replaced fresh each time the stage runs. */
    public ObjectNode stage(String name) {
        ObjectNode stages = (ObjectNode) root.get("stages");
        JsonNode existing = stages.get(name);
        if (existing instanceof ObjectNode o && o.path("run_id").asText().equals(root.path("run_id").asText())) {
            return o;
        }
        ObjectNode n = stages.putObject(name);
        n.put("run_id", root.path("run_id").asText());
        // a stage's section outlives the command that wrote it (a later `neraca report` keeps the aggregate's section):
        // the configuration and code it ran under go with it, so each output stays traceable to them
        JsonNode fp = root.path("configuration").path("fingerprint");
        if (fp.isTextual()) n.put("configuration_fingerprint", fp.asText());
        JsonNode commit = root.path("code_version").path("git_commit");
        if (commit.isTextual()) n.put("git_commit", commit.asText());
        return n;
    }

    /** Input files, as ingest records them; replaced by each ingest. */
    public ArrayNode inputs() {
        JsonNode n = root.get("inputs");
        if (n instanceof ArrayNode a) return a;
        return root.putArray("inputs");
    }

    public void resetInputs() {
        root.putArray("inputs");
    }

    public void codeVersion(Path home) {
        ObjectNode cv = root.putObject("code_version");
        String version = Manifest.class.getPackage().getImplementationVersion();
        cv.put("jar_version", version == null ? "dev" : version);
        // the JVM: two runs of one commit on another Java may differ in the last digits of the projection's doubles
        cv.put("java_version", System.getProperty("java.version"));
        // the folder the run started from: the report shows the paths under it relative to it
        cv.put("project_home", home.toAbsolutePath().normalize().toString());
        String commit = git(home, "rev-parse", "HEAD");
        cv.put("git_commit", commit == null ? "unknown" : commit);
        String status = git(home, "status", "--porcelain", "--untracked-files=no");
        if (status == null) cv.putNull("git_dirty");
        else cv.put("git_dirty", !status.isBlank());
    }

    public void spark(String master, String version) {
        ObjectNode s = root.putObject("spark");
        s.put("master", master);
        s.put("version", version);
    }

    /**
     * Hashes the config file and every mapping and reference file, so a figure can be traced to them. The config's
     * folder is not walked: only the files the configuration names are (its rules file, tables named outside the
     * reference folder). A config kept next to other things (a home folder, {@code /etc/neraca} beside the seller
     * key, a scratch folder holding dumps and earlier outputs) had every file under its folder hashed into the
     * manifest and the report's lineage.
     */
    public void configFiles(NeracaConfig.Loaded config) {
        var cfg = config.config();
        Path ref = config.referenceDir();
        List<Path> named = new java.util.ArrayList<>(List.of(config.file()));
        named.add(cfg.classify().rulesPath(config));
        named.add(cfg.classify().brandOriginsPath(config));
        named.add(cfg.classify().fxMonthlyPath(config));
        named.add(ref.resolve(cfg.project().coverage().benchmarksFile()));
        named.add(ref.resolve(cfg.project().coverage().fxFile()));
        named.add(ref.resolve(cfg.report().provincesFile()));
        configFiles(config.file(), named, config.mappingsDir(), ref);
    }

    /** The config file, the {@code named} files that exist, and every file under the mapping and reference folders. */
    void configFiles(Path configFile, List<Path> named, Path mappingsDir, Path referenceDir) {
        ObjectNode c = root.putObject("configuration");
        c.put("file", configFile.toString());
        c.put("sha256", Hashing.sha256(configFile));
        ArrayNode files = c.putArray("files");
        java.util.Set<Path> seen = new java.util.HashSet<>();
        java.util.function.Consumer<Path> add = p -> {
            if (!seen.add(p.toAbsolutePath().normalize())) return;
            ObjectNode f = files.addObject();
            f.put("path", p.toString());
            f.put("sha256", Hashing.sha256(p));
        };
        // named files outside the walked folders first (the config's own folder), then the folders, in path order
        Path maps = mappingsDir.toAbsolutePath().normalize();
        Path refs = referenceDir.toAbsolutePath().normalize();
        named.stream().filter(Files::isRegularFile)
                .filter(p -> !p.toAbsolutePath().normalize().startsWith(maps) && !p.toAbsolutePath().normalize().startsWith(refs))
                .sorted().forEach(add);
        for (Path dir : List.of(mappingsDir, referenceDir)) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).sorted().toList().forEach(add);
            } catch (IOException e) {
                throw NeracaException.other("%s: cannot list: %s", dir, e.getMessage());
            }
        }
        c.put("fingerprint", fingerprint(c));
        history().set(c.path("fingerprint").asText(), c.deepCopy());
    }

    /**
     * One hash of the configuration's contents: the config file's and every listed file's SHA-256, sorted (the same
     * files give the same fingerprint whichever path they were named by); each stage section carries it.
     */
    static String fingerprint(ObjectNode configuration) {
        List<String> hashes = new java.util.ArrayList<>();
        hashes.add("config " + configuration.path("sha256").asText());
        for (JsonNode f : configuration.path("files")) hashes.add(f.path("sha256").asText());
        java.util.Collections.sort(hashes);
        return Hashing.sha256(String.join("\n", hashes).getBytes(StandardCharsets.UTF_8));
    }

    public void finish(String status) {
        root.put("ended", Instant.now().toString());
        root.put("status", status);
        pruneHistory();
    }

    /** Drops the configurations no stage section refers to any more. */
    void pruneHistory() {
        java.util.Set<String> used = new java.util.HashSet<>();
        root.path("stages").forEach(s -> used.add(s.path("configuration_fingerprint").asText("")));
        List<String> unused = new java.util.ArrayList<>();
        history().fieldNames().forEachRemaining(fp -> {
            if (!used.contains(fp)) unused.add(fp);
        });
        history().remove(unused);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String git(Path home, String... args) {
        // .git is a folder in a clone, a file ("gitdir: ...") in a linked worktree or a submodule
        if (home == null || !Files.exists(home.resolve(".git"))) return null;
        try {
            String[] cmd = new String[args.length + 3];
            cmd[0] = "git";
            cmd[1] = "-C";
            cmd[2] = home.toString();
            System.arraycopy(args, 0, cmd, 3, args.length);
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            return out;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

}
