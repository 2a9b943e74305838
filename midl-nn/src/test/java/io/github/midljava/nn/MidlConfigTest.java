package io.github.midljava.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class MidlConfigTest {

    private static MidlBlock.Builder valid() {
        return MidlBlock.builder().setUnits(64);
    }

    @Test
    void givenRatioAboveOne_whenBuilding_thenRejectedWithRange() {
        assertThatThrownBy(() -> valid().optActiveRatio(1.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("activeRatio must be in (0, 1], got 1.5");
    }

    @Test
    void givenRatioZero_whenBuilding_thenRejected() {
        assertThatThrownBy(() -> valid().optActiveRatio(0).build())
                .hasMessage("activeRatio must be in (0, 1], got 0.0");
    }

    @Test
    void givenGateLearningRateScaleZero_whenBuilding_thenRejectedWithValue() {
        assertThatThrownBy(() -> valid().optGateLearningRateScale(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gateLearningRateScale must be > 0 and finite, got 0.0");
    }

    @Test
    void givenGateLearningRateScale_whenCopyingConfig_thenKeptAndDescribed() {
        MidlConfig c = valid().optGateLearningRateScale(10).buildConfig();
        assertThat(MidlBlock.builder().fromConfig(c).buildConfig().gateLearningRateScale())
                .isEqualTo(10.0);
        assertThat(c.describe()).contains("gateLr=x10.0");
        assertThat(valid().buildConfig().gateLearningRateScale()).isEqualTo(1.0);
    }

    @Test
    void givenNoUnits_whenBuilding_thenRejected() {
        assertThatThrownBy(() -> MidlBlock.builder().build())
                .hasMessage("units must be >= 1, got 0");
    }

    @Test
    void givenGateRankZero_whenBuilding_thenRejected() {
        assertThatThrownBy(() -> valid().optGateRank(0).build())
                .hasMessage("gateRank must be >= 1 for a LOW_RANK gate, got 0");
    }

    @Test
    void givenLightRankZero_whenBuilding_thenRejected() {
        assertThatThrownBy(() -> valid().optLightPath(LightPath.LOW_RANK).optLightRank(0).build())
                .hasMessage("lightRank must be >= 1 for a LOW_RANK light path, got 0");
    }

    @Test
    void givenGateRankAboveMinDN_whenBuildingWithInputSize_thenRejectedWithRange() {
        assertThatThrownBy(() -> valid().optInputSize(10).optGateRank(11).build())
                .hasMessage("gateRank must be in [1, min(inputSize, units)] = [1, 10], got 11");
    }

    @Test
    void givenLightRankAboveMinDN_whenBuildingWithInputSize_thenRejectedWithRange() {
        assertThatThrownBy(
                        () ->
                                valid().optInputSize(784)
                                        .optLightPath(LightPath.LOW_RANK)
                                        .optLightRank(65)
                                        .build())
                .hasMessage("lightRank must be in [1, min(inputSize, units)] = [1, 64], got 65");
    }

    @Test
    void givenIdentityWithDifferentSizes_whenBuilding_thenRejected() {
        assertThatThrownBy(() -> valid().optInputSize(32).optLightPath(LightPath.IDENTITY).build())
                .hasMessage(
                        "lightPath IDENTITY needs inputSize == units, got inputSize 32 and units 64");
    }

    @Test
    void givenRankTooLargeAndUnknownInputSize_whenInitializing_thenRejectedThere() {
        MidlBlock block = valid().optGateRank(20).build();
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> block.initialize(m, DataType.FLOAT32, new Shape(1, 8)))
                    .hasMessage("gateRank must be in [1, min(inputSize, units)] = [1, 8], got 20");
        }
    }

    @Test
    void givenNonPositiveTemperature_whenBuilding_thenRejected() {
        assertThatThrownBy(() -> valid().optTemperature(0).build())
                .hasMessage("temperature must be > 0, got 0.0");
        assertThatThrownBy(() -> valid().optSoftTopKTemperature(-1).build())
                .hasMessage("softTopKTemperature must be > 0, got -1.0");
    }

    @Test
    void givenNegativeSparsityOrWarmup_whenBuilding_thenRejected() {
        assertThatThrownBy(() -> valid().optSparsityWeight(-0.1).build())
                .hasMessage("sparsityWeight must be >= 0, got -0.1");
        assertThatThrownBy(() -> valid().optWarmupEpochs(-1).build())
                .hasMessage("warmupEpochs must be >= 0, got -1");
    }

    @Test
    void givenNullKind_whenBuilding_thenRejected() {
        assertThatThrownBy(() -> valid().optGateKind(null).build())
                .hasMessage("gateKind must be set");
    }

    @Test
    void givenDenseGate_whenRankIsZero_thenRankIsIgnored() {
        assertThat(
                        valid().optGateKind(GateKind.DENSE)
                                .optGateRank(0)
                                .build()
                                .getConfig()
                                .gateKind())
                .isEqualTo(GateKind.DENSE);
    }

    @Test
    void givenTinyRatio_whenComputingK_thenAtLeastOne() {
        assertThat(valid().optActiveRatio(0.001).buildConfig().k()).isEqualTo(1);
        assertThat(valid().optActiveRatio(0.5).buildConfig().k()).isEqualTo(32);
    }
}
