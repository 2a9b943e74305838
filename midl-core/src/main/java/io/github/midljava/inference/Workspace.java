package io.github.midljava.inference;

/**
 * Scratch buffers for one thread's slice of a batch, sized for the widest layer and grown only when
 * a larger slice arrives, so a steady stream of calls allocates nothing.
 */
final class Workspace {
    private final int maxWidth;
    private final int maxProj;
    private final int maxUnits;
    private final int maxK;
    private int capacity;

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

    /** Batched sparse path: per unit, where its list of samples ends, {@code [n + 1]}. */
    final int[] rowStart;

    /** Batched sparse path: samples grouped by selected unit, {@code [batch, k]}. */
    int[] rowSamples;

    /** Four dot products of {@link Kernels#dotRow4}. */
    final float[] dots = new float[4];

    /** The 0/1 mask of one sample, {@code [n]} (dense compute only). */
    float[] mask;

    /** Scratch of {@link TopK#select}. */
    final float[] candidates = new float[TopK.CANDIDATES];

    /** Scratch of {@link TopK#select}: tie indices. */
    final int[] ties;

    /** One partial output tile of the packed kernel. */
    final float[] tile = new float[Kernels.MR * Kernels.NR];

    Workspace(int maxWidth, int maxProj, int maxUnits, int maxK) {
        this.maxWidth = maxWidth;
        this.maxProj = maxProj;
        this.maxUnits = maxUnits;
        this.maxK = maxK;
        this.mask = new float[maxUnits];
        this.ties = new int[maxK];
        this.rowStart = new int[maxUnits + 1];
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
        sel = new int[batch * maxK];
        rowSamples = new int[batch * maxK];
        capacity = batch;
    }
}
