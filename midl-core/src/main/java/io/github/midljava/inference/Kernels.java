package io.github.midljava.inference;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float kernels on row-major arrays, vectorised with the Vector API (FMA). Each has a plain scalar
 * twin in the tests. Offsets and strides are in floats; nothing here allocates.
 */
final class Kernels {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    /** Columns per packed panel of {@link #pack}: two vectors, so a 4 x NR tile is 8 registers. */
    static final int NR = 2 * LANES;

    /** Samples per micro-tile of the batched kernels. */
    static final int MR = 4;

    /** Rows of W per cache block of {@link #gemmNT}: 64 rows of 784 floats = 200 KB, in L2. */
    private static final int ROW_BLOCK = 64;

    /** Whether the batched dense kernel uses packed panels (true) or blocked dot products. */
    static final boolean USE_PACKED =
            !"nt".equalsIgnoreCase(System.getProperty("midl.inference.gemm", "packed"));

    private Kernels() {}

    /**
     * {@code out[outOff + t] = dot(w[rows[rowsOff + t]], x[xOff .. xOff + d))} for {@code t <
     * count}: the gathered GEMV of the sparse full path. Rows of {@code w} ([*, d]) are contiguous,
     * so a gather costs nothing over a dense GEMV; four rows share each load of x.
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
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            dot4(w, j * d, (j + 1) * d, (j + 2) * d, (j + 3) * d, d, x, xOff, out, outOff + j);
        }
        for (; j < n; j++) {
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
        float s0 = a0.reduceLanes(VectorOperators.ADD);
        float s1 = a1.reduceLanes(VectorOperators.ADD);
        float s2 = a2.reduceLanes(VectorOperators.ADD);
        float s3 = a3.reduceLanes(VectorOperators.ADD);
        for (; i < d; i++) {
            float xi = x[xOff + i];
            s0 += w[o0 + i] * xi;
            s1 += w[o1 + i] * xi;
            s2 += w[o2 + i] * xi;
            s3 += w[o3 + i] * xi;
        }
        out[outOff] = s0;
        out[outOff + 1] = s1;
        out[outOff + 2] = s2;
        out[outOff + 3] = s3;
    }

    /** Same arithmetic per row as {@link #dot4}, for the leftover rows. */
    private static float dot(float[] w, int wOff, float[] x, int xOff, int d) {
        FloatVector a = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(d);
        int i = 0;
        for (; i < bound; i += LANES) {
            a = FloatVector.fromArray(SPECIES, w, wOff + i)
                    .fma(FloatVector.fromArray(SPECIES, x, xOff + i), a);
        }
        float s = a.reduceLanes(VectorOperators.ADD);
        for (; i < d; i++) {
            s += w[wOff + i] * x[xOff + i];
        }
        return s;
    }

    /**
     * {@code out4[s] = dot(w[wOff ..], x[xs ..])} for the four sample offsets {@code x0..x3}: one
     * weight row against four samples, so each load of the row serves four FMAs (the sparse path
     * at batch > 1, where samples share selected rows).
     */
    static void dotRow4(
            float[] w, int wOff, int d, float[] x, int x0, int x1, int x2, int x3, float[] out4) {
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
        float s0 = a0.reduceLanes(VectorOperators.ADD);
        float s1 = a1.reduceLanes(VectorOperators.ADD);
        float s2 = a2.reduceLanes(VectorOperators.ADD);
        float s3 = a3.reduceLanes(VectorOperators.ADD);
        for (; i < d; i++) {
            float wi = w[wOff + i];
            s0 += wi * x[x0 + i];
            s1 += wi * x[x1 + i];
            s2 += wi * x[x2 + i];
            s3 += wi * x[x3 + i];
        }
        out4[0] = s0;
        out4[1] = s1;
        out4[2] = s2;
        out4[3] = s3;
    }

    /** {@code dot(w[wOff ..], x[xOff ..])} over d, same arithmetic as one lane of {@link #dotRow4}. */
    static float dotRow(float[] w, int wOff, int d, float[] x, int xOff) {
        return dot(w, wOff, x, xOff, d);
    }

    /**
     * Batched {@code out[b, j] = dot(x[b], w[j])} for {@code b < batch}, {@code j < n}, with x
     * rows at {@code xOff + b * d} and out rows at {@code outOff + b * n}: blocked dot products, 4
     * samples x 4 rows per micro-tile (16 accumulators share 8 loads), rows blocked to stay in L2.
     */
    static void gemmNT(
            float[] x, int xOff, int batch, float[] w, int d, int n, float[] out, int outOff) {
        for (int jb = 0; jb < n; jb += ROW_BLOCK) {
            int jEnd = Math.min(n, jb + ROW_BLOCK);
            int b = 0;
            for (; b + MR <= batch; b += MR) {
                int xb = xOff + b * d;
                int ob = outOff + b * n;
                int j = jb;
                for (; j + 4 <= jEnd; j += 4) {
                    tile4x4(x, xb, d, w, j, n, out, ob);
                }
                for (; j < jEnd; j++) {
                    for (int s = 0; s < MR; s++) {
                        out[ob + s * n + j] = dot(w, j * d, x, xb + s * d, d);
                    }
                }
            }
            for (; b < batch; b++) {
                int j = jb;
                for (; j + 4 <= jEnd; j += 4) {
                    dot4(w, j * d, (j + 1) * d, (j + 2) * d, (j + 3) * d, d, x, xOff + b * d,
                            out, outOff + b * n + j);
                }
                for (; j < jEnd; j++) {
                    out[outOff + b * n + j] = dot(w, j * d, x, xOff + b * d, d);
                }
            }
        }
    }

    private static void tile4x4(
            float[] x, int xb, int d, float[] w, int j, int n, float[] out, int ob) {
        int w0 = j * d;
        int w1 = w0 + d;
        int w2 = w1 + d;
        int w3 = w2 + d;
        int x0 = xb;
        int x1 = xb + d;
        int x2 = x1 + d;
        int x3 = x2 + d;
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int bound = SPECIES.loopBound(d);
        int i = 0;
        for (; i < bound; i += LANES) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, w, w0 + i);
            FloatVector v1 = FloatVector.fromArray(SPECIES, w, w1 + i);
            FloatVector v2 = FloatVector.fromArray(SPECIES, w, w2 + i);
            FloatVector v3 = FloatVector.fromArray(SPECIES, w, w3 + i);
            FloatVector u = FloatVector.fromArray(SPECIES, x, x0 + i);
            c00 = v0.fma(u, c00);
            c01 = v1.fma(u, c01);
            c02 = v2.fma(u, c02);
            c03 = v3.fma(u, c03);
            u = FloatVector.fromArray(SPECIES, x, x1 + i);
            c10 = v0.fma(u, c10);
            c11 = v1.fma(u, c11);
            c12 = v2.fma(u, c12);
            c13 = v3.fma(u, c13);
            u = FloatVector.fromArray(SPECIES, x, x2 + i);
            c20 = v0.fma(u, c20);
            c21 = v1.fma(u, c21);
            c22 = v2.fma(u, c22);
            c23 = v3.fma(u, c23);
            u = FloatVector.fromArray(SPECIES, x, x3 + i);
            c30 = v0.fma(u, c30);
            c31 = v1.fma(u, c31);
            c32 = v2.fma(u, c32);
            c33 = v3.fma(u, c33);
        }
        int o0 = ob + j;
        int o1 = o0 + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        out[o0] = c00.reduceLanes(VectorOperators.ADD);
        out[o0 + 1] = c01.reduceLanes(VectorOperators.ADD);
        out[o0 + 2] = c02.reduceLanes(VectorOperators.ADD);
        out[o0 + 3] = c03.reduceLanes(VectorOperators.ADD);
        out[o1] = c10.reduceLanes(VectorOperators.ADD);
        out[o1 + 1] = c11.reduceLanes(VectorOperators.ADD);
        out[o1 + 2] = c12.reduceLanes(VectorOperators.ADD);
        out[o1 + 3] = c13.reduceLanes(VectorOperators.ADD);
        out[o2] = c20.reduceLanes(VectorOperators.ADD);
        out[o2 + 1] = c21.reduceLanes(VectorOperators.ADD);
        out[o2 + 2] = c22.reduceLanes(VectorOperators.ADD);
        out[o2 + 3] = c23.reduceLanes(VectorOperators.ADD);
        out[o3] = c30.reduceLanes(VectorOperators.ADD);
        out[o3 + 1] = c31.reduceLanes(VectorOperators.ADD);
        out[o3 + 2] = c32.reduceLanes(VectorOperators.ADD);
        out[o3 + 3] = c33.reduceLanes(VectorOperators.ADD);
        // Leftover inputs (d not a multiple of the vector length): scalar, rare in practice.
        for (; i < d; i++) {
            for (int r = 0; r < 4; r++) {
                float xi = x[xb + r * d + i];
                for (int c = 0; c < 4; c++) {
                    out[ob + r * n + j + c] += w[(j + c) * d + i] * xi;
                }
            }
        }
    }

    /**
     * Packs {@code w} ([n, d], row-major) into column panels of {@link #NR} outputs: {@code
     * packed[(p * d + i) * NR + c] = w[p * NR + c, i]}, zero past {@code n}. The panel of a tile
     * is then read sequentially, one vector pair per input index.
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
     * reduction. Leftover samples ({@code batch % 4}) use {@link #dotAllRows} on the unpacked
     * {@code w}. {@code tmp} holds at least {@code MR * NR} floats for the last partial panel.
     */
    static void gemmPacked(
            float[] x,
            int xOff,
            int batch,
            float[] packed,
            float[] w,
            int d,
            int n,
            float[] out,
            int outOff,
            float[] tmp) {
        int panels = (n + NR - 1) / NR;
        int full = batch - batch % MR;
        for (int p = 0; p < panels; p++) {
            int pOff = p * d * NR;
            int j0 = p * NR;
            boolean whole = j0 + NR <= n;
            for (int b = 0; b < full; b += MR) {
                int xb = xOff + b * d;
                if (whole) {
                    tile4xNR(x, xb, d, packed, pOff, out, outOff + b * n + j0, n);
                } else {
                    tile4xNR(x, xb, d, packed, pOff, tmp, 0, NR);
                    int cols = n - j0;
                    for (int s = 0; s < MR; s++) {
                        System.arraycopy(tmp, s * NR, out, outOff + (b + s) * n + j0, cols);
                    }
                }
            }
        }
        for (int b = full; b < batch; b++) {
            dotAllRows(w, d, n, x, xOff + b * d, out, outOff + b * n);
        }
    }

    private static void tile4xNR(
            float[] x, int xb, int d, float[] packed, int pOff, float[] out, int oOff, int oStride) {
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = c00;
        FloatVector c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        int x0 = xb;
        int x1 = xb + d;
        int x2 = x1 + d;
        int x3 = x2 + d;
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

    /** The batched dense product, by whichever kernel {@link #USE_PACKED} picks. */
    static void gemm(
            float[] x,
            int xOff,
            int batch,
            float[] packed,
            float[] w,
            int d,
            int n,
            float[] out,
            int outOff,
            float[] tmp) {
        if (batch == 1) {
            dotAllRows(w, d, n, x, xOff, out, outOff);
        } else if (USE_PACKED) {
            gemmPacked(x, xOff, batch, packed, w, d, n, out, outOff, tmp);
        } else {
            gemmNT(x, xOff, batch, w, d, n, out, outOff);
        }
    }

    /**
     * {@code out[j] = bias[j] + sum_c s[c] * upT[c, j]} for {@code j < n}, with {@code upT} the
     * transposed up-projection ([r, n]): a small-rank product done as r broadcast FMAs per output
     * vector, with no horizontal reduction. {@code bias} may be null (zero).
     */
    static void upProject(
            float[] s, int sOff, int r, float[] upT, int n, float[] bias, float[] out, int outOff) {
        FloatVector zero = FloatVector.zero(SPECIES);
        int j = 0;
        // Four output vectors at a time: four independent FMA chains hide the FMA latency.
        for (; j + 4 * LANES <= n; j += 4 * LANES) {
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
        for (; j + LANES <= n; j += LANES) {
            FloatVector a = bias == null ? zero : FloatVector.fromArray(SPECIES, bias, j);
            for (int c = 0; c < r; c++) {
                a = FloatVector.fromArray(SPECIES, upT, c * n + j)
                        .fma(FloatVector.broadcast(SPECIES, s[sOff + c]), a);
            }
            a.intoArray(out, outOff + j);
        }
        for (; j < n; j++) {
            float acc = bias == null ? 0f : bias[j];
            for (int c = 0; c < r; c++) {
                acc = Math.fma(upT[c * n + j], s[sOff + c], acc);
            }
            out[outOff + j] = acc;
        }
    }

    /** {@code a[off + j] += bias[j]}, then ReLU if asked, for {@code j < n}. */
    static void addBias(float[] a, int off, int n, float[] bias, boolean relu) {
        int bound = SPECIES.loopBound(n);
        int j = 0;
        FloatVector zero = FloatVector.zero(SPECIES);
        for (; j < bound; j += LANES) {
            FloatVector v =
                    FloatVector.fromArray(SPECIES, a, off + j)
                            .add(FloatVector.fromArray(SPECIES, bias, j));
            if (relu) {
                v = v.max(zero);
            }
            v.intoArray(a, off + j);
        }
        for (; j < n; j++) {
            float v = a[off + j] + bias[j];
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
     * may be null (zero).
     */
    static void biasSigmoid(float[] a, int off, int n, float[] bias, float tau) {
        int bound = SPECIES.loopBound(n);
        int j = 0;
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        for (; j < bound; j += LANES) {
            FloatVector z = FloatVector.fromArray(SPECIES, a, off + j);
            if (bias != null) {
                z = z.add(FloatVector.fromArray(SPECIES, bias, j));
            }
            FloatVector e = z.div(tau).neg().lanewise(VectorOperators.EXP);
            one.div(one.add(e)).intoArray(a, off + j);
        }
        for (; j < n; j++) {
            float z = bias == null ? a[off + j] : a[off + j] + bias[j];
            a[off + j] = 1f / (1f + (float) Math.exp(-(z / tau)));
        }
    }

    /**
     * The training-mode blend over all n units: {@code y = a h1 + (1 - a) h2} with {@code a = m g},
     * in place on {@code h2} (which holds the light path and becomes the output).
     */
    static void blendAll(float[] mask, float[] g, int gOff, float[] h1, int h1Off, float[] h2,
            int h2Off, int n) {
        int bound = SPECIES.loopBound(n);
        int j = 0;
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        for (; j < bound; j += LANES) {
            FloatVector a =
                    FloatVector.fromArray(SPECIES, mask, j)
                            .mul(FloatVector.fromArray(SPECIES, g, gOff + j));
            FloatVector y =
                    a.mul(FloatVector.fromArray(SPECIES, h1, h1Off + j))
                            .add(one.sub(a).mul(FloatVector.fromArray(SPECIES, h2, h2Off + j)));
            y.intoArray(h2, h2Off + j);
        }
        for (; j < n; j++) {
            float a = mask[j] * g[gOff + j];
            h2[h2Off + j] = a * h1[h1Off + j] + (1f - a) * h2[h2Off + j];
        }
    }
}
