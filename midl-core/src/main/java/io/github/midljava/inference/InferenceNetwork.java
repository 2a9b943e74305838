package io.github.midljava.inference;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * A pure-Java CPU forward pass for an MLP of dense linear and MID-L layers (Shaeri and Middel,
 * arXiv 2505.11416, 2025) with ReLU between layers and none after the last: {@code predict(x)}
 * returns the logits.
 *
 * <p>In {@link ComputeMode#SPARSE} a MID-L layer computes its full path only for the k units each
 * sample selects, so fewer active neurons mean less work; {@link ComputeMode#DENSE} computes every
 * unit and masks afterwards, as training does. Both give the same logits up to float rounding.
 *
 * <p>Threads split the batch into contiguous slices of at least {@value #MIN_SLICE} samples, each
 * slice running the whole network with its own scratch, so threads never wait on each other
 * between layers; a batch smaller than {@code 2 * MIN_SLICE} runs on the calling thread. Calls
 * are serialised ({@code synchronized}): use one network per caller thread for concurrency. Close
 * the network to stop its worker threads.
 */
public final class InferenceNetwork implements AutoCloseable {
    /** Smallest batch slice given to a thread: below it, waking a worker costs more than it saves. */
    static final int MIN_SLICE = 4;

    private final Layer[] layers;
    private final ComputeMode mode;
    private final int numThreads;
    private final int inSize;
    private final int outSize;
    private final Workspace[] workspaces;
    private final Slice[] slices;
    private final ForkJoinPool pool;

    /**
     * Prepares a network on {@link Runtime#availableProcessors()} threads.
     *
     * @see #InferenceNetwork(List, ComputeMode, int)
     */
    public InferenceNetwork(List<? extends LayerWeights> layers, ComputeMode mode) {
        this(layers, mode, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Prepares a network: validates that widths chain, repacks the weights it reads in another
     * layout (the originals are read in place: do not modify them afterwards).
     *
     * @param layers the layers from input to logits; ReLU follows every layer but the last
     * @param mode how MID-L layers compute their full path
     * @param numThreads the most threads one call uses, {@code >= 1}
     */
    public InferenceNetwork(List<? extends LayerWeights> layers, ComputeMode mode, int numThreads) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("layers must not be empty, got " + layers);
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode must not be null");
        }
        Checks.positive("numThreads", numThreads);
        this.mode = mode;
        this.numThreads = numThreads;
        this.layers = new Layer[layers.size()];
        int maxWidth = 0;
        int maxProj = 0;
        int maxUnits = 0;
        int maxK = 0;
        for (int i = 0; i < this.layers.length; i++) {
            LayerWeights w = layers.get(i);
            if (w == null) {
                throw new IllegalArgumentException("layers[" + i + "] must not be null");
            }
            if (i > 0 && w.inFeatures() != layers.get(i - 1).outFeatures()) {
                throw new IllegalArgumentException(
                        "layers["
                                + i
                                + "].inFeatures must equal layers["
                                + (i - 1)
                                + "].outFeatures = "
                                + layers.get(i - 1).outFeatures()
                                + ", got "
                                + w.inFeatures());
            }
            Layer layer =
                    w instanceof MidlLayerWeights m ? new MidlLayer(m, mode)
                            : new LinearLayer((LinearWeights) w);
            this.layers[i] = layer;
            maxWidth = Math.max(maxWidth, layer.outFeatures());
            maxProj = Math.max(maxProj, layer.projRows());
            maxK = Math.max(maxK, layer.activeUnits());
            if (layer.activeUnits() > 0) {
                maxUnits = Math.max(maxUnits, layer.outFeatures());
            }
        }
        this.inSize = this.layers[0].inFeatures();
        this.outSize = this.layers[this.layers.length - 1].outFeatures();
        this.workspaces = new Workspace[numThreads];
        this.slices = new Slice[numThreads];
        for (int t = 0; t < numThreads; t++) {
            workspaces[t] = new Workspace(maxWidth, maxProj, maxUnits, maxK);
            slices[t] = new Slice(workspaces[t]);
        }
        this.pool = numThreads > 1 ? new ForkJoinPool(numThreads - 1) : null;
    }

    /** Returns the input width. */
    public int inputSize() {
        return inSize;
    }

    /** Returns the output width (number of logits per sample). */
    public int outputSize() {
        return outSize;
    }

    /** Returns how MID-L layers compute their full path. */
    public ComputeMode computeMode() {
        return mode;
    }

    /** Returns the most threads one call uses. */
    public int numThreads() {
        return numThreads;
    }

    /**
     * Returns the logits {@code [batch, outputSize]} (row-major) for {@code x: [batch,
     * inputSize]}.
     */
    public float[] predict(float[] x, int batch) {
        float[] out = new float[Math.max(0, batch) * outSize];
        predict(x, batch, out);
        return out;
    }

    /** Writes the logits {@code [batch, outputSize]} into {@code out}; allocates nothing. */
    public synchronized void predict(float[] x, int batch, float[] out) {
        Checks.positive("batch", batch);
        if (x == null || x.length < (long) batch * inSize) {
            throw new IllegalArgumentException(
                    "x must hold batch * inputSize = "
                            + batch
                            + "*"
                            + inSize
                            + " floats, got "
                            + (x == null ? "null" : x.length));
        }
        if (out == null || out.length < (long) batch * outSize) {
            throw new IllegalArgumentException(
                    "out must hold batch * outputSize = "
                            + batch
                            + "*"
                            + outSize
                            + " floats, got "
                            + (out == null ? "null" : out.length));
        }
        int threads = Math.min(numThreads, Math.max(1, batch / MIN_SLICE));
        if (threads == 1) {
            run(x, out, 0, batch, workspaces[0]);
            return;
        }
        // Equal slices, rounded to the micro-tile height so only the last one has leftovers.
        int per = (batch + threads - 1) / threads;
        per = (per + Kernels.MR - 1) / Kernels.MR * Kernels.MR;
        int used = 0;
        for (int t = 1; t < threads; t++) {
            int start = t * per;
            if (start >= batch) {
                break;
            }
            Slice s = slices[t];
            s.reinitialize();
            s.set(x, out, start, Math.min(per, batch - start));
            pool.execute(s);
            used = t;
        }
        run(x, out, 0, Math.min(per, batch), workspaces[0]);
        for (int t = 1; t <= used; t++) {
            slices[t].join();
        }
    }

    /** Returns the index of the largest logit of each sample (the first one on ties). */
    public int[] argmax(float[] x, int batch) {
        float[] logits = predict(x, batch);
        int[] classes = new int[batch];
        for (int b = 0; b < batch; b++) {
            int best = 0;
            for (int c = 1; c < outSize; c++) {
                if (logits[b * outSize + c] > logits[b * outSize + best]) {
                    best = c;
                }
            }
            classes[b] = best;
        }
        return classes;
    }

    /** Stops the worker threads; the network must not be used afterwards. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    private void run(float[] x, float[] out, int start, int count, Workspace ws) {
        ws.ensure(count);
        float[] src = x;
        int srcOff = start * inSize;
        for (int i = 0; i < layers.length; i++) {
            boolean last = i == layers.length - 1;
            float[] dst = last ? out : (i % 2 == 0 ? ws.act0 : ws.act1);
            int dstOff = last ? start * outSize : 0;
            layers[i].forward(src, srcOff, dst, dstOff, count, !last, ws);
            src = dst;
            srcOff = dstOff;
        }
    }

    /** One thread's slice of a call, reused across calls to avoid allocating tasks. */
    private final class Slice extends RecursiveAction {
        private final Workspace ws;
        private float[] x;
        private float[] out;
        private int start;
        private int count;

        Slice(Workspace ws) {
            this.ws = ws;
        }

        void set(float[] x, float[] out, int start, int count) {
            this.x = x;
            this.out = out;
            this.start = start;
            this.count = count;
        }

        @Override
        protected void compute() {
            run(x, out, start, count, ws);
        }
    }
}
