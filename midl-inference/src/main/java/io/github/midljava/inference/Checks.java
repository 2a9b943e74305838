package io.github.midljava.inference;

/** Argument checks whose messages name the field and the offending value. */
final class Checks {
    private Checks() {}

    static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }

    /**
     * Requires a row-major array of shape {@code [rows, cols]}, i.e. {@code rows * cols} floats.
     */
    static void shape(String name, float[] array, int rows, int cols, String shape) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must not be null, expected " + shape);
        }
        long expected = (long) rows * cols;
        if (array.length != expected) {
            throw new IllegalArgumentException(
                    name
                            + " must have "
                            + shape
                            + " = "
                            + rows
                            + "*"
                            + cols
                            + " = "
                            + expected
                            + " floats, got "
                            + array.length);
        }
    }

    static void vector(String name, float[] array, int length, String shape) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must not be null, expected " + shape);
        }
        if (array.length != length) {
            throw new IllegalArgumentException(
                    name + " must have " + shape + " = " + length + " floats, got " + array.length);
        }
    }

    static void absent(String name, Object value, String why) {
        if (value != null) {
            throw new IllegalArgumentException(name + " must be null " + why);
        }
    }
}
