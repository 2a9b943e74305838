package io.github.midljava.data.files;

import io.github.midljava.data.DatasetException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts chosen members of a {@code .tar.gz} archive, each through a temporary file and an atomic
 * move, so an interrupted extraction leaves no partial file behind.
 */
final class ArchiveExtractor {

    private ArchiveExtractor() {}

    /**
     * Extracts {@code members} (archive name → path relative to {@code targetRoot}) and returns the
     * SHA-256 of each extracted file keyed by its relative path.
     */
    static Map<String, String> extract(Path archive, Map<String, String> members, Path targetRoot) {
        Map<String, String> shas = new TreeMap<>();
        try (InputStream raw = Files.newInputStream(archive);
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(
                                new GZIPInputStream(new BufferedInputStream(raw), 1 << 16))) {
            Map<String, String> wanted = new HashMap<>(members);
            for (TarArchiveEntry entry = tar.getNextEntry();
                    entry != null && !wanted.isEmpty();
                    entry = tar.getNextEntry()) {
                String name =
                        entry.getName().startsWith("./")
                                ? entry.getName().substring(2)
                                : entry.getName();
                String relative = wanted.remove(name);
                if (relative != null && entry.isFile()) {
                    shas.put(relative, write(tar, targetRoot.resolve(relative)));
                }
            }
            if (!wanted.isEmpty()) {
                throw new DatasetException(
                        archive,
                        "archive lacks "
                                + new TreeSet<>(wanted.keySet())
                                + " (not the expected distribution archive?)");
            }
        } catch (ZipException | EOFException e) {
            throw new DatasetException(
                    archive, Causes.describeGzip(e) + "; expected a .tar.gz archive", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DatasetException de) {
                throw de;
            }
            throw new DatasetException(
                    archive,
                    "cannot extract: corrupt or truncated archive (" + Causes.describe(e) + ")",
                    e);
        }
        return shas;
    }

    private static String write(InputStream in, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            MessageDigest digest = FileHasher.newDigest(Checksum.SHA_256);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    digest.update(buffer, 0, n);
                }
            }
            FilePermissions.makeReadable(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return Checksum.toHex(digest.digest());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
