package io.github.midljava.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelNoiseTest {

    private static int[] tenClasses(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (i * 7) % 10;
        }
        return labels;
    }

    private static int changed(int[] a, int[] b) {
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                count++;
            }
        }
        return count;
    }

    @Test
    void givenTwentyPercentOfThousand_whenFlipping_thenExactlyTwoHundredChanged() {
        // Given
        int[] labels = tenClasses(1000);
        int[] original = labels.clone();

        // When
        int[] noisy = LabelNoise.flipSymmetric(labels, 10, 0.2, 42);

        // Then: exactly round(0.2 × 1000) differ (so every flipped label is a different class,
        // never a "flip" back to its own), all within [0, 10); input untouched
        assertThat(changed(labels, noisy)).isEqualTo(200);
        for (int y : noisy) {
            assertThat(y).isBetween(0, 9);
        }
        assertThat(labels).containsExactly(original);
    }

    @Test
    void givenBinaryLabels_whenFlippingAll_thenEveryLabelIsTheOtherClass() {
        // Given: with 2 classes "a different class" is forced
        int[] labels = {0, 1, 1, 0, 1};

        // When
        int[] noisy = LabelNoise.flipSymmetric(labels, 2, 1.0, 1);

        // Then
        assertThat(noisy).containsExactly(1, 0, 0, 1, 0);
    }

    @Test
    void givenSameSeed_whenFlipping_thenReproducible_andOtherSeedDiffers() {
        // Given
        int[] labels = tenClasses(1000);

        // When
        int[] first = LabelNoise.flipSymmetric(labels, 10, 0.4, 7);
        int[] second = LabelNoise.flipSymmetric(labels, 10, 0.4, 7);
        int[] other = LabelNoise.flipSymmetric(labels, 10, 0.4, 8);

        // Then
        assertThat(second).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(changed(labels, other)).isEqualTo(400);
    }

    @Test
    void givenManyFlips_whenCountingTargets_thenEveryOtherClassIsReached() {
        // Given: all labels 0, 10 classes, 90% flipped
        int[] labels = new int[9000];

        // When
        int[] noisy = LabelNoise.flipSymmetric(labels, 10, 0.9, 3);

        // Then: 8100 flips spread over classes 1..9, ~900 each (binomial sd ~28; bound ±150)
        int[] histogram = new int[10];
        for (int y : noisy) {
            histogram[y]++;
        }
        assertThat(histogram[0]).isEqualTo(900);
        for (int c = 1; c < 10; c++) {
            assertThat(histogram[c]).as("class %d", c).isBetween(750, 1050);
        }
    }

    @Test
    void givenRoundingCases_whenCountingFlips_thenRoundHalfUp() {
        // Given / When / Then
        assertThat(LabelNoise.flipCount(1000, 0.2)).isEqualTo(200);
        assertThat(LabelNoise.flipCount(5, 0.5)).isEqualTo(3);
        assertThat(LabelNoise.flipCount(7, 0.0)).isZero();
        assertThat(LabelNoise.flipSymmetric(new int[] {1, 2}, 3, 0.0, 0)).containsExactly(1, 2);
    }

    @Test
    void givenInvalidArguments_whenFlipping_thenThrowsNamingTheValue() {
        assertThatThrownBy(() -> LabelNoise.flipSymmetric(new int[] {0}, 1, 0.1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numClasses must be >= 2, got 1");
        assertThatThrownBy(() -> LabelNoise.flipSymmetric(new int[] {0}, 2, 1.5, 0))
                .hasMessageContaining("fraction must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> LabelNoise.flipSymmetric(new int[] {0, 5}, 3, 0.1, 0))
                .hasMessageContaining("labels[1] must be in [0, 3), got 5");
    }
}
