package id.neraca.ingest.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Where one canonical column comes from and how it is parsed. Exactly one of {@code source} (a CSV or Parquet
 * column), {@code path} (a dotted JSON path, JSON Lines only), {@code constant} or {@code file_regex} (first
 * group of a regular expression on the file's path relative to --dumps).
 *
 * @param parser   how the text becomes a value; each canonical column has a default (docs/MAPPINGS.md)
 * @param formats  datetime: patterns tried in order ({@code dd/MM/yyyy HH:mm}, ...) or {@code iso},
 *                 {@code epoch_seconds}, {@code epoch_millis}, {@code epoch}
 * @param zone     datetime without offset: {@code WIB}, {@code WITA}, {@code WIT}, {@code UTC}, an IANA id, or
 *                 {@code SELLER} (the seller province's zone, WIB when unknown; the default)
 * @param map      value map applied to the trimmed text (case-insensitive) before parsing; for status, ID type
 *                 and tier it is the whole parser
 * @param defaultValue value used when the source is blank or absent
 * @param urlParam url_path: take the URL in this query parameter when present (URL-decoded)
 * @param segments url_path: keep only the first N path segments
 * @param optional the source column may be missing from a file's header (older exports); the value is then blank
 * @param required a blank value quarantines the row (MISSING_VALUE) instead of meaning "not given": for a column
 *                 whose blank has a default meaning the dump cannot rely on (a blank currency is IDR otherwise)
 * @param divideBy unit_price / line_total: the amount is written in this fraction of the currency unit, a power of ten
 *                 (Shopee's API writes Rp10.999 as 1099900000: {@code divide_by: 100000}); divided exactly
 */
public record FieldSpec(
        String source,
        String path,
        String constant,
        String fileRegex,
        String parser,
        List<String> formats,
        String zone,
        Map<String, String> map,
        @JsonProperty("default") String defaultValue,
        String urlParam,
        Integer segments,
        Boolean optional,
        Boolean required,
        Long divideBy) implements Serializable {

    public FieldSpec {
        formats = formats == null ? List.of() : List.copyOf(formats);
        // in the mapping file's order (Map.copyOf's order changes from JVM to JVM: an unmapped status's quarantine
        // detail listed the map's keys differently on every run); Map.copyOf still refuses null keys and values
        map = map == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(checkedCopy(map)));
        if (optional == null) optional = false;
        if (required == null) required = false;
    }

    private static <K, V> Map<K, V> checkedCopy(Map<K, V> map) {
        Map.copyOf(map); // NullPointerException on a null key or value, as before
        return map;
    }

    /** The source column or JSON path this field reads, or null for a constant / file_regex. */
    public String sourceRef() {
        return source != null ? source : path;
    }
}
