package io.github.midljava.inference;

import java.util.Arrays;

/**
 * A MID-L layer prepared for inference, in three phases:
 *
 * <ol>
 *   <li>PROJECT: all matrices that read x except the full path (gate-down or dense gate, light-down
 *       or dense light) are stacked into one projection {@code [P, d]}, so x is streamed once for
 *       them (split by rows across threads);
 *   <li>SELECT: gate up-projection, sigmoid and exact top-k per sample (one thread), the light path
 *       into the output (a second thread). At batch 1 the low-rank up-projections are stored
 *       transposed ({@code [r, n]}): r broadcast FMAs per output vector instead of n short dot
 *       products; batches use them packed, as one product over the batch;
 *   <li>FULL: the full path, blended into the light path: the k selected rows of W1 only (sparse)
 *       or all n rows then the mask (dense compute), split by units across threads.
 * </ol>
 *
 * <p>A single sample computed sparsely takes a shorter route, because there every serial
 * microsecond counts against a ~40 µs layer: SELECT computes only the gate, split by units across
 * threads; FULL then has every thread run the same exact top-k on the whole gate (about a
 * microsecond, instead of one thread selecting while the others wait for a hand-off), then the
 * light path and the selected rows of its own share of the units.
 */
final class MidlLayer implements Layer {
    /** Below this many multiply-adds per sample, splitting a phase costs more than it saves. */
    private static final int MIN_SPLIT_WORK = 1 << 14;

    /**
     * Samples per block of the batched sparse path: 64 rows of x (200 KB for d = 784) stay in L2.
     */
    static final int SAMPLE_BLOCK = 64;

    private static final int PROJECT = 0;
    private static final int SELECT = 1;
    private static final int FULL = 2;

    private final int d;
    private final int n;
    private final int k;
    private final float tau;
    private final GateForm gateKind;
    private final LightForm lightKind;
    private final int gateRows;
    private final int lightRows;
    private final float[] proj;
    private final float[] projPacked;
    private final float[] gateUpT;
    private final float[] gateUpPacked;
    private final float[] lightUpPacked;
    private final float[] gateBias;
    private final float[] lightUpT;
    private final float[] lightBias;
    private final float[] fullWeight;
    private final float[] fullPacked;
    private final float[] fullBias;
    private final ComputeMode mode;
    private final AutoChoice auto = new AutoChoice();

    MidlLayer(MidlLayerWeights w, ComputeMode mode) {
        this.d = w.inFeatures();
        this.n = w.units();
        this.k = w.k();
        this.tau = w.tau();
        this.gateKind = w.gateKind();
        this.lightKind = w.lightKind();
        this.mode = mode;
        this.gateRows = gateKind == GateForm.DENSE ? n : w.gateRank();
        this.lightRows =
                switch (lightKind) {
                    case DENSE -> n;
                    case LOW_RANK -> w.lightRank();
                    case IDENTITY, ZERO -> 0;
                };
        float[] gateIn = gateKind == GateForm.DENSE ? w.gateWeight() : w.gateDown();
        float[] lightIn =
                switch (lightKind) {
                    case DENSE -> w.lightWeight();
                    case LOW_RANK -> w.lightDown();
                    case IDENTITY, ZERO -> new float[0];
                };
        this.proj = Arrays.copyOf(gateIn, (gateRows + lightRows) * d);
        System.arraycopy(lightIn, 0, proj, gateRows * d, lightIn.length);
        this.projPacked = Kernels.pack(proj, gateRows + lightRows, d);
        this.gateUpT =
                gateKind == GateForm.LOW_RANK ? transpose(w.gateUp(), n, w.gateRank()) : null;
        this.lightUpT =
                lightKind == LightForm.LOW_RANK ? transpose(w.lightUp(), n, w.lightRank()) : null;
        // Batches run the up-projections as one packed product over all samples.
        this.gateUpPacked =
                gateKind == GateForm.LOW_RANK ? Kernels.pack(w.gateUp(), n, w.gateRank()) : null;
        this.lightUpPacked =
                lightKind == LightForm.LOW_RANK
                        ? Kernels.pack(w.lightUp(), n, w.lightRank())
                        : null;
        this.gateBias = w.gateBias();
        this.lightBias = w.lightBias();
        this.fullWeight = w.fullWeight();
        this.fullBias = w.fullBias();
        // Only dense compute runs W1 through the packed batched kernel.
        this.fullPacked = mode != ComputeMode.SPARSE ? Kernels.pack(fullWeight, n, d) : null;
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

    /** Whether this call computes the full path sparsely (set by {@link #begin}). */
    private static boolean sparse(Workspace ws) {
        return ws.sparse;
    }

    @Override
    public boolean begin(Workspace ws) {
        if (mode == ComputeMode.AUTO) {
            int next = auto.next(AutoChoice.bucket(ws.batch, ws.dotPath));
            ws.sparse = (next & AutoChoice.SPARSE) != 0;
            return (next & AutoChoice.TIMED) != 0;
        }
        ws.sparse = mode == ComputeMode.SPARSE;
        return false;
    }

    @Override
    public void end(Workspace ws, long nanos) {
        auto.record(AutoChoice.bucket(ws.batch, ws.dotPath), ws.sparse, nanos);
    }

    /** AUTO's current decision for a call of {@code samples} (null while still timing both). */
    Boolean autoDecision(int samples, boolean singleSamplePath) {
        return auto.decided(AutoChoice.bucket(samples, singleSamplePath));
    }

    @Override
    public int phases() {
        return 3;
    }

    @Override
    public boolean splittable(int phase, int batch) {
        return switch (phase) {
            case PROJECT -> (long) (gateRows + lightRows) * d >= MIN_SPLIT_WORK;
            case SELECT -> true;
            case FULL ->
                    (long) n * d >= MIN_SPLIT_WORK
                            && (mode == ComputeMode.DENSE || batch <= SAMPLE_BLOCK);
            default -> throw new IllegalArgumentException("no phase " + phase);
        };
    }

    @Override
    public void phase(int phase, int part, int parts, Workspace ws) {
        switch (phase) {
            case PROJECT -> project(part, parts, ws);
            case SELECT -> {
                if (ws.dotPath && sparse(ws)) {
                    gate(part, parts, ws);
                } else {
                    select(part, parts, ws);
                }
            }
            case FULL -> {
                if (!sparse(ws)) {
                    fullDense(part, parts, ws);
                } else if (ws.dotPath) {
                    fullSparse(part, parts, ws);
                } else {
                    fullSparseByRow(part, parts, ws);
                }
            }
            default -> throw new IllegalArgumentException("no phase " + phase);
        }
    }

    /** Phase 1: the stacked input projections {@code s = [G_down; V] x}, split by rows. */
    private void project(int part, int parts, Workspace ws) {
        int p = gateRows + lightRows;
        int align = ws.dotPath ? 4 : Kernels.NR;
        int from = Kernels.split(p, part, parts, align);
        int to = Kernels.split(p, part + 1, parts, align);
        if (from < to) {
            Kernels.gemm(
                    ws.dotPath,
                    ws.in,
                    ws.inOff,
                    ws.batch,
                    projPacked,
                    proj,
                    d,
                    p,
                    from,
                    to,
                    ws.proj,
                    0,
                    ws.tile(part));
        }
    }

    /** Phase 2, one sample computed sparsely: the gate g of the part's units, no selection yet. */
    private void gate(int part, int parts, Workspace ws) {
        int j0 = Kernels.split(n, part, parts, Kernels.LANES);
        int j1 = Kernels.split(n, part + 1, parts, Kernels.LANES);
        if (j0 >= j1) {
            return;
        }
        float[] g = ws.gate;
        if (gateKind == GateForm.DENSE) {
            System.arraycopy(ws.proj, j0, g, j0, j1 - j0);
        } else {
            Kernels.upProject(ws.proj, 0, gateRows, gateUpT, n, j0, j1, null, g, 0);
        }
        Kernels.biasSigmoid(g, j0, j1 - j0, gateBias, j0, tau);
    }

    /**
     * Phase 2: the gate, its top-k and what the full path needs (part 0), and the light path into
     * the output (part 1, or part 0 when run whole): the two are independent, so a second thread
     * computes the light path while the first selects.
     */
    private void select(int part, int parts, Workspace ws) {
        if (part == 0) {
            gateAndSelect(ws);
        }
        if (part == 1 || parts == 1) {
            light(ws);
        }
    }

    private void gateAndSelect(Workspace ws) {
        int p = gateRows + lightRows;
        float[] s = ws.proj;
        float[] g = ws.gate;
        if (gateKind == GateForm.LOW_RANK && !ws.dotPath) {
            // A batch's up-projection as one packed product: [batch, r] x [r, n], each panel of
            // the up-projection serving six samples per load.
            Kernels.gemmPacked(
                    s,
                    0,
                    p,
                    ws.batch,
                    gateUpPacked,
                    gateRows,
                    n,
                    0,
                    n,
                    g,
                    0,
                    ws.tile(0),
                    Kernels.TILE_ROWS);
        }
        for (int b = 0; b < ws.batch; b++) {
            int gOff = b * n;
            if (gateKind == GateForm.DENSE) {
                System.arraycopy(s, b * p, g, gOff, n);
            } else if (ws.dotPath) {
                Kernels.upProject(s, b * p, gateRows, gateUpT, n, null, g, gOff);
            }
            Kernels.biasSigmoid(g, gOff, n, gateBias, tau);
            TopK.select(g, gOff, n, k, ws.sel, b * k, ws.partCandidates(0), ws.partTies(0));
            if (!sparse(ws)) {
                Arrays.fill(ws.mask, gOff, gOff + n, 0f);
                for (int t = 0; t < k; t++) {
                    ws.mask[gOff + ws.sel[b * k + t]] = 1f;
                }
            }
        }
        if (sparse(ws) && !ws.dotPath && ws.batch <= SAMPLE_BLOCK) {
            invert(ws, 0, ws.batch);
        }
    }

    /** The light path h2 into the output; the full path later overwrites the selected units. */
    private void light(Workspace ws) {
        boolean packed = lightKind == LightForm.LOW_RANK && !ws.dotPath;
        if (packed) {
            Kernels.gemmPacked(
                    ws.proj,
                    gateRows,
                    gateRows + lightRows,
                    ws.batch,
                    lightUpPacked,
                    lightRows,
                    n,
                    0,
                    n,
                    ws.out,
                    ws.outOff,
                    ws.tile(1 % ws.maxParts()),
                    Kernels.TILE_ROWS);
        }
        for (int b = 0; b < ws.batch; b++) {
            if (packed) {
                Kernels.addBias(ws.out, ws.outOff + b * n, n, lightBias, false);
            } else {
                light(ws, b, 0, n);
            }
        }
    }

    /** The light path h2 of sample b, units {@code [u0, u1)}, into the output. */
    private void light(Workspace ws, int b, int u0, int u1) {
        int sOff = b * (gateRows + lightRows) + gateRows;
        float[] out = ws.out;
        int oOff = ws.outOff + b * n;
        switch (lightKind) {
            case LOW_RANK ->
                    Kernels.upProject(
                            ws.proj, sOff, lightRows, lightUpT, n, u0, u1, lightBias, out, oOff);
            case DENSE -> {
                System.arraycopy(ws.proj, sOff + u0, out, oOff + u0, u1 - u0);
                Kernels.addBias(out, oOff + u0, u1 - u0, lightBias, u0, false);
            }
            case IDENTITY ->
                    System.arraycopy(ws.in, ws.inOff + b * d + u0, out, oOff + u0, u1 - u0);
            case ZERO -> Arrays.fill(out, oOff + u0, oOff + u1, 0f);
        }
    }

    /**
     * Counting sort of the (unit, sample) pairs of samples {@code [b0, b1)} by unit: afterwards the
     * samples that selected unit j, ascending, are {@code rowSamples[rowStart[j - 1] ..
     * rowStart[j])} (from 0 for j = 0).
     */
    private void invert(Workspace ws, int b0, int b1) {
        int[] sel = ws.sel;
        int[] rowStart = ws.rowStart;
        int[] rowSamples = ws.rowSamples;
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
    }

    /**
     * Phase 3, one sample: the exact top-k of the gate (every part computes the same selection into
     * its own scratch), then for the part's consecutive run of the ascending selection, hence
     * disjoint units: the light path of those units, the k selected rows of W1 among them only, and
     * the blend.
     */
    private void fullSparse(int part, int parts, Workspace ws) {
        int[] sel = ws.partSel(part);
        float[] g = ws.gate;
        TopK.select(g, 0, n, k, sel, 0, ws.partCandidates(part), ws.partTies(part));
        int t0 = Kernels.split(k, part, parts, 4);
        int t1 = Kernels.split(k, part + 1, parts, 4);
        int u0 = part == 0 ? 0 : (t0 < k ? sel[t0] : n);
        int u1 = part + 1 == parts ? n : (t1 < k ? sel[t1] : n);
        light(ws, 0, u0, u1);
        float[] h1 = ws.h1;
        float[] out = ws.out;
        int oOff = ws.outOff;
        Kernels.dotRows(fullWeight, d, sel, t0, t1 - t0, ws.in, ws.inOff, h1, t0);
        for (int t = t0; t < t1; t++) {
            int j = sel[t];
            float a = g[j];
            float full = h1[t] + fullBias[j];
            // y = a h1 + (1 - a) h2, written as the training forward does (same rounding).
            out[oOff + j] = a * full + (1f - a) * out[oOff + j];
        }
        if (ws.relu) {
            Kernels.relu(out, oOff + u0, u1 - u0);
        }
    }

    /**
     * Phase 3, batch > 1: row by row, each row of W1 read once per block of samples and serving the
     * (on average k/n of the) samples that selected it, four per load; parts take unit ranges.
     */
    private void fullSparseByRow(int part, int parts, Workspace ws) {
        int j0 = Kernels.split(n, part, parts, 1);
        int j1 = Kernels.split(n, part + 1, parts, 1);
        if (ws.batch <= SAMPLE_BLOCK) {
            // Inverted once in the select phase, shared by the parts.
            byRow(ws, part, j0, j1);
        } else {
            for (int b0 = 0; b0 < ws.batch; b0 += SAMPLE_BLOCK) {
                invert(ws, b0, Math.min(ws.batch, b0 + SAMPLE_BLOCK));
                byRow(ws, part, j0, j1);
            }
        }
        if (ws.relu) {
            for (int b = 0; b < ws.batch; b++) {
                Kernels.relu(ws.out, ws.outOff + b * n + j0, j1 - j0);
            }
        }
    }

    private void byRow(Workspace ws, int part, int j0, int j1) {
        int[] rowStart = ws.rowStart;
        int[] rowSamples = ws.rowSamples;
        float[] dots = ws.dots;
        int o = 4 * part;
        float[] in = ws.in;
        int inOff = ws.inOff;
        for (int j = j0; j < j1; j++) {
            int begin = j == 0 ? 0 : rowStart[j - 1];
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
                        fullWeight,
                        wOff,
                        d,
                        in,
                        inOff + s0 * d,
                        inOff + s1 * d,
                        inOff + s2 * d,
                        inOff + s3 * d,
                        dots,
                        o);
                blend(ws, s0, j, dots[o] + bias);
                blend(ws, s1, j, dots[o + 1] + bias);
                blend(ws, s2, j, dots[o + 2] + bias);
                blend(ws, s3, j, dots[o + 3] + bias);
            }
            for (; q < end; q++) {
                int s0 = rowSamples[q];
                blend(ws, s0, j, Kernels.dotRow(fullWeight, wOff, d, in, inOff + s0 * d) + bias);
            }
        }
    }

    /** {@code y = a h1 + (1 - a) h2} for unit j of sample b, h2 being already in the output. */
    private void blend(Workspace ws, int b, int j, float full) {
        float a = ws.gate[b * n + j];
        int o = ws.outOff + b * n + j;
        ws.out[o] = a * full + (1f - a) * ws.out[o];
    }

    /** Phase 3, dense compute: all rows of W1 in the part's unit range, then mask and blend. */
    private void fullDense(int part, int parts, Workspace ws) {
        int align = ws.dotPath ? 4 : Kernels.NR;
        int from = Kernels.split(n, part, parts, align);
        int to = Kernels.split(n, part + 1, parts, align);
        if (from >= to) {
            return;
        }
        float[] h1 = ws.h1;
        Kernels.gemm(
                ws.dotPath,
                ws.in,
                ws.inOff,
                ws.batch,
                fullPacked,
                fullWeight,
                d,
                n,
                from,
                to,
                h1,
                0,
                ws.tile(part));
        for (int b = 0; b < ws.batch; b++) {
            int off = b * n + from;
            Kernels.addBias(h1, off, to - from, fullBias, from, false);
            Kernels.blendAll(
                    ws.mask, off, ws.gate, off, h1, off, ws.out, ws.outOff + off, to - from);
            if (ws.relu) {
                Kernels.relu(ws.out, ws.outOff + off, to - from);
            }
        }
    }
}
