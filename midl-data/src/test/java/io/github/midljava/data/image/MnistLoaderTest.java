package io.github.midljava.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.midljava.data.DatasetException;
import io.github.midljava.data.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loader-level failures of MNIST: missing files and checksum mismatches. */
class MnistLoaderTest {

    @TempDir Path data;
    @TempDir Path cache;

    @Test
    void givenEmptyDataDirectory_whenLoading_thenOneLineErrorSaysWhatWhereAndFromWhichUrl() {
        // Given an empty data root, an empty cache, downloads off
        // When / Then
        assertThatThrownBy(() -> MnistLoader.load(Fixtures.offline(data, cache)))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(
                        data.resolve("mnist/train-images-idx3-ubyte.gz") + ": not found")
                .hasMessageContaining(
                        "looked in "
                                + data.resolve("mnist/train-images-idx3-ubyte.gz")
                                + " and "
                                + cache.resolve("mnist/train-images-idx3-ubyte.gz"))
                .hasMessageContaining(
                        "https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz")
                .hasMessageNotContaining("\n");
    }

    @Test
    void givenCorruptedCopyOfCanonicalFile_whenLoading_thenChecksumMismatchAgainstCanonical()
            throws IOException {
        // Given the four real files, with one byte of the training labels changed (no SHA256SUMS)
        for (String name :
                new String[] {
                    "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                    "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"
                }) {
            Fixtures.copyReal(data, "mnist/" + name);
        }
        Path labels = data.resolve("mnist/train-labels-idx1-ubyte.gz");
        byte[] bytes = Files.readAllBytes(labels);
        bytes[bytes.length / 2] ^= 1;
        Files.write(labels, bytes);
        // When / Then
        assertThatThrownBy(() -> MnistLoader.load(Fixtures.offline(data, cache)))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(
                        labels
                                + ": checksum mismatch: expected"
                                + " 3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c,"
                                + " got ")
                .hasMessageContaining("canonical checksum");
    }

    @Test
    void givenSha256SumsInDataRootDisagreeing_whenLoading_thenChecksumMismatchNamesSumsFile()
            throws IOException {
        // Given a real file whose SHA256SUMS entry in the data root says otherwise
        Fixtures.copyReal(data, "mnist/train-images-idx3-ubyte.gz");
        String wrong = "0".repeat(64);
        Files.writeString(
                data.resolve("SHA256SUMS"), wrong + "  mnist/train-images-idx3-ubyte.gz\n");
        // When / Then
        assertThatThrownBy(() -> MnistLoader.load(Fixtures.offline(data, cache)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(
                        "train-images-idx3-ubyte.gz: checksum mismatch: expected "
                                + wrong
                                + ", got 440fcabf")
                .hasMessageContaining(data.resolve("SHA256SUMS").toString());
    }

    @Test
    void givenFilesInCacheOnly_whenLoading_thenLoadsWithoutTouchingDataRoot() throws IOException {
        // Given the real files in the cache and an empty, read-only data root
        for (String name :
                new String[] {
                    "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                    "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"
                }) {
            Fixtures.copyReal(cache, "mnist/" + name);
        }
        data.toFile().setWritable(false);
        try {
            // When
            var mnist = MnistLoader.load(Fixtures.offline(data, cache).withTrainLimit(1000));
            // Then
            assertThat(mnist.train().size()).isEqualTo(1000);
            assertThat(mnist.fileChecksums()).containsKey("mnist/t10k-images-idx3-ubyte.gz");
            try (var list = Files.list(data)) {
                assertThat(list).isEmpty();
            }
        } finally {
            data.toFile().setWritable(true);
        }
    }
}
