package id.neraca.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pipeline an economist would write in DuckDB instead of neraca, for jobs/bench/bench.sh: the same four
 * dump shapes parsed with explicit column types and SQL (BOM, ';'/',' CSV, Indonesian rupiah, local times,
 * JSON Lines, gzip CSV, FX to rupiah), the same duplicate rule (the later export wins), the key classification
 * rules of data/config/classify-rules.yaml (foreign evidence -> CROSS_BORDER; declared origin, then the brand
 * table -> IMPORTED or local; local split by declared tier or trailing-12-month sales against the PP 7/2021
 * ceilings), monthly completed GMV by origin class, and the same Parquet writes (partitioned by month).
 *
 * <p>Not a test: a benchmark program launched with the test classpath (DuckDB stays a test-scope dependency).
 * Usage: {@code DuckDbPipeline --dumps DIR --out DIR [--threads 2] [--home neraca-root]}. Prints one JSON object
 * with per-stage wall times and row counts; writes {@code monthly_by_class.csv} and {@code monthly_total.csv}.
 *
 * <p>What it leaves out (so per-class figures are not expected to equal neraca's): title cues, brand names
 * found in titles, noisy-OR confidences and the LOW_CONFIDENCE -> UNKNOWN rule, seller-ID checksums, city-based
 * province resolution, the Permendag 31/2023 flag. Totals per month and accepted row counts are equal by
 * construction when parsing and de-duplication agree.
 */
public final class DuckDbPipeline {
    private DuckDbPipeline() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        Path dumps = Path.of(req(a, "dumps")).toAbsolutePath();
        Path out = Path.of(req(a, "out")).toAbsolutePath();
        Path home = Path.of(a.getOrDefault("home", System.getProperty("neraca.home", "."))).toAbsolutePath();
        int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
        String memory = a.getOrDefault("memory", "4GB");
        Files.createDirectories(out.resolve("aggregates"));
        Path ref = home.resolve("data/reference");
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(home.resolve("data/config/classify-rules.yaml").toFile());

        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Long> stages = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement()) {
            s.execute("SET threads=" + threads);
            s.execute("SET memory_limit='" + memory + "'");
            s.execute("SET preserve_insertion_order=false");
            s.execute("SET temp_directory='" + out.resolve("_tmp") + "'");
            long t = System.nanoTime();
            reference(s, ref, rules);
            macros(s);
            stages.put("setup", ms(t));

            t = System.nanoTime();
            ingest(s, dumps);
            s.execute("COPY (SELECT * FROM sales) TO '" + out.resolve("sales") + "' (FORMAT parquet, PARTITION_BY (marketplace, period_month), OVERWRITE_OR_IGNORE)");
            report.put("rows_read", one(s, "SELECT count(*) FROM parsed"));
            report.put("accepted", one(s, "SELECT count(*) FROM sales"));
            report.put("quarantined", one(s, "SELECT count(*) FROM parsed WHERE reject"));
            s.execute("DROP TABLE parsed");   // in-memory database: free what is no longer read
            stages.put("ingest", ms(t));

            t = System.nanoTime();
            classify(s, rules);
            s.execute("COPY (SELECT * FROM classified) TO '" + out.resolve("classified") + "' (FORMAT parquet, PARTITION_BY (period_month), OVERWRITE_OR_IGNORE)");
            stages.put("classify", ms(t));

            t = System.nanoTime();
            s.execute("""
                    CREATE TABLE monthly_by_class AS
                    SELECT period_month, origin_class, sum(gmv_idr) AS gmv_idr, count(DISTINCT order_id) AS orders,
                           sum(qty) AS units, count(DISTINCT seller_ref) AS sellers
                    FROM classified WHERE status = 'COMPLETED' GROUP BY ALL""");
            s.execute("COPY monthly_by_class TO '" + out.resolve("aggregates/monthly_by_class") + "' (FORMAT parquet, PARTITION_BY (period_month), OVERWRITE_OR_IGNORE)");
            s.execute("COPY (SELECT period_month, origin_class, CAST(gmv_idr AS VARCHAR) AS gmv_idr FROM monthly_by_class ORDER BY ALL) TO '"
                    + out.resolve("monthly_by_class.csv") + "' (HEADER)");
            s.execute("COPY (SELECT period_month, CAST(sum(gmv_idr) AS VARCHAR) AS total_gmv_idr FROM monthly_by_class GROUP BY 1 ORDER BY 1) TO '"
                    + out.resolve("monthly_total.csv") + "' (HEADER)");
            stages.put("aggregate", ms(t));
        }
        stages.put("total", ms(t0));
        report.put("stages_ms", stages);
        report.put("threads", threads);
        System.out.println(new ObjectMapper().writeValueAsString(report));
    }

    private static long ms(long t) {
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static String req(Map<String, String> a, String k) {
        String v = a.get(k);
        if (v == null) throw new IllegalArgumentException("--" + k + " is required");
        return v;
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String q(Object p) {
        return "'" + p.toString().replace("'", "''") + "'";
    }

    private static String list(List<Path> files) {
        return "[" + String.join(",", files.stream().map(DuckDbPipeline::q).toList()) + "]";
    }

    private static void reference(Statement s, Path ref, JsonNode rules) throws SQLException {
        // province name or alias (lower case) -> UTC offset in hours (WIB +7, WITA +8, WIT +9; no daylight saving)
        s.execute("CREATE TABLE province_zone AS SELECT DISTINCT lower(trim(n)) AS name, "
                + "CASE timezone WHEN 'Asia/Makassar' THEN 8 WHEN 'Asia/Jayapura' THEN 9 ELSE 7 END AS utc_offset "
                + "FROM (SELECT timezone, unnest(list_concat([name, province_code], string_split(coalesce(aliases, ''), '|'))) AS n "
                + "FROM read_csv(" + q(ref.resolve("provinces.csv")) + ", header=true, all_varchar=true)) WHERE trim(n) <> ''");
        s.execute("CREATE TABLE country AS SELECT DISTINCT lower(trim(n)) AS name, alpha2 "
                + "FROM (SELECT alpha2, unnest(list_concat([alpha2, name_en, name_id], string_split(coalesce(aliases, ''), '|'))) AS n "
                + "FROM read_csv(" + q(ref.resolve("countries.csv")) + ", header=true, all_varchar=true)) WHERE trim(n) <> ''");
        s.execute("CREATE TABLE fx AS SELECT month, currency, CAST(idr_per_unit AS DECIMAL(18,6)) AS rate "
                + "FROM read_csv(" + q(ref.resolve("fx_monthly.csv")) + ", header=true, all_varchar=true)");
        List<String> made = new ArrayList<>();
        rules.path("brand_matching").path("made_in_indonesia").forEach(n -> made.add(q(n.asText().toLowerCase(Locale.ROOT))));
        s.execute("CREATE TABLE brand AS SELECT DISTINCT lower(trim(n)) AS name, "
                + "CASE WHEN country = 'ID' OR lower(brand) IN (" + String.join(",", made) + ") THEN 'ID' ELSE country END AS country "
                + "FROM (SELECT brand, country, unnest(list_concat([brand], string_split(coalesce(aliases, ''), '|'))) AS n "
                + "FROM read_csv(" + q(ref.resolve("brand_origins.csv")) + ", header=true, all_varchar=true)) WHERE trim(n) <> ''");
    }

    private static void macros(Statement s) throws SQLException {
        // Parsers.idr: optional Rp/IDR prefix, dots group thousands, a comma marks decimals
        s.execute("CREATE MACRO idr_clean(x) AS regexp_replace(regexp_replace(regexp_replace(trim(x), '^(?i:rp|idr)', ''), '\\s', '', 'g'), '[.,]-$', '')");
        s.execute("CREATE MACRO indo_num(x) AS CASE WHEN regexp_full_match(x, '\\d{1,3}(\\.\\d{3})+(,\\d+)?|\\d+,\\d+|\\d+') "
                + "THEN TRY_CAST(replace(replace(x, '.', ''), ',', '.') AS DECIMAL(38,6)) END");
        s.execute("CREATE MACRO idr(x) AS indo_num(idr_clean(x))");
        s.execute("CREATE MACRO plain_dec(x) AS CASE WHEN regexp_full_match(trim(x), '[+]?\\d+(\\.\\d+)?') THEN TRY_CAST(trim(x) AS DECIMAL(38,6)) END");
        // Parsers.count (whole number, Indonesian grouping) and Parsers.integer; negatives kept to be rejected
        s.execute("CREATE MACRO count_num(x) AS CASE WHEN starts_with(trim(x), '-') THEN -TRY_CAST(indo_num(ltrim(trim(x), '-')) AS BIGINT) "
                + "ELSE TRY_CAST(indo_num(trim(x)) AS BIGINT) END");
        s.execute("CREATE MACRO int_num(x) AS CASE WHEN regexp_full_match(trim(x), '[-+]?\\d{1,18}') THEN TRY_CAST(trim(x) AS BIGINT) END");
        s.execute("CREATE MACRO zone_of(p) AS coalesce((SELECT utc_offset FROM province_zone z WHERE z.name = lower(trim(p))), 7)");
        s.execute("CREATE MACRO cc(x) AS CASE WHEN nullif(trim(x), '') IS NULL THEN NULL ELSE "
                + "coalesce((SELECT alpha2 FROM country k WHERE k.name = lower(trim(x))), upper(trim(x))) END");
    }

    private static List<Path> files(Path dumps, String dir, String suffix) throws IOException {
        Path d = dumps.resolve(dir);
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> w = Files.walk(d)) {
            return w.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> !p.getFileName().toString().startsWith("_") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** The delimiter of a Shopee export: whichever of ';' and ',' its header line has more of (neraca sniffs too). */
    private static char delimiter(Path f) throws IOException {
        try (var r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String h = r.readLine();
            long semi = h.chars().filter(ch -> ch == ';').count();
            long comma = h.chars().filter(ch -> ch == ',').count();
            return semi > comma ? ';' : ',';
        }
    }

    private static final String COMMON = "source_file, source_line, marketplace, order_id, line_key, export_key, status, "
            + "local_ts, qty, unit_src, currency, seller_id_type, seller_id, shop, seller_province, seller_country, "
            + "origin_country, ship_from, xb_flag, declared_tier, brand, category, title";

    private static void ingest(Statement s, Path dumps) throws Exception {
        List<String> parts = new ArrayList<>();
        List<Path> semi = new ArrayList<>(), comma = new ArrayList<>();
        for (Path f : files(dumps, "shopee", ".csv")) (delimiter(f) == ';' ? semi : comma).add(f);
        String shopeeCols = "{'No. Pesanan':'VARCHAR','Status Pesanan':'VARCHAR','Waktu Pesanan Dibuat':'VARCHAR','Nama Produk':'VARCHAR',"
                + "'Nomor Referensi SKU':'VARCHAR','Merek':'VARCHAR','Kategori':'VARCHAR','Harga Awal':'VARCHAR','Harga Setelah Diskon':'VARCHAR',"
                + "'Jumlah':'VARCHAR','Total Pembayaran':'VARCHAR','Nama Toko':'VARCHAR','Jenis Identitas Penjual':'VARCHAR',"
                + "'No. Identitas Penjual':'VARCHAR','Kota/Kabupaten Penjual':'VARCHAR','Provinsi Penjual':'VARCHAR','Negara Asal':'VARCHAR',"
                + "'Dikirim Dari':'VARCHAR','Skala Usaha':'VARCHAR'}";
        for (Object[] g : new Object[][]{{semi, ";"}, {comma, ","}}) {
            @SuppressWarnings("unchecked") List<Path> fs = (List<Path>) g[0];
            if (fs.isEmpty()) continue;
            // Shopee times are the seller's local time: the period month is the month as written
            parts.add("SELECT filename AS source_file, 0 AS source_line, 'shopee' AS marketplace, \"No. Pesanan\" AS order_id, "
                    + "\"Nomor Referensi SKU\" AS line_key, regexp_extract(filename, 'shopee_orders_\\d{8}_(\\d{8})', 1) AS export_key, "
                    + "CASE \"Status Pesanan\" WHEN 'Selesai' THEN 'COMPLETED' WHEN 'Batal' THEN 'CANCELLED' WHEN 'Dibatalkan' THEN 'CANCELLED' "
                    + "WHEN 'Pengembalian' THEN 'RETURNED' WHEN 'Pengembalian Dana' THEN 'RETURNED' END AS status, "
                    + "coalesce(try_strptime(\"Waktu Pesanan Dibuat\", '%d/%m/%Y %H:%M'), try_strptime(\"Waktu Pesanan Dibuat\", '%d/%m/%Y %H:%M:%S')) AS local_ts, "
                    + "count_num(\"Jumlah\") AS qty, idr(\"Harga Setelah Diskon\") AS unit_src, 'IDR' AS currency, "
                    + "\"Jenis Identitas Penjual\" AS seller_id_type, \"No. Identitas Penjual\" AS seller_id, 'shopee:' || \"Nama Toko\" AS shop, "
                    + "\"Provinsi Penjual\" AS seller_province, NULL AS seller_country, \"Negara Asal\" AS origin_country, \"Dikirim Dari\" AS ship_from, "
                    + "NULL AS xb_flag, CASE \"Skala Usaha\" WHEN 'Mikro' THEN 'MICRO' WHEN 'Kecil' THEN 'SMALL' WHEN 'Menengah' THEN 'MEDIUM' "
                    + "WHEN 'Besar' THEN 'LARGE' END AS declared_tier, \"Merek\" AS brand, \"Kategori\" AS category, \"Nama Produk\" AS title "
                    + "FROM read_csv(" + list(fs) + ", delim=" + q(g[1]) + ", header=true, quote='\"', escape='\"', filename=true, "
                    + "columns=" + shopeeCols + ")");
        }
        List<Path> tt = files(dumps, "tiktokshop", ".csv");
        if (!tt.isEmpty()) {
            parts.add("SELECT filename, 0, 'tiktokshop', \"Order ID\", \"Seller SKU\", regexp_extract(filename, 'tiktok_orders_(\\d{4}-\\d{2})', 1), "
                    + "CASE \"Order Status\" WHEN 'Completed' THEN 'COMPLETED' WHEN 'Cancelled' THEN 'CANCELLED' WHEN 'Canceled' THEN 'CANCELLED' "
                    + "WHEN 'Returned' THEN 'RETURNED' WHEN 'Refunded' THEN 'RETURNED' END, "
                    // written in WIB: to the seller's zone
                    + "coalesce(try_strptime(\"Created Time\", '%Y-%m-%d %H:%M:%S'), try_strptime(\"Created Time\", '%Y-%m-%d %H:%M')) "
                    + "+ to_hours(zone_of(\"Province\") - 7), "
                    + "int_num(\"Quantity\"), "
                    + "CASE WHEN int_num(\"Quantity\") > 0 THEN CAST((2 * CAST(round(idr(\"SKU Subtotal After Discount\") * 100) AS HUGEINT) + int_num(\"Quantity\")) "
                    + "// (2 * int_num(\"Quantity\")) AS DECIMAL(38,0)) * CAST(0.01 AS DECIMAL(3,2)) END, 'IDR', "
                    + "\"Seller ID Type\", \"Seller ID\", NULL, \"Province\", NULL, \"Country of Origin\", \"Ship From\", \"Cross-border\", NULL, "
                    + "\"Brand\", \"Category\", \"Product Name\" "
                    + "FROM read_csv(" + list(tt) + ", delim=',', header=true, quote='\"', escape='\"', filename=true, columns={"
                    + "'Order ID':'VARCHAR','Order Status':'VARCHAR','Seller SKU':'VARCHAR','Product Name':'VARCHAR','Brand':'VARCHAR',"
                    + "'Category':'VARCHAR','Quantity':'VARCHAR','SKU Unit Original Price':'VARCHAR','SKU Subtotal After Discount':'VARCHAR',"
                    + "'Created Time':'VARCHAR','Seller ID Type':'VARCHAR','Seller ID':'VARCHAR','Seller City':'VARCHAR','Province':'VARCHAR',"
                    + "'Country of Origin':'VARCHAR','Ship From':'VARCHAR','Cross-border':'VARCHAR'})");
        }
        List<Path> tp = files(dumps, "tokopedia", ".jsonl");
        if (!tp.isEmpty()) {
            // ISO-8601 with offset: to UTC, then to the seller's zone
            parts.add("SELECT filename, 0, 'tokopedia', invoice, line_id, regexp_extract(filename, 'tokopedia_orders_(\\d{4}-\\d{2})', 1), "
                    + "CASE status WHEN 'delivered' THEN 'COMPLETED' WHEN 'completed' THEN 'COMPLETED' WHEN 'cancelled' THEN 'CANCELLED' "
                    + "WHEN 'canceled' THEN 'CANCELLED' WHEN 'returned' THEN 'RETURNED' END, "
                    + "try_strptime(substr(created_at, 1, 19), '%Y-%m-%dT%H:%M:%S') "
                    + "- CASE WHEN regexp_matches(created_at, '[+-]\\d{2}:\\d{2}$') THEN to_minutes((CASE WHEN substr(created_at, -6, 1) = '-' THEN -1 ELSE 1 END) "
                    + "* (CAST(substr(created_at, -5, 2) AS INTEGER) * 60 + CAST(substr(created_at, -2, 2) AS INTEGER))) "
                    + "WHEN ends_with(created_at, 'Z') THEN to_minutes(0) ELSE to_hours(zone_of(seller.province)) END "
                    + "+ to_hours(zone_of(seller.province)), "
                    + "int_num(quantity), plain_dec(price.amount), upper(trim(coalesce(price.currency, 'IDR'))), "
                    + "seller.id_type, seller.id_number, 'tokopedia:' || seller.shop_id, seller.province, NULL, product.origin_country, "
                    + "ship_from_country, NULL, CASE seller.umkm_tier WHEN 'Mikro' THEN 'MICRO' WHEN 'Kecil' THEN 'SMALL' "
                    + "WHEN 'Menengah' THEN 'MEDIUM' WHEN 'Besar' THEN 'LARGE' END, product.brand, product.category, product.name "
                    + "FROM read_json(" + list(tp) + ", format='newline_delimited', filename=true, columns={invoice:'VARCHAR', "
                    + "line_id:'VARCHAR', created_at:'VARCHAR', status:'VARCHAR', seller:'STRUCT(shop_id VARCHAR, shop_name VARCHAR, "
                    + "id_type VARCHAR, id_number VARCHAR, city VARCHAR, province VARCHAR, official_store BOOLEAN, umkm_tier VARCHAR)', "
                    + "product:'STRUCT(name VARCHAR, brand VARCHAR, category VARCHAR, origin_country VARCHAR, description VARCHAR)', "
                    + "ship_from_country:'VARCHAR', quantity:'VARCHAR', price:'STRUCT(amount VARCHAR, currency VARCHAR)'})");
        }
        List<Path> xb = new ArrayList<>(files(dumps, "crossborder", ".csv.gz"));
        if (!xb.isEmpty()) {
            // epoch milliseconds UTC; foreign sellers have no province: WIB
            parts.add("SELECT filename, 0, 'crossborder', order_no, item_no, regexp_extract(filename, 'xb_orders_(\\d{4}-\\d{2})', 1), "
                    + "CASE order_state WHEN 'FINISHED' THEN 'COMPLETED' WHEN 'CANCELED' THEN 'CANCELLED' WHEN 'CANCELLED' THEN 'CANCELLED' "
                    + "WHEN 'REFUNDED' THEN 'RETURNED' END, "
                    + "CASE WHEN regexp_full_match(order_time, '\\d{1,15}') THEN make_timestamp(CAST(order_time AS BIGINT) * 1000) + to_hours(7) END, "
                    + "int_num(qty), plain_dec(unit_price), upper(trim(coalesce(currency, 'IDR'))), store_id_type, store_registration_no, "
                    + "'crossborder:' || store_id, NULL, store_country, NULL, ship_from, 'yes', NULL, brand, category, item_title "
                    + "FROM read_csv(" + list(xb) + ", delim=',', header=true, quote='\"', escape='\"', compression='gzip', filename=true, columns={"
                    + "order_no:'VARCHAR', item_no:'VARCHAR', order_time:'VARCHAR', store_id:'VARCHAR', store_name:'VARCHAR', "
                    + "store_country:'VARCHAR', store_registration_no:'VARCHAR', store_id_type:'VARCHAR', ship_from:'VARCHAR', "
                    + "item_title:'VARCHAR', brand:'VARCHAR', category:'VARCHAR', qty:'VARCHAR', unit_price:'VARCHAR', currency:'VARCHAR', "
                    + "order_state:'VARCHAR', buyer_city:'VARCHAR'})");
        }
        String union = String.join("\nUNION ALL\n", parts);
        s.execute("CREATE TABLE parsed AS WITH u AS (" + union + "), p AS (SELECT * REPLACE (CAST(round(CAST(unit_src AS DECIMAL(38,6)), 2) AS DECIMAL(38,2)) AS unit_src), "
                + "strftime(local_ts, '%Y-%m') AS period_month FROM u), "
                + "g AS (SELECT p.*, round(round(unit_src * CASE WHEN p.currency = 'IDR' THEN 1 ELSE fx.rate END, 2) * qty, 2) AS gmv_idr, "
                + "(order_id IS NULL OR status IS NULL OR local_ts IS NULL OR CAST(local_ts AS DATE) < DATE '2015-01-01' OR CAST(local_ts AS DATE) > current_date "
                + " OR qty IS NULL OR qty <= 0 OR unit_src IS NULL OR (p.currency <> 'IDR' AND fx.rate IS NULL)) AS reject "
                + "FROM p LEFT JOIN fx ON fx.month = p.period_month AND fx.currency = p.currency) SELECT * FROM g");
        // the later export wins a repeated sale (ResolveDuplicates' cross-file rule)
        s.execute("CREATE TABLE sales AS SELECT * EXCLUDE (reject, rn) FROM (SELECT *, marketplace || ':' || order_id || ':' || coalesce(line_key, '-') AS sale_id, "
                + "row_number() OVER (PARTITION BY marketplace, order_id, coalesce(line_key, '-') ORDER BY export_key DESC NULLS LAST, source_file DESC) AS rn "
                + "FROM parsed WHERE NOT reject) WHERE rn = 1");
    }

    private static String tierCase(long micro, long small, long medium) {
        return "CASE WHEN sm.annual <= " + micro + " THEN 'MICRO' WHEN sm.annual <= " + small + " THEN 'SMALL' "
                + "WHEN sm.annual <= " + medium + " THEN 'MEDIUM' ELSE 'LARGE' END";
    }

    private static void classify(Statement s, JsonNode rules) throws SQLException {
        JsonNode t = rules.path("umkm_tiers");
        long micro = t.path("micro_max_idr").asLong(), small = t.path("small_max_idr").asLong(), medium = t.path("medium_max_idr").asLong();
        int window = t.path("window_months").asInt(12);
        // the law in force in the sale's month: UU 20/2008's ceilings up to umkm_tiers.earlier_law.until_month (UmkmTiers)
        String observedTier = tierCase(micro, small, medium);
        JsonNode earlier = t.path("earlier_law");
        if (earlier.isObject()) {
            observedTier = "CASE WHEN e.period_month <= '" + earlier.path("until_month").asText() + "' THEN "
                    + tierCase(earlier.path("micro_max_idr").asLong(), earlier.path("small_max_idr").asLong(), earlier.path("medium_max_idr").asLong())
                    + " ELSE " + observedTier + " END";
        }
        List<String> noBrand = new ArrayList<>();
        rules.path("brand_matching").path("no_brand_values").forEach(n -> noBrand.add(q(n.asText())));
        s.execute("CREATE TABLE ev AS SELECT s.*, "
                + "coalesce(upper(nullif(trim(seller_id_type), '')) || ':' || CASE WHEN upper(trim(seller_id_type)) IN ('NIK','NIB','NPWP') "
                + "THEN regexp_replace(seller_id, '\\D', '', 'g') ELSE upper(regexp_replace(seller_id, '[\\s./-]', '', 'g')) END, 'SHOP:' || shop) AS seller_ref, "
                + "(lower(trim(xb_flag)) IN ('yes','y','true','1','ya','iya') OR upper(trim(seller_id_type)) IN ('FOREIGN_REG','PASSPORT') "
                + " OR coalesce(cc(seller_country), 'ID') <> 'ID' OR coalesce(cc(ship_from), 'ID') <> 'ID') AS foreign_seller, "
                + "coalesce(cc(origin_country), CASE WHEN lower(trim(brand)) IN (" + String.join(",", noBrand).toLowerCase(Locale.ROOT) + ") THEN NULL "
                + " ELSE (SELECT b.country FROM brand b WHERE b.name = lower(trim(s.brand))) END) AS goods_country "
                + "FROM sales s");
        s.execute("DROP TABLE sales");
        // trailing-window sales per seller (completed GMV), annualised for sellers seen fewer months than the window
        s.execute("CREATE TABLE seller_month AS WITH m AS (SELECT seller_ref, period_month, "
                + "sum(CASE WHEN status = 'COMPLETED' THEN gmv_idr ELSE 0 END) AS gmv, "
                + "CAST(substr(period_month, 1, 4) AS INTEGER) * 12 + CAST(substr(period_month, 6, 2) AS INTEGER) AS mi FROM ev GROUP BY 1, 2), "
                + "w AS (SELECT *, sum(gmv) OVER (PARTITION BY seller_ref ORDER BY mi RANGE BETWEEN " + (window - 1) + " PRECEDING AND CURRENT ROW) AS trailing_gmv, "
                + "mi - min(mi) OVER (PARTITION BY seller_ref) + 1 AS seen FROM m) "
                + "SELECT seller_ref, period_month, trailing_gmv * " + window + " / least(seen, " + window + ") AS annual FROM w");
        s.execute("CREATE TABLE classified AS SELECT e.* EXCLUDE (foreign_seller, goods_country), "
                + "CASE WHEN foreign_seller THEN 'CROSS_BORDER' WHEN goods_country IS NULL THEN 'UNKNOWN' WHEN goods_country <> 'ID' THEN 'IMPORTED' "
                + "WHEN coalesce(declared_tier, " + observedTier + ") = 'LARGE' THEN 'LOCAL_LARGE' ELSE 'LOCAL_UMKM' END AS origin_class "
                + "FROM ev e LEFT JOIN seller_month sm USING (seller_ref, period_month)");
        s.execute("DROP TABLE ev");
    }
}
