package io.github.midljava.examples;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DataSplit;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.image.MnistLoader;
import io.github.midljava.nn.GradientMode;
import io.github.midljava.nn.LightPath;
import io.github.midljava.nn.MidlBlock;
import java.util.Arrays;

/**
 * What a DJL user writes to try MID-L: the README's MLP, trained on 40 batches of 128 MNIST images (loss must halve),
 * then evaluated on 2,000 test images. Exits with status 1 if the loss does not fall or the model
 * does not beat chance by far, so the project's CI can run it as a check.
 *
 * <p>Data: {@code MIDL_DATA_DIR} (or {@code ~/.midl/data}, downloaded if missing).
 */
public final class TrainMidlMlp {
    private static final int BATCH = 128;
    private static final int STEPS = 40;

    private TrainMidlMlp() {}

    public static void main(String[] args) {
        Engine.getInstance().setRandomSeed(1);
        Dataset mnist = MnistLoader.load(DataOptions.defaults());

        // The README's snippet.
        SequentialBlock net =
                new SequentialBlock()
                        .add(Blocks.batchFlattenBlock())
                        .add(MidlBlock.builder().setUnits(512).build())
                        .add(Activation.reluBlock())
                        .add(
                                MidlBlock.builder()
                                        .setUnits(512)
                                        .optActiveRatio(0.3)
                                        .optGradientMode(GradientMode.MASKED)
                                        .optLightPath(LightPath.LOW_RANK)
                                        .build())
                        .add(Activation.reluBlock())
                        .add(Linear.builder().setUnits(10).build());

        try (Model model = Model.newInstance("midl-example");
                NDManager manager = NDManager.newBaseManager()) {
            model.setBlock(net);
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss());
            float first = Float.NaN;
            float last = Float.NaN;
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(BATCH, 784));
                DataSplit train = mnist.train();
                for (int step = 0; step < STEPS; step++) {
                    NDArray x = batch(manager, train, step * BATCH, BATCH);
                    NDArray y = labels(manager, train, step * BATCH, BATCH);
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray loss =
                                trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
                        gc.backward(loss);
                        last = loss.getFloat();
                        if (step == 0) {
                            first = last;
                        }
                    }
                    trainer.step();
                }
                DataSplit test = mnist.test();
                int n = 2000;
                NDArray logits = trainer.evaluate(new NDList(batch(manager, test, 0, n))).head();
                long[] predicted = logits.argMax(1).toLongArray();
                int correct = 0;
                for (int i = 0; i < n; i++) {
                    correct += predicted[i] == test.labels()[i] ? 1 : 0;
                }
                double accuracy = correct / (double) n;
                System.out.printf(
                        "MID-L MLP, %d steps of %d: loss %.3f -> %.3f, test accuracy %.1f%% on %d"
                                + " images%n",
                        STEPS, BATCH, first, last, 100 * accuracy, n);
                if (!(last < 0.5 * first) || accuracy < 0.75) {
                    System.err.println("FAILED: the model did not learn as expected");
                    System.exit(1);
                }
            }
        }
    }

    private static NDArray batch(NDManager m, DataSplit split, int from, int count) {
        int len = split.featureLength();
        float[] x = Arrays.copyOfRange(split.features(), from * len, (from + count) * len);
        return m.create(x, new Shape(count, len));
    }

    private static NDArray labels(NDManager m, DataSplit split, int from, int count) {
        int[] y = Arrays.copyOfRange(split.labels(), from, from + count);
        float[] f = new float[count];
        for (int i = 0; i < count; i++) {
            f[i] = y[i];
        }
        return m.create(f, new Shape(count));
    }
}
