package io.github.midljava.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The backward must not depend on what the JVM does between forward and backward. DJL 0.36 makes
 * the scalar of {@code a.div(float)} / {@code a.mul(float)} from a Java direct buffer that libtorch
 * does not own and closes it after the op, while autograd keeps it for the backward: once the
 * garbage collector freed the buffer, the backward read whatever was there. A training with a
 * temperature other than 1 then gave different losses from run to run (Adult, seed 2, one epoch:
 * test accuracy 0.8531, 0.8515, 0.8505, 0.8453 in four runs). Here, between forward and backward,
 * we close many scalars of another value and run the garbage collector, so that the freed memory is
 * reused; before the fix the gate gradient came out divided by 7777 instead of 0.5.
 */
class MidlBlockDeterminismTest {

    private static final int D = 8;
    private static final int N = 16;
    private static final int K = 4;
    private static final int BATCH = 5;

    private static float[] randoms(Random random, int size, float scale) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) random.nextGaussian() * scale;
        }
        return v;
    }

    /** Frees direct buffers and fills their memory with other scalars. */
    private static void churn(NDManager manager) {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 2000; i++) {
                try (NDArray s = manager.create(7777f)) {
                    s.getFloat();
                }
            }
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = 0; i < 2000; i++) {
            try (NDArray s = manager.create(7777f)) {
                s.getFloat();
            }
        }
    }

    /**
     * Forward, optionally churn, backward of {@code sum(y)}; returns the gradients of the gate
     * weight and gate bias, concatenated.
     */
    private static float[] gateGradient(MidlConfig config, boolean churn) {
        Random random = new Random(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray gw = param(manager, randoms(random, N * D, 0.5f), N, D);
            NDArray gb = param(manager, randoms(random, N, 0.1f), N);
            MidlWeights w =
                    new MidlWeights(
                            param(manager, randoms(random, N * D, 0.5f), N, D),
                            param(manager, randoms(random, N, 0.1f), N),
                            gw,
                            null,
                            null,
                            gb,
                            param(manager, randoms(random, N * D, 0.5f), N, D),
                            null,
                            null,
                            param(manager, randoms(random, N, 0.1f), N));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray x = manager.create(randoms(random, BATCH * D, 1f), new Shape(BATCH, D));
                MidlOutput out = MidlBlock.midl(x, w, config, K);
                NDArray loss = out.output().sum();
                if (churn) {
                    churn(manager);
                }
                gc.backward(loss);
            }
            float[] a = gw.getGradient().toFloatArray();
            float[] b = gb.getGradient().toFloatArray();
            float[] both = new float[a.length + b.length];
            System.arraycopy(a, 0, both, 0, a.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }
    }

    private static NDArray param(NDManager manager, float[] v, long... shape) {
        NDArray a = manager.create(v, new Shape(shape));
        a.setRequiresGradient(true);
        return a;
    }

    private static MidlBlock.Builder tiny() {
        return MidlBlock.builder()
                .setUnits(N)
                .optActiveRatio((double) K / N)
                .optGateKind(GateKind.DENSE)
                .optLightPath(LightPath.DENSE)
                .optInputSize(D);
    }

    @Test
    void givenTemperatureHalf_whenMemoryIsReusedBeforeBackward_thenGateGradientIsUnchanged() {
        // Given a layer with tau = 0.5 (the gate logits are divided by a scalar)
        MidlConfig config = tiny().optTemperature(0.5).buildConfig();
        // When back-propagating once directly and once after freed buffers were reused
        float[] direct = gateGradient(config, false);
        float[] churned = gateGradient(config, true);
        // Then the gradients are bit-identical
        assertThat(churned).containsExactly(direct);
    }

    @Test
    void givenSoftTopK_whenMemoryIsReusedBeforeBackward_thenGateGradientIsUnchanged() {
        // Given SOFT_TOPK, whose relaxation divides by its own temperature
        MidlConfig config = tiny().optGradientMode(GradientMode.SOFT_TOPK).buildConfig();
        // When back-propagating once directly and once after freed buffers were reused
        float[] direct = gateGradient(config, false);
        float[] churned = gateGradient(config, true);
        // Then the gradients are bit-identical
        assertThat(churned).containsExactly(direct);
    }
}
