package io.github.midljava.nn;

/** How a {@link MidlBlock} computes the cheap path {@code h2} of the units not selected. */
public enum LightPath {
    /**
     * {@code h2 = U V x + b2} with {@code V: [r, d]}, {@code U: [n, r]}: the paper's low-rank
     * branch.
     */
    LOW_RANK,
    /** {@code h2 = L x + b2} with a full {@code L: [n, d]}: an ablation, no FLOPs saved. */
    DENSE,
    /** {@code h2 = x}: a residual-style pass-through, only when the input size equals the units. */
    IDENTITY,
    /**
     * {@code h2 = 0}: unselected units output zero, like a learned, input-dependent dropout (the
     * default).
     */
    ZERO
}
