package id.neraca.generate;

import id.neraca.core.Log;
import id.neraca.core.NeracaException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code neraca generate}: synthetic marketplace dumps in the four shapes of docs/CONTRACTS.md, plus the
 * ground truth of every sale, following the market model of docs/MARKET-MODEL.md.
 *
 * <p>Streaming and constant memory: the only state that grows with {@code --rows} is the seller population
 * (parallel arrays, one entry per ~400 rows); orders are generated day by day and written straight to
 * buffered writers. Deterministic: one seeded {@link SplittableRandom} per concern, no hash-ordered
 * collections, fixed time offsets (Indonesia has no daylight saving), locale-free formatting.
 */
public final class MarketGenerator {

    /** What to generate. {@code fxFile} may be null or missing (then the model's fallback FX is used for the truth). */
    public record Options(long rows, long seed, Path out, YearMonth start, YearMonth end, Path regencies, Path fxFile,
                          Path modelFile, boolean overwrite) {}

    /** What was written. */
    public record Result(long rowsWritten, long sales, long quarantinable, long duplicates, int sellers, int files,
                         long millis) {}

    static final String[] SHAPE_DIRS = {"shopee", "tiktokshop", "tokopedia", "crossborder", "_truth"};
    static final String TRUTH_HEADER = "sale_id,true_origin_class,true_umkm_tier,seller_key_source,gmv_idr,status,"
            + "expected_quarantine,quarantine_reason,marketplace,period_month,seller_ref,seller_id_valid,evidence,"
            + "source_currency,unit_price_source,quantity";
    static final String SHOPEE_HEADER = "No. Pesanan;Status Pesanan;Waktu Pesanan Dibuat;Nama Produk;Nomor Referensi SKU;"
            + "Merek;Kategori;Harga Awal;Harga Setelah Diskon;Jumlah;Total Pembayaran;Nama Toko;Jenis Identitas Penjual;"
            + "No. Identitas Penjual;Kota/Kabupaten Penjual;Provinsi Penjual;Negara Asal;Dikirim Dari;Skala Usaha";
    static final String TIKTOK_HEADER = "Order ID,Order Status,Seller SKU,Product Name,Brand,Category,Quantity,"
            + "SKU Unit Original Price,SKU Subtotal After Discount,Created Time,Seller ID Type,Seller ID,Seller City,"
            + "Province,Country of Origin,Ship From,Cross-border";
    static final String XB_HEADER = "order_no,item_no,order_time,store_id,store_name,store_country,store_registration_no,"
            + "store_id_type,ship_from,item_title,brand,category,qty,unit_price,currency,order_state,buyer_city";

    static final int COMPLETED = 0, CANCELLED = 1, RETURNED = 2;
    static final String[] STATUS = {"COMPLETED", "CANCELLED", "RETURNED"};
    static final String[] SHOPEE_STATUS = {"Selesai", "Batal", "Pengembalian"};
    static final String[] TIKTOK_STATUS = {"Completed", "Cancelled", "Returned"};
    static final String[] TOKOPEDIA_STATUS = {"delivered", "cancelled", "returned"};
    static final String[] XB_STATUS = {"FINISHED", "CANCELED", "REFUNDED"};
    static final String BASE32 = "0123456789ABCDEFGHJKLMNPQRSTUVWX";
    static final String[] CUE_IMPORTED = {"Impor", "Import", "Barang Impor", "Import Original"};
    static final String[] CUE_LOCAL = {"Produk Lokal", "UMKM", "Buatan Indonesia", "Asli Indonesia", "Karya UMKM"};

    private final MarketModel model;
    private final Options opt;
    private final Regencies regencies;
    private final Catalogue catalogue;
    final SellerPopulation sellers;
    private final DayFactors days;
    private final Fx fx;
    private final SplittableRandom rnd;
    private final double[] carry;
    private final double[] yearToDate;        // scaled sellers: completed rupiah sold so far this calendar year
    private int dayIndex;
    /** PP 7/2021's ceilings and UU 20/2008's (rupiah), and the days of the range under the earlier law. */
    private final double[] ceilings = new double[3], earlierCeilings = new double[3];
    private final int earlierLawDays;
    private final double[] hourCum;
    private final double[] linesCum;
    private final int[] linesVal;
    private final double[] qtyCum;
    private final int[] qtyVal;
    private final double[] statusCum;
    private final double[] regencyPopCum;     // buyers of cross-border storefronts, by province population
    private final int[] tz;                   // per province: UTC offset hours
    private final boolean[] brandInName;
    private final LocalDate permendagDate;
    private final YearMonth commaFrom;
    private double ordersPerWeightDay;

    // per-order scratch, reused (no per-row objects are kept)
    private final StringBuilder sb = new StringBuilder(512);
    private final StringBuilder tb = new StringBuilder(256);
    private final int[] orderProducts = new int[8];

    // open files
    private DumpFile shopeeCur, shopeePrev, tiktok, tokopedia, crossborder;
    private BufferedWriter truth;
    private final List<String> fileSummaries = new ArrayList<>();
    private long shopeeSeq, tiktokSeq, tokopediaSeq, xbSeq;
    private long rowsWritten, sales, quarantinable, duplicates;

    MarketGenerator(MarketModel model, Options opt) {
        this.model = model;
        this.opt = opt;
        this.regencies = Regencies.load(opt.regencies());
        this.catalogue = Catalogue.load(model.categories());
        for (MarketModel.Province p : model.provinces()) {
            boolean found = false;
            for (int g = 0; g < regencies.size() && !found; g++) found = regencies.province[g].equals(p.code());
            if (!found) throw NeracaException.usage("%s: no regency of province %s (%s)", opt.regencies(), p.code(), p.name());
        }
        this.sellers = new SellerPopulation(model, regencies, opt.rows(), opt.seed());
        model.requireSeasonsFor(opt.modelFile() == null ? MarketModel.RESOURCE : opt.modelFile().toString(), opt.start(), opt.end());
        this.days = new DayFactors(model, opt.start(), opt.end());
        MarketModel.TierLaw law = model.tierLaw();
        for (int i = 0; i < 3; i++) {
            ceilings[i] = law.ceilingsMiliar().get(i) * 1e9;
            earlierCeilings[i] = law.earlierCeilingsMiliar().get(i) * 1e9;
        }
        this.earlierLawDays = (int) Math.max(0, Math.min(days.days(), java.time.temporal.ChronoUnit.DAYS.between(
                opt.start().atDay(1), YearMonth.parse(law.earlierUntil()).plusMonths(1).atDay(1))));
        this.fx = new Fx(model, opt.fxFile());
        // every month's cross-border rates before a file is opened: a rate missing half-way left empty dumps behind,
        // which a later run refused as truncated
        for (YearMonth m = opt.start(); !m.isAfter(opt.end()); m = m.plusMonths(1)) {
            for (String ccy : List.of("USD", "CNY")) fx.generationRate(m.toString(), ccy);
        }
        this.rnd = new SplittableRandom(opt.seed());
        this.carry = new double[sellers.n];
        this.yearToDate = new double[sellers.n];
        SplittableRandom phase = new SplittableRandom(opt.seed() ^ 0xCA77L);
        for (int s = 0; s < sellers.n; s++) carry[s] = phase.nextDouble();
        this.hourCum = SellerPopulation.cumulative(model.orders().hourWeights().stream().mapToDouble(Double::doubleValue).toArray());
        this.linesVal = model.orders().linesPerOrder().keySet().stream().mapToInt(Integer::intValue).toArray();
        this.linesCum = SellerPopulation.cumulative(model.orders().linesPerOrder().values().stream().mapToDouble(Double::doubleValue).toArray());
        this.qtyVal = model.orders().baseQuantity().keySet().stream().mapToInt(Integer::intValue).toArray();
        this.qtyCum = SellerPopulation.cumulative(model.orders().baseQuantity().values().stream().mapToDouble(Double::doubleValue).toArray());
        this.statusCum = new double[]{model.orders().status().get("COMPLETED"),
                model.orders().status().get("COMPLETED") + model.orders().status().get("CANCELLED"),
                model.orders().status().get("COMPLETED") + model.orders().status().get("CANCELLED") + model.orders().status().get("RETURNED")};
        this.tz = new int[model.provinces().size()];
        for (int i = 0; i < tz.length; i++) {
            tz[i] = switch (model.provinces().get(i).tz()) {
                case "Asia/Jakarta" -> 7;
                case "Asia/Makassar" -> 8;
                case "Asia/Jayapura" -> 9;
                default -> throw NeracaException.usage("market-model.yaml: provinces[%d].tz must be Asia/Jakarta, "
                        + "Asia/Makassar or Asia/Jayapura", i);
            };
        }
        double[] regPop = new double[regencies.size()];
        for (int g = 0; g < regencies.size(); g++) {
            for (MarketModel.Province p : model.provinces()) {
                if (p.code().equals(regencies.province[g])) regPop[g] = p.population() * (regencies.kota[g] ? 2.0 : 1.0);
            }
        }
        this.regencyPopCum = SellerPopulation.cumulative(regPop);
        this.brandInName = new boolean[catalogue.size()];
        for (int i = 0; i < catalogue.size(); i++) {
            brandInName[i] = !catalogue.brand[i].isEmpty()
                    && catalogue.name[i].toLowerCase(Locale.ROOT).contains(catalogue.brand[i].toLowerCase(Locale.ROOT));
        }
        this.permendagDate = LocalDate.parse(model.permendag31().effective());
        this.commaFrom = YearMonth.parse(model.shopee().commaFrom());
        calibrate();
    }

    /** Generates everything described by {@code opt}. */
    public static Result run(Options opt) {
        MarketModel model = MarketModel.load(opt.modelFile());
        return new MarketGenerator(model, opt).generate();
    }

    // ---------------------------------------------------------------- calibration

    private double meanOf(int[] val, double[] cum) {
        double m = 0, prev = 0;
        for (int i = 0; i < val.length; i++) {
            m += val[i] * (cum[i] - prev);
            prev = cum[i];
        }
        return m / cum[cum.length - 1];
    }

    /** Probability a local seller with import orientation {@code u} sells imported goods in category {@code c}. */
    double importProbability(int c, float u) {
        double s = model.categories().get(c).importShare();
        double lo = Math.min(0.04, s), hi = 0.92;
        double f = (s - lo) / (hi - lo);
        return u < f ? hi : lo;
    }

    private double expectedUnitPrice(int s) {
        MarketModel.Orders o = model.orders();
        double disc = 1 - o.discountShare() * o.discountMax() / 2;
        if (sellers.foreign(s)) return catalogue.meanPrice[sellers.cat1[s]][1] * disc;
        double v = 0;
        int[] cs = sellers.cat2[s] < 0 ? new int[]{sellers.cat1[s]} : new int[]{sellers.cat1[s], sellers.cat2[s]};
        double[] ps = cs.length == 1 ? new double[]{1} : new double[]{0.7, 0.3};
        for (int i = 0; i < cs.length; i++) {
            double pi = importProbability(cs[i], sellers.importOrientation[s]);
            v += ps[i] * (pi * catalogue.meanPrice[cs[i]][1] + (1 - pi) * catalogue.meanPrice[cs[i]][0]);
        }
        return v * disc;
    }

    private double shopeeProbability(int s) {
        int mp = sellers.marketplaces[s];
        if ((mp & SellerPopulation.SHOPEE) == 0) return 0;
        double tot = 0;
        if ((mp & SellerPopulation.SHOPEE) != 0) tot += model.marketplaceWeight().get("shopee");
        if ((mp & SellerPopulation.TIKTOK) != 0) tot += model.marketplaceWeight().get("tiktokshop");
        if ((mp & SellerPopulation.TOKOPEDIA) != 0) tot += model.marketplaceWeight().get("tokopedia");
        return model.marketplaceWeight().get("shopee") / tot;
    }

    /**
     * Sets the orders per unit weight per day so the expected rows written match {@code --rows}, then each
     * local seller's units-per-line scale (or, when its natural volume is already above its target, its row
     * weight) so expected annual completed sales equal its tier target. Two passes, since lowering a weight
     * moves the normalisation.
     */
    private void calibrate() {
        MarketModel.Population p = model.population();
        double meanLines = meanOf(linesVal, linesCum);
        double meanQty = meanOf(qtyVal, qtyCum);
        double completed = model.orders().status().get("COMPLETED");
        double yearFraction = 365.25 / days.days();
        int n = sellers.n;
        double[] unitPrice = new double[n];
        double[] target = new double[n];
        SplittableRandom r = new SplittableRandom(opt.seed() ^ 0x7A26E7L);
        for (int s = 0; s < n; s++) {
            unitPrice[s] = expectedUnitPrice(s);
            if (!sellers.foreign(s)) {
                MarketModel.Tier t = p.tiers().get(sellers.tier[s]);
                target[s] = t.targetMinMiliar() > 0
                        ? 1e9 * StrictMath.exp(StrictMath.log(t.targetMinMiliar())
                            + r.nextDouble() * (StrictMath.log(t.targetMaxMiliar()) - StrictMath.log(t.targetMinMiliar())))
                        : -1e9 * t.targetMaxMiliar();     // negative: a cap, not a target
            }
        }
        for (int pass = 0; pass < 3; pass++) {
            double sumW = 0, shopeeW = 0;
            for (int s = 0; s < n; s++) {
                sumW += sellers.weight[s];
                shopeeW += sellers.weight[s] * shopeeProbability(s);
            }
            double dup = shopeeW / sumW * model.shopee().overlapDays() / 30.44;
            double orders = opt.rows() / (meanLines * (1 + dup));
            ordersPerWeightDay = orders / (sumW * days.total);
            for (int s = 0; s < n; s++) {
                double annualLines = ordersPerWeightDay * sellers.weight[s] * days.total * yearFraction * meanLines;
                double natural = annualLines * unitPrice[s] * meanQty * completed;
                if (sellers.foreign(s)) {
                    sellers.annualTargetIdr[s] = Math.round(natural);
                    continue;
                }
                double want = Math.abs(target[s]);
                if (target[s] < 0) {                        // micro: natural volume, capped
                    if (natural > want && pass < 2) sellers.weight[s] *= (float) (want / natural);
                    sellers.unitsScale[s] = 1f;
                    sellers.annualTargetIdr[s] = Math.round(Math.min(natural, want));
                } else {
                    double m = want / natural;
                    if (m < 1 && pass < 2) sellers.weight[s] *= (float) m;
                    sellers.unitsScale[s] = (float) Math.max(1.0, m);
                    sellers.lineValue[s] = (float) (Math.max(1.0, m) * meanQty * unitPrice[s]);
                    sellers.annualTargetIdr[s] = Math.round(want);
                }
            }
        }
    }

    // ---------------------------------------------------------------- main loop

    Result generate() {
        long t0 = System.nanoTime();
        prepareOut();
        try {
            truth = Files.newBufferedWriter(opt.out().resolve("_truth/ground_truth.csv"), StandardCharsets.UTF_8);
            truth.write(TRUTH_HEADER);
            truth.write('\n');
            YearMonth month = null;
            int n = sellers.n;
            for (int di = 0; di < days.days(); di++) {
                LocalDate d = days.date(di);
                dayIndex = di;
                if (d.getDayOfYear() == 1) java.util.Arrays.fill(yearToDate, 0);
                YearMonth ym = YearMonth.from(d);
                if (!ym.equals(month)) {
                    openMonth(ym);
                    month = ym;
                }
                if (shopeePrev != null && d.getDayOfMonth() > model.shopee().overlapDays()) {
                    closeFile(shopeePrev);
                    shopeePrev = null;
                }
                double f = ordersPerWeightDay * days.factor[di];
                int off = rnd.nextInt(n);
                int step = coprimeStep(n);
                for (int j = 0; j < n; j++) {
                    int s = (int) ((off + (long) j * step) % n);
                    carry[s] += f * sellers.weight[s];
                    int k = (int) carry[s];
                    carry[s] -= k;
                    for (int o = 0; o < k; o++) emitOrder(s, d);
                }
            }
            if (shopeePrev != null) closeFile(shopeePrev);
            shopeePrev = null;
            closeFile(shopeeCur);
            closeFile(tiktok);
            closeFile(tokopedia);
            closeFile(crossborder);
            truth.close();
            writeFilesSummary();
            writeSellers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Result(rowsWritten, sales, quarantinable, duplicates, sellers.n, fileSummaries.size(), ms);
    }

    private int coprimeStep(int n) {
        if (n == 1) return 1;
        while (true) {
            int step = 1 + rnd.nextInt(n - 1);
            if (gcd(step, n) == 1) return step;
        }
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private void prepareOut() {
        Path out = opt.out();
        try {
            Files.createDirectories(out);
            for (String d : SHAPE_DIRS) {
                Path p = out.resolve(d);
                if (Files.exists(p)) {
                    if (!opt.overwrite()) {
                        throw NeracaException.usage("%s already holds generated dumps (%s/). Pass --overwrite to replace "
                                + "them, or choose an empty --out folder.", out, d);
                    }
                    deleteTree(p);
                }
            }
            Files.createDirectories(out.resolve("_truth"));
        } catch (IOException e) {
            throw NeracaException.usage("%s: cannot prepare the output folder: %s", out, e.getMessage());
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }

    private void openMonth(YearMonth ym) {
        String mm = ym.toString();
        if (tiktok != null) closeFile(tiktok);
        if (tokopedia != null) closeFile(tokopedia);
        if (crossborder != null) closeFile(crossborder);
        if (shopeePrev != null) closeFile(shopeePrev);
        shopeePrev = shopeeCur;
        if (ym.equals(opt.start())) shopeePrev = null;
        LocalDate exportEnd = ym.equals(opt.end()) ? ym.atEndOfMonth() : ym.plusMonths(1).atDay(model.shopee().overlapDays());
        String name = "shopee/shopee_orders_" + ym.atDay(1).toString().replace("-", "") + "_"
                + exportEnd.toString().replace("-", "") + ".csv";
        shopeeCur = new DumpFile(opt.out(), name, false, true);
        shopeeCur.delimiter = ym.isBefore(commaFrom) ? ';' : ',';
        shopeeCur.header(SHOPEE_HEADER.replace(';', shopeeCur.delimiter));
        tiktok = new DumpFile(opt.out(), "tiktokshop/tiktok_orders_" + mm + ".csv", false, false);
        tiktok.header(TIKTOK_HEADER);
        tokopedia = new DumpFile(opt.out(), "tokopedia/tokopedia_orders_" + mm + ".jsonl", false, false);
        crossborder = new DumpFile(opt.out(), "crossborder/xb_orders_" + mm + ".csv.gz", true, false);
        crossborder.header(XB_HEADER);
    }

    private void closeFile(DumpFile f) {
        f.close();
        fileSummaries.add(f.relative + "," + f.rows + "," + (f.rows - f.quarantinable - f.duplicates) + ","
                + f.quarantinable + "," + f.duplicates);
    }

    private void writeFilesSummary() throws IOException {
        List<String> lines = new ArrayList<>(fileSummaries);
        lines.sort(null);
        try (BufferedWriter w = Files.newBufferedWriter(opt.out().resolve("_truth/files.csv"), StandardCharsets.UTF_8)) {
            w.write("source_file,rows,expected_accepted,expected_quarantined,expected_duplicates_collapsed\n");
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        }
    }

    /**
     * Seller {@code s}'s size class on the current day under the law then in force: its expected sales over a whole
     * calendar year at that year's pace ({@code annual_target_idr} × the year's pace) against PP 7/2021's ceilings, or
     * UU 20/2008's up to {@code tier_law.earlier_until}. Over the model's default three years this is the tier the
     * seller was drawn in (the target bands leave room for ±20% a year); over a longer range or under the earlier law
     * it follows the seller's growth, as the classifier's trailing twelve months do.
     */
    int tierInForce(int s) {
        if (sellers.foreign(s)) return SellerPopulation.FOREIGN;
        double annual = sellers.annualTargetIdr[s] * days.yearRate[dayIndex];
        double[] c = dayIndex < earlierLawDays ? earlierCeilings : ceilings;
        int t = 0;
        while (t < 3 && annual > c[t]) t++;
        return t;
    }

    /** The tier seller {@code s} declares on the current day: the tier in force, one lower when it understates. */
    private int declaredTierInForce(int s) {
        int now = tierInForce(s);
        return sellers.declaredTier[s] < sellers.tier[s] ? Math.max(0, now - 1) : now;
    }

    private void writeSellers() throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(opt.out().resolve("_truth/sellers.csv"), StandardCharsets.UTF_8)) {
            w.write("seller_ref,kind,tier,country,province_code,regency_code,id_type,id_valid,categories,"
                    + "marketplaces,annual_target_idr,units_scale\n");
            for (int s = 0; s < sellers.n; s++) {
                StringBuilder b = new StringBuilder();
                boolean f = sellers.foreign(s);
                b.append(sellers.sellerRef(s)).append(',').append(f ? "FOREIGN" : "LOCAL").append(',')
                        .append(SellerPopulation.TIER[sellers.tier[s]]).append(',').append(sellers.countryOf(s)).append(',')
                        .append(f ? "" : model.provinces().get(sellers.province[s]).code()).append(',')
                        .append(f ? "" : regencies.code[sellers.regency[s]]).append(',')
                        .append(SellerPopulation.ID_TYPE[sellers.idType[s]]).append(',').append(sellers.idValid[s]).append(',')
                        .append(model.categories().get(sellers.cat1[s]).code());
                if (sellers.cat2[s] >= 0) b.append('|').append(model.categories().get(sellers.cat2[s]).code());
                b.append(',');
                boolean first = true;
                for (int m = 0; m < 4; m++) {
                    if ((sellers.marketplaces[s] & (1 << m)) != 0) {
                        if (!first) b.append('|');
                        b.append(SellerPopulation.MARKETPLACES[m]);
                        first = false;
                    }
                }
                b.append(',').append(sellers.annualTargetIdr[s]).append(',')
                        .append(String.format(Locale.ROOT, "%.3f", sellers.unitsScale[s])).append('\n');
                w.write(b.toString());
            }
        }
    }

    // ---------------------------------------------------------------- one order

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A stable per-seller draw in [0,1) (same for every order of the seller), salted by what it decides. */
    private double sellerDraw(int s, int salt) {
        return (mix(opt.seed() * 0x9E3779B97F4A7C15L + s * 1_000_003L + salt) >>> 11) * 0x1.0p-53;
    }

    private int drawIndex(double[] cum) {
        return SellerPopulation.pick(cum, rnd.nextDouble() * cum[cum.length - 1]);
    }

    private int chooseMarketplace(int s) {
        int mp = sellers.marketplaces[s];
        if (Integer.bitCount(mp) == 1) return Integer.numberOfTrailingZeros(mp);
        double ws = (mp & 1) != 0 ? model.marketplaceWeight().get("shopee") : 0;
        double wt = (mp & 2) != 0 ? model.marketplaceWeight().get("tiktokshop") : 0;
        double wk = (mp & 4) != 0 ? model.marketplaceWeight().get("tokopedia") : 0;
        double x = rnd.nextDouble() * (ws + wt + wk);
        if (x < ws) return 0;
        if (x < ws + wt) return 1;
        return 2;
    }

    private void emitOrder(int s, LocalDate d) throws IOException {
        int mp = chooseMarketplace(s);
        boolean foreign = sellers.foreign(s);
        int offset = foreign ? 7 : tz[sellers.province[s]];
        int hour = drawIndex(hourCum);
        LocalDateTime local = d.atTime(hour, rnd.nextInt(60), rnd.nextInt(60));
        long epochSec = local.toEpochSecond(ZoneOffset.ofHours(offset));
        int status = drawIndex(statusCum);
        int lines = Math.min(linesVal[drawIndex(linesCum)], orderProducts.length);
        String period = YearMonth.from(d).toString();
        boolean overlap = mp == 0 && shopeePrev != null && d.getDayOfMonth() <= model.shopee().overlapDays();
        String orderId = switch (mp) {
            case 0 -> shopeeOrderId(d);
            case 1 -> tiktokOrderId();
            case 2 -> tokopediaOrderId(d);
            default -> xbOrderId(d);
        };
        int nProducts = 0;
        for (int l = 0; l < lines; l++) {
            int c = sellers.cat2[s] >= 0 && rnd.nextDouble() < 0.3 ? sellers.cat2[s] : sellers.cat1[s];
            boolean noEvidence = !foreign && rnd.nextDouble() < model.evidence().noEvidence();
            boolean imported = foreign || rnd.nextDouble() < importProbability(c, sellers.importOrientation[s]);
            int product = catalogue.draw(rnd, c, imported, noEvidence);
            int variant = 1;                           // a product twice in one order: two variants (two SKUs)
            for (int q = 0; q < nProducts; q++) if (orderProducts[q] == product) variant++;
            orderProducts[nProducts++] = product;
            emitLine(s, mp, c, product, variant, noEvidence, l + 1, lines, orderId, d, local, epochSec, offset, status,
                    overlap, period);
        }
    }

    private void emitLine(int s, int mp, int c, int product, int variant, boolean noEvidence, int lineNo, int orderLines,
                          String orderId,
                          LocalDate d, LocalDateTime local, long epochSec, int offset, int status, boolean overlap,
                          String period) throws IOException {
        MarketModel.Orders o = model.orders();
        MarketModel.Evidence ev = model.evidence();
        boolean foreign = sellers.foreign(s);
        String marketplace = SellerPopulation.MARKETPLACES[mp];
        // price and quantity
        long listIdr = roundTo(catalogue.priceMin[product]
                + (long) (rnd.nextDouble() * (catalogue.priceMax[product] - catalogue.priceMin[product] + 1)), 500);
        long unitIdr = listIdr;
        if (rnd.nextDouble() < o.discountShare()) unitIdr = roundTo((long) (listIdr * (1 - rnd.nextDouble() * o.discountMax())), 100);
        long unitSen = unitIdr * 100;
        if (mp == 0 && rnd.nextDouble() < o.centsShare()) unitSen += 50;
        long qty;
        if (sellers.unitsScale[s] > 1f) {
            // a scaled (small/medium/large) seller's line is a bulk line of about its line value: units =
            // value / unit price, so cheap and dear products give lines of similar rupiah value and the
            // seller's annual sum stays close to its target even with few lines (log-normal spread, mean 1)
            // Sellers pace themselves towards their yearly target: behind plan, the next lines are bigger
            // (a cancelled bulk order is made up later). This keeps annual sums inside the tier at any N.
            double yearTarget = sellers.annualTargetIdr[s] * days.yearWeight[dayIndex];
            double gap = yearTarget * days.yearFraction[dayIndex] - yearToDate[s];
            double pace = Math.max(0.2, Math.min(5.0, 1 + gap / (4 * sellers.lineValue[s])));
            double value = sellers.lineValue[s] * pace * StrictMath.exp(0.25 * rnd.nextGaussian() - 0.03125);
            qty = Math.max(1, (long) Math.floor(value / (unitSen / 100.0) + rnd.nextDouble()));
        } else {
            qty = qtyVal[drawIndex(qtyCum)];
        }
        // cross-border storefront: price in USD or CNY (model FX), Permendag 31/2023 floor after it took effect
        String ccy = "IDR";
        long srcCents = 0;
        String title = catalogue.name[product];
        if (mp == 3) {
            ccy = sellers.currency[s] == SellerPopulation.CNY ? "CNY" : "USD";
            BigDecimal usdRate = fx.generationRate(period, "USD");
            BigDecimal rate = fx.generationRate(period, ccy);
            BigDecimal src = BigDecimal.valueOf(unitIdr).divide(rate, 2, RoundingMode.HALF_UP);
            BigDecimal usd = BigDecimal.valueOf(unitIdr).divide(usdRate, 2, RoundingMode.HALF_UP);
            boolean exempt = model.permendag31().exemptCategories().contains(model.categories().get(c).code());
            if (!d.isBefore(permendagDate) && !exempt && usd.doubleValue() < model.permendag31().minUsd()
                    && rnd.nextDouble() < model.permendag31().compliance()) {
                double bundleUsd = model.permendag31().minUsd() * (1 + rnd.nextDouble() * 0.6);
                BigDecimal inUsd = BigDecimal.valueOf(Math.round(bundleUsd * 100), 2);
                src = inUsd.multiply(usdRate).divide(rate, 2, RoundingMode.HALF_UP);
                title = title + " (Paket Grosir)";
                qty = 1;
            }
            srcCents = src.movePointRight(2).longValueExact();
            unitSen = BigDecimal.valueOf(srcCents, 2).multiply(fx.truthRate(period, ccy))
                    .setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
        }
        long gmvSen = unitSen * qty;
        if (status == COMPLETED) yearToDate[s] += gmvSen / 100.0;
        // evidence
        boolean imported = catalogue.imported(product);
        String originCc = catalogue.origin[product];
        boolean declaredOrigin = mp < 3 && !noEvidence && rnd.nextDouble() < ev.declaredOrigin().get(marketplace);
        String cue = null;
        if (!noEvidence) {
            if (imported && rnd.nextDouble() < ev.cueImported()) {
                cue = switch (originCc) {
                    case "KR" -> "Original Korea";
                    case "JP" -> "Original Japan";
                    case "CN" -> rnd.nextBoolean() ? "Import China" : CUE_IMPORTED[rnd.nextInt(CUE_IMPORTED.length)];
                    default -> CUE_IMPORTED[rnd.nextInt(CUE_IMPORTED.length)];
                };
            } else if (!imported && !foreign && rnd.nextDouble() < ev.cueLocal()) {
                cue = CUE_LOCAL[rnd.nextInt(CUE_LOCAL.length)];
            }
        }
        if (cue != null && mp != 2) title = rnd.nextBoolean() ? title + " " + cue : "[" + cue.toUpperCase(Locale.ROOT) + "] " + title;
        boolean brandField = !catalogue.brand[product].isEmpty() && rnd.nextDouble() < ev.brandFilled();
        boolean foreignFlagged = foreign && (mp == 3 || sellerDraw(s, 11) < ev.foreignFlagged());
        // dirt (never on an order repeated across exports: ingest must collapse those cleanly)
        MarketModel.Dirt dirt = model.dirt();
        DumpFile file = switch (mp) {
            case 0 -> shopeeCur;
            case 1 -> tiktok;
            case 2 -> tokopedia;
            default -> crossborder;
        };
        String reason = null;
        int blank = -1;                                  // 0 brand, 1 category, 2 city
        if (!overlap) {
            double x = rnd.nextDouble();
            if (x < dirt.badPrice()) reason = "BAD_PRICE";
            else if (x < dirt.badPrice() + dirt.badDate()) reason = "BAD_DATE";
            else if (x < dirt.badPrice() + dirt.badDate() + dirt.negativeQuantity()) reason = "NEGATIVE_QUANTITY";
            if ("BAD_DATE".equals(reason) && orderLines > 1) reason = null;   // a date belongs to the whole order
            if (reason != null && !file.roomForDirt(dirt.maxFileShare())) reason = null;
            if (rnd.nextDouble() < dirt.blankOptional()) blank = rnd.nextInt(3);
        }
        if (blank == 0) brandField = false;
        // truth
        StringBuilder evs = tb;
        evs.setLength(0);
        if (declaredOrigin) evs.append("ORIGIN");
        if (brandField || brandInName[product]) appendToken(evs, "BRAND");
        if (cue != null) appendToken(evs, "CUE");
        if (foreignFlagged) appendToken(evs, "FOREIGN_SELLER");
        if (evs.length() == 0) evs.append("NONE");
        int tierNow = tierInForce(s);
        String originClass = foreign ? "CROSS_BORDER" : imported ? "IMPORTED"
                : tierNow == SellerPopulation.LARGE ? "LOCAL_LARGE" : "LOCAL_UMKM";
        String keySource = keySource(s, mp);
        String lineKey = switch (mp) {
            case 0, 1 -> sku(s, product, variant);
            default -> Integer.toString(lineNo);
        };
        sales++;
        rowsWritten++;
        if (reason != null) {
            quarantinable++;
            file.quarantinable++;
        }
        sb.setLength(0);
        sb.append(marketplace).append(':').append(orderId).append(':').append(lineKey).append(',')
                .append(originClass).append(',').append(SellerPopulation.TIER[tierNow]).append(',');
        Csv.field(sb, keySource, ',');
        sb.append(',');
        appendSen(sb, gmvSen);
        sb.append(',').append(STATUS[status]).append(',').append(reason != null).append(',')
                .append(reason == null ? "" : reason).append(',').append(marketplace).append(',').append(period).append(',')
                .append(sellers.sellerRef(s)).append(',').append(sellers.idValid[s]).append(',').append(evs).append(',')
                .append(ccy).append(',');
        if (mp == 3) appendSen(sb, srcCents);
        else appendSen(sb, unitSen);
        sb.append(',').append(qty).append('\n');
        truth.append(sb);
        // the dump row(s)
        String category = blank == 1 ? "" : model.categories().get(c).label(marketplace);
        switch (mp) {
            case 0 -> {
                if (overlap) {
                    int early = status == RETURNED ? COMPLETED : status;
                    shopeeRow(shopeePrev, s, orderId, lineKey, early, local, title, product, brandField, category, listIdr, unitSen,
                            qty, declaredOrigin, originCc, foreignFlagged, blank, null);
                    shopeePrev.duplicates++;
                    duplicates++;
                    rowsWritten++;
                }
                shopeeRow(shopeeCur, s, orderId, lineKey, status, local, title, product, brandField, category, listIdr, unitSen, qty,
                        declaredOrigin, originCc, foreignFlagged, blank, reason);
            }
            case 1 -> tiktokRow(s, orderId, lineKey, status, epochSec, title, product, brandField, category, listIdr, unitSen, qty,
                    declaredOrigin, originCc, foreignFlagged, blank, reason);
            case 2 -> tokopediaRow(s, orderId, lineNo, status, local, offset, title, cue, product, brandField, category,
                    unitSen, qty, declaredOrigin, originCc, foreignFlagged, blank, reason);
            default -> xbRow(s, orderId, lineNo, status, epochSec, title, product, brandField, category, qty, srcCents, ccy,
                    blank, reason);
        }
    }

    static StringBuilder pad(StringBuilder b, long v, int width) {
        String d = Long.toString(v);
        for (int i = d.length(); i < width; i++) b.append('0');
        return b.append(d);
    }

    static StringBuilder isoLocal(StringBuilder b, LocalDateTime t, char sep) {
        b.append(t.getYear()).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append(sep);
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        return pad(b, t.getSecond(), 2);
    }

    private static void appendToken(StringBuilder b, String t) {
        if (b.length() > 0) b.append('|');
        b.append(t);
    }

    private static long roundTo(long v, long unit) {
        return Math.max(unit, (v + unit / 2) / unit * unit);
    }

    /** What ingest hashes into seller_key (docs/CONTRACTS.md). */
    private String keySource(int s, int mp) {
        byte type = sellers.idType[s];
        if (type == SellerPopulation.NONE) {
            return mp == 2 ? "SHOP:tokopedia:" + sellers.shopId(s) : "SHOP:" + SellerPopulation.MARKETPLACES[mp] + ":" + sellers.shopName[s];
        }
        return sellers.idKeySource[s];
    }

    private static String sku(int s, int product, int variant) {
        StringBuilder b = new StringBuilder(16).append('P');
        pad(b, product, 3);
        b.append('-').append(Integer.toString(s, 36).toUpperCase(Locale.ROOT));
        if (variant > 1) b.append("-V").append(variant);
        return b.toString();
    }

    private String shopeeOrderId(LocalDate d) {
        long v = (++shopeeSeq * 0x9E3779B1L) & ((1L << 40) - 1);
        StringBuilder b = new StringBuilder(14);
        pad(b, d.getYear() % 100, 2);
        pad(b, d.getMonthValue(), 2);
        pad(b, d.getDayOfMonth(), 2);
        for (int i = 7; i >= 0; i--) b.append(BASE32.charAt((int) ((v >>> (5 * i)) & 31)));
        return b.toString();
    }

    private String tiktokOrderId() {
        long v = Math.floorMod(++tiktokSeq * 7_919_000_003L, 10_000_000_000_000_000L);
        return pad(new StringBuilder(18).append("57"), v, 16).toString();
    }

    private String tokopediaOrderId(LocalDate d) {
        long v = Math.floorMod(++tokopediaSeq * 2_654_435_761L, 10_000_000_000L);
        return "INV/" + d.toString().replace("-", "") + "/MPL/" + v;
    }

    private String xbOrderId(LocalDate d) {
        long v = Math.floorMod(++xbSeq * 1_000_003L, 1_000_000_000L);
        return pad(new StringBuilder(20).append("XB").append(d.toString().replace("-", "")), v, 9).toString();
    }

    // ---------------------------------------------------------------- shapes

    private String cityText(int s, int mp) {
        int g = sellers.regency[s];
        String[] al = regencies.aliases[g];
        double u = sellerDraw(s, 100 + mp);
        if (u < 0.6 || al.length == 0) return regencies.name[g];
        return al[(int) ((u - 0.6) / 0.4 * al.length)];
    }

    private String provinceName(int s) {
        return model.provinces().get(sellers.province[s]).name();
    }

    private String countryId(String cc) {
        return model.countryNamesId().getOrDefault(cc, cc);
    }

    private String idText(int s, int mp) {
        String raw = sellers.id[s];
        if (raw == null) return "";
        if (sellers.idType[s] == SellerPopulation.NPWP && raw.length() == 15 && sellerDraw(s, 200 + mp) < 0.6) {
            return Ids.formatNpwp(raw);
        }
        return raw;
    }

    private static void rupiah(StringBuilder b, long sen, boolean rp) {
        if (rp) b.append("Rp");
        long idr = sen / 100;
        String digits = Long.toString(idr);
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) b.append('.').append(digits, i, i + 3);
        long cents = sen % 100;
        if (cents != 0) b.append(',').append(cents < 10 ? "0" : "").append(cents);
    }

    private static void appendSen(StringBuilder b, long sen) {
        b.append(sen / 100).append('.');
        long c = Math.abs(sen % 100);
        if (c < 10) b.append('0');
        b.append(c);
    }

    /** Malformed the way OCR'd or hand-edited exports are: zeros typed as the letter O. */
    private static String spoil(String price) {
        if (price.indexOf('0') >= 0) return price.replace('0', 'O');
        return price.substring(0, price.length() - 1) + "O";
    }

    /**
     * The year of a planted date "in the future": far enough that no run reaches it. With 2031, the samples' five such
     * rows would have been accepted by any run from their day in 2031 on (ingest's upper bound is the run's date), and
     * every figure of the quick start would have changed with the calendar.
     */
    static final int FUTURE_YEAR = 2099;

    private String impossibleLocal(LocalDateTime t, String pattern) {
        // pattern: "dmy" shopee dd/MM/yyyy HH:mm, "iso" yyyy-MM-dd HH:mm:ss, "isoT" with T
        boolean future = rnd.nextBoolean();
        int y = future ? FUTURE_YEAR : t.getYear();
        String md = future ? String.format(Locale.ROOT, "%02d-%02d", t.getMonthValue(), Math.min(t.getDayOfMonth(), 28))
                : switch (rnd.nextInt(3)) {
                    case 0 -> "02-30";
                    case 1 -> "04-31";
                    default -> "02-31";
                };
        String hm = String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
        String ss = String.format(Locale.ROOT, ":%02d", t.getSecond());
        return switch (pattern) {
            case "dmy" -> md.substring(3) + "/" + md.substring(0, 2) + "/" + y + " " + hm;
            case "iso" -> y + "-" + md + " " + hm + ss;
            default -> y + "-" + md + "T" + hm + ss;
        };
    }

    private void shopeeRow(DumpFile f, int s, String orderId, String lineKey, int status, LocalDateTime local, String title, int product,
                           boolean brandField, String category, long listIdr, long unitSen, long qty, boolean declaredOrigin,
                           String originCc, boolean foreignFlagged, int blank, String reason) {
        char dl = f.delimiter;
        boolean rp = sellerDraw(s, 300) < model.shopee().rpPrefixShare();
        boolean foreign = sellers.foreign(s);
        StringBuilder b = sb;
        b.setLength(0);
        b.append(orderId).append(dl).append(SHOPEE_STATUS[status]).append(dl);
        if ("BAD_DATE".equals(reason)) b.append(impossibleLocal(local, "dmy"));
        else {
            pad(b, local.getDayOfMonth(), 2).append('/');
            pad(b, local.getMonthValue(), 2).append('/').append(local.getYear()).append(' ');
            pad(b, local.getHour(), 2).append(':');
            pad(b, local.getMinute(), 2);
        }
        b.append(dl);
        Csv.field(b, title, dl);
        b.append(dl).append(lineKey).append(dl);
        if (brandField) Csv.field(b, catalogue.brand[product], dl);
        b.append(dl);
        Csv.field(b, category, dl);
        b.append(dl);
        StringBuilder price = new StringBuilder();
        rupiah(price, listIdr * 100, rp);
        Csv.field(b, price.toString(), dl);
        b.append(dl);
        price.setLength(0);
        rupiah(price, unitSen, rp);
        String unit = "BAD_PRICE".equals(reason) ? spoil(price.toString()) : price.toString();
        Csv.field(b, unit, dl);
        b.append(dl).append("NEGATIVE_QUANTITY".equals(reason) ? -qty : qty).append(dl);
        price.setLength(0);
        rupiah(price, unitSen * qty, rp);
        Csv.field(b, "BAD_PRICE".equals(reason) ? spoil(price.toString()) : price.toString(), dl);
        b.append(dl);
        Csv.field(b, sellers.shopName[s], dl);
        b.append(dl);
        byte type = sellers.idType[s];
        if (!foreign && type != SellerPopulation.NONE) b.append(SellerPopulation.ID_TYPE[type]).append(dl).append(idText(s, 0));
        else b.append(dl);
        b.append(dl);
        if (!foreign && blank != 2) Csv.field(b, cityText(s, 0), dl);
        b.append(dl);
        if (!foreign) Csv.field(b, provinceName(s), dl);
        b.append(dl);
        if (declaredOrigin) Csv.field(b, countryId(originCc), dl);
        b.append(dl);
        if (foreign) {
            if (foreignFlagged) Csv.field(b, countryId(sellers.countryOf(s)), dl);
        } else if (sellerDraw(s, 301) < model.evidence().shipFromFilled().get("shopee")) {
            b.append("Indonesia");
        }
        b.append(dl);
        if (!foreign && sellers.declaredTier[s] >= 0) b.append(SellerPopulation.TIER_ID[declaredTierInForce(s)]);
        f.row(b);
    }

    private void tiktokRow(int s, String orderId, String lineKey, int status, long epochSec, String title, int product, boolean brandField,
                           String category, long listIdr, long unitSen, long qty, boolean declaredOrigin, String originCc,
                           boolean foreignFlagged, int blank, String reason) {
        boolean foreign = sellers.foreign(s);
        long unitIdr = unitSen / 100;                   // tiktok prices are whole rupiah (no cents on this shape)
        StringBuilder b = sb;
        b.setLength(0);
        b.append(orderId).append(',').append(TIKTOK_STATUS[status]).append(',').append(lineKey).append(',');
        Csv.field(b, title, ',');
        b.append(',');
        if (brandField) Csv.field(b, catalogue.brand[product], ',');
        b.append(',');
        Csv.field(b, category, ',');
        b.append(',').append("NEGATIVE_QUANTITY".equals(reason) ? -qty : qty).append(',');
        String list = Long.toString(listIdr), sub = Long.toString(unitIdr * qty);
        if ("BAD_PRICE".equals(reason)) {
            list = spoil(list);
            sub = spoil(sub);
        }
        b.append(list).append(',').append(sub).append(',');
        LocalDateTime wib = LocalDateTime.ofEpochSecond(epochSec, 0, ZoneOffset.ofHours(7));
        if ("BAD_DATE".equals(reason)) b.append(impossibleLocal(wib, "iso"));
        else isoLocal(b, wib, ' ');
        b.append(',').append(SellerPopulation.ID_TYPE[sellers.idType[s]]).append(',').append(idText(s, 1)).append(',');
        if (!foreign && blank != 2) Csv.field(b, cityText(s, 1), ',');
        b.append(',');
        if (!foreign) Csv.field(b, provinceName(s), ',');
        b.append(',');
        if (declaredOrigin) b.append(originCc);
        b.append(',');
        if (foreign) {
            if (foreignFlagged) b.append(sellers.countryOf(s));
        } else if (sellerDraw(s, 302) < model.evidence().shipFromFilled().get("tiktokshop")) {
            b.append("ID");
        }
        b.append(',');
        if (foreign) b.append(foreignFlagged ? "Yes" : "");
        else b.append(sellerDraw(s, 303) < 0.7 ? "No" : "");
        tiktok.row(b);
    }

    private static void json(StringBuilder b, String v) {
        if (v == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }

    private void tokopediaRow(int s, String orderId, int lineNo, int status, LocalDateTime local, int offset, String title,
                              String cue, int product, boolean brandField, String category, long unitSen, long qty,
                              boolean declaredOrigin, String originCc, boolean foreignFlagged, int blank, String reason) {
        boolean foreign = sellers.foreign(s);
        StringBuilder b = sb;
        b.setLength(0);
        b.append("{\"invoice\":");
        json(b, orderId);
        b.append(",\"line_id\":\"").append(lineNo).append("\",\"created_at\":");
        String off = "+0" + offset + ":00";
        if ("BAD_DATE".equals(reason)) json(b, impossibleLocal(local, "isoT") + off);
        else json(b, isoLocal(new StringBuilder(25), local, 'T').append(off).toString());
        b.append(",\"status\":\"").append(TOKOPEDIA_STATUS[status]).append("\",\"seller\":{\"shop_id\":\"")
                .append(sellers.shopId(s)).append("\",\"shop_name\":");
        json(b, sellers.shopName[s]);
        byte type = sellers.idType[s];
        boolean hasId = !foreign && type != SellerPopulation.NONE;
        b.append(",\"id_type\":");
        json(b, hasId ? SellerPopulation.ID_TYPE[type] : null);
        b.append(",\"id_number\":");
        json(b, hasId ? idText(s, 2) : null);
        b.append(",\"city\":");
        json(b, foreign ? null : blank == 2 ? "" : cityText(s, 2));
        b.append(",\"province\":");
        json(b, foreign ? null : provinceName(s));
        b.append(",\"official_store\":").append(sellers.official[s]).append(",\"umkm_tier\":");
        json(b, !foreign && sellers.declaredTier[s] >= 0 ? SellerPopulation.TIER_ID[declaredTierInForce(s)] : null);
        b.append("},\"product\":{\"name\":");
        json(b, title);
        b.append(",\"brand\":");
        json(b, brandField ? catalogue.brand[product] : null);
        b.append(",\"category\":");
        json(b, category);
        b.append(",\"origin_country\":");
        json(b, declaredOrigin ? originCc : null);
        b.append(",\"description\":");
        String desc = "Kondisi: Baru. " + (cue != null ? cue + ". " : "") + "Stok tersedia, siap kirim.";
        json(b, desc);
        b.append("},\"ship_from_country\":");
        json(b, foreign ? (foreignFlagged ? sellers.countryOf(s) : null) : "ID");
        b.append(",\"quantity\":").append("NEGATIVE_QUANTITY".equals(reason) ? -qty : qty).append(",\"price\":{\"amount\":");
        StringBuilder amount = new StringBuilder();
        appendSen(amount, unitSen);
        json(b, "BAD_PRICE".equals(reason) ? spoil(amount.toString()) : amount.toString());
        b.append(",\"currency\":\"IDR\"}}");
        tokopedia.row(b);
    }

    private void xbRow(int s, String orderId, int lineNo, int status, long epochSec, String title, int product,
                       boolean brandField, String category, long qty, long srcCents, String ccy, int blank, String reason) {
        StringBuilder b = sb;
        b.setLength(0);
        String cc = sellers.countryOf(s);
        long ms = epochSec * 1000 + rnd.nextInt(1000);
        if ("BAD_DATE".equals(reason)) {           // the same moment in FUTURE_YEAR: in the future, so impossible
            ms = LocalDateTime.ofEpochSecond(epochSec, 0, ZoneOffset.UTC).withYear(FUTURE_YEAR).toEpochSecond(ZoneOffset.UTC) * 1000
                    + ms % 1000;
        }
        b.append(orderId).append(',').append(lineNo).append(',').append(ms).append(',').append("XS").append(sellers.shopId(s))
                .append(',');
        Csv.field(b, sellers.shopName[s], ',');
        b.append(',').append(cc).append(',').append(sellers.id[s]).append(',')
                .append(SellerPopulation.ID_TYPE[sellers.idType[s]]).append(',').append(cc).append(',');
        Csv.field(b, title, ',');
        b.append(',');
        if (brandField) Csv.field(b, catalogue.brand[product], ',');
        b.append(',');
        Csv.field(b, category, ',');
        b.append(',').append("NEGATIVE_QUANTITY".equals(reason) ? -qty : qty).append(',');
        StringBuilder price = new StringBuilder();
        appendSen(price, srcCents);
        b.append("BAD_PRICE".equals(reason) ? spoil(price.toString()) : price.toString());
        b.append(',').append(ccy).append(',').append(XB_STATUS[status]).append(',');
        if (blank != 2) Csv.field(b, regencies.name[SellerPopulation.pick(regencyPopCum, rnd.nextDouble()
                * regencyPopCum[regencyPopCum.length - 1])], ',');
        crossborder.row(b);
    }
}
