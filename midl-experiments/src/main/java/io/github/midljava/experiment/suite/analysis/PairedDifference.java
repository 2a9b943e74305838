package io.github.midljava.experiment.suite.analysis;

import java.util.Collection;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean over seeds of a paired difference (for example MID-L accuracy minus dense accuracy of
 * the runs that share a seed) with its two-sided Student t confidence interval.
 *
 * <p>With d<sub>s</sub> the difference on seed s, n seeds, mean d̄ and sample standard deviation
 * s<sub>d</sub> (divisor n − 1), the interval is d̄ ± t<sub>1−α/2, n−1</sub> · s<sub>d</sub> / √n
 * (W. S. Gosset, "The probable error of a mean", Biometrika 6, 1908; any statistics textbook's
 * paired t interval). Pairing by seed removes what the seed does to both methods alike (data order,
 * initialisation of the shared layers), so the interval is usually much narrower than one built
 * from the two standard deviations. The quantile comes from Apache Commons Math's {@link
 * TDistribution}.
 *
 * <p>Our reading; the paper reports no intervals: 95% (α = 0.05) is the default, and verdicts need
 * at least {@link #MIN_SEEDS} pairs, below which the interval is left undefined.
 *
 * @param differences the paired differences by seed
 * @param level the confidence level, in (0, 1)
 * @param mean mean difference d̄, NaN without pairs
 * @param std sample standard deviation of the differences, NaN for fewer than 2
 * @param lower lower end of the interval, NaN for fewer than 2 pairs
 * @param upper upper end of the interval, NaN for fewer than 2 pairs
 */
public record PairedDifference(
        PerSeed differences, double level, double mean, double std, double lower, double upper) {

    /** Confidence level of every interval in the reports. */
    public static final double LEVEL = 0.95;

    /** Fewest seed pairs a verdict may rest on. */
    public static final int MIN_SEEDS = 3;

    /** Returns the 95% interval of {@code a − b} over the seeds both have. */
    public static PairedDifference of(PerSeed a, PerSeed b) {
        return of(a.minus(b), LEVEL);
    }

    /** Returns the interval at {@code level} of the mean of {@code differences}. */
    public static PairedDifference of(PerSeed differences, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        Stat s = differences.stat();
        double half =
                s.n() < 2
                        ? Double.NaN
                        : tQuantile(1 - (1 - level) / 2, s.n() - 1) * s.std() / Math.sqrt(s.n());
        return new PairedDifference(
                differences, level, s.mean(), s.std(), s.mean() - half, s.mean() + half);
    }

    /**
     * Returns the p-quantile of Student's t distribution with {@code df} degrees of freedom, e.g.
     * 4.303 for p = 0.975 and df = 2.
     */
    public static double tQuantile(double p, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
        }
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        }
        return new TDistribution(null, df).inverseCumulativeProbability(p);
    }

    /** Returns the number of seed pairs. */
    public int n() {
        return differences.n();
    }

    /** Returns whether there are enough pairs ({@link #MIN_SEEDS}) for a verdict. */
    public boolean enoughSeeds() {
        return n() >= MIN_SEEDS;
    }

    /**
     * Returns whether the whole interval lies above {@code threshold}: the lower end is strictly
     * above it. False with fewer than {@link #MIN_SEEDS} pairs (ask {@link #enoughSeeds()} first).
     */
    public boolean lowerAbove(double threshold) {
        return enoughSeeds() && lower > threshold;
    }

    /** Returns the seeds of the pairs. */
    public Collection<Long> seeds() {
        return differences.seeds();
    }
}
