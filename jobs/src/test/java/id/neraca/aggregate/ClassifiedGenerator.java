package id.neraca.aggregate;

import id.neraca.core.Schemas;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded generator of classified rows (columns of Schemas.classified()) that keeps its own ground truth:
 * completed GMV per month × class to the sen, completed listing-snapshot GMV, distinct orders per month.
 */
final class ClassifiedGenerator {
    static final List<String> MARKETPLACES = List.of("shopee", "tiktokshop", "tokopedia", "crossborder");
    static final List<String> PROVINCES = List.of("31", "32", "33", "35", "51", "73");
    static final List<String> CATEGORIES = List.of("fashion", "electronics", "beauty", "food");

    final List<Row> rows = new ArrayList<>();
    /** month → class → completed ORDER_LINE GMV. */
    final Map<String, Map<String, BigDecimal>> truth = new TreeMap<>();
    final Map<String, java.util.Set<String>> ordersPerMonth = new TreeMap<>();
    BigDecimal listingGmv = BigDecimal.ZERO;
    long listingRows = 0;
    BigDecimal completedOrderLineGmv = BigDecimal.ZERO;

    ClassifiedGenerator(long seed, int orders, List<String> months) {
        Random r = new Random(seed);
        for (int o = 0; o < orders; o++) {
            String mp = MARKETPLACES.get(r.nextInt(MARKETPLACES.size()));
            String month = months.get(r.nextInt(months.size()));
            String orderNo = "O" + o;
            String seller = "seller" + r.nextInt(40);
            String status = r.nextInt(10) < 8 ? "COMPLETED" : (r.nextBoolean() ? "CANCELLED" : "RETURNED");
            int lines = 1 + r.nextInt(3);
            for (int l = 0; l < lines; l++) {
                String cls = Schemas.ORIGIN_CLASSES.get(r.nextInt(Schemas.ORIGIN_CLASSES.size()));
                long qty = 1 + r.nextInt(4);
                BigDecimal price = BigDecimal.valueOf(1000 + r.nextInt(5_000_000)).add(BigDecimal.valueOf(r.nextInt(100), 2));
                BigDecimal gmv = price.multiply(BigDecimal.valueOf(qty)).setScale(2, RoundingMode.HALF_UP);
                String province = r.nextInt(10) == 0 ? null : PROVINCES.get(r.nextInt(PROVINCES.size()));
                String category = r.nextInt(15) == 0 ? null : CATEGORIES.get(r.nextInt(CATEGORIES.size()));
                rows.add(row(mp, "ORDER_LINE", mp + ":" + orderNo + ":SKU" + l, month, seller, province, category, qty,
                        price, gmv, status, cls));
                if (status.equals("COMPLETED")) {
                    truth.computeIfAbsent(month, k -> new TreeMap<>()).merge(cls, gmv, BigDecimal::add);
                    ordersPerMonth.computeIfAbsent(month, k -> new java.util.TreeSet<>()).add(mp + ":" + orderNo);
                    completedOrderLineGmv = completedOrderLineGmv.add(gmv);
                }
            }
        }
        // listing snapshots: in the detail table only
        for (int i = 0; i < 20; i++) {
            String month = months.get(r.nextInt(months.size()));
            long sold = 1 + r.nextInt(500);
            BigDecimal price = BigDecimal.valueOf(5000 + r.nextInt(200_000));
            BigDecimal gmv = price.multiply(BigDecimal.valueOf(sold)).setScale(2, RoundingMode.HALF_UP);
            rows.add(row("tokopedia-scrape", "LISTING_PERIOD", "tokopedia-scrape:L" + i + ":" + month, month, null,
                    "32", "electronics", sold, price, gmv, "COMPLETED", "UNKNOWN"));
            listingGmv = listingGmv.add(gmv);
            listingRows++;
        }
    }

    BigDecimal truth(String month, String cls) {
        return truth.getOrDefault(month, Map.of()).getOrDefault(cls, BigDecimal.ZERO);
    }

    BigDecimal truthTotal(String month) {
        return truth.getOrDefault(month, Map.of()).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Row row(String mp, String grain, String saleId, String month, String seller, String province, String category,
                   long qty, BigDecimal price, BigDecimal gmv, String status, String cls) {
        Map<String, Object> v = new HashMap<>();
        v.put("marketplace", mp);
        v.put("source_format", mp);
        v.put("grain", grain);
        v.put("sale_id", saleId);
        // order lines spread over the month's days (a deterministic day per sale), so every month is complete
        int days = java.time.YearMonth.parse(month).lengthOfMonth();
        String day = String.format(java.util.Locale.ROOT, "%02d", 1 + Math.floorMod(saleId.hashCode(), days));
        v.put("order_ts", grain.equals("ORDER_LINE") ? Timestamp.valueOf(month + "-" + day + " 03:00:00") : null);
        v.put("period_month", month);
        v.put("seller_key", seller);
        v.put("seller_id_type", seller == null ? "NONE" : "NIB");
        v.put("seller_province_code", province);
        v.put("category", category);
        v.put("quantity", qty);
        v.put("unit_price_idr", price.setScale(2, RoundingMode.HALF_UP));
        v.put("gmv_idr", gmv);
        v.put("source_currency", "IDR");
        v.put("status", status);
        v.put("source_file", mp + ".csv");
        v.put("source_line", 2L);
        v.put("origin_class", cls);
        v.put("origin_reasons", new String[]{"TEST"});
        v.put("origin_confidence", 0.9);
        v.put("umkm_tier", "UNKNOWN");
        v.put("umkm_tier_source", "NONE");
        v.put("permendag31_flag", false);
        StructField[] fields = Schemas.classified().fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Object x = v.get(fields[i].name());
            if (x instanceof String[] a) x = scala.jdk.javaapi.CollectionConverters.asScala(List.of(a)).toSeq();
            values[i] = x;
        }
        return RowFactory.create(values);
    }
}
