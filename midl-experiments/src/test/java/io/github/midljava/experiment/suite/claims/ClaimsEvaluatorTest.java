package io.github.midljava.experiment.suite.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.midljava.experiment.suite.claims.DatasetEvidence.Degradation;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.EfficiencyEvidence;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.MidlPoint;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.RobustnessEvidence;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.SmiEvidence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verdicts on hand-made evidence; margin 0.5 percentage points throughout. */
class ClaimsEvaluatorTest {

    private static final double MARGIN = 0.005;
    private final ClaimsEvaluator evaluator = new ClaimsEvaluator(MARGIN);

    private static DatasetEvidence evidence(String name) {
        return new DatasetEvidence(name, null, null, null, null, null, null);
    }

    private static DatasetEvidence withPoints(String name, MidlPoint... points) {
        return new DatasetEvidence(name, null, null, List.of(points), null, null, null);
    }

    private static MidlPoint point(
            double ratio, double acc, double dense, double honest, double paper) {
        return new MidlPoint("activeRatio " + ratio, ratio, acc, dense, honest, paper, honest);
    }

    private static DatasetEvidence withAccuracy(String name, double dense, double midl) {
        return new DatasetEvidence(
                name,
                new Estimate(dense, 0.001, 3),
                new Estimate(midl, 0.002, 3),
                null,
                null,
                null,
                null);
    }

    private static DatasetEvidence withSmi(Estimate dense, Estimate dropout, Estimate midl) {
        return new DatasetEvidence(
                "mnist", null, null, null, new SmiEvidence(dense, dropout, midl), null, null);
    }

    private static DatasetEvidence withRobustness(
            Degradation label, Degradation input, Degradation gap) {
        return new DatasetEvidence(
                "mnist", null, null, null, null, new RobustnessEvidence(label, input, gap), null);
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
        return new DatasetEvidence("mnist", null, null, null, null, null, e);
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
    void givenRatio045WithinMargin_whenActiveNeurons_thenSupported() {
        // Given: 0.3 pp below dense is "equal" with a 0.5 pp margin
        DatasetEvidence e = withPoints("mnist", point(0.45, 0.977, 0.980, 1.8, 2.2));

        // When
        ClaimRow row = evaluator.activeNeurons(List.of(e));

        // Then
        assertThat(row.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(row.ours()).contains("55% fewer");
    }

    @Test
    void givenOnlyMildReductionKeepsAccuracy_whenActiveNeurons_thenPartly() {
        // Given: 0.45 loses 2 pp; 0.8 (20% fewer) keeps accuracy
        DatasetEvidence e =
                withPoints(
                        "mnist",
                        point(0.45, 0.960, 0.980, 1.8, 2.2),
                        point(0.8, 0.979, 0.980, 1.1, 1.25));

        // When / Then
        assertThat(evaluator.activeNeurons(List.of(e)).verdict()).isEqualTo(Verdict.PARTLY);
    }

    @Test
    void givenNoConfigurationWithinMargin_whenActiveNeurons_thenNotSupported() {
        DatasetEvidence e = withPoints("mnist", point(0.45, 0.90, 0.98, 1.8, 2.2));
        assertThat(evaluator.activeNeurons(List.of(e)).verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
    }

    @Test
    void givenHonestSavingsAbove17_whenFlops_thenSupported() {
        DatasetEvidence e = withPoints("mnist", point(0.45, 0.98, 0.98, 1.85, 2.2));
        assertThat(evaluator.flops(List.of(e)).verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void givenOnlyPaperStyleSavingsAbove17_whenFlops_thenPartly() {
        // Given: the adult case, a small input layer makes the gate and light path expensive
        DatasetEvidence e = withPoints("adult", point(0.45, 0.85, 0.85, 1.31, 2.23));

        // When
        ClaimRow row = evaluator.flops(List.of(e));

        // Then
        assertThat(row.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(row.ours()).contains("1.31x honest").contains("2.23x paper-style");
    }

    @Test
    void givenSavingsBelow17BothWays_whenFlops_thenNotSupported() {
        DatasetEvidence e = withPoints("adult", point(0.9, 0.85, 0.85, 0.9, 1.1));
        assertThat(evaluator.flops(List.of(e)).verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
    }

    @Test
    void givenHighSavingsOnlyOutsideMargin_whenFlops_thenNotSupported() {
        // Given: 2.5x honest but 5 pp below dense does not count
        DatasetEvidence e =
                withPoints(
                        "mnist",
                        point(0.1, 0.93, 0.98, 2.5, 9.0),
                        point(1.0, 0.98, 0.98, 0.8, 1.0));
        assertThat(evaluator.flops(List.of(e)).verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
    }

    @Test
    void givenSlightlyBelowDenseWithinMargin_whenAccuracy_thenSupported() {
        DatasetEvidence e = withAccuracy("mnist", 0.980, 0.977);
        assertThat(evaluator.accuracy(List.of(e)).verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void givenOneDatasetBelowMargin_whenAccuracy_thenPartly() {
        // When
        ClaimRow row =
                evaluator.accuracy(
                        List.of(
                                withAccuracy("mnist", 0.980, 0.981),
                                withAccuracy("adult", 0.850, 0.840)));

        // Then
        assertThat(row.verdict()).isEqualTo(Verdict.PARTLY);
        assertThat(row.ours())
                .contains("mnist")
                .contains("+0.10 pp")
                .contains("adult")
                .contains("−1.00 pp");
    }

    @Test
    void givenEveryDatasetBelowMargin_whenAccuracy_thenNotSupported() {
        ClaimRow row =
                evaluator.accuracy(
                        List.of(
                                withAccuracy("mnist", 0.98, 0.95),
                                withAccuracy("adult", 0.85, 0.80)));
        assertThat(row.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
    }

    @Test
    void givenSmiHigherBeyondTwoStandardErrors_whenSmi_thenSupported() {
        // Given: difference 0.05, combined SE sqrt(2) * 0.01 = 0.014
        DatasetEvidence e =
                withSmi(
                        new Estimate(0.50, 0.01, 3),
                        new Estimate(0.50, 0.01, 3),
                        new Estimate(0.55, 0.01, 3));
        assertThat(evaluator.smi(List.of(e)).verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void givenSmiHigherWithinNoise_whenSmi_thenPartly() {
        DatasetEvidence e = withSmi(new Estimate(0.50, 0.02, 3), null, new Estimate(0.51, 0.02, 3));
        assertThat(evaluator.smi(List.of(e)).verdict()).isEqualTo(Verdict.PARTLY);
    }

    @Test
    void givenSmiLower_whenSmi_thenNotSupported() {
        DatasetEvidence e =
                withSmi(
                        new Estimate(0.027, 0.005, 2),
                        new Estimate(0.026, 0.001, 2),
                        new Estimate(0.021, 0.001, 2));
        ClaimRow row = evaluator.smi(List.of(e));
        assertThat(row.verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(row.ours()).contains("MID-L 0.021 ± 0.001").contains("dense 0.027 ± 0.005");
    }

    @Test
    void givenMidlDegradesLessEverywhere_whenRobustness_thenSupported() {
        DatasetEvidence e =
                withRobustness(
                        new Degradation("label noise", 0.10, 0.05),
                        new Degradation("input noise", 0.20, 0.10),
                        new Degradation("gap", 0.08, 0.02));
        assertThat(evaluator.robustness(List.of(e)).verdict()).isEqualTo(Verdict.SUPPORTED);
    }

    @Test
    void givenMidlBetterOnOneCriterionOnly_whenRobustness_thenPartly() {
        DatasetEvidence e =
                withRobustness(
                        new Degradation("label noise", 0.10, 0.05),
                        null,
                        new Degradation("gap", 0.02, 0.08));
        assertThat(evaluator.robustness(List.of(e)).verdict()).isEqualTo(Verdict.PARTLY);
    }

    @Test
    void givenEqualDegradationWithinMargin_whenRobustness_thenNotSupported() {
        // Given: "more robust" needs a difference larger than the margin
        DatasetEvidence e =
                withRobustness(new Degradation("label noise", 0.050, 0.048), null, null);
        assertThat(evaluator.robustness(List.of(e)).verdict()).isEqualTo(Verdict.NOT_SUPPORTED);
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
                        List.of(new DatasetEvidence("mnist", null, null, null, null, null, e)));

        // Then
        assertThat(row.verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(row.ours()).contains("sparse path: not measured (missing)");
    }

    @Test
    void givenNegativeMargin_whenConstruct_thenThrows() {
        assertThatThrownBy(() -> new ClaimsEvaluator(-0.01))
                .hasMessageContaining("margin must be in [0, 1), got -0.01");
    }
}
