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
     * Whichever of {@link #SPARSE} and {@link #DENSE} is faster, decided by timing both on the
     * first calls, per MID-L layer and call size (see {@code AutoChoice}): the gathered rows pay
     * while reading the weights is the bottleneck (batch 1); once a batch shares each weight load
     * across samples, the packed dense kernel may win although it computes every unit, and where
     * the crossover lies depends on the CPU. Outputs of the two differ by float rounding only.
     */
    AUTO
}
