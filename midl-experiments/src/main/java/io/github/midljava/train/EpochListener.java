package io.github.midljava.train;

/**
 * Sees the model after each training epoch, e.g. to record training curves. Its time is not counted
 * in the training throughput.
 */
@FunctionalInterface
public interface EpochListener {
    /**
     * @param epoch the 0-based epoch just finished
     * @param meanLoss its mean training loss
     */
    void afterEpoch(int epoch, double meanLoss);
}
