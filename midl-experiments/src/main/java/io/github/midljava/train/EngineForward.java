package io.github.midljava.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;

/**
 * One inference call through the engine, as a user sees it: a sub-manager, the copy of the input,
 * the forward and the read of the logits back into Java. The one engine forward that {@code midl
 * bench} and E4 both time.
 */
public final class EngineForward {

    private final Block block;
    private final NDManager manager;
    private final long[] sampleShape;
    private final int sampleLength;

    /**
     * @param block a trained (or initialised) block
     * @param manager the parent of each call's sub-manager
     * @param sampleShape the shape of one sample, e.g. {@code {784}} or {@code {3, 32, 32}}
     */
    public EngineForward(Block block, NDManager manager, long[] sampleShape) {
        this.block = block;
        this.manager = manager;
        this.sampleShape = sampleShape.clone();
        long length = 1;
        for (long s : sampleShape) {
            length *= s;
        }
        this.sampleLength = Math.toIntExact(length);
    }

    /** Returns the logits of samples {@code [from, from + batch)} of {@code x} (row-major). */
    public float[] logits(float[] x, int from, int batch) {
        try (NDManager sub = manager.newSubManager()) {
            return forward(sub, x, from, batch).toFloatArray();
        }
    }

    /**
     * Runs one call and returns the bytes of every array it materialised: results stay attached to
     * the call's sub-manager until it closes (a detached alias counts in full, as it is an array).
     */
    public long arrayBytes(float[] x, int from, int batch) {
        try (NDManager sub = manager.newSubManager()) {
            forward(sub, x, from, batch).toFloatArray();
            long bytes = 0;
            for (NDArray a : sub.getManagedArrays()) {
                bytes += a.size() * a.getDataType().getNumOfBytes();
            }
            return bytes;
        }
    }

    private NDArray forward(NDManager sub, float[] x, int from, int batch) {
        long[] dims = new long[sampleShape.length + 1];
        dims[0] = batch;
        System.arraycopy(sampleShape, 0, dims, 1, sampleShape.length);
        NDArray in =
                sub.create(
                        FloatBuffer.wrap(x, from * sampleLength, batch * sampleLength),
                        new Shape(dims));
        return block.forward(new ParameterStore(sub, false), new NDList(in), false).head();
    }
}
