package io.github.midljava.experiment.suite.spark;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the suite uses Spark.
 *
 * @param master where the runs go
 * @param threadsPerRun engine intra-op threads of each run ({@code --threads-per-run}); each run
 *     also claims this many Spark cores, so N concurrent runs need N x T cores
 * @param executorMemoryMb heap of each executor JVM in MiB ({@code --executor-memory}); the
 *     engine's tensors live outside it
 * @param conf further Spark settings ({@code --conf KEY=VALUE}); they win over the suite's own
 * @param timeout how long to wait for the master to answer and for the first executor to register
 *     ({@code --master-timeout}) before giving up with an error
 */
public record SparkSettings(
        SparkMaster master,
        int threadsPerRun,
        int executorMemoryMb,
        Map<String, String> conf,
        Duration timeout) {

    /** Default engine threads per run: measured on 2 cores, see the README's "Scaling out". */
    public static final int DEFAULT_THREADS_PER_RUN = 1;

    /** Default executor heap: holds the largest dataset here (MNIST, ~220 MB of floats) twice. */
    public static final int DEFAULT_EXECUTOR_MEMORY_MB = 2048;

    /** Default wait for the master and the first executor. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    /** Validates the values. */
    public SparkSettings {
        if (master == null) {
            throw new IllegalArgumentException("--master must be set");
        }
        if (threadsPerRun < 1 || threadsPerRun > 256) {
            throw new IllegalArgumentException(
                    "--threads-per-run must be in [1, 256], got " + threadsPerRun);
        }
        if (executorMemoryMb < 256) {
            throw new IllegalArgumentException(
                    "--executor-memory must be >= 256 MiB, got " + executorMemoryMb + " MiB");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--master-timeout must be > 0, got " + timeout);
        }
        for (String key : conf.keySet()) {
            if (!key.startsWith("spark.")) {
                throw new IllegalArgumentException(
                        "--conf " + key + ": Spark settings start with 'spark.'");
            }
        }
        conf = Map.copyOf(new TreeMap<>(conf));
    }

    /** Returns the settings for {@code master} with the defaults. */
    public static SparkSettings defaults(SparkMaster master) {
        return new SparkSettings(
                master,
                DEFAULT_THREADS_PER_RUN,
                DEFAULT_EXECUTOR_MEMORY_MB,
                Map.of(),
                DEFAULT_TIMEOUT);
    }

    /** Returns a copy with another number of threads per run. */
    public SparkSettings withThreadsPerRun(int value) {
        return new SparkSettings(master, value, executorMemoryMb, conf, timeout);
    }

    /** Returns a copy with one more Spark setting. */
    public SparkSettings withConf(String key, String value) {
        Map<String, String> c = new TreeMap<>(conf);
        c.put(key, value);
        return new SparkSettings(master, threadsPerRun, executorMemoryMb, c, timeout);
    }

    /** Returns a copy with another timeout. */
    public SparkSettings withTimeout(Duration value) {
        return new SparkSettings(master, threadsPerRun, executorMemoryMb, conf, value);
    }
}
