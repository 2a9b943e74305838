package io.github.midljava.evaluate;

/**
 * The options every estimator built on {@link KnnMutualInformation} shares: the kNN estimator's own
 * options, a base seed and a thread count. Subclasses add theirs and return themselves from {@link
 * #self()}, as DJL's {@code BaseBuilder} does, so that calls chain in any order.
 *
 * @param <B> the concrete builder
 */
abstract class KnnEstimatorBuilder<B extends KnnEstimatorBuilder<B>> {

    final KnnMutualInformation.Builder estimator = KnnMutualInformation.builder();
    long seed;
    int threads = Runtime.getRuntime().availableProcessors();

    /** Returns this builder as its concrete type. */
    abstract B self();

    /** Sets the kNN estimator's number of neighbours (default 3). */
    public B optK(int k) {
        estimator.optK(k);
        return self();
    }

    /** Sets whether each variable is standardised before estimating (default true). */
    public B optStandardize(boolean standardize) {
        estimator.optStandardize(standardize);
        return self();
    }

    /** Sets the relative tie-breaking noise (default 1e-10; 0 disables). */
    public B optNoiseScale(double noiseScale) {
        estimator.optNoiseScale(noiseScale);
        return self();
    }

    /** Sets the base seed of the random draws (default 0). */
    public B optSeed(long seed) {
        this.seed = seed;
        return self();
    }

    /** Sets the number of worker threads (default: available processors); 1 runs inline. */
    public B optThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        return self();
    }
}
