package io.github.midljava.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.midljava.TestData;
import io.github.midljava.data.DataOptions;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.DatasetLoaders;
import io.github.midljava.evaluate.GateStats;
import io.github.midljava.model.Method;
import io.github.midljava.model.ModelOptions;
import io.github.midljava.train.Preset;
import org.junit.jupiter.api.Test;

/** Per-epoch curves and gate statistics, on a small slice of real MNIST (2 short epochs). */
class TrainRunCurvesTest {

    private static final DataOptions OPTIONS =
            DataOptions.defaults().withDataDir(TestData.root()).withDownload(false);

    private static RunSpec spec(Method method) {
        return new RunSpec(
                DatasetId.MNIST,
                Preset.QUICK,
                1,
                ModelOptions.defaults(method),
                2,
                0,
                0.05,
                null,
                false,
                OPTIONS,
                false);
    }

    @Test
    void givenCurveProbe_whenTrainingMidl_thenOneCurvePerEpochWithGateStatsPerLayer() {
        // Given
        Dataset mnist = DatasetLoaders.load(DatasetId.MNIST, OPTIONS);
        // When
        RunResult r = TrainRun.execute(spec(Method.MIDL), mnist, null, 300);
        // Then: two epochs, each with both MID-L layers; churn only from the second epoch
        assertThat(r.epochCurves()).hasSize(2);
        EpochCurve last = r.epochCurves().get(1);
        assertThat(last.epoch()).isEqualTo(2);
        assertThat(last.loss()).isEqualTo(r.epochLosses().get(1));
        assertThat(last.testAccuracy()).isBetween(0.5, 1.0);
        assertThat(last.trainAccuracy()).isBetween(0.5, 1.0);
        assertThat(last.activeRatio()).isEqualTo(r.activeRatio());
        assertThat(r.epochCurves().get(0).gates()).hasSize(2);
        assertThat(r.epochCurves().get(0).gates().get(0).churn()).isNaN();
        for (GateStats g : last.gates()) {
            assertThat(g.churn()).isBetween(0.0, 1.0);
            assertThat(g.everSelectedFraction()).isBetween(r.activeRatio(), 1.0);
            assertThat(g.meanEntropyBits()).isBetween(0.0, 1.0);
            assertThat(g.selectedGateMean()).isGreaterThan(g.unselectedGateMean());
        }
        // A probe as large as the test split gives the run's own test accuracy
        RunResult whole = TrainRun.execute(spec(Method.MIDL), mnist, null, 10_000);
        EpochCurve wholeLast = whole.epochCurves().get(1);
        assertThat(wholeLast.testAccuracy()).isEqualTo(whole.testAccuracy());
    }

    @Test
    void givenDenseModel_whenRecordingCurves_thenRatioOneAndNoGateStats() {
        Dataset mnist = DatasetLoaders.load(DatasetId.MNIST, OPTIONS);
        RunResult r = TrainRun.execute(spec(Method.DENSE), mnist, null, 100);
        assertThat(r.epochCurves()).hasSize(2);
        assertThat(r.epochCurves().get(1).activeRatio()).isEqualTo(1.0);
        assertThat(r.epochCurves().get(1).gates()).isEmpty();
    }

    @Test
    void givenNoCurveProbe_whenTraining_thenNoCurves() {
        Dataset mnist = DatasetLoaders.load(DatasetId.MNIST, OPTIONS);
        RunSpec oneEpoch = spec(Method.DENSE);
        RunResult r = TrainRun.execute(oneEpoch, mnist, null, 0);
        assertThat(r.epochCurves()).isNull();
    }
}
