package io.github.midljava.bench;

import io.github.midljava.inference.ComputeMode;
import io.github.midljava.inference.InferenceNetwork;
import io.github.midljava.inference.LayerWeights;
import io.github.midljava.inference.RandomWeights;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one {@code predict} call of the MNIST MLP 784-512-512-10 with seeded random weights:
 * the dense MLP, its MID-L twin (hidden layers MID-L, activeRatio 0.45, gate and light rank 16)
 * computed sparsely, and the same MID-L model computed densely (all rows of the full path, then
 * mask), all on the same pure-Java kernels. {@code threads} is the network's own thread count; JMH
 * drives it from one thread.
 *
 * <p>Sample-time mode: JMH reports percentiles, and the median (p0.50) resists the outliers of a
 * shared machine better than the mean. JMH runs the variants one after another, so on a shared
 * machine compare them with {@code io.github.midljava.inference.InferenceLatency}, which
 * interleaves them (see README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms1g", "-Xmx1g"})
@Threads(1)
public class MlpInferenceBenchmark {
    private static final int[] WIDTHS = {784, 512, 512, 10};

    @Param({"1", "8", "64", "256", "1024"})
    public int batch;

    @Param({"1", "2"})
    public int threads;

    @Param({"0.45"})
    public double activeRatio;

    private InferenceNetwork dense;
    private InferenceNetwork midlSparse;
    private InferenceNetwork midlDense;
    private float[] x;
    private float[] out;

    @Setup(Level.Trial)
    public void setUp() {
        List<LayerWeights> midl = RandomWeights.midlMlp(WIDTHS, activeRatio, 16, 16, 1);
        dense =
                new InferenceNetwork(
                        RandomWeights.denseMlp(WIDTHS, 1), ComputeMode.SPARSE, threads);
        midlSparse = new InferenceNetwork(midl, ComputeMode.SPARSE, threads);
        midlDense = new InferenceNetwork(midl, ComputeMode.DENSE, threads);
        SplittableRandom rnd = new SplittableRandom(7);
        x = new float[batch * WIDTHS[0]];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextDouble();
        }
        out = new float[batch * WIDTHS[WIDTHS.length - 1]];
    }

    /** The dense MLP. */
    @Benchmark
    public float[] dense() {
        dense.predict(x, batch, out);
        return out;
    }

    /** MID-L, full path only for the k selected units per sample. */
    @Benchmark
    public float[] midlSparse() {
        midlSparse.predict(x, batch, out);
        return out;
    }

    /** MID-L, all units on the full path, then mask and blend (the training-mode forward). */
    @Benchmark
    public float[] midlDenseCompute() {
        midlDense.predict(x, batch, out);
        return out;
    }
}
