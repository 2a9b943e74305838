package io.github.midljava.experiment.suite.spark;

import java.io.Serializable;

/**
 * What an executor sends back for one run: its outputs as JSON and bytes, or the error that ended
 * it. A run that fails inside the task (bad data, a checksum mismatch, a training error) returns an
 * error rather than throwing, because Spark would retry it and fail the same way; only a task whose
 * JVM dies is retried.
 *
 * @param executorId the Spark executor that ran it
 * @param resultJson the {@code RunResult}, or null on error
 * @param analysisJson the {@code RunAnalysis}, or null
 * @param parameters the weights kept for E4, or null
 * @param wallSeconds seconds from the task's start to its end (data loading included)
 * @param loadAtStart the executor machine's 1-minute load average at the start
 * @param loadAtEnd the same at the end
 * @param error one line on why the run failed, or null
 */
record RunReply(
        String executorId,
        String resultJson,
        String analysisJson,
        byte[] parameters,
        double wallSeconds,
        double loadAtStart,
        double loadAtEnd,
        String error)
        implements Serializable {

    /** A reply for a run that failed. */
    static RunReply failed(String executorId, double seconds, String error) {
        return new RunReply(executorId, null, null, null, seconds, Double.NaN, Double.NaN, error);
    }
}
