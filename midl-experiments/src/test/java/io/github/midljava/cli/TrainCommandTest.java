package io.github.midljava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.github.midljava.TestData;
import io.github.midljava.report.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = MidlCli.commandLine();
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void givenUnknownDataset_whenTraining_thenExit2AndTheAcceptedNames(@TempDir Path out) {
        int code = run("train", "--dataset", "svhn2", "--method", "midl", "--out", out.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "unknown dataset 'svhn2', expected one of mnist, cifar10, cifar100, svhn, adult, imdb");
    }

    @Test
    void givenUnknownMethod_whenTraining_thenExit2(@TempDir Path out) {
        int code =
                run("train", "--dataset", "mnist", "--method", "sparse", "--out", out.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown method 'sparse'");
    }

    @Test
    void givenInvalidRatio_whenTraining_thenExit2NamingTheField(@TempDir Path out) {
        int code =
                run(
                        "train",
                        "--dataset",
                        "mnist",
                        "--method",
                        "midl",
                        "--active-ratio",
                        "1.5",
                        "--out",
                        out.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("activeRatio must be in (0, 1], got 1.5");
    }

    @Test
    void givenSvhnFilesAbsent_whenTrainingOffline_thenOneLineErrorAndNoResult(@TempDir Path out) {
        // Given the shared data root, which has no svhn/ folder
        java.util.List<String> args =
                new java.util.ArrayList<>(
                        java.util.List.of("train", "--dataset", "svhn", "--method", "dense"));
        args.addAll(CliRun.quietOffline(out));
        int code = run(args.toArray(String[]::new));
        // Then exit 2 with a one-line message naming the missing file, and nothing written
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("train_32x32.mat").doesNotContain("\tat ");
        assertThat(out.resolve("result.json")).doesNotExist();
    }

    @Test
    void givenAdultOneEpoch_whenTraining_thenResultJsonHasTheDocumentedKeys(@TempDir Path out)
            throws Exception {
        int code =
                run(
                        "train",
                        "--dataset",
                        "adult",
                        "--method",
                        "midl",
                        "--epochs",
                        "1",
                        "--no-progress",
                        "--data-dir",
                        TestData.root().toString(),
                        "--out",
                        out.toString());
        assertThat(code).isEqualTo(0);
        JsonObject r = Json.read(out.resolve("result.json"), JsonObject.class);
        assertThat(r.keySet())
                .contains(
                        "dataset",
                        "method",
                        "seed",
                        "preset",
                        "epochs",
                        "testAccuracy",
                        "activeRatio",
                        "flops",
                        "midlLayerFlops",
                        "params",
                        "trainSecondsPerEpoch",
                        "provenance");
        assertThat(r.getAsJsonObject("flops").keySet())
                .containsExactlyInAnyOrder("dense", "honest", "paperStyle");
        assertThat(r.get("testAccuracy").getAsDouble()).isBetween(0.0, 1.0);
        assertThat(r.getAsJsonObject("provenance").getAsJsonObject("dataChecksums").keySet())
                .contains("adult/adult.data", "adult/adult.test");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("result.json");
        }
    }

    @Test
    void givenPreviousResultAndModel_whenTrainingWithOverwrite_thenBothReplacedWithoutMixing(
            @TempDir Path out) throws Exception {
        // Given a finished run with a saved model
        String[] args = {
            "train",
            "--dataset",
            "adult",
            "--method",
            "dense",
            "--epochs",
            "1",
            "--train-limit",
            "300",
            "--test-limit",
            "300",
            "--save-model",
            "--no-progress",
            "--data-dir",
            TestData.root().toString(),
            "--out",
            out.toString()
        };
        assertThat(run(args)).isEqualTo(0);
        // When the same run is made again with --overwrite and another seed
        String[] again = java.util.Arrays.copyOf(args, args.length + 3);
        again[args.length] = "--overwrite";
        again[args.length + 1] = "--seed";
        again[args.length + 2] = "7";
        assertThat(run(again)).as(err.toString()).isEqualTo(0);
        // Then the result is the new run's and the model folder holds one model, not two
        JsonObject r = Json.read(out.resolve("result.json"), JsonObject.class);
        assertThat(r.get("seed").getAsLong()).isEqualTo(7);
        try (Stream<Path> files = Files.list(out.resolve("model"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly("midl-adult-0000.params");
        }
        assertThat(out.resolve(".midl.lock")).doesNotExist();
    }
}
