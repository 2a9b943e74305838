package io.github.midljava.cli;

import io.github.midljava.model.Method;
import io.github.midljava.model.ModelOptions;
import io.github.midljava.nn.GateKind;
import io.github.midljava.nn.GradientMode;
import io.github.midljava.nn.LightPath;
import io.github.midljava.nn.MidlBlock;
import picocli.CommandLine.Option;

/** The MID-L and dropout options shared by the commands that build models. */
public final class MidlOptions {

    @Option(
            names = "--active-ratio",
            description = "Fraction of units on the full path, (0, 1]. Default: ${DEFAULT-VALUE}.")
    double activeRatio = 0.45;

    @Option(
            names = "--gate",
            description = "Gate kind: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    GateKind gateKind = GateKind.LOW_RANK;

    @Option(
            names = "--gate-rank",
            description = "Rank of a LOW_RANK gate. Default: ${DEFAULT-VALUE}.")
    int gateRank = 16;

    @Option(
            names = "--light",
            description = "Light path: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    LightPath lightPath = LightPath.ZERO;

    @Option(
            names = "--light-rank",
            description = "Rank of a LOW_RANK light path. Default: ${DEFAULT-VALUE}.")
    int lightRank = 16;

    @Option(
            names = "--temperature",
            description = "Gate temperature tau > 0. Default: ${DEFAULT-VALUE}.")
    double temperature = 1.0;

    @Option(
            names = "--gradient",
            description = "Gradient mode: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    GradientMode gradientMode = GradientMode.STRAIGHT_THROUGH;

    @Option(
            names = "--sparsity-weight",
            description = "Lambda of lambda * mean(gate). Default: ${DEFAULT-VALUE}.")
    double sparsityWeight = 0;

    @Option(
            names = "--warmup-epochs",
            description = "Epochs of the 1.0 -> ratio warm-up. Default: ${DEFAULT-VALUE}.")
    int warmupEpochs = 0;

    @Option(
            names = "--gate-lr-scale",
            description =
                    "Factor on the learning rate of the MID-L gate parameters, > 0. Default:"
                            + " ${DEFAULT-VALUE}.")
    double gateLearningRateScale = 1.0;

    @Option(
            names = "--dropout",
            description = "Dropout rate of the dropout method. Default: ${DEFAULT-VALUE}.")
    double dropoutRate = 0.5;

    /** Returns validated model options for {@code method}. */
    public ModelOptions toModelOptions(Method method) {
        return new ModelOptions(
                method,
                MidlBlock.builder()
                        .setUnits(1) // a template: ModelOptions sets the units per layer
                        .optActiveRatio(activeRatio)
                        .optGateKind(gateKind)
                        .optGateRank(gateRank)
                        .optLightPath(lightPath)
                        .optLightRank(lightRank)
                        .optTemperature(temperature)
                        .optGradientMode(gradientMode)
                        .optSparsityWeight(sparsityWeight)
                        .optWarmupEpochs(warmupEpochs)
                        .optGateLearningRateScale(gateLearningRateScale)
                        .buildConfig(),
                dropoutRate);
    }
}
