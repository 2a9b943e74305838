package io.github.midljava.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builders for small files in the canonical formats, for tests in a temporary directory. */
public final class Fixtures {

    private Fixtures() {}

    /** Returns {@code data} gzip-compressed. */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Returns an uncompressed IDX file: magic, big-endian dims, then {@code data}. */
    public static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    /**
     * Returns CIFAR records: for each image its label bytes, then 3072 pixel bytes whose value is
     * {@code (image * 7 + index) % 256}.
     */
    public static byte[] cifarRecords(int[][] labelBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < labelBytes.length; i++) {
            for (int l : labelBytes[i]) {
                out.write(l);
            }
            for (int p = 0; p < 3072; p++) {
                out.write((i * 7 + p) % 256);
            }
        }
        return out.toByteArray();
    }

    /** Returns a {@code .tar.gz} holding the given files (name → content), in map order. */
    public static byte[] tarGz(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes {@code bytes} to {@code root/relative}, creating folders, and returns the path. */
    public static Path write(Path root, String relative, byte[] bytes) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            return Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the real file {@code relative} from {@link TestData#root()} into {@code root}. */
    public static Path copyReal(Path root, String relative) {
        try {
            Path target = root.resolve(relative);
            Files.createDirectories(target.getParent());
            return Files.copy(TestData.root().resolve(relative), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns options reading from {@code dataDir}, caching in {@code cacheDir}, no downloads. */
    public static DataOptions offline(Path dataDir, Path cacheDir) {
        return DataOptions.defaults()
                .withDataDir(dataDir)
                .withCacheDir(cacheDir)
                .withDownload(false);
    }
}
