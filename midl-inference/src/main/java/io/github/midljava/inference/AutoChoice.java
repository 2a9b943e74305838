package io.github.midljava.inference;

/**
 * How {@link ComputeMode#AUTO} decides, per MID-L layer and per call size, between the sparse and
 * the dense computation of the full path: by timing both on the calls themselves. Which is faster
 * depends on the layer's shape, the batch, the thread count and the CPU (the batched sparse kernel
 * does fewer multiply-adds but loads more per multiply-add than the packed dense kernel), so no
 * fixed rule holds everywhere.
 *
 * <p>Call sizes are grouped in buckets (the single-sample path, then powers of two of the samples a
 * thread computes). In a bucket the two computations first take turns in bursts of {@value #BURST}
 * calls until each has {@value #TRIALS} timed calls; afterwards the faster by its fastest call is
 * used, and every {@value #RECHECK} calls the other runs one burst again, so a choice made while
 * the JIT was still compiling one of them is corrected once it has compiled. The first call of a
 * burst is not timed: it runs on caches the other computation filled (sparse reads W1 by rows,
 * dense compute reads it in packed panels; one call of the other would look slower than it is). The
 * fastest call, not the median, is compared: on a shared machine it is the least disturbed by other
 * processes. Thread-safe (slices of a batch time their layer concurrently).
 */
final class AutoChoice {
    /** Timed calls of each computation before the first decision. */
    static final int TRIALS = 8;

    /** Consecutive calls of one computation while trying or re-checking; the first is untimed. */
    static final int BURST = 4;

    /** After the trials, one burst in this many calls runs the computation not chosen. */
    static final int RECHECK = 256;

    /** {@link #next} codes: bit 0 = sparse, bit 1 = time this call. */
    static final int SPARSE = 1;

    static final int TIMED = 2;

    private static final int BUCKETS = 34;

    /** Per bucket: fastest timed call in ns of [sparse, dense], Long.MAX_VALUE if none. */
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

    /**
     * How the next call in {@code bucket} computes: {@link #SPARSE} set for sparse, {@link #TIMED}
     * set if its time should be {@link #record}ed.
     */
    synchronized int next(int bucket) {
        long n = calls[bucket]++;
        int[] t = trials[bucket];
        if (t[0] < TRIALS || t[1] < TRIALS) {
            boolean sparse = (n / BURST) % 2 == 0;
            return (sparse ? SPARSE : 0) | (n % BURST != 0 ? TIMED : 0);
        }
        boolean choice = best[bucket][0] <= best[bucket][1];
        long r = n % RECHECK;
        if (r < BURST) {
            return (choice ? 0 : SPARSE) | (r != 0 ? TIMED : 0);
        }
        return (choice ? SPARSE : 0) | TIMED;
    }

    /** Whether the next call in {@code bucket} computes sparsely (as {@link #next}). */
    boolean sparse(int bucket) {
        return (next(bucket) & SPARSE) != 0;
    }

    /** Records a timed call of {@code nanos} that computed sparsely or not. */
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
