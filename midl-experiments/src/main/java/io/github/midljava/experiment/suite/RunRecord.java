package io.github.midljava.experiment.suite;

import java.util.Map;

/**
 * Bookkeeping of one stored run ({@code run.json}): what configuration produced it and how long
 * it took.
 *
 * @param fingerprint the run's {@link PlannedRun#fingerprint} when it was executed
 * @param wallSeconds wall-clock seconds of the whole run (data preparation, training, evaluation,
 *     analysis)
 * @param finishedAt ISO-8601 time the run finished
 */
public record RunRecord(Map<String, String> fingerprint, double wallSeconds, String finishedAt) {}
