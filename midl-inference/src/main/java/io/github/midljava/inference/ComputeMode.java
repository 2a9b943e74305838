package io.github.midljava.inference;

/** How {@link InferenceNetwork} evaluates the full path of its MID-L layers. */
public enum ComputeMode {
    /**
     * Computes only the k selected rows of the full path per sample (gathered dot products): the
     * work saved by MID-L becomes wall-clock time.
     */
    SPARSE,
    /**
     * Computes all n rows of the full path, then masks and blends, as the training-mode forward
     * does: the baseline that shows what {@link #SPARSE} saves. Same output up to float rounding.
     */
    DENSE,
    /**
     * {@link #SPARSE} for single-sample calls, {@link #DENSE} for batches: on a CPU the gathered
     * rows only pay while reading the weights is the bottleneck; once a batch shares each weight
     * load across samples, the packed dense kernel computing every unit is faster than the
     * row-by-row sparse one (see midl-benchmarks/README.md for the measured crossover).
     */
    AUTO
}
