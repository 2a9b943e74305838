package io.github.midljava.evaluate;

import java.util.Random;

/**
 * Sliced mutual information SMI(X; Y) = E<sub>θ</sub>[ I(θ<sup>T</sup>X; Y) ] between a
 * representation X and a discrete label Y, with θ uniform on the unit sphere, after Z. Goldfeld and
 * K. Greenewald, "Sliced Mutual Information: A Scalable Measure of Statistical Dependence", NeurIPS
 * 2021.
 *
 * <p>Shapes: {@code x: [n, dim]} (or row-major {@code [n * dim]}), {@code labels: [n]}. The
 * expectation is a Monte-Carlo mean over {@code numDirections} directions θ = g / |g|, g ~ N(0,
 * I<sub>dim</sub>); each one-dimensional term I(θ<sup>T</sup>X; Y) is estimated by {@link
 * KnnMutualInformation} (Ross 2014). The reported spread is that of the Monte-Carlo mean over
 * directions, not of the kNN estimator over samples.
 *
 * <p>Direction i draws θ and its tie-breaking noise from seeds derived from ({@code seed}, i) only,
 * so the result is the same for any thread count and schedule. Our reading; the MID-L paper does
 * not specify the number of directions, k, or scaling: defaults are 1000 directions, k = 3, and
 * each projection standardised (which leaves the true MI unchanged).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SlicedMutualInformation extends KnnEstimatorBase {

    /** Default number of random directions. */
    public static final int DEFAULT_NUM_DIRECTIONS = 1000;

    private static final long DIRECTION_STREAM = 1;
    private static final long NOISE_STREAM = 2;
    private static final long PERMUTATION_STREAM = 4;

    private final int numDirections;

    private SlicedMutualInformation(Builder builder) {
        super(builder);
        this.numDirections = builder.numDirections;
    }

    /** Returns a builder: 1000 directions, k = 3, seed 0, all available processors. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the number of directions averaged. */
    public int getNumDirections() {
        return numDirections;
    }

    /**
     * Estimates SMI(X; Y) in nats.
     *
     * @param x samples, {@code [n][dim]}, finite, every row of the same length
     * @param labels labels, {@code [n]}
     * @return the mean over directions with its spread
     */
    public Result estimate(float[][] x, int[] labels) {
        return summarize(perDirection(x, labels), x.length, Samples.width(x));
    }

    /**
     * Estimates SMI(X; Y) in nats from row-major samples.
     *
     * @param x samples, row-major {@code [n * dim]} with n = {@code labels.length}
     * @param dim dimension of one sample, &ge; 1
     * @param labels labels, {@code [n]}
     * @return the mean over directions with its spread
     */
    public Result estimate(float[] x, int dim, int[] labels) {
        return summarize(perDirection(x, dim, labels), labels.length, dim);
    }

    /**
     * Estimates this estimator's floor on X: SMI(X; π(Y)) for a uniform random permutation π of the
     * labels, drawn from a seed derived from {@link #getSeed()}. Shuffling breaks every dependence
     * between X and Y while keeping X, n, the label counts and the directions, so the true value is
     * 0 and the estimate is the bias and noise of the kNN estimator on this representation: an SMI
     * figure says something only as far as it stands above its floor.
     *
     * @param x samples, row-major {@code [n * dim]} with n = {@code labels.length}
     * @param dim dimension of one sample, &ge; 1
     * @param labels labels, {@code [n]}; not modified
     * @return the estimate against the shuffled labels
     */
    public Result estimateShuffledFloor(float[] x, int dim, int[] labels) {
        Samples.checkRowMajor(x, dim, "dim", labels);
        return estimate(x, dim, shuffled(labels, permutationSeed()));
    }

    /** Returns a copy of {@code labels} in a uniform random order (Fisher-Yates, {@code seed}). */
    static int[] shuffled(int[] labels, long seed) {
        int[] out = labels.clone();
        Random random = new Random(seed);
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** Returns the seed of the label permutation of {@link #estimateShuffledFloor}. */
    long permutationSeed() {
        return Seeds.derive(seed, PERMUTATION_STREAM, 0);
    }

    /**
     * Returns I(θ<sub>i</sub><sup>T</sup>X; Y) for every direction i, {@code [numDirections]}, e.g.
     * to plot their distribution.
     */
    public double[] perDirection(float[][] x, int[] labels) {
        return perDirection(Samples.rowMajor(x), Samples.width(x), labels);
    }

    /** Row-major variant of {@link #perDirection(float[][], int[])}. */
    public double[] perDirection(float[] x, int dim, int[] labels) {
        Samples.checkRowMajor(x, dim, "dim", labels);
        LabelIndex index = LabelIndex.of(labels);
        int n = labels.length;
        double[] values = new double[numDirections];
        ParallelLoop.run(
                numDirections,
                threads,
                i -> {
                    double[] theta = direction(dim, Seeds.derive(seed, DIRECTION_STREAM, i));
                    double[] projection = project(x, n, dim, theta);
                    long noiseSeed = Seeds.derive(seed, NOISE_STREAM, i);
                    values[i] = estimator.estimateInPlace(projection, index, noiseSeed);
                });
        return values;
    }

    /** A direction uniform on the unit sphere S^(dim-1): a normalised standard Gaussian vector. */
    static double[] direction(int dim, long seed) {
        Random random = new Random(seed);
        double[] theta = new double[dim];
        double norm2;
        do { // |g| = 0 has probability zero; redraw rather than divide by it
            norm2 = 0;
            for (int j = 0; j < dim; j++) {
                theta[j] = random.nextGaussian();
                norm2 += theta[j] * theta[j];
            }
        } while (norm2 == 0);
        double inv = 1.0 / Math.sqrt(norm2);
        for (int j = 0; j < dim; j++) {
            theta[j] *= inv;
        }
        return theta;
    }

    private static double[] project(float[] x, int n, int dim, double[] theta) {
        double[] out = new double[n];
        for (int i = 0, row = 0; i < n; i++, row += dim) {
            double s = 0;
            for (int j = 0; j < dim; j++) {
                s += x[row + j] * theta[j];
            }
            out[i] = s;
        }
        return out;
    }

    private Result summarize(double[] values, int numSamples, int dim) {
        int m = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= m;
        double std = Double.NaN;
        if (m > 1) {
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            std = Math.sqrt(ss / (m - 1));
        }
        return new Result(
                mean, std / Math.sqrt(m), std, m, numSamples, dim, estimator.getK(), seed);
    }

    /**
     * An SMI estimate.
     *
     * @param mean SMI in nats: the mean of I(θ<sup>T</sup>X; Y) over the directions
     * @param standardError std / sqrt(numDirections): the Monte-Carlo error of the mean
     * @param std sample standard deviation (divisor numDirections − 1) of the per-direction values;
     *     NaN for a single direction
     * @param numDirections number of random directions averaged
     * @param numSamples number of samples n
     * @param dim dimension of the representation
     * @param k neighbours of the kNN estimator
     * @param seed base seed of the directions and the tie-breaking noise
     */
    public record Result(
            double mean,
            double standardError,
            double std,
            int numDirections,
            int numSamples,
            int dim,
            int k,
            long seed) {}

    /** Builder of {@link SlicedMutualInformation}. */
    public static final class Builder extends KnnEstimatorBuilder<Builder> {

        private int numDirections = DEFAULT_NUM_DIRECTIONS;

        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /** Sets the number of random directions averaged (default 1000). */
        public Builder optNumDirections(int numDirections) {
            if (numDirections < 1) {
                throw new IllegalArgumentException(
                        "numDirections must be >= 1, got " + numDirections);
            }
            this.numDirections = numDirections;
            return this;
        }

        /** Returns the estimator. */
        public SlicedMutualInformation build() {
            return new SlicedMutualInformation(this);
        }
    }
}
