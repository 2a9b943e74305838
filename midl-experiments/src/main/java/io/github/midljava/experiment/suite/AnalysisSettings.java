package io.github.midljava.experiment.suite;

/**
 * How the E2 measures are estimated inside a run.
 *
 * @param samples test samples used (a fixed random subset, the same for every run of a dataset)
 * @param directions random directions of the SMI Monte-Carlo mean
 * @param neighbours k of the kNN estimator
 * @param threshold per-neuron MI (nats) above which a unit counts as informative
 * @param seed seed of the subset, the directions and the tie-breaking noise; fixed, so that methods
 *     and training seeds are compared on the same samples and directions
 */
public record AnalysisSettings(
        int samples, int directions, int neighbours, double threshold, long seed) {

    /** The fixed seed of the E2 subset and directions. */
    public static final long SEED = 2505_11416L;

    /** Returns the settings of a suite. */
    public static AnalysisSettings of(SuiteOptions options) {
        return new AnalysisSettings(
                options.smiSamples(),
                options.smiDirections(),
                options.miNeighbours(),
                options.miThreshold(),
                SEED);
    }
}
