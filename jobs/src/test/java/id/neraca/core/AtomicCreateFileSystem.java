package id.neraca.core;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;

/**
 * A local folder behind the scheme {@code lockfs://}, standing in for HDFS in tests: not {@code file}, so the
 * OutputStore takes the paths it takes on HDFS and object stores, and, like HDFS's NameNode, its create without
 * overwrite is one atomic step (the local one checks, then creates). Register with {@code fs.lockfs.impl}.
 */
public class AtomicCreateFileSystem extends RawLocalFileSystem {
    public static final String SCHEME = "lockfs";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    // both of RawLocalFileSystem's entry points (fs.create(path, false) takes the one without a permission)
    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize, short replication,
                                     long blockSize, Progressable progress) throws IOException {
        if (!overwrite) createNew(f);
        return super.create(f, permission, true, bufferSize, replication, blockSize, progress);
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        if (!overwrite) createNew(f);
        return super.create(f, true, bufferSize, replication, blockSize, progress);
    }

    private void createNew(Path f) throws IOException {
        File file = pathToFile(f);
        Files.createDirectories(file.toPath().getParent());
        try {
            Files.createFile(file.toPath());
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(f + " already exists");
        }
    }

    /** A Hadoop configuration that serves {@code lockfs://} paths. */
    public static org.apache.hadoop.conf.Configuration conf() {
        org.apache.hadoop.conf.Configuration c = new org.apache.hadoop.conf.Configuration();
        c.set("fs." + SCHEME + ".impl", AtomicCreateFileSystem.class.getName());
        c.setBoolean("fs." + SCHEME + ".impl.disable.cache", true);
        return c;
    }
}
