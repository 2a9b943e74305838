package io.github.midljava.experiment.suite.efficiency;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.github.midljava.bench.InferenceLatency;
import io.github.midljava.data.DataSplit;
import io.github.midljava.experiment.PeakMemory;
import io.github.midljava.model.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times trained models under every {@link InferenceVariant}: test accuracy through the variant,
 * median latency per call at each batch size, and peak memory.
 *
 * <p>Latency: the harness of {@code midl bench} ({@link InferenceLatency#measureCalls}) on the
 * first test samples: after a warm-up, the variants take turns in short blocks, the order rotating,
 * so that the drift of a shared machine (up to 2x over minutes) hits all of them alike; the median
 * over {@code ROUNDS x callsPerRound} calls per variant is reported. The honest dense reference at
 * each batch size is {@link EfficiencyResult#fastestDense}.
 *
 * <p>Memory, two ways: the bytes of the arrays one call creates (exact where the mode can tell, as
 * the DJL forward can), and, per batch size and mode, the process's peak resident size is reset
 * ({@link PeakMemory#reset()}), three calls run, and the rise of the peak over the resident size
 * before is reported. It is process-wide and the allocator may reuse memory freed by an earlier
 * mode, so small differences mean little.
 */
public final class EfficiencyBenchmark {

    /** Timed calls per variant are {@code ROUNDS * callsPerRound(batch)}. */
    public static final int ROUNDS = 5;

    private static final int ACCURACY_BATCH = 500;

    private EfficiencyBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param dataset benchmark CLI name
     * @param trained the trained models by method, weights loaded
     * @param managers the manager of each trained model
     * @param test the test split
     * @param modes the compute modes, in report order
     * @param batchSizes batch sizes, each &ge; 1 (capped at the test split's size)
     * @param fingerprint stored with the result
     * @param weights description of the timed weights
     * @param engineThreads the engine's intra-op threads
     */
    public static EfficiencyResult run(
            String dataset,
            Map<Method, SequentialBlock> trained,
            Map<Method, NDManager> managers,
            DataSplit test,
            List<InferenceVariant> modes,
            List<Integer> batchSizes,
            Map<String, String> fingerprint,
            String weights,
            String engineThreads) {
        List<InferenceVariant> available = new ArrayList<>();
        List<InferenceVariant.Inference> prepared = new ArrayList<>();
        for (InferenceVariant mode : modes) {
            SequentialBlock block = trained.get(mode.method());
            if (block == null) {
                throw new IllegalArgumentException(
                        "no trained " + mode.method() + " model for mode " + mode.name());
            }
            mode.prepare(block, managers.get(mode.method()), test)
                    .ifPresent(
                            inference -> {
                                available.add(mode);
                                prepared.add(inference);
                            });
        }
        try {
            int classes = test.numClasses();
            Map<InferenceVariant, Double> accuracy = new LinkedHashMap<>();
            for (int i = 0; i < available.size(); i++) {
                accuracy.put(available.get(i), accuracy(prepared.get(i), test, classes));
            }
            Map<InferenceVariant, Map<String, Double>> latency =
                    latency(available, prepared, test, batchSizes);
            Map<InferenceVariant, Map<String, Long>> bytes =
                    arrayBytes(available, prepared, test, batchSizes);
            Map<InferenceVariant, Map<String, Long>> increase = new LinkedHashMap<>();
            Map<InferenceVariant, Map<String, Long>> peak = new LinkedHashMap<>();
            memory(available, prepared, test, batchSizes, increase, peak);
            List<ModeMeasurement> out = new ArrayList<>();
            for (InferenceVariant mode : modes) {
                if (!available.contains(mode)) {
                    out.add(
                            new ModeMeasurement(
                                    mode.name(),
                                    mode.method().cliName(),
                                    false,
                                    mode.unavailableNote(),
                                    null,
                                    Map.of(),
                                    Map.of(),
                                    Map.of(),
                                    Map.of()));
                } else {
                    out.add(
                            new ModeMeasurement(
                                    mode.name(),
                                    mode.method().cliName(),
                                    true,
                                    "",
                                    accuracy.get(mode),
                                    latency.get(mode),
                                    bytes.get(mode),
                                    increase.get(mode),
                                    peak.get(mode)));
                }
            }
            return new EfficiencyResult(
                    dataset,
                    fingerprint,
                    weights,
                    List.copyOf(batchSizes),
                    test.size(),
                    ROUNDS,
                    engineThreads,
                    out,
                    Instant.now().toString());
        } finally {
            for (InferenceVariant.Inference inference : prepared) {
                inference.close();
            }
        }
    }

    /** Accuracy of a mode's predictions over the whole split. */
    static double accuracy(InferenceVariant.Inference inference, DataSplit test, int classes) {
        float[] out = new float[ACCURACY_BATCH * classes];
        int correct = 0;
        for (int from = 0; from < test.size(); from += ACCURACY_BATCH) {
            int b = Math.min(ACCURACY_BATCH, test.size() - from);
            inference.logits(test.features(), from, b, out);
            for (int i = 0; i < b; i++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (out[i * classes + c] > out[i * classes + best]) {
                        best = c;
                    }
                }
                correct += best == test.labels()[from + i] ? 1 : 0;
            }
        }
        return test.size() == 0 ? 0 : (double) correct / test.size();
    }

    private static Map<InferenceVariant, Map<String, Double>> latency(
            List<InferenceVariant> modes,
            List<InferenceVariant.Inference> prepared,
            DataSplit test,
            List<Integer> batchSizes) {
        int classes = test.numClasses();
        Map<InferenceVariant, Map<String, Double>> out = new LinkedHashMap<>();
        for (InferenceVariant mode : modes) {
            out.put(mode, new LinkedHashMap<>());
        }
        for (int batch : batchSizes) {
            int b = Math.min(batch, test.size());
            float[] x = Arrays.copyOf(test.features(), b * test.featureLength());
            float[] logits = new float[b * classes];
            Map<String, InferenceLatency.Call> calls = new LinkedHashMap<>();
            for (int i = 0; i < modes.size(); i++) {
                InferenceVariant.Inference inference = prepared.get(i);
                calls.put(
                        modes.get(i).name(),
                        (in, n) -> {
                            inference.logits(in, 0, n, logits);
                            return logits[0];
                        });
            }
            // The warm-up must outlast JIT compilation: the pure-Java Vector API kernels are slow
            // until C2 has compiled them (seconds), each batch size has its own path, and AUTO
            // times both of its computations on its first calls.
            int timed = ROUNDS * callsPerRound(b);
            List<InferenceLatency.Result> results =
                    InferenceLatency.measureCalls(calls, x, b, 2 * timed, timed);
            for (int i = 0; i < modes.size(); i++) {
                out.get(modes.get(i)).put(Integer.toString(batch), results.get(i).medianMicros());
            }
        }
        return out;
    }

    private static Map<InferenceVariant, Map<String, Long>> arrayBytes(
            List<InferenceVariant> modes,
            List<InferenceVariant.Inference> prepared,
            DataSplit test,
            List<Integer> batchSizes) {
        Map<InferenceVariant, Map<String, Long>> out = new LinkedHashMap<>();
        for (int i = 0; i < modes.size(); i++) {
            Map<String, Long> perBatch = new LinkedHashMap<>();
            for (int batch : batchSizes) {
                Long b =
                        prepared.get(i)
                                .arrayBytes(test.features(), 0, Math.min(batch, test.size()));
                if (b != null) {
                    perBatch.put(Integer.toString(batch), b);
                }
            }
            out.put(modes.get(i), perBatch);
        }
        return out;
    }

    private static void memory(
            List<InferenceVariant> modes,
            List<InferenceVariant.Inference> prepared,
            DataSplit test,
            List<Integer> batchSizes,
            Map<InferenceVariant, Map<String, Long>> increase,
            Map<InferenceVariant, Map<String, Long>> peak) {
        for (InferenceVariant mode : modes) {
            increase.put(mode, new LinkedHashMap<>());
            peak.put(mode, new LinkedHashMap<>());
        }
        for (int batch : batchSizes) {
            int b = Math.min(batch, test.size());
            float[] out = new float[b * test.numClasses()];
            for (int i = 0; i < modes.size(); i++) {
                if (!PeakMemory.reset()) {
                    return; // no /proc: leave the maps empty rather than report a wrong number
                }
                Long before = PeakMemory.residentBytes();
                for (int c = 0; c < 3; c++) {
                    prepared.get(i).logits(test.features(), 0, b, out);
                }
                Long after = PeakMemory.residentBytes();
                if (before != null && after != null) {
                    increase.get(modes.get(i))
                            .put(Integer.toString(batch), Math.max(0, after - before));
                    peak.get(modes.get(i)).put(Integer.toString(batch), after);
                }
            }
        }
    }

    /** Calls per mode, batch size and round: more for small batches, whose timings are noisier. */
    static int callsPerRound(int batch) {
        if (batch <= 1) {
            return 60;
        }
        return Math.max(4, Math.min(40, 8192 / batch));
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
