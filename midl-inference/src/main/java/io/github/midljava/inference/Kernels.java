package io.github.midljava.inference;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float kernels on row-major arrays, vectorised with the Vector API (FMA). Each has a plain scalar
 * twin in the tests. Offsets and strides are in floats; nothing here allocates.
 */
final class Kernels {
    /** The platform's preferred vector, at most 16 floats (the lane trees below stop there). */
    static final VectorSpecies<Float> SPECIES =
            FloatVector.SPECIES_PREFERRED.length() > 16
                    ? FloatVector.SPECIES_512
                    : FloatVector.SPECIES_PREFERRED;

    static final int LANES = SPECIES.length();

    /** Columns per packed panel of {@link #pack}: two vectors, so a 4 x NR tile is 8 registers. */
    static final int NR = 2 * LANES;

    /** Most samples per micro-tile of the batched kernels (scratch tiles are MR x NR). */
    static final int MR = 6;

    // Shuffles of the lane trees (sum, min, max): lane i takes lane i XOR step. Separate constants
    // and an unrolled tree, not a loop over an array: a vector carried around a loop of unknown
    // trip count is boxed by C2 on JDK 17 (JFR showed the fallback path).
    private static final VectorShuffle<Float> XOR8 = xor(8);
    private static final VectorShuffle<Float> XOR4 = xor(4);
    private static final VectorShuffle<Float> XOR2 = xor(2);
    private static final VectorShuffle<Float> XOR1 = xor(1);

    // Lane masks of sum4: lanes whose index has bit `step` set.
    private static final VectorMask<Float> HALF = bitMask(LANES / 2);
    private static final VectorMask<Float> QUARTER = bitMask(LANES / 4);
    private static final VectorShuffle<Float> XOR_HALF = xor(Math.max(1, LANES / 2));
    private static final VectorShuffle<Float> XOR_QUARTER = xor(Math.max(1, LANES / 4));

    private Kernels() {}

    private static VectorMask<Float> bitMask(int step) {
        long bits = 0;
        for (int i = 0; i < LANES; i++) {
            if (step > 0 && (i & step) != 0) {
                bits |= 1L << i;
            }
        }
        return VectorMask.fromLong(SPECIES, bits);
    }

    private static VectorShuffle<Float> xor(int step) {
        return VectorShuffle.fromOp(SPECIES, i -> step < LANES ? i ^ step : i);
    }

    /**
     * The sum of the lanes of {@code v} by a fixed pairwise tree. Not {@code reduceLanes(ADD)}: its
     * order is unspecified and differs between the interpreter and compiled code, so the same call
     * could round differently before and after JIT compilation (and flip a near-tie in the top-k).
     * Lane-wise adds of shuffled vectors round the same everywhere.
     */
    static float sum(FloatVector v) {
        if (LANES > 8) {
            v = v.add(v.rearrange(XOR8));
        }
        if (LANES > 4) {
            v = v.add(v.rearrange(XOR4));
        }
        if (LANES > 2) {
            v = v.add(v.rearrange(XOR2));
        }
        if (LANES > 1) {
            v = v.add(v.rearrange(XOR1));
        }
        return v.lane(0);
    }

    /**
     * Writes {@code sum(a0) .. sum(a3)} to {@code out[off .. off + 4)}, bitwise equal to four calls
     * of {@link #sum} (every lane meets the same partners in the same order) but with 5 lane
     * shuffles instead of 16: the first two levels of the four trees share vectors, lanes of two
     * accumulators blended into one. The reductions were a fifth of a 512 x 784 GEMV's time on an
     * AMD EPYC (JDK 17 compiles each shuffle with its index check).
     */
    static void sum4(
            FloatVector a0, FloatVector a1, FloatVector a2, FloatVector a3, float[] out, int off) {
        if (LANES < 4) {
            out[off] = sum(a0);
            out[off + 1] = sum(a1);
            out[off + 2] = sum(a2);
            out[off + 3] = sum(a3);
            return;
        }
        // Level 1: a0 in the low half of u01 and a1 in the high half, each half summed with the
        // other half of the same accumulator.
        FloatVector u01 = a0.blend(a1, HALF).add(a1.blend(a0, HALF).rearrange(XOR_HALF));
        FloatVector u23 = a2.blend(a3, HALF).add(a3.blend(a2, HALF).rearrange(XOR_HALF));
        // Level 2: quarters; a0, a2, a1, a3 now own one quarter each, in that order.
        FloatVector v = u01.blend(u23, QUARTER).add(u23.blend(u01, QUARTER).rearrange(XOR_QUARTER));
        if (LANES > 8) {
            v = v.add(v.rearrange(XOR2));
        }
        if (LANES > 4) {
            v = v.add(v.rearrange(XOR1));
        }
        out[off] = v.lane(0);
        out[off + 1] = v.lane(LANES / 2);
        out[off + 2] = v.lane(LANES / 4);
        out[off + 3] = v.lane(3 * LANES / 4);
    }

    /**
     * {@code out[outOff + t] = dot(w[rows[rowsOff + t]], x[xOff .. xOff + d))} for {@code t <
     * count}: the gathered GEMV of the sparse full path. Rows of {@code w} ([*, d]) are contiguous,
     * so a gather costs little over a dense GEMV; four rows share each load of x. (Six rows at a
     * time were faster on the gathered GEMV alone but slower inside the MNIST network, 80-83 vs
     * 76-77 µs at batch 1 on one thread, so four it is.) The arithmetic per row is the same as in
     * {@link #dotRowRange}.
     */
    static void dotRows(
            float[] w,
            int d,
            int[] rows,
            int rowsOff,
            int count,
            float[] x,
            int xOff,
            float[] out,
            int outOff) {
        int t = 0;
        for (; t + 4 <= count; t += 4) {
            dot4(
                    w,
                    rows[rowsOff + t] * d,
                    rows[rowsOff + t + 1] * d,
                    rows[rowsOff + t + 2] * d,
                    rows[rowsOff + t + 3] * d,
                    d,
                    x,
                    xOff,
                    out,
                    outOff + t);
        }
        for (; t < count; t++) {
            out[outOff + t] = dot(w, rows[rowsOff + t] * d, x, xOff, d);
        }
    }

    /**
     * {@code out[outOff + j] = dot(w[j], x[xOff ..])} for all {@code n} rows of {@code w} ([n, d]).
     * Same arithmetic, row by row, as {@link #dotRows}, so sparse and dense compute agree bitwise.
     */
    static void dotAllRows(float[] w, int d, int n, float[] x, int xOff, float[] out, int outOff) {
        dotRowRange(w, d, 0, n, x, xOff, out, outOff);
    }

    /**
     * {@link #dotAllRows} restricted to rows {@code [from, to)}, written at {@code out[outOff +
     * j]}.
     */
    static void dotRowRange(
            float[] w, int d, int from, int to, float[] x, int xOff, float[] out, int outOff) {
        int j = from;
        for (; j + 4 <= to; j += 4) {
            dot4(w, j * d, (j + 1) * d, (j + 2) * d, (j + 3) * d, d, x, xOff, out, outOff + j);
        }
        for (; j < to; j++) {
            out[outOff + j] = dot(w, j * d, x, xOff, d);
        }
    }

    private static void dot4(
            float[] w,
            int o0,
            int o1,
            int o2,
            int o3,
            int d,
            float[] x,
            int xOff,
            float[] out,
            int outOff) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = FloatVector.zero(SPECIES);
        FloatVector a2 = FloatVector.zero(SPECIES);
        FloatVector a3 = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(d);
        int i = 0;
        for (; i < bound; i += LANES) {
            FloatVector xv = FloatVector.fromArray(SPECIES, x, xOff + i);
            a0 = FloatVector.fromArray(SPECIES, w, o0 + i).fma(xv, a0);
            a1 = FloatVector.fromArray(SPECIES, w, o1 + i).fma(xv, a1);
            a2 = FloatVector.fromArray(SPECIES, w, o2 + i).fma(xv, a2);
            a3 = FloatVector.fromArray(SPECIES, w, o3 + i).fma(xv, a3);
        }
        sum4(a0, a1, a2, a3, out, outOff);
        for (; i < d; i++) {
            float xi = x[xOff + i];
            out[outOff] += w[o0 + i] * xi;
            out[outOff + 1] += w[o1 + i] * xi;
            out[outOff + 2] += w[o2 + i] * xi;
            out[outOff + 3] += w[o3 + i] * xi;
        }
    }

    /** Same arithmetic per row as {@link #dot4}, for the leftover rows. */
    private static float dot(float[] w, int wOff, float[] x, int xOff, int d) {
        FloatVector a = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(d);
        int i = 0;
        for (; i < bound; i += LANES) {
            a =
                    FloatVector.fromArray(SPECIES, w, wOff + i)
                            .fma(FloatVector.fromArray(SPECIES, x, xOff + i), a);
        }
        float s = sum(a);
        for (; i < d; i++) {
            s += w[wOff + i] * x[xOff + i];
        }
        return s;
    }

    /**
     * {@code out4[s] = dot(w[wOff ..], x[xs ..])} for the four sample offsets {@code x0..x3}: one
     * weight row against four samples, so each load of the row serves four FMAs (the sparse path at
     * batch > 1, where samples share selected rows).
     */
    static void dotRow4(
            float[] w,
            int wOff,
            int d,
            float[] x,
            int x0,
            int x1,
            int x2,
            int x3,
            float[] out4,
            int o) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int bound = SPECIES.loopBound(d);
        int i = 0;
        for (; i < bound; i += LANES) {
            FloatVector wv = FloatVector.fromArray(SPECIES, w, wOff + i);
            a0 = FloatVector.fromArray(SPECIES, x, x0 + i).fma(wv, a0);
            a1 = FloatVector.fromArray(SPECIES, x, x1 + i).fma(wv, a1);
            a2 = FloatVector.fromArray(SPECIES, x, x2 + i).fma(wv, a2);
            a3 = FloatVector.fromArray(SPECIES, x, x3 + i).fma(wv, a3);
        }
        sum4(a0, a1, a2, a3, out4, o);
        for (; i < d; i++) {
            float wi = w[wOff + i];
            out4[o] += wi * x[x0 + i];
            out4[o + 1] += wi * x[x1 + i];
            out4[o + 2] += wi * x[x2 + i];
            out4[o + 3] += wi * x[x3 + i];
        }
    }

    /**
     * {@code dot(w[wOff ..], x[xOff ..])} over d, same arithmetic as one lane of {@link #dotRow4}.
     */
    static float dotRow(float[] w, int wOff, int d, float[] x, int xOff) {
        return dot(w, wOff, x, xOff, d);
    }

    /**
     * Packs {@code w} ([n, d], row-major) into column panels of {@link #NR} outputs: {@code
     * packed[(p * d + i) * NR + c] = w[p * NR + c, i]}, zero past {@code n}. The panel of a tile is
     * then read sequentially, one vector pair per input index.
     */
    static float[] pack(float[] w, int n, int d) {
        int panels = (n + NR - 1) / NR;
        float[] packed = new float[panels * d * NR];
        for (int j = 0; j < n; j++) {
            int p = j / NR;
            int c = j % NR;
            for (int i = 0; i < d; i++) {
                packed[(p * d + i) * NR + c] = w[j * d + i];
            }
        }
        return packed;
    }

    /**
     * Batched {@code out[b, j] = dot(x[b], w[j])} from panels made by {@link #pack}: broadcast
     * form, a tile of 4 samples x {@link #NR} outputs keeps 8 accumulators and needs no horizontal
     * reduction. Only output columns {@code [from, to)} are computed; {@code from} must be a
     * multiple of {@link #NR}. {@code tmp} holds at least {@code MR * NR} floats.
     */
    static void gemmPacked(
            float[] x,
            int xOff,
            int batch,
            float[] packed,
            float[] w,
            int d,
            int n,
            int from,
            int to,
            float[] out,
            int outOff,
            float[] tmp) {
        gemmPacked(x, xOff, d, batch, packed, d, n, from, to, out, outOff, tmp, TILE_ROWS);
    }

    /**
     * Samples per tile of {@link #gemmPacked}: 6 x 2 vectors = 12 accumulators (or 4 x 2). A
     * constant, not a JVM-wide system property: tuning belongs to the code, not to whoever starts
     * the JVM.
     */
    static final int TILE_ROWS = 6;

    /** Samples per cache block of {@link #gemmPacked}: their x rows stay in L2 across panels. */
    private static final int SAMPLE_BLOCK = 192;

    static void gemmPacked(
            float[] x,
            int xOff,
            int xs,
            int batch,
            float[] packed,
            int d,
            int n,
            int from,
            int to,
            float[] out,
            int outOff,
            float[] tmp,
            int tileRows) {
        int panelEnd = (to + NR - 1) / NR;
        for (int s0 = 0; s0 < batch; s0 += SAMPLE_BLOCK) {
            int rows = Math.min(batch, s0 + SAMPLE_BLOCK) - s0;
            // 6-sample tiles, then 4-sample tiles, then one tile of 1-3; trade a 6-tile for two
            // 4-tiles when that avoids a 2- or 3-sample tile (fewer accumulators, slower).
            int sixes = tileRows == 6 ? rows / 6 : 0;
            int left = rows - 6 * sixes;
            if (sixes > 0 && (left == 2 || left == 3)) {
                sixes--;
                left += 6;
            }
            int fours = left / 4;
            int end6 = s0 + 6 * sixes;
            int end4 = end6 + 4 * fours;
            for (int p = from / NR; p < panelEnd; p++) {
                int pOff = p * d * NR;
                int j0 = p * NR;
                int cols = Math.min(NR, to - j0);
                for (int b = s0; b < end6; b += 6) {
                    if (cols == NR) {
                        tile6xNR(
                                x, xOff + b * xs, xs, d, packed, pOff, out, outOff + b * n + j0, n);
                    } else {
                        tile6xNR(x, xOff + b * xs, xs, d, packed, pOff, tmp, 0, NR);
                        copyTile(tmp, 6, cols, out, outOff + b * n + j0, n);
                    }
                }
                for (int b = end6; b < end4; b += 4) {
                    if (cols == NR) {
                        tile4xNR(
                                x, xOff + b * xs, xs, d, packed, pOff, out, outOff + b * n + j0, n);
                    } else {
                        tile4xNR(x, xOff + b * xs, xs, d, packed, pOff, tmp, 0, NR);
                        copyTile(tmp, 4, cols, out, outOff + b * n + j0, n);
                    }
                }
                int small = s0 + rows - end4;
                if (small > 0) {
                    // 1-3 leftover samples: still from the panel (in L2 now), with the same
                    // per-element arithmetic as the big tiles, so results do not depend on tiling.
                    tile3xNR(x, xOff + end4 * xs, xs, d, small, packed, pOff, tmp, 0, NR);
                    copyTile(tmp, small, cols, out, outOff + end4 * n + j0, n);
                }
            }
        }
    }

    /** Like {@link #tile4xNR} for {@code rows} = 1..3 samples; missing rows repeat the first. */
    private static void tile3xNR(
            float[] x,
            int xb,
            int xs,
            int d,
            int rows,
            float[] packed,
            int pOff,
            float[] out,
            int oOff,
            int oStride) {
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = c00;
        FloatVector c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00;
        int x0 = xb;
        int x1 = rows > 1 ? x0 + xs : x0;
        int x2 = rows > 2 ? x0 + 2 * xs : x0;
        int wi = pOff;
        for (int i = 0; i < d; i++, wi += NR) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, packed, wi);
            FloatVector v1 = FloatVector.fromArray(SPECIES, packed, wi + LANES);
            FloatVector u = FloatVector.broadcast(SPECIES, x[x0 + i]);
            c00 = v0.fma(u, c00);
            c01 = v1.fma(u, c01);
            u = FloatVector.broadcast(SPECIES, x[x1 + i]);
            c10 = v0.fma(u, c10);
            c11 = v1.fma(u, c11);
            u = FloatVector.broadcast(SPECIES, x[x2 + i]);
            c20 = v0.fma(u, c20);
            c21 = v1.fma(u, c21);
        }
        c00.intoArray(out, oOff);
        c01.intoArray(out, oOff + LANES);
        c10.intoArray(out, oOff + oStride);
        c11.intoArray(out, oOff + oStride + LANES);
        c20.intoArray(out, oOff + 2 * oStride);
        c21.intoArray(out, oOff + 2 * oStride + LANES);
    }

    private static void copyTile(float[] tmp, int rows, int cols, float[] out, int oOff, int n) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tmp, r * NR, out, oOff + r * n, cols);
        }
    }

    private static void tile6xNR(
            float[] x,
            int xb,
            int xs,
            int d,
            float[] packed,
            int pOff,
            float[] out,
            int oOff,
            int oStride) {
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = c00;
        FloatVector c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        FloatVector c40 = c00, c41 = c00;
        FloatVector c50 = c00, c51 = c00;
        int x0 = xb;
        int x1 = x0 + xs;
        int x2 = x1 + xs;
        int x3 = x2 + xs;
        int x4 = x3 + xs;
        int x5 = x4 + xs;
        int wi = pOff;
        for (int i = 0; i < d; i++, wi += NR) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, packed, wi);
            FloatVector v1 = FloatVector.fromArray(SPECIES, packed, wi + LANES);
            FloatVector u = FloatVector.broadcast(SPECIES, x[x0 + i]);
            c00 = v0.fma(u, c00);
            c01 = v1.fma(u, c01);
            u = FloatVector.broadcast(SPECIES, x[x1 + i]);
            c10 = v0.fma(u, c10);
            c11 = v1.fma(u, c11);
            u = FloatVector.broadcast(SPECIES, x[x2 + i]);
            c20 = v0.fma(u, c20);
            c21 = v1.fma(u, c21);
            u = FloatVector.broadcast(SPECIES, x[x3 + i]);
            c30 = v0.fma(u, c30);
            c31 = v1.fma(u, c31);
            u = FloatVector.broadcast(SPECIES, x[x4 + i]);
            c40 = v0.fma(u, c40);
            c41 = v1.fma(u, c41);
            u = FloatVector.broadcast(SPECIES, x[x5 + i]);
            c50 = v0.fma(u, c50);
            c51 = v1.fma(u, c51);
        }
        c00.intoArray(out, oOff);
        c01.intoArray(out, oOff + LANES);
        c10.intoArray(out, oOff + oStride);
        c11.intoArray(out, oOff + oStride + LANES);
        c20.intoArray(out, oOff + 2 * oStride);
        c21.intoArray(out, oOff + 2 * oStride + LANES);
        c30.intoArray(out, oOff + 3 * oStride);
        c31.intoArray(out, oOff + 3 * oStride + LANES);
        c40.intoArray(out, oOff + 4 * oStride);
        c41.intoArray(out, oOff + 4 * oStride + LANES);
        c50.intoArray(out, oOff + 5 * oStride);
        c51.intoArray(out, oOff + 5 * oStride + LANES);
    }

    private static void tile4xNR(
            float[] x,
            int xb,
            int xs,
            int d,
            float[] packed,
            int pOff,
            float[] out,
            int oOff,
            int oStride) {
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = c00;
        FloatVector c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        int x0 = xb;
        int x1 = xb + xs;
        int x2 = x1 + xs;
        int x3 = x2 + xs;
        int wi = pOff;
        for (int i = 0; i < d; i++, wi += NR) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, packed, wi);
            FloatVector v1 = FloatVector.fromArray(SPECIES, packed, wi + LANES);
            FloatVector u = FloatVector.broadcast(SPECIES, x[x0 + i]);
            c00 = v0.fma(u, c00);
            c01 = v1.fma(u, c01);
            u = FloatVector.broadcast(SPECIES, x[x1 + i]);
            c10 = v0.fma(u, c10);
            c11 = v1.fma(u, c11);
            u = FloatVector.broadcast(SPECIES, x[x2 + i]);
            c20 = v0.fma(u, c20);
            c21 = v1.fma(u, c21);
            u = FloatVector.broadcast(SPECIES, x[x3 + i]);
            c30 = v0.fma(u, c30);
            c31 = v1.fma(u, c31);
        }
        c00.intoArray(out, oOff);
        c01.intoArray(out, oOff + LANES);
        c10.intoArray(out, oOff + oStride);
        c11.intoArray(out, oOff + oStride + LANES);
        c20.intoArray(out, oOff + 2 * oStride);
        c21.intoArray(out, oOff + 2 * oStride + LANES);
        c30.intoArray(out, oOff + 3 * oStride);
        c31.intoArray(out, oOff + 3 * oStride + LANES);
    }

    /**
     * {@code out[b, j] = dot(x[b], w[j])} for output columns {@code [from, to)}: dot products over
     * the rows of w if {@code dotPath} (batch 1: nothing to share a load with, and the rows stream
     * at full bandwidth), packed panels otherwise. {@code from} must be a multiple of {@link #NR}
     * unless {@code dotPath}.
     */
    static void gemm(
            boolean dotPath,
            float[] x,
            int xOff,
            int batch,
            float[] packed,
            float[] w,
            int d,
            int n,
            int from,
            int to,
            float[] out,
            int outOff,
            float[] tmp) {
        if (dotPath) {
            for (int b = 0; b < batch; b++) {
                dotRowRange(w, d, from, to, x, xOff + b * d, out, outOff + b * n);
            }
        } else {
            gemmPacked(x, xOff, batch, packed, w, d, n, from, to, out, outOff, tmp);
        }
    }

    /**
     * Start of part {@code part} of {@code [0, n)} split in {@code parts}, rounded down to a
     * multiple of {@code align}; part {@code parts} starts at {@code n}.
     */
    static int split(int n, int part, int parts, int align) {
        if (part >= parts) {
            return n;
        }
        int start = (int) ((long) n * part / parts);
        return Math.min(n, start / align * align);
    }

    /**
     * {@code out[j] = bias[j] + sum_c s[c] * upT[c, j]} for {@code j < n}, with {@code upT} the
     * transposed up-projection ([r, n]): a small-rank product done as r broadcast FMAs per output
     * vector, with no horizontal reduction. {@code bias} may be null (zero).
     */
    static void upProject(
            float[] s, int sOff, int r, float[] upT, int n, float[] bias, float[] out, int outOff) {
        upProject(s, sOff, r, upT, n, 0, n, bias, out, outOff);
    }

    /**
     * {@link #upProject} for the units {@code [from, to)} only, written at {@code out[outOff + j]}:
     * the same arithmetic per unit (one FMA chain from the bias, c ascending), so any split of the
     * units gives the same values as the whole.
     */
    static void upProject(
            float[] s,
            int sOff,
            int r,
            float[] upT,
            int n,
            int from,
            int to,
            float[] bias,
            float[] out,
            int outOff) {
        FloatVector zero = FloatVector.zero(SPECIES);
        int j = from;
        // Four output vectors at a time: four independent FMA chains hide the FMA latency.
        for (; j + 4 * LANES <= to; j += 4 * LANES) {
            FloatVector a0 = bias == null ? zero : FloatVector.fromArray(SPECIES, bias, j);
            FloatVector a1 = bias == null ? zero : FloatVector.fromArray(SPECIES, bias, j + LANES);
            FloatVector a2 =
                    bias == null ? zero : FloatVector.fromArray(SPECIES, bias, j + 2 * LANES);
            FloatVector a3 =
                    bias == null ? zero : FloatVector.fromArray(SPECIES, bias, j + 3 * LANES);
            for (int c = 0; c < r; c++) {
                FloatVector sc = FloatVector.broadcast(SPECIES, s[sOff + c]);
                int o = c * n + j;
                a0 = FloatVector.fromArray(SPECIES, upT, o).fma(sc, a0);
                a1 = FloatVector.fromArray(SPECIES, upT, o + LANES).fma(sc, a1);
                a2 = FloatVector.fromArray(SPECIES, upT, o + 2 * LANES).fma(sc, a2);
                a3 = FloatVector.fromArray(SPECIES, upT, o + 3 * LANES).fma(sc, a3);
            }
            a0.intoArray(out, outOff + j);
            a1.intoArray(out, outOff + j + LANES);
            a2.intoArray(out, outOff + j + 2 * LANES);
            a3.intoArray(out, outOff + j + 3 * LANES);
        }
        for (; j + LANES <= to; j += LANES) {
            FloatVector a = bias == null ? zero : FloatVector.fromArray(SPECIES, bias, j);
            for (int c = 0; c < r; c++) {
                a =
                        FloatVector.fromArray(SPECIES, upT, c * n + j)
                                .fma(FloatVector.broadcast(SPECIES, s[sOff + c]), a);
            }
            a.intoArray(out, outOff + j);
        }
        for (; j < to; j++) {
            float acc = bias == null ? 0f : bias[j];
            for (int c = 0; c < r; c++) {
                acc = Math.fma(upT[c * n + j], s[sOff + c], acc);
            }
            out[outOff + j] = acc;
        }
    }

    /** {@code a[off + j] += bias[j]}, then ReLU if asked, for {@code j < n}. */
    static void addBias(float[] a, int off, int n, float[] bias, boolean relu) {
        addBias(a, off, n, bias, 0, relu);
    }

    /** {@code a[off + j] += bias[biasOff + j]}, then ReLU if asked, for {@code j < n}. */
    static void addBias(float[] a, int off, int n, float[] bias, int biasOff, boolean relu) {
        int bound = SPECIES.loopBound(n);
        int j = 0;
        FloatVector zero = FloatVector.zero(SPECIES);
        for (; j < bound; j += LANES) {
            FloatVector v =
                    FloatVector.fromArray(SPECIES, a, off + j)
                            .add(FloatVector.fromArray(SPECIES, bias, biasOff + j));
            if (relu) {
                v = v.max(zero);
            }
            v.intoArray(a, off + j);
        }
        for (; j < n; j++) {
            float v = a[off + j] + bias[biasOff + j];
            a[off + j] = relu ? Math.max(v, 0f) : v;
        }
    }

    /** {@code a[off + j] = max(a[off + j], 0)} for {@code j < n}. */
    static void relu(float[] a, int off, int n) {
        int bound = SPECIES.loopBound(n);
        int j = 0;
        FloatVector zero = FloatVector.zero(SPECIES);
        for (; j < bound; j += LANES) {
            FloatVector.fromArray(SPECIES, a, off + j).max(zero).intoArray(a, off + j);
        }
        for (; j < n; j++) {
            a[off + j] = Math.max(a[off + j], 0f);
        }
    }

    /**
     * {@code a[off + j] = sigmoid((a[off + j] + bias[j]) / tau)} for {@code j < n}; {@code bias}
     * may be null (zero). Uses {@link #exp}, which rounds the same in every lane, in the scalar
     * tail and before and after JIT compilation, so the top-k that follows is reproducible.
     */
    static void biasSigmoid(float[] a, int off, int n, float[] bias, float tau) {
        biasSigmoid(a, off, n, bias, 0, tau);
    }

    /** {@link #biasSigmoid} with {@code bias[biasOff + j]} added to {@code a[off + j]}. */
    static void biasSigmoid(float[] a, int off, int n, float[] bias, int biasOff, float tau) {
        int bound = SPECIES.loopBound(n);
        int j = 0;
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        // Dividing by tau = 1 is exact, so skip a vector division (10 cycles a vector) there.
        boolean scaled = tau != 1f;
        for (; j < bound; j += LANES) {
            FloatVector z = FloatVector.fromArray(SPECIES, a, off + j);
            if (bias != null) {
                z = z.add(FloatVector.fromArray(SPECIES, bias, biasOff + j));
            }
            if (scaled) {
                z = z.div(tau);
            }
            one.div(one.add(exp(z.neg()))).intoArray(a, off + j);
        }
        for (; j < n; j++) {
            float z = bias == null ? a[off + j] : a[off + j] + bias[biasOff + j];
            a[off + j] = 1f / (1f + exp(-(z / tau)));
        }
    }

    // exp(x) = 2^m * e^r with m = round(x / ln 2), r = x - m ln 2 (Cody-Waite, two constants),
    // e^r by the Cephes expf polynomial: about 1 ulp on [-87, 88], inputs clamped to that range.
    private static final float EXP_HI = 88f;
    private static final float EXP_LO = -87f;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float ROUND = 12582912f; // 1.5 * 2^23: adding it rounds to an integer
    private static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);
    private static final float P0 = 1.9875691500e-4f;
    private static final float P1 = 1.3981999507e-3f;
    private static final float P2 = 8.3334519073e-3f;
    private static final float P3 = 4.1665795894e-2f;
    private static final float P4 = 1.6666665459e-1f;
    private static final float P5 = 5.0000001201e-1f;

    /**
     * Lane-wise {@code e^x} from adds, multiplies and FMAs only, which round identically in the
     * interpreter and in compiled code (the built-in {@code EXP} operator does not promise that).
     */
    static FloatVector exp(FloatVector x) {
        x = x.max(EXP_LO).min(EXP_HI);
        // t holds m = round(x log2 e) in its low mantissa bits: its int bits are ROUND_BITS + m.
        FloatVector t = x.mul(LOG2E).add(ROUND);
        FloatVector m = t.sub(ROUND);
        FloatVector r = m.mul(-LN2_HI).add(x);
        r = m.mul(-LN2_LO).add(r);
        FloatVector p = r.fma(P0, P1);
        p = p.fma(r, FloatVector.broadcast(SPECIES, P2));
        p = p.fma(r, FloatVector.broadcast(SPECIES, P3));
        p = p.fma(r, FloatVector.broadcast(SPECIES, P4));
        p = p.fma(r, FloatVector.broadcast(SPECIES, P5));
        p = p.mul(r.mul(r)).add(r).add(1f);
        // 2^m built from the bits of t (a float-to-int conversion is not compiled to one
        // instruction on JDK 17 and costs more than the rest of this method).
        FloatVector scale =
                ((IntVector) t.reinterpretAsInts())
                        .sub(ROUND_BITS - 127)
                        .lanewise(VectorOperators.LSHL, 23)
                        .reinterpretAsFloats();
        return p.mul(scale);
    }

    /** The scalar twin of {@link #exp}: the same operations in the same order. */
    static float exp(float x) {
        x = Math.min(Math.max(x, EXP_LO), EXP_HI);
        float t = x * LOG2E + ROUND;
        float m = t - ROUND;
        float r = m * -LN2_HI + x;
        r = m * -LN2_LO + r;
        float p = Math.fma(r, P0, P1);
        p = Math.fma(p, r, P2);
        p = Math.fma(p, r, P3);
        p = Math.fma(p, r, P4);
        p = Math.fma(p, r, P5);
        p = p * (r * r) + r + 1f;
        return p * Float.intBitsToFloat((Float.floatToRawIntBits(t) - (ROUND_BITS - 127)) << 23);
    }

    /**
     * The training-mode blend over all n units: {@code y = a h1 + (1 - a) h2} with {@code a = m g},
     * in place on {@code h2} (which holds the light path and becomes the output).
     */
    static void blendAll(
            float[] mask,
            int mOff,
            float[] g,
            int gOff,
            float[] h1,
            int h1Off,
            float[] h2,
            int h2Off,
            int n) {
        int bound = SPECIES.loopBound(n);
        int j = 0;
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        for (; j < bound; j += LANES) {
            FloatVector a =
                    FloatVector.fromArray(SPECIES, mask, mOff + j)
                            .mul(FloatVector.fromArray(SPECIES, g, gOff + j));
            FloatVector y =
                    a.mul(FloatVector.fromArray(SPECIES, h1, h1Off + j))
                            .add(one.sub(a).mul(FloatVector.fromArray(SPECIES, h2, h2Off + j)));
            y.intoArray(h2, h2Off + j);
        }
        for (; j < n; j++) {
            float a = mask[mOff + j] * g[gOff + j];
            h2[h2Off + j] = a * h1[h1Off + j] + (1f - a) * h2[h2Off + j];
        }
    }
}
