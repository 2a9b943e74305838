package io.github.midljava.evaluate;

/**
 * Shape checks and the row-major copy shared by the estimators that take a matrix of samples
 * ({@link SlicedMutualInformation}, {@link PerNeuronMutualInformation}): one wording of the error
 * messages for both.
 */
final class Samples {

    private Samples() {}

    /**
     * Copies {@code x: [n][width]} into row-major {@code [n * width]}.
     *
     * @throws IllegalArgumentException if x is null or its rows differ in length
     */
    static float[] rowMajor(float[][] x) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        int width = width(x);
        float[] flat = new float[x.length * width];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != width) {
                throw new IllegalArgumentException(
                        "x rows must all have length "
                                + width
                                + ", got row "
                                + i
                                + " of length "
                                + (x[i] == null ? "null" : x[i].length));
            }
            System.arraycopy(x[i], 0, flat, i * width, width);
        }
        return flat;
    }

    /** Returns the length of the first row, 0 for no rows. */
    static int width(float[][] x) {
        return x.length == 0 || x[0] == null ? 0 : x[0].length;
    }

    /**
     * Checks that {@code x} holds {@code labels.length} rows of {@code width} values.
     *
     * @param widthName what a row's width is called in the message ("dim", "units")
     */
    static void checkRowMajor(float[] x, int width, String widthName, int[] labels) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        if (width < 1) {
            throw new IllegalArgumentException(widthName + " must be >= 1, got " + width);
        }
        if ((long) labels.length * width != x.length) {
            throw new IllegalArgumentException(
                    "x must hold labels.length * "
                            + widthName
                            + " = "
                            + labels.length
                            + " * "
                            + width
                            + " values, got "
                            + x.length);
        }
    }
}
