package io.github.midljava.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InferenceNetworkTest {
    private static float[] input(int batch, int d, long seed) {
        return ScalarReference.random(batch * d, new SplittableRandom(seed));
    }

    private static void assertClose(float[] actual, float[] expected, float tol) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(tol));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "LOW_RANK, LOW_RANK, 1",
        "LOW_RANK, LOW_RANK, 7",
        "LOW_RANK, LOW_RANK, 64",
        "DENSE, LOW_RANK, 7",
        "LOW_RANK, DENSE, 7",
        "LOW_RANK, IDENTITY, 7",
        "DENSE, ZERO, 7",
        "DENSE, IDENTITY, 64",
        "LOW_RANK, ZERO, 1",
        "DENSE, DENSE, 1"
    })
    void givenMidlLayerOfEachKind_whenPredicting_thenBothModesMatchScalarReference(
            GateForm gate, LightForm light, int batch) {
        // Given: one MID-L layer 45 -> 45 (odd sizes; IDENTITY needs d == n), k = 20
        SplittableRandom rnd = new SplittableRandom(batch);
        MidlLayerWeights w = RandomWeights.midl(45, 45, 0.45, gate, 5, light, 3, 0.7f, rnd);
        float[] x = input(batch, 45, 11);
        float[] expected = ScalarReference.midl(w, x, batch);
        for (ComputeMode mode : ComputeMode.values()) {
            {
                InferenceNetwork net = new InferenceNetwork(List.of(w), mode, 1);
                // When
                float[] y = net.predict(x, batch);
                // Then
                assertClose(y, expected, 1e-4f);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "7", "64"})
    void givenMnistShapedMidlMlp_whenSparseAndDenseCompute_thenSameLogitsAndArgmax(int batch) {
        // Given: 784 -> MID-L(512) -> ReLU -> MID-L(512) -> ReLU -> Linear(10), random weights
        List<LayerWeights> layers =
                RandomWeights.midlMlp(new int[] {784, 512, 512, 10}, 0.45, 16, 16, 3);
        float[] x = input(batch, 784, 5);
        {
            InferenceNetwork sparse = new InferenceNetwork(layers, ComputeMode.SPARSE, 1);
            InferenceNetwork dense = new InferenceNetwork(layers, ComputeMode.DENSE, 1);
            // When
            float[] ys = sparse.predict(x, batch);
            float[] yd = dense.predict(x, batch);
            // Then
            assertClose(ys, yd, 1e-5f);
            assertThat(sparse.argmax(x, batch)).containsExactly(dense.argmax(x, batch));
            assertClose(ys, ScalarReference.network(layers, x, batch), 1e-4f);
        }
    }

    @Test
    void givenBatchOne_whenSparseAndDenseCompute_thenBitwiseEqual() {
        // Given: the same dot-product kernel serves both modes at batch 1
        List<LayerWeights> layers =
                RandomWeights.midlMlp(new int[] {100, 64, 64, 10}, 0.45, 8, 8, 9);
        float[] x = input(1, 100, 2);
        {
            InferenceNetwork sparse = new InferenceNetwork(layers, ComputeMode.SPARSE, 1);
            InferenceNetwork dense = new InferenceNetwork(layers, ComputeMode.DENSE, 1);
            // When / Then
            assertThat(sparse.predict(x, 1)).containsExactly(dense.predict(x, 1));
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "7, 1", "64, 1", "1, 2", "64, 2"})
    void givenAutoMode_whenCalledRepeatedly_thenDecidesEachLayerAndMatchesDenseCompute(
            int batch, int threads) {
        // Given
        List<LayerWeights> layers =
                RandomWeights.midlMlp(new int[] {100, 64, 64, 10}, 0.45, 8, 8, 9);
        float[] x = input(batch, 100, 2);
        try (InferenceNetwork auto = new InferenceNetwork(layers, ComputeMode.AUTO, threads);
                InferenceNetwork dense = new InferenceNetwork(layers, ComputeMode.DENSE, 1)) {
            float[] expected = dense.predict(x, batch);
            assertThat(auto.autoDecisions(batch)).containsExactly("trying", "trying");
            // When: enough calls to time both computations of every layer
            for (int call = 0; call < 4 * AutoChoice.TRIALS * AutoChoice.BURST; call++) {
                // Then: every call, sparse or dense, gives the logits up to rounding
                assertClose(auto.predict(x, batch), expected, 1e-5f);
            }
            assertThat(auto.autoDecisions(batch)).hasSize(2).allMatch(d -> !d.equals("trying"));
        }
    }

    @Test
    void givenTimings_whenDeciding_thenFasterChosenAfterTrialsAndOtherRechecked() {
        // Given
        AutoChoice choice = new AutoChoice();
        int bucket = AutoChoice.bucket(8, false);
        // When: sparse takes 100 ns, dense 300 ns; untimed calls would claim 1 ns
        int calls = 0;
        while (choice.decided(bucket) == null) {
            int next = choice.next(bucket);
            boolean sparse = (next & AutoChoice.SPARSE) != 0;
            if ((next & AutoChoice.TIMED) != 0) {
                choice.record(bucket, sparse, sparse ? 100 : 300);
            }
            calls++;
        }
        // Then: bursts of 4, the first of each untimed, until each has 8 timed calls
        assertThat(calls).isEqualTo(2 * AutoChoice.TRIALS * AutoChoice.BURST / 3 + 2);
        assertThat(choice.decided(bucket)).isTrue();
        int dense = 0;
        int untimed = 0;
        for (int i = 0; i < AutoChoice.RECHECK; i++) {
            int next = choice.next(bucket);
            dense += (next & AutoChoice.SPARSE) == 0 ? 1 : 0;
            untimed += (next & AutoChoice.TIMED) == 0 ? 1 : 0;
        }
        assertThat(dense).isEqualTo(AutoChoice.BURST);
        assertThat(untimed).isEqualTo(1);
        assertThat(choice.decided(AutoChoice.bucket(16, false))).isNull();
        assertThat(AutoChoice.bucket(1, true)).isNotEqualTo(AutoChoice.bucket(1, false));
    }

    @ParameterizedTest
    @CsvSource({"1", "2"})
    void givenPanelKernelForOneSample_whenPredicting_thenMatchesRowKernel(int threads) {
        // Given
        List<LayerWeights> layers =
                RandomWeights.midlMlp(new int[] {200, 128, 96, 10}, 0.45, 16, 16, 4);
        List<LayerWeights> dense = RandomWeights.denseMlp(new int[] {200, 128, 96, 10}, 4);
        float[] x = input(1, 200, 8);
        for (List<LayerWeights> net : List.of(layers, dense)) {
            for (ComputeMode mode : new ComputeMode[] {ComputeMode.SPARSE, ComputeMode.DENSE}) {
                try (InferenceNetwork rows =
                                new InferenceNetwork(net, mode, threads, SingleSampleKernel.ROWS);
                        InferenceNetwork panels =
                                new InferenceNetwork(
                                        net, mode, threads, SingleSampleKernel.PANELS)) {
                    // When / Then
                    assertClose(panels.predict(x, 1), rows.predict(x, 1), 1e-5f);
                    assertClose(panels.predict(x, 1), ScalarReference.network(net, x, 1), 1e-4f);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1, 2", "1, 3", "3, 2", "7, 3", "8, 2", "9, 2", "13, 3", "37, 3", "64, 2", "130, 2"
    })
    void givenSeveralThreads_whenPredicting_thenBitwiseSameAsOneThread(int batch, int threads) {
        // Given: layers big enough that small batches split rows across threads
        List<LayerWeights> layers =
                RandomWeights.midlMlp(new int[] {200, 128, 96, 10}, 0.45, 48, 48, 4);
        float[] x = input(batch, 200, 8);
        // AUTO's choice depends on timings, so only the two fixed computations are bitwise
        for (ComputeMode mode : new ComputeMode[] {ComputeMode.SPARSE, ComputeMode.DENSE}) {
            {
                InferenceNetwork one = new InferenceNetwork(layers, mode, 1);
                InferenceNetwork many = new InferenceNetwork(layers, mode, threads);
                // When / Then: parts run the same per-element arithmetic on disjoint outputs
                for (int repeat = 0; repeat < 3; repeat++) {
                    assertThat(many.predict(x, batch)).containsExactly(one.predict(x, batch));
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"LOW_RANK, LOW_RANK", "DENSE, DENSE", "DENSE, IDENTITY", "LOW_RANK, ZERO"})
    void givenOneSampleOnSeveralThreads_whenSparse_thenBitwiseSameAsOneThreadAndDenseCompute(
            GateForm gate, LightForm light) {
        // Given: MID-L 150 -> 150 (big enough that at batch 1 the gate, the light path and the
        // selected rows are split across threads, each thread selecting on its own), ReLU, then
        // a linear layer; k = 68
        SplittableRandom rnd = new SplittableRandom(5);
        List<LayerWeights> layers =
                List.of(
                        RandomWeights.midl(150, 150, 0.45, gate, 5, light, 3, 0.7f, rnd),
                        RandomWeights.linear(150, 10, rnd));
        float[] x = input(1, 150, 4);
        float[] oneThread = new InferenceNetwork(layers, ComputeMode.SPARSE, 1).predict(x, 1);
        // When / Then
        for (int threads = 2; threads <= 3; threads++) {
            InferenceNetwork net = new InferenceNetwork(layers, ComputeMode.SPARSE, threads);
            for (int repeat = 0; repeat < 3; repeat++) {
                assertThat(net.predict(x, 1)).as("%d threads", threads).containsExactly(oneThread);
            }
        }
        assertThat(new InferenceNetwork(layers, ComputeMode.DENSE, 2).predict(x, 1))
                .containsExactly(oneThread);
        assertClose(oneThread, ScalarReference.network(layers, x, 1), 1e-4f);
    }

    @Test
    void givenDenseMlp_whenPredicting_thenMatchesScalarReference() {
        // Given
        List<LayerWeights> layers = RandomWeights.denseMlp(new int[] {33, 21, 17, 5}, 6);
        float[] x = input(13, 33, 1);
        {
            InferenceNetwork net = new InferenceNetwork(layers, ComputeMode.SPARSE, 2);
            // When
            float[] y = net.predict(x, 13);
            // Then
            assertClose(y, ScalarReference.network(layers, x, 13), 1e-4f);
        }
    }

    @Test
    void givenRatioOne_whenPredicting_thenEqualsBlendOfAllUnits() {
        // Given: k = n, so every unit blends g h1 + (1 - g) h2
        SplittableRandom rnd = new SplittableRandom(2);
        MidlLayerWeights w =
                RandomWeights.midl(20, 12, 1.0, GateForm.LOW_RANK, 3, LightForm.ZERO, 0, 1f, rnd);
        float[] x = input(3, 20, 3);
        float[] g = ScalarReference.gate(w, x, 3);
        float[] h1 = ScalarReference.linear(x, 3, w.fullWeight(), w.fullBias(), 20, 12);
        {
            InferenceNetwork net = new InferenceNetwork(List.of(w), ComputeMode.SPARSE, 1);
            // When
            float[] y = net.predict(x, 3);
            // Then
            for (int i = 0; i < y.length; i++) {
                assertThat(y[i]).isCloseTo(g[i] * h1[i], within(1e-5f));
            }
        }
    }

    @Test
    void givenMismatchedWidths_whenConstructing_thenRejectedNamingTheLayers() {
        SplittableRandom rnd = new SplittableRandom(1);
        List<LayerWeights> layers =
                List.of(RandomWeights.linear(4, 3, rnd), RandomWeights.linear(5, 2, rnd));
        assertThatThrownBy(() -> new InferenceNetwork(layers, ComputeMode.SPARSE, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layers[1].inFeatures must equal layers[0].outFeatures = 3, got 5");
    }

    @Test
    void givenShortInput_whenPredicting_thenRejected() {
        List<LayerWeights> layers = RandomWeights.denseMlp(new int[] {4, 3}, 1);
        {
            InferenceNetwork net = new InferenceNetwork(layers, ComputeMode.SPARSE, 1);
            assertThatThrownBy(() -> net.predict(new float[7], 2))
                    .hasMessage("x must hold batch * inputSize = 2*4 floats, got 7");
        }
    }

    @Test
    void givenZeroThreads_whenConstructing_thenRejected() {
        List<LayerWeights> layers = RandomWeights.denseMlp(new int[] {4, 3}, 1);
        assertThatThrownBy(() -> new InferenceNetwork(layers, ComputeMode.SPARSE, 0))
                .hasMessage("numThreads must be > 0, got 0");
    }

    @Test
    void givenTwoThreadNetwork_whenClosed_thenItsHelperThreadEndsAndCallsFail() throws Exception {
        // Given a 3-thread network (two helpers of its own) that has run a call
        long before = helperThreads();
        InferenceNetwork net =
                new InferenceNetwork(
                        RandomWeights.denseMlp(new int[] {64, 32, 8}, 3), ComputeMode.SPARSE, 3);
        net.predict(new float[64], 1);
        assertThat(helperThreads()).isEqualTo(before + 2);
        // When closing it (twice: idempotent)
        net.close();
        net.close();
        // Then its helpers are gone and a call says why it cannot run
        assertThat(helperThreads()).isEqualTo(before);
        assertThatThrownBy(() -> net.predict(new float[64], 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static long helperThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("midl-inference-"))
                .count();
    }
}
