package io.github.midljava.evaluate;

/**
 * Derives independent seeds for sub-tasks (one per direction, one per unit) from a base seed, so
 * that every sub-task draws the same numbers whichever thread runs it and in whatever order.
 */
final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {}

    /**
     * Returns the seed of sub-task {@code index} (and {@code stream}, to separate several uses
     * within one sub-task): the SplitMix64 finaliser of a Weyl sequence, which decorrelates
     * neighbouring indices and bases.
     */
    static long derive(long base, long stream, long index) {
        long z = base + GOLDEN_GAMMA * (index + 1) + 0xD1B54A32D192ED03L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
