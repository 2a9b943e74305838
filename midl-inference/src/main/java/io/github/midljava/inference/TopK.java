package io.github.midljava.inference;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Exact top-k selection by (value descending, index ascending), in O(n log range) vectorised passes
 * and without branches that depend on the data.
 *
 * <p>Why not quickselect: for n = 512 it mispredicts a branch on roughly every other comparison
 * (several microseconds). Instead we bisect on the threshold: floats map to ints whose order is the
 * float order ({@link #key}), and each bisection step is one vectorised count of {@code v >= t} (32
 * compare+popcount for n = 512 and 16 lanes). The k-th largest value {@code T} found this way
 * splits the input into {@code greater} values {@code > T}, all selected, and ties {@code == T}, of
 * which the {@code k - greater} with the lowest indices are selected.
 */
final class TopK {
    private static final VectorSpecies<Integer> INTS =
            VectorSpecies.of(int.class, Kernels.SPECIES.vectorShape());

    private TopK() {}

    /**
     * Writes the indices of the k largest of {@code v[off .. off + n)} into {@code sel[selOff ..
     * selOff + k)}, ascending. Exactly k indices; among equal values the lower index wins. NaN
     * ranks below every number (a row with NaN, e.g. from a diverged training step, takes a slower
     * scalar path; before it, a NaN whose sign bit was set could overflow {@code sel}). {@code
     * cand} holds at least {@link #CANDIDATES} floats and {@code ties} at least {@code k} ints,
     * both scratch. Entries of {@code sel} after the k written may be overwritten (up to {@link
     * #SEL_SLACK} of them, where the array has them): give each caller's selection its own array,
     * or fill consecutive ranges in ascending order.
     */
    static void select(
            float[] v, int off, int n, int k, int[] sel, int selOff, float[] cand, int[] ties) {
        if (k == n) {
            for (int j = 0; j < n; j++) {
                sel[selOff + j] = j;
            }
            return;
        }
        float t = kthLargest(v, off, n, k, cand);
        if (Float.isNaN(t)) {
            selectWithNaN(v, off, n, k, sel, selOff);
            return;
        }
        int greater = compactGreater(v, off, n, t, sel, selOff);
        // The remaining k - greater come from the ties at t, lowest indices first (usually one):
        // a vector at a time, looking at lanes only where one is equal.
        int need = k - greater;
        int found = 0;
        int bound = Kernels.SPECIES.loopBound(n);
        FloatVector tv = FloatVector.broadcast(Kernels.SPECIES, t);
        int j = 0;
        for (; j < bound && found < need; j += Kernels.LANES) {
            FloatVector x = FloatVector.fromArray(Kernels.SPECIES, v, off + j);
            if (x.compare(VectorOperators.EQ, tv).anyTrue()) {
                for (int l = j; l < j + Kernels.LANES && found < need; l++) {
                    if (v[off + l] == t) {
                        ties[found++] = l;
                    }
                }
            }
        }
        for (; j < n && found < need; j++) {
            if (v[off + j] == t) {
                ties[found++] = j;
            }
        }
        if (found < need) {
            fillUnselected(sel, selOff, greater, k, ties, found);
            return;
        }
        // Merge the ties into the ascending list from the back, in place: each tie moves the
        // block of larger indices up with one arraycopy (binary search for the block).
        int i = greater;
        int w = k;
        for (int q = need - 1; q >= 0; q--) {
            int tie = ties[q];
            int pos = upperBound(sel, selOff, i, tie);
            int count = i - pos;
            System.arraycopy(sel, selOff + pos, sel, selOff + w - count, count);
            w -= count + 1;
            sel[selOff + w] = tie;
            i = pos;
        }
    }

    /** The number of the first {@code len} (ascending) entries of {@code a} below {@code x}. */
    private static int upperBound(int[] a, int off, int len, int x) {
        int lo = 0;
        int hi = len;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[off + mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Entries after a selection that {@link #select} may overwrite as scratch. */
    static final int SEL_SLACK = 3;

    /** Four-lane int vectors: the unit of the table-driven compaction. */
    private static final VectorSpecies<Integer> INT4 = IntVector.SPECIES_128;

    /** Vectorised compaction needs whole 4-lane groups in the vectors of the kernels. */
    private static final boolean TABLE_COMPACTION = Kernels.LANES % 4 == 0;

    /**
     * For each 4-bit mask, the positions of its set bits, ascending, then zeros: [16][4]. Four
     * cache lines. A table for 8-bit masks (8 KB) was faster in a loop on its own, but inside the
     * network the weights streaming through the caches evict it between calls, and it measured
     * slower there in the one comparison made.
     */
    private static final int[] SET_BITS = new int[16 * 4];

    /** Lane l holds 2^l: the weights that turn 0/1 lanes into a bit mask with one reduction. */
    private static final IntVector LANE_BITS;

    static {
        for (int m = 0; m < 16; m++) {
            int c = 0;
            for (int b = 0; b < 4; b++) {
                if ((m >> b & 1) != 0) {
                    SET_BITS[m * 4 + c++] = b;
                }
            }
        }
        int[] bits = new int[INTS.length()];
        for (int l = 0; l < bits.length && l < 31; l++) {
            bits[l] = 1 << l;
        }
        LANE_BITS = IntVector.fromArray(INTS, bits, 0);
    }

    /**
     * Writes the indices j with {@code v[off + j] > t}, ascending, to {@code sel[selOff ..]} and
     * returns their number (at most k - 1 when t is the k-th largest). Per vector: the sign bits of
     * {@code t - x} as a lane mask (one reduction), then per four lanes one table row of set-bit
     * positions, offset by j, stored whole; the count advances by the mask's popcount, so the next
     * store overwrites the unused tail. Measured inside the MNIST MLP (layer 1, n = 512, one
     * thread), the whole selection took 2.1 instead of 2.3 µs and 3.2 instead of 3.3 µs (two runs)
     * against the scalar branch-free loop.
     */
    private static int compactGreater(float[] v, int off, int n, float t, int[] sel, int selOff) {
        int greater = 0;
        int j = 0;
        if (TABLE_COMPACTION) {
            int bound = Kernels.SPECIES.loopBound(n);
            FloatVector tv = FloatVector.broadcast(Kernels.SPECIES, t);
            for (; j < bound; j += Kernels.LANES) {
                int bits =
                        tv.sub(FloatVector.fromArray(Kernels.SPECIES, v, off + j))
                                .reinterpretAsInts()
                                .lanewise(VectorOperators.LSHR, 31)
                                .mul(LANE_BITS)
                                .reduceLanes(VectorOperators.ADD);
                for (int q = 0; q < Kernels.LANES; q += 4) {
                    int b4 = (bits >>> q) & 0xF;
                    int at = selOff + greater;
                    if (at + 4 <= sel.length) {
                        IntVector.fromArray(INT4, SET_BITS, b4 * 4).add(j + q).intoArray(sel, at);
                    } else {
                        for (int c = 0; c < Integer.bitCount(b4); c++) {
                            sel[at + c] = j + q + SET_BITS[b4 * 4 + c];
                        }
                    }
                    greater += Integer.bitCount(b4);
                }
            }
        }
        // Branch-free: always write, advance only when taken. At most k - 1 values exceed t, so
        // the extra write stays inside sel.
        for (; j < n; j++) {
            sel[selOff + greater] = j;
            // Sign bit of t - x: 1 exactly when x > t (see countSign); no branch to mispredict.
            greater += Float.floatToRawIntBits(t - v[off + j]) >>> 31;
        }
        return greater;
    }

    /**
     * Bisection stops once at most this many values remain between its bounds. Two more passes of
     * bisection (~40 ns each for n = 512) cost less than looking at the lanes of up to 16 vectors
     * holding candidates: 4 measured about 0.25 µs faster per selection than 16.
     */
    private static final int MAX_CANDIDATES = 4;

    /** Length of the {@code cand} scratch: the candidates plus one write-always slot. */
    static final int CANDIDATES = MAX_CANDIDATES + 1;

    /** {@link #key} of negative and positive infinity: NaN keys lie outside this range. */
    private static final int KEY_NEG_INF = key(Float.NEGATIVE_INFINITY);

    private static final int KEY_POS_INF = key(Float.POSITIVE_INFINITY);

    /**
     * The k-th largest value: the largest t with {@code count(v >= t) >= k}. Bisects on the order
     * keys until at most {@value #MAX_CANDIDATES} values lie between the bounds (about log2(n / 4)
     * steps instead of ~25 for the full key range), then sorts those few. Returns NaN if the row
     * holds a NaN (its key lies beyond an infinity's: found by the min/max pass for free).
     */
    static float kthLargest(float[] v, int off, int n, int k, float[] cand) {
        // Min and max as order keys: one int min and max per vector, where float min/max carry
        // Java's NaN and -0.0 rules (three times slower here).
        int minKey = key(v[off]);
        int maxKey = minKey;
        int bound = Kernels.SPECIES.loopBound(n);
        int j = 0;
        if (bound > 0) {
            IntVector lo = keys(v, off);
            IntVector hi = lo;
            for (j = Kernels.LANES; j < bound; j += Kernels.LANES) {
                IntVector x = keys(v, off + j);
                lo = lo.min(x);
                hi = hi.max(x);
            }
            minKey = lo.reduceLanes(VectorOperators.MIN);
            maxKey = hi.reduceLanes(VectorOperators.MAX);
        }
        for (; j < n; j++) {
            minKey = Math.min(minKey, key(v[off + j]));
            maxKey = Math.max(maxKey, key(v[off + j]));
        }
        if (minKey < KEY_NEG_INF || maxKey > KEY_POS_INF) {
            return Float.NaN;
        }
        // Invariant: count(v >= fromKey(lo)) = countLo >= k > countHi = count(v >= fromKey(hi)).
        long lo = minKey;
        long hi = (long) maxKey + 1;
        int countLo = n;
        int countHi = 0;
        while (hi - lo > 1 && countLo - countHi > MAX_CANDIDATES) {
            long mid = (lo + hi) >> 1;
            int c = countAtLeast(v, off, n, fromKey((int) mid));
            if (c >= k) {
                lo = mid;
                countLo = c;
            } else {
                hi = mid;
                countHi = c;
            }
        }
        if (hi - lo == 1) {
            return fromKey((int) lo);
        }
        // The answer is the (k - countHi)-th largest of the few values in [lo, hi).
        float loValue = fromKey((int) lo);
        float hiValue = hi > Integer.MAX_VALUE ? Float.POSITIVE_INFINITY : fromKey((int) hi);
        // Few values are candidates: test a vector at a time, look at lanes only when one is.
        FloatVector loV = FloatVector.broadcast(Kernels.SPECIES, loValue);
        FloatVector hiV = FloatVector.broadcast(Kernels.SPECIES, hiValue);
        int m = 0;
        for (j = 0; j < bound; j += Kernels.LANES) {
            FloatVector x = FloatVector.fromArray(Kernels.SPECIES, v, off + j);
            if (x.compare(VectorOperators.GE, loV)
                    .and(x.compare(VectorOperators.LT, hiV))
                    .anyTrue()) {
                // Branch-free within the vector: always write, advance when a candidate (at most
                // MAX_CANDIDATES exist, so the write-always slot stays inside cand).
                for (int l = j; l < j + Kernels.LANES; l++) {
                    float y = v[off + l];
                    cand[m] = y;
                    m +=
                            (~Float.floatToRawIntBits(y - loValue) >>> 31)
                                    & (Float.floatToRawIntBits(y - hiValue) >>> 31);
                }
            }
        }
        for (; j < n; j++) {
            float y = v[off + j];
            if (y >= loValue && y < hiValue) {
                cand[m++] = y;
            }
        }
        // Insertion sort: at most 16 values, where Arrays.sort's dispatch costs more than sorting.
        for (int a = 1; a < m; a++) {
            float x = cand[a];
            int b = a - 1;
            while (b >= 0 && cand[b] > x) {
                cand[b + 1] = cand[b];
                b--;
            }
            cand[b + 1] = x;
        }
        int rank = k - countHi;
        return m >= rank ? cand[m - rank] : loValue;
    }

    /**
     * The number of {@code v[off + j] >= t}, {@code j < n}, for finite values. Counted with
     * arithmetic, not masks: {@code x - t} is negative exactly when {@code x < t} (and +0 when
     * equal), so its sign bit, shifted down, is the indicator; an int vector sums it with one
     * reduction at the end. Twice as fast as compare + trueCount on this JDK.
     */
    static int countAtLeast(float[] v, int off, int n, float t) {
        return n - countSign(v, off, n, t, false);
    }

    /** The number of {@code v[off + j] > t}: the sign of {@code t - x}. */
    static int countGreater(float[] v, int off, int n, float t) {
        return countSign(v, off, n, t, true);
    }

    /** Sum over j of the sign bit of {@code x - t} (or of {@code t - x} if {@code flip}). */
    private static int countSign(float[] v, int off, int n, float t, boolean flip) {
        int bound = Kernels.SPECIES.loopBound(n);
        FloatVector tv = FloatVector.broadcast(Kernels.SPECIES, t);
        IntVector acc = IntVector.zero(INTS);
        int j = 0;
        for (; j < bound; j += Kernels.LANES) {
            FloatVector x = FloatVector.fromArray(Kernels.SPECIES, v, off + j);
            FloatVector diff = flip ? tv.sub(x) : x.sub(tv);
            acc = acc.add(diff.reinterpretAsInts().lanewise(VectorOperators.LSHR, 31));
        }
        int count = acc.reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            float diff = flip ? t - v[off + j] : v[off + j] - t;
            count += Float.floatToRawIntBits(diff) >>> 31;
        }
        return count;
    }

    /** Maps a float to an int with the same order (signed compare); its own inverse. */
    static int key(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }

    /** {@link #key} of each lane of {@code v[off ..]}. */
    private static IntVector keys(float[] v, int off) {
        IntVector bits = FloatVector.fromArray(Kernels.SPECIES, v, off).reinterpretAsInts();
        return bits.lanewise(
                VectorOperators.XOR, bits.lanewise(VectorOperators.ASHR, 31).and(0x7FFFFFFF));
    }

    static float fromKey(int key) {
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7FFFFFFF));
    }

    /**
     * The selection of a row holding NaN: by value descending with NaN below every number, then by
     * index ascending. Rare (a diverged step), so a plain sort.
     */
    private static void selectWithNaN(float[] v, int off, int n, int k, int[] sel, int selOff) {
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(
                order,
                (a, b) -> {
                    float x = v[off + a];
                    float y = v[off + b];
                    boolean xn = Float.isNaN(x);
                    boolean yn = Float.isNaN(y);
                    if (xn != yn) {
                        return xn ? 1 : -1;
                    }
                    if (!xn && x != y) {
                        return x > y ? -1 : 1;
                    }
                    return Integer.compare(a, b);
                });
        for (int q = 0; q < k; q++) {
            sel[selOff + q] = order[q];
        }
        java.util.Arrays.sort(sel, selOff, selOff + k);
    }

    /** NaN fallback: complete with the lowest indices not yet chosen, then sort. */
    private static void fillUnselected(
            int[] sel, int selOff, int greater, int k, int[] ties, int found) {
        int count = greater;
        for (int q = 0; q < found; q++) {
            sel[selOff + count++] = ties[q];
        }
        java.util.Arrays.sort(sel, selOff, selOff + count);
        for (int j = 0, c = 0; count < k; j++) {
            if (c < count && sel[selOff + c] == j) {
                c++;
            } else {
                sel[selOff + count++] = j;
            }
        }
        java.util.Arrays.sort(sel, selOff, selOff + k);
    }
}
