package id.neraca.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The sellers, held as parallel arrays (a few dozen bytes per seller; no per-order state). Indonesian
 * sellers carry a PP 7/2021 tier, a regency, an ID and an import orientation; foreign sellers a country
 * and, for cross-border storefronts, a pricing currency. {@link #calibrate} scales row weights and
 * units per line so each seller's expected annual completed sales land in its tier at any row count.
 */
final class SellerPopulation {
    static final byte MICRO = 0, SMALL = 1, MEDIUM = 2, LARGE = 3, FOREIGN = 4;
    static final String[] TIER = {"MICRO", "SMALL", "MEDIUM", "LARGE", "UNKNOWN"};
    static final String[] TIER_ID = {"Mikro", "Kecil", "Menengah", "Besar"};
    static final byte NIK = 0, NIB = 1, NPWP = 2, NONE = 3, FOREIGN_REG = 4, PASSPORT = 5;
    static final String[] ID_TYPE = {"NIK", "NIB", "NPWP", "NONE", "FOREIGN_REG", "PASSPORT"};
    static final int SHOPEE = 1, TIKTOK = 2, TOKOPEDIA = 4, CROSSBORDER = 8;
    static final String[] MARKETPLACES = {"shopee", "tiktokshop", "tokopedia", "crossborder"};
    static final byte IDR = 0, USD = 1, CNY = 2;

    final int n;
    final byte[] tier;
    final short[] regency;          // local sellers; -1 for foreign
    final byte[] province;          // index into model.provinces(); -1 for foreign
    final byte[] country;           // foreign sellers: index into foreignCountries; -1 local
    final String[] countryCodes;
    final byte[] idType;
    final String[] id;              // raw digits / registration number; null for NONE
    final String[] idKeySource;     // what ingest hashes (Ids.keySource)
    final boolean[] idValid;
    final byte[] cat1;
    final byte[] cat2;              // -1 when the seller has one category
    final float[] importOrientation;
    final byte[] marketplaces;      // bit set of SHOPEE | TIKTOK | TOKOPEDIA | CROSSBORDER
    final float[] weight;           // relative orders per day
    final float[] unitsScale;       // units per line multiplier (>= 1)
    final float[] lineValue;        // sellers with unitsScale > 1: the rupiah value their lines aim at
    final byte[] declaredTier;      // -1 when not declared
    final boolean[] official;
    final byte[] currency;
    final String[] shopName;
    final long[] annualTargetIdr;   // expected annual completed sales in the middle of the range

    SellerPopulation(MarketModel model, Regencies regencies, long rows, long seed) {
        MarketModel.Population p = model.population();
        SplittableRandom r = new SplittableRandom(seed ^ 0x5E11E25L);
        n = (int) Math.max(p.minSellers(), Math.round((double) rows / p.rowsPerSeller()));
        tier = new byte[n];
        regency = new short[n];
        province = new byte[n];
        country = new byte[n];
        idType = new byte[n];
        id = new String[n];
        idKeySource = new String[n];
        idValid = new boolean[n];
        cat1 = new byte[n];
        cat2 = new byte[n];
        importOrientation = new float[n];
        marketplaces = new byte[n];
        weight = new float[n];
        unitsScale = new float[n];
        lineValue = new float[n];
        declaredTier = new byte[n];
        official = new boolean[n];
        currency = new byte[n];
        shopName = new String[n];
        annualTargetIdr = new long[n];
        countryCodes = p.foreignCountries().keySet().toArray(new String[0]);

        int nForeign = Math.max(2, (int) Math.round(n * p.foreignSellerShare()));
        int nLocal = n - nForeign;
        int[] counts = new int[4];
        for (int t = 1; t < 4; t++) counts[t] = Math.max(1, (int) Math.round(nLocal * p.tiers().get(t).sellerShare()));
        counts[0] = nLocal - counts[1] - counts[2] - counts[3];
        byte[] tiers = new byte[n];
        int k = 0;
        for (byte t = 0; t < 4; t++) for (int i = 0; i < counts[t]; i++) tiers[k++] = t;
        while (k < n) tiers[k++] = FOREIGN;
        for (int i = n - 1; i > 0; i--) {          // shuffle so seller numbers say nothing
            int j = r.nextInt(i + 1);
            byte tmp = tiers[i];
            tiers[i] = tiers[j];
            tiers[j] = tmp;
        }

        List<MarketModel.Province> provs = model.provinces();
        double[] provCum = new double[provs.size()];
        double acc = 0;
        for (int i = 0; i < provs.size(); i++) {
            acc += provs.get(i).population() * provs.get(i).sellerConcentration();
            provCum[i] = acc;
        }
        int[][] regByProv = new int[provs.size()][];
        double[][] regCum = new double[provs.size()][];
        for (int pi = 0; pi < provs.size(); pi++) {
            String code = provs.get(pi).code();
            int cnt = 0;
            for (int g = 0; g < regencies.size(); g++) if (regencies.province[g].equals(code)) cnt++;
            if (cnt == 0) throw new IllegalStateException("no regency in province " + code);
            regByProv[pi] = new int[cnt];
            regCum[pi] = new double[cnt];
            int c = 0;
            double a = 0;
            for (int g = 0; g < regencies.size(); g++) {
                if (!regencies.province[g].equals(code)) continue;
                regByProv[pi][c] = g;
                a += regencies.kota[g] ? p.kotaWeight() : 1.0;
                regCum[pi][c++] = a;
            }
        }
        List<MarketModel.Category> cats = model.categories();
        double[] catCum = cumulative(cats.stream().mapToDouble(MarketModel.Category::popularity).toArray());
        double[] xbCatCum = cumulative(cats.stream().mapToDouble(MarketModel.Category::xbPopularity).toArray());
        double[] countryCum = cumulative(p.foreignCountries().values().stream().mapToDouble(Double::doubleValue).toArray());
        Set<String> names = new HashSet<>();
        int foreignOnLocal = Math.max(1, (int) Math.round(nForeign * p.foreignOnLocalShapes()));
        int foreignSeen = 0;

        for (int s = 0; s < n; s++) {
            byte t = tiers[s];
            tier[s] = t;
            declaredTier[s] = -1;
            cat2[s] = -1;
            double jitter = StrictMath.exp(0.5 * r.nextGaussian());
            if (t != FOREIGN) {
                int pi = pick(provCum, r.nextDouble() * provCum[provCum.length - 1]);
                int gi = regByProv[pi][pick(regCum[pi], r.nextDouble() * regCum[pi][regCum[pi].length - 1])];
                province[s] = (byte) pi;
                regency[s] = (short) gi;
                country[s] = -1;
                Map<String, Double> idMix = p.idTypes().get(TIER[t]);
                byte type = (byte) pickKey(idMix, r.nextDouble(), List.of("NIK", "NIB", "NPWP", "NONE"));
                idType[s] = type;
                boolean invalid = type != NONE && r.nextDouble() < p.invalidIdShare();
                idValid[s] = type != NONE && !invalid;
                int kind = r.nextInt(5);
                switch (type) {
                    case NIK -> {
                        String area = r.nextDouble() < p.nikRegisteredElsewhere()
                                ? regencies.code[r.nextInt(regencies.size())] : regencies.code[gi];
                        id[s] = invalid ? Ids.invalidNik(r, area, kind) : Ids.nik(r, area);
                    }
                    case NPWP -> {
                        boolean company = t >= MEDIUM || (t == SMALL && r.nextBoolean());
                        id[s] = invalid ? Ids.invalidNpwp(r, company, kind) : Ids.npwp(r, company);
                    }
                    case NIB -> id[s] = invalid ? Ids.invalidNib(r, kind) : Ids.nib(r);
                    default -> id[s] = null;
                }
                cat1[s] = (byte) pick(catCum, r.nextDouble() * catCum[catCum.length - 1]);
                if (r.nextDouble() < p.secondaryCategoryShare()) {
                    int c2 = pick(catCum, r.nextDouble() * catCum[catCum.length - 1]);
                    if (c2 != cat1[s]) cat2[s] = (byte) c2;
                }
                importOrientation[s] = (float) r.nextDouble();
                int mp = 0;
                if (r.nextDouble() < p.marketplacePresence().get("shopee")) mp |= SHOPEE;
                if (r.nextDouble() < p.marketplacePresence().get("tiktokshop")) mp |= TIKTOK;
                if (r.nextDouble() < p.marketplacePresence().get("tokopedia")) mp |= TOKOPEDIA;
                if (type == NONE) mp &= ~TIKTOK;        // TikTok Shop verifies sellers' KTP: no ID-less sellers there
                if (mp == 0) mp = SHOPEE;
                marketplaces[s] = (byte) mp;
                weight[s] = (float) (p.tiers().get(t).rowWeight() * jitter);
                if (r.nextDouble() < p.declaredTierShare()) {
                    byte d = t;
                    if (t > MICRO && r.nextDouble() < p.declaredTierUnderstated()) d = (byte) (t - 1);
                    declaredTier[s] = d;
                }
                official[s] = r.nextDouble() < p.officialStoreShare().getOrDefault(TIER[t], 0.0);
                currency[s] = IDR;
                shopName[s] = uniqueName(names, localShopName(r, t, official[s], cats.get(cat1[s]).code()), r);
            } else {
                regency[s] = -1;
                province[s] = -1;
                int ci = pick(countryCum, r.nextDouble() * countryCum[countryCum.length - 1]);
                country[s] = (byte) ci;
                String cc = countryCodes[ci];
                cat1[s] = (byte) pick(xbCatCum, r.nextDouble() * xbCatCum[xbCatCum.length - 1]);
                importOrientation[s] = 1f;
                // the first few foreign sellers (seller order is random) sell through the local shapes
                boolean storefront = foreignSeen++ >= foreignOnLocal;
                if (storefront) {
                    marketplaces[s] = CROSSBORDER;
                    boolean passport = r.nextDouble() < 0.15;
                    idType[s] = passport ? PASSPORT : FOREIGN_REG;
                    id[s] = passport ? Ids.passport(r, cc) : Ids.foreignRegistration(r, cc);
                    idValid[s] = true;
                    currency[s] = cc.equals("CN") && r.nextDouble() < p.cnyShareForCn() ? CNY : USD;
                } else {
                    int which = r.nextInt(3);
                    marketplaces[s] = (byte) (which == 0 ? SHOPEE : which == 1 ? TIKTOK : TOKOPEDIA);
                    if (which == 1) {                  // TikTok Shop asks foreign sellers for their registration
                        idType[s] = FOREIGN_REG;
                        id[s] = Ids.foreignRegistration(r, cc);
                        idValid[s] = true;
                    } else {                           // shopee and tokopedia exports carry no foreign ID
                        idType[s] = NONE;
                        id[s] = null;
                        idValid[s] = false;
                    }
                    currency[s] = IDR;
                }
                weight[s] = (float) (p.foreignRowWeight() * jitter);
                shopName[s] = uniqueName(names, foreignShopName(r, cc, cats.get(cat1[s]).code()), r);
            }
            unitsScale[s] = 1f;
            if (id[s] != null) idKeySource[s] = Ids.keySource(ID_TYPE[idType[s]], id[s]);
        }
        // Import orientation is stratified within each tier (evenly spread, randomly assigned), so even a
        // small population's few large sellers are not all importers or all local producers by chance.
        for (byte t = 0; t < 4; t++) {
            int cnt = 0;
            for (int s = 0; s < n; s++) if (tier[s] == t) cnt++;
            int[] slots = new int[cnt];
            for (int i = 0; i < cnt; i++) slots[i] = i;
            for (int i = cnt - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int tmp = slots[i];
                slots[i] = slots[j];
                slots[j] = tmp;
            }
            int k2 = 0;
            for (int s = 0; s < n; s++) if (tier[s] == t) importOrientation[s] = (float) ((slots[k2++] + 0.5) / cnt);
        }
    }

    boolean foreign(int s) {
        return tier[s] == FOREIGN;
    }

    String countryOf(int s) {
        return tier[s] == FOREIGN ? countryCodes[country[s]] : "ID";
    }

    int shopId(int s) {
        return 1_000_003 + s * 7919;
    }

    String sellerRef(int s) {
        return MarketGenerator.pad(new StringBuilder(7).append('S'), s, 6).toString();
    }

    static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double a = 0;
        for (int i = 0; i < w.length; i++) {
            a += w[i];
            c[i] = a;
        }
        return c;
    }

    static int pick(double[] cum, double x) {
        int lo = 0, hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] <= x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    static int pickKey(Map<String, Double> mix, double u, List<String> order) {
        double total = 0;
        for (String k : order) total += mix.getOrDefault(k, 0.0);
        double x = u * total, a = 0;
        for (int i = 0; i < order.size(); i++) {
            a += mix.getOrDefault(order.get(i), 0.0);
            if (x < a) return i;
        }
        for (int i = order.size() - 1; i >= 0; i--) if (mix.getOrDefault(order.get(i), 0.0) > 0) return i;
        return 0;
    }

    private static final String[] LOCAL_A = {"Berkah", "Sumber", "Rejeki", "Sinar", "Cahaya", "Mitra", "Jaya", "Maju",
            "Sentosa", "Abadi", "Makmur", "Mulia", "Barokah", "Lestari", "Harapan", "Amanah", "Karya", "Putra", "Putri",
            "Indah", "Surya", "Bintang", "Gemilang", "Nusantara", "Kencana"};
    private static final String[] LOCAL_B = {"Jaya", "Abadi", "Makmur", "Sejahtera", "Mandiri", "Sentosa", "Utama",
            "Bersama", "Rezeki", "Lancar", "Agung", "Baru", "Mulia", "Indonesia", "Store", "Shop", "Official", "Grosir",
            "Collection", "Mart"};
    private static final String[] FOREIGN_CITY = {"Shenzhen", "Guangzhou", "Yiwu", "Hangzhou", "Dongguan", "Xiamen", "Ningbo"};
    private static final String[] FOREIGN_B = {"Trading", "Global", "Store", "Mall", "Official", "Overseas", "Select", "Direct"};

    private static String localShopName(SplittableRandom r, int tier, boolean official, String category) {
        String base = LOCAL_A[r.nextInt(LOCAL_A.length)] + " " + LOCAL_B[r.nextInt(LOCAL_B.length)];
        if (official) return base + " Official Store";
        return switch (r.nextInt(4)) {
            case 0 -> "Toko " + base;
            case 1 -> base + " " + category.charAt(0) + category.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
            case 2 -> "CV " + base;
            default -> base;
        };
    }

    private static String foreignShopName(SplittableRandom r, String country, String category) {
        String place = switch (country) {
            case "CN" -> FOREIGN_CITY[r.nextInt(FOREIGN_CITY.length)];
            case "KR" -> "Seoul";
            case "JP" -> "Tokyo";
            case "SG" -> "Singapore";
            case "MY" -> "KL";
            case "TH" -> "Bangkok";
            default -> "Global";
        };
        return place + " " + FOREIGN_B[r.nextInt(FOREIGN_B.length)] + " " + category.charAt(0)
                + category.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String uniqueName(Set<String> names, String name, SplittableRandom r) {
        String n = name;
        while (!names.add(n.toLowerCase(Locale.ROOT))) n = name + " " + (2 + r.nextInt(98));
        return n;
    }
}
