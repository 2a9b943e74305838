package io.github.midljava.nn;

/** How a {@link MidlBlock} computes its gate logits {@code G x + b_g}. */
public enum GateKind {
    /** A full {@code [n, d]} matrix: as expensive as the layer it gates, so it forbids savings. */
    DENSE,
    /** A factorised {@code [n, r_g] x [r_g, d]} matrix: costs {@code 2 r_g (d + n)} FLOPs. */
    LOW_RANK
}
