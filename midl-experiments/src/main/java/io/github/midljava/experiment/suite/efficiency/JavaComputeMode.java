package io.github.midljava.experiment.suite.efficiency;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.github.midljava.data.DataSplit;
import io.github.midljava.inference.InferenceNetwork;
import io.github.midljava.model.Method;
import io.github.midljava.nn.export.InferenceExport;
import java.util.Arrays;
import java.util.Optional;

/**
 * The pure-Java inference path ({@link InferenceNetwork}, Vector API kernels) on the trained
 * weights: for MID-L either only the k selected rows of W1 per sample (sparse) or all rows. Only
 * MLPs can be exported; for a CNN the mode is unavailable and says so.
 */
public final class JavaComputeMode extends NamedComputeMode {

    private final io.github.midljava.inference.ComputeMode mode;

    /**
     * @param name the mode's name in tables
     * @param method the trained model it runs (DENSE or MIDL)
     * @param mode SPARSE or DENSE compute of the MID-L layers
     */
    public JavaComputeMode(
            String name, Method method, io.github.midljava.inference.ComputeMode mode) {
        super(name, method);
        this.mode = mode;
    }

    @Override
    public Optional<Inference> prepare(SequentialBlock trained, NDManager manager, DataSplit test) {
        InferenceNetwork net;
        try {
            net =
                    InferenceExport.toNetwork(
                            trained, mode, Runtime.getRuntime().availableProcessors());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not an MLP: convolutions stay in the engine
        }
        int len = test.featureLength();
        return Optional.of(
                (features, from, batch, out) -> {
                    float[] x = Arrays.copyOfRange(features, from * len, (from + batch) * len);
                    net.predict(x, batch, out);
                });
    }

    @Override
    public String unavailableNote() {
        return "not measured: the pure-Java path exports MLPs only (this model has convolutions)";
    }
}
