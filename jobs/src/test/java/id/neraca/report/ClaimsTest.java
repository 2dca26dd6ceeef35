package id.neraca.report;

import id.neraca.SparkTestBase;
import id.neraca.core.NeracaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** data/reference/claims.csv: the shipped claims, and a malformed row named by its line before any Spark work. */
class ClaimsTest {
    static final String HEADER = String.join(",", Claims.COLUMNS) + "\n";
    static final String GOOD = "a,Who,Siapa,2023-07,claim,klaim,foreign_origin_share,,50,source,low\n";
    /** A second claim, each malformed variant of it one mistake away. */
    static final String OTHER = GOOD.replaceFirst("^a,", "b,");

    @Test
    void theShippedClaimsAreTheOnesOfTheBrief() {
        List<Claims.Claim> claims = Claims.load(SparkTestBase.projectRoot().resolve("data/reference").resolve(Claims.FILE));
        assertEquals(List.of("tiktokshop_no_cross_border", "minister_imports_half", "president_imports_90"),
                claims.stream().map(Claims.Claim::id).toList());
        Claims.Claim tiktok = claims.get(0);
        assertEquals("cross_border_share", tiktok.metric());
        assertEquals("tiktokshop", tiktok.marketplace());
        assertEquals(0, tiktok.claimedPct().signum());
        assertEquals("2023-07", tiktok.said());
        assertEquals(List.of(new BigDecimal("50"), new BigDecimal("90")), claims.subList(1, 3).stream().map(Claims.Claim::claimedPct).toList());
        assertTrue(claims.subList(1, 3).stream().allMatch(c -> c.marketplace() == null && c.said() == null && c.confidence().equals("low")));
        assertTrue(claims.get(2).source().contains("\"Ministers have claimed that 50% (Teten) to 90% (Jokowi)"), claims.get(2).source());
        // each shipped source in Indonesian words too, so the Indonesian report quotes no English sentence
        assertTrue(claims.stream().allMatch(c -> c.sourceIn("id") != null && !c.sourceIn("id").equals(c.source())), claims.toString());
        assertEquals("VIVA Tekno, 28 Juli 2023: audiensi TikTok Indonesia dengan Kementerian Koperasi dan UKM (artikel yang melatarbelakangi "
                + "proyek ini; ../shared/DOMAIN.md)", tiktok.sourceIn("id"));
        assertEquals(tiktok.source(), tiktok.sourceIn("en"));
    }

    /** source_id is optional: a file without the column, or a blank cell, leaves the Indonesian source to the English one. */
    @Test
    void theIndonesianSourceIsOptional(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(Claims.FILE);
        Files.writeString(f, HEADER + GOOD, StandardCharsets.UTF_8);
        assertEquals(null, Claims.load(f).get(0).sourceIn("id"), "no source_id column");
        String header = HEADER.replace(",source,", ",source,source_id,");
        Files.writeString(f, header + GOOD.replace(",source,", ",source,sumber,") + OTHER.replace(",source,", ",source,,"), StandardCharsets.UTF_8);
        List<Claims.Claim> claims = Claims.load(f);
        assertEquals("sumber", claims.get(0).sourceIn("id"));
        assertEquals("source", claims.get(0).sourceIn("en"));
        assertEquals(null, claims.get(1).sourceIn("id"), "a blank source_id");
    }

    @Test
    void aMalformedClaimIsADataErrorNamingItsLine(@TempDir Path dir) throws Exception {
        Map<String, String> bad = Map.of(
                OTHER.replace("foreign_origin_share", "umkm_share"), "metric must be one of [foreign_origin_share, cross_border_share]",
                OTHER.replace(",50,", ",150,"), "claimed_pct must be between 0 and 100, got 150",
                OTHER.replace(",50,", ",half,"), "Character h is neither a decimal digit",
                OTHER.replace("2023-07", "July 2023"), "said must be yyyy, yyyy-MM or blank",
                OTHER.replace(",low", ",certain"), "confidence must be one of [high, medium, low]",
                OTHER.replace(",source,", ",,"), "source is empty",
                GOOD, "id 'a' appears twice");
        Path f = dir.resolve(Claims.FILE);
        for (var e : bad.entrySet()) {
            Files.writeString(f, HEADER + GOOD + e.getKey(), StandardCharsets.UTF_8);
            NeracaException x = assertThrows(NeracaException.class, () -> Claims.load(f), e.getKey());
            assertEquals(3, x.exitCode());
            assertTrue(x.getMessage().startsWith(f + " (line 3): ") && x.getMessage().contains(e.getValue()), x.getMessage());
        }
        assertEquals(List.of(), Claims.load(dir.resolve("none.csv")), "no file, no claims");
    }

    /** The run configuration's check, before Spark starts, reads the claims file too. */
    @Test
    void theConfigurationCheckFailsOnABadClaimsFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(Claims.FILE), HEADER + GOOD.replace(",low", ",sure"), StandardCharsets.UTF_8);
        Files.copy(SparkTestBase.projectRoot().resolve("data/reference/provinces.csv"), dir.resolve("provinces.csv"));
        assertThrows(NeracaException.class, () -> ReportConfig.defaults().validateReferences(dir));
    }
}
