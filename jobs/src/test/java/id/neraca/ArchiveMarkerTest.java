package id.neraca;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM's half of the launcher's class-data-sharing rule (jobs/bin/cds-archive builds an archive only from a class
 * list beside its {@code .ok} file): only a {@code run} that exits 0 marks the class list it recorded as complete.
 */
class ArchiveMarkerTest {
    @TempDir
    Path tmp;

    @Test
    void onlyASuccessfulRunMarksItsArchive() {
        String pending = tmp.resolve("neraca-1-2.classlist.tmp-42").toString();
        Neraca.markArchiveComplete(2, new String[]{"run", "--dumps", "missing"}, pending);
        assertFalse(Files.exists(Path.of(pending + ".ok")), "a run that stopped on a usage error loaded too few classes");
        Neraca.markArchiveComplete(0, new String[]{"validate", "--dumps", "d"}, pending);
        assertFalse(Files.exists(Path.of(pending + ".ok")), "another command does not load every stage");
        Neraca.markArchiveComplete(0, new String[]{}, pending);
        assertFalse(Files.exists(Path.of(pending + ".ok")));
        Neraca.markArchiveComplete(0, new String[]{"run"}, null);
        Neraca.markArchiveComplete(0, new String[]{"run"}, "");
        assertFalse(Files.exists(Path.of(".ok")), "no property, no file");
        Neraca.markArchiveComplete(0, new String[]{"run", "--quiet"}, pending);
        assertTrue(Files.exists(Path.of(pending + ".ok")), "a successful run marks it");
    }
}
