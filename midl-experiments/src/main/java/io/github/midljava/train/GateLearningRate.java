package io.github.midljava.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.github.midljava.model.ModelInspector;
import io.github.midljava.nn.MidlBlock;
import java.util.HashMap;
import java.util.Map;

/**
 * The learning-rate schedule with a separate factor for the gate parameters of each MID-L layer
 * ({@link io.github.midljava.nn.MidlConfig#gateLearningRateScale}): the gate picks units by rank,
 * and a gate that learns faster or slower than the weights it selects among is a common recipe for
 * learned routing. Adam is invariant to a constant factor on the gradient, so a different rate is
 * the only way to change how fast the gate moves relative to the rest.
 */
public final class GateLearningRate implements ParameterTracker {

    private final Tracker base;
    private final Map<String, Float> scaleById;

    private GateLearningRate(Tracker base, Map<String, Float> scaleById) {
        this.base = base;
        this.scaleById = scaleById;
    }

    /**
     * Returns {@code base} itself when no MID-L layer under {@code root} scales its gate, else a
     * tracker that multiplies {@code base} by each gate parameter's factor.
     *
     * @param base the schedule of every other parameter
     * @param root the model's block (parameters need not be initialised: ids exist from building)
     */
    public static ParameterTracker of(Tracker base, Block root) {
        Map<String, Float> scales = new HashMap<>();
        for (MidlBlock b : ModelInspector.midlBlocks(root)) {
            double scale = b.getConfig().gateLearningRateScale();
            if (scale == 1.0) {
                continue;
            }
            for (Pair<String, Parameter> p : b.getDirectParameters()) {
                if (p.getValue().getName().startsWith("gate_")) {
                    scales.put(p.getValue().getId(), (float) scale);
                }
            }
        }
        return scales.isEmpty() ? base : new GateLearningRate(base, scales);
    }

    /** Returns how many parameters get a factor other than 1. */
    int scaledParameterCount() {
        return scaleById.size();
    }

    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        float lr = base.getNewValue(numUpdate);
        Float scale = scaleById.get(parameterId);
        return scale == null ? lr : lr * scale;
    }
}
