package io.github.midljava.inference;

import java.util.List;

/**
 * A pure-Java CPU forward pass for an MLP of dense linear and MID-L layers (Shaeri and Middel,
 * arXiv 2505.11416, 2025) with ReLU between layers and none after the last: {@code predict(x)}
 * returns the logits.
 *
 * <p>In {@link ComputeMode#SPARSE} a MID-L layer computes its full path only for the k units each
 * sample selects, so fewer active neurons mean less work; {@link ComputeMode#DENSE} computes every
 * unit and masks afterwards, as training does; {@link ComputeMode#AUTO} times both on its first
 * calls and then uses the faster, per MID-L layer and call size. All give the same logits up to
 * float rounding (bitwise at batch 1). Results do not depend on the thread count nor on JIT
 * warm-up: reductions and {@code exp} use a fixed order.
 *
 * <p>Shapes: {@code x: [batch, inputSize]} and logits {@code [batch, outputSize]}, row-major.
 *
 * <p>With several threads, a batch of at least {@code 2 * }{@value #MIN_SLICE} samples is cut into
 * contiguous slices, each running the whole network with its own scratch, so threads never wait on
 * each other between layers. A smaller batch (batch 1 above all) is bound by reading the weights,
 * so instead each layer splits its output rows across the threads: every core then streams its own
 * part of the weights, which doubles the usable memory bandwidth, at the price of a hand-off to
 * spinning helper threads per layer phase. The calling thread always takes part. Each network owns
 * its {@code numThreads - 1} helper threads (daemons that spin briefly after a call, then park) and
 * stops them on {@link #close()}: create a network per model and close it when done, typically with
 * try-with-resources. Calls are serialised ({@code synchronized}): use one network per caller
 * thread for concurrency.
 */
public final class InferenceNetwork implements AutoCloseable {
    /**
     * Smallest batch slice given to a thread: below it, waking a worker costs more than it saves.
     */
    static final int MIN_SLICE = 4;

    private final Layer[] layers;
    private final ComputeMode mode;
    private final SingleSampleKernel kernel;
    private final int numThreads;
    private final int inSize;
    private final int outSize;
    private final Workspace[] workspaces;
    private final Team team;
    private final SliceTask sliceTask = new SliceTask();
    private final PhaseTask phaseTask = new PhaseTask();

    /** Set by {@link #close()}; a closed network refuses calls. */
    private volatile boolean closed;

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
        this(layers, mode, numThreads, SingleSampleKernel.ROWS);
    }

    /**
     * Prepares a network that runs single-sample calls with {@code kernel}: {@link
     * SingleSampleKernel#ROWS} (the default) or the batched kernel on a batch of one ({@link
     * SingleSampleKernel#PANELS}), whichever is faster on this CPU.
     *
     * @param layers the layers from input to logits; ReLU follows every layer but the last
     * @param mode how MID-L layers compute their full path
     * @param numThreads the most threads one call uses, {@code >= 1}
     * @param kernel the kernel of single-sample calls
     */
    public InferenceNetwork(
            List<? extends LayerWeights> layers,
            ComputeMode mode,
            int numThreads,
            SingleSampleKernel kernel) {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel must not be null");
        }
        this.kernel = kernel;
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
                    w instanceof MidlLayerWeights m
                            ? new MidlLayer(m, mode)
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
        for (int t = 0; t < numThreads; t++) {
            workspaces[t] = new Workspace(maxWidth, maxProj, maxUnits, maxK, numThreads);
        }
        this.team = numThreads > 1 ? new Team(numThreads) : null;
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

    /** Returns the kernel of single-sample calls. */
    public SingleSampleKernel singleSampleKernel() {
        return kernel;
    }

    /**
     * For {@link ComputeMode#AUTO}: per MID-L layer (in order), whether a call of {@code batch}
     * samples currently computes sparsely ({@code "sparse"}), densely ({@code "dense"}) or is still
     * timing both ({@code "trying"}); other modes give their own name. Slices of a batch spread
     * over threads are decided by their own size.
     */
    public synchronized List<String> autoDecisions(int batch) {
        Checks.positive("batch", batch);
        int slice = batch;
        if (team != null && batch >= 2 * MIN_SLICE) {
            slice = Math.min(batch, ((batch + numThreads - 1) / numThreads + 3) / 4 * 4);
        }
        List<String> out = new java.util.ArrayList<>();
        for (Layer layer : layers) {
            if (layer instanceof MidlLayer m) {
                if (mode != ComputeMode.AUTO) {
                    out.add(mode == ComputeMode.SPARSE ? "sparse" : "dense");
                } else {
                    Boolean d =
                            m.autoDecision(slice, batch == 1 && kernel == SingleSampleKernel.ROWS);
                    out.add(d == null ? "trying" : d ? "sparse" : "dense");
                }
            }
        }
        return out;
    }

    /** Returns the most threads one call uses. */
    public int numThreads() {
        return numThreads;
    }

    /**
     * Returns the logits {@code [batch, outputSize]} (row-major) for {@code x: [batch, inputSize]}.
     */
    public float[] predict(float[] x, int batch) {
        float[] out = new float[Math.max(0, batch) * outSize];
        predict(x, batch, out);
        return out;
    }

    /** Writes the logits {@code [batch, outputSize]} into {@code out}; allocates nothing. */
    public synchronized void predict(float[] x, int batch, float[] out) {
        if (closed) {
            throw new IllegalStateException("this InferenceNetwork was closed");
        }
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
        if (team == null) {
            run(x, out, 0, batch, batch, workspaces[0], null);
        } else if (batch < 2 * MIN_SLICE) {
            run(x, out, 0, batch, batch, workspaces[0], team);
        } else {
            sliceTask.set(x, out, batch);
            team.run(sliceTask);
        }
    }

    /**
     * Stops this network's helper threads (with more than one thread); later calls throw {@link
     * IllegalStateException}. Idempotent. A network that is never closed keeps its helpers parked
     * (daemon threads, no CPU) until the JVM exits.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (team != null) {
                team.close();
            }
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

    /**
     * Runs samples {@code [start, start + count)}; phases are split across {@code team} if given.
     */
    private void run(
            float[] x, float[] out, int start, int count, int batch, Workspace ws, Team team) {
        ws.ensure(count);
        float[] src = x;
        int srcOff = start * inSize;
        for (int i = 0; i < layers.length; i++) {
            boolean last = i == layers.length - 1;
            float[] dst = last ? out : (i % 2 == 0 ? ws.act0 : ws.act1);
            int dstOff = last ? start * outSize : 0;
            Layer layer = layers[i];
            ws.setCall(
                    src,
                    srcOff,
                    dst,
                    dstOff,
                    count,
                    !last,
                    batch == 1 && kernel == SingleSampleKernel.ROWS);
            boolean timed = layer.begin(ws);
            long t0 = timed ? System.nanoTime() : 0L;
            if (team == null) {
                layer.forward(ws);
            } else {
                for (int ph = 0; ph < layer.phases(); ph++) {
                    if (team != null && layer.splittable(ph, count)) {
                        phaseTask.set(layer, ph, ws);
                        team.run(phaseTask);
                    } else {
                        layer.phase(ph, 0, 1, ws);
                    }
                }
            }
            if (timed) {
                layer.end(ws, System.nanoTime() - t0);
            }
            src = dst;
            srcOff = dstOff;
        }
    }

    /** Slice {@code part} of the batch: contiguous, a multiple of 4 samples but the last. */
    private final class SliceTask implements Team.Task {
        private float[] x;
        private float[] out;
        private int batch;

        void set(float[] x, float[] out, int batch) {
            this.x = x;
            this.out = out;
            this.batch = batch;
        }

        @Override
        public void run(int part, int parts) {
            int per = (batch + parts - 1) / parts;
            per = (per + 3) / 4 * 4;
            int start = part * per;
            int count = Math.min(per, batch - start);
            if (count > 0) {
                InferenceNetwork.this.run(x, out, start, count, batch, workspaces[part], null);
            }
        }
    }

    /** Part {@code part} of one phase of one layer, on the shared workspace. */
    private static final class PhaseTask implements Team.Task {
        private Layer layer;
        private int phase;
        private Workspace ws;

        void set(Layer layer, int phase, Workspace ws) {
            this.layer = layer;
            this.phase = phase;
            this.ws = ws;
        }

        @Override
        public void run(int part, int parts) {
            layer.phase(phase, part, parts, ws);
        }
    }
}
