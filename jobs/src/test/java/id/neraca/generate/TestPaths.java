package id.neraca.generate;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project root (the folder holding data/reference/), found from the test's working directory. */
final class TestPaths {
    private TestPaths() {}

    static Path root() {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("data/reference/regencies.csv"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("no data/reference/regencies.csv above " + System.getProperty("user.dir"));
        return p;
    }

    static Path regencies() {
        return root().resolve("data/reference/regencies.csv");
    }
}
