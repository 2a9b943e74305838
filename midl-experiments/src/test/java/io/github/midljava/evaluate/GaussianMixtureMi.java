package io.github.midljava.evaluate;

import java.util.Random;

/** Closed-form references and samplers shared by the MI tests. */
final class GaussianMixtureMi {

    private GaussianMixtureMi() {}

    /**
     * I(X; Y) in nats for Y uniform on {−1, +1} and X | Y ~ N(Yμ, 1): H(X) − H(X | Y), with H(X) of
     * the two-component mixture integrated by composite Simpson's rule on [−μ − 15, μ + 15] (20,000
     * intervals; the tails beyond carry less than 1e-40 of the mass).
     */
    static double exact(double mu) {
        double lo = -mu - 15;
        double hi = mu + 15;
        int intervals = 20_000;
        double h = (hi - lo) / intervals;
        double sum = 0;
        for (int i = 0; i <= intervals; i++) {
            double x = lo + i * h;
            double p =
                    0.5
                            * (Math.exp(-0.5 * (x - mu) * (x - mu))
                                    + Math.exp(-0.5 * (x + mu) * (x + mu)))
                            / Math.sqrt(2 * Math.PI);
            double integrand = p > 0 ? -p * Math.log(p) : 0;
            double weight = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += weight * integrand;
        }
        double mixtureEntropy = sum * h / 3;
        double conditionalEntropy = 0.5 * Math.log(2 * Math.PI * Math.E);
        return mixtureEntropy - conditionalEntropy;
    }

    /** Labels alternating 0, 1, 0, 1, ... (exactly equal priors), {@code [n]}. */
    static int[] alternatingLabels(int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
        }
        return y;
    }

    /** X | Y ~ N(±μ, 1): −μ for label 0, +μ for label 1. */
    static double[] sample(int[] labels, double mu, long seed) {
        Random random = new Random(seed);
        double[] x = new double[labels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (labels[i] == 0 ? -mu : mu) + random.nextGaussian();
        }
        return x;
    }
}
