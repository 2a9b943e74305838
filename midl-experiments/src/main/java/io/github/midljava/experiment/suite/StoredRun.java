package io.github.midljava.experiment.suite;

import io.github.midljava.experiment.RunResult;

/**
 * A finished run as stored in its folder.
 *
 * @param result the run's {@code result.json}
 * @param analysis its {@code analysis.json} (E2 measures), or null if the run has none
 * @param record its {@code run.json}
 */
public record StoredRun(RunResult result, RunAnalysis analysis, RunRecord record) {}
