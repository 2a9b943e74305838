package io.github.midljava.evaluate;

import java.util.Random;

/**
 * Symmetric label noise for experiment E3: a fixed fraction of labels, chosen uniformly without
 * replacement, each replaced by a uniformly random <em>different</em> class.
 *
 * <p>Exactly round(fraction × n) labels change, not a binomial number of them, so "20% noise" means
 * 20% on every seed. This is the "symmetric" noise of the noisy-label literature in its
 * always-wrong variant (a flipped label never lands back on its own class); our reading, since the
 * MID-L paper does not say which variant it used.
 */
public final class LabelNoise {

    private LabelNoise() {}

    /**
     * Returns a copy of {@code labels} with round(fraction × n) labels flipped.
     *
     * @param labels labels in {@code [0, numClasses)}, {@code [n]}; not modified
     * @param numClasses number of classes, &ge; 2
     * @param fraction fraction of labels to flip, in [0, 1]
     * @param seed seed choosing which labels flip and to what
     * @return the noisy labels, a new array
     */
    public static int[] flipSymmetric(int[] labels, int numClasses, double fraction, long seed) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be >= 2, got " + numClasses);
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(
                        "labels[" + i + "] must be in [0, " + numClasses + "), got " + labels[i]);
            }
        }
        int n = labels.length;
        int flips = flipCount(n, fraction);
        int[] noisy = labels.clone();
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        Random random = new Random(seed);
        for (int i = 0; i < flips; i++) {
            // Partial Fisher-Yates: indices[0..i] is a uniform sample without replacement.
            int j = i + random.nextInt(n - i);
            int chosen = indices[j];
            indices[j] = indices[i];
            indices[i] = chosen;
            // Uniform over the numClasses - 1 other classes: skip over the original one.
            int other = random.nextInt(numClasses - 1);
            noisy[chosen] = other >= labels[chosen] ? other + 1 : other;
        }
        return noisy;
    }

    /** Returns the number of labels {@link #flipSymmetric} changes: round(fraction × n). */
    public static int flipCount(int n, double fraction) {
        return (int) Math.round(fraction * n);
    }
}
