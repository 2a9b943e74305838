package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.data.DatasetId;
import io.github.midljava.model.Method;

/**
 * E2's numbers of one method on one dataset.
 *
 * @param dataset the dataset
 * @param method the method
 * @param smi its SMI with the label and the estimator's floor
 * @param neuronMiMean mean over seeds of the per-neuron MI averaged over units (nats)
 * @param neuronMiMedian median per-neuron MI over the units of all seeds (nats)
 * @param informativeFraction fraction of the units of all seeds above the threshold
 * @param neuronMi per-neuron MI (nats) of the units of all seeds, for the histogram
 */
public record InformationRow(
        DatasetId dataset,
        Method method,
        SmiFigure smi,
        double neuronMiMean,
        double neuronMiMedian,
        double informativeFraction,
        double[] neuronMi) {}
