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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Trains a classifier with Adam and softmax cross-entropy on an in-memory split: shuffled
 * mini-batches (seeded), a cosine learning-rate schedule, the MID-L warm-up schedule, the optional
 * MID-L sparsity penalty, and progress with loss and throughput: a bar redrawn in place on a
 * terminal, one line per epoch otherwise (a log file would collect every redraw of the bar), see
 * {@link #PROGRESS_PROPERTY}.
 *
 * <p>Numerical guard: a loss that is not finite stops training at that step, and parameters that
 * are not finite at the end of an epoch stop it there, with a {@link TrainingDivergedException}
 * naming the epoch and step; the caller writes no result.
 *
 * <p>Each step runs in its own sub-manager so no native array outlives it (without it about a dozen
 * arrays leak per step).
 */
public final class ClassifierTrainer {

    /**
     * System property choosing the progress display: {@code bar} (redrawn in place), {@code lines}
     * (one line per epoch) or unset: the bar when stderr is a terminal, lines otherwise.
     */
    public static final String PROGRESS_PROPERTY = "midl.progress";

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
            boolean lines = showProgress && !barWanted();
            try (ProgressBar bar =
                    lines ? null : progressBar(label, (long) stepsPerEpoch * plan.epochs())) {
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
                        float loss = step(trainer, assembler, order, from, size);
                        if (!Float.isFinite(loss)) {
                            throw new TrainingDivergedException(
                                    String.format(
                                            "the loss is %s at epoch %d of %d, step %d of %d (%s)",
                                            loss,
                                            epoch + 1,
                                            plan.epochs(),
                                            steps + 1,
                                            stepsPerEpoch,
                                            label));
                        }
                        lossSum += loss;
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
                    long epochNanos = System.nanoTime() - start;
                    trainNanos += epochNanos;
                    losses.add(lossSum / steps);
                    requireFiniteParameters(model, epoch, plan.epochs(), steps, label);
                    if (lines) {
                        System.err.printf(
                                "%s: epoch %d/%d loss %.4f, %.0f samples/s, %.1f s%n",
                                label,
                                epoch + 1,
                                plan.epochs(),
                                lossSum / steps,
                                (double) steps * plan.batchSize() / (epochNanos / 1e9),
                                epochNanos / 1e9);
                    }
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
     * backward, update. Returns the loss before the update (without the penalty), or the total when
     * that is not finite, so that a caller checking the returned value sees a penalty that
     * overflowed too.
     */
    public static float step(Trainer trainer, NDArray x, NDArray y) {
        float loss;
        try (GradientCollector gc = trainer.newGradientCollector()) {
            NDList pred = trainer.forward(new NDList(x));
            NDArray l = trainer.getLoss().evaluate(new NDList(y), pred);
            loss = l.getFloat();
            NDArray penalty = MidlBlock.collectSparsityPenalty(trainer.getModel().getBlock());
            NDArray total = penalty == null ? l : l.add(penalty);
            if (penalty != null) {
                float t = total.getFloat();
                if (!Float.isFinite(t)) {
                    loss = t;
                }
            }
            gc.backward(total);
        }
        trainer.step();
        return loss;
    }

    /**
     * Stops training if a parameter holds NaN or an infinity: the sum of an array is finite only if
     * every element is (or the sum overflows, itself a sign of divergence). One small reduction per
     * parameter per epoch.
     */
    private static void requireFiniteParameters(
            Model model, int epoch, int epochs, int steps, String label) {
        for (var p : model.getBlock().getParameters()) {
            NDArray array = p.getValue().getArray();
            float sum;
            try (NDArray s = array.sum()) {
                sum = s.getFloat();
            }
            if (!Float.isFinite(sum)) {
                throw new TrainingDivergedException(
                        String.format(
                                "parameter %s is not finite after epoch %d of %d (step %d) (%s)",
                                p.getKey(), epoch + 1, epochs, steps, label));
            }
        }
    }

    /** Whether to redraw a bar ({@code true}) or print a line per epoch. */
    static boolean barWanted() {
        String style = System.getProperty(PROGRESS_PROPERTY, "");
        if (style.equals("bar")) {
            return true;
        }
        if (style.equals("lines")) {
            return false;
        }
        return stderrIsTerminal();
    }

    /**
     * Whether stderr, where the bar goes, is a terminal: on Linux from what file descriptor 2
     * points to (so {@code 2> log} counts as a file even when stdout is a terminal), elsewhere from
     * {@link System#console()} (a console means stdin and stdout are terminals).
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
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
