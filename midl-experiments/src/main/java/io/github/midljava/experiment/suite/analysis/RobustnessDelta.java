package io.github.midljava.experiment.suite.analysis;

import java.util.List;

/**
 * How much accuracy DENSE and MIDL lose under one E3 condition, seed by seed, and the paired
 * difference dense loss − MID-L loss (positive: MID-L is more robust).
 *
 * @param condition what was varied, e.g. "label noise 0% → 40% drop"
 * @param seeds the seeds the losses were measured on (E1 or ablation seeds)
 * @param denseLoss DENSE's loss (fraction of accuracy, or train-test gap) by seed
 * @param midlLoss MIDL's loss by seed
 */
public record RobustnessDelta(
        String condition, List<Long> seeds, PerSeed denseLoss, PerSeed midlLoss) {

    /** Returns dense loss − MID-L loss over the seeds both have, with its 95% interval. */
    public PairedDifference advantage() {
        return PairedDifference.of(denseLoss, midlLoss);
    }
}
