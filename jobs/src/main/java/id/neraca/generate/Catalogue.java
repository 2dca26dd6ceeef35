package id.neraca.generate;

import id.neraca.core.NeracaException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The product catalogue ({@code generator/products.csv}): per category, real brands with their home country,
 * the country the goods are made in, and a typical price range; plus unbranded generic goods. A product is
 * imported when its {@code origin_country} is not {@code ID} (so a foreign brand made in Indonesia, like
 * MamyPoko or Faber-Castell pencils, is local goods).
 */
final class Catalogue {
    static final String RESOURCE = "/generator/products.csv";
    static final String HEADER = "category,name,brand,brand_country,origin_country,price_min_idr,price_max_idr,weight";

    final String[] name;
    final String[] brand;          // "" for generic goods
    final String[] brandCountry;
    final String[] origin;
    final long[] priceMin;
    final long[] priceMax;
    final double[] weight;
    final int[] category;
    // per category: [imported?1:0][generic?1:0] -> product indices and cumulative weights
    private final int[][][][] pools;
    private final double[][][][] cumulative;
    // mean unit price (midpoint, weighted) per category for local (0) and imported (1) goods
    final double[][] meanPrice;

    private Catalogue(List<String[]> rows, List<MarketModel.Category> categories) {
        int n = rows.size();
        name = new String[n];
        brand = new String[n];
        brandCountry = new String[n];
        origin = new String[n];
        priceMin = new long[n];
        priceMax = new long[n];
        weight = new double[n];
        category = new int[n];
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            int c = -1;
            for (int k = 0; k < categories.size(); k++) if (categories.get(k).code().equals(r[0])) c = k;
            if (c < 0) throw NeracaException.usage("%s: category %s of '%s' is not in market-model.yaml categories", RESOURCE, r[0], r[1]);
            category[i] = c;
            name[i] = r[1];
            brand[i] = r[2];
            brandCountry[i] = r[3];
            origin[i] = r[4];
            priceMin[i] = Long.parseLong(r[5]);
            priceMax[i] = Long.parseLong(r[6]);
            weight[i] = Double.parseDouble(r[7]);
        }
        int nc = categories.size();
        pools = new int[nc][2][2][];
        cumulative = new double[nc][2][2][];
        meanPrice = new double[nc][2];
        for (int c = 0; c < nc; c++) {
            for (int imp = 0; imp < 2; imp++) {
                double wsum = 0, psum = 0;
                for (int gen = 0; gen < 2; gen++) {
                    List<Integer> idx = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if (category[i] == c && imported(i) == (imp == 1) && brand[i].isEmpty() == (gen == 1)) idx.add(i);
                    }
                    if (gen == 1 && idx.isEmpty()) {
                        throw NeracaException.usage("%s: category %s needs at least one generic (brandless) %s product",
                                RESOURCE, categories.get(c).code(), imp == 1 ? "imported" : "local");
                    }
                    pools[c][imp][gen] = idx.stream().mapToInt(Integer::intValue).toArray();
                    double[] cum = new double[idx.size()];
                    double acc = 0;
                    for (int k = 0; k < idx.size(); k++) {
                        int i = idx.get(k);
                        acc += weight[i];
                        cum[k] = acc;
                        wsum += weight[i];
                        psum += weight[i] * (priceMin[i] + priceMax[i]) / 2.0;
                    }
                    cumulative[c][imp][gen] = cum;
                }
                meanPrice[c][imp] = psum / wsum;
            }
        }
    }

    boolean imported(int product) {
        return !"ID".equals(origin[product]);
    }

    int size() {
        return name.length;
    }

    /** A product of {@code category}, imported or local; {@code genericOnly} limits it to brandless goods. */
    int draw(SplittableRandom rnd, int category, boolean imported, boolean genericOnly) {
        int imp = imported ? 1 : 0;
        if (genericOnly) return pick(rnd, category, imp, 1);
        double wBranded = total(category, imp, 0);
        double wGeneric = total(category, imp, 1);
        return rnd.nextDouble() * (wBranded + wGeneric) < wBranded ? pick(rnd, category, imp, 0) : pick(rnd, category, imp, 1);
    }

    private double total(int c, int imp, int gen) {
        double[] cum = cumulative[c][imp][gen];
        return cum.length == 0 ? 0 : cum[cum.length - 1];
    }

    private int pick(SplittableRandom rnd, int c, int imp, int gen) {
        double[] cum = cumulative[c][imp][gen];
        double x = rnd.nextDouble() * cum[cum.length - 1];
        int k = 0;
        while (k < cum.length - 1 && cum[k] <= x) k++;
        return pools[c][imp][gen][k];
    }

    static Catalogue load(List<MarketModel.Category> categories) {
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw NeracaException.other("%s missing from the jar; rebuild it", RESOURCE);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            if (!HEADER.equals(header)) throw NeracaException.usage("%s (line 1): header must be %s", RESOURCE, HEADER);
            List<String[]> rows = new ArrayList<>();
            String line;
            int no = 1;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) continue;
                String[] f = Csv.split(line, ',');
                if (f.length != 8) throw NeracaException.usage("%s (line %d): expected 8 columns, got %d", RESOURCE, no, f.length);
                rows.add(f);
            }
            return new Catalogue(rows, categories);
        } catch (IOException e) {
            throw NeracaException.other("cannot read %s: %s", RESOURCE, e.getMessage());
        }
    }
}
