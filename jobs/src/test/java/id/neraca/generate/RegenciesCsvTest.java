package id.neraca.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks data/reference/regencies.csv: codes, provinces, names and an unambiguous alias table. */
class RegenciesCsvTest {
    static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32",
            "33", "34", "35", "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
            "81", "82", "91", "92", "93", "94", "95", "96");
    static List<String[]> rows;

    @BeforeAll
    static void read() throws Exception {
        List<String> lines = Files.readAllLines(TestPaths.regencies(), StandardCharsets.UTF_8);
        assertEquals("regency_code,province_code,name,kind,aliases", lines.get(0));
        rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) rows.add(l.split(",", -1));
    }

    @Test
    void holdsEveryRegencyAndCityOnce() {
        assertEquals(514, rows.size(), "Indonesia has 416 kabupaten and 98 kota");
        Set<String> codes = new HashSet<>();
        for (String[] r : rows) {
            assertEquals(5, r.length, String.join(",", r));
            assertTrue(r[0].matches("\\d{4}"), "4-digit code: " + r[0]);
            assertTrue(codes.add(r[0]), "duplicate code " + r[0]);
        }
        assertEquals(98, rows.stream().filter(r -> r[3].equals("KOTA")).count());
    }

    @Test
    void codePrefixIsTheProvinceAndKindMatchesNameAndCode() {
        for (String[] r : rows) {
            assertEquals(r[1], r[0].substring(0, 2), r[0]);
            assertTrue(PROVINCES.contains(r[1]), "unknown province " + r[1]);
            boolean kota = r[3].equals("KOTA");
            assertTrue(kota || r[3].equals("KABUPATEN"), r[0]);
            assertTrue(r[2].startsWith(kota ? "Kota " : "Kabupaten "), r[0] + " " + r[2]);
            assertEquals(kota, Integer.parseInt(r[0].substring(2)) >= 71, "kota codes are xx71..xx79: " + r[0]);
        }
    }

    @Test
    void everyOneOfThe38ProvincesHasARegency() {
        Set<String> seen = new TreeSet<>();
        for (String[] r : rows) seen.add(r[1]);
        assertEquals(new TreeSet<>(PROVINCES), seen);
    }

    @Test
    void noAliasOrNameMapsToTwoRegencies() {
        Map<String, String> owner = new HashMap<>();
        for (String[] r : rows) {
            List<String> keys = new ArrayList<>(List.of(r[2]));
            if (!r[4].isEmpty()) keys.addAll(List.of(r[4].split("\\|")));
            for (String k : keys) {
                String norm = k.trim().toLowerCase(Locale.ROOT);
                assertTrue(!norm.isEmpty(), "empty alias in " + r[0]);
                String prev = owner.putIfAbsent(norm, r[0]);
                assertTrue(prev == null || prev.equals(r[0]), "'" + k + "' maps to " + prev + " and " + r[0]);
            }
        }
    }

    @Test
    void aliasesDumpsUseResolveAsDocumented() {
        Map<String, String> owner = new HashMap<>();
        for (String[] r : rows) {
            owner.put(r[2].toLowerCase(Locale.ROOT), r[0]);
            if (!r[4].isEmpty()) for (String a : r[4].split("\\|")) owner.put(a.toLowerCase(Locale.ROOT), r[0]);
        }
        assertEquals("3201", owner.get("kab. bogor"));
        assertEquals("3201", owner.get("kab bogor"));
        assertEquals("3271", owner.get("bogor"), "a bare name shared by a kota and a kabupaten goes to the kota");
        assertEquals("3273", owner.get("bandung"));
        assertEquals("3507", owner.get("kab. malang"));
        assertEquals("3172", owner.get("jakarta utara"));
        assertEquals("3172", owner.get("jakut"));
        assertEquals("3172", owner.get("jkt utara"));
        assertEquals("3172", owner.get("jkt. utara"));
        assertEquals("3173", owner.get("jkt barat"));
        assertEquals("3674", owner.get("kota tangerang selatan"));
        assertEquals("3674", owner.get("tangsel"));
        assertEquals("9671", owner.get("kota sorong"));
        assertEquals("5201", owner.get("lombok barat"), "unambiguous bare kabupaten name");
    }
}
