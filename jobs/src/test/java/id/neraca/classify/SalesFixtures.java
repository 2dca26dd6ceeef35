package id.neraca.classify;

import id.neraca.core.Schemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds rows with exactly the {@link Schemas#SALES} columns from named arguments, for scenario fixtures:
 * {@code sale("s1").nik("32").title("Batik tulis").price("150000").build()}. Defaults describe an unremarkable
 * completed order line of one unit with no evidence at all; each scenario sets only what it is about.
 */
final class SalesFixtures {
    private SalesFixtures() {}

    static Sale sale(String id) {
        return new Sale(id);
    }

    static Dataset<Row> sales(SparkSession spark, Sale... sales) {
        List<Row> rows = new ArrayList<>();
        for (Sale s : sales) rows.add(s.build());
        return spark.createDataFrame(rows, Schemas.SALES);
    }

    /** fx_monthly rows (month, currency, idr_per_unit, source). */
    static Dataset<Row> fx(SparkSession spark, String... monthRate) {
        List<Row> rows = new ArrayList<>();
        for (String mr : monthRate) {
            String[] p = mr.split("=");
            rows.add(RowFactory.create(p[0], "USD", p[1], "fixture"));
        }
        return spark.createDataFrame(rows, OriginClassifier.FX);
    }

    static final class Sale {
        String marketplace = "shopee";
        String sourceFormat = "shopee";
        String grain = "ORDER_LINE";
        final String saleId;
        Timestamp orderTs;
        String periodMonth = "2024-01";
        String sellerKey = null;
        String sellerIdType = "NONE";
        Boolean sellerIdValid = null;
        String sellerProvinceCode;
        String sellerCity;
        String sellerCountry;
        String shipFromCountry;
        String originCountry;
        Boolean crossBorderFlag;
        String declaredUmkmTier;
        String productTitle;
        String brand;
        String category = "fashion";
        long quantity = 1;
        BigDecimal unitPrice = new BigDecimal("100000.00");
        String status = "COMPLETED";
        String sourceCurrency = "IDR";
        BigDecimal unitPriceSource;

        Sale(String id) {
            this.saleId = id;
            this.orderTs = Timestamp.from(Instant.parse("2024-01-15T03:00:00Z"));
        }

        Sale marketplace(String m) { marketplace = m; sourceFormat = m; return this; }
        Sale listing(String month) { grain = "LISTING_PERIOD"; orderTs = null; periodMonth = month; return this; }
        /** order time as a UTC instant; period_month follows in WIB unless set after. */
        Sale at(String isoInstant) {
            Instant i = Instant.parse(isoInstant);
            orderTs = Timestamp.from(i);
            periodMonth = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM").withZone(java.time.ZoneId.of("Asia/Jakarta")).format(i);
            return this;
        }
        Sale month(String m) { periodMonth = m; return this; }
        Sale seller(String key) { sellerKey = key; return this; }
        Sale id(String type, Boolean valid) { sellerIdType = type; sellerIdValid = valid; return this; }
        Sale located(String province, String city) { sellerProvinceCode = province; sellerCity = city; return this; }
        Sale sellerCountry(String c) { sellerCountry = c; return this; }
        Sale shipFrom(String c) { shipFromCountry = c; return this; }
        Sale origin(String c) { originCountry = c; return this; }
        Sale crossBorder(Boolean f) { crossBorderFlag = f; return this; }
        Sale declaredTier(String t) { declaredUmkmTier = t; return this; }
        Sale title(String t) { productTitle = t; return this; }
        Sale brand(String b) { brand = b; return this; }
        Sale category(String c) { category = c; return this; }
        Sale qty(long q) { quantity = q; return this; }
        Sale price(String idr) { unitPrice = new BigDecimal(idr).setScale(2); return this; }
        Sale status(String s) { status = s; return this; }

        /** An Indonesian seller with a valid NIK in a known province (Jawa Barat by default). */
        Sale localSeller(String key) {
            return seller(key).id("NIK", true).located("32", "Kota Bandung").sellerCountry("ID").shipFrom("ID");
        }

        /** A foreign storefront: registered abroad, ships from abroad, flagged cross-border by the marketplace. */
        Sale foreignStore(String key, String country) {
            return marketplace("crossborder").seller(key).id("FOREIGN_REG", true).sellerCountry(country).shipFrom(country)
                    .crossBorder(true);
        }

        Row build() {
            BigDecimal gmv = unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, java.math.RoundingMode.HALF_UP);
            return RowFactory.create(marketplace, sourceFormat, grain, saleId, orderTs, periodMonth, sellerKey,
                    sellerIdType, sellerIdValid, sellerProvinceCode, sellerCity, sellerCountry, shipFromCountry,
                    originCountry, crossBorderFlag, declaredUmkmTier, productTitle, brand, category, quantity,
                    unitPrice, gmv, sourceCurrency, unitPriceSource, status, "fixture.csv", 1L);
        }
    }
}
