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

    private static void forEachBatch(
            Block block, NDManager manager, DataSplit split, BatchConsumer consumer) {
        int len = split.featureLength();
        for (int from = 0; from < split.size(); from += BATCH) {
            int size = Math.min(BATCH, split.size() - from);
            try (NDManager sub = manager.newSubManager()) {
                Shape shape = ClassifierTrainer.batchShape(split, size);
                NDArray x =
                        sub.create(
                                FloatBuffer.wrap(split.features(), from * len, size * len), shape);
                NDArray logits =
                        block.forward(new ParameterStore(sub, false), new NDList(x), false).head();
                consumer.accept(from, logits);
            }
        }
    }
}
