package io.github.midljava.experiment.suite.efficiency;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.github.midljava.data.DataSplit;
import io.github.midljava.model.Method;
import java.util.Optional;

/** A compute mode this build does not have yet: E4 lists it with its note and never a number. */
public final class MissingComputeMode extends NamedComputeMode {

    private final String note;

    /**
     * @param name the mode's name in tables
     * @param method the trained model it would run
     * @param note what the report prints instead of a number
     */
    public MissingComputeMode(String name, Method method, String note) {
        super(name, method);
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
