package io.github.midljava.inference;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Plain loops that transcribe the math, in double precision: the oracle for the kernels. */
final class ScalarReference {
    private ScalarReference() {}

    /** {@code y[b, j] = sum_i W[j, i] x[b, i] + bias[j]} ({@code bias} may be null). */
    static float[] linear(float[] x, int batch, float[] w, float[] bias, int d, int n) {
        float[] y = new float[batch * n];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < n; j++) {
                double s = bias == null ? 0 : bias[j];
                for (int i = 0; i < d; i++) {
                    s += (double) w[j * d + i] * x[b * d + i];
                }
                y[b * n + j] = (float) s;
            }
        }
        return y;
    }

    /** Top-k by (value desc, index asc), as a sorted index list. */
    static int[] topK(float[] v, int off, int n, int k) {
        return IntStream.range(0, n)
                .boxed()
                .sorted(
                        Comparator.<Integer>comparingDouble(j -> -v[off + j])
                                .thenComparingInt(j -> j))
                .limit(k)
                .mapToInt(Integer::intValue)
                .sorted()
                .toArray();
    }

    /** The gate values g of a MID-L layer, {@code [batch, n]}. */
    static float[] gate(MidlLayerWeights w, float[] x, int batch) {
        int d = w.inFeatures();
        int n = w.units();
        float[] z =
                w.gateKind() == GateForm.DENSE
                        ? linear(x, batch, w.gateWeight(), w.gateBias(), d, n)
                        : linear(
                                linear(x, batch, w.gateDown(), null, d, w.gateRank()),
                                batch,
                                w.gateUp(),
                                w.gateBias(),
                                w.gateRank(),
                                n);
        float[] g = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            g[i] = (float) (1 / (1 + Math.exp(-z[i] / (double) w.tau())));
        }
        return g;
    }

    /** One MID-L layer, literally: every unit on both paths, then the hard mask and the blend. */
    static float[] midl(MidlLayerWeights w, float[] x, int batch) {
        int d = w.inFeatures();
        int n = w.units();
        float[] g = gate(w, x, batch);
        float[] h1 = linear(x, batch, w.fullWeight(), w.fullBias(), d, n);
        float[] h2 =
                switch (w.lightKind()) {
                    case LOW_RANK ->
                            linear(
                                    linear(x, batch, w.lightDown(), null, d, w.lightRank()),
                                    batch,
                                    w.lightUp(),
                                    w.lightBias(),
                                    w.lightRank(),
                                    n);
                    case DENSE -> linear(x, batch, w.lightWeight(), w.lightBias(), d, n);
                    case IDENTITY -> x.clone();
                    case ZERO -> new float[batch * n];
                };
        float[] y = new float[batch * n];
        for (int b = 0; b < batch; b++) {
            float[] m = new float[n];
            for (int j : topK(g, b * n, n, w.k())) {
                m[j] = 1;
            }
            for (int j = 0; j < n; j++) {
                double a = m[j] * g[b * n + j];
                y[b * n + j] = (float) (a * h1[b * n + j] + (1 - a) * h2[b * n + j]);
            }
        }
        return y;
    }

    /** The network: ReLU after every layer but the last. */
    static float[] network(List<? extends LayerWeights> layers, float[] x, int batch) {
        float[] a = x;
        for (int l = 0; l < layers.size(); l++) {
            LayerWeights w = layers.get(l);
            a =
                    w instanceof MidlLayerWeights m
                            ? midl(m, a, batch)
                            : linear(
                                    a,
                                    batch,
                                    ((LinearWeights) w).weight(),
                                    ((LinearWeights) w).bias(),
                                    w.inFeatures(),
                                    w.outFeatures());
            if (l + 1 < layers.size()) {
                for (int i = 0; i < a.length; i++) {
                    a[i] = Math.max(a[i], 0f);
                }
            }
        }
        return a;
    }

    static float[] random(int length, java.util.SplittableRandom rnd) {
        float[] a = new float[length];
        for (int i = 0; i < length; i++) {
            a[i] = (float) rnd.nextDouble(-1, 1);
        }
        return a;
    }
}
