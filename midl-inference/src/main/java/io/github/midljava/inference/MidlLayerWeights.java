package io.github.midljava.inference;

/**
 * The parameters of one MID-L layer (Shaeri and Middel, "MID-L: Matrix-Interpolated Dropout Layer
 * with Layer-wise Neuron Selection", arXiv 2505.11416, 2025) in the PyTorch/DJL layout ({@code
 * weight: [out, in]}, row-major), ready for {@link InferenceNetwork}.
 *
 * <p>For an input {@code x} of width {@code d} and {@code n} units:
 *
 * <pre>
 *   g  = sigmoid((G x + gateBias) / tau)     G = gateWeight, or gateUp · gateDown (LOW_RANK)
 *   m  = TopK(g, k)                          exactly k ones; ties go to the lower index
 *   h1 = fullWeight x + fullBias             needed only where m = 1
 *   h2 = light path (see {@link LightForm})
 *   y  = a h1 + (1 - a) h2,  a = m g         the activation follows outside the layer
 * </pre>
 *
 * <p>Arrays not used by the chosen kinds must be {@code null}; those used are not copied, so do not
 * modify them afterwards. Array equality in {@link #equals} is by reference, as for any record.
 *
 * @param inFeatures d
 * @param units n
 * @param k number of units on the full path per sample, in {@code [1, n]}; see {@link #activeCount}
 * @param tau gate temperature, {@code > 0}
 * @param gateKind how {@code G} is stored
 * @param gateRank r_g for {@link GateForm#LOW_RANK}, {@code 0} for {@link GateForm#DENSE}
 * @param gateWeight {@code [n, d]} for DENSE, else null
 * @param gateDown {@code [r_g, d]} for LOW_RANK, else null
 * @param gateUp {@code [n, r_g]} for LOW_RANK, else null
 * @param gateBias {@code [n]}
 * @param fullWeight W1, {@code [n, d]}
 * @param fullBias b1, {@code [n]}
 * @param lightKind how {@code h2} is computed
 * @param lightRank r for {@link LightForm#LOW_RANK}, else {@code 0}
 * @param lightWeight {@code [n, d]} for DENSE, else null
 * @param lightDown V, {@code [r, d]} for LOW_RANK, else null
 * @param lightUp U, {@code [n, r]} for LOW_RANK, else null
 * @param lightBias b2, {@code [n]} for LOW_RANK and DENSE, else null
 */
public record MidlLayerWeights(
        int inFeatures,
        int units,
        int k,
        float tau,
        GateForm gateKind,
        int gateRank,
        float[] gateWeight,
        float[] gateDown,
        float[] gateUp,
        float[] gateBias,
        float[] fullWeight,
        float[] fullBias,
        LightForm lightKind,
        int lightRank,
        float[] lightWeight,
        float[] lightDown,
        float[] lightUp,
        float[] lightBias)
        implements LayerWeights {

    /** Validates every shape and value; the message names the field and the value. */
    public MidlLayerWeights {
        Checks.positive("inFeatures", inFeatures);
        Checks.positive("units", units);
        if (k < 1 || k > units) {
            throw new IllegalArgumentException("k must be in [1, units = " + units + "], got " + k);
        }
        if (!(tau > 0) || Float.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        if (gateKind == null) {
            throw new IllegalArgumentException("gateKind must not be null");
        }
        if (lightKind == null) {
            throw new IllegalArgumentException("lightKind must not be null");
        }
        switch (gateKind) {
            case DENSE -> {
                if (gateRank != 0) {
                    throw new IllegalArgumentException(
                            "gateRank must be 0 for gateKind DENSE, got " + gateRank);
                }
                Checks.shape("gateWeight", gateWeight, units, inFeatures, "[units, inFeatures]");
                Checks.absent("gateDown", gateDown, "for gateKind DENSE");
                Checks.absent("gateUp", gateUp, "for gateKind DENSE");
            }
            case LOW_RANK -> {
                Checks.positive("gateRank", gateRank);
                Checks.absent("gateWeight", gateWeight, "for gateKind LOW_RANK");
                Checks.shape("gateDown", gateDown, gateRank, inFeatures, "[gateRank, inFeatures]");
                Checks.shape("gateUp", gateUp, units, gateRank, "[units, gateRank]");
            }
        }
        Checks.vector("gateBias", gateBias, units, "[units]");
        Checks.shape("fullWeight", fullWeight, units, inFeatures, "[units, inFeatures]");
        Checks.vector("fullBias", fullBias, units, "[units]");
        if (lightKind != LightForm.LOW_RANK && lightRank != 0) {
            throw new IllegalArgumentException(
                    "lightRank must be 0 for lightKind " + lightKind + ", got " + lightRank);
        }
        if (lightKind != LightForm.DENSE) {
            Checks.absent("lightWeight", lightWeight, "for lightKind " + lightKind);
        }
        if (lightKind != LightForm.LOW_RANK) {
            Checks.absent("lightDown", lightDown, "for lightKind " + lightKind);
            Checks.absent("lightUp", lightUp, "for lightKind " + lightKind);
        }
        switch (lightKind) {
            case LOW_RANK -> {
                Checks.positive("lightRank", lightRank);
                Checks.shape(
                        "lightDown", lightDown, lightRank, inFeatures, "[lightRank, inFeatures]");
                Checks.shape("lightUp", lightUp, units, lightRank, "[units, lightRank]");
                Checks.vector("lightBias", lightBias, units, "[units]");
            }
            case DENSE -> {
                Checks.shape("lightWeight", lightWeight, units, inFeatures, "[units, inFeatures]");
                Checks.vector("lightBias", lightBias, units, "[units]");
            }
            case IDENTITY -> {
                if (inFeatures != units) {
                    throw new IllegalArgumentException(
                            "lightKind IDENTITY needs inFeatures == units, got inFeatures = "
                                    + inFeatures
                                    + ", units = "
                                    + units);
                }
                Checks.absent("lightBias", lightBias, "for lightKind IDENTITY");
            }
            case ZERO -> Checks.absent("lightBias", lightBias, "for lightKind ZERO");
        }
    }

    @Override
    public int outFeatures() {
        return units;
    }

    /**
     * Returns {@code k = max(1, round(activeRatio * units))}, the number of units on the full path.
     *
     * @throws IllegalArgumentException unless {@code activeRatio} is in {@code (0, 1]}
     */
    public static int activeCount(double activeRatio, int units) {
        if (!(activeRatio > 0 && activeRatio <= 1)) {
            throw new IllegalArgumentException("activeRatio must be in (0, 1], got " + activeRatio);
        }
        Checks.positive("units", units);
        return (int) Math.max(1, Math.round(activeRatio * units));
    }
}
