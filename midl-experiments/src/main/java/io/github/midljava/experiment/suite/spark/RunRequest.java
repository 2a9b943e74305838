package io.github.midljava.experiment.suite.spark;

import java.io.Serializable;
import java.util.Map;

/**
 * What the driver sends to an executor for one run: plain JSON and strings, so that none of the
 * suite's types has to be {@link Serializable}, and the same JSON the store writes.
 *
 * @param label the run's label, for messages
 * @param runJson the {@code PlannedRun} as JSON
 * @param optionsJson the {@code SuiteOptions} as JSON (progress bars off: an executor's stderr is a
 *     log file)
 * @param checksums SHA-256 of every data file the run reads, as the driver read them, keyed by path
 *     relative to the data root
 */
record RunRequest(String label, String runJson, String optionsJson, Map<String, String> checksums)
        implements Serializable {}
