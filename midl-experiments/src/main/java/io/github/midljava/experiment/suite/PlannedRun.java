package io.github.midljava.experiment.suite;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.RunSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One training run of the suite: a variant on a dataset with a seed. Its folder is a function of
 * these three alone, so an interrupted suite finds its finished runs again.
 *
 * @param dataset the benchmark
 * @param variant what is trained
 * @param seed the seed
 */
public record PlannedRun(DatasetId dataset, Variant variant, long seed) {

    /** Returns the run's folder relative to the suite's output folder. */
    public Path relativeFolder() {
        return Path.of("runs", dataset.cliName(), variant.name(), "seed-" + seed);
    }

    /** Returns a short label for logs, e.g. {@code mnist/midl-ratio-0.2/seed-1}. */
    public String label() {
        return dataset.cliName() + "/" + variant.name() + "/seed-" + seed;
    }

    /** Returns the run's spec: E1 variants also time inference and evaluate under input noise. */
    public RunSpec spec(SuiteOptions options) {
        double[] sigmas = variant.primary() ? options.sigmaArray() : new double[0];
        return new RunSpec(
                dataset,
                options.preset(),
                seed,
                variant.model(),
                options.epochs(),
                variant.labelNoise(),
                variant.trainFraction(),
                sigmas,
                variant.primary(),
                options.data(),
                options.showProgress());
    }

    /**
     * Returns every setting that changes what the run stores, as sorted strings. A stored run is
     * reused only if its fingerprint is equal: a folder never silently holds another
     * configuration's numbers.
     */
    public Map<String, String> fingerprint(SuiteOptions options) {
        RunSpec spec = spec(options);
        DataOptions d = options.data();
        Map<String, String> f = new TreeMap<>();
        f.put("dataset", dataset.cliName());
        f.put("variant", variant.name());
        f.put("seed", Long.toString(seed));
        f.put("preset", options.preset().cliName());
        f.put("plan", spec.plan().toString());
        f.put("model", modelKey(variant.model().toString()));
        f.put("labelNoise", Double.toString(variant.labelNoise()));
        f.put("trainFraction", Double.toString(variant.trainFraction()));
        f.put("inputNoiseSigmas", Arrays.toString(spec.inputNoiseSigmas()));
        f.put("latency", Boolean.toString(spec.measureLatency()));
        // Where the data lives does not change it (checksums are in the provenance); this does.
        f.put(
                "data",
                "trainLimit="
                        + d.trainLimit()
                        + " standardize="
                        + d.standardize()
                        + " imdbVocabulary="
                        + d.imdbVocabularySize()
                        + " imdbFeatures="
                        + d.imdbFeatures()
                        + " cifar100Coarse="
                        + d.cifar100Coarse()
                        + " testLimit="
                        + options.testLimit());
        if (variant.analysed()) {
            f.put("analysis", AnalysisSettings.of(options).toString());
        }
        f.put("savesParameters", Boolean.toString(variant.savesParameters()));
        return f;
    }

    /**
     * The model's configuration as stored by earlier versions: an option added to {@code
     * MidlConfig} later enters the fingerprint only when it differs from its default, so that runs
     * stored before it existed (which trained with that default) are still reused, e.g. from the
     * {@code result.json} files carried in the repository.
     */
    static String modelKey(String model) {
        return model.replace(", gateLearningRateScale=1.0]", "]");
    }
}
