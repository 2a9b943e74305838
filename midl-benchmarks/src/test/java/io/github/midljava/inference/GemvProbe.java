package io.github.midljava.inference;

import java.util.*;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Diagnostic probe (not a test): one 512 x d GEMV (three copies of W rotated, so W comes from L3)
 * with the row kernel of {@link Kernels}, the packed panel kernel and variants, interleaved call by
 * call; prints medians and minima. {@code dot4nored} skips the lane reductions, to price them. Run:
 * {@code java --add-modules jdk.incubator.vector -cp <test-classes>:<midl-inference classes>
 * io.github.midljava.inference.GemvProbe 784}.
 */
public class GemvProbe {
    static final VectorSpecies<Float> S = Kernels.SPECIES;
    static final int L = Kernels.LANES;
    static float sink;

    // 8 rows, one x load per 8 FMAs
    static void dot8All(float[] w, int d, int n, float[] x, float[] out) {
        for (int j = 0; j < n; j += 8) {
            int o0 = j * d;
            FloatVector a0 = FloatVector.zero(S),
                    a1 = a0,
                    a2 = a0,
                    a3 = a0,
                    a4 = a0,
                    a5 = a0,
                    a6 = a0,
                    a7 = a0;
            int bound = S.loopBound(d);
            for (int i = 0; i < bound; i += L) {
                FloatVector xv = FloatVector.fromArray(S, x, i);
                a0 = FloatVector.fromArray(S, w, o0 + i).fma(xv, a0);
                a1 = FloatVector.fromArray(S, w, o0 + d + i).fma(xv, a1);
                a2 = FloatVector.fromArray(S, w, o0 + 2 * d + i).fma(xv, a2);
                a3 = FloatVector.fromArray(S, w, o0 + 3 * d + i).fma(xv, a3);
                a4 = FloatVector.fromArray(S, w, o0 + 4 * d + i).fma(xv, a4);
                a5 = FloatVector.fromArray(S, w, o0 + 5 * d + i).fma(xv, a5);
                a6 = FloatVector.fromArray(S, w, o0 + 6 * d + i).fma(xv, a6);
                a7 = FloatVector.fromArray(S, w, o0 + 7 * d + i).fma(xv, a7);
            }
            out[j] = Kernels.sum(a0);
            out[j + 1] = Kernels.sum(a1);
            out[j + 2] = Kernels.sum(a2);
            out[j + 3] = Kernels.sum(a3);
            out[j + 4] = Kernels.sum(a4);
            out[j + 5] = Kernels.sum(a5);
            out[j + 6] = Kernels.sum(a6);
            out[j + 7] = Kernels.sum(a7);
        }
    }

    // 1 row, 4 accumulators over consecutive vectors: one stream
    static void row4acc(float[] w, int d, int n, float[] x, float[] out) {
        for (int j = 0; j < n; j++) {
            int o = j * d;
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            int i = 0;
            for (; i + 4 * L <= d; i += 4 * L) {
                a0 = FloatVector.fromArray(S, w, o + i).fma(FloatVector.fromArray(S, x, i), a0);
                a1 =
                        FloatVector.fromArray(S, w, o + i + L)
                                .fma(FloatVector.fromArray(S, x, i + L), a1);
                a2 =
                        FloatVector.fromArray(S, w, o + i + 2 * L)
                                .fma(FloatVector.fromArray(S, x, i + 2 * L), a2);
                a3 =
                        FloatVector.fromArray(S, w, o + i + 3 * L)
                                .fma(FloatVector.fromArray(S, x, i + 3 * L), a3);
            }
            for (; i + L <= d; i += L) {
                a0 = FloatVector.fromArray(S, w, o + i).fma(FloatVector.fromArray(S, x, i), a0);
            }
            out[j] = Kernels.sum(a0.add(a1).add(a2.add(a3)));
        }
    }

    // 2 rows x 2 accumulators each
    static void dot2x2(float[] w, int d, int n, float[] x, float[] out) {
        for (int j = 0; j < n; j += 2) {
            int o0 = j * d, o1 = o0 + d;
            FloatVector a0 = FloatVector.zero(S), a1 = a0, b0 = a0, b1 = a0;
            int i = 0;
            for (; i + 2 * L <= d; i += 2 * L) {
                FloatVector x0 = FloatVector.fromArray(S, x, i);
                FloatVector x1 = FloatVector.fromArray(S, x, i + L);
                a0 = FloatVector.fromArray(S, w, o0 + i).fma(x0, a0);
                a1 = FloatVector.fromArray(S, w, o0 + i + L).fma(x1, a1);
                b0 = FloatVector.fromArray(S, w, o1 + i).fma(x0, b0);
                b1 = FloatVector.fromArray(S, w, o1 + i + L).fma(x1, b1);
            }
            for (; i + L <= d; i += L) {
                FloatVector x0 = FloatVector.fromArray(S, x, i);
                a0 = FloatVector.fromArray(S, w, o0 + i).fma(x0, a0);
                b0 = FloatVector.fromArray(S, w, o1 + i).fma(x0, b0);
            }
            out[j] = Kernels.sum(a0.add(a1));
            out[j + 1] = Kernels.sum(b0.add(b1));
        }
    }

    // packed panel, 1 sample, 2 panels at once (4 accumulators)
    static void packed1x2(float[] p, int d, int n, float[] x, float[] out) {
        int NR = Kernels.NR;
        int panels = n / NR;
        for (int q = 0; q < panels; q += 2) {
            int w0 = q * d * NR, w1 = w0 + d * NR;
            FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
            for (int i = 0; i < d; i++, w0 += NR, w1 += NR) {
                FloatVector u = FloatVector.broadcast(S, x[i]);
                c0 = FloatVector.fromArray(S, p, w0).fma(u, c0);
                c1 = FloatVector.fromArray(S, p, w0 + L).fma(u, c1);
                c2 = FloatVector.fromArray(S, p, w1).fma(u, c2);
                c3 = FloatVector.fromArray(S, p, w1 + L).fma(u, c3);
            }
            int o = q * NR;
            c0.intoArray(out, o);
            c1.intoArray(out, o + L);
            c2.intoArray(out, o + NR);
            c3.intoArray(out, o + NR + L);
        }
    }

    static int MODE = 0;

    static void dot4x(float[] w, int d, int n, float[] x, float[] out) {
        for (int j = 0; j < n; j += 4) {
            int o0 = j * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            int bound = S.loopBound(d);
            for (int i = 0; i < bound; i += L) {
                FloatVector xv = FloatVector.fromArray(S, x, i);
                a0 = FloatVector.fromArray(S, w, o0 + i).fma(xv, a0);
                a1 = FloatVector.fromArray(S, w, o1 + i).fma(xv, a1);
                a2 = FloatVector.fromArray(S, w, o2 + i).fma(xv, a2);
                a3 = FloatVector.fromArray(S, w, o3 + i).fma(xv, a3);
            }
            if (MODE == 0) {
                out[j] = a0.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
                out[j + 1] = a1.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
                out[j + 2] = a2.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
                out[j + 3] = a3.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
            } else {
                out[j] = a0.lane(0);
                out[j + 1] = a1.lane(0);
                out[j + 2] = a2.lane(0);
                out[j + 3] = a3.lane(0);
            }
        }
    }

    public static void main(String[] a) {
        int d = Integer.parseInt(a.length > 0 ? a[0] : "784"), n = 512;
        int copies = 3; // rotate 3 matrices so W (1.6MB each) is not in L2
        float[][] w = new float[copies][n * d];
        float[][] pk = new float[copies][];
        Random r = new Random(1);
        for (float[] m : w) for (int i = 0; i < m.length; i++) m[i] = (float) r.nextGaussian();
        for (int c = 0; c < copies; c++) pk[c] = Kernels.pack(w[c], n, d);
        float[] x = new float[d];
        for (int i = 0; i < d; i++) x[i] = (float) r.nextGaussian();
        float[] out = new float[n];
        float[] tmp = new float[Kernels.MR * Kernels.NR];
        String[] names = {
            "dot4", "packed", "dot8", "row4acc", "dot2x2", "packed1x2", "dot4reduce", "dot4nored"
        };
        long[][] t = new long[names.length][];
        int reps = 3000;
        for (int v = 0; v < names.length; v++) t[v] = new long[reps];
        for (int round = -2000; round < reps; round++) {
            for (int v0 = 0; v0 < names.length; v0++) {
                int v = (v0 + Math.floorMod(round, names.length)) % names.length;
                int c = Math.floorMod(round * 7 + v, copies);
                long t0 = System.nanoTime();
                switch (v) {
                    case 0 -> Kernels.dotRowRange(w[c], d, 0, n, x, 0, out, 0);
                    case 1 -> Kernels.gemmPacked(x, 0, 1, pk[c], w[c], d, n, 0, n, out, 0, tmp);
                    case 2 -> dot8All(w[c], d, n, x, out);
                    case 3 -> row4acc(w[c], d, n, x, out);
                    case 4 -> dot2x2(w[c], d, n, x, out);
                    case 5 -> packed1x2(pk[c], d, n, x, out);
                    case 6 -> {
                        MODE = 0;
                        dot4x(w[c], d, n, x, out);
                    }
                    case 7 -> {
                        MODE = 1;
                        dot4x(w[c], d, n, x, out);
                    }
                }
                long t1 = System.nanoTime();
                if (round >= 0) t[v][round] = t1 - t0;
                sink += out[3];
            }
        }
        for (int v = 0; v < names.length; v++) {
            Arrays.sort(t[v]);
            System.out.printf(
                    "%-10s median %7.1f us  min %7.1f us  GB/s(median) %.1f%n",
                    names[v], t[v][reps / 2] / 1e3, t[v][0] / 1e3, 4.0 * n * d / (t[v][reps / 2]));
        }
    }
}
