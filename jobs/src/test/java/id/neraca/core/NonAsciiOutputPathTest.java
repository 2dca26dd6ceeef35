package id.neraca.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An output folder whose name holds a non-ASCII character ({@code out-ü}, {@code hasil-penjualan-é}): Hadoop's URI of
 * such a path keeps the character unescaped, and {@code Path.of(URI)} refused it ("IllegalArgumentException: Bad
 * escape", exit 1) when the store created the folder and took its lock.
 */
class NonAsciiOutputPathTest {
    @TempDir
    Path tmp;

    @Test
    void outputFolderWithUmlautIsCreatedLockedAndCommitted() throws IOException {
        Path out = tmp.resolve("out-16ü").resolve("Pénjualan 2024");
        try (OutputStore store = OutputStore.local(out.toString(), "run1")) {
            store.lock();
            assertEquals(true, Files.exists(out.resolve(OutputStore.LOCK)), "the lock is taken in the folder as named");
            Path staged = LocalFiles.nio(new org.apache.hadoop.fs.Path(store.staging("sales")));
            Files.createDirectories(staged);
            Files.writeString(staged.resolve("part-0.txt"), "v1");
            store.commit("sales");
            store.finish();
        }
        assertEquals("v1", Files.readString(out.resolve("sales/part-0.txt")));
        assertFalse(Files.exists(out.resolve(OutputStore.LOCK)), "the lock is released");
    }

    @Test
    void nioPathOfAHadoopPathKeepsNonAsciiSpacesPercentAndHash() {
        Path p = tmp.resolve("a ü%#é").resolve("x.csv");
        org.apache.hadoop.fs.Path h = new org.apache.hadoop.fs.Path(p.toUri());
        assertEquals(p, LocalFiles.nio(h));
    }
}
