package io.github.midljava.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianInputNoiseTest {

    @Test
    void givenZeros_whenAddingNoise_thenSampleMomentsMatchSigma() {
        // Given
        float[] x = new float[200_000];

        // When
        float[] noisy = GaussianInputNoise.add(x, 0.5, 1);

        // Then: mean 0 (sd of the mean 0.0011; bound 0.006), sd 0.5 (sd of the sd 0.0008; 0.005)
        double sum = 0;
        double sum2 = 0;
        for (float v : noisy) {
            sum += v;
            sum2 += (double) v * v;
        }
        double mean = sum / x.length;
        assertThat(mean).isCloseTo(0.0, within(0.006));
        assertThat(Math.sqrt(sum2 / x.length - mean * mean)).isCloseTo(0.5, within(0.005));
        assertThat(x).containsOnly(0f);
    }

    @Test
    void givenSameSeed_whenAddingNoise_thenReproducibleAndRowsMatchFlat() {
        // Given
        float[][] rows = {{1, 2, 3}, {4, 5, 6}};
        float[] flat = {1, 2, 3, 4, 5, 6};

        // When
        float[][] a = GaussianInputNoise.add(rows, 0.1, 9);
        float[][] b = GaussianInputNoise.add(rows, 0.1, 9);
        float[] c = GaussianInputNoise.add(flat, 0.1, 9);

        // Then: one stream in row-major order, so both layouts get the same noise
        assertThat(a).isDeepEqualTo(b);
        assertThat(c).containsExactly(a[0][0], a[0][1], a[0][2], a[1][0], a[1][1], a[1][2]);
        assertThat(GaussianInputNoise.add(flat, 0.1, 10)).isNotEqualTo(c);
    }

    @Test
    void givenZeroSigma_whenAddingNoise_thenEqualCopy() {
        // Given
        float[] x = {1.5f, -2f};

        // When
        float[] out = GaussianInputNoise.add(x, 0.0, 3);

        // Then
        assertThat(out).containsExactly(x).isNotSameAs(x);
    }

    @Test
    void givenNegativeSigma_whenAddingNoise_thenThrowsNamingTheValue() {
        assertThatThrownBy(() -> GaussianInputNoise.add(new float[1], -0.1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigma must be finite and >= 0, got -0.1");
    }
}
