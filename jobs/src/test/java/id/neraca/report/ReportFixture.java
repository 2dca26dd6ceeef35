package id.neraca.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.neraca.core.Schemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;

/**
 * Writes a small but realistic synthetic run output folder with the schemas of docs/CONTRACTS.md, so the
 * report (and the notebooks) can be built and tested before the real upstream stages exist:
 * {@code classified/}, {@code aggregates/} (Parquet + CSV), {@code projection/} (Parquet + CSV +
 * summary.json), {@code reconciliation/}, {@code quarantine_reasons/}, {@code manifest.json}, and a reference
 * folder with {@code provinces.csv} (all 38) and {@code fx_monthly.csv}.
 *
 * <p>Scenarios built in on purpose: Papua Tengah (94) has only two sellers (primary suppression), the
 * category "sports" is dominated by one seller (dominance rule), 2025 is a partial year (10 months),
 * cross-border sales below US$100 carry the Permendag flag, some sales are cancelled or returned (excluded
 * from GMV), some have no seller key, and one province has no sales at all.
 *
 * <p>Run as a program to get an out/ folder for the notebooks:
 * {@code java -cp jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/classpath.txt) id.neraca.report.ReportFixture out data-fixture/reference}
 */
public final class ReportFixture {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What to leave out, to test the "not available" paths. */
    public record Options(boolean classified, boolean reconciliation, boolean quarantineReasons, boolean projection,
                          boolean aggregates, boolean csv) {
        /** Everything, CSV copies included (for the notebooks). */
        public static Options all() {
            return new Options(true, true, true, true, true, true);
        }

        /** Everything the report reads (it reads Parquet only, so no CSV copies: faster tests). */
        public static Options forReport() {
            return new Options(true, true, true, true, true, false);
        }
    }

    private static boolean csv = true;

    static final String[][] PROVINCES = {
            {"11", "Aceh"}, {"12", "Sumatera Utara"}, {"13", "Sumatera Barat"}, {"14", "Riau"}, {"15", "Jambi"},
            {"16", "Sumatera Selatan"}, {"17", "Bengkulu"}, {"18", "Lampung"}, {"19", "Kepulauan Bangka Belitung"},
            {"21", "Kepulauan Riau"}, {"31", "DKI Jakarta"}, {"32", "Jawa Barat"}, {"33", "Jawa Tengah"},
            {"34", "DI Yogyakarta"}, {"35", "Jawa Timur"}, {"36", "Banten"}, {"51", "Bali"}, {"52", "Nusa Tenggara Barat"},
            {"53", "Nusa Tenggara Timur"}, {"61", "Kalimantan Barat"}, {"62", "Kalimantan Tengah"},
            {"63", "Kalimantan Selatan"}, {"64", "Kalimantan Timur"}, {"65", "Kalimantan Utara"}, {"71", "Sulawesi Utara"},
            {"72", "Sulawesi Tengah"}, {"73", "Sulawesi Selatan"}, {"74", "Sulawesi Tenggara"}, {"75", "Gorontalo"},
            {"76", "Sulawesi Barat"}, {"81", "Maluku"}, {"82", "Maluku Utara"}, {"91", "Papua"}, {"92", "Papua Barat"},
            {"93", "Papua Selatan"}, {"94", "Papua Tengah"}, {"95", "Papua Pegunungan"}, {"96", "Papua Barat Daya"}};

    /** Taxonomy codes (data/reference/categories.csv), as ingest writes them. */
    static final String[] CATEGORIES = {"fashion", "food_beverage", "electronics", "beauty", "household", "other",
            "toys_hobbies", "sports"};
    /** Observed sales × this = national value in the synthetic projection. */
    static final BigDecimal COVERAGE = new BigDecimal("250000");

    private record Seller(String key, String cls, String province, String marketplace, String country, String idType,
                          String tier, String category) {}

    private ReportFixture() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ReportFixture <out dir> <reference dir>");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("report-fixture").master("local[2]")
                .config("spark.sql.shuffle.partitions", "2").config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            write(spark, Path.of(args[0]), Path.of(args[1]), Options.all());
        } finally {
            spark.stop();
        }
    }

    /** Writes the whole fixture. */
    public static void write(SparkSession spark, Path out, Path reference, Options o) {
        try {
            Files.createDirectories(out);
            csv = o.csv();
            writeReference(reference);
            Dataset<Row> classified = spark.createDataFrame(classifiedRows(), Schemas.classified());
            if (o.classified()) classified.write().mode(SaveMode.Overwrite).parquet(out.resolve("classified").toString());
            Dataset<Row> completed = classified.filter(col("status").equalTo("COMPLETED"));
            completed.createOrReplaceTempView("fixture_completed");
            if (o.aggregates()) writeAggregates(spark, out);
            if (o.projection()) writeProjection(spark, out);
            if (o.reconciliation()) writeReconciliation(spark, out);
            if (o.quarantineReasons()) writeQuarantineReasons(spark, out);
            writeManifest(out, reference);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- classified sales

    private static List<Seller> sellers() {
        List<Seller> s = new ArrayList<>();
        String[] umkmProvinces = {"31", "32", "33", "34", "35", "36", "51", "73", "12", "16", "64", "18"};
        String[] markets = {"shopee", "tokopedia", "tiktokshop"};
        int n = 0;
        for (int i = 0; i < 48; i++) {
            s.add(new Seller(key(n++), "LOCAL_UMKM", umkmProvinces[i % umkmProvinces.length], markets[i % 3], "ID",
                    i % 2 == 0 ? "NIK" : "NIB", i % 3 == 0 ? "SMALL" : "MICRO", CATEGORIES[i % 6]));
        }
        // Papua Tengah: two sellers only, so its cells must be withheld
        s.add(new Seller(key(n++), "LOCAL_UMKM", "94", "shopee", "ID", "NIK", "MICRO", "other"));
        s.add(new Seller(key(n++), "LOCAL_UMKM", "94", "tokopedia", "ID", "NIK", "MICRO", "other"));
        for (int i = 0; i < 9; i++) {
            s.add(new Seller(key(n++), "LOCAL_LARGE", new String[]{"31", "32", "35"}[i % 3], markets[i % 3], "ID", "NPWP", "LARGE",
                    CATEGORIES[(i + 2) % 6]));
        }
        for (int i = 0; i < 12; i++) {
            s.add(new Seller(key(n++), "IMPORTED", new String[]{"31", "36", "21", "35"}[i % 4], markets[i % 3], "ID", "NPWP", "MEDIUM",
                    new String[]{"electronics", "toys_hobbies", "beauty", "household"}[i % 4]));
        }
        for (int i = 0; i < 8; i++) {
            s.add(new Seller(key(n++), "CROSS_BORDER", null, "crossborder", i % 2 == 0 ? "CN" : "SG", "FOREIGN_REG", "UNKNOWN",
                    new String[]{"electronics", "toys_hobbies", "fashion", "beauty"}[i % 4]));
        }
        for (int i = 0; i < 8; i++) {
            s.add(new Seller(i == 7 ? null : key(n++), "UNKNOWN", new String[]{"32", "33", "35", "73"}[i % 4], markets[i % 3], null,
                    "NONE", "UNKNOWN", CATEGORIES[i % 6]));
        }
        // sports: one dominant seller and three small ones (dominance rule)
        s.add(new Seller(key(n++), "LOCAL_LARGE", "31", "tokopedia", "ID", "NPWP", "LARGE", "sports"));
        for (int i = 0; i < 3; i++) s.add(new Seller(key(n++), "LOCAL_UMKM", "33", "shopee", "ID", "NIK", "MICRO", "sports"));
        return s;
    }

    private static String key(int n) {
        return String.format("%064x", new java.math.BigInteger(1, ("seller-" + n).getBytes(StandardCharsets.UTF_8)))
                .substring(0, 64);
    }

    static List<Row> classifiedRows() {
        Random rnd = new Random(20250101L);
        List<Seller> sellers = sellers();
        List<Row> rows = new ArrayList<>();
        int line = 0;
        for (int year = 2023; year <= 2025; year++) {
            for (int month = 1; month <= (year == 2025 ? 10 : 12); month++) {
                double t = (year - 2023) * 12 + month;
                for (Seller s : sellers) {
                    // local UMKM grow faster than the rest; provinces outside Java fastest
                    double growth = switch (s.cls()) {
                        case "LOCAL_UMKM" -> 1 + t * (s.province() != null && s.province().compareTo("50") > 0 ? 0.05 : 0.025);
                        case "CROSS_BORDER" -> 1 + t * 0.01;
                        default -> 1 + t * 0.015;
                    };
                    boolean dominant = s.category().equals("sports") && s.cls().equals("LOCAL_LARGE");
                    int lines = dominant ? 3 : 1 + rnd.nextInt(2);
                    for (int k = 0; k < lines; k++) {
                        line++;
                        long qty = 1 + rnd.nextInt(3);
                        long base = switch (s.cls()) {
                            case "LOCAL_LARGE" -> 400_000;
                            case "IMPORTED" -> 350_000;
                            case "CROSS_BORDER" -> 900_000;
                            default -> 150_000;
                        };
                        if (dominant) base = 2_500_000;
                        BigDecimal unit = BigDecimal.valueOf(Math.round(base * growth * (0.6 + rnd.nextDouble()) / 100.0) * 100L)
                                .setScale(2, RoundingMode.UNNECESSARY);
                        BigDecimal gmv = unit.multiply(BigDecimal.valueOf(qty)).setScale(2, RoundingMode.HALF_UP);
                        int r = rnd.nextInt(100);
                        String status = r < 90 ? "COMPLETED" : r < 96 ? "CANCELLED" : "RETURNED";
                        String category = s.cls().equals("UNKNOWN") && k == 1 ? null : s.category();
                        String period = String.format("%d-%02d", year, month);
                        LocalDateTime ts = LocalDateTime.of(year, month, 1 + rnd.nextInt(27), rnd.nextInt(24), rnd.nextInt(60));
                        boolean xb = s.cls().equals("CROSS_BORDER");
                        String currency = xb ? "USD" : "IDR";
                        BigDecimal usd = unit.divide(new BigDecimal("15800"), 2, RoundingMode.HALF_UP);
                        boolean flag = xb && usd.compareTo(BigDecimal.valueOf(100)) < 0 && !category.equals("books_media");
                        List<String> reasons = switch (s.cls()) {
                            case "LOCAL_UMKM" -> List.of("SELLER_ID_LOCAL", "TIER_FROM_SALES");
                            case "LOCAL_LARGE" -> List.of("SELLER_NPWP_CORPORATE", "TIER_FROM_SALES");
                            case "IMPORTED" -> List.of("ORIGIN_COUNTRY_FOREIGN");
                            case "CROSS_BORDER" -> List.of("SELLER_FOREIGN", "SHIP_FROM_FOREIGN");
                            default -> List.of();
                        };
                        String marketplace = s.marketplace();
                        rows.add(RowFactory.create(
                                marketplace, marketplace, "ORDER_LINE",
                                marketplace + ":ORD" + line + ":SKU" + k,
                                Timestamp.from(ts.toInstant(ZoneOffset.ofHours(7))), period,
                                s.key(), s.idType(), !s.idType().equals("NONE"),
                                s.province(), s.province() == null ? null : "Kota " + s.province(),
                                s.country(), xb ? s.country() : "ID",
                                s.cls().equals("IMPORTED") ? "CN" : s.cls().equals("UNKNOWN") ? null : s.country(),
                                xb ? Boolean.TRUE : null, s.tier().equals("UNKNOWN") ? null : s.tier(),
                                "Produk " + line, "Merek " + (line % 17), category,
                                qty, unit, gmv, currency, xb ? usd : null, status,
                                marketplace + "/export_" + period + ".csv", (long) line,
                                s.cls(), reasons, s.cls().equals("UNKNOWN") ? 0.0 : 0.9,
                                s.cls().equals("LOCAL_UMKM") ? s.tier() : s.cls().equals("LOCAL_LARGE") ? "LARGE" : "UNKNOWN",
                                s.cls().startsWith("LOCAL") ? "ANNUAL_SALES" : "NONE",
                                null, flag));
                    }
                }
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- aggregates (as docs/CONTRACTS.md)

    private static void writeAggregates(SparkSession spark, Path out) {
        Dataset<Row> detail = spark.sql("""
                WITH per_seller AS (
                  SELECT period_month, origin_class, marketplace, seller_province_code, category, seller_key,
                         SUM(gmv_idr) AS g, COUNT(*) AS n, SUM(quantity) AS u
                  FROM fixture_completed
                  GROUP BY period_month, origin_class, marketplace, seller_province_code, category, seller_key)
                SELECT period_month, origin_class, marketplace, seller_province_code, category,
                       CAST(SUM(g) AS DECIMAL(22,2)) AS gmv_idr, CAST(SUM(n) AS BIGINT) AS orders,
                       CAST(SUM(u) AS BIGINT) AS units, COUNT(DISTINCT seller_key) AS sellers,
                       CAST(MAX(g) AS DECIMAL(22,2)) AS top_seller_gmv_idr
                FROM per_seller
                GROUP BY period_month, origin_class, marketplace, seller_province_code, category""");
        save(detail, out, "aggregates", "monthly_detail");
        String sums = """
                CAST(SUM(gmv_idr) AS DECIMAL(22,2)) AS total_gmv_idr,
                CAST(SUM(CASE WHEN origin_class = 'LOCAL_UMKM' THEN gmv_idr ELSE 0 END) AS DECIMAL(22,2)) AS local_umkm_gmv_idr,
                CAST(SUM(CASE WHEN origin_class = 'LOCAL_LARGE' THEN gmv_idr ELSE 0 END) AS DECIMAL(22,2)) AS local_large_gmv_idr,
                CAST(SUM(CASE WHEN origin_class = 'IMPORTED' THEN gmv_idr ELSE 0 END) AS DECIMAL(22,2)) AS imported_gmv_idr,
                CAST(SUM(CASE WHEN origin_class = 'CROSS_BORDER' THEN gmv_idr ELSE 0 END) AS DECIMAL(22,2)) AS cross_border_gmv_idr,
                CAST(SUM(CASE WHEN origin_class = 'UNKNOWN' THEN gmv_idr ELSE 0 END) AS DECIMAL(22,2)) AS unknown_gmv_idr,
                COUNT(*) AS orders, SUM(quantity) AS units, COUNT(DISTINCT seller_key) AS sellers""";
        String shares = """
                , CAST(local_umkm_gmv_idr * 100 / total_gmv_idr AS DECIMAL(7,4)) AS local_umkm_share_pct,
                CAST((imported_gmv_idr + cross_border_gmv_idr) * 100 / total_gmv_idr AS DECIMAL(7,4)) AS foreign_origin_share_pct,
                CAST(unknown_gmv_idr * 100 / total_gmv_idr AS DECIMAL(7,4)) AS unknown_share_pct""";
        Dataset<Row> monthly = spark.sql("SELECT *" + shares + " FROM (SELECT period_month, " + sums
                + " FROM fixture_completed GROUP BY period_month)");
        save(monthly, out, "aggregates", "monthly_headline");
        Dataset<Row> annual = spark.sql("SELECT *" + shares + " FROM (SELECT CAST(substr(period_month, 1, 4) AS INT) AS year, "
                + "COUNT(DISTINCT period_month) AS months_observed, " + sums
                + " FROM fixture_completed GROUP BY substr(period_month, 1, 4))");
        save(annual, out, "aggregates", "annual_headline");
    }

    // ---------------------------------------------------------------- projection

    private static final StructType SERIES = new StructType()
            .add("series", DataTypes.StringType).add("model", DataTypes.StringType).add("period", DataTypes.StringType)
            .add("kind", DataTypes.StringType).add("value_idr", DataTypes.createDecimalType(24, 2))
            .add("lo80_idr", DataTypes.createDecimalType(24, 2)).add("hi80_idr", DataTypes.createDecimalType(24, 2))
            .add("lo95_idr", DataTypes.createDecimalType(24, 2)).add("hi95_idr", DataTypes.createDecimalType(24, 2));

    private static void writeProjection(SparkSession spark, Path out) throws IOException {
        List<Row> annual = spark.sql("SELECT substr(period_month, 1, 4) AS y, SUM(gmv_idr) * 12 / COUNT(DISTINCT period_month) "
                + "FROM fixture_completed GROUP BY substr(period_month, 1, 4) ORDER BY y").collectAsList();
        List<Row> series = new ArrayList<>();
        BigDecimal last = null;
        int lastYear = 0;
        for (Row r : annual) {
            BigDecimal v = ((BigDecimal) r.get(1)).multiply(COVERAGE).setScale(2, RoundingMode.HALF_UP);
            series.add(RowFactory.create("total_gmv", "observed", r.getString(0), "OBSERVED", v, null, null, null, null));
            series.add(RowFactory.create("total_gmv", "ensemble", r.getString(0), "FITTED", v, null, null, null, null));
            last = v;
            lastYear = Integer.parseInt(r.getString(0));
        }
        BigDecimal p2030 = null, lo80 = null, hi80 = null, lo95 = null, hi95 = null;
        for (int y = lastYear + 1; y <= 2030; y++) {
            int h = y - lastYear;
            BigDecimal v = last.multiply(BigDecimal.valueOf(Math.pow(1.12, h))).setScale(2, RoundingMode.HALF_UP);
            lo80 = v.multiply(BigDecimal.valueOf(1 - 0.045 * h)).setScale(2, RoundingMode.HALF_UP);
            hi80 = v.multiply(BigDecimal.valueOf(1 + 0.05 * h)).setScale(2, RoundingMode.HALF_UP);
            lo95 = v.multiply(BigDecimal.valueOf(1 - 0.07 * h)).setScale(2, RoundingMode.HALF_UP);
            hi95 = v.multiply(BigDecimal.valueOf(1 + 0.08 * h)).setScale(2, RoundingMode.HALF_UP);
            series.add(RowFactory.create("total_gmv", "ensemble", String.valueOf(y), "PROJECTED", v, lo80, hi80, lo95, hi95));
            series.add(RowFactory.create("total_gmv", "cagr_base", String.valueOf(y), "PROJECTED",
                    v.multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.HALF_UP), lo80, hi80, lo95, hi95));
            p2030 = v;
        }
        save(spark.createDataFrame(series, SERIES), out, "projection", "series");

        // as ProjectTo2030 writes it (docs/CONTRACTS.md): one row per forecast (origin, horizon; n = 1) and summary
        // rows with origin ALL per horizon and for all horizons pooled (horizon 0), n = forecasts scored. The
        // summary rows are not the means of the rows around them a naive grouping would give, and a second series
        // is there to be left out.
        StructType bt = new StructType().add("model", DataTypes.StringType).add("horizon", DataTypes.IntegerType)
                .add("origin", DataTypes.StringType).add("mape", DataTypes.DoubleType).add("mase", DataTypes.DoubleType)
                .add("series", DataTypes.StringType).add("frequency", DataTypes.StringType).add("n", DataTypes.LongType);
        List<Row> btRows = new ArrayList<>();
        for (String[] m : new String[][]{{"cagr_base", "0"}, {"loglinear_seasonal", "0.01"}}) {
            double d = Double.parseDouble(m[1]);
            String[] origins = {"2024-10", "2024-11", "2024-12"};
            for (int o = 0; o < 3; o++) {
                btRows.add(RowFactory.create(m[0], 1, origins[o], 0.04 + 0.02 * o + d, 0.5 + 0.1 * o + d, "total_gmv", "monthly", 1L));
                btRows.add(RowFactory.create(m[0], 2, origins[o], 0.10 + 0.02 * o + d, 0.9 + 0.1 * o + d, "total_gmv", "monthly", 1L));
            }
            btRows.add(RowFactory.create(m[0], 1, "ALL", 0.06 + d, 0.6 + d, "total_gmv", "monthly", 3L));
            btRows.add(RowFactory.create(m[0], 2, "ALL", 0.12 + d, 1.0 + d, "total_gmv", "monthly", 3L));
            btRows.add(RowFactory.create(m[0], 0, "ALL", 0.09 + d, 0.8 + d, "total_gmv", "monthly", 6L));
            btRows.add(RowFactory.create(m[0], 1, "ALL", 0.31, 2.1, "local_umkm_gmv", "monthly", 3L));
            btRows.add(RowFactory.create(m[0], 0, "ALL", 0.33, 2.3, "local_umkm_gmv", "monthly", 6L));
        }
        save(spark.createDataFrame(btRows, bt), out, "projection", "backtest");

        StructType tt = new StructType().add("target", DataTypes.StringType).add("year", DataTypes.IntegerType)
                .add("target_idr", DataTypes.createDecimalType(24, 2)).add("projected_idr", DataTypes.createDecimalType(24, 2))
                .add("lo80_idr", DataTypes.createDecimalType(24, 2)).add("hi80_idr", DataTypes.createDecimalType(24, 2))
                .add("lo95_idr", DataTypes.createDecimalType(24, 2)).add("hi95_idr", DataTypes.createDecimalType(24, 2))
                .add("gap_idr", DataTypes.createDecimalType(24, 2)).add("probability", DataTypes.DoubleType)
                .add("crossing_year", DataTypes.IntegerType).add("required_cagr_pct", DataTypes.DoubleType);
        BigDecimal t400 = new BigDecimal("400000000000000.00");
        BigDecimal t4531 = new BigDecimal("4531000000000000.00");
        List<Row> targets = List.of(
                RowFactory.create("article_rp400t", 2030, t400, p2030, lo80, hi80, lo95, hi95, t400.subtract(p2030), 0.97, 2027, 1.5),
                RowFactory.create("published_rp4531t", 2030, t4531, p2030, lo80, hi80, lo95, hi95, t4531.subtract(p2030), 0.01, null, 38.4));
        save(spark.createDataFrame(targets, tt), out, "projection", "targets");

        ObjectNode s = JSON.createObjectNode();
        s.put("last_observed_month", "2025-10");
        s.put("months_observed", 34);
        ObjectNode cov = s.putObject("coverage");
        cov.put("method", "factor");
        cov.put("factor", COVERAGE.doubleValue());
        cov.put("factor_lo95", 200000.0);
        cov.put("factor_hi95", 310000.0);
        cov.put("benchmark_points", 3);
        cov.put("note", "Synthetic fixture: the factor is made up.");
        ArrayNode models = s.putArray("models");
        for (String[] m : new String[][]{{"cagr_base", "0.3"}, {"loglinear_seasonal", "0.7"}, {"holt_damped_seasonal", "0"}}) {
            ObjectNode n = models.addObject();
            n.put("name", m[0]);
            n.put("supported", !m[0].startsWith("holt"));
            n.put("weight", Double.parseDouble(m[1]));
            n.put("mape", 0.08);
            n.put("mase", 0.9);
            if (m[0].startsWith("holt")) n.put("warning", "needs 4 full years");
            else n.putNull("warning");
        }
        s.put("selected", "ensemble");
        s.put("last_observed_year", lastYear);
        s.put("last_observed_year_value_idr", last.setScale(0, RoundingMode.HALF_UP).toBigInteger());
        ObjectNode p = s.putObject("projection_2030");
        p.put("value_idr", p2030.setScale(0, RoundingMode.HALF_UP).toBigInteger());
        p.put("lo80_idr", lo80.setScale(0, RoundingMode.HALF_UP).toBigInteger());
        p.put("hi80_idr", hi80.setScale(0, RoundingMode.HALF_UP).toBigInteger());
        p.put("lo95_idr", lo95.setScale(0, RoundingMode.HALF_UP).toBigInteger());
        p.put("hi95_idr", hi95.setScale(0, RoundingMode.HALF_UP).toBigInteger());
        ArrayNode ts = s.putArray("targets");
        ObjectNode a = ts.addObject();
        a.put("name", "article_rp400t");
        a.put("label", "VIVA 2023 article");
        a.put("label_id", "artikel VIVA 2023");
        a.put("crossing_label", "2027");
        ObjectNode b = ts.addObject();
        b.put("name", "published_rp4531t");
        b.put("label", "Kemenkop/Kemendag 2021");
        b.put("scope", "digital_economy");
        b.put("crossing_label", "not by 2040");
        s.putArray("warnings").add("Synthetic projection written by the report test fixture.");
        Files.writeString(out.resolve("projection/summary.json"), JSON.writeValueAsString(s));
    }

    // ---------------------------------------------------------------- ingest side outputs, manifest, reference

    private static void writeReconciliation(SparkSession spark, Path out) {
        Dataset<Row> r = spark.sql("""
                SELECT source_file, marketplace AS mapping, sha2(source_file, 256) AS sha256, CAST(COUNT(*) * 180 AS BIGINT) AS bytes,
                       CAST(COUNT(*) + 3 AS BIGINT) AS rows_read, CAST(COUNT(*) AS BIGINT) AS accepted,
                       CAST(2 AS BIGINT) AS quarantined, CAST(1 AS BIGINT) AS duplicates_collapsed
                FROM fixture_completed GROUP BY source_file, marketplace""");
        save(r, out, "", "reconciliation");
    }

    private static void writeQuarantineReasons(SparkSession spark, Path out) {
        Dataset<Row> q = spark.sql("""
                SELECT source_file, reason_code, CAST(1 AS BIGINT) AS rows FROM (SELECT DISTINCT source_file FROM fixture_completed)
                LATERAL VIEW explode(array('BAD_PRICE', 'UNKNOWN_STATUS')) t AS reason_code""");
        save(q, out, "", "quarantine_reasons");
    }

    private static void writeManifest(Path out, Path reference) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("manifest_version", 1);
        m.put("run_id", "20251201T000000Z-f1x7");
        m.put("command", "run");
        m.put("started", "2025-12-01T00:00:00Z");
        m.put("ended", "2025-12-01T00:03:00Z");
        m.put("status", "SUCCEEDED");
        ObjectNode cv = m.putObject("code_version");
        cv.put("jar_version", "0.1.0-SNAPSHOT");
        cv.put("git_commit", "0123456789abcdef0123456789abcdef01234567");
        cv.put("git_dirty", false);
        ObjectNode sp = m.putObject("spark");
        sp.put("master", "local[2]");
        sp.put("version", "4.2.0");
        ObjectNode c = m.putObject("configuration");
        c.put("file", "data/config/neraca.yaml");
        c.put("sha256", "a".repeat(64));
        ArrayNode files = c.putArray("files");
        try (Stream<Path> s = Files.list(reference)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                ObjectNode f = files.addObject();
                f.put("path", p.toString());
                f.put("sha256", id.neraca.core.Hashing.sha256(p));
            }
        }
        ArrayNode inputs = m.putArray("inputs");
        for (String f : List.of("shopee/shopee_orders_20230101_20230615.csv", "tiktokshop/tiktok_orders_2024-01.csv")) {
            ObjectNode i = inputs.addObject();
            i.put("source_file", f);
            i.put("mapping", f.substring(0, f.indexOf('/')));
            i.put("sha256", "b".repeat(64));
            i.put("bytes", 123456);
            i.put("rows_read", 1000);
            i.put("accepted", 990);
            i.put("quarantined", 8);
            i.put("duplicates_collapsed", 2);
        }
        ObjectNode stages = m.putObject("stages");
        for (String st : List.of("IngestDumps", "ClassifySales", "AggregateMonthly", "ProjectTo2030")) {
            ObjectNode n = stages.putObject(st);
            n.put("run_id", "20251201T000000Z-f1x7");
            n.put("started", "2025-12-01T00:00:10Z");
            n.put("elapsed_ms", 12345);
        }
        Files.writeString(out.resolve("manifest.json"), JSON.writeValueAsString(m));
    }

    static void writeReference(Path reference) throws IOException {
        Files.createDirectories(reference);
        StringBuilder p = new StringBuilder("province_code,name,bps_code,timezone,aliases\n");
        for (String[] pr : PROVINCES) {
            String tz = pr[0].compareTo("80") > 0 ? "Asia/Jayapura" : pr[0].compareTo("50") > 0 && !pr[0].equals("61") && !pr[0].equals("62")
                    ? "Asia/Makassar" : "Asia/Jakarta";
            p.append(pr[0]).append(',').append(pr[1]).append(',').append(pr[0]).append(',').append(tz).append(",\n");
        }
        Files.writeString(reference.resolve("provinces.csv"), p.toString());
        // the taxonomy's names, as data/reference/categories.csv has them (other columns left out)
        Files.writeString(reference.resolve("categories.csv"), """
                category,label,label_id
                fashion,Fashion and apparel,Fesyen dan pakaian
                beauty,Beauty and personal care,Kecantikan dan perawatan diri
                food_beverage,Food and beverage,Makanan dan minuman
                electronics,Electronics,Elektronik
                household,Home and living,Rumah tangga
                sports,Sports and outdoors,Olahraga dan luar ruang
                toys_hobbies,Toys and hobbies,Mainan dan hobi
                other,Other,Lainnya
                """);
        Files.writeString(reference.resolve("fx_monthly.csv"), """
                month,currency,idr_per_unit,source,confidence
                2023-01,USD,15250.00,fixture (not real rates),high
                2024-06,USD,16300.00,fixture (not real rates),high
                2025-10,USD,16550.00,fixture (not real rates),assumed
                2023-01,CNY,2250.00,fixture (not real rates),low
                2025-10,CNY,2320.00,fixture (not real rates),low
                """);
    }

    /** Parquet folder {@code <dir>/<name>} and a single CSV file {@code <dir>/<name>.csv}, as the stages write them. */
    private static void save(Dataset<Row> ds, Path out, String dir, String name) {
        Path folder = dir.isEmpty() ? out : out.resolve(dir);
        ds.write().mode(SaveMode.Overwrite).parquet(folder.resolve(name).toString());
        if (!csv) return;
        Path tmp = folder.resolve("_tmp_" + name + "_csv");
        ds.coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true").csv(tmp.toString());
        try (Stream<Path> s = Files.list(tmp)) {
            Path part = s.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
            Files.move(part, folder.resolve(name + ".csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deleteTree(tmp);
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
