package io.github.midljava.data.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic, checksum-verified downloads from file:// URLs and a local HTTP server. */
class DownloaderTest {

    private static final byte[] BODY = "hello, dataset\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir Path dir;
    private LocalHttpServer server;
    private final Downloader downloader = new Downloader(Duration.ofSeconds(5));

    @BeforeEach
    void startServer() throws IOException {
        server =
                new LocalHttpServer()
                        .serve("/data/file.bin", BODY)
                        .serve("/cut.bin", BODY)
                        .truncate("/cut.bin");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static String sha256(byte[] bytes) throws IOException {
        return FileHasher.sha256(new ByteArrayInputStream(bytes));
    }

    private void assertNoFilesLeftIn(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            assertThat(list).isEmpty();
        }
    }

    @Test
    void givenFileUrlAndMatchingSha256_whenDownloading_thenTargetHasBytesAndShaIsReturned()
            throws IOException {
        // Given a local source file and its SHA-256
        Path source = Files.write(dir.resolve("source.bin"), BODY);
        Path target = dir.resolve("out/target.bin");
        // When
        String sha = downloader.download(source.toUri(), target, Checksum.sha256(sha256(BODY)));
        // Then
        assertThat(target).hasBinaryContent(BODY);
        assertThat(sha).isEqualTo(sha256(BODY));
        try (Stream<Path> list = Files.list(dir.resolve("out"))) {
            assertThat(list).containsExactly(target);
        }
    }

    @Test
    void givenHttpServer_whenDownloadingWithMd5_thenFileArrivesVerified() throws IOException {
        // Given the server and the MD5 of the body
        String md5 = Checksum.toHex(FileHasher.newDigest(Checksum.MD5).digest(BODY));
        Path target = dir.resolve("http.bin");
        // When
        downloader.download(server.base().resolve("data/file.bin"), target, Checksum.md5(md5));
        // Then
        assertThat(target).hasBinaryContent(BODY);
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list).containsExactly(target);
        }
    }

    @Test
    void givenWrongChecksum_whenDownloading_thenErrorAndNeitherTargetNorTempFileRemain()
            throws IOException {
        // Given an expected checksum the body does not have
        Path target = dir.resolve("bad.bin");
        // When / Then
        assertThatThrownBy(
                        () ->
                                downloader.download(
                                        server.base().resolve("data/file.bin"),
                                        target,
                                        Checksum.md5("0".repeat(32))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("checksum mismatch: expected md5 " + "0".repeat(32));
        assertNoFilesLeftIn(dir);
    }

    @Test
    void givenHttp404_whenDownloading_thenErrorSaysStatusAndNothingIsWritten() throws IOException {
        // Given a path the server does not have; When / Then
        assertThatThrownBy(
                        () ->
                                downloader.download(
                                        server.base().resolve("nope"), dir.resolve("x"), null))
                .isInstanceOf(IOException.class)
                .hasMessage("HTTP 404");
        assertNoFilesLeftIn(dir);
    }

    @Test
    void givenConnectionClosedEarly_whenDownloading_thenErrorAndNothingIsWritten()
            throws IOException {
        // Given a response that announces 15 bytes but sends 7; When / Then
        assertThatThrownBy(
                        () ->
                                downloader.download(
                                        server.base().resolve("cut.bin"),
                                        dir.resolve("cut.bin"),
                                        null))
                .isInstanceOf(IOException.class);
        assertNoFilesLeftIn(dir);
    }

    @Test
    void givenExistingTarget_whenDownloadFails_thenOldFileIsUntouched() throws IOException {
        // Given a complete older file at the target
        Path target = Files.write(dir.resolve("keep.bin"), new byte[] {1, 2, 3});
        // When a failing download targets it
        assertThatThrownBy(() -> downloader.download(server.base().resolve("nope"), target, null))
                .isInstanceOf(IOException.class);
        // Then
        assertThat(target).hasBinaryContent(new byte[] {1, 2, 3});
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list).containsExactly(target);
        }
    }
}
