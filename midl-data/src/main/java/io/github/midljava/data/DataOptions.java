package io.github.midljava.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How to find and preprocess a dataset. Start from {@link #defaults()} and change what you need
 * with the {@code with...} methods.
 *
 * @param dataDir the data root ({@code --data-dir}); {@code null} means {@code MIDL_DATA_DIR}, else
 *     {@code ~/.midl/data}. Read-only is fine: nothing is ever written there
 * @param cacheDir where downloads and derived files go; {@code null} means {@code MIDL_CACHE_DIR},
 *     else {@code ~/.midl/cache}
 * @param download whether a missing file may be downloaded into the cache
 * @param mirror a base URI laid out like the data root (e.g. {@code
 *     http://host/datasets/mnist/...}) that replaces the canonical download URLs; {@code null}
 *     means the canonical URLs
 * @param standardize whether image pixels and Adult's numeric columns are standardised with the
 *     training split's mean and standard deviation (images are always scaled to [0, 1] first)
 * @param imdbVocabularySize how many words (the most frequent by document frequency in the training
 *     reviews) make up the IMDB features
 * @param imdbFeatures TF-IDF or binary bag-of-words for IMDB
 * @param cifar100Coarse whether CIFAR-100 uses the 20 coarse labels instead of the 100 fine ones
 * @param trainLimit if positive, keep only this many training samples (a fixed pseudo-random subset
 *     in file order, chosen before any statistics are computed); 0 keeps all
 */
public record DataOptions(
        Path dataDir,
        Path cacheDir,
        boolean download,
        URI mirror,
        boolean standardize,
        int imdbVocabularySize,
        TextFeatures imdbFeatures,
        boolean cifar100Coarse,
        int trainLimit) {

    /** Default IMDB vocabulary size. */
    public static final int DEFAULT_IMDB_VOCABULARY_SIZE = 5000;

    /** Validates the values early, naming the bad one. */
    public DataOptions {
        if (imdbVocabularySize < 1) {
            throw new IllegalArgumentException(
                    "imdbVocabularySize must be >= 1, got " + imdbVocabularySize);
        }
        if (imdbFeatures == null) {
            throw new IllegalArgumentException("imdbFeatures must not be null");
        }
        if (trainLimit < 0) {
            throw new IllegalArgumentException(
                    "trainLimit must be >= 0 (0 = all), got " + trainLimit);
        }
        if (mirror != null && !mirror.isAbsolute()) {
            throw new IllegalArgumentException(
                    "mirror must be an absolute URI such as http://host/datasets/, got " + mirror);
        }
    }

    /**
     * Returns the defaults: data root and cache from the environment, downloads on, canonical URLs,
     * standardisation on, IMDB TF-IDF over 5000 words, CIFAR-100 fine labels, all training samples.
     */
    public static DataOptions defaults() {
        return new DataOptions(
                null,
                null,
                true,
                null,
                true,
                DEFAULT_IMDB_VOCABULARY_SIZE,
                TextFeatures.TF_IDF,
                false,
                0);
    }

    /** Returns a copy with the given data root ({@code null}: from the environment). */
    public DataOptions withDataDir(Path value) {
        return with(b -> b.dataDir = value);
    }

    /** Returns a copy with the given cache directory ({@code null}: from the environment). */
    public DataOptions withCacheDir(Path value) {
        return with(b -> b.cacheDir = value);
    }

    /** Returns a copy with downloads switched on or off. */
    public DataOptions withDownload(boolean value) {
        return with(b -> b.download = value);
    }

    /** Returns a copy that downloads from {@code value} instead of the canonical URLs. */
    public DataOptions withMirror(URI value) {
        return with(b -> b.mirror = value);
    }

    /** Returns a copy with standardisation switched on or off. */
    public DataOptions withStandardize(boolean value) {
        return with(b -> b.standardize = value);
    }

    /** Returns a copy with the given IMDB vocabulary size. */
    public DataOptions withImdbVocabularySize(int value) {
        return with(b -> b.imdbVocabularySize = value);
    }

    /** Returns a copy with the given IMDB feature kind. */
    public DataOptions withImdbFeatures(TextFeatures value) {
        return with(b -> b.imdbFeatures = value);
    }

    /** Returns a copy that uses CIFAR-100's coarse (20) or fine (100) labels. */
    public DataOptions withCifar100Coarse(boolean value) {
        return with(b -> b.cifar100Coarse = value);
    }

    /** Returns a copy that keeps at most {@code value} training samples (0: all). */
    public DataOptions withTrainLimit(int value) {
        return with(b -> b.trainLimit = value);
    }

    /**
     * Returns a copy with one change: the record's fields, copied into a {@link Copy}, changed
     * there, and validated again by the constructor. One place lists the fields, so adding one
     * means editing {@link Copy} and the record, not every {@code with...} method.
     */
    private DataOptions with(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** The mutable twin of the record that {@link #with} edits. */
    private static final class Copy {
        Path dataDir;
        Path cacheDir;
        boolean download;
        URI mirror;
        boolean standardize;
        int imdbVocabularySize;
        TextFeatures imdbFeatures;
        boolean cifar100Coarse;
        int trainLimit;

        Copy(DataOptions o) {
            dataDir = o.dataDir;
            cacheDir = o.cacheDir;
            download = o.download;
            mirror = o.mirror;
            standardize = o.standardize;
            imdbVocabularySize = o.imdbVocabularySize;
            imdbFeatures = o.imdbFeatures;
            cifar100Coarse = o.cifar100Coarse;
            trainLimit = o.trainLimit;
        }

        DataOptions build() {
            return new DataOptions(
                    dataDir,
                    cacheDir,
                    download,
                    mirror,
                    standardize,
                    imdbVocabularySize,
                    imdbFeatures,
                    cifar100Coarse,
                    trainLimit);
        }
    }
}
