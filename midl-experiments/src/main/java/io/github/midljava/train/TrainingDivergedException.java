package io.github.midljava.train;

/**
 * Training produced a loss or parameters that are not finite (NaN or infinite). Training stops at
 * once and no result is written: a run whose loss became NaN would otherwise go on to "evaluate" a
 * network that outputs NaN, whose argmax is class 0, and report the majority class's share as its
 * accuracy. The message is one line naming the run, the epoch and the step.
 */
public class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code what} says what was not finite and where. */
    public TrainingDivergedException(String what) {
        super(
                "training diverged: "
                        + what
                        + "; nothing was written. Check the options that scale the loss or the"
                        + " gate (--temperature, --sparsity-weight) and the data");
    }
}
