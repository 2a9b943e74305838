package io.github.midljava.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.midljava.data.DataSplit;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetException;
import io.github.midljava.data.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatlabType;

/**
 * SVHN's MAT v5 layout, on format fixtures written with mfl-core (SVHN itself is not in the shared
 * data folder).
 */
class SvhnMatReaderTest {

    @TempDir Path dir;

    @Test
    void givenCanonicalLayout_whenReading_thenPixelsLandAtChwAndLabel10BecomesZero() {
        // Given X uint8 [32,32,3,5] with X(h,w,c,n) = pixel(h,w,c,n), y = [10 1 2 9 10]'
        Path file = SvhnFixtures.canonical(dir.resolve("train_32x32.mat"));
        // When
        RawImages raw = SvhnMatReader.read(file);
        // Then
        assertThat(raw.count()).isEqualTo(5);
        assertThat(raw.labels()).containsExactly(0, 1, 2, 9, 0);
        for (int n = 0; n < 5; n++) {
            for (int c = 0; c < 3; c++) {
                for (int h = 0; h < 32; h += 5) {
                    for (int w = 0; w < 32; w += 3) {
                        int got = raw.pixels()[n * 3072 + c * 1024 + h * 32 + w] & 0xFF;
                        assertThat(got)
                                .as("n=%d c=%d h=%d w=%d", n, c, h, w)
                                .isEqualTo(SvhnFixtures.pixel(h, w, c, n));
                    }
                }
            }
        }
    }

    @Test
    void givenSingleImageWithTrailingDimensionDropped_whenReading_thenOneImage() {
        // Given X saved as [32,32,3] (MATLAB drops the trailing 1)
        Path file =
                SvhnFixtures.write(
                        dir.resolve("one.mat"),
                        "X",
                        Mat5.newMatrix(new int[] {32, 32, 3}, MatlabType.UInt8),
                        "y",
                        SvhnFixtures.labels(4));
        // When / Then
        assertThat(SvhnMatReader.read(file).labels()).containsExactly(4);
    }

    @Test
    void givenTextFile_whenReading_thenNotMatV5() throws IOException {
        // Given a text file of 200 bytes
        Path file = Files.writeString(dir.resolve("fake.mat"), "hello ".repeat(40));
        // When / Then
        assertThatThrownBy(() -> SvhnMatReader.read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("fake.mat: not a MAT v5 file: no endian indicator");
    }

    @Test
    void givenTinyFile_whenReading_thenNotMatV5TooShort() throws IOException {
        // Given 10 bytes
        Path file = Files.write(dir.resolve("tiny.mat"), new byte[10]);
        // When / Then
        assertThatThrownBy(() -> SvhnMatReader.read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("tiny.mat: not a MAT v5 file: 10 bytes");
    }

    @Test
    void givenMat73Header_whenReading_thenErrorSaysV73Unsupported() throws IOException {
        // Given the start of a MAT v7.3 (HDF5) file
        byte[] header = new byte[512];
        byte[] text = "MATLAB 7.3 MAT-file, Platform: GLNXA64".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, header, 0, text.length);
        Path file = Files.write(dir.resolve("v73.mat"), header);
        // When / Then
        assertThatThrownBy(() -> SvhnMatReader.read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(
                        "v73.mat: not a MAT v5 file: MAT v7.3 (HDF5) is not supported");
    }

    @Test
    void givenNoX_whenReading_thenErrorNamesMissingVariable() {
        // Given only y
        Path file = SvhnFixtures.write(dir.resolve("noX.mat"), "y", SvhnFixtures.labels(1, 2));
        // When / Then
        assertThatThrownBy(() -> SvhnMatReader.read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("noX.mat: no variable 'X'")
                .hasMessageContaining("found [y]");
    }

    @Test
    void givenNoY_whenReading_thenErrorNamesMissingVariable() {
        // Given only X (and an unrelated variable)
        Path file =
                SvhnFixtures.write(
                        dir.resolve("noY.mat"),
                        "X",
                        SvhnFixtures.images(2),
                        "labels",
                        SvhnFixtures.labels(1, 2));
        // When / Then
        assertThatThrownBy(() -> SvhnMatReader.read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("noY.mat: no variable 'y'");
    }

    @Test
    void givenXOfWrongShape_whenReading_thenErrorNamesShape() {
        // Given MNIST-like [28,28,1,2]
        Path file =
                SvhnFixtures.write(
                        dir.resolve("shape.mat"),
                        "X",
                        Mat5.newMatrix(new int[] {28, 28, 1, 2}, MatlabType.UInt8),
                        "y",
                        SvhnFixtures.labels(1, 2));
        // When / Then
        assertThatThrownBy(() -> SvhnMatReader.read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(
                        "shape.mat: X has shape [28, 28, 1, 2], expected [32, 32, 3, N]");
    }

    @Test
    void givenXOfTypeDouble_whenReading_thenErrorNamesType() {
        // Given double pixels
        Path file =
                SvhnFixtures.write(
                        dir.resolve("double.mat"),
                        "X",
                        Mat5.newMatrix(new int[] {32, 32, 3, 1}, MatlabType.Double),
                        "y",
                        SvhnFixtures.labels(1));
        // When / Then
        assertThatThrownBy(() -> SvhnMatReader.read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("double.mat: X is of type")
                .hasMessageContaining("expected uint8");
    }

    @Test
    void givenFewerLabelsThanImages_whenReading_thenErrorNamesYShape() {
        // Given 5 images, 4 labels
        Path file =
                SvhnFixtures.write(
                        dir.resolve("fewer.mat"),
                        "X",
                        SvhnFixtures.images(5),
                        "y",
                        SvhnFixtures.labels(1, 2, 3, 4));
        // When / Then
        assertThatThrownBy(() -> SvhnMatReader.read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("fewer.mat: y has shape [4, 1], expected [5, 1]");
    }

    @Test
    void givenLabelEleven_whenReading_thenErrorNamesLabel() {
        // Given y(2) = 11
        Path file =
                SvhnFixtures.write(
                        dir.resolve("eleven.mat"),
                        "X",
                        SvhnFixtures.images(2),
                        "y",
                        SvhnFixtures.labels(1, 11));
        // When / Then
        assertThatThrownBy(() -> SvhnMatReader.read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("eleven.mat: y(2) is 11.0, expected a label 1-10");
    }

    @Test
    void givenTruncatedMatFile_whenReading_thenErrorSaysCorrupt() throws IOException {
        // Given a valid file cut to 60 % of its length
        Path whole = SvhnFixtures.canonical(dir.resolve("whole.mat"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.mat"), Arrays.copyOf(bytes, bytes.length * 6 / 10));
        // When / Then
        assertThatThrownBy(() -> SvhnMatReader.read(cut))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("cut.mat: corrupt or truncated MAT v5 file");
    }

    @Test
    void givenTrainAndTestFixturesInDataRoot_whenLoadingSvhn_thenShapesAndStandardisedChannels() {
        // Given svhn/train_32x32.mat and svhn/test_32x32.mat in the canonical layout
        Path data = dir.resolve("data");
        SvhnFixtures.canonical(data.resolve("svhn/train_32x32.mat"));
        SvhnFixtures.write(
                data.resolve("svhn/test_32x32.mat"),
                "X",
                SvhnFixtures.images(2),
                "y",
                SvhnFixtures.labels(3, 10));
        // When
        Dataset svhn = SvhnLoader.load(Fixtures.offline(data, dir.resolve("cache")));
        // Then
        DataSplit train = svhn.train();
        assertThat(train.sampleShape()).containsExactly(3, 32, 32);
        assertThat(train.labels()).containsExactly(0, 1, 2, 9, 0);
        assertThat(svhn.test().labels()).containsExactly(3, 0);
        assertThat(svhn.fileChecksums())
                .containsOnlyKeys("svhn/train_32x32.mat", "svhn/test_32x32.mat");
        double sum = 0;
        for (int i = 0; i < 1024 * 5; i++) {
            sum += train.features()[(i / 1024) * 3072 + (i % 1024)]; // channel 0 of every image
        }
        assertThat(sum / (1024 * 5)).isCloseTo(0, within(1e-4));
    }
}
