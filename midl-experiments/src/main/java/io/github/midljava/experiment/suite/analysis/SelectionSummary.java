package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.suite.LayerSelection;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;

/**
 * How often the units of one MID-L layer were selected over the test split, in the E1 MIDL runs of
 * every seed (E2's active-neuron histogram).
 *
 * @param dataset the dataset
 * @param layer 1-based index of the MID-L layer
 * @param units n
 * @param k units selected per sample
 * @param samples test samples seen per run
 * @param bySeed each seed's selection counts
 * @param neverSelected units never selected, over seeds
 * @param alwaysSelected units selected for every sample, over seeds
 * @param frequencies selection frequency (fraction of samples) of the units of all seeds
 */
public record SelectionSummary(
        DatasetId dataset,
        int layer,
        long units,
        int k,
        int samples,
        SortedMap<Long, LayerSelection> bySeed,
        Stat neverSelected,
        Stat alwaysSelected,
        double[] frequencies) {

    /** Summarises one layer's selections of several seeds (at least one). */
    static SelectionSummary of(DatasetId dataset, SortedMap<Long, LayerSelection> bySeed) {
        List<LayerSelection> layers = List.copyOf(bySeed.values());
        LayerSelection first = layers.get(0);
        return new SelectionSummary(
                dataset,
                first.layer(),
                first.units(),
                first.k(),
                first.samples(),
                bySeed,
                Stat.of(layers.stream().mapToDouble(LayerSelection::neverSelected).toArray()),
                Stat.of(layers.stream().mapToDouble(LayerSelection::alwaysSelected).toArray()),
                layers.stream().flatMapToDouble(s -> Arrays.stream(s.frequencies())).toArray());
    }

    /** Returns the q-quantile of the pooled frequencies (linear interpolation). */
    public double frequencyQuantile(double q) {
        return InformationResults.quantile(frequencies, q);
    }
}
