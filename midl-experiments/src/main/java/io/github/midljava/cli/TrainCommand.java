package io.github.midljava.cli;

import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.DatasetLoaders;
import io.github.midljava.experiment.RunResult;
import io.github.midljava.experiment.RunSpec;
import io.github.midljava.experiment.TrainRun;
import io.github.midljava.experiment.suite.DatasetCache;
import io.github.midljava.model.Method;
import io.github.midljava.report.Json;
import io.github.midljava.report.OutputDirectory;
import io.github.midljava.train.Preset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code midl train}: one training run, written to {@code DIR/result.json}.
 *
 * <p>Order of work: options are validated, then the output folder is taken ({@link
 * OutputDirectory}: created, locked, checked for a previous result), and only then is data loaded
 * and the model trained; the result is written atomically at the end, and nothing is written if
 * training diverges.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train and evaluate one model; writes DIR/result.json atomically.")
public final class TrainCommand implements Callable<Integer> {

    /** The result file, written last. */
    private static final String RESULT = "result.json";

    /** The folder of the saved parameters ({@code --save-model}). */
    private static final String MODEL = "model";

    @Option(
            names = "--dataset",
            required = true,
            description = "mnist, cifar10, cifar100, svhn, adult or imdb.")
    String dataset;

    @Option(
            names = "--method",
            required = true,
            description = "dense, dropout, midl, random_k or static_k.")
    String method;

    @Option(
            names = "--preset",
            description = "quick, standard or paper. Default: ${DEFAULT-VALUE}.")
    Preset preset = Preset.QUICK;

    @Option(names = "--seed", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--epochs", description = "Override the preset's epochs (0 = preset).")
    int epochs = 0;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(
            names = "--label-noise",
            description = "Fraction of training labels flipped. Default: 0.")
    double labelNoise = 0;

    @Option(
            names = "--train-fraction",
            description = "Fraction of the training split used. Default: 1.")
    double trainFraction = 1;

    @Option(
            names = "--latency",
            description = "Also time inference at batch 1 and 256 and record peak memory.")
    boolean latency;

    @Option(names = "--save-model", description = "Also save the trained parameters to DIR/model/.")
    boolean saveModel;

    @Option(
            names = "--overwrite",
            description =
                    "Replace a previous result (result.json, model/) in DIR. Default: refuse.")
    boolean overwrite;

    @Mixin SampleLimits limits;

    @Option(
            names = "--curves",
            paramLabel = "N",
            description =
                    "Record per-epoch curves (loss, train/test accuracy) and MID-L gate statistics"
                            + " on fixed probes of N samples into result.json (0 = off). Default:"
                            + " ${DEFAULT-VALUE}.")
    int curves = 0;

    @Mixin MidlOptions midl;

    @Mixin CommonOptions common;

    @Override
    public Integer call() throws Exception {
        // Parse everything before the engine starts, so a typo fails in milliseconds.
        DatasetId id = DatasetId.fromCliName(dataset);
        if (curves < 0) {
            throw new IllegalArgumentException("--curves must be >= 0, got " + curves);
        }
        Method m = Method.fromCliName(method);
        int testLimit = limits.testLimit();
        RunSpec spec =
                new RunSpec(
                        id,
                        preset,
                        seed,
                        midl.toModelOptions(m),
                        epochs,
                        labelNoise,
                        trainFraction,
                        null,
                        latency,
                        common.dataOptions().withTrainLimit(limits.trainLimit),
                        !common.noProgress);
        try (OutputDirectory dir = OutputDirectory.claim(out, overwrite, List.of(RESULT, MODEL))) {
            common.configureEngine();
            Dataset data = DatasetCache.limitTest(DatasetLoaders.load(id, spec.data()), testLimit);
            TrainRun.Analysis save =
                    saveModel
                            ? (model, test, s) -> {
                                try {
                                    dir.delete(MODEL); // an old model's files must not mix in
                                    model.save(out.resolve(MODEL), "midl-" + id.cliName());
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }
                            : null;
            RunResult result = TrainRun.execute(spec, data, save, curves);
            if (!saveModel) {
                dir.delete(MODEL); // with --overwrite: no stale model beside the new result
            }
            write(out.resolve(RESULT), result);
        }
        return 0;
    }

    private static void write(Path file, RunResult result) throws IOException {
        Json.write(file, result);
        System.out.printf(
                "%s %s: test accuracy %.4f, active ratio %.3f, MID-L layer FLOPs savings %.2fx honest"
                        + " / %.2fx paper-style, %.1f s/epoch -> %s%n",
                result.dataset(),
                result.method(),
                result.testAccuracy(),
                result.activeRatio(),
                result.honestSavings(),
                result.paperStyleSavings(),
                result.trainSecondsPerEpoch(),
                file);
    }
}
