package id.neraca.project;

import id.neraca.config.NeracaConfig;

/**
 * The `project:` section of the run configuration. Every field has a documented default;
 * {@link #validate} throws IllegalArgumentException with the key name when a value is out of range.
 */
public record ProjectConfig() {
    public static ProjectConfig defaults() {
        return new ProjectConfig();
    }

    public void validate(NeracaConfig.Loaded where) {
    }
}
