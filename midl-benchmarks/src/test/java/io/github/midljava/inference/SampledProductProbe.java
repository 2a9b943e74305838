package io.github.midljava.inference;

import java.util.*;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Diagnostic probe (not a test): the full-path product of one MID-L layer (W1 512 x 784, k = 230
 * random units per sample) for a batch, computed as the batched sparse kernel does it (per unit
 * over the samples that selected it, 4 or 8 samples per load of the row) and, for comparison, all
 * 512 units with the packed dense kernel. The second argument offsets every row: with {@code
 * -XX:G1HeapRegionSize=1m} the arrays are humongous and start on a region boundary, so offset 12
 * makes every 64-byte vector load aligned. {@code blocked16} walks the samples in blocks of 16
 * (their rows of x, 50 KB, stay near L1) and the units in blocks of 128 (their rows of W1 stay in
 * L2), each unit over the block's samples that selected it. Run: {@code java --add-modules
 * jdk.incubator.vector -cp <test-classes>:<midl-inference classes>
 * io.github.midljava.inference.SampledProductProbe 8 0}.
 */
public class SampledProductProbe {
    static final VectorSpecies<Float> S = Kernels.SPECIES;
    static final int L = Kernels.LANES;
    static float sink;

    static void dotRow8(
            float[] w, int wOff, int d, float[] x, int[] xs, int q, float[] out, int o) {
        int x0 = xs[q] * d,
                x1 = xs[q + 1] * d,
                x2 = xs[q + 2] * d,
                x3 = xs[q + 3] * d,
                x4 = xs[q + 4] * d,
                x5 = xs[q + 5] * d,
                x6 = xs[q + 6] * d,
                x7 = xs[q + 7] * d;
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
            FloatVector wv = FloatVector.fromArray(S, w, wOff + i);
            a0 = FloatVector.fromArray(S, x, x0 + i).fma(wv, a0);
            a1 = FloatVector.fromArray(S, x, x1 + i).fma(wv, a1);
            a2 = FloatVector.fromArray(S, x, x2 + i).fma(wv, a2);
            a3 = FloatVector.fromArray(S, x, x3 + i).fma(wv, a3);
            a4 = FloatVector.fromArray(S, x, x4 + i).fma(wv, a4);
            a5 = FloatVector.fromArray(S, x, x5 + i).fma(wv, a5);
            a6 = FloatVector.fromArray(S, x, x6 + i).fma(wv, a6);
            a7 = FloatVector.fromArray(S, x, x7 + i).fma(wv, a7);
        }
        out[o] = Kernels.sum(a0);
        out[o + 1] = Kernels.sum(a1);
        out[o + 2] = Kernels.sum(a2);
        out[o + 3] = Kernels.sum(a3);
        out[o + 4] = Kernels.sum(a4);
        out[o + 5] = Kernels.sum(a5);
        out[o + 6] = Kernels.sum(a6);
        out[o + 7] = Kernels.sum(a7);
    }

    static void row4nosum(
            float[] w, int wOff, int d, float[] x, int x0, int x1, int x2, int x3, float[] buf) {
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        int bound = S.loopBound(d);
        for (int i = 0; i < bound; i += L) {
            FloatVector wv = FloatVector.fromArray(S, w, wOff + i);
            a0 = FloatVector.fromArray(S, x, x0 + i).fma(wv, a0);
            a1 = FloatVector.fromArray(S, x, x1 + i).fma(wv, a1);
            a2 = FloatVector.fromArray(S, x, x2 + i).fma(wv, a2);
            a3 = FloatVector.fromArray(S, x, x3 + i).fma(wv, a3);
        }
        a0.intoArray(buf, 0);
        a1.intoArray(buf, L);
        a2.intoArray(buf, 2 * L);
        a3.intoArray(buf, 3 * L);
    }

    static final int BLOCK = 16;
    static final int UNIT_BLOCK = 128;

    static void blocked(
            float[] w,
            int d,
            int n,
            int off,
            float[] x,
            int blocks,
            int[][] blockStart,
            int[][] blockSamples,
            float[] out,
            float[] dots) {
        for (int u0 = 0; u0 < n; u0 += UNIT_BLOCK) {
            int u1 = Math.min(n, u0 + UNIT_BLOCK);
            for (int bl = 0; bl < blocks; bl++) {
                int[] start = blockStart[bl];
                int[] samples = blockSamples[bl];
                for (int j = u0; j < u1; j++) {
                    int q = start[j];
                    int end = start[j + 1];
                    int wOff = j * d + off;
                    for (; q + 4 <= end; q += 4) {
                        Kernels.dotRow4(
                                w,
                                wOff,
                                d,
                                x,
                                samples[q] * d + off,
                                samples[q + 1] * d + off,
                                samples[q + 2] * d + off,
                                samples[q + 3] * d + off,
                                dots,
                                0);
                        for (int e = 0; e < 4; e++) out[samples[q + e] * n + j] = dots[e];
                    }
                    for (; q < end; q++)
                        out[samples[q] * n + j] =
                                Kernels.dotRow(w, wOff, d, x, samples[q] * d + off);
                }
            }
        }
    }

    public static void main(String[] a) {
        int d = 784, n = 512, k = 230;
        int batch = Integer.parseInt(a[0]);
        int off = Integer.parseInt(a[1]);
        Random r = new Random(1);
        float[] w = new float[n * d + 64];
        float[] w0 = new float[n * d];
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
        float[] pk = Kernels.pack(w0, n, d);
        float[] x = new float[Math.max(batch * d + 64, 1 << 21)];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        // random selections
        int[] rowStart = new int[n + 1];
        int[] rowSamples = new int[batch * k];
        List<Integer> units = new ArrayList<>();
        for (int j = 0; j < n; j++) units.add(j);
        int[][] sel = new int[batch][];
        for (int b = 0; b < batch; b++) {
            Collections.shuffle(units, r);
            sel[b] = units.subList(0, k).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        for (int b = 0; b < batch; b++) for (int j : sel[b]) rowStart[j + 1]++;
        for (int j = 0; j < n; j++) rowStart[j + 1] += rowStart[j];
        int[] fill = rowStart.clone();
        for (int b = 0; b < batch; b++) for (int j : sel[b]) rowSamples[fill[j]++] = b;
        // Per block of BLOCK samples: the samples of the block that selected unit j.
        int blocks = (batch + BLOCK - 1) / BLOCK;
        int[][] blockStart = new int[blocks][n + 1];
        int[][] blockSamples = new int[blocks][];
        for (int bl = 0; bl < blocks; bl++) {
            int b0 = bl * BLOCK;
            int b1 = Math.min(batch, b0 + BLOCK);
            int[] start = blockStart[bl];
            for (int b = b0; b < b1; b++) for (int j : sel[b]) start[j + 1]++;
            for (int j = 0; j < n; j++) start[j + 1] += start[j];
            int[] at = start.clone();
            blockSamples[bl] = new int[(b1 - b0) * k];
            for (int b = b0; b < b1; b++) for (int j : sel[b]) blockSamples[bl][at[j]++] = b;
        }
        float[] out = new float[batch * n];
        float[] dots = new float[8];
        float[] vbuf = new float[4 * L];
        float[] tmp = new float[Kernels.MR * Kernels.NR];
        String[] names = {"row4", "row8", "densePacked", "row4nosum", "blocked16"};
        int reps = Math.max(100, 20000 / batch);
        long[][] t = new long[names.length][reps];
        for (int round = -reps; round < reps; round++) {
            for (int v0 = 0; v0 < names.length; v0++) {
                int v = (v0 + Math.floorMod(round, names.length)) % names.length;
                long t0 = System.nanoTime();
                if (v == 2) {
                    Kernels.gemmPacked(x, 0, batch, pk, w, d, n, 0, n, out, 0, tmp);
                } else if (v == 4) {
                    blocked(w, d, n, off, x, blocks, blockStart, blockSamples, out, dots);
                } else {
                    for (int j = 0; j < n; j++) {
                        int q = rowStart[j], end = rowStart[j + 1];
                        int wOff = j * d + off;
                        if (v == 3) {
                            for (; q + 4 <= end; q += 4) {
                                row4nosum(
                                        w,
                                        wOff,
                                        d,
                                        x,
                                        (rowSamples[q] * d + off),
                                        (rowSamples[q + 1] * d + off),
                                        (rowSamples[q + 2] * d + off),
                                        (rowSamples[q + 3] * d + off),
                                        vbuf);
                                for (int e = 0; e < 4; e++) {
                                    float s = 0;
                                    for (int l = 0; l < L; l++) s += vbuf[e * L + l];
                                    out[rowSamples[q + e] * n + j] = s;
                                }
                            }
                        }
                        if (v == 1) {
                            for (; q + 8 <= end; q += 8) {
                                dotRow8(w, wOff, d, x, rowSamples, q, dots, 0);
                                for (int e = 0; e < 8; e++)
                                    out[rowSamples[q + e] * n + j] = dots[e];
                            }
                        }
                        for (; q + 4 <= end; q += 4) {
                            Kernels.dotRow4(
                                    w,
                                    wOff,
                                    d,
                                    x,
                                    (rowSamples[q] * d + off),
                                    (rowSamples[q + 1] * d + off),
                                    (rowSamples[q + 2] * d + off),
                                    (rowSamples[q + 3] * d + off),
                                    dots,
                                    0);
                            for (int e = 0; e < 4; e++) out[rowSamples[q + e] * n + j] = dots[e];
                        }
                        for (; q < end; q++)
                            out[rowSamples[q] * n + j] =
                                    Kernels.dotRow(w, wOff, d, x, (rowSamples[q] * d + off));
                    }
                }
                long t1 = System.nanoTime();
                if (round >= 0) t[v][round] = t1 - t0;
                sink += out[5];
            }
        }
        for (int v = 0; v < names.length; v++) {
            Arrays.sort(t[v]);
            System.out.printf(
                    "batch %d %-12s median %8.1f us  min %8.1f us%n",
                    batch, names[v], t[v][reps / 2] / 1e3, t[v][0] / 1e3);
        }
    }
}
