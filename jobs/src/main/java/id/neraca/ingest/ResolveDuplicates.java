package id.neraca.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

/**
 * Decides what happens to each parsed row: {@code ACCEPTED}, {@code QUARANTINED} or {@code DUPLICATE}
 * (column {@code disposition}). Pure transform over {@link IngestSchemas#PARSED}.
 * <ol>
 *   <li>A row that failed to parse stays quarantined.</li>
 *   <li>Within one file, rows with the same {@code sale_id}: the first (lowest line; on one line, the lowest element of
 *       an order's array) is the file's version. A later row with the same content ({@link #CONTENT}: quantity, source price, currency, status, time, seller, title,
 *       brand, category, origins) is an exact repeat and collapses (DUPLICATE); one that differs in any of them is
 *       quarantined as {@code CONFLICTING_DUPLICATE} naming the line that was kept and the columns that differ:
 *       the export contradicts itself and neither line can be trusted over the other. (Blank-SKU lines of one order
 *       are told apart by their title in {@code sale_id} first: {@code RecordParser.blankLineKey}.)</li>
 *   <li>Across files, the version from the greatest export key (then the greatest file path) is accepted; the
 *       others collapse (DUPLICATE), so an order re-exported with a changed status takes the later status.</li>
 *   <li>An order's later snapshot supersedes its earlier exports' lines: a row of an order's array
 *       ({@code format.order_lines}, {@link IngestSchemas#SOURCE_ELEMENT} set) whose sale the order's latest export of
 *       such rows (by {@link IngestSchemas#ORDER_KEY}, the same export order) no longer holds collapses (DUPLICATE, its
 *       {@code reason_detail} "superseded by the order's later export &lt;file&gt;") instead of staying accepted from the
 *       earlier export: each record is the whole order, so a line it lacks was cancelled or removed, and twins [A, A]
 *       re-exported as [A] left A's {@code #2} counted from the earlier file. Not for flat order exports (one row per
 *       line), where a later file may hold only some of an order's lines (a returns export), nor for listings. A line the
 *       later snapshot holds but could not read (quarantined, its line key and order number readable:
 *       {@code RecordParser.withIdentity}) still counts as held: the sale keeps its earlier readable version, as a flat
 *       export's sale does when its later copy fails, rather than vanishing into the quarantine.</li>
 * </ol>
 * One shuffle, by order ({@link IngestSchemas#ORDER_KEY}, the sale itself for a listing, the row itself for a failed one
 * without an order), so that an
 * order's lines, all their versions and the rows of other mappings sharing their sale_id meet in one task; the windows
 * partition by (order, sale, file), (order, sale) and (order) and share one sort.
 * Every row keeps its file and line, so rows read = accepted + quarantined + duplicates per file. {@code raw_row} is
 * kept only for rows that failed to parse: a {@code CONFLICTING_DUPLICATE} row has none here
 * ({@link IngestRun#quarantine} re-reads it from its file).
 */
public final class ResolveDuplicates {
    private ResolveDuplicates() {}

    public static final String ACCEPTED = "ACCEPTED";
    public static final String QUARANTINED = "QUARANTINED";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String CONFLICTING_DUPLICATE = "CONFLICTING_DUPLICATE";
    /** The start of a superseded line's {@code reason_detail}, followed by the file of the order's later export. */
    public static final String SUPERSEDED = "superseded by the order's later export ";

    /**
     * What an exact repeat within one file must repeat: the amount (quantity, source price, currency) and everything
     * else the line says about the sale. Comparing the amount alone collapsed different products of one order that
     * shared a key and a price as "duplicates", silently; a differing line is now a {@code CONFLICTING_DUPLICATE}, visible.
     */
    static final java.util.List<String> CONTENT = java.util.List.of("quantity", "unit_price_source", "source_currency",
            "status", "order_ts", "seller_key", "product_title", "brand", "category", "origin_country", "ship_from_country",
            "seller_country", "cross_border_flag");

    public static Dataset<Row> apply(Dataset<Row> parsed) {
        return apply(parsed, 0);
    }

    /**
     * As {@link #apply(Dataset)}, shuffled into {@code partitions} tasks (0: Spark's setting, sized by AQE). A large
     * ingest asks for more, smaller tasks: the windows sort each task's rows, and a task's sort that outgrows its
     * share of memory spills to disk (docs/BENCHMARKS.md).
     */
    public static Dataset<Row> apply(Dataset<Row> parsed, int partitions) {
        return apply(parsed, partitions, java.util.Map.of());
    }

    /**
     * As {@link #apply(Dataset, int)}; {@code orderLines} gives, per mapping ({@code source_format}), the array its
     * {@code format.order_lines} names, so that a conflicting duplicate among an order's lines says which elements
     * ({@code items[2]: same sale_id as line 6 items[0] of this file ...}). An order's lines share their file line: they are
     * ordered within it by {@link IngestSchemas#SOURCE_ELEMENT}, so the lower element is the file's version.
     */
    public static Dataset<Row> apply(Dataset<Row> parsed, int partitions, java.util.Map<String, String> orderLines) {
        return apply(parsed, partitions, orderLines, true);
    }

    /**
     * As {@link #apply(Dataset, int, java.util.Map)}; {@code orders} false when no mapping of the run reads an order's lines
     * from an array ({@code orderLines} empty, which ingest and validate check over every mapping in the folder: a stored
     * file's mapping is always there, IngestState): no row is an element, nothing can be superseded (rule 4), and the rows
     * are shuffled and sorted by sale alone, without the order's key and the order's window. At 20 million rows the
     * order's key and window cost ingest about a fifth of its time (docs/BENCHMARKS.md, thirty-third session).
     */
    public static Dataset<Row> apply(Dataset<Row> parsed, int partitions, java.util.Map<String, String> orderLines, boolean orders) {
        // quarantined rows get a key of their own so they pass through the windows untouched, in the same pass; except a
        // failed line of an order's array that kept its identity (RecordParser.withIdentity): it joins its sale and its
        // order, to say that its snapshot still holds the sale, though it never competes for the sale's accepted version
        Column failed = col("reason_code").isNotNull();
        Column identified = failed.and(col(IngestSchemas.SOURCE_ELEMENT).isNotNull()).and(col("sale_id").isNotNull());
        Column key = when(not(failed).or(identified), col("sale_id"))
                .otherwise(concat(lit("\u0000q:"), col("source_file"), lit(":"), col("source_line").cast("string")));
        // only rows that failed to parse carry their raw text through the shuffle and sort (it is most of a row's
        // bytes); the rare CONFLICTING_DUPLICATE rows get theirs back from IngestRun.quarantine, which re-reads.
        // The order (_o): an order line's marketplace:order_id, else the sale's key (a listing, a failed row). Only the rows of
        // an order's array are superseded by it, but every order line is shuffled by it, so that a flat export's line
        // sharing a sale_id with an array's element still meets it (the windows below keep the order first)
        Column order = coalesce(when(not(failed).or(identified), col(IngestSchemas.ORDER_KEY)), key);
        Dataset<Row> d = parsed.withColumn("raw_row", when(failed, col("raw_row")))
                .withColumn("_k", key).withColumn("_x", failed);
        d = (orders ? d.withColumn("_o", order) : d).drop(IngestSchemas.ORDER_KEY);
        // without arrays the sale leads (the order would only repeat the start of its sale_id in every comparison)
        String lead = orders ? "_o" : "_k";
        d = partitions > 0 ? d.repartition(partitions, col(lead)) : d.repartition(col(lead));
        // every window partitions by _o first: hash partitioning on _o satisfies each of them (no second shuffle), and the
        // sort the in-file window needs ([_o, _k, source_file, _x, source_line, element]) serves the other two as well.
        // Within a file a sale's failed lines (_x) are apart from its parsed ones: they are neither its version nor repeats
        String[] saleCols = orders ? new String[]{"_o", "_k"} : new String[]{"_k"};
        WindowSpec inFile = Window.partitionBy(cols(saleCols, "source_file", "_x")).orderBy("source_line", IngestSchemas.SOURCE_ELEMENT);
        d = d.withColumn("_rn1", row_number().over(inFile))
                .withColumn("_l1", first("source_line").over(inFile))
                .withColumn("_e1", first(IngestSchemas.SOURCE_ELEMENT).over(inFile));
        Column same = lit(true);
        Column[] differing = new Column[CONTENT.size()];
        for (int i = 0; i < CONTENT.size(); i++) {
            String c = CONTENT.get(i);
            d = d.withColumn("_f" + i, first(c).over(inFile));
            Column eq = col(c).eqNullSafe(col("_f" + i));
            same = same.and(eq);
            differing[i] = when(not(eq), lit(c));
        }
        Column repeat = col("_rn1").gt(1);
        Column conflict = repeat.and(not(same));
        // the winning version: the greatest (export_key, source_file) among each file's first row. An unordered window
        // on (_o, _k) reuses the sort the in-file window needed ([_o, _k, source_file, source_line]): one sort, not two.
        WindowSpec sale = Window.partitionBy(cols(saleCols));
        Column version = struct(col("export_key"), col("source_file"));
        d = d.withColumn("_win", max(when(col("_rn1").equalTo(1).and(not(col("_x"))), version)).over(sale))
                .withColumn("_rn2", when(col("_rn1").equalTo(1).and(version.equalTo(col("_win"))), lit(1)).otherwise(lit(2)));
        // the order's latest snapshot: the greatest version among its array rows, parsed or failed with their identity. A
        // sale that snapshot does not hold (its latest export is older) is one the order no longer holds; a sale it holds
        // but could not read keeps its earlier readable version. (A snapshot whose lines are all unidentifiable, e.g. a
        // malformed JSON line, supersedes nothing: none of its rows is in the order.)
        Column superseded = lit(false);
        if (orders) {
            Column element = col(IngestSchemas.SOURCE_ELEMENT).isNotNull().and(not(col("_x")));
            // the latest export holding the sale at all: its accepted version's, or a later one's where it failed
            d = d.withColumn("_seen", max(version).over(sale))
                    .withColumn("_ov", max(when(col(IngestSchemas.SOURCE_ELEMENT).isNotNull(), version)).over(Window.partitionBy("_o")));
            superseded = element.and(col("_rn2").equalTo(1)).and(col("_seen").lt(col("_ov")));
        }
        Column disposition = when(col("_x"), lit(QUARANTINED))
                .when(conflict, lit(QUARANTINED))
                .when(superseded, lit(DUPLICATE))
                .when(col("_rn2").equalTo(1), lit(ACCEPTED))
                .otherwise(lit(DUPLICATE));
        return d.withColumn("disposition", disposition)
                .withColumn("reason_detail", when(col("reason_code").isNull().and(conflict),
                        concat(coalesce(concat(elementRef(col(IngestSchemas.SOURCE_ELEMENT), orderLines), lit(": ")), lit("")),
                                lit("same sale_id as line "), col("_l1").cast("string"), elementAfter(col("_e1"), orderLines),
                                lit(" of this file with a different "), concat_ws(", ", differing), lit("; line "),
                                col("_l1").cast("string"), elementAfter(col("_e1"), orderLines), lit(" was kept")))
                        .when(superseded, concat(lit(SUPERSEDED), orders ? col("_ov.source_file") : lit("")))
                        .otherwise(col("reason_detail")))
                .withColumn("reason_code", when(col("reason_code").isNull().and(conflict), lit(CONFLICTING_DUPLICATE))
                        .otherwise(col("reason_code")))
                .withColumn("raw_row", when(col("disposition").equalTo(QUARANTINED), col("raw_row")))
                .drop(java.util.stream.Stream.concat(java.util.stream.Stream.of("_k", "_o", "_x", "_rn1", "_l1", "_e1", "_win", "_rn2", "_seen", "_ov"),
                        java.util.stream.IntStream.range(0, CONTENT.size()).mapToObj(i -> "_f" + i)).toArray(String[]::new));
    }

    /** The columns named, then {@code more}, for a window's partitioning. */
    private static Column[] cols(String[] names, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(names), java.util.Arrays.stream(more))
                .map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    /** An element of an order's array as messages name it, {@code items[2]}; null for a row that is none. */
    static Column elementRef(Column element, java.util.Map<String, String> orderLines) {
        Column array = null;
        for (java.util.Map.Entry<String, String> e : new java.util.TreeMap<>(orderLines).entrySet()) {
            Column is = col("source_format").equalTo(e.getKey());
            array = array == null ? when(is, lit(e.getValue())) : array.when(is, lit(e.getValue()));
        }
        array = array == null ? lit("") : array.otherwise(lit(""));
        return when(element.isNotNull(), concat(array, lit("["), element.cast("string"), lit("]")));
    }

    /** " items[0]" after a line number, or "" for a row that is no element. */
    private static Column elementAfter(Column element, java.util.Map<String, String> orderLines) {
        return coalesce(concat(lit(" "), elementRef(element, orderLines)), lit(""));
    }

    /** The accepted rows as the canonical table: {@code Schemas.SALES} names, types and order. */
    public static Dataset<Row> sales(Dataset<Row> resolved) {
        Column[] cols = java.util.Arrays.stream(id.neraca.core.Schemas.SALES.fields())
                .map(f -> col(f.name()).cast(f.dataType()).as(f.name())).toArray(Column[]::new);
        return resolved.filter(col("disposition").equalTo(ACCEPTED)).select(cols);
    }

    /** out/quarantine rows. */
    public static Dataset<Row> quarantine(Dataset<Row> resolved) {
        return resolved.filter(col("disposition").equalTo(QUARANTINED))
                .select(col("source_file"), col("source_line"), col("marketplace"), col("reason_code"),
                        col("reason_detail"), col("raw_row"));
    }

    static Column nz(Column c) {
        return coalesce(c, lit(0L));
    }
}
