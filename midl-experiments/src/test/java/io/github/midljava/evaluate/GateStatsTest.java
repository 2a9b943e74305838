package io.github.midljava.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GateStatsTest {

    // Two samples, two units: row 0 undecided (0.5, 0.5), row 1 saturated (1, 0).
    private static final float[] GATE = {0.5f, 0.5f, 1f, 0f};
    private static final float[] MASK = {1, 0, 1, 0};

    @Test
    void givenHandComputedGates_whenComputingStats_thenEveryFieldMatches() {
        // Given the previous mask picked unit 1 for sample 1
        float[] previous = {1, 0, 0, 1};
        // When
        GateStats s = GateStats.of(GATE, MASK, previous, 2);
        // Then: entropy (1 + 1 + 0 + 0) / 4; only unit 0 ever selected; row 1 changed twice
        assertThat(s.meanEntropyBits()).isCloseTo(0.5, within(1e-12));
        assertThat(s.everSelectedFraction()).isEqualTo(0.5);
        assertThat(s.churn()).isEqualTo(0.5);
        assertThat(s.gateMean()).isCloseTo(0.5, within(1e-12));
        assertThat(s.gateStd()).isCloseTo(Math.sqrt(1.5 / 4 - 0.25), within(1e-12));
        assertThat(s.meanRowStd()).isCloseTo((0 + 0.5) / 2, within(1e-12));
        assertThat(s.selectedGateMean()).isCloseTo(0.75, within(1e-12));
        assertThat(s.unselectedGateMean()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void givenNoPreviousMask_whenComputingStats_thenChurnIsNaN() {
        GateStats s = GateStats.of(GATE, MASK, null, 2);
        assertThat(s.churn()).isNaN();
    }

    @Test
    void givenEveryUnitSelected_whenComputingStats_thenUnselectedMeanIsNaN() {
        GateStats s = GateStats.of(new float[] {0.2f, 0.9f}, new float[] {1, 1}, null, 2);
        assertThat(s.everSelectedFraction()).isEqualTo(1.0);
        assertThat(s.unselectedGateMean()).isNaN();
        assertThat(s.selectedGateMean()).isCloseTo(0.55, within(1e-6));
    }

    @Test
    void givenGateNotAMultipleOfUnits_whenComputingStats_thenRejectedWithLengths() {
        assertThatThrownBy(() -> GateStats.of(new float[3], new float[3], null, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lengths 3 and 3");
    }

    @Test
    void givenPreviousMaskOfOtherLength_whenComputingStats_thenRejected() {
        assertThatThrownBy(() -> GateStats.of(GATE, MASK, new float[2], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("previousMask has length 2");
    }

    @Test
    void givenBinaryEntropy_whenAtEndsAndMiddle_thenZeroAndOneBit() {
        assertThat(GateStats.binaryEntropyBits(0)).isZero();
        assertThat(GateStats.binaryEntropyBits(1)).isZero();
        assertThat(GateStats.binaryEntropyBits(0.5)).isCloseTo(1.0, within(1e-12));
    }
}
