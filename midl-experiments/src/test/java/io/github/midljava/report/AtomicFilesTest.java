package io.github.midljava.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir Path dir;

    private List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    @Test
    void givenMissingParent_whenWritingString_thenCreatedWithContentAndNoTempLeft()
            throws IOException {
        // Given
        Path target = dir.resolve("a/b/report.md");

        // When
        AtomicFiles.writeString(target, "MI ± 0.01\n");

        // Then
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("MI ± 0.01\n");
        assertThat(filesIn(target.getParent())).containsExactly(target);
    }

    @Test
    void givenExistingFile_whenWritingBytes_thenReplaced() throws IOException {
        // Given
        Path target = dir.resolve("data.bin");
        Files.write(target, new byte[] {1, 2, 3, 4, 5});

        // When
        AtomicFiles.writeBytes(target, new byte[] {9});

        // Then
        assertThat(Files.readAllBytes(target)).containsExactly(9);
    }

    @Test
    void givenWriterCallback_whenWriting_thenTextWrittenAsUtf8() throws IOException {
        // Given
        Path target = dir.resolve("w.txt");

        // When: the callback may even close its writer
        AtomicFiles.write(
                target,
                w -> {
                    w.write("µs");
                    w.close();
                });

        // Then
        assertThat(Files.readString(target)).isEqualTo("µs");
    }

    @Test
    void givenFailingCallback_whenWriting_thenOldContentKeptAndTempDeleted() throws IOException {
        // Given
        Path target = dir.resolve("results.json");
        Files.writeString(target, "old");

        // When
        assertThatThrownBy(
                        () ->
                                AtomicFiles.writeStream(
                                        target,
                                        out -> {
                                            out.write("half a fi".getBytes(StandardCharsets.UTF_8));
                                            throw new IOException("disk full");
                                        }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");

        // Then
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(filesIn(dir)).containsExactly(target);
    }

    @Test
    void givenFailingCallbackAndNoTarget_whenWriting_thenNothingCreated() throws IOException {
        // Given
        Path target = dir.resolve("new.csv");

        // When
        assertThatThrownBy(
                        () ->
                                AtomicFiles.write(
                                        target,
                                        w -> {
                                            throw new IllegalStateException("bug");
                                        }))
                .isInstanceOf(IllegalStateException.class);

        // Then
        assertThat(filesIn(dir)).isEmpty();
    }
}
