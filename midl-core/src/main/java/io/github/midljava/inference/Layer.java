package io.github.midljava.inference;

/** A layer prepared for inference: weights repacked once, forward over a slice of a batch. */
interface Layer {
    int inFeatures();

    int outFeatures();

    /** Rows of the stacked input projection (MID-L gate + light), 0 if none. */
    int projRows();

    /** Units on the full path per sample (MID-L), 0 if none. */
    int activeUnits();

    /**
     * Computes {@code batch} rows of output at {@code out[outOff ..]} (stride {@link
     * #outFeatures}) from the rows at {@code in[inOff ..]} (stride {@link #inFeatures}), then
     * ReLU if {@code relu}. {@code in} and {@code out} must not overlap.
     */
    void forward(
            float[] in, int inOff, float[] out, int outOff, int batch, boolean relu, Workspace ws);
}
