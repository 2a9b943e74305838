package io.github.midljava.inference;

/**
 * A layer prepared for inference: weights repacked once, forward pass in phases. A phase that is
 * {@link #splittable} can be run as several parts on disjoint output ranges (one per thread of a
 * {@link Team}); the others run whole on one thread. The call's arguments are in the {@link
 * Workspace} ({@code in}, {@code out}, offsets, batch, relu).
 */
interface Layer {
    int inFeatures();

    int outFeatures();

    /** Rows of the stacked input projection (MID-L gate + light), 0 if none. */
    int projRows();

    /** Units on the full path per sample (MID-L), 0 if none. */
    int activeUnits();

    int phases();

    /** Whether {@code phase} may run as several parts for this batch size. */
    boolean splittable(int phase, int batch);

    /** Runs part {@code part} of {@code parts} of {@code phase}. */
    void phase(int phase, int part, int parts, Workspace ws);

    /**
     * Prepares a call whose arguments are in {@code ws} (for a MID-L layer in {@link
     * ComputeMode#AUTO}: whether this call computes sparsely); returns whether the caller should
     * time the call and report it to {@link #end}.
     */
    default boolean begin(Workspace ws) {
        return false;
    }

    /** Receives the wall time of a call for which {@link #begin} returned true. */
    default void end(Workspace ws, long nanos) {}

    /** Runs every phase whole on this thread. */
    default void forward(Workspace ws) {
        for (int ph = 0; ph < phases(); ph++) {
            phase(ph, 0, 1, ws);
        }
    }
}
