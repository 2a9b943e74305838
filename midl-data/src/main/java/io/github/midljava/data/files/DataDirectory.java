package io.github.midljava.data.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two folders datasets are read from: the data root, which may be read-only, and the cache,
 * which receives downloads and anything derived (extracted archives, the hash cache). Both are laid
 * out alike, one folder per dataset: {@code mnist/}, {@code cifar-10/}, {@code cifar-100/}, {@code
 * svhn/}, {@code adult/}, {@code imdb/}. A file is looked up in the root first, then in the cache.
 *
 * <p>Resolution: the root is the {@code --data-dir} value, else {@code $MIDL_DATA_DIR}, else {@code
 * ~/.midl/data}; the cache is the {@code --cache-dir} value, else {@code $MIDL_CACHE_DIR}, else
 * {@code ~/.midl/cache}. A relative {@code MIDL_DATA_DIR} that does not exist from the working
 * directory is tried from its parent too: CI sets it relative to the repository root, while Maven
 * runs each module's tests inside the module folder.
 */
public final class DataDirectory {

    /** Environment variable naming the data root. */
    public static final String DATA_DIR_ENV = "MIDL_DATA_DIR";

    /** Environment variable naming the cache directory. */
    public static final String CACHE_DIR_ENV = "MIDL_CACHE_DIR";

    private final Path root;
    private final Path cache;
    private final String rootSource;

    private DataDirectory(Path root, Path cache, String rootSource) {
        this.root = root.toAbsolutePath().normalize();
        this.cache = cache.toAbsolutePath().normalize();
        this.rootSource = rootSource;
    }

    /** Returns a data directory with exactly these two folders. */
    public static DataDirectory of(Path root, Path cache) {
        return new DataDirectory(root, cache, "given");
    }

    /**
     * Resolves root and cache from the options (either may be {@code null}), the environment and
     * the user's home directory.
     */
    public static DataDirectory resolve(Path dataDir, Path cacheDir) {
        return resolve(
                dataDir,
                cacheDir,
                System.getenv(),
                Path.of(System.getProperty("user.home")),
                Path.of("").toAbsolutePath());
    }

    /** Resolves as {@link #resolve(Path, Path)} does, with the environment passed in (testable). */
    public static DataDirectory resolve(
            Path dataDir, Path cacheDir, Map<String, String> env, Path home, Path cwd) {
        Path root;
        String rootSource;
        String envRoot = env.get(DATA_DIR_ENV);
        if (dataDir != null) {
            root = cwd.resolve(dataDir);
            rootSource = "--data-dir";
        } else if (envRoot != null && !envRoot.isBlank()) {
            root = resolveFromCwdOrParent(Path.of(envRoot.strip()), cwd);
            rootSource = DATA_DIR_ENV;
        } else {
            root = home.resolve(".midl").resolve("data");
            rootSource = "default";
        }
        Path cache;
        String envCache = env.get(CACHE_DIR_ENV);
        if (cacheDir != null) {
            cache = cwd.resolve(cacheDir);
        } else if (envCache != null && !envCache.isBlank()) {
            cache = cwd.resolve(envCache.strip());
        } else {
            cache = home.resolve(".midl").resolve("cache");
        }
        return new DataDirectory(root, cache, rootSource);
    }

    private static Path resolveFromCwdOrParent(Path path, Path cwd) {
        if (path.isAbsolute()) {
            return path;
        }
        Path fromCwd = cwd.resolve(path);
        Path parent = cwd.toAbsolutePath().getParent();
        if (!Files.exists(fromCwd) && parent != null && Files.exists(parent.resolve(path))) {
            return parent.resolve(path);
        }
        return fromCwd;
    }

    /** Returns the data root (absolute). */
    public Path root() {
        return root;
    }

    /** Returns the cache directory (absolute). */
    public Path cache() {
        return cache;
    }

    /** Returns where the root came from: {@code --data-dir}, {@code MIDL_DATA_DIR} or default. */
    public String rootSource() {
        return rootSource;
    }

    /** Returns {@code root/relativePath}. */
    public Path inRoot(String relativePath) {
        return root.resolve(relativePath);
    }

    /** Returns {@code cache/relativePath}. */
    public Path inCache(String relativePath) {
        return cache.resolve(relativePath);
    }

    /**
     * Returns the regular file at {@code relativePath} in the root, else in the cache.
     *
     * @throws io.github.midljava.data.DatasetException "permission denied" if a folder on the way
     *     cannot be read (rather than reporting the file as missing)
     */
    public Optional<Path> find(String relativePath) {
        for (Path base : bases()) {
            Path p = base.resolve(relativePath);
            if (FileProbe.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Returns the directory at {@code relativePath} in the root, else in the cache. */
    public Optional<Path> findDirectory(String relativePath) {
        for (Path base : bases()) {
            Path p = base.resolve(relativePath);
            if (FileProbe.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Returns root and cache, in lookup order (just one if they are the same folder). */
    public List<Path> bases() {
        return root.equals(cache) ? List.of(root) : List.of(root, cache);
    }

    /** Returns the folder (root or cache) that holds {@code file}, preferring the root. */
    public Optional<Path> baseOf(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (Path base : bases()) {
            if (abs.startsWith(base)) {
                return Optional.of(base);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the path of {@code file} relative to the root or cache, with {@code /} separators
     * (the key of {@code Dataset.fileChecksums}); a file outside both keeps its absolute path.
     */
    public String relativize(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return baseOf(abs)
                .map(base -> base.relativize(abs).toString().replace('\\', '/'))
                .orElse(abs.toString());
    }

    @Override
    public String toString() {
        return "data root " + root + " (" + rootSource + "), cache " + cache;
    }
}
