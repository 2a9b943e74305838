package io.github.midljava.evaluate;

import java.util.Arrays;
import java.util.Random;

/**
 * Mutual information I(X; Y) in nats between a continuous scalar X and a discrete label Y, by the
 * k-nearest-neighbour estimator of B. C. Ross, "Mutual Information between Discrete and Continuous
 * Data Sets", PLoS ONE 9(2): e87357, 2014.
 *
 * <p>Shapes: {@code x: [n]}, {@code labels: [n]}. For every sample i whose label occurs
 * N<sub>x,i</sub> &ge; 2 times (other samples are dropped), with k<sub>i</sub> = min(k,
 * N<sub>x,i</sub> − 1):
 *
 * <pre>
 *   d_i = distance to the k_i-th nearest neighbour with the same label
 *   m_i = number of samples of any label (i itself included) at distance &lt;= nextafter(d_i, 0)
 *   I   = max(0, ψ(N) + mean ψ(k_i) − mean ψ(N_x,i) − mean ψ(m_i))     N = samples kept
 * </pre>
 *
 * <p>This is scikit-learn's {@code _compute_mi_cd} ({@code
 * sklearn/feature_selection/_mutual_info.py}) step for step: shrinking the radius to the next
 * double below d<sub>i</sub> excludes the k-th neighbour itself, so counting i in its place gives
 * Ross's m<sub>i</sub>. Before it, {@link #estimate(double[], int[], long)} prepares X as {@code
 * mutual_info_classif} does: divide by the standard deviation (no centring), then add Gaussian
 * noise of standard deviation {@code noiseScale * max(1, mean|x|)} to break ties (Kraskov et al.
 * 2004), which matter here because ReLU representations hold many exact zeros. The noise uses
 * {@link Random}, so values differ from NumPy's bit for bit but not in distribution. Our choice,
 * not scikit-learn's: a constant X returns exactly 0, where the noise alone could produce a small
 * positive estimate.
 *
 * <p>Cost: O(n log n) for one variable: because X is one-dimensional, neighbours are found in
 * per-class sorted arrays (the k-th neighbour by merging outwards from i) and m<sub>i</sub> by two
 * binary searches in the sorted sample, instead of the O(n²) pairwise distances.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class KnnMutualInformation {

    /** Default number of neighbours, scikit-learn's {@code n_neighbors=3}. */
    public static final int DEFAULT_K = 3;

    /** Default tie-breaking noise, relative to max(1, mean|x|), as in scikit-learn. */
    public static final double DEFAULT_NOISE_SCALE = 1e-10;

    private final int k;
    private final boolean standardize;
    private final double noiseScale;

    private KnnMutualInformation(Builder builder) {
        this.k = builder.k;
        this.standardize = builder.standardize;
        this.noiseScale = builder.noiseScale;
    }

    /** Returns a builder with scikit-learn's defaults: k = 3, standardise, noise 1e-10. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the estimator with all defaults. */
    public static KnnMutualInformation withDefaults() {
        return builder().build();
    }

    /** Returns the number of neighbours k. */
    public int getK() {
        return k;
    }

    /** Returns whether X is divided by its standard deviation before estimating. */
    public boolean isStandardize() {
        return standardize;
    }

    /** Returns the relative standard deviation of the tie-breaking noise (0: none). */
    public double getNoiseScale() {
        return noiseScale;
    }

    /**
     * Estimates I(X; Y) in nats.
     *
     * @param x samples of X, {@code [n]}, finite; not modified
     * @param labels samples of Y, {@code [n]}; at least one label must occur twice
     * @param seed seed of the tie-breaking noise
     * @return the estimate, &ge; 0
     */
    public double estimate(double[] x, int[] labels, long seed) {
        checkSameLength(x == null ? -1 : x.length, labels);
        return estimateInPlace(x.clone(), LabelIndex.of(labels), seed);
    }

    /** Same as {@link #estimate(double[], int[], long)} for {@code float} samples. */
    public double estimate(float[] x, int[] labels, long seed) {
        checkSameLength(x == null ? -1 : x.length, labels);
        double[] v = new double[x.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = x[i];
        }
        return estimateInPlace(v, LabelIndex.of(labels), seed);
    }

    /** Prepares {@code v} (overwritten) as scikit-learn does and estimates; {@code v: [n]}. */
    double estimateInPlace(double[] v, LabelIndex index, long seed) {
        int n = v.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("x[" + i + "] must be finite, got " + v[i]);
            }
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
        }
        if (index.numKept == 0) {
            throw new IllegalArgumentException(
                    "at least one label must occur twice, got "
                            + n
                            + " samples with distinct labels");
        }
        if (min == max) {
            return 0.0;
        }
        if (standardize) {
            double std = populationStd(v);
            if (std > 0) {
                for (int i = 0; i < n; i++) {
                    v[i] /= std;
                }
            }
        }
        if (noiseScale > 0) {
            double meanAbs = 0;
            for (double value : v) {
                meanAbs += Math.abs(value);
            }
            double amplitude = noiseScale * Math.max(1.0, meanAbs / n);
            Random random = new Random(seed);
            for (int i = 0; i < n; i++) {
                v[i] += amplitude * random.nextGaussian();
            }
        }
        return compute(v, index, k);
    }

    /**
     * Ross's estimate on {@code x} as given: no scaling, no noise; the functional twin of {@link
     * #estimate(double[], int[], long)}, and exactly scikit-learn's {@code _compute_mi_cd(x,
     * labels, k)}.
     *
     * @param x samples of X, {@code [n]}, finite; not modified
     * @param labels samples of Y, {@code [n]}; at least one label must occur twice
     * @param k number of neighbours, &ge; 1
     * @return the estimate in nats, &ge; 0
     */
    public static double knnMutualInformation(double[] x, int[] labels, int k) {
        checkK(k);
        checkSameLength(x == null ? -1 : x.length, labels);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x[" + i + "] must be finite, got " + x[i]);
            }
        }
        LabelIndex index = LabelIndex.of(labels);
        if (index.numKept == 0) {
            throw new IllegalArgumentException(
                    "at least one label must occur twice, got "
                            + x.length
                            + " samples with distinct labels");
        }
        return compute(x, index, k);
    }

    private static double compute(double[] x, LabelIndex index, int k) {
        int kept = index.numKept;
        double[] grouped = new double[kept];
        for (int j = 0; j < kept; j++) {
            grouped[j] = x[index.order[j]];
        }
        double[] sorted = grouped.clone();
        Arrays.sort(sorted);
        double sumPsiK = 0;
        double sumPsiNx = 0;
        double sumPsiM = 0;
        for (int g = 0; g < index.numGroups(); g++) {
            int from = index.start[g];
            int to = index.start[g + 1];
            Arrays.sort(grouped, from, to);
            int count = to - from;
            int kc = Math.min(k, count - 1);
            sumPsiK += count * Digamma.psi(kc);
            sumPsiNx += count * Digamma.psi(count);
            for (int p = from; p < to; p++) {
                double d = kthNeighbourDistance(grouped, from, to, p, kc);
                // nextafter(d, 0): the k-th neighbour itself falls outside, i itself inside.
                double radius = d > 0 ? Math.nextDown(d) : 0.0;
                sumPsiM += Digamma.psi(countWithin(sorted, grouped[p], radius));
            }
        }
        double mi = Digamma.psi(kept) + (sumPsiK - sumPsiNx - sumPsiM) / kept;
        return Math.max(0.0, mi);
    }

    /** Distance from a[p] to its k-th nearest other element of the sorted run a[from, to). */
    private static double kthNeighbourDistance(double[] a, int from, int to, int p, int k) {
        int left = p - 1;
        int right = p + 1;
        double d = 0;
        for (int step = 0; step < k; step++) {
            double dLeft = left >= from ? a[p] - a[left] : Double.POSITIVE_INFINITY;
            double dRight = right < to ? a[right] - a[p] : Double.POSITIVE_INFINITY;
            if (dLeft <= dRight) {
                d = dLeft;
                left--;
            } else {
                d = dRight;
                right++;
            }
        }
        return d;
    }

    /**
     * Number of elements s[j] of the sorted array with |s[j] − xi| &lt;= r. Both predicates are
     * evaluated as the distance itself is (rounded subtraction is monotone), so the count matches a
     * brute-force scan exactly, boundary cases included.
     */
    private static int countWithin(double[] s, double xi, double r) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) { // first j with xi - s[j] <= r
            int mid = (lo + hi) >>> 1;
            if (xi - s[mid] <= r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int first = lo;
        hi = s.length;
        while (lo < hi) { // first j with s[j] - xi > r
            int mid = (lo + hi) >>> 1;
            if (s[mid] - xi > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo - first;
    }

    /** Standard deviation with divisor n, as NumPy's {@code std} (and sklearn's scale) use. */
    static double populationStd(double[] v) {
        double mean = 0;
        for (double value : v) {
            mean += value;
        }
        mean /= v.length;
        double ss = 0;
        for (double value : v) {
            double d = value - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / v.length);
    }

    static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }

    private static void checkSameLength(int n, int[] labels) {
        if (n < 0) {
            throw new IllegalArgumentException("x must not be null");
        }
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        if (labels.length != n) {
            throw new IllegalArgumentException(
                    "labels must have one entry per sample (" + n + "), got " + labels.length);
        }
    }

    @Override
    public String toString() {
        return "KnnMutualInformation[k="
                + k
                + ", standardize="
                + standardize
                + ", noiseScale="
                + noiseScale
                + "]";
    }

    /** Builder of {@link KnnMutualInformation}; every option has scikit-learn's default. */
    public static final class Builder {

        private int k = DEFAULT_K;
        private boolean standardize = true;
        private double noiseScale = DEFAULT_NOISE_SCALE;

        private Builder() {}

        /**
         * Sets the number of neighbours (default 3); larger k lowers variance and raises bias.
         * Within a class of c samples, min(k, c − 1) is used.
         */
        public Builder optK(int k) {
            checkK(k);
            this.k = k;
            return this;
        }

        /**
         * Sets whether X is divided by its standard deviation first (default true). The kNN
         * estimate is itself scale-invariant; scaling only fixes the size of the tie-breaking noise
         * relative to the data.
         */
        public Builder optStandardize(boolean standardize) {
            this.standardize = standardize;
            return this;
        }

        /** Sets the tie-breaking noise relative to max(1, mean|x|) (default 1e-10; 0 disables). */
        public Builder optNoiseScale(double noiseScale) {
            if (!(noiseScale >= 0) || Double.isInfinite(noiseScale)) {
                throw new IllegalArgumentException(
                        "noiseScale must be finite and >= 0, got " + noiseScale);
            }
            this.noiseScale = noiseScale;
            return this;
        }

        /** Returns the estimator. */
        public KnnMutualInformation build() {
            return new KnnMutualInformation(this);
        }
    }
}
