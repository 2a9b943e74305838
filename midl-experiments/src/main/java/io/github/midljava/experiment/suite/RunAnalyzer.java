package io.github.midljava.experiment.suite;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.github.midljava.data.DataSplit;
import io.github.midljava.evaluate.PerNeuronMutualInformation;
import io.github.midljava.evaluate.SlicedMutualInformation;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Computes the E2 measures of a trained model: SMI (with the estimator's floor on the same
 * activations against shuffled labels) and per-neuron MI of the second hidden layer's activations
 * (after ReLU) on a fixed random subset of the test split, and the MID-L selection frequencies over
 * the whole test split.
 *
 * <p>Our reading; the paper does not say which layer it measures: the second hidden layer is the
 * last representation before the classifier in every model of {@code ModelFactory}.
 */
public final class RunAnalyzer {

    /** The hidden layer whose activations are measured (1-based). */
    public static final int LAYER = 2;

    private final AnalysisSettings settings;

    /** Creates an analyser with these settings. */
    public RunAnalyzer(AnalysisSettings settings) {
        this.settings = settings;
    }

    /** Measures a trained model on the clean test split. */
    public RunAnalysis analyse(SequentialBlock block, NDManager manager, DataSplit test) {
        DataSplit subset =
                test.select(subsetIndices(test.size(), settings.samples(), settings.seed()));
        HiddenLayerProbe.Activations h =
                HiddenLayerProbe.activations(block, manager, subset, LAYER);
        SlicedMutualInformation smiEstimator =
                SlicedMutualInformation.builder()
                        .optNumDirections(settings.directions())
                        .optK(settings.neighbours())
                        .optSeed(settings.seed())
                        .build();
        SlicedMutualInformation.Result smi =
                smiEstimator.estimate(h.values(), h.units(), subset.labels());
        SlicedMutualInformation.Result floor =
                smiEstimator.estimateShuffledFloor(h.values(), h.units(), subset.labels());
        PerNeuronMutualInformation.Result neurons =
                PerNeuronMutualInformation.builder()
                        .optK(settings.neighbours())
                        .optThreshold(settings.threshold())
                        .optSeed(settings.seed())
                        .build()
                        .estimate(h.values(), h.units(), subset.labels());
        List<LayerSelection> selection = HiddenLayerProbe.selection(block, manager, test);
        return new RunAnalysis(
                "hidden layer " + LAYER + " after ReLU", settings, smi, floor, neurons, selection);
    }

    /**
     * Returns {@code min(n, size)} distinct indices of {@code [0, size)} drawn with {@code seed},
     * sorted: the same subset for every method and training seed.
     */
    static int[] subsetIndices(int size, int n, long seed) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        int take = Math.min(n, size);
        for (int i = 0; i < take; i++) { // partial Fisher-Yates: the first `take` are uniform
            int j = i + random.nextInt(size - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] out = Arrays.copyOf(order, take);
        Arrays.sort(out);
        return out;
    }
}
