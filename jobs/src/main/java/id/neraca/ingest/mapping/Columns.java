package id.neraca.ingest.mapping;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical columns a mapping can fill (docs/MAPPINGS.md lists each one's default parser). A key not
 * listed here fails the mapping with the allowed keys.
 */
public record Columns(
        FieldSpec orderId,
        FieldSpec lineKey,
        FieldSpec listingKey,
        FieldSpec period,
        FieldSpec orderTs,
        FieldSpec status,
        FieldSpec productTitle,
        FieldSpec variation,
        FieldSpec brand,
        FieldSpec category,
        FieldSpec quantity,
        FieldSpec returnedQuantity,
        FieldSpec unitPrice,
        FieldSpec lineTotal,
        FieldSpec currency,
        FieldSpec sellerId,
        FieldSpec sellerIdType,
        FieldSpec shopId,
        FieldSpec shopName,
        FieldSpec sellerCity,
        FieldSpec sellerProvince,
        FieldSpec sellerCountry,
        FieldSpec shipFromCountry,
        FieldSpec originCountry,
        FieldSpec crossBorderFlag,
        FieldSpec declaredUmkmTier) implements Serializable {

    /** Every mapped field by its YAML key, in declaration order (null specs left out). */
    public Map<String, FieldSpec> byKey() {
        Map<String, FieldSpec> m = new LinkedHashMap<>();
        put(m, "order_id", orderId);
        put(m, "line_key", lineKey);
        put(m, "listing_key", listingKey);
        put(m, "period", period);
        put(m, "order_ts", orderTs);
        put(m, "status", status);
        put(m, "product_title", productTitle);
        put(m, "variation", variation);
        put(m, "brand", brand);
        put(m, "category", category);
        put(m, "quantity", quantity);
        put(m, "returned_quantity", returnedQuantity);
        put(m, "unit_price", unitPrice);
        put(m, "line_total", lineTotal);
        put(m, "currency", currency);
        put(m, "seller_id", sellerId);
        put(m, "seller_id_type", sellerIdType);
        put(m, "shop_id", shopId);
        put(m, "shop_name", shopName);
        put(m, "seller_city", sellerCity);
        put(m, "seller_province", sellerProvince);
        put(m, "seller_country", sellerCountry);
        put(m, "ship_from_country", shipFromCountry);
        put(m, "origin_country", originCountry);
        put(m, "cross_border_flag", crossBorderFlag);
        put(m, "declared_umkm_tier", declaredUmkmTier);
        return m;
    }

    private static void put(Map<String, FieldSpec> m, String k, FieldSpec v) {
        if (v != null) m.put(k, v);
    }
}
