package io.github.midljava.experiment.suite;

import io.github.midljava.evaluate.PerNeuronMutualInformation;
import io.github.midljava.evaluate.SlicedMutualInformation;
import java.util.List;

/**
 * The E2 measures of one trained model, stored as {@code analysis.json} beside its {@code
 * result.json}.
 *
 * @param representation which activations were measured, e.g. "hidden layer 2 after ReLU"
 * @param settings how they were estimated
 * @param smi sliced mutual information between the representation and the label (nats), with its
 *     Monte-Carlo spread over directions, samples, dimension and k
 * @param smiFloor the SMI estimator's floor on the same representation: the same estimate against a
 *     seeded random permutation of the labels (true value 0); null in runs analysed before it was
 *     measured
 * @param neurons per-unit mutual information with the label (nats) and its summary
 * @param selection for every MID-L layer, how often each unit was on the full path over the test
 *     split; empty for models without MID-L layers
 */
public record RunAnalysis(
        String representation,
        AnalysisSettings settings,
        SlicedMutualInformation.Result smi,
        SlicedMutualInformation.Result smiFloor,
        PerNeuronMutualInformation.Result neurons,
        List<LayerSelection> selection) {}
