package id.neraca.cli;

import id.neraca.core.Log;
import id.neraca.core.NeracaException;
import id.neraca.generate.MarketGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/**
 * {@code neraca generate --rows N --out DIR --seed S}: synthetic dumps in the four order-export shapes of
 * docs/CONTRACTS.md with their ground truth under {@code DIR/_truth/}. Plain Java, no Spark; streams in
 * constant memory. The market model is docs/MARKET-MODEL.md.
 */
@Command(name = "generate",
        description = "Write synthetic marketplace dumps (shopee, tiktokshop, tokopedia, crossborder) and their ground truth.")
public class Generate implements Callable<Integer> {
    @Option(names = "--rows", required = true, paramLabel = "N", description = "Rows to write across all dump files (approximate).")
    long rows;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (shape folders and _truth/).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed; same seed, same bytes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", paramLabel = "yyyy-MM", description = "First month (default: the model's start_month).")
    String start;

    @Option(names = "--end", paramLabel = "yyyy-MM", description = "Last month (default: the model's end_month).")
    String end;

    @Option(names = "--model", paramLabel = "FILE", description = "Market model YAML (default: the bundled generator/market-model.yaml).")
    Path model;

    @Option(names = "--regencies", paramLabel = "FILE", description = "Regency reference (default: data/reference/regencies.csv).")
    Path regencies;

    @Option(names = "--fx", paramLabel = "FILE", description = "FX reference for the ground truth's rupiah values "
            + "(default: data/reference/fx_monthly.csv when it exists, else the model's fallback rates).")
    Path fx;

    @Option(names = "--overwrite", description = "Replace the shape folders and _truth/ already in --out (other files are kept).")
    boolean overwrite;

    @Option(names = "--quiet", description = "Only warnings and errors.")
    boolean quiet;

    @Override
    public Integer call() {
        Log.configure(quiet, false);
        if (rows < 1 || rows > 1_000_000_000L) throw NeracaException.usage("--rows must be between 1 and 1000000000, got %d", rows);
        id.neraca.generate.MarketModel m = id.neraca.generate.MarketModel.load(model);
        YearMonth s = month("--start", start == null ? m.startMonth() : start);
        YearMonth e = month("--end", end == null ? m.endMonth() : end);
        if (s.isAfter(e)) throw NeracaException.usage("--start %s is after --end %s", s, e);
        Path home = Path.of(System.getProperty("neraca.home", "."));
        Path reg = regencies != null ? regencies : home.resolve("data/reference/regencies.csv");
        Path fxFile = fx != null ? fx : home.resolve("data/reference/fx_monthly.csv");
        if (fx != null && !Files.isRegularFile(fx)) throw NeracaException.usage("--fx %s: file not found", fx);
        Log.info("generate: ~%d rows, seed %d, %s..%s into %s", rows, seed, s, e, out);
        MarketGenerator.Result r = MarketGenerator.run(new MarketGenerator.Options(rows, seed, out, s, e, reg,
                Files.isRegularFile(fxFile) ? fxFile : null, model, overwrite));
        double secs = Math.max(r.millis(), 1) / 1000.0;
        Log.info("generate: %d rows in %d files (%d sales, %d expected quarantined, %d repeated across exports), "
                        + "%d sellers, %.1f s, %.0f rows/s; ground truth in %s", r.rowsWritten(), r.files(), r.sales(),
                r.quarantinable(), r.duplicates(), r.sellers(), secs, r.rowsWritten() / secs, out.resolve("_truth"));
        return 0;
    }

    private static YearMonth month(String option, String v) {
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException ex) {
            throw NeracaException.usage("%s must be yyyy-MM, got '%s'", option, v);
        }
    }
}
