package io.github.midljava.train;

import io.github.midljava.data.DatasetId;
import java.util.Locale;

/**
 * Run lengths: QUICK for tests and smoke runs (minutes on 2 cores), STANDARD for a workstation,
 * PAPER for full runs. The values are our choice; the paper gives no training schedule.
 */
public enum Preset {
    QUICK,
    STANDARD,
    PAPER;

    /** Returns the CLI name, e.g. {@code quick}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the training plan of this preset for a benchmark. */
    public TrainingPlan plan(DatasetId dataset) {
        int[] epochs; // quick, standard, paper
        int batch = 128;
        float lr = 1e-3f;
        boolean augment = false;
        switch (dataset) {
            case MNIST:
                epochs = new int[] {5, 12, 40};
                break;
            case ADULT:
                epochs = new int[] {5, 15, 40};
                batch = 256;
                break;
            case IMDB:
                epochs = new int[] {4, 8, 20};
                batch = 64;
                lr = 5e-4f;
                break;
            case SVHN:
                epochs = new int[] {5, 15, 40};
                break;
            case CIFAR10:
            case CIFAR100:
                epochs = new int[] {10, 30, 100};
                batch = 64;
                augment = true;
                break;
            default:
                throw new IllegalArgumentException("no plan for " + dataset);
        }
        return new TrainingPlan(epochs[ordinal()], batch, lr, augment);
    }

    @Override
    public String toString() {
        return cliName();
    }
}
