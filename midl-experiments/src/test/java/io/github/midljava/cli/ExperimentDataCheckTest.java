package io.github.midljava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.midljava.TestData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code midl experiment} checks every dataset it needs before its first run. */
class ExperimentDataCheckTest {

    @TempDir Path out;

    @Test
    void givenOneDatasetMissing_whenRunningTheSuite_thenOneLineExit2AndNoRunFolder()
            throws Exception {
        // Given adult (present) and svhn (absent from the shared data root), adult first
        StringWriter err = new StringWriter();
        CommandLine cl = MidlCli.commandLine();
        cl.setErr(new PrintWriter(err));
        // When
        int code =
                cl.execute(
                        "experiment",
                        "e1",
                        "--datasets",
                        "adult,svhn",
                        "--seeds",
                        "1",
                        "--methods",
                        "dense",
                        "--epochs",
                        "1",
                        "--train-limit",
                        "200",
                        "--test-limit",
                        "200",
                        "--offline",
                        "--no-progress",
                        "--data-dir",
                        TestData.root().toString(),
                        "--out",
                        out.toString());
        // Then: one line naming the missing SVHN file, before anything ran or was created
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines().filter(l -> !l.isBlank()).toList())
                .singleElement()
                .asString()
                .startsWith("midl: error: ")
                .contains("svhn/train_32x32.mat: not found");
        assertThat(out.resolve("runs")).doesNotExist();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }
}
