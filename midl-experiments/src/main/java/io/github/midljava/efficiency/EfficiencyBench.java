package io.github.midljava.efficiency;

import ai.djl.Model;
import io.github.midljava.bench.InferenceLatency;
import io.github.midljava.experiment.PeakMemory;
import io.github.midljava.flops.Flops;
import io.github.midljava.flops.FlopsCounter;
import io.github.midljava.inference.ComputeMode;
import io.github.midljava.inference.InferenceNetwork;
import io.github.midljava.model.Method;
import io.github.midljava.model.ModelInspector;
import io.github.midljava.nn.MidlBlock;
import io.github.midljava.nn.export.InferenceExport;
import io.github.midljava.report.Plots;
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

    /** Measures every variant of one model at each batch size; returns one record per variant. */
    public List<BenchRecord> inference(BenchModels.Spec spec, int[] batches) {
        List<BenchRecord> records = new ArrayList<>();
        try (Model dense = BenchModels.create(spec, Method.DENSE, 1.0, 1);
                Model midl = BenchModels.create(spec, Method.MIDL, 0.45, 1)) {
            long denseBytes = 4 * ModelInspector.parameterCount(dense.getBlock());
            long midlBytes = 4 * ModelInspector.parameterCount(midl.getBlock());
            Map<String, Variant> variants = new LinkedHashMap<>();
            variants.put("dense/java/dense", javaVariant(dense, ComputeMode.DENSE, denseBytes));
            variants.put("midl/java/sparse", javaVariant(midl, ComputeMode.SPARSE, midlBytes));
            variants.put("midl/java/dense", javaVariant(midl, ComputeMode.DENSE, midlBytes));
            variants.put("dense/djl/dense", engineVariant(dense, spec, denseBytes));
            variants.put("midl/djl/dense", engineVariant(midl, spec, midlBytes));
            for (int batch : batches) {
                // Each runtime is measured in its own round-robin: libtorch's OpenMP workers keep
                // spinning after an engine call and would steal the second core from the Java
                // kernels if the two were interleaved call by call.
                for (String runtime : new String[] {"java", "djl"}) {
                    Map<String, InferenceLatency.Call> calls = new LinkedHashMap<>();
                    variants.forEach(
                            (name, v) -> {
                                if (name.contains("/" + runtime + "/")) {
                                    calls.put(name, v.call());
                                }
                            });
                    int timed = timedCalls(batch);
                    List<InferenceLatency.Result> results =
                            InferenceLatency.measureCalls(
                                    calls,
                                    spec.inputSize(),
                                    batch,
                                    Math.max(5, timed / 5),
                                    timed,
                                    7);
                    for (InferenceLatency.Result r : results) {
                        String[] key = r.variant().split("/");
                        long peak =
                                variants.get(r.variant()).bytes()
                                        + peakGrowth(
                                                calls.get(r.variant()), spec.inputSize(), batch);
                        records.add(
                                new BenchRecord(
                                        spec.name(),
                                        key[0],
                                        key[1],
                                        key[2],
                                        "infer",
                                        batch,
                                        r.medianMicros(),
                                        r.p99Micros(),
                                        batch / (r.medianMicros() / 1e6),
                                        peak));
                    }
                }
            }
        }
        return records;
    }

    /** A measured variant: how to call it and the bytes of its weights. */
    private record Variant(InferenceLatency.Call call, long bytes) {}

    private Variant javaVariant(Model model, ComputeMode mode, long bytes) {
        InferenceNetwork net = InferenceExport.toNetwork(model.getBlock(), mode, threads);
        return new Variant((x, b) -> net.predict(x, b)[0], bytes);
    }

    private static Variant engineVariant(Model model, BenchModels.Spec spec, long bytes) {
        EngineVariant v =
                new EngineVariant(model.getBlock(), model.getNDManager(), spec.inputSize());
        return new Variant((x, b) -> v.predict(x, b)[0], bytes);
    }

    private int timedCalls(int batch) {
        // about secondsPerPoint / 5 variants per point (3 Java + 2 engine), from a rough 60 us per
        // sample estimate
        int calls = (int) (secondsPerPoint * 1e6 / 5 / (40 + 60.0 * batch));
        return Math.max(10, Math.min(2000, calls));
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
                                        null,
                                        "train",
                                        128,
                                        null,
                                        null,
                                        sps,
                                        null)));
        return records;
    }

    /** One point of the latency-vs-activeRatio sweep. */
    public record RatioPoint(
            double activeRatio, double sparseMicros, double denseMicros, Flops flops) {}

    /**
     * Batch-1 latency of the sparse Java path of the MNIST MID-L MLP for each activeRatio, measured
     * round-robin with the dense MLP on the same kernels, with the honest FLOPs of the model.
     */
    public List<RatioPoint> ratioSweep(double[] ratios) {
        List<RatioPoint> points = new ArrayList<>();
        try (Model dense = BenchModels.create(BenchModels.MNIST_MLP, Method.DENSE, 1.0, 1)) {
            InferenceNetwork denseNet =
                    InferenceExport.toNetwork(dense.getBlock(), ComputeMode.DENSE, threads);
            for (double ratio : ratios) {
                try (Model midl =
                        BenchModels.create(BenchModels.MNIST_MLP, Method.MIDL, ratio, 1)) {
                    InferenceNetwork sparse =
                            InferenceExport.toNetwork(midl.getBlock(), ComputeMode.SPARSE, threads);
                    Map<String, InferenceNetwork> nets = new LinkedHashMap<>();
                    nets.put("dense", denseNet);
                    nets.put("sparse", sparse);
                    int timed = timedCalls(1) / 2;
                    List<InferenceLatency.Result> r =
                            InferenceLatency.measure(nets, 1, timed / 5, timed, 11);
                    Flops flops =
                            FlopsCounter.count(
                                            midl.getBlock(), new ai.djl.ndarray.types.Shape(1, 784))
                                    .model();
                    points.add(
                            new RatioPoint(
                                    ratio,
                                    r.get(1).medianMicros(),
                                    r.get(0).medianMicros(),
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

    /** Returns {@code MidlBlock} defaults for the report header. */
    static String midlDefaults() {
        return MidlBlock.builder().setUnits(512).buildConfig().describe();
    }
}
