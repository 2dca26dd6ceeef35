package id.neraca.ingest;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A workbook as a local file, which {@link java.util.zip.ZipFile} needs (it reads the archive's directory at the
 * end of the file): a local dump is used in place; one on HDFS, S3 or another Hadoop file system is copied to a
 * temporary file, deleted on {@link #close()}.
 */
record XlsxLocal(Path path, boolean temporary) implements AutoCloseable {
    static XlsxLocal of(String uri) throws IOException {
        return of(uri, id.neraca.core.HadoopConf.shared());
    }

    static XlsxLocal of(String uri, org.apache.hadoop.conf.Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs = p.getFileSystem(conf);
        if (fs instanceof LocalFileSystem local) return new XlsxLocal(local.pathToFile(p).toPath(), false);
        Path tmp = Files.createTempFile("neraca-xlsx-", ".xlsx");
        try (InputStream in = fs.open(p)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new XlsxLocal(tmp, true);
    }

    @Override
    public void close() {
        if (!temporary) return;
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temporary copy left behind is removed with the temp folder
        }
    }
}
