package io.github.midljava.inference;

/**
 * The trained parameters of one layer of an {@link InferenceNetwork}: a plain dense {@link
 * LinearWeights} layer or a {@link MidlLayerWeights} layer.
 */
public sealed interface LayerWeights permits LinearWeights, MidlLayerWeights {
    /** Returns the input width {@code d}. */
    int inFeatures();

    /** Returns the output width {@code n}. */
    int outFeatures();
}
