package io.github.midljava.nn;

import ai.djl.ndarray.NDArray;

/**
 * The parameter arrays of one MID-L layer, for the functional form {@link MidlBlock#midl}. Arrays a
 * configuration does not use are {@code null}. Weights are {@code [out, in]} as in DJL's {@code
 * Linear}.
 *
 * @param fullWeight {@code W1: [n, d]}
 * @param fullBias {@code b1: [n]}
 * @param gateWeight {@code G: [n, d]} (DENSE gate)
 * @param gateDown {@code G_down: [r_g, d]} (LOW_RANK gate)
 * @param gateUp {@code G_up: [n, r_g]} (LOW_RANK gate)
 * @param gateBias {@code b_g: [n]}
 * @param lightWeight {@code L: [n, d]} (DENSE light path)
 * @param lightDown {@code V: [r, d]} (LOW_RANK light path)
 * @param lightUp {@code U: [n, r]} (LOW_RANK light path)
 * @param lightBias {@code b2: [n]} (LOW_RANK and DENSE light paths)
 */
public record MidlWeights(
        NDArray fullWeight,
        NDArray fullBias,
        NDArray gateWeight,
        NDArray gateDown,
        NDArray gateUp,
        NDArray gateBias,
        NDArray lightWeight,
        NDArray lightDown,
        NDArray lightUp,
        NDArray lightBias) {}
