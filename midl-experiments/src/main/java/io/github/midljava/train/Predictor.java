package io.github.midljava.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.github.midljava.data.DataSplit;
import java.nio.FloatBuffer;

/**
 * Runs a trained block in inference mode over a split, in batches, and returns class predictions
 * (or logits). Each batch runs in its own sub-manager.
 */
public final class Predictor {

    private static final int BATCH = 500;

    private Predictor() {}

    /** Returns the arg-max class of every sample. */
    public static int[] predict(Block block, NDManager manager, DataSplit split) {
        int[] out = new int[split.size()];
        forEachBatch(
                block,
                manager,
                split,
                (from, logits) -> {
                    long[] cls = logits.argMax(1).toLongArray();
                    for (int i = 0; i < cls.length; i++) {
                        out[from + i] = (int) cls[i];
                    }
                });
        return out;
    }

    /** Returns the logits of every sample, row-major {@code [size, classes]}. */
    public static float[] logits(Block block, NDManager manager, DataSplit split, int classes) {
        float[] out = new float[split.size() * classes];
        forEachBatch(
                block,
                manager,
                split,
                (from, logits) -> {
                    float[] v = logits.toFloatArray();
                    System.arraycopy(v, 0, out, from * classes, v.length);
                });
        return out;
    }

    /** Returns the fraction of samples whose predicted class equals the label. */
    public static double accuracy(Block block, NDManager manager, DataSplit split) {
        return accuracy(predict(block, manager, split), split.labels());
    }

    /** Returns the fraction of equal entries. */
    public static double accuracy(int[] predicted, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        return labels.length == 0 ? 0 : (double) correct / labels.length;
    }

    interface BatchConsumer {
        void accept(int from, NDArray logits);
    }

    /** Receives one batch of inputs, in a sub-manager that closes after the call. */
    @FunctionalInterface
    public interface InputBatchConsumer {
        /**
         * @param from index of the batch's first sample in the split
         * @param ps an inference-mode parameter store on the batch's sub-manager
         * @param x the batch, shaped as the model expects ({@link ClassifierTrainer#batchShape})
         */
        void accept(int from, ParameterStore ps, NDArray x);
    }

    /**
     * Feeds the split to {@code consumer} in batches of {@value #BATCH} samples, each batch created
     * in its own sub-manager of {@code manager} (closed, with all the arrays the consumer made,
     * after the call).
     */
    public static void forEachInputBatch(
            NDManager manager, DataSplit split, InputBatchConsumer consumer) {
        int len = split.featureLength();
        for (int from = 0; from < split.size(); from += BATCH) {
            int size = Math.min(BATCH, split.size() - from);
            try (NDManager sub = manager.newSubManager()) {
                Shape shape = ClassifierTrainer.batchShape(split, size);
                NDArray x =
                        sub.create(
                                FloatBuffer.wrap(split.features(), from * len, size * len), shape);
                consumer.accept(from, new ParameterStore(sub, false), x);
            }
        }
    }

    private static void forEachBatch(
            Block block, NDManager manager, DataSplit split, BatchConsumer consumer) {
        forEachInputBatch(
                manager,
                split,
                (from, ps, x) ->
                        consumer.accept(from, block.forward(ps, new NDList(x), false).head()));
    }
}
