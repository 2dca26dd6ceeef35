package id.neraca.core;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Hadoop's local file system without a child process per file. Without the native libhadoop (which Maven jars do
 * not carry), {@code RawLocalFileSystem} runs {@code chmod} for every file and folder it creates and {@code ls -ld}
 * for every permission it reads: 1,254 processes in a 10,000-row run (docs/BENCHMARKS.md). These subclasses do the
 * same through java.nio. Registered for {@code file:} by {@link #register(Configuration)}; behaviour is Hadoop's
 * otherwise (checksum files, rename, listing). On a file system without POSIX attributes they fall back to Hadoop's.
 */
public final class LocalFiles {
    private LocalFiles() {}

    /**
     * The java.nio path of a {@code file:} Hadoop path. Not {@code Path.of(p.toUri())}: Hadoop's URI keeps non-ASCII
     * characters unescaped ({@code /tmp/out-ü}), and the JDK's file-URI reader refuses any non-ASCII character in a
     * URI with "IllegalArgumentException: Bad escape" (an --out or --dumps folder named in Indonesian with an accent,
     * or a user's home folder, failed with exit 1). The URI's decoded path is the file's path, as Hadoop's own
     * {@code RawLocalFileSystem.pathToFile} reads it.
     */
    public static java.nio.file.Path nio(Path p) {
        return java.nio.file.Path.of(p.toUri().getPath());
    }

    /** Sets {@code fs.file.impl} to {@link Checksummed} (used by Spark, the OutputStore and the dump readers). */
    public static Configuration register(Configuration c) {
        c.set("fs.file.impl", Checksummed.class.getName());
        return c;
    }

    /** The local file system with checksum side files, as Hadoop's {@link LocalFileSystem}, over {@link Raw}. */
    public static final class Checksummed extends LocalFileSystem {
        public Checksummed() {
            super(new Raw());
        }
    }

    /** {@link RawLocalFileSystem} with permissions set and read through java.nio instead of shell commands. */
    public static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            try {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission.toShort()));
            } catch (UnsupportedOperationException e) {
                super.setPermission(p, permission);
            }
        }

        @Override
        public FileStatus getFileStatus(Path p) throws IOException {
            PosixFileAttributes a;
            try {
                a = Files.readAttributes(pathToFile(p).toPath(), PosixFileAttributes.class);
            } catch (NoSuchFileException e) {
                throw new FileNotFoundException("File " + p + " does not exist");
            } catch (UnsupportedOperationException e) {
                return super.getFileStatus(p);
            }
            return new FileStatus(a.size(), a.isDirectory(), 1, getDefaultBlockSize(p), a.lastModifiedTime().toMillis(),
                    a.lastAccessTime().toMillis(), new FsPermission(mode(a.permissions())), a.owner().getName(),
                    a.group().getName(), p.makeQualified(getUri(), getWorkingDirectory()));
        }
    }

    private static final PosixFilePermission[] BITS = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};

    static Set<PosixFilePermission> posix(short mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.length; i++) if ((mode & (1 << i)) != 0) s.add(BITS[i]);
        return s;
    }

    static short mode(Set<PosixFilePermission> perms) {
        short m = 0;
        for (int i = 0; i < BITS.length; i++) if (perms.contains(BITS[i])) m |= (short) (1 << i);
        return m;
    }
}
