package io.github.midljava.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.midljava.data.DataSplit;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.TestData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** CIFAR-10 and CIFAR-100 loaded from the real (subset) files in {@code MIDL_DATA_DIR}. */
class CifarContentTest {

    @Test
    void givenRealCifar10_whenLoading_thenThousandImagesPerClassInTrainAndTest() {
        // Given the shared subset (data_batch_1 only + full test batch)
        // When
        Dataset cifar = TestData.load(DatasetId.CIFAR10);
        // Then
        assertThat(cifar.train().size()).isEqualTo(10_000);
        assertThat(cifar.test().size()).isEqualTo(10_000);
        assertThat(cifar.train().sampleShape()).containsExactly(3, 32, 32);
        assertThat(TestData.histogram(cifar.train())).containsOnly(1000);
        assertThat(TestData.histogram(cifar.test())).containsOnly(1000);
        assertThat(cifar.classNames())
                .containsExactly(
                        "airplane",
                        "automobile",
                        "bird",
                        "cat",
                        "deer",
                        "dog",
                        "frog",
                        "horse",
                        "ship",
                        "truck");
        assertThat(cifar.description())
                .contains("10000 train records from data_batch_1.bin", "10000 test records");
        assertThat(cifar.fileChecksums())
                .containsOnlyKeys(
                        "cifar-10/data_batch_1.bin",
                        "cifar-10/test_batch.bin",
                        "cifar-10/batches.meta.txt");
    }

    @Test
    void givenRealCifar10_whenLoadingStandardised_thenEachTrainChannelHasMeanZeroStdOne() {
        // Given / When
        DataSplit train = TestData.load(DatasetId.CIFAR10).train();
        // Then: per channel, over all train pixels
        int plane = 32 * 32;
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double sumSq = 0;
            long n = 0;
            float[] f = train.features();
            for (int img = 0; img < train.size(); img++) {
                int start = img * 3 * plane + c * plane;
                for (int i = start; i < start + plane; i++) {
                    sum += f[i];
                    sumSq += (double) f[i] * f[i];
                    n++;
                }
            }
            double mean = sum / n;
            assertThat(mean).as("channel %d mean", c).isCloseTo(0, within(1e-3));
            assertThat(Math.sqrt(sumSq / n - mean * mean))
                    .as("channel %d std", c)
                    .isCloseTo(1, within(1e-3));
        }
    }

    @Test
    void givenStandardisationOff_whenLoadingCifar10_thenPixelsAreInZeroOne() {
        // Given standardize=false and a small train limit (keeps the test fast)
        // When
        Dataset cifar =
                CifarLoader.loadCifar10(
                        TestData.options().withStandardize(false).withTrainLimit(500));
        // Then
        assertThat(cifar.train().size()).isEqualTo(500);
        assertThat(cifar.description()).contains("(500 kept)");
        float[] f = cifar.train().features();
        float min = 1;
        float max = 0;
        for (float v : f) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
    }

    @Test
    void givenRealCifar100_whenLoadingFineLabels_thenHundredPerClassTrainFiftyTest() {
        // Given the shared subset; When
        Dataset cifar = TestData.load(DatasetId.CIFAR100);
        // Then
        assertThat(cifar.train().size()).isEqualTo(10_000);
        assertThat(cifar.test().size()).isEqualTo(5_000);
        assertThat(cifar.train().numClasses()).isEqualTo(100);
        assertThat(TestData.histogram(cifar.train())).containsOnly(100);
        assertThat(TestData.histogram(cifar.test())).containsOnly(50);
        assertThat(cifar.classNames()).hasSize(100).startsWith("apple").endsWith("worm");
    }

    @Test
    void givenCoarseFlag_whenLoadingCifar100_thenTwentyCoarseClassesOf500And250() {
        // Given the coarse flag; When
        Dataset cifar = CifarLoader.loadCifar100(TestData.options().withCifar100Coarse(true));
        // Then
        assertThat(cifar.train().numClasses()).isEqualTo(20);
        assertThat(TestData.histogram(cifar.train())).containsOnly(500);
        assertThat(TestData.histogram(cifar.test())).containsOnly(250);
        assertThat(cifar.classNames()).hasSize(20).startsWith("aquatic_mammals");
        assertThat(cifar.description()).contains("coarse");
        assertThat(cifar.fileChecksums()).containsKey("cifar-100/coarse_label_names.txt");
    }

    @Test
    void givenRealCifar100_whenLoadingTwice_thenFeaturesAreIdentical() {
        // Given / When: the memoised load and a fresh one
        Dataset again = CifarLoader.loadCifar100(TestData.options());
        // Then loading is deterministic
        assertThat(
                        Arrays.equals(
                                again.test().features(),
                                TestData.load(DatasetId.CIFAR100).test().features()))
                .isTrue();
    }
}
