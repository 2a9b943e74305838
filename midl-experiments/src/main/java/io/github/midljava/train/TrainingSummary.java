package io.github.midljava.train;

import java.util.List;

/**
 * What a training run measured.
 *
 * @param epochLosses mean training loss of each epoch
 * @param secondsPerEpoch mean wall-clock seconds of an epoch (training steps only)
 * @param samplesPerSecond training throughput over all epochs
 */
public record TrainingSummary(
        List<Double> epochLosses, double secondsPerEpoch, double samplesPerSecond) {}
