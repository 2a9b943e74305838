package io.github.midljava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.midljava.TestData;
import io.github.midljava.report.OutputDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows of issue 13's table, at the command line in-process: each case that used to train and
 * then fail, or succeed silently with a wrong result, now stops before any work with one line and
 * exit code 2.
 */
class MidlCliErrorsTest {

    @TempDir Path tmp;

    private CliRun last;

    private int run(String... args) {
        return run(List.of(args));
    }

    private int run(List<String> args) {
        last = CliRun.of(args);
        return last.code();
    }

    private List<String> errLines() {
        return last.errLines();
    }

    private static List<String> train(Path out, String... extra) {
        return CliRun.smallAdult("midl", out, extra);
    }

    @Test
    void givenTemperatureThatUnderflowsFloat32_whenTraining_thenExit2WithTheRange() {
        // When
        int code = run(train(tmp.resolve("tau"), "--temperature", "1e-50"));
        // Then
        assertThat(code).isEqualTo(2);
        assertThat(errLines())
                .containsExactly(
                        "midl: error: --temperature: temperature must be in [0.01, 1000.0]"
                                + " (float32 training"
                                + " stays finite there), got 1.0E-50 (0 in float32)");
        assertThat(tmp.resolve("tau")).doesNotExist();
    }

    @Test
    void givenSparsityWeightThatOverflowsFloat32_whenTraining_thenExit2WithTheRange() {
        int code = run(train(tmp.resolve("lambda"), "--sparsity-weight", "1e39"));
        assertThat(code).isEqualTo(2);
        assertThat(errLines())
                .containsExactly(
                        "midl: error: --sparsity-weight: sparsityWeight must be in [0.0, 1000.0]"
                                + " (float32 training"
                                + " stays finite there), got 1.0E39 (infinite in float32)");
    }

    @Test
    void givenOutNamingAFile_whenTraining_thenExit2BeforeAnyWork() throws IOException {
        // Given --out naming an existing file
        Path file = Files.writeString(tmp.resolve("taken.txt"), "x");
        // When
        long start = System.nanoTime();
        int code = run(train(file));
        // Then: refused in well under the time a load and a training take
        assertThat(code).isEqualTo(2);
        assertThat(errLines())
                .containsExactly(
                        "midl: error: "
                                + file
                                + ": exists and is not a folder (--out names the folder results"
                                + " go to)");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void givenOutBelowAFile_whenTraining_thenExit2CannotCreate() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        int code = run(train(file.resolve("sub")));
        assertThat(code).isEqualTo(2);
        assertThat(errLines()).hasSize(1);
        assertThat(last.err()).contains("cannot create the folder").doesNotContain("\tat ");
    }

    @Test
    void givenReadOnlyOut_whenTraining_thenExit2CannotWrite() throws IOException {
        // Given a folder this user may not write into (not testable as root: root writes anyway)
        Path ro = Files.createDirectory(tmp.resolve("ro"));
        ro.toFile().setWritable(false, false);
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(
                    canCreateIn(ro), "running as root: permissions are not enforced");
            int code = run(train(ro));
            assertThat(code).isEqualTo(2);
            assertThat(errLines())
                    .containsExactly(
                            "midl: error: "
                                    + ro
                                    + ": cannot write into the folder: permission denied");
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    private static boolean canCreateIn(Path dir) {
        try {
            Files.delete(Files.createFile(dir.resolve("probe")));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void givenOutLockedByAnotherRun_whenTraining_thenExit2NamingTheHolder() {
        // Given the folder taken, as a second `midl train` with the same --out would find it
        Path out = tmp.resolve("busy");
        try (OutputDirectory held = OutputDirectory.claim(out, false, List.of())) {
            // When
            int code = run(train(out));
            // Then
            assertThat(code).isEqualTo(2);
            assertThat(errLines()).hasSize(1);
            assertThat(last.err())
                    .contains(out + ": in use by pid " + ProcessHandle.current().pid() + " on ")
                    .contains("lock file " + held.lockFile());
            assertThat(out.resolve("result.json")).doesNotExist();
        }
        // And the lock is gone once its holder closes it
        assertThat(out.resolve(OutputDirectory.LOCK_FILE)).doesNotExist();
    }

    @Test
    void givenPreviousResult_whenTrainingWithoutOverwrite_thenExit2AndItIsKept()
            throws IOException {
        Path out = Files.createDirectories(tmp.resolve("done"));
        Files.writeString(out.resolve("result.json"), "{\"previous\": true}");
        int code = run(train(out));
        assertThat(code).isEqualTo(2);
        assertThat(errLines())
                .containsExactly(
                        "midl: error: "
                                + out.resolve("result.json")
                                + ": a previous result is there; pass --overwrite to replace it, or"
                                + " choose another --out");
        assertThat(Files.readString(out.resolve("result.json"))).isEqualTo("{\"previous\": true}");
        assertThat(out.resolve(OutputDirectory.LOCK_FILE)).doesNotExist();
    }

    @Test
    void givenUnknownPreset_whenTraining_thenOneLinePlusSeeHelp() {
        int code = run(train(tmp.resolve("p"), "--preset", "fast"));
        assertThat(code).isEqualTo(2);
        assertThat(errLines())
                .containsExactly(
                        "midl: error: Invalid value for option '--preset': expected one of [QUICK,"
                                + " STANDARD, PAPER] (case-insensitive) but was 'fast'",
                        "see 'midl train --help'");
    }

    @Test
    void givenMistypedCommand_whenRun_thenOneLineWithTheSuggestionPlusSeeHelp() {
        int code = run("trian");
        assertThat(code).isEqualTo(2);
        assertThat(errLines())
                .containsExactly(
                        "midl: error: Unmatched argument at index 0: 'trian' (did you mean train or"
                                + " experiment?)",
                        "see 'midl --help'");
    }

    @Test
    void givenNegativeThreads_whenRunningAnyCommand_thenOneLinePlusSeeHelpAndNoFolder() {
        // --threads -1 used to mean "all cores" silently; every command that trains rejects it
        for (List<String> command :
                List.of(
                        List.of("train", "--dataset", "adult", "--method", "midl"),
                        List.of("demo"),
                        List.of("experiment", "e1", "--datasets", "adult"))) {
            Path out = tmp.resolve("threads-" + command.get(0));
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--threads", "-1", "--out", out.toString()));
            int code = run(args);
            assertThat(code).as("%s", command).isEqualTo(2);
            assertThat(errLines())
                    .as("%s", command)
                    .containsExactly(
                            "midl: error: --threads must be >= 0 (0 = all cores), got -1",
                            "see 'midl " + command.get(0) + " --help'");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void givenValueTheLibraryRejects_whenRunning_thenTheLineNamesTheOptionFirst() {
        // The range checks live in the library (RunSpec, SuiteOptions), whose messages name the
        // field; the command line puts the option the user typed in front.
        int code = run(train(tmp.resolve("f"), "--train-fraction", "0"));
        assertThat(code).isEqualTo(2);
        assertThat(errLines())
                .containsExactly(
                        "midl: error: --train-fraction: trainFraction must be in (0, 1], got 0.0");
        code = run("experiment", "all", "--mi-k", "0", "--out", tmp.resolve("e").toString());
        assertThat(code).isEqualTo(2);
        assertThat(errLines())
                .containsExactly("midl: error: --mi-k: miNeighbours must be >= 1, got 0");
        assertThat(tmp.resolve("f").resolve("result.json")).doesNotExist();
        assertThat(tmp.resolve("e")).doesNotExist();
    }

    @Test
    void givenMessageAboutNoKnownField_whenNamingTheOption_thenUnchanged() {
        assertThat(MidlCli.withOption("k must be in [1, 3], got 4"))
                .isEqualTo("k must be in [1, 3], got 4");
        assertThat(MidlCli.withOption("epochs must be >= 0 (0 = preset), got -1"))
                .isEqualTo("--epochs: epochs must be >= 0 (0 = preset), got -1");
        assertThat(MidlCli.withOption("epochsX must be")).isEqualTo("epochsX must be");
        assertThat(MidlCli.withOption(null)).isNull();
    }

    @Test
    void givenSeedThatIsNotANumber_whenTraining_thenOneLinePlusSeeHelp() {
        int code = run(train(tmp.resolve("s"), "--seed", "abc"));
        assertThat(code).isEqualTo(2);
        assertThat(errLines())
                .containsExactly(
                        "midl: error: Invalid value for option '--seed': 'abc' is not a long",
                        "see 'midl train --help'");
    }

    @Test
    void givenNaNInAdultData_whenTraining_thenExit2NamingFileLineAndColumn() throws Exception {
        // Given a copy of Adult whose third record has age NaN, with SHA256SUMS regenerated
        Path root = Files.createDirectories(tmp.resolve("data").resolve("adult"));
        List<String> lines =
                new ArrayList<>(
                        Files.readAllLines(
                                TestData.root().resolve("adult/adult.data"),
                                StandardCharsets.ISO_8859_1));
        lines.set(2, "NaN" + lines.get(2).substring(lines.get(2).indexOf(',')));
        Files.write(root.resolve("adult.data"), lines, StandardCharsets.ISO_8859_1);
        Files.copy(TestData.root().resolve("adult/adult.test"), root.resolve("adult.test"));
        StringBuilder sums = new StringBuilder();
        for (String name : List.of("adult.data", "adult.test")) {
            sums.append(sha256(root.resolve(name))).append("  adult/").append(name).append('\n');
        }
        Files.writeString(root.getParent().resolve("SHA256SUMS"), sums);
        // When
        Path out = tmp.resolve("nan");
        List<String> args = new ArrayList<>(train(out));
        args.set(args.indexOf("--data-dir") + 1, root.getParent().toString());
        int code = run(args);
        // Then
        assertThat(code).isEqualTo(2);
        assertThat(errLines())
                .containsExactly(
                        "midl: error: "
                                + root.resolve("adult.data")
                                + ": line 3, column 1 (age) is 'NaN', expected a finite number"
                                + " (|x| <= 3.4028235E38, float32)");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
