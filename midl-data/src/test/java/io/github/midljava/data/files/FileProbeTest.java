package io.github.midljava.data.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DatasetException;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.DatasetLoaders;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Permission denied" is told apart from "missing". */
class FileProbeTest {

    @TempDir Path dir;

    @Test
    void givenMissingAndPresentPaths_whenProbing_thenFalseAndTrue() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThat(FileProbe.isRegularFile(file)).isTrue();
        assertThat(FileProbe.isDirectory(dir)).isTrue();
        assertThat(FileProbe.isRegularFile(dir.resolve("nope"))).isFalse();
        assertThat(FileProbe.isRegularFile(file.resolve("below-a-file"))).isFalse();
    }

    @Test
    void givenAccessDenied_whenDescribed_thenPermissionDenied() {
        assertThat(Causes.describe(new IOException(new AccessDeniedException("/x/y"))))
                .isEqualTo("permission denied");
    }

    @Test
    void givenUnreadableDataFolder_whenLoading_thenPermissionDeniedNotMissing() throws IOException {
        // Given adult/ that this user may not enter (root may: then this cannot be tested)
        Path adult = Files.createDirectories(dir.resolve("data/adult"));
        Files.writeString(adult.resolve("adult.data"), "x");
        Files.setPosixFilePermissions(adult, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(
                    Files.isReadable(adult.resolve("adult.data")),
                    "running as root: permissions are not enforced");
            DataOptions options =
                    DataOptions.defaults()
                            .withDataDir(dir.resolve("data"))
                            .withCacheDir(dir.resolve("cache"))
                            .withDownload(false);
            // When / Then
            assertThatThrownBy(() -> DatasetLoaders.checkFiles(DatasetId.ADULT, options))
                    .isInstanceOf(DatasetException.class)
                    .hasMessageContaining("adult.data: permission denied (folder " + adult)
                    .hasMessageNotContaining("not found");
        } finally {
            Files.setPosixFilePermissions(adult, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
