package io.github.midljava.evaluate;

import java.util.Arrays;

/**
 * Mutual information I(h<sub>j</sub>; Y) in nats between each unit h<sub>j</sub> of a
 * representation and the label: the per-neuron selectivity distribution of experiment E2.
 *
 * <p>Shapes: {@code x: [n, units]} (or row-major {@code [n * units]}), {@code labels: [n]}, result
 * {@code [units]}. Each column goes through {@link KnnMutualInformation} (B. C. Ross, PLoS ONE
 * 9(2), 2014), so a unit is scored exactly as scikit-learn's {@code mutual_info_classif} scores a
 * feature. A constant unit (dead ReLU, or a unit MID-L never selected) scores exactly 0. Unit j's
 * tie-breaking noise is seeded from ({@code seed}, j), so results do not depend on threads.
 *
 * <p>Our reading; the MID-L paper does not specify a threshold for an "informative" neuron: the
 * default is 0.1 nats, and {@link Result#fractionAbove(double)} recomputes the fraction for any
 * other.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PerNeuronMutualInformation extends KnnEstimatorBase {

    /** Default threshold (nats) above which a unit counts as informative. */
    public static final double DEFAULT_THRESHOLD = 0.1;

    private static final long NOISE_STREAM = 3;

    private final double threshold;

    private PerNeuronMutualInformation(Builder builder) {
        super(builder);
        this.threshold = builder.threshold;
    }

    /** Returns a builder: k = 3, threshold 0.1 nats, seed 0, all available processors. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Estimates the MI of every unit.
     *
     * @param x activations, {@code [n][units]}, finite, every row of the same length
     * @param labels labels, {@code [n]}
     * @return per-unit MI and its summary
     */
    public Result estimate(float[][] x, int[] labels) {
        return estimate(Samples.rowMajor(x), Samples.width(x), labels);
    }

    /**
     * Estimates the MI of every unit from row-major activations.
     *
     * @param x activations, row-major {@code [n * units]} with n = {@code labels.length}
     * @param units number of units (columns), &ge; 1
     * @param labels labels, {@code [n]}
     * @return per-unit MI and its summary
     */
    public Result estimate(float[] x, int units, int[] labels) {
        Samples.checkRowMajor(x, units, "units", labels);
        int n = labels.length;
        LabelIndex index = LabelIndex.of(labels);
        double[] perUnit = new double[units];
        ParallelLoop.run(
                units,
                threads,
                j -> {
                    double[] column = new double[n];
                    for (int i = 0; i < n; i++) {
                        column[i] = x[i * units + j];
                    }
                    long noiseSeed = Seeds.derive(seed, NOISE_STREAM, j);
                    perUnit[j] = estimator.estimateInPlace(column, index, noiseSeed);
                });
        double mean = Arrays.stream(perUnit).sum() / units;
        return new Result(
                perUnit,
                mean,
                median(perUnit),
                threshold,
                fractionAbove(perUnit, threshold),
                n,
                estimator.getK(),
                seed);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        return m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
    }

    static double fractionAbove(double[] values, double threshold) {
        int above = 0;
        for (double v : values) {
            if (v > threshold) {
                above++;
            }
        }
        return (double) above / values.length;
    }

    /**
     * Per-unit MI with its summary.
     *
     * @param perUnit MI of each unit in nats, {@code [units]}
     * @param mean mean over units
     * @param median median over units (mean of the two middle values for an even count)
     * @param threshold threshold in nats used for {@code fractionAboveThreshold}
     * @param fractionAboveThreshold fraction of units with MI strictly above {@code threshold}
     * @param numSamples number of samples n
     * @param k neighbours of the kNN estimator
     * @param seed base seed of the tie-breaking noise
     */
    public record Result(
            double[] perUnit,
            double mean,
            double median,
            double threshold,
            double fractionAboveThreshold,
            int numSamples,
            int k,
            long seed) {

        /** Returns the number of units. */
        public int numUnits() {
            return perUnit.length;
        }

        /** Returns the fraction of units with MI strictly above {@code threshold} nats. */
        public double fractionAbove(double threshold) {
            return PerNeuronMutualInformation.fractionAbove(perUnit, threshold);
        }
    }

    /** Builder of {@link PerNeuronMutualInformation}. */
    public static final class Builder extends KnnEstimatorBuilder<Builder> {

        private double threshold = DEFAULT_THRESHOLD;

        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /** Sets the threshold (nats) above which a unit counts as informative (default 0.1). */
        public Builder optThreshold(double threshold) {
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("threshold must be finite, got " + threshold);
            }
            this.threshold = threshold;
            return this;
        }

        /** Returns the estimator. */
        public PerNeuronMutualInformation build() {
            return new PerNeuronMutualInformation(this);
        }
    }
}
