package io.github.midljava.flops;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import io.github.midljava.nn.GateKind;
import io.github.midljava.nn.LightPath;
import io.github.midljava.nn.MidlBlock;
import io.github.midljava.nn.MidlConfig;
import org.junit.jupiter.api.Test;

class FlopsCounterTest {

    @Test
    void givenSmallLowRankLayer_whenCounting_thenMatchesHandComputedValues() {
        // Given d = 10, n = 8, k = 3, r_g = 2, r = 4
        MidlConfig c =
                MidlBlock.builder()
                        .setUnits(8)
                        .optActiveRatio(3.0 / 8)
                        .optGateRank(2)
                        .optLightPath(LightPath.LOW_RANK)
                        .optLightRank(4)
                        .buildConfig();
        // When counting
        Flops f = FlopsCounter.midl(10, c, c.k());
        // Then dense = 2*8*10 = 160; gate 2*2*18 = 72, full 2*3*10 = 60, light 2*4*18 = 144,
        // blend 24: honest = 300; paper-style = 60
        assertThat(f).isEqualTo(new Flops(160, 300, 60));
    }

    @Test
    void givenDenseGateAndZeroLight_whenCounting_thenGateCostsAFullLayer() {
        MidlConfig c =
                MidlBlock.builder()
                        .setUnits(8)
                        .optActiveRatio(0.5)
                        .optGateKind(GateKind.DENSE)
                        .optLightPath(LightPath.ZERO)
                        .buildConfig();
        // gate 160 + full 2*4*10 = 80 + light 0 + blend 24 = 264 > dense 160
        assertThat(FlopsCounter.midl(10, c, 4)).isEqualTo(new Flops(160, 264, 80));
        assertThat(FlopsCounter.midl(10, c, 4).honestSavings()).isLessThan(1.0);
    }

    @Test
    void givenMnistMlpWithDefaults_whenCounting_thenHonestSavingsAtLeast1point7() {
        // Given the MNIST MLP 784-512-512-10 with default MID-L layers (ZERO light path)
        // When counting per sample
        FlopsCounter.ModelFlops f = FlopsCounter.count(mnistMlp(LightPath.ZERO), new Shape(1, 784));
        // Then layer 1: dense 802816, honest gate 41472 + full 360640 + blend 1536 = 403648;
        // layer 2: dense 524288, honest 32768 + 235520 + 1536 = 269824
        assertThat(f.midlLayers()).isEqualTo(new Flops(1327104, 673472, 596160));
        assertThat(f.model().dense()).isEqualTo(1327104 + 10240);
        assertThat(f.midlLayers().honestSavings()).isGreaterThanOrEqualTo(1.7);
    }

    @Test
    void givenMnistMlpWithLowRankLight_whenCounting_thenLightPathAddsItsCost() {
        FlopsCounter.ModelFlops f =
                FlopsCounter.count(mnistMlp(LightPath.LOW_RANK), new Shape(1, 784));
        // Each layer adds the rank-16 light path 2 r (d + n): 41472 and 32768
        assertThat(f.midlLayers()).isEqualTo(new Flops(1327104, 747712, 596160));
        assertThat(f.midlLayers().honestSavings()).isGreaterThanOrEqualTo(1.7);
    }

    private static SequentialBlock mnistMlp(LightPath light) {
        return new SequentialBlock()
                .add(MidlBlock.builder().setUnits(512).optLightPath(light).build())
                .add(Activation::relu)
                .add(MidlBlock.builder().setUnits(512).optLightPath(light).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(10).build());
    }

    @Test
    void givenConvolution_whenCounting_thenTwiceMultiplyAddsPerOutput() {
        // Conv 3 -> 4 channels, 3x3, padding 1 on 8x8: 2 * 3*9 * 4*8*8 = 13824
        SequentialBlock net =
                new SequentialBlock()
                        .add(
                                Conv2d.builder()
                                        .setFilters(4)
                                        .setKernelShape(new Shape(3, 3))
                                        .optPadding(new Shape(1, 1))
                                        .build())
                        .add(Blocks.batchFlattenBlock())
                        .add(Linear.builder().setUnits(2).build());
        FlopsCounter.ModelFlops f = FlopsCounter.count(net, new Shape(1, 3, 8, 8));
        assertThat(f.model()).isEqualTo(Flops.plain(13824 + 2 * 256 * 2));
        assertThat(f.midlLayers()).isEqualTo(Flops.ZERO);
    }
}
