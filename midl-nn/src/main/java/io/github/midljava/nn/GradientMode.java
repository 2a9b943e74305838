package io.github.midljava.nn;

/**
 * How gradients flow through the hard top-k selection {@code a = m * g} of a {@link MidlBlock}.
 *
 * <p>The forward value is the same in every mode (the hard mask times the gate); only the backward
 * pass differs. DJL has no custom backward, so each mode is built from {@code stopGradient}.
 */
public enum GradientMode {
    /** Autograd of {@code m * g} with {@code m} held constant: only selected units learn a gate. */
    MASKED,
    /** Straight-through: forward {@code m * g}, backward as if {@code a = g} (the default). */
    STRAIGHT_THROUGH,
    /**
     * Backward through a sigmoid relaxation {@code s = sigmoid((g - g_k) / t)} around the k-th
     * largest gate value {@code g_k}, i.e. as if {@code a = s * g}; {@code t} is its own
     * temperature.
     */
    SOFT_TOPK
}
