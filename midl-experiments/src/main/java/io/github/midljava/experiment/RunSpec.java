package io.github.midljava.experiment;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DatasetId;
import io.github.midljava.model.ModelOptions;
import io.github.midljava.train.Preset;
import io.github.midljava.train.TrainingPlan;

/**
 * Everything that defines one training run; two runs with equal specs (and equal thread counts)
 * give equal results.
 *
 * @param dataset the benchmark
 * @param preset the run length
 * @param seed seeds initialisation, shuffling, augmentation and noise
 * @param model the method of the hidden layers and its MID-L / dropout settings
 * @param epochs epochs, or 0 for the preset's number
 * @param labelNoise fraction of training labels flipped to another class (symmetric), in [0, 1)
 * @param trainFraction fraction of the training split used, in (0, 1] (overfitting regime: 0.1)
 * @param inputNoiseSigmas standard deviations of Gaussian noise added to test inputs, each giving
 *     one extra accuracy (robustness); empty for none
 * @param measureLatency whether to time inference at batch 1 and 256 and sample peak memory
 * @param data where the data is and how it is preprocessed
 * @param showProgress whether to draw a progress bar
 */
public record RunSpec(
        DatasetId dataset,
        Preset preset,
        long seed,
        ModelOptions model,
        int epochs,
        double labelNoise,
        double trainFraction,
        double[] inputNoiseSigmas,
        boolean measureLatency,
        DataOptions data,
        boolean showProgress) {

    /** Validates the values. */
    public RunSpec {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0 (0 = preset), got " + epochs);
        }
        if (!(labelNoise >= 0 && labelNoise < 1)) {
            throw new IllegalArgumentException("labelNoise must be in [0, 1), got " + labelNoise);
        }
        if (!(trainFraction > 0 && trainFraction <= 1)) {
            throw new IllegalArgumentException(
                    "trainFraction must be in (0, 1], got " + trainFraction);
        }
        inputNoiseSigmas = inputNoiseSigmas == null ? new double[0] : inputNoiseSigmas.clone();
    }

    /** A plain run: no noise, all training data, no latency probe. */
    public static RunSpec of(
            DatasetId dataset, Preset preset, long seed, ModelOptions model, DataOptions data) {
        return new RunSpec(dataset, preset, seed, model, 0, 0, 1, null, false, data, true);
    }

    /** Returns the training plan: the preset's, with the epochs override applied. */
    public TrainingPlan plan() {
        TrainingPlan p = preset.plan(dataset);
        return epochs > 0 ? p.withEpochs(epochs) : p;
    }

    /** Returns a copy with another seed. */
    public RunSpec withSeed(long newSeed) {
        return new RunSpec(
                dataset,
                preset,
                newSeed,
                model,
                epochs,
                labelNoise,
                trainFraction,
                inputNoiseSigmas,
                measureLatency,
                data,
                showProgress);
    }

    /** Returns a copy with other model options. */
    public RunSpec withModel(ModelOptions newModel) {
        return new RunSpec(
                dataset,
                preset,
                seed,
                newModel,
                epochs,
                labelNoise,
                trainFraction,
                inputNoiseSigmas,
                measureLatency,
                data,
                showProgress);
    }

    /** Returns a copy with robustness settings. */
    public RunSpec withRobustness(double newLabelNoise, double newTrainFraction, double[] sigmas) {
        return new RunSpec(
                dataset,
                preset,
                seed,
                model,
                epochs,
                newLabelNoise,
                newTrainFraction,
                sigmas,
                measureLatency,
                data,
                showProgress);
    }

    /** Returns a copy with the latency probe on or off. */
    public RunSpec withLatency(boolean on) {
        return new RunSpec(
                dataset,
                preset,
                seed,
                model,
                epochs,
                labelNoise,
                trainFraction,
                inputNoiseSigmas,
                on,
                data,
                showProgress);
    }

    /** Returns a copy with an epochs override (0 = preset). */
    public RunSpec withEpochs(int newEpochs) {
        return new RunSpec(
                dataset,
                preset,
                seed,
                model,
                newEpochs,
                labelNoise,
                trainFraction,
                inputNoiseSigmas,
                measureLatency,
                data,
                showProgress);
    }
}
