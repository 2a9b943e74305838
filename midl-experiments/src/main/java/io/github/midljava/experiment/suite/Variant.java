package io.github.midljava.experiment.suite;

import io.github.midljava.model.Method;
import io.github.midljava.model.ModelOptions;
import java.math.BigDecimal;

/**
 * One training configuration of the suite, trained once per seed and stored under {@code
 * runs/<dataset>/<name>/seed-<s>/}.
 *
 * @param name folder name, unique within the suite, e.g. {@code midl} or {@code midl-ratio-0.2}
 * @param model the hidden layers (method, MID-L configuration, dropout rate)
 * @param labelNoise fraction of training labels flipped, in [0, 1)
 * @param trainFraction fraction of the training split used, in (0, 1]
 * @param primary whether this is an E1 variant: those runs also measure latency, accuracy under
 *     input noise and (for DENSE, DROPOUT and MIDL) the E2 information measures, so that E2 and E3
 *     cost no extra training
 */
public record Variant(
        String name, ModelOptions model, double labelNoise, double trainFraction, boolean primary) {

    /** Validates the name and values. */
    public Variant {
        if (name == null || !name.matches("[a-z0-9_.-]+")) {
            throw new IllegalArgumentException(
                    "variant name must be lower-case letters, digits, '_', '.' or '-', got "
                            + name);
        }
        if (model == null) {
            throw new IllegalArgumentException("model must be set for variant " + name);
        }
        if (!(labelNoise >= 0 && labelNoise < 1)) {
            throw new IllegalArgumentException("labelNoise must be in [0, 1), got " + labelNoise);
        }
        if (!(trainFraction > 0 && trainFraction <= 1)) {
            throw new IllegalArgumentException(
                    "trainFraction must be in (0, 1], got " + trainFraction);
        }
    }

    /** Returns the method of the hidden layers. */
    public Method method() {
        return model.method();
    }

    /** Returns whether the run computes the E2 measures (primary DENSE, DROPOUT or MIDL). */
    public boolean analysed() {
        Method m = method();
        return primary && (m == Method.DENSE || m == Method.DROPOUT || m == Method.MIDL);
    }

    /** Returns whether the run keeps its trained weights for E4 (primary DENSE or MIDL). */
    public boolean savesParameters() {
        Method m = method();
        return primary && (m == Method.DENSE || m == Method.MIDL);
    }

    /** Returns whether two variants train the same thing (name and measurements aside). */
    boolean trainsLike(Variant o) {
        return model.equals(o.model)
                && labelNoise == o.labelNoise
                && trainFraction == o.trainFraction;
    }

    /** Formats a number for a folder name without trailing zeros: 0.20 -> "0.2", 1.0 -> "1". */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
