package io.github.midljava.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Where the time of a batch-1 call goes: the MNIST MLP 784-512-512-10, dense and its MID-L twin
 * computed sparsely (random weights), called alternately so each call finds the caches as the other
 * left them, with a timestamp after every phase of every layer. Prints the median time of each
 * phase, and per layer the MID-L time over the dense time. A phase's median includes the hand-off
 * to the helper threads when the phase is split.
 *
 * <p>Arguments ({@code key=value}): {@code threads=1}, {@code ratio=0.45}, {@code rank=16}, {@code
 * calls=40000} (timed calls per network), {@code warmup=20000}.
 */
public final class InferenceProfile {
    private static volatile float sink;

    private InferenceProfile() {}

    /** Per-phase durations of one network, in ns, one row per timed call. */
    private static final class Trace {
        final String name;
        final InferenceNetwork net;
        final long[] clock;
        final long[][] nanos;

        Trace(String name, InferenceNetwork net, int calls) {
            this.name = name;
            this.net = net;
            this.clock = new long[net.phaseCount() + 1];
            this.nanos = new long[net.phaseCount()][calls];
            net.recordPhases(clock);
        }

        void call(float[] x, float[] out, int index) {
            net.predict(x, 1, out);
            sink += out[0];
            if (index >= 0) {
                for (int p = 0; p < nanos.length; p++) {
                    nanos[p][index] = clock[p + 1] - clock[p];
                }
            }
        }

        /** Median over calls of the summed time of the given phases. */
        double medianMicros(int fromPhase, int toPhase) {
            long[] t = new long[nanos[0].length];
            for (int p = fromPhase; p < toPhase; p++) {
                for (int c = 0; c < t.length; c++) {
                    t[c] += nanos[p][c];
                }
            }
            Arrays.sort(t);
            return t[(t.length - 1) / 2] / 1e3;
        }
    }

    public static void main(String[] args) {
        Map<String, String> opt = InferenceLatency.keyValues(args);
        int threads = Integer.parseInt(opt.getOrDefault("threads", "1"));
        double ratio = Double.parseDouble(opt.getOrDefault("ratio", "0.45"));
        int rank = Integer.parseInt(opt.getOrDefault("rank", "16"));
        int calls = Integer.parseInt(opt.getOrDefault("calls", "40000"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "20000"));
        int[] widths = {784, 512, 512, 10};
        List<Trace> traces = new ArrayList<>();
        traces.add(
                new Trace(
                        "dense",
                        new InferenceNetwork(
                                RandomWeights.denseMlp(widths, 1), ComputeMode.SPARSE, threads),
                        calls));
        traces.add(
                new Trace(
                        "midl-sparse",
                        new InferenceNetwork(
                                RandomWeights.midlMlp(widths, ratio, rank, rank, 1),
                                ComputeMode.SPARSE,
                                threads),
                        calls));
        SplittableRandom rnd = new SplittableRandom(7);
        float[] x = new float[widths[0]];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextDouble();
        }
        float[] out = new float[widths[widths.length - 1]];
        for (int c = -warmup; c < calls; c++) {
            for (int v = 0; v < traces.size(); v++) {
                // Rotate who goes first, as InferenceLatency does.
                traces.get(Math.floorMod(c + v, traces.size())).call(x, out, c);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "MLP %s, batch 1, %d thread(s), activeRatio %.2f, ranks %d, %d calls each; medians%n",
                Arrays.toString(widths),
                threads,
                ratio,
                rank,
                calls);
        for (Trace t : traces) {
            System.out.printf(Locale.ROOT, "%s%n", t.name);
            for (int p = 0; p < t.nanos.length; p++) {
                System.out.printf(
                        Locale.ROOT,
                        "  %-24s %8.2f us%n",
                        t.net.phaseName(p),
                        t.medianMicros(p, p + 1));
            }
            System.out.printf(
                    Locale.ROOT, "  %-24s %8.2f us%n", "call", t.medianMicros(0, t.nanos.length));
        }
        Trace dense = traces.get(0);
        Trace midl = traces.get(1);
        int midlFrom = 0;
        int denseFrom = 0;
        for (int layer = 0; layer < dense.net.layerCount(); layer++) {
            int midlTo = midlFrom + midl.net.phaseCount(layer);
            int denseTo = denseFrom + dense.net.phaseCount(layer);
            System.out.printf(
                    Locale.ROOT,
                    "layer %d: midl-sparse / dense %.3f%n",
                    layer + 1,
                    midl.medianMicros(midlFrom, midlTo) / dense.medianMicros(denseFrom, denseTo));
            midlFrom = midlTo;
            denseFrom = denseTo;
        }
        System.out.printf(
                Locale.ROOT,
                "call: midl-sparse / dense %.3f%n",
                midl.medianMicros(0, midl.nanos.length)
                        / dense.medianMicros(0, dense.nanos.length));
    }
}
