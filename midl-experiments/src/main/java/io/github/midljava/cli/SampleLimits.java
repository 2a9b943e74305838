package io.github.midljava.cli;

import picocli.CommandLine.Option;

/** {@code --train-limit} and {@code --test-limit}: small slices of a dataset for smoke runs. */
public final class SampleLimits {

    @Option(
            names = "--train-limit",
            paramLabel = "N",
            description = "Keep only N training samples (smoke runs, tests; 0 = all).")
    int trainLimit = 0;

    @Option(
            names = "--test-limit",
            paramLabel = "N",
            description =
                    "Evaluate on a fixed random subset of N test samples (smoke runs, tests; 0 ="
                            + " all).")
    int testLimit = 0;

    /** Returns the test limit after checking it, naming the option. */
    int testLimit() {
        if (testLimit < 0) {
            throw new IllegalArgumentException(
                    "--test-limit must be >= 0 (0 = all), got " + testLimit);
        }
        return testLimit;
    }
}
