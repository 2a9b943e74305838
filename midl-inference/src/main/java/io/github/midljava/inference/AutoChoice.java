package io.github.midljava.inference;

/**
 * How {@link ComputeMode#AUTO} decides, per MID-L layer and per call size, between the sparse and
 * the dense computation of the full path: by timing both on the calls themselves. Which is faster
 * depends on the layer's shape, the batch, the thread count and the CPU (the batched sparse kernel
 * does fewer multiply-adds but loads more per multiply-add than the packed dense kernel), so no
 * fixed rule holds everywhere.
 *
 * <p>Call sizes are grouped in buckets (the single-sample path, then powers of two of the samples a
 * thread computes). In a bucket the first {@value #TRIALS} calls of each alternate; afterwards the
 * faster by its fastest call is used, and every {@value #RECHECK}-th call times the other once
 * more, so a choice made while the JIT was still compiling one of them is corrected once it has
 * compiled. The fastest call, not the median, is compared: on a shared machine it is the least
 * disturbed by other processes. Thread-safe (slices of a batch time their layer concurrently).
 */
final class AutoChoice {
    /** Timed calls of each computation before the first decision. */
    static final int TRIALS = 8;

    /** After the trials, one call in this many runs the computation not chosen. */
    static final int RECHECK = 128;

    private static final int BUCKETS = 34;

    /** Per bucket: fastest call in ns of [sparse, dense], Long.MAX_VALUE if none. */
    private final long[][] best = new long[BUCKETS][2];

    private final int[][] trials = new int[BUCKETS][2];
    private final long[] calls = new long[BUCKETS];

    AutoChoice() {
        for (long[] b : best) {
            b[0] = Long.MAX_VALUE;
            b[1] = Long.MAX_VALUE;
        }
    }

    /** The bucket of a call: 0 for the single-sample path, else 1 + floor(log2(samples)). */
    static int bucket(int samples, boolean singleSamplePath) {
        return singleSamplePath ? 0 : 32 - Integer.numberOfLeadingZeros(samples);
    }

    /** Whether the next call in {@code bucket} computes sparsely. */
    synchronized boolean sparse(int bucket) {
        int[] t = trials[bucket];
        if (t[0] < TRIALS || t[1] < TRIALS) {
            return t[0] <= t[1];
        }
        boolean choice = best[bucket][0] <= best[bucket][1];
        return ++calls[bucket] % RECHECK == 0 ? !choice : choice;
    }

    /** Records a call of {@code nanos} that computed sparsely or not. */
    synchronized void record(int bucket, boolean sparse, long nanos) {
        int i = sparse ? 0 : 1;
        trials[bucket][i]++;
        best[bucket][i] = Math.min(best[bucket][i], nanos);
    }

    /**
     * The current decision in {@code bucket}: true sparse, false dense, null while still trying.
     */
    synchronized Boolean decided(int bucket) {
        int[] t = trials[bucket];
        if (t[0] < TRIALS || t[1] < TRIALS) {
            return null;
        }
        return best[bucket][0] <= best[bucket][1];
    }
}
