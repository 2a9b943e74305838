package io.github.midljava.data.files;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A file of a dataset as it is published: where it lives below the data root, where to download it
 * from, and its canonical checksum.
 *
 * @param relativePath the path below the data root, with {@code /} separators, e.g. {@code
 *     mnist/train-images-idx3-ubyte.gz}
 * @param urls the download URLs, tried in order (may be empty for files that only come out of an
 *     archive)
 * @param checksum the published checksum, or {@code null} when none is known; a downloaded file
 *     without one is trusted on first use and its SHA-256 recorded in the cache's {@code
 *     SHA256SUMS}
 */
public record RemoteFile(String relativePath, List<URI> urls, Checksum checksum) {

    /** Validates the path and copies the URL list. */
    public RemoteFile {
        Objects.requireNonNull(relativePath, "relativePath");
        if (relativePath.isEmpty()
                || relativePath.startsWith("/")
                || relativePath.contains("\\")
                || relativePath.contains("..")) {
            throw new IllegalArgumentException(
                    "relativePath must be a relative path with '/' separators, got '"
                            + relativePath
                            + "'");
        }
        urls = List.copyOf(urls);
    }

    /** Returns a remote file with the given canonical URLs (as strings). */
    public static RemoteFile of(String relativePath, Checksum checksum, String... urls) {
        return new RemoteFile(
                relativePath, Arrays.stream(urls).map(URI::create).toList(), checksum);
    }

    /** Returns the last path segment, e.g. {@code train-images-idx3-ubyte.gz}. */
    public String fileName() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    /**
     * Returns the URLs to try: with a mirror, only {@code mirror/<relativePath>} (a mirror is laid
     * out like the data root and replaces the canonical hosts); without one, {@link #urls()}.
     */
    public List<URI> urls(URI mirror) {
        if (mirror == null) {
            return urls;
        }
        String base = mirror.toString();
        if (!base.endsWith("/")) {
            base += "/";
        }
        return List.of(URI.create(base).resolve(relativePath));
    }
}
