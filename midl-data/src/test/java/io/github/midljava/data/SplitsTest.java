package io.github.midljava.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Seeded train/validation splits and subsets. */
class SplitsTest {

    /** A split whose single feature equals the sample index, so samples can be traced. */
    private static DataSplit indexed(int n) {
        float[] f = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            f[i] = i;
            labels[i] = i % 3;
        }
        return new DataSplit(f, labels, new long[] {1}, 3);
    }

    @Test
    void givenSameSeed_whenSplitting_thenSameDisjointCoveringPartsInOriginalOrder() {
        // Given 100 samples
        DataSplit split = indexed(100);
        // When
        TrainValidation a = Splits.trainValidation(split, 0.2, 42);
        TrainValidation b = Splits.trainValidation(split, 0.2, 42);
        TrainValidation c = Splits.trainValidation(split, 0.2, 43);
        // Then
        assertThat(a.validation().size()).isEqualTo(20);
        assertThat(a.train().size()).isEqualTo(80);
        assertThat(a.validation().features()).containsExactly(b.validation().features());
        assertThat(a.validation().features()).isNotEqualTo(c.validation().features());
        float[] all = new float[100];
        System.arraycopy(a.train().features(), 0, all, 0, 80);
        System.arraycopy(a.validation().features(), 0, all, 80, 20);
        Arrays.sort(all);
        assertThat(all).containsExactly(toFloats(IntStream.range(0, 100).toArray()));
        assertThat(a.train().features()).isSorted();
        assertThat(a.train().labels()[0]).isEqualTo((int) a.train().features()[0] % 3);
    }

    private static float[] toFloats(int[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = values[i];
        }
        return f;
    }

    @Test
    void givenFractionOutsideOpenInterval_whenSplitting_thenErrorSaysValue() {
        // Given / When / Then
        assertThatThrownBy(() -> Splits.trainValidation(indexed(10), 1.0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validationFraction must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> Splits.trainValidation(indexed(10), 0.01, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves the validation part empty");
    }

    @Test
    void givenLimit_whenChoosingTrainIndices_thenSortedDistinctAndStable() {
        // Given / When
        int[] a = Splits.trainLimitIndices(1000, 10);
        int[] all = Splits.trainLimitIndices(5, 0);
        // Then
        assertThat(a)
                .hasSize(10)
                .isSorted()
                .doesNotHaveDuplicates()
                .containsExactly(Splits.trainLimitIndices(1000, 10));
        assertThat(all).containsExactly(0, 1, 2, 3, 4);
        assertThat(Splits.trainLimitIndices(5, 50)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void givenBadOptionValues_whenBuildingOptions_thenErrorsNameTheValue() {
        // Given / When / Then
        assertThatThrownBy(() -> DataOptions.defaults().withImdbVocabularySize(0))
                .hasMessageContaining("imdbVocabularySize must be >= 1, got 0");
        assertThatThrownBy(() -> DataOptions.defaults().withTrainLimit(-1))
                .hasMessageContaining("trainLimit must be >= 0 (0 = all), got -1");
        assertThatThrownBy(() -> DataOptions.defaults().withMirror(URI.create("relative/x")))
                .hasMessageContaining("mirror must be an absolute URI");
        assertThat(DataOptions.defaults().imdbVocabularySize()).isEqualTo(5000);
        assertThat(DataOptions.defaults().imdbFeatures()).isEqualTo(TextFeatures.TF_IDF);
    }
}
