package io.github.midljava.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PerNeuronMutualInformationTest {

    /** Unit 0: N(±2, 1) by label; unit 1: pure noise; unit 2: constant (dead); unit 3: N(±1, 1). */
    private static float[][] activations(int[] labels, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[labels.length][4];
        for (int i = 0; i < labels.length; i++) {
            double sign = labels[i] == 0 ? -1 : 1;
            x[i][0] = (float) (2 * sign + random.nextGaussian());
            x[i][1] = (float) random.nextGaussian();
            x[i][2] = 0.25f;
            x[i][3] = (float) (sign + random.nextGaussian());
        }
        return x;
    }

    @Test
    void givenUnitsOfKnownInformation_whenEstimating_thenEachMatchesItsClosedForm() {
        // Given
        int[] labels = GaussianMixtureMi.alternatingLabels(4000);
        float[][] x = activations(labels, 1);

        // When
        PerNeuronMutualInformation.Result result =
                PerNeuronMutualInformation.builder().optSeed(2).build().estimate(x, labels);

        // Then: 0.6327, ~0, exactly 0, 0.3368 nats; tolerance 0.04 (~4 sd at N = 4000)
        double[] mi = result.perUnit();
        assertThat(mi[0]).isCloseTo(GaussianMixtureMi.exact(2.0), within(0.04));
        assertThat(mi[1]).isCloseTo(0.0, within(0.04));
        assertThat(mi[2]).isZero();
        assertThat(mi[3]).isCloseTo(GaussianMixtureMi.exact(1.0), within(0.04));
        assertThat(result.numUnits()).isEqualTo(4);
        assertThat(result.numSamples()).isEqualTo(4000);
    }

    @Test
    void givenPerUnitValues_whenSummarising_thenMeanMedianAndFractionAreExact() {
        // Given
        int[] labels = GaussianMixtureMi.alternatingLabels(1000);
        float[][] x = activations(labels, 3);

        // When
        PerNeuronMutualInformation.Result result =
                PerNeuronMutualInformation.builder()
                        .optThreshold(0.2)
                        .optSeed(4)
                        .build()
                        .estimate(x, labels);

        // Then: summaries are functions of perUnit alone (4 units: median = mean of the middle 2)
        double[] mi = result.perUnit();
        double[] sorted = mi.clone();
        java.util.Arrays.sort(sorted);
        assertThat(result.mean()).isCloseTo((mi[0] + mi[1] + mi[2] + mi[3]) / 4, within(1e-15));
        assertThat(result.median()).isCloseTo((sorted[1] + sorted[2]) / 2, within(1e-15));
        assertThat(result.threshold()).isEqualTo(0.2);
        assertThat(result.fractionAboveThreshold()).isEqualTo(0.5); // units 0 and 3
        assertThat(result.fractionAbove(-1.0)).isEqualTo(1.0);
        assertThat(result.fractionAbove(10.0)).isEqualTo(0.0);
    }

    @Test
    void givenOddCount_whenMedian_thenMiddleValue() {
        // Given / When / Then
        assertThat(PerNeuronMutualInformation.median(new double[] {5, 1, 3})).isEqualTo(3);
    }

    @Test
    void givenSameSeed_whenEstimatingWithOneAndTwoThreads_thenIdentical() {
        // Given
        int[] labels = GaussianMixtureMi.alternatingLabels(500);
        float[][] x = activations(labels, 5);
        float[] flat = new float[500 * 4];
        for (int i = 0; i < 500; i++) {
            System.arraycopy(x[i], 0, flat, 4 * i, 4);
        }
        PerNeuronMutualInformation.Builder builder =
                PerNeuronMutualInformation.builder().optSeed(6);

        // When
        double[] single = builder.optThreads(1).build().estimate(x, labels).perUnit();
        double[] parallel = builder.optThreads(2).build().estimate(flat, 4, labels).perUnit();

        // Then
        assertThat(parallel).containsExactly(single);
    }

    @Test
    void givenInvalidArguments_whenEstimating_thenThrowsNamingTheValue() {
        PerNeuronMutualInformation estimator = PerNeuronMutualInformation.builder().build();
        assertThatThrownBy(() -> estimator.estimate(new float[7], 2, new int[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 7");
        assertThatThrownBy(() -> estimator.estimate(new float[6], 0, new int[3]))
                .hasMessageContaining("units must be >= 1, got 0");
        assertThatThrownBy(() -> PerNeuronMutualInformation.builder().optThreshold(Double.NaN))
                .hasMessageContaining("threshold must be finite, got NaN");
    }
}
