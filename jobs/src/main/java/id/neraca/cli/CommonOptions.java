package id.neraca.cli;

import picocli.CommandLine.Option;

/** Options every command shares (DESIGN.md, "Command line"). */
public class CommonOptions {
    @Option(names = "--dumps", paramLabel = "DIR", description = "Folder of input dumps (default: ${DEFAULT-VALUE}); read by run, ingest and validate, accepted by every "
                    + "command so that a scheduler can pass the same options to each.",
            defaultValue = "data/samples")
    public String dumps;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}); validate writes nothing.",
            defaultValue = "out")
    public String out;

    @Option(names = "--config", paramLabel = "FILE", description = "Run configuration (default: ${DEFAULT-VALUE}).",
            defaultValue = "data/config/neraca.yaml")
    public String config;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: local[*]; ignored under spark-submit, which sets its own).")
    public String master;

    @Option(names = "--quiet", description = "Only warnings and errors.")
    public boolean quiet;

    @Option(names = "--log-json", description = "Log one JSON object per line (for schedulers).")
    public boolean logJson;

    @Option(names = "--demo-key",
            description = "Hash seller IDs with a public demo key instead of NERACA_SELLER_KEY. For throwaway runs only "
                    + "(used where seller IDs are read: run, ingest, validate).")
    public boolean demoKey;

    @Option(names = "--skip-unmatched", description = "Skip dump files no mapping matches (with a warning) instead of failing.")
    public boolean skipUnmatched;

    /** Spark master URLs neraca passes on: local[...], spark://, yarn, k8s:// (checked before Spark starts). */
    static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
            "local|local\\[(\\*|[1-9]\\d*)(,[1-9]\\d*)?]|local-cluster\\[\\d+,\\d+,\\d+]|spark://\\S+|yarn|k8s://\\S+");

    /**
     * Usage errors in the options themselves, before anything starts (exit 2 with the fix): an empty path, a master
     * Spark would reject with a stack trace, and for commands that read dumps an output folder inside the dumps
     * folder (the next run would read its own outputs as dumps).
     */
    public void check(boolean readsDumps) {
        if (dumps == null || dumps.isBlank()) throw id.neraca.core.NeracaException.usage("--dumps is empty: pass the folder of dump files");
        if (out == null || out.isBlank()) throw id.neraca.core.NeracaException.usage("--out is empty: pass the output folder");
        if (master != null && !MASTER.matcher(master.trim()).matches()) {
            throw id.neraca.core.NeracaException.usage("--master '%s' is not a Spark master URL: use local[*], local[N], "
                    + "spark://HOST:7077, yarn or k8s://https://HOST:PORT (docs/CLUSTER.md)", master);
        }
        if (readsDumps) requireDumpsFolder();
        if (readsDumps && local(dumps) && local(out)) {
            // real paths: a symlink to the dumps folder (or inside it) hid the outputs from a comparison of names, and
            // the next run read them as dumps
            java.nio.file.Path d = real(java.nio.file.Path.of(dumps));
            java.nio.file.Path o = real(java.nio.file.Path.of(out));
            if (o.startsWith(d)) {
                throw id.neraca.core.NeracaException.usage("--out %s is inside --dumps %s%s: the next run would read its own "
                        + "outputs as dumps. Put the outputs beside the dumps, not in them.", out, dumps,
                        o.equals(java.nio.file.Path.of(out).toAbsolutePath().normalize())
                                && d.equals(java.nio.file.Path.of(dumps).toAbsolutePath().normalize())
                                ? "" : " (through a symbolic link: " + o + " is in " + d + ")");
            }
        }
    }

    /**
     * {@code --dumps} names a folder: a single dump file given there failed later with "no mapping matches this file
     * ... or pass --skip-unmatched", which sent users after the mappings.
     */
    public void requireDumpsFolder() {
        if (local(dumps) && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(dumps))) {
            throw id.neraca.core.NeracaException.usage("--dumps must be a folder (got a file: %s); put the file in a folder "
                    + "and pass the folder", dumps);
        }
    }

    /**
     * A local --dumps folder exists: checked after the configuration (whose errors come first) and before --out is
     * created (a mistyped --dumps left a new --out holding only manifest.failed.json).
     */
    public void requireDumpsExist() {
        if (local(dumps) && !java.nio.file.Files.exists(java.nio.file.Path.of(dumps))) {
            throw id.neraca.core.NeracaException.usage("--dumps %s does not exist (%s): pass the folder of dump files", dumps,
                    java.nio.file.Path.of(dumps).toAbsolutePath().normalize());
        }
    }

    /**
     * The path with symbolic links resolved as far as it exists: the real path of its nearest existing ancestor, and
     * the rest of it as written (an --out not created yet).
     */
    static java.nio.file.Path real(java.nio.file.Path p) {
        java.nio.file.Path abs = p.toAbsolutePath().normalize();
        java.nio.file.Path existing = abs;
        while (existing != null && !java.nio.file.Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (java.io.IOException e) {
            return abs;
        }
    }

    private static boolean local(String path) {
        return !path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");   // a plain path, no scheme
    }
}
