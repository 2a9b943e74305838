package io.github.midljava.report;

import java.util.Locale;

/**
 * Number formats for reports, independent of the machine's locale ({@link Locale#ROOT}: a dot for
 * decimals, no grouping, so cells stay valid in CSV).
 *
 * <p>NaN is written "n/a" and infinities "inf" / "-inf" by every method, so a missing value is
 * visible rather than formatted as a number.
 */
public final class Fmt {

    private static final String[] SI_PREFIXES = {"", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY_PREFIXES = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Fmt() {}

    /** Returns {@code value} with {@code digits} decimals: {@code fixed(0.98123, 3)} = "0.981". */
    public static String fixed(double value, int digits) {
        checkDigits(digits);
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    /** Returns a fraction as a percentage with 2 decimals: {@code pct(0.9812)} = "98.12%". */
    public static String pct(double fraction) {
        return pct(fraction, 2);
    }

    /** Returns a fraction as a percentage: {@code pct(0.9812, 1)} = "98.1%". */
    public static String pct(double fraction, int digits) {
        if (!Double.isFinite(fraction)) {
            checkDigits(digits);
            return nonFinite(fraction);
        }
        return fixed(100 * fraction, digits) + "%";
    }

    /**
     * Returns "mean ± std": {@code meanStd(0.9812, 0.0021, 3)} = "0.981 ± 0.002". A NaN std (a
     * single seed) gives the mean alone, since there is no spread to show.
     */
    public static String meanStd(double mean, double std, int digits) {
        if (Double.isNaN(std)) {
            return fixed(mean, digits);
        }
        return fixed(mean, digits) + " \u00b1 " + fixed(std, digits);
    }

    /** Returns "mean ± std" of fractions as percentages: "98.12 ± 0.21%". */
    public static String pctMeanStd(double mean, double std, int digits) {
        if (Double.isNaN(std)) {
            return pct(mean, digits);
        }
        return fixed(100 * mean, digits) + " \u00b1 " + fixed(100 * std, digits) + "%";
    }

    /** Returns a ratio with 2 decimals and an "x": {@code ratio(1.734)} = "1.73x". */
    public static String ratio(double ratio) {
        return ratio(ratio, 2);
    }

    /** Returns a ratio with {@code digits} decimals and an "x". */
    public static String ratio(double ratio, int digits) {
        if (!Double.isFinite(ratio)) {
            checkDigits(digits);
            return nonFinite(ratio);
        }
        return fixed(ratio, digits) + "x";
    }

    /** Returns a duration in microseconds with 1 decimal: {@code micros(12.345)} = "12.3 µs". */
    public static String micros(double micros) {
        if (!Double.isFinite(micros)) {
            return nonFinite(micros);
        }
        return fixed(micros, 1) + " \u00b5s";
    }

    /** Returns nanoseconds (as from {@link System#nanoTime}) in microseconds: "12.3 µs". */
    public static String nanosAsMicros(long nanos) {
        return micros(nanos / 1000.0);
    }

    /**
     * Returns a count with an SI prefix and 3 significant digits: {@code si(2_400_000)} = "2.40M",
     * {@code si(950)} = "950", {@code si(12.5)} = "12.5". For FLOPs and parameter counts.
     */
    public static String si(double value) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        int p = 0;
        double v = value;
        while (Math.abs(v) >= 999.5 && p < SI_PREFIXES.length - 1) {
            v /= 1000;
            p++;
        }
        if (p == 0 && v == Math.rint(v)) {
            return fixed(v, 0); // a small whole count stays whole: "12", not "12.0"
        }
        return threeSignificant(v) + SI_PREFIXES[p];
    }

    /** Returns a byte count with a binary prefix: {@code bytes(3_500_000)} = "3.34 MiB". */
    public static String bytes(long bytes) {
        if (bytes < 1024 && bytes > -1024) {
            return bytes + " B";
        }
        int p = 0;
        double v = bytes;
        while (Math.abs(v) >= 1023.995 && p < BINARY_PREFIXES.length - 1) {
            v /= 1024;
            p++;
        }
        return fixed(v, 2) + " " + BINARY_PREFIXES[p];
    }

    private static String threeSignificant(double v) {
        double a = Math.abs(v);
        int digits = a >= 99.95 ? 0 : a >= 9.995 ? 1 : 2;
        return fixed(v, digits);
    }

    private static String nonFinite(double value) {
        return Double.isNaN(value) ? "n/a" : value > 0 ? "inf" : "-inf";
    }

    private static void checkDigits(int digits) {
        if (digits < 0 || digits > 15) {
            throw new IllegalArgumentException("digits must be in [0, 15], got " + digits);
        }
    }
}
