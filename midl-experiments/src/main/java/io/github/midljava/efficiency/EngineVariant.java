package io.github.midljava.efficiency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;

/**
 * One inference call through the PyTorch engine, timed as a user sees it: a sub-manager, the copy
 * of the input, the forward and the read of the logits back into Java.
 */
final class EngineVariant {

    private final Block block;
    private final NDManager manager;
    private final int inputSize;

    EngineVariant(Block block, NDManager manager, int inputSize) {
        this.block = block;
        this.manager = manager;
        this.inputSize = inputSize;
    }

    float[] predict(float[] x, int batch) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray in =
                    sub.create(
                            FloatBuffer.wrap(x, 0, batch * inputSize), new Shape(batch, inputSize));
            return block.forward(new ParameterStore(sub, false), new NDList(in), false)
                    .head()
                    .toFloatArray();
        }
    }
}
