package io.github.midljava.experiment.suite;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DatasetId;
import io.github.midljava.model.Method;
import io.github.midljava.model.ModelOptions;
import io.github.midljava.nn.GradientMode;
import io.github.midljava.nn.LightPath;
import io.github.midljava.train.Preset;
import java.util.List;

/** Suite options with the CLI's defaults, for tests. */
public final class SuiteOptionsFixture {

    private SuiteOptionsFixture() {}

    /**
     * The defaults of {@code midl experiment} on the given datasets with {@code seeds} E1 seeds.
     */
    public static SuiteOptions defaults(int seeds, DatasetId... datasets) {
        return defaults(seeds, 1, datasets);
    }

    /** The same with {@code ablationSeeds} E3/E5 seeds. */
    public static SuiteOptions defaults(int seeds, int ablationSeeds, DatasetId... datasets) {
        return withAblationDatasets(seeds, ablationSeeds, List.of(datasets), datasets);
    }

    /** The same with E3's own runs and E5 only on {@code ablationDatasets}. */
    public static SuiteOptions withAblationDatasets(
            int seeds, int ablationSeeds, List<DatasetId> ablationDatasets, DatasetId... datasets) {
        return new SuiteOptions(
                List.of(datasets),
                Preset.QUICK,
                0,
                seeds,
                ablationSeeds,
                ablationDatasets,
                List.of(Method.values()),
                ModelOptions.defaults(Method.MIDL),
                SuiteOptions.DEFAULT_LABEL_NOISE,
                SuiteOptions.DEFAULT_SIGMAS,
                0.1,
                SuiteOptions.DEFAULT_RATIOS,
                List.of(GradientMode.values()),
                List.of(LightPath.LOW_RANK, LightPath.DENSE, LightPath.ZERO),
                SuiteOptions.DEFAULT_GATE_RANKS,
                SuiteOptions.DEFAULT_TEMPERATURES,
                SuiteOptions.DEFAULT_BATCH_SIZES,
                2000,
                1000,
                3,
                0.1,
                0.005,
                DataOptions.defaults(),
                0,
                false);
    }
}
