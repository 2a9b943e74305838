package io.github.midljava.experiment.suite;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.github.midljava.data.DataSplit;
import io.github.midljava.nn.MidlBlock;
import io.github.midljava.nn.MidlOutput;
import io.github.midljava.train.Predictor;
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
        List<float[]> batches = new ArrayList<>();
        Predictor.forEachInputBatch(
                manager,
                split,
                (from, ps, x) -> {
                    for (int i = 0; i <= stop; i++) {
                        x = children.get(i).forward(ps, new NDList(x), false).head();
                    }
                    batches.add(x.toFloatArray());
                });
        float[] out = new float[batches.stream().mapToInt(b -> b.length).sum()];
        int at = 0;
        for (float[] b : batches) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return new Activations(out, split.size() == 0 ? 0 : out.length / split.size());
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
        Predictor.forEachInputBatch(
                manager,
                split,
                (from, ps, x) -> {
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
                });
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

    /**
     * Activations of one layer.
     *
     * @param values row-major {@code [samples * units]}
     * @param units number of units
     */
    public record Activations(float[] values, int units) {}
}
