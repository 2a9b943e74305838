package io.github.midljava.experiment;

import io.github.midljava.flops.Flops;
import java.util.List;
import java.util.Map;

/**
 * The content of one run's {@code result.json}. Every number in it was measured by that run.
 *
 * @param dataset benchmark CLI name, e.g. {@code mnist}
 * @param method method CLI name, e.g. {@code midl}
 * @param seed the run's seed
 * @param preset preset CLI name
 * @param epochs epochs trained
 * @param testAccuracy accuracy on the whole test split present, in [0, 1]
 * @param trainAccuracy accuracy on the (possibly noisy, possibly reduced) training split
 * @param activeRatio fraction of units on the full path in the MID-L layers at evaluation; 1.0 for
 *     dense and dropout
 * @param flops per sample, whole model (convolutions included)
 * @param midlLayerFlops per sample, the MID-L layers only (for DENSE/DROPOUT: the same hidden
 *     layers as plain Linear layers, so all three numbers are equal)
 * @param honestSavings dense / honest FLOPs of the MID-L layers
 * @param paperStyleSavings dense / paper-style FLOPs of the MID-L layers
 * @param params number of scalar parameters
 * @param trainSecondsPerEpoch mean wall-clock seconds per epoch (training steps only)
 * @param trainSamplesPerSecond training throughput
 * @param epochLosses mean training loss per epoch
 * @param labelNoise fraction of training labels flipped
 * @param trainFraction fraction of the training split used
 * @param noisyTestAccuracy test accuracy with Gaussian input noise, keyed by sigma
 * @param latencyMicros median inference latency per call keyed by batch size (null if not measured)
 * @param peakMemoryBytes peak resident memory of the process after the run (null if not measured)
 * @param model architecture description
 * @param hiddenLayer description of the hidden layer configuration
 * @param provenance where the numbers came from
 * @param epochCurves per-epoch training curves and gate statistics, or null when the run did not
 *     record them ({@code midl train --curves})
 */
public record RunResult(
        String dataset,
        String method,
        long seed,
        String preset,
        int epochs,
        double testAccuracy,
        double trainAccuracy,
        double activeRatio,
        Flops flops,
        Flops midlLayerFlops,
        double honestSavings,
        double paperStyleSavings,
        long params,
        double trainSecondsPerEpoch,
        double trainSamplesPerSecond,
        List<Double> epochLosses,
        double labelNoise,
        double trainFraction,
        Map<String, Double> noisyTestAccuracy,
        Map<String, Double> latencyMicros,
        Long peakMemoryBytes,
        String model,
        String hiddenLayer,
        Provenance provenance,
        List<EpochCurve> epochCurves) {}
