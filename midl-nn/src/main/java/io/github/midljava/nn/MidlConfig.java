package io.github.midljava.nn;

/**
 * The immutable configuration of one {@link MidlBlock}; every field is an option of the paper's
 * layer that the paper leaves open, with the default we chose.
 *
 * @param units n, the number of output units
 * @param activeRatio target fraction of units on the full path, in (0, 1]; k = max(1,
 *     round(activeRatio * n)). Default 0.45.
 * @param gateKind dense or low-rank gate matrix. Default LOW_RANK: a dense gate costs as much as
 *     the layer and makes honest FLOPs savings impossible.
 * @param gateRank r_g, rank of a LOW_RANK gate, in [1, min(d, n)]. Default 16.
 * @param lightPath the cheap path of unselected units. Default ZERO: an unselected unit outputs 0,
 *     so every unit keeps one meaning. The LOW_RANK light path (the paper's low-rank branch) makes
 *     a unit compute its own weights' value for some samples and an unrelated rank-r value for
 *     others; on CIFAR-10 it cost 5.2 points against ZERO's 0.5 (3 seeds, docs/cifar-diagnosis).
 * @param lightRank r, rank of a LOW_RANK light path, in [1, min(d, n)]. Default 16.
 * @param temperature tau of the gate sigmoid, > 0. Default 1.
 * @param gradientMode how gradients pass the hard top-k. Default STRAIGHT_THROUGH.
 * @param softTopKTemperature temperature of the SOFT_TOPK relaxation, > 0. Default 0.1.
 * @param sparsityWeight lambda of the regulariser lambda * mean(g), >= 0. Default 0 (off).
 * @param warmupEpochs epochs over which activeRatio anneals from 1.0 to its target, >= 0. Default 0
 *     (no warm-up).
 * @param selection how the k units are chosen: LEARNED (MID-L, the default) or the ablations RANDOM
 *     and STATIC
 * @param inputSize d if known when building (then every check runs at build time), else 0 and the
 *     size-dependent checks run when the block is initialised.
 * @param gateLearningRateScale factor on the optimiser's learning rate for the gate's parameters (G
 *     or G_up/G_down, b_g), > 0. Default 1 (one learning rate for all). A training option: the
 *     block itself does not use it; the trainer reads it.
 */
public record MidlConfig(
        long units,
        double activeRatio,
        GateKind gateKind,
        int gateRank,
        LightPath lightPath,
        int lightRank,
        double temperature,
        GradientMode gradientMode,
        double softTopKTemperature,
        double sparsityWeight,
        int warmupEpochs,
        Selection selection,
        long inputSize,
        double gateLearningRateScale) {

    /** Checks every value that does not depend on the input size. */
    public MidlConfig {
        require(units >= 1, "units must be >= 1, got " + units);
        require(
                activeRatio > 0 && activeRatio <= 1 && !Double.isNaN(activeRatio),
                "activeRatio must be in (0, 1], got " + activeRatio);
        require(gateKind != null, "gateKind must be set");
        require(lightPath != null, "lightPath must be set");
        require(gradientMode != null, "gradientMode must be set");
        require(selection != null, "selection must be set");
        require(
                gateKind != GateKind.LOW_RANK || gateRank >= 1,
                "gateRank must be >= 1 for a LOW_RANK gate, got " + gateRank);
        require(
                lightPath != LightPath.LOW_RANK || lightRank >= 1,
                "lightRank must be >= 1 for a LOW_RANK light path, got " + lightRank);
        require(temperature > 0, "temperature must be > 0, got " + temperature);
        require(
                softTopKTemperature > 0,
                "softTopKTemperature must be > 0, got " + softTopKTemperature);
        require(sparsityWeight >= 0, "sparsityWeight must be >= 0, got " + sparsityWeight);
        require(warmupEpochs >= 0, "warmupEpochs must be >= 0, got " + warmupEpochs);
        require(inputSize >= 0, "inputSize must be >= 1 (or 0 for unknown), got " + inputSize);
        require(
                gateLearningRateScale > 0 && Double.isFinite(gateLearningRateScale),
                "gateLearningRateScale must be > 0 and finite, got " + gateLearningRateScale);
        if (inputSize > 0) {
            // Fields are not assigned yet inside a compact constructor: pass the parameters.
            checkSizes(inputSize, units, gateKind, gateRank, lightPath, lightRank, selection);
        }
    }

    /**
     * Checks the values that depend on the input size d: ranks within [1, min(d, n)] and IDENTITY
     * only when d == n.
     *
     * @param d the input size
     * @throws IllegalArgumentException naming the field and its allowed range
     */
    public void checkInputSize(long d) {
        checkSizes(d, units, gateKind, gateRank, lightPath, lightRank, selection);
    }

    /** Returns whether the gate has a matrix G (not so for STATIC selection: bias only). */
    public boolean hasGateMatrix() {
        return selection != Selection.STATIC;
    }

    private static void checkSizes(
            long d,
            long units,
            GateKind gateKind,
            int gateRank,
            LightPath lightPath,
            int lightRank,
            Selection selection) {
        require(d >= 1, "inputSize must be >= 1, got " + d);
        long maxRank = Math.min(d, units);
        if (gateKind == GateKind.LOW_RANK && selection != Selection.STATIC) {
            require(
                    gateRank <= maxRank,
                    "gateRank must be in [1, min(inputSize, units)] = [1, "
                            + maxRank
                            + "], got "
                            + gateRank);
        }
        if (lightPath == LightPath.LOW_RANK) {
            require(
                    lightRank <= maxRank,
                    "lightRank must be in [1, min(inputSize, units)] = [1, "
                            + maxRank
                            + "], got "
                            + lightRank);
        }
        require(
                lightPath != LightPath.IDENTITY || d == units,
                "lightPath IDENTITY needs inputSize == units, got inputSize "
                        + d
                        + " and units "
                        + units);
    }

    /** Returns k for the target ratio: {@code max(1, round(activeRatio * units))}. */
    public int k() {
        return kFor(activeRatio);
    }

    /** Returns k for any ratio in (0, 1]: {@code max(1, round(ratio * units))}. */
    public int kFor(double ratio) {
        return (int) Math.max(1, Math.round(ratio * units));
    }

    /**
     * Returns the active ratio in force during epoch {@code epoch} (0-based) of the warm-up
     * schedule: 1.0 at epoch 0, falling linearly to {@link #activeRatio} at {@code warmupEpochs},
     * then constant. Our reading: the paper mentions no schedule; this one starts training dense.
     */
    public double activeRatioAtEpoch(int epoch) {
        if (warmupEpochs == 0 || epoch >= warmupEpochs) {
            return activeRatio;
        }
        return 1.0 - (1.0 - activeRatio) * epoch / warmupEpochs;
    }

    /** Returns a one-line description for logs and reports. */
    public String describe() {
        StringBuilder sb =
                new StringBuilder()
                        .append("MID-L(n=")
                        .append(units)
                        .append(", ratio=")
                        .append(activeRatio)
                        .append(", k=")
                        .append(k())
                        .append(", gate=")
                        .append(gateKind);
        if (gateKind == GateKind.LOW_RANK) {
            sb.append('/').append(gateRank);
        }
        sb.append(", light=").append(lightPath);
        if (lightPath == LightPath.LOW_RANK) {
            sb.append('/').append(lightRank);
        }
        sb.append(", tau=").append(temperature).append(", grad=").append(gradientMode);
        if (sparsityWeight > 0) {
            sb.append(", lambda=").append(sparsityWeight);
        }
        if (warmupEpochs > 0) {
            sb.append(", warmup=").append(warmupEpochs);
        }
        if (selection != Selection.LEARNED) {
            sb.append(", selection=").append(selection);
        }
        if (gateLearningRateScale != 1.0) {
            sb.append(", gateLr=x").append(gateLearningRateScale);
        }
        return sb.append(')').toString();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
