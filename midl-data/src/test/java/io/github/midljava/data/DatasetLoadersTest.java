package io.github.midljava.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The facade on the real data folder. */
class DatasetLoadersTest {

    @Test
    void givenEachPresentDataset_whenLoadingThroughFacade_thenIdAndClassCountAgree() {
        // Given the datasets present in the shared folder (SVHN is not)
        for (DatasetId id :
                new DatasetId[] {
                    DatasetId.MNIST,
                    DatasetId.CIFAR10,
                    DatasetId.CIFAR100,
                    DatasetId.ADULT,
                    DatasetId.IMDB
                }) {
            // When
            Dataset d = TestData.load(id);
            // Then
            assertThat(d.id()).isEqualTo(id);
            assertThat(d.classNames()).hasSize(d.train().numClasses());
            assertThat(d.test().numClasses()).isEqualTo(d.train().numClasses());
            assertThat(d.test().sampleShape()).containsExactly(d.train().sampleShape());
            assertThat(d.fileChecksums()).isNotEmpty();
            assertThat(d.description()).isNotBlank();
        }
    }

    @Test
    void givenSvhnAbsentAndDownloadsOff_whenLoading_thenOneLineErrorNamesFileAndUrl() {
        // Given the shared folder, which has no svhn/, and downloads off
        // When / Then
        assertThatThrownBy(() -> DatasetLoaders.load(DatasetId.SVHN, TestData.options()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("svhn/train_32x32.mat: not found")
                .hasMessageContaining("http://ufldl.stanford.edu/housenumbers/train_32x32.mat")
                .hasMessageContaining("downloads are off")
                .hasMessageNotContaining("\n");
    }
}
