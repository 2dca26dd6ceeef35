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
        if (readsDumps && local(dumps) && local(out)) {
            java.nio.file.Path d = java.nio.file.Path.of(dumps).toAbsolutePath().normalize();
            java.nio.file.Path o = java.nio.file.Path.of(out).toAbsolutePath().normalize();
            if (o.startsWith(d)) {
                throw id.neraca.core.NeracaException.usage("--out %s is inside --dumps %s: the next run would read its own "
                        + "outputs as dumps. Put the outputs beside the dumps, not in them.", out, dumps);
            }
        }
    }

    private static boolean local(String path) {
        return !path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");   // a plain path, no scheme
    }
}
