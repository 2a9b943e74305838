package io.github.midljava.flops;

/**
 * FLOPs per sample counted three ways (multiply-adds x 2), as our spec asks:
 *
 * <ul>
 *   <li>{@code dense}: the same model with every MID-L layer replaced by a plain {@code Linear};
 *   <li>{@code honest}: what MID-L really computes, gate, full path of k units, light path and
 *       blend included;
 *   <li>{@code paperStyle}: the full path only ({@code 2 k d} per MID-L layer), the way
 *       active-neuron savings are usually quoted.
 * </ul>
 *
 * <p>For layers that are not MID-L layers all three are equal.
 *
 * @param dense dense-equivalent FLOPs per sample
 * @param honest honest FLOPs per sample
 * @param paperStyle paper-style FLOPs per sample
 */
public record Flops(long dense, long honest, long paperStyle) {

    /** No FLOPs. */
    public static final Flops ZERO = new Flops(0, 0, 0);

    /** FLOPs of a layer that is computed the same way in every accounting. */
    public static Flops plain(long flops) {
        return new Flops(flops, flops, flops);
    }

    /** Returns the element-wise sum. */
    public Flops plus(Flops o) {
        return new Flops(dense + o.dense, honest + o.honest, paperStyle + o.paperStyle);
    }

    /** Returns dense / honest, the honest savings factor (1.0 when nothing is saved). */
    public double honestSavings() {
        return honest == 0 ? 1.0 : (double) dense / honest;
    }

    /** Returns dense / paperStyle, the savings factor as papers usually quote it. */
    public double paperStyleSavings() {
        return paperStyle == 0 ? 1.0 : (double) dense / paperStyle;
    }
}
