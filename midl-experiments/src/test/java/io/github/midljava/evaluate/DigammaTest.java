package io.github.midljava.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DigammaTest {

    private static final double GAMMA = 0.5772156649015329;

    @Test
    void givenOne_whenPsi_thenMinusEulerGamma() {
        // Given / When
        double psi = Digamma.psi(1.0);

        // Then: ψ(1) = −γ
        assertThat(psi).isCloseTo(-GAMMA, within(1e-15));
    }

    @Test
    void givenHalf_whenPsi_thenMinusGammaMinusTwoLnTwo() {
        // Given / When
        double psi = Digamma.psi(0.5);

        // Then: ψ(1/2) = −γ − 2 ln 2
        assertThat(psi).isCloseTo(-GAMMA - 2 * Math.log(2), within(1e-14));
    }

    @Test
    void givenTen_whenPsi_thenTabulatedValue() {
        // Given / When
        double psi = Digamma.psi(10.0);

        // Then: ψ(10) = H_9 − γ = 2.251752589066721 (Abramowitz & Stegun 6.3.2)
        assertThat(psi).isCloseTo(2.251752589066721, within(1e-14));
    }

    @Test
    void givenIntegers_whenPsi_thenHarmonicNumberMinusGamma() {
        // Given: ψ(n) = H_(n−1) − γ for integers n >= 1
        double harmonic = 0;
        for (int n = 1; n <= 200; n++) {
            // When
            double psi = Digamma.psi(n);

            // Then
            assertThat(psi).as("psi(%d)", n).isCloseTo(harmonic - GAMMA, within(1e-13));
            harmonic += 1.0 / n;
        }
    }

    @Test
    void givenRealArguments_whenPsi_thenRecurrenceHolds() {
        // Given: ψ(x + 1) − ψ(x) = 1/x, across the switch to the asymptotic series at 10
        for (double x : new double[] {0.01, 0.3, 1.7, 8.5, 9.99, 10.0, 37.25, 1e4}) {
            // When
            double step = Digamma.psi(x + 1) - Digamma.psi(x);

            // Then
            assertThat(step).as("x = %s", x).isCloseTo(1 / x, within(1e-12 * Math.max(1, 1 / x)));
        }
    }

    @Test
    void givenNegativeHalf_whenPsi_thenReflectionValue() {
        // Given / When
        double psi = Digamma.psi(-0.5);

        // Then: reflection gives ψ(−1/2) = ψ(3/2) = 2 − γ − 2 ln 2
        assertThat(psi).isCloseTo(2 - GAMMA - 2 * Math.log(2), within(1e-13));
    }

    @Test
    void givenPolesAndNaN_whenPsi_thenNaN() {
        // Given / When / Then
        assertThat(Digamma.psi(0.0)).isNaN();
        assertThat(Digamma.psi(-3.0)).isNaN();
        assertThat(Digamma.psi(Double.NaN)).isNaN();
        assertThat(Digamma.psi(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void givenLargeArgument_whenPsi_thenLogMinusHalfReciprocal() {
        // Given / When
        double psi = Digamma.psi(1e6);

        // Then: ψ(x) = ln x − 1/(2x) − 1/(12x²) + O(x^-4)
        assertThat(psi).isCloseTo(Math.log(1e6) - 0.5e-6 - 1 / 12e12, within(1e-14));
    }
}
