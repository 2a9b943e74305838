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
    List<String> models = BenchReport.modelNames();

    @Override
    public Integer call() throws Exception {
        validate();
        if (out == null) {
            return run(null, List.of());
        }
        List<String> results = BenchReport.files();
        try (OutputDirectory dir = OutputDirectory.claim(out, overwrite, results)) {
            return run(dir, results);
        }
    }

    /**
     * Rejects what would fail or mean nothing only after minutes of measuring, before anything is
     * measured or written: each message names the option and the value.
     */
    private void validate() {
        if (batches.length == 0) {
            throw new IllegalArgumentException("--batches must name at least one batch size");
        }
        for (int b : batches) {
            if (b < 1) {
                throw new IllegalArgumentException("--batches must be >= 1, got " + b);
            }
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (!(seconds > 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("--seconds must be > 0 and finite, got " + seconds);
        }
        for (double r : ratios) {
            if (!(r > 0 && r <= 1)) {
                throw new IllegalArgumentException("--ratios must be in (0, 1], got " + r);
            }
        }
        if (trainRounds < 0) {
            throw new IllegalArgumentException(
                    "--train-rounds must be >= 0 (0 = skip), got " + trainRounds);
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("--models must name at least one model");
        }
        for (String m : models) {
            if (!BenchReport.modelNames().contains(m)) {
                throw new IllegalArgumentException(
                        "unknown model '"
                                + m
                                + "' in --models, expected "
                                + String.join(" or ", BenchReport.modelNames()));
            }
        }
        if (reference != null && !Files.isRegularFile(reference)) {
            throw new IllegalArgumentException(
                    "--pytorch-reference " + reference + ": no such file");
        }
        if (reference != null && !executable(python)) {
            throw new IllegalArgumentException(
                    "--python " + python + ": not an executable file or a command on the PATH");
        }
    }

    /** Whether {@code command} is an executable path, or a bare name found on the PATH. */
    static boolean executable(String command) {
        if (command.isEmpty()) {
            return false;
        }
        if (command.contains("/")) {
            return Files.isExecutable(Path.of(command));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Measures, prints the tables and, with an output folder, writes them; {@code previous} are the
     * files of an earlier result there (with {@code --overwrite}), deleted once the new one is
     * measured, so that a plot of a model this run does not measure does not stay beside it.
     */
    private int run(OutputDirectory dir, List<String> previous) throws Exception {
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
        if (dir != null) {
            for (String name : previous) {
                dir.delete(name);
            }
            report.write(out);
            System.out.println(
                    "Written: " + out.resolve("bench.json") + ", bench.md, latency-vs-ratio.png");
        }
        return 0;
    }
}
