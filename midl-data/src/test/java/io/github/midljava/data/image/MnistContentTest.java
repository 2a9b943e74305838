package io.github.midljava.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.midljava.data.DataSplit;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.TestData;
import io.github.midljava.data.files.Sha256Sums;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MNIST loaded from the real files in {@code MIDL_DATA_DIR}. */
class MnistContentTest {

    private static Dataset raw;

    @BeforeAll
    static void loadUnstandardised() {
        raw = MnistLoader.load(TestData.options().withStandardize(false));
    }

    @Test
    void givenRealMnist_whenLoading_thenCountsAndShapesAreCanonical() {
        // Given the canonical MNIST files; When loaded (BeforeAll)
        // Then
        assertThat(raw.id()).isEqualTo(DatasetId.MNIST);
        assertThat(raw.train().size()).isEqualTo(60_000);
        assertThat(raw.test().size()).isEqualTo(10_000);
        assertThat(raw.train().sampleShape()).containsExactly(1, 28, 28);
        assertThat(raw.train().numClasses()).isEqualTo(10);
        assertThat(raw.classNames())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(raw.description()).contains("60000 train", "10000 test");
    }

    @Test
    void givenRealMnist_whenLoading_thenLabelHistogramsAreTheKnownOnes() {
        // Given / When: loaded in BeforeAll
        // Then
        assertThat(TestData.histogram(raw.train()))
                .containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
        assertThat(TestData.histogram(raw.test()))
                .containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
    }

    @Test
    void givenStandardisationOff_whenLoading_thenPixelsSpanZeroToOne() {
        // Given standardize=false; When loaded
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : raw.train().features()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // Then pixels are scaled bytes: 0 and 255 both occur
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
    }

    @Test
    void givenDefaultOptions_whenLoading_thenTrainPixelsAreStandardisedWithTrainStats() {
        // Given the default options (standardisation on)
        // When
        Dataset standardised = TestData.load(DatasetId.MNIST);
        // Then train mean ~0 and std ~1; the well-known MNIST stats are in the description
        DataSplit train = standardised.train();
        double[] meanStd = meanStd(train.features());
        assertThat(meanStd[0]).isCloseTo(0, within(1e-4));
        assertThat(meanStd[1]).isCloseTo(1, within(1e-4));
        assertThat(standardised.description()).contains("mean 0.1307", "std 0.3081");
    }

    @Test
    void givenRealMnist_whenLoading_thenChecksumsOfAllFourFilesMatchSha256Sums() {
        // Given the SHA256SUMS of the shared folder
        var expected = Sha256Sums.read(TestData.root());
        // When loaded; Then every file read is listed with its path relative to the root
        assertThat(raw.fileChecksums())
                .containsOnlyKeys(
                        "mnist/train-images-idx3-ubyte.gz",
                        "mnist/train-labels-idx1-ubyte.gz",
                        "mnist/t10k-images-idx3-ubyte.gz",
                        "mnist/t10k-labels-idx1-ubyte.gz");
        raw.fileChecksums().forEach((k, v) -> assertThat(v).isEqualTo(expected.get(k)));
    }

    static double[] meanStd(float[] values) {
        double sum = 0;
        double sumSq = 0;
        for (float v : values) {
            sum += v;
            sumSq += (double) v * v;
        }
        double mean = sum / values.length;
        return new double[] {mean, Math.sqrt(sumSq / values.length - mean * mean)};
    }
}
