package io.github.midljava.experiment.suite;

import java.util.Arrays;

/**
 * How often each unit of one MID-L layer was selected (on the full path) over a set of samples: the
 * active-neuron histogram of E2.
 *
 * @param layer 1-based index of the MID-L layer in forward order
 * @param units n
 * @param k units selected per sample
 * @param samples samples seen
 * @param counts per unit, in how many samples it was selected, {@code [units]}
 */
public record LayerSelection(int layer, long units, int k, int samples, long[] counts) {

    /** Returns the selection frequency of each unit, counts / samples, {@code [units]}. */
    public double[] frequencies() {
        double[] f = new double[counts.length];
        for (int j = 0; j < f.length; j++) {
            f[j] = samples == 0 ? 0 : (double) counts[j] / samples;
        }
        return f;
    }

    /** Returns how many units were never selected. */
    public int neverSelected() {
        return (int) Arrays.stream(counts).filter(c -> c == 0).count();
    }

    /** Returns how many units were selected for every sample. */
    public int alwaysSelected() {
        return (int) Arrays.stream(counts).filter(c -> c == samples).count();
    }
}
