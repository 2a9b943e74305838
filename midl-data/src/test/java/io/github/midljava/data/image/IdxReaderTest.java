package io.github.midljava.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.midljava.data.DatasetException;
import io.github.midljava.data.Fixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format-level checks of gzipped IDX files, on small files built in a temporary directory. */
class IdxReaderTest {

    @TempDir Path dir;

    private Path images(String name, int count, int side, int pixelBytes) {
        return Fixtures.write(
                dir,
                name,
                Fixtures.gzip(
                        Fixtures.idx(
                                IdxReader.IMAGES_MAGIC,
                                new int[] {count, side, side},
                                new byte[pixelBytes])));
    }

    private Path labels(String name, byte[] labels) {
        return Fixtures.write(
                dir,
                name,
                Fixtures.gzip(
                        Fixtures.idx(IdxReader.LABELS_MAGIC, new int[] {labels.length}, labels)));
    }

    @Test
    void givenValidPair_whenReading_thenPixelsAndLabelsComeBackInOrder() {
        // Given two 28x28 images with distinct pixel values and labels 3, 7
        byte[] pixels = new byte[2 * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i % 251);
        }
        Path img =
                Fixtures.write(
                        dir,
                        "img.gz",
                        Fixtures.gzip(
                                Fixtures.idx(
                                        IdxReader.IMAGES_MAGIC, new int[] {2, 28, 28}, pixels)));
        Path lab = labels("lab.gz", new byte[] {3, 7});
        // When
        RawImages raw = MnistLoader.readPair(img, lab);
        // Then
        assertThat(raw.labels()).containsExactly(3, 7);
        assertThat(Arrays.equals(raw.pixels(), pixels)).isTrue();
        assertThat(raw.channels()).isEqualTo(1);
    }

    @Test
    void givenTruncatedIdxData_whenReading_thenErrorNamesFileAndTruncation() {
        // Given a header promising 3 images but data for only 2
        Path img = images("short-images.gz", 3, 28, 2 * 784);
        // When / Then
        assertThatThrownBy(() -> IdxReader.readGzip(img, IdxReader.IMAGES_MAGIC))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("short-images.gz")
                .hasMessageContaining("truncated: the header promises 2352 bytes of data")
                .hasMessageContaining("ends after 1568");
    }

    @Test
    void givenTruncatedGzipStream_whenReading_thenErrorNamesFileAndTruncatedGzip() {
        // Given a gzipped labels file (random labels, so it compresses poorly) cut in half
        byte[] labels = new byte[5000];
        new Random(1).nextBytes(labels);
        byte[] whole =
                Fixtures.gzip(Fixtures.idx(IdxReader.LABELS_MAGIC, new int[] {5000}, labels));
        Path cut = Fixtures.write(dir, "cut-labels.gz", Arrays.copyOf(whole, whole.length / 2));
        // When / Then
        assertThatThrownBy(() -> IdxReader.readGzip(cut, IdxReader.LABELS_MAGIC))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("cut-labels.gz")
                .hasMessageContaining("truncated gzip data");
    }

    @Test
    void givenLabelsFileWhereImagesBelong_whenReading_thenErrorNamesWrongMagic() {
        // Given a labels file passed as images
        Path lab = labels("swapped.gz", new byte[] {1, 2});
        // When / Then
        assertThatThrownBy(() -> IdxReader.readGzip(lab, IdxReader.IMAGES_MAGIC))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("swapped.gz")
                .hasMessageContaining("wrong magic number 2049, expected 2051")
                .hasMessageContaining("IDX file of labels");
    }

    @Test
    void givenPlainFileNotGzip_whenReading_thenErrorSaysNotGzip() {
        // Given an uncompressed IDX file where the gzipped one belongs
        Path raw =
                Fixtures.write(
                        dir,
                        "plain.gz",
                        Fixtures.idx(IdxReader.LABELS_MAGIC, new int[] {1}, new byte[] {1}));
        // When / Then
        assertThatThrownBy(() -> IdxReader.readGzip(raw, IdxReader.LABELS_MAGIC))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("plain.gz: not a gzip file (no gzip header)");
    }

    @Test
    void givenTrailingBytes_whenReading_thenErrorSaysTrailingData() {
        // Given two labels after a header announcing one
        Path lab =
                Fixtures.write(
                        dir,
                        "long.gz",
                        Fixtures.gzip(
                                Fixtures.idx(
                                        IdxReader.LABELS_MAGIC, new int[] {1}, new byte[] {1, 2})));
        // When / Then
        assertThatThrownBy(() -> IdxReader.readGzip(lab, IdxReader.LABELS_MAGIC))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("long.gz: trailing data");
    }

    @Test
    void givenHeaderClaimingGigabytes_whenReading_thenErrorWithoutHugeAllocation() {
        // Given 2^31-1 images of 28x28 promised by a tiny file
        Path img =
                Fixtures.write(
                        dir,
                        "huge.gz",
                        Fixtures.gzip(
                                Fixtures.idx(
                                        IdxReader.IMAGES_MAGIC,
                                        new int[] {Integer.MAX_VALUE, 28, 28},
                                        new byte[0])));
        // When / Then
        assertThatThrownBy(() -> IdxReader.readGzip(img, IdxReader.IMAGES_MAGIC))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("huge.gz: implausible header");
    }

    @Test
    void givenImageAndLabelCountsDisagree_whenReadingPair_thenErrorNamesBothFiles() {
        // Given 2 images but 3 labels
        Path img = images("two-images.gz", 2, 28, 2 * 784);
        Path lab = labels("three-labels.gz", new byte[] {1, 2, 3});
        // When / Then
        assertThatThrownBy(() -> MnistLoader.readPair(img, lab))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(
                        "three-labels.gz: 3 labels, but two-images.gz holds 2 images");
    }

    @Test
    void givenWrongImageSide_whenReadingPair_thenErrorNamesSize() {
        // Given 20x20 images
        Path img = images("small.gz", 1, 20, 400);
        Path lab = labels("one.gz", new byte[] {1});
        // When / Then
        assertThatThrownBy(() -> MnistLoader.readPair(img, lab))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("small.gz: expected 28x28 images, the header says 20x20");
    }

    @Test
    void givenLabelAboveNine_whenReadingPair_thenErrorNamesLabel() {
        // Given label 12
        Path img = images("img1.gz", 1, 28, 784);
        Path lab = labels("bad-label.gz", new byte[] {12});
        // When / Then
        assertThatThrownBy(() -> MnistLoader.readPair(img, lab))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("bad-label.gz: label 0 is 12, expected a digit 0-9");
    }
}
