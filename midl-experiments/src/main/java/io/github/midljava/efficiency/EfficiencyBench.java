package io.github.midljava.efficiency;

import ai.djl.Model;
import io.github.midljava.bench.InferenceLatency;
import io.github.midljava.bench.VariantKey;
import io.github.midljava.experiment.PeakMemory;
import io.github.midljava.flops.Flops;
import io.github.midljava.flops.FlopsCounter;
import io.github.midljava.inference.ComputeMode;
import io.github.midljava.inference.InferenceNetwork;
import io.github.midljava.inference.SingleSampleKernel;
import io.github.midljava.model.Method;
import io.github.midljava.model.ModelInspector;
import io.github.midljava.nn.MidlBlock;
import io.github.midljava.nn.export.InferenceExport;
import io.github.midljava.report.Plots;
import io.github.midljava.train.EngineForward;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurements of {@code midl bench}: inference latency per batch size for dense and MID-L
 * (dense and sparse compute, pure-Java kernels and the PyTorch engine), training throughput, and
 * sparse latency against activeRatio next to the honest FLOPs curve.
 */
public final class EfficiencyBench {

    private final int threads;
    private final double secondsPerPoint;

    /**
     * @param threads threads of the pure-Java kernels (the engine's are set when it loads)
     * @param secondsPerPoint rough time budget per (model, batch) point
     */
    public EfficiencyBench(int threads, double secondsPerPoint) {
        this.threads = threads;
        this.secondsPerPoint = secondsPerPoint;
    }

    /**
     * Measures every variant of one model at each batch size; returns one record per variant and
     * batch. Variants are named in the shared vocabulary ({@link VariantKey}); the single-sample
     * kernels ({@code rows}, {@code panels}) differ only at batch 1, so the {@code panels} networks
     * are timed there only.
     */
    public List<BenchRecord> inference(BenchModels.Spec spec, int[] batches) {
        List<BenchRecord> records = new ArrayList<>();
        List<InferenceNetwork> nets = new ArrayList<>();
        try (Model dense = BenchModels.create(spec, Method.DENSE, 1.0, 1);
                Model midl = BenchModels.create(spec, Method.MIDL, 0.45, 1)) {
            long denseBytes = 4 * ModelInspector.parameterCount(dense.getBlock());
            long midlBytes = 4 * ModelInspector.parameterCount(midl.getBlock());
            Map<VariantKey, Variant> variants = new LinkedHashMap<>();
            for (SingleSampleKernel kernel : SingleSampleKernel.values()) {
                String k = kernel.name().toLowerCase(java.util.Locale.ROOT);
                variants.put(
                        new VariantKey("dense", "java", "dense", k),
                        javaVariant(dense, ComputeMode.DENSE, kernel, denseBytes, nets));
                variants.put(
                        new VariantKey("midl", "java", "sparse", k),
                        javaVariant(midl, ComputeMode.SPARSE, kernel, midlBytes, nets));
            }
            variants.put(
                    new VariantKey("midl", "java", "dense", "rows"),
                    javaVariant(midl, ComputeMode.DENSE, SingleSampleKernel.ROWS, midlBytes, nets));
            variants.put(
                    new VariantKey("midl", "java", "auto", "rows"),
                    javaVariant(midl, ComputeMode.AUTO, SingleSampleKernel.ROWS, midlBytes, nets));
            variants.put(
                    new VariantKey("dense", "djl", "dense", "engine"),
                    engineVariant(dense, spec, denseBytes));
            variants.put(
                    new VariantKey("midl", "djl", "dense", "engine"),
                    engineVariant(midl, spec, midlBytes));
            for (int batch : batches) {
                // Each runtime is measured in its own round-robin: libtorch's OpenMP workers keep
                // spinning after an engine call and would steal the second core from the Java
                // kernels if the two were interleaved call by call.
                for (String runtime : new String[] {"java", "djl"}) {
                    Map<String, InferenceLatency.Call> calls = new LinkedHashMap<>();
                    Map<String, VariantKey> keys = new LinkedHashMap<>();
                    variants.forEach(
                            (key, v) -> {
                                if (key.runtime().equals(runtime)
                                        && (batch == 1 || !key.kernel().equals("panels"))) {
                                    calls.put(key.name(), v.call());
                                    keys.put(key.name(), key);
                                }
                            });
                    int timed = timedCalls(batch, calls.size());
                    // At least 3 x AutoChoice's trials untimed: AUTO times both computations first.
                    List<InferenceLatency.Result> results =
                            InferenceLatency.measureCalls(
                                    calls,
                                    spec.inputSize(),
                                    batch,
                                    Math.max(50, timed / 4),
                                    timed,
                                    7);
                    for (InferenceLatency.Result r : results) {
                        VariantKey key = keys.get(r.variant());
                        long peak =
                                variants.get(key).bytes()
                                        + peakGrowth(
                                                calls.get(r.variant()), spec.inputSize(), batch);
                        records.add(
                                new BenchRecord(
                                        spec.name(),
                                        key.method(),
                                        key.runtime(),
                                        key.compute(),
                                        batch == 1 || key.runtime().equals("djl")
                                                ? key.kernel()
                                                : "batched",
                                        "infer",
                                        batch,
                                        r.medianMicros(),
                                        r.p99Micros(),
                                        r.minMicros(),
                                        batch / (r.medianMicros() / 1e6),
                                        peak,
                                        autoNote(variants.get(key), batch)));
                    }
                }
            }
        } finally {
            nets.forEach(InferenceNetwork::close);
        }
        return records;
    }

    /** What AUTO decided per MID-L layer after the calls, or null for other variants. */
    private static String autoNote(Variant v, int batch) {
        return v.net() == null || v.net().computeMode() != ComputeMode.AUTO
                ? null
                : String.join(",", v.net().autoDecisions(batch));
    }

    /** A measured variant: how to call it, the bytes of its weights, its network if Java. */
    private record Variant(InferenceLatency.Call call, long bytes, InferenceNetwork net) {}

    private Variant javaVariant(
            Model model,
            ComputeMode mode,
            SingleSampleKernel kernel,
            long bytes,
            List<InferenceNetwork> nets) {
        InferenceNetwork net =
                new InferenceNetwork(
                        InferenceExport.layers(model.getBlock()), mode, threads, kernel);
        nets.add(net);
        float[][] out = new float[1][];
        return new Variant(
                (x, b) -> {
                    if (out[0] == null || out[0].length < b * net.outputSize()) {
                        out[0] = new float[b * net.outputSize()];
                    }
                    net.predict(x, b, out[0]);
                    return out[0][0];
                },
                bytes,
                net);
    }

    private static Variant engineVariant(Model model, BenchModels.Spec spec, long bytes) {
        EngineForward v =
                new EngineForward(
                        model.getBlock(), model.getNDManager(), new long[] {spec.inputSize()});
        return new Variant((x, b) -> v.logits(x, 0, b)[0], bytes, null);
    }

    private int timedCalls(int batch, int variants) {
        // about secondsPerPoint / 2 per runtime, from a rough 40 us + 15 us per sample estimate
        int calls = (int) (secondsPerPoint * 1e6 / 2 / variants / (40 + 15.0 * batch));
        return Math.max(20, Math.min(5000, calls));
    }

    /** Peak growth of resident memory over a few calls of one variant alone, in bytes. */
    private static long peakGrowth(InferenceLatency.Call call, int inputSize, int batch) {
        float[] x = new float[batch * inputSize];
        Long before = PeakMemory.residentBytes();
        if (before == null || !PeakMemory.reset()) {
            return 0;
        }
        Long base = PeakMemory.residentBytes();
        for (int i = 0; i < 3; i++) {
            call.run(x, batch);
        }
        Long peak = PeakMemory.residentBytes();
        return peak == null || base == null ? 0 : Math.max(0, peak - base);
    }

    /** Training throughput at batch 128 of the MNIST MLP, per method. */
    public List<BenchRecord> training(int rounds, int stepsPerRound) {
        List<BenchRecord> records = new ArrayList<>();
        Map<Method, Double> tput =
                TrainingThroughput.measure(
                        List.of(Method.DENSE, Method.DROPOUT, Method.MIDL),
                        128,
                        rounds,
                        stepsPerRound);
        tput.forEach(
                (m, sps) ->
                        records.add(
                                new BenchRecord(
                                        "mnist-mlp",
                                        m.cliName(),
                                        "djl",
                                        "dense",
                                        "engine",
                                        "train",
                                        128,
                                        null,
                                        null,
                                        null,
                                        sps,
                                        null,
                                        null)));
        return records;
    }

    /** One point of the latency-vs-activeRatio sweep. */
    public record RatioPoint(
            double activeRatio, double sparseMicros, double denseMicros, Flops flops) {}

    /**
     * Batch-1 latency of the sparse Java path of the MNIST MID-L MLP for each activeRatio, measured
     * round-robin with the dense MLP on both single-sample kernels (the faster is the reference),
     * with the honest FLOPs of the model.
     */
    public List<RatioPoint> ratioSweep(double[] ratios) {
        List<RatioPoint> points = new ArrayList<>();
        try (Model dense = BenchModels.create(BenchModels.MNIST_MLP, Method.DENSE, 1.0, 1);
                InferenceNetwork denseRows =
                        new InferenceNetwork(
                                InferenceExport.layers(dense.getBlock()),
                                ComputeMode.DENSE,
                                threads,
                                SingleSampleKernel.ROWS);
                InferenceNetwork densePanels =
                        new InferenceNetwork(
                                InferenceExport.layers(dense.getBlock()),
                                ComputeMode.DENSE,
                                threads,
                                SingleSampleKernel.PANELS)) {
            for (double ratio : ratios) {
                try (Model midl = BenchModels.create(BenchModels.MNIST_MLP, Method.MIDL, ratio, 1);
                        InferenceNetwork sparse =
                                InferenceExport.toNetwork(
                                        midl.getBlock(), ComputeMode.SPARSE, threads)) {
                    Map<String, InferenceNetwork> nets = new LinkedHashMap<>();
                    nets.put("dense/java/dense/rows", denseRows);
                    nets.put("dense/java/dense/panels", densePanels);
                    nets.put("midl/java/sparse/rows", sparse);
                    int timed = timedCalls(1, 3);
                    List<InferenceLatency.Result> r =
                            InferenceLatency.measure(nets, 1, timed / 4, timed, 11);
                    Flops flops =
                            FlopsCounter.count(
                                            midl.getBlock(), new ai.djl.ndarray.types.Shape(1, 784))
                                    .model();
                    points.add(
                            new RatioPoint(
                                    ratio,
                                    r.get(2).medianMicros(),
                                    InferenceLatency.fastest(r.subList(0, 2)).medianMicros(),
                                    flops));
                }
            }
        }
        return points;
    }

    /**
     * Plots sparse latency and honest FLOPs, both relative to the dense MLP, against activeRatio.
     */
    public static void plotRatioSweep(List<RatioPoint> points, Path png) throws IOException {
        int n = points.size();
        double[] x = new double[n];
        double[] latency = new double[n];
        double[] honest = new double[n];
        double[] paper = new double[n];
        for (int i = 0; i < n; i++) {
            RatioPoint p = points.get(i);
            x[i] = p.activeRatio();
            latency[i] = p.sparseMicros() / p.denseMicros();
            honest[i] = (double) p.flops().honest() / p.flops().dense();
            paper[i] = (double) p.flops().paperStyle() / p.flops().dense();
        }
        Plots.lineChart(
                png,
                "MNIST MID-L MLP, batch 1: sparse path vs FLOPs (relative to the dense MLP)",
                "activeRatio",
                "MID-L / dense",
                List.of(
                        new Plots.Series("measured latency (sparse, Java)", x, latency, null),
                        new Plots.Series("honest FLOPs", x, honest, null),
                        new Plots.Series("paper-style FLOPs", x, paper, null)),
                false);
    }

    /**
     * The honest FLOPs of the MID-L model (activeRatio 0.45, default configuration) over those of
     * the dense model, per sample: the limit a sparse computation can approach at any batch size.
     */
    public double honestFlopsRatio(BenchModels.Spec spec) {
        try (Model midl = BenchModels.create(spec, Method.MIDL, 0.45, 1)) {
            Flops f =
                    FlopsCounter.count(
                                    midl.getBlock(),
                                    new ai.djl.ndarray.types.Shape(1, spec.inputSize()))
                            .model();
            return (double) f.honest() / f.dense();
        }
    }

    /** Returns {@code MidlBlock} defaults for the report header. */
    static String midlDefaults() {
        return MidlBlock.builder()
                .setUnits(512)
                .optLightPath(BenchModels.LIGHT_PATH)
                .buildConfig()
                .describe();
    }
}
