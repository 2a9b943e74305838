package io.github.midljava.experiment.suite.efficiency;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.github.midljava.bench.VariantKey;
import io.github.midljava.data.DataSplit;
import io.github.midljava.inference.ComputeMode;
import io.github.midljava.inference.InferenceNetwork;
import io.github.midljava.inference.SingleSampleKernel;
import io.github.midljava.model.Method;
import io.github.midljava.nn.export.InferenceExport;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The pure-Java inference path ({@link InferenceNetwork}, Vector API kernels) on the trained
 * weights: for MID-L only the k selected rows of W1 per sample (sparse), all rows (dense) or the
 * faster of the two by measurement (auto); single samples with either kernel. Only MLPs can be
 * exported; for a CNN the mode is unavailable and says so.
 */
public final class JavaVariant extends NamedVariant {

    private final ComputeMode mode;
    private final SingleSampleKernel kernel;

    /**
     * @param name the mode's name in tables
     * @param method the trained model it runs (DENSE or MIDL)
     * @param mode SPARSE, DENSE or AUTO compute of the MID-L layers
     * @param kernel the kernel of single-sample calls
     */
    public JavaVariant(String name, Method method, ComputeMode mode, SingleSampleKernel kernel) {
        super(
                name,
                new VariantKey(
                        method == Method.MIDL ? "midl" : "dense",
                        "java",
                        mode.name().toLowerCase(Locale.ROOT),
                        kernel.name().toLowerCase(Locale.ROOT)),
                method);
        this.mode = mode;
        this.kernel = kernel;
    }

    @Override
    public Optional<Inference> prepare(SequentialBlock trained, NDManager manager, DataSplit test) {
        InferenceNetwork net;
        try {
            net =
                    new InferenceNetwork(
                            InferenceExport.layers(trained),
                            mode,
                            Runtime.getRuntime().availableProcessors(),
                            kernel);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not an MLP: convolutions stay in the engine
        }
        int len = test.featureLength();
        return Optional.of(
                new Inference() {
                    @Override
                    public void logits(float[] features, int from, int batch, float[] out) {
                        float[] x =
                                from == 0
                                        ? features
                                        : Arrays.copyOfRange(
                                                features, from * len, (from + batch) * len);
                        net.predict(x, batch, out);
                    }

                    @Override
                    public void close() {
                        net.close();
                    }
                });
    }

    @Override
    public String unavailableNote() {
        return "not measured: the pure-Java path exports MLPs only (this model has convolutions)";
    }
}
