package io.github.midljava.experiment.suite.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.midljava.experiment.suite.LayerSelection;
import io.github.midljava.experiment.suite.analysis.CurvePoint.NoiseCondition;
import io.github.midljava.experiment.suite.analysis.RobustnessResults.DatasetDeltas;
import io.github.midljava.model.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed results computed from hand-made stored runs, checked by hand arithmetic. */
class SuiteAnalysisTest {

    private static final double EPS = 1e-12;

    @Test
    void givenDenseOnThreeSeeds_whenMainTable_thenAccuracyBySeedAndItsMeanAndStd() {
        // Given
        StoredRuns s = new StoredRuns();
        s.add(s.e1(Method.DENSE), 1, 0.80, 0.90)
                .add(s.e1(Method.DENSE), 2, 0.82, 0.91)
                .add(s.e1(Method.DENSE), 3, 0.84, 0.92);

        // When
        MainTable t = MainTable.of(s.results());

        // Then
        MainTableRow dense = t.row(StoredRuns.D, Method.DENSE);
        assertThat(dense.testAccuracy().values()).containsEntry(2L, 0.82).hasSize(3);
        assertThat(dense.testAccuracy().stat().mean()).isCloseTo(0.82, within(EPS));
        assertThat(dense.testAccuracy().stat().std()).isCloseTo(0.02, within(EPS));
        assertThat(dense.trainAccuracy().mean()).isCloseTo(0.91, within(EPS));
        assertThat(dense.latencyBatch1Micros().mean()).isCloseTo(20, within(EPS)); // 10, 20, 30
        assertThat(dense.honestSavings()).isEqualTo(2.0);
        assertThat(dense.modelHonestSavings()).isCloseTo(1000.0 / 600, within(EPS));
        assertThat(t.row(StoredRuns.D, Method.MIDL)).isNull();
    }

    @Test
    void givenSmiAndFloorPerSeed_whenInformation_thenPerSeedValuesAndSeErrorBar() {
        // Given: SMI 0.10, 0.12, 0.14 nats; floors 0.01, 0.02, 0.03
        StoredRuns s = new StoredRuns();
        for (int seed = 1; seed <= 3; seed++) {
            s.add(
                    s.e1(Method.MIDL),
                    seed,
                    0.8,
                    0.9,
                    Map.of(),
                    StoredRuns.analysis(0.08 + 0.02 * seed, 0.01 * seed, 0.004));
        }

        // When
        InformationRow row = InformationResults.of(s.results()).row(StoredRuns.D, Method.MIDL);

        // Then: mean 0.12, std 0.02, error bar std / sqrt(3)
        SmiFigure f = row.smi();
        assertThat(f.smi().mean()).isCloseTo(0.12, within(EPS));
        assertThat(f.floor().mean()).isCloseTo(0.02, within(EPS));
        assertThat(f.errorBar()).isCloseTo(0.02 / Math.sqrt(3), within(EPS));
        assertThat(f.monteCarloSe()).isCloseTo(0.004, within(EPS));
        // per-neuron MI {0, 0.2, 0.4} on each seed: median 0.2, 2 of 3 above 0.1
        assertThat(row.neuronMiMedian()).isCloseTo(0.2, within(EPS));
        assertThat(row.informativeFraction()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(row.neuronMi()).hasSize(9);
    }

    @Test
    void givenAnalysisWithoutFloor_whenInformation_thenFloorEmpty() {
        // Given: a run analysed before the floor existed
        StoredRuns s = new StoredRuns();
        var old = StoredRuns.analysis(0.1, 0, 0.01);
        old =
                new io.github.midljava.experiment.suite.RunAnalysis(
                        old.representation(),
                        old.settings(),
                        old.smi(),
                        null,
                        old.neurons(),
                        old.selection());
        s.add(s.e1(Method.DENSE), 1, 0.8, 0.9, Map.of(), old);

        // When / Then
        SmiFigure f = InformationResults.of(s.results()).row(StoredRuns.D, Method.DENSE).smi();
        assertThat(f.floor().isEmpty()).isTrue();
        assertThat(f.errorBar()).isEqualTo(0.01); // one seed: the Monte-Carlo SE
    }

    @Test
    void givenLabelNoiseRuns_whenRobustness_thenDropsPairedBySeed() {
        // Given: clean runs are the E1 runs; 40% noise runs per seed
        StoredRuns s = new StoredRuns();
        double[] denseClean = {0.85, 0.86, 0.84};
        double[] denseNoisy = {0.75, 0.80, 0.76};
        double[] midlClean = {0.84, 0.85, 0.85};
        double[] midlNoisy = {0.79, 0.80, 0.81};
        for (int i = 0; i < 3; i++) {
            long seed = i + 1;
            s.add(s.e1(Method.DENSE), seed, denseClean[i], 0.9)
                    .add(s.plan.catalog().labelNoise(Method.DENSE, 0.4), seed, denseNoisy[i], 0.7)
                    .add(s.e1(Method.MIDL), seed, midlClean[i], 0.9)
                    .add(s.plan.catalog().labelNoise(Method.MIDL, 0.4), seed, midlNoisy[i], 0.7);
        }

        // When
        RobustnessResults r = RobustnessResults.of(s.results());
        DatasetDeltas deltas = r.deltas(StoredRuns.D);

        // Then: dense drops 0.10, 0.06, 0.08; MID-L 0.05, 0.05, 0.04; advantage 0.05, 0.01, 0.04
        RobustnessDelta label = deltas.labelNoise();
        assertThat(label.condition()).isEqualTo("label noise 0% → 40% drop");
        assertThat(label.denseLoss().values().get(2L)).isCloseTo(0.06, within(1e-12));
        PairedDifference a = label.advantage();
        assertThat(a.n()).isEqualTo(3);
        assertThat(a.mean()).isCloseTo(0.1 / 3, within(1e-12));
        // std of {0.05, 0.01, 0.04}: sqrt(((1/60)^2 + (7/300)^2 + (1/150)^2) / 2) = 0.0208167
        assertThat(a.std()).isCloseTo(0.0208167, within(1e-6));
        assertThat(deltas.inputNoise()).isNull(); // no input-noise accuracies stored
        assertThat(deltas.overfitting()).isNull(); // no small-data runs
        assertThat(r.curve(StoredRuns.D, Method.DENSE, NoiseCondition.LABEL_NOISE))
                .extracting(CurvePoint::level)
                .containsExactly(0.0, 0.2, 0.4);
    }

    @Test
    void givenInputNoiseAccuracies_whenRobustness_thenDropFromSmallestToLargestSigma() {
        // Given: E1 runs with accuracy under σ = 0 and σ = 1 (the default sigmas' ends)
        StoredRuns s = new StoredRuns();
        s.add(s.e1(Method.DENSE), 1, 0.85, 0.9, Map.of("0.0", 0.85, "1.0", 0.60), null)
                .add(s.e1(Method.MIDL), 1, 0.84, 0.9, Map.of("0.0", 0.84, "1.0", 0.64), null);

        // When
        RobustnessDelta input = RobustnessResults.of(s.results()).deltas(StoredRuns.D).inputNoise();

        // Then
        assertThat(input.denseLoss().mean()).isCloseTo(0.25, within(1e-12));
        assertThat(input.midlLoss().mean()).isCloseTo(0.20, within(1e-12));
        assertThat(input.advantage().n()).isEqualTo(1);
        assertThat(input.advantage().enoughSeeds()).isFalse();
    }

    @Test
    void givenSweepRun_whenAblations_thenPointAndDenseReferenceOfTheSameSeeds() {
        // Given
        StoredRuns s = new StoredRuns();
        s.add(s.e1(Method.DENSE), 1, 0.85, 0.9)
                .add(s.e1(Method.DENSE), 2, 0.87, 0.9)
                .add(s.plan.catalog().activeRatio(0.1), 1, 0.83, 0.9);

        // When
        AblationResults a = AblationResults.of(s.results());

        // Then
        AblationPoint p = a.point(StoredRuns.D, AblationResults.ACTIVE_RATIO, "0.10");
        assertThat(p.testAccuracy().values()).containsExactly(Map.entry(1L, 0.83));
        assertThat(a.dense().get(StoredRuns.D).testAccuracy().mean()).isCloseTo(0.86, within(EPS));
        assertThat(a.point(StoredRuns.D, AblationResults.ACTIVE_RATIO, "0.20")).isNull();
        assertThat(a.groups()).containsKeys("activeRatio", "gradient mode", "temperature");
    }

    @Test
    void givenSelectionCountsOfTwoSeeds_whenInformation_thenNeverAlwaysAndQuantiles() {
        // Given: 4 units, k = 2, 10 samples; seed 1 counts {0, 10, 5, 5}, seed 2 {10, 10, 0, 0}
        StoredRuns s = new StoredRuns();
        s.add(
                        s.e1(Method.MIDL),
                        1,
                        0.8,
                        0.9,
                        Map.of(),
                        StoredRuns.analysis(
                                0.1,
                                0.0,
                                0.01,
                                List.of(new LayerSelection(1, 4, 2, 10, new long[] {0, 10, 5, 5}))))
                .add(
                        s.e1(Method.MIDL),
                        2,
                        0.8,
                        0.9,
                        Map.of(),
                        StoredRuns.analysis(
                                0.1,
                                0.0,
                                0.01,
                                List.of(
                                        new LayerSelection(
                                                1, 4, 2, 10, new long[] {10, 10, 0, 0}))));

        // When
        List<SelectionSummary> layers = InformationResults.of(s.results()).selections(StoredRuns.D);

        // Then: never 1 and 2 units (mean 1.5), always 1 and 2 (mean 1.5); pooled frequencies
        // sorted {0, 0, 0, 0.5, 0.5, 1, 1, 1}: median (0.5 + 0.5) / 2, p10 at position 0.7 = 0
        SelectionSummary l = layers.get(0);
        assertThat(layers).hasSize(1);
        assertThat(l.bySeed()).containsOnlyKeys(1L, 2L);
        assertThat(l.neverSelected().mean()).isEqualTo(1.5);
        assertThat(l.alwaysSelected().mean()).isEqualTo(1.5);
        assertThat(l.frequencyQuantile(0.5)).isCloseTo(0.5, within(EPS));
        assertThat(l.frequencyQuantile(0.1)).isZero();
        assertThat(l.frequencyQuantile(0.9)).isCloseTo(1.0, within(EPS));
    }
}
