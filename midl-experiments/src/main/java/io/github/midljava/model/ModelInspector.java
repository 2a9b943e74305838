package io.github.midljava.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.github.midljava.nn.MidlBlock;
import java.util.ArrayList;
import java.util.List;

/** Reads facts off a built model: its MID-L layers, parameter count and active ratio. */
public final class ModelInspector {

    private ModelInspector() {}

    /** Returns the MID-L layers of a block tree in forward order. */
    public static List<MidlBlock> midlBlocks(Block root) {
        List<MidlBlock> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Block block, List<MidlBlock> found) {
        if (block instanceof MidlBlock) {
            found.add((MidlBlock) block);
        }
        for (Block child : block.getChildren().values()) {
            collect(child, found);
        }
    }

    /** Returns the number of scalar parameters of an initialised block tree. */
    public static long parameterCount(Block root) {
        long total = 0;
        for (Pair<String, Parameter> p : root.getParameters()) {
            total += p.getValue().getArray().size();
        }
        return total;
    }

    /**
     * Returns the fraction of units on the full path over all MID-L layers, {@code sum k / sum n}
     * at the current schedule; 1.0 for a model without MID-L layers (every unit is active).
     */
    public static double activeRatio(Block root) {
        long k = 0;
        long n = 0;
        for (MidlBlock b : midlBlocks(root)) {
            k += b.getCurrentK();
            n += b.getConfig().units();
        }
        return n == 0 ? 1.0 : (double) k / n;
    }

    /** Applies the warm-up schedule of every MID-L layer for the given 0-based epoch. */
    public static void applySchedule(Block root, int epoch) {
        for (MidlBlock b : midlBlocks(root)) {
            b.applySchedule(epoch);
        }
    }
}
