package io.github.midljava.experiment.suite.analysis;

/**
 * Every number of a suite's report, computed once from the stored runs: the Markdown and PNG
 * reports render it, the claims judge it. E4's numbers are the benchmark's own {@code
 * EfficiencyResult}, read through {@link ResultSet#efficiency}.
 *
 * @param results the stored runs behind the numbers
 * @param mainTable E1
 * @param information E2
 * @param robustness E3
 * @param ablations E5
 */
public record SuiteAnalysis(
        ResultSet results,
        MainTable mainTable,
        InformationResults information,
        RobustnessResults robustness,
        AblationResults ablations) {

    /** Computes every experiment's numbers. */
    public static SuiteAnalysis of(ResultSet results) {
        return new SuiteAnalysis(
                results,
                MainTable.of(results),
                InformationResults.of(results),
                RobustnessResults.of(results),
                AblationResults.of(results));
    }
}
