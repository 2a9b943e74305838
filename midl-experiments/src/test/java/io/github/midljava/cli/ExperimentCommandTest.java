package io.github.midljava.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.midljava.experiment.RunResult;
import io.github.midljava.experiment.suite.SuiteOutcome;
import io.github.midljava.experiment.suite.claims.ClaimRow;
import io.github.midljava.experiment.suite.claims.Verdict;
import io.github.midljava.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code midl experiment all} end to end on a small slice of UCI Adult (1 epoch, 2000 training and
 * 2000 test samples, few variants): reports are written, a second invocation computes nothing, and
 * an interrupted run restarts cleanly. The three steps share one output folder, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExperimentCommandTest {

    /** Training runs the arguments below plan: E1 3 methods x 2 seeds, E3 3 x 2, E5 2. */
    private static final int PLANNED_RUNS = 14;

    @TempDir static Path out;

    private static Path dataDir;

    @BeforeAll
    static void findData() {
        dataDir = resolveDataDir();
    }

    /**
     * MIDL_DATA_DIR as CI sets it (relative to the repository root, while tests run in the module).
     */
    private static Path resolveDataDir() {
        String env = System.getenv("MIDL_DATA_DIR");
        if (env == null || env.isBlank()) {
            fail(
                    "MIDL_DATA_DIR is not set: point it at the shared datasets (CI:"
                            + " MIDL_DATA_DIR=../shared/datasets)");
        }
        Path p = Path.of(env.strip());
        List<Path> candidates = new ArrayList<>(List.of(p.toAbsolutePath()));
        if (!p.isAbsolute()) {
            candidates.add(Path.of("").toAbsolutePath().getParent().resolve(p));
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("adult").resolve("adult.data"))) {
                return c.normalize();
            }
        }
        fail("MIDL_DATA_DIR=" + env + " has no adult/adult.data (tried " + candidates + ")");
        return null;
    }

    private static String[] args() {
        return args("1");
    }

    private static String[] args(String epochs) {
        List<String> a =
                new ArrayList<>(
                        List.of(
                                "experiment",
                                "all",
                                "--datasets",
                                "adult",
                                "--seeds",
                                "2",
                                "--preset",
                                "quick",
                                "--epochs",
                                epochs,
                                "--train-limit",
                                "2000",
                                "--test-limit",
                                "2000",
                                "--methods",
                                "dense,dropout,midl",
                                "--label-noise",
                                "0,0.4",
                                "--sigmas",
                                "0,1",
                                "--ratios",
                                "0.2,0.45",
                                "--gradient-modes",
                                "straight_through,masked",
                                "--light-paths",
                                "zero",
                                "--gate-ranks",
                                "16",
                                "--temperatures",
                                "1",
                                "--batch-sizes",
                                "1,64",
                                "--smi-samples",
                                "300",
                                "--smi-directions",
                                "50",
                                "--data-dir",
                                dataDir.toString(),
                                "--offline",
                                "--no-progress",
                                "--out",
                                out.toString()));
        return a.toArray(new String[0]);
    }

    /** Runs the CLI and returns the command object (for its outcome) and the exit code. */
    private static Result run(String... args) {
        CommandLine cl = MidlCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        ExperimentCommand cmd = cl.getSubcommands().get("experiment").getCommand();
        return new Result(rc, cmd, err.toString());
    }

    private record Result(int rc, ExperimentCommand command, String err) {}

    private static Map<Path, FileTime> resultTimes() throws IOException {
        Map<Path, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out.resolve("runs"))) {
            for (Path p :
                    files.filter(f -> f.getFileName().toString().equals("result.json")).toList()) {
                times.put(p, Files.getLastModifiedTime(p));
            }
        }
        return times;
    }

    private static List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    @Order(1)
    void givenEmptyFolder_whenExperimentAll_thenEveryReportCsvAndPlotIsWritten()
            throws IOException {
        // When
        Result r = run(args());

        // Then
        assertThat(r.rc()).as(r.err()).isZero();
        SuiteOutcome o = r.command().outcome();
        assertThat(o.executedRuns()).isEqualTo(PLANNED_RUNS);
        assertThat(o.reusedRuns()).isZero();
        assertThat(o.executedBenchmarks()).isEqualTo(1);
        assertThat(o.datasetLoads()).as("each dataset is loaded once per invocation").isEqualTo(1);
        assertThat(o.failures()).isEmpty();
        for (String e : List.of("e1", "e2", "e3", "e4", "e5")) {
            assertThat(out.resolve(e).resolve("report.md")).isRegularFile();
            assertThat(out.resolve(e).resolve("summary.csv")).isRegularFile();
        }
        for (String png :
                List.of(
                        "e2/smi.png",
                        "e2/neuron-mi-adult.png",
                        "e2/active-neurons-adult.png",
                        "e3/label-noise-adult.png",
                        "e3/input-noise-adult.png",
                        "e4/latency-adult.png",
                        "e5/pareto-adult.png")) {
            assertThat(out.resolve(png)).isRegularFile().isNotEmptyFile();
        }
        String report = Files.readString(out.resolve("report.md"));
        assertThat(report)
                .startsWith("# MID-L for Java")
                .contains("./midl experiment all --datasets adult")
                .contains("## Claims vs our numbers")
                .contains("MID-L, sparse compute (pure Java)")
                .doesNotContain("not measured (missing)")
                .contains("](e5/pareto-adult.png)")
                .contains("adult/adult.data")
                // the paper's other datasets are listed with the state of their data
                .contains("### Datasets of the paper not in this suite")
                .containsPattern(
                        "- svhn: (not run: data absent\\. .*train_32x32\\.mat|its data is present)")
                .contains("- mnist: its data is present; not selected");
        List<ClaimRow> claims = r.command().claims();
        assertThat(claims).hasSize(6);
        assertThat(claims)
                .allSatisfy(c -> assertThat(c.verdict()).isNotEqualTo(Verdict.NOT_MEASURED));
        // two seeds are fewer than a paired interval needs: no verdict on accuracy
        assertThat(claims.get(2).verdict()).isEqualTo(Verdict.NOT_ENOUGH_SEEDS);
        assertThat(Files.readString(out.resolve("claims.md")))
                .contains("at git commit `")
                .contains("./midl experiment all --datasets adult")
                .contains("not enough seeds");
        assertThat(Files.readString(out.resolve("e2/summary.csv")))
                .contains("smi_floor_shuffled_labels_mean");
        assertThat(Files.readString(out.resolve("e1/summary.csv")))
                .startsWith("dataset,method,seeds,test_accuracy_mean")
                .contains("adult,midl,2,");
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    @Order(2)
    void givenFinishedSuite_whenRunAgain_thenNothingIsRecomputed() throws IOException {
        // Given
        Map<Path, FileTime> before = resultTimes();
        assertThat(before).hasSize(PLANNED_RUNS + 1); // + the E4 benchmark

        // When
        Result r = run(args());

        // Then
        assertThat(r.rc()).as(r.err()).isZero();
        SuiteOutcome o = r.command().outcome();
        assertThat(o.executedRuns()).isZero();
        assertThat(o.executedBenchmarks()).isZero();
        assertThat(o.reusedRuns()).isEqualTo(PLANNED_RUNS);
        assertThat(o.datasetLoads()).as("nothing to compute, so no data is read").isZero();
        assertThat(resultTimes()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void givenRunKilledWhileWriting_whenRunAgain_thenOnlyThatRunRestartsAndNoTempFileRemains()
            throws IOException {
        // Given: a run killed mid-write leaves temporary files and no result.json
        Path folder = out.resolve("runs/adult/midl-ratio-0.2/seed-1");
        Files.delete(folder.resolve("result.json"));
        Files.writeString(folder.resolve(".result.json.k1ll3d.tmp"), "{\"dataset\": \"adu");
        Files.writeString(folder.resolve(".run.json.k1ll3d.tmp"), "{");
        Map<Path, FileTime> before = resultTimes();

        // When
        Result r = run(args());

        // Then
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.command().outcome().executedRuns()).isEqualTo(1);
        assertThat(tempFiles()).isEmpty();
        RunResult restarted = Json.read(folder.resolve("result.json"), RunResult.class);
        assertThat(restarted.activeRatio()).isLessThan(0.25);
        Map<Path, FileTime> after = resultTimes();
        before.forEach((p, t) -> assertThat(after.get(p)).as(p.toString()).isEqualTo(t));
    }

    @Test
    @Order(4)
    void givenFolderOfAnotherConfiguration_whenRun_thenFailsNamingTheDifference() {
        // When: same folder, another number of epochs
        Result r = run(args("2"));

        // Then
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.err()).contains("another configuration").contains("plan");
    }
}
