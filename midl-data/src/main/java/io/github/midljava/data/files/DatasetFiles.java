package io.github.midljava.data.files;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DatasetException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files one dataset load reads: finds them (root, then cache), downloads missing ones into the
 * cache, verifies their checksums and collects them for {@code Dataset.fileChecksums}.
 *
 * <p>Verification: a file's SHA-256 must equal the entry for it in the {@code SHA256SUMS} of the
 * folder it lies in (root or cache) or, when that folder lists none, the canonical SHA-256 of the
 * distribution if one is published; otherwise it is accepted and only recorded.
 */
public final class DatasetFiles {

    private final DataDirectory directory;
    private final boolean download;
    private final URI mirror;
    private final Downloader downloader;
    private final FileHasher hasher;
    private final Map<Path, Map<String, String>> sumsByBase = new HashMap<>();
    private final Map<String, String> checksums = new TreeMap<>();

    /**
     * Creates the file access of one load.
     *
     * @param directory data root and cache
     * @param download whether missing files may be downloaded
     * @param mirror replaces the canonical URLs if not {@code null}, see {@link
     *     RemoteFile#urls(URI)}
     * @param downloader does the transfers
     */
    public DatasetFiles(
            DataDirectory directory, boolean download, URI mirror, Downloader downloader) {
        this.directory = directory;
        this.download = download;
        this.mirror = mirror;
        this.downloader = downloader;
        this.hasher = new FileHasher(directory.cache());
    }

    /** Creates the file access described by {@code options}. */
    public static DatasetFiles open(DataOptions options) {
        return new DatasetFiles(
                DataDirectory.resolve(options.dataDir(), options.cacheDir()),
                options.download(),
                options.mirror(),
                new Downloader());
    }

    /** Returns the data root and cache. */
    public DataDirectory directory() {
        return directory;
    }

    /**
     * Returns the regular file at {@code relativePath} in the root, else the cache (unverified).
     */
    public Optional<Path> locate(String relativePath) {
        return directory.find(relativePath);
    }

    /**
     * Returns the verified file for {@code remote}: found in the root or cache, else downloaded
     * into the cache.
     *
     * @throws DatasetException if it is missing and cannot be downloaded (the one-line message
     *     names the file, where it was looked for and where to get it), or its checksum is wrong
     */
    public Path require(RemoteFile remote) {
        Optional<Path> found = locate(remote.relativePath());
        if (found.isPresent()) {
            return use(found.get(), remote.checksum());
        }
        List<URI> urls = remote.urls(mirror);
        String advice =
                urls.isEmpty()
                        ? "place it at " + directory.inRoot(remote.relativePath())
                        : "download it from "
                                + urls.get(0)
                                + " and place it at "
                                + directory.inRoot(remote.relativePath())
                                + " or "
                                + directory.inCache(remote.relativePath());
        if (!download || urls.isEmpty()) {
            throw missing(
                    remote.relativePath(),
                    (download ? "no download URL known; " : "downloads are off; ") + advice);
        }
        Path target = directory.inCache(remote.relativePath());
        List<String> failures = new ArrayList<>();
        for (URI url : urls) {
            try {
                String sha = downloader.download(url, target, remote.checksum());
                hasher.remember(target, sha);
                Sha256Sums.record(directory.cache(), remote.relativePath(), sha);
                sumsByBase.remove(directory.cache());
                return use(target, remote.checksum());
            } catch (IOException e) {
                failures.add(url + " (" + describe(e) + ")");
            }
        }
        throw missing(
                remote.relativePath(),
                "download into the cache failed: " + String.join("; ", failures) + "; " + advice);
    }

    /** Returns {@link #require(RemoteFile)} of each file, in order. */
    public List<Path> requireAll(RemoteFile... remotes) {
        List<Path> paths = new ArrayList<>();
        for (RemoteFile r : remotes) {
            paths.add(require(r));
        }
        return paths;
    }

    /**
     * Verifies {@code file} (which lies in the root or the cache) and records its checksum.
     *
     * @param canonical the published checksum, used when the folder's {@code SHA256SUMS} has no
     *     entry for the file; {@code null} or non-SHA-256 ones are not checked here
     * @return {@code file}
     * @throws DatasetException {@code "<file>: checksum mismatch: expected X, got Y ..."}
     */
    public Path use(Path file, Checksum canonical) {
        String relative = directory.relativize(file);
        String actual = hasher.sha256(file);
        Optional<Path> base = directory.baseOf(file);
        String expected = base.map(b -> sums(b).get(relative)).orElse(null);
        String source = base.map(b -> "listed in " + b.resolve(Sha256Sums.FILE_NAME)).orElse("");
        if (expected == null && canonical != null && canonical.isSha256()) {
            expected = canonical.hex();
            source = "the canonical checksum";
        }
        if (expected != null && !expected.equals(actual)) {
            throw new DatasetException(
                    file,
                    "checksum mismatch: expected "
                            + expected
                            + ", got "
                            + actual
                            + " (expected value is "
                            + source
                            + "; the file is corrupt or a different version: replace it)");
        }
        checksums.put(relative, actual);
        return file;
    }

    /** Records a checksum computed by the caller, e.g. the digest of an extracted folder. */
    public void record(String key, String sha256) {
        checksums.put(key, sha256);
    }

    /** Returns the SHA-256 of every file used so far, keyed by path relative to root or cache. */
    public Map<String, String> checksums() {
        return Collections.unmodifiableMap(new TreeMap<>(checksums));
    }

    /**
     * Returns the exception for a missing file: {@code "<root>/<rel>: not found (looked in A and
     * B); <detail>"}.
     */
    public DatasetException missing(String relativePath, String detail) {
        List<String> places = new ArrayList<>();
        for (Path base : directory.bases()) {
            places.add(base.resolve(relativePath).toString());
        }
        return new DatasetException(
                directory.inRoot(relativePath),
                "not found (looked in "
                        + String.join(" and ", places)
                        + "; data root from "
                        + directory.rootSource()
                        + "); "
                        + detail);
    }

    /**
     * Extracts members of a {@code .tar.gz} archive into the cache and records their SHA-256 in the
     * cache's {@code SHA256SUMS}, so later loads verify them.
     *
     * @param archive the archive
     * @param members archive member name → path relative to the cache
     * @throws DatasetException if the archive is unreadable or lacks a member
     */
    public void extractIntoCache(Path archive, Map<String, String> members) {
        Map<String, String> shas = ArchiveExtractor.extract(archive, members, directory.cache());
        for (Map.Entry<String, String> e : shas.entrySet()) {
            Path file = directory.inCache(e.getKey());
            hasher.remember(file, e.getValue());
            try {
                Sha256Sums.record(directory.cache(), e.getKey(), e.getValue());
            } catch (IOException ex) {
                throw new DatasetException(
                        directory.cache().resolve(Sha256Sums.FILE_NAME),
                        "cannot write: " + describe(ex),
                        ex);
            }
        }
        sumsByBase.remove(directory.cache());
    }

    private Map<String, String> sums(Path base) {
        return sumsByBase.computeIfAbsent(base, Sha256Sums::read);
    }

    /** Returns a one-line description of an I/O failure: its message, or its type if none. */
    static String describe(IOException e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        message = message.replace('\n', ' ').replace('\r', ' ');
        return e.getClass() == IOException.class ? message : type + ": " + message;
    }
}
