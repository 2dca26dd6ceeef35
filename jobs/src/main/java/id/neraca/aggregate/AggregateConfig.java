package id.neraca.aggregate;

import id.neraca.config.NeracaConfig;

/**
 * The {@code aggregate:} section of the run configuration (docs/OUTPUTS.md).
 *
 * @param csvCopy write a {@code <table>.csv} copy next to each Parquet table (default true; the report and
 *                spreadsheet users read the CSV)
 */
public record AggregateConfig(Boolean csvCopy) {
    public AggregateConfig {
        if (csvCopy == null) csvCopy = true;
    }

    public static AggregateConfig defaults() {
        return new AggregateConfig(null);
    }

    /** Nothing can be out of range in this section; kept for the uniform config contract. */
    public void validate(NeracaConfig.Loaded where) {
    }
}
