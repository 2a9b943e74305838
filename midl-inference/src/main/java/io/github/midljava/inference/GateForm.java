package io.github.midljava.inference;

/**
 * How a {@link MidlLayerWeights} stores its gate matrix {@code G} (the inference twin of the layer
 * library's {@code GateForm}; this module depends on nothing, so it has its own vocabulary).
 */
public enum GateForm {
    /** A full {@code [n, d]} matrix. */
    DENSE,
    /** A factorised {@code [n, r_g] x [r_g, d]} matrix. */
    LOW_RANK
}
