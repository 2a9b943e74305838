package io.github.midljava.inference;

/**
 * Row-wise exact top-k masks on plain float arrays, used by the training forward of {@code
 * io.github.midljava.nn.MidlBlock} (module {@code midl-nn}) on CPU: the same selection as the
 * inference path (value descending, ties to the lower index), in vectorised passes per row instead
 * of a partial sort.
 */
public final class TopKRows {
    private TopKRows() {}

    /**
     * Writes into {@code mask} ({@code [rows, n]}, row-major) 1 for the {@code k} largest values of
     * each row of {@code values} and 0 elsewhere; exactly k ones per row, ties to the lower index.
     *
     * @param values {@code [rows, n]} values; NaN ranks below every number (still exactly k)
     * @param rows number of rows, {@code >= 0}
     * @param n row length, {@code >= 1}
     * @param k ones per row, in {@code [1, n]}
     * @param mask output, at least {@code rows * n} floats
     * @throws IllegalArgumentException on sizes that do not fit
     */
    public static void mask(float[] values, int rows, int n, int k, float[] mask) {
        Checks.positive("n", n);
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        }
        if (rows < 0 || values.length < (long) rows * n || mask.length < (long) rows * n) {
            throw new IllegalArgumentException(
                    "values and mask must hold rows * n = "
                            + rows
                            + "*"
                            + n
                            + " floats, got "
                            + values.length
                            + " and "
                            + mask.length);
        }
        int[] sel = new int[k + TopK.SEL_SLACK];
        int[] ties = new int[k];
        float[] cand = new float[TopK.CANDIDATES];
        java.util.Arrays.fill(mask, 0, rows * n, 0f);
        for (int r = 0; r < rows; r++) {
            int off = r * n;
            TopK.select(values, off, n, k, sel, 0, cand, ties);
            for (int t = 0; t < k; t++) {
                mask[off + sel[t]] = 1f;
            }
        }
    }
}
