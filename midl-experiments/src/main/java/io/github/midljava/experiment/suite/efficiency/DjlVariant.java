package io.github.midljava.experiment.suite.efficiency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.github.midljava.bench.VariantKey;
import io.github.midljava.data.DataSplit;
import io.github.midljava.model.Method;
import io.github.midljava.train.ClassifierTrainer;
import java.nio.FloatBuffer;
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

        private final SequentialBlock block;
        private final NDManager manager;
        private final DataSplit test;

        DjlInference(SequentialBlock block, NDManager manager, DataSplit test) {
            this.block = block;
            this.manager = manager;
            this.test = test;
        }

        @Override
        public void logits(float[] features, int from, int batch, float[] out) {
            try (NDManager sub = manager.newSubManager()) {
                float[] v = forward(sub, features, from, batch).toFloatArray();
                System.arraycopy(v, 0, out, 0, v.length);
            }
        }

        @Override
        public Long arrayBytes(float[] features, int from, int batch) {
            try (NDManager sub = manager.newSubManager()) {
                forward(sub, features, from, batch).toFloatArray();
                // Results stay attached to the sub-manager until it closes, so this is every array
                // the forward materialised (a detached alias counts in full, as it is an array).
                long bytes = 0;
                for (NDArray a : sub.getManagedArrays()) {
                    bytes += a.size() * a.getDataType().getNumOfBytes();
                }
                return bytes;
            }
        }

        private NDArray forward(NDManager sub, float[] features, int from, int batch) {
            int len = test.featureLength();
            NDArray x =
                    sub.create(
                            FloatBuffer.wrap(features, from * len, batch * len),
                            ClassifierTrainer.batchShape(test, batch));
            return block.forward(new ParameterStore(sub, false), new NDList(x), false).head();
        }
    }
}
