package io.github.midljava.evaluate;

import java.util.Random;

/**
 * Additive Gaussian input noise x + ε, ε ~ N(0, σ²) independently per feature, for the test-time
 * robustness sweep of experiment E3.
 *
 * <p>σ is in the units of the features as given (e.g. after normalisation, if the caller
 * normalised). Values are not clipped back to the input range; our reading, the MID-L paper does
 * not say.
 */
public final class GaussianInputNoise {

    private GaussianInputNoise() {}

    /**
     * Returns {@code x} plus N(0, σ²) noise.
     *
     * @param x features, any shape flattened; not modified
     * @param sigma noise standard deviation, finite and &ge; 0 (0 returns a copy)
     * @param seed seed of the noise
     * @return the noisy features, a new array
     */
    public static float[] add(float[] x, double sigma, long seed) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        checkSigma(sigma);
        float[] out = x.clone();
        if (sigma > 0) {
            addInPlace(out, sigma, new Random(seed));
        }
        return out;
    }

    /**
     * Returns {@code x} plus N(0, σ²) noise, row by row from one random stream.
     *
     * @param x features, {@code [n][d]}; not modified
     * @param sigma noise standard deviation, finite and &ge; 0 (0 returns a copy)
     * @param seed seed of the noise
     * @return the noisy features, a new array
     */
    public static float[][] add(float[][] x, double sigma, long seed) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        checkSigma(sigma);
        Random random = new Random(seed);
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) {
                throw new IllegalArgumentException("x[" + i + "] must not be null");
            }
            out[i] = x[i].clone();
            if (sigma > 0) {
                addInPlace(out[i], sigma, random);
            }
        }
        return out;
    }

    private static void addInPlace(float[] v, double sigma, Random random) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] + sigma * random.nextGaussian());
        }
    }

    private static void checkSigma(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
    }
}
