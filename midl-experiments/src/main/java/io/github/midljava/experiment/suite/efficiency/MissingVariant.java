package io.github.midljava.experiment.suite.efficiency;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.github.midljava.bench.VariantKey;
import io.github.midljava.data.DataSplit;
import io.github.midljava.model.Method;
import java.util.Optional;

/** A compute mode this build does not have yet: E4 lists it with its note and never a number. */
public final class MissingVariant extends NamedVariant {

    private final String note;

    /**
     * @param name the mode's name in tables
     * @param key the variant in the shared vocabulary
     * @param method the trained model it would run
     * @param note what the report prints instead of a number
     */
    public MissingVariant(String name, VariantKey key, Method method, String note) {
        super(name, key, method);
        this.note = note;
    }

    @Override
    public Optional<Inference> prepare(SequentialBlock trained, NDManager manager, DataSplit test) {
        return Optional.empty();
    }

    @Override
    public String unavailableNote() {
        return note;
    }
}
