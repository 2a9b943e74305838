package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.data.DatasetId;
import io.github.midljava.evaluate.SlicedMutualInformation;
import io.github.midljava.experiment.RunResult;
import io.github.midljava.experiment.suite.AnalysisSettings;
import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.PlannedRun;
import io.github.midljava.experiment.suite.RunAnalysis;
import io.github.midljava.experiment.suite.RunRecord;
import io.github.midljava.experiment.suite.StoredRun;
import io.github.midljava.experiment.suite.SuiteOptions;
import io.github.midljava.experiment.suite.SuiteOptionsFixture;
import io.github.midljava.experiment.suite.SuiteOutcome;
import io.github.midljava.experiment.suite.SuitePlan;
import io.github.midljava.experiment.suite.Variant;
import io.github.midljava.flops.Flops;
import io.github.midljava.model.Method;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made stored runs of one Adult suite (3 E1 seeds, 3 ablation seeds), for tests of the
 * analysis: only the fields a test sets carry meaning.
 */
final class StoredRuns {

    static final DatasetId D = DatasetId.ADULT;

    final SuiteOptions options = SuiteOptionsFixture.defaults(3, 3, D);
    final SuitePlan plan =
            SuitePlan.of(
                    options,
                    EnumSet.of(ExperimentId.E1, ExperimentId.E2, ExperimentId.E3, ExperimentId.E5));
    private final Map<PlannedRun, StoredRun> runs = new LinkedHashMap<>();

    /** Stores a run of {@code variant} on seed {@code seed}. */
    StoredRuns add(Variant variant, long seed, double test, double train) {
        return add(variant, seed, test, train, Map.of(), null);
    }

    /** Stores a run with test accuracies under input noise (σ as text, e.g. "1.0"). */
    StoredRuns add(
            Variant variant,
            long seed,
            double test,
            double train,
            Map<String, Double> noisy,
            RunAnalysis analysis) {
        RunResult r =
                new RunResult(
                        D.cliName(),
                        variant.method().cliName(),
                        seed,
                        "quick",
                        1,
                        test,
                        train,
                        variant.method() == Method.MIDL ? 0.45 : 1.0,
                        new Flops(1000, 600, 450),
                        new Flops(800, 400, 250),
                        2.0,
                        3.2,
                        123,
                        1.5,
                        100,
                        List.of(),
                        variant.labelNoise(),
                        variant.trainFraction(),
                        noisy,
                        Map.of("1", 10.0 * seed),
                        null,
                        "MLP",
                        "hidden",
                        null,
                        null);
        runs.put(
                new PlannedRun(D, variant, seed),
                new StoredRun(r, analysis, new RunRecord(Map.of(), 1, "", List.of())));
        return this;
    }

    /** An analysis whose SMI is {@code smi} and whose floor is {@code floor} (nats). */
    static RunAnalysis analysis(double smi, double floor, double monteCarloSe) {
        return analysis(smi, floor, monteCarloSe, List.of());
    }

    /** The same with the MID-L layers' selection counts. */
    static RunAnalysis analysis(
            double smi,
            double floor,
            double monteCarloSe,
            List<io.github.midljava.experiment.suite.LayerSelection> selection) {
        return new RunAnalysis(
                "hidden layer 2",
                new AnalysisSettings(100, 10, 3, 0.1, 1),
                smiResult(smi, monteCarloSe),
                smiResult(floor, monteCarloSe),
                new io.github.midljava.evaluate.PerNeuronMutualInformation.Result(
                        new double[] {0.0, 0.2, 0.4}, 0.2, 0.2, 0.1, 2.0 / 3, 100, 3, 1),
                selection);
    }

    private static SlicedMutualInformation.Result smiResult(double mean, double se) {
        return new SlicedMutualInformation.Result(mean, se, se * Math.sqrt(10), 10, 100, 4, 3, 1);
    }

    /** Returns the stored runs as the reports see them. */
    ResultSet results() {
        return new ResultSet(plan, new SuiteOutcome(runs, Map.of(), List.of(), 0, 0, 0, 0, 0));
    }

    Variant e1(Method m) {
        return plan.catalog().e1(m);
    }
}
