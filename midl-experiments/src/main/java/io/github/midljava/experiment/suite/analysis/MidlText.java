package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.nn.GateKind;
import io.github.midljava.nn.LightPath;
import io.github.midljava.nn.MidlConfig;

/** Describes a MID-L configuration template (whose units are set per layer) for reports. */
public final class MidlText {

    private MidlText() {}

    /**
     * Returns e.g. "activeRatio 0.45, gate LOW_RANK/16, light LOW_RANK/16, τ 1.0, gradient
     * STRAIGHT_THROUGH".
     */
    public static String template(MidlConfig c) {
        StringBuilder sb =
                new StringBuilder("activeRatio ")
                        .append(c.activeRatio())
                        .append(", gate ")
                        .append(c.gateKind());
        if (c.gateKind() == GateKind.LOW_RANK) {
            sb.append('/').append(c.gateRank());
        }
        sb.append(", light ").append(c.lightPath());
        if (c.lightPath() == LightPath.LOW_RANK) {
            sb.append('/').append(c.lightRank());
        }
        sb.append(", τ ").append(c.temperature()).append(", gradient ").append(c.gradientMode());
        if (c.sparsityWeight() > 0) {
            sb.append(", λ ").append(c.sparsityWeight());
        }
        if (c.warmupEpochs() > 0) {
            sb.append(", warm-up ").append(c.warmupEpochs()).append(" epochs");
        }
        return sb.toString();
    }
}
