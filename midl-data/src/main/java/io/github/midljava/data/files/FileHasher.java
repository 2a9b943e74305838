package io.github.midljava.data.files;

import io.github.midljava.data.DatasetException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Computes SHA-256 digests of files and remembers those of large files, in memory for the life of
 * the JVM and in {@code sha256-cache.tsv} in the cache directory, because hashing the ~130 MB of
 * benchmark files takes about a second on every load otherwise.
 *
 * <p>When a remembered digest is trusted: files smaller than {@link #ALWAYS_HASH_BELOW} bytes are
 * hashed on every call (a few milliseconds). A larger file's digest is reused only while its key is
 * unchanged: absolute path, size, modification time and, where the file system reports them ({@code
 * unix:} attributes on Linux and macOS), inode number and status-change time (ctime). The ctime is
 * set by the kernel on every write and on every change of the modification time, and cannot be set
 * back by a user, so a file rewritten in place with the same size and with its modification time
 * restored (as {@code touch -d} or {@code cp -p} can do) is hashed again; a file replaced by
 * another (a rename over it) changes its inode. Where {@code unix:} attributes are not available,
 * only path, size and modification time are compared.
 */
public final class FileHasher {

    /** Name of the persistent hash cache in the cache directory. */
    public static final String CACHE_FILE_NAME = "sha256-cache.tsv";

    /** Files smaller than this (8 MiB) are always hashed: cheaper than trusting a cache. */
    public static final long ALWAYS_HASH_BELOW = 8L << 20;

    private static final Map<Key, String> MEMORY = new ConcurrentHashMap<>();

    private final Path cacheFile;
    private final long alwaysHashBelow;
    private Map<Key, String> persisted;

    /**
     * Creates a hasher that persists digests in {@code cacheDir/sha256-cache.tsv}; with {@code
     * null} it only remembers them in memory.
     */
    public FileHasher(Path cacheDir) {
        this(cacheDir, ALWAYS_HASH_BELOW);
    }

    /** Creates a hasher that trusts remembered digests from {@code alwaysHashBelow} bytes on. */
    FileHasher(Path cacheDir, long alwaysHashBelow) {
        this.cacheFile = cacheDir == null ? null : cacheDir.resolve(CACHE_FILE_NAME);
        this.alwaysHashBelow = alwaysHashBelow;
    }

    /** Returns the SHA-256 (lowercase hex) of {@code file}, from the cache when still valid. */
    public synchronized String sha256(Path file) {
        Key key = key(file);
        String known = null;
        if (key.size >= alwaysHashBelow) {
            known = MEMORY.get(key);
            if (known == null) {
                known = persisted().get(key);
            }
        }
        if (known == null) {
            try (InputStream in = Files.newInputStream(file)) {
                known = sha256(in);
            } catch (IOException e) {
                throw new DatasetException(file, "cannot read: " + Causes.describe(e), e);
            }
            remember(key, known);
        } else {
            MEMORY.put(key, known);
        }
        return known;
    }

    /** Remembers a digest computed elsewhere, e.g. while downloading the file. */
    public synchronized void remember(Path file, String sha256) {
        remember(key(file), sha256);
    }

    /** Returns the SHA-256 (lowercase hex) of everything {@code in} yields. */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest digest = newDigest(Checksum.SHA_256);
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return Checksum.toHex(digest.digest());
    }

    /** Returns a new digest of the given algorithm, which every JDK must provide. */
    static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }

    private void remember(Key key, String sha256) {
        if (key.size < alwaysHashBelow) {
            return; // hashed on every call anyway
        }
        MEMORY.put(key, sha256);
        if (cacheFile != null && !sha256.equals(persisted().get(key))) {
            persisted().put(key, sha256);
            write();
        }
    }

    private static Key key(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            BasicFileAttributes attrs = Files.readAttributes(abs, BasicFileAttributes.class);
            long inode = -1;
            long ctimeNanos = -1;
            try {
                Map<String, Object> unix = Files.readAttributes(abs, "unix:ino,ctime");
                inode = ((Number) unix.get("ino")).longValue();
                ctimeNanos = ((FileTime) unix.get("ctime")).to(TimeUnit.NANOSECONDS);
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // No unix view (e.g. Windows): path, size and modification time only.
            }
            return new Key(
                    abs.toString(),
                    attrs.size(),
                    attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    inode,
                    ctimeNanos);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read attributes: " + Causes.describe(e), e);
        }
    }

    private Map<Key, String> persisted() {
        if (persisted == null) {
            persisted = new HashMap<>();
            if (cacheFile != null && Files.isRegularFile(cacheFile)) {
                try {
                    for (String line : Files.readAllLines(cacheFile, StandardCharsets.UTF_8)) {
                        parseLine(line);
                    }
                } catch (IOException | RuntimeException e) {
                    // A damaged cache only costs time: start over and rewrite it.
                    persisted.clear();
                }
            }
        }
        return persisted;
    }

    private void parseLine(String line) {
        // Lines of the older 4-field format (no inode, no ctime) are dropped: hashed again once.
        String[] f = line.split("\t", 6);
        if (f.length == 6 && f[0].length() == 64) {
            persisted.put(
                    new Key(
                            f[5],
                            Long.parseLong(f[1]),
                            Long.parseLong(f[2]),
                            Long.parseLong(f[3]),
                            Long.parseLong(f[4])),
                    f[0]);
        }
    }

    private void write() {
        // Best effort: an unwritable cache (read-only home, full disk) must not stop a load.
        try {
            Files.createDirectories(cacheFile.getParent());
            // Forget files that no longer exist, so the cache does not grow without bound.
            persisted.keySet().removeIf(k -> !Files.exists(Path.of(k.path)));
            StringBuilder text = new StringBuilder();
            for (Map.Entry<Key, String> e : persisted.entrySet()) {
                Key k = e.getKey();
                text.append(
                                String.join(
                                        "\t",
                                        List.of(
                                                e.getValue(),
                                                Long.toString(k.size),
                                                Long.toString(k.mtimeNanos),
                                                Long.toString(k.inode),
                                                Long.toString(k.ctimeNanos),
                                                k.path)))
                        .append('\n');
            }
            Path tmp = Files.createTempFile(cacheFile.getParent(), "." + CACHE_FILE_NAME, ".part");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                FilePermissions.makeReadable(tmp);
                Files.move(tmp, cacheFile, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            System.getLogger(FileHasher.class.getName())
                    .log(System.Logger.Level.DEBUG, "cannot write " + cacheFile + ": " + e);
        }
    }

    /** What must be unchanged for a remembered digest to be reused ({@code -1}: not reported). */
    private record Key(String path, long size, long mtimeNanos, long inode, long ctimeNanos) {}
}
