package io.github.midljava.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnnMutualInformationTest {

    private final KnnMutualInformation estimator = KnnMutualInformation.withDefaults();

    @Test
    void givenTinyHandCheckedExample_whenEstimatingWithoutPreprocessing_thenFiftyNineSixtieths() {
        // Given: N = 6, k = 3. Class 0 at {0, 1, 2}, class 1 at {10, 12}, class 2 only at {5}.
        double[] x = {0, 10, 1, 5, 2, 12};
        int[] labels = {0, 1, 0, 2, 0, 1};

        // When
        double mi = KnnMutualInformation.knnMutualInformation(x, labels, 3);

        // Then: derivation, as sklearn's _compute_mi_cd does it:
        //   the sample at 5 is alone in class 2 and dropped, so N = 5;
        //   class 0 (3 samples): k = min(3, 2) = 2, ψ(N_x) = ψ(3)
        //     x=0: same-class distances {1, 2} -> d = 2, points of any class with |x'-0| < 2: {0,
        // 1}
        //          -> m = 2
        //     x=1: distances {1, 1} -> d = 1, |x'-1| < 1: {1} -> m = 1 (ties at the radius
        // excluded)
        //     x=2: distances {1, 2} -> d = 2, |x'-2| < 2: {1, 2} -> m = 2
        //   class 1 (2 samples): k = min(3, 1) = 1, ψ(N_x) = ψ(2)
        //     x=10: d = 2, |x'-10| < 2: {10} -> m = 1;  x=12: likewise m = 1
        //   I = ψ(5) + (3ψ(2) + 2ψ(1))/5 − (3ψ(3) + 2ψ(2))/5 − (2ψ(2) + 3ψ(1))/5
        //   with ψ(n) = H_(n−1) − γ the γ terms cancel:
        //   I = 25/12 + 3/5 − (3·3/2 + 2)/5 − 2/5 = (125 + 36 − 78 − 24)/60 = 59/60
        assertThat(mi).isCloseTo(59.0 / 60.0, within(1e-12));
    }

    @Test
    void givenRandomDataWithTies_whenEstimating_thenMatchesBruteForceSklearnReference() {
        // Given: integer-valued x (many exact ties) and 5 classes, one of them a singleton
        Random random = new Random(7);
        int n = 300;
        double[] x = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextInt(40);
            labels[i] = i == 0 ? 99 : random.nextInt(4);
        }
        for (int k : new int[] {1, 3, 10}) {
            // When
            double fast = KnnMutualInformation.knnMutualInformation(x, labels, k);

            // Then: equal to an O(N²) transcription of sklearn's _compute_mi_cd (up to
            // summation order)
            assertThat(fast).as("k = %d", k).isCloseTo(bruteForce(x, labels, k), within(1e-12));
        }
    }

    @Test
    void givenIndependentXY_whenEstimatingMi_thenNearZero() {
        // Given: X ~ N(0, 1) independent of Y (two balanced classes), N = 4000
        int[] labels = GaussianMixtureMi.alternatingLabels(4000);
        double[] x = GaussianMixtureMi.sample(labels, 0.0, 11);

        // When
        double mi = estimator.estimate(x, labels, 1);

        // Then: true MI is 0; tolerance 0.02 nats (~4 standard deviations of the estimator here)
        assertThat(mi).isBetween(0.0, 0.02);
    }

    @Test
    void givenTwoWellSeparatedClasses_whenEstimatingMi_thenLnTwo() {
        // Given: X | Y=0 ~ N(0, 1), X | Y=1 ~ N(100, 1), equal priors, N = 2000
        int[] labels = GaussianMixtureMi.alternatingLabels(2000);
        double[] x = GaussianMixtureMi.sample(labels, 50.0, 12);

        // When
        double mi = estimator.estimate(x, labels, 2);

        // Then: I = H(Y) = ln 2; tolerance 0.03 nats (the estimator gives ψ(2000) − ψ(1000))
        assertThat(mi).isCloseTo(Math.log(2), within(0.03));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 2.0})
    void givenGaussianClassConditionals_whenEstimatingMi_thenMatchesNumericalIntegration(
            double mu) {
        // Given: X | Y=±1 ~ N(±μ, 1), equal priors, N = 10000
        int[] labels = GaussianMixtureMi.alternatingLabels(10_000);
        double[] x = GaussianMixtureMi.sample(labels, mu, 100 + (long) (10 * mu));

        // When
        double mi = estimator.estimate(x, labels, 3);

        // Then: within 0.03 nats of H(X) − H(X|Y) by Simpson's rule (0.1114, 0.3368, 0.6327);
        // over 200 seeds the estimator's bias here is < 0.001 and its sd < 0.007
        assertThat(mi).isCloseTo(GaussianMixtureMi.exact(mu), within(0.03));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 2.0})
    void givenMixtureEntropyIntegral_whenComparedWithPosteriorIntegral_thenEqual(double mu) {
        // Given: the reference used above, H(X) − H(X|Y)
        double viaEntropies = GaussianMixtureMi.exact(mu);

        // When: the same MI as ln 2 − H(Y|X) = ln 2 − E[ln(1 + exp(−2μX))], X ~ N(μ, 1),
        // an independent integral (Simpson, [μ − 15, μ + 15], 20,000 intervals)
        double lo = mu - 15;
        double h = 30.0 / 20_000;
        double sum = 0;
        for (int i = 0; i <= 20_000; i++) {
            double x = lo + i * h;
            double density = Math.exp(-0.5 * (x - mu) * (x - mu)) / Math.sqrt(2 * Math.PI);
            double weight = (i == 0 || i == 20_000) ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += weight * density * Math.log1p(Math.exp(-2 * mu * x));
        }
        double viaPosterior = Math.log(2) - sum * h / 3;

        // Then: the reference is right to 1e-9 nats
        assertThat(viaEntropies).isCloseTo(viaPosterior, within(1e-9));
    }

    @Test
    void givenScaledX_whenEstimatingMi_thenSameEstimate() {
        // Given
        int[] labels = GaussianMixtureMi.alternatingLabels(3000);
        double[] x = GaussianMixtureMi.sample(labels, 1.0, 21);
        double[] scaled = Arrays.stream(x).map(v -> 1000 * v).toArray();

        // When
        double mi = estimator.estimate(x, labels, 5);
        double miScaled = estimator.estimate(scaled, labels, 5);

        // Then: standardisation makes the noise relative, so scaling changes nothing (1e-9)
        assertThat(miScaled).isCloseTo(mi, within(1e-9));
    }

    @Test
    void givenConstantX_whenEstimatingMi_thenExactlyZero() {
        // Given
        double[] x = new double[100];
        Arrays.fill(x, 3.5);
        int[] labels = GaussianMixtureMi.alternatingLabels(100);

        // When
        double mi = estimator.estimate(x, labels, 0);

        // Then
        assertThat(mi).isZero();
    }

    @Test
    void givenReluLikeTies_whenEstimatingWithNoise_thenTiesBrokenAndInputUntouched() {
        // Given: half the samples exactly 0 (dead ReLU region), the rest informative
        int[] labels = GaussianMixtureMi.alternatingLabels(2000);
        double[] x = GaussianMixtureMi.sample(labels, 1.0, 31);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0, x[i]);
        }
        double[] copy = x.clone();

        // When
        double mi = estimator.estimate(x, labels, 9);
        double again = estimator.estimate(x, labels, 9);

        // Then: finite, positive, reproducible for the seed, and x untouched
        assertThat(mi).isPositive().isLessThan(Math.log(2)).isEqualTo(again);
        assertThat(x).containsExactly(copy);
    }

    @Test
    void givenFloatInput_whenEstimating_thenSameAsDouble() {
        // Given
        int[] labels = GaussianMixtureMi.alternatingLabels(500);
        double[] x = GaussianMixtureMi.sample(labels, 1.0, 41);
        float[] xf = new float[x.length];
        double[] xd = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xf[i] = (float) x[i];
            xd[i] = xf[i];
        }

        // When / Then
        assertThat(estimator.estimate(xf, labels, 4)).isEqualTo(estimator.estimate(xd, labels, 4));
    }

    @Test
    void givenInvalidArguments_whenEstimating_thenThrowsNamingTheValue() {
        double[] x = {1, 2, 3};
        assertThatThrownBy(() -> KnnMutualInformation.builder().optK(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be >= 1, got 0");
        assertThatThrownBy(() -> KnnMutualInformation.builder().optNoiseScale(-1))
                .hasMessageContaining("got -1.0");
        assertThatThrownBy(() -> estimator.estimate(x, new int[] {0, 1}, 0))
                .hasMessageContaining("got 2");
        assertThatThrownBy(() -> estimator.estimate(x, new int[] {0, 1, 2}, 0))
                .hasMessageContaining("at least one label must occur twice");
        assertThatThrownBy(() -> estimator.estimate(new double[] {1, Double.NaN}, new int[2], 0))
                .hasMessageContaining("x[1] must be finite, got NaN");
    }

    /** O(N²) transcription of sklearn's _compute_mi_cd, kept deliberately naive. */
    private static double bruteForce(double[] x, int[] labels, int nNeighbors) {
        int n = x.length;
        int[] labelCount = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (labels[j] == labels[i]) {
                    labelCount[i]++;
                }
            }
        }
        double sumK = 0;
        double sumCount = 0;
        double sumM = 0;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (labelCount[i] < 2) {
                continue;
            }
            kept++;
            int k = Math.min(nNeighbors, labelCount[i] - 1);
            double[] same = new double[labelCount[i] - 1];
            int s = 0;
            for (int j = 0; j < n; j++) {
                if (j != i && labels[j] == labels[i]) {
                    same[s++] = Math.abs(x[j] - x[i]);
                }
            }
            Arrays.sort(same);
            double radius = Math.nextAfter(same[k - 1], 0.0);
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (labelCount[j] >= 2 && Math.abs(x[j] - x[i]) <= radius) {
                    m++;
                }
            }
            sumK += Digamma.psi(k);
            sumCount += Digamma.psi(labelCount[i]);
            sumM += Digamma.psi(m);
        }
        double mi = Digamma.psi(kept) + sumK / kept - sumCount / kept - sumM / kept;
        return Math.max(0, mi);
    }
}
