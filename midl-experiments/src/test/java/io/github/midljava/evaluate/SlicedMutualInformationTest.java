package io.github.midljava.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SlicedMutualInformationTest {

    private static final int N = 2000;
    private static final int DIM = 8;

    /** Coordinate 0 is X | Y=±1 ~ N(±2, 1); coordinates 1..7 are N(0, 1) noise. */
    private static float[][] hiddenCoordinate(int[] labels, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[labels.length][DIM];
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < DIM; j++) {
                x[i][j] = (float) random.nextGaussian();
            }
            x[i][0] += labels[i] == 0 ? -2f : 2f;
        }
        return x;
    }

    @Test
    void givenInformativeCoordinateAmongNoise_whenEstimatingSmi_thenBetweenZeroAndItsOwnMi() {
        // Given
        int[] labels = GaussianMixtureMi.alternatingLabels(N);
        float[][] x = hiddenCoordinate(labels, 1);
        float[] informative = new float[N];
        for (int i = 0; i < N; i++) {
            informative[i] = x[i][0];
        }
        SlicedMutualInformation smi =
                SlicedMutualInformation.builder().optNumDirections(64).optSeed(3).build();

        // When
        SlicedMutualInformation.Result result = smi.estimate(x, labels);
        double coordinateMi = KnnMutualInformation.withDefaults().estimate(informative, labels, 3);

        // Then: θᵀX | Y ~ N(±2θ₀, 1), so each slice carries I(2|θ₀|) < I(2) (about 0.633 nats);
        // with E[θ₀²] = 1/8 the mean is far from both ends (margins: 5 standard errors)
        assertThat(result.mean()).isGreaterThan(5 * result.standardError());
        assertThat(result.mean()).isLessThan(coordinateMi - 5 * result.standardError());
        assertThat(coordinateMi).isCloseTo(GaussianMixtureMi.exact(2.0), within(0.05));
        assertThat(result.numDirections()).isEqualTo(64);
        assertThat(result.numSamples()).isEqualTo(N);
        assertThat(result.dim()).isEqualTo(DIM);
        assertThat(result.k()).isEqualTo(3);
        assertThat(result.seed()).isEqualTo(3);
    }

    @Test
    void givenSameSeed_whenEstimatingWithOneAndTwoThreads_thenIdenticalPerDirectionValues() {
        // Given
        int[] labels = GaussianMixtureMi.alternatingLabels(500);
        float[][] x = hiddenCoordinate(labels, 2);
        SlicedMutualInformation.Builder builder =
                SlicedMutualInformation.builder().optNumDirections(32).optSeed(17);

        // When
        double[] single = builder.optThreads(1).build().perDirection(x, labels);
        double[] parallel = builder.optThreads(2).build().perDirection(x, labels);
        double[] otherSeed = builder.optSeed(18).build().perDirection(x, labels);

        // Then: bit-identical for the seed whatever the scheduling; another seed differs
        assertThat(parallel).containsExactly(single);
        assertThat(otherSeed).isNotEqualTo(single);
    }

    @Test
    void givenRowMajorInput_whenEstimating_thenSameAsRows() {
        // Given
        int[] labels = GaussianMixtureMi.alternatingLabels(300);
        float[][] x = hiddenCoordinate(labels, 4);
        float[] flat = new float[300 * DIM];
        for (int i = 0; i < 300; i++) {
            System.arraycopy(x[i], 0, flat, i * DIM, DIM);
        }
        SlicedMutualInformation smi =
                SlicedMutualInformation.builder().optNumDirections(8).optSeed(5).build();

        // When / Then
        assertThat(smi.estimate(flat, DIM, labels)).isEqualTo(smi.estimate(x, labels));
    }

    @Test
    void givenMoreDirections_whenEstimatingSmi_thenStandardErrorShrinks() {
        // Given
        int[] labels = GaussianMixtureMi.alternatingLabels(1000);
        float[][] x = hiddenCoordinate(labels, 6);

        // When
        SlicedMutualInformation.Result few =
                SlicedMutualInformation.builder()
                        .optNumDirections(16)
                        .optSeed(7)
                        .build()
                        .estimate(x, labels);
        SlicedMutualInformation.Result many =
                SlicedMutualInformation.builder()
                        .optNumDirections(256)
                        .optSeed(7)
                        .build()
                        .estimate(x, labels);

        // Then: SE = std / sqrt(m), and std is a property of the data: 16x the directions gives
        // about a quarter of the error (asserted loosely: below half)
        assertThat(many.standardError()).isLessThan(0.5 * few.standardError());
        assertThat(many.standardError()).isCloseTo(many.std() / Math.sqrt(256), within(1e-15));
        assertThat(many.mean()).isCloseTo(few.mean(), within(3 * few.standardError()));
    }

    @Test
    void givenOneDirection_whenEstimating_thenSpreadIsNaN() {
        // Given
        int[] labels = GaussianMixtureMi.alternatingLabels(200);
        float[][] x = hiddenCoordinate(labels, 8);

        // When
        SlicedMutualInformation.Result result =
                SlicedMutualInformation.builder().optNumDirections(1).build().estimate(x, labels);

        // Then: one sample has no spread; NaN rather than a misleading 0
        assertThat(result.std()).isNaN();
        assertThat(result.standardError()).isNaN();
        assertThat(result.mean()).isFinite();
    }

    @Test
    void givenDirections_whenDrawn_thenUnitNorm() {
        // Given / When / Then
        for (long seed = 0; seed < 20; seed++) {
            double[] theta = SlicedMutualInformation.direction(DIM, seed);
            double norm2 = 0;
            for (double t : theta) {
                norm2 += t * t;
            }
            assertThat(norm2).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void givenInvalidConfiguration_whenBuildingOrEstimating_thenThrowsNamingTheValue() {
        assertThatThrownBy(() -> SlicedMutualInformation.builder().optNumDirections(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numDirections must be >= 1, got 0");
        assertThatThrownBy(() -> SlicedMutualInformation.builder().optThreads(0))
                .hasMessageContaining("threads must be >= 1, got 0");
        assertThatThrownBy(() -> SlicedMutualInformation.builder().optK(-2))
                .hasMessageContaining("k must be >= 1, got -2");
        SlicedMutualInformation smi = SlicedMutualInformation.builder().build();
        assertThatThrownBy(() -> smi.estimate(new float[10], 3, new int[3]))
                .hasMessageContaining("got 10");
        assertThatThrownBy(() -> smi.estimate(new float[][] {{1, 2}, {3}}, new int[2]))
                .hasMessageContaining("row 1 of length 1");
    }

    @Test
    void givenSeed_whenShuffled_thenSamePermutationOfTheSameLabelsEveryTime() {
        // Given
        int[] labels = {0, 0, 0, 1, 1, 2, 2, 2, 2, 3};

        // When
        int[] a = SlicedMutualInformation.shuffled(labels, 7);
        int[] b = SlicedMutualInformation.shuffled(labels, 7);

        // Then: a permutation (same multiset), reproducible, the input left alone
        assertThat(a).isEqualTo(b).isNotEqualTo(labels);
        assertThat(java.util.Arrays.stream(a).sorted().toArray()).isEqualTo(labels);
        assertThat(labels).containsExactly(0, 0, 0, 1, 1, 2, 2, 2, 2, 3);
    }

    @Test
    void givenOneClass_whenFloor_thenExactlyZero() {
        // Given: with a single label, ψ(N) + ψ(k) − ψ(N_x) − ψ(m) = ψ(8) + ψ(3) − ψ(8) − ψ(3) = 0
        float[] x = {0f, 1f, 3f, 6f, 10f, 15f, 21f, 28f};
        int[] labels = new int[8];
        SlicedMutualInformation smi =
                SlicedMutualInformation.builder().optNumDirections(4).optThreads(1).build();

        // When / Then
        assertThat(smi.estimateShuffledFloor(x, 1, labels).mean()).isZero();
    }

    @Test
    void givenTwoSeparatedClusters_whenEstimateAndFloor_thenHandValueAndFloorBelowIt() {
        // Given: 4 + 4 points, one cluster per label. Each point's 3rd same-class neighbour lies
        // inside its cluster and no point of the other cluster is nearer, so m_i = 3 and
        // I = ψ(8) + ψ(3) − ψ(4) − ψ(3) = ψ(8) − ψ(4) = 1/4 + 1/5 + 1/6 + 1/7 = 0.759524 nats.
        // In one dimension θ = ±1, so SMI equals I for any number of directions.
        float[] x = {0f, 0.1f, 0.25f, 0.45f, 10f, 10.1f, 10.25f, 10.45f};
        int[] labels = {0, 0, 0, 0, 1, 1, 1, 1};
        SlicedMutualInformation smi =
                SlicedMutualInformation.builder().optNumDirections(1).optThreads(1).build();

        // When
        double estimate = smi.estimate(x, 1, labels).mean();
        SlicedMutualInformation.Result floor = smi.estimateShuffledFloor(x, 1, labels);

        // Then: the floor is the same estimator on the shuffled labels, and far below I
        double hand = 1.0 / 4 + 1.0 / 5 + 1.0 / 6 + 1.0 / 7;
        assertThat(estimate).isCloseTo(hand, within(1e-9));
        int[] shuffled = SlicedMutualInformation.shuffled(labels, smi.permutationSeed());
        assertThat(floor.mean()).isEqualTo(smi.estimate(x, 1, shuffled).mean());
        assertThat(floor.mean()).isLessThan(hand / 2);
        assertThat(floor.numDirections()).isEqualTo(1);
    }

    @Test
    void givenIndependentNoiseAndInformativeCoordinate_whenFloor_thenNearZeroAndFarBelowSmi() {
        // Given
        int[] labels = GaussianMixtureMi.alternatingLabels(1000);
        float[][] x = hiddenCoordinate(labels, 5);
        float[] flat = new float[1000 * DIM];
        for (int i = 0; i < 1000; i++) {
            System.arraycopy(x[i], 0, flat, i * DIM, DIM);
        }
        SlicedMutualInformation smi =
                SlicedMutualInformation.builder().optNumDirections(32).optSeed(1).build();

        // When
        double value = smi.estimate(flat, DIM, labels).mean();
        double floor = smi.estimateShuffledFloor(flat, DIM, labels).mean();

        // Then: the kNN estimator's bias at n = 1000 is a few hundredths of a nat at most
        assertThat(floor).isLessThan(0.03);
        assertThat(value).isGreaterThan(5 * floor + 0.02);
    }
}
