package io.github.midljava.inference;

/**
 * The parameters of a dense linear layer {@code y = W x + b} in the PyTorch/DJL layout.
 *
 * <p>Arrays are row-major and not copied: do not modify them after handing them to an {@link
 * InferenceNetwork} (which copies what it repacks, but reads the rest in place).
 *
 * @param inFeatures d, the input width
 * @param outFeatures n, the output width
 * @param weight W, shape {@code [n, d]}
 * @param bias b, shape {@code [n]}
 */
public record LinearWeights(int inFeatures, int outFeatures, float[] weight, float[] bias)
        implements LayerWeights {

    /** Validates the shapes; the message names the field and the value. */
    public LinearWeights {
        Checks.positive("inFeatures", inFeatures);
        Checks.positive("outFeatures", outFeatures);
        Checks.shape("weight", weight, outFeatures, inFeatures, "[outFeatures, inFeatures]");
        Checks.vector("bias", bias, outFeatures, "[outFeatures]");
    }
}
