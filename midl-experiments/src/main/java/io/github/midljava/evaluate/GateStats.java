package io.github.midljava.evaluate;

/**
 * How one MID-L layer's gate behaves on a fixed probe set: how decided it is (entropy, spread), how
 * much of the layer it uses (units ever selected) and how stable its choices are (churn against an
 * earlier mask of the same probe set). These tell a collapsed gate (few units ever selected, no
 * churn) from an undecided one (entropy near 1 bit, high churn) without training anything.
 *
 * @param meanEntropyBits mean binary entropy of {@code g} over all (sample, unit) entries, in bits:
 *     1 when every gate sits at 0.5, 0 when all are saturated
 * @param everSelectedFraction fraction of units selected for at least one probe sample
 * @param churn fraction of (sample, unit) mask entries that differ from the previous mask; NaN when
 *     there is no previous mask
 * @param gateMean mean of {@code g}
 * @param gateStd standard deviation of {@code g} over all entries
 * @param meanRowStd mean over samples of the standard deviation of {@code g} within a row: how
 *     strongly the gate ranks units for one sample (the top-k only sees this)
 * @param selectedGateMean mean of {@code g} where the mask is 1: the share of the full path in the
 *     blend {@code a = m g} of a selected unit
 * @param unselectedGateMean mean of {@code g} where the mask is 0 (NaN if every entry is selected)
 */
public record GateStats(
        double meanEntropyBits,
        double everSelectedFraction,
        double churn,
        double gateMean,
        double gateStd,
        double meanRowStd,
        double selectedGateMean,
        double unselectedGateMean) {

    private static final double LN2 = Math.log(2);

    /**
     * Computes the statistics of one layer.
     *
     * @param gate {@code g}, row-major {@code [samples, units]}, values in [0, 1]
     * @param mask the top-k mask of the same shape, zeros and ones
     * @param previousMask the mask of the same probe set at an earlier time, or {@code null}
     * @param units units per row, &gt;= 1
     * @return the statistics
     */
    public static GateStats of(float[] gate, float[] mask, float[] previousMask, int units) {
        if (units < 1) {
            throw new IllegalArgumentException("units must be >= 1, got " + units);
        }
        if (gate.length != mask.length || gate.length % units != 0 || gate.length == 0) {
            throw new IllegalArgumentException(
                    "gate and mask must be non-empty [samples, "
                            + units
                            + "] arrays, got lengths "
                            + gate.length
                            + " and "
                            + mask.length);
        }
        if (previousMask != null && previousMask.length != mask.length) {
            throw new IllegalArgumentException(
                    "previousMask has length " + previousMask.length + ", the mask " + mask.length);
        }
        int samples = gate.length / units;
        boolean[] ever = new boolean[units];
        double entropy = 0;
        double sum = 0;
        double sumSq = 0;
        double selSum = 0;
        long selCount = 0;
        double unselSum = 0;
        long changed = 0;
        double rowStdSum = 0;
        for (int s = 0; s < samples; s++) {
            double rowSum = 0;
            double rowSq = 0;
            for (int j = 0; j < units; j++) {
                int i = s * units + j;
                double g = gate[i];
                entropy += binaryEntropyBits(g);
                sum += g;
                sumSq += g * g;
                rowSum += g;
                rowSq += g * g;
                if (mask[i] > 0.5f) {
                    ever[j] = true;
                    selSum += g;
                    selCount++;
                } else {
                    unselSum += g;
                }
                if (previousMask != null && (mask[i] > 0.5f) != (previousMask[i] > 0.5f)) {
                    changed++;
                }
            }
            double rowMean = rowSum / units;
            rowStdSum += Math.sqrt(Math.max(0, rowSq / units - rowMean * rowMean));
        }
        long n = gate.length;
        int everCount = 0;
        for (boolean e : ever) {
            everCount += e ? 1 : 0;
        }
        double mean = sum / n;
        return new GateStats(
                entropy / n,
                (double) everCount / units,
                previousMask == null ? Double.NaN : (double) changed / n,
                mean,
                Math.sqrt(Math.max(0, sumSq / n - mean * mean)),
                rowStdSum / samples,
                selCount == 0 ? Double.NaN : selSum / selCount,
                selCount == n ? Double.NaN : unselSum / (n - selCount));
    }

    /** {@code -g log2 g - (1-g) log2 (1-g)}, 0 at 0 and 1. */
    static double binaryEntropyBits(double g) {
        double h = 0;
        if (g > 0 && g < 1) {
            h = -(g * Math.log(g) + (1 - g) * Math.log(1 - g)) / LN2;
        }
        return h;
    }
}
