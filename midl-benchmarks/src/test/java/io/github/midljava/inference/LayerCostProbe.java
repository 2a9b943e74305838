package io.github.midljava.inference;

import java.util.Arrays;
import java.util.Random;

/**
 * Diagnostic probe (not a test): what one MID-L layer of the benchmark (n = 512, k = 230, gate and
 * light rank 16) spends per step, timed step by step with the kernels {@link MidlLayer} calls, next
 * to the dense layer of the same shape. It prices MID-L's fixed costs (projections, gate, top-k,
 * light path, blend) against the full path they are meant to save. Weights rotate over three copies
 * so that, as in the network, they come from L3. Run: {@code java --add-modules
 * jdk.incubator.vector -cp <test-classes>:<midl-inference classes>
 * io.github.midljava.inference.LayerCostProbe 784 64} (input width, batch; batch 1 times the
 * single-sample route).
 */
public class LayerCostProbe {
    private static final int N = 512;
    private static final int K = 230;
    private static final int RANK = 16;
    private static final int COPIES = 3;

    private interface Step {
        void run(int copy);
    }

    public static void main(String[] args) {
        int d = Integer.parseInt(args.length > 0 ? args[0] : "784");
        int batch = Integer.parseInt(args.length > 1 ? args[1] : "1");
        Random r = new Random(1);
        float[][] w = new float[COPIES][];
        float[][] packed = new float[COPIES][];
        float[][] proj = new float[COPIES][];
        float[][] projPacked = new float[COPIES][];
        float[][] gateUpT = new float[COPIES][];
        float[][] lightUpT = new float[COPIES][];
        float[][] gateUpPacked = new float[COPIES][];
        float[][] lightUpPacked = new float[COPIES][];
        for (int c = 0; c < COPIES; c++) {
            w[c] = gaussian(r, N * d);
            packed[c] = Kernels.pack(w[c], N, d);
            proj[c] = gaussian(r, 2 * RANK * d);
            projPacked[c] = Kernels.pack(proj[c], 2 * RANK, d);
            gateUpT[c] = gaussian(r, RANK * N);
            lightUpT[c] = gaussian(r, RANK * N);
            gateUpPacked[c] = Kernels.pack(gaussian(r, N * RANK), N, RANK);
            lightUpPacked[c] = Kernels.pack(gaussian(r, N * RANK), N, RANK);
        }
        float[] bias = gaussian(r, N);
        float[] x = gaussian(r, batch * d);
        float[] s = new float[batch * 2 * RANK];
        float[] g = new float[batch * N];
        float[] h1 = new float[batch * N];
        float[] out = new float[batch * N];
        float[] mask = new float[batch * N];
        float[] tile = new float[Kernels.MR * Kernels.NR];
        float[] cand = new float[TopK.CANDIDATES];
        int[] sel = new int[batch * K + TopK.SEL_SLACK];
        int[] ties = new int[K];
        String[] names;
        Step[] steps;
        if (batch == 1) {
            names =
                    new String[] {
                        "project (32 rows)",
                        "gate up + sigmoid",
                        "top-k",
                        "light up",
                        "230 rows of W1",
                        "blend + relu",
                        "dense: 512 rows of W1"
                    };
            steps =
                    new Step[] {
                        c -> Kernels.dotRowRange(proj[c], d, 0, 2 * RANK, x, 0, s, 0),
                        c -> {
                            Kernels.upProject(s, 0, RANK, gateUpT[c], N, null, g, 0);
                            Kernels.biasSigmoid(g, 0, N, bias, 1f);
                        },
                        c -> TopK.select(g, 0, N, K, sel, 0, cand, ties),
                        c -> Kernels.upProject(s, RANK, RANK, lightUpT[c], N, bias, out, 0),
                        c -> Kernels.dotRows(w[c], d, sel, 0, K, x, 0, h1, 0),
                        c -> {
                            for (int t = 0; t < K; t++) {
                                int j = sel[t];
                                float a = g[j];
                                out[j] = a * (h1[t] + bias[j]) + (1f - a) * out[j];
                            }
                            Kernels.relu(out, 0, N);
                        },
                        c -> Kernels.dotAllRows(w[c], d, N, x, 0, h1, 0)
                    };
        } else {
            names =
                    new String[] {
                        "project (32 rows)",
                        "gate up",
                        "sigmoid",
                        "top-k + mask",
                        "light up + bias",
                        "W1, all 512 units",
                        "bias + blend + relu",
                        "dense: W1 + bias + relu"
                    };
            steps =
                    new Step[] {
                        c ->
                                Kernels.gemmPacked(
                                        x,
                                        0,
                                        batch,
                                        projPacked[c],
                                        proj[c],
                                        d,
                                        2 * RANK,
                                        0,
                                        2 * RANK,
                                        s,
                                        0,
                                        tile),
                        c ->
                                Kernels.gemmPacked(
                                        s,
                                        0,
                                        2 * RANK,
                                        batch,
                                        gateUpPacked[c],
                                        RANK,
                                        N,
                                        0,
                                        N,
                                        g,
                                        0,
                                        tile,
                                        Kernels.TILE_ROWS),
                        c -> {
                            for (int b = 0; b < batch; b++) {
                                Kernels.biasSigmoid(g, b * N, N, bias, 1f);
                            }
                        },
                        c -> {
                            for (int b = 0; b < batch; b++) {
                                TopK.select(g, b * N, N, K, sel, b * K, cand, ties);
                                Arrays.fill(mask, b * N, (b + 1) * N, 0f);
                                for (int t = 0; t < K; t++) {
                                    mask[b * N + sel[b * K + t]] = 1f;
                                }
                            }
                        },
                        c -> {
                            Kernels.gemmPacked(
                                    s,
                                    RANK,
                                    2 * RANK,
                                    batch,
                                    lightUpPacked[c],
                                    RANK,
                                    N,
                                    0,
                                    N,
                                    out,
                                    0,
                                    tile,
                                    Kernels.TILE_ROWS);
                            for (int b = 0; b < batch; b++) {
                                Kernels.addBias(out, b * N, N, bias, false);
                            }
                        },
                        c ->
                                Kernels.gemmPacked(
                                        x, 0, batch, packed[c], w[c], d, N, 0, N, h1, 0, tile),
                        c -> {
                            for (int b = 0; b < batch; b++) {
                                int o = b * N;
                                Kernels.addBias(h1, o, N, bias, 0, false);
                                Kernels.blendAll(mask, o, g, o, h1, o, out, o, N);
                                Kernels.relu(out, o, N);
                            }
                        },
                        c -> {
                            Kernels.gemmPacked(
                                    x, 0, batch, packed[c], w[c], d, N, 0, N, h1, 0, tile);
                            for (int b = 0; b < batch; b++) {
                                Kernels.addBias(h1, b * N, N, bias, true);
                            }
                        }
                    };
        }
        int reps = Math.max(300, 20000 / batch);
        long[][] t = new long[steps.length][reps];
        float sink = 0;
        for (int round = -reps; round < reps; round++) {
            int copy = Math.floorMod(round, COPIES);
            for (int v = 0; v < steps.length; v++) {
                long t0 = System.nanoTime();
                steps[v].run(copy);
                long t1 = System.nanoTime();
                if (round >= 0) {
                    t[v][round] = t1 - t0;
                }
            }
            sink += out[1] + h1[2];
        }
        double midl = 0;
        double fixed = 0;
        for (int v = 0; v < steps.length; v++) {
            Arrays.sort(t[v]);
            double median = t[v][reps / 2] / 1e3;
            boolean dense = v == steps.length - 1;
            boolean fullPath = v == (batch == 1 ? 4 : 5);
            if (!dense) {
                midl += median;
                fixed += fullPath ? 0 : median;
            }
            System.out.printf(
                    "d %d batch %d  %-24s median %8.2f us  min %8.2f us%n",
                    d, batch, names[v], median, t[v][0] / 1e3);
        }
        double dense = t[steps.length - 1][reps / 2] / 1e3;
        System.out.printf(
                "MID-L layer %.2f us (fixed costs %.2f us = %.0f%% of the dense layer's %.2f us)%s%n",
                midl, fixed, 100 * fixed / dense, dense, sink == 12345f ? " " : "");
    }

    private static float[] gaussian(Random r, int length) {
        float[] f = new float[length];
        for (int i = 0; i < length; i++) {
            f[i] = (float) r.nextGaussian() * 0.1f;
        }
        return f;
    }
}
