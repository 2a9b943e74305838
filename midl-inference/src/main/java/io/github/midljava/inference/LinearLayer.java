package io.github.midljava.inference;

/** A dense linear layer prepared for inference: one phase, split by output rows. */
final class LinearLayer implements Layer {
    /** Below this many multiply-adds per sample, splitting costs more than it saves. */
    private static final int MIN_SPLIT_WORK = 1 << 15;

    private final int d;
    private final int n;
    private final float[] weight;
    private final float[] packed;
    private final float[] bias;

    LinearLayer(LinearWeights w) {
        this.d = w.inFeatures();
        this.n = w.outFeatures();
        this.weight = w.weight();
        this.bias = w.bias();
        this.packed = Kernels.pack(weight, n, d);
    }

    @Override
    public int inFeatures() {
        return d;
    }

    @Override
    public int outFeatures() {
        return n;
    }

    @Override
    public int projRows() {
        return 0;
    }

    @Override
    public int activeUnits() {
        return 0;
    }

    @Override
    public int phases() {
        return 1;
    }

    @Override
    public boolean splittable(int phase, int batch) {
        return (long) n * d >= MIN_SPLIT_WORK;
    }

    @Override
    public void phase(int phase, int part, int parts, Workspace ws) {
        int align = ws.dotPath ? 4 : Kernels.NR;
        int from = Kernels.split(n, part, parts, align);
        int to = Kernels.split(n, part + 1, parts, align);
        if (from >= to) {
            return;
        }
        Kernels.gemm(
                ws.dotPath,
                ws.in,
                ws.inOff,
                ws.batch,
                packed,
                weight,
                d,
                n,
                from,
                to,
                ws.out,
                ws.outOff,
                ws.tile(part));
        for (int b = 0; b < ws.batch; b++) {
            Kernels.addBias(ws.out, ws.outOff + b * n + from, to - from, bias, from, ws.relu);
        }
    }
}
