package io.github.midljava.data.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetException;
import io.github.midljava.data.TestData;
import io.github.midljava.data.image.MnistLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookup, download into the cache, verification and provenance of one load's files. */
class DatasetFilesTest {

    @TempDir Path data;
    @TempDir Path cache;

    private static final byte[] BODY = "adult-ish bytes\n".getBytes(StandardCharsets.US_ASCII);

    private DatasetFiles files(boolean download, URI mirror) {
        return new DatasetFiles(
                DataDirectory.of(data, cache),
                download,
                mirror,
                new Downloader(Duration.ofSeconds(5)));
    }

    @Test
    void givenMissingFileAndLocalServer_whenRequiring_thenDownloadsIntoCacheAndRecordsSha()
            throws IOException {
        // Given a remote file without a published checksum, served by a local server
        try (LocalHttpServer server = new LocalHttpServer().serve("/x/y.bin", BODY)) {
            RemoteFile remote =
                    new RemoteFile("x/y.bin", List.of(server.base().resolve("x/y.bin")), null);
            DatasetFiles files = files(true, null);
            // When
            Path got = files.require(remote);
            // Then: in the cache, not in the data root; sha recorded for later verification
            assertThat(got).isEqualTo(cache.resolve("x/y.bin")).hasBinaryContent(BODY);
            assertThat(data.resolve("x")).doesNotExist();
            String sha = FileHasher.sha256(new ByteArrayInputStream(BODY));
            assertThat(Sha256Sums.read(cache)).containsEntry("x/y.bin", sha);
            assertThat(files.checksums()).containsEntry("x/y.bin", sha);
            // And a second require finds it without asking the server again
            int before = server.requests();
            files(true, null).require(remote);
            assertThat(server.requests()).isEqualTo(before);
        }
    }

    @Test
    void givenCachedFileCorruptedAfterDownload_whenRequiring_thenChecksumMismatchFromCacheSums()
            throws IOException {
        // Given a downloaded (trusted-on-first-use) file that was later changed on disk
        try (LocalHttpServer server = new LocalHttpServer().serve("/x/y.bin", BODY)) {
            RemoteFile remote =
                    new RemoteFile("x/y.bin", List.of(server.base().resolve("x/y.bin")), null);
            files(true, null).require(remote);
            Files.writeString(cache.resolve("x/y.bin"), "tampered");
            // When / Then
            assertThatThrownBy(() -> files(true, null).require(remote))
                    .isInstanceOf(DatasetException.class)
                    .hasMessageContaining("y.bin: checksum mismatch: expected ")
                    .hasMessageContaining(cache.resolve("SHA256SUMS").toString());
        }
    }

    @Test
    void givenMirrorAnswering404_whenRequiring_thenOneLineErrorNamesFileUrlReasonAndPlaces()
            throws IOException {
        // Given a mirror that answers 404
        try (LocalHttpServer server = new LocalHttpServer()) {
            RemoteFile remote =
                    RemoteFile.of("adult/adult.data", null, "https://example.invalid/a");
            // When / Then
            assertThatThrownBy(() -> files(true, server.base()).require(remote))
                    .isInstanceOf(DatasetException.class)
                    .hasMessageStartingWith(data.resolve("adult/adult.data") + ": not found")
                    .hasMessageContaining(server.base() + "adult/adult.data (HTTP 404)")
                    .hasMessageContaining(
                            "place it at "
                                    + data.resolve("adult/adult.data")
                                    + " or "
                                    + cache.resolve("adult/adult.data"))
                    .hasMessageNotContaining("example.invalid")
                    .hasMessageNotContaining("\n");
            assertThat(cache.resolve("adult"))
                    .satisfiesAnyOf(
                            p -> assertThat(p).doesNotExist(),
                            p -> assertThat(p).isEmptyDirectory());
        }
    }

    @Test
    void givenNothingListening_whenRequiring_thenErrorNamesConnectionFailure() {
        // Given a mirror on a closed loopback port
        URI closed = URI.create("http://127.0.0.1:9/");
        RemoteFile remote = RemoteFile.of("mnist/t.gz", null, "https://example.invalid/t.gz");
        // When / Then
        assertThatThrownBy(() -> files(true, closed).require(remote))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("mnist/t.gz: not found")
                .hasMessageContaining(
                        "download into the cache failed: http://127.0.0.1:9/mnist/t.gz (");
    }

    @Test
    void givenMnistOnLocalMirror_whenLoadingWithEmptyRoot_thenDownloadsVerifiesAndLoadsFromCache()
            throws IOException {
        // Given the real MNIST files served by a local mirror laid out like the data root
        try (LocalHttpServer server = new LocalHttpServer()) {
            for (String name :
                    new String[] {
                        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"
                    }) {
                server.serve(
                        "/mnist/" + name,
                        Files.readAllBytes(TestData.root().resolve("mnist/" + name)));
            }
            DataOptions options =
                    DataOptions.defaults()
                            .withDataDir(data)
                            .withCacheDir(cache)
                            .withMirror(server.base())
                            .withTrainLimit(100);
            // When
            Dataset mnist = MnistLoader.load(options);
            // Then: verified against the canonical SHA-256, stored in the cache only
            assertThat(mnist.test().size()).isEqualTo(10_000);
            assertThat(mnist.fileChecksums())
                    .containsEntry(
                            "mnist/train-labels-idx1-ubyte.gz",
                            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c");
            assertThat(cache.resolve("mnist/train-images-idx3-ubyte.gz")).isRegularFile();
            try (Stream<Path> list = Files.list(data)) {
                assertThat(list).isEmpty();
            }
            try (Stream<Path> list = Files.list(cache.resolve("mnist"))) {
                assertThat(list).allMatch(p -> !p.getFileName().toString().endsWith(".part"));
            }
            // And offline afterwards, the cache suffices
            assertThat(
                            MnistLoader.load(options.withDownload(false).withMirror(null))
                                    .train()
                                    .size())
                    .isEqualTo(100);
        }
    }

    @Test
    void givenMirrorServingWrongBytes_whenLoadingMnist_thenCanonicalChecksumRejectsAndNothingStays()
            throws IOException {
        // Given a mirror whose train images are not the canonical bytes
        try (LocalHttpServer server =
                new LocalHttpServer().serve("/mnist/train-images-idx3-ubyte.gz", BODY)) {
            DataOptions options =
                    DataOptions.defaults()
                            .withDataDir(data)
                            .withCacheDir(cache)
                            .withMirror(server.base());
            // When / Then
            assertThatThrownBy(() -> MnistLoader.load(options))
                    .isInstanceOf(DatasetException.class)
                    .hasMessageContaining("train-images-idx3-ubyte.gz: not found")
                    .hasMessageContaining("checksum mismatch: expected sha256 440fcabf");
            assertThat(cache.resolve("mnist/train-images-idx3-ubyte.gz")).doesNotExist();
        }
    }
}
