package io.github.midljava.experiment.suite;

import io.github.midljava.data.Dataset;
import io.github.midljava.experiment.RunResult;
import java.io.IOException;
import java.nio.file.Path;

/** Executes one planned run; the suite's seam for the real training and for tests. */
@FunctionalInterface
public interface RunExecutor {

    /**
     * Trains and evaluates {@code run}.
     *
     * @param run what to run
     * @param options the suite's options
     * @param data the loaded dataset
     * @param folder the run's folder, for files written while the model is open (its weights)
     * @return the result and, for analysed variants, the E2 measures
     */
    Output execute(PlannedRun run, SuiteOptions options, Dataset data, Path folder)
            throws IOException;

    /**
     * What a run produced.
     *
     * @param result the run's result
     * @param analysis the E2 measures, or null
     */
    record Output(RunResult result, RunAnalysis analysis) {}
}
