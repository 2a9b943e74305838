package io.github.midljava.inference;

/**
 * The arguments and scratch buffers of one layer call on one slice of a batch, sized for the widest
 * layer and grown only when a larger slice arrives, so a steady stream of calls allocates nothing.
 * Buffers written by split phases are indexed by output position or by part, so parts never share a
 * cell.
 */
final class Workspace {
    private final int maxWidth;
    private final int maxProj;
    private final int maxUnits;
    private final int maxK;
    private final int maxParts;
    private int capacity;

    // The current layer call.
    float[] in;
    int inOff;
    float[] out;
    int outOff;
    int batch;
    boolean relu;

    /**
     * Whether the whole call is a single sample: then matrix products run as row dot products (and
     * MID-L gathers its selected rows); otherwise packed panels, even for a one-sample slice of a
     * bigger batch, so that results do not depend on how the batch was sliced.
     */
    boolean dotPath;

    /** Whether the current MID-L layer call computes its full path sparsely. */
    boolean sparse;

    /** Ping-pong activations between layers, {@code [batch, maxWidth]}. */
    float[] act0;

    float[] act1;

    /** Stacked gate + light input projections of a MID-L layer, {@code [batch, P]}. */
    float[] proj;

    /** Gate values g, {@code [batch, n]}. */
    float[] gate;

    /** Full-path outputs: {@code [k]} gathered (sparse) or {@code [batch, n]} (dense compute). */
    float[] h1;

    /** Selected unit indices, ascending, {@code [batch, k]}. */
    int[] sel;

    /** The 0/1 masks, {@code [batch, n]} (dense compute only). */
    float[] mask;

    /** Batched sparse path: samples grouped by selected unit, {@code [batch, k]}. */
    int[] rowSamples;

    /** Batched sparse path: per unit, where its list of samples ends, {@code [n + 1]}. */
    final int[] rowStart;

    /** Four dot products of {@link Kernels#dotRow4} per part. */
    final float[] dots;

    /** One partial output tile of the packed kernel per part. */
    private final float[][] tiles;

    /**
     * Each part's own scratch of {@link TopK#select} and, on the batch-1 sparse path, its own copy
     * of the selection ({@code [maxK]}): there every part selects the same units from the shared
     * gate rather than wait for one thread to do it.
     */
    private final int[][] partSel;

    private final float[][] partCandidates;
    private final int[][] partTies;

    Workspace(int maxWidth, int maxProj, int maxUnits, int maxK, int maxParts) {
        this.maxWidth = maxWidth;
        this.maxProj = maxProj;
        this.maxUnits = maxUnits;
        this.maxK = maxK;
        this.maxParts = maxParts;
        this.rowStart = new int[maxUnits + 1];
        this.dots = new float[4 * maxParts];
        this.tiles = new float[maxParts][Kernels.MR * Kernels.NR];
        this.partSel = new int[maxParts][maxK + TopK.SEL_SLACK];
        this.partCandidates = new float[maxParts][TopK.CANDIDATES];
        this.partTies = new int[maxParts][maxK];
    }

    void ensure(int batch) {
        if (batch <= capacity) {
            return;
        }
        act0 = new float[batch * maxWidth];
        act1 = new float[batch * maxWidth];
        proj = new float[batch * maxProj];
        gate = new float[batch * maxUnits];
        h1 = new float[batch * maxUnits];
        sel = new int[batch * maxK + TopK.SEL_SLACK];
        mask = new float[batch * maxUnits];
        rowSamples = new int[batch * maxK];
        capacity = batch;
    }

    /** The scratch tile of part {@code part}. */
    float[] tile(int part) {
        return tiles[part];
    }

    int[] partSel(int part) {
        return partSel[part];
    }

    float[] partCandidates(int part) {
        return partCandidates[part];
    }

    int[] partTies(int part) {
        return partTies[part];
    }

    int maxParts() {
        return maxParts;
    }

    void setCall(
            float[] in,
            int inOff,
            float[] out,
            int outOff,
            int batch,
            boolean relu,
            boolean dotPath) {
        this.dotPath = dotPath;
        this.in = in;
        this.inOff = inOff;
        this.out = out;
        this.outOff = outOff;
        this.batch = batch;
        this.relu = relu;
    }
}
