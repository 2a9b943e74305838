package io.github.midljava.experiment.suite;

import io.github.midljava.experiment.RunResult;
import java.util.List;

/**
 * Everything a run computed elsewhere, sent back to the driver, which stores it as {@link RunStore}
 * does for a local run.
 *
 * @param result the run's result
 * @param analysis its E2 measures, or null if the variant has none
 * @param parameters the trained weights for E4 (the bytes of {@link RunStore#PARAMETERS}), or null
 *     if the variant keeps none
 * @param wallSeconds wall-clock seconds of the run where it ran (loading its data, training,
 *     evaluation, analysis)
 * @param loadAverage the 1-minute load average of the machine that ran it, at its start and end
 * @param where which executor ran it, e.g. {@code executor 1 on 127.0.0.1}
 */
public record ShippedRun(
        RunResult result,
        RunAnalysis analysis,
        byte[] parameters,
        double wallSeconds,
        List<Double> loadAverage,
        String where) {}
