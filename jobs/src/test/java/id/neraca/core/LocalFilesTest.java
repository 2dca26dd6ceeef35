package id.neraca.core;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nio-backed local file system answers as Hadoop's own does, without child processes. */
class LocalFilesTest {
    @TempDir
    java.nio.file.Path tmp;

    private static FileSystem fs(Configuration c) throws Exception {
        // uncached instances, so that this test's choice of class is the one used
        return FileSystem.newInstance(new java.net.URI("file:///"), c);
    }

    @Test
    void modeBitsRoundTrip() {
        for (short m : new short[]{0, 0644, 0755, 0700, 0777, 0640, 0511}) {
            assertEquals(m, LocalFiles.mode(LocalFiles.posix(m)), Integer.toOctalString(m));
        }
        assertEquals(PosixFilePermissions.fromString("rw-r-----"), LocalFiles.posix((short) 0640));
    }

    @Test
    void createsListsAndStatsLikeHadoopsLocalFileSystem() throws Exception {
        FileSystem ours = fs(LocalFiles.register(new Configuration()));
        FileSystem hadoop = fs(new Configuration());
        assertTrue(ours instanceof LocalFiles.Checksummed, ours.getClass().getName());
        assertTrue(hadoop instanceof LocalFileSystem);

        Path dir = new Path(tmp.toUri().toString(), "a/b");
        assertTrue(ours.mkdirs(dir, new FsPermission((short) 0750)));
        Path file = new Path(dir, "part-0.txt");
        try (var o = ours.create(file, true)) {
            o.write("hello".getBytes());
        }
        ours.setPermission(file, new FsPermission((short) 0640));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(java.nio.file.Path.of(file.toUri()))));
        assertTrue(Files.exists(tmp.resolve("a/b/.part-0.txt.crc")), "checksum side file written as Hadoop's would");

        for (Path p : new Path[]{dir, file}) {
            FileStatus a = ours.getFileStatus(p);
            FileStatus b = hadoop.getFileStatus(p);
            assertEquals(b.getPath(), a.getPath());
            assertEquals(b.isDirectory(), a.isDirectory());
            assertEquals(b.getLen(), a.getLen());
            assertEquals(b.getModificationTime(), a.getModificationTime());
            assertEquals(b.getPermission(), a.getPermission(), p.toString());
            assertEquals(b.getOwner(), a.getOwner());
        }
        assertEquals(5, ours.getFileStatus(file).getLen());
        // listing hides the checksum file and reports the same entries
        Path[] ourList = java.util.Arrays.stream(ours.listStatus(dir)).map(FileStatus::getPath).toArray(Path[]::new);
        Path[] theirList = java.util.Arrays.stream(hadoop.listStatus(dir)).map(FileStatus::getPath).toArray(Path[]::new);
        assertArrayEquals(theirList, ourList);
        assertEquals(1, ourList.length);

        assertThrows(FileNotFoundException.class, () -> ours.getFileStatus(new Path(dir, "missing")));
        assertFalse(ours.exists(new Path(dir, "missing")));
        assertTrue(ours.rename(file, new Path(dir, "renamed.txt")));
        assertTrue(ours.exists(new Path(dir, "renamed.txt")));
        ours.close();
        hadoop.close();
    }
}
