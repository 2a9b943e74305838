package io.github.midljava.bench;

import io.github.midljava.inference.ComputeMode;
import io.github.midljava.inference.InferenceNetwork;
import io.github.midljava.inference.LayerWeights;
import io.github.midljava.inference.RandomWeights;
import io.github.midljava.inference.SingleSampleKernel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * In-process latency of {@link InferenceNetwork#predict} per call, without JMH: warm-up, then timed
 * calls with {@link System#nanoTime}, interleaved round-robin across the variants in short blocks
 * (rotating which goes first) so that machine drift hits all of them equally; compare variants by
 * the ratio of their medians.
 */
public final class InferenceLatency {
    private static volatile float sink;

    /** Timed calls of one variant in a row before the next variant's turn. */
    static final int BLOCK = 8;

    /**
     * Calls of a block that start earlier than this after the block's start are not timed: longer
     * than an InferenceNetwork helper's spin after its last task (200 µs by default).
     */
    static final long SETTLE_NANOS = 300_000L;

    private InferenceLatency() {}

    private static boolean done(int[] filled, int timedCalls) {
        for (int f : filled) {
            if (f < timedCalls) {
                return false;
            }
        }
        return true;
    }

    /**
     * Latency of one variant at one batch size.
     *
     * @param variant the name given to {@link #measure}
     * @param batch samples per call
     * @param calls timed calls
     * @param medianMicros median latency per call, µs
     * @param p99Micros 99th percentile, µs
     * @param minMicros fastest call, µs
     */
    public record Result(
            String variant,
            int batch,
            int calls,
            double medianMicros,
            double p99Micros,
            double minMicros) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%-22s batch %5d  median %10.1f us  p99 %10.1f us  min %10.1f us  (%d calls)",
                    variant,
                    batch,
                    medianMicros,
                    p99Micros,
                    minMicros,
                    calls);
        }
    }

    /**
     * Measures each variant on the same seeded random input of {@code batch} samples.
     *
     * @param variants name -> network, all with the same input size; measured in this order
     * @param warmupCalls untimed calls per variant first (JIT compilation, caches)
     * @param timedCalls timed calls per variant
     * @return one result per variant, in the iteration order of {@code variants}
     */
    public static List<Result> measure(
            Map<String, InferenceNetwork> variants,
            int batch,
            int warmupCalls,
            int timedCalls,
            long seed) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("variants must not be empty");
        }
        Map<String, Call> calls = new LinkedHashMap<>();
        int in = variants.values().iterator().next().inputSize();
        for (Map.Entry<String, InferenceNetwork> e : variants.entrySet()) {
            InferenceNetwork net = e.getValue();
            if (net.inputSize() != in) {
                throw new IllegalArgumentException(
                        "all variants need inputSize "
                                + in
                                + ", got "
                                + net.inputSize()
                                + " for "
                                + e.getKey());
            }
            float[] out = new float[batch * net.outputSize()];
            calls.put(
                    e.getKey(),
                    (x, b) -> {
                        net.predict(x, b, out);
                        return out[0];
                    });
        }
        return measureCalls(calls, in, batch, warmupCalls, timedCalls, seed);
    }

    /** One inference call of any runtime; returns one output value (kept, so it is not elided). */
    @FunctionalInterface
    public interface Call {
        /**
         * @param x input {@code [batch, inputSize]}, row-major
         * @param batch samples
         * @return any one output value
         */
        float run(float[] x, int batch);
    }

    /**
     * Measures calls of any runtime round-robin (in blocks, rotating the start), so that drift of a
     * shared machine hits all variants alike.
     *
     * @param variants name -> call, measured in this order
     * @param inputSize floats per sample
     * @param batch samples per call
     * @param warmupCalls untimed calls per variant first
     * @param timedCalls timed calls per variant
     * @param seed seeds the random input
     * @return one result per variant, in iteration order
     */
    public static List<Result> measureCalls(
            Map<String, Call> variants,
            int inputSize,
            int batch,
            int warmupCalls,
            int timedCalls,
            long seed) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("variants must not be empty");
        }
        if (batch < 1 || timedCalls < 1) {
            throw new IllegalArgumentException(
                    "batch and timedCalls must be >= 1, got " + batch + " and " + timedCalls);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[batch * inputSize];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextDouble();
        }
        return measureCalls(variants, x, batch, warmupCalls, timedCalls);
    }

    /**
     * Measures calls on a given input (real data, e.g. test images), round-robin as {@link
     * #measureCalls(Map, int, int, int, int, long)} does.
     *
     * @param variants name -> call, measured in this order
     * @param x the input of every call, {@code [batch, inputSize]}
     * @param batch samples per call
     * @param warmupCalls untimed calls per variant first
     * @param timedCalls timed calls per variant
     * @return one result per variant, in iteration order
     */
    public static List<Result> measureCalls(
            Map<String, Call> variants, float[] x, int batch, int warmupCalls, int timedCalls) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("variants must not be empty");
        }
        if (batch < 1 || timedCalls < 1) {
            throw new IllegalArgumentException(
                    "batch and timedCalls must be >= 1, got " + batch + " and " + timedCalls);
        }
        String[] names = variants.keySet().toArray(new String[0]);
        Call[] calls = variants.values().toArray(new Call[0]);
        long[][] times = new long[calls.length][timedCalls];
        int[] filled = new int[calls.length];
        int[] warm = new int[calls.length];
        // Blocks of BLOCK calls per variant, the variants taking turns block by block (the order
        // rotating): drift still hits all alike, while the calls of a block are not timed until
        // SETTLE_NANOS into it, so that the helper threads the previous variant left spinning
        // (a multi-threaded InferenceNetwork's, or libtorch's) do not count against this one.
        for (int round = 0; !done(filled, timedCalls); round++) {
            for (int step = 0; step < calls.length; step++) {
                int v = Math.floorMod(round + step, calls.length);
                long blockStart = System.nanoTime();
                int timedInBlock = 0;
                while (timedInBlock < BLOCK && filled[v] < timedCalls) {
                    long t0 = System.nanoTime();
                    float value = calls[v].run(x, batch);
                    long t1 = System.nanoTime();
                    sink += value;
                    if (warm[v] < warmupCalls) {
                        warm[v]++;
                        timedInBlock++; // warm-up calls take their turns like timed ones
                    } else if (t0 - blockStart >= SETTLE_NANOS) {
                        times[v][filled[v]++] = t1 - t0;
                        timedInBlock++;
                    }
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int v = 0; v < calls.length; v++) {
            long[] t = times[v];
            Arrays.sort(t);
            results.add(
                    new Result(
                            names[v],
                            batch,
                            timedCalls,
                            t[(timedCalls - 1) / 2] / 1e3,
                            t[Math.min(timedCalls - 1, (int) Math.ceil(0.99 * timedCalls) - 1)]
                                    / 1e3,
                            t[0] / 1e3));
        }
        return results;
    }

    /**
     * Compares, for the MNIST MLP 784-512-512-10 with random weights, the dense MLP (both
     * single-sample kernels) with its MID-L twin computed sparsely, densely and by AUTO, and prints
     * medians and the MID-L ratios against the faster dense kernel. Arguments ({@code key=value}):
     * {@code batches=1,8,64,256,1024}, {@code threads=1,2}, {@code ratio=0.45}, {@code rank=16},
     * {@code seconds=6} (time budget per batch size and thread count), {@code warmup=10} (seconds
     * of warm-up over all batch sizes first: the JIT compiles the vector kernels late, several
     * seconds in on a busy machine, and each batch size has its own paths).
     */
    public static void main(String[] args) {
        Map<String, String> opt = keyValues(args);
        int[] batches = ints(opt.getOrDefault("batches", "1,8,64,256,1024"));
        int[] threads = ints(opt.getOrDefault("threads", "1,2"));
        double ratio = Double.parseDouble(opt.getOrDefault("ratio", "0.45"));
        int rank = Integer.parseInt(opt.getOrDefault("rank", "16"));
        double seconds = Double.parseDouble(opt.getOrDefault("seconds", "6"));
        double warmup = Double.parseDouble(opt.getOrDefault("warmup", "10"));
        int[] widths = {784, 512, 512, 10};
        System.out.printf(
                Locale.ROOT,
                "MLP %s, activeRatio %.2f, ranks %d, vector species %s, %d processors%n",
                Arrays.toString(widths),
                ratio,
                rank,
                jdk.incubator.vector.FloatVector.SPECIES_PREFERRED,
                Runtime.getRuntime().availableProcessors());
        for (int t : threads) {
            Map<String, InferenceNetwork> variants = new LinkedHashMap<>();
            List<LayerWeights> dense = RandomWeights.denseMlp(widths, 1);
            List<LayerWeights> midl = RandomWeights.midlMlp(widths, ratio, rank, rank, 1);
            variants.put(
                    "dense/java/dense/rows",
                    new InferenceNetwork(dense, ComputeMode.DENSE, t, SingleSampleKernel.ROWS));
            variants.put(
                    "dense/java/dense/panels",
                    new InferenceNetwork(dense, ComputeMode.DENSE, t, SingleSampleKernel.PANELS));
            variants.put(
                    "midl/java/sparse/rows", new InferenceNetwork(midl, ComputeMode.SPARSE, t));
            variants.put("midl/java/dense/rows", new InferenceNetwork(midl, ComputeMode.DENSE, t));
            variants.put("midl/java/auto/rows", new InferenceNetwork(midl, ComputeMode.AUTO, t));
            long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
            while (System.nanoTime() < warmEnd) {
                for (int batch : batches) {
                    measure(variants, batch, 0, Math.max(1, 64 / batch), 7);
                }
            }
            for (int batch : batches) {
                // Calibrate the number of calls to the time budget with a short probe.
                List<Result> probe = measure(variants, batch, 20, 10, 7);
                double perRound = probe.stream().mapToDouble(Result::medianMicros).sum() * 1e-6;
                int calls = (int) Math.max(20, Math.min(20_000, 0.8 * seconds / perRound));
                List<Result> results = measure(variants, batch, calls / 4, calls, 7);
                for (Result r : results) {
                    System.out.printf(Locale.ROOT, "threads %d  %s%n", t, r);
                }
                // The honest reference: the faster of the two dense kernels at this batch.
                Result ref = fastest(results.subList(0, 2));
                System.out.printf(
                        Locale.ROOT,
                        "threads %d  batch %5d  against %s: midl-sparse %.3f  midl-dense %.3f"
                                + "  midl-auto %.3f%n",
                        t,
                        batch,
                        ref.variant(),
                        results.get(2).medianMicros() / ref.medianMicros(),
                        results.get(3).medianMicros() / ref.medianMicros(),
                        results.get(4).medianMicros() / ref.medianMicros());
            }
            variants.values().forEach(InferenceNetwork::close);
        }
    }

    /**
     * The fastest of {@code candidates} by median: the honest reference a speed-up is measured
     * against (for a dense model, the fastest dense computation this build has at that batch size,
     * whichever kernel or runtime it is).
     */
    public static Result fastest(List<Result> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("candidates must not be empty");
        }
        Result best = candidates.get(0);
        for (Result r : candidates) {
            if (r.medianMicros() < best.medianMicros()) {
                best = r;
            }
        }
        return best;
    }

    /** {@code key=value} arguments of the diagnostic mains, in order. */
    static Map<String, String> keyValues(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected key=value, got " + a);
            }
            opt.put(kv[0], kv[1]);
        }
        return opt;
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .mapToInt(Integer::parseInt)
                .toArray();
    }
}
