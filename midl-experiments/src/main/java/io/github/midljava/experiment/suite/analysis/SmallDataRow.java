package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.data.DatasetId;
import io.github.midljava.model.Method;

/**
 * One method trained on the full and on a small fraction of the training split (E3, ablation
 * seeds). Accuracies and gaps are fractions; gap = train accuracy − test accuracy.
 *
 * @param dataset the dataset
 * @param method the method
 * @param trainFull train accuracy, full split
 * @param testFull test accuracy, full split
 * @param gapFull train-test gap by seed, full split
 * @param trainSmall train accuracy, small fraction
 * @param testSmall test accuracy, small fraction
 * @param gapSmall train-test gap by seed, small fraction
 */
public record SmallDataRow(
        DatasetId dataset,
        Method method,
        Stat trainFull,
        Stat testFull,
        PerSeed gapFull,
        Stat trainSmall,
        Stat testSmall,
        PerSeed gapSmall) {}
