package id.neraca.generate;

import id.neraca.core.Log;
import id.neraca.core.NeracaException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Monthly FX (IDR per unit). Cross-border storefront prices are generated with the model's own table
 * ({@code fx_fallback}), so the dump bytes never depend on reference data; the ground truth's rupiah values
 * use {@code data/reference/fx_monthly.csv} when it exists (as ingest does), else the same fallback.
 */
final class Fx {
    private final Map<String, BigDecimal> generation = new TreeMap<>();
    private final Map<String, BigDecimal> truth = new TreeMap<>();
    final String truthSource;

    Fx(MarketModel model, Path referenceFile) {
        model.fxFallback().forEach((ccy, months) -> months.forEach((m, v) -> generation.put(m + "|" + ccy, BigDecimal.valueOf(v))));
        if (referenceFile != null && Files.isRegularFile(referenceFile)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(referenceFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw NeracaException.usage("%s: cannot read: %s", referenceFile, e.getMessage());
            }
            String[] head = Csv.split(lines.isEmpty() ? "" : lines.get(0), ',');
            int im = indexOf(head, "month"), ic = indexOf(head, "currency"), ir = indexOf(head, "idr_per_unit");
            if (im < 0 || ic < 0 || ir < 0) {
                throw NeracaException.usage("%s (line 1): needs columns month,currency,idr_per_unit", referenceFile);
            }
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                String[] f = Csv.split(lines.get(i), ',');
                try {
                    truth.put(f[im] + "|" + f[ic], new BigDecimal(f[ir]));
                } catch (RuntimeException e) {
                    throw NeracaException.usage("%s (line %d): bad idr_per_unit '%s'", referenceFile, i + 1,
                            f.length > ir ? f[ir] : "");
                }
            }
            truthSource = referenceFile.toString();
        } else {
            truthSource = "market-model.yaml fx_fallback";
        }
    }

    private static int indexOf(String[] a, String s) {
        for (int i = 0; i < a.length; i++) if (a[i].trim().equals(s)) return i;
        return -1;
    }

    BigDecimal generationRate(String month, String ccy) {
        BigDecimal r = generation.get(month + "|" + ccy);
        if (r == null) throw NeracaException.usage("market-model.yaml: fx_fallback.%s has no rate for %s; add it "
                + "or narrow --start/--end", ccy, month);
        return r;
    }

    private boolean warned;

    BigDecimal truthRate(String month, String ccy) {
        BigDecimal r = truth.get(month + "|" + ccy);
        if (r != null) return r;
        if (!truth.isEmpty() && !warned) {
            warned = true;
            Log.warn("%s has no %s rate for %s: the ground truth uses the model's fallback rate there", truthSource, ccy, month);
        }
        return generationRate(month, ccy);
    }
}
