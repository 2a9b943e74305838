package io.github.midljava.experiment.suite.spark;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.suite.DatasetCache;
import io.github.midljava.experiment.suite.PlannedRun;
import io.github.midljava.experiment.suite.RunExecutor;
import io.github.midljava.experiment.suite.RunRecord;
import io.github.midljava.experiment.suite.RunStore;
import io.github.midljava.experiment.suite.SuiteOptions;
import io.github.midljava.experiment.suite.TrainingExecutor;
import io.github.midljava.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;

/**
 * The Spark task of one run, executed on an executor: load the dataset (once per executor JVM),
 * check its files against the driver's checksums, train and analyse with the suite's own {@link
 * TrainingExecutor}, and return every output as data. Nothing is written outside a temporary
 * folder, which is deleted before the task ends.
 */
final class RunTask implements Function<RunRequest, RunReply> {

    private static final long serialVersionUID = 1L;

    /** The executor's data: one dataset at a time (executors run one task at a time). */
    private static DatasetCache cache;

    private static String cacheKey;

    private static DatasetId cached;

    @Override
    public RunReply call(RunRequest request) {
        long t0 = System.nanoTime();
        double loadAtStart = RunRecord.currentLoadAverage();
        String executor = SparkEnv.get() == null ? "?" : SparkEnv.get().executorId();
        Path tmp = null;
        try {
            SuiteOptions options = Json.fromJson(request.optionsJson(), SuiteOptions.class);
            PlannedRun run = Json.fromJson(request.runJson(), PlannedRun.class);
            DataOptions data = executorData(options.data());
            Dataset dataset = dataset(data, options.testLimit(), run.dataset());
            String mismatch =
                    DataChecksums.mismatch(
                            request.checksums(), dataset.fileChecksums(), dataRoot(data));
            if (mismatch != null) {
                return RunReply.failed(executor, seconds(t0), mismatch);
            }
            tmp = Files.createTempDirectory("midl-run-");
            RunExecutor.Output out = new TrainingExecutor().execute(run, options, dataset, tmp);
            Path params = tmp.resolve(RunStore.PARAMETERS);
            return new RunReply(
                    executor,
                    Json.toJson(out.result()),
                    out.analysis() == null ? null : Json.toJson(out.analysis()),
                    Files.isRegularFile(params) ? Files.readAllBytes(params) : null,
                    seconds(t0),
                    loadAtStart,
                    RunRecord.currentLoadAverage(),
                    null);
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage();
            return RunReply.failed(
                    executor,
                    seconds(t0),
                    e.getClass().getSimpleName()
                            + (m == null ? "" : ": " + m.lines().findFirst().orElse("")));
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * The data root of this executor: its {@code MIDL_DATA_DIR} (set by the worker's environment or
     * by the driver through {@code spark.executorEnv.MIDL_DATA_DIR}), else the driver's options.
     */
    static DataOptions executorData(DataOptions driver) {
        String env = System.getenv("MIDL_DATA_DIR");
        return env == null || env.isBlank() ? driver : driver.withDataDir(Path.of(env.strip()));
    }

    private static String dataRoot(DataOptions data) {
        return data.dataDir() == null ? "the default data root" : data.dataDir().toString();
    }

    /** Returns the dataset, keeping only the last one loaded in memory. */
    private static synchronized Dataset dataset(DataOptions data, int testLimit, DatasetId id) {
        String key = Json.toJson(data) + "|" + testLimit;
        if (!key.equals(cacheKey)) {
            cache = new DatasetCache(data, testLimit);
            cacheKey = key;
        } else if (cached != null && cached != id) {
            cache.release(cached);
        }
        cached = id;
        return cache.get(id);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary folder is harmless; the run's outputs are already in memory
        }
    }
}
