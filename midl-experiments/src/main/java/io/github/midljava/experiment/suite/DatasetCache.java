package io.github.midljava.experiment.suite;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DataSplit;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.DatasetLoaders;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Loads each dataset at most once per suite invocation, and only if a run needs it: a suite whose
 * runs are all stored reads no data at all. An optional test limit keeps a fixed random subset of
 * the test split (smoke runs and tests).
 */
public final class DatasetCache {

    /** Seed of the test subset: fixed, so every run of a suite sees the same samples. */
    static final long TEST_SUBSET_SEED = 20250516L;

    private final DataOptions options;
    private final int testLimit;
    private final BiFunction<DatasetId, DataOptions, Dataset> loader;
    private final BiConsumer<DatasetId, DataOptions> checker;
    private final Map<DatasetId, Dataset> loaded = new EnumMap<>(DatasetId.class);
    private int loads;

    /**
     * Creates a cache that loads with {@link DatasetLoaders#load}.
     *
     * @param options where the data is and how it is preprocessed
     * @param testLimit if positive, keep this many test samples (a fixed random subset)
     */
    public DatasetCache(DataOptions options, int testLimit) {
        this(options, testLimit, DatasetLoaders::load, DatasetLoaders::checkFiles);
    }

    /** Creates a cache with another loader whose files are not checked ahead (tests). */
    public DatasetCache(
            DataOptions options,
            int testLimit,
            BiFunction<DatasetId, DataOptions, Dataset> loader) {
        this(options, testLimit, loader, (id, o) -> {});
    }

    /**
     * Creates a cache with another loader and file check.
     *
     * @param checker throws if a dataset's files are missing or corrupt, see {@link
     *     DatasetLoaders#checkFiles}
     */
    public DatasetCache(
            DataOptions options,
            int testLimit,
            BiFunction<DatasetId, DataOptions, Dataset> loader,
            BiConsumer<DatasetId, DataOptions> checker) {
        if (testLimit < 0) {
            throw new IllegalArgumentException(
                    "testLimit must be >= 0 (0 = all), got " + testLimit);
        }
        this.options = options;
        this.testLimit = testLimit;
        this.loader = loader;
        this.checker = checker;
    }

    /**
     * Checks that the files of every dataset in {@code ids} are there and intact, without loading
     * them: a suite calls it before its first run, so a missing dataset stops it with one line
     * instead of failing each of its runs (and leaving their folders behind).
     *
     * @throws io.github.midljava.data.DatasetException for the first dataset with a problem
     */
    public void checkFiles(Collection<DatasetId> ids) {
        for (DatasetId id : ids) {
            if (!loaded.containsKey(id)) {
                checker.accept(id, options);
            }
        }
    }

    /** Returns the dataset, loading it on first use. */
    public Dataset get(DatasetId id) {
        return loaded.computeIfAbsent(
                id,
                k -> {
                    loads++;
                    return limitTest(loader.apply(k, options), testLimit);
                });
    }

    /**
     * Returns {@code d} with its test split limited to a fixed random subset of {@code testLimit}
     * samples (0 = all), the same subset on every call.
     */
    public static Dataset limitTest(Dataset d, int testLimit) {
        if (testLimit == 0 || d.test().size() <= testLimit) {
            return d;
        }
        DataSplit test =
                d.test()
                        .select(
                                RunAnalyzer.subsetIndices(
                                        d.test().size(), testLimit, TEST_SUBSET_SEED));
        return new Dataset(
                d.id(),
                d.train(),
                test,
                d.classNames(),
                d.fileChecksums(),
                d.description() + "; test split limited to a fixed random subset of " + testLimit);
    }

    /** Forgets a dataset the suite has finished with, so its memory can be reclaimed. */
    public void release(DatasetId id) {
        loaded.remove(id);
    }

    /** Returns how many times a dataset was loaded. */
    public int loads() {
        return loads;
    }
}
