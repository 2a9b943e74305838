package io.github.midljava.train;

/**
 * How long and how to train: one preset's values for one benchmark.
 *
 * @param epochs passes over the training split
 * @param batchSize samples per step
 * @param learningRate Adam's base learning rate, annealed by a cosine schedule to 1% of it
 * @param augment random crop (4-pixel padding) and horizontal flip for image data
 */
public record TrainingPlan(int epochs, int batchSize, float learningRate, boolean augment) {

    /** Validates the values. */
    public TrainingPlan {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("batchSize must be >= 2, got " + batchSize);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
    }

    /** Returns a copy with another number of epochs. */
    public TrainingPlan withEpochs(int newEpochs) {
        return new TrainingPlan(newEpochs, batchSize, learningRate, augment);
    }
}
