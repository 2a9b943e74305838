package io.github.midljava.experiment.suite.efficiency;

import io.github.midljava.bench.VariantKey;
import io.github.midljava.model.Method;

/** The name, key and trained model that every {@link InferenceVariant} of this package carries. */
abstract class NamedVariant implements InferenceVariant {

    private final String name;
    private final VariantKey key;
    private final Method method;

    NamedVariant(String name, VariantKey key, Method method) {
        this.name = name;
        this.key = key;
        this.method = method;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final VariantKey key() {
        return key;
    }

    @Override
    public final Method method() {
        return method;
    }
}
