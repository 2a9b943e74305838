package io.github.midljava.evaluate;

/**
 * What the estimators built on {@link KnnMutualInformation} hold in common, set by a {@link
 * KnnEstimatorBuilder}: the one-dimensional estimator, the base seed of their random draws and the
 * number of worker threads.
 */
abstract class KnnEstimatorBase {

    final long seed;
    final int threads;
    final KnnMutualInformation estimator;

    KnnEstimatorBase(KnnEstimatorBuilder<?> builder) {
        this.seed = builder.seed;
        this.threads = builder.threads;
        this.estimator = builder.estimator.build();
    }

    /** Returns the base seed. */
    public long getSeed() {
        return seed;
    }

    /** Returns the number of worker threads. */
    public int getThreads() {
        return threads;
    }

    /** Returns the one-dimensional estimator applied to each variable or projection. */
    public KnnMutualInformation getEstimator() {
        return estimator;
    }
}
