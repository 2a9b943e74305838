package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.data.DatasetId;
import io.github.midljava.flops.Flops;
import io.github.midljava.model.Method;

/**
 * One method on one dataset in E1, over the E1 seeds. FLOPs and parameters do not depend on the
 * seed; they are those of the first stored run.
 *
 * @param dataset the dataset
 * @param method the method
 * @param model the model's description, e.g. "MLP 784-512-512-10"
 * @param hiddenLayer the hidden layers' description (MID-L configuration for MIDL)
 * @param epochs training epochs of a run
 * @param preset the training preset's name
 * @param testAccuracy test accuracy (fraction in [0, 1]) by seed
 * @param trainAccuracy train accuracy (fraction) over seeds
 * @param activeRatio measured fraction of units on the full path, 1 for dense layers
 * @param flops FLOPs per sample of the whole model (dense-equivalent, honest, paper-style)
 * @param midlLayerFlops the same for the MID-L layers alone
 * @param honestSavings dense-equivalent / honest FLOPs of the MID-L layers (×)
 * @param paperStyleSavings dense-equivalent / paper-style FLOPs of the MID-L layers (×)
 * @param modelHonestSavings dense-equivalent / honest FLOPs of the whole model (×)
 * @param params trainable parameters
 * @param trainSecondsPerEpoch wall seconds per training epoch over seeds
 * @param latencyBatch1Micros one inference call at batch 1 (µs) over seeds
 * @param latencyBatch256Micros one inference call at batch 256 (µs) over seeds
 * @param peakMemoryBytes peak resident size during the latency probe (bytes) over seeds
 */
public record MainTableRow(
        DatasetId dataset,
        Method method,
        String model,
        String hiddenLayer,
        int epochs,
        String preset,
        PerSeed testAccuracy,
        Stat trainAccuracy,
        double activeRatio,
        Flops flops,
        Flops midlLayerFlops,
        double honestSavings,
        double paperStyleSavings,
        double modelHonestSavings,
        long params,
        Stat trainSecondsPerEpoch,
        Stat latencyBatch1Micros,
        Stat latencyBatch256Micros,
        Stat peakMemoryBytes) {}
