package io.github.midljava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import io.github.midljava.report.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchCommandTest {

    @TempDir Path tmp;

    /** The smallest real measurement: one model, batch 1, one ratio, no training; a few seconds. */
    private static List<String> tiny(Path out, String... extra) {
        List<String> a =
                new ArrayList<>(
                        List.of(
                                "bench",
                                "--models",
                                "mnist-mlp",
                                "--batches",
                                "1",
                                "--ratios",
                                "0.45",
                                "--train-rounds",
                                "0",
                                "--seconds",
                                "0.05",
                                "--threads",
                                "1",
                                "--out",
                                out.toString()));
        a.addAll(List.of(extra));
        return a;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--batches|0|--batches must be >= 1, got 0",
                "--batches|8,-1|--batches must be >= 1, got -1",
                "--threads|0|--threads must be >= 1, got 0",
                "--seconds|-1|--seconds must be > 0 and finite, got -1.0",
                "--seconds|NaN|--seconds must be > 0 and finite, got NaN",
                "--seconds|Infinity|--seconds must be > 0 and finite, got Infinity",
                "--ratios|1.5|--ratios must be in (0, 1], got 1.5",
                "--ratios|0|--ratios must be in (0, 1], got 0.0",
                "--train-rounds|-2|--train-rounds must be >= 0 (0 = skip), got -2",
                "--models|foo|unknown model 'foo' in --models, expected mnist-mlp or cnn-head",
                "--pytorch-reference|/no/such/reference.py|"
                        + "--pytorch-reference /no/such/reference.py: no such file"
            })
    void givenInvalidOption_whenBenching_thenOneLineNamingItAndNothingMeasuredOrWritten(
            String option, String value, String message) {
        // Given an output folder that does not exist yet
        Path out = tmp.resolve("bench");
        // (Every other option at its default: without the check, this would measure for minutes.)
        List<String> args = List.of("bench", "--out", out.toString(), option, value);
        // When
        long start = System.nanoTime();
        CliRun run = CliRun.of(args);
        // Then: exit 2 at once with one line, and no folder
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).first().isEqualTo("midl: error: " + message);
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(out).doesNotExist();
        assertThat((System.nanoTime() - start) / 1e9).as("seconds before the error").isLessThan(2);
    }

    @Test
    void givenReferenceButNoPython_whenBenching_thenRejectedBeforeMeasuring() throws Exception {
        Path script = Files.writeString(tmp.resolve("reference.py"), "print('{}')\n");
        Path out = tmp.resolve("bench");
        CliRun run =
                CliRun.of(
                        tiny(
                                out,
                                "--pytorch-reference",
                                script.toString(),
                                "--python",
                                "/no/such/python3"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly(
                        "midl: error: --python /no/such/python3: not an executable file or a"
                                + " command on the PATH");
        assertThat(out).doesNotExist();
    }

    @Test
    void givenPreviousResult_whenBenchingWithoutOverwrite_thenRefusedAndLeftAlone()
            throws Exception {
        Path out = Files.createDirectories(tmp.resolve("bench"));
        Files.writeString(out.resolve("bench.json"), "[]");
        CliRun run = CliRun.of(tiny(out));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines().get(0))
                .startsWith("midl: error: ")
                .contains("bench.json: a previous result is there; pass --overwrite");
        assertThat(Files.readString(out.resolve("bench.json"))).isEqualTo("[]");
    }

    @Test
    void givenPreviousResultOfOtherModels_whenOverwriting_thenOnlyTheNewResultIsThere()
            throws Exception {
        // Given an earlier run's files, among them the plot of a model this run does not measure
        Path out = Files.createDirectories(tmp.resolve("bench"));
        Files.writeString(out.resolve("bench.json"), "[]");
        Files.writeString(out.resolve("latency-vs-batch-cnn-head.png"), "old plot");
        // When measuring the MNIST MLP only, with --overwrite
        CliRun run = CliRun.of(tiny(out, "--overwrite"));
        // Then the stale plot is gone and the new tables and plots are written
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(out.resolve("latency-vs-batch-cnn-head.png")).doesNotExist();
        assertThat(out.resolve("latency-vs-batch-mnist-mlp.png")).isNotEmptyFile();
        assertThat(out.resolve("latency-vs-ratio.png")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("bench.md")))
                .contains("mnist-mlp")
                .contains("CPU:");
        JsonArray records = Json.read(out.resolve("bench.json"), JsonArray.class);
        assertThat(records).isNotEmpty();
        assertThat(records.get(0).getAsJsonObject().get("model").getAsString())
                .isEqualTo("mnist-mlp");
    }
}
