package io.github.midljava.experiment.suite.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.midljava.experiment.suite.analysis.PerSeed;
import io.github.midljava.experiment.suite.analysis.RobustnessDelta;
import io.github.midljava.experiment.suite.analysis.SmiFigure;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.DefaultPoint;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.EfficiencyEvidence;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.SmiEvidence;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.SweepPoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Verdicts on hand-made evidence; margin 0.5 percentage points throughout. With three seed pairs
 * the 95% interval is mean ± 4.302653 · std / √3 = mean ± 2.484138 · std, so differences {d − s, d,
 * d + s} (std s) give the interval d ± 2.484138 s.
 */
class ClaimsEvaluatorTest {

    private static final double MARGIN = 0.005;
    private static final String CONFIG = "MID-L default vs DENSE, preset quick";
    private final ClaimsEvaluator evaluator = new ClaimsEvaluator(MARGIN, CONFIG);

    private static DatasetEvidence evidence(String name) {
        return new DatasetEvidence(name, null, null, null, null, null);
    }

    /** Dense at 0.80 on every seed; MID-L at 0.80 + the given differences. */
    private static DefaultPoint point(double ratio, double honest, double paper, double... diffs) {
        double[] dense = new double[diffs.length];
        double[] midl = new double[diffs.length];
        for (int i = 0; i < diffs.length; i++) {
            dense[i] = 0.80;
            midl[i] = 0.80 + diffs[i];
        }
        return new DefaultPoint(
                ratio, honest, paper, honest, PerSeed.ofSeeds(midl), PerSeed.ofSeeds(dense));
    }

    private static DatasetEvidence withDefault(String name, DefaultPoint p, SweepPoint... sweep) {
        return new DatasetEvidence(name, p, List.of(sweep), null, null, null);
    }

    private static SmiFigure smi(double... perSeed) {
        return new SmiFigure(
                PerSeed.ofSeeds(perSeed), PerSeed.ofSeeds(0.003, 0.004, 0.005), 0.001, 0.001, null);
    }

    private static DatasetEvidence withSmi(SmiFigure dense, SmiFigure dropout, SmiFigure midl) {
        return new DatasetEvidence(
                "mnist", null, null, new SmiEvidence(dense, dropout, midl), null, null);
    }

    /** Dense loses 0.10 on each seed; MID-L loses 0.10 minus the given advantages. */
    private static RobustnessDelta delta(String condition, double... advantage) {
        double[] dense = new double[advantage.length];
        double[] midl = new double[advantage.length];
        for (int i = 0; i < advantage.length; i++) {
            dense[i] = 0.10;
            midl[i] = 0.10 - advantage[i];
        }
        return new RobustnessDelta(
                condition, List.of(1L, 2L, 3L), PerSeed.ofSeeds(dense), PerSeed.ofSeeds(midl));
    }

    private static DatasetEvidence withRobustness(RobustnessDelta... deltas) {
        return new DatasetEvidence("mnist", null, null, null, List.of(deltas), null);
    }

    private static DatasetEvidence withEfficiency(
            Map<Integer, Double> dense,
            Map<Integer, Double> midl,
            long denseBytes,
            long midlBytes) {
        EfficiencyEvidence e =
                new EfficiencyEvidence(
                        dense,
                        Map.of("MID-L, dense compute (DJL)", midl),
                        denseBytes,
                        Map.of("MID-L, dense compute (DJL)", midlBytes),
                        List.of("sparse path: not measured (missing)"));
        return new DatasetEvidence("mnist", null, null, null, null, e);
    }

    @Test
    void givenNoEvidence_whenEvaluate_thenEveryClaimNotMeasured() {
        // When
        List<ClaimRow> rows = evaluator.evaluate(List.of(evidence("mnist"), evidence("adult")));

        // Then
        assertThat(rows)
                .hasSize(6)
                .allSatisfy(
                        r -> {
                            assertThat(r.verdict()).isEqualTo(Verdict.NOT_MEASURED);
                            assertThat(r.ours()).isEqualTo("not measured");
                        });
    }

    @Test
    void givenLowerBoundJustAboveMinusMargin_whenAccuracy_thenSupported() {
        // Given: mean −0.2 pp, std 0.1 pp: lower end −0.2 − 0.2484 = −0.4484 pp > −0.5 pp
        DatasetEvidence e = withDefault("mnist", point(0.45, 1.8, 2.2, -0.003, -0.002, -0.001));

        // When
        ClaimRow row = evaluator.accuracy(List.of(e));

        // Then
        assertThat(row.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(row.ours()).contains("Δ −0.20 pp, 95% CI [−0.45, +0.05] pp, 3 pairs");
        assertThat(row.scope())
                .contains("datasets mnist")
                .contains("seeds 1-3")
                .contains("configuration: " + CONFIG);
    }

    @Test
    void givenMeanWithinMarginButLowerBoundBelowIt_whenAccuracy_thenNotSupported() {
        // Given: mean −0.3 pp (within the margin) but lower end −0.3 − 0.2484 = −0.5484 pp
        DatasetEvidence e = withDefault("mnist", point(0.45, 1.8, 2.2, -0.004, -0.003, -0.002));

        // When / Then: the interval decides, not the mean
        assertThat(evaluator.accuracy(List.of(e)).verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
    }

    @Test
    void givenTwoSeedPairs_whenAccuracy_thenNotEnoughSeeds() {
        // Given: a clear +1 pp on two seeds only
        DatasetEvidence e = withDefault("mnist", point(0.45, 1.8, 2.2, 0.01, 0.01));

        // When
        ClaimRow row = evaluator.accuracy(List.of(e));

        // Then
        assertThat(row.verdict()).isEqualTo(Verdict.NOT_ENOUGH_SEEDS);
        assertThat(row.ours()).contains("2 pairs: not enough seeds for an interval");
    }

    @Test
    void givenOneDatasetWithTooFewSeeds_whenAccuracy_thenNotEnoughSeedsForTheClaim() {
        ClaimRow row =
                evaluator.accuracy(
                        List.of(
                                withDefault("mnist", point(0.45, 1.8, 2.2, 0.0, 0.001, 0.002)),
                                withDefault("adult", point(0.45, 1.3, 2.2, 0.0))));
        assertThat(row.verdict()).isEqualTo(Verdict.NOT_ENOUGH_SEEDS);
    }

    @Test
    void givenOneDatasetKeptOneNot_whenAccuracy_thenPartly() {
        ClaimRow row =
                evaluator.accuracy(
                        List.of(
                                withDefault("mnist", point(0.45, 1.8, 2.2, 0.0, 0.001, 0.002)),
                                withDefault("adult", point(0.45, 1.3, 2.2, -0.02, -0.01, 0.0))));
        assertThat(row.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(row.scope()).contains("datasets mnist, adult");
    }

    @Test
    void givenDefaultRatioWithAccuracyKept_whenActiveNeurons_thenSupported() {
        DatasetEvidence e = withDefault("mnist", point(0.45, 1.8, 2.2, -0.001, 0.0, 0.001));
        ClaimRow row = evaluator.activeNeurons(List.of(e));
        assertThat(row.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(row.ours()).contains("55% fewer");
        assertThat(row.sweep()).isEqualTo("—");
    }

    @Test
    void givenSweepPointWithMoreSavings_whenActiveNeurons_thenShownButNotDeciding() {
        // Given: the default loses accuracy; a one-seed sweep point at ratio 0.8 keeps it
        DatasetEvidence e =
                withDefault(
                        "mnist",
                        point(0.45, 1.8, 2.2, -0.03, -0.02, -0.01),
                        new SweepPoint(0.8, 1, 0.801, 0.80, 1.1, 1.25));

        // When
        ClaimRow row = evaluator.activeNeurons(List.of(e));

        // Then: the verdict is the default's
        assertThat(row.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(row.sweep()).contains("activeRatio 0.80 (1 seed): 20% fewer");
    }

    @Test
    void givenSmallerReductionWithAccuracyKept_whenActiveNeurons_thenPartly() {
        DatasetEvidence e = withDefault("mnist", point(0.8, 1.1, 1.25, 0.0, 0.001, 0.002));
        assertThat(evaluator.activeNeurons(List.of(e)).verdict()).isEqualTo(Verdict.PARTLY);
    }

    @Test
    void givenHonestSavingsAbove17_whenFlops_thenSupported() {
        DatasetEvidence e = withDefault("mnist", point(0.45, 1.85, 2.2, 0.0, 0.001, 0.002));
        assertThat(evaluator.flops(List.of(e)).verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void givenOnlyPaperStyleSavingsAbove17_whenFlops_thenPartly() {
        // Given: the adult case, a small input layer makes the gate and light path expensive
        DatasetEvidence e = withDefault("adult", point(0.45, 1.31, 2.23, 0.0, 0.001, 0.002));

        // When
        ClaimRow row = evaluator.flops(List.of(e));

        // Then
        assertThat(row.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(row.ours()).contains("1.31x honest").contains("2.23x paper-style");
    }

    @Test
    void givenSavingsButAccuracyLost_whenFlops_thenNotSupported() {
        DatasetEvidence e = withDefault("mnist", point(0.45, 1.85, 2.2, -0.03, -0.02, -0.01));
        assertThat(evaluator.flops(List.of(e)).verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
    }

    @Test
    void givenSmiAboveBothBaselinesOnEverySeed_whenSmi_thenSupportedWithFloorsShown() {
        // Given: MID-L − baseline = 0.05 ± 0.01 over seeds; lower end 0.05 − 0.0248 > 0
        SmiFigure base = smi(0.50, 0.50, 0.50);
        SmiFigure midl = smi(0.54, 0.55, 0.56);

        // When
        ClaimRow row = evaluator.smi(List.of(withSmi(base, base, midl)));

        // Then
        assertThat(row.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(row.ours()).contains("MID-L 0.550 ± 0.010 (floor 0.004)");
    }

    @Test
    void givenSmiHigherOnAverageButIntervalReachingZero_whenSmi_thenNotSupportedNeverPartly() {
        // Given: +0.01 on average, std 0.01: lower end 0.01 − 0.0248 < 0 (was "partly" before)
        DatasetEvidence e = withSmi(smi(0.50, 0.50, 0.50), null, smi(0.50, 0.51, 0.52));
        assertThat(evaluator.smi(List.of(e)).verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
    }

    @Test
    void givenSmiAboveDenseOnlyNotDropout_whenSmi_thenPartly() {
        DatasetEvidence e =
                withSmi(smi(0.40, 0.40, 0.40), smi(0.60, 0.60, 0.60), smi(0.49, 0.50, 0.51));
        assertThat(evaluator.smi(List.of(e)).verdict()).isEqualTo(Verdict.PARTLY);
    }

    @Test
    void givenSmiOnTwoSeeds_whenSmi_thenNotEnoughSeeds() {
        DatasetEvidence e = withSmi(smi(0.40, 0.40), null, smi(0.60, 0.61));
        assertThat(evaluator.smi(List.of(e)).verdict()).isEqualTo(Verdict.NOT_ENOUGH_SEEDS);
    }

    @Test
    void givenMidlLosesLessOnEveryCriterion_whenRobustness_thenSupported() {
        DatasetEvidence e =
                withRobustness(
                        delta("label noise", 0.04, 0.05, 0.06),
                        delta("input noise", 0.09, 0.10, 0.11),
                        delta("gap", 0.05, 0.06, 0.07));
        ClaimRow row = evaluator.robustness(List.of(e));
        assertThat(row.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(row.ours()).contains("label noise MID-L 5.00 pp vs dense 10.00 pp");
    }

    @Test
    void givenMidlBetterOnOneCriterionOnly_whenRobustness_thenPartly() {
        DatasetEvidence e =
                withRobustness(
                        delta("label noise", 0.04, 0.05, 0.06), delta("gap", -0.07, -0.06, -0.05));
        assertThat(evaluator.robustness(List.of(e)).verdict()).isEqualTo(Verdict.PARTLY);
    }

    @Test
    void givenAdvantageWhoseIntervalReachesZero_whenRobustness_thenNotSupported() {
        // Given: +0.002 on average, std 0.002: lower end 0.002 − 0.005 < 0
        DatasetEvidence e = withRobustness(delta("label noise", 0.0, 0.002, 0.004));
        assertThat(evaluator.robustness(List.of(e)).verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
    }

    @Test
    void givenLabelNoiseOnOneSeed_whenRobustness_thenNotEnoughSeeds() {
        // Given: input noise on 3 seeds passes, label noise rests on one seed
        DatasetEvidence e =
                withRobustness(delta("label noise", 0.05), delta("input noise", 0.09, 0.10, 0.11));
        assertThat(evaluator.robustness(List.of(e)).verdict()).isEqualTo(Verdict.NOT_ENOUGH_SEEDS);
    }

    @Test
    void givenMidlSlowerAndLarger_whenEfficiency_thenNotSupportedAndSparseNoted() {
        // When
        ClaimRow row =
                evaluator.efficiency(
                        List.of(
                                withEfficiency(
                                        Map.of(1, 90.0, 256, 2400.0),
                                        Map.of(1, 280.0, 256, 7000.0),
                                        1_000_000,
                                        3_000_000)));

        // Then
        assertThat(row.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(row.ours()).contains("sparse path: not measured (missing)");
    }

    @Test
    void givenMidlFasterOnlyAtBatchOne_whenEfficiency_thenPartly() {
        ClaimRow row =
                evaluator.efficiency(
                        List.of(
                                withEfficiency(
                                        Map.of(1, 90.0, 256, 2400.0),
                                        Map.of(1, 80.0, 256, 7000.0),
                                        1_000_000,
                                        3_000_000)));
        assertThat(row.verdict()).isEqualTo(Verdict.PARTLY);
    }

    @Test
    void givenOnlyUnmeasuredMidlModes_whenEfficiency_thenNotMeasured() {
        // Given: dense measured, no MID-L mode measured
        EfficiencyEvidence e =
                new EfficiencyEvidence(
                        Map.of(1, 90.0),
                        Map.of(),
                        1000L,
                        Map.of(),
                        List.of("sparse path: not measured (missing)"));

        // When
        ClaimRow row =
                evaluator.efficiency(
                        List.of(new DatasetEvidence("mnist", null, null, null, null, e)));

        // Then
        assertThat(row.verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(row.ours()).contains("sparse path: not measured (missing)");
    }

    @Test
    void givenNegativeMargin_whenConstruct_thenThrows() {
        assertThatThrownBy(() -> new ClaimsEvaluator(-0.01, CONFIG))
                .hasMessageContaining("margin must be in [0, 1), got -0.01");
    }
}
