package io.github.midljava.experiment.suite.efficiency;

import io.github.midljava.inference.ComputeMode;
import io.github.midljava.inference.SingleSampleKernel;
import io.github.midljava.model.Method;
import java.util.List;

/** The inference variants E4 times, and their display names. */
public final class ComputeModes {

    /** Name of the dense baseline mode. */
    public static final String DENSE = "dense (DJL)";

    /** Name of MID-L computed densely by the DJL forward. */
    public static final String MIDL_DENSE = "MID-L, dense compute (DJL)";

    /** Name of MID-L computed sparsely (only the k selected rows of W1 per sample). */
    public static final String MIDL_SPARSE = "MID-L, sparse compute (pure Java)";

    private ComputeModes() {}

    /** Name of the dense model on the pure-Java kernels (the same-technology baseline). */
    public static final String DENSE_JAVA = "dense (pure Java)";

    /**
     * Name of the dense model on the pure-Java kernels with the batched kernel for single samples
     * (on some CPUs the fastest dense single-sample computation).
     */
    public static final String DENSE_JAVA_PANELS = "dense (pure Java, batched kernel at batch 1)";

    /** Name of MID-L on the pure-Java kernels, sparse or dense compute chosen by measurement. */
    public static final String MIDL_AUTO = "MID-L, auto compute (pure Java)";

    /**
     * Returns the variants of this build: the engine's dense and MID-L forwards, the pure-Java
     * kernels for the dense model (both single-sample kernels: the fastest dense computation is the
     * honest reference) and for MID-L computed sparsely and by AUTO.
     */
    public static List<InferenceVariant> defaults() {
        return List.of(
                new DjlVariant(DENSE, Method.DENSE),
                new DjlVariant(MIDL_DENSE, Method.MIDL),
                new JavaVariant(
                        DENSE_JAVA, Method.DENSE, ComputeMode.DENSE, SingleSampleKernel.ROWS),
                new JavaVariant(
                        DENSE_JAVA_PANELS,
                        Method.DENSE,
                        ComputeMode.DENSE,
                        SingleSampleKernel.PANELS),
                new JavaVariant(
                        MIDL_SPARSE, Method.MIDL, ComputeMode.SPARSE, SingleSampleKernel.ROWS),
                new JavaVariant(MIDL_AUTO, Method.MIDL, ComputeMode.AUTO, SingleSampleKernel.ROWS));
    }
}
