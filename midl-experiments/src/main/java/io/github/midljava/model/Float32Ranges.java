package io.github.midljava.model;

import io.github.midljava.nn.MidlConfig;

/**
 * The ranges of the numeric model options in which training in float32, the precision the engine
 * computes in, stays finite. {@link MidlConfig} checks only the mathematical domain (tau &gt; 0,
 * lambda &ge; 0); a value inside it can still be 0 or infinite once cast to float32 (tau = 1e-50,
 * lambda = 1e39), or overflow on the way: the gate divides by tau, its gradient grows with 1/tau,
 * and Adam squares the gradient (float32 overflows at 3.4e38, so a gradient above 1.8e19 already
 * turns the update into NaN). Such a run used to finish with a NaN loss and the majority class as
 * its "accuracy".
 *
 * <p>The bounds below are ours, from runs: wide enough for every setting of the paper and of our
 * ablations (tau 0.5 to 2, lambda up to 1e-2), and an order of magnitude inside the values where
 * training diverged (Adult MID-L, one step: tau = 1e-4 gave NaN gate weights after the first
 * update; tau 1e-3 and 1e4 and lambda 1e4 trained). {@code NumericOptionsFuzzTest} trains at the
 * edges and rejects what lies outside.
 */
public final class Float32Ranges {

    /** Smallest gate temperature accepted. */
    public static final double MIN_TEMPERATURE = 1e-2;

    /** Largest gate temperature accepted. */
    public static final double MAX_TEMPERATURE = 1e3;

    /** Largest sparsity weight accepted. */
    public static final double MAX_SPARSITY_WEIGHT = 1e3;

    private Float32Ranges() {}

    /**
     * Checks the MID-L options that the engine computes with in float32.
     *
     * @throws IllegalArgumentException naming the option, its value (and what float32 makes of it)
     *     and the accepted range
     */
    public static void check(MidlConfig c) {
        inRange("temperature", c.temperature(), MIN_TEMPERATURE, MAX_TEMPERATURE);
        inRange("softTopKTemperature", c.softTopKTemperature(), MIN_TEMPERATURE, MAX_TEMPERATURE);
        inRange("sparsityWeight", c.sparsityWeight(), 0, MAX_SPARSITY_WEIGHT);
    }

    /**
     * Checks a dropout rate: in [0, 1) also after the cast to float32 (0.99999999 becomes 1.0f, and
     * dropout then divides by 1 - rate = 0).
     */
    public static void checkDropoutRate(double rate) {
        if (!(rate >= 0 && rate < 1 && (float) rate < 1f)) {
            throw new IllegalArgumentException(
                    "dropoutRate must be in [0, 1) in float32, got " + rate + asFloat(rate));
        }
    }

    private static void inRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    name
                            + " must be in ["
                            + min
                            + ", "
                            + max
                            + "] (float32 training stays finite there), got "
                            + value
                            + asFloat(value));
        }
    }

    /** Says what float32 makes of a value, where that is the problem. */
    private static String asFloat(double value) {
        float f = (float) value;
        if (value != 0 && f == 0f) {
            return " (0 in float32)";
        }
        if (Double.isFinite(value) && Float.isInfinite(f)) {
            return " (infinite in float32)";
        }
        if (value < 1 && f == 1f) {
            return " (1.0 in float32)";
        }
        return "";
    }
}
