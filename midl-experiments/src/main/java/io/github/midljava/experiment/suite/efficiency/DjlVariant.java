package io.github.midljava.experiment.suite.efficiency;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.github.midljava.bench.VariantKey;
import io.github.midljava.data.DataSplit;
import io.github.midljava.model.Method;
import io.github.midljava.train.EngineForward;
import java.util.Optional;

/**
 * The DJL (PyTorch) forward of a trained model in inference mode: for a MID-L model every unit's
 * full and light path are computed and blended, i.e. MID-L computed densely. Each call copies the
 * batch in, runs the forward in a sub-manager and copies the logits out, as a deployment would.
 */
public final class DjlVariant extends NamedVariant {

    /** Creates the mode for the trained model of {@code method}. */
    public DjlVariant(String name, Method method) {
        super(
                name,
                new VariantKey(method == Method.MIDL ? "midl" : "dense", "djl", "dense", "engine"),
                method);
    }

    @Override
    public Optional<Inference> prepare(SequentialBlock trained, NDManager manager, DataSplit test) {
        return Optional.of(new DjlInference(trained, manager, test));
    }

    /** One forward per call in a sub-manager, which also holds every array the call creates. */
    private static final class DjlInference implements Inference {

        private final EngineForward forward;

        DjlInference(SequentialBlock block, NDManager manager, DataSplit test) {
            this.forward = new EngineForward(block, manager, test.sampleShape());
        }

        @Override
        public void logits(float[] features, int from, int batch, float[] out) {
            float[] v = forward.logits(features, from, batch);
            System.arraycopy(v, 0, out, 0, v.length);
        }

        @Override
        public Long arrayBytes(float[] features, int from, int batch) {
            return forward.arrayBytes(features, from, batch);
        }
    }
}
