package io.github.midljava.model;

import io.github.midljava.nn.MidlBlock;
import io.github.midljava.nn.MidlConfig;
import io.github.midljava.nn.Selection;

/**
 * How to build the hidden layers of a model.
 *
 * @param method dense, dropout, MID-L or an ablation
 * @param midl the MID-L configuration template (its {@code units} is replaced per layer); for the
 *     ablations its selection is replaced by RANDOM or STATIC
 * @param dropoutRate the dropout rate of the DROPOUT method, in [0, 1)
 */
public record ModelOptions(Method method, MidlConfig midl, double dropoutRate) {

    /**
     * Validates the dropout rate and the MID-L options in float32, the engine's precision (see
     * {@link Float32Ranges}).
     */
    public ModelOptions {
        Float32Ranges.checkDropoutRate(dropoutRate);
        Float32Ranges.check(midl);
    }

    /** Returns options with the default MID-L configuration and dropout 0.5. */
    public static ModelOptions defaults(Method method) {
        return new ModelOptions(method, MidlBlock.builder().setUnits(1).buildConfig(), 0.5);
    }

    /** Returns the MID-L configuration of a hidden layer of {@code units} units for this method. */
    public MidlConfig midlLayer(long units) {
        Selection selection =
                method == Method.RANDOM_K
                        ? Selection.RANDOM
                        : method == Method.STATIC_K ? Selection.STATIC : Selection.LEARNED;
        return MidlBlock.builder()
                .fromConfig(midl)
                .setUnits(units)
                .optSelection(selection)
                .optInputSize(0)
                .buildConfig();
    }
}
