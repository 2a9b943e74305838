package io.github.midljava.inference;

/**
 * Which kernel an {@link InferenceNetwork} runs for a call of one sample. Which is faster depends
 * on the CPU: on an Intel Xeon the row dot products stream the weights at full speed, on an AMD
 * EPYC the batched panel kernel reads them faster. A benchmark that wants the fastest dense
 * single-sample computation times both and takes the better one.
 */
public enum SingleSampleKernel {
    /**
     * Dot products over the rows of each weight matrix; MID-L's sparse path gathers only the k
     * selected rows of W1 and computes the same per-row arithmetic as its dense compute, so the two
     * agree bitwise.
     */
    ROWS,
    /**
     * The batched kernel (packed column panels, broadcast FMAs) on a batch of one, as every batch
     * of more than one sample runs; MID-L's sparse path then runs its batched sparse kernel.
     */
    PANELS
}
