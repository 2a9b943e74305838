package io.github.midljava.evaluate;

import java.util.Arrays;

/**
 * Discrete labels grouped by class once, so that many continuous variables (directions, units) can
 * be scored against the same labels without regrouping.
 *
 * <p>Samples are laid out class by class in {@link #order}: class {@code c} owns positions {@code
 * [start[c], start[c + 1])}. Only samples whose label occurs at least twice are kept, as in
 * scikit-learn's {@code _compute_mi_cd}: a sample alone in its class has no same-class neighbour.
 */
final class LabelIndex {

    /** Number of samples given. */
    final int numSamples;

    /** Number of samples kept (label count &ge; 2). */
    final int numKept;

    /** Kept sample indices, grouped by class, each group in ascending sample order. */
    final int[] order;

    /** Group boundaries in {@link #order}: {@code numGroups + 1} entries. */
    final int[] start;

    private LabelIndex(int numSamples, int[] order, int[] start) {
        this.numSamples = numSamples;
        this.numKept = order.length;
        this.order = order;
        this.start = start;
    }

    int numGroups() {
        return start.length - 1;
    }

    static LabelIndex of(int[] labels) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        int n = labels.length;
        int[] distinct = labels.clone();
        Arrays.sort(distinct);
        int numClasses = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[numClasses++] = distinct[i];
            }
        }
        distinct = Arrays.copyOf(distinct, numClasses);
        int[] classOf = new int[n];
        int[] count = new int[numClasses];
        for (int i = 0; i < n; i++) {
            classOf[i] = Arrays.binarySearch(distinct, labels[i]);
            count[classOf[i]]++;
        }
        // Classes with a single sample are dropped entirely; the rest become consecutive groups.
        int[] groupOf = new int[numClasses];
        int numGroups = 0;
        int numKept = 0;
        for (int c = 0; c < numClasses; c++) {
            if (count[c] > 1) {
                groupOf[c] = numGroups++;
                numKept += count[c];
            } else {
                groupOf[c] = -1;
            }
        }
        int[] start = new int[numGroups + 1];
        for (int c = 0; c < numClasses; c++) {
            if (groupOf[c] >= 0) {
                start[groupOf[c] + 1] = count[c];
            }
        }
        for (int g = 0; g < numGroups; g++) {
            start[g + 1] += start[g];
        }
        int[] next = Arrays.copyOf(start, numGroups);
        int[] order = new int[numKept];
        for (int i = 0; i < n; i++) {
            int g = groupOf[classOf[i]];
            if (g >= 0) {
                order[next[g]++] = i;
            }
        }
        return new LabelIndex(n, order, start);
    }
}
