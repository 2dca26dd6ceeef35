package id.neraca.classify;

import id.neraca.core.ReferenceCsv;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The names of Indonesia's regencies, cities and provinces as titles write them, for the place cues of the title
 * ({@code title_cues.place_cues}): read from the reference tables ingest reads seller locations from
 * ({@code regencies.csv}, {@code provinces.csv}), normalised as titles are ({@link TextMatcher#normalise}). A regency's
 * official name loses its "Kabupaten" or "Kota" ("Kota Bandung" is "bandung"); its aliases are taken as they are, except
 * the forms that begin with that word ("Kab. Garut", "Kota Solo": a title writes "Garut", "Solo"), and so are a province's,
 * except those beginning with "Prov." ("Jogja", "NTT", "Jabar" are aliases of the tables).
 *
 * @param names the normalised names, sorted
 */
public record IndonesianPlaces(List<String> names) {
    public static final String REGENCIES = "regencies.csv";
    public static final String PROVINCES = "provinces.csv";

    /** Loads both tables from the reference folder; a missing file or column is a usage error naming it. */
    public static IndonesianPlaces load(Path referenceDir) {
        TreeSet<String> names = new TreeSet<>();
        String fix = "It is one of the reference tables (data/reference/README.md); point run.reference_dir at the folder that holds it.";
        for (Map<String, String> row : ReferenceCsv.read(referenceDir.resolve(REGENCIES), List.of("name", "aliases"), fix)) {
            add(names, row.get("name").replaceFirst("^(Kabupaten|Kota) ", ""));
            for (String a : row.get("aliases").split("\\|")) {
                if (!TextMatcher.normalise(a).matches("(kab|kabupaten|kota) .*")) add(names, a);
            }
        }
        for (Map<String, String> row : ReferenceCsv.read(referenceDir.resolve(PROVINCES), List.of("name", "aliases"), fix)) {
            add(names, row.get("name"));
            for (String a : row.get("aliases").split("\\|")) {
                if (!TextMatcher.normalise(a).matches("(prov|provinsi) .*")) add(names, a);
            }
        }
        return new IndonesianPlaces(List.copyOf(names));
    }

    private static void add(TreeSet<String> names, String name) {
        String n = TextMatcher.normalise(name);
        if (!n.isEmpty()) names.add(n);
    }
}
