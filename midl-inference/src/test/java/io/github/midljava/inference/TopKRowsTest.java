package io.github.midljava.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopKRowsTest {

    @Test
    void givenTwoRows_whenMasking_thenKLargestPerRowWithTiesToTheLowerIndex() {
        // Given: row 0 with a tie at the cut, row 1 all equal
        float[] v = {0.2f, 0.7f, 0.1f, 0.7f, 0.9f, 0.7f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
        float[] mask = new float[12];
        java.util.Arrays.fill(mask, 7f);
        // When
        TopKRows.mask(v, 2, 6, 2, mask);
        // Then
        assertThat(mask).containsExactly(0, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0);
    }

    @Test
    void givenBadSizes_whenMasking_thenRejectedNamingTheArgument() {
        float[] v = new float[6];
        assertThatThrownBy(() -> TopKRows.mask(v, 1, 6, 0, new float[6]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be in [1, 6], got 0");
        assertThatThrownBy(() -> TopKRows.mask(v, 2, 6, 2, new float[12]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows * n = 2*6");
    }
}
