package io.github.midljava.inference;

/** A dense linear layer prepared for inference. */
final class LinearLayer implements Layer {
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
        this.packed = Kernels.USE_PACKED ? Kernels.pack(weight, n, d) : null;
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
    public void forward(
            float[] in, int inOff, float[] out, int outOff, int batch, boolean relu, Workspace ws) {
        Kernels.gemm(in, inOff, batch, packed, weight, d, n, out, outOff, ws.tile);
        for (int b = 0; b < batch; b++) {
            Kernels.addBias(out, outOff + b * n, n, bias, relu);
        }
    }
}
