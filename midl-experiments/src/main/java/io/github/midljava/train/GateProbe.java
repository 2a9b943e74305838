package io.github.midljava.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import io.github.midljava.data.DataSplit;
import io.github.midljava.evaluate.GateStats;
import io.github.midljava.nn.MidlBlock;
import io.github.midljava.nn.MidlOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches the gates of a model's top-level MID-L layers on a fixed probe split across training:
 * each {@link #observe} runs the probe in inference mode, reads every layer's gate and mask ({@link
 * MidlBlock#forwardDetailed}) and returns its {@link GateStats}, the churn taken against the masks
 * of the previous call. Walking the top-level children computes exactly what {@code block.forward}
 * computes.
 */
public final class GateProbe {

    private final SequentialBlock block;
    private final DataSplit probe;
    private List<float[]> previousMasks;

    /**
     * @param block a model built by {@code ModelFactory} (MID-L layers are top-level children)
     * @param probe the fixed samples to watch (a few hundred to a few thousand suffice)
     */
    public GateProbe(SequentialBlock block, DataSplit probe) {
        this.block = block;
        this.probe = probe;
    }

    /**
     * Runs the probe and returns the statistics of every MID-L layer in forward order (empty for a
     * model without MID-L layers).
     *
     * @param manager a manager that outlives the call (each batch uses a sub-manager)
     */
    public List<GateStats> observe(NDManager manager) {
        List<Block> children = new ArrayList<>(block.getChildren().values());
        List<MidlBlock> midl = new ArrayList<>();
        for (Block c : children) {
            if (c instanceof MidlBlock) {
                midl.add((MidlBlock) c);
            }
        }
        if (midl.isEmpty()) {
            return List.of();
        }
        int samples = probe.size();
        List<float[]> gates = new ArrayList<>();
        List<float[]> masks = new ArrayList<>();
        for (MidlBlock b : midl) {
            int units = (int) b.getConfig().units();
            gates.add(new float[samples * units]);
            masks.add(new float[samples * units]);
        }
        Predictor.forEachInputBatch(
                manager,
                probe,
                (from, ps, x) -> {
                    int m = 0;
                    for (Block c : children) {
                        if (c instanceof MidlBlock) {
                            MidlBlock b = (MidlBlock) c;
                            MidlOutput o = b.forwardDetailed(ps, x, false);
                            int units = (int) b.getConfig().units();
                            float[] g = o.gate().toFloatArray();
                            float[] k = o.mask().toFloatArray();
                            System.arraycopy(g, 0, gates.get(m), from * units, g.length);
                            System.arraycopy(k, 0, masks.get(m), from * units, k.length);
                            m++;
                            x = o.output();
                        } else {
                            x = c.forward(ps, new NDList(x), false).head();
                        }
                    }
                });
        List<GateStats> out = new ArrayList<>();
        for (int i = 0; i < midl.size(); i++) {
            float[] previous = previousMasks == null ? null : previousMasks.get(i);
            int units = (int) midl.get(i).getConfig().units();
            out.add(GateStats.of(gates.get(i), masks.get(i), previous, units));
        }
        previousMasks = masks;
        return out;
    }
}
