package io.github.midljava.efficiency;

import io.github.midljava.experiment.Provenance;
import io.github.midljava.report.AtomicFiles;
import io.github.midljava.report.Fmt;
import io.github.midljava.report.Json;
import io.github.midljava.report.MarkdownTable;
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
    private final long startNanos = System.nanoTime();

    /** Taken before anything is written: the output may lie inside the working tree. */
    private final String commit = Provenance.currentGitCommit();

    /**
     * @param threads the thread count of the run, for the header
     */
    public BenchReport(int threads) {
        this.threads = threads;
    }

    /** Measures inference for the named models. */
    public void inference(EfficiencyBench bench, List<String> models, int[] batches) {
        for (String name : models) {
            BenchModels.Spec spec =
                    switch (name) {
                        case "mnist-mlp" -> BenchModels.MNIST_MLP;
                        case "cnn-head" -> BenchModels.CNN_HEAD;
                        default ->
                                throw new IllegalArgumentException(
                                        "unknown model '"
                                                + name
                                                + "', expected mnist-mlp or cnn-head");
                    };
            records.addAll(bench.inference(spec, batches));
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
        Json.write(dir.resolve("bench.json"), records);
        if (!sweep.isEmpty()) {
            EfficiencyBench.plotRatioSweep(sweep, dir.resolve("latency-vs-ratio.png"));
        }
        AtomicFiles.writeString(dir.resolve("bench.md"), markdown("latency-vs-ratio.png"));
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
                .findFirst();
    }

    /** Renders everything measured as Markdown; {@code plot} is the PNG to link, or null. */
    public String markdown(String plot) {
        StringBuilder md = new StringBuilder();
        md.append("# midl bench\n\n")
                .append("Threads: ")
                .append(threads)
                .append(" (Java kernels and engine intra-op). Commit ")
                .append(commit)
                .append(". Wall time ")
                .append(Fmt.fixed((System.nanoTime() - startNanos) / 1e9, 0))
                .append(" s. MID-L: ")
                .append(EfficiencyBench.midlDefaults())
                .append(".\n")
                .append(
                        "Variants run round-robin call by call, so machine drift hits all alike; medians.\n\n");
        Table.Builder t =
                Table.builder(
                        "model",
                        "method",
                        "runtime",
                        "compute",
                        "batch",
                        "median",
                        "p99",
                        "samples/s",
                        "peak memory",
                        "vs dense (same runtime)");
        for (BenchRecord r : records) {
            if (!r.phase().equals("infer")) {
                continue;
            }
            String vsDense =
                    find(r.model(), "dense", r.runtime(), "dense", "infer", r.batch())
                            .map(d -> Fmt.ratio(r.medianMicros() / d.medianMicros(), 2))
                            .orElse("");
            t.addRow(
                    r.model(),
                    r.method(),
                    r.runtime(),
                    r.compute(),
                    r.batch(),
                    Fmt.micros(r.medianMicros()),
                    Fmt.micros(r.p99Micros()),
                    Fmt.si(r.samplesPerSecond()),
                    Fmt.bytes(r.peakBytes()),
                    vsDense);
        }
        md.append("## Inference\n\n").append(MarkdownTable.render(t.build())).append('\n');
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
            find("mnist-mlp", "midl", "java", "sparse", "infer", 1)
                    .ifPresent(
                            r -> {
                                if (dense != null) {
                                    rt.addRow(
                                            "batch-1 latency: our MID-L sparse vs reference dense MLP",
                                            Fmt.micros(r.medianMicros()),
                                            Fmt.micros(dense.batch1Micros()),
                                            Fmt.ratio(r.medianMicros() / dense.batch1Micros(), 2));
                                }
                            });
            find("mnist-mlp", "dense", "java", "dense", "infer", 1)
                    .ifPresent(
                            r -> {
                                if (dense != null) {
                                    rt.addRow(
                                            "batch-1 latency: our dense (Java) vs reference dense",
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
