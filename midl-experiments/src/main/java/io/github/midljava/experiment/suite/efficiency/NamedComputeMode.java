package io.github.midljava.experiment.suite.efficiency;

import io.github.midljava.model.Method;

/** The name and the trained model that every {@link ComputeMode} of this package carries. */
abstract class NamedComputeMode implements ComputeMode {

    private final String name;
    private final Method method;

    NamedComputeMode(String name, Method method) {
        this.name = name;
        this.method = method;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Method method() {
        return method;
    }
}
