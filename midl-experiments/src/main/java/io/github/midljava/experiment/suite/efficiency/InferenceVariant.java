package io.github.midljava.experiment.suite.efficiency;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.github.midljava.bench.VariantKey;
import io.github.midljava.data.DataSplit;
import io.github.midljava.model.Method;
import java.util.Optional;

/**
 * One way to compute a trained model's predictions, timed by E4: e.g. the DJL forward of the dense
 * model, the DJL forward of the MID-L model (all n units computed, then blended), or a sparse MID-L
 * path that computes only the k selected rows of W1 per sample. Each has a display name for the
 * report and a {@link VariantKey} in the vocabulary {@code midl bench} uses
 * (method/runtime/compute/kernel); the full-path computation itself is {@link
 * io.github.midljava.inference.ComputeMode}.
 *
 * <p>To add a mode (the pure-Java sparse path, for instance), implement this interface and list it
 * in {@link ComputeModes#defaults()}; a mode that cannot run in this build returns an empty {@link
 * #prepare} and the report prints its {@link #unavailableNote()} instead of a number.
 */
public interface InferenceVariant {

    /** Returns the name used in tables and plots, e.g. "MID-L, dense compute (DJL)". */
    String name();

    /** Returns the variant in the shared vocabulary, e.g. {@code midl/djl/dense/engine}. */
    VariantKey key();

    /** Returns which trained model the mode runs: {@link Method#DENSE} or {@link Method#MIDL}. */
    Method method();

    /**
     * Prepares inference on a trained model.
     *
     * @param trained the trained model (weights loaded), built by {@code ModelFactory}
     * @param manager the model's manager; arrays created per call belong in sub-managers of it
     * @param test the test split (sample shape, number of classes)
     * @return the prepared inference, or empty if this mode is not available in this build
     */
    Optional<Inference> prepare(SequentialBlock trained, NDManager manager, DataSplit test);

    /** Returns what the report says when {@link #prepare} is empty. */
    default String unavailableNote() {
        return "not measured (missing)";
    }

    /** A prepared forward: features in, logits out, every call computing from scratch. */
    interface Inference extends AutoCloseable {

        /**
         * Computes the logits of {@code batch} samples starting at sample {@code from}.
         *
         * @param features row-major samples, {@code [size * featureLength]}
         * @param from first sample
         * @param batch number of samples, &ge; 1
         * @param out receives the logits, row-major {@code [batch * classes]}
         */
        void logits(float[] features, int from, int batch, float[] out);

        /**
         * Runs one call like {@link #logits} and returns the bytes of the arrays it created (input
         * and logits included), or null if the mode cannot tell.
         */
        default Long arrayBytes(float[] features, int from, int batch) {
            return null;
        }

        @Override
        default void close() {}
    }
}
