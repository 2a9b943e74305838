package io.github.midljava.experiment.suite;

import ai.djl.nn.SequentialBlock;
import io.github.midljava.data.Dataset;
import io.github.midljava.experiment.RunResult;
import io.github.midljava.experiment.TrainRun;
import io.github.midljava.report.AtomicFiles;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The real {@link RunExecutor}: {@link TrainRun#execute} with an analysis hook that, while the
 * trained model is still open, computes the E2 measures and keeps the weights E4 times.
 */
public final class TrainingExecutor implements RunExecutor {

    @Override
    public Output execute(PlannedRun run, SuiteOptions options, Dataset data, Path folder) {
        Variant v = run.variant();
        RunAnalysis[] analysis = new RunAnalysis[1];
        TrainRun.Analysis hook =
                (model, test, spec) -> {
                    SequentialBlock block = (SequentialBlock) model.getBlock();
                    if (v.analysed()) {
                        analysis[0] =
                                new RunAnalyzer(AnalysisSettings.of(options))
                                        .analyse(block, model.getNDManager(), test);
                    }
                    if (v.savesParameters()) {
                        saveParameters(block, folder.resolve(RunStore.PARAMETERS));
                    }
                };
        RunResult result = TrainRun.execute(run.spec(options), data, hook);
        return new Output(result, analysis[0]);
    }

    private static void saveParameters(SequentialBlock block, Path file) {
        try {
            AtomicFiles.writeStream(file, out -> block.saveParameters(new DataOutputStream(out)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the trained weights to " + file, e);
        }
    }
}
