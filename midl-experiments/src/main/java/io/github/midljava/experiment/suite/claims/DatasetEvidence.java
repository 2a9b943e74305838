package io.github.midljava.experiment.suite.claims;

import io.github.midljava.experiment.suite.analysis.PairedDifference;
import io.github.midljava.experiment.suite.analysis.PerSeed;
import io.github.midljava.experiment.suite.analysis.RobustnessDelta;
import io.github.midljava.experiment.suite.analysis.SmiFigure;
import java.util.List;
import java.util.Map;

/**
 * Everything the claims are judged on, for one dataset; a null component was not measured.
 *
 * @param dataset benchmark CLI name
 * @param midl the E1 default MID-L configuration against DENSE, per seed
 * @param sweep the E5 activeRatio sweep (other ratios, ablation seeds): shown beside the verdict,
 *     never deciding it; empty if not run
 * @param smi E2 SMI of DENSE, DROPOUT and MIDL with the estimator's floor
 * @param robustness E3 losses of DENSE and MIDL, per seed
 * @param efficiency E4 latency and memory
 */
public record DatasetEvidence(
        String dataset,
        DefaultPoint midl,
        List<SweepPoint> sweep,
        SmiEvidence smi,
        List<RobustnessDelta> robustness,
        EfficiencyEvidence efficiency) {

    /**
     * The default MID-L configuration of E1 and the dense model of the same seeds.
     *
     * @param activeRatio fraction of units on the full path
     * @param honestSavings dense / honest FLOPs of the MID-L layers (×)
     * @param paperStyleSavings dense / paper-style FLOPs of the MID-L layers (×)
     * @param modelHonestSavings dense / honest FLOPs of the whole model (×)
     * @param midlAccuracy MIDL test accuracy (fraction) by seed
     * @param denseAccuracy DENSE test accuracy (fraction) by seed
     */
    public record DefaultPoint(
            double activeRatio,
            double honestSavings,
            double paperStyleSavings,
            double modelHonestSavings,
            PerSeed midlAccuracy,
            PerSeed denseAccuracy) {

        /** Returns MID-L − dense accuracy paired by seed, with its 95% interval. */
        public PairedDifference accuracyDifference() {
            return PairedDifference.of(midlAccuracy, denseAccuracy);
        }
    }

    /**
     * One point of the E5 activeRatio sweep.
     *
     * @param activeRatio the configured ratio
     * @param seeds number of seeds behind the point
     * @param accuracy mean test accuracy (fraction)
     * @param denseAccuracy mean dense test accuracy over the same seeds
     * @param honestSavings dense / honest FLOPs of the MID-L layers (×)
     * @param paperStyleSavings dense / paper-style FLOPs of the MID-L layers (×)
     */
    public record SweepPoint(
            double activeRatio,
            int seeds,
            double accuracy,
            double denseAccuracy,
            double honestSavings,
            double paperStyleSavings) {}

    /**
     * SMI (nats) of the second hidden layer by seed, with the floor of each.
     *
     * @param dense DENSE
     * @param dropout DROPOUT, or null if not run
     * @param midl MIDL
     */
    public record SmiEvidence(SmiFigure dense, SmiFigure dropout, SmiFigure midl) {}

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
