package io.github.midljava.flops;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import io.github.midljava.nn.GateKind;
import io.github.midljava.nn.MidlBlock;
import io.github.midljava.nn.MidlConfig;

/**
 * Counts FLOPs per sample (multiply-adds x 2) of linear, convolution and MID-L layers, following
 * the formulas of our spec:
 *
 * <pre>
 *   dense Linear(d -&gt; n):  2 n d
 *   MID-L:                  gate 2 n d (DENSE) or 2 r_g (d + n) (LOW_RANK)
 *                           + full 2 k d + light 2 r (d + n) (LOW_RANK), 2 n d (DENSE), 0 (IDENTITY, ZERO)
 *                           + blend 3 n
 *   Conv2d:                 2 C_out (C_in / groups) k_h k_w H_out W_out
 * </pre>
 *
 * Biases, activations, pooling and normalisation are not counted: they are element-wise and the
 * same in every method, so they change no ratio that matters here.
 */
public final class FlopsCounter {

    private FlopsCounter() {}

    /** Returns {@code 2 n d}, the FLOPs of a dense {@code Linear(d -> n)} per sample. */
    public static long linear(long d, long n) {
        return 2 * n * d;
    }

    /**
     * Returns the FLOPs of one MID-L layer per sample.
     *
     * @param d input size
     * @param c the layer configuration (units n, kinds, ranks)
     * @param k units on the full path per sample
     * @return dense-equivalent, honest and paper-style FLOPs
     */
    public static Flops midl(long d, MidlConfig c, int k) {
        long n = c.units();
        long gate;
        if (!c.hasGateMatrix()) {
            gate = 0; // STATIC selection: sigmoid(b_g / tau) is computed once, not per sample
        } else if (c.gateKind() == GateKind.DENSE) {
            gate = linear(d, n);
        } else {
            gate = 2L * c.gateRank() * (d + n);
        }
        long full = 2L * k * d;
        long light;
        switch (c.lightPath()) {
            case LOW_RANK:
                light = 2L * c.lightRank() * (d + n);
                break;
            case DENSE:
                light = linear(d, n);
                break;
            default:
                light = 0;
        }
        long blend = 3 * n;
        return new Flops(linear(d, n), gate + full + light + blend, full);
    }

    /** FLOPs of a whole model and of its MID-L layers alone. */
    public record ModelFlops(Flops model, Flops midlLayers) {}

    /**
     * Walks a model (nested {@link SequentialBlock}s of {@link Linear}, {@link Convolution}, {@link
     * MidlBlock} and parameter-free blocks) and counts its FLOPs per sample.
     *
     * @param block the model; shapes are propagated with {@code getOutputShapes}
     * @param inputShape the input shape with a batch dimension, e.g. {@code (1, 784)}
     * @return the model's and the MID-L layers' FLOPs
     * @throws IllegalArgumentException for a block with children that is not sequential
     */
    public static ModelFlops count(Block block, Shape inputShape) {
        Accumulator acc = new Accumulator();
        walk(block, inputShape, acc);
        return new ModelFlops(acc.model, acc.midl);
    }

    private static final class Accumulator {
        Flops model = Flops.ZERO;
        Flops midl = Flops.ZERO;
    }

    private static Shape walk(Block block, Shape in, Accumulator acc) {
        if (block instanceof SequentialBlock) {
            Shape shape = in;
            for (Block child : block.getChildren().values()) {
                shape = walk(child, shape, acc);
            }
            return shape;
        }
        Shape out = block.getOutputShapes(new Shape[] {in})[0];
        long batch = in.get(0);
        if (block instanceof MidlBlock) {
            MidlBlock m = (MidlBlock) block;
            Flops f = midl(in.get(in.dimension() - 1), m.getConfig(), m.getCurrentK());
            acc.model = acc.model.plus(f);
            acc.midl = acc.midl.plus(f);
        } else if (block instanceof Linear) {
            long d = in.get(in.dimension() - 1);
            long n = out.get(out.dimension() - 1);
            acc.model = acc.model.plus(Flops.plain(linear(d, n)));
        } else if (block instanceof Convolution) {
            Convolution conv = (Convolution) block;
            long cin = in.get(1);
            long perOutput = 2 * (cin / conv.getGroups()) * conv.getKernelShape().size();
            long outputs = out.size() / batch;
            acc.model = acc.model.plus(Flops.plain(perOutput * outputs));
        } else if (!block.getChildren().isEmpty()) {
            throw new IllegalArgumentException(
                    "cannot count FLOPs of " + block.getClass().getSimpleName() + " with children");
        }
        return out;
    }
}
