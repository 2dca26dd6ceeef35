package id.neraca.report;

import id.neraca.core.NeracaException;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Public claims about who earns Indonesia's online sales ({@code data/reference/claims.csv}), which the report sets
 * against what the dumps measure (docs/REPORT.md, "Claims and the data"): the project exists to measure such claims
 * instead of quoting them (../shared/DOMAIN.md). A claim names a metric the report measures, the marketplace it is
 * about (blank: all), the share it claims, and its source with a confidence (the source also in Indonesian words in
 * the optional column {@code source_id}).
 */
public final class Claims {
    private Claims() {}

    public static final String FILE = "claims.csv";
    /** The foreign-origin share of GMV (imported + cross-border), and the cross-border direct share. */
    public static final List<String> METRICS = List.of("foreign_origin_share", "cross_border_share");
    public static final List<String> CONFIDENCE = List.of("high", "medium", "low");
    static final List<String> COLUMNS = List.of("id", "who_en", "who_id", "said", "claim_en", "claim_id", "metric", "marketplace",
            "claimed_pct", "source", "confidence");

    /**
     * @param said        when it was said: {@code yyyy}, {@code yyyy-MM} or blank (not known)
     * @param marketplace the mapping name the claim is about ({@code tiktokshop}); null for all marketplaces
     */
    public record Claim(String id, String whoEn, String whoId, String said, String claimEn, String claimId, String metric,
                        String marketplace, BigDecimal claimedPct, String source, String sourceId, String confidence) {
        public String who(String lang) {
            return "id".equals(lang) ? whoId : whoEn;
        }

        public String claim(String lang) {
            return "id".equals(lang) ? claimId : claimEn;
        }

        /** The source in the Indonesian wording of the optional {@code source_id} column; null when the file has none. */
        public String sourceIn(String lang) {
            return "id".equals(lang) ? sourceId : source;
        }
    }

    /** The file's claims, validated; a missing file is no claims (the report leaves the section out). */
    public static List<Claim> load(Path file) {
        if (!Files.isRegularFile(file)) return List.of();
        List<Claim> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map<String, String> r : id.neraca.core.ReferenceCsv.read(file, COLUMNS, "")) {
            try {
                for (String c : List.of("id", "who_en", "who_id", "claim_en", "claim_id", "source")) {
                    if (r.get(c).isEmpty()) throw new IllegalArgumentException(c + " is empty");
                }
                if (!ids.add(r.get("id"))) throw new IllegalArgumentException("id '" + r.get("id") + "' appears twice");
                String metric = r.get("metric");
                if (!METRICS.contains(metric)) throw new IllegalArgumentException("metric must be one of " + METRICS + ", got '" + metric + "'");
                String said = r.get("said");
                if (!said.isEmpty() && !said.matches("(19|20)\\d\\d(-(0[1-9]|1[0-2]))?")) {
                    throw new IllegalArgumentException("said must be yyyy, yyyy-MM or blank, got '" + said + "'");
                }
                BigDecimal pct = new BigDecimal(r.get("claimed_pct"));
                if (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new IllegalArgumentException("claimed_pct must be between 0 and 100, got " + pct);
                }
                String confidence = r.get("confidence");
                if (!CONFIDENCE.contains(confidence)) {
                    throw new IllegalArgumentException("confidence must be one of " + CONFIDENCE + ", got '" + confidence + "'");
                }
                String mp = r.get("marketplace");
                // source_id (optional column): the source in Indonesian words; blank or absent, the Indonesian report
                // quotes the English source, marked as such
                String sourceId = r.getOrDefault("source_id", "");
                out.add(new Claim(r.get("id"), r.get("who_en"), r.get("who_id"), said.isEmpty() ? null : said, r.get("claim_en"),
                        r.get("claim_id"), metric, mp.isEmpty() ? null : mp, pct, r.get("source"), sourceId.isEmpty() ? null : sourceId,
                        confidence));
            } catch (IllegalArgumentException e) {
                throw NeracaException.data("%s (line %s): %s", file, r.get("#line"), e.getMessage());
            }
        }
        return List.copyOf(out);
    }
}
