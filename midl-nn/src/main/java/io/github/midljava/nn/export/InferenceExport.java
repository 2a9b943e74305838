package io.github.midljava.nn.export;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import io.github.midljava.inference.ComputeMode;
import io.github.midljava.inference.GateForm;
import io.github.midljava.inference.InferenceNetwork;
import io.github.midljava.inference.LayerWeights;
import io.github.midljava.inference.LightForm;
import io.github.midljava.inference.LinearWeights;
import io.github.midljava.inference.MidlLayerWeights;
import io.github.midljava.nn.GateKind;
import io.github.midljava.nn.LightPath;
import io.github.midljava.nn.MidlBlock;
import io.github.midljava.nn.MidlConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the parameters of a trained DJL MLP (made of {@link Linear} and {@link MidlBlock} layers
 * with ReLU between them) into an {@link InferenceNetwork}, the pure-Java path that computes only
 * the k selected rows of each MID-L layer.
 *
 * <p>The bridge between the two libraries: it needs {@code midl-inference} on the class path (an
 * optional dependency of {@code midl-nn}) and the JVM flag {@code --add-modules
 * jdk.incubator.vector}. The returned network owns helper threads: close it when done.
 *
 * <p>Accepted structure, as built by {@code SequentialBlock}: an optional {@code batchFlatten},
 * then layers each followed by a {@code ReLU} block (and optionally a {@link Dropout}, an identity
 * at inference), and a last layer without activation. Anything else is rejected with the name of
 * the block, because computing a different function silently would be worse than failing.
 */
public final class InferenceExport {

    private InferenceExport() {}

    /**
     * Returns an inference network equivalent to {@code model}'s inference forward.
     *
     * @param model an initialised (trained or loaded) block
     * @param mode SPARSE (k rows per sample) or DENSE (all rows, then mask) for MID-L layers
     * @param threads the most threads one call uses
     */
    public static InferenceNetwork toNetwork(Block model, ComputeMode mode, int threads) {
        return new InferenceNetwork(layers(model), mode, threads);
    }

    /** Returns the weights of the layers of {@code model}, from input to logits. */
    public static List<LayerWeights> layers(Block model) {
        List<Block> blocks = new ArrayList<>();
        flatten(model, blocks);
        List<LayerWeights> layers = new ArrayList<>();
        boolean expectActivation = false;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String name = b instanceof LambdaBlock ? ((LambdaBlock) b).getName() : null;
            if (i == 0 && "batchFlatten".equals(name)) {
                continue;
            }
            if (b instanceof Dropout) {
                continue;
            }
            if ("ReLU".equals(name)) {
                if (!expectActivation) {
                    throw unsupported(b, i, "a ReLU must follow a layer");
                }
                expectActivation = false;
                continue;
            }
            if (expectActivation) {
                throw unsupported(b, i, "layers must be separated by a ReLU block");
            }
            if (b instanceof MidlBlock) {
                layers.add(midl((MidlBlock) b));
            } else if (b instanceof Linear) {
                layers.add(linear(b));
            } else {
                throw unsupported(
                        b,
                        i,
                        "only Linear, MidlBlock, ReLU, Dropout and a leading batchFlatten are supported");
            }
            expectActivation = true;
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("the model has no Linear or MidlBlock layer");
        }
        if (!expectActivation) {
            throw new IllegalArgumentException(
                    "the last layer must not be followed by a ReLU (logits)");
        }
        return layers;
    }

    private static IllegalArgumentException unsupported(Block b, int index, String why) {
        return new IllegalArgumentException(
                "cannot export block " + index + " (" + b.getClass().getSimpleName() + "): " + why);
    }

    private static void flatten(Block block, List<Block> out) {
        if (block instanceof SequentialBlock) {
            for (Block child : block.getChildren().values()) {
                flatten(child, out);
            }
        } else {
            out.add(block);
        }
    }

    private static LinearWeights linear(Block b) {
        NDArray w = array(b, "weight");
        NDArray bias = b.getParameters().contains("bias") ? array(b, "bias") : null;
        int out = (int) w.getShape().get(0);
        int in = (int) w.getShape().get(1);
        return new LinearWeights(
                in, out, w.toFloatArray(), bias == null ? new float[out] : bias.toFloatArray());
    }

    private static MidlLayerWeights midl(MidlBlock b) {
        MidlConfig c = b.getConfig();
        if (c.selection() != io.github.midljava.nn.Selection.LEARNED) {
            throw new IllegalArgumentException(
                    "cannot export a MidlBlock with selection "
                            + c.selection()
                            + ": only LEARNED is deterministic");
        }
        int d = (int) b.getInputSize();
        int n = (int) c.units();
        boolean denseGate = c.gateKind() == GateKind.DENSE;
        LightPath light = c.lightPath();
        return new MidlLayerWeights(
                d,
                n,
                b.getCurrentK(),
                (float) c.temperature(),
                denseGate ? GateForm.DENSE : GateForm.LOW_RANK,
                denseGate ? 0 : c.gateRank(),
                denseGate ? floats(b, "gate_weight") : null,
                denseGate ? null : floats(b, "gate_down"),
                denseGate ? null : floats(b, "gate_up"),
                floats(b, "gate_bias"),
                floats(b, "full_weight"),
                floats(b, "full_bias"),
                LightForm.valueOf(light.name()),
                light == LightPath.LOW_RANK ? c.lightRank() : 0,
                light == LightPath.DENSE ? floats(b, "light_weight") : null,
                light == LightPath.LOW_RANK ? floats(b, "light_down") : null,
                light == LightPath.LOW_RANK ? floats(b, "light_up") : null,
                light == LightPath.LOW_RANK || light == LightPath.DENSE
                        ? floats(b, "light_bias")
                        : null);
    }

    private static NDArray array(Block b, String name) {
        Parameter p = b.getParameters().get(name);
        if (p == null || !p.isInitialized()) {
            throw new IllegalArgumentException(
                    "parameter " + name + " is not initialised: train or load the model first");
        }
        return p.getArray();
    }

    private static float[] floats(Block b, String name) {
        return array(b, name).toFloatArray();
    }
}
