package io.github.midljava.inference;

/** How a MID-L layer computes its gate pre-activation {@code G x}. */
public enum GateKind {
    /** {@code G = gateWeight}, shape {@code [n, d]}: costs as much as the full path. */
    DENSE,
    /** {@code G = gateUp · gateDown}, shapes {@code [n, r_g]} and {@code [r_g, d]}: the default. */
    LOW_RANK
}
