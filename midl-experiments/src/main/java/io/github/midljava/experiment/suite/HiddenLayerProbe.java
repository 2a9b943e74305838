package io.github.midljava.experiment.suite;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.github.midljava.data.DataSplit;
import io.github.midljava.nn.MidlBlock;
import io.github.midljava.nn.MidlOutput;
import io.github.midljava.train.ClassifierTrainer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a trained model of {@code ModelFactory} child by child in inference mode, to read what the
 * final output hides: the activations after a hidden layer, and the top-k mask of every MID-L layer
 * ({@link MidlBlock#forwardDetailed}).
 *
 * <p>The hidden layers are the top-level {@link Linear} and {@link MidlBlock} children before the
 * last (the classifier); each is followed by its activation, which the probe includes. Walking the
 * children computes exactly what {@code block.forward} computes, since a {@link SequentialBlock}
 * does nothing else.
 */
public final class HiddenLayerProbe {

    private static final int BATCH = 500;

    private HiddenLayerProbe() {}

    /**
     * Returns the activations after hidden layer {@code layer} and its activation function.
     *
     * @param block a trained model built by {@code ModelFactory}
     * @param manager a manager that outlives the call (each batch uses a sub-manager)
     * @param split the samples
     * @param layer 1-based hidden layer index
     * @return row-major {@code [split.size() * units]} and the number of units
     */
    public static Activations activations(
            SequentialBlock block, NDManager manager, DataSplit split, int layer) {
        List<Block> children = new ArrayList<>(block.getChildren().values());
        int stop = indexAfterActivation(children, layer);
        float[] out = null;
        int units = 0;
        int len = split.featureLength();
        for (int from = 0; from < split.size(); from += BATCH) {
            int size = Math.min(BATCH, split.size() - from);
            try (NDManager sub = manager.newSubManager()) {
                ParameterStore ps = new ParameterStore(sub, false);
                NDArray x = input(sub, split, from, size, len);
                for (int i = 0; i <= stop; i++) {
                    x = children.get(i).forward(ps, new NDList(x), false).head();
                }
                float[] values = x.toFloatArray();
                if (out == null) {
                    units = (int) x.getShape().get(1);
                    out = new float[split.size() * units];
                }
                System.arraycopy(values, 0, out, from * units, values.length);
            }
        }
        return new Activations(out == null ? new float[0] : out, units);
    }

    /**
     * Returns, for every MID-L layer in forward order, how often each unit was selected over the
     * split (inference mode, so exactly what deployment would compute).
     */
    public static List<LayerSelection> selection(
            SequentialBlock block, NDManager manager, DataSplit split) {
        List<Block> children = new ArrayList<>(block.getChildren().values());
        List<long[]> counts = new ArrayList<>();
        List<MidlBlock> midl = new ArrayList<>();
        for (Block c : children) {
            if (c instanceof MidlBlock) {
                midl.add((MidlBlock) c);
                counts.add(new long[(int) ((MidlBlock) c).getConfig().units()]);
            }
        }
        if (midl.isEmpty()) {
            return List.of();
        }
        int len = split.featureLength();
        for (int from = 0; from < split.size(); from += BATCH) {
            int size = Math.min(BATCH, split.size() - from);
            try (NDManager sub = manager.newSubManager()) {
                ParameterStore ps = new ParameterStore(sub, false);
                NDArray x = input(sub, split, from, size, len);
                int m = 0;
                for (Block c : children) {
                    if (c instanceof MidlBlock) {
                        MidlOutput o = ((MidlBlock) c).forwardDetailed(ps, x, false);
                        float[] perUnit = o.mask().sum(new int[] {0}).toFloatArray();
                        long[] acc = counts.get(m++);
                        for (int j = 0; j < acc.length; j++) {
                            acc[j] += Math.round(perUnit[j]);
                        }
                        x = o.output();
                    } else {
                        x = c.forward(ps, new NDList(x), false).head();
                    }
                }
            }
        }
        List<LayerSelection> out = new ArrayList<>();
        for (int i = 0; i < midl.size(); i++) {
            MidlBlock b = midl.get(i);
            out.add(
                    new LayerSelection(
                            i + 1,
                            b.getConfig().units(),
                            b.getCurrentK(),
                            split.size(),
                            counts.get(i)));
        }
        return out;
    }

    /** Index of the child right after hidden layer {@code layer} (its activation). */
    static int indexAfterActivation(List<Block> children, int layer) {
        if (layer < 1) {
            throw new IllegalArgumentException("layer must be >= 1, got " + layer);
        }
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Block c = children.get(i);
            if (c instanceof Linear || c instanceof MidlBlock) {
                hidden.add(i);
            }
        }
        int available = hidden.size() - 1; // the last one is the classifier
        if (layer > available) {
            throw new IllegalArgumentException(
                    "the model has " + available + " hidden layers, asked for layer " + layer);
        }
        return hidden.get(layer - 1) + 1;
    }

    private static NDArray input(NDManager sub, DataSplit split, int from, int size, int len) {
        Shape shape = ClassifierTrainer.batchShape(split, size);
        return sub.create(FloatBuffer.wrap(split.features(), from * len, size * len), shape);
    }

    /**
     * Activations of one layer.
     *
     * @param values row-major {@code [samples * units]}
     * @param units number of units
     */
    public record Activations(float[] values, int units) {}
}
