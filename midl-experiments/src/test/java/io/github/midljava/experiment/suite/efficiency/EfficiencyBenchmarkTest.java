package io.github.midljava.experiment.suite.efficiency;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.github.midljava.bench.VariantKey;
import io.github.midljava.data.DataSplit;
import io.github.midljava.model.Method;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The benchmark harness with pure-Java fake modes: no engine needed. */
class EfficiencyBenchmarkTest {

    /** Predicts class = (first feature > 0): 3 of the 4 test samples below are labelled so. */
    private static final class ThresholdMode implements InferenceVariant {
        @Override
        public String name() {
            return "threshold";
        }

        @Override
        public VariantKey key() {
            return new VariantKey("dense", "java", "dense", "rows");
        }

        @Override
        public Method method() {
            return Method.DENSE;
        }

        @Override
        public Optional<Inference> prepare(
                SequentialBlock trained, NDManager manager, DataSplit test) {
            return Optional.of(
                    (features, from, batch, out) -> {
                        for (int i = 0; i < batch; i++) {
                            boolean positive = features[(from + i) * 2] > 0;
                            out[2 * i] = positive ? 0 : 1;
                            out[2 * i + 1] = positive ? 1 : 0;
                        }
                    });
        }
    }

    @Test
    void givenMeasuredAndMissingModes_whenRun_thenMissingModeHasItsNoteAndNoNumber() {
        // Given
        DataSplit test =
                new DataSplit(
                        new float[] {1, 0, -1, 0, 2, 0, -3, 0},
                        new int[] {1, 0, 1, 1},
                        new long[] {2},
                        2);
        Map<Method, SequentialBlock> trained = new EnumMap<>(Method.class);
        trained.put(Method.DENSE, new SequentialBlock());
        trained.put(Method.MIDL, new SequentialBlock());
        Map<Method, NDManager> managers = new EnumMap<>(Method.class);
        InferenceVariant missing =
                new MissingVariant(
                        "sparse",
                        new VariantKey("midl", "java", "sparse", "rows"),
                        Method.MIDL,
                        "sparse path: not measured (missing)");

        // When
        EfficiencyResult r =
                EfficiencyBenchmark.run(
                        "toy",
                        trained,
                        managers,
                        test,
                        List.of(new ThresholdMode(), missing),
                        List.of(1, 8),
                        Map.of("k", "v"),
                        "toy weights",
                        "1");

        // Then
        ModeMeasurement m = r.mode("threshold");
        assertThat(m.measured()).isTrue();
        assertThat(m.testAccuracy()).isEqualTo(0.75);
        assertThat(m.latencyMicros()).containsOnlyKeys("1", "8");
        assertThat(m.latencyMicros().values()).allSatisfy(v -> assertThat(v).isPositive());
        assertThat(m.arrayBytes()).isEmpty(); // the fake cannot tell, so no number
        ModeMeasurement s = r.mode("sparse");
        assertThat(s.measured()).isFalse();
        assertThat(s.note()).isEqualTo("sparse path: not measured (missing)");
        assertThat(s.testAccuracy()).isNull();
        assertThat(s.latencyMicros()).isEmpty();
        assertThat(s.peakIncreaseBytes()).isEmpty();
        assertThat(r.testSize()).isEqualTo(4);
        assertThat(r.fastestDense(8)).isSameAs(m); // the only measured dense variant
    }

    @Test
    void givenBatchSizes_whenCallsPerRound_thenSmallBatchesGetMoreCalls() {
        assertThat(EfficiencyBenchmark.callsPerRound(1)).isEqualTo(60);
        assertThat(EfficiencyBenchmark.callsPerRound(64)).isEqualTo(40);
        assertThat(EfficiencyBenchmark.callsPerRound(1024)).isEqualTo(8);
        assertThat(EfficiencyBenchmark.median(List.of(3.0, 1.0, 2.0, 10.0))).isEqualTo(2.5);
    }
}
