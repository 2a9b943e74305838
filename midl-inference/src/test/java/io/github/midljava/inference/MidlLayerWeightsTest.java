package io.github.midljava.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MidlLayerWeightsTest {
    private static final int D = 6;
    private static final int N = 4;

    /** A valid LOW_RANK/LOW_RANK layer with one component replaced by the caller. */
    private static MidlLayerWeights lowRank(
            int k, float tau, float[] gateDown, float[] fullWeight) {
        return new MidlLayerWeights(
                D,
                N,
                k,
                tau,
                GateForm.LOW_RANK,
                2,
                null,
                gateDown,
                new float[N * 2],
                new float[N],
                fullWeight,
                new float[N],
                LightForm.LOW_RANK,
                3,
                null,
                new float[3 * D],
                new float[N * 3],
                new float[N]);
    }

    @Test
    void givenValidShapes_whenConstructing_thenAccepted() {
        // Given / When
        MidlLayerWeights w = lowRank(2, 1f, new float[2 * D], new float[N * D]);
        // Then
        assertThat(w.outFeatures()).isEqualTo(N);
    }

    @Test
    void givenKZero_whenConstructing_thenRejectedNamingK() {
        assertThatThrownBy(() -> lowRank(0, 1f, new float[2 * D], new float[N * D]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be in [1, units = 4], got 0");
    }

    @Test
    void givenKAboveUnits_whenConstructing_thenRejected() {
        assertThatThrownBy(() -> lowRank(5, 1f, new float[2 * D], new float[N * D]))
                .hasMessage("k must be in [1, units = 4], got 5");
    }

    @Test
    void givenNonPositiveTau_whenConstructing_thenRejectedNamingTau() {
        assertThatThrownBy(() -> lowRank(2, 0f, new float[2 * D], new float[N * D]))
                .hasMessage("tau must be finite and > 0, got 0.0");
    }

    @Test
    void givenWrongGateDownLength_whenConstructing_thenMessageGivesExpectedShape() {
        assertThatThrownBy(() -> lowRank(2, 1f, new float[11], new float[N * D]))
                .hasMessage("gateDown must have [gateRank, inFeatures] = 2*6 = 12 floats, got 11");
    }

    @Test
    void givenMissingFullWeight_whenConstructing_thenRejected() {
        assertThatThrownBy(() -> lowRank(2, 1f, new float[2 * D], null))
                .hasMessage("fullWeight must not be null, expected [units, inFeatures]");
    }

    @Test
    void givenIdentityLightWithDifferentWidths_whenConstructing_thenRejected() {
        assertThatThrownBy(
                        () ->
                                new MidlLayerWeights(
                                        D,
                                        N,
                                        2,
                                        1f,
                                        GateForm.DENSE,
                                        0,
                                        new float[N * D],
                                        null,
                                        null,
                                        new float[N],
                                        new float[N * D],
                                        new float[N],
                                        LightForm.IDENTITY,
                                        0,
                                        null,
                                        null,
                                        null,
                                        null))
                .hasMessage(
                        "lightKind IDENTITY needs inFeatures == units, got inFeatures = 6, units ="
                                + " 4");
    }

    @Test
    void givenDenseGateWithLowRankArrays_whenConstructing_thenRejected() {
        assertThatThrownBy(
                        () ->
                                new MidlLayerWeights(
                                        D,
                                        N,
                                        2,
                                        1f,
                                        GateForm.DENSE,
                                        0,
                                        new float[N * D],
                                        new float[D],
                                        null,
                                        new float[N],
                                        new float[N * D],
                                        new float[N],
                                        LightForm.ZERO,
                                        0,
                                        null,
                                        null,
                                        null,
                                        null))
                .hasMessage("gateDown must be null for gateKind DENSE");
    }

    @Test
    void givenZeroLightWithBias_whenConstructing_thenRejected() {
        assertThatThrownBy(
                        () ->
                                new MidlLayerWeights(
                                        D,
                                        N,
                                        2,
                                        1f,
                                        GateForm.DENSE,
                                        0,
                                        new float[N * D],
                                        null,
                                        null,
                                        new float[N],
                                        new float[N * D],
                                        new float[N],
                                        LightForm.ZERO,
                                        0,
                                        null,
                                        null,
                                        null,
                                        new float[N]))
                .hasMessage("lightBias must be null for lightKind ZERO");
    }

    @Test
    void givenWrongBiasLength_whenConstructingLinear_thenRejected() {
        assertThatThrownBy(() -> new LinearWeights(3, 2, new float[6], new float[3]))
                .hasMessage("bias must have [outFeatures] = 2 floats, got 3");
    }

    @Test
    void givenRatios_whenActiveCount_thenRoundedAndAtLeastOne() {
        assertThat(MidlLayerWeights.activeCount(0.45, 512)).isEqualTo(230);
        assertThat(MidlLayerWeights.activeCount(0.001, 512)).isEqualTo(1);
        assertThat(MidlLayerWeights.activeCount(1.0, 512)).isEqualTo(512);
        assertThatThrownBy(() -> MidlLayerWeights.activeCount(0, 512))
                .hasMessage("activeRatio must be in (0, 1], got 0.0");
    }

    @Test
    void givenRandomFactory_whenBuildingEveryKind_thenValid() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (GateForm gate : GateForm.values()) {
            for (LightForm light : LightForm.values()) {
                MidlLayerWeights w = RandomWeights.midl(8, 8, 0.5, gate, 3, light, 2, 1f, rnd);
                assertThat(w.k()).isEqualTo(4);
            }
        }
    }
}
