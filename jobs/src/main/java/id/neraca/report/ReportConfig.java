package id.neraca.report;

import id.neraca.config.NeracaConfig;

/**
 * The `report:` section of the run configuration. Every field has a documented default;
 * {@link #validate} throws IllegalArgumentException with the key name when a value is out of range.
 */
public record ReportConfig() {
    public static ReportConfig defaults() {
        return new ReportConfig();
    }

    public void validate(NeracaConfig.Loaded where) {
    }
}
