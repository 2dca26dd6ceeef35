package id.neraca.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * One dump file being written, with the counts the ground truth reports for it: rows written, rows ingest
 * should quarantine, rows that are earlier copies of an order a later export repeats.
 */
final class DumpFile implements AutoCloseable {
    final String relative;
    private final Writer out;
    long rows;
    long quarantinable;
    long duplicates;
    char delimiter = ',';

    DumpFile(Path root, String relative, boolean gzip, boolean bom) {
        this.relative = relative;
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            if (gzip) os = new GZIPOutputStream(os, 1 << 16);
            out = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            if (bom) out.write('\uFEFF');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root.resolve(relative), e);
        }
    }

    /** True when one more quarantinable row keeps this file at or under {@code maxShare} of its rows. */
    boolean roomForDirt(double maxShare) {
        return quarantinable + 1 <= maxShare * (rows + 1);
    }

    void header(CharSequence line) {
        write(line);
    }

    void row(CharSequence line) {
        rows++;
        write(line);
    }

    private void write(CharSequence line) {
        try {
            out.append(line).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + relative, e);
        }
    }
}
