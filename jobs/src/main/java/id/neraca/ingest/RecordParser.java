package id.neraca.ingest;

import id.neraca.ingest.ids.SellerIds;
import id.neraca.ingest.ids.SellerKeys;
import id.neraca.ingest.mapping.FieldSpec;
import id.neraca.ingest.mapping.Mapping;
import id.neraca.ingest.mapping.Mappings;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link RawRecord} into one row of {@link IngestSchemas#PARSED}: the canonical columns, or a
 * quarantine reason. Pure: no I/O, the reference data and the seller key come in with it. One instance per task
 * (the HMAC is not thread-safe).
 */
public final class RecordParser implements Serializable {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

    private final Mapping m;
    private final CompiledMapping cm;
    private final ReferenceData ref;
    private final SellerKeys keys;
    private final LocalDate minDate;
    private final LocalDate maxDate;
    private final String minMonth;
    private final String maxMonth;
    private final Map<String, Field> fields = new HashMap<>();
    private boolean rawForParsedRows = true;
    /** order_ts formats for a workbook's rows: the mapping's, then ISO-8601 (what a date cell no pattern writes becomes). */
    private final List<Parsers.Fmt> workbookTimeFormats;
    private transient Map<String, Matcher> fileRegex;
    /**
     * The most units one sales line may hold: a billion. A listing's sold count reaches tens of millions ("Terjual
     * 10 jt+"); a quantity near the largest long at price Rp0 passed every other check, and the aggregate's sums of
     * units would overflow on it.
     */
    static final long MAX_QUANTITY = 1_000_000_000L;
    /** The mapping's source column names as {@link #repeatedHeader} compares them. */
    private transient String[] looseSources;

    /** A compiled field: where the text comes from and its maps. */
    /**
     * One mapped column, compiled. {@code map} holds the value map's exact keys (trimmed, lower case); {@code prefixes}
     * its keys ending in {@code *}, longest first, for values that carry a variable tail (Shopee's "Pesanan diterima,
     * namun Pembeli masih dapat mengajukan pengembalian hingga 2024-08-29.", Tokopedia's "Dibatalkan Penjual -
     * Stok habis").
     */
    /** {@link Mapping#descriptionRows()}: source index → the text (a trailing {@code *}: begins with). */
    private final List<Map.Entry<Integer, String>> descriptionRow;

    private record Field(String key, FieldSpec spec, int index, Map<String, String> map, List<Map.Entry<String, String>> prefixes,
                         List<Parsers.Fmt> formats, String label) implements Serializable {
        /** The map's value for {@code text}: an exact key, else the longest matching {@code key*}; null if none. */
        String lookup(String text) {
            String t = norm(text);
            String v = map.get(t);
            if (v != null || prefixes.isEmpty()) return v;
            for (Map.Entry<String, String> p : prefixes) if (t.startsWith(p.getKey())) return p.getValue();
            return null;
        }
    }

    /** A value map split into exact keys and {@code key*} prefixes (longest first; a bare {@code *} matches any value, last), both trimmed and lower case. */
    static List<Map.Entry<String, String>> prefixes(Map<String, String> raw, Map<String, String> exact) {
        List<Map.Entry<String, String>> out = new java.util.ArrayList<>();
        raw.forEach((k, v) -> {
            String t = k.strip();
            if (t.endsWith("*")) out.add(Map.entry(norm(t.substring(0, t.length() - 1)), v));
            else exact.put(norm(k), v);
        });
        out.sort((a, b) -> b.getKey().length() != a.getKey().length() ? b.getKey().length() - a.getKey().length()
                : a.getKey().compareTo(b.getKey()));
        return List.copyOf(out);
    }

    /**
     * Whether a row that parses keeps its raw text (default true). The ingest turns it off: only quarantined rows need
     * raw_row, and carrying it costs a conversion, a shuffle and a sort of most of each row's bytes.
     */
    public RecordParser rawForParsedRows(boolean keep) {
        this.rawForParsedRows = keep;
        return this;
    }

    public RecordParser(CompiledMapping cm, ReferenceData ref, SellerKeys keys, LocalDate minDate, LocalDate maxDate) {
        this.m = cm.mapping();
        this.cm = cm;
        this.ref = ref;
        this.keys = keys.copy();
        this.minDate = minDate;
        this.maxDate = maxDate;
        this.minMonth = minDate.format(MONTH);
        this.maxMonth = maxDate.format(MONTH);
        for (Map.Entry<String, FieldSpec> e : m.columns().byKey().entrySet()) {
            FieldSpec f = e.getValue();
            Map<String, String> map = new HashMap<>();
            List<Map.Entry<String, String>> prefixes = prefixes(f.map(), map);
            String label = e.getKey() + (f.sourceRef() != null ? " (" + f.sourceRef() + ")" : "");
            fields.put(e.getKey(), new Field(e.getKey(), f, f.sourceRef() == null ? -1 : cm.sourceIndex(f.sourceRef()), map,
                    prefixes, e.getKey().equals("order_ts") ? Parsers.compile(f.formats()) : List.of(), label));
        }
        List<Map.Entry<Integer, String>> desc = new java.util.ArrayList<>();
        m.descriptionRows().forEach((col, text) -> desc.add(Map.entry(cm.sourceIndex(col), text.strip())));
        desc.sort(Map.Entry.comparingByKey());
        this.descriptionRow = List.copyOf(desc);
        Field ts = fields.get("order_ts");
        List<Parsers.Fmt> wf = new java.util.ArrayList<>(ts == null ? List.of() : ts.formats());
        if (wf.stream().noneMatch(f -> f.name().equals("iso"))) wf.addAll(Parsers.compile(List.of("iso")));
        this.workbookTimeFormats = List.copyOf(wf);
    }

    private transient String lastFile;
    private transient boolean lastWorkbook;

    /** Whether a record comes from a workbook, remembered for the file of the last record (one file per task). */
    private boolean workbook(String sourceFile) {
        if (!sourceFile.equals(lastFile)) {
            lastWorkbook = DumpPlanner.workbook(sourceFile);
            lastFile = sourceFile;
        }
        return lastWorkbook;
    }

    private static String norm(String s) {
        return Parsers.nbspTrim(s).toLowerCase(Locale.ROOT);
    }

    /** The row for one record, with {@code exportKey} carried for duplicate resolution. */
    public Row parse(RawRecord r, String exportKey) {
        if (r.readError() != null) return quarantine(r, exportKey, r.readError(), r.readDetail());
        if (repeatedHeader(r)) {
            return quarantine(r, exportKey, "REPEATED_HEADER", "the header line again, not a sale (exports joined into one "
                    + "file, with cat or by copy and paste?): every mapped column holds its own name");
        }
        if (summaryRow(r)) {
            return quarantine(r, exportKey, "SUMMARY_ROW", "a totals row ('" + summaryWord(r) + "'), not a sale: a spreadsheet's "
                    + "sum of the rows above it, with no order time or status of its own; kept aside like a repeated header");
        }
        if (descriptionRow(r)) {
            return quarantine(r, exportKey, "DESCRIPTION_ROW", "a row describing the columns, not a sale: it matches the "
                    + "mapping's description_rows " + m.descriptionRows());
        }
        String current = "record";
        String elementKey = null;
        try {
            // an element of an order's array: its key first, from its content alone, so that a failure further down (an
            // element's own status) does not change the occurrence numbers of its siblings
            if (r.element() >= 0) {
                current = "line_key";
                elementKey = stringField(r, "line_key");
                if (elementKey == null) {
                    current = "product_title";
                    String title = stringField(r, "product_title");
                    current = "variation";
                    elementKey = occurrence(r, blankLineKey(title, stringField(r, "variation")));
                }
            }
            current = "seller";
            String city = text(r, "seller_city");
            String provinceText = text(r, "seller_province");
            String provinceCode = null;
            String cityOut = city;
            List<ReferenceData.Place> places = ref.places(city);
            String provFromColumn = provinceText == null ? null : ref.province(provinceText);
            if (places.size() == 1) {
                provinceCode = places.get(0).provinceCode();
                cityOut = places.get(0).name();
            } else if (places.size() > 1) {
                ReferenceData.Place pick = null;
                boolean sameProvince = true;
                for (ReferenceData.Place p : places) {
                    if (p.provinceCode().equals(provFromColumn)) pick = pick == null ? p : pick;
                    if (!p.provinceCode().equals(places.get(0).provinceCode())) sameProvince = false;
                }
                if (pick != null && places.stream().filter(p -> p.provinceCode().equals(provFromColumn)).count() == 1) {
                    provinceCode = pick.provinceCode();
                    cityOut = pick.name();
                } else if (sameProvince) {
                    provinceCode = places.get(0).provinceCode();
                }
            }
            if (provinceCode == null) provinceCode = provFromColumn;
            // a city column holding a province's name ("Jakarta", the capital's province, "DKI", "Bali"): no regency is
            // called that, and the seller's province, and time zone, are still known (the audit of 2 Dec 2026)
            if (provinceCode == null && places.isEmpty()) provinceCode = ref.province(city);
            String zoneName = ref.zone(provinceCode);
            ZoneId sellerZone = zoneName == null ? Parsers.WIB : ZoneId.of(zoneName);

            String saleId;
            String orderKey = null;
            Timestamp ts = null;
            String period;
            current = "status";
            String status = mapped(r, "status", true);
            if (Mappings.OPEN_STATUS.equals(status)) {
                throw new ParseFailure("ORDER_NOT_FINAL", "'" + text(r, "status") + "' is mapped to OPEN: the order is not final "
                        + "yet, so not a sale yet; the export that carries its final status counts it");
            }
            if (!m.listing()) {
                current = "order_id";
                String orderId = required(r, "order_id");
                if (id.neraca.ingest.ids.SellerIds.scientific(orderId.trim())) {
                    // Excel's General format wrote a long order number as 5.70000E+17: its last digits are gone, and every
                    // order sharing the first ones would collapse into one sale as a "duplicate"
                    throw new ParseFailure("BAD_ORDER_ID", "'" + orderId.trim() + "' is an order number Excel wrote in scientific "
                            + "notation: its last digits are lost, so orders cannot be told apart. Re-export with the order "
                            + "column formatted as text (or take the marketplace's CSV without opening it in Excel)");
                }
                String lineKey = r.element() >= 0 ? elementKey : stringField(r, "line_key");
                orderKey = m.marketplace() + ":" + orderId;
                saleId = orderKey + ":" + (lineKey != null ? lineKey
                        : blankLineKey(stringField(r, "product_title"), stringField(r, "variation")));
                current = "order_ts";
                Field tf = fields.get("order_ts");
                String tText = required(r, "order_ts");
                String zn = tf.spec().zone();
                ZoneId z = zn == null || zn.equals("SELLER") ? sellerZone : Parsers.zone(zn);
                Instant t = Parsers.instant(tText, workbook(r.sourceFile()) ? workbookTimeFormats : tf.formats(), z);
                LocalDate local = t.atZone(sellerZone).toLocalDate();
                if (local.isBefore(minDate) || local.isAfter(maxDate)) {
                    throw new ParseFailure("DATE_OUT_OF_RANGE", "'" + tText + "' is outside " + minDate + " .. " + maxDate
                            + " (ingest.min_order_date / max_order_date)" + epochHint(tText.trim(), t, sellerZone));
                }
                ts = Timestamp.from(t);
                period = t.atZone(sellerZone).format(MONTH);
            } else {
                current = "period";
                period = Parsers.month(required(r, "period"));
                if (period.compareTo(minMonth) < 0 || period.compareTo(maxMonth) > 0) {
                    throw new ParseFailure("DATE_OUT_OF_RANGE", "period " + period + " is outside " + minMonth + " .. " + maxMonth);
                }
                current = "listing_key";
                saleId = listingSaleId(m.marketplace(), required(r, "listing_key"), period);
            }

            current = "quantity";
            Field qf = fields.get("quantity");
            String qText = text(r, "quantity");
            if (qText == null) throw new ParseFailure("MISSING_VALUE", "blank");
            long qty = "integer".equals(qf.spec().parser()) ? Parsers.integer(qText) : Parsers.count(qText);
            if (qty < 0) throw new ParseFailure("NEGATIVE_QUANTITY", "quantity " + qty + " is negative");
            if (qty == 0 && !m.listing()) throw new ParseFailure("BAD_QUANTITY", "an order line with quantity 0");
            if (qty > MAX_QUANTITY) {
                throw new ParseFailure("BAD_QUANTITY", "quantity " + qty + " is more than " + MAX_QUANTITY + " units in one line: "
                        + "an ID or a price in the quantity column? (units are summed as whole numbers downstream)");
            }

            long qtyOrdered = qty;
            if (fields.containsKey("returned_quantity")) {
                current = "returned_quantity";
                String rText = text(r, "returned_quantity");
                long returned = rText == null ? 0 : "count".equals(fields.get("returned_quantity").spec().parser())
                        ? Parsers.count(rText) : Parsers.integer(rText);
                if (returned < 0) throw new ParseFailure("NEGATIVE_QUANTITY", "returned quantity " + returned + " is negative");
                if (returned > qty) {
                    throw new ParseFailure("BAD_QUANTITY", "returned quantity " + returned + " is more than the " + qty + " ordered");
                }
                if (returned > 0 && "COMPLETED".equals(status)) {
                    // a completed line whose units came back (the export keeps the status, Shopee's "Selesai" beside
                    // "Permintaan Disetujui"): the sale is what was kept; every unit back is a return
                    if (returned == qty) status = "RETURNED";
                    else qty = qty - returned;
                }
            }

            current = "currency";
            String cur = text(r, "currency");
            // blank is rupiah, unless the mapping requires the column (text() has then quarantined the row)
            cur = cur == null ? "IDR" : Parsers.currency(cur);

            current = "unit_price";
            BigDecimal unitSrc = null;
            String upText = text(r, "unit_price");
            if (upText != null) {
                unitSrc = money("unit_price", upText, cur);
            } else if (fields.containsKey("line_total")) {
                current = "line_total";
                String lt = text(r, "line_total");
                if (lt == null) throw new ParseFailure("MISSING_VALUE", "blank");
                if (qty == 0) throw new ParseFailure("BAD_QUANTITY", "a line total with quantity 0");
                unitSrc = money("line_total", lt, cur).divide(BigDecimal.valueOf(qtyOrdered), 2, RoundingMode.HALF_UP);
            } else {
                throw new ParseFailure("MISSING_VALUE", "blank");
            }
            if (unitSrc.signum() < 0) throw new ParseFailure("BAD_PRICE", "negative price " + unitSrc.toPlainString());
            unitSrc = Parsers.money(unitSrc);
            BigDecimal rate = BigDecimal.ONE;
            if (!cur.equals("IDR")) {
                rate = ref.fx(period, cur);
                if (rate == null) throw new ParseFailure("NO_FX_RATE", "no " + cur + " rate for " + period + " in fx_monthly.csv");
            }
            BigDecimal unitIdr = Parsers.money(unitSrc.multiply(rate));
            BigDecimal gmv = Parsers.money(unitIdr.multiply(BigDecimal.valueOf(qty)));
            if (unitIdr.precision() - unitIdr.scale() > 16 || gmv.precision() - gmv.scale() > 18 || unitSrc.precision() - unitSrc.scale() > 16) {
                // say which amount overflows: a unit price that fits times a huge quantity was reported as the price
                throw new ParseFailure("BAD_PRICE", unitIdr.precision() - unitIdr.scale() > 16 || unitSrc.precision() - unitSrc.scale() > 16
                        ? "unit price too large: " + unitIdr.toPlainString() + " (" + (unitIdr.precision() - unitIdr.scale())
                        + " digits of rupiah; a unit price holds at most 16, Rp9,999 trillion: a misread column or a lost decimal "
                        + "separator?)"
                        : "line total too large: unit price " + unitIdr.toPlainString() + " × quantity " + qty + " = " + gmv.toPlainString()
                        + " (a line holds at most 18 digits of rupiah)");
            }

            current = "seller_id";
            String declared = null;
            if (fields.containsKey("seller_id_type")) {
                Field f = fields.get("seller_id_type");
                String t = text(r, "seller_id_type");
                if (t != null) {
                    String v = f.lookup(t);
                    if (v == null) v = t.trim().toUpperCase(Locale.ROOT);
                    declared = id.neraca.core.Schemas.ID_TYPES.contains(v) ? v : null;
                }
            }
            SellerIds.Checked id = SellerIds.check(declared, text(r, "seller_id"));
            String sellerKey;
            String idType = id.type();
            if (id.canonical() != null) {
                sellerKey = keys.hmac(id.keySource());
            } else {
                // no usable ID (blank, a placeholder, or digits Excel lost): keyed by the shop; the type is NONE, or
                // the declared type of an ID Excel damaged (SellerIds.damaged), which is then seller_id_valid=false
                String shop = stringField(r, "shop_id");
                if (shop == null) shop = stringField(r, "shop_name");
                sellerKey = shop == null ? null : keys.hmac("SHOP:" + m.marketplace() + ":" + shop);
            }

            current = "countries";
            String sellerCountry = country(r, "seller_country");
            String shipFrom = country(r, "ship_from_country");
            String origin = country(r, "origin_country");
            current = "cross_border_flag";
            Boolean xb = fields.containsKey("cross_border_flag") ? Parsers.bool(mappedText(r, "cross_border_flag")) : null;
            current = "declared_umkm_tier";
            String tier = tier(r);
            current = "category";
            String label = mappedText(r, "category");
            String category = label == null ? null : ref.knownCategoryOfLabel(label);
            String unknownLabel = null;
            if (label != null && category == null) {
                category = ref.categoryOfLabel(label);
                unknownLabel = unknownLabel(label);
            }

            Object[] v = new Object[IngestSchemas.PARSED.fields().length];
            int i = 0;
            v[i++] = m.marketplace();
            v[i++] = m.name();
            v[i++] = m.grain();
            v[i++] = saleId;
            v[i++] = ts;
            v[i++] = period;
            v[i++] = sellerKey;
            v[i++] = idType;
            v[i++] = id.valid();
            v[i++] = provinceCode;
            v[i++] = cityOut == null ? null : cityOut.trim();
            v[i++] = sellerCountry;
            v[i++] = shipFrom;
            v[i++] = origin;
            v[i++] = xb;
            v[i++] = tier;
            v[i++] = stringField(r, "product_title");
            v[i++] = stringField(r, "brand");
            v[i++] = category;
            v[i++] = qty;
            v[i++] = unitIdr;
            v[i++] = gmv;
            v[i++] = cur;
            v[i++] = unitSrc;
            v[i++] = status;
            v[i++] = r.sourceFile();
            v[i++] = r.line();
            v[i++] = exportKey;
            v[i++] = null;
            v[i++] = null;
            v[i++] = rawForParsedRows ? r.rawRow() : null;
            v[i++] = unknownLabel;
            v[i++] = r.element() >= 0 ? r.element() : null;
            v[i] = orderKey;
            return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(v, IngestSchemas.PARSED);
        } catch (ParseFailure f) {
            Field fl = fields.get(current);
            String label = fl != null ? fl.label() : current;
            return withIdentity(quarantine(r, exportKey, f.code(), label + ": " + f.getMessage()), r, elementKey);
        }
    }

    private static final int SALE_ID_INDEX = IngestSchemas.PARSED.fieldIndex("sale_id");
    private static final int ORDER_KEY_INDEX = IngestSchemas.PARSED.fieldIndex(IngestSchemas.ORDER_KEY);

    /**
     * A failed line of an order's array keeps the identity it would have had, its {@code order_key} and {@code sale_id},
     * when both its line key and its order number can be read: the order's snapshot in this file still holds that sale,
     * unreadable here, so duplicate resolution keeps the sale's readable version from an earlier export rather than
     * superseding it as a line the order no longer holds ({@link ResolveDuplicates}). The row stays quarantined. Any
     * other failed row (a flat export's line, a listing, a line whose key or order number is unreadable) is unchanged.
     */
    private Row withIdentity(Row failed, RawRecord r, String elementKey) {
        if (r.element() < 0 || elementKey == null || m.listing()) return failed;
        String orderId;
        try {
            orderId = stringField(r, "order_id");
        } catch (ParseFailure e) {
            return failed;
        }
        if (orderId == null || id.neraca.ingest.ids.SellerIds.scientific(orderId.trim())) return failed;
        Object[] v = new Object[failed.length()];
        for (int i = 0; i < v.length; i++) v[i] = failed.get(i);
        String orderKey = m.marketplace() + ":" + orderId;
        v[ORDER_KEY_INDEX] = orderKey;
        v[SALE_ID_INDEX] = orderKey + ":" + elementKey;
        return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(v, IngestSchemas.PARSED);
    }

    /**
     * For an epoch out of range, the same digits in the other unit when that date is in range: seconds read as
     * milliseconds land in January 1970, milliseconds read as seconds tens of thousands of years ahead.
     */
    private String epochHint(String digits, Instant read, ZoneId zone) {
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(Character::isDigit)) return "";
        long n = Long.parseLong(digits);
        boolean asMillis = read.toEpochMilli() == n;
        Instant other;
        try {
            other = asMillis ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
        } catch (java.time.DateTimeException e) {
            return "";
        }
        LocalDate d = other.atZone(zone).toLocalDate();
        if (d.isBefore(minDate) || d.isAfter(maxDate)) return "";
        return "; read as epoch " + (asMillis ? "milliseconds" : "seconds") + " it is " + read.atZone(zone).toLocalDate()
                + ", as " + (asMillis ? "seconds" : "milliseconds") + " " + d + ": if the column is in "
                + (asMillis ? "seconds" : "milliseconds") + ", set its formats to [" + (asMillis ? "epoch_seconds" : "epoch_millis")
                + "] (or [epoch], which tells them apart by their digits)";
    }

    /**
     * A row whose every mapped column (at least two) holds that column's own name, as the header writes it (ignoring
     * letter case and runs of spaces): the header of a second export joined below the first. It is told apart from
     * a sale, which would otherwise fail on its status or its date with a reason that hides what happened.
     */
    private boolean repeatedHeader(RawRecord r) {
        String[] v = r.values();
        if (v == null || v.length < 2 || cm.mapping().format().jsonl()) return false;
        if (looseSources == null) looseSources = cm.sources().stream().map(RecordParser::loose).toArray(String[]::new);
        int compared = 0;
        for (int i = 0; i < v.length && i < looseSources.length; i++) {
            if (v[i] == null) continue;
            String want = looseSources[i];
            // every row passes here: a sale's first value differs from its column's name in its first letter, so the
            // normalising copy below is made for almost no row
            int at = 0;
            while (at < v[i].length() && (Character.isWhitespace(v[i].charAt(at)) || v[i].charAt(at) == '\u00a0')) at++;
            if (at == v[i].length() || want.isEmpty() || Character.toLowerCase(v[i].charAt(at)) != want.charAt(0)) return false;
            if (!loose(v[i]).equals(want)) return false;
            compared++;
        }
        return compared >= 2;
    }

    /**
     * Words a spreadsheet's totals row is labelled with, in English and Indonesian, as {@link #loose} writes them: the
     * row an export (or whoever opened it in Excel) adds under the data with the sums of its amounts.
     */
    private static final java.util.Set<String> SUMMARY_WORDS = java.util.Set.of("total", "totals", "grand total", "sub total",
            "subtotal", "total keseluruhan", "total penjualan", "total pesanan", "jumlah total", "jumlah keseluruhan", "sum");

    /** The totals label among the row's mapped values, or null. */
    private String summaryWord(RawRecord r) {
        for (String v : r.values()) {
            if (v == null) continue;
            String t = loose(v);
            if (t.endsWith(":")) t = t.substring(0, t.length() - 1).strip();
            if (SUMMARY_WORDS.contains(t)) return v.strip();
        }
        return null;
    }

    /**
     * A spreadsheet's totals row under the data ({@code TOTAL;;;;;;;190;;Rp 125.000.000,-}): a mapped column holds a
     * totals label ({@code TOTAL}, {@code Grand Total}, {@code Jumlah Keseluruhan}) and the row has no order, time or status
     * of its own (each of order_id, listing_key, order_ts, period and status the file gives is blank, or the label: a
     * brand called TOTAL on a sale is no totals row). It was MISSING_VALUE "status
     * blank", counted against the file's 5% threshold: a small shop's month of under 20 orders failed on it alone
     * (the audit of 2 Dec 2026). A sale always has a time, so none is taken for one.
     */
    private boolean summaryRow(RawRecord r) {
        String[] v = r.values();
        if (v == null || cm.mapping().format().jsonl()) return false;
        String word = summaryWord(r);
        if (word == null) return false;
        boolean sourced = false;
        for (String key : new String[]{"order_id", "listing_key", "order_ts", "period", "status"}) {
            Field f = fields.get(key);
            if (f == null || f.index() < 0 || f.index() >= v.length) continue;
            sourced = true;
            String x = v[f.index()];
            if (x != null && !Parsers.nbspTrim(x).isEmpty() && !x.strip().equals(word)) return false;
        }
        return sourced;
    }

    /** A row that matches every entry of the mapping's {@code description_rows} (none: never). */
    private boolean descriptionRow(RawRecord r) {
        if (descriptionRow.isEmpty() || r.values() == null) return false;
        for (Map.Entry<Integer, String> d : descriptionRow) {
            int i = d.getKey();
            if (i < 0 || i >= r.values().length || r.values()[i] == null) return false;
            String have = norm(r.values()[i]);
            String want = d.getValue();
            boolean prefix = want.length() > 1 && want.endsWith("*");
            String w = norm(prefix ? want.substring(0, want.length() - 1) : want);
            if (prefix ? !have.startsWith(w) : !have.equals(w)) return false;
        }
        return true;
    }

    private static String loose(String s) {
        return Parsers.nbspTrim(s).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static final int ELEMENT_INDEX = IngestSchemas.PARSED.fieldIndex(IngestSchemas.SOURCE_ELEMENT);

    private Row quarantine(RawRecord r, String exportKey, String code, String detail) {
        Object[] v = new Object[IngestSchemas.PARSED.fields().length];
        v[0] = m.marketplace();
        v[1] = m.name();
        v[2] = m.grain();
        v[IngestSchemas.N_SALES - 2] = r.sourceFile();
        v[IngestSchemas.N_SALES - 1] = r.line();
        v[IngestSchemas.N_SALES] = exportKey;
        v[IngestSchemas.N_SALES + 1] = code;
        // an element of an order's array says which one first: the file's line holds the whole order (items[1]: its second line)
        v[IngestSchemas.N_SALES + 2] = Masking.digitRuns(r.elementRef() == null ? detail : r.elementRef() + ": " + detail);
        v[IngestSchemas.N_SALES + 3] = r.rawRow();
        if (r.element() >= 0) v[ELEMENT_INDEX] = r.element();
        return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(v, IngestSchemas.PARSED);
    }

    /** The field's text: constant, file_regex group or source value; blank falls back to default; null if none. */
    String text(RawRecord r, String key) {
        Field f = fields.get(key);
        if (f == null) return null;
        String s;
        FieldSpec spec = f.spec();
        if (spec.constant() != null) s = spec.constant();
        else if (spec.fileRegex() != null) s = fileGroup(spec.fileRegex(), r.sourceFile());
        else s = r.values()[f.index()];
        if (s == null || s.isBlank()) {
            s = spec.defaultValue();
        } else if (MAPPED_IN_TEXT.contains(key)) {
            // docs/MAPPINGS.md: a column's map applies before parsing; these columns are read through here alone (the
            // others apply it where they parse), so a map on them was silently ignored (`currency: {map: {"$": USD}}`)
            String v = f.lookup(s);
            if (v != null) s = v.isBlank() ? spec.defaultValue() : v;
        }
        if (s == null || s.isBlank()) {
            if (spec.required()) {
                throw new ParseFailure("MISSING_VALUE", "blank, and the mapping requires a value (columns." + key + ".required: true)"
                        + ("currency".equals(key) ? ": a blank currency is not read as IDR in a dump whose prices come in several currencies" : ""));
            }
            return null;
        }
        return s;
    }

    /** Columns whose value map {@link #text} applies: they are parsed from its text, with no lookup of their own. */
    private static final java.util.Set<String> MAPPED_IN_TEXT = java.util.Set.of("currency", "quantity", "returned_quantity",
            "seller_city", "seller_province", "seller_id");

    private String fileGroup(String re, String file) {
        if (fileRegex == null) fileRegex = new HashMap<>();
        Matcher mt = fileRegex.computeIfAbsent(re, k -> Pattern.compile(k).matcher("")).reset(file);
        return mt.find() ? mt.group(1) : null;
    }

    private String mappedText(RawRecord r, String key) {
        String t = text(r, key);
        if (t == null) return null;
        String v = fields.get(key).lookup(t);
        return v == null ? t : v;
    }

    private String mapped(RawRecord r, String key, boolean required) {
        String t = text(r, key);
        if (t == null) {
            if (required) throw new ParseFailure("MISSING_VALUE", "blank");
            return null;
        }
        String v = fields.get(key).lookup(t);
        if (v == null) {
            throw new ParseFailure("UNKNOWN_STATUS", "'" + t + "' is not in the mapping's value map " + fields.get(key).spec().map().keySet()
                    + ("status".equals(key) ? ": add it, to COMPLETED, CANCELLED, RETURNED, or OPEN for an order not final yet" : ""));
        }
        return v;
    }

    private String required(RawRecord r, String key) {
        String s = stringField(r, key);
        if (s == null) throw new ParseFailure("MISSING_VALUE", "blank");
        return s;
    }

    private String stringField(RawRecord r, String key) {
        Field f = fields.get(key);
        if (f == null) return null;
        String t = mappedText(r, key);
        if (t == null) return null;
        if ("url_path".equals(f.spec().parser())) return Parsers.urlPath(t, f.spec().urlParam(), f.spec().segments());
        return Parsers.text(t);
    }

    private BigDecimal money(String key, String text, String currency) {
        Field f = fields.get(key);
        String mapped = f.lookup(text);
        String t = mapped == null ? text : mapped;
        String parser = f.spec().parser() == null ? "idr" : f.spec().parser();
        BigDecimal v = switch (parser) {
            case "decimal" -> Parsers.decimal(t, currency);
            case "amount_en" -> Parsers.amountEn(t, currency);
            default -> Parsers.idr(t, currency);
        };
        // an amount written in a fraction of the unit (Shopee's API: 1/100,000 rupiah): moved exactly, never divided in double
        return f.spec().divideBy() == null ? v : v.movePointLeft(id.neraca.ingest.mapping.Mappings.divideByDigits(f.spec().divideBy()));
    }

    private String country(RawRecord r, String key) {
        String t = mappedText(r, key);
        return t == null ? null : ref.country(t);
    }

    private static final Map<String, String> TIERS = Map.of(
            "mikro", "MICRO", "micro", "MICRO", "kecil", "SMALL", "small", "SMALL",
            "menengah", "MEDIUM", "medium", "MEDIUM", "besar", "LARGE", "large", "LARGE");

    private String tier(RawRecord r) {
        String t = mappedText(r, "declared_umkm_tier");
        if (t == null) return null;
        if (id.neraca.core.Schemas.UMKM_TIERS.contains(t)) return t;
        return TIERS.get(norm(t));
    }

    /** A category label as ingest reports it: spaces collapsed, ID-like digit runs masked ({@link Masking#digitRuns}), at most 80 characters. */
    static String unknownLabel(String label) {
        String t = Masking.digitRuns(label.strip().replaceAll("\\s+", " "));
        return t.length() <= 80 ? t : t.substring(0, 79) + "…";
    }

    /**
     * A listing's sale ID: {@code <marketplace>:<keyed hash of the listing key, 24 hex digits>:<period>}. A listing key
     * names the shop (a product URL's {@code shop/product} path): written as is it would carry the shop's name into
     * every output, beside the seller key that hides it. Keyed like seller keys (the same listing, key and period give
     * the same ID, so repeated snapshots still collapse); 96 bits make a collision between listings negligible.
     */
    /**
     * The line key of an order line whose SKU (line item id) is blank: {@code -} followed by {@code t} and the first 16
     * hex digits of the SHA-256 of its product title ({@code -} alone when the title is blank too). With {@code -} alone,
     * an order's blank-SKU lines all had one sale_id, and different products (a T-shirt and an imported power bank
     * at the same price) collapsed as duplicates: the power bank vanished. The title is what tells such lines apart
     * and stays the same when a later export repeats the order, so the latest export still wins the line. A product
     * title is not personal data; hashed to keep sale_id short and free of ':'.
     */
    static String blankLineKey(String title) {
        return blankLineKey(title, null);
    }

    /**
     * As {@link #blankLineKey(String)}, with the line's variation (size, colour: Shopee's "Nama Variasi") when the
     * mapping reads one and it is not blank: two variations of one product in one order, both without a SKU (common in
     * Shopee's own exports), are two lines, not a duplicate. Without a variation the key is the title's alone, as before.
     */
    static String blankLineKey(String title, String variation) {
        if (title == null && variation == null) return "-";
        String basis = variation == null ? title : (title == null ? "" : title) + "\u0000" + variation;
        return "-t" + id.neraca.core.Hashing.sha256(basis.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** The order (file and line) whose elements {@link #occurrences} counts; an order's elements are parsed one after another. */
    private transient String occurrenceFile;
    private transient long occurrenceLine = -1;
    private transient Map<String, Integer> occurrences;

    /**
     * The line key of element {@code r} of an order's array ({@code format.order_lines}) without a {@code line_key} of its
     * own (not mapped, or blank): its {@code content}, {@link #blankLineKey(String, String)} of its title and variation as
     * for a CSV line without a SKU, followed by {@code #2}, {@code #3}, ... for the second, third element of the same order
     * with the same content (the first has no suffix). Its index in the array ({@code -i1}) was the key
     * until Dec 2026: when a later export dropped or reordered a line, different lines shared a key across exports
     * ([A, B, C] then [A, C]: December's C replaced November's B at -i1 and November's C stayed at -i2, C counted twice
     * and B gone). The content is the same wherever the element sits, and two identical elements of one order are still
     * two lines. Relies on an order's elements being parsed one after another (DumpReader returns them so).
     */
    private String occurrence(RawRecord r, String content) {
        if (occurrences == null || r.line() != occurrenceLine || !r.sourceFile().equals(occurrenceFile)) {
            occurrences = new HashMap<>();
            occurrenceFile = r.sourceFile();
            occurrenceLine = r.line();
        }
        int n = occurrences.merge(content, 1, Integer::sum);
        return n == 1 ? content : content + "#" + n;
    }

    String listingSaleId(String marketplace, String listingKey, String period) {
        return marketplace + ":" + keys.hmac("LISTING:" + marketplace + ":" + listingKey).substring(0, 24) + ":" + period;
    }

    /** The parsers this mapping uses, for documentation checks. */
    static List<String> knownParsers() {
        return Mappings.PARSERS.values().stream().flatMap(List::stream).distinct().toList();
    }
}
