package io.github.midljava.inference;

import java.util.Arrays;

/**
 * A MID-L layer prepared for inference. All matrices that read x except the full path (gate-down or
 * dense gate, light-down or dense light) are stacked into one projection {@code [P, d]}, so x is
 * streamed once for them; the low-rank up-projections are stored transposed ({@code [r, n]}) so
 * they run as r broadcast FMAs per output vector instead of n short dot products.
 */
final class MidlLayer implements Layer {
    private final int d;
    private final int n;
    private final int k;
    private final float tau;
    private final GateKind gateKind;
    private final LightKind lightKind;
    private final int gateRows;
    private final int lightRows;
    private final float[] proj;
    private final float[] projPacked;
    private final float[] gateUpT;
    private final float[] gateBias;
    private final float[] lightUpT;
    private final float[] lightBias;
    private final float[] fullWeight;
    private final float[] fullPacked;
    private final float[] fullBias;
    private final ComputeMode mode;

    MidlLayer(MidlLayerWeights w, ComputeMode mode) {
        this.d = w.inFeatures();
        this.n = w.units();
        this.k = w.k();
        this.tau = w.tau();
        this.gateKind = w.gateKind();
        this.lightKind = w.lightKind();
        this.mode = mode;
        this.gateRows = gateKind == GateKind.DENSE ? n : w.gateRank();
        this.lightRows =
                switch (lightKind) {
                    case DENSE -> n;
                    case LOW_RANK -> w.lightRank();
                    case IDENTITY, ZERO -> 0;
                };
        float[] gateIn = gateKind == GateKind.DENSE ? w.gateWeight() : w.gateDown();
        float[] lightIn =
                switch (lightKind) {
                    case DENSE -> w.lightWeight();
                    case LOW_RANK -> w.lightDown();
                    case IDENTITY, ZERO -> new float[0];
                };
        this.proj = Arrays.copyOf(gateIn, (gateRows + lightRows) * d);
        System.arraycopy(lightIn, 0, proj, gateRows * d, lightIn.length);
        this.projPacked = Kernels.USE_PACKED ? Kernels.pack(proj, gateRows + lightRows, d) : null;
        this.gateUpT = gateKind == GateKind.LOW_RANK ? transpose(w.gateUp(), n, w.gateRank()) : null;
        this.lightUpT =
                lightKind == LightKind.LOW_RANK ? transpose(w.lightUp(), n, w.lightRank()) : null;
        this.gateBias = w.gateBias();
        this.lightBias = w.lightBias();
        this.fullWeight = w.fullWeight();
        this.fullBias = w.fullBias();
        this.fullPacked =
                mode == ComputeMode.DENSE && Kernels.USE_PACKED ? Kernels.pack(fullWeight, n, d) : null;
    }

    private static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }

    @Override
    public int inFeatures() {
        return d;
    }

    @Override
    public int outFeatures() {
        return n;
    }

    @Override
    public int projRows() {
        return gateRows + lightRows;
    }

    @Override
    public int activeUnits() {
        return k;
    }

    @Override
    public void forward(
            float[] in, int inOff, float[] out, int outOff, int batch, boolean relu, Workspace ws) {
        int p = gateRows + lightRows;
        float[] s = ws.proj;
        float[] g = ws.gate;
        Kernels.gemm(in, inOff, batch, projPacked, proj, d, p, s, 0, ws.tile);
        for (int b = 0; b < batch; b++) {
            int gOff = b * n;
            int oOff = outOff + b * n;
            if (gateKind == GateKind.LOW_RANK) {
                Kernels.upProject(s, b * p, gateRows, gateUpT, n, null, g, gOff);
            } else {
                System.arraycopy(s, b * p, g, gOff, n);
            }
            Kernels.biasSigmoid(g, gOff, n, gateBias, tau);
            // The light path goes straight into the output; the full path then overwrites the
            // selected units with their blend.
            switch (lightKind) {
                case LOW_RANK ->
                        Kernels.upProject(
                                s, b * p + gateRows, lightRows, lightUpT, n, lightBias, out, oOff);
                case DENSE -> {
                    System.arraycopy(s, b * p + gateRows, out, oOff, n);
                    Kernels.addBias(out, oOff, n, lightBias, false);
                }
                case IDENTITY -> System.arraycopy(in, inOff + b * d, out, oOff, n);
                case ZERO -> Arrays.fill(out, oOff, oOff + n, 0f);
            }
            TopK.select(g, gOff, n, k, ws.sel, b * k, ws.candidates, ws.ties);
        }
        if (mode == ComputeMode.SPARSE && batch == 1) {
            fullSparse(in, inOff, out, outOff, batch, ws);
        } else if (mode == ComputeMode.SPARSE) {
            fullSparseByRow(in, inOff, out, outOff, batch, ws);
        } else {
            fullDense(in, inOff, out, outOff, batch, ws);
        }
        if (relu) {
            Kernels.relu(out, outOff, batch * n);
        }
    }

    /** Samples per block of the batched sparse path: 64 rows of x (200 KB for d = 784) stay in L2. */
    static final int SAMPLE_BLOCK = Integer.getInteger("midl.inference.sampleBlock", 64);

    /**
     * The batched sparse full path, row by row: the per-sample selections are inverted into, for
     * each unit j, the samples that selected it, so row j of W1 is read once per block of samples
     * and serves four of them per load, instead of being re-read from L3 for every sample.
     */
    private void fullSparseByRow(
            float[] in, int inOff, float[] out, int outOff, int batch, Workspace ws) {
        int[] sel = ws.sel;
        float[] g = ws.gate;
        int[] rowStart = ws.rowStart;
        int[] rowSamples = ws.rowSamples;
        float[] dots = ws.dots;
        for (int b0 = 0; b0 < batch; b0 += SAMPLE_BLOCK) {
            int b1 = Math.min(batch, b0 + SAMPLE_BLOCK);
            // Counting sort of (unit, sample) pairs by unit; samples stay ascending per unit.
            Arrays.fill(rowStart, 0, n + 1, 0);
            for (int q = b0 * k; q < b1 * k; q++) {
                rowStart[sel[q] + 1]++;
            }
            for (int j = 0; j < n; j++) {
                rowStart[j + 1] += rowStart[j];
            }
            for (int b = b0; b < b1; b++) {
                for (int t = 0; t < k; t++) {
                    rowSamples[rowStart[sel[b * k + t]]++] = b;
                }
            }
            // rowStart[j] now holds the end of unit j's list, which is where unit j + 1's begins.
            int begin = 0;
            for (int j = 0; j < n; j++) {
                int end = rowStart[j];
                int wOff = j * d;
                float bias = fullBias[j];
                int q = begin;
                for (; q + 4 <= end; q += 4) {
                    int s0 = rowSamples[q];
                    int s1 = rowSamples[q + 1];
                    int s2 = rowSamples[q + 2];
                    int s3 = rowSamples[q + 3];
                    Kernels.dotRow4(
                            fullWeight, wOff, d, in, inOff + s0 * d, inOff + s1 * d,
                            inOff + s2 * d, inOff + s3 * d, dots);
                    blend(out, outOff, g, s0, j, dots[0] + bias);
                    blend(out, outOff, g, s1, j, dots[1] + bias);
                    blend(out, outOff, g, s2, j, dots[2] + bias);
                    blend(out, outOff, g, s3, j, dots[3] + bias);
                }
                for (; q < end; q++) {
                    int s0 = rowSamples[q];
                    float full = Kernels.dotRow(fullWeight, wOff, d, in, inOff + s0 * d) + bias;
                    blend(out, outOff, g, s0, j, full);
                }
                begin = end;
            }
        }
    }

    /** {@code y = a h1 + (1 - a) h2} for unit j of sample b, h2 being already in out. */
    private void blend(float[] out, int outOff, float[] g, int b, int j, float full) {
        float a = g[b * n + j];
        int o = outOff + b * n + j;
        out[o] = a * full + (1f - a) * out[o];
    }

    /** Only the k selected rows of W1 per sample, blended into the light path already in out. */
    private void fullSparse(float[] in, int inOff, float[] out, int outOff, int batch, Workspace ws) {
        int[] sel = ws.sel;
        float[] g = ws.gate;
        float[] h1 = ws.h1;
        for (int b = 0; b < batch; b++) {
            int selOff = b * k;
            Kernels.dotRows(fullWeight, d, sel, selOff, k, in, inOff + b * d, h1, 0);
            int gOff = b * n;
            int oOff = outOff + b * n;
            for (int t = 0; t < k; t++) {
                int j = sel[selOff + t];
                float a = g[gOff + j];
                float full = h1[t] + fullBias[j];
                // y = a h1 + (1 - a) h2, written as the training forward does (same rounding).
                out[oOff + j] = a * full + (1f - a) * out[oOff + j];
            }
        }
    }

    /** All n rows of W1, then mask and blend over all units: the training-mode forward. */
    private void fullDense(float[] in, int inOff, float[] out, int outOff, int batch, Workspace ws) {
        float[] h1 = ws.h1;
        float[] mask = ws.mask;
        Kernels.gemm(in, inOff, batch, fullPacked, fullWeight, d, n, h1, 0, ws.tile);
        for (int b = 0; b < batch; b++) {
            Kernels.addBias(h1, b * n, n, fullBias, false);
            Arrays.fill(mask, 0, n, 0f);
            for (int t = 0; t < k; t++) {
                mask[ws.sel[b * k + t]] = 1f;
            }
            Kernels.blendAll(mask, ws.gate, b * n, h1, b * n, out, outOff + b * n, n);
        }
    }
}
