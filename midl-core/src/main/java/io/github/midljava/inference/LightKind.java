package io.github.midljava.inference;

/** How a MID-L layer computes its cheap light path {@code h2}. */
public enum LightKind {
    /**
     * {@code h2 = lightUp · (lightDown · x) + lightBias}, shapes {@code [n, r]}, {@code [r, d]}.
     */
    LOW_RANK,
    /** {@code h2 = lightWeight · x + lightBias}, shape {@code [n, d]}. */
    DENSE,
    /** {@code h2 = x}; requires {@code d == n}. */
    IDENTITY,
    /** {@code h2 = 0}: unselected units output zero. */
    ZERO
}
