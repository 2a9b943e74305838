package io.github.midljava.experiment.suite;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.suite.efficiency.EfficiencyResult;
import java.util.List;
import java.util.Map;

/**
 * What a suite invocation ended with: every planned run that is stored, the E4 benchmarks, the
 * failures, and what this invocation computed.
 *
 * @param runs stored runs by planned run (finished now or earlier)
 * @param efficiency E4 benchmark per dataset
 * @param failures runs and benchmarks that failed in this invocation
 * @param executedRuns training runs executed by this invocation
 * @param reusedRuns training runs found stored
 * @param executedBenchmarks E4 benchmarks measured by this invocation
 * @param datasetLoads datasets loaded by this invocation
 * @param wallSeconds wall-clock seconds of this invocation's runs and benchmarks
 */
public record SuiteOutcome(
        Map<PlannedRun, StoredRun> runs,
        Map<DatasetId, EfficiencyResult> efficiency,
        List<Failure> failures,
        int executedRuns,
        int reusedRuns,
        int executedBenchmarks,
        int datasetLoads,
        double wallSeconds) {

    /**
     * A run or benchmark that failed.
     *
     * @param label e.g. {@code mnist/midl/seed-1}
     * @param message the error
     */
    public record Failure(String label, String message) {}
}
