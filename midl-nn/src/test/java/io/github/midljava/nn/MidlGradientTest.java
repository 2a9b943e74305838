package io.github.midljava.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gradients of the tiny case of the issue (d = 4, n = 6, k = 2) against a reference written out by
 * hand in plain Java: loss L = sum(c * y) for a fixed random c, so dL/dy = c.
 */
class MidlGradientTest {

    private static final int D = 4;
    private static final int N = 6;
    private static final int K = 2;
    private static final int R = 2;
    private static final float TAU = 2f;

    private NDManager manager;
    private final Random random = new Random(42);

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private float[] randoms(int size, float scale) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) random.nextGaussian() * scale;
        }
        return v;
    }

    /** A tiny layer: dense gate, low-rank light path, all arrays recording gradients. */
    private final class Tiny {
        final float[] x;
        final float[] c;
        final float[] w1 = randoms(N * D, 0.5f);
        final float[] b1 = randoms(N, 0.1f);
        final float[] gw = randoms(N * D, 0.8f);
        final float[] gb = randoms(N, 0.1f);
        final float[] ld = randoms(R * D, 0.5f);
        final float[] lu = randoms(N * R, 0.5f);
        final float[] lb = randoms(N, 0.1f);
        final int batch;

        Tiny(int batch) {
            this.batch = batch;
            x = randoms(batch * D, 1f);
            c = randoms(batch * N, 1f);
        }

        MidlWeights arrays() {
            return new MidlWeights(
                    param(w1, N, D),
                    param(b1, N),
                    param(gw, N, D),
                    null,
                    null,
                    param(gb, N),
                    null,
                    param(ld, R, D),
                    param(lu, N, R),
                    param(lb, N));
        }

        MidlConfig config(GradientMode mode) {
            return MidlBlock.builder()
                    .setUnits(N)
                    .optActiveRatio((double) K / N)
                    .optGateKind(GateKind.DENSE)
                    .optLightPath(LightPath.LOW_RANK)
                    .optLightRank(R)
                    .optTemperature(TAU)
                    .optGradientMode(mode)
                    .optInputSize(D)
                    .buildConfig();
        }

        /** Runs forward + backward of L = sum(c * y); returns the weights with gradients. */
        MidlWeights backward(GradientMode mode) {
            MidlWeights w = arrays();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray xa = manager.create(x, new Shape(batch, D));
                MidlOutput out = MidlBlock.midl(xa, w, config(mode), K);
                gc.backward(out.output().mul(manager.create(c, new Shape(batch, N))).sum());
            }
            return w;
        }

        /** Plain-Java forward: returns {g, m, h1, h2} per [b * N + j]. */
        double[][] reference() {
            double[] g = new double[batch * N];
            double[] h1 = new double[batch * N];
            double[] h2 = new double[batch * N];
            double[] m = new double[batch * N];
            for (int b = 0; b < batch; b++) {
                double[] down = new double[R];
                for (int r = 0; r < R; r++) {
                    for (int i = 0; i < D; i++) {
                        down[r] += ld[r * D + i] * x[b * D + i];
                    }
                }
                for (int j = 0; j < N; j++) {
                    double z = gb[j];
                    double f = b1[j];
                    double l = lb[j];
                    for (int i = 0; i < D; i++) {
                        z += gw[j * D + i] * x[b * D + i];
                        f += w1[j * D + i] * x[b * D + i];
                    }
                    for (int r = 0; r < R; r++) {
                        l += lu[j * R + r] * down[r];
                    }
                    g[b * N + j] = 1 / (1 + Math.exp(-z / TAU));
                    h1[b * N + j] = f;
                    h2[b * N + j] = l;
                }
                // top-k by (value desc, index asc)
                for (int sel = 0; sel < K; sel++) {
                    int best = -1;
                    for (int j = 0; j < N; j++) {
                        if (m[b * N + j] == 0 && (best < 0 || g[b * N + j] > g[b * N + best])) {
                            best = j;
                        }
                    }
                    m[b * N + best] = 1;
                }
            }
            return new double[][] {g, m, h1, h2};
        }

        /** Reference dL/dG for the gate weight; {@code masked} multiplies dL/dg by m. */
        double[] gateWeightGradient(boolean masked) {
            double[][] ref = reference();
            double[] grad = new double[N * D];
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < N; j++) {
                    int bj = b * N + j;
                    double g = ref[0][bj];
                    double dg = c[bj] * (ref[2][bj] - ref[3][bj]) * (masked ? ref[1][bj] : 1);
                    double dz = dg * g * (1 - g) / TAU;
                    for (int i = 0; i < D; i++) {
                        grad[j * D + i] += dz * x[b * D + i];
                    }
                }
            }
            return grad;
        }

        /** Reference dL/dW1 = (c * m * g)^T x. */
        double[] fullWeightGradient() {
            double[][] ref = reference();
            double[] grad = new double[N * D];
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < N; j++) {
                    int bj = b * N + j;
                    double a = ref[1][bj] * ref[0][bj];
                    for (int i = 0; i < D; i++) {
                        grad[j * D + i] += c[bj] * a * x[b * D + i];
                    }
                }
            }
            return grad;
        }
    }

    private NDArray param(float[] v, long... shape) {
        NDArray a = manager.create(v, new Shape(shape));
        a.setRequiresGradient(true);
        return a;
    }

    private static void assertClose(float[] actual, double[] expected, double tol) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(tol));
        }
    }

    @Test
    void givenStraightThrough_whenBackward_thenGateGradientIsAsIfAEqualsG() {
        // Given the tiny layer on a batch of 3
        Tiny t = new Tiny(3);
        // When back-propagating L = sum(c * y) in STRAIGHT_THROUGH mode
        MidlWeights w = t.backward(GradientMode.STRAIGHT_THROUGH);
        // Then the gate gradient is the one of a = g (every unit, selected or not)
        assertClose(w.gateWeight().getGradient().toFloatArray(), t.gateWeightGradient(false), 1e-5);
        // and W1 learns only through the selected units, scaled by g
        assertClose(w.fullWeight().getGradient().toFloatArray(), t.fullWeightGradient(), 1e-5);
    }

    /**
     * The gate gradient of the ZERO light path (the default) under {@code mode}, with the loss
     * taken after a ReLU ({@code L = sum(c * relu(y))}, as in every model) or on y directly.
     */
    private float[] zeroLightGateGradient(Tiny t, GradientMode mode, boolean relu) {
        MidlWeights w =
                new MidlWeights(
                        param(t.w1, N, D),
                        param(t.b1, N),
                        param(t.gw, N, D),
                        null,
                        null,
                        param(t.gb, N),
                        null,
                        null,
                        null,
                        null);
        MidlConfig cfg =
                MidlBlock.builder()
                        .fromConfig(t.config(mode))
                        .optLightPath(LightPath.ZERO)
                        .buildConfig();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y =
                    MidlBlock.midl(manager.create(t.x, new Shape(t.batch, D)), w, cfg, K).output();
            // DJL's relu (torch.relu) passes no gradient at 0; y.maximum(0) would split it
            NDArray a = relu ? Activation.relu(y) : y;
            gc.backward(a.mul(manager.create(t.c, new Shape(t.batch, N))).sum());
        }
        return w.gateWeight().getGradient().toFloatArray();
    }

    @Test
    void givenZeroLightPathAndReluAfter_whenBackward_thenStraightThroughEqualsMasked() {
        // Given the tiny layer with the ZERO light path: an unselected unit outputs exactly 0
        Tiny t = new Tiny(3);
        // When the loss follows a ReLU, as in every model, the ReLU passes no gradient at 0:
        // the straight-through gate gradient of unselected units (dL/dy * h1) is zero as well
        assertThat(zeroLightGateGradient(t, GradientMode.STRAIGHT_THROUGH, true))
                .containsExactly(zeroLightGateGradient(t, GradientMode.MASKED, true));
        // while on y itself the two modes differ (the ReLU, not the light path, makes them equal)
        assertThat(zeroLightGateGradient(t, GradientMode.STRAIGHT_THROUGH, false))
                .isNotEqualTo(zeroLightGateGradient(t, GradientMode.MASKED, false));
    }

    @Test
    void givenBatchOfOne_whenBackward_thenUnselectedFullRowsGetExactlyZero() {
        // Given one sample
        Tiny t = new Tiny(1);
        double[] m = t.reference()[1];
        // When back-propagating in STRAIGHT_THROUGH mode
        float[] dW1 =
                t.backward(GradientMode.STRAIGHT_THROUGH).fullWeight().getGradient().toFloatArray();
        // Then the W1 rows of the n - k unselected units are exactly zero, the others not
        int zeroRows = 0;
        for (int j = 0; j < N; j++) {
            boolean allZero = true;
            for (int i = 0; i < D; i++) {
                allZero &= dW1[j * D + i] == 0f;
            }
            assertThat(allZero).as("row %d", j).isEqualTo(m[j] == 0);
            zeroRows += allZero ? 1 : 0;
        }
        assertThat(zeroRows).isEqualTo(N - K);
    }

    @Test
    void givenMasked_whenBackward_thenUnselectedGatesGetZeroGradient() {
        // Given one sample
        Tiny t = new Tiny(1);
        double[] m = t.reference()[1];
        // When back-propagating in MASKED mode
        float[] dG = t.backward(GradientMode.MASKED).gateWeight().getGradient().toFloatArray();
        // Then the gate rows of unselected units are zero, and all match the masked reference
        for (int j = 0; j < N; j++) {
            if (m[j] == 0) {
                for (int i = 0; i < D; i++) {
                    assertThat(dG[j * D + i]).isZero();
                }
            }
        }
        assertClose(dG, t.gateWeightGradient(true), 1e-5);
    }

    @Test
    void givenMasked_whenComparedWithFiniteDifferences_thenGateGradientMatches() {
        // Given the tiny layer (MASKED is the true gradient while the mask stays put)
        Tiny t = new Tiny(3);
        float[] dG = t.backward(GradientMode.MASKED).gateWeight().getGradient().toFloatArray();
        MidlConfig cfg = t.config(GradientMode.MASKED);
        float eps = 1e-2f;
        for (int idx : new int[] {0, 5, 13, 22}) {
            // When nudging one gate weight both ways (central difference)
            float saved = t.gw[idx];
            t.gw[idx] = saved + eps;
            double plus = loss(t, cfg);
            t.gw[idx] = saved - eps;
            double minus = loss(t, cfg);
            t.gw[idx] = saved;
            // Then the autograd gradient matches within float32 finite-difference error
            assertThat((double) dG[idx]).isCloseTo((plus - minus) / (2 * eps), within(2e-3));
        }
    }

    private double loss(Tiny t, MidlConfig cfg) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray xa = sub.create(t.x, new Shape(t.batch, D));
            MidlWeights w = t.arrays();
            NDArray y = MidlBlock.midl(xa, w, cfg, K).output();
            return y.mul(sub.create(t.c, new Shape(t.batch, N))).sum().getFloat();
        }
    }

    @Test
    void givenSoftTopK_whenBackward_thenForwardIsHardAndGateGradientIsNotZero() {
        // Given the tiny layer
        Tiny t = new Tiny(2);
        MidlWeights hard = t.arrays();
        MidlWeights soft = t.arrays();
        NDArray x = manager.create(t.x, new Shape(2, D));
        // When computing the forward in STRAIGHT_THROUGH and SOFT_TOPK modes
        float[] yHard =
                MidlBlock.midl(x, hard, t.config(GradientMode.STRAIGHT_THROUGH), K)
                        .output()
                        .toFloatArray();
        float[] ySoft =
                MidlBlock.midl(x, soft, t.config(GradientMode.SOFT_TOPK), K)
                        .output()
                        .toFloatArray();
        // Then the forward values agree (only the backward differs)
        assertThat(ySoft).containsExactly(yHard, org.assertj.core.data.Offset.offset(1e-6f));
        float[] dG = t.backward(GradientMode.SOFT_TOPK).gateWeight().getGradient().toFloatArray();
        double norm = 0;
        for (float v : dG) {
            norm += v * v;
        }
        assertThat(norm).isGreaterThan(0);
    }
}
