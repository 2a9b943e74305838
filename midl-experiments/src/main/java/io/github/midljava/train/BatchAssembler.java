package io.github.midljava.train;

import io.github.midljava.data.DataSplit;
import java.util.Random;

/**
 * Copies the samples of one mini-batch out of a {@link DataSplit} into a reusable buffer,
 * optionally with image augmentation (random crop with zero padding and horizontal flip), so the
 * engine receives one contiguous array per step.
 */
final class BatchAssembler {

    private static final int PAD = 4;

    private final DataSplit split;
    private final int featureLength;
    private final boolean augment;
    private final Random random;
    private final float[] buffer;
    private final long[] labels;

    BatchAssembler(DataSplit split, int maxBatch, boolean augment, Random random) {
        this.split = split;
        this.featureLength = split.featureLength();
        long[] shape = split.sampleShape();
        this.augment = augment && shape.length == 3;
        this.random = random;
        this.buffer = new float[maxBatch * featureLength];
        this.labels = new long[maxBatch];
    }

    /** Fills the buffer with the samples {@code order[from .. from + size)}; returns it. */
    float[] features(int[] order, int from, int size) {
        float[] src = split.features();
        for (int i = 0; i < size; i++) {
            int sample = order[from + i];
            if (augment) {
                augmentInto(src, sample * featureLength, i * featureLength);
            } else {
                System.arraycopy(
                        src, sample * featureLength, buffer, i * featureLength, featureLength);
            }
            labels[i] = split.labels()[sample];
        }
        return buffer;
    }

    /** Returns {@code [size, sampleShape...]}. */
    ai.djl.ndarray.types.Shape shapeFor(int size) {
        return ClassifierTrainer.batchShape(split, size);
    }

    /** Returns the labels of the last {@link #features} call (first {@code size} entries). */
    long[] labels() {
        return labels;
    }

    private void augmentInto(float[] src, int srcOffset, int dstOffset) {
        long[] s = split.sampleShape();
        int c = (int) s[0];
        int h = (int) s[1];
        int w = (int) s[2];
        int dy = random.nextInt(2 * PAD + 1) - PAD;
        int dx = random.nextInt(2 * PAD + 1) - PAD;
        boolean flip = random.nextBoolean();
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                int sy = y + dy;
                for (int x = 0; x < w; x++) {
                    int sx = (flip ? w - 1 - x : x) + dx;
                    float v = 0f;
                    if (sy >= 0 && sy < h && sx >= 0 && sx < w) {
                        v = src[srcOffset + (ch * h + sy) * w + sx];
                    }
                    buffer[dstOffset + (ch * h + y) * w + x] = v;
                }
            }
        }
    }
}
