package io.github.midljava.evaluate;

/**
 * The digamma function ψ(x) = d/dx ln Γ(x), accurate to about 1e-15 relative on the positive axis.
 *
 * <p>For x &ge; 10 it sums the asymptotic (Stirling) series up to the x<sup>-14</sup> term, whose
 * truncation error there is below 1e-16; smaller x are shifted up with the recurrence ψ(x) = ψ(x +
 * 1) − 1/x, and negative non-integers use the reflection ψ(1 − x) − ψ(x) = π cot(πx). The kNN
 * mutual-information estimators only need it at positive integers, but the general function costs
 * nothing more and is testable against known values (ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2).
 */
public final class Digamma {

    /** The Euler–Mascheroni constant γ = −ψ(1). */
    public static final double EULER_GAMMA = 0.5772156649015329;

    /** Below this the recurrence is applied first, so the asymptotic series is always accurate. */
    private static final double ASYMPTOTIC_THRESHOLD = 10.0;

    /** B_2n / (2n) for n = 1..7: the coefficients of x^-2n in ln x − 1/(2x) − ψ(x). */
    private static final double[] STIRLING = {
        1.0 / 12, -1.0 / 120, 1.0 / 252, -1.0 / 240, 1.0 / 132, -691.0 / 32760, 1.0 / 12
    };

    private Digamma() {}

    /**
     * Returns ψ(x).
     *
     * @param x the argument
     * @return ψ(x); NaN at the poles (0, −1, −2, ...) and for NaN or −∞; +∞ for +∞
     */
    public static double psi(double x) {
        if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        if (x <= 0) {
            if (x == Math.rint(x)) {
                return Double.NaN;
            }
            return psi(1.0 - x) - Math.PI / Math.tan(Math.PI * x);
        }
        double shift = 0.0;
        while (x < ASYMPTOTIC_THRESHOLD) {
            shift -= 1.0 / x;
            x += 1.0;
        }
        double t = 1.0 / (x * x);
        // Σ_{n=1..7} B_2n / (2n x^2n), evaluated in Horner form from the smallest term.
        double series = 0.0;
        for (int n = STIRLING.length - 1; n >= 0; n--) {
            series = t * (STIRLING[n] + series);
        }
        return shift + Math.log(x) - 0.5 / x - series;
    }
}
