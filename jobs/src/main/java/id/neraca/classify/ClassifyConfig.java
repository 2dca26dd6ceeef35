package id.neraca.classify;

import id.neraca.config.NeracaConfig;

/**
 * The `classify:` section of the run configuration. Every field has a documented default;
 * {@link #validate} throws IllegalArgumentException with the key name when a value is out of range.
 */
public record ClassifyConfig() {
    public static ClassifyConfig defaults() {
        return new ClassifyConfig();
    }

    public void validate(NeracaConfig.Loaded where) {
    }
}
