package io.github.midljava.experiment.suite.claims;

import java.util.List;
import java.util.Map;

/**
 * Everything the claims are judged on, for one dataset; a null component was not measured.
 *
 * @param dataset benchmark CLI name
 * @param denseAccuracy E1 DENSE test accuracy over the E1 seeds
 * @param midlAccuracy E1 MIDL test accuracy over the E1 seeds
 * @param midlPoints MID-L configurations with their cost (the E1 default and the E5 activeRatio
 *     sweep), each with the dense accuracy of the same seeds
 * @param smi E2 SMI of DENSE, DROPOUT and MIDL
 * @param robustness E3 degradations of DENSE and MIDL
 * @param efficiency E4 latency and memory
 */
public record DatasetEvidence(
        String dataset,
        Estimate denseAccuracy,
        Estimate midlAccuracy,
        List<MidlPoint> midlPoints,
        SmiEvidence smi,
        RobustnessEvidence robustness,
        EfficiencyEvidence efficiency) {

    /**
     * One MID-L configuration.
     *
     * @param label e.g. "default (activeRatio 0.45)" or "activeRatio 0.2"
     * @param activeRatio fraction of units on the full path
     * @param accuracy mean test accuracy
     * @param denseAccuracy mean dense test accuracy over the same seeds
     * @param honestSavings dense / honest FLOPs of the MID-L layers
     * @param paperStyleSavings dense / paper-style FLOPs of the MID-L layers
     * @param modelHonestSavings dense / honest FLOPs of the whole model
     */
    public record MidlPoint(
            String label,
            double activeRatio,
            double accuracy,
            double denseAccuracy,
            double honestSavings,
            double paperStyleSavings,
            double modelHonestSavings) {}

    /**
     * SMI of the second hidden layer; spreads are standard errors.
     *
     * @param dense DENSE
     * @param dropout DROPOUT, or null if not run
     * @param midl MIDL
     */
    public record SmiEvidence(Estimate dense, Estimate dropout, Estimate midl) {}

    /**
     * Accuracy lost by DENSE and MIDL under a stress (lower is more robust); null if not measured.
     *
     * @param labelNoise test accuracy at 0% minus at the highest label-noise level
     * @param inputNoise test accuracy at the smallest minus at the largest input sigma
     * @param overfitting train minus test accuracy on the small training fraction
     */
    public record RobustnessEvidence(
            Degradation labelNoise, Degradation inputNoise, Degradation overfitting) {}

    /**
     * One degradation, as a fraction of accuracy.
     *
     * @param condition what was varied, e.g. "label noise 0% → 40%"
     * @param dense DENSE's loss
     * @param midl MIDL's loss
     */
    public record Degradation(String condition, double dense, double midl) {}

    /**
     * E4 numbers.
     *
     * @param denseLatency dense latency (µs) by batch size
     * @param midlLatency MID-L latency (µs) by batch size, per measured compute mode
     * @param denseArrayBytes bytes of the arrays one dense call creates at the largest batch size,
     *     or null
     * @param midlArrayBytes the same for MID-L, per measured mode that can tell
     * @param unmeasured notes of the MID-L compute modes not measured (e.g. the sparse path)
     */
    public record EfficiencyEvidence(
            Map<Integer, Double> denseLatency,
            Map<String, Map<Integer, Double>> midlLatency,
            Long denseArrayBytes,
            Map<String, Long> midlArrayBytes,
            List<String> unmeasured) {}
}
