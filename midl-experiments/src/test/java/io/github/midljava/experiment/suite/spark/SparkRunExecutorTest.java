package io.github.midljava.experiment.suite.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.midljava.TestData;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetLoaders;
import io.github.midljava.experiment.suite.DatasetCache;
import io.github.midljava.experiment.suite.RunStore;
import io.github.midljava.experiment.suite.SuiteOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiny plan on the embedded cluster ({@code local[2]}: two executor JVMs started by the
 * driver): the same stored results as in process, and a one-line failure per run when the
 * executors' data differ from the driver's. (A file that differs from its canonical checksum is
 * refused by the loader itself, with the same kind of line.)
 */
class SparkRunExecutorTest {

    @TempDir static Path dir;

    private static SparkSettings local2() {
        return SparkSettings.defaults(SparkMaster.parse("local[2]"))
                .withThreadsPerRun(TinyPlan.THREADS);
    }

    private static SuiteOutcome local2;
    private static Map<String, Integer> local2Deliveries;
    private static String local2Log;

    /** The tiny plan on local[2], computed once for the tests that need it. */
    private static synchronized SuiteOutcome local2Outcome() throws IOException {
        if (local2 == null) {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
            try (SparkRunExecutor spark =
                    new SparkRunExecutor(
                            local2(), new DatasetCache(TinyPlan.options().data(), 1000), out)) {
                local2 = TinyPlan.distributed(spark, dir.resolve("local2"), out);
                local2Deliveries = spark.deliveries();
            }
            local2Log = log.toString(StandardCharsets.UTF_8);
        }
        return local2;
    }

    @Test
    void givenTinyPlan_whenLocal2_thenStoresExactlyTheInProcessResults() throws IOException {
        // Given
        SuiteOutcome expected = TinyPlan.inProcess(dir.resolve("in-process"));

        // When
        SuiteOutcome actual = local2Outcome();

        // Then
        assertThat(local2Deliveries).hasSize(3).allSatisfy((run, n) -> assertThat(n).isOne());
        TinyPlan.assertSameResults(actual, expected);
        TinyPlan.assertNoUnfinishedFolder(dir.resolve("local2"), 3);
        for (String m : List.of("dense", "midl")) { // E4 on the driver times these weights
            Path weights = Path.of("runs", "adult", m, "seed-1", RunStore.PARAMETERS);
            assertThat(Files.readAllBytes(dir.resolve("local2").resolve(weights)))
                    .as(m + " weights")
                    .isEqualTo(Files.readAllBytes(dir.resolve("in-process").resolve(weights)));
        }
        assertThat(local2Log).contains("3/3 runs done").contains("in flight: adult/");
        assertThat(local2Log)
                .containsPattern("started adult/\\w+/seed-1 on executor \\d+ \\(127.0.0.1\\)");
    }

    @Test
    void givenStoredSparkRuns_whenSuiteRunsAgain_thenReusesThemWithoutStartingSpark()
            throws IOException {
        // Given
        assertThat(local2Outcome().failures()).isEmpty();

        // When
        SuiteOutcome again;
        try (SparkRunExecutor spark =
                new SparkRunExecutor(
                        local2(),
                        new DatasetCache(TinyPlan.options().data(), 1000),
                        new PrintStream(PrintStream.nullOutputStream()))) {
            again =
                    TinyPlan.distributed(
                            spark,
                            dir.resolve("local2"),
                            new PrintStream(PrintStream.nullOutputStream()));
            assertThat(spark.context()).as("no Spark context started").isNull();
        }

        // Then
        assertThat(again.executedRuns()).isZero();
        assertThat(again.reusedRuns()).isEqualTo(3);
    }

    @Test
    void givenExecutorDataDifferFromDriver_whenRun_thenEachRunFailsNamingFileAndBothChecksums()
            throws IOException {
        // Given: the driver read another version of adult.data than the executors will (one the
        // loader cannot tell from the canonical file by itself, e.g. a re-serialised subset)
        String driverSha = "0".repeat(64);
        DatasetCache driverData =
                new DatasetCache(
                        TinyPlan.options().data(),
                        1000,
                        (id, options) -> {
                            Dataset d = DatasetLoaders.load(id, options);
                            Map<String, String> sums = new TreeMap<>(d.fileChecksums());
                            sums.put("adult/adult.data", driverSha);
                            return new Dataset(
                                    d.id(),
                                    d.train(),
                                    d.test(),
                                    d.classNames(),
                                    sums,
                                    d.description());
                        });
        SparkSettings settings =
                SparkSettings.defaults(SparkMaster.parse("local[1]")).withThreadsPerRun(1);
        Path out = dir.resolve("mismatch");

        // When
        SuiteOutcome outcome;
        try (SparkRunExecutor spark =
                new SparkRunExecutor(
                        settings, driverData, new PrintStream(PrintStream.nullOutputStream()))) {
            outcome =
                    TinyPlan.distributed(
                            spark, out, new PrintStream(PrintStream.nullOutputStream()));
        }

        // Then: every run failed once, with one line naming the file and both checksums
        String executorSha = sha256(TestData.root().resolve("adult/adult.data"));
        assertThat(outcome.runs()).isEmpty();
        assertThat(outcome.failures()).hasSize(3);
        for (SuiteOutcome.Failure f : outcome.failures()) {
            assertThat(f.message())
                    .contains("data file adult/adult.data under " + TestData.root())
                    .contains("has SHA-256 " + executorSha + " on the executor")
                    .contains("but " + driverSha + " on the driver")
                    .doesNotContain("\n");
        }
        if (Files.exists(out)) {
            try (Stream<Path> files = Files.walk(out)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .doesNotContain(RunStore.RESULT);
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            byte[] d =
                    java.security.MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(file));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
