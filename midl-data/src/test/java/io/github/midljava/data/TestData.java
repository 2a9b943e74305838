package io.github.midljava.data;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.midljava.data.files.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where tests find the real benchmark files: {@code $MIDL_DATA_DIR}, resolved like the loaders do
 * (a relative value is tried from the working directory, then from its parent, because CI sets it
 * relative to the repository root while surefire runs in the module folder). CI always has the
 * data, so a test that needs it fails with a clear message instead of being skipped.
 */
public final class TestData {

    private static final Map<DatasetId, Dataset> LOADED = new ConcurrentHashMap<>();

    private TestData() {}

    /** Returns the data root, or fails the calling test saying how to provide it. */
    public static Path root() {
        String value = System.getenv(DataDirectory.DATA_DIR_ENV);
        if (value == null || value.isBlank()) {
            return fail(
                    "MIDL_DATA_DIR is not set: point it at the folder holding mnist/, cifar-10/,"
                            + " cifar-100/, adult/, imdb/ (CI sets MIDL_DATA_DIR=../shared/datasets"
                            + " relative to the repository root)");
        }
        Path root = DataDirectory.resolve(null, null).root();
        if (!Files.isDirectory(root)) {
            return fail(
                    "MIDL_DATA_DIR="
                            + value
                            + " resolves to "
                            + root
                            + ", which is not a directory (tried from "
                            + Path.of("").toAbsolutePath()
                            + " and its parent)");
        }
        return root;
    }

    /**
     * Returns options for the real data: root from {@link #root()}, a cache under {@code target/}
     * (so the hash cache survives between test runs but {@code mvn clean} removes it), no
     * downloads.
     */
    public static DataOptions options() {
        return DataOptions.defaults()
                .withDataDir(root())
                .withCacheDir(Path.of("target", "midl-test-cache").toAbsolutePath())
                .withDownload(false);
    }

    /** Returns the dataset loaded with {@link #options()}, loading it once per test JVM. */
    public static Dataset load(DatasetId id) {
        return LOADED.computeIfAbsent(id, key -> DatasetLoaders.load(key, options()));
    }

    /** Returns how many labels of {@code split} fall in each class. */
    public static int[] histogram(DataSplit split) {
        int[] counts = new int[split.numClasses()];
        for (int label : split.labels()) {
            counts[label]++;
        }
        return counts;
    }
}
