package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.evaluate.SlicedMutualInformation;

/**
 * The SMI of one method's E1 representation with the label on one dataset, over seeds, with the
 * estimator's floor on the same representation.
 *
 * @param smi SMI (nats) by seed
 * @param floor SMI (nats) of the same representation against shuffled labels, by seed; empty for
 *     runs analysed before the floor was measured
 * @param monteCarloSe mean over seeds of each estimate's Monte-Carlo standard error (nats)
 * @param errorBar the error bar shown (nats): the standard error over seeds if there are at least
 *     two, else the Monte-Carlo standard error
 * @param first one estimate, for its settings (directions, samples, dim, k)
 */
public record SmiFigure(
        PerSeed smi,
        PerSeed floor,
        double monteCarloSe,
        double errorBar,
        SlicedMutualInformation.Result first) {}
