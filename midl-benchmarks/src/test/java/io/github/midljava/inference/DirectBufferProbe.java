package io.github.midljava.inference;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Diagnostic probe (not a test): can 64-byte-aligned loads speed up the batched sparse kernel on
 * JDK 17? A Java float array's data starts 16 bytes after its header, so a 64-byte vector load of
 * it spans two cache lines; direct byte buffers can be aligned ({@code alignedSlice(64)}). The
 * kernel of the batched sparse path (one row of W1 against four samples, {@link Kernels#dotRow4})
 * is timed on arrays and on aligned (or, with a shift, misaligned) direct buffers, next to the
 * packed dense kernel for all 512 units, round-robin. Run: {@code java --add-modules
 * jdk.incubator.vector -cp <test-classes>:<midl-inference classes>
 * io.github.midljava.inference.DirectBufferProbe 64 0} (batch, byte shift of the buffers).
 */
public class DirectBufferProbe {
    private static final VectorSpecies<Float> S = Kernels.SPECIES;
    private static final int L = Kernels.LANES;
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();

    /** {@link Kernels#dotRow4} on byte buffers; offsets in bytes. */
    static void dotRow4(
            ByteBuffer w,
            int wOff,
            int d,
            ByteBuffer x,
            int x0,
            int x1,
            int x2,
            int x3,
            float[] out) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int bound = S.loopBound(d);
        for (int i = 0; i < bound; i += L) {
            int ib = i * Float.BYTES;
            FloatVector wv = FloatVector.fromByteBuffer(S, w, wOff + ib, NATIVE);
            a0 = FloatVector.fromByteBuffer(S, x, x0 + ib, NATIVE).fma(wv, a0);
            a1 = FloatVector.fromByteBuffer(S, x, x1 + ib, NATIVE).fma(wv, a1);
            a2 = FloatVector.fromByteBuffer(S, x, x2 + ib, NATIVE).fma(wv, a2);
            a3 = FloatVector.fromByteBuffer(S, x, x3 + ib, NATIVE).fma(wv, a3);
        }
        Kernels.sum4(a0, a1, a2, a3, out, 0);
    }

    private static ByteBuffer aligned(float[] data, int shift) {
        ByteBuffer b = ByteBuffer.allocateDirect(data.length * Float.BYTES + 128).alignedSlice(64);
        b = b.position(shift).slice().order(NATIVE);
        b.asFloatBuffer().put(data);
        return b;
    }

    public static void main(String[] args) {
        int d = 784;
        int n = 512;
        int k = 230;
        int batch = Integer.parseInt(args.length > 0 ? args[0] : "64");
        int shift = Integer.parseInt(args.length > 1 ? args[1] : "0");
        Random r = new Random(1);
        float[] w = new float[n * d];
        float[] x = new float[batch * d];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat();
        }
        ByteBuffer wb = aligned(w, shift);
        ByteBuffer xb = aligned(x, shift);
        float[] packed = Kernels.pack(w, n, d);
        // Random selections, inverted to per-unit sample lists as MidlLayer does.
        List<Integer> units = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            units.add(j);
        }
        int[] rowStart = new int[n + 1];
        int[][] sel = new int[batch][];
        for (int b = 0; b < batch; b++) {
            Collections.shuffle(units, r);
            sel[b] = units.subList(0, k).stream().mapToInt(Integer::intValue).toArray();
            for (int j : sel[b]) {
                rowStart[j + 1]++;
            }
        }
        for (int j = 0; j < n; j++) {
            rowStart[j + 1] += rowStart[j];
        }
        int[] fill = rowStart.clone();
        int[] rowSamples = new int[batch * k];
        for (int b = 0; b < batch; b++) {
            for (int j : sel[b]) {
                rowSamples[fill[j]++] = b;
            }
        }
        float[] out = new float[batch * n];
        float[] dots = new float[4];
        float[] tile = new float[Kernels.MR * Kernels.NR];
        String[] names = {"sparse, arrays", "sparse, direct buffers", "dense, packed arrays"};
        int reps = Math.max(100, 20000 / batch);
        long[][] t = new long[names.length][reps];
        float sink = 0;
        for (int round = -reps; round < reps; round++) {
            for (int v0 = 0; v0 < names.length; v0++) {
                int v = (v0 + Math.floorMod(round, names.length)) % names.length;
                long t0 = System.nanoTime();
                if (v == 2) {
                    Kernels.gemmPacked(x, 0, batch, packed, w, d, n, 0, n, out, 0, tile);
                } else {
                    for (int j = 0; j < n; j++) {
                        int q = rowStart[j];
                        int end = rowStart[j + 1];
                        for (; q + 4 <= end; q += 4) {
                            int s0 = rowSamples[q];
                            int s1 = rowSamples[q + 1];
                            int s2 = rowSamples[q + 2];
                            int s3 = rowSamples[q + 3];
                            if (v == 0) {
                                Kernels.dotRow4(
                                        w, j * d, d, x, s0 * d, s1 * d, s2 * d, s3 * d, dots, 0);
                            } else {
                                int row = d * Float.BYTES;
                                dotRow4(
                                        wb, j * row, d, xb, s0 * row, s1 * row, s2 * row, s3 * row,
                                        dots);
                            }
                            for (int e = 0; e < 4; e++) {
                                out[rowSamples[q + e] * n + j] = dots[e];
                            }
                        }
                        for (; q < end; q++) {
                            out[rowSamples[q] * n + j] =
                                    Kernels.dotRow(w, j * d, d, x, rowSamples[q] * d);
                        }
                    }
                }
                if (round >= 0) {
                    t[v][round] = System.nanoTime() - t0;
                }
                sink += out[7];
            }
        }
        for (int v = 0; v < names.length; v++) {
            Arrays.sort(t[v]);
            System.out.printf(
                    "batch %d shift %d  %-24s median %8.1f us  min %8.1f us%s%n",
                    batch,
                    shift,
                    names[v],
                    t[v][reps / 2] / 1e3,
                    t[v][0] / 1e3,
                    sink == 12345f ? " " : "");
        }
    }
}
