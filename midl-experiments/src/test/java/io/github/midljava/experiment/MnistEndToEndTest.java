package io.github.midljava.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.midljava.TestData;
import io.github.midljava.data.DataOptions;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.DatasetLoaders;
import io.github.midljava.model.Method;
import io.github.midljava.model.ModelOptions;
import io.github.midljava.train.Preset;
import org.junit.jupiter.api.Test;

/** The quick preset learns real MNIST: the bar, on the full 10,000-image test set. */
class MnistEndToEndTest {

    @Test
    void givenQuickPreset_whenTrainingMidlOnMnist_thenAtLeast97PercentAtRatio045() {
        // Given the real MNIST files and the default MID-L MLP
        DataOptions options =
                DataOptions.defaults().withDataDir(TestData.root()).withDownload(false);
        Dataset mnist = DatasetLoaders.load(DatasetId.MNIST, options);
        RunSpec spec =
                RunSpec.of(
                        DatasetId.MNIST,
                        Preset.QUICK,
                        1,
                        ModelOptions.defaults(Method.MIDL),
                        options);
        // When training with the quick preset
        RunResult r = TrainRun.execute(spec, mnist);
        // Then it generalises, with fewer than half the units active and honest FLOPs savings
        assertThat(mnist.test().size()).isEqualTo(10_000);
        assertThat(r.testAccuracy()).isGreaterThanOrEqualTo(0.97);
        assertThat(r.activeRatio()).isLessThanOrEqualTo(0.45);
        assertThat(r.honestSavings()).isGreaterThanOrEqualTo(1.7);
        assertThat(r.epochLosses().get(r.epochLosses().size() - 1))
                .isLessThan(r.epochLosses().get(0));
    }
}
