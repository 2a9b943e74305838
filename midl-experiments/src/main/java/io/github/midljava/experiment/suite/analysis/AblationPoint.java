package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.suite.Variant;
import io.github.midljava.flops.Flops;

/**
 * One E5 configuration of MID-L on one dataset, over the ablation seeds; FLOPs are those of the
 * first stored run (they do not depend on the seed).
 *
 * @param dataset the dataset
 * @param group the option varied, e.g. "activeRatio"
 * @param setting its value as shown, e.g. "0.30"
 * @param variant the variant trained
 * @param testAccuracy test accuracy (fraction) by seed
 * @param activeRatio measured fraction of units on the full path
 * @param flops FLOPs per sample of the whole model
 * @param honestSavings dense-equivalent / honest FLOPs of the MID-L layers (×)
 * @param paperStyleSavings dense-equivalent / paper-style FLOPs of the MID-L layers (×)
 * @param modelHonestSavings dense-equivalent / honest FLOPs of the whole model (×)
 * @param trainSecondsPerEpoch wall seconds per epoch over seeds
 */
public record AblationPoint(
        DatasetId dataset,
        String group,
        String setting,
        Variant variant,
        PerSeed testAccuracy,
        double activeRatio,
        Flops flops,
        double honestSavings,
        double paperStyleSavings,
        double modelHonestSavings,
        Stat trainSecondsPerEpoch) {}
