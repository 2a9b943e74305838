package io.github.midljava.experiment.suite.efficiency;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
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
 * Times trained models under every {@link ComputeMode}: test accuracy through the mode, median
 * latency per call at each batch size, and peak memory.
 *
 * <p>Latency: after a warm-up, {@link #ROUNDS} rounds; in each, every available mode runs a block
 * of calls at every batch size, the mode order rotating from round to round. On a shared machine
 * whose speed drifts by up to 2x over minutes, this spreads the drift over all modes instead of
 * letting it decide the comparison. The median over all calls is reported.
 *
 * <p>Memory, two ways: the bytes of the arrays one call creates (exact where the mode can tell, as
 * the DJL forward can), and, per batch size and mode, the process's peak resident size is reset
 * ({@link PeakMemory#reset()}), three calls run, and the rise of the peak over the resident size
 * before is reported. It is process-wide and the allocator may reuse memory freed by an earlier
 * mode, so small differences mean little.
 */
public final class EfficiencyBenchmark {

    /** Round-robin rounds of the latency measurement. */
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
            List<ComputeMode> modes,
            List<Integer> batchSizes,
            Map<String, String> fingerprint,
            String weights,
            String engineThreads) {
        List<ComputeMode> available = new ArrayList<>();
        List<ComputeMode.Inference> prepared = new ArrayList<>();
        for (ComputeMode mode : modes) {
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
            Map<ComputeMode, Double> accuracy = new LinkedHashMap<>();
            for (int i = 0; i < available.size(); i++) {
                accuracy.put(available.get(i), accuracy(prepared.get(i), test, classes));
            }
            Map<ComputeMode, Map<String, Double>> latency =
                    latency(available, prepared, test, batchSizes);
            Map<ComputeMode, Map<String, Long>> bytes =
                    arrayBytes(available, prepared, test, batchSizes);
            Map<ComputeMode, Map<String, Long>> increase = new LinkedHashMap<>();
            Map<ComputeMode, Map<String, Long>> peak = new LinkedHashMap<>();
            memory(available, prepared, test, batchSizes, increase, peak);
            List<ModeMeasurement> out = new ArrayList<>();
            for (ComputeMode mode : modes) {
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
            for (ComputeMode.Inference inference : prepared) {
                inference.close();
            }
        }
    }

    /** Accuracy of a mode's predictions over the whole split. */
    static double accuracy(ComputeMode.Inference inference, DataSplit test, int classes) {
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

    private static Map<ComputeMode, Map<String, Double>> latency(
            List<ComputeMode> modes,
            List<ComputeMode.Inference> prepared,
            DataSplit test,
            List<Integer> batchSizes) {
        int classes = test.numClasses();
        int m = modes.size();
        List<List<List<Double>>> times = new ArrayList<>(); // [mode][batch][call]
        for (int i = 0; i < m; i++) {
            List<List<Double>> perBatch = new ArrayList<>();
            for (int j = 0; j < batchSizes.size(); j++) {
                perBatch.add(new ArrayList<>());
            }
            times.add(perBatch);
        }
        for (int round = -1; round < ROUNDS; round++) { // round -1 warms up and is discarded
            for (int j = 0; j < batchSizes.size(); j++) {
                int b = Math.min(batchSizes.get(j), test.size());
                float[] out = new float[b * classes];
                // The warm-up must outlast JIT compilation: the pure-Java Vector API kernels are
                // slow until C2 has compiled them (seconds), and each batch size has its own path.
                int calls = round < 0 ? 10 * callsPerRound(b) : callsPerRound(b);
                for (int step = 0; step < m; step++) {
                    int i = Math.floorMod(step + round, m); // rotate who goes first
                    for (int c = 0; c < calls; c++) {
                        long start = System.nanoTime();
                        prepared.get(i).logits(test.features(), 0, b, out);
                        long nanos = System.nanoTime() - start;
                        if (round >= 0) {
                            times.get(i).get(j).add(nanos / 1e3);
                        }
                    }
                }
            }
        }
        Map<ComputeMode, Map<String, Double>> out = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            Map<String, Double> perBatch = new LinkedHashMap<>();
            for (int j = 0; j < batchSizes.size(); j++) {
                perBatch.put(Integer.toString(batchSizes.get(j)), median(times.get(i).get(j)));
            }
            out.put(modes.get(i), perBatch);
        }
        return out;
    }

    private static Map<ComputeMode, Map<String, Long>> arrayBytes(
            List<ComputeMode> modes,
            List<ComputeMode.Inference> prepared,
            DataSplit test,
            List<Integer> batchSizes) {
        Map<ComputeMode, Map<String, Long>> out = new LinkedHashMap<>();
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
            List<ComputeMode> modes,
            List<ComputeMode.Inference> prepared,
            DataSplit test,
            List<Integer> batchSizes,
            Map<ComputeMode, Map<String, Long>> increase,
            Map<ComputeMode, Map<String, Long>> peak) {
        for (ComputeMode mode : modes) {
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
