package io.github.midljava.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random weights (PyTorch's default {@code Linear} init, uniform in {@code ±1/sqrt(in)}) for
 * tests and latency benchmarks: the speed of inference does not depend on the values.
 *
 * <p>A test fixture, not part of the library: {@code midl-benchmarks} uses it through this module's
 * test jar ({@code <type>test-jar</type>}).
 */
public final class RandomWeights {
    private RandomWeights() {}

    /** A dense layer {@code in -> out}. */
    public static LinearWeights linear(int in, int out, SplittableRandom rnd) {
        return new LinearWeights(in, out, uniform(out * in, in, rnd), uniform(out, in, rnd));
    }

    /**
     * A MID-L layer {@code in -> units} with {@code k = activeCount(activeRatio, units)}; ranks are
     * ignored (use 0) for kinds that have none.
     */
    public static MidlLayerWeights midl(
            int in,
            int units,
            double activeRatio,
            GateForm gateKind,
            int gateRank,
            LightForm lightKind,
            int lightRank,
            float tau,
            SplittableRandom rnd) {
        boolean lowGate = gateKind == GateForm.LOW_RANK;
        boolean lowLight = lightKind == LightForm.LOW_RANK;
        boolean denseLight = lightKind == LightForm.DENSE;
        return new MidlLayerWeights(
                in,
                units,
                MidlLayerWeights.activeCount(activeRatio, units),
                tau,
                gateKind,
                lowGate ? gateRank : 0,
                lowGate ? null : uniform(units * in, in, rnd),
                lowGate ? uniform(gateRank * in, in, rnd) : null,
                lowGate ? uniform(units * gateRank, gateRank, rnd) : null,
                uniform(units, in, rnd),
                uniform(units * in, in, rnd),
                uniform(units, in, rnd),
                lightKind,
                lowLight ? lightRank : 0,
                denseLight ? uniform(units * in, in, rnd) : null,
                lowLight ? uniform(lightRank * in, in, rnd) : null,
                lowLight ? uniform(units * lightRank, lightRank, rnd) : null,
                lowLight || denseLight ? uniform(units, in, rnd) : null);
    }

    /** A dense MLP with the given widths, e.g. {@code {784, 512, 512, 10}}. */
    public static List<LayerWeights> denseMlp(int[] widths, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<LayerWeights> layers = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            layers.add(linear(widths[i], widths[i + 1], rnd));
        }
        return layers;
    }

    /**
     * The MID-L twin of {@link #denseMlp}: every hidden layer is MID-L (low-rank gate and light
     * path, tau 1), the output layer is dense.
     */
    public static List<LayerWeights> midlMlp(
            int[] widths, double activeRatio, int gateRank, int lightRank, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<LayerWeights> layers = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            boolean last = i + 2 == widths.length;
            layers.add(
                    last
                            ? linear(widths[i], widths[i + 1], rnd)
                            : midl(
                                    widths[i],
                                    widths[i + 1],
                                    activeRatio,
                                    GateForm.LOW_RANK,
                                    gateRank,
                                    LightForm.LOW_RANK,
                                    lightRank,
                                    1f,
                                    rnd));
        }
        return layers;
    }

    /** {@code length} floats uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn))}. */
    public static float[] uniform(int length, int fanIn, SplittableRandom rnd) {
        double bound = 1.0 / Math.sqrt(fanIn);
        float[] a = new float[length];
        for (int i = 0; i < length; i++) {
            a[i] = (float) rnd.nextDouble(-bound, bound);
        }
        return a;
    }
}
