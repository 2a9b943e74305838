package io.github.midljava.experiment;

import io.github.midljava.evaluate.GateStats;
import java.util.List;

/**
 * What one epoch of a run looked like, measured right after the epoch in inference mode: the
 * training curves and, for MID-L models, how each MID-L layer's gate behaved on a fixed probe set.
 *
 * @param epoch 1-based epoch
 * @param loss mean training loss of the epoch (with augmentation, in training mode)
 * @param trainAccuracy accuracy on a fixed subset of the training split (no augmentation)
 * @param testAccuracy accuracy on a fixed subset of the test split (the gate probe; the whole split
 *     when the probe is at least as large)
 * @param activeRatio k / n of the MID-L layers during this epoch (1 for models without MID-L)
 * @param gates one entry per MID-L layer in forward order, on the fixed probe subset of the test
 *     split; the churn is against the previous epoch's masks (NaN in the first epoch)
 */
public record EpochCurve(
        int epoch,
        double loss,
        double trainAccuracy,
        double testAccuracy,
        double activeRatio,
        List<GateStats> gates) {}
