package io.github.midljava.data.image;

import io.github.midljava.data.DataSplit;
import java.util.Arrays;

/**
 * Turns raw pixels into features: scales each byte to [0, 1] and, optionally, standardises each
 * channel with a mean and standard deviation that come from the training split alone (using test
 * statistics would leak information about the test set into training).
 */
public final class ImageNormalizer {

    private final float[] mean;
    private final float[] std;

    private ImageNormalizer(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Returns a normaliser that only scales to [0, 1]. */
    public static ImageNormalizer scaleOnly(int channels) {
        float[] std = new float[channels];
        Arrays.fill(std, 1f);
        return new ImageNormalizer(new float[channels], std);
    }

    /**
     * Returns a normaliser that scales to [0, 1] and then standardises each channel with the mean
     * and (population) standard deviation of {@code train}, computed exactly with integer sums.
     */
    public static ImageNormalizer fitTo(RawImages train) {
        int c = train.channels();
        int plane = train.height() * train.width();
        long[] sum = new long[c];
        long[] sumSq = new long[c];
        byte[] px = train.pixels();
        for (int offset = 0; offset < px.length; offset += plane * c) {
            for (int ch = 0; ch < c; ch++) {
                long s = 0;
                long q = 0;
                int start = offset + ch * plane;
                for (int i = start; i < start + plane; i++) {
                    int v = px[i] & 0xFF;
                    s += v;
                    q += v * v;
                }
                sum[ch] += s;
                sumSq[ch] += q;
            }
        }
        float[] mean = new float[c];
        float[] std = new float[c];
        double n = (double) train.count() * plane;
        for (int ch = 0; ch < c; ch++) {
            double m = n == 0 ? 0 : sum[ch] / n / 255.0;
            double var = n == 0 ? 1 : sumSq[ch] / n / (255.0 * 255.0) - m * m;
            mean[ch] = (float) m;
            // A constant channel has no spread to divide by; leave it centred but unscaled.
            std[ch] = var > 1e-12 ? (float) Math.sqrt(var) : 1f;
        }
        return new ImageNormalizer(mean, std);
    }

    /** Returns the per-channel means subtracted (after scaling to [0, 1]). */
    public float[] mean() {
        return mean.clone();
    }

    /** Returns the per-channel standard deviations divided by. */
    public float[] std() {
        return std.clone();
    }

    /** Converts {@code images} to a split with sample shape {@code [C, H, W]}. */
    public DataSplit apply(RawImages images, int numClasses) {
        int c = images.channels();
        if (c != mean.length) {
            throw new IllegalArgumentException(
                    "normaliser has " + mean.length + " channels, images have " + c);
        }
        float[][] table = new float[c][256];
        for (int ch = 0; ch < c; ch++) {
            for (int v = 0; v < 256; v++) {
                table[ch][v] = (v / 255f - mean[ch]) / std[ch];
            }
        }
        int plane = images.height() * images.width();
        byte[] px = images.pixels();
        float[] out = new float[px.length];
        for (int offset = 0; offset < px.length; offset += plane * c) {
            for (int ch = 0; ch < c; ch++) {
                float[] t = table[ch];
                int start = offset + ch * plane;
                for (int i = start; i < start + plane; i++) {
                    out[i] = t[px[i] & 0xFF];
                }
            }
        }
        return new DataSplit(
                out,
                images.labels().clone(),
                new long[] {c, images.height(), images.width()},
                numClasses);
    }
}
