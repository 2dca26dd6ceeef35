package id.neraca.ingest;

import id.neraca.config.NeracaConfig;

/**
 * The `ingest:` section of the run configuration. Every field has a documented default;
 * {@link #validate} throws IllegalArgumentException with the key name when a value is out of range.
 */
public record IngestConfig() {
    public static IngestConfig defaults() {
        return new IngestConfig();
    }

    public void validate(NeracaConfig.Loaded where) {
    }
}
