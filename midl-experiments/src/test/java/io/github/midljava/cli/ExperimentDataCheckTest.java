package io.github.midljava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code midl experiment} checks every dataset it needs before its first run. */
class ExperimentDataCheckTest {

    @TempDir Path out;

    @Test
    void givenOneDatasetMissing_whenRunningTheSuite_thenOneLineExit2AndNoRunFolder()
            throws Exception {
        // Given adult (present) and svhn (absent from the shared data root), adult first
        List<String> args =
                new ArrayList<>(
                        List.of(
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
                                "200"));
        args.addAll(CliRun.quietOffline(out));
        // When
        CliRun run = CliRun.of(args);
        // Then: one line naming the missing SVHN file, before anything ran or was created
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines())
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
