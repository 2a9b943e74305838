package io.github.midljava.experiment.suite.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.midljava.TestData;
import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.RunResult;
import io.github.midljava.experiment.suite.DatasetCache;
import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.PlannedRun;
import io.github.midljava.experiment.suite.RunStore;
import io.github.midljava.experiment.suite.StoredRun;
import io.github.midljava.experiment.suite.SuiteOptions;
import io.github.midljava.experiment.suite.SuiteOutcome;
import io.github.midljava.experiment.suite.SuitePlan;
import io.github.midljava.experiment.suite.SuiteRunner;
import io.github.midljava.experiment.suite.TrainingExecutor;
import io.github.midljava.model.Method;
import io.github.midljava.model.ModelOptions;
import io.github.midljava.nn.GradientMode;
import io.github.midljava.nn.LightPath;
import io.github.midljava.report.Json;
import io.github.midljava.train.Preset;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The tiny plan of the Spark tests: E1 on a slice of UCI Adult (1 epoch, 2000 training and 1000
 * test samples) for DENSE, DROPOUT and MIDL with seed 1, and its results computed once per JVM by
 * the in-process executor, the reference every distributed run must equal exactly.
 */
final class TinyPlan {

    /** Engine threads of the test JVM (surefire's argLine), and so of every run compared. */
    static final int THREADS = 2;

    private static SuiteOutcome inProcess;

    private TinyPlan() {}

    /** The plan's options on the shared data. */
    static SuiteOptions options() {
        return new SuiteOptions(
                List.of(DatasetId.ADULT),
                Preset.QUICK,
                1,
                1,
                1,
                List.of(DatasetId.ADULT),
                List.of(Method.DENSE, Method.DROPOUT, Method.MIDL),
                ModelOptions.defaults(Method.MIDL),
                SuiteOptions.DEFAULT_LABEL_NOISE,
                List.of(0.0, 0.5),
                0.1,
                SuiteOptions.DEFAULT_RATIOS,
                List.of(GradientMode.values()),
                List.of(LightPath.ZERO),
                SuiteOptions.DEFAULT_GATE_RANKS,
                SuiteOptions.DEFAULT_TEMPERATURES,
                SuiteOptions.DEFAULT_BATCH_SIZES,
                200,
                20,
                3,
                0.1,
                0.005,
                DataOptions.defaults().withDataDir(TestData.root()).withTrainLimit(2000),
                1000,
                false);
    }

    /** The plan. */
    static SuitePlan plan() {
        return SuitePlan.of(options(), Set.of(ExperimentId.E1));
    }

    /** Returns the in-process outcome, computing it on first use into {@code dir}. */
    static synchronized SuiteOutcome inProcess(Path dir) throws IOException {
        if (inProcess == null) {
            SuitePlan plan = plan();
            inProcess =
                    new SuiteRunner(
                                    new RunStore(dir),
                                    new TrainingExecutor(),
                                    new DatasetCache(plan.options().data(), 1000),
                                    List.of(),
                                    new PrintStream(PrintStream.nullOutputStream()))
                            .run(plan);
            assertThat(inProcess.failures()).isEmpty();
        }
        return inProcess;
    }

    /** Runs the plan with {@code executor} into {@code dir}. */
    static SuiteOutcome distributed(SparkRunExecutor executor, Path dir, PrintStream log)
            throws IOException {
        SuitePlan plan = plan();
        return new SuiteRunner(
                        new RunStore(dir),
                        executor,
                        new DatasetCache(plan.options().data(), 1000),
                        List.of(),
                        log)
                .run(plan);
    }

    /**
     * Asserts that every run of {@code actual} stored exactly the accuracies, losses and E2
     * measures of the in-process reference.
     */
    static void assertSameResults(SuiteOutcome actual, SuiteOutcome expected) {
        assertThat(actual.failures()).isEmpty();
        assertThat(actual.runs().keySet()).isEqualTo(expected.runs().keySet());
        for (Map.Entry<PlannedRun, StoredRun> e : expected.runs().entrySet()) {
            RunResult want = e.getValue().result();
            RunResult got = actual.runs().get(e.getKey()).result();
            String label = e.getKey().label();
            assertThat(got.testAccuracy())
                    .as(label + " test accuracy")
                    .isEqualTo(want.testAccuracy());
            assertThat(got.trainAccuracy())
                    .as(label + " train accuracy")
                    .isEqualTo(want.trainAccuracy());
            assertThat(got.epochLosses()).as(label + " losses").isEqualTo(want.epochLosses());
            assertThat(got.noisyTestAccuracy())
                    .as(label + " noisy accuracy")
                    .isEqualTo(want.noisyTestAccuracy());
            assertThat(got.activeRatio()).as(label + " active ratio").isEqualTo(want.activeRatio());
            assertThat(got.provenance().engineThreads()).isEqualTo(Integer.toString(THREADS));
            assertThat(Json.toJson(actual.runs().get(e.getKey()).analysis()))
                    .as(label + " E2 analysis")
                    .isEqualTo(Json.toJson(e.getValue().analysis()));
        }
    }

    /** Asserts that every run folder under {@code dir} is finished (holds result.json). */
    static void assertNoUnfinishedFolder(Path dir, int runs) throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("runs"))) {
            List<Path> seedFolders =
                    files.filter(p -> p.getFileName().toString().startsWith("seed-")).toList();
            assertThat(seedFolders).hasSize(runs);
            for (Path f : seedFolders) {
                assertThat(f.resolve(RunStore.RESULT)).as(f + " finished").isRegularFile();
                try (Stream<Path> inside = Files.list(f)) {
                    assertThat(inside.map(p -> p.getFileName().toString()))
                            .as("no temporary files in " + f)
                            .noneMatch(n -> n.endsWith(".tmp"));
                }
            }
        }
    }
}
