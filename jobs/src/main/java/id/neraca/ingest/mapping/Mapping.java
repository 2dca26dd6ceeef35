package id.neraca.ingest.mapping;

import java.io.Serializable;
import java.util.List;

/**
 * One dump format, bound from {@code data/marketplaces/<name>.yaml} (reference: docs/MAPPINGS.md).
 *
 * @param name         the mapping's name (defaults to the file name without {@code .yaml})
 * @param marketplace  the {@code marketplace} value written into every row (and into {@code sale_id})
 * @param description  free text for people
 * @param files        glob patterns relative to {@code --dumps} (Java glob syntax: {@code *} stays in one folder,
 *                     {@code **} crosses folders); a zip entry is matched as if the zip were unpacked in place
 * @param format       how the bytes are read
 * @param grain        {@code ORDER_LINE} or {@code LISTING_PERIOD}
 * @param exportOrder  a regular expression on the file name whose first group orders exports (the greatest wins
 *                     when an order appears in several files); without it the file name itself orders them
 * @param pii          further source columns/paths masked in quarantine raw_row (the seller ID and shop name
 *                     sources are always masked)
 * @param columns      how each canonical column is filled
 * @param descriptionRows rows that describe the columns rather than hold a sale (TikTok Shop writes one under the
 *                     header of some exports): source column → its value in such a row, a trailing {@code *} for
 *                     "begins with" (case-insensitive). A row matching every entry is kept aside as
 *                     {@code DESCRIPTION_ROW}, like a repeated header, and does not count towards the quarantined share
 * @param label        the marketplace's name in the report ("Blibli"; optional: the report's own name for the bundled
 *                     marketplaces, else the {@code marketplace} id); mappings of one marketplace should agree
 * @param labelId      its name in the Bahasa Indonesia report (optional: {@code label})
 */
public record Mapping(
        String name,
        String marketplace,
        String description,
        List<String> files,
        Format format,
        String grain,
        String exportOrder,
        List<String> pii,
        Columns columns,
        java.util.Map<String, String> descriptionRows,
        String label,
        String labelId) implements Serializable {

    public Mapping {
        pii = pii == null ? List.of() : List.copyOf(pii);
        files = files == null ? List.of() : List.copyOf(files);
        // in the mapping file's order: a DESCRIPTION_ROW's quarantine detail prints it (Map.copyOf's order changes from
        // JVM to JVM); Map.copyOf still refuses null keys and values
        if (descriptionRows != null) java.util.Map.copyOf(descriptionRows);
        descriptionRows = descriptionRows == null ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(descriptionRows));
    }

    public Mapping withName(String n) {
        return new Mapping(n, marketplace, description, files, format, grain, exportOrder, pii, columns, descriptionRows, label, labelId);
    }

    public boolean listing() {
        return "LISTING_PERIOD".equals(grain);
    }
}
