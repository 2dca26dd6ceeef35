package id.neraca.cli;

import picocli.CommandLine.Option;

/** Options every command shares (DESIGN.md, "Command line"). */
public class CommonOptions {
    @Option(names = "--dumps", paramLabel = "DIR", description = "Folder of input dumps (default: ${DEFAULT-VALUE}).",
            defaultValue = "data/samples")
    public String dumps;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).",
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
            description = "Hash seller IDs with a public demo key instead of NERACA_SELLER_KEY. For throwaway runs only.")
    public boolean demoKey;

    @Option(names = "--skip-unmatched", description = "Skip dump files no mapping matches (with a warning) instead of failing.")
    public boolean skipUnmatched;
}
