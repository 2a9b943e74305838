package io.github.midljava.experiment.suite.efficiency;

import io.github.midljava.model.Method;
import java.util.List;

/** The compute modes E4 times. */
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
     * Returns the modes of this build: the engine's dense and MID-L forwards, and the pure-Java
     * kernels for the dense model and for MID-L computed sparsely.
     */
    public static List<ComputeMode> defaults() {
        return List.of(
                new DjlComputeMode(DENSE, Method.DENSE),
                new DjlComputeMode(MIDL_DENSE, Method.MIDL),
                new JavaComputeMode(
                        DENSE_JAVA, Method.DENSE, io.github.midljava.inference.ComputeMode.DENSE),
                new JavaComputeMode(
                        MIDL_SPARSE, Method.MIDL, io.github.midljava.inference.ComputeMode.SPARSE));
    }
}
