package io.github.midljava.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.midljava.data.DataSplit;
import io.github.midljava.data.Splits;
import io.github.midljava.model.ModelInspector;
import io.github.midljava.nn.MidlBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Trains a classifier with Adam and softmax cross-entropy on an in-memory split: shuffled
 * mini-batches (seeded), a cosine learning-rate schedule, the MID-L warm-up schedule, the optional
 * MID-L sparsity penalty, and a progress bar with loss and throughput.
 *
 * <p>Each step runs in its own sub-manager so no native array outlives it (without it about a dozen
 * arrays leak per step).
 */
public final class ClassifierTrainer {

    private final TrainingPlan plan;
    private final long seed;
    private final boolean showProgress;

    /**
     * @param plan epochs, batch size, learning rate, augmentation
     * @param seed seeds the shuffling and augmentation (the engine seed is set by the caller before
     *     the model is initialised)
     * @param showProgress whether to draw a progress bar on stderr
     */
    public ClassifierTrainer(TrainingPlan plan, long seed, boolean showProgress) {
        this.plan = plan;
        this.seed = seed;
        this.showProgress = showProgress;
    }

    /**
     * Initialises the model's block for {@code train}'s sample shape and trains it.
     *
     * @param model a model whose block is set and not yet initialised
     * @param train the training split
     * @param label a short label for the progress bar, e.g. {@code mnist/midl}
     * @return losses and timings
     */
    public TrainingSummary train(Model model, DataSplit train, String label) {
        return train(model, train, label, null);
    }

    /**
     * Initialises the model's block for {@code train}'s sample shape, trains it and calls {@code
     * listener} after every epoch (outside the timed training steps).
     *
     * @param model a model whose block is set and not yet initialised
     * @param train the training split
     * @param label a short label for the progress bar, e.g. {@code mnist/midl}
     * @param listener sees the model after each epoch, or {@code null}
     * @return losses and timings
     */
    public TrainingSummary train(
            Model model, DataSplit train, String label, EpochListener listener) {
        int n = train.size();
        int stepsPerEpoch = (n + plan.batchSize() - 1) / plan.batchSize();
        Tracker lr =
                Tracker.cosine()
                        .setBaseValue(plan.learningRate())
                        .optFinalValue(plan.learningRate() * 0.01f)
                        .setMaxUpdates(stepsPerEpoch * plan.epochs())
                        .build();
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .optOptimizer(
                                Optimizer.adam()
                                        .optLearningRateTracker(
                                                GateLearningRate.of(lr, model.getBlock()))
                                        .build());
        List<Double> losses = new ArrayList<>();
        Random random = new Random(seed);
        long trainNanos = 0;
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(batchShape(train, plan.batchSize()));
            BatchAssembler assembler =
                    new BatchAssembler(train, plan.batchSize(), plan.augment(), random);
            try (ProgressBar bar = progressBar(label, (long) stepsPerEpoch * plan.epochs())) {
                for (int epoch = 0; epoch < plan.epochs(); epoch++) {
                    ModelInspector.applySchedule(model.getBlock(), epoch);
                    int[] order = Splits.permutation(n, random);
                    double lossSum = 0;
                    long start = System.nanoTime();
                    int steps = 0;
                    for (int from = 0; from < n; from += plan.batchSize()) {
                        int size = Math.min(plan.batchSize(), n - from);
                        if (size < 2) {
                            break; // batch norm cannot train on a single sample
                        }
                        lossSum += step(trainer, assembler, order, from, size);
                        steps++;
                        if (bar != null) {
                            double secs = (System.nanoTime() - start) / 1e9;
                            bar.step();
                            bar.setExtraMessage(
                                    String.format(
                                            " epoch %d/%d loss %.4f %.0f samples/s",
                                            epoch + 1,
                                            plan.epochs(),
                                            lossSum / steps,
                                            (double) steps * plan.batchSize() / secs));
                        }
                    }
                    trainNanos += System.nanoTime() - start;
                    losses.add(lossSum / steps);
                    if (listener != null) {
                        listener.afterEpoch(epoch, lossSum / steps);
                    }
                }
            }
        }
        double seconds = trainNanos / 1e9;
        return new TrainingSummary(
                losses, seconds / plan.epochs(), (double) n * plan.epochs() / seconds);
    }

    private static float step(
            Trainer trainer, BatchAssembler assembler, int[] order, int from, int size) {
        float loss;
        try (NDManager sub = trainer.getManager().newSubManager()) {
            float[] features = assembler.features(order, from, size);
            Shape shape = batchShape(assembler, size);
            NDArray x =
                    sub.create(java.nio.FloatBuffer.wrap(features, 0, (int) shape.size()), shape);
            long[] labels = java.util.Arrays.copyOf(assembler.labels(), size);
            loss = step(trainer, x, sub.create(labels));
        }
        return loss;
    }

    /**
     * One optimisation step on a batch: forward, loss (+ the MID-L sparsity penalty, if any),
     * backward, update. Returns the loss before the update.
     */
    public static float step(Trainer trainer, NDArray x, NDArray y) {
        float loss;
        try (GradientCollector gc = trainer.newGradientCollector()) {
            NDList pred = trainer.forward(new NDList(x));
            NDArray l = trainer.getLoss().evaluate(new NDList(y), pred);
            loss = l.getFloat();
            NDArray penalty = MidlBlock.collectSparsityPenalty(trainer.getModel().getBlock());
            gc.backward(penalty == null ? l : l.add(penalty));
        }
        trainer.step();
        return loss;
    }

    private static Shape batchShape(BatchAssembler a, int size) {
        return a.shapeFor(size);
    }

    /** Returns {@code [batch, sampleShape...]}. */
    public static Shape batchShape(DataSplit split, int batch) {
        long[] s = split.sampleShape();
        long[] dims = new long[s.length + 1];
        dims[0] = batch;
        System.arraycopy(s, 0, dims, 1, s.length);
        return new Shape(dims);
    }

    private ProgressBar progressBar(String label, long steps) {
        if (!showProgress) {
            return null;
        }
        return new ProgressBarBuilder()
                .setTaskName(label)
                .setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1000)
                .continuousUpdate()
                .build();
    }
}
