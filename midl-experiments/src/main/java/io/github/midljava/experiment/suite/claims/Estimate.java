package io.github.midljava.experiment.suite.claims;

/**
 * A measured value with its uncertainty.
 *
 * @param mean the value (mean over seeds)
 * @param spread its uncertainty: standard deviation over seeds for accuracies, standard error for
 *     SMI; NaN if unknown
 * @param n number of runs behind it
 */
public record Estimate(double mean, double spread, int n) {

    /** Returns the spread, or 0 if unknown (one seed), for error propagation. */
    public double spreadOrZero() {
        return Double.isNaN(spread) ? 0 : spread;
    }
}
