package io.github.midljava.cli;

import io.github.midljava.efficiency.BenchReport;
import io.github.midljava.efficiency.EfficiencyBench;
import io.github.midljava.report.OutputDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code midl bench}: latency, throughput and memory of dense vs MID-L, dense vs sparse compute.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure latency, throughput and memory: dense vs MID-L (dense and sparse compute).",
            "Inference latency (median, p99) per batch size, throughput and peak memory for the MNIST MLP and",
            "the CNN head: dense vs MID-L computed densely vs sparsely (pure-Java kernels) and the PyTorch engine;",
            "training throughput at batch 128; sparse latency vs activeRatio; optional PyTorch reference ratios."
        })
public final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Write bench.json, bench.md and plots here.")
    Path out;

    @Option(
            names = "--overwrite",
            description = "Replace a previous bench.json / bench.md in DIR. Default: refuse.")
    boolean overwrite;

    @Option(
            names = "--batches",
            split = ",",
            description = "Batch sizes. Default: ${DEFAULT-VALUE}.")
    int[] batches = {1, 8, 64, 256, 1024};

    @Option(
            names = "--threads",
            description = "Threads of the Java kernels and the engine. Default: all cores.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--seconds",
            description = "Rough time budget per (model, batch) point. Default: ${DEFAULT-VALUE}.")
    double seconds = 6;

    @Option(
            names = "--ratios",
            split = ",",
            description = "activeRatios of the sweep. Default: ${DEFAULT-VALUE}.")
    double[] ratios = {0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1.0};

    @Option(
            names = "--train-rounds",
            description =
                    "Rounds of the training throughput (0 = skip). Default: ${DEFAULT-VALUE}.")
    int trainRounds = 7;

    @Option(
            names = "--pytorch-reference",
            paramLabel = "SCRIPT",
            description =
                    "The PyTorch reference script to run for ratios (needs python3 with torch). Default: none.")
    Path reference;

    @Option(
            names = "--python",
            description = "Python interpreter for the reference. Default: ${DEFAULT-VALUE}.")
    String python =
            Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    @Option(
            names = "--models",
            split = ",",
            description = "mnist-mlp, cnn-head. Default: ${DEFAULT-VALUE}.")
    List<String> models = List.of("mnist-mlp", "cnn-head");

    @Override
    public Integer call() throws Exception {
        if (out == null) {
            return run();
        }
        try (OutputDirectory dir =
                OutputDirectory.claim(
                        out,
                        overwrite,
                        List.of("bench.json", "bench.md", "latency-vs-ratio.png"))) {
            return run();
        }
    }

    private int run() throws Exception {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        EfficiencyBench bench = new EfficiencyBench(threads, seconds);
        BenchReport report = new BenchReport(threads);
        report.inference(bench, models, batches);
        if (trainRounds > 0) {
            report.training(bench, trainRounds);
        }
        report.ratioSweep(bench, ratios);
        if (reference != null) {
            report.reference(reference, python);
        }
        System.out.println(report.markdown(out == null ? null : "latency-vs-ratio.png"));
        if (out != null) {
            report.write(out);
            System.out.println(
                    "Written: " + out.resolve("bench.json") + ", bench.md, latency-vs-ratio.png");
        }
        return 0;
    }
}
