package id.neraca.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import id.neraca.aggregate.AggregateConfig;
import id.neraca.classify.ClassifyConfig;
import id.neraca.core.NeracaException;
import id.neraca.ingest.IngestConfig;
import id.neraca.project.ProjectConfig;
import id.neraca.report.ReportConfig;

import java.nio.file.Path;

/**
 * The one typed run configuration ({@code data/config/neraca.yaml}), loaded and validated before Spark
 * starts. Each stage owns its section. Relative paths inside it resolve against the config file's folder.
 */
public record NeracaConfig(
        RunSection run,
        IngestConfig ingest,
        ClassifyConfig classify,
        AggregateConfig aggregate,
        ProjectConfig project,
        ReportConfig report) {

    /** Settings for the run as a whole. */
    public record RunSection(
            String referenceDir,
            String mappingsDir,
            Integer shufflePartitions) {
        public RunSection {
            if (referenceDir == null) referenceDir = "../reference";
            if (mappingsDir == null) mappingsDir = "../marketplaces";
            if (shufflePartitions == null) shufflePartitions = 8;
            if (shufflePartitions < 1) {
                throw new IllegalArgumentException("shuffle_partitions must be at least 1, got " + shufflePartitions);
            }
        }
    }

    public NeracaConfig {
        if (run == null) run = new RunSection(null, null, null);
        if (ingest == null) ingest = IngestConfig.defaults();
        if (classify == null) classify = ClassifyConfig.defaults();
        if (aggregate == null) aggregate = AggregateConfig.defaults();
        if (project == null) project = ProjectConfig.defaults();
        if (report == null) report = ReportConfig.defaults();
    }

    /** Every stage section, in pipeline order. */
    public static final java.util.List<String> SECTIONS = java.util.List.of("ingest", "classify", "aggregate", "project", "report");

    /** Loads and validates every section; all failures are usage errors (exit 2) that name the file and key. */
    public static Loaded load(Path file) {
        return load(file, SECTIONS);
    }

    /**
     * Loads the whole file (an unknown key anywhere still fails) and validates the sections of the stages about
     * to run, so {@code neraca ingest} does not need the classification rules files to exist.
     */
    public static Loaded load(Path file, java.util.Collection<String> sections) {
        if (!java.nio.file.Files.exists(file)) {
            // ./neraca is often started from another folder (a home folder, a scheduler's): the default is relative
            String where = file.isAbsolute() ? "" : " (relative to the working directory "
                    + Path.of("").toAbsolutePath() + ")";
            String home = System.getProperty("neraca.home");
            Path beside = home == null ? null : Path.of(home, "data/config/neraca.yaml");
            throw id.neraca.core.NeracaException.usage("%s: run configuration file not found%s. Pass --config FILE%s (docs/CONFIGURATION.md).",
                    file, where, beside != null && java.nio.file.Files.isRegularFile(beside)
                            ? ", e.g. --config " + beside + ", or run from " + beside.getParent().getParent().getParent() : "");
        }
        NeracaConfig cfg = Yaml.load(file, NeracaConfig.class);
        Path base = file.toAbsolutePath().getParent();
        Loaded loaded = new Loaded(cfg, file.toAbsolutePath(), base);
        // the folders first: a config copied elsewhere keeps `reference_dir: ../reference`, and the first file checked
        // below was then blamed ("classify.brand_origins: /tmp/reference/brand_origins.csv does not exist")
        if (sections.stream().anyMatch(s -> !s.equals("aggregate"))) {
            requireFolder(loaded, "reference_dir", cfg.run().referenceDir(), loaded.referenceDir(), "data/reference");
        }
        if (sections.contains("ingest")) requireFolder(loaded, "mappings_dir", cfg.run().mappingsDir(), loaded.mappingsDir(), "data/marketplaces");
        if (sections.contains("ingest")) {
            // the reference tables ingest reads, before Spark starts (a missing one was found after it, leaving a failed
            // manifest in --out)
            for (String name : id.neraca.ingest.ReferenceData.FILES) {
                Path f = loaded.referenceDir().resolve(name);
                if (!java.nio.file.Files.isRegularFile(f)) {
                    throw NeracaException.usage("%s: run.reference_dir %s has no %s, a reference table ingest reads (it needs %s; "
                            + "docs/CONFIGURATION.md).", loaded.file(), loaded.referenceDir(), name, id.neraca.ingest.ReferenceData.FILES);
                }
            }
        }
        try {
            if (sections.contains("ingest")) cfg.ingest().validate(loaded);
            if (sections.contains("classify")) cfg.classify().validate(loaded);
            if (sections.contains("aggregate")) cfg.aggregate().validate(loaded);
            if (sections.contains("project")) cfg.project().validate(loaded);
            if (sections.contains("report")) cfg.report().validate(loaded);
        } catch (IllegalArgumentException e) {
            throw NeracaException.usage("%s%s: %s", file, Yaml.atLine(file, e.getMessage()), e.getMessage());
        }
        return loaded;
    }

    /** run.reference_dir / run.mappings_dir must be a folder: say which key, what it resolved to and against what. */
    private static void requireFolder(Loaded loaded, String key, String written, Path resolved, String bundled) {
        if (java.nio.file.Files.isDirectory(resolved)) return;
        String home = System.getProperty("neraca.home");
        Path suggestion = home == null ? null : Path.of(home, bundled).toAbsolutePath().normalize();
        throw NeracaException.usage("%s: run.%s: %s resolves to %s, which %s. Relative paths in the config resolve against "
                        + "the config file's folder (%s), not the working directory: set run.%s to an absolute path%s, or "
                        + "keep the config file where '%s' is right (docs/CONFIGURATION.md).",
                loaded.file(), key, written, resolved, java.nio.file.Files.exists(resolved) ? "is not a folder" : "does not exist",
                loaded.baseDir(), key, suggestion != null && java.nio.file.Files.isDirectory(suggestion) ? " (such as " + suggestion + ")" : "",
                written);
    }

    /** A config together with where it came from, to resolve the files it names. */
    public record Loaded(NeracaConfig config, Path file, Path baseDir) {
        /** Resolves a path written in the config relative to the config file's folder. */
        public Path resolve(String relative) {
            Path p = Path.of(relative);
            return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
        }

        @JsonIgnore
        public Path referenceDir() {
            return resolve(config.run().referenceDir());
        }

        @JsonIgnore
        public Path mappingsDir() {
            return resolve(config.run().mappingsDir());
        }
    }
}
