package io.github.midljava.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One split of a dataset held in memory: features as one row-major float array and one integer
 * label per sample.
 *
 * <p>Shapes: {@code features: [size, sampleShape...]} (for images {@code [size, C, H, W]}, for
 * tabular and text data {@code [size, dims]}), {@code labels: [size]} with values in {@code [0,
 * numClasses)}.
 *
 * @param features the samples, row-major, {@code size * prod(sampleShape)} values
 * @param labels the class index of each sample
 * @param sampleShape the shape of one sample, e.g. {@code {1, 28, 28}} or {@code {108}}
 * @param numClasses the number of classes of the labels
 */
public record DataSplit(float[] features, int[] labels, long[] sampleShape, int numClasses) {

    /** Validates that features, labels and shape agree. */
    public DataSplit {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(sampleShape, "sampleShape");
        long per = 1;
        for (long s : sampleShape) {
            if (s < 1) {
                throw new IllegalArgumentException(
                        "sampleShape entries must be >= 1, got " + Arrays.toString(sampleShape));
            }
            per *= s;
        }
        if ((long) labels.length * per != features.length) {
            throw new IllegalArgumentException(
                    "features length "
                            + features.length
                            + " != labels "
                            + labels.length
                            + " x sample size "
                            + per);
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
        }
    }

    /** Returns the number of samples. */
    public int size() {
        return labels.length;
    }

    /** Returns the number of floats in one sample, the product of {@link #sampleShape()}. */
    public int featureLength() {
        return size() == 0
                ? (int) Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b)
                : features.length / size();
    }

    /** Returns a new split holding the samples at {@code indices}, in that order. */
    public DataSplit select(int[] indices) {
        int len = featureLength();
        float[] f = new float[indices.length * len];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * len, f, i * len, len);
            l[i] = labels[indices[i]];
        }
        return new DataSplit(f, l, sampleShape.clone(), numClasses);
    }

    /** Returns a copy of this split with the given labels (same length), e.g. after label noise. */
    public DataSplit withLabels(int[] newLabels) {
        return new DataSplit(features, newLabels, sampleShape, numClasses);
    }
}
