package io.github.midljava.nn;

/**
 * How a {@link MidlBlock} chooses the k units of the full path. LEARNED is MID-L; the other two are
 * the ablations of our experiment E1 that isolate what the learned, input-dependent gate adds.
 */
public enum Selection {
    /** The top-k of the learned, input-dependent gate g (MID-L). */
    LEARNED,
    /**
     * k units drawn uniformly at random per sample (RANDOM_K); the learned gate still sets the
     * blend weights of the drawn units. Random at inference too, so outputs are not repeatable.
     */
    RANDOM,
    /**
     * One learned, input-independent set (STATIC_K): the gate is {@code sigmoid(b_g / tau)}, the
     * same for every sample, so the same k units are always selected; it has no gate matrix.
     */
    STATIC
}
