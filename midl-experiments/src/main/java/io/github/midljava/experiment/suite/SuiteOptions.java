package io.github.midljava.experiment.suite;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DatasetId;
import io.github.midljava.model.Method;
import io.github.midljava.model.ModelOptions;
import io.github.midljava.nn.GradientMode;
import io.github.midljava.nn.LightPath;
import io.github.midljava.train.Preset;
import java.util.List;

/**
 * Everything that defines an experiment suite; two suites with equal options plan the same runs in
 * the same folders.
 *
 * @param datasets the benchmarks, in report order
 * @param preset the run length
 * @param epochs epochs override for every run, or 0 for the preset's number
 * @param seeds number of seeds of E1 (and so of E2, E3 input noise and E4): seeds 1 ... seeds
 * @param ablationSeeds number of seeds of E3 (label noise, 10% data) and E5: seeds 1 ...
 *     ablationSeeds; their 0%-noise and default points reuse the E1 runs of the same seeds
 * @param ablationDatasets the datasets (a subset of {@code datasets}, in any order) on which E3's
 *     own runs (label noise, small data), E5 and E1's gate ablations (RANDOM_K, STATIC_K) run; the
 *     others get E1's DENSE, DROPOUT and MIDL (and so E2, E3's input-noise curve and E4). It lets a
 *     time budget drop the ablation grids on the expensive datasets.
 * @param methods the methods of E1; E2 and E3 use those of them among DENSE, DROPOUT and MIDL
 * @param base the MID-L template (activeRatio, ranks, ...) and dropout rate every variant starts
 *     from; its method is ignored
 * @param labelNoiseLevels E3 fractions of flipped training labels, each in [0, 1)
 * @param inputSigmas E3 standard deviations of Gaussian noise added to the (standardised) test
 *     inputs, each &ge; 0
 * @param smallTrainFraction E3 overfitting regime: fraction of the training split used, in (0, 1)
 * @param activeRatios E5 activeRatio sweep, each in (0, 1]
 * @param gradientModes E5 gradient-mode ablation
 * @param lightPaths E5 light-path ablation
 * @param gateRanks E5 gate-rank ablation, each &ge; 1
 * @param temperatures E5 gate-temperature ablation, each &gt; 0
 * @param batchSizes E4 batch sizes, each &ge; 1
 * @param smiSamples E2: test samples the information measures use (a fixed random subset)
 * @param smiDirections E2: random directions of the SMI Monte-Carlo mean
 * @param miNeighbours E2: k of the kNN mutual-information estimator (Ross 2014)
 * @param miThreshold E2: per-neuron MI (nats) above which a unit counts as informative
 * @param accuracyMargin claims: how far (absolute, in [0, 1)) below dense an accuracy may be and
 *     still count as "equal"
 * @param data where the data is and how it is preprocessed (incl. an optional training subset)
 * @param testLimit if positive, evaluate on a fixed random subset of this many test samples (smoke
 *     runs and tests); 0 keeps the whole test split
 * @param showProgress whether to draw the per-run progress bar
 */
public record SuiteOptions(
        List<DatasetId> datasets,
        Preset preset,
        int epochs,
        int seeds,
        int ablationSeeds,
        List<DatasetId> ablationDatasets,
        List<Method> methods,
        ModelOptions base,
        List<Double> labelNoiseLevels,
        List<Double> inputSigmas,
        double smallTrainFraction,
        List<Double> activeRatios,
        List<GradientMode> gradientModes,
        List<LightPath> lightPaths,
        List<Integer> gateRanks,
        List<Double> temperatures,
        List<Integer> batchSizes,
        int smiSamples,
        int smiDirections,
        int miNeighbours,
        double miThreshold,
        double accuracyMargin,
        DataOptions data,
        int testLimit,
        boolean showProgress) {

    /** Default E3 label-noise levels. */
    public static final List<Double> DEFAULT_LABEL_NOISE = List.of(0.0, 0.2, 0.4);

    /** Default E3 input-noise standard deviations. */
    public static final List<Double> DEFAULT_SIGMAS = List.of(0.0, 0.1, 0.3, 0.5, 1.0);

    /** Default E5 activeRatio sweep. */
    public static final List<Double> DEFAULT_RATIOS = List.of(0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1.0);

    /** Default E5 gate ranks. */
    public static final List<Integer> DEFAULT_GATE_RANKS = List.of(4, 16, 64);

    /** Default E5 temperatures. */
    public static final List<Double> DEFAULT_TEMPERATURES = List.of(0.5, 1.0, 2.0);

    /** Default E4 batch sizes. */
    public static final List<Integer> DEFAULT_BATCH_SIZES = List.of(1, 8, 64, 256, 1024);

    /** Validates every value early, naming the bad one. */
    public SuiteOptions {
        require(datasets != null && !datasets.isEmpty(), "datasets must not be empty");
        require(preset != null, "preset must be set");
        require(epochs >= 0, "epochs must be >= 0 (0 = preset), got " + epochs);
        require(seeds >= 1, "seeds must be >= 1, got " + seeds);
        require(ablationSeeds >= 1, "ablationSeeds must be >= 1, got " + ablationSeeds);
        require(ablationDatasets != null, "ablationDatasets must be set");
        for (DatasetId d : ablationDatasets) {
            require(
                    datasets.contains(d),
                    "ablation dataset "
                            + d.cliName()
                            + " is not among the suite's datasets "
                            + datasets.stream().map(DatasetId::cliName).toList());
        }
        require(methods != null && !methods.isEmpty(), "methods must not be empty");
        require(base != null, "base model options must be set");
        require(
                labelNoiseLevels != null && !labelNoiseLevels.isEmpty(),
                "labelNoiseLevels must not be empty");
        for (double v : labelNoiseLevels) {
            require(v >= 0 && v < 1, "label noise levels must be in [0, 1), got " + v);
        }
        require(inputSigmas != null && !inputSigmas.isEmpty(), "inputSigmas must not be empty");
        for (double v : inputSigmas) {
            require(v >= 0 && Double.isFinite(v), "input sigmas must be finite and >= 0, got " + v);
        }
        require(
                smallTrainFraction > 0 && smallTrainFraction < 1,
                "smallTrainFraction must be in (0, 1), got " + smallTrainFraction);
        require(activeRatios != null && !activeRatios.isEmpty(), "activeRatios must not be empty");
        for (double v : activeRatios) {
            require(v > 0 && v <= 1, "active ratios must be in (0, 1], got " + v);
        }
        require(
                gradientModes != null && !gradientModes.isEmpty(),
                "gradientModes must not be empty");
        require(lightPaths != null && !lightPaths.isEmpty(), "lightPaths must not be empty");
        require(gateRanks != null && !gateRanks.isEmpty(), "gateRanks must not be empty");
        for (int v : gateRanks) {
            require(v >= 1, "gate ranks must be >= 1, got " + v);
        }
        require(temperatures != null && !temperatures.isEmpty(), "temperatures must not be empty");
        for (double v : temperatures) {
            require(v > 0 && Double.isFinite(v), "temperatures must be finite and > 0, got " + v);
        }
        require(batchSizes != null && !batchSizes.isEmpty(), "batchSizes must not be empty");
        for (int v : batchSizes) {
            require(v >= 1, "batch sizes must be >= 1, got " + v);
        }
        require(smiSamples >= 10, "smiSamples must be >= 10, got " + smiSamples);
        require(smiDirections >= 2, "smiDirections must be >= 2, got " + smiDirections);
        require(miNeighbours >= 1, "miNeighbours must be >= 1, got " + miNeighbours);
        require(Double.isFinite(miThreshold), "miThreshold must be finite, got " + miThreshold);
        require(
                accuracyMargin >= 0 && accuracyMargin < 1,
                "accuracyMargin must be in [0, 1), got " + accuracyMargin);
        require(data != null, "data options must be set");
        require(testLimit >= 0, "testLimit must be >= 0 (0 = all), got " + testLimit);
        datasets = List.copyOf(datasets);
        ablationDatasets = List.copyOf(ablationDatasets);
        methods = List.copyOf(methods);
        labelNoiseLevels = List.copyOf(labelNoiseLevels);
        inputSigmas = List.copyOf(inputSigmas);
        activeRatios = List.copyOf(activeRatios);
        gradientModes = List.copyOf(gradientModes);
        lightPaths = List.copyOf(lightPaths);
        gateRanks = List.copyOf(gateRanks);
        temperatures = List.copyOf(temperatures);
        batchSizes = List.copyOf(batchSizes);
    }

    /** Returns the E1 seeds, 1 ... seeds. */
    public List<Long> e1Seeds() {
        return seedList(seeds);
    }

    /** Returns whether E3's own runs and E5 run on {@code dataset}. */
    public boolean ablates(DatasetId dataset) {
        return ablationDatasets.contains(dataset);
    }

    /**
     * Returns the E1 methods of {@code dataset}: all of them on an ablation dataset, else those
     * among DENSE, DROPOUT and MIDL (RANDOM_K and STATIC_K are ablations of the gate).
     */
    public List<Method> e1Methods(DatasetId dataset) {
        return ablates(dataset) ? methods : baselineMethods();
    }

    /** Returns the datasets of E3's own runs and E5, in report order. */
    public List<DatasetId> ablatedDatasets() {
        return datasets.stream().filter(this::ablates).toList();
    }

    /** Returns the E3/E5 seeds, 1 ... ablationSeeds. */
    public List<Long> ablationSeedList() {
        return seedList(ablationSeeds);
    }

    /** Returns the sigmas as an array for {@code RunSpec}. */
    public double[] sigmaArray() {
        return inputSigmas.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Returns the E1 methods among DENSE, DROPOUT and MIDL, the methods of E2 and E3. */
    public List<Method> baselineMethods() {
        return methods.stream()
                .filter(m -> m == Method.DENSE || m == Method.DROPOUT || m == Method.MIDL)
                .toList();
    }

    private static List<Long> seedList(int n) {
        Long[] out = new Long[n];
        for (int i = 0; i < n; i++) {
            out[i] = (long) (i + 1);
        }
        return List.of(out);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
