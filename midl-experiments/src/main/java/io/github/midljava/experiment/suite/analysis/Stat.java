package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.report.Fmt;
import java.util.Collection;

/**
 * Mean and sample standard deviation of a value over runs (usually seeds).
 *
 * @param mean the mean, NaN if {@code n == 0}
 * @param std the sample standard deviation (divisor n - 1), NaN if {@code n < 2}
 * @param n number of values
 */
public record Stat(double mean, double std, int n) {

    /** No values. */
    public static final Stat EMPTY = new Stat(Double.NaN, Double.NaN, 0);

    /** Returns the statistics of {@code values} (NaN entries are skipped). */
    public static Stat of(double... values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return EMPTY;
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new Stat(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN, n);
    }

    /** Returns the statistics of {@code values}. */
    public static Stat of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Returns whether there is no value. */
    public boolean isEmpty() {
        return n == 0;
    }

    /** Returns the standard error of the mean, std / sqrt(n), NaN if {@code n < 2}. */
    public double se() {
        return n < 2 ? Double.NaN : std / Math.sqrt(n);
    }

    /** Returns "98.12 ± 0.21%" (or "98.12%" for one value, "n/a" for none). */
    public String pct() {
        return isEmpty() ? "n/a" : Fmt.pctMeanStd(mean, std, 2);
    }

    /** Returns "0.981 ± 0.002" with {@code digits} decimals (or the mean alone, or "n/a"). */
    public String fixed(int digits) {
        return isEmpty() ? "n/a" : Fmt.meanStd(mean, std, digits);
    }
}
