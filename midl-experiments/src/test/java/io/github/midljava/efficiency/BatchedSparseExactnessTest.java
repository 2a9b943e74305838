package io.github.midljava.efficiency;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import io.github.midljava.TestData;
import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DataSplit;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.DatasetLoaders;
import io.github.midljava.inference.ComputeMode;
import io.github.midljava.inference.InferenceNetwork;
import io.github.midljava.inference.LayerWeights;
import io.github.midljava.inference.MidlLayerWeights;
import io.github.midljava.inference.SingleSampleKernel;
import io.github.midljava.model.Method;
import io.github.midljava.nn.export.InferenceExport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The batched sparse kernel computes the logits the dense compute does, on the real MNIST test
 * images: for every batch size, thread count and k from 1 to n, each sample's logits agree within
 * 1e-5. Both computations of one network at one batch size select the same units (the gate is
 * computed by the same code), so no top-k tie can make them differ. Batches walk the test set in
 * order, so the last batch is ragged (10,000 is no multiple of 3, 64 or 256).
 */
class BatchedSparseExactnessTest {

    private static DataSplit test;

    @BeforeAll
    static void loadMnist() {
        DataOptions options =
                DataOptions.defaults().withDataDir(TestData.root()).withDownload(false);
        Dataset mnist = DatasetLoaders.load(DatasetId.MNIST, options);
        test = mnist.test();
    }

    @ParameterizedTest(name = "activeRatio {0} (k = {1}), {2} test images")
    @CsvSource({"0.45, 230, 10000", "0.001, 1, 1000", "1.0, 512, 1000"})
    void givenMnistTestImages_whenSparseAndDenseCompute_thenLogitsAgreeForEveryBatchAndThreads(
            double activeRatio, int k, int images) {
        // Given the MNIST MID-L MLP (784-512-512-10, ranks 16) at this activeRatio: 0.001 gives
        // k = 1 of 512, 1.0 gives k = n
        List<LayerWeights> layers;
        try (Model midl = BenchModels.create(BenchModels.MNIST_MLP, Method.MIDL, activeRatio, 5)) {
            layers = InferenceExport.layers(midl.getBlock());
        }
        assertThat(((MidlLayerWeights) layers.get(0)).k()).isEqualTo(k);
        assertThat(((MidlLayerWeights) layers.get(1)).k()).isEqualTo(k);
        int n = Math.min(images, test.size());
        float[] x = Arrays.copyOf(test.features(), n * 784);
        List<String> failures = new ArrayList<>();
        for (int threads = 1; threads <= 2; threads++) {
            for (SingleSampleKernel kernel : SingleSampleKernel.values()) {
                try (InferenceNetwork sparse =
                                new InferenceNetwork(layers, ComputeMode.SPARSE, threads, kernel);
                        InferenceNetwork dense =
                                new InferenceNetwork(layers, ComputeMode.DENSE, threads, kernel)) {
                    for (int batch : new int[] {1, 3, 8, 64, 256}) {
                        if (batch > 1 && kernel == SingleSampleKernel.PANELS) {
                            continue; // the kernels differ at batch 1 only
                        }
                        // When
                        float[] ys = predictAll(sparse, x, n, batch);
                        float[] yd = predictAll(dense, x, n, batch);
                        // Then
                        for (int i = 0; i < ys.length; i++) {
                            if (Math.abs(ys[i] - yd[i]) > 1e-5f) {
                                failures.add(
                                        String.format(
                                                "threads %d, %s, batch %d, image %d, logit %d:"
                                                        + " sparse %s vs dense %s",
                                                threads, kernel, batch, i / 10, i % 10, ys[i],
                                                yd[i]));
                            }
                        }
                        assertThat(ys)
                                .as("logits are not all zero")
                                .isNotEqualTo(new float[ys.length]);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Logits of the first n images, batch by batch in order (the last batch ragged). */
    private static float[] predictAll(InferenceNetwork net, float[] x, int n, int batch) {
        float[] out = new float[n * 10];
        float[] logits = new float[batch * 10];
        for (int from = 0; from < n; from += batch) {
            int size = Math.min(batch, n - from);
            float[] chunk = Arrays.copyOfRange(x, from * 784, (from + size) * 784);
            net.predict(chunk, size, logits);
            System.arraycopy(logits, 0, out, from * 10, size * 10);
        }
        return out;
    }
}
