package io.github.midljava.efficiency;

import io.github.midljava.experiment.Provenance;
import io.github.midljava.report.AtomicFiles;
import io.github.midljava.report.Fmt;
import io.github.midljava.report.Json;
import io.github.midljava.report.MarkdownTable;
import io.github.midljava.report.Plots;
import io.github.midljava.report.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the measurements of {@code midl bench} and renders them as JSON, Markdown and a plot.
 */
public final class BenchReport {

    private final int threads;
    private final List<BenchRecord> records = new ArrayList<>();
    private List<EfficiencyBench.RatioPoint> sweep = List.of();
    private Map<String, PytorchReference.Figures> reference = Map.of();
    private final Map<String, Double> honestFlops = new java.util.LinkedHashMap<>();
    private final String cpu = Provenance.capture(Map.of(), "", Map.of()).cpu();
    private final long startNanos = System.nanoTime();

    /** Taken before anything is written: the output may lie inside the working tree. */
    private final String commit = Provenance.currentGitCommit();

    /**
     * @param threads the thread count of the run, for the header
     */
    public BenchReport(int threads) {
        this.threads = threads;
    }

    /** The names of the models {@link #inference} measures, in report order. */
    public static List<String> modelNames() {
        return BenchModels.ALL.stream().map(BenchModels.Spec::name).toList();
    }

    /**
     * The files {@link #write} may put into its folder: the tables and every plot, also those of
     * models a run does not measure (a command replacing an earlier result deletes them all).
     */
    public static List<String> files() {
        List<String> files = new ArrayList<>(List.of(JSON, MARKDOWN, RATIO_PLOT));
        modelNames().forEach(m -> files.add(batchPlot(m)));
        return files;
    }

    private static final String JSON = "bench.json";
    private static final String MARKDOWN = "bench.md";
    private static final String RATIO_PLOT = "latency-vs-ratio.png";

    private static String batchPlot(String model) {
        return "latency-vs-batch-" + model + ".png";
    }

    /** Measures inference for the named models. */
    public void inference(EfficiencyBench bench, List<String> models, int[] batches) {
        for (String name : models) {
            BenchModels.Spec spec =
                    BenchModels.ALL.stream()
                            .filter(s -> s.name().equals(name))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "unknown model '"
                                                            + name
                                                            + "', expected "
                                                            + String.join(" or ", modelNames())));
            records.addAll(bench.inference(spec, batches));
            honestFlops.put(spec.name(), bench.honestFlopsRatio(spec));
        }
    }

    /** Measures training throughput. */
    public void training(EfficiencyBench bench, int rounds) {
        records.addAll(bench.training(rounds, 30));
    }

    /** Measures the activeRatio sweep. */
    public void ratioSweep(EfficiencyBench bench, double[] ratios) {
        sweep = bench.ratioSweep(ratios);
    }

    /** Runs the PyTorch reference script. */
    public void reference(Path script, String python) {
        reference = PytorchReference.run(script, python);
    }

    /** Writes bench.json, bench.md and latency-vs-ratio.png into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Json.write(dir.resolve(JSON), records);
        if (!sweep.isEmpty()) {
            EfficiencyBench.plotRatioSweep(sweep, dir.resolve(RATIO_PLOT));
        }
        for (String model : honestFlops.keySet()) {
            plotBatches(model, dir.resolve(batchPlot(model)));
        }
        AtomicFiles.writeString(dir.resolve(MARKDOWN), markdown(RATIO_PLOT));
    }

    private Optional<BenchRecord> find(
            String model, String method, String runtime, String compute, String phase, int batch) {
        return records.stream()
                .filter(
                        r ->
                                r.model().equals(model)
                                        && r.method().equals(method)
                                        && r.runtime().equals(runtime)
                                        && r.phase().equals(phase)
                                        && r.batch() == batch
                                        && (compute == null || compute.equals(r.compute())))
                .min(java.util.Comparator.comparingDouble(BenchRecord::medianMicros));
    }

    /** The inference records of one model and batch size. */
    private List<BenchRecord> inferenceRecords(String model, int batch) {
        return records.stream()
                .filter(
                        r ->
                                r.phase().equals("infer")
                                        && r.model().equals(model)
                                        && r.batch() == batch)
                .toList();
    }

    /**
     * The honest dense reference of one model and batch size: the fastest dense computation
     * measured (either Java single-sample kernel, the batched kernel, or the engine).
     */
    Optional<BenchRecord> fastestDense(String model, int batch) {
        return inferenceRecords(model, batch).stream()
                .filter(r -> r.method().equals("dense"))
                .min(java.util.Comparator.comparingDouble(BenchRecord::medianMicros));
    }

    /** The fastest MID-L record of one model, batch and compute (over kernels and runtimes). */
    private Optional<BenchRecord> fastestMidl(String model, int batch, String compute) {
        return inferenceRecords(model, batch).stream()
                .filter(r -> r.method().equals("midl") && r.compute().equals(compute))
                .min(java.util.Comparator.comparingDouble(BenchRecord::medianMicros));
    }

    /** The fastest single call of any dense variant of one model and batch size. */
    private double fastestDenseCall(String model, int batch) {
        return inferenceRecords(model, batch).stream()
                .filter(r -> r.method().equals("dense"))
                .mapToDouble(BenchRecord::minMicros)
                .min()
                .orElse(Double.NaN);
    }

    /** The fastest single call of any MID-L variant of one model, batch and compute. */
    private double fastestCall(String model, int batch, String compute) {
        return inferenceRecords(model, batch).stream()
                .filter(r -> r.method().equals("midl") && r.compute().equals(compute))
                .mapToDouble(BenchRecord::minMicros)
                .min()
                .orElse(Double.NaN);
    }

    private List<Integer> batches(String model) {
        return records.stream()
                .filter(r -> r.phase().equals("infer") && r.model().equals(model))
                .map(BenchRecord::batch)
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * Plots MID-L's latency (sparse, auto, dense compute) over the fastest dense computation
     * against the batch size, next to the honest FLOPs ratio.
     */
    private void plotBatches(String model, Path png) throws IOException {
        List<Integer> bs = batches(model);
        List<Plots.Series> series = new ArrayList<>();
        for (String compute : new String[] {"sparse", "auto", "dense"}) {
            List<double[]> pts = new ArrayList<>();
            for (int b : bs) {
                Optional<BenchRecord> d = fastestDense(model, b);
                Optional<BenchRecord> m = fastestMidl(model, b, compute);
                if (d.isPresent() && m.isPresent()) {
                    pts.add(new double[] {b, m.get().medianMicros() / d.get().medianMicros()});
                }
            }
            if (!pts.isEmpty()) {
                series.add(
                        new Plots.Series(
                                "MID-L " + compute + " compute / fastest dense",
                                pts.stream().mapToDouble(p -> p[0]).toArray(),
                                pts.stream().mapToDouble(p -> p[1]).toArray(),
                                null));
            }
        }
        double[] x = bs.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] flops = new double[x.length];
        java.util.Arrays.fill(flops, honestFlops.get(model));
        series.add(new Plots.Series("honest FLOPs ratio", x, flops, null));
        double[] one = new double[x.length];
        java.util.Arrays.fill(one, 1.0);
        series.add(new Plots.Series("dense (1.0)", x, one, null));
        Plots.lineChart(
                png,
                model + ", " + threads + " thread(s): MID-L latency / fastest dense, by batch size",
                "batch size",
                "latency / fastest dense",
                series,
                true);
    }

    /** Renders everything measured as Markdown; {@code plot} is the PNG to link, or null. */
    public String markdown(String plot) {
        StringBuilder md = new StringBuilder();
        md.append("# midl bench\n\n")
                .append("CPU: ")
                .append(cpu)
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" processors, vector species ")
                .append(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED)
                .append(". Threads: ")
                .append(threads)
                .append(" (Java kernels and engine intra-op). Commit ")
                .append(commit)
                .append(". Wall time ")
                .append(Fmt.fixed((System.nanoTime() - startNanos) / 1e9, 0))
                .append(" s. MID-L: ")
                .append(EfficiencyBench.midlDefaults())
                .append(".\n")
                .append(
                        "Variants take turns in blocks of 8 timed calls (calls in the first 0.3 ms of a block, while the previous variant's helper threads still spin, are not timed), so machine drift hits all alike; medians.\n\n");
        md.append("## Inference against the fastest dense computation\n\n")
                .append(
                        "At each batch size the reference is the fastest dense computation"
                                + " measured (named in the table): the Java dense model with the row"
                                + " kernel or with the batched panel kernel on one sample, or the"
                                + " PyTorch engine. MID-L ratios are against it; the honest FLOPs"
                                + " ratio is the limit a sparse computation can approach. On a shared"
                                + " machine medians carry other processes' load; the ratio of the"
                                + " fastest calls shows the computations undisturbed. Java and"
                                + " engine variants run in separate round-robins (libtorch's spinning"
                                + " workers would disturb the Java kernels).\n\n");
        Table.Builder h =
                Table.builder(
                        "model",
                        "batch",
                        "fastest dense",
                        "its median",
                        "MID-L sparse (best kernel)",
                        "ratio",
                        "ratio of fastest calls",
                        "MID-L auto",
                        "ratio",
                        "ratio of fastest calls",
                        "MID-L dense compute (fastest runtime)",
                        "ratio",
                        "honest FLOPs");
        for (String model : honestFlops.keySet()) {
            for (int b : batches(model)) {
                Optional<BenchRecord> d = fastestDense(model, b);
                if (d.isEmpty()) {
                    continue;
                }
                double ref = d.get().medianMicros();
                Optional<BenchRecord> sparse = fastestMidl(model, b, "sparse");
                Optional<BenchRecord> auto = fastestMidl(model, b, "auto");
                Optional<BenchRecord> dense = fastestMidl(model, b, "dense");
                double refMin = fastestDenseCall(model, b);
                h.addRow(
                        model,
                        b,
                        d.get().variant(),
                        Fmt.micros(ref),
                        sparse.map(r -> r.variant() + " " + Fmt.micros(r.medianMicros()))
                                .orElse(""),
                        sparse.map(r -> Fmt.ratio(r.medianMicros() / ref, 2)).orElse(""),
                        sparse.map(r -> Fmt.ratio(fastestCall(model, b, "sparse") / refMin, 2))
                                .orElse(""),
                        auto.map(r -> Fmt.micros(r.medianMicros()) + " (" + r.note() + ")")
                                .orElse(""),
                        auto.map(r -> Fmt.ratio(r.medianMicros() / ref, 2)).orElse(""),
                        auto.map(r -> Fmt.ratio(fastestCall(model, b, "auto") / refMin, 2))
                                .orElse(""),
                        dense.map(r -> r.variant() + " " + Fmt.micros(r.medianMicros())).orElse(""),
                        dense.map(r -> Fmt.ratio(r.medianMicros() / ref, 2)).orElse(""),
                        Fmt.fixed(honestFlops.get(model), 3));
            }
            md.append("![MID-L / fastest dense by batch size](latency-vs-batch-")
                    .append(model)
                    .append(".png)\n\n");
        }
        md.append(MarkdownTable.render(h.build())).append('\n');
        Table.Builder t =
                Table.builder(
                        "model",
                        "variant",
                        "batch",
                        "median",
                        "min",
                        "p99",
                        "samples/s",
                        "peak memory",
                        "vs fastest dense");
        for (BenchRecord r : records) {
            if (!r.phase().equals("infer")) {
                continue;
            }
            String vsDense =
                    fastestDense(r.model(), r.batch())
                            .map(d -> Fmt.ratio(r.medianMicros() / d.medianMicros(), 2))
                            .orElse("");
            t.addRow(
                    r.model(),
                    r.variant(),
                    r.batch(),
                    Fmt.micros(r.medianMicros()),
                    Fmt.micros(r.minMicros()),
                    Fmt.micros(r.p99Micros()),
                    Fmt.si(r.samplesPerSecond()),
                    Fmt.bytes(r.peakBytes()),
                    vsDense);
        }
        md.append("## Every inference variant (method/runtime/compute/kernel)\n\n")
                .append(MarkdownTable.render(t.build()))
                .append('\n');
        List<BenchRecord> train = records.stream().filter(r -> r.phase().equals("train")).toList();
        if (!train.isEmpty()) {
            Table.Builder tt =
                    Table.builder(
                            "model",
                            "method",
                            "batch",
                            "train samples/s",
                            "PyTorch reference",
                            "ratio");
            for (BenchRecord r : train) {
                PytorchReference.Figures f = reference.get(r.method());
                tt.addRow(
                        r.model(),
                        r.method(),
                        r.batch(),
                        Fmt.si(r.samplesPerSecond()),
                        f == null ? "not run" : Fmt.si(f.trainSamplesPerSecond()),
                        f == null
                                ? ""
                                : Fmt.ratio(r.samplesPerSecond() / f.trainSamplesPerSecond(), 2));
            }
            md.append("## Training (Adam, batch 128, fixed random batch)\n\n")
                    .append(MarkdownTable.render(tt.build()))
                    .append('\n');
        }
        if (!reference.isEmpty()) {
            md.append(
                    "## Against the PyTorch reference (best of its two thread layouts, same session)\n\n");
            Table.Builder rt =
                    Table.builder("comparison", "ours", "reference", "ratio ours/reference");
            PytorchReference.Figures dense = reference.get("dense");
            PytorchReference.Figures midl = reference.get("midl");
            fastestMidl("mnist-mlp", 1, "sparse")
                    .ifPresent(
                            r -> {
                                if (dense != null) {
                                    rt.addRow(
                                            "batch-1 latency: our MID-L sparse ("
                                                    + r.variant()
                                                    + ") vs reference dense MLP",
                                            Fmt.micros(r.medianMicros()),
                                            Fmt.micros(dense.batch1Micros()),
                                            Fmt.ratio(r.medianMicros() / dense.batch1Micros(), 2));
                                }
                            });
            fastestDense("mnist-mlp", 1)
                    .ifPresent(
                            r -> {
                                if (dense != null) {
                                    rt.addRow(
                                            "batch-1 latency: our fastest dense ("
                                                    + r.variant()
                                                    + ") vs reference dense",
                                            Fmt.micros(r.medianMicros()),
                                            Fmt.micros(dense.batch1Micros()),
                                            Fmt.ratio(r.medianMicros() / dense.batch1Micros(), 2));
                                }
                            });
            find("mnist-mlp", "dense", "djl", "dense", "infer", 256)
                    .ifPresent(
                            r -> {
                                if (dense != null) {
                                    rt.addRow(
                                            "batch-256 latency: dense in DJL vs reference dense",
                                            Fmt.micros(r.medianMicros()),
                                            Fmt.micros(dense.batch256Micros()),
                                            Fmt.ratio(
                                                    r.medianMicros() / dense.batch256Micros(), 2));
                                }
                            });
            md.append(MarkdownTable.render(rt.build())).append('\n');
            if (midl != null) {
                md.append("Reference MID-L batch-1 latency: ")
                        .append(Fmt.micros(midl.batch1Micros()))
                        .append(", batch 256: ")
                        .append(Fmt.micros(midl.batch256Micros()))
                        .append(".\n\n");
            }
        }
        if (!sweep.isEmpty()) {
            Table.Builder st =
                    Table.builder(
                            "activeRatio",
                            "sparse latency",
                            "dense latency",
                            "latency ratio",
                            "honest FLOPs ratio",
                            "paper-style FLOPs ratio");
            for (EfficiencyBench.RatioPoint p : sweep) {
                st.addRow(
                        p.activeRatio(),
                        Fmt.micros(p.sparseMicros()),
                        Fmt.micros(p.denseMicros()),
                        Fmt.fixed(p.sparseMicros() / p.denseMicros(), 3),
                        Fmt.fixed((double) p.flops().honest() / p.flops().dense(), 3),
                        Fmt.fixed((double) p.flops().paperStyle() / p.flops().dense(), 3));
            }
            md.append("## MNIST MID-L MLP, batch 1, Java kernels: latency vs activeRatio\n\n")
                    .append(MarkdownTable.render(st.build()))
                    .append('\n');
            if (plot != null) {
                md.append("![latency vs activeRatio](").append(plot).append(")\n");
            }
        }
        return md.toString();
    }
}
