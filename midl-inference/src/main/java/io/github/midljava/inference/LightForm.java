package io.github.midljava.inference;

/**
 * How a {@link MidlLayerWeights} computes the light path {@code h2} of the units not selected (the
 * inference twin of the layer library's {@code LightForm}).
 */
public enum LightForm {
    /** {@code h2 = U V x + b2} with {@code V: [r, d]}, {@code U: [n, r]}. */
    LOW_RANK,
    /** {@code h2 = L x + b2} with a full {@code L: [n, d]}. */
    DENSE,
    /** {@code h2 = x} (input size equals the units). */
    IDENTITY,
    /** {@code h2 = 0}. */
    ZERO
}
