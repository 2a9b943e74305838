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

    /**
     * Returns the modes of this build. The sparse MID-L path (pure Java, another branch) is not
     * merged yet: replace its {@link MissingComputeMode} by the real mode once it is.
     */
    public static List<ComputeMode> defaults() {
        return List.of(
                new DjlComputeMode(DENSE, Method.DENSE),
                new DjlComputeMode(MIDL_DENSE, Method.MIDL),
                new MissingComputeMode(
                        MIDL_SPARSE, Method.MIDL, "sparse path: not measured (missing)"));
    }
}
